"""Outcomes from official statistics: DfE indicators, Ofsted judgements, rates.

* :func:`read_dfe` - DfE "explore education statistics" CSVs to the study's
  long indicator table.
* :func:`read_ofsted` / :func:`ofsted_status_history` - Ofsted inspection
  history to judgements and to the study's status history;
  :func:`judgement_at` - the judgement in force on a date.
* :func:`rate_per_10k` - counts per 10,000 children from population estimates.
* :func:`first_event` / :func:`event_time` - event time for annual panels.
"""

from __future__ import annotations

from .dfe import SUPPRESSION_SYMBOLS, DfeReadWarning, parse_time_period, read_dfe
from .events import EventTimeWarning, event_time, first_event
from .ofsted import (
    OfstedReadWarning,
    judgement_at,
    normalise_grade,
    ofsted_status_history,
    read_ofsted,
)
from .rates import rate_per_10k

__all__ = [
    "read_dfe",
    "parse_time_period",
    "SUPPRESSION_SYMBOLS",
    "DfeReadWarning",
    "read_ofsted",
    "ofsted_status_history",
    "judgement_at",
    "normalise_grade",
    "OfstedReadWarning",
    "rate_per_10k",
    "event_time",
    "first_event",
    "EventTimeWarning",
]
