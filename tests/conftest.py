"""Shared fixtures: seeded random generators, paths to the bundled and shared data."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

#: Each xdist worker, and each process its tests start (`impact` runs, notebook kernels), does its linear algebra on
#: one BLAS thread. `make test` runs two workers on two cores: a second OpenBLAS thread per worker only competes with
#: the other worker (and spins while it waits), for matrices of a few hundred rows that gain nothing from it
#: (analyse of a 30-council study, two at once: 5.7-6.5 s CPU each on two threads, 5.2-6.2 s on one). Set before numpy
#: is imported (OpenBLAS reads it when it loads); a value the caller set is kept.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
if os.environ.get("PYTEST_XDIST_WORKER"):
    for _name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(_name, "1")

import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("IMPACT_SHARED_DATA", REPO.parent / "shared" / "data"))
EXAMPLE = REPO / "data" / "example"


_WORKER_CACHE: dict = {}


def once_per_worker(key, build):
    """``build()`` once per test process, then its cached result for the same ``key``.

    pytest-xdist tears module- and session-scoped fixtures down whenever a
    worker's queue of tests runs dry, so an expensive fixture (a full run, a
    LibreOffice rendering) can be rebuilt several times in one worker.  Paths
    from ``tmp_path_factory`` outlive that teardown; this cache keeps them.
    """
    if key not in _WORKER_CACHE:
        _WORKER_CACHE[key] = build()
    return _WORKER_CACHE[key]


def once_per_run(tmp_path_factory, key, build):
    """``build(folder)`` once per test run, its result shared by every xdist worker; else :func:`once_per_worker`.

    For what more than one test file needs (the same generated study, run by the same command): the first worker
    to ask builds it in ``folder`` (in the run's temporary folder, which outlives every worker) under a lock, and
    leaves the result pickled there for the others; a worker asking meanwhile waits for it. The result must be
    picklable, and its users must only read what it points to (copy before changing it).
    """
    import fcntl
    import pickle
    import tempfile

    if "PYTEST_XDIST_WORKER" not in os.environ:
        return once_per_worker(key, lambda: build(tmp_path_factory.mktemp(key)))

    def shared():
        root = tmp_path_factory.getbasetemp().parent / "once-per-run"  # the controller's, above each worker's
        root.mkdir(exist_ok=True)
        stored = root / f"{key}.pickle"
        with open(root / f"{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if stored.is_file():
                return pickle.loads(stored.read_bytes())
            value = build(Path(tempfile.mkdtemp(prefix=f"{key}-", dir=root)))  # a fresh one if a build failed
            _write_whole(stored, pickle.dumps(value))
            return value

    return once_per_worker(key, shared)


def _write_whole(path: Path, data: bytes) -> None:
    """``data`` written to ``path`` whole or not at all: to a file beside it, then renamed over it (a worker killed
    mid-write leaves no half pickle for another to read)."""
    part = path.with_name(f"{path.name}.part-{os.getpid()}")
    part.write_bytes(data)
    os.replace(part, path)


def source_hash(package: Path) -> str:
    """SHA-256 of every file under ``package`` by path and content: its modules and the data it ships, not bytecode
    (``__pycache__``) nor the example study that ``impact/_bundle`` links to."""
    h = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if rel.parts[0] == "_bundle" or "__pycache__" in rel.parts or not path.is_file():
            continue
        h.update(str(rel.as_posix()).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


_SOURCE_HASH: dict[str, str] = {}


def impact_source_hash() -> str:
    """:func:`source_hash` of the ``impact`` package the tests import, once per process: part of every key of
    :func:`run_cached`, so a result made by other code is never read."""
    import impact

    if "impact" not in _SOURCE_HASH:
        _SOURCE_HASH["impact"] = source_hash(Path(impact.__file__).resolve().parent)
    return _SOURCE_HASH["impact"]


def _canonical(value) -> str:
    """A text that names ``value`` whole (no repr cut short, no object address): numbers, strings, None, lists, tuples,
    sets, dicts (by sorted key), dataclasses and :class:`impact.synth.SynthEffects` (by their fields), numpy arrays
    (by dtype, shape and bytes). Anything else raises TypeError: :func:`run_cached` then builds it uncached."""
    import dataclasses

    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return f"{type(value).__name__}:{value!r}"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__}[" + ",".join(_canonical(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return f"{type(value).__name__}{{" + ",".join(sorted(_canonical(v) for v in value)) + "}"
    if isinstance(value, dict):
        return "dict{" + ",".join(sorted(f"{_canonical(k)}:{_canonical(v)}" for k, v in value.items())) + "}"
    if isinstance(value, np.ndarray):
        return f"ndarray({value.dtype},{value.shape},{hashlib.sha256(np.ascontiguousarray(value).tobytes()).hexdigest()})"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return f"{type(value).__module__}.{type(value).__qualname__}" + _canonical(fields)
    raise TypeError(f"no canonical text for a {type(value).__name__}")


_SESSION: dict = {}
#: The settings of :func:`_private_cache`: each worker's own folders, which hold caches and keys, not results.
_PRIVATE_FOLDERS = ("IMPACT_CACHE_DIR", "IMPACT_CONFIG_DIR")


def run_cached(build, *args, **kwargs):
    """``build(*args, **kwargs)``, made once per test run and shared by every xdist worker; each later call returns a
    copy of its own (unpickled afresh, the first the result built), so a caller may change what it gets as it could
    change a result it built.

    The key is ``build``'s module and name, its arguments written whole (:func:`_canonical`), the ``IMPACT_*`` settings
    of the environment (the pseudonym key a test sets; not the worker's private folders) and
    :func:`impact_source_hash`: a result is read only by a call with the same arguments to the same code. The first
    worker to ask builds it under a file lock in the run's folder (``once-per-run/cache``, beside
    :func:`once_per_run`'s, in the run's temporary folder, which outlives every worker; ``run-cache`` in the basetemp
    of a run without workers) and renames the pickle into place whole; another worker asking meanwhile waits for it,
    one asking later reads it (:func:`stored_once`). The pickles go with the run's temporary folder (pytest keeps the
    last three runs'). Arguments without a canonical text (a frame, an object of another kind) are built each time,
    as before. ``build`` must be deterministic in its arguments (a seeded generator and analysis) and its result
    picklable.
    """
    settings = {k: v for k, v in os.environ.items() if k.startswith("IMPACT_") and k not in _PRIVATE_FOLDERS}
    try:
        text = "\n".join([f"{build.__module__}.{build.__qualname__}", impact_source_hash(), _canonical(args),
                          _canonical(kwargs), _canonical(settings)])
    except TypeError:
        return build(*args, **kwargs)
    config = _SESSION.get("config")
    if config is None:  # conftest imported outside a pytest session
        return build(*args, **kwargs)
    base = Path(config._tmp_path_factory.getbasetemp())
    root = base.parent / "once-per-run" / "cache" if "PYTEST_XDIST_WORKER" in os.environ else base / "run-cache"
    return stored_once(root, hashlib.sha256(text.encode()).hexdigest()[:32], lambda: build(*args, **kwargs))


def stored_once(root: Path, key: str, build):
    """``build()`` pickled to ``root/<key>.pickle`` by the first process to ask, under the file lock
    ``root/<key>.lock``; a process asking while it builds waits, one asking later unpickles it (a copy of its own).
    The pickle is renamed into place whole (:func:`_write_whole`); a build that raises stores nothing, so the next
    call builds again."""
    import fcntl
    import pickle

    root.mkdir(parents=True, exist_ok=True)
    stored = root / f"{key}.pickle"
    with open(root / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stored.is_file():
            return pickle.loads(stored.read_bytes())
        value = build()
        _write_whole(stored, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value


def pytest_configure(config):
    """Keep the session's config for :func:`run_cached` (the run's temporary folder)."""
    _SESSION["config"] = config


@pytest.fixture(scope="module")
def ten_council_study(tmp_path_factory) -> Path:
    """A generated study folder of 10 councils, 3 interviews per wave (seed 7), made once per run (read only)."""
    import impact.synth

    def build(folder):
        impact.synth.generate(10, seed=7, interviews_per_wave=3, words_per_interview=350, out=folder / "s")
        return folder / "s"

    return once_per_run(tmp_path_factory, "ten-council-study", build)


@pytest.fixture(scope="module")
def ten_council_run(ten_council_study, tmp_path_factory):
    """``impact.run`` of :func:`ten_council_study` (499 resamples, seed 3), once per run: its ``RunResult`` (the
    output folder is read only; copy it to change it)."""
    from impact.pipeline import run

    os.environ["IMPACT_PSEUDONYM_KEY"] = "impact-test-key-0123456789abcdef"  # set before any test's own
    return once_per_run(tmp_path_factory, "ten-council-run",
                        lambda folder: run(ten_council_study, out_dir=folder / "findings", n_resamples=499, seed=3))


@pytest.fixture(scope="module")
def example_run(tmp_path_factory):
    """``impact.run`` of the bundled example study (machine-coded, 199 resamples, seed 0), once per run: its
    ``RunResult`` (the output folder is read only; copy it to change it). Read by tests/test_rendering.py (the rendered
    report), tests/test_example.py (the machine-coded findings) and tests/test_report_disclosure.py (a 30-council
    bundle to attack), which each made an analysis of their own before."""
    import impact

    os.environ["IMPACT_PSEUDONYM_KEY"] = "impact-test-key-0123456789abcdef"  # set before any test's own
    return once_per_run(tmp_path_factory, "example-run",
                        lambda folder: impact.run(impact.example_path(), out_dir=folder / "example", n_resamples=199, seed=0))


_REPORTS: dict[int, tuple] = {}


def report_of(findings):
    """``impact.build_report(findings)`` (default options) once per findings object in a test process.

    A module's tests read the report of the same module-scoped findings many
    times (a section, the summary, the tables' notes); building it is
    deterministic and leaves the findings as they were, so the first build is
    reused while the findings object lives.  Tests only read the report; a
    test that patches what the report reads (``coder_validity``) passes a
    copy (``dataclasses.replace(findings)``), whose report is built afresh.
    A findings object made by a run-wide build (:func:`tiny_analysed`) has its report made once per run too.
    """
    from impact.pipeline import build_report

    shared = _RUN_WIDE_REPORTS.get(id(findings))
    if shared is not None and shared[0]() is findings:
        return _once_per_object(_REPORTS, findings, lambda f: run_cached(shared[1]))
    return _once_per_object(_REPORTS, findings, build_report)


#: id of a findings object -> (a weak reference to it, the :func:`run_cached` builder of its report).
_RUN_WIDE_REPORTS: dict[int, tuple] = {}


_OPTIONED: dict[tuple, dict[int, tuple]] = {}


def report_with(findings, **options):
    """``impact.build_report(findings, **options)`` once per findings object and options in a test process, as
    :func:`report_of` builds the default one (which it is without options). Report truth rounds 39 and 43 built the
    reports of one shared 12-council study at ``min_count`` 1 and 13 each, and test_report_truth kept its own cache
    of such builds (testtime30)."""
    from impact.pipeline import build_report

    if not options:
        return report_of(findings)
    cache = _OPTIONED.setdefault(tuple(sorted(options.items())), {})
    return _once_per_object(cache, findings, lambda f: build_report(f, **options))


def _once_per_object(cache: dict[int, tuple], findings, build):
    """``build(findings)``, kept in ``cache`` while ``findings`` lives (by a weak reference: an id reused by a later
    object is not taken for it)."""
    import weakref

    key = id(findings)
    hit = cache.get(key)
    if hit is None or hit[0]() is not findings:
        hit = (weakref.ref(findings), build(findings))
        cache[key] = hit
        weakref.finalize(findings, cache.pop, key, None)
    return hit[1]


_SUMMARIES: dict[int, tuple] = {}


def summary_of(findings):
    """The summary section of ``findings``' report (default options): the first section of :func:`report_of`'s report
    where this process has built it, else ``impact.pipeline.build_summary(findings)`` (the same section, checked by
    tests/test_report_summary_only.py, for about half a build), once per findings object as :func:`report_of`.

    For the tests that read only the summary of a findings object, mostly a copy with a planted change that no other
    test reads (test_findings built 13 whole reports of such copies for their summaries, 2 s each: testtime19).
    """
    from impact.pipeline import build_summary

    whole = _REPORTS.get(id(findings))
    if whole is not None and whole[0]() is findings:
        return whole[1][0].sections[0]
    return _once_per_object(_SUMMARIES, findings, build_summary)


def tiny_analysed():
    """:func:`make_tiny_study` analysed with the package's coder (99 resamples, seed 1; warnings silenced), once per
    test process (the one object: the report truth rounds read its whole report, :func:`report_of`), made once per run
    with that report (:func:`run_cached`: 21 files read it, so both workers made both)."""
    import weakref

    def build():
        findings = run_cached(_tiny_findings)
        _RUN_WIDE_REPORTS[id(findings)] = (weakref.ref(findings), _tiny_report)
        return findings

    return once_per_worker(("round26", "tiny"), build)


def _tiny_findings():
    """:func:`tiny_analysed`'s analysis, made each time."""
    import warnings

    import impact

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return impact.analyse(make_tiny_study(), n_resamples=99, seed=1)


def _tiny_report():
    """``build_report`` (default options) of :func:`tiny_analysed`'s analysis: :func:`report_of` of it, once per run
    (3.9 s of CPU, built by each worker before)."""
    from impact.pipeline import build_report

    return build_report(run_cached(_tiny_findings))


_PAGES: dict[int, tuple] = {}


def page_text(findings) -> str:
    """The rendered HTML report of ``findings`` as plain text, one space between words: rendered once per findings
    object in a test process, as :func:`report_of` builds its report once (report truth rounds 26, 27, 28 and 34
    read the tiny study's page eight times between them)."""
    import html
    import re

    from impact.report._html import render_html

    def text(findings):
        report, _ = report_of(findings)
        return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", render_html(report))))

    return _once_per_object(_PAGES, findings, text)


def models_withheld(findings) -> set[str]:
    """The codes whose longitudinal model the report (default options, :func:`report_of`) withholds whole under the
    models' disclosure rule (disclosure53): its suppression ledger's rows with the reason ``model_of_suppressed``,
    each named by the impact's label before " / "."""
    from impact.report import Table

    report, _ = report_of(findings)
    sup = next(b.data for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "suppressions")
    book = findings.codebook.codes
    codes = dict(zip(book["label"], book["code_id"], strict=True))
    return {codes[r.split(" / ")[0]] for r in sup.loc[sup["reason"] == "model_of_suppressed", "row"]}


def summary_bullets(findings) -> list[str]:
    """The items of the bullet lists of the report's summary (its first section), default options
    (:func:`summary_of`)."""
    from impact.report import Bullets

    return [i for b in summary_of(findings).blocks if isinstance(b, Bullets) for i in b.items]


def report_table(findings, name: str):
    """The report's :class:`impact.report.Table` called ``name``, default options: looked for in the sections built
    first, so a table of one of them does not build the sections built when read (the summary, the quotes, ...:
    testtime39)."""
    from impact.report import Table

    report, _ = report_of(findings)
    sections = sorted(report.sections, key=lambda s: not s.built)
    return next(b for s in sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def realised_sentence(findings) -> str:
    """The summary's sentence on the share of expectations realised and its yardstick.

    The table of realisation counts the same participants, so the summary's counts are the sums of its columns and are
    withheld where the table hides cells they would give away (round 17); the summary must then say so, and the
    sentence is read from the report built with nothing suppressed.
    """
    from impact.pipeline import build_report
    from impact.report import Bullets

    summary = summary_bullets(findings)
    stated = [s for s in summary if "were reported as realised" in s]
    if not stated:
        assert any(s.startswith("This summary does not state") and "the share of expectations realised" in s
                   for s in summary), summary
        stated = [i for b in build_report(findings, min_count=1)[0].sections[0].blocks if isinstance(b, Bullets)
                  for i in b.items if "were reported as realised" in i]
    [stated] = stated
    return stated


def realised_wording(n: int, k: int, m: int, j: int) -> str:
    """What :func:`realised_sentence` must read: ``k`` of ``n`` expectations realised, ``j`` of ``m`` impacts neither
    expected nor reported before the review reported afterwards."""
    return (f"Of the {n:,} expectations that participants interviewed at every wave held before the review "
            f"(one per participant and impact), {k:,} ({k / n:.0%}) were reported as realised afterwards; of "
            f"the {m:,} impacts the same participants had neither expected nor reported before the review, "
            f"{j:,} ({j / m:.0%}) were reported afterwards all the same.")


def hand_check(study, truth, seed, one_in):
    """The planted coding of one interview in ``one_in`` of ``study`` (drawn with ``seed``), as a person would send it:
    the hand check :func:`analysed_synthetic` gives with ``check_one_in``."""
    ids = sorted(study.interviews["interview_id"])
    sample = set(np.random.default_rng(seed).choice(ids, size=len(ids) // one_in, replace=False))
    human = truth.coded()
    return human[human["interview_id"].isin(sample)].assign(coder="person")


def analysed_synthetic(n_councils, seed, *, machine=False, check_one_in=None, parts=None, n_resamples=199, **kwargs):
    """``(study, truth, findings)`` of a study generated with ``seed``, analysed with its planted coding, or with the
    machine coder's (``machine=True``) and, if ``check_one_in`` is given, a hand check: the planted coding of one
    interview in that many (drawn with ``seed``), as a person would send it (``n_resamples``, seed 1). Warnings are
    silenced. Made once per run for the same arguments (:func:`run_cached`): each call gets its own copy."""
    return run_cached(_analysed_synthetic, n_councils, seed, machine=machine, check_one_in=check_one_in, parts=parts,
                      n_resamples=n_resamples, **kwargs)


def _analysed_synthetic(n_councils, seed, *, machine=False, check_one_in=None, parts=None, n_resamples=199, **kwargs):
    """:func:`analysed_synthetic`, made each time."""
    import warnings

    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, **kwargs)
    human = None if check_one_in is None else hand_check(study, truth, seed, check_one_in)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=None if machine else truth.coded(), human=human, n_resamples=n_resamples,
                           seed=1, parts=parts)
    return study, truth, findings


def prepared_synthetic(n_councils, seed, min_count=5, *, parts=("comparisons", "models"), **kwargs):
    """``(findings, ctx)``: :func:`analysed_synthetic` of the design (its ``parts``: by default its comparisons and
    models), and the report's context of its findings, every count declared to the ledger and decided
    (``impact.report._build._prepared``, no council named, quotes shared by 5 councils). Warnings are silenced."""
    import warnings

    import impact.report._build as build

    _, _, findings = analysed_synthetic(n_councils, seed, parts=list(parts), **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return findings, build._prepared(findings, False, min_count, 5, None, False)


def shared_synthetic(tmp_path_factory, key: str, n_councils, seed, **kwargs):
    """:func:`analysed_synthetic` of a design more than one test file reads, made once per run and shared by every
    xdist worker (:func:`once_per_run`, under ``key``); its users only read it (copy before changing)."""
    return once_per_run(tmp_path_factory, key, lambda folder: analysed_synthetic(n_councils, seed, **kwargs))


def without_wave(n_councils: int, waves: int, seed: int, drop: str, interviews_per_wave: int):
    """``(study, truth, coded)``: a generated study (150 words an interview) with every interview at the wave ``drop``
    taken out, its declared waves kept, and its planted coding of the interviews held: the study whose wave had no
    interview (an interim report before a wave's fieldwork) of report truth rounds 71 and 72."""
    from impact.schema import TABLES
    from impact.study import Study
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, waves=waves, interviews_per_wave=interviews_per_wave,
                                       words_per_interview=150)
    tables = {name: study.table(name) for name in TABLES}
    iv = tables["interviews"]
    tables["interviews"] = iv[iv["wave"] != drop].reset_index(drop=True)
    kept = set(tables["interviews"]["interview_id"])
    study = Study(study.meta, tables, {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"],
                                                                               strict=True) if i in kept})
    coded = truth.coded()
    return study, truth, coded[coded["interview_id"].isin(kept)]


def synthetic_study(tmp_path_factory, n_councils: int, seed: int, **kwargs):
    """A synthetic study written to a fresh folder: its folder, the study loaded without validation, and its planted
    codings (``truth_coded.csv``) as text."""
    import pandas as pd

    import impact

    folder = tmp_path_factory.mktemp(f"synth{n_councils}-{seed}") / "study"
    impact.synth.generate(n_councils, seed=seed, out=folder, **kwargs)
    study = impact.load_study(folder, validate=False)
    return folder, study, pd.read_csv(folder / "truth_coded.csv", dtype=str, keep_default_na=False)


#: The design of :func:`sixty_planted` and :func:`sixty_machine`: 60 councils with the generator's default effects (a
#: difference by status planted in partnership working only, councils moving into and out of intervention between the
#: waves), four interviews per council and wave.
SIXTY = dict(n_councils=60, seed=4242, interviews_per_wave=4, words_per_interview=150)


@pytest.fixture(scope="module")
def sixty_planted(tmp_path_factory):
    """``(study, truth, findings)`` of :data:`SIXTY` analysed with its planted coding (every part, 199 resamples,
    seed 1), once per run (read only). The class of "a large study of the default design, coded by people": read by
    tests/test_findings.py, tests/test_report_sections.py and tests/test_report_truth_round4.py, which each generated
    and analysed a 30- to 60-council study of that design of their own before (testtime9)."""
    return shared_synthetic(tmp_path_factory, "sixty-planted", **SIXTY)


@pytest.fixture(scope="module")
def sixty_machine(tmp_path_factory):
    """``(study, truth, findings)`` of :data:`SIXTY` analysed with the package's machine coder and no hand check (every
    part, 199 resamples, seed 1), once per run (read only): read by tests/test_findings.py and
    tests/test_report_sections.py."""
    return shared_synthetic(tmp_path_factory, "sixty-machine", **SIXTY, machine=True)


@pytest.fixture(scope="module")
def process_thirty(tmp_path_factory):
    """``(study, truth, findings)``: 30 councils of the default design (seed 9601, four interviews per council and wave
    of 250 words, some participants missing a wave) analysed with its planted coding, the review process only (199
    resamples, seed 1), once per run (read only). The class of "the review process of a study of the default design":
    read by tests/test_report_truth_round17.py and tests/test_report_truth_round13.py (which analysed a 24-council
    study of that design, seed 1310011, so), round 46, and round 20's monitoring test (60 councils of its own, seed
    9904, before testtime23)."""
    return shared_synthetic(tmp_path_factory, "process-thirty-9601", 30, 9601, interviews_per_wave=4,
                            words_per_interview=250, parts=["process"])


@pytest.fixture(scope="module")
def monitoring_link(tmp_path_factory):
    """``(study, truth, findings)``: 80 councils (seed 50080, five interviews per council and wave of 120 words), a
    strong planted link between saying monitoring the action plan helped and the impacts reported (``monitoring_effect``
    3.0; the default is 1), the review process only (199 resamples, seed 1), once per run (read only). Read by
    tests/test_report_truth_round50.py (the factor test's power) and tests/test_report_truth_round13.py (the factor
    test against the impacts reported, which analysed 100 councils of ``monitoring_effect`` 8 of its own, seed
    1310021, before testtime23)."""
    return shared_synthetic(tmp_path_factory, "monitoring-link-50080", 80, 50080, parts=["process"],
                            interviews_per_wave=5, words_per_interview=120, effects={"monitoring_effect": 3.0})


@pytest.fixture(scope="module")
def partnership_by_status(tmp_path_factory):
    """``(study, truth, findings)``: 80 councils (seed 9405, three interviews per council and wave of 300 words),
    partnership working planted far more often reported by councils in intervention (log-odds 2.5) and no other impact
    by status, the wave effects as by default, councils moving into and out of intervention between the waves;
    analysed with its planted coding, the comparisons and models only (199 resamples, seed 1), once per run (read
    only). The class of "one large status effect among six impacts": read by tests/test_report_truth_round15.py (the
    forest plot's counts said in words) and tests/test_report_truth_round8.py (the impacts alike in both groups named;
    the forest plot's intervals said to be unadjusted), which analysed a 40-council study of its own (seed 804417,
    log-odds 2.0, the models only) before testtime36."""
    return shared_synthetic(tmp_path_factory, "partnership-by-status-9405", 80, 9405, interviews_per_wave=3,
                            words_per_interview=300, parts=["comparisons", "models"],
                            effects={"intervention_log_odds": 2.5})


#: The chance a participant in a council in intervention misses each wave under informative attrition
#: (bench/ipw_check.py's MISSING_IN), and the smallest design that fits the models, of :func:`attrition_informative`.
ATTRITION_MISSING_IN = {"expectations": 0.05, "early": 0.45, "longer_term": 0.65}
ATTRITION_DESIGN = dict(interviews_per_wave=4, words_per_interview=60, participant_missing=0.05, council_missing=0.0,
                        parts=["models"])


@pytest.fixture(scope="module")
def attrition_informative(tmp_path_factory):
    """``(study, truth, findings)``: 20 councils (seed 47020) whose participants in intervention miss 45% and 65% of
    the later interviews (:data:`ATTRITION_MISSING_IN`, :data:`ATTRITION_DESIGN`: the models only), once per run (read
    only). Read by tests/test_report_truth_round48.py and tests/test_report_truth_round50.py, which shared it within a
    process only before testtime23 (built again where the two files ran on different workers)."""
    return shared_synthetic(tmp_path_factory, "attrition-informative-47020", 20, 47020,
                            participant_missing_in_intervention=ATTRITION_MISSING_IN, **ATTRITION_DESIGN)


@pytest.fixture(scope="module")
def attrition_control(tmp_path_factory):
    """:func:`attrition_informative`'s design and seed with interviews missed alike whatever the council's status, once
    per run (read only): rounds 48 and 50."""
    return shared_synthetic(tmp_path_factory, "attrition-control-47020", 20, 47020, **ATTRITION_DESIGN)


def shifted(expectations: float, early: float, longer_term: float):
    """Synthetic effects with nothing planted (no difference by intervention status either) but a shift of every
    impact's log-odds at the given waves."""
    from impact.synth import SynthEffects

    return SynthEffects.from_value({**SynthEffects.null().to_dict(), "wave_log_odds": {
        "expectations": expectations, "early": early, "longer_term": longer_term}})


@pytest.fixture(scope="module")
def late_shift(tmp_path_factory):
    """``(study, truth, findings)``: 40 councils (seed 152953, three interviews per council and wave of 150 words) with
    two planted cases: every impact reported more often at the last wave only (log-odds +1.5 there, against the first
    and the middle wave), and no difference by intervention status at all; analysed with the planted coding (every
    part, 199 resamples, seed 1), once per run (read only). Read by tests/test_report_truth_round4.py (a change at one
    wave), tests/test_findings.py (a null study by status, which generated and analysed a 40-council study of its
    own, seed 4243, before the tenth pass on the suite's time) and tests/test_report_truth_round3.py (the summary's
    change across the waves from the models, which analysed 30 councils of its own, seed 95713, before testtime36)."""
    return shared_synthetic(tmp_path_factory, "late-shift-152953", 40, 152953, interviews_per_wave=3,
                            words_per_interview=150, effects=shifted(-1.5, -1.5, 0))


#: A theme of the review themes codebook for each planted impact (four under core themes, two under optional themes):
#: the planted statements, coded against that codebook.
THEME_OF = {"commitment": "vision_strategy_leadership", "plans_actions": "participation",
            "learning": "service_delivery_practice", "policies_systems": "managing_performance",
            "morale": "managing_resources", "partnership": "working_together_lscb"}


def analysed_themes(n_councils, seed, **kwargs):
    """``(study, truth, coded, findings)`` of a study generated with ``seed``, its planted statements coded with a
    review theme each (:data:`THEME_OF`) and analysed against the review themes codebook (the models only; warnings
    silenced)."""
    import warnings

    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, **kwargs)
    coded = truth.coded()
    coded = coded[coded["code"].isin(THEME_OF)].assign(code=lambda d: d["code"].map(THEME_OF))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, codebook="review_themes", coded=coded, n_resamples=199, seed=1, parts=["models"])
    return study, truth, coded, findings


def repeat_wave(study, coded, *, of: str, wave: str, label: str, days: int, window_days: tuple[int, int]):
    """``(study, coded)`` with a wave ``wave`` appended at which each interview of wave ``of`` is held again ``days``
    later, its transcript and codings copied (ids and transcripts suffixed 'L'): a wave whose truth is ``of``'s."""
    import pandas as pd

    from impact.schema import TABLES
    from impact.study import Study

    iv = study.interviews
    src = iv[iv["wave"] == of]
    again = src.assign(wave=wave, date=src["date"] + pd.Timedelta(days=days), interview_id=src["interview_id"] + "L",
                       transcript=src["transcript"].str.replace(".txt", "L.txt", regex=False))
    texts = {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"], strict=True)}
    texts |= {p: study.transcript(i) for i, p in zip(src["interview_id"], again["transcript"], strict=True)}
    meta = {**study.meta, "waves": [*study.meta["waves"], {"id": wave, "label": label, "anchor": "review_end",
                                                           "window_days": list(window_days)}]}
    tables = {name: study.table(name) for name in TABLES}
    tables["interviews"] = pd.concat([iv, again], ignore_index=True)[TABLES["interviews"].column_names]
    coded = pd.concat([coded, coded[coded["interview_id"].isin(set(src["interview_id"]))]
                       .assign(interview_id=lambda d: d["interview_id"] + "L")], ignore_index=True)
    return Study(meta, tables, texts), coded


def keep_waves(study, coded, waves: list[str]):
    """``(study, coded)`` with only the waves ``waves`` (ids of ``study.meta["waves"]``): the other waves dropped from
    the study's waves, its interviews (with their transcripts and codings), survey answers and action progress; a study
    of one or two waves made from a generated one of three."""
    from impact.schema import TABLES
    from impact.study import Study

    tables = {name: study.table(name) for name in TABLES}
    for name in ("interviews", "survey_responses", "action_progress"):
        t = tables[name]
        if t is not None and "wave" in t.columns:
            tables[name] = t[t["wave"].isin(waves)].reset_index(drop=True)[TABLES[name].column_names]
    iv = tables["interviews"]
    texts = {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"], strict=True)}
    meta = {**study.meta, "waves": [w for w in study.meta["waves"] if w["id"] in waves]}
    return Study(meta, tables, texts), coded[coded["interview_id"].isin(set(iv["interview_id"]))].reset_index(drop=True)


@pytest.fixture(scope="module")
def by_waves_reports(tmp_path_factory):
    """One study of 9 councils (seed 45301: too few in intervention at its first wave to compare) cut to its first one,
    two and three waves (:func:`keep_waves`), each analysed with its planted coding (19 resamples); ``{n_waves: (study,
    report, findings)}``, the report at min_count 5. Once per run (read only): report truth rounds 45 and 48 read it,
    and built it once per worker (10 s of CPU, twice where the two files ran on different workers: testtime22)."""
    import warnings

    from impact.pipeline import analyse, build_report
    from impact.synth import generate_with_truth

    def build():
        out = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study, truth = generate_with_truth(9, seed=45301, interviews_per_wave=3, words_per_interview=120)
            for n in (1, 2, 3):
                s, coded = keep_waves(study, truth.coded(), list(study.wave_ids[:n]))
                findings = analyse(s, coded=coded, n_resamples=19, seed=1)
                out[n] = (s, build_report(findings, min_count=5)[0], findings)
        return out

    return once_per_run(tmp_path_factory, "by-waves-45301", lambda folder: build())


def held(study, coded, polarity: str, codes: list[str]):
    """Per participant, wave and impact in ``codes``, whether the coding holds a statement of ``polarity`` (pandas)."""
    import pandas as pd

    iv = study.interviews[["interview_id", "participant_id", "wave"]]
    said = coded[(coded["polarity"] == polarity) & coded["code"].isin(codes)].merge(iv, on="interview_id")
    said = said[["participant_id", "wave", "code"]].drop_duplicates().assign(held=True)
    grid = iv[["participant_id", "wave"]].drop_duplicates().merge(pd.DataFrame({"code": codes}), how="cross")
    grid = grid.merge(said, how="left")
    return grid.assign(held=grid["held"].astype("boolean").fillna(False).astype(bool))


def reported_with_status(study, truth, codes: list[str]):
    """Per participant, wave and impact in ``codes``: reported (asserted) in the planted coding or not (``y``, 0 or 1),
    with the council's planted status at the wave (``in_intervention``, 0 or 1) and the wave as an ordered category
    (pandas), for fitting statsmodels GEEs to the planted truth."""
    import pandas as pd

    status = pd.DataFrame([{"council_id": c["council_id"], "wave": w, "in_intervention": int(v)}
                           for c in truth.councils for w, v in c["in_intervention"].items()])
    iv = study.interviews[["participant_id", "council_id", "wave"]].drop_duplicates()
    h = held(study, truth.coded(), "asserted", codes).merge(iv, on=["participant_id", "wave"])
    h = h.merge(status, on=["council_id", "wave"], how="left").assign(y=lambda d: d["held"].astype(int))
    return h.assign(wave=pd.Categorical(h["wave"], categories=study.wave_ids))


def assert_wave_terms_are_statsmodels(study, truth, models, codes: list[str], formula: str, abs: float = 1e-4):
    """Every wave term of ``models`` (``impact.intervention_effects``) equals that of a statsmodels binomial GEE of
    ``formula`` (exchangeable, councils as clusters) fitted to the planted coding of each impact in ``codes``; a term
    resting on few events, which the models estimate by Firth's penalised likelihood instead, is left out."""
    import pytest
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    d = reported_with_status(study, truth, codes)
    ours = models[models["term"].str.startswith("wave_")].set_index(["code", "term"])
    for code in codes:
        fit = smf.gee(formula, groups="council_id", data=d[d["code"] == code], family=sm.families.Binomial(),
                      cov_struct=sm.cov_struct.Exchangeable()).fit()
        for w in study.wave_ids[1:]:
            row = ours.loc[(code, f"wave_{w}")]
            if row.get("estimator") != "firth":
                assert row["estimate"] == pytest.approx(fit.params[f"C(wave)[T.{w}]"], abs=abs), (code, w)
    return ours


def expectations_and_after(study, coded, codes: list[str]):
    """``(expected, before, later)``: per participant interviewed at every wave and impact in ``codes`` (one row each),
    whether the coding holds it hedged (anticipated) at the first wave, asserted at the first wave, and asserted at
    any later wave (pandas boolean Series on one index)."""
    hoped = held(study, coded, "hedged", codes)
    every = hoped.groupby("participant_id")["wave"].nunique()
    every = set(every.index[every == len(study.wave_ids)])
    said = held(study, coded, "asserted", codes)
    w = said[said["participant_id"].isin(every)].pivot_table(index=["participant_id", "code"], columns="wave",
                                                              values="held", aggfunc="max")
    later = w[list(study.wave_ids[1:])].max(axis=1).astype(bool)
    first = study.wave_ids[0]
    expected = hoped[hoped["participant_id"].isin(every) & (hoped["wave"] == first)].set_index(
        ["participant_id", "code"])["held"].reindex(later.index).astype(bool)
    return expected, w[first].astype(bool), later


def printed_p(p: float) -> str:
    """A p-value as the report prints it: '< 0.001', else three decimals, or more where three would round it across
    0.05 (0.0495 is 0.0495)."""
    if p < 0.001:
        return "< 0.001"
    digits = next(d for d in range(3, 7) if (round(p, d) < 0.05) == (p < 0.05) or d == 6)
    return f"{p:.{digits}f}"


def ratio_range(sentence: str) -> tuple[float, float] | None:
    """The range of odds ratios a summary sentence of more than four changes gives ('odds ratios from A to B'), or
    None where it gives each change's figures."""
    import re

    m = re.search(r"\d+ changes: odds ratios from ([\d.]+) to ([\d.]+),", sentence)
    return (float(m.group(1)), float(m.group(2))) if m else None


def libreoffice_pdf(path, what: str):
    """``path`` (a .docx or .xlsx) printed to PDF by headless LibreOffice, beside it, with a profile of its own; the
    test is skipped, saying ``what`` is then not checked, where LibreOffice or pdftotext is not installed."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip(f"soffice or pdftotext not installed (apt-get install libreoffice poppler-utils) - {what} is not "
                    "checked")
    folder = path.parent
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), str(path)], capture_output=True, timeout=300, check=False)
    pdf = path.with_suffix(".pdf")
    assert pdf.is_file(), "LibreOffice made no PDF"
    return pdf


def excel_shows(value: float, number_format: str) -> str:
    """What a spreadsheet shows for ``value`` under ``number_format``, for the formats tables.xlsx writes: up to three
    sections; a section is chosen by its ``[<x]``/``[<=x]``/``[>x]``/``[>=x]`` condition, else (no conditions) by
    the value's sign (positive; negative; zero); a body is a quoted literal, or an optional literal sign, the digits
    (``0``, ``#,##0``, decimals), ``%`` and a quoted suffix.  The second section shows the value without its sign
    (Excel's and LibreOffice's negative section); the others show a negative value's minus sign, so a format that
    sends -0.001 to "#,##0.00" shows "-0.00", as both applications do."""
    import operator
    import re

    compare = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
    sections = number_format.split(";")
    conditional = any(re.match(r"^\[(<=|>=|<|>)", s) for s in sections)
    if conditional:
        order = range(len(sections))
    elif len(sections) == 1:
        order = [0]
    else:
        order = [0] if value > 0 else [1] if value < 0 else [2 if len(sections) > 2 else 0]
    for k in order:
        m = re.match(r"^\[(<=|>=|<|>)([-\d.]+)\](.*)$", sections[k])
        if m and not compare[m.group(1)](value, float(m.group(2))):
            continue
        body = m.group(3) if m else sections[k]
        if body.startswith('"'):
            return body.strip('"')
        parts = re.match(r'^([+-]?)([#,0]*0)(\.0+)?(%?)(?:"([^"]*)")?$', body)
        assert parts, f"a number format the helper does not read: {body!r}"
        sign, whole, decimals, percent, suffix = parts.groups()
        shown = abs(value) if k == 1 else value
        shown = shown * 100 if percent else shown
        digits = len(decimals) - 1 if decimals else 0
        text = f"{shown:,.{digits}f}" if "," in whole else f"{shown:.{digits}f}"
        return sign + text + percent + (suffix or "")
    raise AssertionError(f"no section of {number_format!r} applies to {value}")


# --------------------------------------------------------------------------- testtime14
#: The analyses the report-truth rounds' studies of people's codings need where their tests read the summary's
#: statistical sentences, the models, comparisons and change tables, the attrition and the limitations, and nothing of
#: the survey, the review themes, the indicators or the review process: the survey's models alone cost 5.1 s CPU of a
#: 24-council study's 9.1 (since its council-by-wave component), and the review themes segment every transcript
#: (0.9 s), where the comparisons, change and models alone cost 0.7, 0.7 and 2.2 s (each with the panels every
#: analysis builds; the fourteenth pass on the suite's time). The tables of analyses left out are empty; no test given
#: this reads them.
CORE_PARTS = ("comparisons", "change", "models")


@pytest.fixture(scope="module")
def machine_checked_core(tmp_path_factory):
    """A study and hand check of 24 councils (seed 98317, three interviews per council and wave of 300 words, the
    machine coder, the planted coding of one interview in three as a hand check; 199 resamples, seed 1), analysed for
    the comparisons, change, models and the review process only, once per run (read only). Read by
    tests/test_report_truth_round3.py, tests/test_report_truth_round4.py and tests/test_report_truth.py, whose tests
    read the quotes, the hand check's agreement (the review-process codes of the hand check among it), the tables with
    p-values and the summary, and nothing of the survey, review themes or indicators: those were more than half of the
    analysis of every part (the machine coder coded the review themes too; 15.3 -> 6.7 s CPU, testtime14)."""
    return shared_synthetic(tmp_path_factory, "machine-checked-core-98317", 24, 98317, machine=True, check_one_in=3,
                            interviews_per_wave=3, words_per_interview=300, parts=[*CORE_PARTS, "process"])


# --------------------------------------------------------------------------- testtime17
#: The design of the report-truth rounds' studies of the outcome indicators: 24 councils, one interview a council and
#: wave of 100 words (no test of them reads the interviews), the indicators alone analysed.
INDICATORS_24 = dict(interviews_per_wave=1, words_per_interview=100, parts=["indicators"])


@pytest.fixture(scope="module")
def indicator_fall(tmp_path_factory):
    """``(study, truth, findings)`` of :data:`INDICATORS_24`, re-referrals 3 points lower in every period after a
    council's review and nothing else planted (seed 1210041; 199 resamples, seed 1), once per run (read only). Read
    by tests/test_report_truth_round12.py and tests/test_report_truth_round14.py, which each analysed a study of this
    design of their own (seeds 1210041 and 1410011) before the seventeenth pass on the suite's time."""
    return shared_synthetic(tmp_path_factory, "indicator-fall-1210041", 24, 1210041, **INDICATORS_24,
                            effects={"indicator_post_review": -3.0, "indicator_post_by_intervention": 0.0})


@pytest.fixture(scope="module")
def indicator_flat(tmp_path_factory):
    """``(study, truth, findings)`` of :data:`INDICATORS_24` with no indicator changed by the review or by status
    (seed 1210043; 199 resamples, seed 1), once per run (read only): rounds 12 and 14 (seeds 1210043 and 1410013
    before)."""
    return shared_synthetic(tmp_path_factory, "indicator-flat-1210043", 24, 1210043, **INDICATORS_24,
                            effects={"indicator_post_review": 0.0, "indicator_post_by_intervention": 0.0})


@pytest.fixture(scope="module")
def indicator_fall_in_intervention(tmp_path_factory):
    """``(study, truth, findings)``: 24 councils, half in intervention throughout (seed 1210045), re-referrals 5 points
    lower after the review in councils in intervention when reviewed and unchanged in the others; the indicators
    analysed with 999 resamples (seed 1: with 199, no randomisation p adjusted across the 15 tests of the summary can
    fall below 0.05), once per run (read only). Read by tests/test_report_truth_round12.py (this design),
    tests/test_report_truth_round14.py (seed 1410017, 3 points, before) and tests/test_report_truth_round17.py (30
    councils, seed 9602, 6 points, before)."""

    def build(folder):
        import warnings

        from impact.pipeline import analyse
        from impact.synth import generate_with_truth

        study, truth = generate_with_truth(24, seed=1210045, interviews_per_wave=1, words_per_interview=100,
                                           intervention_paths={"never": 0.5, "throughout": 0.5},
                                           effects={"indicator_post_review": 0.0, "indicator_post_by_intervention": -5.0})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return study, truth, analyse(study, coded=truth.coded(), n_resamples=999, seed=1, parts=["indicators"])

    return once_per_run(tmp_path_factory, "indicator-fall-in-intervention-1210045", build)


# --------------------------------------------------------------------------- testtime25
#: The disclosure rounds' small studies read by more than one file, each made once per run (read only) where each
#: file made its own once per worker (so twice where the files ran on different workers). Their builders stay in
#: the round that planted them (the report of a study, with its figures, does not pickle: a file builds that once
#: per worker from the findings shared here).


@pytest.fixture(scope="module")
def disclosure_eight(tmp_path_factory):
    """``(study, findings)``: 8 councils (seed 31271, two interviews per council and wave of 150 words), the planted
    coding, change, models and review process (99 resamples, seed 1). Read by tests/test_disclosure_round39.py,
    tests/test_disclosure_round40.py (with the report, built once per worker) and tests/test_disclosure_intruder.py."""
    def build(folder):
        import test_disclosure_round39 as r39

        return r39._analysed(r39.N_COUNCILS, r39.SEED, ["change", "models", "process"], 2, 150, True)

    return once_per_run(tmp_path_factory, "disclosure-eight-31271", build)


@pytest.fixture(scope="module")
def disclosure_forty(tmp_path_factory):
    """``(study, findings)``: 40 councils (seed 31303, two interviews per council and wave of 120 words), the planted
    coding, comparisons only (99 resamples, seed 1). Read by tests/test_disclosure_round41.py and
    tests/test_disclosure_round42.py."""
    def build(folder):
        import test_disclosure_round41 as r41

        return r41._analysed(40, 31303)

    return once_per_run(tmp_path_factory, "disclosure-forty-31303", build)


@pytest.fixture(scope="module")
def disclosure_five(tmp_path_factory):
    """``(study, findings)``: 5 councils (seed 100: none ever under a direction), as :func:`disclosure_forty`. Read by
    tests/test_disclosure_round41.py and tests/test_disclosure_intruder.py."""
    def build(folder):
        import test_disclosure_round41 as r41

        return r41._analysed(5, 100)

    return once_per_run(tmp_path_factory, "disclosure-five-100", build)


@pytest.fixture(scope="module")
def indicators_six(tmp_path_factory):
    """``(study, truth, findings)``: 6 councils (seed 9905, two interviews per council and wave of 100 words) reviewed
    in few enough cohorts that their 60 possible reassignments of review dates are fewer than the 999 resamples asked
    for; the indicators only (seed 1). Read by tests/test_report_truth_round20.py and
    tests/test_disclosure_round45.py."""
    return shared_synthetic(tmp_path_factory, "indicators-six-9905", 6, 9905, interviews_per_wave=2,
                            words_per_interview=100, parts=["indicators"], n_resamples=999)


@pytest.fixture(scope="module")
def optional_themes_planted(tmp_path_factory):
    """``(study, planted, took, findings)``: disclosure round 49's 8 councils (seed 49002) whose review scope names
    an optional theme and whose statements naming it are planted (``test_disclosure_round49._plant``), the framework
    only. Read by tests/test_disclosure_round49.py and tests/test_disclosure_round50.py."""
    def build(folder):
        import test_disclosure_round49 as r49

        return r49._plant()

    return once_per_run(tmp_path_factory, "optional-themes-49002", build)


@pytest.fixture(scope="module")
def twelve_one_a_wave(tmp_path_factory):
    """``(study, findings)``: report truth round 37's 12 councils (seed 2, one interview of 50 words a council and
    wave), the planted coding, the comparisons, change and survey (99 resamples, seed 1), once per run (read only).
    Read by rounds 37, 39 and 43, which each called round 37's ``_twelve`` (kept once per process only, so made
    again on each worker) before testtime30."""
    def build(folder):
        import test_report_truth_round37 as r37

        return r37._twelve()

    return once_per_run(tmp_path_factory, "round37-twelve-2", build)


# --------------------------------------------------------------------------- the order of files across workers
#: Seconds of each test file in a whole `make test` run (the pytest cache's record of main's run of 7 December
#: 09:11 UTC on 09e3b4ae, 1,988 s over 525 files, two helpers beside it at low priority), for a checkout whose pytest
#: cache holds none (CI, a fresh clone):
#: without it a file was costed at 0.5 s a test, so files of a few long tests (test_install, 1 test, 31 s; round 5 and
#: round 13 of the report's truth) started last. The cache's record of the last whole run, below, takes precedence. To
#: refresh it after a whole `make test`: ``cp .pytest_cache/v/impact/file_seconds tests/file_seconds.json``.
_FILE_SECONDS: dict[str, float] = json.loads((Path(__file__).with_name("file_seconds.json")).read_text(encoding="utf-8"))
_SECONDS_PER_TEST = 0.5  # the suite's mean: 35 minutes of CPU over 4,022 tests
_CACHE_KEY = "impact/file_seconds"
_BUILDERS = ("once_per_run", "shared_synthetic")


def _keys_called(tree) -> set[str]:
    """The keys (string constants, second argument) of the calls of :func:`once_per_run` and :func:`shared_synthetic`
    in an AST."""
    import ast

    return {n.args[1].value for n in ast.walk(tree)
            if isinstance(n, ast.Call) and getattr(n.func, "id", None) in _BUILDERS and len(n.args) > 1
            and isinstance(n.args[1], ast.Constant) and isinstance(n.args[1].value, str)}


def shared_fixtures(source: str) -> dict[str, frozenset[str]]:
    """Each fixture defined in ``source`` (a conftest's text) that builds a once-per-run study, and the keys it builds,
    with those of the shared fixtures it takes (``ten_council_run`` takes ``ten_council_study``)."""
    import ast

    own, takes = {}, {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and any("fixture" in ast.unparse(d) for d in node.decorator_list):
            own[node.name], takes[node.name] = _keys_called(node), [a.arg for a in node.args.args]

    def keys(name, seen=()):
        return own[name].union(*(keys(t, (*seen, name)) for t in takes[name] if t in own and t not in seen))

    return {name: frozenset(keys(name)) for name in own if keys(name)}


def shared_keys(source: str, fixtures: dict[str, frozenset[str]]) -> frozenset[str]:
    """The once-per-run keys a test file's ``source`` asks for: those of the shared ``fixtures`` it names, and those of
    its own calls of :func:`once_per_run` or :func:`shared_synthetic` (a file that cannot be parsed: by its names only).
    """
    import ast
    import re

    try:
        own = _keys_called(ast.parse(source))
    except SyntaxError:
        own = set()
    named = set(re.findall(r"\w+", source)) & fixtures.keys()
    return frozenset(own.union(*(fixtures[n] for n in named)))


def next_file(pending, cost, keys_of, elsewhere, built) -> str:
    """The file a worker should run next: the costliest of ``pending`` that asks for no study another worker may be
    building now (one asked for by a file running there, ``elsewhere``, and not yet ``built``), else the costliest.

    Two files sharing a once-per-run study, started together on the two workers, made one wait for the other's build
    (round 4 and test_findings, the two costliest, 58 -> 84 and 44 -> 74 s once they shared `late_shift`); the second
    now runs another file meanwhile, or after the first on the same worker, and reads the study built.
    """
    busy = {k for k in elsewhere if not built(k)}
    free = [scope for scope in pending if not keys_of(scope) & busy]
    return max(free or pending, key=cost)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` with the costliest pending file sent first (longest processing time first), but for a file
    that would wait for another worker's build of a study it shares (:func:`next_file`).

    xdist queues files by their number of tests, so a file of a few long tests (full runs, LibreOffice renderings)
    could start last and keep one worker busy while the other had finished. Each file still runs whole on one
    worker, so module fixtures are built once. A file's cost is its seconds in the last run the pytest cache
    recorded, else :data:`_FILE_SECONDS`, else its number of tests times the suite's mean. The studies a file shares
    are read from its text (:func:`shared_keys`); one is built once its pickle is in the run's folder
    (:func:`once_per_run`).
    """
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    if not hasattr(LoadFileScheduling, "_assign_work_unit"):
        return None  # another xdist's internals: its own order (slower, never wrong)
    known = {**_FILE_SECONDS, **(config.cache.get(_CACHE_KEY, {}) if getattr(config, "cache", None) else {})}
    fixtures = shared_fixtures(Path(__file__).read_text(encoding="utf-8"))
    try:
        stored = Path(config._tmp_path_factory.getbasetemp()) / "once-per-run"  # the workers' basetemp's parent
    except Exception:  # noqa: BLE001 - another pytest's internals: no study counts as built
        stored = None
    scanned: dict[str, frozenset[str]] = {}

    def keys_of(scope):
        if scope not in scanned:
            path = Path(config.rootpath, scope.split("::")[0])
            text = path.read_text(encoding="utf-8", errors="replace") if path.name.startswith("test") else ""
            scanned[scope] = shared_keys(text, fixtures) if path.is_file() else frozenset()
        return scanned[scope]

    def built(key):
        return stored is not None and (stored / f"{key}.pickle").is_file()

    class CostliestFirst(LoadFileScheduling):
        def _assign_work_unit(self, node):
            def cost(scope):
                return known.get(scope, _SECONDS_PER_TEST * len(self.workqueue[scope]))

            queue = getattr(self, "workqueue", None)
            if hasattr(queue, "move_to_end") and queue:
                running = [scope for other, units in self.assigned_work.items() if other is not node
                           for scope, tests in units.items() if not all(tests.values())]
                elsewhere = set().union(*(keys_of(s) for s in running))
                queue.move_to_end(next_file(list(queue), cost, keys_of, elsewhere, built), last=False)
            super()._assign_work_unit(node)

    return CostliestFirst(config, log)


def pytest_collection_finish(session):
    """Once the tests are collected, the objects made so far (the imported libraries and the collected tests, some
    380,000 in a worker) are moved out of the cyclic garbage collector's reach (``gc.freeze``) and its first threshold
    is raised to the one the library's steps run at (:data:`impact._gc.YOUNG_THRESHOLD`) for the rest of the process.

    A worker's full collections examined every object the process held: 10-13 a slow file, 0.15-0.2 s of CPU each
    (report truth round 9: 2.0 s of the collector's 26.6 s of the file, test_findings 2.4 of 43.4 s); the tests and
    fixtures between the library's calls ran at Python's default of 700. Frozen objects are never collected, so only
    what existed before the first test is kept for good; reference counting frees everything as before. Nothing a
    test asserts reads the collector but tests/test_gc.py, which sets the thresholds it checks and puts them back."""
    import gc

    from impact._gc import YOUNG_THRESHOLD

    gc.collect()
    gc.freeze()
    low, *older = gc.get_threshold()
    gc.set_threshold(max(low, YOUNG_THRESHOLD), *older)


_RUN_SECONDS: dict[str, float] = {}


def pytest_runtest_logreport(report):
    """Sum each file's seconds (setup, call and teardown) in the process that reports the run."""
    path = report.nodeid.split("::", 1)[0]
    _RUN_SECONDS[path] = _RUN_SECONDS.get(path, 0.0) + report.duration


def pytest_sessionfinish(session, exitstatus):
    """Record each file's seconds for the next ``--dist loadfile`` run, from a finished run (passed or failed, not
    interrupted) of whole files (no -k, -m or test ids), by the controller only (a worker saw part of the run)."""
    config = session.config
    whole = not (config.option.keyword or config.option.markexpr or any("::" in a for a in config.args))
    if (hasattr(config, "workerinput") or config.getoption("dist", "no") == "no" or not whole or not _RUN_SECONDS
            or exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED)
            or getattr(config, "cache", None) is None):
        return
    config.cache.set(_CACHE_KEY, {**config.cache.get(_CACHE_KEY, {}),
                                  **{f: round(s, 1) for f, s in _RUN_SECONDS.items()}})


def _seed(name: str) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)


@pytest.fixture
def rng(request) -> np.random.Generator:
    """A generator seeded from the test's name: deterministic, different per test."""
    return np.random.default_rng(_seed(request.node.nodeid))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests using it skip with a reason where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder {SHARED_DATA} not present (tests on real public data skipped)")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def make_tiny_study():
    """A small hand-written study: 3 councils, 3 waves, a notice lifted between waves."""
    import pandas as pd

    from impact.study import Study

    councils = pd.DataFrame(
        {
            "council_id": ["301", "302", "880"],
            "name": ["Barking and Dagenham", "Barnet", "Torbay"],
            "ons_code": ["E09000002", "E09000003", "E06000027"],
            "council_type": ["london_borough", "london_borough", "unitary"],
            "region": ["London", "London", "South West"],
        }
    )
    status = pd.DataFrame(
        {
            "council_id": ["301", "302", "880", "880"],
            "kind": ["ofsted_judgement", "ofsted_judgement", "ofsted_judgement", "improvement_notice"],
            "status": ["good", "adequate", "inadequate", "notice_to_improve"],
            "start_date": ["2010-06-01", "2011-02-01", "2010-09-01", "2010-11-01"],
            "end_date": [None, None, None, "2012-03-31"],
            "source": [None, None, None, "DfE letter"],
        }
    )
    core = "outcomes;vision_strategy_leadership;working_together_lscb;service_delivery_practice;managing_resources"
    reviews = pd.DataFrame(
        {
            "council_id": ["301", "302", "880"],
            "start_date": ["2011-05-09", "2011-06-13", "2011-10-03"],
            "end_date": ["2011-05-13", "2011-06-17", "2011-10-07"],
            "themes": [core, core + ";participation", core + ";commissioning"],
            "team_roles": ["team_leader;member_peer;officer_peer;review_manager"] * 3,
            "n_recommendations": [8, 11, None],
        }
    )
    participants = pd.DataFrame(
        {
            "participant_id": ["P1", "P2", "P3", "P4"],
            "council_id": ["301", "302", "880", "880"],
            "role": ["dcs", "lead_member", "frontline_practitioner", "health_partner"],
            "organisation_type": ["council", "council", "council", "health"],
            "name": ["Alice Example", None, None, None],
        }
    )
    rows = []
    for pid, cid, dates in [
        ("P1", "301", ["2011-03-01", "2011-08-15", "2012-05-20"]),
        ("P2", "302", ["2011-04-10", "2011-09-20", None]),
        ("P3", "880", ["2011-08-01", "2012-01-16", "2012-10-10"]),
        ("P4", "880", ["2011-09-01", None, "2012-11-01"]),
    ]:
        for wave, date in zip(["expectations", "early", "longer_term"], dates):
            if date:
                iid = f"{pid}-{wave}"
                rows.append((iid, pid, cid, wave, date, "telephone", f"{cid}/{iid}.txt"))
    interviews = pd.DataFrame(rows, columns=["interview_id", "participant_id", "council_id", "wave", "date", "mode", "transcript"])
    transcripts = {
        t: f"Interviewer: How has it gone?\nRespondent: Interview {i}. Morale has not improved. We rewrote the threshold document.\n"
        for i, t in zip(interviews["interview_id"], interviews["transcript"])
    }
    meta = {"name": "Tiny study", "codebook": "nfer_impacts",
            "survey": {"items": {"q_confident": {"label": "I feel confident", "scale": [1, 5]}}}}
    survey = pd.DataFrame(
        {"council_id": ["301", "301"], "respondent_id": ["S1", "S1"], "respondent_group": ["staff", "staff"],
         "wave": ["expectations", "longer_term"], "item": ["q_confident", "q_confident"], "value": [2, 4]}
    )
    return Study(meta, {"councils": councils, "status_history": status, "reviews": reviews,
                        "participants": participants, "interviews": interviews, "survey_responses": survey},
                 transcripts)


@pytest.fixture
def tiny_study():
    """A small in-memory study (see :func:`make_tiny_study`)."""
    return make_tiny_study()


@pytest.fixture(scope="session")
def _tiny_study_folder(tmp_path_factory) -> Path:
    """:func:`make_tiny_study` saved once (``Study.save`` validates it, as ``load_study`` would)."""
    path = tmp_path_factory.mktemp("tiny-study") / "study"
    make_tiny_study().save(path)
    return path


@pytest.fixture
def study_dir(_tiny_study_folder, tmp_path) -> Path:
    """:func:`tiny_study` saved as a study folder (``tmp_path / "study"``): a copy of the one saved per session."""
    path = tmp_path / "study"
    shutil.copytree(_tiny_study_folder, path, symlinks=True)
    return path


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """The run cache and its signing key in a temporary folder, never the user's own cache."""
    saved = {k: os.environ.get(k) for k in ("IMPACT_CACHE_DIR", "IMPACT_CONFIG_DIR", "XDG_CONFIG_HOME", "APPDATA")}
    root = tmp_path_factory.mktemp("impact-user")
    os.environ["IMPACT_CACHE_DIR"] = str(root / "cache")
    os.environ["IMPACT_CONFIG_DIR"] = str(root / "config")
    # the configuration folder too (release histories, impact.privacy._history, beside the key): a session fixture is
    # made before a test's own folder is set (_pseudonym_key), and must not write into, nor read, the user's home
    os.environ["XDG_CONFIG_HOME"] = str(root / "xdg-session")
    os.environ.pop("APPDATA", None)
    yield root
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


_HISTORIES = iter(range(1 << 62))


@pytest.fixture(autouse=True, scope="module")
def _module_histories(_private_cache):
    """A configuration folder of each test module's own for its module-scoped fixtures (made only where written): a
    report they build (impact.build_report reads the study's release history, disclosure80) never reads a release
    that a run of another module's fixture recorded (the synthetic studies share the name "synthetic", and with the
    key, a history), whichever modules a worker ran before."""
    saved = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(_private_cache / "xdg-module" / str(next(_HISTORIES)))
    yield
    if saved is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = saved


@pytest.fixture(autouse=True)
def _pseudonym_key(monkeypatch, _private_cache):
    """A fixed pseudonym key, so no test writes a key file into the user's home; and a configuration folder of the
    test's own (made only where written), so no test writes a release history there, nor reads another test's
    (impact.privacy._history: the synthetic studies share a name, and with the key, a history)."""
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(_private_cache / "xdg" / str(next(_HISTORIES))))
    monkeypatch.delenv("APPDATA", raising=False)


def browser_path() -> str | None:
    """A headless-capable Chromium or Chrome on PATH, or None."""
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"):
        found = shutil.which(name)
        if found:
            return found
    return None


def printed_pdf_pages(browser: str, page: str, work: Path) -> list:
    """The pages of ``page`` (a web page's HTML) as Chromium prints it, read back by ``pdftotext -bbox``: one
    ElementTree element per page, holding its ``word`` elements with their boxes (render rounds 52 and 53)."""
    import re
    import subprocess
    from xml.etree import ElementTree

    (work / "report.html").write_text(page, encoding="utf-8")
    pdf = work / "report.pdf"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={work / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    (work / "report.html").as_uri()], capture_output=True, timeout=300, check=False)
    assert pdf.is_file(), "Chromium made no PDF"
    out = subprocess.run(["pdftotext", "-raw", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    return list(ElementTree.fromstring(out).iter("page"))


def images_loaded_in_browser(html: Path, workdir: Path) -> tuple[int, int]:
    """Open ``html`` in headless Chromium and return (images loaded, images on the page).

    The page keeps its content security policy; only an inline probe script is
    allowed, which counts the images that finished loading with a real size.
    """
    import re
    import subprocess

    browser = browser_path()
    if browser is None:
        pytest.skip("no Chromium or Chrome on PATH (apt-get install chromium) - browser rendering not checked")
    page = html.read_text(encoding="utf-8")
    probe = (
        "<script>window.addEventListener('load', function () {"
        "var imgs = Array.from(document.images);"
        "var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;"
        "var p = document.createElement('p'); p.id = 'probe';"
        "p.textContent = 'loaded=' + ok + ' total=' + imgs.length; document.body.appendChild(p); });</script>"
    )
    page = page.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", 1)
    page = page.replace("</body>", probe + "</body>", 1)
    target = workdir / "probe.html"
    target.write_text(page, encoding="utf-8")
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={workdir / 'profile'}",
         "--virtual-time-budget=10000", "--dump-dom", target.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    match = re.search(r"loaded=(\d+) total=(\d+)", result.stdout)
    assert match, f"probe did not run; stderr: {result.stderr[-2000:]}"
    return int(match.group(1)), int(match.group(2))


def forest_counts(text: str) -> tuple[int | None, int, int] | None:
    """``(lines, clear, kept)`` a forest plot's caption or alternative text states: the lines drawn, those whose
    interval lies wholly on one side of no difference, and of those the ones with an adjusted p below alpha; None when
    it states none. Counts are read as the words say them ('it', 'none of the 6', 'both', 'all 4', 'one of these 3').
    """
    import re

    m = re.search(r"The (intervals?) (?:is|are) not adjusted for multiple comparisons[:;] (.+?) (lies|lie|does not lie) "
                  r"wholly on one side of no difference(?:, and (.+?) (has|have|does not have) an adjusted p-value)?",
                  text)
    if m is None:
        return None
    single = m.group(1) == "interval"

    def count(said: str, verb: str, total: int | None) -> tuple[int | None, int]:
        if said == "it":
            return 1, int(not verb.startswith("does not"))
        if said == "both":
            return 2, 2
        if said in ("all of these", "none of these"):
            return total, total if said.startswith("all") else 0
        words = re.fullmatch(r"(none|all|one|\d+)(?: of (?:the|these))? (\d+)", said)
        assert words, said
        k, n = words.group(1), int(words.group(2))
        return n, {"none": 0, "all": n, "one": 1}.get(k, None) if not k.isdigit() else int(k)

    n, k = count(m.group(2), m.group(3), None)
    assert (n == 1) == single, text
    if m.group(4) is None:
        return n, k, 0
    total, kept = count(m.group(4), m.group(5), k)
    assert total == k, text
    return n, k, kept


def review_effects_by_status():
    """The change in the indicators after the review of 30 councils, about half under a notice when reviewed (path
    'lifted'), the rest never; planted, re-referrals down 4 points after the review in the councils in intervention
    when reviewed only; estimated over all councils and in each status group (199 reassignments), once per test
    process, made once per run (:func:`run_cached`). Report truth rounds plant their own p-values in it."""
    import warnings

    def build():
        from impact.indicators import review_indicator_effects
        from impact.synth import generate_with_truth

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study, _ = generate_with_truth(30, seed=26, interviews_per_wave=1, words_per_interview=50,
                                           effects={"indicator_post_review": 0.0,
                                                    "indicator_post_by_intervention": -4.0},
                                           intervention_paths={"never": 0.5, "lifted": 0.5})
            return review_indicator_effects(study, n_permutations=199, seed=3)

    return once_per_worker(("round26", "review_effects"), lambda: run_cached(build))


def few_events_contrasts(note: str, after: str) -> dict[str, str] | None:
    """The contrasts the models table's few-events note lists after the sentence that goes on with ``after`` (" and
    are shown by Firth's estimate", ", and Firth's fit could not replace the GEE's"), each with the text naming its
    impacts; None where the note has no such sentence. The list is the next sentence's ('Those contrasts are ...'):
    clauses '<contrast> for <impacts>' set off by semicolons, numbered '(1) ...; and (2) ...' where an impact's list
    has semicolons of its own (round 31)."""
    import re

    m = re.search(r"rests? on fewer than 5 participants who reported the impact, or who did not, on one side"
                  + re.escape(after) + r"[^.]*\. (?:That contrast is|Those contrasts are) ([^.]*)\.", note)
    if m is None:
        return None
    said = m.group(1)
    parts = (re.split(r"(?:;(?: and)? )?\(\d+\) ", said)[1:] if said.startswith("(1) ")
             else re.split(r"; (?:and )?", said))
    return dict(c.split(" for ", 1) for c in parts)


def ctx_with_review_effects(findings, effects):
    """The report's context of ``findings`` with ``effects`` as their change in the indicators after the review."""
    import dataclasses

    from impact.report._build import _Ctx

    return _Ctx(dataclasses.replace(findings, review_indicator_effects=effects), False, 5, 5, None)


def sheet_headings(ws) -> tuple[list, int]:
    """A table sheet's headings, each column's whole (a part shared by adjacent columns, said once in a merged row
    above the rest, joined to it by ": " as the report's labels are: round 44), and the sheet's first row of figures.
    A sheet whose row 1 holds a cell merged across columns has two heading rows. A heading set on lines of its own
    (round 48, where its column had no room) is read as one line."""
    ranges = getattr(ws, "merged_cells", None)
    group = {j: ws.cell(1, r.min_col).value for r in (ranges.ranges if ranges is not None else [])
             if r.min_row == r.max_row == 1 and r.max_col > r.min_col for j in range(r.min_col, r.max_col + 1)}
    def line(v):
        return " ".join(v.split()) if isinstance(v, str) else v

    group = {j: line(v) for j, v in group.items()}
    first = tuple(line(v) for v in next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ()))
    if not group:
        return list(first), 2
    second = tuple(line(v) for v in next(ws.iter_rows(min_row=2, max_row=2, values_only=True)))
    return [f"{group[j]}: {second[j - 1]}" if j in group else first[j - 1] for j in range(1, len(first) + 1)], 3
