"""Input round 69 (helper inputs69): what round 68 left.

What was found on main's head (each test below failed there):

1. A transcript beside a file of the same name but for a no-break space at its end or before its extension was
   refused as a name "the same but for case or Unicode form", which it is not, adding that Windows and macOS hold one
   of the two, which they do not (every system holds both: they only look the same).  What differs is said now: the
   character and where it is, and which systems hold one of the two (case: Windows and macOS; an accent written
   apart: macOS; a no-break space: none, the two only look alike).  A table beside its twin ('Councils.csv') says
   which letter differs too.  (Two transcripts differing only in how an accent is written were told so already.)
2. A transcript file no row names, whose name looks like one a row names but for a zero-width character or a
   Cyrillic letter, was told as a file no interview names, without the file it looks like: it is named, with the
   character.
3. A table whose file name holds a zero-width character ('coun\\u200bcils.csv') was named in the hint without the
   character (the hint had its own copy of the look-alike logic, which knew no character that shows as nothing): it
   is named, as every look-alike is (impact.validate._lookalikes_told).
4. What a transcript began with was read again from the file: a transcript of a byte-order mark alone, replaced by an
   empty file once read (a sync client), was told as empty, and whether a transcript began with a mark (which a tool
   counting span offsets may have counted) was of the file as it was when asked, not of the bytes read.  Both are of
   the bytes read now, the file opened once.

Values are drawn from seeds the project has not used (6901-6903 and those plus 10 to 50).
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from test_study_workbook import refused

from hostile.test_inputs_round68 import _replaced_when_opened, _rows
from impact import load_study

SEEDS = [6901, 6902, 6903]


def _named(ch: str) -> str:
    return "a space" if ch == " " else f"U+{ord(ch):04X} {unicodedata.name(ch)}"


def _shown(path: str) -> str:
    """A path as the messages show it: escaped, in quotes, where it holds a character that is not ASCII."""
    return path if path.isascii() and path == path.strip() else "'" + path.encode("ascii", "backslashreplace").decode() + "'"


def _a_transcript(rng: np.random.Generator, folder: Path) -> tuple[list[list[str]], int, str, str]:
    """interviews.csv's rows, a row drawn, and the council folder and file name of the transcript it names."""
    rows = _rows(folder / "interviews.csv")
    k = int(rng.integers(1, len(rows)))
    council, name = rows[k][rows[0].index("transcript")].split("/")
    return rows, k, council, name


# --------------------------------------------------------------------------- 1. a twin: what differs, said


#: Blank characters a name may hold that Python, and a reader, take for spaces.
_BLANKS = ["\u00a0", "\u202f", "\u3000", "\u2007"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_transcript_beside_a_twin_differing_by_a_blank_character_names_it_and_says_both_are_held(seed, study_dir):
    rng = np.random.default_rng(seed)
    rows, k, council, name = _a_transcript(rng, study_dir)
    stem, ext = name.rsplit(".", 1)
    ch = str(rng.choice(_BLANKS + [" "]))
    if ch == " " or rng.integers(2):  # before its extension (a space at a name's end, Windows takes off)
        twin, at, where = f"{stem}{ch}.{ext}", len(stem) + 1, "before its extension"
    else:
        twin, at, where = f"{name}{ch}", len(name) + 1, "at its end"
    (study_dir / "transcripts" / council / twin).write_text("Interviewer: Hello.\nR: Another file.\n", encoding="utf-8")
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:transcript:")]
    assert said == [f"interviews.csv:{k + 1}:transcript: '{council}/{name}' - expected a name no other file or folder "
                    f"in transcripts/{council}/ has but for spaces ({_shown(f'transcripts/{council}/{twin}')} is there "
                    f"too, it holds {_named(ch)} at character {at}, {where}: every system holds both, yet no one "
                    "reading the folder or the table tells them apart, so the file opened, edited or sent in its place "
                    "may be the other): rename or remove one"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_table_beside_a_twin_in_another_case_names_the_letter(seed, study_dir):
    rng = np.random.default_rng(seed + 10)
    table = str(rng.choice(["councils.csv", "participants.csv", "reviews.csv", "interviews.csv"]))
    at = int(rng.integers(0, len(table) - 4))
    twin = table[:at] + table[at].upper() + table[at + 1:]
    shutil.copy(study_dir / table, study_dir / twin)
    said = [p for p in refused(study_dir) if p.startswith(f"{table}: expected one entry named")]
    assert said == [f"{table}: expected one entry named {table} in the study folder ({twin!r} is there too, the same "
                    f"name but for case: it has {twin[at]!r} at character {at + 1} where the other has {table[at]!r}; "
                    "Windows and macOS, whose names ignore case, hold one of the two, so a copy of the study there "
                    f"would read either): keep {table}, and rename or remove the other"]


# --------------------------------------------------------------------------- 2. a file no row names, like one named

#: Characters a name may hold unseen, or drawn like a Latin letter, with what they look like (None: nothing).
_UNSEEN = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
_ALIKE = {"P": ["\u0420", "\u03a1"], "e": ["\u0435"], "a": ["\u0430"], "o": ["\u043e", "\u03bf"], "x": ["\u0445"]}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_file_no_row_names_that_looks_like_a_transcript_named_names_both_and_the_character(seed, study_dir):
    rng = np.random.default_rng(seed + 20)
    rows, k, council, name = _a_transcript(rng, study_dir)
    if rng.integers(2):
        ch = str(rng.choice(_UNSEEN))
        place = int(rng.integers(1, len(name) - 4))
        copy, like = name[:place] + ch + name[place:], "which shows as nothing"
    else:
        place = int(rng.choice([i for i, c in enumerate(name[:name.rindex('.')]) if c in _ALIKE]))  # (.t\u0445t: no .txt)
        ch = str(rng.choice(_ALIKE[name[place]]))
        copy, like = name[:place] + ch + name[place + 1:], f"which looks like {name[place]!r}"
    (study_dir / "transcripts" / council / copy).write_text("Interviewer: Hello.\nR: A copy.\n", encoding="utf-8")
    rel = f"{council}/{copy}"
    # refused at the row naming the file it looks like since inputs70, as a file differing in case is (round 69 warned)
    said = [p for p in refused(study_dir) if rel in p or p.startswith(f"interviews.csv:{k + 1}:")]
    kind = "a character that shows as nothing" if like == "which shows as nothing" else "characters that look alike"
    assert said == [f"interviews.csv:{k + 1}:transcript: '{council}/{name}' - expected a name no other file or folder in "
                    f"transcripts/{council}/ has but for {kind} ({_shown(f'transcripts/{rel}')} is there too, it holds "
                    f"{_named(ch)} at character {place + 1}, {like}: every system holds both, yet no one reading the "
                    "folder or the table tells them apart, so the file opened, edited or sent in its place may be the "
                    "other): rename or remove one"]
    # a study made in Python is checked without its folder's listing: the file is told as one no row names
    study = load_study(study_dir, validate=False)
    told = [str(p) for p in study.validate() if p.value == rel]
    # (a character that shows as nothing written out since inputs71: impact.errors.visible)
    assert told == [f"warning: interviews.csv:transcript: {rel!r} - expected an interview naming "
                    f"transcripts/{repr(rel)[1:-1]} (no row does, so it is not read and nothing in it is coded; it looks like "
                    f"transcripts/{council}/{name}, which a row names, yet is another file: one of the two holds "
                    f"{_named(ch)} at character {len(council) + 2 + place}, {like})"]


# --------------------------------------------------------------------------- 3. a table misnamed by a character unseen


@pytest.mark.parametrize("seed", SEEDS)
def test_a_table_whose_name_holds_a_character_unseen_is_named_with_it(seed, study_dir):
    rng = np.random.default_rng(seed + 30)
    table = str(rng.choice(["councils.csv", "participants.csv", "reviews.csv"]))
    ch = str(rng.choice(_UNSEEN))
    place = int(rng.integers(1, len(table) - 4))
    misnamed = table[:place] + ch + table[place:]
    (study_dir / table).rename(study_dir / misnamed)
    said = [p for p in refused(study_dir) if p.startswith(f"{table}: expected the file {table}")]
    assert len(said) == 1, said
    found = "'" + misnamed.encode("ascii", "backslashreplace").decode() + "'"
    assert f"; found {found} ({_named(ch)} at character {place + 1}, which shows as nothing): names are exact" \
        in said[0], said


# --------------------------------------------------------------------------- 4. what a file began with, as read

#: The byte-order marks an editor writes, with how the message names each.
_MARKS = {b"\xef\xbb\xbf": "a UTF-8", b"\xff\xfe": "a UTF-16", b"\xfe\xff": "a UTF-16"}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_transcript_of_a_byte_order_mark_alone_is_told_as_read_though_replaced_since(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 40)
    rows, k, council, name = _a_transcript(rng, study_dir)
    mark = list(_MARKS)[int(rng.integers(len(_MARKS)))]
    path = study_dir / "transcripts" / council / name
    path.write_bytes(mark)  # an editor's blank file: the mark alone
    # a sync client replaces it by an empty file as soon as it is opened: what was read is the mark
    opened = _replaced_when_opened(monkeypatch, path.resolve(), b"")
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:transcript:")]
    assert said == [f"interviews.csv:{k + 1}:transcript: '{council}/{name}' - expected a transcript with some text (the "
                    f"file holds only {_MARKS[mark]} byte-order mark, the mark an editor writes at the start of a file, "
                    "and no text: was the transcript saved before it was pasted in?)"]
    assert opened[0] == 1


@pytest.mark.parametrize("seed", SEEDS)
def test_whether_a_transcript_began_with_a_byte_order_mark_is_of_the_bytes_read(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 50)
    rows, k, council, name = _a_transcript(rng, study_dir)
    path = study_dir / "transcripts" / council / name
    text = path.read_text(encoding="utf-8")
    marked = bool(rng.integers(2))
    path.write_bytes((b"\xef\xbb\xbf" if marked else b"") + text.encode("utf-8"))
    study = load_study(study_dir, validate=False)
    study.transcripts()  # every transcript read (a study loaded without validating reads them when asked)
    # written again since, with the mark or without it: the spans of a tool counted on the text as read
    path.write_bytes((b"" if marked else b"\xef\xbb\xbf") + text.encode("utf-8"))
    opened = _replaced_when_opened(monkeypatch, path.resolve(), path.read_bytes())
    assert study._marked(f"{council}/{name}") is marked  # (impact.codings._marks_of: span offsets one late)
    assert opened[0] == 0
