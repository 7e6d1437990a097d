"""Disclosure round 66: the attribution table's counts of statements are cells the suppression may hide.

Each participant reporting an impact after the review made one statement reporting it at least, so the attribution
table's statements bound the prevalence table's participants (round 65, attack 8). Declared as public facts, those
bounds narrowed counts no suppression could protect (rounds 40 and 48 broke); now a count of statements is
``secondary_only``: never hidden for its size, never audited, but hidden as complementary suppression where it would
narrow a hidden count of people, shown ``c`` in every format with the table's note saying why.
"""

from __future__ import annotations

import io
import warnings

import pytest

from impact.privacy._ledger import DisclosureLedger, DisclosureWarning

pytestmark = pytest.mark.xdist_group("disclosure39")


def _statements(mark: dict) -> DisclosureLedger:
    """Planted: 3 participants report an impact (hidden, below 5); 4 statements report it (each participant made
    one at least: reporting <= statements), 3 credited to the review and 1 to another factor. A second row of
    statements (2 and 8 of 10) is tied to no count of people."""
    led = DisclosureLedger(5)
    led.count("people", 3)
    led.unpublished("reporting", 3)
    led.relation("reporting", ["people"])
    for k, v in {"statements": 4, "review": 3, "other": 1, "s2": 10, "r2": 2, "o2": 8}.items():
        led.count(k, v, **mark)
    led.relation("statements", ["review", "other"])
    led.relation("s2", ["r2", "o2"])
    led.at_most("reporting", "statements")
    return led


def _decide(led: DisclosureLedger) -> list:
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        led.protect()
        led.release_pinned()
        led.release_unneeded()
        led.release_with_pinned()
    return [w for w in said if issubclass(w.category, DisclosureWarning)]


def test_a_count_of_statements_is_hidden_where_it_would_narrow_a_hidden_count_of_people():
    """Published, the 4 statements leave the 3 participants 0 to 4 (below the threshold: what round 65's intruder
    read off the two tables). Secondary-only, the statements are hidden with the 1 beside them (alone they would be
    3 + 1), the participants span at least 5, and the 3 credited to the review is published (a count of statements is
    not hidden for its size): so are the 2 and 8 of the row tied to no one."""
    led = _statements({"secondary_only": True})
    assert not _decide(led)
    assert [k for k in ("people", "statements", "other") if not led.hidden(k)] == []
    assert not any(led.hidden(k) for k in ("review", "s2", "r2", "o2"))
    low, high = led.interval("people")
    assert high - low >= 5
    # the contrast (round 65's declaration, the statements public): no suppression protects the 3 participants
    public = _statements({"public": True})
    said = _decide(public)
    assert said and "cannot be protected" in str(said[0].message)
    assert public.interval("people") == (0.0, 4.0)


def test_a_hidden_count_of_statements_is_c_in_every_format_with_the_note():
    """The attribution section of a report whose ledger hides a count of statements (the pooled statements credited
    to funding, hidden here by hand: the ledger hides a count only where the study needs it): ``c`` in the Word
    table, the workbook, the web page and the CSV, and the table's note says why; the credit sentence of the summary,
    which states shares of the pooled counts, is left out rather than giving it back."""
    from conftest import analysed_synthetic, once_per_worker

    import impact.report._build as build
    from impact.report import Report, Table, render_docx, render_html, render_xlsx, table_csv

    _, _, findings = once_per_worker(("round66-findings",), lambda: analysed_synthetic(
        6, 66001, parts=[], n_resamples=99, interviews_per_wave=3, words_per_interview=120))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build._prepared(findings, False, 5, 5, None, False)
    key = ("att", "all", "funding")
    assert not ctx.ledger.hidden(key) and build._credit_sentence(ctx) is not None
    ctx.ledger._hidden = set(ctx.ledger._hidden) | {key}
    section = build._attribution(ctx)
    table = next(b for b in section.blocks if isinstance(b, Table))
    row = table.data.set_index("impact").loc["all"]
    assert row["n_funding"] == "c" and row["n_reported"] != "c"
    assert "A count shown c" in table.notes and "narrow a hidden count" in table.notes
    assert build._credit_sentence(ctx) is None
    report = Report("t", "", {}, [section])
    csv = table_csv(table).decode("utf-8-sig").splitlines()
    header = csv[0].split(",")
    line = next(x.split(",") for x in csv[1:] if x.split(",")[0] in ("all", "All impacts", "All"))
    assert line[header.index("n_funding")] == "c"
    html = " ".join(render_html(report).split())
    assert ">c<" in html and "narrow a hidden count" in html
    from docx import Document

    doc = Document(io.BytesIO(render_docx(report)))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "c" in cells
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render_xlsx(report)))
    # the workbook's way of showing c: an empty grey cell, named with its symbol in the row's last column
    values = [c.value for s in book.worksheets for r in s.iter_rows() for c in r]
    assert any(isinstance(v, str) and "(c)" in v and "funding" in v.lower() for v in values)
    assert any(isinstance(v, str) and "narrow a hidden count" in v for v in values)
