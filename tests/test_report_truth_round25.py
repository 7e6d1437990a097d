"""What the report and the library it reads state, against the data: round 25.

The provenance table's "Statistical caveats" are the warnings of :mod:`impact.stats` put into words. They said
"unit(s)" of councils, and set a wave label's own bracket beside or inside the warning's asides ("... longer-term
change (about 12 months after) (in at least one group) ...", "(e.g. ... (about 12 months after))"). Each count is
checked here against planted data, in the library's words and the report's; the brackets of the provenance table's
cells are read in ``tests/test_report_prose.py`` on generated studies of 5, 12 and 30 councils too.
"""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

WAVES = ["expectations", "early", "longer_term"]


def _said(call) -> dict[str, str]:
    """``{warning class name: message}`` of the warnings ``call()`` gives."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return {type(w.message).__name__: str(w.message) for w in caught}


def _brackets_plain(text: str) -> bool:
    """No bracket opened inside another, none left open or closed unopened, and no '(...) (...)'."""
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0 or depth > 1:
            return False
    return depth == 0 and not re.search(r"\)\s*\(", text)


def _panel(missing: set[int], moved: set[int], n: int = 8) -> pd.DataFrame:
    """A council x wave x code panel of ``n`` councils: those in ``missing`` not seen at the last wave, those in
    ``moved`` in intervention at the last wave only (the rest in a group throughout, half in each)."""
    rows = []
    for c in range(n):
        for t, wave in enumerate(WAVES):
            if c in missing and wave == "longer_term":
                continue
            group = ("a" if t < 2 else "b") if c in moved else ("a" if c % 2 else "b")
            for code in ("morale", "learning"):
                rows.append({"council_id": f"C{c}", "wave": wave, "code": code, "status_group": group,
                             "share": (c + t) % 3 / 2})
    return pd.DataFrame(rows)


@pytest.mark.parametrize(("missing", "moved"), [({3}, {0, 5}), ({1, 2, 6}, {4})])
def test_the_attrition_warnings_count_councils_in_words(missing, moved):
    """Planted: ``missing`` councils of 8 miss the last wave, ``moved`` change status group at it. The warnings say
    how many of how many councils, with the noun and verb in the right number, and no '(s)' or bracketed aside."""
    from impact.stats import change_over_time

    said = _said(lambda: change_over_time(_panel(missing, moved), outcome="share", time="wave", unit="council_id",
                                          group="status_group", by="code", times=WAVES))
    k, m = len(missing), len(moved)
    lack, was = ("lacks", "was") if k == 1 else ("lack", "were")
    assert said["AttritionWarning"] == (
        f"{k} of 8 councils {lack} one or more of the time points ['expectations', 'early', 'longer_term'] in at "
        f"least one group and {was} left out there: only complete cases are tested."), said
    assert said["StatisticalWarning"].startswith(
        f"{m} of 8 councils {'was' if m == 1 else 'were'} seen at every time point but changed status_group between "
        "them"), said
    assert not any("(s)" in s or "(" in s for s in said.values()), said


def test_a_unit_column_that_is_no_word_is_counted_as_units():
    """A generic identifier column ('u') gives 'units'; a plural in -y is 'authorities'."""
    from impact.stats import change_over_time

    frame = _panel({2, 3}, set()).rename(columns={"council_id": "u"})
    said = _said(lambda: change_over_time(frame, outcome="share", time="wave", unit="u", by="code"))
    assert said["AttritionWarning"].startswith("2 of 8 units lack one or more of the time points"), said
    frame = _panel({2}, set()).rename(columns={"council_id": "local_authority"})
    said = _said(lambda: change_over_time(frame, outcome="share", time="wave", unit="local_authority", by="code"))
    assert said["AttritionWarning"].startswith("1 of 8 local authorities lacks one or more"), said


def test_the_caveat_on_small_groups_names_its_place_without_brackets_inside_brackets():
    """Planted: at one code and wave a status group holds one council, at the other code both hold four. The warning
    names that one comparison (code and wave), and the report puts the wave's label, brackets and all, in plain
    words: main set the tuple in brackets, which the labels' brackets then nested in."""
    from impact.report._format import report_provenance
    from impact.report._labels import Vocabulary
    from impact.stats import compare_groups

    rows = [{"council_id": f"C{c}", "code": code, "wave": "longer_term", "status_group": "a" if c < 4 else "b",
             "share": c % 3 / 2} for c in range(8) for code in ("morale", "learning")]
    frame = pd.DataFrame(rows)
    frame = frame[~((frame["code"] == "morale") & frame["council_id"].isin(["C0", "C1", "C2"]))]
    said = _said(lambda: compare_groups(frame, outcome="share", group="status_group", by=["code", "wave"],
                                        unit="council_id", method="permutation", n_resamples=99, seed=1))
    assert said["SmallSampleWarning"] == (
        "1 comparison has a group with fewer than two councils, the one at code ['morale'], wave ['longer_term'], "
        "and its test has little or no power."), said
    words = Vocabulary().with_waves({"longer_term": "Longer-term change (about 12 months after)"}).with_codes(
        {"morale": "Staff morale"})
    [(_, shown)] = [kv for kv in report_provenance({"statistical_warnings": [
        f"SmallSampleWarning: {said['SmallSampleWarning']}"]}, words) if kv[0] == "Statistical caveats"]
    assert shown == ("Small sample: 1 comparison has a group with fewer than two councils, the one at code staff "
                     "morale, wave longer-term change (about 12 months after), and its test has little or no power."), \
        shown
    assert _brackets_plain(shown)


def test_a_caveat_whose_labels_bring_brackets_is_set_without_nesting_or_asides_in_a_row():
    """Whatever a warning's wording, the provenance cell put into words has no bracket inside another and no two
    asides in a row: main's attrition warning, read with the study's wave labels, gave '... longer-term change (about
    12 months after) (in at least one group) ...', and its small-group warning '(e.g. ... (about 12 months after))'.
    The words are kept; an aside's own brackets become commas, and an aside after another joins it."""
    from impact.report._format import report_provenance
    from impact.report._labels import Vocabulary

    words = Vocabulary().with_waves({"early": "Early impact (about 3 months after)",
                                     "longer_term": "Longer-term change (about 12 months after)"})
    caveats = ["AttritionWarning: 3 units of 12 lack one or more of the time points ['early', 'longer_term'] (in at "
               "least one group) and were left out there (complete cases only).",
               "SmallSampleWarning: 6 comparisons have a group with fewer than two units (e.g. ('morale', "
               "'longer_term')); their tests have little or no power."]
    [(_, shown)] = [kv for kv in report_provenance({"statistical_warnings": caveats}, words)
                    if kv[0] == "Statistical caveats"]
    assert _brackets_plain(shown), shown
    # numbered: the second caveat holds a semicolon of its own (report truth round 34)
    assert shown == ("(1) Attrition: 3 units of 12 lack one or more of the time points early impact (about 3 months "
                     "after) and longer-term change (about 12 months after; in at least one group) and were left out "
                     "there (complete cases only); and (2) Small sample: 6 comparisons have a group with fewer than two "
                     "units (e.g. morale and longer-term change, about 12 months after); their tests have little or "
                     "no power."), shown
    # a single value, such as the command line, is shown as it was given, brackets and all
    command = "impact run 'study (copy) (2)' --out findings"
    assert dict(report_provenance({"command": command}))["Command"] == command


@pytest.fixture(scope="module")
def tiny_findings():
    """The hand-written tiny study (:func:`conftest.make_tiny_study`) analysed with the package's coder (99 resamples,
    seed 1): :func:`conftest.tiny_analysed`, the same analysis the other report truth rounds read, made once per
    process (this file made one of its own under another key)."""
    from conftest import tiny_analysed

    return tiny_analysed()


def test_the_agreement_tables_of_another_codebook_name_it_by_its_title(tiny_findings):
    """Planted: a hand check's kappas of two review-theme codes at each wave, the themes read by the package's coder.
    Their table was captioned 'codes of the review_themes codebook' (its identifier, put into words when rendered);
    it now names the codebook by its title, read here from the codebook's own file, as the provenance does."""
    import dataclasses

    from impact.coding import Codebook
    from impact.report._build import _Ctx, _other_books_within

    book = Codebook.load("review_themes")
    waves = tiny_findings.study.wave_ids
    rows = pd.DataFrame([{"codebook": book.id, "code": code, "wave": w, "metric": "cohen_kappa", "value": 0.5,
                          "ci_low": 0.1, "ci_high": 0.9, "n_units": 6, "n_segments": 6}
                         for code in book.code_ids[:2] for w in waves])
    f = dataclasses.replace(tiny_findings, reliability_by_wave=rows,
                            coding={**tiny_findings.coding, "machine_coded": {book.id: "rule coder"}})
    [table] = _other_books_within(_Ctx(f, False, 5, 5, None), "reliability_by_wave", "wave", waves, "at each wave",
                                  "wave")
    assert book.title == "Peer review themes"
    assert table.caption == "Agreement with the hand check at each wave, codes of the Peer review themes codebook"
    assert "for each code of the Peer review themes codebook, between the package's machine coder" in table.notes
    assert book.id not in table.caption + table.notes


def test_the_tiny_study_reports_the_council_that_missed_a_wave(tiny_findings):
    """The hand-written study: council 302's only participant was not interviewed at the last wave. The report's
    statistical caveats count it as 1 of 3 councils, recounted here from the study's interviews, in words without
    '(s)' and with plain brackets. Built with min_count 1: at the default every figure of the tiny study's change
    over time is c, and the caveat of those tests is withheld with them (round 37)."""
    import warnings

    from impact.pipeline import build_report
    from impact.report._format import report_provenance

    study = tiny_findings.study
    seen = study.interviews.groupby("council_id")["wave"].nunique()
    lacking = int((seen < len(study.wave_ids)).sum())
    assert lacking == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(tiny_findings, min_count=1)
    [(_, shown)] = [kv for kv in report_provenance(report.provenance, report.vocabulary)
                    if kv[0] == "Statistical caveats"]
    # the caveat names the figures it concerns, the tests of change across the waves (round 37)
    # in a reader's words, the waves by their labels (report truth round 41)
    assert (f"Attrition: The tests of change across the waves: {lacking} of the {len(seen)} councils was not "
            "interviewed, or had no coded interview, at one or more of the waves (expectations before the review, "
            "early impact and longer-term change), so it is left out of these tests") in shown, shown
    assert "(s)" not in shown and _brackets_plain(shown), shown


def test_the_caveat_on_few_councils_names_the_waves_it_holds_at(tiny_findings):
    """The summary's warning said comparisons rest on 'fewer than 10 in a status group at some waves' wherever one
    wave had so few: seeds 30411 (8 councils) and 30389 (20 councils) had fewer than 10 councils in intervention at
    every one of their 3 waves. The tiny study has 3 councils: one in intervention at the first two waves, none at the
    last (its notice lifted), so the warning names the first two; with 12 and 15 councils planted in the groups at the
    second wave, the first alone; with 3 in intervention planted at the last instead, every wave."""
    import dataclasses

    from impact.report._build import _caveats, _Ctx, _declare

    # the tiny study's comparisons are not made (one council in intervention): its caveat says why, in one aside
    [why] = [c for c in _caveats(_Ctx(tiny_findings, False, 5, 5, None)) if c.startswith("Councils are not compared")]
    assert why.startswith("Councils are not compared by intervention status (needs at least two councils in each "
                          "intervention group, in intervention or not, at the same wave), so "), why
    assert _brackets_plain(why), why
    # the warning on few councils, of the same study with its comparisons made
    ctx = _Ctx(dataclasses.replace(tiny_findings, not_computed={}), False, 5, 5, None)
    _declare(ctx)
    values = ctx.ledger.values
    counts = {w: [values.get(("councils_interviewed_group", w, g)) for g in ("intervention", "no_intervention")]
              for w in ctx.waves}
    assert counts == {"expectations": [1, 2], "early": [1, 2], "longer_term": [0, 2]}, counts

    def said():
        [text] = [c for c in _caveats(ctx) if c.startswith("Comparisons by intervention status")]
        return text

    assert "(fewer than 10 in a status group at expectations before the review and early impact)" in said(), said()
    values[("councils_interviewed_group", "early", "intervention")] = 12
    values[("councils_interviewed_group", "early", "no_intervention")] = 15
    assert "(fewer than 10 in a status group at expectations before the review)" in said(), said()
    values[("councils_interviewed_group", "early", "intervention")] = 1
    values[("councils_interviewed_group", "early", "no_intervention")] = 2
    values[("councils_interviewed_group", "longer_term", "intervention")] = 3
    assert "(fewer than 10 in a status group at every wave)" in said(), said()
