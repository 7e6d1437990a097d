"""Fuzzing the parsers: whatever the bytes, a clear ImpactError or a result - never another exception.

Covers the study folder (study.yaml and every CSV), codebook YAML, transcripts
(text decoding and segmentation) and QDPX archives.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact._io import decode_text
from impact.coding import Codebook, segment
from impact.errors import ImpactError
from impact.study import load_study

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

csv_cell = st.one_of(st.text(max_size=12), st.sampled_from(["301", "2011-05-09", "", "good", "early", '"', ",", "\n", "\x00"]))
csv_text = st.lists(st.lists(csv_cell, max_size=7), max_size=6).map(lambda rows: "\n".join(",".join(r) for r in rows))


@FUZZ
@given(table=st.sampled_from(["councils.csv", "status_history.csv", "reviews.csv", "participants.csv", "interviews.csv",
                              "survey_responses.csv", "study.yaml"]),
       content=st.one_of(csv_text, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_study_folder_fuzz(tiny_study, tmp_path_factory, table, content):
    folder = tmp_path_factory.mktemp("fuzz")
    tiny_study.save(folder)
    (folder / table).write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        load_study(folder)
    except ImpactError:
        pass


@FUZZ
@given(st.one_of(st.text(max_size=300), st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=20).map(repr)))
def test_codebook_yaml_fuzz(text):
    try:
        Codebook.from_yaml(text, source="fuzz.yaml")
    except ImpactError:
        pass


@FUZZ
@given(st.binary(max_size=400))
def test_transcript_bytes_fuzz(data):
    try:
        text, _ = decode_text(data, source="fuzz.txt")
    except ImpactError:
        return
    except UnicodeDecodeError:
        pytest.fail("decode_text leaked a UnicodeDecodeError")
    import pandas as pd

    seg = segment(pd.Series([text], index=["t1"]))
    for row in seg.itertuples():
        assert text[row.start:row.end] == row.text


@FUZZ
@given(entries=st.dictionaries(st.sampled_from(["project.qde", "Project.qde", "Sources/a.txt", "sources/b.txt", "x"]),
                               st.one_of(st.binary(max_size=200), st.sampled_from([
                                   b"<?xml version='1.0'?><Project xmlns='urn:QDA-XML:project:1.0' name='p'/>",
                                   b"<Project><CodeBook><Codes><Code guid='x' name='a' isCodable='true'/></Codes></CodeBook></Project>",
                               ])), max_size=4))
def test_qdpx_fuzz(tmp_path_factory, entries):
    from impact.qdpx import read_qdpx

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    path = tmp_path_factory.mktemp("q") / "fuzz.qdpx"
    path.write_bytes(buf.getvalue())
    try:
        read_qdpx(path, missing="warn")
    except ImpactError:
        pass
