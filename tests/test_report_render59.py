"""What the reader sees, round 59 (render59): a figure's alternative text, and headings broken inside a unit.

A figure's alternative text was one sentence written where the figure is made, the same for every study ("Heatmap:
rows are impacts, columns are wave and intervention status ..."): a screen-reader user of the Word report or the web
page never heard which impacts, waves or groups a figure showed, nor the measure on its axis where the sentence left
it out ("Councils", "Participants who said it hindered (left) or helped (right)"). The renderers now follow it with
what the figure draws, read from the figure itself (:func:`impact.report._alt.figure_description`).

The checks here read the alternative text from the Word document (each picture's ``descr``) and from the web page
(each figure's ``alt``), for reports of synthetic studies generated with seeds the project had not used, and compare
it with what is independently known of each figure: the measure on its axes and colour bar (matplotlib's own getters),
the impacts of the report's table of the same shares (the heat map's rows), the study's waves.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from conftest import analysed_synthetic, report_of
from lxml import etree

from impact.report import Figure, render_docx, render_html
from impact.report._format import table_display

_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
STUDY = {"interviews_per_wave": 3, "words_per_interview": 150}


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


@pytest.fixture(scope="module", params=[5931, 5947])
def figures(request):
    """(report, its figures, each figure's alternative text in Word and on the web page) of a study of 30 or more
    councils (every kind of figure the report draws)."""
    n = 30 if request.param == 5931 else 40
    _, _, findings = analysed_synthetic(n, request.param, parts=["comparisons", "models"], **STUDY)
    report = report_of(findings)[0]
    figures = [b for s in report.sections for b in s.blocks if isinstance(b, Figure)]
    document = etree.fromstring(zipfile.ZipFile(io.BytesIO(render_docx(report))).read("word/document.xml"))
    word = [_plain(d.get("descr", "")) for d in document.iter(_WP + "docPr")]
    page = render_html(report)
    web = {name: _plain(html.unescape(alt)) for name, alt in re.findall(
        r'<figure id="figure-([^"]+)">\s*<img [^>]*?alt="([^"]*)"', page)}
    return report, figures, word, web


def _drawn_measures(figure: Figure) -> list[str]:
    """The measures a figure names on its axes and colour bars, as matplotlib gives them."""
    found = []
    for ax in figure.fig.axes:
        if not ax.get_visible():
            continue
        found += [_plain(ax.get_xlabel()), _plain(ax.get_ylabel())]
    return [m for m in found if m]


def test_every_figure_has_alt_text_in_word_and_on_the_web_page(figures):
    """Every figure of the report carries alternative text in both: the same text, its own sentence first."""
    report, shown, word, web = figures
    # the status, prevalence, comparisons' and models' figures in both studies (disclosure round 74 withheld the
    # 30-council study's comparisons whole, so no forest was drawn; round 75 publishes 6 of their 18 rows again)
    names = [f.name for f in shown]
    assert {"status_by_wave", "prevalence_heatmap", "comparisons_forest", "intervention_effects"} <= set(names), names
    assert len(word) == len(shown)
    for figure, descr in zip(shown, word, strict=True):
        assert descr and web[figure.name] == descr, figure.name
        assert descr.startswith(_plain(report.vocabulary.prose(figure.alt_text))[:40]), figure.name


def test_alt_text_names_each_figure_s_measure(figures):
    """The measure on each axis and colour bar of every figure is named in its alternative text (main named the
    measure of none of the bar charts: "Councils", "Participants who said it hindered (left) or helped (right)")."""
    _, shown, word, _ = figures
    missing = [(f.name, m) for f, descr in zip(shown, word, strict=True) for m in _drawn_measures(f) if m not in descr]
    assert not missing, missing


def test_heat_map_alt_text_names_its_impacts_and_waves(figures):
    """The heat map's alternative text names each impact of the report's table of the same shares (its rows) and each
    wave it draws (its column groups); main's said "rows are impacts" of every study."""
    report, shown, word, _ = figures
    heat = {f.name: d for f, d in zip(shown, word, strict=True)}.get("prevalence_heatmap")
    assert heat is not None
    table = next(t for t in report.tables if t.name == "prevalence")
    frame = table_display(table, report.vocabulary)
    impacts = set(frame.iloc[:, 0].astype(str))
    assert len(impacts) >= 3
    for impact in impacts:
        assert _plain(impact) in heat, (impact, heat)
    waves = set(frame.iloc[:, 1].astype(str)) if "wave" in str(frame.columns[1]).lower() else set()
    assert waves, list(frame.columns)
    for wave in waves:  # (the map names each wave short, its time after the review left to the table)
        assert _plain(wave).split(" (")[0] in heat.split("grouped under")[1], (wave, heat)


# --------------------------------------------------------------------------- headings broken inside a unit
#: Prepositions and conjunctions: a line breaks after them as well as after any word ("Credited to / another factor").
_LEADS_ON = {"to", "of", "in", "for", "by", "on", "at", "as", "per", "and", "or", "but"}


def _short(word: str) -> bool:
    return len(word) <= 3


def _broken_units(lines: list[list[str]]) -> list[str]:
    """Where a heading set on ``lines`` (each a list of words; a no-break space inside a word binds it) breaks a line
    inside a unit that reads as one: between a short word (three characters or fewer) that no comma, semicolon or
    colon closes, nor is a preposition or conjunction, and the longer word it qualifies ("new / leadership", "an /
    impact", "p / (Holm)"), or before a
    heading's short last word ("95% / CI", "Share reporting / it")."""
    plain = [[w for unit in line for w in unit.split("\u00a0") if w] for line in lines]
    plain = [line for line in plain if line]
    found = []
    for k, line in enumerate(plain[:-1]):
        a, b = line[-1], plain[k + 1][0]
        last = k + 1 == len(plain) - 1 and len(plain[k + 1]) == 1
        if (_short(a) and a.lower() not in _LEADS_ON and not a.endswith((",", ";", ":")) and not _short(b)) or (
                last and _short(b) and not a.endswith(":")):
            found.append(f"{' '.join(line)} / {' '.join(plain[k + 1])}")
    return found


@pytest.fixture(scope="module")
def vocabulary():
    """The report's own vocabulary (the tiny study's report): the labels every table of credits is headed by."""
    from conftest import tiny_analysed

    return report_of(tiny_analysed())[0].vocabulary


def test_word_headings_never_break_inside_a_unit(vocabulary):
    """Tables in the shapes of the example's credits (Table 10) and its shares by wave and status with their 95% CI
    (Table 6), generated with new seeds, as Word prints them (each heading wrapped in its cell in Arial bold, as
    LibreOffice wraps it): no heading breaks a line inside a unit ("new / leadership", "Statements / reporting / an
    / impact" and "95% / CI" on main), no unit is wider than its column (LibreOffice would break it mid-word), and no
    table is set smaller than 8 pt."""
    from test_report_render58 import _credits, _printed, _reported

    tables = [_credits(seed) for seed in (5931, 5932, 5933, 5934)] + [_reported(seed) for seed in (5935, 5936, 5937)]
    broken = []
    for table in _printed(tables, vocabulary):
        assert table["size"] >= 8
        for _, lines in table["heads"]:
            broken += _broken_units(lines)
    assert not broken, broken

