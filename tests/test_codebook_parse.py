"""The bundled codebooks are parsed by libyaml (speed16): the same values, of the same types, as the checked parser.

A fast parse that read a value otherwise (a number as text, a date, a null) would change what the coder looks for
with no error anywhere, so every bundled codebook is parsed both ways here and compared value by value and type by
type, and a codebook loaded by name is checked to have taken the fast path and to hold the checked parse's spec.
"""

import pytest
import yaml

from impact._io import read_text, safe_yaml_load
from impact.coding import codebook as cb
from impact.errors import InputError

pytestmark = pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml")


def _typed(x):
    """``x`` with every value paired with its type: ``1 == True == 1.0`` in Python, not here."""
    if isinstance(x, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in x.items()])
    if isinstance(x, list):
        return ("list", [_typed(v) for v in x])
    return (type(x).__name__, x)


@pytest.mark.parametrize("name", cb.available_codebooks())
def test_a_bundled_codebook_parses_the_same_by_libyaml(name):
    path = cb.codebook_dirs()[0] / f"{name}.yaml"
    text = read_text(path)
    checked = safe_yaml_load(text, source=path.name)
    assert _typed(cb._bundled_parse(text)) == _typed(checked)
    cb._parsed.cache_clear()
    book = cb.Codebook.load(name)
    assert (text, path.name) in cb._BUNDLED  # loaded by name: the fast path was taken
    assert _typed(cb._parsed(text, path.name)) == _typed(checked)
    assert book._spec == cb.Codebook(checked, source=path.name)._spec


def test_a_user_s_codebook_keeps_the_checked_parser(tmp_path):
    # a file of the user's (whatever it is called) is read with safe_yaml_load's checks: its alias is refused
    text = ("format_version: 1\nid: tiny\nversion: '0.1'\ncodes:\n  - &a {id: a, label: A, definition: The first.}\n"
            "  - *a\n")
    path = tmp_path / "nfer_impacts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="aliases"):
        cb.Codebook.load(str(path))
    assert not any(t == text for t, _ in cb._BUNDLED)
