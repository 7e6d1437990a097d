"""What the report and the library it reads state, against the data: round 23.

Each check is on a frame built here or on the small machine-coded design of round 22 (seed 9974, 4 councils, half the
interviews checked by hand), with the truth planted or recounted independently.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from conftest import shared_synthetic

# round 22's group: the design :func:`five` is built once per run (conftest.shared_synthetic) and read by both files
pytestmark = pytest.mark.xdist_group("report_truth_round22")


@pytest.fixture(scope="module")
def five(tmp_path_factory):
    """``(study, truth, findings)``: round 22's design (4 councils, machine coded, half the interviews checked by hand
    with the planted coding; the review themes and the review process)."""
    return shared_synthetic(tmp_path_factory, "round22-five-9974", 4, 9974, machine=True, check_one_in=2,
                            interviews_per_wave=2, words_per_interview=150, parts=["framework", "process"])


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


# --------------------------------------------------------------------------- 2. how an interval was made, as a field


def test_each_agreement_result_says_how_its_interval_was_made():
    """The report rewrote the words of ``cohen_kappa``'s ``method`` with a pattern to find a result without an
    interval and not name the coder. Each result now says how its interval was made in a field (a key of
    ``INTERVALS``), and which coder an interval's absence is due to, set where the result is made."""
    from impact.agreement import (
        INTERVALS,
        agreement_table,
        cohen_kappa,
        krippendorff_alpha,
        percent_agreement,
    )

    def long(a, b, coders=("a", "b")):
        return pd.DataFrame({"unit": list(range(len(a))) * 2, "coder": [coders[0]] * len(a) + [coders[1]] * len(b),
                             "value": list(a) + list(b)})

    # Wikipedia's example (kappa 0.4): a normal interval from the Fleiss, Cohen & Everitt standard error
    wiki = long(["y"] * 25 + ["n"] * 25, ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15)
    res = cohen_kappa(wiki)
    assert (res.interval, res.interval_coder) == ("normal", "") and res.ci_low < 0.4 < res.ci_high
    assert percent_agreement(wiki).interval == "t"
    assert krippendorff_alpha(wiki, n_boot=50).interval == "bootstrap"
    assert krippendorff_alpha(wiki, n_boot=0).interval == "none_too_few"
    # one coder (named "J. Smith", as a person's name would be) keeps to one category: no interval, the coder named
    one = cohen_kappa(long([1] * 10, [1, 0, 1, 1, 0, 1, 1, 1, 0, 1], coders=("J. Smith", "machine")))
    assert (one.value, one.interval, one.interval_coder) == (0.0, "none_one_category", "J. Smith")
    assert np.isnan(one.ci_low) and np.isnan(one.ci_high)
    table = agreement_table(wiki.assign(w=1.0), metrics=["cohen_kappa", "percent_agreement"], weight="w")
    assert table["interval"].tolist() == ["none_weighted", "none_weighted"]
    assert set(table.columns) >= {"interval", "interval_coder"}
    assert {"normal", "t", "bootstrap", "none_one_category", "none_perfect", "none_one_pattern", "none_weighted",
            "none_undefined", "none_too_few"} == set(INTERVALS)


def _impact_reliability(f, check, coded=None):
    """The impacts rows of the pipeline's reliability table for the hand check ``check`` (and the coding ``coded``,
    default the findings'), as ``impact.pipeline._book_reliability`` makes them."""
    from impact.coding.evaluate import coder_reliability

    coded = f.coded if coded is None else coded
    return coder_reliability(coded[coded["unit"].isin(set(f.segments["segment_id"]))], check, f.segments,
                             codes=f.codebook.code_ids).assign(codebook=f.codebook.id)


def _section_table(f, name="reliability"):
    """The coding reliability section of ``f`` (built alone) and its table ``name`` as display text."""
    from impact.report import Table
    from impact.report._build import _Ctx, _reliability
    from impact.report._format import display_frame

    section = _reliability(_Ctx(f, False, 5, 5, None))
    [table] = [b for b in section.blocks if isinstance(b, Table) and b.name == name]
    return section, table, display_frame(table.data, table.columns_format, labels=table.labels)


def _held_in(coded, units):
    """The checked units each code is held in (negated codings hold nothing; a missing flag is not negated)."""
    from impact._frames import flagged

    c = coded[~flagged(coded, "negated") & coded["unit"].astype(str).isin(units)]
    return c.groupby("code")["unit"].agg(lambda u: set(map(str, u))).to_dict()


def test_the_report_reads_the_interval_field_not_the_words(five):
    """An impact the hand check holds nowhere has no kappa interval (one coding keeps to one category); the report
    says so in the same words as before, read from the ``interval`` field, names no coder, and its table does not
    carry the fields meant for programs."""
    from impact.coding.evaluate import checked_units

    _, _, f = five
    units = set(checked_units(f.hand_check, f.segments))
    held = _held_in(f.coded, units)
    code = max(held, key=lambda c: (len(held[c]), c))  # the impact the coder holds in most checked segments
    check = f.hand_check[f.hand_check["code"] != code]
    rel = _impact_reliability(f, check)
    row = rel[(rel["code"] == code) & (rel["metric"] == "cohen_kappa")].iloc[0]
    assert (row["interval"], row["interval_coder"]) == ("none_one_category", "person")
    _, table, shown = _section_table(dataclasses.replace(f, hand_check=check, reliability=rel))
    assert not {"interval", "interval_coder"} & set(table.data.columns)
    at = (table.data["impact"] == f.codebook.code(code)["label"]) & (table.data["metric"] == "cohen_kappa")
    assert shown.loc[at.to_numpy(), "method"].tolist() == [
        "no interval: one of the two codings holds it in no segment compared, so kappa is 0 whatever the other coded "
        "and no standard error measures its precision"]
    assert not table.data["method"].str.contains("person|coder ", regex=True).any()


# --------------------------------------------------------------------------- 3. edge cases of agreement in the report


def test_perfect_agreement_has_no_interval_of_no_width(five):
    """Where the two codings agree on every segment checked, kappa is 1 and its large-sample standard error 0: the
    table read '1.00 (1.00 to 1.00)', a kappa measured exactly. No interval is given now, and the method and the note
    say that agreement is perfect and no interval could be estimated. The hand check here is made to hold one impact
    exactly where the machine coding does (recounted from the two codings)."""
    from impact.agreement import cohen_kappa, krippendorff_alpha, percent_agreement
    from impact.coding.evaluate import checked_units

    # the library: two coders agreeing on all of 12 units of two categories
    same = pd.DataFrame({"unit": list(range(12)) * 2, "coder": ["a"] * 12 + ["b"] * 12, "value": [0, 1, 1] * 8})
    for res in (cohen_kappa(same), percent_agreement(same), krippendorff_alpha(same, n_boot=200)):
        assert res.value == 1 and res.interval == "none_perfect", res
        assert np.isnan(res.ci_low) and np.isnan(res.ci_high) and res.se == 0
    # the report
    _, _, f = five
    units = set(checked_units(f.hand_check, f.segments))
    held = _held_in(f.coded, units)
    code = max(held, key=lambda c: (len(held[c]), c))
    mine = f.coded[f.coded["code"].eq(code) & f.coded["unit"].astype(str).isin(held[code])].drop_duplicates("unit")
    mine = mine.assign(coder="person", negated=False)[list(f.hand_check.columns)]
    check = pd.concat([f.hand_check[f.hand_check["code"] != code], mine], ignore_index=True)
    check.attrs = f.hand_check.attrs
    assert set(checked_units(check, f.segments)) == units
    rel = _impact_reliability(f, check)
    k = rel[(rel["code"] == code) & (rel["metric"] == "cohen_kappa")].iloc[0]
    assert k["value"] == pytest.approx(1) and np.isnan(k["ci_low"]) and k["interval"] == "none_perfect"
    _, table, shown = _section_table(dataclasses.replace(f, hand_check=check, reliability=rel))
    label = f.codebook.code(code)["label"]
    at = (table.data["impact"] == label).to_numpy()
    assert "1.00 to 1.00" not in shown.loc[at, "CI"].tolist()
    assert shown.loc[at, "CI"].eq("\u2013").all()
    assert shown.loc[at, "method"].str.contains("agree on every segment compared, so agreement is perfect and no "
                                                "interval could be estimated").all()
    assert (f"the two codings agree on {label.lower()} in every one of the {len(units):,} segments compared "
            f"({len(held[code]):,} holding it): agreement is perfect, and no interval could be estimated") in table.notes


def test_an_interval_narrower_than_two_decimals_is_not_printed_as_none():
    """Cohen's kappa of two coders coding independently (each 'present' half the time) on 400,000 segments, a national
    study's scale, is 0.0006 with an interval of -0.0025 to 0.0037: it was printed '0.00 to 0.00', read as a kappa
    measured exactly. The interval is now printed with the digits that tell its ends apart."""
    from impact.agreement import cohen_kappa
    from impact.report._format import CI, display_frame

    rng = np.random.default_rng(23)
    n = 400_000
    a, b = (rng.random(n) < 0.5).astype(int), (rng.random(n) < 0.5).astype(int)
    res = cohen_kappa(pd.DataFrame({"unit": np.r_[np.arange(n), np.arange(n)], "coder": np.repeat(["a", "b"], n),
                                    "value": np.r_[a, b]}))
    # the large-sample standard error of a kappa of about 0 with both coders at one half: 1 / sqrt(n) (Fleiss, Cohen
    # & Everitt 1969, with p_o = p_e = 1/2)
    assert res.se == pytest.approx(1 / np.sqrt(n), rel=1e-3)
    shown = display_frame(pd.DataFrame([{"cohen_kappa": res.value, "ci_low": res.ci_low, "ci_high": res.ci_high}]),
                          {"CI": CI("ci_low", "ci_high")})
    low, high = (float(x) for x in shown.loc[0, "CI"].split(" to "))
    assert low < high and low == round(res.ci_low, 3) and high == round(res.ci_high, 3), shown.loc[0, "CI"]


def test_an_impact_neither_coding_holds_has_no_kappa_or_alpha_and_the_note_says_why(five):
    """Where neither coding holds an impact in any segment checked (only one category, absent, is used), Cohen's kappa
    and Krippendorff's alpha are undefined: the library gives ``nan`` (not a number such as 0 or 1), the table shows
    them as missing, and the note says why and that the percentage agreement of 1.00 is agreement on absence alone.
    The coder's codings of one impact on the checked segments are taken out, as are the hand check's."""
    from impact.agreement import krippendorff_alpha
    from impact.coding.evaluate import checked_units
    from impact.errors import StatisticalWarning

    absent = pd.DataFrame({"unit": list(range(8)) * 2, "coder": ["a"] * 8 + ["b"] * 8, "value": [0] * 16})
    with pytest.warns(StatisticalWarning, match="there is no variation in the values"):
        alpha = krippendorff_alpha(absent)
    assert np.isnan(alpha.value) and alpha.interval == "none_undefined"
    _, _, f = five
    units = set(checked_units(f.hand_check, f.segments))
    held = _held_in(f.coded, units)
    code = max(held, key=lambda c: (len(held[c]), c))
    coded = f.coded[~(f.coded["code"].eq(code) & f.coded["unit"].astype(str).isin(units))]
    check = f.hand_check[f.hand_check["code"] != code]
    assert code in set(coded["code"])  # held elsewhere, so compared
    rel = _impact_reliability(f, check, coded)
    rows = rel[rel["code"] == code].set_index("metric")
    assert np.isnan(rows.loc["cohen_kappa", "value"]) and np.isnan(rows.loc["krippendorff_alpha", "value"])
    assert rows.loc["percent_agreement", "value"] == 1
    g = dataclasses.replace(f, coded=coded, hand_check=check, reliability=rel)
    _, table, shown = _section_table(g)
    label = f.codebook.code(code)["label"]
    at = (table.data["impact"] == label).to_numpy()
    assert shown.loc[at, "value"].tolist() == ["1.00", "\u2013", "\u2013"]
    assert (f"Neither coding holds {label.lower()} in any of the {len(units):,} segments compared, so there is nothing "
            "but its absence to agree on: Cohen's kappa and Krippendorff's alpha are undefined") in table.notes


def test_the_tables_within_groups_and_waves_say_they_hold_the_impacts_only(five):
    """The hand check also holds review-process codes, whose agreement over all the segments checked has a table of
    its own, but the tables of kappas within status groups and at each wave compare the impacts coding alone: their
    captions did not say so (and the findings' tables within them held the process codes, compared with the impacts
    coding, which cannot hold them). They say it now, naming the codebook left out; with a check of impact codes only,
    not."""
    from impact.process import PROCESS_CODEBOOK
    from impact.report._build import _Ctx, _reliability, _within_only

    _, _, f = five
    assert f.hand_check["code"].isin(__import__("impact.coding", fromlist=["Codebook"]).Codebook.load(
        PROCESS_CODEBOOK).code_ids).any()
    # the findings compare the impacts with the impacts coding alone within groups and waves (the process codes were
    # compared with the impacts coding, which cannot hold them: kappa 0 each); round 24 compares the process codes
    # there too, with the process coding, under a codebook column
    for within in (f.reliability_by_status, f.reliability_by_wave):
        ours = within[within["codebook"] == f.codebook.id]
        assert set(ours["code"]) <= set(f.codebook.code_ids), sorted(set(ours["code"]))
    _, table, _ = _section_table(f, "reliability_by_wave")
    assert table.caption == f"Agreement with the hand check at each wave, {f.codebook.noun[1]} only"
    # the codebook by its title (round 25), as the provenance names it
    assert ("The hand check's codes of the review process, what shaped impact, and lessons for the programme "
            "codebook are compared within each wave with that "
            "codebook's coding in the table after this one.") in table.notes
    # findings that compared the impacts alone (no codebook column) say the others are not compared
    more = f.reliability[f.reliability["codebook"] != f.codebook.id]
    old = dataclasses.replace(f, reliability_by_status=f.reliability_by_status.query("codebook == @f.codebook.id")
                              .drop(columns="codebook"))
    caption, note = _within_only(_Ctx(old, False, 5, 5, None), more, "status group")
    assert caption.endswith("only") and "not compared within each status group" in note
    # a check of the impacts only: nothing left out, nothing said
    ours = f.hand_check[f.hand_check["code"].isin(f.codebook.code_ids)]
    g = dataclasses.replace(f, hand_check=ours, reliability=_impact_reliability(f, ours))
    section = _reliability(_Ctx(g, False, 5, 5, None))
    [plain] = [b for b in section.blocks if getattr(b, "name", "") == "reliability_by_wave"]
    assert plain.caption == "Agreement with the hand check at each wave" and "not compared" not in plain.notes


def test_the_hand_checks_theme_codes_of_a_codebook_not_analysed_are_named_and_left_out(five):
    """The reliability section's caveat for codes of a codebook no part of the run coded (a hand check holding review
    themes, the framework matrix left out) was never exercised. The hand check here holds, besides its impacts and
    review-process codes, the review theme of each planted impact statement (``THEME_OF``) on the checked segments; the
    run's findings without the themes (no matrix) must name exactly those codes, say none of the codings analysed
    can hold them, and leave them out of every table."""
    from conftest import THEME_OF

    from impact.report import Table

    _, _, f = five
    check = f.hand_check
    themes = check[check["code"].isin(THEME_OF)].assign(code=lambda d: d["code"].map(THEME_OF))
    assert themes["code"].nunique() >= 3
    g = dataclasses.replace(f, hand_check=pd.concat([check, themes], ignore_index=True), themes=None)
    g.hand_check.attrs = check.attrs
    section, table, _ = _section_table(g)
    codes = sorted(themes["code"].unique())
    words = {3: "three", 4: "four", 5: "five", 6: "six"}
    said = section.blocks[0].text
    assert (f"The second coding also holds {words[len(codes)]} codes that the") in said, said
    assert f"codebook does not have ({', '.join(codes)}) and that no codebook coded in this run has, so no coding " \
        "analysed can hold them; they are left out." in said, said
    shown = {str(v) for b in section.blocks if isinstance(b, Table) for v in b.data.iloc[:, 0]}
    assert not shown & set(codes)


# --------------------------------------------------------------------------- 4. a generated study, seed 30017


def test_the_kappas_by_status_of_the_one_impact_checked_are_named_beside_the_impacts_read_poorly(five):
    """Seed 30017 (12 councils, machine coded, a third of the interviews checked): the summary said no impact was
    reported significantly more or less often in councils in intervention, 'but the coder's F1 on real text is below
    0.70 for development of ideas, ... and affirmation and enhancement of partnership working (0.68, ...); and the hand
    check ... gives Cohen's kappa between the coder and people of 0.20 in councils in intervention and 0.43 in the
    others': the kappas were those of increased commitment, the one impact read well, and read as those of the impacts
    just named. The impact is now named wherever the sentence names others. Here the kappas within each status group
    are planted for commitment (0.20 and 0.43) beside two impacts read poorly."""
    from impact.report._build import _Ctx, _why_doubtful

    _, _, f = five
    planted = pd.DataFrame({"code": "commitment", "metric": "cohen_kappa", "value": [0.2, 0.43],
                            "status_group": ["intervention", "no_intervention"]})
    ctx = _Ctx(dataclasses.replace(f, reliability_by_status=planted), False, 5, 5, None)
    label = f.codebook.code("commitment")["label"].lower()
    weak = {"learning": 0.54, "morale": 0.62}
    why = _why_doubtful(ctx, weak, ["commitment", "learning", "morale"], "these impacts")
    assert (f"gives Cohen's kappa between the coder and people of 0.20 in councils in intervention and 0.43 in the "
            f"others for {label}, not both at least 0.70") in why, why
    # commitment alone: the sentence is about it, and names no other impact
    alone = _why_doubtful(ctx, {}, ["commitment"], "this impact")
    assert "0.20 in councils in intervention and 0.43 in the others, not both at least 0.70" in alone, alone


def test_the_kappas_at_each_wave_leave_no_impact_out_at_a_wave_silently(five):
    """The table of kappas at each wave gave an impact only at the waves where one of the two codings held it: here
    (seed 9974) one impact had rows at two of the three waves and none at the other, silent on why, beside a rule that
    a change is a finding only where kappa is at least 0.70 at every wave. Every impact of the table now has a row at
    every wave checked; where neither coding holds it in that wave's checked segments (recounted here) its kappa is
    undefined, shown as missing, beside the wave's segments, and the note says what that means."""
    from impact.coding.evaluate import checked_units

    _, _, f = five
    units = set(checked_units(f.hand_check, f.segments))
    seg = f.segments[f.segments["segment_id"].astype(str).isin(units)]
    n_wave = seg.groupby("wave").size()
    from impact.report._build import _Ctx

    held = {}
    for c in (f.coded, f.hand_check):
        for code, ids in _held_in(c, units).items():
            held.setdefault(code, set()).update(ids)
    wave_of = dict(zip(seg["segment_id"].astype(str), seg["wave"], strict=True))
    _, table, shown = _section_table(f, "reliability_by_wave")
    label = {f.codebook.code(c)["label"]: c for c in f.codebook.code_ids}
    ctx = _Ctx(f, False, 5, 5, None)
    wave_named = {ctx.wave(w): w for w in f.study.wave_ids}
    assert len(table.data) == table.data["impact"].nunique() * len(n_wave)
    gaps = 0
    for i, row in table.data.iterrows():
        code, wave = label[row["impact"]], wave_named[row["wave"]]
        in_wave = {u for u in held.get(code, ()) if wave_of.get(u) == wave}
        assert row["n_units"] == n_wave[wave], (code, wave)
        assert np.isnan(row["cohen_kappa"]) == (not in_wave), (code, wave, row["cohen_kappa"])
        if not in_wave:
            gaps += 1
            assert shown.loc[i, "cohen_kappa"] == "\u2013"
    assert gaps >= 1
    assert ("A kappa shown as \u2013 is undefined: neither coding holds the impact in any of the wave's segments "
            "compared.") in table.notes


def test_the_themes_caveat_gives_what_a_hand_check_of_the_theme_codes_found(five):
    """The framework matrix's caveat where the hand check holds review-theme codes (the range of kappa over them,
    from the coding reliability section) had never been exercised: round 22's check holds none. Here the check also
    gives each planted impact statement's review theme (``THEME_OF``), the checked segments are coded with the
    review themes codebook by the package's coder, and the agreement is computed as the pipeline computes it. Each
    theme's kappa is recounted with scikit-learn; the reliability section's table of the themes codebook and the
    caveat's range and count below 0.70 must be those."""
    from conftest import THEME_OF
    from sklearn.metrics import cohen_kappa_score

    from impact.coding import Codebook
    from impact.coding.default import default_coder
    from impact.coding.evaluate import checked_units
    from impact.pipeline import _book_reliability
    from impact.report._build import _Ctx, _framework
    from impact.report._caveats import CHECKED_KAPPA, _against

    _, _, f = five
    book = Codebook.load("review_themes")
    units = set(checked_units(f.hand_check, f.segments))
    coded = default_coder(book).code(f.segments[f.segments["segment_id"].isin(units)])
    check = f.hand_check
    themes = check[check["code"].isin(THEME_OF)].assign(code=lambda d: d["code"].map(THEME_OF))
    check2 = pd.concat([check, themes], ignore_index=True)
    check2.attrs = check.attrs
    rel = _book_reliability(f.coded, check2, f.segments, f.codebook, {"themes": (book, coded)}, 0.95)
    ours, theirs = _held_in(coded, units), _held_in(check2, units)
    ordered = sorted(units)
    expected = {}
    for code in book.code_ids:
        a = [u in ours.get(code, ()) for u in ordered]
        b = [u in theirs.get(code, ()) for u in ordered]
        if any(a) or any(b):
            expected[code] = float(cohen_kappa_score(a, b))
    assert len(expected) >= 3
    k = rel[(rel["codebook"] == "review_themes") & (rel["metric"] == "cohen_kappa")].set_index("code")["value"]
    assert k.dropna().to_dict() == pytest.approx(expected, abs=1e-9)
    g = dataclasses.replace(f, hand_check=check2, reliability=rel)
    _, table, _ = _section_table(g, "reliability_review_themes")
    assert sorted(table.data["cohen_kappa"].dropna()) == pytest.approx(sorted(expected.values()))
    caveat = _framework(_Ctx(g, False, 5, 5, None)).blocks[0].text
    v = pd.Series(expected)
    low = int((v < CHECKED_KAPPA).sum())
    words = {3: "three", 4: "four", 5: "five", 6: "six"}
    assert (f"The hand check of the coding in this study gives Cohen's kappa from {_against(v.min(), CHECKED_KAPPA)} "
            f"to {_against(v.max(), CHECKED_KAPPA)} between the coder and people on the {words[len(v)]} review-theme "
            "codes either coded in the segments checked (") in caveat, caveat
    assert (f"{'all ' + words[len(v)] if low == len(v) else low} below {CHECKED_KAPPA:.2f}" in caveat
            or f"{low} of the {len(v)} below" in caveat), caveat
    assert "holds no review-theme code" not in caveat and "check the statements by hand before publishing" not in caveat
