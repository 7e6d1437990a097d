"""Hostile inputs and command lines, round 5 (helper-inputs5).

Each test is a defect found by using the commands the wrong way: it fails on
the code before its fix.
"""

from __future__ import annotations

import pytest

from impact.cli import main
from impact.errors import InputError, ValidationError

from ._util import snapshot

# --------------------------------------------------------------------------- the pseudonym key


@pytest.mark.parametrize("mark", [b"\xef\xbb\xbf", b""])
def test_a_byte_order_mark_is_no_part_of_the_key(mark, tmp_path, monkeypatch):
    # On the old code a key file saved by Notepad as "UTF-8 with BOM" kept the mark (three bytes) in the key: the
    # same key typed into IMPACT_PSEUDONYM_KEY, or saved without the mark, gave other pseudonyms.
    from impact.privacy import KEY_ENV, resolve_key

    key = tmp_path / "k.key"
    key.write_bytes(mark + b"0123456789abcdef0123\r\n")
    assert resolve_key(key_file=key) == b"0123456789abcdef0123"
    monkeypatch.setenv(KEY_ENV, mark.decode("utf-8") + "0123456789abcdef0123")
    assert resolve_key() == b"0123456789abcdef0123"


def test_a_mark_inside_the_key_is_kept_and_a_key_of_a_mark_alone_is_too_short(tmp_path):
    from impact.privacy import resolve_key

    key = tmp_path / "k.key"
    key.write_bytes(b"0123456789\xef\xbb\xbfabcdef")  # not at the start: part of what the user wrote
    assert resolve_key(key_file=key) == b"0123456789\xef\xbb\xbfabcdef"
    key.write_bytes(b"\xef\xbb\xbf" + b"k" * 14)  # 17 bytes with the mark, 14 without: too short
    with pytest.raises(InputError, match="the pseudonym key has 14 bytes - expected at least 16"):
        resolve_key(key_file=key)
