"""A report's figures are drawn when they are first read, not when the report is built (testtime37).

``impact.build_report`` gives each :class:`impact.report.Figure` the function that draws it; the figure is drawn the
first time its ``fig`` is read (by :func:`impact.report.render`, or by a caller), once, under the matplotlib settings
of the moment the report was built. A caller who reads only the report's text or tables does not pay for the
drawing; the published bundle is the same, byte for byte, as when every figure was drawn while the report was built;
and a figure that cannot be drawn still stops :func:`impact.report.render` before it writes anything.
"""

from __future__ import annotations

import json
import re
import warnings
import zipfile
from pathlib import Path

import matplotlib as mpl
import matplotlib.figure
import pytest

from impact.pipeline import build_report
from impact.report import Figure, Paragraph, Report, Section, _model, render

#: The report of :data:`conftest.SIXTY` (the suite's shared 60-council study, :func:`conftest.sixty_planted`) at the
#: default ``min_count`` publishes enough counts for every kind of figure the report draws (the councils by status,
#: the heatmap, the two forest plots, the indicators and the process factors). Two studies of this file's own designs
#: (12 councils, seed 37011; 9 councils, seed 37023, 4 waves) were analysed here before testtime38.
MIN_COUNT = 5


def _built(findings, min_count: int, *, eager: bool, monkeypatch=None):
    """``build_report``'s report, with every figure drawn as its block is made (``eager``: as the report was built
    before testtime37) or left to be drawn when read."""
    with warnings.catch_warnings(), monkeypatch.context() as patch:
        warnings.simplefilter("ignore")
        if eager:
            made = _model.Figure.__post_init__

            def drawn_now(self):
                made(self)
                self.fig  # noqa: B018 - drawn here, inside the section that makes it

            patch.setattr(_model.Figure, "__post_init__", drawn_now)
        return build_report(findings, min_count=min_count)[0]


#: The times a Word or Excel file records of the moment it was written (docProps/core.xml), which two renders of one
#: report differ in already.
_WRITTEN_AT = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _bundle(folder: Path) -> dict[str, object]:
    """Every file of a rendered bundle as bytes, less the moment it was written: a Word or Excel file as its members
    (a zip member's time is the moment it was written), their core properties without the times, and provenance.json
    without the hashes of those two files (the hashes of bytes that hold those times)."""
    out: dict[str, object] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel.endswith((".docx", ".xlsx")):
            with zipfile.ZipFile(path) as book:
                out[rel] = {n: _WRITTEN_AT.sub(b"", book.read(n)) for n in book.namelist()}
        elif rel == "provenance.json":
            record = json.loads(path.read_text(encoding="utf-8"))
            record["files"] = {k: v for k, v in record["files"].items() if not k.endswith((".docx", ".xlsx"))}
            out[rel] = record
        else:
            out[rel] = path.read_bytes()
    return out


class _Counted:
    """Counts the matplotlib figures made (every figure, through pyplot, seaborn or directly)."""

    def __init__(self, monkeypatch):
        self.n = 0
        made = matplotlib.figure.Figure.__init__

        def counted(fig, *args, **kwargs):
            self.n += 1
            made(fig, *args, **kwargs)

        monkeypatch.setattr(matplotlib.figure.Figure, "__init__", counted)


def test_each_figure_is_drawn_once_when_read_and_the_bundle_is_the_same_bytes_as_when_drawn_at_once(
        sixty_planted, tmp_path, monkeypatch):
    # one test, so the two bundles it renders serve both checks (five bundles and two studies of its own before
    # testtime38)
    findings = sixty_planted[2]
    made = _Counted(monkeypatch)
    lazy = _built(findings, MIN_COUNT, eager=False, monkeypatch=monkeypatch)
    names = [f.name for f in lazy.figures]
    # the report's text and tables are built; not one figure is drawn
    assert lazy.tables and lazy.figures
    assert made.n == 0
    assert [f.drawn for f in lazy.figures] == [False] * len(names)
    # every kind of figure the report draws is here, so each one's drawing is compared
    assert {"status_by_wave", "prevalence_heatmap", "comparisons_forest", "intervention_effects",
            "indicator_trends", "process_factors"} <= set(names), names
    first = lazy.figures[0]
    fig = first.fig
    assert isinstance(fig, matplotlib.figure.Figure)
    drawn_first = made.n
    assert drawn_first >= 1  # the heatmap's colour bar is an axes of its figure, not a figure of its own
    assert first.fig is fig and made.n == drawn_first  # read again: the same figure, not drawn again
    assert [f.drawn for f in lazy.figures] == [True] + [False] * (len(names) - 1)
    # the caller's matplotlib settings changed between building the report and reading every other figure: those
    # figures are drawn under the settings of the build, as they were when drawn at once (the rest are drawn by
    # render, which, as before, writes what is drawn under the settings of its own moment)
    with mpl.rc_context({"font.size": 17.0, "lines.linewidth": 4.0, "axes.facecolor": "#ffeeee",
                         "figure.figsize": (3.0, 2.0), "patch.edgecolor": "red", "axes.prop_cycle":
                         mpl.cycler(color=["#000000"])}):
        assert all(isinstance(f.fig, matplotlib.figure.Figure) for f in lazy.figures[1::2])
    render(lazy, tmp_path / "lazy")
    after_render = made.n
    assert all(f.drawn for f in lazy.figures)
    for f in lazy.figures:  # read again, as a second render reads them: nothing drawn again
        assert f.fig is f.fig
    assert made.n == after_render
    eager = _built(findings, MIN_COUNT, eager=True, monkeypatch=monkeypatch)
    assert [f.name for f in eager.figures] == names
    render(eager, tmp_path / "eager")
    got, want = _bundle(tmp_path / "lazy"), _bundle(tmp_path / "eager")
    assert sorted(got) == sorted(want)
    assert [rel for rel in want if got[rel] != want[rel]] == []
    assert sum(rel.startswith("figures/") for rel in want) == 2 * len(names)


def test_a_figure_given_drawn_is_kept_and_a_bad_one_refused_when_made():
    fig = matplotlib.figure.Figure()
    ax = fig.subplots()
    block = Figure("f", ax, "F", "An empty figure.")
    assert block.drawn and block.fig is fig
    with pytest.raises(TypeError, match="`Figure.fig` must be a matplotlib Figure or Axes, or a function"):
        Figure("f", "not a figure", "F", "Text.")


def _previous_bundle(folder: Path) -> dict[str, bytes]:
    """A bundle rendered into ``folder`` earlier: its files and their bytes."""
    render(Report("Earlier", "", {"study": "earlier"}, [Section("Summary", [Paragraph("Before.")])]), folder)
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("draw", [
    pytest.param(lambda: 1 / 0, id="the-drawing-fails"),
    pytest.param(lambda: "a figure's name", id="the-drawing-gives-no-figure"),
])
def test_a_figure_that_cannot_be_drawn_stops_render_before_anything_is_written(draw, tmp_path):
    before = _previous_bundle(tmp_path)
    calls = []

    def drawing():
        calls.append(1)
        return draw()

    report = Report("Impact", "", {"study": "demo"},
                    [Section("Summary", [Paragraph("Text."), Figure("broken", drawing, "Broken", "A figure.")])])
    assert calls == []  # made, not drawn
    with pytest.raises((ZeroDivisionError, TypeError)) as raised:
        render(report, tmp_path)
    if raised.type is TypeError:
        assert "`Figure.fig` must be a matplotlib Figure or Axes" in str(raised.value)
        assert "str was passed" in str(raised.value)
    assert calls == [1]
    # the earlier bundle is as it was: no file written, none removed
    assert {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
