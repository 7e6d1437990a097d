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
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ._io import atomic_write_text, check_output_folder, staged_directory
from ._version import __version__
from .describe import describe_study
from .effects import intervention_effects, survey_effects
from .framework import framework_matrix
from .indicators import indicator_trends
from .panel import council_panel, participant_panel
from .study import Study, load_study
from .trajectories import action_completion, trajectories, transition_matrix

__all__ = ["Findings", "analyse", "build_report", "run", "study_hash", "RunResult"]

# Worker processes for segmenting and coding a large corpus (small studies stay in process).
_N_JOBS = min(2, os.cpu_count() or 1)



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
    """Every table of a programme analysis (unrounded, with real ids)."""

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
    survey_model: pd.DataFrame | None = None
    indicator_trends: pd.DataFrame | None = None
    reliability: pd.DataFrame | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)


def _progress(callback: Callable[[str], None] | None, message: str) -> None:
    if callback is not None:
        callback(message)


def analyse(
    study: Study,
    *,
    codebook: Any = None,
    seed: int = 0,
    n_resamples: int = 2_000,
    alpha: float = 0.05,
    adjust: str = "holm",
    human: pd.DataFrame | None = None,
    progress: Callable[[str], None] | None = None,
    cache_dir: str | Path | None = None,
) -> Findings:
    """Run the programme analysis of a study.

    Parameters
    ----------
    study : Study
    codebook : Codebook, str or path, optional
        Default: the study's codebook (``study.yaml``), else ``nfer_impacts``.
    seed : int
        Seed of every permutation test (the analysis is deterministic).
    n_resamples : int
        Permutations per permutation test.
    alpha : float
        1 - confidence level of every interval.
    adjust : {"holm", "fdr_bh"}
        Multiplicity adjustment across codes and waves.
    human : DataFrame, optional
        Human codings (coded format with a ``coder`` column) of some of the
        same segments, for the reliability section.
    progress : callable, optional
        Called with a short message at the start of each step.
    cache_dir : path, optional
        Folder caching segmentation and coding by transcript hash.

    Returns
    -------
    Findings
    """
    from .coding import Codebook, RuleCoder
    from .coding.evaluate import coder_reliability
    from .stats import change_over_time, compare_groups, prevalence_table

    if codebook is None:
        codebook = study.codebook_ref
    if not isinstance(codebook, Codebook):
        ref = str(codebook)
        if study.root is not None and (study.root / ref).is_file():
            ref = str(study.root / ref)
        codebook = Codebook.load(ref)

    themes_book = Codebook.load("review_themes")
    coders = [RuleCoder(codebook, n_jobs=_N_JOBS), RuleCoder(themes_book, n_jobs=_N_JOBS)]
    keys = [f"{codebook.id}-{codebook.hash}", f"themes-{themes_book.hash}"]
    segments, (coded, themes_coded) = _segments_and_coding(study, coders, keys, cache_dir, progress)
    codes = codebook.top_codes()

    _progress(progress, "building the council x wave panel")
    panel = council_panel(study, coded, segments=segments, codes=codes)
    ppanel = participant_panel(study, coded, segments=segments, codes=codes)
    traj = trajectories(panel, study=study)
    ptraj = trajectories(ppanel, study=study, unit="participant_id")
    traj_summary = (
        ptraj.groupby(["code", "realisation"]).size().unstack(fill_value=0).add_prefix("realisation_").reset_index()
        .merge(ptraj.groupby(["code", "persistence"]).size().unstack(fill_value=0).add_prefix("persistence_").reset_index(),
               on="code")
    )
    transitions = transition_matrix(ppanel, study=study, unit="participant_id")

    _progress(progress, "comparing by intervention status")
    seen = panel[panel["interviewed"]].copy()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prevalence = prevalence_table(ppanel, outcome="mentioned", group="status_group", by=["code", "wave"], alpha=alpha)
        comparisons = compare_groups(
            seen, outcome="share_participants", group="status_group", by=["code", "wave"], unit="council_id",
            alpha=alpha, seed=seed, n_resamples=n_resamples, adjust=adjust, method="permutation",
            outcome_type="continuous",
        )
        change = change_over_time(
            seen, outcome="share_participants", time="wave", unit="council_id", group="status_group", by="code",
            times=study.wave_ids, adjust=adjust,
        )
        _progress(progress, "fitting longitudinal models")
        models = intervention_effects(ppanel, measure="mentioned", codes=codes, waves=study.wave_ids, alpha=alpha)
        survey_model = survey_effects(study, alpha=alpha)
    stat_warnings = sorted({f"{type(w.message).__name__}: {w.message}" for w in caught})

    sample = describe_study(study)
    themes = framework_matrix(study, themes_coded, segments=segments, codebook=themes_book)
    actions = action_completion(study)
    trends = indicator_trends(study)
    reliability = coder_reliability(coded, human, segments) if human is not None else None
    params = {"codebook": codebook.id, "seed": seed, "n_resamples": n_resamples, "alpha": alpha, "adjust": adjust}
    provenance = {
        "package": "impact",
        "version": __version__,
        "python": platform.python_version(),
        "study": study.name,
        "study_hash": study_hash(study),
        "codebook": codebook.id,
        "codebook_version": codebook.version,
        "codebook_hash": codebook.hash,
        "parameters": params,
        "seed": seed,
        "statistical_warnings": stat_warnings,
    }
    return Findings(
        study=study, codebook=codebook, segments=segments, coded=coded, panel=panel, participant_panel=ppanel,
        trajectories=traj, trajectory_summary=traj_summary, transitions=transitions, prevalence=prevalence,
        comparisons=comparisons, change=change, models=models, sample=sample, themes=themes, actions=actions,
        survey_model=survey_model, indicator_trends=trends, reliability=reliability, parameters=params,
        provenance=provenance,
    )


# --------------------------------------------------------------------------- steps
def _cache_path(cache_dir, kind: str, key: str):
    """The cache holding entry ``kind``-``key``, or None when not caching.

    ``cache_dir`` is a :class:`impact._cache.Cache`, a folder for one, or None.
    Entries are Parquet files with signed JSON manifests (never pickles).
    """
    if cache_dir is None or cache_dir is False:
        return None
    from ._cache import Cache

    return cache_dir if isinstance(cache_dir, Cache) else Cache(None if cache_dir is True else cache_dir)


def _transcripts_key(study: Study) -> str:
    h = hashlib.sha256()
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
        _progress(progress, f"coding {len(segments):,} segments with {coder.codebook.id}")
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
        from tqdm.auto import tqdm

        jobs = tqdm(jobs, total=len(batches), desc="segmenting and coding", unit="batch", disable=None)
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
    """What :func:`run` wrote: the output folder and its main files."""

    out_dir: Path
    files: dict[str, Path]
    findings: Findings

    def __str__(self) -> str:
        main = ("report.html", "report.docx", "tables.xlsx")
        lines = [f"findings written to {self.out_dir}"]
        lines += [f"  {k}: {self.files[k]}" for k in main if k in self.files]
        n_fig = sum(1 for k in self.files if k.startswith("figures/") and k.endswith(".png"))
        n_tab = sum(1 for k in self.files if k.startswith("tables/"))
        if "reidentification_key" in self.files:
            lines.append(f"  re-identification key (keep private, outside the published folder): {self.files['reidentification_key']}")
        lines.append(f"  {n_fig} figures (PNG and SVG) in {self.out_dir / 'figures'}, {n_tab} CSV tables in {self.out_dir / 'tables'}")
        return "\n".join(lines)


def build_report(
    findings: Findings,
    *,
    identify: bool = False,
    min_count: int = 5,
    quote_k: int = 5,
    key: bytes | str | None = None,
):
    """Assemble the publishable report from findings (see :mod:`impact.report._build`)."""
    from .report._build import assemble

    return assemble(findings, identify=identify, min_count=min_count, quote_k=quote_k, key=key)


def run(
    study: str | Path | Study,
    out_dir: str | Path,
    *,
    codebook: Any = None,
    seed: int = 0,
    n_resamples: int = 2_000,
    identify: bool = False,
    min_count: int = 5,
    quote_k: int = 5,
    key_file: str | Path | None = None,
    human: str | Path | pd.DataFrame | None = None,
    progress: Callable[[str], None] | None = None,
    cache: bool = True,
    command: str | None = None,
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
    identify : bool
        Show real council names and ids instead of pseudonyms.
    min_count : int
        Counts below this are shown as ``c`` in published tables.
    quote_k : int
        Each quote's attribution is coarsened until at least this many
        councils share it.
    key_file : path, optional
        Pseudonymisation key file (kept outside ``out_dir``); see
        :func:`impact.privacy.resolve_key`.
    human : path or DataFrame, optional
        Human codings for the reliability section.
    command : str, optional
        The command line that asked for the run, recorded in the provenance.
    cache : bool or path
        Cache segmentation and coding (Parquet with signed manifests, see
        :mod:`impact._cache`) in the user's cache folder (``True``), in the
        folder given, or not at all (``False``), so a re-run that only
        changes the statistics skips them.

    Returns
    -------
    RunResult
    """
    from .privacy import resolve_key
    from .report import render

    study_root = study.root if isinstance(study, Study) else study
    out_dir = check_output_folder(out_dir, protect=[study_root] if study_root is not None else [])
    if not isinstance(study, Study):
        _progress(progress, f"validating {study}")
        study = load_study(study)
    if isinstance(human, (str, Path)):
        from .coding import read_coded

        human = read_coded(human)
    cache_dir = None if cache is False or cache is None else (True if cache is True else Path(cache))
    findings = analyse(study, codebook=codebook, seed=seed, n_resamples=n_resamples, human=human,
                       progress=progress, cache_dir=cache_dir)
    key = None if identify else resolve_key(key_file=key_file, output_dir=out_dir)
    findings.provenance.update(
        {
            "generated": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
            "command": command or "impact.pipeline.run (Python API)",
            "identify": identify,
            "min_count": min_count,
            "quote_k": quote_k,
        }
    )
    _progress(progress, "writing the report")
    report, extra = build_report(findings, identify=identify, min_count=min_count, quote_k=quote_k, key=key)
    with staged_directory(out_dir, protect=[study.root] if study.root is not None else []) as staging:
        files = render(report, staging)
        for name, text in extra.items():
            atomic_write_text(staging / name, text)
            files[name] = staging / name
    files = {k: out_dir / Path(v).relative_to(staging) for k, v in files.items()}
    if key is not None:
        from .privacy import reidentification_key

        reid = out_dir.parent / f"{out_dir.name}-reidentification-key.csv"
        reidentification_key(reid, study.councils[["council_id"]], columns={"council_id": "council"}, key=key,
                             output_dir=out_dir)
        files["reidentification_key"] = reid
    return RunResult(out_dir=out_dir, files=files, findings=findings)

