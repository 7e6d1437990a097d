"""Impact trajectories across the waves: expectations -> early impact -> longer-term change.

Built from the estimands of :mod:`impact.measures`, not from "any mention":
``E`` is an *expectation* (the impact was ``anticipated`` at the expectations
wave), ``R1`` and ``R2`` are *realised* impact (``reported`` at the early and
longer-term waves).  Categories per unit (council or participant) and code:

``realisation``
    ``realised`` (E, then R1 or R2), ``unmet_expectation`` (E, neither R1 nor
    R2), ``unanticipated`` (not E, not reported at the expectations wave, then
    R1 or R2), ``not_mentioned`` (none of these at any wave); an impact not
    expected but reported at the expectations wave, as under way before the
    review, is ``under_way_reported`` (then R1 or R2) or
    ``under_way_not_reported`` (neither); ``incomplete`` when any of the three
    waves is missing.
``persistence``
    ``sustained`` (R1 and R2), ``faded`` (R1, not R2), ``emerging`` (not R1,
    R2), ``absent`` (neither), or ``incomplete``.

The insight -> action -> outcome chain (NFER 2014) uses the ``impact_level``
codebook: a council's chain is complete when it reported all three levels,
and ordered when no level first appeared before the one it builds on.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ._frames import as_flags, kept_labels, kept_order, lacking_hint, unclear_columns
from ._joins import _rows, names, refuse_unknown
from ._made import made_hint
from ._words import _counted, _named
from .errors import InputError
from .study import Study, require_study

__all__ = ["trajectories", "transition_matrix", "impact_chain", "action_completion", "REALISATION", "PERSISTENCE"]

#: Realisation categories, in the order reports show them.
REALISATION: tuple[str, ...] = ("realised", "unmet_expectation", "unanticipated", "not_mentioned", "under_way_reported",
                                 "under_way_not_reported", "incomplete")
#: Persistence categories, in the order reports show them.
PERSISTENCE: tuple[str, ...] = ("sustained", "faded", "emerging", "absent", "incomplete")


def _wave_names(study: Study | None, waves: Sequence[str] | None, panel: pd.DataFrame, *, n: int | None = 3) -> list[str]:
    """The waves to read, in order: ``waves`` if given (one name alone is that name, not its letters), else the
    study's, else the panel's (an ordered categorical ``wave``, or the order impact's panels keep in their attrs) where
    it holds ``n``, else the default three; ``n`` of them (None: two or more), each once, and each a wave the study or,
    without a study, the panel holds (a wave named wrong made every unit 'incomplete' without a word)."""
    require_study(study, "wave_ids", optional=True)
    if waves is not None:
        w = names(waves, "waves")
    elif study is not None:
        w = list(study.wave_ids)
    else:
        w = _panel_waves(panel) or []  # the panel's own order, where it has as many waves as are read
        if (n is not None and len(w) != n) or len(w) < 2:
            w = ["expectations", "early", "longer_term"]
    if (n is not None and len(w) != n) or len(w) < 2:
        wanted = ("three waves (expectations, early, longer term)" if n == 3 else "two waves or more, in order")
        if waves is None:  # the study's or the panel's own waves: nothing was passed (a 5-wave study was told so)
            source = "the study" if study is not None else "the panel"
            raise ValueError(f"`waves` must name {wanted}: {source} has {_counted(len(w), 'wave')}, {w!r}, and `waves` was not "
                             f"given - pass the {'three' if n == 3 else 'two or more'} to read, in order"
                             + (f" (e.g. waves={w[:n]!r})" if n is not None and len(w) > n else "") + ".")
        raise ValueError(f"`waves` must name {wanted}, but {w!r} was passed.")
    twice = sorted({str(x) for x in w if w.count(x) > 1})
    if twice:
        raise InputError(f"`waves` names the {_named('wave', twice)} more than once, in {w!r}: each wave is read once, "
                         "in order.")
    held = (sorted({str(x) for x in panel["wave"].dropna().unique()}) if isinstance(panel, pd.DataFrame)
            and "wave" in panel.columns else [])
    if waves is None and study is None and held and not set(map(str, w)) & set(held):
        # the default waves, none of them in the panel (waves numbered 0, 1, 2): every unit was 'incomplete', or the
        # table empty, without a word
        raise InputError(f"The panel's waves {held[:10]} are none of the default waves {w}: pass `waves` (the "
                         "panel's, in order) or `study`.")
    if waves is not None and isinstance(panel, pd.DataFrame) and "wave" in panel.columns:
        if study is not None:
            study._refuse_unknown("waves", w)
        else:
            refuse_unknown("waves", w, sorted({str(x) for x in panel["wave"].dropna().unique()}),
                           "the panel (pass `study` to name a wave not yet interviewed)",
                           labels=kept_labels(panel, "wave"))  # '3 months' told as 'early' by the panel's labels
    return w


def _panel_waves(panel: pd.DataFrame) -> list[str] | None:
    """The waves a panel holds in the order it keeps: an ordered categorical ``wave``'s, or the study's that the
    panels impact builds keep in their ``attrs`` (:func:`impact._frames.kept_order`)."""
    if isinstance(panel, pd.DataFrame) and "wave" in panel.columns:
        dtype = panel["wave"].dtype
        if isinstance(dtype, pd.CategoricalDtype) and dtype.ordered:
            return [w for w in dtype.categories if (panel["wave"] == w).any()]
        return kept_order(panel, "wave", panel["wave"])
    return None


def _states(panel: pd.DataFrame, keys: list[str], columns: dict[str, str]) -> pd.DataFrame:
    """``panel``'s ``columns`` as booleans (missing where missing), after refusing what cannot be read as one state
    per unit, code and wave: a value other than True/False or 1/0 ('no', 2, 0.5 were read as true, or failed inside
    pandas), or one unit, code and wave on two rows (only the first was read, the other dropped without a word).
    ``columns``: each column read, with the argument that names it."""
    out = panel.copy()
    for col, argument in columns.items():
        out[col] = as_flags(panel[col], f"`panel` column {col!r} (given as `{argument}`)")
    twice = panel.duplicated(keys, keep=False).to_numpy()
    if twice.any():
        first = panel.loc[twice, keys].iloc[0].tolist()
        raise InputError(f"`panel` has {_counted(int(twice.sum()), 'row')} sharing their {', '.join(keys)} with "
                         f"another ({_rows(panel.index[twice])}; first {first!r}): expected one row per "
                         f"{', '.join(keys)}" + (" (a panel of several codes is read with by='code')"
                                                if "code" in panel.columns and "code" not in keys else
                                                "; pass one panel of impact.council_panel or impact.participant_panel, "
                                                "not several joined") + ".")
    return out


def _check_panel(panel: pd.DataFrame, needed: tuple[str, ...], **columns: str | None) -> None:
    """Refuse a ``panel`` lacking a column of ``needed`` or one named by an argument (``unit="council_id"``), saying
    which (a column named by an argument was a KeyError)."""
    if not isinstance(panel, pd.DataFrame):
        raise TypeError(f"`panel` must be a pandas DataFrame, but {type(panel).__name__} was passed"
                        f"{made_hint(panel, 'panel')}.")
    wanted = [(col, "") for col in needed] + [(col, f" (given as `{arg}`)") for arg, col in columns.items() if col]
    read = {"": list(needed), **{arg: [col] for arg, col in columns.items() if col}}
    if (problem := unclear_columns(panel, "panel", read)) is not None:  # pandas failed deep inside on these
        raise InputError(problem)
    unit = columns.get("unit")
    if unit and unit in panel.columns and panel[unit].isna().any():
        # a row with no unit was a unit of its own (NaN), with a trajectory of its own
        blank = panel.index[panel[unit].isna().to_numpy()]
        raise InputError(f"`panel` column {unit!r} (given as `unit`) is missing on {_rows(blank)}: each row needs the "
                         "unit it is of.")
    for col, given in wanted:
        if col not in panel.columns:
            raise ValueError(f"`panel` has no column {col!r}{given}{lacking_hint([col], panel.columns)}; pass the "
                             "output of impact.council_panel.")


def trajectories(
    panel: pd.DataFrame,
    *,
    study: Study | None = None,
    waves: Sequence[str] | None = None,
    unit: str = "council_id",
    expected: str = "anticipated",
    realised: str = "reported",
) -> pd.DataFrame:
    """Classify each unit's trajectory per code across three waves.

    Parameters
    ----------
    panel : DataFrame
        From :func:`impact.council_panel` (or the participant panel with
        ``unit="participant_id"``).
    study : Study, optional
        Gives the wave order; otherwise ``waves``, the order the panel keeps
        (an ordered categorical ``wave``, or the study's waves, which the
        panels impact builds keep in ``attrs["order"]``), or the default three.
    waves : sequence of three str, optional
        Expectations, early and longer-term wave ids, in order.
    unit : str, default "council_id"
    expected : str, default "anticipated"
        Boolean column read at the first wave: the expectation.
    realised : str, default "reported"
        Boolean column read at the two later waves: realised impact; read at
        the first wave too, where it tells an impact already under way before
        the review (``under_way_reported`` / ``under_way_not_reported``) from
        one not mentioned then.

    Returns
    -------
    DataFrame
        One row per unit x code: the unit, ``code``, one boolean column per
        wave (``expected`` at the first, ``realised`` at the others; missing
        where the unit was not interviewed), ``realisation`` and
        ``persistence``.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"council_id": ["301"] * 3, "code": ["morale"] * 3,
    ...     "wave": ["expectations", "early", "longer_term"], "anticipated": [True, False, False],
    ...     "reported": [False, True, False]})
    >>> trajectories(p)[["realisation", "persistence"]].iloc[0].tolist()
    ['realised', 'faded']
    """
    from .study import refuse_swapped

    refuse_swapped(trajectories, panel=panel, study=study)
    _check_panel(panel, ("code", "wave"), unit=unit, expected=expected, realised=realised)
    e, r1, r2 = _wave_names(study, waves, panel)
    panel = _states(panel, [unit, "code", "wave"], {expected: "expected", realised: "realised"})
    first = panel["wave"] == e
    value = panel[realised].astype("boolean").where(~first, panel[expected].astype("boolean"))
    wide = (
        panel.assign(_v=value)
        .pivot_table(index=[unit, "code"], columns="wave", values="_v", aggfunc="first", dropna=False)
        .reindex(columns=[e, r1, r2])
        .reset_index()
    )
    wide.columns.name = None
    wide = _every_listed_unit(wide, study, unit)
    for w in (e, r1, r2):
        wide[w] = wide[w].astype("boolean")
    # the impacts reported at the first wave, under way before the review: counted as unanticipated or not mentioned,
    # they made both columns inexact (a participant who reported it before the review and not after was 'not
    # mentioned'), and their sums could not give the summary's impacts neither expected nor under way (truth45)
    before = (panel[first].set_index([unit, "code"])[realised].astype("boolean")
              .reindex(pd.MultiIndex.from_frame(wide[[unit, "code"]])).to_numpy())
    wide["realisation"] = [_realisation(a, b, c, u) for a, b, c, u in zip(wide[e], wide[r1], wide[r2], before)]
    wide["persistence"] = [_persistence(b, c) for b, c in zip(wide[r1], wide[r2])]
    return wide


def _every_listed_unit(wide: pd.DataFrame, study: Study | None, unit: str) -> pd.DataFrame:
    """``wide`` with a row, missing at every wave, for each council or participant the study lists that the panel has
    none of (never interviewed): not seen at its waves, so incomplete. Left out, the trajectory tables' incomplete
    counted only the people interviewed at some wave while the attrition table counts every listed participant
    (truth61: 47 incomplete where 48 participants missed a later wave, seed 61029 of 24 councils)."""
    listed = {"participant_id": "participants", "council_id": "councils"}.get(unit)
    if study is None or listed is None or wide.empty:
        return wide
    frame = getattr(study, listed)
    if unit not in frame.columns:
        return wide
    absent = frame.loc[~frame[unit].isin(wide[unit]), unit].drop_duplicates()
    if absent.empty:
        return wide
    codes = wide["code"].drop_duplicates()
    extra = pd.DataFrame({unit: absent.repeat(len(codes)).to_numpy(), "code": list(codes) * len(absent)})
    extra = extra.astype({unit: wide[unit].dtype, "code": wide["code"].dtype})
    return pd.concat([wide, extra], ignore_index=True)


def _known(x) -> bool:
    return x is not pd.NA and x is not None


def _realisation(e, r1, r2, under_way=False) -> str:
    # A unit missing either later wave is incomplete, whatever it reported at the other: counted as realised when it
    # reported the impact there, it could never be unmet, and realised / (realised + unmet) overstated the share of
    # expectations realised (seeds 74309 and 85127: 70% and 73%, where units seen at every wave realised 66% and 70%).
    if not (_known(e) and _known(r1) and _known(r2)):
        return "incomplete"
    if e:
        return "realised" if r1 or r2 else "unmet_expectation"
    if not _known(under_way):  # an impact not expected, with no word of whether it was under way before the review
        return "incomplete"
    if under_way:
        return "under_way_reported" if r1 or r2 else "under_way_not_reported"
    return "unanticipated" if r1 or r2 else "not_mentioned"


def _persistence(r1, r2) -> str:
    if not (_known(r1) and _known(r2)):
        return "incomplete"
    return {(True, True): "sustained", (True, False): "faded", (False, True): "emerging"}.get((bool(r1), bool(r2)), "absent")


def transition_matrix(
    panel: pd.DataFrame,
    *,
    study: Study | None = None,
    waves: Sequence[str] | None = None,
    unit: str = "council_id",
    outcome: str = "reported",
    by: str | None = "code",
) -> pd.DataFrame:
    """Counts of units moving between states from each wave to the next.

    ``outcome`` (default ``reported``, see :mod:`impact.measures`) is the
    boolean state compared across waves.

    ``waves`` (two or more, in order; each a wave of ``study``, or without it
    of the panel) are the waves compared, each with the next; default the
    study's waves, else the order the panel keeps (an ordered categorical
    ``wave``, or the study's waves kept in the ``attrs`` of the panels impact
    builds), else the default three.  A state that is not True/False
    (or 1/0), or one unit and wave (and ``by`` value) on two rows, is refused.

    Parameters
    ----------
    panel : DataFrame
        From :func:`impact.council_panel` (or the participant panel with
        ``unit="participant_id"``).
    study : Study, optional
        Gives the wave order; otherwise ``waves``, the order the panel keeps
        (an ordered categorical ``wave``, or the study's waves, which the
        panels impact builds keep in ``attrs["order"]``), or the default three.
    waves : sequence of str, optional
        The waves compared, each with the next (see above).
    unit : str, default "council_id"
        The column naming the unit followed across waves.
    outcome : str, default "reported"
        The boolean state compared.
    by : str or None, default "code"
        Column the counts are made within (None: the whole panel at once).

    Returns
    -------
    DataFrame
        Columns ``code`` (when ``by``), ``from_wave``, ``to_wave``,
        ``from_state``, ``to_state`` (True/False), ``n`` and ``share``
        (of the units in ``from_state``); units missing either wave are left
        out and counted in ``n_missing`` on every row of that pair.

    Examples
    --------
    >>> import pandas as pd, impact
    >>> panel = pd.DataFrame({"council_id": ["301"] * 3 + ["302"] * 3, "code": ["morale"] * 6,
    ...     "wave": ["expectations", "early", "longer_term"] * 2,
    ...     "anticipated": [True, False, False, False, False, False],
    ...     "reported": [False, True, True, False, True, False]})
    >>> moves = impact.transition_matrix(panel)
    >>> moves.loc[moves["to_wave"] == "longer_term", ["from_state", "to_state", "n"]].values.tolist()
    [[False, False, 0], [False, True, 0], [True, False, 1], [True, True, 1]]
    """
    from .study import refuse_swapped

    refuse_swapped(transition_matrix, panel=panel, study=study)
    _check_panel(panel, ("wave",), unit=unit, outcome=outcome, by=by)
    order = _wave_names(study, waves, panel, n=None)  # `waves` was ignored when `study` was given
    keys = [unit] + ([by] if by else [])
    panel = _states(panel, [*keys, "wave"], {outcome: "outcome"})
    wide = panel.pivot_table(index=keys, columns="wave", values=outcome, aggfunc="first", dropna=False)
    rows = []
    groups = wide.groupby(level=by, observed=True) if by else [(None, wide)]
    for g, sub in groups:
        for a, b in zip(order, order[1:]):
            if a not in sub.columns or b not in sub.columns:
                continue
            pair = sub[[a, b]]
            complete = pair.dropna()
            n_missing = len(pair) - len(complete)
            for fs in (False, True):
                n_from = int((complete[a].astype(bool) == fs).sum())
                for ts in (False, True):
                    n = int(((complete[a].astype(bool) == fs) & (complete[b].astype(bool) == ts)).sum())
                    row = {"from_wave": a, "to_wave": b, "from_state": fs, "to_state": ts, "n": n,
                           "share": n / n_from if n_from else float("nan"), "n_missing": n_missing}
                    if by:
                        row = {by: g, **row}
                    rows.append(row)
    return pd.DataFrame(rows)


def impact_chain(
    panel: pd.DataFrame,
    *,
    study: Study | None = None,
    levels: Sequence[str] = ("insight", "action", "outcome"),
    unit: str = "council_id",
    outcome: str = "reported",
) -> pd.DataFrame:
    """The insight -> action -> outcome chain per council (``impact_level`` codebook).

    Parameters
    ----------
    panel : DataFrame
        A council panel built from coding with the ``impact_level`` codebook.
    levels : three str
        Code ids of insight, action and improved practice, in chain order.
    study : Study, optional
        Gives the wave order; otherwise the panel's.
    unit : str, default "council_id"
        The column naming the unit (``participant_id`` for the participant panel).
    outcome : str, default "reported"
        The boolean column read at each wave.

    Returns
    -------
    DataFrame
        One row per unit: ``first_<level>`` (first wave the level was
        mentioned, or missing), ``n_levels`` (0-3), ``chain_complete`` (all
        three reported), ``chain_ordered`` (complete, and no level first seen
        before the level it builds on).

    Examples
    --------
    >>> import pandas as pd, impact
    >>> panel = pd.DataFrame({"council_id": ["301", "301", "301", "302", "302", "302"],
    ...     "code": ["insight", "action", "outcome"] * 2, "wave": ["early"] * 6,
    ...     "reported": [True, True, True, True, False, False]})
    >>> impact.impact_chain(panel)[["council_id", "chain_complete"]].values.tolist()
    [['301', True], ['302', False]]
    """
    from .study import refuse_swapped

    refuse_swapped(impact_chain, panel=panel, study=study)
    require_study(study, "wave_ids", optional=True)
    order = study.wave_ids if study is not None else _panel_waves(panel) or ["expectations", "early", "longer_term"]
    rank = {w: i for i, w in enumerate(order)}
    _check_panel(panel, ("code", "wave"), unit=unit, outcome=outcome)
    levels = _levels(panel, levels)
    panel = _states(panel, [unit, "code", "wave"], {outcome: "outcome"})
    sub = panel[panel["code"].isin(levels) & panel[outcome].fillna(False).astype(bool)]
    first = sub.assign(_r=sub["wave"].map(rank)).groupby([unit, "code"], observed=True)["_r"].min().unstack("code")
    first = first.reindex(index=sorted(panel[unit].unique()), columns=list(levels))
    out = pd.DataFrame({unit: first.index})
    for lv in levels:
        out[f"first_{lv}"] = [order[int(r)] if pd.notna(r) else None for r in first[lv]]
    ranks = first.to_numpy()
    out["n_levels"] = pd.notna(ranks).sum(axis=1)
    out["chain_complete"] = out["n_levels"] == len(levels)
    out["chain_ordered"] = [
        bool(complete and all(r[i] <= r[i + 1] for i in range(len(levels) - 1)))
        for complete, r in zip(out["chain_complete"], ranks)
    ]
    return out


def _levels(panel: pd.DataFrame, levels: Sequence[str]) -> list[str]:
    """``levels`` as a list of distinct codes the panel holds (one name alone was a TypeError inside pandas, a level
    named twice a ValueError, and a code the panel lacks a chain no council completes, without a word)."""
    out = names(levels, "levels")
    if not out:
        raise ValueError("`levels` must name the codes of the chain, in order, but none was passed.")
    twice = sorted({str(x) for x in out if out.count(x) > 1})
    if twice:
        raise InputError(f"`levels` names the {_named('code', twice)} more than once, in {out!r}: each level of the "
                         "chain is one code.")
    if len(panel):  # an empty panel: no council to chain
        refuse_unknown("levels", out, sorted({str(x) for x in panel["code"].dropna().unique()}),
                       "the panel (build it from coding with the impact_level codebook)", noun="code")
    return out


def action_completion(study: Study) -> pd.DataFrame:
    """Action-plan completion by council and wave.

    Parameters
    ----------
    study : Study
        Its ``actions`` and ``action_status`` tables are read.

    Returns
    -------
    DataFrame
        ``council_id``, ``wave``, ``n_actions`` (with a status at that wave),
        ``n_completed`` (completed or embedded), ``n_embedded``,
        ``share_completed``.

    Examples
    --------
    >>> import impact
    >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
    >>> done = impact.action_completion(study)
    >>> done.columns.tolist()
    ['council_id', 'wave', 'n_actions', 'n_completed', 'n_embedded', 'share_completed']
    """
    require_study(study, "actions", "action_progress", "wave_ids")
    actions = study.actions[["action_id", "council_id"]]
    prog = study.action_progress.merge(actions, on="action_id", how="left")
    prog["done"] = prog["status"].isin(["completed", "embedded"])
    prog["embedded"] = prog["status"].eq("embedded")
    out = (
        prog.groupby(["council_id", "wave"], observed=True)
        .agg(n_actions=("action_id", "size"), n_completed=("done", "sum"), n_embedded=("embedded", "sum"))
        .reset_index()
    )
    out["share_completed"] = out["n_completed"] / out["n_actions"]
    rank = {w: i for i, w in enumerate(study.wave_ids)}
    return out.sort_values(["council_id", "wave"], key=lambda s: s.map(rank) if s.name == "wave" else s).reset_index(drop=True)
