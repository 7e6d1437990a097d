"""Names as a reader sees them: two file names that read as one (case, Unicode form, spaces at their ends, the dots
and spaces Windows takes off) or look the same (a letter of another script drawn like a Latin one, a full-width form,
a character that shows as nothing), and the characters that make them so, in words.  Used where the study folder's
names are checked (:mod:`impact.validate`, :mod:`impact.study`) and where a path given names nothing
(:func:`impact._io.relative_hint`)."""

from __future__ import annotations

import unicodedata

from . import schema

__all__: list[str] = []


def _lookalikes_told(name: str) -> str:
    """The characters of ``name`` drawn like others (:func:`_looks_form`), the first three named with where they are
    and what they look like: "U+0420 CYRILLIC CAPITAL LETTER ER at character 1, which looks like 'P'"."""
    odd = [ch for ch in dict.fromkeys(name) if _odd(ch)]

    def like(ch: str) -> str:
        if _unseen(ch):
            return "which shows as nothing"
        return f"which looks like {schema._LOOKALIKES.get(ch) or unicodedata.normalize('NFKC', ch)!r}"

    return "; ".join(f"{schema._char_name(ch)} at character {name.index(ch) + 1}, {like(ch)}" for ch in odd[:3])


def _odd(ch: str) -> bool:
    """Whether ``ch`` is drawn like another character: a letter of another script drawn like a Latin one, a
    compatibility form (a full-width letter or stop, a no-break space), or a character that shows as nothing."""
    return ch in schema._LOOKALIKES or not ch.isascii() and (unicodedata.normalize("NFKC", ch) != ch
                                                             or schema._is_hidden(ch))


def _unseen(ch: str) -> bool:
    """Whether ``ch`` shows as nothing: a zero-width space, a joiner, a direction mark (a space shows as one)."""
    return schema._is_hidden(ch) and unicodedata.category(ch) != "Zs"


def _looks_form(name: str) -> str:
    """A file name as :func:`_name_form` reads it once letters drawn like Latin ones (Cyrillic, Greek) are read as
    Latin, compatibility forms (full-width letters and stops, a no-break space) as the plain ones and characters that
    show as nothing (a zero-width space) are left out: names equal in this form look the same on screen."""
    return _name_form(unicodedata.normalize("NFKC", "".join(schema._LOOKALIKES.get(ch, ch) for ch in name
                                                            if not _unseen(ch))))


def _twins(one: str, other: str) -> bool:
    """Whether two names read as one (:func:`_name_form`: case, Unicode form, spaces at their ends; and as Windows
    reads them, the dots and spaces at their ends taken off: 'P2-early.txt.') or look the same (:func:`_looks_form`: a
    letter of another script drawn like a Latin one, a character that shows as nothing)."""
    ends = [_windows_form(n) for n in (one, other)]
    return any(form(ends[0]) == form(ends[1]) for form in (_name_form, _looks_form))


def _end_said(name: str) -> str:
    """The dots and spaces at the end of ``name`` that Windows takes off, in words: 'a dot', '2 spaces', 'a dot and a
    space'."""
    tail = name[len(_windows_form(name)):]
    return " and ".join(("a " + what) if n == 1 else f"{n} {what}s" for what, n in (("dot", tail.count(".")),
                                                                                  ("space", tail.count(" "))) if n)


def _windows_form(name: str) -> str:
    """``name`` as Windows makes it: the dots and spaces at its end taken off ('P2-early.txt. ' -> 'P2-early.txt')."""
    return name.rstrip(". ") or name


def _name_form(name: str) -> str:
    """A file name as a reader sees it: accented letters in one Unicode form (NFC), any case, no spaces at its ends or
    before its extension (no-break spaces too: a name typed or pasted with a space after it looks the same)."""
    stem, dot, ext = unicodedata.normalize("NFC", name).strip().rpartition(".")
    return (f"{stem.strip()}.{ext.strip()}" if dot else ext).casefold()
