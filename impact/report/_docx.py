"""Render a :class:`~impact.report.Report` as a Word document (python-docx).

What a communications team expects of a document they send on:

* **Page**: A4 portrait with 2 cm margins, Arial throughout, page numbers in
  the footer - or, with ``template=``, the page size, margins, styles,
  headers and footers of the user's own ``.docx``/``.dotx`` (its body text is
  not copied).
* **Tables**: laid out from their content by :mod:`impact.report._layout`:
  every column at least as wide as its longest word, so no word is broken
  across lines; a table too wide for portrait goes on landscape pages (a
  section of its own), set smaller if it must, and split into parts that
  repeat its key columns as a last resort.  Header rows repeat on every page,
  rows never split across pages, short tables are kept on one page with their
  caption, columns of numbers are right-aligned.  Headings and values are the
  labels of the report's vocabulary, never machine names.
* **Figures**: at their natural size (150 dpi), shrunk to fit the text block
  and at most 80% of the page height, never enlarged; the alternative text is
  the picture's description and what it draws, read from the figure
  (:func:`impact.report._alt.figure_alt_text`; Word's "Alt Text" pane).
* **Captions and contents**: "Table 3." and "Figure 2." are ``SEQ`` fields;
  the contents links each section's heading and gives its page as a
  ``PAGEREF`` field, so LibreOffice (and any PDF made from it) shows the real
  page numbers and Word refreshes them when the file is opened, or on F9.
* **Properties**: title, subject (the subtitle), author, date, and the
  software in the comments.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt, RGBColor

from .._io import _document_kind, check_input_file, tell_if_open_in_office
from .._textwidth import arial_width, heading_units
from .._version import __version__
from ..errors import InputError
from ._alt import figure_alt_text
from ._format import (
    LANGUAGE,
    clean_text,
    detail_note,
    header_groups,
    report_provenance,
    spanning_parts,
    symbol_key,
    table_display,
    table_notes,
    withheld_notes,
)
from ._images import PNG_DPI, Image, rasterise
from ._layout import (
    breaks_a_word,
    fit_columns,
    identifying_columns,
    mean_lines,
    mend_breaks,
    split_columns,
    table_height,
    wrapped_lines,
)
from ._model import Bullets, Callout, Figure, Paragraph, Quote, Report, Table

__all__ = ["render_docx", "check_docx_template", "TABLE_FONT_SIZES", "A4"]

#: A4 in millimetres (width, height), portrait.
A4 = (210, 297)
#: Font sizes (points) tried for a table's body, largest first.  8 pt is the least a reader of a printed page reads
#: with ease: a table too wide for landscape at 8 pt is split into parts, never set smaller (the example's models
#: table, Table 12, was set at 7 pt to keep its rows to one line each).
TABLE_FONT_SIZES = (9.0, 8.0)
_MARGIN_MM = 20
#: A table cell's margin left and right (points): Word's default, 108 twips, written into every table (tblCellMar) so
#: that a template's table style cannot set another.  A table's column widths are measured by Arial's own widths
#: (:func:`impact._textwidth.arial_width`, as LibreOffice sets it: within 0.1 pt of pdftotext's word boxes, 0.12% on
#: a 64-character fingerprint) in the margins and a quarter point of air (_CELL_PADDING): measured by an estimate up
#: to a tenth wider than Arial in 12 pt, "Share reporting it" (Table 7 of a 150-council study) was given a column
#: in which the layout saw "Share / reporting it" and LibreOffice printed "Share reporting / it".
_CELL_MARGIN = 5.4
_CELL_PADDING = 2 * _CELL_MARGIN + 0.25
_MEASURE = arial_width
#: The margins the layout's choices (type size, orientation, parts, a table turned to join a landscape run, heights
#: for the page breaks) reckon with, by the estimate that never underestimates (:func:`impact._textwidth.text_width`):
#: those choices were weighed with it (the cost of a page against rows wrapping), and Arial's widths alone set
#: tables at three lines a row in portrait that read at 1.6 in landscape (the prevalence table).
_ESTIMATE_PADDING = 12.0
#: A word longer than this (a 64-character fingerprint, a path) sets no more of a column's minimum width than this many
#: characters: Word breaks a word too wide for its cell in a fixed-layout table, and the word stays whole to copy.
_BREAKABLE = 24
_HEADER_FILL = "DCE6F0"
#: Size (points) of the note under a table, and the height of its caption.
_NOTE_SIZE = 8.5
_CAPTION_HEIGHT = 26.0
#: Share of a table's first page reckoned for text before it (a section's heading and opening paragraph).
_TEXT_BEFORE = 0.15
#: A table row's line (times its type size) and the rule under it (points), as LibreOffice sets the rows written by
#: _Writer._grid (single spacing, no cell margin above or below): measured 9.7 pt a row at 8 pt, 10.85 at 9 pt.  The
#: 1.2 and 3 pt of the web page's rows had a 36-row table at 1.33 pages where it took 0.8 of one.
_ROW_LINE = 1.15
_ROW_RULE = 0.5
#: Lines a table may grow (its rows' and heading row's, by the estimate) to keep each heading's short words with the
#: word they read as one with (_Writer.layout: "95% CI", "new leadership").
_UNIT_LINES = 3
#: Line and space after (points) of the empty paragraph after a table.
_SPACER = 6.0
#: A table's last rows kept on the page of its note where the table runs over a page (one row stood there alone).
_LAST_ROWS_KEPT = 3
#: The median width of Arial's words over their never-underestimated width (impact._textwidth: 0.88 of DejaVu Sans
#: against 0.96 regular, 0.84 against 0.90 bold): a page's text is reckoned at its likely length, not its longest.
_MEDIAN_WIDTH = {False: 0.88 / 0.96, True: 0.84 / 0.90}
#: Arial's single line (ascent and descent) in ems: a paragraph's line is this times its type size and its spacing.
_SINGLE_LINE = 1.15
#: A page holding no more than this share of text (a box a section's last paragraphs pushed over) takes the next
#: section's heading after it instead of being left mostly empty.
_LITTLE = 0.5
#: A table over one page and up to this many is set smaller where that saves a page: down to this size.
_SAVE_PAGES_UP_TO = 3
_SMALLEST_TO_SAVE_A_PAGE = 8.0
#: Mean lines a table's row wraps to beyond which a step down in type is tried (_Writer._plan).
_WRAPPED_LINES = 2.0
#: Mean lines a portrait table's row wraps to (by the estimate) beyond which it is set on landscape pages where that
#: takes at least _TALL_GAIN of its rows' lines off (_Writer._plan).
_TALL_ROWS = 4.0
_TALL_GAIN = 0.2
_RULE = "A6A6A6"
_FONT = "Arial"
_FIXED_DATE = dt.datetime(2000, 1, 1)


def _twips(points: float) -> int:
    return int(round(points * 20))


# --------------------------------------------------------------------------- fields and small XML helpers
def _field(paragraph, instruction: str, result: str, *, bold: bool = False) -> None:
    """A complex field (``SEQ``, ``PAGE``, ``PAGEREF``) with ``result`` as its current text."""
    def run(child):
        r = paragraph.add_run()
        if bold:
            r.bold = True
        r._r.append(child)
        return r

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run(sep)
    shown = paragraph.add_run(result)
    shown.bold = bold or None
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run(end)


def _bookmark(paragraph, name: str, ident: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _internal_link(paragraph, text: str, anchor: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _open(template: str | os.PathLike | None):
    if template is None:
        doc = Document()
        _default_look(doc)
        return doc, False
    path = Path(template)
    if not path.exists():
        raise InputError(f"{path}: Word template not found - expected a .docx or .dotx file")
    check_input_file(path, expected=" - expected a Word template (a .docx or .dotx file)")  # a folder, a pipe
    tell_if_open_in_office(path)  # open in Word: read as last saved
    try:
        data = path.read_bytes()
        if path.suffix.lower() in (".dotx", ".dotm"):
            data = _template_as_document(data)
        doc = Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises several types for a file that is not Word
        raise InputError(f"{path}: {_not_word(path, exc)}") from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _ensure_styles(doc)
    return doc, True


#: A part of a zip archive that says which Office file it is, other than Word.
_OTHER_OFFICE = (("xl/", "an Excel workbook"), ("ppt/", "a PowerPoint presentation"),
                 ("content.xml", "an OpenDocument file (LibreOffice)"))


def _not_word(path: Path, exc: Exception) -> str:
    """What a template python-docx could not open is, in a reader's words, and what was expected: ``exc`` names its
    fault only where the file looks like Word but its parts are broken.

    Examples
    --------
    >>> import tempfile, zipfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     (p := Path(d, "t.docx")).write_bytes(b"%PDF-1.7 ...")
    ...     print(_not_word(p, ValueError("x")))
    12
    not a Word file - expected a Word document or template (.docx, .dotx: a zip archive of Word's parts) but it is a PDF document; open it in Word and save it as a Word document or template
    """
    expected = "expected a Word document or template (.docx, .dotx: a zip archive of Word's parts)"
    fix = "open it in Word and save it as a Word document or template"
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as fh:
            head = fh.read(4096)

            def read_at(at: int, size: int) -> bytes:
                fh.seek(at)
                return fh.read(size)

            what = _document_kind(head, read_at) if head else None
        if not head:
            return f"an empty file - {expected}"
        if what is None:
            what = "neither a zip archive nor text" if b"\x00" in head else "text"
        return f"not a Word file - {expected} but it is {what}" + ("" if ":" in what else f"; {fix}")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    if not any(n.startswith("word/") for n in names):
        what = next((said for part, said in _OTHER_OFFICE if any(n.startswith(part) for n in names)), None)
        if what is None:  # another zip: what it holds, as far as three names tell
            held = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
            what = f"a zip archive holding no Word document ({held or 'nothing'})"
        return f"not a Word file - {expected} but it is {what}; {fix}"
    # Word's parts are there but python-docx could not read them; it names the bytes it was given ("file
    # '<_io.BytesIO object at 0x7f...>' is not a Word file"): the file is named by its path, once, at the start
    said = re.sub(r"file '<_io\.BytesIO object at 0x[0-9a-fA-F]+>' ", "it ", str(exc))
    return (f"a Word file whose parts cannot be read ({said}) - {expected}, as Word saves it; {fix} again")


def check_docx_template(template: str | os.PathLike | None) -> None:
    """Raise :class:`impact.errors.InputError` naming the file unless it opens as a Word document or template.

    None, as for :func:`impact.build_report`'s ``template``, is the built-in look: always usable, so nothing is raised.

    Examples
    --------
    >>> check_docx_template("no-such-template.dotx")
    Traceback (most recent call last):
    ...
    impact.errors.InputError: no-such-template.dotx: Word template not found - expected a .docx or .dotx file
    """
    _open(template)


def _template_as_document(data: bytes) -> bytes:
    """A .dotx read as a .docx: only the main part's content type differs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"template.main+xml", b"document.main+xml").replace(
                    b"macroEnabledTemplate.main+xml", b"document.main+xml")
            dst.writestr(item, content)
    return out.getvalue()


_NEEDED_STYLES = {
    "Title": {"size": 24, "bold": True},
    "Subtitle": {"size": 14},
    "Heading 1": {"size": 16, "bold": True},
    "Heading 2": {"size": 13, "bold": True},
    "Caption": {"size": 9, "bold": True},
    "List Bullet": {},
    "Quote": {"italic": True},
    "Intense Quote": {"italic": True, "bold": True},
    "TOC Heading": {"size": 14, "bold": True},
}


def _ensure_styles(doc) -> None:
    """Add the paragraph styles the report uses that a user's template lacks (its own ones win)."""
    names = {s.name for s in doc.styles}
    for name, look in _NEEDED_STYLES.items():
        if name in names:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        if "size" in look:
            style.font.size = Pt(look["size"])
        style.font.bold = look.get("bold")
        style.font.italic = look.get("italic")


def _default_look(doc) -> None:
    """A4, 2 cm margins, Arial, dark headings, page numbers: a plain document in house style."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(A4[0]), Mm(A4[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(_MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(10)
    styles = doc.styles
    for style in styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER) and style.font is not None:
            style.font.name = _FONT
            rpr = style.element.get_or_add_rPr()
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None:
                for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                    fonts.attrib.pop(qn(attr), None)
                for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                    fonts.set(qn(attr), _FONT)
    # the text's language, for screen readers and the spelling checker (the blank document's was en-US, so Word
    # flagged "programme" and read the report with an American voice); a template's own language is left as it is
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault"))
        rpr = rpr.find(qn("w:rPr")) if rpr is not None else None
        lang = rpr.find(qn("w:lang")) if rpr is not None else None
        if lang is None and rpr is not None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        if lang is not None:
            lang.set(qn("w:val"), LANGUAGE)
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    dark = RGBColor(0x1B, 0x1B, 0x1B)
    for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13)):
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = dark
    styles["Heading 1"].paragraph_format.space_before = Pt(0)
    styles["Heading 1"].paragraph_format.space_after = Pt(10)
    styles["Caption"].font.size = Pt(9.5)
    styles["Caption"].font.color.rgb = dark
    styles["Caption"].paragraph_format.space_before = Pt(6)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    for run in footer.runs:
        run.font.size = Pt(9)


@dataclass
class _Page:
    """The text block of the current section, in points."""

    width: float
    height: float


class _Writer:
    """Writes blocks in order, switching between portrait and landscape sections as tables need."""

    def __init__(self, doc, report: Report, images: Mapping[str, Image]):
        self.doc = doc
        self.report = report
        self.vocabulary = report.vocabulary
        self.images = images
        base = doc.sections[-1]
        self.size = (base.page_width, base.page_height)
        self.margins = (base.left_margin, base.right_margin, base.top_margin, base.bottom_margin)
        self.can_rotate = base.page_width < base.page_height  # a landscape template stays as it is
        self.landscape = False
        self.fresh_page = True  # nothing written on the current page yet
        # Estimated points used on the current page, and whether that is ``sure`` (text, figures and tables kept
        # whole on it, no table split over pages): only then is it acted on.  ``opening``: a section's heading and
        # opening text are on it, with no table or figure after them yet.
        self.used = 0.0
        self.sure = self.text_only = True
        self.opening = False
        self.looks: dict = {}
        self.n_table = self.n_figure = 0
        self.bookmarks = 0
        self.styles: dict = {}
        self.plans: dict = {}
        # tables whose every figure is suppressed: their caption and one sentence (withheld_notes), as a detail's
        self.withheld = withheld_notes(report)
        self.spacer = None  # the empty paragraph after the last table (_spacer), while nothing follows it

    def block(self, landscape: bool) -> _Page:
        """The text block of the base (portrait) or the rotated (landscape) page."""
        (w, h), (left, right, top, bottom) = self.size, self.margins
        if landscape and self.can_rotate:
            return _Page(Emu(h - top - bottom).pt, Emu(w - left - right).pt)
        return _Page(Emu(w - left - right).pt, Emu(h - top - bottom).pt)

    def orient(self, landscape: bool) -> None:
        landscape = landscape and self.can_rotate
        if landscape == self.landscape:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        (w, h), (left, right, top, bottom) = self.size, self.margins
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = h, w
            # Turned a quarter clockwise: the top margin becomes the left one, and so on round the page.
            section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = top, bottom, right, left
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = w, h
            section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = left, right, top, bottom
        self.landscape = landscape
        self._new_page()

    def _new_page(self) -> None:
        self.fresh_page = self.sure = self.text_only = True
        self.used, self.opening = 0.0, False

    def _look(self, name: str | None) -> tuple[float, float, float, float]:
        """(type size, line height, space before and after, indents) in points of a paragraph style, through its
        base styles (a user's template sets its own), Normal's where unset."""
        if name not in self.looks:
            def first(get, default):
                for style in (self.style(name) if name else None, self.style("Normal")):
                    while style is not None:
                        value = get(style)
                        if value is not None:
                            return value
                        style = style.base_style
                return default
            size = first(lambda s: s.font.size, Pt(11)).pt
            spacing = first(lambda s: s.paragraph_format.line_spacing, 1.0)
            line = spacing.pt if hasattr(spacing, "pt") else size * _SINGLE_LINE * float(spacing)
            space = first(lambda s: s.paragraph_format.space_before, Pt(0)).pt + first(
                lambda s: s.paragraph_format.space_after, Pt(0)).pt
            indent = first(lambda s: s.paragraph_format.left_indent, Pt(0)).pt + first(
                lambda s: s.paragraph_format.right_indent, Pt(0)).pt
            self.looks[name] = (size, line, space, indent)
        return self.looks[name]

    def _text_height(self, text: str, style: str | None, *, bold: bool = False) -> float:
        size, line, space, indent = self._look(style)
        width = self.block(self.landscape).width - indent - (18 if style == "List Bullet" else 0)
        return wrapped_lines(clean_text(text), max(width, 36.0) / _MEDIAN_WIDTH[bold], size, bold=bold) * line + space

    def _advance(self, height: float, *, whole: bool = False, sure: bool = True, text: bool = True) -> None:
        """Count ``height`` points onto the page: a ``whole`` block that does not fit starts the next page; a block
        not ``sure`` (a table split over pages, its rows moved whole) leaves the page's estimate unsure."""
        page = self.block(self.landscape).height
        if whole and self.used + height > page >= height:
            self._new_page()
        self.used += height
        while self.used > page:
            self.used -= page
            self.sure, self.opening, self.text_only = sure, False, text  # the rest of it begins a page
        self.sure = self.sure and sure
        self.text_only = self.text_only and text
        self.fresh_page = False

    def holds_little(self) -> bool:
        """The current page holds little (estimated, where the estimate is sure)."""
        return not self.fresh_page and self.sure and self.used <= _LITTLE * self.block(self.landscape).height

    def section_height(self, title: str, blocks) -> float:
        """Estimated height (points) of a section on the current page's orientation, as the writer would set it."""
        return self._text_height(title, "Heading 1") + self.blocks_height(blocks)

    def blocks_height(self, blocks) -> float:
        """Estimated height (points) of ``blocks`` on the current page's orientation, as the writer would set them."""
        prose = self.vocabulary.prose
        total = 0.0
        for b in blocks:
            if isinstance(b, Table):
                if b.detail or id(b) in self.withheld:
                    total += self._text_height(b.caption, "Caption", bold=True) + self._text_height(
                        self.withheld.get(id(b), " " * 200), None)
                    continue
                frame, headers, rows, _, size, _, parts, widths = self.layout(b)
                total += sum(self._text_height(b.caption, "Caption", bold=True) + self._height(
                    headers, [[r[j] for j in cols] for r in rows], w, size, columns=cols)
                    for cols, w in zip(parts, widths, strict=True)) + self._note_height(self._notes(b, frame))
            elif isinstance(b, Figure):
                image = self.images.get(b.name)
                total += self.block(False).height * 0.5 if image is None else min(
                    image.height / PNG_DPI * 72, self.block(False).height * 0.8)
                total += self._text_height(b.caption, "Caption", bold=True)
            elif isinstance(b, Bullets):
                total += sum(self._text_height(prose(i), "List Bullet") for i in b.items)
            elif isinstance(b, Callout):
                total += self._text_height(b.kind + ": " + prose(b.text), "Intense Quote", bold=True)
            else:
                total += self._text_height(prose(getattr(b, "text", "")), "Quote" if isinstance(b, Quote) else None)
        return total

    def may_follow(self, title: str, blocks) -> bool:
        """Whether a section's heading follows on the current page rather than starting the next one.

        Where the page holds little (a box its section's last paragraphs pushed over stood alone on page 3): when
        the page holds only text, when the section fits in what the page has left, or when it runs over a page
        wherever it starts.  A section that fits on a page of its own, but not on the rest of this one, starts the
        next page: followed on, its last table, kept whole, would stand alone on the page after.
        """
        if not self.holds_little():
            return False
        if self.text_only:
            return True
        height, page = self.section_height(title, blocks), self.block(self.landscape).height
        return height <= page - self.used or height > page

    def style(self, name: str):
        """The style object of that name, or None (looked up once: python-docx's lookup by name is slow)."""
        if name not in self.styles:
            try:
                self.styles[name] = self.doc.styles[name]
            except KeyError:
                self.styles[name] = None
        return self.styles[name]

    def paragraph(self, text: str = "", style: str | None = None, *, whole: bool = False):
        """A paragraph, counted on the page (its text measured; a ``whole`` one kept on one page)."""
        p = self.doc.add_paragraph(clean_text(text), style=self.style(style) if style else None)
        if text:
            self._advance(self._text_height(text, style), whole=whole)
        self.fresh_page = False
        return p

    # blocks
    def heading(self, title: str, *, new_page: bool = True) -> None:
        """A section heading, with a bookmark for the contents: on a new page (a new section is one already)
        unless ``new_page`` is false (a short section of text only, which then follows the previous one)."""
        fresh = self.fresh_page
        if not fresh and new_page:
            self._new_page()
            self._drop_spacer()
        h = self.paragraph(title, style="Heading 1")
        self.opening = True
        if not fresh and new_page:
            h.paragraph_format.page_break_before = True
        self.bookmarks += 1
        _bookmark(h, f"_Toc{self.bookmarks:06d}", self.bookmarks)
        self.fresh_page = False

    def caption(self, kind: str, number: int | None, text: str, *, part: str = "") -> None:
        p = self.paragraph(style="Caption")
        if number is None:
            p.add_run(f"{kind} {self.n_table if kind == 'Table' else self.n_figure} (continued{part}). ").bold = True
        else:
            p.add_run(f"{kind} ").bold = True
            _field(p, f"SEQ {kind} \\* ARABIC", str(number), bold=True)
            p.add_run(f"{part}. ").bold = True
        p.add_run(clean_text(text))
        p.paragraph_format.keep_with_next = True
        self._advance(self._text_height(p.text, "Caption", bold=True))

    def layout(self, table: Table):
        """Display frame and plan of a table, computed once: (headers, rows, numeric, size, landscape, parts, widths)."""
        key = id(table)
        if key not in self.plans:
            frame = table_display(table, self.vocabulary)
            keys = list(frame.columns)
            headers = [frame.attrs["labels"][k] for k in keys]
            rows = frame.values.tolist()
            numeric = [k in set(frame.attrs["numeric"]) for k in keys]
            notes = self._notes(table, frame)

            def plan(headers):
                groups = header_groups(headers)  # widths from the headings as the lower row shows them
                return self._plan(groups[1] if groups else headers, rows, numeric, table.key_columns, notes=notes,
                                  whole=headers)

            found = plan(headers)
            # each heading's short words bound to the word they read as one with ("95% CI", "new leadership",
            # heading_units), so that no line breaks inside the pair, where that sets the table at the same size, the
            # same way round, in as many parts and at most _UNIT_LINES lines taller: each column is then at least as
            # wide as its pairs, and binding every heading split a table of narrow counts ("Wide change") and wrapped
            # the impacts beside the credits' "Statements reporting an impact" (render59). All headings at once,
            # else one at a time, those that keep to it.
            height = self._plan_height(headers, rows, found)
            bound = [heading_units(h) for h in headers]
            changed = [j for j, (b, h) in enumerate(zip(bound, headers, strict=True)) if b != h]
            kept, best = headers, found
            for trial in ([bound] + ([[*headers[:j], bound[j], *headers[j + 1:]] for j in changed]
                                     if len(changed) > 1 else [])) if changed else []:
                # (one heading at a time: onto those kept so far)
                trial = trial if trial is bound else [bound[j] if bound[j] != headers[j] and (
                    trial[j] != headers[j] or kept[j] != headers[j]) else headers[j] for j in range(len(headers))]
                tried = plan(trial)
                if self._keeps_plan(found, tried, height, self._plan_height(trial, rows, tried)):
                    kept, best = trial, tried
                    if trial is bound:
                        break
            headers, found = kept, best
            self.plans[key] = (frame, headers, rows, numeric, *found)
        return self.plans[key]

    def _plan_height(self, headers, rows, plan) -> float:
        """Estimated height (points) of a table's parts with ``plan`` (:meth:`_plan`: size, landscape, parts,
        widths)."""
        size, _, parts, widths = plan
        return sum(self._height(headers, [[r[j] for j in cols] for r in rows], w, size, columns=cols)
                   for cols, w in zip(parts, widths, strict=True))

    @staticmethod
    def _keeps_plan(found, tried, height: float, tried_height: float) -> bool:
        """Whether plan ``tried`` sets a table as ``found`` does (size, orientation, parts) at most _UNIT_LINES lines
        taller than ``height``."""
        return (tried[:2] == found[:2] and len(tried[2]) == len(found[2])
                and tried_height <= height + _UNIT_LINES * found[0] * _ROW_LINE)

    def turned(self, table: Table):
        """The plan of a table laid out for portrait, set on a landscape page instead at the same type size (the
        plan :meth:`layout` gives, its widths filling the landscape page), with its height (points, caption and note
        included); None where it cannot be whole on one landscape page, or its rows would wrap more than in portrait
        (a table that must stay portrait)."""
        frame, headers, rows, numeric, size, landscape, parts, widths = self.layout(table)
        if landscape or len(parts) > 1 or not self.can_rotate:
            return None
        groups = header_groups(headers)
        page = self.block(True)
        lower, spanning = groups[1] if groups else headers, spanning_parts(headers)
        plan = _fit(lower, rows, page.width, size, numeric, spanning)
        portrait = _fit(lower, rows, self.block(False).width, size, numeric, spanning)
        if not plan.fits or mean_lines(rows, plan.widths, size=size, padding=_ESTIMATE_PADDING) > mean_lines(
                rows, portrait.widths, size=size, padding=_ESTIMATE_PADDING):
            return None
        notes = wrapped_lines(self._notes(table, frame), page.width, _NOTE_SIZE) * _NOTE_SIZE * 1.2 + 12.0
        widths = list(_fit(lower, rows, page.width, size, numeric, spanning, final=True).widths)
        height = _CAPTION_HEIGHT + self._height(headers, rows, widths, size) + notes
        if height > page.height:
            return None
        return (frame, headers, rows, numeric, size, True, parts, [widths]), height

    def turn(self, table: Table, plan) -> None:
        """Set ``table`` on landscape pages with ``plan`` (:meth:`turned`)."""
        self.plans[id(table)] = plan

    def table(self, table: Table, *, own_rows: bool = False) -> None:
        """A table; with ``own_rows`` (a table of items and their values, "About this report"), a value holding a word
        too wide for its column (a 64-character fingerprint) goes on a row of its own under its item, across the
        table, so that it is whole on one line: Word broke it in its cell, and a reader copying it got two pieces."""
        if table.detail or id(table) in self.withheld:
            self.n_table += 1
            self.caption("Table", self.n_table, self.vocabulary.prose(table.caption))
            p = self.paragraph(self.withheld.get(id(table)) or detail_note(table, self.n_table))
            p.paragraph_format.space_after = Pt(12)
            return
        frame, headers, rows, numeric, size, landscape, parts, widths = self.layout(table)
        self.orient(landscape)
        self.n_table += 1
        notes = self._notes(table, frame)
        for k, (columns, part_widths) in enumerate(zip(parts, widths, strict=True)):
            label = f", part {k + 1} of {len(parts)}" if len(parts) > 1 else ""
            before = self.used
            self.caption("Table", self.n_table if k == 0 else None, self.vocabulary.prose(table.caption), part=label)
            last = k == len(parts) - 1
            part_rows = [[r[j] for j in columns] for r in rows]
            spans = set()
            if own_rows and len(columns) == 2:
                part_rows, spans = _own_rows(part_rows, part_widths[1], size)
            self._grid(headers, part_rows, [numeric[j] for j in columns], part_widths, size, columns=columns,
                       caption=self.used - before,
                       note=self._note_height(notes) if last else 0.0, note_text=notes if last else "", spans=spans)
            if not last:
                self._spacer()
        self._spacer()

    def _spacer(self) -> None:
        """The small empty paragraph after a table: the space under it, and what keeps two tables apart (Word
        joins tables with nothing between them)."""
        p = self.doc.add_paragraph()
        p.paragraph_format.line_spacing = Pt(_SPACER)
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.space_after = Pt(_SPACER)
        self.spacer = p._p

    def _drop_spacer(self) -> None:
        """Remove the spacer after a table where a heading on a new page follows it: a table and its note that
        filled their page pushed the spacer onto the next, and the heading's page break then left that page blank
        (LibreOffice and Word alike)."""
        body = self.doc.element.body
        last = body.sectPr.getprevious() if body.sectPr is not None else body[-1]
        if last is not None and last is self.spacer:
            body.remove(last)
        self.spacer = None

    def _note_height(self, notes: str) -> float:
        """Height (points) of the note under a table, its space after included."""
        if not notes:
            return 12.0
        line = self._look(None)[1] / self._look(None)[0] * _NOTE_SIZE
        return wrapped_lines(notes, self.block(self.landscape).width, _NOTE_SIZE) * line + 12.0

    def _height(self, headers, rows, widths, size: float, *, columns=None) -> float:
        """Estimated height (points) of a table as _grid writes it: a heading's part shared by adjacent columns is a
        line of its own above them (header_groups); with ``columns``, of that part of the table (``rows`` the part's),
        grouped as the whole. Its rows' lines by the estimate (_ESTIMATE_PADDING), whatever the widths: reckoned as
        they print, a 150-council report's Table 25 was estimated short enough to take a figure and its text after
        it on its page, and two lines of that text went on to a page of their own."""
        groups = header_groups(headers, columns=columns)
        headers = _stacked(groups) if groups else headers if columns is None else [headers[j] for j in columns]
        return table_height(headers, rows, widths, size=size, padding=_ESTIMATE_PADDING, line=_ROW_LINE,
                            row_padding=_ROW_RULE)

    def _notes(self, table: Table, frame) -> str:
        """The note under a table: its notes and the key to its symbols."""
        return " ".join(x for x in (clean_text(table_notes(table, self.vocabulary)), symbol_key(frame.attrs["symbols"]))
                        if x)

    def _plan(self, headers, rows, numeric, key_columns, *, notes: str = "", whole=None):
        """(font size, landscape?, column parts, widths per part) for a table; ``whole``, its headings before
        header_groups took a shared part off (``headers``): the columns under a shared part are as wide as its longest
        word together, a grouped column alone in a part as wide as it (:func:`_spanning`)."""
        portrait, wide = self.block(False), self.block(True)
        spanning = spanning_parts(whole) if whole else ()

        def shared(page: _Page) -> float:
            # the share of the table's first page taken by its caption, its note and the text before it
            note = wrapped_lines(notes, page.width, _NOTE_SIZE) * _NOTE_SIZE * 1.2 + 12 if notes else 0.0
            return (note + _CAPTION_HEIGHT) / page.height + _TEXT_BEFORE

        def candidates(size: float) -> list[tuple]:
            """(cost, size, landscape, plan, whole pages, mean lines) of each way round the table fits at ``size``,
            cheapest first."""
            found = []
            for landscape, page in ((False, portrait), (True, wide)):
                if landscape and not self.can_rotate:
                    continue
                plan = _fit(headers, rows, page.width, size, numeric, spanning)
                if not plan.fits:
                    continue
                pages = self._height(headers, rows, plan.widths, size) / page.height
                lines = mean_lines(rows, plan.widths, size=size, padding=_ESTIMATE_PADDING)
                # Cost in pages, weighed by how much the rows wrap (three lines a row is hard to read); a
                # landscape section costs a page break either side and turning the page.
                cost = pages * (1 + 0.35 * max(0.0, lines - 1.5))
                cost = cost * 1.1 + 1.0 if landscape else cost
                found.append((cost, size, landscape, plan, math.ceil(pages + shared(page)), lines))
            return sorted(found, key=lambda c: c[0])

        best = None
        for size in TABLE_FONT_SIZES:  # the largest type that fits either way round
            found = candidates(size)
            if found:
                best = found[0]
                break
        if best is not None and best[5] > _WRAPPED_LINES:
            # Rows wrapping to three or four lines at the largest type (its headings' words filled the width and
            # left the labels a word a line: a 6-council study's credits, Table 10) are set a step smaller where
            # that saves a line a row and costs no more.
            smaller = [c for size in TABLE_FONT_SIZES if size < best[1] for c in candidates(size)[:1]
                       if c[5] <= best[5] - 1.0 and c[0] <= best[0]]
            if smaller:
                best = max(smaller, key=lambda c: c[1])
        if best is not None and not best[2] and best[5] > _TALL_ROWS:
            # Rows of a paragraph each (quotes beside a short label: the example's Table 23, six and a half lines a row
            # in portrait, its labels a word a line) are turned to landscape where that sets them on at least
            # _TALL_GAIN of their lines fewer at the same type: the page turned costs less than a table read as a
            # column of paragraphs.
            turned = [c for c in candidates(best[1]) if c[2] and c[5] <= best[5] * (1 - _TALL_GAIN)]
            if turned:
                best = turned[0]
        if best is not None:
            # A table that spills onto another page (its last rows and its note alone there, as the models table
            # did) is set smaller where that keeps it to fewer pages with its rows wrapping no more: a step down
            # in type reads better than a table cut after its last page's worth of rows.  Never below
            # _SMALLEST_TO_SAVE_A_PAGE, the least of TABLE_FONT_SIZES too.
            if 1 < best[4] <= _SAVE_PAGES_UP_TO:
                fewer = [c for size in TABLE_FONT_SIZES if size < best[1] for c in candidates(size)
                         if c[4] < best[4] and c[5] <= best[5] and c[1] >= _SMALLEST_TO_SAVE_A_PAGE]
                if fewer:
                    best = max(fewer, key=lambda c: (c[1], -c[0]))  # the largest type, then the cheapest
            _, size, landscape, _, _, _ = best
            plan = _fit(headers, rows, (wide if landscape else portrait).width, size, numeric, spanning, final=True)
            return size, landscape, [list(range(len(headers)))], [list(plan.widths)]
        size = TABLE_FONT_SIZES[-1]
        plan = _fit(headers, rows, wide.width, size, numeric, spanning)
        parts = split_columns(plan.minimum, wide.width, key_columns=identifying_columns(rows, numeric, key_columns))
        widths = []
        for columns in parts:
            sub = _fit([headers[j] for j in columns], [[r[j] for j in columns] for r in rows], wide.width, size,
                       [numeric[j] for j in columns], spanning_parts(whole, columns) if whole else (), final=True)
            widths.append(list(sub.widths))
        return size, True, parts, widths

    def _grid(self, headers, rows, numeric, widths, size, *, columns=None, caption: float = 0.0, note: float = 0.0,
              note_text: str = "", spans: set[int] | frozenset[int] = frozenset()) -> None:
        """Append the table as WordprocessingML built in one go (python-docx's cell API is slow for big tables).

        A table that fits on a page with its ``caption`` and ``note`` (heights in points) is kept on one page, every
        row kept with the next: it starts a page where it does not fit on this one, unless this page holds only its
        section's heading and opening text, which it would leave alone (a heading stays with its table).  A longer
        table keeps its heading row and first rows with its caption and its last rows with its note, so neither
        ends up alone on a page (Table 6's last row and its note stood alone on one).

        The note (``note_text``) is the table's last row, one cell across every column under a rule: LibreOffice
        keeps a row with the next row where its paragraphs keep with the next, but not a table's last row with
        the paragraph after the table (Table 10's note stood alone at the top of page 13 of the example's report).

        ``spans``: the indices of ``rows`` that are one cell across the table (a value under its item, kept with it,
        no rule between them). ``columns``: the indices into ``headers`` of this part of a table split across pages
        (``rows``, ``numeric`` and ``widths`` the part's), its headings grouped as the whole table's (header_groups).
        """
        page = self.block(self.landscape)

        def row_height(row, row_widths) -> float:
            return self._height([""], [row], row_widths, size) - self._height([""], [], row_widths, size)

        height = self._height(headers, [r for i, r in enumerate(rows) if i not in spans and i + 1 not in spans],
                              widths, size, columns=columns) + sum(row_height(rows[i], [sum(widths)]) + row_height(
                                  rows[i - 1][:1], widths[:1]) for i in spans)
        total = caption + height + note
        fits_here = self.used + height + note <= page.height
        keep_all = fits_here or (total <= page.height and not self.opening)
        if keep_all and not fits_here:
            self._new_page()
            self._advance(caption)
        self._advance(height + note, sure=keep_all, text=False)
        self.opening = False
        half_points = str(int(round(size * 2)))
        twips = [str(_twips(w)) for w in widths]
        rule = f'w:val="single" w:sz="{{}}" w:space="0" w:color="{_RULE}"'
        out = [
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(int(t) for t in twips)}" w:type="dxa"/>'
            '<w:jc w:val="center"/><w:tblBorders>'
            f'<w:top {rule.format(8)}/><w:left w:val="nil"/><w:bottom {rule.format(8)}/><w:right w:val="nil"/>'
            f'<w:insideH {rule.format(4)}/><w:insideV w:val="nil"/></w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{_twips(_CELL_MARGIN)}" w:type="dxa"/>'
            f'<w:right w:w="{_twips(_CELL_MARGIN)}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{t}"/>' for t in twips),
            "</w:tblGrid>",
        ]
        groups = header_groups(headers, columns=columns)
        headers = headers if columns is None else [headers[j] for j in columns]
        if groups:  # a heading's part shared by adjacent columns, once over them (header_groups)
            out.append(_group_row(groups[0], twips, numeric, half_points))
            headers = groups[1]
        for i, values in enumerate([headers, *rows]):
            header = i == 0
            # the last rows keep with the note under the table, so a note never stands alone on a page; an item with
            # its value on the row under it
            keep = header or keep_all or i < 3 or i > len(rows) - _LAST_ROWS_KEPT or i in spans
            spanning, above = i - 1 in spans, i in spans
            out.append("<w:tr><w:trPr><w:cantSplit/>" + ('<w:tblHeader/>' if header else "") + "</w:trPr>")
            for j, value in enumerate(values):
                shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{_HEADER_FILL}"/>' if header else ""
                # a column under no shared part: its whole heading is the cell above, over both heading rows
                merged = header and groups is not None and _alone(groups[0], j)
                # (a cell's properties in the schema's order: width, span, vertical merge, borders, shading)
                tc_pr = (f'<w:tcW w:w="{sum(int(t) for t in twips)}" w:type="dxa"/><w:gridSpan w:val="{len(twips)}"/>'
                         '<w:tcBorders><w:top w:val="nil"/></w:tcBorders>' if spanning
                         else f'<w:tcW w:w="{twips[j]}" w:type="dxa"/>' + ("<w:vMerge/>" if merged else "")
                         + ('<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>' if above else "")) + shade
                if merged:
                    value = ""
                elif header:  # its short words bound where they would stand alone on a line (mend_breaks)
                    value = mend_breaks(str(value), widths[j] - _CELL_PADDING, size, _MEASURE)
                p_pr = ("<w:pPr>" + ("<w:keepNext/>" if keep else "") + '<w:spacing w:before="0" w:after="0" '
                        'w:line="240" w:lineRule="auto"/>' + ('<w:jc w:val="right"/>' if numeric[j] else "") + "</w:pPr>")
                r_pr = "<w:rPr>" + ("<w:b/>" if header else "") + f'<w:sz w:val="{half_points}"/>' \
                       f'<w:szCs w:val="{half_points}"/></w:rPr>'
                lines = clean_text(value).split("\n")
                text = "<w:br/>".join(f'<w:t xml:space="preserve">{xml_escape(line)}</w:t>' for line in lines)
                out.append(f'<w:tc><w:tcPr>{tc_pr}</w:tcPr>'
                           f"<w:p>{p_pr}<w:r>{r_pr}{text}</w:r></w:p></w:tc>")
            out.append("</w:tr>")
        if note_text:
            note_size = str(int(round(_NOTE_SIZE * 2)))
            out.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>"
                f'<w:tcW w:w="{sum(int(t) for t in twips)}" w:type="dxa"/><w:gridSpan w:val="{len(twips)}"/>'
                f'<w:tcBorders><w:top {rule.format(8)}/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                '<w:right w:val="nil"/></w:tcBorders></w:tcPr>'
                f'<w:p><w:pPr><w:spacing w:before="{_twips(3)}" w:after="0"/></w:pPr><w:r><w:rPr>'
                f'<w:sz w:val="{note_size}"/><w:szCs w:val="{note_size}"/></w:rPr>'
                f'<w:t xml:space="preserve">{xml_escape(clean_text(note_text))}</w:t></w:r></w:p></w:tc></w:tr>')
        out.append("</w:tbl>")
        body = self.doc.element.body
        body.sectPr.addprevious(parse_xml("".join(out))) if body.sectPr is not None else body.append(
            parse_xml("".join(out)))
        self.fresh_page = False

    def figure(self, figure: Figure) -> None:
        self.orient(False)
        image = self.images.get(figure.name) or rasterise(figure.fig)
        page = self.block(False)
        width = image.width / PNG_DPI * 72
        height = image.height / PNG_DPI * 72
        scale = min(1.0, page.width / width, page.height * 0.8 / height)
        self.doc.add_picture(io.BytesIO(image.png), width=Pt(width * scale), height=Pt(height * scale))
        picture = self.doc.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        for doc_pr in picture._p.iter(qn("wp:docPr")):
            doc_pr.set("descr", clean_text(figure_alt_text(figure, self.vocabulary.prose)))
            doc_pr.set("title", clean_text(figure.caption))
        self._advance(height * scale + self._look(None)[2], whole=True, text=False)
        self.opening = False
        self.n_figure += 1
        self.caption("Figure", self.n_figure, self.vocabulary.prose(figure.caption))
        self.doc.paragraphs[-1].paragraph_format.keep_with_next = False

    def contents(self, titles: list[str]) -> None:
        """The contents: each section as a link to its heading and a ``PAGEREF`` field for its page.

        Page references are fields, so LibreOffice (and the PDF it exports)
        shows the right numbers, and Word refreshes them when the file is
        opened (``updateFields``) or on F9.  A ``TOC`` field would not do:
        LibreOffice shows the text a TOC field was saved with, and nothing
        but Word can compute its page numbers.
        """
        heading = self.paragraph("Contents", style="TOC Heading")
        heading.paragraph_format.space_before = Pt(18)
        page = self.block(False)
        for k, title in enumerate(titles, start=1):
            p = self.paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Pt(page.width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            p.paragraph_format.space_after = Pt(3)
            _internal_link(p, clean_text(title), f"_Toc{k:06d}")
            p.add_run("\t")
            _field(p, f"PAGEREF _Toc{k:06d} \\h", "")
        self.sure = False  # the title page: the first section starts a page of its own


def _landscape_text(writer: _Writer, blocks) -> list[bool]:
    """The orientation of each block of a section.

    Tables take their own; figures are portrait; text goes on the pages of
    what it leads into: text before a landscape table (from the start of the
    section, or after another table or a figure) is on the table's landscape
    pages, so neither a section's heading nor a table's introduction is left
    alone on a portrait page before the turn (the paragraph introducing the
    indicators' difference-in-differences table stood alone on a portrait
    page of the example's report). Text after the last table or figure is
    portrait, unless it is short (:func:`_short_text`): then it stays on the
    last table's pages, where a turn of the page would leave it alone on one
    (a 6-council study's one sentence that no figure of the impacts at each
    wave is drawn held a portrait page between two landscape ones).
    """
    own: list[bool | None] = [writer.layout(b)[5] if isinstance(b, Table) and not b.detail and id(b) not in writer.withheld
                              else False if isinstance(b, Figure) else None for b in blocks]
    out: list[bool] = []
    for i, orientation in enumerate(own):
        if orientation is not None:
            out.append(orientation)
            continue
        ahead = next((o for o in own[i + 1:] if o is not None), None)
        if ahead is None:  # after the last table or figure: short text stays on its pages
            before = next((o for o in reversed(own[:i]) if o is not None), False)
            ahead = before and _short_text(blocks[i:])
        out.append(bool(ahead))
    return out


def _stacked(groups: tuple[list[tuple[str, int]], list[str]]) -> list[str]:
    """Each column's headings as _grid sets them, its shared part (header_groups) on a line above the rest."""
    out, j = [], 0
    for text, span, grouped in groups[0]:
        out.extend([f"{text}\n{sub}" for sub in groups[1][j:j + span]] if grouped else [text])
        j += span
    return out


def _alone(upper: list[tuple[str, int, bool]], j: int) -> bool:
    """Whether column ``j`` is under no shared heading in the upper heading row (header_groups): one of its own."""
    start = 0
    for _, span, grouped in upper:
        if start <= j < start + span:
            return not grouped
        start += span
    return True


def _group_row(upper: list[tuple[str, int, bool]], twips: list[str], numeric: list[bool], half_points: str) -> str:
    """The upper heading row of a table whose adjacent columns share a heading's part (header_groups): that part once,
    centred over its columns with a rule under it; any other column's whole heading in a cell merged down over the
    heading row below (Word's vMerge), set at its foot as the other headings are."""
    rule = f'w:val="single" w:sz="4" w:space="0" w:color="{_RULE}"'
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{_HEADER_FILL}"/>'
    r_pr = f'<w:rPr><w:b/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    cells, j = [], 0
    for text, span, grouped in upper:
        width = sum(int(t) for t in twips[j:j + span])
        if grouped:
            tc_pr = (f'<w:tcW w:w="{width}" w:type="dxa"/><w:gridSpan w:val="{span}"/>'
                     f'<w:tcBorders><w:bottom {rule}/></w:tcBorders>{shade}<w:vAlign w:val="bottom"/>')
            jc = '<w:jc w:val="center"/>'
        else:
            tc_pr = f'<w:tcW w:w="{width}" w:type="dxa"/><w:vMerge w:val="restart"/>{shade}<w:vAlign w:val="bottom"/>'
            jc = '<w:jc w:val="right"/>' if numeric[j] else ""
        p_pr = f'<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{jc}</w:pPr>'
        # its short words bound where they would stand alone on a line in its width (mend_breaks)
        text = mend_breaks(str(text), width / 20 - _CELL_PADDING, float(half_points) / 2, _MEASURE)
        cells.append(f'<w:tc><w:tcPr>{tc_pr}</w:tcPr><w:p>{p_pr}<w:r>{r_pr}'
                     f'<w:t xml:space="preserve">{xml_escape(clean_text(text))}</w:t></w:r></w:p></w:tc>')
        j += span
    return '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' + "".join(cells) + "</w:tr>"


def _shown(writer: _Writer, block) -> bool:
    """A table shown as a grid (not detail-only, not withheld): what takes an orientation of its own."""
    return isinstance(block, Table) and not block.detail and id(block) not in writer.withheld


def _fit(headers, rows, width: float, size: float, numeric, spanning, *, final: bool = False):
    """:func:`fit_columns` for a Word table in ``width`` points at ``size``: by the estimate the layout's choices are
    weighed with (_ESTIMATE_PADDING), or, ``final``, the widths the table is written with, measured as it prints
    (Arial's widths in the cell margins, _CELL_PADDING): a column never narrower than its text prints, nor a heading
    wrapped other than the layout sees it."""
    return fit_columns(headers, rows, width, size=size, padding=_CELL_PADDING if final else _ESTIMATE_PADDING,
                       nowrap=numeric, breakable=_BREAKABLE, spanning=spanning, measure=_MEASURE if final else None)


def _joins_landscape(writer: _Writer, blocks, wide: list[bool], after: bool) -> list[bool]:
    """The orientation of ``blocks`` (text, then a table laid out for portrait) after a landscape page: on that page's
    landscape run, up to and with the table, rather than turning the page twice, where the table is whole on one landscape page at its type
    size with its rows wrapping no more (:meth:`_Writer.turned`), and either it and the text before it fit in the room
    left on the current page (the estimate sure), or what comes after it is landscape too (``wide`` beyond the table,
    else ``after``, the next section's first page): then a portrait page between two landscape runs would hold the
    table alone (a 150-council study's persistence table, Table 9, on a portrait page three-quarters empty between
    the trajectories' landscape table and the attributions'). A table too long for a landscape page, set smaller or
    wrapping more there, stays portrait."""
    end = next((k for k, b in enumerate(blocks) if _shown(writer, b) or isinstance(b, Figure)), len(blocks))
    if end == len(blocks) or not _shown(writer, blocks[end]) or wide[end]:
        return wide
    turned = writer.turned(blocks[end])
    if turned is None:
        return wide
    plan, height = turned
    following = wide[end + 1] if end + 1 < len(wide) else after
    room = writer.block(True).height - writer.used
    fits = writer.sure and not writer.fresh_page and writer.blocks_height(blocks[:end]) + height <= room
    if not (fits or following):
        return wide
    writer.turn(blocks[end], plan)
    return [True] * (end + 1) + wide[end + 1:]


def _joins_landscape_after(writer: _Writer, table: Table, following: bool) -> bool:
    """Whether ``table``, laid out for portrait and next on a portrait page, is set landscape instead, to open the
    landscape run that ``following`` (what comes after it is landscape) begins, as :func:`_joins_landscape` joins
    a table to the run before it: where it would begin a portrait page of its own (it does not fit the room left on
    this one, or this one is empty), that page holding it alone before the turn, and it is whole on one landscape page
    at its type size with its rows wrapping no more (:meth:`_Writer.turned`). A table under its section's heading and
    opening text stays with them (a heading stays with its table); a table the estimate is unsure of, or longer than a
    page, stays portrait."""
    if not following or writer.opening or not writer.sure:
        return False
    frame, headers, rows, numeric, size, landscape, parts, widths = writer.layout(table)
    if landscape or len(parts) > 1:
        return False
    page = writer.block(False).height
    height = (_CAPTION_HEIGHT + writer._height(headers, rows, widths[0], size)
              + writer._note_height(writer._notes(table, frame)))
    if height > page or (not writer.fresh_page and writer.used + height <= page):
        return False
    turned = writer.turned(table)
    if turned is None:
        return False
    writer.turn(table, turned[0])
    return True


def _portrait_lead(writer: _Writer, blocks, wide: list[bool]) -> list[bool]:
    """The orientation of ``blocks``, text leading into a landscape table after a portrait table or figure: the text
    (withheld and detail-only tables with it) stays on the portrait page where that page has room for all of it, and
    the landscape table takes a section of its own. Turned with the table, the text left a portrait table alone on a
    mostly empty page and itself held a landscape page, the table pushed on to the next (a 6-council study's action
    plans, Table 16, then its indicators' text and withheld tables). Where the page is full, or its estimate unsure,
    the text turns with the table, as :func:`_landscape_text` has it: it would otherwise begin a portrait page of
    its own (the example's introduction to its indicators' difference-in-differences, after a figure a page tall)."""
    end = next((k for k, b in enumerate(blocks) if _shown(writer, b) or isinstance(b, Figure)), len(blocks))
    if end == len(blocks) or not wide[end]:  # short text after the section's last table (render43): on its pages
        return wide
    page = writer.block(False).height
    if writer.fresh_page or not writer.sure or writer.used + writer.blocks_height(blocks[:end]) > page:
        return wide
    return [False] * end + wide[end:]


#: Word's core properties (title, subject, author) hold at most 255 characters; python-docx refuses more.
_PROPERTY_MAX = 255


def _property(text: object) -> str:
    """``text`` as a core property: cut at a word before 255 characters, with an ellipsis, where longer.

    A study's name is the report's title, and nothing limits its length: a
    longer one made the Word rendering, and so ``impact run``, fail.  The
    title on the report's first page stays whole.
    """
    text = clean_text(text)
    if len(text) <= _PROPERTY_MAX:
        return text
    cut = text[:_PROPERTY_MAX - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[-40:] else cut).rstrip() + "\u2026"


def _properties(doc, report: Report) -> None:
    props = doc.core_properties
    props.title = _property(report.title)
    props.subject = _property(report.subtitle)
    props.author = props.last_modified_by = _property(report.author)
    props.comments = f"Produced with impact {__version__}"
    props.language = LANGUAGE  # the web page's lang too
    # The report's own date (not the clock) keeps the bytes of the same report the same.
    when = report.date if report.date is not None else _FIXED_DATE
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    props.created = props.modified = when
    props.revision = 1
    update = OxmlElement("w:updateFields")  # Word refreshes page references and numbers on opening
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def render_docx(report: Report, *, images: Mapping[str, Image] | None = None,
                template: str | os.PathLike | None = None) -> bytes:
    """Render ``report`` as a Word document (``.docx`` bytes).

    Parameters
    ----------
    report : Report
    images : mapping of figure name to Image, optional
        Figures already rasterised, so each is drawn once per render.
    template : path, optional
        A ``.docx`` or ``.dotx`` in house style: its page size and margins,
        styles, headers and footers are used (its body text is not).  Default:
        A4 portrait, Arial.

    Returns
    -------
    bytes

    Raises
    ------
    TypeError
        If ``report`` is not a Report.
    InputError
        If ``template`` is missing or not a Word file.

    Examples
    --------
    >>> import io, docx
    >>> from impact.report import Report, Section, Paragraph
    >>> data = render_docx(Report("Impact", "", {"study": "demo"}, [Section("Summary", [Paragraph("Text")])]))
    >>> d = docx.Document(io.BytesIO(data))
    >>> [p.text for p in d.paragraphs][:2], round(d.sections[0].page_width.mm), round(d.sections[0].page_height.mm)
    (['Impact', 'Contents'], 210, 297)
    """
    if not isinstance(report, Report):
        raise TypeError(f"`report` must be an impact.report.Report, but {type(report).__name__} was passed.")
    doc, _ = _open(template)
    _properties(doc, report)
    writer = _Writer(doc, report, images or {})
    writer.paragraph(report.title, style="Title")
    if report.subtitle:
        writer.paragraph(report.subtitle, style="Subtitle")
    if report.date is not None:
        writer.paragraph(f"{report.date.day} {report.date:%B %Y}")
    prose = report.vocabulary.prose
    titles = [prose(s.title) for s in report.sections] + ["About this report"]
    writer.contents(titles)
    # A short section that opened a page of its own (after a turn of the page) leaves most of that page empty:
    # the next section then follows it there instead of starting another page.
    follows_short_opening = False
    # the orientation of each section's first page: a table may join the landscape run on either side of it
    firsts = [bool(w and w[0]) for w in (_landscape_text(writer, s.blocks) for s in report.sections)] + [False]
    for n_section, section in enumerate(report.sections):
        wide = _landscape_text(writer, section.blocks)
        writer.orient(wide[0] if wide else False)
        short, opening = _short_text(section.blocks), writer.fresh_page
        # nor is a page left holding only a little text (the summary's warning box, pushed over by its last
        # paragraphs, stood alone on page 3): the next section's heading follows it there
        writer.heading(prose(section.title), new_page=not (short or follows_short_opening
                                                           or writer.may_follow(prose(section.title), section.blocks)))
        follows_short_opening = short and opening
        for i, block in enumerate(section.blocks):
            if not wide[i] and writer.landscape and not isinstance(block, Figure):
                wide[i:] = _joins_landscape(writer, section.blocks[i:], wide[i:], firsts[n_section + 1])
            if not wide[i] and not writer.landscape and _shown(writer, block) and _joins_landscape_after(
                    writer, block, wide[i + 1] if i + 1 < len(wide) else firsts[n_section + 1]):
                wide[i] = True
            landscape = wide[i]
            if landscape and not writer.landscape and i and not _shown(writer, block):
                wide[i:] = _portrait_lead(writer, section.blocks[i:], wide[i:])
                landscape = wide[i]
            if _shown(writer, block):
                writer.table(block)
                continue
            if isinstance(block, Figure):
                writer.figure(block)
                continue
            writer.orient(landscape)
            if isinstance(block, Table):  # shown as its caption and a note (detail, withheld), on the page of the text around it
                writer.table(block)
            elif isinstance(block, Paragraph):
                writer.paragraph(prose(block.text))
            elif isinstance(block, Bullets):
                for item in block.items:
                    writer.paragraph(prose(item), style="List Bullet")
            elif isinstance(block, Quote):
                quote = writer.paragraph(block.text, style="Quote")
                if block.attribution:
                    quote.paragraph_format.keep_with_next = True
                    by = writer.paragraph("\u2014 " + block.attribution)
                    by.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif isinstance(block, Callout):
                box = writer.paragraph(style="Intense Quote")
                # one box, on one page: the summary's warning split 3 lines onto an otherwise empty page
                box.paragraph_format.keep_together = True
                box.add_run(block.kind.capitalize() + ": ").bold = True
                box.add_run(clean_text(prose(block.text)))
                writer._advance(writer._text_height(box.text, "Intense Quote", bold=True), whole=True)
    items = report_provenance(report.provenance, report.vocabulary)
    about = Table("about", _about_frame(items), "How this report was produced", key_columns=1,
                  columns_format={"value": "text"}, labels={"item": "Item", "value": "Value"})
    writer.orient(False)
    writer.heading("About this report", new_page=not writer.may_follow("About this report", [about]))
    writer.paragraph("How this report was produced. The tables are also in tables.xlsx (formatted, ready to print) "
                     "and in tables/*.csv with machine-readable column names (numbers rounded as this report shows them), described "
                     "in tables/data_dictionary.csv.")
    writer.table(about, own_rows=True)
    _keep_signs_with_numbers(doc.element.body)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


#: A minus sign that begins a number: after a space, a bracket, a slash or the start of a run, before a digit or a
#: decimal point and digit ("-1.13", "(-0.5", "-.5").
_LEADING_MINUS = re.compile(r"(?:^|(?<=[\s(\[/]))-(?=\.?\d)")


def _keep_signs_with_numbers(body) -> None:
    """Write every minus sign that begins a number as Word's non-breaking hyphen (``w:noBreakHyphen``), and every
    hyphen inside a word of a table's heading.

    Word and LibreOffice break a line after an ordinary hyphen-minus, so "95% CI -3.37 to -1.13" printed "to -" at
    the end of one line and "1.13" at the start of the next: a reader (and pdftotext) took it for 1.13. The
    non-breaking hyphen looks the same, keeps the sign with its number, and reads back as "-" (python-docx's text,
    Word's copy). A heading's hyphenated word is one word to the layout, its column at least as wide as the whole
    word; LibreOffice broke it at the hyphen where the line had room for its first part ("Adjusted p- / value (not / a
    finding)" over the example's Tables 12 and 13).
    """
    for t in list(body.iter(qn("w:t"))):
        _no_break_at(t, _LEADING_MINUS)
    for row in body.iter(qn("w:tr")):
        if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            for t in list(row.iter(qn("w:t"))):
                _no_break_at(t, _WORD_HYPHEN)


#: A hyphen between two letters or digits of a word ("p-value", "Rank-biserial", "Longer-term").
_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _no_break_at(t, pattern: re.Pattern) -> None:
    """Split text element ``t`` at each hyphen ``pattern`` matches, writing a ``w:noBreakHyphen`` in its place."""
    text = t.text or ""
    parts = pattern.split(text)
    if len(parts) == 1:
        return
    t.text = parts[0]
    t.set(qn("xml:space"), "preserve")
    at = t
    for part in parts[1:]:
        hyphen = OxmlElement("w:noBreakHyphen")
        at.addnext(hyphen)
        at = hyphen
        if part:
            rest = OxmlElement("w:t")
            rest.set(qn("xml:space"), "preserve")
            rest.text = part
            at.addnext(rest)
            at = rest


_SHORT_SECTION_CHARS = 2500  # about a third of an A4 page of body text


def _short_text(blocks) -> bool:
    """A section of text only (no table or figure) short enough to follow the previous section on its page."""
    if any(isinstance(b, (Table, Figure)) for b in blocks):
        return False
    size = 0
    for b in blocks:
        items = getattr(b, "items", None)
        size += sum(len(i) for i in items) if items is not None else len(getattr(b, "text", "")) + len(getattr(b, "attribution", ""))
    return size <= _SHORT_SECTION_CHARS


def _own_rows(rows: list[list[str]], width: float, size: float) -> tuple[list[list[str]], set[int]]:
    """Item-value ``rows`` with each value too wide for its column (``width`` points; a word of it would be broken) on
    a row of its own under its item, and the indices of those rows."""
    out: list[list[str]] = []
    spans: set[int] = set()
    for item, value in rows:
        if breaks_a_word(str(value), width, size=size, padding=_CELL_PADDING, measure=_MEASURE):
            out.append([item, ""])
            spans.add(len(out))
            out.append([value])
        else:
            out.append([item, value])
    return out, spans


def _about_frame(items):
    import pandas as pd

    return pd.DataFrame(items, columns=["item", "value"])
