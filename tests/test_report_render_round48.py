"""What readers see, round 48.

1. Printed from Chromium, a table's note in the table's footer (``<tfoot>``) was broken at a page's foot when the
   table's last row fitted there, its last lines printed on the next page under the table's repeated heading (the
   example's Table 7): Chromium does not go back from the footer into the body for the break before the last rows
   that its "avoid"s ask for. The note is now the last row of the table's body, and is printed whole on the page of
   the table's last three rows.
"""

from __future__ import annotations

import re
import subprocess

import pandas as pd
import pytest

from impact.report import Report, Section, Table, render_html

pytestmark = pytest.mark.filterwarnings("ignore")

_NOTE = (("'Participants interviewed': participants interviewed at the wave whose council was in that status group; "
          "'Participants reporting it': of those, participants for whom the impact was reported. ") * 3
         + "Closing words of note {k}.")


def _printed_pages(html: str, folder) -> list[str]:
    """The text of each page of ``html`` printed to A4 by headless Chromium (whitespace collapsed)."""
    from tests.conftest import browser_path

    browser = browser_path()
    if browser is None or subprocess.run(["which", "pdftotext"], capture_output=True).returncode:
        pytest.skip("no Chromium or pdftotext (apt-get install chromium poppler-utils): printing not checked")
    page, pdf = folder / "page.html", folder / "page.pdf"
    page.write_text(html, encoding="utf-8")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={folder / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    page.as_uri()], capture_output=True, timeout=180, check=False)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", p) for p in text.split("\f")]


def test_a_printed_note_is_whole_on_the_page_of_the_tables_last_rows(tmp_path):
    """Tables of 84 to 93 one-line rows, each in a section of its own (so from a page's head), end on their second
    page at points spread over its foot; each has a note of about five printed lines. Main printed the note of those
    of 87 to 92 rows split over two pages, its closing words under the next page's repeated heading; every note is
    now whole on the page of its table's last three rows."""
    sections = []
    for k in range(84, 94):
        data = pd.DataFrame({"impact": [f"Row {i} of table {k}" for i in range(k)], "n": range(k), "m": range(k)})
        sections.append(Section(f"Section {k}", [Table(f"t{k}", data, f"Counts {k}", _NOTE.format(k=k),
                                                       columns_format={"n": "int", "m": "int"})]))
    pages = _printed_pages(render_html(Report("R", "", {}, sections)), tmp_path)

    def page_of(text: str) -> int:
        (found,) = [j for j, p in enumerate(pages) if text in p]  # once, on one page
        return found

    placed = {}
    for k in range(84, 94):
        note = _NOTE.format(k=k)
        # the note's first words are the same in every table: the first page after its table's caption holding them
        caption = page_of(f"Counts {k}")
        first = next(j for j in range(caption, len(pages)) if note[:60] in pages[j])
        placed[k] = (first, page_of(f"Closing words of note {k}."),
                     *(page_of(f"Row {i} of table {k} ") for i in (k - 3, k - 2, k - 1)))
    apart = {k: p for k, p in placed.items() if len(set(p)) > 1}
    assert not apart, apart  # {table's rows: (note's first page, its last, last three rows' pages)}
