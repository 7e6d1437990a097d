"""Disclosure round 73 (bench/disclosure73_attack/NOTES.md).

1. The action-plan completion table hid its councils at a wave with no tie to anything published: a study of one
   council hid its '1 council' with actions, which the study's published 1 council gives back (a wave's row has a
   council at least). The councils with actions at a wave are now declared at least 1, at most the study's councils
   and at most the row's actions: a cell the published counts give exactly is published, any other is hidden with
   what would narrow it.
2. A row of the change across the waves whose councils are hidden to protect another count (20 councils, two waves, a
   quarter in intervention throughout) was withheld whole. Its test's p-values and matched rank-biserial correlation
   are of the councils whose share moved alone: they are now published beside the hidden count, declared as saying
   it is at least those councils (and 2), and withheld where that would narrow a hidden count.

Seeds 731001-731021 were unused in the repository before this round (grep -rlw over .py, .json, .md and .csv).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)


def _action_ctx(n, seed, **opts):
    """The findings of a generated study (its planted coding) and the report's context of them."""
    import warnings

    from conftest import analysed_synthetic

    import impact.report._build as build

    _, _, f = analysed_synthetic(n, seed, parts=["change"], **_SMALL, **opts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return f, build._prepared(f, False, 5, 5, None, False)


def _action_table(ctx) -> pd.DataFrame:
    from impact.report import Table
    from impact.report._build import _actions_and_indicators

    section = _actions_and_indicators(ctx)
    return next(b.data for b in section.blocks if isinstance(b, Table) and b.name == "action_completion")


def _intruder_interval(row: dict, councils: int) -> tuple[int, int]:
    """What the published bundle says of a row's councils with actions, written from the table's meaning (not the
    report's ledger): a wave has a row only where some action had a status there, so 1 council at least; at most the
    study's councils (published: 'This report follows N councils'), and at most the row's actions where published
    (each council of the row has one at least)."""
    hi = councils if row["n_actions"] == "c" else min(councils, int(row["n_actions"]))
    return 1, hi


@pytest.mark.parametrize(("n", "seed", "opts"), [(1, 731001, {}), (1, 731002, dict(waves=2)),
                                                 (1, 731003, dict(waves=4))])
def test_no_hidden_count_of_councils_with_actions_is_given_back_by_the_published_counts(n, seed, opts):
    """Every count of councils with actions the table hides is left more than one value by what the bundle publishes
    (the intruder's interval, :func:`_intruder_interval`, written apart from the report), and every one it publishes
    below 5 is one that interval gives exactly. On main's head a one-council study hid its 1 council at every wave:
    the study's published 1 council gave it back."""
    f, ctx = _action_ctx(n, seed, **opts)
    table = _action_table(ctx)
    truth = f.actions.groupby("wave", observed=True)["council_id"].nunique()
    assert len(table) and len(ctx.study.councils) == n
    for row in table.to_dict("records"):
        lo, hi = _intruder_interval(row, n)
        assert lo <= truth[row["wave"]] <= hi, "the intruder's relations hold on the truth"
        if row["n_councils"] == "c":
            assert hi > lo, f"{row['wave']}: the hidden councils with actions are {lo} to {hi}"
        else:
            assert int(row["n_councils"]) == truth[row["wave"]]
            assert int(row["n_councils"]) >= 5 or lo == hi, row


def test_a_one_council_study_publishes_its_council_with_actions_and_hides_its_actions():
    """One council, three waves (seed 731001): its 1 council with actions at each wave after the review is published
    (the study's 1 council gives it); its counts of actions below 5 and those completed stay hidden where no published
    count gives them."""
    f, ctx = _action_ctx(1, 731001)
    table = _action_table(ctx)
    assert (table["n_councils"] == 1).all() and len(table) == len(f.actions["wave"].unique())
    led = ctx.ledger
    for w in table["wave"]:
        for key in (("actions", w), ("actions_done", w)):
            if 0 < led.values[key] < 5:
                assert led.hidden(key)


# --------------------------------------------------------------------------- 2. tests beside hidden councils
#: 20 councils, two waves, a quarter in intervention throughout (round 72's v20iv design): the councils not in
#: intervention followed at both waves are hidden to protect those in intervention
TWENTY = dict(words_per_interview=150, waves=2, intervention_paths={"never": 0.75, "throughout": 0.25})


def _twenty(seed: int, interviews: int):
    from conftest import once_per_worker, prepared_synthetic

    return once_per_worker(("round73-twenty", seed, interviews),
                           lambda: prepared_synthetic(20, seed, 5, parts=("change",), interviews_per_wave=interviews,
                                                      **TWENTY))


#: three interviews a wave (seeds 731020, 731021) and five (731041: most councils' shares moved)
@pytest.fixture(scope="module", params=[(731020, 3), (731021, 3), (731041, 5)])
def twenty(request):
    return _twenty(*request.param)


def _change_table(ctx) -> pd.DataFrame:
    from impact.report import Table
    from impact.report._build import _comparisons

    return next(b.data for b in _comparisons(ctx).blocks if isinstance(b, Table) and b.name == "change_over_time")


def _moved(findings, code: str, group: str) -> int:
    """The councils of ``group`` followed at both waves whose share reporting ``code`` moved, counted from the
    participant panel (not from the change table): each council's share of its participants reporting it at each
    wave, councils interviewed at both and in the group at each."""
    pp = findings.participant_panel
    pp = pp[pp["code"] == code]
    share = pp.groupby(["council_id", "wave"], observed=True).agg(share=("reported", "mean"),
                                                                  group=("status_group", "first")).reset_index()
    wide = share.pivot(index="council_id", columns="wave", values="share").dropna()
    groups = share.pivot(index="council_id", columns="wave", values="group").loc[wide.index]
    mine = (groups == group).all(axis=1)
    first, last = wide.columns[0], wide.columns[-1]
    return int((wide.loc[mine, first] != wide.loc[mine, last]).sum())


def test_a_row_whose_councils_are_hidden_as_secondary_publishes_its_test(twenty):
    """The councils not in intervention followed at both waves (15 at each seed) are hidden to protect those in
    intervention, not for their size: the rows' p-values and matched rank-biserial correlations are published, as
    analysed, and their adjusted p-values are Holm's over the published p-values with every withheld row as p = 1
    (statsmodels, apart from the report); their medians and councils stay hidden. Main's head withheld every cell of
    these rows."""
    from statsmodels.stats.multitest import multipletests

    f, ctx = twenty
    led = ctx.ledger
    key = ("councils_complete", "no_intervention")
    assert led.hidden(key) and not led.below_threshold(key)
    table = _change_table(ctx)
    rows = table[table["status"] == "no_intervention"]
    published = rows[rows["p_value"] != "c"]
    assert len(published) >= 3, "the tests of the councils not in intervention are published"
    assert (published["n_councils"] == "c").all()
    assert (published[[c for c in table.columns if c.startswith("median_")]] == "c").all().all()
    ch = ctx.f.change.set_index(["code", "status_group"])
    for r in published.to_dict("records"):
        analysed = ch.loc[(r["impact"], "no_intervention")]
        assert float(r["p_value"]) == pytest.approx(float(analysed["p_value"]), rel=1e-12)
        assert float(r["matched_rank_biserial"]) == pytest.approx(float(analysed["effect"]), rel=1e-12)
    shown = table["p_value"] != "c"
    p = table.loc[shown, "p_value"].to_numpy(dtype=float)
    expected = multipletests(np.concatenate([p, np.ones((~shown).sum())]), method="holm")[1][:len(p)]
    np.testing.assert_allclose(table.loc[shown, "p_adjusted"].to_numpy(dtype=float), expected, rtol=1e-12)


def test_the_tests_beside_hidden_councils_narrow_no_hidden_count(twenty):
    """The intruder's system (round 69's ``recovered``: the report's ledger and decisions) told, apart from the
    report, what each published test beside hidden councils says (:func:`_tests_told`): no hidden count is narrowed
    below 5 further than the report's own system leaves it."""
    from bench.disclosure69_attack.relations import recovered

    f, ctx = twenty
    table = _change_table(ctx)
    beside = table[(table["n_councils"] == "c") & (table["p_value"] != "c")]
    assert len(beside), "a test is published beside hidden councils"
    got = recovered(ctx, _tests_told(f, ctx, beside.to_dict("records")))
    assert not got, f"hidden counts narrowed below 5: {sorted(got.items(), key=str)}"


def test_a_test_beside_hidden_councils_that_would_narrow_a_count_is_withheld():
    """20 councils, five interviews a wave (seed 731041): of the 15 councils not in intervention followed, 13 to 15
    moved in three impacts, and those rows' tests, saying so, would narrow the hidden count of the councils in
    intervention: withheld (the suppression ledger's reason ``test_narrows``), their adjusted p-values NaN in the
    findings, while the others (11 and 12 moved) are published. Told the withheld rows' bounds too, the intruder's system narrows a hidden
    count (so the withholding is needed). Main's head withheld all six rows."""
    from bench.disclosure69_attack.relations import recovered

    f, ctx = _twenty(731041, 5)
    table = _change_table(ctx)
    rows = table[table["status"] == "no_intervention"]
    assert (rows["n_councils"] == "c").all()
    shown, withheld = rows[rows["p_value"] != "c"], rows[rows["p_value"] == "c"]
    assert len(shown) and len(withheld)
    moved = {r["impact"]: _moved(f, r["impact"], "no_intervention") for r in rows.to_dict("records")}
    assert max(moved[c] for c in shown["impact"]) < min(moved[c] for c in withheld["impact"])
    adjusted = ctx.f.change.set_index(["code", "status_group"])["p_adjusted"]
    assert all(np.isnan(adjusted[c, "no_intervention"]) for c in withheld["impact"])
    # the suppression ledger says why, for those rows alone, beside their hidden councils' own reason
    said = {i for i, why in ctx.row_reasons.get("change_over_time", {}).items() if any(r == "test_narrows" for r, _ in why)}
    assert said == set(withheld.index)
    from impact.report._build import _comparisons, _suppression_ledger

    ledger, _ = _suppression_ledger(ctx, [_comparisons(ctx)])
    listed = ledger[ledger["output"] == "change_over_time"]["reason"].str.split("; ")
    assert sum("test_narrows" in codes for codes in listed) == len(withheld)
    assert all("small_count" in codes for codes in listed)
    records = rows.assign(matched_rank_biserial=[float(ctx.f.change.set_index(["code", "status_group"]).loc[
        (c, "no_intervention"), "effect"]) for c in rows["impact"]]).to_dict("records")
    assert recovered(ctx, _tests_told(f, ctx, records)), "the withheld tests' bounds narrow a hidden count"


def _tests_told(f, ctx, rows: list[dict]):
    """What each row of ``rows`` (the change table's, its correlation published) says, as the intruder writes it apart
    from the report: its councils are at least 2 and at least those whose share moved (counted from the participant
    panel, :func:`_moved`: more than any reading of the p gives), and a correlation of +-1 that those councils each had
    a participant reporting the impact at the wave the share rose to and one not at the wave it left (round 71's
    reading)."""
    waves = ctx.waves

    def declare(ctx, led) -> None:
        for r in rows:
            code, g = r["impact"], r["status"]
            m = _moved(f, code, g)
            led.count(("attack73_least", code, g), max(2, m), public=True)
            led.at_most(("attack73_least", code, g), ("councils_complete", g))
            rb = float(r["matched_rank_biserial"])
            if abs(rb) == 1 and m:
                up, down = (waves[-1], waves[0]) if rb > 0 else (waves[0], waves[-1])
                with_up = ("with", "reported", code, up, g)
                with_down, all_down = ("with", "reported", code, down, g), ("participants_group", down, g)
                if led.values[with_up] >= m:
                    led.count(("attack73_up", code, g), m, public=True)
                    led.at_most(("attack73_up", code, g), with_up)
                if led.values[all_down] - led.values[with_down] >= m:
                    led.count(("attack73_short", code, g), m, public=True)
                    led.unpublished(("attack73_rest", code, g), led.values[with_down] + m)
                    led.relation(("attack73_rest", code, g), [with_down, ("attack73_short", code, g)])
                    led.at_most(("attack73_rest", code, g), all_down)

    return declare


@pytest.mark.parametrize(("waves", "binary"), [(2, False), (2, True), (3, False), (3, True), (4, False)])
def test_the_p_values_published_beside_hidden_councils_rest_on_the_councils_that_moved_alone(waves, binary):
    """Nine councils' shares drawn at random (seed 731050), then one and three councils of one value throughout added:
    each test's p, exact and asymptotic, its ``n_moved`` (new in this round: the councils not at one value throughout)
    and Wilcoxon's matched rank-biserial correlation stay as they were, so publishing them says nothing of the
    councils that did not move; Kendall's W and the difference of two shares change with them (withheld beside hidden
    councils). The councils that moved are counted here from the drawn values. Main's head had no ``n_moved``."""
    import warnings

    from impact.stats import change_over_time

    rng = np.random.default_rng(731050 + 10 * waves + binary)
    base = rng.integers(0, 4, (9, waves)) / 3
    if binary:
        base = (base > 0.5).astype(float)
    moved = int((np.ptp(base, axis=1) > 0).sum())
    got = []
    for extra in (0, 1, 3):
        v = np.vstack([base, np.full((extra, waves), 1.0 if binary else 0.5)])
        d = pd.DataFrame({"u": np.repeat(np.arange(len(v)), waves), "t": np.tile(np.arange(waves), len(v)),
                          "y": v.ravel()})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got.append(change_over_time(d, outcome="y", time="t", unit="u").iloc[0])
    assert [int(r["n"]) for r in got] == [9, 10, 12]
    for r in got[1:]:
        assert int(r["n_moved"]) == int(got[0]["n_moved"]) == moved
        assert r["p_value"] == pytest.approx(got[0]["p_value"], rel=1e-9)
        assert r["p_asymptotic"] == pytest.approx(got[0]["p_asymptotic"], rel=1e-9)
        if r["effect_type"] == "matched_rank_biserial":
            assert r["effect"] == pytest.approx(got[0]["effect"], rel=1e-9)
        elif got[0]["effect"]:
            assert r["effect"] != pytest.approx(got[0]["effect"], rel=1e-9)


def test_a_mcnemar_table_across_all_councils_has_no_status_groups():
    """8 councils never in intervention, one interview a wave, two waves (seed 731030): change_over_time tests across all
    councils by McNemar's test. Its councils followed are one count, tied to the councils interviewed at every wave,
    and its rows are 'all' councils. Main's head read McNemar's ``n_discordant`` column as the status groups: four
    counts of councils followed, keyed by the numbers of discordant councils (each 5, summing to 20 of 8 councils),
    tied to nothing, and those numbers printed as the rows' status."""
    from conftest import prepared_synthetic

    f, ctx = prepared_synthetic(8, 731030, 5, parts=("change",), interviews_per_wave=1, words_per_interview=150,
                                waves=2, intervention_paths={"never": 1.0})
    assert set(f.change["test"]) == {"mcnemar"} and "status_group" not in f.change.columns
    followed = {k: v for k, v in ctx.ledger.values.items() if k[0] == "councils_complete"}
    assert followed == {("councils_complete", "all"): float(f.change["n"].iloc[0])}
    assert set(_change_table(ctx)["status"]) == {"all"}


def test_the_transcript_files_provenance_counts_give_back_no_hidden_count_of_interviews():
    """6 councils, half with a notice lifted (seed 731006), three waves: provenance.json's study layout counts the
    study's transcript files ('transcripts/**/*.txt', one a listed interview here, counted from the study's interview
    list). The interviews at the waves add up to them, so a single wave's hidden count beside the others' published
    ones is that total less theirs: no wave's count is hidden alone unless the count of files is withheld (round 74:
    provenance.json publishes it only where it narrows no hidden count), and each hidden count's interval (the
    ledger's, with the files told) is not a point. Main's head hid the early wave's 17 interviews alone beside 15, 13
    and 45 transcript files."""
    import warnings

    from conftest import analysed_synthetic

    import impact.report._build as build

    study, _, f = analysed_synthetic(6, 731006, parts=["change"], **_SMALL,
                                     intervention_paths={"never": 0.5, "lifted": 0.5})
    files = int(study.interviews["interview_id"].nunique())
    f.provenance = {**f.provenance, "study_layout": {"hash": "sha256:" + "0" * 64, "n_files": files + 10,
                                                    "files": {"study.yaml": 1, "transcripts/**/*.txt": files}}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build._prepared(f, False, 5, 5, None, False)
    led = ctx.ledger
    waves = [("interviews", w) for w in ctx.waves]
    assert sum(led.values[k] for k in waves) == files
    hidden = [k for k in waves if led.hidden(k)]
    assert len(hidden) != 1 or ctx.transcript_files_withheld, f"one wave's interviews hidden alone: {hidden}"
    rest = files - sum(led.values[k] for k in waves if k not in hidden)
    for k in hidden:
        lo, hi = led.interval(k)
        assert hi > lo and lo <= led.values[k] <= hi
        assert ctx.transcript_files_withheld or hi <= rest


def _with_layout(f, study):
    """``f`` with provenance.json's study layout as :func:`impact.run` publishes it: one transcript file a listed
    interview (the generator writes one each), counted from the study's interview list."""
    files = int(study.interviews["interview_id"].nunique())
    f.provenance = {**f.provenance, "study_layout": {"hash": "sha256:" + "0" * 64, "n_files": files + 10,
                                                    "files": {"study.yaml": 1, "transcripts/**/*.txt": files}}}
    return f, files


@pytest.mark.parametrize(("n", "seed", "paths"), [(5, 731005, {"never": 0.4, "entered": 0.4, "throughout": 0.2}),
                                                  (6, 731205, {"never": 0.5, "entered": 0.3, "throughout": 0.2})])
def test_a_groups_councils_interviewed_are_at_most_its_participants(n, seed, paths):
    """Each council counted in a status group at a wave had a participant interviewed in that group there, so the
    group's councils interviewed are at most its participants, and the participants at the waves at most the
    transcript files provenance.json counts (where it publishes them: round 74): the intruder's system (round 69's
    ``recovered``) told both, apart from the report, narrows no hidden count. On main's head it narrowed, for 5 councils (seed 731005), the councils in
    intervention followed to 0 to 3 (true 1, as an integer programme over the files found,
    bench/disclosure73_attack/councils.py) and two trajectory counts, and for 6 councils (seed 731205) gave back the
    councils interviewed at the early wave by status exactly (0 in intervention, 4 not)."""
    import warnings

    from conftest import analysed_synthetic

    import impact.report._build as build
    from bench.disclosure69_attack.relations import recovered

    study, _, f = analysed_synthetic(n, seed, parts=["change"], **_SMALL, intervention_paths=paths)
    f, files = _with_layout(f, study)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build._prepared(f, False, 5, 5, None, False)

    def declare(ctx, led) -> None:
        waves = [("interviews", w) for w in ctx.waves]
        if not ctx.transcript_files_withheld:  # round 74: provenance.json gives the files only where they narrow nothing
            led.count(("attack73_files",), files, public=True)
            led.unpublished(("attack73_rest",), files - sum(led.values[k] for k in waves))
            led.relation(("attack73_files",), [*waves, ("attack73_rest",)])
        for k in [k for k in led.values if k[0] == "councils_interviewed_group"]:
            led.at_most(k, ("participants_group", *k[1:]))

    got = recovered(ctx, declare)
    assert not got, f"hidden counts narrowed below 5: {sorted(got.items(), key=str)}"
