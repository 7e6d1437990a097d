"""Disclosure round 77: an interim report and the final one of a study, safe together (the study's release history).

Round 76 (bench/disclosure76_attack/differencing.py) built an interim bundle (the study before its last wave) and the
final one, each sound alone, and differenced them: each hands the other's intruder the counts of the waves both hold
that it publishes and the other hides. 4 hidden counts of a 20-council study (seed 631920) and 6 of a 25-council one
(647325) came back exactly. A run now records its ledger in a private release history, beside the pseudonym key, and
a later run of the study merges it into its own before deciding what to hide
(:mod:`impact.privacy._history`).

Tested here on the ledgers the report decides (``impact.report._build._prepared``), as the two runs make them:
round 76's attack recovers nothing once the final run reads the history the interim recorded, and an intruder
holding both bundles' whole systems (every count each publishes, every relation, the counts of the waves both hold
with the same value one count) narrows no hidden count of either below the threshold beyond its own ledger. Without
the history the same attack recovers counts of each study (the test's power). The history is never in the bundle;
a corrupt, changed or foreign history file is refused naming the file; no history leaves the bundle as it was.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

import pytest

from bench.disclosure76_attack.channels import audit
from bench.disclosure76_attack.differencing import _handed
from bench.disclosure77_history.differencing import _own
from impact.errors import InputError
from impact.privacy._ledger import DisclosureLedger, _narrower

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)
_KEY = bytes(range(32))


def _interim(study, coded):
    """The study as it stood before its last wave (that wave's interviews, transcripts, survey answers and action
    progress left out, the wave taken out of study.yaml), and its planted coding."""
    from impact.schema import TABLES
    from impact.study import Study

    meta = study.meta
    last = meta["waves"][-1]["id"]
    meta["waves"] = meta["waves"][:-1]
    tables = {}
    for name in TABLES:
        t = study.table(name)
        if t is not None and name in ("interviews", "survey_responses", "action_progress") and "wave" in t.columns:
            t = t[t["wave"] != last].reset_index(drop=True)
        tables[name] = t
    iv = tables["interviews"]
    kept = set(iv["interview_id"])
    out = Study(meta, tables, {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"],
                                                                       strict=True)})
    return out, coded[coded["interview_id"].isin(kept)], {w["id"] for w in meta["waves"]}


def _analysed(n, seed, opts):
    """``([(interim, its findings), (final, its findings)], held)``: the interim's and the final's studies and findings
    (planted coding, 199 resamples, seed 1), and the waves both hold: what the runs with and without a history read
    alike (a history changes only what the report decides), analysed once for both (testtime41)."""
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, **opts)
        coded = truth.coded()
        first, first_coded, held = _interim(study, coded)
        return [(s, analyse(s, coded=c, n_resamples=199, seed=1)) for s, c in ((first, first_coded), (study, coded))], held


def _runs(n, seed, opts, path, *, history=True, analysed=None):
    """The interim's and the final's decided ledgers, the final run reading the history the interim recorded.
    ``analysed``: :func:`_analysed` of the study, made once for the runs with and without a history."""
    from impact.privacy._history import ReleaseHistory
    from impact.report._build import _prepared

    runs, held = analysed or _analysed(n, seed, opts)
    ledgers = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for s, findings in runs:
            h = ReleaseHistory(path, study_name=s.name, key=_KEY) if history else None
            ctx = _prepared(findings, False, 5, 5, _KEY, False, h)
            if h is not None:
                h.record()
            ledgers.append(ctx)
    return ledgers[0], ledgers[1], held


def _differenced(first, final, held):
    """Round 76's attack both ways: the hidden counts each bundle's intruder narrows with the counts of the waves both
    hold that the other publishes."""
    a, b = _own(first), _own(final)
    to_final, _ = _handed(a, b, held)
    to_first, _ = _handed(b, a, held)
    return {**{("final", *k): v for k, v in audit(b, [], to_final).items()},
            **{("interim", *k): v for k, v in audit(a, [], to_first).items()}}


def _joint(first, final, held):
    """The hidden counts an intruder holding both bundles' whole systems narrows below the threshold and below what
    the bundle's own system leaves: both systems in one ledger, each count under its bundle's name, a count of the
    waves both hold with the same name and value in both one count (equal)."""
    a, b = _own(first), _own(final)
    joint = DisclosureLedger(threshold=a.threshold)
    hidden = set()
    for side, led in (("interim", a), ("final", b)):
        for k, v in led.values.items():
            joint.count((side, k), v)
            if led._hidden and k in led._hidden:
                hidden.add((side, k))
            if k in led.auxiliary:
                joint.auxiliary.add((side, k))
        for t, parts in led.sums:
            joint.relation((side, t), [(side, p) for p in parts])
        for x, y in led.bounds:
            joint.at_most((side, x), (side, y))
    for k, v in a.values.items():
        if b.values.get(k) == v and isinstance(k, tuple) and held & {str(p) for p in k}:
            joint.relation(("interim", k), [("final", k)])
    joint._hidden = hidden
    keys = [k for k in hidden if k not in joint.auxiliary]
    after = joint._ranges(hidden, keys)
    own = {**{("interim", k): v for k, v in a._ranges(set(a._hidden), [k for s, k in keys if s == "interim"]).items()},
           **{("final", k): v for k, v in b._ranges(set(b._hidden), [k for s, k in keys if s == "final"]).items()}}
    return {k: (own[k], after[k]) for k in keys if _narrower(*after[k], own[k], joint.threshold)}


def _analysed_once(monkeypatch) -> None:
    """``impact.run``'s analysis made once in the test for each study folder, codings file (by its bytes) and options:
    a later run of the same gets a copy of the first's findings (pickled), as analysing them again gives. What a
    release history changes is decided after the analysis, in each run's report; the runs here and round 78's drafts
    (run into one folder and apart, of the same three codings) analysed the same data again (testtime41)."""
    import pickle

    import impact.pipeline as pipeline

    analyse, made = pipeline.analyse, {}

    def once(study, *, coded, **options):
        key = (str(study.root), Path(coded).read_bytes(), repr(sorted(options.items())))
        if key not in made:
            made[key] = pickle.dumps(analyse(study, coded=coded, **options))
        return pickle.loads(made[key])

    monkeypatch.setattr(pipeline, "analyse", once)


# 20 councils, 3 waves (round 76's v20dir: 4 counts recovered), 25 with missing waves (v25miss: 6), and a seed the
# project has not used (checked with grep -rlw over .py, .json, .md and .csv)
_STUDIES = [
    (20, 631920, dict(_SMALL, intervention_paths={"never": 0.7, "throughout": 0.15, "direction": 0.15})),
    (25, 647325, dict(_SMALL, participant_missing=0.2, council_missing=0.1)),
]


@pytest.mark.parametrize("n, seed, opts", _STUDIES)
def test_an_interim_and_the_final_bundle_differenced_give_back_no_hidden_count(tmp_path, n, seed, opts):
    # the study analysed once: with and without the history, the runs' findings are the same (testtime41)
    analysed = _analysed(n, seed, opts)
    # without the history, round 76's attack recovers hidden counts (the attack's power on this study)
    first, final, held = _runs(n, seed, opts, tmp_path / "none.json", history=False, analysed=analysed)
    assert _differenced(first.ledger, final.ledger, held)
    # with it, neither round 76's attack nor an intruder holding both systems narrows a hidden count
    first, final, held = _runs(n, seed, opts, tmp_path / "history.json", analysed=analysed)
    assert final.earlier_releases == 1 and first.earlier_releases == 0
    assert _differenced(first.ledger, final.ledger, held) == {}
    assert _joint(first.ledger, final.ledger, held) == {}


def test_the_history_is_private_signed_and_outside_the_bundle(tmp_path, monkeypatch):
    import impact
    from impact.privacy._history import ReleaseHistory, history_file
    from impact.synth import generate_with_truth, save_synthetic

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY_FILE", raising=False)
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY", raising=False)
    key = tmp_path / "key"
    key.write_text(_KEY.hex())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(6, seed=771406, waves=2, **_SMALL)
        save_synthetic(study, truth, tmp_path / "study")
        run = dict(coded=tmp_path / "study" / "truth_coded.csv", n_resamples=99, seed=1, key_file=key, cache=False)
        impact.run(tmp_path / "study", out_dir=tmp_path / "out", **run)
    from impact.privacy import resolve_key

    secret = resolve_key(key_file=key)
    made = history_file(study.name, secret)
    assert made.parent == tmp_path / "config" / "impact" and made.exists()
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    text = made.read_bytes()
    # nothing of it in the bundle: no file named so, no file holding its signature or its counts' record
    for root, _, files in os.walk(tmp_path / "out"):
        for f in files:
            body = (os.path.join(root, f))
            assert "release-history" not in f
            data = open(body, "rb").read()
            assert text[-80:-2] not in data and b'"declared"' not in data
    # refused inside the output or study folder
    for inside in (tmp_path / "out" / "h.json", tmp_path / "study" / "h.json"):
        with pytest.raises(InputError, match="kept outside"):
            impact.run(tmp_path / "study", out_dir=tmp_path / "out", release_history=inside, **run)
    # a history changed, corrupt or of another study (or key) is refused, naming the file
    tampered = tmp_path / "tampered.json"
    tampered.write_bytes(text.replace(b'"published"', b'"hidden"', 1))
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_bytes(text[: len(text) // 2])
    foreign = tmp_path / "foreign.json"
    foreign.write_bytes(text)
    for path, why in ((tampered, "changed since"), (corrupt, "cannot be read"), (tmp_path / "key", "cannot be read")):
        with pytest.raises(InputError, match=f"{path.name}.*{why}"):
            ReleaseHistory(path, study_name=study.name, key=secret)
    ReleaseHistory(foreign, study_name=study.name, key=secret)  # the file as written reads
    with pytest.raises(InputError, match="foreign.json: the release history of another study"):
        ReleaseHistory(foreign, study_name=study.name + " (another)", key=secret)
    with pytest.raises(InputError, match="foreign.json: the release history of another study"):
        ReleaseHistory(foreign, study_name=study.name, key=bytes(32))
    with pytest.raises(InputError, match="corrupt.json"):
        impact.run(tmp_path / "study", out_dir=tmp_path / "out2", release_history=corrupt, **run)
    assert not (tmp_path / "out2").exists()


def test_no_history_leaves_the_bundle_as_it_was(tmp_path, monkeypatch):
    """A run without a history (the first, or none kept) writes the bytes a run writes with none kept; a run again
    on the same data is the same release, not an earlier one."""
    import impact
    from impact.synth import generate_with_truth, save_synthetic

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    _analysed_once(monkeypatch)  # the three runs analyse the same data
    key = tmp_path / "key"
    key.write_text(_KEY.hex())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(6, seed=771406, waves=2, **_SMALL)
        save_synthetic(study, truth, tmp_path / "study")
        run = dict(coded=tmp_path / "study" / "truth_coded.csv", n_resamples=99, seed=1, key_file=key, cache=False)
        outs = {}
        for name, history in (("none", False), ("first", None), ("again", None)):
            impact.run(tmp_path / "study", out_dir=tmp_path / name, release_history=history, **run)
            outs[name] = {p.relative_to(tmp_path / name): p.read_bytes() for p in (tmp_path / name).rglob("*")
                          if p.is_file() and p.name not in ("provenance.json", ".impact-output.json") and p.suffix in (".csv", ".md", ".json")}
    assert outs["none"] and outs["none"] == outs["first"] == outs["again"]


def test_a_count_of_the_same_wave_corrected_since_is_warned_of_and_both_protected():
    """The earlier release hid 3 of 9 participants at a wave; the data corrected since make them 4 of 9: both are
    kept (the earlier's under a name of its own), each protected, and the change is warned of. A count of the same
    name and value is one count, public where the earlier release published it."""
    from impact.privacy import DisclosureWarning
    from impact.privacy._history import merge_releases, release_of

    earlier = DisclosureLedger(threshold=5)
    for k, v in {("participants", "w1"): 9, ("with", "a", "w1"): 3, ("without", "a", "w1"): 6, ("all",): 20}.items():
        earlier.count(k, v)
    earlier.relation(("participants", "w1"), [("with", "a", "w1"), ("without", "a", "w1")])
    earlier.protect()
    release = release_of(earlier, waves=["w1"], declared=b"earlier")
    later = DisclosureLedger(threshold=5)
    for k, v in {("participants", "w1"): 9, ("with", "a", "w1"): 4, ("without", "a", "w1"): 5, ("all",): 20}.items():
        later.count(k, v)
    later.relation(("participants", "w1"), [("with", "a", "w1"), ("without", "a", "w1")])
    with pytest.warns(DisclosureWarning, match="another value now"):
        merged, differ = merge_releases(later, [release], declared=b"later")
    assert merged == 1 and sorted(differ) == [("with", "a", "w1"), ("without", "a", "w1")]
    assert ("participants", "w1") in later.public and ("all",) in later.public
    hidden = later.protect()
    assert {("release", 1, ("with", "a", "w1")), ("with", "a", "w1")} <= hidden
    for k in hidden - later.auxiliary:  # (not the unknowns that need no protection of their own)
        lo, hi = later.interval(k)
        assert hi - lo >= 5 - 1e-6, k
    # the same release again (this run's own declarations) is not an earlier one
    again = DisclosureLedger(threshold=5)
    assert merge_releases(again, [release], declared=b"earlier") == (0, [])
