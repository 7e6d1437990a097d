"""Report truth, round 36: one reason for one fit (a separated impact's model said in the caveats not to have
converged while the models table said separation, seed 35071, 7 councils); and no caveat about a figure the reader
cannot see."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

WAVES = ["expectations", "early", "longer_term"]

#: Each council's status at the three waves (i: in intervention, n: not, -: not interviewed), as at seed 35071.
PATHS = ["nnn", "iii", "iii", "iii", "-ii", "nni", "nnn"]


def _no_one_at_first(seed: int) -> pd.DataFrame:
    """Planted: 7 councils x 5 participants, no participant reporting the impact before the review (separation: the
    first wave's log-odds has no finite estimate), about a third of them at each later wave."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame([{"participant_id": f"{c}-{p}", "council_id": c, "wave": w, "code": "a",
                          "status_group": "intervention" if path[k] == "i" else "no_intervention",
                          "reported": bool(k > 0 and rng.random() < 0.35)}
                         for c, path in enumerate(PATHS) for p in range(5) for k, w in enumerate(WAVES)
                         if path[k] != "-"])


def test_a_separated_fit_is_said_to_have_separated_not_to_have_failed_to_converge():
    """Planted (four draws of :func:`_no_one_at_first`): the fit separates by construction, and statsmodels ends some
    draws with finite estimates of a log-odds in the hundreds and others with no finite estimate at all. The models
    table marks every row ``separation``; the caveat of the same fit said "the fit did not converge" where the fit gave
    NaN. Each draw's caveat now gives the cause, separation (with "no finite estimates" where there are none), and no
    caveat of it says it did not converge; the package's own words are kept for provenance.json."""
    from impact import intervention_effects

    paths = set()
    for seed in range(4):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = intervention_effects(_no_one_at_first(seed), measure="reported", waves=WAVES, n_permutations=19)
        assert out["separation"].all(), out
        said = [str(w.message) for w in caught if "'a'" in str(w.message)]
        assert not any("converge" in s for s in said), said
        [cause] = [s for s in said if "separation" in s]
        none = not np.isfinite(out["estimate"].astype(float)).any()
        assert ("has no finite estimates" in cause) == none, cause
        assert "reported by all or by none of the participants" in cause, cause
        paths.add(none)
        kept = [w.message.sources for w in caught if "separation" in str(w.message)]
        assert kept and all(kept), kept
    assert paths == {True, False}  # both ends of statsmodels' fit were met
