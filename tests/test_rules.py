"""Tests for impact.coding.rules (RuleCoder): the hand-written development set, the real-text gold
development part, the labelling guide's own examples and the constructions of issue 14.

tests/data/coding_devset.csv was written by hand for this package (not by any
generator): "dev-" sentences after the vocabulary was first written (then cue
classes were adjusted once, generally), "hold-" sentences after that
adjustment and never used for tuning.  tests/data/gold/sentences_dev.csv is
the development part of the real-text gold corpus, used for tuning (its
figures guard against regressions; the frozen test part is scored only by
tests/test_coder_validity.py).  Thresholds sit a little below the figures
measured when the test was written (given beside each assertion).
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
    # Before issue 14: dev 0.950, hold 0.889.  Codebook 2.0 adds the restructure, systemic-practice and
    # anticipated-partnership readings of the labelling guide on three dev/hold sentences labelled otherwise.
    assert dev.loc["micro", "f1"] >= 0.92  # measured 0.945 (precision 0.972, recall 0.920)
    assert hold.loc["micro", "f1"] >= 0.87  # measured 0.894 (precision 0.905, recall 0.884)
    assert (dev.loc[Codebook.nfer().code_ids, "f1"] >= 0.85).all()  # measured 0.909-0.978 per code


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
    assert rows["unit"].nunique() >= 0.85 * len(hedged)  # measured 13/14 found
    assert rows.groupby("unit")["hedged"].all().mean() >= 0.95  # every one found is flagged
    plain = coded[coded["unit"].isin(devset.index[~devset["hedged"] & (devset["codes"] != "")])]
    assert plain["hedged"].mean() <= 0.1


def test_attribution_to_other_factors(devset, coded):
    other = devset[~devset["attribution"].isin(["", "review"])]
    got = coded.drop_duplicates("unit").set_index("unit")["attribution"]
    hits = [got.get(sid, "") == row["attribution"] for sid, row in other.iterrows()]
    assert sum(hits) / len(hits) >= 0.8  # measured 17/18
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
    assert second.terms_ is first.terms_ and second.rules_ is first.rules_  # compiled once per process
    import pickle

    copy = pickle.loads(pickle.dumps(second))  # what a worker gets
    assert copy.terms_ is not first.terms_
    pd.testing.assert_frame_equal(copy.code(texts), expected)
    assert copy.terms_ is first.terms_ and copy._kinds_ is first._kinds_
    themes = RuleCoder("review_themes").fit()
    themes.code(texts)
    assert themes.terms_ is not first.terms_


def test_ascii_tokenizer_finds_the_tokens_of_token():
    # The faster pattern used for ASCII text must find exactly TOKEN's tokens: every printable ASCII character
    # between, before and after words, seeded random strings over the characters that matter, and the devset.
    import random
    import string

    from impact.coding._cues import TOKEN, tokenizer

    texts = [f"a{c}b {c}x{c} {c}{c}9{c} Q{c}{c}r" for c in string.printable]
    texts.append("snake_case don't 'quoted' rock'n'roll 3.5 co-op x''y _a_ b' 'c D'Arcy 2nd")
    rng = random.Random("ascii-tokenizer")
    texts += ["".join(rng.choice("aZ9_' .,?!;-:\"\t") for _ in range(40)) for _ in range(2000)]
    texts += pd.read_csv(DEVSET, dtype=str, keep_default_na=False)["text"].tolist()
    checked = [t for t in texts if t.isascii()]
    assert len(checked) > 2000
    for text in checked:
        assert tokenizer(text).findall(text) == TOKEN.findall(text), text
    # Other text keeps TOKEN (letters beyond ASCII, the curly apostrophe).
    assert tokenizer("caf\u00e9 didn\u2019t") is TOKEN
    assert tokenizer("caf\u00e9 didn\u2019t").findall("caf\u00e9 didn\u2019t") == ["caf\u00e9", "didn\u2019t"]


def test_evidence_offsets_are_the_offsets_of_the_tokens():
    # The coder finds the tokens of ASCII texts with array operations over their bytes: every token's offsets must
    # be those of tokenizer's matches, for texts alone and together, ASCII or not (the same texts as above).
    import random
    import string

    from impact.coding._cues import tokenizer
    from impact.coding.rules import _evidence_offsets

    texts = [f"a{c}b {c}x{c} {c}{c}9{c} Q{c}{c}r" for c in string.printable]
    texts += ["snake_case don't 'quoted' rock'n'roll 3.5 co-op x''y _a_ b' 'c D'Arcy 2nd", "caf\u00e9 didn\u2019t it's"]
    rng = random.Random("evidence-offsets")
    texts += ["".join(rng.choice("aZ9_' .,?!;-:\"\t\u00e9\u2019") for _ in range(40)) for _ in range(2000)]
    texts += pd.read_csv(DEVSET, dtype=str, keep_default_na=False)["text"].tolist()
    want = {i: [(m.start(), m.end()) for m in tokenizer(t).finditer(t)] for i, t in enumerate(texts)}
    rows = [(i, "code", 1.0, False, False, "", k, k) for i, spans in want.items() for k in range(len(spans))]
    rows += [(i, "code", 1.0, False, False, "", 0, len(spans) - 1) for i, spans in want.items() if spans]
    got = _evidence_offsets(texts, rows)
    assert [r[:6] for r in got] == [r[:6] for r in rows]
    assert [r[6:] for r in got] == [(want[r[0]][r[6]][0], want[r[0]][r[7]][1]) for r in rows]
    assert len(rows) > 20_000 and sum(not texts[r[0]].isascii() for r in rows) > 1_000  # both paths were exercised


def test_cue_prefilter_never_changes_a_sentence_reading():
    # _Cues.sentence skips the scans whose cue lists a quick search finds nothing of; readings of sentences
    # mixing cue phrases from every list with plain words must equal the full reading.
    import random
    import re

    from impact.coding._cues import attribution_cues, stem_text, wordlist
    from impact.coding.rules import _Cues

    cues = _Cues()
    full = _Cues()
    full.attribution_core.regex = re.compile("")  # always "found": every scan runs
    attribution = attribution_cues()
    phrases = [*wordlist("negators"), *wordlist("denials"), *wordlist("pseudo_negators"), *wordlist("hedges"),
               *wordlist("boundaries"), *attribution["review"], *attribution["unclear"], *attribution["causal"],
               *(p for group in attribution["factors"].values() for p in group), *wordlist("modals"),
               *wordlist("purpose_cues"), *wordlist("pseudo_modals"), *wordlist("topic_frames"),
               *wordlist("cause_clauses"), *wordlist("experiencers"), *wordlist("deficits"), "existing", "previous"]
    phrases = [p.replace("*", "") for p in phrases if "~" not in p]
    plain = "the team morale police partners data meetings practice improved we they it was is really".split()
    rng = random.Random(5)
    fields = ("first", "negators", "hedged", "attribution", "modals")
    reads = [(0, 1, False), (2, 4, False), (3, 5, True), (6, 8, False), (1, 9, False)]
    n_without = 0
    for _ in range(3000):
        words = [rng.choice(plain) for _ in range(rng.randint(3, 12))]
        for _ in range(rng.choice([0, 0, 1, 2])):
            words.insert(rng.randint(0, len(words)), rng.choice(phrases))
        s = stem_text(" ".join(words) + ".")
        got, want = cues.sentence(s, 0, None, 3), full.sentence(s, 0, None, 3)
        def readings(sentence):
            return [(n, h, where.attribution, d) for n, h, where, d in (sentence.read(*r) for r in reads)]

        assert readings(got) == readings(want), s
        assert [getattr(got, f) for f in fields] == [getattr(want, f) for f in fields], s
        n_without += not any(ps.regex.search(s) for ps in (cues.neg, cues.modal, cues.hedge, cues.frames,
                                                           cues.attribution_core))
    assert 500 < n_without < 2500  # both paths were exercised


def test_sentences_read_together_equal_each_read_alone():
    # _Cues.sentences scans each cue list once over the sentences joined by "|": every reading must equal
    # the sentence's reading alone, wherever it sits in its text (offsets, first token) and whatever its
    # neighbours hold.
    import random

    from impact.coding._cues import stem_text, wordlist
    from impact.coding.rules import _SENT_RE, _Cues

    cues = _Cues()
    phrases = [p.replace("*", "") for name in ("negators", "hedges", "boundaries", "modals", "topic_frames",
                                               "experiencers", "deficits", "cause_clauses") for p in wordlist(name)]
    phrases += ["thanks to the review", "down to Ofsted", "not the review", "than to the review", "but we"]
    plain = "the team morale police partners data meetings practice improved we they it was is really".split()
    rng = random.Random(14)
    texts = []
    for _ in range(300):
        sentences = []
        for _ in range(rng.randint(1, 4)):
            words = [rng.choice(plain) for _ in range(rng.randint(2, 10))]
            for _ in range(rng.choice([0, 1, 2, 3])):
                words.insert(rng.randint(0, len(words)), rng.choice(phrases))
            sentences.append(" ".join(words) + rng.choice([".", "?", "!"]))
        texts.append(" ".join(sentences))
    items = []
    for text in texts:
        s = stem_text(text)
        ends = [m.start() for m in _SENT_RE.finditer(s)]
        for k in range(len(ends) + 1):
            lo = ends[k - 1] + 2 if k else 0
            items.append((s, lo, ends[k] + 3 if k < len(ends) else len(s), s.count(" ", 0, lo)))
    fields = ("first", "bound_starts", "bound_ends", "negators", "hedged", "attribution", "modals", "frames",
              "predicates")
    together = cues.sentences(items)
    alone = [cues.sentence(*item) for item in items]
    assert [[getattr(x, f) for f in fields] for x in together] == [[getattr(x, f) for f in fields] for x in alone]
    assert sum(bool(x.negators) for x in alone) > 100 and sum(x.attribution != "" for x in alone) > 10  # cues were read


def test_garbage_collector_state_is_restored_after_coding():
    # The coder pauses the cyclic garbage collector while it codes a batch; the caller's setting comes back.
    import gc

    texts = pd.Series(["Morale is up and we work with the police now."])
    coder = RuleCoder().fit()
    assert gc.isenabled()
    expected = coder.code(texts)
    assert gc.isenabled()
    gc.disable()
    try:
        pd.testing.assert_frame_equal(coder.code(texts), expected)
        assert not gc.isenabled()
    finally:
        gc.enable()


GOLD_DEV = Path(__file__).parent / "data" / "gold" / "sentences_dev.csv"


def _reported(coded: pd.DataFrame) -> pd.DataFrame:
    return positive_codes(coded, count_hedged=False)


def test_gold_development_part_reported_codes():
    # The development part was used to tune the rules (issue 14): a regression guard, not a validity figure.
    data = pd.read_csv(GOLD_DEV, dtype=str, keep_default_na=False).set_index("sentence_id")
    gold = pd.DataFrame([(s, c) for s, r in data.iterrows() for c in r["codes"].split(";") if c], columns=["unit", "code"])
    found = _reported(RuleCoder().code(data["text"]))
    res = score_codes(found, gold, units=data.index, codes=Codebook.nfer().code_ids).set_index("code")
    assert res.loc["micro", "f1"] >= 0.72  # measured 0.739 (P 0.781, R 0.700); 0.411 before issue 14
    assert (res.loc[Codebook.nfer().code_ids, "f1"] >= 0.6).all()  # measured 0.651-0.831
    free = data.index[data["codes"] == ""]
    assert (~free.isin(found["unit"])).mean() >= 0.86  # measured 209/237 = 0.882; 0.705 before


# The labelling guide's examples (docs/labelling-guide.md, invented there, never corpus sentences), with the
# reported codes the guide gives them.
GUIDE_EXAMPLES = [
    ("Morale is high", {"morale"}),
    ("Leaders know their services well", {"learning"}),
    ("Partnership working is strong", {"partnership"}),
    ("Quality assurance is robust", {"policies_systems"}),
    ("There is a clear improvement plan", {"plans_actions"}),
    ("There is strong political commitment to children's services", {"commitment"}),
    ("Councillors have really taken ownership of children's social care.", {"commitment"}),
    ("There is strong corporate and political support for the service.", {"commitment"}),
    ("Leaders are relentless in their ambition for children.", {"commitment"}),
    ("Protecting children remains the council's top priority.", {"commitment"}),
    ("Our staff are dedicated and determined to get it right for families.", {"commitment"}),
    ("The council has invested an extra £4m in children's social care.", {"commitment"}),
    ("We are committed to tackling the failings the report identified.", {"commitment"}),
    ("The committee asked for a report on the budget.", set()),
    ("Ofsted has raised the bar for all councils.", set()),
    ("Staff feel more valued.", {"morale"}),
    ("The council agreed an action plan.", {"plans_actions"}),
    ("Senior leaders provide strong leadership.", set()),
    ("An improvement plan was drawn up within six weeks of the visit.", {"plans_actions"}),
    ("Half of the actions in the plan have now been completed.", {"plans_actions"}),
    ("We set up a task and finish group on neglect.", {"plans_actions"}),
    ("Leaders acted swiftly on the recommendations.", {"plans_actions"}),
    ("Tackling exploitation has been agreed as a shared priority.", {"plans_actions"}),
    ("The strategy was endorsed by cabinet and sent to the department.", {"plans_actions"}),
    ("Work on a new early help strategy is under way.", {"plans_actions"}),
    ("Every child has an up-to-date child protection plan.", set()),
    ("The committee will consider the improvement plan in March.", set()),
    ("The review recommended a new strategy.", set()),
    ("The Partnership Board met four times.", set()),
    ("Leaders have an accurate understanding of the service's strengths and weaknesses.", {"learning"}),
    ("The review held up a mirror and we saw things we had stopped noticing.", {"learning"}),
    ("Our self-assessment matched what the inspectors found.", {"learning"}),
    ("Learning from case reviews is shared with staff through briefings.", {"learning"}),
    ("Supervision is reflective and helps workers think about risk.", {"learning"}),
    ("Newly qualified staff have good opportunities to learn from experienced colleagues.", {"learning"}),
    ("The peer team identified our strengths and the areas we need to develop.", {"learning"}),
    ("Members were briefed on the inspection findings at two workshops.", {"learning"}),
    ("The inspection identified high caseloads in two teams.", set()),
    ("Parents now understand why we were worried.", set()),
    ("Members were invited to reflect on the report at the next meeting.", set()),
    ("The Learning Hub is based in the town hall.", set()),
    ("A new neglect protocol has been put in place across all agencies.", {"policies_systems"}),
    ("The front door was redesigned so that every referral is screened the same day.", {"policies_systems"}),
    ("Audits are now carried out independently of line managers.", {"policies_systems"}),
    ("Management oversight of cases has strengthened.", {"policies_systems"}),
    ("The service was restructured into locality teams.", {"policies_systems"}),
    ("Thresholds are well understood and applied by partners.", {"policies_systems"}),
    ("Supervision is now monthly and recorded on the case file.", {"policies_systems"}),
    ("A new practice model has been introduced.", {"policies_systems"}),
    ("Contacts are now processed within 24 hours.", {"policies_systems"}),
    ("The Quality Assurance Team sent apologies.", set()),
    ("Members asked about the referral pathway.", set()),
    ("We need to tighten our procedures.", set()),
    ("Our audits show that practice is improving.", set()),
    ("Staff told us they feel listened to, supported and valued.", {"morale"}),
    ("Morale across the workforce is good.", {"morale"}),
    ("Turnover has fallen and we rely far less on agency workers.", {"morale"}),
    ("Caseloads are now manageable.", {"morale"}),
    ("Social workers say they are proud to work here.", {"morale"}),
    ("The relationship between senior managers and the front line has improved markedly.", {"morale"}),
    ("I am so proud of our staff.", set()),
    ("We can all celebrate this result.", set()),
    ("Social workers have strong relationships with the children they work with.", set()),
    ("Relations with the police are much better.", {"partnership"}),
    ("We are recruiting more permanent staff.", set()),
    ("Partnership working is strong and mature.", {"partnership"}),
    ("Health and the police now sit round the same table at every panel.", {"partnership"}),
    ("The board has challenged agencies robustly where practice fell short.", {"partnership"}),
    ("Exploited young people receive a well co-ordinated multi-agency response.", {"partnership"}),
    ("The toolkit was co-produced with schools and the police.", {"partnership"}),
    ("We have started working with housing colleagues on homelessness.", {"partnership"}),
    ("The Safeguarding Partnership met in May.", set()),
    ("We received a joint response from the council and the board.", set()),
    ("Members asked about closer working with the voluntary sector.", set()),
    ("The council entered an improvement partnership with a neighbouring council.", set()),
    ("We have agreed a plan to restructure the front door", {"plans_actions"}),
    ("We restructured the teams so that families see one worker", {"policies_systems"}),
    ("Management oversight is not sufficiently robust", set()),
    ("Staff described the service as supportive, ambitious and a good place to learn", {"morale", "commitment", "learning"}),
    ("The way the front door, early help and the police now share information at the first contact has improved "
     "a great deal", {"policies_systems", "partnership"}),
    ("An LSCB that is good monitors the effectiveness of local arrangements", set()),
    ("Inspectors found partnership working to be strong", {"partnership"}),
    ("The inspectors agreed with our self-assessment", {"learning"}),
    ("Ofsted recognised our strong partnerships", {"partnership"}),
    ("The council has invested an extra £2m", {"commitment"}),
    ("Budgets for statutory services have been protected", {"commitment"}),
    ("From January the partnership is mandating the toolkit", {"policies_systems"}),
    ("Members asked whether a new protocol would be introduced", set()),
]


def test_labelling_guide_examples():
    out = _reported(RuleCoder().code(pd.Series([t for t, _ in GUIDE_EXAMPLES])))
    got = out.groupby("unit")["code"].apply(set)
    wrong = [(t, want, got.get(str(i), set())) for i, (t, want) in enumerate(GUIDE_EXAMPLES) if got.get(str(i), set()) != want]
    # measured 84 of 88; the four left: Ofsted raising the bar (the inspectorate's act), a shared priority
    # (also partnership), a co-produced toolkit (also policies_systems), a grade descriptor.
    assert len(wrong) <= 5, wrong


def test_issue_14_constructions():
    texts = pd.Series({
        # negation: an adverb between negator and change; through a reporting verb; a denied new plan and an old one
        "adverb": "Morale has not really improved since the review.",
        "yet": "The front door hasn't yet been redesigned.",
        "claim": "I couldn't claim that our procedures changed because of the review.",
        "say": "I wouldn't say that partnership working has improved.",
        "old_plan": "We did not draw up a new plan; the existing improvement plan already covered it.",
        # "No," answering versus "the answer is no"; hypothetical "would"
        "answer_no": "No, morale has improved a lot.",
        "is_no": "Asked whether morale had improved, the answer is no.",
        "would": "It would help morale if caseloads came down.",
        # the cause in an attribution clause is not the impact
        "owes": "Morale is much better now, though that owes more to the restructure of the front door than to the review.",
        # modality, topic, questions, deficits
        "need": "We need to tighten our procedures.",
        "recommend": "Inspectors recommended that the council strengthens management oversight.",
        "question": "Has the new protocol made any difference?",
        "agenda": "The committee received a report on the work of the Partnership Board.",
        # a topic frame reaches only its own clause: a subordinate clause with its own subject reports a change
        "own_clause": "Members asked for an update as we had improved the front door.",
        "deficit": "Caseloads remain too high in the assessment teams.",
        # names, casework plans, 'reflects', 'joint', experiencers
        "name": "The Learning and Improvement Sub-Group meets quarterly.",
        "name_head": "A new Improvement Board was set up after the visit.",
        "casework": "Every child on a child protection plan has a named social worker.",
        "reflects": "The judgement reflects the determination of our staff.",
        "joint": "The Joint Targeted Area Inspection took place in March.",
        "families": "Families now understand the plan much better.",
        # lists and long distance: how officials write
        "list": "Staff told inspectors they feel listened to, supported and valued.",
        "state": "Strategic partnerships are mature and highly effective.",
        "put_in_place": "A new escalation protocol has been put in place.",
        "workforce": "Turnover is low and the council no longer relies on agency social workers.",
    })
    out = RuleCoder().code(texts).set_index("unit")
    rep = _reported(out.reset_index()).groupby("unit")["code"].apply(set)

    def reported(unit):
        return rep.get(unit, set())

    for unit in ("adverb", "yet", "claim", "say", "old_plan", "is_no"):
        assert not reported(unit), unit
    assert out.loc[["adverb", "yet", "claim", "say", "old_plan"], "negated"].all()
    assert reported("answer_no") == {"morale"}
    assert out.loc["would", "hedged"] and not reported("would")
    # The restructure credited is itself reported (adjudicated gold: a cause in a code's domain is coded too).
    assert reported("owes") == {"morale", "policies_systems"}
    assert out.loc["owes", "attribution"].eq("restructure").all()
    for unit in ("need", "recommend", "question"):
        assert out.loc[[unit], "hedged"].all() and not reported(unit), unit
    for unit in ("agenda", "deficit", "name", "casework", "reflects", "joint", "families"):
        assert unit not in out.index or not reported(unit) - ({"commitment"} if unit == "reflects" else set()), unit
    assert reported("reflects") == {"commitment"}  # determination of staff, not reflection
    assert reported("name_head") == {"plans_actions"}
    assert reported("own_clause") == {"policies_systems"}
    assert reported("list") == {"morale"} and reported("state") == {"partnership"}
    assert reported("put_in_place") == {"policies_systems"} and reported("workforce") == {"morale"}


def test_compiled_rules_are_reused_only_for_the_same_codebook():
    # Compiling is memoised per process by the codebook's hash: an edited codebook (one phrase changed)
    # is compiled afresh, and a parsed codebook handed out is never the memo's own copy.
    from impact.coding.codebook import Codebook

    text = """format_version: 1
id: tiny
version: "0.1"
codes:
  - {id: morale, label: Morale, definition: Spirits., rules: {phrases: [PHRASE]}}
"""
    texts = pd.Series({"a": "There was a real buzz.", "b": "Spirits were lifted."})
    first = Codebook.from_yaml(text.replace("PHRASE", "buzz"))
    again = Codebook.from_yaml(text.replace("PHRASE", "buzz"))
    assert again == first and again._spec is not first._spec
    assert again._spec["codes"] is not first._spec["codes"]
    assert RuleCoder(first).fit().code(texts)["unit"].tolist() == ["a"]
    assert RuleCoder(Codebook.from_yaml(text.replace("PHRASE", "spirits were lift*"))).fit().code(texts)["unit"].tolist() == ["b"]
    assert RuleCoder(again).fit().code(texts)["unit"].tolist() == ["a"]


def test_false_friends_of_a_term_are_not_its_evidence():
    """A word the stemmer or a prefix confuses with a term, in another sense, is not evidence (labelling guide,
    section 6). Found on real text: "scrutiny committee" read as commitment (near rule scrutiny ~5 committ*), "child
    abuse investigation" as investment (invest*), "realistic plans" as realisation (realis*), "initially" as an
    initiative, "at the time" as timeliness. The word still matches a pattern that names it."""
    from impact.coding.codebook import Codebook

    coder = RuleCoder("nfer_impacts").fit()
    texts = pd.Series({
        "committee": "The report went to the scrutiny committee in March.",
        "investigation": "The police lead for child abuse investigation attended.",
        "realistic": "Senior leaders have realistic plans in place.",
        "investment": "The council's investment in early help was significant.",
        "committed": "Members of the scrutiny panel were committed and engaged.",
    })
    out = coder.code(texts)
    codes = out[~out["negated"] & ~out["hedged"]].groupby("unit")["code"].agg(set)
    assert "commitment" not in codes.get("committee", set())
    assert "commitment" not in codes.get("investigation", set())
    assert "learning" not in codes.get("realistic", set())
    assert "commitment" in codes["investment"] and "commitment" in codes["committed"]  # the term's own sense
    text = """format_version: 1
id: tiny
version: "0.1"
codes:
  - {id: c, label: C, definition: D., rules: {phrases: [PHRASE]}}
"""
    units = pd.Series({"inv": "An investigation began.", "invest": "We invested in it.", "com": "The committee met.",
                       "time": "At that time we met.", "timely": "Visits are more timely."})
    def matched(phrase: str) -> list[str]:
        return sorted(RuleCoder(Codebook.from_yaml(text.replace("PHRASE", phrase))).fit().code(units)["unit"])
    assert matched("invest*") == ["invest"]
    assert matched("investigat*") == ["inv"] and matched("investigation") == ["inv"]
    assert matched("commit*") == [] and matched("committee") == ["com"] and matched("committe*") == ["com"]
    assert matched("timeli*") == ["timely"] and matched("time") == ["time"]


def test_a_near_term_with_a_gap_allows_the_words_between_its_parts():
    """A near rule's term may have a '~N' gap, as a phrase may ("work* ~2 closely" in the bundled codebook's
    partnership rule). Inside the near rule's term list the gap was read as the word "2", so the term never
    matched anything. Each side's gapped terms are chains of their own; the gap and the rule's `within` hold."""
    from impact.coding.codebook import Codebook

    text = """format_version: 1
id: tiny
version: "0.1"
codes:
  - id: partnership
    label: Partnership
    definition: Partners.
    rules:
      near:
        - {terms: ["work* ~2 closely", together], with: [police, "health ~2 visitors"], within: 3, ordered: ORDERED}
"""
    units = pd.Series({
        "gap0": "We work closely with the police.",
        "gap2": "We are working far more closely with police officers.",
        "gap3": "We work very much more closely with the police.",  # three words between work and closely
        "before": "The police and we now work closely.",  # the with-term first
        "far": "We work closely on many things with the local police.",  # four words between closely and police
        "plain": "We and the police pulled together.",
        "both": "We worked closely with health and family visitors.",  # a gapped with-term too
        "sentence": "We work closely. The police came.",  # a sentence end between
    })

    def matched(ordered: str) -> list[str]:
        coder = RuleCoder(Codebook.from_yaml(text.replace("ORDERED", ordered))).fit()
        return sorted(coder.code(units)["unit"])

    assert matched("false") == ["before", "both", "gap0", "gap2", "plain"]
    assert matched("true") == ["both", "gap0", "gap2"]


# Readings of the issue 14 item 4 round of 2026-12-03 (sentences written for this test, not from the gold corpus):
# word senses (agency staff, early help, the Trust, the reporting period, plans for children's services, the
# effectiveness of), focus, questions, attribution clauses, and modality that stops at a new predicate.
# 14 read otherwise on 454e13c; partner_agencies, sharper_questions, grant, focused_on_how and casework_plan are
# guards (read so before and after).
ROUND_1203 = {
    "agency_staff": ("The number of agency staff has improved since April.", {"morale"}),
    "partner_agencies": ("Partner agencies now work closely together on neglect.", {"partnership"}),
    "early_help": ("A new early help hub has been set up and early help has improved.", {"policies_systems"}),
    "focus": ("There is an improved focus on participation in the service.", set()),
    "questions": ("Councillors asked several detailed questions about the budget.", set()),
    "sharper_questions": ("Councillors are asking sharper questions at scrutiny now.", {"commitment"}),
    "cause_clause": ("Turnover has fallen, thanks to the dedication of our managers.", {"morale", "commitment"}),
    "grant": ("We rewrote the early help pathway because of the extra funding from the DfE.", {"policies_systems"}),
    "trust": ("The Children's Trust was established to run the county's social care.", {"policies_systems"}),
    "trust_word": ("The Trust's chief executive met the board twice.", set()),
    "hoped": ("The plan was refreshed and it was hoped this would continue.", {"plans_actions"}),
    "focused_on": ("Leaders focused on training and development opportunities for social workers.", {"learning"}),
    "focused_on_how": ("Inspectors focused on how thresholds were applied at the front door.", set()),
    "reporting": ("In this reporting period the partners established a new neglect protocol.", {"policies_systems"}),
    "deliver": ("Staff have worked hard to deliver the improvement plan.", {"plans_actions"}),
    "plan_services": ("We have implemented an Improvement Plan for Children's Services.", {"plans_actions"}),
    "casework_plan": ("Plans for children in care are reviewed every month.", set()),
    "effectiveness": ("The board monitors the effectiveness of multi-agency arrangements.", set()),
    "understanding": ("Managers continue to develop their understanding of frontline practice.", {"learning"}),
}


@pytest.mark.parametrize("key", list(ROUND_1203))
def test_round_1203_readings(key):
    text, want = ROUND_1203[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


# Readings of the second round of 2026-12-03 (precision on impact-free text first; sentences written for this test,
# not from the gold corpus). Each entry read otherwise before its change unless marked as a guard.
ROUND_1203B = {
    # labelling guide, principle 4: the evidence starts after the experiencer's adverbs and verbs, or inside it
    "exp_fillers": ("Young carers now feel far more supported at school.", set()),
    "exp_inside": ("Young people said they feel valued by their social workers.", set()),
    "exp_staff": ("Staff now feel far more supported by their managers.", {"morale"}),  # guard
    # section 3: "and its" (stemmed as "and it") opens no new clause, so a purpose cue before it still reaches
    "and_its": ("The aim of the day is to get the council and its partners working more closely.", set()),
    # section 3 (a negative state without a negation word) and section 8 ("insufficient"): a deficit just before
    "insufficient": ("Some teams show insufficient professional curiosity about neglect.", set()),
    "poor_quality": ("Inspectors saw poor quality management oversight in two teams.", set()),
    "ineffective": ("An ineffective management oversight of plans left these cases to drift.", set()),
    # sections 3, 6 and 8: the items of a list of needs are needs, across the list's semicolons
    "needs_list": ("The visit found areas for development, including a new recording system; stronger links with "
                   "the police; and more regular supervision.", set()),
    "needs_own_words": ("Areas for improvement included the timeliness of audits and closer working with schools.",
                        set()),
    "needs_acted_on": ("The council has acted on the areas for improvement and introduced a new neglect protocol.",
                       {"plans_actions", "policies_systems"}),  # guard: no list
    # section 6, word sense: "given" as a preposition is no drive given (guard: priority given to)
    "given_the": ("The judgement is pleasing given the attention of the inspectors on the front door.", set()),
    "given_to": ("Members have given real priority to children's social care.", {"commitment"}),
    # section 6, word sense: "determine" (decide) is not "determined" (resolute)
    "determining": ("Determining the right response to each referral is hard work.", set()),
    "determined": ("Our managers are determined to get this right.", {"commitment"}),  # guard
    # section 6 and section 8 (learning): a thing named "as a strength" is its state, not insight gained
    "as_a_strength": ("Early help was identified as a key strength by the inspectors.", set()),
    "strengths_found": ("The visit identified our strengths and the areas we need to develop.", {"learning"}),  # guard
    # section 3: a modal cue that shares the evidence's first word is that word, not a cue ("actively recruiting")
    "active_recruitment": ("An active recruitment campaign was launched in the spring.", {"plans_actions"}),
    "recruiting": ("We are actively recruiting to a new early help team.", set()),  # guard: anticipated
    # section 2 (partnership): a general claim about what works is no report about a place
    "depends_on": ("Safe practice depends on strong partnership working.", set()),
    "essential": ("A stable workforce is essential to good social work.", set()),
    # section 3: looking forward to a change is expecting it
    "looking_forward": ("The lead member is looking forward to a new neglect protocol being put in place.", set()),
    # section 8 (commitment): plain "hard work" is effort praised, not work under way
    "hard_work": ("We thank everyone for the hard work under way across the county.", set()),
    "work_under_way": ("Work is under way on a new early help strategy.", {"plans_actions"}),  # guard
    # section 8 (learning): practitioners knowing the children they work with is casework quality
    "know_children": ("Our social workers know their families well.", set()),
    "know_services": ("Leaders know their services well.", {"learning"}),  # guard (the guide's own example)
    # section 3: a role described is a duty, not a change reported
    "role_to": ("The board has a key role to co-ordinate the work of partner agencies.", set()),
    # section 6: a grade descriptor describes a standard, not a place
    "descriptor": ("A service that is outstanding has strong partnership working with schools.", set()),
    # section 3: a paper considered names a topic
    "considered_a": ("The panel considered a paper about new pathways for early help.", set()),
    # section 6: "the strength of X" is the quality of X, not strengths identified
    "strength_of": ("The letter recognised the strength of our adoption offer.", set()),
    # section 6: "joint" (of a name or a shared body) is not "jointly" (working together)
    "joint": ("Both boroughs are now served by a joint adoption agency.", set()),
    "jointly": ("The police and the council now work jointly on every referral.", {"partnership"}),  # guard
    # section 6: "reflects" (is the result of) is not "reflective"
    "reflects": ("The rating reflects years of patient effort.", set()),
    "reflected_on": ("Managers reflected on the findings with their teams.", {"learning"}),  # guard
    # section 6: support given is not staff feeling supported
    "support_given": ("Our teams now offer much better support to care leavers.", set()),
    "supporting": ("Our social workers are supporting the council's bid.", set()),
    "supported": ("Staff say they feel well supported by their managers.", {"morale"}),  # guard
    # section 6: "management" (an activity) is not "managers" (staff)
    "management": ("Case management has been supported by a new recording system.", {"policies_systems"}),
    # section 6: "think" (believe) is not "thinking" (a way of thinking that changed)
    "think": ("We think practice is now much better.", set()),
    "thinking": ("Our thinking is much clearer now.", {"learning"}),  # guard
    # section 6: "purposefully" (with determination) is no purpose cue
    "purposefully": ("Managers have purposefully redesigned the front door.", {"policies_systems"}),
    # section 3: "May" the month is no modal
    "in_may": ("In May a new neglect protocol was put in place.", {"policies_systems"}),
    "may": ("A new neglect protocol may be put in place.", set()),  # guard
    # section 3: modality stops at a new predicate ("and these were ...")
    "and_these": ("Two gaps need to be closed and these were addressed by new working groups.", {"plans_actions"}),
    "and_that": ("Inspectors said the service needs to improve further and that a new audit framework is in place.",
                 {"policies_systems"}),
    # section 5: "made possible by X" credits X, which happened
    "made_possible": ("Better direct work was made possible by lower caseloads.", {"morale"}),
    # section 3: "highly" is not the deficit "remain high"; "exceptionally" is not the clause boundary "except"
    "highly": ("Partnership working is strong and standards remain highly consistent.", {"partnership"}),
    "exceptionally": ("We have never had an exceptionally strong partnership with the police.", set()),
    # section 6: "manageable" (of caseloads) is not "managers"
    "manageable": ("High caseloads meant social workers and managers were stretched.", set()),
    "caseloads_manageable": ("Caseloads are now manageable in every team.", {"morale"}),  # guard
    # section 6: words the stemmer makes codebook words: position/positive, relation/relations,
    # different/difference, values/valued
    "position": ("Confidence in our financial position has improved.", set()),
    "in_relation_to": ("In relation to managers, the audit found gaps.", set()),
    "different": ("Partners play very different roles in the county.", set()),
    "values": ("Social workers said the values of the service are clear.", set()),
    # section 8 (commitment): a list of priorities is plans_actions; priority given is commitment
    "priorities": ("The council agreed its improvement priorities for next year.", {"plans_actions"}),
    "priority": ("Leaders have given greater priority to early help.", {"commitment"}),  # guard
    "shared_priorities": ("Partners have agreed shared priorities for neglect.", {"plans_actions", "partnership"}),  # guard
    # section 8 (commitment): "a clear focus" on a topic is no drive; "clearly focused" leaders are
    "clear_focus": ("The service has a clear focus on the voice of the child.", set()),
    "clearly_focused": ("Leaders are clearly focused on improving practice.", {"commitment"}),  # guard
    # section 3: a fronted clause's modality stops at the main clause's subject after its comma
    "comma_subject": ("Where practice needs to improve, we have introduced a new audit framework.",
                      {"policies_systems"}),
    # section 3: "the required changes" requires nothing of the plan before it
    "the_required": ("There is an improvement plan to make the required changes.", {"plans_actions"}),
    # section 2 (commitment): a stated commitment is reported, what it is to do anticipated
    "commitment_is_to": ("Our commitment is to put children first in every decision.", {"commitment"}),
    # guards (read so before and after): a change to the weak state; "weakness" is no "weak" state
    "weak_changed": ("Weak management oversight has been strengthened this year.", {"policies_systems"}),
    "weakness": ("Leaders were aware of their weaknesses and have taken steps to tackle them.",
                 {"learning", "plans_actions"}),
}


@pytest.mark.parametrize("key", list(ROUND_1203B))
def test_round_1203b_readings(key):
    text, want = ROUND_1203B[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


# Third round of 2026-12-03 (recall): each reading fails before its change; guards are marked.
ROUND_1203C = {
    # sections 2 and 4 (learning): opportunities offered to staff are training and development, reported; "an
    # opportunity to" is still an aim (section 3)
    "opportunities": ("Newer workers now get more opportunities to shadow senior colleagues and learn from them.",
                      {"learning"}),
    "an_opportunity": ("The visit is an opportunity for us to learn from other councils.", set()),  # guard
    # section 3: "ensures", "ensured" (makes or made sure) assert the state after them; "ensuring that" is an aim
    "ensures_that": ("The duty rota ensures that caseloads are manageable in every team.", {"morale"}),
    "ensured_that": ("Last year the duty rota ensured that caseloads were manageable in every team.", {"morale"}),
    "ensuring_that": ("We are changing the duty rota, ensuring that caseloads are manageable in every team.",
                      set()),  # guard
    # section 3: a modal or purpose cue's reach ends at a new clause after ", and" or ", but"; not at a list's last item
    "comma_and": ("We changed the rota to support families better, and caseloads are now manageable in every team.",
                  {"morale"}),
    "comma_list": ("We aim to recruit more staff, stabilise the teams, and make caseloads manageable.", set()),  # guard
    "comma_but_own": ("We have worked hard to make sure the front door is safe, but there is more to do to "
                      "strengthen our partnerships.", set()),  # guard: the cue in the evidence's own clause
    # section 3: "and" + a noun phrase + a finite verb is a new clause the modality before it does not reach
    "and_our_remains": ("Much still needs to change and our commitment to this hard work remains as strong as ever.",
                        {"commitment"}),
    "and_the_is": ("Partners need to meet more often and the new protocol is in place.", {"policies_systems"}),
    "and_our_object": ("We need to strengthen management oversight and our quality assurance of casework.",
                       set()),  # guard: two objects of one need
    # section 3 and principle 5: a cause named after a modal ("after", "thanks to" + a noun phrase) has happened
    "after_cause": ("The service will stay in the council's hands after an extra £3m investment last year.",
                    {"commitment"}),
    "thanks_to_cause": ("Drift should reduce further thanks to the new neglect protocol.", {"policies_systems"}),
    "once_we": ("Drift should reduce further once we introduce a new neglect protocol.", set()),  # guard: a plan
    # section 6: a consequence ("which means that") asserts what follows; "X means that" defines (a topic frame)
    "which_means": ("Two offices were merged last spring, which means that there are now more permanent staff in "
                    "every team.", {"morale"}),
    "means_defines": ("A good front door means that partners share information early.", set()),  # guard
    # section 2 (morale: workforce stability) and section 6 (lists): the state named before the workforce, through a
    # list of adjectives
    "stable_workforce_list": ("Families are seen by a settled, highly skilled workforce.", {"morale"}),
    "speaker_confident": ("I am confident that our staff can do this.", set()),  # guard: the speaker's confidence
    # section 2 (partnership): a new partnership formed
    "partnership_formed": ("A new safeguarding partnership was formed in 2019 to replace the old board.",
                           {"partnership", "policies_systems"}),
    "partnership_name": ("The Partnership Board met four times.", set()),  # guard: a name
    # section 8 (learning): leaders' awareness of a weakness is learning; the deficit is what they know, not their state
    "aware_that_deficit": ("Our managers are aware that caseloads remain too high in two teams.", {"learning"}),
    "deficit_alone": ("Caseloads in two teams remain too high.", set()),  # guard
    # sections 3 and 8: a deficit inside the evidence ("staff are insufficiently confident") denies its state
    "deficit_inside": ("Many of our staff are insufficiently confident to challenge partners.", set()),
    "deficit_inside_feel": ("Staff in two teams feel inadequately supported by managers.", set()),
    # section 2 (learning): training that builds practitioners' knowledge, the staff named before the change verb
    "staff_trained": ("All our managers were trained in trauma-informed practice last year.", {"learning"}),
    "training_of_staff": ("The council funded the training of staff in family group conferencing.", {"learning"}),
    "staff_need_training": ("Staff need to be trained in trauma-informed practice.", set()),  # guard: anticipated
    # section 8 (policies_systems): services handed to a trust, its description between the verb and the trust
    "taken_over_by_trust": ("In 2016 the whole service was taken over by the independent charitable trust.",
                            {"policies_systems"}),
    # section 3: "not-for-profit" names a kind of organisation and negates nothing
    "not_for_profit": ("In 2016 the whole service was taken over by the independent not-for-profit trust.",
                       {"policies_systems"}),
}


@pytest.mark.parametrize("key", list(ROUND_1203C))
def test_round_1203c_readings(key):
    text, want = ROUND_1203C[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


# Round four of issue 14 (2026-12-03): recall on partnership, policies_systems and learning through sentence shapes.
# Invented sentences, each failing before its change (guards marked); the labelling guide's section named above each.
ROUND_1203D = {
    # section 8 (partnership): partners' commitment, or a commitment the council shares with its partners
    "partners_committed": ("Health, the police and our partner agencies are determined to keep this momentum going.",
                           {"partnership", "commitment"}),
    "council_and_partners_committed": ("The council and its partners are fully committed to this work.",
                                       {"partnership", "commitment"}),
    "staff_committed": ("Our social workers are committed to the families they support.", {"commitment"}),  # guard
    # section 8 (learning): strengths and areas to develop given together are insight, however long the list between
    "strengths_with_areas": ("The inspectors set out a long list of strengths, along with areas where practice was "
                             "weaker.", {"learning"}),
    "areas_alone": ("The committee noted the areas for development in the letter.", set()),  # guard: a problem found
    # section 4 (affirmed strengths): praise of an arrangement is its state affirmed, reaching along a list of objects
    "praised_list": ("Inspectors commended the council's leaders, its managers and its quality assurance framework.",
                     {"policies_systems"}),
    "praised_staff": ("The councillor praised staff for all their hard work over the winter.", set()),  # guard
    "praised_partnerships": ("Inspectors also praised the council's partnerships with schools and the police.",
                             {"partnership"}),
    # section 2 (learning): lessons learned stated as their use (findings drawn on, feedback used well, work informed
    # by reviews); 'the use of' alone shares its stem with 'used' and is left out (a planned use is no learning)
    "draw_on_findings": ("Managers now draw on the findings of their own audits when they plan supervision.",
                         {"learning"}),
    "good_use_of_feedback": ("The service made good use of the feedback from the peer team.", {"learning"}),
    "will_be_informed": ("The new strategy will be informed by the findings of the review.", set()),  # guard: modal
    # section 2 (policies_systems): an arrangement stated as in operation, in use or complete is in place and working
    "in_operation": ("Our escalation protocol has been in operation since May.", {"policies_systems"}),
    "in_use": ("The escalation protocol is now in use in every team.", {"policies_systems"}),
    "building_in_operation": ("The building has been in operation since May.", set()),  # guard: no arrangement
    # sections 2 and 4 (policies_systems, restructures): a team, panel, forum or hub named before its passive
    # establishment ('was established', 'was being put in place'); a team merely 'in place' is its staff (section 8)
    "team_was_established": ("The exploitation team was established in 2021.", {"policies_systems"}),
    "panel_put_in_place": ("A weekly risk panel was put in place last year.", {"policies_systems"}),
    "leadership_team_in_place": ("The right leadership team is in place.", set()),  # guard
    # section 2 (partnership: partners engaged) and section 8 (multi-agency strategy meetings): partners' good or
    # regular attendance; attendance alone, or poor, is no state reached (section 3: negative states are impact-free)
    "partners_attend": ("The police and health now attend every strategy meeting.", {"partnership"}),
    "attendance_poor": ("Attendance from partners at the panel has been poor.", set()),  # guard
    "parents_attended": ("Parents attended the child protection conference.", set()),  # guard
    # section 2 (learning): insight stated as what an arrangement lets the council see ('helps us to evaluate',
    # 'enables managers to understand'); 'help' alone is left out, as 'early help' is a service
    "helps_us_evaluate": ("Each monthly report helps us to evaluate how quickly referrals are screened.", {"learning"}),
    "would_help_us": ("A monthly report would help us to evaluate how quickly referrals are screened.", set()),  # guard
    # section 3 (reported: past or present perfect): reported speech moves 'has improved' back to 'had improved';
    # the long-distance reading of a system's or partners' change (section 6) takes both tenses
    "had_improved_system": ("Inspectors said the referral arrangements for young carers across the whole county had "
                            "improved.", {"policies_systems"}),
    "had_improved_partners": ("Inspectors said that information sharing between the police and the two local hospital "
                              "trusts had improved.", {"partnership", "policies_systems"}),
    "had_not_improved": ("Inspectors said that the referral pathway had not improved.", set()),  # guard: negated
    # section 8 (policies_systems): services handed to a trust or company, stated in the passive as run or delivered
    # by it; a hub delivering support is not a handover
    "run_by_trust": ("Since 2019 all social care for children has been run by an independent trust.",
                     {"policies_systems"}),
    "delivered_by_hub": ("Family support is delivered by the hub in each town.", set()),  # guard
    # sections 2 and 8 (learning): insight stated as the importance, causes or reasons of something identified,
    # recognised or understood (the council's awareness of its own services)
    "understand_reasons": ("Leaders now understand the reasons for the rise in referrals.", {"learning"}),
    "must_understand_causes": ("We must understand the root causes of drift.", set()),  # guard: anticipated
    # section 2 (partnership: shared priorities or understanding): partners as the ones who agreed or endorsed
    "partners_agreed": ("All partner agencies have agreed a single way of recording missing episodes.",
                        {"partnership"}),
    "families_agreed": ("Families have agreed the plan.", set()),  # guard: not partners
    # principle 4 and section 6: 'with children' right after the evidence is the other party of a relation
    # ('confidence with families': casework); after a comma it opens a phrase of its own
    "comma_with_children": ("Inspectors found a multi-agency response, with children who go missing seen quickly.",
                            {"partnership"}),
    "confidence_with_families": ("Practitioners show great confidence with families.", set()),  # guard
    # section 3 (topic named) and principle 3 (states reached): a topic frame does not reach into a clause of its own
    # that describes a place (', where there is ...')
    "topic_then_where": ("The committee received a report on the new hub, where there is now robust management "
                         "oversight.", {"policies_systems"}),
    "topic_only": ("The committee received a report on management oversight in the hub.", set()),  # guard
    # the same, at a second verb of the reporter ('focused on how ... and praised ...'); 'and noted' is left out, as
    # 'noted the report' is itself a topic
    "topic_then_praised": ("Inspectors focused on how referrals were handled and praised improved management "
                           "oversight.", {"policies_systems"}),
    "focused_on_how": ("Inspectors focused on how management oversight was recorded.", set()),  # guard
    # section 2 (policies_systems: 'now works well'): a process compared with before through 'now' and a comparative
    # ('reviews, which now have far greater ...', 'audits are now much stronger')
    "now_have_far_more": ("Strategy meetings now have far more input from the police.",
                          {"partnership", "policies_systems"}),
    "families_now_more": ("Families now have far more say in their plans.", set()),  # guard: no process
}


@pytest.mark.parametrize("key", list(ROUND_1203D))
def test_round_1203d_readings(key):
    text, want = ROUND_1203D[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


# --- a pronoun resolved from the sentence before it (labelling guide, principle 1 and "Neighbours") -----------------
_NEIGHBOURS = {
    # unit: (previous sentence, sentence)
    "door": ("Last spring the council looked again at how referrals reach the front door.",
             "It has been strengthened since then."),
    "panel": ("Health visitors and the police joined the panel in May.", "They now work closely together."),
    "no_noun": ("Last year was difficult.", "It has been strengthened since then."),
    "same_topic": ("Management oversight has been strengthened.", "Inspectors visited in May."),
    "referent_alone": ("There is real commitment in the service.", "It has grown."),
    "expletive": ("Our thresholds were discussed at the board.", "It was agreed that the chair would write to schools."),
    "identity": ("Our thresholds were discussed at the board.", "This was the first item on the agenda."),
}


def _neighbour_codes(previous: bool) -> dict[str, set[str]]:
    texts = pd.Series({u: pair[1] for u, pair in _NEIGHBOURS.items()})
    before = pd.Series({u: pair[0] for u, pair in _NEIGHBOURS.items()}) if previous else None
    out = RuleCoder().code(texts, previous=before)
    out = out[~out["negated"] & ~out["hedged"]]
    return {u: set(out.loc[out["unit"] == u, "code"]) for u in _NEIGHBOURS}


def test_pronoun_resolved_from_previous_sentence():
    got = _neighbour_codes(previous=True)
    assert got["door"] == {"policies_systems"}  # "the front door/referrals has been strengthened"
    assert got["panel"] == {"partnership"}  # "the police now work closely together"
    # guards: nothing to resolve to; a neighbour on the same topic without a pronoun; a code the referent gives
    # alone ("commitment") is not copied; an expletive "it"; "this was the first item" names, it does not change
    for unit in ("no_noun", "same_topic", "referent_alone", "expletive", "identity"):
        assert got[unit] == set(), unit
    # without the neighbours the sentences carry no code
    assert all(not codes for codes in _neighbour_codes(previous=False).values())


def test_pronoun_resolved_inside_a_unit():
    texts = pd.Series({"x": "Inspectors looked at our thresholds. They have been strengthened since then.",
                       "y": "Last year was difficult. It has been strengthened since then.",
                       "z": "They have been strengthened since then."})
    out = RuleCoder().code(texts)
    assert out[["unit", "code"]].values.tolist() == [["x", "policies_systems"]]
    row = out.iloc[0]
    assert texts["x"][row["start"]:row["end"]] == "They"  # the evidence is the pronoun


def test_previous_must_match_the_units():
    texts = pd.Series({"a": "It has grown.", "b": "Staff feel valued."})
    with pytest.raises(InputError, match="one entry per unit"):
        RuleCoder().code(texts, previous=["Only one."])
    with pytest.raises(InputError, match=r"no entry for units \['b'\]"):
        RuleCoder().code(texts, previous=pd.Series({"a": "Morale was low."}))


def test_pronoun_agrees_in_number_with_its_referent():
    # "they" cannot be "the front door"; "it" cannot be "the agencies"
    texts = pd.Series({"they": "They have been strengthened since then.", "it": "It has been effective in May."})
    before = pd.Series({"they": "We looked again at the front door.", "it": "We met the agencies in March."})
    assert RuleCoder().code(texts, previous=before).empty
    texts = pd.Series({"they": "They have been strengthened since then."})
    got = RuleCoder().code(texts, previous=pd.Series({"they": "We looked again at our referral pathways."}))
    assert got["code"].tolist() == ["policies_systems"]


def test_segments_take_the_previous_sentence_of_the_same_turn():
    first, second = "Last spring we looked again at our referral pathways.", "They have been strengthened since then."
    rows = [  # segment, interview, turn, speaker, text
        ("a:1", "a", 2, "respondent", first), ("a:2", "a", 2, "respondent", second),  # same turn: resolved
        ("a:3", "a", 4, "respondent", first), ("a:4", "a", 6, "respondent", second),  # next turn: not
        ("b:1", "b", 2, "respondent", second),  # another interview's first segment: not
    ]
    segments = pd.DataFrame(rows, columns=["segment_id", "interview_id", "turn", "speaker", "text"])
    segments["start"] = range(0, 100 * len(rows), 100)
    out = RuleCoder().code(segments)
    assert set(zip(out["unit"], out["code"], strict=True)) == {("a:1", "policies_systems"), ("a:2", "policies_systems"),
                                                               ("a:3", "policies_systems")}
    # shuffled rows: the order of a turn is read from the segments' start offsets
    assert RuleCoder().code(segments.iloc[::-1]).sort_values("unit").reset_index(drop=True).equals(
        out.sort_values("unit").reset_index(drop=True))


def test_resolved_evidence_must_follow_the_pronoun_closely():
    # "the thresholds were discussed and later strengthened": the change word is five words past the referent, too far
    # to be the pronoun's own predicate; inside a unit and with `previous` alike
    before, sentence = "Inspectors looked at our thresholds.", "They were discussed and later strengthened."
    assert RuleCoder().code(pd.Series({"x": f"{before} {sentence}"})).empty
    assert RuleCoder().code(pd.Series({"x": sentence}), previous=[before]).empty
    near = RuleCoder().code(pd.Series({"x": f"{before} They were then strengthened."}))
    assert near["code"].tolist() == ["policies_systems"]


# --- sixth round: closed-class words and sentence shape only (no domain vocabulary) --------------------------------
ROUND_1203F = {
    # section 3 (a past change is reported): a hedge ('too early', 'in time') doubts its own clause; a change
    # reported in a clause before 'but', 'however' or ';' stays reported
    "hedge_other_clause": ("A new improvement plan has been drawn up, but it is too early to see any impact.",
                           {"plans_actions"}),
    "hedge_semicolon": ("Caseloads have fallen; it is too early to say whether this will last.", {"morale"}),
    "hedge_same_clause": ("It is too early to say that caseloads have fallen.", set()),  # guard: one clause
    "hedge_question": ("Has the new protocol made a difference, or is it too early to tell?", set()),  # guard
    # section 3 ("will, would" are anticipated): evidence in the subject of a clause whose first finite verb is a modal
    # verb is what the subject will or would do, however many words of the subject follow it
    "subject_of_would": ("A new practice model for the front door teams would be introduced in spring.", set()),
    "subject_of_will": ("The revised thresholds for early help and social care will be published in June.", set()),
    "finite_verb_first": ("The new neglect protocol has been agreed and will be reviewed in May.",  # guard
                          {"policies_systems"}),
    "own_subject_first": ("Morale in the teams is high, and we will keep it that way.", {"morale"}),  # guard
    "purpose_after_subject": ("Work on a new neglect strategy will help schools to spot neglect earlier.",  # guard
                              {"plans_actions"}),
    # section 6 (options rejected are never reported): what follows 'rather than', 'instead of' is turned down
    "rather_than_option": ("The council released funding rather than allow the creation of a children's trust.", set()),
    "rather_than_second": ("Leaders chose to invest in staff rather than restructure the service.", {"commitment"}),
    "rather_than_after": ("We restructured the front door rather than wait for the review.",  # guard: reaches forward
                          {"policies_systems"}),
    # section 3: a modal word after a determiner names a thing ("the potential of", "the suggestions") and is not the
    # predicate that puts the evidence before it in doubt, as "is needed" does
    "modal_noun_after": ("Staff feel valued for the suggestions they make.", {"morale"}),
    "modal_noun_object": ("Social workers are motivated by the potential of the new model.", {"morale"}),
    "modal_predicate_after": ("A new neglect protocol is needed.", set()),  # guard
}


@pytest.mark.parametrize("key", list(ROUND_1203F))
def test_round_1203f_readings(key):
    text, want = ROUND_1203F[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


ROUND_1203G = {
    # principle 4 (children's and families' changes are not coded): "their" owned by children or families, the
    # nearest experiencer before it that is not the object of a preposition, with no "we", "our", "I" between
    "their_families": ("Children and families attend the panel, which they say has increased their understanding.",
                       set()),
    "their_coordinated": ("Children and families attend the panel meetings, which they noted increased their "
                          "understanding and ownership of the plan.", set()),
    "their_parents": ("Parents attended the sessions and developed their understanding of the risks.", set()),
    "their_after_for": ("Leaders are ambitious for children in care and know their services well.",  # guard
                        {"commitment", "learning"}),
    "their_staff": ("Social workers have increased their understanding of neglect.", {"learning"}),  # guard
    "their_of_coordinated": ("The Director of Children and Families thanked the team of staff for their dedication.",
                             {"commitment"}),  # guard: "of children and families" is one phrase after a preposition
    "their_first_person": ("We asked families about the plan, and our staff increased their understanding of it.",
                           {"learning"}),  # guard
    # section 3 ("designed to", "the purpose is to" are anticipated): the "by" phrase of an aim is its means, anticipated
    # with it however far from the purpose cue
    "by_means_of_aim": ("The programme was designed to achieve lasting change in eight pilot councils across the region "
                        "by establishing a new practice model.", set()),
    "by_means_reported": ("We reduced waiting times for families in the three northern districts by setting up a joint "
                          "triage team with the police.", {"plans_actions", "policies_systems"}),  # guard: no aim
    "by_means_new_clause": ("The pilot was set up to improve outcomes for children, and the council has strengthened "
                            "its front door by introducing a new triage team.",
                            {"plans_actions", "policies_systems"}),  # guard: a clause of its own
    # section 3 ("should", "must", "will" are anticipated): the complement of a modal verb is in its doubt to the end of
    # its clause, however long ('can', 'could' state an ability and do not reach)
    "modal_long_complement": ("The review said the council should also consider further opportunities to invest in its "
                              "own schemes for newly qualified staff, including developing stronger links with local "
                              "colleges and the police.", set()),
    "modal_coordinated_verb": ("Leaders must now look again at the arrangements for the many young people leaving care "
                               "in the county and establish a new multi-agency panel.", set()),
    "modal_other_clause": ("The council will keep the budget under review, and partners have strengthened their joint "
                           "working.", {"partnership"}),  # guard: ', and' opens a clause of its own
    "modal_cause_asserted": ("The service will remain under council control after a £5m cash injection.",
                             {"commitment"}),  # guard: the cause has happened
    # section 3 (each clause asserts its own change): a rule's words joined across "and I", "and we", "and they" come
    # from two clauses and are no evidence
    "and_i_two_clauses": ("We know there are more improvements to make and I'm confident in our plans.", set()),
    "and_shared_subject": ("Partners have agreed the protocol and are committed to it.",  # guard: one subject
                           {"commitment", "partnership"}),
    "and_we_one_subject": ("The police and we now work much more closely together.", {"partnership"}),  # guard
    "and_we_own_evidence": ("We have strong partners, and we are committed to working with them.",  # guard
                            {"commitment", "partnership"}),
}


@pytest.mark.parametrize("key", list(ROUND_1203G))
def test_round_1203g_readings(key):
    text, want = ROUND_1203G[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


ROUND_1203H = {
    # section 6 ("topic named but nothing changed": reports received or noted): the topic is the frame's noun phrase;
    # a comma and a determiner, a preposition, "as" or "alongside" after it opens a phrase of its own, which is read
    # like any other
    "topic_then_list_item": ("The cabinet noted the report on the inspection, the improvement steps taken so far and "
                             "the progress made.", {"plans_actions"}),
    "topic_then_as_part_of": ("The committee considered the annual report on fostering, as part of its strong "
                              "commitment to children in care.", {"commitment"}),
    "topic_then_alongside": ("Members received an update on the inspection, alongside our partners in health and the "
                             "police.", {"partnership"}),
    "topic_list_of_nouns": ("Inspectors looked at the quality of supervision, training and development for staff.",
                            set()),  # guard: a list inside the topic
    "topic_as_well_as": ("Inspectors looked at the quality of supervision, as well as training and development for "
                         "staff.", set()),  # guard: "as well as" goes on with the topic
    "topic_no_comma": ("Members received a report on the new triage team and the joint working with the police.",
                       set()),  # guard
    # principle 3 and section 2 (a state or change in the code's domain, whatever the verb form): "is", "are", "was",
    # "were", "been" between a rule's words do not count toward its gap
    "copula_in_gap_passive": ("Funding for family support teams has been protected.", {"commitment"}),
    "copula_in_gap_state": ("Corporate parenting and grandparenting were real strengths across the borough.",
                            {"commitment"}),
    "copula_in_gap_relative": ("The work which was already underway has been praised.", {"plans_actions"}),
    "copula_gap_too_far": ("Funding for family support teams in the north of the county has been protected.",
                           set()),  # guard: other words still count
    "copula_gap_none": ("Corporate parenting in the borough and in the county as a whole shows real strengths.",
                        set()),  # guard
    # sections 3 and 6 (a topic frame names its own clause's topic): a subject pronoun opens a clause of its own,
    # unless "what", "how", "whether", ... embed it in the topic
    "topic_then_subject": ("In looking at those cases they strengthened management oversight of the front door.",
                           {"policies_systems"}),
    "topic_then_we": ("Looking at those cases we introduced a new supervision policy.",
                      {"learning", "policies_systems"}),
    "topic_embedded_clause": ("The board asked for a report on what they are doing about management oversight.",
                              set()),  # guard: a request
    "topic_how_clause": ("The panel looked at how management oversight and supervision work in the front door.",
                         set()),  # guard
    "topic_frame_embeds": ("Members looked at how the way we supervise staff has changed.",
                           set()),  # guard: "how" in the frame embeds the clause after it
    # section 3 (what is needed is anticipated; what exists is reported): a modal word just after the evidence and
    # right before a determiner is the evidence's verb with its object, not a predicate of need
    "modal_verb_with_object": ("The improvement plan required the board to meet every month.", {"plans_actions"}),
    "modal_verb_with_object_every": ("The new action plan requires every manager to audit three cases a month.",
                                     {"plans_actions"}),
    "modal_predicate_passive": ("A new improvement plan is required.", set()),  # guard
    "modal_verb_without_determiner": ("The improvement plan required more work.", set()),  # guard
    "modal_verb_after_will": ("The improvement plan will require the board to meet every month.", set()),  # guard
    "modal_adverb_after_aux": ("Our new improvement plan was probably the best thing we wrote.",
                               set()),  # guard: an adverb after "was", not a verb
}


@pytest.mark.parametrize("key", list(ROUND_1203H))
def test_round_1203h_readings(key):
    text, want = ROUND_1203H[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


# Round 9 (2026-12-04): closed-class structure for precision on impact-free sentences. Invented sentences (never from
# the gold files); each reading has sentences that failed before it and guards that pass before and after.
ROUND_1204 = {
    # section 3 (negative states without a negation word are impact-free) and section 8 ("insufficient", "limited
    # evidence of" deny their domain): a deficit ending a copula ("there was limited ...") is a deficit of the noun
    # phrase after it, and a deficit before a near rule's first word covers the rule when no verb joins its words
    "deficit_after_there_was": ("There was limited time for reflection in supervision.", set()),
    "deficit_after_there_is": ("There is poor management oversight in the referral team.", set()),
    "deficit_before_near_rule": ("The audit found limited reflection in supervision sessions.", set()),
    "deficit_little": ("There has been little reflection on practice in supervision.", set()),
    "deficit_before_near_rule_ineffective": ("Managers were ineffective in making improvements, and quality "
                                             "assurance remains patchy.", set()),
    "deficit_changed_by_verb": ("Weak management oversight has been strengthened.",
                                {"policies_systems"}),  # guard: a verb joins the state and its change
    "deficit_then_new_clause": ("Management oversight was weak, and reflection in supervision is now routine.",
                                {"learning", "policies_systems"}),  # guard: ", and" opens a phrase of its own
    "deficit_a_little": ("Staff had a little more time for reflection in supervision.",
                         {"learning"}),  # guard: "a little" is a degree, not a deficit
    # section 3 (need, must, should are anticipated): a passive relative clause of obligation after the evidence's
    # noun phrase says it is still to be done
    "obliged_relative_must": ("The letter set out six actions for improvement which must be taken by March.", set()),
    "obliged_relative_adverb": ("The review named changes to supervision which must also be made across the "
                                "service.", set()),
    "relative_will_be": ("We are developing a new improvement plan which will be published in the summer.",
                         {"plans_actions"}),  # guard: the plan is being written
    "relative_active": ("We have agreed a new improvement plan which must deliver better supervision.",
                        {"plans_actions"}),  # guard: the plan is the agent, and exists
    "relative_after_comma": ("We have introduced a new neglect protocol, which must be followed by every team.",
                             {"policies_systems"}),  # guard: a clause about what exists
    # section 3 ("will" is anticipated; "designed to achieve change by establishing ..." is the means of an aim): a
    # "by" phrase that opens the sentence is the means of what its main clause says will happen
    "opening_by_will": ("By working together with the police we will make the county safer for children.", set()),
    "opening_by_comma_will": ('"By working together, we will make the county safer for children.', set()),
    "opening_by_past": ("By working together with the police we have made the county safer for children.",
                        {"partnership"}),  # guard: what was done
    "opening_by_later_will": ("By strengthening management oversight, leaders have reduced drift, and they will keep "
                              "working on it.", {"policies_systems"}),  # guard: the modal of another clause
    # section 3 (need, require, recommend are anticipated): a modal cue right before a colon governs the list after
    # it, however long (the stemmer drops the colon, so the text is read for it)
    "colon_after_modal": ("Three further changes to the service are required: monthly supervision for every social "
                          "worker in each of the locality offices of the county, lower caseloads and a workforce that "
                          "feels valued.", set()),
    "colon_after_state": ("Three further changes to the service are under way: monthly supervision for every social "
                          "worker in each of the locality offices of the county, lower caseloads and a workforce that "
                          "feels valued.", {"morale"}),  # guard: work under way is reported
    "colon_after_done": ("The board recommended two changes, and since then we have done this: a new neglect protocol "
                         "has been put in place.", {"policies_systems"}),  # guard: the modal is not before the colon
    # section 3 (need is anticipated): "need to", "needs to" is a modal verb like "should", whose complement stays in
    # doubt to its clause's end
    "need_to_complement": ("The council needs to show, over the coming year and in each of its six locality teams "
                           "across the county, real ownership of the improvement plan.", set()),
    "needs_to_be_complement": ("There needs to be, across each of the locality teams and in every part of the county "
                               "over the next year, a single improvement plan.", set()),
    "needed_to_then_clause": ("We needed to act quickly, and we have since agreed a new improvement plan with all of "
                              "our partners.", {"partnership", "plans_actions"}),  # guard: a clause of its own
    # section 3 (need, must, should are anticipated): "it is important that", "it's vital to" state a need
    "important_that": ("It is important that partners work closely together on neglect.", set()),
    "vital_that": ("It's vital that we take stock and learn from the inspection.", set()),
    "clear_that": ("It is clear that management oversight has been strengthened.",
                   {"policies_systems"}),  # guard: a report
    "important_to_us": ("Partnership working is important to us and has grown stronger this year.",
                        {"partnership"}),  # guard: a state with its own predicate
    # sections 2 and 6 (a general claim or a definition describes a kind of thing, not a place): a preposition and
    # "any" before the evidence make it whatever thing of its kind
    "with_any": ("With any new practice model, the first months are hard for everyone.", set()),
    "in_any": ("In any restructure of the front door the first weeks are hard.", set()),
    "with_a": ("With a new practice model in place, the first months were hard for everyone.",
               {"policies_systems"}),  # guard: one the place has
    "any_elsewhere": ("Leaders respond to any concerns quickly, and a new neglect protocol is now in place.",
                      {"policies_systems"}),  # guard: "any" before other words
}


@pytest.mark.parametrize("key", list(ROUND_1204))
def test_round_1204_readings(key):
    text, want = ROUND_1204[key]
    assert set(_reported(RuleCoder().code(pd.Series({key: text})))["code"]) == want


def test_round_1204_a_denial_before_a_deficit_stands():
    # Labelling guide, section 8: "limited evidence of" negates its domain; the deficit reading leaves it negated.
    coded = RuleCoder().code(pd.Series({"s": "The audit identified limited evidence of reflective supervision."}))
    assert coded[["code", "negated", "hedged"]].values.tolist() == [["learning", True, False]]
