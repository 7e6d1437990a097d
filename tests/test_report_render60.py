"""What the reader sees, round 60 (render60): one width estimate, units kept whole on the web page, long rows.

Word chose a table's type size and orientation on an older estimate of its columns' widths (DejaVu Sans scaled never
to underestimate, 12 pt of padding), then wrote it with other widths (Arial's own, as LibreOffice prints, the room
moved by :func:`impact.report._layout._fewest_lines`): a table was weighed on lines it did not print on. Every layout
Word now weighs is measured as the table prints. The web page kept only a heading's short last word with the word
before it ("95% CI"), and broke "new / leadership" and "Statements reporting an / impact" where Word keeps them whole
(:func:`impact._textwidth.heading_units`). A table of quotes (the example's Table 23: three quotes a cell) printed in
portrait at 6.5 lines a row where a landscape page takes two off.

The tables are generated with seeds the project had not used, in the shapes of the example's table of credits
(Table 10), its shares by wave and status (Table 6) and its matrix of quotes (Table 23).
"""

from __future__ import annotations

import io
import random
import re
import zipfile

import lxml.html
import pandas as pd
import pytest
from lxml import etree
from test_report_render57 import _arial_wrap, _text
from test_report_render58 import _credits, _reported

from impact._textwidth import arial_width, heading_units
from impact.report import Report, Section, Table, _docx, _layout, render_docx, render_html
from impact.report._format import header_groups, table_display

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEEDS = (6061, 6062, 6063, 6064)


@pytest.fixture(scope="module")
def vocabulary():
    """The report's own vocabulary (the tiny study's report): the labels every table of credits is headed by."""
    from conftest import report_of, tiny_analysed

    return report_of(tiny_analysed())[0].vocabulary


def _report(tables, vocabulary) -> Report:
    return Report("Study", "", {"study": "demo"}, [Section("Tables", list(tables))], vocabulary=vocabulary)


def test_word_weighs_every_layout_as_it_prints(monkeypatch, vocabulary):
    """Every column layout the Word renderer weighs (type size, orientation, parts, a table turned to join a landscape
    run) is measured by Arial's own widths, the measure its written widths and :func:`_layout._fewest_lines` use; on
    main the size and orientation were weighed on the older estimate (no measure) and the table written with other
    widths."""
    measures = []
    real = _docx.fit_columns

    def recorded(*args, **kwargs):
        measures.append(kwargs.get("measure"))
        return real(*args, **kwargs)

    monkeypatch.setattr(_docx, "fit_columns", recorded)
    tables = [_credits(seed) for seed in SEEDS] + [_reported(seed) for seed in SEEDS] + [_quotes(s) for s in SEEDS]
    render_docx(_report(tables, vocabulary))
    assert measures
    assert all(m is arial_width for m in measures), sorted({getattr(m, "__name__", str(m)) for m in measures})


def _web_heads(page: str) -> list[str]:
    """Each heading cell of the web ``page``'s tables, its no-wrap spans' spaces read as no-break spaces (a browser
    breaks no line inside them)."""
    found = []
    for th in lxml.html.fromstring(page).iter("th"):
        for span in th.iter("span"):
            if "nw" in (span.get("class") or "").split():
                span.text = (span.text or "").replace(" ", "\u00a0")
        found.append(re.sub(r"[^\S\u00a0]+", " ", th.text_content()).strip())
    return [h for h in found if h]


@pytest.mark.parametrize("seed", SEEDS)
def test_web_page_keeps_every_heading_unit_whole(seed, vocabulary):
    """Every unit of a heading that Word keeps whole ("95% CI", "new leadership", "an impact", "Share reporting it")
    is kept whole on the web page, screen and print alike (a span that does not wrap): main bound only a heading's
    short last word, and the printed page read "new / leadership"."""
    tables = [_credits(seed), _reported(seed)]
    page = render_html(_report(tables, vocabulary))
    heads = _web_heads(page)
    want = set()
    for table in tables:
        frame = table_display(table, vocabulary)
        labels = [frame.attrs["labels"][c] for c in frame.columns]
        groups = header_groups(labels)
        texts = [*(labels if groups is None else [*groups[1], *(t for t, _, grouped in groups[0] if grouped)])]
        for text in texts:
            want |= {unit for unit in heading_units(text).split(" ") if "\u00a0" in unit}
    assert want  # (the shapes have units: "new leadership", "95% CI", "Share reporting it")
    shown = {unit for head in heads for unit in head.split(" ")}
    missing = sorted(u.replace("\u00a0", " ") for u in want if u not in shown and not any(u in s for s in shown))
    assert not missing, missing


_THEMES = ["Outcomes", "Vision, strategy and leadership", "Working together and the LSCB",
           "Service delivery and effective practice", "Managing resources"]
_WORDS = ("board lead member partners staff review peers team leader meeting framework plan action challenge "
          "sessions quarterly feedback practice improvement safeguarding managers frontline workers audit "
          "supervision caseloads thresholds referrals partnership training").split()


def _quote(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(5, 12))
    return "\u201c" + " ".join(words).capitalize() + ".\u201d"


def _quotes(seed: int) -> Table:
    """The example's Table 23 in shape: four review themes, the quotes of councils in intervention at some wave and of
    those never in intervention, three a cell after the count of councils (main printed these in portrait at 5.75 to
    6.5 lines a row)."""
    rng = random.Random(seed)
    rows = [{"theme": theme, **{side: f"{rng.randint(3, 30)} councils: " + "; ".join(_quote(rng) for _ in range(3))
                                 for side in ("yes", "no")}}
            for theme in rng.sample(_THEMES, 4)]
    return Table(f"quotes_{seed}", pd.DataFrame(rows), "What councils said of each theme",
                 labels={"theme": "Review theme", "yes": "In intervention at some wave",
                         "no": "Not in intervention at any wave"})


def _word_table(table: Table, vocabulary) -> tuple[float, list[float], list[list[str]]]:
    """(type size, column widths, rows' cells) of ``table`` as a Word report of its own writes it."""
    data = render_docx(_report([table], vocabulary))
    tbl = next(etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).iter(_W + "tbl"))
    widths = [int(g.get(_W + "w")) / 20 for g in tbl.iter(_W + "gridCol")]
    size = int(next(tbl.iter(_W + "sz")).get(_W + "val")) / 2
    rows = [[_text(tc) for tc in tr.findall(_W + "tc")] for tr in tbl.findall(_W + "tr")]
    return size, widths, [r for r in rows[1:] if len(r) == len(widths)]


def _lines_a_row(rows: list[list[str]], widths: list[float], size: float) -> float:
    inner = [w - 2 * _docx._CELL_MARGIN for w in widths]
    return sum(max(len(_arial_wrap(c, w, size, False)) for c, w in zip(r, inner, strict=True)) for r in rows) / len(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_rows_of_quotes_print_on_the_page_that_takes_a_line_a_row_off(seed, vocabulary):
    """A table of quotes whose rows print on three lines or more in portrait (as wrapped here, in Arial, in portrait
    widths laid out as the renderer lays them out) is set on a landscape page where that takes a line a row or more
    off: main kept the example's Table 23 in portrait at 6.5 lines a row (5.75 by its own reckoning)."""
    table = _quotes(seed)
    size, widths, rows = _word_table(table, vocabulary)
    printed = _lines_a_row(rows, widths, size)
    writer_page = _docx.A4[0] - 2 * _docx._MARGIN_MM
    portrait_width = writer_page / 25.4 * 72
    heads = [table.labels[c] for c in table.data.columns]
    upright = _layout.fit_columns(heads, rows, portrait_width, size=size, padding=_docx._CELL_PADDING,
                                  measure=arial_width).widths
    upright_lines = _lines_a_row(rows, list(upright), size)
    assert upright_lines >= 3  # (the shape's premise: quotes wrap onto many lines in portrait)
    assert printed <= upright_lines - 1, (printed, upright_lines, widths)
