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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "bench/suite_inventory.json")
    ap.add_argument("--files", type=int, default=40)
    args = ap.parse_args(argv)
    args.out.write_text(json.dumps(inventory(args.files), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
