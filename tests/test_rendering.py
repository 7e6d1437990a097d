"""The report as its readers get it: rendered by LibreOffice and Chromium, then checked page by page.

python-docx and openpyxl never show what a reader sees (a word broken across
lines in a narrow cell, a header row that does not repeat, a table wider
than the page), so these tests convert the Word report and the workbook to
PDF with LibreOffice (headless) and open the web page in headless Chromium,
and assert on the result.  They hold for any report the assembly produces:
they are run on the bundled example study and on a generated 10-council
study.  Where LibreOffice, poppler-utils (pdftotext, pdfinfo) or Chromium are
not installed they skip with the reason (``.ci/run`` installs them).
"""

from __future__ import annotations

import collections
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import sheet_headings

from impact.report._xlsx import ALL_FIGURES

pytestmark = pytest.mark.xdist_group("rendering")

A4 = (595.3, 841.9)  # points
#: What a reader should never see: snake_case names, patsy terms, Python reprs.  Written here, independently
#: of impact.report._labels, so the library's own detector is not what is tested.
MACHINE = [
    re.compile(r"(?<![\w./\\-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/\\-]|\.\w)"),  # p_adjusted, n_mentioning
    re.compile(r"(?<![\w./\\-])_[a-z][a-z0-9_]*(?![\w/\\-])"),  # a column's suffix in a note: '_a: Not in intervention'
    re.compile(r"\[T\.|C\(\w+"),  # C(wave)[T.early], in_intervention[T.True]
    re.compile(r"\[\s*'|\(\s*'[^'\n]*'\s*,|\{\s*'"),  # ['a', 'b'], ('a', 'b'), {'seed': 0}
    re.compile(r"(?<![\w-])(?:None|nan|NaN|NaT|<NA>|True|False)(?![\w-])"),
]
_FILES = re.compile(r"\S+\.(?:csv|xlsx|json|docx|html|png|svg|txt|yaml|parquet)\b")


def machine_names(text: str) -> list[str]:
    text = _FILES.sub(" ", text)
    return [m.group(0) for pattern in MACHINE for m in pattern.finditer(text)]


def test_machine_name_detector():
    assert machine_names("n_mentioning, C(wave)[T.early], ['a', 'b'], None; _a: Not in intervention") == [
        "n_mentioning", "_a", "C(wave", "[T.", "['", "None"]
    assert machine_names("Children in need (per 10,000 children); see tables/data_dictionary.csv; Hodges-Lehmann") == []


# --------------------------------------------------------------------------- tools
def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"{' or '.join(names)} not installed (apt-get install libreoffice-writer libreoffice-calc "
                "poppler-utils chromium) - rendering not checked")


@pytest.fixture(scope="module")
def soffice() -> str:
    _tool("pdftotext")
    _tool("pdfinfo")
    return _tool("soffice", "libreoffice")


@pytest.fixture(scope="module")
def chromium() -> str:
    from conftest import browser_path

    found = browser_path()
    if found is None:
        pytest.skip("no Chromium or Chrome on PATH (apt-get install chromium) - the web page is not checked")
    return found


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# --------------------------------------------------------------------------- the bundles
@pytest.fixture(scope="module")
def bundles(example_run, ten_council_run) -> dict[str, Path]:
    """The example study's report (the run tests/test_example.py reads) and a generated 10-council study's (the run
    tests/test_pipeline.py checks), each made once per run (conftest)."""
    return {"example": example_run.out_dir, "ten_councils": ten_council_run.out_dir}


@pytest.fixture(scope="module")
def pdfs(bundles, soffice, tmp_path_factory) -> dict[str, dict[str, Path]]:
    """report.docx and tables.xlsx of each bundle as PDF, by LibreOffice."""
    from conftest import once_per_worker

    def build() -> dict[str, dict[str, Path]]:
        profile = tmp_path_factory.mktemp("lo-profile")
        out = {}
        for name, folder in bundles.items():
            target = tmp_path_factory.mktemp(f"pdf-{name}")
            result = subprocess.run(
                [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                 "--outdir", str(target), str(folder / "report.docx"), str(folder / "tables.xlsx")],
                capture_output=True, text=True, timeout=600, check=False)
            files = {"docx": target / "report.pdf", "xlsx": target / "tables.pdf"}
            missing = [str(p) for p in files.values() if not p.is_file()]
            assert not missing, f"LibreOffice made no {missing}: {result.stdout[-1000:]} {result.stderr[-1000:]}"
            out[name] = files
        return out

    return once_per_worker("rendering-pdfs", build)


def _pages(pdf: Path) -> list[tuple[float, float]]:
    """Size (points) of every page."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _words(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Words of every page as (text, x, y) from pdftotext's layout analysis."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(html.unescape(w), float(x), float(y)) for x, y, w in
                      re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</word>', page)])
    return pages


def _is_a4(size: tuple[float, float]) -> bool:
    w, h = sorted(size)
    return abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2


def _tokens(text: str) -> list[str]:
    """Words, split after hyphens too: a line may end at a hyphen without breaking a word."""
    return [t for w in text.split() for t in re.findall(r"[^-]+-?|-", w)]


BUNDLES = ["example", "ten_councils"]


# --------------------------------------------------------------------------- Word
@pytest.mark.parametrize("name", BUNDLES)
def test_word_report_is_a4_and_within_its_page_budget(pdfs, name):
    sizes = _pages(pdfs[name]["docx"])
    assert sizes and all(_is_a4(s) for s in sizes), sorted(set(sizes))
    # Acceptance of issue 15: the example study's report on at most 35 A4 pages (64 US Letter pages before). Report truth
    # round 14 took it to 36 (the indicators' section states what its change tables find); won back on 2026-12-03 by
    # letting a section follow a short one that opened a page of its own ("What people said" alone on a page).
    assert len(sizes) <= 35, len(sizes)
    # Portrait, with landscape pages only for wide tables: the title and the last section are portrait.
    assert sizes[0][1] > sizes[0][0] and sizes[-1][1] > sizes[-1][0]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _is_landscape(sect_pr) -> bool:
    size = sect_pr.find(f"{_W}pgSz")
    return size.get(f"{_W}orient") == "landscape" or int(size.get(f"{_W}w")) > int(size.get(f"{_W}h"))


@pytest.mark.parametrize("name", BUNDLES)
def test_word_text_leading_into_a_landscape_table_turns_with_it(bundles, name):
    """The text opening a section before a landscape table (its introduction and caption, back to the heading) is on
    the table's landscape pages: the example's report left the paragraph introducing the
    indicators' difference-in-differences table alone on a portrait page before the turn. Read from the
    document's own section breaks (a paragraph holding a sectPr ends its section)."""
    body = docx.Document(bundles[name] / "report.docx").element.body
    blocks, ends = [], []  # (kind, text, section index); the orientation of each section, in order
    for el in body.iterchildren():
        tag = el.tag.rsplit("}", 1)[1]
        if tag == "tbl":
            blocks.append(("table", "", len(ends)))
        elif tag == "p":
            style = el.find(f"{_W}pPr/{_W}pStyle")
            heading = style is not None and style.get(f"{_W}val", "").lower().startswith(("heading", "title"))
            text = "".join(el.itertext()).strip()
            figure = el.findall(f".//{_W}drawing") or (blocks and blocks[-1][0] == "figure" and text.startswith("Figure"))
            kind = "figure" if figure else "heading" if heading else "text"  # a figure's caption goes with it
            blocks.append((kind, text, len(ends)))
            if el.find(f"{_W}pPr/{_W}sectPr") is not None:
                ends.append(_is_landscape(el.find(f"{_W}pPr/{_W}sectPr")))
        elif tag == "sectPr":
            ends.append(_is_landscape(el))
    checked = 0
    for i, (kind, _, section) in enumerate(blocks):
        if kind != "table" or not ends[section]:
            continue
        run = []
        for before_kind, text, before_section in reversed(blocks[:i]):
            if before_kind != "text":
                break
            if text:
                run.append((text, before_section))
        # (round 44) text after a portrait table or figure stays on that portrait page where it has room, the
        # landscape table in a section of its own (tests/test_report_render_round44.py); a section's opening turns
        if before_kind != "heading":
            continue
        for text, before_section in run:
            checked += 1
            assert ends[before_section], f"text before a landscape table is on a portrait page: {text[:80]!r}"
    assert checked, "no landscape table with text before it: the test checked nothing"


def _text(element) -> str:
    """The text of a WordprocessingML element as Word shows it (lxml's itertext repeats the text of python-docx's w:t
    elements): a non-breaking hyphen (``w:noBreakHyphen``, which the report writes for a minus sign and a heading's
    hyphen) reads "-", as in Word's copy and python-docx's text."""
    return "".join("-" if t.tag == f"{_W}noBreakHyphen" else t.text or ""
                   for t in element.iter(f"{_W}t", f"{_W}noBreakHyphen"))


def _own_cell_texts(table) -> list[str]:
    """The text of each cell of a Word table once: a cell across several columns is one ``w:tc``, and a cell merged
    down over heading rows is written once, in its first row (python-docx's ``row.cells`` repeats it in every row it
    covers, so a heading such as "Impact" over two heading rows was counted twice and the check relied on the word
    happening to appear elsewhere on the pages)."""
    out = []
    for tr in table._tbl.findall(f"{_W}tr"):
        for tc in tr.findall(f"{_W}tc"):
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                continue
            out.append(" ".join(_text(p) for p in tc.findall(f"{_W}p")))
    return out


@pytest.mark.parametrize("name", BUNDLES)
def test_word_tables_break_no_word_across_lines(bundles, pdfs, name):
    """Every word of every table cell appears whole in the rendered PDF (a word split over two lines does not),
    except a string longer than any word (a 64-character fingerprint): Word breaks it in its cell, so that it does not
    squeeze the column beside it to a word a line (the About this report table, audit11); it stays whole in the
    document, to be copied."""
    from impact.report._docx import _BREAKABLE

    document = docx.Document(bundles[name] / "report.docx")
    wanted = collections.Counter()
    for table in document.tables:
        for text in _own_cell_texts(table):
            wanted.update(t for t in _tokens(text) if len(t) <= _BREAKABLE)
    rendered = collections.Counter(t for page in _words(pdfs[name]["docx"]) for w, _, _ in page for t in _tokens(w))
    broken = {w: (n, rendered[w]) for w, n in wanted.items() if rendered[w] < n}
    assert sum(wanted.values()) > 100
    assert not broken, f"words broken or lost in table cells (in the document, in the PDF): {broken}"


@pytest.mark.parametrize("name", BUNDLES)
def test_word_table_headers_repeat_on_every_page(bundles, pdfs, name):
    """A table that runs over several pages shows its header row at the top of each of them."""
    document = docx.Document(bundles[name] / "report.docx")
    pages = _words(pdfs[name]["docx"])
    start = 0
    spanning = 0
    for table in document.tables:
        # the heading rows (two where a part of the headings shared by adjacent columns is said once above them,
        # round 44), each cell's own text (python-docx repeats a cell merged down in the row below)
        heads = sum(1 for r in table.rows if r._tr.find(f"{_W}trPr/{_W}tblHeader") is not None) or 1
        rows = [[_text(tc) for tc in r._tr.findall(f"{_W}tc")] for r in table.rows]
        if len(rows) < heads + 1:
            continue
        header = [t for row in rows[:heads] for cell in row for t in _tokens(cell)]
        first, last = [t for c in rows[heads] for t in _tokens(c)], [t for c in rows[-1] for t in _tokens(c)]

        def holds(page, need):
            have = collections.Counter(t for w, _, _ in page for t in _tokens(w))
            return all(have[t] >= n for t, n in collections.Counter(need).items())

        begin = next(i for i in range(start, len(pages)) if holds(pages[i], header + first))
        end = next(i for i in range(begin, len(pages)) if holds(pages[i], last))
        for i in range(begin + 1, end + 1):
            spanning += 1
            assert holds(pages[i], header), f"table {rows[0]} continues on page {i + 1} without its header row"
            top = min(y for _, _, y in pages[i])
            first_header = [(w, y) for w, _, y in pages[i] if _tokens(w) and _tokens(w)[0] == header[0]]
            assert any(y < top + 80 for _, y in first_header), f"header of {rows[0]} not at the top of page {i + 1}"
        start = end
    if name == "example":
        assert spanning > 0  # the example has tables longer than a page: the check ran


@pytest.mark.parametrize("name", BUNDLES)
def test_word_table_notes_are_on_the_page_of_their_tables_last_row(bundles, pdfs, name):
    """The note under a table is printed on the page of the table's last row of figures: Table 10's note stood alone
    at the top of page 13 of the example's report (LibreOffice kept the last rows' keep-with-next within the table
    but not from its last row to the paragraph after it).  The note is the table's last row where that row is one
    cell across the table, else the paragraph after the table."""
    body = docx.Document(bundles[name] / "report.docx").element.body
    words = _words(pdfs[name]["docx"])
    pages = [" ".join(w for w, _, _ in page) for page in words]
    tokens = [collections.Counter(t for w, _, _ in page for t in _tokens(w)) for page in words]
    checked = 0
    for tbl in body.iter(f"{_W}tbl"):
        rows = tbl.findall(f"{_W}tr")
        cells = rows[-1].findall(f"{_W}tc")
        if len(cells) == 1 and len(rows) > 2:
            note, last = _text(rows[-1]), rows[-2]
        else:
            after = tbl.getnext()
            note, last = (_text(after) if after is not None else ""), rows[-1]
        note = " ".join(note.split()[:8])
        label = collections.Counter(_tokens(_text(last.find(f"{_W}tc"))))  # its first cell, wrapped as may be
        if not note or not label:
            continue
        on = [i for i, page in enumerate(pages) if note in page]
        assert on, f"note {note!r} not found in the PDF"
        checked += 1
        assert any(all(tokens[i][t] >= n for t, n in label.items()) for i in on), (
            f"the note {note!r} is on page(s) {[i + 1 for i in on]}, without its table's last row ({label!r})")
    assert checked > 5


def _docx_text(path: Path) -> str:
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    props = document.core_properties
    parts += [props.title or "", props.subject or "", props.author or ""]
    return "\n".join(parts)


def _xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    parts = list(wb.sheetnames)
    for ws in wb.worksheets:
        parts += [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        parts += [ws.oddHeader.center.text or "", ws.oddFooter.center.text or ""]
    return "\n".join(parts)


@pytest.mark.parametrize("name", BUNDLES)
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_no_machine_identifier_in_word_or_workbook(bundles, name, kind):
    folder = bundles[name]
    text = _docx_text(folder / "report.docx") if kind == "docx" else _xlsx_text(folder / "tables.xlsx")
    found = collections.Counter(machine_names(text))
    assert not found, f"{kind}: machine names a reader would see: {found.most_common(20)}"


# --------------------------------------------------------------------------- workbook
def _printed_parts(ws) -> list[list[int]]:
    """The columns (numbered from 1) each page across of ``ws`` prints: all of them where it is fitted to one page
    wide; where it prints in parts (page breaks between columns), its print-title columns then a part's columns."""
    from openpyxl.utils import column_index_from_string

    titles = list(range(1, column_index_from_string(ws.print_title_cols.split(":")[-1].strip("$")) + 1)) \
        if ws.print_title_cols else []
    edges = [len(titles), *sorted(b.id for b in ws.col_breaks.brk), ws.max_column]
    return [titles + list(range(a + 1, b + 1)) for a, b in zip(edges, edges[1:], strict=False)]


def _heading_tokens(ws, columns: list[int]) -> list[str]:
    """The words of the headings of ``columns`` of ``ws``: the heading row's cells, and, where the sheet has two
    heading rows, the shared part said once above each column (merged across its columns: its text in the first)."""
    two = sheet_headings(ws)[1] - 1 == 2
    firsts = {r.min_col for r in ws.merged_cells.ranges if r.min_row == 1 and r.max_col > r.min_col
              and any(r.min_col <= j <= r.max_col for j in columns)}
    cells = [ws.cell(1, j) for j in sorted(set(columns) | firsts)] + ([ws.cell(2, j) for j in columns] if two else [])
    return [t for c in cells if c.value for t in _tokens(str(c.value))]


@pytest.mark.parametrize("name", BUNDLES)
def test_workbook_prints_on_a4_with_its_headings_on_every_page(bundles, pdfs, name):
    """Every page of the workbook on A4, its heading rows repeated, and each page showing the headings of the columns
    printed on it. A sheet is fitted to one page wide or, where that would print it below 75% (round 49: the change by
    intervention status, 23 columns, printed at 55-59%), printed in parts across pages at a fixed scale of 75% or
    more, its row-identifying columns repeated at the left of each part (print titles): a page then shows those
    columns' headings and its part's, and a sheet's pages are its parts times its pages down (LibreOffice prints
    down, then across)."""
    sizes = _pages(pdfs[name]["xlsx"])
    assert sizes and all(_is_a4(s) for s in sizes), sorted(set(sizes))
    assert len(sizes) <= 45, len(sizes)  # 54 pages, columns split across pages, before issue 15
    wb = openpyxl.load_workbook(bundles[name] / "tables.xlsx")
    parts = {}
    for ws in wb.worksheets[1:]:
        # (round 44: a second heading row where adjacent headings share a part, said once in a merged row above)
        assert ws.print_title_rows == f"$1:${(sheet_headings(ws)[1] - 1)}" and int(ws.page_setup.paperSize) == 9
        parts[ws.title] = _printed_parts(ws)
        if len(parts[ws.title]) == 1:
            assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, ws.title
        else:
            assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale >= 75, ws.title
            assert ws.print_title_cols and ws.page_setup.orientation == "landscape", ws.title
    pages = collections.defaultdict(list)
    for i, page in enumerate(_words(pdfs[name]["xlsx"]), start=1):
        words = [w for w, _, _ in page]
        sheet = next((f"Table {n}" for n in range(1, len(parts) + 1)
                      if " ".join(words[:3]).startswith(f"Table {n}.")), None)
        if sheet is not None:  # else a page of the Notes sheet
            pages[sheet].append((i, collections.Counter(t for w in words for t in _tokens(w))))
    assert sorted(pages) == sorted(parts), sorted(pages)
    for sheet, printed in pages.items():
        ws, across = wb[sheet], len(parts[sheet])
        assert len(printed) % across == 0, (sheet, len(printed), across)
        down = len(printed) // across
        for k, (i, have) in enumerate(printed):
            part = parts[sheet][k % across if ws.page_setup.pageOrder == "overThenDown" else k // down]
            missing = [t for t, n in collections.Counter(_heading_tokens(ws, part)).items() if have[t] < n]
            assert not missing, f"page {i} of the workbook ({sheet}) lacks its column headings {missing}"


def _print_scales(pdf: Path) -> list[float]:
    """The scale each page of a workbook's PDF is printed at: the width of its words (4 letters or more, under the
    page header) over their width in Liberation Sans 10 pt (Arial's metrics), measured with Pillow; the median of
    the page (bold headings and kerning move single words, not the median)."""
    from PIL import ImageFont

    found = subprocess.run(["fc-match", "-f", "%{file}", "Liberation Sans:style=Regular"], capture_output=True,
                           text=True, check=False).stdout.strip() if shutil.which("fc-match") else ""
    if "LiberationSans-Regular" not in found:
        pytest.skip("Liberation Sans not installed - the printed scale is not measured")
    font = ImageFont.truetype(found, 1000)
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    scales = []
    for page in out.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        ratios = sorted((float(x1) - float(x0)) / (font.getlength(word) / 100)
                        for x0, y0, x1, word in re.findall(
                            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', page)
                        if 60 < float(y0) < height - 40 and len(html.unescape(word)) >= 4
                        for word in [html.unescape(word)])
        if ratios:
            scales.append(ratios[len(ratios) // 2])
    return scales


@pytest.mark.parametrize("name", BUNDLES)
def test_workbook_pages_print_at_a_readable_scale(pdfs, name):
    """Every printed page of the workbook at no less than 55% (10 pt text at 5.5 pt, on a sheet of 14 columns whose
    headings' words set their widths), and half of them at 75% or more: fitted to one page wide, sheets of long text
    printed at 38-60% (median 61% in the ten-council workbook), every column 1.26 times as wide as planned where the
    default font was Calibri (LibreOffice without Calibri or Carlito measured widths in DejaVu Sans)."""
    scales = _print_scales(pdfs[name]["xlsx"])
    assert scales and min(scales) >= 0.55, [round(x, 2) for x in scales]
    assert sorted(scales)[len(scales) // 2] >= 0.75, [round(x, 2) for x in scales]


def test_workbook_keeps_numbers_as_numbers_and_flags_suppressed_cells(bundles):
    wb = openpyxl.load_workbook(bundles["example"] / "tables.xlsx")
    numeric_text = []
    flagged = 0
    for ws in wb.worksheets[1:]:
        heads, body = sheet_headings(ws)
        for j, head in enumerate(heads, start=1):
            values = [ws.cell(row=r, column=j).value for r in range(body, ws.max_row + 1)]
            numbers = [v for v in values if isinstance(v, (int, float))]
            if numbers:
                numeric_text += [(ws.title, head, v) for v in values if isinstance(v, str)]
        if heads[-1] == "Suppressed or not available":
            flags = [ws.cell(row=r, column=len(heads)).value for r in range(body, ws.max_row + 1)]
            flagged += sum(1 for f in flags if f)
            for r, flag in enumerate(flags, start=body):
                empty = [heads[j - 1] for j in range(1, len(heads)) if ws.cell(row=r, column=j).value is None
                         and ws.cell(row=r, column=j).fill.fgColor.rgb.endswith("D9D9D9")]
                # each empty cell named by its heading, or by its interval (an end's ", lower"/", upper" off), or by
                # its part after a "X: " said once (round 41: the reason once, after the columns empty for it)
                named = [h for h in empty if flag and any(
                    form in flag for form in (h, re.sub(r", (?:lower|upper)\b", "", h), h.split(": ", 1)[-1]))]
                if flag and flag.startswith(f"{ALL_FIGURES} ("):  # every figure of the row empty (round 40)
                    assert not any(isinstance(ws.cell(row=r, column=j).value, (int, float))
                                   for j in range(1, len(heads))), (ws.title, r, flag)
                    named = empty
                elif flag and flag.startswith(f"{ALL_FIGURES} but "):  # every figure but those named (round 41)
                    shown = flag[len(ALL_FIGURES) + 5:].rsplit(" (", 1)[0].split("; ")
                    # a heading's part before ": " shared by those shown said once, as of the empty (round 43), and
                    # named as the reader finds it, "Participants › incomplete" (round 46)
                    lead = shown[0].split(" \u203a ", 1)[0] + ": " if " \u203a " in shown[0] else ""
                    shown = [shown[0].replace(" \u203a ", ": ", 1)] + [h if h in heads else lead + h
                                                                      for h in shown[1:]]
                    assert all(h in heads for h in shown) and not set(shown) & set(empty), (ws.title, r, flag)
                    named = empty
                assert named == empty, (ws.title, r, flag, empty)
    assert not numeric_text, numeric_text[:10]
    assert flagged > 0  # the example has suppressed counts


# --------------------------------------------------------------------------- web page
_PROBE = """<script>window.addEventListener('load', function () {
var out = {viewport: window.innerWidth, page: document.documentElement.scrollWidth, tables: []};
document.querySelectorAll('.table-wrap').forEach(function (w) {
  out.tables.push({id: w.id, wrap: w.clientWidth, table: w.querySelector('table').scrollWidth}); });
var alts = Array.from(document.images).map(function (i) { return i.alt; });
out.text = document.body.innerText + '\\n' + alts.join('\\n') + '\\n' + document.title;
parent.postMessage(JSON.stringify(out), '*'); });</script>"""
_FRAMES = """<!DOCTYPE html><html><body style="margin:0"><pre id="probe">[]</pre>
{frames}
<script>var seen = []; window.addEventListener('message', function (e) {{
  seen.push(JSON.parse(e.data)); document.getElementById('probe').textContent = JSON.stringify(seen); }});
</script></body></html>"""
WIDTHS = (1280, 375)


def _browse(chromium: str, page: Path, work: Path) -> dict[int, dict]:
    """Open ``page`` in iframes of each of WIDTHS CSS px (a headless window is at least 500 px) and measure it."""
    text = page.read_text(encoding="utf-8")
    text = text.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", 1)
    (work / "probe.html").write_text(text.replace("</body>", _PROBE + "</body>", 1), encoding="utf-8")
    frames = "".join(f'<iframe src="probe.html" width="{w}" height="900" style="border:0"></iframe>' for w in WIDTHS)
    frame = work / "frames.html"
    frame.write_text(_FRAMES.format(frames=frames), encoding="utf-8")
    result = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}", "--window-size=1800,1000",
                             "--allow-file-access-from-files", "--virtual-time-budget=30000", "--dump-dom", frame.as_uri()],
                            capture_output=True, text=True, timeout=300, check=False)
    found = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.S)
    seen = json.loads(html.unescape(found.group(1))) if found else []
    assert len(seen) == len(WIDTHS), f"the probe did not run in every frame; stderr: {result.stderr[-2000:]}"
    return {m["viewport"]: m for m in seen}


@pytest.fixture(scope="module")
def browsed(bundles, chromium, tmp_path_factory) -> dict[str, dict[int, dict]]:
    from conftest import once_per_worker

    return once_per_worker("rendering-browsed", lambda: {
        name: _browse(chromium, folder / "report.html", tmp_path_factory.mktemp(f"browse-{name}"))
        for name, folder in bundles.items()})


@pytest.mark.parametrize("name", BUNDLES)
@pytest.mark.parametrize("width", WIDTHS)
def test_html_tables_fit_their_column(browsed, name, width):
    seen = browsed[name][width]
    wide = [t for t in seen["tables"] if t["table"] > t["wrap"] + 1]
    assert seen["tables"] and not wide, f"tables wider than their column at {width} px: {wide}"
    assert seen["page"] <= width, f"the page scrolls sideways at {width} px ({seen['page']} px wide)"


@pytest.mark.parametrize("name", BUNDLES)
def test_no_machine_identifier_in_the_web_page(browsed, name):
    found = collections.Counter(machine_names(browsed[name][1280]["text"]))
    assert not found, f"machine names a reader would see in the web page: {found.most_common(20)}"


@pytest.mark.parametrize("name", BUNDLES)
def test_html_prints_on_a4(bundles, chromium, tmp_path, name):
    pdf = tmp_path / "printed.pdf"
    subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", (bundles[name] / "report.html").as_uri()],
                   capture_output=True, timeout=180, check=False)
    _tool("pdfinfo")
    sizes = _pages(pdf)
    assert sizes and all(_is_a4(s) for s in sizes), sorted(set(sizes))
    assert len(sizes) <= 45, len(sizes)
    # A column heading is not broken at its hyphen: the printed page read "p-" over "value". Body text may break
    # at a hyphen, so a fragment may be seen at most as often as its word occurs outside the column headings.
    page = (bundles[name] / "report.html").read_text(encoding="utf-8")
    headings = [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', page)]
    heads = {w.split("-")[0] + "-" for h in headings for w in h.lower().split() if re.search(r"\w-\w", w)}
    assert heads, "no hyphenated column heading: the check below checks nothing"
    body = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r'<th scope="col"[^>]*>.*?</th>', " ", page))).lower()
    seen = collections.Counter(w.lower() for p in _words(pdf) for w, _, _ in p if w.lower() in heads)
    broken = {f: (n, body.count(f)) for f, n in seen.items() if n > len(re.findall(rf"\b{re.escape(f)}\w", body))}
    assert not broken, f"column headings broken at a hyphen (seen, in body text): {broken}"


def test_word_page_size_follows_a_template(soffice, tmp_path):
    """A house-style template on US Letter gives Letter pages, wide tables turned on the same paper."""
    import pandas as pd
    from docx.shared import Mm

    from impact.report import Paragraph, Report, Section, Table, render_docx

    template = tmp_path / "letter.docx"
    doc = docx.Document()
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(215.9), Mm(279.4)
    doc.save(template)
    wide = pd.DataFrame({f"measure_{k}": [1234.5678 * k, 2.5] for k in range(11)}).assign(council=["Barnet", "Torbay"])
    report = Report("Letter", "", {}, [Section("S", [Paragraph("Text."), Table("wide", wide, "Wide", key_columns=0)])])
    (tmp_path / "letter-report.docx").write_bytes(render_docx(report, template=template))
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "letter-report.docx")],
                   capture_output=True, timeout=300, check=False)
    sizes = _pages(tmp_path / "letter-report.pdf")
    assert sizes and {tuple(sorted(s)) for s in sizes} == {(612.0, 792.0)}, sizes
