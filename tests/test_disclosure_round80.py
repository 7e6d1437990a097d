"""Disclosure round 80: a report built through the Python API reads the study's release history too.

``impact run`` merges every earlier release of the study recorded in its private release history into its ledger, so
an interim report and the final one read together give back no hidden count (round 77). ``impact.build_report`` and
``impact.build_summary`` read none: a report built from findings in a notebook after an interim published counts the
run withholds (round 79's finding: a 20-council study, seed 791920, 32 such counts, and round 76's differencing
attack recovered 8 hidden counts from the interim and that report; bench/disclosure79_folder/summary.py). They now
read the history as ``run`` does (``release_history``), and never record a release.
"""

from __future__ import annotations

import json
import re
import warnings

import pytest

from impact.errors import ImpactWarning, InputError

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)
_KEY = bytes(range(32))


@pytest.fixture
def contexts(monkeypatch):
    """Every report context ``impact.report._build._prepared`` makes in the test (a report hands back its sections,
    not its ledger)."""
    import impact.report._build as build

    made, prepared = [], build._prepared

    def keep(*args, **kwargs):
        made.append(prepared(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(build, "_prepared", keep)
    return made


@pytest.fixture
def tiny():
    """The tiny study's findings (3 councils; :func:`conftest.tiny_analysed`, made once per run)."""
    from conftest import tiny_analysed

    return tiny_analysed()


def _hidden(ledger) -> set:
    return {k for k in ledger.values if k not in ledger.auxiliary and ledger.hidden(k)}


def test_a_report_built_from_findings_after_an_interim_decides_as_the_run(tmp_path, contexts):
    """The interim recorded in the study's default release history (beside the key) as ``impact run`` records it; the
    final's report then built with ``impact.build_report(findings, key=...)``. On integ73 it read no history: it hid
    fewer counts than the run, and round 76's attack on the interim and it recovered hidden counts (a 16-council study,
    seed 800417, which the project had not used: grep -rlw over .py, .json, .md and .csv)."""
    from test_disclosure_round77 import _differenced, _interim

    import impact
    from impact.privacy._history import ReleaseHistory, history_file
    from impact.report._build import _prepared
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(16, seed=800417, **_SMALL)
        first, first_coded, held = _interim(study, truth.coded().reset_index(drop=True))
        default = history_file(study.name, _KEY)
        recorded = ReleaseHistory(None, study_name=first.name, key=_KEY, out_dir=tmp_path / "interim")
        interim = _prepared(impact.analyse(first, coded=first_coded, n_resamples=199, seed=1), False, 5, 5, _KEY,
                            False, recorded)
        recorded.record()
        kept = default.read_bytes()
        findings = impact.analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
        # the run's decisions: the same history read for a bundle written to another folder (never recorded here)
        run = _prepared(findings, False, 5, 5, _KEY, False,
                        ReleaseHistory(None, study_name=study.name, key=_KEY, out_dir=tmp_path / "final")).ledger
        del contexts[:]
        report, _ = impact.build_report(findings, key=_KEY)
        summary = impact.build_summary(findings, key=_KEY)
    api, summary_ctx = contexts
    assert api.earlier_releases == summary_ctx.earlier_releases == 1
    # the run's decisions, and round 76's attack recovers nothing
    assert _hidden(api.ledger) == _hidden(run)
    assert _differenced(interim.ledger, api.ledger, held) == {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        impact.build_report(findings, key=_KEY, release_history=False)
    assert contexts[-1].earlier_releases == 0
    # the attack's power on this study: the report built alone (the history not read) gives hidden counts back
    assert _differenced(interim.ledger, contexts[-1].ledger, held)
    # the summary built alone is the report's; the methods say an earlier release was taken into account
    assert repr(summary) == repr(report.sections[0])
    assert "took into account 1 earlier release of this study" in repr(report.sections)
    # nothing recorded: the history holds the interim alone, as it was
    assert default.read_bytes() == kept


def _planted(path, name: str, n: int, key: bytes) -> None:
    """A history of ``n`` releases of the study named ``name`` (no counts: each is merged, and counted, as a release
    of other declarations)."""
    from impact.privacy._history import save_history

    releases = [{"waves": ["before"], "declared": f"planted {i}", "threshold": 5, "counts": [], "sums": [],
                 "bounds": []} for i in range(n)]
    save_history(path, releases, study_name=name, key=key)


def test_the_history_is_read_by_default_or_named_and_never_recorded(tiny, tmp_path, monkeypatch, contexts):
    """Planted histories: the default file's 2 releases, a named file's 3, none with ``release_history=False``;
    the same with ``identify=True`` where a key is found. Neither file is written."""
    import impact
    from impact.privacy._history import history_file

    key = b"round-80-test-key-0123456789abcdef"
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY", key.decode())
    name = tiny.study.name
    default, named = history_file(name, key), tmp_path / "named.json"
    _planted(default, name, 2, key)
    _planted(named, name, 3, key)
    before = default.read_bytes(), named.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for options in ({}, {"release_history": True}, {"identify": True}):
            impact.build_summary(tiny, **options)
        impact.build_summary(tiny, release_history=named)
        impact.build_summary(tiny, release_history=str(named), identify=True)
        impact.build_summary(tiny, release_history=False)
    assert [c.earlier_releases for c in contexts] == [2, 2, 2, 3, 3, 0]
    assert (default.read_bytes(), named.read_bytes()) == before


def test_a_history_that_cannot_be_used_is_refused(tiny, tmp_path):
    """As ``impact run`` refuses it, naming the file; and a file named that does not exist (a report never makes one)."""
    import impact
    from impact.privacy._history import history_file, save_history

    name = tiny.study.name
    foreign, changed, missing = tmp_path / "foreign.json", tmp_path / "changed.json", tmp_path / "missing.json"
    save_history(foreign, [], study_name="another study", key=_KEY)
    save_history(changed, [], study_name=name, key=_KEY)
    data = json.loads(changed.read_text())
    data["releases"] = [{"waves": [], "declared": "x", "threshold": 5, "counts": [], "sums": [], "bounds": []}]
    changed.write_text(json.dumps(data))
    for path, said in ((foreign, "another study"), (changed, "was changed since"), (missing, "no release history here"),
                       (tmp_path, "cannot be read")):
        for build in (impact.build_report, impact.build_summary):
            with pytest.raises(InputError, match=f"{re.escape(str(path))}.*{said}"):
                build(tiny, key=_KEY, release_history=path)
    # the default file, changed, is refused too
    history_file(name, _KEY).parent.mkdir(parents=True, exist_ok=True)
    history_file(name, _KEY).write_text(changed.read_text())
    with pytest.raises(InputError, match="was changed since"):
        impact.build_summary(tiny, key=_KEY)
    with pytest.raises(TypeError, match="release_history"):
        impact.build_report(tiny, key=_KEY, release_history=3)


def test_a_report_with_real_names_makes_no_key_for_the_history(tiny, tmp_path, monkeypatch, contexts):
    """``identify=True`` needs no pseudonym key: where none is found, none is made just to read the history, none is
    read, and one warning says so; a history named then cannot be checked, and is refused."""
    import impact
    from impact.privacy import default_key_file

    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY")
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY_FILE", raising=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        impact.build_summary(tiny, identify=True)
    said = [str(w.message) for w in caught if issubclass(w.category, ImpactWarning) and "release history" in
            str(w.message)]
    assert len(said) == 1 and "no pseudonym key" in said[0] and "key=" in said[0]
    assert contexts[-1].earlier_releases == 0
    assert not default_key_file().exists()
    with pytest.raises(InputError, match="named.json.*pseudonym key"):
        impact.build_summary(tiny, identify=True, release_history=tmp_path / "named.json")
    assert not default_key_file().exists()
