"""Shared text machinery for coding: tokens, stems, pattern compilation, cue lists.

Text is matched as a *stem string*: the text's tokens (words, and the
punctuation ``. ? ! ; ,``), each replaced by its Snowball stem, lower-cased,
joined by single spaces, with a space before the first token.  Patterns
(codebook phrases and cue words) are compiled into one trie-shaped regular
expression over that string, so a whole batch of texts is scanned in one
pass of the C regex engine; Python code then only handles the (few) matches.

Pattern syntax (also used in ``docs/codebook-format.md``): words separated by
spaces, each stemmed; ``word*`` matches any stem starting with the word's stem
prefix; ``~N`` between two parts allows up to N words between them (handled by
the caller as a sequence of parts).
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

import yaml

from ..schema import hidden_names

__all__ = [
    "TOKEN",
    "tokenizer",
    "stem",
    "stem_tokens",
    "stem_text",
    "stem_texts",
    "split_parts",
    "PatternSet",
    "wordlist",
    "attribution_cues",
]

#: Tokens: words (letters/digits, with inner apostrophes) and clause punctuation.
TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[.?!;,]")
# The same tokens in ASCII text, found about a fifth faster (a character range, not a Unicode category, per character).
_TOKEN_ASCII = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*|[.?!;,]")
_GAP = re.compile(r"^~(\d+)$")
_STEMMER = None  # nltk's Snowball stemmer, made on first use (importing nltk takes about 2 s)
_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 2_000_000


def _stemmer():
    global _STEMMER
    if _STEMMER is None:
        from nltk.stem.snowball import SnowballStemmer

        _STEMMER = SnowballStemmer("english")
    return _STEMMER


def stem(token: str) -> str:
    """The stem of one token: lower-cased, curly apostrophe straightened, Snowball-stemmed.

    Examples
    --------
    >>> [stem(t) for t in ["Collaborating", "partners", "hasn\u2019t", "."]]
    ['collabor', 'partner', "hasn't", '.']
    """
    out = _CACHE.get(token)
    if out is None:
        low = token.lower().replace("\u2019", "'")
        if low in _false_friends():
            out = _OWN + low  # its own stem: only a pattern naming the word matches it
        else:
            out = _stemmer().stem(low) if low[0].isalpha() else low
        if not out or " " in out:
            out = low
        if len(_CACHE) > _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[token] = out
    return out


#: The stem of a false friend starts with this mark, which no stem prefix (letters) can match.
_OWN = "="


@functools.cache
def _false_friends() -> frozenset[str]:
    """Words conflated with a codebook term by the stemmer or a ``word*`` prefix but meaning something else."""
    return frozenset(wordlist("false_friends"))


def tokenizer(text: str) -> re.Pattern:
    """:data:`TOKEN`, or for ASCII text a pattern finding the same tokens faster.

    Examples
    --------
    >>> tokenizer("Partners didn't meet.").findall("Partners didn't meet.")
    ['Partners', "didn't", 'meet', '.']
    """
    return _TOKEN_ASCII if text.isascii() else TOKEN


def stem_tokens(text: str) -> list[str]:
    """Stems of the tokens of ``text``, in order."""
    cache = _CACHE
    return [cache.get(t) or stem(t) for t in tokenizer(text).findall(text)]


def stem_text(text: str) -> str:
    """The stem string of ``text``: ``" " + " ".join(stems) + " "``.

    Examples
    --------
    >>> stem_text("Partners are working together, closely.")
    ' partner are work togeth , close . '
    """
    return " " + " ".join(stem_tokens(text)) + " "


def stem_texts(texts: Iterable[str]) -> list[str]:
    """:func:`stem_text` of each text (a batch: the stems of known words are looked up in one call per text).

    Examples
    --------
    >>> stem_texts(["Partners are working together.", ""])
    [' partner are work togeth . ', '  ']
    """
    find, find_ascii, join, known = TOKEN.findall, _TOKEN_ASCII.findall, " ".join, _CACHE.get
    out = []
    for text in texts:
        tokens = find_ascii(text) if text.isascii() else find(text)
        try:
            out.append(f" {join(map(known, tokens))} ")
        except TypeError:  # a word not stemmed yet
            out.append(f" {join([known(t) or stem(t) for t in tokens])} ")
    return out


def split_parts(pattern: str) -> tuple[list[str], list[int]]:
    """Split a pattern at its ``~N`` gaps: the contiguous parts and the gap sizes.

    Examples
    --------
    >>> split_parts("fire in ~2 belly")
    (['fire in', 'belly'], [2])
    """
    parts: list[list[str]] = [[]]
    gaps: list[int] = []
    for item in pattern.split():
        gap = _GAP.match(item)
        if gap:
            gaps.append(int(gap.group(1)))
            parts.append([])
        else:
            parts[-1].append(item)
    if any(not p for p in parts):
        raise ValueError(f"pattern {pattern!r}: a '~N' gap needs words on both sides")
    return [" ".join(p) for p in parts], gaps


def pattern_problem(pattern: str) -> str | None:
    """What a pattern must be and is not (the expectation, for a :class:`~impact.errors.Problem`), or None.

    These are the checks the coder makes when it compiles a pattern, made when
    a codebook is read, so that every problem is listed at once with where it
    is, and a gap that is not ``~N`` is not read as a word.

    Examples
    --------
    >>> pattern_problem("fire in ~2 belly") is None
    True
    >>> pattern_problem("a ~-2 b")
    "a gap written '~N', N a whole number of words (not '~-2')"
    >>> pattern_problem("[ regex")
    "words with letters or digits ('[' has none)"
    >>> pattern_problem("~2 step")
    "words on both sides of each '~N' gap"
    >>> pattern_problem("mor\\u200bale").startswith("words without invisible characters (it holds U+200B")
    True
    """
    # a zero-width space, a byte-order mark, a soft hyphen or a direction mark pasted into a term: no one sees it, and
    # the tokenizer ends a word there, so the term never matches the word it looks like (it was read without a word)
    if (held := hidden_names(pattern, formats_only=True)) is not None:
        return (f"words without invisible characters (it holds {held}, which splits the word it stands in: "
                f"{pattern!r} would match {' '.join(TOKEN.findall(pattern))!r}, never the word shown; retype it)")
    for item in pattern.split():
        if item.startswith("~"):
            if not _GAP.match(item):
                return f"a gap written '~N', N a whole number of words (not {item!r})"
        elif not TOKEN.findall(item.rstrip("*")):
            return f"words with letters or digits ({item!r} has none)"
    try:
        split_parts(pattern)
    except ValueError:
        return "words on both sides of each '~N' gap"
    return None


def _word_regexes(phrase: str) -> tuple[str, ...]:
    """The regex of each token of a contiguous phrase (stemmed; ``*`` = stem prefix)."""
    return _word_variants(phrase)[0]


def _word_variants(phrase: str) -> list[tuple[str, ...]]:
    """:func:`_word_regexes` of a phrase, then the same with each ``word*`` replaced by a false friend it names.

    A false friend keeps its own stem (see :func:`stem`), which no stem prefix
    matches; ``word*`` still names it when ``word`` spells out at least the
    false friend's Snowball stem ("investigat*" names "investigation",
    "invest*" does not).

    Examples
    --------
    >>> _word_variants("invest*")
    [('invest[^ ]*',)]
    >>> _word_variants("investigat*")[1:3]
    [('=investigate',), ('=investigated',)]
    """
    options: list[list[str]] = []
    for item in phrase.split():
        prefix = item.endswith("*")
        tokens = TOKEN.findall(item.rstrip("*"))
        if not tokens:
            raise ValueError(f"pattern word {item!r} has no letters or digits")
        for i, tok in enumerate(tokens):
            if prefix and i == len(tokens) - 1:
                low = tok.lower().replace("\u2019", "'")
                stems = [s for s in (stem(low + "ing"), stem(low + "ed"), stem(low + "ion"), low) if low.startswith(s)]
                friends = [f for f in sorted(_false_friends()) if f.startswith(low) and len(low) >= len(_stemmer().stem(f))]
                options.append([re.escape(min(stems, key=len)) + "[^ ]*"] + [re.escape(_OWN + f) for f in friends])
            else:
                options.append([re.escape(stem(tok))])
    return [tuple(seq) for seq in itertools.product(*options)]


_STAR = "\x00*"


def _atoms(seq: tuple[str, ...]) -> list[str]:
    """A token-regex sequence as atoms: single (escaped) characters, ``_STAR`` and spaces."""
    atoms: list[str] = []
    for i, tok in enumerate(seq):
        if i:
            atoms.append(" ")
        star = tok.endswith("[^ ]*")
        literal = re.sub(r"\\(.)", r"\1", tok[: -5] if star else tok)
        atoms += [re.escape(ch) for ch in literal]
        if star:
            atoms.append(_STAR)
    return atoms


def _trie(sequences: Iterable[tuple[str, ...]]) -> str:
    """One regex for all sequences, as a character-level trie (fast in Python's ``re``)."""
    root: dict = {}
    for seq in sequences:
        node = root
        for atom in _atoms(seq):
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        keys = sorted((k for k in node if k), key=lambda k: (k == _STAR, k))
        alts = []
        for key in keys:
            head = "[^ ]*" if key == _STAR else key
            rest = build(node[key])
            alts.append(head + rest)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = body if len(alts) == 1 and len(body) == 1 else "(?:" + body + ")"
            return body + "?"
        return body

    return build(root)


class PatternSet:
    """Contiguous patterns grouped under labels, compiled into one trie regex.

    Parameters
    ----------
    groups : mapping of label to patterns
        Each pattern is a contiguous phrase (no ``~N``).
    longest : bool
        If True, :meth:`find` reports one non-overlapping match at a time, the
        longest, with only the labels of the full match (used for cue words,
        where "no longer" must hide "no").  If False, every token position is
        tried and every pattern matching a prefix there is reported (used for
        codebook terms, where one phrase may serve several rules).

    Examples
    --------
    >>> ps = PatternSet({"neg": ["no", "not"], "pseudo": ["no longer"]}, longest=True)
    >>> s = stem_text("We no longer work in silos, not at all.")
    >>> [(s[a:b], labels) for a, b, labels in ps.find(s)]
    [(' no longer', (('pseudo', 2),)), (' not', (('neg', 1),))]
    """

    def __init__(self, groups: Mapping[str, Sequence[str]], *, longest: bool = False) -> None:
        self.longest = longest
        self._exact: dict[str, list[tuple[str, int]]] = {}
        self._prefixed: list[tuple[re.Pattern, str, int]] = []
        # Patterns with a "word*" part, indexed by their first token: its literal stem, or its literal prefix.
        self._first_exact: dict[str, list[int]] = {}
        self._first_prefix: dict[str, list[int]] = {}
        seqs = set()
        for label, patterns in groups.items():
            for seq in (seq for pattern in patterns for seq in _word_variants(pattern)):
                seqs.add(seq)
                if any(t.endswith("[^ ]*") for t in seq):
                    first = seq[0]
                    index = self._first_prefix if first.endswith("[^ ]*") else self._first_exact
                    literal = re.sub(r"\\(.)", r"\1", first[:-5] if first.endswith("[^ ]*") else first)
                    index.setdefault(literal, []).append(len(self._prefixed))
                    self._prefixed.append((re.compile(" ".join(seq)), label, len(seq)))
                else:
                    key = " ".join(re.sub(r"\\(.)", r"\1", t) for t in seq)
                    self._exact.setdefault(key, []).append((label, len(seq)))
        if not seqs:
            self.regex = re.compile(r"(?!)")
        elif longest:
            self.regex = re.compile(r" (" + _trie(seqs) + r")(?= )")
        else:
            self.regex = re.compile(r" (?=(" + _trie(seqs) + r")(?= ))")
        self._resolved: dict[str, tuple[tuple[str, int], ...]] = {}
        self._every: re.Pattern | None = None  # for find_ranked, compiled on first use

    def labels(self, matched: str) -> tuple[tuple[str, int], ...]:
        """The ``(label, n_tokens)`` pairs of the patterns that ``matched`` (stems) satisfies."""
        found = self._resolved.get(matched)
        if found is None:
            toks = matched.split(" ")
            head = toks[0]
            # Only patterns whose first token can match the first stem, and only with their own token count.
            candidates = list(self._first_exact.get(head, ()))
            for k in range(1, len(head) + 1):
                candidates += self._first_prefix.get(head[:k], ())
            candidates.sort()
            sizes = [len(toks)] if self.longest else range(1, len(toks) + 1)
            out: list[tuple[str, int]] = []
            for size in sizes:
                text = " ".join(toks[:size])
                out += self._exact.get(text, [])
                for i in candidates:
                    rx, label, n = self._prefixed[i]
                    if n == size and rx.fullmatch(text):
                        out.append((label, n))
            found = tuple(dict.fromkeys(out))
            if len(self._resolved) < 500_000:
                self._resolved[matched] = found
        return found

    def find_ranked(self, s: str) -> tuple[list[int], list[str], list[tuple[tuple[str, int], ...]]]:
        """The matches of :meth:`find` in ``s`` as three lists: the rank of each one's leading space among the
        spaces of ``s``, the stems it matched, and its labels (for ``longest=False`` only).

        One regex pass whose every match is a space, holding the stems that
        match there or nothing: the list of them is indexed by rank, and no
        match object is made per match.

        Examples
        --------
        >>> ps = PatternSet({"partner": ["partner*"], "work": ["work together"]})
        >>> ps.find_ranked(stem_text("Partners work together."))
        ([0, 1], ['partner', 'work togeth'], [(('partner', 1),), (('work', 2),)])
        """
        if self.longest:
            raise ValueError("find_ranked reads every token position: a PatternSet made with longest=False only")
        if self.regex.pattern == "(?!)":  # no patterns
            return [], [], []
        every = self._every
        if every is None:
            every = self._every = re.compile(r" (?:" + self.regex.pattern[1:] + "|)")
        found = every.findall(s)
        ranks = list(itertools.compress(range(len(found)), found))
        matched = list(filter(None, found))
        labels = list(map(self._resolved.get, matched))
        if None in labels:
            labels = [found or self.labels(m) for m, found in zip(matched, labels, strict=True)]
        if () in labels:  # stems no pattern takes whole (a prefix of a longer one)
            keep = [k for k, found in enumerate(labels) if found]
            ranks, matched, labels = [ranks[k] for k in keep], [matched[k] for k in keep], [labels[k] for k in keep]
        return ranks, matched, labels

    def find(self, s: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, tuple[tuple[str, int], ...]]]:
        """Matches in the stem string ``s``: ``(start, end, labels)``; ``start`` is the space before."""
        endpos = len(s) if endpos is None else endpos
        out = []
        resolved, resolve = self._resolved, self.labels
        for m in self.regex.finditer(s, pos, endpos):
            matched = m.group(1)
            labels = resolved.get(matched)
            if labels is None:
                labels = resolve(matched)
            if labels:
                out.append((m.start(), m.end(1), labels))
        return out


def _data_text(name: str) -> str:
    return resources.files("impact").joinpath("_data", "wordlists", name).read_text(encoding="utf-8")


@functools.cache
def wordlist(name: str) -> tuple[str, ...]:
    """A bundled cue list (``impact/_data/wordlists/<name>.txt``): one pattern a line, ``#`` comments.

    Examples
    --------
    >>> "no longer" in wordlist("pseudo_negators")
    True
    """
    if os.sep in name or "/" in name:
        raise ValueError(f"wordlist name {name!r} must not contain a path separator")
    lines = (line.split("#", 1)[0].strip() for line in _data_text(f"{name}.txt").splitlines())
    return tuple(line for line in lines if line)


@functools.cache
def attribution_cues() -> dict:
    """The attribution cue lists (``impact/_data/wordlists/attribution.yaml``).

    Examples
    --------
    >>> sorted(attribution_cues()["factors"])
    ['funding', 'leadership', 'ofsted', 'other_programme', 'restructure']
    """
    return yaml.safe_load(_data_text("attribution.yaml"))
