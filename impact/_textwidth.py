"""Text widths in Arial, from DejaVu Sans as bundled with matplotlib: the report's table layout
(:mod:`impact.report._layout`) and the heights of wrapped rows in every workbook the package writes (the report's
tables, the review and adjudication workbooks, :mod:`impact._xlsx`).

Every machine computes the same widths (the font ships with matplotlib), scaled so that no word is ever found
narrower than it prints.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

__all__ = ["text_width", "wrapped_lines"]

#: Arial (Liberation Sans) is narrower than DejaVu Sans: at most 0.955 (regular) and 0.893 (bold) of its width
#: over the words of the example study's report, 0.88 and 0.84 in the median; these factors never underestimate.
_ARIAL_PER_DEJAVU = {False: 0.96, True: 0.90}


@lru_cache(maxsize=4)
def _font(bold: bool):
    """DejaVu Sans as bundled with matplotlib: the same metrics on every machine, so the same report bytes."""
    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name), 100)


@lru_cache(maxsize=200_000)
def _width100(text: str, bold: bool) -> float:
    return float(_font(bold).getlength(text))


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of one line of ``text`` in points at font ``size`` (points), in Arial, never underestimated.

    Examples
    --------
    >>> text_width("Holm", 10) < text_width("Benjamini-Hochberg", 10)
    True
    >>> round(text_width("", 10), 1)
    0.0
    """
    return _width100(text, bold) * size / 100 * _ARIAL_PER_DEJAVU[bold]


def _words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def _longest_word(text: str, size: float, bold: bool, breakable: int | None = None) -> float:
    return max((text_width(w[:breakable] if breakable else w, size, bold=bold) for w in _words(text)), default=0.0)


def _longest_line(text: str, size: float, bold: bool) -> float:
    return max((text_width(line.strip(), size, bold=bold) for line in text.split("\n")), default=0.0)


def wrapped_lines(text: str, width: float, size: float, *, bold: bool = False) -> int:
    """Lines ``text`` takes when wrapped at spaces into ``width`` points (greedy, like Word).

    Examples
    --------
    >>> wrapped_lines("one two three", 1000, 10), wrapped_lines("one two three", text_width("one two", 10) + 1, 10)
    (1, 2)
    """
    space = text_width(" ", size, bold=bold)
    total = 0
    for paragraph in text.split("\n") or [""]:
        lines, used = 1, 0.0
        for word in _words(paragraph):
            w = text_width(word, size, bold=bold)
            if used and used + space + w > width:
                lines += 1
                used = w
            else:
                used = used + (space if used else 0.0) + w
            if w > width:  # a word wider than the column is broken: count the extra lines
                lines += math.ceil(w / max(width, 1.0)) - 1
        total += lines
    return total
