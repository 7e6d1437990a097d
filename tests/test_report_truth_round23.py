"""What the report and the library it reads state, against the data: round 23.

Each check is on a frame built here or on the small machine-coded design of round 22 (seed 9974, 4 councils, half the
interviews checked by hand), with the truth planted or recounted independently.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import analysed_synthetic, once_per_worker

pytestmark = pytest.mark.xdist_group("report_truth_round23")


@pytest.fixture(scope="module")
def five():
    """``(study, truth, findings)``: round 22's design (4 councils, machine coded, half the interviews checked by hand
    with the planted coding; the review themes and the review process)."""
    return once_per_worker(("round22", "five", 9974), lambda: analysed_synthetic(
        4, 9974, machine=True, check_one_in=2, interviews_per_wave=2, words_per_interview=150,
        parts=["framework", "process"]))


# --------------------------------------------------------------------------- 1. one rule for a missing flag


def _training(rng):
    """Texts whose codes are planted by marker words, and their labels: every morale label has its ``negated`` flag
    missing (a CSV's blank cell), every partnership label False, and three units hold a morale label marked negated
    (a statement that morale did not improve: not a positive)."""
    filler = np.array("the we it was and then a of to in that on for with our after team people".split())
    texts, rows = {}, []
    for i in range(120):
        words = list(rng.choice(filler, 8))
        m, p = i % 3 == 0, i % 4 == 0
        if m:
            words.insert(int(rng.integers(0, 8)), str(rng.choice(["buzz", "proud", "valued"])))
        if p:
            words.insert(int(rng.integers(0, 8)), str(rng.choice(["police", "silos", "hymn"])))
        texts[f"u{i}"] = " ".join(words)
        rows += [(f"u{i}", "morale", np.nan)] * m + [(f"u{i}", "partnership", False)] * p
    rows += [(u, "morale", True) for u in ("u1", "u2", "u5")]
    return pd.Series(texts), pd.DataFrame(rows, columns=["unit", "code", "negated"]).astype({"negated": object})


def test_a_missing_negation_is_read_alike_by_the_training_the_measures_and_the_evaluation(rng):
    """``TrainedCoder.fit`` dropped every label whose ``negated`` is missing, reading ``NaN`` as negated, while the
    evaluation, the hybrid coder's training and the measures count such a coding as not negated: a coder trained on a
    file with blank negation cells never learned those codes (here morale, 40 labels, all blank: skipped with a
    warning). One rule now (:func:`impact._frames.flagged`): the model is the one trained on the same labels with the
    blanks read as not negated and the negated ones dropped, recounted here by hand; the measures and the evaluation's
    positives agree on the same rows."""
    import warnings

    from test_trained import BOOK as book

    from impact.coding import TrainedCoder
    from impact.coding.evaluate import positive_codes
    from impact.measures import classify_codings

    texts, labels = _training(rng)
    blank = labels["negated"].isna()
    assert blank.sum() == 40 and labels["negated"].eq(True).sum() == 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a code skipped for want of positives warns
        coder = TrainedCoder(book).fit(texts, labels)
    assert coder.code_ids_ == ["morale", "partnership"]
    # the same labels, negation recorded by hand: blanks are not negated, the three negated labels are not positives
    by_hand = labels[labels["negated"].ne(True)].drop(columns="negated")
    twin = TrainedCoder(book).fit(texts, by_hand)
    for code in ("morale", "partnership"):
        np.testing.assert_allclose(coder.models_[code].coef_, twin.models_[code].coef_, rtol=0, atol=0)
    # the measures: a blank negation is reported, not denied; a negated label is denied
    measured = classify_codings(labels.assign(hedged=False, attribution=""))
    assert not measured.loc[blank, "denied"].any() and measured.loc[blank, "reported"].all()
    assert measured.loc[labels["negated"].eq(True), "denied"].all()
    # the evaluation's positives: the same rows
    kept = positive_codes(labels)
    assert sorted(zip(kept["unit"], kept["code"], strict=True)) == sorted(
        zip(by_hand["unit"], by_hand["code"], strict=True))


def test_the_measures_use_the_one_rule_for_a_flag():
    """``classify_codings`` kept its own copy of the rule (``fillna(False).astype(bool)``); it now reads the flags with
    the function the evaluation and the coders' training use, so the three cannot drift apart. A flag read as text
    ("False" is true, as ``bool`` reads it) or as a nullable boolean is read alike by all."""
    from impact._frames import flagged
    from impact.measures import classify_codings

    c = pd.DataFrame({"negated": pd.array([True, pd.NA, False, pd.NA], dtype="boolean"),
                      "hedged": [None, True, np.nan, False], "attribution": ""})
    out = classify_codings(c)
    assert out["denied"].tolist() == flagged(c, "negated").tolist() == [True, False, False, False]
    assert out["anticipated"].tolist() == [False, True, False, False]
    assert out["reported"].tolist() == [False, False, True, True]
