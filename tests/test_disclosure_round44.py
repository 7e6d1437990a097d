"""Disclosure in small studies, round 44: the intruder reads the randomisation p-values.

Round 43 stopped the report stating how many reassignments of the councils' status paths (or entry dates) an exact
randomisation test enumerated, their number N being the multinomial coefficient of the sizes of the groups
reassigned. The p-values still gave N back: an enumerated test's p is k / N, and a family of them (the models'
intervention contrasts, the indicators' tests) has the least common denominator N. An 8-council study with 3 councils
in intervention throughout published 29/56, 27/56, 1/8, 1/4 and 13/14 in models.csv: 56 = C(8, 3), and of the ways
to split 8 councils with multinomial coefficient 56 ((5, 3) and (6, 1, 1)) only (5, 3) leaves a contrast with 3
councils on each side at some wave, as a published one must have - the 3 councils the status table suppresses.

The analysis now draws every randomisation test's reassignments at random (with replacement) even where there are
fewer distinct ones: its p is (1 + #exceed) / (1 + B) for the B reassignments asked for, whatever N is (a valid p,
Phipson and Smyth 2010). It is still published (a withheld p would lose the finding).

The intruder takes every column of p-values of every published table (tables/*.csv and models.csv, at full precision;
and as printed, to 3 decimals), all of a column's values and those of the rows sharing a value of another column
(the status contrasts, the randomisation rows), finds the smallest N making all of them k / N, and solves for the
group sizes with that multinomial coefficient among the councils the table says were fitted, keeping a solution that
is the only one. Planted truth from the study: the sizes of the groups of councils following each status path, and
the councils entering intervention and never in it of each indicator test. Studies: the reproducer of the brief
(8 councils, seed 43307) and studies of 7 and 9 councils with 3 or 4 in intervention throughout (seeds 44703, 44903),
their models analysed with 199 reassignments (more than the 35, 56 and 126 distinct ones, which main enumerated), and
the 9-council study's comparisons and indicators too (main enumerated its 168 reassignments of entry dates; the
tables withhold those tests, a side having fewer than min_count councils).
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from io import BytesIO
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
import test_disclosure_intruder as intruder
import test_disclosure_round39 as r39
import test_disclosure_round43 as r43
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5  # the report's default --min-count
MOST = 20_000  # the largest number of reassignments the intruder tries
FEWEST_SIDE = 3  # a published status contrast has at least this many councils on each side at some wave (docs)
RESAMPLES = 199  # the brief's reproducer


#: The studies: the brief's reproducer (8 councils, 3 in intervention throughout), and the first seeds from 44700 (7
#: councils) and 44900 (9) whose councils in intervention throughout number 3 or 4 (checked from each study).
STUDIES = {"reproducer": (8, 43307), "seven": (7, 44703), "nine": (9, 44903)}
#: The analyses each study runs: the reproducer's (the models), and with them the comparisons of councils by status
#: and the indicators' tests (entry into intervention, the review) where the study is larger.
PARTS = {"reproducer": ["models"], "seven": ["models"], "nine": ["models", "comparisons", "indicators"]}


def _analysed(n: int, seed: int, parts: list[str]):
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=2, words_per_interview=60,
                                       council_missing=0, participant_missing=0,
                                       intervention_paths={"never": 0.6, "throughout": 0.4})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=RESAMPLES, parts=parts)
    return (study, findings, *r39._report(findings))


def _bundles():
    """``(study, findings, report, extra)`` of each study, built once per worker."""
    return {name: once_per_worker(("round44", name), lambda n=n, seed=seed, name=name: _analysed(n, seed, PARTS[name]))
            for name, (n, seed) in STUDIES.items()}


def _published(report, extra) -> dict[str, pd.DataFrame]:
    """Every table the bundle publishes as the intruder downloads it (strings), the CSVs and models.csv."""
    out = intruder._downloaded(report)
    for name, v in extra.items():
        if name.startswith("tables/") and name.endswith(".csv"):
            out[name] = pd.read_csv(BytesIO(v if isinstance(v, bytes) else v.encode()), dtype=str,
                                    keep_default_na=False, encoding="utf-8-sig")
    return out


def _families(table: pd.DataFrame):
    """``(column, rows)`` of every family of p-values in a table: each p column's values, all of them and those of the
    rows sharing a value of another column with few values (the status contrasts; the randomisation tests)."""
    p_cols = [c for c in table.columns if "p_value" in c or "p_adjusted" in c]
    groupers = [c for c in table.columns if c not in p_cols and 1 < table[c].nunique() <= 12]
    for col in p_cols:
        yield col, table
        for by in groupers:
            for _, rows in table.groupby(by):
                yield col, rows


def _values(rows: pd.DataFrame, col: str) -> list[float]:
    v = pd.to_numeric(rows[col], errors="coerce").dropna()
    return [float(x) for x in v if 0 < x < 1]


def _denominator(values: list[float], digits: int | None = None) -> int | None:
    """The smallest N up to MOST making every value k / N: exactly (to float precision), or within the rounding of
    ``digits`` decimals."""
    if not values:
        return None
    if digits is None:
        n = 1
        for v in values:
            f = Fraction(v).limit_denominator(MOST)
            if abs(float(f) - v) > 1e-12:
                return None
            n = math.lcm(n, f.denominator)
        return n if n <= MOST else None
    half = 0.5 * 10.0**-digits + 1e-12
    printed = np.round(values, digits)
    for n in range(2, MOST + 1):
        if (np.abs(printed - np.round(printed * n) / n) <= half).all():
            return n
    return None


def _admissible(parts: tuple[int, ...], contrast: bool) -> bool:
    """A split the publication rules allow: a published status contrast has at least FEWEST_SIDE councils on each
    side at some wave, so some groups of councils (paths) in intervention there number s with both s and n - s at
    least that."""
    if not contrast:
        return True
    n = sum(parts)
    sums = {sum(c) for k in range(1, len(parts)) for c in combinations(parts, k)}
    return any(min(s, n - s) >= FEWEST_SIDE for s in sums)


def _stated_randomisation(rows: pd.DataFrame, col: str) -> bool:
    """Whether the table states that the p-values of ``col`` in ``rows`` are randomisation (or permutation) ones: the
    indicators' randomisation columns (``ri_p_value``, ``ri_p_adjusted``), or rows whose ``p_method`` is
    randomisation or whose ``test`` is a permutation test, every one of them."""
    if col.startswith("ri_"):
        return True
    return any(c in rows.columns and len(rows) and rows[c].eq(v).all()
               for c, v in (("p_method", "randomisation"), ("test", "permutation")))


def _recover(tables: dict[str, pd.DataFrame], n_councils: int) -> set[tuple[int, ...]]:
    """The group sizes the intruder solves for from the published p-values, each the only split of its family.

    A family of one value is read only where the table states it is a randomisation p (:func:`_stated_randomisation`):
    any p printed to 3 decimals is within rounding of some k / N with a small N (N is below 42 for half of the values
    0.001 to 0.999; 0.267 of 4 / 15, 15 = C(6, 2)), so one model's Wald p (an intercept's 0.267) was taken for a
    randomisation p and its denominator solved for a split (disclosure round 47). Two distinct values of one family,
    or a stated randomisation p, are needed before a split is called."""
    found = set()
    for table in tables.values():
        for col, rows in _families(table):
            values = _values(rows, col)
            if len(set(values)) < 2 and not _stated_randomisation(rows, col):
                continue
            contrast = "term" in rows.columns and rows["term"].eq("in_intervention").all() or \
                "contrast" in rows.columns and rows["contrast"].eq("in_intervention").all()
            fitted = {int(x) for x in pd.to_numeric(rows.get("n_units", pd.Series(dtype=str)), errors="coerce")
                      .dropna()} or set(range(2, n_councils + 1))
            for digits in (None, 3):
                n = _denominator(values, digits)
                if n is None or n < 2:
                    continue
                fits = {p for size in fitted for p in r43._partitions(size)
                        if len(p) > 1 and r43._multinomial(p) == n and _admissible(p, contrast)}
                if len(fits) == 1:
                    found |= fits
    return found


def _truth(study, findings) -> set[tuple[int, ...]]:
    """The sizes of the groups of councils the randomisation tests reassigned, with a group below min_count: the
    councils following each status path (round 43's reading of the study), and the councils entering intervention
    and never in it of each indicator test with a randomisation p."""
    split = r43._split_truth(study, findings).get(("split", "paths"), set())
    e = findings.indicator_effects
    if e is not None and len(e) and "ri_p_value" in e.columns:
        rows = e[e["ri_p_value"].notna()]
        split |= {tuple(sorted((int(a), int(b)), reverse=True))
                  for a, b in zip(rows["n_treated"], rows["n_control"], strict=True)}
    return {p for p in split if min(p) < MIN_COUNT}


def test_no_group_size_is_recovered_from_the_p_values():
    """In each study (one with a status group below min_count reassigned), the intruder finds no group size of a
    randomisation test from the published p-values. On main it recovered (5, 3) from the reproducer's models.csv
    (29/56, 27/56, 1/8, 1/4, 13/14), and the splits of the 7- and 9-council studies from theirs."""
    for name, (study, findings, report, extra) in _bundles().items():
        truth = _truth(study, findings)
        ws = study.wave_status()
        throughout = ws.assign(i=ws["intervention"].isin(r43.IN)).groupby("council_id")["i"].all().sum()
        assert FEWEST_SIDE <= throughout < MIN_COUNT and truth, name  # the planted condition: a small group reassigned
        recovered = _recover(_published(report, extra), len(study.councils))
        assert recovered & truth == set(), (name, recovered & truth)


def test_the_p_values_stay_published_and_their_steps_are_the_resamples():
    """The reproducer's intervention contrasts with a randomisation p are still published in models.csv (not
    withheld), each p is (1 + b) / (1 + B) for the B = 199 reassignments asked for, and the models' note says they
    were drawn at random, not 'every possible reassignment'."""
    # since round 53 a model whose margins no suppression protects is withheld whole: at the default min_count every model
    # of the reproducer is (its 3 councils' counts are hidden), and at min_count 2 one is (one randomisation p); at
    # min_count 1, the smallest showing the family of its status contrasts, they are read
    _, findings, report, extra = _bundles()["reproducer"]
    assert "tables/models.csv" not in extra
    report, extra = r39._report(findings, min_count=1)
    models = _published(report, extra)["tables/models.csv"]
    notes = [t.notes or "" for t in report.tables]
    ri = models[models["p_method"].eq("randomisation")]
    assert len(ri) >= 3
    p = pd.to_numeric(ri["p_value"], errors="coerce")
    assert p.notna().all()
    steps = p * (RESAMPLES + 1)
    np.testing.assert_allclose(steps, steps.round(), atol=1e-9)
    notes = " ".join(notes)
    assert f"{RESAMPLES} reassignments drawn at random" in notes
    assert "every possible reassignment" not in notes


@pytest.mark.parametrize("kind", ["status_paths", "groups", "entry_dates"])
def test_drawn_reassignments_agree_with_the_exact_p(kind):
    """Within ``drawn_only`` each kind of randomisation test draws B reassignments where it would enumerate N < B:
    its p is (1 + b) / (1 + B), within 4 binomial standard errors of the exact k / N computed outside it (N the
    multinomial coefficient of the group sizes: 8 councils, 3 in intervention throughout, C(8, 3) = 56; 2 of 7 in a
    group, 21; entry dates of 6 councils, one at each of two dates and 4 never, 6! / 4! = 30)."""
    from impact.stats._ri import assignments, drawn_only, ri_pvalue

    rng = np.random.default_rng(44)
    draws = 999
    if kind == "status_paths":
        from impact.stats._status_ri import status_ri

        rows = [(c, w, int(c < 3 and w > 0), int(rng.random() < (0.7 if c < 3 and w > 0 else 0.35)))
                for c in range(8) for w in range(3) for _ in range(4)]
        d = pd.DataFrame(rows, columns=["council_id", "wave", "in_intervention", "y"])

        def p_of():
            return status_ri(d, n_permutations=draws, seed=1)["p_value"]
    elif kind == "groups":
        from impact.stats._permutation import _permutation_pvalues

        score, labels = rng.normal(size=7) + np.r_[1.5, 1.5, 0, 0, 0, 0, 0], np.r_[1, 1, 0, 0, 0, 0, 0]

        def p_of():
            return _permutation_pvalues([score], [labels], n_resamples=draws, seed=1)[0]
    else:
        onset, y = np.r_[2.0, 3.0, np.inf, np.inf, np.inf, np.inf], rng.normal(size=6) + np.r_[1, 1, 0, 0, 0, 0]

        def p_of():
            perms, exact = assignments(onset, draws, np.random.default_rng(1))
            stat = np.array([y[np.isfinite(a)].mean() - y[~np.isfinite(a)].mean() for a in perms])
            return ri_pvalue(y[:2].mean() - y[2:].mean(), stat, exact)[0]
    exact = p_of()
    with drawn_only():
        drawn = p_of()
    n = {"status_paths": math.comb(8, 3), "groups": math.comb(7, 2), "entry_dates": 30}[kind]
    assert abs(exact * n - round(exact * n)) < 1e-9  # enumerated: k / N
    assert abs(drawn * (draws + 1) - round(drawn * (draws + 1))) < 1e-9  # drawn: (1 + b) / (1 + B)
    assert abs(drawn - exact) < 4 * math.sqrt(exact * (1 - exact) / draws) + 1 / draws
