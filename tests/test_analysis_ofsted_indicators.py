"""Smoke-and-values test of analysis/ofsted_indicators.py on the real public files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "analysis" / "ofsted_indicators.py"


def _load():
    spec = importlib.util.spec_from_file_location("ofsted_indicators", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_main_writes_consistent_outputs(shared_data, tmp_path):
    oi = _load()
    paths = oi.main(shared_data, tmp_path, n_permutations=49)
    for path in paths.values():
        assert path.exists() and path.stat().st_size > 0
    panel = pd.read_csv(paths["panel"], dtype={"council_id": str})
    table = pd.read_csv(paths["by_judgement"])
    # every council-year with an outcome is counted once, under its judgement or "unknown"
    for outcome in oi.OUTCOMES:
        assert table.loc[table.outcome == outcome, "n"].sum() == panel[outcome].notna().sum()
    # the group mean recomputed from the panel
    inad = panel[(panel.ofsted_judgement == "inadequate")]["referral_rate"].mean()
    got = table.query("outcome == 'referral_rate' and judgement == 'inadequate'")["mean"].item()
    assert got == pytest.approx(inad, rel=1e-12)
    means = pd.read_csv(paths["event_means"])
    treated0 = panel[(panel.treated) & (panel.event_time == 0)]["cin_rate"].mean()
    assert means.query("outcome == 'cin_rate' and event_time == 0")["mean"].item() == pytest.approx(treated0)
    raw = pd.read_csv(shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv", dtype=str, keep_default_na=False)
    written = "".join(p.read_text(encoding="utf-8") for p in paths.values() if p.suffix in (".csv", ".txt"))
    assert not any(name in written for name in raw["inspector_name"].unique() if name)
    # staggered difference-in-differences: the overall effect is the cohort-size-weighted mean of the
    # post-judgement ATT(g, t) cells, recomputed here from the written cells and the panel's cohorts
    did = pd.read_csv(tmp_path / "did.csv").set_index("outcome")
    for outcome in oi.OUTCOMES:
        cells = pd.read_csv(tmp_path / f"did_{outcome}_att_gt.csv")
        first = oi.staggered_panel(panel.dropna(subset=[outcome])).groupby("council_id")["first_year"].first()
        post = cells[cells["post"] & cells["estimate"].notna()]
        weights = post["group"].map(first.value_counts()).astype(float)
        expected = (post["estimate"] * weights).sum() / weights.sum()
        assert did.loc[outcome, "estimate"] == pytest.approx(expected, rel=1e-9)
        assert 0 < did.loc[outcome, "ri_p_value"] <= 1 and did.loc[outcome, "n_permutations"] == 49
        study = pd.read_csv(tmp_path / f"did_{outcome}_event_study.csv")
        assert study["event_time"].between(*oi.WINDOW).all()
        assert (study["cband_low"] <= study["ci_low"]).all()


def test_by_judgement_counts_every_council_year():
    """A judgement outside the four ILACS grades (``adequate``, used until November 2013, where a source gives it) gets
    its own row: the old table left such council-years out of every row, though it said all were counted."""
    oi = _load()
    panel = pd.DataFrame({"council_id": ["1", "1", "2", "2"], "year": [2013, 2019, 2013, 2019],
                          "ofsted_judgement": ["adequate", "good", None, "inadequate"],
                          **{o: [1.0, 2.0, 3.0, 4.0] for o in oi.OUTCOMES}})
    table = oi.by_judgement(panel)
    for outcome in oi.OUTCOMES:
        rows = table[table["outcome"] == outcome].set_index("judgement")
        assert rows["n"].sum() == 4 and rows.loc["adequate", "n"] == 1 and rows.loc["unknown", "n"] == 1


def test_staggered_did_describes_its_method_only_where_it_fitted(tmp_path):
    """With no council ever judged inadequate nothing is fitted, and the notes say so without describing a method
    that was not used."""
    oi = _load()
    rows = [{"council_id": f"c{i}", "year": y, "event_time": pd.NA, "treated": False,
             **{o: float(i + y % 7) for o in oi.OUTCOMES}} for i in range(6) for y in range(2015, 2021)]
    overall, studies, notes = oi.fit_staggered(pd.DataFrame(rows), tmp_path, n_permutations=0)
    assert overall.empty and studies == {}
    assert len(notes) == len(oi.OUTCOMES) and all("not fitted" in n for n in notes), notes
