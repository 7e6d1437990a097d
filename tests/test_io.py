"""Tests of the careful file input and output helpers."""

import pandas as pd
import pytest

from impact._io import atomic_write, decode_text, neutralise_cell, read_csv_strict
from impact.errors import InputError


def test_atomic_write_keeps_previous_file_on_error(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("previous")
    with pytest.raises(RuntimeError), atomic_write(target) as f:
        f.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("café – naïve".encode("utf-16"), "utf-16"),
        ("\ufeffcafé".encode(), "utf-8-sig"),
        ("café".encode(), "utf-8"),
    ],
)
def test_decode_text_encodings(data, encoding):
    text, enc = decode_text(data)
    assert enc == encoding
    assert text.lstrip("\ufeff").startswith("caf")


def test_decode_text_cp1252_recovers_with_warning():
    with pytest.warns(UserWarning, match="Windows-1252"):
        text, enc = decode_text("it’s £5".encode("cp1252"))
    assert (text, enc) == ("it’s £5", "cp1252")


def test_decode_text_refuses_binary():
    with pytest.raises(InputError, match="NUL bytes at byte 3"):
        decode_text(b"abc\x00def")


def test_read_csv_strict_reports_ragged_rows(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("a,b\n1,2\n3\n4,5,6\n")
    header, records, problems = read_csv_strict(p, label="t.csv")
    assert header == ["a", "b"]
    assert [r for r, _ in records] == [2, 3, 4]
    assert [str(p) for p in problems] == [
        "t.csv:3: '1 cell' - expected 2 cells, one per header column",
        # round 25: a row with text past its last column says what may have shifted its cells
        "t.csv:4: '3 cells' - expected 2 cells, one per header column (a comma inside a cell not in double quotes, "
        "as in 'March 1, 2011'? Put the cell in double quotes; the row's cells, under the wrong columns, are not "
        "checked)",
    ]
    assert records[2][1]["__extra__"] == "6"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1+A1", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_cell(cell):
    assert neutralise_cell(cell) == "'" + cell


def test_staged_directory_publishes_or_keeps_previous(tmp_path):
    from impact._io import staged_directory

    out = tmp_path / "out"
    with staged_directory(out) as d:
        (d / "a.txt").write_text("one")
    assert (out / "a.txt").read_text() == "one"
    with pytest.raises(RuntimeError), staged_directory(out) as d:
        (d / "a.txt").write_text("two")
        (d / "b.txt").write_text("two")
        raise RuntimeError("killed")
    assert sorted(p.name for p in out.iterdir()) == [".impact-output.json", "a.txt"]
    assert (out / "a.txt").read_text() == "one"
    with staged_directory(out) as d:
        (d / "b.txt").write_text("three")
    assert sorted(p.name for p in out.iterdir()) == [".impact-output.json", "b.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging or old folders left


def test_user_folders_and_files_beside_or_inside_an_output_are_never_removed(tmp_path):
    """Red-team F10: an empty folder of the user's inside an output, a file at the lock's path and a folder named like
    a dead run's staging folder (but not made by impact) are kept, and the run is refused or leaves them alone."""
    import os

    from impact._io import staged_directory
    from impact.errors import OutputFolderError

    out = tmp_path / "out"
    with staged_directory(out) as d:
        (d / "figures").mkdir()
        (d / "figures" / "a.svg").write_text("one")
    (out / "my_drafts").mkdir()
    with pytest.raises(OutputFolderError, match="my_drafts/"):
        with staged_directory(out) as d:
            pass
    assert (out / "my_drafts").is_dir()
    (out / "my_drafts").rmdir()

    lock = tmp_path / ".out.lock"
    lock.write_text("my lock notes\n")
    with pytest.raises(OutputFolderError, match="not an impact lock"):
        with staged_directory(out) as d:
            pass
    assert lock.read_text() == "my lock notes\n"
    lock.unlink()

    dead = 2**22 + 12345  # no such process
    while True:
        try:
            os.kill(dead, 0)
        except ProcessLookupError:
            break
        dead += 1
    mine = tmp_path / f".out.staging-{dead}-mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("precious")
    stale = tmp_path / f".out.staging-{dead}-abcdefgh"  # one a killed run of impact left: it holds the marker
    stale.mkdir()
    (stale / ".impact-staging").write_text("made by impact\n")
    (stale / "half.html").write_text("<p>")
    with staged_directory(out) as d:
        (d / "b.txt").write_text("two")
        assert (d / ".impact-staging").is_file()  # impact's mark on its staging folder, removed before publication
    assert (mine / "keep.txt").read_text() == "precious"
    assert not stale.exists()
    assert sorted(p.name for p in out.rglob("*")) == [".impact-output.json", "b.txt"]


def test_unclosed_quote_is_named_where_it_starts(tmp_path):
    """Red-team F12: an unbalanced '"' swallows the next lines into one cell; the problem names it, not only its effects."""
    f = tmp_path / "councils.csv"
    f.write_text('council_id,name,region\n301,Ashford,South East\n302,"Bexley,London\n303,Camden,London\n304,Dover,South East\n')
    _, records, problems = read_csv_strict(f)
    quote = [p for p in problems if "closing '\"'" in p.expected]
    assert [(p.row, p.column) for p in quote] == [(3, "name")]
    assert "swallows 2 lines that look like rows" in quote[0].expected
    # a value that legitimately runs over two lines (an address, a note) is no such problem
    f.write_text('council_id,name,region\n301,"Ashford\nBorough Council",South East\n')
    assert not [p for p in read_csv_strict(f)[2] if "closing" in p.expected]


def test_output_folder_inside_the_study_folder_is_refused(tmp_path):
    from impact._io import check_output_folder
    from impact.errors import OutputFolderError

    study = tmp_path / "study"
    (study / "transcripts").mkdir(parents=True)
    with pytest.raises(OutputFolderError, match="inside the study folder"):
        check_output_folder(study / "transcripts" / "out", protect=[study])
    assert check_output_folder(tmp_path / "out", protect=[study]) == tmp_path / "out"
    assert not (study / "transcripts" / "out").exists()


def test_a_coded_file_saved_with_semicolons_is_refused_naming_the_separator(tmp_path):
    """A coded file that a spreadsheet saved with semicolons is one column to a comma reader: refused, saying so."""
    from impact.coding.coded_io import read_csv_cells

    frame = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "learning"]})
    frame.to_csv(tmp_path / "comma.csv", index=False)
    frame.to_csv(tmp_path / "semi.csv", index=False, sep=";")
    assert read_csv_cells(tmp_path / "comma.csv").equals(frame)
    with pytest.raises(InputError, match=r"semi\.csv: values separated by semicolons - expected commas"):
        read_csv_cells(tmp_path / "semi.csv")


def _signal_after(monkeypatch, owner, name, signum):
    """Make ``owner.name`` do its work, then have ``signum`` delivered to this process (as a user's Ctrl-C or a
    ``kill`` would be, between two steps of the run)."""
    import os

    real = getattr(owner, name)

    def then_signal(*args, **kwargs):
        result = real(*args, **kwargs)
        os.kill(os.getpid(), signum)
        return result

    monkeypatch.setattr(owner, name, then_signal)


@pytest.fixture
def python_ctrl_c():
    """Ctrl-C handled by Python's own handler (KeyboardInterrupt) for the test, the process's handler put back after.

    A process started with SIGINT ignored (a background job of a non-interactive shell, ``nohup``, some CI runners
    and test runners) inherits SIG_IGN, which Python keeps: a signal the test sends itself is then ignored, as the
    library must leave it (the user asked for it), and the test failed with "DID NOT RAISE" in such a run only.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # the test skips: signals reach the main thread
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("where", ["staging made", "lock taken"])
def test_a_signal_the_instant_a_run_makes_its_staging_folder_or_lock_leaves_neither(tmp_path, monkeypatch, where,
                                                                                    python_ctrl_c):
    """CI run of stop 50: SIGTERM sent the moment the staging folder appeared was handled before the run had named
    the folder it made, so the folder was left behind. Ctrl-C or SIGTERM at any instant leaves no staging folder or
    lock, and the previous outputs whole."""
    import fcntl
    import signal
    import tempfile
    import threading

    from impact._io import staged_directory

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals are delivered to the main thread only")
    out = tmp_path / "out"
    with staged_directory(out) as d:
        (d / "a.txt").write_text("one")
    if where == "staging made":
        _signal_after(monkeypatch, tempfile, "mkdtemp", signal.SIGINT)
    else:
        _signal_after(monkeypatch, fcntl, "flock", signal.SIGINT)
    with pytest.raises(KeyboardInterrupt), staged_directory(out) as d:
        (d / "a.txt").write_text("two")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (out / "a.txt").read_text() == "one"
