"""Table layout from content: text widths, column widths, orientation and splits.

Word and the web page both lay out a table from what is in it, the way a
careful typesetter would: every column at least as wide as its longest word
(so no word is ever broken across lines inside a cell), the remaining width
shared out in proportion to how much each column would gain, and a table too
wide for the page either turned to landscape (Word), set smaller, or split
into parts that repeat its key columns.

Widths are those of Arial (the font of the Word report and the workbook;
Liberation Sans has the same metrics), estimated from DejaVu Sans as bundled
with matplotlib, so every machine computes the same layout, scaled so that
no word is ever found narrower than it prints (:mod:`impact._textwidth`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from .._textwidth import _longest_line, _longest_word, _words, text_width, wrapped_lines

#: A function measuring one line of text, like :func:`text_width`: ``measure(text, size, bold=...)`` in points.
Measure = Callable[..., float]

__all__ = ["text_width", "ColumnPlan", "fit_columns", "split_columns", "wrapped_lines", "table_height", "mean_lines",
           "breaks_a_word", "column_needs_kept", "bound_heading", "mend_breaks"]

#: Each column's needs measured in one rendering (:func:`column_needs_kept`); None outside one.
_NEEDS: ContextVar[dict | None] = ContextVar("column_needs", default=None)


@contextmanager
def column_needs_kept() -> Iterator[None]:
    """Within the block, :func:`fit_columns` measures each column (its heading and cells, at a type size, padding and
    measure) once: the web page lays a table out for the screen and again for print, the Word report for portrait,
    landscape and its final widths, each measuring the same column's text again (testtime29). Kept by the block
    only, as :func:`impact.report._format.display_frames_kept` keeps the display frames."""
    token = _NEEDS.set({})
    try:
        yield
    finally:
        _NEEDS.reset(token)


@dataclass(frozen=True)
class ColumnPlan:
    """Widths (points) of a table's columns, and whether they fit the width they were given."""

    widths: tuple[float, ...]
    fits: bool
    minimum: tuple[float, ...]
    natural: tuple[float, ...]

    @property
    def total(self) -> float:
        return float(sum(self.widths))


def _word_width(text: str, size: float, bold: bool, breakable: int | None, measure: Measure | None) -> float:
    """The widest word of ``text`` (its first ``breakable`` characters only) by ``measure`` (default
    :func:`text_width`)."""
    if measure is None:
        return _longest_word(text, size, bold, breakable)
    return max((measure(w[:breakable] if breakable else w, size, bold=bold) for w in _words(text)), default=0.0)


def _line_width(text: str, size: float, bold: bool, measure: Measure | None) -> float:
    """The widest line of ``text`` by ``measure`` (default :func:`text_width`)."""
    if measure is None:
        return _longest_line(text, size, bold)
    return max((measure(line.strip(), size, bold=bold) for line in text.split("\n")), default=0.0)


def _column_needs(header: str, cells: Sequence[str], size: float, padding: float, nowrap: bool,
                  breakable: int | None = None, measure: Measure | None = None) -> tuple[float, float, float]:
    """(minimum, body, natural) width of one column: ``body`` is what its values need to be on one line each (their
    longest line, at least the minimum), ``natural`` what its heading wants besides. With ``breakable``, a word longer
    than that many characters (a hash, a path) counts towards the minimum only with its first ``breakable``
    characters: the renderer breaks it."""
    head_min = _word_width(header, size, True, None, measure)
    head_full = _line_width(header, size, True, measure)
    cell_min = max((_line_width(c, size, False, measure) if nowrap else _word_width(c, size, False, breakable, measure)
                    for c in cells), default=0.0)
    cell_full = max((_line_width(c, size, False, measure) for c in cells), default=0.0)
    minimum = max(head_min, cell_min) + padding
    # A heading may wrap onto two or three lines rather than widen a column of short values.
    natural = max(cell_full, head_min, min(head_full, max(cell_full, head_full / 3))) + padding
    return minimum, max(cell_full + padding, minimum), max(natural, minimum)


def _kept_needs(kept: dict, header: str, cells: tuple[str, ...], size: float, padding: float, nowrap: bool,
                breakable: int | None, measure: Measure | None) -> tuple[float, float, float]:
    """:func:`_column_needs` of a column, from ``kept`` where this rendering has measured it already."""
    key = (header, cells, size, padding, nowrap, breakable, measure)
    found = kept.get(key)
    if found is None:
        found = kept[key] = _column_needs(header, cells, size, padding, nowrap, breakable, measure)
    return found


def fit_columns(headers: Sequence[str], rows: Sequence[Sequence[str]], available: float, *, size: float,
                padding: float = 8.0, nowrap: Sequence[bool] | None = None, fill: bool = True,
                breakable: int | None = None, spanning: Sequence[tuple[Sequence[int], str]] = (),
                measure: Measure | None = None, headings_first: bool = False) -> ColumnPlan:
    """Column widths for a table in ``available`` points.

    Each column gets at least its longest word (its longest value where
    ``nowrap``); if the natural widths (longest lines) fit, columns get them
    (stretched to fill the width when ``fill``); otherwise the room left after
    the minimums goes to each column in proportion to what it would gain.
    With ``breakable`` (for a renderer that breaks a word too wide for its
    cell, as Word does in a fixed-layout table), a word longer than that many
    characters sets no more of a column's minimum than its first
    ``breakable`` characters: one 64-character hash no longer squeezes the
    column beside it to a word a line. ``spanning``: (columns, text) of a
    heading set in one cell over those columns (a shared part over the
    headings below it, or over one column alone in a part of a split table):
    together they are at least as wide as its longest word (bold), the room
    they lack shared out evenly (a shared part's long word broke mid-word
    over narrow columns of counts). ``measure``: how wide a line of text prints (default :func:`text_width`, which
    never underestimates; Word's layout passes Arial's own widths, :func:`impact._textwidth.arial_width`).
    Where the widths are measured by ``measure`` (as they print) and the table lacks room, room is then moved
    between columns where the table prints on fewer lines (:func:`_fewest_lines`).
    ``headings_first``: where every column's values fit on one line each with room to spare, the room goes first to
    the headings wrapped onto more lines than one, by what each would gain, up to its heading on one line, and only
    then to every column by its width (the web page: a landscape page printed "Change / differs / by / status" and
    "p / (Holm)" beside columns of impacts wider than their longest value).

    Examples
    --------
    >>> plan = fit_columns(["Impact", "n"], [["Promotion of learning and reflective practice", "12"]], 200, size=9)
    >>> plan.fits, round(plan.total), plan.widths[0] > plan.widths[1]
    (True, 200, True)
    >>> fit_columns(["A"] * 3, [["Incomprehensibilities"] * 3], 100, size=9).fits
    False
    >>> [round(w) for w in fit_columns(["n", "x", "y"], [["1", "2", "3"]], 300, size=9, fill=False).widths]
    [14, 13, 13]
    >>> [round(w) for w in fit_columns(["n", "x", "y"], [["1", "2", "3"]], 300, size=9, fill=False,
    ...                                  spanning=[([1, 2], "Representativeness")]).widths]
    [14, 49, 49]
    """
    n = len(headers)
    nowrap = list(nowrap) if nowrap is not None else [False] * n
    columns = list(zip(*rows, strict=True)) if rows else [()] * n
    kept = _NEEDS.get()
    needs = [_column_needs(str(h), [str(c) for c in col], size, padding, nw, breakable, measure) if kept is None
             else _kept_needs(kept, str(h), tuple(str(c) for c in col), size, padding, bool(nw), breakable, measure)
             for h, col, nw in zip(headers, columns, nowrap, strict=True)]
    minimum = [m for m, _, _ in needs]
    body = [b for _, b, _ in needs]
    natural = [x for _, _, x in needs]
    for cols, text in spanning:
        short = _word_width(str(text), size, True, None, measure) + padding - sum(minimum[j] for j in cols)
        for j in cols if short > 0 else ():
            minimum[j] += short / len(cols)
            body[j], natural[j] = max(body[j], minimum[j]), max(natural[j], minimum[j])
    if sum(natural) <= available:
        widths = natural
        if fill and sum(natural) > 0:
            if headings_first:
                # every value is on one line already: the room to spare shortens the headings first, but for a
                # hundredth of the width, shared by width, that keeps each value clear of its column's edge whatever
                # the rounding of the columns' shares (_html._shares: to a tenth of a per cent)
                full = [max(x, _line_width(str(h), size, True, measure) + padding)
                        for x, h in zip(natural, headers, strict=True)]
                widths = _share(list(natural), full, max(0.0, available * 0.99 - sum(natural)),
                                [f - x for x, f in zip(natural, full, strict=True)])
            scale = available / sum(widths)
            widths = [w * scale for w in widths]
        widths = _no_lone_word(headers, columns, widths, minimum, size, padding, measure, nowrap)
        return ColumnPlan(tuple(widths), True, tuple(minimum), tuple(natural))
    if sum(minimum) <= available:
        # A column whose longest line fits in an equal share of the width (a label beside a long description) gets
        # it whole first, where the others keep their minimums: shared in proportion to what each would gain, the
        # room went almost all to the long column, and the short one wrapped a word a line ("About this report",
        # its items four lines high beside a value column of paragraphs).
        # A column counts as short where nearly all its values do (_MOSTLY_SHORT): one long item ("Parameters: random
        # reassignments per randomisation test of an indicator (...)") kept "About this report"'s item column from
        # counting, and its other items wrapped, a word a line, beside the values; the long ones wrap in its width.
        share = available / n
        start = [body[i] if body[i] <= share else max(minimum[i], _mostly_within(columns[i], share - padding, size,
                                                                               measure) + padding) for i in range(n)]
        if sum(start) > available:
            start = minimum
        # The room goes first to the values (every row gains a line a column's values no longer wrap), then to the
        # headings (one row): shared by what each would gain, a dozen headings of figures ("Credited to another
        # programme") took the room their one row wanted from the impact beside them, four lines a row.
        widths = _share(start, body, available - sum(start), [b - s for s, b in zip(start, body, strict=True)])
        widths = _share(widths, natural, available - sum(widths), [x - w for w, x in zip(widths, natural, strict=True)])
        widths = _no_lone_word(headers, columns, widths, minimum, size, padding, measure, nowrap)
        # (after the headings are mended: the room they took is theirs, as no heading is newly at fault; and only
        # where the widths are measured as they print: Word weighs its type size and orientation by the estimate's
        # layout, and moved there, the estimate chose 8 pt or portrait for tables that printed taller at either)
        if measure is not None:
            widths = _fewest_lines(headers, columns, widths, minimum, size, padding, measure, nowrap, spanning)
        return ColumnPlan(tuple(widths), True, tuple(minimum), tuple(natural))
    return ColumnPlan(tuple(minimum), False, tuple(minimum), tuple(natural))


#: Tables with more rows than this keep the widths shared by what each column would gain (:func:`_fewest_lines` weighs
#: every row's lines for each way of moving room, and a long table's rows are seldom alike enough to gain).
_FEWEST_LINES_ROWS = 120
#: Widths tried for each column in one pass of :func:`_fewest_lines`: the least few at which one of its cells takes a
#: line fewer.
_FEWEST_LINES_TRIES = 4


def _fewest_lines(headers: Sequence[str], columns, widths: list[float], minimum: Sequence[float], size: float,
                  padding: float, measure: Measure | None = None, nowrap: Sequence[bool] = (),
                  spanning: Sequence[tuple[Sequence[int], str]] = ()) -> list[float]:
    """``widths`` with room moved between columns where the table then prints on fewer lines: its heading row's lines
    (its headings' short words bound where that mends them, :func:`mend_breaks`) and each row's tallest cell summed.
    The room a table lacks was shared by how much width each column would gain, not by how many lines: a column of
    short labels ("Not in intervention", on most rows) wrapped "Not in / intervention" beside impacts that wrapped
    anyway, two lines a row on seven rows of twelve, to keep a few long impacts on fewer lines (a 6-council study's
    Table 6, expectations by status). A column is widened to the least width at which one of its cells takes a line
    fewer, or a heading at fault (:func:`_heading_fault`) to the least width that mends it, the room taken from the
    others (down to their minimums) by their room to spare, or from one of them, where the table then prints on no
    more lines with no heading newly at fault, and on fewer lines or with fewer headings at fault; the move leaving the
    fewest lines is made (then the fewest headings at fault, then the least room moved), and again, until none is
    left. A heading at fault is so mended where a heading row shorter by a line pays for a row taller by one.

    A heading's part said once over several columns (``spanning``) is a line or more above their own headings: the
    heading row's lines count it, and it is widened as a column is, the room it takes shared evenly by its columns (a
    table of credits printed "Credited to / another / factor" over its count and share, the heading row five lines
    high where two would do)."""
    n = len(widths)
    rows = len(columns[0]) if n and columns else 0
    if n < 2 or not rows or rows > _FEWEST_LINES_ROWS:
        return list(widths)
    cells = [[str(c) for c in col] for col in columns]
    inner = [w - padding for w in widths]
    least = [m - padding for m in minimum]
    # Each column at each width (to the thousandth of a point) is measured at the first width asked for: its cells'
    # lines alone where only they are read (the widths tried below), its heading's when the heading is read too.
    first_width: dict[tuple[int, float], float] = {}
    bodies: dict[tuple[int, float], tuple[int, ...]] = {}
    kept: dict[tuple[int, float], tuple[int, tuple[int, ...], bool]] = {}

    def body_lines(k: int, width: float) -> tuple[int, ...]:
        """Each cell's lines of column ``k`` in ``width`` points of text."""
        key = (k, round(width, 3))
        if key not in bodies:
            width = first_width.setdefault(key, width)
            if k < len(nowrap) and nowrap[k]:
                bodies[key] = tuple(len(c.split("\n")) for c in cells[k])
            else:
                bodies[key] = tuple(wrapped_lines(c, width + 0.01, size, measure=measure) for c in cells[k])
        return bodies[key]

    def column(k: int, width: float) -> tuple[int, tuple[int, ...], bool]:
        """(heading lines, each cell's lines, heading at fault) of column ``k`` in ``width`` points of text."""
        key = (k, round(width, 3))
        if key not in kept:
            body = body_lines(k, width)
            width = first_width[key]
            kept[key] = (_mended_lines(str(headers[k]), width + 0.01, size, measure), body,
                         _heading_fault(headers[k], width + 0.01, size, measure))
        return kept[key]

    spans = [(list(cols), str(text)) for cols, text in spanning if len(cols) > 0]

    def span_width(cols: list[int], trial: list[float]) -> float:
        # the merged cell's text: its columns' widths and the padding between them
        return sum(trial[c] for c in cols) + padding * (len(cols) - 1)

    def score(trial: list[float]) -> tuple[int, frozenset]:
        found = [column(k, w) for k, w in enumerate(trial)]
        above = [0] * n
        faults = {k for k, (_, _, fault) in enumerate(found) if fault}
        for i, (cols, text) in enumerate(spans):
            width = span_width(cols, trial)
            lines = _mended_lines(text, width + 0.01, size, measure)
            for c in cols:
                above[c] = max(above[c], lines)
            if _heading_fault(text, width + 0.01, size, measure):
                faults.add(("span", i))
        head = max(h + a for (h, _, _), a in zip(found, above, strict=True))
        return head + sum(max(lines) for lines in zip(*(b for _, b, _ in found))), frozenset(faults)

    now = score(inner)
    for _ in range(2 * n):
        best = None
        # (columns widened, the width they take together): each column of wrapped text, and each spanning part
        wants: list[dict[int, float]] = []
        first: dict[int, float] = {}
        for j in range(n):
            if j < len(nowrap) and nowrap[j]:
                continue
            have = column(j, inner[j])[1]
            # the least widths at which a cell of the column takes a line fewer (the first few: no more are tried)
            tries = sorted({w + 0.01 for c in cells[j] for w in _runs(c, size, False, measure) if w > inner[j] + 0.005})
            wider = _first(_FEWEST_LINES_TRIES, (w for w in tries if any(
                a < b for a, b in zip(body_lines(j, w), have, strict=True))))
            wants += [{j: target - inner[j]} for target in wider]
            if wider:
                first[j] = wider[0] - inner[j]
        # two columns of text widened together, each to the least width at which one of its cells takes a line fewer:
        # where a row's two tallest cells are in both (impacts beside waves, three lines each: the example's Table 11),
        # neither widened alone takes a line off it (render60)
        wants += [{j: first[j], k: first[k]} for j in first for k in first if j < k]
        for j in range(n):
            # a heading at fault, at the least width that mends it
            if column(j, inner[j])[2]:
                target = next((w + 0.01 for w in _runs(str(headers[j]), size, True, measure)
                               if w > inner[j] + 0.005 and not column(j, w + 0.01)[2]), None)
                wants += [{j: target - inner[j]}] if target is not None else []
        for cols, text in spans:
            width = span_width(cols, inner)
            have = _mended_lines(text, width + 0.01, size, measure)
            wider = _first(_FEWEST_LINES_TRIES, (w + 0.01 for w in _runs(text, size, True, measure)
                                                 if w > width + 0.005 and _mended_lines(text, w + 0.01, size, measure) < have))
            wants += [{c: (target - width) / len(cols) for c in cols} for target in wider]
        for want in wants:
            more = sum(want.values())
            spare = {k: inner[k] - least[k] for k in range(n) if k not in want and inner[k] - least[k] > 1e-6}
            room = sum(spare.values())
            ways = [{k: more * s / room for k, s in spare.items()}] if room >= more else []
            ways += [{k: more} for k, s in spare.items() if s >= more]
            for way in ways:
                trial = [w - way.get(k, 0.0) + want.get(k, 0.0) for k, w in enumerate(inner)]
                found = score(trial)
                # no more lines and no heading newly at fault, and fewer lines or fewer headings at fault; the fewest
                # lines, then the fewest headings at fault, then the least room moved
                rank = (found[0], len(found[1]), more)
                if found[0] <= now[0] and found[1] <= now[1] and (found[0] < now[0] or found[1] < now[1]) and (
                        best is None or rank < best[0]):
                    best = (rank, found, trial)
        if best is None:
            break
        _, now, inner = best
    return [w + padding for w in inner]


def _first(n: int, found: Iterator) -> list:
    """The first ``n`` items ``found`` gives, the rest never computed."""
    return list(islice(found, n))


#: A heading's last word of at most this many characters is short whatever its column's width ("CI" under "95%",
#: "p" under "Randomisation"): alone on the heading's last line it reads as a word dropped, not a heading wrapped.
_SHORT_WORD = 3


def bound_heading(text: str) -> str:
    """Heading ``text`` with its last word bound to the word before it by a no-break space where that word is short
    (_SHORT_WORD characters or fewer), on each of its lines: "95% CI", "Share anticipating it" and "Randomisation p"
    never end on a line of their last word alone. A column is then at least as wide as the pair (its minimum counts it
    as one word, :func:`impact._textwidth._words`), and the web page keeps the pair on one line (a span that does not
    wrap, :func:`impact.report._html._unbroken`): where the other columns had no room to give without their rows
    wrapping onto more lines, the printed page read "Share / anticipating / it" (the example's Table 6) and "95% / CI"
    (a 6-council study's Table 20).

    Examples
    --------
    >>> bound_heading("95% CI"), bound_heading("Share anticipating it"), bound_heading("p-value (not a finding)")
    ('95%\\xa0CI', 'Share anticipating\\xa0it', 'p-value (not a finding)')
    >>> bound_heading("CI"), bound_heading("Not in intervention: CI"), bound_heading("Not in\\nintervention it")
    ('CI', 'Not in intervention: CI', 'Not\\xa0in\\nintervention\\xa0it')
    """
    lines = []
    for line in str(text).split("\n"):
        head, space, last = line.rstrip().rpartition(" ")
        # (never after a shared part's colon: "Not in intervention: CI" is grouped by its ": ", header_groups)
        bind = space and head.strip() and not head.endswith(":") and len(last) <= _SHORT_WORD
        lines.append(f"{head}\u00a0{last}" if bind else line)
    return "\n".join(lines)


#: A column whose values all but this share at most fit on one line each in an equal share of the table's width
#: counts as short (:func:`fit_columns`).
_MOSTLY_SHORT = 0.9


def _mostly_within(cells: Sequence, room: float, size: float, measure: Measure | None) -> float:
    """The width (points of text) of the widest of ``cells`` (one line each) within ``room``, where those are at
    least _MOSTLY_SHORT of them, else 0."""
    lines = [_line_width(str(c), size, False, measure) for c in cells]
    within = [w for w in lines if w <= room]
    return max(within) if within and len(within) >= _MOSTLY_SHORT * len(lines) else 0.0


def _lone_word(text: str, inner: float, size: float, measure: Measure | None = None, *, bound: bool = True) -> bool:
    """Whether heading ``text`` (bold, on lines of its own where it holds none it was given), wrapped into ``inner``
    points with its short words bound where that mends it (:func:`mend_breaks`; not with ``bound=False``), has a line
    of one short word: its last line a third of the column or less ("it" under "Share / reporting"), or any line a
    word of _SHORT_WORD characters or fewer ("CI" under "95%", "p" over "(Holm)", "a" in "Credited to / a /
    restructure")."""
    if len(_words(text)) < 2 or "\n" in text:
        return False
    lines = _heading_wrap(mend_breaks(text, inner, size, measure) if bound else text, inner, size, measure)
    return _lone_lines(lines, inner, size, measure) > 0


def _heading_wrap(text: str, inner: float, size: float, measure: Measure | None) -> list[list[str]]:
    """The words of heading ``text`` (bold) on each line, wrapped greedily into ``inner`` points as
    :func:`wrapped_lines` wraps it (a no-break space keeps its neighbours on one line)."""
    width = measure or text_width
    space = width(" ", size, bold=True)
    lines: list[list[str]] = []
    used = 0.0
    for word in _words(text):
        w = width(word, size, bold=True)
        if lines and used + space + w <= inner:
            lines[-1].append(word)
            used += space + w
        else:
            lines.append([word])
            used = w
    return lines


def _is_short(word: str) -> bool:
    return len(word) <= _SHORT_WORD and "\u00a0" not in word


def _lone_lines(lines: list[list[str]], inner: float, size: float, measure: Measure | None) -> int:
    """How many of a wrapped heading's ``lines`` are one short word (:func:`_lone_word`)."""
    if len(lines) < 2:
        return 0
    width = measure or text_width
    lone = sum(len(line) == 1 and _is_short(line[0]) for line in lines)
    last = lines[-1]
    return lone + (len(last) == 1 and not _is_short(last[0]) and width(last[0], size, bold=True) <= inner / 3)


def mend_breaks(text: str, inner: float, size: float, measure: Measure | None = None) -> str:
    """Heading ``text`` with a short word (_SHORT_WORD characters or fewer) bound to the word before or after it by a
    no-break space where, wrapped greedily into ``inner`` points (bold), it would stand alone on a line: each bound
    pair fits the width, and the heading keeps its lines (the fewest lines of one short word, then the fewest lines,
    then the fewest pairs). "Credited to / a / restructure" reads "Credited / to a / restructure", "In over not / in /
    intervention" "In over / not in / intervention", "Change / differs / by / status" "Change / differs / by status";
    where no pair fits ("p / (Holm)" in a column narrower than "p (Holm)"), the text is unchanged, and the layout
    widens the column where the others can give the room (:func:`_no_lone_word`).

    Examples
    --------
    >>> inner = text_width("Credited to", 9, bold=True) + 1
    >>> mend_breaks("Credited to a restructure", inner, 9).split(" ")
    ['Credited', 'to\xa0a', 'restructure']
    >>> mend_breaks("Share reporting it", 1000, 9)
    'Share reporting it'
    """
    return _mend_breaks(str(text), round(float(inner), 2), float(size), measure)


@lru_cache(maxsize=50_000)
def _mend_breaks(text: str, inner: float, size: float, measure: Measure | None) -> str:
    if "\n" in text:
        return "\n".join(_mend_breaks(line, inner, size, measure) for line in text.split("\n"))
    words = _words(text)
    lines = _heading_wrap(text, inner, size, measure)
    if len(words) < 2 or _lone_lines(lines, inner, size, measure) == 0:
        return text
    width = measure or text_width
    short = [i for i, w in enumerate(words) if _is_short(w)][:6]
    best, best_score = text, (_lone_lines(lines, inner, size, measure), len(lines), 0)
    for choice in product((None, -1, 1), repeat=len(short)):
        gaps = {i - 1 if c < 0 else i for i, c in zip(short, choice, strict=True)
                if c is not None and 0 <= (i - 1 if c < 0 else i) < len(words) - 1}
        if not gaps:
            continue
        units, unit = [], words[0]
        for k in range(1, len(words)):
            if k - 1 in gaps:
                unit += "\u00a0" + words[k]
            else:
                units.append(unit)
                unit = words[k]
        units.append(unit)
        if any("\u00a0" in u and width(u, size, bold=True) > inner for u in units):
            continue  # a pair wider than the column would be broken, or widen it
        candidate = " ".join(units)
        wrapped = _heading_wrap(candidate, inner, size, measure)
        score = (_lone_lines(wrapped, inner, size, measure), len(wrapped), len(gaps))
        if score < best_score:
            best, best_score = candidate, score
    return best


def _mended(text: str, inner: float, size: float, least: float, measure: Measure | None = None) -> float | None:
    """The width (points of text) nearest ``inner`` at which heading ``text`` has no line of one short word
    (:func:`_lone_word`): narrower, no less than ``least``, on as many lines, where its breaks can be balanced
    ("Share / reporting it" rather than "Share reporting / it", "In over / not in / intervention"), the room going to
    the other columns; else ``inner`` itself where binding a short word to its neighbour mends it there
    (:func:`mend_breaks`: "Credited / to a / restructure"); else wider, on no more lines, its short words bound where
    that mends it; None where none is."""
    lines = wrapped_lines(text, inner, size, bold=True, measure=measure)
    # (a hundredth of a point over a run's width, so that the run fits on a line whatever the rounding)
    runs = [w + 0.01 for w in _runs(text, size, True, measure)]
    narrower = [w for w in runs if least <= w < inner and wrapped_lines(text, w, size, bold=True, measure=measure)
                <= lines and not _lone_word(text, w, size, measure, bound=False)]
    if narrower:
        return max(narrower)
    if not _lone_word(text, inner, size, measure):
        return inner
    lines = _mended_lines(text, inner, size, measure)
    return next((w for w in runs if w > inner and _mended_lines(text, w, size, measure) <= lines
                 and not _lone_word(text, w, size, measure)), None)


def _mended_lines(text: str, inner: float, size: float, measure: Measure | None = None) -> int:
    """Lines heading ``text`` takes wrapped into ``inner`` points, its short words bound where that mends it
    (:func:`mend_breaks`)."""
    return wrapped_lines(mend_breaks(text, inner, size, measure), inner, size, bold=True, measure=measure)


def _runs(text: str, size: float, bold: bool, measure: Measure | None = None) -> list[float]:
    """The widths of every run of consecutive words of each line of ``text``, least first: the widths at which its
    wrapping can change."""
    width = measure or text_width
    space = width(" ", size, bold=bold)
    found = set()
    for line in text.split("\n"):
        # measured as wrapped_lines measures a line: its words and the spaces between them
        widths = [width(w, size, bold=bold) for w in _words(line)]
        for a in range(len(widths)):
            run = -space
            for w in widths[a:]:
                run += space + w
                found.add(run)
    return sorted(found)


def _narrowest(text: str, inner: float, size: float, bold: bool, measure: Measure | None = None) -> float:
    """The least width (points of text) into which ``text`` wraps onto no more lines than into ``inner``."""
    lines = wrapped_lines(text, inner, size, bold=bold, measure=measure)
    runs = [w for w in _runs(text, size, bold, measure) if w <= inner]
    lo, hi = 0, len(runs)  # the first run width that keeps the lines (the widest does: the greedy wrapping's lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if wrapped_lines(text, runs[mid] + 0.01, size, bold=bold, measure=measure) <= lines:
            hi = mid
        else:
            lo = mid + 1
    return runs[lo] + 0.01 if lo < len(runs) else inner


def _no_lone_word(headers: Sequence[str], columns, widths: list[float], minimum: Sequence[float], size: float,
                  padding: float, measure: Measure | None = None, nowrap: Sequence[bool] = ()) -> list[float]:
    """``widths`` with a column whose heading ends on a line of one short word ("Share reporting it": "it" alone on a
    third line) made narrower where that balances its breaks on as many lines, the room going to the others by
    their widths, else as much wider as takes that line away, where the other columns can give the room without any of
    their cells (values and headings) wrapping onto more lines: each gives down to the least width that keeps every
    cell's lines (:func:`_narrowest`), never below its minimum. Rows keep their lines; a heading row loses one."""
    widths = list(widths)
    inner = [w - padding for w in widths]

    def slack(k: int) -> float:
        cells = {(str(c), False) for c in columns[k]} | {(str(headers[k]), True)}
        need = max(_narrowest(text, inner[k], size, bold, measure) for text, bold in cells)
        return max(0.0, min(inner[k] - need, widths[k] - minimum[k]))

    def lines(text: str, k: int, bold: bool) -> int:
        # a value kept on one line (``nowrap``) is one line a line of it, whatever the rounding of its column's width
        if not bold and k < len(nowrap) and nowrap[k]:
            return len(str(text).split("\n"))
        if bold:  # a heading's short words bound where that mends it, as it is written (mend_breaks)
            return _mended_lines(str(text), inner[k] + 0.01, size, measure)
        return wrapped_lines(str(text), inner[k] + 0.01, size, bold=bold, measure=measure)

    def within_rows(j: int, k: int) -> float:
        """The room column ``k`` gives where its cells may wrap onto more lines within their row's height as the
        other columns but ``j`` set it (its tallest cell elsewhere: "Revision of policies, processes and systems"
        onto two lines beside "Not in / intervention"), its heading within the heading row's, never onto a line of
        one short word, and never below its minimum: no row grows, and the heading row loses the line."""
        others = [c for c in range(len(widths)) if c != j]
        caps = [max(lines(row[c], c, False) for c in others) for row in zip(*columns)] if columns and len(
            columns[0]) else []
        head_cap = max(lines(headers[c], c, True) for c in others)
        cells = [(str(c), False, cap) for c, cap in zip(columns[k], caps, strict=True)]
        cells.append((str(headers[k]), True, head_cap))
        least = minimum[k] - padding
        candidates = sorted({w for text, bold, _ in cells for w in _runs(text, size, bold, measure)
                             if least <= w + 0.01 < inner[k]} | {least}, reverse=True)
        best = inner[k]
        for w in candidates:
            w = max(w + 0.01, least) if w != least else w
            if any((_mended_lines(text, w, size, measure) if bold else wrapped_lines(text, w, size, measure=measure))
                   > cap for text, bold, cap in cells):
                break
            if not _lone_word(str(headers[k]), w, size, measure):
                best = w
        return max(0.0, inner[k] - best)

    for j, header in enumerate(headers):
        wanted = _mended(str(header), inner[j], size, minimum[j] - padding, measure) if _lone_word(
            str(header), inner[j], size, measure, bound=False) else None
        if wanted is None or wanted == inner[j]:
            continue
        more = wanted - inner[j]
        if more < 0:  # balanced breaks in a narrower column: the room it gives goes to the others by their widths
            rest = sum(widths) - widths[j]
            for k in range(len(widths)):
                widths[k] += -more * widths[k] / rest if k != j and rest > 0 else 0.0
                inner[k] = widths[k] - padding
            widths[j] += more
            inner[j] += more
            continue
        # a heading that gains a line elsewhere is no gain: donors keep every cell's lines (slack), so none does
        spare = {k: slack(k) for k in range(len(widths)) if k != j}
        room = sum(spare.values())
        if room < more:
            spare = {k: within_rows(j, k) for k in range(len(widths)) if k != j}
            room = sum(spare.values())
        if room < more:
            continue
        for k, give in spare.items():
            taken = more * give / room
            widths[k] -= taken
            inner[k] -= taken
        widths[j] += more
        inner[j] += more
    return _no_taller(headers, columns, widths, minimum, size, padding, measure, nowrap)


def _heading_fault(text: str, inner: float, size: float, measure: Measure | None) -> bool:
    """Whether heading ``text``, its short words bound where that mends it (:func:`mend_breaks`) and wrapped into
    ``inner`` points (bold), has a line of one short word (:func:`_lone_word`) or is set about a word a line on three
    lines or more, fewer than _WORDS_A_LINE words a line ("Credited / to / funding", "Share / with / the cause / left
    / open")."""
    text = str(text)
    if len(_words(text)) < 2 or "\n" in text:
        return False
    lines = _heading_wrap(mend_breaks(text, inner, size, measure), inner, size, measure)
    words = sum(len(unit.split("\u00a0")) for line in lines for unit in line)
    return _lone_lines(lines, inner, size, measure) > 0 or (len(lines) >= 3 and words < _WORDS_A_LINE * len(lines))


#: A heading on three lines or more with fewer words than this a line is set a word a line (:func:`_heading_fault`).
_WORDS_A_LINE = 1.5


def _no_taller(headers: Sequence[str], columns, widths: list[float], minimum: Sequence[float], size: float,
               padding: float, measure: Measure | None = None, nowrap: Sequence[bool] = ()) -> list[float]:
    """``widths`` with a heading that keeps a line of one short word or is set a word a line (:func:`_heading_fault`)
    widened to the least width that mends it, where the other columns can give the room (down to their minimums) and
    the table grows no taller: its heading row's lines and its rows' lines (each row's tallest cell) summed, as the
    table prints, are no more than before, and fewer headings are at fault, none that was not. Where
    :func:`_no_lone_word` found no column that could give the room without a row wrapping onto more lines ("Credited
    / to / funding" beside impacts that wrap already, "Share / with / the / cause / left / open" under a heading row
    six lines high), a row may take a line where the heading row gives one back: the room is taken from the columns
    that cost the fewest lines, or from all of them by their room to spare, or from one."""
    widths = list(widths)
    n = len(widths)
    if n < 2:
        return widths
    cells = [[str(c) for c in col] for col in columns]

    def lines(inner: list[float]) -> int:
        head = max(_mended_lines(str(h), w + 0.01, size, measure) for h, w in zip(headers, inner, strict=True))
        rows = list(zip(*cells)) if cells and cells[0] else []
        return head + sum(max(len(c.split("\n")) if k < len(nowrap) and nowrap[k]
                              else wrapped_lines(c, inner[k] + 0.01, size, measure=measure)
                              for k, c in enumerate(row)) for row in rows)

    def worse(k: int, was: float, width: float) -> bool:
        """Whether heading ``k``, at fault in ``width``, is worse than in ``was``: more lines, or more of one short
        word ("Credited / to another / factor" narrowed to "Credited / to / another / factor")."""
        def state(w: float) -> tuple[int, int]:
            wrapped = _heading_wrap(mend_breaks(str(headers[k]), w + 0.01, size, measure), w + 0.01, size, measure)
            return _lone_lines(wrapped, w + 0.01, size, measure), len(wrapped)
        before, after = state(was), state(width)
        return after[0] > before[0] or after[1] > before[1]

    def faults(inner: list[float]) -> frozenset[int]:
        return frozenset(j for j, (h, w) in enumerate(zip(headers, inner, strict=True))
                         if _heading_fault(h, w + 0.01, size, measure))

    inner = [w - padding for w in widths]
    least = [m - padding for m in minimum]

    def cell_lines(k: int, text: str, width: float) -> int:
        if k < len(nowrap) and nowrap[k]:
            return len(text.split("\n"))
        return wrapped_lines(text, width + 0.01, size, measure=measure)

    def free(k: int, head_row: int) -> float:
        """The room column ``k`` gives with no row taller (each cell within its row's lines), its heading within
        the heading row's lines and no more at fault than it is."""
        rows = list(zip(*cells)) if cells and cells[0] else []
        caps = [max(cell_lines(c, v, inner[c]) for c, v in enumerate(row)) for row in rows]
        fault = _heading_fault(headers[k], inner[k] + 0.01, size, measure)
        best = inner[k]
        for w in sorted({x + 0.01 for text in [*cells[k], str(headers[k])]
                         for x in _runs(text, size, text == str(headers[k]), measure)
                         if least[k] <= x + 0.01 < inner[k]} | {least[k]}, reverse=True):
            if any(cell_lines(k, row[k], w) > cap for row, cap in zip(rows, caps, strict=True)) or _mended_lines(
                    str(headers[k]), w + 0.01, size, measure) > head_row or (
                    _heading_fault(headers[k], w + 0.01, size, measure) and not fault):
                break
            best = w
        return inner[k] - best

    at_fault = faults(inner)
    if not at_fault:
        return widths
    now = (at_fault, lines(inner))
    for _ in range(2 * n):
        if not now[0]:
            break
        # each heading at fault wants the least width that mends it; mended one at a time, or all at once (two
        # headings three lines high take the heading row's line only together)
        wants = {}
        for j in range(n):
            if _heading_fault(headers[j], inner[j] + 0.01, size, measure):
                target = next((w + 0.01 for w in _runs(str(headers[j]), size, True, measure)
                               if w > inner[j] + 0.005 and not _heading_fault(headers[j], w + 0.02, size, measure)), None)
                if target is not None:
                    wants[j] = target - inner[j]
        best = None
        head_row = max(_mended_lines(str(h), w + 0.01, size, measure) for h, w in zip(headers, inner, strict=True))
        for more in [{j: m} for j, m in wants.items()] + ([wants] if len(wants) > 1 else []):
            total = sum(more.values())
            spare = {k: inner[k] - least[k] for k in range(n) if k not in more and inner[k] - least[k] > 1e-6}
            ways = []
            for room_of in ({k: free(k, head_row) for k in spare}, spare):
                room = sum(room_of.values())
                if room >= total:
                    ways.append({k: total * s / room for k, s in room_of.items()})
            ways += [{k: total} for k, s in spare.items() if s >= total]
            for way in ways:
                trial = [w - way.get(k, 0.0) + more.get(k, 0.0) for k, w in enumerate(inner)]
                # fewer headings at fault, none newly nor worse, and the table no taller
                found = (faults(trial), lines(trial))
                score = (len(found[0]), found[1])
                if found[0] < now[0] and found[1] <= now[1] and not any(
                        worse(k, inner[k], trial[k]) for k in found[0]) and (best is None or score < best[0]):
                    best = (score, found, trial)
        if best is None:
            break
        _, now, inner = best
    return [w + padding for w in inner]


def breaks_a_word(text: str, width: float, *, size: float, padding: float = 0.0, measure: Measure | None = None) -> bool:
    """Whether a word of ``text`` (a 64-character fingerprint) is wider than a column of ``width`` points (``padding``
    off) at ``size``, so that the renderer would break it: a value so long goes on a row of its own across the table.

    Examples
    --------
    >>> breaks_a_word("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 250, size=9)
    True
    >>> breaks_a_word("Holm", 250, size=9), breaks_a_word("", 0, size=9)
    (False, False)
    """
    return _word_width(text, size, False, None, measure) > width - padding


def _share(minimum: list[float], natural: list[float], room: float, weights: list[float]) -> list[float]:
    """Give ``room`` out by ``weights``, never past a column's natural width (water filling)."""
    widths = list(minimum)
    active = [i for i in range(len(widths)) if natural[i] > widths[i] and weights[i] > 0]
    while room > 1e-6 and active:
        total = sum(weights[i] for i in active)
        done = []
        for i in active:
            give = room * weights[i] / total
            if widths[i] + give >= natural[i]:
                done.append(i)
        if not done:
            for i in active:
                widths[i] += room * weights[i] / total
            room = 0.0
            break
        for i in done:
            room -= natural[i] - widths[i]
            widths[i] = natural[i]
        active = [i for i in active if i not in done]
    return widths


def identifying_columns(rows: Sequence[Sequence[str]], numeric: Sequence[bool], at_least: int = 1, *,
                        at_most: int = 3) -> int:
    """How many leading columns a split table repeats so that each part's rows can be told apart.

    At least ``at_least``; more of the leading text (not numeric) columns, up to ``at_most``, while the ones
    so far leave two rows alike (an impact shown once per wave needs its wave beside it in every part).

    Examples
    --------
    >>> rows = [["Morale", "Early", "3"], ["Morale", "Later", "4"], ["Plans", "Early", "5"]]
    >>> identifying_columns(rows, [False, False, True])
    2
    >>> identifying_columns([["Morale", "3"], ["Plans", "4"]], [False, True])
    1
    """
    text = 0
    while text < len(numeric) and not numeric[text]:
        text += 1
    k = max(0, at_least)
    while k < min(at_most, text) and len({tuple(r[:k]) for r in rows}) < len(rows):
        k += 1
    return k


def split_columns(minimum: Sequence[float], available: float, *, key_columns: int = 1) -> list[list[int]]:
    """Split columns into parts that each fit ``available``, repeating the first ``key_columns``.

    Returns a list of column-index lists, in order; a single column wider
    than the room left beside the key columns gets a part of its own.  The key
    columns begin every part, even where they take more than half the room.

    Examples
    --------
    >>> split_columns([50, 40, 40, 40, 40], 140, key_columns=1)
    [[0, 1, 2], [0, 3, 4]]
    >>> split_columns([60, 50, 30, 30, 30], 150, key_columns=2)
    [[0, 1, 2], [0, 1, 3], [0, 1, 4]]
    """
    n = len(minimum)
    # Every key column is repeated, however wide: a part without one of them (the wave of an impact shown once per
    # wave) has rows that cannot be told apart, their labels in part 1 and their figures in part 2.
    keys = list(range(min(key_columns, n)))
    key_width = sum(minimum[i] for i in keys)
    parts: list[list[int]] = []
    current: list[int] = []
    used = key_width
    for j in range(len(keys), n):
        if current and used + minimum[j] > available:
            parts.append(keys + current)
            current, used = [], key_width
        current.append(j)
        used += minimum[j]
    if current or not parts:
        parts.append(keys + current)
    balanced = _balanced(parts, keys, minimum)
    # (a column too wide for any part makes the widest part wider than the room: then the others could be too)
    return balanced if all(sum(minimum[j] for j in part) <= available for part in balanced) else parts


def _balanced(parts: list[list[int]], keys: list[int], minimum: Sequence[float]) -> list[list[int]]:
    """The same columns in as many parts as the greedy split made, the breaks placed so that the widest part is as
    narrow as it can be: a greedy split fills each part and can leave the last one a single column on a page of its
    own (a table of credits printed as eleven columns, then one). The widest part is no wider than the greedy split's
    widest (:func:`split_columns` keeps the greedy split where that one is a column too wide for any part).

    >>> _balanced([[0, 1, 2, 3], [0, 4]], [0], [50, 30, 30, 30, 30])
    [[0, 1, 2], [0, 3, 4]]
    """
    k = len(parts)
    cols = [j for part in parts for j in part if j not in keys]
    if k < 2 or len(cols) < k:
        return parts
    widths = [minimum[j] for j in cols]
    n = len(cols)
    # best[m][i]: the narrowest widest part splitting the first i columns into m parts (contiguous, each non-empty)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    cut = [[0] * (n + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for m in range(1, k + 1):
        for i in range(m, n + 1):
            width = 0.0
            for start in range(i - 1, m - 2, -1):
                width += widths[start]
                score = max(best[m - 1][start], width)
                if score < best[m][i]:
                    best[m][i], cut[m][i] = score, start
    bounds, i = [], n
    for m in range(k, 0, -1):
        bounds.append((cut[m][i], i))
        i = cut[m][i]
    return [keys + cols[a:b] for a, b in reversed(bounds)]


def table_height(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], *, size: float,
                 padding: float = 8.0, line: float = 1.2, row_padding: float = 3.0,
                 measure: Measure | None = None) -> float:
    """Estimated height (points) of a table with these column widths.

    Examples
    --------
    >>> short = table_height(["A"], [["word"]] * 10, [200], size=9)
    >>> tall = table_height(["A"], [["word " * 40]] * 10, [200], size=9)
    >>> tall > 3 * short
    True
    """
    inner = [max(w - padding, 1.0) for w in widths]

    def row_height(cells: Sequence[str], bold: bool) -> float:
        lines = max((wrapped_lines(str(c), w, size, bold=bold, measure=measure) for c, w in zip(cells, inner, strict=True)),
                    default=1)
        return lines * size * line + row_padding

    return row_height(headers, True) + sum(row_height(r, False) for r in rows)


def mean_lines(rows: Sequence[Sequence[str]], widths: Sequence[float], *, size: float, padding: float = 8.0,
               measure: Measure | None = None) -> float:
    """Average number of lines of a body row (its tallest cell) with these column widths.

    Examples
    --------
    >>> mean_lines([["one line", "x"], ["word " * 30, "x"]], [100, 30], size=9) > 2
    True
    """
    if not rows:
        return 1.0
    inner = [max(w - padding, 1.0) for w in widths]
    return sum(max((wrapped_lines(str(c), w, size, measure=measure) for c, w in zip(r, inner, strict=True)), default=1)
               for r in rows) / len(rows)
