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
