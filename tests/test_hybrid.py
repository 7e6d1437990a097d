"""Tests for impact.coding.hybrid (HybridCoder, calibration_table) and the bundled model."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from impact.coding import Codebook, HybridCoder, RuleCoder, calibration_table, rank_uncertain
from impact.coding.rules import _code_with
from impact.errors import ImpactWarning, InputError

BOOK = Codebook.from_yaml("""
format_version: 1
id: two
version: "1"
codes:
  - id: morale
    label: Morale
    rules: {phrases: ["buzz"]}
  - {id: partnership, label: Partnership}
""")
FILLER = np.array("the we it was and then a of to in that on for with our after team people".split())


def _planted(rng, n=300, rates=None):
    """Sentences of filler words with marker words; each marker plants a code with a known probability.

    ``rates`` maps marker -> (code, probability that the unit is labelled with the code).
    """
    rates = rates or {"buzz": ("morale", 1.0), "valued": ("morale", 1.0), "police": ("partnership", 1.0),
                      "silos": ("partnership", 1.0)}
    markers = list(rates)
    texts, gold = {}, []
    for i in range(n):
        words = list(rng.choice(FILLER, 8))
        for m in markers:
            if rng.random() < 0.3:
                words.insert(int(rng.integers(0, 8)), m)
                code, p = rates[m]
                if rng.random() < p:
                    gold.append((f"u{i}", code))
        texts[f"u{i}"] = " ".join(words)
    return pd.Series(texts), pd.DataFrame(gold, columns=["unit", "code"]).drop_duplicates()


def test_recovers_planted_codes(rng):
    texts, gold = _planted(rng)
    train, test = texts.iloc[:220], texts.iloc[220:]
    coder = HybridCoder(BOOK, min_df=1, C=10.0, threshold=0.5).fit(train, gold)
    out = coder.code(test)
    assert out.columns.tolist() == ["unit", "code", "score", "negated", "hedged", "attribution", "start", "end"]
    got = set(zip(out["unit"], out["code"], strict=True))
    want = {(u, c) for u, c in zip(gold["unit"], gold["code"], strict=True) if u in set(test.index)}
    assert len(got & want) / len(want) >= 0.9 and len(got - want) <= 4, (len(got & want), len(want), len(got - want))
    assert out["score"].between(0.5, 1).all()


def test_probabilities_are_calibrated_on_planted_rates(rng):
    # "buzz" plants morale with probability 0.8, "flat" with 0.2, independently: a calibrated model's mean
    # prediction on fresh units with one marker is near that rate (planted truth; 0.05 is ~3 standard errors).
    rates = {"buzz": ("morale", 0.8), "flat": ("morale", 0.2)}
    texts, gold = _planted(rng, n=3000, rates=rates)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImpactWarning)  # partnership has no positive unit here
        coder = HybridCoder(BOOK, min_df=5, C=100.0, rule_weight=0.0).fit(texts, gold)
    fresh, fresh_gold = _planted(np.random.default_rng(1), n=2000, rates=rates)
    probs = coder.predict_proba(fresh)["morale"]
    buzz, flat = fresh.str.contains("buzz"), fresh.str.contains("flat")
    assert probs[buzz & ~flat].mean() == pytest.approx(0.8, abs=0.05)
    assert probs[flat & ~buzz].mean() == pytest.approx(0.2, abs=0.05)
    assert 0.8 < probs[buzz & flat].mean() < 1  # the truth is 0.84 (noisy-or), which no additive logit model fits
    assert probs[~buzz & ~flat].mean() < 0.05
    # Held-out calibration in the large, and the Brier score against the best possible (the planted rates').
    truth = fresh.index.isin(fresh_gold.loc[fresh_gold["code"] == "morale", "unit"])
    table = calibration_table(probs.to_numpy(), truth)
    assert probs.mean() == pytest.approx(truth.mean(), abs=0.02)
    ideal = np.select([buzz & flat, buzz, flat], [0.84, 0.8, 0.2], 0.0)
    assert table.attrs["brier"] < np.mean((ideal - truth) ** 2) + 0.04  # measured 0.102 against 0.074
    assert table["n"].sum() == len(fresh)


def test_rule_readings_pass_through_when_not_reported():
    book = Codebook.load("nfer_impacts")
    texts = pd.Series({"h": "We hope morale will improve next year.", "n": "Morale has not improved at all.",
                       "r": "Staff morale is high and turnover has fallen."})
    out = HybridCoder(book).fit().code(texts).set_index("unit")
    assert out.loc["h", "hedged"] and not out.loc["h", "negated"] and out.loc["h", "code"] == "morale"
    assert out.loc["n", "negated"] and out.loc["n", "code"] == "morale"
    r = out.loc[["r"]]
    assert r["code"].tolist() == ["morale"] and not r["negated"].any() and not r["hedged"].any()
    assert (out["score"].between(0, 1)).all()
    assert out.loc["h", "score"] < 0.5 and out.loc["n", "score"] < 0.5 and r["score"].iloc[0] >= 0.5


def test_estimator_contract_and_json_round_trip(rng):
    texts, gold = _planted(rng, n=120)
    coder = HybridCoder(BOOK, C=2.0, min_df=1)
    assert coder.get_params()["C"] == 2.0 and not hasattr(coder, "coef_")
    assert coder.fit(texts, gold) is coder
    twin = clone(coder)
    assert twin.get_params() == coder.get_params() and not hasattr(twin, "coef_")
    model = json.loads(json.dumps(coder.to_json()))
    back = HybridCoder.from_json(model, BOOK)
    pd.testing.assert_frame_equal(back.predict_proba(texts), coder.predict_proba(texts), atol=1e-6, rtol=0)
    pd.testing.assert_frame_equal(back.code(texts), coder.code(texts), atol=1e-6, rtol=0)
    a = HybridCoder(BOOK, min_df=1).fit(texts, gold).code(texts)
    b = clone(HybridCoder(BOOK, min_df=1)).fit(texts, gold).code(texts)
    pd.testing.assert_frame_equal(a, b)


def test_segments_offsets_and_pipeline_path():
    coder = HybridCoder().fit()
    segs = pd.DataFrame({"segment_id": ["I1:1", "I1:2"], "start": [10, 80],
                         "text": ["Caseloads are now manageable and staff feel valued.", "Thank you."]})
    out = coder.code(segs)
    row = out.iloc[0]
    assert row["unit"] == "I1:1" and row["code"] == "morale" and 10 <= row["start"] < row["end"] <= 10 + len(segs["text"][0])
    # The pipeline codes batches through _code_with (stemming once for several coders): same rows.
    raw = _code_with([coder, RuleCoder().fit()], segs["text"].tolist())
    assert [r[1] for r in raw[0]] == out["code"].tolist()


def test_uncertainty_ranks_for_review():
    coder = HybridCoder().fit()
    probe = pd.Series({"clear": "Staff morale is high, turnover has fallen and caseloads are manageable.",
                       "none": "The meeting closed at 8pm.",
                       "mid": "Staff seemed a bit happier after the visit."})
    ranked = rank_uncertain(coder, probe)
    assert ranked["uncertainty"].is_monotonic_decreasing and set(ranked["unit"]) == set(probe.index)
    top = ranked.iloc[0]
    p = coder.predict_proba(probe).loc[top["unit"], top["code"]]
    t = coder.thresholds_[coder.code_ids_.index(top["code"])]
    # 1 at the threshold, falling linearly to 0 at probability 0 and 1
    assert top["uncertainty"] == pytest.approx(1 - (p - t) / (1 - t) if p >= t else 1 - (t - p) / t)
    assert rank_uncertain(coder, probe, n=1)["unit"].tolist() == ranked["unit"].tolist()[:1]


# The coefficients the solver stops at are not the same on every scikit-learn the package allows: retrained under
# 1.3.0 (setup.cfg's floor) they were up to 0.051 from the shipped ones (lbfgs stops elsewhere), while the
# vocabulary, idf and thresholds were identical, the gold sentences' probabilities at most 0.016 apart and 2 of 5,034
# codes on the test part differed (each within 0.02 of its threshold).  What must hold is that the shipped model codes
# the sentences as today's training would: everything but the fitted coefficients alike, and each probability within
# PROBABILITY_TOL, a code differing only where the shipped probability is that close to its threshold.
PROBABILITY_TOL = 0.02


def test_bundled_model_is_current():
    # The shipped JSON must be what bench/train_coder.py builds from the development data today.
    from bench.train_coder import MODEL_DIR, _same, read_gold_parts, train

    stored = json.loads((MODEL_DIR / "nfer_impacts.json").read_text(encoding="utf-8"))
    assert stored["codebook"]["hash"] == Codebook.load("nfer_impacts").hash
    retrained = train()
    fitted = ("coef", "intercept")
    assert _same({k: v for k, v in retrained.to_json().items() if k not in fitted},
                 {k: v for k, v in stored.items() if k not in fitted}), "run python -m bench.train_coder"
    shipped = HybridCoder.from_json(stored)
    texts = pd.concat([read_gold_parts(part)[0] for part in ("dev", "test")])
    new, old = retrained.predict_proba(texts), shipped.predict_proba(texts)
    assert (new - old).abs().to_numpy().max() <= PROBABILITY_TOL, "run python -m bench.train_coder"
    threshold = pd.Series(shipped.thresholds_, index=shipped.code_ids_)
    differ = new.ge(threshold) != old.ge(threshold)
    near = (old - threshold).abs() <= PROBABILITY_TOL
    assert not (differ & ~near).to_numpy().any(), "run python -m bench.train_coder"
    # 2,303 training units (both gold development parts and the devset) give ~5,900 features x 6 codes
    assert (MODEL_DIR / "nfer_impacts.json").stat().st_size < 600_000


def test_errors_and_warnings():
    texts = pd.Series({"a": "buzz", "b": "nothing"})
    with pytest.warns(ImpactWarning, match=r"not learned: \['partnership'\]"):
        HybridCoder(BOOK, min_df=1).fit(texts, pd.DataFrame({"unit": ["a"], "code": ["morale"]}))
    with pytest.raises(InputError, match="no code of codebook two"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            HybridCoder(BOOK, min_df=1).fit(texts, pd.DataFrame({"unit": [], "code": []}))
    with pytest.raises(InputError, match="long DataFrame with columns unit and code"):
        HybridCoder(BOOK).fit(texts, ["morale"])
    with pytest.raises(InputError, match=r"`threshold` must be in \(0, 1\)"):
        HybridCoder(BOOK, threshold=1.5).fit(texts, pd.DataFrame({"unit": ["a"], "code": ["morale"]}))
    with pytest.raises(InputError, match="`min_df` must be an integer"):
        HybridCoder(BOOK, min_df=0).fit()
    with pytest.raises(InputError, match="no bundled hybrid model for codebook 'two'"):
        HybridCoder(BOOK).code(texts)
    with pytest.raises(InputError, match="`y` was passed without `X`"):
        HybridCoder().fit(None, pd.DataFrame({"unit": ["a"], "code": ["morale"]}))
    model = HybridCoder().fit().to_json()
    model["codebook"]["hash"] = "0" * 64
    with pytest.raises(InputError, match="retrain it with bench/train_coder.py"):
        HybridCoder.from_json(model, "nfer_impacts")
    with pytest.raises(InputError, match=r"must lie in \[0, 1\]"):
        calibration_table([1.5], [True])
