"""What the reader sees, round 58 (render58): the table of credits, and rows that wrap for want of a few points.

Looked at as LibreOffice prints the Word report of the example and of studies of 5, 6, 12 and 60 councils (synth seeds
5805, 5806, 5812, 5860), and as Chromium prints the web page. Word's table of credits (Table 10 of the example), at 8 pt
on a landscape page, printed each of its twelve headings whole over a column of figures as narrow as its longest word:
"Credited / to / funding", "Cause / left / open", "Share / credited / to the / review", ten of them set a word a line.
Each count and its share are now headed once, the shared part said over both ("Credited to the review" over "count"
and "share"), and the other causes under one "Credited to" (:func:`impact.report._format.header_groups`): the table
prints at 9 pt, its rows on fewer lines.

The room a table lacks was shared among its columns by how much width each would gain, not by how many lines: a column
of short labels wrapped ("Not in / intervention", "Longer-term change (about / 12 months after)") beside columns that
had the room to give with no row taller, and a heading's part said over several columns ("Credited to / another /
factor") stood three lines high over two columns of figures. :func:`impact.report._layout._fewest_lines` now moves
room between columns where the table then prints on fewer lines, no heading newly at fault.

The tables here are generated (seeded, seeds the project had not used) in the shapes of the example's Tables 6
(reported by wave and status) and 10 (credits), headed by the report's own labels; the checks read the Word document's
column widths and wrap each cell's printed text again, word by word, in Arial's widths (as LibreOffice prints it:
round 51), and the printed web page's columns as :func:`impact.report._html._print_plan` gives them.
"""

from __future__ import annotations

import dataclasses
import io
import random
import zipfile

import pandas as pd
import pytest
from conftest import report_of, tiny_analysed
from lxml import etree
from test_report_render57 import _arial_wrap, _at_fault, _measured, _text, _word_tables
from test_report_render_round53 import IMPACTS

from impact.report import CI, Report, Section, Table, _docx, _html, _layout, render_docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEEDS = (5811, 5812, 5813, 5814, 5815)
CAUSES = {"ofsted": "Ofsted", "leadership": "new leadership", "restructure": "a restructure", "funding": "funding",
          "other_programme": "another programme"}
#: The table of credits' headings as main set them, each whole over its column.
WHOLE = {"n_review": "Credited to the review", "n_other": "Credited to another factor", "n_unclear": "Cause left open",
         "share_review": "Share credited to the review", "share_other": "Share credited to another factor",
         "share_unclear": "Share with the cause left open", **{f"n_{k}": f"Credited to {v}" for k, v in CAUSES.items()}}


def _credits(seed: int) -> Table:
    """The example's Table 10 in shape, its columns named as the report names them (the report's vocabulary heads
    them): each impact's statements, those credited to the review, to another factor and left open with their shares,
    and those credited to each other cause; a row of them all, a row or two every figure suppressed ("c")."""
    rng = random.Random(seed)
    rows = []
    for impact in [*rng.sample(IMPACTS, 6), "All impacts"]:
        n = rng.randint(20, 1200)
        review, unclear = rng.randint(0, n), rng.randint(0, n // 10)
        other = max(0, n - review - unclear)
        row = {"impact": impact, "n_reported": n, "n_review": review, "share_review": review / n, "n_other": other,
               "share_other": other / n, "n_unclear": unclear, "share_unclear": unclear / n}
        row |= {f"n_{k}": rng.randint(0, other) for k in CAUSES}
        rows.append(row)
    for row in rng.sample(rows[:-1], rng.randint(0, 2)):
        row.update({k: "c" for k in row if k != "impact"})
    return Table(f"credits_{seed}", pd.DataFrame(rows), "What reported impacts were credited to",
                 columns_format={"impact": "text", "n_reported": "int", **{k: "int" for k in WHOLE if k[:2] == "n_"},
                                 "share_review": "pct:0", "share_other": "pct:0", "share_unclear": "pct:0"})


@pytest.fixture(scope="module")
def vocabulary():
    """The report's own vocabulary (the tiny study's report): the labels every table of credits is headed by."""
    return report_of(tiny_analysed())[0].vocabulary


def _printed(tables, vocabulary) -> list[dict]:
    """Each of ``tables`` as a Word report of its own prints it, read from the document: its type size, every heading
    cell (a shared part over its columns together, a heading over both rows, each column's own) wrapped in its cell's
    width in Arial bold as LibreOffice wraps it, the heading row's lines (a shared part's and the lines under it), and
    its rows' lines summed (figures kept on one line each)."""
    found = []
    for table in tables:
        data = render_docx(Report("Study", "", {"study": "demo"}, [Section("Tables", [table])], vocabulary=vocabulary))
        tbl = next(etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).iter(_W + "tbl"))
        widths = [int(g.get(_W + "w")) / 20 for g in tbl.iter(_W + "gridCol")]
        size = int(next(tbl.iter(_W + "sz")).get(_W + "val")) / 2
        trs = tbl.findall(_W + "tr")
        full = [tr for tr in trs if len(tr.findall(_W + "tc")) == len(widths)]
        inner = [w - 2 * _docx._CELL_MARGIN for w in widths]
        heads, over, under, col = [], [0], [0], 0
        if len(trs[0].findall(_W + "tc")) < len(widths):  # a row of shared parts above the columns' own headings
            for tc in trs[0].findall(_W + "tc"):
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                k = int(span.get(_W + "val")) if span is not None else 1
                lines = _arial_wrap(_text(tc), sum(widths[col:col + k]) - 2 * _docx._CELL_MARGIN, size, True)
                heads.append((_text(tc), lines))
                (under if tc.find(f"{_W}tcPr/{_W}vMerge") is not None else over).append(len(lines))
                col += k
        for tc, w in zip(full[0].findall(_W + "tc"), inner, strict=True):
            if _text(tc):
                heads.append((_text(tc), _arial_wrap(_text(tc), w, size, True)))
        lower = [len(lines) for text, lines in heads[len(heads) - sum(bool(_text(tc)) for tc in full[0].findall(
            _W + "tc")):]]
        rows = [[_text(tc) for tc in tr.findall(_W + "tc")] for tr in full[1:]]
        numeric = [tc.find(".//" + _W + "jc") is not None for tc in full[1].findall(_W + "tc")]
        body = sum(max(len(c.split("\n")) if numeric[k] else len(_arial_wrap(c, inner[k], size, False))
                       for k, c in enumerate(row)) for row in rows)
        found.append({"size": size, "heads": heads, "head_lines": max(max(under), max(over) + max(lower)),
                      "body": body, "faults": sum(_at_fault(lines) for _, lines in heads)})
    return found


def test_word_credits_are_headed_once_over_each_count_and_share(vocabulary):
    """The report's table of credits as Word prints it, against the same table headed each column whole as main
    headed it: over the seeds, a quarter as many headings set a word a line or with a line of one short word (10 of 45
    as measured: "Statements / reporting / an impact" and "new / leadership" left, mending them would wrap rows of
    impacts; on main "Credited / to / funding", "Cause / left / open", "Share / credited / to the / review": the
    same), no table on more lines (its heading row's and its rows' summed), none set smaller; every count and its
    share under one heading, said once over both, and the other causes under one "Credited to"."""
    tables = [_credits(seed) for seed in SEEDS]
    after = _printed(tables, vocabulary)
    before = _printed([dataclasses.replace(t, labels=WHOLE) for t in tables], vocabulary)
    for a, b in zip(after, before, strict=True):
        assert a["head_lines"] + a["body"] <= b["head_lines"] + b["body"], (a["heads"], b["heads"])
        assert a["size"] >= b["size"]
    assert 4 * sum(a["faults"] for a in after) <= sum(b["faults"] for b in before), [a["heads"] for a in after]
    for a in after:
        texts = [" ".join(text.split()) for text, _ in a["heads"]]
        assert {"Credited to the review", "Credited to another factor", "Cause left open", "Credited to"} <= set(
            texts), texts
        assert texts.count("count") == texts.count("share") == 3, texts
        assert set(CAUSES.values()) <= set(texts), texts


WAVES = ["Expectations before the review", "Early impact (about 3 months after)",
         "Longer-term change (about 12 months after)"]


def _reported(seed: int) -> Table:
    """The example's Table 6 in shape: each impact at each wave, in and not in intervention, the participants
    interviewed, those reporting it, its share and interval; a few figures suppressed ("c")."""
    rng = random.Random(seed)
    rows = []
    for impact in rng.sample(IMPACTS, rng.randint(3, 6)):
        for wave in rng.sample(WAVES, rng.randint(2, 3)):
            for status in ("Not in intervention", "In intervention"):
                n = rng.randint(3, 40)
                k = rng.randint(0, n)
                low = rng.random() * k / n
                rows.append({"impact": impact, "wave": wave, "status": status, "n": n, "k": k, "share": k / n,
                             "lo": low, "hi": min(1.0, low + rng.uniform(0.1, 0.5))})
    for row in rng.sample(rows, len(rows) // 4):
        row.update({"k": "c", "share": "c", "lo": "c", "hi": "c"})
    return Table(f"reported_{seed}", pd.DataFrame(rows), "Impacts reported at each wave, by intervention status",
                 columns_format={"impact": "text", "wave": "text", "status": "text", "n": "int", "k": "int",
                                 "share": "pct", "ci": CI("lo", "hi")},
                 labels={"impact": "Impact", "wave": "Wave", "status": "Intervention status",
                         "n": "Participants interviewed", "k": "Participants reporting it",
                         "share": "Share reporting it", "ci": "95% CI"})


def _expectations(seed: int) -> Table:
    """A small study's Table 6 in shape (the 6-council study's): each impact in and not in intervention, most figures
    suppressed; and, at random, the wave's label as a column of its own."""
    rng = random.Random(seed)
    wave = rng.random() < 0.5
    rows = [{"impact": impact, **({"wave": rng.choice(WAVES[1:])} if wave else {}), "status": status,
             "n": rng.randint(5, 30), "k": str(rng.randint(5, 9)) if rng.random() < 0.3 else "c"}
            for impact in rng.sample(IMPACTS, 6) for status in ("Not in intervention", "In intervention")]
    return Table(f"anticipated_{seed}", pd.DataFrame(rows), "Impacts anticipated before the review",
                 columns_format={"impact": "text", **({"wave": "text"} if wave else {}), "status": "text", "n": "int",
                                 "k": "int"},
                 labels={"impact": "Impact", **({"wave": "Wave"} if wave else {}), "status": "Intervention status",
                         "n": "Participants interviewed", "k": "Participants anticipating it"})


SHAPES = (_reported, _expectations)


@pytest.fixture(scope="module")
def word():
    """The Word tables of every shape and seed, laid out as now and as with the room shared by width alone."""
    tables = [make(seed) for seed in (5821, 5822, 5823, 5824, 5825, 5826) for make in SHAPES]
    after = _word_tables(tables)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_layout, "_fewest_lines", lambda headers, columns, widths, *args: list(widths), raising=False)
        before = _word_tables(tables)
    return before, after


def test_word_tables_print_on_fewer_lines_where_room_moves(word):
    """Over the generated tables as LibreOffice prints them: no table on more lines (heading row and rows summed),
    none wider, none with more headings at fault; the tables together on fewer lines, several of them (on main the
    same: the room went by width, and a column of short labels wrapped beside columns that could give it room)."""
    before, after = word
    saved = []
    for b, a in zip(before, after, strict=True):
        (fb, hb, rb), (fa, ha, ra) = _measured(b), _measured(a)
        assert ha + ra <= hb + rb, (a["heads"], hb, rb, ha, ra)
        assert fa <= fb, (a["heads"], b["widths"], a["widths"])
        assert sum(a["widths"]) <= sum(b["widths"]) + 0.1
        saved.append(hb + rb - ha - ra)
    assert sum(x > 0 for x in saved) >= 3, saved


def test_printed_web_page_prints_on_fewer_lines(word):
    """The printed web page's columns (:func:`impact.report._html._print_plan`, 680 px portrait and 1000 px landscape
    at 12 px type) of every generated table: none on more lines, none with more headings at fault, the same width;
    some on fewer lines (on main none)."""
    saved = []
    for table in word[1]:
        heads = [h.replace("\u00a0", " ") for h in table["heads"]]

        def measured(widths, table=table, heads=heads):
            return _measured({**table, "heads": heads, "size": _html._PRINT["font"],
                              "widths": [w - _html._PRINT["padding"] + 2 * _docx._CELL_MARGIN for w in widths]})

        for landscape in (False, True):
            after = _html._print_plan(heads, table["rows"], table["numeric"], landscape).widths
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(_layout, "_fewest_lines", lambda headers, columns, widths, *args: list(widths),
                           raising=False)
                before = _html._print_plan(heads, table["rows"], table["numeric"], landscape).widths
            (fb, hb, rb), (fa, ha, ra) = measured(before), measured(after)
            assert ha + ra <= hb + rb, (heads, fb, hb, rb, fa, ha, ra)
            assert fa <= fb, heads
            assert sum(after) == pytest.approx(sum(before))
            saved.append(hb + rb - ha - ra)
    assert sum(x > 0 for x in saved) >= 2, saved


def test_a_shared_part_over_two_columns_is_set_on_fewer_lines(vocabulary):
    """The credits as Word prints them, with and without room moved for the heading row: "Credited to another factor"
    said once over a count and a share stood three lines high ("Credited to / another / factor") over two columns of
    figures; the heading row is now shorter in some tables, and no table on more lines."""
    tables = [_credits(seed) for seed in SEEDS]
    after = _printed(tables, vocabulary)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_layout, "_fewest_lines", lambda headers, columns, widths, *args: list(widths), raising=False)
        before = _printed(tables, vocabulary)
    shorter = 0
    for a, b in zip(after, before, strict=True):
        assert a["head_lines"] + a["body"] <= b["head_lines"] + b["body"], (a["heads"], b["heads"])
        shorter += a["head_lines"] < b["head_lines"]
    assert shorter >= 2, [(a["head_lines"], b["head_lines"]) for a, b in zip(after, before, strict=True)]
