"""What the report states about a study, against the truth planted in it: round 13.

The review process ("What shaped impact", "Lessons for the programme") and the change between the waves after the
review, each design with a seed unused by any other test, analysed with the planted coding (only the analyses each
check needs). Every number is recounted from the planted statements with pandas.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import analysed_synthetic, once_per_worker, report_of

from impact.report import Table

pytestmark = pytest.mark.xdist_group("report_truth_round13")


def _section(findings, title: str):
    report, _ = report_of(findings)
    return next(s for s in report.sections if s.title == title)


def _table(findings, name: str) -> Table:
    report, _ = report_of(findings)
    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


@pytest.fixture(scope="module")
def process_study():
    """``(study, truth, findings)``: 24 councils, the review process planted as by default (seed 1310011)."""
    return once_per_worker(("round13", "process"), lambda: analysed_synthetic(
        24, 1310011, interviews_per_wave=4, words_per_interview=300, parts=["process"]))


def _planted_process(truth) -> pd.DataFrame:
    """The planted statements about the review process after the review, each marked ``suggestion`` when its span is
    also planted as a recommendation (pandas, from the truth's statements)."""
    st = truth.statements
    st = st[(st["wave"] != "expectations") & ((st["valence"] != "") | (st["code"] == "recommendation"))]
    rec = set(zip(st.loc[st["code"] == "recommendation", "interview_id"],
                  st.loc[st["code"] == "recommendation", "start"], strict=True))
    st = st[st["code"] != "recommendation"]
    return st.assign(suggestion=[(i, a) in rec for i, a in zip(st["interview_id"], st["start"], strict=True)])


# --------------------------------------------------------------------------- 2. a suggestion is not a hindrance
def test_a_suggestion_is_not_counted_as_a_factor_that_hindered(process_study):
    """The generator plants a suggestion for the programme as a span coded both ``recommendation`` and its factor
    (valence hindered). The factors table counted each such suggestion as a participant saying the factor got in
    the way (seed 7011, 30 councils: 16 participants for the review team, 9 of them from what was said about the
    team). The table now counts, per factor, the participants (one per wave) whose own statements about it, not
    their suggestions, said it hindered: equal to the planted statements' count (pandas)."""
    study, truth, f = process_study
    st = _planted_process(truth)
    assert st["suggestion"].sum() > 0
    own = st[~st["suggestion"]]
    per = own.groupby(["code", "wave", "participant_id"])["valence"].agg(
        lambda v: "mixed" if v.nunique() > 1 else v.iloc[0]).reset_index()
    hindered = per[per["valence"] == "hindered"].groupby("code").size()
    table = _table(f, "process_factors").data.set_index("factor")
    shown = {c: v for c, v in table["n_hindered"].items() if isinstance(v, int | float) and not isinstance(v, bool)}
    assert len(shown) >= 8
    for code, n in shown.items():
        assert n == int(hindered.get(code, 0)), code
    # and no quote in the section is a planted suggestion
    suggestions = {" ".join(t.split()) for t in _suggestion_texts(study, truth)}
    assert suggestions
    quotes = [b.text for b in _section(f, "What shaped impact").blocks if type(b).__name__ == "Quote"]
    assert quotes and not {" ".join(q.split()) for q in quotes} & suggestions


def _suggestion_texts(study, truth) -> list[str]:
    """The text of every planted suggestion (its span of the transcript)."""
    st = truth.statements
    st = st[st["code"] == "recommendation"]
    return [study.transcript(i)[int(a):int(b)].strip() for i, a, b in zip(st["interview_id"], st["start"], st["end"],
                                                                          strict=True)]
