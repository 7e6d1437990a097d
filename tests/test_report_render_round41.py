"""Round 41: what the reader sees of suppressed tables, definitions and the workbook's notes.

A table whose every figure is suppressed is replaced, in Word, on the web page and on its workbook sheet, by one
sentence saying what was withheld and why (its number and caption kept); the methods list sets each definition after
its colon by one rule; a workbook row of counts shown and shares suppressed says its reason once, in a few words; the
contents of the Notes sheet keep each entry apart from the next. Structure, not pixels.
"""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from impact.report import Bullets, Report, Section, Table, render_docx, render_html
from impact.report._xlsx import FLAG_COLUMN, render_xlsx


def _withheld_report(*, ledger: bool = False) -> Report:
    # every figure c: the impact's count, a share and its interval, a p; and a table with one figure shown
    hidden = pd.DataFrame({"impact": ["Morale", "Plans", "Ideas"], "n_councils": ["c", "c", "c"],
                           "share": ["c", "c", "c"], "ci_low": ["c", "c", "c"], "ci_high": ["c", "c", "c"],
                           "p_value": ["c", "c", "c"]})
    from impact.report._format import CI

    first = Table("hidden", hidden, "Models of each impact", notes="Odds ratios, suppressed where groups are small.",
                  columns_format={"share": "pct", "ci": CI("ci_low", "ci_high", percent=True)})
    shown = Table("shown", pd.DataFrame({"impact": ["Morale", "Plans"], "n_councils": ["c", 12]}), "Counts")
    tables: list = [first, shown]
    if ledger:
        tables.append(Table("suppressions", pd.DataFrame({"table": ["hidden"], "column": ["share"]}), "Ledger",
                            detail=True))
    return Report("R", "", {}, [Section("S", tables)])


def _docx_text(data: bytes) -> tuple[str, int]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    return text, xml.count("<w:tbl>")


def test_a_table_of_suppressed_figures_only_is_one_sentence_in_word():
    text, tables = _docx_text(render_docx(_withheld_report()))
    text = re.sub(r"\s+", " ", text).replace(" . ", ". ")
    # the caption keeps its number; the sentence names the figures withheld, the rows and the reason
    assert "Table 1. Models of each impact" in text
    sentence = re.search(r"Withheld: [^.]*\.", text)
    assert sentence, text
    for words in ("'Councils'", "'Share'", "95% CI", "'p-value'", "3 rows", "(c)", "small number"):
        assert words in sentence.group(0), sentence.group(0)
    # no grid of c for it: the other table and "About this report" are the document's only tables
    assert tables == 2
    assert " c c c " not in f" {text} "
    # the next table keeps its number
    assert "Table 2. Counts" in text


def test_a_table_of_suppressed_figures_only_is_one_sentence_on_the_web_page_and_its_sheet():
    page = render_html(_withheld_report(ledger=True))
    # (round 44: its caption and the sentence are two paragraphs in one block, as in Word)
    block = re.search(r'<div class="withheld-table" id="table-hidden">(.*?)</div>', page, re.S)
    assert block, "no sentence in place of the table"
    assert "Table 1." in block.group(1) and "3 rows" in block.group(1)
    # the ledger listing each cell is named where the report has one
    assert "tables/suppressions.csv" in block.group(1)
    assert 'id="table-hidden-c"' not in page and page.count("<table") == 2  # the counts and the ledger (folded)
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(_withheld_report())))
    ws = book["Table 1"]
    assert ws.max_row == 1 and ws.max_column == 1
    assert ws["A1"].value.startswith("Withheld:") and "3 rows" in ws["A1"].value
    assert "Models of each impact" in ws.oddHeader.center.text
    # the contents list gives the sentence as the table's notes; a table with a figure shown is a grid as before
    notes = book["Notes"]
    entry = next(r for r in notes.iter_rows(values_only=True) if r[0] == "Table 1")
    assert entry[2].startswith("Withheld:")
    assert book["Table 2"].max_row == 3


def test_the_methods_definitions_go_on_in_lower_case_after_their_colon():
    from conftest import report_of, tiny_analysed

    from impact.report._labels import _PROPER_NOUNS

    report, _ = report_of(tiny_analysed())
    methods = next(s for s in report.sections if s.title == "Methods and limitations")
    items = [i for b in methods.blocks if isinstance(b, Bullets) for i in b.items]
    assert len(items) >= 5
    for item in items:
        term, definition = item.split(": ", 1)
        first = definition.split(" ", 1)[0]
        # a name or an acronym keeps its capitals; any other first word is lower case
        assert first in _PROPER_NOUNS or first[1:] != first[1:].lower() or definition[0].islower(), item


def test_a_row_of_counts_shown_and_shares_suppressed_says_its_reason_once():
    from impact.report._format import CI

    heads = {"n_a": "Councils not in intervention", "mean_a": "Mean share, not in intervention",
             "n_b": "Councils in intervention", "mean_b": "Mean share, in intervention"}
    data = pd.DataFrame({"impact": ["Morale", "Plans"], "n_a": [21, 20], "mean_a": ["c", 0.29], "n_b": [8, 9],
                         "mean_b": ["c", 0.36], "diff": ["c", 0.06], "lo": ["c", -0.16], "hi": ["c", 0.29],
                         "r": ["c", 0.19], "p_value": ["c", 0.505], "p_adj": ["c", 1.0]})
    table = Table("cmp", data, "Comparisons", labels=heads,
                  columns_format={"mean_a": "pct", "mean_b": "pct", "diff": "pp", "ci": CI("lo", "hi", points=True),
                                  "r": "num:2", "p_adj": "p"})
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("R", "", {}, [Section("S", [table])]))))["Table 1"]
    header = [c.value for c in ws[1]]
    flag = ws.cell(row=2, column=header.index(FLAG_COLUMN) + 1).value
    # one reason, once; the two counts shown named in place of the eight figures empty (each named before, 14 lines)
    assert flag.count("(c)") == 1, flag
    assert flag == "All figures but Councils not in intervention; Councils in intervention (c)", flag
    # the row's height is that of its tallest cell, the note no more than a few lines of its column
    from impact._xlsx import LINE_PT, cell_lines

    width = ws.column_dimensions[openpyxl.utils.get_column_letter(len(header))].width
    assert ws.row_dimensions[2].height <= max(4, cell_lines(flag, width)) * LINE_PT


@pytest.mark.parametrize("notes", ["", "A note that wraps " * 12])
def test_each_entry_of_the_contents_stands_apart_from_the_next(notes):
    from impact._xlsx import LINE_PT, cell_lines

    tables = [Table(f"t{k}", pd.DataFrame({"x": [k]}), f"Table of things number {k}", notes=notes) for k in range(3)]
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("R", "", {}, [Section("S", tables)]))))["Notes"]
    widths = {j: ws.column_dimensions[c].width for j, c in enumerate("ABCD", start=1)}
    rows = [r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=1).value).startswith("Table ")]
    assert len(rows) == 3
    for r in rows:
        lines = max(cell_lines(str(ws.cell(row=r, column=j).value or ""), widths[j]
                               - (ws.cell(row=r, column=j).alignment.indent or 0) * 12 / 7) for j in (2, 3))
        # more than the lines it holds: the last line of an entry never touches the first of the next
        assert (ws.row_dimensions[r].height or LINE_PT) > lines * LINE_PT, (r, lines, ws.row_dimensions[r].height)
