"""Report truth, round 45 (truth45): the realisation table's columns as exact counts of participants (an impact under
way before the review counted apart), checked against planted trajectories; the summary's yardstick counts as sums of
its columns; reports of one, two and three waves scanned for double spaces and wave-count words their design
contradicts."""

from __future__ import annotations

import html
import re
import warnings

import pandas as pd
import pytest
from conftest import analysed_synthetic, held


@pytest.fixture(scope="module")
def three_waves():
    """A study of 8 councils (seed 45105, 3 waves) analysed with its planted coding, the change over time only; its
    report at min_count 1 and 5. (The realisation table and the summary's yardstick come from the trajectories, made
    whatever the parts: their tables and sentence at min_count 1 and 5 are those of every part's analysis, for a third
    of the CPU seconds: testtime21.)"""
    from impact.pipeline import build_report

    study, truth, findings = analysed_synthetic(8, 45105, interviews_per_wave=3, words_per_interview=120,
                                                parts=["change"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reports = {m: build_report(findings, min_count=m)[0] for m in (1, 5)}
    return study, truth, findings, reports


def _planted_realisation(study, truth, codes) -> pd.DataFrame:
    """Participants per impact in each realisation category, counted from the planted coding alone (not the package's
    panels): among participants interviewed at every wave, anticipated = a hedged statement at the first wave,
    reported = an asserted one; each participant and impact falls in exactly one category."""
    waves = list(study.wave_ids)
    a, r = held(study, truth.coded(), "hedged", codes), held(study, truth.coded(), "asserted", codes)
    every = study.interviews.groupby("participant_id")["wave"].nunique()
    whole = set(every[every == len(waves)].index)
    grid = a.rename(columns={"held": "a"}).merge(r.rename(columns={"held": "r"}), on=["participant_id", "wave", "code"])
    grid = grid[grid["participant_id"].isin(whole)]
    first = grid[grid["wave"] == waves[0]].set_index(["participant_id", "code"])
    after = grid[grid["wave"] != waves[0]].groupby(["participant_id", "code"])["r"].any()
    rows = []
    for (pid, code), row in first.iterrows():
        later = bool(after.get((pid, code), False))
        if row["a"]:
            kind = "realised" if later else "unmet_expectation"
        elif row["r"]:
            kind = "under_way_reported" if later else "under_way_not_reported"
        else:
            kind = "unanticipated" if later else "not_mentioned"
        rows.append({"code": code, "kind": kind})
    return pd.crosstab(pd.DataFrame(rows)["code"], pd.DataFrame(rows)["kind"])


def _table(report, name):
    from impact.report import Table

    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def test_every_realisation_column_is_an_exact_count_of_the_planted_trajectories(three_waves):
    """Main counted an impact a participant reported before the review as under way (without anticipating it) as
    'not mentioned' when it was not reported after, and as 'unanticipated' when it was: neither column was what it
    said. Now each participant and impact is in one column, those under way before the review in two of their own;
    every cell shown equals the count of the planted trajectories, at min_count 1 and 5 (where cells below 5 are c)."""
    study, truth, findings, reports = three_waves
    codes = list(findings.trajectory_summary["code"])
    planted = _planted_realisation(study, truth, codes)
    assert planted.get("under_way_not_reported", pd.Series(0)).sum() > 0, planted  # the case the fault was in
    for min_count, report in reports.items():
        data, checked = _table(report, "realisation").data.set_index("impact"), 0
        for kind in ("realised", "unmet_expectation", "unanticipated", "not_mentioned", "under_way_reported",
                     "under_way_not_reported"):
            for code in codes:
                cell = data.loc[code, f"n_{kind}"]
                want = int(planted[kind].get(code, 0)) if kind in planted else 0
                if str(cell) == "c":  # suppressed: below min_count, or one that would give such a count back
                    continue
                checked += 1
                assert int(cell) == want, (min_count, kind, code, cell, want)
                assert want == 0 or want >= min_count, (min_count, kind, code, want)
        assert checked >= (len(codes) if min_count == 1 else 1), (min_count, data)


def test_the_summarys_yardstick_is_the_sum_of_two_columns_of_the_realisation_table(three_waves):
    """Seed 44202: the summary's "of the 349 impacts the same participants had neither expected nor reported before
    the review, 226 (65%)" were in no table. Now they are the totals of n_unanticipated and n_not_mentioned (and of
    n_unanticipated alone), as the table's note says, and the summary states them."""
    from test_report_truth_round44 import (
        _yardstick,  # computed from the participants' panel, not the report
    )

    _, _, findings, reports = three_waves
    yard = _yardstick(findings).iloc[0]
    n, k = int(yard["n"]), int(yard["n_reported"])
    report = reports[1]
    data = _table(report, "realisation").data
    assert int(data["n_unanticipated"].astype(int).sum()) == k
    assert int(data["n_not_mentioned"].astype(int).sum()) == n - k
    summary = " ".join(i for b in report.sections[0].blocks for i in getattr(b, "items", ()))
    assert f"of the {n:,} impacts the same participants had neither expected nor reported before the review, {k:,} " \
           in summary, summary
    assert "its impacts neither expected nor reported before the review, those of n_unanticipated and " \
           "n_not_mentioned" in _table(report, "realisation").notes


# ----------------------------------------------------------------------------------- reports of one, two and three waves
@pytest.fixture(scope="module")
def by_waves(by_waves_reports):
    """One study of 9 councils (seed 45301: too few in intervention at its first wave to compare) cut to its first one,
    two and three waves (:func:`conftest.keep_waves`), each analysed with its planted coding; ``{n_waves: (study, report)}`` at min_count 5
    (:func:`conftest.by_waves_reports`, shared with round 48)."""
    return {n: (study, report) for n, (study, report, _) in by_waves_reports.items()}


def _sentences(report) -> list[str]:
    """Every sentence-bearing text of ``report`` as rendered to HTML (tags removed, entities read), one per text node
    line, and the model's paragraphs, bullets, callouts, captions and notes."""
    from impact.report import Bullets, Callout, Figure, Paragraph, Table
    from impact.report._html import render_html

    texts = []
    for s in report.sections:
        texts.append(s.title)
        for b in s.blocks:
            if isinstance(b, Bullets):
                texts += list(b.items)
            elif isinstance(b, (Paragraph, Callout)):
                texts.append(b.text)
            elif isinstance(b, Table):
                texts += [b.caption, b.notes]
            elif isinstance(b, Figure):
                texts.append(b.caption)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", render_html(report), flags=re.S)
    texts += [html.unescape(t) for t in re.split(r"<[^>]+>", page)]
    return [line.strip() for t in texts for line in t.split("\n") if line.strip()]


#: Words that need at least this many waves after the review (the key) to be true of a study.
_NEEDS_LATER = {
    2: re.compile(r"\bboth later waves\b|\btwo (?:later )?waves after\b|\bboth waves after the review\b|"
                  r"\blater waves\b|\bsustained, faded\b|\bfaded: at the first\b|\breported as realised afterwards\b"),
    1: re.compile(r"\bstatements reporting an? \w+ after the review\b|\bGEE\b|\bbetween (?:the )?waves\b|"
                  r"\bboth waves\b|\bWilcoxon|\bFriedman"),
}


#: A method's words, by the table of its figures: described only in a report that shows that table.
_METHOD_OF = {"gee_models": re.compile(r"\bGEE\b"), "comparisons": re.compile(r"Hodges-Lehmann|Rank-biserial"),
              "change_over_time": re.compile(r"\bFriedman|\bWilcoxon")}


def test_reports_of_one_two_and_three_waves_have_no_double_space_nor_wave_words_their_design_contradicts(by_waves):
    """Main's report of a one-wave study read "What participants said  about the parts of the review" (a double
    space), "Each impact reported , by what the speaker credited it to" above a table of zeros, "a participant
    interviewed at both waves counts at each", the models' method above "No model could be fitted" (and, where no
    comparison by status was computed, the comparisons' method above "Not computed"), and its methods
    defined expectations realised and impact sustained "at both later waves"; its two-wave report said "both waves"
    of the one wave after the review it counted, defined the same trajectories, and named Friedman's test. Each report
    of 1, 2 and 3 waves: no double space, no space before a comma, no sentence needing more waves after the review than
    the study has, "both waves" only where the sentence names two waves or is of a study of two, and a method (GEE,
    Hodges-Lehmann, Friedman or Wilcoxon) only in a report that shows the table of its figures."""
    from impact.report import Table

    for n, (study, report) in by_waves.items():
        shown = {b.name for sec in report.sections for b in sec.blocks if isinstance(b, Table)}
        labels = [w["label"].split(",")[0].lower() for w in study.meta["waves"]]
        later = n - 1
        for text in _sentences(report):
            assert "  " not in text, (n, text)
            assert not re.search(r"\s[,;:]|\s\.(?![.\d])", text), (n, text)
            for need, words in _NEEDS_LATER.items():
                m = words.search(text)
                assert later >= need or m is None, (n, m and m.group(), text)
            for name, words in _METHOD_OF.items():
                assert name in shown or not words.search(text), (n, name, text)
            if "both waves" in text:  # of a study of two, of its two waves after the review, or of two it names
                named = sum(lab in text.lower() for lab in labels)
                assert (n == 2 and named != 1 or named >= 2
                        or later == 2 and "both waves after the review" in text), (n, text)
