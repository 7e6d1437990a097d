"""Disclosure in small studies, round 49: what an intruder reads off a small study's outputs.

1. Which council took which optional review theme (participation, managing performance, productivity and
   innovation, commissioning) is public in its review letter, so a published statement naming an optional theme is
   tied to the councils that took it, wherever it is printed. A statement naming one is printed only where at least
   ``quote_k`` of the councils its place ties it to took the theme (the councils interviewed after the review for the
   quotes of "What people said", attributed as "Participant"; a column's group of councils in the framework matrix);
   else another statement is taken, and the suppression ledger counts those passed over.
   Planted truth: a generated study of 8 councils whose review scope is set (``reviews.csv``: 2 councils took
   commissioning, all 8 participation), each council saying at early impact that the optional theme it took did
   something for it (the 2 commissioning councils filed under morale, the others under partnership, no other
   statement of those impacts after the review) and at the longer-term wave a second such statement, filed under a
   review theme every council raises. On main both commissioning statements were quoted (each tied to 2 councils).
"""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

#: The statements planted, by the optional theme each names; {n} keeps each council's own.
_SAID = {
    "commissioning": ("Adding commissioning as an extra theme gave the whole team a real lift, number {n} of our wins.",
                      "Taking commissioning as our extra theme showed us how our partners actually work, lesson {n}."),
    "participation": ("Adding participation as an extra theme gave the whole team a real lift, number {n} of our wins.",
                      "Taking participation as our extra theme showed us how our partners actually work, lesson {n}."),
}
_THEME_WORDS = re.compile(r"\b(?:commissioning|participation)\b", re.IGNORECASE)


def _respondent_tag(text: str) -> str:
    return [line.split(":", 1)[0] for line in text.splitlines() if ":" in line and not line.startswith("INT:")][-1]


def _plant(n: int = 8, seed: int = 49002):
    from test_report_truth_round5 import _rebuilt

    from impact import segment
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=2, words_per_interview=120)
    councils = sorted(study.councils["council_id"].astype(str))
    took = {c: ("commissioning" if i < 2 else "participation") for i, c in enumerate(councils)}
    reviews = study.table("reviews").copy()
    core = ";".join(t for t in ("outcomes", "vision_strategy_leadership", "working_together_lscb",
                                "service_delivery_practice", "managing_resources"))
    reviews["themes"] = [core + ";participation" + (";commissioning" if took[str(c)] == "commissioning" else "")
                         for c in reviews["council_id"]]
    iv = study.interviews
    texts = {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"], strict=True)}
    planted = {}  # sentence -> (council, wave)
    for wave, which in (("early", 0), ("longer_term", 1)):
        for c in councils:
            first = iv[(iv["council_id"].astype(str) == c) & (iv["wave"] == wave)].sort_values("interview_id")
            if first.empty:
                continue
            path = first["transcript"].iloc[0]
            sentence = _SAID[took[c]][which].format(n=int(c))
            texts[path] = texts[path].rstrip("\n") + f"\n\n{_respondent_tag(texts[path])}: {sentence}\n"
            planted[sentence] = (c, wave)
    study = _rebuilt(study, {"reviews": reviews}, transcripts=texts)
    seg = segment(study)
    coded = truth.coded()
    later = coded["interview_id"].map(dict(zip(iv["interview_id"], iv["wave"], strict=True))).isin(
        ["early", "longer_term"])
    coded = coded[~(later & coded["code"].isin(["morale", "partnership"]))]  # the planted are those impacts' only
    rows = []
    for sentence, (c, wave) in planted.items():
        s = seg[seg["text"].str.strip() == sentence].iloc[0]
        code = ("morale" if took[c] == "commissioning" else "partnership") if wave == "early" else "working_together_lscb"
        rows.append({"interview_id": s["interview_id"], "start": s["start"], "end": s["end"], "code": code,
                     "polarity": "asserted", "attribution": "review" if wave == "early" else None, "coder": "person"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=pd.concat([coded, pd.DataFrame(rows)], ignore_index=True), n_resamples=99,
                           seed=1, parts=["framework"])
    return study, planted, took, findings


@pytest.fixture(scope="module")
def planted(optional_themes_planted):
    return optional_themes_planted  # made once per run by _plant: round 50 reads it too


def _printed(report):
    """Every statement the report prints, with where: ``(section or table, text, attribution or column)``."""
    from impact.report import Quote, Table

    out = []
    for s in report.sections:
        for b in s.blocks:
            if isinstance(b, Quote):
                out.append((s.title, b.text, b.attribution))
            elif isinstance(b, Table) and b.name.startswith("framework_"):
                for column in b.data.columns[1:]:
                    for cell in b.data[column].astype(str):
                        out += [(b.name, q, column) for q in re.findall("\u201c([^\u201d]+)\u201d", cell)]
    return out


@pytest.mark.parametrize("quote_k", [2, 3, 5])
def test_a_statement_naming_an_optional_theme_is_tied_to_quote_k_councils_that_took_it(planted, quote_k):
    """The intruder reads the optional theme a printed statement names, and the councils that took it (the review
    scope, planted), among those the statement's place ties it to: never fewer than ``quote_k``; a quote naming one
    is attributed as "Participant" (a finer label narrows the councils further); statements of the theme every council
    took are still printed where they can be; those passed over are in the suppression ledger."""
    import test_disclosure_round39 as r39
    import test_framework_disclosure as fw

    from impact.pipeline import build_report

    study, said, took, findings = planted
    interviewed = set(findings.themes.loc[findings.themes["interviewed"], "council_id"].astype(str))
    report, _ = build_report(findings, quote_k=quote_k, min_count=2)
    choosers = {theme: {c for c, t in took.items() if t == theme or theme == "participation"} for theme in _SAID}
    printed, named = _printed(report), 0
    for where, text, label in printed:
        for theme in {m.lower() for m in _THEME_WORDS.findall(text)}:
            named += 1
            place = fw._councils_of(label, study, interviewed) if where.startswith("framework_") else interviewed
            tied = choosers[theme] & place
            assert len(tied) >= quote_k, (where, text, label, sorted(tied))
            if not where.startswith("framework_"):
                assert label.split(";")[0] == "Participant", (text, label)
    planted_printed = {text for _, text, _ in printed if text in said}
    # the theme all 8 took is printed (non-vacuity); commissioning (2 councils) only where quote_k allows
    assert any(_SAID["participation"][0][:30] in t for t in planted_printed), planted_printed
    shown_2 = any(t.startswith(_SAID["commissioning"][0][:30]) for t in planted_printed)
    assert shown_2 == (quote_k <= 2), planted_printed
    ledger = r39._tables(report)["suppressions"]
    passed = ledger[ledger["reason"].astype(str).str.contains("optional_theme_named")]
    if quote_k > 2:  # the 2 commissioning councils' statements at least (at 2, those of a status group of 1 too)
        assert passed["withheld"].sum() >= 2, passed
    assert named > 0


#: (councils, seed): studies of five waves (the longer-term interviews held again a year on, and again), every council
#: interviewed at every wave and none in intervention, so the change table's count of councils is published.
FIVE_WAVES = [(6, 49011)]


def _five_waves(n: int, seed: int):
    from conftest import repeat_wave
    from test_disclosure_round48b import LATER

    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=2, words_per_interview=60, council_missing=0,
                                       participant_missing=0, participant_dropout=0, intervention_paths={"never": 1.0})
    coded = truth.coded()
    for wave, of, days, window in LATER:
        study, coded = repeat_wave(study, coded, of=of, wave=wave, label=wave.replace("_", " ").title(), days=days,
                                   window_days=window)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(study, coded=coded, n_resamples=99, seed=1, parts=["change"])


def _change_table(report):
    return next(b for s in report.sections for b in s.blocks if getattr(b, "name", "") == "change_over_time")


@pytest.mark.parametrize(("n", "seed"), FIVE_WAVES)
def test_the_change_table_says_which_p_is_exact_and_which_asymptotic(n, seed):
    """At five waves Friedman's exact p is beyond computation for some impacts of 6 councils: those rows show the
    chi-square p and say so ('chi-square' under p_method, and the note), the others 'exact'. Checked independently: a
    row marked 'chi-square' shows the chi-square p of its Friedman statistic (scipy's chi2.sf on 4 degrees of
    freedom), one marked 'exact' another p; and a chi-square p lies on no lattice of multiples of 1 / (5!)^(m - 1),
    so the intruder reading it as exact gets no bound from it."""
    import test_disclosure_round39 as r39
    from scipy import stats

    from impact.stats._change import _fewest_changing_units

    findings = once_per_worker(("round49-five-waves", n, seed), lambda: _five_waves(n, seed))
    change = findings.change.set_index("code")
    assert set(change["n_times"]) == {5} and set(change["n"]) == {n}
    report, _ = r39._report(findings)
    table = _change_table(report)
    data = table.data.set_index("impact")
    assert "p_method" in data.columns, list(data.columns)
    kinds = set()
    for code, row in data.iterrows():
        p = float(row["p_value"])
        chi_square = float(stats.chi2.sf(float(change.loc[code, "statistic"]), 4))
        kinds.add(row["p_method"])
        assert row["p_method"] == ("chi-square" if p == pytest.approx(chi_square, rel=1e-9) else "exact"), (code, p)
        if row["p_method"] == "chi-square":
            assert _fewest_changing_units(p, n_times=5) == 0, (code, p)
    assert kinds == {"exact", "chi-square"}, kinds  # both kinds in this study (the planted condition)
    assert "asymptotic p" in table.notes and "'chi-square'" in table.notes, table.notes


def test_no_asymptotic_p_or_its_kind_is_shown_beside_a_suppressed_count():
    """In round 48b's studies of four and five waves with both status groups suppressed (some of whose p-values are
    chi-square ones), the p-value method, like the p, is shown only beside a published count: that an exact p was
    beyond computation says a row rests on many changing councils."""
    import test_disclosure_intruder as intruder
    import test_disclosure_round39 as r39
    import test_disclosure_round48b as r48b

    asymptotic = 0
    for _, findings in r48b._studies():
        asymptotic += int((~findings.change["p_exact"].astype(bool)).sum())
        report, _ = r39._report(findings)
        table = intruder._downloaded(report)["change_over_time"]
        if "p_method" in table.columns:
            for count, method in zip(table["n_councils"], table["p_method"], strict=True):
                assert method in ("", "c") or count != "c", table
    assert asymptotic > 0  # the planted condition: some p was asymptotic
