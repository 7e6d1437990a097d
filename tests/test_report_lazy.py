"""A report's figures are drawn, and its costliest sections built, when they are first read, not when the report is
built (testtime37, testtime39).

``impact.build_report`` gives each :class:`impact.report.Figure` the function that draws it; the figure is drawn the
first time its ``fig`` is read (by :func:`impact.report.render`, or by a caller), once, under the matplotlib settings
of the moment the report was built. So are the summary, the quotes (their selection, redaction and assessment), the
framework matrix, the review process and the methods with the suppression ledger built (testtime39): each
:class:`impact.report.Section` the first time its ``blocks`` are read, and the extra files (the quotes' redaction log
and table) the first time they are. A caller who reads only some of the report's text or tables does not pay for the
rest; the published bundle is the same, byte for byte, as when everything was made while the report was built,
whatever order it is read in; and a figure or section that cannot be made still stops :func:`impact.report.render`
before it writes anything.
"""

from __future__ import annotations

import json
import pickle
import re
import warnings
import zipfile
from pathlib import Path

import matplotlib as mpl
import matplotlib.figure
import pandas as pd
import pytest

import impact.framework
import impact.report._build as build
from impact.pipeline import build_report
from impact.report import Figure, Paragraph, Quote, Report, Section, Table, _model, render

#: The report of :data:`conftest.SIXTY` (the suite's shared 60-council study, :func:`conftest.sixty_planted`) at the
#: default ``min_count`` publishes enough counts for every kind of figure the report draws (the councils by status,
#: the heatmap, the two forest plots, the indicators and the process factors). Two studies of this file's own designs
#: (12 councils, seed 37011; 9 councils, seed 37023, 4 waves) were analysed here before testtime38.
MIN_COUNT = 5


#: The sections ``build_report`` builds when first read: the summary, the framework matrix, the quotes, the review
#: process's two, and the methods with the suppression ledger (testtime39).
LATER = ["Summary", "Framework matrix: councils by review theme", "What people said", "What shaped impact",
         "Lessons for the programme", "Methods and limitations"]


def _built(findings, min_count: int, *, eager: bool, monkeypatch=None):
    """``build_report``'s report and extra files, with every figure drawn and every section built as its block is made
    (``eager``: as the report was built before testtime37 and testtime39) or left to be made when read."""
    with warnings.catch_warnings(), monkeypatch.context() as patch:
        warnings.simplefilter("ignore")
        if eager:
            made = _model.Figure.__post_init__

            def drawn_now(self):
                made(self)
                self.fig  # noqa: B018 - drawn here, inside the section that makes it

            patch.setattr(_model.Figure, "__post_init__", drawn_now)
            section_made = _model.Section.__post_init__

            def built_now(self):
                section_made(self)
                self.blocks  # noqa: B018 - built here, in the order the report makes its sections

            patch.setattr(_model.Section, "__post_init__", built_now)
            report, extra = build_report(findings, min_count=min_count)
            return report, dict(extra)
        return build_report(findings, min_count=min_count)


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


class _Calls:
    """Counts the calls of the functions of a module named (``redact_series``, ``assess_quotes``)."""

    def __init__(self, monkeypatch, module, *names: str):
        self.n = dict.fromkeys(names, 0)
        for name in names:
            real = getattr(module, name)

            def counted(*args, _name=name, _real=real, **kwargs):
                self.n[_name] += 1
                return _real(*args, **kwargs)

            monkeypatch.setattr(module, name, counted)


class _Counted:
    """Counts the matplotlib figures made (every figure, through pyplot, seaborn or directly)."""

    def __init__(self, monkeypatch):
        self.n = 0
        made = matplotlib.figure.Figure.__init__

        def counted(fig, *args, **kwargs):
            self.n += 1
            made(fig, *args, **kwargs)

        monkeypatch.setattr(matplotlib.figure.Figure, "__init__", counted)


def test_each_figure_and_later_section_is_made_once_when_read_and_the_bundle_is_the_same_bytes_as_when_made_at_once(
        sixty_planted, tmp_path, monkeypatch):
    # one test, so the two bundles it renders serve every check (five bundles and two studies of its own before
    # testtime38)
    findings = sixty_planted[2]
    made = _Counted(monkeypatch)
    quoted = _Calls(monkeypatch, build, "redact_series", "assess_quotes")
    chosen = _Calls(monkeypatch, impact.framework, "illustrative_quotes")
    lazy, lazy_extra = _built(findings, MIN_COUNT, eager=False, monkeypatch=monkeypatch)
    # the report's other sections are built; no quote is chosen, redacted or assessed, not one figure is drawn
    assert [s.title for s in lazy.sections if not s.built] == LATER
    assert quoted.n == {"redact_series": 0, "assess_quotes": 0} and chosen.n == {"illustrative_quotes": 0}
    assert made.n == 0
    sections = {s.title: s for s in lazy.sections}
    # a section built now is read, and a table of it, as a test reads them: nothing else is built
    assert any(isinstance(b, Table) and b.name == "gee_models" for b in sections["Longitudinal models"].blocks)
    assert [s.title for s in lazy.sections if not s.built] == LATER
    # the quotes are chosen, redacted and assessed once: for their section, and not again for the framework matrix
    # (which leaves out a statement quoted) or the extra files (their redaction log and table)
    assert any(isinstance(b, Quote) for b in sections["What people said"].blocks)
    assert chosen.n == {"illustrative_quotes": 1} and quoted.n["redact_series"] >= 1
    assert [s.title for s in lazy.sections if not s.built] == [t for t in LATER if t != "What people said"]
    assert "tables/quotes.csv" in lazy_extra and chosen.n == {"illustrative_quotes": 1}
    # the rest read last section first (the methods, with the suppression ledger, read every section), under the
    # caller's other matplotlib settings: each section is built under the settings of the build, its figures drawn
    # under them when read, and what each withholds listed in the ledger in the report's order
    with mpl.rc_context({"font.size": 17.0, "lines.linewidth": 4.0, "axes.facecolor": "#ffeeee",
                         "figure.figsize": (3.0, 2.0)}):
        for section in [*reversed(lazy.sections[:-1]), lazy.sections[-1]]:
            assert section.blocks
    assert chosen.n == {"illustrative_quotes": 1}
    assert made.n == 0
    names = [f.name for f in lazy.figures]
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
    assert chosen.n == {"illustrative_quotes": 1}
    eager, eager_extra = _built(findings, MIN_COUNT, eager=True, monkeypatch=monkeypatch)
    assert [f.name for f in eager.figures] == names
    render(eager, tmp_path / "eager")
    got, want = _bundle(tmp_path / "lazy"), _bundle(tmp_path / "eager")
    assert sorted(got) == sorted(want)
    assert [rel for rel in want if got[rel] != want[rel]] == []
    assert sum(rel.startswith("figures/") for rel in want) == 2 * len(names)
    # the framework matrix withholds statements, and the provenance a caveat, in this study: listed in that order,
    # as when built at once, though the provenance was made with the report and the matrix when read
    ledger = want["tables/suppressions.csv"].decode("utf-8-sig")
    assert 0 < ledger.index("Framework matrix: councils by review theme") < ledger.index("Provenance (provenance.json")
    assert dict(lazy_extra) == eager_extra and {"redaction_log.csv", "tables/quotes.csv"} <= set(eager_extra)
    assert pickle.loads(pickle.dumps(lazy_extra)) == eager_extra


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


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_section_given_as_a_function_is_built_once_when_read_and_a_copy_holds_its_blocks():
    built = []
    later = Section("Later", lambda: built.append(1) or [Paragraph("Read."), Table("t", pd.DataFrame({"n": [1]}), "T")])
    report = Report("Impact", "", {"study": "demo"}, [Section("Now", [Paragraph("Now.")]), later])
    assert built == [] and not later.built and report.sections[0].built
    copy = pickle.loads(pickle.dumps(report))  # a copy holds the blocks, not the function (which does not pickle)
    assert built == [1] and later.built
    assert [type(b).__name__ for b in copy.sections[1].blocks] == ["Paragraph", "Table"]
    assert [t.name for t in report.tables] == ["t"] and copy.sections[1].blocks[0].text == "Read."
    assert built == [1]  # read again: not built again


@pytest.mark.parametrize("blocks, error, words", [
    pytest.param(lambda: [Quote("  ")], ValueError, "`Quote.text` must not be empty", id="a-quote-refused"),
    pytest.param(lambda: [Paragraph("A."), "a string"], TypeError,
                 r"`Section.blocks\[1\]` of section 'Later' must be one of .*str was passed", id="not-a-block"),
    pytest.param(lambda: [Table("T", pd.DataFrame({"n": [2]}), "Again")], ValueError,
                 r"Each table needs its own name, but \['T'\] appear more than once", id="a-table-name-taken"),
    pytest.param(lambda: 1 / 0, ZeroDivisionError, "division by zero", id="the-building-fails"),
])
def test_a_section_that_cannot_be_built_stops_render_before_anything_is_written(blocks, error, words, tmp_path):
    before = _previous_bundle(tmp_path)
    report = Report("Impact", "", {"study": "demo"}, [
        Section("Now", [Paragraph("Now."), Table("t", pd.DataFrame({"n": [1]}), "T")]), Section("Later", blocks)])
    with pytest.raises(error, match=words):
        render(report, tmp_path)
    assert _files(tmp_path) == before  # the earlier bundle as it was: no file written, none removed


def test_quotes_that_cannot_be_made_stop_render_and_the_extra_files_before_anything_is_written(
        sixty_planted, tmp_path, monkeypatch):
    before = _previous_bundle(tmp_path)

    def refused(ctx):
        raise ValueError("a quote refused")

    monkeypatch.setattr(build, "_quotes", refused)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, extra = build_report(sixty_planted[2], min_count=MIN_COUNT)
    # the sections that do not read the quotes are read; those that do, the extra files and render refuse
    assert any(isinstance(b, Table) for s in report.sections if s.title == "Longitudinal models" for b in s.blocks)
    for read in (lambda: {s.title: s for s in report.sections}["What people said"].blocks,
                 lambda: {s.title: s for s in report.sections}["Framework matrix: councils by review theme"].blocks,
                 lambda: dict(extra), lambda: render(report, tmp_path)):
        with pytest.raises(ValueError, match="a quote refused"):
            read()
    assert _files(tmp_path) == before
