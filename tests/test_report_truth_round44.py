"""Report truth, round 44 (truth44): the summary's caveat of councils whose intervention status changed within a wave,
against planted changes; the numbers stated in the report's prose found in the tables and figures they refer to."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest


def _plant_changes(folder) -> dict:
    """Rewrite the status history of the study saved in ``folder`` (seed 44303, 8 councils): two councils never in
    intervention get a notice to improve from the second date of their interviews of one wave (one from the first date
    after the median, one before it, each taken from interviews.csv), and a third council's Ofsted judgement changes
    between its interviews of one wave (a change of status the comparisons by intervention status do not read).
    Returns the planted truth: the councils whose interviews of a wave were held under two intervention statuses and
    the interviews held under a status other than the one in force at the median date of their council's interviews
    at that wave (which the panels count them in)."""
    iv = pd.read_csv(folder / "interviews.csv", dtype=str, keep_default_na=False)
    history = pd.read_csv(folder / "status_history.csv", dtype=str, keep_default_na=False)
    iv["date"] = pd.to_datetime(iv["date"])
    never = set(iv["council_id"]) - set(history.loc[history["kind"] != "ofsted_judgement", "council_id"])
    spread = iv.groupby(["council_id", "wave"])["date"].nunique()
    spread = spread[spread >= 2].reset_index()
    notice, judged = spread[spread["council_id"].isin(never)], spread[~spread["council_id"].isin(never)]
    planted, off, rows = {}, 0, []
    for (council, wave), pick in zip(notice[["council_id", "wave"]].drop_duplicates("council_id").head(2).itertuples(
            index=False), ("after", "before"), strict=True):
        dates = iv.loc[(iv["council_id"] == council) & (iv["wave"] == wave), "date"]
        middle = dates.median()
        later = sorted(d for d in dates.unique() if (d > middle if pick == "after" else d <= middle) and d > dates.min())
        start = later[0] if later else sorted(dates.unique())[1]
        rows.append({"council_id": council, "kind": "improvement_notice", "status": "notice_to_improve",
                     "start_date": f"{start:%Y-%m-%d}", "end_date": "", "source": "planted"})
        counted_in_notice = start <= middle
        off += int(((dates >= start) != counted_in_notice).sum())
        planted[council] = wave
    council, wave = judged.iloc[0]["council_id"], judged.iloc[0]["wave"]
    dates = iv.loc[(iv["council_id"] == council) & (iv["wave"] == wave), "date"]
    split = dates.min() + pd.Timedelta(days=1)
    rows.append({"council_id": council, "kind": "ofsted_judgement", "status": "inadequate",
                 "start_date": f"{split:%Y-%m-%d}", "end_date": f"{dates.max() + pd.Timedelta(days=400):%Y-%m-%d}",
                 "source": "planted"})
    ofsted = history["kind"] == "ofsted_judgement"
    # the judgement in force at the wave ends the day before the planted one, the next starts after it
    mine = ofsted & (history["council_id"] == council)
    starts, ends = pd.to_datetime(history["start_date"]), pd.to_datetime(history["end_date"].replace("", None))
    history.loc[mine & (starts < split) & (ends.isna() | (ends >= split)), "end_date"] = \
        f"{split - pd.Timedelta(days=1):%Y-%m-%d}"
    after = mine & (starts >= split) & (starts <= dates.max() + pd.Timedelta(days=400))
    history.loc[after, "start_date"] = f"{dates.max() + pd.Timedelta(days=401):%Y-%m-%d}"
    pd.concat([history, pd.DataFrame(rows)]).to_csv(folder / "status_history.csv", index=False)
    return {"moved": planted, "held_off": off, "judged": council}


@pytest.fixture(scope="module")
def within_a_wave(tmp_path_factory):
    """The study of :func:`_plant_changes`, saved, changed, loaded (its validation warnings kept), analysed with its
    planted coding (comparisons only) and its report's summary caveats built with min_count 1 and 5."""
    from impact.pipeline import analyse, build_report
    from impact.report import Callout
    from impact.study import load_study
    from impact.synth import generate_with_truth, save_synthetic

    folder = tmp_path_factory.mktemp("round44") / "s"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(8, seed=44303, interviews_per_wave=3, words_per_interview=80)
        save_synthetic(study, truth, folder)
        planted = _plant_changes(folder)
        loaded = load_study(folder)
        findings = analyse(loaded, coded=truth.coded(), n_resamples=19, seed=1, parts=["comparisons"])
        caveats = {}
        for min_count in (1, 5):
            report, _ = build_report(findings, min_count=min_count)
            [summary] = [s for s in report.sections if s.title == "Summary"]
            caveats[min_count] = " ".join(b.text for b in summary.blocks if isinstance(b, Callout))
    return loaded, planted, caveats


def test_the_caveat_counts_the_councils_and_interviews_held_under_another_intervention_status(within_a_wave):
    """Planted: two councils go into intervention between their interviews of one wave, a third's Ofsted judgement
    changes between its interviews of one (the validation warns of all three). Main said "3 councils changed
    intervention status between their interviews of one wave" (at min_count 1), counting the Ofsted judgement as one,
    and that their interviews are counted in the status at "the wave's median interview date" (it is the median date
    of the council's own interviews at that wave). Now the caveat counts the councils whose interviews of a wave were
    held under two intervention statuses, and the interviews counted in a status other than the one they were held in;
    each count below min_count is 'some'."""
    loaded, planted, caveats = within_a_wave
    warned = {p.value for p in loaded.load_problems if p.file == "status_history.csv" and "one status a wave" in p.expected}
    assert len(warned) >= 3, loaded.load_problems  # the validation warns of all three planted changes
    # the planted truth of the panels: each moved council is counted in one status at its wave
    ws = loaded.wave_status().set_index(["council_id", "wave"])["intervention"]
    assert {ws[(c, w)] for c, w in planted["moved"].items()} == {"none", "notice"}, ws
    k, off = len(planted["moved"]), planted["held_off"]
    assert k == 2 and off >= 2, planted
    one = caveats[1]
    interviews = "interview is" if off == 1 else "interviews are"
    assert (f"that {k} councils changed intervention status between their interviews of one wave, and each council's "
            f"interviews of a wave are counted in the status in force at their median date, so {off} {interviews} "
            "counted in a status other than the one in force when held") in one, one
    assert "the wave's median interview date" not in one, one
    few = caveats[5]
    assert "that some councils changed intervention status between their interviews of one wave" in few, few
    assert f"{k} councils changed" not in few and f"so {off} interview" not in few or off >= 5, few


# ----------------------------------------------------------------------------------------- numbers stated in prose
#: Numbers of the prose that are the method's settings or citations, not figures of a table: the interval's level, the
#: resamples, the suppression threshold and other thresholds, the waves' timing, the survey's scale, the power
#: sentence's detectable effects (of the power calculation, which no table gives), a citation's year.
_SETTINGS = re.compile(
    r"95% (?:CI|interval|Welch interval)|(?:\d+, )*(?:\d+ or )?\d[\d,]* (?:resamples|random reassignments)|seed \d+"
    r"|about \d+ months?"
    r"|(?:NFER|Sant'Anna|Mancl-DeRouen) \d{4}|\(1 to 5\)|\d+% chance|odds ratio is at least [\d.]+ to [\d.]+"
    r"|at least [\d.]+ standard deviations|(?:fewer than|below|at least|up to|no more than|more than) \d+"
    r"|could fall below [\d.]+|\d+ waves?\b|(?:one|two|three|\d+) later waves?")
_NUMBER = re.compile(r"(?<![\w.])[+-]?\d[\d,]*(?:\.\d+)?%?")


def _prose(report):
    """``(section title, text)`` of every sentence-bearing block of ``report`` (paragraphs, bullets, callouts; not the
    quoted statements, which are participants' words)."""
    from impact.report import Bullets, Callout, Paragraph

    for s in report.sections:
        for b in s.blocks:
            if isinstance(b, Bullets):
                yield from ((s.title, i) for i in b.items)
            elif isinstance(b, (Paragraph, Callout)):
                yield s.title, b.text


def _shown_values(tables) -> set[float]:
    """Every number the ``tables`` show (their cells, a share also as a percentage) and their columns' totals."""
    out: set[float] = set()
    for data in tables:
        for col in data.columns:
            cells = pd.to_numeric(data[col].where(data[col].astype(str) != "c"), errors="coerce").dropna()
            out.update(float(v) for v in cells)
            if len(cells):
                out.add(float(cells.sum()))
            out.add(float((data[col].astype(str) == "c").sum()))  # 'and 13 more are suppressed'
    return out | {v * 100 for v in out if abs(v) <= 1}


def _totals(tables) -> set[float]:
    """The totals of each table's columns and of each two columns of one table, as the summary states them of a table
    whose cells it sums (the expectations held: the realised and the unmet)."""
    out: set[float] = set()
    for data in tables:
        sums = [float(pd.to_numeric(data[c], errors="coerce").sum()) for c in data.columns if str(c).startswith("n_")]
        out.update(sums)
        out.update(a + b for i, a in enumerate(sums) for b in sums[i + 1:])
    return out


def _matches(token: str, values: set[float]) -> bool:
    x = float(token.rstrip("%").replace(",", ""))
    dp = len(token.rstrip("%").split(".")[1]) if "." in token else 0
    return any(round(v, dp) == x or round(abs(v), dp) == abs(x) for v in values)


def unsupported_numbers(report, also: tuple[pd.DataFrame, ...] = (), whole=None) -> list[tuple[str, str, str]]:
    """``(section, number, context)`` of each number stated in ``report``'s prose that is in no table of its section
    (of the whole report for the summary, About this report and the methods) nor among ``also`` (the figures a
    sentence gives of data no table shows, e.g. the shares credited elsewhere at each wave), after the settings of
    :data:`_SETTINGS` are set aside. A percentage is also supported as the ratio of two supported numbers of its
    sentence ('20 (37%) of the 54'); the summary's counts also as the totals of the tables of ``whole`` (the report
    with nothing suppressed), whose columns it sums where a table hides cells."""
    from impact.report import Table

    def tables(r):
        return [b.data for s in r.sections for b in s.blocks if isinstance(b, Table)]

    every = _shown_values(tables(report) + list(also))
    summed = _totals(tables(whole if whole is not None else report))
    own = {s.title: _shown_values([b.data for b in s.blocks if isinstance(b, Table)] + list(also))
           for s in report.sections}
    out = []
    for title, text in _prose(report):
        # the summary, the methods and a sentence that points to another section's table read the whole report
        pool = (every if title in ("Summary", "Methods and limitations", "About this report")
                or re.search(r"table in the [\w -]+ section", text) else own[title])
        if title == "Summary":
            pool = pool | summed
        bare = _SETTINGS.sub(" ", text)
        found = [m for m in _NUMBER.finditer(bare)]
        stated = [float(m.group().replace(",", "")) for m in found if not m.group().endswith("%")
                  and _matches(m.group(), pool)]
        ratios = {100 * a / b for a in stated for b in stated if b > 0 and 0 <= a <= b}
        for m in found:
            if not _matches(m.group(), pool) and not (m.group().endswith("%") and _matches(m.group(), ratios)):
                out.append((title, m.group(), bare[max(0, m.start() - 80):m.end() + 40]))
    return out


@pytest.fixture(scope="module")
def small_study():
    """A study of 10 councils (seed 44105, 3 waves, councils moving into and out of intervention), analysed with its
    planted coding; its report built with min_count 5 and 1."""
    from conftest import analysed_synthetic

    from impact.pipeline import build_report

    study, truth, findings = analysed_synthetic(10, 44105, interviews_per_wave=3, words_per_interview=120)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reports = {m: build_report(findings, min_count=m)[0] for m in (5, 1)}
    return study, truth, findings, reports


def _credited_by_wave(findings) -> pd.DataFrame:
    """The statements reporting an impact at each wave after the review and their shares credited elsewhere or left
    open: the figures the attribution section's sentence gives by wave, of data no table shows."""
    aw = findings.attribution_by_wave
    aw = aw[aw["code"] == "all"]
    return aw.assign(other=aw["n_other"] / aw["n_reported"], unclear=aw["n_unclear"] / aw["n_reported"])


def _yardstick(findings) -> pd.DataFrame:
    """The summary's yardstick of the expectations realised, computed here from the participants' panel: among the
    participants interviewed at every wave, the impacts neither anticipated nor reported at the first wave, and those
    of them reported at a later wave (the totals of the realisation table's unanticipated and not-mentioned columns,
    since truth45 counts the impacts under way before the review apart)."""
    pp = findings.participant_panel
    waves = list(pp["wave"].drop_duplicates())
    every = pp.groupby("participant_id")["wave"].nunique()
    pp = pp[pp["participant_id"].isin(every[every == len(waves)].index)]
    first = pp[pp["wave"] == waves[0]]
    neither = first.loc[~first["anticipated"].astype(bool) & ~first["reported"].astype(bool), ["participant_id", "code"]]
    later = pp[(pp["wave"] != waves[0]) & pp["reported"].astype(bool)][["participant_id", "code"]].drop_duplicates()
    return pd.DataFrame({"n": [len(neither)], "n_reported": [len(neither.merge(later))]})


def test_every_number_stated_in_the_prose_is_in_the_table_it_refers_to(small_study):
    """Run on 6 generated studies of 8 to 40 councils (seeds 44111, 44121, 44131, 44141, 44101 and 44202): every
    count, share, odds ratio, interval and p stated in a sentence is a figure, or a column's total, of the tables shown
    beside it (of any table for the summary), once the method's settings are set aside, at min_count 5 and 1. The
    check must find a number changed in a sentence (planted below)."""
    import dataclasses

    from impact.report import Bullets

    _, _, findings, reports = small_study
    # the yardstick of the expectations realised is not exempted (truth45): its counts are the totals of two columns of
    # the realisation table, and the check finds them there
    also = (_credited_by_wave(findings),)
    for min_count, report in reports.items():
        assert unsupported_numbers(report, also, reports[1]) == [], min_count
    # the check can fail: a summary count one more than the table's
    summary = reports[5].sections[0]
    [(at, item)] = [(i, b) for i, b in enumerate(summary.blocks) if isinstance(b, Bullets)][:1]
    k = next(j for j, t in enumerate(item.items) if re.search(r"\d", t))
    m = next(m for m in re.finditer(r"(?<![\w.])\d[\d,]*(?![\d.,%])", item.items[k]))
    wrong = item.items[k][:m.start()] + str(int(m.group().replace(",", "")) * 10 + 7) + item.items[k][m.end():]
    changed = dataclasses.replace(item, items=(*item.items[:k], wrong, *item.items[k + 1:]))
    blocks = (*summary.blocks[:at], changed, *summary.blocks[at + 1:])
    planted = dataclasses.replace(reports[5], sections=(dataclasses.replace(summary, blocks=blocks),
                                                        *reports[5].sections[1:]))
    assert unsupported_numbers(planted, also, reports[1]), wrong


def test_the_realisation_tables_unanticipated_and_not_mentioned_columns_add_up_to_the_summarys_yardstick(small_study):
    """Seed 44202 (40 councils): the summary gave "of the 349 impacts the same participants had neither expected nor
    reported before the review, 226 (65%) were reported afterwards", beside a realisation table whose unanticipated
    and not-mentioned columns came to 316 and 136 (452): they counted also the impacts participants reported as under
    way before the review without anticipating them. Truth44 said so in a note; truth45 counts those impacts in columns
    of their own (the note and this test changed deliberately), so the two columns' totals are the summary's counts:
    n_unanticipated those reported afterwards, n_not_mentioned the others. Planted here (seed 44105)."""
    from impact.report import Paragraph, Table

    _, _, findings, reports = small_study
    yard = _yardstick(findings).iloc[0]
    report = reports[1]
    [section] = [s for s in report.sections if s.title.startswith("Trajectories")]
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "realisation")
    pp = findings.participant_panel
    every = pp.groupby("participant_id")["wave"].nunique()
    first = pp[(pp["wave"] == pp["wave"].iloc[0]) & pp["participant_id"].isin(every[every == every.max()].index)]
    under_way = int((~first["anticipated"].astype(bool) & first["reported"].astype(bool)).sum())
    assert under_way > 0, first  # the planted truth: impacts under way before the review, not anticipated
    data = table.data
    assert int(data["n_unanticipated"].astype(int).sum()) == yard["n_reported"], (data, yard)
    assert int(data["n_not_mentioned"].astype(int).sum()) == yard["n"] - yard["n_reported"], (data, yard)
    apart = data["n_under_way_reported"].astype(int).sum() + data["n_under_way_not_reported"].astype(int).sum()
    assert int(apart) == under_way, (data, under_way)
    assert "those of n_unanticipated and n_not_mentioned" in table.notes, table.notes
    intro = next(b.text for b in section.blocks if isinstance(b, Paragraph))
    assert "one the participant reported before the review as already under way" in intro, intro
    summary = " ".join(i for b in report.sections[0].blocks for i in getattr(b, "items", ()))
    assert f"of the {int(yard['n']):,} impacts the same participants had neither expected nor reported" in summary
