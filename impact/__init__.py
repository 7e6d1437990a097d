"""impact: longitudinal impact evaluation of improvement programmes in children's services.

The public names are re-exported here; see the user guide in ``docs/``.
"""

from pathlib import Path as _Path

from . import schema, vocab
from ._version import __version__
from .describe import describe_study
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
from .study import Study, load_study


def example_path() -> _Path:
    """Folder of the bundled example study (``data/example`` in the source tree)."""
    here = _Path(__file__).resolve().parent
    for candidate in (here.parent / "data" / "example", here / "_data" / "example"):
        if (candidate / "study.yaml").is_file():
            return candidate
    raise FileNotFoundError("the bundled example study (data/example) is not installed with this copy of impact")


__all__ = [
    "__version__",
    "Study",
    "load_study",
    "describe_study",
    "example_path",
    "schema",
    "vocab",
    "AttritionWarning",
    "ImpactError",
    "ImpactWarning",
    "InputError",
    "Problem",
    "SmallSampleWarning",
    "StatisticalWarning",
    "ValidationError",
]
