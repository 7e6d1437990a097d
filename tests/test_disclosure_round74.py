"""Disclosure round 74 (bench/disclosure74_attack/NOTES.md): the interview counts by wave published again.

Round 73 declared provenance.json's count of the study's transcript files to the ledger as a public count: tied to
the interviews at the waves (one transcript an interview), it made the suppression hide every wave's interviews
wherever one was hidden, in 5 of 10 studies of 6 councils and 3 waves (seeds 4 to 13 of impact.synth.generate). The
lead's decision: the interviews at each wave are findings a reader needs, the exact number of transcript files a
reproducibility detail the layout's hash verifies. The ledger now decides every count without the files, and
provenance.json publishes their count (and the number of files, which less the other entries gives it) only where
it narrows no hidden count; elsewhere both read "withheld" and the layout says why.

Seeds 740511-740514, 740601-740608 and 740811-740814 were unused in the repository before this round (grep -rlw over
.py, .json, .md, .csv and .txt).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)

#: Studies (councils, seed) whose report, on main's head, hid more waves' interviews with provenance.json's count of
#: transcript files than without it (all three at 5 councils seed 740513, 6 councils seed 740605 and 8 councils seed
#: 740814; 6 councils seed 740601 hid two waves instead of one).
_CHANGED = [(5, 740513), (6, 740601), (6, 740605), (8, 740814)]


def _layout(study, extra: int = 10) -> dict:
    """provenance.json's study layout as :func:`impact.run` records it for a generated study: one transcript file an
    interview listed (the generator writes one each), ``extra`` other files."""
    files = int(study.interviews["interview_id"].nunique())
    return {"hash": "sha256:" + "0" * 64, "n_files": files + extra,
            "files": {"study.yaml": 1, "interviews.csv": 1, "transcripts/**/*.txt": files}}


def _ctx(n: int, seed: int, layout: bool):
    """``(study, ctx)``: the report's context of a generated study (planted coding), provenance.json's layout told or
    not."""
    import warnings

    from conftest import analysed_synthetic

    import impact.report._build as build

    study, _, f = analysed_synthetic(n, seed, parts=["change"], **_SMALL)
    if layout:
        f.provenance = {**f.provenance, "study_layout": _layout(study)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study, build._prepared(f, False, 5, 5, None, False)


def _hidden(ctx) -> list:
    return sorted((k for k in ctx.ledger.values if ctx.ledger.hidden(k)), key=str)


def _files_read(layout: dict) -> int | None:
    """The transcript files an intruder reads off a published study layout: its ``transcripts/`` entries, or its number
    of files less every other entry."""
    files = layout.get("files") or {}
    mine = [v for k, v in files.items() if k.startswith("transcripts/")]
    rest = [v for k, v in files.items() if not k.startswith("transcripts/")]
    if mine and all(isinstance(v, int) for v in mine):
        return sum(mine)
    if isinstance(layout.get("n_files"), int) and all(isinstance(v, int) for v in rest):
        return layout["n_files"] - sum(rest)
    return None


@pytest.mark.parametrize(("n", "seed"), _CHANGED)
def test_the_counts_published_do_not_depend_on_the_transcript_files_and_provenance_gives_none_back(n, seed):
    """The report's ledger hides the same counts with provenance.json's study layout as without it (the interviews
    at each wave are published wherever they are safe on their own), and the layout as published gives back no hidden
    count: the transcript files an intruder reads off it (its transcripts entry, or its number of files less the
    other entries), beside the interviews published at the waves, leave each hidden wave's interviews (and every
    count tied to them) as wide as the report's own counts do; where that would not hold, both counts read
    'withheld', with the hash and the patterns kept, and the suppression ledger says why. On main's head the ledger
    hid more with the layout than without (the waves' interviews, and with them other counts)."""
    import warnings

    import impact.report._build as build
    from bench.disclosure69_attack.relations import recovered

    _, bare = _ctx(n, seed, layout=False)
    study, told = _ctx(n, seed, layout=True)
    assert _hidden(told) == _hidden(bare)
    shown = [w for w in told.waves if told.shown(("interviews", w))]
    hidden = [w for w in told.waves if not told.shown(("interviews", w))]
    assert shown and hidden, (shown, hidden)  # a wave of each: else the study proves nothing here
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prov = build._published_provenance(told, [])
    layout, given = prov["study_layout"], _layout(study)
    assert layout["hash"] == given["hash"] and set(layout["files"]) == set(given["files"])
    assert layout["files"]["study.yaml"] == 1 and layout["files"]["interviews.csv"] == 1
    files = _files_read(layout)
    if files is None:
        assert layout["n_files"] == layout["files"]["transcripts/**/*.txt"] == "withheld"
        assert "participants" in layout["counts_withheld"] and "fingerprint" in layout["counts_withheld"]
        rows = [r for r in told.suppressions if r["output"] == "provenance" and r["reason"] == "transcript_files"]
        assert len(rows) == 1 and rows[0]["withheld"] == 2
        return
    # published: the intruder's system with the files (the waves' interviews and the rest add up to them) narrows
    # nothing the report's own does not
    assert files == given["files"]["transcripts/**/*.txt"]
    got = recovered(told, _files_told(files))
    assert not got, f"hidden counts narrowed below 5: {sorted(got.items(), key=str)}"


def _files_told(files: int):
    """The intruder's relation of the transcript files: the waves' interviews and the rest (an unknown) add up to
    them."""
    def declare(ctx, led) -> None:
        waves = [("interviews", w) for w in ctx.waves]
        led.count(("attack74_files",), files, public=True)
        led.unpublished(("attack74_rest",), files - sum(led.values[k] for k in waves))
        led.relation(("attack74_files",), [*waves, ("attack74_rest",)])

    return declare


@pytest.mark.parametrize(("n", "seed"), [(5, 740511), (6, 740604), (8, 740811)])
def test_the_transcript_files_are_published_where_they_narrow_nothing(n, seed):
    """Where the transcript files' total narrows no hidden count, provenance.json keeps it and the number of files
    (5 councils seed 740511 and 6 councils seed 740604 publish every wave's interviews; 8 councils seed 740811 hides
    two waves' 22 and 21 interviews, each left 19 to 24 by the report's own counts, which their total of 43 does not
    narrow): the intruder's system with the files (round 69's ``recovered``) narrows nothing, and the suppression
    ledger lists nothing of the provenance's. A guard against withholding the files where nothing needs it: main's
    head published them in every study."""
    import warnings

    import impact.report._build as build
    from bench.disclosure69_attack.relations import recovered

    study, ctx = _ctx(n, seed, layout=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prov = build._published_provenance(ctx, [])
    assert prov["study_layout"] == _layout(study)
    assert not recovered(ctx, _files_told(_files_read(prov["study_layout"])))
    assert not [r for r in ctx.suppressions if r["reason"] == "transcript_files"]


@pytest.mark.slow
@pytest.mark.xdist_group("pipeline")
def test_a_run_withholding_the_transcript_files_says_so_in_provenance_json_the_report_and_the_ledger(tmp_path,
                                                                                                    monkeypatch):
    """The whole run (6 councils, seed 740601, three waves): the report publishes the interviews at two waves and
    hides those at the third, so provenance.json gives neither the transcript files nor the number of files (each
    'withheld'), keeps the layout's hash and patterns and says why; the report's About section says the number of
    files is withheld, and why, and suppressions.csv lists the two counts under provenance. On main's head the
    report hid the interviews at two waves and provenance.json published the number of transcript files."""
    import impact
    from impact.synth import generate_with_truth, save_synthetic

    study, truth = generate_with_truth(6, seed=740601, **_SMALL)
    folder = save_synthetic(study, truth, tmp_path / "study")
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
    out = impact.run(folder, out_dir=tmp_path / "out", coded=folder / "truth_coded.csv", n_resamples=99,
                     seed=1).out_dir
    waves = pd.read_csv(out / "tables" / "interviews_by_wave.csv", dtype=str, encoding="utf-8-sig")
    assert (waves["n_interviews"] == "c").sum() == 1 and len(waves) == 3
    layout = json.loads((out / "provenance.json").read_text(encoding="utf-8"))["provenance"]["study_layout"]
    on_disk = [p for p in (folder / "transcripts").rglob("*") if p.is_file()]
    assert len(on_disk) == study.interviews["interview_id"].nunique()  # the tie the intruder would use
    assert layout["n_files"] == "withheld"
    assert {k: v for k, v in layout["files"].items() if k.startswith("transcripts/")} == \
        {"transcripts/**/*.txt": "withheld"}
    assert all(isinstance(v, int) for k, v in layout["files"].items() if not k.startswith("transcripts/"))
    assert layout["hash"].startswith("sha256:") and len(layout["hash"]) == 71
    assert "participants" in layout["counts_withheld"]
    ledger = pd.read_csv(out / "tables" / "suppressions.csv", dtype=str, encoding="utf-8-sig")
    rows = ledger[ledger["output"].eq("provenance") & ledger["reason"].str.contains("transcript_files")]
    assert len(rows) == 1 and rows["withheld"].iloc[0] == "2"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<dt>Study files: number of files</dt><dd>Withheld</dd>" in html
    assert "<dt>Study files: counts withheld</dt><dd>The numbers of transcript files and of files" in html
    # the About section gives the hash, and no count of transcript files or of files anywhere in the report
    assert layout["hash"].removeprefix("sha256:") in html


@pytest.mark.parametrize(("n", "seed", "opts"), [(10, 452010, dict(_SMALL, council_missing=0.15))])
def test_a_groups_councils_interviewed_are_at_most_the_councils_at_its_levels(n, seed, opts):
    """A council is in a status group at a wave by its level of intervention there (none: not in intervention; a
    notice or a direction: in intervention), so a group's councils interviewed are at most the councils at its levels,
    which the table of councils by status counts: the intruder's system (round 69's ``recovered``) told so, apart from
    the report, narrows no hidden count. On main's head, 10 councils (seed 452010, councils missing waves) left the
    councils with a notice at the early wave 0 to 2 (an integer programme over the files,
    bench/disclosure74_attack/NOTES.md)."""
    import warnings

    from conftest import analysed_synthetic

    import impact.report._build as build
    from bench.disclosure69_attack.relations import recovered

    _, _, f = analysed_synthetic(n, seed, parts=["change"], **opts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build._prepared(f, False, 5, 5, None, False)

    def declare(ctx, led) -> None:
        groups = {"no_intervention": ("none",), "intervention": ("notice", "direction")}
        for w in ctx.waves:
            for g, levels in groups.items():
                within = [("councils_level", w, lv) for lv in levels if ("councils_level", w, lv) in led.values]
                group = ("councils_interviewed_group", w, g)
                if group not in led.values or not within:
                    continue
                led.unpublished(("attack74_levels", w, g), sum(led.values[k] for k in within))
                led.relation(("attack74_levels", w, g), within)
                led.at_most(group, ("attack74_levels", w, g))

    got = recovered(ctx, declare)
    assert any(k[0] == "councils_level" and ctx.ledger.hidden(k) for k in ctx.ledger.values)  # else it proves nothing
    assert not got, f"hidden counts narrowed below 5: {sorted(got.items(), key=str)}"
