"""Render a :class:`~impact.report.Report` as a Word document (python-docx).

Built on python-docx's default template, so only its built-in styles are
used: "Title", "Subtitle", "Heading 1", "List Bullet", "Quote", "Intense
Quote", "Caption" and the table style "Light Grid Accent 1".  Table header
rows repeat on every page and rows do not split across pages; figures are
PNG at the width of the text block, with their alternative text set as the
picture's description (what Word's "Alt Text" pane shows).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ._format import clean_text, display_frame, report_provenance
from ._images import Image, rasterise
from ._model import Bullets, Callout, Figure, Paragraph, Quote, Report, Table

__all__ = ["render_docx", "TABLE_STYLE"]

#: Table style from python-docx's default template.
TABLE_STYLE = "Light Grid Accent 1"


def _mark_row(row, *, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    no_split = OxmlElement("w:cantSplit")
    tr_pr.append(no_split)
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)


def _add_table(doc, table: Table, number: int) -> None:
    caption = doc.add_paragraph(style="Caption")
    caption.add_run(f"Table {number}. ").bold = True
    caption.add_run(clean_text(table.caption))
    caption.paragraph_format.keep_with_next = True
    frame = display_frame(table.data, table.columns_format)
    numeric = set(frame.attrs["numeric"])
    grid = doc.add_table(rows=len(frame) + 1, cols=max(len(frame.columns), 1))
    grid.style = doc.styles[TABLE_STYLE]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    # python-docx's ``rows[i]`` rebuilds the list of every row on each access: take the rows once.
    rows = list(grid.rows)
    header = rows[0].cells
    for j, name in enumerate(frame.columns):
        cell = header[j]
        cell.text = clean_text(name)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _mark_row(rows[0], header=True)
    right = [name in numeric for name in frame.columns]
    for row, values in zip(rows[1:], frame.values.tolist(), strict=True):
        cells = row.cells
        for j, value in enumerate(values):
            cells[j].text = value
            if right[j]:
                cells[j].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _mark_row(row, header=False)
    if table.notes:
        notes = doc.add_paragraph(clean_text(table.notes))
        notes.runs[0].font.size = Pt(9)
    else:
        doc.add_paragraph()


def _add_figure(doc, figure: Figure, number: int, image: Image) -> None:
    section = doc.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    doc.add_picture(io.BytesIO(image.png), width=width)
    picture = doc.paragraphs[-1]
    picture.paragraph_format.keep_with_next = True
    # Alternative text: the drawing's docPr@descr.
    for doc_pr in picture._p.iter(qn("wp:docPr")):
        doc_pr.set("descr", clean_text(figure.alt_text))
        doc_pr.set("title", clean_text(figure.caption))
    caption = doc.add_paragraph(style="Caption")
    caption.add_run(f"Figure {number}. ").bold = True
    caption.add_run(clean_text(figure.caption))


def render_docx(report: Report, *, images: Mapping[str, Image] | None = None) -> bytes:
    """Render ``report`` as a Word document (``.docx`` bytes).

    Parameters
    ----------
    report : Report
    images : mapping of figure name to Image, optional
        Figures already rasterised, so each is drawn once per render.

    Examples
    --------
    >>> import io, docx
    >>> from impact.report import Report, Section, Paragraph
    >>> data = render_docx(Report("Impact", "", {"study": "demo"}, [Section("Summary", [Paragraph("Text")])]))
    >>> [p.text for p in docx.Document(io.BytesIO(data)).paragraphs][:3]
    ['Impact', 'Summary', 'Text']
    """
    if not isinstance(report, Report):
        raise TypeError(f"`report` must be an impact.report.Report, but {type(report).__name__} was passed.")
    images = images or {}
    doc = Document()
    props = doc.core_properties
    props.title = clean_text(report.title)
    props.subject = clean_text(report.subtitle)
    props.author = "impact"
    # Fixed timestamps keep the bytes of the same report the same.
    props.created = props.modified = dt.datetime(2000, 1, 1)
    props.last_modified_by = "impact"
    props.revision = 1
    doc.add_heading(clean_text(report.title), level=0)
    if report.subtitle:
        doc.add_paragraph(clean_text(report.subtitle), style="Subtitle")
    n_table = n_figure = 0
    for k, section in enumerate(report.sections):
        if k:
            doc.add_section(WD_SECTION.NEW_PAGE)
        doc.add_heading(clean_text(section.title), level=1)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                doc.add_paragraph(clean_text(block.text))
            elif isinstance(block, Bullets):
                for item in block.items:
                    doc.add_paragraph(clean_text(item), style="List Bullet")
            elif isinstance(block, Quote):
                doc.add_paragraph(clean_text(block.text), style="Quote")
                if block.attribution:
                    by = doc.add_paragraph("\u2014 " + clean_text(block.attribution))
                    by.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif isinstance(block, Callout):
                box = doc.add_paragraph(style="Intense Quote")
                box.add_run(block.kind.capitalize() + ": ").bold = True
                box.add_run(clean_text(block.text))
            elif isinstance(block, Table):
                n_table += 1
                _add_table(doc, block, n_table)
            elif isinstance(block, Figure):
                n_figure += 1
                _add_figure(doc, block, n_figure, images.get(block.name) or rasterise(block.fig))
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_heading("About this report", level=1)
    items = report_provenance(report.provenance)
    grid = doc.add_table(rows=len(items), cols=2)
    grid.style = doc.styles[TABLE_STYLE]
    for row, (key, value) in zip(grid.rows, items, strict=True):
        row.cells[0].text = key
        row.cells[1].text = value
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
