"""One name for one thing across a report's figures, tables and captions (impact.report._consistency, round 38).

The example's report named the councils at the intervention level 'none' "No intervention" (Table 2, Figure 1's
legend) where every other table and figure said "Not in intervention" for the same councils at a wave, and Figure 1
wrote a suppressed level "notice to improve / improvement notice" beside Table 2's "Notice to Improve / Improvement
Notice".  The check collects every label outside the running text (tables' captions, headings and text cells;
figures' captions, titles, axis and tick labels, legends and texts, read from the matplotlib artists) and finds a
thing named two ways, by what the labels say and by what they name.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from conftest import report_of  # noqa: E402
from matplotlib.figure import Figure as MplFigure  # noqa: E402

from impact.report import Figure, Report, Section, Table, Vocabulary  # noqa: E402
from impact.report._consistency import label_clashes, label_key, report_labels  # noqa: E402

_WAVES = {"expectations": "Expectations before the review", "early": "Early impact (about 3 months after)",
          "longer_term": "Longer-term change (about 12 months after)"}


def _figure(name: str, legend: list[str], ticks: list[str]) -> Figure:
    fig = MplFigure()
    ax = fig.subplots()
    for k, label in enumerate(legend):
        ax.plot([0, 1], [k, k + 1], label=label)
    ax.set_yticks(range(len(ticks)), ticks)
    ax.legend()
    return Figure(name, fig, "A figure", "Lines.")


def _report(blocks) -> Report:
    return Report("r", "", {}, [Section("s", blocks)], vocabulary=Vocabulary().with_waves(_WAVES))


def _keys(report: Report) -> dict[str, list[str]]:
    return {key: [text for text, _ in ways] for key, ways in label_clashes(report)}


def test_a_wave_written_two_ways_is_found_where_it_is():
    # planted: the table shows the vocabulary's wave labels; the figure's legend writes one wave without its hyphen,
    # another table's heading joins it lower-case after a comma (allowed) and a qualifier in brackets (allowed)
    table = Table("waves", pd.DataFrame({"wave": list(_WAVES), "n": [3, 4, 5]}), "Interviews at each wave")
    other = Table("shares", pd.DataFrame({"impact": ["x"], "share": [0.5]}), "Shares",
                  labels={"share": "Share, early impact"})
    figure = _figure("trend", ["Expectations before the review", "Longer term change"], ["Early impact"])
    clashes = label_clashes(_report([table, other, figure]))
    assert [(key, [text for text, _ in ways]) for key, ways in clashes] == [
        ("longer term change", ["Longer term change", "Longer-term change"])]
    [(_, ways)] = clashes
    assert dict(ways) == {"Longer term change": ["Figure 1, legend"],
                          "Longer-term change": ["Table 1, column 'Wave'"]}


def test_a_status_group_under_two_names_is_found_by_what_it_names():
    # planted: the same councils named two ways that share no spelling: a table overriding the vocabulary's label
    # of the group, and a figure using the vocabulary's own; found by the value each names, not by the words
    plain = Table("groups", pd.DataFrame({"status_group": ["no_intervention", "intervention"], "n": [4, 5]}), "Groups")
    renamed = Table("renamed", pd.DataFrame({"status_group": ["no_intervention"], "n": [4]}), "Renamed",
                    value_labels={"status_group": {"no_intervention": "Councils left alone"}})
    figure = _figure("bars", ["Not in intervention", "In intervention"], [])
    clashes = dict(label_clashes(_report([plain, renamed, figure])))
    assert set(clashes) == {"status:no_intervention"}
    assert dict(clashes["status:no_intervention"]) == {
        "Councils left alone": ["Table 2, column 'Intervention status'"],
        "Not in intervention": ["Table 1, column 'Intervention status'", "Figure 1, legend"]}
    # the intervention level 'none' and the group 'no_intervention' are the same councils at a wave: one label
    v = Vocabulary()
    assert v.value("intervention", "none") == v.value("status_group", "no_intervention") == "Not in intervention"
    assert not label_clashes(_report([plain, Table("levels", pd.DataFrame({"intervention": ["none", "notice"],
                                                                          "n": [4, 5]}), "Levels")]))


def test_label_key_keeps_words_that_change_the_meaning():
    assert label_key("Councils in intervention") != label_key("Councils not in intervention")
    assert label_key("95% CI") == label_key("95 % CI") == label_key("95 per cent CI")
    assert label_key("Early impact vs. expectations") == label_key("Early impact versus expectations")


def test_the_example_and_a_generated_report_name_each_thing_one_way(example_run, ten_council_run):
    for run in (example_run, ten_council_run):
        report, _ = report_of(run.findings)
        uses = report_labels(report)
        # guard: the check read the figures' legends and ticks and the tables' cells, not only their captions
        wheres = " ".join(u.where for u in uses)
        assert "legend" in wheres and "tick" in wheres and "column 'Wave'" in wheres
        assert any(u.thing == ("status", "no_intervention") for u in uses)
        assert label_clashes(uses) == [], label_clashes(uses)
