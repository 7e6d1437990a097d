"""Personal details in the study's own inputs, beyond the transcripts, reach no output.

A researcher names things: the study (``study.yaml`` ``name``), its waves
(``label``), files kept beside the tables ("Consent form Jane Smith.pdf"),
folders of notes.  Any of these can hold a participant's or a child's name,
and each used to be published as written.
"""

from __future__ import annotations

import json

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
