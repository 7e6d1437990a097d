"""Problems of YAML files name the line of the key or item they are about (inputs61).

A CSV problem names its row; a problem of study.yaml or of a codebook named only a path (``waves[1].window_days``,
``codes[4].label``), which in a 500-line codebook leaves the user counting.  Here each planted mistake's line is
found independently, by searching the text for the line planted, and the problem must name that line: through
``load_study``, ``Study.validate``, ``impact validate``, ``Codebook.from_yaml`` and ``Codebook.load``.  A key
missing is told on the line of the mapping it belongs in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import Codebook, bundled_path, load_study
from impact.cli import main
from impact.errors import InputError, ValidationError

# study.yaml as Study.save writes it, for the tiny study of conftest (its waves are the defaults, written out)
_STUDY = """format_version: 1
name: Tiny study
description: A hand-written study of three councils, its text
  over two lines.
codebook: nfer_impacts
waves:
- id: expectations
  label: Expectations before the review
  anchor: review_start
  window_days:
  - -183
  - 0
- id: early
  label: Early impact (about 3 months after)
  anchor: review_end
  window_days:
  - 28
  - 182
- id: longer_term
  label: Longer-term change (about 12 months after)
  anchor: review_end
  window_days:
  - 273
  - 548
survey:
  items:
    q_confident:
      label: I feel confident
      scale:
      - 1
      - 5
"""


def _line(text: str, needle: str, nth: int = 0) -> int:
    """The 1-based line of ``text`` holding ``needle`` (its ``nth`` occurrence), counted by hand: any line ending."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    head = text[:at].replace("\r\n", "\n").replace("\r", "\n")
    return head.count("\n") + 1


def _with(old: str, new: str, text: str = _STUDY) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _refused(folder: Path, text: str, *, newline: str = "\n", encoding: str = "utf-8") -> list:
    (folder / "study.yaml").write_bytes(text.replace("\n", newline).encode(encoding))
    with pytest.raises(ValidationError) as info:
        load_study(folder)
    return info.value.records


def _at(records: list, file: str, column: str | None):
    found = [p for p in records if p.file == file and p.column == column]
    assert found, [str(p) for p in records]
    return found[0]


def test_the_study_as_written_is_read(study_dir):
    (study_dir / "study.yaml").write_text(_STUDY, encoding="utf-8")
    assert load_study(study_dir).wave_ids == ["expectations", "early", "longer_term"]


# (what is planted, the path the problem names, the text of the line it is on)
_STUDY_TYPOS = [
    (("  anchor: review_end\n  window_days:\n  - 28", "  anchr: review_end\n  window_days:\n  - 28"),
     "waves[1].anchr", "anchr:", 0),
    (("  - 273\n  - 548", "  - 548\n  - 273"), "waves[2].window_days", "window_days:", 2),
    (("  - -183\n  - 0", "  - 0\n  - -183"), "waves[0].window_days", "window_days:", 0),
    (("- id: early\n", "- ident: early\n"), "waves[1]", "- ident: early", 0),  # no id: the item's line
    (("codebook: nfer_impacts", "codebook: nfer_impactz"), "codebook", "codebook:", 0),
    (("name: Tiny study\n", ""), "name", "format_version", 0),  # a key missing: its mapping's line (the first)
    (("      label: I feel confident", "      label: \"I feel\\tconfident\""), "survey.items.q_confident.label",
     "label: \"I feel", 0),
]


@pytest.mark.parametrize(("planted", "column", "on", "nth"), _STUDY_TYPOS, ids=[t[1] for t in _STUDY_TYPOS])
def test_a_study_yaml_mistake_names_its_line(study_dir, planted, column, on, nth):
    text = _with(*planted)
    line = _line(text, on, nth)
    records = _refused(study_dir, text)
    p = _at(records, "study.yaml", column)
    assert p.row == line
    assert str(p).startswith(f"study.yaml:{line}:{column}: ")


def test_validate_and_the_command_line_name_the_same_line(study_dir, capsys):
    text = _with("  - 273\n  - 548", "  - 548\n  - 273")
    line = _line(text, "window_days:", 2)
    (study_dir / "study.yaml").write_text(text, encoding="utf-8")
    unchecked = load_study(study_dir, validate=False)
    assert _at(unchecked.validate(), "study.yaml", "waves[2].window_days").row == line
    assert main(["validate", str(study_dir)]) == 2
    assert f"study.yaml:{line}:waves[2].window_days: '[548, 273]' - expected [lo, hi]" in capsys.readouterr().err


def test_a_study_yaml_mistake_in_a_flow_style_list_names_the_items_line(study_dir):
    flow = ("waves: [{id: expectations, anchor: review_start, window_days: [-183, 0]},\n"
            "        {id: early, anchor: review_end, window_days: [182, 28]},\n"
            "        {id: longer_term, anchor: review_end, window_days: [273, 548]}]\n")
    start, end = _STUDY.index("waves:\n"), _STUDY.index("survey:\n")
    text = _STUDY[:start] + flow + _STUDY[end:]
    assert _at(_refused(study_dir, text), "study.yaml", "waves[1].window_days").row == _line(text, "{id: early")


def test_lines_are_counted_past_a_directive_a_document_start_and_end(study_dir):
    text = "%YAML 1.1\n---\n# the study\n" + _with("anchor: review_end\n  window_days:\n  - 28",
                                                  "anchor: review_ended\n  window_days:\n  - 28") + "...\n"
    p = _at(_refused(study_dir, text), "study.yaml", "waves[1].anchor")
    assert p.row == _line(text, "review_ended") == 18


def test_a_second_document_is_told_on_its_line(study_dir):
    text = _STUDY + "---\nname: another study\n"
    p = _at(_refused(study_dir, text), "study.yaml", None)
    assert p.row == _line(text, "---")
    assert "a second document after a '---' line" in p.expected


def test_an_anchor_is_read_and_an_alias_is_refused_on_its_line(study_dir):
    anchored = _with("- id: early\n  label: Early", "- &early\n  id: early\n  lable: Early")
    assert _at(_refused(study_dir, anchored), "study.yaml", "waves[1].lable").row == _line(anchored, "lable:")
    aliased = _with("    q_confident:\n", "    q_confident: &q\n") + "extra: *q\n"
    p = _at(_refused(study_dir, aliased), "study.yaml", None)
    assert p.row == _line(aliased, "*q")
    assert str(p) == (f"study.yaml:{p.row}: expected a readable study.yaml (YAML aliases (*name) are not allowed - "
                      "write the value out in full)")


def test_a_key_given_twice_is_told_on_its_second_line(study_dir):
    text = _with("  label: Early impact (about 3 months after)\n",
                 "  label: Early impact (about 3 months after)\n  label: Early\n")
    p = _at(_refused(study_dir, text), "study.yaml", None)
    assert p.row == _line(text, "  label: Early\n")
    assert f"(first on line {_line(text, 'label: Early impact')})" in p.expected


def test_a_tab_indenting_a_key_is_told_on_its_line(study_dir):
    text = _with("  anchor: review_end\n  window_days:\n  - 28", "  anchor: review_end\n\twindow_days:\n  - 28")
    p = _at(_refused(study_dir, text), "study.yaml", None)
    assert p.row == _line(text, "\twindow_days")
    assert "a tab" in p.expected


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_lines_are_counted_after_a_byte_order_mark_and_with_crlf_line_ends(study_dir, newline):
    text = _with("  - 273\n  - 548", "  - 548\n  - 273")
    records = _refused(study_dir, text, newline=newline, encoding="utf-8-sig")
    assert _at(records, "study.yaml", "waves[2].window_days").row == _line(text, "window_days:", 2) == 22


def test_a_byte_order_mark_inside_is_told_on_its_line(study_dir):
    text = _with("survey:\n", "\ufeffsurvey:\n")
    p = _at(_refused(study_dir, text), "study.yaml", None)
    assert p.row == _line(text, "\ufeffsurvey")


# --------------------------------------------------------------------------- codebooks

_BOOK = bundled_path("codebooks") / "nfer_impacts.yaml"


def _book_refused(text: str) -> list:
    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(text, source="book.yaml")
    return info.value.records


def _code_ids() -> list[str]:
    return Codebook.load("nfer_impacts").code_ids


@pytest.mark.parametrize("k", range(6))
def test_a_codebook_key_mistyped_names_its_line_and_a_missing_key_its_codes(k):
    text = _BOOK.read_text(encoding="utf-8")
    code = _code_ids()[k]
    item = f"  - id: {code}\n    label:"
    typo = _with(item, f"  - id: {code}\n    lable:", text)
    records = _book_refused(typo)
    assert _at(records, "book.yaml", f"codes[{k}].lable").row == _line(typo, f"id: {code}\n") + 1
    assert _at(records, "book.yaml", f"codes[{k}].label").row == _line(typo, f"- id: {code}\n")  # its item's line


def test_a_codebook_mistake_deep_in_a_rule_names_its_line(tmp_path):
    text = _BOOK.read_text(encoding="utf-8")
    k = 3
    start = text.index(f"- id: {_code_ids()[k]}\n")
    at = text.index("phrases:", start)
    planted = text[:at] + "phrase:" + text[at + len("phrases:"):]
    book = tmp_path / "mine.yaml"
    book.write_text(planted, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Codebook.load(book)
    p = _at(info.value.records, str(book), f"codes[{k}].rules.phrase")
    assert p.row == _line(planted, "phrase:", planted[:at].count("phrase:"))


def test_a_codebook_in_flow_style_names_the_items_line():
    text = ('format_version: 1\nid: tiny\nversion: "0.1"\n'
            "codes: [{id: a, label: A, definition: The first.},\n"
            "        {id: b, label: B, definition: The second., parent: c}]\n")
    assert _at(_book_refused(text), "book.yaml", "codes[1].parent").row == 5


def test_a_codebook_a_study_names_is_told_on_its_own_lines(study_dir):
    text = _BOOK.read_text(encoding="utf-8").replace("\n", "\r\n")
    code = _code_ids()[5]
    typo = _with(f"- id: {code}\r\n    label:", f"- id: {code}\r\n    lable:", text)
    (study_dir / "mine.yaml").write_bytes(typo.encode("utf-8"))
    records = _refused(study_dir, _with("codebook: nfer_impacts", "codebook: mine.yaml"))
    assert _at(records, "mine.yaml", "codes[5].lable").row == _line(typo, "lable:")
    assert _at(records, "study.yaml", "codebook").row == 5


def test_a_code_id_holding_a_participants_name_is_told_on_its_line():
    from impact.validate import codebook_id_problems

    text = _BOOK.read_text(encoding="utf-8")
    code = _code_ids()[2]
    named = _with(f"- id: {code}\n", "- id: jane_smith\n", text).replace(f"parent: {code}\n", "parent: jane_smith\n")
    (p,) = codebook_id_problems(Codebook.from_yaml(named, source="book.yaml"), ["Jane Smith"])
    assert (p.column, p.row) == ("codes[2].id", _line(named, "- id: jane_smith"))


def test_a_character_yaml_does_not_allow_is_told_on_its_line(study_dir):
    text = _with("  label: Early impact", "  label: Early\x01impact")
    p = _at(_refused(study_dir, text), "study.yaml", None)
    assert p.row == _line(text, "\x01")
    book = _with("    label: Improvement in staff morale", "    label: Improvement in\x1f staff morale",
                 _BOOK.read_text(encoding="utf-8"))
    with pytest.raises(InputError, match=f"^book.yaml:{_line(book, chr(0x1f))}: not valid YAML "
                                         r"\(unacceptable character #x001f"):
        Codebook.from_yaml(book, source="book.yaml")
