"""``impact history STUDY``: the releases of a study's private release history, listed through the command line
(disclosure round 79): when each was made, its waves, how many counts it published and hid, and whether its bundle was
written to a folder given with ``--out``; never a count's value. A missing, foreign or changed history, or a study
folder or key that cannot name one, is one clear error naming the file; ``--forget N --yes`` drops a release that was
never shared, written again atomically. On integ73 there was no such command (every test here fails there)."""

from __future__ import annotations

import os
import stat

import pytest
from hostile._util import cli_here, refused

from impact.privacy._ledger import DisclosureLedger

_KEY = bytes(range(32))  # written to the key file as hex
#: the hidden counts' values: numbers that appear nowhere else in what the command prints
_HIDDEN = {"a": 7919, "b": 4271}


def _ledger(published_total: float) -> DisclosureLedger:
    """A total published and its two parts hidden (the total and the parts above the threshold of 5000, so that
    both parts are hidden for their size)."""
    led = DisclosureLedger(threshold=5000)
    for k, v in {"t": published_total, **_HIDDEN}.items():
        led.count(k, v)
    led.relation("t", list(_HIDDEN))
    led.protect()
    return led


@pytest.fixture
def made(tmp_path, monkeypatch):
    """A study folder (study.yaml alone: its name names the history), a key file, and the study's history beside
    the default key place with three releases recorded as runs record them: the interim (two waves) written to
    ``out``, the final (three waves) written to ``out`` too, and a draft of a report written to ``drafts``."""
    from impact.privacy import resolve_key
    from impact.privacy._history import ReleaseHistory, history_file

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("IMPACT_PSEUDONYM_KEY", "IMPACT_PSEUDONYM_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "study.yaml").write_text("name: Longer-term study\n", encoding="utf-8")
    key = tmp_path / "key"
    key.write_text(_KEY.hex())
    secret = resolve_key(key_file=key)
    runs = [("out", ["before", "early"], b"interim"), ("out", ["before", "early", "later"], b"final"),
            ("drafts", ["before"], b"draft")]
    for folder, waves, declared in runs:
        h = ReleaseHistory(None, study_name="Longer-term study", key=secret, out_dir=tmp_path / folder)
        h.made(_ledger(7919 + 4271), waves=waves, declared=declared)
        h.record()
    return tmp_path, key, history_file("Longer-term study", secret)


def test_the_releases_are_listed_without_a_hidden_count(made):
    tmp_path, key, path = made
    proc = cli_here("history", "study", "--key-file", str(key), "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"{path}: 3 releases of the study 'Longer-term study', oldest first"
    # the interim and the final, both written to out, are two releases (round 79): both listed as written there
    assert [line.split(";")[1:] for line in lines[1:]] == [
        [" waves before, early", " 1 count published, 2 hidden", " written to out"],
        [" waves before, early, later", " 1 count published, 2 hidden", " written to out"],
        [" waves before", " 1 count published, 2 hidden", " written to another folder than those given"]]
    assert all(line.startswith(f"  {i}. made 20") and " UTC;" in line for i, line in enumerate(lines[1:], 1))
    for value in _HIDDEN.values():
        assert str(value) not in proc.stdout + proc.stderr and f"{value:,}" not in proc.stdout + proc.stderr
    # no --out: no folder named; two --out: each marked
    proc = cli_here("history", "study", "--key-file", str(key), "--out", "drafts", "--out", "out", "-q", cwd=tmp_path)
    assert [line.rsplit("; ", 1)[1] for line in proc.stdout.splitlines()[1:]] == [
        "written to out", "written to out", "written to drafts"]
    # no --out: no folder to compare with, so none is said to be another
    plain = cli_here("history", "study", "--key-file", str(key), cwd=tmp_path).stdout
    assert plain.count("its folder not given (--out DIR)") == 3 and "another folder" not in plain


def test_a_missing_foreign_or_changed_history_is_refused_naming_the_file(made):
    tmp_path, key, path = made
    text = path.read_bytes()
    refused(cli_here("history", "study", "--key-file", str(key), "--release-history", "none.json", cwd=tmp_path),
            "impact history: error: none.json: no release history here - expected the file `impact run` keeps")
    changed = tmp_path / "changed.json"
    changed.write_bytes(text.replace(b'"hidden"', b'"published"', 1))
    refused(cli_here("history", "study", "--key-file", str(key), "--release-history", str(changed), cwd=tmp_path),
            f"{changed}: the release history was changed since impact wrote it")
    not_one = tmp_path / "notes.json"
    not_one.write_text('{"format": "something else"}')
    refused(cli_here("history", "study", "--key-file", str(key), "--release-history", str(not_one), cwd=tmp_path),
            f"{not_one}: not a release history")
    # another study's name, or another key: the default file is another (missing); the file named is foreign
    other = tmp_path / "other"
    other.mkdir()
    (other / "study.yaml").write_text("name: Another study\n", encoding="utf-8")
    refused(cli_here("history", "other", "--key-file", str(key), cwd=tmp_path),
            "no release history here (the file beside the pseudonym key named from study.yaml's name 'Another study'")
    refused(cli_here("history", "other", "--key-file", str(key), "--release-history", str(path), cwd=tmp_path),
            f"{path}: the release history of another study, or one made with another pseudonym key")
    (tmp_path / "key2").write_text(bytes(range(1, 33)).hex())
    refused(cli_here("history", "study", "--key-file", "key2", "--release-history", str(path), cwd=tmp_path),
            "the release history of another study")
    # no study.yaml; no key anywhere (none is made)
    refused(cli_here("history", "config", "--key-file", str(key), cwd=tmp_path),
            "config: no study.yaml here - expected the study folder")
    proc = cli_here("history", "study", cwd=tmp_path)
    refused(proc, "pseudonym.key: no pseudonym key here", "name its file with --key-file")
    assert not (tmp_path / "config" / "impact" / "pseudonym.key").exists()
    assert path.read_bytes() == text


def test_forget_drops_one_release_only_with_yes(made):
    from impact.privacy import resolve_key
    from impact.privacy._history import load_history

    tmp_path, key, path = made
    text = path.read_bytes()
    given = ("history", "study", "--key-file", str(key))
    refused(cli_here(*given, "--forget", "2", cwd=tmp_path), "--forget 2: not done without --yes", str(path))
    refused(cli_here(*given, "--yes", cwd=tmp_path), "--yes confirms --forget N, which was not given")
    refused(cli_here(*given, "--forget", "4", "--yes", cwd=tmp_path),
            f"{path}: no release 4 in this history - expected a number from 1 to 3")
    refused(cli_here(*given, "--forget", "0", "--yes", cwd=tmp_path), "expected a whole number from 1")
    assert path.read_bytes() == text  # nothing changed by a refusal
    proc = cli_here(*given, "--forget", "3", "--yes", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{path}: release 3 forgotten; 2 releases kept\n"
    kept = load_history(path, study_name="Longer-term study", key=resolve_key(key_file=key))  # signed again: it reads
    assert [r["waves"] for r in kept] == [["before", "early"], ["before", "early", "later"]]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    # a history in a folder that cannot be written: refused, the file as it was
    if os.geteuid() != 0:
        before = path.read_bytes()
        path.parent.chmod(0o500)
        try:
            refused(cli_here(*given, "--forget", "1", "--yes", cwd=tmp_path), "cannot be written", "nothing was forgotten")
        finally:
            path.parent.chmod(0o700)
        assert path.read_bytes() == before
