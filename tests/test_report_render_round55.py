"""What the reader sees, round 55 (render55): a short word alone on a line inside a table heading, and a workbook's
heading row taller than its headings need.

Looked at as printed (LibreOffice's PDFs of the Word report and the workbook, Chromium's of the web page) for the
example, a 6-council (synth seed 5506) and a 40-council study (seed 5540): headings printed "Credited to / a /
restructure", "In over not / in / intervention", "Change / differs / by / status" and "p / (Holm)" (the web page,
and in Word "Credited to / a / restructure" and "Mean / share, not / in / intervention"), a short word on a line of
its own in the middle of a heading, which render54's rule (a heading's short last word bound to the word before it)
never looked at; and the workbook's Table 15 printed its part of two-line headings ("odds ratio", "CI, lower")
under a heading row of five lines, set so for "differs by status, p (Holm)" in a column of p-values in its other
printed part.

A heading's short word is now bound (a no-break space; on the web page a span that does not wrap) to the word
before or after it where, in its column's width, it would stand alone on a line and the pair fits
(:func:`impact.report._layout.mend_breaks`); the layout counts such a line as a lone word wherever it falls and mends
it by a narrower or wider column where the others can give the room. The tables here are generated (seeded) in the
shapes of those tables; the checks read the page and the document written and wrap each heading again in Arial's
widths word by word (a no-break space or a span that does not wrap keeping its words together), and read
Chromium's PDF where Chromium is installed (skipped, saying so, where not).
"""

from __future__ import annotations

import io
import random
import re
import zipfile

import lxml.html
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter
from test_report_render_round52 import _lines as _printed_lines
from test_report_render_round53 import IMPACTS, PRINT, _printed_web
from test_report_render_round54 import _heading_pieces, _print_widths

from impact._textwidth import arial_width
from impact._xlsx import LINE_PT, cell_lines
from impact.report import CI, Report, Section, Table, _docx, render_docx, render_html, render_xlsx

SEEDS = (5501, 5502, 5503, 5504)
WAVES = ["Early impact (about 3 months after)", "Longer-term change (about 12 months after)"]
FACTORS = ["a restructure", "the review", "another factor", "Ofsted", "funding", "a new director"]


def _credits(seed: int) -> Table:
    """The example's Table 10 in shape: impacts beside counts of statements crediting each of some causes."""
    rng = random.Random(seed)
    factors = rng.sample(FACTORS, 3)
    rows = [{"impact": impact, "n": rng.randint(5, 80), **{f"c{k}": rng.randint(0, 40) for k in range(3)}}
            for impact in rng.sample(IMPACTS, 4)]
    return Table(f"credits_{seed}", pd.DataFrame(rows), "What reported impacts were credited to",
                 columns_format={"n": "int", **{f"c{k}": "int" for k in range(3)}},
                 labels={"impact": "Impact", "n": "Statements reporting an impact",
                         **{f"c{k}": f"Credited to {f}" for k, f in enumerate(factors)}})


def _by_status(seed: int) -> Table:
    """The example's Table 15 in shape: impacts at each later wave beside a ratio of odds ratios, its interval and
    tests of whether the change differs by status, under shared headings."""
    rng = random.Random(seed)
    rows = [{"impact": impact, "wave": wave, "ratio": rng.uniform(0.2, 3.0), "lo": rng.uniform(0.05, 0.5),
             "hi": rng.uniform(3.0, 12.0), "dp": rng.random(), "dph": rng.random(),
             "differs": rng.choice(["no", "yes"])}
            for impact in rng.sample(IMPACTS, 3) for wave in WAVES]
    return Table(f"status_{seed}", pd.DataFrame(rows), "Change across the waves by intervention status",
                 columns_format={"impact": "text", "wave": "text", "ratio": "num:2", "ci": CI("lo", "hi", digits=2),
                                 "dp": "p", "dph": "p", "differs": "text"},
                 labels={"impact": "Impact", "wave": "Wave", "ratio": "In over not in intervention: ratio",
                         "ci": "In over not in intervention: CI", "dp": "Differs by status: p",
                         "dph": "Differs by status: p (Holm)", "differs": "Change differs by status"})


@pytest.fixture(scope="module")
def tables():
    return [make(seed) for seed in SEEDS for make in (_credits, _by_status)]


def _wrapped(pieces: list[str], inner: float, size: float) -> list[list[str]]:
    """``pieces`` (a heading's words, each kept whole) wrapped greedily into ``inner`` points of Arial bold."""
    lines: list[list[str]] = []
    for piece in pieces:
        if lines and arial_width(" ".join(lines[-1] + [piece]), size, bold=True) <= inner + 0.01:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return lines


def _short_alone(lines: list[list[str]]) -> bool:
    """Whether a line of a heading of more than one line is one word of three letters or fewer."""
    return len(lines) > 1 and any(len(line) == 1 and len(line[0].split()) == 1 and len(line[0]) <= 3
                                  for line in lines)


def _page(tables) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_html(Report("Study", "", {"study": "demo"}, [Section("Tables", tables)])))


def test_web_headings_have_no_short_word_alone_on_a_line_at_print_size(tables):
    """Each heading of the web page's tables (of one heading row, and the lower row's under a shared part), wrapped
    in its printed column's width at the printed type, keeping whole what the page keeps whole, has no line of one
    short word: on main "Credited to / a / restructure" and "In over not / in / intervention" printed so."""
    page = _page(tables)
    checked, lone = 0, []
    for wrap in page.xpath("//div[contains(@class, 'table-wrap')]"):
        _, widths = _print_widths(wrap)
        rows = wrap.xpath(".//thead/tr")
        ths = rows[-1].xpath("./th")
        if len(rows) == 2:  # the lower row's headings: the columns under a shared part
            spans = [int(th.get("colspan", "1")) if th.get("class") == "group" else 0 for th in rows[0].xpath("./th")]
            under = [j for j, span in enumerate(_expand(spans)) if span]
            assert len(under) == len(ths)
            cells = [(th, widths[j]) for th, j in zip(ths, under, strict=True)]
            # and each shared part over its columns together
            j = 0
            for th, span in zip(rows[0].xpath("./th"), spans, strict=True):
                cells.append((th, sum(widths[j:j + max(span, 1)])))
                j += max(span, 1)
        else:
            cells = list(zip(ths, widths, strict=True))
        for th, width in cells:
            lines = _wrapped(_heading_pieces(th), width - PRINT["pad"], PRINT["font"])
            checked += 1
            if _short_alone(lines):
                lone.append((th.text_content(), lines))
    assert lone == []
    assert checked >= len(SEEDS) * (5 + 7)


def _expand(spans: list[int]) -> list[int]:
    """Per column, the span of the shared part over it (0: a column under none)."""
    out = []
    for span in spans:
        out += [span] * span if span else [0]
    return out


def test_web_headings_print_without_a_short_word_alone_on_a_line(tables, tmp_path):
    """The same in Chromium's PDF of the page: no printed line of a heading is one short word."""
    found = _printed_web(tables, tmp_path)
    lone, checked = [], 0
    for rows in found:
        for text, words in rows[0]:
            lines = _printed_lines(words)
            checked += 1
            if _short_alone(lines):
                lone.append((text, lines))
    assert lone == []
    assert checked >= len(SEEDS) * 8


def test_web_headings_keep_their_text(tables):
    """The bound words are shown as written: each heading's text is its label, spaces and all."""
    page = _page(tables[:2])
    heads = {" ".join(th.text_content().split()) for th in page.xpath("//thead//th")}
    assert {"Statements reporting an impact", "In over not in intervention", "p (Holm)",
            "Change differs by status"} <= heads
    assert not any("\u00a0" in th.text_content() for th in page.xpath("//thead//th"))


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_word_headings_have_no_short_word_alone_on_a_line(tables):
    """Each heading cell of the Word report, wrapped in its column's width less the cell margins at the table's type
    in Arial's widths (as LibreOffice prints it, render51), a no-break space keeping its words together, has no line
    of one short word; its text read with ordinary spaces is its label."""
    from lxml import etree

    data = render_docx(Report("Study", "", {"study": "demo"}, [Section("Tables", tables)]))
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    checked, lone, texts = 0, [], set()
    for tbl in xml.iter(W + "tbl"):
        grid = [int(g.get(W + "w")) / 20 for g in tbl.iter(W + "gridCol")]
        for tr in tbl.iter(W + "tr"):
            if tr.find(f"{W}trPr/{W}tblHeader") is None:
                continue
            col = 0
            for tc in tr.findall(W + "tc"):
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                span = int(span.get(W + "val")) if span is not None else 1
                width = sum(grid[col:col + span])
                col += span
                text = "".join(t.text or "" for t in tc.iter(W + "t"))
                if not text:
                    continue
                size = int(tc.find(f".//{W}sz").get(W + "val")) / 2
                pieces = [p.replace("\u00a0", " ") for p in re.split(r" +", text) if p]
                lines = _wrapped(pieces, width - _docx._CELL_PADDING, size)
                checked += 1
                texts.add(text.replace("\u00a0", " "))
                if _short_alone(lines):
                    lone.append((text, lines))
    assert lone == []
    assert checked >= len(SEEDS) * (5 + 8)
    assert {"In over not in intervention", "p (Holm)", "Change differs by status"} <= texts


def test_workbook_heading_row_no_taller_than_most_headings_need():
    """A sheet whose lower heading row holds two-line headings ("odds ratio", "CI, lower") and one that would take
    five ("differs by status, p (Holm)" in a column of p-values) is given a heading row of the two lines most of its
    headings need: that column is widened to set its heading on two; every heading still fits its row (counted as
    Excel and LibreOffice wrap it, cell_lines). On main the row was five lines tall on every printed part."""
    for seed in (5531, 5532, 5533):
        rng = random.Random(seed)
        rows = [{"impact": impact, "wave": wave, "or0": rng.uniform(0.2, 15), "lo0": rng.uniform(0.05, 0.9),
                 "hi0": rng.uniform(1.1, 40), "p0": rng.random(), "or1": rng.uniform(0.2, 15),
                 "lo1": rng.uniform(0.05, 0.9), "hi1": rng.uniform(1.1, 40), "p1": rng.random(),
                 "wr": rng.uniform(0.3, 3), "wp": rng.random()}
                for impact in rng.sample(IMPACTS, 4) for wave in WAVES]
        fmt = {"impact": "text", "wave": "text", "wr": "num:2", "wp": "p"}
        labels = {"impact": "Impact", "wave": "Wave", "wr": "Weighted: ratio of the odds ratios",
                  "wp": "Weighted: differs by status, p (Holm)"}
        for k, group in enumerate(("Not in intervention", "In intervention")):
            fmt |= {f"or{k}": "num:2", f"lo{k}": "num:2", f"hi{k}": "num:2", f"p{k}": "p"}
            labels |= {f"or{k}": f"{group}: odds ratio", f"lo{k}": f"{group}: CI, lower",
                       f"hi{k}": f"{group}: CI, upper", f"p{k}": f"{group}: p"}
        table = Table(f"sheet_{seed}", pd.DataFrame(rows), "Change across the waves by intervention status",
                      columns_format=fmt, labels=labels)
        book = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("Study", "", {"study": "demo"},
                                                                    [Section("Tables", [table])]))))
        ws = next(ws for ws in book.worksheets if ws.title.startswith("Table"))
        heads = [(c.value, ws.column_dimensions[get_column_letter(c.column)].width) for c in ws[2] if c.value]
        need = [cell_lines(text, width, bold=True) for text, width in heads]
        assert len(need) >= 8, heads
        # the case: most headings on two lines or fewer (render56 sets "CI, lower" on one, its "CI," no longer
        # alone on a line), some on two
        assert sorted(need)[len(need) // 2] <= 2 and max(need) >= 2, heads
        height = ws.row_dimensions[2].height
        assert height == pytest.approx(max(need) * LINE_PT), (heads, height)
        assert height <= 2 * LINE_PT + 0.01, (heads, height)
