"""REFI-QDA exchange: projects (``.qdpx``) and codebooks (``.qdc``) as tidy tables.

REFI-QDA (https://www.qdasoftware.org) is the exchange standard of qualitative
data analysis programs (ATLAS.ti, MAXQDA, NVivo, QualCoder, ...).  This
subpackage reads a project into a :class:`QdaProject` of tidy DataFrames,
writes one back, and converts between a project and a study's transcripts,
codings (human and machine) and codebook.
"""

from ._model import QdaProject, QdpxWarning
from ._read import read_qdc, read_qdpx
from ._study import codebook_from_project, project_from_study, study_codings_from_project
from ._write import (
    SOURCES_FOLDER,
    codebook_csv_path,
    codes_table,
    validate_qdpx,
    write_codebook_csv,
    write_qdc,
    write_qdpx,
)

__all__ = [
    "QdaProject",
    "QdpxWarning",
    "read_qdpx",
    "read_qdc",
    "write_qdpx",
    "write_qdc",
    "write_codebook_csv",
    "codebook_csv_path",
    "SOURCES_FOLDER",
    "validate_qdpx",
    "codes_table",
    "project_from_study",
    "study_codings_from_project",
    "codebook_from_project",
]
