"""What readers see, round 38: no table text under 8 pt in Word, and a small multiples' legend that leaves the panels
their room.

- Table 12 of the example's Word report (the models of each impact: 24 rows, nine columns) was set at 7 pt: at 9 pt
  its rows wrapped and it ran onto a second landscape page, and the writer set it smaller to keep its rows to one
  line.  8 pt is now the least: a table is set at 9 or 8 pt, on portrait or landscape pages, and a table too wide
  for landscape at 8 pt is split into parts that repeat its key columns.
- The indicators' small multiples drew one legend below the grid in up to four columns whatever the labels' length:
  long status labels made it wider than the figure, so the saved image (cut to what is drawn) was wider and every
  panel shrank on the page; a legend of many rows took its height from the panels.  Checked on matplotlib's
  extents, not on pixels.
"""

from __future__ import annotations

import io
import re
import subprocess

import docx
import matplotlib
import numpy as np
import pandas as pd
import pytest
from docx.oxml.ns import qn

matplotlib.use("Agg")

from impact.report import Paragraph, Report, Section, Table, indicator_small_multiples, render_docx  # noqa: E402
from impact.report._images import PNG_DPI, _tight_box  # noqa: E402


def _wide_table(n_impacts: int, n_columns: int, rng) -> Table:
    """Rows of long impact and contrast labels and ``n_columns`` numeric columns, a long note: the models table's
    shape, at any width."""
    impacts = [f"Impact {k}: " + " ".join(rng.choice(["commitment", "partnership", "learning", "policies",
                                                      "morale", "reflective", "practice"], 5))
               for k in range(n_impacts)]
    contrasts = ["In intervention vs not", "Early impact vs expectations before the review",
                 "Longer-term change vs expectations before the review", "Longer-term change vs early impact"]
    data = pd.DataFrame([{"impact": i, "contrast": c, **{f"value_{j}": rng.normal() * 10 ** (j % 4)
                                                          for j in range(n_columns)}}
                         for i in impacts for c in contrasts])
    note = " ".join(["Log-odds scale; odds ratios exponentiated; p adjusted (Holm) across impacts and waves."] * 20)
    return Table("models", data, "Models of each impact", note, key_columns=2,
                 columns_format={f"value_{j}": "num:2" for j in range(n_columns)})


def _table_sizes(content: bytes) -> set[float]:
    """The type sizes (points) of every table cell's text in a Word document, the notes under tables left out."""
    document = docx.Document(io.BytesIO(content))
    sizes = set()
    for tbl in document.element.body.iter(qn("w:tbl")):
        for tc in tbl.iter(qn("w:tc")):
            if tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None:
                continue  # a note under the table (its own size, _NOTE_SIZE)
            sizes |= {int(sz.get(qn("w:val"))) / 2 for sz in tc.iter(qn("w:sz"))}
    return sizes


@pytest.mark.parametrize("n_impacts, n_columns", [(6, 7), (3, 20)])
def test_docx_no_table_text_under_8pt(n_impacts, n_columns):
    # (6, 7) is the example's Table 12, which main set at 7 pt; (3, 20) is too wide for landscape even at 8 pt and
    # is split into parts
    table = _wide_table(n_impacts, n_columns, np.random.default_rng(38 + n_columns))
    content = render_docx(Report("r", "", {}, [Section("s", [table])]))
    sizes = _table_sizes(content)
    assert sizes and min(sizes) >= 8.0, sizes
    if n_columns == 20:
        captions = [p.text for p in docx.Document(io.BytesIO(content)).paragraphs if p.text.startswith("Table 1")]
        assert any("part 2 of" in c for c in captions), captions


def test_docx_the_example_report_sets_no_table_under_8pt(example_run):
    sizes = _table_sizes((example_run.out_dir / "report.docx").read_bytes())
    assert min(sizes) >= 8.0, sorted(sizes)


def _group(g: int, words: int) -> str:
    return (f"Group {g} " + "with a long descriptive name " * words).strip()


def _small_multiples(n_groups: int, words: int, n_measures: int, ncols: int):
    rng = np.random.default_rng(n_groups * 100 + words)
    groups = [_group(g, words) for g in range(n_groups)]
    measures = ["cin_rate", "sw_turnover_pct", "cpp_rate", "lac_rate", "rereferral_pct"][:n_measures]
    data = pd.DataFrame([{"measure": m, "status": g, "year": y, "mean": rng.uniform()}
                         for m in measures for g in groups for y in range(2011, 2016)])
    return indicator_small_multiples(data, measure="measure", x="year", y="mean", hue="status", ncols=ncols,
                                     review_dates=pd.to_datetime(["2012-06-01"]))


def _panel_heights(fig) -> list[float]:
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    return [ax.get_window_extent(renderer).height / fig.dpi for ax in fig.axes]


@pytest.mark.parametrize("n_measures, ncols", [(4, 2), (1, 2), (5, 3)])
def test_small_multiples_legend_leaves_the_panels_their_room(n_measures, ncols):
    # The reference: two short labels, a legend of one row.
    reference = _small_multiples(2, 0, n_measures, ncols)
    panel = _panel_heights(reference)[0]
    width = reference.get_figwidth()
    for n_groups, words in [(2, 3), (5, 2), (9, 0), (12, 1), (3, 8)]:
        fig = _small_multiples(n_groups, words, n_measures, ncols)
        heights = _panel_heights(fig)
        # every panel as tall as with a one-row legend (a pixel's rounding), however many rows the legend takes
        assert min(heights) >= panel - 1 / fig.dpi, (n_groups, words, heights, panel)
        # the legend within the figure's width: the saved image (cut to what is drawn) is no wider than the
        # figure, so no panel is shrunk on the page to make room for the legend
        renderer = fig._get_renderer()
        [legend] = fig.legends
        box = legend.get_window_extent(renderer)
        assert 0 <= box.x0 and box.x1 <= fig.bbox.x1, (n_groups, words, box, fig.bbox)
        assert _tight_box(fig, PNG_DPI).width <= width + 0.2, (n_groups, words)
        # below the panels, not over them
        assert box.y1 <= min(ax.get_window_extent(renderer).y0 for ax in fig.axes), (n_groups, words)
        # every label still in it, whole (wrapped, never cut)
        texts = [t.get_text().replace("\n", " ") for t in legend.get_texts()]
        assert texts[:n_groups] == [_group(g, words) for g in range(n_groups)]


def test_docx_a_note_stays_with_its_table_and_no_page_is_left_blank(tmp_path):
    # Tables of 30 to 49 rows under a paragraph, each with a long note (about 12 lines), one section each: at some
    # length the table and its note fill their page exactly.  The empty paragraph after the table then went over
    # onto the next page and the next section's heading, starting a page, left that one blank (main: the page after
    # a 38-row table held only its number, LibreOffice render).  And wherever the table breaks, its note is on the
    # page of its last row.
    from conftest import libreoffice_pdf

    note = " ".join(f"clause {k} of a long note that explains the table in detail," for k in range(40))
    sections = [Section(f"Section {n}", [Paragraph("Introduction to the table. " * 12),
                                         Table(f"t{n}", pd.DataFrame({"item": [f"row {i} of {n}" for i in range(n)],
                                                                      "n": range(n)}),
                                               f"Counts {n}", f"Note{n}: {note}")])
                for n in range(30, 50)]
    path = tmp_path / "notes.docx"
    path.write_bytes(render_docx(Report("Notes", "", {}, sections)))
    pdf = libreoffice_pdf(path, "a note kept with its table")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    blank = [k + 1 for k, text in enumerate(pages) if not re.sub(r"Page \d+", "", text).strip()]
    assert not blank, f"pages {blank} hold nothing but their number"
    for n in range(30, 50):
        [page] = [text for text in pages if f"Note{n}:" in text]
        assert f"row {n - 1} of {n}" in page, n  # the last row with its note


def test_small_multiples_of_no_data_draw_no_legend():
    # guard for the legend's fitting: no group, no legend, and no error
    fig = indicator_small_multiples(pd.DataFrame({"measure": [], "year": [], "mean": [], "status": []}),
                                    measure="measure", x="year", y="mean", hue="status")
    assert fig.legends == []
