"""Evaluating coders: per-code precision, recall and F1, cross-validated or against a gold set."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._frames import distinct, key_strings, member
from .._frames import flagged as _flagged  # the one rule for a missing flag (not set)
from .._words import _counted, _verb
from ..errors import ImpactError, InputError
from .codebook import Codebook
from .rules import as_units

__all__ = ["evaluate_coder", "score_codes", "positive_codes", "coder_reliability", "checked_units", "group_folds",
           "coder_validity"]

_COLUMNS = ["code", "precision", "recall", "f1", "support", "n_predicted", "tp", "fp", "fn", "n_units"]


def positive_codes(coded: pd.DataFrame, *, count_negated: bool = False, count_hedged: bool = True) -> pd.DataFrame:
    """The (unit, code) pairs a coder asserts: negated rows dropped unless ``count_negated``.

    With ``count_hedged=False`` hedged (anticipated) rows are dropped too,
    leaving the codes a coder reads as *reported*: what the ``codes`` field
    of the real-text gold corpus holds (``docs/labelling-guide.md``).

    Examples
    --------
    >>> coded = pd.DataFrame({"unit": ["a", "b", "c"], "code": ["morale"] * 3, "negated": [False, True, False],
    ...                       "hedged": [False, False, True]})
    >>> positive_codes(coded)["unit"].tolist()
    ['a', 'c']
    >>> positive_codes(coded, count_hedged=False)["unit"].tolist()
    ['a']
    """
    from ..schema import true_or_false

    count_negated = true_or_false("count_negated", count_negated)  # "no" counted them (newuser17)
    count_hedged = true_or_false("count_hedged", count_hedged)
    keep = coded
    if not count_negated:  # a missing flag is not known to be set (:func:`_flagged`)
        keep = keep[~_flagged(keep, "negated")]
    if not count_hedged:
        keep = keep[~_flagged(keep, "hedged")]
    return pd.DataFrame({"unit": key_strings(keep["unit"]).to_numpy(), "code": key_strings(keep["code"]).to_numpy()}).drop_duplicates()


def _pairs(table: pd.DataFrame, argument: str) -> set[tuple[str, str]]:
    """The (unit, code) pairs of ``table`` as text (:func:`~impact._frames.key_strings`: a unit ``1`` and ``1.0`` are
    one); a row with no unit or no code is refused naming its rows (it was read as the unit or code 'nan' and left
    out of the score without a word)."""
    from .._joins import _rows

    lacking = [c for c in ("unit", "code") if c not in table.columns]
    if lacking:
        raise InputError(f"`{argument}` lacks the column{'s' if len(lacking) > 1 else ''} {', '.join(map(repr, lacking))}; "
                         f"it has {list(map(str, table.columns))}.")
    unit, code = key_strings(table["unit"]), key_strings(table["code"])
    for name, values in (("unit", unit), ("code", code)):
        blank = values.isna().to_numpy() | values.astype(object).map(lambda v: isinstance(v, str) and not v.strip()).to_numpy(dtype=bool)
        if blank.any():
            raise InputError(f"`{argument}` column {name!r} has no value on {_rows(table.index[blank])}: expected a "
                             f"{name} on every row (a row holding no code is left out, not written with a blank one).")
    return set(zip(unit, code, strict=True))


def score_codes(predicted: pd.DataFrame, gold: pd.DataFrame, *, units: Any, codes: list[str] | None = None) -> pd.DataFrame:
    """Precision, recall and F1 per code, plus ``micro`` and ``macro`` rows.

    Parameters
    ----------
    predicted, gold : pandas.DataFrame
        Long tables with ``unit`` and ``code`` (one row per code present).
    units : sequence
        Every unit evaluated (units absent from both tables have no codes).
    codes : list of str, optional
        Codes to report; default: every code in ``gold`` or ``predicted``.

    Returns
    -------
    pandas.DataFrame
        One row per code, then ``micro`` and ``macro``: ``precision``,
        ``recall``, ``f1`` (NaN where undefined), ``support`` (gold positives),
        ``n_predicted``, ``tp``, ``fp``, ``fn``, ``n_units``.

    Examples
    --------
    >>> gold = pd.DataFrame({"unit": ["1", "2", "3"], "code": ["a", "a", "b"]})
    >>> pred = pd.DataFrame({"unit": ["1", "3", "4"], "code": ["a", "a", "b"]})
    >>> out = score_codes(pred, gold, units=["1", "2", "3", "4"]).set_index("code")
    >>> out.loc["a", ["precision", "recall", "f1"]].tolist()
    [0.5, 0.5, 0.5]
    >>> out.loc["micro", ["tp", "fp", "fn"]].astype(int).tolist()  # a row of mixed columns: floats under pandas 2.x
    [1, 2, 2]
    """
    units = pd.Index(key_strings(pd.Series(list(units), dtype=object)).tolist()).unique()
    if units.hasnans:
        raise InputError("`units` holds a missing value: expected the id of every unit evaluated.")
    gold_pairs, pred_pairs = _pairs(gold, "gold"), _pairs(predicted, "predicted")
    unit_set = set(units)
    gold_pairs = {p for p in gold_pairs if p[0] in unit_set}
    pred_pairs = {p for p in pred_pairs if p[0] in unit_set}
    if codes is None:
        codes = sorted({c for _, c in gold_pairs | pred_pairs})
    rows = []
    for code in codes:
        g = {u for u, c in gold_pairs if c == code}
        p = {u for u, c in pred_pairs if c == code}
        rows.append(_row(code, len(g & p), len(p - g), len(g - p), len(units)))
    table = pd.DataFrame(rows, columns=_COLUMNS)
    micro = _row("micro", int(table["tp"].sum()), int(table["fp"].sum()), int(table["fn"].sum()), len(units))
    macro = {"code": "macro", **{k: table[k].mean() for k in ("precision", "recall", "f1")},
             **{k: int(table[k].sum()) for k in ("support", "n_predicted", "tp", "fp", "fn")}, "n_units": len(units)}
    return pd.concat([table, pd.DataFrame([micro, macro], columns=_COLUMNS)], ignore_index=True)


def _row(code: str, tp: int, fp: int, fn: int, n_units: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else np.nan
    recall = tp / (tp + fn) if tp + fn else np.nan
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else np.nan
    return {"code": code, "precision": precision, "recall": recall, "f1": f1, "support": tp + fn,
            "n_predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn, "n_units": n_units}


def _gold_table(gold: Any) -> pd.DataFrame:
    if not isinstance(gold, pd.DataFrame) or not {"unit", "code"} <= set(gold.columns):
        raise InputError("The value for `gold` must be a long DataFrame with columns unit and code (one row per code present).")
    return gold[~_flagged(gold, "negated")]


def evaluate_coder(
    texts: Any,
    *,
    coder: Any,
    gold: pd.DataFrame,
    cv: int | Literal["auto"] | None = "auto",
    random_state: int = 0,
    count_negated: bool = False,
    count_hedged: bool = True,
    groups: Any = None,
) -> pd.DataFrame:
    """Per-code precision, recall and F1 of a coder, cross-validated or on a fixed gold set.

    Parameters
    ----------
    texts : pandas.Series or pandas.DataFrame
        The units (as for ``coder.code``).
    coder : RuleCoder, TrainedCoder or any object with ``code`` (and ``fit``)
        The coder to evaluate.  A coder that learns (has ``fit(texts, labels)``
        and ``requires_training = True``) is cloned and refitted in each fold.
    gold : pandas.DataFrame
        Adjudicated codes, long: ``unit``, ``code`` (rows with a true
        ``negated`` column, if present, are not positives).  Units of
        ``texts`` absent from ``gold`` have no codes.
    cv : int, "auto" or None
        Number of folds; "auto" means 5 for coders that learn and none (score
        on the whole gold set) for rule coders; None scores without folds
        (a learning coder must then already be fitted).
    random_state : int
        Seed of the fold assignment (shuffled K-fold, or the shuffled order of
        the groups): results are deterministic.
    count_negated : bool
        Count rows the coder marks ``negated`` as positives (default: no).
    count_hedged : bool
        Count rows the coder marks ``hedged`` (anticipated) as positives
        (default: yes; no scores *reported* codes, as the gold corpus labels them).
    groups : sequence, optional
        One group label per unit of ``texts`` (e.g. the document a sentence
        comes from).  Folds then never split a group: every unit of a group is
        tested in the same fold and the coder never trains on its neighbours.
        Groups are shuffled with ``random_state`` and dealt, largest first,
        to the fold with the fewest units.  A unit whose group is missing
        (None or NaN) is an error.

    Returns
    -------
    pandas.DataFrame
        As :func:`score_codes`: one row per code, then ``micro`` and ``macro``.

    Raises
    ------
    impact.InputError
        For a bad ``gold`` table, ``cv`` value or ``groups`` (wrong length,
        missing labels, fewer groups than folds).

    Examples
    --------
    >>> from impact.coding import RuleCoder
    >>> texts = pd.Series({"a": "There was a real buzz in the team.", "b": "The LSCB meets monthly."})
    >>> gold = pd.DataFrame({"unit": ["a"], "code": ["morale"]})
    >>> res = evaluate_coder(texts, coder=RuleCoder(), gold=gold)
    >>> res.set_index("code").loc["micro", ["precision", "recall", "f1"]].tolist()
    [1.0, 1.0, 1.0]

    Cross-validation by document, for a coder that learns:

    >>> from impact.coding import Codebook, TrainedCoder
    >>> book = Codebook.from_yaml("{format_version: 1, id: m, version: '1', codes: [{id: morale, label: Morale}]}")
    >>> texts = pd.Series({f"s{i}": t for i, t in enumerate(["morale is up", "staff feel valued", "the board met",
    ...                    "coffee first"] * 4)})
    >>> gold = pd.DataFrame({"unit": [u for u, t in texts.items() if "morale" in t or "valued" in t], "code": "morale"})
    >>> docs = [f"d{i // 2}" for i in range(16)]
    >>> res = evaluate_coder(texts, coder=TrainedCoder(book), gold=gold, cv=4, groups=docs)
    >>> int(res.set_index("code").loc["micro", "n_units"])
    16
    """
    from ..schema import true_or_false

    count_negated = true_or_false("count_negated", count_negated)
    count_hedged = true_or_false("count_hedged", count_hedged)
    gold = _gold_table(gold)
    units, _, _ = as_units(texts)
    learns = bool(getattr(coder, "requires_training", False))
    folds = (5 if learns else None) if cv == "auto" else cv
    codes = _codes_of(coder, gold)
    if folds is None:
        coded = coder.code(texts)
        return score_codes(positive_codes(coded, count_negated=count_negated, count_hedged=count_hedged), gold,
                           units=units, codes=codes)
    if not isinstance(folds, int) or isinstance(folds, bool) or folds < 2:
        raise InputError(f"The value for `cv` must be 'auto', None or an integer >= 2, but {cv!r} was passed.")
    if len(units) < folds:
        raise InputError(f"{_counted(len(units), 'unit')} cannot be split into {folds} folds")
    # scikit-learn is imported here, not with the module: the main job reads a coder's recorded validity through this
    # module, and importing scikit-learn costs it about a second and a half
    from sklearn.base import clone
    from sklearn.model_selection import KFold

    predicted = []
    if groups is None:
        splits = KFold(n_splits=folds, shuffle=True, random_state=random_state).split(np.arange(len(units)))
    else:
        splits = group_folds(groups, n_splits=folds, random_state=random_state, n_units=len(units))
    for train, test in splits:
        model = clone(coder)
        if learns:
            model.fit(_take(texts, train), gold)
        predicted.append(positive_codes(model.code(_take(texts, test)), count_negated=count_negated,
                                        count_hedged=count_hedged))
    return score_codes(pd.concat(predicted, ignore_index=True), gold, units=units, codes=codes)


def group_folds(groups: Any, *, n_splits: int = 5, random_state: int = 0,
                n_units: int | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test index pairs of a K-fold split that keeps every group in one fold.

    Groups are put in a random order (``random_state``), then dealt, largest
    first (a stable sort, so ties keep the random order), each to the fold
    with the fewest units so far: folds come out near equal in size, and
    the assignment is deterministic.

    Parameters
    ----------
    groups : sequence
        One label per unit (e.g. the ``doc_id`` of each sentence).
    n_splits : int
        Number of folds (at least 2, at most the number of groups).
    random_state : int
        Seed of the group order.
    n_units : int, optional
        Expected number of labels (checked when given).

    Returns
    -------
    list of (train, test) index arrays

    Raises
    ------
    impact.InputError
        For a wrong length, missing labels or fewer groups than folds.

    Examples
    --------
    >>> folds = group_folds(["a", "a", "b", "b", "c", "d"], n_splits=2)
    >>> [sorted(test.tolist()) for _, test in folds]
    [[2, 3, 4], [0, 1, 5]]
    """
    from collections.abc import Iterable, Mapping

    if isinstance(groups, (str, bytes, Mapping)) or not isinstance(groups, Iterable):
        raise TypeError(f"The value for `groups` of impact.coding.group_folds() must be a sequence of one label per "
                        f"unit (e.g. the doc_id of each sentence), but {type(groups).__name__} was passed.")
    labels = pd.Series(list(groups) if not isinstance(groups, pd.Series) else groups.to_numpy())
    if n_units is not None and len(labels) != n_units:
        raise InputError(f"`groups` must hold one label per unit: {_counted(n_units, 'unit')}, but {_counted(len(labels), 'label')} {_verb(len(labels), 'was')} passed.")
    missing = np.flatnonzero(labels.isna().to_numpy()).tolist()
    if missing:
        raise InputError(f"`groups` has missing labels at positions {missing[:10]} (every unit needs a group).")
    codes, uniques = pd.factorize(labels, sort=True)
    if not isinstance(n_splits, int) or n_splits < 2 or n_splits > len(uniques):
        raise InputError(f"{_counted(len(uniques), 'group')} cannot be split into {n_splits} folds (need 2 <= folds <= groups).")
    order = np.random.RandomState(random_state).permutation(len(uniques))
    sizes = np.bincount(codes, minlength=len(uniques))
    order = order[np.argsort(-sizes[order], kind="stable")]
    fold_of = np.empty(len(uniques), dtype=np.int64)
    load = np.zeros(n_splits, dtype=np.int64)
    for g in order:
        f = int(np.argmin(load))
        fold_of[g] = f
        load[f] += sizes[g]
    unit_fold = fold_of[codes]
    all_units = np.arange(len(labels))
    return [(all_units[unit_fold != f], all_units[unit_fold == f]) for f in range(n_splits)]


def _take(texts: Any, rows: np.ndarray) -> Any:
    return texts.iloc[rows]


def _codes_of(coder: Any, gold: pd.DataFrame) -> list[str]:
    """The codebook's codes (if the coder has a loadable codebook), then any other gold codes."""
    ids: list[str] = []
    book = getattr(coder, "codebook", None)
    if book is not None:
        try:
            ids = Codebook.load(book).code_ids
        except ImpactError:
            ids = []
    return ids + sorted(distinct(gold["code"]) - set(ids))


def checked_units(human: pd.DataFrame, segments: pd.DataFrame) -> list[str]:
    """The segments of ``segments`` that a second coding ``human`` checked, coded or not.

    A person who codes an interview codes all of it: every segment of an
    interview the coding names is checked, and one without a coding of theirs
    holds none of the codes.  The decisions of a review workbook
    (:func:`impact.review.import_review`) check the segments they were made
    on, a code rejected included, which :func:`impact.codings.as_codings`
    records in ``attrs["checked_units"]``; so are the interviews a coding
    file lists with no code, checked and found to hold nothing
    (``attrs["checked_interviews"]``).  Counting only the segments the
    person coded left out every segment in which the coder alone found
    something, its false positives: on a 12-council study with a third of the
    interviews coded twice, Cohen's kappa for partnership working read 0.61 on
    the 362 segments with a second coding and 0.36 on the 4,484 segments of
    the interviews checked.

    Examples
    --------
    >>> seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2", "I2:1"], "interview_id": ["I1", "I1", "I2"]})
    >>> checked_units(pd.DataFrame({"unit": ["I1:2"], "interview_id": ["I1"], "code": ["morale"]}), seg)
    ['I1:1', 'I1:2']
    """
    ids = key_strings(segments["segment_id"])
    reviewed = human.attrs.get("checked_units")
    if reviewed is not None:
        chosen = member(ids, set(map(str, reviewed)) | distinct(human["unit"]))
    elif "interview_id" in human.columns and "interview_id" in segments.columns:
        chosen = member(segments["interview_id"], human["interview_id"]) | member(ids, human["unit"])
    else:
        chosen = member(ids, human["unit"])
    empty = human.attrs.get("checked_interviews")  # checked and found to hold nothing (as_codings)
    if empty and "interview_id" in segments.columns:
        chosen = chosen | member(segments["interview_id"], set(map(str, empty)))
    return sorted(ids[chosen])


def coder_reliability(coded: pd.DataFrame, human: pd.DataFrame, segments: pd.DataFrame, *,
                      confidence: float = 0.95, codes: Iterable[str] | None = None) -> pd.DataFrame:
    """Agreement of the machine coding with human codings of some of the same segments, per code.

    The segments compared are those the human coding checked
    (:func:`checked_units`): every segment of the interviews it codes, or
    the segments of a review workbook's decisions.  A segment a coder did not
    code counts as the code being absent; negated codes count as absent for
    both.  ``codes``, if given, limits the codes compared (those of one
    codebook); the segments checked are still all those ``human`` codes.

    Returns
    -------
    DataFrame
        :func:`impact.agreement.agreement_table` by code: percent agreement,
        Cohen's kappa and Krippendorff's alpha with intervals at level
        ``confidence``.
    """
    from ..agreement import agreement_table, coding_to_units

    need = {"unit", "code", "coder"}
    if not need <= set(human.columns):
        raise ValueError(f"`human` codings must have the columns {sorted(need)}; got {sorted(human.columns)}.")
    units = checked_units(human, segments)
    machine = coded[~_flagged(coded, "negated")]  # a negated code is absent
    human = human[~_flagged(human, "negated")]
    both = pd.concat([machine.assign(coder="machine"), human], ignore_index=True)
    both = both[member(both["unit"], set(units))]
    keep = None if codes is None else set(codes)
    codes = sorted(c for c in set(machine["code"]) | set(human["code"]) if keep is None or c in keep)
    long = coding_to_units(both, units=segments[member(segments["segment_id"], set(units))].rename(columns={"segment_id": "unit"}),
                           codes=codes)
    return agreement_table(long, unit="unit", coder="coder", value="value", by="code",
                           metrics=("percent_agreement", "cohen_kappa", "krippendorff_alpha"), confidence=confidence)


def _validity_file(codebook_id: str) -> dict:
    import json
    from importlib import resources

    if not isinstance(codebook_id, str):  # a table's text was taken for a file's name: "File name too long"
        raise TypeError(f"The value for `codebook_id` must be a codebook's id (a str such as 'nfer_impacts'), but "
                        f"{type(codebook_id).__name__} was passed.")
    path = resources.files("impact").joinpath("_data", "validity", f"{codebook_id}.json")
    if "/" in codebook_id or "\\" in codebook_id or not path.is_file():
        raise InputError(f"no stored validity figures for codebook {codebook_id!r}: they exist for codebooks "
                         "scored on the gold corpus by bench/coder_validity.py (nfer_impacts)")
    return json.loads(path.read_text(encoding="utf-8"))


def coder_validity(codebook_id: str = "nfer_impacts", *, coder: Literal["default", "rule", "hybrid"] = "default") -> pd.DataFrame:
    """The coder's measured validity on the frozen test parts of the real-text gold corpus (pooled).

    The figures were computed by ``bench/coder_validity.py`` (not at call
    time) and are stored with the package, with the hashes of the corpus,
    the codebook and the model they belong to, so a report can print them
    beside its reliability figures without re-scoring.

    Parameters
    ----------
    codebook_id : str
        Codebook the figures belong to.
    coder : {"default", "rule", "hybrid"}
        Which coder's figures: "default" is the one :func:`impact.coding.default_coder` returns.

    Returns
    -------
    pandas.DataFrame
        One row per code, then ``micro``, ``macro`` and ``impact_free``:
        ``precision``, ``recall``, ``f1`` (reported codes against the gold
        ``codes`` field), ``support``, ``n_predicted``, ``tp``, ``fp``,
        ``fn``, ``n_units``; on the ``impact_free`` row ``uncoded_share`` is
        the share of impact-free sentences the coder left uncoded and
        ``support`` their number.  ``attrs`` holds ``coder`` (class name),
        ``corpus_sha256``, ``n_sentences``, ``n_documents``,
        ``codebook_version``, ``codebook_hash``, ``impact_version`` and
        ``computed`` (date).

    Raises
    ------
    impact.InputError
        For a codebook without stored figures or an unknown ``coder``.

    Examples
    --------
    >>> v = coder_validity("nfer_impacts")
    >>> v["code"].tolist()[-3:]
    ['micro', 'macro', 'impact_free']
    >>> bool(v["f1"].iloc[:-1].between(0, 1).all()) and v.attrs["n_sentences"] > 300
    True
    """
    figures = _validity_file(codebook_id)
    name = figures["default"] if coder == "default" else coder
    if name not in figures["coders"]:
        from ..schema import not_one_of

        raise InputError(not_one_of("coder", coder, ["default", *figures["coders"]]))
    entry = figures["coders"][name]
    table = pd.DataFrame(entry["scores"], columns=_COLUMNS).astype({"precision": float, "recall": float, "f1": float})
    table["uncoded_share"] = np.nan
    free = {"code": "impact_free", "support": entry["impact_free_n"], "n_units": figures["corpus"]["n_sentences"],
            "uncoded_share": entry["impact_free_uncoded_share"]}
    table = pd.concat([table, pd.DataFrame([free])], ignore_index=True)
    table.attrs = {"coder": entry["class"], "corpus_sha256": figures["corpus"]["sha256"],
                   "n_sentences": figures["corpus"]["n_sentences"], "n_documents": figures["corpus"]["n_documents"],
                   "codebook_version": figures["codebook"]["version"], "codebook_hash": figures["codebook"]["hash"],
                   "impact_version": figures["impact_version"], "computed": figures["computed"]}
    return table
