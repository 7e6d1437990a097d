"""Tests of small-count suppression and coarsened quote attribution.

The protection of suppressed cells is audited independently of the library:
by brute-force enumeration of every non-negative integer table that agrees
with what is published (margins published outside the table), and by integer
programming (scipy.optimize.milp) when the margins are cells of the table.
"""

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import Bounds, LinearConstraint, milp

from impact.privacy import DisclosureWarning, coarsen_attribution, suppress_counts, suppression_mask
from impact.vocab import ROLE_GROUPS, ROLES

THRESHOLD = 5


def _frame(values: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(values, columns=[f"c{j}" for j in range(values.shape[1])])


def _compositions(total: int, caps: list[int]):
    """Every way to write ``total`` as len(caps) non-negative parts within caps."""
    if not caps:
        if total == 0:
            yield ()
        return
    for first in range(min(total, caps[0]) + 1):
        for rest in _compositions(total - first, caps[1:]):
            yield (first, *rest)


def _feasible_values(values: np.ndarray, hidden: np.ndarray) -> dict[tuple[int, int], set[int]]:
    """Brute force: the values each hidden cell takes over all tables matching the published cells and margins."""
    rows, cols = values.shape
    row_left = values.sum(axis=1) - np.where(hidden, 0, values).sum(axis=1)
    col_left = values.sum(axis=0) - np.where(hidden, 0, values).sum(axis=0)
    seen = {(i, j): set() for i, j in zip(*np.nonzero(hidden), strict=True)}
    by_row = [list(np.flatnonzero(hidden[i])) for i in range(rows)]

    def done() -> bool:
        return all(len(v) > 1 for v in seen.values())

    def walk(i: int, col_left: np.ndarray, chosen: list) -> bool:
        if i == rows - 1:  # the last row is fixed by what the columns still need
            last = [int(col_left[j]) for j in by_row[i]]
            others = np.delete(col_left, by_row[i])
            if sum(last) == row_left[i] and not others.any():
                for cell, v in chosen + [((i, j), p) for j, p in zip(by_row[i], last, strict=True)]:
                    seen[cell].add(v)
            return done()
        for parts in _compositions(int(row_left[i]), [int(col_left[j]) for j in by_row[i]]):
            left = col_left.copy()
            left[by_row[i]] -= np.array(parts, dtype=np.int64)
            if walk(i + 1, left, chosen + [((i, j), p) for j, p in zip(by_row[i], parts, strict=True)]):
                return True
        return False

    walk(0, col_left.copy(), [])
    return seen


def _check_external_margins(values: np.ndarray, threshold: int = THRESHOLD) -> None:
    table = _frame(values)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mask = suppression_mask(table, count_columns=list(table.columns), threshold=threshold)
    hidden = mask.to_numpy()
    # Primary: no published count in 1..threshold-1 survives.
    visible = values[~hidden]
    assert not ((visible > 0) & (visible < threshold)).any()
    # Secondary: no suppressed cell is pinned down by the published margins.
    pinned = {cell for cell, vals in _feasible_values(values, hidden).items() if len(vals) < 2}
    warned = [w for w in caught if issubclass(w.category, DisclosureWarning)]
    if pinned:
        # Only possible when a published margin is zero (known-zero cells), and never silently.
        assert warned, (values, hidden, pinned)
        assert (values.sum(axis=0) == 0).any() or (values.sum(axis=1) == 0).any()
    else:
        assert not warned


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(arrays(np.int64, st.tuples(st.integers(2, 4), st.integers(2, 3)), elements=st.integers(0, 9)))
def test_suppressed_cells_are_never_pinned_down_hypothesis(values):
    _check_external_margins(values)


def test_suppressed_cells_are_never_pinned_down_random_tables(rng):
    for _ in range(30):
        shape = tuple(rng.integers(2, 5, size=2))
        # Mostly small counts, so suppression patterns are rich.
        values = rng.poisson(rng.uniform(2, 9), size=shape)
        _check_external_margins(values)


def _milp_range(values_full: np.ndarray, hidden_full: np.ndarray, cell: tuple[int, int]) -> tuple[float, float]:
    """Min and max of a hidden cell over integer tables with margins as (possibly hidden) cells of the table."""
    r, c = values_full.shape  # last row / column are the totals
    index = {rc: n for n, rc in enumerate(zip(*np.nonzero(hidden_full), strict=True))}
    rows_a, rows_b = [], []
    lines = [[(i, j, 1) for j in range(c - 1)] + [(i, c - 1, -1)] for i in range(r)]
    lines += [[(i, j, 1) for i in range(r - 1)] + [(r - 1, j, -1)] for j in range(c)]
    for line in lines:
        a = np.zeros(len(index))
        b = 0.0
        for i, j, coef in line:
            if (i, j) in index:
                a[index[(i, j)]] += coef
            else:
                b -= coef * values_full[i, j]
        rows_a.append(a)
        rows_b.append(b)
    cons = LinearConstraint(np.array(rows_a), rows_b, rows_b)
    cost = np.zeros(len(index))
    cost[index[cell]] = 1
    kw = {"constraints": cons, "integrality": np.ones(len(index)), "bounds": Bounds(0, np.inf)}
    low, high = milp(cost, **kw), milp(-cost, **kw)
    assert low.success and high.success
    return low.fun, -high.fun


def test_margins_in_table_random(rng):
    for _ in range(20):
        shape = tuple(rng.integers(2, 5, size=2))
        values = rng.poisson(rng.uniform(2, 9), size=shape)
        table = _frame(values)
        cols = list(table.columns)
        table["total"] = table[cols].sum(axis=1)
        table.loc["Total"] = table.sum(axis=0)
        mask = suppression_mask(table, count_columns=cols, total_column="total", total_row="Total")
        full = table.to_numpy()
        hidden = mask[cols + ["total"]].to_numpy()
        small = (full > 0) & (full < THRESHOLD)
        assert not (small & ~hidden).any()
        for cell in zip(*np.nonzero(hidden), strict=True):
            lo, hi = _milp_range(full, hidden, cell)
            assert hi - lo >= 1, (full, hidden, cell)


def test_worked_example_with_totals_and_shares():
    table = pd.DataFrame(
        {"early": [3, 10, 12], "late": [8, 9, 20]}, index=pd.Index(["Partner", "Officer", "Member"], name="group")
    )
    table["total"] = table["early"] + table["late"]
    table["pct_early"] = table["early"] / table["total"] * 100
    before = table.copy()
    out = suppress_counts(
        table, count_columns=["early", "late"], total_column="total", share_columns={"pct_early": ["early", "total"]}
    )
    pd.testing.assert_frame_equal(table, before)
    # By hand: 3 < 5 is suppressed; its row's partner is 8 (the only other cell);
    # column "early" then has one hidden cell, so its smallest other (10) goes,
    # and row "Officer" then needs its other cell (9).  Column "late" has 8 and 9.
    assert out["early"].tolist() == ["c", "c", 12]
    assert out["late"].tolist() == ["c", "c", 20]
    assert out["total"].tolist() == [11, 19, 32]
    assert out["pct_early"].tolist() == ["c", "c", 12 / 32 * 100]
    assert out["early"].dtype == object


def test_bridge_between_cycles_is_caught_by_the_audit():
    # Nine small cells form two 2x2 cycles joined by the bridge (1, 2): every
    # line has two or more hidden cells, so the line rule alone stops, yet the
    # bridge equals (row 0 + row 1 totals) - (column 0 + column 1 totals) - visible.
    values = np.array(
        [
            [1, 2, 30, 40, 50],
            [3, 4, 1, 40, 50],
            [30, 30, 2, 3, 50],
            [30, 30, 4, 1, 50],
            [30, 30, 30, 40, 50],
        ]
    )
    hidden = suppression_mask(_frame(values), count_columns=[f"c{j}" for j in range(5)]).to_numpy()
    primary = (values > 0) & (values < THRESHOLD)
    assert hidden[primary].all()
    assert hidden.sum() > primary.sum()
    assert all(len(v) > 1 for v in _feasible_values(values, hidden).values())


def test_unprotectable_cell_warns():
    # Column 1's published total is 0, so row 0 reveals its single non-zero cell.
    with pytest.warns(DisclosureWarning, match="can still be derived from totals published outside the table"):
        suppression_mask(_frame(np.array([[3, 0], [20, 0]])), count_columns=["c0", "c1"])


def test_rows_only_and_zero_options():
    table = _frame(np.array([[2, 7, 0, 9], [6, 8, 10, 12]]))
    cols = list(table.columns)
    rows_only = suppression_mask(table, count_columns=cols, totals="rows")
    assert rows_only.to_numpy().tolist() == [[True, True, False, False], [False, False, False, False]]
    none = suppression_mask(table, count_columns=cols, totals="none")
    assert none.to_numpy().sum() == 1
    zero = suppression_mask(table, count_columns=cols, totals="none", suppress_zero=True)
    assert zero.to_numpy().tolist() == [[True, False, True, False], [False, False, False, False]]
    out = suppress_counts(table, count_columns=cols, totals="none", symbol="[c]")
    assert out.loc[0, "c0"] == "[c]"


def test_bad_arguments():
    table = _frame(np.array([[2, 7], [6, 8]]))
    with pytest.raises(ValueError, match=r"The value for `totals` must be one of \['both', 'rows', 'columns', 'none'\]"):
        suppression_mask(table, count_columns=["c0"], totals="all")
    with pytest.raises(ValueError, match=r"column 'c0' has values that are not whole counts >= 0 at rows \[1\]"):
        suppression_mask(table.assign(c0=[2, -1]), count_columns=["c0", "c1"])
    with pytest.raises(ValueError, match=r"'nope' is not a column"):
        suppression_mask(table, count_columns=["nope"])
    with pytest.raises(ValueError, match="was found 0 times"):
        suppression_mask(table, count_columns=["c0"], total_row="Total")
    with pytest.raises(ValueError, match="`threshold` must be a whole number >= 1"):
        suppression_mask(table, count_columns=["c0"], threshold=0)


# --- attribution --------------------------------------------------------------

def _quotes(rng, n=300, councils=8):
    roles = list(ROLES)
    return pd.DataFrame(
        {
            "council_id": rng.choice([f"{300 + i}" for i in range(councils)], size=n),
            "role": rng.choice(roles, size=n, p=np.linspace(3, 1, len(roles)) / np.linspace(3, 1, len(roles)).sum()),
            "wave": rng.choice(["expectations", "early", "longer_term"], size=n),
            "status": rng.choice(["none", "notice", "direction"], size=n, p=[0.6, 0.3, 0.1]),
            "text": [f"quote {i}" for i in range(n)],
        }
    )


@pytest.mark.parametrize("k", [2, 3, 5])
def test_every_label_is_shared_by_k_councils(rng, k):
    quotes = _quotes(rng)
    before = quotes.copy()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = coarsen_attribution(quotes, k=k)
    pd.testing.assert_frame_equal(quotes, before)
    # Quotes left without a label are exactly those the warning is about.
    unlabelled = out["attribution_label"].isna()
    assert unlabelled.any() == any(issubclass(w.category, DisclosureWarning) for w in caught)
    assert unlabelled.mean() < 0.05
    assert out.loc[unlabelled, "council_id"].nunique() < k
    assert (out.groupby("attribution_label")["council_id"].nunique() >= k).all()
    # The finest level is used wherever it is safe: a quote labelled at level 0
    # is exactly one whose (role, wave, status) cell spans k councils.
    fine = quotes.groupby(["role", "wave", "status"])["council_id"].transform("nunique") >= k
    assert ((out["attribution_level"] == 0) == fine).all()
    # Coarser levels appear, and more of them as k grows.
    assert out["attribution_level"].max() > 0


def test_labels_read_well():
    quotes = pd.DataFrame(
        {
            "council_id": ["301", "302", "303", "304", "305", "306"],
            "role": ["health_partner", "police_partner", "lscb_chair", "dcs", "dcs", "dcs"],
            "wave": ["early"] * 3 + ["longer_term"] * 3,
            "status": ["notice", "direction", "notice", "none", "none", "none"],
        }
    )
    out = coarsen_attribution(quotes, k=3)
    assert out["attribution_label"].tolist() == ["Partner, early impact, council in intervention"] * 3 + [
        "Director of children's services, longer-term impact, council not in intervention"
    ] * 3
    assert ROLE_GROUPS["lscb_chair"] == "partner"
    custom = coarsen_attribution(quotes, k=6, levels=[["role_group"], []], wave_labels={"early": "three months on"})
    assert custom["attribution_label"].unique().tolist() == ["Participant"]
    waves = coarsen_attribution(quotes.iloc[:3], k=3, levels=[["wave"]], wave_labels={"early": "three months on"})
    assert waves["attribution_label"].unique().tolist() == ["Three months on"]


def test_too_few_councils_warns_and_leaves_label_missing():
    quotes = pd.DataFrame({"council_id": ["301", "302"], "role": ["dcs", "dcs"], "wave": ["early"] * 2, "status": ["none"] * 2})
    with pytest.warns(DisclosureWarning, match="2 quotes have no attribution shared by 3 councils"):
        out = coarsen_attribution(quotes, k=3)
    assert out["attribution_label"].isna().all()


def test_attribution_errors():
    quotes = pd.DataFrame({"council_id": ["301"], "role": ["wizard"], "wave": ["early"], "status": ["none"]})
    with pytest.raises(ValueError, match=r"column 'role' has values \['wizard'\]"):
        coarsen_attribution(quotes, k=1)
    with pytest.raises(ValueError, match="column 'status' is missing"):
        coarsen_attribution(quotes.drop(columns="status").assign(role="dcs"), k=1)
    with pytest.raises(ValueError, match="`k` must be a whole number >= 1"):
        coarsen_attribution(quotes, k=0)


def test_compositions_helper_is_exhaustive():
    # The brute-force audit relies on this enumerator: check it against itertools.
    caps = [2, 3, 1]
    expected = {p for p in itertools.product(*(range(c + 1) for c in caps)) if sum(p) == 3}
    assert set(_compositions(3, caps)) == expected
