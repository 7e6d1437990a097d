"""The estimands (impact.measures) and the codings contract (impact.codings)."""

import numpy as np
import pandas as pd
import pytest

from impact.codings import as_codings, read_codings
from impact.errors import InputError, ValidationError
from impact.measures import MEASURES, attribution_summary, classify_codings
from impact.panel import council_panel, participant_panel


def test_classify_each_polarity_and_credit():
    c = pd.DataFrame({"negated": [False, False, True, False, False],
                      "hedged": [False, True, False, False, False],
                      "attribution": ["", "review", "", "unclear", "leadership"]})
    out = classify_codings(c)
    assert out["reported"].tolist() == [True, False, False, True, True]
    assert out["anticipated"].tolist() == [False, True, False, False, False]
    assert out["denied"].tolist() == [False, False, True, False, False]
    # a change credited to nothing named counts as the review's (the interview is about it); unclear and other factors do not
    assert out["credited"].tolist() == [True, False, False, False, False]
    assert set(MEASURES) == {"anticipated", "reported", "credited", "denied"}
    assert "attribution" not in c.columns or c.shape == (5, 3)  # caller's frame untouched


def _codings(tiny_study):
    iv = tiny_study.interviews.set_index(["participant_id", "wave"])["interview_id"]
    rows = [
        ("P1", "expectations", "learning", "hedged", ""),
        ("P1", "early", "learning", "asserted", "ofsted"),
        ("P1", "longer_term", "learning", "asserted", ""),
        ("P3", "expectations", "partnership", "asserted", ""),
        ("P3", "expectations", "partnership", "hedged", ""),
        ("P3", "early", "morale", "negated", ""),
    ]
    return pd.DataFrame([{"interview_id": iv[(p, w)], "start": 0, "end": 4, "code": c, "polarity": pol,
                          "attribution": a} for p, w, c, pol, a in rows])


def test_participant_and_council_panels_count_each_measure(tiny_study):
    coded = as_codings(_codings(tiny_study), tiny_study)
    pp = participant_panel(tiny_study, coded, codes=["learning", "morale", "partnership"]).set_index(
        ["participant_id", "wave", "code"])
    r = pp.loc[("P1", "expectations", "learning")]
    assert (bool(r["anticipated"]), bool(r["reported"])) == (True, False)
    r = pp.loc[("P1", "early", "learning")]
    assert (bool(r["reported"]), bool(r["credited"])) == (True, False)  # credited to Ofsted, not the review
    assert bool(pp.loc[("P1", "longer_term", "learning"), "credited"])
    r = pp.loc[("P3", "expectations", "partnership")]
    assert (bool(r["reported"]), bool(r["anticipated"]), int(r["n_mentioned"])) == (True, True, 2)
    r = pp.loc[("P3", "early", "morale")]
    assert (bool(r["denied"]), bool(r["reported"]), bool(r["mentioned"])) == (True, False, False)
    cp = council_panel(tiny_study, coded, codes=["learning", "morale", "partnership"]).set_index(
        ["council_id", "wave", "code"])
    council = tiny_study.participants.set_index("participant_id").loc["P1", "council_id"]
    row = cp.loc[(council, "early", "learning")]
    n = int(row["n_participants"])
    assert int(row["n_participants_reported"]) == 1 and row["share_reported"] == pytest.approx(1 / n)
    assert int(row["n_participants_credited"]) == 0


def test_as_codings_accepts_segment_units_and_reports_every_bad_row(tiny_study):
    iid = tiny_study.interviews["interview_id"].iloc[0]
    good = as_codings(pd.DataFrame({"unit": [f"{iid}:3", iid], "code": ["morale", "learning"],
                                    "negated": ["false", "true"], "hedged": [False, False]}), tiny_study)
    assert good["interview_id"].tolist() == [iid, iid] and good["negated"].tolist() == [False, True]
    bad = pd.DataFrame({"interview_id": [iid, "nope", iid], "code": ["morale", "zzz", "learning"],
                        "polarity": ["asserted", "asserted", "maybe"], "start": [5, 0, "x"], "end": [2, 1, 3]})
    with pytest.raises(ValidationError) as err:
        as_codings(bad, tiny_study, codes=["morale", "learning"], source="coded.csv")
    text = str(err.value)
    for expected in ("coded.csv:3:interview_id: 'nope'", "coded.csv:3:code: 'zzz'", "coded.csv:4:polarity: 'maybe'",
                     "coded.csv:4:start: 'x'", "coded.csv:2:end"):
        assert expected in text, text


def test_as_codings_maps_spans_to_segments_and_drops_review_rejections(tiny_study):
    from impact.coding import segment

    seg = segment(tiny_study)
    s = seg.iloc[0]
    data = pd.DataFrame({"interview_id": [s["interview_id"]] * 2, "start": [s["start"], s["start"]],
                         "end": [s["end"], s["end"]], "code": ["morale", "learning"], "present": [True, False]})
    out = as_codings(data, tiny_study, segments=seg)
    assert out["unit"].tolist() == [s["segment_id"]] and out["code"].tolist() == ["morale"]


def test_read_codings_refuses_unknown_formats(tiny_study, tmp_path):
    p = tmp_path / "codes.txt"
    p.write_text("x")
    with pytest.raises(InputError, match="must be a .csv"):
        read_codings(p, tiny_study)
    with pytest.raises(InputError, match="missing.csv: file not found - expected a coded CSV"):
        read_codings(tmp_path / "missing.csv", tiny_study)
    bad = tmp_path / "bad.csv"
    bad.write_bytes("interview_id,code\n\xff\xfe\n".encode("latin-1"))
    # not UTF-8: read as Windows-1252 with a warning, as study tables are, and the id it then holds is named
    with pytest.warns(UserWarning, match="Windows-1252"), \
            pytest.raises(ValidationError, match=r"bad.csv:2:interview_id: '\xff\xfe' - expected an interview"):
        read_codings(bad, tiny_study)


def test_attribution_summary_counts_statements_by_credit(tiny_study):
    coded = as_codings(_codings(tiny_study), tiny_study)
    t = attribution_summary(coded, tiny_study, codes=["learning", "partnership"], waves=["early", "longer_term"])
    t = t.set_index("code")
    assert t.loc["learning", ["n_reported", "n_review", "n_other", "n_ofsted"]].tolist() == [2, 1, 1, 1]
    assert t.loc["partnership", "n_reported"] == 0 and np.isnan(t.loc["partnership", "share_review"])
    assert t.loc["all", "n_reported"] == 2


def test_read_codings_takes_the_csv_of_review_decisions(tiny_study, tmp_path):
    # `impact run --human reviewer.csv`, the file `impact review import` writes (the user guide's reliability loop),
    # failed: its `present` column is text in a CSV ("True", "False", blank for a note), and casting text to a
    # boolean raised "TypeError: Need to pass bool-like values". Read as the workbook is: accepted codes are codings,
    # rejected ones are not, and every decided segment counts as checked; a value that is no yes/no is told on its row.
    from impact.coding import segment
    from impact.review import export_review, import_review

    seg = segment(tiny_study)
    units = seg["segment_id"].tolist()[:4]
    machine = pd.DataFrame({"unit": units, "code": ["morale", "learning", "morale", "plans_actions"],
                            "score": [0.55, 0.6, 0.65, 0.7]})
    book = export_review(seg, coded=machine, path=tmp_path / "review.xlsx", reviewer="ann")
    from openpyxl import load_workbook

    wb = load_workbook(book)
    ws = wb["review"]
    column = [c.value for c in ws[1]].index("decision") + 1
    for row, decision in zip(range(2, 6), ["accept", "reject", "accept", ""]):
        ws.cell(row, column).value = decision or None
    ws.cell(5, column + 2).value = "not sure"  # notes without a decision: a row with `present` blank
    wb.save(book)
    decisions = import_review(book)
    decisions.to_csv(tmp_path / "reviewer.csv", index=False)  # as `impact review import` writes it
    from_csv = read_codings(tmp_path / "reviewer.csv", tiny_study)
    from_workbook = read_codings(book, tiny_study)
    accepted = set(decisions.loc[decisions["decision"] == "accept", "unit"])
    assert set(from_csv["unit"]) == set(from_workbook["unit"]) == accepted and len(accepted) == 2
    decided = set(decisions.loc[decisions["decision"].isin(["accept", "reject"]), "unit"])
    assert set(from_csv.attrs["checked_units"]) >= decided
    # 1/0 as numbers (a Parquet file, a frame of one's own) read as before: 1 is a coding, 0 and blank are not
    numbers = decisions.assign(present=decisions["present"].astype("float"))
    assert set(as_codings(numbers, tiny_study)["unit"]) == accepted
    text = (tmp_path / "reviewer.csv").read_text(encoding="utf-8").replace(",False,", ",maybe,", 1)
    (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=r"bad.csv:\d+:present: 'maybe' - expected true or false"):
        read_codings(tmp_path / "bad.csv", tiny_study)
