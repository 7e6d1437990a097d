"""Which of the slowest test files' tests are planted-truth checks and which are validity simulations (testtime35).

``python -m bench.suite_inventory --out bench/suite_inventory.json`` reads tests/file_seconds.json, takes its 40
slowest files and lists every test function of each (by its source, not by running it): its parametrisations, the
generated studies its file makes (calls of ``generate``, ``generate_with_truth``, ``analysed_synthetic``, with the
councils where written as a number) and its kind:

- ``"a"``: a planted-truth check on one study (or on one study per case, each case checking something of its own);
- ``"b"``: a simulation measuring a rate or a distribution over several generated studies or seeds, or a sweep over
  many sizes or seeds where one or two cases would prove the property.

The kind comes from :data:`READ` where the test was read (testtime35), with the reason; a test not read is marked
``"a"`` with ``"read": false`` when nothing in it sweeps seeds or sizes (no parametrisation or loop over ``seed``,
``SEEDS``, ``STUDIES``, ``DESIGNS`` or sizes), and ``"unread sweep"`` when something does.

Under ``"studies"`` (testtime36): every call that generates or analyses a synthetic study in the report truth,
disclosure and cross-check files (:data:`STUDY_FILES`) and in tests/conftest.py, with its file, line, the function it
is in (a fixture or a test), the builder, the councils and seed, its other settings as written, and ``design``, the
call's text without its seed. ``"study_groups"`` lists the designs that more than one call shares but for the seed.
``--time`` adds each literal :func:`conftest.analysed_synthetic` design's CPU seconds, made afresh in this process
(``cpu_s``); ``--studies-only`` replaces these two keys of ``--out`` and keeps its list of tests as it was. :data:`STUDY_VERDICTS` gives, for the studies read by hand in testtime36, whether a test of theirs was
moved onto a shared study and why or why not.

Under ``"report_parts"`` (testtime37): for each of the 40 slowest files, what of a report its source makes and reads
(counted by text, not by running it): ``runs`` (``impact.run``, the CLI's run and conftest's runs of it: the whole bundle
written, every figure drawn), ``builds`` (``build_report``, ``report_of``, ``report_with``: the report built), ``summaries``
(``build_summary``, ``summary_of``, ``page_text``, ``summary_bullets``: the summary alone), ``renders`` (``render``)
and ``figures_read`` (a figure block, its ``fig`` or a file of ``figures/``); ``--parts-only`` replaces this key of
``--out`` alone. A file that builds reports and reads no figure drew every figure of them for nothing before
testtime37 made figures drawn when read.

Under ``"repeats"`` (testtime40): :data:`REPEATS`, for each of the costliest files read for work computed more than
once that its tests could read from one computation, what was found, what was shared, and its CPU before and after.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
from pathlib import Path

__all__ = ["inventory", "main"]

HERE = Path(__file__).resolve().parents[1]
GENERATORS = ("generate", "generate_with_truth", "analysed_synthetic")
SWEEP = re.compile(r"\b(seed|SEEDS|STUDIES|DESIGNS|SIZES|BUNDLES|n)\b")

#: (file, test) -> (kind, why): the tests read by hand in testtime35 (test None: every test of the file).
READ = {
    ("tests/test_report_truth_round52.py", "test_a_change_that_differs_by_status_is_found_with_each_groups_direction"): (
        "b", "the same planted change at three seeds (52101-52103), a 30-council study each: one seed proves the "
        "property (before truth52 no seed's summary said a change differs); 52102 and 52103 moved to "
        "bench/moved_cases.py"),
    ("tests/test_report_truth_round51.py", "test_a_change_by_status_under_informative_attrition_is_said_as_planted"): (
        "b", "the same planted change at three seeds (51001-51003), a 20-council study each: the suite keeps 51003 (the "
        "seed whose summary disputes the change, so the weighted table is read); 51001 and 51002 moved to "
        "bench/moved_cases.py"),
    ("tests/test_report_disclosure.py", "test_no_suppressed_count_can_be_narrowed"): (
        "b", "a sweep over three sizes (10, 30, 153 councils): 10 and 30 (shared runs, both with suppressed counts to "
        "attack) prove the property; the 153-council run, made for this file alone and some 130 of its 210 s, moved "
        "to bench/moved_cases.py"),
    ("tests/test_report_disclosure.py", "test_no_published_count_below_threshold"): (
        "b", "the same three bundles, read only: the 153-council case moved with the run it reads"),
    ("tests/test_report_truth_round31.py", "test_a_list_of_lists_reads_back_as_written"): (
        "a", "six random draws of a string function (no study): milliseconds"),
    ("tests/test_inputs_round63.py", "test_planted_faults_are_told_as_in_an_xlsx_each_at_its_sheet_row_and_column"): (
        "a", "three seeds, each planting faults at its own rows and columns, converted by one LibreOffice process a "
        "format: each case a planted truth of its own"),
    ("tests/test_privacy_release_sameness.py", None): (
        "a", "two audits compared count by count on 3 studies x 3 min_counts: a sameness check, not a rate"),
    ("tests/test_study_properties.py", "test_load_save_load_is_equal"): (
        "a", "hypothesis, 6 examples of a round trip: a property test, not a rate"),
    ("tests/test_cross_check_round64.py", None): (
        "a", "an independent cross-check per design (30 and 24 councils, and the separated sizes): each design a "
        "check of its own figures"),
    ("tests/test_cross_check_round62.py", None): (
        "a", "an independent cross-check per design (8, 20, ... councils): each design's figures recomputed"),
    ("tests/test_disclosure_round53.py", None): (
        "a", "the disclosure ledger of 4 studies (6-30 councils), each checked for its own hidden counts"),
    ("tests/test_disclosure_round51.py", None): (
        "a", "the ledger of 3 studies (6, 10, 15 councils), each checked for its own hidden counts"),
    ("tests/test_notebook_claims.py", "test_programme_report_notebook_says_what_is_withheld"): (
        "a", "one notebook's bundle, its withheld counts counted again"),
    ("tests/test_report_truth_round48.py", "test_the_not_computed_sentence_names_waves"): (
        "a", "one study cut to 1 and 2 waves: two planted cases of one sentence"),
    ("tests/test_report_truth_round13.py", "test_a_suggestion_is_not_counted_as_a_factor_that_hindered"): (
        "a", "one 30-council study, each factor's count against the planted statements"),
    ("tests/test_report_truth_round19.py", "test_the_causes_named_most_often_print_above_every_cause_not_named"): (
        "a", "planted counts (no study): each case a rounding boundary of its own"),
    ("tests/test_report_truth_round52.py", "test_the_table_gives_each_groups_change_from_the_findings"): (
        "a", "one seed (SEEDS[:1]): the table recomputed by an independent GEE"),
}

#: (file, test) -> what was measured of it (testtime35: bench/moved_cases.json's CPU seconds of the moved cases, one
#: process, load 9-13; pytest --durations of the whole file alone, wall seconds at load 13).
MEASURED = {
    ("tests/test_report_truth_round52.py", "test_a_change_that_differs_by_status_is_found_with_each_groups_direction"): {
        "moved_cpu_s": {"52102": 4.81, "52103": 5.43}},
    ("tests/test_report_truth_round51.py", "test_a_change_by_status_under_informative_attrition_is_said_as_planted"): {
        "moved_cpu_s": {"51001": 8.27, "51002": 5.49}},
    ("tests/test_report_disclosure.py", "test_no_suppressed_count_can_be_narrowed"): {
        "moved_cpu_s": {"153": 26.6}, "setup_wall_s": {"10": 31.93, "30": 40.12, "153": 129.30}},
}


def _literal_first_arg(call: ast.Call):
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, int):
        return call.args[0].value
    for kw in call.keywords:
        if kw.arg in ("n", "n_councils") and isinstance(kw.value, ast.Constant):
            return kw.value.value
    return None


def _calls(node) -> list[tuple[str, int | None]]:
    out = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            name = sub.func.attr if isinstance(sub.func, ast.Attribute) else getattr(sub.func, "id", None)
            if name in GENERATORS:
                out.append((name, _literal_first_arg(sub)))
    return out


def _params(fn: ast.FunctionDef) -> list[str]:
    out = []
    for d in fn.decorator_list:
        if isinstance(d, ast.Call) and ast.unparse(d.func).endswith("parametrize"):
            out.append(ast.unparse(d.args[0]) + " in " + ast.unparse(d.args[1])[:80])
    return out


def _tests(path: Path) -> list[dict]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    gens = _calls(tree)
    rel = path.relative_to(HERE).as_posix()
    rows = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            params = _params(node)
            read = READ.get((rel, node.name)) or READ.get((rel, None))
            if read:
                kind, why = read
            else:
                swept = any(SWEEP.search(p.split(" in ")[0]) for p in params) or any(
                    isinstance(s, ast.For) and SWEEP.search(ast.unparse(s.target) + ast.unparse(s.iter))
                    for s in ast.walk(node))
                kind, why = ("unread sweep", "parametrised or looping over seeds or sizes: not read") if swept else (
                    "a", "no sweep over seeds or sizes in its source")
            rows.append({"file": rel, "test": node.name, "kind": kind, "read": read is not None, "why": why,
                         "parametrize": params, "generated_in_file": len(gens),
                         "councils_in_file": sorted({n for _, n in gens if n is not None}),
                         "measured": MEASURED.get((rel, node.name))})
    return rows


#: The files whose studies are listed under "studies", and the calls that make a study.
STUDY_FILES = re.compile(r"^test_.*(truth|disclosure|cross)")
STUDY_BUILDERS = ("analysed_synthetic", "shared_synthetic", "prepared_synthetic", "analysed_themes",
                  "generate_with_truth", "generate")

#: (file, function) -> (verdict, why): the studies read by hand in testtime36, each with a shared study of its class
#: that a test of it could read; "moved" only where the moved test still fails on the fault it was written for, with
#: that fault put back in a scratch worktree of main.
STUDY_VERDICTS = {
    ("tests/conftest.py", "partnership_by_status"): (
        "moved", "round 15's large_effect (80 councils, seed 9405, status log-odds 2.5 on partnership, comparisons and "
        "models) made here, once per run, and round 8's moving (40 councils, seed 804417, log-odds 2.0, the models "
        "only) replaced by it: both of round 8's tests still fail on their faults there (the alike impacts' sentence "
        "dropped: no sentence to unpack; the forest caption's unadjusted note dropped: 'not adjusted for multiple "
        "comparisons' missing). Round 15's test could not go the other way: round 8's study has two lines clear of no "
        "difference ('2 of the 6 ... 1 of these 2'), so its wording fault ('1 of these 1 has') cannot show there"),
    ("tests/conftest.py", "late_shift"): (
        "moved", "round 3's waves_planted (30 councils, seed 95713, the default rise, CORE parts) replaced by it: the "
        "test of the summary's change across the waves still fails there on its fault (no model-based change "
        "sentence: no 'Compared with' sentence to unpack)"),
    ("tests/conftest.py", "machine_checked_core"): (
        "moved", "round 31's checked (12 councils, seed 31312, machine-coded, half checked by hand, the models only) "
        "replaced by it, which round 31 reads already: the agreement table's test still fails there on its fault "
        "(_compared_once returning nothing: the shared counts on every row)"),
    ("tests/test_report_truth_round48.py", "suggesting"): (
        "kept", "9 councils (seed 45101) cut to one and two waves, as conftest.by_waves_reports (seed 45301), which the "
        "file reads already; but 45301's first wave holds no suggestion (0 recommendation codings against 45101's 1), "
        "so the fault, a suggestion before the review counted as one after it, cannot show there"),
    ("tests/test_report_truth_round13.py", "few_left_open"): (
        "kept", "its fault needs fewer than 5 statements leaving a change's cause open at a wave (12 councils); "
        "conftest.process_thirty (30 councils, seed 9601) has 11 and 17"),
    ("tests/test_report_truth_round14.py", "process_small"): (
        "kept", "its fault needs a factor left untested as raised in too few councils (12 councils); "
        "conftest.process_thirty's table of factors against the impacts leaves none so"),
    ("tests/test_report_truth_round10.py", "on_morale"): (
        "kept", "its status effect is planted on morale, not the default partnership, and its assertions name morale: "
        "moving it onto partnership_by_status would mean rewriting them"),
    ("tests/test_report_truth_round9.py", "two_in"): (
        "kept", "two councils in intervention throughout (paths never 0.94): the few councils in one group are the "
        "case it was written for"),
    ("tests/test_report_truth_round9.py", "entering"): (
        "kept", "councils entering intervention and none leaving (paths never 0.6, entered 0.4): the case it was "
        "written for, which no shared study has"),
    ("tests/test_report_truth_round41.py", "eight"): (
        "kept", "8 councils, few per status group and a council missing a wave: its warnings of attrition and few "
        "councils are the case, which no shared study of every part has"),
    ("tests/test_report_truth_round3.py", "all_moving"): (
        "kept", "its detectable-difference test reads no figure of the study (the group sizes are given), but the "
        "file's other test needs every council changing status (seed 84064), so the study is made either way"),
}


def _study_calls(path: Path) -> list[dict]:
    """Each call of :data:`STUDY_BUILDERS` in ``path``: where it is, its councils, seed and other settings as written."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(HERE).as_posix()
    owner = {}
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef):
            for sub in ast.walk(fn):
                owner.setdefault(id(sub), fn.name)  # the outermost function holding it (ast.walk: outer first)
    rows = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
        if name not in STUDY_BUILDERS:
            continue
        args = [ast.unparse(a) for a in call.args]
        kwargs = {k.arg: ast.unparse(k.value) for k in call.keywords if k.arg and k.arg != "out"}
        if name == "shared_synthetic":
            key, args = (args[1] if len(args) > 1 else None), args[2:]
        else:
            key = None
        councils = args[0] if args else kwargs.pop("n_councils", kwargs.pop("n", None))
        seed = kwargs.pop("seed", None) if name.startswith("generate") or len(args) < 2 else args[1]
        settings = {k: v for k, v in kwargs.items() if k != "seed"}
        design = f"{councils} councils, " + ", ".join(f"{k}={v}" for k, v in sorted(settings.items()))
        verdict = STUDY_VERDICTS.get((rel, owner.get(id(call))))
        rows.append({"file": rel, "line": call.lineno, "function": owner.get(id(call)), "builder": name,
                     "shared_key": key, "councils": councils, "seed": seed, "settings": settings,
                     "design": f"{'generated, ' if name.startswith('generate') else 'analysed, '}{design}",
                     "call": ast.unparse(call), "verdict": verdict})
    return rows


def _cpu_seconds(row: dict) -> float | None:
    """CPU seconds of the literal :func:`conftest.analysed_synthetic` design of ``row`` made afresh, else None."""
    import sys
    import time

    if row["builder"] != "analysed_synthetic":
        return None
    sys.path.insert(0, str(HERE / "tests"))
    import conftest

    from impact.synth import SynthEffects

    call = ast.parse(row["call"], mode="eval").body
    names = {"SynthEffects": SynthEffects, "CORE_PARTS": conftest.CORE_PARTS}
    try:
        args = [eval(ast.unparse(a), names) for a in call.args]  # noqa: S307 - the test files' own literals
        kwargs = {k.arg: eval(ast.unparse(k.value), names) for k in call.keywords}  # noqa: S307
    except NameError:  # a design named by a variable of its file
        return None
    start = time.process_time()
    conftest._analysed_synthetic(*args, **kwargs)
    return round(time.process_time() - start, 2)


def studies(timed: bool = False) -> dict:
    """The studies of the truth, disclosure and cross-check files and conftest (``timed``: with their CPU seconds)."""
    files = sorted(p for p in (HERE / "tests").glob("test_*.py") if STUDY_FILES.search(p.name))
    rows = [r for p in [*files, HERE / "tests/conftest.py"] for r in _study_calls(p)]
    if timed:
        for r in rows:
            r["cpu_s"] = _cpu_seconds(r)
    groups: dict[str, list[str]] = {}
    for r in rows:
        groups.setdefault(r["design"], []).append(f"{r['file']}:{r['line']} seed={r['seed']}")
    return {"studies": rows, "study_groups": {d: g for d, g in groups.items() if len(g) > 1}}


def inventory(n_files: int = 40) -> dict:
    """The inventory of the ``n_files`` slowest files of tests/file_seconds.json."""
    seconds = json.loads((HERE / "tests/file_seconds.json").read_text())
    slowest = sorted(seconds, key=seconds.get, reverse=True)[:n_files]
    rows = []
    for f in slowest:
        for r in _tests(HERE / f):
            rows.append({**r, "file_seconds": round(seconds[f], 1)})
    kinds = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    return {"files": slowest, "n_tests": len(rows), "kinds": kinds, "tests": rows}


#: file -> what testtime40 found computed more than once in it (profiled with ``-n 0``), what was shared, and
#: ``cpu_s`` (main, branch; ``python -m bench.file_cpu``, a pair per run, bench/file_cpu_testtime40.json) where something
#: was.
REPEATS = {
    "tests/test_pipeline.py": {
        "shared": None,
        "why": "every run left is a fresh run its test checks (the rerun's bytes, three killed runs and the run that "
               "tidies after one, the Word template's page size, the speechless study's bundle); the 10-council run "
               "is conftest's once-per-run, read by test_rendering too; loading the 10-council study again in three "
               "tests costs 0.3-0.6 s each"},
    "tests/test_notebook_claims.py": {
        "shared": None,
        "why": "each notebook runs once in a kernel of its own (test_notebooks.py skips the two this file runs); the "
               "test's own analyses are the independent recomputation of what the notebook prints"},
    "tests/test_report_truth_round4.py": {
        "shared": None,
        "why": "each planted copy's report is built once (report_of) and read by every test of it; the copy with a "
               "failed fit plants its case in gee_models, which the other copies' tests read too"},
    "tests/test_rendering.py": {
        "shared": None,
        "why": "both bundles are conftest's once-per-run runs; LibreOffice's and Chromium's conversions are each of "
               "a different file or page size, and cost about 1.3 s of CPU a start"},
    "tests/test_cross_check_round64.py": {
        "shared": "round 62's firth_term keeps each profile point it computes: brentq asked again for the ends of "
                  "the bracket just searched (268 -> 220 firth_max calls, 6.33 -> 5.18 s of CPU on the 12-council "
                  "separated study, results the same to the last bit)",
        "fault": "impact's Firth interval without its design effect: round 62's factors test and both of round 64's "
                 "Firth tests fail (the profile limits differ)",
        "cpu_s": {"file": [[48.16, 47.90], [46.25, 39.38]], "firth_by_status, both separated studies, in one process": [18.25, 14.07]}},
    "tests/test_cross_check_round62.py": {
        "shared": "firth_term's profile points, as above",
        "cpu_s": {"file": [[22.91, 22.41]]}},
    "tests/test_report_sections.py": {
        "shared": "the ranking-around-suppressed-counts case planted in tied_and_wilcoxon's findings (factors; its "
                  "other cases are in the suggestions and the change table): one 60-council report build fewer",
        "fault": "impact's 'whose counts are published' clause taken out: the ranking test fails on the merged copy",
        "cpu_s": {"file": [[49.90, 46.19], [44.76, 45.54]]}},
}


#: What of a report a test file's source makes and reads (:func:`report_parts`), by the calls and names that do it.
PARTS = {
    "runs": re.compile(r"\bimpact\.run\(|\bpipeline\.run\(|\brun\(\s*(study|folder|impact\.example_path|str\()|"
                       r"[\"']run[\"'],|\b(example_run|ten_council_run)\b"),
    "builds": re.compile(r"\b(build_report|report_of|report_with)\("),
    "summaries": re.compile(r"\b(build_summary|summary_of|page_text|summary_bullets)\("),
    "renders": re.compile(r"\brender\("),
    "figures_read": re.compile(r"\.figures\b|\.fig\b|\bFigure\)|[\"']figures/"),
}


def report_parts(files: list[str]) -> list[dict]:
    """Per file of ``files``: its :data:`PARTS` counted in its source, and whether it builds reports (run or built)
    and reads no figure of them."""
    out = []
    for f in files:
        text = (HERE / f).read_text(encoding="utf-8")
        row = {"file": f, **{k: len(rx.findall(text)) for k, rx in PARTS.items()}}
        row["builds_without_figures"] = bool(row["builds"] and not row["figures_read"])
        out.append(row)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "bench/suite_inventory.json")
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--time", action="store_true", help="make each literal analysed_synthetic design: its CPU seconds")
    ap.add_argument("--studies-only", action="store_true",
                    help="replace the studies of --out, keeping its tests as they were listed")
    ap.add_argument("--parts-only", action="store_true",
                    help="replace the report_parts of --out (its 40 files), keeping the rest as it was")
    args = ap.parse_args(argv)
    if args.parts_only:
        kept = json.loads(args.out.read_text())
        kept["report_parts"] = report_parts(kept["files"])
        kept["repeats"] = REPEATS
        args.out.write_text(json.dumps(kept, indent=1) + "\n")
        return 0
    kept = json.loads(args.out.read_text()) if args.studies_only else inventory(args.files)
    args.out.write_text(json.dumps({**kept, **studies(args.time), "repeats": REPEATS}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
