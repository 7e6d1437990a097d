"""Tests for impact.coding.evaluate."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import precision_recall_fscore_support

from impact.coding import RuleCoder, TrainedCoder, evaluate_coder, positive_codes, score_codes
from impact.errors import InputError, ValidationError

DEVSET = Path(__file__).parent / "data" / "coding_devset.csv"


def test_scores_match_sklearn(rng):
    codes = ["a", "b", "c"]
    units = [f"u{i}" for i in range(60)]
    truth = rng.random((60, 3)) < 0.3
    pred = truth ^ (rng.random((60, 3)) < 0.2)
    long = lambda m: pd.DataFrame([(u, c) for i, u in enumerate(units) for j, c in enumerate(codes) if m[i, j]], columns=["unit", "code"])  # noqa: E731
    res = score_codes(long(pred), long(truth), units=units, codes=codes).set_index("code")
    p, r, f, s = precision_recall_fscore_support(truth, pred, average=None, zero_division=np.nan)
    np.testing.assert_allclose(res.loc[codes, "precision"], p)
    np.testing.assert_allclose(res.loc[codes, "recall"], r)
    np.testing.assert_allclose(res.loc[codes, "f1"], f)
    assert res.loc[codes, "support"].tolist() == s.tolist()
    for avg in ("micro", "macro"):
        p, r, f, _ = precision_recall_fscore_support(truth, pred, average=avg)
        np.testing.assert_allclose(res.loc[avg, ["precision", "recall", "f1"]].astype(float), [p, r, f])


def test_rule_coder_against_gold_set():
    data = pd.read_csv(DEVSET, dtype=str, keep_default_na=False).set_index("sentence_id")
    gold = pd.DataFrame([(s, c) for s, r in data.iterrows() for c in r["codes"].split(";") if c],
                        columns=["unit", "code"]).assign(negated=lambda d: data.loc[d["unit"], "negated"].eq("1").to_numpy())
    res = evaluate_coder(data["text"], coder=RuleCoder(), gold=gold)
    assert res["code"].tolist() == ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership", "micro", "macro"]
    # Independent computation of the same figure.
    direct = score_codes(positive_codes(RuleCoder().code(data["text"])), gold[~gold["negated"]], units=data.index)
    assert res.set_index("code").loc["micro", "f1"] == pytest.approx(direct.set_index("code").loc["micro", "f1"])
    assert res.set_index("code").loc["micro", "f1"] >= 0.9  # measured 0.933 on all 209 sentences


def test_trained_coder_cross_validated():
    data = pd.read_csv(DEVSET, dtype=str, keep_default_na=False).set_index("sentence_id")
    gold = pd.DataFrame([(s, c) for s, r in data.iterrows() if r["negated"] == "0" for c in r["codes"].split(";") if c],
                        columns=["unit", "code"])
    a = evaluate_coder(data["text"], coder=TrainedCoder(), gold=gold, cv=5, random_state=1)
    b = evaluate_coder(data["text"], coder=TrainedCoder(), gold=gold, cv=5, random_state=1)
    pd.testing.assert_frame_equal(a, b)
    micro = a.set_index("code").loc["micro"]
    assert micro["n_units"] == len(data) and micro["support"] == len(gold)
    # ~200 sentences are too few for a bag of words: far below the rule coder (measured micro-F1 0.38).
    assert 0.2 <= micro["f1"] <= 0.7


def test_bad_arguments():
    texts = pd.Series({"a": "x", "b": "y"})
    with pytest.raises(InputError, match="columns unit and code"):
        evaluate_coder(texts, coder=RuleCoder(), gold=pd.DataFrame({"id": ["a"]}))
    with pytest.raises(InputError, match=r"`cv` must be 'auto', None or an integer >= 2"):
        evaluate_coder(texts, coder=RuleCoder(), gold=pd.DataFrame({"unit": ["a"], "code": ["morale"]}), cv=1)
    with pytest.raises(InputError, match="cannot be split into 5 folds"):
        evaluate_coder(texts, coder=TrainedCoder(), gold=pd.DataFrame({"unit": ["a"], "code": ["morale"]}))


def test_group_folds_keep_groups_whole_and_balance_sizes(rng):
    from impact.coding import group_folds

    groups = [f"d{int(k)}" for k in rng.integers(0, 40, size=400)]
    folds = group_folds(groups, n_splits=5, random_state=3)
    seen = np.zeros(len(groups), dtype=int)
    labels = np.asarray(groups)
    for train, test in folds:
        assert not set(labels[train]) & set(labels[test])  # no group on both sides
        assert sorted(np.r_[train, test].tolist()) == list(range(len(groups)))
        seen[test] += 1
    assert (seen == 1).all()  # every unit tested exactly once
    sizes = [len(test) for _, test in folds]
    assert max(sizes) - min(sizes) <= max(pd.Series(groups).value_counts())  # dealt to the smallest fold
    again = group_folds(groups, n_splits=5, random_state=3)
    assert all((a[1] == b[1]).all() for a, b in zip(folds, again, strict=True))
    other = group_folds(groups, n_splits=5, random_state=4)
    assert any(set(a[1]) != set(b[1]) for a, b in zip(folds, other, strict=True))


def test_grouped_cross_validation_never_trains_on_a_documents_neighbours():
    # Planted leak: each document's sentences share a unique word, and documents alternate codes. A coder
    # that trains on a test sentence's neighbours learns the document word and scores perfectly; grouped
    # folds make the document word useless, and the coder must fall back on the shared marker word.
    from impact.coding import Codebook

    book = Codebook.from_yaml("{format_version: 1, id: m, version: '1', codes: [{id: morale, label: Morale}]}")
    texts, gold, docs = {}, [], []
    for d in range(30):
        for k in range(4):
            unit = f"d{d}s{k}"
            texts[unit] = f"doc{d}word " + ("upbeat" if d % 2 == 0 and k < 2 else "meeting")
            docs.append(f"d{d}")
            if d % 2 == 0:
                gold.append(unit)  # the whole even document is labelled, half of it without the marker
    texts = pd.Series(texts)
    gold = pd.DataFrame({"unit": gold, "code": "morale"})
    plain = evaluate_coder(texts, coder=TrainedCoder(book), gold=gold, cv=5, random_state=0).set_index("code")
    grouped = evaluate_coder(texts, coder=TrainedCoder(book), gold=gold, cv=5, groups=docs).set_index("code")
    assert plain.loc["morale", "recall"] > 0.9  # the document word leaks the label across folds
    assert grouped.loc["morale", "recall"] <= 0.55  # only the marker half is found: 30 of 60 (measured 0.5)
    with pytest.raises(InputError, match="one label per unit"):
        evaluate_coder(texts, coder=TrainedCoder(book), gold=gold, cv=5, groups=docs[:-1])
    with pytest.raises(InputError, match="missing labels"):
        evaluate_coder(texts, coder=TrainedCoder(book), gold=gold, cv=5, groups=[None] + docs[1:])
    with pytest.raises(InputError, match="30 groups cannot be split into 40 folds"):
        evaluate_coder(texts, coder=TrainedCoder(book), gold=gold, cv=40, groups=docs)


def test_count_hedged_scores_reported_codes_only():
    texts = pd.Series({"a": "We hope morale will improve.", "b": "Morale is high."})
    gold = pd.DataFrame({"unit": ["b"], "code": ["morale"]})
    loose = evaluate_coder(texts, coder=RuleCoder(), gold=gold).set_index("code")
    strict = evaluate_coder(texts, coder=RuleCoder(), gold=gold, count_hedged=False).set_index("code")
    assert loose.loc["morale", ["tp", "fp"]].tolist() == [1, 1]
    assert strict.loc["morale", ["tp", "fp"]].tolist() == [1, 0]


def test_a_hand_check_is_compared_on_every_segment_it_checked():
    """A second coding of spans checks whole interviews; review decisions check the segments they were made on, a
    rejected code included (it is no coding, but its segment was looked at). Counting only the segments a person
    coded dropped every segment where the coder alone found something."""
    from impact.coding.evaluate import checked_units, coder_reliability
    from impact.codings import as_codings
    from impact.study import Study

    interviews = pd.DataFrame({"interview_id": ["I1", "I2"], "participant_id": ["P1", "P2"], "council_id": ["301"] * 2,
                               "wave": ["early"] * 2, "date": [None] * 2, "mode": [None] * 2,
                               "transcript": ["a.txt", "b.txt"]})
    study = Study({"name": "x"}, {"interviews": interviews}, {"a.txt": "One. Two. Three.", "b.txt": "Four. Five."})
    seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2", "I1:3", "I2:1", "I2:2"], "interview_id": ["I1"] * 3 + ["I2"] * 2,
                        "start": [0, 5, 10, 0, 6], "end": [4, 9, 16, 5, 11]})
    spans = as_codings(pd.DataFrame({"interview_id": ["I1"], "start": [5], "end": [9], "code": ["morale"]}), study,
                       segments=seg)
    assert checked_units(spans, seg) == ["I1:1", "I1:2", "I1:3"]
    decisions = pd.DataFrame({"unit": ["I1:1", "I2:2"], "code": ["morale", "morale"], "present": [True, False],
                              "coder": "ann"})
    reviewed = as_codings(decisions, study, segments=seg)
    assert reviewed["unit"].tolist() == ["I1:1"] and checked_units(reviewed, seg) == ["I1:1", "I2:2"]
    # read again onto the segments (as impact run --human does), the checked segments are kept
    assert checked_units(as_codings(reviewed, study, segments=seg), seg) == ["I1:1", "I2:2"]
    # the coder's morale in I2:2, which the reviewer rejected, is a disagreement: kappa is not 1
    machine = pd.DataFrame({"unit": ["I1:1", "I2:2"], "code": ["morale", "morale"], "negated": [False, False]})
    r = coder_reliability(machine, reviewed, seg)
    agreement = r[(r["metric"] == "percent_agreement") & (r["code"] == "morale")]["value"].iloc[0]
    assert agreement == pytest.approx(0.5)


def test_an_interview_checked_and_found_empty_counts_in_the_hand_check():
    """A row with an interview and no code, in a file that also codes spans, says a person checked that interview and
    found nothing: the coder's codings there are disagreements. Such a file was refused before (an empty start read as
    a bad offset), and an interview with no coding of the person's could not enter the check."""
    from impact.coding.evaluate import checked_units, coder_reliability
    from impact.codings import as_codings
    from impact.study import Study

    interviews = pd.DataFrame({"interview_id": ["I1", "I2", "I3"], "participant_id": ["P1", "P2", "P3"],
                               "council_id": ["301"] * 3, "wave": ["early"] * 3, "date": [None] * 3,
                               "mode": [None] * 3, "transcript": ["a.txt", "b.txt", "c.txt"]})
    study = Study({"name": "x"}, {"interviews": interviews},
                  {"a.txt": "One. Two.", "b.txt": "Three. Four.", "c.txt": "Five."})
    seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2", "I2:1", "I2:2", "I3:1"],
                        "interview_id": ["I1", "I1", "I2", "I2", "I3"],
                        "start": [0, 5, 0, 7, 0], "end": [4, 9, 6, 12, 5]})
    human = pd.DataFrame({"interview_id": ["I1", "I2"], "start": [0, None], "end": [4, None], "code": ["morale", None],
                          "coder": "ann"})
    read = as_codings(human, study, segments=seg, codes=["morale"])
    assert read["unit"].tolist() == ["I1:1"] and read.attrs["checked_interviews"] == ["I2"]
    assert checked_units(read, seg) == ["I1:1", "I1:2", "I2:1", "I2:2"]  # I3 was not checked
    # the coder found morale in I1:1 (agreed) and in I2:1, which the person checked and found empty
    machine = pd.DataFrame({"unit": ["I1:1", "I2:1"], "code": ["morale", "morale"], "negated": [False, False]})
    r = coder_reliability(machine, read, seg)
    agreement = r[(r["metric"] == "percent_agreement") & (r["code"] == "morale")]["value"].iloc[0]
    assert agreement == pytest.approx(3 / 4)
    # a blank code with a span is still an error: it is not a whole interview
    with pytest.raises(ValidationError, match="code"):
        as_codings(pd.DataFrame({"interview_id": ["I1"], "start": [0], "end": [4], "code": [""]}), study,
                   codes=["morale"])


def test_coder_reliability_intervals_at_the_level_asked_for(rng):
    """analyse(alpha=0.1) asked for 90% intervals everywhere, but the hand check's agreement intervals stayed at 95%:
    coder_reliability takes the level now. Cohen's kappa's normal interval at 90% is its 95% half-width times
    z(0.95) / z(0.975)."""
    from scipy import stats

    from impact.coding.evaluate import coder_reliability

    seg = pd.DataFrame({"segment_id": [f"I1:{i}" for i in range(1, 41)], "interview_id": ["I1"] * 40,
                        "start": range(0, 400, 10), "end": range(9, 409, 10)})
    a = rng.random(40) < 0.4
    b = np.where(rng.random(40) < 0.2, ~a, a)
    machine = pd.DataFrame({"unit": seg["segment_id"][a], "code": "morale", "negated": False})
    human = pd.DataFrame({"unit": seg["segment_id"][b], "code": "morale", "coder": "ann", "interview_id": "I1"})
    wide, narrow = (coder_reliability(machine, human, seg, **kw).set_index("metric").loc["cohen_kappa"]
                    for kw in ({}, {"confidence": 0.9}))
    assert narrow["value"] == pytest.approx(wide["value"])
    ratio = stats.norm.ppf(0.95) / stats.norm.ppf(0.975)
    assert narrow["value"] - narrow["ci_low"] == pytest.approx((wide["value"] - wide["ci_low"]) * ratio, rel=1e-9)
    assert wide["ci_low"] > -1  # the lower end is not clipped
