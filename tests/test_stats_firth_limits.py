"""Profile limits of Firth's fit where a wave separates the outcome and councils inflate the critical value.

Two small designs of `impact.process.factors_by_impact` (whether saying a factor helped goes with the impacts a
participant reported, with the wave; every participant at the later wave said it helped): with councils as clusters
the critical value, times the design effect, lies far out on a profile, where the old search failed. On the first,
the information matrix became singular on the way (numpy's LinAlgError); on the second, scipy's brentq found the
ends of its bracket of one sign when it maximised them again from another start (ValueError). Both left the factor
untested. Each limit now found is where the profile penalised likelihood, maximised from the estimate, has fallen
by the critical value times the term's design effect; each interval holds the one found without clusters.

Not checked here: far out on these profiles the penalised likelihood has a second mode towards separation, which an
optimiser started elsewhere finds (higher, by 1.1 in the second design's impacts term at its upper limit); the
limits follow the estimate's mode, as logistf's profile does."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impact.stats._firth import _FirthFit, firth_logistic

DESIGNS = {
    "singular on the way": dict(
        helped=[0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1],
        impacts=[3.0, 1.0, 5.0, 1.5, 2.0, 2.0, 4.0, 2.0, 3.5, 2.0, 1.5, 4.0, 4.0, 3.5, 1.0],
        later=[0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1],
        council=[4, 5, 4, 3, 3, 5, 6, 0, 4, 6, 1, 0, 3, 4, 0]),
    "bracket changed sign": dict(
        helped=[1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        impacts=[2.5, 1.0, 5.5, 2.0, 11.0, 5.0, 1.0, 0.5, 0.5, 0.5, 3.0, 2.5, 2.5, 4.0, 1.5, 3.0],
        later=[0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        council=[4, 2, 7, 0, 6, 2, 4, 4, 4, 0, 0, 4, 3, 3, 2, 4]),
}


@pytest.mark.parametrize("name", DESIGNS)
def test_limits_far_out_on_a_profile_are_found_where_the_profile_has_fallen_by_the_critical_value(name):
    d = pd.DataFrame(DESIGNS[name])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p = firth_logistic(d, formula="helped ~ impacts + later", unit="council").params  # raised before
        plain = firth_logistic(d, formula="helped ~ impacts + later").params  # no clusters: found before too
    fit = _FirthFit(d["helped"].to_numpy(float), np.column_stack([np.ones(len(d)), d["impacts"], d["later"]]),
                    np.ones(len(d)))
    beta, loglik, _ = fit.maximise()
    critical = stats.f.ppf(0.95, 1, p["df"].iloc[0])
    # the estimates do not depend on the clusters; each interval holds its estimate and is no narrower than without
    assert np.allclose(p["estimate"], plain["estimate"]) and np.allclose(p["estimate"], beta)
    finite = 0
    for j, term in enumerate(p.index):
        low, high = p.loc[term, "ci_low"], p.loc[term, "ci_high"]
        assert low <= plain.loc[term, "ci_low"] < p.loc[term, "estimate"] < plain.loc[term, "ci_high"] <= high
        for limit in (low, high):
            if np.isfinite(limit):  # there the profile, maximised from the estimate, has fallen by the critical value
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    try:
                        _, at, _ = fit.maximise(fixed={j: limit}, start=beta)
                    except np.linalg.LinAlgError:
                        continue  # reached from the estimate in one jump, the information is singular on the way
                finite += 1
                assert 2 * (loglik - at) == pytest.approx(critical * p.loc[term, "design_effect"], abs=1e-4), (term, limit)
    assert finite >= 4
