"""Personal details in the study's own inputs, beyond the transcripts, reach no output.

A researcher names things: the study (``study.yaml`` ``name``), its waves
(``label``), files kept beside the tables ("Consent form Jane Smith.pdf"),
folders of notes.  Any of these can hold a participant's or a child's name,
and each used to be published as written.
"""

from __future__ import annotations

import json

import pytest

from impact.privacy import safe_provenance


def test_file_and_folder_names_a_person_chose_are_counted_not_named(tmp_path):
    # Before, every top-level name was published ("Consent form Evangeline Thistlewood.pdf": 1,
    # "Notes Cuthbert Ramsbottom/**/*.txt": 1), and a dotted name became an extension.
    root = tmp_path / "study"
    (root / "transcripts" / "Leeds").mkdir(parents=True)
    (root / "Notes Cuthbert Ramsbottom").mkdir()
    (root / "study.yaml").write_text("name: x\n", encoding="utf-8")
    (root / "councils.csv").write_text("council_id\n", encoding="utf-8")
    (root / "Consent form Evangeline Thistlewood.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "Tyler.Okonkwo").write_text("notes", encoding="utf-8")
    (root / "Notes Cuthbert Ramsbottom" / "visit.txt").write_text("notes", encoding="utf-8")
    (root / "transcripts" / "Leeds" / "Jane.Smith").write_text("Hello.", encoding="utf-8")
    (root / "transcripts" / "Leeds" / "I1.txt").write_text("Hello.", encoding="utf-8")
    safe = safe_provenance({"study_hash": "ab" * 32}, study_dir=root)
    text = json.dumps(safe).lower()
    for part in ("evangeline", "thistlewood", "cuthbert", "ramsbottom", "tyler", "okonkwo", "smith", "leeds"):
        assert part not in text, part
    assert safe["study_layout"]["files"] == {
        "*": 1, "*.pdf": 1, "*/**/*.txt": 1, "councils.csv": 1, "study.yaml": 1, "transcripts/**": 1,
        "transcripts/**/*.txt": 1,
    }
    assert safe["study_layout"]["n_files"] == 7


@pytest.mark.xdist_group("pipeline")
@pytest.mark.slow
def test_names_in_the_study_title_labels_and_coders_reach_no_output(tmp_path, monkeypatch):
    # The study's name is the report's title (HTML, the Word file's title property, provenance.json);
    # wave and code labels head tables, figures and sentences; the coders of supplied codings were
    # named in the report's method and provenance.json.  Before, each was published as written.
    import shutil
    import zipfile

    import pandas as pd
    import yaml

    import impact
    from impact.synth import generate_with_truth, save_synthetic

    study, truth = generate_with_truth(6, seed=11, interviews_per_wave=2, words_per_interview=200)
    folder = save_synthetic(study, truth, tmp_path / "study")
    meta = yaml.safe_load((folder / "study.yaml").read_text(encoding="utf-8"))
    council = study.councils["name"].iloc[0]
    meta["name"] = f"{council} interviews with Persephone Wigglesworth"
    meta["waves"][1]["label"] = "Early impact (after Kayleigh Okonkwo's visit)"
    book = yaml.safe_load(shutil.copyfile(impact.bundled_path("codebooks") / "nfer_impacts.yaml",
                                          folder / "codebook.yaml").read_text(encoding="utf-8"))
    book["codes"][0]["label"] = "Commitment (Tyrone Featherstonehaugh's team)"
    (folder / "codebook.yaml").write_text(yaml.safe_dump(book, sort_keys=False), encoding="utf-8")
    meta["codebook"] = "codebook.yaml"
    (folder / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")

    coded = pd.read_csv(folder / "truth_coded.csv", dtype=str, keep_default_na=False)
    coded["coder"] = ["Griselda Pankhurst" if k % 3 else "G.P." for k in range(len(coded))]

    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
    result = impact.run(folder, out_dir=tmp_path / "out", n_resamples=99, seed=1, coded=coded)
    texts = {}
    for f in sorted(result.out_dir.rglob("*")):
        if f.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(f) as z:
                texts[f.name] = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        elif f.suffix in (".html", ".csv", ".json", ".svg"):
            texts[f.name] = f.read_text(encoding="utf-8-sig")
    html = texts["report.html"]
    assert "interviews with [name]" in html and "after [name]" in html and "[name]" in texts["report.docx"]
    assert "codings supplied by the user (2 coders)" in html
    for needle in ("Persephone", "Wigglesworth", "Kayleigh", "Okonkwo", "Tyrone", "Featherstonehaugh", council,
                   "Griselda", "Pankhurst", "G.P."):
        leaked = [name for name, text in texts.items() if needle.lower() in text.lower()]
        assert not leaked, (needle, leaked)
