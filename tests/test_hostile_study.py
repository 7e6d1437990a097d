"""Hostile study folders: each gets exit status 2 and a clear message within 10 seconds.

Each case starts from the tiny study, breaks it the way a malicious or damaged
file would, and runs the command line. A bomb (YAML aliases, deep nesting, a zip
or entity bomb, a CSV field wider than the csv module's limit) is run in a
subprocess with a timeout: one that got past its guard fails the test at the
timeout instead of taking the test process's memory or time, and the field limit
is process-wide state that an earlier in-process command may have raised. The
other cases (paths, links, NUL bytes, ragged rows, a file that is not a zip) are
refused as they are read, and run in this process through
``hostile._util.cli_here`` (testtime20: a child cost its imports, about 1 s of
CPU for ``validate`` and 2 s for ``run``, in each of 19 tests).
"""

import io
import os
import subprocess
import sys
import zipfile

import pytest
from hostile._util import cli_here


def _yaml_bomb(d):
    lines = ['name: "bomb"', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    lines.append("waves: *a11")
    (d / "study.yaml").write_text("\n".join(lines) + "\n")
    return "YAML aliases"


def _deep_yaml(d):
    (d / "study.yaml").write_text("name: x\nnotes: " + "[" * 50_000 + "]" * 50_000 + "\n")
    return "study.yaml"


def _huge_transcript(d):
    f = d / "transcripts" / "301" / "P1-early.txt"
    with open(f, "wb") as h:
        h.truncate(60 * 1024 * 1024)  # sparse: 60 MB of NUL bytes, cheap to make
    return "P1-early.txt"


def _binary_transcript(d):
    (d / "transcripts" / "301" / "P1-early.txt").write_bytes(bytes(range(256)) * 10)
    return "NUL bytes"


def _traversal_path(d):
    f = d / "interviews.csv"
    f.write_text(f.read_text().replace("301/P1-early.txt", "../../../../etc/passwd"))
    return "a path inside transcripts/"


def _symlink_outside(d):
    f = d / "transcripts" / "301" / "P1-early.txt"
    f.unlink()
    os.symlink("/etc/hostname", f)
    return "pointing outside transcripts/"


def _ragged_csv(d):
    with open(d / "councils.csv", "a") as h:
        h.write("999,Nowhere,E06000001,unitary,London,extra,cells\n")
    return "councils.csv:5"


def _nul_csv(d):
    f = d / "participants.csv"
    f.write_bytes(f.read_bytes().replace(b"P2,", b"P\x002,", 1))
    return "NUL bytes"


def _huge_field_csv(d):
    with open(d / "councils.csv", "a") as h:
        h.write('999,"' + "x" * 300_000 + '",E06000001,unitary,London\n')
    return "councils.csv"


def _docx_bomb(d):
    f = d / "interviews.csv"
    f.write_text(f.read_text().replace("301/P1-early.txt", "301/P1-early.docx"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    (d / "transcripts" / "301" / "P1-early.docx").write_bytes(buf.getvalue())
    return "zip bomb"


def _docx_traversal(d):
    f = d / "interviews.csv"
    f.write_text(f.read_text().replace("301/P1-early.txt", "301/P1-early.docx"))
    with zipfile.ZipFile(d / "transcripts" / "301" / "P1-early.docx", "w") as z:
        z.writestr("../../evil.txt", "x")
    return "points outside the archive"


def _not_a_zip_docx(d):
    f = d / "interviews.csv"
    f.write_text(f.read_text().replace("301/P1-early.txt", "301/P1-early.docx"))
    (d / "transcripts" / "301" / "P1-early.docx").write_text("this is not a zip")
    return "not a readable zip archive"


# A hostile file must be refused, not waited out: refusal takes 3-5 s on an idle machine (mostly interpreter
# start-up); the limit leaves room for a loaded CI runner while still failing a reader that hangs on a bomb.
_TIMEOUT = 60

CASES = [_yaml_bomb, _deep_yaml, _huge_transcript, _binary_transcript, _traversal_path, _symlink_outside,
         _ragged_csv, _nul_csv, _huge_field_csv, _docx_bomb, _docx_traversal, _not_a_zip_docx]
# run in a child process with a timeout (the module's docstring); the other cases in this process
IN_A_CHILD = {"_yaml_bomb", "_deep_yaml", "_huge_field_csv", "_docx_bomb", "_qdpx_entity_bomb", "_qdpx_zip_bomb"}


def _impact(case, *args: str, cwd) -> subprocess.CompletedProcess:
    """``impact ARGS`` on a study broken by ``case``: a child process with a timeout for a bomb, else this process."""
    if case.__name__ in IN_A_CHILD:
        return subprocess.run([sys.executable, "-m", "impact", *args], capture_output=True, text=True,
                              timeout=_TIMEOUT, cwd=cwd)
    return cli_here(*args, cwd=cwd)


@pytest.mark.parametrize("case", CASES, ids=[c.__name__.lstrip("_") for c in CASES])
def test_hostile_study_folder(case, tiny_study, tmp_path):
    study = tmp_path / "study"
    tiny_study.save(study)
    expected = case(study)
    before = sorted(p for p in tmp_path.rglob("*"))
    proc = _impact(case, "validate", str(study), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p for p in tmp_path.rglob("*")) == before  # nothing written anywhere


def _qdpx_traversal(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", "<Project xmlns='urn:QDA-XML:project:1.0' name='p'/>")
        z.writestr("../../outside.txt", "x")
    return "points outside the archive"


def _qdpx_entity_bomb(path):
    xml = ('<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
           '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
    return "document type declaration"


def _qdpx_zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", "<Project xmlns='urn:QDA-XML:project:1.0' name='p'/>")
        z.writestr("Sources/a.txt", b"\0" * (300 * 1024 * 1024))
    return "zip bomb"


def _qdpx_absolute(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", "<Project xmlns='urn:QDA-XML:project:1.0' name='p'/>")
        info = zipfile.ZipInfo("x")
        info.filename = "/tmp/evil.txt"
        z.writestr(info, "x")
    return "points outside the archive"


QDPX_CASES = [_qdpx_traversal, _qdpx_entity_bomb, _qdpx_zip_bomb, _qdpx_absolute]


@pytest.mark.parametrize("case", QDPX_CASES, ids=[c.__name__.lstrip("_") for c in QDPX_CASES])
def test_hostile_qdpx_import(case, tmp_path):
    archive = tmp_path / "evil.qdpx"
    expected = case(archive)
    before = sorted(tmp_path.rglob("*"))
    proc = _impact(case, "import-qdpx", str(archive), str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, not even the output folder


@pytest.mark.parametrize("case", [_yaml_bomb, _binary_transcript, _docx_traversal],
                         ids=["yaml_bomb", "binary_transcript", "docx_traversal"])
def test_hostile_study_run_writes_nothing(case, tiny_study, tmp_path):
    study = tmp_path / "study"
    tiny_study.save(study)
    expected = case(study)
    before = sorted(tmp_path.rglob("*"))
    proc = _impact(case, "run", str(study), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(tmp_path.rglob("*")) == before
