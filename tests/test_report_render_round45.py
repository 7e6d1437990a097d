"""What readers see, round 45: grouped headings in the workbook, the web page and Word, and signed intervals.

1. Workbook: a heading merged down over a sheet's two heading rows counted its lines in row 1 alone, on top of row
   2's: the two rows stood about twice as tall as their text.
2. A note under a table quoted a grouped column by its whole name ('Participants: incomplete'), which no heading
   reads: it now quotes what the reader sees ('incomplete' under 'Participants'), in Word, workbook and web page.
3. Web page: a table was laid out (type size, page orientation, parts) by its whole headings, not the labels shown
   under a shared part: the realisation table printed landscape and small.
4. Word (and the web page): a table split into parts left a grouped column alone in its part with its whole heading.
5. A model table's interval of a signed quantity read "-0.40 to 0.63" beside the comparisons' "-16 to +29": every
   signed quantity (a change, a difference, a model's coefficient) and each end of its interval carry "+".
Values are checked from the files themselves; the need and the signs are worked out here.
"""

from __future__ import annotations

import io

import docx
import lxml.html
import openpyxl
import pandas as pd
import pytest
from conftest import excel_shows, report_of, sheet_headings
from docx.oxml.ns import qn

from impact._xlsx import LINE_PT, cell_lines
from impact.report import Report, Section, Table, render_docx, render_html, render_xlsx

pytestmark = pytest.mark.filterwarnings("ignore")

_IMPACTS = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions"]


def _grouped_table() -> Table:
    """A realisation-like table: a long heading of its own in a narrow column of figures beside three columns under
    "Participants", the note naming one of them and the lone column by machine name."""
    data = pd.DataFrame({"impact": _IMPACTS, "n_every": [12, 7], "n_a": [3, 4], "n_b": [5, 6], "n_c": [1, 2]})
    labels = {"impact": "Impact", "n_every": "Councils in intervention at every wave of the study",
              "n_a": "Participants: under way before the review, reported after",
              "n_b": "Participants: under way before the review, not reported after",
              "n_c": "Participants: incomplete"}
    return Table("grouped", data, "Participants by whether their expectations were realised",
                 "Every column but n_c counts the participants interviewed at every wave; n_every counts councils.",
                 labels=labels)


@pytest.fixture(scope="module")
def grouped():
    """The grouped table's report as a workbook, a Word document and a web page, rendered once."""
    report = Report("R", "", {}, [Section("Trajectories", [_grouped_table()])])
    return (openpyxl.load_workbook(io.BytesIO(render_xlsx(report))), docx.Document(io.BytesIO(render_docx(report))),
            lxml.html.fromstring(render_html(report)))


def test_workbook_heading_rows_are_as_tall_as_their_wrapped_text(grouped):
    book, _, _ = grouped
    ws = book["Table 1"]
    width = {j: ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width for j in range(1, ws.max_column + 1)}
    merged = list(ws.merged_cells.ranges)
    down = [r for r in merged if r.min_row == 1 and r.max_row == 2]
    across = [r for r in merged if r.min_row == r.max_row == 1 and r.max_col > r.min_col]
    assert down and across  # a heading over both rows beside "Participants" over its three columns
    # the need, worked from the wrapped text in each cell's (merged) width: row 1 holds the shared part, row 2 the
    # labels under it, and a heading merged down over both needs its lines in the two together
    top = max(cell_lines(str(ws.cell(1, r.min_col).value),
                         sum(width[j] for j in range(r.min_col, r.max_col + 1)), bold=True) for r in across)
    below = max(cell_lines(str(c.value), width[c.column], bold=True) for c in ws[2] if isinstance(c.value, str))
    tallest = max(cell_lines(str(ws.cell(1, r.min_col).value), width[r.min_col] - 12 / 7 * (
        ws.cell(1, r.min_col).alignment.indent or 0), bold=True) for r in down)
    need = max((top + below) * LINE_PT, tallest * LINE_PT)
    assert tallest > top + 1  # the heading merged down is the tallest: the case that was counted twice
    heights = [ws.row_dimensions[r].height or LINE_PT for r in (1, 2)]
    assert sum(heights) == pytest.approx(need, abs=0.02), (heights, need, top, below, tallest)
    assert heights[1] >= below * LINE_PT - 0.01  # the labels under the shared part fit their row


def _note_of_word(document) -> str:
    return next(p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
                if p.text.startswith("Every column"))


def test_notes_quote_a_grouped_column_as_the_reader_sees_it(grouped):
    book, document, page = grouped
    notes = {"workbook": next(r[2] for r in book["Notes"].iter_rows(values_only=True) if r[0] == "Table 1"),
             "word": _note_of_word(document),
             "web page": page.xpath("string(//p[contains(@class, 'table-notes')])")}
    for where, note in notes.items():
        # (render46: named as the workbook's column of what is suppressed names it, the part then the label; was
        # "'incomplete' under 'Participants'")
        assert "but 'Participants \u203a incomplete' counts" in note, (where, note)
        assert "Participants: incomplete" not in note, (where, note)
        # a column under no shared part is still quoted by its whole heading
        assert "'Councils in intervention at every wave of the study' counts councils" in note, (where, note)
    # and each name quoted is what the reader sees: a heading of the table's lower row, under its shared part
    seen = [c.value for c in book["Table 1"][2]] + [c.value for c in book["Table 1"][1]]
    assert "incomplete" in seen and "Participants" in seen


def test_web_page_lays_out_a_grouped_table_by_the_labels_shown():
    # nine columns under one long shared part: headed whole, each column's longest word is "Safeguarding", too wide
    # for nine columns of the page at normal size; shown, each is headed by a short label under the part
    data = pd.DataFrame({"impact": _IMPACTS, **{f"n{i}": [i, i + 1] for i in range(9)}})
    labels = {"impact": "Impact", **{f"n{i}": f"Safeguarding partnership representatives: wave {i}" for i in range(9)}}
    page = lxml.html.fromstring(render_html(Report("R", "", {}, [Section("S", [Table("g", data, "G", labels=labels)])])))
    tables = page.xpath("//table[contains(@class, 'stack')]")
    assert len(tables) == 1, "split into parts"
    assert "normal" in tables[0].get("class").split(), tables[0].get("class")
    assert "wide" not in page.xpath("//div[contains(@class, 'table-wrap')]")[0].get("class").split()
    heads = [th.text_content() for th in tables[0].xpath(".//thead//th")]
    assert heads[:2] == ["Impact", "Safeguarding partnership representatives"] and "wave 0" in heads


@pytest.fixture(scope="module")
def split():
    """A table of 15 wide columns of figures in groups of 4, 3, 4 and 4 under "Group n", split into parts; its Word
    document and web page, rendered once."""
    cols: dict[str, list] = {"impact": _IMPACTS}
    labels = {"impact": "Impact"}
    for g, n in enumerate([4, 3, 4, 4], start=1):
        for s in ("first", "second", "third", "fourth")[:n]:
            cols[f"g{g}_{s}"] = [123456789012.5, 98765432109.25]
            labels[f"g{g}_{s}"] = f"Group {g}: {s} part"
    table = Table("wide", pd.DataFrame(cols), "Wide grouped", labels=labels,
                  columns_format={c: "num:2" for c in cols if c != "impact"})
    report = Report("R", "", {}, [Section("S", [table])])
    return labels, docx.Document(io.BytesIO(render_docx(report))), lxml.html.fromstring(render_html(report))


def _word_parts(document) -> list[tuple[list[tuple[str, int]], list[str]]]:
    """Each Word table's two heading rows (repeated on each page): the upper as (text, columns spanned), the lower as
    texts."""
    out = []
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = [tr for tr in tbl.iter(qn("w:tr")) if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
        if len(rows) != 2:
            continue
        cells = [list(tr.iter(qn("w:tc"))) for tr in rows]

        def text(tc) -> str:
            return "".join(t.text or "" for t in tc.iter(qn("w:t")))

        def span(tc) -> int:
            found = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            return 1 if found is None else int(found.get(qn("w:val")))

        out.append(([(text(tc), span(tc)) for tc in cells[0]], [text(tc) for tc in cells[1]]))
    return out


def _check_parts(parts, labels: dict[str, str]) -> None:
    """No part heads a grouped column by its whole heading; every column but the impact is under its group; and the
    split leaves some group over a single column of a part (the case that kept its whole heading)."""
    whole = {h for h in labels.values() if ": " in h}
    lone = 0
    for upper, lower in parts:
        texts = [t for t, _ in upper] + lower
        assert not whole & set(texts), (upper, lower)
        groups = [(t, n) for t, n in upper if t.startswith("Group ")]
        assert sum(n for _, n in groups) == len([h for h in lower if h.endswith(" part")]) == len(lower) - 1
        lone += sum(1 for _, n in groups if n == 1)
    assert len(parts) >= 2 and lone, parts


def test_word_parts_group_their_headings_as_the_whole_table(split):
    labels, document, _ = split
    _check_parts(_word_parts(document), labels)


def test_web_page_parts_group_their_headings_as_the_whole_table(split):
    labels, _, page = split
    parts = []
    for table in page.xpath("//table[contains(@class, 'stack')]"):
        rows = table.xpath("./thead/tr")
        assert len(rows) == 2
        parts.append(([(th.text_content(), int(th.get("colspan", 1))) for th in rows[0].xpath("./th")],
                      [""] + [th.text_content() for th in rows[1].xpath("./th")]))
    _check_parts(parts, labels)


# --------------------------------------------------------------------------- 5. signed intervals, every output
def _signed(x: float) -> str:
    """A signed quantity to two decimals as the report must show it, worked here: '+' above zero, hyphen-minus
    below, no sign on a value shown as zero."""
    text = f"{abs(x):.2f}"
    return text if not text.strip("0.") else ("-" if x < 0 else "+") + text


_SIGNED_TABLES = ("gee_models", "survey_model", "survey_by_status", "indicator_did", "indicator_review_did",
                  "indicator_review_did_by_status")


def test_model_tables_sign_their_estimates_and_intervals_in_every_output(example_run):
    files, out = example_run.files, example_run.out_dir
    page = lxml.html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    page_cells = {td.text_content().strip() for td in page.xpath("//td")}
    word_cells = {c.text.strip() for t in docx.Document(str(out / "report.docx")).tables
                  for r in t.rows for c in r.cells}
    book = openpyxl.load_workbook(out / "tables.xlsx")
    report, _ = report_of(example_run.findings)
    sheet_of = {t.name: s for t, s in zip(report.tables, [r[0] for r in book["Notes"].iter_rows(values_only=True)
                                                          if r[0] and str(r[0]).startswith("Table ")], strict=False)}
    checked = 0
    for name in _SIGNED_TABLES:
        if f"tables/{name}.csv" not in files:
            continue
        data = pd.read_csv(out / "tables" / f"{name}.csv", encoding="utf-8-sig")
        data = data[pd.to_numeric(data["ci_low"], errors="coerce").notna()]
        ws = book[sheet_of[name]]
        heads, first = sheet_headings(ws)  # (round 44: two heading rows where a part is shared)
        lows = [j for j, h in enumerate(heads) if str(h).endswith("95% CI, lower")]
        for r in data.itertuples():
            lo, hi = _signed(float(r.ci_low)), _signed(float(r.ci_high))
            if lo == hi:
                continue  # shown with more digits (ci_digits)
            assert f"{lo} to {hi}" in page_cells and f"{lo} to {hi}" in word_cells, (name, lo, hi)
            assert _signed(float(r.estimate)) in page_cells & word_cells, (name, r.estimate)
            checked += 1
        # the workbook's cells show each end as the report does
        shown = {(excel_shows(row[j].value, row[j].number_format),
                  excel_shows(row[j + 1].value, row[j + 1].number_format))
                 for row in ws.iter_rows(min_row=first) for j in lows if isinstance(row[j].value, (int, float))}
        want = {(_signed(float(r.ci_low)), _signed(float(r.ci_high))) for r in data.itertuples()}
        assert lows and want <= shown, (name, want - shown)
    assert checked >= 20, checked
