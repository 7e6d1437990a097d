"""Privacy controls for publishing evaluation outputs.

* :mod:`~impact.privacy._pseudonym` - stable keyed pseudonyms for councils and
  participants, and the separate re-identification key.
* :mod:`~impact.privacy._redact` - redaction of names, identifiers, contact
  details, addresses, places, dates and ages from quotes, with a shareable log.
* :mod:`~impact.privacy._assess` - whether a redacted quote is clean enough to
  publish.
* :mod:`~impact.privacy._disclosure` - small-count suppression (primary and
  secondary) for published tables, and coarsened quote attribution.
* :mod:`~impact.privacy._formula` - neutralising spreadsheet formula injection.
* :mod:`~impact.privacy._provenance` - provenance without the user's paths,
  folder or file names.
"""

from ._assess import RISK_SIGNS, assess_quote, assess_quotes
from ._disclosure import (
    DEFAULT_ATTRIBUTION_LEVELS,
    ROLE_GROUP_LABELS,
    STATUS_GROUPS,
    SUPPRESSED,
    DisclosureWarning,
    coarsen_attribution,
    suppress_counts,
    suppression_mask,
)
from ._formula import safe_table, write_csv_safe
from ._provenance import safe_provenance, study_layout
from ._pseudonym import (
    KEY_ENV,
    KEY_FILE_ENV,
    default_key_file,
    keyed_hash,
    pseudonym_map,
    pseudonymise,
    reidentification_key,
    resolve_key,
)
from ._redact import (
    KEEP_PHRASES,
    REDACTION_TOKENS,
    first_names,
    personal_detail,
    redact,
    redact_series,
)

__all__ = [
    "RISK_SIGNS",
    "assess_quote",
    "assess_quotes",
    "DEFAULT_ATTRIBUTION_LEVELS",
    "ROLE_GROUP_LABELS",
    "STATUS_GROUPS",
    "SUPPRESSED",
    "DisclosureWarning",
    "coarsen_attribution",
    "suppress_counts",
    "suppression_mask",
    "KEEP_PHRASES",
    "REDACTION_TOKENS",
    "first_names",
    "personal_detail",
    "redact",
    "redact_series",
    "KEY_ENV",
    "KEY_FILE_ENV",
    "default_key_file",
    "keyed_hash",
    "pseudonym_map",
    "pseudonymise",
    "reidentification_key",
    "resolve_key",
    "safe_provenance",
    "study_layout",
    "safe_table",
    "write_csv_safe",
]
