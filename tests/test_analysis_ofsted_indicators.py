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
    paths = oi.main(shared_data, tmp_path, n_permutations=0)
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
