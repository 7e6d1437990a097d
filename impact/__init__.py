"""impact: longitudinal impact evaluation of improvement programmes in children's services.

The public names are re-exported here; see the user guide in ``docs/``.
"""

from ._version import __version__
from .errors import (
    AttritionWarning,
    ImpactError,
    ImpactWarning,
    InputError,
    Problem,
    SmallSampleWarning,
    StatisticalWarning,
    ValidationError,
)

__all__ = [
    "__version__",
    "AttritionWarning",
    "ImpactError",
    "ImpactWarning",
    "InputError",
    "Problem",
    "SmallSampleWarning",
    "StatisticalWarning",
    "ValidationError",
]
