"""A minus sign that begins a number stays with it in the Word report (it is written as Word's non-breaking hyphen).

Seen on the bundled example printed through LibreOffice: the summary's "(95% CI -3.37 to -1.13; ...)" broke after
"to -", so the next line began "1.13" and pdftotext read "-3.37 to 1.13": an interval that no longer excludes 0.
"""

from __future__ import annotations

import io
import re

import docx
import pandas as pd
from docx.oxml.ns import qn

from impact.report import Bullets, Paragraph, Report, Section, Table, render_docx

_SAID = "Re-referrals changed by -2.25 after the review (95% CI -3.37 to -1.13; p = 0.001) in 2024-25."


def _document() -> docx.document.Document:
    frame = pd.DataFrame({"impact": ["morale", "learning"], "estimate": [-0.52, 0.31], "ci": ["(-0.9, -0.1)", "(0.1, 0.5)"]})
    report = Report("Signs", "", {}, [Section("Summary", [Paragraph(_SAID), Bullets([_SAID]),
                                                          Table("t", frame, "A table", key_columns=1)])])
    return docx.Document(io.BytesIO(render_docx(report)))


def test_no_text_run_ends_where_a_negative_number_begins():
    body = _document().element.body
    runs = [t.text or "" for t in body.iter(qn("w:t"))]
    starts = [t for t in runs if re.search(r"(?:^|[\s(\[/])-(?=\.?\d)", t)]
    assert not starts, starts  # on main: every one of them, as plain hyphen-minus text
    hyphens = list(body.iter(qn("w:noBreakHyphen")))
    # the paragraph and the bullet hold 3 negative numbers each, the table 3 more (-0.52, -0.9, -0.1)
    assert len(hyphens) == 9, len(hyphens)


def test_the_text_reads_back_as_written():
    document = _document()
    texts = [p.text for p in document.paragraphs]
    assert texts.count(_SAID) == 2, texts  # the paragraph and the bullet, "-" and all
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "-0.52" in cells or any(c.startswith("-0.5") for c in cells), cells
    assert any("-0.9" in c for c in cells), cells
    # a range of years keeps its ordinary hyphen (only a sign is joined to its number)
    assert any("2024-25" in (t.text or "") for t in document.element.body.iter(qn("w:t")))
