"""The study folder format: every table, every column, its type and its rules.

This module is the single source of truth for the files of a study folder.
Validation (:mod:`impact.validate`), loading and saving (:mod:`impact.study`)
and the format reference in ``docs/study-format.md`` are all driven by it.

Column types
------------
``id``
    Text key, compared exactly (leading zeros kept: council ``"301"``).
``text``
    Free text.
``date``
    ISO date ``YYYY-MM-DD``.
``int`` / ``float``
    Numbers; ``int`` must be whole.
``list``
    Several vocabulary ids separated by ``;`` (``outcomes;managing_resources``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import vocab

__all__ = ["Column", "Table", "TABLES", "OPTIONAL_TABLES", "LIST_SEP", "table"]

LIST_SEP = ";"


@dataclass(frozen=True)
class Column:
    """One column of a study table."""

    name: str
    type: str
    required: bool
    description: str
    vocabulary: str | None = None  # name of a vocabulary (see ``Study.vocabularies``)
    references: tuple[str, str] | None = None  # (table, column) it must exist in
    pattern: str | None = None  # regular expression the text must match


@dataclass(frozen=True)
class Table:
    """One CSV table of a study folder."""

    name: str
    filename: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = field(default=())  # columns whose combination is unique
    optional: bool = False  # the file may be absent (then the table is empty)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


C = Column

TABLES: dict[str, Table] = {
    "councils": Table(
        "councils",
        "councils.csv",
        "One row per council in the study.",
        (
            C("council_id", "id", True, "DfE three-digit local authority number, as text (e.g. `301`).", pattern=r"\d{3}"),
            C("name", "text", True, "Council name."),
            C("ons_code", "id", False, "ONS local authority code (E06/E08/E09/E10...).", pattern=r"[EW]\d{8}"),
            C("council_type", "id", True, "Type of council.", vocabulary="council_types"),
            C("region", "id", True, "DfE region name.", vocabulary="regions"),
        ),
        key=("council_id",),
    ),
    "status_history": Table(
        "status_history",
        "status_history.csv",
        "Intervention status over time: one row per period during which a status held.",
        (
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("kind", "id", True, "What kind of status.", vocabulary="status_kinds"),
            C("status", "id", True, "The status; allowed values depend on `kind`.", vocabulary="statuses"),
            C("start_date", "date", True, "First day the status held (judgement published, notice issued)."),
            C("end_date", "date", False, "Last day it held; blank while still in force."),
            C("source", "text", False, "Where the fact comes from (report, letter, URL)."),
        ),
        key=("council_id", "kind", "start_date"),
    ),
    "reviews": Table(
        "reviews",
        "reviews.csv",
        "The peer review each council received (one per council in a study).",
        (
            C("council_id", "id", True, "Council reviewed.", references=("councils", "council_id")),
            C("start_date", "date", True, "First on-site day."),
            C("end_date", "date", True, "Last on-site day."),
            C("themes", "list", True, "Themes reviewed: the five core themes plus any optional ones.", vocabulary="themes"),
            C("team_roles", "list", True, "Roles present in the review team.", vocabulary="team_roles"),
            C("n_recommendations", "int", False, "Number of recommendations in the written feedback."),
        ),
        key=("council_id",),
    ),
    "participants": Table(
        "participants",
        "participants.csv",
        "Interviewees, under pseudonymous ids.",
        (
            C("participant_id", "id", True, "Pseudonymous participant id."),
            C("council_id", "id", True, "Council the participant works in or with.", references=("councils", "council_id")),
            C("role", "id", True, "Role.", vocabulary="roles"),
            C("organisation_type", "id", True, "Employing organisation.", vocabulary="organisation_types"),
            C("name", "text", False, "Real name, used only to redact it from quotes; never published."),
        ),
        key=("participant_id",),
    ),
    "interviews": Table(
        "interviews",
        "interviews.csv",
        "One row per interview; the transcript is a file under `transcripts/`.",
        (
            C("interview_id", "id", True, "Interview id."),
            C("participant_id", "id", True, "Who was interviewed.", references=("participants", "participant_id")),
            C("council_id", "id", True, "Council (must be the participant's).", references=("councils", "council_id")),
            C("wave", "id", False, "Wave id from `study.yaml`; blank to derive it from the date.", vocabulary="waves"),
            C("date", "date", True, "Interview date."),
            C("mode", "id", True, "How the interview was held.", vocabulary="interview_modes"),
            C("transcript", "text", True, "Path of the transcript under `transcripts/` (.txt or .docx)."),
        ),
        key=("interview_id",),
    ),
    "survey_responses": Table(
        "survey_responses",
        "survey_responses.csv",
        "The off-site staff and partner survey, long: one row per respondent x wave x item.",
        (
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("respondent_id", "id", True, "Pseudonymous respondent id."),
            C("respondent_group", "id", True, "Staff or partner.", vocabulary="respondent_groups"),
            C("wave", "id", True, "Wave the survey was answered at.", vocabulary="waves"),
            C("item", "id", True, "Item id, defined under `survey.items` in `study.yaml`.", vocabulary="survey_items"),
            C("value", "int", False, "Likert answer on the item's scale; blank for no answer."),
        ),
        key=("respondent_id", "wave", "item"),
        optional=True,
    ),
    "actions": Table(
        "actions",
        "actions.csv",
        "Review recommendations turned into actions.",
        (
            C("action_id", "id", True, "Action id."),
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("theme", "id", True, "Review theme the action answers.", vocabulary="themes"),
            C("owner_role", "id", True, "Role that owns the action.", vocabulary="roles"),
            C("description", "text", False, "What is to be done."),
        ),
        key=("action_id",),
        optional=True,
    ),
    "action_progress": Table(
        "action_progress",
        "action_progress.csv",
        "Status of each action at each wave.",
        (
            C("action_id", "id", True, "Action.", references=("actions", "action_id")),
            C("wave", "id", True, "Wave.", vocabulary="waves"),
            C("status", "id", True, "Progress.", vocabulary="action_statuses"),
        ),
        key=("action_id", "wave"),
        optional=True,
    ),
    "indicators": Table(
        "indicators",
        "indicators.csv",
        "Outcome indicators, long (e.g. from DfE statistics).",
        (
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("period", "date", True, "Last day of the period the value describes (DfE 2013 = 2013-03-31)."),
            C("measure", "id", True, "Measure id."),
            C("value", "float", False, "Value; blank when suppressed or missing."),
            C("flag", "id", False, "Why the value is missing: a DfE suppression letter (c, x, u, z, low, ...)."),
        ),
        key=("council_id", "period", "measure"),
        optional=True,
    ),
}

OPTIONAL_TABLES = [name for name, t in TABLES.items() if t.optional]


def table(name: str) -> Table:
    """Return the :class:`Table` called ``name``; raise a clear error if unknown."""
    try:
        return TABLES[name]
    except KeyError:
        raise ValueError(
            f"The value for `table` must be one of {sorted(TABLES)}, but {name!r} was passed."
        ) from None


#: Fixed vocabularies by name; ``waves``, ``statuses`` and ``survey_items`` come
#: from the study itself.
BASE_VOCABULARIES: dict[str, dict[str, str]] = {
    "council_types": vocab.COUNCIL_TYPES,
    "regions": vocab.REGIONS,
    "status_kinds": vocab.STATUS_KINDS,
    "themes": vocab.THEMES,
    "team_roles": vocab.TEAM_ROLES,
    "roles": vocab.ROLES,
    "organisation_types": vocab.ORGANISATION_TYPES,
    "interview_modes": vocab.INTERVIEW_MODES,
    "action_statuses": vocab.ACTION_STATUSES,
    "respondent_groups": vocab.RESPONDENT_GROUPS,
}
#: Vocabularies a study may extend in ``study.yaml``.
EXTENSIBLE = ("roles", "organisation_types", "interview_modes")
