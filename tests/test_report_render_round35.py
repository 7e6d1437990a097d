"""What readers see, round 35: text kept apart from the column before it, and the review and adjudication workbooks
printed legibly.

- Printed by LibreOffice, a wrapped column of the report's workbook whose line filled its column ran into the next
  column's text, a space's width apart (the suppression ledger of the example: "... plan (per 10,000 Values not
  published by the source", Table 6: "... partnership working Expectations before the review"): a cell's text is
  wrapped to its column's edge, less a margin of about a point, and the next starts a point in.  Every column's
  width held its longest word with room to spare (at least 4.5 pt in LibreOffice's metrics over every word of the
  example's workbook): the width was not the fault.  Text after a column of wrapped text (as after one of numbers,
  round 33) now starts an indent in (three spaces, about 8 pt), its heading too, in the report's tables, the Notes
  sheet and the review and adjudication sheets.
- The review (``impact review export``) and adjudication workbooks printed at 53% (their columns 250 wide fitted to
  one landscape page): their wrapped columns are now narrowed in proportion (never below their longest word) so that
  the sheet prints one page wide at 75% or more, a column of text neither wrapped nor edited is no wider than its
  longest value, and a heading never wider than its column; a sheet that cannot be made to fit so prints at 75% over
  more pages across, its header row repeated.
"""

from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter
from test_report_render_round33 import _helvetica
from test_report_render_round34 import _texts

from impact.report import Report, Section, Table, render_xlsx

#: LibreOffice: a width unit is a digit of 10 pt Arial (5.55 pt, measured on its PDF), a cell's text 2 pt less wide
#: than its column, an indent of 1 is 8.4 pt (measured).  Excel: 7 px a unit, 5 px padding, 12 px an indent.
_DIGIT_PT, _INDENT_PT = 5.55, 8.4
#: An A4 page (points) inside the sheet's side margins, as the sheet sets them.
_A4 = {"portrait": 595.3, "landscape": 841.9}


def _pt(text: str, *, bold: bool = False) -> float:
    """Width of ``text`` in 10 pt Arial (Helvetica's advance widths, read independently), points."""
    units = _helvetica(bold)
    return sum(units[ch] for ch in text) / 100


def _px(text: str, *, bold: bool = False) -> int:
    """Width of ``text`` in pixels as Excel draws 10 pt Arial (a 13 px em, each letter rounded to whole pixels)."""
    units = _helvetica(bold)
    return sum(int(units[ch] * 13 / 1000 + 0.5) for ch in text)


def _widest_line(text: str, room: float) -> float:
    """The widest line (points) of ``text`` wrapped greedily at spaces into ``room`` points (LibreOffice's)."""
    widest, used = 0.0, 0.0
    for word in text.split():
        w = _pt(word)
        if used and used + _pt(" ") + w > room:
            widest, used = max(widest, used), w
        else:
            used += (_pt(" ") if used else 0.0) + w
    return max(widest, used)


def _width(ws, j: int) -> float:
    return ws.column_dimensions[get_column_letter(j)].width


def _check_gaps(ws, *, first_row: int = 2, last_row: int | None = None) -> int:
    """Every text cell just right of a column of wrapped text or of numbers is indented (aligned left, an indent of
    1 or more), and its text starts at least 6 pt after the widest line of the wrapped cell before it, in
    LibreOffice's metrics.  Returns how many cells were checked."""
    checked = 0
    last_row = last_row or ws.max_row
    for r in range(first_row, last_row + 1):
        for j in range(2, ws.max_column + 1):
            left, cell = ws.cell(row=r, column=j - 1), ws.cell(row=r, column=j)
            if not isinstance(cell.value, str) or not cell.value or left.value is None:
                continue
            number = isinstance(left.value, (int, float)) and not isinstance(left.value, bool)
            if not (number or (isinstance(left.value, str) and left.alignment.wrap_text)):
                continue
            assert cell.alignment.horizontal == "left" and (cell.alignment.indent or 0) >= 1, (
                ws.title, cell.coordinate, cell.value[:40], left.value)
            if not number:
                room = (_width(ws, j - 1) - 12 / 7 * (left.alignment.indent or 0)) * _DIGIT_PT - 2
                gap = _width(ws, j - 1) * _DIGIT_PT - _widest_line(left.value, room) + _INDENT_PT * cell.alignment.indent
                assert gap >= 6, (ws.title, cell.coordinate, round(gap, 1))
            checked += 1
    return checked


# --------------------------------------------------------------------------- the report's workbook
def test_text_after_wrapped_text_starts_an_indent_in():
    themes, details = _texts("round 35 themes", 18), _texts("round 35 details", 18)
    data = pd.DataFrame({"theme": themes, "detail": details, "n": np.arange(18) * 7 + 3,
                         "remark": [["Small count", "Withheld", "Published in full"][k % 3] for k in range(18)]})
    table = Table("themes", data, "Themes", notes=" ".join(_texts("round 35 notes", 3)),
                  columns_format={"n": "int"})
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("Round 35", "", {}, [Section("s", [table])]))))
    ws = wb["Table 1"]
    assert ws["A2"].alignment.wrap_text and ws["B2"].alignment.wrap_text  # the planted long texts wrap
    assert _check_gaps(ws) >= 2 * 18  # every detail (after a theme) and every remark (after a number)
    # the heading of an indented column in line with its text
    assert [ws.cell(row=1, column=j).alignment.indent for j in (1, 2, 4)] == [0, 1, 1]
    # the Notes sheet: the table's notes after its wrapped caption
    notes = wb["Notes"]
    row = next(c.row for (c,) in notes.iter_rows(min_col=1, max_col=1) if c.value == "Table 1")
    assert notes.cell(row=row, column=3).value and notes.cell(row=row, column=3).alignment.indent == 1
    assert _check_gaps(notes, first_row=row, last_row=row) == 1


# --------------------------------------------------------------------------- the review and adjudication sheets
def _check_printed(ws, wrap: set[str]) -> float:
    """The sheet prints one page wide at 75% or more, landscape, its header row on every page; each wrapped column
    holds its longest word and each heading fits its column, in Excel's metrics and LibreOffice's.  Returns the
    scale."""
    heads = {c.column: c.value for c in ws[1]}
    shown = {j: _width(ws, j) for j in heads if not ws.column_dimensions[get_column_letter(j)].hidden}
    printed = max(sum(w * _DIGIT_PT for w in shown.values()), sum((7 * w + 5) * 0.75 for w in shown.values()))
    inside = _A4[ws.page_setup.orientation] - 72 * (ws.page_margins.left + ws.page_margins.right)
    scale = min(1.0, inside / printed)
    assert scale >= 0.75, (ws.title, round(scale, 3))
    assert ws.sheet_properties.pageSetUpPr.fitToPage and (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1"
    for j, w in shown.items():
        assert _px(heads[j], bold=True) <= round(7 * w) - 5 and _pt(heads[j], bold=True) <= w * _DIGIT_PT - 2, heads[j]
        if heads[j] not in wrap:
            continue
        for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
            indent = cell.alignment.indent or 0
            for word in str(cell.value or "").split():
                assert _px(word) <= round(7 * (w - 12 / 7 * indent)) - 5, (heads[j], word)
                assert _pt(word) <= (w - 12 / 7 * indent) * _DIGIT_PT - 2, (heads[j], word)
    return scale


def test_review_workbook_prints_at_75_percent_or_more(tmp_path):
    from impact.review import export_review

    texts = _texts("round 35 review", 20)
    segments = pd.DataFrame({"segment_id": [f"I1:{k}" for k in range(len(texts))], "text": texts,
                             "start": np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])})
    coded = pd.DataFrame({"unit": segments["segment_id"], "code": ["morale", "partnership"] * 10,
                          "score": np.linspace(0.5, 0.95, len(texts)),
                          "start": segments["start"], "end": segments["start"] + [len(t) for t in texts]})
    wb = openpyxl.load_workbook(export_review(segments, coded=coded, path=tmp_path / "review.xlsx", reviewer="ann"))
    ws = wb["review"]
    assert ws.page_setup.orientation == "landscape"
    _check_printed(ws, {"evidence", "text", "notes", "label"})
    assert _check_gaps(ws) >= len(texts)  # the segment's text after its wrapped evidence


def test_adjudication_workbook_prints_at_75_percent_or_more(tmp_path):
    from impact.agreement import coding_to_units
    from impact.disagreements import disagreements, write_disagreements_xlsx

    texts = _texts("round 35 adjudication", 12)
    segments = pd.DataFrame({"segment_id": [f"I1:{k}" for k in range(len(texts))], "interview_id": "I1",
                             "start": np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]), "text": texts})
    ids = list(segments["segment_id"])
    long = coding_to_units({"ann": pd.DataFrame({"unit": ids[::2], "code": "morale"}),
                            "bot": pd.DataFrame({"unit": ids[::3], "code": "morale"})}, units=segments,
                           codes=["morale"])
    wb = openpyxl.load_workbook(write_disagreements_xlsx(disagreements(long, segments=segments),
                                                         tmp_path / "adj.xlsx", data=long))
    ws = wb["adjudicate"]
    assert ws.page_setup.orientation == "landscape"
    _check_printed(ws, {"previous_text", "text", "next_text", "notes", "values"})
    assert _check_gaps(ws) >= 4


def test_a_sheet_too_wide_for_75_percent_prints_at_75_percent_over_pages_across():
    from impact import _xlsx

    frame = pd.DataFrame({f"field_{k}": [f"value {k} of a fixed column"] * 3 for k in range(24)})
    wb = _xlsx.new_workbook(["README"])
    ws = wb.create_sheet("wide")
    _xlsx.write_sheet(ws, frame, widths={c: 25 for c in frame.columns})
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # fitted to one page wide it printed at 17%
    assert ws.page_setup.scale == 75 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$1"


@pytest.mark.parametrize("planned", [4, 20])
def test_a_heading_is_never_wider_than_its_column(planned):
    from impact import _xlsx

    frame = pd.DataFrame({"uncertainty_of_the_coder": [0.25, 0.5], "hedged": [True, False]})
    wb = _xlsx.new_workbook(["README"])
    ws = wb.create_sheet("narrow")
    _xlsx.write_sheet(ws, frame, widths={c: planned for c in frame.columns})
    for cell in ws[1]:
        w = _width(ws, cell.column)
        assert _px(cell.value, bold=True) <= round(7 * w) - 5 and _pt(cell.value, bold=True) <= w * _DIGIT_PT - 2, (cell.value, w)
