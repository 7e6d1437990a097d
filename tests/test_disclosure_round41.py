"""Disclosure in small studies, round 41.

* A status group's mean (or median) share in the comparisons by intervention status is tied to the count of its
  participants reporting the impact: with the group's councils and participants, published beside it, the share gives
  that count back. A share whose count the prevalence table suppresses is suppressed too, with the difference, its
  interval and test (the other group's share stays), and the suppression ledger says why.
* The table of councils by intervention status has no row for a level no council had at any wave: main showed
  'Statutory direction: c' in a 5-council study with no direction, a 'c' hiding a zero.
* A count of every council of a group (complement 0) is published, as a zero is, and the documentation says so.
* The ledger's pass releasing unneeded secondary suppressions is its own public method; the report reads none of the
  ledger's private state.

Generated studies of 40 councils (seed 31303, the truth rounds' study, with 2 interviews per council and wave) and 5
councils (seed 100, no council ever under a direction), each analysed once per run with its planted coding
(``conftest.disclosure_forty`` and ``disclosure_five``).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
import test_disclosure_round39 as r39
import test_disclosure_round40 as r40
from conftest import once_per_worker

MIN_COUNT = 5  # the report's default --min-count
ROOT = Path(__file__).resolve().parents[1]


def _analysed(n_councils: int, seed: int):
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=2, words_per_interview=120)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=["comparisons"])
    return study, findings


@pytest.fixture(scope="module")
def forty(disclosure_forty):
    return disclosure_forty


def test_shares_tied_to_a_suppressed_count_are_suppressed(forty):
    """Where the prevalence table suppresses the participants of a status group reporting an impact at a wave, the
    comparisons table published that group's mean share over its councils: with 2 interviews per council, the share
    times the group's participants is that count (seed 31303: 5.6% of 9 councils, 16 participants, gave back 1). The
    share is now 'c', with the difference, interval, rank-biserial and p-values; the other group's share stays where
    its own count is published; the suppression ledger gives the row the reason 'tied_to_suppressed_count'."""
    _, findings = forty
    report, _ = r39._report(findings)
    tables = r39._tables(report)
    comp, prev = tables["comparisons"], tables["prevalence"]
    raw = findings.comparisons.set_index(["code", "wave"])
    truth = findings.prevalence[findings.prevalence["measure"] == "reported"].set_index(["code", "wave", "group"])
    sides = {"a": "no_intervention", "b": "intervention"}
    tied, given_back = 0, 0
    for _, r in comp.iterrows():
        hidden = {}
        for side, g in sides.items():
            cell = prev[(prev["impact"] == r["impact"]) & (prev["wave"] == r["wave"]) & (prev["status"] == g)]
            assert len(cell) == 1
            hidden[side] = cell["n_with"].iloc[0] == "c" or cell["n_participants"].iloc[0] == "c"
            if r[f"n_{side}"] == "c":
                continue  # the group's councils suppressed: the whole row was already withheld
            centre = [c for c in (f"mean_{side}", f"median_{side}") if c in comp.columns]
            if hidden[side]:
                tied += 1
                assert (r[centre] == "c").all(), (r["impact"], r["wave"], side, r[centre].tolist())
                # the fault on main, computed independently: the mean share and the group's published councils and
                # participants put the suppressed count within one of its true value
                mean = raw.loc[(r["impact"], r["wave"]), f"mean_{side}"]
                n_people = int(cell["n_participants"].iloc[0]) if cell["n_participants"].iloc[0] != "c" else None
                true = truth.loc[(r["impact"], r["wave"], g), "events"]
                given_back += n_people is not None and abs(mean * n_people - true) < 1
        if any(hidden.values()) and "c" not in (r["n_a"], r["n_b"]):
            derived = [c for c in comp.columns if c.startswith(("difference", "ci_", "rank_biserial", "p_"))
                       and c != "difference_type"]
            assert (r[derived] == "c").all(), (r["impact"], r["wave"], r[derived].tolist())
            for side in sides:
                if not hidden[side]:
                    centre = [c for c in (f"mean_{side}", f"median_{side}") if c in comp.columns]
                    assert (r[centre] != "c").all(), (r["impact"], r["wave"], side)
    assert tied and given_back  # the planted condition: shares beside suppressed counts, which gave them back on main
    ledger = tables["suppressions"]
    rows = ledger[ledger["output"] == "comparisons"]
    assert (rows["reason"] == "tied_to_suppressed_count").sum() == comp.apply(
        lambda r: "c" not in (r["n_a"], r["n_b"]) and r["difference"] == "c", axis=1).sum()
    # the figure of the differences draws only the rows published (no dot for a row withheld)
    assert (comp["difference"] == "c").sum() < len(comp)


def test_no_row_for_a_level_no_council_had(disclosure_five, monkeypatch):
    """5 councils, none under a statutory direction at any wave: main's table of councils by status gave every wave
    a row 'Statutory direction: c', a zero hidden beside the hidden counts. The table has rows only for the levels some
    council had at some wave, and every count it hides still spans at least min_count for an intruder who knows the
    missing level is 0 (the ledger's audit)."""
    study, findings = disclosure_five
    had = set(study.wave_status()["intervention"].dropna())
    assert "direction" not in had  # the planted condition
    report, led = r40.report_and_ledger(findings, monkeypatch)
    tables = r39._tables(report)
    status = tables["status_by_wave"]
    assert set(status["intervention"]) <= had
    for w in study.wave_ids:
        # a row for each level the study has where some council had it at the wave, or its count is hidden
        expected = {lv for lv in had if led.values[("councils_level", w, lv)] > 0 or led.hidden(("councils_level", w, lv))}
        assert set(status.loc[status["wave"] == w, "intervention"]) == expected, w
    for k in led.values:
        if k[0] == "councils_level" and led.hidden(k):
            low, high = led.interval(k)
            assert high - low >= MIN_COUNT - 1e-6, (k, low, high)


def test_every_council_of_a_group_is_published_as_documented():
    """Every one of the 8 councils interviewed raised the theme (planted): its complement is 0, which, like a count of
    none, says of each council what it says of the group; the rules protect a council from being told apart from the
    others of its group. The count is published ('8 councils'), and the format documentation states the rule (main
    did not: its complement rule left the case undecided)."""
    study, raisers, findings = once_per_worker(("round41", "all"), lambda: r40._plant_complement(8))
    interviewed = study.interviews.dropna(subset=["wave"])["council_id"].astype(str).nunique()
    assert interviewed == len(raisers) == 8
    table = r39._tables(r39._report(findings)[0])["framework_optional"].set_index("theme")
    assert table.loc["Managing performance", "all_councils"].startswith("8 councils")
    doc = " ".join((ROOT / "docs" / "report-format.md").read_text(encoding="utf-8").split())
    assert re.search(r"count of every council of a group \(its complement 0\)[^.]*is published", doc)


def test_the_release_pass_is_the_ledgers_own():
    """The pass that publishes again the counts hidden as secondary that no rule needs is
    ``DisclosureLedger.release_unneeded``; no module of ``impact.report`` reads a ledger's private state (round 40's
    ``impact/report/_suppress.py`` read ``_hidden``, ``_zeros_beside`` and ``_weak``). Round 40's planted pair of
    tables: the ledger hides {a, d, x, y}; the smallest safe set is {a, d, x}, and the method leaves exactly it."""
    led = r40.planted_pair()
    assert led.protect() == {"a", "d", "x", "y"}
    assert led.release_unneeded() == ["y"]
    assert {k for k in led.values if led.hidden(k)} == {"a", "d", "x"}
    private = re.compile(r"\b(?:ledger|led)\._[a-z]\w*")
    reads = {p.name: private.findall(p.read_text(encoding="utf-8")) for p in (ROOT / "impact" / "report").glob("*.py")}
    assert not {k: v for k, v in reads.items() if v}
