"""False alarms and misses of the check on span offsets all shifted a few characters (impact.codings).

``python -m bench.shift_check`` reads honest codings through :func:`impact.as_codings` and counts what the
shift check (and the counting of a byte-order mark) does with them; then shifts the planted codings of
generated studies by -40..+40 characters, with and without a ``quote`` column, and counts what is missed.

Honest codings:

* the people's codings of the real REFI-QDA exports in ``../shared/data/qdpx`` (NVivo 12, QualCoder), each
  source a transcript of an in-memory study;
* the planted codings of the bundled example study and of generated studies of ten seeds used nowhere else;
* impact's own machine spans: the segments :func:`impact.segment` makes of each of those studies.

An outcome is ``read`` (spans as written), ``converted`` (a CodingsWarning: another counting read, the spans
changed), ``refused_shift`` (the shift problem) or ``refused`` (another problem).  For honest codings anything
but ``read`` is a false alarm; for shifted codings ``read`` is a miss, and so is ``converted`` to spans that
are not the planted ones.  Results are printed as a table (docs/study-format.md quotes them).
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import pandas as pd

SEEDS = (610211, 610223, 610229, 610237, 610247, 610259, 610261, 610271, 610279, 610289)
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _study_of(texts: dict[str, str]):
    from impact.study import Study

    ids = list(texts)
    interviews = pd.DataFrame({"interview_id": ids, "participant_id": [f"P{i}" for i in range(len(ids))],
                               "council_id": "301", "wave": "early", "date": None, "mode": None,
                               "transcript": [f"t{i}.txt" for i in range(len(ids))]})
    return Study({"name": "shift check"}, {"interviews": interviews},
                 {f"t{i}.txt": texts[v] for i, v in enumerate(ids)})


#: The real REFI-QDA exports of ../shared/data/qdpx holding people's codings of text.
QDPX = ("nvivo12_two_coders_hu.qdpx", "qc_demo.qdpx")


def qdpx_codings(path) -> tuple:
    """``(study, codings)``: a project's sources as the transcripts of an in-memory study, its people's codings as
    a coded file of it (``interview_id, start, end, code, coder``; each coding once)."""
    from impact.qdpx import read_qdpx

    project = read_qdpx(path)
    texts = {g: t for g, t in zip(project.sources["source_guid"], project.sources["text"], strict=True)
             if isinstance(t, str)}
    c = project.codings.dropna(subset=["start", "end"])
    c = c[c["source_guid"].isin(list(texts))]
    coded = pd.DataFrame({"interview_id": c["source_guid"].astype(str), "start": c["start"].astype("int64"),
                          "end": c["end"].astype("int64"), "code": c["code_guid"].astype(str),
                          "coder": c["user_guid"].fillna("").astype(str)})
    return _study_of(texts), coded.drop_duplicates().reset_index(drop=True)


def outcome(codings: pd.DataFrame, study, truth: pd.DataFrame | None = None) -> str:
    """What :func:`impact.as_codings` does with ``codings``: read, converted (right/wrong), refused_shift, refused."""
    from impact.codings import CodingsWarning, as_codings
    from impact.errors import ValidationError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            got = as_codings(codings, study, source="c.csv")
        except ValidationError as exc:
            text = str(exc)
            return "refused_shift" if "span offsets that fall on the coded text" in text else "refused"
    converted = any(issubclass(w.category, CodingsWarning) and "converted" in str(w.message) for w in caught)
    if truth is None:
        truth = codings
    same = (got["start"].astype("int64").to_numpy() == truth["start"].to_numpy()).all() and \
        (got["end"].astype("int64").to_numpy() == truth["end"].to_numpy()).all()
    if converted:
        return "converted" if same else "converted_wrong"
    return "read" if same else "read_changed"


def _segments_as_codings(study) -> pd.DataFrame:
    from impact.coding.segment import segment

    seg = segment(study)
    return pd.DataFrame({"interview_id": seg["interview_id"].astype(str), "start": seg["start"].astype("int64"),
                         "end": seg["end"].astype("int64"), "code": "morale"})


def honest() -> pd.DataFrame:
    """One row per honest coding file: its name, spans and outcome."""
    from impact.study import load_study
    from impact.synth import generate_with_truth

    rows = []
    for name in QDPX:
        path = SHARED / "qdpx" / name
        if path.is_file():
            study, coded = qdpx_codings(path)
            rows.append((name, len(coded), outcome(coded, study)))
    example = Path(__file__).resolve().parents[1] / "data" / "example"
    studies = [("example", load_study(example), pd.read_csv(example / "truth_coded.csv", dtype={"interview_id": str}))]
    for seed in SEEDS:
        study, truth = generate_with_truth(8, seed=seed, interviews_per_wave=4, words_per_interview=500)
        studies.append((f"seed {seed}", study, truth.coded()))
    for name, study, coded in studies:
        rows.append((f"{name} planted", len(coded), outcome(coded, study)))
        seg = _segments_as_codings(study)
        rows.append((f"{name} segments", len(seg), outcome(seg, study)))
    return pd.DataFrame(rows, columns=["codings", "spans", "outcome"])


def shifted(shifts=range(-40, 41), seeds=SEEDS, councils: int = 8) -> pd.DataFrame:
    """One row per generated study, shift and quote column or not: the outcome for the planted codings moved."""
    from impact.codings import _said
    from impact.synth import generate_with_truth

    rows = []
    for seed in seeds:
        study, truth = generate_with_truth(councils, seed=seed, interviews_per_wave=min(4, councils),
                                           words_per_interview=500)
        coded = truth.coded()
        texts = study.transcripts()
        quote = [_said(texts[i][a:b]) for i, a, b in zip(coded["interview_id"], coded["start"], coded["end"],
                                                         strict=True)]
        for s in shifts:
            if s == 0:
                continue
            moved = coded.assign(start=coded["start"] + s, end=coded["end"] + s)
            rows.append((seed, s, False, outcome(moved, study, coded)))
            rows.append((seed, s, True, outcome(moved.assign(quote=quote), study, coded)))
    return pd.DataFrame(rows, columns=["seed", "shift", "quote", "outcome"])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shifts", type=int, default=40, help="largest shift tried either way (default 40)")
    parser.add_argument("--seeds", type=int, default=5, help="generated studies shifted (default 5 of the 10)")
    parser.add_argument("--councils", type=int, default=8, help="councils of each shifted study (default 8)")
    parser.add_argument("--csv", help="write the outcome of each shifted file here")
    parser.add_argument("--no-honest", action="store_true", help="shifted files only")
    args = parser.parse_args(argv)
    if not args.no_honest:
        h = honest()
        print(h.to_string(index=False))
        print(f"false alarms: {(h['outcome'] != 'read').sum()} of {len(h)} honest files")
    m = shifted(range(-args.shifts, args.shifts + 1), SEEDS[:args.seeds], args.councils)
    if args.csv:
        m.to_csv(args.csv, index=False)
    m["missed"] = m["outcome"].isin(["read", "read_changed", "converted_wrong"])
    print(m.groupby(["quote", "outcome"]).size().to_string())
    by = m.groupby(["quote", "shift"])["missed"].mean().unstack("quote")
    print(by[by.sum(axis=1) > 0].to_string())
    for q, g in m.groupby("quote"):
        print(f"quote column {q}: missed {int(g['missed'].sum())} of {len(g)} shifted files")


if __name__ == "__main__":
    main()
