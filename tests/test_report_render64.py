"""What the reader sees, round 64 (render64): a table whose rows are paragraphs.

The example's Word report set Table 23 (review themes by group of councils: a short label beside two columns of
quotes) in portrait, its rows six and a half lines tall by the layout's estimate (5, 8, 5 and 4 lines as printed) and
its labels a word a line ("Vision, / strategy / and / leadership") in a column 55 pt wide, where a landscape page
sets the same rows on 4, 6, 4 and 3 lines with each label on one.

The tables are generated from seeded words (seeds the project had not used) in the shape of that matrix: a label of
two to five words beside two cells of 20 to 60 words each. The properties are computed from the .docx as written
(python-docx): the column widths of its grid and each cell's lines wrapped greedily in Arial's widths
(:func:`impact._textwidth.wrapped_lines`, as LibreOffice sets them within 0.1 pt), never from pixels.
"""

from __future__ import annotations

import io
import re

import docx
import numpy as np
import pandas as pd
import pytest
from docx.oxml.ns import qn

from impact._textwidth import arial_width, wrapped_lines
from impact.report import Paragraph, Report, Section, Table, render_docx

SEEDS = (6401, 6402, 6403, 6404)
# a cell's text is set within its margins, 5.4 pt either side (impact.report._docx._CELL_MARGIN)
_MARGINS = 2 * 5.4
_WORDS = ("the board", "partners", "caseloads", "the review", "we have", "supervision", "recruitment", "a lot of",
          "work", "still", "really", "the team", "meeting", "leadership", "children", "families", "scorecard",
          "improvement", "budget", "assessment", "practice", "together", "since", "direct", "result")


def _matrix(seed: int) -> Table:
    """A matrix of quotes: four labels of two to five words, two columns of 20 to 60 words each."""
    rng = np.random.default_rng(seed)

    def words(lo: int, hi: int) -> str:
        n = int(rng.integers(lo, hi + 1))
        return " ".join(str(w) for w in rng.choice(_WORDS, n)).capitalize()

    labels = [words(2, 5).replace("The ", "") for _ in range(4)]
    frame = pd.DataFrame({"theme": labels,
                          "in_group": [f"{int(rng.integers(5, 20))} councils: \u201c{words(14, 32)}.\u201d" for _ in labels],
                          "out_group": [f"{int(rng.integers(5, 20))} councils: \u201c{words(14, 32)}.\u201d"
                                        for _ in labels]})
    return Table("matrix", frame, "Themes raised by group of councils", key_columns=1,
                 columns_format={"in_group": "text", "out_group": "text"},
                 labels={"theme": "Review theme", "in_group": "In intervention at some wave",
                         "out_group": "Not in intervention at any wave"})


def _rows_lines(seed: int) -> tuple[list[float], list[list[int]], float, list[list[str]], float]:
    """(column widths in points, each body row's lines per cell, the width of the text block of the table's section,
    each body row's text, its type size) of the matrix as written."""
    data = render_docx(Report("Matrix", "", {"study": "demo"}, [Section("Themes", [
        Paragraph("Which themes each group raised."), _matrix(seed)])]))
    d = docx.Document(io.BytesIO(data))
    table = d.tables[0]
    grid = [int(g.get(qn("w:w"))) / 20 for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    body, text = [], []
    for row in table.rows[1:]:
        cells = row._tr.tc_lst
        if len(cells) != len(grid):  # the note under the table, one cell across it
            continue
        text.append(["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in cells])
        size = int(next(cells[0].iter(qn("w:sz"))).get(qn("w:val"))) / 2  # the type size, in half points
        body.append([wrapped_lines(c, w - _MARGINS, size, measure=arial_width)
                     for c, w in zip(text[-1], grid, strict=True)])
    # the section the table is in: its text block's width
    sections = d.sections
    section = sections[-1] if len(sections) == 1 else next(
        s for s in sections if s.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE)
    block = (section.page_width - section.left_margin - section.right_margin) / 12700
    return grid, body, block, text, size


def _portrait_lines(body_text: list[list[str]], size: float) -> float:
    """Mean lines of the rows set in portrait (A4, 2 cm margins: 481.9 pt) as tightly as a label allows: the label
    column as wide as its longest word, the rest shared evenly by the other columns (the fewest lines portrait can
    give such rows at ``size``, near enough)."""
    label = max(arial_width(w, size) for row in body_text for w in row[0].split()) + _MARGINS
    other = (481.9 - label) / (len(body_text[0]) - 1)
    return sum(max(wrapped_lines(c, other - _MARGINS, size, measure=arial_width) for c in row[1:])
               for row in body_text) / len(body_text)


@pytest.mark.parametrize("seed", SEEDS)
def test_rows_of_paragraphs_are_set_where_they_read_as_rows(seed):
    """A table of quotes beside short labels is set on a landscape page, where its rows take at least a fifth fewer
    lines than portrait could give them at its type size (on integ75 it stayed portrait, its rows 5 to 7 lines), and its labels are
    never a word a line: every label of up to five words on at most two lines."""
    grid, body, block, text, size = _rows_lines(seed)
    assert block > 700 and sum(grid) <= block + 1, (seed, round(block), [round(w) for w in grid])
    mean = sum(max(r) for r in body) / len(body)
    assert mean <= 0.8 * _portrait_lines(text, size), (seed, [max(r) for r in body], [round(w) for w in grid])
    assert max(r[0] for r in body) <= 2, (seed, [r[0] for r in body], [round(w) for w in grid])


def test_a_table_of_short_rows_stays_portrait():
    """The rule turns only tables whose rows are paragraphs: a table of labels and counts stays on a portrait page."""
    frame = pd.DataFrame({"theme": ["Participation", "Commissioning", "Managing performance"], "n": [14, 13, 12]})
    data = render_docx(Report("Short", "", {"study": "demo"}, [Section("Counts", [
        Table("counts", frame, "Councils by theme", labels={"theme": "Review theme", "n": "Councils"})])]))
    d = docx.Document(io.BytesIO(data))
    assert all(s.orientation == docx.enum.section.WD_ORIENT.PORTRAIT for s in d.sections)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_headings_hyphenated_word_is_never_broken_at_its_hyphen(seed):
    """A heading's hyphenated word is one word to the layout (its column at least as wide as the whole word), so it is
    written with Word's non-breaking hyphen: LibreOffice broke "Adjusted p-value" after "p-" where the line had room
    for it (the example's Tables 12 and 13). The headings read back as given (python-docx's text), and a hyphen of a
    body cell is left as it was. Headings are made of seeded compound words."""
    rng = np.random.default_rng(seed)
    parts = ("p", "rank", "longer", "value", "term", "share", "well", "co", "action", "plan", "biserial")

    def compound() -> str:
        a, b = rng.choice(parts, 2, replace=False)
        return f"{a}-{b}"

    heads = [f"{compound().capitalize()} {compound()} (not a finding)" for _ in range(3)]
    frame = pd.DataFrame({f"c{j}": [round(float(x), 3) for x in rng.random(4)] for j in range(3)})
    frame.insert(0, "label", [f"Row {compound()}" for _ in range(4)])
    labels = {"label": "Label", **{f"c{j}": h for j, h in enumerate(heads)}}
    data = render_docx(Report("Hyphens", "", {"study": "demo"}, [Section("Headings", [
        Table("hyphens", frame, "Hyphenated headings", labels=labels)])]))
    d = docx.Document(io.BytesIO(data))
    table = d.tables[0]
    header = [row for row in table.rows if row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert header
    for row in header:
        for t in row._tr.iter(qn("w:t")):
            assert not re.search(r"\w-\w", t.text or ""), t.text
    # (a short word bound to its neighbour by a no-break space where it would stand alone: mend_breaks)
    assert [c.text.replace("\u00a0", " ") for c in header[-1].cells][1:] == heads
    assert sum(len(row._tr.findall(f".//{qn('w:noBreakHyphen')}")) for row in header) == 6
    # a body cell's hyphen as it was
    assert [c.text for c in table.rows[len(header)].cells][0] == frame["label"][0]
    assert re.search(r"\w-\w", "".join(t.text or "" for t in table.rows[len(header)]._tr.iter(qn("w:t"))))
