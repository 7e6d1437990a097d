"""What the reader sees, round 51 (render51): the Word tables' measure, against what LibreOffice prints.

A 150-council study (synth seed 4950) printed Table 7's heading "Share reporting it" with "it" alone on a third line:
the layout allowed 12 pt of cell margins where the document's are 10.8 pt, and measured text by an estimate up to a
tenth wider than Arial, so it saw other lines than LibreOffice set.  These tests print generated tables with
LibreOffice and read each cell's words from the PDF (pdftotext -bbox): every word inside its cell's text area (the
column less the margins the document gives it), and every cell on as many lines as the layout reckoned.
"""

from __future__ import annotations

import io
import random
import re
import subprocess
import zipfile
from xml.etree import ElementTree

import pandas as pd
import pytest
from conftest import libreoffice_pdf

from impact._textwidth import arial_width
from impact.report import Paragraph, Report, Section, Table, _docx, render_docx
from impact.report._layout import wrapped_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_VOCABULARY = ("share reporting it participants interviewed councils entering intervention never randomisation p "
               "adjusted mean difference in of the a by to at any wave impact expectations before review change "
               "months after early longer-term credited another programme average effect rank-biserial correlation "
               "W safeguarding leadership").split()


def _generated(rng: random.Random, k: int) -> Table:
    """A table of 3 to 8 columns: an impact, then counts, shares and short text under headings of 1 to 4 words."""
    def words(lo: int, hi: int) -> str:
        return " ".join(rng.choice(_VOCABULARY) for _ in range(rng.randint(lo, hi)))

    ncol, nrow = rng.randint(3, 8), rng.randint(2, 6)
    data: dict[str, list] = {"c0": [words(2, 8).capitalize() for _ in range(nrow)]}
    formats = {}
    for j in range(1, ncol):
        kind = rng.choice(["int", "pct", "text"])
        if kind == "int":
            data[f"c{j}"] = [rng.randint(0, 10 ** rng.randint(1, 4)) for _ in range(nrow)]
            formats[f"c{j}"] = "int"
        elif kind == "pct":
            data[f"c{j}"] = [rng.random() for _ in range(nrow)]
            formats[f"c{j}"] = "pct"
        else:
            data[f"c{j}"] = [words(1, 4) for _ in range(nrow)]
    labels = {"c0": "Impact", **{f"c{j}": words(1, 4).capitalize() for j in range(1, ncol)}}
    return Table(f"g{k}", pd.DataFrame(data), f"Generated table {k}", columns_format=formats, labels=labels)


def _prevalence() -> Table:
    """As Table 7 of the 150-council study: landscape at 9 pt, "Share reporting it" in a column of shares."""
    impacts = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions",
               "Promotion of learning and reflective practice", "Revision of policies, processes and systems",
               "Improvement in staff morale and relations", "Affirmation and enhancement of partnership working"]
    waves = ["Expectations before the review", "Early impact (about 3 months after)",
             "Longer-term change (about 12 months after)"]
    rows = [(i, w, s, 472 - 7 * n, 16 + 9 * n, (16 + 9 * n) / (472 - 7 * n), f"{20 + n}% to {30 + n}%")
            for n, (i, w, s) in enumerate((i, w, s) for i in impacts for w in waves
                                          for s in ["Not in intervention", "In intervention"])]
    frame = pd.DataFrame(rows, columns=["impact", "wave", "status", "n", "k", "share", "ci"])
    return Table("prevalence", frame, "Impacts reported, by wave and intervention status",
                 columns_format={"n": "int", "k": "int", "share": "pct"},
                 labels={"impact": "Impact", "wave": "Wave", "status": "Intervention status",
                         "n": "Participants interviewed", "k": "Participants reporting it",
                         "share": "Share reporting it", "ci": "95% CI"})


def _pdf_words(pdf) -> list[tuple[str, float, float, float, float]]:
    """(text, page width, xMin, xMax, yMin) of each word, in the order LibreOffice wrote them (-raw)."""
    out = subprocess.run(["pdftotext", "-raw", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    return [(w.text or "", float(page.get("width")), float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMin")))
            for page in ElementTree.fromstring(out).iter("page") for w in page.iter("word")]


def _cells(data: bytes):
    """Each table row's cells from the document XML: (header?, text, type size, left edge and width of the cell
    from the table's left edge, the table's width, the cell's left margin; points), one column each."""
    from lxml import etree

    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    for tbl in body.iter(f"{W}tbl"):
        grid = [int(g.get(f"{W}w")) / 20 for g in tbl.find(f"{W}tblGrid")]
        margin = tbl.find(f"{W}tblPr/{W}tblCellMar/{W}left")
        # (without the table's own, the default table style's: 108 twips in the document python-docx starts from)
        margin = int(margin.get(f"{W}w")) / 20 if margin is not None else 5.4
        for tr in tbl.findall(f"{W}tr"):
            row, left = [], 0.0
            for tc in tr.findall(f"{W}tc"):
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                n = int(span.get(f"{W}val")) if span is not None else 1
                text = "".join((x.text or "") if x.tag == f"{W}t" else "-"
                               for x in tc.iter(f"{W}t", f"{W}noBreakHyphen"))
                size = int(tc.find(f".//{W}sz").get(f"{W}val")) / 2 if tc.find(f".//{W}sz") is not None else 9.0
                width = sum(grid[len(row):len(row) + n]) if n == 1 else None
                row.append((tr.find(f"{W}trPr/{W}tblHeader") is not None, text, size, left, width, sum(grid), margin))
                left += sum(grid[len(row) - 1:len(row) - 1 + n])
            yield row


def _located(data: bytes, pdf):
    """(cell, its words' boxes) for each one-column cell whose row's words were found in the PDF, in order."""
    words, pos = _pdf_words(pdf), 0
    for row in _cells(data):
        want = [x for cell in row for x in cell[1].split()]
        at = next((i for i in range(pos, min(pos + 5000, len(words) - len(want) + 1))
                   if want and all(words[i + k][0] == x for k, x in enumerate(want))), None)
        if at is None:
            continue
        pos = at + len(want)
        for cell in row:
            found = words[at:at + len(cell[1].split())]
            at += len(found)
            if found and cell[4] is not None:
                yield cell, found


def _lines(found) -> list[list]:
    lines: list[list] = []
    for w in found:
        if lines and abs(w[4] - lines[-1][0][4]) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """A report of the prevalence table and 24 generated ones (3 seeds), its document and LibreOffice's PDF."""
    rngs = {seed: random.Random(seed) for seed in (5101, 5102, 5103)}
    tables = [_prevalence()] + [_generated(rng, 8 * n + k) for n, rng in enumerate(rngs.values()) for k in range(8)]
    data = render_docx(Report("Study", "", {"study": "demo"}, [Section("Tables", [Paragraph("Text."), *tables])]))
    path = tmp_path_factory.mktemp("render51") / "report.docx"
    path.write_bytes(data)
    return data, libreoffice_pdf(path, "the printed tables' cells")


def test_every_word_prints_inside_its_cell(printed):
    data, pdf = printed
    located = list(_located(data, pdf))
    total = sum(1 for row in _cells(data) for cell in row if cell[1].split() and cell[4] is not None)
    assert len(located) >= 0.9 * total, (len(located), total)
    outside = []
    for (_, text, _, left, width, table, margin), found in located:
        lo = (found[0][1] - table) / 2 + left + margin  # a table centred on the page (the text block's margins even)
        hi = lo + width - 2 * margin
        outside += [(text, w[0], round(w[2] - lo, 2), round(w[3] - hi, 2)) for w in found
                    if w[2] < lo - 0.5 or w[3] > hi + 0.5]
    assert outside == []


def test_the_layout_sees_the_lines_libreoffice_prints(printed):
    # On main the layout reckoned a cell's lines by an estimate up to a tenth wider than Arial, in 12 pt of margins:
    # 198 of 1,972 cells of the 150-council report (48 headings) on other lines than LibreOffice printed them.
    # Each cell's lines are bounded independently, by Arial's widths (Helvetica's metrics) in the cell's room as the
    # document gives it, give or take what LibreOffice's positions (0.1 pt a word), the twips the widths are written
    # in and the layout's air can move a line's end: the PDF's lines and the layout's reckoning both within them.
    data, pdf = printed
    measure = getattr(_docx, "_MEASURE", None)
    differ = []
    n = 0
    for (header, text, size, _, width, _, margin), found in _located(data, pdf):
        n += 1
        room = width - 2 * margin
        fewest, most = (wrapped_lines(text, room + d, size, bold=header, measure=arial_width) for d in (0.3, -0.6))
        reckoned = wrapped_lines(text, width - _docx._CELL_PADDING, size, bold=header, measure=measure)
        printed_lines = len(_lines(found))
        if not fewest <= printed_lines <= most or not fewest <= reckoned <= most or printed_lines > reckoned:
            differ.append((text, printed_lines, reckoned, (fewest, most)))
    assert n > 100 and differ == [], differ


def test_share_reporting_it_is_not_left_with_it_alone(printed):
    data, pdf = printed
    heading = next(found for cell, found in _located(data, pdf) if cell[0] and cell[1].replace("\xa0", " ") == "Share reporting it")
    lines = _lines(heading)
    printed_lines = [" ".join(w[0] for w in line) for line in lines]
    assert printed_lines[-1] != "it", printed_lines


def test_every_word_table_carries_the_margins_the_layout_allows():
    data = render_docx(Report("Study", "", {"study": "demo"}, [Section("Tables", [Paragraph("Text."), _prevalence()])]))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    tables = xml.count("<w:tbl>")
    margins = re.findall(r'<w:tblCellMar><w:left w:w="(\d+)" w:type="dxa"/><w:right w:w="(\d+)" w:type="dxa"/>', xml)
    assert tables >= 1 and len(margins) == tables
    # the layout's room for a cell's text is its column less these margins, and no more than a quarter point of air
    assert all(int(a) + int(b) == 216 for a, b in margins)
    assert 10.8 <= _docx._CELL_PADDING <= 10.8 + 0.25
    # and its measure is Arial's own: "Share reporting it" at 9 pt bold, Helvetica's widths 667 611 556 389 556 ...
    assert _docx._MEASURE("Share reporting it", 9, bold=True) == pytest.approx(arial_width("Share reporting it", 9,
                                                                                             bold=True))


def _filler(lines: int) -> Paragraph:
    """A paragraph of about ``lines`` lines of a portrait page's text."""
    return Paragraph(" ".join(["The reviews were followed up in interviews with the councils' staff."] * (lines * 3 // 2)))


def test_a_table_before_a_landscape_run_that_would_start_a_portrait_page_joins_it():
    # A short portrait table that does not fit the room the text before it leaves, then a landscape table: on main it
    # began a portrait page holding it alone, before the turn (render50 joined only a table after a landscape run)
    from test_report_render_round50 import _narrow, _orientation_of, _sections, _wide

    def report(lines: int, rows: int = 20) -> Report:
        return Report("Study", "", {"study": "demo"}, [
            Section("Findings", [Paragraph("Opening text."), _narrow("first", 4), _filler(lines), _narrow("short", rows),
                                 Paragraph("The credits."), _wide("next")]),
        ])

    lines = 30
    data = render_docx(report(lines))
    assert _orientation_of(data, "Narrow table short") == "landscape"
    assert _orientation_of(data, "Wide table next") == "landscape"
    # one turn of the page: the text's portrait section, then one landscape run (main: a portrait section more)
    assert _sections(data) == _sections(render_docx(Report("Study", "", {"study": "demo"}, [
        Section("Findings", [Paragraph("Opening text."), _narrow("first", 4), _filler(lines), Paragraph("The credits."),
                             _wide("next")])])))
    # where it fits the room the text leaves, it stays on that portrait page
    assert _orientation_of(render_docx(report(6)), "Narrow table short") == "portrait"
    # and a table longer than a landscape page stays portrait
    assert _orientation_of(render_docx(report(lines, rows=45)), "Narrow table short") == "portrait"
