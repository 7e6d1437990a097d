"""What the reader sees, round 54 (render54): printed web headings ending on one short word where no column could
give the room, and a table part printed portrait at three lines a row.

Looked at page by page (LibreOffice's PDFs of the Word report and the workbook, Chromium's of the web page, and the
page at 1280 and 390 px) for the example, a 6-council (synth seed 5406) and a 40-council study (seed 5440): the
printed web page's Table 6 read "Share / anticipating / it" (all three reports) and the 6-council study's Table 20
"95% / CI", where every other column was as narrow as its values allowed (round 53's mending takes room only where
no row gains a line); and the example's Table 15, part 2, printed portrait with every row on three lines, where a
landscape page sets them on one or two (the rule turned a part at more than three lines a row, not at three).

On the web page a heading's short last word is now bound to the word before it (a span that does not wrap), and the
layout counts the pair as one word; a table whose values are each on one line with room to spare gives that room to
its headings first (the example's Table 4 printed "Participants / not / interviewed" beside a wide wave column). The tables here are generated (seeded) in the shapes of those tables; the checks
read the page written and recompute the lines from Arial's widths word by word, and read Chromium's PDF (pdftotext
-bbox) where Chromium is installed (skipped, saying so, where not). The Word report printed no such heading
(LibreOffice's PDFs of the three reports: "95% CI" whole on one line in each), and is unchanged.
"""

from __future__ import annotations

import random
import re

import lxml.html
import pandas as pd
import pytest
from test_report_render_round52 import _lines as _printed_lines
from test_report_render_round53 import IMPACTS, PRINT, _printed_web

from impact._textwidth import arial_width
from impact.report import CI, Report, Section, Table, render_html

WAVES = ["Early impact (about 3 months after)", "Longer-term change (about 12 months after)"]
INDICATORS = ["Children in need (per 10,000 children)", "Children on a child protection plan (per 10,000 children)",
              "Referrals to children's social care (per 10,000 children)",
              "Re-referrals within 12 months (% of referrals)", "Social worker turnover (%)"]
SEEDS = (5401, 5402, 5403, 5404)


def _expectations(seed: int) -> Table:
    """The example's Table 6 in shape: impacts by status beside counts, a share and its interval."""
    rng = random.Random(seed)
    rows = []
    for impact in rng.sample(IMPACTS, 6):
        for status in ("Not in intervention", "In intervention"):
            n = rng.randint(20, 120)
            k = rng.randint(0, n)
            lo, hi = max(0, round(100 * k / n) - rng.randint(5, 15)), min(100, round(100 * k / n) + rng.randint(5, 25))
            rows.append({"impact": impact, "status": status, "n": n, "k": k, "share": f"{round(100 * k / n)}%",
                         "ci": f"{lo}% to {hi}%"})
    return Table(f"anticipated_{seed}", pd.DataFrame(rows), "Impacts anticipated before the review",
                 columns_format={"n": "int", "k": "int", "share": "text", "ci": "text"},
                 labels={"impact": "Impact", "status": "Intervention status", "n": "Participants interviewed",
                         "k": "Participants anticipating it", "share": "Share anticipating it", "ci": "95% CI"})


def _indicators_withheld(seed: int) -> Table:
    """The 6-council study's Table 20 in shape: indicators beside estimates not made ("–") and counts suppressed."""
    rng = random.Random(seed)
    cells = {key: [rng.choice(["–", "–", "c"]) for _ in INDICATORS] for key in ("e", "ci", "p", "rp", "rpa")}
    frame = pd.DataFrame({"indicator": INDICATORS, **cells, "n": ["c"] * 5, "m": [rng.choice(["c", "11", "19"])] * 5})
    return Table(f"indicators_{seed}", frame, "Change in each indicator after a council's first notice or direction",
                 columns_format={k: "text" for k in ("e", "ci", "p", "rp", "rpa", "n", "m")},
                 labels={"indicator": "Indicator", "e": "Average effect", "ci": "95% CI", "p": "p-value",
                         "rp": "Randomisation p", "rpa": "Randomisation p, adjusted",
                         "n": "Councils entering intervention", "m": "Councils never in intervention"})


def _change_by_status(seed: int) -> Table:
    """The example's Table 15, part 2, in shape: five impacts at each later wave (three lines a row in portrait: the
    waves' labels wrap so, and no impact wraps onto more) beside odds ratios, tests and their p-values under shared
    headings."""
    rng = random.Random(seed)
    rows = [{"impact": impact, "wave": wave, "lo": rng.uniform(0.1, 0.7), "hi": rng.uniform(1.4, 12), "p": rng.random(),
             "fit": "GEE", "groups": "at the wave", "dp": rng.random(), "dph": rng.random(),
             "differs": rng.choice(["no", "yes"]), "ratio": rng.uniform(0.4, 2.2), "wp": rng.random()}
            for impact in rng.sample(IMPACTS[1:], 5) for wave in WAVES]
    return Table(f"change_{seed}", pd.DataFrame(rows), "Change across the waves by intervention status",
                 columns_format={"impact": "text", "wave": "text", "ci": CI("lo", "hi", digits=2), "p": "p",
                                 "fit": "text", "groups": "text", "dp": "p", "dph": "p", "differs": "text",
                                 "ratio": "num:2", "wp": "p"},
                 labels={"impact": "Impact", "wave": "Wave", "ci": "In over not in intervention: CI",
                         "p": "In over not in intervention: p", "fit": "Fit", "groups": "Status groups",
                         "dp": "Differs by status: p", "dph": "Differs by status: p (Holm)",
                         "differs": "Change differs by status", "ratio": "Weighted: ratio of the odds ratios",
                         "wp": "Weighted: differs by status, p (Holm)"})


def _wrapped(pieces: list[str], inner: float, size: float) -> list[list[str]]:
    """``pieces`` (a heading's words, each kept whole) wrapped greedily into ``inner`` points of Arial bold."""
    lines: list[list[str]] = []
    for piece in pieces:
        if lines and arial_width(" ".join(lines[-1] + [piece]), size, bold=True) <= inner + 0.01:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return lines


def _ends_on_a_short_word(lines: list[list[str]]) -> bool:
    return len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-1][0]) <= 3


@pytest.fixture(scope="module")
def tables():
    return [make(seed) for seed in SEEDS for make in (_expectations, _indicators_withheld)]


# The printed web page ---------------------------------------------------------------------------------------------

def _print_widths(wrap) -> tuple[bool, list[float]]:
    """(landscape, each column's printed width in CSS px) of a table part, from its wrapper and its columns' shares."""
    landscape = "wide" in wrap.get("class").split()
    shares = [float(re.search(r"--print: ([0-9.]+)%", col.get("style")).group(1)) for col in wrap.iter("col")]
    page = PRINT["landscape" if landscape else "portrait"]
    return landscape, [page * s / sum(shares) for s in shares]


def _heading_pieces(th) -> list[str]:
    """A heading cell's words as the page lets them break: the text of a span that does not wrap is one piece."""
    pieces: list[str] = []
    for node in th.xpath("./node()"):
        if isinstance(node, str):
            pieces += node.split()
        else:
            pieces += [node.text_content()] if "nw" in (node.get("class") or "").split() else node.text_content().split()
    return pieces


def test_web_headings_never_end_on_a_short_word_at_print_size(tables):
    """Each heading of the web page (a table of one heading row), wrapped in its printed column's width at the printed
    type, keeping whole what the page keeps whole, does not end on one short word: on main the example's Table 6
    printed "Share / anticipating / it", every column then as narrow as its values allowed."""
    page = lxml.html.fromstring(render_html(Report("Study", "", {"study": "demo"}, [Section("Tables", tables)])))
    checked, lone = 0, []
    for wrap in page.xpath("//div[contains(@class, 'table-wrap')]"):
        _, widths = _print_widths(wrap)
        for th, width in zip(wrap.xpath(".//thead/tr/th"), widths, strict=True):
            lines = _wrapped(_heading_pieces(th), width - PRINT["pad"], PRINT["font"])
            checked += 1
            if _ends_on_a_short_word(lines):
                lone.append((th.text_content(), lines))
    assert lone == []
    assert checked == len(SEEDS) * (6 + 8)


def test_web_headings_print_without_a_short_word_alone(tables, tmp_path):
    """The same in Chromium's PDF of the page: no heading's last printed line is one short word, and "95% CI" prints
    on one line."""
    found = _printed_web(tables, tmp_path)
    lone, whole = [], 0
    for rows in found:
        for text, words in rows[0]:
            lines = _printed_lines(words)
            if _ends_on_a_short_word(lines):
                lone.append((text, lines))
            whole += text == "95% CI" and len(lines) == 1
    assert lone == []
    assert whole == len(SEEDS) * 2


def _portrait_lines(table: Table) -> tuple[float, float]:
    """Mean lines a body row of ``table`` takes printed portrait and landscape, recomputed here: the columns laid out
    at the printed sizes (fit_columns in Arial's widths), each cell wrapped word by word."""
    from impact.report._format import table_display
    from impact.report._layout import fit_columns

    frame = table_display(table)
    heads = [frame.attrs["labels"][c].split(": ", 1)[-1] for c in frame.columns]
    rows = [[str(v) for v in r] for r in frame.values.tolist()]
    numeric = [False, False] + [True, True, False, False, True, True, False, True, True]
    out = []
    for page in (PRINT["portrait"], PRINT["landscape"]):
        widths = fit_columns(heads, rows, page, size=PRINT["font"], padding=PRINT["pad"], nowrap=numeric,
                             measure=arial_width).widths
        out.append(sum(max(1 if numeric[j] else len(_plain_wrap(c, w - PRINT["pad"])) for j, (c, w) in
                           enumerate(zip(r, widths, strict=True))) for r in rows) / len(rows))
    return out[0], out[1]


def _plain_wrap(text: str, inner: float) -> list[list[str]]:
    lines: list[list[str]] = []
    for word in text.split():
        if lines and arial_width(" ".join(lines[-1] + [word]), PRINT["font"]) <= inner + 0.01:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


@pytest.mark.parametrize("seed", (5411, 5412, 5413))
def test_a_part_at_three_lines_a_row_prints_landscape(seed):
    """A table whose rows would print portrait at three lines each, and at a line or more fewer on a landscape page,
    prints landscape (its wrapper marked ``wide``): on main only above three lines a row (the example's Table 15,
    part 2, printed portrait at 3.0)."""
    table = _change_by_status(seed)
    upright, turned = _portrait_lines(table)
    assert upright >= 3.0 and turned <= upright - 1, (upright, turned)  # the case
    page = lxml.html.fromstring(render_html(Report("Study", "", {"study": "demo"}, [Section("Tables", [table])])))
    wraps = page.xpath("//div[contains(@class, 'table-wrap')]")
    assert len(wraps) == 1 and _print_widths(wraps[0])[0]


def test_a_part_at_three_lines_a_row_prints_on_fewer_lines(tmp_path):
    """Chromium's PDF: the tables of three seeds print on landscape pages, their rows on fewer lines than three."""
    tables = [_change_by_status(seed) for seed in (5411, 5412, 5413)]
    found = _printed_web(tables, tmp_path)
    for rows in found:
        body = rows[2:]  # (two heading rows: the shared parts over their columns)
        words = rows[0][0][1]
        assert words[0][1] > words[0][2]  # the page is wider than it is tall
        mean = sum(max(len(_printed_lines(w)) for _, w in r) for r in body) / len(body)
        assert mean <= 2.0, mean


def _attrition(seed: int) -> Table:
    """The example's Table 4 in shape: waves beside four counts under headings of two and three words."""
    rng = random.Random(seed)
    waves = ["Expectations before the review", *WAVES]
    frame = pd.DataFrame({"wave": waves, "ci": [rng.randint(5, 40) for _ in waves], "cn": [rng.randint(0, 5) for _ in waves],
                          "pi": [rng.randint(20, 200) for _ in waves], "pn": [rng.randint(0, 60) for _ in waves]})
    return Table(f"attrition_{seed}", frame, "Attrition: councils and participants not interviewed at a wave",
                 columns_format={k: "int" for k in ("ci", "cn", "pi", "pn")},
                 labels={"wave": "Wave", "ci": "Councils interviewed", "cn": "Councils not interviewed",
                         "pi": "Participants interviewed", "pn": "Participants not interviewed"})


ATTRITION_SEEDS = (5421, 5422, 5423)


def test_room_to_spare_goes_to_the_headings_first():
    """A table whose values are each on one line with room to spare (the example's Table 4) gives that room to its
    headings before the others: printed, each heading on at most two lines, every value on one (recomputed from the
    page's printed shares in Arial's widths); on main the wave column took its share by its width and "Participants
    / not / interviewed" printed on three lines."""
    tables = [_attrition(seed) for seed in ATTRITION_SEEDS]
    page = lxml.html.fromstring(render_html(Report("Study", "", {"study": "demo"}, [Section("Tables", tables)])))
    wraps = page.xpath("//div[contains(@class, 'table-wrap')]")
    assert len(wraps) == len(tables)
    for wrap in wraps:
        _, widths = _print_widths(wrap)
        heads = [_wrapped(_heading_pieces(th), w - PRINT["pad"], PRINT["font"])
                 for th, w in zip(wrap.xpath(".//thead/tr/th"), widths, strict=True)]
        assert max(len(lines) for lines in heads) <= 2, heads
        for tr in wrap.xpath(".//tbody/tr"):
            cells = [" ".join(c.text_content().split()) for c in tr.xpath("./th|./td")]
            assert all(len(_plain_wrap(c, w - PRINT["pad"])) == 1 for c, w in zip(cells, widths, strict=True))


def test_room_to_spare_goes_to_the_headings_first_printed(tmp_path):
    """The same in Chromium's PDF: every heading of those tables on at most two printed lines."""
    found = _printed_web([_attrition(seed) for seed in ATTRITION_SEEDS], tmp_path)
    tall = [(text, _printed_lines(words)) for rows in found for text, words in rows[0]
            if len(_printed_lines(words)) > 2]
    assert tall == []
    assert all(len(_printed_lines(words)) == 1 for rows in found for row in rows[1:] for _, words in row)
