"""Report truth, round 32: round 31's open items (a list of lists of lists in the summary's sentence on many changes;
'2000' resamples beside '999' reassignments in About this report), and whole reports read on new seeds (32301, 6
councils; 32302, 15 councils, null; 32303, 9 councils, one alone in intervention; 32304, 30 councils, notices issued
and lifted mid-study; 32305, 90 councils, 2 interviews of 200 words a wave; 32306, 8 councils, machine-coded). Each
test is built from the tiny study or planted values, not from one seed's numbers."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd
import pytest


@pytest.fixture(scope="module")
def tiny_findings():
    """The hand-written tiny study (:func:`conftest.make_tiny_study`) analysed with the package's coder."""
    from conftest import tiny_analysed

    return tiny_analysed()


def _models(ctx, planted: dict[tuple[str, str], float]) -> pd.DataFrame:
    """A models table of every impact at every later wave, each change's log odds ``planted[(code, wave)]`` (Holm
    p 0.001) or none (p 0.9), 30 councils."""
    rows = []
    for w in ctx.later:
        for c in ctx.codes:
            b = planted.get((c, w), 0.05)
            p = 0.001 if (c, w) in planted else 0.9
            rows.append({"code": c, "measure": "reported", "term": f"wave_{w}", "estimate": b, "se": 0.2,
                         "ci_low": b - 0.4, "ci_high": b + 0.4, "p_value": p, "p_adjusted": p, "n_units": 30,
                         "separation": False, "few_events": False, "estimator": "gee", "n_units_intervention": 15,
                         "n_units_no_intervention": 15})
    return pd.DataFrame(rows)


def _split(text: str, waves: list[str]) -> list[tuple[str, list[str], str]]:
    """A list of lists read back by the house rules alone: groups numbered '(k) ' where numbered, else set off by
    semicolons; a group is 'at <waves> <list> reported <more|less> often' (``waves``: the waves' names, as a reader
    knows them); a numbered group's list is set off by semicolons ('; and' before the last; none: one item), else by
    commas and ' and ' before the last."""
    numbered = text.startswith("(1) ")
    groups = re.split(r"(?:;(?: and)? )?\(\d+\) ", text)[1:] if numbered else re.split(r"; (?:and )?", text)
    name = "|".join(map(re.escape, waves))
    out = []
    for g in groups:
        m = re.fullmatch(rf"at ((?:both |each of |either )?(?:{name})(?:(?:, | and )(?:{name}))*) (.+?) reported "
                         r"(more|less) often", g)
        assert m, (g, text)
        waves, items, d = m.groups()
        if numbered:
            parts = re.split(r"; (?:and )?", items)
        else:
            head, _, last = items.rpartition(" and ")
            parts = [*(head.split(", ") if head else []), last]
        out.append((waves, parts, d))
    return out


# --------------------------------------------------------------------------- 1. a list of lists of lists
@pytest.mark.parametrize("seed", range(4))
def test_many_changes_read_back_into_their_waves_directions_and_impacts(tiny_findings, seed):
    """Round 31's open item: with more changes than the sentence gives figures for, the summary grouped them by wave,
    each wave's list a list per direction, each of those a list of impacts: 'at early impact increased commitment ...;
    development of ideas, plans and actions; and promotion of learning ... reported more often; and staff morale ...
    reported less often', in which the innermost lists share semicolons with the middle ones and no reader can tell
    where one direction's impacts end. Planted (drawn with the seed): for every impact a change at some later waves,
    more or less often, at least five in all, one label with commas of its own. The sentence must read back, by the
    house rules alone, into exactly the planted waves, directions and impacts."""
    from impact.report._build import _change_sentences, _Ctx

    base = _Ctx(tiny_findings, False, 5, 5, None)
    rng = np.random.default_rng(32300 + seed)
    comma = next(c for c in base.codes if "," in base.code(c))
    while True:
        planted = {}
        for c in base.codes:
            sign = rng.choice([-1.0, 1.0])
            for w in base.later:
                if rng.random() < 0.6:
                    planted[(c, w)] = sign * 1.2
        signs = {np.sign(b) for b in planted.values()}
        if len(planted) >= 5 and len(signs) == 2 and any(c == comma for c, _ in planted):
            break
    f = dataclasses.replace(tiny_findings, models=_models(base, planted),
                            coding={**tiny_findings.coding, "source": "supplied"})
    ctx = _Ctx(f, False, 5, 5, None)
    [said] = [s for s in _change_sentences(ctx, {}) if s.startswith("Compared with")]
    tail = said.partition("the models show ")[2]
    m = re.match(r"(.*? reported (?:more|less) often)(?: \([^)]*\))?, adjusted across", tail)
    assert m, said
    short = {ctx.short_wave(w).lower(): w for w in ctx.later}

    def waves(text: str) -> tuple[str, ...]:
        text = re.sub(r"^(?:both|each of|either) ", "", text)
        return tuple(short[w] for w in re.split(r", | and ", text))

    got = {}
    for at, items, d in _split(m.group(1), list(short)):
        for item in items:
            for w in waves(at):
                assert (item, w) not in got, said
                got[(item, w)] = d
    want = {(ctx.code(c).lower(), w): "more" if b > 0 else "less" for (c, w), b in planted.items()}
    assert got == want, said


def test_a_difference_by_status_not_confirmed_names_each_direction_s_impacts_unambiguously(tiny_findings):
    """The machine-coded differences by status that are no finding were joined as one list of phrases: 'increased
    commitment ...; development of ideas, plans and actions; and promotion of learning reported more often; and
    staff morale reported less often', two levels set off by the same semicolons. Planted: three impacts reported
    more often (one label with commas of its own) and one less often; the sentence reads back into the two
    directions and their impacts."""
    from impact.report._build import _Ctx, _unconfirmed_differences

    ctx = _Ctx(tiny_findings, False, 5, 5, None)
    comma = next(c for c in ctx.codes if "," in ctx.code(c))
    plain = [c for c in ctx.codes if c != comma]
    more, less = [plain[0], comma, plain[1]], [plain[2]]
    order = {c: i for i, c in enumerate(ctx.codes)}
    rows = pd.DataFrame([{"code": c, "estimate": 1.0 if c in more else -1.0} for c in sorted(more + less, key=order.get)])
    said = _unconfirmed_differences(ctx, rows, {}, also=False)
    shows = said.partition("shows ")[2].partition(" by participants in councils in intervention")[0]
    numbered = shows.startswith("(1) ")
    assert numbered, said
    groups = re.split(r"(?:;(?: and)? )?\(\d+\) ", shows)[1:]
    got = {}
    for g in groups:
        items, _, d = g.rpartition(" reported ")
        got[d.removesuffix(" often")] = set(re.split(r"; (?:and )?", items))
    assert got == {"more": {ctx.code(c).lower() for c in more}, "less": {ctx.code(c).lower() for c in less}}, said


# --------------------------------------------------------------------------- 2. resamples and reassignments
def test_about_this_report_writes_counts_with_separators_and_says_why_the_reassignments_differ():
    """About this report listed 'Resamples per permutation test: 2000' beside 'Random reassignments per randomisation
    test of an indicator: 999': a four-digit count without the separator every other count in the report has
    ('2,000 resamples' in the methods), and two numbers for the tests with nothing to say why. Counts now read as the
    prose writes them, identifiers (the seed) as typed, and the reassignments' label gives the cap and its cause."""
    from impact._limits import INDICATOR_REASSIGNMENTS_MAX
    from impact.report._format import report_provenance

    resamples = 2 * INDICATOR_REASSIGNMENTS_MAX + 2
    items = dict(report_provenance({"parameters": {"seed": 32301, "n_resamples": resamples,
                                                   "n_reassignments": INDICATOR_REASSIGNMENTS_MAX},
                                    "min_count": 1000, "coded_hash": "e4b7b951"}))
    assert items["Parameters: resamples per permutation test"] == f"{resamples:,}" and "," in f"{resamples:,}"
    assert items["Parameters: random seed"] == "32301"  # an identifier, typed as --seed 32301
    assert items["Smallest count published"] == "1,000"
    [label] = [k for k in items if "reassignments" in k]
    assert items[label] == f"{INDICATOR_REASSIGNMENTS_MAX:,}"
    assert f"at most {INDICATOR_REASSIGNMENTS_MAX:,}" in label and "resamples per permutation test" in label, label
    # the supplied codings' fingerprint in words, as the study's and the codebook's are ('Coded hash' before)
    assert [k for k, v in items.items() if v == "e4b7b951"] == ["Supplied codings fingerprint (SHA-256)"], items


def test_the_methods_say_why_the_indicators_tests_use_fewer_reassignments(tiny_findings):
    """The methods line read 'permutation tests with 2,000 resamples (seed 0; the indicators' randomisation tests:
    999 random reassignments)': two numbers, no reason. Planted: indicator tests of 999 random reassignments in a run
    of 2,000 resamples; the line says that is the most the analysis uses, and why. With 500 resamples (not capped)
    there is nothing to add."""
    from impact._limits import INDICATOR_REASSIGNMENTS_MAX
    from impact.report._build import _Ctx, _indicator_reassignments

    effects = pd.DataFrame({"measure": ["a", "b"], "ri_p_value": [0.2, 0.5], "ri_n": INDICATOR_REASSIGNMENTS_MAX,
                            "ri_exact": False})
    for resamples, capped in ((2000, True), (INDICATOR_REASSIGNMENTS_MAX, False)):
        f = dataclasses.replace(tiny_findings, indicator_effects=effects, review_indicator_effects=None,
                                parameters={**tiny_findings.parameters, "n_resamples": resamples})
        said = _indicator_reassignments(_Ctx(f, False, 5, 5, None))
        if not capped:
            assert said == "", said
            continue
        assert f"{INDICATOR_REASSIGNMENTS_MAX:,} random reassignments, the most the analysis uses" in said, said
        assert "re-estimates every cohort's effects" in said, said


def test_a_range_of_odds_ratios_whose_ends_print_alike_is_one_figure(tiny_findings):
    """'(9 changes: odds ratios from 3.32 to 3.32 for the 5 reported more often ...)': a range whose ends print the
    same is no range. Planted: five changes of one size at each later wave, more often (and, in a second case, two
    of another size less often); the figure is given once, as each change's."""
    from impact.report._build import _change_sentences, _Ctx

    base = _Ctx(tiny_findings, False, 5, 5, None)
    for falls in (0, 2):
        planted = {(c, w): (-0.9 if k < falls else 1.2) for k, c in enumerate(base.codes[:5]) for w in base.later}
        f = dataclasses.replace(tiny_findings, models=_models(base, planted),
                                coding={**tiny_findings.coding, "source": "supplied"})
        ctx = _Ctx(f, False, 5, 5, None)
        [said] = [s for s in _change_sentences(ctx, {}) if s.startswith("Compared with")]
        assert not re.search(r"from (\d+\.\d\d) to \1\b", said), said
        assert f"odds ratios of {np.exp(1.2):.2f} each" in said, said
        if falls:
            assert f"odds ratios of {np.exp(-0.9):.2f} each for the {falls * len(ctx.later)} reported less often" in said


def test_the_impacts_that_did_not_change_between_the_later_waves_are_a_sentence_of_their_own(tiny_findings):
    """Seed 32304 (30 councils): 'Between early impact and longer-term change, the models show a reported less often
    (...); b reported less often (...); and revision of policies, processes and systems reported less often (...),
    adjusted across the 6 impacts modelled (Holm); they show no significant change ... in development of ideas, plans
    and actions; and e': the impacts that did not change were one more item of the list of those that did, set off
    by the same semicolons. Planted: three impacts (one label with commas) falling between the later waves, the
    others not; the impacts that did not change are named in a sentence of their own, and the list of those that did
    reads back into exactly the three."""
    from impact.report._build import _Ctx, _since_first_after, _since_terms

    base = _Ctx(tiny_findings, False, 5, 5, None)
    [term] = _since_terms(base)
    comma = next(c for c in base.codes if "," in base.code(c))
    fell = [c for c in base.codes if c != comma][:2] + [comma]
    models = pd.DataFrame([{"code": c, "measure": "reported", "term": term, "estimate": -1.0 if c in fell else 0.1,
                            "se": 0.2, "ci_low": -1.4 if c in fell else -0.3, "ci_high": -0.6 if c in fell else 0.5,
                            "p_value": 0.001 if c in fell else 0.8, "p_adjusted": 0.004 if c in fell else 0.8,
                            "n_units": 30, "separation": False, "few_events": False, "estimator": "gee",
                            "n_units_intervention": 15, "n_units_no_intervention": 15} for c in base.codes])
    f = dataclasses.replace(tiny_findings, models=models, coding={**tiny_findings.coding, "source": "supplied"})
    ctx = _Ctx(f, False, 5, 5, None)
    [said] = _since_first_after(ctx, {})
    changed, _, rest = said.partition(", adjusted across the ")
    assert re.match(r"\d+ impacts modelled \(Holm\)\. They show no significant change ", rest), said  # not '; they'
    first = changed.partition("the models show ")[2]
    items = re.split(r"; (?:and )?", first)
    assert [i.partition(" reported less often")[0] for i in items] == [ctx.code(c).lower() for c in base.codes
                                                                      if c in fell], said


def test_the_hand_check_s_kappas_by_wave_and_the_impacts_without_one_read_apart(tiny_findings):
    """Why a machine-coded change is no finding listed the hand check's lowest kappa at a wave for each impact, set
    off by semicolons (a label with commas of its own), then joined 'and it gives no kappa at every wave for ...' to
    that list by one more semicolon: '0.41 for a; 0.52 for development of ideas, plans and actions; and 0.60 for c;
    and it gives no kappa at every wave for d and e', a list of lists whose two levels share their semicolons.
    Planted: a hand check with kappas at every wave for three impacts (one with commas) and at one wave only for two;
    the clause reads back into its two parts, the first into exactly the three impacts and their lowest kappas."""
    from impact.report._build import _alike_at_every_wave, _Ctx

    base = _Ctx(tiny_findings, False, 5, 5, None)
    comma = next(c for c in base.codes if "," in base.code(c))
    plain = [c for c in base.codes if c != comma]
    lowest = {plain[0]: 0.41, comma: 0.52, plain[1]: 0.6}
    partial = plain[2:4]
    rows = [{"code": c, "metric": "cohen_kappa", "value": k + 0.1 * j, "wave": w}
            for c, k in lowest.items() for j, w in enumerate(base.waves)]
    rows += [{"code": c, "metric": "cohen_kappa", "value": 0.5, "wave": base.waves[0]} for c in partial]
    by_wave = pd.DataFrame(rows)
    f = dataclasses.replace(tiny_findings, reliability=by_wave.drop(columns="wave"), reliability_by_wave=by_wave)
    ctx = _Ctx(f, False, 5, 5, None)
    codes = [c for c in base.codes if c in lowest or c in partial]
    said = _alike_at_every_wave(ctx, codes, "these impacts", "the coder")
    clauses = said.partition("): ")[2]
    assert clauses.startswith("(1) "), said
    first, second = re.split(r"(?:;(?: and)? )?\(\d+\) ", clauses)[1:]
    items = re.split(r"; (?:and )?", first.removeprefix("the lowest kappa at a wave is "))
    assert items == [f"{lowest[c]:.2f} for {ctx.code(c).lower()}" for c in base.codes if c in lowest], said
    assert second.startswith("it gives no kappa at every wave for ")
    rest = second.removeprefix("it gives no kappa at every wave for ")
    assert set(re.split(r"; (?:and )?" if ";" in rest else r", | and ", rest)) == {
        ctx.code(c).lower() for c in partial}, said


def test_the_coder_s_weak_reading_is_not_joined_to_the_hand_check_s_list(tiny_findings):
    """The machine-coded change that is no finding ended '... and the hand check ... (...): (1) the lowest kappa at a
    wave is ...; and (2) it gives no kappa ...; and the coder's F1 on real text is below 0.70 for ...': the reason of
    the coder's accuracy read as a third part of the hand check's clause. Planted: every impact reported more often
    at each later wave (Holm p 0.001), a hand check as above, one impact read with F1 0.50; the F1 is said in a
    sentence of its own."""
    from impact.report._build import _change_sentences, _Ctx

    base = _Ctx(tiny_findings, False, 5, 5, None)
    comma = next(c for c in base.codes if "," in base.code(c))
    plain = [c for c in base.codes if c != comma]
    rows = [{"code": c, "metric": "cohen_kappa", "value": k, "wave": w}
            for c, k in {plain[0]: 0.41, comma: 0.52, plain[1]: 0.6}.items() for w in base.waves]
    rows += [{"code": c, "metric": "cohen_kappa", "value": 0.5, "wave": base.waves[0]} for c in plain[2:]]
    by_wave = pd.DataFrame(rows)
    f = dataclasses.replace(tiny_findings, models=_models(base, {(c, w): 1.0 for c in base.codes for w in base.later}),
                            reliability=by_wave.drop(columns="wave"), reliability_by_wave=by_wave)
    ctx = _Ctx(f, False, 5, 5, None)
    [said] = [s for s in _change_sentences(ctx, {plain[0]: 0.5}) if "the machine coding shows" in s]
    assert "(2) it gives no kappa at every wave" in said, said
    assert "; and the coder's F1" not in said and ". In addition, the coder's F1 on real text is below 0.70 for " in said, said


def test_the_models_notes_describe_no_figures_of_a_suppressed_intervention_contrast(tiny_findings):
    """Seed 32307 (9 councils, one in intervention at some waves): the intervention contrast was suppressed (c) on
    every row of the models table, and its notes still said 'The model gave no finite standard error for the
    intervention contrast of ..., so no interval is shown for them' and counted those contrasts among those resting
    on few events ('their odds ratios and intervals are unstable'), of cells that hold c. Planted: every status contrast with one council on a side, tested by
    randomisation, two with no standard error and resting on few events; a wave contrast on few events too. The notes
    say the contrast is suppressed and describe no figure of it; the wave contrast's note stays."""
    from impact.report import Table
    from impact.report._build import _Ctx
    from impact.report._build import _models as models_section

    base = _Ctx(tiny_findings, False, 5, 5, None)
    later = f"wave_{base.later[0]}"
    rows = []
    for k, c in enumerate(base.codes):
        for t in ("in_intervention", later):
            status = t == "in_intervention"
            rows.append({"code": c, "measure": "reported", "term": t, "estimate": 0.5, "se": np.nan if status and k < 2
                         else 0.3, "ci_low": -0.1, "ci_high": 1.1, "p_value": 0.2, "p_adjusted": 0.6, "n_units": 12,
                         "separation": False, "few_events": (status and k < 2) or (not status and k == 0),
                         "estimator": "gee", "p_method": "randomisation" if status else "model", "ri_n": 12,
                         "ri_exact": True, "n_units_intervention": 1, "n_units_no_intervention": 11})
    f = dataclasses.replace(tiny_findings, models=pd.DataFrame(rows))
    ctx = _Ctx(f, False, 5, 5, None)
    [table] = [b for b in models_section(ctx).blocks if isinstance(b, Table) and b.name == "gee_models"]
    notes = table.notes
    assert "The intervention contrast is suppressed (c)" in notes, notes
    for said in ("no interval is shown", "in intervention against not"):
        assert said not in notes, (said, notes)
    first = base.short_wave(base.waves[0]).lower()
    assert f"{base.short_wave(base.later[0]).lower()} against {first} for {base.code(base.codes[0]).lower()}" in notes, notes
