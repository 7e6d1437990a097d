"""The order in which `make test`'s scheduler (tests/conftest.py) sends files to the workers: costliest first, but
never a file that would wait for a study another worker is building for a file it shares it with."""

from __future__ import annotations

from pathlib import Path

from conftest import next_file, shared_fixtures, shared_keys

COST = {"round4": 84, "findings": 74, "pipeline": 67, "sections": 59, "small": 3}
KEYS = {"round4": {"sixty", "late"}, "findings": {"sixty", "late", "machine"}, "pipeline": {"ten"},
        "sections": {"sixty"}, "small": set()}


def pick(pending, elsewhere, built=()):
    return next_file(pending, COST.get, lambda s: frozenset(KEYS[s]), set(elsewhere), lambda k: k in built)


def test_a_file_sharing_a_study_being_built_elsewhere_waits_for_it():
    # round 4 runs on the other worker and builds `sixty` and `late`: findings and sections would wait for them
    assert pick(["findings", "pipeline", "sections", "small"], KEYS["round4"]) == "pipeline"
    assert pick(["findings", "sections", "small"], KEYS["round4"]) == "small"
    # once both are built (or nothing runs elsewhere) the costliest goes first
    assert pick(["findings", "pipeline", "sections"], KEYS["round4"], built={"sixty", "late"}) == "findings"
    assert pick(["findings", "pipeline", "sections"], set()) == "findings"
    # `sixty` built, `late` not yet: sections may start, findings still waits
    assert pick(["findings", "sections", "small"], KEYS["round4"], built={"sixty"}) == "sections"


def test_when_every_file_would_wait_the_costliest_goes():
    assert pick(["findings", "sections"], KEYS["round4"]) == "findings"


def test_the_studies_a_file_shares_are_read_from_the_fixtures_it_names_and_its_own_keys():
    fixtures = shared_fixtures(Path(__file__).with_name("conftest.py").read_text(encoding="utf-8"))
    # a shared fixture that takes another shared fixture builds both keys
    assert fixtures["ten_council_run"] == {"ten-council-run", "ten-council-study"}
    assert fixtures["late_shift"] == {"late-shift-152953"}
    assert "rng" not in fixtures and "tiny_study" not in fixtures  # fixtures that share nothing
    source = ('def test_a(late_shift, ten_council_run):\n    pass\n\n'
              'def five(tmp_path_factory):\n    return shared_synthetic(tmp_path_factory, "five-99", 5, 99)\n')
    assert shared_keys(source, fixtures) == {"late-shift-152953", "ten-council-run", "ten-council-study", "five-99"}
    assert shared_keys("def test_b(rng):\n    pass\n", fixtures) == set()
    assert shared_keys("def broken(:\n late_shift\n", fixtures) == {"late-shift-152953"}


def test_every_test_file_reads_the_helpers_from_the_conftest_pytest_loaded():
    """``from tests.conftest import ...`` loads tests/conftest.py a second time, as another module whose caches
    (``once_per_worker``, ``report_of``, ``summary_of``) are not pytest's: a study or report built through one copy
    was built again through the other in the same worker (8 report-truth files did so before testtime28)."""
    import ast

    tests = Path(__file__).resolve().parent
    second = []
    for path in sorted(tests.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module else
                     [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            second += [f"{path.relative_to(tests)}:{node.lineno}" for n in names if n.endswith(".conftest")]
    assert not second, second
