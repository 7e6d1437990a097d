"""Controlled vocabularies of the study model.

Each vocabulary maps a stable snake_case id (what the study files hold) to a
human label (what reports show).  Sources: ``docs/domain.md`` and the LGA
programme description (five core and four optional review themes; review team
roles); Ofsted judgement scales; DfE region names.

A study may *extend* the participant roles, organisation types and interview
modes in ``study.yaml`` (``vocabularies:``); the status vocabularies are fixed
because analyses depend on their meaning.
"""

from __future__ import annotations

import datetime as _dt

__all__ = [
    "COUNCIL_TYPES",
    "REGIONS",
    "STATUS_KINDS",
    "STATUSES",
    "JUDGEMENT_ORDER",
    "SIF_START",
    "CORE_THEMES",
    "OPTIONAL_THEMES",
    "THEMES",
    "TEAM_ROLES",
    "ROLES",
    "ROLE_GROUPS",
    "ORGANISATION_TYPES",
    "INTERVIEW_MODES",
    "ACTION_STATUSES",
    "RESPONDENT_GROUPS",
    "INTERVENTION_LEVELS",
    "label",
]

COUNCIL_TYPES: dict[str, str] = {
    "county": "County council",
    "metropolitan_district": "Metropolitan district",
    "london_borough": "London borough",
    "unitary": "Unitary authority",
}

# DfE region names, as written in the "explore education statistics" files.
REGIONS: dict[str, str] = {
    "North East": "North East",
    "North West": "North West",
    "Yorkshire and The Humber": "Yorkshire and The Humber",
    "East Midlands": "East Midlands",
    "West Midlands": "West Midlands",
    "East of England": "East of England",
    "London": "London",
    "Inner London": "Inner London",
    "Outer London": "Outer London",
    "South East": "South East",
    "South West": "South West",
}

STATUS_KINDS: dict[str, str] = {
    "ofsted_judgement": "Ofsted judgement",
    "improvement_notice": "Improvement notice",
    "statutory_direction": "Statutory direction",
}

STATUSES: dict[str, dict[str, str]] = {
    "ofsted_judgement": {
        "outstanding": "Outstanding",
        "good": "Good",
        "adequate": "Adequate",
        "requires_improvement": "Requires improvement to be good",
        "inadequate": "Inadequate",
    },
    "improvement_notice": {
        "notice_to_improve": "Notice to Improve",
        "improvement_notice": "Improvement Notice",
    },
    "statutory_direction": {
        "direction": "Statutory direction",
        "commissioner": "Children's services commissioner",
        "childrens_services_trust": "Children's services trust",
    },
}

#: Best to worst; "adequate" and "requires_improvement" share a rank (the second
#: replaced the first in November 2013).
JUDGEMENT_ORDER: dict[str, int] = {
    "outstanding": 1,
    "good": 2,
    "adequate": 3,
    "requires_improvement": 3,
    "inadequate": 4,
}

#: The single inspection framework (SIF) replaced "adequate" with "requires
#: improvement (to be good)" for inspections from 4 November 2013.
SIF_START = _dt.date(2013, 11, 4)

CORE_THEMES: dict[str, str] = {
    "outcomes": "Outcomes",
    "vision_strategy_leadership": "Vision, strategy and leadership",
    "working_together_lscb": "Working together and the LSCB",
    "service_delivery_practice": "Service delivery and effective practice",
    "managing_resources": "Managing resources",
}
OPTIONAL_THEMES: dict[str, str] = {
    "participation": "Participation",
    "managing_performance": "Managing performance",
    "productivity_innovation": "Productivity and innovation",
    "commissioning": "Commissioning",
}
THEMES: dict[str, str] = {**CORE_THEMES, **OPTIONAL_THEMES}

TEAM_ROLES: dict[str, str] = {
    "team_leader": "Team leader (DCS)",
    "member_peer": "Member peer",
    "officer_peer": "Officer peer",
    "health_peer": "Health peer",
    "offsite_peer": "Off-site peer",
    "third_sector": "Third sector colleague",
    "other_specialist": "Other sector specialist",
    "review_manager": "LGA review manager",
}

ROLES: dict[str, str] = {
    "dcs": "Director of children's services",
    "assistant_director": "Assistant director",
    "lead_member": "Lead member",
    "chief_executive": "Chief executive",
    "senior_manager": "Senior manager",
    "middle_manager": "Team or service manager",
    "frontline_practitioner": "Frontline practitioner",
    "lscb_chair": "LSCB chair",
    "lscb_manager": "LSCB business manager",
    "health_partner": "Health partner",
    "police_partner": "Police partner",
    "education_partner": "Education partner",
    "voluntary_sector_partner": "Voluntary-sector partner",
    "other": "Other",
}

#: Coarser role groups, used to make quote attribution safe to publish.
ROLE_GROUPS: dict[str, str] = {
    "dcs": "strategic_officer",
    "assistant_director": "strategic_officer",
    "chief_executive": "strategic_officer",
    "senior_manager": "strategic_officer",
    "lead_member": "elected_member",
    "middle_manager": "operational_officer",
    "frontline_practitioner": "operational_officer",
    "lscb_chair": "partner",
    "lscb_manager": "partner",
    "health_partner": "partner",
    "police_partner": "partner",
    "education_partner": "partner",
    "voluntary_sector_partner": "partner",
    "other": "other",
}

ORGANISATION_TYPES: dict[str, str] = {
    "council": "Council",
    "health": "Health",
    "police": "Police",
    "education": "School or college",
    "voluntary_sector": "Voluntary sector",
    "lscb": "Local safeguarding children board",
    "other": "Other",
}

INTERVIEW_MODES: dict[str, str] = {
    "telephone": "Telephone",
    "video": "Video call",
    "in_person": "In person",
    "focus_group": "Focus group",
}

ACTION_STATUSES: dict[str, str] = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "completed": "Completed",
    "embedded": "Embedded",
}

RESPONDENT_GROUPS: dict[str, str] = {
    "staff": "Council staff",
    "partner": "Partner agency",
}

#: Intervention level derived from the status history, least to most severe.
INTERVENTION_LEVELS: dict[str, str] = {
    "none": "Not in intervention",
    "notice": "Notice to Improve / Improvement Notice",
    "direction": "Statutory direction",
}


def label(vocabulary: dict[str, str], value: object) -> str:
    """Return the label for ``value`` in ``vocabulary``, or the value itself.

    Examples
    --------
    >>> label(COUNCIL_TYPES, "london_borough")
    'London borough'
    >>> label(COUNCIL_TYPES, "parish")
    'parish'
    """
    return vocabulary.get(str(value), str(value))
