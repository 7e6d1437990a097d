"""The report read whole (reader2): what the example's reader found and reader1 left. A limitation that denied a
column of the table it spoke of, a hand check offered for an impact whose model is withheld, indicator changes with
no unit, a randomisation p never said in words, two detectable odds-ratio spans without saying what each covers, a
comparisons table whose title ran against its columns, and a change table showing two of the three waves its test
used.

Each test reads the bundled example's report (machine-coded, as ``impact run`` makes it) and two studies generated
with seeds the project had not used (700000-799999), machine-coded as well."""

from __future__ import annotations

import re

import pytest
from conftest import analysed_synthetic, report_of
from test_report_reader1 import _section, _tables, _texts

#: Generated designs: (councils, seed); machine-coded, three interviews a wave of 300 words.
DESIGNS = [(24, 731559), (30, 786403)]


@pytest.fixture(scope="module", params=["example", *DESIGNS], ids=lambda p: p if isinstance(p, str) else f"seed{p[1]}")
def report(request):
    """The report of the example (``example_run``) or of a design of :data:`DESIGNS`, machine-coded."""
    findings = (request.getfixturevalue("example_run").findings if request.param == "example" else
                analysed_synthetic(*request.param, machine=True, interviews_per_wave=3, words_per_interview=300)[2])
    return report_of(findings)[0]


def _all_text(report) -> str:
    return " ".join(t for s in report.sections for t in _texts(s))


def test_the_limitation_on_credit_says_what_the_table_counts_apart(report):
    """The limitations said a change reported 'without naming a cause is counted as credited to it' (the review),
    beside a table whose 'Cause left open' column counted such statements apart (the example: 34). Where the table
    counts them, the limitation says so."""
    table = _tables(report).get("attribution")
    assert table is not None and "n_unclear" in table.data.columns
    methods = " ".join(_texts(_section(report, "Methods")))
    said = re.search(r"without naming a cause is counted as credited to it([^;.]*)", methods)
    assert said, methods
    assert "cause left open" in said.group(1), said.group(0)


def test_no_hand_check_is_offered_for_an_impact_whose_model_is_withheld(report):
    """The warning said the summary states a difference by intervention status in commitment 'as a finding only when
    a hand check ... agrees', where the summary had said its model is withheld and nothing is stated of its
    difference by status: no hand check could make one a finding (as round 38 ruled for models on too few councils)."""
    summary = _texts(_section(report, "Summary"))
    withheld = [re.match(r"The models? of (.*?) (?:is|are) withheld", t) for t in summary]
    withheld = [m.group(1) for m in withheld if m]
    if not withheld:
        pytest.skip("no model is withheld")
    warning = " ".join(t for t in summary if "cannot show that the coder errs alike" in t)
    offered = re.search(r"intervention status in the other (?:\w+ )?impacts? \((.*?)\) as a finding only when", warning)
    if offered:
        assert not any(name in offered.group(1) or offered.group(1) in name for name in withheld), (offered, withheld)


#: The unit a change in an indicator is stated in, by the unit of the indicator's label.
def _change_unit(unit: str) -> str:
    return "percentage points" if unit.startswith("%") else unit


def test_every_stated_indicator_change_carries_its_unit(report):
    """'Re-referrals within 12 months (% of referrals) changed by -2.25 after the review': of a share, 2.25 what? Every
    change of an indicator stated carries its unit (percentage points for a share, per 10,000 children for a rate),
    and the randomisation p the summary gives is said in words once."""
    text = _all_text(report)
    stated = list(re.finditer(r"\(((?:%|per )[^()]*)\) changed by [+\-\u2212]?\d[\d.,]*( [a-z0-9, ]+?)? (?:after|\()",
                              text))
    if not stated:
        pytest.skip("no indicator change is stated")
    for m in stated:
        assert m.group(2) and m.group(2).strip() == _change_unit(m.group(1)), m.group(0)
    summary = " ".join(_texts(_section(report, "Summary")))
    if "randomisation p" in summary:
        assert summary.count("A randomisation p is ") == 1, summary


def test_each_detectable_span_says_which_impacts_it_covers(report):
    """The summary gave the odds ratio the models could detect for the impacts it names ('at least 2.11 to 2.64') and
    the limitations another over every impact modelled ('2.04 to 2.95'), neither saying what it covers: the summary's
    now says 'in these two impacts' (of those it names) and the limitations' over how many impacts."""
    summary = " ".join(_texts(_section(report, "Summary")))
    methods = " ".join(_texts(_section(report, "Methods")))
    limit = re.search(r"detecting a change between .*? only if its odds ratio is at least ([\d.]+)(?: to ([\d.]+), "
                      r"depending on the ([a-z ]+?))?(, over (?:all|the) (\w+) impacts[^,(]*)?(?:,| \()", methods)
    said = list(re.finditer(r"shows no significant change between .*? in (.*?) once .*?80% chance of detecting a "
                            r"change( in (?:this impact|these (\w+) impacts))? only if its odds ratio was at least "
                            r"([\d.]+)", summary))
    if not (limit and said):
        pytest.skip("the summary or the limitations give no detectable odds ratio of a change")
    if limit.group(2) and "impact" in limit.group(3):  # a span over several impacts
        assert limit.group(4), limit.group(0)
    for m in said:
        assert m.group(2), m.group(0)
        named = len(re.split(r";|, and | and |, ", m.group(1))) if m.group(3) else 1
        if m.group(3):
            words = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
            assert m.group(3) in words and words.index(m.group(3)) + 2 <= named + 1, (m.group(0), named)


def test_the_comparisons_title_columns_and_difference_agree(report):
    """Table 11's title read 'In intervention vs Not in intervention' above columns of councils not in intervention
    first, and the methods said 'second group minus first'. The title names the groups in the columns' order and the
    difference's direction, which is the columns' second group minus their first (in the table's own figures)."""
    table = _tables(report).get("comparisons")
    if table is None:
        pytest.skip("councils are not compared by intervention status")
    assert "second group minus first" not in _all_text(report)
    caption = table.caption.lower()
    assert "(in intervention minus not in intervention)" in caption, caption
    assert caption.index("not in intervention and in intervention") < caption.index("minus"), caption
    d = table.data
    if "mean_a" in d.columns:
        rows = d[(d.get("difference_type") == "mean_difference")] if "difference_type" in d.columns else d
        for r in rows.to_dict("records"):
            vals = [r["mean_a"], r["mean_b"], r["difference"]]
            if all(isinstance(v, float) for v in vals):
                assert r["difference"] == pytest.approx(r["mean_b"] - r["mean_a"], abs=1e-9)


def test_the_change_table_says_the_waves_its_test_uses(report):
    """Table 12 showed medians at the first and last waves of a Friedman test across three: its note says the test
    uses all the waves and names those whose medians it does not show."""
    section = _section(report, "Comparisons by intervention status")
    table = _tables(report).get("change_over_time")
    if table is None:
        pytest.skip("no change across the waves is tested")
    intro = " ".join(_texts(section))
    across = re.search(r"across the (\d+) waves", intro)
    assert across, intro
    k = int(across.group(1))
    medians = [c for c in table.data.columns if c.startswith("median_")]
    if k > len(medians):
        assert f"the test uses all {k} waves" in table.notes, table.notes
        assert "not shown" in table.notes, table.notes
