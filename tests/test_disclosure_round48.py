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
"""

from __future__ import annotations

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
