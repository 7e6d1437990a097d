"""The truth planted in a synthetic study, and its files.

Written beside the study's tables (they are not part of the study):

``planted_truth.json``
    Parameters, seed, effect sizes, a statement of every planted effect and
    per-council latent states (intervention path and status at each wave,
    random effects, indicator baselines); where a change across the waves
    differs by intervention status (``intervention_wave_log_odds``), the
    planted change of each impact per later wave and status
    (``status_changes``, :meth:`SynthEffects.status_changes`).
``truth_statements.csv``
    One row per planted statement: ``interview_id``, ``start``, ``end`` (code
    points into the transcript), ``code``, ``polarity`` (asserted | negated |
    hedged), ``level`` (insight | action | outcome, asserted only),
    ``attribution`` (review, ofsted, leadership, restructure, funding,
    other_programme, unclear; ``""`` for negated statements), ``validation``,
    ``council_id``, ``participant_id``, ``wave``, ``in_intervention``,
    ``valence`` (helped | hindered for statements about the review process,
    coded with the ``review_process`` codebook; a suggestion for the
    programme is planted as two rows on one span: its factor, hindered, and
    ``recommendation``).
``planted_pii.csv``
    One row per personal detail: ``interview_id``, ``kind`` (person_name,
    email, phone, postcode, date_of_birth), ``value``, ``start``, ``end``.
``truth_coded.csv``
    The planted statements as a coding of the study (``interview_id``,
    ``start``, ``end``, ``code``, ``polarity``, ``attribution``, ``coder``),
    in a shape ``impact run --coded`` reads: the analysis of a perfect coding.

``planted_truth.json`` also states the true value of every quantity the
report estimates, in the package's estimands (:mod:`impact.measures`): the
population prevalence of each measure per code, wave and status, and the
intervention effect on ``reported`` both as planted (conditional log-odds)
and population-averaged (the marginal value a GEE estimates), and the change
in the indicator after the review and after a council's first notice or
direction as the analysis estimates them (``review_change``,
``notice_change``: averages over the councils compared, each alike); see
:mod:`impact.synth._estimands`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from .._io import atomic_write_text
from .._tabular import csv_text
from ..errors import InputError
from ._effects import WAVES, SynthEffects
from ._estimands import (
    true_intervention_effects,
    true_notice_changes,
    true_prevalences,
    true_review_changes,
    true_review_changes_published,
)

__all__ = ["PlantedTruth", "load_truth", "TRUTH_FILES"]

TRUTH_FILES = ("planted_truth.json", "truth_statements.csv", "planted_pii.csv", "truth_coded.csv")

#: Coder name of the planted coding.
TRUTH_CODER = "planted"


def _csv(df: pd.DataFrame) -> str:
    return csv_text(df)


@dataclass
class PlantedTruth:
    """What the generator planted: parameters, effects, latent states, spans."""

    STATEMENT_COLUMNS: ClassVar[list[str]] = [
        "interview_id", "start", "end", "code", "polarity", "level", "attribution", "validation",
        "council_id", "participant_id", "wave", "in_intervention", "valence",
    ]
    PII_COLUMNS: ClassVar[list[str]] = ["interview_id", "kind", "value", "start", "end"]

    params: dict[str, Any]
    effects: SynthEffects
    councils: list[dict[str, Any]]
    participants: dict[str, float]
    statements: pd.DataFrame
    pii: pd.DataFrame
    design: pd.DataFrame | None = None

    def coded(self) -> pd.DataFrame:
        """The planted statements as a coding of the study (``truth_coded.csv``)."""
        st = self.statements
        return pd.DataFrame({
            "interview_id": st["interview_id"].astype(str), "start": st["start"].astype("int64"),
            "end": st["end"].astype("int64"), "code": st["code"].astype(str), "polarity": st["polarity"].astype(str),
            "attribution": st["attribution"].fillna("").astype(str),
            "valence": st["valence"].fillna("").astype(str) if "valence" in st.columns else "",
            "coder": TRUTH_CODER,
        })

    def prevalences(self) -> pd.DataFrame:
        """True population prevalence of each measure per code, wave and status (see :func:`true_prevalences`)."""
        return true_prevalences(self.effects, words_per_interview=int(self.params.get("words_per_interview", 700)),
                                waves=self.waves)

    @property
    def waves(self) -> tuple[str, ...]:
        """The study's wave ids (the three of :data:`WAVES` unless ``waves`` was passed)."""
        return tuple(self.params.get("waves", WAVES))

    @property
    def survey_waves(self) -> tuple[str, ...]:
        """The waves the survey ran at (the first and the last unless ``survey_waves`` was passed)."""
        return tuple(self.params.get("survey_waves", (self.waves[0], self.waves[-1])))

    def intervention_effects(self) -> pd.DataFrame:
        """True intervention effect per code, conditional and marginal (see :func:`true_intervention_effects`)."""
        if self.design is None:
            raise ValueError("this truth has no design (participants per wave and status); it predates estimands")
        return true_intervention_effects(self.effects, self.design)

    def review_changes(self, indicators: pd.DataFrame | None = None) -> dict:
        """The change in the indicator after the review that the analysis estimates, by group of councils: the mean
        planted change of the councils compared after their review, and how many were reviewed too late to be
        compared (see :func:`impact.synth._estimands.true_review_changes`). With the study's ``indicators``, over
        the councils and periods whose figures were published, as the analysis reads them
        (:func:`impact.synth._estimands.true_review_changes_published`): the figures suppressed change whom the
        change is read from, and so the average over all councils (truth84)."""
        if indicators is not None:
            return true_review_changes_published(self.effects, self.councils, indicators)
        return true_review_changes(self.effects, self.councils)

    def notice_changes(self) -> dict | None:
        """The change in the indicator after a council's first notice or direction that the analysis estimates: the
        mean over the councils compared of their planted change after it beyond the comparison councils', and how many
        were compared (see :func:`impact.synth._estimands.true_notice_changes`); None for a truth written before each
        council's first day in intervention was kept."""
        return true_notice_changes(self.effects, self.councils)

    def planted_effects(self) -> list[dict[str, Any]]:
        """Every planted effect as ``{name, applies_to, size, scale, description}``."""
        e = self.effects
        repeat = ", ".join(self.survey_waves[1:]) or "no wave (the survey ran once)"
        out = [
            {"name": f"wave_{w}", "applies_to": "interview mentions of every impact code", "size": v,
             "scale": "log-odds", "description": f"Shift in the log-odds of asserting an impact at wave {w}."}
            for w, v in e.wave_log_odds.items()
        ]
        out += [
            {"name": f"wave_{w}_{code}", "applies_to": code, "size": v, "scale": "log-odds",
             "description": f"Extra shift in the log-odds of asserting {code} at wave {w}, beside wave_{w}."}
            for code, shift in e.code_wave_log_odds.items() for w, v in shift.items()
        ]
        out += [
            {"name": f"wave_{w}_{code}_in_intervention", "applies_to": code, "size": v, "scale": "log-odds",
             "description": f"Extra shift in the log-odds of asserting {code} at wave {w} for participants in councils "
                            "in intervention at the wave only: a change across the waves that differs by status."}
            for code, shift in e.intervention_wave_log_odds.items() for w, v in shift.items()
        ]
        out += [
            {"name": "intervention", "applies_to": ";".join(e.intervention_codes), "size": e.intervention_log_odds,
             "scale": "log-odds", "description": "Shift for councils in intervention at the wave."},
            {"name": "validation", "applies_to": "insight statements", "size": e.validation_log_odds,
             "scale": "log-odds", "description": "Shift in the chance an insight is a validation when in intervention."},
            {"name": "levels_by_wave", "applies_to": "asserted statements", "size": {k: list(v) for k, v in e.level_probs.items()},
             "scale": "probability (insight, action, outcome)", "description": "Impact level mix per wave."},
            {"name": "other_attribution_by_wave", "applies_to": "asserted statements", "size": dict(e.other_attribution),
             "scale": "probability", "description": "Chance a change is attributed to another factor or unclear."},
            {"name": "hedged_by_wave", "applies_to": "codes not asserted", "size": dict(e.hedged_rate),
             "scale": "probability", "description": "Chance of a hedged (anticipated) mention."},
            {"name": "negated_by_wave", "applies_to": "codes not asserted", "size": dict(e.negated_rate),
             "scale": "probability", "description": "Chance of a negated mention."},
            {"name": "indicator_post_review", "applies_to": e.indicator_measure, "size": e.indicator_post_review,
             "scale": "measure units", "description": "Change in periods ending after the review (of every "
             "council: the estimand, the mean change of the councils compared, is review_change)."},
            {"name": "indicator_post_by_intervention", "applies_to": e.indicator_measure,
             "size": e.indicator_post_by_intervention, "scale": "measure units",
             "description": "Extra change after the review for councils in intervention when reviewed (no change "
             "is planted after a notice: what follows one, the estimand of the change after a first notice or "
             "direction, is notice_change)."},
            {"name": "survey_shift", "applies_to": f"every survey item at {repeat}", "size": e.survey_shift,
             "scale": "latent logistic units", "description": "Improvement of the survey scale at the repeat wave."},
            {"name": "survey_shift_by_intervention", "applies_to": f"every survey item at {repeat}",
             "size": e.survey_shift_by_intervention, "scale": "latent logistic units",
             "description": "Extra improvement for councils in intervention at the repeat wave."},
        ]
        return out

    def to_json(self) -> str:
        doc = {
            "generator": "impact.synth",
            "seed": self.params.get("seed"),
            "parameters": self.params,
            "effects": self.effects.to_dict(),
            "null_effects": self.effects.is_null(),
            "planted_effects": self.planted_effects(),
            "councils": self.councils,
            "participant_effects": dict(sorted(self.participants.items())),
            # the change after the review the analysis estimates: the mean planted change of the councils compared
            # (the planted sizes alone left a reader to average over every council, compared or not, truth82)
            "review_change": self.review_changes(),
        }
        notice = self.notice_changes()
        if notice is not None:
            # no change is planted after a notice: what the analysis around a council's first notice or direction
            # estimates is the review's change falling after it, beyond the comparison councils' (truth83)
            doc["notice_change"] = notice
        if self.effects.intervention_wave_log_odds:
            # the planted change per status (only where it differs by status: a study without one is written as before)
            doc["status_changes"] = self.effects.status_changes(self.waves)
        if self.design is not None:
            doc["design"] = self.design.to_dict("records")
            # The estimands come out of numerical integration, whose last binary digits change with numpy's and
            # scipy's versions: rounded to 12 significant digits, the same arguments give the same file everywhere.
            doc["estimands"] = {
                "definitions": "impact.measures; values from impact.synth._estimands (12 significant digits)",
                "intervention_effects": _significant(self.intervention_effects().to_dict("records")),
                "prevalences": _significant(self.prevalences().to_dict("records")),
            }
        return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self, path: str | Path) -> Path:
        """Write the three truth files into the folder ``path``."""
        path = Path(path)
        atomic_write_text(path / "planted_truth.json", self.to_json())
        atomic_write_text(path / "truth_statements.csv", _csv(self.statements))
        atomic_write_text(path / "planted_pii.csv", _csv(self.pii))
        atomic_write_text(path / "truth_coded.csv", _csv(self.coded()))
        return path


def load_truth(path: str | Path) -> PlantedTruth:
    """Read the truth files written by :meth:`PlantedTruth.save`.

    Raises
    ------
    InputError
        If a truth file is missing.
    """
    path = Path(path)
    missing = [f for f in TRUTH_FILES[:3] if not (path / f).is_file()]
    if missing:
        raise InputError(f"{path}: no planted truth ({', '.join(missing)} missing); only studies made by impact.synth have one")
    doc = json.loads((path / "planted_truth.json").read_text(encoding="utf-8"))
    effects = SynthEffects.from_value(doc["effects"])
    statements = pd.read_csv(path / "truth_statements.csv", dtype={"interview_id": str, "council_id": str,
                                                                   "participant_id": str},
                             keep_default_na=False)
    pii = pd.read_csv(path / "planted_pii.csv", dtype={"interview_id": str, "value": str}, keep_default_na=False)
    for df in (statements, pii):
        for col in ("start", "end"):
            df[col] = df[col].astype("int64")
    design = pd.DataFrame(doc["design"]) if "design" in doc else None
    return PlantedTruth(params=doc["parameters"], effects=effects, councils=doc["councils"],
                        participants=doc["participant_effects"], statements=statements, pii=pii, design=design)


def _significant(records: list[dict], digits: int = 12) -> list[dict]:
    """``records`` with every float rounded to ``digits`` significant digits.

    Examples
    --------
    >>> _significant([{"a": 0.9351359516764578, "b": "x", "c": 2}])
    [{'a': 0.935135951676, 'b': 'x', 'c': 2}]
    """
    return [{k: float(f"{v:.{digits}g}") if isinstance(v, float) else v for k, v in r.items()} for r in records]

