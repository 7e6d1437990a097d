"""What the report states about a study, against the truth planted in it and its own tables: round 22.

The design has a seed unused by any other test (9974) and is analysed with only the analyses the checks need. Each
claim is checked against an independent recount from the codings and the hand check the run was given.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from conftest import once_per_worker, report_of, shared_synthetic

pytestmark = pytest.mark.xdist_group("report_truth_round22")


def _texts(report, titles: tuple[str, ...] = ()) -> list[str]:
    """Every paragraph and table note of ``report`` (of the sections whose title starts with one of ``titles``)."""
    from impact.report import Paragraph, Table

    return [b.text if isinstance(b, Paragraph) else b.notes for s in report.sections
            if not titles or s.title.startswith(titles) for b in s.blocks if isinstance(b, Paragraph | Table)]


@pytest.fixture(scope="module")
def five(tmp_path_factory):
    """``(study, truth, findings)``: 4 councils, machine coded, half the interviews checked by hand (the planted coding,
    review-process statements included, as people would send it); the review themes and the review process."""
    return shared_synthetic(tmp_path_factory, "round22-five-9974", 4, 9974, machine=True, check_one_in=2,
                            interviews_per_wave=2, words_per_interview=150, parts=["framework", "process"])


def _unchecked(findings):
    """``findings`` as if no hand check had been supplied."""
    return dataclasses.replace(findings, reliability=None, reliability_by_status=None, reliability_by_wave=None,
                               hand_check=None)


@pytest.fixture(scope="module")
def unchecked(five):
    """:func:`five`'s findings without the hand check, one object, so that :func:`report_of` builds its report once."""
    return once_per_worker(("round22", "five", 9974, "unchecked"), lambda: _unchecked(five[2]))


def _recounted_kappas(f, book_codes) -> dict[str, float]:
    """Cohen's kappa of the machine's review-process coding against the hand check per code, recomputed with
    scikit-learn on the checked segments (a segment holding the code or not; negated codings hold nothing)."""
    from sklearn.metrics import cohen_kappa_score

    from impact.coding.evaluate import checked_units

    units = sorted(set(checked_units(f.hand_check, f.segments)))

    def held(c):
        if "negated" in c.columns:
            c = c[~c["negated"].fillna(False).astype(bool)]
        return set(zip(c["unit"].astype(str), c["code"], strict=True))

    machine, people = held(f.process["codings"]), held(f.hand_check)
    out = {}
    for code in book_codes:
        a = [(u, code) in machine for u in units]
        b = [(u, code) in people for u in units]
        if any(a) or any(b):
            with np.errstate(invalid="ignore", divide="ignore"):
                out[code] = float(cohen_kappa_score(a, b)) if len(set(a)) > 1 or len(set(b)) > 1 else np.nan
    return out


def test_the_process_codes_hand_check_is_measured_and_reported(five, unchecked):
    """The hand check's review-process codes were compared with the impacts coding, which cannot hold them: every one
    read kappa 0 '0.00 to 0.00', the report left them out as codes 'the coding analysed cannot hold', and the process
    sections asked for a hand check beside one that coded those statements (round 21's open item; seed 9931). Each
    code's kappa is now that of the machine's review-process coding against the check, recounted with scikit-learn;
    the report's table gives them, and the process sections give their range and how many are below 0.70."""
    from impact.coding import Codebook
    from impact.process import PROCESS_CODEBOOK
    from impact.report._caveats import CHECKED_KAPPA, _against

    _, _, f = five
    r = f.reliability
    k = r[(r["codebook"] == PROCESS_CODEBOOK) & (r["metric"] == "cohen_kappa")].set_index("code")["value"]
    expected = _recounted_kappas(f, Codebook.load(PROCESS_CODEBOOK).code_ids)
    assert len(expected) >= 5 and set(expected) <= set(k.index)
    for code, kappa in expected.items():
        assert k[code] == pytest.approx(kappa, abs=1e-9, nan_ok=True), code
    assert k.drop(list(expected)).isna().all()  # a code neither holds in a segment checked has no kappa
    assert (k.dropna() > 0.2).any()  # measured against the process coding, not nothing
    report, _ = report_of(f)
    from impact.report import Table

    [table] = [b for s in report.sections for b in s.blocks if isinstance(b, Table)
               and b.name == f"reliability_{PROCESS_CODEBOOK}"]
    assert table.data["cohen_kappa"].dropna().sort_values().tolist() == pytest.approx(sorted(k.dropna()))
    v = k.dropna()
    low = int((v < CHECKED_KAPPA).sum())
    said = (f"Cohen's kappa from {_against(v.min(), CHECKED_KAPPA)} to {_against(v.max(), CHECKED_KAPPA)} between the "
            f"coder and people on the")
    process = _texts(report, ("What shaped impact", "Lessons"))
    assert sum(said in t for t in process) >= 2, process
    assert all(f"below {CHECKED_KAPPA:.2f}; see the coding reliability section" in t for t in process if said in t)
    assert any(f"({low} below" in t or "below 0.70" in t for t in process)
    assert not any("unconfirmed until a sample of the codings is checked by hand" in t for t in process), process
    reliability = " ".join(_texts(report, ("Coding reliability",)))
    assert "cannot hold them" not in reliability
    # without the hand check: the request for one, as before
    plain = _texts(report_of(unchecked)[0], ("What shaped impact", "Lessons"))
    assert not any(said in t for t in plain)
    assert any("unconfirmed until a sample of the codings is checked by hand" in t for t in plain), plain


def test_the_themes_caveat_says_what_the_hand_check_measured(five, unchecked):
    """The framework matrix's caveat asked to 'check the statements by hand before publishing' beside a hand check
    (round 21's open item). The check supplied holds no review-theme code (the planted coding has none): the caveat
    says it does not measure the themes' coding; without a check it asks for one, as before."""
    _, _, f = five
    assert not f.hand_check["code"].isin(__import__("impact.coding", fromlist=["Codebook"]).Codebook.load(
        "review_themes").code_ids).any()
    checked = " ".join(_texts(report_of(f)[0], ("Framework matrix",)))
    assert "The hand check supplied with this run holds no review-theme code, so it does not measure this coding" \
        in checked, checked
    assert "check the statements by hand before publishing" not in checked
    plain = " ".join(_texts(report_of(unchecked)[0], ("Framework matrix",)))
    assert "check the statements by hand before publishing" in plain and "hand check supplied" not in plain


def test_a_kappa_of_one_category_has_no_interval_and_the_note_says_why(five):
    """A kappa of 0 where one coding holds a code in none of the segments checked read '0.00 (0.00 to 0.00)', or an
    interval of +-4e-7 from rounding that escaped the table note's test of no width (round 21's open item). The
    library gives no interval (``impact.agreement.cohen_kappa``, its method naming the coder); the report names each
    such impact with its counts and says which coding, not which coder (a second coding's coder column may hold a
    person's name). The hand check of this study holds every impact the coder found in it, so one is taken out of it
    (people coding it nowhere) and the agreement recomputed as the pipeline does."""
    from impact.coding.evaluate import checked_units, coder_reliability
    from impact.report import Table
    from impact.report._build import _Ctx, _reliability

    _, _, f = five
    r = f.reliability
    k = r[r["metric"] == "cohen_kappa"]
    zero = k[k["value"] == 0]
    assert len(zero) and zero["ci_low"].isna().all() and zero["ci_high"].isna().all()
    assert zero["method"].str.match(r"no interval: coder (person|machine) used one category only").all()
    inner = k[(k["value"] != 0) & (k["value"] < 1)].dropna(subset=["value"])
    assert (inner["ci_low"] < inner["ci_high"]).all()  # an interval wherever both codings vary and disagree somewhere
    units = set(checked_units(f.hand_check, f.segments))
    held = f.coded[f.coded["unit"].isin(units) & ~f.coded["negated"].astype(bool)].drop_duplicates(["unit", "code"])
    held = held["code"].value_counts()
    code = held.index[0]  # the impact the coder holds in most checked segments
    check = f.hand_check[f.hand_check["code"] != code]
    rel = coder_reliability(f.coded[f.coded["unit"].isin(set(f.segments["segment_id"]))], check, f.segments,
                            codes=f.codebook.code_ids).assign(codebook=f.codebook.id)
    row = rel[(rel["code"] == code) & (rel["metric"] == "cohen_kappa")].iloc[0]
    assert row["value"] == 0 and np.isnan(row["ci_low"]) and row["method"].startswith("no interval: coder person used")
    g = dataclasses.replace(f, hand_check=check, reliability=rel)
    section = _reliability(_Ctx(g, False, 5, 5, None))
    [table] = [b for b in section.blocks if isinstance(b, Table) and b.name == "reliability"]
    label = f.codebook.code(code)["label"]
    method = table.data.set_index(["impact", "metric"]).loc[(label, "cohen_kappa"), "method"]
    assert method.startswith("no interval: one of the two codings holds it in no segment compared"), method
    assert not table.data["method"].str.contains("person").any()
    assert (f"the second coding holds {label.lower()} in none of the {len(units):,} segments compared and the "
            f"coding analysed in {int(held[code]):,}, so its kappa is 0, whatever the other coding holds, and no "
            "interval is given") in table.notes, table.notes


def test_a_missing_negation_counts_as_not_negated_in_every_recount(five):
    """``positive_codes`` counted a coding whose ``negated`` is missing as negated (``NaN`` is true) and the report's
    recount of the hand check (the counts in the reliability note) as not negated, so the two gave different counts of
    the same check (round 21's open item). One rule, the analysis's (``impact.measures.classify_codings``: a negation
    not recorded is not known, and the coding is reported): the hand check with the negation of a third of its rows
    blanked out gives, per impact, the count of a recount by hand in both."""
    import pandas as pd

    from impact.coding.evaluate import checked_units, positive_codes
    from impact.measures import classify_codings
    from impact.report._build import _Ctx, _one_sided_counts

    _, _, f = five
    check = f.hand_check.copy()
    check["negated"] = check["negated"].astype(object)
    check.loc[check.index[::3], "negated"] = np.nan  # as a CSV's blank cell reads
    assert check["negated"].isna().sum() >= 5 and not check.loc[check["negated"].isna(), "negated"].any()
    # the analysis counts a coding with no negation recorded
    assert not classify_codings(check.assign(hedged=check["hedged"].fillna(False)))["denied"][check["negated"].isna()].any()
    units = set(checked_units(check, f.segments))
    by_hand = {}
    for r in check.itertuples():
        if r.negated is not True and str(r.unit) in units:  # True, False or NaN
            by_hand.setdefault(r.code, set()).add(str(r.unit))
    kept = positive_codes(check)
    assert len(kept) == len(check[check["negated"].ne(True)].drop_duplicates(["unit", "code"]))
    counts = _one_sided_counts(_Ctx(dataclasses.replace(f, hand_check=check), False, 5, 5, None))
    for code in counts.index:
        assert counts.loc[code, "n_second"] == len(by_hand.get(code, ())), code
        assert (kept[kept["unit"].isin(units)]["code"] == code).sum() == len(by_hand.get(code, ())), code
    assert pd.Series([len(v) for v in by_hand.values()]).sum() > 0


def test_the_null_claims_bench_counts_the_section_sentence():
    """``bench/indicator_null_claims`` counted a claim only where the summary said an indicator 'changed by', not the
    sentence that names what the indicators section's own family finds (``_section_finds``, round 21), so a null study
    making only that claim counted as none (round 21's open item). The sentence the report writes, in a summary of
    otherwise no change, now counts as a claim of its own (``section``), and a summary without it does not."""
    import bench.indicator_null_claims as bench
    from impact.report import Bullets, Report, Section
    # the report no longer writes this sentence (round 30: the section adjusts across the summary's family), but a
    # report of an earlier version may hold it; as round 21 wrote it:
    found = (" The indicators section, adjusting across the 2 indicators over all councils alone, finds a change in "
             "re-referrals within 12 months (% of referrals) (-2.17, adjusted p 0.020).")
    none = ("No outcome indicator changed significantly after the review, against the councils not yet reviewed, once "
            "the randomisation p is adjusted across the 15 tests of the indicators over all councils and in each status "
            "group (Holm); this is not evidence that none changed.")

    def report(item):
        return Report("t", sections=[Section("Summary", [Bullets([item])])])

    assert bench.stated(report(none + found)) == {"pooled": False, "by_status": False, "section": True}
    assert bench.stated(report(none)) == {"pooled": False, "by_status": False, "section": False}
    assert "-2.17, adjusted p 0.020" in found and "3.00" not in found


def test_the_methods_sentence_on_a_coder_never_measured_says_what_the_hand_check_did(five, monkeypatch):
    """For a codebook whose coder was never measured on text labelled by people, the methods section said 'check a
    sample of its codings by hand before relying on them' beside a hand check of half the interviews (round 21's open
    item). With the check it says a sample was checked (the coding reliability section) and that this is no measure
    of the coder on other text; without one it asks for a check, as before."""
    import impact.coding
    from impact.report import Paragraph
    from impact.report._build import _Ctx, _methods

    def never_measured(*args, **kwargs):
        raise FileNotFoundError("no stored validity")

    monkeypatch.setattr(impact.coding, "coder_validity", never_measured)
    _, _, f = five
    for findings, checked in ((dataclasses.replace(f), True), (_unchecked(f), False)):
        section = _methods(_Ctx(findings, False, 5, 5, None))  # the section alone: the rest is not read
        [said] = [b.text for b in section.blocks if isinstance(b, Paragraph)
                  and b.text.startswith("The machine coder has not been measured on text labelled by people")]
        assert ("a sample of its codings in this study was checked by hand (see the coding reliability section)"
                in said) == checked, said
        assert ("check a sample of its codings by hand before relying on them" in said) != checked, said
        assert "the summary states no ranking, share or count" in said
