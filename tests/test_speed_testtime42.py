"""A table's layout for Word measures each cell's words once and tries only the widths it can keep (testtime42).

``_fewest_lines`` moved room between a table's columns trying, for each column, every width at which one of its
cells could wrap differently, every cell wrapped at each, and kept only the first four at which a cell took a line
fewer; ``wrapped_lines`` measured every word of a text again at each width. On the captured layouts of four runs
(the example, 6-, 10- and 24-council studies: 199 tables) the widths are the same and the layout takes a tenth of
the CPU (bench/layout_testtime42.py). These tests hold the work to what is used, the lines to an independent greedy
wrapping, and 60 of those tables to the widths integ75 gave them (tests/data/layouts_testtime42.json).
"""

from __future__ import annotations

import random

from impact._textwidth import arial_width, text_width, widest_line, wrapped_lines
from impact.report import _layout

_MEASURED: list[str] = []


def _counting(text: str, size: float, *, bold: bool = False) -> float:
    """Arial's width, each call recorded (a module-level function: the layout's caches key on it)."""
    _MEASURED.append(text)
    return arial_width(text, size, bold=bold)


def _greedy_lines(text: str, width: float, size: float) -> int:
    """Lines of ``text`` wrapped greedily at spaces into ``width`` points, each line measured whole (its words and
    the spaces between them, as Word adds them up); a word wider than the line takes as many lines as it needs."""
    total = 0
    for paragraph in text.split("\n"):
        lines, line = 1, ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if line and sum(arial_width(w, size) for w in trial.split(" ")) + arial_width(" ", size) * (
                    len(trial.split(" ")) - 1) > width:
                lines += 1
                line = word
            else:
                line = trial
            w = arial_width(word, size)
            if w > width:
                lines += -(-w // max(width, 1.0)) - 1
        total += lines
    return int(total)


def test_wrapped_lines_measures_each_word_once_whatever_the_widths():
    text = "Revision of policies, processes and systems after the review\nNot in intervention"
    words = text.split()
    widths = [40 + 3.7 * k for k in range(30)]
    _MEASURED.clear()
    got = [wrapped_lines(text, w, 9.0, measure=_counting) for w in widths]
    # each word once, and the space once: not once a width (30 x 13 before)
    assert sorted(_MEASURED) == sorted([*words, " "])
    assert got == [_greedy_lines(text, w, 9.0) for w in widths]
    # the widest line reads the same measures
    _MEASURED.clear()
    assert [widest_line(text, w, 9.0, measure=_counting) for w in widths] == [
        widest_line(text, w, 9.0, measure=arial_width) for w in widths]
    assert _MEASURED == []  # measured once above


def test_wrapped_lines_agrees_with_a_greedy_wrapping_on_random_text():
    rng = random.Random(42)
    vocabulary = ["a", "of", "the", "council", "safeguarding", "partnership", "95%", "CI", "(Holm)", "intervention",
                  "re-referrals", "Ynys", "M\u00f4n", "x" * 40]
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 14)))
        if rng.random() < 0.3:
            text = text.replace(" ", "\n", 1)
        width = rng.uniform(20, 300)
        size = rng.choice([8.0, 9.0, 10.0])
        assert wrapped_lines(text, width, size, measure=arial_width) == _greedy_lines(text, width, size), (text, width)


def test_fewest_lines_tries_only_the_first_widths_at_which_a_column_gains():
    """A column of long impacts beside a column of labels, in too little room: of the many widths at which one of
    the impacts wraps differently, the layout wraps the column at those it reads (the first few that save a line and
    the trials made of them), not at every one."""
    rng = random.Random(7)
    words = ["revision", "of", "policies", "processes", "and", "systems", "after", "the", "review", "more",
             "multi-agency", "training", "for", "practitioners", "across", "partners", "new", "leadership"]
    impacts = [" ".join(rng.choice(words) for _ in range(rng.randint(8, 16))) for _ in range(40)]
    labels = [rng.choice(["Not in intervention", "In intervention", "All councils"]) for _ in impacts]
    rows = [[a, b] for a, b in zip(impacts, labels, strict=True)]
    seen: dict[str, set[float]] = {}
    real = _layout.wrapped_lines

    def counted(text, width, size, **kwargs):
        seen.setdefault(text, set()).add(round(width, 3))
        return real(text, width, size, **kwargs)

    _layout.wrapped_lines = counted
    try:
        plan = _layout.fit_columns(["Impact", "Status"], rows, 260.0, size=9.0, measure=arial_width)
    finally:
        _layout.wrapped_lines = real
    assert plan.fits
    # every width at which an impact could wrap differently: the runs of consecutive words of each, in points
    candidates = {round(w + 0.01, 3) for text in impacts for w in _layout._runs(text, 9.0, False, arial_width)}
    tried = set().union(*(seen.get(text, set()) for text in impacts))
    assert len(candidates) > 1000
    # before: every candidate wider than the column's width was tried (1,000 and more); now a few passes' worth
    assert len(tried) < 200, len(tried)


def test_text_width_default_unchanged_by_the_measures_kept():
    # wrapped_lines without a measure still measures by text_width (never underestimating)
    text = "Share anticipating it"
    assert wrapped_lines(text, text_width(text, 10) + 0.01, 10) == 1
    assert wrapped_lines(text, text_width("Share anticipating", 10) + 0.01, 10) == 2


def test_recorded_layouts_keep_the_widths_they_had():
    """60 Word tables whose layout moved room between columns, recorded from runs of the example and of generated
    studies on integ75 (tests/data/layouts_testtime42.json): the same widths, to the last bit. A layout that kept the
    last four widths that save a line instead of the first four gives other widths for 40 of 199 recorded tables."""
    import json
    from pathlib import Path

    recorded = json.loads((Path(__file__).parent / "data" / "layouts_testtime42.json").read_text(encoding="utf-8"))
    layouts = recorded["layouts"]
    assert len(layouts) == 60
    for i, t in enumerate(layouts):
        spanning = [(tuple(cols), text) for cols, text in t["spanning"]]
        got = _layout._fewest_lines(t["headers"], t["columns"], t["widths"], t["minimum"], t["size"], t["padding"],
                                    arial_width, t["nowrap"], spanning)
        assert got == t["integ75"], (i, t["headers"])
