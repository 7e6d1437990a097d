"""Input round 68 (helper inputs68): hostile study folders the last rounds left, and two new classes.

What was found on main's head (each test below failed there):

1. A folder inside the study folder named as a Windows device (``aux``, ``Con.old``, ``LPT3``) or with a character
   Windows refuses (``notes?``, ``old:x``) or a dot or a space at its end was read without a word: the study folder
   does not copy to Windows whole.  Each such folder, at any depth, is told once, naming its path (not the folders
   inside it, nor one a transcript's path in interviews.csv passes through, refused at that row).
2. An ``.xls`` had no text limit but its 64 MiB file-size cap: a cell of 65,535 characters (the most its record
   counts), a shared string as long, or one shared string of 32,000 characters named by a thousand cells (a 25 KB
   file that calamine makes into 32 million characters, one copy a cell) was read whole.  The limits of an ``.xlsx``
   and an ``.ods`` hold for it: a cell or shared string of more than 40,959 characters, and more than 32,000,000 in
   all (a cell of a shared string counting its text again), refused as soon as read, naming file, sheet and cell,
   before calamine is given the file.
3. Names the user cannot tell apart: a council's name with a Cyrillic letter where the Latin one of another
   council's name is ('B\\u0430rking and Dagenham' beside 'Barking and Dagenham'), or two interviews' transcript
   paths that look the same ('301/\\u04201-early.txt', a Cyrillic Er, beside '301/P1-early.txt'), were read
   without a word.  Each is a warning naming both and the letter.  A transcript whose file name holds a zero-width
   character, or a no-break space where the table has a space, was told missing without the file beside it that
   looks the same: it is named, with the character.  (Swept and found told on main: two transcript
   files or ids differing by case, by Unicode normalisation (NFC and NFD 'Zoë'), by spaces at their ends or a
   no-break space, a zero-width space in an id, a look-alike letter in an id.)
4. A file that changes while the study is read: a ``.docx`` transcript was opened three times (the guarded reader,
   then python-docx), an ``.xls`` three times (its first bytes, olefile, calamine), so a file a sync client replaced
   meanwhile was checked as one version and read as another.  Each is read once now, every reader given those bytes.
   A file written after it was read (during the analysis) left the run to publish a report whose fingerprint was of
   what was read and whose study layout was of the folder as it then was: the run stops, naming the file, and
   writes nothing.

Values are drawn from seeds the project has not used (6801-6803 and those plus 10 to 70).
"""

from __future__ import annotations

import builtins
import csv
import io
import os
import shutil
import unicodedata
import warnings
from pathlib import Path

import numpy as np
import pytest
from test_study_workbook import refused

import impact.pipeline  # imported with the module: a run's first import of its modules is no part of a test's time
from hostile.test_inputs_round66 import _told
from hostile.test_inputs_round67 import _bench, _calamine_calls, _windows_device, needs_readers
from impact import load_study
from impact.errors import InputError
from impact.schema import TABLES

SEEDS = [6801, 6802, 6803]


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8").splitlines()))


def _write(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


# --------------------------------------------------------------------------- 1. folders Windows cannot make

_FORBIDDEN = '<>:"|?*'


def _unmakeable_folder(rng: np.random.Generator) -> tuple[str, str]:
    """A folder name Windows cannot make and the start of why, written here from the rules of Windows' names."""
    kind = int(rng.integers(3))
    if kind == 0:  # a device's name, in any case, with or without an extension
        device = _windows_device(rng)
        name = device + str(rng.choice(["", ".old", ".2012", ".d"]))
        return name, f"{name!r} is the name of a device on Windows ({device.upper()}), with any extension"
    if kind == 1:
        stem = str(rng.choice(["notes", "drafts", "old", "Round 2"]))
        char = str(rng.choice(list(_FORBIDDEN)))
        at = int(rng.integers(1, len(stem)))
        name = stem[:at] + char + stem[at:]
        return name, f"{name!r} holds {char!r} at character {at + 1}: Windows makes no file or folder with"
    name = str(rng.choice(["notes", "drafts", "backup"])) + str(rng.choice([".", " ", ". ", ".."]))
    return name, f"{name!r} ends in a {'dot' if name.endswith('.') else 'space'}, which Windows takes off"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_folder_windows_cannot_make_is_told_at_any_depth_naming_its_path(seed, study_dir):
    rng = np.random.default_rng(seed)
    name, why = _unmakeable_folder(rng)
    council = str(rng.choice(sorted(p.name for p in (study_dir / "transcripts").iterdir())))
    where = str(rng.choice(["", "transcripts/", f"transcripts/{council}/"]))
    folder = study_dir / where / name
    folder.mkdir()
    (folder / "minutes.pdf").write_bytes(b"%PDF-1.4 kept by the user\n")
    (folder / "inner").mkdir()  # a folder inside it: not told again
    said = [p for p in _told(study_dir) if name in p]
    assert len(said) == 1, said
    assert said[0].startswith(f"warning: {where}{name}/: expected a name Windows can make ({why}"), said
    assert said[0].endswith("a study folder holding this folder, made on Linux or a Mac, cannot be copied to Windows "
                            "whole, nor opened there; rename it, or move it out of the study folder)"), said
    # the name is the problem: the folder named otherwise says nothing
    folder.rename(study_dir / where / "kept")
    assert [p for p in _told(study_dir) if "Windows" in p] == []


# --------------------------------------------------------------------------- 2. an .xls held to the text limits

BUDGET = 32_000_000  # the characters of text a workbook may hold in all, as docs/study-format.md says
CELL_CAP = 32_767 + 8_192  # the most text a cell may hold (Excel's 32,767, and 8,192 of its formula)


#: The .xls is written by hand as the benchmark writes it (BIFF8 records in a compound file, the tables' cells text).
_to_xls = _bench("xls_text_bomb").write_xls


def _xls_refused(where: str, what: str) -> list[str]:
    return [f"study.xls: expected a readable .xls workbook ({where}: {what})"]


def _cell_too_long(holder: str) -> str:
    return (f"{holder} holds more than {CELL_CAP:,} characters of text - expected at most 32,767 in a cell (and 8,192 "
            "in its formula), the most Excel holds: a file no spreadsheet saved?")


def _letters(rng: np.random.Generator, n: int) -> str:
    return "".join(rng.choice(list("abcdefghij klmnop"), size=n))


@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
def test_an_xls_cell_of_more_text_than_excel_holds_is_refused_naming_its_sheet_and_cell(seed, study_dir,
                                                                                      monkeypatch):
    rng = np.random.default_rng(seed + 10)
    csv_study = load_study(study_dir)
    sheet = str(rng.choice(["councils", "participants", "reviews"]))
    width = len(_rows(study_dir / TABLES[sheet].filename)[0])
    row, col = int(rng.integers(1, 4)), int(rng.integers(0, width))
    plain = study_dir.parent / "plain"
    shutil.copytree(study_dir, plain)
    _to_xls(plain)
    with warnings.catch_warnings():  # the premise: the .xls written here is read, its tables the CSV files'
        warnings.simplefilter("ignore")
        xls_study = load_study(plain)
    assert all(xls_study.table(name).equals(csv_study.table(name)) for name in TABLES)
    text = _letters(rng, int(rng.integers(CELL_CAP + 1, 65_536)))  # a LABEL record counts up to 65,535
    rows = _rows(study_dir / TABLES[sheet].filename)
    rows[row][col] = text
    _write(study_dir / TABLES[sheet].filename, rows)
    _to_xls(study_dir)
    calls = _calamine_calls(monkeypatch)
    assert refused(study_dir) == _xls_refused(f"study.xls (sheet {sheet!r})",
                                              _cell_too_long(f"cell {'ABCDEFGHIJ'[col]}{row + 1}"))
    assert calls == []


@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
def test_an_xls_shared_string_of_more_text_than_excel_holds_is_refused(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 20)
    # Excel keeps a cell's text in the shared string table; long strings run on over CONTINUE records
    shared = [_letters(rng, int(rng.integers(10, 20_000))) for _ in range(int(rng.integers(1, 5)))]
    k = int(rng.integers(0, len(shared) + 1))
    shared.insert(k, _letters(rng, int(rng.integers(CELL_CAP + 1, 65_536))))
    _to_xls(study_dir, {"councils": [(1, 1, 0)]}, shared)
    calls = _calamine_calls(monkeypatch)
    assert refused(study_dir) == _xls_refused("study.xls (shared strings)", _cell_too_long(f"shared string {k + 1}"))
    assert calls == []


@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
def test_an_xls_of_more_text_than_a_study_holds_is_refused_at_the_cell_passing_it(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 30)
    length = int(rng.integers(20_000, 32_768))
    column = int(rng.integers(0, 5))
    # one shared string named by cell after cell, below the councils' rows: calamine makes a string of it for each
    rows = _rows(study_dir / "councils.csv")
    copies = BUDGET // length + int(rng.integers(5, 50))
    bomb = [(len(rows) + i, column, 0) for i in range(copies)]
    _to_xls(study_dir, {"councils": bomb}, [_letters(rng, length)])
    assert (study_dir / "study.xls").stat().st_size < 1_000_000  # the premise: a small file
    # counted here, independently: the shared string once read, then the councils sheet's cells in order
    total, passing = length + sum(len(v) for row in rows for v in row), None
    for i in range(copies):
        total += length
        if total > BUDGET:
            passing = len(rows) + i + 1
            break
    calls = _calamine_calls(monkeypatch)
    assert refused(study_dir) == [
        f"study.xls: expected a readable .xls workbook (study.xls (sheet 'councils'): cell {'ABCDE'[column]}{passing} "
        f"brings the workbook's text to more than {BUDGET:,} characters - expected at most that many in a workbook, "
        "far more than a study's tables hold (a file no spreadsheet saved? A table this large is read from a CSV "
        "file, up to 50 MiB))"]
    assert calls == []


# --------------------------------------------------------------------------- 3. names no one can tell apart

#: Letters of other scripts drawn as Latin ones (Cyrillic and Greek), each with the Latin letter it looks like.
_ALIKE = {"a": ["\u0430"], "e": ["\u0435"], "o": ["\u043e", "\u03bf"], "p": ["\u0440"], "c": ["\u0441"],
          "x": ["\u0445"], "y": ["\u0443"], "A": ["\u0410", "\u0391"], "B": ["\u0412", "\u0392"], "E": ["\u0415"],
          "H": ["\u041d"], "K": ["\u041a"], "M": ["\u041c"], "O": ["\u041e"], "P": ["\u0420", "\u03a1"],
          "T": ["\u0422", "\u03a4"]}


def _look_alike(rng: np.random.Generator, text: str) -> tuple[str, int, str]:
    """``text`` with one letter drawn like a Latin one put for it: (the text, the 1-based place, the letter)."""
    places = [i for i, ch in enumerate(text) if ch in _ALIKE]
    i = int(rng.choice(places))
    ch = str(rng.choice(_ALIKE[text[i]]))
    return text[:i] + ch + text[i + 1:], i + 1, ch


def _told_of(folder: Path, file: str, rows: list[list[str]], row: int, column: str, value: str) -> list[str]:
    """``value`` written into ``file`` (its ``rows``) at ``row`` (0-based) of ``column``: the warnings on that cell."""
    rows[row][rows[0].index(column)] = value
    _write(folder / file, rows)
    return [p for p in _told(folder) if p.startswith(f"warning: {file}:{row + 1}:{column}:")]


def _named(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch)}"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_council_named_as_another_but_for_a_look_alike_letter_is_told_naming_both(seed, study_dir):
    rng = np.random.default_rng(seed + 40)
    rows = _rows(study_dir / "councils.csv")
    first, second = sorted(int(k) for k in rng.choice(np.arange(1, len(rows)), size=2, replace=False))
    real = rows[first][1]
    fake, at, ch = _look_alike(rng, real)
    held = f"{_named(ch)} at character {at}, which looks like the Latin {real[at - 1]!r}"
    expected = (f"warning: councils.csv:{second + 1}:name: {fake!r} - expected names that do not look alike ({fake!r} "
                f"looks like {real!r} on row {first + 1}, yet is another name: one of them holds {held}; retype it if "
                "they are one)")
    assert _told_of(study_dir, "councils.csv", rows, second, "name", fake) == [expected]


@pytest.mark.parametrize("seed", SEEDS)
def test_two_transcript_paths_that_look_the_same_are_told_naming_both(seed, study_dir):
    rng = np.random.default_rng(seed + 50)
    rows = _rows(study_dir / "interviews.csv")
    at = rows[0].index("transcript")
    folders: dict[str, list[int]] = {}
    for k, row in enumerate(rows[1:], 1):
        folders.setdefault(row[at].split("/")[0], []).append(k)
    council = str(rng.choice(sorted(f for f, ks in folders.items() if len(ks) > 1)))
    first, second = sorted(int(k) for k in rng.choice(folders[council], size=2, replace=False))
    real = rows[first][at]
    name, place, ch = _look_alike(rng, real.split("/")[1])
    fake = f"{council}/{name}"
    (study_dir / "transcripts" / rows[second][at]).rename(study_dir / "transcripts" / fake)
    rows[second][at] = fake
    _write(study_dir / "interviews.csv", rows)
    # refused at both rows since inputs70, as two files differing in case are (round 69 warned of them)
    said = [p for p in refused(study_dir) if ":transcript:" in p]
    like = f"which looks like {real.split('/')[1][place - 1]!r}"
    shown = "'transcripts/" + fake.encode("ascii", "backslashreplace").decode() + "'"
    assert said == [
        f"interviews.csv:{row + 1}:transcript: {named!r} - expected a name no other file or folder in transcripts/"
        f"{council}/ has but for characters that look alike ({other} is there too, {who} holds {_named(ch)} at "
        f"character {place}, {like}: every system holds both, yet no one reading the folder or the table tells them "
        "apart, so the file opened, edited or sent in its place may be the other): rename or remove one"
        for row, named, other, who in [(first, real, shown, "it"), (second, fake, f"transcripts/{real}", "the other")]]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_transcript_file_whose_name_holds_a_character_unseen_is_named_where_its_name_is_not_found(seed, study_dir):
    rng = np.random.default_rng(seed + 90)
    rows = _rows(study_dir / "interviews.csv")
    at = rows[0].index("transcript")
    k = int(rng.integers(1, len(rows)))
    folder, name = rows[k][at].split("/")
    if rng.integers(2):  # a zero-width character pasted into the name: it shows as nothing
        ch = str(rng.choice(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]))
        place = int(rng.integers(1, len(name) - 4))
        disk, named, like = name[:place] + ch + name[place:], name, "which shows as nothing"
    else:  # a no-break space where the table has a space
        place = name.index("-")
        disk, named, like = name[:place] + "\u00a0" + name[place + 1:], name[:place] + " " + name[place + 1:], \
            "which looks like ' '"
        ch = "\u00a0"
    (study_dir / "transcripts" / folder / name).rename(study_dir / "transcripts" / folder / disk)
    rows[k][at] = f"{folder}/{named}"
    _write(study_dir / "interviews.csv", rows)
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:transcript:")]
    assert said == [f"interviews.csv:{k + 1}:transcript: '{folder}/{named}' - expected an existing file "
                    f"transcripts/{folder}/{named} (found {folder + '/' + disk!r}, a name that looks the same but is "
                    f"not: it holds {_named(ch)} at character {place + 1}, {like}; rename the file, typing the name)"]


# --------------------------------------------------------------------------- 4. a file changing while it is read


def _replaced_when_opened(monkeypatch, path: Path, new: bytes) -> list[int]:
    """Replace ``path`` by a file of ``new`` bytes as a sync client does (written beside it, then renamed over it)
    just after the file is first opened to be read; the opening so far keeps reading the file it opened.  The times
    the file was opened to be read."""
    opened = [0]
    real = io.open

    def opening(file, mode="r", *args, **kwargs):
        handle = real(file, mode, *args, **kwargs)
        if isinstance(file, (str, os.PathLike)) and "r" in mode and os.path.abspath(file) == str(path):
            opened[0] += 1
            if opened[0] == 1:
                beside = path.with_name(path.name + ".sync")
                beside.write_bytes(new)
                os.replace(beside, path)
        return handle

    monkeypatch.setattr(builtins, "open", opening)
    monkeypatch.setattr(io, "open", opening)
    return opened


def _docx(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_docx_transcript_replaced_while_it_is_read_is_read_as_one_version(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 60)
    rows = _rows(study_dir / "interviews.csv")
    k = int(rng.integers(1, len(rows)))
    at = rows[0].index("transcript")
    txt = study_dir / "transcripts" / rows[k][at]
    before = txt.read_text(encoding="utf-8").splitlines()
    after = [*before, f"R: {rng.choice(['And', 'Then', 'Later'])} the board asked for a second review."]
    docx_path = txt.with_suffix(".docx")
    docx_path.write_bytes(_docx(before))
    txt.unlink()
    rows[k][at] = rows[k][at].removesuffix(".txt") + ".docx"
    _write(study_dir / "interviews.csv", rows)
    opened = _replaced_when_opened(monkeypatch, docx_path.resolve(), _docx(after))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study = load_study(study_dir)
    # read once: the version there when its reading began, whole; the one written meanwhile is for the next run
    assert study.transcript(rows[k][0]).splitlines() == before
    assert opened[0] == 1


@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
def test_an_xls_replaced_while_it_is_read_is_read_as_one_version(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 70)
    rows = _to_xls(study_dir)
    book = study_dir / "study.xls"
    was = book.read_bytes()
    k = int(rng.integers(1, len(rows["councils"])))
    names = [r[1] for r in rows["councils"][1:]]
    shutil.move(book, study_dir / "was.xls")
    rows["councils"][k][1] = f"{names[k - 1]} (renamed)"
    for name, spec in TABLES.items():
        if name in rows:
            _write(study_dir / spec.filename, rows[name])
    _to_xls(study_dir)
    now = book.read_bytes()
    book.write_bytes(was)
    (study_dir / "was.xls").unlink()
    opened = _replaced_when_opened(monkeypatch, book.resolve(), now)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study = load_study(study_dir)
    assert study.councils["name"].tolist() == names
    assert opened[0] == 1


class _Reached(Exception):
    """Raised where a run goes on past the analysis (its stand-in here has no findings)."""


class _NoFindings:
    @property
    def provenance(self):
        raise _Reached


@pytest.mark.parametrize("seed", SEEDS)
def test_a_run_stops_naming_a_file_written_while_it_ran_and_writes_nothing(seed, study_dir, tmp_path, monkeypatch):
    rng = np.random.default_rng(seed + 80)
    rows = _rows(study_dir / "interviews.csv")
    files = [f"transcripts/{r[rows[0].index('transcript')]}" for r in rows[1:]] + [
        str(rng.choice(["councils.csv", "participants.csv", "study.yaml"]))]
    changed = sorted({str(f) for f in rng.choice(files, size=int(rng.integers(1, 3)), replace=False)},
                     key=files.index)

    def analysing(study, **kwargs):  # a sync client writes while the analysis runs (a run of minutes)
        for f in changed:
            with open(study_dir / f, "a", encoding="utf-8") as fh:
                fh.write("\n" if f.endswith(".csv") else "\nR: A line synced from another laptop.\n")
        return _NoFindings()

    monkeypatch.setattr(impact.pipeline, "analyse", analysing)
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(InputError) as info:
            impact.pipeline.run(study_dir, out_dir=out, cache=False)
    assert str(info.value).startswith(f"{', '.join(changed)}: changed after the study was read, while impact ran")
    assert not out.exists() or not any(out.iterdir())

    # a file written again with the bytes it held (a sync client touching it) is what was read: the run goes on
    def touching(study, **kwargs):
        for f in changed:
            (study_dir / f).write_bytes((study_dir / f).read_bytes())
        return _NoFindings()

    monkeypatch.setattr(impact.pipeline, "analyse", touching)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(_Reached):
            impact.pipeline.run(study_dir, out_dir=out, cache=False)
