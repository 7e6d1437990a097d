"""Rule-based coding of interview text against a codebook.

:class:`RuleCoder` compiles a codebook's rules once into a single trie-shaped
regular expression over word stems (see :mod:`impact.coding._cues`), scans a
whole batch of texts in one pass, and then, only around the evidence found,
reads the clause for negation (with double negation and NegEx-style
pseudo-negation), the sentence for hedging or anticipation, and the
sentence for attribution of the change to the review or to another factor.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import itertools
import math
import operator
import os
import re
import types
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._made import made_hint
from ..errors import InputError
from ._columns import CODED_COLUMNS
from ._cues import (
    PatternSet,
    attribution_cues,
    split_parts,
    stem,
    stem_text,
    stem_texts,
    tokenizer,
    wordlist,
)
from ._estimator import Params
from .codebook import Codebook

__all__ = ["RuleCoder", "CODED_COLUMNS", "as_units", "modality_cues"]


_SEP = " | "
_FIRST = operator.itemgetter(0)
_SENT_RE = re.compile(r" [.?!|](?= )")  # a sentence end in a stem string (_read_batch finds the same with arrays)
_NEG_BEFORE = 12  # words before the evidence a negation cue reaches
_NEG_AFTER = 6  # words after the evidence a negation cue reaches ("oversight is not sufficiently robust")
_REVIEW_GAP = 4  # a negation cue this close before a review cue negates the credit, not the change
_CAUSAL_GAP = 4  # a causal cue this close before a factor introduces it
_MOD_BEFORE = 15  # words before the evidence a modality or purpose cue reaches
_MOD_AFTER = 3  # words after the evidence a modality cue reaches ("a new protocol is needed")
_TOPIC_BEFORE = 40  # words before the evidence a topic frame reaches ("received a report on ...")
_EXP_BEFORE = 2  # words between an experiencer and the evidence ("parents now understand")
_LONG_SENTENCE = 200  # cues in a sentence above which evidence reads only the cues near it (_Sentence._near)


_MEMOS: dict[str, tuple] = {}  # codebook hash -> the compiled matchers and memos of this process's coders
_STEM_TEXTS: dict[str, str] = {}  # unit text -> stem string (sentences recur across interviews)
_STEM_MEMO_LIMIT = 500_000


class _Rule:
    __slots__ = ("code", "parts", "gaps", "weight", "contiguous")

    def __init__(self, code: str, parts: list[str], gaps: list[int], weight: float) -> None:
        self.code, self.parts, self.gaps, self.weight = code, parts, gaps, weight
        self.contiguous = len(parts) == 1


def as_units(data: Any) -> tuple[list, list[str], np.ndarray]:
    """Unit ids, texts and offsets of a Series of texts or a segments DataFrame.

    Raises
    ------
    impact.InputError
        For another type, a DataFrame without ``segment_id``/``text``, or non-text values.
    """
    if isinstance(data, pd.DataFrame):
        missing = [c for c in ("segment_id", "text") if c not in data.columns]
        if missing:
            raise InputError(f"a segments DataFrame needs the columns {missing} (see impact.segment)"
                             f"{made_hint(data, 'texts')}")
        units = data["segment_id"].tolist()
        texts = data["text"].tolist()
        offsets = data["start"].to_numpy(dtype=np.int64) if "start" in data.columns else np.zeros(len(data), np.int64)
    elif isinstance(data, pd.Series):
        units, texts, offsets = data.index.tolist(), data.tolist(), np.zeros(len(data), np.int64)
    elif isinstance(data, Sequence) and not isinstance(data, str):
        units, texts, offsets = list(range(len(data))), list(data), np.zeros(len(data), np.int64)
    else:
        raise InputError(
            "The value for `texts` must be a pandas Series of texts (index = unit id) or a segments "
            f"DataFrame from impact.segment, but {type(data).__name__} was passed{made_hint(data, 'texts')}."
        )
    bad = [] if set(map(type, texts)) <= {str} else [u for u, t in zip(units, texts, strict=True) if not isinstance(t, str)]
    if bad:
        raise InputError(f"units {bad[:10]} have no text (expected str, found missing or other values)")
    return units, texts, offsets


class RuleCoder(Params):
    """Code texts with a codebook's matching rules (with scikit-learn's estimator API, without importing it).

    Parameters
    ----------
    codebook : Codebook, str or path, default "nfer_impacts"
        The codebook (or its bundled name or file path).
    min_score : float, default 0.5
        Smallest combined score for which a code is reported.
    n_jobs : int or None, default None
        Worker processes for large batches (joblib); None or 1 runs in process.
    chunk_size : int, default 2_000_000
        Approximate characters per batch handed to a worker (and per progress step).

    Attributes
    ----------
    codebook_ : Codebook
    code_ids_ : list of str
        The codes that have rules.
    terms_ : PatternSet
        The compiled term matcher.

    Notes
    -----
    For each unit and code the output has one row.  ``negated`` is True when
    every match of the code lies in the scope of an odd number of negation
    cues (then the row's score comes from the negated matches); ``hedged`` is
    True when every un-negated match sits in a sentence with a hedging or
    anticipation cue; ``attribution`` is read from the sentence of the first
    un-negated, un-hedged match: "review", a factor ("ofsted", "leadership",
    "restructure", "funding", "other_programme"), "unclear", or "" when the
    sentence credits nothing.  ``start``/``end`` is that match's span.

    References
    ----------
    Chapman, W. W. et al. (2001). A simple algorithm for identifying negated
    findings and diseases in discharge summaries. *Journal of Biomedical
    Informatics*, 34(5), 301-310 (the NegEx trigger and pseudo-trigger idea).

    Examples
    --------
    >>> import pandas as pd
    >>> coder = RuleCoder()
    >>> texts = pd.Series({
    ...     "s1": "There was a real buzz in the team afterwards.",
    ...     "s2": "It hasn't made any difference to our relationship with the police.",
    ...     "s3": "We're hoping it will get everyone in the same room.",
    ...     "s4": "The procedures were tightened up, but that was down to Ofsted.",
    ... })
    >>> coder.code(texts)[["unit", "code", "negated", "hedged", "attribution"]].to_dict("records")
    [{'unit': 's1', 'code': 'morale', 'negated': False, 'hedged': False, 'attribution': ''}, {'unit': 's2', 'code': 'partnership', 'negated': True, 'hedged': False, 'attribution': ''}, {'unit': 's3', 'code': 'partnership', 'negated': False, 'hedged': True, 'attribution': ''}, {'unit': 's4', 'code': 'policies_systems', 'negated': False, 'hedged': False, 'attribution': 'ofsted'}]
    """

    def __init__(
        self,
        codebook: Codebook | str | os.PathLike = "nfer_impacts",
        *,
        min_score: float = 0.5,
        n_jobs: int | None = None,
        chunk_size: int = 2_000_000,
    ) -> None:
        self.codebook = codebook
        self.min_score = min_score
        self.n_jobs = n_jobs
        self.chunk_size = chunk_size

    # ------------------------------------------------------------ fitting
    def fit(self, X: Any = None, y: Any = None) -> RuleCoder:
        """Validate the parameters and compile the codebook's rules; ``X`` and ``y`` are ignored.

        Parameters
        ----------
        X, y : ignored
            Taken for scikit-learn's estimator API.

        Returns
        -------
        RuleCoder
            ``self``, fitted (``codebook_`` set).

        Raises
        ------
        impact.InputError
            For a ``min_score`` outside (0, 1], a ``chunk_size`` below 1, an ``n_jobs`` that is not None or a non-zero
            integer, or a codebook that cannot be read.
        TypeError
            For a ``chunk_size`` that is not a whole number.

        Examples
        --------
        >>> import impact
        >>> coder = impact.RuleCoder("nfer_impacts").fit()  # nothing to learn: rules; here for scikit-learn pipelines
        >>> type(coder).__name__
        'RuleCoder'
        """
        if not isinstance(self.min_score, int | float) or not 0 < self.min_score <= 1:
            raise InputError(f"The value for `min_score` must be in (0, 1], but {self.min_score!r} was passed.")
        if isinstance(self.chunk_size, bool) or not isinstance(self.chunk_size, int | np.integer):
            # when fitted, not first when a text was coded with it (newuser16's words: newuser17)
            raise TypeError(f"The value for `chunk_size` of impact.RuleCoder() must be a whole number, but "
                            f"{self.chunk_size!r:.40} was passed.")
        if self.chunk_size < 1:
            raise InputError(f"The value for `chunk_size` of impact.RuleCoder() must be a whole number of characters, "
                             f"1 or more, but {self.chunk_size!r} was passed.")
        if self.n_jobs is not None and (not isinstance(self.n_jobs, int) or self.n_jobs == 0):
            raise InputError(f"The value for `n_jobs` must be None or a non-zero integer, but {self.n_jobs!r} was passed.")
        codebook = Codebook._loaded(self.codebook, "codebook")
        self.terms_, rules = _compile(codebook)
        self.rules_ = rules
        self.rules_by_first_ = {}
        for rule in rules:
            self.rules_by_first_.setdefault(rule.parts[0], []).append(rule)
        self.codebook_ = codebook
        self.code_ids_ = [c for c in codebook.code_ids if any(r.code == c for r in rules)]
        # Term lists by id, and the rules starting with each as arrays (see _RuleArrays).
        self._label_ids_ = {label: k for k, label in enumerate(dict.fromkeys(p for r in rules for p in r.parts))}
        self._rule_arrays_ = _RuleArrays(self.rules_by_first_, self._label_ids_, self.code_ids_)
        self.cues_ = _shared_cues()
        self._possible_: dict[frozenset, bool] = {}  # label set ids present (see _kinds_) -> could a rule match?
        self.solo_lists_ = frozenset(rule.parts[0] for rule in rules if len(rule.parts) == 1)
        # label set -> id; by id: fires alone, has a solo list; its plan (see _KindTable)
        self._kinds_: tuple[dict, list[bool], list[bool], _KindTable] = ({}, [], [], _KindTable())
        self._share_memos()
        return self

    # ------------------------------------------------------------ coding
    def code(self, texts: Any, *, progress: bool = False, previous: Any = None) -> pd.DataFrame:
        """Code texts; fits (compiles) the codebook first if needed.

        Parameters
        ----------
        texts : pandas.Series or pandas.DataFrame
            Texts with the unit id as index, or segments from
            :func:`impact.segment` (then ``start``/``end`` are transcript offsets).
        progress : bool
            Show a tqdm progress bar on stderr.
        previous : pandas.Series or sequence of str, optional
            The sentence before each unit in the same document, turn or
            segment (a Series indexed like ``texts``, or one value per unit;
            None, NaN or "" where there is none).  A sentence that opens with
            "it", "they" or a bare "this", "these changes", "that approach" is
            read with that pronoun replaced by each domain noun of the sentence
            before it: the previous sentence of the same unit, or for the
            unit's first sentence ``previous``.  A code is added when the
            sentence's own change or state gives it with the referent in place
            (never when the referent alone gives it: no code is copied from the
            neighbour).  Without ``previous``, a segments DataFrame (with
            ``interview_id`` and ``turn``) takes the segment before each one
            in the same interview and speaker turn, never across speakers or
            interviews; a Series resolves only sentences inside a unit.

        Returns
        -------
        pandas.DataFrame
            Columns ``unit, code, score, negated, hedged, attribution, start, end``.

        Examples
        --------
        >>> import pandas as pd, impact
        >>> texts = pd.Series(["Since the review staff morale has improved a lot.", "We met on Tuesday."],
        ...                   index=["I1:1", "I1:2"])
        >>> coded = impact.RuleCoder("nfer_impacts").code(texts)
        >>> coded[["unit", "code"]].values.tolist()
        [['I1:1', 'morale']]
        """
        from ..schema import true_or_false

        progress = true_or_false("progress", progress)
        if not hasattr(self, "rules_"):
            self.fit()
        units, text_list, offsets = as_units(texts)
        before = _previous_list(previous, texts, len(text_list))
        chunks = list(_chunks(text_list, self.chunk_size))
        if self.n_jobs not in (None, 1) and len(chunks) > 1:
            from joblib import Parallel, delayed

            jobs = Parallel(n_jobs=self.n_jobs, return_as="generator")(
                delayed(self._code_chunk)(text_list[a:b]) for a, b in chunks
            )
        else:
            jobs = (self._code_chunk(text_list[a:b]) for a, b in chunks)
        rows: list[tuple] = []
        jobs = _progress(jobs, progress, total=len(chunks))
        starts = offsets.tolist()
        for (a, _), found in zip(chunks, jobs, strict=True):
            _unit_rows(rows, found, a, units, starts)
        resolved = self._resolved_codings(text_list, before)
        if resolved:
            rows = _merge_resolved(rows, resolved, units, starts)
        return _coded_frame(rows)

    def _resolved_codings(self, texts: list[str], previous: list) -> list[tuple]:
        """Codings ``(i, code, score, negated, hedged, attribution, start, end)`` that sentences opening with a pronoun
        or bare demonstrative get with its referent from the sentence before (see :mod:`._anaphora`); ``start:end`` is
        the pronoun's span in text ``i``.  A code the referent gives alone is never one of them."""
        from ._anaphora import Referents, resolutions

        candidates = _anaphor_units(texts, previous)
        if not candidates:
            return []
        referents = getattr(self, "_referents_", None)
        if referents is None:
            referents = self._referents_ = Referents(self.codebook_)
        found = [(i, *resolution) for i in candidates for resolution in resolutions(texts[i], previous[i], referents)]
        if not found:
            return []
        # Each distinct text once: the resolved sentences, then the referents alone.
        batch = list(dict.fromkeys([resolved for *_, resolved in found] + [referent for *_, referent, _ in found]))
        codings: dict[str, list[tuple]] = {}
        for j, *coding in self._code_chunk(batch):
            codings.setdefault(batch[j], []).append(tuple(coding))
        out = []
        for i, a, b, at, referent, resolved in found:
            alone = {c[0] for c in codings.get(referent, ())}
            for code, score, neg, hedge, attr, e0, e1 in codings.get(resolved, ()):
                # The evidence must be the referent and the predicate right after it ("it has been strengthened"), not
                # a change of something else further on ("it builds on ... by strengthening the NHS commitment"); a
                # code the referent gives alone is the neighbour's, never copied.
                r1 = at + len(referent)
                if code not in alone and e0 <= r1 and e1 >= at and len(resolved[r1:e1].split()) <= _ANAPHOR_REACH:
                    out.append((i, code, score, neg, hedge, attr, a, b))
        return out

    def _code_chunk(self, texts: list[str]) -> list[tuple]:
        with _collector_paused():
            return self._code_stems(texts, _stem_strings(texts))

    def _share_memos(self) -> None:
        """Use this process's memos for the same codebook (a worker gets a fresh copy of the coder per chunk).

        The memos (matched stems -> term lists, label sets -> could a rule fire,
        cue readings) are pure functions of the codebook and the bundled cue
        lists, so every coder of the same codebook can share them.
        """
        key = self.codebook_.hash
        memos = _MEMOS.get(key)
        if memos is None:
            if len(_MEMOS) >= 16:
                _MEMOS.clear()
            _MEMOS[key] = (self.terms_, self.cues_, self._possible_, self._kinds_)
        elif memos[0] is not self.terms_ or memos[3] is not self._kinds_:
            self.terms_, self.cues_, self._possible_, self._kinds_ = memos

    def _code_stems(self, texts: list[str], stems: list[str]) -> list[tuple]:
        """Codings ``(i, code, score, negated, hedged, attribution, start, end)`` of texts with their stem strings."""
        with _collector_paused():
            return self._code_stems_now(texts, stems)

    def _code_stems_now(self, texts: list[str], stems: list[str]) -> list[tuple]:
        self._share_memos()
        starts = np.cumsum([0] + [len(s) + len(_SEP) - 2 for s in stems])[:-1]
        big = _SEP[1:-1].join(stems)
        # Every space of the batch: a term match is known by its leading space's rank among them.
        chars = np.frombuffer(big.encode("utf-32-le"), dtype="<u4")
        spaces = np.flatnonzero(chars == 32)
        ranks, matched, labels_of = self.terms_.find_ranked(big)
        if not ranks:
            return []
        ranks = np.array(ranks, dtype=np.int64)
        positions = spaces[ranks]
        owner = np.searchsorted(starts, positions, side="right") - 1
        cuts = np.flatnonzero(np.diff(owner)) + 1
        first, last = np.r_[0, cuts], np.r_[cuts, len(labels_of)]
        # Which units could a rule fire in?  Decided per distinct label set of a match (few), then
        # per unit with array reductions; only units with several label sets need a Python look.
        kind_of, fires_alone, solo, _ = self._kinds_
        kinds = np.fromiter(map(kind_of.get, labels_of, itertools.repeat(-1)), dtype=np.int64, count=len(labels_of))
        for k in np.flatnonzero(kinds < 0).tolist():
            labels = labels_of[k]
            kind = kind_of.get(labels)
            kinds[k] = self._new_kind(labels) if kind is None else kind
        kind_solo = np.fromiter(solo, dtype=bool, count=len(solo))[kinds]
        kind_fires = np.fromiter(fires_alone, dtype=bool, count=len(fires_alone))[kinds]
        unit_solo = np.logical_or.reduceat(kind_solo, first)
        single = np.minimum.reduceat(kinds, first) == np.maximum.reduceat(kinds, first)
        fires = unit_solo | (single & np.logical_or.reduceat(kind_fires, first))
        mixed = np.flatnonzero(~fires & ~single)
        kind_ids, kinds = kinds, kinds.tolist()
        first, last = first.tolist(), last.tolist()
        if len(mixed):
            possible = self._possible_
            for u in mixed.tolist():
                present = frozenset(kinds[first[u] : last[u]])  # the label sets present, by id
                found = possible.get(present)
                if found is None:
                    labels = frozenset(label for m in labels_of[first[u] : last[u]] for label, _ in m)
                    found = possible[present] = self._could_fire(labels)
                fires[u] = found
        # The units a rule could fire in are read a batch at a time, as arrays (one row per match, occurrence,
        # term list or rule), not as tuples per match: see _read_batch.
        keep = np.repeat(fires, np.asarray(last) - np.asarray(first))
        return self._read_batch(texts, big, chars, spaces, matched, ranks, owner, kind_ids, keep, starts,
                                np.fromiter(map(len, stems), dtype=np.int64, count=len(stems)))

    def _read_batch(self, texts: list[str], big: str, chars: np.ndarray, spaces: np.ndarray, matched: list[str],
                    ranks: np.ndarray, owner: np.ndarray, kinds: np.ndarray, keep: np.ndarray, starts: np.ndarray,
                    lens: np.ndarray) -> list[tuple]:
        """The codings of a batch from its term matches (those in units a rule could fire in are ``keep``).

        ``big`` is the batch's stem strings joined by ``|`` (text ``i``'s starts
        at ``starts[i]`` and has ``lens[i]`` characters), ``chars`` its
        characters' code points and ``spaces`` the positions of its spaces;
        ``matched``, ``ranks``, ``owner`` and ``kinds`` are each match's stems,
        leading space's rank, text and label-set id.
        Every step is an array operation over the whole batch, in the order
        the per-unit reading took: the tokens masked (phrases without impact
        sense, names), the occurrences of each term list (a match's token
        index and the end of its first n tokens are ranks among the spaces of
        ``big``), each rule's matches (a chain's next part is the first
        occurrence of its list at or after the last part's end, looked up in
        the occurrences sorted by list and rank), and the sentence of each
        match.  Only names, the sentence readings and the codings are read
        unit by unit.
        """
        t = self._kinds_[3].arrays()
        rt = self._rule_arrays_
        n_spaces = len(spaces)
        # The sentence ends of the batch: a space, one of . ? ! (or the | between texts) and a space.
        after = chars[np.minimum(spaces[:, None] + (1, 2), len(chars) - 1)]  # the two characters after each space
        is_end = after[:, 1] == 32
        is_end &= (after[:, 0] == 46) | (after[:, 0] == 63) | (after[:, 0] == 33) | (after[:, 0] == 124)
        is_end &= spaces + 2 < len(chars)
        ends = np.append(spaces[is_end], len(big) + 2)  # and one after the last text (so a match always has a next end)
        stops = starts + lens  # the end of each text's stem string in big
        unit_ranks = np.searchsorted(spaces, starts)  # the rank of each text's first space

        sel = np.flatnonzero(keep)
        m_rank, m_unit, m_kind = ranks[sel], owner[sel], kinds[sel]
        m_pos = spaces[m_rank]
        # Masked tokens (by rank): the words of phrases without impact sense, and of names.
        mark = np.zeros(n_spaces + 1, dtype=np.int64)
        k, w = _expand(t.s_count[m_kind])
        if len(k):
            r0 = m_rank[k]
            np.add.at(mark, r0, 1)
            np.add.at(mark, r0 + t.s_n[t.s_start[m_kind[k]] + w], -1)
        masked = np.cumsum(mark) > 0
        rank_list = unit_ranks.tolist()
        for i in np.unique(m_unit).tolist():
            names = _name_tokens(self.cues_, texts[i])
            if names:
                masked[[rank_list[i] + j for j in names]] = True
        cover = np.zeros(n_spaces + 2, dtype=np.int64)
        np.cumsum(masked, out=cover[1:])  # cover[x]: masked ranks below x
        # Occurrences: each group of a match's term lists with the same token count, unless a word is masked.
        k, w = _expand(t.g_count[m_kind])
        group = t.g_start[m_kind[k]] + w
        rank = m_rank[k]
        n = t.g_n[group]
        ok = cover[rank + n] == cover[rank]
        k, group, rank, n = k[ok], group[ok], rank[ok], n[ok]
        unit, c0 = m_unit[k], m_pos[k]
        tend = rank + n
        cend = spaces[np.minimum(tend, n_spaces - 1)]
        inside = (tend < n_spaces) & (cend < stops[unit])
        if not inside.all():  # cannot happen (a term match ends at a token end), kept from the per-unit reading
            for x in np.flatnonzero(~inside).tolist():
                cend[x] = min(c0[x] + 1 + len(matched[sel[k[x]]]), stops[unit[x]])
                tend[x] = np.searchsorted(spaces, cend[x])
        # Term-list rows: each occurrence once per list of its group.
        k, w = _expand(t.g_lcount[group])
        label = t.labels[t.g_lstart[group[k]] + w]
        rank, unit, c0, cend, tend = rank[k], unit[k], c0[k], cend[k], tend[k]
        # Rule rows: each term-list row once per rule starting with its list (in the table's order).
        row, place = _expand(rt.count[label])
        entry = rt.start[label[row]] + place
        solo = rt.solo[entry]
        # Chains: from each occurrence of a rule's first list, the first occurrence of each later list at or after
        # the last part's end, within the gap and the sentence.
        by_list = label * (n_spaces + 1) + rank
        order = np.argsort(by_list, kind="stable")
        sorted_keys = by_list[order]
        pending = np.flatnonzero(~solo)
        t_end, c_end = tend[row[pending]], cend[row[pending]]
        chained, chain_ends = [], []
        for step in range(1, rt.parts.shape[1]):
            part = rt.parts[entry[pending], step]
            done = part < 0
            chained.append(pending[done])
            chain_ends.append(t_end[done])
            pending, part, t_end, c_end = pending[~done], part[~done], t_end[~done], c_end[~done]
            if not len(pending):
                break
            gap = rt.gaps[entry[pending], step]
            q = np.searchsorted(sorted_keys, part * (n_spaces + 1) + t_end)
            cand = order[np.minimum(q, len(order) - 1)]
            over = rank[cand] - t_end - gap  # words between the parts beyond the gap
            good = ((q < len(order)) & (label[cand] == part) & (unit[cand] == unit[row[pending]])
                    & (np.searchsorted(ends, np.maximum(c0[cand] - 1, c_end)) == np.searchsorted(ends, c_end)))
            near = np.where(good & (over <= _COPULA_SLACK), over, 0)  # just out of the gap: copulas may cover it
            good &= (over <= 0) | _copulas_cover(big, spaces, t_end, rank[cand], near)
            pending, cand = pending[good], cand[good]
            t_end, c_end = tend[cand], cend[cand]
        chained.append(pending)
        chain_ends.append(t_end)
        pair = np.concatenate([np.flatnonzero(solo)] + chained)
        t1 = np.concatenate([tend[row[solo]]] + chain_ends)
        # A unit's matches of a code in the order of the per-unit reading: term lists by first occurrence, rules by
        # their place in the list's table, occurrences in order.
        _, first_seen, back = np.unique(unit * len(rt.count) + label, return_index=True, return_inverse=True)
        h_row = row[pair]
        h_unit, h_code = unit[h_row], rt.code[entry[pair]]
        order = np.lexsort((h_row, place[pair], first_seen[back.ravel()][h_row], h_code, h_unit))
        pair, t1, h_row, h_unit, h_code = pair[order], t1[order], h_row[order], h_unit[order], h_code[order]
        if not len(pair):
            return []
        # The sentence of each match, and each sentence read once.
        h_c0 = c0[h_row]
        x = np.searchsorted(ends, h_c0)
        base = starts[h_unit]
        lo = np.where(x > np.searchsorted(ends, base), ends[np.maximum(x - 1, 0)] + 2, base)
        end_x = ends[x]
        hi = np.where(end_x < stops[h_unit] - 1, end_x + 3, stops[h_unit])
        firsts = np.searchsorted(spaces, lo) - unit_ranks[h_unit]
        _, one, which = np.unique(lo, return_index=True, return_inverse=True)
        read = self.cues_.sentences([(big, a, b, f) for a, b, f in zip(lo[one].tolist(), hi[one].tolist(),
                                                                         firsts[one].tolist(), strict=True)])
        _mark_colons(texts, h_unit[one].tolist(), read)
        hits = zip(h_unit.tolist(), h_code.tolist(), (rank[h_row] - unit_ranks[h_unit]).tolist(),
                   (t1 - unit_ranks[h_unit]).tolist(), rt.weight[entry[pair]].tolist(), solo[pair].tolist(),
                   which.ravel().tolist(), strict=True)
        out: list[tuple] = []
        for i, found in itertools.groupby(hits, key=_FIRST):
            out += self._unit_codings(i, found, read)
        return _evidence_offsets(texts, out)

    def _could_fire(self, present: frozenset) -> bool:
        """Whether some rule has all its term lists among ``present``."""
        return any(all(p in present for p in rule.parts[1:]) for label in present for rule in self.rules_by_first_.get(label, ()))

    def _new_kind(self, labels: tuple) -> int:
        """Register a match's label set: whether it alone lets a rule fire, and whether one of its lists is a rule."""
        kind_of, fires_alone, solo, plans = self._kinds_
        present = frozenset(label for label, _ in labels)
        kind_of[labels] = len(fires_alone)
        fires_alone.append(self._could_fire(present))
        solo.append(any(label in self.solo_lists_ for label in present))
        plans.add(labels, self._label_ids_)
        return kind_of[labels]

    def _unit_codings(self, i: int, hits: Iterable[tuple], sentences: list[_Sentence]) -> list[tuple]:
        """The codings of text ``i`` from its rule matches and the readings of their sentences (evidence by tokens).

        ``hits`` are ``(i, code index, first token, end token, weight, contiguous, sentence)`` by code index, in
        the order of reading; ``sentence`` indexes ``sentences``.
        """
        readings: dict[int, list[tuple]] = {}
        for _, code, t0, t1, weight, contiguous, k in hits:
            r = sentences[k].read(t0, t1, contiguous)
            if r[3]:
                continue  # a topic named, or someone else's change
            found = readings.get(code)
            if found is None:
                readings[code] = found = []
            found.append(((t0, t1, weight), r))
        out = []
        code_ids = self.code_ids_
        for code, read in readings.items():
            # Evidence in an attribution clause ("achieved through committed partners", "thanks to the dedication of
            # our staff") is reported too: the sentence asserts the cause happened (labelling guide, principle 5 and
            # section 4: the investment credited with lower caseloads is still commitment).
            positive = [(h, r) for h, r in read if not r[0]]
            chosen = positive or read
            score = 1.0 - math.prod(1.0 - h[2] for h, _ in chosen)
            if score < self.min_score:
                continue
            plain = [(h, r) for h, r in chosen if not r[1]]
            hit, (neg, _, where, _) = (plain or chosen)[0]
            hedged = not plain
            attr = where.attribution or next((r[2].attribution for _, r in (plain or chosen) if r[2].attribution), "")
            out.append((i, code_ids[code], score, neg, hedged, attr, hit[0], hit[1] - 1))
        return out


_COMPILED: dict[str, tuple] = {}  # codebook hash -> (term matcher, rules): compiling takes about 0.5 s a codebook


def _compile(codebook: Codebook) -> tuple[PatternSet, list[_Rule]]:
    """The codebook's term matcher and rules, compiled once per process (both depend on the codebook only)."""
    found = _COMPILED.get(codebook.hash)
    if found is not None:
        return found
    classes = codebook.classes
    lists: dict[tuple[str, ...], str] = {}
    rules: list[_Rule] = []

    def expand(terms: Any) -> list[str]:
        terms = [terms] if isinstance(terms, str) else list(terms)
        expanded: list[str] = []
        for t in terms:
            expanded += classes[t[1:]] if t.startswith("@") else [t]
        return expanded

    def list_id(terms: Any) -> str:
        key = tuple(sorted(set(expand(terms))))
        return lists.setdefault(key, f"L{len(lists)}")

    def near_side(terms: Any) -> list[tuple[list[str], list[int]]]:
        """The parts and gaps of one side of a near rule: its terms without a gap as one list, each term with a
        ``~N`` gap ("work* ~2 closely") as a chain of its own (a gap inside a list would be read as a word)."""
        plain, options = [], []
        for term in expand(terms):
            parts, gaps = split_parts(term)
            if gaps:
                options.append(([list_id(p) for p in parts], gaps))
            else:
                plain.append(term)
        return ([([list_id(plain)], [])] if plain else []) + options

    for code_id in codebook.code_ids:
        spec = codebook.code(code_id).get("rules") or {}
        weight = float(spec.get("weight", 0.8))
        for phrase in spec.get("phrases", []):
            try:
                parts, gaps = split_parts(phrase)
            except ValueError as exc:
                raise InputError(f"codebook {codebook.id}, code {code_id}: {exc}") from None
            rules.append(_Rule(code_id, [list_id(p) for p in parts], gaps, weight))
        for near in spec.get("near", []):
            within, w = int(near.get("within", 6)), float(near.get("weight", 0.6))
            try:
                sides = near_side(near["terms"]), near_side(near["with"])
            except ValueError as exc:
                raise InputError(f"codebook {codebook.id}, code {code_id}: {exc}") from None
            for (a, a_gaps), (b, b_gaps) in itertools.product(*sides):
                rules.append(_Rule(code_id, a + b, a_gaps + [within] + b_gaps, w))
                if not near.get("ordered", False):
                    rules.append(_Rule(code_id, b + a, b_gaps + [within] + a_gaps, w))
    try:
        # The phrases without impact sense ride along in the same scan: they mask the terms inside them.
        terms = PatternSet({**{lid: list(key) for key, lid in lists.items()},
                            _SENSE: [*wordlist("senses"), *_CASEWORK_KNOWLEDGE]})
    except ValueError as exc:
        raise InputError(f"codebook {codebook.id}: {exc}") from None
    if len(_COMPILED) >= 16:
        _COMPILED.clear()
    _COMPILED[codebook.hash] = terms, rules
    return terms, rules


def _name_tokens(cues: _Cues, text: str) -> set[int]:
    """Token indexes of the words of names, which are not evidence.

    A *name* is a run of two or more capitalised words (joined by at most
    "and", "of", "for", "the", "in", "on"): "Learning and Improvement
    Sub-Group", "Early Help Hub".  Its words are masked except a head noun
    of the bundled ``name_heads`` list that ends the name or a part of it
    before "of", "for", "in" or "on", so that "a new Improvement Board was
    set up" still reads "a new board was set up" and "we implemented an
    Improvement Plan for Children's Services" reads "we implemented a plan".
    Text set mostly in capitals (headings) is not read for names.
    """
    if _TWO_CAPITALS.search(text) is None:
        return set()
    masked: set[int] = set()
    words = tokenizer(text).findall(text)
    caps = [len(w) > 1 and w[0].isupper() and not w.isupper() for w in words]
    n_caps = sum(caps)
    if n_caps < 2 or n_caps > 0.6 * len(words):
        return masked
    # Runs of capitalised words, each next to the last or one joiner after it; a run of two or more is a name.
    runs: list[list[int]] = []
    for k in itertools.compress(range(len(words)), caps):
        run = runs[-1] if runs else None
        if run is not None and (k == run[-1] + 1 or (k == run[-1] + 2 and words[k - 1] in _NAME_JOINERS)):
            run += range(run[-1] + 1, k + 1)
        else:
            runs.append([k])
    for run in runs:
        if len(run) < 2:
            continue
        # A name made of names ("Improvement Plan for Children's Services") keeps the head noun of each
        # part before "for", "of", "in" or "on", as well as the last.
        keep = {j for j, nxt in zip(run, run[1:] + [None], strict=True)
                if (nxt is None or words[nxt] in _PART_JOINERS) and stem(words[j]) in cues.heads}
        if words[run[-1]].lower() == "door" and words[run[-2]].lower() == "front" and run[-1] in keep:
            run = run[:-1]
        masked.update(j for j in run if j not in keep)
    return masked


_SENSE = "~sense"  # label of the phrases without impact sense in the term scan
# Practitioners knowing the children and families they work with is casework quality, not the council's insight
# (labelling guide, section 8: practitioners' practice skill with no training, reflection or understanding words).
_CASEWORK_KNOWLEDGE = tuple(f"{v} {d}{e} well" for v in ("know", "knew") for d in ("", "the ", "their ", "these ")
                            for e in ("children", "child", "families", "family", "young people",
                                      "children and families", "children and young people"))
# Two capitalised words in a row, perhaps joined by "and", "of", ...: the only texts that can hold a name.
_TWO_CAPITALS = re.compile(r"[A-Z][^\W_]*[\W_]+(?:(?:and|of|for|the|in|on)\s+)?[A-Z][^\W_]")
_NAME_JOINERS = frozenset({"and", "of", "for", "the", "in", "on"})
_PART_JOINERS = frozenset({"of", "for", "in", "on"})


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch is coded (restored after, as it was).

    Coding makes many small tuples and lists and no reference cycles (each is
    freed by its reference count), but their number sets off collections that
    walk every object of the process, the coder's memos included: about a
    tenth of the coding time on distinct text (measured, see
    docs/performance.md).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _progress(steps: Any, show: bool, *, total: int | None = None, desc: str = "coding", unit: str = "chunk") -> Any:
    """``steps``, wrapped in a tqdm progress bar on stderr when ``show``.

    In a Jupyter kernel without ipywidgets (not a dependency), importing ``tqdm.auto`` warns "IProgress not found.
    Please update jupyter and ipywidgets" and then draws tqdm's text bar, as it does outside a notebook: the warning
    asks the user to install something they did not ask for and changes nothing, so it is not shown.
    """
    if not show:
        return steps
    import warnings

    from tqdm.std import TqdmWarning

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="IProgress not found", category=TqdmWarning)
        from tqdm.auto import tqdm

    return tqdm(steps, total=total, desc=desc, unit=unit, disable=None)


def _stem_strings(texts: list[str]) -> list[str]:
    """The stem string of each text (memoised: sentences recur across interviews)."""
    memo = _STEM_TEXTS
    if len(memo) > _STEM_MEMO_LIMIT:
        memo.clear()
    stems = list(map(memo.get, texts))
    if None in stems:
        new = [k for k, s in enumerate(stems) if s is None]
        for k, s in zip(new, stem_texts([texts[k] for k in new]), strict=True):
            stems[k] = memo.setdefault(texts[k], s)
    return stems


def _code_with(coders: Sequence[RuleCoder], texts: list[str]) -> list[list[tuple]]:
    """Code the same texts with several fitted coders, stemming each text once.

    Returns each coder's raw codings ``(i, code, score, negated, hedged,
    attribution, start, end)``, ``i`` indexing ``texts`` and offsets within
    the text: what :meth:`RuleCoder.code` turns into its output (see
    :func:`_coded_frame`).  Each coder's codings of a text depend on that text
    only, so coding texts in batches gives the same rows.
    """
    stems = _stem_strings(texts)
    return [coder._code_stems(texts, stems) for coder in coders]


def _unit_rows(rows: list[tuple], found: list[tuple], first: int, units: list, offsets: list[int]) -> None:
    """Append raw codings of texts ``first, first + 1, ...`` as output rows (unit ids, transcript offsets)."""
    for i, code, score, neg, hedge, attr, s, e in found:
        k = first + i
        rows.append((units[k], code, score, neg, hedge, attr, s + offsets[k], e + offsets[k]))


_ANAPHOR_REACH = 4  # words from a resolved pronoun's referent to the end of the evidence it gives
# A unit that may open with a pronoun or demonstrative (read closely by _anaphora.anaphor), or hold one after a
# sentence end: the only units whose sentences can need the sentence before them.  Both are found in one pass over
# the batch joined by NUL characters (a regex call per unit took a tenth of the coding time of short segments).
_OPENING_ANAPHOR = re.compile(r"\x00[\s\"'\u2018\u201c(]*(?:it|they|this|that|these|those)\b", re.IGNORECASE)
_INNER_ANAPHOR = re.compile(r"[.!?][\"'\u2019\u201d)]?\s+[\"'\u2018\u201c(]?(?:It|They|This|That|These|Those)\b")


def _anaphor_units(texts: list[str], previous: list) -> list[int]:
    """Indices of the texts that open with an anaphor and have a previous sentence, or hold one inside."""
    joined = "\x00" + "\x00".join(texts)
    ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
    inner = [m.start() for m in _INNER_ANAPHOR.finditer(joined)]
    opening = [m.start() + 1 for m in _OPENING_ANAPHOR.finditer(joined)]
    found = set(np.searchsorted(ends, np.asarray(inner, dtype=np.int64), side="right").tolist())
    for i in np.searchsorted(ends, np.asarray(opening, dtype=np.int64), side="right").tolist():
        before = previous[i]
        if before is not None and before.strip():
            found.add(i)
    return sorted(found)


def _previous_list(previous: Any, texts: Any, n: int) -> list:
    """``previous`` as one value per unit (None where there is none).

    Raises
    ------
    impact.InputError
        When ``previous`` does not give one text (or a missing value) per unit.
    """
    if previous is None:
        if isinstance(texts, pd.DataFrame) and {"interview_id", "turn"} <= set(texts.columns):
            return _turn_previous(texts)
        return [None] * n
    if isinstance(previous, pd.Series):
        if isinstance(texts, pd.Series | pd.DataFrame):
            missing = texts.index.difference(previous.index)
            if len(missing):
                raise InputError(f"The value for `previous` must be indexed like `texts`, but it has no entry for "
                                 f"units {missing[:10].tolist()}.")
            previous = previous.reindex(texts.index)
        values = previous.tolist()
    elif isinstance(previous, Sequence) and not isinstance(previous, str):
        values = list(previous)
    else:
        raise InputError("The value for `previous` must be None, a pandas Series or a sequence of texts, but "
                         f"{type(previous).__name__} was passed.")
    if len(values) != n:
        raise InputError(f"The value for `previous` must give one entry per unit ({n}), but it has {len(values)}.")
    bad = [k for k, v in enumerate(values)
           if not (v is None or v is pd.NA or isinstance(v, str) or (isinstance(v, float) and math.isnan(v)))]
    if bad:
        raise InputError(f"The value for `previous` must hold texts or missing values, but entries {bad[:10]} are "
                         f"{sorted({type(values[k]).__name__ for k in bad})}.")
    return [v if isinstance(v, str) else None for v in values]


def _turn_previous(segments: pd.DataFrame) -> list:
    """The text of the segment before each segment in the same interview and speaker turn (None for a turn's first):
    a pronoun is resolved within what one speaker said, never across speakers or interviews."""
    keys = [pd.factorize(segments[c], use_na_sentinel=False)[0]
            for c in ("interview_id", "turn", "speaker") if c in segments.columns]
    start = segments["start"].to_numpy() if "start" in segments.columns else np.arange(len(segments))
    order = np.lexsort((start, *keys[::-1]))  # by interview, turn, speaker, then start
    same = np.ones(max(len(order) - 1, 0), dtype=bool)
    for key in keys:
        ordered = key[order]
        same &= ordered[1:] == ordered[:-1]
    texts = segments["text"].tolist()
    out: list = [None] * len(texts)
    for k in np.flatnonzero(same).tolist():
        out[order[k + 1]] = texts[order[k]]
    return out


def _merge_resolved(rows: list[tuple], resolved: list[tuple], units: list, starts: list[int]) -> list[tuple]:
    """Add codings of resolved sentences to the coder's rows: a code the unit lacks, or one the unit has only negated
    or hedged when the resolved sentence reports it; rows stay in unit order."""
    where = {(r[0], r[1]): k for k, r in enumerate(rows)}
    rank = {u: k for k, u in enumerate(units)}
    added: list[tuple] = []
    for i, code, score, neg, hedge, attr, a, b in sorted(resolved, key=lambda r: (r[0], r[3] or r[4])):
        row = (units[i], code, score, neg, hedge, attr, a + starts[i], b + starts[i])
        k = where.get((units[i], code))
        if k is None:
            where[(units[i], code)] = len(rows) + len(added)
            added.append(row)
        elif not (neg or hedge):
            old = rows[k] if k < len(rows) else added[k - len(rows)]
            if old[3] or old[4]:
                if k < len(rows):
                    rows[k] = row
                else:
                    added[k - len(rows)] = row
    if not added:
        return rows
    merged = rows + added
    return [r for _, r in sorted(enumerate(merged), key=lambda p: (rank[p[1][0]], p[0] >= len(rows), p[0]))]


def _coded_frame(rows: list[tuple]) -> pd.DataFrame:
    """The coder's output frame (:data:`CODED_COLUMNS`, fixed dtypes) from output rows."""
    out = pd.DataFrame(rows, columns=CODED_COLUMNS)
    return out.astype({"code": str, "score": "float64", "negated": bool, "hedged": bool, "attribution": str,
                       "start": "int64", "end": "int64"})


def _plan(labels: tuple[tuple[str, int], ...]) -> tuple[tuple[int, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    """A term match's labels as ``(token counts of its phrases without impact sense, runs of term lists by token count)``.

    The runs keep the labels' order (term lists of one token count in a row share their occurrence).
    """
    senses = tuple(n for label, n in labels if label == _SENSE)
    groups: list[tuple[int, list[str]]] = []
    for label, n in labels:
        if label == _SENSE:
            continue
        if groups and groups[-1][0] == n:
            groups[-1][1].append(label)
        else:
            groups.append((n, [label]))
    return senses, tuple((n, tuple(group)) for n, group in groups)


def _evidence_offsets(texts: list[str], rows: list[tuple]) -> list[tuple]:
    """Codings ``(i, code, score, negated, hedged, attribution, first token, last token)`` with the tokens'
    character offsets in text ``i`` in place of their indexes.

    The tokens of ASCII texts are found for all of them at once with array
    operations over their bytes (the tokens of :func:`tokenizer`'s pattern:
    letters and digits with inner apostrophes, and ``. ? ! ; ,``); other
    texts are tokenised one by one, as far as needed.
    """
    need: dict[int, int] = {}  # text -> its last token wanted
    for r in rows:
        need[r[0]] = max(need.get(r[0], 0), r[6], r[7])
    plain = [i for i in need if texts[i].isascii()]
    found: dict[int, tuple[int, int]] = {}  # row -> offsets
    if plain:
        b = np.frombuffer("\n".join([texts[i] for i in plain]).encode("ascii"), dtype=np.uint8)
        word, punct = _WORD_BYTES[b], _PUNCT_BYTES[b]
        cont = np.zeros(len(b), dtype=bool)  # a word character continuing the token before it ("didn't")
        cont[1:] = word[1:] & word[:-1]
        cont[2:] |= word[2:] & (b[1:-1] == 39) & word[:-2]
        last = np.append(~cont[1:], True)  # the token ends after it: no word character, nor an inner apostrophe, next
        last[:-2] &= ~((b[1:-1] == 39) & word[2:])
        first = np.flatnonzero((word & ~cont) | punct)
        end = np.flatnonzero((word & last) | punct) + 1
        base = np.cumsum([0] + [len(texts[i]) + 1 for i in plain[:-1]])
        rank = np.searchsorted(first, base)  # each text's first token
        where = {i: k for k, i in enumerate(plain)}
        sel = [k for k, r in enumerate(rows) if r[0] in where]
        p = np.array([where[rows[k][0]] for k in sel], dtype=np.int64)
        t0 = np.array([rows[k][6] for k in sel], dtype=np.int64)
        t1 = np.array([rows[k][7] for k in sel], dtype=np.int64)
        found = dict(zip(sel, zip((first[rank[p] + t0] - base[p]).tolist(), (end[rank[p] + t1] - base[p]).tolist(),
                                  strict=True), strict=True))
    out, tokens_of = [], {}
    for k, r in enumerate(rows):
        span = found.get(k)
        if span is None:
            i = r[0]
            tokens = tokens_of.get(i)
            if tokens is None:
                tokens = tokens_of[i] = list(itertools.islice(tokenizer(texts[i]).finditer(texts[i]), need[i] + 1))
            span = (tokens[r[6]].start(), tokens[r[7]].end())
        out.append(r[:6] + span)
    return out


_WORD_BYTES = np.zeros(256, dtype=bool)  # ASCII letters and digits
_WORD_BYTES[[ord(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"]] = True
_PUNCT_BYTES = np.zeros(256, dtype=bool)  # the punctuation tokens
_PUNCT_BYTES[[ord(c) for c in ".?!;,"]] = True


class _KindTable:
    """The plans of the label sets of term matches (by id, see :func:`_plan`) as flat arrays.

    Label set ``k`` has ``g_count[k]`` groups from ``g_start[k]``: group ``j``
    holds the term lists ``labels[g_lstart[j] : g_lstart[j] + g_lcount[j]]``
    (by id) of ``g_n[j]`` tokens; its phrases without impact sense have the
    token counts ``s_n[s_start[k] : s_start[k] + s_count[k]]``.
    """

    _FIELDS = ("g_start", "g_count", "g_n", "g_lstart", "g_lcount", "labels", "s_start", "s_count", "s_n")

    def __init__(self) -> None:
        self.lists: dict[str, list[int]] = {name: [] for name in self._FIELDS}
        self._arrays: Any = None

    def add(self, labels: tuple[tuple[str, int], ...], ids: dict[str, int]) -> None:
        """Append the plan of the next label set; ``ids`` numbers the term lists."""
        senses, groups = _plan(labels)
        f = self.lists
        f["g_start"].append(len(f["g_n"]))
        f["g_count"].append(len(groups))
        for n, group in groups:
            f["g_n"].append(n)
            f["g_lstart"].append(len(f["labels"]))
            f["g_lcount"].append(len(group))
            f["labels"] += [ids[label] for label in group]
        f["s_start"].append(len(f["s_n"]))
        f["s_count"].append(len(senses))
        f["s_n"] += senses
        self._arrays = None

    def arrays(self) -> Any:
        """The fields as int64 arrays (attributes of one object), made again only after :meth:`add`."""
        if self._arrays is None:
            self._arrays = types.SimpleNamespace(**{name: np.array(self.lists[name], dtype=np.int64)
                                                    for name in self._FIELDS})
        return self._arrays


class _RuleArrays:
    """The rules by their first term list, as arrays: list ``L``'s rules are entries ``start[L] : start[L] + count[L]``.

    Entry ``e`` (in the order of ``rules_by_first``) has ``code`` (index in
    ``code_ids``), ``weight``, ``solo`` (one contiguous part), and ``parts[e, s]``
    / ``gaps[e, s]``: the id of its part ``s`` and the gap before it (-1 after its last part).
    """

    def __init__(self, rules_by_first: dict[str, list[_Rule]], ids: dict[str, int], code_ids: list[str]) -> None:
        entries = [rule for label in ids for rule in rules_by_first.get(label, ())]
        width = max((len(rule.parts) for rule in entries), default=1)
        self.count = np.array([len(rules_by_first.get(label, ())) for label in ids], dtype=np.int64)
        self.start = np.cumsum(self.count) - self.count
        codes = {code: k for k, code in enumerate(code_ids)}
        self.code = np.array([codes[rule.code] for rule in entries], dtype=np.int64)
        self.weight = np.array([rule.weight for rule in entries], dtype=np.float64)
        self.solo = np.array([rule.contiguous for rule in entries], dtype=bool)
        self.parts = np.full((len(entries), width), -1, dtype=np.int64)
        self.gaps = np.zeros((len(entries), width), dtype=np.int64)
        for e, rule in enumerate(entries):
            self.parts[e, : len(rule.parts)] = [ids[part] for part in rule.parts]
            self.gaps[e, 1 : len(rule.parts)] = rule.gaps


def _copulas_cover(big: str, spaces: np.ndarray, lo: np.ndarray, hi: np.ndarray, over: np.ndarray) -> np.ndarray:
    """Whether the words of ranks ``lo[k]`` to ``hi[k] - 1`` of ``big`` hold at least ``over[k]`` copulas (for each
    ``k`` with ``over[k] > 0``; a few pairs of a batch: those whose parts are just out of their gap)."""
    out = np.zeros(len(over), dtype=bool)
    for k in np.flatnonzero(over > 0).tolist():
        words = big[spaces[lo[k]] + 1:spaces[hi[k]]].split(" ")
        out[k] = sum(w in _COPULAS for w in words) >= over[k]
    return out


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each index ``k`` repeated ``counts[k]`` times, with the number ``0 .. counts[k] - 1`` of each repeat."""
    index = np.repeat(np.arange(len(counts)), counts)
    within = np.arange(len(index)) - np.repeat(np.cumsum(counts) - counts, counts)
    return index, within




# A speaker's self-introduction, the whole text: who they are, where they work, how long ("I'm a social worker in the
# child protection team.", "I work in the fostering team.", "I've been a family support worker at the council since
# 2015.", "My role is practice lead for the west locality."); it says no change, so it is no clear statement.  Words
# that carry a statement ("more", "than", "and", "since the review" as a cause) end the noun phrases, so "I work with
# families far sooner than before" is no introduction.
_NP_WORD = (r"(?!(?:that|who|which|and|but|because|so|when|where|it|we|they|this|since|for|in|at|with|on|of|from|to|"
            r"than|more|less|much|far|better|worse|sooner|now|before|after|really|very|all|every|about)\b)[\w'’&\-]+")
_NP = rf"(?:{_NP_WORD}\s+){{0,5}}{_NP_WORD}"
_INTRODUCTION_RE = re.compile(
    r"^\W*(?:(?:hi|hello|so|well|yeah|yes|ok|okay|right|um|erm|er)\W+)*"
    r"(?:(?:i['’]?m|i\s+am|i['’]ve\s+been|i\s+have\s+been|i\s+was)(?:\s+(?:now|currently|also|just|still))?"
    rf"\s+(?:(?:employed|working)\s+)?(?:as\s+)?(?:a|an|the|one\s+of\s+(?:the|our)|part\s+of\s+the)\s+{_NP}"
    r"|(?:i['’]ve\s+worked|i\s+have\s+worked|i\s+work|i\s+worked)(?:\s+(?:now|currently|also|just|still))?"
    rf"(?:\s+as\s+(?:(?:a|an|the)\s+)?{_NP})?"
    rf"|my\s+(?:role|job|post|job\s+title)\s+is\s+(?:(?:a|an|the)\s+)?{_NP})"
    rf"(?:,?\s+(?:in|at|for|with|on|within|across|of|from)\s+(?:(?:the|a|an|our|this|their|my)\s+)?{_NP}){{0,3}}"
    r"(?:,?\s+(?:for|since|over)\s+(?:(?:about|around|nearly|almost|over|just)\s+)?[\w]+(?:\s+(?:years?|months?))?)?"
    r"(?:,?\s+now)?\s*[.!]?\s*$",
    re.IGNORECASE,
)
_INTENTIONS = frozenset(f" {p}" for p in ("plan to", "plans to", "planning to", "aim to", "aims to", "aiming to"))


def modality_cues(texts: str | Iterable[str]) -> pd.DataFrame:
    """Which texts carry a negation, denial, hedging or conditional cue anywhere, or end as a question.

    A stricter reading than the coder's, which scopes each cue to the clause
    around the evidence: a sentence is a *clear statement* only when no cue
    of negation ("not", "hasn't", "the answer is no"), denial ("I couldn't
    claim"), hedging or modality ("hope", "might", "should", "need to",
    "plan to", "early days"; the bundled ``hedges`` and ``modals`` lists and
    the intentions of ``purpose_cues``) or condition ("would",
    "ideally", "if"; the bundled ``conditionals`` list) appears in it at all,
    it is not a question and it is not the speaker's self-introduction alone
    ("I'm a social worker in the child protection team.", "I work in the
    fostering team."), which says no change.  A "No," that opens the sentence is an answer,
    not a negation.  Reports quote only clear statements.

    Parameters
    ----------
    texts : str or sequence of str
        The texts; one text alone is read as one.

    Returns
    -------
    DataFrame
        One row per text: ``negation``, ``hedging``, ``conditional``,
        ``question``, ``introduction`` and ``clear`` (none of them), booleans.

    Examples
    --------
    >>> modality_cues(["Morale has improved.", "Morale hasn't improved.", "We hope morale improves.",
    ...                "Asked if morale changed, the answer is no.", "Ideally it would help morale."])["clear"].tolist()
    [True, False, False, False, False]
    """
    from .._joins import refuse_table_or_dict

    refuse_table_or_dict(texts, "texts", noun="text")  # a table's column names, a dict's keys read as texts (newuser18)
    cues, conditionals, rows = _shared_cues(), _conditionals(), []
    for text in [texts] if isinstance(texts, str) else texts:  # one text alone, not its letters
        text = str(text)
        s = stem_text(text)
        opening = len(s) - len(s.lstrip(" "))
        neg = False
        for start, _end, labels in cues.neg.find(s, 0, len(s)):
            pseudo = labels[0][0] == "pseudo"
            if not pseudo or (s[start:start + 4] == " no " and s[start:].lstrip().startswith("no ,") and start > opening):
                neg = True  # a real negation, or "..., the answer is no," (not an opening "No,")
        hedge = bool(cues.hedge.find(s, 0, len(s))) or any(
            labels[0][0] == "modal" or s[a:b] in _INTENTIONS for a, b, labels in cues.modal.find(s, 0, len(s)))
        conditional = bool(conditionals.find(s, 0, len(s)))
        question = text.rstrip().endswith("?")
        intro = bool(_INTRODUCTION_RE.match(text))
        rows.append((neg, hedge, conditional, question, intro, not (neg or hedge or conditional or question or intro)))
    return pd.DataFrame(rows, columns=["negation", "hedging", "conditional", "question", "introduction", "clear"])


class _Cues:
    """The cue lists, compiled; reads negation, modality, topic, attribution and experiencer around a match."""

    def __init__(self) -> None:
        attribution = attribution_cues()
        self.neg = PatternSet(
            {"neg": wordlist("negators"), "denial": wordlist("denials"), "pseudo": wordlist("pseudo_negators")},
            longest=True,
        )
        self.hedge = PatternSet({"hedge": wordlist("hedges")}, longest=True)
        self.modal = PatternSet(
            {"modal": wordlist("modals"), "purpose": wordlist("purpose_cues"), "pseudo": wordlist("pseudo_modals")},
            longest=True,
        )
        self.boundary = PatternSet({"boundary": wordlist("boundaries")}, longest=True)
        self.frames = PatternSet(
            {"topic": wordlist("topic_frames"), "exp": wordlist("experiencers"),
             "org": [f"{e} {h}" for e in (*wordlist("experiencers"), "children and families", "children and young people")
                     for h in _ORG_HEADS],
             "exp_with": [f"with {d}{e}" for e in wordlist("experiencers") for d in ("", "the ", "their ", "our ")],
             # after a comma, "with children who ..." opens a phrase of its own, not the evidence's other party
             "with_after_comma": [f", with {d}{e}" for e in wordlist("experiencers") for d in ("", "the ", "their ", "our ")],
             "national": [f"{p} {d}{n}" for p in ("from", "by") for d in ("", "the ") for n in _NATIONAL],
             "deficit": wordlist("deficits"), "prior": list(_PRIOR), "sub": list(_SUBCLAUSES),
             "deficit_before": list(_DEFICIT_BEFORE), "needs": list(_NEEDS), "listing": list(_LISTING),
             # "there is poor ...", "there was limited ...": the copula's deficit ends in a deficit of the noun after it
             "deficit_copula": [p for p in wordlist("deficits") if p.split()[-1] in _DEFICIT_BEFORE and " " in p],
             "result": list(_RESULTS), "rejected": list(_REJECTED), "and_subject": list(_AND_PRONOUNS),
             "generic": [f"{p} any" for p in _PREPOSITIONS]},
            longest=True,
        )
        # Where the reach of a negation or modality cue after the evidence stops (needed only with such a cue).
        self.stops = PatternSet({"stop": list(_MODAL_STOPS), "predicate": list(_PREDICATES), "comma": [","],
                                 "comma_stop": [", and", ", but"], "and_det": list(_AND_SUBJECTS),
                                 "cause_np": list(_CAUSE_NPS), "by": ["by"], "linking": list(_LINKING),
                                 "conj": ["and", "or", "but"]},
                                longest=True)
        # The closed-class words that show a clause's shape (its auxiliaries and modal verbs, a new subject): scanned
        # only in sentences with a modal cue and kept apart from the frames, as they are many and one reading needs them.
        self.shape = PatternSet({"aux": list(_AUXILIARIES), "verb_modal": list(_VERB_MODALS),
                                 "new_subject": list(_NEW_SUBJECTS)}, longest=True)
        self.verb_modals = PatternSet({"verb_modal": list(_VERB_MODALS)}).regex  # which sentences need the shape
        # Where a topic's noun phrase ends: read only in sentences with a topic frame.
        self.topic_ends = PatternSet({"phrase_end": list(_PHRASE_ENDS), "phrase_more": [", as well as"],
                                      "subject": list(_SUBJECT_PRONOUNS), "embedding": list(_EMBEDDING)},
                                     longest=True)
        # Whose "their" is: read only in sentences with an experiencer (children, families, ...) that can own it.
        self.owners = PatternSet({"their": ["their"], "prep": list(_PREPOSITIONS), "first_person": list(_FIRST_PERSON),
                                  "quant": list(_QUANTIFIERS)}, longest=True)
        self.their = PatternSet({"their": ["their"]}).regex  # which of those sentences need the owners' scan
        groups = {"review": attribution["review"], "unclear": attribution["unclear"], "causal": attribution["causal"]}
        groups.update({f"factor:{k}": v for k, v in attribution["factors"].items()})
        self.attribution = PatternSet({**groups, "than": ["than", "than to"], "reporter": list(_REPORTERS),
                                       "reported_by": [f"{v} by" for v in _REPORTERS] + ["according to"],
                                       "validator": ["recognised", "recognized", "confirmed", "validated", "affirmed",
                                                     "agreed with", "acknowledged", "endorsed"]},
                                      longest=False)
        # Which scans a sentence needs, each decided by one regex search (no Python work per match): most
        # sentences with evidence have no cue at all or only one kind.
        self.attribution_core = PatternSet({"attribution": [p for k, v in groups.items() if k != "causal" for p in v]})
        # The heads a capitalised name keeps.
        self.heads = frozenset(stem(w) for w in wordlist("name_heads"))

    def flags(self, text: str) -> tuple[bool, str]:
        """``(hedged, attribution)`` of a whole text (used by coders without evidence spans)."""
        sentence = self.sentence(stem_text(text), 0, None, 0)
        return sentence.hedged or bool(sentence.hedges) or bool(sentence.modals), sentence.attribution

    def sentence(self, s: str, lo: int, hi: int | None, first_token: int) -> _Sentence:
        """Read the cues of the sentence ``s[lo:hi]`` whose first token has index ``first_token``."""
        return self.sentences([(s, lo, hi, first_token)])[0]

    def sentences(self, items: Sequence[tuple[str, int, int | None, int]]) -> list[_Sentence]:
        """:meth:`sentence` of each ``(s, lo, hi, first_token)``, every cue list scanned once for all of them.

        The sentences are joined by ``|`` (no cue holds it, so no match crosses
        it) and each cue list is scanned over the joined text: one regex pass
        instead of one per sentence, with the same matches.
        """
        pieces = [s[lo:(len(s) if hi is None else hi)] for s, lo, hi, _ in items]
        firsts = [item[3] for item in items]
        every = range(len(pieces))
        neg = _scan(self.neg, pieces, firsts, every)
        modal = _scan(self.modal, pieces, firsts, every)
        frames = _scan(self.frames, pieces, firsts, every)
        hedge = _scan(self.hedge, pieces, firsts, every)
        # Which sentences need the costly attribution scan (every token position): those with one of its core cues.
        has_attribution = _present(self.attribution_core.regex, pieces, every)
        cued = [k for k in every if k in neg or k in modal or k in frames or k in has_attribution or k in hedge]
        bounds = _scan(self.boundary, pieces, firsts, cued)
        attributions = _scan(self.attribution, pieces, firsts, [k for k in cued if k in has_attribution])
        out = [_Sentence(first, [], [], [], " ? " in piece, None, [], [])  # then each cue list finds nothing
               for first, piece in zip(firsts, pieces, strict=True)]
        need_stops = []
        for k in cued:
            found = attributions.get(k, [])
            reviews = [f for f in found if f[2] == "review"]
            covered = {t for a, b, label in found if label == "causal" for t in range(a, b)}
            negators, review_negated = [], False
            for a, b, label in neg.get(k, ()):
                if label == "pseudo":
                    continue
                if label == "neg" and any(0 <= r - b <= _REVIEW_GAP and all(t in covered for t in range(b, r))
                                          for r, _, _ in reviews):
                    review_negated = True  # "not the review", "nothing to do with the review", not "not improved since the review"
                    continue
                negators.append(a)
            thans = [b for _, b, label in found if label == "than"]
            if any(r in thans for r, _, _ in reviews):
                review_negated = True  # "more to the restructure than to the review"
            hedged = out[k].hedged  # a question: the whole sentence asks
            modals = [m for m in modal.get(k, ()) if m[2] != "pseudo"]
            cue_frames = list(frames.get(k, ()))
            if negators or modals or (cue_frames and any(f[2] in _DEFICIT_LABELS for f in cue_frames)):
                need_stops.append(k)
            bound = bounds.get(k, ())
            out[k] = _Sentence(firsts[k], [b[0] for b in bound], [b[1] for b in bound], negators, hedged,
                               (found, review_negated) if k in has_attribution else None, modals, cue_frames,
                               [h[0] for h in hedge.get(k, ())])
        stops = _scan(self.stops, pieces, firsts, need_stops)
        with_modals = [k for k in need_stops if out[k].modals]
        for k in with_modals:
            out[k].text = pieces[k]  # read again only to see what stands before a modal word (_Sentence.after_det)
        with_verbs = sorted(_present(self.verb_modals, pieces, with_modals))
        for k, found_shape in _scan(self.shape, pieces, firsts, with_verbs).items():
            shape: dict[str, list[int]] = {label: [] for label in ("aux", "verb_modal", "new_subject")}
            for a, _, label in found_shape:
                shape[label].append(a)
            out[k].shape = {label: sorted(v) for label, v in shape.items()}
        with_topic = [k for k in cued if any(f[2] == "topic" for f in out[k].frames)]
        for k, found_ends in _scan(self.topic_ends, pieces, firsts, with_topic).items():
            out[k].frames += found_ends
        with_exp = _present(self.their, pieces, [k for k in cued if any(f[2] == "exp" for f in out[k].frames)])
        for k, found_owner in _scan(self.owners, pieces, firsts, sorted(with_exp)).items():
            out[k].owned = _owned_possessives(out[k].frames, found_owner)
        for k in cued:
            sentence = out[k]
            frames_k = sentence.frames
            if k in stops:
                frames_k += stops[k]
                sentence.predicates = [a for a, _, label in frames_k if label == "predicate"]
                if any(f[2] == "and_det" for f in frames_k):
                    words, first_token = pieces[k].split(), firsts[k]
                    for a, b, label in frames_k:
                        if label == "and_det":
                            after = words[b - first_token:b - first_token + _AND_REACH]
                            if any(w in _AND_VERBS for w in itertools.takewhile(lambda w: w != ",", after)):
                                sentence.predicates.append(a)
            if any(f[2] == "exp" for f in frames_k):
                # An experiencer owns the evidence only when nothing but adverbs, auxiliaries and verbs of saying or
                # feeling lie between them ("parents now understand"; not "a family resilience model").
                words = pieces[k].split()
                first_token = firsts[k]
                for j, (a, b, label) in enumerate(frames_k):
                    if label == "exp":
                        while b - first_token < len(words) and words[b - first_token] in _EXP_FILLERS:
                            b += 1
                        frames_k[j] = (a, b, label)
        return out


def _scan(patterns: PatternSet, pieces: list[str], firsts: list[int], which: Iterable[int]) -> dict[int, list]:
    """Matches of ``patterns`` in the pieces ``which``: piece -> ``[(first token, end token, label), ...]``.

    Token indexes count from each piece's first token ``firsts[k]``; a match of
    several labels gives one item per label (with the match's token count).
    """
    which = list(which)
    if not which:
        return {}
    joined = "|".join([pieces[k] for k in which])
    out: dict[int, list] = {}
    found = patterns.find(joined)
    if not found:
        return out
    offsets = list(itertools.accumulate((len(pieces[k]) + 1 for k in which), initial=0))
    p, items, tok, prev, nxt = -1, None, 0, 0, 0
    for start, end, labels in found:
        if start >= nxt:
            p = bisect.bisect_right(offsets, start) - 1
            k = which[p]
            items = out[k] = []
            tok, prev, nxt = firsts[k], offsets[p], offsets[p + 1]
        tok += joined.count(" ", prev, start)
        prev = start
        n = joined.count(" ", start + 1, end) + 1
        if len(labels) == 1:
            items.append((tok, tok + n, labels[0][0]))
        else:
            items += [(tok, tok + n, label) for label, _ in labels]
    return out


def _present(regex: re.Pattern, pieces: list[str], which: Iterable[int]) -> set[int]:
    """The pieces ``which`` in which ``regex`` finds a match."""
    which = list(which)
    if not which:
        return set()
    joined = "|".join([pieces[k] for k in which])
    offsets = list(itertools.accumulate((len(pieces[k]) + 1 for k in which), initial=0))
    found, nxt = set(), -1
    for m in regex.finditer(joined):
        start = m.start()
        if start >= nxt:  # the first match in a new piece
            p = bisect.bisect_right(offsets, start) - 1
            found.add(which[p])
            nxt = offsets[p + 1]
    return found


@functools.cache
def _shared_cues() -> _Cues:
    """The bundled cue lists, compiled once per process (they and their match memos depend on nothing else)."""
    return _Cues()


@functools.cache
def _conditionals() -> PatternSet:
    """The bundled conditional openings (:func:`modality_cues`), compiled once per process."""
    return PatternSet({"conditional": wordlist("conditionals")}, longest=True)


class _Stems:
    """The stems of some words, a set made on first use: stemming imports nltk (and nltk's package imports
    scikit-learn), which importing this module need not (``import impact.coding.rules`` took 1.6 s with them)."""

    __slots__ = ("words", "_stems")

    def __init__(self, words: Iterable[str]) -> None:
        self.words: tuple[str, ...] = tuple(words)
        self._stems: frozenset[str] | None = None

    def __contains__(self, stemmed: object) -> bool:
        stems = self._stems
        if stems is None:
            stems = self._stems = frozenset(stem(w) for w in self.words)
        return stemmed in stems


_EXP_FILLERS = _Stems((
    "now", "also", "all", "really", "much", "more", "far", "better", "greater", "increasingly", "clearly", "fully",
    "feel", "felt", "say", "said", "told", "report", "reported", "have", "has", "had", "are", "were", "is", "was",
    "their", "own", "and", "carers", "families", "parents", "they", "that"))
# Inspection judgements and events are mostly the setting of a sentence in minutes and the press ("rated
# inadequate", "since the last inspection"): they count as a cause only when a causal cue introduces them.
_NEED_CAUSE = frozenset({"factor:ofsted"})
_REPORTER_GAP = 3  # a reporting verb this close after a body makes it the reporter, not the cause
_REPORTERS = ("said", "says", "say", "found", "finds", "noted", "notes", "reported", "reports", "described",
              "describes", "praised", "praises", "highlighted", "highlights", "told", "stated", "states", "concluded",
              "judged", "rated", "observed", "commented", "hailed", "identified", "saw", "see", "sees",
              "acknowledged", "commended", "letter", "report")
# An experiencer's word naming a service or organisation ("the children's trust was set up", "children's services
# were restructured", "four family hubs opened") is the council's, not children's or families' (labelling guide,
# section 6: word senses and names).
_ORG_HEADS = ("trust", "trusts", "service", "services", "social care", "social work", "department", "directorate",
              "partnership", "hub", "hubs", "team", "teams", "company", "front door", "safeguarding", "centre",
              "centres", "workforce")
# Government as the source of what the evidence names: a grant from the DfE is not the council's investment, a
# framework from the government is national policy (labelling guide, principle 4 and section 8).
_NATIONAL = ("dfe", "department for education", "department of education", "government", "central government",
             "home office", "treasury", "ministers")
_PRIOR = ("existing", "pre existing", "already existing", "previous", "former")  # "the existing plan" is no new plan
# A negative state named before the evidence ("poor quality management oversight", "insufficient professional
# curiosity", "ineffective quality assurance"): impact-free (labelling guide, section 3: a negative state without a
# negation word is neither reported nor negated; section 8: "insufficient" denies its domain).
# A list of what needs to change ("areas for improvement were identified, which included reviewing quality
# assurance; ..."): every item after "including" is a need (labelling guide, sections 3, 6 and 8: areas or needs found
# are a problem found, needs are at most anticipated), across the list's semicolons.
_NEEDS = tuple(f"{a} {p} {w}" for a in ("area", "areas") for p in ("for", "of", "to", "for further", "of further")
               for w in ("improvement", "development", "develop", "improve", "consideration", "concern"))
_LISTING = ("including", "include", "includes", "included", "such as")
_LIST_GAP = 4  # words between the needs and "including" ("areas for improvement were identified which included")
_DEFICIT_BEFORE = ("poor", "poor quality", "poorer", "weak", "weaker", "ineffective", "inadequate", "insufficient",
                   "insufficiently", "inconsistent", "unstable", "fragile", "patchy", "underdeveloped",
                   "under developed", "limited", "little")
# A deficit before the evidence, or ending a copula ("there was limited time for ..."), is a negative state of the noun
# phrase after it; a near rule's words joined by a verb of being or having ("weak oversight has been strengthened")
# are a change to that state.
_DEFICIT_LABELS = frozenset({"deficit", "deficit_before", "deficit_copula"})
_LIST_JOINS = frozenset({"comma", "comma_stop", "conj", "predicate", "and_det"})  # not across "poor, and" to the evidence
_LINKING = ("is", "are", "was", "were", "has", "have", "had", "been", "be", "being", "will", "would")
_PREDICATES = tuple(f"{c} {v}" for c in (", and", "and", ", but", "but", ";")
                    for v in ("was", "were", "is", "are", "has", "have", "had", "we", "it", "they", "this", "there", "will",
                              "would", "these", "those", "he", "she", "i", "you", "that")) + tuple(
    f", {v}" for v in ("we", "they", "it", "he", "she", "i", "the council", "leaders"))
# A subordinate clause with its own subject ("... as we came out of intervention"): a topic frame before it
# ("we asked for the review") names its own clause's topic, not this clause's change (labelling guide, sections 3, 6).
_SUBCLAUSES = tuple(f"{c} {p}" for c in ("as", "when", "after", "since", "once", "until", "before", "so")
                    for p in ("we", "they", "i", "he", "she", "you", "it")) + (
    # a place described by a clause of its own ("in the referral hub, where there is strong oversight")
    ", where there is", ", where there are", ", where there was", ", where there were", ", where there has been") + tuple(
    # a second verb of the reporter ("inspectors focused on how thresholds were managed and praised improved oversight")
    f"and {v}" for v in ("praised", "found", "highlighted", "commended", "concluded", "judged", "observed",
                         "acknowledged", "saw"))
# "and" + a determiner opens a new clause when a finite verb follows the noun phrase it starts ("more needs to be done
# and our determination remains as strong"); without one it joins two objects ("to strengthen oversight and our audits").
_AND_SUBJECTS = tuple(f"and {d}" for d in ("our", "their", "the", "its", "his", "her", "my", "your"))
_AND_VERBS = _Stems(("is", "are", "was", "were", "has", "have", "had", "remains", "remain"))
_AND_REACH = 8  # words of the noun phrase after "and our" before its verb
# A cause named after a modal ("will remain under council control after a £5m cash injection", "should improve thanks to
# the new protocol") has happened: the modality is the outcome's, not the cause's (labelling guide, section 3 and
# principle 5: the sentence asserts the cause). Only a noun phrase: "after we restructure" may be a plan.
_CAUSE_NPS = tuple(f"{p} {d}" for p in ("after", "following", "thanks to", "due to", "because of", "as a result of",
                                        "in response to")
                   for d in ("a", "an", "the", "our", "their", "its", "this", "these", "his", "her"))
# A consequence ("which means that", "this meant that") asserts what follows it; "X means that" in a definition is
# a topic frame (labelling guide, section 6: grade descriptors and definitions).
_RESULTS = tuple(f"{a} {m} that" for a in ("which", "this", "that", "it") for m in ("means", "meant"))
# The finite auxiliaries and the modal verbs: evidence before any of them in its clause is in the subject, and a
# modal verb that is the clause's first finite verb says what the subject will, would or should do ("an update of the
# actions would be brought to the next meeting": labelling guide, section 3, "will, would" are anticipated).
_AUXILIARIES = ("is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "am")
_AUXILIARY_STEMS = _Stems(_AUXILIARIES)
_VERB_MODALS = ("will", "would", "should", "must", "shall", "could", "can", "might", "going to", "ought", "need to",
                "needs to")
_NEW_SUBJECTS = ("we", "they", "i", "he", "she", "you", "it", "so", "which", "that")  # a clause of its own before the modal
_DETERMINERS = ("the", "a", "an", "this", "these", "those", "its", "their", "our", "his", "her", "my", "your", "any",
                "every")
_DETERMINER_STEMS = _Stems(_DETERMINERS)
_SUBJECT_REACH = 8  # words between evidence in a subject and the modal verb of its clause
# The option a sentence turns down ("releasing funding rather than allow the creation of a trust"; "instead of a new
# protocol, ..."): never reported (labelling guide, section 6: options rejected are at most anticipated or negated).
# It reaches forward only: "we restructured the teams rather than ..." reports the restructure.
_REJECTED = ("rather than", "instead of")
# "their" whose owner is children or families ("children and families attend meetings which they say increased their
# understanding"): someone else's change (labelling guide, principle 4). The owner is the nearest experiencer before
# "their" that is not the object of a preposition ("leaders are ambitious for children, and know their services
# well": "their" is the leaders'), with no "we", "our" or "I" between.
_PREPOSITIONS = ("for", "with", "to", "of", "about", "on", "in", "from", "by", "at", "among", "around", "towards",
                 "into", "through", "between", "regarding")
_FIRST_PERSON = ("we", "our", "us", "i", "my")
_QUANTIFIERS = ("the", "a", "an", "some", "many", "all", "these", "those", "more", "most", "local", "vulnerable")
_OWNER_REACH = 4  # words from "their" to the start of the evidence it owns ("their understanding and ownership")
_STRONG_MODALS = _Stems(("will", "would", "should", "must", "shall", "ought", "need"))
_MODAL_SCOPE = 30  # words of a modal verb's complement ("should also consider further opportunities to invest in ...")
# "and" with a pronoun that can only be a subject opens a clause of its own: evidence whose rule joins words across it
# ("we have more improvements to make and I'm confident that ...") pairs words of two clauses (labelling guide,
# section 3: each clause asserts its own change).
# The pronoun must be followed by its verb or come after a comma: "the police and we now work closely" is one subject.
_AND_PRONOUNS = tuple(f", and {p}" for p in ("i", "i'm", "we", "we're", "we've", "they", "they're", "they've", "he",
                                             "she")) + ("and i'm", "and we're", "and we've", "and they're", "and they've") + tuple(
    f"and {p} {v}" for p in ("i", "we", "they", "he", "she")
    for v in ("am", "are", "is", "was", "were", "have", "has", "had", "will", "would", "can", "could", "do", "did",
              "should", "must"))
# "Is", "are", "was", "were", "been" link a subject to its predicate and do not count toward a rule's gap between its
# words ("funding for statutory services has largely been protected"; "corporate parenting and grandparenting are
# significant strengths"): the gap measures the words that could change what the phrase says (labelling guide,
# principle 3 and section 2: a state or change in the code's domain, whatever the verb form).
_COPULAS = _Stems(("is", "are", "was", "were", "been"))
_COPULA_SLACK = 3  # the most copulas a gap can skip
# A subject pronoun opens a clause of its own ("in looking at those areas they triangulated improvements ..."): the
# topic frame before it names its own clause's topic (as _SUBCLAUSES; labelling guide, sections 3 and 6).
_SUBJECT_PRONOUNS = ("we", "they", "he", "she", "i")
# After "what", "how", "whether", ... (in the frame or after it) the clause is the topic's own content ("asked for a
# report on what they are doing about ...": a request, section 6; "asking whether the way we learn ..."), and goes on
# with it.
_EMBEDDING = ("what", "how", "whether", "if", "why", "where", "when", "who", "which", "that")
# A topic frame names the noun phrase after it ("noted the report on the inspection"); a comma and a determiner, a
# preposition, "as" or "alongside" open a phrase of its own, which is read like any other ("..., the improvement steps
# taken so far"; "..., as part of its commitment to ..."), while a list of bare nouns or ", as well as" goes on with
# the topic (labelling guide, section 6: topic named but nothing changed).
_PHRASE_ENDS = tuple(f", {w}" for w in (*_DETERMINERS, *_PREPOSITIONS, "as", "alongside"))
# A passive relative clause of obligation after the evidence's noun phrase ("recommendations of improvement activity
# which must be undertaken"): what must, should or needs to be done is not done yet (labelling guide, section 3: need,
# must, should are anticipated). Not "will" or "would": "are developing a plan which will be published" reports the plan.
_COLON = re.compile(r":(?!//)")  # not in a web address
_RELATIVES = frozenset({"which", "that"})
# What may stand before a sentence's first word in a stem string (quotation marks are not tokens; these are).
_OPENING_MARKS = frozenset({",", ";", "and", "but", "so"})


@functools.cache
def _obligations() -> tuple[tuple[str, ...], ...]:
    """The stemmed words of each phrase of obligation, made on first use (as :class:`_Stems`' sets)."""
    return tuple(tuple(stem(w) for w in o.split()) for o in ("must", "should", "need to", "ought to", "is to", "are to"))


_RELATIVE_ADVERBS = _Stems(("also", "still", "now", "urgently", "first"))  # "which must also be"
_RELATIVE_REACH = 4  # words between the evidence and "which must be" ("recommendations of improvement activity which")
_MODAL_STOPS = (", and", ", but", ", which", ", who", "which", "who", "whom", "where", "that", "how", "what", "whether")


class _Sentence:
    """Cues of one sentence: clause boundaries, negation, modality, topic frames, attribution, experiencers."""

    __slots__ = ("first", "bound_starts", "bound_ends", "negators", "hedged", "hedges", "_attribution", "modals",
                 "frames", "predicates", "shape", "text", "_index", "owned", "colons")

    def __init__(self, first: int, bound_starts: list[int], bound_ends: list[int], negators: list[int],
                 hedged: bool, attribution: tuple | None, modals: list[tuple[int, int, str]],
                 frames: list[tuple[int, int, str]], hedges: list[int] | None = None) -> None:
        self.first, self.bound_starts, self.bound_ends = first, bound_starts, bound_ends
        # ``hedged``: the sentence is a question; ``hedges``: where a hedge ("too early", "in time") stands, which
        # reaches the evidence of its own clause only
        self.negators, self.hedged, self.hedges, self._attribution = negators, hedged, hedges or [], attribution
        self.modals, self.frames = modals, frames
        self.predicates = [a for a, _, label in frames if label == "predicate"]
        self.shape: dict[str, list[int]] | None = None  # sorted places of the clause-shape words (_Cues.shape)
        self.text: str | list[str] | None = None  # the stemmed sentence (then its words), where it has a modal cue
        self._index: tuple | None = None  # a long sentence's cues sorted by place (see _near)
        self.owned: list[tuple[int, int]] = []  # (experiencer, "their") pairs: a possessive children or families own
        self.colons: list[int] = []  # the tokens after a colon (set only where the sentence has a modal cue)

    def after_det(self, a: int) -> bool:
        """Whether the token ``a`` follows a determiner: a modal word there is a noun ("by the potential of")."""
        if self.text is None or a <= self.first:
            return False
        return self._words()[a - self.first - 1] in _DETERMINER_STEMS

    def verb_with_object(self, t1: int, a: int, b: int) -> bool:
        """Whether the modal word at tokens ``a:b``, after evidence ending at ``t1``, is the evidence's verb with its
        object: a determiner right after it and no auxiliary between ("the action plan required the board to ...": the
        plan exists; not "a new protocol is needed", nor the adverb in "the session was probably the most useful")."""
        if self.text is None:
            return False
        words, k = self._words(), b - self.first
        return k < len(words) and words[k] in _DETERMINER_STEMS and not any(
            w in _AUXILIARY_STEMS for w in words[t1 - self.first:a - self.first])

    def opening_by(self, t0: int, frames: list[tuple]) -> bool:
        """Whether evidence at ``t0`` is in a "by" phrase that opens the sentence, before its comma or subject
        ("By working together we will ...")."""
        words, k = self._words(), 0
        while k < len(words) and words[k] in _OPENING_MARKS:
            k += 1
        by = self.first + k
        if k >= len(words) or words[k] != "by" or not by < t0 <= by + _MOD_BEFORE:
            return False
        return not any(by < x < t0 for x, _, lab in frames if lab in ("comma", "comma_stop", "predicate")) and not \
            _within(self.shape["new_subject"], by + 1, t0 - 1)

    def obliged_relative(self, x: int) -> bool:
        """Whether a passive relative clause of obligation opens at token ``x`` ("which must be taken", "that should
        be introduced", "which need to be addressed"; not "which will be published": a plan being written exists)."""
        words, k = self._words(), x - self.first
        if k < 0 or words[k] not in _RELATIVES:
            return False
        for o in _obligations():
            if tuple(words[k + 1:k + 1 + len(o)]) == o:
                after = words[k + 1 + len(o):k + 3 + len(o)]
                return after[:1] == ["be"] or (after[:1] != [] and after[0] in _RELATIVE_ADVERBS and after[1:] == ["be"])
        return False

    def word(self, a: int) -> str:
        """The stemmed word at token ``a`` of a sentence whose text is kept (one with a modal cue)."""
        return self._words()[a - self.first] if self.text is not None else ""

    def _words(self) -> list[str]:
        """The kept sentence's stemmed words, split from its text once (a transcript without a full stop is one long
        sentence); only for a sentence whose text is kept."""
        if isinstance(self.text, str):
            self.text = self.text.split()
        return self.text

    def _near(self, t0: int, t1: int) -> tuple[int, int, list[int], list[tuple], list[tuple], list[int]]:
        """``(clause_lo, clause_hi, negators, modals, frames, predicates)`` for evidence at ``t0:t1`` of a long
        sentence: the cues that can bear on it (each of :meth:`read`'s cue windows, widened by the longest cue),
        found by bisection. Reading every cue of the sentence for each piece of evidence took time growing with the
        square of a sentence's length: a transcript of 60,000 words without a full stop took minutes, one of
        800,000 (5 MB, a tenth of the size allowed) hours."""
        if self._index is None:  # built when first read: the stop cues are added to the frames after __init__
            frames = sorted(self.frames, key=_FIRST)
            modals = sorted(self.modals, key=_FIRST)
            longest = max((b - a for a, b, _ in [*frames, *modals]), default=0)
            self._index = (sorted(self.bound_starts), sorted(self.bound_ends), sorted(self.negators),
                           [a for a, _, _ in modals], modals, [a for a, _, _ in frames], frames, sorted(self.predicates),
                           max(_NEG_BEFORE, _NEG_AFTER, _MOD_BEFORE, _MOD_AFTER, _TOPIC_BEFORE,
                               _EXP_BEFORE) + longest + 2)
        starts, ends, negators, modal_at, modals, frame_at, frames, predicates, reach = self._index
        k = bisect.bisect_right(ends, t0)
        clause_lo = ends[k - 1] if k else self.first
        k = bisect.bisect_left(starts, t1)
        clause_hi = starts[k] if k < len(starts) else 10**9
        lo, hi = t0 - reach, t1 + reach
        return (clause_lo, clause_hi,
                negators[bisect.bisect_left(negators, lo):bisect.bisect_right(negators, hi)],
                modals[bisect.bisect_left(modal_at, lo):bisect.bisect_right(modal_at, hi)],
                frames[bisect.bisect_left(frame_at, lo):bisect.bisect_right(frame_at, hi)],
                predicates[bisect.bisect_left(predicates, lo):bisect.bisect_right(predicates, hi)])

    @property
    def attribution(self) -> str:
        """What the sentence credits its change to (read when first asked for: most evidence never needs it)."""
        if self._attribution is None:
            return ""
        if isinstance(self._attribution, tuple):
            self._attribution = _attribute(*self._attribution)
        return self._attribution

    def read(self, t0: int, t1: int, contiguous: bool) -> tuple[bool, bool, _Sentence, bool]:
        """``(negated, hedged, sentence, dropped)`` of evidence at tokens ``t0:t1``.

        ``dropped``: the evidence names a topic (an agenda item, a question) or
        is someone else's change (a child's, a family's, the government's).
        Evidence in an attribution clause ("... thanks to the new front door")
        is read like any other: the sentence asserts the cause happened.
        """
        negators, modals, frames, predicates = self.negators, self.modals, self.frames, self.predicates
        if len(frames) + len(negators) + len(modals) + len(self.bound_ends) > _LONG_SENTENCE:
            clause_lo, clause_hi, negators, modals, frames, predicates = self._near(t0, t1)
        elif self.bound_ends:
            clause_lo = max((e for e in self.bound_ends if e <= t0), default=self.first)
            clause_hi = min((b for b in self.bound_starts if b >= t1), default=10**9)
        else:  # no clause boundary in the sentence
            clause_lo, clause_hi = self.first, 10**9
        count = 0
        stops = [a for a, _, label in frames if label == "stop" and t1 <= a] if frames else []
        all_commas = [a for a, _, label in frames if label == "comma"] if frames else []
        commas = [a for a in all_commas if t1 <= a]
        clause_stops = [a for a, _, label in frames if label == "comma_stop"] if frames else []
        causes = [a for a, _, label in frames if label == "cause_np"] if frames else []
        for a in negators:
            if not (clause_lo <= a < clause_hi) or (contiguous and t0 <= a < t1):
                continue  # another clause, or part of the phrase itself
            if t0 - _NEG_BEFORE <= a < t1 or (t1 <= a < t1 + _NEG_AFTER and not any(x < a for x in stops)):
                count += 1  # before or inside the evidence, or after it in the same clause
        # A hedge doubts what its own clause says: "an improvement plan has been drawn up, but it is too early to see
        # any impact" reports the plan (labelling guide, section 3: a past change is reported; a clause boundary such
        # as "but", "however", ";" starts a new assertion).
        hedged = self.hedged or any(clause_lo <= h < clause_hi for h in self.hedges)
        shape = self.shape
        dropped = False
        if modals and not hedged:
            for a, b, label in modals:
                if not (clause_lo <= a < clause_hi) or (contiguous and t0 <= a < t1) or (
                        label == "modal" and a < t0 < b):
                    continue  # another clause, inside the phrase, or a modal sharing its first word ("active recruitment")
                if t0 - _MOD_BEFORE <= a and b <= t1 and (label == "modal" or a != t0):
                    if any(b <= x < t0 for x in predicates):
                        continue  # a new predicate between cue and evidence ("... needed, and was one year into a plan")
                    if any(b <= x < t0 and not any(b <= c < x for c in all_commas) for x in clause_stops):
                        # a new clause after ", and" or ", but" ("to make sure ..., and going forward we can maintain this
                        # drive"); not the last item of a list ("to recruit staff, stabilise the teams, and make ...")
                        continue
                    if any(b <= x < t0 for x in causes):
                        continue  # a cause the sentence asserts ("will remain ... after a £5m cash injection")
                    hedged = True  # before the evidence, or inside it ("morale should improve"; not "a plan to ...")
                    break
                if label == "purpose" and b <= t0 and _by_means(frames, predicates, b, t0):
                    hedged = True  # the means of an aim ("designed to achieve change by establishing a new team")
                    break
                if label == "modal" and t1 <= a <= t1 + _MOD_AFTER and not any(
                        x < a for x in stops + commas + [p for p in predicates if t1 <= p]) and not (
                        self.after_det(a)) and not self.verb_with_object(t1, a, b):
                    # just after it ("a new protocol is needed"), not a noun after a determiner ("by the potential of")
                    # nor a verb before its object ("the action plan required the board to ...")
                    hedged = True
                    break
            if not hedged and shape and shape["verb_modal"]:
                # not the opening of a purpose cue ("work on a new strategy will help improve ..." reports the work)
                purposes = {x for x, _, label in modals if label == "purpose"}
                verb = next((x for x in _within(shape["verb_modal"], t1, t1 + _SUBJECT_REACH) if x not in purposes),
                            None)
                if verb is not None and not any(not t0 <= x < t1 for x in _within(shape["aux"], clause_lo, verb - 1)) \
                        and not _within(shape["new_subject"], t1, verb - 1) and not any(
                        x < verb for x in stops + commas + [p for p in predicates if t1 <= p]):
                    hedged = True  # in the subject of a modal verb ("an update of the actions would be brought ...")
            if not hedged and shape and shape["verb_modal"]:
                verb = next((v for v in reversed(_within(shape["verb_modal"], max(clause_lo, t0 - _MODAL_SCOPE), t0 - 1))
                             if self.word(v) in _STRONG_MODALS), None)
                if verb is not None and not any(verb < x < t0 for x in stops + predicates + clause_stops + causes) and not \
                        _within(shape["new_subject"], verb + 1, t0 - 1):
                    hedged = True  # in the complement of a modal verb ("should consider ... developing stronger links")
            if not hedged and self.colons and any(
                    b in self.colons and b <= t0 and label == "modal" and self.first <= a for a, b, label in modals):
                hedged = True  # an item of a list a modal opens ("three elements are required: ..., an empowered ...")
            if not hedged and shape and shape["verb_modal"] and self.opening_by(t0, frames):
                verb = next((v for v in _within(shape["verb_modal"], t1, t1 + _MOD_BEFORE)
                             if self.word(v) in _STRONG_MODALS), None)
                # the main clause opens at the first predicate or subject after the phrase (", we"); no other between
                main = min([x for x in predicates + shape["new_subject"] if t1 <= x], default=t1)
                if verb is not None and verb < clause_hi and not any(
                        main < x < verb for x in predicates + clause_stops + causes):
                    hedged = True  # the means of a future ("by working together we will make ...")
            if not hedged and stops and self.text is not None:
                x = min((x for x in stops if t1 <= x), default=None)
                if x is not None and x <= t1 + _RELATIVE_REACH and not any(
                        t1 <= c < x for c in commas + [p for p in predicates if t1 <= p]) and self.obliged_relative(x):
                    hedged = True  # the object of an obligation ("six actions for improvement which must be taken")
        if self.owned and any(clause_lo <= e and t0 - _OWNER_REACH <= p < t1 for e, p in self.owned):
            dropped = True  # "increased their understanding", where "their" is children's or families'
        for a, b, label in frames:
            if label == "needs":
                if not hedged and a <= t0 and any(lab == "listing" and b <= x <= b + _LIST_GAP and x < t1
                                                  for x, _, lab in frames):
                    # an item of a list of needs ("areas for improvement, including ..."), or evidence from the
                    # needs' own words into the list ("improvement, including the timeliness of assessments")
                    hedged = True
            elif label == "topic":
                if clause_lo <= a < t0 and t0 - _TOPIC_BEFORE <= a and not any(
                        a < x < t0 for x, _, lab in frames if lab in ("sub", "phrase_end")) and not any(
                        a < x < t0 and not any(a <= w < x for w, _, lw in frames if lw == "embedding")
                        for x, _, lab in frames if lab == "subject"):
                    # not past a phrase or clause of its own
                    dropped = True
            elif label == "exp":
                if a < t0 <= b:
                    # someone else's change: "parents now understand", "children's confidence"; the evidence may start
                    # inside the adverbs and verbs after the experiencer ("care leavers now feel better supported") or
                    # inside the experiencer itself ("young people feel valued": not the staff class's "people")
                    dropped = True
            elif label == "prior":
                if t0 - _EXP_BEFORE <= b <= t0:
                    dropped = True  # someone else's change, or what was there before ("the existing plan")
            elif label in ("exp_with", "national"):
                if t1 <= a <= t1 + 1:
                    dropped = True  # "confidence with families"; "extra funding from the DfE" (a grant, not the council's)
            elif label == "and_subject":
                if not contiguous and t0 < a < t1 - 1:
                    dropped = True  # a rule's words in two clauses ("improvements to make and I'm confident")
            elif label == "generic":
                if clause_lo <= a and b <= t0 <= b + 1:
                    dropped = True  # whatever thing of a kind, not one a place has ("with any new framework, ...")
            elif label == "rejected":
                if clause_lo <= a < t0 and t0 - _NEG_BEFORE <= a and not any(b <= x < t0 for x in predicates):
                    dropped = True  # the option turned down ("rather than allow the creation of a trust")
            elif label == "deficit_before" or label == "deficit_copula":
                if count % 2 == 0 and ((t0 - _EXP_BEFORE <= b <= t0 and clause_lo <= a and not any(
                        b <= x < t0 for x, _, lab in frames if lab in _LIST_JOINS) and (
                        contiguous or not any(t0 < x < t1 for x, _, lab in frames if lab == "linking"))) or (
                        label == "deficit_before" and t0 < a < t1 - 1)):
                    # a negative state: "poor quality management oversight", "there was limited time for reflection on
                    # supervision" (not a change to it: "weak oversight has been strengthened" is a chain of the state
                    # and the change, joined by a verb); a denial already read stands ("limited evidence of", section 8)
                    dropped = True
            elif label == "deficit":
                if t1 <= a < t1 + _NEG_AFTER and a < clause_hi and not any(x < a for x in stops) and not any(
                        t0 < x < t1 for x, _, lab in frames if lab == "stop"):
                    # a negative state: "caseloads remain too high"; not the content of a clause the evidence opens
                    # ("leaders are aware that caseloads remain too high": awareness of a weakness, section 8)
                    dropped = True
        return count % 2 == 1, hedged, self, dropped


def _mark_colons(texts: list[str], units: list[int], sentences: list[_Sentence]) -> None:
    """Give each sentence with a modal cue the tokens that follow a colon in its text (the stem string drops colons).

    Only texts with a colon and sentences with a modal cue are read (a cue right before a colon governs the list after
    it: ``_Sentence.read``).
    """
    places: dict[int, list[int]] = {}
    for i, sentence in zip(units, sentences, strict=True):
        if not sentence.modals or ":" not in texts[i]:
            continue
        if i not in places:
            text, find = texts[i], tokenizer(texts[i]).findall
            places[i] = [len(find(text, 0, m.start())) for m in _COLON.finditer(text)]
        sentence.colons = places[i]


def _by_means(frames: list[tuple], predicates: list[int], b: int, t0: int) -> bool:
    """Whether evidence at ``t0`` is in a "by" phrase of the purpose cue ending at ``b`` (each within the cue's reach).

    "Designed to achieve whole-system change by establishing a new team": the means belongs to the aim, however
    far it is from the purpose cue (labelling guide, section 3: "designed to", "the purpose is to" are anticipated).
    Not past a new predicate, ", and", ", but" or a stop ("which", "that", ...) between the cue and the evidence.
    """
    if any(b <= x < t0 for x in predicates):
        return False
    by = [a for a, _, label in frames if label == "by" and b <= a < t0 and a - b <= _MOD_BEFORE and t0 - a <= _MOD_BEFORE]
    if not by:
        return False
    return not any(b <= a < t0 for a, _, label in frames if label in ("comma_stop", "stop"))


def _owned_possessives(frames: list[tuple], found: list[tuple]) -> list[tuple[int, int]]:
    """``(experiencer, their)`` token pairs of a sentence where the experiencer owns the possessive (``_PREPOSITIONS``).

    An experiencer after a preposition (with at most one determiner or quantifier between) is the object of a phrase,
    not an owner; "we", "our" or "I" between the experiencer and "their" makes the owner uncertain.
    """
    theirs = [a for a, _, label in found if label == "their"]
    if not theirs:
        return []
    preps = {b for _, b, label in found if label == "prep"}
    quants = {a: b for a, b, label in found if label == "quant"}
    firsts = [a for a, _, label in found if label == "first_person"]
    exps = sorted((a, b) for a, b, label in frames if label == "exp")
    out = []
    for p in theirs:
        owner = next(((a, b) for a, b in reversed(exps) if b <= p), None)
        if owner is None:
            continue
        a = owner[0]
        while (before := next((x for x, y in exps if y == a - 1), None)) is not None:
            a = before  # a coordination of experiencers ("of children and families") is one phrase
        quant = next((q for q, end in quants.items() if end == a), None)
        if a in preps or (quant is not None and quant in preps) or any(a < f < p for f in firsts):
            continue
        out.append((a, p))
    return out


def _within(places: list[int], lo: int, hi: int) -> list[int]:
    """The sorted ``places`` from ``lo`` to ``hi``, both included (by bisection: a long sentence has many)."""
    return places[bisect.bisect_left(places, lo):bisect.bisect_right(places, hi)]


def _attribute(found: list[tuple[int, int, str]], review_negated: bool) -> str:
    if any(f[2] == "unclear" for f in found):
        return "unclear"
    causal_ends = [f[1] for f in found if f[2] == "causal"]
    reviews = [f for f in found if f[2] == "review"]

    def caused(item: tuple[int, int, str]) -> bool:
        return any(0 <= item[0] - e <= _CAUSAL_GAP for e in causal_ends)

    # A body that only reports what it saw ("inspectors found", "praised by Ofsted") is not the change's cause
    # (labelling guide, section 4): its mention counts only when a causal cue introduces it.
    validators = [f[0] for f in found if f[2] == "validator"]
    after = [f[0] for f in found if f[2] == "reporter"]
    before = [f[1] for f in found if f[2] == "reported_by"]
    factors = [f for f in found if f[2].startswith("factor:")
               and (caused(f) or any(0 <= v - f[1] <= _REPORTER_GAP for v in validators) or (f[2] not in _NEED_CAUSE
                                  and not (any(0 <= a - f[1] <= _REPORTER_GAP for a in after) or f[0] in before)))]

    if factors:
        if not reviews or review_negated:
            return factors[0][2].split(":", 1)[1]
        credited = [f for f in factors if caused(f)]
        if credited and not any(caused(r) for r in reviews):
            return credited[0][2].split(":", 1)[1]
        if any(caused(r) for r in reviews) and not credited:
            return "review"
        return "unclear"
    if reviews and not review_negated:
        return "review"
    return ""


def _chunks(texts: list[str], size: int) -> Iterator[tuple[int, int]]:
    """``(start, stop)`` runs of texts of at least ``size`` characters each (the last may be shorter)."""
    if not texts:
        yield 0, 0
        return
    ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)))
    start, base = 0, 0
    while start < len(texts):
        i = max(start, int(np.searchsorted(ends, base + size)))  # first text completing the run
        if i >= len(texts):
            yield start, len(texts)
            return
        yield start, i + 1
        start, base = i + 1, int(ends[i])
