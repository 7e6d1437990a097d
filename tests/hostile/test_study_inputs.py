"""Hostile and malformed study folders (issue 18.1, 18.3, 17.6): one test per kind.

Each case breaks a copy of the tiny study the way a damaged or malicious file
would.  Each asserts the named error (``ValidationError`` from ``load_study``)
with a message naming the file, row and column and what was expected, and
that nothing in the folder was written or deleted.  A subset runs the real
command line (exit 2, no traceback).
"""

from __future__ import annotations

import io
import zipfile

import pytest

from impact.errors import ValidationError
from impact.study import load_study

from ._util import cli_here, refused, snapshot


def _sub(d, name, old, new, count=1):
    f = d / name
    text = f.read_text(encoding="utf-8")
    assert old in text, (name, old)
    f.write_text(text.replace(old, new, count), encoding="utf-8")


def _append(d, name, line):
    with open(d / name, "a", encoding="utf-8") as h:
        h.write(line + "\n")


# Each case edits the study folder ``d`` and returns the text the report must contain.
def indicator_period_2500(d):
    (d / "indicators.csv").write_text("council_id,period,measure,value,flag\n301,2500-03-31,cin_rate,12.5,\n")
    return "indicators.csv:2:period: '2500-03-31' - expected a date from 1990-01-01 to"


def ofsted_date_3000(d):
    _sub(d, "status_history.csv", "301,ofsted_judgement,good,2010-06-01", "301,ofsted_judgement,good,3000-06-01")
    return "status_history.csv:2:start_date: '3000-06-01' - expected a date from 1990-01-01 to"


def date_80_years_ahead(d):
    _sub(d, "reviews.csv", "301,2011-05-09,2011-05-13", "301,2011-05-09,2106-05-13")
    return "reviews.csv:2:end_date: '2106-05-13' - expected a date from 1990-01-01 to"


def n_recommendations_1e30(d):
    _sub(d, "reviews.csv", "review_manager,8", "review_manager,1e30")
    return "reviews.csv:2:n_recommendations: '1e30' - expected a whole number from 0 to 1,000"


def negative_count(d):
    _sub(d, "reviews.csv", "review_manager,8", "review_manager,-3")
    return "reviews.csv:2:n_recommendations: '-3' - expected a whole number from 0 to 1,000"


@pytest.fixture(params=["inf", "nan", "1e999", "-inf", "NaN"])
def non_finite(request):
    return request.param


def window_days_huge(d):
    (d / "study.yaml").write_text("name: x\nwaves:\n  - {id: early, anchor: review_end, window_days: [-1000000000000000000000000000000, 10]}\n")
    return "study.yaml:3:waves[0].window_days:"


def measure_with_space(d):
    (d / "indicators.csv").write_text("council_id,period,measure,value,flag\n301,2013-03-31,cin rate,12.5,\n")
    return "indicators.csv:2:measure: 'cin rate' - expected text matching"


def fullwidth_digits(d):
    _sub(d, "councils.csv", "\n301,", "\n３０１,")
    return "councils.csv:2:council_id: '３０１' - expected a DfE three-digit local authority number"


def arabic_indic_digits(d):
    _sub(d, "councils.csv", "\n301,", "\n٣٠١,")
    return "councils.csv:2:council_id: '٣٠١' - expected a DfE three-digit local authority number"


def empty_study(d):
    for name in ("councils.csv", "status_history.csv", "reviews.csv", "participants.csv", "interviews.csv",
                 "survey_responses.csv"):
        f = d / name
        f.write_text(f.read_text().splitlines()[0] + "\n")
    return "councils.csv: expected at least one council (the study is empty)"


def duplicate_yaml_key(d):
    (d / "study.yaml").write_text("name: First\ncodebook: nfer_impacts\nname: Second\n")
    return "study.yaml:3: expected a readable study.yaml (the key 'name' is given twice (first on line 1)"


def missing_codebook(d):
    _sub(d, "study.yaml", "codebook: nfer_impacts", "codebook: nfer_impact")
    return "study.yaml:3:codebook: 'nfer_impact' - expected one of the bundled codebooks"


def codebook_outside_folder(d):
    _sub(d, "study.yaml", "codebook: nfer_impacts", "codebook: ../elsewhere/book.yaml")
    return "study.yaml:3:codebook: '../elsewhere/book.yaml' - expected a codebook file inside the study folder"


def waves_out_of_order(d):
    (d / "study.yaml").write_text(
        "name: x\nwaves:\n"
        "  - {id: early, anchor: review_end, window_days: [28, 182]}\n"
        "  - {id: expectations, anchor: review_start, window_days: [-183, 0]}\n"
        "  - {id: longer_term, anchor: review_end, window_days: [273, 548]}\n")
    return "study.yaml:4:waves[1]: 'expectations' - expected waves listed in time order: expectations starts before early"


def overlapping_windows(d):
    (d / "study.yaml").write_text(
        "name: x\nwaves:\n"
        "  - {id: expectations, anchor: review_start, window_days: [-183, 0]}\n"
        "  - {id: early, anchor: review_end, window_days: [28, 300]}\n"
        "  - {id: longer_term, anchor: review_end, window_days: [273, 548]}\n")
    return "study.yaml:5:waves[2].window_days: 'longer_term' - expected a window not overlapping the early window"


def duplicate_transcript(d):
    _sub(d, "interviews.csv", "302/P2-early.txt", "301/P1-early.txt")
    return "interviews.csv:6:transcript: '301/P1-early.txt' - expected a transcript no other interview names (row 3"


def mixed_encodings(d):
    f = d / "councils.csv"
    data = f.read_bytes().replace(b"Barnet", "Camdén".encode()).replace(b"Torbay", "Torbé".encode("cp1252"))
    f.write_bytes(data)
    return "councils.csv: expected a readable CSV file (mixes text encodings - line 3 is UTF-8 but line 4 is not"


def yaml_links_outside(d):
    (d / "study.yaml").unlink()
    (d / "study.yaml").symlink_to("/etc/passwd")
    return "study.yaml: expected a plain file inside the study folder (it is a link"


def table_links_outside(d):
    (d / "councils.csv").unlink()
    (d / "councils.csv").symlink_to("/etc/passwd")
    return "councils.csv: expected a plain file inside the study folder (it is a link"


def transcripts_folder_links_outside(d):
    outside = d.parent / "elsewhere"
    (d / "transcripts").rename(outside)
    (d / "transcripts").symlink_to(outside)
    return "transcripts/: expected a folder holding the 10 transcripts that interviews.csv names, inside the study folder (it is a link pointing outside the study folder)"


def unknown_council_flood(d):
    rows = "\n".join(f"999,2013-03-31,m{i},1," for i in range(3000))
    (d / "indicators.csv").write_text("council_id,period,measure,value,flag\n" + rows + "\n")
    return "indicators.csv:2:council_id: '999' - expected a council_id listed in councils.csv (the same on 2,999 more rows"


CASES = [indicator_period_2500, ofsted_date_3000, date_80_years_ahead, n_recommendations_1e30, negative_count,
         window_days_huge, measure_with_space, fullwidth_digits, arabic_indic_digits, empty_study, duplicate_yaml_key,
         missing_codebook, codebook_outside_folder, waves_out_of_order, overlapping_windows, duplicate_transcript,
         mixed_encodings, yaml_links_outside, table_links_outside, transcripts_folder_links_outside,
         unknown_council_flood]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_hostile_study_is_refused_naming_the_cell(case, study_dir, tmp_path):
    expected = case(study_dir)
    before = snapshot(tmp_path)
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    message = str(info.value)
    assert expected in message, message
    assert "root:" not in message  # nothing of a linked file's content (/etc/passwd) is echoed
    assert snapshot(tmp_path) == before


def test_non_finite_numbers_are_refused(non_finite, study_dir, tmp_path):
    (study_dir / "indicators.csv").write_text(f"council_id,period,measure,value,flag\n301,2013-03-31,cin_rate,{non_finite},\n")
    with pytest.raises(ValidationError, match=rf"indicators.csv:2:value: '{non_finite}' - expected a finite number"):
        load_study(study_dir)


@pytest.mark.parametrize("case", [missing_codebook, waves_out_of_order, yaml_links_outside, mixed_encodings],
                         ids=["missing_codebook", "waves_out_of_order", "yaml_links_outside", "mixed_encodings"])
def test_cli_validate_exits_2(case, study_dir, tmp_path):
    expected = case(study_dir)
    before = snapshot(tmp_path)
    proc = cli_here("validate", str(study_dir), cwd=tmp_path)
    refused(proc, expected.split(" - ")[0])
    assert snapshot(tmp_path) == before


def test_one_root_cause_is_reported_once(study_dir):
    """An unreadable councils.csv is one problem, not one per row of every table that names a council."""
    (study_dir / "councils.csv").write_bytes(b"\x00\x01binary")
    rows = "\n".join(f"301,2013-03-31,m{i},1," for i in range(2000))
    (study_dir / "indicators.csv").write_text("council_id,period,measure,value,flag\n" + rows + "\n")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    problems = info.value.problems
    assert [p.file for p in problems] == ["councils.csv"]
    assert "NUL bytes" in problems[0].expected


def test_study_yaml_unreadable_is_one_problem(study_dir):
    (study_dir / "study.yaml").write_text("name: [unclosed\n")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert [p.file for p in info.value.problems] == ["study.yaml"]  # not a survey item error per answer


def test_each_file_lists_at_most_50_problems_with_a_count(study_dir):
    rows = "\n".join(f"301,2013-03-31,m{i},abc{i}," for i in range(600))
    (study_dir / "indicators.csv").write_text("council_id,period,measure,value,flag\n" + rows + "\n")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert len(info.value.problems) == 600  # every problem kept for the API
    lines = str(info.value).splitlines()
    assert sum(line.startswith("  indicators.csv:") and line[17:18].isdigit() for line in lines) == 50
    assert "  indicators.csv: ... and 550 more problems" in lines


def _docx(path, body_xml, *, doctype=""):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}<w:document {ns}><w:body>{body_xml}</w:body></w:document>'
    ctypes = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", ctypes)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
    path.write_bytes(buf.getvalue())


def _p(text):
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _row(*cells):
    return "<w:tr>" + "".join(f"<w:tc>{_p(c)}</w:tc>" for c in cells) + "</w:tr>"


def test_docx_read_in_document_order_with_tables(tmp_path):
    from impact.study import read_transcript

    body = (_p("Interview with the DCS") + "<w:tbl>" + _row("Interviewer", "How has it gone?")
            + _row("Respondent", "We rewrote the threshold document.") + "</w:tbl>" + _p("End of interview"))
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == [
        "Interview with the DCS", "Interviewer: How has it gone?", "Respondent: We rewrote the threshold document.",
        "End of interview"]


def test_docx_with_a_doctype_is_refused(tmp_path):
    from impact.errors import InputError
    from impact.study import read_transcript

    _docx(tmp_path / "t.docx", _p("before") + _p("after"), doctype='<!DOCTYPE w:document [<!ENTITY x "y">]>')
    with pytest.raises(InputError, match="document type declaration"):
        read_transcript(tmp_path / "t.docx")


def test_status_at_unknown_council_raises(tiny_study):
    from impact.errors import InputError

    with pytest.raises(InputError, match=r"council_id 'no-such-council' is not a council of study 'Tiny study' "
                                         r"\(expected one of: 301, 302, 880\)"):
        tiny_study.status_at("no-such-council", "2012-01-01")


@pytest.mark.parametrize(("codebook", "needle"), [
    ('classes: {a: ["@a"]}\ncodes:\n  - {id: x, label: X, definition: d}\n',
     "book.yaml:4:classes.a: '@a' - expected a term (a class cannot refer to a class)"),
    ("codes:\n  - {id: x, label: 5, definition: d}\n", "book.yaml:5:codes[0].label: '5' - expected a non-empty label (text)"),
    ("codes:\n  - {id: x, label: X, definition: d, rules: {near: [{terms: a, with: b, within: 1000000}]}}\n",
     "book.yaml:5:codes[0].rules.near[0].within: '1000000' - expected an integer number of words between 0 and 30"),
    ("codes:\n  - {id: x, label: X, definition: d, parent: x}\n", "book.yaml:5:codes[0].parent: 'x' - expected the id of another code (x names itself as its parent"),
], ids=["self_referencing_class", "non_text_label", "unbounded_gap", "self_parent"])
def test_study_codebook_structure_is_checked(codebook, needle, study_dir, tmp_path):
    (study_dir / "book.yaml").write_text('format_version: 1\nid: book\nversion: "1"\n' + codebook)
    _sub(study_dir, "study.yaml", "codebook: nfer_impacts", "codebook: book.yaml")
    before = snapshot(tmp_path)
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert "study.yaml:3:codebook: 'book.yaml' - expected a valid codebook" in str(info.value)
    assert needle in str(info.value)
    assert snapshot(tmp_path) == before
