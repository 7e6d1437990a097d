"""Report truth, round 43 (truth43): a caveat of the per-impact models' standard errors names the models and the
contrasts it is of, and only those the models table shows; the models note and the methods line describe the
randomisation test of the intervention contrast only where the table shows a contrast it tested; every module whose
warnings reach the report's caveats is walked for a rule in a reader's words."""

from __future__ import annotations

import ast
import dataclasses
import re
import warnings
from pathlib import PurePath

import numpy as np
import pandas as pd
import pytest
from conftest import tiny_analysed
from test_report_truth_round37 import _with_caveats
from test_report_truth_round38 import _planted_models

WAVES = ["expectations", "early", "longer_term"]


def _panel(paths: list[str], codes: tuple[str, ...], seed: int) -> pd.DataFrame:
    """Planted: a council per status path of ``paths`` (i: in intervention, n: not, at each wave) x 5 participants,
    each reporting each of ``codes`` with probability 0.4 at every wave."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame([{"participant_id": f"{c}-{p}", "council_id": f"C{c}", "wave": w, "code": code,
                          "status_group": "intervention" if path[k] == "i" else "no_intervention",
                          "reported": bool(rng.random() < 0.4)}
                         for code in codes for c, path in enumerate(paths) for p in range(5)
                         for k, w in enumerate(WAVES)])


@pytest.fixture(scope="module")
def lone_caveats() -> list[tuple[str, str]]:
    """``(class name, caveat)`` of the models of two impacts, 'a' and 'b', with one council alone in intervention at
    every wave (6 others never), as the pipeline gathers them for the report."""
    from impact import intervention_effects
    from impact._warning_words import said_in_words
    from impact.pipeline import _said_for_report

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with said_in_words("the longitudinal models (the models table)"):
            out = intervention_effects(_panel(["iii"] + ["nnn"] * 6, ("a", "b"), 0), measure="reported", waves=WAVES,
                                       n_permutations=19)
    status = out[out["term"] == "in_intervention"]
    # planted truth: each impact's status term rests on the one council in intervention, its standard error missing
    assert set(status["code"]) == {"a", "b"} and status["se"].isna().all(), status
    assert (status["n_units_intervention"] == 1).all(), status
    labels = {"a": "staff morale", "b": "early impact", "code": "impact"}
    return [_said_for_report(w.message, labels)[:2] for w in caught]


def test_a_caveat_every_impacts_model_gave_names_the_models(lone_caveats):
    """Planted: every impact's model has the status term of a council alone in intervention, so each fit warns that the
    term's standard error is not identified (and that 7 councils are few). Main issued such a warning, the same for
    every impact, as it came: "The standard error of in_intervention is not identified ..." named no model (the
    reader could not tell which figures), and the report, which withholds a caveat of the models with the figures it
    is of, could not read it. Now each names the models of every impact and the models table."""
    said = {text for _, text in lone_caveats}
    se = [t for t in said if "standard error of in_intervention is not identified" in t]
    few = [t for t in said if "fewer than 10" in t]
    assert se and few, said
    for text in se + few:
        assert text.startswith("The longitudinal model of every impact (the models table): "), text
    # the report reads it as a caveat of the models (impact.report._build._models_caveat), not as any other
    from impact.report._build import _models_caveat

    table = pd.DataFrame({"impact": ["a", "a", "b", "b"], "contrast": ["in_intervention", "C(wave)[T.early]"] * 2,
                          "estimate": ["c", 0.4, "c", 0.3]})
    assert _models_caveat(se[0], table) == (None, {"a", "b"})  # status rows suppressed: withheld
    assert _models_caveat(se[0], table.assign(estimate=0.5)) == (se[0], set())


@pytest.fixture(scope="module")
def lone_reports(lone_caveats):
    """The tiny study's report with planted models of every impact (the status term tested by randomisation, one
    council in intervention, 29 not, and a wave term) and the caveats of their standard errors as the analysis gives
    them (above): one of the status term's, one also naming the intercept and the wave term; built with min_count 5
    (each status contrast c, as its side has one council) and 1 (shown). ``{min_count: (tables, provenance, methods
    text, caveats planted)}``."""
    from impact.pipeline import build_report
    from impact.report import Bullets, Table

    tiny = tiny_analysed()
    codes = list(tiny.codebook.top_codes())
    later = list(tiny.study.wave_ids)[-1]
    models = _planted_models(codes, later, "").assign(
        n_units_intervention=1, n_units_no_intervention=29, p_method="randomisation", p_value_model=0.01,
        ri_n=999, ri_exact=False)
    [status] = [t for n, t in lone_caveats if "standard error of in_intervention" in t]
    cls = next(n for n, t in lone_caveats if t == status)
    terms = f"Intercept, C(wave)[T.{later}], in_intervention"
    planted = {"status": f"{cls}: {status}", "terms": f"{cls}: {status.replace('in_intervention', terms, 1)}"}
    f = _with_caveats(dataclasses.replace(tiny, models=models), list(planted.values()))
    out = {}
    for min_count in (5, 1):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report, _ = build_report(f, min_count=min_count)
        tables = {b.name: b.data for s in report.sections for b in s.blocks if isinstance(b, Table)}
        [methods] = [s for s in report.sections if s.title == "Methods and limitations"]
        text = " ".join(i for b in methods.blocks if isinstance(b, Bullets) for i in b.items)
        out[min_count] = (tables, report.provenance, text, planted, later)
    return out


def test_a_standard_error_caveat_is_said_of_the_contrasts_the_models_table_shows(lone_reports):
    """Planted: caveats of every impact's model that the standard error of the status term (and of the intercept and
    the last wave's term) is not identified. Main published the second naming "Intercept", an estimate no table shows,
    and both said of the status term, with its randomisation test, where every status contrast was c. Now the caveat
    names the contrasts the table shows a figure of, in its order: the wave term alone where the status term is c
    (the randomisation test's clause going with it, and the caveat of the status term alone withheld), both where it
    is shown; never the intercept."""
    for min_count, (tables, prov, _, planted, later) in lone_reports.items():
        # at min_count 5 the models are withheld whole since disclosure round 53 (the lone council's counts are
        # hidden): no table, and no caveat of them; at 1 they are shown
        gee = tables.get("gee_models")
        assert (gee is None) == (min_count != 1)
        status_shown = gee is not None and bool((gee.loc[gee["contrast"] == "in_intervention", "estimate"] != "c").all())
        assert status_shown == (min_count == 1), gee  # the planted truth of the table, as built
        said = prov["statistical_warnings"]
        assert not any("Intercept" in s for s in said), said
        terms = [s for s in said if f"C(wave)[T.{later}]" in s]
        named = [re.search(r"the standard error of (.+?) is not identified", t)[1] for t in terms]
        if status_shown:
            assert named == [f"in_intervention, C(wave)[T.{later}]"], terms
            assert "by the randomisation test" in terms[0] and planted["status"] in said, said
        else:
            # (where a status group of too few councils is hidden, a caveat saying a council is "the only one in a
            # group" is withheld as a caveat about a status group; one that is not names the wave term alone)
            assert named in ([], [f"C(wave)[T.{later}]"]), terms
            assert not any("randomisation" in t for t in terms) and planted["status"] not in said, said
            assert not any(re.search(r"standard error of [^:]*in_intervention", s) for s in said), said


def test_the_methods_line_names_the_randomisation_test_only_where_a_contrast_it_tested_is_shown(lone_reports):
    """Planted: every impact's status contrast tested by randomisation (one council on a side). Main's methods line
    said "with fewer than 10 councils in one status group, the intervention contrast by a randomisation test" where the
    table showed every such contrast as c: a test whose p-value no cell holds. Now only where one is shown."""
    for min_count, (tables, _, text, _, _) in lone_reports.items():
        gee = tables.get("gee_models")  # withheld whole at min_count 5 since disclosure round 53
        assert (gee is None) == (min_count != 1)
        status = (gee.loc[gee["contrast"] == "in_intervention", [c for c in gee.columns if c.startswith("p_value")]]
                  if gee is not None else pd.DataFrame())
        shown = bool((status != "c").any(axis=None))
        assert shown == (min_count == 1), gee
        assert ("the intervention contrast by a randomisation test" in text) == shown, text


#: Every module of impact/ that issues the package's own warnings, and why its warnings cannot reach the report's
#: statistical caveats: those are the warnings raised inside the block of impact.pipeline.analyse that records them
#: (the prevalence, comparisons, change, the per-impact, attrition and survey models, the indicators), whose
#: functions are those of the analysis modules (ANALYSIS). Found by tracing the block's calls over two generated
#: studies (8 and 6 councils, every part): effects.py, indicators.py and impact/stats ran in it, and of the rest only
#: helpers that issue no warning (schema.py, _frames.py, _joins.py, _words.py, errors.py) and Study's wave_status.
#: The process, trajectory and coding modules issue their warnings (where they issue any) before or after the block.
OUTSIDE = {
    "_archive.py": "reading a Word transcript, when the study is loaded",
    "_cache.py": "the segmentation cache, before the statistics",
    "_io.py": "decoding a file, when it is read",
    "_xlsx.py": "reading a workbook, when it is read",
    "agreement.py": "the agreement of two codings (the reliability section), after the statistics",
    "cli/_agree.py": "the command line's agreement command",
    "coding/hybrid.py": "training a coder, before any study is analysed",
    "coding/trained.py": "training a coder, before any study is analysed",
    "codings.py": "reading codings, before the statistics",
    "councils.py": "matching council names and codes to their ids (to_council_id), when a study's tables or official "
                   "statistics are read, before the analysis",
    "disagreements.py": "listing the disagreements of two codings, outside the analysis",
    "official/_report.py": "official statistics read into a study's indicators, before the analysis",
    "official/events.py": "official intervention events read into a study, before the analysis",
    "panel.py": "building the panels from the codings, before the statistics",
    "pipeline.py": "reading codings and transcripts for the analysis, before the statistics (the block is walked)",
    "privacy/_disclosure.py": "the report's disclosure control, after the analysis",
    "privacy/_history.py": "the release history merged into the report's disclosure control, after the analysis",
    "privacy/_ledger.py": "the report's disclosure control, after the analysis",
    "qdpx/_read.py": "reading a QDPX project, before the analysis",
    "qdpx/_study.py": "reading a QDPX project, before the analysis",
    "qdpx/_write.py": "writing a QDPX project, outside the analysis",
    "review.py": "the Excel review loop, outside the analysis",
    "study.py": "loading a study and reading its transcripts, before the analysis",
    "synth/_generate.py": "generating a synthetic study",
}
#: The modules whose functions run in the block, walked for a rule of each warning (the indicators' own
#: difference-in-differences keep only the libraries' warnings there: test_report_truth_round42).
ANALYSIS = ("effects.py", "indicators.py", "stats/*.py")
BUILTIN_WARNINGS = {"RuntimeWarning", "DeprecationWarning", "FutureWarning", "PendingDeprecationWarning",
                    "ResourceWarning", "SyntaxWarning", "ImportWarning", "BytesWarning", "UnicodeWarning"}


def _warns(tree: ast.AST, fn: str = "") -> list[tuple[str, int]]:
    """``(function, line)`` of each ``warnings.warn`` of the package's own in ``tree`` (a class of the package's, a
    plain ``UserWarning``, or a warning object made by the package), each in the innermost function holding it."""
    out = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out += _warns(node, node.name)
            continue
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "warn"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "warnings" and node.args):
            category = ast.unparse(node.args[1]) if len(node.args) > 1 else next(
                (ast.unparse(k.value) for k in node.keywords if k.arg == "category"), "")
            if category.split(".")[-1] not in BUILTIN_WARNINGS:
                out.append((fn, node.lineno))
        out += _warns(node, fn)
    return out


def _names(tree: ast.AST) -> set[str]:
    return ({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            | {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)})


def _called(tree: ast.AST) -> set[str]:
    """The plain names ``tree`` calls (``Study(...)``: a class called, not one named in a type hint)."""
    return {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}


def _used(users: list[ast.AST], module: str, tree: ast.Module) -> set[str]:
    """What code ``users`` uses of ``module`` (its source ``tree``): the names it imports from it, a class's
    ``__init__`` where it is called, and the attributes read of a variable named after a class of it (``study`` of
    ``Study``, the package's way of naming them)."""
    name = PurePath(module).with_suffix("").name
    imported = {a.asname or a.name for u in users for n in ast.walk(u) if isinstance(n, ast.ImportFrom)
                and (n.module or "").split(".")[-1] == name for a in n.names}
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef)} & imported
    called = set().union(*(_called(u) for u in users))
    attrs = {n.attr for u in users for n in ast.walk(u) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
             and n.value.id in {c.lower() for c in classes}}
    return (imported - classes) | attrs | {f"{c}.__init__" for c in classes & called}


def _reached(module: ast.Module, referenced: set[str]) -> set[str]:
    """The functions of ``module`` that code referencing ``referenced`` can run: those named, the functions they name,
    and so on; a class named runs its ``__init__``."""
    defs: dict[str, list[ast.AST]] = {}
    for node in ast.walk(module):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defs.setdefault(node.name, []).append(node)
        elif isinstance(node, ast.ClassDef):  # a class called runs its __init__
            defs[f"{node.name}.__init__"] = [n for n in node.body if isinstance(n, ast.FunctionDef)
                                             and n.name == "__init__"]
    seen: set[str] = set()
    todo = [n for n in referenced if n in defs]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in defs[name]:
            todo += [n for n in _names(node) | {f"{c}.__init__" for c in _called(node)} if n in defs and n not in seen]
    return {n.split(".")[-1] for n in seen}


def _imported(module: str, tree: ast.Module) -> set[str]:
    """The package's modules ``tree`` (the module at ``module``, a path under impact/) imports, at its top or in a
    function, as paths under impact/ (a package as its ``__init__.py``)."""
    from test_report_truth_round42 import PACKAGE

    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = PurePath(module).parents[node.level - 1]
            for name in ([node.module] if node.module else [a.name for a in node.names]):
                path = base.joinpath(*name.split("."))
                for candidate in (path.with_suffix(".py"), path / "__init__.py"):
                    if (PACKAGE / candidate).exists():
                        out.add(candidate.as_posix().removeprefix("./"))
    return out


def _analysis_sources() -> dict[str, tuple[str, ast.Module]]:
    """``{path under impact/: (source, tree)}`` of the analysis modules."""
    from test_report_truth_round42 import PACKAGE

    paths = [p for pattern in ANALYSIS for p in sorted(PACKAGE.glob(pattern))]
    return {p.relative_to(PACKAGE).as_posix(): (text := p.read_text(encoding="utf-8"), ast.parse(text))
            for p in paths}


def _recording_block() -> ast.With:
    """The block of impact.pipeline.analyse whose warnings become the report's statistical caveats."""
    from test_report_truth_round42 import PACKAGE

    tree = ast.parse((PACKAGE / "pipeline.py").read_text(encoding="utf-8"))
    analyse = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "analyse")
    return next(n for n in ast.walk(analyse) if isinstance(n, ast.With)
                and "recorded_warnings" in ast.unparse(n.items[0].context_expr))


def test_every_module_warning_into_the_analysis_is_walked_and_every_other_is_outside_it():
    """Every module of impact/ that issues the package's own warnings is walked for a rule in a reader's words (the
    analysis modules, and the recording block itself) or named, with the reason, as issuing them outside the block:
    a module that starts warning is one or the other. Each module named outside is checked against the analysis
    modules' code: none of its functions that warn is named there, or run by one that is (a static reading of the
    calls, by name, within the module). Round 42 walked impact/effects.py and impact/stats; the recording block of the
    pipeline was not walked, and a module added to the analysis was not found."""
    from test_report_truth_round42 import INDICATORS_ONLY, PACKAGE, _uncovered

    sources = _analysis_sources()
    analysis = {m: tree for m, (_, tree) in sources.items()}
    warning = {}
    for path in sorted(PACKAGE.rglob("*.py")):  # (only a file naming warnings.warn is parsed: parsing is the cost)
        module = path.relative_to(PACKAGE).as_posix()
        if "warnings.warn" in (text := path.read_text(encoding="utf-8")):
            tree = analysis.get(module) or ast.parse(text)
            warning.update({module: tree} if _warns(tree) else {})
    reissuers = {"errors.py", "_warning_words.py"}  # they issue again warnings of others, said in words
    unplaced = set(warning) - set(analysis) - set(OUTSIDE) - reissuers
    assert not unplaced, f"modules warning neither walked nor named outside the analysis: {sorted(unplaced)}"
    assert not set(OUTSIDE) - set(warning), sorted(set(OUTSIDE) - set(warning))  # no stale entry
    walked = {m: text for m, (text, _) in sources.items() if PurePath(m).name not in INDICATORS_ONLY}
    block = _recording_block()
    walked["pipeline.py (the recording block)"] = ast.unparse(block)
    missing = {m: _uncovered(src) for m, src in walked.items()}
    assert not any(missing.values()), missing
    # the modules outside that the analysis modules import: no warning function of theirs is run from them or the
    # block (the others' functions are not within their reach)
    imported = set().union(*(_imported(m, t) for m, t in analysis.items()))
    assert {"study.py", "panel.py"} <= imported, imported  # effects.py reads the study and the panel's groups
    users = [*analysis.values(), block]
    for module in set(OUTSIDE) & imported:
        reached = (_reached(warning[module], _used(users, module, warning[module]))
                   & {fn for fn, _ in _warns(warning[module])})
        assert not reached, (module, sorted(reached))
    # the check finds a warning of the package's planted in a module named outside, run from the analysis
    planted = ast.parse("import warnings\nclass Study:\n    def wave_status(self):\n        self.helper()\n"
                        "    def helper(self):\n        warnings.warn('zq', TranscriptNotesWarning)\n")
    assert _reached(planted, _used(users, "study.py", planted)) == {"wave_status", "helper"}


@pytest.fixture(scope="module")
def loaded_with_attrition(tmp_path_factory):
    """A study of 8 councils (seed 43301) saved and loaded, as `impact run` reads one (its validation warnings kept),
    with every interview of 5 participants taken out of interviews.csv (never interviewed: no warning names them);
    analysed with its planted coding (comparisons only) and its report built once. ``(study, findings, summary
    caveats)``."""
    from conftest import report_of

    from impact.pipeline import analyse
    from impact.report import Callout
    from impact.study import load_study
    from impact.synth import generate_with_truth, save_synthetic

    folder = tmp_path_factory.mktemp("round43") / "s"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(8, seed=43301, interviews_per_wave=3, words_per_interview=80)
        save_synthetic(study, truth, folder)
        interviews = pd.read_csv(folder / "interviews.csv", dtype=str, keep_default_na=False)
        gone = sorted(set(interviews["participant_id"]))[:5]
        interviews[~interviews["participant_id"].isin(gone)].to_csv(folder / "interviews.csv", index=False)
        loaded = load_study(folder)
        coded = truth.coded()
        coded = coded[coded["interview_id"].isin(loaded.interviews["interview_id"])]
        findings = analyse(loaded, coded=coded, n_resamples=19, seed=1, parts=["comparisons"])
        report, _ = report_of(findings)
    [summary] = [s for s in report.sections if s.title == "Summary"]
    caveats = " ".join(b.text for b in summary.blocks if isinstance(b, Callout))
    return loaded, findings, caveats, gone


def test_the_summary_says_what_the_studys_validation_warnings_mean_for_the_figures(loaded_with_attrition):
    """Planted: participants and councils not interviewed at every wave (the generator's attrition), 5 participants at
    none. Main gave the validation warnings as a count in About this report alone ("Warnings on the study's files
    (impact validate) N"), which told a reader nothing of what they mean. Now the summary's caveats count the
    participants and councils not interviewed at every wave, of all listed (the planted count, from the pairs of
    participant and wave interviewed), those at no wave, and say which figures rest on whom, naming no column."""
    study, findings, caveats, gone = loaded_with_attrition
    kinds = {p.column for p in study.load_problems if p.severity != "error" and "attrition" in str(p.expected)}
    assert kinds == {"participant_id", "council_id"}, kinds  # the validation warnings planted
    pairs = set(zip(study.interviews["participant_id"].astype(str), study.interviews["wave"].astype(str)))
    people = study.participants["participant_id"].astype(str)
    lacking = [p for p in people if any((p, w) not in pairs for w in study.wave_ids)]
    never = [p for p in people if not any((p, w) in pairs for w in study.wave_ids)]
    assert set(gone) <= set(never) and len(lacking) >= 5, (gone, never, lacking)
    council_pairs = set(zip(study.interviews["council_id"].astype(str), study.interviews["wave"].astype(str)))
    councils = [c for c in study.councils["council_id"].astype(str)
                if any((c, w) not in council_pairs for w in study.wave_ids)]
    said = re.search(r"The checks of the study's files \(impact validate\) warn of missed interviews: (.+?) were not "
                     r"interviewed at every wave, so the figures at each wave rest on those interviewed at it", caveats)
    assert said, caveats
    assert said[1].startswith(f"{len(lacking)} of the {len(people)} participants ({len(never)} at no wave)"), said[1]
    assert f"{len(councils)} of the {len(study.councils)} councils" in said[1], said[1]
    assert "on those interviewed at every wave" in caveats and not re.search(r"\w+_id|\.csv", said[0]), caveats


def test_the_packages_message_kept_for_provenance_names_the_figures_its_caveat_now_names():
    """A caveat of the models of every impact said of the impacts the models table shows (or withheld): main kept the
    package's message for provenance.json ending "(the package's warning; the longitudinal model of every impact (the
    models table))" beside a caveat naming two impacts, or none. Now its figures are the caveat's, or it goes with it."""
    from impact.report._build import _own_head, _own_source_renamed

    every = "SmallSampleWarning: The longitudinal model of every impact (the models table): models fitted on 8 councils."
    two = ("SmallSampleWarning: The longitudinal models of code 'a' and code 'b' (the models table): models fitted on 8 "
           "councils.")
    source = ("SmallSampleWarning: GEE with 8 councils, fewer than 10: ... descriptive, in the longitudinal model of "
              "every impact (the models table). (the package's warning; the longitudinal model of every impact (the "
              "models table))")
    other = "SmallSampleWarning: GEE zq. (the package's warning; the tests of change across the waves)"
    assert _own_source_renamed(source, {_own_head(every): _own_head(two)}).endswith(
        "(the package's warning; the longitudinal models of code 'a' and code 'b' (the models table))")
    assert _own_source_renamed(source, {_own_head(every): None}) is None
    assert _own_source_renamed(other, {_own_head(every): None}) == other
    assert _own_source_renamed(source, {}) == source


def test_the_comparisons_method_is_described_only_where_a_difference_is_shown(twelve_one_a_wave):
    """Seed 43101 (12 councils, fewer than 5 in intervention at every wave): every cell of the comparisons by status
    was c, and the section said "the difference shown is the difference in the groups' mean shares ... and a
    permutation test ... p adjusted across every impact and wave (Holm)" of figures no cell showed. Planted: 12
    councils (round 37's study) built with min_count 1 (every figure shown) and 13 (every one c): the method is
    described where a difference is shown, and where none is the section says they are suppressed."""
    from conftest import report_with

    from impact.report import Paragraph

    study, findings = twelve_one_a_wave
    for min_count in (1, len(study.councils) + 1):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report, _ = report_with(findings, min_count=min_count)  # round 39 reads the same two reports
        [section] = [s for s in report.sections if s.title == "Comparisons by intervention status"]
        table = next(b.data for b in section.blocks if getattr(b, "name", "") == "comparisons")
        cells = table[[c for c in ("difference", "ci_low", "ci_high", "p_value", "p_adjusted") if c in table.columns]]
        shown = bool((cells.ne("c") & cells.notna()).any(axis=None))
        assert shown == (min_count == 1), table  # the planted truth of the table, as built
        intro = next(b.text for b in section.blocks if isinstance(b, Paragraph))
        assert ("permutation test" in intro and "adjusted" in intro) == shown, intro
        assert ("Every difference, interval and test of the table is suppressed (c)" in intro) != shown, intro
