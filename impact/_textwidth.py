"""Text widths in Arial, from DejaVu Sans as bundled with matplotlib: the report's table layout
(:mod:`impact.report._layout`) and the heights of wrapped rows in every workbook the package writes (the report's
tables, the review and adjudication workbooks, :mod:`impact._xlsx`).

Every machine computes the same widths (the font ships with matplotlib), scaled so that no word is ever found
narrower than it prints.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = ["text_width", "arial_width", "excel_pixels", "wrapped_lines", "heading_units"]

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


#: Characters that end a paragraph, which the font's layout engine (raqm) refuses inside the text it measures
#: ("raqm_layout() failed": a review workbook of a segment holding an old Mac line end "\r" was not written). They
#: take no width on a line, and are measured as nothing.
_PARAGRAPH_ENDS = re.compile("[\n\r\x1c\x1d\x1e\x85\u2029]")


@lru_cache(maxsize=200_000)
def _width100(text: str, bold: bool) -> float:
    return float(_font(bold).getlength(_PARAGRAPH_ENDS.sub("", text)))


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


#: Characters beyond ASCII that Helvetica's metrics name (its AFM files are in Adobe's standard encoding, whose
#: codes 39 and 96 are the curly quotes).
_AFM_NAMES = {"'": "quotesingle", "`": "grave", "\u2013": "endash", "\u2014": "emdash", "\u2018": "quoteleft",
              "\u2019": "quoteright", "\u201c": "quotedblleft", "\u201d": "quotedblright", "\u2022": "bullet",
              "\u2026": "ellipsis", "\u00a0": "space", "\u00b7": "periodcentered", "\u00a3": "sterling",
              "\u00df": "germandbls", "\u00e6": "ae", "\u00c6": "AE", "\u00f8": "oslash", "\u00d8": "Oslash"}
@lru_cache(maxsize=2)
def _arial_units(bold: bool) -> dict[str, int]:
    """Arial's advance widths (thousandths of an em) by character: Helvetica's, which Arial and Liberation Sans share
    glyph for glyph, from the Adobe metrics (AFM) matplotlib ships."""
    import matplotlib

    path = Path(matplotlib.get_data_path()) / "fonts" / "afm" / ("phvb8a.afm" if bold else "phvr8a.afm")
    by_name: dict[str, int] = {}
    by_code: dict[int, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("C "):
            fields = dict(f.strip().split(" ", 1) for f in line.split(";") if f.strip())
            by_name[fields["N"]] = round(float(fields["WX"]))
            by_code[int(fields["C"])] = round(float(fields["WX"]))
    units = {chr(c): by_code[c] for c in range(32, 127) if c not in (39, 96) and c in by_code}
    units.update({ch: by_name[name] for ch, name in _AFM_NAMES.items() if name in by_name})
    return units


def _units(ch: str, bold: bool) -> float | None:
    """Arial's advance of one character (thousandths of an em); an accented letter's is its base letter's."""
    units = _arial_units(bold)
    got = units.get(ch)
    if got is None:
        base = unicodedata.normalize("NFD", ch)[:1]
        got = units.get(base) if base != ch else None
    return got


@lru_cache(maxsize=200_000)  # a pure function of its arguments; a report measures the same words often
def arial_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of one line of ``text`` in points in Arial (Liberation Sans) at ``size``, as LibreOffice sets it: Arial's
    own advance widths, without kerning.  A character Helvetica's metrics lack is reckoned at :func:`text_width`'s.

    Examples
    --------
    >>> round(arial_width("word", 10), 2)  # w 722, o 556, r 333, d 556 thousandths of an em
    21.67
    >>> arial_width("Ynys M\u00f4n", 10) == arial_width("Ynys Mon", 10)
    True
    """
    total = 0.0
    for ch in text:
        got = _units(ch, bold)
        total += got * size / 1000 if got is not None else text_width(ch, size, bold=bold)
    return total


@lru_cache(maxsize=200_000)  # a pure function of its arguments; a report measures the same words often
def excel_pixels(text: str, size: float, *, bold: bool = False) -> float:
    """Width of one line of ``text`` in pixels as Excel draws it in Arial at ``size`` points on a 96 dpi screen: an em
    of ``round(size * 96 / 72)`` pixels (13 at 10 pt, where a digit takes the 7 pixels of Excel's column unit) and
    each letter's advance rounded to whole pixels (at 13 px, "s" 6.5 takes 7, "t" 3.6 takes 4, "r" 4.3 takes 4).

    Examples
    --------
    >>> excel_pixels("0", 10), excel_pixels("word", 10)  # 556 -> 7.2; 722, 556, 333, 556 -> 9 + 7 + 4 + 7
    (7, 27)
    """
    em = math.floor(size * 96 / 72 + 0.5)
    total = 0
    for ch in text:
        got = _units(ch, bold)
        total += (math.floor(got * em / 1000 + 0.5) if got is not None
                  else math.ceil(text_width(ch, size, bold=bold) * 96 / 72))
    return total


#: Where a line may break: any white space but the no-break space, which binds the words either side of it into one
#: (a heading's short last word to the word before it, :func:`impact.report._layout.bound_heading`), as a browser,
#: Word and LibreOffice set it.
_BREAKS = re.compile(r"[^\S\u00a0]+")


def _words(text: str) -> list[str]:
    """The words of ``text`` a line may break between (a no-break space joins its neighbours into one).

    >>> _words("95%\u00a0CI and p")
    ['95%\xa0CI', 'and', 'p']
    """
    return [w for w in _BREAKS.split(text) if w]


#: A word of at most this many characters reads as one with a neighbour in a heading ("95% CI", "new leadership",
#: "an impact", "p (Holm)", "Share anticipating it"): :func:`heading_units` binds it.
SHORT_WORD = 3
#: The prepositions and conjunctions: each leads into the words after it, so a line breaks after one as after any
#: longer word ("Credited to / another factor", "Suppressed or / not available"), and a word before one does not
#: read as one with it ("a row per council" is not "row per", "under way before the review" not "way before";
#: render62). A closed class of English words, not phrases of the report.
_LEADS_ON = frozenset({
    "about", "above", "across", "after", "against", "along", "among", "and", "around", "as", "at", "because",
    "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "despite", "down",
    "during", "except", "for", "from", "if", "in", "inside", "into", "like", "near", "nor", "of", "off", "on", "onto",
    "or", "out", "outside", "over", "past", "per", "since", "than", "that", "though", "through", "till", "to",
    "toward", "towards", "under", "unless", "until", "unlike", "up", "upon", "versus", "via", "vs", "vs.", "when",
    "where", "whether", "while", "with", "within", "without"})
#: A word ending so closes its unit: the word after it starts another ("95% CI, / lower", "Not in intervention: / CI").
_CLOSES = (",", ";", ":")
#: A number, a share or a figure with its sign ("95%", "10,000", "2.5", "-3", "(95%"): it reads as one with the word
#: after it, its unit ("95% CI", "10,000 children"), whatever its length.
_NUMBER = re.compile(r"^[(\[]?[-+\u2212]?\d[\d,.]*%?$")


def heading_units(text: str) -> str:
    """Heading ``text`` with each short word (:data:`SHORT_WORD` characters or fewer) or number bound by a no-break
    space to the neighbour it reads as one with, so that Word breaks no line inside the pair: the last word to the
    word before it ("95% CI", "Share anticipating it"), any other to the word after it where that word ends its
    phrase, so that the two are the phrase ("new leadership", "an impact", "p (Holm)", a number and its unit: "about
    3 months after", "per 10,000 children)"). A word ends its phrase as the heading's last, at a comma, semicolon,
    colon or closing bracket, or before a preposition or conjunction or an opening bracket; a word before a longer
    phrase stays free ("the / odds ratios", not "the odds / ratios"). A preposition or conjunction binds to
    neither side: a line breaks after one as well as anywhere ("Credited to / another factor"), and the word before
    it does not read as one with it ("a row / per council", "under way / before the review"; render62). Never across
    a comma, semicolon or colon ("95% CI, / lower"), and never a third word onto a pair. A column is then at least
    as wide as each pair (:func:`_words` counts it as one word): Word printed "new / leadership"
    (:meth:`impact.report._docx._Writer.layout` binds a table's headings where the table keeps its plan).

    Examples
    --------
    >>> [heading_units(t).split(" ") for t in ("95% CI, lower", "Credited to new leadership", "p (Holm)")]
    [['95%\\xa0CI,', 'lower'], ['Credited', 'to', 'new\\xa0leadership'], ['p\\xa0(Holm)']]
    >>> heading_units("Credited to another factor"), heading_units("Share anticipating it\\nCI")
    ('Credited to another factor', 'Share anticipating\\xa0it\\nCI')
    >>> heading_units("Framework matrix with a row per council").split(" ")
    ['Framework', 'matrix', 'with', 'a\\xa0row', 'per', 'council']
    >>> heading_units("Councils not in intervention"), heading_units("ratio of the odds ratios")
    ('Councils not in intervention', 'ratio of the odds ratios')
    >>> heading_units("Rate (per 10,000 children)").split(" ")
    ['Rate', '(per', '10,000\\xa0children)']
    """
    return "\n".join(_line_units(line) for line in str(text).split("\n"))


def _line_units(line: str) -> str:
    parts = _BREAKS.split(line.strip())
    words = [w for w in parts if w]
    n = len(words)
    if n < 2:
        return line

    def short(word: str) -> bool:
        return len(word) <= SHORT_WORD and "\u00a0" not in word

    def leads_on(word: str) -> bool:
        return word.lower().strip("()[],;:") in _LEADS_ON

    def ends_phrase(i: int) -> bool:  # word i ends its phrase: the last, one closing it, or before one leading on
        return (i == n - 1 or words[i].endswith((*_CLOSES, ")", "]")) or leads_on(words[i + 1])
                or words[i + 1].startswith(("(", "[")))

    bound: set[int] = set()  # gap k joins words k and k + 1
    if short(words[-1]) and not words[-2].endswith(_CLOSES):
        bound.add(n - 2)
    for k in range(n - 2, -1, -1):
        if ((short(words[k]) or _NUMBER.match(words[k])) and not leads_on(words[k]) and not leads_on(words[k + 1])
                and ends_phrase(k + 1) and not words[k].endswith(_CLOSES) and not bound & {k - 1, k, k + 1}):
            bound.add(k)
    out = words[0]
    for k in range(1, n):
        out += ("\u00a0" if k - 1 in bound else " ") + words[k]
    return out


@lru_cache(maxsize=200_000)
def _longest_word(text: str, size: float, bold: bool, breakable: int | None = None) -> float:
    return max((text_width(w[:breakable] if breakable else w, size, bold=bold) for w in _words(text)), default=0.0)


@lru_cache(maxsize=200_000)
def _longest_line(text: str, size: float, bold: bool) -> float:
    return max((text_width(line.strip(), size, bold=bold) for line in text.split("\n")), default=0.0)


@lru_cache(maxsize=50_000)
def _word_widths(text: str, size: float, bold: bool, measure=None) -> tuple[float, tuple[tuple[float, ...], ...]]:
    """(the width of a space, each paragraph's words' widths) of ``text`` by ``measure`` (default :func:`text_width`):
    what :func:`wrapped_lines` reads, measured once for every width a table's layout tries."""
    measure = measure or text_width
    return (measure(" ", size, bold=bold),
            tuple(tuple(measure(word, size, bold=bold) for word in _words(paragraph)) for paragraph in text.split("\n")))


@lru_cache(maxsize=200_000)
def wrapped_lines(text: str, width: float, size: float, *, bold: bool = False, measure=None) -> int:
    """Lines ``text`` takes when wrapped at spaces into ``width`` points (greedy, like Word); ``measure``, a
    function like :func:`text_width` (the default), gives the widths.

    Examples
    --------
    >>> wrapped_lines("one two three", 1000, 10), wrapped_lines("one two three", text_width("one two", 10) + 1, 10)
    (1, 2)
    """
    space, paragraphs = _word_widths(text, size, bold, measure)
    total = 0
    for words in paragraphs:
        lines, used = 1, 0.0
        for w in words:
            if used and used + space + w > width:
                lines += 1
                used = w
            else:
                used = used + (space if used else 0.0) + w
            if w > width:  # a word wider than the column is broken: count the extra lines
                lines += math.ceil(w / max(width, 1.0)) - 1
        total += lines
    return total


def widest_line(text: str, width: float, size: float, *, bold: bool = False, measure=None) -> float:
    """The width of the widest line of ``text`` wrapped greedily at spaces into ``width`` (as :func:`wrapped_lines`
    wraps it; a word wider than ``width`` counts whole): how near its text comes to a column's far edge.

    >>> widest_line("one two three", 1000, 10) == text_width("one two three", 10)
    True
    >>> widest_line("one two three", text_width("one two", 10) + 1, 10) == text_width("one two", 10)
    True
    """
    space, paragraphs = _word_widths(text, size, bold, measure)
    widest = 0.0
    for words in paragraphs:
        used = 0.0
        for w in words:
            used = w if used and used + space + w > width else used + (space if used else 0.0) + w
            widest = max(widest, used)
    return widest
