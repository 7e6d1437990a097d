"""What readers see, round 44 (a 6-council study's Word report, web page and workbook read page by page).

- Word: only a table too wide for portrait takes a landscape section; the text after a portrait table, and a
  withheld or detail-only table among it, stay on the portrait page where it has room (a 6-council study's action
  plans: Table 16 alone on a mostly empty portrait page, then a landscape page of text only, Table 19 after it);
- the web page: a withheld table's caption is a paragraph of its own above the sentence saying what was withheld, as
  in Word (it ran on into "Withheld: ...");
- a heading's part shared by adjacent columns ("Participants:" on seven columns of the realisation table, whose
  headings stood three and four lines tall) is said once, in a merged cell over them, in Word, on the web page and in
  the workbook;
- Word's column widths go to the values before the headings: a dozen headings of figures ("Credited to another
  programme") no longer leave the impact beside them a word a line (Table 10), nor a short column its whole width
  while the impacts wrap (Table 11).
Structure, not pixels.
"""

from __future__ import annotations

import io

import docx
import lxml.html
import openpyxl
import pandas as pd
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from impact._textwidth import arial_width
from impact.report import Paragraph, Report, Section, Table, render_docx, render_html, render_xlsx
from impact.report._layout import wrapped_lines

_IMPACTS = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions",
            "Promotion of learning and reflective practice", "Revision of policies, processes and systems",
            "Improvement in staff morale and relations", "Affirmation and enhancement of partnership working"]
_WIDE = pd.DataFrame({f"a rather long column heading {i}": ["a long cell value here"] * 3 for i in range(14)})
_W = qn("w:t")


def _document(sections: list[Section]):
    return docx.Document(io.BytesIO(render_docx(Report("R", "", {}, sections))))


def _sections_of(document) -> list[tuple[object, list[str]]]:
    """Each Word section's orientation and the texts of its paragraphs and table captions, in order (a section ends
    at the paragraph carrying its sectPr, the last at the body's own); a table is "<table>"."""
    out, texts = [], []
    sections = iter(document.sections)
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            texts.append("<table>")
        elif element.tag == qn("w:p"):
            text = "".join(t.text or "" for t in element.iter(_W))
            if text:
                texts.append(text)
            if element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                out.append((next(sections).orientation, texts))
                texts = []
    out.append((next(sections).orientation, texts))
    return out


def _withheld_table(name: str = "hidden") -> Table:
    hidden = pd.DataFrame({"impact": ["Morale", "Plans", "Ideas"], "n_councils": ["c", "c", "c"],
                           "share": ["c", "c", "c"]})
    return Table(name, hidden, "Change in each indicator after a council's first notice",
                 columns_format={"share": "pct"})


def test_word_text_after_a_portrait_table_stays_portrait_before_a_landscape_one():
    narrow = Table("plans", pd.DataFrame({"wave": ["Early", "Later"], "actions": [49, 49]}), "Action plans")
    detail = Table("trends", pd.DataFrame({"period": ["2011", "2012"], "mean": [1.0, 2.0]}), "Indicator trends",
                   detail=True)
    blocks = [Paragraph("Progress of the actions."), narrow, detail,
              Paragraph("No figure of the outcome indicators is drawn."), _withheld_table(),
              Paragraph("Did the indicators change after the review? " * 3), Table("did", _WIDE, "Wide change"),
              Paragraph("A long discussion of the wide table. " * 80)]
    sections = _sections_of(_document([Section("Action plans", blocks)]))
    where = {text: orientation for orientation, texts in sections for text in texts}
    for text in ("Progress of the actions.", "Table 1. Action plans", "Table 2. Indicator trends",
                 "No figure of the outcome indicators is drawn.", "Table 3. Change in each indicator",
                 "Withheld:", "Did the indicators change after the review?"):
        found = [o for t, o in where.items() if t.startswith(text)]
        assert found == [WD_ORIENT.PORTRAIT], (text, found)
    # the landscape section holds the wide table, its caption (and the note under it, a row of the table): no text
    turned = [texts for orientation, texts in sections if orientation == WD_ORIENT.LANDSCAPE]
    assert len(turned) == 1, sections
    assert [t for t in turned[0] if t != "<table>"] == ["Table 4. Wide change"], turned
    # the text and tables before it stay in the portrait section of the title page and the action plans; the long
    # discussion after the wide table turns back
    assert [o for o, _ in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT], sections
    # guard: a section's heading and introduction before its first, landscape, table are on the table's pages (the
    # heading would otherwise stand alone on a portrait page)
    sections = _sections_of(_document([Section("Wide", [Paragraph("The table."), Table("wide", _WIDE, "Wide")])]))
    assert any(o == WD_ORIENT.LANDSCAPE and "The table." in texts for o, texts in sections), sections


def test_web_page_withheld_caption_is_its_own_paragraph():
    page = lxml.html.fromstring(render_html(Report("R", "", {}, [Section("S", [_withheld_table()])])))
    block = page.xpath("//*[@id='table-hidden']")
    assert len(block) == 1
    paragraphs = block[0].xpath(".//p")
    assert len(paragraphs) == 2, lxml.html.tostring(block[0])
    caption, sentence = (p.text_content().strip() for p in paragraphs)
    assert caption == "Table 1. Change in each indicator after a council's first notice", caption
    assert sentence.startswith("Withheld:") and "3 rows" in sentence, sentence


def _realisation() -> Table:
    heads = {"n_realised": "Participants: realised", "n_unmet": "Participants: unmet expectation",
             "n_unanticipated": "Participants: unanticipated", "n_not_mentioned": "Participants: not mentioned",
             "n_under_way_reported": "Participants: under way before the review, reported after",
             "n_under_way_not_reported": "Participants: under way before the review, not reported after",
             "n_incomplete": "Participants: incomplete"}
    data = pd.DataFrame({"impact": _IMPACTS[:3], **{k: [12, 7, 30] for k in heads}, "share": [0.4, 0.5, 0.25]})
    return Table("realisation", data, "Participants by whether their expectations were realised",
                 labels=heads | {"impact": "Impact", "share": "Share realised"},
                 columns_format={**{k: "int" for k in heads}, "share": "pct"})


_LOWER = ["realised", "unmet expectation", "unanticipated", "not mentioned",
          "under way before the review, reported after", "under way before the review, not reported after",
          "incomplete"]


def test_a_shared_heading_part_is_one_merged_cell_over_its_columns_in_word():
    report = Report("R", "", {}, [Section("S", [_realisation()])])
    table = docx.Document(io.BytesIO(render_docx(report))).tables[0]
    top, lower = table.rows[0]._tr, table.rows[1]._tr
    cells = top.findall(qn("w:tc"))
    spans = [int(c.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")))
             if c.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None else 1 for c in cells]
    # (a heading's short word bound to its neighbour by a no-break space, render59: the same words)
    texts = ["".join(t.text for t in c.iter(_W)).replace("\xa0", " ") for c in cells]
    assert list(zip(texts, spans, strict=True)) == [("Impact", 1), ("Participants", 7), ("Share realised", 1)]
    lower_texts = ["".join(t.text or "" for t in c.iter(_W)).replace("\xa0", " ") for c in lower.findall(qn("w:tc"))]
    assert lower_texts == ["", *_LOWER, ""], lower_texts
    # the columns under no shared part are one cell over both heading rows, and both rows repeat on every page
    merged = [c.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") for c in lower.findall(qn("w:tc"))]
    assert merged[0] is not None and merged[-1] is not None and all(m is None for m in merged[1:-1])
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in (top, lower))
    assert "Participants:" not in "".join(t.text or "" for t in table._tbl.iter(_W))
    assert table.rows[2].cells[0].text == _IMPACTS[0]


def test_a_shared_heading_part_is_one_cell_over_its_columns_on_the_web_page_and_in_the_workbook():
    report = Report("R", "", {}, [Section("S", [_realisation()])])
    page = lxml.html.fromstring(render_html(report))
    rows = page.xpath("//table[@id='table-realisation' or ancestor::*[@id='table-realisation']]/thead/tr")
    assert len(rows) == 2
    top = [(th.text_content(), th.get("colspan"), th.get("rowspan")) for th in rows[0].xpath("th")]
    assert top == [("Impact", None, "2"), ("Participants", "7", None), ("Share realised", None, "2")], top
    assert [th.text_content() for th in rows[1].xpath("th")] == _LOWER
    # a narrow screen's cards still name each figure in full, as the notes and the suppression ledger name it
    # (render46's "shared part › label")
    labels = page.xpath("//table//tbody/tr[1]/td/@data-label")
    assert labels[0] == "Participants \u203a realised" and labels[-1] == "Share realised", labels
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Table 1"]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:A2", "B1:H1", "I1:I2"}
    assert [c.value for c in ws[1]] == ["Impact", "Participants", *[None] * 6, "Share realised"]
    # each heading by its words, whatever lines the sheet sets it on (render62 keeps "the review," whole: "under way
    # before / the review, reported after")
    assert [" ".join(c.value.split()) if isinstance(c.value, str) else c.value for c in ws[2]] == [None, *_LOWER, None]
    assert [c.value for c in ws[3]][:2] == [_IMPACTS[0], 12]
    assert ws.freeze_panes == "B3" and ws.print_title_rows == "$1:$2" and ws.auto_filter.ref == "A2:I5"


def _grid(table: Table, portrait: bool = False):
    """(widths in points, type size) of the first table Word writes for ``table``."""
    document = _document([Section("S", [table])])
    t = document.tables[0]._tbl
    widths = [int(c.get(qn("w:w"))) / 20 for c in t.find(qn("w:tblGrid"))]
    size = int(t.find(f".//{qn('w:sz')}").get(qn("w:val"))) / 2
    return widths, size


def test_word_gives_the_width_to_the_labels_before_the_headings():
    # as Table 10 of a 6-council study: six impacts and twelve counts and shares with long headings
    heads = ["Statements reporting an impact", "Credited to the review", "Share credited to the review",
             "Credited to another factor", "Share credited to another factor", "Cause left open",
             "Share with the cause left open", "Credited to Ofsted", "Credited to new leadership",
             "Credited to a restructure", "Credited to funding", "Credited to another programme"]
    data = pd.DataFrame({"impact": _IMPACTS, **{f"c{k}": [23, 77, 55, 64, 12, 35] for k in range(12)}})
    table = Table("credit", data, "What reported impacts were credited to",
                  labels={"impact": "Impact", **{f"c{k}": h for k, h in enumerate(heads)}},
                  columns_format={f"c{k}": "int" for k in range(12)})
    widths, size = _grid(table)
    # (measured as it prints, render51: Arial's widths in the 10.8 pt the cell margins leave; by the estimate the
    # layout measured with before, up to a tenth wider than Arial, in 12 pt, an impact took three lines here)
    lines = [wrapped_lines(i, widths[0] - 10.8, size, measure=arial_width) for i in _IMPACTS]
    assert max(lines) <= 2, (lines, widths, size)  # four lines a row at 92 points (main)
    # as Table 11: a short column ("All councils") beside the impacts, on a portrait page
    data = pd.DataFrame({"impact": _IMPACTS, "status": ["All councils"] * 6, "n": [6] * 6,
                         "a": ["0%", "20%", "20%", "68%", "0%", "45%"], "b": ["22%", "88%", "38%", "75%", "12%", "38%"],
                         "w": [0.64, 0.85, 0.53, 0.01, 0.26, 0.27], "p": [0.016, 0.003, 0.042, 1.0, 0.259, 0.243],
                         "q": [0.082, 0.015, 0.168, 1.0, 0.728, 0.728]})
    table = Table("friedman", data, "Change in each impact across the waves, all councils together",
                  labels={"impact": "Impact", "status": "Intervention status", "n": "Councils",
                          "a": "Median, expectations before the review", "b": "Median, longer-term change",
                          "w": "Kendall's W", "p": "p-value (not a finding)", "q": "Adjusted p-value (not a finding)"},
                  columns_format={"n": "int", "w": "num:2", "p": "p", "q": "p"})
    widths, size = _grid(table)
    assert sum(widths) < 500  # portrait
    lines = [wrapped_lines(i, widths[0] - 12.0, size) for i in _IMPACTS]
    assert sum(lines) / len(lines) <= 2.5 and widths[0] > 1.5 * widths[1], (lines, widths, size)
