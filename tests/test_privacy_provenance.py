"""Tests of provenance without the user's paths, folder or file names."""

import json

import pytest

from impact.privacy import safe_provenance, study_layout


def _study(tmp_path, name="Lambeth-interviews-Jane-Smith"):
    root = tmp_path / "home" / "jsmith" / name
    (root / "transcripts" / "301").mkdir(parents=True)
    (root / "study.yaml").write_text("name: Lambeth interviews Jane Smith\n")
    (root / "transcripts" / "301" / "I0301-001.txt").write_text("Interviewer: Hello.\n")
    return root


def test_layout_is_relative_and_hash_follows_content(tmp_path):
    root = _study(tmp_path)
    layout = study_layout(root)
    assert layout["files"] == ["study.yaml", "transcripts/301/I0301-001.txt"] and layout["n_files"] == 2
    other = _study(tmp_path / "elsewhere", name="another-name")
    assert study_layout(other)["hash"] == layout["hash"]  # the folder's name and place do not count
    (other / "study.yaml").write_text("name: changed\n")
    assert study_layout(other)["hash"] != layout["hash"]
    with pytest.raises(NotADirectoryError):
        study_layout(root / "study.yaml")


def test_no_path_or_name_survives(tmp_path):
    root = _study(tmp_path)
    prov = {
        "study": "Lambeth interviews Jane Smith",
        "study_hash": "0123456789abcdef" * 4,
        "command": f"impact run {root} {tmp_path}/out --key-file ~/keys/k.txt",
        "inputs": [str(root / "study.yaml"), {"human": "C:\\Users\\jsmith\\codings.csv"}],
        "seed": 1,
    }
    before = json.dumps(prov)
    safe = safe_provenance(prov, study_dir=root, names=["Lambeth interviews Jane Smith"])
    assert json.dumps(prov) == before  # the input is not modified
    text = json.dumps(safe)
    for secret in ("Lambeth", "Jane", "Smith", "jsmith", str(tmp_path), "Users", "keys"):
        assert secret.lower() not in text.lower(), (secret, text)
    assert safe["study"] == "study-0123456789ab"
    assert safe["seed"] == 1
    # below the top of the folder, files are counted by folder and extension, never named
    assert safe["study_layout"]["files"] == {"study.yaml": 1, "transcripts/**/*.txt": 1}
    assert safe["command"].startswith("impact run <study> <path>")


def test_bad_arguments():
    with pytest.raises(TypeError, match="must be a mapping"):
        safe_provenance(["x"])
    with pytest.raises(TypeError, match="not a single string"):
        safe_provenance({}, paths="/home/x")


def test_a_file_named_after_a_person_or_council_is_counted_not_named(tmp_path):
    root = tmp_path / "s"
    (root / "transcripts" / "Leeds").mkdir(parents=True)
    (root / "study.yaml").write_text("name: x\n", encoding="utf-8")
    (root / "transcripts" / "Leeds" / "Jane Smith.txt").write_text("Hello.", encoding="utf-8")
    (root / "transcripts" / "Leeds" / "Ravi Patel.TXT").write_text("Hello.", encoding="utf-8")
    safe = safe_provenance({"study_hash": "ab" * 32}, study_dir=root)
    text = json.dumps(safe)
    assert "Leeds" not in text and "Jane" not in text and "Patel" not in text
    assert safe["study_layout"]["files"] == {"study.yaml": 1, "transcripts/**/*.txt": 2}
    assert safe["study_layout"]["n_files"] == 3


def test_a_short_or_common_folder_name_is_scrubbed_as_a_word_not_inside_words(tmp_path, monkeypatch):
    # `impact run s --out o` wrote "unit(<study>)", "<study>eed" and "ver<study>ion" into the published report's
    # provenance: the bare path "s" was scrubbed wherever the letter s stood.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "study.yaml").write_text("name: x\n")
    warning = "AttritionWarning: 5 units of 30 lack one or more of the time points (in at least one group)."
    coder = "the package's rule coder (codebook version 2.0, impact version 0.1.0)"
    prov = {"study": "x", "statistical_warnings": [warning], "coder": coder, "seed": 0,
            "parameters": {"seed": 0, "n_resamples": 2000}, "command": "impact run s --out o"}
    safe = safe_provenance(prov, study_dir="s", paths=["o"])
    assert safe["statistical_warnings"] == [warning] and safe["coder"] == coder
    assert safe["parameters"] == {"seed": 0, "n_resamples": 2000}
    # a folder named with a common word is replaced where it stands as a word, never inside another word
    (tmp_path / "care").mkdir()
    (tmp_path / "care" / "study.yaml").write_text("name: x\n")
    prov = {"study": "x", "note": "careful review of care plans", "command": f"impact run {tmp_path / 'care'}"}
    safe = safe_provenance(prov, study_dir=tmp_path / "care")
    assert safe["note"] == "careful review of <study> plans"
    assert "care" not in safe["command"].lower()


def test_the_command_keeps_its_subcommand_when_a_folder_shares_its_name(tmp_path, monkeypatch):
    # `impact demo` writes out/demo: the folder's name "demo" is scrubbed, and the report's provenance printed the
    # command as "impact <study> -q", which is no command at all.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "study.yaml").write_text("name: x\n")
    safe = safe_provenance({"study": "x", "command": "impact demo -q"}, paths=["out/demo"])
    assert safe["command"] == "impact demo -q"
    safe = safe_provenance({"study": "x", "command": "impact run run --out run-out"}, study_dir="run")
    assert safe["command"] == "impact run <study> --out <study>-out"
