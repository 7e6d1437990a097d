"""The planted effects of a synthetic study, with their sizes as parameters."""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .._words import _named
from ..schema import unknown_told
from ._phrases import CODES
from ._process import PROCESS_CODES

__all__ = ["SynthEffects", "WAVES", "WAVE_PLANS", "wave_plan"]

#: Wave ids of a synthetic study, in order (the default, three waves).
WAVES: tuple[str, ...] = ("expectations", "early", "longer_term")

#: Every wave a synthetic study may have, in time order: its ``study.yaml`` entry and its phase (the default wave whose
#: interview questions, wording and default effect sizes it takes). The first three are :data:`impact.schema
#: .DEFAULT_WAVES`; ``two_years`` and ``three_years`` are second and third follow-ups, two and three years after.
_WAVE_BOOK: dict[str, tuple[dict[str, Any], str]] = {
    "expectations": ({"id": "expectations", "label": "Expectations before the review", "anchor": "review_start",
                      "window_days": [-183, 0]}, "expectations"),
    "early": ({"id": "early", "label": "Early impact (about 3 months after)", "anchor": "review_end",
               "window_days": [28, 182]}, "early"),
    "longer_term": ({"id": "longer_term", "label": "Longer-term change (about 12 months after)",
                     "anchor": "review_end", "window_days": [273, 548]}, "longer_term"),
    "two_years": ({"id": "two_years", "label": "Two years on (about 24 months after)", "anchor": "review_end",
                   "window_days": [639, 821]}, "longer_term"),
    "three_years": ({"id": "three_years", "label": "Three years on (about 36 months after)", "anchor": "review_end",
                "window_days": [1004, 1186]}, "longer_term"),
}

#: The waves of a study of 2 to 5 waves (``waves=`` of :func:`impact.synth.generate`): before the review and
#: follow-ups after it. Three is the default (:data:`WAVES`).
WAVE_PLANS: dict[int, tuple[str, ...]] = {
    2: ("expectations", "longer_term"),
    3: WAVES,
    4: (*WAVES, "two_years"),
    5: (*WAVES, "two_years", "three_years"),
}


def wave_plan(waves: int | tuple[str, ...] | list[str] = 3) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The ``study.yaml`` entries of a synthetic study's waves, and each wave's phase.

    ``waves`` is a number of waves (2 to 5, :data:`WAVE_PLANS`) or wave ids among those (in time order).

    Examples
    --------
    >>> entries, phase = wave_plan(4)
    >>> [w["id"] for w in entries], phase["two_years"]
    (['expectations', 'early', 'longer_term', 'two_years'], 'longer_term')
    >>> wave_plan(6)
    Traceback (most recent call last):
    ...
    ValueError: The value for `waves` must be a number of waves from 2 to 5 or wave ids in time order among ['expectations', 'early', 'longer_term', 'two_years', 'three_years'] (the first 'expectations'), but 6 was passed.
    """
    book = list(_WAVE_BOOK)
    if isinstance(waves, (int, np.integer)) and not isinstance(waves, bool) and int(waves) in WAVE_PLANS:
        ids = list(WAVE_PLANS[int(waves)])
    elif (isinstance(waves, (tuple, list)) and 2 <= len(waves) <= 5 and all(w in _WAVE_BOOK for w in waves)
          and waves[0] == book[0] and [book.index(w) for w in waves] == sorted({book.index(w) for w in waves})):
        ids = list(waves)
    else:
        raise ValueError(f"The value for `waves` must be a number of waves from 2 to 5 or wave ids in time order "
                         f"among {book} (the first {book[0]!r}), but {waves!r} was passed"
                         f"{unknown_told(waves if isinstance(waves, (tuple, list)) else (), book)}.")
    return [dict(_WAVE_BOOK[w][0]) for w in ids], {w: _WAVE_BOOK[w][1] for w in ids}
_LEVELS = ("insight", "action", "outcome")
#: The fields that give a shift per impact code and wave.
_PER_CODE_WAVE = ("code_wave_log_odds", "intervention_wave_log_odds")
#: The fields that give a value per wave.
_PER_WAVE = ("wave_log_odds", "hedged_rate", "negated_rate", "other_attribution", "level_probs", "process_rate",
             "recommendation_rate")
#: The shifts of the survey scale: one number for every survey wave after the first, or a number per wave.
_SURVEY = ("survey_shift", "survey_shift_by_intervention")


#: The fields of :class:`SynthEffects` that are one number each.
_NUMBERS = ("intervention_log_odds", "validation_log_odds", "council_sd", "participant_sd", "indicator_post_review",
            "indicator_post_by_intervention", "monitoring_effect")


def _finite(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _per_wave(expectations: float, early: float, longer_term: float) -> dict[str, float]:
    return {"expectations": expectations, "early": early, "longer_term": longer_term}


@dataclass(frozen=True)
class SynthEffects:
    """Sizes of the effects planted in a synthetic study.

    Log-odds terms add up to the probability that an interview contains at
    least one asserted statement of an impact code::

        logit p = code_log_odds[code] + wave_log_odds[wave] + code_wave_log_odds[code][wave]
                  + intervention_wave_log_odds[code][wave] * (in intervention at the wave)
                  + intervention_log_odds * (in intervention at the wave and code in intervention_codes)
                  + council effect (sd council_sd) + participant effect (sd participant_sd)

    Parameters
    ----------
    code_log_odds : dict
        Baseline log-odds per impact code (not an effect: kept by :meth:`null`).
    wave_log_odds : dict
        Shift per wave: impacts rise from expectations to early and partly
        persist at longer_term.
    code_wave_log_odds : dict
        Extra shift per impact code and wave, added to ``wave_log_odds`` for
        that code only (``{"morale": {"expectations": 0, "early": -2,
        "longer_term": -2}}`` plants a fall in morale beside the rise of the
        others); codes not named have none.
    intervention_wave_log_odds : dict
        Extra shift per impact code and wave for participants in councils in
        intervention at that wave only: a change across the waves that
        differs by intervention status. ``{"learning": {"expectations": 0,
        "early": 0, "longer_term": 2}}`` plants a rise in learning at
        longer-term change in councils in intervention beside none in the
        others (the change's odds ratio in intervention is ``exp(2)`` times
        the others'). Codes not named have none; none by default, so a
        study made before the field existed is made and written as it was.
    intervention_log_odds : float
        Shift for ``intervention_codes`` when the council is in intervention
        (improvement notice or statutory direction) at the wave.
    intervention_codes : tuple of str
        Codes the intervention shift applies to (affirmation of partnership).
    validation_log_odds : float
        Shift in the log-odds that an insight statement is a validation
        ("it confirmed that ...") when the council is in intervention.
    council_sd, participant_sd : float
        Standard deviations of the random effects (not effects: kept by :meth:`null`).
    hedged_rate, negated_rate : dict
        Per wave, probability that a code not asserted in an interview is
        mentioned hedged ("we hope it will ...") or negated ("X hasn't shifted").
    level_probs : dict
        Per wave, probabilities of the impact levels insight, action, outcome
        of an asserted statement.
    other_attribution : dict
        Per wave, probability that an asserted change is attributed to another
        factor (Ofsted, leadership, restructure, funding, other programme) or
        left unclear, instead of to the review.
    indicator_measure : str
        Indicator carrying the planted effect.
    indicator_post_review, indicator_post_by_intervention : float
        Change in ``indicator_measure`` (its units) in periods after the review,
        and the extra change for councils in intervention when reviewed: each
        council's own change. What the analysis estimates, their mean over the
        councils compared after their review, is
        :meth:`PlantedTruth.review_changes` (``review_change`` in
        planted_truth.json).
    survey_shift, survey_shift_by_intervention : float or dict
        Shift of the latent survey scale (logistic units) at each survey
        wave after the first, and the extra shift for councils in
        intervention at that wave; a dict gives the shift per wave id
        (``{"longer_term": 0.3, "two_years": 0.8}``; waves not named, none).
    process_rate : dict
        Per wave, probability that a participant comments on each factor of
        the review process (``review_process`` codebook).
    process_helped : dict
        Per factor, probability that such a comment says it helped (else hindered).
    monitoring_effect : float
        Shift in the log-odds that ``action_plan_monitoring`` is said to have
        helped, per unit of the council and participant effect on reporting
        impacts: councils that report more impact say more often that
        monitoring the action plan helped.
    recommendation_rate : dict
        Per wave, probability that an interview holds a suggestion for the
        programme (about one factor, which it implies fell short).

    Examples
    --------
    >>> SynthEffects().intervention_log_odds
    1.0
    >>> SynthEffects.null().wave_log_odds
    {'expectations': 0.0, 'early': 0.0, 'longer_term': 0.0}
    >>> SynthEffects.from_value({"survey_shift": 0.8}).survey_shift
    0.8
    """

    code_log_odds: dict[str, float] = field(default_factory=lambda: {
        "commitment": 0.2, "plans_actions": 0.6, "learning": 0.0,
        "policies_systems": 0.1, "morale": -0.5, "partnership": 0.0})
    wave_log_odds: dict[str, float] = field(default_factory=lambda: _per_wave(-2.0, 0.0, -0.6))
    code_wave_log_odds: dict[str, dict[str, float]] = field(default_factory=dict)
    intervention_wave_log_odds: dict[str, dict[str, float]] = field(default_factory=dict)
    intervention_log_odds: float = 1.0
    intervention_codes: tuple[str, ...] = ("partnership",)
    validation_log_odds: float = 1.2
    council_sd: float = 0.5
    participant_sd: float = 0.3
    hedged_rate: dict[str, float] = field(default_factory=lambda: _per_wave(0.45, 0.12, 0.08))
    negated_rate: dict[str, float] = field(default_factory=lambda: _per_wave(0.04, 0.15, 0.2))
    level_probs: dict[str, tuple[float, float, float]] = field(default_factory=lambda: {
        "expectations": (0.7, 0.3, 0.0), "early": (0.45, 0.4, 0.15), "longer_term": (0.2, 0.4, 0.4)})
    other_attribution: dict[str, float] = field(default_factory=lambda: _per_wave(0.05, 0.15, 0.35))
    indicator_measure: str = "rereferral_pct"
    indicator_post_review: float = -0.5
    indicator_post_by_intervention: float = -2.5
    survey_shift: float | dict[str, float] = 0.35
    survey_shift_by_intervention: float | dict[str, float] = 0.0
    process_rate: dict[str, float] = field(default_factory=lambda: _per_wave(0.0, 0.12, 0.10))
    process_helped: dict[str, float] = field(default_factory=lambda: dict(zip(PROCESS_CODES, (
        0.6, 0.7, 0.7, 0.6, 0.45, 0.35, 0.6, 0.8, 0.65, 0.6, 0.6, 0.5, 0.35, 0.25, 0.3), strict=True)))
    monitoring_effect: float = 1.0
    recommendation_rate: dict[str, float] = field(default_factory=lambda: _per_wave(0.0, 0.2, 0.25))

    def __post_init__(self) -> None:
        from .._keywords import check_fields

        # a number of another kind (None, '1.0', a list) was kept and failed in the generator, far from the call, or
        # (indicator_measure=3) planted an effect on no indicator (newuser18)
        check_fields(self)
        problems = []
        if set(self.code_log_odds) != set(CODES):
            problems.append(f"`code_log_odds` must have exactly the codes {list(CODES)}, but {sorted(self.code_log_odds)} were passed.")
        for name in _PER_WAVE:
            value = getattr(self, name)
            if not set(WAVES) <= set(value) <= set(_WAVE_BOOK):
                problems.append(f"`{name}` must have the waves {list(WAVES)} (and may have {list(_WAVE_BOOK)[3:]}), "
                                f"but {sorted(value)} were passed.")
        for name in _PER_CODE_WAVE:
            value = getattr(self, name)
            if not isinstance(value, Mapping):
                problems.append(f"`{name}` must be a dict of codes, but {type(value).__name__} was passed.")
                continue
            for code, shift in value.items():
                if code not in CODES or not isinstance(shift, Mapping) or not set(WAVES) <= set(shift) <= set(_WAVE_BOOK):
                    problems.append(f"`{name}` must map codes among {list(CODES)} to a shift for each of the waves "
                                    f"{list(WAVES)} (and may for {list(_WAVE_BOOK)[3:]}), but {code!r}: {shift!r} "
                                    "was passed.")
                elif not all(isinstance(v, (int, float)) and math.isfinite(v) for v in shift.values()):
                    problems.append(f"`{name}[{code!r}]` must hold finite numbers, but {dict(shift)!r} was passed.")
        for name in _SURVEY:
            value = getattr(self, name)
            ok = (isinstance(value, Mapping) and set(value) <= set(_WAVE_BOOK) and all(_finite(v) for v in value.values())
                  ) or _finite(value)
            if not ok:
                problems.append(f"`{name}` must be a number (the shift at every survey wave after the first) or a "
                                f"dict of numbers by wave id among {list(_WAVE_BOOK)}, but {value!r} was passed.")
        if set(self.process_helped) != set(PROCESS_CODES):
            problems.append(f"`process_helped` must have exactly the codes {list(PROCESS_CODES)}, but "
                            f"{sorted(self.process_helped)} were passed.")
        elif not all(0.0 < float(v) < 1.0 for v in self.process_helped.values()):
            problems.append(f"`process_helped` must hold probabilities in (0, 1), but {self.process_helped} was passed.")
        for name in ("hedged_rate", "negated_rate", "other_attribution", "process_rate", "recommendation_rate"):
            bad = {k: v for k, v in getattr(self, name).items() if not 0.0 <= float(v) <= 1.0}
            if bad:
                problems.append(f"`{name}` must hold probabilities in [0, 1], but {bad} was passed.")
        for wave, probs in self.level_probs.items():
            if len(probs) != 3 or min(probs) < 0 or abs(sum(probs) - 1.0) > 1e-9:
                problems.append(f"`level_probs[{wave!r}]` must be three probabilities (insight, action, outcome) summing to 1, but {probs!r} was passed.")
        unknown = [c for c in self.intervention_codes if c not in CODES]
        if unknown:
            problems.append(f"`intervention_codes` must be among {list(CODES)}, but {unknown} was passed.")
        for name in _NUMBERS:
            value = getattr(self, name)
            if isinstance(value, numbers.Real) and not math.isfinite(float(value)):
                # NaN passed every check (nan < 0 is false) and planted NaN everywhere downstream; inf overflowed
                problems.append(f"`{name}` must be a finite number, but {value!r} was passed.")
        for name in ("code_log_odds", "wave_log_odds"):
            bad = {k: v for k, v in getattr(self, name).items()
                   if not (isinstance(v, numbers.Real) and math.isfinite(float(v)))}
            if bad:
                problems.append(f"`{name}` must hold finite numbers, but {bad} was passed.")
        if self.council_sd < 0 or self.participant_sd < 0:
            problems.append("`council_sd` and `participant_sd` must be non-negative.")
        if problems:
            raise ValueError(" ".join(problems))

    def wave_shift(self, code: str, wave: str, in_intervention: bool = False) -> float:
        """The planted shift in the log-odds of ``code`` at ``wave``: ``wave_log_odds`` plus ``code_wave_log_odds``,
        plus ``intervention_wave_log_odds`` for a participant in a council ``in_intervention`` at the wave."""
        shift = float(self.wave_log_odds[wave]) + float(self.code_wave_log_odds.get(code, {}).get(wave, 0.0))
        if in_intervention and code in self.intervention_wave_log_odds:
            shift += float(self.intervention_wave_log_odds[code].get(wave, 0.0))
        return shift

    def review_change(self, in_intervention: bool) -> float:
        """The planted change in ``indicator_measure`` in each period ending after a council's review:
        ``indicator_post_review``, plus ``indicator_post_by_intervention`` for a council in intervention when its
        review began. The one rule the generator plants and the truth file's estimand averages."""
        return self.indicator_post_review + self.indicator_post_by_intervention * in_intervention

    def status_changes(self, waves: tuple[str, ...] | list[str] = WAVES) -> list[dict[str, Any]]:
        """The planted change of each impact between the first wave and each later one, per intervention status.

        One row per code, later wave and status group (``no_intervention`` | ``intervention``: in that status at
        both waves): ``change`` is the planted shift in the log-odds at the later wave less that at the first
        (``wave_shift``; the status's own constant shift cancels), ``differs`` whether the two status groups'
        changes differ (``intervention_wave_log_odds``).

        Examples
        --------
        >>> e = SynthEffects(intervention_wave_log_odds={"learning": {"expectations": 0, "early": 0, "longer_term": 2}})
        >>> [(r["status_group"], r["change"], r["differs"]) for r in e.status_changes()
        ...  if r["code"] == "learning" and r["wave"] == "longer_term"]
        [('no_intervention', 1.4, True), ('intervention', 3.4, True)]
        """
        out = []
        for code in CODES:
            for wave in waves[1:]:
                change = {s: self.wave_shift(code, wave, s) - self.wave_shift(code, waves[0], s) for s in (False, True)}
                for s, group in ((False, "no_intervention"), (True, "intervention")):
                    out.append({"code": code, "wave": wave, "status_group": group, "change": change[s],
                                "differs": change[True] != change[False]})
        return out

    def over(self, waves: tuple[str, ...] | list[str]) -> SynthEffects:
        """These effects for a study of ``waves`` (ids of :func:`wave_plan`).

        A wave not named in a field of one value per wave takes the value of its phase's wave (``two_years`` and
        ``three_years`` that of ``longer_term``): a second follow-up is as the first unless told otherwise. A shift per
        code and wave (``code_wave_log_odds``, ``intervention_wave_log_odds``) not named at a wave is its phase's too.
        The three default waves stay named, so the effects of a study of three waves are these.

        Raises
        ------
        ValueError
            If a shift other than 0 is planted at a wave the study does not have.

        Examples
        --------
        >>> e = SynthEffects(code_wave_log_odds={"learning": {"expectations": 0.0, "early": 2.0, "longer_term": 2.0,
        ...                                                   "three_years": 0.0}})
        >>> e.over(("expectations", "early", "longer_term", "two_years", "three_years")).code_wave_log_odds["learning"]
        {'expectations': 0.0, 'early': 2.0, 'longer_term': 2.0, 'two_years': 2.0, 'three_years': 0.0}
        >>> SynthEffects().over(("expectations", "early", "longer_term", "two_years")).wave_log_odds["two_years"]
        -0.6
        """
        phase = {w: _WAVE_BOOK[w][1] for w in _WAVE_BOOK}
        keep = [w for w in _WAVE_BOOK if w in waves or w in WAVES]
        stray = sorted({f"{name}[{code!r}][{w!r}]" for name in _PER_CODE_WAVE
                        for code, shift in getattr(self, name).items() for w, v in shift.items()
                        if w not in waves and v != 0})
        stray += [f"{name}[{w!r}]" for name in _SURVEY if isinstance(getattr(self, name), Mapping)
                  for w, v in getattr(self, name).items() if w not in waves and v != 0]
        if stray:
            raise ValueError(f"{_named('effect', stray)} planted at a wave the study does not have; its waves are "
                             f"{list(waves)}.")
        changes: dict[str, Any] = {}
        for name in _PER_WAVE:
            value = getattr(self, name)
            changes[name] = {w: value[w] if w in value else value[phase[w]] for w in keep}
        for name in _PER_CODE_WAVE:
            changes[name] = {code: {w: float(shift.get(w, shift.get(phase[w], 0.0))) for w in keep}
                             for code, shift in getattr(self, name).items()}
        out = dataclasses.replace(self, **changes)
        return self if out.to_dict() == self.to_dict() else out

    def survey_wave_shift(self, wave: str, later: bool, in_intervention: bool) -> float:
        """The planted shift of the survey scale at ``wave``: ``survey_shift`` (its value at the wave, or the one
        number at a survey wave ``later`` than the first), plus ``survey_shift_by_intervention`` so for a council
        ``in_intervention`` at the wave."""
        def at(value):
            return float(value.get(wave, 0.0)) if isinstance(value, Mapping) else float(value) * later

        return at(self.survey_shift) + at(self.survey_shift_by_intervention) * in_intervention

    @classmethod
    def null(cls) -> SynthEffects:
        """No planted effect: every wave, status and group is alike.

        Baseline rates and random-effect spreads stay; wave, intervention,
        level, attribution, indicator and survey effects are zero or flat.
        """
        base = cls()
        flat = lambda d: {w: sum(d.values()) / len(d) for w in WAVES}  # noqa: E731
        levels = tuple(sum(base.level_probs[w][i] for w in WAVES) / len(WAVES) for i in range(3))
        return cls(
            wave_log_odds=_per_wave(0.0, 0.0, 0.0),
            code_wave_log_odds={},
            intervention_wave_log_odds={},
            intervention_log_odds=0.0,
            validation_log_odds=0.0,
            hedged_rate=flat(base.hedged_rate),
            negated_rate=flat(base.negated_rate),
            level_probs={w: levels for w in WAVES},
            other_attribution=flat(base.other_attribution),
            indicator_post_review=0.0,
            indicator_post_by_intervention=0.0,
            survey_shift=0.0,
            survey_shift_by_intervention=0.0,
            monitoring_effect=0.0,
        )

    @classmethod
    def from_value(cls, value: SynthEffects | Mapping[str, Any] | None) -> SynthEffects:
        """Accept a :class:`SynthEffects`, a dict of fields to change, or None (defaults)."""
        if value is None:
            return cls()
        if isinstance(value, SynthEffects):
            return value
        if not isinstance(value, Mapping):
            raise TypeError(f"`effects` must be a SynthEffects or a dict, but {type(value).__name__} was passed.")
        names = [f.name for f in dataclasses.fields(cls)]
        unknown = sorted(set(value) - set(names))
        if unknown:
            raise ValueError(f"Unknown {_named('effect', unknown)}; the fields of SynthEffects are {names}.")
        kwargs = dict(value)
        if "intervention_codes" in kwargs:
            kwargs["intervention_codes"] = tuple(kwargs["intervention_codes"])
        if "level_probs" in kwargs:
            kwargs["level_probs"] = {k: tuple(v) for k, v in kwargs["level_probs"].items()}
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict of every field (tuples as lists)."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in _PER_CODE_WAVE and not value:
                continue  # none planted: left out, so a study made before the field existed is written as it was
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, dict):
                value = {k: list(v) if isinstance(v, tuple) else dict(v) if isinstance(v, dict) else v
                         for k, v in value.items()}
            out[f.name] = value
        return out

    def is_null(self) -> bool:
        """True if no effect is planted (as :meth:`null`)."""
        return self.to_dict() == SynthEffects.null().to_dict() or (
            all(v == 0 for v in self.wave_log_odds.values())
            and all(v == 0 for name in _PER_CODE_WAVE for shift in getattr(self, name).values()
                    for v in shift.values())
            and self.intervention_log_odds == 0 and self.validation_log_odds == 0
            and self.indicator_post_review == 0 and self.indicator_post_by_intervention == 0
            and all(not any(v.values()) if isinstance(v, Mapping) else v == 0
                    for v in (self.survey_shift, self.survey_shift_by_intervention))
            and self.monitoring_effect == 0
            and len({tuple(v) for v in self.level_probs.values()}) == 1
            and len(set(self.hedged_rate.values())) == 1 and len(set(self.negated_rate.values())) == 1
            and len(set(self.other_attribution.values())) == 1
        )
