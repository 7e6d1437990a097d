"""What readers see, round 34: the review and adjudication workbooks laid out as the report's workbook is, and a
printed table's note kept with its table by the rule Chromium honours.

- The review (``impact review export``) and adjudication (:func:`impact.disagreements.write_disagreements_xlsx`)
  workbooks were in openpyxl's Calibri 11, which LibreOffice sets in DejaVu Sans where Carlito is missing (a quarter
  wider), with rows 15 pt a line over the Word layout's widths: rendered by LibreOffice, rows of one line of text
  were two or three lines high, the header row was in a serif (a font of no name), the README ran off the right edge
  of the page and the sheets' columns over three pages across.  They are now in 10 pt Arial, their rows counted as
  the report's workbook counts them (render33: lines in Excel or LibreOffice, whichever takes more, 12.75 pt a line),
  the README as wide as a portrait page, each sheet printed one page wide with its header row on every page.
- Printed by Chromium, the 5-council study's Table 6 (seed 7) ended its page with the first lines of its note, the
  rest on the next: ``break-before: avoid`` on the note after the table made a break before it as bad as one inside
  it, and Chromium took the later, and it does not go back into the table for an earlier break.  The note is now the
  table's footer row (printed once, not repeated), which Chromium keeps with the table's last row.
"""

from __future__ import annotations

import re

import numpy as np
import openpyxl
import pandas as pd
import pytest
from test_report_render_round33 import _lines_either, _print_rules

from impact.report import Report, Section, Table

#: Words of the planted text: ASCII without quotes (the independent widths above read no curly quote).
_WORDS = ("the review team met staff partners and members to discuss safeguarding practice plans with council "
          "leaders across children services interdisciplinary arrangements improvement").split()


def _texts(seed: str, n: int) -> list[str]:
    """``n`` sentences of 1 to 60 words, from a seed derived from ``seed`` (their lengths span one to six lines)."""
    rng = np.random.default_rng(sum(map(ord, seed)))
    return [" ".join(rng.choice(_WORDS, size=int(rng.integers(1, 61)))).capitalize() + "." for _ in range(n)]


def _check_rows(ws, wrap: set[str]) -> int:
    """Every data row of ``ws`` is as many 12.75 pt lines high as its tallest wrapped cell takes, counted
    independently (:func:`_lines_either`); returns how many rows are taller than one line."""
    heads = [c.value for c in ws[1]]
    widths = {name: ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width
              for j, name in enumerate(heads, start=1)}
    tall = 0
    for row in ws.iter_rows(min_row=2):
        # an indented cell (round 35: text after wrapped text) has 12 px less for its text
        lines = max([_lines_either(str(c.value), widths[heads[c.column - 1]] - 12 / 7 * (c.alignment.indent or 0))
                     for c in row if heads[c.column - 1] in wrap and isinstance(c.value, str) and c.value] or [1])
        height = ws.row_dimensions[row[0].row].height or ws.sheet_format.defaultRowHeight
        assert height == pytest.approx(lines * 12.75, abs=0.01), (ws.title, row[0].row, lines, height)
        tall += lines > 1
    return tall


def _check_fonts_and_pages(wb, data_sheet: str) -> None:
    # 10 pt Arial throughout, named on every styled cell (the header row was in a font of no name: a serif)
    assert (wb._named_styles["Normal"].font.name, wb._named_styles["Normal"].font.sz) == ("Arial", 10)
    assert {c.font.name for c in wb[data_sheet][1]} == {"Arial"}
    readme = wb["README"]
    assert readme["A1"].font.name == "Arial"
    # the README fits a portrait A4 page inside its margins, in LibreOffice's widths (a digit of 10 pt Arial, 5.55
    # pt) and Excel's (7 px a unit and 5, at 0.75 pt a px): 110 wide, 610 pt, ran off the page
    inside = 595.3 - 72 * (readme.page_margins.left + readme.page_margins.right)
    width = readme.column_dimensions["A"].width
    assert max(width * 5.55, (width * 7 + 5) * 0.75) <= inside
    assert readme.page_setup.orientation == "portrait"
    ws = wb[data_sheet]
    assert ws.sheet_properties.pageSetUpPr.fitToPage and (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1"
    for sheet in ("README", data_sheet):  # a row of one line is Excel's for 10 pt Arial, not Calibri's 15 pt
        assert wb[sheet].sheet_format.defaultRowHeight == 12.75


def test_review_workbook_rows_are_as_tall_as_their_text(tmp_path):
    from impact.review import export_review

    texts = _texts("review rows", 24)
    segments = pd.DataFrame({"segment_id": [f"I1:{k}" for k in range(len(texts))], "text": texts,
                             "start": np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])})
    coded = pd.DataFrame({"unit": segments["segment_id"], "code": ["morale", "partnership", "learning"] * 8,
                          "score": np.linspace(0.5, 0.95, len(texts)),
                          "start": segments["start"], "end": segments["start"] + [len(t) for t in texts]})
    wb = openpyxl.load_workbook(export_review(segments, coded=coded, path=tmp_path / "review.xlsx", reviewer="ann"))
    assert _check_rows(wb["review"], {"evidence", "text", "notes", "label"}) >= 12  # the planted long texts
    _check_fonts_and_pages(wb, "review")
    _check_rows(wb["codes"], {"definition"})


def test_adjudication_workbook_rows_are_as_tall_as_their_text(tmp_path):
    from impact.agreement import coding_to_units
    from impact.disagreements import disagreements, write_disagreements_xlsx

    texts = _texts("adjudication rows", 12)
    segments = pd.DataFrame({"segment_id": [f"I1:{k}" for k in range(len(texts))], "interview_id": "I1",
                             "start": np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]), "text": texts})
    ids = list(segments["segment_id"])
    ann = pd.DataFrame({"unit": ids[::2], "code": "morale"})  # ann and bot disagree on every other segment
    bot = pd.DataFrame({"unit": ids[::3], "code": "morale"})
    long = coding_to_units({"ann": ann, "bot": bot}, units=segments, codes=["morale"])
    table = disagreements(long, segments=segments)
    assert len(table) >= 6
    wb = openpyxl.load_workbook(write_disagreements_xlsx(table, tmp_path / "adj.xlsx", data=long))
    assert _check_rows(wb["adjudicate"], {"previous_text", "text", "next_text", "notes", "values"}) >= 4
    _check_fonts_and_pages(wb, "adjudicate")


def test_a_printed_tables_note_is_its_footer_row_kept_with_its_last_row():
    import lxml.html

    from impact.report import render_html

    table = Table("t", pd.DataFrame({"impact": ["a", "b", "c"], "n": [1, 2, 3]}), "Counts",
                  notes="A note under the table.", columns_format={"n": "int"})
    page = render_html(Report("r", "", {"study": "t"}, [Section("s", [table])]))
    page = page.decode("utf-8") if isinstance(page, bytes) else page
    tree = lxml.html.fromstring(page)
    (note,) = tree.xpath('//p[contains(@class, "table-notes")]')
    assert note.text_content() == "A note under the table."
    cell = note.getparent()
    # the last row of the table's body since round 48 (as the footer's row, Chromium broke it at a page's foot:
    # tests/test_report_render_round48.py prints it), so printed once, at the table's end
    body = cell.getparent().getparent()
    assert (cell.tag, body.tag, body.getparent().tag) == ("td", "tbody", "table")
    assert int(cell.get("colspan")) == len(body.getparent().xpath(".//thead//th")) == 2
    assert body.xpath("./tr[last()]")[0] is cell.getparent()
    assert body.xpath("./tr[last() - 1]")[0].xpath("./th")[0].text_content() == "c"
    rules = _print_rules(page)

    def declared(selector: str) -> dict[str, str]:
        return {k.strip(): v.strip() for k, v in re.findall(r"([\w-]+)\s*:\s*([^;]+)", rules[selector])}

    row = declared("tr.table-notes")
    assert row.get("break-inside") == "avoid" and row.get("break-before") == "avoid", row
