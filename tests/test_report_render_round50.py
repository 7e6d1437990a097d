"""What the reader sees, round 50 (render50): a short table between two landscape runs of the Word report, a table
heading ending on one short word, and the first page of the printed web page.

Each fault was seen on a generated 150-council study (synth seed 4950): its Table 9 alone on a portrait page
three-quarters empty between two landscape pages; "Share / reporting / it", "it" alone on a third line; page 1 of the
printed web page holding only the title, subtitle and date.  The tests build the smallest report that shows each.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pandas as pd
import pytest

from impact._textwidth import arial_width, text_width, wrapped_lines
from impact.report import Paragraph, Report, Section, Table, _layout, render_docx, render_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _wide(name: str, rows: int = 6) -> Table:
    """A table of eleven columns of labelled counts: too wide for a portrait page at 9 pt, so landscape."""
    frame = pd.DataFrame({"impact": [f"Impact number {i} with a long descriptive label" for i in range(rows)],
                          **{f"c{k}": [100 + i + k for i in range(rows)] for k in range(10)}})
    labels = {"impact": "Impact", **{f"c{k}": f"Participants credited to factor number {k}" for k in range(10)}}
    return Table(name, frame, f"Wide table {name}", columns_format={f"c{k}": "int" for k in range(10)},
                 labels=labels)


def _narrow(name: str, rows: int) -> Table:
    """A table of three columns: portrait, whatever its length."""
    frame = pd.DataFrame({"impact": [f"Impact {i}" for i in range(rows)], "n": list(range(rows)),
                          "share": [i / 100 for i in range(rows)]})
    return Table(name, frame, f"Narrow table {name}", columns_format={"n": "int", "share": "pct"},
                 labels={"impact": "Impact", "n": "Participants", "share": "Share"})


def _orientations(data: bytes) -> dict[str, str]:
    """Each table's caption text (its first words) -> the orientation of the Word section it is in, read from the
    document XML: a section's properties are in the sectPr that ends it (a paragraph's, or the body's last)."""
    from lxml import etree

    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(f"{W}body")
    out, pending = {}, []
    for child in body:
        if child.tag == f"{W}p":
            text = "".join(t.text or "" for t in child.iter(f"{W}t"))
            if text.startswith("Table "):
                pending.append(text)
        sect = child if child.tag == f"{W}sectPr" else child.find(f"{W}pPr/{W}sectPr")
        if sect is not None:
            size = sect.find(f"{W}pgSz")
            landscape = int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
            out.update({p: "landscape" if landscape else "portrait" for p in pending})
            pending = []
    return out


def _sections(data: bytes) -> int:
    return len(re.findall(rb"<w:sectPr", zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")))


def _orientation_of(data: bytes, caption: str) -> str:
    return next(o for text, o in _orientations(data).items() if caption in text)


def test_a_short_table_between_two_landscape_runs_joins_them():
    # The 150-council study's Table 9: a short narrow table after a landscape table, the next section's first table
    # landscape too.  On main it took a portrait section of its own (a page three-quarters empty between two turns).
    report = Report("Study", "", {"study": "demo"}, [
        Section("Trajectories", [Paragraph("Opening text."), _wide("first"), _narrow("short", 6)]),
        Section("Credits", [Paragraph("Opening text."), _wide("second")]),
    ])
    data = render_docx(report)
    assert _orientation_of(data, "Wide table first") == "landscape"
    assert _orientation_of(data, "Narrow table short") == "landscape"
    # one landscape run: the short table adds no section (no turn of the page) to the two wide tables' report
    alone = render_docx(Report("Study", "", {"study": "demo"}, [
        Section("Trajectories", [Paragraph("Opening text."), _wide("first")]),
        Section("Credits", [Paragraph("Opening text."), _wide("second")])]))
    assert _sections(data) == _sections(alone)
    # but a table that must stay portrait does: 60 rows, whole on a portrait page, over two turned
    long = Report("Study", "", {"study": "demo"}, [
        Section("Trajectories", [Paragraph("Opening text."), _wide("first"), _narrow("long", 60)]),
        Section("Credits", [Paragraph("Opening text."), _wide("second")]),
    ])
    assert _orientation_of(render_docx(long), "Narrow table long") == "portrait"


def test_a_short_table_before_a_portrait_page_stays_portrait_unless_it_fits_the_landscape_page():
    # After the short table comes a portrait section: turned, it would hold a landscape page of its own where the
    # table fits no more on the wide table's page (12 rows of the wide table leave no room for 30 more)
    long_wide = Report("Study", "", {"study": "demo"}, [
        Section("Trajectories", [Paragraph("Opening text."), _wide("first", rows=24), _narrow("short", 30)]),
        Section("Words", [Paragraph("Only text.")]),
    ])
    assert _orientation_of(render_docx(long_wide), "Narrow table short") == "portrait"
    # where it fits in the room the wide table leaves, it goes there, before the turn of the page
    short_wide = Report("Study", "", {"study": "demo"}, [
        Section("Trajectories", [Paragraph("Opening text."), _wide("first", rows=4), _narrow("short", 4)]),
        Section("Words", [Paragraph("Only text.")]),
    ])
    assert _orientation_of(render_docx(short_wide), "Narrow table short") == "landscape"


def _lone(text: str, inner: float, size: float, measure=text_width) -> bool:
    """Independently of the layout's helper: ``text`` wrapped greedily into ``inner`` ends on a line of one word a
    third of the column wide or less (each line built word by word, as Word wraps), measured by ``measure``."""
    space = measure(" ", size, bold=True)
    lines: list[list[str]] = [[]]
    used = 0.0
    for word in text.split():
        w = measure(word, size, bold=True)
        if lines[-1] and used + space + w > inner:
            lines.append([word])
            used = w
        else:
            lines[-1].append(word)
            used += (space if used else 0.0) + w
    return len(lines) > 1 and len(lines[-1]) == 1 and measure(lines[-1][0], size, bold=True) <= inner / 3


@pytest.mark.parametrize("available", [240.0, 280.0, 300.0])  # the impact over two lines, then one
def test_a_heading_does_not_end_on_one_short_word_where_a_column_can_give_room(available, monkeypatch):
    headers = ["Impact", "Share reporting it"]
    rows = [["Promotion of learning and reflective practice", "34%"], ["Morale", "5%"]]
    plan = _layout.fit_columns(headers, rows, available, size=9, padding=12, nowrap=[False, True])
    monkeypatch.setattr(_layout, "_no_lone_word", lambda headers, columns, widths, *args: widths, raising=False)
    before = _layout.fit_columns(headers, rows, available, size=9, padding=12, nowrap=[False, True])
    # the fault planted: as main lays it out, "it" alone on the heading's third line
    assert _lone(headers[1], before.widths[1] - 12, 9), before.widths
    assert not _lone(headers[1], plan.widths[1] - 12, 9), plan.widths
    assert wrapped_lines(headers[1], plan.widths[1] - 12, 9, bold=True) == 2
    # the room came from a column whose cells wrap no more, and the table is as wide as before
    assert sum(plan.widths) == pytest.approx(sum(before.widths))
    for row in [headers, *rows]:
        for j, cell in enumerate(row):
            bold = row is headers
            if j == 0:
                assert wrapped_lines(cell, plan.widths[0] - 12, 9, bold=bold) == wrapped_lines(
                    cell, before.widths[0] - 12, 9, bold=bold)


def test_a_heading_breaks_balanced_in_a_narrower_column(monkeypatch):
    # A table filling a wide page: main stretched the share column until its heading broke "Share reporting / it";
    # balanced as "Share / reporting it", on as many lines, the column a little narrower, its room given to the other
    headers, rows = ["Impact", "Share reporting it"], [["Increased commitment to improve", "5%"]]
    plan = _layout.fit_columns(headers, rows, 345, size=9, padding=12, nowrap=[False, True])
    monkeypatch.setattr(_layout, "_no_lone_word", lambda headers, columns, widths, *args: widths, raising=False)
    before = _layout.fit_columns(headers, rows, 345, size=9, padding=12, nowrap=[False, True])
    assert _lone(headers[1], before.widths[1] - 12, 9), before.widths
    assert not _lone(headers[1], plan.widths[1] - 12, 9), plan.widths
    assert plan.widths[1] < before.widths[1] and plan.widths[0] > before.widths[0]
    assert wrapped_lines(headers[1], plan.widths[1] - 12, 9, bold=True) == wrapped_lines(
        headers[1], before.widths[1] - 12, 9, bold=True) == 2
    assert sum(plan.widths) == pytest.approx(sum(before.widths))


def test_word_table_heading_widths_in_the_document(tmp_path):
    """Measured from the document XML: the widths Word is given for a table whose heading ended on "it" alone."""
    frame = pd.DataFrame({"impact": ["Promotion of learning and reflective practice", "Morale"],
                          "wave": ["Early impact (about 3 months after)", "Longer-term change"],
                          "n": [414, 380], "k": [141, 12], "share": [0.34, 0.05]})
    table = Table("prevalence", frame, "Impacts reported", columns_format={"n": "int", "k": "int", "share": "pct"},
                  labels={"impact": "Impact", "wave": "Wave", "n": "Participants interviewed",
                          "k": "Participants reporting it", "share": "Share reporting it"})
    data = render_docx(Report("Study", "", {"study": "demo"}, [Section("Impacts", [Paragraph("Text."), table])]))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    grid = xml[xml.index("<w:tblGrid>", xml.index("Impacts reported")):]
    widths = [int(w) / 20 for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', grid[:grid.index("</w:tblGrid>")])]
    size = int(re.search(r'<w:sz w:val="(\d+)"/>', grid).group(1)) / 2
    # Word's cell margins, 5.4 pt a side: the text's room in each column, measured by Arial's widths as it prints
    # (render51: the layout measures so; by the never-underestimated estimate it measured before, the headings that
    # print on two lines are not these)
    inner = [w - 10.8 for w in widths]
    lone = [h for h, room in zip(["Impact", "Wave", "Participants interviewed", "Participants reporting it",
                                  "Share reporting it"], inner, strict=True) if _lone(h, room, size, arial_width)]
    assert lone == []


def _chromium_pdf(html: str, tmp_path) -> str:
    from conftest import browser_path

    browser = browser_path()
    if browser is None:
        pytest.skip("no Chromium or Chrome on PATH (apt-get install chromium) - the printed web page is not checked")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    page.as_uri()], capture_output=True, timeout=300, check=False)
    assert pdf.is_file(), "Chromium made no PDF"
    return subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_printed_web_page_starts_the_summary_on_page_one(tmp_path):
    report = Report("A study of reviews", "Findings across the waves", {"study": "demo"}, [
        Section("Summary", [Paragraph("The summary's first paragraph says what was found.")]),
        Section("The sample", [Paragraph("Who took part.")]),
    ])
    first = _chromium_pdf(render_html(report), tmp_path)
    assert "A study of reviews" in first
    assert "Summary" in first and "first paragraph says what was found" in first, first
    # every later section still starts a page of its own
    assert "Who took part" not in first
