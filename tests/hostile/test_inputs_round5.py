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


# --------------------------------------------------------------------------- coded files in Windows-1252


def test_a_coded_file_in_windows_1252_is_read_with_the_warning_a_study_table_gets(coded_file, study_dir, tmp_path,
                                                                                 capsys):
    # On the old code a coded CSV saved by Excel as "CSV" on Windows (Windows-1252) was refused ("not UTF-8 text")
    # while a study table saved the same way was read with a warning.
    from impact._io import EncodingWarning_
    from impact.coding import read_coded

    lines = coded_file.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    cells[lines[0].split(",").index("attribution")] = "Ofsted \u2013 caf\u00e9"
    lines[1] = ",".join(cells)
    utf8, cp1252 = tmp_path / "utf8.csv", tmp_path / "cp1252.csv"
    utf8.write_text("".join(lines), encoding="utf-8")
    cp1252.write_bytes("".join(lines).encode("cp1252"))
    with pytest.warns(EncodingWarning_, match=r"cp1252.csv: not valid UTF-8; read as Windows-1252"):
        read = read_coded(cp1252)
    assert read.equals(read_coded(utf8)) and read["attribution"].iloc[0] == "Ofsted \u2013 caf\u00e9"
    assert main(["agree", str(utf8), str(cp1252), "--metrics", "percent_agreement",
                 "--out", str(tmp_path / "agree.csv")]) == 0
    assert "warning: " + str(cp1252) + ": not valid UTF-8; read as Windows-1252" in capsys.readouterr().err
    (study_dir / "councils.csv").write_bytes((study_dir / "councils.csv").read_bytes().replace(b"Barnet", b"Barn\xe9t"))
    with pytest.warns(EncodingWarning_, match=r"councils.csv: not valid UTF-8; read as Windows-1252"):
        from impact.study import load_study

        load_study(study_dir)
