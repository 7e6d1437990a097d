"""Tests for impact.coding.codebook."""

from __future__ import annotations

import re

import pytest
import yaml

from impact.coding import Codebook, available_codebooks
from impact.coding.codebook import codebook_dirs
from impact.errors import InputError, ValidationError
from impact.vocab import CORE_THEMES, OPTIONAL_THEMES, THEMES

TINY = """
format_version: 1
id: tiny
version: "0.1"
classes:
  better: [better, improv*]
codes:
  - id: parent
    label: Parent
    definition: A parent code.
  - id: child
    parent: parent
    label: Child
    definition: A child code.
    rules:
      phrases: ["real buzz", "fire in ~2 belly"]
      near:
        - {terms: [morale], with: ["@better"], within: 3}
"""


def test_bundled_codebooks_load_by_name():
    assert {"nfer_impacts", "impact_level", "review_themes", "attribution"} <= set(available_codebooks())
    assert Codebook.nfer().code_ids == ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]
    assert Codebook.load("impact_level").code_ids == ["insight", "action", "practice"]
    attribution = Codebook.load("attribution").codes.set_index("code_id")
    assert set(attribution.index) == {"review", "other_factor", "ofsted", "leadership", "restructure", "funding", "other_programme", "unclear"}
    assert (attribution.loc[["ofsted", "leadership", "restructure", "funding", "other_programme"], "parent"] == "other_factor").all()


def test_review_themes_use_vocab_ids():
    codes = Codebook.load("review_themes").codes.set_index("code_id")
    assert set(THEMES) <= set(codes.index)
    assert (codes.loc[list(CORE_THEMES), "parent"] == "core").all()
    assert (codes.loc[list(OPTIONAL_THEMES), "parent"] == "optional").all()
    assert (codes.loc[list(THEMES), "depth"] == 1).all()


def test_every_bundled_code_is_documented():
    for name in available_codebooks():
        codes = Codebook.load(name).codes
        assert (codes["label"] != "").all() and (codes["definition"] != "").all(), name


def test_round_trip_and_hash(tmp_path):
    cb = Codebook.from_yaml(TINY)
    assert cb.codes["depth"].tolist() == [0, 1]
    assert cb.children("parent") == ["child"]
    path = tmp_path / "tiny.yaml"
    cb.to_yaml(path)
    again = Codebook.load(path)
    assert again == cb and again.hash == cb.hash
    # Any change of content changes the hash.
    spec = yaml.safe_load(TINY)
    spec["codes"][1]["definition"] = "Another definition."
    assert Codebook(spec).hash != cb.hash
    # Whitespace and key order do not.
    spec = yaml.safe_load(TINY)
    spec = {k: spec[k] for k in reversed(list(spec))}
    assert Codebook(spec).hash == cb.hash


def test_validation_lists_every_problem():
    spec = yaml.safe_load(TINY)
    spec["codes"].append({"id": "child", "label": "", "parent": "nobody"})
    spec["codes"][1]["rules"]["near"][0]["with"] = ["@missing"]
    spec["colour"] = "blue"
    with pytest.raises(ValidationError) as err:
        Codebook(spec, source="tiny.yaml")
    text = str(err.value)
    for fragment in ["an id used only once", "a non-empty label", "the id of another code", "a defined class", "colour"]:
        assert fragment in text
    assert len(err.value.problems) == 6  # the duplicated id is reported at both places


def test_cycle_is_rejected():
    spec = yaml.safe_load(TINY)
    spec["codes"][0]["parent"] = "child"
    with pytest.raises(ValidationError, match=re.escape(
            "codes[0].parent: 'child' - expected a code tree without loops (parent -> child -> parent")):
        Codebook(spec)


def test_unknown_name_lists_available():
    with pytest.raises(InputError, match=r"must be one of \[.*'nfer_impacts'.*\] or a path"):
        Codebook.load("nfer_impact")
    with pytest.raises(InputError, match="does not exist"):
        Codebook.load("missing/file.yaml")
    with pytest.raises(InputError, match="not valid YAML"):
        Codebook.from_yaml("codes: [")


def test_search_path_order():
    dirs = codebook_dirs()
    # package data (impact._bundle), which is data/codebooks in a checkout; never sys.prefix (issue 18.6)
    assert [d.parts[-2:] for d in dirs] == [("data", "codebooks")]


def test_a_codebook_names_what_its_codes_are():
    """``noun``: what a codebook's codes are, as a report names them (the review themes are themes, not impacts).
    Given as a word (plural made by English spelling) or as the singular and the plural; where not given, 'impact',
    and the codebook's hash is as before the key existed (the bundled codebooks without it keep theirs); given, it is
    kept through YAML and changes the hash; a value that is not words is refused, naming the key."""
    spec = yaml.safe_load(TINY)
    plain = Codebook(spec)
    assert plain.noun == ("impact", "impacts")
    # as before the key existed: the hash of the bundled file (2026-12-03, after that day's fourth round of rule
    # changes: new near rules for partnership, learning and policies_systems; dda4e76ce502 after the third,
    # 060275ffaf46 after the second, 01c48a19c33b after the first, 7b38a168ab91 before them) is the hash of its spec
    # read without the key
    assert Codebook.nfer().hash.startswith("8d3aec61f4ca")
    assert "noun" not in yaml.safe_load(plain.to_yaml())
    for given, expected in (("theme", ("theme", "themes")), ("priority", ("priority", "priorities")),
                            ("approach", ("approach", "approaches")),
                            (["area of practice", "areas of practice"], ("area of practice", "areas of practice"))):
        cb = Codebook({**spec, "noun": given})
        assert cb.noun == expected
        assert Codebook.from_yaml(cb.to_yaml()).noun == expected and cb.hash != plain.hash
    assert Codebook.load("review_themes").noun == ("theme", "themes")
    for bad in (3, ["theme"], "theme!", ["a", "b", "c"], "", ["theme", None]):
        with pytest.raises(ValidationError, match="noun") as err:
            Codebook({**spec, "noun": bad}, source="tiny.yaml")
        assert "what the codes are called" in str(err.value)


def test_a_codebook_text_is_checked_once_per_process_and_each_load_is_its_own(monkeypatch):
    """Checking the bundled impacts codebook's rules took about 13 ms a load, and a report loads the bundled codebooks
    about twenty times: the same text is checked once, and every load still hands out a codebook of its own."""
    from impact.coding import codebook as module

    text = """format_version: 1
id: once
version: "0.1"
codes:
  - {id: morale, label: Morale, definition: Spirits., rules: {phrases: [buzz]}}
"""
    checked = []
    validate = module._validate
    monkeypatch.setattr(module, "_validate", lambda spec, source: checked.append(source) or validate(spec, source))
    first = Codebook.from_yaml(text, source="once.yaml")
    first._spec["codes"][0]["label"] = "Edited"  # an edit of one loaded codebook reaches no other
    again = Codebook.from_yaml(text, source="once.yaml")
    assert checked == ["once.yaml"]
    assert again.codes["label"].tolist() == ["Morale"] and first.codes["label"].tolist() == ["Edited"]
    assert again.hash == Codebook(yaml.safe_load(text), source="once.yaml").hash
    for _ in range(2):  # a text with problems is refused at each load
        with pytest.raises(ValidationError, match=r"codes\[0\]\.label"):
            Codebook.from_yaml(text.replace("label: Morale", "label: ''"), source="bad.yaml")
