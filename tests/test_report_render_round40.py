"""Round 40: the workbook as its readers use it.

A row whose every figure is suppressed is flagged in a few words, not by naming each of its columns (a 6-council
study's comparisons table, every figure suppressed, ran three rows to a printed page); the columns that say what a
row is stay in view beside the figures when a wide sheet is scrolled. Structure, not pixels.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from impact.report import Report, Section, Table
from impact.report._xlsx import ALL_FIGURES, FLAG_COLUMN, render_xlsx


def _sheet(*tables: Table, sheet: str = "Table 1"):
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("R", "", {}, [Section("S", list(tables))]))))
    return book[sheet]


def _comparisons() -> pd.DataFrame:
    # an impact is shown once per wave: the impact alone does not tell its rows apart, impact and wave do
    return pd.DataFrame({"impact": ["Morale", "Morale", "Plans", "Plans"],
                         "wave": ["Early impact", "Later", "Early impact", "Later"],
                         "n_a": ["c", 12, "c", 9], "share": ["c", 0.5, 0.4, "x"], "p_value": ["c", 0.2, "c", 0.5]})


def test_a_row_with_every_figure_suppressed_is_flagged_in_a_few_words():
    ws = _sheet(Table("comparisons", _comparisons(), "Comparisons", columns_format={"share": "pct"}))
    # a heading's words, whatever lines it is set on (render62 breaks "Councils / not interviewed" to keep its units)
    heads = [" ".join(c.value.split()) if isinstance(c.value, str) else c.value for c in ws[1]]
    assert heads[-1] == FLAG_COLUMN
    flags = [ws.cell(row=r, column=len(heads)).value for r in range(2, 6)]
    # every figure of the first row is suppressed: one phrase with its symbol; the others name their columns
    assert flags[0] == f"{ALL_FIGURES} (c)", flags
    assert flags[1] is None
    # (round 41: the reason said once, and the one figure shown named where that is shorter than naming the two empty)
    assert flags[2] == f"{ALL_FIGURES} but Share (c)", flags
    # every figure empty, but for two reasons: each is named
    assert ALL_FIGURES not in flags[3] and "(x)" in flags[3], flags
    # the cells themselves are still empty and shaded, so sums skip them
    assert [ws.cell(row=2, column=j).value for j in (3, 4, 5)] == [None, None, None]
    assert all(ws.cell(row=2, column=j).fill.fgColor.rgb.endswith("D9D9D9") for j in (3, 4, 5))
    # a row of one figure still names its column
    ws = _sheet(Table("counts", pd.DataFrame({"wave": ["early", "late"], "n_councils": [12, "c"]}), "Counts"))
    assert ws["C3"].value == "Councils (c)"


def test_the_columns_that_identify_a_row_stay_in_view():
    ws = _sheet(Table("comparisons", _comparisons(), "Comparisons", columns_format={"share": "pct"}))
    # impact and wave (columns A and B) frozen with the heading row
    assert ws.freeze_panes == "C2"
    # one identifying column: it alone is frozen
    data = pd.DataFrame({"impact": ["Morale", "Plans"], "n": [3, 4], "share": [0.1, 0.2]})
    assert _sheet(Table("t", data, "T")).freeze_panes == "B2"


def test_identifying_columns_too_wide_to_scroll_beside_are_not_all_frozen():
    from openpyxl.utils import column_index_from_string, get_column_letter

    from impact.report._xlsx import _FROZEN_MAX

    # three long text columns are needed to tell the rows apart; frozen together they would fill a window
    long = "a long description of what the row is about, repeated to fill the column, "
    data = pd.DataFrame({"impact": [long + "one"] * 2 + [long + "two"] * 2,
                         "wave": [long + "early", long + "early", long + "late", long + "late"],
                         "status": [long + "in", long + "out", long + "in", long + "out"], "n": [3, 4, 5, 6]})
    ws = _sheet(Table("t", data, "T"))
    frozen = column_index_from_string(ws.freeze_panes.rstrip("0123456789")) - 1
    assert 1 <= frozen < 3, ws.freeze_panes
    assert sum(ws.column_dimensions[get_column_letter(j)].width for j in range(1, frozen + 1)) <= _FROZEN_MAX
    # a table of text only: never every column frozen (nothing would be left to scroll)
    text = pd.DataFrame({"theme": ["Vision", "Vision"], "in": ["x", "y"], "out": ["p", "q"]})
    assert _sheet(Table("t", text, "T")).freeze_panes == "C2"


# --------------------------------------------------------------------------- the language each format declares
def test_the_word_report_declares_the_language_the_web_page_does():
    """A screen reader picks its voice, and a spelling checker its dictionary, from the declared language: the Word
    report said en-US (python-docx's blank document) where the web page said en-GB, and the text is British."""
    import re
    import zipfile

    from impact.report import render_docx, render_html

    report = Report("R", "", {}, [Section("S", [Table("t", pd.DataFrame({"wave": ["early"], "n": [3]}), "T")])])
    lang = re.search(r'<html lang="([^"]+)"', render_html(report)).group(1)
    book = zipfile.ZipFile(io.BytesIO(render_docx(report)))
    styles = book.read("word/styles.xml").decode()
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    assert re.findall(r'<w:lang w:val="([^"]+)"', defaults) == [lang]
    core = book.read("docProps/core.xml").decode()
    assert f"<dc:language>{lang}</dc:language>" in core
    assert lang == "en-GB"  # the report's spelling (programme, behaviour)


# --------------------------------------------------------------------------- a figure's alt text
@pytest.mark.parametrize("kind", ["hodges_lehmann", "mean_difference", "mixed"])
def test_the_forest_plots_alt_text_names_both_groups_in_full(kind):
    """A screen reader reads the alt text once, aloud: each group is named whole ("councils not in intervention",
    never "councils not" run into the next words), the measure compared is named once, before the dot's estimate."""
    import re

    from impact.report._build import _difference_alt

    alt = _difference_alt(kind, "impact", "95%")
    # every "not" says what it is not in (main: "...and of councils not in the share of a council's participants")
    assert not re.search(r"\bnot\b(?! in intervention\b)", alt), alt
    assert alt.count("share of a council's participants reporting the impact") == 1, alt
    assert alt.index("participants reporting the impact") < alt.index("the dot is"), alt


# --------------------------------------------------------------------------- a sheet's headings
def test_headings_of_figures_stand_over_their_numbers_with_a_gap_between():
    """A column of figures is headed at its right, as the Word and web reports head it, and two such headings side by
    side keep a gap: set left, Table 4's headings ran together ("Councils notParticipants")."""
    from impact._xlsx import text_chars

    data = pd.DataFrame({"wave": ["Expectations before the review", "Early impact"],
                         "n_councils_not": [1, 2], "n_participants": [133, 124], "share": [0.5, 0.25]})
    labels = {"n_councils_not": "Councils not interviewed", "n_participants": "Participants interviewed"}
    ws = _sheet(Table("attrition", data, "Attrition", labels=labels, columns_format={"share": "pct"}))
    # a heading's words, whatever lines it is set on (render62 breaks "Councils / not interviewed" to keep its units)
    heads = [" ".join(c.value.split()) if isinstance(c.value, str) else c.value for c in ws[1]]
    assert heads[1:3] == ["Councils not interviewed", "Participants interviewed"], heads
    assert ws["A1"].alignment.horizontal in (None, "general", "left")  # the text column's heading, left as its text
    assert [ws.cell(row=1, column=j).alignment.horizontal for j in (2, 3, 4)] == ["right"] * 3
    for j, head in ((2, heads[1]), (3, heads[2])):
        widest = max(text_chars(w, bold=True) for w in head.split())
        assert ws.column_dimensions["ABC"[j - 1]].width >= widest + 1.0 - 1e-9, (head, ws.column_dimensions["ABC"[j - 1]].width)
