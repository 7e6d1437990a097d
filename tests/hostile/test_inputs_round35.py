"""Hostile inputs, round 35 (helper-inputs35): codebook YAML.

Each test is a hostile codebook the old code got wrong; what it did is said beside the test.  A codebook is read
from text here (``Codebook.from_yaml``, what ``Codebook.load`` and a study's ``codebook:`` call), and twice through
the command line, to show the problem reaches the user as a list, not a traceback.
"""

from __future__ import annotations

import pytest

from impact.coding import Codebook
from impact.errors import ValidationError

from ._util import cli_here, refused, snapshot

_BOOK = """format_version: 1
id: test_book
version: "1.0"
codes:
  - id: alpha
    label: Alpha
    definition: The first code.
  - id: beta
    label: Beta
    definition: The second code.
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(text, source="book.yaml")
    return [str(p) for p in info.value.problems]


def _with(old: str, new: str, text: str = _BOOK) -> str:
    assert text.count(old) == 1
    return text.replace(old, new)


# --------------------------------------------------------------------------- 1. a parent that is not one id


@pytest.mark.parametrize(("parent", "said"), [
    ("[alpha]", "\"['alpha']\" - expected the id of one other code (a code has one parent, written as its id: a list "
                "was given)"),
    ("{id: alpha}", "\"{'id': 'alpha'}\" - expected the id of one other code (a code has one parent, written as its "
                    "id: a mapping was given)"),
    ("12", "'12' - expected the id of one other code (a code has one parent, written as its id: a number was given)"),
])
def test_a_parent_that_is_not_one_id_is_named_on_its_code(parent, said):
    # On the old code a list or a mapping was a TypeError traceback (unhashable type) out of Codebook.load, `impact
    # validate` and `impact code`; a number was said to be no code's id, as if a code 12 might be meant.
    assert _problems(_with("label: Beta", f"label: Beta\n    parent: {parent}")) == [f"book.yaml:10:codes[1].parent: {said}"]


# --------------------------------------------------------------------------- 2. a code its own parent


def test_a_code_naming_itself_as_its_parent_is_told_on_its_code():
    # On the old code "book.yaml:parent: 'beta' - expected a code tree without cycles": no code named, no way out said.
    assert _problems(_with("label: Beta", "label: Beta\n    parent: beta")) == [
        "book.yaml:10:codes[1].parent: 'beta' - expected the id of another code (beta names itself as its parent: leave "
        "parent out for a top-level code)"]


# --------------------------------------------------------------------------- 3. a loop of parents


def test_a_loop_of_two_codes_is_one_problem_naming_the_loop():
    # On the old code two problems, "parent: 'alpha'" and "parent: 'beta'", each "expected a code tree without cycles".
    text = _with("label: Beta", "label: Beta\n    parent: alpha", _with("label: Alpha", "label: Alpha\n    parent: beta"))
    assert _problems(text) == [
        "book.yaml:7:codes[0].parent: 'beta' - expected a code tree without loops (alpha -> beta -> alpha: none of them "
        "has a top code; leave parent out of one of them, or name a code outside the loop)"]


def test_a_loop_of_three_codes_with_a_child_hanging_from_it_is_one_problem():
    # On the old code four problems, one per code whose parents lead round (the child of the loop among them).
    text = _BOOK + (
        "  - {id: gamma, label: Gamma, definition: The third code., parent: delta}\n"
        "  - {id: delta, label: Delta, definition: The fourth code., parent: epsilon}\n"
        "  - {id: epsilon, label: Epsilon, definition: The fifth code., parent: gamma}\n"
        "  - {id: zeta, label: Zeta, definition: A child of the loop., parent: epsilon}\n")
    assert _problems(text) == [
        "book.yaml:11:codes[2].parent: 'delta' - expected a code tree without loops (gamma -> delta -> epsilon -> gamma: "
        "none of them has a top code; leave parent out of one of them, or name a code outside the loop)"]


# --------------------------------------------------------------------------- 4. rules that cannot be read as written


def test_near_rules_not_written_as_a_list_are_named():
    # On the old code a TypeError traceback ('int' object is not iterable) out of Codebook.load.
    text = _with("definition: The second code.", "definition: The second code.\n    rules:\n      near: 5")
    assert _problems(text) == [
        "book.yaml:12:codes[1].rules.near: '5' - expected a list of mappings with terms, with and within (write each "
        "under '- ')"]


@pytest.mark.parametrize("value", ['"false"', "'no'", "1"])
def test_ordered_given_as_text_or_a_number_is_refused_not_read_as_true(value):
    # On the old code loaded without a word, and any such value, the text 'false' too, made the rule ordered: the
    # terms had to come first, the opposite of what was written.
    text = _with("definition: The second code.", "definition: The second code.\n    rules:\n      near:\n"
                 f"        - {{terms: [morale], with: [better], ordered: {value}}}")
    shown = {'"false"': "'false'", "'no'": "'no'", "1": "'1'"}[value]
    assert _problems(text) == [
        f"book.yaml:13:codes[1].rules.near[0].ordered: {shown} - expected true or false, without quotes (any other "
        "value, 'false' in quotes too, would be read as true)"]


def test_guard_ordered_true_or_false_without_quotes_is_read():
    for value in ("true", "false"):
        Codebook.from_yaml(_with("definition: The second code.", "definition: The second code.\n    rules:\n"
                                 f"      near:\n        - {{terms: [morale], with: [better], ordered: {value}}}"))


@pytest.mark.parametrize(("rules", "shown"), [("{}", "'{}'"), ("{weight: 0.5}", "\"{'weight': 0.5}\"")])
def test_rules_with_neither_phrases_nor_near_are_refused(rules, shown):
    # On the old code loaded without a word: the rule coder never gave the code, which read as a code no one raised.
    text = _with("definition: The second code.", f"definition: The second code.\n    rules: {rules}")
    assert _problems(text) == [
        f"book.yaml:11:codes[1].rules: {shown} - expected phrases and/or near (rules with neither match nothing, so the "
        "code is never given: write some, or leave rules out for a code given by hand only)"]


# --------------------------------------------------------------------------- 5. labels a report cannot show


@pytest.mark.parametrize(("label", "said"), [
    ("'   '", "'   ' - expected a non-empty label (text)"),
    ('"Staff\\nmorale"', "'Staff\\nmorale' - expected text on one line (it holds a line break at character 6: a name "
                         "or label is shown on one line; join the lines)"),
    ('"Staff\\x07morale"', "'Staff\\x07morale' - expected text without control characters (it holds U+0007 (a "
                           "control character) at character 6, which no one sees and a report or workbook cannot "
                           "show: retype it)"),
])
def test_a_label_blank_over_two_lines_or_with_a_control_character_is_refused(label, said):
    # On the old code each loaded without a word: a code shown without a name, a table row broken in two, and a
    # bell character that openpyxl refuses when the label is written into a review workbook.
    assert _problems(_with("label: Beta", f"label: {label}")) == [f"book.yaml:9:codes[1].label: {said}"]


# --------------------------------------------------------------------------- 6. control characters in other text


@pytest.mark.parametrize(("old", "new", "column"), [
    ("definition: The second code.", 'definition: "The second\\x1b code."', "10:codes[1].definition"),
    ("definition: The second code.", 'definition: The second code.\n    examples: ["fine", "We\\x00 changed."]',
     "11:codes[1].examples[1]"),
    ('version: "1.0"', 'version: "1\\x0b0"', "3:version"),
])
def test_a_control_character_in_a_definition_an_example_or_the_version_is_named(old, new, column):
    # On the old code loaded without a word, the character kept in the codebook's hash and in every output.
    problems = _problems(_with(old, new))
    assert len(problems) == 1 and problems[0].startswith(f"book.yaml:{column}: ")
    assert "- expected text without control characters (it holds U+00" in problems[0]


def test_guard_a_definition_over_several_lines_with_a_tab_is_text():
    book = Codebook.from_yaml(_with("definition: The second code.", 'definition: "The second\\n\\tcode."'))
    assert book.code("beta")["definition"] == "The second\n\tcode."


# --------------------------------------------------------------------------- 7. text given as a list or a mapping


@pytest.mark.parametrize(("line", "said"), [
    ("title: [Impacts, of reviews]", "title: \"['Impacts', 'of reviews']\" - expected text (a list was given)"),
    ("description: {summary: Codes}", "description: \"{'summary': 'Codes'}\" - expected text (a mapping was given)"),
    ("source: [NFER 2014]", "source: \"['NFER 2014']\" - expected text (a list was given)"),
])
def test_a_title_description_or_source_that_is_no_text_is_refused(line, said):
    # On the old code loaded as the text of the Python value ("['Impacts', 'of reviews']"), shown so in the report.
    assert _problems(_BOOK + line + "\n") == [f"book.yaml:11:{said}"]


def test_a_version_that_is_a_list_is_refused():
    # On the old code loaded as the version "[1, 0]", recorded so beside every coded row.
    assert _problems(_with('version: "1.0"', "version: [1, 0]")) == [
        "book.yaml:3:version: '[1, 0]' - expected text (a list was given)"]


# --------------------------------------------------------------------------- 8. a class no rule can name


@pytest.mark.parametrize(("name", "said"), [
    ("staff words", "classes.staff words: 'staff words' - expected a class name of one word, without '@' (rules name "
                    "a class as '@name', one word)"),
    ("2014", "classes.2014: '2014' - expected a class name of one word, without '@' (rules name a class as '@name', "
             "one word; 2014 is read as a number)"),
])
def test_a_class_name_no_rule_can_refer_to_is_refused(name, said):
    # On the old code loaded without a word: '@staff words' is read as a class 'staff' then the word 'words', and
    # '@2014' looks for the text '2014' among keys YAML read as numbers, so the class could never be used.
    assert _problems(_with("codes:", f"classes:\n  {name}: [morale]\ncodes:")) == [f"book.yaml:5:{said}"]


# --------------------------------------------------------------------------- 9. every problem at once


def test_every_problem_of_a_codebook_is_listed_at_once():
    # On the old code the TypeError of the first (the parent given as a list) hid the other two.
    text = _with("label: Beta", "label: ' '\n    parent: [alpha]\n    rules: {near: 5}",
                 _with("definition: The first code.", "definition: The first code.\n    rules: {}"))
    assert [p.split(" - expected ")[0] for p in _problems(text)] == [
        "book.yaml:8:codes[0].rules: '{}'", "book.yaml:10:codes[1].label: ' '",
        "book.yaml:11:codes[1].parent: \"['alpha']\"", "book.yaml:12:codes[1].rules.near: '5'"]


# --------------------------------------------------------------------------- 10. through the command line


def _study_book(study_dir, book: str) -> None:
    (study_dir / "book.yaml").write_text(book, encoding="utf-8")
    meta = study_dir / "study.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("codebook: nfer_impacts", "codebook: book.yaml"),
                    encoding="utf-8")


def test_impact_validate_lists_a_codebook_parent_given_as_a_list(study_dir, tmp_path):
    # On the old code `impact validate` ended in a TypeError traceback (exit 1).
    _study_book(study_dir, _with("label: Beta", "label: Beta\n    parent: [alpha]"))
    before = snapshot(tmp_path)
    proc = cli_here("validate", str(study_dir), cwd=tmp_path)
    refused(proc, "study.yaml:3:codebook: 'book.yaml' - expected a valid codebook",
            "book.yaml:10:codes[1].parent: \"['alpha']\" - expected the id of one other code")
    assert snapshot(tmp_path) == before


def test_impact_code_refuses_a_codebook_of_near_rules_not_in_a_list_writing_nothing(study_dir, tmp_path, capsys):
    # On the old code `impact code --codebook` ended in a TypeError traceback (exit 1).  Run in this process (the
    # command line's own entry point), to spare a second interpreter.
    from impact.cli import main

    book = tmp_path / "book.yaml"
    book.write_text(_with("definition: The second code.", "definition: The second code.\n    rules:\n      near: 5"),
                    encoding="utf-8")
    before = snapshot(tmp_path)
    assert main(["code", str(study_dir), "--codebook", str(book), "--out", str(tmp_path / "coded.csv")]) == 2
    assert f"{book}:12:codes[1].rules.near: '5' - expected a list of mappings with terms, with and within" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- 11. codings at odds with the study

#: Codings of whole interviews of the tiny study, with the columns `impact code` writes beside them.
_CODED = """interview_id,code,council_id,participant_id,wave
P1-expectations,morale,301,P1,expectations
P1-early,morale,301,P1,early
P1-longer_term,learning,301,P1,longer_term
P2-expectations,morale,302,P2,expectations
P3-early,partnership,880,P3,early
"""


def _context_warnings(study_dir, tmp_path, text: str) -> list[str]:
    import warnings

    from impact.codings import CodingsWarning, read_codings
    from impact.study import load_study

    coded = tmp_path / "coded.csv"
    coded.write_text(text, encoding="utf-8")
    study = load_study(study_dir)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_codings(coded, study)
    return [str(w.message) for w in caught if issubclass(w.category, CodingsWarning)]


_READ_AS = ("as the study says, which is what the findings count; a file coded from another version of the study? "
            "Code the study again, or correct the file")


@pytest.mark.parametrize(("old", "new", "said"), [
    # the file's wave left aside for the study's: the row counted at a wave the file does not give
    ("P1-early,morale,301,P1,early", "P1-early,morale,301,P1,longer_term",
     "coded.csv:3:wave: 'longer_term' - expected the wave interviews.csv gives interview P1-early (early): read as "
     "early"),
    # three rows saying council 302 of interviews the study gives to 301: one warning counting them
    (",301,P1,", ",302,P1,", "coded.csv:2:council_id: '302' - expected the council interviews.csv gives interview "
     "P1-expectations (301) (so do 2 more rows: 3, 4): read as 301"),
    # P3's interview coded as P4's, counted as P3's
    ("P3-early,partnership,880,P3,early", "P3-early,partnership,880,P4,early",
     "coded.csv:6:participant_id: 'P4' - expected the participant interviews.csv gives interview P3-early (P3): read "
     "as P3"),
], ids=["wave", "council", "participant"])
def test_codings_whose_council_participant_or_wave_is_not_the_studys_are_told(study_dir, tmp_path, old, new, said):
    # On the old code read without a word, the study's value counted and the file's left aside.
    assert _context_warnings(study_dir, tmp_path, _CODED.replace(old, new)) == [f"{said}, {_READ_AS}"]


def test_guard_codings_agreeing_with_the_study_or_with_an_id_in_other_case_are_not_told(study_dir, tmp_path):
    assert _context_warnings(study_dir, tmp_path, _CODED) == []
    assert _context_warnings(study_dir, tmp_path, _CODED.replace(",P1,", ",p1,")) == []


# --------------------------------------------------------------------------- 12. study.yaml labels no one can tell apart


def _study_problems(study_dir, old: str, new: str) -> list[str]:
    from .test_inputs_round6 import _all_problems

    meta = study_dir / "study.yaml"
    meta.write_text(_with(old, new, meta.read_text(encoding="utf-8")), encoding="utf-8")
    return [p for p in _all_problems(study_dir) if p.startswith("study.yaml:")]


def test_two_waves_of_one_label_are_refused(study_dir):
    # On the old code valid without a word: the report's tables and figures named two waves 'Before'.
    assert _study_problems(study_dir, "codebook: nfer_impacts", "codebook: nfer_impacts\nwaves:\n"
                           "- {id: expectations, label: Before, anchor: review_start, window_days: [-183, 0]}\n"
                           "- {id: early, label: before, anchor: review_end, window_days: [28, 182]}\n"
                           "- {id: longer_term, label: Later, anchor: review_end, window_days: [273, 548]}") == [
        "study.yaml:6:waves[1].label: 'before' - expected a label no other wave has (waves[0], expectations, is "
        "labelled 'Before'): a report names each wave by its label, so the two could not be told apart"]


def test_two_survey_items_of_one_label_are_refused(study_dir):
    # On the old code valid without a word: two rows of the survey table named 'I feel confident'.
    assert _study_problems(study_dir, "survey:\n  items:\n", "survey:\n  items:\n    q_safe:\n"
                           "      label: I feel  Confident\n      scale: [1, 5]\n") == [
        "study.yaml:10:survey.items.q_confident.label: 'I feel confident' - expected a label no other survey item has "
        "(survey.items.q_safe, q_safe, is labelled 'I feel  Confident'): a report names each survey item by its "
        "label, so the two could not be told apart"]


def test_an_added_role_labelled_as_a_built_in_role_is_refused(study_dir):
    # On the old code valid without a word: two roles shown as "Director of children's services".
    assert _study_problems(study_dir, "codebook: nfer_impacts", "codebook: nfer_impacts\nvocabularies:\n"
                           "  roles: {interim_dcs: Director of Children's Services}") == [
        "study.yaml:5:vocabularies.roles.interim_dcs: \"Director of Children's Services\" - expected a label no other "
        "role has (dcs is labelled \"Director of children's services\"): a report names each role by its label, so "
        "the two could not be told apart"]


def test_an_added_value_whose_label_is_left_out_is_refused(study_dir):
    # On the old code valid without a word: the value's label read as None and shown as 'None' in the report.
    assert _study_problems(study_dir, "codebook: nfer_impacts", "codebook: nfer_impacts\nvocabularies:\n"
                           "  interview_modes: {teams_call: , '2': 2}") == [
        "study.yaml:5:vocabularies.interview_modes.teams_call: 'None' - expected a label (text) for teams_call, or the "
        "ids listed alone ([a, b]) to be shown as written",
        "study.yaml:5:vocabularies.interview_modes.2: '2' - expected a label (text) for 2, or the ids listed alone "
        "([a, b]) to be shown as written (YAML reads 2, unquoted, as a number: put the label in quotes, as in 2: '2')"]


def test_guard_a_built_in_role_relabelled_and_roles_listed_alone_are_valid(study_dir):
    from impact.study import load_study

    meta = study_dir / "study.yaml"
    meta.write_text(_with("codebook: nfer_impacts", "codebook: nfer_impacts\nvocabularies:\n  roles: {dcs: Director}\n"
                          "  interview_modes: [teams_call]", meta.read_text(encoding="utf-8")), encoding="utf-8")
    study = load_study(study_dir)
    assert study.vocabularies()["roles"]["dcs"] == "Director"
    assert study.vocabularies()["interview_modes"]["teams_call"] == "teams_call"


# --------------------------------------------------------------------------- 13. another kind of file named .docx


def _retyped(path, old: bytes, new: bytes) -> None:
    """The package at ``path`` with its main part's content type changed (as Word saves it as another type)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    assert old in members["[Content_Types].xml"]
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(old, new)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)


def _odt(path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:"
                                  "office:1.0'/>")


def _workbook(path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "Respondent: The review helped."
    book.save(path)


_WORD = "Word Document (.docx)"
#: The content type of a Word Document's main part, which Word writes another for each other type it saves.
_DOCX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize(("make", "said"), [
    (lambda p: _retyped(p, _DOCX_TYPE, b"application/vnd.ms-word.document.macroEnabled.main+xml"),
     f"a macro-enabled Word document (.docm), named .docx - expected a {_WORD}: open it in Word and save it as "
     f"\"{_WORD}\", which leaves its macros out (impact never runs them, and reads no other type)"),
    (lambda p: _retyped(p, _DOCX_TYPE, _DOCX_TYPE.replace(b".document.", b".template.")),
     f"a Word template (.dotx), named .docx - expected a {_WORD}: open it in Word and save it as \"{_WORD}\""),
    (lambda p: _retyped(p, _DOCX_TYPE, b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
     f"a macro-enabled Word template (.dotm), named .docx - expected a {_WORD}: open it in Word and save it as "
     f"\"{_WORD}\""),
    (_odt, f"an OpenDocument text (as LibreOffice or Google Docs saves it), named .docx - expected a {_WORD}: open "
           f"it and save it as \"{_WORD}\" (in LibreOffice: File > Save As, type \"Word 2007-365\")"),
    (_workbook, f"an Excel workbook, named .docx - expected a {_WORD}: copy the interview's text into a Word document "
                f"and save it as \"{_WORD}\", or as plain text (.txt)"),
], ids=["docm", "dotx", "dotm", "odt", "xlsx"])
def test_another_kind_of_file_named_docx_says_what_it_is(study_dir, make, said):
    # On the old code python-docx's "ValueError: file '/tmp/.../P1-early.docx' is not a Word file, content type is
    # '...macroEnabled.main+xml'" (the full path, and no way out), or of the OpenDocument text "no main document
    # part: word/document.xml is missing".
    import docx

    from .test_inputs_round6 import _all_problems

    meta = study_dir / "interviews.csv"
    meta.write_text(_with("301/P1-early.txt", "301/P1-early.docx", meta.read_text(encoding="utf-8")),
                    encoding="utf-8")
    path = study_dir / "transcripts" / "301" / "P1-early.docx"
    (study_dir / "transcripts" / "301" / "P1-early.txt").unlink()
    document = docx.Document()
    document.add_paragraph("Respondent: The review helped us improve our practice a great deal.")
    document.save(path)
    make(path)
    assert [p for p in _all_problems(study_dir) if p.startswith("interviews.csv:3:transcript:")] == [
        "interviews.csv:3:transcript: '301/P1-early.docx' - expected a readable transcript (transcripts/301/"
        f"P1-early.docx: {said})"]


# --------------------------------------------------------------------------- 14. QDPX coders no one can tell apart


_G = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(1, 12)]  # fixed GUIDs, lower case as impact keeps them


def _project_coders(tmp_path, users: str, coded_by: tuple[str, str]) -> tuple[list[str], list[str]]:
    """The coders a hand-made project's two codings of one source are read as, and the warnings told."""
    import warnings
    import zipfile

    from impact.qdpx import QdpxWarning, read_qdpx, study_codings_from_project

    codings = "".join(f'<Coding guid="{_G[5 + k]}" creatingUser="{who}"><CodeRef targetGUID="{_G[2]}"/></Coding>'
                      for k, who in enumerate(coded_by))
    qde = ('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="hand">'
           f'<Users>{users}</Users><CodeBook><Codes><Code guid="{_G[2]}" name="morale" isCodable="true"/></Codes>'
           f'</CodeBook><Sources><TextSource guid="{_G[4]}" name="I1"><PlainTextContent>We feel valued now.'
           f'</PlainTextContent>{codings}</TextSource></Sources></Project>')
    path = tmp_path / "t.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data, _ = study_codings_from_project(read_qdpx(path), unit="interview")
    return data["coder"].tolist(), [str(w.message) for w in caught if issubclass(w.category, QdpxWarning)]


def test_two_users_of_one_name_are_two_coders_and_told(tmp_path):
    # On the old code both read as the one coder 'Admin', without a word: their agreement never measured, and the
    # report counting one coder where two coded.
    users = f'<User guid="{_G[0]}" name="Admin"/><User guid="{_G[1]}" name="admin "/>'
    assert _project_coders(tmp_path, users, (_G[0], _G[1])) == (["Admin [00000001]", "admin [00000002]"], [
        "2 users of the project are named 'Admin' (GUIDs 00000001, 00000002): their codings are read as 2 coders, "
        "'Admin [00000001]', 'admin [00000002]', not as one; give each person a name of their own in the program "
        "that made the project"])


@pytest.mark.parametrize(("users", "said"), [
    (f'<User guid="{_G[0]}" name="ann"/>', "whom the project's <Users> do not list"),
    (f'<User guid="{_G[0]}" name="ann"/><User guid="{_G[1]}" name=" "/>', "whom the project's <Users> list without a "
                                                                          "name"),
])
def test_a_coder_the_project_does_not_name_is_told(tmp_path, users, said):
    # On the old code read without a word: the coder named by a GUID no one can read, or by a blank name.
    assert _project_coders(tmp_path, users, (_G[0], _G[1])) == (["ann", _G[1]], [
        f"1 coding by user '{_G[1]}', {said}: read as coder '{_G[1]}'; name the user in the program that made "
        "the project to have their name"])


def test_guard_users_of_names_of_their_own_are_read_by_name(tmp_path):
    users = f'<User guid="{_G[0]}" name="ann"/><User guid="{_G[1]}" name="bo"/>'
    assert _project_coders(tmp_path, users, (_G[0], _G[1])) == (["ann", "bo"], [])


# --------------------------------------------------------------------------- 15. files embedded in a .docx transcript


def test_files_embedded_in_a_docx_transcript_are_counted_in_a_warning(study_dir):
    # On the old code read without a word: a Word document and two files placed in the transcript with Insert >
    # Object, whose text (it may be the interview's) was never read nor coded.
    import zipfile

    import docx

    from impact.study import load_study

    meta = study_dir / "interviews.csv"
    meta.write_text(_with("301/P1-early.txt", "301/P1-early.docx", meta.read_text(encoding="utf-8")),
                    encoding="utf-8")
    (study_dir / "transcripts" / "301" / "P1-early.txt").unlink()
    path = study_dir / "transcripts" / "301" / "P1-early.docx"
    document = docx.Document()
    document.add_paragraph("Respondent: The review helped us improve our practice a great deal.")
    document.add_paragraph("OBJECTS")
    document.save(path)
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    objects = "".join(f'<w:r><w:object><v:shape id="s{i}"/><o:OLEObject Type="Embed" ProgID="{prog}" ShapeID="s{i}" '
                      f'DrawAspect="Icon" ObjectID="_{i}" r:id="rId9{i}"/></w:object></w:r>'
                      for i, prog in enumerate(["Word.Document.12", "Package", "Package"]))
    body = members["word/document.xml"].decode("utf-8").replace("<w:r><w:t>OBJECTS</w:t></w:r>", objects)
    for prefix, uri in (("o", "urn:schemas-microsoft-com:office:office"), ("v", "urn:schemas-microsoft-com:vml")):
        if f"xmlns:{prefix}=" not in body:  # python-docx's template declares both
            body = body.replace("<w:document ", f'<w:document xmlns:{prefix}="{uri}" ', 1)
    members["word/document.xml"] = body.encode("utf-8")
    with zipfile.ZipFile(path, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    assert [str(p) for p in load_study(study_dir).load_problems if "P1-early.docx" in str(p)] == [
        "warning: interviews.csv:3:transcript: '301/P1-early.docx' - expected a transcript whose every word is read "
        "(transcripts/301/P1-early.docx: 1 embedded Word document and 2 embedded files not read (a file placed "
        "inside the document, shown as an icon or a picture of its first page: what it holds is not the document's "
        "text, and is not coded): if one holds the interview's words, copy them into the text)"]
