"""Statistics for small longitudinal evaluations (5 to 150 councils).

Tidy in, tidy out: every test returns one row per code or contrast, with
``n`` beside each statistic and raw and adjusted p-values side by side;
models return results objects with labelled ``params``.
"""

from ._change import change_over_time
from ._clustered import clustered_prevalence
from ._did import did
from ._errors import (
    MissingValueWarning,
    NotIdentifiedError,
    NotIdentifiedWarning,
    StaggeredAdoptionWarning,
)
from ._firth import firth_logistic
from ._groups import compare_groups, prevalence_table
from ._models import attrition_sensitivity, longitudinal_model
from ._multiplicity import adjust_pvalues
from ._power import councils_needed, did_power, power_prevalence
from ._results import DiDResults, ModelResults, SummaryText
from ._staggered import AggregateResults, StaggeredDiDResults, staggered_did

__all__ = [
    "AggregateResults",
    "DiDResults",
    "MissingValueWarning",
    "ModelResults",
    "NotIdentifiedError",
    "NotIdentifiedWarning",
    "StaggeredAdoptionWarning",
    "StaggeredDiDResults",
    "SummaryText",
    "adjust_pvalues",
    "attrition_sensitivity",
    "change_over_time",
    "clustered_prevalence",
    "compare_groups",
    "councils_needed",
    "did",
    "did_power",
    "firth_logistic",
    "longitudinal_model",
    "power_prevalence",
    "prevalence_table",
    "staggered_did",
]
