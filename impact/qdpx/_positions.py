"""How a REFI-QDA file counted its text positions, decided from the selections themselves.

The standard counts characters (code points) of the source text as stored.
Real files differ: NVivo counts UTF-16 code units (an emoji counts two); tools
that read text with universal newlines count a CRLF line end as one
character; tools that keep a byte-order mark count it as a character; a tool
that stored a text with Windows line ends counts each line end of a text
stored with LF as two.  Each
way of counting (a :class:`Counting`) maps the file's positions into the
text; the way under which the fewest selection ends fall inside a word,
between the CR and LF of a line end, inside a surrogate pair or outside the
text is the one the file was written with.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import numpy as np

from .._words import _counted, _verb
from ..errors import InputError

__all__ = ["Counting", "PositionResult", "convert_positions", "utf16_offsets"]

#: Above this share of selection ends inside words or line ends, no way of counting "fits".
MISFIT_SHARE = 0.10


@dataclass(frozen=True, order=True)
class Counting:
    """One way of counting positions: UTF-16 units or not, CRLF as one or not, BOM counted or not, LF as two (a
    CRLF) or not."""

    utf16: bool = False
    crlf_one: bool = False
    bom: bool = False
    lf_two: bool = False

    def describe(self) -> str:
        parts = ["UTF-16 code units" if self.utf16 else "characters (code points)"]
        if self.crlf_one:
            parts.append("a CRLF line end counted as one character")
        if self.lf_two:
            parts.append("each line end counted as two characters (CRLF, as Windows writes it)")
        if self.bom:
            parts.append("the byte-order mark counted as a character")
        return ", ".join(parts)


@dataclass
class PositionResult:
    """What :func:`convert_positions` decided: the counting, issues and warnings to report."""

    counting: Counting | None = None
    rival: Counting | None = None  # a counting as simple placing the selections elsewhere that fits as well
    misfit: bool = False  # no counting fits (more than MISFIT_SHARE of the ends inside words or outside the text)
    issues: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def utf16_offsets(text: str) -> np.ndarray:
    """UTF-16 offset of each character of ``text``, plus the total length at the end.

    Examples
    --------
    >>> utf16_offsets("a😀b").tolist()
    [0, 1, 3, 4]
    """
    if text.isascii():
        return np.arange(len(text) + 1)
    cps = np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    out = np.zeros(len(cps) + 1, dtype=np.int64)
    np.cumsum(1 + (cps > 0xFFFF), out=out[1:])
    return out


class _Source:
    """One source's text and the maps from each way of counting into it."""

    def __init__(self, text: str, had_bom: bool) -> None:
        self.text = text
        self.had_bom = had_bom
        self.has_crlf = "\r\n" in text
        self.has_lone_lf = "\n" in text.replace("\r\n", "")
        self.astral = not text.isascii() and bool(re.search("[\U00010000-\U0010ffff]", text))
        self._cps: np.ndarray | None = None
        self._ends: dict[int, bool] = {}

    def effective(self, c: Counting) -> Counting:
        """The counting as it applies to this text (a dimension the text lacks changes nothing)."""
        return Counting(c.utf16 and self.astral, c.crlf_one and self.has_crlf, c.bom and self.had_bom,
                        c.lf_two and self.has_lone_lf)

    def _codepoints(self) -> np.ndarray:
        if self._cps is None:
            self._cps = np.frombuffer(self.text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
        return self._cps

    def map(self, pos: np.ndarray, c: Counting, *, side: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Positions counted the ``c`` way -> indices into the text; also (outside, split) flags."""
        n = len(self.text)
        if c == Counting():
            outside = (pos < 0) | (pos > n)
            return pos.copy(), outside, np.zeros(len(pos), dtype=bool)
        cps = self._codepoints()
        f2t = np.arange(n + 1, dtype=np.int64)
        fcps = cps
        if c.crlf_one:
            lf_of_crlf = np.zeros(n, dtype=bool)
            lf_of_crlf[1:] = (cps[1:] == 10) & (cps[:-1] == 13)
            keep = np.ones(n, dtype=bool)
            keep[:-1] &= ~lf_of_crlf[1:]  # drop the CR of each CRLF
            idx = np.nonzero(keep)[0]
            idx = np.where(lf_of_crlf[idx], idx - 1, idx)  # the line end starts at its CR
            f2t = np.append(idx, n)
            fcps = cps[keep]
        if c.lf_two:  # each LF not after a CR counted as two, CR LF: both map to the LF (the line end starts there)
            lone = (fcps == 10) & ~np.r_[False, fcps[:-1] == 13]
            reps = 1 + lone.astype(np.int64)
            f2t = np.append(np.repeat(f2t[:-1], reps), n)
            fcps = np.repeat(fcps, reps)
            fcps[np.cumsum(reps)[lone] - 2] = 13
        if c.bom:
            f2t = np.insert(f2t, 0, 0)
            fcps = np.insert(fcps, 0, 0xFEFF)
        if c.utf16:
            u16 = np.zeros(len(fcps) + 1, dtype=np.int64)
            np.cumsum(1 + (fcps > 0xFFFF), out=u16[1:])
            units = int(u16[-1])
            clipped = np.clip(pos, 0, units)
            if side == "start":
                cp = np.searchsorted(u16, clipped, side="right") - 1
            else:
                cp = np.searchsorted(u16, clipped, side="left")
            split = u16[cp] != clipped
        else:
            units = len(fcps)
            cp = np.clip(pos, 0, units)
            split = np.zeros(len(pos), dtype=bool)
        outside = (pos < 0) | (pos > units)
        mapped = f2t[cp]
        # keep how far outside the text a position was, so it is reported, not hidden
        mapped = np.where(pos > units, n + (pos - units), np.where(pos < 0, pos, mapped))
        return mapped, outside, split

    def bad_end(self, i: int) -> bool:
        """True if a selection end at text index ``i`` falls inside a word or a CRLF line end."""
        hit = self._ends.get(i)
        if hit is None:
            t = self.text
            hit = 0 < i < len(t) and ((t[i - 1] == "\r" and t[i] == "\n") or (t[i - 1].isalnum() and t[i].isalnum()))
            self._ends[i] = hit
        return hit


_IMPACT_ORIGIN = re.compile(r"^impact \S+( \(UTF-16 positions\))?$")


def _nvivo(origin: str) -> bool:
    return bool(re.search(r"nvivo|utf-16 positions", origin or "", re.IGNORECASE))


def convert_positions(
    rows: list[dict],
    texts: dict[str, str | None],
    had_bom: dict[str, bool],
    *,
    origin: str,
    positions: str,
    names: dict[str, str],
    label: str = "project",
    max_coded_chars: int | None = None,
    lf_two: bool = False,
) -> PositionResult:
    """Decide how the file counted positions; rewrite ``rows`` in place to code points with their text.

    Parameters
    ----------
    rows : list of dict
        Codings with ``source_guid``, ``start``, ``end`` (as in the file) and
        ``text`` (filled here).
    texts, had_bom : dict
        Each source's text (BOM removed) and whether its file had a BOM.
    origin : str
        The project's ``origin`` (NVivo counts UTF-16 units).
    positions : {"auto", "code_points", "utf16"}
        ``"auto"`` considers both; otherwise that counting of characters (CRLF
        and BOM drift are still detected).
    names : dict
        Source names for messages.
    max_coded_chars : int, optional
        Refuse (:class:`InputError`) when the codings' texts would add up to
        more characters than this.
    lf_two : bool
        Consider too that each line end of a text stored with LF was counted
        as two characters (a CRLF).
    """
    result = PositionResult()
    by_source: dict[str, list[dict]] = {}
    for r in rows:
        if (r["start"] is not None or r["end"] is not None) and isinstance(texts.get(r["source_guid"]), str):
            by_source.setdefault(r["source_guid"], []).append(r)
    if not by_source:
        return result
    sources = {g: _Source(texts[g], bool(had_bom.get(g))) for g in by_source}  # type: ignore[arg-type]
    arrays = {
        g: (np.array([r["start"] if r["start"] is not None else 0 for r in rs], dtype=np.int64),
            np.array([r["end"] if r["end"] is not None else 0 for r in rs], dtype=np.int64))
        for g, rs in by_source.items()
    }
    utf16_dim = [positions == "utf16"] if positions != "auto" else sorted({False, any(s.astral for s in sources.values())})
    crlf_dim = sorted({False, any(s.has_crlf for s in sources.values())})
    bom_dim = sorted({False, any(s.had_bom for s in sources.values())})
    lf_dim = sorted({False, lf_two and any(s.has_lone_lf for s in sources.values())})
    prior = Counting(utf16=positions == "utf16" or (positions == "auto" and _nvivo(origin) and True in utf16_dim))
    candidates = [Counting(u, c, b, f) for u, c, b, f in itertools.product(utf16_dim, crlf_dim, bom_dim, lf_dim)
                  if not (c and f)]
    declared = bool(_IMPACT_ORIGIN.match(origin or ""))
    if declared:
        # written by impact, which records how it counted (characters, or UTF-16 units when asked): no guessing
        prior = Counting(utf16=(positions == "utf16") or (positions == "auto" and "UTF-16 positions" in origin))
        candidates = [prior]
    if prior not in candidates:
        candidates.append(prior)

    mapped: dict[tuple[str, Counting], tuple] = {}
    scores: dict[Counting, int] = {}
    for cand in candidates:
        total = 0
        for g, src in sources.items():
            eff = src.effective(cand)
            key = (g, eff)
            if key not in mapped:
                starts, ends = arrays[g]
                s, s_out, s_split = src.map(starts, eff, side="start")
                e, e_out, e_split = src.map(ends, eff, side="end")
                bad = int(np.sum(s_out | s_split) + np.sum(e_out | e_split) + np.sum(s > e))
                bad += sum(src.bad_end(int(i)) for i in s[~s_out]) + sum(src.bad_end(int(i)) for i in e[~e_out])
                mapped[key] = (s, e, s_out | e_out | (s > e), int(np.sum(s_split) + np.sum(e_split)), bad)
            total += mapped[key][4]
        scores[cand] = total

    def same_place(a: Counting, b: Counting) -> bool:
        return all(np.array_equal(mapped[(g, sources[g].effective(a))][0], mapped[(g, sources[g].effective(b))][0])
                   and np.array_equal(mapped[(g, sources[g].effective(a))][1], mapped[(g, sources[g].effective(b))][1]) for g in sources)

    def deviation(c: Counting) -> int:
        return (c.utf16 != prior.utf16) + c.crlf_one + c.bom + c.lf_two

    best = min(candidates, key=lambda c: (scores[c], deviation(c), c))
    result.counting = best
    n_ends = 2 * sum(len(rs) for rs in by_source.values())
    if not same_place(best, prior):
        moved = [names.get(g, g) for g in sources if not np.array_equal(mapped[(g, sources[g].effective(best))][0], arrays[g][0])
                 or not np.array_equal(mapped[(g, sources[g].effective(best))][1], arrays[g][1])]
        result.warnings.append(
            f"positions read as {best.describe()}: that way {scores[best]} of {n_ends} selection ends fall inside words or line "
            f"ends, against {scores[prior]} as {prior.describe()}; the selections of {_counted(len(moved), 'source')} were moved "
            f"accordingly ({_names(moved)}). Pass positions='code_points' or 'utf16' to choose the counting of characters."
        )
    rivals = [c for c in candidates if c != best and scores[c] == scores[best] and not same_place(c, best)]
    # the rival that makes the counting unknown: one that drifts no more (more drifts than needed explain nothing)
    result.rival = next((c for c in rivals if deviation(c) <= deviation(best)), None)
    if rivals:
        result.warnings.append(
            f"the positions fit {best.describe()} and {rivals[0].describe()} equally well ({scores[best]} of {n_ends} selection ends "
            f"inside words or line ends either way); read as {best.describe()}"
            + (" (the file was written by NVivo)" if best.utf16 and _nvivo(origin) else "")
            + ". Check a few codings' text, and pass positions='code_points' or 'utf16' if it is wrong."
        )
    result.misfit = scores[best] > MISFIT_SHARE * n_ends
    if result.misfit and not declared:
        result.warnings.append(
            f"no way of counting fits the positions: {scores[best]} of {n_ends} selection ends fall inside words, line ends or "
            f"outside the text however they are counted (read as {best.describe()}); the codings' text may be shifted"
        )

    coded = 0
    for g, rs in by_source.items():
        src = sources[g]
        eff = src.effective(best)
        s, e, bad, split, _ = mapped[(g, eff)]
        n = len(src.text)
        coded += int(np.sum(np.clip(np.minimum(e, n) - np.maximum(s, 0), 0, None)))
        if max_coded_chars is not None and coded > max_coded_chars:
            raise InputError(
                f"{label}: the codings would copy more than {max_coded_chars:,} characters of coded text - expected at most that "
                "(selections that repeat whole sources many times over?)"
            )
        name = names.get(g, g)
        if eff != Counting():
            result.issues.append(("info", name, f"positions read as {eff.describe()} and converted to characters of the text as stored"))
        if split:
            result.issues.append(("warning", name, f"{_counted(split, 'position')} fell inside a surrogate pair; widened to the whole character"))
        if int(np.sum(bad)):
            result.issues.append(("warning", name, f"{_counted(int(np.sum(bad)), 'selection')} {_verb(int(np.sum(bad)), 'has')} positions outside the text ({_counted(n, 'character')}); {_verb(int(np.sum(bad)), 'its text is', 'their text is')} cut to what exists"))
        for r, a, b in zip(rs, s.tolist(), e.tolist(), strict=True):
            if r["start"] is not None:
                r["start"] = a
            if r["end"] is not None:
                r["end"] = b
            r["text"] = src.text[max(a, 0): b] if r["start"] is not None and r["end"] is not None else None
    return result


def _names(names: list[str], limit: int = 5) -> str:
    shown = ", ".join(repr(n) for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")
