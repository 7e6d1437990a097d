"""Group comparisons of councils' shares when each council has one or two interviews (stats12).

With so few interviews a council's share takes a few values (0, 50% and 100%), most pairs of councils tie, and the
Hodges-Lehmann shift the report published was "0, 95% CI 0 to 0" for 103 councils against 38 whose mean shares
differed (seed 31172). Where shares are heavily tied the comparisons now publish the difference in mean shares with a
Welch interval computed with a council at 0 and one at 1 added to each group. The planted groups below have known
mean shares; the intervals are recomputed here with numpy and scipy directly."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impact.stats import compare_groups


def _padded_welch(a: np.ndarray, b: np.ndarray, alpha: float = 0.05) -> tuple[float, float]:
    """The published interval, independently: Welch's t on each group with a 0 and a 1 added, centred on the
    unpadded difference in means, cut to -1 to 1."""
    aa, bb = np.r_[a, 0.0, 1.0], np.r_[b, 0.0, 1.0]
    va, vb = aa.var(ddof=1) / len(aa), bb.var(ddof=1) / len(bb)
    df = (va + vb) ** 2 / (va**2 / (len(aa) - 1) + vb**2 / (len(bb) - 1))
    half = stats.t.ppf(1 - alpha / 2, df) * np.sqrt(va + vb)
    d = b.mean() - a.mean()
    return max(d - half, -1.0), min(d + half, 1.0)


def _planted(counts_a: dict, counts_b: dict) -> pd.DataFrame:
    """Councils whose shares are given by how many councils of each group have each share."""
    rows = [{"council_id": f"{g}{k}", "status": g, "share": share}
            for g, counts in (("a", counts_a), ("b", counts_b))
            for share, n in counts.items() for k in range(n)]
    return pd.DataFrame([dict(r, council_id=f"{r['council_id']}_{i}") for i, r in enumerate(rows)])


@pytest.mark.parametrize("counts_a, counts_b", [
    # 103 councils against 38, two interviews each: most shares 0, means 17.0% and 31.6%
    ({0.0: 80, 0.5: 15, 1.0: 8}, {0.0: 22, 0.5: 8, 1.0: 8}),
    # one interview each (shares 0 or 1), 20 against 10: 25% and 70%
    ({0.0: 15, 1.0: 5}, {0.0: 3, 1.0: 7}),
    # one or two interviews, 7 against 5, the second group the lower
    ({0.0: 1, 0.5: 3, 1.0: 3}, {0.0: 3, 0.5: 2}),
])
def test_planted_mean_shares_are_recovered_within_a_published_interval(counts_a, counts_b):
    data = _planted(counts_a, counts_b)
    a = data.loc[data["status"] == "a", "share"].to_numpy()
    b = data.loc[data["status"] == "b", "share"].to_numpy()
    truth = sum(s * n for s, n in counts_b.items()) / sum(counts_b.values()) \
        - sum(s * n for s, n in counts_a.items()) / sum(counts_a.values())
    res = compare_groups(data, outcome="share", group="status", unit="council_id", outcome_type="continuous",
                         difference="auto", n_resamples=999).iloc[0]
    _, counts = np.unique(np.subtract.outer(b, a), return_counts=True)
    assert res["tied_differences"] == pytest.approx(counts.max() / counts.sum())
    assert res["difference_type"] == "mean_difference"
    assert res["difference"] == pytest.approx(truth)
    assert res["mean_a"] == pytest.approx(a.mean()) and res["mean_b"] == pytest.approx(b.mean())
    low, high = _padded_welch(a, b)
    assert (res["difference_ci_low"], res["difference_ci_high"]) == pytest.approx((low, high))
    assert res["difference_ci_low"] < truth < res["difference_ci_high"]
    # the p-value is a permutation test of the difference in means: it agrees with Welch's t test's to within the
    # Monte Carlo error of 999 resamples
    welch_p = stats.ttest_ind(b, a, equal_var=False).pvalue
    assert abs(res["p_value"] - welch_p) < 0.06, (res["p_value"], welch_p)


def test_the_hodges_lehmann_shift_is_kept_for_untied_shares():
    rng = np.random.default_rng(5)
    data = pd.DataFrame({"status": ["a"] * 12 + ["b"] * 9, "share": rng.uniform(size=21)})
    res = compare_groups(data, outcome="share", group="status", difference="auto", n_resamples=99).iloc[0]
    assert res["tied_differences"] == 1 / (12 * 9) and res["difference_type"] == "hodges_lehmann"
    assert res["difference"] == pytest.approx(np.median(np.subtract.outer(data["share"].to_numpy()[12:],
                                                                             data["share"].to_numpy()[:12])))
    assert (res["difference_ci_low"], res["difference_ci_high"]) == (res["hodges_lehmann_ci_low"],
                                                                      res["hodges_lehmann_ci_high"])


@pytest.mark.parametrize(("value_a", "value_b"), [(0.0, 0.0), (0.5, 0.5), (0.0, 0.5), (0.0, 1.0)])
def test_shares_tied_within_each_group_give_an_interval_of_more_than_one_value(value_a, value_b):
    """Every council of a group has the same share: both groups alike (an impact no one reported), or each group its
    own (all of one group 0, all of the other 50%). Every between-group difference is then one value, and the
    Hodges-Lehmann interval is that value to that value ("0 to 0", "50 to 50"), as if 40 councils against 12 could
    show the difference exactly. The difference in means is published, with an interval around it, within -1 to 1."""
    data = pd.DataFrame({"status": ["a"] * 40 + ["b"] * 12, "share": [value_a] * 40 + [value_b] * 12})
    res = compare_groups(data, outcome="share", group="status", difference="auto", n_resamples=99,
                         outcome_type="continuous").iloc[0]
    assert res["hodges_lehmann_ci_low"] == res["hodges_lehmann_ci_high"] == value_b - value_a  # the collapse
    assert res["tied_differences"] == 1
    assert res["difference_type"] == "mean_difference" and res["difference"] == value_b - value_a
    low, high = _padded_welch(np.full(40, value_a), np.full(12, value_b))
    assert (res["difference_ci_low"], res["difference_ci_high"]) == pytest.approx((low, high))
    assert res["difference_ci_low"] < value_b - value_a - 0.05
    assert res["difference_ci_high"] > value_b - value_a + 0.05 or res["difference_ci_high"] == 1
    assert -1 <= res["difference_ci_low"] and res["difference_ci_high"] <= 1
    assert (res["p_value"] == 1) == (value_a == value_b)


def test_difference_is_validated():
    data = pd.DataFrame({"status": ["a", "a", "b", "b"], "share": [0.0, 0.5, 0.5, 1.0]})
    with pytest.raises(ValueError, match="difference"):
        compare_groups(data, outcome="share", group="status", difference="median")


@pytest.fixture(scope="module")
def tiny_findings():
    from conftest import tiny_analysed

    return tiny_analysed()


def _report_comparisons(findings, planted: list[pd.DataFrame]):
    """The comparisons section of a report whose comparisons are those of ``planted`` (one frame per impact, at the
    first wave after the review), run as the pipeline runs them, every cell shown."""
    from impact.report._build import _comparisons, _Ctx

    codes = list(findings.codebook.top_codes())[:len(planted)]
    panel = pd.concat([d.assign(code=c, wave=findings.study.wave_ids[1]) for c, d in zip(codes, planted)])
    # the groups in the pipeline's order, so that differences are in intervention (b) minus not (a)
    panel["status"] = pd.Categorical(panel["status"].map({"a": "no_intervention", "b": "intervention"}),
                                     categories=["no_intervention", "intervention"])
    comparisons = compare_groups(panel, outcome="share", group="status", by=["code", "wave"], unit="council_id",
                                 outcome_type="continuous", difference="auto", n_resamples=199)
    ctx = _Ctx(dataclasses.replace(findings, comparisons=comparisons), False, 1, 5, None)
    ctx.shown = lambda *keys: True
    return _comparisons(ctx).blocks


def _forest_lines(blocks):
    """The forest plot's figure, its dots' x positions and its lines' ends, each sorted."""
    from matplotlib.axes import Axes

    from impact.report import Figure

    [fig] = [b for b in blocks if isinstance(b, Figure) and b.name == "comparisons_forest"]
    ax = fig.fig if isinstance(fig.fig, Axes) else fig.fig.axes[0]
    [dots] = [line for line in ax.lines if line.get_marker() == "o"]
    ends = sorted(tuple(sorted(seg[:, 0])) for col in ax.collections for seg in col.get_segments())
    return fig, ax, sorted(dots.get_xdata()), ends


def test_the_forest_figure_and_methods_show_the_tables_difference(tiny_findings):
    """The report's comparisons of tied shares: the table names the estimate of each row, the forest plot's dots and
    lines are the table's differences and intervals (in points), and its axis and the methods name the mean."""
    from impact.report import Paragraph, Table

    planted = [_planted({0.0: 30, 0.5: 6, 1.0: 4}, {0.0: 6, 0.5: 4, 1.0: 5}),
               _planted({0.0: 10, 0.5: 20, 1.0: 10}, {0.0: 5, 0.5: 5, 1.0: 5})]
    blocks = _report_comparisons(tiny_findings, planted)
    [table] = [b for b in blocks if isinstance(b, Table) and b.name == "comparisons"]
    assert list(table.data["difference_type"]) == ["mean_difference"] * 2
    assert "mean_a" in table.data.columns and "median_a" not in table.data.columns
    expected = [d[d["status"] == "b"]["share"].mean() - d[d["status"] == "a"]["share"].mean() for d in planted]
    np.testing.assert_allclose(table.data["difference"].astype(float), expected)
    assert (table.data["ci_low"] < table.data["ci_high"]).all()
    fig, ax, dots, ends = _forest_lines(blocks)
    assert "mean share" in ax.get_xlabel().replace("\n", " ") and "Hodges-Lehmann" not in ax.get_xlabel()
    assert "mean share" in fig.alt_text and "Hodges-Lehmann" not in fig.alt_text
    np.testing.assert_allclose(dots, sorted(np.array(expected) * 100))
    np.testing.assert_allclose(ends, sorted(zip(table.data["ci_low"].astype(float) * 100,
                                                table.data["ci_high"].astype(float) * 100)))
    methods = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert "difference in the groups' mean shares" in methods and "'0 to 0'" in methods


def test_a_table_of_tied_and_untied_shares_names_each_rows_difference(tiny_findings):
    """One impact's shares tied (two interviews per council), another's continuous: each row shows its own estimate,
    named in its row, with the groups' medians and means beside them, and the forest plot's axis and the methods
    say the differences are of both kinds."""
    from impact.report import Paragraph, Table

    rng = np.random.default_rng(12)
    untied = pd.DataFrame({"council_id": [f"u{k}" for k in range(30)], "status": ["a"] * 20 + ["b"] * 10,
                           "share": rng.uniform(0.05, 0.95, 30)})
    tied = _planted({0.0: 14, 0.5: 4, 1.0: 2}, {0.0: 3, 0.5: 3, 1.0: 4})
    blocks = _report_comparisons(tiny_findings, [tied, untied])
    [table] = [b for b in blocks if isinstance(b, Table) and b.name == "comparisons"]
    assert list(table.data["difference_type"]) == ["mean_difference", "hodges_lehmann"]
    assert {"mean_a", "mean_b", "median_a", "median_b"} <= set(table.data.columns)
    a, b = (untied.loc[untied["status"] == s, "share"].to_numpy() for s in "ab")
    ta, tb = (tied.loc[tied["status"] == s, "share"].to_numpy() for s in "ab")
    expected = [tb.mean() - ta.mean(), np.median(np.subtract.outer(b, a))]
    np.testing.assert_allclose(table.data["difference"].astype(float), expected)
    fig, ax, dots, _ = _forest_lines(blocks)
    np.testing.assert_allclose(dots, sorted(np.array(expected) * 100))
    assert "Hodges-Lehmann or in means" in ax.get_xlabel().replace("\n", " ")
    assert "'Difference estimated as'" in fig.alt_text
    methods = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert "Hodges-Lehmann shift (councils in intervention minus those not)" in methods and "mean shares" in methods


def test_the_report_compares_by_status_with_one_estimate_for_the_whole_table():
    """Chosen row by row, the bundled example's comparisons gave one impact the Hodges-Lehmann shift at one wave and
    the difference in means at the next. Planted: one code whose councils' shares take two values (0 and 50 %: every
    between-group difference tied) and one whose shares are spread (ten interviews a council): ``difference="auto"``
    mixes the two estimates; the pipeline's table shows the difference in means on both rows, the same numbers as
    ``difference="mean"`` gives (independently: the means of the planted shares)."""
    from impact import compare_groups
    from impact.pipeline import _status_comparisons

    rng = np.random.default_rng(5)
    n_out, n_in = 14, 8
    status = ["no_intervention"] * n_out + ["intervention"] * n_in
    tied = rng.choice([0.0, 0.5], size=n_out + n_in, p=[0.7, 0.3])
    spread = rng.binomial(10, np.r_[np.full(n_out, 0.3), np.full(n_in, 0.5)]) / 10 + rng.uniform(0, 0.01, n_out + n_in)
    known = pd.DataFrame({"council_id": [f"c{i}" for i in range(n_out + n_in)] * 2, "status_group": status * 2,
                          "code": ["tied"] * (n_out + n_in) + ["spread"] * (n_out + n_in), "wave": "early",
                          "share": np.r_[tied, spread]})
    args = dict(outcome="share", group="status_group", by=["code", "wave"], unit="council_id", method="permutation",
                outcome_type="continuous", n_resamples=199, seed=1)
    auto = compare_groups(known, difference="auto", **args)
    assert auto["difference_type"].nunique() == 2, auto[["code", "difference_type", "tied_differences"]]
    table = _status_comparisons(known, outcome="share", n_resamples=199, seed=1)
    assert set(table["difference_type"]) == {"mean_difference"}
    for code, shares in (("tied", tied), ("spread", spread)):
        row = table.set_index("code").loc[code]
        groups = pd.Series(shares).groupby(pd.Series(status)).mean()
        assert row["difference"] == pytest.approx(groups[row["group_b"]] - groups[row["group_a"]])
