"""Disclosure round 79: an interim report and the final one written to the same output folder (the release history).

Round 78 let a run to an output folder replace that folder's earlier release, so that drafts do not pile up. A user
who writes the interim report (the waves held so far) to ``out/``, shares it, then writes the final one (every wave)
to the same ``out/`` had the interim's release replaced, and the final protected against nothing: round 76's
differencing attack recovered 8 hidden counts of a 20-council study (seed 791920, bench/disclosure79_folder). A
release of the same folder is now replaced only where it is a draft of the same release (the same waves of the study);
one of other waves is kept and merged. Drafts of the final run into the same folder are still one release.
"""

from __future__ import annotations

import warnings

from test_disclosure_round77 import _differenced, _interim, _joint

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)
_KEY = bytes(range(32))


def _release(declared: str, waves: list[str], bundle: str) -> dict:
    return {"waves": waves, "declared": declared, "bundle": bundle, "threshold": 5, "counts": [], "sums": [],
            "bounds": []}


def test_a_release_of_the_same_folder_is_replaced_only_by_one_of_the_same_waves(tmp_path):
    from impact.privacy._history import bundle_of, load_history, merge_releases, record_release
    from impact.privacy._ledger import DisclosureLedger

    path = tmp_path / "history.json"
    out = bundle_of(tmp_path / "out", _KEY)
    two, three = ["before", "early"], ["before", "early", "later"]
    made = [_release("interim 1", two, out), _release("interim 2", list(reversed(two)), out),  # a draft, waves reordered
            _release("final 1", three, out), _release("final 2", three, out)]
    held = [record_release(path, r, study_name="S", key=_KEY) for r in made]
    # the interim's draft replaces the interim; the final, of other waves, is another release; its draft replaces it
    assert held == [1, 1, 2, 2]
    assert [r["declared"] for r in load_history(path, study_name="S", key=_KEY)] == ["interim 2", "final 2"]
    releases = load_history(path, study_name="S", key=_KEY)
    # a final written to the interim's folder merges the interim; a draft of the interim merges the final
    assert merge_releases(DisclosureLedger(threshold=5), releases[:1], declared=b"3", bundle=out, waves=three)[0] == 1
    assert merge_releases(DisclosureLedger(threshold=5), releases, declared=b"3", bundle=out, waves=two)[0] == 1
    # waves not known to the caller: the folder alone decides (round 78)
    assert merge_releases(DisclosureLedger(threshold=5), releases, declared=b"3", bundle=out)[0] == 0


def test_an_interim_and_the_final_written_to_one_folder_give_back_no_hidden_count(tmp_path):
    """The interim's and the final's ledgers, both written to ``out``, then a draft of the final to ``out`` again. On
    integ73 the final merged no release (the interim's was replaced) and round 76's attack recovered 8 hidden counts,
    an intruder holding both systems narrowing 24 (bench/disclosure79_folder, seed 791920, a seed the project had not
    used: grep -rlw over .py, .json, .md and .csv)."""
    from impact.pipeline import analyse
    from impact.privacy._history import ReleaseHistory, load_history
    from impact.report._build import _prepared
    from impact.synth import generate_with_truth

    history, out = tmp_path / "history.json", tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(20, seed=791920, **_SMALL)
        coded = truth.coded().reset_index(drop=True)
        first, first_coded, held = _interim(study, coded)
        made, kept = [], []
        for s, c in ((first, first_coded), (study, coded), (study, coded.drop(index=[len(coded) // 2]))):
            h = ReleaseHistory(history, study_name=s.name, key=_KEY, out_dir=out)
            made.append(_prepared(analyse(s, coded=c, n_resamples=199, seed=1), False, 5, 5, _KEY, False, h))
            h.record()
            kept.append(len(load_history(history, study_name=s.name, key=_KEY)))
    interim, final, draft = made
    assert [interim.earlier_releases, final.earlier_releases] == [0, 1]
    assert _differenced(interim.ledger, final.ledger, held) == {}
    assert _joint(interim.ledger, final.ledger, held) == {}
    # the final's draft (a coded statement taken out) replaces the final, and merges the interim alone
    assert draft.earlier_releases == 1 and kept == [1, 2, 2]
