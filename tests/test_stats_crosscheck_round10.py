"""Independent cross-checks of the statistics, round 10: the report's numbers end to end, and the robust sandwich of a
term resting on one council.

- ``longitudinal_model(..., small_sample=False)``: a term that rests on one council (the only council in a status
  group) has no robust standard error either. The robust sandwich is finite there, but the model fits that council's
  residuals to zero in the term's direction, so the council adds nothing to it: scaling its deviations from its own
  mean by 100 leaves the "standard error" unchanged. Reported as NaN with a ``NotIdentifiedWarning`` and a note, as
  the bias-reduced path (round 9) does.

Seeds 91001 to 91099 are used nowhere else in the repository.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from impact.stats import NotIdentifiedWarning, longitudinal_model

# --------------------------------------------------------------------------------------------------
# 1. the robust sandwich of a term resting on one council
# --------------------------------------------------------------------------------------------------


def _one_council_panel(seed: int, n_councils: int = 6, scale: float = 1.0) -> pd.DataFrame:
    """Councils x waves 0-2, Gaussian with a council effect; council 0 alone has status 1, its deviations from its own
    mean multiplied by ``scale``."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_councils):
        u = rng.normal(0, 0.8)
        for w in range(3):
            rows.append(dict(council=c, wave=w, status=int(c == 0), y=0.4 * w + 0.7 * (c == 0) + u + rng.normal()))
    frame = pd.DataFrame(rows)
    own = frame["council"] == 0
    mean = frame.loc[own, "y"].mean()
    frame.loc[own, "y"] = mean + scale * (frame.loc[own, "y"] - mean)
    return frame


def _robust_fit(frame: pd.DataFrame, structure: str):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = longitudinal_model(frame, formula="y ~ wave + status", unit="council", time="wave",
                                 cov_struct=structure, small_sample=False)
    return res, caught


@pytest.mark.parametrize("structure", ["exchangeable", "independence"])
def test_the_robust_sandwich_of_a_term_resting_on_one_council_is_not_a_standard_error(structure):
    """Independence working correlation: the status estimate is council 0's mean residual after the wave, so its
    sampling variance grows with council 0's own spread. The robust sandwich from statsmodels (what main reported)
    does not move when that spread is multiplied by 100: it carries no information about the term. The library must
    say so (NaN, warning, note) rather than print it; the other terms keep statsmodels' robust errors."""
    import statsmodels.api as sm

    base, wide = _one_council_panel(91001), _one_council_panel(91001, scale=100.0)
    sandwich = []
    for frame in (base, wide):
        cov = {"exchangeable": sm.cov_struct.Exchangeable(), "independence": sm.cov_struct.Independence()}[structure]
        fit = sm.GEE.from_formula("y ~ wave + status", "council", frame, cov_struct=cov).fit(cov_type="robust")
        sandwich.append(fit)
    # the fact the fix rests on, computed with statsmodels directly: 100 times the spread, the same "standard error"
    np.testing.assert_allclose(sandwich[1].bse["status"], sandwich[0].bse["status"], rtol=1e-6)
    for frame, direct in zip((base, wide), sandwich):
        res, caught = _robust_fit(frame, structure)
        status = res.params.loc["status"]
        assert np.isnan(status["se"]) and np.isnan(status["p_value"]) and np.isnan(status["ci_low"])
        np.testing.assert_allclose(status["estimate"], direct.params["status"], rtol=1e-6)
        assert any(issubclass(w.category, NotIdentifiedWarning) and "status" in str(w.message) for w in caught)
        assert any("standard error not identified" in n and "status" in n for n in res.notes)
        # the terms that do not rest on one council keep statsmodels' robust (not bias-reduced) standard errors
        np.testing.assert_allclose(res.params.loc[["Intercept", "wave"], "se"],
                                   direct.bse[["Intercept", "wave"]], rtol=1e-6)
        assert res.cov_type == "robust sandwich"


def test_the_robust_sandwich_is_kept_where_two_councils_share_the_status():
    """The cheap converse: with two councils in the group nothing is flagged and the robust errors are statsmodels'."""
    import statsmodels.api as sm

    frame = _one_council_panel(91002)
    frame.loc[frame["council"] == 1, "status"] = 1
    res, caught = _robust_fit(frame, "exchangeable")
    direct = sm.GEE.from_formula("y ~ wave + status", "council", frame,
                                 cov_struct=sm.cov_struct.Exchangeable()).fit(cov_type="robust")
    assert not any(issubclass(w.category, NotIdentifiedWarning) for w in caught)
    np.testing.assert_allclose(res.params["se"], direct.bse, rtol=1e-6)
