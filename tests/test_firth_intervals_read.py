"""Firth's profile intervals found only for the terms a caller reads (analysis, eleventh pass).

`impact.stats.firth_logistic(..., intervals=...)` finds the profile limits of the terms named (or that a predicate
accepts) and leaves the others' ``ci_low`` and ``ci_high`` NaN; `impact.process.factors_by_impact` reads the `impacts`
term alone. Each term's limits are searched for apart from the others', so the intervals found must be those of the
full fit (:func:`impact.stats.firth_logistic`) to the last bit, and so must every other column of every term: a
shortcut that skipped the wrong term, or whose search depended on the terms before it, would show a NaN or a moved
limit in the factors table without a word."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import impact.stats
from impact.process import factors_by_impact
from impact.stats import firth_logistic

#: Two waves, 14 councils, a tendency to say a factor helped that rises with the impacts reported (seeded).
RNG = np.random.default_rng(20261205)
N = 84


def _design() -> pd.DataFrame:
    impacts = RNG.poisson(2.0, N).astype(float) + RNG.uniform(0, 1, N).round(1)
    later = np.repeat([0, 1], N // 2)
    helped = (RNG.uniform(size=N) < 1 / (1 + np.exp(-(-1.0 + 0.6 * impacts + 0.5 * later)))).astype(int)
    return pd.DataFrame({"helped": helped, "impacts": impacts, "later": later, "council": np.arange(N) % 14})


DESIGN = _design()
FORMULA = "helped ~ impacts + later"


@pytest.mark.parametrize("term", ["Intercept", "impacts", "later"])
@pytest.mark.parametrize("how", ["name", "predicate"])
def test_a_term_s_interval_found_alone_is_the_full_fit_s_to_the_bit(term, how):
    full = firth_logistic(DESIGN, formula=FORMULA, unit="council").params
    chosen = [term] if how == "name" else (lambda t: t == term)
    alone = firth_logistic(DESIGN, formula=FORMULA, unit="council", intervals=chosen).params
    assert list(alone.index) == list(full.index)
    assert alone.loc[term].to_numpy().tobytes() == full.loc[term].to_numpy().tobytes()
    assert np.isfinite(full.loc[term, ["ci_low", "ci_high"]].to_numpy(float)).all()
    others = [t for t in full.index if t != term]
    # the others' estimates and tests are all computed; their limits alone are not sought
    assert alone.loc[others, ["ci_low", "ci_high"]].isna().all().all()
    rest = [c for c in full.columns if c not in ("ci_low", "ci_high")]
    assert alone.loc[others, rest].to_numpy().tobytes() == full.loc[others, rest].to_numpy().tobytes()


def test_a_term_the_formula_lacks_is_refused_by_name():
    with pytest.raises(ValueError, match=r"`intervals` names \['impact'\], which is not a term of 'helped ~ impacts "
                                         r"\+ later'; its terms are \['Intercept', 'impacts', 'later'\]"):
        firth_logistic(DESIGN, formula=FORMULA, intervals=["impact"])
    # one name alone is that term, not its letters
    one = firth_logistic(DESIGN, formula=FORMULA, intervals="impacts").params
    assert one["ci_low"].notna().tolist() == [False, True, False]


def test_factors_by_impact_asks_for_the_interval_of_impacts_alone_and_shows_the_full_fit_s(monkeypatch):
    # the participant panel and the process codings of DESIGN: one participant per row, the impacts as the count of
    # impact codes reported at the wave (one interview after the review at each wave, so the mean is that count
    # only where a participant is seen once: each is)
    waves = np.where(DESIGN["later"] == 1, "late", "early")
    ids = [f"P{i}" for i in range(N)]
    pc = pd.DataFrame({"participant_id": ids, "wave": waves, "code": "follow_up",
                       "valence": np.where(DESIGN["helped"] == 1, "helped", "hindered")})
    codes = [f"c{k}" for k in range(int(DESIGN["impacts"].max()) + 1)]
    count = DESIGN["impacts"].round().astype(int)
    pp = pd.DataFrame([{"participant_id": ids[i], "wave": waves[i], "council_id": f"C{DESIGN['council'][i]}",
                        "code": c, "reported": k < count[i]} for i in range(N) for k, c in enumerate(codes)])
    fits = []

    def spy(data, **kwargs):
        res = real(data, **kwargs)
        fits.append((data.copy(), kwargs, res))
        return res

    real = impact.stats.firth_logistic
    monkeypatch.setattr(impact.stats, "firth_logistic", spy)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = factors_by_impact(pc, pp).set_index("code").loc["follow_up"]
    assert bool(row["tested"]) and len(fits) == 1
    data, kwargs, fitted = fits[0]
    # the other terms' limits were not sought (the work saved), and their rows are not read
    assert len(fitted.params) == 3 and fitted.params.drop("impacts")[["ci_low", "ci_high"]].isna().all().all()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = firth_logistic(data, formula=kwargs["formula"], unit=kwargs["unit"], alpha=kwargs["alpha"])
    impacts = full.params.loc["impacts"]
    assert np.isfinite([impacts["ci_low"], impacts["ci_high"]]).all()
    assert row["estimate"] == impacts["estimate"] and row["p_value"] == impacts["p_value"]
    assert row["ci_low"] == np.exp(impacts["ci_low"]) and row["ci_high"] == np.exp(impacts["ci_high"])
