"""impact.framework: what the quotes table says each statement is credited to."""

from __future__ import annotations

import pandas as pd
from conftest import make_tiny_study

import impact.framework as framework
from impact.framework import credit_label, quotes

# Attributions as coders write them, with what the report prints for each (credit_label's docstring and
# impact.measures.OTHER_FACTORS: a factor in capitals or with spaces is that factor; anything else is the review).
WRITTEN = {"": "the review", "Ofsted": "Ofsted", " other programme": "another programme", "unclear": "cause left open",
           "review": "the review", "LEADERSHIP": "a change of leadership", "Funding ": "funding"}


def _codings(study, n):
    """``n`` reported statements of one code, each its own unit, spanning the first sentence after 'Respondent: ' of
    an interview of the tiny study, the attributions of WRITTEN in turn (and a missing one)."""
    written = [*WRITTEN, None]
    rows = []
    ids = study.interviews["interview_id"].tolist()
    for i in range(n):
        iid = ids[i % len(ids)]
        text = study.transcript(iid)
        start = text.index("Respondent: ") + len("Respondent: ")
        rows.append({"interview_id": iid, "coder": "A", "unit": f"u{i}", "code": "leadership", "start": start,
                     "end": text.index(".", start) + 1, "score": 1.0, "negated": False, "hedged": False,
                     "attribution": written[i % len(written)]})
    return pd.DataFrame(rows)


def test_each_statement_is_credited_as_its_attribution_reads_each_attribution_read_once(monkeypatch):
    study = make_tiny_study()
    codings = _codings(study, 64)
    calls = []
    factor_of = framework.factor_of
    monkeypatch.setattr(framework, "factor_of", lambda s: calls.append(len(s)) or factor_of(s))
    framework._credit_label_cached.cache_clear()
    q = quotes(codings, study, context=0)
    read = len(calls)
    assert len(q) == 64
    expected = {f"u{i}": WRITTEN.get(a, "the review") if a is not None else "the review"
                for i, a in enumerate(codings["attribution"])}
    assert dict(zip(q["unit"], q["credit"], strict=True)) == expected
    assert [credit_label(a) for a in WRITTEN] == list(WRITTEN.values())
    # one reading of the whole column (which statements are credited) and one per distinct attribution (8), where
    # each of the 64 statements was read on its own (a one-value Series each)
    assert read <= 1 + len(WRITTEN) + 1, read
