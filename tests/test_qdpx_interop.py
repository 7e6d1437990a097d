"""impact's REFI-QDA files checked with the readers published on PyPI, and the reverse.

Each reader is a real package: ``qdapy`` (in the test extra), ``pyqdpx`` and
``qualitative-coding`` (``qc``, in the ``qdpx-interop`` extra: qc pulls in
spaCy, and pyqdpx 0.1.8 needs Python 3.12).  A test whose reader cannot be
imported is skipped with the reason.  What the tools get wrong on their own
(and how impact's files avoid it) is in docs/qdpx.md.
"""

from __future__ import annotations

import importlib
import io
import os
import re
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from impact.qdpx import QdaProject, QdpxWarning, read_qdpx, write_qdc, write_qdpx

STAMP = "2024-05-01T09:30:00Z"


def _need(module: str, why: str):
    try:
        return importlib.import_module(module)
    except Exception as exc:  # SyntaxError on too old a Python, ImportError where absent
        pytest.skip(f"{why} ({type(exc).__name__}: {exc})")


@pytest.fixture(scope="module")
def example_export(tmp_path_factory):
    """Three councils of the example study, coded by the rule coder and a 'person', exported."""
    from test_qdpx import example_subset

    from impact.qdpx import project_from_study

    study, segments, coded = example_subset(3)
    person = coded.iloc[::3][["unit", "code", "start", "end"]].reset_index(drop=True)
    project = project_from_study(study, coded_by_coder={"rule_coder": coded, "ann": person}, segments=segments)
    path = write_qdpx(project, tmp_path_factory.mktemp("export") / "example.qdpx", created=STAMP)
    return path, read_qdpx(path)


def _impact_texts(project: QdaProject) -> pd.DataFrame:
    users = dict(zip(project.users["user_guid"], project.users["name"], strict=True))
    codes = dict(zip(project.codes["code_guid"], project.codes["name"], strict=True))
    return pd.DataFrame(
        {
            "selection": project.codings["selection_guid"],
            "code": project.codings["code_guid"].map(codes),
            "coder": project.codings["user_guid"].map(users),
            "text": project.codings["text"],
        }
    )


def _sorted(data: pd.DataFrame) -> pd.DataFrame:
    return data.sort_values(list(data.columns)).reset_index(drop=True)


# --------------------------------------------------------------------------- qdapy


def test_qdapy_reads_every_source_code_coder_and_text(example_export):
    qdapy_qdpx = _need("qdapy.qdpx", "qdapy is not installed")
    path, ours = example_export
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = qdapy_qdpx.read_qdpx(path, warn=False)
    assert sorted(theirs.sources) == sorted(ours.sources["name"])
    assert sorted(theirs.codebook["name"]) == sorted(ours.codes["name"])
    assert theirs.coders == sorted(ours.users["name"])
    got = pd.DataFrame(
        {"selection": theirs.fragments["annotationKey"], "code": theirs.fragments["code"], "coder": theirs.fragments["codedBy"], "text": theirs.fragments["text"]}
    )
    assert len(got) == len(ours.codings) > 100
    pd.testing.assert_frame_equal(_sorted(got.astype(str)), _sorted(_impact_texts(ours).astype(str)))
    assert set(theirs.fragments["codedAt"]) == {STAMP}


# --------------------------------------------------------------------------- pyqdpx


def _pyqdpx():
    if sys.version_info < (3, 12):
        pytest.skip("pyqdpx 0.1.8 cannot be imported on Python < 3.12: it uses the f-string syntax of PEP 701 (a SyntaxError here)")
    return _need("pyqdpx", "pyqdpx is not installed (pip install impact[qdpx-interop])")


def test_pyqdpx_reads_every_user_code_source_and_selection(example_export):
    pyqdpx = _pyqdpx()
    path, ours = example_export
    with io.StringIO() as said, __import__("contextlib").redirect_stdout(said):
        project = pyqdpx.QDPX(str(path)).get_project()
        printed = said.getvalue()
    assert "Skipping" not in printed and "Error" not in printed, printed[:500]
    assert sorted(u.name for u in project.users.values()) == sorted(ours.users["name"])
    assert sorted(c.name for c in project.codes.values()) == sorted(ours.codes["name"])
    assert sorted(s.name for s in project.sources.values()) == sorted(ours.sources["name"])
    rows = []
    for source in project.sources.values():
        for sel in source.coded_selections.values():
            # pyqdpx counts positions as NVivo does, with a zero-width space after each astral character
            rows.append({"selection": sel.guid, "code": sel.code.name, "coder": sel.user.name, "text": re.sub("(?<=[\U00010000-\U0010ffff])\u200b", "", sel.text)})
    pd.testing.assert_frame_equal(_sorted(pd.DataFrame(rows).astype(str)), _sorted(_impact_texts(ours).astype(str)))


# --------------------------------------------------------------------------- qualitative-coding (qc)


def _qc(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    _need("qualitative_coding", "qualitative-coding is not installed (pip install impact[qdpx-interop])")
    # qc 1.7.8's REFI-QDA import stops at a breakpoint() left in its code; PYTHONBREAKPOINT=0 passes it.
    env = {**os.environ, "PYTHONBREAKPOINT": "0"}
    proc = subprocess.run([sys.executable, "-c", "from qualitative_coding.cli import cli; cli()", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return proc


def test_qc_imports_every_source_code_coder_and_line(example_export, tmp_path):
    path, ours = example_export
    work = tmp_path / "qc"
    work.mkdir()
    _qc(["init", "--import", str(path)], work)
    db = sqlite3.connect(work / "qualitative_coding.sqlite3")
    assert sorted(r[0] for r in db.execute("select name from coder")) == sorted(ours.users["name"])
    assert sorted(r[0] for r in db.execute("select name from code")) == sorted(ours.codes["name"])
    docs = sorted(r[0] for r in db.execute("select file_path from document"))
    assert docs == sorted(f"{n}.txt" for n in ours.sources["name"])
    # qc codes lines: every coding is on the line its span starts on (impact names selections "line:<n> <unit>")
    lines = {(r[0], r[1], r[2]) for r in db.execute("select line, coder_id, code_id from coded_line")}
    names = dict(zip(ours.codes["code_guid"], ours.codes["name"], strict=True))
    users = dict(zip(ours.users["user_guid"], ours.users["name"], strict=True))
    want = {(int(re.match(r"line:(\d+)", n).group(1)), users[u], names[c])
            for n, u, c in zip(ours.codings["selection_name"], ours.codings["user_guid"], ours.codings["code_guid"], strict=True)}
    assert lines == want


def _crlf_bom_emoji_project() -> tuple[QdaProject, list[dict]]:
    """Two sources with CRLF line ends and emoji, each coding a whole line (qc codes lines)."""
    texts = {
        "alpha.txt": "Staff morale is up 😀 since the review.\r\nWe changed the referral form.\r\nPartners meet monthly now 🎉🎉.\r\n",
        "beta": "The review 👍 helped us.\r\nNothing else changed.\r\nLearning is shared 📚 across teams.\r\n",
    }
    p = QdaProject(name="crlf bom emoji")
    p.sources = pd.DataFrame({"source_guid": [f"{i:08x}-0000-4000-8000-{i:012x}" for i in (1, 2)], "name": list(texts), "text": list(texts.values())})
    p.codes = pd.DataFrame({"code_guid": ["00000000-0000-4000-8000-0000000000c1", "00000000-0000-4000-8000-0000000000c2"], "name": ["morale", "plans"]})
    p.users = pd.DataFrame({"user_guid": ["00000000-0000-4000-8000-0000000000a1"], "name": ["ann"]})
    rows = []
    for guid, text in zip(p.sources["source_guid"], texts.values(), strict=True):
        starts = [0] + [m.end() for m in re.finditer("\r\n", text)][:-1]
        ends = [m.end() for m in re.finditer("\r\n", text)]
        for k, (a, b) in enumerate(zip(starts, ends, strict=True)):
            rows.append({"source_guid": guid, "code_guid": p.codes["code_guid"][k % 2], "user_guid": p.users["user_guid"][0],
                         "start": a, "end": b, "selection_name": f"line:{k}", "text": text[a:b]})
    p.codings = pd.DataFrame(rows)
    return p, rows


def test_crlf_bom_emoji_round_trip_through_qc(tmp_path):
    """impact -> qc -> impact: qc counts the BOM as a character and a CRLF as one; impact corrects both, saying so."""
    project, rows = _crlf_bom_emoji_project()
    out = write_qdpx(project, tmp_path / "p.qdpx", bom=True, created=STAMP)
    work = tmp_path / "qc"
    work.mkdir()
    _qc(["init", "--import", str(out)], work)
    _qc(["export", str(tmp_path / "back.qdpx")], work)
    with pytest.warns(QdpxWarning, match="a CRLF line end counted as one character, the byte-order mark counted as a character"):
        back = read_qdpx(tmp_path / "back.qdpx")
    assert back.origin.startswith("qc ")
    names = dict(zip(back.sources["source_guid"], back.sources["name"], strict=True))
    codes = dict(zip(back.codes["code_guid"], back.codes["name"], strict=True))
    got = sorted((Path(names[r.source_guid]).stem, codes[r.code_guid], r.text) for r in back.codings.itertuples())
    by_guid = dict(zip(project.sources["source_guid"], project.sources["name"], strict=True))
    cnames = dict(zip(project.codes["code_guid"], project.codes["name"], strict=True))
    want = sorted((Path(by_guid[r["source_guid"]]).stem, cnames[r["code_guid"]], r["text"]) for r in rows)
    assert got == want


def test_qc_export_read_with_the_same_texts_as_qc_has(tmp_path, shared_data):
    """The reverse: a project qc wrote (the demo it ships) gives the lines qc coded."""
    project = read_qdpx(shared_data / "qdpx" / "qc_demo.qdpx")
    texts = project.sources.set_index("source_guid")["text"]
    for r in project.codings.itertuples():
        line = int(r.selection_name.split(":")[1])
        assert r.text == texts[r.source_guid].splitlines(keepends=True)[line]


# --------------------------------------------------------------------------- Taguette


def test_taguette_reads_the_codebook_csv(tmp_path):
    taguette = _need("taguette.import_codebook", "Taguette is not installed (its codebook import reads only CSV)")
    codes = pd.DataFrame({"code_id": ["impact", "morale", "plans"], "label": ["Impact", "Staff morale", "Plans, actions"],
                          "parent": [None, "impact", "impact"], "definition": ["Any impact", '=Morale "up"', None]})
    qdc = write_qdc(codes, tmp_path / "nfer.qdc")
    csv_file = tmp_path / "nfer.codebook.csv"
    assert qdc.is_file() and csv_file.is_file()
    with open(csv_file, "rb") as f:
        tags = taguette.list_tags_csv(f)
    assert tags == [
        {"path": "Impact", "description": "Any impact"},
        {"path": "Impact.Staff morale", "description": "'=Morale \"up\""},
        {"path": "Impact.Plans, actions", "description": ""},
    ]
