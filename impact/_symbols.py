"""The character a Word symbol (``w:sym``: Insert > Symbol) stands for (private).

Word writes a character picked from a symbol font as ``<w:sym w:font="Symbol" w:char="F0B3"/>``: the font's own
code, offset into Unicode's private use area (U+F000 + the code), not the character.  The Symbol font's codes are
mapped here to the characters they show (the Adobe Symbol encoding, as Unicode's mapping of it gives them: 0xB3
is '≥', 0x61 'α'); a code given in a font that is no symbol font is the Unicode character itself
(``w:font="Arial" w:char="2013"`` is '–').  A code of another symbol font (Wingdings, Webdings: pictures, most of
which Unicode has no one character for) maps to nothing: :func:`symbol_char` returns None.

Examples
--------
>>> symbol_char("Symbol", "F0B3"), symbol_char("Symbol", "61"), symbol_char("Arial", "2013")
('≥', 'α', '–')
>>> symbol_char("Wingdings", "F04A") is None, symbol_char("Symbol", "zz") is None
(True, True)
"""

from __future__ import annotations

__all__ = ["symbol_char"]

#: The Symbol font's codes 0x20-0x7E (where they differ from ASCII: Greek letters and a few signs) and 0xA0-0xFE,
#: after the Adobe Symbol encoding (Unicode's mapping; the Euro at 0xA0 as Windows' Symbol font has it).  A space
#: stands for a code the font leaves empty.
_LOW = dict(zip(b'"$\'*-@ABCDEFGHIJKLMNOPQRSTUVWXYZ\\^`abcdefghijklmnopqrstuvwxyz~',
                "\u2200\u2203\u220b\u2217\u2212\u2245ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ\u2234\u22a5\u203e"
                "αβχδεφγηιϕκλμνοπθρστυϖωξψζ\u223c", strict=True))
_HIGH = ("€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊⟨®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪ ⟩∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭")

#: Fonts whose codes are pictures or signs, not Unicode characters (a code under 0x100 in one is no Latin letter).
_SYMBOL_FONTS = ("symbol", "wingdings", "webdings", "marlett", "mt extra", "zapf dingbats", "zapfdingbats")


def symbol_char(font: str | None, code: str | None) -> str | None:
    """The character ``code`` (``w:char``, hexadecimal) of ``font`` (``w:font``) stands for, or None where it
    stands for none that is known (a code of a symbol font other than Symbol, an unreadable or unused code)."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return None
    name = " ".join((font or "").split()).casefold()
    symbolic = 0xF000 <= value <= 0xF0FF or (value < 0x100 and name.startswith(_SYMBOL_FONTS))
    if not symbolic:
        return chr(value) if 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else None
    if name != "symbol":
        return None
    value &= 0xFF
    if 0x20 <= value <= 0x7E:
        return _LOW.get(value, chr(value))
    if 0xA0 <= value <= 0xFE and _HIGH[value - 0xA0] != " ":
        return _HIGH[value - 0xA0]
    return None
