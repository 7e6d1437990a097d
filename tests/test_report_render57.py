"""What the reader sees, round 57 (render57): table headings set a word a line.

Looked at as LibreOffice prints the Word report of the example and of studies of 5, 6, 12 and 60 councils (synth seeds
5705, 5706, 5712, 5760): the tables of credits, at 8 pt on a landscape page beside a column of impacts that already
wrap, printed "Credited / to / funding", "Cause / left / open" and "Share / with / the / cause / left / open" (a heading
row six lines high over rows of one or two), and "Median, / longer-term / change". :func:`impact.report._layout.
_no_lone_word` mended a heading only where no row took a line; a heading set a word a line was no fault to it.

A heading with a line of one short word or set about a word a line (three lines or more, fewer than one and a half
words a line) is now widened to the least width that mends it, the room taken from the other columns (down to their
minimums), where the table grows no taller: its heading row's lines and its rows' lines summed, as printed, are no more
than before (:func:`impact.report._layout._no_taller`). The tables here are generated (seeded, seeds the project had
not used) in the shapes of the example's Tables 6 (expectations by status), 10 (credits) and 15 (change by status);
the checks read the Word document's column widths and wrap each cell's printed text again, word by word, in Arial's
widths (as LibreOffice prints it: round 51), and the printed web page's columns as :func:`impact.report._html.
_print_plan` gives them.

The workbook: a sheet printed in parts across pages (the example's Table 15) widened no heading, and printed "CI, /
lower"; a column of such a sheet is now widened where the sheet prints in as many parts at no smaller scale
(:func:`impact._xlsx.heading_mends`' ``parts``), checked by wrapping each heading as Excel and LibreOffice wrap it.
"""

from __future__ import annotations

import io
import random
import zipfile

import openpyxl
import pandas as pd
import pytest
from lxml import etree
from test_report_render_round53 import IMPACTS
from test_report_render_round55 import _by_status
from test_report_render_round56 import _alone, _credits, _headings, _wrap

from impact._textwidth import arial_width, excel_pixels
from impact._xlsx import DIGIT_PT
from impact.report import (
    CI,
    Report,
    Section,
    Table,
    _docx,
    _html,
    _layout,
    render_docx,
    render_xlsx,
)

SEEDS = (5711, 5712, 5713, 5714, 5715)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _expectations(seed: int) -> Table:
    """A small study's Table 6 in shape (the 6-council study's): each impact in and not in intervention, every
    figure suppressed ("c") but a few counts."""
    rng = random.Random(seed)
    rows = [{"impact": impact, "status": status, "n": "c", "k": str(rng.randint(5, 9)) if rng.random() < 0.3 else "c",
             "share": "c", "ci": "c"}
            for impact in rng.sample(IMPACTS, 6) for status in ("Not in intervention", "In intervention")]
    return Table(f"anticipated_{seed}", pd.DataFrame(rows), "Impacts anticipated before the review",
                 columns_format={"impact": "text", "status": "text", "n": "int", "k": "int", "share": "pct",
                                 "ci": "pct"},
                 labels={"impact": "Impact", "status": "Intervention status", "n": "Participants interviewed",
                         "k": "Participants anticipating it", "share": "Share anticipating it", "ci": "95% CI"})


SHAPES = (_credits, _by_status, _expectations)


WAVES = ["Early impact (about 3 months after)", "Longer-term change (about 12 months after)"]


def _wide_by_status(seed: int) -> Table:
    """The example's Table 15 in shape, as wide: impacts at each later wave, the odds ratio, its interval and p in
    and not in intervention and their ratio, under shared headings, and whether the change differs by status; its
    sheet prints in two parts at landscape."""
    rng = random.Random(seed)
    rows = []
    for impact in rng.sample(IMPACTS, 4):
        for wave in WAVES:
            row = {"impact": impact, "wave": wave, "compared": "Expectations before the review"}
            for g in ("a", "b", "c"):
                ratio = rng.uniform(0.3, 30.0)
                row |= {f"{g}_r": ratio, f"{g}_lo": ratio / rng.uniform(1.5, 6), f"{g}_hi": ratio * rng.uniform(1.5, 6),
                        f"{g}_p": rng.random() ** 3}
            row |= {"fit": "GEE", "groups": "at the wave", "dp": rng.random(), "dph": rng.random(),
                    "differs": rng.choice(["no", "yes"]), "w": rng.uniform(0.3, 3.0), "wp": rng.random()}
            rows.append(row)
    fmt = {"impact": "text", "wave": "text", "compared": "text"}
    labels = {"impact": "Impact", "wave": "Wave", "compared": "Compared with"}
    for g, name, what in (("a", "Not in intervention", "odds ratio"), ("b", "In intervention", "odds ratio"),
                          ("c", "In over not in intervention", "ratio of the odds ratios")):
        fmt |= {f"{g}_r": "num:2", f"{g}_ci": CI(f"{g}_lo", f"{g}_hi", digits=2), f"{g}_p": "p"}
        labels |= {f"{g}_r": f"{name}: {what}", f"{g}_ci": f"{name}: CI", f"{g}_p": f"{name}: p"}
    fmt |= {"fit": "text", "groups": "text", "dp": "p", "dph": "p", "differs": "text", "w": "num:2", "wp": "p"}
    labels |= {"fit": "Fit", "groups": "Status groups", "dp": "Differs by status: p",
               "dph": "Differs by status: p (Holm)", "differs": "Change differs by status",
               "w": "Weighted: ratio of the odds ratios", "wp": "Weighted: differs by status, p (Holm)"}
    return Table(f"wide_{seed}", pd.DataFrame(rows), "Change across the waves by intervention status",
                 columns_format=fmt, labels=labels)


def _arial_wrap(text: str, inner: float, size: float, bold: bool) -> list[list[str]]:
    """``text`` wrapped greedily at spaces (a no-break space binds its neighbours) into ``inner`` points of Arial."""
    out = []
    for paragraph in text.split("\n"):
        lines: list[list[str]] = []
        for word in paragraph.split(" "):
            if not word:
                continue
            if lines and arial_width(" ".join([*lines[-1], word]), size, bold=bold) <= inner + 0.01:
                lines[-1].append(word)
            else:
                lines.append([word])
        out += lines or [[]]
    return out


def _at_fault(lines: list[list[str]]) -> bool:
    """A heading of more than one line with a line of one word of three characters or fewer, or on three lines or
    more with fewer than one and a half words a line (a word a line)."""
    if len(lines) < 2:
        return False
    words = sum(len(unit.split("\u00a0")) for line in lines for unit in line)
    lone = any(len(line) == 1 and len(line[0]) <= 3 for line in lines)
    return lone or (len(lines) >= 3 and words < 1.5 * len(lines))


def _text(tc) -> str:
    out = []
    for p in tc.iter(_W + "p"):
        out.append("".join(el.text or "" if el.tag == _W + "t" else "\n" for el in p.iter(_W + "t", _W + "br")))
    return "\n".join(out)


def _word_tables(tables) -> list[dict]:
    """Each of ``tables`` as a Word report of its own prints it: its type size, column widths (points), headings and
    rows of text, and which columns are right-aligned (figures, kept on one line)."""
    found = []
    for table in tables:
        data = render_docx(Report("Study", "", {"study": "demo"}, [Section("Tables", [table])]))
        tbl = next(etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).iter(_W + "tbl"))
        widths = [int(g.get(_W + "w")) / 20 for g in tbl.iter(_W + "gridCol")]
        size = int(next(tbl.iter(_W + "sz")).get(_W + "val")) / 2
        full = [tr for tr in tbl.findall(_W + "tr") if len(tr.findall(_W + "tc")) == len(widths)]
        heads = [_text(tc) for tc in full[0].findall(_W + "tc")]
        rows = [[_text(tc) for tc in tr.findall(_W + "tc")] for tr in full[1:]]
        numeric = [tc.find(".//" + _W + "jc") is not None for tc in full[1].findall(_W + "tc")]
        found.append({"size": size, "widths": widths, "heads": heads, "rows": rows, "numeric": numeric})
    return found


def _measured(table: dict) -> tuple[int, int, int]:
    """(headings at fault, heading row's lines, rows' lines summed) of a Word table as LibreOffice prints it: each
    cell's text in its column less the cell margins, in Arial's widths."""
    inner = [w - 2 * _docx._CELL_MARGIN for w in table["widths"]]
    size = table["size"]
    heads = [_arial_wrap(h, w, size, True) for h, w in zip(table["heads"], inner, strict=True)]
    body = sum(max(len(c.split("\n")) if table["numeric"][k] else len(_arial_wrap(c, inner[k], size, False))
                   for k, c in enumerate(row)) for row in table["rows"])
    return sum(_at_fault(h) for h in heads), max(len(h) for h in heads), body


@pytest.fixture(scope="module")
def word():
    """The Word tables of every shape and seed, laid out as now and as with no widening for a heading at fault."""
    tables = [make(seed) for seed in SEEDS for make in SHAPES]
    with pytest.MonkeyPatch.context() as mp:
        # (both without render59's headings bound into units, which moves the room these tables are weighed by)
        mp.setattr(_docx, "heading_units", lambda text: text)
        after = _word_tables(tables)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_docx, "heading_units", lambda text: text)
        mp.setattr(_layout, "_no_taller", lambda headers, columns, widths, *args: widths, raising=False)
        # (nor by render58's moving of room for fewer lines, which mends a heading at fault too)
        mp.setattr(_layout, "_fewest_lines", lambda headers, columns, widths, *args: list(widths), raising=False)
        before = _word_tables(tables)
    return before, after


def test_word_headings_at_fault_are_mended_where_no_table_grows_taller(word):
    """Over the generated tables: fewer headings print with a line of one short word or a word a line, no table's
    heading row and rows together take more lines, and no table is wider. On main the credits printed "Share / with /
    the / cause / left / open" and "Credited / to / funding" under a heading row five or six lines high, the
    impacts beside them wrapping already. The expectations table ("Share / anticipating / it", "95% / CI") keeps
    its headings: mending them would wrap four rows of one line for the heading row's one line."""
    before, after = word
    faults = []
    for b, a in zip(before, after, strict=True):
        (fb, hb, rb), (fa, ha, ra) = _measured(b), _measured(a)
        assert ha + ra <= hb + rb, (a["heads"], hb, rb, ha, ra)
        assert sum(a["widths"]) <= sum(b["widths"]) + 0.1
        faults.append((fb, fa))
    assert sum(fa for _, fa in faults) < sum(fb for fb, _ in faults), faults


def test_word_credits_heading_rows_are_shorter(word):
    """The credits (the first of each seed's tables): the heading row of most is shorter by a line or more, no
    table's total lines more (the previous test); every heading's words all printed, in order."""
    before, after = word
    shorter = 0
    for b, a in list(zip(before, after, strict=True))[::len(SHAPES)]:
        shorter += _measured(a)[1] < _measured(b)[1]
        assert [h.replace("\u00a0", " ").split() for h in a["heads"]] == [
            h.replace("\u00a0", " ").split() for h in b["heads"]]
    assert shorter >= 3, shorter


def test_printed_web_page_has_fewer_headings_at_fault_and_no_table_taller(word):
    """The printed web page's columns (:func:`impact.report._html._print_plan`, 680 px portrait and 1000 px
    landscape at 12 px type) of every generated table: fewer headings at fault over them than with no widening, no
    table's heading row and rows together on more lines, none wider (the credits of seeds 5711 and 5712, landscape:
    "Share / with / the / cause / left / open" on two lines fewer)."""
    faults = []
    for table in word[1]:
        heads = [h.replace("\u00a0", " ") for h in table["heads"]]

        def measured(widths, table=table, heads=heads):
            return _measured({**table, "heads": heads, "size": _html._PRINT["font"],
                              "widths": [w - _html._PRINT["padding"] + 2 * _docx._CELL_MARGIN for w in widths]})

        for landscape in (False, True):
            after = _html._print_plan(heads, table["rows"], table["numeric"], landscape).widths
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(_layout, "_no_taller", lambda headers, columns, widths, *args: widths, raising=False)
                mp.setattr(_layout, "_fewest_lines", lambda headers, columns, widths, *args: list(widths),
                           raising=False)
                before = _html._print_plan(heads, table["rows"], table["numeric"], landscape).widths
            (fb, hb, rb), (fa, ha, ra) = measured(before), measured(after)
            assert ha + ra <= hb + rb, (heads, fb, hb, rb, fa, ha, ra)
            assert sum(after) == pytest.approx(sum(before))
            faults.append((fb, fa))
    assert sum(fa for _, fa in faults) < sum(fb for fb, _ in faults), faults

def _book(tables) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("Study", "", {"study": "demo"},
                                                                [Section("Tables", tables)]))))


def _short_alone(ws) -> int:
    """Headings of a sheet with a line of one word of three characters or fewer, wrapped as Excel wraps them (whole
    pixels, ``7 w - 5`` of room) or as LibreOffice does (Arial's widths, ``w`` digits less 2 pt)."""
    found = 0
    for text, width in _headings(ws):
        excel = _wrap(text, round(width * 7) - 5, lambda s: excel_pixels(s, 10, bold=True))
        libre = _wrap(text, width * DIGIT_PT - 2, lambda s: arial_width(s, 10, bold=True))
        found += _alone(excel) or _alone(libre)
    return found


def test_a_sheet_printed_in_parts_mends_a_short_word_where_its_part_has_room(monkeypatch):
    """The example's Table 15 in shape prints in two parts (a column break, its key columns repeated), and main
    widened no heading there ("CI, / lower" under a ratio of odds ratios: a few pixels would make the sheet wider than
    one page at 75%, which it is anyway). A column is now widened where the sheet prints in as many parts at no smaller
    scale: every sheet has fewer headings with a short word alone than with no such widening, and prints as it did."""
    tables = [_wide_by_status(seed) for seed in (5721, 5722, 5723, 5724, 5725)]
    after = _book(tables)
    from impact.report import _xlsx as report_xlsx

    mends = report_xlsx.heading_mends
    monkeypatch.setattr(report_xlsx, "heading_mends", lambda ws, widths, parts=None, **kw: mends(ws, widths, **kw))
    before = _book(tables)
    for a, b in zip(after.worksheets[1:], before.worksheets[1:], strict=True):
        assert [x.id for x in a.col_breaks.brk] == [x.id for x in b.col_breaks.brk] != []
        assert a.page_setup.scale >= b.page_setup.scale
        assert _short_alone(a) < _short_alone(b), a.title
