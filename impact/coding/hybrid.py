"""A calibrated hybrid coder: the rule coder's readings and the text's stems in one logistic model per code.

:class:`HybridCoder` reads each unit with :class:`impact.RuleCoder` (per code:
the score of reported, anticipated and denied evidence) and with the bundled
cue lists (negation, modality, purpose, topic frames, attribution clauses,
experiencers, questions), adds a TF-IDF representation of the unit's
Snowball stems and their bigrams (no NLTK data needed), and fits one
logistic regression per code.  A logistic model fitted by maximum likelihood
without class re-weighting is calibrated on its training distribution, so
its output is used as a probability; :func:`calibration_table` checks this
on held-out predictions (reliability curve and Brier score).

The package ships one such model, trained on the development part of the
real-text gold corpus and the hand-written development set
(``bench/train_coder.py`` rebuilds it), as JSON: vocabulary, IDF weights,
coefficients and thresholds.  ``HybridCoder().fit()`` without data loads it.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from .._frames import flagged, key_strings
from .._version import __version__
from ..errors import ImpactWarning, InputError, user_level
from ._cues import PatternSet, wordlist
from .codebook import Codebook
from .default import default_coder  # noqa: F401  (defined there since 2026-12; still importable from here)
from .rules import RuleCoder, _chunks, _coded_frame, _progress, _stem_strings, _unit_rows, as_units
from .trained import _uncertainty_table

__all__ = ["HybridCoder", "calibration_table", "default_coder", "MODEL_FORMAT"]

#: Format name and version of the JSON model files.
MODEL_FORMAT = ("impact-hybrid-coder", 1)
_PUNCT = frozenset({",", ";", ".", "!", "?"})
_CUE_GROUPS = ("negators", "denials", "hedges", "modals", "purpose_cues", "topic_frames", "cause_clauses",
               "experiencers")
_READINGS = ("reported", "anticipated", "denied")


def _analyzer(stems: str) -> list[str]:
    """Features of a stem string: its word stems and stem bigrams (punctuation dropped)."""
    toks = [t for t in stems.split() if t not in _PUNCT]
    return toks + [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]


class HybridCoder(BaseEstimator):
    """Rule readings plus stems in one calibrated logistic model per code (scikit-learn estimator).

    Parameters
    ----------
    codebook : Codebook, str or path, default "nfer_impacts"
        The codebook; its matching rules give the rule readings.
    threshold : float, default 0.4
        Probability from which a code is reported.  With ``C`` chosen by
        document-grouped 5-fold cross-validation on the gold development
        parts (micro-F1 0.720 against 0.707 for 0.5 and ``C=0.3``;
        ``python -m bench.train_coder --cv``).
    C : float, default 1.0
        Inverse L2 regularisation strength of the logistic regressions.
    rule_weight : float, default 3.0
        Scale of the rule and cue features relative to the (unit-length)
        TF-IDF vector: larger values let the rules dominate at a given ``C``.
    min_df : int, default 2
        Smallest number of training units a stem or bigram must occur in.
    n_jobs : int or None, default None
        Worker processes of the inner rule coder for large batches.

    Attributes
    ----------
    codebook_ : Codebook
    code_ids_ : list of str
        Codes with a model.
    rule_coder_ : RuleCoder
    vectorizer_ : TfidfVectorizer
    coef_ : ndarray of shape (n_codes, n_features)
    intercept_ : ndarray of shape (n_codes,)
    feature_names_ : list of str
    training_ : dict
        What the model was trained on (units, positives per code, data hashes).

    Notes
    -----
    Output rows follow :class:`impact.RuleCoder`: one row per unit and code
    with columns ``unit, code, score, negated, hedged, attribution, start,
    end``.  A code whose probability reaches ``threshold`` is *reported*
    (``negated`` and ``hedged`` False); a code the model does not report but
    the rule coder reads as anticipated or denied keeps the rule coder's
    reading (``hedged`` or ``negated`` True), so the pipeline's anticipated
    and denied measures still see it.  ``score`` is always the model's
    probability that the code is reported.  ``attribution`` and the evidence
    span come from the rule coder's evidence when it found any, otherwise
    the span is the whole unit.

    Examples
    --------
    >>> import pandas as pd
    >>> coder = HybridCoder().fit()            # the bundled model
    >>> out = coder.code(pd.Series({"a": "Caseloads are now manageable and turnover has fallen.",
    ...                             "b": "The committee noted the report."}))
    >>> out[["unit", "code", "negated", "hedged"]].to_dict("records")
    [{'unit': 'a', 'code': 'morale', 'negated': False, 'hedged': False}]
    >>> bool(out["score"].between(0.4, 1).all())
    True
    """

    #: Tells :func:`impact.evaluate_coder` to refit the coder in each fold.
    requires_training = True

    def __init__(
        self,
        codebook: Codebook | str | os.PathLike = "nfer_impacts",
        *,
        threshold: float = 0.4,
        C: float = 1.0,
        rule_weight: float = 3.0,
        min_df: int = 2,
        n_jobs: int | None = None,
    ) -> None:
        self.codebook = codebook
        self.threshold = threshold
        self.C = C
        self.rule_weight = rule_weight
        self.min_df = min_df
        self.n_jobs = n_jobs

    # ------------------------------------------------------------------ fitting
    def fit(self, X: Any = None, y: pd.DataFrame | None = None) -> HybridCoder:
        """Learn from texts ``X`` and codes ``y``; without data, load the bundled model of the codebook.

        Parameters
        ----------
        X : pandas.Series, segments DataFrame or None
            Training units (as for :meth:`code`).  None loads the model
            shipped for the codebook (``impact/_data/models/<id>.json``).
        y : pandas.DataFrame
            Reported codes, long: ``unit``, ``code`` (rows with a true
            ``negated`` column, if present, are not positives).  Units of
            ``X`` absent from ``y`` have no code.

        Raises
        ------
        impact.InputError
            For bad parameters, a bad ``y``, no code with both positive and
            negative units, or a bundled model that does not match the codebook.
        """
        self._check_params()
        book = Codebook._loaded(self.codebook, "codebook")
        if X is None:
            if y is not None:
                raise InputError("`y` was passed without `X`: pass both to train, or neither to load the bundled model.")
            return self._load(book, _bundled_model(book.id))
        if not isinstance(y, pd.DataFrame) or not {"unit", "code"} <= set(y.columns):
            raise InputError("The value for `y` must be a long DataFrame with columns unit and code.")
        units, texts, _ = as_units(X)
        y = y[~flagged(y, "negated")]  # a missing flag is not set
        keys = key_strings(pd.Series(list(units), dtype=object)).tolist()  # a unit 1 and 1.0 are one (y read apart)
        pairs = set(zip(key_strings(y["unit"]), key_strings(y["code"]), strict=True))
        self.codebook_ = book
        self.rule_coder_ = RuleCoder(book, n_jobs=self.n_jobs).fit()
        self._compile_cues()
        stems = _stem_strings(texts)
        self.vectorizer_ = TfidfVectorizer(analyzer=_analyzer, min_df=self.min_df, sublinear_tf=True)
        matrix = self._design(self.vectorizer_.fit_transform(stems), texts, stems)
        coefs, intercepts, codes, skipped = [], [], [], []
        for code in book.code_ids:
            target = np.fromiter(((k, code) in pairs for k in keys), dtype=bool, count=len(keys))
            if target.all() or not target.any():
                skipped.append(code)
                continue
            model = LogisticRegression(C=self.C, max_iter=5000).fit(matrix, target)
            coefs.append(model.coef_[0])
            intercepts.append(model.intercept_[0])
            codes.append(code)
        if not codes:
            raise InputError(f"no code of codebook {book.id} has both positive and negative training units")
        if skipped:
            warnings.warn(f"codes without both positive and negative training units were not learned: {skipped}",
                          ImpactWarning, stacklevel=user_level())
        self.code_ids_ = codes
        self.coef_ = np.vstack(coefs)
        self.intercept_ = np.asarray(intercepts)
        self.feature_names_ = self._feature_names()
        self.thresholds_ = np.full(len(codes), float(self.threshold))
        self.training_ = {
            "n_units": len(keys),
            "positives": {c: int(sum((k, c) in pairs for k in keys)) for c in codes},
            "texts_sha256": hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest(),
        }
        return self

    def _check_params(self) -> None:
        if not isinstance(self.threshold, int | float) or not 0 < self.threshold < 1:
            raise InputError(f"The value for `threshold` must be in (0, 1), but {self.threshold!r} was passed.")
        if not isinstance(self.C, int | float) or self.C <= 0:
            raise InputError(f"The value for `C` must be a positive number, but {self.C!r} was passed.")
        if not isinstance(self.rule_weight, int | float) or self.rule_weight < 0:
            raise InputError(f"The value for `rule_weight` must be a number >= 0, but {self.rule_weight!r} was passed.")
        if not isinstance(self.min_df, int) or isinstance(self.min_df, bool) or self.min_df < 1:
            raise InputError(f"The value for `min_df` must be an integer >= 1, but {self.min_df!r} was passed.")

    def _compile_cues(self) -> None:
        self.cue_names_ = [*_CUE_GROUPS, "question"]
        self.cues_ = PatternSet({g: wordlist(g) for g in _CUE_GROUPS}, longest=False)

    def _feature_names(self) -> list[str]:
        rules = [f"rule:{c}:{r}" for c in self.rule_coder_.code_ids_ for r in _READINGS]
        return [*self.vectorizer_.get_feature_names_out().tolist(), *rules, *(f"cue:{c}" for c in self.cue_names_)]

    def _dense(self, texts: list[str], stems: list[str], raw: list[tuple] | None = None) -> np.ndarray:
        """Rule readings (per code: reported, anticipated, denied score) and cue flags of each unit."""
        codes = self.rule_coder_.code_ids_
        where = {c: 3 * j for j, c in enumerate(codes)}
        out = np.zeros((len(texts), 3 * len(codes) + len(self.cue_names_)))
        if raw is None:
            raw = self.rule_coder_._code_stems(texts, stems)
        for i, code, score, neg, hedged, *_ in raw:
            k = where[code] + (2 if neg else 1 if hedged else 0)
            out[i, k] = max(out[i, k], score)
        base = 3 * len(codes)
        col = {g: base + j for j, g in enumerate(self.cue_names_)}
        for i, s in enumerate(stems):
            for _, _, labels in self.cues_.find(s):
                for label, _ in labels:
                    out[i, col[label]] = 1.0
            if " ? " in s:
                out[i, col["question"]] = 1.0
        return out

    def _design(self, tfidf: sp.spmatrix, texts: list[str], stems: list[str], raw: list[tuple] | None = None):
        dense = self._dense(texts, stems, raw)
        return sp.hstack([tfidf, sp.csr_matrix(dense * self.rule_weight)], format="csr")

    # ------------------------------------------------------------------ coding
    def predict_proba(self, X: Any) -> pd.DataFrame:
        """Probability that each code is reported: one row per unit, one column per code."""
        self._fitted()
        units, texts, _ = as_units(X)
        probs, _ = self._probs(texts, _stem_strings(texts))
        return pd.DataFrame(probs, index=pd.Index(units, name="unit"), columns=self.code_ids_)

    def _fitted(self) -> None:
        if not hasattr(self, "coef_"):
            self.fit()
        check_is_fitted(self, "coef_")

    def _probs(self, texts: list[str], stems: list[str]) -> tuple[np.ndarray, list[tuple]]:
        raw = self.rule_coder_._code_stems(texts, stems) if texts else []
        if not texts:
            return np.zeros((0, len(self.code_ids_))), raw
        matrix = self._design(self.vectorizer_.transform(stems), texts, stems, raw)
        z = np.asarray(matrix @ self.coef_.T) + self.intercept_
        return 1.0 / (1.0 + np.exp(-z)), raw

    def _code_stems(self, texts: list[str], stems: list[str]) -> list[tuple]:
        """Raw codings ``(i, code, score, negated, hedged, attribution, start, end)`` (see RuleCoder)."""
        probs, raw = self._probs(texts, stems)
        evidence: dict[tuple[int, str], tuple] = {(r[0], r[1]): r for r in raw}
        out: list[tuple] = []
        for i in range(len(texts)):
            for j, code in enumerate(self.code_ids_):
                p = float(probs[i, j])
                rule = evidence.get((i, code))
                if p >= self.thresholds_[j]:
                    if rule is not None:
                        out.append((i, code, p, False, False, rule[5], rule[6], rule[7]))
                    else:
                        out.append((i, code, p, False, False, "", 0, len(texts[i])))
                elif rule is not None and (rule[3] or rule[4]):
                    out.append((i, code, p, rule[3], rule[4], rule[5], rule[6], rule[7]))
        return out

    def code(self, texts: Any, *, progress: bool = False) -> pd.DataFrame:
        """Code texts (fits the bundled model first if needed).

        Parameters
        ----------
        texts : pandas.Series or pandas.DataFrame
            Texts with the unit id as index, or segments from :func:`impact.segment`.
        progress : bool
            Show a tqdm progress bar on stderr.

        Returns
        -------
        pandas.DataFrame
            Columns ``unit, code, score, negated, hedged, attribution, start, end``.
        """
        self._fitted()
        units, text_list, offsets = as_units(texts)
        starts = offsets.tolist()
        rows: list[tuple] = []
        chunks = list(_chunks(text_list, self.rule_coder_.chunk_size))
        steps = _progress(chunks, progress)
        for a, b in steps:
            chunk = text_list[a:b]
            _unit_rows(rows, self._code_stems(chunk, _stem_strings(chunk)), a, units, starts)
        return _coded_frame(rows)

    def uncertainty(self, X: Any) -> pd.DataFrame:
        """Units ordered by how unsure the coder is, most uncertain first (for human review).

        Returns
        -------
        pandas.DataFrame
            ``unit``, ``code`` (the code closest to its threshold), ``probability``
            and ``uncertainty`` (1 at the threshold, 0 at probability 0 or 1).
        """
        return _uncertainty_table(self.predict_proba(X), self.thresholds_)

    # ------------------------------------------------------------------ JSON
    def to_json(self) -> dict:
        """The fitted model as a JSON-ready dict (vocabulary, IDF, coefficients; never a pickle)."""
        self._fitted()
        vocab = self.vectorizer_.get_feature_names_out().tolist()
        return {
            "format": MODEL_FORMAT[0],
            "format_version": MODEL_FORMAT[1],
            "impact_version": __version__,
            "codebook": {"id": self.codebook_.id, "version": self.codebook_.version, "hash": self.codebook_.hash},
            "params": {"threshold": self.threshold, "C": self.C, "rule_weight": self.rule_weight,
                       "min_df": self.min_df},
            "training": self.training_,
            "code_ids": self.code_ids_,
            "thresholds": [round(float(t), 6) for t in self.thresholds_],
            "vocabulary": vocab,
            "idf": [round(float(v), 8) for v in self.vectorizer_.idf_],
            "rule_features": self.feature_names_[len(vocab):],
            "intercept": [round(float(v), 8) for v in self.intercept_],
            "coef": [[round(float(v), 6) for v in row] for row in self.coef_],
        }

    def _load(self, book: Codebook, model: dict) -> HybridCoder:
        if model.get("format") != MODEL_FORMAT[0] or model.get("format_version") != MODEL_FORMAT[1]:
            raise InputError(f"not a {MODEL_FORMAT[0]} model of format version {MODEL_FORMAT[1]}")
        if model["codebook"]["hash"] != book.hash:
            raise InputError(
                f"the bundled hybrid model was trained for codebook {model['codebook']['id']} "
                f"{model['codebook']['version']} (hash {model['codebook']['hash'][:12]}), but codebook {book.id} "
                f"{book.version} (hash {book.hash[:12]}) was passed; retrain it with bench/train_coder.py")
        self.codebook_ = book
        self.rule_coder_ = RuleCoder(book, n_jobs=self.n_jobs).fit()
        self._compile_cues()
        vocab = {t: k for k, t in enumerate(model["vocabulary"])}
        self.vectorizer_ = TfidfVectorizer(analyzer=_analyzer, vocabulary=vocab, sublinear_tf=True)
        self.vectorizer_.idf_ = np.asarray(model["idf"], dtype=float)
        self.code_ids_ = list(model["code_ids"])
        self.coef_ = np.asarray(model["coef"], dtype=float)
        self.intercept_ = np.asarray(model["intercept"], dtype=float)
        self.thresholds_ = np.asarray(model["thresholds"], dtype=float)
        self.training_ = dict(model.get("training", {}))
        self.feature_names_ = [*model["vocabulary"], *model["rule_features"]]
        if self.feature_names_ != self._feature_names() or self.coef_.shape != (len(self.code_ids_), len(self.feature_names_)):
            raise InputError("the hybrid model's features do not match this version of the rule coder; "
                             "retrain it with bench/train_coder.py")
        return self

    @classmethod
    def from_json(cls, model: dict, codebook: Codebook | str | os.PathLike | None = None, **params: Any) -> HybridCoder:
        """A fitted coder from :meth:`to_json` output (the codebook must be the one it was trained for)."""
        book = Codebook._loaded(codebook if codebook is not None else model["codebook"]["id"], "codebook")
        coder = cls(book, **{**model.get("params", {}), **params})
        return coder._load(book, model)


def _bundled_model(codebook_id: str) -> dict:
    """The JSON model shipped for a codebook (``impact/_data/models/<id>.json``)."""
    path = resources.files("impact").joinpath("_data", "models", f"{codebook_id}.json")
    if not path.is_file():
        raise InputError(f"no bundled hybrid model for codebook {codebook_id!r}: train one with "
                         "HybridCoder(codebook).fit(texts, codes)")
    return json.loads(path.read_text(encoding="utf-8"))


def calibration_table(probabilities: Any, truth: Any, *, n_bins: int = 10) -> pd.DataFrame:
    """Reliability of predicted probabilities: mean prediction and observed rate per probability bin.

    Parameters
    ----------
    probabilities : array-like of float
        Predicted probabilities (held out: e.g. from grouped cross-validation).
    truth : array-like of bool
        Whether each prediction's event happened.
    n_bins : int
        Equal-width bins on [0, 1].

    Returns
    -------
    pandas.DataFrame
        One row per non-empty bin: ``bin_low``, ``bin_high``, ``n``,
        ``mean_predicted``, ``observed``; ``attrs["brier"]`` holds the Brier score.

    Examples
    --------
    >>> t = calibration_table([0.1, 0.1, 0.9, 0.9], [False, False, True, True], n_bins=2)
    >>> t[["n", "mean_predicted", "observed"]].values.tolist()
    [[2.0, 0.1, 0.0], [2.0, 0.9, 1.0]]
    >>> round(t.attrs["brier"], 3)
    0.01
    """
    p = np.asarray(probabilities, dtype=float).ravel()
    y = np.asarray(truth, dtype=bool).ravel()
    if p.shape != y.shape or not len(p):
        raise InputError("`probabilities` and `truth` must be non-empty and of the same length.")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise InputError("`probabilities` must lie in [0, 1].")
    if not isinstance(n_bins, int) or n_bins < 1:
        raise InputError(f"The value for `n_bins` must be an integer >= 1, but {n_bins!r} was passed.")
    edges = np.linspace(0, 1, n_bins + 1)
    which = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)
    rows = []
    for b in range(n_bins):
        sel = which == b
        if sel.any():
            rows.append((edges[b], edges[b + 1], float(sel.sum()), float(p[sel].mean()), float(y[sel].mean())))
    out = pd.DataFrame(rows, columns=["bin_low", "bin_high", "n", "mean_predicted", "observed"])
    out.attrs["brier"] = float(np.mean((p - y) ** 2))
    return out
