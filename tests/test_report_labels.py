"""Tests for impact.report._labels: one vocabulary of labels for people."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

import impact
from impact.report import Report, Section, Table, Vocabulary, data_dictionary
from impact.report._labels import Label, find_machine_names, humanise

WAVES = {"expectations": "Expectations before the review", "early": "Early impact (about 3 months after)",
         "longer_term": "Longer-term change (about 12 months after)"}


@pytest.fixture
def vocabulary() -> Vocabulary:
    return Vocabulary().with_waves(WAVES).with_codes({"commitment": "Increased commitment", "morale": "Staff morale"})


def _fitted_terms(rng, *, formula: str, categories: list[str]) -> list[str]:
    """The term names statsmodels itself gives a model with waves in study order (patsy drops the first)."""
    n = 120
    frame = pd.DataFrame({
        "wave": pd.Categorical(rng.choice(categories, n), categories=categories),
        "in_intervention": rng.random(n) < 0.4,
        "y": rng.normal(size=n),
    })
    return list(smf.ols(formula, frame).fit().params.index)


def test_model_terms_are_contrasts_against_the_level_the_model_left_out(rng, vocabulary):
    terms = _fitted_terms(rng, formula="y ~ C(wave) + in_intervention", categories=list(WAVES))
    assert terms == ["Intercept", "C(wave)[T.early]", "C(wave)[T.longer_term]", "in_intervention[T.True]"]
    labels = [vocabulary.term(t, terms=terms) for t in terms]
    assert labels == ["Intercept", "Early impact vs expectations before the review",
                      "Longer-term change vs expectations before the review", "In intervention vs not"]
    # Another reference, chosen by the modeller: named in the term itself.
    named = _fitted_terms(rng, formula="y ~ C(wave, Treatment('early'))", categories=list(WAVES))
    assert [vocabulary.term(t, terms=named) for t in named[1:]] == [
        "Expectations before the review vs early impact", "Longer-term change vs early impact"]
    # Waves in another order in the model: the reference is the level no term names, not the study's first.
    other = _fitted_terms(rng, formula="y ~ C(wave)", categories=["early", "expectations", "longer_term"])
    assert vocabulary.term(other[1], terms=other) == "Expectations before the review vs early impact"


def test_interactions_and_unknown_factors_read_as_words(vocabulary):
    both = vocabulary.term("C(wave)[T.early]:in_intervention[T.True]",
                           terms=["C(wave)[T.early]", "C(wave)[T.longer_term]"])
    assert both == "Early impact vs expectations before the review, by in intervention vs not"
    assert vocabulary.term("C(region)[T.north_east]") == "Region: north east vs reference"
    assert vocabulary.term("score") == "Score"
    assert vocabulary.term("Group Var") == "Between-council variance"
    assert not find_machine_names(vocabulary.term("C(council_type)[T.london_borough]:n_interviews"))


def test_columns_values_and_units(vocabulary):
    assert vocabulary.column("cin_rate").header == "Children in need (per 10,000 children)"
    assert vocabulary.column("rereferral_pct").header == "Re-referrals within 12 months (% of referrals)"
    assert vocabulary.column("p_adjusted").format == "p" and vocabulary.column("n_councils").format == "int"
    assert vocabulary.column("median_longer_term").text == "Median, longer-term change"
    assert vocabulary.column("persistence_faded").text == "Persistence: faded"
    assert vocabulary.column("new_measure_per_10k").header == "New measure (per 10,000 children)"
    assert vocabulary.column("n_councils_not_seen").text == "Councils not seen"
    assert vocabulary.value("wave", "longer_term") == WAVES["longer_term"]
    assert vocabulary.value("impact", "morale") == "Staff morale"
    assert vocabulary.value("adjust", "holm") == "Holm" and vocabulary.value("test", "wilcoxon") == "Wilcoxon signed-rank test"
    assert vocabulary.value("group", "no_intervention") == "Not in intervention"
    assert vocabulary.value("measure", "cpp_rate") == "Children on a child protection plan (per 10,000 children)"
    assert vocabulary.value("quote", "We changed the threshold_document.") == "We changed the threshold_document."


def test_prose_turns_reprs_and_identifiers_into_words(vocabulary):
    text = ("AttritionWarning: 96 of 150 councils lack one or more of the time points ['expectations', 'early', "
            "'longer_term'] and were left out; see n_participants.")
    out = vocabulary.prose(text)
    assert out == ("Attrition: 96 of 150 councils lack one or more of the time points expectations before the review, early "
                   "impact (about 3 months after) and longer-term change (about 12 months after) and were left out; "
                   "see participants.")
    assert find_machine_names(out) == []
    # Files, options and web addresses are left as they are.
    assert vocabulary.prose("See tables/data_dictionary.csv and --min-count.") == "See tables/data_dictionary.csv and --min-count."


def test_humanise_and_detector():
    assert humanise("n_councils_missing") == "Councils missing"
    assert humanise("study_hash") == "Study hash"
    assert find_machine_names("p_value ('a', 'b') C(x)[T.y]") == ["C(x)[T.y]", "p_value", "('a', 'b')"]
    # a column's suffix explained in a table's note (the comparisons table said "_a: Not in intervention")
    assert find_machine_names("_a: Not in intervention; _b: In intervention. A [pause] - so") == ["_a", "_b"]


def test_vocabulary_for_the_example_study():
    study = impact.load_study(impact.example_path(), validate=False)  # validate=False: read, not checked (tests/test_example.py checks it loads)
    from impact.coding import Codebook

    book = Codebook.load(study.codebook_ref)
    v = Vocabulary.for_study(study, book)
    assert v.order("wave") == study.wave_ids
    assert v.order("code") == list(book.codes["code_id"])
    first, second = study.wave_ids[:2]
    label = dict(zip(study.waves["wave"], study.waves["label"], strict=True))
    assert v.term(f"C(wave)[T.{second}]", terms=[f"C(wave)[T.{second}]"]).startswith(label[second].split(" (")[0])
    assert v.term(f"C(wave)[T.{second}]").endswith(label[first].split(" (")[0].lower())


def test_sort_puts_waves_in_study_order_and_codes_in_codebook_order(rng, vocabulary):
    pairs = [(w, c) for w in WAVES for c in ("morale", "commitment")]
    frame = pd.DataFrame([pairs[k] for k in rng.permutation(len(pairs))], columns=["wave", "code"])
    frame["x"] = np.arange(len(frame))
    out = vocabulary.sort(frame, ["code", "wave"])
    assert out["code"].tolist() == ["commitment"] * 3 + ["morale"] * 3
    assert out["wave"].tolist() == list(WAVES) * 2
    assert sorted(out["x"]) == list(range(6)) and frame.index.is_monotonic_increasing  # nothing lost, input untouched
    labelled = frame.assign(wave=frame["wave"].map(WAVES))
    assert vocabulary.sort(labelled, ["wave"])["wave"].drop_duplicates().tolist() == list(WAVES.values())
    with pytest.raises(ValueError, match="'wav': it is not a column"):
        vocabulary.sort(frame, ["wav"])


def test_table_labels_override_the_vocabulary_and_are_checked():
    data = pd.DataFrame({"n_a": [3], "median_a": [0.5]})
    t = Table("t", data, "T", labels={"n_a": Label("Councils not in intervention", description="Group A")})
    report = Report("R", "", {}, [Section("S", [t])], vocabulary=Vocabulary().with_waves(WAVES))
    dictionary = data_dictionary(report)
    assert dictionary[["column", "label"]].values.tolist() == [
        ["n_a", "Councils not in intervention"], ["median_a", "Median, first group"]]
    assert dictionary["description"].iloc[0] == "Group A"
    with pytest.raises(ValueError, match="`labels` names 'n_b', which is not a column"):
        Table("t", data, "T", labels={"n_b": "x"})
    with pytest.raises(ValueError, match="non-empty str or a Label"):
        Table("t", data, "T", labels={"n_a": ""})
    with pytest.raises(TypeError, match="Report.vocabulary"):
        Report("R", vocabulary={"n_a": "x"})


def test_data_dictionary_describes_every_csv_column(rng):
    prevalence = pd.DataFrame({"wave": list(WAVES), "n_councils": [12, "c", 7], "prevalence": [0.5, "c", 0.25],
                               "ci_low": [0.3, "c", 0.1], "ci_high": [0.7, "c", 0.5]})
    from impact.report import CI

    report = Report("R", "", {}, [Section("S", [Table("prevalence", prevalence, "P",
                                                      columns_format={"CI": CI("ci_low", "ci_high", percent=True)})])])
    d = data_dictionary(report)
    assert d["column"].tolist() == list(prevalence.columns) and set(d["table"]) == {"prevalence"}
    rows = d.set_index("column")
    assert rows.loc["prevalence", "unit"] == "%" and rows.loc["ci_low", "label"] == "95% CI, lower"
    assert "c = suppressed" in rows.loc["n_councils", "description"]
    assert rows.loc["n_councils", "format"] == "whole number"
