"""Disclosure round 76: two bundles of one study a user can make legitimately, an interim report on the waves held so
far and the final one on every wave, differenced.

``python -m bench.disclosure76_attack.differencing OUT NAME [...]``: for each study NAME built by
:mod:`bench.disclosure76_attack.studies` under OUT, makes its interim study (the same folder without its last wave:
that wave's interviews, transcripts, codings, survey answers and action progress left out, as the study stood before
the wave was held) and builds it under OUT/NAME-interim, with its ledger. Then, on the final bundle's ledger, every
count the interim bundle publishes that the final one hides is handed to the intruder (the same count of the same
people: the interim's waves are the final's first waves, the same interviews), and every hidden count it narrows is
listed (:func:`bench.disclosure76_attack.channels.audit`).
"""

from __future__ import annotations

import pickle
import shutil
import sys
from pathlib import Path

import pandas as pd
import yaml


def interim(folder: Path, to: Path) -> None:
    """The study of ``folder`` without its last wave, written to ``to``."""
    if to.exists():
        shutil.rmtree(to)
    shutil.copytree(folder, to)
    spec = yaml.safe_load((to / "study.yaml").read_text())
    last = spec["waves"][-1]["id"]
    spec["waves"] = spec["waves"][:-1]
    (to / "study.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    iv = pd.read_csv(to / "interviews.csv", dtype=str)
    gone = iv[iv["wave"] == last]
    for t in gone["transcript"]:
        (to / "transcripts" / t).unlink()
    iv[iv["wave"] != last].to_csv(to / "interviews.csv", index=False)
    for name, column in (("survey_responses.csv", "wave"), ("action_progress.csv", "wave")):
        f = to / name
        if f.exists():
            d = pd.read_csv(f, dtype=str)
            d[d[column] != last].to_csv(f, index=False)
    for name in ("truth_coded.csv", "truth_statements.csv"):
        f = to / name
        if f.exists():
            d = pd.read_csv(f, dtype=str)
            if "interview_id" in d.columns:
                d[~d["interview_id"].isin(gone["interview_id"])].to_csv(f, index=False)


def build_interim(out: Path, name: str) -> None:
    import bench.disclosure76_attack.studies as s

    n, seed, opts = s.STUDIES[name]
    folder = out / name / "study"
    s.STUDIES[name + "-interim"] = (n, seed, opts)

    def replace(_name, study_folder):
        interim(folder, study_folder)

    from bench.disclosure65_attack import studies as s65

    real = s65.build

    def build65(o, names, studies, after_save=None):
        def after(nm, f):
            if after_save is not None:
                after_save(nm, f)
            replace(nm, f)
        return real(o, names, studies, after_save=after)

    s65.build = build65
    try:
        s.build(out, [name + "-interim"])
    finally:
        s65.build = real


def _handed(given, hiding, held: set) -> tuple[dict, list]:
    """The counts of the waves ``held`` that ledger ``given`` publishes and ledger ``hiding`` hides (the same count
    of the same people, with the same value), and those of the same name whose values differ (not the same count)."""
    told, differ = {}, []
    for k, v in given.values.items():
        if given.hidden(k) or k in given.auxiliary or k not in hiding.values or not hiding.hidden(k):
            continue
        if not (isinstance(k, tuple) and held & set(map(str, k))):
            continue  # a count over the waves (a factor's participants after the review): another count in each
        if hiding.values[k] != v:
            differ.append(k)
            continue
        told[k] = v
    return told, differ


def compare(out: Path, name: str) -> dict:
    """Both ways: what the interim publishes handed to the final's intruder, and what the final publishes to the
    interim's."""
    import yaml

    from bench.disclosure76_attack.channels import audit

    final = pickle.loads((out / name / "ledger.pickle").read_bytes())
    first = pickle.loads((out / f"{name}-interim" / "ledger.pickle").read_bytes())
    held = {w["id"] for w in yaml.safe_load((out / f"{name}-interim" / "study" / "study.yaml").read_text())["waves"]}
    to_final, d1 = _handed(first, final, held)
    to_first, d2 = _handed(final, first, held)
    return {"to_final": to_final, "to_interim": to_first, "differ": d1 + d2,
            "final_narrowed": audit(final, [], to_final), "interim_narrowed": audit(first, [], to_first)}


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for nm in sys.argv[2:]:
        if not (root / f"{nm}-interim" / "ledger.pickle").exists():
            build_interim(root, nm)
        r = compare(root, nm)
        print(f"{nm}: the interim publishes {len(r['to_final'])} counts the final hides, the final {len(r['to_interim'])} "
              f"the interim hides; narrowed: {len(r['final_narrowed'])} of the final, {len(r['interim_narrowed'])} of "
              f"the interim ({len(r['differ'])} counts of one name differ: not handed over)")
        for side in ("to_final", "to_interim"):
            for k, v in sorted(r[side].items(), key=str):
                print(f"    {side}: {k} = {v:g}")
        for side in ("final_narrowed", "interim_narrowed"):
            for k, (own, after, true) in sorted(r[side].items(), key=str):
                print(f"    {side}: {k}: {own} -> {after} (true {true:g})")
