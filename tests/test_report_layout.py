"""Tests for impact.report._layout: table widths from content."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact.report._layout import (
    fit_columns,
    split_columns,
    table_height,
    text_width,
    wrapped_lines,
)

LIBERATION = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation")]
WORDS = ("Increased commitment and drive to improve safeguarding Affirmation enhancement partnership working "
         "Longer-term change (about 12 months after) Hodges-Lehmann Benjamini-Hochberg 0.123 12% 1,500 <0.001 "
         "(SHA-256) e2a2645484bb47e785857f10147acc9fd21bb6b832d19d17 WWWWWW mmmmmm iiiiii Ynys Môn").split()


@pytest.mark.parametrize("bold", [False, True])
def test_widths_are_never_narrower_than_arial(bold):
    """The estimate (from DejaVu Sans) is at least the width of Liberation Sans, which has Arial's metrics."""
    from PIL import ImageFont

    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    found = next((d / name for d in LIBERATION if (d / name).is_file()), None)
    if found is None:
        pytest.skip("Liberation Sans not installed (fonts-liberation) - Arial metrics not checked")
    arial = ImageFont.truetype(str(found), 100)
    for word in WORDS:
        assert text_width(word, 10, bold=bold) >= arial.getlength(word) / 10, word
        assert text_width(word, 10, bold=bold) <= arial.getlength(word) / 10 * 1.35, word  # and not far wider


def test_columns_hold_their_longest_word_and_fill_the_width():
    headers = ["Impact", "Wave", "Participants reporting it", "p-value"]
    rows = [["Affirmation and enhancement of partnership working", "Longer-term change (about 12 months after)",
             "17", "0.012"], ["Staff morale", "Early impact", "1,500", "<0.001"]]
    plan = fit_columns(headers, rows, 400, size=9, padding=10, nowrap=[False, False, True, True])
    assert plan.fits and plan.total == pytest.approx(400)
    for j in range(4):
        cells = [r[j] for r in rows]
        longest = max(text_width(w, 9) for c in cells for w in ([c] if j >= 2 else c.split()))
        head = max(text_width(w, 9, bold=True) for w in headers[j].split())
        assert plan.widths[j] >= max(longest, head) + 10 - 1e-9
    # Every cell then wraps only at spaces: no cell needs more lines than it has words.
    for r in rows:
        for j, cell in enumerate(r):
            assert wrapped_lines(cell, plan.widths[j] - 10, 9) <= len(cell.split())


def test_a_table_too_wide_is_split_repeating_its_key_column():
    headers = ["Impact"] + [f"Measure {k}" for k in range(12)]
    rows = [["Staff morale"] + ["123,456.78"] * 12]
    plan = fit_columns(headers, rows, 500, size=9, nowrap=[False] + [True] * 12)
    assert not plan.fits
    parts = split_columns(plan.minimum, 500, key_columns=1)
    assert all(p[0] == 0 for p in parts) and sorted({j for p in parts for j in p}) == list(range(13))
    assert all(sum(plan.minimum[j] for j in p) <= 500 for p in parts)
    assert len(parts) == -(-(sum(plan.minimum) - plan.minimum[0]) // (500 - plan.minimum[0])) or len(parts) >= 2


def test_table_height_grows_with_wrapping():
    one = table_height(["A", "B"], [["short", "x"]] * 20, [200, 50], size=9)
    wrapped = table_height(["A", "B"], [["a much longer cell " * 6, "x"]] * 20, [200, 50], size=9)
    assert wrapped > 2 * one
    assert wrapped_lines("a\nb", 100, 9) == 2


def test_a_split_table_repeats_every_column_its_rows_need_to_be_told_apart():
    """Rows of one impact at three waves: a part showing only the impact would print three rows alike (it did, for
    the comparisons by intervention status on the example study). Checked through both renderers' planning."""
    from impact.report._html import _table_layout
    from impact.report._layout import identifying_columns

    headers = ["Impact", "Wave"] + [f"Measure {k}" for k in range(14)]
    rows = [[impact, wave] + ["123,456.78"] * 14 for impact in ("Staff morale", "Partnership working")
            for wave in ("Expectations before the review", "Early impact", "Longer-term change")]
    numeric = [False, False] + [True] * 14
    density, parts = _table_layout(headers, rows, numeric, 1)
    assert len(parts) > 1
    for part in parts:
        shown = {tuple(r[j] for j in part if not numeric[j]) for r in rows}
        assert len(shown) == len(rows), part
    # Rows the first column already tells apart repeat only it; an explicit minimum is kept.
    assert identifying_columns([r[:1] + r[2:] for r in rows[::3]], [False] + [True] * 14) == 1
    assert identifying_columns(rows, numeric, 2) == 2
    # Never more than the leading text columns, even when they leave rows alike.
    assert identifying_columns([["a", "1"], ["a", "2"]], [False, True]) == 1


def test_a_split_leaves_no_part_of_one_column_where_the_columns_can_share_the_parts():
    # Before, the greedy split filled the first part and left the last column a part (a page) of its own: the
    # credits table printed as eleven columns, then one.
    widths = [60] + [20] * 12
    parts = split_columns(widths, 290, key_columns=1)  # 11 columns fit beside the key, not 12
    assert len(parts) == 2 and [len(p) - 1 for p in parts] == [6, 6]
    assert all(sum(widths[j] for j in p) <= 290 for p in parts)
    assert [j for p in parts for j in p[1:]] == list(range(1, 13))  # every column once, in order


def test_a_column_too_wide_for_any_part_keeps_a_part_of_its_own():
    widths = [60, 20, 20, 500, 20]
    parts = split_columns(widths, 200, key_columns=1)
    assert [3] in [p[1:] for p in parts] and all(p[0] == 0 for p in parts)
