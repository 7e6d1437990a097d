"""Report truth, round 42: every one of the package's own warnings that can reach the report's caveats is said in a
reader's words (what it means for the figures and what the report did instead, no instruction to the analyst), a test
walking the package's ``warnings.warn`` calls for a rule of each; and each caveat reads as one sentence in the rendered
caveat list (no "could not be fitted: ... could not ...", no bracket inside a bracket)."""

from __future__ import annotations

import ast
import os
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import impact

PACKAGE = Path(impact.__file__).parent
#: The modules whose own warnings the analysis lets through to the report's caveats: the per-impact models
#: (impact.effects) and the statistics it and the pipeline call. The indicators' difference-in-differences
#: (stats/_did.py, stats/_staggered.py) are called by impact.indicators alone, which keeps only the libraries' warnings.
INDICATORS_ONLY = {"_did.py", "_staggered.py"}
#: A warning's message that is not a template of its own: a failed fit's, in words already (fit_failed), and a
#: warning caught and issued again as it came.
NOT_TEMPLATES = {"fit_failed", "caught_warning.message"}
#: What a sentence written for an analyst holds: a Python list, a backtick, an argument set (method='exact'), an
#: instruction to do something ("Use a randomisation test", "pass them ..."), a sandwich.
_ANALYSTS = re.compile(r"\[|\]|`|\w=|\b(?:[Uu]se (?:a|the|method|impact)|pass them)\b|sandwich|GEE\b")
#: The names the report's caveats keep for it to tell which figures they are of: an impact as the per-impact models
#: name it, a term as the models table's contrast column gives it (the rendered report puts both in words).
_KEPT = re.compile(r"code '[^']*'|\bin_intervention\b")


def _template(node: ast.AST) -> str | None:
    """The regular expression of the messages a ``warnings.warn`` call's first argument makes (its literal text, any
    value it puts in), or None where it is no text of its own."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(re.escape(v.value) if isinstance(v, ast.Constant) else ".*?" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.IfExp):
        yes, no = _template(node.body), _template(node.orelse)
        return None if yes is None or no is None else f"(?:{yes}|{no})"
    return None


def _package_warning_calls(source: str) -> list[tuple[int, str | None, str]]:
    """``(line, template, message expression)`` of each ``warnings.warn`` call in ``source`` of one of the package's
    warning classes (or none named: its message is a warning of its own)."""
    from impact import errors
    from impact.stats import _errors

    classes = {n for mod in (errors, _errors) for n, v in vars(mod).items()
               if isinstance(v, type) and issubclass(v, Warning) and issubclass(v, errors.ImpactWarning)}
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "warnings.warn" and node.args:
            category = ast.unparse(node.args[1]) if len(node.args) > 1 else ""
            if category and category.split(".")[-1] not in classes:
                continue
            message = node.args[0]
            out.append((node.lineno, _template(message), ast.unparse(getattr(message, "func", message))))
    return out


def _uncovered(source: str) -> list[str]:
    """The package's warnings in ``source`` that no rule of impact._warning_words says in a reader's words: no rule's
    example is a message the call makes, or the rule does not say it anew."""
    from impact._warning_words import _OWN_WARNINGS, own_warning_words

    out = []
    for line, template, expression in _package_warning_calls(source):
        if template is None:
            if expression not in NOT_TEMPLATES:
                out.append(f"line {line}: {expression}")
            continue
        examples = [e for r in _OWN_WARNINGS for e in getattr(r, "examples", ()) if re.fullmatch(template, e, re.S)]
        if not examples or not all(own_warning_words(e, {})[1] for e in examples):
            out.append(f"line {line}: {template[:80]}")
    return out


def _reads_for_a_reader(text: str) -> list[str]:
    """What is wrong with a caveat for a reader: an analyst's words, more than one sentence, a bracket inside a
    bracket, "could not" twice (a fit that "could not be fitted: ... could not ...")."""
    faults = []
    if _ANALYSTS.search(_KEPT.sub("", text)):
        faults.append(f"analyst's words: {_ANALYSTS.search(_KEPT.sub('', text))[0]!r}")
    if re.search(r"[.!?]\s+[A-Z]", text.rstrip(".")) or not text.endswith("."):
        faults.append("not one sentence")
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth > 1 or depth < 0:
            faults.append("a bracket inside a bracket")
            break
    if len(re.findall(r"\bcould not\b", text)) > 1:
        faults.append("'could not' twice")
    return faults


def test_every_package_warning_that_can_reach_the_caveats_has_a_rule_in_a_readers_words():
    """Walks the package's ``warnings.warn`` calls in impact.effects and impact.stats (those of its warning classes,
    whose messages are written for an analyst): each has a rule whose example is a message the call makes, said anew
    for a reader, in one sentence with no analyst's words (no "Use a randomisation test", no method='exact', no Python
    list). A warning added without a rule fails (planted below). Main had rules for five of them."""
    from impact._warning_words import _OWN_WARNINGS, own_warning_words

    modules = [PACKAGE / "effects.py", *sorted(p for p in (PACKAGE / "stats").glob("*.py")
                                               if p.name not in INDICATORS_ONLY)]
    calls = {m.name: _package_warning_calls(m.read_text(encoding="utf-8")) for m in modules}
    assert sum(len(c) for c in calls.values()) >= 20, calls  # the walk finds the package's warnings
    missing = {m.name: _uncovered(m.read_text(encoding="utf-8")) for m in modules}
    assert not any(missing.values()), missing
    # the walk fails on a warning added without a rule
    planted = ('import warnings\nwarnings.warn(f"{k} councils zq planted: use method=\'zq\'.", SmallSampleWarning)\n'
               'warnings.warn("The model zq planted.", StatisticalWarning)\nwarnings.warn(zq(1), ImpactWarning)\n')
    assert len(_uncovered(planted)) == 3, _uncovered(planted)
    # the modules left out are reached by the indicators alone
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name != "stats" and path.name != "indicators.py":
            assert not re.search(r"\b(?:staggered_did|did)\(", path.read_text(encoding="utf-8")), path
    for example in [e for rule in _OWN_WARNINGS for e in getattr(rule, "examples", ())]:
        said, anew = own_warning_words(example, {"a": "staff morale", "b": "early impact", "code": "impact",
                                                      "status_group": "intervention status", "wave": "wave"})
        assert anew and not _reads_for_a_reader(said), (example, said, _reads_for_a_reader(said))


WAVES = ["expectations", "early", "longer_term"]


def _panel(paths: list[str], share: float, seed: int) -> pd.DataFrame:
    """Planted: a council per status path of ``paths`` (i: in intervention, n: not, at each wave) x 5 participants,
    each reporting impact 'a' with probability ``share`` at every wave."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame([{"participant_id": f"{c}-{p}", "council_id": f"C{c}", "wave": w, "code": "a",
                          "status_group": "intervention" if path[k] == "i" else "no_intervention",
                          "reported": bool(rng.random() < share)}
                         for c, path in enumerate(paths) for p in range(5) for k, w in enumerate(WAVES)])


def test_the_models_own_warnings_say_what_the_report_did():
    """Planted: (a) no council ever in intervention, (b) one council alone in intervention throughout, (c) an impact
    no participant reported. The analyst still gets "GEE for code 'a' fitted on wave alone", "... Use a randomisation
    test" and "not fitted: the outcome does not vary"; the report's caveats (as the pipeline gathers them) say what
    happened to the model of the impact, still named "code 'a'" for the report to withhold it with its figures: fitted
    on the waves alone as no council was in intervention; the status term's standard error resting on the single
    council, with its p-value the randomisation test's (the models table shows that); not fitted, the answer the same
    in every observation."""
    from impact import intervention_effects
    from impact._warning_words import said_in_words
    from impact.pipeline import _said_for_report

    labels = {"a": "staff morale", "code": "impact", "in_intervention": "in intervention"}
    for seed in range(2):
        planted = {"alone": (["nnn"] * 6, 0.4), "lone": (["iii"] + ["nnn"] * 6, 0.4), "none": (["iin"] * 6, 0.0)}
        for case, (paths, share) in planted.items():
            with warnings.catch_warnings(record=True) as api:
                warnings.simplefilter("always")
                intervention_effects(_panel(paths, share, seed), measure="reported", waves=WAVES, n_permutations=19)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                with said_in_words("the longitudinal models (the models table)"):
                    out = intervention_effects(_panel(paths, share, seed), measure="reported", waves=WAVES,
                                               n_permutations=19)
            api_text = " ".join(str(w.message) for w in api)
            said = [_said_for_report(w.message, labels) for w in caught]
            text = [t for _, t, _ in said if "code 'a'" in t]
            assert all(not _reads_for_a_reader(t) for t in text), [(t, _reads_for_a_reader(t)) for t in text]
            if case == "alone":
                assert "GEE for code 'a' fitted on wave alone" in api_text, api_text
                [t] = [t for t in text if "waves alone" in t]
                assert "no council was in intervention when it was interviewed" in t and "no difference between" in t, t
                assert "in_intervention" not in set(out["term"]), out
            elif case == "lone":
                assert "Use a randomisation test" in api_text, api_text
                status = out[out["term"] == "in_intervention"]
                assert (status["n_units_intervention"] == 1).all() and status["se"].isna().all(), status
                [t] = [t for t in text if "is not identified" in t]
                assert "rests on a single council" in t, t
                # what the report did instead: true of the models table
                assert ("by the randomisation test" in t) == status["p_method"].eq("randomisation").all(), (t, status)
                assert status["p_method"].eq("randomisation").all(), status
            else:
                assert "GEE for code 'a' not fitted: the outcome does not vary" in api_text, api_text
                [t] = [t for t in text if "not fitted" in t]
                assert "reported by all, or by none" in t and "has no row for it" in t and out.empty, (t, out)
            for name, t, sources in said:  # the analyst's message kept for provenance.json
                if t not in {str(w.message) for w in caught}:
                    assert sources and sources[0].startswith(f"{name}: "), (t, sources)


def _raised_in_package(message: str) -> ValueError:
    """The package's own error, raised in one of its files (as a check of impact.stats raises it)."""
    try:
        exec(compile(f"raise ValueError({message!r})", os.path.join(PACKAGE, "stats", "_models.py"), "exec"))
    except ValueError as exc:
        return exc
    raise AssertionError("not raised")


def test_each_caveat_reads_as_one_sentence_in_the_rendered_list():
    """Every caveat said anew (each rule's message, a fit that stopped with each library error the words know and with
    each of the package's own) as the rendered report's caveat list gives it: one sentence each, no bracket inside a
    bracket, never "could not be fitted: a quantity it needed could not be computed" (main: the failed fit's meanings
    of a quantity out of range and of a variance at its edge said "could not" twice)."""
    from impact._warning_words import _OWN_MEANINGS, _OWN_WARNINGS, MODEL_FIGURES, fit_failed
    from impact.errors import StatisticalWarning
    from impact.pipeline import _said_for_report
    from impact.report._format import report_provenance
    from impact.report._labels import Vocabulary

    labels = {"a": "staff morale", "b": "early impact", "code": "impact", "status_group": "intervention status"}
    caveats = [": ".join(_said_for_report(StatisticalWarning(e), labels)[:2]) for r in _OWN_WARNINGS for e in getattr(r, "examples", ())]
    errors = [ZeroDivisionError("float division by zero"), np.linalg.LinAlgError("Singular matrix"),
              RuntimeError("overflow encountered in exp"), RuntimeError("Maximum Likelihood optimization failed to "
                                                                        "converge"),
              RuntimeError("the MLE may be on the boundary"), RuntimeError("PerfectSeparationError"),
              RuntimeError("zq planted")]
    errors += [_raised_in_package(test.pattern.split("|")[0].replace("\\", "").strip("()?:"))
               for test, _ in _OWN_MEANINGS] + [_raised_in_package("zq planted")]
    for exc in errors:
        for figures in (MODEL_FIGURES["survey_model"], "the longitudinal model of code 'a' (the models table)"):
            w = fit_failed(exc, figures, "the report has no row for it", logistic="code" in figures)
            caveats.append(": ".join(_said_for_report(w, labels)[:2]))
    words = Vocabulary().with_waves({"early": "Early impact (about 3 months after)"}).with_codes({"a": "Staff morale"})
    items = []
    for caveat in caveats:  # each as the list gives it (a list of several joins them with "; ")
        [(_, shown)] = [kv for kv in report_provenance({"statistical_warnings": [caveat]}, words)
                        if kv[0] == "Statistical caveats"]
        items.append(shown)
    faults = {item: f for item in items if (f := _reads_for_a_reader(item))}
    assert not faults, faults
