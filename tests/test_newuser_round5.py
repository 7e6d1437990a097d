"""What a programme officer and a researcher met on their first day with impact (newuser5): a panel's wave order
lost in a pandas merge (the waves then taken alphabetically, so change was measured from the wrong wave to the
wrong wave), and the warning saying so not naming the study's own wave order."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import impact


def _study(waves: list[str]) -> impact.Study:
    """A study of nothing but its waves, in order (the waves' windows do not matter here)."""
    return impact.Study({"name": "waves only", "waves": [
        {"id": w, "anchor": "review_end", "window_days": [100 * i, 100 * i + 50]} for i, w in enumerate(waves)]}, {})


def _planted(waves: list[str], n: int = 8) -> pd.DataFrame:
    """Councils none of which reported the impact at the first wave, half at the second, all at the last: the change
    from first to last is +1 (Cochran's Q = 12 on 2 df for 8 councils, worked by hand: 4 units change once, 4 twice)."""
    rows = [{"council_id": f"{300 + u}", "wave": w, "y": y}
            for u in range(n) for w, y in zip(waves, [0, int(u < n // 2), 1], strict=True)]
    return pd.DataFrame(rows)


def _no_statistical_warning(call):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        out = call()
    assert not [str(w.message) for w in seen if issubclass(w.category, impact.StatisticalWarning)]
    return out


# --------------------------------------------------------------------------- 1. wave order after a merge
def test_a_merged_panel_keeps_the_studys_wave_order():
    # the researcher's study has waves whose names sort otherwise ('baseline' < 'endline' < 'midline'); a panel of it
    # merged with their own council data lost attrs["order"], and the change was measured baseline -> midline
    waves = ["baseline_m", "midline_m", "endline_m"]
    _study(waves)
    panel = _planted(waves)
    panel.attrs["order"] = {"wave": waves}
    theirs = pd.DataFrame({"council_id": panel["council_id"].unique(), "deprivation": range(8)})
    merged = panel.merge(theirs, on="council_id")
    assert "order" not in merged.attrs  # pandas drops it: the order must come from the study
    res = _no_statistical_warning(lambda: impact.change_over_time(merged, outcome="y", time="wave", unit="council_id"))
    row = res.iloc[0]
    assert (row["time_first"], row["time_last"]) == ("baseline_m", "endline_m")
    assert (row["value_first"], row["value_last"], row["effect"]) == (0.0, 1.0, 1.0)
    assert row["statistic"] == pytest.approx(12.0)


def test_impacts_default_waves_are_in_order_without_a_study():
    # a table read back from a CSV in a new session: 'early' came before 'expectations' alphabetically
    table = _planted(["expectations", "early", "longer_term"])
    res = _no_statistical_warning(lambda: impact.change_over_time(table, outcome="y", time="wave", unit="council_id"))
    assert (res.iloc[0]["time_first"], res.iloc[0]["time_last"]) == ("expectations", "longer_term")
    assert res.iloc[0]["effect"] == 1.0


def test_waves_two_studies_order_differently_are_told_with_what_to_pass():
    # which study the table is of cannot be known: taken alphabetically, and the warning names `times=study.wave_ids`
    _study(["pre_c", "post_c", "late_c"])
    _study(["pre_c", "late_c", "post_c"])
    table = _planted(["pre_c", "post_c", "late_c"])
    with pytest.warns(impact.StatisticalWarning, match=r"alphabetical order.*times=study\.wave_ids"):
        impact.change_over_time(table, outcome="y", time="wave", unit="council_id")
    res = impact.change_over_time(table, outcome="y", time="wave", unit="council_id", times=["pre_c", "post_c",
                                                                                               "late_c"])
    assert res.iloc[0]["effect"] == 1.0


# --------------------------------------------------------------------------- 2. a review named by its council's name
def test_a_review_naming_its_council_is_told_once_not_again_on_every_interview(ten_council_study, tmp_path):
    # the programme officer typed council names in reviews.csv: each row was told "write its council_id", and then
    # each council's interviews were told, wrongly, that the council had no review (20 errors for 10 mistakes)
    import shutil

    folder = tmp_path / "study"
    shutil.copytree(ten_council_study, folder)
    councils = pd.read_csv(folder / "councils.csv", dtype=str)
    reviews = pd.read_csv(folder / "reviews.csv", dtype=str, keep_default_na=False)
    named = dict(zip(councils["council_id"], councils["name"], strict=True))
    reviews["council_id"] = reviews["council_id"].map(named)
    reviews.to_csv(folder / "reviews.csv", index=False)
    with pytest.raises(impact.ValidationError) as caught:
        impact.load_study(folder)
    errors = caught.value.errors
    assert sorted((p.file, p.row) for p in errors) == [("reviews.csv", r) for r in range(2, 2 + len(reviews))]
    for p in errors:
        cid = next(c for c, n in named.items() if n == p.found)
        assert f"it is the name of council {cid}" in p.expected and "write its council_id" in p.expected


def test_a_council_its_interviews_name_by_name_is_not_said_to_have_none(ten_council_study, tmp_path):
    # interviews.csv and participants.csv naming councils by name: besides "write its council_id" on their rows, each
    # council was warned that it had no interviews at all, "so no finding from interviews includes it"
    import shutil

    folder = tmp_path / "study"
    shutil.copytree(ten_council_study, folder)
    councils = pd.read_csv(folder / "councils.csv", dtype=str)
    named = dict(zip(councils["council_id"], councils["name"], strict=True))
    for table in ("interviews", "participants"):
        rows = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
        rows["council_id"] = rows["council_id"].map(named)
        rows.to_csv(folder / f"{table}.csv", index=False)
    with pytest.raises(impact.ValidationError) as caught:
        impact.load_study(folder)
    told = caught.value
    assert {p.file for p in told.errors} == {"interviews.csv", "participants.csv"}
    assert {p.found for p in told.errors} == set(named.values())
    assert not [p for p in told.warnings if p.file == "councils.csv"], [str(p) for p in told.warnings]


# --------------------------------------------------------------------------- 3. some of a study's councils
def test_a_study_of_some_of_its_councils(ten_council_study):
    # the researcher wanted four councils' study: notebook 04 filters each of nine tables by hand (action_progress by
    # the kept actions) and rebuilds the Study; Study.subset does that
    from impact.errors import InputError
    from impact.schema import TABLES

    study = impact.load_study(ten_council_study, validate=False)
    ids = study.councils["council_id"].tolist()
    keep = ids[1:5]
    part = study.subset(councils=pd.Series(keep))
    for name in TABLES:
        whole, got = study.table(name), part.table(name)
        if "council_id" in whole.columns:
            want = whole[whole["council_id"].isin(keep)]
        else:  # action_progress: the kept councils' actions
            want = whole[whole["action_id"].isin(study.actions.loc[study.actions["council_id"].isin(keep), "action_id"])]
        assert len(want) > 0, name
        pd.testing.assert_frame_equal(got, want.reset_index(drop=True), obj=name)
    iid = part.interviews["interview_id"].iloc[0]
    assert part.transcript(iid) == study.transcript(iid)
    assert part.wave_ids == study.wave_ids
    assert [p for p in part.validate() if p.severity == "error"] == []
    assert len(study.councils) == len(ids)  # the study is as it was
    assert study.subset(councils=int(keep[0])).councils["council_id"].tolist() == [keep[0]]
    with pytest.raises(InputError, match=r"not in the study: '999'"):
        study.subset(councils=[keep[0], "999"])
    with pytest.raises(InputError, match="names no council"):
        study.subset(councils=[])


# --------------------------------------------------------------------------- 4. the level and the adjustment of a run
class _Stop(Exception):
    pass


def test_run_and_impact_run_take_alpha_and_the_adjustment(ten_council_study, tmp_path, monkeypatch):
    # analyse(alpha=, adjust=) had them and the report words them, but impact.run and `impact run` did not: a
    # researcher wanting 90% intervals or Benjamini-Hochberg had to rebuild the run from analyse and build_report
    import impact.pipeline as pipeline
    from impact.cli import main

    seen = {}

    def analyse(study, **kwargs):
        seen.update(kwargs)
        raise _Stop

    monkeypatch.setattr(pipeline, "analyse", analyse)
    with pytest.raises(_Stop):
        impact.run(ten_council_study, out_dir=tmp_path / "a", alpha=0.1, adjust="fdr_bh", cache=False)
    assert (seen["alpha"], seen["adjust"]) == (0.1, "fdr_bh")
    seen.clear()
    with pytest.raises(_Stop):
        main(["run", str(ten_council_study), "--out", str(tmp_path / "b"), "--alpha", "0.1", "--adjust", "fdr_bh",
              "--no-cache"])
    assert (seen["alpha"], seen["adjust"]) == (0.1, "fdr_bh")
    seen.clear()
    with pytest.raises(_Stop):  # the defaults are as before
        impact.run(ten_council_study, out_dir=tmp_path / "c", cache=False)
    assert (seen["alpha"], seen["adjust"]) == (0.05, "holm")
    # refused before any work, naming what is allowed
    with pytest.raises(ValueError, match=r"`alpha` must be a number strictly between 0 and 1, but 5 was passed"):
        impact.run(ten_council_study, out_dir=tmp_path / "d", alpha=5)
    with pytest.raises(ValueError, match=r"`adjust` must be one of \['holm', 'fdr_bh'\], but 'bh' was passed"):
        impact.run(ten_council_study, out_dir=tmp_path / "d", adjust="bh")
    assert not (tmp_path / "d").exists()
    assert main(["run", str(ten_council_study), "--out", str(tmp_path / "e"), "--alpha", "10"]) == 2


# --------------------------------------------------------------------------- 5. a column a merge split in two
def test_a_column_a_merge_split_in_two_is_named_with_what_to_do():
    # the researcher's council data had `region` too: the merge made 'region_x' and 'region_y', and
    # compare_groups(group="region") said only that 'region' was lacking, listing 40 columns
    panel = pd.DataFrame({"council_id": [f"{300 + u}" for u in range(8)], "reported": [0, 1] * 4,
                          "region": ["North", "South"] * 4})
    mine = pd.DataFrame({"council_id": panel["council_id"], "region": ["N", "S"] * 4})
    merged = panel.merge(mine, on="council_id")
    said = r"'region' is 'region_x' and 'region_y'.*data\.rename\(columns=\{'region_x': 'region'\}\)"
    with pytest.raises(ValueError, match=said):
        impact.compare_groups(merged, outcome="reported", group="region", unit="council_id")
    with pytest.raises(ValueError, match=said):
        impact.prevalence_table(merged, outcome="reported", group="region")
    judged = pd.DataFrame({"council_id": ["301"], "date_x": ["2012-01-01"], "date_y": ["2012-02-01"]})
    with pytest.raises(ValueError, match=r"'date' is 'date_x' and 'date_y'"):
        impact.judgement_at(pd.DataFrame({"council_id": ["301"], "status": ["good"], "start_date": ["2011-01-01"],
                                          "end_date": [None]}), data=judged, date="date")
    # a column simply absent: no such hint
    with pytest.raises(ValueError) as plain:
        impact.compare_groups(merged, outcome="reported", group="status", unit="council_id")
    assert "merge" not in str(plain.value)


# --------------------------------------------------------------------------- 6. a spreadsheet's total row
def test_a_total_row_labelled_anywhere_a_spreadsheet_puts_it_is_told_as_one(ten_council_study, tmp_path):
    # "Total (10 councils)" in councils.csv's name column (its number blank) was three "expected a value" errors, and
    # interviews.csv's "Total" row was told as cells merged over two rows, "unmerge the cell and fill the value down"
    import shutil

    folder = tmp_path / "study"
    shutil.copytree(ten_council_study, folder)
    councils = pd.read_csv(folder / "councils.csv", dtype=str, keep_default_na=False)
    interviews = pd.read_csv(folder / "interviews.csv", dtype=str, keep_default_na=False)
    pd.concat([councils, pd.DataFrame([{"name": "Total (10 councils)"}])]).fillna("").to_csv(
        folder / "councils.csv", index=False)
    pd.concat([interviews, pd.DataFrame([{"interview_id": "Total", "participant_id": str(len(interviews))}])]).fillna(
        "").to_csv(folder / "interviews.csv", index=False)
    with pytest.raises(impact.ValidationError) as caught:
        impact.load_study(folder)
    told = {(p.file, p.row, p.column, p.found): p.expected for p in caught.value.errors}
    assert sorted(told) == [("councils.csv", len(councils) + 2, "name", "Total (10 councils)"),
                            ("interviews.csv", len(interviews) + 2, "interview_id", "Total")], told
    assert told[("interviews.csv", len(interviews) + 2, "interview_id", "Total")].startswith(
        "one interview on each row, not a summary row")
    # a council's or an interview's own id that merely holds the letters is no total
    from impact.validate import _SUMMARY_LABEL

    assert not any(_SUMMARY_LABEL.fullmatch(w) for w in ("totalis", "i0301-001", "averageham", "summerfield"))
    assert all(_SUMMARY_LABEL.fullmatch(w) for w in ("total", "grand total", "total: 125", "totals (all)", "sum"))
