"""Hostile inputs, round 36 (helper-inputs36): review workbooks and REFI-QDA projects.

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact.cli import main
from impact.errors import InputError, ValidationError
from impact.review import REVIEW_COLUMNS, export_review, import_review

CODES = pd.DataFrame({"code_id": ["learning", "morale", "partnership"], "label": ["Learning", "Morale", "Partners"],
                      "definition": ["l", "m", "p"]})
COL = {name: i + 1 for i, name in enumerate(REVIEW_COLUMNS)}
TEXTS = ["We felt our work was valued and we learned a lot.", "Partners met monthly.", "Nothing much."]


@pytest.fixture
def review(tmp_path):
    """A review workbook of three segments, the first with two suggestions (morale, learning)."""
    starts = [sum(len(t) + 1 for t in TEXTS[:i]) for i in range(len(TEXTS))]
    segments = pd.DataFrame({"segment_id": ["I1:1", "I1:2", "I1:3"], "interview_id": "I1", "start": starts,
                             "end": [s + len(t) for s, t in zip(starts, TEXTS, strict=True)], "text": TEXTS})
    coded = pd.DataFrame({"unit": ["I1:1", "I1:1", "I1:2", "I1:3"], "code": ["morale", "learning", "partnership",
                                                                          "morale"],
                          "score": [0.6, 0.7, 0.55, 0.9], "start": [0, 0, starts[1], starts[2]],
                          "end": [4, 4, starts[1] + 4, starts[2] + 4]})
    return export_review(segments, coded=coded, path=tmp_path / "review.xlsx", codebook=CODES, reviewer="ann")


def _decide(path, decisions: dict[tuple[str, str], tuple[str, str | None]], *, meta_reviewer: str | None = None):
    """Fill in decisions, keyed by (unit, code), as a reviewer would; return the rows they are on."""
    wb = load_workbook(path)
    ws = wb["review"]
    rows = {(ws.cell(r, COL["unit"]).value, ws.cell(r, COL["code"]).value): r for r in range(2, ws.max_row + 1)}
    for key, (decision, other) in decisions.items():
        ws.cell(rows[key], COL["decision"]).value = decision
        ws.cell(rows[key], COL["other_code"]).value = other
    if meta_reviewer is not None:
        meta = wb["_meta"]
        at = next(r for r in range(2, meta.max_row + 1) if meta.cell(r, 1).value == "reviewer")
        meta.cell(at, 2).value = meta_reviewer
    wb.save(path)
    return rows


def _problems(path, **kwargs) -> list[str]:
    with pytest.raises(ValidationError) as info:
        import_review(path, **kwargs)
    return [str(p) for p in info.value.problems]


# --------------------------------------------------------------------------- 1. 'other' naming the row's own code


def test_other_naming_the_code_its_row_suggests_is_refused(review, tmp_path, capsys):
    # On the old code the row gave the code twice, absent ('other' takes the suggestion away) and present (the code
    # chosen), on one unit; agreement then counted it present, as if accepted, without a word.
    rows = _decide(review, {("I1:1", "morale"): ("other", "morale"), ("I1:2", "partnership"): ("accept", None)})
    assert _problems(review) == [
        f"review.xlsx (sheet 'review'):{rows['I1:1', 'morale']}:other_code: 'morale' - expected a code other than the "
        "one this row suggests ('morale'): choose accept in decision to keep 'morale', or another code"]
    out = tmp_path / "decisions.csv"
    assert main(["review", "import", str(review), "--out", str(out)]) == 2
    assert "other_code: 'morale' - expected a code other than" in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------- 2. two rows of one unit contradicting


@pytest.mark.parametrize(("decisions", "said"), [
    # 'learning' chosen in place of morale on the first row, rejected where it was suggested
    ({("I1:1", "morale"): ("other", "learning"), ("I1:1", "learning"): ("reject", None)},
     "one answer on whether 'learning' applies to unit 'I1:1' (row {m}: other, with other_code 'learning', says it "
     "does; row {l}: reject, says it does not) - change the decision of one of rows {a} and {b}"),
    # morale rejected where suggested, chosen in place of learning
    ({("I1:1", "morale"): ("reject", None), ("I1:1", "learning"): ("other", "morale")},
     "one answer on whether 'morale' applies to unit 'I1:1' (row {l}: other, with other_code 'morale', says it "
     "does; row {m}: reject, says it does not) - change the decision of one of rows {a} and {b}"),
    # accepted where suggested, replaced by another code on the other row
    ({("I1:1", "morale"): ("other", "partnership"), ("I1:1", "learning"): ("other", "morale")},
     "one answer on whether 'morale' applies to unit 'I1:1' (row {l}: other, with other_code 'morale', says it "
     "does; row {m}: other, with other_code 'partnership', says it does not) - change the decision of one of rows "
     "{a} and {b}"),
])
def test_two_rows_making_one_code_present_and_absent_on_a_unit_are_refused(review, decisions, said):
    # On the old code both were written (present True and False for one unit, code and reviewer); agreement counts
    # the code present, so a rejection was lost without a word.
    decisions = {**decisions, ("I1:2", "partnership"): ("accept", None)}
    rows = _decide(review, decisions)
    m, lr = rows["I1:1", "morale"], rows["I1:1", "learning"]
    a, b = sorted((m, lr))
    with pytest.raises(ValidationError) as info:
        import_review(review)
    assert [str(p) for p in info.value.problems] == [
        f"review.xlsx (sheet 'review'):{b}:decision: '{decisions[next(k for k in decisions if rows[k] == b)][0]}' - "
        "expected " + said.format(m=m, l=lr, a=a, b=b)]
    # the rows that can be read are the other unit's only
    assert info.value.partial[["unit", "code", "present"]].values.tolist() == [["I1:2", "partnership", True]]


def test_guard_two_rows_agreeing_that_a_code_applies_are_read(review):
    rows = _decide(review, {("I1:1", "morale"): ("accept", None), ("I1:1", "learning"): ("other", "morale")})
    got = import_review(review)
    assert sorted(zip(got.code, got.present, got.sheet_row, strict=True)) == [
        ("learning", False, rows["I1:1", "learning"]), ("morale", True, rows["I1:1", "morale"]),
        ("morale", True, rows["I1:1", "learning"])]


# --------------------------------------------------------------------------- 3. the reviewer's name


_NAMES = [
    ("Ann\nBob", " as text on one line (it holds a line break at character 4: a name or label is shown on one line; "
                 "join the lines)"),
    ("Ann\tBob", " as text without control characters (it holds U+0009 (a control character) at character 4, which "
                 "no one sees and a report or workbook cannot show: retype it)"),
    ("\u200bAnn", " without invisible or direction-changing characters (it holds U+200B ZERO WIDTH SPACE at character "
                  "1, which makes {plural} that differ look the same: they are counted by their text; retype it)"),
]


@pytest.mark.parametrize(("name", "said"), _NAMES)
def test_a_reviewer_name_no_coded_file_can_hold_is_refused_where_it_is_given(review, tmp_path, name, said):
    # On the old code the name was written into the coder column as given: a coder of two lines, or one that looks
    # like 'Ann' and is another coder.
    said = said.format(plural="names")
    _decide(review, {("I1:2", "partnership"): ("accept", None)})
    with pytest.raises(InputError) as info:
        import_review(review, reviewer=name)
    assert str(info.value) == (f"reviewer= (--reviewer on the command line): {name!r} - expected the reviewer's name "
                               f"(given){said}")
    _decide(review, {}, meta_reviewer=name)  # the name stored at export, edited in the workbook
    with pytest.raises(InputError) as info:
        import_review(review)
    assert str(info.value) == (f"review.xlsx (sheet '_meta'):reviewer: {name!r} - expected the reviewer's name "
                               f"(stored at export){said}")
    with pytest.raises(InputError, match="reviewer's name \\(given\\)"):
        export_review(pd.DataFrame({"segment_id": ["I1:1"], "text": ["x"], "start": [0]}),
                      coded=pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "score": [0.5]}), path=tmp_path / "r.xlsx",
                      reviewer=name)
    assert not (tmp_path / "r.xlsx").exists()


def test_a_reviewer_name_with_spaces_at_its_ends_is_the_coder_without_them(review):
    # On the old code the coder was 'ann ' (the coded-file reader strips it; a table of decisions read as it is
    # was another coder than 'ann').
    _decide(review, {("I1:2", "partnership"): ("accept", None)}, meta_reviewer=" ann ")
    assert import_review(review).coder.tolist() == ["ann"]
    assert import_review(review, reviewer="  bob\u00a0").coder.tolist() == ["bob"]


# --------------------------------------------------------------------------- 4. one GUID, two users, codes or sources


NS = "urn:QDA-XML:project:1.0"
G = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(1, 40)]


def _qdpx(path, *, users: str, codes: str, sources: str):
    qde = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="t" origin="hand written">'
           f"<Users>{users}</Users><CodeBook><Codes>{codes}</Codes></CodeBook><Sources>{sources}</Sources></Project>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr("Sources/a.txt", "Morale is up. We learned.")
        zf.writestr("Sources/b.txt", "Grants rose. Partners met.")
    return path


def _source(guid: str, name: str, member: str, selection: str, user: str = G[0], code: str = G[1]) -> str:
    return (f'<TextSource guid="{guid}" name="{name}" plainTextPath="internal://{member}">'
            f'<PlainTextSelection guid="{selection}" startPosition="0" endPosition="6">'
            f'<Coding guid="{selection[:-4]}ffff" creatingUser="{user}"><CodeRef targetGUID="{code}"/></Coding>'
            "</PlainTextSelection></TextSource>")


_USER = f'<User guid="{G[0]}" name="ann"/>'
_CODE = f'<Code guid="{G[1]}" name="morale" isCodable="true"/>'
_SOURCE = _source(G[5], "one", "a.txt", G[10])


@pytest.mark.parametrize(("parts", "said"), [
    # a user listed twice under one GUID: on the old code the codings were all the last one's ('bob'), silently
    ({"users": _USER + f'<User guid="{G[0]}" name="bob"/>'}, f"user {G[0]} is 'ann' and 'bob'"),
    # two codes of one GUID (the second in capitals): on the old code 'id used only once' twice, naming the second
    # code's name for both
    ({"codes": _CODE + f'<Code guid="{G[1].upper()}" name="learning" isCodable="true"/>'},
     f"code {G[1]} is 'morale' and 'learning'"),
    # two sources of one GUID, in braces: on the old code a ValueError traceback (the truth value of a Series)
    ({"sources": _SOURCE + _source("{" + G[5] + "}", "two", "b.txt", G[11])}, f"source {G[5]} is 'one' and 'two'"),
])
def test_one_guid_given_to_two_users_codes_or_sources_is_refused_naming_both(tmp_path, capsys, parts, said):
    path = _qdpx(tmp_path / "t.qdpx", **{"users": _USER, "codes": _CODE, "sources": _SOURCE, **parts})
    out = tmp_path / "imported"
    assert main(["import-qdpx", str(path), str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip() == (
        "impact import-qdpx: error: t.qdpx: 1 GUID given to more than one user, code or source - expected each "
        "under a GUID of its own (REFI-QDA), as codings name their code, coder and source by GUID: " + said
        + ". Export the project again from the program that made it")
    assert not out.exists()


def test_a_qdc_codebook_with_two_codes_of_one_guid_is_refused(tmp_path):
    # On the old code read as two codes; a project's codings naming the GUID took whichever came last.
    from impact.qdpx import read_qdc

    path = tmp_path / "book.qdc"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x">'
                    f'<Codes>{_CODE}<Code guid="{G[2]}" name="sub"><Code guid="{G[1]}" name="again"/></Code></Codes>'
                    "</CodeBook>", encoding="utf-8")
    with pytest.raises(InputError, match=f"book.qdc: 1 GUID .*: code {G[1]} is 'morale' and 'again'\\."):
        read_qdc(path)


def test_guard_distinct_guids_and_one_source_name_twice_are_read(tmp_path):
    from impact.qdpx import read_qdpx

    path = _qdpx(tmp_path / "t.qdpx", users=_USER + f'<User guid="{G[3]}" name="ann"/>', codes=_CODE,
                 sources=_SOURCE + _source(G[6], "one", "b.txt", G[11], user=G[3]))
    project = read_qdpx(path)  # two users of one name, two sources of one name: each its GUID of its own
    assert sorted(project.codings["source_guid"]) == [G[5], G[6]]
    assert sorted(project.users["user_guid"]) == [G[0], G[3]]


# --------------------------------------------------------------------------- 5. a coder's name, in a file or on the line


@pytest.fixture(scope="module")
def coded_study(tmp_path_factory):
    """The tiny study and its coded file, made once: the tests below only read them."""
    from conftest import make_tiny_study, once_per_worker

    def build():
        folder = tmp_path_factory.mktemp("round36")
        make_tiny_study().save(folder / "study")
        assert main(["-q", "code", str(folder / "study"), "--out", str(folder / "coded.csv")]) == 0
        return folder / "study", folder / "coded.csv"

    return once_per_worker("round36-coded-study", build)


@pytest.mark.parametrize(("name", "said"), _NAMES)
def test_a_coder_name_holding_a_line_break_or_a_control_character_is_refused_on_its_rows(coded_study, tmp_path, name,
                                                                                        said):
    study_dir = coded_study[0]
    # On the old code `impact run --human` and `impact export-qdpx --coded` read a coder of two lines, or with a tab
    # or a bell in it, as a coder (a QDPX user 'Ann&#10;Bob'); `impact agree` refused the same file.  A zero-width
    # space was refused already (round 11), but once a row: it is one problem naming its rows, as the others are.
    from impact.codings import read_codings
    from impact.study import load_study

    path = tmp_path / "c.csv"
    pd.DataFrame({"interview_id": ["P1-early", "P1-early", "P3-early"], "code": ["morale", "learning", "morale"],
                  "coder": [name, name, "ann"]}).to_csv(path, index=False)
    with pytest.raises(ValidationError) as info:
        read_codings(path, load_study(study_dir), codes=["morale", "learning"])
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:2:coder: {name!r} - expected a coder{said.format(plural='coders')} (the same on 1 more row: 3)"]


@pytest.mark.parametrize(("name", "said"), _NAMES)
def test_a_coder_named_on_the_command_line_is_held_to_what_a_coder_column_holds(coded_study, tmp_path,
                                                                              capsys, name, said):
    study_dir, coded_file = coded_study
    # On the old code `impact export-qdpx --coded 'Ann<line break>Bob=coded.csv'` wrote a user of two lines, or one
    # that looks like 'Ann', into the project.
    out = tmp_path / "p.qdpx"
    assert main(["export-qdpx", str(study_dir), str(out), "--coded", f"{name}={coded_file}"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"impact export-qdpx: error: --coded {name + '=' + str(coded_file)!r}: {name!r} - expected a coder's "
        f"name{said.format(plural='coders')}")
    assert not out.exists()


def test_a_coder_named_with_spaces_at_its_ends_on_the_command_line_is_the_coder_without_them(coded_study,
                                                                                             tmp_path):
    study_dir, coded_file = coded_study
    # On the old code the QDPX user was ' ann ' where a coder column's ' ann ' is read as 'ann'.
    from impact.qdpx import read_qdpx

    out = tmp_path / "p.qdpx"
    assert main(["export-qdpx", str(study_dir), str(out), "--coded", f" ann ={coded_file}"]) == 0
    assert read_qdpx(out).users["name"].tolist() == ["ann"]


def test_a_coder_column_holding_a_line_break_is_refused_by_export_qdpx(coded_study, tmp_path, capsys):
    study_dir, coded_file = coded_study
    # On the old code the project's user was 'A&#10;B'.
    data = pd.read_csv(coded_file, dtype=str, keep_default_na=False).assign(coder="ann")
    data.loc[3:, "coder"] = "A\nB"
    data.to_csv(tmp_path / "two.csv", index=False)
    # (cli48: checked as `impact run --coded` checks a file, the error names the option and every row holding it)
    assert main(["export-qdpx", str(study_dir), str(tmp_path / "p.qdpx"), "--coded", str(tmp_path / "two.csv")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"impact export-qdpx: error: --coded {tmp_path / 'two.csv'}: 1 problem found\n"
        "  two.csv:5:coder: 'A\\nB' - expected a coder as text on one line (it holds a line break at character 2: a "
        "name or label is shown on one line; join the lines) (the same on 16 more rows: 6, 7, 8, 9, 10, ...)")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_blank_cell_in_a_coder_column_is_refused_by_export_qdpx_as_by_agree(coded_study, tmp_path, capsys, fmt):
    study_dir, coded_file = coded_study
    # On the old code a blank coder cell became a REFI-QDA user named '' (from Parquet, where the cell is None, a
    # user named 'None'), one more coder whose codings a QDA program shows under no one; `impact agree` refused it.
    pytest.importorskip("pyarrow") if fmt == "parquet" else None
    data = pd.read_csv(coded_file, dtype=str, keep_default_na=False).assign(coder="ann")
    data.loc[[3, 5], "coder"] = "" if fmt == "csv" else None
    path = tmp_path / f"two.{fmt}"
    data.to_csv(path, index=False) if fmt == "csv" else data.to_parquet(path, index=False)
    out = tmp_path / "p.qdpx"
    assert main(["export-qdpx", str(study_dir), str(out), "--coded", str(path)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"impact export-qdpx: error: two.{fmt}:5:coder: '' - expected a coder's name on every row (2 rows have none)")
    assert not out.exists()


# --------------------------------------------------------------------------- 6. one coder written two ways


_TWO_WAYS = [("ann", "Ann", ""), ("Jos\u00e9", "Jose\u0301", " - 'Jose\\u0301' and 'Jos\\xe9', the same letters written "
                                                            "otherwise"), ("Ann  Lee", "ann lee", "")]


@pytest.mark.parametrize(("first", "again", "seen"), _TWO_WAYS)
def test_one_coder_written_two_ways_in_a_coded_file_is_refused(coded_study, tmp_path, first, again, seen):
    study_dir = coded_study[0]
    # On the old code 'ann' and 'Ann' (or 'José' with its accent as one character and as two, which look the same)
    # were two coders, one person agreeing with themselves in a report's coder counts.
    from impact.codings import read_codings
    from impact.study import load_study

    path = tmp_path / "c.csv"
    pd.DataFrame({"interview_id": ["P1-early", "P3-early", "P1-early", "P3-early"],
                  "code": ["morale", "morale", "learning", "learning"],
                  "coder": [first, "bob", again, again]}).to_csv(path, index=False)
    with pytest.raises(ValidationError) as info:
        read_codings(path, load_study(study_dir), codes=["morale", "learning"])
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:4:coder: {again!r} - expected the name written as on row 2 ({first!r}{seen}): names that differ only "
        "in case, spacing or the form of their letters are one, here counted as two coders; write it one way"]


@pytest.mark.parametrize(("first", "again", "seen"), _TWO_WAYS)
def test_one_coder_written_two_ways_across_files_is_refused_by_agree_and_export_qdpx(coded_study, tmp_path,
                                                                                   capsys, first, again, seen):
    study_dir, coded_file = coded_study
    data = pd.read_csv(coded_file, dtype=str, keep_default_na=False)
    data.assign(coder=first).to_csv(tmp_path / "one.csv", index=False)
    data.iloc[:5].assign(coder=again).to_csv(tmp_path / "two.csv", index=False)
    one, two = str(tmp_path / "one.csv"), str(tmp_path / "two.csv")
    expected = (f"{again!r} - expected the name written as in {{at}} ({first!r}{seen}): names that differ only in "
                "case, spacing or the form of their letters are one, here counted as two coders; write it one way")
    assert main(["agree", one, two, "--out", str(tmp_path / "agree.csv")]) == 2
    err = capsys.readouterr().err.strip()  # agree refused an accent written as two characters already (round 11)
    assert err.endswith(f"\n  {two}:coder: " + expected.format(at=one)) if not seen else "U+0301 COMBINING" in err
    assert not (tmp_path / "agree.csv").exists()
    assert main(["export-qdpx", str(study_dir), str(tmp_path / "p.qdpx"), "--coded", one, "--coded", two]) == 2
    assert capsys.readouterr().err.strip().endswith(f"\n  --coded {two!r}: "
                                                    + expected.format(at=f"--coded {one!r}"))
    assert not (tmp_path / "p.qdpx").exists()


def test_guard_two_coders_of_other_names_are_read(coded_study, tmp_path):
    study_dir = coded_study[0]
    from impact.codings import read_codings
    from impact.study import load_study

    path = tmp_path / "c.csv"
    pd.DataFrame({"interview_id": ["P1-early", "P1-early"], "code": ["morale", "morale"],
                  "coder": ["Ann Lee", "Anne Lee"]}).to_csv(path, index=False)
    got = read_codings(path, load_study(study_dir), codes=["morale", "learning"])
    assert sorted(got["coder"]) == ["Ann Lee", "Anne Lee"]


# --------------------------------------------------------------------------- 7. two documents of one name


@pytest.mark.parametrize("second", ["Interview 3", "interview  3"])
def test_two_sources_of_one_name_are_two_interviews_told_apart(tmp_path, second):
    # On the old code both were read as interview 'Interview 3' (or as two interviews differing only in case, which
    # a study's tables take for one id): `impact agree` compared the codings of two documents as one interview's,
    # and spans measured in one text were placed in the other.
    from impact.qdpx import QdpxWarning, read_qdpx, study_codings_from_project

    path = _qdpx(tmp_path / "t.qdpx", users=_USER, codes=_CODE,
                 sources=_SOURCE.replace('name="one"', 'name="Interview 3"') + _source(G[6], second, "b.txt", G[11]))
    with pytest.warns(QdpxWarning) as caught:
        coded, _ = study_codings_from_project(read_qdpx(path), unit="interview")
    first, other = f"Interview 3 [{G[5][:8]}]", f"{second} [{G[6][:8]}]"
    assert sorted(zip(coded["interview_id"], coded["text"], strict=True)) == [(first, "Morale"), (other, "Grants")]
    assert [str(w.message) for w in caught if "sources of the project" in str(w.message)] == [
        f"2 sources of the project are named 'Interview 3'{' or written so' if second != 'Interview 3' else ''} "
        f"(GUIDs {G[5][:8]}, {G[6][:8]}): their codings are read as 2 interviews, {first!r}, {other!r}, not as one; "
        "give each document a name of its own in the program that made the project"]


def test_guard_sources_of_names_of_their_own_keep_their_names(tmp_path):
    from impact.qdpx import read_qdpx, study_codings_from_project

    path = _qdpx(tmp_path / "t.qdpx", users=_USER, codes=_CODE,
                 sources=_SOURCE.replace('name="one"', 'name="Interview 3"') + _source(G[6], "Interview 4", "b.txt",
                                                                                        G[11]))
    coded, _ = study_codings_from_project(read_qdpx(path), unit="interview")
    assert sorted(coded["interview_id"]) == ["Interview 3", "Interview 4"]


# --------------------------------------------------------------------------- 8. an output named as another kind of file


@pytest.mark.parametrize(("command", "name", "said"), [
    # on the old code an .xlsx workbook named review.csv (a spreadsheet opens it as text, garbled)
    ("review export", "review.csv", "the review workbook (an Excel .xlsx file) must end in .xlsx, but '.csv' was given"),
    # CSV text named .parquet (pandas.read_parquet: 'Could not open Parquet input source')
    ("review import", "decisions.parquet", "the decisions table (CSV, or Excel where it ends in .xlsx) must end in .csv "
                                           "or .xlsx, but '.parquet' was given"),
    ("agree", "agreement.parquet", "the agreement table (CSV, or Excel where it ends in .xlsx) must end in .csv or "
                                   ".xlsx, but '.parquet' was given"),
    ("agree", "agreement", "the agreement table (CSV, or Excel where it ends in .xlsx) must end in .csv or .xlsx, but "
                           "agreement has no extension (name it agreement.csv, say)"),  # newuser15: not 'no extension'
    # a REFI-QDA project named .zip, beside it the codebook files of project.qdpx
    ("export-qdpx", "project.zip", "the REFI-QDA project must end in .qdpx, but '.zip' was given"),
])
def test_an_output_named_as_another_kind_of_file_is_refused_before_the_work(coded_study, review, tmp_path, capsys,
                                                                             command, name, said):
    study_dir, coded_file = coded_study
    out = tmp_path / "out" / name
    out.parent.mkdir()
    args = {"review export": ["review", "export", str(study_dir), "--coded", str(coded_file), "--out", str(out)],
            "review import": ["review", "import", str(review), "--out", str(out)],
            "agree": ["agree", str(coded_file), str(review.with_name("other.csv")), "--out", str(out)],
            "export-qdpx": ["export-qdpx", str(study_dir), str(out)]}[command]
    pd.read_csv(coded_file, dtype=str).iloc[:4].to_csv(review.with_name("other.csv"), index=False)
    assert main(args) == 2
    assert capsys.readouterr().err.strip() == f"impact {command}: error: {out}: {said}"
    assert list(out.parent.iterdir()) == []


def test_guard_an_output_with_its_extension_in_capitals_is_written(coded_study, tmp_path):
    study_dir, coded_file = coded_study
    out = tmp_path / "REVIEW.XLSX"
    assert main(["review", "export", str(study_dir), "--coded", str(coded_file), "--out", str(out)]) == 0
    assert load_workbook(out).sheetnames[:3] == ["README", "review", "codes"]


# --------------------------------------------------------------------------- 9. agree grouped by what it cannot be


@pytest.mark.parametrize(("by", "said"), [
    # on the old code 'agreement data: 60 problems found', each 'data:3:unit, coder: ... expected one value per unit
    # and coder': rows of no file, blaming the data for the option (a coded file has a value per code)
    ("wave", "expected code among the grouping columns (--by code,wave): a coded file gives each unit one value per "
             "code, so agreement is computed code by code"),
    ("", "expected code among the grouping columns (--by code): a coded file gives each unit one value per code, so "
         "agreement is computed code by code"),
    # on the old code the same problems ('unit'), or a table of one coder per group ('coder')
    ("code,unit", "column 'unit' cannot group agreement - expected grouping columns other than unit and coder, which "
                  "agreement is computed across (e.g. code,wave)"),
    ("code,coder", "column 'coder' cannot group agreement - expected grouping columns other than unit and coder, "
                   "which agreement is computed across (e.g. code,wave)"),
])
def test_agree_grouped_without_code_or_by_unit_or_coder_says_what_to_group_by(coded_study, tmp_path, capsys, by,
                                                                              said):
    study_dir, coded_file = coded_study
    other = tmp_path / "other.csv"
    pd.read_csv(coded_file, dtype=str).iloc[:4].to_csv(other, index=False)
    out = tmp_path / "agreement.csv"
    assert main(["agree", str(coded_file), str(other), "--study", str(study_dir), "--by", by, "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"impact agree: error: --by {by}: {said}"
    assert not out.exists()
    # guard: grouped by code and wave, read
    assert main(["agree", str(coded_file), str(other), "--study", str(study_dir), "--by", "code,wave", "--out",
                 str(out)]) == 0
    assert {"code", "wave"} <= set(pd.read_csv(out).columns)
