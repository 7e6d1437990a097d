"""Tests of REFI-QDA exchange (impact.qdpx): real exports, tolerance, security, round trips."""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.errors import InputError, ValidationError
from impact.qdpx import (
    QdaProject,
    QdpxWarning,
    read_qdc,
    read_qdpx,
    validate_qdpx,
    write_qdc,
    write_qdpx,
)

NS = "urn:QDA-XML:project:1.0"
G = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(1, 40)]  # readable fixed GUIDs (lower case, as impact keeps them)
STAMP = "2024-05-01T09:30:00Z"


def _qdpx(path: Path, qde: str | bytes, files: dict[str, bytes] | None = None, *, qde_name: str = "project.qde") -> Path:
    """Write a small .qdpx archive by hand."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(qde_name, qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


def _project_xml(sources: str, *, ns: bool = True, origin: str = "hand written") -> str:
    xmlns = f' xmlns="{NS}"' if ns else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Project{xmlns} name="t" origin="{origin}">'
        f'<Users><User guid="{G[0]}" name="ann"/></Users>'
        f'<CodeBook><Codes><Code guid="{G[1]}" name="parent" isCodable="true"><Description>top</Description>'
        f'<Code guid="{G[2]}" name="child" isCodable="true"/></Code></Codes></CodeBook>'
        f"<Sources>{sources}</Sources></Project>"
    )


def _text_source(guid: str, path: str, start: int, end: int, *, user: bool = True) -> str:
    who = f' creatingUser="{G[0]}"' if user else ""
    return (
        f'<TextSource guid="{guid}" name="s" plainTextPath="{path}">'
        f'<PlainTextSelection guid="{G[10]}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{G[11]}"{who}><CodeRef targetGUID="{G[2]}"/></Coding></PlainTextSelection></TextSource>'
    )


# --------------------------------------------------------------------------- real exports


REAL = {
    # file: (users, codes, codings) counted in the XML with grep
    "atlas23_blank.qdpx": (2, 0, 0),
    "atlas23_target.qdpx": (2, 3, 0),
    "nvivo_mac15_project.qdpx": (2, 262, 0),
    "qc_demo.qdpx": (1, 262, 205),
    "nvivo12_two_coders_hu.qdpx": (3, 152, 330),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_exports_import(shared_data, name):
    project = read_qdpx(shared_data / "qdpx" / name)
    users, codes, codings = REAL[name]
    assert (len(project.users), len(project.codes), len(project.codings)) == (users, codes, codings)
    # every coding refers to a code of the codebook and has its text
    assert project.codings["code_guid"].isin(project.codes["code_guid"]).all()
    assert project.codings["text"].notna().all()


def test_atlasti8_missing_sources_listed_in_one_error(shared_data):
    path = shared_data / "qdpx" / "atlasti8_testproject.qdpx"
    with pytest.raises(InputError, match=r"8 source text files named in the project are not in the archive") as err:
        read_qdpx(path)
    message = unicodedata.normalize("NFC", str(err.value))  # ATLAS.ti writes names decomposed (NFD)
    for name in ("Mabel.txt", "Simon.docx", "Mabêl 2ième.txt", "Representation_for_Kellogg's Passion for Nutrition.pdf"):
        assert name in message
    assert "missing='warn'" in str(err.value)


def test_atlasti8_missing_sources_warn_imports_the_rest(shared_data):
    with pytest.warns(QdpxWarning, match="missing from the archive"):
        project = read_qdpx(shared_data / "qdpx" / "atlasti8_testproject.qdpx", missing="warn")
    assert len(project.codes) == 14 and len(project.users) == 3
    codes = project.codes.set_index("name")
    assert codes.at["Coke::diet Coke", "description"] == "non sucré"
    assert codes.at["cornflakes", "color"] == "#DC0000"
    # 9 codings of text selections (8 in text sources, 2 in a PDF's text representation minus 1 quotation without code)
    assert len(project.codings) == 9
    assert project.codings["text"].isna().all()
    simon = project.codings[project.codings["selection_name"] == "damage done by fatty foods"]
    assert simon[["start", "end"]].values.tolist() == [[688, 907]]
    assert len(project.sets) == 16 and len(project.set_members) == 42
    assert set(project.set_members["member_type"]) == {"code", "source"}
    kinds = project.sources["kind"].value_counts().to_dict()
    assert kinds["TextSource"] == 6 and kinds["PDFSource"] == 2 and kinds["Representation"] == 2
    messages = " ".join(project.issues["message"])
    assert "not in the archive" in messages and "PictureSelections" in messages and "2 notes" in messages


def test_nvivo_two_coders_positions_are_utf16_code_units(shared_data):
    path = shared_data / "qdpx" / "nvivo12_two_coders_hu.qdpx"
    project = read_qdpx(path)
    codings = project.codings
    source = project.sources.set_index("source_guid").loc[codings["source_guid"].iloc[0]]
    text = source["text"]
    assert source["name"] == "videos_10_selected"
    assert "\r\n" in text and any(ord(c) > 0xFFFF for c in text)  # CRLF and emoji: the hard cases
    # Independent check: NVivo's raw positions index the UTF-16 encoding of the file's text
    # (CRLF counting two).  Slice the UTF-16 bytes at the raw positions and decode.
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(path) as zf:
        root = fromstring(zf.read("project.qde"))
    raw = {e.get("guid"): (int(e.get("startPosition")), int(e.get("endPosition"))) for e in root.iter(f"{{{NS}}}PlainTextSelection")}
    assert len(raw) == 330
    u16 = text.encode("utf-16-le")
    for row in codings.itertuples():
        s, e = raw[row.selection_guid]
        assert row.text == u16[2 * s : 2 * e].decode("utf-16-le")
    # positions are code points into the text as stored
    assert all(text[r.start : r.end] == r.text for r in codings.itertuples())
    # Hungarian text comes through intact; an emoji-bearing selection is converted
    assert codings["text"].str.contains("ő|ű", regex=True).sum() > 100
    assert codings["text"].map(lambda t: any(ord(c) > 0xFFFF for c in t)).any()
    # 324 of 330 selections start and end at a word boundary; read as code points, most would not
    boundary = [(r.start == 0 or text[r.start - 1] in " \n\t") and (r.end == len(text) or text[r.end] in "\r\n \t.,!?") for r in codings.itertuples()]
    assert sum(boundary) == 324
    issues = project.issues
    assert issues["message"].str.contains("UTF-16 code units").any()


def test_nvivo_hierarchy_descriptions_and_coders(shared_data):
    project = read_qdpx(shared_data / "qdpx" / "nvivo12_two_coders_hu.qdpx")
    codes = project.codes.set_index("code_guid")
    covid = codes.loc["7142c1bf-1bbe-4073-88dd-ae1dbfec9f8f"]
    assert covid["name"] == "COVID"
    assert codes.at[covid["parent_guid"], "name"] == "1. Oltás típusa"
    assert codes.at[covid["parent_guid"], "description"] == "COVID vay nem COVID"
    users = dict(zip(project.users["user_guid"], project.users["name"], strict=True))
    coders = project.codings["user_guid"].map(users).value_counts().to_dict()
    assert coders == {"Gergo": 303, "test_user": 27}  # the Coding elements' creatingUser
    selectors = project.codings["selection_user_guid"].map(users).value_counts().to_dict()
    assert selectors == {"floriansipos": 297, "test_user": 27, "Gergo": 6}


def test_nvivo_agreement_between_coders_per_code(shared_data):
    """Per-code character-level agreement of the two NVivo coders, through impact.agreement.

    Cross-checked against scikit-learn's Cohen's kappa on 0/1 vectors over the characters
    either coder coded with the code (the units character_agreement uses).
    """
    from sklearn.metrics import cohen_kappa_score

    from impact.agreement import character_agreement

    project = read_qdpx(shared_data / "qdpx" / "nvivo12_two_coders_hu.qdpx")
    users = dict(zip(project.users["user_guid"], project.users["name"], strict=True))
    codings = project.codings.assign(coder=project.codings["user_guid"].map(users), unit=project.codings["source_guid"], code=project.codings["code_guid"])
    per_coder = codings.groupby("code")["coder"].nunique()
    both = sorted(per_coder.index[per_coder == 2])
    assert len(both) == 16
    n_chars = len(project.sources.set_index("source_guid").at[codings["unit"].iloc[0], "text"])
    expected = {}
    for code in both:
        vec = {}
        for coder in ("Gergo", "test_user"):
            v = np.zeros(n_chars, dtype=int)
            for r in codings[(codings["coder"] == coder) & (codings["code"] == code)].itertuples():
                v[r.start : r.end] = 1
            vec[coder] = v
        union = (vec["Gergo"] | vec["test_user"]).astype(bool)
        expected[code] = cohen_kappa_score(vec["Gergo"][union], vec["test_user"][union]) if len(set(vec["Gergo"][union]) | set(vec["test_user"][union])) > 1 else np.nan
    table = character_agreement(codings[codings["code"].isin(both)], metrics=["cohen_kappa", "percent_agreement"])
    kappa = table[table["metric"] == "cohen_kappa"].set_index("code")["value"]
    for code, k in expected.items():
        if np.isnan(k):
            continue
        assert kappa[code] == pytest.approx(k, abs=1e-9)
    assert table.set_index(["code", "metric"])["n_units"].gt(0).all()
    # A real finding, not a bug: test_user coded characters 291059-296790 only, Gergo 233-79863,
    # so no text was double-coded and agreement on the union of coded text is nil.
    assert (table.loc[table["metric"] == "percent_agreement", "value"] == 0).all()
    spans = codings.groupby("coder").agg(lo=("start", "min"), hi=("end", "max"))
    assert spans.loc["Gergo", "hi"] < spans.loc["test_user", "lo"]


def test_qc_demo_selection_names_give_zero_based_lines(shared_data):
    project = read_qdpx(shared_data / "qdpx" / "qc_demo.qdpx")
    texts = project.sources.set_index("source_guid")["text"]
    assert project.sources["name"].isna().all()  # qc writes no source names
    for r in project.codings.itertuples():
        text = texts[r.source_guid]
        assert r.selection_name == f"line:{text[: r.start].count(chr(10))}"
        assert r.start == 0 or text[r.start - 1] == "\n"
        assert text[r.start : r.end] == r.text


@pytest.mark.parametrize("name", sorted(REAL) + ["atlasti8_testproject.qdpx"])
def test_real_exports_round_trip_and_validate(shared_data, tmp_path, name):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QdpxWarning)
        project = read_qdpx(shared_data / "qdpx" / name, missing="warn")
        out = write_qdpx(project, tmp_path / name)
        again = read_qdpx(out, missing="warn")
    assert validate_qdpx(out, schema=shared_data / "qdpx" / "Project.xsd") == []
    text_sources = project.sources[project.sources["kind"] == "TextSource"]
    cols = ["source_guid", "name", "text", "description"]
    pd.testing.assert_frame_equal(text_sources[cols].reset_index(drop=True), again.sources[cols])
    kept = project.codings[project.codings["source_guid"].isin(text_sources["source_guid"])].reset_index(drop=True)
    # written conservatively: one coding per selection (the extra ones get new selection GUIDs),
    # a creating user and a creation time on every coding; everything else as it was
    filled = ["selection_guid", "user_guid", "selection_user_guid", "created"]
    pd.testing.assert_frame_equal(kept.drop(columns=filled), again.codings.drop(columns=filled))
    first = ~kept["selection_guid"].duplicated() | kept["selection_guid"].isna()
    assert (again.codings["selection_guid"][first] == kept["selection_guid"][first]).all()
    assert again.codings["selection_guid"].dropna().is_unique
    placed = again.codings["start"].notna()
    for col, where in (("user_guid", slice(None)), ("created", slice(None)), ("selection_user_guid", placed)):
        known = kept[col].notna()
        assert (again.codings[col][known] == kept[col][known]).all() and again.codings[col][where].notna().all()
    for table in ("codes", "users", "sets", "set_members"):
        pd.testing.assert_frame_equal(getattr(project, table), getattr(again, table))


# --------------------------------------------------------------------------- tolerance


@pytest.mark.parametrize(
    ("qde_name", "folder", "path"),
    [
        ("project.qde", "Sources", "internal://a.txt"),
        ("Project.qde", "sources", "internal://a.txt"),
        ("project.qde", "sources", "a.txt"),
        ("project.qde", "Sources", "relative:///a.txt"),
        ("project.qde", "Sources", "file:///C:/Users/me/My%20Project/a.txt"),
        ("project.qde", "Sources", "internal://A.TXT"),
    ],
)
def test_tolerates_file_layouts(tmp_path, qde_name, folder, path):
    f = _qdpx(tmp_path / "t.qdpx", _project_xml(_text_source(G[5], path, 4, 9)), {f"{folder}/a.txt": b"The review helped."}, qde_name=qde_name)
    project = read_qdpx(f)
    assert project.codings["text"].tolist() == ["revie"]
    assert project.sources["plain_text_path"].tolist() == [path]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"line one\r\nline two", "two"),
        ("\ufeffline one\r\nline two".encode(), "two"),  # BOM is not counted
        ("line one\r\nline two".encode("utf-16"), "two"),  # UTF-16 with BOM
        ("line one\r\nline two".encode("utf-16-le"), "two"),  # UTF-16 without BOM
        ("line one\r\nline two".encode("utf-16-be"), "two"),
    ],
)
def test_crlf_counts_two_characters_in_any_encoding(tmp_path, data, expected):
    # "line one\r\n" is 10 characters: a CRLF counts two, as NVivo and ATLAS.ti count it
    f = _qdpx(tmp_path / "t.qdpx", _project_xml(_text_source(G[5], "internal://a.txt", 15, 18)), {"Sources/a.txt": data})
    assert read_qdpx(f).codings["text"].tolist() == [expected]


def test_astral_characters_code_points_vs_utf16(tmp_path):
    text = "A 😀 B 😀 calm"  # "calm" is code points 8-12, UTF-16 units 10-14
    std = _qdpx(tmp_path / "std.qdpx", _project_xml(_text_source(G[5], "internal://a.txt", 8, 12)), {"Sources/a.txt": text.encode()})
    nv = _qdpx(tmp_path / "nv.qdpx", _project_xml(_text_source(G[5], "internal://a.txt", 10, 14), origin="NVivo 14"), {"Sources/a.txt": text.encode()})
    assert read_qdpx(std).codings["text"].tolist() == ["calm"]
    assert read_qdpx(nv).codings[["start", "end", "text"]].values.tolist() == [[8, 12, "calm"]]
    # read as UTF-16, 8-12 starts inside the second emoji (units 7-8): widened to the whole character
    with pytest.warns(QdpxWarning, match="no way of counting fits the positions: 2 of 2 selection ends"):
        forced = read_qdpx(std, positions="utf16")
    assert forced.codings["text"].tolist() == ["😀 ca"]
    assert forced.issues["message"].str.contains("inside a surrogate pair").any()
    # positions that only fit when counted in UTF-16 are read that way, with a note
    late = _qdpx(tmp_path / "late.qdpx", _project_xml(_text_source(G[5], "internal://a.txt", 10, 14)), {"Sources/a.txt": text.encode()})
    with pytest.warns(QdpxWarning, match=r"positions read as UTF-16 code units: that way 0 of 2 selection ends fall inside words"):
        project = read_qdpx(late)
    assert project.codings["text"].tolist() == ["calm"]
    assert project.issues["message"].str.contains("positions read as UTF-16 code units and converted").any()


def test_no_namespace_and_missing_optional_attributes(tmp_path):
    qde = _project_xml(_text_source(G[5], "internal://a.txt", 0, 3, user=False), ns=False).replace(' name="s"', "")
    project = read_qdpx(_qdpx(tmp_path / "t.qdpx", qde, {"Sources/a.txt": b"abcdef"}))
    assert project.codings["text"].tolist() == ["abc"]
    assert project.codings["user_guid"].isna().all()
    assert project.sources["name"].isna().all()
    assert project.codes["parent_guid"].tolist()[1] == G[1]


def test_inline_plain_text_content_and_variables(tmp_path):
    src = (
        f'<TextSource guid="{G[5]}" name="I1"><PlainTextContent>Hello world</PlainTextContent>'
        f'<Coding guid="{G[12]}" creatingUser="{G[0]}"><CodeRef targetGUID="{G[1]}"/></Coding>'
        f'<VariableValue><VariableRef targetGUID="{G[20]}"/><TextValue>early</TextValue></VariableValue></TextSource>'
    )
    qde = _project_xml(src).replace(
        "<Sources>",
        f'<Variables><Variable guid="{G[20]}" name="wave" typeOfVariable="Text"/><Variable guid="{G[21]}" name="n" typeOfVariable="Integer"/></Variables>'
        f'<Cases><Case guid="{G[22]}" name="301"><VariableValue><VariableRef targetGUID="{G[21]}"/><IntegerValue> 3 </IntegerValue></VariableValue>'
        f'<SourceRef targetGUID="{G[5]}"/></Case></Cases><Sources>',
    )
    project = read_qdpx(_qdpx(tmp_path / "t.qdpx", qde))
    assert project.sources[["name", "text", "wave"]].values.tolist() == [["I1", "Hello world", "early"]]
    # a code applied to the whole source has no positions
    assert project.codings[["start", "end"]].isna().all().all()
    assert project.case_variables.values.tolist() == [[G[22], "n", "3"]]
    assert project.case_sources.values.tolist() == [[G[22], G[5]]]


def test_unknown_code_reference_is_reported(tmp_path):
    qde = _project_xml(_text_source(G[5], "internal://a.txt", 0, 3)).replace(f'<CodeRef targetGUID="{G[2]}"/>', f'<CodeRef targetGUID="{G[30]}"/>')
    project = read_qdpx(_qdpx(tmp_path / "t.qdpx", qde, {"Sources/a.txt": b"abcdef"}))
    assert project.issues["message"].str.contains(f"1 coding refers to code '{G[30]}'", regex=False).any()


# --------------------------------------------------------------------------- security


def test_refuses_path_traversal(tmp_path):
    f = _qdpx(tmp_path / "t.qdpx", _project_xml(""), {"../evil.txt": b"x"})
    with pytest.raises(InputError, match="points outside the archive"):
        read_qdpx(f)


def test_refuses_symbolic_links(tmp_path):
    f = tmp_path / "t.qdpx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("project.qde", _project_xml(""))
        info = zipfile.ZipInfo("Sources/a.txt")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(InputError, match="symbolic link"):
        read_qdpx(f)


def test_refuses_zip_bomb(tmp_path):
    f = _qdpx(tmp_path / "t.qdpx", _project_xml(""), {"Sources/a.txt": b"\0" * (4 * 1024 * 1024)})
    with pytest.raises(InputError, match="zip bomb"):
        read_qdpx(f)


BOMB = (
    '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>'
)
XXE = '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>'


@pytest.mark.parametrize("xml", [BOMB, XXE], ids=["entity-bomb", "external-entity"])
def test_refuses_entities(tmp_path, xml):
    with pytest.raises(InputError, match="document type declaration"):
        read_qdpx(_qdpx(tmp_path / "t.qdpx", xml))
    qdc = tmp_path / "t.qdc"
    qdc.write_text(xml.replace("Project", "CodeBook"))
    with pytest.raises(InputError, match="document type declaration"):
        read_qdc(qdc)


def test_refuses_archives_without_a_project(tmp_path):
    f = tmp_path / "t.qdpx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("other.xml", "<a/>")
    with pytest.raises(InputError, match="exactly one project file 'project.qde'"):
        read_qdpx(f)
    with pytest.raises(InputError, match="not a readable zip archive"):
        read_qdpx(_write(tmp_path / "x.qdpx", b"not a zip"))
    with pytest.raises(InputError, match="not well-formed XML at line 1"):
        read_qdpx(_qdpx(tmp_path / "y.qdpx", "<Project"))
    with pytest.raises(InputError, match="must be one of \\['error', 'warn'\\], but 'ignore' was passed"):
        read_qdpx(f, missing="ignore")


def _rows(data: pd.DataFrame) -> list[list]:
    """Rows as lists, missing values as None."""
    return data.astype(object).where(data.notna(), None).values.tolist()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- writing


def _small_project() -> QdaProject:
    p = QdaProject(name="small")
    p.users = pd.DataFrame({"user_guid": [G[0], G[1]], "name": ["ann", "rule_coder"]})
    p.codes = pd.DataFrame({"code_guid": [G[3], G[2]], "code_id": [None, "morale"], "name": ["parent", "Staff morale"], "parent_guid": [None, G[3]]})
    p.sources = pd.DataFrame({"source_guid": [G[4]], "name": ["I0001"], "text": ["Morale 😀 is up.\r\nYes."], "wave": ["early"]})
    p.codings = pd.DataFrame(
        {"source_guid": [G[4], G[4]], "code_guid": [G[2], G[2]], "user_guid": [G[0], G[1]], "start": [0, 0], "end": [8, 6]}
    )
    return p


def test_write_then_read_small_project(tmp_path):
    out = write_qdpx(_small_project(), tmp_path / "s.qdpx", created=STAMP)
    project = read_qdpx(out)
    assert project.codings["text"].tolist() == ["Morale 😀", "Morale"]
    assert _rows(project.codes[["code_id", "parent_guid"]]) == [[None, None], ["morale", G[3]]]
    assert pd.isna(project.codes.set_index("code_guid").at[G[2], "description"])
    assert project.sources["wave"].tolist() == ["early"]
    assert project.variables[["name", "type"]].values.tolist() == [["wave", "Text"]]
    # GUIDs given to rows without one are deterministic: the same project gives the same bytes
    again = write_qdpx(_small_project(), tmp_path / "t.qdpx", created=STAMP)
    assert out.read_bytes() == again.read_bytes()
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["project.qde", "sources/" + G[4] + ".txt"]


def test_write_utf16_positions_round_trip(tmp_path):
    out = write_qdpx(_small_project(), tmp_path / "s.qdpx", positions="utf16")
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("project.qde").decode()
    assert 'endPosition="9"' in xml and "UTF-16 positions" in xml  # the emoji counts two
    assert read_qdpx(out).codings["text"].tolist() == ["Morale 😀", "Morale"]


def test_write_lists_every_problem(tmp_path):
    p = _small_project()
    p.codings = pd.DataFrame(
        {"source_guid": [G[4], G[30]], "code_guid": ["not-a-guid", G[2]], "user_guid": [G[0], G[0]], "start": [0, 5], "end": [99, 2]}
    )
    p.codes = p.codes.assign(color=["red", None])
    with pytest.raises(ValidationError) as err:
        write_qdpx(p, tmp_path / "bad.qdpx")
    text = str(err.value)
    assert "codings:2:code_guid: 'not-a-guid' - expected a GUID" in text
    assert "codings:3:source_guid" in text and "codes:2:color: 'red'" in text
    assert "codings:2:start, end: '0, 99' - expected 0 <= start <= end and at most 21" in text
    assert not (tmp_path / "bad.qdpx").exists()


def test_write_refuses_text_xml_cannot_carry(tmp_path):
    p = _small_project()
    p.codes = p.codes.assign(name=["parent", "bell\x07"])
    with pytest.raises(ValidationError, match="U\\+0007 is not allowed in XML 1.0"):
        write_qdpx(p, tmp_path / "bad.qdpx")


def test_qdc_round_trip_and_atlas_member_attribute(tmp_path, shared_data):
    codes = pd.DataFrame(
        {"code_id": ["impact", "morale", "learning"], "label": ["Impact", "Staff morale", "Learning"], "parent": [None, "impact", "impact"],
         "definition": ["Any impact", "Morale & relations <better>", None]}
    )
    out = write_qdc(codes, tmp_path / "c.qdc")
    back = read_qdc(out)
    assert _rows(back.codes[["code_id", "name", "description"]]) == [
        ["impact", "Impact", "Any impact"], ["morale", "Staff morale", "Morale & relations <better>"], ["learning", "Learning", None]
    ]
    assert back.codes["parent_guid"].tolist()[1:] == [back.codes["code_guid"][0]] * 2
    atlas = tmp_path / "atlas.qdc"
    atlas.write_text(
        '<?xml version="1.0" encoding="utf-16"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0"><Codes>'
        f'<Code guid="{G[1]}" name="code1" color="#46AA00" isCodable="true"><Description>description</Description></Code></Codes>'
        f'<Sets><Set name="group 1" guid="{G[2]}"><MemberCode guid="{G[1]}" /></Set></Sets></CodeBook>',
        encoding="utf-16",
    )
    got = read_qdc(atlas)
    assert got.set_members.values.tolist() == [[G[2], "code", G[1]]]
    assert got.codes[["name", "color", "description"]].values.tolist() == [["code1", "#46AA00", "description"]]
    again = read_qdc(write_qdc(got, tmp_path / "again.qdc"))
    pd.testing.assert_frame_equal(again.codes, got.codes)
    pd.testing.assert_frame_equal(again.set_members, got.set_members)


# --------------------------------------------------------------------------- property: export -> validate -> import

_XML_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"))
_name = st.text(_XML_CHARS, min_size=1, max_size=12)
_body = st.text(st.one_of(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), st.sampled_from(["😀", "\U0001d11e", "\r", "\n", "ő"])), max_size=40)


@st.composite
def _projects(draw):
    n_src, n_codes, n_users = draw(st.integers(1, 3)), draw(st.integers(1, 5)), draw(st.integers(1, 3))
    texts = [draw(_body) for _ in range(n_src)]
    guid = iter(G)
    src_g = [next(guid) for _ in range(n_src)]
    code_g = [next(guid) for _ in range(n_codes)]
    user_g = [next(guid) for _ in range(n_users)]
    names = [draw(_name) for _ in range(n_codes)]
    code_ids = [draw(st.one_of(st.none(), st.from_regex(r"[a-z_]{1,8}", fullmatch=True))) for _ in range(n_codes)]
    p = QdaProject(name=draw(_name))
    p.sources = pd.DataFrame(
        {"source_guid": src_g, "name": [draw(_name) for _ in texts], "text": texts, "wave": [draw(st.sampled_from(["early", None, "longer_term"])) for _ in texts]}
    )
    p.codes = pd.DataFrame(
        {
            "code_guid": code_g,
            "code_id": [c if c != n else None for c, n in zip(code_ids, names, strict=True)],
            "name": names,
            "parent_guid": [None] + [draw(st.one_of(st.none(), st.sampled_from(code_g[:i]))) for i in range(1, n_codes)],
            "description": [draw(st.one_of(st.none(), st.text(_XML_CHARS | st.sampled_from("\n\r\t"), min_size=1, max_size=20))) for _ in names],
            "color": [draw(st.sampled_from([None, "#46AA00", "#fff"])) for _ in names],
        }
    )
    p.users = pd.DataFrame({"user_guid": user_g, "name": [draw(_name) for _ in user_g]})
    rows = []
    for k in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, n_src - 1))
        a = draw(st.integers(0, len(texts[s])))
        b = draw(st.integers(a, len(texts[s])))
        whole = draw(st.booleans()) and k % 4 == 3
        user = draw(st.sampled_from(user_g))
        rows.append(
            {"coding_guid": next(guid), "source_guid": src_g[s], "code_guid": draw(st.sampled_from(code_g)), "user_guid": user,
             "start": None if whole else a, "end": None if whole else b, "text": None if whole else texts[s][a:b],
             "selection_guid": None if whole else next(guid), "selection_user_guid": None if whole else user}
        )
    p.codings = pd.DataFrame(rows, columns=["coding_guid", "source_guid", "code_guid", "user_guid", "start", "end", "text", "selection_guid", "selection_user_guid"])
    p.variables = pd.DataFrame({"variable_guid": [next(guid), next(guid)], "name": ["status", "n_staff"], "type": ["Text", "Integer"]})
    cases = [next(guid) for _ in range(draw(st.integers(0, 2)))]
    p.cases = pd.DataFrame({"case_guid": cases, "name": [draw(_name) for _ in cases]})
    p.case_variables = pd.DataFrame(
        [{"case_guid": c, "variable": "status", "value": draw(st.sampled_from(["notice", "direction", "none"]))} for c in cases]
        + [{"case_guid": c, "variable": "n_staff", "value": str(draw(st.integers(0, 500)))} for c in cases],
        columns=["case_guid", "variable", "value"],
    )
    p.case_sources = pd.DataFrame({"case_guid": cases, "source_guid": [src_g[i % n_src] for i in range(len(cases))]})
    return p


def _sorted(data: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    return data.sort_values(by).reset_index(drop=True)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(project=_projects(), utf16=st.booleans())
def test_export_validate_import_round_trip(tmp_path, project, utf16):
    from impact.qdpx._model import COLUMNS, coerce

    out = write_qdpx(project, tmp_path / "p.qdpx", positions="utf16" if utf16 else "code_points", created=STAMP)
    if _SCHEMA.is_file():  # the schema lives in the shared data folder only
        assert validate_qdpx(out, schema=_SCHEMA) == []
    back = read_qdpx(out)
    want = coerce(project.codings.reindex(columns=COLUMNS["codings"]), "codings").assign(created=STAMP)
    pd.testing.assert_frame_equal(_sorted(back.codings, ["coding_guid"]), _sorted(want, ["coding_guid"]))
    codes = coerce(project.codes.reindex(columns=COLUMNS["codes"]), "codes").assign(is_codable=pd.array([True] * len(project.codes), dtype="boolean"))
    pd.testing.assert_frame_equal(_sorted(back.codes, ["code_guid"]), _sorted(codes, ["code_guid"]))  # written depth first
    pd.testing.assert_frame_equal(
        _sorted(back.case_variables, ["case_guid", "variable"]), _sorted(coerce(project.case_variables, "case_variables"), ["case_guid", "variable"])
    )
    cols = ["source_guid", "name", "text", "wave"]  # an all-missing variable has no column after reading
    pd.testing.assert_frame_equal(coerce(back.sources.reindex(columns=cols), "sources"), coerce(project.sources[cols], "sources"))
    assert back.users[["user_guid", "name"]].equals(coerce(project.users, "users")[["user_guid", "name"]])


_SCHEMA = Path(os.environ.get("IMPACT_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")) / "qdpx" / "Project.xsd"


def test_zip_written_in_memory_only(tmp_path, monkeypatch):
    """Reading never extracts: no file appears beside the archive."""
    f = write_qdpx(_small_project(), tmp_path / "s.qdpx")
    before = sorted(p.name for p in tmp_path.iterdir())
    read_qdpx(f)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# --------------------------------------------------------------------------- study adapters and CLI


def example_subset(n_councils: int):
    """The first ``n_councils`` councils of the bundled example study, their segments and rule-coder output."""
    import impact
    from impact.coding import RuleCoder, segment
    from impact.study import Study

    full = impact.load_study(impact.example_path(), validate=False)  # validate=False: read, not checked (tests/test_example.py checks it loads)
    keep = full.councils["council_id"].tolist()[:n_councils]
    names = ["councils", "status_history", "reviews", "participants", "interviews", "survey_responses", "actions", "action_progress", "indicators"]
    tables = {n: full.table(n) for n in names}
    for n, t in tables.items():
        if "council_id" in t.columns:
            tables[n] = t[t["council_id"].isin(keep)]
    tables["action_progress"] = tables["action_progress"][tables["action_progress"]["action_id"].isin(tables["actions"]["action_id"])]
    study = Study(full.meta, tables, transcripts={r.transcript: full.transcript(r.interview_id) for r in tables["interviews"].itertuples()})
    segments = segment(study)
    return study, segments, RuleCoder().code(segments)


@pytest.fixture(scope="module")
def small_study():
    """Two councils of the bundled example study, their segments and rule-coder output."""
    return example_subset(2)


def test_study_export_import_round_trip(small_study, tmp_path):
    from impact.qdpx import project_from_study, study_codings_from_project

    study, segments, coded = small_study
    human = coded.iloc[::2][["unit", "code", "start", "end"]].reset_index(drop=True)
    project = project_from_study(study, coded_by_coder={"rule_coder": coded, "ann": human})
    out = write_qdpx(project, tmp_path / "study.qdpx")
    if _SCHEMA.is_file():
        assert validate_qdpx(out, schema=_SCHEMA) == []
    back = read_qdpx(out)
    got, codebook = study_codings_from_project(back, segments=segments)
    assert codebook.id == "nfer_impacts" and codebook.hash == study_codebook_hash(study)
    machine = got[got["coder"] == "rule_coder"][coded.columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(machine, coded.reset_index(drop=True), check_dtype=False)
    person = got[got["coder"] == "ann"].reset_index(drop=True)
    assert person[["unit", "code", "start", "end"]].astype(object).values.tolist() == human.astype(object).values.tolist()
    assert (person["score"] == 1.0).all()
    # the coded text is the transcript slice
    t = study.transcripts()
    assert all(t[r.interview_id][r.start : r.end] == r.text for r in got.itertuples())
    # councils are cases with status and type; the wave is a source variable
    cases = back.case_variables.pivot(index="case_guid", columns="variable", values="value")
    assert {"council_type", "region", "intervention_early", "ofsted_expectations"} <= set(cases.columns)
    assert set(cases["intervention_early"]) <= {"none", "notice", "direction"}
    assert set(back.sources["wave"]) <= set(study.wave_ids)
    # participants' real names are never exported as variables (the transcripts go as they are)
    meta = back.sources.drop(columns="text").to_string() + back.case_variables.to_string()
    assert not any(n in meta for n in study.participants["name"].dropna() if len(n) > 3)


def study_codebook_hash(study) -> str:
    from impact.coding import Codebook

    return Codebook.load(study.codebook_ref).hash


def test_foreign_codings_map_to_overlapping_segments(small_study):
    from impact.qdpx import study_codings_from_project

    study, segments, _ = small_study
    seg = segments.iloc[3]
    nxt = segments[(segments["interview_id"] == seg["interview_id"]) & (segments["start"] > seg["start"])].iloc[0]
    p = QdaProject(name="from NVivo")
    p.sources = pd.DataFrame({"source_guid": [G[4]], "name": [seg["interview_id"]], "text": [study.transcript(seg["interview_id"])]})
    p.codes = pd.DataFrame({"code_guid": [G[2], G[3]], "name": ["Staff morale", "Something else"]})
    p.users = pd.DataFrame({"user_guid": [G[0]], "name": ["ann"]})
    p.codings = pd.DataFrame({"source_guid": [G[4], G[4]], "code_guid": [G[2], G[3]], "user_guid": [G[0], G[0]],
                              "start": [seg["start"] + 1, 0], "end": [nxt["start"] + 2, 1]})
    # a codebook-less project gets a codebook of its own codes
    own, cb = study_codings_from_project(p, segments=segments)
    assert cb.code_ids == ["staff_morale", "something_else"]
    assert own[own["code"] == "staff_morale"]["unit"].tolist() == [seg["segment_id"], *segments[(segments["interview_id"] == seg["interview_id"]) & (segments["start"] > seg["start"]) & (segments["start"] < nxt["start"] + 2)]["segment_id"]]
    # mapped to the study codebook by label; the unknown code is left out with a warning
    from impact.coding import Codebook

    nfer = Codebook.nfer()
    p.codes.loc[0, "name"] = nfer.codes.set_index("code_id").at["morale", "label"]
    with pytest.warns(QdpxWarning, match="1 coding of 1 code not in codebook 'nfer_impacts' left out: Something else"):
        mapped, _ = study_codings_from_project(p, segments=segments, codebook=nfer)
    assert set(mapped["code"]) == {"morale"} and set(mapped["coder"]) == {"ann"}
    with pytest.warns(QdpxWarning, match="left out"):
        by_interview, _ = study_codings_from_project(p, segments=segments, codebook=nfer, unit="interview")
    assert by_interview["unit"].tolist() == [seg["interview_id"]]


def test_nvivo_codebook_from_project(shared_data):
    from impact.qdpx import codebook_from_project, study_codings_from_project

    project = read_qdpx(shared_data / "qdpx" / "nvivo12_two_coders_hu.qdpx")
    cb = codebook_from_project(project)
    codes = cb.codes.set_index("code_id")
    assert len(codes) == 152
    assert codes.at["covid", "parent"] == "1_oltas_tipusa" or codes.at["covid", "parent"].startswith("code_1")
    coded, _ = study_codings_from_project(project)
    assert set(coded["coder"]) == {"Gergo", "test_user"}
    assert (coded["unit"] == "videos_10_selected").all()


def test_cli_import_and_export(small_study, tmp_path, shared_data, capsys):
    from impact.cli import main

    study, _, coded = small_study
    folder = tmp_path / "study"
    study.save(folder)
    coded_file = tmp_path / "rule.csv"
    coded.to_csv(coded_file, index=False)
    assert main(["export-qdpx", str(folder), str(tmp_path / "s.qdpx"), "--coded", f"rule_coder={coded_file}"]) == 0
    assert "councils as cases" in capsys.readouterr().out
    out = tmp_path / "imported"
    out.mkdir()
    (out / "codings.csv").write_text("human work\n")
    assert main(["import-qdpx", str(tmp_path / "s.qdpx"), str(out)]) == 0
    said = capsys.readouterr().out
    assert "existing codings.csv moved to codings.csv.bak" in said
    assert (out / "codings.csv.bak").read_text() == "human work\n"
    back = pd.read_csv(out / "codings.csv")
    assert len(back) == len(coded) and set(back["coder"]) == {"rule_coder"}
    assert (out / "codebook.yaml").read_text().startswith("format_version: 1")
    assert len(list((out / "sources").glob("*.txt"))) == len(study.interviews)
    assert "intervention_early" in pd.read_csv(out / "cases.csv").columns
    # the broken ATLAS.ti export: one clear message and status 2; with --missing warn a report
    atlas = str(shared_data / "qdpx" / "atlasti8_testproject.qdpx")
    assert main(["import-qdpx", atlas, str(tmp_path / "a")]) == 2
    assert "8 source text files" in capsys.readouterr().err
    assert main(["import-qdpx", atlas, str(tmp_path / "a"), "--missing", "warn"]) == 0
    report = (tmp_path / "a" / "report.txt").read_text()
    assert "not in the archive" in report and "Mabel.txt" in report


# --------------------------------------------------------------------------- written conservatively, read liberally (issue 20)


def test_written_in_the_form_every_reader_takes(tmp_path):
    """Lower-case GUIDs, one coding per selection, a user and a time on each, UTF-8 without BOM in sources/."""
    from defusedxml.ElementTree import fromstring

    p = _small_project()
    upper = {g: g.upper() for g in G}
    p.sources["source_guid"] = p.sources["source_guid"].map(upper)
    p.codings = pd.DataFrame(
        {"source_guid": [G[4].upper()] * 3, "code_guid": [G[2], G[3], G[2]], "user_guid": [G[0], G[0], None],
         "selection_guid": ["{" + G[9].upper() + "}"] * 2 + [None], "start": [0, 0, 9], "end": [6, 6, 11]}
    )
    out = write_qdpx(p, tmp_path / "c.qdpx", created=STAMP)
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("project.qde").decode()
        data = zf.read(f"sources/{G[4]}.txt")
    assert not data.startswith(b"\xef\xbb\xbf") and data.decode() == p.sources["text"][0]
    assert not any(c.isupper() for g in __import__("re").findall(r'(?:guid|GUID|User)="([^"]+)"', xml) for c in g)
    root = fromstring(xml.encode())
    sels = list(root.iter(f"{{{NS}}}PlainTextSelection"))
    assert len(sels) == 3 and all(len(list(s.iter(f"{{{NS}}}Coding"))) == 1 for s in sels)
    assert all(e.get("creatingUser") and e.get("creationDateTime") == STAMP for s in sels for e in (s, *s.iter(f"{{{NS}}}Coding")))
    assert sels[0].get("guid") == G[9]  # braces and case normalised; the second coding got a selection of its own
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{{{NS}}}User")}
    assert users[sels[2].get("creatingUser")] == "unknown"
    back = read_qdpx(out)
    assert back.codings["text"].tolist() == ["Morale", "Morale", "is"]
    assert set(back.codings["created"]) == {STAMP}
    with_bom = write_qdpx(p, tmp_path / "b.qdpx", bom=True, created=STAMP)
    with zipfile.ZipFile(with_bom) as zf:
        assert zf.read(f"sources/{G[4]}.txt").startswith(b"\xef\xbb\xbf")
    assert read_qdpx(with_bom).codings["text"].tolist() == ["Morale", "Morale", "is"]  # the BOM is never counted
    with pytest.raises(InputError, match="`created` must be a date and time"):
        write_qdpx(p, tmp_path / "x.qdpx", created="yesterday")


def test_guids_read_in_any_case_or_braces_match(tmp_path):
    up = {i: "{" + g.upper() + "}" for i, g in enumerate(G)}
    qde = _project_xml(_text_source(up[5], "internal://a.txt", 4, 9)).replace(f'targetGUID="{G[2]}"', f'targetGUID="{up[2]}"')
    project = read_qdpx(_qdpx(tmp_path / "t.qdpx", qde, {"Sources/a.txt": b"The review helped."}))
    assert project.sources["source_guid"].tolist() == [G[5]]
    assert project.codings["code_guid"].tolist() == [G[2]] and project.codings["source_guid"].tolist() == [G[5]]
    assert not project.issues["message"].str.contains("not in the codebook").any()


def test_codebook_csv_beside_the_qdc_and_qdc_wherever_a_codebook_is(tmp_path):
    import csv

    from impact.coding import Codebook

    nfer = Codebook.nfer()
    qdc = write_qdc(nfer, tmp_path / "nfer.qdc")
    rows = list(csv.DictReader((tmp_path / "nfer.codebook.csv").open(encoding="utf-8")))
    assert [r["code_id"] for r in rows] == nfer.code_ids
    assert [r["tag"] for r in rows] == nfer.codes["label"].tolist()
    assert [r["description"] for r in rows] == nfer.codes["definition"].tolist()
    back = Codebook.load(str(qdc))
    assert back.code_ids == nfer.code_ids and back.codes["label"].tolist() == nfer.codes["label"].tolist()
    assert back.id == "nfer"


def test_cli_import_options_and_outputs(small_study, tmp_path, capsys):
    from impact.cli import main

    study, _, coded = small_study
    folder = tmp_path / "study"
    study.save(folder)
    coded_file = tmp_path / "rule.csv"
    coded.to_csv(coded_file, index=False)
    (tmp_path / "s.qdc").write_text("mine")
    assert main(["export-qdpx", str(folder), str(tmp_path / "s.qdpx"), "--coded", f"rule_coder={coded_file}", "--bom"]) == 0
    said = capsys.readouterr().out
    assert "s.qdc" in said and "s.codebook.csv" in said and "existing s.qdc moved to s.qdc.bak" in said
    assert (tmp_path / "s.qdc.bak").read_text() == "mine"
    with zipfile.ZipFile(tmp_path / "s.qdpx") as zf:
        assert all(zf.read(n).startswith(b"\xef\xbb\xbf") for n in zf.namelist() if n.startswith("sources/"))
    out = tmp_path / "imported"
    assert main(["import-qdpx", str(tmp_path / "s.qdpx"), str(out), "--codebook", str(tmp_path / "s.qdc"), "--positions", "code_points"]) == 0
    back = pd.read_csv(out / "codings.csv")
    assert "created" in back.columns and back["created"].notna().all()
    assert len(back) == len(coded)
    # a source called "alpha.txt" is written as alpha.txt, not alpha.txt.txt
    p = QdaProject(name="names")
    p.sources = pd.DataFrame({"source_guid": [G[1], G[2], G[3]], "name": ["alpha.txt", "Interview 3.DOCX", "Mr. Smith"], "text": ["a", "b", "c"]})
    write_qdpx(p, tmp_path / "n.qdpx", created=STAMP)
    assert main(["import-qdpx", str(tmp_path / "n.qdpx"), str(tmp_path / "n")]) == 0
    assert sorted(f.name for f in (tmp_path / "n" / "sources").iterdir()) == ["Interview 3.txt", "Mr. Smith.txt", "alpha.txt"]
