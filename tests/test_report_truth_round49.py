"""What the report's factor test could have found, against the test itself: round 49.

Where no factor is significantly related to the impacts participants reported, the report said only that this "is not
evidence that there is no relation": bench/factor_power.json found the planted link in 0 of 50 studies at 10 to 40
councils. It now states the odds ratio per impact reported that the test had an 80% chance of finding for the factor
it measured most precisely. Checked here against the package's own test (Firth, councils as clusters, Holm), run on
the study's participants with their side redrawn at the stated odds ratio.
"""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from conftest import once_per_worker, report_of

pytestmark = pytest.mark.xdist_group("report_truth_round49")

SENTENCE = re.compile(r"With this study's participants the test had an 80% chance of finding a relation for "
                      r"(?P<name>.+?), the factor whose relation it measured most precisely, only if each further "
                      r"impact a participant reported per interview multiplied the odds of saying it helped by (?P<ratio>[\d.,]+) or more, after the adjustment across the factors "
                      r"tested \(simulated on this study's participants\)\.")


@pytest.fixture(scope="module")
def twenty():
    """``(findings, rows)``: 20 councils of the default design (seed 49020, unused elsewhere), the review process
    analysed with its planted coding, and the rows the factor test read (bench/factor_detectable.py)."""
    from bench.factor_detectable import study_rows

    return once_per_worker(("round49", "twenty", 49020), lambda: study_rows(20, 49020))


def _text(findings) -> str:
    report, _ = report_of(findings)
    section = next(s for s in report.sections if s.title == "What shaped impact")
    return " ".join(b.text for b in section.blocks if type(b).__name__ == "Paragraph")


def _power_of_the_test(rows, code: str, ratio: float, m: int, draws: int, seed: int) -> float:
    """The share of ``draws`` in which :func:`impact.stats.firth_logistic` (the test as the analysis calls it:
    councils as clusters, the wave beside) gives the factor a p-value below 0.05 / m with an odds ratio above 1, its
    rows' sides drawn from a logistic model of odds ratio ``ratio`` per impact reported, the share saying it helped
    as observed."""
    import warnings

    from scipy.optimize import brentq
    from scipy.special import expit

    from impact.stats import firth_logistic

    d = rows[rows["code"] == code].reset_index(drop=True)
    x, b = d["impacts"].to_numpy(float), math.log(ratio)
    a = brentq(lambda a: expit(a + b * x).mean() - d["helped"].mean(), -60, 60)
    rng, hits = np.random.default_rng(seed), 0
    formula = "helped ~ impacts" + (" + C(wave)" if d["wave"].nunique() > 1 else "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(draws):
            y = (rng.random(len(x)) < expit(a + b * x)).astype("int64")
            if y.min() == y.max():
                continue  # the analysis does not test a factor all said the same of
            fit = firth_logistic(d.assign(helped=y), formula=formula, unit="council_id", intervals=[],
                                 tests=["impacts"]).params.loc["impacts"]
            hits += bool(fit["p_value"] < 0.05 / m and fit["estimate"] > 0)
    return hits / draws


def test_the_odds_ratio_the_factor_test_could_find_is_found_80_percent_of_the_time(twenty):
    """No factor is significant at 20 councils (seed 49020); the section states the odds ratio the test finds with 80%
    power for the factor of the smallest standard error. 120 draws of the package's own test at that odds ratio, on
    the study's participants (their impacts reported, waves and councils as they are), reach it about 80% of the time
    (within 3 Monte Carlo standard errors: 0.11), and at two thirds of its log odds ratio well under 80%."""
    f, rows = twenty
    bi = f.process["by_impact"]
    tested = bi[bi["tested"]]
    assert len(tested) > 1 and (tested["p_adjusted"] >= 0.05).all()
    found = SENTENCE.search(_text(f))
    assert found, _text(f)
    best = tested.sort_values(["se", "n"], ascending=[True, False], kind="stable").iloc[0]
    from impact.report._build import _process_labels

    assert found["name"] == _process_labels().get(best["code"], best["code"]).lower()
    ratio = float(found["ratio"].replace(",", ""))
    power = _power_of_the_test(rows, best["code"], ratio, len(tested), 120, seed=1)
    assert abs(power - 0.8) <= 3 * math.sqrt(0.8 * 0.2 / 120), power
    weaker = _power_of_the_test(rows, best["code"], ratio ** (2 / 3), len(tested), 120, seed=2)
    assert weaker < 0.8 - 3 * math.sqrt(0.8 * 0.2 / 120), weaker


def test_the_batched_refit_is_the_firth_test():
    """The figure is found by refitting Firth's model to many draws at once: each draw's penalised likelihood ratio
    statistic and estimate equal :func:`impact.stats.firth_logistic`'s (lr_chi2), separated draws among them."""
    import pandas as pd

    from impact.stats import firth_logistic
    from impact.stats._power import _firth_lr_batch

    rng = np.random.default_rng(49)
    d = pd.DataFrame({"impacts": rng.integers(0, 6, 30) / 2, "wave": ["a", "b"] * 15})
    x = np.column_stack([np.ones(30), (d["wave"] == "b").to_numpy(float), d["impacts"].to_numpy()])
    y = (rng.random((6, 30)) < 0.4).astype(float)
    y[0] = d["impacts"].to_numpy() > 1.2  # separated: the largest impacts all said it helped
    lr, est = _firth_lr_batch(x, y, 2)
    for k in range(len(y)):
        fit = firth_logistic(d.assign(helped=y[k].astype(int)), formula="helped ~ C(wave) + impacts",
                             intervals=[]).params.loc["impacts"]
        assert lr[k] == pytest.approx(fit["lr_chi2"], rel=1e-6, abs=1e-9)
        assert est[k] == pytest.approx(fit["estimate"], rel=1e-6, abs=1e-9)


def _with(f, **columns):
    bi = f.process["by_impact"].copy()
    for name, value in columns.items():
        bi[name] = value
    return dataclasses.replace(f, process={**f.process, "by_impact": bi})


def test_no_power_is_stated_where_a_factor_is_significant_and_none_is_reached_is_said(twenty):
    """The figure is stated only where the test found nothing: with a factor significant the section names it and says
    nothing of power; where no odds ratio up to 1,000 reaches 80% the sentence says so, without a number, and
    findings written before the figure give none."""
    from impact.report._build import _by_impact_power, _process_labels

    f, _ = twenty
    bi = f.process["by_impact"]
    first = bi.index[bi["tested"]][0]
    significant = _with(f, p_adjusted=bi["p_adjusted"].where(bi.index != first, 0.001))
    assert "Participants who reported more impacts" in _text(significant)
    assert "80% chance" not in _text(significant)
    tested = bi[bi["tested"]]
    blind = _by_impact_power(tested.assign(detectable_odds_ratio=tested["detectable_odds_ratio"] * math.inf),
                             _process_labels())
    assert "the test could not have found one with an 80% chance" in blind
    assert not re.search(r"\d", blind.replace("80%", "").replace("1,000", ""))
    assert "no odds ratio up to 1,000 per impact reported per interview would have been found that often" in blind
    assert _by_impact_power(tested.drop(columns=["detectable_odds_ratio"]), _process_labels()) == ""
