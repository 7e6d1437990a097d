"""Tests for impact.coding.trained (TrainedCoder, rank_uncertain)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from impact.coding import Codebook, TrainedCoder, rank_uncertain
from impact.errors import ImpactWarning, InputError

BOOK = Codebook.from_yaml("""
format_version: 1
id: two
version: "1"
codes:
  - {id: morale, label: Morale}
  - {id: partnership, label: Partnership}
""")


def _planted(rng, n=240):
    """Sentences whose codes are planted by marker words among filler words."""
    filler = np.array("the we it was and then a of to in that on for with our after team people".split())
    texts, gold = {}, []
    for i in range(n):
        words = list(rng.choice(filler, 8))
        m, p = rng.random() < 0.4, rng.random() < 0.4
        if m:
            words.insert(int(rng.integers(0, 8)), str(rng.choice(["buzz", "proud", "valued"])))
        if p:
            words.insert(int(rng.integers(0, 8)), str(rng.choice(["police", "silos", "hymn"])))
        texts[f"u{i}"] = " ".join(words)
        gold += [(f"u{i}", "morale")] * m + [(f"u{i}", "partnership")] * p
    return pd.Series(texts), pd.DataFrame(gold, columns=["unit", "code"])


def test_recovers_planted_codes(rng):
    texts, gold = _planted(rng)
    train, test = texts.iloc[:180], texts.iloc[180:]
    coder = TrainedCoder(BOOK).fit(train, gold)
    out = coder.code(test)
    assert out.columns.tolist() == ["unit", "code", "score", "negated", "hedged", "attribution", "start", "end"]
    got = set(zip(out["unit"], out["code"], strict=True))
    want = {(u, c) for u, c in zip(gold["unit"], gold["code"], strict=True) if u in set(test.index)}
    assert len(got & want) / len(want) >= 0.9 and len(got - want) <= 5  # measured 43/45 found, 3 false of 75
    assert out["score"].between(0.5, 1).all() and (out["end"] == test.str.len().reindex(out["unit"]).to_numpy()).all()


def test_uncertainty_orders_ambiguous_first(rng):
    texts, gold = _planted(rng)
    coder = TrainedCoder(BOOK).fit(texts, gold)
    probe = pd.Series({"clear": "buzz proud valued police silos hymn", "none": "the we it was and then",
                       "mixed": "buzz the we it police"})
    ranked = coder.uncertainty(probe)
    assert ranked["uncertainty"].is_monotonic_decreasing
    assert ranked["unit"].iloc[-1] == "clear"
    probs = coder.predict_proba(probe)
    # Uncertainty is 1 - distance to the threshold, rescaled, for the closest code.
    top = ranked.iloc[0]
    p = probs.loc[top["unit"], top["code"]]
    assert top["uncertainty"] == pytest.approx(1 - abs(p - 0.5) / 0.5)
    assert rank_uncertain(coder, probe, n=2)["unit"].tolist() == ranked["unit"].tolist()[:2]


def test_deterministic_and_clonable(rng):
    texts, gold = _planted(rng, 120)
    a = TrainedCoder(BOOK).fit(texts, gold).code(texts)
    b = clone(TrainedCoder(BOOK)).fit(texts, gold).code(texts)
    pd.testing.assert_frame_equal(a, b)


def test_segments_offsets_and_cues():
    texts = pd.Series({"a": "buzz in the team", "b": "the police meeting", "c": "we're hoping for a buzz",
                       "d": "nothing here", "e": "buzz buzz", "f": "police police"})
    gold = pd.DataFrame({"unit": ["a", "c", "e", "b", "f"], "code": ["morale"] * 3 + ["partnership"] * 2})
    coder = TrainedCoder(BOOK).fit(texts, gold)
    segs = pd.DataFrame({"segment_id": ["I1:1"], "text": ["We're hoping for a buzz"], "start": [10]})
    out = coder.code(segs)
    row = out[out["code"] == "morale"].iloc[0]
    assert (row["start"], row["end"], bool(row["hedged"])) == (10, 33, True)


def test_errors_and_warnings():
    texts = pd.Series({"a": "buzz", "b": "nothing"})
    with pytest.warns(ImpactWarning, match=r"not learned: \['partnership'\]"):
        TrainedCoder(BOOK).fit(texts, pd.DataFrame({"unit": ["a"], "code": ["morale"]}))
    with pytest.raises(InputError, match="no code of codebook two"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            TrainedCoder(BOOK).fit(texts, pd.DataFrame({"unit": [], "code": []}))
    with pytest.raises(InputError, match="long DataFrame with columns unit and code"):
        TrainedCoder(BOOK).fit(texts, ["morale"])
    with pytest.raises(InputError, match=r"`threshold` must be in \(0, 1\)"):
        TrainedCoder(BOOK, threshold=1.5).fit(texts, pd.DataFrame({"unit": ["a"], "code": ["morale"]}))
