"""The panels the indicators' difference-in-differences is given, against a plain construction from the study.

``impact.indicators._staggered_by_measure`` builds each indicator's panel with numpy masks and looks every council
up once a call (speed15); a wrong lookup or mask would move councils between cohorts without an error. Here each
panel handed to :func:`impact.stats.staggered_did` is checked, row by row, against one built from the definitions:
the period's place among the indicator's periods, the cohort (the first period ending on or after the council's
date, NaN without one, a comparison council when after the last period), councils treated from the first period
left out, and (for a status group) another council's rows from its own start left out and its cohort removed.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

import impact.stats
from impact.indicators import in_intervention_at_review, review_dates, review_indicator_effects
from impact.synth import generate_with_truth


def _expected(ind: pd.DataFrame, starts: pd.Series, treated: set | None) -> dict[str, pd.DataFrame]:
    """Each indicator's panel from the definitions, one row at a time (rows in the study's order)."""
    out = {}
    ind = ind.dropna(subset=["value"])
    for measure in sorted(ind["measure"].unique()):
        d = ind[ind["measure"] == measure]
        periods = sorted(pd.to_datetime(d["period"]).unique())
        rows = []
        for label, r in d.iterrows():
            period = pd.Timestamp(r["period"])
            time = float(periods.index(period))
            start = starts.get(r["council_id"], pd.NaT)
            after = [i for i, p in enumerate(periods) if pd.notna(start) and p >= start]
            first = float(after[0]) if after else (math.nan if pd.isna(start) else math.inf)
            if treated is not None and r["council_id"] not in treated:
                if not math.isnan(first) and time >= first:
                    continue  # another group's council after its start
                first = math.nan
            if first == 0:
                continue  # treated from the first period: left out
            rows.append((label, r["council_id"], time, math.nan if first == math.inf else first, r["value"]))
        out[measure] = pd.DataFrame(rows, columns=["row", "council_id", "time", "first_treated", "value"])
    return out


@pytest.mark.parametrize("shuffle", [False, True])
def test_each_indicator_panel_is_the_one_its_definition_gives(monkeypatch, shuffle):
    study, _ = generate_with_truth(12, seed=151515, interviews_per_wave=1, words_per_interview=50)
    if shuffle:  # rows in another order, and a council without a review date
        study._tables["indicators"] = study.indicators.sample(frac=1, random_state=3).reset_index(drop=True)
        study._tables["reviews"] = study.reviews.iloc[1:]
    seen = []
    real = impact.stats.staggered_did

    def recorded(data, **kwargs):
        seen.append(data[["council_id", "time", "first_treated", "value"]].assign(row=data.index))
        return real(data, **kwargs)

    monkeypatch.setattr(impact.stats, "staggered_did", recorded)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = review_indicator_effects(study, n_permutations=19, seed=1)
    starts = review_dates(study)
    status = in_intervention_at_review(study)
    expected = []
    for group in ("all", "intervention", "no_intervention"):
        treated = (None if group == "all" else
                   set(status[status == (group == "intervention")].dropna().index))
        panels = _expected(study.indicators, starts, treated)
        mine = table[table["group"] == group]
        # every indicator but those with too few councils goes to the estimator
        fitted = mine.loc[~mine["note"].fillna("").str.startswith("too few"), "measure"].tolist()
        expected += [panels[m] for m in sorted(panels) if m in fitted]
    assert len(seen) == len(expected) > 6
    for got, want in zip(seen, expected, strict=True):
        got = got.reset_index(drop=True)
        assert got["row"].tolist() == want["row"].tolist()
        assert got["council_id"].astype(str).tolist() == want["council_id"].astype(str).tolist()
        for column in ("time", "first_treated", "value"):
            np.testing.assert_array_equal(got[column].to_numpy(dtype="float64"), want[column].to_numpy(dtype="float64"))
