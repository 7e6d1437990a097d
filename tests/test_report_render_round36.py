"""What readers see, round 36: fingerprints whole in "About this report", and no two-line orphans or widows.

- The Word and web reports' "About this report" broke each 64-character SHA-256 fingerprint over two lines (the value
  column of the Word table was about 300 pt for a fingerprint of 320 pt at 9 pt; the printed web page's 376 px for
  one of about 510 px): a reader copying it got it in two pieces.  A value with a word too wide for its column (at
  the font's metrics) is now on a row of its own under its item, across the table (Word: one cell spanning the
  table; the web page: across the list's two columns, on screen and printed alike), and the items keep their column;
  the workbook's Notes sheet holds it whole (beside its name, or under it across the page).
- Printed from Chromium, a paragraph left two of its lines at the head or foot of a page (its default orphans and
  widows are 2): body text now keeps three; and a table's last row stood alone with its note at the head of a page
  (the 5-council study's Table 6): its last three rows are kept together.
"""

from __future__ import annotations

import hashlib
import io
import re

import docx
import openpyxl
from docx.oxml.ns import qn
from test_report_render_round33 import _helvetica

from impact.report import Report, Section, Table, render_docx, render_html, render_xlsx

#: Word's default cell margins, 5.4 pt a side (the layout's own padding is not taken on trust).
_WORD_CELL_MARGINS = 10.8
#: The printed web page: A4 less 15 mm margins at 96 px an inch (210 - 30 mm = 680.3 px); the grid's gap is 1rem.
_PRINT_PX, _GAP_PX = 180 / 25.4 * 96, 16.0
_SCREEN_PX = 60 * 16 - 2 * 1.5 * 16  # body max-width 60rem less its padding


def _width(text: str, size: float) -> float:
    """Width of ``text`` in Arial at ``size`` (Helvetica's advance widths, read independently of the package)."""
    units = _helvetica(False)
    return sum(units[ch] for ch in text) * size / 1000


def _report() -> Report:
    # fingerprints of all-digit-heavy text are the widest hex can be: take several and keep the widest
    hashes = sorted((hashlib.sha256(str(k).encode()).hexdigest() for k in range(200)), key=lambda h: -_width(h, 10))
    provenance = {"study": "study-x", "study_fingerprint": hashes[0], "codebook_fingerprint": hashes[1],
                  "parameters": {"adjust": "holm", "seed": 7},
                  "statistical_warnings": ["Attrition: " + "some councils were left out of a test " * 6],
                  "study_layout": {"fingerprint": "sha256:" + hashes[2], "n_files": 12}}
    table = Table("counts", __import__("pandas").DataFrame({"role": ["a", "b"], "n": [5, 6]}), "Counts")
    return Report("Impact", "", provenance, [Section("Summary", [table])])


def _long_words(report: Report) -> list[str]:
    from impact.report._format import report_provenance

    words = [w for _, v in report_provenance(report.provenance) for w in v.split() if len(w) >= 64]
    assert len(words) == 3  # guard: the three fingerprints are in the report
    return words


def test_docx_and_workbook_set_a_fingerprint_whole():
    report = _report()
    words = _long_words(report)
    d = docx.Document(io.BytesIO(render_docx(report)))
    about = d.tables[-1]
    grid = [int(g.get(qn("w:w"))) / 20 for g in about._tbl.iter(qn("w:gridCol"))]
    size = int(next(about._tbl.iter(qn("w:sz"))).get(qn("w:val"))) / 2
    assert len(grid) == 2 and size >= 8
    for word in words:
        [tc] = [tc for tc in about._tbl.iter(qn("w:tc")) if word in "".join(t.text or "" for t in tc.iter(qn("w:t")))]
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        room = sum(grid) if span is not None and span.get(qn("w:val")) == "2" else grid[1]
        assert _width(word, size) <= room - _WORD_CELL_MARGINS, (word, grid, size)
        if room > grid[1]:  # on a row of its own: the row above holds its item, kept with it on the page
            above = tc.getparent().getprevious()
            assert "fingerprint" in "".join(t.text or "" for t in above.iter(qn("w:t"))).lower()
            assert above.find(f".//{qn('w:keepNext')}") is not None
    # the items' column still holds each item on one line (round 11): no value squeezed it
    items = [row.cells[0].text for row in about.rows[1:] if row.cells[0]._tc is not row.cells[1]._tc]
    assert all(_width(i, size) <= grid[0] - _WORD_CELL_MARGINS for i in items), (items, grid)
    # a short value stays beside its item
    assert any(row.cells[0].text.startswith("Parameters: adjustment") and row.cells[1].text == "Holm"
               for row in about.rows)
    # and the workbook's Notes sheet holds it whole too (beside its name, or under it across the page)
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Notes"]
    widths = {c: ws.column_dimensions[c].width for c in "ABCD"}
    for word in words:
        [cell] = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and word in c.value]
        merged = next((m for m in ws.merged_cells.ranges if cell.coordinate in m), None)
        columns = "ABCD"[merged.min_col - 1:merged.max_col] if merged else cell.column_letter
        # Excel: 7 px a unit and 5 px of padding, an indent step 12 px
        room = sum(widths[c] for c in columns) * 7 + 5 - 12 * (cell.alignment.indent or 0)
        assert sum(int(_helvetica(False)[ch] * 13 / 1000 + 0.5) for ch in word) <= room, (word, columns, widths)


def _css(page: str) -> tuple[str, str]:
    style = re.sub(r"/\*.*?\*/", "", page.split("<style>", 1)[1].split("</style>", 1)[0], flags=re.S)
    screen, printed = style.split("@media print", 1)
    return screen, printed


def test_html_sets_a_fingerprint_whole_on_screen_and_printed():
    report = _report()
    words = _long_words(report)
    page = render_html(report)
    screen, printed = _css(page)
    size = 0.9 * 16  # dl.provenance's .9rem, on screen and printed
    for css, width, media in ((screen, _SCREEN_PX, "screen"), (printed, _PRINT_PX, "print")):
        label = float(re.search(r"dl\.provenance \{[^}]*grid-template-columns: minmax\(0, ([\d.]+)rem\)", page)
                      .group(1)) * 16
        spans = {m.group(1) for m in re.finditer(r"dl\.provenance dd\.([\w-]+) \{ ?grid-column: 1 / -1", css)}
        for word in words:
            [dd] = re.findall(r"<dd([^>]*)>[^<]*" + word, page)
            classes = set(re.findall(r'class="([^"]*)"', dd)[0].split()) if "class" in dd else set()
            room = width if classes & spans else width - label - _GAP_PX
            assert _width(word, size) <= room, (media, word, dd, spans)
    # a short value stays beside its item
    assert re.search(r"<dd>Holm</dd>", page)


def test_html_printed_body_text_keeps_three_lines_at_a_page_break():
    _, printed = _css(render_html(_report()))
    for rule in re.findall(r"([^{}]*)\{([^}]*)\}", printed):
        selectors = {s.strip() for s in rule[0].split(",")}
        if "p" in selectors and "orphans" in rule[1]:
            assert re.search(r"orphans: ?3\b", rule[1]) and re.search(r"widows: ?3\b", rule[1])
            break
    else:
        raise AssertionError("no orphans/widows rule for printed paragraphs")


def test_html_printed_table_keeps_its_last_rows_with_its_note():
    # The 5-council study's Table 6 (18 rows) printed its last row alone with its note at the head of a page: the last
    # three rows of a table are kept together (no break before either of the last two), as Word keeps them.
    _, printed = _css(render_html(_report()))
    kept = [int(m.group(1)) for sel, body in re.findall(r"([^{}]*)\{([^}]*)\}", printed)
            if re.search(r"break-before: ?avoid", body)
            for m in [re.search(r"tbody tr:nth-last-child\(-n\+(\d+)\)", sel)] if m]
    assert kept and max(kept) >= 2, printed


def test_html_a_long_note_follows_its_table_and_a_short_one_is_its_footer():
    # The 5-council study's Table 11: a note of about 20 printed lines, in the table's footer, was broken by Chromium
    # all the same and its last lines printed under the table's repeated header on the next page.  A note taller than
    # a third of a printed page (A4 less 15 mm margins: 1009 px; .88rem lines at 1.5: 21.1 px, so 16 lines of 680 px)
    # follows the table as text; a short one stays the footer, kept with the last row (round 34).
    import pandas as pd

    data = pd.DataFrame({"impact": [f"Impact {k}" for k in range(20)], "n": range(20)})
    sentence = "Counts of participants interviewed at each wave, each counted once per impact and wave. "
    long_note, short_note = sentence * 30, sentence  # about 2,600 characters: 25 lines of 680 px; one line
    page = render_html(Report("r", "", {}, [Section("s", [Table("a", data, "Long", long_note),
                                                          Table("b", data, "Short", short_note)])]))
    long_part = page.split('id="table-a"', 1)[1].split('id="table-b"', 1)[0]
    short_part = page.split('id="table-b"', 1)[1]
    assert '<tr class="table-notes">' not in long_part and long_part.index(long_note.strip()[:60]) > long_part.index("</table>")
    assert re.search(r'<p class="table-notes[^"]*long-note', long_part)
    _, printed = _css(page)
    rule = re.search(r"p\.table-notes\.long-note \{([^}]*)\}", printed)
    assert rule and re.search(r"break-inside: ?auto", rule.group(1))
    # a short note is the table's last row (its footer's before round 48)
    assert '<tr class="table-notes">' in short_part
    assert short_part.index(short_note.strip()[:60]) < short_part.index("</table>")
