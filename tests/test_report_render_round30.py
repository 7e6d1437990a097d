"""What readers see, round 30: each property read in the rendered workbook itself (openpyxl).

- the workbook's default font (its Normal style, in whose digits every column width is counted) is the Arial its
  cells are written in: with openpyxl's Calibri 11, LibreOffice on a machine without Calibri or Carlito counts widths
  in DejaVu Sans digits and printed every column 1.26 times as wide as planned;
- every sheet prints one page wide at a readable scale: wide text wraps in narrower columns instead of the whole
  sheet printing at 40-60% (the widths and the page set-up in the file give the scale LibreOffice and Excel print at);
- a value of the Notes sheet that is a number (999 resamples, a level of 0.05, 131 files) is stored as a number;
  a version ("2.0") or a number put into words stays text.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from impact.report import Report, Section, Table, render_xlsx

_LONG = ("a long sentence of the kind a theme's quotes, a ledger's row labels or a model's notes hold, "
         "written out in full so that it needs wrapping in any column narrower than a page ")


def _wide_report() -> Report:
    """Three columns of long text beside a few numbers: a sheet as wide as the suppression ledger's."""
    rows = 40
    data = pd.DataFrame({
        "theme": [f"theme {i} " + _LONG[: 40 + i] for i in range(rows)],
        "quote_a": [_LONG * (1 + i % 2) for i in range(rows)],
        "quote_b": [_LONG for _ in range(rows)],
        "quote_c": [_LONG[::-1] for _ in range(rows)],
        "n_councils": list(range(rows)),
        "share": [i / rows for i in range(rows)],
    })
    table = Table("wide", data, "Wide text", columns_format={"n_councils": "int", "share": "pct:0"})
    provenance = {"parameters": {"n_resamples": 999, "alpha": 0.05, "adjust": "holm"},
                  "codebook_version": "2.0", "identify": False}
    return Report("Round 30", "", provenance, [Section("S", [table])])


def _workbook(report: Report):
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))


def _print_scale(ws) -> float:
    """The scale a sheet fitted to one page wide prints at: the page's width inside its margins over its columns'.

    Excel's column width unit is the default font's digit (7 px at 96 dpi for Arial 10 and Calibri 11) plus 5 px of
    padding; a point is 0.75 px.
    """
    page = (841.9 if ws.page_setup.orientation == "landscape" else 595.3) - 72 * (
        ws.page_margins.left + ws.page_margins.right)
    widths = [ws.column_dimensions[get_column_letter(j)].width for j in range(1, ws.max_column + 1)]
    return min(1.0, page / sum((w * 7 + 5) * 0.75 for w in widths))


def test_the_default_font_is_the_font_the_widths_are_measured_in():
    wb = _workbook(_wide_report())
    default = wb._fonts[0]  # the font of the Normal style (cellStyleXfs 0), whose digit is the width unit
    assert (default.name, float(default.sz)) == ("Arial", 10.0)
    fonts = {(c.font.name, float(c.font.sz)) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None}
    assert fonts <= {("Arial", 10.0), ("Arial", 12.0), ("Arial", 14.0)}, fonts


def test_a_sheet_of_long_text_prints_at_a_readable_scale_one_page_wide():
    wb = _workbook(_wide_report())
    ws = wb["Table 1"]
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0 and ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    scale = _print_scale(ws)
    assert scale >= 0.75, scale  # 0.56 before: four 55- and 60-wide columns of text beside the numbers
    # the text wraps, and each row is given the height of its lines (never the default height of one line)
    heads = [c.value for c in ws[1]]
    quote = heads.index("Quote a") + 1
    cells = [ws.cell(row=r, column=quote) for r in range(2, ws.max_row + 1)]
    assert all(c.alignment.wrap_text for c in cells)
    assert all((ws.row_dimensions[c.row].height or 0) > 13 * 2 for c in cells)
    notes = wb["Notes"]
    assert notes.page_setup.orientation == "portrait" and _print_scale(notes) >= 0.8, _print_scale(notes)  # 0.76


def test_numbers_of_the_notes_sheet_are_numbers():
    ws = _workbook(_wide_report())["Notes"]
    values = {}
    for row in ws.iter_rows():
        key = row[0].value
        if isinstance(key, str) and len(row) > 2 and row[2].value is not None:
            values[key] = row[2].value
    assert values["Parameters: resamples per permutation test"] == 999
    assert isinstance(values["Parameters: resamples per permutation test"], int)
    assert values["Parameters: significance level"] == 0.05
    assert values["Codebook version"] == "2.0"  # a version is no number
    assert values["Real council names shown"] == "No"
    # and the contents' row counts are numbers too
    counts = [row[3].value for row in ws.iter_rows() if row[0].value == "Table 1"]
    assert counts == [40]


def _split_report() -> Report:
    """A table too wide for any page, whose rows need two key columns (an impact shown once per wave) and whose key
    labels are long unbroken words (codes, hyphenated names): together more than half the page's width."""
    impacts = [f"Increased-commitment-and-drive-to-improve-safeguarding-{k}" for k in ("alpha", "beta")]
    waves = ["Expectations-before-the-review-(baseline-wave)", "Longer-term-change-(about-twelve-months-after)"]
    rows = [(i, w) for i in impacts for w in waves]
    data = pd.DataFrame({"impact": [i for i, _ in rows], "wave": [w for _, w in rows]})
    for k in range(14):
        data[f"measure_{k}"] = [1000.5 * (k + 1) + j for j in range(len(rows))]
    labels = {f"measure_{k}": f"Councils-reporting-measure-{k}" for k in range(14)}
    table = Table("split", data, "Split", labels=labels, columns_format={f"measure_{k}": "num:1" for k in range(14)})
    return Report("Round 30", "", {}, [Section("S", [table])])


def test_every_part_of_a_split_table_repeats_the_columns_that_identify_a_row():
    import docx
    import lxml.html

    from impact.report import render_docx, render_html

    report = _split_report()
    page = lxml.html.fromstring(render_html(report))
    parts = [w.find(".//table") for w in page.xpath('//*[contains(@class, "table-wrap")]')
             if (w.get("id") or "").startswith("table-split")]
    assert len(parts) > 1  # the table is split (it fits no page)
    for part in parts:
        heads = [th.text_content().strip() for th in part.xpath(".//thead//th")]
        assert heads[:2] == ["Impact", "Wave"], heads  # before: part 2 on began with the impact alone
        body = [[c.text_content().strip() for c in tr.xpath("./th|./td")] for tr in part.xpath(".//tbody/tr")]
        assert len({tuple(r[:2]) for r in body}) == len(body)  # each row told apart within its part
    document = docx.Document(io.BytesIO(render_docx(report)))
    split = [t for t in document.tables if len(t.columns) < 16 and len(t.rows) == 5]
    assert len(split) > 1
    for table in split:
        assert [c.text for c in table.rows[0].cells][:2] == ["Impact", "Wave"]
