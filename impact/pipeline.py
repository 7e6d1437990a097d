"""The main job: a study folder in, programme-level findings out.

:func:`analyse` runs validate -> segment -> code -> panel -> trajectories ->
statistics and returns :class:`Findings` (every table the report shows, as
DataFrames).  :func:`build_report` turns findings into an
:class:`impact.report.Report` that is safe to publish (pseudonyms, redacted
quotes with coarsened attribution, small counts suppressed).  :func:`run`
does both and writes the report bundle (HTML, Word, Excel, CSV, figures,
provenance) to a folder in one atomic step: a run that fails or is killed
leaves the previous outputs exactly as they were.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ._frames import distinct, member
from ._gc import fewer_collections
from ._io import (
    atomic_write_bytes,
    atomic_write_text,
    check_input_file,
    check_output_folder,
    interrupts_noted,
    output_state,
    raise_noted_interrupt,
    require_path,
    rolled_back_on_failure,
    staged_directory,
    unwritable,
)
from ._keywords import keyword_only, passes_keywords
from ._limits import ADJUSTMENTS, INDICATOR_REASSIGNMENTS_MAX
from ._made import made_hint
from ._version import __version__
from ._warning_words import (
    MODEL_FIGURES,
    OWN_SOURCE,
    LibraryWarning,
    _uncapitalised,
    own_warning_words,
    said_in_words,
)
from ._words import _counted, _listed, _verb
from .codings import supplied_codes
from .describe import describe_study
from .effects import (
    attrition_effects,
    change_by_status,
    intervention_effects,
    survey_change_by_status,
    survey_effects,
)
from .errors import ImpactWarning, InputError, ValidationError, recorded_warnings, user_level
from .framework import framework_matrix
from .indicators import indicator_effects, indicator_trends, review_indicator_effects
from .panel import _not_coded, council_panel, participant_panel
from .stats._checks import _check_choice, _check_probability, _check_seed
from .stats._ri import drawn_only
from .study import Study, load_study, require_study
from .trajectories import action_completion, trajectories, transition_matrix

if TYPE_CHECKING:
    from .coding import Codebook

__all__ = ["Findings", "analyse", "build_report", "build_summary", "run", "study_hash", "supplied_codes", "RunResult"]

# Worker processes for segmenting and coding a large corpus (small studies stay in process).
_N_JOBS = min(2, os.cpu_count() or 1)



def _refuse_changed(study: Study) -> None:
    """Refuse to publish a run whose study folder changed after it was read (:meth:`Study._changed_since_read`): its
    fingerprint (:func:`study_hash`, of what was read) and the study layout recorded beside it (of the folder as it
    is then) would describe two studies, and the report one that is not in the folder.  Every file so changed is
    named; nothing is written."""
    changed = study._changed_since_read()
    if changed:
        shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5:,} more" if len(changed) > 5 else "")
        raise InputError(f"{shown}: changed after the study was read, while impact ran (the bytes "
                         f"in the folder now are not those read and analysed: a sync client such as OneDrive or "
                         "Dropbox, or another program, writing into the study folder) - expected a study folder no "
                         "program writes while impact runs: wait until it is written, then run again (nothing was "
                         "written)")


def study_hash(study: Study) -> str:
    """SHA-256 of a study's tables, metadata and transcript text (order-stable)."""
    h = hashlib.sha256()
    h.update(json.dumps(study.meta, sort_keys=True, default=str).encode())
    for name in sorted(study._tables):
        h.update(name.encode())
        header, records = study.records(name)
        h.update(json.dumps([header, [r for _, r in records]], sort_keys=True).encode())
    for iid, text in study.iter_transcripts():
        h.update(str(iid).encode())
        h.update(hashlib.sha256(text.encode("utf-8")).digest())
    return h.hexdigest()


@dataclass
class Findings:
    """Every table of a programme analysis (unrounded, with real ids), as :func:`analyse` returns it.

    Statistics use the estimands of :mod:`impact.measures`; each table names its ``measure``. A table the study
    cannot support (too few councils, waves or status groups) is empty, or None, and ``not_computed`` says why.

    Attributes
    ----------
    study : Study
        The study analysed.
    codebook : Codebook
        The impacts' codebook the codings were read against.
    segments : DataFrame
        The transcripts' respondent speech, a row per segment (:func:`impact.segment`).
    coded : DataFrame
        The codings the analysis used, canonical form of :func:`impact.codings.as_codings`: the machine coder's or
        supplied (``coding`` says which).
    panel : DataFrame
        Each council's shares of participants reporting each impact at each wave (:func:`impact.council_panel`).
    participant_panel : DataFrame
        Each participant's impacts at each wave (:func:`impact.participant_panel`).
    trajectories : DataFrame
        Each council's path of each impact across three waves (:func:`impact.trajectories`); empty otherwise.
    trajectory_summary : DataFrame
        The participants' paths counted per impact (realised, unmet expectation, sustained, faded...).
    transitions : DataFrame
        Participants moving between reporting and not reporting an impact from wave to wave.
    prevalence : DataFrame
        The share of participants reporting each impact at each wave by status group, with clustered intervals.
    comparisons : DataFrame
        Councils in and out of intervention compared at each wave (a permutation test, councils as units).
    change : DataFrame
        Change across the waves (within each status group where both are seen), adjusted across impacts.
    models : DataFrame
        The longitudinal models' terms: the effect of being in intervention and of each wave
        (:func:`impact.effects.intervention_effects`).
    sample : dict of DataFrame
        The study described: councils, participants and interviews by wave and status (:func:`impact.describe_study`).
    themes : DataFrame
        The review themes' framework matrix (:func:`impact.framework_matrix`); empty without a themes codebook.
    actions : DataFrame
        The review's recommended actions and how far they were completed (:func:`impact.action_completion`).
    attribution : DataFrame or None
        How often reported impacts were credited to the review (:func:`impact.attribution_summary`).
    survey_model : DataFrame or None
        The survey score's longitudinal model (:func:`impact.survey_effects`), None without a survey.
    attribution_by_wave : DataFrame or None
        ``attribution`` at each wave after the review (a ``wave`` column first); None with one such wave.
    survey_by_status : DataFrame or None
        The survey score's change in each status group (:func:`impact.effects.survey_change_by_status`).
    change_by_status : DataFrame or None
        Each impact's change across the waves in each status group and whether it differs
        (:func:`impact.effects.change_by_status`).
    attrition : DataFrame or None
        The effect of being in intervention fitted to complete cases and weighted for missed interviews
        (:func:`impact.effects.attrition_effects`).
    indicator_trends : DataFrame or None
        The official indicators' trends (:func:`impact.indicator_trends`), None without indicators.
    indicator_effects : DataFrame or None
        Each indicator's change when councils went into intervention (:func:`impact.indicator_effects`).
    review_indicator_effects : DataFrame or None
        Each indicator's change after the review (:func:`impact.indicators.review_indicator_effects`).
    reliability : DataFrame or None
        The machine coder's agreement with ``hand_check``, per code (a ``codebook`` column for each codebook held);
        None without a hand check.
    reliability_by_status : DataFrame or None
        ``reliability`` within each status group.
    coding : dict
        Which codings were analysed: ``source`` (``"machine"`` or ``"supplied"``), ``coders``, ``description``.
    process : dict of DataFrame or None
        The process codebook's findings (what helped and hindered), None without one.
    not_computed : dict
        Each analysis the study cannot support, mapped to the reason in words; the report says why.
    parameters : dict
        The analysis's parameters (seed, resamples, alpha, adjustment, codebook...), as ``parameters.json`` records.
    provenance : dict
        Where everything came from: package and library versions, input files' hashes, the validation warnings.
    not_coded : DataFrame or None
        Interviews left out as not coded (``interview_id``, ``participant_id``, ``council_id``, ``wave``): no
        respondent speech was found and no coding of them was supplied, so they are missing from every panel, as
        interviews not held are (:mod:`impact.panel`).
    hand_check : DataFrame or None
        The second coding by people (``human``) read onto the segments; under machine coding the report quotes only
        statements it confirms.
    reliability_by_wave : DataFrame or None
        ``reliability`` within each wave, each code compared with the coding of its own codebook.
    attrition_waves : DataFrame or None
        The terms of each later wave of the ``attrition`` fits (their ``wave_terms``).

    Examples
    --------
    A whole analysis of the example study takes about a minute, so this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> findings = impact.analyse(study, n_resamples=199)  # doctest: +SKIP
    >>> findings.panel.head()  # doctest: +SKIP
    """

    study: Study
    codebook: Any
    segments: pd.DataFrame
    coded: pd.DataFrame
    panel: pd.DataFrame
    participant_panel: pd.DataFrame
    trajectories: pd.DataFrame
    trajectory_summary: pd.DataFrame
    transitions: pd.DataFrame
    prevalence: pd.DataFrame
    comparisons: pd.DataFrame
    change: pd.DataFrame
    models: pd.DataFrame
    sample: dict[str, pd.DataFrame]
    themes: pd.DataFrame
    actions: pd.DataFrame
    attribution: pd.DataFrame | None = None
    survey_model: pd.DataFrame | None = None
    attribution_by_wave: pd.DataFrame | None = None
    survey_by_status: pd.DataFrame | None = None
    change_by_status: pd.DataFrame | None = None
    attrition: pd.DataFrame | None = None
    indicator_trends: pd.DataFrame | None = None
    indicator_effects: pd.DataFrame | None = None
    review_indicator_effects: pd.DataFrame | None = None
    reliability: pd.DataFrame | None = None
    reliability_by_status: pd.DataFrame | None = None
    coding: dict[str, Any] = field(default_factory=dict)
    process: dict[str, pd.DataFrame] | None = None
    not_computed: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    not_coded: pd.DataFrame | None = None
    hand_check: pd.DataFrame | None = None
    reliability_by_wave: pd.DataFrame | None = None
    attrition_waves: pd.DataFrame | None = None

    def __repr__(self) -> str:
        # the dataclass's own printed every table whole: a notebook cell ending in impact.analyse(study) showed
        # some hundred thousand characters (newuser15)
        tables = [f.name for f in fields(self) if isinstance(getattr(self, f.name), pd.DataFrame)
                  and len(getattr(self, f.name))]
        return (f"<Findings of {self.study!r}: {len(tables)} tables with rows ({', '.join(tables)}); "
                f"{len(self.not_computed)} not computed (.not_computed says why)>")


def _check_progress(progress: object) -> None:
    """Refuse a ``progress`` that is neither a function nor None: ``run(study, out_dir=..., progress=False)``, as the
    command line's -q reads, was "'bool' object is not callable" from inside the run (newuser15)."""
    if progress is not None and not callable(progress):
        raise TypeError(f"The value for `progress` must be a function called with each step's message "
                        f"(progress=print prints them) or None (the default: nothing printed), but "
                        f"{type(progress).__name__} was passed.")


def _progress(callback: Callable[[str], None] | None, message: str) -> None:
    raise_noted_interrupt()  # each step of a run begins by acting on a Ctrl-C a finaliser swallowed
    if callback is not None:
        callback(message)


#: The analyses :func:`analyse` can run (its ``parts``).
PARTS: tuple[str, ...] = ("comparisons", "change", "models", "survey", "framework", "indicators", "process")

#: Coder classes as the report names them.
_CODER_NAMES = {"RuleCoder": "rule coder", "HybridCoder": "hybrid coder (rules and a calibrated model)"}

#: The measure the comparisons, models and trends of realised impact use (see :mod:`impact.measures`).
MAIN_MEASURE = "reported"


def _status_comparisons(known: pd.DataFrame, *, outcome: str, **kwargs) -> pd.DataFrame:
    """Councils in and out of intervention compared on ``outcome`` (a share) for each code and wave, one estimate for
    the whole table: the difference in mean shares where any row's shares are heavily tied (see
    :func:`impact.compare_groups`, ``difference="auto"``), else the Hodges-Lehmann shift.

    Chosen row by row, the bundled example's table gave one impact the Hodges-Lehmann shift at one wave and the
    difference in means at the next: two estimates a reader cannot compare across the waves. The padded interval of
    the difference in means keeps its coverage on untied shares (95-100 % with 4 to 15 interviews a council at 5, 30
    and 150 councils, docs/methods.md)."""
    from .stats import compare_groups  # deferred, as in analyse: statsmodels is heavy to import

    args = dict(outcome=outcome, group="status_group", by=["code", "wave"], unit="council_id", method="permutation",
                outcome_type="continuous", **kwargs)
    out = compare_groups(known, difference="auto", **args)
    if "difference_type" in out.columns and out["difference_type"].nunique() > 1:
        out = compare_groups(known, difference="mean", **args)
    return out


@fewer_collections()
@drawn_only()  # randomisation p-values whose steps do not give back the sizes of small groups (disclosure round 44)
def analyse(
    study: Study,
    *,
    codebook: Any = None,
    coded: pd.DataFrame | str | Path | None = None,
    seed: int = 0,
    n_resamples: int = 2_000,
    alpha: float = 0.05,
    adjust: str = "holm",
    human: pd.DataFrame | str | Path | None = None,
    progress: Callable[[str], None] | None = None,
    cache_dir: str | Path | None = None,
    parts: Iterable[str] | None = None,
) -> Findings:
    """Run the programme analysis of a study.

    Parameters
    ----------
    study : Study
    codebook : Codebook, str or path, optional
        Default: the study's codebook (``study.yaml``), else ``nfer_impacts``.
    coded : DataFrame or path, optional
        Codings to analyse instead of the machine coder's: made by people
        (a coded CSV or Parquet, the Excel review loop's output, a QDPX
        project) or the planted truth of a synthetic study
        (``truth_coded.csv``); anything :func:`impact.codings.read_codings`
        reads.  Default: the rule coder codes the transcripts.
    seed : int
        Seed of every permutation test (the analysis is deterministic).
    n_resamples : int
        Permutations per permutation test; the indicators' randomisation tests use at most 999 random
        reassignments each (``INDICATOR_REASSIGNMENTS_MAX``), recorded as ``parameters["n_reassignments"]``.
        Every test here draws them at random, even where there are fewer distinct ones: an enumerated test's p
        is ``k / N`` over their number ``N``, which gives back the sizes of the groups reassigned
        (:func:`impact.stats._ri.drawn_only`).
    alpha : float
        1 - confidence level of every interval.
    adjust : {"holm", "fdr_bh"}
        Multiplicity adjustment across codes and waves.
    human : DataFrame or path, optional
        Another coding of some of the same segments (by people), for the
        reliability section: agreement of ``coded`` (or the machine coder)
        with it.
    progress : callable, optional
        Called with a short message at the start of each step.
    cache_dir : path, optional
        Folder caching segmentation and coding by transcript hash.
    parts : iterable of str, optional
        The analyses to run, from :data:`PARTS` (default: all). Leaving out
        ``"framework"`` skips the review-themes coding, and with ``coded``
        given (and no ``human``) the segmentation too, which is what makes
        simulation studies of many generated studies affordable; the tables
        of analyses left out are empty.

    Returns
    -------
    Findings

    Raises
    ------
    TypeError
        If ``study`` is not a :class:`Study` (a folder's path: load it with :func:`impact.load_study`, or call
        :func:`run`).
    ValueError
        For a ``seed`` that is not an integer of at least 0, or ``parts`` naming no analysis of :data:`PARTS`.
    impact.InputError
        If the codebook, ``coded`` or ``human`` cannot be found or read.
    impact.ValidationError
        If the codebook's ids name a participant, or the codings name units or codes the study does not have.

    Examples
    --------
    A whole analysis of the example study takes about a minute, so this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> findings = impact.analyse(study, n_resamples=199)  # doctest: +SKIP
    >>> findings.panel.head()  # doctest: +SKIP
    """
    from .study import refuse_swapped

    refuse_swapped(analyse, study=study, codebook=codebook, coded=coded)
    from .coding import Codebook, default_coder
    from .coding.evaluate import checked_units
    from .codings import (
        CODES_EXPECTED,
        CodingsWarning,
        _check_units,
        _not_respondent_speech,
        as_codings,
        codes_nothing,
        read_codings,
    )
    from .measures import attribution_summary
    from .process import PROCESS_CODEBOOK
    from .stats import change_over_time, clustered_prevalence
    from .validate import codebook_id_problems

    require_study(study, "participants", "interviews", "wave_status")
    _check_seed(seed)
    _check_progress(progress)
    wanted = set(PARTS) if parts is None else set(parts)
    unknown = sorted(wanted - set(PARTS))
    if unknown:
        raise ValueError(f"The value for `parts` must name analyses among {list(PARTS)}, but {unknown} was passed.")
    codebook = Codebook.for_study(study, codebook)
    named = codebook_id_problems(codebook, study.participants["name"] if "name" in study.participants else ())
    if named:
        raise ValidationError(named, source=codebook.source)
    themes_book = Codebook.load("review_themes")
    process_book = Codebook.load(PROCESS_CODEBOOK)
    books = {"impacts": codebook}
    if "framework" in wanted:
        books["themes"] = themes_book
    if "process" in wanted:
        books["process"] = process_book
    supplied = None
    if coded is not None:
        _progress(progress, "reading the supplied codings")
        allowed = supplied_codes(codebook)
        supplied = (as_codings(coded, study, codes=allowed, source="supplied codings") if isinstance(coded, pd.DataFrame)
                    else read_codings(coded, study, codebook=codebook, codes=allowed))
        if codes_nothing(supplied):  # read as "no code anywhere", every impact would be reported as never mentioned
            raise InputError(f"coded: {coded if isinstance(coded, (str, Path)) else 'the codings given'} hold no "
                             f"coding and name no interview checked - expected {CODES_EXPECTED}")
    coded_hash = _frame_hash(supplied) if supplied is not None else None  # as read, before any mapping to segments
    # the machine codes what was not supplied: every codebook when nothing was, else the books the file leaves out
    machine_books = {k: b for k, b in books.items()
                     if supplied is None or (k != "impacts" and not supplied["code"].isin(b.code_ids).any())}
    if "impacts" in machine_books:
        _check_machine_codable(codebook)
    segmented = bool(machine_books or human is not None or (supplied is not None and "framework" in wanted))
    if segmented:
        # the coder that scored best on real text for its codebook (impact.coding.default_coder), fitted when it first
        # codes: a coding read from the cache needs no rules compiled (nor nltk imported to stem them)
        coders = [default_coder(b, n_jobs=_N_JOBS, fit=False) for b in machine_books.values()]
        keys = [f"{b.id}-{b.hash}-{type(c).__name__}" for b, c in zip(machine_books.values(), coders, strict=True)]
        segments, machine = _segments_and_coding(study, coders, keys, cache_dir, progress)
    else:
        coders, segments, machine = [], _no_segments(), []
    if supplied is not None:
        # a unit naming no segment of the study is a coding of nothing: checked against the segments just made (or
        # cached), not a second segmentation; with none made (empty), against the study's segments in the cache
        # (an earlier run's), else the named interviews are segmented for it
        _check_units(supplied, study, segments if segmented else _cached_segments(supplied, study, cache_dir))
    coder_names = {k: _CODER_NAMES.get(type(c).__name__, type(c).__name__) for k, c in zip(machine_books, coders, strict=True)}
    machine_by_book = {k: as_codings(m, study, segments=segments, coder="machine", source=f"machine coding ({k})")
                       for k, m in zip(machine_books, machine, strict=True)}
    if supplied is not None and len(segments):
        supplied = as_codings(supplied, study, segments=segments, source="supplied codings")
    n_interviewer = 0
    if supplied is not None and len(supplied):
        # a coding of the interviewer's speech is not a statement of the participant: counted, it added participants
        # reporting an impact, and its text could be quoted as theirs (audit13); the warning for codings naming
        # another speaker's segment is given above (_check_units)
        other = _not_respondent_speech(supplied, study)
        n_interviewer = int(other.sum())
        if n_interviewer:
            spans = other & (supplied["unit"].astype(str) == supplied["interview_id"].astype(str))
            if spans.any():
                shown = ", ".join(f"{r.interview_id} characters {int(r.start)} to {int(r.end)}"
                                  for r in supplied[spans].head(5).itertuples())
                warnings.warn(f"supplied codings: {_counted(int(spans.sum()), 'coded span')} {_verb(int(spans.sum()), 'lies')} "
                              "in no respondent turn of the transcript (the interviewer's speech, or text before the "
                              f"first speaker label: {shown}{' ...' if spans.sum() > 5 else ''}); "
                              f"{_verb(int(spans.sum()), 'it is', 'they are')} left out of the analysis: only the "
                              "respondents' speech is counted or quoted", CodingsWarning, stacklevel=user_level())
            attrs = dict(supplied.attrs)
            supplied = supplied[~other].reset_index(drop=True)
            supplied.attrs.update(attrs)
    human_codings = None
    if human is not None:
        # Read before the analyses, so a bad hand check is refused before the work (it was refused only after every
        # model had been fitted: testtime24). A file is read onto the segments; a frame read without them (as `impact
        # run --human` reads its file, to refuse a bad one before the long run) has its spans mapped onto them here:
        # agreement is per segment.
        human_codings = (as_codings(human, study, segments=segments, codes=supplied_codes(codebook),
                                    source="human coding") if isinstance(human, pd.DataFrame)
                         else read_codings(human, study, segments=segments, codebook=codebook,
                                           codes=supplied_codes(codebook)))
        if "coder" not in human_codings.columns:
            human_codings = human_codings.assign(coder="human")
        human_codings = _to_top_codes(human_codings, codebook)
        if not checked_units(human_codings, segments):  # no reliability section at all, said nowhere, is worse
            raise InputError(f"human: {human if isinstance(human, (str, Path)) else 'the coding given'} checks none "
                             f"of the study's segments - expected {CODES_EXPECTED}")

    def of(book_key: str) -> pd.DataFrame:
        if book_key in machine_by_book:
            return machine_by_book[book_key]
        return supplied[supplied["code"].isin(books[book_key].code_ids)].reset_index(drop=True)

    codings = _to_top_codes(of("impacts"), codebook)
    if supplied is None:
        coding = {"source": "machine", "coders": ["machine"], "coder": coder_names.get("impacts", "rule coder"),
                  "description": f"the package's {coder_names.get('impacts', 'rule coder')} (codebook version "
                                 f"{codebook.version}, impact version {__version__})"}
    else:
        # Codings without a coder column name no coder ("", impact.codings.as_codings): they are counted as no coder
        # named, never as one coder, since the file does not say how many people coded.
        names = sorted(set(codings["coder"].astype(str)) - {""})
        unnamed = bool(codings["coder"].astype(str).eq("").any())
        counted = _counted(len(names), "coder") if names else "coders not named"
        counted += " and codings of coders not named" if names and unnamed else ""
        book_note = "".join(f"; {b.id} coded by the package's {coder_names[k]}" for k, b in machine_books.items())
        # The description is published (report, provenance.json): coders are counted, not named - a coder
        # column holds people's names or initials.
        coding = {"source": "supplied", "coders": names, "coders_unnamed": unnamed,
                  "description": f"codings supplied by the user ({counted}){book_note}"}
    coding["machine_books"] = sorted(machine_books)  # the codebooks the package's coder coded (the report says so)
    # the same in words the report can build a sentence from: each such codebook's id, and the coder that coded it
    coding["machine_coded"] = {b.id: coder_names[k] for k, b in machine_books.items()}
    codes = codebook.top_codes()
    # An interview with no respondent segment and no coding was not coded: missing, not "nothing reported"
    # (impact.panel). Without segmentation (supplied codings, framework left out), the interviews the codings leave
    # out are segmented to tell one with respondent speech (nothing coded in it) from one without.
    coded_segments = segments if segmented else _segments_of_uncoded(study, codings)
    iv = study.interviews[["interview_id", "participant_id", "council_id", "wave"]]
    not_coded = iv[iv["interview_id"].astype(str).isin(_not_coded(study, codings, coded_segments))]
    not_coded = not_coded.reset_index(drop=True)
    _warn_no_speech(not_coded, supplied=supplied is not None)

    _progress(progress, "building the council x wave panel")
    panel = council_panel(study, codings, segments=coded_segments, codes=codes, codebook=codebook)
    ppanel = participant_panel(study, codings, segments=coded_segments, codes=codes, codebook=codebook)
    # a trajectory needs an interview at each of its three waves: with none held at one, every participant was
    # 'incomplete' in both tables, and their definition spoke of 'both later waves' of a study that held one (truth72)
    traj_ok = len(study.wave_ids) == 3 and not _waves_without_interviews(study)
    traj = trajectories(panel, study=study) if traj_ok else pd.DataFrame()
    ptraj = trajectories(ppanel, study=study, unit="participant_id") if traj_ok else pd.DataFrame()
    traj_summary = _trajectory_summary(ptraj, codes)
    # a study of one wave (expectations only) is valid and its prevalence possible (impact.validate.capabilities):
    # there is no pair of waves to move between, and transition_matrix refused it, so analyse failed on it
    transitions = (transition_matrix(ppanel, study=study, unit="participant_id", outcome=MAIN_MEASURE)
                   if len(study.wave_ids) > 1 else pd.DataFrame(columns=["code", "from_wave", "to_wave", "from_state",
                                                                         "to_state", "n", "share", "n_missing"]))

    _progress(progress, "comparing by intervention status")
    seen = panel[panel["interviewed"]].copy()
    # groups in this order, so that differences are "in intervention minus not"
    seen["status_group"] = pd.Categorical(seen["status_group"], categories=["no_intervention", "intervention"])
    not_computed = _preconditions(study, seen)
    with recorded_warnings() as caught:
        with said_in_words("the prevalence table (the share of participants reporting each impact)"):
            prevalence = _prevalence(ppanel, study, alpha, clustered_prevalence)
        comparisons = pd.DataFrame(columns=["code", "wave", "p_value", "p_adjusted", "measure"])
        if "comparisons" not in not_computed and "comparisons" in wanted:
            # a council whose status is not known at a wave is in neither group (the sample's tables count it as
            # unknown): left out here, as compare_groups would, without its analyst's warning about rows
            known = seen.dropna(subset=["status_group", f"share_{MAIN_MEASURE}"])
            with said_in_words(MODEL_FIGURES["comparisons"], logistic=False, name_own=True):
                comparisons = _status_comparisons(
                    known, outcome=f"share_{MAIN_MEASURE}", alpha=alpha, seed=seed, n_resamples=n_resamples,
                    adjust=adjust).assign(measure=MAIN_MEASURE)
        change = pd.DataFrame(columns=["code", "p_value", "p_adjusted", "measure"])
        if "change" not in not_computed and "change" in wanted:
            times = [w for w in study.wave_ids if w in set(seen["wave"])]

            def tested(group: str | None) -> pd.DataFrame:
                with said_in_words(MODEL_FIGURES["change_over_time"], logistic=False, name_own=True):
                    return change_over_time(seen, outcome=f"share_{MAIN_MEASURE}", time="wave", unit="council_id",
                                            group=group, by="code", times=times, adjust=adjust)

            by_status = "comparisons" not in not_computed
            change = tested("status_group" if by_status else None)
            if change.empty and by_status:
                # every council interviewed at every wave changed status between the waves, so none has a series
                # within a status group (the analysis raised a KeyError on such a study): change is tested across
                # all councils, as where councils are not compared by status
                change = tested(None)
            change = change.assign(measure=MAIN_MEASURE)
        _progress(progress, "fitting longitudinal models")
        # the models' waves are those at which someone was interviewed: a wave no interview was held at (an interim
        # report before the last wave's fieldwork) has no row, and as a level of the model it left every fit singular,
        # so no model was fitted and the report said no impact varied (truth71)
        held = study.wave_ids_held
        if held and held[0] != study.wave_ids[0]:
            # the reference of every change is the first wave: none is measured where no one was interviewed at it
            not_computed.setdefault("models", "no interview was held at the first wave, "
                                              f"{study.waves.set_index('wave').loc[study.wave_ids[0], 'label']}, against which the models "
                                              "measure change")
        with said_in_words("the longitudinal models (the models table)"):
            models = (intervention_effects(ppanel, measure=MAIN_MEASURE, codes=codes, waves=held,
                                           alpha=alpha, seed=seed, n_permutations=n_resamples)
                      if "models" in wanted and "models" not in not_computed
                      else pd.DataFrame(columns=["code", "term", "estimate", "p_value", "p_adjusted"]))
        if models.empty:
            not_computed.setdefault("models", "no impact varied both in whether it was reported and in wave or "
                                              "intervention status")
        # whether each impact's change across the waves differs by intervention status (truth52): the same GEE with
        # the wave interacting with the status at the wave
        with said_in_words("the models of change by intervention status (the change by status table)"):
            status_change = (change_by_status(ppanel, study=study, measure=MAIN_MEASURE, codes=codes,
                                              waves=held, alpha=alpha) if not models.empty else None)
        # the same models with missed interviews weighted for (a sensitivity analysis beside them)
        with said_in_words(MODEL_FIGURES["attrition_sensitivity"], name_own=True):
            attrition = (attrition_effects(ppanel, study, measure=MAIN_MEASURE, codes=codes, waves=held,
                                           alpha=alpha, wave_terms=True) if not models.empty else None)
        # the same fits' wave terms, set beside the models' where the two disagree (truth48)
        attrition_waves = None
        if attrition is not None:
            status_row = attrition["term"] == "in_intervention"
            attrition, attrition_waves = (attrition[status_row].drop(columns="term").reset_index(drop=True),
                                          attrition[~status_row].reset_index(drop=True))
        with said_in_words(MODEL_FIGURES["survey_model"], logistic=False, name_own=True):
            survey_model = survey_effects(study, alpha=alpha) if "survey" in wanted else None
        with said_in_words(MODEL_FIGURES["survey_by_status"], logistic=False, name_own=True):
            survey_by_status = survey_change_by_status(study, alpha=alpha) if "survey" in wanted else None
        # the indicators' library warnings, said in words for each indicator (impact.indicators), are kept as the
        # models' are: they never reached provenance.json (report truth round 35)
        reassignments = min(n_resamples, INDICATOR_REASSIGNMENTS_MAX)  # in the parameters, stated by the report
        ind_effects = (indicator_effects(study, alpha=alpha, n_permutations=reassignments, seed=seed)
                       if "indicators" in wanted else None)
        review_effects = (review_indicator_effects(study, alpha=alpha, n_permutations=reassignments, seed=seed)
                          if "indicators" in wanted else None)
    # a library's warning is in words (impact._warning_words), and so is the package's own (its time points, codes
    # and columns as an analyst's identifiers: report truth round 41); their own words are kept in provenance
    labels = _reader_labels(study, codebook)
    said = [_said_for_report(w.message, labels, len(study.councils)) for w in caught]
    stat_warnings = sorted({f"{name}: {text}" for name, text, _ in said})
    # an indicator's change refused with an error says why in its note, in words; the error's own is kept here
    refused = [f.get("note_source", pd.Series(dtype=object)).dropna() for f in (ind_effects, review_effects)
               if f is not None]
    warning_sources = sorted({s for *_, sources in said for s in sources} | {str(s) for r in refused for s in r})

    sample = describe_study(study)
    themes = (framework_matrix(study, of("themes"), segments=segments, codebook=themes_book) if "themes" in books
              else pd.DataFrame(columns=["council_id", "parent", "code", "interviewed", "n_participants", "raised"]))
    process = None
    if "process" in books:
        _progress(progress, "reading what shaped impact")
        process = _process_findings(study, of("process"), segments, process_book, ptraj, alpha,
                                    coded_segments=segments if segmented else None, ppanel=ppanel)
    attribution = attribution_summary(codings, study, codes=codes, waves=study.wave_ids[1:])
    # the same counts at each wave after the review: the share credited to other factors can change between them
    # (NFER 2014: councils grew more cautious to credit the review as time went on), which the pooled counts hide
    attribution_by_wave = pd.concat(
        [attribution_summary(codings, study, codes=codes, waves=[w]).assign(wave=w) for w in study.wave_ids[1:]],
        ignore_index=True) if len(study.wave_ids) > 2 else None
    if attribution_by_wave is not None:
        attribution_by_wave = attribution_by_wave[["wave", *attribution.columns]]
    actions = action_completion(study)
    trends = indicator_trends(study) if "indicators" in wanted else None
    reliability = reliability_by_status = reliability_by_wave = other = None
    if human is not None:
        other = human_codings
        more = {k: (b, of(k)) for k, b in books.items() if k != "impacts"}
        reliability = _book_reliability(codings, other, segments, codebook, more, 1 - alpha)
        # within groups and waves, each codebook's codes of the check against that codebook's coding alone (compared
        # with another codebook's coding, which cannot hold them, each read kappa 0: round 23 left them out)
        reliability_by_status = _books_within(_reliability_by_status, codings, other, segments, codebook, more,
                                              ppanel=ppanel)
        reliability_by_wave = _books_within(_reliability_by_wave, codings, other, segments, codebook, more)
    params = {"codebook": codebook.id, "seed": seed, "n_resamples": n_resamples, "alpha": alpha, "adjust": adjust,
              "measure": MAIN_MEASURE, "coding": coding["source"]}
    if ind_effects is not None or review_effects is not None:
        params["n_reassignments"] = reassignments
    provenance = {
        "package": "impact",
        "version": __version__,
        "python": platform.python_version(),
        "study": study.name,
        "study_hash": study_hash(study),
        "codebook": codebook.id,
        "codebook_version": codebook.version,
        "codebook_hash": codebook.hash,
        "coding": coding["description"],
        "parameters": params,
        "seed": seed,
        "statistical_warnings": stat_warnings,
        "validation_warnings": _validation_record(study.load_problems),
    }
    if warning_sources:
        provenance["statistical_warning_sources"] = warning_sources
    # what was analysed, by content: the command line records file names only as <path> (a name may be a person's)
    if coded_hash is not None:
        provenance["coded_hash"] = coded_hash
    if human is not None:
        provenance["human_hash"] = _frame_hash(other)
    if len(not_coded):
        provenance["interviews_not_coded"] = len(not_coded)
    return Findings(
        study=study, codebook=codebook, segments=segments, coded=codings, panel=panel, participant_panel=ppanel,
        trajectories=traj, trajectory_summary=traj_summary, transitions=transitions, prevalence=prevalence,
        comparisons=comparisons, change=change, models=models, change_by_status=status_change, attrition=attrition, attrition_waves=attrition_waves, sample=sample, themes=themes, actions=actions,
        attribution=attribution, attribution_by_wave=attribution_by_wave, process=process, survey_model=survey_model,
        survey_by_status=survey_by_status, indicator_trends=trends,
        indicator_effects=ind_effects, review_indicator_effects=review_effects, reliability=reliability, reliability_by_status=reliability_by_status,
        coding=coding, not_computed=not_computed, parameters=params, provenance=provenance, not_coded=not_coded,
        hand_check=other, reliability_by_wave=reliability_by_wave,
    )


def _validation_record(problems: list) -> dict[str, Any]:
    """The study's validation warnings (:attr:`Study.load_problems`) as the provenance records them.

    Every warning is recorded by where it is (``file:row:column``), and counted by kind (``file:column``), not by
    its words: they quote the study's cells (council names and ids, transcript file names, which a pseudonymised
    report does not show); ``impact validate`` words each one.  A file the study format does not name is recorded
    by its extension.

    Examples
    --------
    >>> from impact.errors import Problem
    >>> _validation_record([Problem("interviews.csv", r, "wave", "erly", "a wave", "warning") for r in (3, 9)])
    {'count': 2, 'by_kind': {'interviews.csv:wave': 2}, 'where': ['interviews.csv:3:wave', 'interviews.csv:9:wave']}
    >>> _validation_record([Problem("jane_smith_codes.yaml", None, "id", "x", "an id", "warning")])["where"]
    ['<a .yaml file>:id']
    >>> [_validation_record([Problem(f, 3, "A (council_id)", "x", "x", "warning")])["where"][0]
    ...  for f in ("study.xlsx (sheet 'Councils')", "study.xlsx (sheet 'Jane Smith')")]
    ["study.xlsx (sheet 'Councils'):3:A (council_id)", '<a .xlsx file>:3:A (council_id)']
    """
    from dataclasses import replace

    from ._study_book import is_book_label
    from .errors import warning_kinds
    from .schema import TABLES

    named = {t.filename for t in TABLES.values()} | {"study.yaml"}
    # a file the study format does not name (a codebook file study.yaml names) by its kind: a name chosen by a person
    # can name a person or a council, as the provenance's study layout counts such files by pattern (a sheet of the
    # study's tables is named as its table)
    found = [p if p.file in named or is_book_label(p.file, TABLES) else
             replace(p, file=f"<a {Path(p.file.split(' (sheet ', 1)[0]).suffix or 'file'} file>")
             for p in problems if p.severity != "error"]
    return {"count": len(found), "by_kind": {kind: len(of) for kind, of in warning_kinds(found).items()},
            "where": [p.where for p in found]}


def _book_reliability(codings: pd.DataFrame, other: pd.DataFrame, segments: pd.DataFrame, codebook,
                      more: dict[str, tuple[Any, pd.DataFrame]], confidence: float) -> pd.DataFrame:
    """:func:`coder_reliability` of each codebook analysed against the second coding ``other``, one ``codebook``
    column naming it: the impacts (``codings``, against ``codebook``) and each of ``more`` (key: (codebook, its
    coding)) whose codes ``other`` holds, each code compared with the coding of its own codebook.

    The second coding's review-process codes were compared with the impacts coding, which cannot hold them, so each
    read kappa 0 "0.00 to 0.00" and no process code's agreement was measured (report truth round 22). A code of a
    codebook this run did not analyse (its part left out) is compared with nothing and left out."""
    from .coding.evaluate import coder_reliability

    def on_segments(c: pd.DataFrame) -> pd.DataFrame:
        return c[member(c["unit"], segments["segment_id"])]

    parts = [coder_reliability(on_segments(coded), other, segments, confidence=confidence,
                               codes=book.code_ids).assign(codebook=book.id)
             for book, coded in _books_checked(codings, other, codebook, more)]
    return _codebook_first([p for p in parts if len(p)] or parts[:1])


def _books_checked(codings: pd.DataFrame, other: pd.DataFrame, codebook, more: dict):
    """(codebook, its coding) of each codebook the second coding ``other`` is compared on: the impacts (``codings``,
    against ``codebook``) and each of ``more`` whose codes ``other`` holds (a second coding holding none of a
    codebook's codes did not code it)."""
    return [(codebook, codings)] + [(book, coded) for book, coded in more.values()
                                    if other["code"].isin(book.code_ids).any()]


def _codebook_first(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """``parts`` one below the other, their ``codebook`` column first."""
    out = pd.concat(parts, ignore_index=True)
    return out[["codebook", *[c for c in out.columns if c != "codebook"]]]


def _books_within(within, codings: pd.DataFrame, other: pd.DataFrame, segments: pd.DataFrame, codebook, more: dict,
                  **kwargs) -> pd.DataFrame | None:
    """``within`` (:func:`_reliability_by_status` or :func:`_reliability_by_wave`) of each codebook whose codes the
    second coding ``other`` holds, as :func:`_book_reliability` compares them: the impacts (``codings``, against
    ``codebook``) and each of ``more`` (key: (codebook, its coding)), a ``codebook`` column naming it, or None.

    Round 23 compared the impacts alone within groups and waves, so the agreement of the review-process and
    review-theme codes of a hand check within each status group and wave was never given."""
    out = [r.assign(codebook=book.id) for book, coded in _books_checked(codings, other, codebook, more)
           if (r := within(coded, other, segments, codes=book.code_ids, **kwargs)) is not None and len(r)]
    return _codebook_first(out) if out else None


def _to_top_codes(codings: pd.DataFrame, book) -> pd.DataFrame:
    """``codings`` with each sub-code of ``book`` replaced by its top-level code (the codes the analysis reports).

    A top-level code is reported where it or any of its sub-codes is coded, as :func:`_check_machine_codable` reads a
    codebook. The analysis counted the top-level codes alone, so a study coded against a codebook whose coder assigns
    sub-codes (``review_themes``: outcomes, participation, ... under core and optional) had every code at 0, no model,
    and a report that failed on its own counts (audit9). A flat codebook (``nfer_impacts``) is left as it is.
    """
    top = {c: book.top_code(c) for c in book.code_ids}
    if all(t == c for c, t in top.items()) or codings.empty:
        return codings
    return codings.assign(code=codings["code"].map(lambda c: top.get(c, c)))


def _frame_hash(frame: pd.DataFrame) -> str:
    """SHA-256 of a coding's content, whatever its row or column order and whoever is named as its coder (the same
    codings from a CSV file or a frame give the same hash; a coder is named after a file, which may name a person)."""
    frame = frame.drop(columns=[c for c in frame.columns if str(c) == "coder"])
    cols = sorted(map(str, frame.columns))
    lines = sorted(frame.astype(str).rename(columns=str)[cols].to_csv(index=False, header=False).splitlines())
    return hashlib.sha256("\n".join([",".join(cols), *lines]).encode("utf-8")).hexdigest()


def _check_machine_codable(book) -> None:
    """Refuse a codebook the machine coder cannot read at all; warn of top-level codes it cannot find.

    A codebook without matching rules (one written for people to code with)
    made the machine coder find nothing, and the report showed every impact
    at 0 with no warning: a finding of no impact made by the absence of rules.
    """
    codes = book.codes
    with_rules = set(codes.loc[codes["n_rules"] > 0, "code_id"])
    if not with_rules:
        raise InputError(
            f"codebook {book.id!r} has no matching rules (rules: phrases or near, docs/codebook-format.md), so the "
            "machine coder would find no code in any interview and every impact would read 0: code the interviews "
            "by people and pass the codings with --coded FILE (analyse(..., coded=...)), or add rules to the codebook")

    def reached(code: str) -> bool:
        return code in with_rules or any(reached(child) for child in book.children(code))

    blind = [c for c in book.top_codes() if not reached(c)]
    if blind:
        warnings.warn(
            f"codebook {book.id!r}: {len(blind)} of its {len(book.top_codes())} top-level codes "
            f"{'has' if len(blind) == 1 else 'have'} no matching rules in {'itself or its' if len(blind) == 1 else 'themselves or their'} "
            f"sub-codes ({', '.join(blind)}); the machine coder cannot find {'it' if len(blind) == 1 else 'them'}, "
            f"so {'its count is' if len(blind) == 1 else 'their counts are'} 0 by construction, not because no one "
            f"reported {'it' if len(blind) == 1 else 'them'}",
            ImpactWarning, stacklevel=user_level())


def _reliability_by_status(codings: pd.DataFrame, human: pd.DataFrame, segments: pd.DataFrame,
                           ppanel: pd.DataFrame | None = None, codes=None) -> pd.DataFrame | None:
    """:func:`coder_reliability` within each intervention status group (``status_group`` column), or None; of
    ``codes`` only, if given (the codebook of ``codings``: a hand check's codes of another codebook were compared
    with a coding that cannot hold them, kappa 0 each, round 23).

    The coder's accuracy on real text is an average; a difference by status
    made by coding error needs a coder that errs more in one group's talk than
    in the other's.  Only a hand check of codings in both groups can show it
    does not (the report states a machine-coded difference by status only then).
    """
    status = ppanel[["council_id", "wave", "status_group"]].drop_duplicates(["council_id", "wave"])
    return _reliability_within(codings, human, segments, status, "status_group", ["council_id", "wave"], codes)


def _reliability_by_wave(codings: pd.DataFrame, human: pd.DataFrame, segments: pd.DataFrame,
                         codes=None) -> pd.DataFrame | None:
    """:func:`coder_reliability` within each wave (``wave`` column), or None; of ``codes`` only, if given.

    A change across the waves made by coding error needs a coder that reads
    one wave's talk differently from another's (talk before a review is of
    hopes, after it of what happened): on seed 93529 (150 councils, nothing
    planted) the rule coder found commitment in 23% of the planted statements
    of it at the first wave and 42% at the last, and the models gave every
    impact but one a change across the waves (Holm p < 0.05) that the planted
    coding does not show.  Only a hand check at every wave can show that it
    does not drift (the report states a machine-coded change only then).
    """
    return _reliability_within(codings, human, segments, None, "wave", [], codes)


def _reliability_within(codings: pd.DataFrame, human: pd.DataFrame, segments: pd.DataFrame,
                        groups: pd.DataFrame | None, column: str, on: list[str], codes=None) -> pd.DataFrame | None:
    """:func:`coder_reliability` (of ``codes``, if given) on the checked segments of each level of ``column``: a
    column of the segments, or one of ``groups`` joined to them ``on`` its other columns."""
    from .coding.evaluate import checked_units, coder_reliability

    seg = segments[member(segments["segment_id"], set(checked_units(human, segments)))][["segment_id", "council_id", "wave"]]
    if groups is not None:
        seg = seg.astype({"council_id": str}).merge(groups.astype({"council_id": str}), on=on, how="inner")
    parts = []
    for group, units in seg.groupby(column, observed=True)["segment_id"]:
        ids = distinct(units)
        mine = human[member(human["unit"], ids)]
        parts.append(coder_reliability(codings[member(codings["unit"], ids)], mine,
                                       segments[member(segments["segment_id"], ids)], codes=codes)
                     .assign(**{column: group}, n_segments=len(units)))
    return pd.concat(parts, ignore_index=True) if parts else None


def _preconditions(study: Study, seen: pd.DataFrame) -> dict[str, str]:
    """The analyses this study cannot support, with the reason in words (:func:`impact.validate.capabilities`)."""
    from .validate import capabilities

    caps = capabilities(study).set_index("analysis")
    out: dict[str, str] = {}
    for part, analysis in (("comparisons", "group_comparison"), ("change", "change_over_time"),
                           ("models", "longitudinal_model")):
        if not bool(caps.loc[analysis, "possible"]):
            out[part] = str(caps.loc[analysis, "reason"])
        if seen.empty and len(study.interviews):
            out[part] = "no interview was coded (none had respondent speech in its transcript)"
    if "change" not in out and seen["wave"].nunique() >= 2:
        waves = seen.groupby("council_id", observed=True)["wave"].nunique()
        if waves.empty or waves.max() < seen["wave"].nunique():
            out["change"] = "no council was interviewed at every wave"
    if len(study.wave_ids) != 3:
        # "need three waves ... the study has 4" read as if four were too few
        out["trajectories"] = ("trajectories (expectations realised, impact sustained or faded) are defined on "
                               "exactly three waves, one before the review and two after it; the study has "
                               f"{_counted(len(study.wave_ids), 'wave')}")
    elif empty := _waves_without_interviews(study):
        label = study.waves.set_index("wave")["label"]
        out["trajectories"] = ("trajectories (expectations realised, impact sustained or faded) follow each participant "
                               "across three waves, one before the review and two after it, and no interview was held "
                               f"at {_listed([str(label.get(w, w)) for w in empty])}, so every participant's would be "
                               "incomplete" + (": whether an impact reported after the review was sustained, faded or "
                                               "emerging cannot be judged with interviews at one wave after it"
                                               if set(empty) - {study.wave_ids[0]} else ""))
    return out


def _waves_without_interviews(study: Study) -> list[str]:
    """The study's waves, in order, at which no interview was held (none where no interview was held at all)."""
    held = study.wave_ids_held
    return [w for w in study.wave_ids if w not in held] if held else []


def _process_findings(study: Study, pcodings: pd.DataFrame, segments: pd.DataFrame, book, ptraj: pd.DataFrame,
                      alpha: float, *, coded_segments: pd.DataFrame | None = None,
                      ppanel: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """What shaped impact: the review-process codings with valence, factor counts, realisation, suggestions, and
    whether what participants said of each factor goes with the impacts they reported (``ppanel``).

    ``coded_segments``: the segments of every interview when the transcripts were segmented, so that an interview
    with none and no coding is not counted (:func:`impact.process.process_factors`).
    """
    from .process import (
        factor_statements,
        factors_by_impact,
        factors_by_realisation,
        process_codings,
        process_factors,
        recommendations,
        suggestions_by_wave,
    )

    leaves = [c for c in book.leaf_codes() if c != "recommendation"]
    pc = process_codings(pcodings, study, segments=segments if len(segments) else None)
    # the waves after the review: none in a study of its first wave alone, whose suggestions (made before the review)
    # were counted as "made after the review" (truth48)
    later = study.wave_ids[1:]
    after = pc[pc["wave"].isin(later)]
    # a suggestion is coded with the factor it concerns, but it is not evidence that the factor hindered
    said = factor_statements(pc)
    return {
        "codings": pc,
        "factors": process_factors(said, study, codes=leaves, segments=coded_segments),
        "by_realisation": factors_by_realisation(said[said["wave"].isin(later)], ptraj, study, codes=leaves,
                                                 alpha=alpha),
        "by_impact": (factors_by_impact(said[said["wave"].isin(later)], ppanel, codes=leaves, alpha=alpha)
                      if ppanel is not None and len(ppanel) else pd.DataFrame()),
        "recommendations": recommendations(after, codes=leaves),
        "suggestions_by_wave": suggestions_by_wave(pc, study, waves=later, segments=coded_segments),
        "framework": framework_matrix(study, pcodings, segments=segments, codebook=book, codes=leaves)
        if len(segments) else pd.DataFrame(),
    }


def _segments_of_uncoded(study: Study, codings: pd.DataFrame) -> pd.DataFrame:
    """The respondent segments of the interviews that ``codings`` do not code (only these can be not coded)."""
    from .coding.segment import segment

    rest = sorted(set(study.interviews["interview_id"].astype(str)) - set(codings["interview_id"].astype(str)))
    return segment(pd.Series({iid: study.transcript(iid) for iid in rest}, dtype="object"))


def _cached_segments(supplied: pd.DataFrame, study: Study, cache_dir) -> pd.DataFrame:
    """The study's segments as an earlier run cached them, where supplied codings name segments and a cache is
    used; else none (empty).  A run of supplied codings that needs no segmentation checks the segments they name
    against these rather than segmenting the interviews again (the same segmenter, the same transcripts: the key
    holds both), which is most of such a run's work on a national study."""
    cache = _cache_path(cache_dir, "segments", "") if supplied.attrs.get("named_units") else None
    found = cache.get("segments", _transcripts_key(study)) if cache is not None else None
    return _no_segments() if found is None else found


def _no_segments() -> pd.DataFrame:
    """An empty segments table (the analysis of supplied codings needs no segmentation)."""
    from .coding.segment import _segments_frame

    return _segments_frame([], None)


def _trajectory_summary(ptraj: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Participants per code by realisation and persistence category (every category a column)."""
    from .trajectories import PERSISTENCE, REALISATION

    if ptraj.empty:
        return pd.DataFrame({"code": codes})
    out = pd.DataFrame({"code": codes})
    for kind, cats in (("realisation", REALISATION), ("persistence", PERSISTENCE)):
        counts = pd.crosstab(ptraj["code"], ptraj[kind]).reindex(index=codes, columns=list(cats), fill_value=0)
        out = out.merge(counts.add_prefix(f"{kind}_").reset_index(), on="code", how="left")
    return out


def _prevalence(ppanel: pd.DataFrame, study: Study, alpha: float, clustered_prevalence) -> pd.DataFrame:
    """Share of participants per code, wave and status for whom each measure holds (clustered intervals)."""
    parts = []
    for measure in ("anticipated", "reported", "credited"):
        t = clustered_prevalence(ppanel, outcome=measure, cluster="council_id", group="status_group",
                                 by=["code", "wave"], alpha=alpha)
        parts.append(t.assign(measure=measure))
    out = pd.concat(parts, ignore_index=True)
    order = {w: i for i, w in enumerate(study.wave_ids)}
    out = out.assign(_w=out["wave"].map(order)).sort_values(["measure", "code", "_w", "group"], kind="stable")
    cols = ["measure", "code", "wave", "group", "n", "events", "n_clusters", "prevalence", "design_effect",
            "n_effective", "ci_low", "ci_high"]
    return out[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- steps
def _check_cache_place(cache_dir, out_dir: Path, study_root) -> None:
    """Refuse a cache folder inside the output folder or the study folder, before the work.

    The cache holds the transcripts' text, unredacted: inside the output folder it
    would sit among what is published (and make the folder one impact cannot
    replace); inside the study folder it would be written among the inputs.
    """
    from ._cache import _config_dir, default_cache_dir

    cache = Path(os.path.realpath(default_cache_dir() if cache_dir is True else cache_dir))
    config = Path(os.path.realpath(_config_dir()))
    for folder, name, holds in ((cache, "the cache folder (IMPACT_CACHE_DIR, or cache=)", "the transcripts' text "
                                 "unredacted: set IMPACT_CACHE_DIR to another folder, or pass --no-cache"),
                                (config, "the folder of the cache's signing key (IMPACT_CONFIG_DIR)", "a secret key: "
                                 "set IMPACT_CONFIG_DIR to another folder, or pass --no-cache")):
        for what, place in (("output folder", out_dir), ("study folder", study_root)):
            if place is None:
                continue
            real = Path(os.path.realpath(place))
            if folder == real or real in folder.parents:
                raise InputError(f"{folder}: {name} is inside the {what} {place} - expected a folder apart from the "
                                 f"study and its outputs, as it holds {holds}")


def _cache_path(cache_dir, kind: str, key: str):
    """The cache holding entry ``kind``-``key``, or None when not caching.

    ``cache_dir`` is a :class:`impact._cache.Cache`, a folder for one, or None.
    Entries are Parquet files with signed JSON manifests (never pickles).
    """
    if cache_dir is None or cache_dir is False:
        return None
    from ._cache import Cache

    return cache_dir if isinstance(cache_dir, Cache) else Cache(None if cache_dir is True else cache_dir)


#: Bumped when segmentation changes its output for the same transcripts (2: answers below labelled questions; 3: labels set off by a dot or a dash).
_SEGMENTER_VERSION = b"segmenter-3"


def _transcripts_key(study: Study) -> str:
    h = hashlib.sha256(_SEGMENTER_VERSION)
    for iid, text in study.iter_transcripts():
        h.update(str(iid).encode() + b"\0" + hashlib.sha256(text.encode()).digest())
    iv = study.interviews[["interview_id", "council_id", "participant_id", "wave"]]
    h.update(pd.util.hash_pandas_object(iv.astype(str), index=False).to_numpy().tobytes())
    return h.hexdigest()[:32]


def _cached(cache, kind: str, key: str, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """``compute()``, reusing (and storing) a verified cache entry when caching."""
    return compute() if cache is None else cache.get_or_compute(kind, key, compute)


def _store(cache, kind: str, key: str, frame: pd.DataFrame) -> None:
    """Store ``frame`` in the cache (nothing when not caching)."""
    if cache is not None:
        cache.put(kind, key, frame)


#: The end of the name of the re-identification key beside an output folder.
_KEY_SUFFIX = "-reidentification-key.csv"
#: The header of a re-identification key (impact.privacy.reidentification_key).
_KEY_HEADER = "kind,real_id,pseudonym"


def _check_key_target(path: Path) -> None:
    """Refuse a re-identification key path that holds anything but an earlier key (never replace a user's file)."""
    from ._io import NAME_MAX

    if len(os.fsencode(path.name)) > NAME_MAX:
        raise InputError(f"{path.parent / path.name.removesuffix(_KEY_SUFFIX)}: the output folder's name is too long "
                         f"for the re-identification key written beside it (<name>{_KEY_SUFFIX}) - expected a name of "
                         f"at most {NAME_MAX - len(_KEY_SUFFIX)} bytes; choose a shorter --out, or pass --identify (no key)")
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise InputError(f"{path}: the re-identification key is written here, but this is "
                         f"{'a link' if path.is_symlink() else 'a folder'} - expected a file impact wrote, or nothing; "
                         "move it away or choose another --out")
    if path.is_file():
        with open(path, encoding="utf-8", errors="replace") as f:
            first = f.readline().strip()
        if first != _KEY_HEADER:
            raise InputError(f"{path}: the re-identification key is written here, but this file is not one impact "
                             f"wrote (its first line is not {_KEY_HEADER!r}); move it away or choose another --out")


def _warn_no_speech(not_coded: pd.DataFrame, *, supplied: bool = False) -> None:
    """Warn, naming them, about the interviews left out as not coded (no respondent speech in their transcript)."""
    silent = sorted(not_coded["interview_id"].astype(str))
    if silent:
        shown = ", ".join(silent[:10]) + (f" and {len(silent) - 10} more" if len(silent) > 10 else "")
        them = _verb(silent, "it", "them")
        warnings.warn(f"{_counted(len(silent), 'interview')} {_verb(silent, 'has')} no respondent speech in "
                      f"{_verb(silent, 'its', 'their')} transcript ({shown}): every "
                      f"turn is labelled as the interviewer's, so nothing in {them} can be coded"
                      + (f" (and the supplied codings have none of {them})" if supplied else "")
                      + f"; {_verb(silent, 'it is', 'they are')} treated as missing (not coded), like interviews not "
                      "held: left out of the counts "
                      "of interviews and participants and of every share, and a council with no other interview at "
                      "that wave counts as not interviewed there; label the answers (e.g. 'R:') and run again",
                      ImpactWarning, stacklevel=user_level())


def _segments_and_coding(study: Study, coders: list, keys: list[str], cache_dir,
                         progress: Callable[[str], None] | None) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """Segments and each coder's coding, from the cache when there, else in one pass over the transcripts."""

    cache = _cache_path(cache_dir, "segments", "")
    tkey = _transcripts_key(study) if cache is not None else ""
    segments = cache.get("segments", tkey) if cache is not None else None
    if segments is None:
        names = " and ".join(c.codebook.id if hasattr(c.codebook, "id") else str(c.codebook) for c in coders)
        _progress(progress, f"segmenting transcripts and coding them with {names}")
        segments, codings = _segment_and_code(study, coders, progress=progress is not None)
        _store(cache, "segments", tkey, segments)
        for key, frame in zip(keys, codings, strict=True):
            _store(cache, "coded", f"{key}-{tkey}", frame)
        return segments, codings
    _progress(progress, "reading cached segments")
    codings = []
    for coder, key in zip(coders, keys, strict=True):
        _progress(progress, f"coding {_counted(len(segments), 'segment')} with {coder.codebook.id}")
        codings.append(_cached(cache, "coded", f"{key}-{tkey}",
                               lambda coder=coder: coder.code(segments, progress=progress is not None)))
    return segments, codings


def _segment_and_code(study: Study, coders: list, *, progress: bool = False) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """``segment(study)`` and ``coder.code(segments)`` for each coder, in one pass.

    Each worker segments a batch of transcripts and codes its segments with
    every coder, stemming each segment once, so segment texts are not sent
    back and forth between processes once per step.  The output is the same
    as segmenting and then coding: a segment's codings depend on its text only.
    """
    from .coding.rules import _coded_frame
    from .coding.rules import _progress as _progress_bar
    from .coding.segment import _BATCH_CHARS, _batches, _items, _join_batches

    items, meta = _items(study)
    batches = _batches(items, _BATCH_CHARS)
    coders = [coder if hasattr(coder, "rules_") else coder.fit() for coder in coders]
    if _N_JOBS > 1 and len(batches) > 1:
        from joblib import Parallel, delayed

        jobs = Parallel(n_jobs=_N_JOBS, return_as="generator")(
            delayed(_segment_and_code_batch)(batch, coders) for batch in batches)
    else:
        jobs = (_segment_and_code_batch(batch, coders) for batch in batches)
    if progress:
        jobs = _progress_bar(jobs, True, total=len(batches), desc="segmenting and coding", unit="batch")
    segment_parts: list[pd.DataFrame] = []
    coded_parts: list[list[pd.DataFrame]] = [[] for _ in coders]
    for seg_frame, coded in jobs:
        segment_parts.append(seg_frame)
        for parts, frame in zip(coded_parts, coded, strict=True):
            if len(frame):
                parts.append(frame)
    if _N_JOBS > 1 and len(batches) > 1:
        # This is a run's only parallel step: stop the idle workers now, so that their memory (the
        # interpreter, libraries and memos, some hundreds of MB each) is not held through the analysis.
        from joblib.externals.loky import get_reusable_executor

        get_reusable_executor().shutdown(wait=True)
    codings = [pd.concat(parts, ignore_index=True) if parts else _coded_frame([]) for parts in coded_parts]
    return _join_batches(segment_parts, meta), codings


def _segment_and_code_batch(items: list[tuple], coders: list) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """A batch's segments and each coder's codings of them, as frames (built in the worker)."""
    from .coding.rules import _code_with, _coded_frame, _unit_rows
    from .coding.segment import _segment_rows, _segments_frame

    rows = _segment_rows(items, "respondent", True, (), ())
    units = [r[0] for r in rows]
    offsets = [r[4] for r in rows]
    coded = []
    for raw in _code_with(coders, [r[6] for r in rows]):
        out: list[tuple] = []
        _unit_rows(out, raw, 0, units, offsets)
        coded.append(_coded_frame(out))
    return _segments_frame(rows, None), coded


# --------------------------------------------------------------------------- report
@dataclass
class RunResult:
    """What :func:`run` wrote: the output folder and its main files.

    Attributes
    ----------
    out_dir : pathlib.Path
        The output folder.
    files : dict of str to pathlib.Path
        Each file written, by its path inside ``out_dir`` (``"report.html"``, ``"tables.xlsx"``,
        ``"figures/..."``, ``"tables/..."``; ``"reidentification_key"`` where a key file was written outside it).
    findings : Findings
        The analysis the report was built from (:func:`analyse`'s result): pass it to :func:`build_report` or
        :func:`build_summary` to build the report again with other options.

    Examples
    --------
    A whole run on the example study takes about a minute, so this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> result = impact.run(impact.example_path(), out_dir="out/example", n_resamples=199)  # doctest: +SKIP
    >>> result.files["report.html"]  # doctest: +SKIP
    PosixPath('out/example/report.html')
    """

    out_dir: Path
    files: dict[str, Path]
    findings: Findings

    def __repr__(self) -> str:
        # the dataclass's own printed every file's path and the findings whole: the README's impact.run(...), ending
        # a notebook cell, showed some hundred thousand characters (newuser15)
        return (f"<RunResult: {_counted(len(self.files), 'file')} written to {self.out_dir} (print it for the main "
                "ones; .files has each, .findings the analysis)>")

    def __str__(self) -> str:
        main = ("report.html", "report.docx", "tables.xlsx")
        lines = [f"findings written to {self.out_dir}"]
        lines += [f"  {k}: {self.files[k]}" for k in main if k in self.files]
        n_fig = sum(1 for k in self.files if k.startswith("figures/") and k.endswith(".png"))
        n_tab = sum(1 for k in self.files if k.startswith("tables/"))
        if "reidentification_key" in self.files:
            lines.append(f"  re-identification key (keep private, outside the published folder): {self.files['reidentification_key']}")
        lines.append(f"  {_counted(n_fig, 'figure')} (PNG and SVG) in {self.out_dir / 'figures'}, {_counted(n_tab, 'CSV table')} in {self.out_dir / 'tables'}")
        return "\n".join(lines)


def _reader_labels(study: Study, codebook: Codebook, redacted: Callable[[str], str] = str) -> dict[str, str]:
    """The words the report names the study's waves (each by its label before any bracket), impacts, status groups and
    columns by, mid-sentence, keyed by the identifiers the package's warnings give them as (:func:`_said_for_report`);
    each label as ``redacted`` gives it (the report redacts a label naming a person or a council)."""
    def low(text: object) -> str:
        return _uncapitalised(redacted(str(text)))

    labels = {"code": "impact", "wave": "wave", "status_group": "intervention status",
              "intervention": "in councils in intervention", "no_intervention": "in councils not in intervention"}
    labels.update({str(c): low(label) for c, label in zip(codebook.codes["code_id"], codebook.codes["label"])})
    labels.update({str(w): low(str(label).split(" (")[0]) for w, label in zip(study.waves["wave"], study.waves["label"])})
    return labels


def _said_for_report(message: Warning, labels: dict[str, str],
                     councils: int | None = None) -> tuple[str, str, tuple[str, ...]]:
    """A warning caught in the analysis as the report's caveats give it: its class's name, its text for a reader and
    the words kept for provenance.json. A library's is in words already (:class:`LibraryWarning`, its own words its
    ``sources``); the package's own is written for an analyst and is said again (:func:`own_warning_words`), its
    message kept; ``councils``, the study's, for a caveat that depends on them. The analyst calling the package's functions still gets the message as it was."""
    if isinstance(message, LibraryWarning):
        return "StatisticalWarning", str(message), message.sources
    name, text = type(message).__name__, str(message)
    if not isinstance(message, ImpactWarning):
        return name, text, ()
    said, _ = own_warning_words(text, labels, councils)
    head = re.match(r"(The [^:]*): ", said)
    figures = f"; {head[1][:1].lower()}{head[1][1:]}" if head else ""
    return name, said, ((f"{name}: {text}{OWN_SOURCE}{figures})",) if said != text else ())


def _require_findings(findings: object) -> None:
    """Refuse what is not the findings of an analysis (None, a path, a run's result) before the report reads it: each
    was an AttributeError ("'str' object has no attribute 'parameters'") naming no argument."""
    if isinstance(findings, Findings) or (findings is not None and hasattr(findings, "parameters")
                                          and hasattr(findings, "provenance")):
        return
    hint = made_hint(findings, "findings")
    raise TypeError(f"`findings` must be an impact.Findings (impact.analyse), but {type(findings).__name__} was "
                    f"passed{hint}.")


@fewer_collections()
def build_report(
    findings: Findings,
    *,
    identify: bool = False,
    min_count: int = 5,
    quote_k: int = 5,
    key: bytes | str | None = None,
    council_matrix: bool = False,
    release_history: str | Path | bool | None = None,
    _history=None,
):
    """Assemble the publishable report from findings (see :mod:`impact.report._build`).

    Its suppression takes into account every earlier release of the study recorded in its release history (the
    bundles :func:`run` made of it: an interim report, the final one), as :func:`run`'s does, so that this report and
    those read together give back no suppressed count. A report you publish yourself is not recorded; use
    :func:`impact.run` to publish a bundle.

    Parameters
    ----------
    findings : Findings
        What :func:`analyse` returned (or :attr:`RunResult.findings`).
    identify : bool, default False
        Show real council names and ids instead of pseudonyms.
    min_count : int, default 5
        Counts below this are shown as ``c`` in published tables.
    quote_k : int, default 5
        Each quote's attribution is coarsened until at least this many councils share it, and the framework matrix's
        columns are groups of at least this many councils.
    key : bytes or str, optional
        The secret pseudonym key; found with :func:`impact.privacy.resolve_key` when omitted.
    council_matrix : bool, default False
        Publish the framework matrix with a row per council (under its pseudonym) instead of by group of at least
        ``quote_k`` councils; the report's provenance records it.
    release_history : path or bool, optional
        The study's release history, read as :func:`run` reads it: by default (None or True) the file beside the
        pseudonym key named from the study's name and the key (:func:`impact.privacy._history.history_file`; none
        there: no earlier release), or the file named (which must exist). Every release recorded there is taken into
        account (one of the same declarations, this report made again, is this report). ``False`` reads none: the
        report is then protected alone. Nothing is ever recorded: a report you publish yourself is not recorded; use
        :func:`impact.run` to publish a bundle. With ``identify=True`` and no pseudonym key (none given, set or kept in
        the default key file), no key is made just to read the history: none is read, and a warning says so.
    _history : impact.privacy._history.ReleaseHistory, optional
        For :func:`run` alone: the run's release history (read and then recorded by the run), used instead of
        ``release_history``. None (the default) reads ``release_history``.

    Returns
    -------
    tuple of (impact.report.Report, dict)
        The report (its sections, written as HTML, Word and CSV by :func:`run`) and the extra files it comes with
        (name to content).

    Raises
    ------
    TypeError
        If ``findings`` is not a :class:`Findings`, or ``release_history`` is neither a path nor True, False or None.
    InputError
        The findings hold a randomisation p-value computed over every possible reassignment (saved by impact before
        it drew them at random, or built with the library's functions): such a p, k / N, gives back N and with it the
        sizes of groups the report suppresses. Each such test is named; analyse the study again. Or the release
        history cannot be read, was made for another study or with another key, or was changed since; or the file
        named does not exist, or lies inside the study folder.

    Examples
    --------
    A whole analysis of the example study takes about a minute, so this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> findings = impact.analyse(study, n_resamples=199)  # doctest: +SKIP
    >>> report = impact.build_report(findings, min_count=10)  # doctest: +SKIP
    """
    from .schema import true_or_false

    identify = true_or_false("identify", identify)
    council_matrix = true_or_false("council_matrix", council_matrix)
    from .report._build import assemble

    _require_findings(findings)
    history = _history if _history is not None else _report_history(release_history, findings, identify=identify,
                                                                     key=key)
    return assemble(findings, identify=identify, min_count=min_count, quote_k=quote_k, key=key,
                    council_matrix=council_matrix, history=history)


def _report_history(given, findings, *, identify: bool, key):
    """The release history a report built from ``findings`` reads (:func:`build_report`, :func:`build_summary`),
    never records: None where ``given`` is False, or where the report shows real names and no pseudonym key is found
    (warned: none is made just for the history). Refused before any work as :func:`run` refuses it: a history that
    cannot be read, of another study or key, changed since, or inside the study folder; and one named that does not
    exist (a report never makes one)."""
    if given is False:
        return None
    from .privacy import resolve_key
    from .privacy._history import ReleaseHistory, history_file
    from .privacy._pseudonym import KEY_ENV, default_key_file, key_found

    path = None
    if given is not None and given is not True:
        require_path(given, "release_history", "a file path, True (the default file beside the key) or False")
        path = Path(given).expanduser()
    if identify and not key_found(key):
        if path is not None:
            raise InputError(f"{path}: the release history is named and signed with the pseudonym key, and none is "
                             f"found (none given with key=, none in {KEY_ENV}, no file {default_key_file()}) - "
                             "expected the key the runs of the study used: pass it with key=")
        warnings.warn(f"no pseudonym key is found (none given with key=, none in {KEY_ENV}, no file "
                      f"{default_key_file()}), so no release history was read: a report with real names makes no key "
                      "just to read one, and this report is protected alone, not against the study's earlier "
                      "releases - pass the key the runs of the study used with key=, or release_history=False to "
                      "build it alone on purpose", ImpactWarning, stacklevel=user_level())
        return None
    key = resolve_key(key, create=not identify)
    study = findings.study
    path = path if path is not None else history_file(study.name, key)
    _refuse_history_inside(path, None, getattr(study, "root", None))
    if given not in (None, True) and not path.exists():
        raise InputError(f"{path}: no release history here - expected the file `impact run` keeps for this study "
                         "(--release-history FILE); a report built from findings reads a history, never makes one")
    history = ReleaseHistory(path, study_name=study.name, key=key)
    history.recording = False  # a report published by hand is not recorded: impact.run publishes a bundle
    return history


def _release_history(given, study, *, key, key_file, out_dir: Path, study_root):
    """The run's :class:`~impact.privacy._history.ReleaseHistory` (None where ``given`` is False), read before any
    work: a history that cannot be used, or one placed in the output or study folder, is refused now."""
    if given is False:
        return None
    from .privacy import resolve_key
    from .privacy._history import ReleaseHistory

    path = None if given is None or given is True else given
    if path is not None:
        require_path(path, "release_history", "a file path, True (the default file beside the key) or False")
        path = Path(path).expanduser()
    if key is None:  # --identify: the history is still named and signed with the pseudonym key
        key = resolve_key(key_file=key_file, output_dir=out_dir, study_dir=study_root)
    name = study.name if isinstance(study, Study) else _study_name(study)
    if path is None:
        from .privacy._history import history_file

        path = history_file(name, key)
    _refuse_history_inside(path, out_dir, study_root)
    why = unwritable(path.parent)
    if why is not None and given not in (None, True):  # a history asked for by name: refused before the work
        raise InputError(f"{path}: the release history cannot be kept here: {why} - expected a file in a folder "
                         "you can write to")
    history = ReleaseHistory(path, study_name=name, key=key, out_dir=out_dir)
    if why is not None:  # the default place (a read-only home): earlier releases still read, this one not recorded
        history.recording = False
        earlier = (f"its suppression takes the {_counted(len(history.releases), 'earlier release')} recorded there "
                   "into account, but it is not recorded itself" if history.releases else "but it is not recorded")
        warnings.warn(f"no release history can be kept in {path.parent}: {why}; this bundle is made, {earlier}, so a "
                      "later bundle of the study cannot take it into account - name a file you can write with "
                      "--release-history FILE", ImpactWarning, stacklevel=user_level())
    return history


def _refuse_history_inside(path: Path, out_dir, study_root) -> None:
    """Refuse a release history inside the output folder or the study folder: it is private."""
    for inside, what in ((out_dir, "the output folder"), (study_root, "the study folder")):
        if inside is not None and _is_within(path, Path(inside)):
            raise InputError(f"{path}: the release history is private and kept outside {what} ({inside}) - "
                             "expected a file beside the pseudonym key (--release-history FILE names another)")


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _study_name(folder) -> str:
    """study.yaml's name, read before the study is validated (the study's identity in its release history); "" where
    it cannot be read (the study's own check says why)."""
    from .privacy._history import study_name_in

    try:
        return study_name_in(folder)
    except InputError:
        return ""


@passes_keywords("build_report")
def build_summary(findings: Findings, **options):
    """The summary of :func:`build_report`'s report (its first section), the same, without building the others.

    The summary reads what every section reads (the counts published and withheld, the p-values adjusted beside
    them) and no other section, so it costs about half a whole build: for a reader, a notebook or a test that wants
    the summary's sentences alone. ``options`` and what is refused are :func:`build_report`'s (``identify``,
    ``min_count``, ``quote_k``, ``key``, ``council_matrix``, ``release_history``): its suppression takes the study's
    earlier releases recorded in its release history into account as the report's does. A summary you publish
    yourself is not recorded; use :func:`impact.run` to publish a bundle.

    Parameters
    ----------
    findings : Findings
        What :func:`analyse` returned.
    **options
        :func:`build_report`'s keyword arguments.

    Returns
    -------
    impact.report.Section
        The summary section, as :func:`build_report` would publish it.

    Raises
    ------
    TypeError
        If ``findings`` is not a :class:`Findings`.
    InputError
        As :func:`build_report`.

    Examples
    --------
    A whole analysis of the example study takes about a minute, so this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> findings = impact.analyse(study, n_resamples=199)  # doctest: +SKIP
    >>> summary = impact.build_summary(findings)  # doctest: +SKIP
    """
    from .report._build import assemble_summary
    from .schema import true_or_false

    _require_findings(findings)
    given = options.pop("release_history", None)
    history = _report_history(given, findings, identify=true_or_false("identify", options.get("identify", False)),
                              key=options.get("key"))
    return assemble_summary(findings, history=history, **options)


def _check_level(alpha: object, adjust: object) -> None:
    """Refuse, before any work, an ``alpha`` that is no level or an ``adjust`` the main job does not offer."""
    _check_probability("alpha", alpha)
    _check_choice("adjust", adjust, ADJUSTMENTS)


def _check_read_arguments(study: Any, *, codebook: Any, coded: Any, human: Any) -> None:
    """Refuse a codebook that cannot be read (a misspelt name) and a file of codings that is not there, before the
    study is validated: ``impact.run(folder, codebook="nfer")`` read and validated the study for 10-20 seconds first
    (newuser9).  The codebook is read as :func:`analyse` reads it (relative to the study folder too)."""
    from types import SimpleNamespace

    from .codings import CODINGS_FILE_EXPECTED

    if isinstance(codebook, (str, os.PathLike)):
        from .coding import Codebook

        Codebook.for_study(study if isinstance(study, Study) else SimpleNamespace(root=study, codebook_ref=None),
                           codebook)
    for given in (coded, human):
        if isinstance(given, (str, os.PathLike)):
            check_input_file(given, expected=CODINGS_FILE_EXPECTED)


@fewer_collections()
@keyword_only("out_dir")
@interrupts_noted()  # a Ctrl-C a finaliser swallowed stops the run at its next step, and never publishes
def run(
    study: str | Path | Study,
    *,
    out_dir: str | Path,
    codebook: Any = None,
    seed: int = 0,
    n_resamples: int = 2_000,
    alpha: float = 0.05,
    adjust: str = "holm",
    identify: bool = False,
    min_count: int = 5,
    quote_k: int = 5,
    key_file: str | Path | None = None,
    human: str | Path | pd.DataFrame | None = None,
    coded: str | Path | pd.DataFrame | None = None,
    progress: Callable[[str], None] | None = None,
    cache: bool | str | Path = True,
    docx_template: str | Path | None = None,
    command: str | None = None,
    council_matrix: bool = False,
    release_history: str | Path | bool | None = None,
) -> RunResult:
    """Validate, analyse and report a study; write the bundle to ``out_dir`` atomically.

    Parameters
    ----------
    study : path or Study
        The study folder (validated on loading) or a loaded study.
    out_dir : path
        Output folder.  Its previous content is replaced in one step only
        when the whole run succeeds.
    codebook, seed, n_resamples
        See :func:`analyse`.
    alpha : float, default 0.05
        1 - the confidence level of every interval (0.1 gives 90% intervals), and the level the report judges a
        difference at; see :func:`analyse`.
    adjust : {"holm", "fdr_bh"}, default "holm"
        Multiplicity adjustment across codes and waves; see :func:`analyse`.
    identify : bool
        Show real council names and ids instead of pseudonyms.
    min_count : int
        Counts below this are shown as ``c`` in published tables.
    quote_k : int
        Each quote's attribution is coarsened until at least this many
        councils share it, and the framework matrix's columns are groups of
        at least this many councils.
    council_matrix : bool
        Publish the framework matrix with a row per council, under its
        pseudonym (default: by group of councils), recorded in the
        provenance.  A reader who can tell which council a pseudonym is can
        then tell where each statement was made.
    key_file : path, optional
        Pseudonymisation key file (kept outside ``out_dir``); see
        :func:`impact.privacy.resolve_key`.
    human : path or DataFrame, optional
        Another coding of some of the segments, for the reliability section.
    coded : path or DataFrame, optional
        Codings to analyse instead of the machine coder's (see :func:`analyse`).
    command : str, optional
        The command line that asked for the run, recorded in the provenance.
    docx_template : path, optional
        A Word document or template (.docx, .dotx) whose page size, margins,
        styles, header and footer the Word report takes (checked before the
        analysis starts).
    release_history : path or bool, optional
        The study's release history, a private file of every bundle made of the study before (each one's counts,
        hidden ones included, and the relations between them): its earlier releases are taken into account by this
        report's suppression, so that this bundle and the earlier ones read together give back no suppressed count
        (an interim report and the final one, differenced), and this release is added to it once the bundle is
        whole. By default (None or True) the file beside the pseudonym key named from the study's name and the key
        (:func:`impact.privacy._history.history_file`); never inside ``out_dir`` or the study folder. ``False``
        neither reads nor records one: each bundle is then protected alone. A run to the same ``out_dir`` replaces
        the release recorded for that folder where that release holds the same waves, as it replaces its bundle (a
        draft of the same release is not a release of its own); one of that folder that held other waves (an interim
        report written there before the final one) is kept, and this bundle is protected against it. A bundle of the
        same waves that was shared is protected against only where the next run writes to another folder: run drafts
        into one folder, and write a bundle that is shared to a folder of its own. ``impact history`` lists the
        releases recorded. :func:`build_report` and :func:`build_summary` read the same history (never recording).
    cache : bool or path
        Cache segmentation and coding (Parquet with signed manifests, see
        :mod:`impact._cache`) in the user's cache folder (``True``), in the
        folder given, or not at all (``False``), so a re-run that only
        changes the statistics skips them.
    progress : callable, optional
        Called with a short message at the start of each step (see :func:`analyse`).

    Returns
    -------
    RunResult

    Raises
    ------
    TypeError
        If ``study`` is neither a path nor a :class:`Study`, or ``out_dir`` is not a path.
    ValueError
        For a ``seed`` that is not an integer of at least 0 (before any work).
    impact.InputError
        If the study, the codebook, a file given or the output folder cannot be read or written; nothing is left in
        ``out_dir``.
    impact.ValidationError
        If the study folder does not validate (every problem listed).

    Examples
    --------
    A whole run on the example study takes about a minute, so this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> result = impact.run(impact.example_path(), out_dir="out/example", n_resamples=199)  # doctest: +SKIP
    >>> result.files["report.html"]  # doctest: +SKIP
    PosixPath('out/example/report.html')
    """
    from .schema import true_or_false

    identify = true_or_false("identify", identify)
    council_matrix = true_or_false("council_matrix", council_matrix)
    from .privacy import resolve_key

    if not isinstance(study, Study):  # arguments refused before anything is read or written
        require_path(study, "study", "a study folder (holding study.yaml), or a loaded Study")
    _check_seed(seed)
    _check_progress(progress)
    _check_level(alpha, adjust)
    study_root = study.root if isinstance(study, Study) else study
    out_dir = check_output_folder(out_dir, protect=[study_root] if study_root is not None else [])
    began = output_state(out_dir)  # another run publishing there before this one does is not overwritten
    reid = out_dir.parent / f"{out_dir.name}{_KEY_SUFFIX}"
    if not identify:
        _check_key_target(reid)
    key = None if identify else resolve_key(key_file=key_file, output_dir=out_dir,  # a bad key file: before the work
                                            study_dir=study_root)
    history = _release_history(release_history, study, key=key, key_file=key_file, out_dir=out_dir,
                               study_root=study_root)
    if docx_template is not None:
        from .report import check_docx_template

        check_docx_template(docx_template)
    cache_dir = None if cache is False or cache is None else (True if cache is True else Path(cache))
    if cache_dir is not None:
        _check_cache_place(cache_dir, out_dir, study_root)
    _check_read_arguments(study, codebook=codebook, coded=coded, human=human)
    if not isinstance(study, Study):
        _progress(progress, f"validating {study}")
        study = load_study(study)
    findings = analyse(study, codebook=codebook, coded=coded, seed=seed, n_resamples=n_resamples, alpha=alpha,
                       adjust=adjust, human=human, progress=progress, cache_dir=cache_dir)
    _refuse_changed(study)
    findings.provenance.update(
        {
            "generated": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
            "command": command or "impact.pipeline.run (Python API)",
            "identify": identify,
            "min_count": min_count,
            "quote_k": quote_k,
            "council_matrix": council_matrix,
        }
    )
    # No path, folder or file name of the user's machine in any output: the study is named by its hash and layout.
    from .privacy import safe_provenance

    study_dir = study.root if study.root is not None else None
    given = [x for x in (out_dir, key_file, human if isinstance(human, (str, Path)) else None,
                         coded if isinstance(coded, (str, Path)) else None, docx_template,
                         codebook if isinstance(codebook, (str, Path)) and Path(codebook).is_file() else None)
             if x is not None]
    findings.provenance = safe_provenance(findings.provenance, study_dir=study_dir, paths=given,
                                          names=[Path(study_dir).name] if study_dir is not None else [])
    _progress(progress, "writing the report")
    report, extra = build_report(findings, identify=identify, min_count=min_count, quote_k=quote_k, key=key,
                                 council_matrix=council_matrix, release_history=False, _history=history)
    # Imported here, not above: input refused before this point is refused without importing the renderers.
    from .report import render

    # A key made for a run whose outputs are then not published (a full disk, a folder that cannot be replaced) is
    # removed again: rolled_back_on_failure.
    with (rolled_back_on_failure() as changes,
          staged_directory(out_dir, protect=[study.root] if study.root is not None else [], since=began) as staging):
        files = render(report, staging, docx_template=docx_template)
        for name, text in extra.items():
            if isinstance(text, bytes):
                atomic_write_bytes(staging / name, text)
            else:
                atomic_write_text(staging / name, text)
            files[name] = staging / name
        if key is not None:
            # Written before the new outputs are published: if it cannot be written, the previous outputs stay.
            from .privacy import reidentification_key

            _check_key_target(reid)
            changes.will_write(reid)
            reidentification_key(reid, study.councils[["council_id"]], columns={"council_id": "council"}, key=key,
                                 output_dir=out_dir)
    files = {k: out_dir / Path(v).relative_to(staging) for k, v in files.items()}
    if key is not None:
        files["reidentification_key"] = reid
    if history is not None:  # the bundle is whole: its release is recorded (outside it, beside the key)
        history.record()
    return RunResult(out_dir=out_dir, files=files, findings=findings)

