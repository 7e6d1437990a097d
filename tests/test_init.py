"""Every public name of the package resolves."""

import impact


def test_every_public_name_resolves():
    missing = [name for name in impact.__all__ if getattr(impact, name, None) is None]
    assert missing == []


def test_subpackages_resolve():
    for name in ("coding", "stats", "report", "privacy", "official", "synth", "qdpx", "pipeline"):
        assert getattr(impact, name).__name__ == f"impact.{name}"


# Imported only by the functions that need them: `impact --help`, an error and the readers of coded files
# (impact agree, impact review) start without them (each takes from 0.1 to 2 s to import).
_HEAVY = ("seaborn", "scipy.stats", "statsmodels", "sklearn", "nltk", "matplotlib", "docx", "openpyxl", "jinja2")


def _imported_after(code: str, *, also: tuple[str, ...] = ()) -> list[str]:
    import json
    import subprocess
    import sys
    from pathlib import Path

    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(set(m.split('.')[0] if m.split('.')[0] != 'scipy' else m for m in sys.modules))))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    return [m for m in (*_HEAVY, *also) if m in loaded]


def test_import_and_the_command_line_parser_load_no_heavy_module():
    # the study model is imported on first use too: `impact --help` needs neither pandas nor numpy
    assert _imported_after("import impact, impact.cli\nimpact.cli.build_parser()", also=("pandas", "numpy")) == []


def test_a_public_function_keeps_its_name_when_its_module_is_imported():
    import importlib
    import types

    module = importlib.import_module("impact.trajectories")  # importing a submodule sets the package's attribute
    assert isinstance(module, types.ModuleType)
    assert impact.trajectories is module.trajectories and callable(impact.trajectories)
    assert impact.Study is importlib.import_module("impact.study").Study


def test_readers_of_coded_files_and_agreement_load_no_heavy_module():
    # the agreement statistics import scipy.stats when they compute an interval, not before
    assert _imported_after("from impact.coding import read_coded, CODED_COLUMNS\nimport impact.agreement") == []


def test_the_guard_sees_a_heavy_import():
    # the hybrid coder subclasses scikit-learn's BaseEstimator; stemming a word imports nltk (whose package imports
    # scikit-learn's feature extraction for its classifiers)
    assert "sklearn" in _imported_after("import impact.coding.hybrid")
    assert {"sklearn", "nltk"} <= set(_imported_after("from impact.coding._cues import stem\nstem('partners')"))


def test_the_rule_coder_imports_neither_scikit_learn_nor_nltk():
    # importing the rule coder cost every test worker and `impact` process that codes text 1.6 s: it subclassed
    # scikit-learn's BaseEstimator and stemmed its closed word lists at import (testtime25); it stems on first use now,
    # and its estimator API (get_params, set_params, clone) needs no scikit-learn (tests/test_rules.py)
    assert _imported_after("import impact.coding.rules\nfrom impact.coding import RuleCoder\nRuleCoder()") == []


def test_the_cache_key_reads_nltk_version_without_importing_it():
    # a run whose codings all come from the cache still loaded nltk and scikit-learn (about 1 s) only to read nltk's
    # version for the cache key; the installed distribution's metadata gives the same string
    from importlib.metadata import version

    from impact._cache import environment

    assert environment()["nltk"] == version("nltk")
    assert _imported_after("from impact._cache import environment\nenvironment()") == []
