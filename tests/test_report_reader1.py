"""The report read whole, as its readers read it (reader1): sentences that denied what a table beside them showed,
pointed at a part of the report that says nothing of the kind, or left a column or an impact unnamed.

Each test reads the bundled example's report (machine-coded, as ``impact run`` makes it) and two studies generated
with seeds the project had not used (700000-799999), machine-coded as well."""

from __future__ import annotations

import re

import pytest
from conftest import analysed_synthetic, report_of

from impact.report import Bullets, Callout, Paragraph, Table
from impact.trajectories import PERSISTENCE

#: Generated designs: (councils, seed); machine-coded, three interviews a wave of 300 words.
DESIGNS = [(24, 703817), (20, 768241)]


@pytest.fixture(scope="module", params=["example", *DESIGNS], ids=lambda p: p if isinstance(p, str) else f"seed{p[1]}")
def report(request):
    if request.param == "example":
        findings = request.getfixturevalue("example_run").findings
    else:
        n, seed = request.param
        _, _, findings = analysed_synthetic(n, seed, machine=True, interviews_per_wave=3, words_per_interview=300)
    built, _ = report_of(findings)
    return built


def _texts(section) -> list[str]:
    """Every sentence a reader reads in ``section``: paragraphs, bullets, boxed notes and tables' notes."""
    out = []
    for b in section.blocks:
        if isinstance(b, (Paragraph, Callout)):
            out.append(b.text)
        elif isinstance(b, Bullets):
            out += list(b.items)
        elif isinstance(b, Table):
            out.append(b.notes or "")
    return out


def _section(report, start: str):
    return next(s for s in report.sections if s.title.startswith(start))


def _tables(report) -> dict[str, Table]:
    return {b.name: b for s in report.sections for b in s.blocks if isinstance(b, Table)}


def test_every_column_of_the_persistence_table_is_defined(report):
    """Table 'Participants by whether reported impact was sustained' has a column 'absent' that neither the section
    nor the methods defined (main: 'sustained ..., faded ..., emerging ...' and no word of 'absent'). Each state the
    table counts is defined in the section and in the methods, and 'absent' as the table counts it: reported at
    neither later wave (impact.trajectories, ``(False, False)``)."""
    table = _tables(report).get("persistence")
    assert table is not None
    states = [c.removeprefix("n_") for c in table.data.columns if c.startswith("n_")]
    assert "absent" in states and set(states) <= set(PERSISTENCE), states
    intro = " ".join(_texts(_section(report, "Trajectories")))
    methods = " ".join(_texts(_section(report, "Methods")))
    for state in states:
        if state == "incomplete":
            assert "are incomplete" in intro
            continue
        assert re.search(rf"\b{state} when\b", intro), (state, intro)
        assert re.search(rf"\b{state}: (?:reported )?at\b", methods, flags=re.IGNORECASE), (state, methods)
    assert "absent when at neither" in intro and "absent: at neither" in methods


def test_table_notes_name_the_summary_they_point_at(report):
    """The models table's note said 'the 11 tests of a difference by intervention status this summary can state': a
    table's note is no summary. The notes say 'the summary'; the summary itself keeps 'this summary'."""
    summary = " ".join(_texts(_section(report, "Summary")))
    notes = [b.notes for s in report.sections[1:] for b in s.blocks if isinstance(b, Table) and b.notes]
    assert notes
    assert not [n for n in notes if "this summary" in n], [n for n in notes if "this summary" in n]
    family = re.search(r"the (\d+) tests of a difference by intervention status this summary can state", summary)
    if family:  # the notes that name the family name the same one
        named = [n for n in notes if "tests of a difference by intervention status the summary can state" in n]
        assert named and all(f"the {family.group(1)} tests" in n for n in named), named


def test_the_credit_section_does_not_deny_the_shares_its_table_gives(report):
    """The section on what impacts were credited to said 'no share credited elsewhere is stated' above a table whose
    'Credited to another factor › share' column gave one for every impact (example: 10%, 5%, 4%, 61%, 1%, 44%)."""
    section = _section(report, "What the impacts were credited to")
    table = next(b for b in section.blocks if isinstance(b, Table))
    shares = table.data.get("share_other")
    assert shares is not None and shares.notna().any()
    text = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    assert "no share credited elsewhere is stated" not in text, text
    assert "reading of what a change is credited to has not been measured" in text, text
    assert "the table's counts and shares are unconfirmed" in text, text


def test_the_factors_table_note_cites_nothing_the_summary_does_not_say(report):
    """The note to 'Parts of the review and factors that shaped impact' said a participant counts twice 'as the
    summary says', where the summary says nothing of how the factors are counted."""
    summary = " ".join(_texts(_section(report, "Summary")))
    table = _tables(report)["process_factors"]
    assert "counts twice" not in summary
    assert "as the summary says" not in table.notes, table.notes
    assert "counts twice" in table.notes  # three waves: two after the review, at each of which one may be counted


#: Tables of counts of participants that the ledger suppresses (0 < n < 5 hidden, a zero shown).
_PARTICIPANT_TABLES = ("realisation", "persistence", "process_factors", "prevalence", "expectations")


def test_the_rule_on_small_counts_is_true_of_the_zeros_shown(report):
    """The sample section and the limitations said 'Counts below 5 ... are suppressed across the whole report' while
    the tables showed zeros (example: 0 participants with improvement in staff morale and relations under way before
    the review and reported after): the ledger hides 0 < n < 5, and the sentences now say so."""
    tables = _tables(report)
    zeros = [(name, col) for name in _PARTICIPANT_TABLES if name in tables
             for col in tables[name].data.columns if col.startswith("n_")
             and any(isinstance(v, (int, float)) and not isinstance(v, bool) and v == 0
                     for v in tables[name].data[col])]
    sample = " ".join(_texts(_section(report, "The sample")))
    limits = " ".join(_texts(_section(report, "Methods")))
    if zeros:
        assert "Counts below 5 other than zero" in sample, (zeros, sample)
        assert "Counts below 5 other than zero" in limits, (zeros, limits)
    assert "Counts below 5," not in sample + limits


def test_the_impact_a_hand_check_could_confirm_is_named(report):
    """The summary's warning said the summary states a difference by intervention status 'in the other impact' only
    after a hand check, leaving the reader to find which from the list of F1 values before it. It names the impacts:
    those of the codebook the list of F1 values below 0.70 leaves out."""
    summary = _texts(_section(report, "Summary"))
    found = [t for t in summary if "cannot show that the coder errs alike" in t]
    if not found:
        # no hand check is offered for an impact whose model is withheld (reader2): where those the weak F1s leave
        # are all withheld, the clause is gone, and the summary says they are withheld
        assert any(re.match(r"The models? of .* (?:is|are) withheld", t) for t in summary), summary
        pytest.skip("the impacts a hand check could confirm are all withheld")
    [warning] = found
    if "the summary states no difference by intervention status as a finding in any case" in warning:
        pytest.skip("the models rest on too few councils: no hand check could make a difference a finding")
    weak = re.search(r"its F1 is below 0\.70 for \w+ of the \w+ impacts \((.*?)\), so coding error", warning)
    assert weak, warning
    named = re.search(r"intervention status in the other (?:\w+ )?impacts? \((.*?)\) as a finding", warning)
    assert named, warning
    # the methods give every impact's F1 (coder validity on real text): the weak ones and the others from there
    methods = " ".join(_texts(_section(report, "Methods")))
    by_impact = re.search(r"F1 by impact: (.*?)\. It left", methods)
    assert by_impact, methods
    f1 = {m.group(1): float(m.group(2))
          for m in re.finditer(r"(?:and )?([a-z][^;]*?) (\d\.\d\d)(?:;|$)", by_impact.group(1))}
    strong = {name for name, v in f1.items() if v >= 0.70}
    assert strong and len(f1) > len(strong), f1
    assert all(f"{v:.2f}" in weak.group(1) for name, v in f1.items() if name not in strong), (f1, weak.group(1))
    assert all(n in named.group(1) for n in strong), (named.group(1), strong)
    assert not any(n in named.group(1) for n in set(f1) - strong), (named.group(1), f1)


def test_a_theme_the_unmeasured_coder_did_not_find_is_not_said_to_be_unraised(report):
    """The framework matrix's note said 'No council raised the theme outcomes.' as fact, beside the section's own 'a
    theme a council raised may be missing' (the machine coder's reading of the themes is unmeasured). Where the
    section says so, a theme with no council is the coder's finding, and the themes so named have no row."""
    section = _section(report, "Framework matrix")
    texts = _texts(section)
    unmeasured = "reading of the review themes has not been measured" in texts[0]
    said = [t for t in texts if "no council raising" in t or "No council raised" in t]
    if not said:
        pytest.skip("every review theme was raised by some council")
    assert unmeasured
    assert not [t for t in said if "No council raised" in t], said
    shown = {str(v).lower() for b in section.blocks if isinstance(b, Table) for v in b.data["theme"]}
    for t in said:
        named = re.search(r"The machine coder found no council raising (?:the themes?|any of the \w+ themes) (.*?)\.",
                          t)
        assert named, t
        assert not any(theme in named.group(1).lower() for theme in shown), (named.group(1), shown)
