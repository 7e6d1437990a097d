"""impact: longitudinal impact evaluation of improvement programmes in children's services.

The public names are re-exported here; see the user guide in ``docs/``.
"""

from pathlib import Path as _Path

from . import schema, vocab
from ._version import __version__
from .agreement import (
    AgreementResult,
    agreement_table,
    character_agreement,
    coding_to_units,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
)
from .councils import (
    aggregate_successors,
    boundary_changes,
    council_crosswalk,
    council_list,
    to_council_id,
)
from .describe import describe_study
from .disagreements import disagreements, read_adjudication, write_disagreements_xlsx
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
from .official import (
    DfeReadWarning,
    OfstedReadWarning,
    event_time,
    first_event,
    judgement_at,
    ofsted_status_history,
    rate_per_10k,
    read_dfe,
    read_ofsted,
)
from .panel import council_panel, participant_panel
from .review import ReviewWarning, export_review, import_review
from .study import Study, load_study
from .trajectories import action_completion, impact_chain, trajectories, transition_matrix


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
    "council_panel",
    "participant_panel",
    "trajectories",
    "transition_matrix",
    "impact_chain",
    "action_completion",
    "AgreementResult",
    "agreement_table",
    "character_agreement",
    "coding_to_units",
    "cohen_kappa",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "percent_agreement",
    "disagreements",
    "read_adjudication",
    "write_disagreements_xlsx",
    "ReviewWarning",
    "export_review",
    "import_review",
    "aggregate_successors",
    "boundary_changes",
    "council_crosswalk",
    "council_list",
    "to_council_id",
    "DfeReadWarning",
    "OfstedReadWarning",
    "event_time",
    "first_event",
    "judgement_at",
    "ofsted_status_history",
    "rate_per_10k",
    "read_dfe",
    "read_ofsted",
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
