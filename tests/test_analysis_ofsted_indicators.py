"""Smoke-and-values test of analysis/ofsted_indicators.py on the real public files."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "analysis" / "ofsted_indicators.py"


def _load():
    spec = importlib.util.spec_from_file_location("ofsted_indicators", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ILACS_START = pd.Timestamp("2018-01-01")  # the ILACS framework: inspections from 1 January 2018
KNOWN_GRADES = {"outstanding", "good", "requires improvement", "requires improvement to be good", "inadequate"}


def independent_groups(shared_data: Path) -> dict[str, set[str]]:
    """The event study's groups recomputed from the raw Ofsted files with pandas alone (not impact).

    Councils (DfE three-digit numbers through Ofsted's provider lookup) with an overall judgement published
    since 1 January 2018 whose grade the file lacks ('unknown'), and those first judged inadequate since
    then with no such unknown judgement before ('treated'); 'judged' is every council with a known grade
    since then, 'comparison' those of them never inadequate and with no unknown judgement; 'before' is
    (inspections published before then with a grade, all inspections published before then).
    """
    raw = pd.read_csv(shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv", dtype=str, keep_default_na=False)
    lookup = pd.read_csv(shared_data / "ofsted" / "Provider_data_lookup.csv", dtype=str, keep_default_na=False,
                         encoding="utf-8-sig")
    raw["council"] = raw["urn"].map(dict(zip(lookup["urn"], lookup["la_code"], strict=True)))
    raw["published"] = pd.to_datetime(raw["publication_date"], format="%d/%m/%y")
    grade = raw["overall_effectiveness_grade"].str.strip().str.lower()
    since = raw[raw["published"] >= ILACS_START]
    known = since[grade[since.index].isin(KNOWN_GRADES)]
    unknown = since[~grade[since.index].isin(KNOWN_GRADES) & (grade[since.index] != "not_reported_post_reform")]
    first_bad = known[grade[known.index] == "inadequate"].groupby("council")["published"].min()
    first_unknown = unknown.groupby("council")["published"].min()
    treated = {c for c, d in first_bad.items() if not (c in first_unknown and first_unknown[c] < d)}
    comparison = set(known["council"]) - set(first_bad.index) - set(first_unknown.index)
    return {"treated": treated, "comparison": comparison, "unknown": set(first_unknown.index),
            "judged": set(known["council"]), "first_inadequate": first_bad, "n_unknown": len(unknown),
            "before": (int(grade[raw["published"] < ILACS_START].isin(KNOWN_GRADES).sum()),
                       int((raw["published"] < ILACS_START).sum()))}


@pytest.fixture(scope="module")
def outputs(shared_data, tmp_path_factory):
    """The analysis run once on the real files (few permutations: only the point estimates are checked)."""
    out = tmp_path_factory.mktemp("ofsted_indicators")
    return out, _load().main(shared_data, out, n_permutations=49)


@pytest.mark.slow
def test_event_study_groups_follow_the_source(shared_data, outputs):
    """Comparison councils are judged since 2018 and never inadequate; none has a judgement the source gives no grade
    for (SIF reports published in 2018 such as Sandwell's, Surrey's and Torbay's, an unreadable ILACS report), and
    councils absent from the source since 2018 (Northamptonshire, abolished in 2021) are in neither group.  The notes
    print the counts.  The old script put all of these among its 126 'never-inadequate' controls."""
    _, paths = outputs
    expected = independent_groups(shared_data)
    panel = pd.read_csv(paths["panel"], dtype={"council_id": str})
    treated = set(panel.loc[panel["treated"], "council_id"])
    panel_councils = set(panel["council_id"])
    # every council of the old panel.csv was in the event study; the new one says which are
    in_study = panel[panel["event_study"].isin(["treated", "comparison"])] if "event_study" in panel else panel
    comparison = set(in_study["council_id"]) - treated
    # a council first judged inadequate after the panel's last year (31 March) has no year after it: neither group
    last = pd.Timestamp(f"{panel['year'].max()}-03-31")
    assert treated == {c for c in expected["treated"] & panel_councils if expected["first_inadequate"][c] <= last}
    assert comparison == expected["comparison"] & panel_councils
    assert not comparison & expected["unknown"] and "928" not in comparison and "928" in panel_councils
    notes = paths["notes"].read_text(encoding="utf-8")
    assert "never-inadequate" not in notes
    m = re.search(r"Event study: (\d+) councils first judged inadequate since 01 January 2018; (\d+) comparison", notes)
    assert m and (int(m[1]), int(m[2])) == (len(treated), len(comparison)), notes
    left = panel_councils - treated - comparison
    stated = sum(int(n) for n in re.findall(r"Left out of the event study: (\d+) council", notes))
    assert stated == len(left) > 0, notes


@pytest.mark.slow
def test_main_writes_consistent_outputs(shared_data, outputs):
    tmp_path, paths = outputs
    oi = _load()
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
