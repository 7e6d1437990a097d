"""Report truth, round 41: the package's own warnings among the report's caveats said in a reader's words (the waves
and impacts by their labels, counts, what each means for the figures), the analyst's message kept for
provenance.json and unchanged from the API; an indicator refused by an error keeps the error's message for
provenance.json; the methods line gives the indicators' reassignments only where a table shows their p-value."""

from __future__ import annotations

import copy
import dataclasses
import re
import warnings

import numpy as np
import pandas as pd
import pytest

#: What a message written for an analyst holds: a Python list, a quoted identifier, a snake_case name, a backtick.
_ANALYSTS = re.compile(r"\[|\]|'[a-z_]+'|\b[a-z]+_[a-z_]+\b|`")


@pytest.fixture(scope="module")
def eight():
    """A small synthetic study (8 councils: few per status group, a council missing a wave), analysed once."""
    from conftest import analysed_synthetic, once_per_worker

    return once_per_worker(("round41", "eight"), lambda: analysed_synthetic(8, 4102))


def _caught(call) -> dict[str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    out: dict[str, list[str]] = {}
    for w in caught:
        out.setdefault(w.category.__name__, []).append(str(w.message))
    return out


def _panel(missing: set[int], moved: set[int], n: int = 8) -> pd.DataFrame:
    """Councils' shares at three waves, by code and status group: councils in ``missing`` lack the middle wave, those
    in ``moved`` change group after the first wave; one group holds council 0 alone at the first code."""
    rng = np.random.default_rng(41)
    rows = []
    for c in range(n):
        for code in ("morale", "learning"):
            for k, wave in enumerate(("expectations", "early", "longer_term")):
                if c in missing and k == 1:
                    continue
                group = "intervention" if (c < n // 2) != (c in moved and k > 0) else "no_intervention"
                rows.append({"council_id": f"C{c}", "code": code, "wave": wave, "status_group": group,
                             "share": float(rng.uniform())})
    return pd.DataFrame(rows)


_LABELS = {"expectations": "Expectations before the review", "early": "Early impact (about 3 months after)",
           "longer_term": "Longer-term change (about 12 months after)"}


def _labels() -> dict[str, str]:
    """The words the report names the planted waves and codes by (each wave's label before its bracket)."""
    from types import SimpleNamespace

    from impact.pipeline import _reader_labels

    study = SimpleNamespace(waves=pd.DataFrame({"wave": list(_LABELS), "label": list(_LABELS.values())}))
    book = SimpleNamespace(codes=pd.DataFrame({"code_id": ["morale", "learning"],
                                               "label": ["Staff morale", "Promotion of learning"]}))
    return _reader_labels(study, book)


def test_the_packages_own_warnings_are_said_in_a_readers_words_their_message_kept():
    """Planted: 2 of 8 councils lack the middle wave, 1 changes status group, and the tests of change and comparisons
    run on them. The API's warnings are as they were (Python lists of wave ids, quoted columns); for the report each
    says the counts planted, the waves by their labels and what it means, naming no identifier, and keeps the
    analyst's message as its source."""
    from impact.errors import AttritionWarning, ImpactWarning
    from impact.pipeline import _said_for_report
    from impact.stats import change_over_time, compare_groups

    frame = _panel({6, 7}, {2})
    api = _caught(lambda: change_over_time(frame, outcome="share", time="wave", unit="council_id", by="code",
                                           group="status_group", times=list(_LABELS)))
    # the analyst's words from the API, unchanged
    [attrition] = api["AttritionWarning"]
    assert attrition.startswith("2 of 8 councils lack one or more of the time points ['expectations', 'early', "
                                "'longer_term']"), attrition
    [moved] = [m for m in api["StatisticalWarning"] if "changed" in m]
    assert moved.startswith("1 of 8 councils was seen at every time point but changed status_group"), moved
    one = frame[~((frame["code"] == "morale") & frame["council_id"].isin(["C1", "C2", "C3"]))]
    api.update(_caught(lambda: compare_groups(one, outcome="share", group="status_group", by=["code", "wave"],
                                              unit="council_id", method="permutation", n_resamples=99, seed=1)))
    labels = _labels()
    for name, messages in api.items():
        for message in messages:
            category = getattr(__import__("impact.errors", fromlist=[name]), name, None)
            if category is None or not issubclass(category, ImpactWarning):
                continue
            said_name, said, sources = _said_for_report(category(message), labels)
            [source] = sources
            assert said_name == name and source.startswith(f"{name}: {message} (the package's warning"), sources
            assert not _ANALYSTS.search(said), said
            counts = re.findall(r"\d+", message.split(":")[0])
            assert all(c in said for c in counts), (message, said)
    said = _said_for_report(AttritionWarning(attrition), labels)[1]
    assert said.startswith("2 of the 8 councils were not interviewed") and "left out of these tests" in said, said
    assert "(expectations before the review, early impact and longer-term change)" in said, said
    said = _said_for_report(ImpactWarning(moved), labels)[1]
    assert "changed intervention status between the waves" in said, said  # still withheld as of a status group


def test_the_caveats_of_a_study_name_no_identifier_and_keep_each_message(eight):
    """The 8-council study's caveats (its warnings of attrition, few councils per status group and few councils for
    the models) name no wave or code by its identifier nor a Python list; each message said anew is kept in
    statistical_warning_sources, and the councils said to lack a wave are those the study's interviews lack."""
    study, _, findings = eight
    caveats = findings.provenance["statistical_warnings"]
    sources = findings.provenance.get("statistical_warning_sources", [])
    assert caveats and not [c for c in caveats if _ANALYSTS.search(c.split(": ", 1)[1])], caveats
    [attrition] = [c for c in caveats if c.startswith("AttritionWarning")]
    iv = study.interviews
    lacking = int((iv.groupby("council_id", observed=True)["wave"].nunique() < len(study.wave_ids)).sum()
                  + (len(study.councils) - iv["council_id"].nunique()))
    assert f"{lacking} of the {len(study.councils)} councils" in attrition, (lacking, attrition)
    kept = [s for s in sources if s.startswith("AttritionWarning: ")]
    assert len(kept) == 1 and "['expectations', 'early', 'longer_term']" in kept[0], sources
    own = [c for c in caveats if not c.startswith("StatisticalWarning: ") or "changed" in c]
    assert len([s for s in sources if not re.search(r"\(impact/|\(statsmodels|\(numpy|\(scipy", s)]) >= len(own) - 1


def test_an_indicator_refused_by_an_error_keeps_its_message_for_provenance(monkeypatch):
    """Planted: every indicator's difference-in-differences refused by the package's own check (one period). The
    note says why in words (round 40); the error's own message, with where it was raised, is now carried for
    provenance.json (it reached no output)."""
    from test_report_truth_round40 import _own_errors, refused_indicators

    error = _own_errors()["one period"]  # the package's own check, raised in its file
    out = refused_indicators(monkeypatch, figures="after a notice")
    assert out["note"].str.startswith("not estimable: its figures are observed in a single period").all()
    for measure, source in zip(out["measure"], out["note_source"]):
        assert source.startswith(f"{type(error).__name__}: {error} (impact/stats/_staggered.py, line"), source
        assert f"why the change in {measure} after a notice was not estimable" in source, source


@pytest.fixture(scope="module")
def reports(eight):
    """The 8-council study's report with every count shown (min_count 1) and with every count suppressed (1000), its
    run's resamples raised above the indicators' reassignments (the methods line then names theirs)."""
    from impact.pipeline import build_report

    _, _, findings = eight
    ri = pd.concat([f for f in (findings.indicator_effects, findings.review_indicator_effects) if f is not None])
    used = sorted(set(ri.loc[ri["ri_p_value"].notna(), "ri_n"].astype(int)))
    more = dataclasses.replace(findings, parameters={**findings.parameters, "n_resamples": max(used or [0]) + 1000})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return used, {n: build_report(more, min_count=n)[0] for n in (1, 1000)}


def test_the_methods_line_gives_the_indicators_reassignments_only_where_a_p_is_shown(reports):
    """The indicators' randomisation p-values drawn from fewer reassignments than the run's resamples: the methods
    line says how many where a table shows one of those p-values, and not where every one is c (min_count above
    every count), as the tables' notes no longer do (round 40)."""
    used, built = reports
    assert used, "the planted study has indicators with a randomisation p"

    def methods(min_count: int) -> str:
        [section] = [s for s in built[min_count].sections if s.title.startswith("Methods")]
        return " ".join(str(getattr(b, "text", getattr(b, "items", ""))) for b in section.blocks)

    shown = methods(1)
    assert f"the indicators' randomisation tests: {used[0]:,}" in shown, shown
    hidden = methods(1000)
    assert "the indicators' randomisation tests" not in hidden and "reassignments" not in hidden.split(
        "Tests:")[1].split(";")[0], hidden


def test_the_packages_message_is_published_with_its_caveat_and_withheld_with_it(eight, reports):
    """The 8-council study's caveats that a council missed a wave and that one changed intervention status: with
    every count shown both are published, each with the analyst's message among the sources; with the counts of
    councils by status suppressed the second is withheld (round 39), and the tables of change all c the first (round
    37), and so are their messages: '1 of 8 councils was seen at every time point but changed status_group' stayed."""
    _, _, findings = eight
    assert any("changed status_group" in s for s in findings.provenance["statistical_warning_sources"])
    own = "(the package's warning"
    for n, report in reports[1].items():
        caveats = report.provenance["statistical_warnings"]
        sources = [s for s in report.provenance.get("statistical_warning_sources", []) if own in s]
        heads = {c.split(": ", 2)[0] + ": " + c.split(": ", 2)[1] for c in caveats if c.count(": ") >= 2}
        for source in [s for s in sources if f"{own}; " in s]:  # each published with its caveat (class and figures)
            name, figures = source.split(": ", 1)[0], source.rsplit("; ", 1)[1].removesuffix(")")
            assert f"{name}: {figures[:1].upper()}{figures[1:]}" in heads, (n, source, caveats)
        moved = [c for c in caveats if "changed intervention status" in c]
        assert bool(moved) == any("changed status_group" in s for s in sources) == (n == 1), (n, caveats, sources)
        attrition = [c for c in caveats if c.startswith("AttritionWarning")]
        assert bool(attrition) == any("time points ['expectations'" in s for s in sources) == (n == 1), (n, sources)


def test_a_wave_label_naming_a_person_is_redacted_in_the_caveats(eight):
    """Planted: the first wave labelled with a participant's name ('Interviews with <name>'). The report redacts the
    label in its tables; the caveat of the councils missing a wave, now naming the waves by their labels, named the
    person in the published provenance (provenance.json and About this report)."""
    from impact.errors import AttritionWarning
    from impact.pipeline import _reader_labels, _said_for_report, build_report

    study, _, findings = eight
    name = str(study.participants["name"].dropna().iloc[0])
    from impact.study import DEFAULT_WAVES

    named = copy.copy(study)  # the same study, its first wave's label (study.yaml) naming the person
    named._meta = {**study._meta, "waves": [dict(w) for w in study._meta.get("waves") or DEFAULT_WAVES]}
    named._meta["waves"][0]["label"] = f"Interviews with {name}"
    [message] = [s.split(": ", 1)[1].split(" (the package's warning")[0]
                 for s in findings.provenance["statistical_warning_sources"] if s.startswith("AttritionWarning: ")]
    _, said, _ = _said_for_report(AttritionWarning(message), _reader_labels(named, findings.codebook))
    assert name in said  # the analysis names the waves by their labels as written
    provenance = {**findings.provenance, "statistical_warnings": [f"AttritionWarning: {said}"]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(dataclasses.replace(findings, study=named, provenance=provenance), min_count=1)
    [caveat] = [c for c in report.provenance["statistical_warnings"] if c.startswith("AttritionWarning")]
    assert name not in caveat and "interviews with " in caveat and "early impact" in caveat, caveat
