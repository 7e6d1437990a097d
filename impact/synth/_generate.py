"""Generate a synthetic longitudinal study with planted, known effects."""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import vocab
from .._joins import one_date
from .._keywords import passes_keywords
from .._version import __version__
from ..councils import council_list
from ..errors import user_level
from ..schema import true_or_false, unknown_told
from ..study import DEFAULT_WAVES, Study, _save_folder
from ._effects import WAVES, SynthEffects, wave_plan
from ._estimands import INDICATOR_PERIODS
from ._people import person_name
from ._phrases import ATTRIBUTION_FACTORS, CODES
from ._process import RECOMMENDATION, process_plan
from ._text import Dice, Statement, write_transcript
from ._truth import PlantedTruth

__all__ = ["generate", "generate_with_truth", "save_synthetic", "SURVEY_ITEMS", "INDICATORS"]

#: Survey items written to ``study.yaml`` (all on a 1-5 agreement scale).
SURVEY_ITEMS: dict[str, str] = {
    "thresholds_understood": "I understand the thresholds for children's social care",
    "partners_work_together": "Partner agencies work well together to keep children safe",
    "leaders_visible": "Senior leaders are visible and listen to staff",
    "supervision_reflective": "Supervision helps me reflect on my practice",
    "morale_good": "Morale in my team is good",
    "learning_shared": "Learning from reviews and audits is shared with me",
}
_ITEM_MEAN = (0.4, 0.1, -0.3, 0.2, -0.5, -0.2)
_CUTS = (-2.0, -0.7, 0.7, 2.0)

#: Indicator measures: (mean, sd between councils, yearly trend, sd within council).
INDICATORS: dict[str, tuple[float, float, float, float]] = {
    "referral_rate": (540.0, 120.0, 6.0, 30.0),
    "rereferral_pct": (24.0, 4.0, -0.2, 1.5),
    "cin_rate": (330.0, 60.0, 2.0, 15.0),
    "cpp_rate": (40.0, 10.0, 1.0, 4.0),
    "sw_turnover_pct": (16.0, 4.0, 0.0, 3.0),
}
_FLAGS = ("c", "c", "x", "x", "low")

_ROLE_WEIGHTS = {
    "dcs": 0.07, "assistant_director": 0.12, "lead_member": 0.08, "chief_executive": 0.02, "senior_manager": 0.14,
    "middle_manager": 0.16, "frontline_practitioner": 0.14, "lscb_chair": 0.04, "lscb_manager": 0.04,
    "health_partner": 0.07, "police_partner": 0.05, "education_partner": 0.05, "voluntary_sector_partner": 0.02,
}
_ROLE_ORG = {
    "lscb_chair": "lscb", "lscb_manager": "lscb", "health_partner": "health", "police_partner": "police",
    "education_partner": "education", "voluntary_sector_partner": "voluntary_sector",
}
_OWNER_ROLES = ("dcs", "assistant_director", "senior_manager", "senior_manager", "middle_manager", "lscb_manager",
                "lscb_chair", "lead_member", "health_partner", "police_partner")
_ACTION_TEXT = {
    "outcomes": ("Agree a shared outcomes framework with partners", "Report outcomes for children in need quarterly",
                 "Track re-referrals and repeat plans by team"),
    "vision_strategy_leadership": ("Refresh the improvement plan with fewer, clearer priorities",
                                   "Set up an improvement board chaired by the chief executive",
                                   "Increase senior leaders' visits to frontline teams"),
    "working_together_lscb": ("Review the LSCB sub-group structure", "Agree a multi-agency escalation protocol",
                              "Run joint training on thresholds with police and health"),
    "service_delivery_practice": ("Introduce reflective group supervision", "Reduce caseloads in assessment teams",
                                  "Audit the quality of child protection plans"),
    "managing_resources": ("Develop a recruitment and retention strategy", "Reduce reliance on agency staff",
                           "Review the budget for early help"),
    "participation": ("Involve children and families in service design", "Set up a young people's panel"),
    "managing_performance": ("Introduce a monthly performance scorecard", "Train managers to use performance data"),
    "productivity_innovation": ("Pilot a new duty model", "Streamline assessment recording"),
    "commissioning": ("Re-commission early help services jointly", "Map voluntary-sector provision"),
}
_NEXT_STATUS = {  # progress from early to longer_term: mostly forward
    "not_started": (("not_started", 0.2), ("in_progress", 0.5), ("completed", 0.25), ("embedded", 0.05)),
    "in_progress": (("not_started", 0.03), ("in_progress", 0.35), ("completed", 0.42), ("embedded", 0.2)),
    "completed": (("in_progress", 0.05), ("completed", 0.6), ("embedded", 0.35)),
    "embedded": (("completed", 0.1), ("embedded", 0.9)),  # a second follow-up and later only
}
_EARLY_STATUS = (("not_started", 0.35), ("in_progress", 0.55), ("completed", 0.1))

#: The paths through intervention and their default chances; ``entered_lifted`` (a council entering intervention after
#: the review and leaving it before the longer-term wave) has none by default, so a default study is as it was.
_PATHS = (("never", 0.6), ("throughout", 0.13), ("lifted", 0.12), ("entered", 0.1), ("direction", 0.05),
          ("entered_lifted", 0.0))
_NOTICE_RENAMED = dt.date(2012, 1, 1)  # "Notice to Improve" -> "Improvement Notice"
_STREAMS = {"councils": 1, "status": 2, "reviews": 3, "people": 4, "plan": 5, "text": 6, "survey": 7, "actions": 8,
            "indicators": 9, "process": 10}


def _rng(seed: int, stream: str, *extra: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([seed, _STREAMS[stream], *extra]))


def _weighted(rng_or_dice, options):
    u = rng_or_dice.random()
    acc = 0.0
    for value, p in options:
        acc += p
        if u < acc:
            return value
    return options[-1][0]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _days(rng: np.random.Generator, lo: int, hi: int) -> dt.timedelta:
    return dt.timedelta(days=int(rng.integers(lo, hi + 1)))


def _judgement(rank: str, date: dt.date) -> str:
    if rank == "adequate" and date >= vocab.SIF_START:
        return "requires_improvement"
    return rank


def _notice(date: dt.date) -> str:
    return "notice_to_improve" if date < _NOTICE_RENAMED else "improvement_notice"


def _slug(name: str) -> str:
    name = re.sub(r",\s*(City|County) of$", "", name)
    return re.sub(r"[^a-z]", "", name.lower()) or "council"


# --------------------------------------------------------------------- status history
def _status_history(cid: str, start: dt.date, end: dt.date, rng: np.random.Generator,
                    paths: tuple[tuple[str, float], ...] | None = None,
                    since: dt.date | None = None, until: dt.date | None = None,
                    later: int = 0) -> tuple[list[dict], str]:
    """Judgements, notices and directions for one council; transitions fall between wave windows.

    ``later``: days the last wave's window ends after the longer-term wave's (a study of 4 or 5 waves): a notice
    held from a wave on (``throughout``, ``direction``, ``entered``) is lifted that much later, so it is held at every
    later wave too, as the path promises.
    ``since`` is the first day of a council created since 2013: nothing of it ends earlier, and what
    began earlier begins that day. ``until`` is the last day of a council since abolished: nothing of it
    starts later, and what is open then ends that day."""
    path = _weighted(rng, _paths(None) if paths is None else paths)
    judgements: list[tuple[dt.date, str]] = []
    notices: list[tuple[dt.date, dt.date, str]] = []
    directions: list[tuple[dt.date, dt.date, str]] = []
    good_rank = lambda: _weighted(rng, (("outstanding", 0.1), ("good", 0.45), ("adequate", 0.45)))  # noqa: E731
    if path == "never":
        judgements.append((start - _days(rng, 250, 900), good_rank()))
    elif path == "entered":
        judgements.append((start - _days(rng, 250, 900), good_rank()))
        j1 = end + _days(rng, 186, 250)
        judgements.append((j1, "inadequate"))
        notices.append((j1 + _days(rng, 5, 20), end + _days(rng, 700, 1100) + dt.timedelta(days=later), ""))
    elif path == "entered_lifted":
        # out at the first wave, in at the early wave, out again at the longer-term wave: inspected inadequate in the
        # days after the review (notice issued before the early wave's window opens, 28 days after it), the notice
        # lifted between the early and the longer-term wave's windows (as ``lifted``'s is)
        judgements.append((start - _days(rng, 250, 900), good_rank()))
        j1 = end + _days(rng, 1, 10)
        judgements.append((j1, "inadequate"))
        lifted = end + _days(rng, 188, 268)
        judgements.append((lifted - _days(rng, 0, 3), _weighted(rng, (("adequate", 0.8), ("good", 0.2)))))
        notices.append((j1 + _days(rng, 3, 14), lifted, ""))
    else:
        j0 = start - _days(rng, 450, 900)
        judgements.append((j0, "inadequate"))
        issued = j0 + _days(rng, 20, 60)
        if path == "lifted":
            lifted = end + _days(rng, 188, 268)
            judgements.append((lifted - _days(rng, 0, 3), _weighted(rng, (("adequate", 0.8), ("good", 0.2)))))
        else:
            lifted = end + _days(rng, 560, 900) + dt.timedelta(days=later)
            judgements.append((lifted - _days(rng, 0, 10), "adequate"))
        notices.append((issued, lifted, ""))
        if path == "direction":
            d_start = issued + _days(rng, 60, 150)
            kind = "direction" if rng.random() < 0.6 else "commissioner"
            directions.append((d_start, lifted - _days(rng, 1, 30), kind))
    # Later inspections, after the study's windows, until 2023.
    last = max(end + dt.timedelta(days=560), *(d for d, _ in judgements), *(e for _, e, _ in notices))
    when = last + _days(rng, 120, 900)
    while when < dt.date(2024, 1, 1) and (until is None or when <= until):
        judgements.append((when, _weighted(rng, (("outstanding", 0.1), ("good", 0.5), ("adequate", 0.4)))))
        when += _days(rng, 700, 1500)
    rows = []
    judgements.sort()
    for i, (date, rank) in enumerate(judgements):
        stop = judgements[i + 1][0] - dt.timedelta(days=1) if i + 1 < len(judgements) else None
        rows.append({"council_id": cid, "kind": "ofsted_judgement", "status": _judgement(rank, date),
                     "start_date": date, "end_date": stop, "source": "synthetic inspection report"})
    for issued, lifted, _ in notices:
        rows.append({"council_id": cid, "kind": "improvement_notice", "status": _notice(issued),
                     "start_date": issued, "end_date": lifted, "source": "synthetic notice letter"})
    for d_start, d_end, kind in directions:
        rows.append({"council_id": cid, "kind": "statutory_direction", "status": kind,
                     "start_date": d_start, "end_date": d_end, "source": "synthetic direction"})
    if since is not None:
        rows = [{**r, "start_date": max(r["start_date"], since)} for r in rows
                if r["end_date"] is None or r["end_date"] >= since]
    if until is not None:
        rows = [{**r, "end_date": until if r["end_date"] is None or r["end_date"] > until else r["end_date"]}
                for r in rows if r["start_date"] <= until]
    return rows, path


def _new_participant(cid: str, n: int, rp: np.random.Generator, dice: Dice, sd: float) -> dict:
    role = _weighted(rp, tuple(_ROLE_WEIGHTS.items()))
    given, surname = person_name(dice)
    return {"participant_id": f"P{int(cid):04d}-{n:02d}", "council_id": cid, "role": role,
            "organisation_type": _ROLE_ORG.get(role, "council"), "name": f"{given} {surname}",
            "u": float(rp.normal(0.0, sd))}


def _in_intervention(rows: list[dict], date: dt.date) -> bool:
    for r in rows:
        if r["kind"] in ("improvement_notice", "statutory_direction") and r["start_date"] <= date and (
            r["end_date"] is None or date <= r["end_date"]
        ):
            return True
    return False


def _first_intervention(rows: list[dict]) -> str | None:
    """The first day of a council's first notice or direction (ISO), None if it had neither."""
    starts = [r["start_date"] for r in rows if r["kind"] in ("improvement_notice", "statutory_direction")]
    return min(starts).isoformat() if starts else None


# --------------------------------------------------------------------- helpers per council
def _weekday(date: dt.date, lo: dt.date, hi: dt.date) -> dt.date:
    if date.weekday() == 5:
        date -= dt.timedelta(days=1)
    elif date.weekday() == 6:
        date += dt.timedelta(days=1)
    return min(max(date, lo), hi)


def _validate_args(n_councils, seed, interviews_per_wave, words_per_interview, start, end, n_available) -> None:
    problems = []
    if not isinstance(n_councils, (int, np.integer)) or isinstance(n_councils, bool) or not 1 <= n_councils <= n_available:
        problems.append(f"The value for `n_councils` must be a whole number from 1 to {n_available}, but {n_councils!r} was passed.")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        problems.append(f"The value for `seed` must be a non-negative whole number, but {seed!r} was passed.")
    if not isinstance(interviews_per_wave, (int, np.integer)) or not 1 <= interviews_per_wave <= 99:
        problems.append(f"The value for `interviews_per_wave` must be a whole number from 1 to 99, but {interviews_per_wave!r} was passed.")
    if not isinstance(words_per_interview, (int, np.integer)) or not 50 <= words_per_interview <= 100_000:
        problems.append(f"The value for `words_per_interview` must be a whole number from 50 to 100000, but {words_per_interview!r} was passed.")
    if start > end:
        problems.append(f"`start_date` ({start}) must not be after `end_date` ({end}).")
    if problems:
        raise ValueError(" ".join(problems))


def _to_date(value: Any, name: str) -> dt.date:
    """``value`` as a date, text read as every date argument and a study's files read it (:func:`one_date`: ISO or
    day/month/year; '2011/06/01' is refused naming 2011-06-01, where pandas read it); None or '' refused, not read
    as NaT and compared with a date ("Cannot compare NaT", newuser17)."""
    return one_date(value, name).date()


# --------------------------------------------------------------------- main
def _missing_in_intervention(value, participant_missing: float, waves: tuple[str, ...] = WAVES) -> dict[str, float]:
    """``participant_missing_in_intervention`` as a chance per wave id (``participant_missing`` where not given)."""
    if value is None:
        return dict.fromkeys(waves, participant_missing)
    if isinstance(value, Mapping):
        unknown = [w for w in value if w not in waves]
        if unknown:
            raise ValueError(f"`participant_missing_in_intervention` names waves {waves}, but {unknown!r} was passed"
                             f"{unknown_told(unknown, waves)}.")
        return {w: value.get(w, participant_missing) for w in waves}
    return dict.fromkeys(waves, value)


def _survey_waves(value, waves: tuple[str, ...]) -> tuple[str, ...]:
    """``survey_waves`` checked against the study's ``waves`` (the first and the last wave where None)."""
    if value is None:
        return (waves[0], waves[-1])
    given = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else None
    if not given or any(w not in waves for w in given) or len(set(given)) < len(given):
        raise ValueError(f"The value for `survey_waves` must be one or more of the study's waves {list(waves)}, each "
                         f"once, but {value!r} was passed{unknown_told(given or (), waves)}.")
    return tuple(w for w in waves if w in given)


def generate_with_truth(
    n_councils: int = 30,
    *,
    seed: int = 0,
    interviews_per_wave: int = 5,
    words_per_interview: int = 700,
    effects: SynthEffects | Mapping[str, Any] | None = None,
    start_date: Any = "2010-06-01",
    end_date: Any = "2013-09-30",
    participant_missing: float = 0.08,
    participant_dropout: float = 0.08,
    council_missing: float = 0.04,
    intervention_paths: Mapping[str, float] | None = None,
    name: str = "synthetic",
    participant_missing_in_intervention: float | Mapping[str, float] | None = None,
    waves: int | list[str] | tuple[str, ...] = 3,
    survey_waves: list[str] | tuple[str, ...] | None = None,
) -> tuple[Study, PlantedTruth]:
    """Generate a synthetic study and the truth planted in it.

    Takes the arguments of :func:`generate` (except ``out`` and
    ``overwrite``) and returns ``(study, truth)``; save both with
    :func:`save_synthetic`.

    Examples
    --------
    >>> study, truth = generate_with_truth(2, seed=1, interviews_per_wave=2, words_per_interview=200)
    >>> row = truth.statements.iloc[0]
    >>> span = study.transcript(row["interview_id"])[row["start"]:row["end"]]
    >>> span.endswith(".") and row["polarity"] in ("asserted", "negated", "hedged")
    True
    """
    if not isinstance(name, str) or not name.strip():  # name=3 or ['a'] named the study "3" or "['a']" (newuser17)
        raise TypeError(f"The value for `name` must be the study's name, a text such as 'synthetic', but {name!r:.60} "
                        f"({type(name).__name__}) was passed.")
    wave_defs, phase = wave_plan(waves)
    wave_ids = tuple(phase)
    on_survey = _survey_waves(survey_waves, wave_ids)
    eff = SynthEffects.from_value(effects).over(wave_ids)
    start, end = _to_date(start_date, "start_date"), _to_date(end_date, "end_date")
    available = council_list()
    register = council_list(include_former=True)
    first, last = _study_span(start, end, wave_defs) if start <= end else (start, end)
    _validate_args(n_councils, seed, interviews_per_wave, words_per_interview, start, end, len(available))
    missing_in = _missing_in_intervention(participant_missing_in_intervention, participant_missing, wave_ids)
    for pname, p in (("participant_missing", participant_missing), ("participant_dropout", participant_dropout),
                     ("council_missing", council_missing),
                     *((f"participant_missing_in_intervention[{w!r}]", p) for w, p in missing_in.items())):
        if not 0.0 <= p < 1.0:
            raise ValueError(f"The value for `{pname}` must be a probability in [0, 1), but {p!r} was passed.")
    if eff.indicator_measure not in INDICATORS:
        raise ValueError(f"`indicator_measure` must be one of {sorted(INDICATORS)}, but {eff.indicator_measure!r} was passed.")
    seed = int(seed)
    paths = _paths(intervention_paths)

    councils = _choose_councils(available, int(n_councils), seed)
    in_being = _in_being(register, first, last)
    n_in_being = int(in_being.sum())
    if n_councils <= n_in_being:
        councils = _councils_in_being(councils, register, in_being, seed)
    else:
        late = [cid for cid in councils["council_id"] if not in_being[cid]]
        warnings.warn(f"{n_councils} councils were asked for, but only {n_in_being} ran children's services throughout "
                      f"the study's waves ({first} to {last}); today's councils are used, so {len(late)} of them "
                      f"({', '.join(late)}) were not councils for all of it, and `impact validate` warns of each one "
                      f"reviewed outside its life. Ask for "
                      f"{n_in_being} councils or fewer for councils of the study's time (or, in Python, a `start_date` "
                      f"from {_latest_change() + (start - first)} on).", UserWarning, stacklevel=user_level())
    councils["ons_code"] = councils["ons_code"].where(councils["ons_code"] != "", None)
    ids = councils["council_id"].tolist()
    created, abolished = ({c: t.date() for c, t in zip(register["council_id"], register[col], strict=True)
                           if not pd.isna(t)} for col in ("valid_from", "valid_to"))

    status_rows, reviews, latent = [], [], []
    participants, interviews = [], []
    windows = {w["id"]: w for w in wave_defs}
    later = max(0, wave_defs[-1]["window_days"][1] - DEFAULT_WAVES[-1]["window_days"][1])
    span = (end - start).days
    for ci, cid in enumerate(ids):
        # Review: a Monday-to-Friday week.
        rr = _rng(seed, "reviews", ci)
        r_start = start + dt.timedelta(days=int(rr.integers(0, span + 1)))
        r_start -= dt.timedelta(days=r_start.weekday())
        r_end = r_start + dt.timedelta(days=4)
        themes = list(vocab.CORE_THEMES) + [t for t in vocab.OPTIONAL_THEMES if rr.random() < 0.25]
        roles = [r for r in vocab.TEAM_ROLES if r in ("team_leader", "member_peer", "officer_peer", "health_peer",
                                                     "review_manager")
                 or (r == "offsite_peer" and rr.random() < 0.8) or (r == "third_sector" and rr.random() < 0.3)
                 or (r == "other_specialist" and rr.random() < 0.2)]
        n_rec = int(rr.integers(4, 13))
        reviews.append({"council_id": cid, "start_date": r_start, "end_date": r_end, "themes": ";".join(themes),
                        "team_roles": ";".join(roles), "n_recommendations": n_rec})
        rows, path = _status_history(cid, r_start, r_end, _rng(seed, "status", ci), paths, created.get(cid),
                                     abolished.get(cid), later)
        status_rows += rows
        anchor = {"review_start": r_start, "review_end": r_end}
        ref = {w: anchor[windows[w]["anchor"]] + dt.timedelta(days=sum(windows[w]["window_days"]) // 2)
               for w in wave_ids}
        in_int = {w: _in_intervention(rows, ref[w]) for w in wave_ids}

        # Participants and interviews, with attrition.
        rp = _rng(seed, "people", ci)
        dice = Dice(rp)
        made: list[dict] = []

        def new_participant(rp=rp, dice=dice, cid=cid, made=made) -> dict:
            p = _new_participant(cid, len(made) + 1, rp, dice, eff.participant_sd)
            made.append(p)
            return p

        roster = [new_participant() for _ in range(interviews_per_wave)]
        missing_wave = {w for w in wave_ids if rp.random() < council_missing}
        if len(missing_wave) == len(wave_ids):
            missing_wave.discard(wave_ids[int(rp.integers(0, len(wave_ids)))])
        council_u = float(rp.normal(0.0, eff.council_sd))
        for wi, w in enumerate(wave_ids):
            if wi > 0:
                roster = [p if rp.random() >= participant_dropout else
                          (new_participant() if rp.random() < 0.6 else None) for p in roster]
                roster = [p for p in roster if p is not None]
            # missed interviews that depend on the council's status at the wave when asked for (the same draws: a
            # default study is as it was)
            miss = missing_in[w] if in_int[w] else participant_missing
            present = [p for p in roster if rp.random() >= miss]
            if w in missing_wave:
                continue
            lo_d, hi_d = windows[w]["window_days"]
            lo = anchor[windows[w]["anchor"]] + dt.timedelta(days=lo_d)
            hi = anchor[windows[w]["anchor"]] + dt.timedelta(days=hi_d)
            width = (hi - lo).days
            centre = lo + dt.timedelta(days=int(rp.integers(min(10, width // 2), max(width - 10, width // 2) + 1)))
            for p in present:
                date = _weekday(centre + dt.timedelta(days=int(rp.integers(-10, 11))), lo, hi)
                mode = _weighted(rp, (("telephone", 0.6), ("in_person", 0.3), ("video", 0.1)))
                interviews.append({"council_id": cid, "wave": w, "wave_order": wi, "date": date,
                                   "participant_id": p["participant_id"], "mode": mode, "_p": p})
        participants += made
        latent.append({"council_id": cid, "intervention_path": path, "council_effect": round(council_u, 6),
                       "in_intervention": {w: in_int[w] for w in wave_ids},
                       "in_intervention_at_review": _in_intervention(rows, r_start),
                       "first_intervention": _first_intervention(rows),
                       "review_start": r_start.isoformat(), "review_end": r_end.isoformat(),
                       "_slug": _slug(councils.loc[ci, "name"]), "_u": council_u})

    # Interview ids, in council, wave and date order.
    interviews.sort(key=lambda r: (r["council_id"], r["wave_order"], r["date"], r["participant_id"]))
    seq: dict[str, int] = {}
    for r in interviews:
        seq[r["council_id"]] = seq.get(r["council_id"], 0) + 1
        r["interview_id"] = f"I{int(r['council_id']):04d}-{seq[r['council_id']]:03d}"
        r["transcript"] = f"{r['council_id']}/{r['interview_id']}.txt"

    # Planted statements and transcripts.
    by_council = {lat["council_id"]: lat for lat in latent}
    transcripts: dict[str, str] = {}
    statements, pii = [], []
    for ii, r in enumerate(interviews):
        lat = by_council[r["council_id"]]
        w = r["wave"]
        in_int = lat["in_intervention"][w]
        plan = _plan(eff, w, in_int, lat["_u"] + r["_p"]["u"], words_per_interview, _rng(seed, "plan", ii),
                     phase[w])
        plan += [Statement(code, "asserted", "", "", False, valence, rec)
                 for code, valence, rec in process_plan(eff, w, lat["_u"] + r["_p"]["u"], _rng(seed, "process", ii))]
        dice = Dice(_rng(seed, "text", ii))
        words = int(words_per_interview * (0.8 + 0.4 * dice.random()))
        text, spans, details = write_transcript(wave=phase[w], role=r["_p"]["role"], respondent_name=r["_p"]["name"],
                                                council_slug=lat["_slug"], plan=plan, words=words, dice=dice)
        transcripts[r["transcript"]] = text
        for s0, s1, st in spans:
            row = {"interview_id": r["interview_id"], "council_id": r["council_id"],
                   "participant_id": r["participant_id"], "wave": w, "start": s0, "end": s1,
                   "code": st.code, "polarity": st.polarity, "level": st.level,
                   "attribution": st.attribution, "validation": st.validation,
                   "in_intervention": in_int, "valence": st.valence}
            statements.append(row)
            if st.recommendation:
                statements.append({**row, "code": RECOMMENDATION, "valence": ""})
        for kind, value, s0, s1 in details:
            pii.append({"interview_id": r["interview_id"], "kind": kind, "value": value, "start": s0, "end": s1})

    survey, survey_latent = _survey(ids, by_council, eff, seed, on_survey)
    actions, progress = _actions(reviews, seed, [w for w in wave_ids if phase[w] != "expectations"])
    indicators, ind_latent = _indicators(ids, reviews, by_council, eff, seed)

    tables = {
        "councils": councils,
        "status_history": _frame(status_rows, ["council_id", "kind", "status", "start_date", "end_date", "source"],
                                 sort=["council_id", "kind", "start_date"]),
        "reviews": _frame(reviews, ["council_id", "start_date", "end_date", "themes", "team_roles", "n_recommendations"]),
        "participants": _frame(participants, ["participant_id", "council_id", "role", "organisation_type", "name"],
                               sort=["participant_id"]),
        "interviews": _frame(interviews, ["interview_id", "participant_id", "council_id", "wave", "date", "mode",
                                          "transcript"]),
        "survey_responses": survey,
        "actions": actions,
        "action_progress": progress,
        "indicators": indicators,
    }
    meta = {
        "name": name,
        "description": (f"Synthetic study generated by impact.synth (seed {seed}, {n_councils} councils). "
                        "All people, statements and figures are fictional; the council list is real."),
        "format_version": 1,
        "codebook": "nfer_impacts",
        "seed": seed,
        "waves": wave_defs,
        "survey": {"items": {k: {"label": v, "scale": [1, 5]} for k, v in SURVEY_ITEMS.items()}},
        "generator": {"name": "impact.synth", "version": __version__},
    }
    study = Study(meta, tables, transcripts)

    for lat in latent:
        lat["survey_council_effect"] = survey_latent[lat["council_id"]]
        lat["indicator_baseline"] = ind_latent[lat["council_id"]]
        del lat["_slug"], lat["_u"]
    params = {"n_councils": int(n_councils), "seed": seed, "interviews_per_wave": int(interviews_per_wave),
              "words_per_interview": int(words_per_interview), "start_date": start.isoformat(),
              "end_date": end.isoformat(), "participant_missing": participant_missing,
              "participant_dropout": participant_dropout, "council_missing": council_missing}
    if intervention_paths is not None:  # the defaults are left out, so a default study is written as it was
        params["intervention_paths"] = dict(paths)
    if participant_missing_in_intervention is not None:
        params["participant_missing_in_intervention"] = dict(missing_in)
    if wave_ids != WAVES:  # the defaults are left out, so a default study is written as it was
        params["waves"] = list(wave_ids)
    # left out only where they are both the default three waves' first and last and the study's own, which
    # :attr:`PlantedTruth.survey_waves` takes where none is kept: against the default three's alone, a study of four
    # waves surveyed at expectations and longer-term change kept none, and its truth said the survey ran at
    # expectations and two years on (truth81)
    if on_survey != (WAVES[0], WAVES[-1]) or on_survey != (wave_ids[0], wave_ids[-1]):
        params["survey_waves"] = list(on_survey)
    design = pd.DataFrame([{"wave": r["wave"], "in_intervention": by_council[r["council_id"]]["in_intervention"][r["wave"]]}
                           for r in interviews], columns=["wave", "in_intervention"])
    design = (design.groupby(["wave", "in_intervention"], observed=True).size().rename("n").reset_index()
              .assign(_w=lambda d: d["wave"].map(wave_ids.index)).sort_values(["_w", "in_intervention"])
              .drop(columns="_w").reset_index(drop=True))
    design["n"] = design["n"].astype(int)
    truth = PlantedTruth(
        design=design,
        params=params,
        effects=eff,
        councils=latent,
        participants={p["participant_id"]: round(p["u"], 6) for p in participants},
        statements=pd.DataFrame(statements, columns=PlantedTruth.STATEMENT_COLUMNS),
        pii=pd.DataFrame(pii, columns=PlantedTruth.PII_COLUMNS),
    )
    return study, truth


def _paths(given: Mapping[str, float] | None) -> tuple[tuple[str, float], ...]:
    """The intervention paths with a chance, and their chances (:data:`_PATHS` where ``given`` is None)."""
    if given is None:  # a path with no chance is never drawn (nor the last path listed when rounding leaves a sliver)
        return tuple((p, c) for p, c in _PATHS if c > 0)
    names = [p for p, _ in _PATHS]
    ok = isinstance(given, Mapping) and set(given) <= set(names)
    probs = [v for v in given.values() if isinstance(v, (int, float)) and not isinstance(v, bool)] if ok else []
    if not ok or len(probs) < len(given) or min(probs, default=-1) < 0 or abs(sum(probs) - 1.0) > 1e-9:
        told = unknown_told(given, names) if isinstance(given, Mapping) else ""
        raise ValueError(f"The value for `intervention_paths` must map paths among {names} to chances summing to 1, "
                         f"but {given!r} was passed{told}.")
    # paths without a chance are left out: the last path listed is the one drawn when rounding leaves a sliver
    return tuple((p, float(given[p])) for p in names if given.get(p, 0) > 0)


def _choose_councils(available: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """``n`` councils chosen by the seed, in council-id order (all of them when ``n`` is the list's length)."""
    available = available.sort_values("council_id").reset_index(drop=True)
    pick = np.sort(_rng(seed, "councils").choice(len(available), size=n, replace=False))
    return available.iloc[pick][["council_id", "name", "ons_code", "council_type", "region"]].reset_index(drop=True)


def _latest_change() -> dt.date:
    """The first day of the newest councils (:func:`impact.councils.boundary_changes`)."""
    from ..councils import boundary_changes

    return pd.Timestamp(boundary_changes()["date"].max()).date()


def _study_span(start: dt.date, end: dt.date, waves: list[dict] = DEFAULT_WAVES) -> tuple[dt.date, dt.date]:
    """The first and last day any of ``waves``' windows can reach, for reviews starting from ``start`` to ``end``."""
    reach = [(dt.timedelta(days=0 if w["anchor"] == "review_start" else 4), *w["window_days"]) for w in waves]
    return (start + min(off + dt.timedelta(days=lo) for off, lo, _ in reach),
            end + max(off + dt.timedelta(days=hi) for off, _, hi in reach))


def _in_being(register: pd.DataFrame, first: dt.date, last: dt.date) -> pd.Series:
    """Whether each council of ``register`` ran children's services on every day from ``first`` to ``last``, by
    council id."""
    since = register["valid_from"].isna() | (register["valid_from"] <= pd.Timestamp(first))
    until = register["valid_to"].isna() | (register["valid_to"] >= pd.Timestamp(last))
    return (since & until).set_axis(register["council_id"])


def _councils_in_being(chosen: pd.DataFrame, register: pd.DataFrame, ok: pd.Series, seed: int) -> pd.DataFrame:
    """``chosen`` with each council that was not in being (``ok``, :func:`_in_being`) replaced by one that was.

    A council created later (Dorset, 838, in 2019) gives way to a council it succeeded
    (:func:`impact.councils.boundary_changes`), the one sharing a word of its name first; when none is left,
    to a council in being that the seed draws from those not chosen. A study of 2010-2013 is then a study
    of the 152 councils of that time, not of today's 153. ``register`` is
    ``council_list(include_former=True)``.
    """
    from ..councils import _split, boundary_changes

    keep = [cid for cid in chosen["council_id"] if ok.get(cid, False)]
    taken = set(keep)
    late = [cid for cid in chosen["council_id"] if not ok.get(cid, False)]
    if not late:
        return chosen
    names = register.set_index("council_id")["name"]

    def words(cid: str) -> set[str]:
        return set(re.findall(r"[a-z]+", names[cid].lower())) - {"and", "of", "the", "city", "council", "county"}

    before: dict[str, list[str]] = {}
    for change in boundary_changes().itertuples():
        for succ in _split(change.successors):
            before.setdefault(succ, []).extend(_split(change.predecessors))
    unplaced = []
    for cid in late:
        options = sorted((p for p in before.get(cid, []) if ok.get(p, False) and p not in taken),
                         key=lambda p: (not (words(p) & words(cid)), p))
        if options:
            keep.append(options[0])
            taken.add(options[0])
        else:
            unplaced.append(cid)
    if unplaced:
        pool = sorted(c for c in register["council_id"] if ok[c] and c not in taken)
        extra = _rng(seed, "councils", 1).choice(len(pool), size=len(unplaced), replace=False)
        keep += [pool[i] for i in sorted(extra)]
    out = register[register["council_id"].isin(keep)].sort_values("council_id")
    return out[["council_id", "name", "ons_code", "council_type", "region"]].reset_index(drop=True)


def _frame(rows: list[dict], columns: list[str], sort: list[str] | None = None) -> pd.DataFrame:
    df = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)
    if sort:
        df = df.sort_values(sort, kind="stable").reset_index(drop=True)
    return df


def _plan(eff: SynthEffects, wave: str, in_int: bool, u: float, words: int, rng: np.random.Generator,
          phase: str = "") -> list[Statement]:
    """The statements planted in one interview at ``wave`` (its ``phase``, :func:`wave_plan`, ``wave`` if not given)."""
    out: list[Statement] = []
    extra = 0.25 * words / 700
    base_validation = math.log(0.25 / 0.75)
    for code in CODES:
        logit = eff.code_log_odds[code] + eff.wave_shift(code, wave, in_int) + u
        if in_int and code in eff.intervention_codes:
            logit += eff.intervention_log_odds
        if rng.random() < _sigmoid(logit):
            for _ in range(1 + int(rng.poisson(extra))):
                level = _weighted(rng, tuple(zip(("insight", "action", "outcome"), eff.level_probs[wave], strict=True)))
                if rng.random() < eff.other_attribution[wave]:
                    attribution = (*ATTRIBUTION_FACTORS, "unclear")[int(rng.integers(0, len(ATTRIBUTION_FACTORS) + 1))]
                else:
                    attribution = "review"
                validation = (level == "insight" and attribution == "review" and (phase or wave) != "expectations"
                              and rng.random() < _sigmoid(base_validation + eff.validation_log_odds * in_int))
                out.append(Statement(code, "asserted", level, attribution, bool(validation)))
        elif rng.random() < eff.hedged_rate[wave]:
            out.append(Statement(code, "hedged", "", "review", False))
        elif rng.random() < eff.negated_rate[wave]:
            out.append(Statement(code, "negated", "", "", False))
    order = rng.permutation(len(out))
    return [out[i] for i in order]


def _survey(ids, by_council, eff: SynthEffects, seed: int,
            waves: tuple[str, ...] = (WAVES[0], WAVES[-1])) -> tuple[pd.DataFrame, dict[str, float]]:
    """Survey answers at ``waves``: after each, 40% of the respondents leave, replaced by new ones of their group."""
    rows, council_effect = [], {}
    items = list(SURVEY_ITEMS)
    for ci, cid in enumerate(ids):
        rng = _rng(seed, "survey", ci)
        cu = float(rng.normal(0.0, 0.4))
        council_effect[cid] = round(cu, 6)
        n_made = 0
        pool = []
        for group, mean_n in (("staff", 14), ("partner", 6)):
            for _ in range(int(rng.poisson(mean_n)) + 3):
                n_made += 1
                pool.append((f"S{int(cid):04d}-{n_made:03d}", group, float(rng.normal(0.0, 0.6))))
        for si, wave in enumerate(waves):
            if si > 0:
                kept = [r for r in pool if rng.random() < 0.6]
                for group in ("staff", "partner"):
                    n_new = sum(1 for r in pool if r[1] == group) - sum(1 for r in kept if r[1] == group)
                    for _ in range(n_new):
                        n_made += 1
                        kept.append((f"S{int(cid):04d}-{n_made:03d}", group, float(rng.normal(0.0, 0.6))))
                pool = kept
            shift = eff.survey_wave_shift(wave, si > 0, by_council[cid]["in_intervention"][wave])
            for rid, group, ru in pool:
                noise = rng.logistic(0.0, 1.0, size=len(items))
                answered = rng.random(len(items)) >= 0.03
                for k, item in enumerate(items):
                    y = cu + ru + _ITEM_MEAN[k] + shift + noise[k]
                    value = 1 + sum(y > c for c in _CUTS) if answered[k] else None
                    rows.append({"council_id": cid, "respondent_id": rid, "respondent_group": group, "wave": wave,
                                 "item": item, "value": value})
    df = pd.DataFrame(rows, columns=["council_id", "respondent_id", "respondent_group", "wave", "item", "value"])
    df["value"] = pd.array(df["value"].tolist(), dtype="Int64")
    return df.sort_values(["respondent_id", "wave", "item"], kind="stable").reset_index(drop=True), council_effect


def _actions(reviews: list[dict], seed: int, waves: list[str] | tuple[str, ...] = WAVES[1:]
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The review's recommendations as actions, and their progress at each of ``waves`` (those after the review)."""
    actions, progress = [], []
    for ci, rev in enumerate(reviews):
        rng = _rng(seed, "actions", ci)
        cid = rev["council_id"]
        themes = rev["themes"].split(";")
        weights = np.array([2.0 if t in vocab.CORE_THEMES else 1.0 for t in themes])
        for k in range(rev["n_recommendations"]):
            theme = themes[int(rng.choice(len(themes), p=weights / weights.sum()))]
            texts = _ACTION_TEXT[theme]
            aid = f"A{int(cid):04d}-{k + 1:02d}"
            actions.append({"action_id": aid, "council_id": cid, "theme": theme,
                            "owner_role": _OWNER_ROLES[int(rng.integers(0, len(_OWNER_ROLES)))],
                            "description": texts[int(rng.integers(0, len(texts)))]})
            status = None
            for wave in waves:
                status = _weighted(rng, _EARLY_STATUS if status is None else _NEXT_STATUS[status])
                progress.append({"action_id": aid, "wave": wave, "status": status})
    return (pd.DataFrame(actions, columns=["action_id", "council_id", "theme", "owner_role", "description"]),
            pd.DataFrame(progress, columns=["action_id", "wave", "status"]))


def _indicators(ids, reviews, by_council, eff: SynthEffects, seed: int) -> tuple[pd.DataFrame, dict[str, dict]]:
    rows, baseline = [], {}
    for ci, cid in enumerate(ids):
        rng = _rng(seed, "indicators", ci)
        r_end = reviews[ci]["end_date"]
        in_int = by_council[cid]["in_intervention_at_review"]
        baseline[cid] = {}
        for measure, (mean, sd_between, trend, sd_within) in INDICATORS.items():
            base = float(rng.normal(mean, sd_between))
            baseline[cid][measure] = round(base, 6)
            for k, period in enumerate(INDICATOR_PERIODS):
                value = base + trend * (k - 4) + float(rng.normal(0.0, sd_within))
                if measure == eff.indicator_measure and period > r_end:
                    value += eff.review_change(in_int)
                flag = None
                if rng.random() < 0.03:
                    flag, value = _FLAGS[int(rng.integers(0, len(_FLAGS)))], None
                else:
                    value = round(max(value, 0.0), 1)
                rows.append({"council_id": cid, "period": period, "measure": measure, "value": value, "flag": flag})
    df = pd.DataFrame(rows, columns=["council_id", "period", "measure", "value", "flag"])
    return df, baseline


@passes_keywords("generate_with_truth")
def generate(
    n_councils: int = 30,
    *,
    out: str | Path | None = None,
    overwrite: bool = False,
    **options: Any,
) -> Study:
    """Generate a synthetic longitudinal study of peer-reviewed councils.

    Real council ids, names, types and regions (from
    :func:`impact.councils.council_list`); everything else is fictional and
    drawn from ``numpy.random.default_rng`` streams derived from ``seed``, so
    the same arguments give byte-identical files.  The keyword arguments
    other than ``out`` and ``overwrite`` are passed to
    :func:`generate_with_truth`.

    Parameters
    ----------
    n_councils : int, default 30
        Councils chosen by the seed, from those that ran children's services
        throughout the study's waves: a council created since (Dorset, 838, in
        2019) gives way to the council it succeeded (Dorset County Council,
        835), so the default dates allow 152. 153 gives every current council,
        with a warning when some did not exist then.
    seed : int, default 0
        Seed of every random draw.
    interviews_per_wave : int, default 5
        Participants interviewed per council at each wave before attrition.
    words_per_interview : int, default 700
        Approximate transcript length (each varies by +-20%).
    effects : SynthEffects or dict, optional
        Effect sizes (a dict changes named fields of the defaults);
        ``SynthEffects.null()`` plants none.
    start_date, end_date : date-like
        Range of the review start dates (default June 2010 - September 2013).
    participant_missing, participant_dropout, council_missing : float
        Attrition: chance a participant misses a wave, leaves for good after a
        wave (replaced 60% of the time), or a whole council misses a wave.
    participant_missing_in_intervention : float or dict, optional
        Chance a participant misses a wave at which their council is in
        intervention, at every wave or by wave id (``{"early": 0.4,
        "longer_term": 0.6}``; a wave not named, and the default, use
        ``participant_missing``): attrition that depends on a covariate of
        the outcome, which biases complete cases and which response weights
        (``missing="ipw"`` of :func:`impact.stats.longitudinal_model`,
        response on wave and status) correct.
    intervention_paths : dict, optional
        Chance of each council's path through intervention, by name:
        ``never``, ``throughout`` (a notice held at every wave), ``lifted``
        (a notice lifted between the early and the longer-term wave),
        ``entered`` (a notice issued between those waves), ``direction``
        (a notice and a statutory direction throughout), ``entered_lifted``
        (enter and leave: a notice issued after the review, before the early
        wave, and lifted between the early and the longer-term wave, so the
        council's status changes twice). Paths not named have no chance.
        Default: 0.6, 0.13, 0.12, 0.1, 0.05 and 0 (no ``entered_lifted``).
    name : str
        Study name written to ``study.yaml``.
    waves : int or list of str, default 3
        The study's waves, written to ``study.yaml`` with their labels and
        windows: 2 (before the review and about 12 months after), 3 (and
        about 3 months after), 4 (and a second follow-up, ``two_years``,
        about 24 months after) or 5 (and a third, ``three_years``, about 36
        months after); or wave ids among those, in time order, the first
        ``expectations``. A later follow-up is interviewed as the
        longer-term wave is, and takes its effect sizes unless the effects
        name it (``{"code_wave_log_odds": {"learning": {"two_years": 2,
        ...}}}``, :meth:`SynthEffects.over`).
    survey_waves : list of str, optional
        The waves the staff and partner survey runs at (default the first
        and the last); 40% of its respondents are replaced after each. The
        planted improvement ``survey_shift`` applies at each after the first,
        or at the waves it names.
    out : path, optional
        Save the study and the planted truth to this folder (new or empty),
        all at once (see :func:`save_synthetic`).
    overwrite : bool, default False
        Replace a study already in ``out`` (refused if ``out`` also holds
        files that are not part of a study folder).

    Returns
    -------
    Study
        The study; :func:`generate_with_truth` also returns the truth.

    Raises
    ------
    ValueError
        If an argument is out of range.
    FileExistsError
        If ``out`` is refused (see :meth:`impact.Study.save`).

    Examples
    --------
    >>> study = generate(2, seed=1, interviews_per_wave=2, words_per_interview=200)
    >>> len(study.councils), study.wave_ids
    (2, ['expectations', 'early', 'longer_term'])
    """
    overwrite = true_or_false("overwrite", overwrite)  # overwrite="no" replaced the folder (newuser17)
    study, truth = generate_with_truth(n_councils, **options)
    if out is not None:
        save_synthetic(study, truth, out, overwrite=overwrite)
    return study


def save_synthetic(study: Study, truth: PlantedTruth, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write the study folder and, beside its tables, the planted truth files.

    Both are written together, as :meth:`impact.Study.save` writes a study:
    into a staging folder beside ``path``, put in place only when complete,
    so an error or an interruption leaves either nothing or the previous
    folder as it was.  ``overwrite`` replaces a generated study folder (one
    holding ``study.yaml``, its planted truth, and nothing but a study's files);
    a study without planted truth is a study of real interviews, never replaced
    by a generated one.

    Raises
    ------
    FileExistsError
        If ``path`` is refused (see :meth:`impact.Study.save`), or holds a
        study without planted truth.
    """
    from ..study import refuse_swapped

    refuse_swapped(save_synthetic, study=study, path=path)  # the path first: told so (newuser14)
    overwrite = true_or_false("overwrite", overwrite)
    target = Path(path)
    if overwrite and (target / "study.yaml").is_file() and not (target / "planted_truth.json").is_file():
        raise FileExistsError(f"{target}: holds a study that was not generated (no planted_truth.json): its "
                              "transcripts and tables are someone's work, which a generated study would delete - "
                              "expected a new or empty folder, or a generated study to replace; choose another folder")
    return _save_folder(study, path, overwrite=overwrite, extra=truth.save)
