"""A coder trained on human-coded segments: TF-IDF over word stems with one logistic regression per code."""

from __future__ import annotations

import os
import warnings
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from .._frames import flagged, key_strings, member
from ..errors import ImpactWarning, InputError, user_level
from ._cues import stem_tokens
from .codebook import Codebook
from .rules import CODED_COLUMNS, _shared_cues, as_units

__all__ = ["TrainedCoder", "rank_uncertain"]


def _stems(text: str) -> list[str]:
    return [t for t in stem_tokens(text) if t not in {",", ";"}]


class TrainedCoder(BaseEstimator):
    """Learn codes from human-coded segments (multi-label, scikit-learn estimator).

    Parameters
    ----------
    codebook : Codebook, str or path, default "nfer_impacts"
        Codes to learn (codes without a positive training example are skipped
        with an :class:`impact.ImpactWarning`).
    threshold : float, default 0.5
        Probability from which a code is reported.
    C : float, default 4.0
        Inverse regularisation strength of the logistic regressions.
    ngram_range : tuple of int, default (1, 2)
        Word-stem n-grams used as features.
    class_weight : {"balanced", None}, default "balanced"
        Re-weight the (rare) positive class.

    Attributes
    ----------
    vectorizer_ : TfidfVectorizer
    models_ : dict of code id to LogisticRegression
    code_ids_ : list of str
        Codes learned.

    Notes
    -----
    The output has the columns of :class:`impact.RuleCoder`.  ``score`` is the
    predicted probability; ``negated`` is always False (a negated statement
    should have been labelled without the code, so the model learns it);
    ``hedged`` and ``attribution`` are read from the unit's cue words as the
    rule coder does; ``start``/``end`` span the whole unit.

    Examples
    --------
    >>> import pandas as pd
    >>> texts = pd.Series({f"u{i}": t for i, t in enumerate(
    ...     ["morale is up", "real buzz in the team", "staff feel valued", "the board met",
    ...      "we wrote a plan", "the plan is agreed", "coffee first", "new action plan"] * 3)})
    >>> gold = pd.DataFrame({"unit": [u for u, t in texts.items() if "morale" in t or "buzz" in t or "valued" in t],
    ...                      "code": "morale"})
    >>> book = Codebook.from_yaml("{format_version: 1, id: m, version: '1', codes: [{id: morale, label: Morale}]}")
    >>> coder = TrainedCoder(codebook=book).fit(texts, gold)
    >>> coder.code_ids_
    ['morale']
    >>> coder.code(pd.Series({"x": "a buzz in the team"}))["code"].tolist()
    ['morale']
    """

    #: Tells :func:`impact.evaluate_coder` to refit the coder in each fold.
    requires_training = True

    def __init__(
        self,
        codebook: Codebook | str | os.PathLike = "nfer_impacts",
        *,
        threshold: float = 0.5,
        C: float = 4.0,
        ngram_range: tuple[int, int] = (1, 2),
        class_weight: str | None = "balanced",
    ) -> None:
        self.codebook = codebook
        self.threshold = threshold
        self.C = C
        self.ngram_range = ngram_range
        self.class_weight = class_weight

    def fit(self, X: Any, y: pd.DataFrame) -> TrainedCoder:
        """Learn from texts ``X`` (Series or segments) and codes ``y`` (long: ``unit``, ``code``).

        Units of ``X`` absent from ``y`` are examples without any code; rows of
        ``y`` for other units are ignored; rows with a true ``negated`` column
        are not positives (a missing ``negated`` is not set: :func:`impact._frames.flagged`).

        Parameters
        ----------
        X : Series or DataFrame
            Texts indexed by unit id, or segments (``segment_id``, ``text``).
        y : DataFrame
            Codes per unit, long: ``unit``, ``code`` (and ``negated``).

        Returns
        -------
        TrainedCoder
            ``self``, fitted.

        Raises
        ------
        impact.InputError
            For bad arguments or when no code has a positive example.

        Examples
        --------
        >>> import pandas as pd, impact
        >>> texts = pd.Series(["Staff morale has improved.", "Morale is much better now.", "We wrote a new action plan.",
        ...                    "The plan sets out new actions.", "Morale lifted after the review.", "A plan of actions."] * 2,
        ...                   index=[f"I1:{i}" for i in range(12)])
        >>> gold = pd.DataFrame({"unit": texts.index, "code": ["morale", "morale", "plans_actions", "plans_actions",
        ...                                                    "morale", "plans_actions"] * 2})
        >>> coder = impact.TrainedCoder("nfer_impacts").fit(texts, gold)
        >>> type(coder).__name__
        'TrainedCoder'
        """
        if not 0 < self.threshold < 1:
            raise InputError(f"The value for `threshold` must be in (0, 1), but {self.threshold!r} was passed.")
        if isinstance(self.C, bool) or not isinstance(self.C, int | float) or not self.C > 0:
            # scikit-learn's own words were "The 'C' parameter of LogisticRegression must be a float in the range
            # (0.0, inf)" (newuser17)
            raise InputError(f"The value for `C` must be a positive number, but {self.C!r} was passed.")
        if not isinstance(y, pd.DataFrame) or not {"unit", "code"} <= set(y.columns):
            raise InputError("The value for `y` must be a long DataFrame with columns unit and code.")
        units, texts, _ = as_units(X)
        y = y[~flagged(y, "negated")]  # a missing flag is not set, as the evaluation and the hybrid coder read it
        keys = key_strings(pd.Series(list(units), dtype=object)).tolist()  # a unit 1 and 1.0 are one (y read apart)
        positives = y.assign(unit=key_strings(y["unit"]), code=key_strings(y["code"]))
        positives = positives[member(positives["unit"], set(keys))]
        book = Codebook._loaded(self.codebook, "codebook")
        self.vectorizer_ = TfidfVectorizer(tokenizer=_stems, token_pattern=None, lowercase=False,
                                           ngram_range=tuple(self.ngram_range), sublinear_tf=True)
        matrix = self.vectorizer_.fit_transform(texts)
        self.models_ = {}
        skipped = []
        for code in book.code_ids:
            hit = set(positives.loc[positives["code"] == code, "unit"])
            target = np.fromiter((k in hit for k in keys), dtype=bool, count=len(keys))
            if target.all() or not target.any():
                skipped.append(code)
                continue
            model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=1000, solver="liblinear")
            self.models_[code] = model.fit(matrix, target)
        if not self.models_:
            raise InputError(f"no code of codebook {book.id} has both positive and negative training units")
        if skipped:
            warnings.warn(f"codes without both positive and negative training units were not learned: {skipped}",
                          ImpactWarning, stacklevel=user_level())
        self.code_ids_ = list(self.models_)
        self.cues_ = _shared_cues()
        return self

    def predict_proba(self, X: Any) -> pd.DataFrame:
        """Probability of each learned code: one row per unit, one column per code.

        Parameters
        ----------
        X : Series or DataFrame
            Texts indexed by unit id, or segments (``segment_id``, ``text``).

        Returns
        -------
        DataFrame
            One row per unit, one column per learned code.

        Examples
        --------
        >>> import pandas as pd, impact
        >>> texts = pd.Series(["Staff morale has improved.", "Morale is much better now.", "We wrote a new action plan.",
        ...                    "The plan sets out new actions.", "Morale lifted after the review.", "A plan of actions."] * 2,
        ...                   index=[f"I1:{i}" for i in range(12)])
        >>> gold = pd.DataFrame({"unit": texts.index, "code": ["morale", "morale", "plans_actions", "plans_actions",
        ...                                                    "morale", "plans_actions"] * 2})
        >>> coder = impact.TrainedCoder("nfer_impacts").fit(texts, gold)
        >>> p = coder.predict_proba(pd.Series(["Morale is better."], index=["new:1"]))
        >>> bool(p.loc["new:1", "morale"] > p.loc["new:1", "plans_actions"])
        True
        """
        check_is_fitted(self, "models_")
        units, texts, _ = as_units(X)
        matrix = self.vectorizer_.transform(texts)
        probs = {code: model.predict_proba(matrix)[:, 1] for code, model in self.models_.items()}
        return pd.DataFrame(probs, index=pd.Index(units, name="unit"), columns=self.code_ids_)

    def code(self, X: Any) -> pd.DataFrame:
        """Code texts: one row per unit and code with probability >= ``threshold``.

        Parameters
        ----------
        X : Series or DataFrame
            Texts indexed by unit id, or segments (``segment_id``, ``text``).

        Returns
        -------
        DataFrame
            Coded output (the columns of :func:`read_coded`), one row per unit and code assigned.

        Examples
        --------
        >>> import pandas as pd, impact
        >>> texts = pd.Series(["Staff morale has improved.", "Morale is much better now.", "We wrote a new action plan.",
        ...                    "The plan sets out new actions.", "Morale lifted after the review.", "A plan of actions."] * 2,
        ...                   index=[f"I1:{i}" for i in range(12)])
        >>> gold = pd.DataFrame({"unit": texts.index, "code": ["morale", "morale", "plans_actions", "plans_actions",
        ...                                                    "morale", "plans_actions"] * 2})
        >>> coder = impact.TrainedCoder("nfer_impacts").fit(texts, gold)
        >>> coder.code(pd.Series(["Morale is better."], index=["new:1"]))[["unit", "code"]].values.tolist()
        [['new:1', 'morale']]
        """
        probs = self.predict_proba(X)
        units, texts, offsets = as_units(X)
        rows = []
        values = probs.to_numpy()
        for i, (unit, text) in enumerate(zip(units, texts, strict=True)):
            found = np.flatnonzero(values[i] >= self.threshold)
            if not len(found):
                continue
            hedged, attribution = self.cues_.flags(text)
            base = int(offsets[i])
            for j in found:
                rows.append((unit, self.code_ids_[j], float(values[i, j]), False, hedged, attribution, base, base + len(text)))
        out = pd.DataFrame(rows, columns=CODED_COLUMNS)
        return out.astype({"code": str, "score": "float64", "negated": bool, "hedged": bool, "attribution": str,
                           "start": "int64", "end": "int64"})

    def uncertainty(self, X: Any) -> pd.DataFrame:
        """Units ordered by how unsure the coder is, most uncertain first (for human review).

        Parameters
        ----------
        X : Series or DataFrame
            Texts indexed by unit id, or segments (``segment_id``, ``text``).

        Returns
        -------
        pandas.DataFrame
            ``unit``, ``code`` (the code closest to the threshold), ``probability``
            and ``uncertainty`` (1 at the threshold, 0 at probability 0 or 1).

        Examples
        --------
        >>> import pandas as pd, impact
        >>> texts = pd.Series(["Staff morale has improved.", "Morale is much better now.", "We wrote a new action plan.",
        ...                    "The plan sets out new actions.", "Morale lifted after the review.", "A plan of actions."] * 2,
        ...                   index=[f"I1:{i}" for i in range(12)])
        >>> gold = pd.DataFrame({"unit": texts.index, "code": ["morale", "morale", "plans_actions", "plans_actions",
        ...                                                    "morale", "plans_actions"] * 2})
        >>> coder = impact.TrainedCoder("nfer_impacts").fit(texts, gold)
        >>> u = coder.uncertainty(pd.Series(["Morale is better.", "A plan."], index=["new:1", "new:2"]))
        >>> u.columns.tolist()
        ['unit', 'code', 'probability', 'uncertainty']
        """
        return _uncertainty_table(self.predict_proba(X), self.threshold)


def _uncertainty_table(probs: pd.DataFrame, thresholds: Any) -> pd.DataFrame:
    """Units by uncertainty: for each, the code whose probability is closest to its threshold."""
    values = probs.to_numpy()
    t = np.broadcast_to(np.asarray(thresholds, dtype=float), values.shape[1:])
    margin = np.where(values >= t, (values - t) / (1 - t), (t - values) / t)
    closest = margin.argmin(axis=1)
    rows = np.arange(len(values))
    out = pd.DataFrame({
        "unit": probs.index.to_numpy(),
        "code": probs.columns.to_numpy(dtype=object)[closest],
        "probability": values[rows, closest],
        "uncertainty": 1.0 - margin[rows, closest],
    })
    return out.sort_values("uncertainty", ascending=False, kind="stable").reset_index(drop=True)


def rank_uncertain(coder: Any, texts: Any, *, n: int | None = None) -> pd.DataFrame:
    """The ``n`` units a fitted coder is least sure about (all if None), most uncertain first.

    ``coder`` is a :class:`TrainedCoder` or :class:`impact.coding.HybridCoder`
    (any coder with an ``uncertainty(texts)`` method): the review loop sends
    these units to a person first.

    Parameters
    ----------
    coder : TrainedCoder or HybridCoder
        A fitted coder with an ``uncertainty(texts)`` method.
    texts : Series or DataFrame
        The units to rank: texts indexed by unit id, or segments (``segment_id``, ``text``).
    n : int, optional
        How many to return (default: all).

    Returns
    -------
    DataFrame
        ``unit``, ``code`` (the code whose probability is closest to its threshold), ``probability`` and
        ``uncertainty`` (1 at the threshold), most uncertain first.

    Raises
    ------
    impact.InputError
        For a coder without ``uncertainty`` (the rule coder has no probabilities).

    Examples
    --------
    >>> import pandas as pd
    >>> texts = pd.Series({"a": "morale is up", "b": "the board met", "c": "morale", "d": "board"} )
    >>> gold = pd.DataFrame({"unit": ["a", "c"], "code": "morale"})
    >>> book = Codebook.from_yaml("{format_version: 1, id: m, version: '1', codes: [{id: morale, label: Morale}]}")
    >>> coder = TrainedCoder(book).fit(texts, gold)
    >>> rank_uncertain(coder, pd.Series({"x": "morale", "y": "the board met morale is up"}), n=1)["unit"].tolist()
    ['y']
    """
    if not callable(getattr(coder, "uncertainty", None)):
        raise InputError(f"{type(coder).__name__} gives no probabilities to rank: use a TrainedCoder or HybridCoder.")
    ranked = coder.uncertainty(texts)
    return ranked if n is None else ranked.head(n)
