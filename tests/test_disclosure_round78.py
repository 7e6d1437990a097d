"""Disclosure round 78: drafts in a study's release history.

Round 77 records every bundle's ledger in the study's private release history, and a later run merges every earlier
release into its suppression. A user cleaning a study's data runs it again and again, publishing none of those runs:
each run whose declarations differ was recorded as a release of its own, so the drafts piled up and the final run
protected every one of them. A release now names the output folder it was written to (a keyed hash of its path), and a
run to the same folder replaces that folder's release (the bundle it overwrites): not merged, and dropped from the
history once the new one is recorded. A run to another folder still merges it (an interim report kept, then the
final one: round 77's protection).
"""

from __future__ import annotations

import warnings

import pandas as pd
from test_disclosure_round77 import _analysed_once

from impact.privacy._ledger import DisclosureLedger

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)
_KEY = bytes(range(32))


def _earlier():
    """A release that published a total of 9 and hid its parts (3 and 6), written to folder ``a``."""
    from impact.privacy._history import bundle_of, release_of

    earlier = DisclosureLedger(threshold=5)
    for k, v in {"t": 9, "a": 3, "b": 6}.items():
        earlier.count(k, v)
    earlier.relation("t", ["a", "b"])
    earlier.protect()
    release = release_of(earlier, waves=["w1"], declared=b"1")
    release["bundle"] = bundle_of("/studies/out/a", _KEY)
    return release


def _later():
    later = DisclosureLedger(threshold=5)
    later.count("b", 6)
    later.count("c", 20)
    return later


def test_a_release_of_the_same_folder_is_replaced_another_folders_is_protected():
    from impact.privacy._history import bundle_of, merge_releases

    release = _earlier()
    # to another folder: the earlier release is merged, and its hidden count 'a' protected with 'b' (9 - 6 = 3 else)
    other = _later()
    assert merge_releases(other, [release], declared=b"2", bundle=bundle_of("/studies/out/b", _KEY)) == (1, [])
    assert other.protect() >= {"b", ("release", 1, "a")}
    # to the same folder (the path written another way): the bundle it replaces is not merged, 'b' published
    same = _later()
    assert merge_releases(same, [release], declared=b"2", bundle=bundle_of("/studies/out/b/../a/", _KEY)) == (0, [])
    assert same.protect() == set()
    # with no folder named, every earlier release is merged (as in round 77)
    assert merge_releases(_later(), [release], declared=b"2")[0] == 1


def test_the_history_keeps_one_release_a_folder(tmp_path):
    from impact.privacy._history import bundle_of, load_history, record_release

    path = tmp_path / "history.json"
    a, b = bundle_of(tmp_path / "a", _KEY), bundle_of(tmp_path / "b", _KEY)
    made = [dict(_earlier(), declared=f"{i}", bundle=f) for i, f in enumerate((a, a, b, a, b))]
    held = [record_release(path, r, study_name="S", key=_KEY) for r in made]
    # each run to a folder replaces that folder's release; the other folder's stays
    assert held == [1, 1, 2, 2, 2]
    assert [(r["declared"], r["bundle"]) for r in load_history(path, study_name="S", key=_KEY)] == [("3", a), ("4", b)]
    # a release of round 77 (no folder named) is kept beside them
    old = {k: v for k, v in _earlier().items() if k != "bundle"}
    old["declared"] = "77"
    assert record_release(path, old, study_name="S", key=_KEY) == 3
    assert record_release(path, dict(_earlier(), declared="5", bundle=a), study_name="S", key=_KEY) == 3


def _drop_coded_rows(src, dst, rows):
    coded = pd.read_csv(src, dtype=str, keep_default_na=False)
    coded.drop(index=rows).to_csv(dst, index=False)


def test_drafts_run_into_one_folder_leave_one_release(tmp_path, monkeypatch):
    """impact.run of a study three times into one folder, a coded statement taken out before each run after the first
    (a coder's corrections): the history holds one release, and a run to another folder adds its own beside it. Run
    into a folder each, the three drafts are three releases (what round 77 recorded for any run)."""
    import impact
    from impact.privacy import resolve_key
    from impact.privacy._history import history_file, load_history
    from impact.synth import generate_with_truth, save_synthetic

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY_FILE", raising=False)
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY", raising=False)
    _analysed_once(monkeypatch)
    key = tmp_path / "key"
    key.write_text(_KEY.hex())
    secret = resolve_key(key_file=key)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(6, seed=781406, waves=2, **_SMALL)
        save_synthetic(study, truth, tmp_path / "study")
        truth_coded = tmp_path / "study" / "truth_coded.csv"
        n = len(pd.read_csv(truth_coded, dtype=str))
        run = dict(n_resamples=99, seed=1, key_file=key, cache=False)
        counts = {}
        for way in ("one folder", "apart"):
            history = tmp_path / f"history-{way}.json"
            for i in range(3):
                coded = tmp_path / f"coded{i}.csv"
                _drop_coded_rows(truth_coded, coded, [(j * 13) % n for j in range(1, i + 1)])
                out = tmp_path / ("draft" if way == "one folder" else f"draft{i}") / way.replace(" ", "-")
                impact.run(tmp_path / "study", out_dir=out, coded=coded, release_history=history, **run)
            counts[way] = len(load_history(history, study_name=study.name, key=secret))
        # the final run, to a folder of its own: its release is kept beside the drafts' one
        impact.run(tmp_path / "study", out_dir=tmp_path / "final", coded=truth_coded,
                           release_history=tmp_path / "history-one folder.json", **run)
    assert counts == {"one folder": 1, "apart": 3}
    assert len(load_history(tmp_path / "history-one folder.json", study_name=study.name, key=secret)) == 2
    assert not history_file(study.name, secret).exists()  # the histories named were used, not the default one
