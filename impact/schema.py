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


def format_reference() -> str:
    """The study folder format as Markdown (the body of ``docs/study-format.md``).

    A test keeps the committed document equal to this text, so the reference
    can never drift from the validator.
    """
    lines = [
        "# The study folder format",
        "",
        "A study is a folder that Excel and a text editor can edit: `study.yaml`, the",
        "CSV tables below (UTF-8, comma-separated, a header row), and `transcripts/`.",
        "`impact validate PATH` checks every rule here and lists every problem as",
        "`file:row:column: value - expected ...` (row 1 is the header, as in a spreadsheet).",
        "",
        "## study.yaml",
        "",
        "```yaml",
        "name: Longer-term impact study        # required",
        "description: Six councils, 2012-13   # optional",
        "format_version: 1",
        "codebook: nfer_impacts                # bundled codebook name or a path to a YAML codebook",
        "seed: 1                               # optional: seed of a generated study",
        "waves:                                # optional; these are the defaults",
        "  - id: expectations",
        "    label: Expectations before the review",
        "    anchor: review_start              # review_start or review_end (reviews.csv)",
        "    window_days: [-183, 0]            # inclusive window of days from the anchor",
        "  - id: early",
        "    label: Early impact (about 3 months after)",
        "    anchor: review_end",
        "    window_days: [28, 182]",
        "  - id: longer_term",
        "    label: Longer-term change (about 12 months after)",
        "    anchor: review_end",
        "    window_days: [273, 548]",
        "vocabularies:                         # optional extensions: roles, organisation_types, interview_modes",
        "  roles: {virtual_school_head: Virtual school head}",
        "survey:",
        "  items:",
        "    q_confident: {label: I am confident the review will lead to change, scale: [1, 5]}",
        "```",
        "",
        "An interview's wave is the one given in `interviews.csv`; where blank it is",
        "the wave whose window holds the interview date.  A given wave whose window",
        "does not hold the date is an error.",
        "",
        "## Tables",
        "",
        "Types: `id` text key compared exactly (leading zeros kept); `text`; `date`",
        "as `YYYY-MM-DD` (`DD/MM/YYYY` as UK Excel writes it is accepted on reading);",
        "`int`; `float`; `list` several ids separated by `;`.",
        "",
    ]
    for t in TABLES.values():
        lines += [f"### {t.filename}{' (optional)' if t.optional else ''}", "", t.description, ""]
        if t.key:
            lines += [f"Unique key: {', '.join(f'`{k}`' for k in t.key)}.", ""]
        lines += ["| column | type | required | allowed values | description |", "|---|---|---|---|---|"]
        for c in t.columns:
            allowed = ""
            if c.vocabulary in BASE_VOCABULARIES:
                allowed = ", ".join(f"`{v}`" for v in BASE_VOCABULARIES[c.vocabulary])
            elif c.vocabulary == "statuses":
                allowed = "; ".join(
                    f"{kind}: " + ", ".join(f"`{s}`" for s in statuses) for kind, statuses in vocab.STATUSES.items()
                )
            elif c.vocabulary:
                allowed = f"the study's {c.vocabulary.replace('_', ' ')}"
            if c.references:
                allowed = (allowed + "; " if allowed else "") + f"must be in {TABLES[c.references[0]].filename}"
            if c.pattern:
                allowed = (allowed + "; " if allowed else "") + f"pattern `{c.pattern}`"
            lines.append(f"| `{c.name}` | {c.type} | {'yes' if c.required else 'no'} | {allowed} | {c.description} |")
        lines.append("")
    lines += [
        "## Other rules",
        "",
        "- `status_history.csv`: periods of the same kind for a council may not overlap;",
        "  `end_date` on or after `start_date`; an Ofsted judgement published from",
        "  4 November 2013 cannot be `adequate`, one before cannot be `requires_improvement`.",
        "  The intervention level at a date is `direction` if a statutory direction is in",
        "  force, else `notice` if a notice is, else `none`.",
        "- `reviews.csv`: `themes` holds all five core themes plus any optional ones.",
        "- `interviews.csv`: the council must be the participant's; the council needs a review",
        "  (waves are timed from it); the transcript must exist under `transcripts/`, be a",
        "  `.txt` (UTF-8, or UTF-16 with a byte-order mark; Windows-1252 is read with a",
        "  warning) or `.docx` file, and hold some text.",
        "- `survey_responses.csv`: `value` within the item's scale.",
        "- Attrition (a council or participant with no interview at some wave) is a warning.",
        "",
    ]
    return "\n".join(lines)
