"""An intruder with the whole published bundle of a small study tries to recover its small counts (disclosure round 42).

The intruder reads every table as published (``tables/*.csv``: the sample, the councils by status at each wave,
prevalence and expectations by status group, the comparisons), the figures' data (the heatmap's shares and
participants) and the workbook (each table's sheet against its CSV), and knows the councils in the study. The attack differences the tables against each other to a fixed
point: the councils at each level of intervention add up to the councils in the study; with no council missed at a
wave, the councils interviewed in each status group are those at its levels; the two groups' councils and
participants add up to the wave's; a group's share times its participants is its count of participants reporting the
impact (and a count over a share its participants), for the prevalence table's shares and the comparisons' mean
shares alike. Planted truth, computed from the study itself: the councils of each status level and group, and the
participants of each group, at each wave (and the participants reporting each impact, from the analysis), in
generated studies of 5, 8 and 12 councils with status groups of one or two councils. No count from 1 to min_count - 1
may come out exactly; and the attack is shown to bite: with the ledger's secondary suppression disabled (each
suppressed count left with its complements published), it recovers small counts.
"""

from __future__ import annotations

import re
import warnings
from io import BytesIO

import matplotlib.text
import pandas as pd
import pytest
import test_disclosure_round39 as r39
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5  # the report's default --min-count
IN = ("notice", "direction")  # the levels of intervention (status group "intervention")


def _twelve():
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(12, seed=42001, interviews_per_wave=2, words_per_interview=120)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study, analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=["comparisons", "change"])


@pytest.fixture(scope="module")
def studies(disclosure_five, disclosure_eight):
    """``(study, findings)`` of the 5-, 8- or 12-council study, by its councils: the first two made once per run and
    shared with rounds 41 and 39 (``conftest.disclosure_five``, ``disclosure_eight``), the third once per worker."""
    def study(n: int):
        return {5: disclosure_five, 8: disclosure_eight}.get(n) or once_per_worker(("round42", "intruder12"), _twelve)

    return study


def _truth(study, findings) -> dict:
    """The counts to protect, computed from the study (and the analysis's count of participants reporting each impact
    in each group): councils at each level, councils and participants interviewed in each group, at each wave."""
    ws = study.wave_status()[["council_id", "wave", "intervention"]].dropna()
    ws = ws.assign(group=ws["intervention"].map(lambda v: "intervention" if v in IN else "no_intervention"))
    out = {("level", w, lv): int(n) for (w, lv), n in ws.groupby(["wave", "intervention"]).size().items()}
    iv = study.interviews.dropna(subset=["wave"]).merge(ws, on=["council_id", "wave"])
    for (w, g), rows in iv.groupby(["wave", "group"]):
        out[("cgroup", w, g)] = int(rows["council_id"].nunique())
        out[("pgroup", w, g)] = int(rows["participant_id"].nunique())
    p = findings.prevalence
    for r in p[p["measure"].isin(["reported", "anticipated"])].itertuples():
        out[("with", r.measure, r.code, r.wave, r.group)] = int(r.events)
    return out


def _downloaded(report) -> dict[str, pd.DataFrame]:
    """Every table of the bundle as the intruder reads its CSV (strings; 'c' where suppressed)."""
    from impact.report._xlsx import table_csv

    return {t.name: pd.read_csv(BytesIO(table_csv(t, vocabulary=report.vocabulary)), dtype=str,
                                keep_default_na=False, encoding="utf-8-sig") for t in report.tables}


def _number(v):
    if v in ("", "c") or not isinstance(v, str):
        return None
    try:
        return float(v.replace(",", ""))
    except ValueError:
        return None


def _attack(report, study, *, stated: dict | None = None) -> tuple[dict, list]:
    """``(known, figure_cells)``: every count the intruder works out from the bundle, by key, and the heatmap's
    (share, participants) cells that no published prevalence row gives. ``stated``: counts read elsewhere than the
    tables (the report's prose and the provenance, see tests/test_disclosure_round43.py), differenced with them."""
    t = _downloaded(report)
    known: dict = {}
    shares: dict = {}
    waves = list(study.wave_ids)
    n_councils = len(study.councils)  # the councils in the study: public

    def put(key, value):
        if value is not None and key not in known:
            known[key] = value

    for key, value in (stated or {}).items():
        put(key, value)

    for r in t.get("status_by_wave", pd.DataFrame()).to_dict("records"):
        put(("level", r["wave"], r["intervention"]), _number(r["n_councils"]))
    levels = {w: {r["intervention"] for r in t.get("status_by_wave", pd.DataFrame()).to_dict("records")
                  if r["wave"] == w} for w in waves}
    for r in t.get("interviews_by_wave", pd.DataFrame()).to_dict("records"):
        put(("cwave", r["wave"]), _number(r["n_councils"]))
        put(("pwave", r["wave"]), _number(r["n_participants"]))
    for r in t.get("attrition", pd.DataFrame()).to_dict("records"):
        put(("cmissing", r["wave"]), _number(r["n_councils_missing"]))
    for name, measure in (("prevalence", "reported"), ("expectations", "anticipated")):
        for r in t.get(name, pd.DataFrame()).to_dict("records"):
            w = r.get("wave", waves[0])
            put(("pgroup", w, r["status"]), _number(r["n_participants"]))
            put(("with", measure, r["impact"], w, r["status"]), _number(r["n_with"]))
            if _number(r["prevalence"]) is not None:
                shares.setdefault(("with", measure, r["impact"], w, r["status"]), set()).add(_number(r["prevalence"]))
    for r in t.get("comparisons", pd.DataFrame()).to_dict("records"):
        for side, g in (("a", "no_intervention"), ("b", "intervention")):
            put(("cgroup", r["wave"], g), _number(r[f"n_{side}"]))
            for centre in (f"mean_{side}", f"median_{side}"):
                if _number(r.get(centre, "")) is not None:
                    shares.setdefault(("with", "reported", r["impact"], r["wave"], g), set()).add(_number(r[centre]))

    def sums(total, parts):
        """total = sum(parts): whichever one of them is unknown."""
        missing = [k for k in (total, *parts) if k not in known]
        if len(missing) != 1:
            return
        k = missing[0]
        rest = sum(known[p] for p in parts if p != k)
        put(k, known[total] - rest if k != total else rest)

    known[("councils",)] = n_councils
    for _ in range(10):
        before = len(known)
        for w in waves:
            sums(("councils",), [("level", w, lv) for lv in levels[w]])
            sums(("cwave", w), [("cgroup", w, "no_intervention"), ("cgroup", w, "intervention")])
            sums(("pwave", w), [("pgroup", w, "no_intervention"), ("pgroup", w, "intervention")])
            if known.get(("cmissing", w)) == 0:  # every council interviewed: a group's councils are its levels'
                sums(("cgroup", w, "no_intervention"), [("level", w, lv) for lv in levels[w] if lv not in IN])
                sums(("cgroup", w, "intervention"), [("level", w, lv) for lv in levels[w] if lv in IN])
        for key, values in shares.items():
            _, _, _, w, g = key
            people = known.get(("pgroup", w, g))
            for s in values:
                if people is not None and abs(s * people - round(s * people)) < 1e-6:
                    put(key, float(round(s * people)))  # a share times the group's participants
                if key in known and s > 0 and abs(known[key] / s - round(known[key] / s)) < 1e-6:
                    put(("pgroup", w, g), float(round(known[key] / s)))  # a count over its share
        if len(known) == before:
            break
    # the figure's data against the tables: a heatmap cell shows a share and its participants; a cell that no published
    # prevalence row gives shows what the table suppresses
    published = {(int(_number(r["n_participants"])), round(100 * _number(r["n_with"]) / _number(r["n_participants"])))
                 for r in t.get("prevalence", pd.DataFrame()).to_dict("records")
                 if _number(r["n_participants"]) and _number(r["n_with"]) is not None}
    unmatched = []
    for fig in report.figures:
        for text in (x.get_text() for x in fig.fig.findobj(matplotlib.text.Text)):
            m = re.fullmatch(r"(\d+)%\nn=(\d+)", text.strip())
            if m and fig.name == "prevalence_heatmap" and (int(m[2]), int(m[1])) not in published:
                unmatched.append((fig.name, text))
    return {k: v for k, v in known.items() if v is not None}, unmatched


def _workbook_more(report) -> list:
    """The numbers a sheet of the workbook shows in a table's row that the row of its CSV does not (a cell one output
    hides and another shows: differencing the outputs gives it)."""
    from openpyxl import load_workbook

    from impact.report._xlsx import render_xlsx, sheet_names

    csv = _downloaded(report)
    book = load_workbook(BytesIO(render_xlsx(report)))
    more = []
    for table, sheet in zip(report.tables, sheet_names([t.name for t in report.tables]), strict=True):
        rows = csv[table.name].to_dict("records")
        # the heading rows (two where a shared part of the headings is a merged row above them: round 44), then the rows
        heads = int(book[sheet].print_title_rows.rsplit("$", 1)[1]) if book[sheet].print_title_rows else 1
        body = list(book[sheet].iter_rows(values_only=True))[heads:heads + len(rows)]
        if not body:  # a table of suppressed figures only: its sheet is one sentence, no number (round 41)
            body = [()] * len(rows)
        for i, (shown, row) in enumerate(zip(body, rows, strict=True)):
            numbers = [x for x in map(_number, row.values()) if x is not None]
            more += [(table.name, i, v) for v in shown if isinstance(v, int | float) and not isinstance(v, bool)
                     and not any(abs(v - x) <= 1e-9 * max(1.0, abs(x)) for x in numbers)]
    return more


def _recovered(known: dict, truth: dict) -> list:
    """The small counts (1 to min_count - 1) the intruder has exactly."""
    return sorted((k, truth[k]) for k, v in known.items() if k in truth and 0 < truth[k] < MIN_COUNT
                  and v == truth[k])


@pytest.mark.parametrize("n", [5, 8, 12])
def test_no_small_count_is_recovered_from_the_bundle(n, studies):
    """Each study has status groups of one or two councils at some wave and small counts of participants (the
    planted condition, from the study); the intruder's differencing of the published tables and figure recovers none
    of them exactly, every heatmap cell is one a published prevalence row gives, and the workbook shows no number in
    a table's row that its CSV hides."""
    study, findings = studies(n)
    truth = _truth(study, findings)
    small = [k for k, v in truth.items() if 0 < v < MIN_COUNT]
    assert any(k[0] == "cgroup" for k in small) and any(k[0] == "pgroup" or k[0] == "with" for k in small)
    report, _ = r39._report(findings)
    known, unmatched = _attack(report, study)
    assert known  # the attack read the bundle
    assert _recovered(known, truth) == []
    assert unmatched == []
    assert _workbook_more(report) == []


def test_the_attack_recovers_counts_without_secondary_suppression(studies, monkeypatch):
    """The attack bites: with the ledger's audit disabled (no count is hidden for what the others give back, so a
    suppressed count sits beside its published complements), it recovers small counts of the 5-council study exactly
    (its one council in intervention among them), which the real ledger protects."""
    from impact.privacy._ledger import DisclosureLedger

    study, findings = studies(5)
    truth = _truth(study, findings)
    monkeypatch.setattr(DisclosureLedger, "_weak", lambda self, hidden, safe=None, **kw: [])
    report, _ = r39._report(findings)
    known, _ = _attack(report, study)
    leaks = _recovered(known, truth)
    assert leaks, "the attack recovers nothing even with secondary suppression off"
    assert any(k[0] in ("cgroup", "level", "pgroup") for k, _ in leaks)
