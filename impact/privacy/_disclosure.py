"""Statistical disclosure control for published tables and quote attribution.

:func:`suppress_counts` hides small counts in a table of counts (primary
suppression) and then enough other cells that the published totals cannot
give them back (secondary suppression):

1. Every count ``0 < n < threshold`` is suppressed (zeros too with
   ``suppress_zero=True``); a total cell in the table under the threshold is
   suppressed like any count.
2. Each *line* is a row or a column whose total is published (``totals``;
   the table's own total column/row count as published totals).  While a line
   has exactly one suppressed cell, the smallest visible non-zero cell of
   that line is suppressed too (a zero only if there is no other), repeating
   until nothing changes.
3. The line rule is not enough on its own: a chain of suppressed cells can
   still be solved from the totals.  So the feasible range of every suppressed
   cell is computed exactly by linear programming (minimum and maximum of the
   cell over all non-negative tables that agree with what is published; the
   row/column-sum constraints are totally unimodular, so the bounds are those
   of integer tables) and, while some cell is pinned to one value, another
   cell beside it is suppressed and step 2 runs again.
4. Share or percentage columns are suppressed wherever a count they derive
   from is suppressed.

The result keeps the numbers and shows suppressed cells as ``"c"`` (the DfE
convention), so the count columns become ``object`` columns;
:func:`suppression_mask` gives the boolean mask instead, for analyses that
keep numbers.  A cell that no suppression inside the table can protect is
reported with a :class:`DisclosureWarning` (this happens only when every cell
of its lines is already suppressed, e.g. a row whose other cells sit in
columns with a published total of zero).

:func:`coarsen_attribution` gives each quote the most detailed attribution
label ("Health partner, early impact, council under a notice to improve") that
is shared by quotes from at least ``k`` different councils, coarsening step by
step ("Partner, early impact, council in intervention" ... "Participant").

References
----------
Hundepool, A. et al. (2012). *Statistical Disclosure Control*. Wiley, ch. 5
(tabular data: primary and secondary cell suppression, audit by linear
programming).
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._frames import as_text, text_series
from .._words import _counted, _verb
from ..errors import ImpactWarning, user_level
from ..vocab import INTERVENTION_LEVELS, ROLE_GROUPS, ROLES

__all__ = [
    "DisclosureWarning",
    "SUPPRESSED",
    "suppression_mask",
    "suppress_counts",
    "ROLE_GROUP_LABELS",
    "STATUS_GROUPS",
    "DEFAULT_ATTRIBUTION_LEVELS",
    "coarsen_attribution",
]

#: Symbol shown for a suppressed cell (DfE "c", confidential).
SUPPRESSED = "c"

Totals = Literal["both", "rows", "columns", "none"]
_TOTALS = ("both", "rows", "columns", "none")


class DisclosureWarning(ImpactWarning):
    """A published value could still disclose a small count or a council."""


Cell = tuple[int, Hashable]  # (row position, column name)


class _Table:
    """The cells, values and linear constraints (lines) of one table of counts."""

    def __init__(self, table: pd.DataFrame, columns: list[Hashable], total_column, total_row_pos, totals: str):
        self.values: dict[Cell, float] = {}
        self.lines: list[list[tuple[Cell, int]]] = []
        rows = [i for i in range(len(table)) if i != total_row_pos]
        for i in range(len(table)):
            for c in [*columns, *([total_column] if total_column is not None else [])]:
                self.values[(i, c)] = float(table[c].iloc[i])
        by_rows = totals in ("both", "rows") or total_column is not None
        by_columns = totals in ("both", "columns") or total_row_pos is not None
        if by_rows:
            for i in [*rows, *([total_row_pos] if total_row_pos is not None else [])]:
                line = [((i, c), 1) for c in columns]
                if total_column is not None:
                    line.append(((i, total_column), -1))
                self.lines.append(line)
        if by_columns:
            for c in [*columns, *([total_column] if total_column is not None else [])]:
                line = [((i, c), 1) for i in rows]
                if total_row_pos is not None:
                    line.append(((total_row_pos, c), -1))
                self.lines.append(line)

    def pinned(self, hidden: set[Cell]) -> list[Cell]:
        """Suppressed cells whose value the published cells and totals fix exactly."""
        unknown = sorted(hidden, key=str)
        if not unknown:
            return []
        index = {cell: n for n, cell in enumerate(unknown)}
        a = np.zeros((len(self.lines), len(unknown)))
        b = np.zeros(len(self.lines))
        for r, line in enumerate(self.lines):
            for cell, coef in line:
                if cell in index:
                    a[r, index[cell]] += coef
                    # What is published about the line (its total, inside the table
                    # or elsewhere, less the visible cells) equals the hidden cells' sum.
                    b[r] += coef * self.values[cell]
        keep = np.any(a != 0, axis=1)
        a, b = a[keep], b[keep]
        # The true table is one solution; every LP optimum found is another, and
        # any cell that differs between two solutions is not pinned.
        # imported here: reading or validating a study needs no solver (0.3-0.5 s of start-up)
        from scipy.optimize import linprog

        truth = np.array([self.values[c] for c in unknown])
        free = ~np.any(a != 0, axis=0)  # in no published line
        out = []
        for cell, n in index.items():
            cost = np.zeros(len(unknown))
            cost[n] = 1.0
            for sign in (-1.0, 1.0):
                if free[n]:
                    break
                res = linprog(sign * cost, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
                if res.status == 3:  # unbounded
                    free[n] = True
                elif res.status == 0:
                    free |= np.abs(res.x - truth) > 0.5
            if not free[n]:
                out.append(cell)
        return out


def _validate_counts(table: pd.DataFrame, columns: Sequence[Hashable]) -> None:
    problems = []
    for c in columns:
        if c not in table.columns:
            problems.append(f"{c!r} is not a column")
            continue
        values = pd.to_numeric(table[c], errors="coerce")
        bad = table.index[values.isna() | (values < 0) | (values != np.floor(values))]
        if len(bad):
            problems.append(f"column {c!r} has values that are not whole counts >= 0 at rows {list(bad)[:10]}")
    if problems:
        raise ValueError("`count_columns` must name columns of whole counts: " + "; ".join(problems) + ".")


def _check_totals(table: pd.DataFrame, columns: list[Hashable], total_column, total_row_pos) -> None:
    body = table.drop(index=table.index[total_row_pos]) if total_row_pos is not None else table
    problems = []
    if total_column is not None:
        sums = table[columns].sum(axis=1)
        bad = table.index[sums.to_numpy() != table[total_column].to_numpy()]
        problems += [f"row {r!r}: {total_column!r} is {table.loc[r, total_column]}, the counts sum to {sums[r]}" for r in bad]
    if total_row_pos is not None:
        label = table.index[total_row_pos]
        for c in [*columns, *([total_column] if total_column is not None else [])]:
            if body[c].sum() != table[c].iloc[total_row_pos]:
                problems.append(f"column {c!r}: row {label!r} is {table[c].iloc[total_row_pos]}, the rows sum to {body[c].sum()}")
    if problems:
        raise ValueError("The totals must equal the sums of the counts: " + "; ".join(problems[:10]) + ".")


def _choose(candidates: list[Cell], values: Mapping[Cell, float], pos: Mapping[Cell, int]) -> Cell:
    # Smallest non-zero cell first (a suppressed zero protects little), then table order.
    return min(candidates, key=lambda c: (values[c] == 0, values[c], pos[c]))


def suppression_mask(
    table: pd.DataFrame,
    *,
    count_columns: Sequence[Hashable],
    threshold: int = 5,
    totals: Totals = "both",
    total_column: Hashable | None = None,
    total_row: Hashable | None = None,
    share_columns: Mapping[Hashable, Hashable | Sequence[Hashable]] | None = None,
    suppress_zero: bool = False,
) -> pd.DataFrame:
    """Return which cells of a table of counts must be suppressed.

    Parameters are those of :func:`suppress_counts`.

    Returns
    -------
    DataFrame of bool
        Same index as ``table``; columns ``count_columns``, ``total_column``
        and the share columns, ``True`` where the cell is suppressed.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"early": [3, 10, 12], "late": [8, 9, 20]}, index=["a", "b", "c"])
    >>> suppression_mask(t, count_columns=["early", "late"]).to_dict("list")
    {'early': [True, True, False], 'late': [True, True, False]}
    """
    columns = list(count_columns)
    if isinstance(count_columns, str) or not columns:
        raise ValueError("`count_columns` must be a non-empty list of column names.")
    if totals not in _TOTALS:
        from ..schema import not_one_of

        raise ValueError(not_one_of("totals", totals, list(_TOTALS)))
    if not isinstance(threshold, int | np.integer) or threshold < 1:
        raise ValueError(f"`threshold` must be a whole number >= 1, but {threshold!r} was passed.")
    if total_column is not None and total_column in columns:
        columns.remove(total_column)
    _validate_counts(table, columns + ([total_column] if total_column is not None else []))
    total_row_pos = None
    if total_row is not None:
        where = np.flatnonzero(table.index == total_row)
        if len(where) != 1:
            raise ValueError(f"`total_row` must be a label found once in the table's index, but {total_row!r} was found {len(where)} times.")
        total_row_pos = int(where[0])
    shares = {s: ([src] if isinstance(src, str) or not isinstance(src, Sequence) else list(src)) for s, src in (share_columns or {}).items()}
    missing = [c for s, src in shares.items() for c in [s, *src] if c not in table.columns]
    if missing:
        raise ValueError(f"`share_columns` names {missing}, which are not columns of the table.")

    _check_totals(table, columns, total_column, total_row_pos)
    model = _Table(table, columns, total_column, total_row_pos, totals)
    pos = {cell: n for n, cell in enumerate(model.values)}
    hidden = {c for c, v in model.values.items() if v < threshold and (v > 0 or suppress_zero)}
    lost: set[Cell] = set()
    while True:
        changed = True
        while changed:  # the line rule, until stable
            changed = False
            for line in model.lines:
                cells = [c for c, _ in line]
                if sum(c in hidden for c in cells) == 1:
                    candidates = [c for c in cells if c not in hidden]
                    if candidates:
                        hidden.add(_choose(candidates, model.values, pos))
                        changed = True
        added = False
        for cell in model.pinned(hidden):
            if cell in lost:
                continue
            beside = {c for line in model.lines if any(c == cell for c, _ in line) for c, _ in line} - hidden
            if beside:
                hidden.add(_choose(sorted(beside, key=pos.get), model.values, pos))
                added = True
                break
            lost.add(cell)
        if not added:
            break
    if lost:
        warnings.warn(
            f"{_counted(len(lost), 'suppressed cell')} can still be derived from totals published outside the table "
            f"(with every cell of their lines suppressed, the totals and non-negativity fix them): {sorted(lost, key=str)}",
            DisclosureWarning,
            stacklevel=user_level(),
        )
    out_columns = columns + ([total_column] if total_column is not None else []) + [s for s in shares if s not in columns]
    mask = pd.DataFrame(False, index=table.index, columns=out_columns)
    for i, c in hidden:
        mask.iloc[i, mask.columns.get_loc(c)] = True
    for share, sources in shares.items():
        derived = np.zeros(len(table), dtype=bool)
        for src in sources:
            if src in mask.columns:
                derived |= mask[src].to_numpy()
        mask[share] = mask[share].to_numpy() | derived if share in columns else derived
    return mask


def suppress_counts(
    table: pd.DataFrame,
    *,
    count_columns: Sequence[Hashable],
    threshold: int = 5,
    totals: Totals = "both",
    total_column: Hashable | None = None,
    total_row: Hashable | None = None,
    share_columns: Mapping[Hashable, Hashable | Sequence[Hashable]] | None = None,
    suppress_zero: bool = False,
    symbol: str = SUPPRESSED,
) -> pd.DataFrame:
    """Suppress small counts, and the cells that would give them away, in a copy.

    Parameters
    ----------
    table : DataFrame
        One row per category; the counts in ``count_columns``.
    count_columns : list
        Columns of whole, non-negative counts.
    threshold : int
        Counts ``0 < n < threshold`` are suppressed (default 5).
    totals : {"both", "rows", "columns", "none"}
        Which line totals are, or may be, published anywhere (in this table
        or elsewhere): row totals (across ``count_columns``), column totals,
        both (the default, the cautious choice) or none.  A ``total_column``
        or ``total_row`` in the table always counts as published.
    total_column : column name, optional
        Column holding each row's total of the count columns.
    total_row : index label, optional
        Row holding each column's total (e.g. ``"Total"`` after
        ``set_index``).
    share_columns : mapping, optional
        ``{share column: the count columns it is computed from}``; a share is
        suppressed wherever one of its counts is.
    suppress_zero : bool
        Also suppress zero counts.
    symbol : str
        What suppressed cells show (default ``"c"``).

    Returns
    -------
    DataFrame
        A copy in which the count, total and share columns are ``object``
        columns holding numbers and ``symbol``.

    Raises
    ------
    ValueError
        If a column is missing or not whole counts, or an option is unknown.

    Warns
    -----
    DisclosureWarning
        If a suppressed cell can still be derived from totals published
        outside the table.

    References
    ----------
    Hundepool, A. et al. (2012). *Statistical Disclosure Control*. Wiley, ch. 5.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame(
    ...     {"group": ["Partner", "Officer", "Member", "Total"], "early": [3, 10, 12, 25], "late": [8, 9, 20, 37]}
    ... ).set_index("group")
    >>> t["total"] = t["early"] + t["late"]
    >>> suppress_counts(t, count_columns=["early", "late"], total_column="total", total_row="Total")  # doctest: +NORMALIZE_WHITESPACE
            early late total
    group
    Partner     c    c    11
    Officer     c    c    19
    Member     12   20    32
    Total      25   37    62
    """
    mask = suppression_mask(
        table,
        count_columns=count_columns,
        threshold=threshold,
        totals=totals,
        total_column=total_column,
        total_row=total_row,
        share_columns=share_columns,
        suppress_zero=suppress_zero,
    )
    out = table.copy()
    for c in mask.columns:
        values = out[c].astype(object)
        values[mask[c].to_numpy()] = symbol
        out[c] = values
    return out


#: Labels of the role groups of :data:`impact.vocab.ROLE_GROUPS`.
ROLE_GROUP_LABELS: dict[str, str] = {
    "strategic_officer": "Strategic officer",
    "elected_member": "Elected member",
    "operational_officer": "Operational officer",
    "partner": "Partner",
    "other": "Other",
}
#: Intervention level (:data:`impact.vocab.INTERVENTION_LEVELS`) -> status group.
STATUS_GROUPS: dict[str, str] = {"none": "not_in_intervention", "notice": "in_intervention", "direction": "in_intervention"}
_STATUS_LABELS = {
    "none": "council not in intervention",
    "notice": "council under a notice to improve",
    "direction": "council under statutory direction",
}
_STATUS_GROUP_LABELS = {"in_intervention": "council in intervention", "not_in_intervention": "council not in intervention"}
_WAVE_LABELS = {"expectations": "before the review", "early": "early impact", "longer_term": "longer-term impact"}
#: Attribution levels, most detailed first.
DEFAULT_ATTRIBUTION_LEVELS: tuple[tuple[str, ...], ...] = (
    ("role", "wave", "status"),
    ("role_group", "wave", "status_group"),
    ("role_group", "status_group"),
    ("role_group",),
    (),
)
_EVERYONE = "Participant"


def _attribution_frame(quotes: pd.DataFrame, needed: set[str]) -> pd.DataFrame:
    """The quote columns the levels use, with role_group / status_group derived when absent."""
    frame = pd.DataFrame(index=quotes.index)
    problems = []
    derived = {"role_group": ("role", ROLE_GROUPS), "status_group": ("status", STATUS_GROUPS)}
    for column in sorted(needed | {"council_id"}):
        if column in quotes.columns:
            frame[column] = as_text(quotes[column])
        elif column in derived and derived[column][0] in quotes.columns:
            source, mapping = derived[column]
            unknown = sorted(set(quotes[source].dropna().astype(str)) - set(mapping))
            if unknown:
                problems.append(f"column {source!r} has values {unknown} - expected one of {sorted(mapping)}")
            frame[column] = as_text(quotes[source]).map(mapping)
        else:
            problems.append(f"column {column!r} is missing")
    for source, vocabulary in (("role", ROLES), ("status", INTERVENTION_LEVELS)):
        if source in needed and source in quotes.columns:
            unknown = sorted(set(quotes[source].dropna().astype(str)) - set(vocabulary))
            if unknown:
                problems.append(f"column {source!r} has values {unknown} - expected one of {sorted(vocabulary)}")
    if problems:
        raise ValueError("`quotes` cannot be attributed: " + "; ".join(dict.fromkeys(problems)) + ".")
    return frame


def _part_label(column: str, value: str, wave_labels: Mapping[str, str]) -> str:
    tables = {
        "role": ROLES,
        "role_group": ROLE_GROUP_LABELS,
        "status": _STATUS_LABELS,
        "status_group": _STATUS_GROUP_LABELS,
        "wave": wave_labels,
    }
    return tables.get(column, {}).get(value, value)


def _label(columns: Sequence[str], values: Sequence[str], wave_labels: Mapping[str, str]) -> str:
    if not columns:
        return _EVERYONE
    parts = [_part_label(c, v, wave_labels) for c, v in zip(columns, values, strict=True)]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def coarsen_attribution(
    quotes: pd.DataFrame,
    *,
    k: int = 3,
    levels: Sequence[Sequence[str]] = DEFAULT_ATTRIBUTION_LEVELS,
    wave_labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Label each quote with the most detailed attribution shared by ``k`` councils.

    Quotes are taken level by level: at each level the quotes not yet
    labelled are grouped by the level's columns, and every group whose quotes
    come from at least ``k`` distinct councils gets that level's label.  The
    empty level (``[]``, label ``"Participant"``) takes all remaining quotes
    when they come from at least ``k`` councils.  Quotes left over get no
    label (publish them unattributed, or not at all).

    Parameters
    ----------
    quotes : DataFrame
        One row per quote with ``council_id`` and the columns the levels
        use: ``role`` (:data:`impact.vocab.ROLES`), ``wave`` and ``status``
        (intervention level: "none", "notice", "direction", as in
        ``Study.wave_status()["intervention"]``).  ``role_group`` and
        ``status_group`` are derived from ``role`` and ``status`` when absent.
        Other columns may be used as they are.
    k : int
        Least number of distinct councils behind each label (default 3).
    levels : list of lists of column names
        From most to least detailed.
    wave_labels : mapping, optional
        Wave id -> text (default: "before the review", "early impact",
        "longer-term impact"); pass ``dict(zip(study.waves.wave, ...))`` to
        use a study's own labels.

    Returns
    -------
    DataFrame
        A copy of ``quotes`` with ``attribution_label`` (text; missing where
        no level is safe) and ``attribution_level`` (position in ``levels``).

    Raises
    ------
    ValueError
        If a column a level needs is missing or holds unknown values.

    Warns
    -----
    DisclosureWarning
        If some quotes cannot be given a label shared by ``k`` councils.

    Examples
    --------
    >>> import pandas as pd
    >>> q = pd.DataFrame({
    ...     "council_id": ["301", "302", "303"],
    ...     "role": ["health_partner", "police_partner", "education_partner"],
    ...     "wave": ["early", "early", "early"],
    ...     "status": ["notice", "direction", "notice"],
    ... })
    >>> coarsen_attribution(q, k=3)["attribution_label"].iloc[0]
    'Partner, early impact, council in intervention'
    >>> coarsen_attribution(q, k=1)["attribution_label"].iloc[0]
    'Health partner, early impact, council under a notice to improve'
    """
    if not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"`k` must be a whole number >= 1, but {k!r} was passed.")
    levels = [list(level) for level in levels]
    if not levels:
        raise ValueError("`levels` must hold at least one level (a list of column names; [] for none).")
    waves = {**_WAVE_LABELS, **(wave_labels or {})}
    frame = _attribution_frame(quotes, {c for level in levels for c in level})
    label = text_series(pd.NA, index=quotes.index)
    level_of = pd.Series(pd.NA, index=quotes.index, dtype="Int64")
    remaining = np.ones(len(frame), dtype=bool)
    for n, level in enumerate(levels):
        rest = frame[remaining]
        if rest.empty:
            break
        if not level:
            if rest["council_id"].nunique() >= k:
                label[remaining] = _EVERYONE
                level_of[remaining] = n
                remaining[:] = False
            continue
        councils = rest.groupby(level, dropna=False, observed=True)["council_id"].transform("nunique")
        ok = (councils >= k).to_numpy()
        if not ok.any():
            continue
        chosen = rest[ok]
        rows = np.flatnonzero(remaining)[ok]
        label.iloc[rows] = [_label(level, tuple(v), waves) for v in chosen[level].itertuples(index=False)]
        level_of.iloc[rows] = n
        remaining[rows] = False
    if remaining.any():
        warnings.warn(
            f"{_counted(int(remaining.sum()), 'quote')} {_verb(int(remaining.sum()), 'has')} no attribution shared by "
            f"{_counted(k, 'council')}; "
            f"{_verb(int(remaining.sum()), 'its attribution_label is', 'their attribution_label is')} left missing - do not "
            f"publish {_verb(int(remaining.sum()), 'it', 'them')} with an attribution",
            DisclosureWarning,
            stacklevel=user_level(),
        )
    out = quotes.copy()
    out["attribution_label"] = label
    out["attribution_level"] = level_of
    return out
