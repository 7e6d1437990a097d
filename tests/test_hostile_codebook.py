"""Hostile codebook YAML gets one clear InputError, never a hang or a traceback from deep inside."""

import pytest

from impact.coding import Codebook
from impact.errors import ImpactError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &a [1, 2]\nb: [*a, *a, *a]\n", "aliases"),
        ("codes: " + "[" * 20000 + "]" * 20000, "nested too deeply|not valid YAML"),
        ("codes: [unclosed\n", "not valid YAML"),
        ("!!python/object/apply:os.system ['echo hi']\n", "not valid YAML"),
        ("- just\n- a list\n", "must be a YAML mapping"),
    ],
)
def test_hostile_codebook_yaml(text, expected):
    with pytest.raises(ImpactError, match=expected):
        Codebook.from_yaml(text, source="evil.yaml")


def test_a_study_yaml_given_as_the_codebook_is_named_for_what_it_is(tiny_study, tmp_path, capsys):
    """`impact code STUDY --codebook STUDY/study.yaml` (or `import-qdpx --codebook`) listed nine problems, one per
    study key ('name', 'waves', 'seed' ... "expected one of the keys ['classes', 'codes', ...]"), none saying the file
    is a study's study.yaml. It is now one problem that says so and what to give instead; nothing is written."""
    from impact.cli import main

    tiny_study.save(tmp_path / "study")
    out = tmp_path / "coded.csv"
    assert main(["code", str(tmp_path / "study"), "--codebook", str(tmp_path / "study" / "study.yaml"),
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err
    # since inputs52 the option's file kinds are checked before the command starts (impact/_kinds.py): one message
    # naming what the file is, what the option expects, and where a study folder is taken
    assert err.count("error:") == 1 and err.count("\n") == 1, err
    assert "study.yaml: a study's study.yaml (the study's description) - expected a codebook (a bundled codebook's " \
           "name or a YAML file)" in err, err
    assert "`impact run STUDY`" in err, err
    assert not out.exists()
