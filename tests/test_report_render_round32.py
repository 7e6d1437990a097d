"""What readers see, round 32: a table's note stays with its last rows; no value that rounds to zero carries a sign.

- The note under a table is the table's last row, one cell across every column: LibreOffice keeps a row with the
  row after it where the row's paragraphs keep with the next, but not a table's last row with the paragraph after
  the table, so Table 10's note (comparisons by status) stood alone at the top of page 13 of the example's report.
  (tests/test_rendering.py checks every note of the rendered reports is on a page with its table's last row.)
- A difference that rounds to zero showed as "-0 pp" in tables.xlsx: a spreadsheet picks a number format's section
  by the value's sign before rounding ("+0;-0;0" shows -0.3 as "-0", "#,##0.00" shows -0.001 as "-0.00").  The
  workbook's formats send what rounds to zero to a section without a sign; the report's sentences on indicator
  changes said "+0.00" / "-0.00" the same way.
"""

from __future__ import annotations

import io
import math
import re
import subprocess
import types

import docx
import openpyxl
import pandas as pd
import pytest
from conftest import excel_shows, libreoffice_pdf
from docx.oxml.ns import qn

from impact.report import CI, Report, Section, Table, render_docx, render_xlsx
from impact.report._format import format_value, parse_spec

_NOTE = "Counts of participants; a note long enough to take two lines under a narrow table of figures. " * 2


def _frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"impact": [f"Impact number {i} of the study" for i in range(n)],
                         "n": list(range(100, 100 + n)), "m": list(range(n))})


@pytest.mark.parametrize("n_rows", [20, 150])  # a table kept on one page, and one over two pages
def test_a_tables_note_is_its_last_row_across_every_column_kept_with_the_rows_above(n_rows):
    report = Report("Round 32", "", {"study": "t"}, [Section("A", [Table(
        "t", _frame(n_rows), "Counts", notes=_NOTE, columns_format={"n": "int", "m": "int"})])])
    doc = docx.Document(io.BytesIO(render_docx(report)))
    tbl = doc.tables[0]._tbl
    rows = tbl.findall(qn("w:tr"))
    assert len(rows) == n_rows + 2  # heading row, the rows of figures, the note
    note = rows[-1]
    cells = note.findall(qn("w:tc"))
    assert len(cells) == 1 and cells[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "3"
    assert "".join(t.text for t in note.iter(qn("w:t"))).strip() == _NOTE.strip()
    assert note.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None  # the note's lines stay together
    # the last rows of figures keep with the next row, the last of them with the note
    for tr in rows[-3:-1]:
        assert all(p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None for p in tr.iter(qn("w:p")))
    # the note is said once, nowhere else in the document
    assert not any(p.text.startswith("Counts of participants") for p in doc.paragraphs)
    # a table without a note ends with its last row of figures
    plain = Report("Round 32", "", {"study": "t"}, [Section("A", [Table(
        "t", _frame(5), "Counts", columns_format={"n": "int", "m": "int"})])])
    rows = docx.Document(io.BytesIO(render_docx(plain))).tables[0].rows
    assert [c.text for c in rows[-1].cells] == ["Impact number 4 of the study", "104", "4"]




# --------------------------------------------------------------------------- no signed zero
#: Planted values either side of zero at each column's shown precision: pp at 0 decimals (-0.3 and +0.4 points
#: round to 0), a share at 1 decimal (-0.04% rounds to 0.0%), a number at 2 decimals, and values that do not round
#: to zero, which keep their sign.
_PLANTED = pd.DataFrame({
    "impact": ["a", "b", "c", "d", "e"],
    "difference": [-0.003, 0.004, -0.006, 0.2, 0.0],
    "share": [-0.0004, 0.0004, -0.0006, 0.5, 0.0],
    "estimate": [-0.001, 0.004, -0.005, -1234.5, 0.0],
    "low": [-0.00004, -0.2, -0.3, 0.00001, 0.0],  # an interval in points at 2 decimals: -0.004 pp rounds to 0
    "high": [0.1, 0.00003, -0.00001, 0.2, 0.0],
})
_FORMATS = {"difference": "pp:0", "share": "pct:1", "estimate": "num:2", "CI": CI("low", "high", points=True)}
_SHOWN = {  # as the report's own cells show them (format_value)
    "difference": ["0", "0", "-1", "+20", "0"],
    "share": ["0.0%", "0.0%", "-0.1%", "50.0%", "0.0%"],
    "estimate": ["0.00", "0.00", "-0.01", "-1,234.50", "0.00"],
}
_SIGNED_ZERO = re.compile(r"(?<![\d.,])[-+\u2212]0(?:\.0+)?(?![\d.,])")


def _planted_workbook() -> bytes:
    table = Table("t", _PLANTED, "Planted", columns_format=_FORMATS)
    return render_xlsx(Report("r", "", {}, [Section("s", [table])]))


def test_no_value_that_rounds_to_zero_shows_a_sign_in_the_workbook():
    ws = openpyxl.load_workbook(io.BytesIO(_planted_workbook()))["Table 1"]
    heads = [c.value for c in ws[1]]
    shown = {h: [excel_shows(c.value, c.number_format) for (c,) in ws.iter_rows(min_row=2, min_col=j, max_col=j)]
             for j, h in enumerate(heads, start=1) if j > 1}
    by_column = dict(zip(["difference", "share", "estimate", "low", "high"], shown.values(), strict=True))
    assert by_column["difference"] == [v + " pp" for v in _SHOWN["difference"]]
    assert by_column["share"] == _SHOWN["share"]
    assert by_column["estimate"] == _SHOWN["estimate"]
    # rows c and d: intervals that leave out no difference show the digits that say so (-0.001 pp, +0.001 pp, not
    # 0.00 pp: format_ci's ci_digits since truth60), rows a and b hold 0 and still show their near-zero ends unsigned
    assert by_column["low"] == ["0.00 pp", "-20.00 pp", "-30.000 pp", "+0.001 pp", "0.00 pp"]
    assert by_column["high"] == ["+10.00 pp", "0.00 pp", "-0.001 pp", "+20.000 pp", "0.00 pp"]
    # the report's own cells (Word, web page) show the same
    for column, want in _SHOWN.items():
        spec = parse_spec(_FORMATS[column])
        assert [format_value(v, spec) for v in _PLANTED[column]] == want
    # the cells hold the values as shown (outputs1: a published number is rounded as the report shows it; the cells
    # held -0.3, 0.4, -0.6, 20.0, 0.0 points, shown "0 pp", "0 pp", "-1 pp"), never a signed zero
    cells = [c.value for (c,) in ws.iter_rows(min_row=2, min_col=2, max_col=2)]
    assert cells == [0, 0, -1, 20, 0] and not any(isinstance(v, float) and math.copysign(1, v) < 0 and v == 0
                                                  for v in cells)


def test_libreoffice_prints_no_signed_zero(tmp_path):
    path = tmp_path / "planted.xlsx"
    path.write_bytes(_planted_workbook())
    pdf = libreoffice_pdf(path, "the printed workbook")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "-1,234.50" in text and "+20 pp" in text and "-30.000 pp" in text  # the sheet was read: signs stay on numbers
    assert not _SIGNED_ZERO.findall(text), [line for line in text.splitlines() if _SIGNED_ZERO.search(line)]


def test_a_sentence_on_an_indicators_change_gives_no_signed_zero():
    from impact.report._build import _did_finding
    from impact.report._labels import DEFAULT_VOCABULARY

    ctx = types.SimpleNamespace(vocabulary=DEFAULT_VOCABULARY, alpha=0.05, level="95%")
    rows = [{"measure": "cin_rate", "estimate": -0.004, "ci_low": -0.0041, "ci_high": 0.8, "ri_p_value": 0.001,
             "ri_p_adjusted": 0.004}]
    sentence = _did_finding(ctx, rows, after="after the review", against="the councils not yet reviewed")
    assert "changed by 0.00 per 10,000 children after the review (95% CI 0.00 to +0.80;" in sentence, sentence  # signed ends (render42)
