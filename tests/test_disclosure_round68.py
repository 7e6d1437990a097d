"""Disclosure round 68: the indicator trends' councils with a suppressed value are a public count.

* The councils of a status group whose DfE value of an indicator is suppressed (``n_flagged``) are a public count:
  the DfE marks each council's value, Ofsted and the DfE publish the councils under a notice or a direction, and the
  ledger's intruder holds both for the study's councils. Hidden as protected counts, a period's one or two flags split
  over the two groups could not span the threshold whatever else was hidden (the ledger warned '40 hidden counts
  cannot be protected' on bench/disclosure65_attack's 12-council study, seed 65003), and where the groups' counts of
  councils with a value were published, a group's councils (from a period with no flag) less them gave the hidden
  flags back all the same (its 20-council study, seed 65004). Now published, true, and none left unprotected.

Seeds 68101-68103 were not used in bench/ or tests/ before (checked with grep).
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from conftest import analysed_synthetic, once_per_worker

from impact.privacy import DisclosureWarning

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5
#: name -> (councils, seed, design): few councils in intervention; councils entering and leaving it; attrition
STUDIES = {
    "12-councils-few-in-intervention": (12, 68101, dict(interviews_per_wave=3, words_per_interview=120, intervention_paths={
        "never": 0.8, "entered": 0.1, "throughout": 0.1})),
    "20-councils-entering-leaving": (20, 68102, dict(interviews_per_wave=2, words_per_interview=120, intervention_paths={
        "never": 0.6, "entered_lifted": 0.2, "lifted": 0.2})),
    "8-councils-attrition": (8, 68103, dict(interviews_per_wave=3, words_per_interview=120, participant_dropout=0.3,
                                            participant_missing=0.2)),
}


def _prepare(n, seed, opts):
    import impact.report._build as build

    study, _, findings = analysed_synthetic(n, seed, parts=["indicators", "comparisons", "models"], **opts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build._prepared(findings, False, MIN_COUNT, 5, None, False)
    # the ledger's own suppression of the report's declarations, and the hidden counts it leaves narrowed below the
    # threshold (those it warns 'cannot be protected')
    led = ctx.ledger.undecided()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DisclosureWarning)
        unprotected = led._weak(led.protect())
    return study, findings, ctx, unprotected


@pytest.fixture(scope="module", params=list(STUDIES))
def prepared(request):
    n, seed, opts = STUDIES[request.param]
    return once_per_worker(("round68-prepared", request.param), lambda: _prepare(n, seed, opts))


def _flags_by_hand(study) -> pd.Series:
    """The councils with a flagged (suppressed) value per measure, period and group, from the study's files alone: a
    council is in intervention when its status at some wave is a notice or a direction, not when it is unknown at some
    wave and never in intervention (then in neither group)."""
    ws = study.wave_status()
    status = ws.groupby("council_id")["intervention"].agg(
        lambda s: "intervention" if s.isin(["notice", "direction"]).any()
        else ("no_intervention" if s.notna().all() else None)).dropna()
    ind = study.indicators.assign(group=lambda d: d["council_id"].map(status)).dropna(subset=["group"])
    ind = ind.assign(flagged=ind["flag"].notna())
    return ind.groupby(["measure", pd.to_datetime(ind["period"]), "group"])["flagged"].sum()


def test_flagged_councils_published_as_they_are(prepared):
    """Every period's councils with a suppressed value in each group are published, equal to the count by hand."""
    study, findings, ctx, _ = prepared
    truth = _flags_by_hand(study)
    assert truth.sum() > 0  # the design has flags to count
    t = findings.indicator_trends
    wrong = []
    for r in t.itertuples():
        key = ("ind_flagged", r.measure, str(r.period), r.status_group)
        shown = ctx.cell(key)
        want = int(truth.get((r.measure, pd.Timestamp(r.period), r.status_group), 0))
        if shown != want:
            wrong.append((r.measure, str(r.period), r.status_group, shown, want))
    assert not wrong, f"{len(wrong)} of {len(t)} cells not as counted by hand, e.g. {wrong[:3]}"


def test_no_indicator_count_left_unprotected(prepared):
    """The suppression leaves no count of the indicator trends narrowed below the threshold (main: the groups' flags,
    which it warned 'cannot be protected'). Counts of other tables it cannot protect (a trajectory table's participants
    not seen at every wave, which its published rows give) are other rounds' (40, 51)."""
    *_, unprotected = prepared
    ind = [k for k in unprotected if str(k[0]).startswith("ind_")]
    assert not ind, f"{len(ind)} indicator counts narrowed below {MIN_COUNT}, e.g. {ind[:3]}"
