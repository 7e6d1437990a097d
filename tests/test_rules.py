"""Tests for impact.coding.rules (RuleCoder), on the hand-written development set.

tests/data/coding_devset.csv was written by hand for this package (not by any
generator): "dev-" sentences after the vocabulary was first written (then cue
classes were adjusted once, generally), "hold-" sentences after that
adjustment and never used for tuning.  Thresholds sit a little below the
figures measured when the test was written (given beside each assertion).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from joblib import parallel_config
from sklearn.base import clone

from impact.coding import Codebook, RuleCoder, segment
from impact.coding.evaluate import positive_codes, score_codes
from impact.errors import InputError

DEVSET = Path(__file__).parent / "data" / "coding_devset.csv"
DOUBLE_NEGATIONS = ["dev-094", "dev-095", "dev-096", "dev-097", "dev-098", "dev-099", "hold-036", "hold-037"]


@pytest.fixture(scope="module")
def devset() -> pd.DataFrame:
    data = pd.read_csv(DEVSET, dtype=str, keep_default_na=False)
    for col in ("negated", "hedged"):
        data[col] = data[col].astype(int).astype(bool)
    return data.set_index("sentence_id")


@pytest.fixture(scope="module")
def coded(devset) -> pd.DataFrame:
    return RuleCoder().code(devset["text"])


def _gold(devset: pd.DataFrame) -> pd.DataFrame:
    rows = [(sid, c) for sid, r in devset.iterrows() if not r["negated"] for c in r["codes"].split(";") if c]
    return pd.DataFrame(rows, columns=["unit", "code"])


def _micro(devset, coded, prefix):
    part = devset[devset.index.str.startswith(prefix)]
    res = score_codes(positive_codes(coded), _gold(part), units=part.index, codes=Codebook.nfer().code_ids)
    return res.set_index("code")


def test_devset_shape(devset):
    assert len(devset) >= 200
    assert set(devset["attribution"]) <= {"", "review", "ofsted", "leadership", "restructure", "funding", "other_programme", "unclear"}
    for code in Codebook.nfer().code_ids:
        assert devset["codes"].str.contains(code).sum() >= 10


def test_micro_f1_dev_and_holdout(devset, coded):
    dev = _micro(devset, coded, "dev-")
    hold = _micro(devset, coded, "hold-")
    assert dev.loc["micro", "f1"] >= 0.92  # measured 0.950 (precision 0.981, recall 0.920)
    assert hold.loc["micro", "f1"] >= 0.85  # measured 0.889 (precision 0.947, recall 0.837)
    assert (dev.loc[Codebook.nfer().code_ids, "f1"] >= 0.85).all()  # measured 0.909-1.000 per code


def test_impact_free_sentences_left_uncoded(devset, coded):
    free = devset.index[devset["codes"] == ""]
    uncoded = ~free.isin(positive_codes(coded)["unit"])
    assert uncoded.mean() >= 0.95  # measured 39/39


def test_negated_sentences_not_coded_positive(devset, coded):
    negated = devset.index[devset["negated"]]
    left = ~negated.isin(positive_codes(coded)["unit"])
    assert left.mean() >= 0.9  # measured 16/17
    flagged = coded[coded["unit"].isin(negated)]
    assert flagged["negated"].mean() >= 0.9  # every row found in a negated sentence is flagged


def test_every_double_negation_coded(devset, coded):
    found = positive_codes(coded)
    for sid in DOUBLE_NEGATIONS:
        expected = set(devset.loc[sid, "codes"].split(";"))
        assert expected <= set(found.loc[found["unit"] == sid, "code"]), sid


def test_hedges_flagged(devset, coded):
    hedged = devset.index[devset["hedged"]]
    rows = coded[coded["unit"].isin(hedged)]
    assert rows["unit"].nunique() >= 0.85 * len(hedged)  # measured 14/15 found
    assert rows.groupby("unit")["hedged"].all().mean() >= 0.95  # every one found is flagged
    plain = coded[coded["unit"].isin(devset.index[~devset["hedged"] & (devset["codes"] != "")])]
    assert plain["hedged"].mean() <= 0.1


def test_attribution_to_other_factors(devset, coded):
    other = devset[~devset["attribution"].isin(["", "review"])]
    got = coded.drop_duplicates("unit").set_index("unit")["attribution"]
    hits = [got.get(sid, "") == row["attribution"] for sid, row in other.iterrows()]
    assert sum(hits) / len(hits) >= 0.8  # measured 16/18
    # Impact statements that credit nothing are rarely credited to another factor.
    plain = devset[(devset["attribution"] == "") & (devset["codes"] != "")]
    wrong = got.reindex(plain.index).isin(["ofsted", "leadership", "restructure", "funding", "other_programme"])
    assert wrong.mean() <= 0.02  # measured 1/139 ("battered by Ofsted")


def test_planted_cases():
    texts = pd.Series({
        "buzz": "There was a real buzz in the team afterwards.",
        "room": "It got everyone in the same room.",
        "hymn": "We're all singing from the same hymn sheet now.",
        "bulb": "It was a lightbulb moment for the lead member.",
        "tight": "We tightened up our procedures.",
        "belly": "There's a fire in the belly now.",
        "neg": "There was no change in our procedures.",
        "seen": "We haven't seen any improvement in morale.",
        "double": "It would be wrong to say nothing came of the action plan.",
        "hope": "We're hoping it will lift morale.",
        "seen2": "It remains to be seen whether the action plan is delivered.",
        "ofsted": "The procedures were tightened up, but that was down to Ofsted.",
        "dcs": "Morale improved once the new DCS arrived.",
        "review": "Thanks to the peer review we've got a proper quality assurance framework.",
        "small": "Would you like a biscuit?",
    })
    out = RuleCoder().code(texts).set_index("unit")
    expect = {"buzz": "morale", "room": "partnership", "hymn": "partnership", "bulb": "learning",
              "tight": "policies_systems", "belly": "commitment", "double": "plans_actions"}
    for unit, code in expect.items():
        assert code in set(out.loc[[unit], "code"]) and not out.loc[[unit], "negated"].any(), unit
    assert out.loc[["neg", "seen"], "negated"].all()
    assert out.loc[["hope", "seen2"], "hedged"].all()
    assert out.loc["ofsted", "attribution"] == "ofsted" and out.loc["dcs", "attribution"] == "leadership"
    assert out.loc["review", "attribution"] == "review"
    assert "small" not in out.index


def test_segments_give_transcript_offsets():
    transcript = "Q: What happened?\nA: Not much at first. Then there was a real buzz in the team."
    segs = segment({"I1": transcript})
    out = RuleCoder().code(segs)
    assert out["unit"].tolist() == ["I1:2"]
    row = out.iloc[0]
    assert transcript[row["start"]:row["end"]] == "buzz"


def test_output_columns_and_determinism(devset):
    a = RuleCoder().code(devset["text"])
    b = RuleCoder(chunk_size=500).code(devset["text"])
    assert a.columns.tolist() == ["unit", "code", "score", "negated", "hedged", "attribution", "start", "end"]
    pd.testing.assert_frame_equal(a, b)
    assert a["score"].between(0.5, 1).all()
    assert str(a.dtypes["negated"]) == "bool" and str(a.dtypes["start"]) == "int64"
    # Evidence spans are slices of the unit text.
    texts = devset["text"]
    assert all(0 <= s < e <= len(texts[u]) for u, s, e in zip(a["unit"], a["start"], a["end"], strict=True))


def test_parallel_matches_serial(devset):
    texts = pd.concat([devset["text"]] * 3, ignore_index=True)
    serial = RuleCoder(chunk_size=3000).code(texts)
    with parallel_config(backend="threading"):  # the same code path as processes, without their start-up cost
        parallel = RuleCoder(chunk_size=3000, n_jobs=2).code(texts)
    pd.testing.assert_frame_equal(serial, parallel)


def test_estimator_contract():
    coder = RuleCoder("impact_level", min_score=0.6)
    assert coder.get_params()["codebook"] == "impact_level"
    assert not hasattr(coder, "rules_")
    assert coder.fit() is coder and coder.code_ids_ == ["insight", "action", "practice"]
    twin = clone(coder)
    assert twin.get_params()["min_score"] == 0.6 and not hasattr(twin, "rules_")


def test_other_codebooks_code():
    texts = pd.Series({"a": "The peers told us where our weaknesses were.", "b": "Our LSCB chair is new."})
    out = RuleCoder("impact_level").code(texts)
    assert out["code"].tolist() == ["insight"]
    themes = RuleCoder("review_themes").code(texts)
    assert "working_together_lscb" in set(themes.loc[themes["unit"] == "b", "code"])


def test_bad_arguments():
    with pytest.raises(InputError, match=r"`min_score` must be in \(0, 1\]"):
        RuleCoder(min_score=2).fit()
    with pytest.raises(InputError, match="must be a pandas Series of texts"):
        RuleCoder().code("just a string")
    with pytest.raises(InputError, match="have no text"):
        RuleCoder().code(pd.Series({"a": None}))
    with pytest.raises(InputError, match="needs the columns"):
        RuleCoder().code(pd.DataFrame({"text": ["x"]}))


def test_coders_of_one_codebook_share_memos_and_give_the_same_codings():
    # A worker unpickles a fresh copy of the coder for every chunk; it takes over the memos that
    # earlier copies of the same codebook filled in that process, and only those.
    texts = pd.Series({"a": "Morale is up and we work with the police now.", "b": "Nothing changed at all."})
    first = RuleCoder("nfer_impacts").fit()
    expected = first.code(texts)
    second = RuleCoder("nfer_impacts").fit()
    assert second.terms_ is not first.terms_
    pd.testing.assert_frame_equal(second.code(texts), expected)
    assert second.terms_ is first.terms_ and second._kinds_ is first._kinds_
    themes = RuleCoder("review_themes").fit()
    themes.code(texts)
    assert themes.terms_ is not first.terms_


def test_cue_prefilter_never_changes_a_sentence_reading():
    # _Cues.sentence skips its four cue scans when one scan of every cue finds nothing; readings of
    # sentences mixing cue phrases from every list with plain words must equal the full reading.
    import random
    import re

    from impact.coding._cues import attribution_cues, stem_text, wordlist
    from impact.coding.rules import _Cues

    cues = _Cues()
    full = _Cues()
    full.any.regex = re.compile("")  # always "found": the four scans always run
    attribution = attribution_cues()
    phrases = [*wordlist("negators"), *wordlist("denials"), *wordlist("pseudo_negators"), *wordlist("hedges"),
               *wordlist("boundaries"), *attribution["review"], *attribution["unclear"], *attribution["causal"],
               *(p for group in attribution["factors"].values() for p in group)]
    phrases = [p.replace("*", "") for p in phrases if "~" not in p]
    plain = "the team morale police partners data meetings practice improved we they it was is really".split()
    rng = random.Random(5)
    fields = ("first", "bound_starts", "bound_ends", "negators", "hedged", "attribution")
    n_without = 0
    for _ in range(3000):
        words = [rng.choice(plain) for _ in range(rng.randint(3, 12))]
        for _ in range(rng.choice([0, 0, 1, 2])):
            words.insert(rng.randint(0, len(words)), rng.choice(phrases))
        s = stem_text(" ".join(words) + ".")
        got, want = cues.sentence(s, 0, None, 3), full.sentence(s, 0, None, 3)
        assert [getattr(got, f) for f in fields] == [getattr(want, f) for f in fields], s
        n_without += cues.any.regex.search(s) is None
    assert 500 < n_without < 2500  # both paths were exercised
