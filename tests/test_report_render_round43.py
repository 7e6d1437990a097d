"""What readers see, round 43 (the demo and a 6-council study read page by page in Word, the workbook and the web page).

- a short text after a section's last landscape table (a 6-council study's "No figure of the impacts reported at each
  wave is drawn: every share in the table is suppressed (c).") stays on that table's landscape pages: it was turned
  onto a portrait page of its own, between two landscape ones (page 7 of 24);
- a workbook row of the realisation table naming the few figures shown ("All figures but ...") says a heading's
  shared part ("Participants: ") once, as its other rows do ("Participants: unmet expectation; not mentioned (c)"
  beside "All figures but Participants: unanticipated; Participants: incomplete (c)");
- the caveat on a Mann-Whitney p-value under ties says it "may be some way off" only where the councils are few
  (fewer than the models' FEW_UNITS): it said so of any study (render42's leftover).
"""

from __future__ import annotations

import io
import warnings

import docx
import openpyxl
import pandas as pd
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from impact.report import Paragraph, Report, Section, Table, render_docx, render_xlsx
from impact.stats._models import FEW_UNITS

_WIDE = pd.DataFrame({f"a rather long column heading {i}": ["a long cell value here"] * 3 for i in range(14)})
_NARROW = pd.DataFrame({"a": [1, 2]})


def _orientation_of(document, text: str):
    """The orientation of the Word section holding the paragraph whose text begins with ``text``: a section ends at
    the paragraph carrying its sectPr (the last section at the body's own)."""
    body = list(document.element.body.iterchildren())
    found = None
    sections = iter(document.sections)
    section = next(sections)
    for element in body:
        if element.tag == qn("w:p"):
            if found is None and "".join(t.text or "" for t in element.iter(qn("w:t"))).startswith(text):
                found = section
            if element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                if found is not None:
                    return found.orientation
                section = next(sections)
    assert found is not None, text
    return found.orientation


def _docx(sections: list[Section]):
    return docx.Document(io.BytesIO(render_docx(Report("R", "", {}, sections))))


def test_a_short_text_after_a_landscape_table_stays_on_its_pages():
    short = Paragraph("No figure of the wide table is drawn: every share in it is suppressed (c).")
    document = _docx([Section("Wide", [Paragraph("The table."), Table("wide", _WIDE, "Wide"), short]),
                      Section("Next", [Paragraph("Its table."), Table("narrow", _NARROW, "Narrow")])])
    assert _orientation_of(document, "The table.") == WD_ORIENT.LANDSCAPE
    assert _orientation_of(document, "No figure of the wide table") == WD_ORIENT.LANDSCAPE
    # no portrait section holds that sentence alone: the sections are the title page's, the table's, and Next's
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                          WD_ORIENT.PORTRAIT]
    # the rule is about a text too short to hold a page: a long discussion after the table reads at portrait width
    long_text = Paragraph("Words of a long discussion of the table above. " * 80)
    document = _docx([Section("Wide", [Table("wide", _WIDE, "Wide"), long_text])])
    assert _orientation_of(document, "Words of a long discussion") == WD_ORIENT.PORTRAIT
    # nor does a short text after a portrait figure or table turn: it is portrait as its table is
    document = _docx([Section("Narrow", [Table("narrow", _NARROW, "Narrow"), Paragraph("A short note.")])])
    assert _orientation_of(document, "A short note.") == WD_ORIENT.PORTRAIT


def test_the_workbook_says_a_shared_heading_part_once_in_every_row():
    # counts as the realisation table gives them, "c" where suppressed: a row showing two of seven, and one hiding two
    heads = {"n_realised": "Participants: realised", "n_unmet": "Participants: unmet expectation",
             "n_unanticipated": "Participants: unanticipated", "n_not_mentioned": "Participants: not mentioned",
             "n_under_way_reported": "Participants: under way before the review, reported after",
             "n_under_way_not_reported": "Participants: under way before the review, not reported after",
             "n_incomplete": "Participants: incomplete"}
    data = pd.DataFrame({"impact": ["Morale", "Ideas"], "n_realised": ["c", 7], "n_unmet": ["c", "c"],
                         "n_unanticipated": [12, 10], "n_not_mentioned": ["c", "c"], "n_under_way_reported": ["c", 9],
                         "n_under_way_not_reported": ["c", 6], "n_incomplete": [17, 17]}, dtype=object)
    table = Table("realisation", data, "Participants by whether their expectations were realised",
                  labels=heads | {"impact": "Impact"}, columns_format={k: "int" for k in heads})
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("R", "", {}, [Section("S", [table])]))))["Table 1"]
    # (round 44: "Participants" is once in a merged row above the headings, the figures from row 3)
    said = [row[-1] for row in ws.iter_rows(min_row=3, max_row=4, values_only=True)]
    # (round 46: a grouped column named as the reader finds it, its shared part then its label, as the notes name it)
    assert said == ["All figures but Participants \u203a unanticipated; incomplete (c)",
                    "Participants \u203a unmet expectation; not mentioned (c)"], said


def test_the_mann_whitney_caveat_calls_the_councils_few_only_where_they_are():
    from impact._warning_words import own_warning_words
    from impact.errors import StatisticalWarning
    from impact.pipeline import _said_for_report

    message = "Ties in the outcome: the Mann-Whitney p-value is asymptotic; use method='permutation'."
    few, enough = FEW_UNITS - 4, FEW_UNITS
    said_few, anew = own_warning_words(message, {}, few)
    assert anew and f"with {few} councils, fewer than {FEW_UNITS}, may be some way off" in said_few, said_few
    for councils in (enough, 150, None):  # the study's size not known: nothing said of it
        said, anew = own_warning_words(message, {}, councils)
        assert anew and "large-sample approximation." in said and "few" not in said and "way off" not in said, said
    assert "with 1 council, fewer than" in own_warning_words(message, {}, 1)[0]
    # as the pipeline gives it for the report, the study's councils passed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, text, kept = _said_for_report(StatisticalWarning(message), {}, 60)
    assert "few" not in text and kept and message in kept[0], (text, kept)
