"""Disclosure in small studies, round 45: the randomisation floor, said without giving back a group's size.

Round 44 made the analysis draw every randomisation test's reassignments at random (an enumerated p, k / N, gave back
N, the multinomial coefficient of suppressed group sizes). The report's floor sentence read ``ri_exact``, now always
False in analysed findings: a 6-council study (60 distinct reassignments of its review dates, 5 indicators) was told
nothing of the floor, and with fewer resamples asked for, "run with more resamples", which would not help (a drawn p
tends to k / 60 as the resamples grow, so Holm's smallest adjusted p to at least 5 / 60).

The analysis now flags each test whose distinct reassignments are so few (``ri_few_distinct``, a flag, not N), and
the report says the floor in words, alpha the only number. Study: report truth round 20's (6 councils, seed 9905,
999 resamples, the indicators only) until truth82, which counts only the councils compared after their review: 3 of
its 6 were, fewer than the 5 a figure is shown for, so the report said nothing of the change after the review and no
floor. Now 8 councils (seed 4582017, the same design otherwise, a seed of this file alone): 5 or 6 compared in each
of the 4 indicators estimated (the fifth has no two councils to compare with), the review cohorts reassigned in 56 or
42 distinct ways (4 tests >= 0.05 x 56).
"""

from __future__ import annotations

import dataclasses
import re
import warnings

import numpy as np
import pytest
import test_disclosure_round43 as r43
import test_disclosure_round44 as r44
from conftest import analysed_synthetic, once_per_worker, report_of, summary_bullets

pytestmark = pytest.mark.xdist_group("disclosure_round45")

ALPHA = 0.05  # the analysis's default


#: The study: 8 councils, few enough review cohorts that their 56 (or 42) distinct reassignments are fewer than the
#: 999 resamples asked for, and at least 5 councils compared after their review in every indicator estimated (truth82).
COUNCILS, SEED = 8, 4582017


@pytest.fixture(scope="module")
def six():
    """``(study, findings, enumerated)``: the study of :data:`COUNCILS` councils analysed (the indicators only, drawn
    reassignments, 999 resamples), and its review tests as the library computes them called directly (every distinct
    reassignment enumerated: ``ri_n`` is their number N, the truth the report must not give back). (Named for round
    20's 6 councils, read until truth82.)"""
    study, _, findings = analysed_synthetic(COUNCILS, SEED, interviews_per_wave=2, words_per_interview=100,
                                            parts=["indicators"], n_resamples=999)

    def enumerate_():
        from impact.indicators import review_indicator_effects

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return review_indicator_effects(study, n_permutations=999, seed=1)

    return study, findings, once_per_worker(("round45", "enumerated", SEED), enumerate_)


def _floor_said(text: str) -> str:
    """The parenthesis of ``text`` holding the floor ('... whatever the resamples)')."""
    found = re.findall(r"\(([^()]*whatever the resamples)\)", text)
    assert found, text
    return found[0]


def test_the_analysis_flags_tests_with_few_distinct_reassignments_and_not_their_number(six):
    """Each test's flag is whether its group's tests (Holm) could reach alpha, recomputed from the enumerated N: the
    number of tests of its group at least alpha times N. Every pooled test of the study is flagged (4 tests, 56 or 42
    reassignments: 4 >= 2.8), and no column of the findings holds N."""
    _, f, e = six
    drawn = f.review_indicator_effects
    tested = e[e["ri_p_value"].notna()]
    assert tested["ri_exact"].all() and not drawn["ri_exact"].any()
    n_tests = tested.groupby("group")["measure"].transform("size")
    expected = n_tests >= ALPHA * tested["ri_n"]  # independent: the enumerated count, Holm's floor n / N
    got = drawn.set_index(["group", "measure"]).loc[list(zip(tested["group"], tested["measure"], strict=True)),
                                                    "ri_few_distinct"]
    assert got.dtype == bool
    np.testing.assert_array_equal(got.to_numpy(), expected.to_numpy())
    assert got.loc["all"].all()  # the planted design: 56 or 42 reassignments, 4 indicators tested
    assert not drawn.loc[drawn["ri_p_value"].isna(), "ri_few_distinct"].any()
    # N is in no randomisation column of its row, and the pooled tests' N (56) nowhere in the findings (a group of 2
    # councils has N = 2, as many as its councils, which the findings count anyway)
    rows = drawn.set_index(["group", "measure"]).loc[got.index]
    ri = rows[[c for c in rows.columns if c.startswith("ri_")]].astype(float)
    assert not ri.eq(tested["ri_n"].to_numpy(dtype=float), axis=0).any().any()
    assert not drawn.select_dtypes("number").eq(tested.loc[tested["group"] == "all", "ri_n"].max()).any().any()


def test_the_sentence_says_the_floor_in_words_and_no_number_giving_back_n(six):
    """The summary's sentence finding no change and the indicators section's say that no adjusted p could fall below
    alpha whatever the resamples, advise no more resamples, and hold no number but alpha in that parenthesis. Round
    44's intruder reads no group size from the report's tables nor from any number of the sentence (N, the old floor
    n / N to 3 decimals, a k / N)."""
    study, f, e = six
    tested = e[(e["group"] == "all") & e["ri_p_value"].notna()]
    n = int(tested["ri_n"].max())
    truth = {p for p in r43._partitions(len(study.councils)) if len(p) > 1 and r43._multinomial(p) == n}
    assert truth  # the sizes of the review cohorts with that multinomial coefficient
    report, extra = report_of(f)  # the whole report first: the summary is then read from it
    [sentence] = [s for s in summary_bullets(f) if "changed significantly after the review" in s]
    section = [b.text for s in report.sections for b in s.blocks
               if "Did the indicators change after the review?" in getattr(b, "text", "")]
    assert section
    for text in (sentence, section[0]):
        said = _floor_said(text)
        assert f"no adjusted p could fall below {ALPHA:g}" in said, said
        assert "--resamples" not in text
        numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", said)]
        assert numbers == [ALPHA], said
        for x in map(float, re.findall(r"\d+(?:\.\d+)?", text)):
            assert x != n and f"{x:.3f}" != f"{len(tested) / n:.3f}", (x, text)
            denominator = r44._denominator([x], 3) if 0 < x < 1 else None
            fits = {p for p in r43._partitions(len(study.councils))
                    if len(p) > 1 and denominator and r43._multinomial(p) == denominator}
            assert not fits & truth, (x, fits)
    assert r44._recover(r44._published(report, extra), len(study.councils)) & truth == set()


def test_more_resamples_are_advised_only_where_they_could_help(six):
    """The same findings with 19 draws per test: unflagged (many distinct reassignments), Holm's smallest adjusted p
    is at least (tests) / 20 (4 / 20 since truth82's study, 5 / 20 before) and more resamples would lower it, so the sentence advises them; flagged, they would not, and it
    says the floor in words; findings of an earlier version (no flag) keep the advice."""
    _, f, _ = six
    few = f.review_indicator_effects.assign(ri_n=19)
    # a p at its floor, 1 / 20: more draws could show it smaller, so the advice matters (render42: it is given only
    # where more draws could make a finding)
    few["ri_p_value"] = few["ri_p_value"].where(few["ri_p_value"].isna() | (few.index != few.index[0]), 1 / 20)

    def sentence(effects):
        [s] = [s for s in summary_bullets(dataclasses.replace(f, review_indicator_effects=effects))
               if "changed significantly after the review" in s]
        return s

    many = sentence(few.assign(ri_few_distinct=False))
    tests = int(few.loc[few["group"] == "all", "ri_p_value"].notna().sum())
    assert tests == 4  # the design: every indicator estimated is shown (5 councils or more compared)
    assert f"with 19 random reassignments no adjusted p could fall below {tests / 20:.3f}" in many, many
    assert "run again with the option --resamples 999" in many, many
    flagged = sentence(few)
    assert "--resamples" not in flagged
    assert _floor_said(flagged) == (f"with so few councils no adjusted p could fall below {ALPHA:g} other than by the "
                                    "chance of the reassignments drawn, whatever the resamples")
    earlier = sentence(few.drop(columns="ri_few_distinct"))
    assert "run again with the option --resamples 999" in earlier, earlier
