"""Hostile inputs, round 10 (helper-inputs10).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from impact.errors import InputError, ValidationError

from .test_inputs_round5 import _replace
from .test_inputs_round8 import _errors, _tables, _texts
from .test_inputs_round9 import _read

# --------------------------------------------------------------------------- 1. spans counted in UTF-16 code units

_EMOJI_TEXT = ("Interviewer: How has it gone? \U0001F600\n"
               "Respondent: We \U0001F44D rewrote the threshold document \U0001F4C4 after the review. Morale rose.\n")
_WANTED = "rewrote the threshold document \U0001F4C4 after the review"  # an emoji before the span and one within it


def _utf16(text: str, i: int) -> int:
    """The UTF-16 offset of code point ``i`` of ``text``, counted independently of the package."""
    return len(text[:i].encode("utf-16-le")) // 2


def _emoji_study(study_dir, *, mark: bool = False):
    from impact.study import load_study

    # mark: the file begins with a byte-order mark (which a tool may count; impact reads the text without it)
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_EMOJI_TEXT, encoding="utf-8-sig" if mark else "utf-8")
    return load_study(study_dir)


def _coded(tmp_path, rows: list[tuple], name="nvivo.csv"):
    f = tmp_path / name
    f.write_text("interview_id,start,end,code\n" + "".join(f"{i},{s},{e},{c}\n" for i, s, e, c in rows),
                 encoding="utf-8")
    return f


def test_spans_counted_in_utf16_units_are_converted_with_a_warning_naming_the_file(study_dir, tmp_path):
    # On the old code the span ended "past the end of the transcript" or, inside it, landed 2 characters late
    # (the two emoji before its end each counted twice): "ewrote the threshold document 📄 after the revie" ...
    from impact.codings import CodingsWarning, read_codings

    study = _emoji_study(study_dir)
    a = _EMOJI_TEXT.index(_WANTED)
    b = a + len(_WANTED)
    c = _EMOJI_TEXT.index("Morale rose.")
    d = c + len("Morale rose.")
    f = _coded(tmp_path, [("P1-early", _utf16(_EMOJI_TEXT, a), _utf16(_EMOJI_TEXT, b), "learning"),
                          ("P1-early", _utf16(_EMOJI_TEXT, c), _utf16(_EMOJI_TEXT, d), "morale")])
    with pytest.warns(CodingsWarning, match=r"nvivo\.csv: span offsets read as UTF-16 code units") as caught:
        got = read_codings(f, study, codes=["morale", "learning"])
    message = str(caught[0].message)
    assert "P1-early" in message
    text = study.transcript("P1-early")
    assert [text[s:e] for s, e in zip(got["start"], got["end"], strict=True)] == [_WANTED, "Morale rose."]


def test_spans_counted_in_code_points_in_a_text_with_emoji_are_read_as_written(study_dir, tmp_path):
    # Guard: the documented counting, code points, is read without a word, emoji or not.
    from impact.codings import read_codings

    study = _emoji_study(study_dir)
    a = _EMOJI_TEXT.index(_WANTED)
    f = _coded(tmp_path, [("P1-early", a, a + len(_WANTED), "learning")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = read_codings(f, study, codes=["morale", "learning"])
    text = study.transcript("P1-early")
    assert text[int(got["start"][0]):int(got["end"][0])] == _WANTED


def test_a_span_past_the_end_however_counted_is_refused_naming_both_countings(study_dir, tmp_path):
    # On the old code the problem named the length in code points only: a user of NVivo could not tell why.
    from impact.codings import read_codings

    study = _emoji_study(study_dir)
    n = len(_EMOJI_TEXT)
    units = len(_EMOJI_TEXT.encode("utf-16-le")) // 2
    f = _coded(tmp_path, [("P1-early", 0, units + 5, "morale")])
    with pytest.raises(ValidationError) as info:
        read_codings(f, study, codes=["morale"])
    assert [str(p) for p in info.value.problems] == [
        f"nvivo.csv:2:end: '{units + 5}' - expected an offset within the transcript of P1-early ({n:,} characters, "
        f"counted as code points; {units:,} counted as UTF-16 code units, as NVivo and ATLAS.ti count)"]


def test_a_qdpx_of_the_same_spans_in_utf16_gives_the_same_codings(study_dir, tmp_path):
    # The QDPX reader decides the counting from the selections the same way: both give the same spans.
    from impact.codings import read_codings
    from impact.qdpx import project_from_study, write_qdpx

    study = _emoji_study(study_dir)
    a = _EMOJI_TEXT.index(_WANTED)
    coded = pd.DataFrame({"unit": ["P1-early"], "code": ["learning"], "start": [a], "end": [a + len(_WANTED)]})
    q = tmp_path / "p.qdpx"
    write_qdpx(project_from_study(study, coded_by_coder={"ann": coded}, codebook="nfer_impacts"), q, positions="utf16")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from_qdpx = read_codings(q, study, codes=["learning"])
        from_csv = read_codings(_coded(tmp_path, [("P1-early", _utf16(_EMOJI_TEXT, a),
                                                   _utf16(_EMOJI_TEXT, a + len(_WANTED)), "learning")]),
                                study, codes=["learning"])
    assert list(from_qdpx[["start", "end"]].itertuples(index=False, name=None)) == \
        list(from_csv[["start", "end"]].itertuples(index=False, name=None)) == [(a, a + len(_WANTED))]


# --------------------------------------------------------------------------- 2. an unclosed quote: one problem


def test_an_unclosed_quote_that_shifts_its_row_is_one_problem(study_dir):
    # On the old code: "6 cells - expected 5", the unclosed quote, then the row's cells each judged under the
    # column to their left (ons_code 'x', council_type 'E09000003', region 'london_borough'): 5 problems, 1 cause.
    _replace(study_dir / "councils.csv", "302,Barnet,", '302,"Barnet, x,')
    problems = _errors(study_dir)
    assert len(problems) == 1, problems
    assert problems[0].startswith("councils.csv:3:name: '\"Barnet, x,E09000003,london_borough,London' - expected a "
                                  "closing '\"'")
    assert problems[0].endswith("(the row then holds 6 cells, not 5: its cells are not checked)")


def test_an_unclosed_quote_on_the_last_row_is_named(study_dir):
    # On the old code: "2 cells - expected 5" and council_type, region missing; the quote was not named.
    _replace(study_dir / "councils.csv", "880,Torbay,", '880,"Torbay,')
    problems = _errors(study_dir)
    assert problems == ["councils.csv:4:name: '\"Torbay,E06000027,unitary,South West' - expected a closing '\"' for "
                        "the quoted value that starts here (without one it runs to the end of the file): close the "
                        "quote where the value ends, or take it out"]


# --------------------------------------------------------------------------- 3. a list item holding the separator


def _given_to_study(tiny_study, table: str, change) -> list[str]:
    """The problems of a Study given the tiny study's tables with ``change(frame)`` made to one of them."""
    from impact.study import Study

    tables = _tables(tiny_study)
    tables[table] = change(tables[table].copy())
    with pytest.raises(ValidationError) as info:
        Study(tiny_study.meta, tables, _texts(tiny_study))
    return [str(p) for p in info.value.problems]


def test_a_list_item_holding_the_separator_is_named_alone(tiny_study):
    # On the old code the problem showed the whole list, "['outcomes', 'managing_resources', 'a;b']".
    def change(reviews):
        reviews = reviews.astype({"themes": object})
        reviews.at[0, "themes"] = ["outcomes", "managing_resources", "vision_strategy_leadership;working_together_lscb"]
        return reviews

    assert _given_to_study(tiny_study, "reviews", change) == [
        "reviews.csv:2:themes: 'vision_strategy_leadership;working_together_lscb' - expected list items without "
        "';', which separates the items of a list (item 3 of 3: a study file would read it as 2 items, "
        "'vision_strategy_leadership' and 'working_together_lscb'): give each item as an item of its own"]


# --------------------------------------------------------------------------- 4. a coding given twice


def test_a_coding_given_twice_names_both_rows(study_dir, tmp_path):
    # On the old code both rows were read: the passage counted twice among the coded passages of P1-early.
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_text("interview_id,start,end,code,coder\nP1-early,0,5,morale,ann\n"
                                    "P3-early,0,5,learning,ann\nP1-early,0,5,morale,ann\n"
                                    "P1-early,0,5,morale,bo\n"  # guard: another coder's coding of the same span
                                    "P1-early,0,6,morale,ann\n",  # guard: another span
                                    encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_codings(tmp_path / "c.csv", load_study(study_dir), codes=["morale", "learning"])
    assert [str(p) for p in info.value.problems] == [
        "c.csv:4: 'P1-early,0,5,morale,ann' - expected each coding once (row 2 is the same: the same unit, code, "
        "coder and span, which would be counted twice): delete one of the rows"]


# --------------------------------------------------------------------------- 5. a unit naming no segment


@pytest.mark.parametrize("parts", [(), ("framework",)])  # checked on its own, or against the run's segments
def test_a_unit_naming_no_segment_is_refused_when_the_codings_are_analysed(parts, study_dir, tmp_path):
    # On the old code analyse() read 'P1-early:99' (P1-early has a few segments) as a coding, without a word.
    from impact.coding.segment import segment
    from impact.pipeline import analyse
    from impact.study import load_study

    study = load_study(study_dir)
    n = int((segment(study)["interview_id"] == "P1-early").sum())  # its segments, counted independently
    (tmp_path / "c.csv").write_text("unit,code\nP1-early:1,morale\nP3-early,learning\nP1-early:99,learning\n",
                                    encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        analyse(study, coded=tmp_path / "c.csv", parts=parts, n_resamples=99)
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:4:unit: 'P1-early:99' - expected a segment of the study (P1-early has {n} segments, P1-early:1 to "
        f"P1-early:{n}), or the interview id itself"]
    # guard: the same file with a segment that exists is analysed
    (tmp_path / "c.csv").write_text(f"unit,code\nP1-early:1,morale\nP3-early,learning\nP1-early:{n},learning\n",
                                    encoding="utf-8")
    f = analyse(study, coded=tmp_path / "c.csv", parts=parts, n_resamples=99)
    assert sorted(f.coded["unit"]) == ["P1-early:1", f"P1-early:{n}", "P3-early"]


def test_an_unclosed_quote_on_the_last_row_of_codings_is_named(study_dir, tmp_path):
    # On the old code: "not a readable CSV file (EOF inside string starting at row 2)": the wrong row, no column.
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_text('interview_id,code,attribution\nP1-early,morale,\nP2-early,learning,"Ofsted '
                                    'visit\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"c\.csv:3:attribution: '\"Ofsted visit' - expected a closing '\"' for the "
                                         r"quoted value that starts here \(without one it runs to the end of the "
                                         r"file\)"):
        read_codings(tmp_path / "c.csv", load_study(study_dir))


# --------------------------------------------------------------------------- 10 more: study tables


def test_an_id_saved_in_scientific_notation_is_one_problem_saying_so(study_dir):
    # On the old code: "expected a DfE three-digit local authority number", nothing on why, and 4 more problems,
    # one per other file naming 302 ("expected a council_id listed in councils.csv").
    _replace(study_dir / "councils.csv", "302,Barnet,", "3.02E+02,Barnet,")
    (problem,) = _errors(study_dir)
    assert problem.startswith("councils.csv:3:council_id: '3.02E+02' - expected a DfE three-digit local authority "
                              "number, as text (e.g. 301) (3.02E+02 is 302 in scientific notation, as a spreadsheet "
                              "shows a number in a column not formatted as text: write 302, and format the column as "
                              "text); the other files name it '302' on 5 rows")


@pytest.mark.parametrize("value", ["999", "3.01E+02"])
def test_an_interview_of_no_listed_council_is_one_problem(value, study_dir):
    # On the old code 3 problems: not listed, "expected the council of participant P1 (301)", and "expected a
    # council with a row in reviews.csv", all of one wrong cell.
    _replace(study_dir / "interviews.csv", "P1-early,P1,301,", f"P1-early,P1,{value},")
    hint = " (did you mean '301'?)" if "E" in value else ""
    assert _errors(study_dir) == [f"interviews.csv:3:council_id: {value!r} - expected a council_id listed in "
                                  f"councils.csv{hint}"]


@pytest.mark.parametrize(("file", "old", "new", "problem"), [
    # guard: a date as an Excel serial number says so
    ("status_history.csv", "2011-02-01", "40575", "status_history.csv:3:start_date: '40575' - expected a date as "
     "YYYY-MM-DD (it looks like an Excel date serial number: 40575 is 2011-02-01; format the column as a date, "
     "YYYY-MM-DD, before saving)"),
    # guard: a column named twice, once in another case, each with its data: one problem, at the header
    ("councils.csv", "region\n", "region,Region\n", "councils.csv:1:Region: 'Region' - expected each column once "
     "(this is `region` again, written another way)"),
    # guard: leading zeros lost in one file ('12' for '012'): the id meant is named
    ("interviews.csv", "P1-early,P1,", "P1-early,12,", "interviews.csv:3:participant_id: '12' - expected a "
     "participant_id listed in participants.csv (did you mean '012'?)"),
])
def test_spreadsheet_mangling_in_study_tables_is_named(file, old, new, problem, study_dir):
    if "Region" in new:  # the column named twice holds data on every row
        f = study_dir / "councils.csv"
        f.write_text(f.read_text(encoding="utf-8").replace("London\n", "London,London\n")
                     .replace("South West\n", "South West,South West\n"), encoding="utf-8")
    if "012" in problem:  # participant P1 is '012' in participants.csv and its interviews, '12' in one
        for name in ("participants.csv", "interviews.csv"):
            _replace(study_dir / name, "P1,", "012,", count=99)
        old = "P1-early,012,"
    _replace(study_dir / file, old, new)
    assert problem in _errors(study_dir)


def test_a_study_table_mixing_encodings_is_one_problem(study_dir):
    # Guard: UTF-8 on one line and Windows-1252 on another is refused, naming both lines, not read as mojibake.
    f = study_dir / "councils.csv"
    f.write_bytes(f.read_bytes().replace(b"Barnet", "Barnét".encode()).replace(b"Torbay", b"Torbay\xe9"))
    (problem,) = _errors(study_dir)
    assert problem.startswith("councils.csv: expected a readable CSV file (mixes text encodings - line 3 is UTF-8 "
                              "but line 4 is not (byte 0xe9")


# --------------------------------------------------------------------------- 10 more: coded files


def test_an_offset_in_scientific_notation_is_refused_as_written(study_dir, tmp_path):
    # On the old code '1.23457E+06' was read as 1234570 (a spreadsheet dropped its last digits) and the problem
    # showed '1234580', a value the file does not hold, as "past the end of the transcript".
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, "interview_id,code,start,end\nP1-early,morale,12,1.23458E+06\n")
    assert [str(p) for p in info.value.problems] == [
        "c.csv:2:end: '1.23458E+06' - expected a whole number of characters, 0 or more, written out in digits "
        "('1.23458E+06' is 1,234,580 in scientific notation, as a spreadsheet shows a long number, whose last digits "
        "may be lost: write '1234580')"]


def test_an_offset_past_the_end_is_shown_as_written(study_dir, tmp_path, tiny_study):
    # On the old code the problem showed '1240', not the cell '1,240'.
    n = len(tiny_study.transcript("P1-early"))
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, 'interview_id,code,start,end\nP1-early,morale,1,"1,240"\n')
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:2:end: '1,240' - expected an offset within the transcript of P1-early ({n:,} characters, counted as "
        "code points)"]


def test_a_cell_longer_than_a_spreadsheet_holds_is_refused_in_codings(study_dir, tmp_path):
    # On the old code an attribution of 40,000 characters was read (the study's tables refuse such a cell).
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, "interview_id,code,attribution\nP1-early,morale," + "x" * 40_000 + "\n")
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:2:attribution: '{'x' * 40}...' - expected a cell of at most 32,767 characters, as a spreadsheet holds "
        "(this one has 40,000)"]


@pytest.mark.parametrize(("text", "message"), [
    # guard: two coded files joined, the second's byte-order mark before its header
    ("interview_id,code\nP1-early,morale\n\ufeffinterview_id,code\nP3-early,learning\n",
     "c.csv:3: the header row again"),
    # guard: a header named twice, once in another case
    ("interview_id,code,Code\nP1-early,morale,learning\n", "the columns ['Code', 'code'] are named twice"),
    # guard: UTF-8 and Windows-1252 mixed
    ("interview_id,code,attribution\nP1-early,morale,Barnét\nP3-early,learning,Ofst\udce9d\n",
     "mixes text encodings - line 2 is UTF-8 but line 3 is not (byte 0xe9"),
])
def test_coded_files_mangled_whole_are_one_message(text, message, study_dir, tmp_path):
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(InputError) as info:
        read_codings(tmp_path / "c.csv", load_study(study_dir), codes=["morale", "learning"])
    assert message in str(info.value)


def test_rows_of_a_coded_file_with_mixed_line_ends_are_counted_as_a_spreadsheet_counts_them(study_dir, tmp_path):
    # Guard: CRLF, a lone CR (old Mac) and LF in one file each end a row.
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, "interview_id,code\r\nP1-early,morale\rP3-early,learning\nP2-early,morael\r\n")
    assert [str(p).split(" - ")[0] for p in info.value.problems] == ["c.csv:4:code: 'morael'"]


def test_codings_differing_only_in_a_column_not_read_are_a_coding_given_twice(study_dir, tmp_path):
    # The same coding with two notes is still one coding counted twice; the same span coded with two attributions
    # is two codings (guard).
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, "interview_id,start,end,code,attribution,note\nP1-early,0,5,morale,Ofsted,a\n"
                                   "P1-early,0,5,morale,review,a\nP1-early,0,5,morale,Ofsted,b\n")
    assert [str(p) for p in info.value.problems] == [
        "c.csv:4: 'P1-early,0,5,morale,Ofsted' - expected each coding once (row 2 is the same: the same unit, code, "
        "coder and span, which would be counted twice): delete one of the rows"]


def test_whole_interview_codings_given_twice_are_read_as_two_statements_with_a_warning(study_dir, tmp_path):
    # Without a span two rows may be two statements the file does not place: read as two, the rows named.
    from impact.codings import CodingsWarning

    with pytest.warns(CodingsWarning, match=r"c\.csv: 1 row the same as an earlier one, with no span, read as "
                                            r"further statements of the same code \(rows 4 \(as 2\)\)"):
        got = _read(tmp_path, study_dir, "interview_id,code\nP1-early,morale\nP3-early,learning\nP1-early,morale\n")
    assert list(got["interview_id"]) == ["P1-early", "P3-early", "P1-early"]
