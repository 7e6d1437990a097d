"""What the report and the library it reads state, against the data: round 24.

The agreement within each wave and status group is checked on round 22's machine-coded design (seed 9974, 4
councils, half the interviews checked by hand with the planted coding, the review process coded by the package),
recounted independently with scikit-learn. The brackets of the report's asides are read in
``tests/test_report_prose.py``, on generated studies of 5, 12 and 30 councils.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import once_per_worker
from test_report_truth_round23 import five as _five

# round 22's group: the design ``five`` is built once per worker and read by rounds 22 to 24
pytestmark = pytest.mark.xdist_group("report_truth_round22")
five = _five


def _kappas_by_hand(coded, check, units_by_level, codes):
    """Cohen's kappa (scikit-learn) of each code in ``codes`` between ``coded`` and ``check`` on each level's checked
    units (a wave's, a status group's), where either holds it there: ``{(code, level): kappa}`` (a negated coding
    holds nothing)."""
    from sklearn.metrics import cohen_kappa_score

    from impact._frames import flagged

    def held(c):
        c = c[~flagged(c, "negated")]
        return c.groupby("code")["unit"].agg(lambda u: set(map(str, u))).to_dict()

    ours, theirs = held(coded), held(check)
    out = {}
    for wave, units in units_by_level.items():
        for code in codes:
            a = [u in ours.get(code, ()) for u in units]
            b = [u in theirs.get(code, ()) for u in units]
            if any(a) or any(b):
                out[(code, wave)] = float(cohen_kappa_score(a, b)) if len(set(a)) + len(set(b)) > 2 else (
                    1.0 if a == b else 0.0)
    return out


@pytest.mark.parametrize("column", ["wave", "status_group"])
def test_agreement_within_waves_and_groups_covers_every_codebook_the_hand_check_holds(five, column):
    """Agreement within each wave and status group compared the impacts coding alone (round 23's captions said so):
    the hand check's review-process codes had no kappa there. Each codebook's codes are now compared within each wave
    and group with that codebook's coding alone (a ``codebook`` column names it). The process coding is the package's
    coder's, made here again on the checked segments; a segment's status group is its council's at its wave (the
    participant panel's); every kappa, the impacts' and the process codes', is recounted with scikit-learn."""
    from impact.coding import Codebook
    from impact.coding.default import default_coder
    from impact.coding.evaluate import checked_units
    from impact.process import PROCESS_CODEBOOK

    _, _, f = five
    r = f.reliability_by_wave if column == "wave" else f.reliability_by_status
    assert set(r["codebook"]) == {f.codebook.id, PROCESS_CODEBOOK}
    units = set(checked_units(f.hand_check, f.segments))
    seg = f.segments[f.segments["segment_id"].astype(str).isin(units)]
    if column == "status_group":
        status = f.participant_panel[["council_id", "wave", "status_group"]].drop_duplicates(["council_id", "wave"])
        seg = seg.astype({"council_id": str}).merge(status.astype({"council_id": str}), on=["council_id", "wave"])
        assert seg["status_group"].nunique() >= 1  # here every checked council was out of intervention
    by_level = {lv: sorted(map(str, s)) for lv, s in seg.groupby(column)["segment_id"]}
    book = Codebook.load(PROCESS_CODEBOOK)
    process = once_per_worker(("round24", "process", 9974), lambda: default_coder(book).code(
        f.segments[f.segments["segment_id"].astype(str).isin(units)]))
    for codebook, coded, codes in ((f.codebook.id, f.coded, f.codebook.code_ids),
                                   (PROCESS_CODEBOOK, process, book.code_ids)):
        expected = _kappas_by_hand(coded, f.hand_check, by_level, codes)
        got = r[(r["codebook"] == codebook) & (r["metric"] == "cohen_kappa")]
        got = {(c, lv): v for c, lv, v in zip(got["code"], got[column], got["value"], strict=True)}
        assert set(got) == set(expected), (codebook, sorted(set(got) ^ set(expected)))
        assert got == pytest.approx(expected, abs=1e-9), codebook
        assert len(expected) >= 6
    # each codebook's rows hold its own codes only
    for codebook, part in r.groupby("codebook"):
        assert set(part["code"]) <= set(Codebook.load(codebook).code_ids)


def test_the_report_gives_the_process_codes_agreement_at_each_wave_and_says_what_each_table_covers(five):
    """The reliability section: the table of kappas at each wave still holds the impacts alone (the rule for a change
    across the waves reads it), and says where the review-process codes' agreement at each wave is; a table of its
    own gives that, one row per process code and wave (an undefined kappa shown as missing), its values those of the
    findings."""
    from impact.process import PROCESS_CODEBOOK
    from impact.report import Table
    from impact.report._build import _Ctx, _reliability

    _, _, f = five
    section = _reliability(_Ctx(f, False, 5, 5, None))
    tables = {b.name: b for b in section.blocks if isinstance(b, Table)}
    impacts = tables["reliability_by_wave"]
    assert impacts.caption == f"Agreement with the hand check at each wave, {f.codebook.noun[1]} only"
    # the codebook by its title (round 25), as the provenance names it
    assert ("The hand check's codes of the review process, what shaped impact, and lessons for the programme "
            "codebook are compared within each wave with that "
            "codebook's coding in the table after this one.") in impacts.notes
    assert "not compared" not in impacts.notes
    theirs = tables[f"reliability_by_wave_{PROCESS_CODEBOOK}"]
    assert theirs.caption == ("Agreement with the hand check at each wave, codes of the review process, what shaped "
                              "impact, and lessons for the programme codebook")
    assert "the package's machine coder" in theirs.notes
    r = f.reliability_by_wave
    k = r[(r["codebook"] == PROCESS_CODEBOOK) & (r["metric"] == "cohen_kappa")]
    from impact.coding import Codebook

    label = dict(zip(Codebook.load(PROCESS_CODEBOOK).codes["code_id"], Codebook.load(PROCESS_CODEBOOK).codes["label"],
                     strict=True))
    waves = f.study.wave_ids
    # every code compared at some wave has a row at every wave checked
    assert len(theirs.data) == k["code"].nunique() * len(waves)
    ctx = _Ctx(f, False, 5, 5, None)
    shown = {(row["code"], row["wave"]): row["cohen_kappa"] for _, row in theirs.data.iterrows()}
    for row in k.itertuples():
        assert shown[(label[row.code], ctx.wave(row.wave))] == pytest.approx(row.value, nan_ok=True)
    assert np.isnan(theirs.data["cohen_kappa"]).sum() == len(theirs.data) - len(k)


def test_the_rules_for_the_impacts_read_the_impacts_rows_alone():
    """A process code's kappa at every wave must not make an impact's change a finding, nor a missing impact row be
    filled from another codebook: the rules read the rows of the codebook analysed. Here one impact's rows are
    planted at 0.9 and 0.8 under the process codebook, and its own at 0.9 and 0.5."""
    from impact.report._caveats import unconfirmed_over_waves

    rows = pd.DataFrame({"codebook": ["nfer_impacts"] * 2 + ["review_process"] * 2, "code": ["morale"] * 4,
                         "metric": "cohen_kappa", "value": [0.9, 0.5, 0.9, 0.8], "wave": ["a", "b"] * 2})
    import types

    from impact.report._build import _Ctx

    ctx = types.SimpleNamespace(f=types.SimpleNamespace(reliability_by_wave=rows,
                                                        codebook=types.SimpleNamespace(id="nfer_impacts")))
    ours = _Ctx.within(ctx, "reliability_by_wave")
    assert ours["value"].tolist() == [0.9, 0.5] and "codebook" not in ours.columns
    assert unconfirmed_over_waves(["morale"], {}, ours, ["a", "b"]) == ["morale"]
    assert _Ctx.within(ctx, "reliability_by_wave", ours=False)["codebook"].eq("review_process").all()


def test_a_ranking_with_one_published_count_says_so():
    """Seed 30058 (5 councils): of the 15 factors' counts of participants saying a factor got in the way, one was
    published (impact evidence, 5) and 14 were suppressed, and the report said participants 'named no factor that stood
    out as most often said to have got in the way (5 participants each, among the factors whose counts are published;
    14 more are suppressed)': one count read as several alike. The sentence now says one count is published. The
    ledger is planted: the same shape, one published count of 5 hindering, 0 helping, 14 factors suppressed."""
    import types

    from impact.report._build import _process_sentence

    codes = [f"f{i}" for i in range(15)]
    published = {("proc", "f13", "hindered"): 5, ("proc", "f13", "helped"): 0}
    ledger = types.SimpleNamespace(hidden=lambda key: key not in published, value=lambda key: published.get(key))
    ctx = types.SimpleNamespace(ledger=ledger, alpha=0.05)
    said = _process_sentence(ctx, pd.DataFrame({"code": codes}), {"f13": "Impact evidence"})
    assert said == ("After the review, participants named no factor that stood out as most often said to have got in "
                    "the way (only one factor's count is published, 5 participants; 14 more are suppressed); each "
                    "participant is counted once for each factor at each wave."), said
    assert "each, among" not in said


def test_a_machine_coded_codebook_has_its_tables_within_waves_whoever_coded_the_impacts(five):
    """Where the impacts were coded by people and the review process by the package's coder, the process codes'
    agreement at each wave is still given (the process coder may read one wave's talk differently from another's),
    and the impacts' is not (people's codings need no such rule); where neither is the machine's, neither is."""
    import dataclasses

    from impact.process import PROCESS_CODEBOOK
    from impact.report import Table
    from impact.report._build import _Ctx, _reliability

    _, _, f = five
    assert PROCESS_CODEBOOK in f.coding["machine_coded"]

    def names(g):
        return {b.name for b in _reliability(_Ctx(g, False, 5, 5, None)).blocks if isinstance(b, Table)}

    # every checked council here is out of intervention: the table of status groups says there is no row for the other
    [status] = [b for b in _reliability(_Ctx(f, False, 5, 5, None)).blocks
                if isinstance(b, Table) and b.name == f"reliability_by_status_{PROCESS_CODEBOOK}"]
    assert set(status.data["status_group"]) == {"no_intervention"}
    assert "No segment checked is in councils in intervention, so there is no row for it." in status.notes
    people = dataclasses.replace(f, coding={**f.coding, "source": "people"})
    assert f"reliability_by_wave_{PROCESS_CODEBOOK}" in names(people) and "reliability_by_wave" not in names(people)
    nobody = dataclasses.replace(f, coding={**f.coding, "source": "people", "machine_coded": {}})
    assert not {n for n in names(nobody) if n.startswith("reliability_by_")}
