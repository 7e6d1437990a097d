"""Input round 70 (helper inputs70): look-alike names refused at the row, and what a hunt across every input found.

What was found on main's head (each test below failed there):

1. A transcript path whose extension holds a letter drawn like a Latin one ('302/P2-early.t\\u0445t', a Cyrillic
   Ha; '.txt' after a full-width stop) was refused as 'a .txt, .docx, .vtt or .srt file' without the character; it
   is named now, with where it is and what it looks like.
2. A file beside a named transcript whose name only looks the same (a zero-width character, a Cyrillic letter, a
   look-alike extension), or a folder beside the council's folder so named, was a warning of a file no row names
   (the one with a look-alike extension said nothing at all), where a twin differing in case is refused at the row
   naming the file: it is refused there too, naming the other entry and the character.  So is a table beside a
   look-alike twin ('coun\\u200bcils.csv' beside councils.csv).
3. A file beside a named transcript whose name Windows makes the same by taking dots and spaces off its end
   ('P2-early.txt.', 'P2-early.txt ') was read without a word: Windows holds one of the two.  Refused at the row.  A
   transcript missing where a file of its name but for a dot at its end is there was told missing without that
   file; and a file no row names whose name ends in a dot after its extension was not told at all.
4. A date written day/month/year that read day first falls outside its wave's window but read month first (as US
   settings save it) falls inside was refused as out of its window showing the date as read ('2011-05-08', a value
   the file does not hold), without the reading that fits: the cell is shown as written, with both readings.  Every
   problem of a date cell written day/month/year shows it so (a review ending before it began, a status from a day
   not yet come showed the date read).
5. A path given (the study folder, a codebook, a coded file) that names nothing, beside an entry whose name looks
   the same (a zero-width space or a Cyrillic letter pasted into the path given) or ends in a dot Windows takes off,
   was told missing without it, where one differing in case was named: it is named, with what tells the two apart.

The hunt tried 80 other hostile inputs, each told clearly or read correctly on main (not tested again here): UTF-16
and UTF-32 tables, study.yaml, codebooks, coded files and transcripts with and without a byte-order mark; NUL bytes
in each; a quoted line break and a formula in a council's name; a CSV of semicolons, of CR line ends, in Latin-1;
a header naming a column twice; thousands separated by a comma or a no-break space, a decimal comma, full-width and
Arabic-Indic digits, 1e400, NaN and inf in number columns; dates as Excel serials, with a time, two-digit years, 30
February, with dots; YAML aliases, a !!python tag, a key twice, a tab, a second document, nesting 5,000 deep; a
transcript that is a FIFO, a character device, a folder, gzip data, a damaged .docx; paths with a space or a dot at
a name's end; a workbook with merged cells, a formula unsaved, an error value, hidden rows and sheets, an emptied
sheet beside a full copy, a table both in a CSV file and a sheet, .xlsx beside .ods; the command line given a study
path with a space or a dot at its end, a table for the folder, a FIFO for the codebook, outputs inside the study.

Values are drawn from seeds the project has not used (7001-7003 and those plus 10 to 90).
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_study_workbook import refused

from hostile.test_inputs_round66 import _told
from hostile.test_inputs_round68 import _ALIKE, _rows, _write

SEEDS = [7001, 7002, 7003]

#: Characters that show as nothing (zero-width space, non-joiner, joiner, word joiner, byte-order mark).
_UNSEEN = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
#: Full-width forms, which Unicode's compatibility mapping (NFKC) reads as the plain ones.
_WIDE = {".": "\uff0e", "t": "\uff54", "x": "\uff58", "P": "\uff30", "e": "\uff45"}

#: The tiny study's waves (docs/study-format.md, 'waves'): id, anchor, window in days from it.
_WAVES = {"expectations": ("start_date", -183, 0), "early": ("end_date", 28, 182),
          "longer_term": ("end_date", 273, 548)}


def _named(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch)}"


def _escaped(text: str) -> str:
    return "'" + text.encode("ascii", "backslashreplace").decode() + "'"


def _a_transcript(rng: np.random.Generator, folder: Path) -> tuple[list[list[str]], int, str, str]:
    """interviews.csv's rows, a row drawn, and the council folder and file name of the transcript it names."""
    rows = _rows(folder / "interviews.csv")
    k = int(rng.integers(1, len(rows)))
    council, name = rows[k][rows[0].index("transcript")].split("/")
    return rows, k, council, name


def _disguised(rng: np.random.Generator, name: str, *, in_extension: bool = False, in_stem: bool = False
               ) -> tuple[str, int, str, str]:
    """``name`` with one character put in or replaced by one drawn like it (``in_extension``, ``in_stem``: there
    only): (the name, the 0-based place, the character, what it looks like in the messages' words)."""
    ext_at = name.rindex(".")
    kind = "alike" if in_extension else str(rng.choice(["unseen", "alike", "wide"]))
    if kind == "unseen":
        place = int(rng.integers(1, ext_at))
        ch = str(rng.choice(_UNSEEN))
        return name[:place] + ch + name[place:], place, ch, "which shows as nothing"
    table = _ALIKE if kind == "alike" else {k: [v] for k, v in _WIDE.items()}
    places = [i for i, c in enumerate(name) if c in table and (i >= ext_at if in_extension else i < ext_at
                                                                if in_stem else True)]
    place = int(rng.choice(places))
    ch = str(rng.choice(table[name[place]]))
    return name[:place] + ch + name[place + 1:], place, ch, f"which looks like {name[place]!r}"


# --------------------------------------------------------------------------- 1. a look-alike letter in an extension


@pytest.mark.parametrize("seed", SEEDS)
def test_a_transcript_extension_holding_a_look_alike_letter_is_refused_naming_the_letter(seed, study_dir):
    rng = np.random.default_rng(seed)
    rows, k, council, name = _a_transcript(rng, study_dir)
    if rng.integers(2):  # a Cyrillic letter in 'txt'
        fake, place, ch, like = _disguised(rng, name, in_extension=True)
    else:  # a full-width stop before it
        place, ch, like = name.rindex("."), _WIDE["."], "which looks like '.'"
        fake = name[:place] + ch + name[place + 1:]
    if rng.integers(2):  # the file renamed so too, or not
        (study_dir / "transcripts" / council / name).rename(study_dir / "transcripts" / council / fake)
    rows[k][rows[0].index("transcript")] = cell = f"{council}/{fake}"
    _write(study_dir / "interviews.csv", rows)
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:")]
    assert said == [f"interviews.csv:{k + 1}:transcript: {cell!r} - expected a .txt, .docx, .vtt or .srt file (its "
                    f"extension looks like .txt but is not: the path holds {_named(ch)} at character "
                    f"{len(council) + 2 + place}, {like}; retype the extension, and rename the file so)"]


# --------------------------------------------------------------------------- 2. a look-alike twin beside a transcript

_BOTH_HELD = ("every system holds both, yet no one reading the folder or the table tells them apart, so the file "
              "opened, edited or sent in its place may be the other")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_file_that_looks_like_a_named_transcript_beside_it_is_refused_at_the_row(seed, study_dir):
    rng = np.random.default_rng(seed + 10)
    rows, k, council, name = _a_transcript(rng, study_dir)
    twin, place, ch, like = _disguised(rng, name, in_extension=bool(rng.integers(2)))
    (study_dir / "transcripts" / council / twin).write_text("Interviewer: Hello.\nR: Another file.\n",
                                                           encoding="utf-8")
    kind = "a character that shows as nothing" if like == "which shows as nothing" else "characters that look alike"
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:") or _escaped(twin)[1:-1] in p
            or twin in p]
    assert said == [f"interviews.csv:{k + 1}:transcript: '{council}/{name}' - expected a name no other file or folder "
                    f"in transcripts/{council}/ has but for {kind} ({_escaped(f'transcripts/{council}/{twin}')} is there "
                    f"too, it holds {_named(ch)} at character {place + 1}, {like}: {_BOTH_HELD}): rename or remove one"]
    (study_dir / "transcripts" / council / twin).unlink()  # the twin gone, the study is read
    _told(study_dir)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_folder_that_looks_like_a_council_folder_beside_it_is_refused_at_each_row_naming_it(seed, study_dir):
    rng = np.random.default_rng(seed + 20)
    rows, k, council, _ = _a_transcript(rng, study_dir)
    place = int(rng.integers(1, len(council)))
    ch = str(rng.choice(_UNSEEN))
    twin = council[:place] + ch + council[place:]
    (study_dir / "transcripts" / twin).mkdir()
    (study_dir / "transcripts" / twin / "notes.txt").write_text("R: Kept by the user.\n", encoding="utf-8")
    at = rows[0].index("transcript")
    mine = [j for j in range(1, len(rows)) if rows[j][at].startswith(f"{council}/")]
    said = [p for p in refused(study_dir) if ":transcript:" in p or _escaped(twin)[1:-1] in p]
    assert said == [f"interviews.csv:{j + 1}:transcript: {rows[j][at]!r} - expected a name no other file or folder in "
                    f"transcripts/ has but for a character that shows as nothing ({_escaped(f'transcripts/{twin}')} is "
                    f"there too, it holds {_named(ch)} at character {place + 1}, which shows as nothing: "
                    f"{_BOTH_HELD.replace('file opened, edited', 'folder opened, added to')}): rename or remove one"
                    for j in mine]  # (a folder said to be one since inputs71)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_table_beside_a_twin_that_looks_the_same_is_refused(seed, study_dir):
    rng = np.random.default_rng(seed + 30)
    table = str(rng.choice(["councils.csv", "participants.csv", "reviews.csv", "interviews.csv"]))
    twin, place, ch, like = _disguised(rng, table)
    shutil.copy(study_dir / table, study_dir / twin)
    kind = "a character that shows as nothing" if like == "which shows as nothing" else "characters that look alike"
    said = [p for p in refused(study_dir) if p.startswith(f"{table}: expected one entry")]
    assert said == [f"{table}: expected one entry named {table} in the study folder ({twin!r} is there too, the same "
                    f"name but for {kind}: it holds {_named(ch)} at character {place + 1}, {like}; {_BOTH_HELD}): keep "
                    f"{table}, and rename or remove the other"]


# --------------------------------------------------------------------------- 3. a name Windows makes another's


def _windows_end(rng: np.random.Generator, *, dotted: bool = False) -> tuple[str, str]:
    """Dots and spaces a name may end in, which Windows takes off, with how the messages say them (``dotted``: a dot
    among them; a name differing by spaces at its end alone is told as such since round 50)."""
    ends = [(".", "a dot"), ("..", "2 dots"), (". ", "a dot and a space")] + [(" ", "a space")] * (not dotted)
    return ends[int(rng.integers(len(ends)))]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_file_windows_makes_a_named_transcript_beside_it_is_refused_at_the_row(seed, study_dir):
    rng = np.random.default_rng(seed + 40)
    rows, k, council, name = _a_transcript(rng, study_dir)
    end, said_end = _windows_end(rng)
    twin = name + end
    (study_dir / "transcripts" / council / twin).write_text("Interviewer: Hello.\nR: An older draft.\n",
                                                           encoding="utf-8")
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:") or twin in p]
    assert said == [f"interviews.csv:{k + 1}:transcript: '{council}/{name}' - expected a name no other file or folder "
                    f"in transcripts/{council}/ has but for dots or spaces at its end ('transcripts/{council}/{twin}' is "
                    f"there too, it ends in {said_end}, which Windows takes off: Windows holds one of the two, so the "
                    "study copied there would read another transcript or none): rename or remove one"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_missing_transcript_found_with_a_dot_at_its_end_is_named(seed, study_dir):
    rng = np.random.default_rng(seed + 50)
    rows, k, council, name = _a_transcript(rng, study_dir)
    end, said_end = _windows_end(rng, dotted=True)
    (study_dir / "transcripts" / council / name).rename(study_dir / "transcripts" / council / (name + end))
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:")]
    assert said == [f"interviews.csv:{k + 1}:transcript: '{council}/{name}' - expected an existing file "
                    f"transcripts/{council}/{name} (found '{council}/{name}{end}', a name that ends in {said_end}, which "
                    "Windows takes off and Linux and macOS keep: names are exact; rename the file, typing the name)"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_file_no_row_names_is_told_though_its_extension_only_looks_like_one_read(seed, study_dir):
    rng = np.random.default_rng(seed + 60)
    council = str(rng.choice(sorted(p.name for p in (study_dir / "transcripts").iterdir())))
    stem = f"P{int(rng.integers(5, 99))}-{rng.choice(['early', 'notes', 'extra'])}"
    if rng.integers(2):
        name, place, ch, like = _disguised(rng, f"{stem}.txt", in_extension=True)
        held = f"; its name holds {_named(ch)} at character {len(council) + 2 + place}, {like}"
    else:
        name, held = f"{stem}.txt" + _windows_end(rng)[0], ""
    (study_dir / "transcripts" / council / name).write_text("Interviewer: Hello.\nR: Not named.\n", encoding="utf-8")
    rel = f"{council}/{name}"
    said = [p for p in _told(study_dir) if name in p]
    assert said == [f"warning: interviews.csv:transcript: {rel!r} - expected an interview naming transcripts/{rel} (no "
                    f"row does, so it is not read and nothing in it is coded{held})"]


# --------------------------------------------------------------------------- 4. a date that reads two ways


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_read_day_first_outside_its_window_is_shown_as_written_with_the_reading_that_fits(seed, study_dir):
    rng = np.random.default_rng(seed + 70)
    rows = _rows(study_dir / "interviews.csv")
    reviews = {r[0]: r for r in _rows(study_dir / "reviews.csv")}
    head = reviews.pop("council_id")
    col = {c: rows[0].index(c) for c in ("council_id", "wave", "date")}
    k = int(rng.integers(1, len(rows)))
    council, wave = rows[k][col["council_id"]], rows[k][col["wave"]]
    review = {c: pd.Timestamp(reviews[council][head.index(c)]) for c in ("start_date", "end_date")}

    def days(when: pd.Timestamp, w: str) -> int:
        return (when - review[_WAVES[w][0]]).days

    def inside(when: pd.Timestamp, w: str) -> bool:
        return _WAVES[w][1] <= days(when, w) <= _WAVES[w][2]

    # a date in the row's window, written month first (US settings), whose day-first reading is outside it
    anchor, lo, hi = _WAVES[wave]
    meant = [d for d in pd.date_range(review[anchor] + pd.Timedelta(days=lo), review[anchor] + pd.Timedelta(days=hi))
             if d.day <= 12 and d.day != d.month and not inside(pd.Timestamp(d.year, d.day, d.month), wave)]
    true = meant[int(rng.integers(len(meant)))]
    read = pd.Timestamp(true.year, true.day, true.month)
    rows[k][col["date"]] = text = f"{true.month:02d}/{true.day:02d}/{true.year}"
    _write(study_dir / "interviews.csv", rows)
    others = [w for w in _WAVES if w != wave and inside(read, w)]
    where = f"the {others[0]} window" if others else "no wave's window"
    start, end = (f"{review[anchor] + pd.Timedelta(days=n):%Y-%m-%d}" for n in (lo, hi))
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:date:")]
    assert said == [f"interviews.csv:{k + 1}:date: {text!r} - expected a date in the {wave} window ({lo} to {hi} days "
                    f"from the review {anchor.removesuffix('_date')}, {start} to {end} for council {council}; this is "
                    f"{days(read, wave)}, in {where}, read day first as {read:%Y-%m-%d}; month first, as US settings "
                    f"save dates, it is {true:%Y-%m-%d}, {days(true, wave)}, in this window: was the file saved with "
                    "US settings? write the date as YYYY-MM-DD)"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_written_day_first_refused_by_a_check_of_the_date_read_is_shown_as_written(seed, study_dir):
    rng = np.random.default_rng(seed + 80)
    if rng.integers(2):  # a review ending before it started
        file, column = "reviews.csv", "end_date"
        rows = _rows(study_dir / file)
        k = int(rng.integers(1, len(rows)))
        start = pd.Timestamp(rows[k][rows[0].index("start_date")])
        when = start - pd.Timedelta(days=int(rng.integers(1, 60)))
        expected = f"a date on or after start_date {start:%Y-%m-%d}"
    else:  # a status from a day not yet come
        file, column = "status_history.csv", "start_date"
        rows = _rows(study_dir / file)
        k = int(rng.integers(1, len(rows)))
        today = pd.Timestamp.today().normalize()
        when = today + pd.Timedelta(days=int(rng.integers(2, 300)))
        expected = f"a date on or before today ({today:%Y-%m-%d})"
    rows[k][rows[0].index(column)] = text = f"{when.day:02d}/{when.month:02d}/{when.year}"  # as UK settings save it
    _write(study_dir / file, rows)
    said = [p for p in refused(study_dir) if p.startswith(f"{file}:{k + 1}:{column}:")]
    assert len(said) == 1 and said[0].startswith(f"{file}:{k + 1}:{column}: {text!r} - expected {expected}"), said


# --------------------------------------------------------------------------- 5. a path given that names nothing


@pytest.mark.parametrize("seed", SEEDS)
def test_a_path_given_that_names_nothing_beside_one_that_looks_the_same_names_it(seed, study_dir, tmp_path):
    from impact import Codebook, load_study
    from impact.errors import InputError

    rng = np.random.default_rng(seed + 90)
    if rng.integers(2):  # the study folder
        real, load = study_dir.name, load_study
    else:  # a codebook file of the user's own
        real, load = f"{rng.choice(['book', 'my_codes', 'Impacts'])}.yaml", Codebook.load
        (tmp_path / real).write_text(Codebook.load("nfer_impacts").to_yaml(), encoding="utf-8")
    if rng.integers(3):  # a character typed or pasted into the path given
        given, place, ch, like = _disguised(rng, real + ("" if "." in real else ".d"), in_stem="." not in real)
        given = given.removesuffix(".d")
        hint = (f" (found {real!r} beside it, a name that looks the same: the path given holds {_named(ch)} at "
                f"character {place + 1}, {like}; names are exact)")
    else:  # the entry's name ends in what Windows takes off: the path given is its name without
        end, said_end = _windows_end(rng, dotted=True)
        (tmp_path / real).rename(tmp_path / (real + end))
        given, real = real, real + end
        hint = (f" (found {real!r} beside it, a name that looks the same: it ends in {said_end}, which Windows takes "
                "off and Linux and macOS keep; names are exact)")
    with pytest.raises(InputError) as info:
        load(tmp_path / given)
    assert hint in str(info.value), str(info.value)
