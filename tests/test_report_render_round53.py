"""What the reader sees, round 53 (render53): headings ending on one short word, and items wrapped beside values.

Measured on the reports of the example, a 6-council (synth seed 4906) and a 150-council study (seed 4950), printed
by LibreOffice (Word) and Chromium (the web page): "95% / CI" (a 6-council study's Table 6 in Word, a heading whose
last word is short by its letters though not by its column's third); "Kendall's / W" and "Randomisation / p" in the
printed web page, whose rows wrapped onto three lines in portrait where a landscape page takes a line a row off;
the example's Table 15 part 1 printed portrait at 4.5 lines a row; and "About this report" in Word, whose item
column, kept from counting as short by one long item, wrapped five of its short items onto two lines.

The tables here are generated (seeded) in the shapes of those reports' tables; the checks read the files written
(the Word document's column widths, LibreOffice's and Chromium's PDFs through pdftotext -bbox, skipped with the
reason where those are not installed) and recompute the lines from Arial's widths independently of the layout.
"""

from __future__ import annotations

import io
import random
import re
import zipfile

import lxml.html
import pandas as pd
import pytest
from conftest import libreoffice_pdf
from test_report_render_round51 import _cells, _lines, _located
from test_report_render_round52 import _lines as _printed_lines
from test_report_render_round52 import _table_words

from impact._textwidth import arial_width, wrapped_lines
from impact.report import (
    CI,
    Paragraph,
    Report,
    Section,
    Table,
    _docx,
    _layout,
    render_docx,
    render_html,
)
from impact.report._layout import fit_columns

IMPACTS = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions",
           "Promotion of learning and reflective practice", "Revision of policies, processes and systems",
           "Improvement in staff morale and relations", "Affirmation and enhancement of partnership working"]
# Word's portrait text block (A4 less 20 mm margins, as the report's) and its cell padding; printed web page's sizes
WORD = {"width": (210 - 40) / 25.4 * 72, "size": 9.0, "pad": _docx._CELL_PADDING}
PRINT = {"portrait": 680.0, "landscape": 1000.0, "font": 12.0, "pad": 11.0}


def _lone(text: str, inner: float, size: float) -> bool:
    """Whether heading ``text`` wrapped greedily in ``inner`` points of Arial bold ends on a line of one word of three
    characters or fewer (recomputed here word by word, not with the layout's wrapping)."""
    lines: list[list[str]] = []
    line: list[str] = []
    for word in text.split():
        if line and arial_width(" ".join(line + [word]), size, bold=True) > inner + 0.01:
            lines.append(line)
            line = []
        line.append(word)
    lines.append(line)
    return len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-1][0]) <= 3


def _suppressed_expectations(seed: int) -> Table:
    """A small study's expectations table (the 6-council study's Table 6): every count suppressed ("c")."""
    rng = random.Random(seed)
    impacts = rng.sample(IMPACTS, 6)
    frame = pd.DataFrame({"impact": [i for i in impacts for _ in range(2)],
                          "status": ["Not in intervention", "Entering intervention"] * 6,
                          "n": ["c"] * 12, "k": ["c" if rng.random() < 0.8 else str(rng.randint(5, 9)) for _ in range(12)],
                          "share": ["c"] * 12, "ci": ["c"] * 12})
    return Table("anticipated", frame, "Impacts anticipated before the review",
                 columns_format={c: "text" for c in ("n", "k", "share", "ci")},
                 labels={"impact": "Impact", "status": "Intervention status", "n": "Participants interviewed",
                         "k": "Participants anticipating it", "share": "Share anticipating it", "ci": "95% CI"})


def test_a_heading_ending_on_a_word_of_three_letters_is_mended_where_rows_keep_their_lines():
    """"95% CI" over a column of "c" at Word's 9 pt: its last word is a third of the column or more, so the layout
    left "95% / CI" (the 6-council study's Table 6, LibreOffice's PDF). Its column is now widened by what the other
    columns give without any row wrapping onto more lines, for 20 seeded tables of that shape."""
    heads = ["Impact", "Intervention status", "Participants interviewed", "Participants anticipating it",
             "Share anticipating it", "95% CI"]
    numeric = [False, False, True, True, True, True]
    mended = 0
    for seed in range(5300, 5320):
        table = _suppressed_expectations(seed)
        rows = [[str(v) for v in r] for r in table.data.values.tolist()]
        plan = fit_columns(heads, rows, WORD["width"], size=WORD["size"], padding=WORD["pad"], nowrap=numeric,
                           measure=arial_width)
        inner = [w - WORD["pad"] for w in plan.widths]
        assert not _lone("95% CI", inner[5], WORD["size"]), (seed, plan.widths)
        mended += 1
    assert mended == 20


def test_rows_keep_their_lines_when_a_heading_is_mended(monkeypatch):
    """The mending takes room only where each row keeps its lines (its tallest cell) and the heading row gains none:
    checked against the same table laid out with the mending switched off (and render58's moving of room for fewer
    lines in all, which may take a row's line where others give more back, off in both)."""
    monkeypatch.setattr(_layout, "_fewest_lines", lambda headers, columns, widths, *args: list(widths), raising=False)
    heads = ["Impact", "Intervention status", "Participants interviewed", "Participants anticipating it",
             "Share anticipating it", "95% CI"]
    numeric = [False, False, True, True, True, True]
    rows = [[str(v) for v in r] for r in _suppressed_expectations(5301).data.values.tolist()]

    def row_lines(widths):
        return [max(1 if numeric[j] else wrapped_lines(c, w - WORD["pad"] + 0.01, WORD["size"], measure=arial_width)
                    for j, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows]

    def head_lines(widths):
        return max(wrapped_lines(h, w - WORD["pad"] + 0.01, WORD["size"], bold=True, measure=arial_width)
                   for h, w in zip(heads, widths, strict=True))

    after = fit_columns(heads, rows, WORD["width"], size=WORD["size"], padding=WORD["pad"], nowrap=numeric,
                        measure=arial_width).widths
    monkeypatch.setattr(_layout, "_no_lone_word", lambda headers, columns, widths, *args: widths)
    before = fit_columns(heads, rows, WORD["width"], size=WORD["size"], padding=WORD["pad"], nowrap=numeric,
                         measure=arial_width).widths
    assert _lone("95% CI", before[5] - WORD["pad"], WORD["size"])  # the case: lone without the mending
    assert not _lone("95% CI", after[5] - WORD["pad"], WORD["size"])
    assert all(a <= b for a, b in zip(row_lines(after), row_lines(before), strict=True))
    assert head_lines(after) <= head_lines(before)
    assert sum(after) == pytest.approx(sum(before))


def _about(seed: int) -> Table:
    """Items and values as "About this report" lists them: short items, one item of 170 characters, values from a
    word to a paragraph."""
    rng = random.Random(seed)
    words = "study software version codebook fingerprint parameters random seed resamples level coding produced " \
            "command council names shown smallest count published files number warnings caveats".split()
    items = [" ".join(rng.sample(words, rng.randint(1, 6))).capitalize() for _ in range(22)]
    items.insert(rng.randint(5, 15), "Parameters: random reassignments per randomisation test of an indicator (the "
                 "resamples per permutation test, at most 999: each reassignment re-estimates every cohort's effects)")
    values = [str(rng.randint(0, 2000)) if rng.random() < 0.4 else " ".join(rng.choices(words, k=rng.randint(1, 40)))
              for _ in items]
    values[rng.randrange(len(values))] = " ".join(rng.choices(words, k=200))  # the statistical caveats
    return Table(f"about_{seed}", pd.DataFrame({"item": items, "value": values}), "How this report was produced",
                 key_columns=1, columns_format={"value": "text"}, labels={"item": "Item", "value": "Value"})


@pytest.fixture(scope="module")
def about_docx(tmp_path_factory):
    tables = [_about(seed) for seed in (5331, 5332, 5333)]
    data = render_docx(Report("Study", "", {"study": "demo"}, [Section("About", [Paragraph("Text."), *tables])]))
    path = tmp_path_factory.mktemp("render53") / "about.docx"
    path.write_bytes(data)
    return tables, data, path


def test_short_items_stay_on_one_line_beside_one_long_item(about_docx):
    """Each item that fits on one line in half the table's width is on one line in the Word document's item column
    (its width read from the document, the lines from Arial's widths in the cell's margins): on main, the one long
    item kept the column from counting as short, and it was shared by what each column would gain, the short items
    wrapping onto two lines."""
    tables, data, _ = about_docx
    rows = [r for r in _cells(data) if len(r) == 2 and not r[0][0]]
    checked = 0
    for table in tables:
        for item in table.data["item"]:
            row = next(r for r in rows if r[0][1] == item)
            _, text, size, _, width, total, margin = row[0]
            if arial_width(text, size) <= total / 2 - 2 * margin:
                assert wrapped_lines(text, width - 2 * margin, size, measure=arial_width) == 1, (text, width)
                checked += 1
    assert checked >= 60


def test_short_items_print_on_one_line(about_docx):
    """The same in LibreOffice's PDF: every such item's words on one line."""
    tables, data, path = about_docx
    pdf = libreoffice_pdf(path, "the About table's items")
    wrapped = []
    for cell, found in _located(data, pdf):
        _, text, size, _, width, total, margin = cell
        if cell[3] == 0 and not cell[0] and arial_width(text, size) <= total / 2 - 2 * margin:
            if len(_lines(found)) > 1:
                wrapped.append(text)
    assert wrapped == []


# The printed web page -------------------------------------------------------------------------------------------

def _change_over_time(seed: int) -> Table:
    """The example's Table 12 in shape: impacts by status beside a test, medians, Kendall's W and p-values."""
    rng = random.Random(seed)
    rows = []
    for impact in IMPACTS:
        for status in ("Not in intervention", "In intervention"):
            rows.append({"impact": impact, "status": status, "test": "Friedman test", "n": rng.randint(12, 40),
                         "m1": rng.choice([0, 20, 25, 50, 67, 75, 80]) / 100, "m2": rng.choice([0, 25, 50, 67, 75]) / 100,
                         "w": rng.random(), "p": rng.random(), "pa": rng.random()})
    return Table(f"change_over_time_{seed}", pd.DataFrame(rows), "Change in each impact across the waves",
                 columns_format={"n": "int", "m1": "pct:0", "m2": "pct:0", "w": "num:2", "p": "p", "pa": "p"},
                 labels={"impact": "Impact", "status": "Intervention status", "test": "Test", "n": "Councils",
                         "m1": "Median, expectations before the review", "m2": "Median, longer-term change",
                         "w": "Kendall's W", "p": "p-value (not a finding)", "pa": "Adjusted p-value (not a finding)"})


def _indicator_did(seed: int) -> Table:
    """The example's Table 20 in shape: indicators beside an effect, its interval and three p-values."""
    rng = random.Random(seed)
    names = ["Children in need (per 10,000 children)", "Children on a child protection plan (per 10,000 children)",
             "Referrals to children's social care (per 10,000 children)",
             "Re-referrals within 12 months (% of referrals)", "Social worker turnover (%)"]
    effect = [rng.uniform(-15, 15) for _ in names]
    frame = pd.DataFrame({"indicator": names, "effect": effect, "lo": [e - rng.uniform(2, 20) for e in effect],
                          "hi": [e + rng.uniform(2, 20) for e in effect], "p": [rng.random() for _ in names],
                          "rp": [rng.random() for _ in names], "rpa": [rng.random() for _ in names],
                          "n": [rng.randint(8, 14)] * 5, "m": [rng.randint(15, 22)] * 5})
    return Table(f"indicator_did_{seed}", frame, "Change in each indicator after a council entered intervention",
                 columns_format={"effect": "diff:2", "ci": CI("lo", "hi", digits=2, signed=True), "p": "p",
                                 "rp": "p", "rpa": "p", "n": "int", "m": "int"},
                 labels={"indicator": "Indicator", "effect": "Average effect", "ci": "95% CI", "p": "p-value",
                         "rp": "Randomisation p", "rpa": "Randomisation p, adjusted",
                         "n": "Councils entering intervention", "m": "Councils never in intervention"})


def _printed_web(tables, work):
    from conftest import browser_path, printed_pdf_pages

    browser = browser_path()
    if browser is None:
        pytest.skip("no Chromium or Chrome on PATH (apt-get install chromium) - the printed web page is not checked")
    page = render_html(Report("Printed", "", {"study": "demo"}, [Section("Tables", tables)]))
    words = [(w.text or "", float(p.get("width")), float(p.get("height")), float(w.get("xMin")), float(w.get("yMin")))
             for p in printed_pdf_pages(browser, page, work) for w in p.iter("word")]
    return [rows for _, rows in _table_words(page, words)]


@pytest.fixture(scope="module")
def printed_web(tmp_path_factory):
    tables = [_change_over_time(5341), _indicator_did(5342), _change_over_time(5343), _indicator_did(5344)]
    return tables, _printed_web(tables, tmp_path_factory.mktemp("render53web"))


def test_printed_headings_with_rows_over_two_lines_do_not_end_on_a_short_word(printed_web):
    """"Kendall's / W" and "Randomisation / p" printed (the example's Tables 12 and 20, portrait, rows at 3.0 and 2.6
    lines): where no column can give the room in portrait, such a table prints on a landscape page, which takes a
    line a row off, and the heading is whole."""
    _, found = printed_web
    lone = [(text, _printed_lines(words)) for rows in found for text, words in rows[0]
            if len(_printed_lines(words)) > 1 and len(_printed_lines(words)[-1]) == 1
            and len(_printed_lines(words)[-1][0]) <= 3]
    assert lone == []
    for rows in found:
        heads = {text: words for text, words in rows[0]}
        for name in ("Kendall's W", "Randomisation p"):
            if name in heads:
                assert _printed_lines(heads[name]) == [name.split()], (name, _printed_lines(heads[name]))
                assert heads[name][0][1] > heads[name][0][2]  # on a landscape page


def test_printed_rows_are_shorter_for_the_turn(printed_web):
    """The rows of each table turned print on fewer lines than the portrait layout would give them: counted from the
    PDF (each row's tallest cell) against the portrait widths recomputed here at the printed sizes."""
    tables, found = printed_web
    for table, rows in zip(tables, found, strict=True):
        body = [[text for text, _ in r] for r in rows[1:]]
        heads = [text for text, _ in rows[0]]
        numeric = [j > (2 if table.name.startswith("change_over_time") else 0) for j in range(len(heads))]
        portrait = fit_columns(heads, body, PRINT["portrait"], size=PRINT["font"], padding=PRINT["pad"],
                               nowrap=numeric, measure=arial_width).widths
        upright = sum(max(1 if numeric[j] else wrapped_lines(c, w - PRINT["pad"], PRINT["font"], measure=arial_width)
                          for j, (c, w) in enumerate(zip(r, portrait, strict=True))) for r in body)
        printed = sum(max(len(_printed_lines(words)) for _, words in r) for r in rows[1:])
        assert printed <= upright - len(body) / 2, (table.name, printed, upright)


def test_the_print_decision_reads_the_printed_widths():
    """Whether a part prints landscape is weighed in Arial's widths at the printed type, as its columns are shared:
    a table whose minimum widths fit a portrait page in Arial but not by the wider estimate prints portrait where
    its rows keep to one line."""
    from impact.report import _html

    rng = random.Random(5350)
    heads = [f"Count {k}" for k in range(13)]
    rows = [[str(rng.randint(100000, 999999)) for _ in heads] for _ in range(6)]
    numeric = [True] * len(heads)
    arial = fit_columns(heads, rows, PRINT["portrait"], size=PRINT["font"], padding=PRINT["pad"], nowrap=numeric,
                        measure=arial_width)
    estimate = fit_columns(heads, rows, PRINT["portrait"], size=PRINT["font"], padding=PRINT["pad"], nowrap=numeric)
    assert arial.fits and not estimate.fits, (arial.total, sum(estimate.minimum))
    assert not _html._print_landscape(heads, rows, numeric)


def test_word_tables_carry_the_widths_the_checks_read():
    """The document's widths are those the layout gives (a guard on the reading above)."""
    table = _suppressed_expectations(5301)
    data = render_docx(Report("Study", "", {"study": "demo"}, [Section("Tables", [Paragraph("Text."), table])]))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    grid = [int(g) / 20 for g in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
    assert len(grid) == 6 + 2  # the table's, then "About this report"'s
    margins = [int(m) / 20 for m in re.findall(r'<w:tblCellMar><w:left w:w="(\d+)"', xml)[:1] * 2]
    inner = grid[5] - sum(margins)  # the room the document gives the heading: the column less its cell margins
    assert not _lone("95% CI", inner, WORD["size"]), grid


def test_a_sections_opening_text_prints_on_the_landscape_page_of_its_table():
    """A section opening with text and then a table printed landscape: its heading and that text are on the
    landscape page too (the example's "Longitudinal models", its heading and one paragraph alone on a portrait page
    before Table 13 turned); a section whose table prints portrait keeps them portrait."""
    wide = _change_over_time(5361)
    page = render_html(Report("Printed", "", {"study": "demo"}, [
        Section("Turned", [Paragraph("Opening text."), wide, Paragraph("After the table.")]),
        Section("Upright", [Paragraph("Opening text of a narrow table."),
                            Table("narrow", pd.DataFrame({"a": ["x", "y"], "n": [1, 2]}), "Narrow")])]))
    doc = lxml.html.fromstring(page)
    turned, upright = doc.xpath("//section[contains(@class, 'report-section')]")[:2]
    assert "wide" in turned.xpath(".//div[contains(@class, 'table-wrap')]")[0].get("class").split()
    assert turned.xpath("./h2")[0].get("class") == "wide-lead"
    assert [p.get("class") for p in turned.xpath("./p")] == ["wide-lead", None]
    assert upright.xpath("./h2")[0].get("class") is None and upright.xpath("./p")[0].get("class") is None
    assert ".wide-lead { page: wide; }" in page
