"""Report truth, round 74: the methods list defined six trajectory terms (realised, unmet expectation, unanticipated,
sustained, faded, emerging) in a study of four or five waves, whose trajectory tables are not given: five of them
were used nowhere else but in the sentence saying those tables are not given. Found by the truth74 audit
(bench/truth74_audit.py, seeds from 500000-599999); the seeds here are this round's own."""

from __future__ import annotations

import re
import warnings

import pytest

#: a "term: definition" clause of the methods list ('Sustained: reported at both ...', 'faded: at the first only')
_TERM = re.compile(r"^([A-Za-z][A-Za-z']*(?: [A-Za-z']+){0,4}): ")
#: the list's clauses that name a part of the method, not a term of the report's text
_NOT_TERMS = ("Tests", "Coding", "Limitations", "Intervention status")


def _report(n, waves, seed):
    from impact.pipeline import analyse, build_report
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=seed, waves=waves, interviews_per_wave=2, words_per_interview=150)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1)
        return build_report(findings, min_count=1)[0]


def _defined_terms(report) -> list[str]:
    """The terms the methods list defines: each clause of a bullet that opens with 'Term: '."""
    from impact.report import Bullets

    [methods] = [s for s in report.sections if s.title.startswith("Methods")]
    items = [i for b in methods.blocks if isinstance(b, Bullets) for i in b.items]
    terms = [m[1] for i in items for c in re.split(r"(?<=[.;]) ", i) if (m := _TERM.match(c))]
    return [t for t in terms if t not in _NOT_TERMS and not t.startswith("the ")]


def _text_elsewhere(report) -> list[str]:
    """Every sentence, table title, note, column and column label and figure caption of the report but the methods
    list's."""
    from impact.report import Bullets, Figure, Paragraph, Table

    out = []
    for s in report.sections:
        for b in s.blocks:
            if isinstance(b, Bullets) and not s.title.startswith("Methods"):
                out += list(b.items)
            elif isinstance(b, Paragraph):
                out.append(b.text)
            elif isinstance(b, Table):
                out += [b.caption, b.notes, *map(str, b.labels.values()),
                        *(str(c).removeprefix("n_").replace("_", " ") for c in b.data.columns)]
            elif isinstance(b, Figure):
                out += [b.caption, b.alt_text]
    return out


@pytest.mark.parametrize("n,waves,seed", [(12, 4, 74211), (10, 5, 74387), (14, 3, 74502)])
def test_the_methods_list_defines_only_terms_the_report_uses(n, waves, seed):
    """Each term the methods list defines is used by a sentence, title, note, column or label elsewhere in the report,
    other than one saying the trajectory tables are not given (main: a study of four or five waves defined unmet
    expectation, unanticipated, sustained, faded and emerging, used only there). A study of three waves gives the
    trajectory tables and keeps every definition."""
    report = _report(n, waves, seed)
    terms = _defined_terms(report)
    used = [t.lower() for t in _text_elsewhere(report) if "are not given" not in t]
    # a term is used where its first word is, whatever its ending ('credited to the review': 'credited it to')
    stems = {t: t.lower().split()[0][:6] for t in terms}
    unused = [t for t in terms if not any(re.search(rf"\b{re.escape(stems[t])}", x) for x in used)]
    assert not unused, (unused, terms)
    if waves == 3:
        assert {"Realised", "Sustained", "faded", "emerging", "unanticipated"} <= set(terms), terms
    else:
        assert "Realised" in terms and "Sustained" not in terms, terms
