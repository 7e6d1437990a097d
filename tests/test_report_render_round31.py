"""What readers see, round 31: page breaks and keeps in report.docx, print scale in tables.xlsx.

Each property is read in the file itself (python-docx XML, openpyxl page set-up); LibreOffice's PDF is used only for
the one property no XML shows (what a page holds), and that test skips where soffice is absent.

- a table that fits on a page keeps every row with the next (it moves whole, caption and note with it); a longer
  one keeps its first rows with its caption and its last rows with its note (Table 6's last row and its note stood
  alone on page 7 of the ten-council report);
- a table too long for the report (``detail``, shown as a caption and a note) takes no landscape page: the
  Limitations warning before the suppressions ledger stood alone on one;
- a page left holding only a box (the summary's warning, pushed over by its section's last paragraphs) takes the
  next section's heading after it instead of a page break;
- a workbook sheet of many numeric columns under long headings prints at 75% or more.
"""

from __future__ import annotations

import io
import shutil
import subprocess

import docx
import pandas as pd
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from impact.report import Callout, Paragraph, Report, Section, Table, render_docx

_SENTENCE = ("Participants in councils in intervention described how the review changed the way partners met, "
             "what they expected of each other and how the plans that followed were checked. ")


def _document(sections: list[Section]):
    return docx.Document(io.BytesIO(render_docx(Report("Round 31", "", {"study": "t"}, sections))))


def _rows_keeping(doc, table_index: int) -> list[bool]:
    """For each row of a table (heading row first), whether its paragraphs keep with the next."""
    tbl = doc.tables[table_index]._tbl
    return [all(p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
                for p in tr.iter(qn("w:p"))) for tr in tbl.iter(qn("w:tr"))]


def _frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"impact": [f"Impact number {i} of the study" for i in range(n)],
                         "n": list(range(100, 100 + n))})


def test_a_table_that_fits_on_a_page_keeps_every_row_with_the_next():
    # 40 one-line rows at 9 pt: about 0.6 of a portrait page (11 pt a row as LibreOffice sets it), more than the
    # 0.45 of a page under which main kept a table whole, so main let it break after any row.
    doc = _document([Section("A", [Paragraph(_SENTENCE), Table("t", _frame(40), "Forty rows",
                                                               columns_format={"n": "int"})])])
    keeps = _rows_keeping(doc, 0)
    assert len(keeps) == 41 and all(keeps), [i for i, k in enumerate(keeps) if not k]
    rows = doc.tables[0]._tbl.findall(qn("w:tr"))
    assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in rows)
    assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None  # repeated on every page
    assert doc.tables[0].rows[-1].cells[0].text == "Impact number 39 of the study"  # no note: no note row


def test_a_table_over_a_page_keeps_its_last_rows_with_its_note():
    # 150 rows run over two pages: the heading row and first rows keep with the caption, the last three rows with
    # the note under the table (main kept only the last row with it: one row and the note stood alone on a page).
    doc = _document([Section("A", [Table("t", _frame(150), "Many rows", notes="A note under the table.",
                                         columns_format={"n": "int"})])])
    *keeps, note_keeps = _rows_keeping(doc, 0)  # the note is the table's last row (round 32)
    assert len(keeps) == 151 and not note_keeps
    assert keeps[:3] == [True] * 3  # heading row and the first two rows, kept with the caption
    assert keeps[-3:] == [True] * 3, keeps[-6:]  # the last three rows, each kept with the next, the last with the note
    assert not any(keeps[10:-3])  # the rows between break where the page ends
    assert doc.tables[0].rows[-1].cells[0].text == "A note under the table."


def _limitations() -> list[Section]:
    # twelve columns of seven-digit counts beside a label: a landscape table, were it shown
    counts = {f"count_{k}": list(range(1_000_000, 1_000_030)) for k in range(12)}
    wide = pd.DataFrame({"label": [f"Row {i} of the ledger, named in full" for i in range(30)], **counts})
    ledger = Table("ledger", wide, "Suppression ledger", detail=True, columns_format=dict.fromkeys(counts, "int"))
    return [Section("Methods", [Paragraph(_SENTENCE * 3),
                                Callout("Limitations: " + _SENTENCE * 4, kind="warning"), ledger])]


def test_a_detail_table_takes_no_landscape_page():
    doc = _document(_limitations())
    # the wide table is shown as a caption and a note: nothing in the section needs a landscape page
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT] * len(doc.sections), \
        [s.orientation for s in doc.sections]
    body = list(doc.element.body.iterchildren())
    box = next(i for i, el in enumerate(body) if el.tag == qn("w:p") and "Limitations:" in "".join(el.itertext()))
    # the box is in the same (portrait) section as the text before it: no section break between them
    between = body[box - 1:box]
    assert not any(el.find(qn("w:pPr")) is not None and el.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
                   for el in between)


def _box_pushed_over() -> list[Section]:
    # A page of text, then a box too long for what is left of it: it starts the next page, where only it would stand.
    summary = Section("Summary", [Paragraph(_SENTENCE * 22), Paragraph(_SENTENCE * 5),
                                  Callout("Comparisons rest on few councils. " + _SENTENCE * 3, kind="warning")])
    sample = Section("The sample", [Paragraph(_SENTENCE), Table("t", _frame(6), "Six rows",
                                                                columns_format={"n": "int"})])
    return [summary, sample]


def test_a_page_holding_only_a_box_takes_the_next_section():
    doc = _document(_box_pushed_over())
    heading = next(p for p in doc.paragraphs if p.text == "The sample")
    assert not heading.paragraph_format.page_break_before
    # a section after a page well filled still starts a page of its own
    other = _document([Section("Summary", [Paragraph(_SENTENCE * 22)]), _box_pushed_over()[1]])
    assert next(p for p in other.paragraphs if p.text == "The sample").paragraph_format.page_break_before


def test_the_box_and_the_next_section_share_a_page_in_libreoffice(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext not installed (apt-get install libreoffice-writer poppler-utils)")
    (tmp_path / "r.docx").write_bytes(render_docx(Report("Round 31", "", {"study": "t"}, _box_pushed_over())))
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "r.docx")], capture_output=True, timeout=300,
                   check=False)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    box = next(i for i, page in enumerate(pages) if "Comparisons rest on few councils" in page)
    assert "Summary" not in pages[box]  # the box was pushed over, as planted
    assert "The sample" in pages[box], pages[box][:400]
