"""Hostile inputs, round 39 (helper-inputs39): round 38's open items of the library API: a panel's code that no
coding has and no codebook knows (a typo read as "nobody reported it"), an exact sample-size search that checked
every n up to the enumeration limit (about 50 minutes for a tiny difference), and a permutation count without bound.

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from impact.errors import ImpactWarning, InputError


# --------------------------------------------------------------------------- 1. a panel's unknown code
@pytest.fixture(scope="module")
def _coded_tiny():
    from conftest import make_tiny_study

    from impact import Codebook, RuleCoder, segment

    study = make_tiny_study()
    segments = segment(study)
    book = Codebook.load("nfer_impacts")
    return study, RuleCoder(book).code(segments), segments, book


# Old: codes=["nope"] gave rows of zeros for every council and wave, read as "nobody reported nope", without a word.
@pytest.mark.parametrize("panel", ["council_panel", "participant_panel"])
def test_a_code_unknown_to_the_codebook_is_refused_naming_it(_coded_tiny, panel):
    import impact

    study, coded, segments, book = _coded_tiny
    reported = sorted(coded["code"].unique())[0]
    with pytest.raises(InputError, match=r"`codes` has 1 code not in the codebook 'nfer_impacts' or in any coding: "
                                         r"'nope' - expected codes of \['commitment'"):
        getattr(impact, panel)(study, coded, segments=segments, codes=[reported, "nope"], codebook=book)
    with pytest.raises(InputError, match=r": 'nope', 'learnign' \(did you mean 'learning'\?\) - "):  # a bundled codebook's name serves too
        getattr(impact, panel)(study, coded, segments=segments, codes=["nope", "learnign"], codebook="nfer_impacts")


@pytest.mark.parametrize("panel", ["council_panel", "participant_panel"])
def test_without_a_codebook_a_code_no_coding_has_and_the_studys_codebook_lacks_is_named_in_a_warning(_coded_tiny,
                                                                                                    panel):
    import impact

    study, coded, segments, _ = _coded_tiny
    with pytest.warns(ImpactWarning, match=r"`codes` has 1 code found in no coding and not in the study's codebook, "
                                           r"\['nope'\]: its rows are all zero"):
        out = getattr(impact, panel)(study, coded, segments=segments, codes=["nope"])
    assert set(out["code"]) == {"nope"} and not out["reported"].fillna(False).any()  # still given, as asked


# guard (without `codebook`, which is new): the pipeline's case, the codebook's codes nobody reported, is a legitimate
# zero and is said nothing of.
@pytest.mark.parametrize("with_book", [True, False])
def test_guard_codebook_codes_nobody_reported_are_zero_without_a_warning(_coded_tiny, with_book):
    from impact import council_panel

    study, coded, segments, book = _coded_tiny
    silent = sorted(set(book.code_ids) - set(coded["code"]))
    assert silent, "the tiny study's codings should leave some code of the codebook out"
    with warnings.catch_warnings():
        warnings.simplefilter("error", ImpactWarning)
        out = council_panel(study, coded, segments=segments, codes=book.code_ids,
                            **({"codebook": book} if with_book else {}))
    assert set(out["code"]) == set(book.code_ids)
    assert (out.loc[out["code"].isin(silent) & out["interviewed"], "n_participants_reported"] == 0).all()


# --------------------------------------------------------------------------- 2. exact sample size
def _counting(monkeypatch, most: int) -> list[int]:
    """Record the n_a of every exact power computed; more than ``most`` of them is the old scan (stopped)."""
    from impact.stats import _power

    seen: list[int] = []
    real = _power._exact_power

    def counted(p_a, p_b, n_a, n_b, alpha, midp):
        seen.append(n_a)
        if len(seen) > most:
            raise RuntimeError(f"more than {most} exact powers computed: every n is being checked")
        return real(p_a, p_b, n_a, n_b, alpha, midp)

    monkeypatch.setattr(_power, "_exact_power", counted)
    return seen


# Old: councils_needed(p_a=0.5, p_b=0.51, method="exact") computed the exact power of every n from 1 to 1,000 (the
# enumeration limit), each up to 11 s: about 50 minutes before saying that none reaches the power.
def test_exact_councils_needed_for_a_tiny_difference_is_refused_without_checking_every_n(monkeypatch):
    from impact.stats import councils_needed

    seen = _counting(monkeypatch, 110)
    with pytest.raises(ValueError, match=r"No n_a up to 1,000 reaches power 0.8, and beyond it the exact power is not "
                                         r"computed \(n_a x n_b at most 1,000,000\)"):
        councils_needed(p_a=0.5, p_b=0.51, method="exact")
    assert max(seen) == 1000 and len(seen) <= 101  # every n to 100, then the limit itself


# Old: an answer above 100 councils came from checking each n below it (183 exact powers here). Now the search brackets
# and bisects past 100; the n it gives reaches the power where the one below does not (the first n, from a scan), and
# is checked to stay there for _EXACT_RUN councils after it (statistics round 13: the smallest n from which power
# stays at or above the target).
@pytest.mark.parametrize("method", ["exact", "midp"])
def test_exact_councils_needed_above_the_scan_is_bisected(monkeypatch, method):
    from impact.stats import councils_needed, power_prevalence
    from impact.stats._power import _EXACT_RUN

    seen = _counting(monkeypatch, 100 + 25 + _EXACT_RUN)
    row = councils_needed(p_a=0.4, p_b=0.55, method=method).iloc[0]
    n = int(row["n_a"])
    assert len(seen) <= 100 + 25 + _EXACT_RUN and n > 100
    monkeypatch.undo()
    below = power_prevalence(p_a=0.4, p_b=0.55, n_a=n - 1, method=method).loc[0, "power"]
    at = power_prevalence(p_a=0.4, p_b=0.55, n_a=n, method=method).loc[0, "power"]
    assert below < 0.8 <= at == pytest.approx(row["power"], abs=1e-12)


# --------------------------------------------------------------------------- 3. permutations without bound
# Old: compare_groups(n_resamples=10**12) started drawing (about 85 days for 30 codes at 150 councils).
def test_compare_groups_refuses_more_resamples_than_its_documented_limit(monkeypatch):
    from impact.stats import _groups, compare_groups

    drawn = []

    def stub(scores, labels, *, n_resamples, seed):  # the draws themselves are not what is tested
        drawn.append(n_resamples)
        if n_resamples > 1_000_000:
            raise RuntimeError(f"{n_resamples:,} permutations drawn")
        return [0.5] * len(scores)

    monkeypatch.setattr(_groups, "_permutation_pvalues", stub)
    data = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4, "y": [0.1, 0.4, 0.2, 0.9, 0.5, 0.7, 0.3, 0.8]})
    for n in (10**12, 1_000_001):
        with pytest.raises(ValueError, match=rf"`n_resamples` must be at most 1,000,000 \(permutations per test\), "
                                             rf"but {n:,} was passed"):
            compare_groups(data, outcome="y", group="g", n_resamples=n)
    assert drawn == []
    compare_groups(data, outcome="y", group="g", n_resamples=1_000_000)  # the limit itself is allowed
    assert drawn == [1_000_000]
