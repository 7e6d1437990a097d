"""Disclosure in small studies, round 48: what two published outputs give together.

1. The framework matrix by group ties its statements to a group of at least ``quote_k`` councils, but a cell's
   statements come from the councils that raised its theme, not from the whole group. Under a count of
   'c councils' (1 to 4 of a group of 6) they were those few councils' words, published beside the count that said
   how few: with the review's scope (which councils added an optional theme is in their review letters) "We added
   commissioning as an extra theme because we knew it was a weak spot" and "I'm head of safeguarding at the clinical
   commissioning group" were tied to the 2 councils of 6 that chose commissioning (``impact synth --councils 6
   --seed 4811``). A cell now shows statements only beside a published count of at least ``quote_k`` councils (so
   that their presence tells nothing of a suppressed count either); the ledger counts those withheld.
   Planted truth: the 8-council study of tests/test_framework_disclosure.py, each statement planted in one council
   under one theme (every council raises one theme, 4 councils each the second or the third).
2. The trajectory tables count the same participants' codings as the prevalence tables, and the ledger did not know:
   the participants reporting an impact at early impact are the table of sustained impact's sustained and faded and
   those seen at early impact only; at the longer-term wave, sustained and emerging and those seen there only; those
   anticipating it at the first wave, the realisation table's realised and unmet and those not seen at every wave.
   Where the sample shows every participant seen at every wave, the intruder reads each margin exactly: in a
   generated study of 6 councils, none in intervention, every participant interviewed at every wave (seed 48001),
   the sustained cell of commitment (c) was its 10 reporting it at early impact less the 6 faded shown beside it, 4,
   and most of the table's other hidden cells followed. The ledger now declares these ties (where the recomputed
   trajectories give the tables' own cells: no tie is guessed). The intruder: each table's row, its hidden cells
   enumerated against the row's total (the participants, from the sample), its incomplete (at least the most
   participants missed at one of its waves, at most all missed: 0 where none was) and the prevalence margins;
   planted truth: the analysis's own counts. On main it pins 20, 17 and 15 hidden counts of 1 to 4 in the three
   studies.
"""

from __future__ import annotations

import warnings

import pytest
import test_framework_disclosure as fw
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")


def _planted():
    return once_per_worker(("framework-disclosure", 4401), fw._plant)


@pytest.mark.parametrize(("quote_k", "min_count"), [(5, 2), (3, 5), (2, 5)])
def test_a_framework_statement_is_shown_only_beside_a_published_count_of_quote_k(quote_k, min_count):
    """Every planted statement the matrix shows is in a cell whose theme at least ``quote_k`` councils of the column's
    group raised (planted truth), beside that count published; each statement of a cell with fewer, or with its count
    suppressed, is withheld and counted in the suppression ledger."""
    import test_disclosure_round39 as r39

    from impact.pipeline import build_report

    study, statements, findings = _planted()
    interviewed = set(findings.themes.loc[findings.themes["interviewed"], "council_id"].astype(str))
    report, _ = build_report(findings, quote_k=quote_k, min_count=min_count)
    shown, hidden = 0, 0
    for t in fw._framework_tables(report):
        for column in t.data.columns[1:]:
            group = fw._councils_of(column, study, interviewed)
            for label, cell in zip(t.data["theme"], t.data[column], strict=True):
                theme = fw._theme_code(label)
                raised = {cid for cid, th in statements.values() if th == theme and cid in group}
                mine = [text for text, (cid, th) in statements.items() if th == theme and cid in group]
                here = [text for text in mine if fw._snippet(text) in cell]
                if len(raised) >= max(quote_k, min_count):
                    shown += len(here)
                    continue
                assert not here, (column, label, len(raised), cell)
                hidden += bool(raised)
    assert shown > 0  # the theme every council raised still shows its statements
    ledger = r39._tables(report)["suppressions"]
    withheld = ledger[ledger["table"].astype(str).str.startswith("Framework matrix")
                      & (ledger["reason"].astype(str).str.startswith("few_councils_quoted"))]
    assert (withheld["withheld"].sum() > 0) == (hidden > 0), (hidden, withheld)


MIN_COUNT = 5  # the report's default --min-count
#: (councils, seed): the same participants interviewed at every wave, no council in intervention
FULL = [(6, 48001), (5, 48503), (7, 48711)]
_WAVES = ("expectations", "early", "longer_term")
#: each margin: (the trajectory table, the prevalence table and the wave its count is read at, the table's columns
#: whose participants had the impact or expectation there)
_MARGINS = (("persistence", "prevalence", "early", ("n_sustained", "n_faded")),
            ("persistence", "prevalence", "longer_term", ("n_sustained", "n_emerging")),
            ("realisation", "expectations", "expectations", ("n_realised", "n_unmet_expectation")))


def _full(n: int, seed: int):
    from impact.pipeline import analyse, build_report
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=3, words_per_interview=120,
                                       participant_missing=0, council_missing=0, intervention_paths={"never": 1.0})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=[])
        report, _ = build_report(findings)
    return findings, report


def _published(v) -> int | None:
    return None if isinstance(v, str) else int(v)


def _compositions(total: int, parts: int):
    """Every way of writing ``total`` as ``parts`` counts (0 or more), in order."""
    if parts == 1:
        yield (total,) if total >= 0 else ()
        return
    for first in range(max(total, -1) + 1):
        for more in _compositions(total - first, parts - 1):
            if more:
                yield (first, *more)


def _recover(tables: dict) -> dict:
    """What the intruder pins of each trajectory table's cells: ``{(table, impact, column): value}``.

    A row's cells add up to the participants (the sample's interviewed and not interviewed at a wave). Its
    incomplete are those not seen at one of its waves (at least the most missed at one, at most all missed), so those seen at a wave but not in the row's other cells are
    the wave's participants less the rest; the participants with the impact at the wave (the prevalence table's
    groups added, where all are published) are the row's cells of that margin and at most those others."""
    attrition = tables["attrition"].set_index("wave")
    totals = {_published(a) + _published(b) for a, b in zip(attrition["n_participants_interviewed"],
                                                            attrition["n_participants_missing"], strict=True)
              if _published(a) is not None and _published(b) is not None}
    if not totals:
        return {}
    people = totals.pop()
    out = {}
    for name in ("persistence", "realisation"):
        table = tables[name]
        cells = [c for c in table.columns if c.startswith("n_")]
        for row in table.to_dict("records"):
            margins = []
            for kind, source, wave, columns in _MARGINS:
                prev = tables[source]
                prev = prev[(prev["impact"] == row["impact"]) & (prev["wave"] == wave)] if "wave" in prev else \
                    prev[prev["impact"] == row["impact"]]
                counts = [_published(v) for v in prev["n_with"]]
                seen = _published(attrition.loc[wave, "n_participants_interviewed"])
                if kind == name and len(counts) and None not in counts and seen is not None:
                    margins.append((columns, sum(counts), seen))
            # the incomplete: not seen at one of the table's waves, so at least the most missed at one, at most all
            missed = [_published(attrition.loc[w, "n_participants_missing"])
                      for w in (_WAVES[1:] if name == "persistence" else _WAVES)]
            lo, hi = (max(missed), sum(missed)) if None not in missed else (0, people)
            known = {c: _published(row[c]) for c in cells}
            hidden = [c for c in cells if known[c] is None]
            if not hidden:
                continue
            found = {c: set() for c in hidden}
            for values in _compositions(people - sum(v for v in known.values() if v is not None), len(hidden)):
                full = {**known, **dict(zip(hidden, values, strict=True))}
                inside = people - full["n_incomplete"]
                if not lo <= full["n_incomplete"] <= hi or any(not (0 <= seen - inside and n - (seen - inside) <= sum(full[c] for c in cols) <= n)
                       for cols, n, seen in margins):
                    continue
                for c, v in zip(hidden, values, strict=True):
                    found[c].add(v)
            for c, vs in found.items():
                if len(vs) == 1:
                    out[(name, row["impact"], c)] = vs.pop()
    return out


@pytest.mark.parametrize(("n", "seed"), FULL)
def test_no_trajectory_cell_is_given_back_by_the_prevalence_tables(n, seed):
    """No hidden cell of the trajectory tables from 1 to min_count - 1 is pinned by the sample and the prevalence
    tables (planted truth: the analysis's trajectory counts); every value the intruder pins is the true one."""
    import test_disclosure_round39 as r39

    findings, report = once_per_worker(("round48", n, seed), lambda: _full(n, seed))
    tables = r39._tables(report)
    truth = findings.trajectory_summary.set_index("code")
    pinned = _recover(tables)
    leaked = []
    for (name, impact, column), value in pinned.items():
        true = int(truth.loc[impact, f"{name}_{column.removeprefix('n_')}"])
        assert value == true, (name, impact, column, value, true)  # the intruder is right where it pins
        hidden = isinstance(tables[name].set_index("impact").loc[impact, column], str)
        if hidden and 0 < true < MIN_COUNT:
            leaked.append((name, impact, column, true))
    assert not leaked, leaked
