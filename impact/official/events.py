"""Event time for annual council panels (event studies, difference-in-differences).

An *event* is a dated fact about a council: an inadequate Ofsted judgement
published, a peer review held, a notice issued.  :func:`event_time` adds to an
annual panel the event time of each row: ``0`` for the period in which the
event fell (the first period that ends on or after the event date), ``-1``
for the period before, and so on.  Councils without an event are controls
(``treated = False``, ``event_time = <NA>``).
"""

from __future__ import annotations

import re
import warnings

import pandas as pd

from .._joins import _rows, as_dates, check_table, key_text, one_date
from .._keywords import keyword_only
from ..errors import ImpactWarning, InputError, user_level

__all__ = ["event_time", "first_event", "EventTimeWarning"]

#: The columns :func:`event_time` adds to the panel.
_ADDED = ("event_date", "event_time", "treated", "post")


class EventTimeWarning(ImpactWarning):
    """Units of ``events`` that the panel given to :func:`event_time` does not hold (in neither group of it).

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.EventTimeWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.EventTimeWarning)
    ...     warnings.warn("a council with no event", impact.EventTimeWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['EventTimeWarning']
    """


def _units(values: pd.Series, label: str, column: str, why: str) -> pd.Series:
    """``values`` as :func:`~impact._joins.key_text`; a missing unit is refused naming its rows (never dropped)."""
    units = key_text(values)
    if units.isna().any():
        raise InputError(f"`{label}` column {column!r} is blank on {_rows(values.index[units.isna().to_numpy()])}: "
                         f"{why}.")
    return units



def first_event(
    status_history: pd.DataFrame,
    *,
    status: str,
    kind: str = "ofsted_judgement",
    after: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Return each council's first ``status`` of ``kind`` (on or after ``after``).

    Parameters
    ----------
    status_history : DataFrame
        ``council_id``, ``kind``, ``status``, ``start_date`` (the study's
        status_history layout).
    status : str
        The status that defines the event, e.g. ``"inadequate"``.
    kind : str, default "ofsted_judgement"
        Status kind.
    after : date, optional
        Ignore events before this date (e.g. the start of a framework whose
        judgements are all known).

    Returns
    -------
    pandas.DataFrame
        ``council_id``, ``event_date``.

    Raises
    ------
    TypeError
        If ``status`` or ``kind`` is not one value as text.
    InputError
        If ``kind`` or ``status`` is neither impact's nor in ``status_history`` (a misspelling found no event).

    Examples
    --------
    >>> h = pd.DataFrame({"council_id": ["1", "1", "2"], "kind": "ofsted_judgement",
    ...     "status": ["inadequate", "inadequate", "good"],
    ...     "start_date": pd.to_datetime(["2019-05-01", "2023-01-01", "2019-01-01"])})
    >>> first_event(h, status="inadequate").values.tolist()
    [['1', Timestamp('2019-05-01 00:00:00')]]
    """
    check_table(status_history, "status_history", ("council_id", "kind", "status", "start_date"))
    for name, value in (("status", status), ("kind", kind)):
        if not isinstance(value, str) or not _folded(value):
            raise TypeError(f"The value for `{name}` must be one {name} as text, such as "
                            f"{'inadequate' if name == 'status' else 'ofsted_judgement'!r}, but {value!r} was passed.")
    _refuse_unknown_status(status_history, status=status, kind=kind)
    # a cell typed in another case or spacing (" Inadequate") is that status, as a council id "940 " is 940
    match = (status_history["kind"].map(_folded) == _folded(kind)) & \
        (status_history["status"].map(_folded) == _folded(status))
    rows = status_history[match.to_numpy(dtype=bool)]
    rows = pd.DataFrame({"council_id": _units(rows["council_id"], "status_history", "council_id",
                                              f"each {status!r} is one council's"),
                         "start_date": as_dates(rows["start_date"], "status_history", "start_date",
                                                missing=f"when each {status!r} began is needed to find the first")})
    if after is not None:
        rows = rows[rows["start_date"] >= one_date(after, "after")]
    out = rows.groupby("council_id", as_index=False, observed=True)["start_date"].min()
    return out.rename(columns={"start_date": "event_date"}).reset_index(drop=True)


def _refuse_unknown_status(status_history: pd.DataFrame, *, status: str, kind: str) -> None:
    """Refuse a ``kind`` or ``status`` that is neither impact's (:data:`impact.vocab.STATUSES`) nor in the history:
    ``first_event(h, status="inadequte")`` returned no council at all, read as "none was ever judged so" (newuser9).
    A status of the vocabulary that no row holds is no error: its councils are none.

    >>> h = pd.DataFrame({"council_id": ["1"], "kind": "ofsted_judgement", "status": ["good"],
    ...                   "start_date": pd.to_datetime(["2019-05-01"])})
    >>> _refuse_unknown_status(h, status="inadequte", kind="ofsted_judgement")
    Traceback (most recent call last):
    ...
    impact.errors.InputError: The value for `status` must be a status of kind 'ofsted_judgement' (['adequate', 'good', 'inadequate', 'outstanding', 'requires_improvement']), but 'inadequte' was passed (did you mean 'inadequate' or 'adequate'?).
    """
    from ..schema import did_you_mean
    from ..vocab import STATUS_KINDS, STATUSES

    kinds = status_history["kind"].map(_folded)
    known_kinds = sorted(set(STATUS_KINDS) | {k for k in kinds if k})
    if _folded(kind) not in known_kinds:
        raise InputError(f"The value for `kind` must be one of {known_kinds}, but {kind!r} was passed"
                         f"{did_you_mean(kind, known_kinds)}.")
    held = status_history["status"][(kinds == _folded(kind)).to_numpy(dtype=bool)].map(_folded)
    known = sorted(set(STATUSES.get(_folded(kind), {})) | {s for s in held if s})
    if _folded(status) not in known:
        hint = did_you_mean(status, known)
        for other, statuses in STATUSES.items():  # first_event(h, status="Notice"): a notice is no Ofsted judgement
            if not hint and other != _folded(kind):
                names = {_folded(v): k for k, v in statuses.items()} | {k: k for k in statuses}
                meant = [names[_folded(status)]] if _folded(status) in names else []
                said = f" (did you mean {meant[0]!r}?)" if meant else did_you_mean(status, list(statuses), words=True)
                if said:
                    hint = f"{said[:-2]} of kind {other!r}? pass kind={other!r} too)"
        raise InputError(f"The value for `status` must be a status of kind {kind!r} ({known}), but {status!r} was "
                         f"passed{hint}.")


def _folded(value: object) -> str:
    """A kind or status cell as compared: trimmed, lower case, spaces as underscores ('' for a missing cell)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return re.sub(r"\s+", "_", str(value).strip()).casefold()


@keyword_only("events")
def event_time(
    data: pd.DataFrame,
    *,
    events: pd.DataFrame,
    unit: str = "council_id",
    time: str = "period",
    event_date: str = "event_date",
) -> pd.DataFrame:
    """Add ``event_date``, ``event_time``, ``treated`` and ``post`` to an annual panel.

    Parameters
    ----------
    data : DataFrame
        Panel with ``unit`` and an annual ``time`` column of period end dates
        (all ending on the same month and day, e.g. 31 March).
    events : DataFrame
        One row per treated unit: ``unit`` and ``event_date``.
    unit, time, event_date : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        A copy of ``data`` with ``event_date`` (NaT for controls),
        ``event_time`` (Int64: period year minus the year of the first period
        ending on or after the event; ``<NA>`` for controls), ``treated``
        (bool) and ``post`` (bool: ``event_time >= 0``).

    Raises
    ------
    InputError
        If columns are missing, a row of either table has no unit, a unit
        has more than one event, or a date is no date: text is read as a
        study's files are (``YYYY-MM-DD``, or day/month/year day first), and
        one that reads two ways (``03/04/2013``) is refused unless its column
        holds one that can only be day first (``13/04/2013``).

    Warns
    -----
    EventTimeWarning
        If ``events`` lists units that ``data`` does not hold (each named):
        they are in neither group of the panel.

    Examples
    --------
    >>> d = pd.DataFrame({"council_id": ["1"] * 3 + ["2"], "period": pd.to_datetime(
    ...     ["2019-03-31", "2020-03-31", "2021-03-31", "2020-03-31"])})
    >>> ev = pd.DataFrame({"council_id": ["1"], "event_date": pd.to_datetime(["2019-05-01"])})
    >>> out = event_time(d, events=ev)
    >>> out["event_time"].tolist(), out["treated"].tolist(), out["post"].tolist()
    ([-1, 0, 1, <NA>], [True, True, True, False], [False, True, True, False])
    """
    check_table(data, "data", (unit, time), adds=[c for c in _ADDED if c not in (unit, time)])
    check_table(events, "events", (unit, event_date))
    # units compared as text (an integer id in one table and text in the other are one unit, not a control each),
    # dates without a time zone; an event with no date, or a period with none, is refused, never read as a control
    units = _units(events[unit], "events", unit, "a row of `events` is one treated unit, so which is needed")
    if units.duplicated().any():
        dup = units[units.duplicated()].tolist()
        raise InputError(f"`events` must have one row per unit; {dup} appear more than once (use first_event()).")
    when = pd.Series(as_dates(events[event_date], "events", event_date,
                              missing="a unit listed in `events` is treated, so when is needed").to_numpy(),
                     index=units.to_numpy())
    periods = as_dates(data[time], "data", time, missing="each row of the panel is dated by its period")
    ends = set(zip(periods.dt.month, periods.dt.day, strict=True))
    if len(ends) > 1:
        raise InputError(f"`{time}` must be annual periods ending on one month and day; found {sorted(ends)} (month, day).")
    month, day = next(iter(ends)) if ends else (3, 31)
    held = _units(data[unit], "data", unit, "each row of the panel is one unit's, treated or a control")
    unheld = units[~units.isin(set(held))]
    if len(unheld):  # an id written another way in the panel, or a unit it does not cover: said, never silently left
        shown = ", ".join(repr(u) for u in unheld.iloc[:10]) + (f" and {len(unheld) - 10} more" if len(unheld) > 10 else "")
        warnings.warn(f"`events` lists {len(unheld)} unit{'s' if len(unheld) != 1 else ''} that `data` does not hold "
                      f"({shown}, on {_rows(unheld.index)} of `events`): {'it is' if len(unheld) == 1 else 'they are'} "
                      f"in neither group of the panel; check that `{unit}` is written the same way in both tables.",
                      EventTimeWarning, stacklevel=user_level())
    ev = pd.Series(when.reindex(held.to_numpy()).to_numpy(), index=data.index, dtype="datetime64[ns]")
    after_end = (ev.dt.month > month) | ((ev.dt.month == month) & (ev.dt.day > day))
    event_year = ev.dt.year + after_end.astype("Int64")
    out = data.copy()
    out["event_date"] = ev.astype("datetime64[ns]")
    out["event_time"] = (periods.dt.year - event_year).astype("Int64")
    out["treated"] = ev.notna().to_numpy()
    out["post"] = (out["event_time"] >= 0).fillna(False).astype(bool)
    return out
