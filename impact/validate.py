"""Validation of a study: every problem found, each naming file, row and column.

The checks (all run; nothing stops at the first problem):

* ``study.yaml``: known keys, a name, well-formed waves (unique ids, anchor
  ``review_start`` or ``review_end``, a window ``[lo, hi]`` with lo <= hi),
  survey items with a scale, vocabulary extensions.
* every table: missing or unknown columns, required values, types (dates,
  numbers), vocabularies (statuses checked against their ``kind``), patterns
  (three-digit council numbers), duplicate keys, references to unknown
  councils, participants or actions.
* status history: end before start, overlapping periods of the same kind, a start after today,
  ``adequate`` after November 2013 or ``requires_improvement`` before it; a status changing between a council's
  interviews of one wave (a *warning*: the wave is read at the median interview date).
* reviews: end before start, a core theme missing.
* interviews: the participant's council, undefined waves, dates outside the
  wave's window (or outside every window when the wave is derived), councils
  with no review, transcripts missing, outside ``transcripts/``, of the wrong
  type, unreadable, or not UTF-8 (a warning: read as Windows-1252).
* survey answers outside the item's scale.
* ids of participants, interviews, respondents and actions that hold a
  participant's name, an e-mail address or a phone number (ids are meant to
  be pseudonymous codes; see :func:`impact.privacy.personal_detail`).
* attrition (a council or participant missing from a wave): a *warning*.
"""

from __future__ import annotations

import bisect
import dataclasses
import errno
import functools
import hashlib
import operator
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import _frames, schema, vocab
from ._io import (
    MAX_CELL_CHARS,
    OPEN_EXPECTED,
    OWNER_PREFIX,
    UNCHECKED,
    _listing,
    cells_picker,
    link_said,
    merged_blanks,
    open_said,
    owned_by,
    shortcut_beside,
    windows_name_problem,
    windows_path_problem,
)
from ._names import (
    _end_said,
    _lookalikes_told,
    _looks_form,
    _name_form,
    _odd,
    _twins,
    _unseen,
    _windows_form,
)
from ._words import _counted, _one_status_why
from .errors import (
    MAX_SHOWN_PER_FILE,
    InputError,
    Problem,
    ValidationError,
    capped_lines,
    collapse_problems,
    recorded_warnings,
)
from .schema import (
    DEFAULT_WAVES,
    LIST_SEP,
    MAX_SCALE,
    MAX_WINDOW_DAYS,
    META_KEYS,
    TABLES,
    TRANSCRIPT_SUFFIXES,
    parse_cell,
)

__all__ = ["check_folder", "check_study", "format_report", "capped_lines", "capabilities", "MAX_SHOWN_PER_FILE"]

Records = dict[str, tuple[list[str], list[tuple[int, dict[str, str]]]]]


def check_folder(path: str | Path, meta: dict[str, Any], raw: Records, *, read_transcript: Callable[..., str],
                 texts: dict[str, str] | None = None, broken: Iterable[str] = ()) -> list[Problem]:
    """Check a study folder already read into text records (see :func:`impact.load_study`).

    Parameters
    ----------
    path : path
        The study folder.
    meta : dict
        The content of ``study.yaml``.
    raw : dict
        Each table's header and ``(row, cells)`` records.
    read_transcript : callable
        ``read_transcript(path, label=...)`` returning a transcript's text.
    texts : dict, optional
        Transcripts read while checking are kept here (path -> text), so the
        caller need not read them again.
    broken : iterable of str
        Files already reported as missing or unreadable (``study.yaml``,
        ``councils.csv``, ...): checks that depend on them are skipped, so one
        root cause is reported once, not once per row that refers to it.
    """
    path = Path(path)

    def reader(rel: str) -> str:
        text = read_transcript(transcript_file(path / "transcripts", rel)[0], label=f"transcripts/{rel}")
        if texts is not None:
            texts[rel] = text
        return text

    folder = path / "transcripts"
    study_root = path.resolve()

    def exists(rel: str) -> bool:
        try:
            return looked_at(rel)
        except OSError as exc:  # a name longer than the file system holds: a problem on the row, not a traceback
            if exc.errno == errno.ENAMETOOLONG:
                longest = max(len(p.encode("utf-8", "surrogatepass")) for p in rel.split("/"))
                raise InputError(f"a path the file system can hold: names of at most 255 bytes, a path of at most "
                                 f"4,096 (its longest name has {longest:,} bytes, the path "
                                 f"{len(rel.encode('utf-8', 'surrogatepass')):,}): shorten "
                                 f"{'the name' if longest > 255 else 'the path'}") from None
            raise InputError(f"transcripts/{rel[:80]}: cannot be looked at ({exc.strerror})") from None

    def looked_at(rel: str) -> bool:
        if folder.is_symlink() or not folder.resolve().is_relative_to(study_root):
            raise InputError("transcripts/: a link pointing outside the study folder - expected a plain folder")
        f = transcript_file(folder, rel)[0]
        try:
            inside = f.resolve(strict=False).is_relative_to(folder.resolve())
        except RuntimeError:  # a loop of links (Python < 3.13)
            inside = True
        if f.is_symlink() or not inside:  # a link to itself, or to a file inside, is not followed either
            where = "pointing outside transcripts/" if not inside else "(links are not followed)"
            raise InputError(f"transcripts/{rel}: a link {where} - expected a plain file")
        if f.exists() and not f.is_file():
            raise InputError(f"transcripts/{rel}: {'is a folder' if f.is_dir() else 'not a regular file'} - expected "
                             "a .txt, .docx, .vtt or .srt file")
        return f.is_file()

    if not folder.exists() and not folder.is_symlink():
        issue = "it is missing"
        if path.is_dir() and (shortcut := shortcut_beside(path, "transcripts", what="folder")) is not None:
            issue += f"; found {shortcut[0]!r}, {shortcut[1]}"
        packed = sorted(f.name for f in path.iterdir() if f.is_file() and re.fullmatch(
            r"transcripts\.(zip|7z|rar|tar|tgz|tar\.(gz|bz2|xz))", f.name, re.IGNORECASE)) if path.is_dir() else []
        if packed:  # the folder sent as an archive, never unpacked: impact reads no archive of transcripts
            issue += (f"; found {packed[0]}, an archive: unpack it here, into a folder named transcripts "
                      "(impact reads the files, not an archive of them)")
    elif folder.is_symlink() or not folder.resolve().is_relative_to(study_root):
        said = link_said(path, folder)  # where it leads: nowhere, back to itself, out of the folder, inside it
        issue = "it is a link pointing outside the study folder" if said is None or said.kind == "outside" else \
            f"it is {said.words}: links are not followed; put the folder itself here"
    elif not folder.is_dir():  # a file named transcripts: each row told its file is missing, not why
        issue = "transcripts is a file, not a folder" if folder.is_file() else "transcripts is not a folder"
    else:
        issue = None
    problems = _check(meta, raw, reader, exists, broken=set(broken), transcripts_issue=issue, folder=folder)
    problems += _check_codebook(meta, path, broken=set(broken))
    problems += _unnamed_transcripts(folder, raw, broken=set(broken))
    return problems


def _form_said(names: list[str]) -> str:
    """File names as a message shows them: letters beyond ASCII escaped, so that two spellings that look the same
    differ, and the Unicode form named."""
    return ", ".join("'" + n.encode("ascii", "backslashreplace").decode() + "' ("
                     + ("decomposed form, as macOS writes names" if unicodedata.normalize("NFC", n) != n
                        else "composed form") + ")" for n in names)


def transcript_file(folder: str | Path, rel: str) -> tuple[Path, str | None, str | None]:
    """The file of the transcript ``rel`` (a path inside ``folder``, the study's ``transcripts/``), found by its
    name in any Unicode form: ``(path, note, clash)``.

    A name written with its accented letters another way (decomposed, as macOS writes names, where the table has
    them composed, or the reverse) looks the same and is the same name: where exactly one file of the folder
    has it so, that file is the path and ``note`` says what the table and the disk spell (else ``note`` is None).
    Where two files of one folder have names that differ only so, which to read is unknown: ``clash`` says so,
    naming both.  A path found nowhere is returned as written (told as missing where it is read).  Parts written
    in ASCII are not looked up (no other spelling of them exists), so a study of ASCII names lists no folder.
    """
    here = Path(folder)
    parts = rel.split("/")
    found = []
    for part in parts:
        if part.isascii():
            found.append(part)
            here = here / part
            continue
        target = unicodedata.normalize("NFC", part)
        try:
            names = sorted(n for n in os.listdir(here) if unicodedata.normalize("NFC", n) == target)
        except OSError:
            return Path(folder) / rel, None, None
        if len(names) > 1:
            return Path(folder) / rel, None, (f"one file of this name ({here.relative_to(Path(folder).parent).as_posix()}/ "
                                              f"holds {len(names)} whose names differ only in how their accented "
                                              "letters are written, and look the same: "
                                              + ", ".join("'" + n.encode("ascii", "backslashreplace").decode() + "'"
                                                          for n in names) + "; keep one)")
        if not names:
            return Path(folder) / rel, None, None
        found.append(names[0])
        here = here / names[0]
    if found == parts:
        return here, None, None
    differ = [(a, b) for a, b in zip(parts, found, strict=True) if a != b]
    note = (f"a file named as the table names it, {_form_said([a for a, _ in differ])} (read "
            f"{here.relative_to(Path(folder).parent).as_posix()}, named {_form_said([b for _, b in differ])}: the same "
            "letters written another way; rename the file, typing its name again, to have it found as named)")
    return here, note, None


def _normal_transcript(rel: str) -> str:
    """A transcript reference as a path inside transcripts/: forward slashes, no doubled ones, no leading './'."""
    return re.sub(r"/+", "/", rel.replace("\\", "/")).removeprefix("./")


def _unnamed_transcripts(folder: Path, raw: Records, *, broken: set[str], twins_told: bool = True) -> list[Problem]:
    """A warning for each transcript file that no interview names (it is not read, so nothing in it is coded).  A file
    that looks like one a row names (:func:`_twins`) is refused at that row, where the rows were checked against the
    folder (``twins_told``); else told here, naming the file it looks like."""
    f = TABLES["interviews"].filename
    if f in broken or "interviews" not in raw or not folder.is_dir() or folder.is_symlink():
        return []
    named = {_normal_transcript(str(cells.get("transcript") or "")) for _, cells in raw["interviews"][1]}
    # a row whose cells are under the wrong columns (told as such) may name the file in any of them
    named |= {_normal_transcript(c) for _, cells in raw["interviews"][1] if UNCHECKED in cells
              for v in cells.values() for c in str(v).split(",")}
    # a file a row names in another case or Unicode form is told at that row (_other_case), not again here
    forms = {_name_form(n) for n in named}
    looks = {_looks_form(n): n for n in sorted(named)}  # a name that looks like one named, told with the character
    out = []
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder).as_posix()
        if file.name.startswith(OWNER_PREFIX):  # Word's owner file: the transcript beside it is open (newuser8)
            if file.is_file() and (owned := owned_by(file.name, [p.name for p in file.parent.iterdir()])) and \
                    (owned_rel := file.with_name(owned).relative_to(folder).as_posix()) in named:
                out.append(Problem(f"transcripts/{owned_rel}", None, None, open_said(owned, file.name), OPEN_EXPECTED,
                                   "warning"))
            continue  # Office's, not a transcript no interview names
        # ('P2-early.t\u0445t', a Cyrillic Ha in its extension, is a transcript's name too: told)
        if file.is_file() and not file.name.startswith(".") and \
                _looks_form(_windows_form(file.name)).endswith(TRANSCRIPT_SUFFIXES) and rel not in named and \
                _name_form(rel) not in forms:
            alike = looks.get(_looks_form(rel)) or next((n for n in sorted(named) if "/".join(
                map(_windows_form, n.split("/"))) == "/".join(map(_windows_form, rel.split("/")))), None)
            if alike is not None and twins_told:  # refused at the row naming the file it looks like (_case_twin)
                continue
            held = (_lookalikes_told(rel) or _lookalikes_told(alike)) if alike is not None else ""
            like = (f"; it looks like transcripts/{alike}, which a row names, yet is another file: one of the two holds "
                    f"{held}" if held else f"; its name holds {own}" if (own := _lookalikes_told(rel)) else "")
            out.append(Problem(f, None, "transcript", rel, f"an interview naming transcripts/{rel} (no row does, so "
                               f"it is not read and nothing in it is coded{like})", severity="warning"))
    return out


def check_study(study) -> list[Problem]:
    """Check an in-memory :class:`impact.Study` (every rule of :func:`check_folder`)."""
    raw = {name: study.records(name) for name in TABLES}

    def exists(rel: str) -> bool:
        if rel in study._transcripts:
            return True
        return study.root is not None and transcript_file(Path(study.root) / "transcripts", rel)[0].is_file()

    problems = _check(study.meta, raw, study._transcript_text, exists) + _check_codebook(study.meta, study.root)
    if study.root is not None:
        problems += _unnamed_transcripts(Path(study.root) / "transcripts", raw, broken=set(), twins_told=False)
    if (lines := getattr(study, "_meta_lines", None)) is not None:  # a study read from a folder: study.yaml's lines
        problems = lines.placed(problems, "study.yaml")
    return problems


def format_report(problems: list[Problem], *, limit: int = MAX_SHOWN_PER_FILE) -> str:
    """Human-readable report: errors first, then warnings, one per line; at most ``limit`` per file.

    Examples
    --------
    >>> from impact.errors import Problem
    >>> rows = [Problem("a.csv", i, "x", "?", "a number") for i in range(2, 60)]
    >>> print(format_report(rows, limit=2))
    a.csv:2:x: '?' - expected a number
    a.csv:3:x: '?' - expected a number
    a.csv: ... and 56 more problems
    58 errors, 0 warnings
    """
    errors = [p for p in problems if p.severity == "error"]
    warns = [p for p in problems if p.severity != "error"]
    lines = capped_lines(errors, limit=limit) + capped_lines(warns, limit=limit, what="warnings")
    lines.append(f"{_counted(len(errors), 'error')}, {_counted(len(warns), 'warning')}")
    return "\n".join(lines)


def capabilities(study) -> pd.DataFrame:
    """What a study can and cannot give: one row per analysis, whether it is possible, and why not.

    The same preconditions the main job (:func:`impact.run`) needs: interviews
    with text, waves with interviews, councils in each intervention group,
    councils followed over time.  A study that validates but is small (one or
    two councils, every interview in one wave) can still be run; the sections
    it cannot give are reported instead of computed.

    Parameters
    ----------
    study : Study

    Returns
    -------
    DataFrame
        ``analysis``, ``possible`` (bool), ``reason`` (why not, or what it
        rests on) and ``n`` (the count the condition is about).

    Examples
    --------
    >>> import impact
    >>> caps = capabilities(impact.Study({"name": "Empty"}, {}))
    >>> row = caps.set_index("analysis").loc["coding"]
    >>> bool(row["possible"]), row["reason"]
    (False, 'no interviews: there is nothing to code')
    """
    iv = study.interviews
    iv = iv[iv["wave"].notna()]
    n_councils = len(study.councils)
    waves_seen = [w for w in study.wave_ids if (iv["wave"] == w).any()]
    rows = []

    def add(analysis: str, ok: bool, reason: str, n: int) -> None:
        rows.append({"analysis": analysis, "possible": bool(ok), "reason": reason, "n": int(n)})

    n_iv = len(iv)
    add("coding", n_iv > 0, f"{_counted(n_iv, 'interview')} with a wave" if n_iv else "no interviews: there is nothing to code", n_iv)
    add("prevalence", n_iv > 0,
        f"interviews at {_counted(len(waves_seen), 'wave')}" if n_iv else "no interviews: no prevalence to estimate", len(waves_seen))
    per_council = iv.groupby("council_id", observed=True)["wave"].nunique() if n_iv else pd.Series(dtype="int64")
    followed = int((per_council >= 2).sum())
    add("change_over_time", len(waves_seen) >= 2 and followed >= 1,
        (f"{_counted(followed, 'council')} interviewed at two or more waves" if len(waves_seen) >= 2 and followed
         else "needs interviews at two or more waves of the same council"
         + (f" (all interviews are at {waves_seen[0]})" if len(waves_seen) == 1 else "")), followed)
    per_part = iv.groupby("participant_id", observed=True)["wave"].nunique() if n_iv else pd.Series(dtype="int64")
    n_traj = int((per_part >= 2).sum())
    add("trajectories", n_traj >= 1,
        f"{_counted(n_traj, 'participant')} interviewed at two or more waves" if n_traj
        else "needs participants interviewed at two or more waves", n_traj)
    # intervention groups at each wave the councils were interviewed
    best, one_status = 0, ""
    if n_iv:
        ws = study.wave_status()
        seen = iv[["council_id", "wave"]].drop_duplicates().merge(ws, on=["council_id", "wave"], how="left")
        seen["group"] = seen["in_intervention"]
        counts = seen.groupby(["wave", "group"], observed=True)["council_id"].nunique().unstack(fill_value=0)
        if counts.shape[1] >= 2:
            best = int(counts.min(axis=1).max())
        one_status = _one_status(seen)
    add("group_comparison", best >= 2,
        f"at best {_counted(best, 'council')} in the smaller intervention group at a wave" if best >= 2
        # the report prints this reason: the number of councils in a status group (a protected count, 0 or 1 here)
        # stays in `n`, not in the words; a study with one status at each wave says so (the status table shows it):
        # "needs at least two councils in each intervention group" read, of 6 councils none ever in intervention and
        # of 8 all in it at every wave, as if a group had one council (truth63)
        else one_status or "needs at least two councils in each intervention group (in intervention or not) at the "
                           "same wave", best)
    add("longitudinal_model", len(waves_seen) >= 2 and iv["council_id"].nunique() >= 4 if n_iv else False,
        "interviews of at least four councils at two or more waves" if n_iv and len(waves_seen) >= 2
        and iv["council_id"].nunique() >= 4 else "needs interviews of at least four councils at two or more waves",
        iv["council_id"].nunique() if n_iv else 0)
    sv = study.survey_responses
    sv_waves = sv.loc[sv["value"].notna(), "wave"].nunique() if len(sv) else 0
    add("survey", sv_waves >= 2, f"survey answers at {_counted(sv_waves, 'wave')}" + ("" if sv_waves >= 2 else
        " - needs answers at two or more waves"), sv_waves)
    n_ind = int(study.indicators["value"].notna().sum())
    add("indicators", n_ind > 0, f"{_counted(n_ind, 'indicator value')}" if n_ind else "no indicator values (indicators.csv)", n_ind)
    n_act = len(study.actions)
    add("actions", n_act > 0, f"{_counted(n_act, 'action')}" if n_act else "no actions (actions.csv)", n_act)
    add("sample", n_councils > 0, f"{_counted(n_councils, 'council')}" if n_councils else "no councils", n_councils)
    return pd.DataFrame(rows, columns=["analysis", "possible", "reason", "n"])


def _one_status(seen: pd.DataFrame) -> str:
    """Where at each wave every council interviewed had the same intervention status (``seen``: ``council_id``,
    ``wave`` and ``group``, whether in intervention then, one row per council interviewed at a wave), why no group can
    be compared, in the words of :func:`impact._words._one_status_why`; '' where a wave has councils of both."""
    known = seen.dropna(subset=["group"])
    if known.empty or (known.groupby("wave", observed=True)["group"].nunique() > 1).any():
        return ""
    held = known["group"].astype(bool)
    return _one_status_why(known.loc[held, "council_id"].nunique(), known.loc[~held, "council_id"].nunique(),
                           consequence=False)


def _check_codebook(meta: dict[str, Any], root: Path | None, *, broken: set[str] = frozenset()) -> list[Problem]:
    """The codebook ``study.yaml`` names must load: a bundled name, or a file inside the study folder."""
    if "study.yaml" in broken or "codebook" not in meta or meta.get("codebook") is None:
        return []
    from . import bundled_path

    ref = meta["codebook"]
    f, col = "study.yaml", "codebook"
    names = sorted(p.stem for p in bundled_path("codebooks").glob("*.yaml"))
    expected = f"one of the bundled codebooks {names} or a codebook .yaml file inside the study folder"
    if not isinstance(ref, str) or not ref.strip():  # 'codebook: NO' is read as false
        return [Problem(f, None, col, str(ref), expected + _yaml_typed(ref, col, "the name"))]
    if re.search(r"[\x00-\x1f]", ref) and re.search(r"\\|[/.]|yaml|yml", ref):
        # "C:\books\nfer.yaml" in double quotes: YAML read its \n and \b as a line break and a backspace
        return [Problem(f, None, col, ref, "a codebook's path without control characters (it holds "
                        f"{schema._named_at(schema.control_characters(ref, one_line=True))}: a Windows path in double "
                        "quotes, where YAML reads \\n, \\t, \\b as a line break, a tab, a backspace? Write the path "
                        "from the study folder with '/', such as codebooks/mine.yaml, or in single quotes)")]
    if re.match(r"[A-Za-z]:[\\/]|\\\\|//", ref):  # 'C:\books\x.yaml', a network share '\\server\x.yaml'
        return [Problem(f, None, col, ref, "a codebook file inside the study folder, its path written from the folder "
                        "(codebooks/mine.yaml), not a Windows path from a drive or a network share (copy the codebook "
                        "into the study folder)")]
    looks_like_path = ref.lower().endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref
    if not looks_like_path:
        return [] if ref in names else [Problem(f, None, col, ref, expected + schema.did_you_mean(ref, names))]
    if root is None:
        return []
    rel = Path(ref.replace("\\", "/"))
    target = Path(root) / rel
    if rel.is_absolute() or ".." in rel.parts or target.is_symlink() or not target.resolve().is_relative_to(
            Path(root).resolve()):
        return [Problem(f, None, col, ref, "a codebook file inside the study folder (no absolute path, '..' or link)")]
    if not target.is_file():
        return [Problem(f, None, col, ref, f"an existing codebook file ({expected})")]
    from .coding.codebook import (
        Codebook,  # imported here: only a codebook file needs the coding layer
    )

    try:
        Codebook.load(str(target))
    except ValidationError as exc:  # every problem, each where it is in the codebook file
        n = len(exc.problems)
        return [Problem(f, None, col, ref, f"a valid codebook ({_counted(n, 'problem')} in {ref}, listed below)"),
                *(dataclasses.replace(p, file=ref) for p in exc.problems + exc.warnings)]  # its warnings too
    except (InputError, ValueError) as exc:
        first = str(exc).splitlines()
        return [Problem(f, None, col, ref, f"a valid codebook ({'; '.join(x.strip() for x in first[:4])})")]
    return []


# --------------------------------------------------------------------------- meta
_WAVE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}", re.ASCII)


def _yaml_typed(value: object, key: str = "id", what: str = "the id", *, as_key: bool = False) -> str:
    """Why a value YAML read as true/false, a number or a date is no id or text (" (YAML reads ... : put it in
    quotes)"), or "": ``key`` and ``what`` name the key and its value in the advice; ``as_key``, the value is itself
    a mapping's key (the advice shows it quoted before its colon).

    Examples
    --------
    >>> _yaml_typed(False)
    " (YAML reads yes, no, on, off, true and false, unquoted, as true or false: put the id in quotes, as in id: 'no')"
    >>> _yaml_typed(2024, "name", "the name")
    " (YAML reads 2024, unquoted, as a number: put the name in quotes, as in name: '2024')"
    >>> print(_yaml_typed(7, "7", "the item id", as_key=True))
     (YAML reads 7, unquoted, as a number: put the item id in quotes, as it was typed (a number loses leading zeros and '_'), as in '7':)
    """
    if isinstance(value, (bool, np.bool_)):
        example = "'no':" if as_key else f"{key}: 'no'"
        return (f" (YAML reads yes, no, on, off, true and false, unquoted, as true or false: put {what} in quotes, "
                f"as in {example})")
    if isinstance(value, (int, float, np.number)):  # numpy's too (a Study made in Python): shown as the number
        shown = _frames.one_key(value) if isinstance(value, np.number) else repr(value)
        example = f"'{shown}':" if as_key else f"{key}: '{shown}'"
        # '007' is read as 7, '1_000' as 1000: the id to quote is the one typed, not the number read
        zeros = ", as it was typed (a number loses leading zeros and '_')" if _is_int(value) and as_key else ""
        return f" (YAML reads {shown}, unquoted, as a number: put {what} in quotes{zeros}, as in {example})"
    if value is not None and not isinstance(value, (str, list, dict)):
        return f" (YAML reads it, unquoted, as a {type(value).__name__}: put {what} in quotes)"
    return ""


def _pointed_whole(value: object = None) -> str:
    """A hint where a YAML number that must be whole is written with a decimal point ('5.0'), or "": a whole-number
    float of any width (numpy's float32 too, in a Study made in Python) is the integer's text, by the one id rule
    (:func:`impact._frames.one_key`).

    >>> _pointed_whole(np.float32(5.0)) == _pointed_whole(5.0), _pointed_whole(5.5)
    (True, '')
    """
    if not isinstance(value, (float, np.floating)) or not abs(value) < 2**53:
        return ""
    whole = _frames.one_key(value)
    if whole is None or not whole.lstrip("-").isdigit():
        return ""
    return f" ({float(value)!r} is written with a decimal point, which YAML reads as a decimal, not a whole number: write {whole})"


def _is_int(x: object) -> bool:
    """A whole number of Python's or numpy's integer types (a Study made in Python may hold ``np.int64(3)``), not a
    bool."""
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


def _double_decoded(twice: tuple[str, str]) -> str:
    """What to say of text holding UTF-8 read as Windows-1252 (:func:`impact.schema.double_decoded`)."""
    return (f"text as it was typed (it holds {twice[0]!r}, which is {twice[1]!r} saved as UTF-8 and read back as "
            "Windows-1252, as a spreadsheet or editor may open a file, then saved again: read as it stands; save the "
            "file again from its original, as UTF-8)")


def _meta_limit(path: str) -> tuple[int, str] | tuple[int, str, str] | None:
    """The most characters the text at ``path`` of study.yaml may have, and what it is, where it is shown as a title
    or a label (:func:`impact.schema.too_long`): the study's name, a survey question, a wave's or a vocabulary
    value's label; None for other text (a description, a note).

    Examples
    --------
    >>> _meta_limit("name"), _meta_limit("waves[1].label"), _meta_limit("vocabularies.roles.vsh")
    ((200, "the study's name"), (100, 'a label'), (100, 'a label'))
    >>> _meta_limit("survey.items.q_confident.label"), _meta_limit("description")
    ((200, 'a survey question', 'a question is shown whole wherever the report names it'), None)
    """
    if path == "name":
        return schema.TITLE_MAX, "the study's name"
    if re.fullmatch(r"survey\.items\.[^.]+\.label", path):
        return (schema.TITLE_MAX, "a survey question",
                "a question is shown whole wherever the report names it")
    if re.fullmatch(r"waves\[\d+\]\.label|vocabularies\.[^.]+\.[^.]+", path):
        return schema.LABEL_MAX, "a label"
    return None


def _meta_text(meta: Any, where: str = "") -> list[Problem]:
    """Text of ``study.yaml`` (values and keys, at any depth) holding control characters, which no one sees and an
    Excel workbook cannot hold (openpyxl refuses them), a name or label over several lines, or a label left empty:
    each told on its path ('waves[0].label')."""
    out: list[Problem] = []
    items = meta.items() if isinstance(meta, dict) else enumerate(meta) if isinstance(meta, list) else ()
    for key, value in items:
        path = f"{where}[{key}]" if isinstance(meta, list) else f"{where}.{key}" if where else str(key)
        for text, shown in ((key, f"{path} (its key)"), (value, path)):
            if not isinstance(text, str):
                continue
            # a name or label, and every text shown as one (a vocabulary value's label: 'vocabularies.roles.x')
            one_line = text is value and ((isinstance(key, str) and key in ("name", "label"))
                                          or _meta_limit(path) is not None)
            if (expected := schema.text_problem(text, one_line=one_line)) is not None:
                out.append(Problem("study.yaml", None, shown, text[:60], expected))
            elif text is value and (limit := _meta_limit(path)) is not None and (
                    expected := schema.too_long(text, *limit[:2], shown=limit[2] if len(limit) > 2 else None)) is not None:
                out.append(Problem("study.yaml", None, shown, text, expected))
        if key == "label" and isinstance(value, str) and not value.strip():
            out.append(Problem("study.yaml", None, path, value, "a label with some text (an empty label leaves what "
                               "it names unnamed in the report: write one, or leave the key out to be shown the id)"))
        if isinstance(value, (dict, list)):
            out += _meta_text(value, path)
    return out


def _check_meta(meta: dict[str, Any]) -> tuple[list[Problem], list[dict[str, Any]]]:
    f = "study.yaml"
    out: list[Problem] = []
    for key in meta:
        if key not in META_KEYS:
            out.append(Problem(f, None, str(key), str(key),
                               f"one of the keys {list(META_KEYS)}{schema.did_you_mean(str(key), META_KEYS)}"))
    name = meta.get("name")
    if not isinstance(name, str) or not name.strip():
        out.append(Problem(f, None, "name", None if name is None else str(name), "a study name (text)"
                           + _yaml_typed(name, "name", "the name")))
    if "format_version" in meta and (meta["format_version"] != 1 or isinstance(meta["format_version"], bool)):
        out.append(Problem(f, None, "format_version", str(meta["format_version"]), "1 (the only study format version)"))
    if "seed" in meta and not (_is_int(meta["seed"]) and 0 <= meta["seed"] < 2**32):
        out.append(Problem(f, None, "seed", str(meta["seed"]), "a whole number from 0 to 4,294,967,295"
                           + _pointed_whole(meta["seed"])))
    for key in ("description", "notes"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            out.append(Problem(f, None, key, type(meta[key]).__name__, "text"))
    waves = meta.get("waves", DEFAULT_WAVES)
    good: list[dict[str, Any]] = []
    if not isinstance(waves, list) or not waves:
        out.append(Problem(f, None, "waves", str(waves), "a list of waves, each with id, anchor and window_days"))
        return out, list(DEFAULT_WAVES)
    seen: dict[str, str] = {}  # a wave id as a reader sees it -> the id as first given
    for i, w in enumerate(waves):
        col = f"waves[{i}]"
        if not isinstance(w, dict) or "id" not in w:
            out.append(Problem(f, None, col, str(w), "a mapping with id, label, anchor and window_days"))
            continue
        ok = True
        wid = w["id"]
        if not isinstance(wid, str) or not _WAVE_ID.fullmatch(wid):
            hidden = schema.id_problem(wid) if isinstance(wid, str) else None
            out.append(Problem(f, None, f"{col}.id", str(wid),
                               hidden or "a wave id of letters, digits, '_' and '-' (at most 40)" + _yaml_typed(wid)))
            ok = False
        elif schema.same_id(wid, loose=False) in seen:  # 'early' and 'EARLY': one wave to the reader, two to impact
            first = seen[schema.same_id(wid, loose=False)]
            again = "" if first == wid else f" ({first!r} is given before it, the same but for case)"
            out.append(Problem(f, None, f"{col}.id", wid, f"each wave id once{again}"))
            ok = False
        if isinstance(wid, str):
            seen.setdefault(schema.same_id(wid, loose=False), wid)
        if "label" in w and not isinstance(w["label"], str):
            out.append(Problem(f, None, f"{col}.label", str(w["label"]), "text" + _yaml_typed(w["label"], "label",
                                                                                               "the label")))
        for key in w:
            if key not in ("id", "label", "anchor", "window_days"):
                out.append(Problem(f, None, f"{col}.{key}", str(key), "only the keys id, label, anchor, window_days"
                                   + schema.did_you_mean(str(key), ("id", "label", "anchor", "window_days"))))
        if w.get("anchor", "review_end") not in ("review_start", "review_end"):
            out.append(Problem(f, None, f"{col}.anchor", str(w.get("anchor")), "review_start or review_end"
                               + schema.did_you_mean(str(w.get("anchor")), ("review_start", "review_end"))))
            ok = False
        wd = w.get("window_days")
        if not (isinstance(wd, list) and len(wd) == 2 and all(_is_int(x) and abs(x) <= MAX_WINDOW_DAYS for x in wd)
                and wd[0] <= wd[1]):
            window = f"two whole numbers of days from -{MAX_WINDOW_DAYS} to {MAX_WINDOW_DAYS}, lo <= hi"
            out.append(Problem(f, None, f"{col}.window_days", str(wd), f"[lo, hi]: {window}") if "window_days" in w
                       else Problem(f, None, f"{col}.window_days", None,
                                    f"the key window_days (the wave has none): [lo, hi], {window}, such as "
                                    f"window_days: [28, 182]"))
            ok = False
        if ok:
            good.append(w)
    if len(good) == len(waves):
        out += _check_wave_order(good, [])
    out += _same_labels([(f"waves[{i}]", str(w.get("id")), w.get("label")) for i, w in enumerate(waves)
                         if isinstance(w, dict)], "wave")
    survey = meta.get("survey") or {}
    if not isinstance(survey, dict):
        out.append(Problem(f, None, "survey", str(survey), "a mapping with items"))
        survey = {}
    items = survey.get("items")
    if items is not None and not isinstance(items, dict):
        out.append(Problem(f, None, "survey.items", str(items), "a mapping of item id to {label, scale: [min, max]}"))
    for item, spec in (items or {}).items() if isinstance(items, dict) else []:
        if not isinstance(item, str):  # 'NO:', '007:', '2024-01-01:' read as false, 7, a date: no response's item
            out.append(Problem(f, None, "survey.items", str(item), "an item id (text), as survey_responses.csv names "
                               "it" + _yaml_typed(item, str(item), "the item id", as_key=True)))
        elif (hidden := schema.id_problem(item)) is not None:
            out.append(Problem(f, None, "survey.items", str(item), hidden))
        if spec is not None and not isinstance(spec, dict):
            out.append(Problem(f, None, f"survey.items.{item}", str(spec), "a mapping {label, scale: [min, max]}"))
            continue
        scale = (spec or {}).get("scale", [1, 5])
        if not (isinstance(scale, list) and len(scale) == 2 and all(_is_int(x) and abs(x) <= MAX_SCALE for x in scale)
                and scale[0] < scale[1]):
            out.append(Problem(f, None, f"survey.items.{item}.scale", str(scale),
                               f"[min, max], whole numbers from -{MAX_SCALE} to {MAX_SCALE}, min < max"
                               + (_pointed_whole(*[x for x in scale if isinstance(x, float)][:1])
                                  if isinstance(scale, list) else "")))
        if "label" in (spec or {}) and not isinstance(spec["label"], str):
            out.append(Problem(f, None, f"survey.items.{item}.label", str(spec["label"]),
                               "text" + _yaml_typed(spec["label"], "label", "the label")))
    out += _same_labels([(f"survey.items.{item}", str(item), spec.get("label")) for item, spec in
                         (items.items() if isinstance(items, dict) else []) if isinstance(spec, dict)], "survey item")
    vocabularies = meta.get("vocabularies") or {}
    if not isinstance(vocabularies, dict):
        out.append(Problem(f, None, "vocabularies", str(vocabularies), f"a mapping with keys from {list(schema.EXTENSIBLE)}"))
        vocabularies = {}
    for vname, extra in vocabularies.items():
        if vname not in schema.EXTENSIBLE:
            out.append(Problem(f, None, f"vocabularies.{vname}", str(vname),
                               f"one of {list(schema.EXTENSIBLE)}{schema.did_you_mean(str(vname), schema.EXTENSIBLE)}"))
        elif not isinstance(extra, (dict, list)):
            out.append(Problem(f, None, f"vocabularies.{vname}", str(extra), "a list of ids, or a mapping of id to label (text)"))
        elif typed := [k for k in extra if not isinstance(k, str)]:  # 'NO: Norway officer', '- 007': false, 7
            out += [Problem(f, None, f"vocabularies.{vname}", str(k), "an id (text), as the tables name it"
                            + _yaml_typed(k, str(k), "the id", as_key=isinstance(extra, dict))) for k in typed]
        else:
            out += [Problem(f, None, f"vocabularies.{vname}", k, hidden) for k in extra
                    if (hidden := schema.id_problem(k)) is not None]
            if isinstance(extra, dict):  # a label left out ('vsh:') is read as None, and shown as 'None'
                out += [Problem(f, None, f"vocabularies.{vname}.{k}", str(v), f"a label (text) for {k}, or the ids "
                                "listed alone ([a, b]) to be shown as written" + _yaml_typed(v, k, "the label"))
                        for k, v in extra.items() if not isinstance(v, str) or not v.strip()]
                base = [(f"the {vname} vocabulary", k, v) for k, v in schema.BASE_VOCABULARIES[vname].items()
                        if k not in extra]
                out += _same_labels(base + [(f"vocabularies.{vname}.{k}", k, v) for k, v in extra.items()],
                                    vname.rstrip("s").replace("_", " "), where_said=False)
                out += _relabelled(vname, extra)
            # a value the vocabulary has, written in another case or spacing ("DCS" for dcs), would be another value
            # that looks the same: the participants of one role counted as two
            known = {schema.same_id(v, loose=False): v for v in schema.BASE_VOCABULARIES[vname]}
            for k in extra:
                other = known.setdefault(schema.same_id(k, loose=False), k)
                if other != k:
                    out.append(Problem(f, None, f"vocabularies.{vname}", k, f"a value the vocabulary does not hold: it "
                                       f"holds {other!r}, which differs only in case or spacing (both would be "
                                       f"counted apart); use {other!r}"))
    return out, good


def _relabelled(vname: str, extra: dict) -> list[Problem]:
    """A warning for each built-in value of a vocabulary that study.yaml gives another label (``roles: {dcs:
    Director}``): accepted, as a study may name a role its own way, but every table, figure and quote of the report
    then names the value so, which is told (a value listed alone, ``[dcs]``, keeps its built-in label)."""
    built_in = schema.BASE_VOCABULARIES[vname]
    return [Problem("study.yaml", None, f"vocabularies.{vname}.{k}", v, f"the built-in label of {k}, "
                    f"{built_in[k]!r}, or a new value's label: the report will name {k} {v!r} in place of "
                    f"{built_in[k]!r} (give a new value its own id to add one)", severity="warning")
            for k, v in extra.items() if k in built_in and isinstance(v, str) and v.strip()
            and " ".join(v.split()).casefold() != " ".join(built_in[k].split()).casefold()]


def _same_labels(named: list[tuple[str, str, Any]], what: str, *, where_said: bool = True) -> list[Problem]:
    """Labels (``(where, id, label)``, in order) that a reader cannot tell apart: the same text, case and runs of
    spaces aside, given to two waves, survey items or vocabulary values.  Each label after the first is a problem
    naming the first; a label that is no text is told elsewhere.  ``where_said``: the first is named by its place
    (``waves[0]``), else by its id alone (a built-in value has no place in study.yaml)."""
    out, first = [], {}
    for where, key, label in named:
        if not isinstance(label, str) or not label.strip():
            continue
        other = first.setdefault(" ".join(label.split()).casefold(), (where, key, label))
        if other[0] != where and where.startswith(("waves", "survey", "vocabularies")):
            said = f"{other[0]}, {other[1]}," if where_said or other[0].startswith("vocabularies") else other[1]
            out.append(Problem("study.yaml", None, f"{where}.label" if where_said else where, label,
                               f"a label no other {what} has ({said} is labelled {other[2]!r}): a report names each "
                               f"{what} by its label, so the two could not be told apart"))
    return out


def _wave_span(w: dict[str, Any], review_days: int) -> tuple[int, int]:
    """A wave's window in days from the review's first day, for a review lasting ``review_days``."""
    lo, hi = w["window_days"]
    shift = review_days if w.get("anchor", "review_end") == "review_end" else 0
    return lo + shift, hi + shift


def _check_wave_order(waves: list[dict[str, Any]], review_lengths: list[tuple[str, int]]) -> list[Problem]:
    """Waves are listed in time order and their windows do not overlap (for every review's length).

    The order in ``study.yaml`` is the study's order (the first wave is the
    baseline), so a wave listed before an earlier one would silently change
    the baseline; overlapping windows would put an interview in two waves.
    Each pair of waves is reported once, naming the first council concerned.
    """
    out = []
    cases = [("", 0)] + [(c, n) for c, n in review_lengths if n != 0]
    reported: set[tuple[int, str]] = set()
    for council, days in cases:
        spans = [_wave_span(w, days) for w in waves]
        for i in range(len(waves) - 1):
            (lo1, hi1), (lo2, _) = spans[i], spans[i + 1]
            a, b = str(waves[i]["id"]), str(waves[i + 1]["id"])
            where = f" for council {council}, whose review lasts {days + 1} days" if council else ""
            if lo2 < lo1 and (i, "order") not in reported:
                reported.add((i, "order"))
                out.append(Problem("study.yaml", None, f"waves[{i + 1}]", b,
                                   f"waves listed in time order: {b} starts before {a}{where} (the first wave is the baseline)"))
            elif lo2 >= lo1 and lo2 <= hi1 and (i, "overlap") not in reported:
                reported.add((i, "overlap"))
                out.append(Problem("study.yaml", None, f"waves[{i + 1}].window_days", b,
                                   f"a window not overlapping the {a} window{where} (an interview would be in both)"))
    return out


# --------------------------------------------------------------------------- tables
def _unheld_wave(expected: str, item: str, waves: set[str]) -> str:
    """What a wave cell naming a wave study.yaml does not list is expected to be, where nothing else explains it
    (no wave it is close to, no number or place of a wave, no word for a missing value): a wave of the study, or
    the wave added to study.yaml. A fourth wave's interviews added to interviews.csv were told only the three waves
    allowed (newuser10), which reads as though a study had three waves at most.  ``""`` where another hint applies
    (the caller's message says it)."""
    if not waves or schema.did_you_mean(item, waves) or schema.missing_hint(item, required=False):
        return ""
    if schema.wave_hint(item, sorted(waves)) or not item.strip():
        return ""
    return (f"{expected} (study.yaml lists no wave {item!r}: a further wave is added to study.yaml's `waves`, with "
            "its id, anchor and window_days)")


def _labelled_wave(expected: str, item: str, waves: set[str], labels: dict[str, str] | None) -> str:
    """What a wave cell written as the words of a wave's label ('3 months', 'Early impact') is expected to be: that
    wave's id, or "" (it was told as a wave to add to study.yaml, newuser11)."""
    if schema.did_you_mean(item, waves):  # 'Early' is the id 'early' written otherwise: told as such
        return ""
    hint = schema.label_hint(item, {k: v for k, v in (labels or {}).items() if k in waves})
    return f"{expected}{hint[:-1]} waves are named by their ids in study.yaml)" if hint else ""


#: What a cell of a vocabulary study.yaml defines is expected to be where study.yaml defines none of it.
_NONE_DEFINED = {"survey_items": "an item defined under survey.items in study.yaml (it defines none: give each item "
                                 "its label and scale, as docs/study-format.md shows)"}


def _vocabularies(meta: dict[str, Any], waves: list[dict[str, Any]]) -> dict[str, set[str]]:
    vocabs = {k: set(v) for k, v in schema.BASE_VOCABULARIES.items()}
    extensions = meta.get("vocabularies") if isinstance(meta.get("vocabularies"), dict) else {}
    for name, extra in extensions.items():
        if name in schema.EXTENSIBLE and isinstance(extra, (dict, list)):
            vocabs[name] |= {str(k) for k in extra}
    vocabs["waves"] = {str(w["id"]) for w in waves}
    survey = meta.get("survey") if isinstance(meta.get("survey"), dict) else {}
    items = survey.get("items") or {}
    vocabs["survey_items"] = {str(k) for k in items} if isinstance(items, dict) else set()
    return vocabs


def _check(meta: dict[str, Any], raw: Records, read: Callable[[str], str], exists: Callable[[str], bool], *,
           broken: set[str] = frozenset(), transcripts_issue: str | None = None, folder: Path | None = None
           ) -> list[Problem]:
    problems, waves = _check_meta(meta)
    problems += _meta_text(meta)
    if "study.yaml" in broken:
        problems = []  # reported already; its consequences are not reported again
    vocabs = _vocabularies(meta, waves)
    # Vocabularies that study.yaml defines are not checked when study.yaml could not be read.
    unknowable = {"waves", "survey_items"} if "study.yaml" in broken else set()
    if any(p.column and p.column.startswith("waves") for p in problems):
        # A wave defined with a problem (reported with study.yaml) is still a wave the tables may name.
        listed = meta.get("waves") if isinstance(meta.get("waves"), list) else []
        vocabs["waves"] |= {w["id"] for w in listed if isinstance(w, dict) and isinstance(w.get("id"), str)
                            and _WAVE_ID.fullmatch(w["id"])}
        if not vocabs["waves"]:
            unknowable |= {"waves"}
    parsed: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for name, spec in TABLES.items():
        f = spec.filename
        header, records = raw.get(name, ([], []))
        if f in broken or (not header and not records and spec.optional):
            if f in broken and header and list(header) != list(spec.column_names):  # a column named twice: the
                problems += _check_header(spec, list(dict.fromkeys(header)))  # rest of its header still told
            parsed[name] = []
            continue
        problems += _check_header(spec, header)
        for c in spec.column_names:
            if c not in header and (c in spec.key or any(col.references == (name, c) for t in TABLES.values()
                                                         for col in t.columns)):
                broken = broken | {f}
        problems += _check_rows(spec, header, records, vocabs, unknowable, parsed,
                                wave_order=[str(w["id"]) for w in waves if isinstance(w, dict) and "id" in w],
                                wave_labels={str(w["id"]): str(w["label"]) for w in waves
                                             if isinstance(w, dict) and "id" in w and isinstance(w.get("label"), str)})
    if "councils.csv" not in broken and not parsed.get("councils"):
        problems.append(Problem("councils.csv", None, None, None, "at least one council (the study is empty)"))
    elif "interviews.csv" not in broken and not parsed.get("interviews"):
        problems.append(Problem("interviews.csv", None, None, None,
                                "interviews (without them there is nothing to code; see impact.validate.capabilities)",
                                severity="warning"))
    absent = set() if folder is None else {t.filename for t in TABLES.values()  # folder: the study's transcripts/
                                           if t.optional and not (Path(folder).parent / t.filename).is_file()}
    references, told = _check_references(parsed, broken, problems, absent=absent)
    extended = {(p.file, p.row, p.column, p.value): p for p in references}
    problems = [extended.pop((p.file, p.row, p.column, p.value), p) for p in problems
                if (p.file, p.row, p.column, p.value, p.expected) not in told] + list(extended.values())
    problems += _check_pseudonymous_ids(parsed, vocabs)
    problems += _check_status(parsed)
    problems += _check_reviews(parsed)
    problems += _check_actions(parsed, [str(w["id"]) for w in waves if isinstance(w, dict) and "id" in w])
    problems += _check_indicators(parsed)
    problems += _written_two_ways(parsed, "survey_responses", "respondent_id", "two respondents, each counted",
                                  severity="warning")
    refused_cells = {(p.file, p.row, p.column) for p in problems if p.severity == "error"}
    problems += [p for p in _check_register(parsed) if (p.file, p.row, p.column) not in refused_cells]  # told once
    lengths = [(v["council_id"], (v["end_date"] - v["start_date"]).days) for _, v in parsed.get("reviews", [])
               if v.get("council_id") and v.get("start_date") is not None and v.get("end_date") is not None
               and v["end_date"] >= v["start_date"]]
    listed = meta.get("waves", DEFAULT_WAVES)
    if "study.yaml" not in broken and isinstance(listed, list) and len(waves) == len(listed):
        problems += [p for p in _check_wave_order(waves, lengths) if p not in problems]
    derived: dict[int, str] = {}  # row of interviews.csv -> the wave read from its date, where its wave is blank
    problems += _check_interviews(parsed, [] if "study.yaml" in broken else waves, read, exists, TRANSCRIPT_SUFFIXES,
                                  derived=derived, written={line: str(rec.get("date") or "") for line, rec
                                                            in raw.get("interviews", ([], []))[1]},
                                  transcripts_issue=transcripts_issue, folder=folder,
                                  reviews_unread=TABLES["reviews"].filename in broken)
    problems += _status_within_waves(parsed, derived)
    problems = _on_the_scale(problems, parsed, meta) + _check_survey(parsed, meta)
    # a council whose id is refused is told so: not also as a council without interviews (they name its id as meant)
    refused_ids = {p.row for p in problems if p.file == TABLES["councils"].filename and p.column == "council_id"
                   and p.severity == "error"}
    problems += _check_attrition(parsed, waves, refused_rows=refused_ids, derived=derived)
    return collapse_problems(_dates_as_written(problems, raw))


def _dates_as_written(problems: list[Problem], raw: Records) -> list[Problem]:
    """``problems`` with the value of each about a date cell as the file holds it: a check of the date read shows it
    as YYYY-MM-DD, which a date written '05/06/2011' is not (the user searching the file for '2011-06-05' finds
    nothing)."""
    written = {(spec.filename, line, col.name): str(cells.get(col.name) or "")
               for name, spec in TABLES.items() for col in spec.columns if col.type == "date"
               for line, cells in raw.get(name, ([], []))[1]}
    return [dataclasses.replace(p, value=cell) if (cell := written.get((p.file, p.row, p.column)))
            and p.value is not None and p.value != cell and schema.DAY_MONTH_YEAR.fullmatch(
                schema.without_midnight(cell)) else p for p in problems]


# The ids a study gives people, interviews and actions, where each is defined.  They are meant to be pseudonymous codes
# (docs/study-format.md): they are copied into coded output, review workbooks and QDPX projects (never into the report
# or its tables), so one that holds a name, an e-mail address or a phone number is refused.
_DEFINED_IDS = (("participants", "participant_id"), ("interviews", "interview_id"), ("survey_responses", "respondent_id"),
                ("actions", "action_id"))
# Names the study's author chooses that the report's tables print as written: an indicator's measure, a wave's or a
# survey item's id, a value a study adds to a vocabulary (study.yaml's `vocabularies`).
_PUBLISHED_NAMES = (("indicators", "measure"),)


def _check_pseudonymous_ids(parsed: dict, vocabs: dict[str, set[str]] | None = None) -> list[Problem]:
    """Ids that hold a participant's name, an e-mail address, a phone number ... (see :data:`_DEFINED_IDS`), and
    names the tables publish as written that do (:data:`_PUBLISHED_NAMES`, wave, item and added vocabulary ids)."""
    from .privacy._redact import id_checker

    personal_detail = id_checker([str(v["name"]) for _, v in parsed.get("participants", []) if v.get("name")])
    problems = []
    published = "a name such as referral_rate (it holds {said}, and the report's tables print it as written)"
    for table, column in _PUBLISHED_NAMES:
        seen_values: set[str] = set()
        for row, values in parsed.get(table, []):
            value = values.get(column)
            if value and value not in seen_values:
                seen_values.add(value)
                if (said := personal_detail(str(value))) is not None:
                    problems.append(Problem(TABLES[table].filename, row, column, str(value), published.format(said=said)))
    base = schema.BASE_VOCABULARIES
    for name, values in (vocabs or {}).items():
        for value in sorted(values - set(base.get(name, ()))):
            if (said := personal_detail(str(value))) is not None:
                where = {"waves": "waves", "survey_items": "survey"}.get(name, "vocabularies")
                problems.append(Problem("study.yaml", None, where, str(value), published.format(said=said)))
    for table, column in _DEFINED_IDS:
        first: dict[str, int] = {}  # each id, checked once, told on the first row holding it
        for row, values in parsed.get(table, []):
            if value := values.get(column):
                first.setdefault(str(value), row)
        for value, said in personal_detail.many(first).items():
            row = first[value]
            if said is not None:
                problems.append(Problem(TABLES[table].filename, row, column, str(value),
                                        f"a pseudonymous code such as P001 (this id holds {said}; ids are copied into "
                                        "coded output, review workbooks and QDPX projects; keep real names in "
                                        "participants.csv's name column)"))
    return problems


def codebook_id_problems(codebook, names) -> list[Problem]:
    """The ids of ``codebook`` (its own and its codes') that hold a person's name of ``names`` (a study's
    participants), an e-mail address, a phone number ...: the report's tables print code ids as written, so they are
    refused as a study's measure, wave and survey item ids are (see :func:`_check_pseudonymous_ids`).

    Examples
    --------
    >>> from impact.coding import Codebook
    >>> [p.value for p in codebook_id_problems(Codebook.nfer(), ["Jane Smith"])]
    []
    """
    from .privacy._redact import id_checker

    personal_detail = id_checker([str(n) for n in names if isinstance(n, str) and n.strip()])
    problems = []
    if (said := personal_detail(codebook.id)) is not None:
        problems.append(Problem(codebook.source, None, "id", codebook.id,
                                f"a codebook id such as nfer_impacts (it holds {said}, and the report prints it)"))
    for k, code_id in enumerate(codebook.code_ids):
        if (said := personal_detail(code_id)) is not None:
            problems.append(Problem(codebook.source, None, f"codes[{k}].id", code_id,
                                    f"a code id such as partnership (it holds {said}, and the report's tables print "
                                    "it as written)"))
    return codebook._on_lines(problems)


def _check_header(spec: schema.Table, header: list[str]) -> list[Problem]:
    """The columns of one table: each missing one, each unknown one; one problem where a column is named another way.

    A header cell that is a missing column written otherwise ("Council ID" for council_id) is one problem, not a
    missing column and an unknown one; one that is a present column written otherwise is a column given twice.
    """
    f = spec.filename
    missing = [c for c in spec.column_names if c not in header]
    present = {schema.same_id(c): c for c in spec.column_names if c in header}
    problems, renamed = [], set()
    for c in header:
        if not c or c in spec.column_names:
            continue
        twin = present.get(schema.same_id(c))
        meant = [m for m in missing if m not in renamed and (schema.same_id(m) == schema.same_id(c) or
                                                              schema.latin_lookalike(m) == schema.latin_lookalike(c))]
        if twin is not None:
            problems.append(Problem(f, 1, c, c, f"each column once (this is `{twin}` again, written another way)"))
        elif meant:
            renamed.add(meant[0])
            held = schema.lookalike_names(c) or schema.hidden_names(c)  # a Cyrillic letter, a byte-order mark
            problems.append(Problem(f, 1, c, c, f"the column name `{meant[0]}` (names are exact: " + (
                f"this one holds {held}; retype it)" if held else "lower case, '_' between words)")))
        else:
            problems.append(Problem(f, 1, c, c, f"only the columns {spec.column_names}"
                                    + schema.did_you_mean(c, [m for m in missing if m not in renamed])))
    unknown = [p for p in problems if p.expected == f"only the columns {spec.column_names}"]  # none like a column
    if len(unknown) > _MAX_UNKNOWN_COLUMNS:  # a table of thousands of columns: one problem, not one per column
        shown = ", ".join(repr(p.value) for p in unknown[:_MAX_UNKNOWN_COLUMNS])
        problems = [p for p in problems if p not in unknown] + [Problem(
            f, 1, None, f"{len(unknown):,} other columns", f"only the columns {spec.column_names} (it also has "
            f"{shown}, ... : another table saved under this name, or columns to take out?)")]
    problems += [Problem(f, 1, c, None, f"a column `{c}` ({spec.column(c).description})") for c in missing
                 if c not in renamed]
    return problems


#: More columns than this that are none of a table's are told as one problem.
_MAX_UNKNOWN_COLUMNS = 5


def _month_first_dates(columns, records) -> dict[tuple[str, int], str]:
    """The day/month dates of a table that also holds a date written month first (US): ``(column, row) -> expected``.

    ``05/13/2011`` can only be month/day/year; in the same file (one spreadsheet, saved in one locale)
    ``05/09/2011``, read as 5 September, may well be 9 May.  Such dates are refused, not read one way silently (a
    date whose day and month are equal is the same either way).
    """
    slashed = []
    us = None  # the first cell that can only be month first, in any layout of day, month and year as numbers
    for col in columns:
        if col.type == "date":
            for line, rec in records:
                cell = rec.get(col.name, "")
                m = schema.DAY_MONTH_YEAR.fullmatch(schema.without_midnight(cell))
                if m is not None:
                    slashed.append((col.name, line, m.group(0), int(m["d"]), int(m["m"]), int(m["y"])))
                # '05-13-2011', '05/13/2011 0:00' (as US Excel saves a date and time in a CSV file): refused on their
                # own, and saying the file was saved with month first
                if us is None and cell and cell[4:5] != "-" and (first := schema.month_first_only(cell)):  # not ISO
                    us = (col.name, line, first)
    if us is None:
        return {}
    return {(name, line): (f"a date as YYYY-MM-DD: this file also holds {us[2]} ({us[0]}, row {us[1]}), written "
                           f"month first, so {text} may be {y}-{d:02d}-{m:02d} as well as {y}-{m:02d}-{d:02d}")
            for name, line, text, d, m, y in slashed if d <= 12 and m <= 12 and d != m}


def _day_first_notes(file: str, columns, records) -> list[Problem]:
    """A note (warning) for each date column holding dates written day/month/year that could be read either way
    (03/04/2011): read day first, as UK Excel writes dates, where nothing in the file says otherwise (a date that
    can only be month first, 05/13/2011, has them refused: :func:`_month_first_dates`).  One note per column."""
    out = []
    for col in columns:
        if col.type != "date":
            continue
        either = []
        for line, rec in records:
            m = schema.DAY_MONTH_YEAR.fullmatch(schema.without_midnight(rec.get(col.name, "")))
            if m is not None and int(m["d"]) <= 12 and int(m["m"]) <= 12 and m["d"] != m["m"]:
                either.append((line, m))
        if either:
            line, m = either[0]
            d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
            rows = _listing([str(r) for r, _ in either], limit=5)
            many = len(either) > 1
            out.append(Problem(file, line, col.name, m.group(0), f"a date as YYYY-MM-DD ({len(either):,} date"
                               f"{'s' if many else ''} in column {col.name}, on row{'s' if many else ''} {rows}, "
                               f"{'are' if many else 'is'} written day/month/year with a day of 12 or less, and "
                               f"read day first, as UK settings save dates: {m.group(0)!r} as {y}-{mo:02d}-{d:02d}; "
                               f"saved with US settings it would be {y}-{d:02d}-{mo:02d}: write YYYY-MM-DD to be sure)",
                               "warning"))
    return out


# What a table's summary row says in place of a council: "Total", "All councils", "England", a region ("London"), and
# the ONS codes of a country (E92), a region (E12), Inner or Outer London (E13) or the UK, Great Britain, England and
# Wales (K02-K04).  Such a row is no council: read as one, its figures would count every council's twice.
_SUMMARY_WORDS = re.compile(
    r"(?:grand |sub-?)?totals?(?: (?:for |of )?(?:england|all|councils|las|local authorities|areas))?"
    r"|(?:all|england|national|overall|average|mean|median|sum)"
    r"(?: (?:councils|local authorities|las|areas|total|average|mean|median|level))?"
    r"|(?:total|average|mean|median|sum) (?:of |for )?\(?(?:england|all councils|all|councils|the las)\)?")
# A label a spreadsheet's summary row opens with, whatever follows it ("Total (10 councils)", "Total: 125",
# "Average - all"): read in a council's cell, and in a table's key cells (an interview's id "Total"), where no id is
# a word of these.
_SUMMARY_LABEL = re.compile(r"(?:grand |sub-?)?totals?(?:[\s:(\-,=]\W*\d.*|\s*[:(\-,=].*)?|(?:average|mean|sum)(?:\s*[:(\-,=].*)?")
_REGIONS = {"north east", "north west", "yorkshire and the humber", "yorkshire and humber", "east midlands",
            "west midlands", "east of england", "east", "london", "inner london", "outer london", "south east",
            "south west"}
_DFE_NUMBER = re.compile(r"[0-9]{3}")
_SUMMARY_ONS = re.compile(r"(?:E92|E12|E13|K0[234]|W92|S92|N92)[0-9]{6}")


def _summary_cell(spec: schema.Table, rec: dict[str, str]) -> tuple[str, str, str] | None:
    """The cell saying a row of ``spec`` is a summary over councils (a total, England, a region), as
    ``(column, value, what it names)``, or None.  Only a table with a ``council_id`` column has such rows."""
    if "council_id" not in spec.column_names:
        return None
    council = rec.get("council_id", "").strip()
    if "ons_code" not in rec and _DFE_NUMBER.fullmatch(council):  # a council's number: the common case, at once
        return None
    cells = [("council_id", council)]
    if spec.name == "councils" and not re.fullmatch(r"[0-9]{3}", council):  # "England" beside no council number
        cells.append(("name", rec.get("name", "").strip()))
    # a total row's label in the table's own id ("Total" for an interview_id, its council cell left blank)
    keys = [(k, rec.get(k, "").strip()) for k in spec.key if k != "council_id"]
    for col, text in cells + keys:
        words = " ".join(text.casefold().replace("_", " ").split()).rstrip(":*.")
        if words and (_SUMMARY_LABEL.fullmatch(words) or (col, text) in cells and _SUMMARY_WORDS.fullmatch(words)):
            return col, text, "a total or average over councils"
        if words in _REGIONS:
            return col, text, "a region's figures, summed or averaged over its councils"
    ons = rec.get("ons_code", "").strip().upper()
    if _SUMMARY_ONS.fullmatch(ons):
        what = {"E92": "England", "E12": "a region", "E13": "Inner or Outer London", "W92": "Wales",
                "S92": "Scotland", "N92": "Northern Ireland"}.get(ons[:3], "the United Kingdom or a union of its nations")
        return "ons_code", rec.get("ons_code", ""), f"the ONS code of {what}, not of a council"
    return None


def _list_hint(item: str, allowed: set[str]) -> str:
    """Why a list's item is not one value: values joined by another separator than ';' (``"a,b"``), or none at all
    (``"a;;b"``, a ';' at the end)."""
    if not item:
        return " (an empty item: a ';' with nothing after it? write one value between each ';')"
    for sep in (",", "|", "/"):
        parts = [x.strip() for x in item.split(sep)]
        if len(parts) > 1 and all(x in allowed for x in parts if x):
            return f" (values are separated by ';', not {sep!r}: {LIST_SEP.join(x for x in parts if x)})"
    return ""


class _Row(tuple, Mapping):
    """A row's parsed values by column, read-only: its values in the tuple it is, the columns' places in the class
    made for its table (:meth:`of`).  A dict a row took 540 bytes (680 MB of a table of 1.25 million rows); a
    mapping holding a tuple, 150; this, one object, about 100."""

    __slots__ = ()
    _at: dict[str, int] = {}

    @classmethod
    def of(cls, at: dict[str, int]) -> type[_Row]:
        """The class of the rows of a table whose columns are at the places ``at``."""
        return type("_Row", (cls,), {"__slots__": (), "_at": at})

    def __getitem__(self, key: str) -> Any:
        return tuple.__getitem__(self, self._at[key])

    def get(self, key: str, default: Any = None) -> Any:
        i = self._at.get(key)
        return default if i is None else tuple.__getitem__(self, i)

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    __eq__ = Mapping.__eq__
    __hash__ = None  # a mapping: unhashable, as the dict it stands for

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __repr__(self) -> str:
        return repr(dict(self.items()))


def _row_at(rows: list[tuple[int, Any]], line: int) -> tuple[int, Any]:
    """The row of ``rows`` (``(line, values)`` in the order read) read from line ``line``."""
    i = bisect.bisect_left(rows, line, key=_LINE_OF)
    if i < len(rows) and rows[i][0] == line:
        return rows[i]
    return next(r for r in rows if r[0] == line)  # rows not in the order of their lines


_LINE_OF = operator.itemgetter(0)


def _check_rows(spec: schema.Table, header: list[str], records, vocabs: dict[str, set[str]], unknowable: set[str],
                parsed: dict, *, wave_order: list[str] = (), wave_labels: dict[str, str] | None = None) -> list[Problem]:
    """Each cell of one table: required, type and range, pattern, vocabulary; unique keys (``wave_order``: the wave
    ids in study order, to say which a wave written as a number or a word is; ``wave_labels``: each wave's label, to
    say which a wave written as its label's words is, '3 months')."""
    f = spec.filename
    problems: list[Problem] = []
    rows: list[tuple[int, dict[str, Any]]] = []
    # a key -> the row (its line, an int the records hold already: no int of its own) that first holds it
    keys: dict[tuple, int] = {}
    given_at: dict[int, dict[str, str]] = {}  # that row -> its key cells as written, where spaces were taken off

    def key_text(values: Mapping[str, Any]) -> str:
        return ", ".join(f"{c}={values[c].date() if isinstance(values[c], pd.Timestamp) else values[c]}"
                         for c in spec.key)

    columns = [c for c in spec.columns if c.name in header]
    absent = {c.name: None for c in spec.columns if c.name not in header}
    patterns = {c.name: re.compile(c.pattern, re.ASCII) for c in columns if c.pattern}

    def judge(col: schema.Column, text: str) -> tuple[Any, list[tuple[str, str, str]]]:
        """A cell's value and its complaints as (value shown, expected, severity): the same for the same text."""
        value, err = parse_cell(text, col.type, low=col.low, high=col.high, required=col.required)
        if err:
            held = schema.hidden_names(text)
            return value, [(text, err + (f" (it holds {held}, which is not seen)" if held else ""), "error")]
        if col.type in ("id", "list") and (hidden := schema.hidden_characters(text)) is not None:
            return value, [(text, hidden, "error")]  # the one cause: not also "not a pattern", "not one of", ...
        if col.type == "id" and (why := schema.shown_scientific_id(text)) is not None:
            # '1.23457E+12': a long id as a spreadsheet shows it, saved so to CSV, its last digits lost (one whose
            # digits are all there, '3.02E+02', is told as the id it stands for: with the pattern, or as a reference)
            return value, [(text, f"{_pattern_text(col)}: {why}" if col.pattern else why, "error")]
        if col.type == "float" and (why := schema.shown_scientific_number(text, value)) is not None:
            return value, [(text, why, "warning")]  # read, as written; rounded by the spreadsheet, perhaps
        # A list's items are judged one by one (shown as the item): a list may hold ids of two scripts, an id may not.
        # A full-width or decomposed letter ("\uff302" for "P2") is refused as a letter of another script is.
        parts = [t.strip() for t in text.split(LIST_SEP)] if col.type == "list" else [text]
        mixed = [(item, m) for item in parts if (m := schema.compatibility_forms(item) or schema.mixed_scripts(item))
                 ] if col.type in ("id", "list") else []
        if mixed:  # where the column has a pattern, what it is (a DfE number, an ONS code) said first
            return value, [(item, f"{_pattern_text(col)}: {m}" if col.pattern else m, "error") for item, m in mixed]
        if col.type == "id" and (why := schema.stray_end(text)):
            return value, [(text, (_pattern_text(col) if col.pattern else "an id") + why, "error")]
        if col.type == "id" and (why := schema.apostrophe_hint(text)):
            shown = _pattern_text(col) if col.pattern else "an id without a leading apostrophe"
            return value, [(text, shown + why, "error")]
        if col.type == "text" and (control := schema.control_characters(text)):
            # a control character (a bell, an escape, a form feed pasted from another system): unseen, and one that
            # no Excel workbook can hold (openpyxl refuses it), where names and descriptions are written
            return value, [(text, f"text without control characters (it holds {schema._named_at(control)}, which "
                                  "no one sees and which a workbook cannot hold: retype the cell)", "error")]
        if col.type == "text" and col.max_length and schema.control_characters(text, one_line=True):
            # a name shown on one line (a council's, in every table and beside every bar) over two lines, or with a
            # tab inside: a report printed it broken, or with a gap no one typed
            return value, [(text, f"a {col.description.rstrip('.').lower()} as "
                                  + schema.text_problem(text, one_line=True).replace("control characters (", "tabs or "
                                                                                     "other control characters (", 1),
                            "error")]
        if col.type == "text" and col.max_length and (why := schema.too_long(
                text, col.max_length, f"a {col.description.rstrip('.').lower()}")) is not None:
            return value, [(text, why, "error")]
        if col.type == "text" and (twice := schema.double_decoded(text)) is not None:
            return value, [(text, _double_decoded(twice), "warning")]
        if col.type == "text" and (held := schema.hidden_names(text, formats_only=True)) is not None:
            return value, [(text, f"text without invisible or direction-changing characters (it holds {held}, "
                                  "which outputs show as written: reordered, or looking like other text)", "warning")]
        found = []
        if col.name in patterns and not patterns[col.name].fullmatch(text):
            whole = re.fullmatch(r"([0-9]+)\.0+", text)  # "301.0": a number a spreadsheet or pandas saved as a float
            hint = (f" ({text} is {whole[1]} with a decimal point, as a spreadsheet or program saves a number it was "
                    f"not told is text: write {whole[1]})") if whole and patterns[col.name].fullmatch(whole[1]) else ""
            if (sci := schema.scientific_whole(text)) is not None and patterns[col.name].fullmatch(sci):
                hint = (f" ({text} is {sci} in scientific notation, as a spreadsheet shows a number in a column not "
                        f"formatted as text: write {sci}, and format the column as text)")
            if not hint and (fixed := "".join(text.split()).upper()) != text and patterns[col.name].fullmatch(fixed):
                # 'e09000002', 'E09 000 002': the code, written another way
                how = [w for w, wrong in (("in capitals", "".join(text.split()) != fixed),
                                          ("without spaces", any(c.isspace() for c in text))) if wrong]
                hint = f" (write it {', '.join(how)}: {fixed})"
            found.append((text, _pattern_text(col) + hint, "error"))
        if col.vocabulary and col.vocabulary != "statuses" and col.vocabulary not in unknowable:
            allowed = vocabs.get(col.vocabulary, set())
            items = [t.strip() for t in text.split(LIST_SEP)] if col.type == "list" else [text]
            # an empty vocabulary is one study.yaml defines none of: "one of []" said nothing of where to define them
            # waves in the study's order (the first is the baseline), not the alphabet's, which put 'early' first
            shown = ([w for w in wave_order if w in allowed] + sorted(allowed - set(wave_order))
                     if col.vocabulary == "waves" else sorted(allowed))
            expected = f"one of {shown}" if allowed else _NONE_DEFINED.get(col.vocabulary, "a value")
            own = col.vocabulary in schema.BASE_VOCABULARIES  # impact's own ids, not a study's waves or items
            found += [(item, (own and _same_words(item, allowed, shown)) or (col.vocabulary == "waves" and (
                       _labelled_wave(expected, item, allowed, wave_labels) or _unheld_wave(expected, item, allowed))) or (
                       f"{expected}"
                       f"{_list_hint(item, allowed) if col.type == 'list' else ''}"
                       f"{schema.did_you_mean(item, allowed) or schema.missing_hint(item, required=col.required)}"
                       f"{schema.wave_hint(item, wave_order) if col.vocabulary == 'waves' else ''}"), "error")
                      for item in items if item not in allowed]
        if col.type == "list":  # a list names each of its values once: one given twice would be counted twice
            items = [t.strip() for t in text.split(LIST_SEP)]
            twice = sorted({t for t in items if t and items.count(t) > 1})
            if twice:
                noun = col.name.removesuffix("s").replace("_", " ")
                found.append((text, f"each {noun} once ({', '.join(map(repr, twice))} given twice would be counted "
                                    "twice)", "error"))
        return value, found

    # Cells repeat (dates, council ids, vocabularies): each distinct text is judged once per column.
    memo: dict[str, dict[str, tuple[Any, list[tuple[str, str, str]]]]] = {c.name: {} for c in columns}
    ambiguous = _month_first_dates(columns, records)
    merged = merged_blanks([c.name for c in columns if c.required and not c.unique and list(spec.key) != [c.name]],
                           records)
    unique: dict[schema.Column, dict[str, tuple[int, str]]] = {c: {} for c in columns if c.unique}
    # Ids that name one thing each (a one-column key, a unique id), and names given once each (a council's): two that
    # look alike once Cyrillic and Greek letters drawn like Latin ones are read as Latin are told (a warning: they may
    # be two, written in two scripts; 'B\u0430rking' beside 'Barking' is two councils no reader tells apart).
    alike: dict[str, dict[str, tuple[int, str, str]]] = {
        c.name: {} for c in columns if c.unique or (c.type == "id" and list(spec.key) == [c.name])}
    kinds = {c.name: "ids" if c.type == "id" else f"{c.name.replace('_', ' ')}s" for c in columns}
    pointed: dict[str, list[tuple[int, str]]] = {}  # an int column -> its cells written with a decimal point ('4.0')
    forms: dict[str, str] = {}  # a key's text -> its form as a reader sees it, each distinct text worked out once
    # the columns' places in each row's values, in the order they are set below: the absent, the read, the cell given
    at = {name: i for i, name in enumerate([*absent, *(c.name for c in columns)]
                                           + ([_GIVEN] if spec.name == "survey_responses" else []))}

    row_of = _Row.of(at)

    def same_id(text: str) -> str:
        if (form := forms.get(text)) is None:
            form = schema.same_id(text, loose=False)
            if len(forms) < 500_000:
                forms[text] = form
        return form

    cells_of = cells_picker([c.name for c in columns])  # a row's cells of the columns read, taken at once
    for line, rec in records:
        summary = _summary_cell(spec, rec)
        if summary is not None:  # one problem for the row, not one for each cell a council's row would fill
            col, text, what = summary
            each = ("a council" if col in ("council_id", "name", "ons_code")
                    else f"one {col.removesuffix('_id').replace('_', ' ')}")  # a total in an interview's id
            problems.append(Problem(f, line, col, text, f"{each} on each row, not a summary row ({what}): delete "
                                    "the row - impact totals and compares the councils itself, and a summary read "
                                    "as a council would count every council's figures twice"))
            continue
        values: dict[str, Any] = dict(absent)
        for col, text in zip(columns, cells_of(rec)):
            if text == "":
                if col.required:
                    problems.append(Problem(f, line, col.name, "", f"a value ({col.description})"
                                            + merged.get((col.name, line), "")))
                values[col.name] = None
                continue
            if (col.name, line) in ambiguous:  # not read either way: neither reading is checked further
                problems.append(Problem(f, line, col.name, text, ambiguous[(col.name, line)]))
                values[col.name] = None
                continue
            if len(text) > MAX_CELL_CHARS:
                # refused by the reader as too long (one problem for one cause): its characters judged one by one
                # took 11 s of CPU for one 10 MB line (the scripts and forms of each of its characters)
                values[col.name] = None
                continue
            seen = memo[col.name]
            judged = seen.get(text)
            if judged is None:
                judged = judge(col, text)
                if len(seen) < 200_000:
                    seen[text] = judged
            values[col.name] = judged[0]
            if col.type == "int" and judged[0] is not None and "." in text:  # '4.0': a whole number saved as a float
                pointed.setdefault(col.name, []).append((line, text))
            for shown, expected, severity in judged[1]:
                problems.append(Problem(f, line, col.name, shown, expected, severity))
        # Parsed values (2013-03-31 and 31/03/2013 are one key), text as a reader sees it (P1 and p1 are one key).
        k = tuple(same_id(v) if isinstance(v, str) else v for v in (values[c] for c in spec.key))
        repeated = spec.key and None not in k and k in keys  # a row given twice: its other values not again
        if spec.key and None not in k:
            given = {c: rec.given[c] for c in spec.key if c in getattr(rec, "given", {})}
            if repeated:
                what = key_text(values)
                first, first_values = _row_at(rows, keys[k])
                shown, given_first = key_text(first_values), given_at.get(first, {})
                again = "" if what == shown else f" as {shown}, the same but for case or spacing"
                if not again and (given or given_first):  # '302 ' and '302': the space is all that differs
                    where, cells = ("on this row", given) if given else (f"on row {first}", given_first)
                    again = "; the two differ only in " + " and ".join(
                        f"{_spaces_around(cell)} of {cell!r}" for cell in cells.values()) + f" {where}: take it out"
                problems.append(Problem(f, line, spec.key[0], what,
                                        f"a unique {'/'.join(spec.key)} (already on row {first}{again})"))
            else:  # the row that will hold it (its text made again if the key is given twice: a million rows, no copy)
                keys[k] = line
                if given:
                    given_at[line] = given
        for col, seen_values in unique.items():
            text = values.get(col.name)
            if isinstance(text, str) and text and not repeated:
                first, shown = seen_values.setdefault(schema.same_id(text, loose=False), (line, text))
                if first != line:  # an id names one thing: an error; a name may be shared (Dorset, 835 and 838)
                    again = "" if shown == text else f" as {shown!r}, {schema.how_same(text, shown)}"
                    shared = "" if col.type == "id" else "; two councils of one name are told apart by id only"
                    problems.append(Problem(f, line, col.name, text, f"each {col.name} once (already on row "
                                            f"{first}{again}){shared}", "error" if col.type == "id" else "warning"))
        for name, seen_forms in alike.items():  # "\u04201" (Cyrillic Er) beside "P1": two ids that look the same
            text = values.get(name)
            if isinstance(text, str) and text and not repeated:
                form = schema.same_id(text, loose=False)
                first, shown, first_form = seen_forms.setdefault(schema.latin_lookalike(text), (line, text, form))
                if first_form != form:
                    held = schema.lookalike_names(text) or schema.lookalike_names(shown)
                    problems.append(Problem(f, line, name, text, f"{kinds[name]} that do not look alike ({text!r} looks like "
                                            f"{shown!r} on row {first}, yet is another {name}: one of them holds "
                                            f"{held}; retype it if they are one)", "warning"))
        if spec.name == "survey_responses":  # an answer out of its scale is shown as written ('1,000', not 1000)
            values[_GIVEN] = rec.get("value", "")
        rows.append((line, row_of(values.values())))
    parsed[spec.name] = rows
    problems += [_whole_with_point(f, name, cells) for name, cells in pointed.items()]
    if not ambiguous:  # dates the file shows to be month first are refused already
        problems += _day_first_notes(f, columns, records)
    return problems


def _whole_with_point(file: str, column: str, cells: list[tuple[int, str]]) -> Problem:
    """The note that whole numbers of ``column`` are written with a decimal point ('4.0', as a spreadsheet or pandas
    saves the whole numbers of a column holding blanks), read as the whole numbers they are: one for the column,
    naming its first rows.  (An id so written, '302.0', is refused with the fix: an id is text.)"""
    line, text = cells[0]
    rows = _listing([str(r) for r, _ in cells], limit=5)
    number = text.split(".")[0].lstrip("+")
    many = len(cells) > 1
    return Problem(file, line, column, text, f"a whole number without a decimal point ({len(cells):,} cell"
                   f"{'s' if many else ''} in column {column}, on row{'s' if many else ''} {rows}, "
                   f"{'are' if many else 'is'} written with a decimal point, as a spreadsheet or pandas saves whole "
                   f"numbers in a column with blanks: read as whole numbers, {text!r} as {number})", "warning")


def _pattern_text(col: schema.Column) -> str:
    if col.name == "council_id":
        return "a DfE three-digit local authority number, as text (e.g. 301)"
    if col.name == "ons_code":
        return "an ONS code such as E09000002"
    return f"text matching {col.pattern}"


def _check_references(parsed, broken: set[str] = frozenset(), cell_problems: list[Problem] = (), *,
                      absent: set[str] = frozenset()) -> tuple[list[Problem], set[tuple]]:
    """Each reference to a council, participant or action not listed where it is defined: one problem per cause.

    A table referred to that is optional and not in the study folder (``absent``) is said to be missing, not to have
    no rows (newuser7: 'actions.csv, which has no rows' with actions.csv saved as 'actions (2).csv').

    A cell already reported as malformed (``cell_problems``: ``P\u202e2``, a pattern it misses) is not reported again
    as unknown; a reference to a key that is malformed where it is defined (``0301`` in councils.csv, named ``301``
    everywhere else) is told in that key's problem, once, not on every row of every table that names it.  So is a
    reference that names the refused key as it is written there (``P\u04302`` in participants.csv and in
    interviews.csv): its own problem, the same complaint, is one cause with the key's, and is left out
    (returned as ``(file, row, column, value, expected)`` in the second item).  A reference that is a listed key
    written another way says which (``did you mean '301'?``).
    """
    flawed: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (file, column) -> {same_id form: value}
    refused: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (file, column) -> {value: expected}
    # (file, column) -> each key refused there, blank ones too ("" for a key left out), in row order: a reference
    # no listed key answers is told with one of them, the row most likely meant, not blamed on the file naming it
    orphans: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in cell_problems:
        if p.row is not None and p.row > 1 and p.value and p.severity == "error":
            flawed[(p.file, p.column)].setdefault(schema.same_id(p.value), p.value)
            refused[(p.file, p.column)].setdefault(p.value, p.expected)
        if (p.row is not None and p.row > 1 and p.value is not None and p.severity == "error"
                and not p.expected.startswith(("a unique", "a council on each row"))):
            orphans[(p.file, p.column)].append(p.value)
    out: list[Problem] = []
    told: set[tuple] = set()
    named_as: dict[tuple[str, str, str], list[tuple[str, int, str]]] = defaultdict(list)
    meant: dict[tuple[str, str, str], list[tuple[str, int, str]]] = defaultdict(list)  # (as named_as) a guess
    for name, spec in TABLES.items():
        for col in spec.columns:
            if not col.references:
                continue
            table, column = col.references
            defined = TABLES[table].filename
            if defined in broken:
                continue  # the referenced file is missing or unreadable: reported once already
            if not parsed.get(table) and name != table:  # a table with no rows: one problem, not one per reference
                if table != "councils":  # (no councils is one problem of councils.csv already)
                    rows = [line for line, v in parsed.get(name, []) if v.get(col.name) is not None]
                    if rows:
                        out.append(Problem(spec.filename, None, col.name, None, f"{column}s listed in {defined}, which "
                                           + ("is not in the study folder" if defined in absent else "has no rows")
                                           + f" (this table names one on {_counted(len(rows), 'row')}, first row "
                                           f"{rows[0]})"))
                continue
            known = {v[column] for _, v in parsed.get(table, []) if v.get(column) is not None}
            council_hints: dict[str, str] = {}
            forms = {schema.same_id(k): k for k in known}
            alike = {schema.latin_lookalike(k): k for k in known}
            malformed_here = flawed.get((spec.filename, col.name), {})
            malformed_there = flawed.get((defined, column), {})
            refused_there = refused.get((defined, column), {})
            for line, v in parsed.get(name, []):
                val = v.get(col.name)
                if val is None:
                    continue
                if val in refused_there:  # the key as it is refused where it is defined: told there, once
                    named_as[(defined, column, val)].append((spec.filename, line, val))
                    told.add((spec.filename, line, col.name, val, refused_there[val]))
                    continue
                if val in known or malformed_here.get(schema.same_id(val)) == val:
                    continue
                form = schema.same_id(val)
                if form in malformed_there:
                    named_as[(defined, column, malformed_there[form])].append((spec.filename, line, val))
                    continue
                hint = f" (did you mean {forms[form]!r}?)" if form in forms else ""
                if not hint and (twin := alike.get(schema.latin_lookalike(val))) is not None:  # "P1" for "\u04201"
                    hint = (f" (did you mean {twin!r}? one of the two holds "
                            f"{schema.lookalike_names(val) or schema.lookalike_names(twin)})")
                if not hint and orphans.get((defined, column)) and name != table:
                    # '302' named where councils.csv's row for it says '30x' or nothing: one cause, told on that row
                    meant[(defined, column, _likeliest(val, orphans[(defined, column)]))].append(
                        (spec.filename, line, val))
                    continue
                if not hint and (table, column) == ("councils", "council_id"):  # a name or code, not an id
                    # once per value: a table of 3,000 rows naming one unknown council read the register 3,000 times
                    if val not in council_hints:
                        council_hints[val] = _council_named(val, parsed.get("councils", []), known)
                    hint = council_hints[val]
                out.append(Problem(spec.filename, line, col.name, val, f"a {column} listed in {defined}{hint}"))
    return out + _told_where_named(named_as, cell_problems, meant), told


def _councils_named(values: set[str], councils: list[tuple[int, dict]]) -> set[str]:
    """The council_ids of councils.csv's rows whose name or ONS code is one of ``values`` (given where an id was
    asked: :func:`_council_named` says so on their rows)."""
    from .councils import normalise_name

    names = {normalise_name(v) for v in values} - {""}
    codes = {v.strip().upper() for v in values} - {""}
    return {v["council_id"] for _, v in councils if v.get("council_id") and (
        normalise_name(v.get("name") or "") in names or (v.get("ons_code") or "") in codes)}


def _council_named(value: str, councils: list[tuple[int, dict]], known: set[str]) -> str:
    """A hint where ``value``, given for a council_id, names a council another way: its name or ONS code in
    councils.csv, or a name, former name, ONS code (a former one too) or Ofsted URN (not a council_id) of impact's register
    (:func:`impact.councils.council_crosswalk`; a former council's successors listed in councils.csv named), or
    ``""``."""
    from .councils import boundary_changes, council_crosswalk, normalise_name

    name, code = normalise_name(value), value.strip().upper()
    for line, v in councils:
        if v.get("council_id") and (normalise_name(v.get("name") or "") == name or (v.get("ons_code") or "") == code):
            what = "name" if normalise_name(v.get("name") or "") == name else "ONS code"
            return f" (it is the {what} of council {v['council_id']} on councils.csv row {line}: write its council_id)"
    cw = council_crosswalk()
    # a council_id (a number the register knows, not listed) is not a council named another way
    hits = cw[((cw.key_type == "name") & (cw.key == name)) | (cw.key_type.isin(["ons_code", "ofsted_urn"])
                                                                 & (cw.key == code))]
    ids = list(dict.fromkeys(hits.council_id))
    listed = [c for c in ids if c in known]
    if listed:
        return (f" (impact's register knows {value!r} as council {' or '.join(listed)}, listed in councils.csv: "
                "write its council_id)")
    if ids:  # a former council: its successors listed in councils.csv are what the study may mean
        after = [(str(ch.date)[:10], c) for ch in boundary_changes().itertuples()
                 if set(ids) & set(str(ch.predecessors).split(";")) for c in str(ch.successors).split(";") if c in known]
        later = "" if not after else (f"; {' or '.join(dict.fromkeys(c for _, c in after))}, listed, succeeded it on "
                                      f"{after[0][0]} (impact.councils.boundary_changes)")
        return (f" (impact's register knows {value!r} as council {' or '.join(ids)}, which councils.csv does not "
                f"list{later}: add its row, or write the council_id of a council listed)")
    return ""


def _likeliest(value: str, refused: list[str]) -> str:
    """Of the keys refused where they are defined, the one ``value`` most likely names: the first the one matcher of
    every did-you-mean finds (:func:`impact.schema.close_matches`: a look-alike letter, a key ``value`` starts or one
    that starts with it, '302' for '302 (Barnet)', an abbreviation, then the most alike); where it finds none, the
    most alike still (a blank key last, the first of equals), as each reference is told on one key's row.

    >>> _likeliest("302", ["320x", "302 (Barnet)"]), _likeliest("302", ["", "x"])
    ('302 (Barnet)', 'x')
    """
    import difflib

    found, _ = schema.close_matches(value, [k for k in refused if k], n=1)
    if found:
        return found[0]
    return max(refused, key=lambda k: (difflib.SequenceMatcher(None, k, value).ratio() if k else -1.0))


def _told_where_named(named_as: dict[tuple[str, str, str], list[tuple[str, int, str]]],
                      cell_problems: list[Problem],
                      meant: dict[tuple[str, str, str], list[tuple[str, int, str]]] | None = None) -> list[Problem]:
    """The problems of malformed keys, each saying where the other tables name the key (see :func:`_check_references`).

    ``meant``: references no listed key answers, each with the refused key most likely meant; told on that key's row
    as the references it may be, not as a problem of each file naming them.  Returned as replacements:
    :func:`_check` puts each in the place of the problem it extends.
    """
    out = []
    meant = meant or {}
    for key in meant:
        named_as.setdefault(key, [])
    for (defined, column, value), uses in named_as.items():
        first = next(p for p in cell_problems if p.file == defined and p.column == column and p.value == value
                     and p.row is not None)
        told = ""
        same = [(f, line) for f, line, val in uses if val == value]
        other = [(f, line, val) for f, line, val in uses if val != value]
        if same:
            files = list(dict.fromkeys(f for f, _ in same))
            told += (f"; the other files name it so on {_counted(len(same), 'row')} of {', '.join(files)} (first "
                     f"{same[0][0]}:{same[0][1]}), to be corrected with it")
        if other:
            files = list(dict.fromkeys(f for f, _, _ in other))
            names = sorted({val for _, _, val in other})
            told += (f"; the other files name it {' or '.join(map(repr, names))} on {_counted(len(other), 'row')} of "
                     f"{', '.join(files)}, which refer to this row once it is corrected")
        guessed = meant.get((defined, column, value), [])
        if guessed:
            files = list(dict.fromkeys(f for f, _, _ in guessed))
            names = sorted({val for _, _, val in guessed})
            told += (f"; the other files name {' and '.join(map(repr, names[:5]))}{' ...' if len(names) > 5 else ''}, "
                     f"which no row of {defined} lists, on {_counted(len(guessed), 'row')} of {', '.join(files)} (first "
                     f"{guessed[0][0]}:{guessed[0][1]}): is this row {column} {names[0]!r}"
                     f"{' or another of them' if len(names) > 1 else ''}? Correct it, or those rows; they are not "
                     f"checked against {defined} until then")
        out.append(dataclasses.replace(first, expected=first.expected + told))
    return out


#: The kind of council each ONS code prefix is (GSS codes): the four that have children's services duties.
_ONS_TYPES = {"E06": "unitary", "E08": "metropolitan_district", "E09": "london_borough", "E10": "county"}
_TYPE_NAMES = {"unitary": ("a unitary council", "unitary councils'"),
               "metropolitan_district": ("a metropolitan district", "metropolitan districts'"),
               "london_borough": ("a London borough", "London boroughs'"), "county": ("a county council",
                                                                                "county councils'")}
_ONS_OTHER = {"E07": "a non-metropolitan district's (districts have no children's services)",
              "E05": "an electoral ward's", "E14": "a parliamentary constituency's", "E11": "a metropolitan county's",
              "E01": "a lower layer super output area's", "E02": "a middle layer super output area's"}


def _check_register(parsed) -> list[Problem]:
    """councils.csv against the kinds of ONS code and impact's register of councils (:mod:`impact.councils`).

    An ONS code of another kind than the row's council_type (E10, a county's, on a unitary's row), or of no council
    with children's services (E07, a district's), is an error; so is the ONS code the register gives another council
    (two councils' rows that would be joined to one's figures).  A code the register does not hold for a council it
    knows, and a review while the register's council did not exist (Bournemouth, 837, after April 2019), are warnings.
    """
    from .councils import council_list  # the register: read only when a study is checked

    f = TABLES["councils"].filename
    rows = parsed.get("councils", [])
    if not rows:
        return []
    register = council_list(include_former=True)
    by_id = {r.council_id: r for r in register.itertuples()}
    owner = {}
    for r in register.itertuples():
        for code in [r.ons_code, *[c for c in r.ons_code_previous.split(";") if c]]:
            owner.setdefault(code, r)
    reviews = {v["council_id"]: (line, v) for line, v in parsed.get("reviews", []) if v.get("council_id")}
    out = []
    for line, v in rows:
        cid, ons, kind = v.get("council_id"), v.get("ons_code"), v.get("council_type")
        known = by_id.get(cid)
        if ons and ons.startswith("E"):
            prefix = ons[:3]
            if prefix not in _ONS_TYPES:
                what = _ONS_OTHER.get(prefix, f"not a council's with children's services ({prefix})")
                out.append(Problem(f, line, "ons_code", ons, "the ONS code of a council with children's services (E06 "
                                   f"unitary, E08 metropolitan district, E09 London borough, E10 county): this is {what}"
                                   + (f"; the register gives council {cid} ({known.name}) {known.ons_code}" if known
                                      is not None else "")))
                continue
            if kind in _ONS_TYPES.values() and _ONS_TYPES[prefix] != kind:
                out.append(Problem(f, line, "ons_code", ons, f"the ONS code of {_TYPE_NAMES[kind][0]} "
                                   f"({next(k for k, t in _ONS_TYPES.items() if t == kind)}...), as council_type "
                                   f"{kind!r} says; {prefix} codes are {_TYPE_NAMES[_ONS_TYPES[prefix]][1]}"))
                continue
        if known is None or not ons:
            continue
        codes = [known.ons_code, *[c for c in known.ons_code_previous.split(";") if c]]
        if ons not in codes:
            other = owner.get(ons)
            if other is not None and other.council_id != cid:
                out.append(Problem(f, line, "ons_code", ons, f"the ONS code of council {cid} ({known.name}): "
                                   f"{' or '.join(codes)} in impact's register; {ons} is {other.name}'s "
                                   f"({other.council_id})"))
            else:
                out.append(Problem(f, line, "ons_code", ons, f"an ONS code of council {cid} ({known.name}) "
                                   f"impact's register holds ({' or '.join(codes)}): is it misspelt?",
                                   severity="warning"))
        at, review = reviews.get(cid, (None, {}))
        start = review.get("start_date")
        if start is None:
            continue
        if not pd.isna(known.valid_to) and start > known.valid_to:
            out.append(Problem(TABLES["reviews"].filename, at, "council_id", cid, f"a council in being at its review "
                               f"(the register has {known.name}, {cid}, abolished after {known.valid_to:%Y-%m-%d}; "
                               f"this review starts {start:%Y-%m-%d}: see impact.councils.boundary_changes)",
                               severity="warning"))
        elif not pd.isna(known.valid_from) and start < known.valid_from:
            out.append(Problem(TABLES["reviews"].filename, at, "council_id", cid, f"a council in being at its "
                               f"review (the register has {known.name}, {cid}, from {known.valid_from:%Y-%m-%d}; "
                               f"this review starts {start:%Y-%m-%d}: see impact.councils.boundary_changes)",
                               severity="warning"))
    return out


#: Ofsted's grades by number (1 best), as inspection data files give them; grade 3 was 'adequate' before the single
#: inspection framework (:data:`impact.vocab.SIF_START`), 'requires_improvement' from it.
_OFSTED_GRADES = {"1": "outstanding", "2": "good", "4": "inadequate"}


def _ofsted_grade(status: str, start: pd.Timestamp | None, sif: pd.Timestamp) -> str:
    """A hint naming the judgement an Ofsted grade number ('2', 'Grade 2') stands for, or ""."""
    m = re.fullmatch(r"\s*(?:grade\s*)?([1-4])(?:\.0)?\s*", status, flags=re.IGNORECASE)
    if not m:
        return ""
    grade = m[1]
    if grade == "3":
        meant = ("'adequate'" if start is not None and start < sif else "'requires_improvement'" if start is not None
                 else "'requires_improvement' (from 4 November 2013) or 'adequate' (before)")
    else:
        meant = repr(_OFSTED_GRADES[grade])
    return f" (Ofsted's grade {grade} is {meant}: write the judgement's name)"


def _same_words(value: str, allowed, shown, lead: str = "") -> str:
    """What a vocabulary cell holding an allowed id in another case or spacing ('Requires Improvement', 'Notice To
    Improve', 'requires-improvement') is expected to be, or "" where it is not one: the id as impact writes it, and
    why it is refused rather than read (newuser6). Ids are read as written everywhere in impact (a code differing
    from another only in case is refused too, round 44): a study file holding two spellings of one status would carry
    both into every table made from it, and one find-and-replace makes the file right for good.

    Examples
    --------
    >>> _same_words("Notice To Improve", {"notice_to_improve", "improvement_notice"}, ["improvement_notice",
    ...             "notice_to_improve"])  # doctest: +ELLIPSIS
    "the id 'notice_to_improve' as impact writes it (one of ['improvement_notice', 'notice_to_improve']): ..."
    >>> _same_words("Notice", {"notice_to_improve"}, ["notice_to_improve"])
    ''
    """
    form = schema.same_id(value)
    meant = [c for c in allowed if schema.same_id(c) == form]
    if len(meant) != 1 or not value.strip():
        return ""
    return (f"{lead}the id {meant[0]!r} as impact writes it (one of {list(shown)}): {value!r} is the same words in "
            "another case, spacing or punctuation, and impact reads its ids as written (replace it in every row of the column)")


def _check_status(parsed) -> list[Problem]:
    f = TABLES["status_history"].filename
    out = []
    by_key: dict[tuple[str, str], list[tuple[int, pd.Timestamp, pd.Timestamp | None]]] = defaultdict(list)
    sif = pd.Timestamp(vocab.SIF_START)
    today = pd.Timestamp.today().normalize()
    for line, v in parsed.get("status_history", []):
        kind, status, start, end = v.get("kind"), v.get("status"), v.get("start_date"), v.get("end_date")
        if kind in vocab.STATUSES and status is not None:
            allowed = vocab.STATUSES[kind]
            if status not in allowed and (same := _same_words(status, allowed, sorted(allowed), f"for kind {kind}, ")):
                out.append(Problem(f, line, "status", status, same))
            elif status not in allowed:
                hint = schema.did_you_mean(status, allowed)
                if kind == "ofsted_judgement" and not hint:
                    hint = _ofsted_grade(status, start, sif)
                out.append(Problem(f, line, "status", status, f"for kind {kind}, one of {sorted(allowed)}{hint}"))
            elif kind == "ofsted_judgement" and start is not None:
                if status == "adequate" and start >= sif:
                    out.append(Problem(f, line, "status", status, "requires_improvement: 'adequate' was replaced for judgements from 4 November 2013"))
                if status == "requires_improvement" and start < sif:
                    out.append(Problem(f, line, "status", status, "adequate: 'requires improvement' was only used for judgements from 4 November 2013"))
        if start is not None and end is not None and end < start:
            out.append(Problem(f, line, "end_date", end.strftime("%Y-%m-%d"), f"a date on or after start_date {start:%Y-%m-%d}"))
        if start is not None and start > today:  # a notice not yet issued: a mistyped year (2027 for 2017) read as no status
            out.append(Problem(f, line, "start_date", f"{start:%Y-%m-%d}", f"a date on or before today ({today:%Y-%m-%d}): "
                               f"the {kind or 'status'} holds from the day it began (a judgement published, a notice "
                               "issued), which cannot be later than today, and the council would be read as without it "
                               "until then; is the year mistyped?"))
        if v.get("council_id") and kind and start is not None:
            by_key[(v["council_id"], kind)].append((line, start, end))
    for (council, kind), periods in by_key.items():
        periods.sort(key=lambda p: p[1])
        for (l1, s1, e1), (l2, s2, _e2) in zip(periods, periods[1:]):
            if e1 is None or e1 >= s2:
                out.append(
                    Problem(f, l2, "start_date", s2.strftime("%Y-%m-%d"),
                            f"a period not overlapping row {l1} ({kind} of council {council} from {s1:%Y-%m-%d} "
                            f"{'still in force' if e1 is None else 'to ' + e1.strftime('%Y-%m-%d')})")
                )
    return out


def _status_within_waves(parsed, derived: dict[int, str]) -> list[Problem]:
    """A warning for each status that changes between a council's interviews of one wave (a notice issued, or lifted,
    between its first and its last interview there): the panels give a council one status a wave, the one in force
    at the median date of its interviews there (:meth:`impact.Study.wave_dates`), so interviews held under another
    status are counted under that one. Told on the first row that changes it, with every change and the status read.
    """
    f = TABLES["status_history"].filename
    held: dict[tuple[str, str], list[pd.Timestamp]] = defaultdict(list)
    for line, v in parsed.get("interviews", []):
        wave = v.get("wave") or derived.get(line)
        if v.get("council_id") and wave and v.get("date") is not None:
            held[(v["council_id"], wave)].append(v["date"])
    periods: dict[tuple[str, str], list[tuple[int, str, pd.Timestamp, pd.Timestamp | None]]] = defaultdict(list)
    for line, v in parsed.get("status_history", []):
        if v.get("council_id") and v.get("kind") and v.get("status") and v.get("start_date") is not None:
            periods[(v["council_id"], v["kind"])].append((line, v["status"], v["start_date"], v.get("end_date")))
    out = []
    for (council, wave), dates in held.items():
        first, last = min(dates), max(dates)
        if first == last:
            continue
        middle = pd.Series(dates).median()  # as wave_dates reads the wave's date
        for kind in vocab.STATUSES:
            rows = sorted(periods.get((council, kind), []), key=lambda p: p[2])
            # a change: a status beginning after the first interview, or ending before the last (a day after its end)
            changes = ({start for _, _, start, _ in rows if first < start <= last}
                       | {end + pd.Timedelta(days=1) for _, _, _, end in rows if end is not None and first <= end < last})
            if not changes:
                continue
            during = [(ln, status, start, end) for ln, status, start, end in rows
                      if start <= last and (end is None or end >= first)]
            now = [status for _, status, start, end in rows if start <= middle and (end is None or end >= middle)]
            shown = [status + (f" from {start:%Y-%m-%d}" if start > first else "")
                     + (f" to {end:%Y-%m-%d}" if end is not None and end < last else "") for _, status, start, end in during]
            line, _, start, end = next(r for r in during if r[2] > first or (r[3] is not None and r[3] < last))
            column, value = ("start_date", start) if start > first else ("end_date", end)
            out.append(Problem(f, line, column, f"{value:%Y-%m-%d}", f"one {kind} through council {council}'s {wave} "
                               f"interviews ({first:%Y-%m-%d} to {last:%Y-%m-%d}), as the panels give a council one "
                               f"status a wave: it changes {_counted(len(changes), 'time')} between them "
                               f"({'row' if len(during) == 1 else 'rows'} {', '.join(str(r[0]) for r in during)}: "
                               f"{', '.join(shown)}), and the wave is read as "
                               f"{now[-1] if now else 'no ' + kind}, the status at the median interview date "
                               f"{middle:%Y-%m-%d}, for the interviews held under another too", severity="warning"))
    return out


def _check_reviews(parsed) -> list[Problem]:
    f = TABLES["reviews"].filename
    out = []
    for line, v in parsed.get("reviews", []):
        if v.get("start_date") is not None and v.get("end_date") is not None and v["end_date"] < v["start_date"]:
            out.append(Problem(f, line, "end_date", f"{v['end_date']:%Y-%m-%d}", f"a date on or after start_date {v['start_date']:%Y-%m-%d}"))
        elif (v.get("start_date") is not None and v.get("end_date") is not None
              and (days := (v["end_date"] - v["start_date"]).days) > _LONGEST_REVIEW_DAYS):
            out.append(Problem(f, line, "end_date", f"{v['end_date']:%Y-%m-%d}", f"a review of days or weeks (this "
                               f"one runs {days:,} days from {v['start_date']:%Y-%m-%d}, and the waves are timed from "
                               "it: is a year or month mistyped?)", severity="warning"))
        if v.get("themes"):
            items = [t.strip() for t in v["themes"].split(LIST_SEP)]
            have = set(items)
            # a core theme misspelt, or themes joined by commas, is told as such where the item is judged: not again
            # as a core theme missing
            given = {t for item in have for t in (item, *item.split(",")) for t in (t.strip(),)}
            said = {m for item in given if item not in vocab.THEMES
                    for m in schema.close_matches(item, vocab.CORE_THEMES)[0]}
            lacking = [t for t in vocab.CORE_THEMES if t not in given and t not in said]
            if lacking:  # a theme given twice is told with the cell's other checks
                out.append(Problem(f, line, "themes", v["themes"], f"all five core themes (missing {lacking})"))
    return out


#: Action statuses an action cannot return to ``not_started`` from: work done is not undone by not starting it.
#: Other steps back are real (an action re-opened, ``completed`` then ``in_progress``; one paused) and accepted.
_DONE_ACTIONS = frozenset(("completed", "embedded"))


def _check_actions(parsed, wave_order: list[str]) -> list[Problem]:
    """Warnings for actions.csv and action_progress.csv: an action whose theme its council's review did not cover
    (the reviews of that council list their themes; an action plan answers what the review found), and an action
    ``not_started`` at a wave after one where it was ``completed`` or ``embedded`` (waves or actions mixed up)."""
    out = []
    reviewed: dict[str, set[str]] = defaultdict(set)
    for _, v in parsed.get("reviews", []):
        if v.get("council_id") and v.get("themes"):
            reviewed[v["council_id"]] |= {t.strip() for t in v["themes"].split(LIST_SEP)}
    f = TABLES["actions"].filename
    for line, v in parsed.get("actions", []):
        themes = reviewed.get(v.get("council_id") or "")
        if themes and v.get("theme") and v["theme"] not in themes:
            out.append(Problem(f, line, "theme", v["theme"], f"a theme council {v['council_id']}'s review covered "
                               f"({', '.join(sorted(themes))}): an action answers what its review found; is the "
                               "theme or the council mistyped?", severity="warning"))
    f = TABLES["action_progress"].filename
    rank = {w: i for i, w in enumerate(wave_order)}
    done: dict[str, tuple[int, int, str, str]] = {}  # action -> (wave's place, row, wave, status) of its first done
    rows = sorted((rank[v["wave"]], line, v) for line, v in parsed.get("action_progress", [])
                  if v.get("wave") in rank and v.get("action_id") and v.get("status"))
    for at, line, v in rows:
        first = done.get(v["action_id"])
        if v["status"] in _DONE_ACTIONS and first is None:
            done[v["action_id"]] = (at, line, v["wave"], v["status"])
        elif v["status"] == "not_started" and first is not None and first[0] < at:
            out.append(Problem(f, line, "status", v["status"], f"progress that does not go back to not_started "
                               f"(action {v['action_id']} was {first[3]} at {first[2]}, row {first[1]}: an action "
                               "done is not then not started; are the waves or actions mixed up?)",
                               severity="warning"))
    return out


def _check_indicators(parsed) -> list[Problem]:
    """Each row of indicators.csv with both a value and a flag (the flag says why the value is missing), and each
    measure written otherwise than on its first row but for case or spacing."""
    f = TABLES["indicators"].filename
    out = [Problem(f, line, "flag", v["flag"], f"a blank flag where a value is given (the flag says why the value is "
                   f"missing, yet the row has the value {v['value']:g}, which would be counted as a value and as "
                   "missing): clear the value or the flag")
           for line, v in parsed.get("indicators", []) if v.get("flag") and v.get("value") is not None]
    return out + _written_two_ways(parsed, "indicators", "measure", "two measures whose files are one where names "
                                   "ignore case")


def _written_two_ways(parsed, table: str, column: str, then: str, severity: str = "error") -> list[Problem]:
    """Each row whose ``column`` is a value of an earlier row written otherwise but for case or spacing (``S1``,
    ``s1``): the two would be read as two (``then`` says what follows)."""
    f = TABLES[table].filename
    out = []
    first: dict[str, tuple[int, str]] = {}  # a value's form ignoring case and spacing -> its first row and spelling
    for line, v in parsed.get(table, []):
        if isinstance(text := v.get(column), str) and text:
            row, shown = first.setdefault(schema.same_id(text, loose=False), (line, text))
            if shown != text:
                out.append(Problem(f, line, column, text, f"each {column.replace('_', ' ')} written one way ({shown!r} "
                                   f"on row {row} is the same but for case or spacing, and they would be {then})",
                                   severity))
    return out


#: A peer review takes days on site; one recorded as running longer than this is told (a year or month mistyped
#: moves every wave's window, timed from the review).
_LONGEST_REVIEW_DAYS = 90


def _check_interviews(parsed, waves, read, exists, suffixes, *, transcripts_issue: str | None = None,
                      derived: dict[int, str] | None = None,
                      reviews_unread: bool = False, folder: Path | None = None,
                      written: dict[int, str] | None = None) -> list[Problem]:
    """Rows of interviews.csv; with ``transcripts_issue`` (the transcripts/ folder is missing or links out) the
    transcript files are not looked for, and one problem says how many the folder should hold.  With
    ``reviews_unread`` (reviews.csv could not be read, a problem already said why) no council is said to lack a
    review.  ``written``: each row's date cell as written, shown in its problems (a date written '08/05/2011' is
    told so, not as '2011-05-08', and where it reads two ways, with the other reading)."""
    f = TABLES["interviews"].filename
    out = []
    unlooked = 0
    reviews: dict[str, dict] = {}
    for _, v in parsed.get("reviews", []):  # a council's first review: a second row for it is refused as such
        if v.get("council_id"):
            reviews.setdefault(v["council_id"], v)
    # A review naming a council another way ('0301' for 301) is reported as such: not again as a council with none.
    councils = {v["council_id"] for _, v in parsed.get("councils", []) if v.get("council_id")}
    # A participant's council that is no listed council is reported as such: its interviews are not compared with it.
    council_of = {v["participant_id"]: v["council_id"] for _, v in parsed.get("participants", [])
                  if v.get("participant_id") and v.get("council_id") in councils}
    misnamed = {schema.same_id(c) for c in reviews if c not in councils}
    # a review naming its council by name or ONS code ('Brent' for 304, told so on its row): its council's interviews
    # are not said to lack a review as well, one row per council of every table that names it by its id
    misnamed |= {schema.same_id(c) for c in _councils_named(set(reviews) - councils, parsed.get("councils", []))}
    windows = {str(w["id"]): w for w in waves}
    no_review_reported = set()
    named: dict[str, int] = {}
    looks: dict[str, tuple[int, str]] = {}  # a transcript path as it looks (_looks_form) -> the first row naming it
    today = pd.Timestamp.today().normalize()
    held_file: dict[tuple[int, int], tuple[int, str]] = {}  # a transcript file (device, inode) -> first row, path
    listed: dict[Path, list[str]] = {}  # a folder inside transcripts/ -> the names in it (read once)
    held_at: dict[tuple, tuple] = {}  # (participant, wave) -> (row, interview id) of the first interview there
    held_text: dict[str, tuple[int, str]] = {}  # a transcript's words (hashed) -> the row and file first holding them
    alike_told: list[Problem] = []  # two paths that look the same, told where nothing else is told of the row
    named_parts = {part for _, v in parsed.get("interviews", []) if v.get("transcript")
                   for part in _normal_transcript(v["transcript"]).split("/")}
    for line, v in parsed.get("interviews", []):
        pid, cid = v.get("participant_id"), v.get("council_id")
        # no listed council ('999', '3.01E+02'): told as such by the references, not again as another participant's
        # council or a council without a review
        unlisted = bool(councils) and bool(cid) and cid not in councils
        if council_of.get(pid) is not None and cid and council_of[pid] != cid and not unlisted:  # None: not known
            out.append(Problem(f, line, "council_id", cid, f"the council of participant {pid} ({council_of[pid]})"))
        date, wave = v.get("date"), v.get("wave")
        shown = (written or {}).get(line) or (f"{date:%Y-%m-%d}" if date is not None else "")  # the cell as written
        # '08/05/2011', read day first as 8 May: the other reading, 5 August (US settings), where the checks tell it
        either = schema.DAY_MONTH_YEAR.fullmatch(schema.without_midnight(shown))
        other = (pd.Timestamp(int(either["y"]), int(either["d"]), int(either["m"])) if either is not None
                 and int(either["d"]) <= 12 and int(either["m"]) <= 12 and either["d"] != either["m"] else None)
        if date is not None and date > today:  # talk not yet held: a mistyped year (2027 for 2017) read as held
            out.append(Problem(f, line, "date", shown, f"a date on or before today ({today:%Y-%m-%d}): "
                               "an interview is dated the day it was held, and its transcript is of talk held by "
                               "today; is the year mistyped?"))
        read_wave = wave  # the wave the study reads: the one given, else the one whose window holds the date
        review = reviews.get(cid)
        if date is not None and cid and review is None:
            if not unlisted and cid not in no_review_reported and not reviews_unread and schema.same_id(cid) not in misnamed:
                out.append(Problem(f, line, "council_id", cid, "a council with a row in reviews.csv (waves are timed from the review)"))
                no_review_reported.add(cid)
        elif date is not None and review is not None and windows:
            offset = functools.partial(_offset, review=review, date=date)
            if wave is not None and wave in windows:
                w = windows[wave]
                off = offset(w)
                lo, hi = w["window_days"]
                if off is not None and not lo <= off <= hi:
                    # the wave whose window the date falls in, if any: a wave mislabelled, or a date mistyped
                    elsewhere = [wid for wid, x in windows.items() if wid != wave and (o := offset(x)) is not None
                                 and x["window_days"][0] <= o <= x["window_days"][1]]
                    where = f"the {elsewhere[0]} window" if elsewhere else "no wave's window"
                    off2 = _offset(w, review=review, date=other) if other is not None else None
                    if off2 is not None and lo <= off2 <= hi:  # '08/05/2011' read day first; month first it fits
                        where += (f", read day first as {date:%Y-%m-%d}; month first, as US settings save dates, it "
                                  f"is {other:%Y-%m-%d}, {off2}, in this window: was the file saved with US settings? "
                                  "write the date as YYYY-MM-DD")
                    elif elsewhere:
                        where += ": is the wave or the date wrong?"
                    out.append(Problem(f, line, "date", shown,
                                       f"a date in the {wave} window ({lo} to {hi} days from the {w.get('anchor', 'review_end').replace('_', ' ')}, "
                                       f"{_window_dates(w, review)} for council {cid}; this is {off}, in {where})"))
            elif wave is None:
                hits = [wid for wid, w in windows.items() if (o := offset(w)) is not None and w["window_days"][0] <= o <= w["window_days"][1]]
                if len(hits) == 1:  # the wave the study reads from the date
                    read_wave = hits[0]
                    if derived is not None:
                        derived[line] = hits[0]
                if not hits:  # the windows as this council's dates: what to check the date against
                    spans = "; ".join(f"{wid} {_window_dates(w, review)}" for wid, w in windows.items())
                    out.append(Problem(f, line, "date", shown, "a date inside some wave's window, or a "
                                       f"wave given (council {cid}'s windows: {spans})"))
        if pid and read_wave is not None:  # one interview of a participant at a wave: the panels count them once there
            # (a wave read from the date too: a second interview left without a wave was two at one wave, unsaid)
            first = held_at.setdefault((pid, read_wave), (line, v.get("interview_id")))
            if first[0] != line:
                how = "" if wave is not None else f" (no wave given: its date {date:%Y-%m-%d} is in the {read_wave} window)"
                out.append(Problem(f, line, "wave", wave or "", f"one interview of participant {pid} at each wave "
                                   f"(row {first[0]}, {first[1]}, is {pid}'s {read_wave} interview too){how}: the "
                                   "panels count a participant once a wave; give this interview its own wave, or join "
                                   "the two transcripts"))
        rel = v.get("transcript")
        if rel is None:
            continue
        col = "transcript"
        same = _normal_transcript(rel)
        if same in named:
            out.append(Problem(f, line, col, rel, f"a transcript no other interview names (row {named[same]} names it too; "
                               "it would be counted twice)"))
            continue
        named[same] = line
        # '301/\u04201-early.txt' (a Cyrillic Er) beside '301/P1-early.txt': two files a reader of the table or the
        # folder cannot tell apart (a name differing in case or Unicode form alone is a twin: _case_twin)
        first_look = looks.setdefault(_looks_form(same), (line, same))
        if first_look[0] != line and _name_form(first_look[1]) != _name_form(same):
            held = _lookalikes_told(same) or _lookalikes_told(first_look[1])
            # (told where no error on the row says more: each file of a folder beside its look-alike is refused as a
            # twin, _case_twin; one missing is refused naming the other)
            alike_told.append(Problem(f, line, col, rel, f"a transcript path that does not look like another's "
                                      f"({rel!r} looks like {first_look[1]!r}, which row {first_look[0]} names, yet is "
                                      f"another file: one of the two holds {held}; two files no reader of the table or "
                                      "the folder tells apart: if they are one, retype the name; if two, name them so "
                                      "they differ)", "warning"))
        parts = rel.replace("\\", "/").split("/")
        if rel.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", rel):
            # a path from a drive or the root ('C:\\Users\\...\\301\\P1.txt'): the end of it that names a transcript
            tail = next(("/".join(parts[i:]) for i in range(1, len(parts)) if parts[i] and ".." not in parts[i:]
                         and _exists_quietly(exists, "/".join(parts[i:]))), None)
            out.append(Problem(f, line, col, rel, "a path inside transcripts/ (no '..', no absolute path"
                               + (f": write it from inside transcripts/, {tail})" if tail else ")")))
            continue
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", rel) or parts[0] == "~":  # a web address, a home folder
            what = "a home folder ('~')" if parts[0] == "~" else "an address (URL)"
            out.append(Problem(f, line, col, rel, f"a path inside transcripts/ (this names {what}, which impact does "
                               "not read: copy the file into the study's transcripts/ folder and write its path "
                               "there, such as 301/P1-early.txt)"))
            continue
        if (why := windows_path_problem(rel)) is not None:  # made on Linux, a study Windows could not open
            out.append(Problem(f, line, col, rel, f"{why}: rename it and write its new name here"))
            continue
        if not rel.lower().endswith(suffixes):
            # 'P2-early.t\u0445t' (a Cyrillic Ha), 'P2-early\uff0etxt' (a full-width stop): an extension that only
            # looks like one read
            alike = next((s for s in suffixes if _looks_form(rel).endswith(s)), None)
            out.append(Problem(f, line, col, rel, "a .txt, .docx, .vtt or .srt file" + (
                f" (its extension looks like {alike} but is not: the path holds {_lookalikes_told(rel)}; retype the "
                "extension, and rename the file so)" if alike else "")))
            continue
        if transcripts_issue is not None:
            unlooked += 1
            continue
        note = None
        if folder is not None and not rel.isascii():  # a name in another Unicode form: read, told; two such: refused
            _, note, clash = transcript_file(folder, rel)
            if clash:
                out.append(Problem(f, line, col, rel, clash))
                continue
        try:
            found = exists(rel)
        except InputError as exc:
            out.append(Problem(f, line, col, rel, f"a plain file inside transcripts/ ({exc})"))
            continue
        if not found:
            hint = f" (folders are separated by '/': {rel.replace(chr(92), '/')})" if "\\" in rel else \
                _other_case(folder, rel)
            here = (Path(folder) / rel).parent if folder is not None else None
            if not hint and here is not None and here.resolve().is_relative_to(Path(folder).resolve()) and (
                    shortcut := shortcut_beside(here, Path(rel).name)) is not None:  # 'P1-early.txt.lnk'
                hint = f" (found {shortcut[0]!r}, {shortcut[1]})"
            if parts[0] == "transcripts" and len(parts) > 1 and _exists_quietly(exists, "/".join(parts[1:])):
                hint = f" (paths are written from inside transcripts/: write {'/'.join(parts[1:])})"
            out.append(Problem(f, line, col, rel, f"an existing file transcripts/{rel}{hint}"))
            continue
        if (twin := _case_twin(folder, rel, listed, named_parts)) is not None:  # Windows and macOS hold one of two
            out.append(Problem(f, line, col, rel, twin))
            continue
        if (first_named := _same_file(folder, rel, line, held_file)) is not None:
            out.append(Problem(f, line, col, rel, f"a transcript no other interview names (row {first_named[0]} "
                               f"names the same file, as {first_named[1]!r}; it would be counted twice)"))
            continue
        try:
            with recorded_warnings() as caught:
                text = read(rel)
            if note:
                out.append(Problem(f, line, col, rel, note, severity="warning"))
            for w in caught:
                what = ("a transcript whose every word is read" if type(w.message).__name__ == "TranscriptNotesWarning"
                        else "UTF-8 text")
                out.append(Problem(f, line, col, rel, f"{what} ({w.message})", severity="warning"))
            words = " ".join(text.split())
            if words and (first := held_text.setdefault(hashlib.sha256(words.encode("utf-8", "surrogatepass"))
                                                        .hexdigest(), (line, rel)))[0] != line:
                # a file copied under another name: one interview's statements counted twice, as two participants'
                # told, not refused: copies of one focus group's transcript, one per participant, may be meant
                out.append(Problem(f, line, col, rel, f"a transcript of its own (transcripts/{rel} holds the text of "
                                   f"transcripts/{first[1]}, which row {first[0]} names, word for word: a file copied "
                                   "under another name? Its statements are coded and counted twice, as two "
                                   "interviews'; name the interview's own transcript)", severity="warning"))
            if (twice := schema.double_decoded(text)) is not None:
                out.append(Problem(f, line, col, rel, f"transcripts/{rel}: {_double_decoded(twice)}",
                                   severity="warning"))
            if not text.strip():
                out.append(Problem(f, line, col, rel, "a transcript with some text (the file "
                                   + ("holds only spaces and blank lines)" if text else "holds no text)"
                                      if rel.lower().endswith(".docx") else _no_text(folder, rel))))
            elif _is_json(text):  # a transcription service's export: its keys and quotes would be coded as speech
                out.append(Problem(f, line, col, rel, f"a transcript as text (transcripts/{rel} is JSON data, such "
                                   "as a transcription service's export, whose keys, quotes and brackets would be "
                                   "read as the interview's words; export the transcript as text, a line 'Speaker: "
                                   "words' a turn)"))
            elif (why := _not_words(text)) is not None:  # random characters, binary data: nothing to code
                out.append(Problem(f, line, col, rel, f"a transcript in words (transcripts/{rel}: {why}, not an "
                                   "interview; name the interview's transcript)"))
            elif (lang := _english_share(text)) is not None and lang[1] >= _MIN_JUDGED and lang[0] < _MIN_KNOWN_SHARE:
                # another language, or letters in none: either way nothing in it would be coded
                out.append(Problem(f, line, col, rel, f"a transcript in English (transcripts/{rel}: "
                                   f"{_language_said(*lang)}nothing in it would be coded; if the interview was held in "
                                   "another language, give its English translation; if these are random letters, "
                                   "name the interview's transcript)"))
            elif not _has_respondent_speech(text, turns := _turns(text)):
                out.append(Problem(f, line, col, rel, "some respondent speech (every turn is labelled as the "
                                   "interviewer's, so nothing in this interview can be coded and the analysis treats "
                                   "it as missing, like an interview not held, unless supplied codings code it; label "
                                   "the answers, e.g. 'R:')",
                                   severity="warning"))
            else:
                if lang is not None and lang[0] < _FEW_KNOWN_SHARE:
                    out.append(Problem(f, line, col, rel, f"a transcript in English (transcripts/{rel}: "
                                       f"{_language_said(*lang)}little of it would be coded; if the interview was "
                                       "held in another language, give its English translation)", severity="warning"))
                for first, again, words in _repeated_turns(text, turns)[:5]:
                    out.append(Problem(f, line, col, rel, f"each answer given once (the respondent's turn at line "
                                       f"{again} of transcripts/{rel} is the one at line {first} word for word, "
                                       f"{words} words: a passage pasted twice? Its statements are coded and counted "
                                       "twice; take the copy out, or leave it where the respondent said it twice)",
                                       severity="warning"))
        except InputError as exc:
            out.append(Problem(f, line, col, rel, f"a readable transcript ({exc})"))
    refused_rows = {p.row for p in out if p.column == "transcript" and p.severity == "error"}
    out += [p for p in alike_told if p.row not in refused_rows]
    if unlooked:
        out.insert(0, Problem("transcripts/", None, None, None, f"a folder holding the {_counted(unlooked, 'transcript')} that "
                              f"interviews.csv names, inside the study folder ({transcripts_issue})"))
    return out


def _same_file(folder: Path | None, rel: str, line: int, held: dict[tuple[int, int], tuple[int, str]]
               ) -> tuple[int, str] | None:
    """The row and path of an earlier interview naming the file ``rel`` names, or None (the first to name it is
    noted in ``held``).  A file is known by its device and inode, not by how its path is written: '301/./P1.txt', a
    folder linked inside transcripts/ and a hard link all name the one file '301/P1.txt' names, which was read as
    two interviews with a warning that their words were the same, where the same path written twice was refused."""
    if folder is None:
        return None
    try:
        stat = os.stat(transcript_file(folder, rel)[0])
    except OSError:  # told where the file is read
        return None
    if not stat.st_ino:  # a file system without file numbers: known by its path alone
        return None
    first = held.setdefault((stat.st_dev, stat.st_ino), (line, rel))
    return first if first[0] != line else None


def _no_text(folder: Path | None, rel: str) -> str:
    """Why a .txt transcript read as no text holds none: "is empty)", or of a file of some bytes, what they are (a
    byte-order mark alone, as an editor saves a file left blank, was told as an empty file; subtitles whose cues hold
    no words, as one too)."""
    from ._io import head_read

    path = transcript_file(folder, rel)[0] if folder is not None else None
    head = head_read(path) if path is not None else b""  # the bytes read, where kept: the file may be replaced since
    if head is None:
        try:
            head = path.read_bytes()[:16]
        except OSError:
            head = b""
    marks = {b"\xef\xbb\xbf": "a UTF-8", b"\xff\xfe": "a UTF-16", b"\xfe\xff": "a UTF-16"}
    if head in marks:
        return (f"holds only {marks[head]} byte-order mark, the mark an editor writes at the start of a file, and no "
                "text: was the transcript saved before it was pasted in?)")
    if re.match(rb"(?:\xef\xbb\xbf)?(?:WEBVTT|\s*\d+[ \t]*\r?\n[ \t]*\d)", head):
        return ("is a subtitle file whose cues hold no words: cue numbers and timings only, or NOTE blocks; export "
                "the transcript again with its text)")
    return "is empty)"


def _exists_quietly(exists, rel: str) -> bool:
    """Whether ``exists(rel)`` holds, a refused path counting as none."""
    try:
        return bool(exists(rel))
    except InputError:
        return False


def _other_case(folder, rel: str) -> str:
    """A hint naming the file ``rel`` names in another case (" (found 301/P1-early.txt: names are exact, case
    too)"), or "": a folder copied from Windows or macOS, where names ignore case, to a disk where they do not
    (its accented letters in another Unicode form too, maybe)."""
    if folder is None:
        return ""
    here = Path(folder)
    parts = rel.split("/")
    for i, part in enumerate(parts):
        try:
            names = [p.name for p in here.iterdir()] if here.is_dir() and not here.is_symlink() else []
        except OSError:
            return ""
        if part in names:
            here = here / part
            continue
        same = [n for n in names if _name_form(n) == _name_form(part)]
        if not same and (other := _other_encoding(names, part)):  # 'Camd\xe9n.txt': a name in Latin-1 bytes
            parts[i] = os.fsencode(other).decode("ascii", "backslashreplace")  # its bytes shown: 'Camd\\xe9n.txt'
            return (f" (found '{'/'.join(parts[:i + 1])}', the name written in {_LEGACY_NAMES[1]} bytes, not the "
                    "UTF-8 this system reads names in, as an old zip program or a disk from Windows may write it: "
                    "rename the file, typing the name)")
        if not same:  # 'P1-early.txt.': a name Windows makes 'P1-early.txt' (a dot at its end it takes off)
            ends = [n for n in names if _name_form(_windows_form(n)) == _name_form(part)]
            if len(ends) == 1:
                parts[i] = ends[0]
                return (f" (found {'/'.join(parts[:i + 1])!r}, a name that ends in {_end_said(ends[0])}, which "
                        "Windows takes off and Linux and macOS keep: names are exact; rename the file, typing the "
                        "name)")
        if not same:  # 'Р1-early.txt' (a Cyrillic Er), 'P1-early．txt' (a full-width stop): a name that looks the same
            same = [n for n in names if _looks_form(n) == _looks_form(part)]
            if len(same) == 1:
                parts[i] = same[0]
                return (f" (found {'/'.join(parts[:i + 1])!r}, a name that looks the same but is not: it holds "
                        f"{_lookalikes_told(same[0])}; rename the file, typing the name)")
        if len(same) != 1:
            return ""
        parts[i] = same[0]
        here = here / same[0]
    if parts == rel.split("/"):
        return ""
    # (a name differing in its Unicode form alone is read: transcript_file)
    if all(a.casefold() == b.casefold() for a, b in zip(parts, rel.split("/"), strict=True)):
        return f" (found {'/'.join(parts)}: names are exact, case too)"
    return f" (found {'/'.join(parts)!r}: names are exact, spaces at the ends of a name or before its extension too)"


#: The encoding file names from Windows or an old zip program may hold where they are not UTF-8, and its name.
_LEGACY_NAMES = ("cp1252", "Windows-1252 (Latin-1)")


def _other_encoding(names: list[str], part: str) -> str | None:
    """The one name of ``names`` that is not UTF-8 (read with its bytes kept, as Python reads names on Linux) but reads
    as ``part`` in :data:`_LEGACY_NAMES`' encoding ('Camd\\xe9n.txt' for 'Camdén.txt'), or None."""
    found = []
    for n in names:
        raw = os.fsencode(n)
        try:
            raw.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        if _name_form(raw.decode(_LEGACY_NAMES[0], errors="replace")) == _name_form(part):
            found.append(n)
    return found[0] if len(found) == 1 else None


def _case_twin(folder: Path | None, rel: str, listed: dict[Path, list[str]], named_parts: set[str] = frozenset()
               ) -> str | None:
    """What was expected of the transcript path ``rel`` where a folder on it holds another name the same but for
    case or Unicode form ('P1-early.txt' beside 'p1-EARLY.txt', 'é' composed beside 'e' and an accent), else None.
    Linux holds both; Windows and macOS, whose names ignore case and form, hold one, so the study copied there reads
    another transcript, or none (``listed`` keeps each folder's names, read once).  A name that looks the same is a twin
    too (:func:`_twins`), as is one Windows makes another's ('P2-early.txt.' beside 'P2-early.txt'), unless a row names
    it (``named_parts``: the names on the paths the rows name), which is refused at its own row."""
    if folder is None:
        return None
    here = Path(folder)
    for part in rel.split("/"):
        if part in ("", "."):
            continue
        if here not in listed:
            try:
                listed[here] = [p.name for p in here.iterdir()] if here.is_dir() and not here.is_symlink() else []
            except OSError:
                listed[here] = []
        # (a twin Windows cannot make at all, '880 ' beside '880', is refused at its own row where a row names it:
        # renamed, no clash; one no row names is told here: Windows holds one of the two)
        # (the one entry of that form is the one read, whatever its form: a twin is a second entry beside it)
        # a name that only looks the same ('\u04202-early.txt', a Cyrillic Er; 'P2-ea\u200brly.txt', a zero-width
        # space; 'P2-early.t\u0445t') is a twin too: every system holds both, and no one tells them apart
        alike = [n for n in listed[here] if _twins(n, part) and (windows_name_problem(n) is None
                                                                  or n not in named_parts)]
        twins = [n for n in alike if n != part] if len(alike) > 1 else []
        if twins:
            inside = here.relative_to(folder).as_posix()
            where = "transcripts/" + ("" if inside == "." else f"{inside}/")
            twin = f"{where}{twins[0]}"  # a space at its end or an accent written apart shows: escaped
            shown = twin if twin.isascii() and twins[0] == twins[0].strip() and not twin.endswith(".") else \
                "'" + twin.encode("ascii", "backslashreplace").decode() + "'"
            kinds, detail, held = _twin_told(twins[0], part, ", so the study copied there would read another "
                                              "transcript or none", entry=_entry_kind(here / part))
            return (f"a name no other file or folder in {where} has but for {kinds} ({shown} is there too, {detail}: "
                    f"{held}): rename or remove one")
        here = here / part
    return None


def _entry_kind(path: Path) -> str:
    """'folder' where ``path`` is one (not through a link), else 'file': how a message names the entry."""
    try:
        return "folder" if path.is_dir() and not path.is_symlink() else "file"
    except OSError:
        return "file"


def _both_held(entry: str) -> str:
    """What a pair of names that only look alike does: every system holds both (``entry``: 'file' or 'folder', what
    the named one is: a folder is opened, added to or sent)."""
    done = "opened, added to or sent" if entry == "folder" else "opened, edited or sent"
    return (f"every system holds both, yet no one reading the folder or the table tells them apart, so the {entry} "
            f"{done} in its place may be the other")


def _twin_told(twin: str, name: str, copied: str, *, entry: str = "file") -> tuple[str, str, str]:
    """What tells ``twin`` from ``name``, two names :func:`_name_form` reads as one: the kinds of difference in words
    ('case', 'Unicode form', 'spaces', 'case and spaces'), each character that differs with where it is ("it holds
    U+00A0 NO-BREAK SPACE at character 13, at its end", "it has 'p' at character 1 where the other has 'P'"), and which
    systems hold one of the two, and then ``copied`` (what a copy of the study there reads: ", so the study copied there
    would read another transcript or none"); a name differing in spaces alone is held by every system, and looks the
    same.  Two names that only look alike (:func:`_twins`) are told by the characters drawn like others that they hold
    (:func:`_lookalikes_told`); ``entry`` is what ``name`` is, 'file' or 'folder' (:func:`_both_held`)."""
    if _windows_form(twin) != twin or _windows_form(name) != name:  # 'P2-early.txt.': one name on Windows
        said = [f"{who} ends in {_end_said(n)}, which Windows takes off" for who, n in (("it", twin), ("the other", name)) if _windows_form(n) != n]
        return "dots or spaces at its end", "; ".join(said), "Windows holds one of the two" + copied
    if _name_form(twin) != _name_form(name):  # 'P2-ea\u200brly.txt' beside 'P2-early.txt': held by every system
        said = [f"{who} holds {held}" for who, n in (("it", twin), ("the other", name))
                if (held := _lookalikes_told(n))]
        unseen = all(_unseen(ch) for n in (twin, name) for ch in n if _odd(ch))
        return ("a character that shows as nothing" if unseen else "characters that look alike"), "; ".join(said), \
            _both_held(entry)
    kinds, said = [], []
    bare = [_without_edges(n) for n in (twin, name)]
    folded = [unicodedata.normalize("NFC", b) for b in bare]
    if folded[0] != folded[1]:  # the same once cased alike (_name_form reads them as one)
        i = next((k for k, (a, b) in enumerate(zip(folded[0], folded[1])) if a != b), 0)
        kinds.append("case")
        said.append(f"it has {folded[0][i:i + 1]!r} at character {i + 1} where the other has {folded[1][i:i + 1]!r}")
    if bare[0].casefold() != bare[1].casefold():  # 'é' as one character beside 'e' and an accent
        apart = [(who, i, ch) for who, b in (("it", bare[0]), ("the other", bare[1]))
                 for i, ch in enumerate(b) if unicodedata.combining(ch)]
        kinds.append("Unicode form")
        said.append(f"{apart[0][0]} holds {schema._char_name(apart[0][2])} at character {apart[0][1] + 1}, an accent "
                    f"written apart from its letter where {'the other' if apart[0][0] == 'it' else 'it'} has the two "
                    "as one character" if apart else
                    "the same letters written another way (another Unicode form)")
    spaces = [_edge_spaces(n) for n in (twin, name)]
    if [ch for _, ch, _ in spaces[0]] != [ch for _, ch, _ in spaces[1]]:
        kinds.append("spaces")
        said += [f"{who} holds " + ", ".join(f"{_char_said(ch)} at character {i + 1}, {at}" for i, ch, at in found)
                 for who, found in (("it", spaces[0]), ("the other", spaces[1])) if found]
    held = ("Windows and macOS, whose names ignore case, hold one of the two" + copied if "case" in kinds else
            "macOS, whose names ignore Unicode form, holds one of the two (Windows and Linux hold both)" + copied
            if "Unicode form" in kinds else "Windows, which takes a space at the end of a name off, holds one of the "
            "two" + copied if twin.endswith(" ") or name.endswith(" ") else _both_held(entry))
    kinds = kinds or ["how it is written"]
    return ", ".join(kinds[:-1]) + " and " * (len(kinds) > 1) + kinds[-1], "; ".join(said), held


def _edge_spaces(name: str) -> list[tuple[int, str, str]]:
    """The blank characters of ``name`` that :func:`_name_form` takes off (at its ends, or around the dot before its
    extension), each as (place, character, where: 'at its start', 'at its end', 'before its extension')."""
    core_at = len(name) - len(name.lstrip())
    core = name.strip()
    out = [(i, ch, "at its start") for i, ch in enumerate(name[:core_at])]
    stem, dot, ext = core.rpartition(".")
    if dot:
        out += [(core_at + i, core[i], "before its extension") for i in range(len(stem.rstrip()), len(stem))]
        out += [(core_at + len(stem) + 1 + i, ext[i], "after the dot of its extension")
                for i in range(len(ext) - len(ext.lstrip()))]
    out += [(i, name[i], "at its end") for i in range(core_at + len(core), len(name))]
    return out


def _without_edges(name: str) -> str:
    """``name`` without the blank characters :func:`_edge_spaces` finds."""
    edges = {i for i, _, _ in _edge_spaces(name)}
    return "".join(ch for i, ch in enumerate(name) if i not in edges)


def _char_said(ch: str) -> str:
    """A space as 'a space'; any other character by its code and name ('U+00A0 NO-BREAK SPACE')."""
    return "a space" if ch == " " else schema._char_name(ch)


def _turns(text: str) -> list[tuple]:
    """The segmenter's speaker turns of a transcript (default labels), read once for the checks below."""
    from .coding.segment import _turn_rows

    return _turn_rows(text, (), ())


def _has_respondent_speech(text: str, turns: list[tuple] | None = None) -> bool:
    """Whether the segmenter finds any respondent speech in a transcript (``turns``: its :func:`_turns`, if read)."""
    return any(speaker == "respondent" and end > start
               for _, speaker, _, start, end in (_turns(text) if turns is None else turns))


#: A transcript of which less than this share of characters is in words is no transcript (random characters,
#: binary data, base64): measured, the example study's transcripts are 98% words or more, random ASCII 2%, random
#: letters and digits in runs between spaces 38%.
_MIN_WORD_SHARE = 0.5
_JOINERS = frozenset("'\u2019\u2010\u2011-./:,&+")
_RUNS = re.compile(r"[^\W\d_]+|\d+")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN", "IDEOGRAPHIC")


def _is_word(token: str) -> bool:
    """Whether a token (text between spaces) reads as words: letters of any script, numbers ('2012/13', '5.5%'), an
    id ('P1', 'E09000002'), an address, joined by apostrophes, hyphens, dots, slashes or colons and with punctuation
    or symbols at its ends ('(yes),', an emoji).  Not: symbols inside ('a7#k'), letters and digits interleaved
    ('a7k9'), a run of over 30 letters in a script written with spaces ('QUJDREVG...')."""
    if len(token) <= 30 and token.isascii() and token.isalpha():
        return True  # most tokens: the rule below reads them as one run of letters
    a, b = 0, len(token)
    while a < b and unicodedata.category(token[a])[0] in "PS":
        a += 1
    while b > a and unicodedata.category(token[b - 1])[0] in "PS":
        b -= 1
    core = token[a:b]
    if not core or _ADDRESS.fullmatch(core):
        return True
    parts, start = [], 0
    for i, c in enumerate(core):  # split at joiners, and at punctuation of other scripts ('\uff1a', '\u3002')
        if c in _JOINERS or (not c.isascii() and unicodedata.category(c)[0] == "P"):
            parts.append(core[start:i])
            start = i + 1
    parts.append(core[start:])
    for part in parts:
        runs = _RUNS.findall(part)
        if "".join(runs) != part or len(runs) > 2:
            return False
        if any(len(r) > 30 and not r.isdigit()
               and not all(unicodedata.name(c, "").startswith(_UNSPACED) for c in r) for r in runs):
            return False
    return True


def _is_json(text: str) -> bool:
    """Whether ``text`` is a JSON object or array.

    >>> _is_json('{"segments": [{"speaker": "A", "text": "Hello."}]}'), _is_json("[laughs] Yes.")
    (True, False)
    """
    import json

    held = text.strip()
    if held[:1] + held[-1:] not in ("{}", "[]"):
        return False
    try:
        json.loads(held)
    except ValueError:
        return False
    return True


def _not_words(text: str) -> str | None:
    r"""Why ``text`` is no transcript, or None: too little of it reads as words (see :func:`_is_word`), or its words
    are no language (see :func:`_not_language`).

    >>> _not_words("I: How has it gone?\nR: We rewrote the threshold doc (2012/13), E09000002.") is None
    True
    >>> _not_words("x7#(k q@@1 a$b%c 9z9z9 we")
    "only 10% of its characters are in words (not words: 'x7#(k', 'q@@1', 'a$b%c', ...): random characters or binary data"
    """
    tokens = text.split()
    total = sum(map(len, tokens))
    kinds = {t: _token_kind(t) for t in set(tokens)}  # a transcript's words repeat: each judged once
    bad = [t for t in tokens if not kinds[t][0]]
    share = 1 - sum(map(len, bad)) / total if total else 1.0
    if share >= _MIN_WORD_SHARE:
        lettered = [kinds[t][1] for t in tokens]
        if len(tokens) >= _MIN_JUDGED and sum(lettered) < _MIN_LETTERED_SHARE * len(tokens):
            bare = dict.fromkeys(t for t, ok in zip(tokens, lettered, strict=True) if not ok)
            return (f"only {sum(lettered) / len(tokens):.0%} of its {len(tokens):,} words hold a letter (not words: "
                    f"{_shown(list(bare))}): numbers, symbols or emoji alone")
        return _not_language(text)
    return (f"only {share:.0%} of its characters are in words (not words: {_shown(bad)}): random characters or binary "
            "data")


@functools.lru_cache(maxsize=1 << 16)
def _token_kind(token: str) -> tuple[bool, bool]:
    """Whether ``token`` reads as words (:func:`_is_word`) and whether it holds a letter of any script; kept for
    the next transcript, whose words are mostly the same."""
    return _is_word(token), any(c.isalpha() for c in token)


def _shown(bad: list[str]) -> str:
    """The first three of ``bad`` quoted (each cut at 20 characters), with ', ...' where there are more."""
    shown = ", ".join(repr(t if len(t) <= 20 else t[:20] + "...") for t in bad[:3])
    return shown + (", ..." if len(bad) > 3 else "")


#: A transcript of at least :data:`_MIN_JUDGED` words of which less than this share hold a letter (of any script) is
#: numbers, symbols or emoji alone: the example study's transcripts hold 98% or more.
_MIN_LETTERED_SHARE = 0.25
#: A transcript of at least this many words in Latin letters (three letters or more) is checked for a language.
_MIN_JUDGED = 20
#: ... and is refused when less than this share of those words is in the English or Welsh lists.  Measured: the
#: example study's 375 transcripts and the 940 documents of tests/data hold 81% or more, a Welsh interview 77%,
#: French 35%, Scots dialect 90%, English with a typo in every third word 55%; random letter strings, keyboard
#: mashing and base64 without its digits 0-1%, random two-letter syllables ('bafelo') 2%.
_MIN_KNOWN_SHARE = 0.1
#: ... and told (a warning) when less than this share is: most of it in another language, of which the English
#: coder codes little.  Measured: German 13%, French 31%, Urdu in Latin letters with English terms 21%, English with
#: a typo in every second word 55%; refused under 10%: Polish 4%, Spanish 6%, Scots Gaelic 7%, Urdu in Latin
#: letters 7%; English in heavy Yorkshire or Scots dialect 83-90% passes.
_FEW_KNOWN_SHARE = 0.5
#: A shorter transcript of at least this many such words is judged too, and told (a warning, never refused: a few
#: words are a small sample) under :data:`_FEW_KNOWN_SHARE`; one of fewer is not judged.  Measured: short answers
#: in Polish ('Tak, dobrze. Praca idzie lepiej, zespół jest silniejszy.', 6 words judged) 0-17%, in Spanish 0%;
#: short English answers ('Fine. Caseloads are lower and morale is better.'; with acronyms, 'MASH referrals went to
#: CSC and the LADO.') 71-100%, one of three names in six words 50% (passes); of the 3,500 English sentences and
#: segments of tests/data's CSV files, 1,790 hold 5 to 19 such words, none under 50%.
_MIN_SHORT_JUDGED = 5
#: ... or when one word (two letters or more) is more than this share of its words: one word repeated, not speech
#: (the commonest word of the example study's transcripts, 'the', is 7% or less of each).
_MAX_ONE_WORD = 0.5
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z\u00c0-\u024f]+)*")
#: Words of any script (a run of an unspaced script, such as Chinese, is one): those of :func:`_english_share`, so
#: that a transcript in Russian or in Urdu's own script is judged as one in Polish is.
_ANY_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@functools.lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str:
    """:func:`impact.privacy._lexicon.fold` of one word, kept for the next transcript, whose words are mostly the
    same."""
    from .privacy._lexicon import fold

    return fold(word)


@functools.cache
def _known_words() -> frozenset[str]:
    """Words of English (the privacy lists' ordinary and spoken words) and of Welsh (``wordlists/welsh_common.txt``),
    folded (lower case, no accents)."""
    from .privacy._lexicon import english_words, spoken_words, welsh_words

    return english_words() | spoken_words() | welsh_words()


def _not_language(text: str) -> str | None:
    r"""Why the words of ``text`` are no language, or None: one word said over and over (:data:`_MAX_ONE_WORD`).
    A text of fewer than :data:`_MIN_JUDGED` words of two letters or more is not judged.  (Words in no language the
    lists know are judged by :func:`_english_share`.)

    >>> _not_language("R: Mae'r adolygiad wedi helpu'n fawr iawn, diolch. " * 5) is None
    True
    >>> _not_language("blah " * 30)
    "one word, 'blah', is 100% of its 30 words: a word repeated"
    """
    words = _LATIN_WORD.findall(text)
    folded = {w: _folded(w) for w in set(words)}  # each word folded once (fold keeps the length)
    counted = [folded[w] for w in words if len(w) >= 2]
    if len(counted) >= _MIN_JUDGED:
        top, n = Counter(counted).most_common(1)[0]
        if n / len(counted) > _MAX_ONE_WORD:
            return f"one word, {top!r}, is {n / len(counted):.0%} of its {len(counted):,} words: a word repeated"
    return None


#: The end of what comes before a word opening a sentence or a turn: nothing, or '.', '!', '?', ':' or a line break,
#: then spaces, quotes or brackets.
_OPENERS = frozenset("\"'\u2018\u201c([")
_SENTENCE_ENDS = frozenset(".!?:\n\uff1a")


def _opens_sentence(text: str, at: int) -> bool:
    r"""Whether the word at ``at`` opens ``text`` or a sentence: only spaces, quotes and brackets between it and the
    start, a line break, or a stop, question or exclamation mark or colon. It reads back over those characters only,
    so over all the words of a text it reads each character once (a search of the text before each word read it
    all again each time: a 1,900-interview study took 50 s to validate).

    >>> [_opens_sentence(t, t.index("Jo")) for t in ("Jo came", 'He said. "Jo came', "and Jo", "x\n Jo", "and (Jo")]
    [True, True, False, True, False]
    """
    i = at - 1
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


_SPACE_NAMES = {" ": "space", "\t": "tab", "\u00a0": "no-break space", "\u202f": "narrow no-break space",
                "\u3000": "full-width space"}


def _spaces_around(cell: str) -> str:
    """The spaces around ``cell`` in words: 'a space at the end', 'a tab at the start', '2 spaces at the start and a
    no-break space at the end'."""
    def said(run: str, where: str) -> str:
        kinds = {_SPACE_NAMES.get(c, f"blank character U+{ord(c):04X}") for c in run}
        kind = kinds.pop() if len(kinds) == 1 else "blank character"
        return f"{'a' if len(run) == 1 else len(run)} {kind}{'s' if len(run) > 1 else ''} at the {where}"

    head, tail = cell[:len(cell) - len(cell.lstrip())], cell[len(cell.rstrip()):]
    return " and ".join(said(run, where) for run, where in ((head, "start"), (tail, "end")) if run)


@functools.lru_cache(maxsize=1 << 16)
def _judged_word(word: str) -> tuple[str, bool, bool]:
    """A word as :func:`_english_share` judges it: folded (as long as ``word``), whether it is in neither list (nor is
    what comes before its apostrophe), and whether it is then a name (capitalised, no other capital); kept for the
    next transcript, whose words are mostly the same."""
    known = _known_words()
    folded = _folded(word).replace("\u2019", "'")
    unknown = folded not in known and folded.split("'")[0] not in known
    return folded, unknown, unknown and word[:1].isupper() and not any(c.isupper() for c in word[1:])


def _english_share(text: str) -> tuple[float, int, list[str]] | None:
    r"""The share of the words of ``text`` of three letters or more (of any script) that are English or Welsh words,
    how many such words it holds and those that are not (each once, as written); None for a text of fewer than
    :data:`_MIN_SHORT_JUDGED` such words (too short to judge).  Capitalised words in neither list are names, left aside
    where they are under half the words (a text mostly of capitalised words is judged whole).

    >>> _english_share("Mae'r adolygiad wedi helpu'n fawr iawn, diolch. " * 5)[:2]
    (0.7142857142857143, 35)
    >>> _english_share("fjdksla qpwoeiru zmxncbv " * 8)
    (0.0, 24, ['fjdksla', 'qpwoeiru', 'zmxncbv'])
    """
    # fold keeps the length, so a word's folded form is as long as the word; each distinct word is judged once
    written = [s for s in _ANY_WORD.findall(text) if len(s) >= 3]
    seen = {s: _judged_word(s) for s in set(written)}
    judged = [(seen[s][0], s) for s in written]
    unknown = [seen[s][1] for s in written]
    names = [seen[s][2] for s in written]
    if 2 * sum(names) >= len(judged) and len(judged) < _MIN_JUDGED:
        # a short answer dense with names ('Siobhan, Krzysztof, Wojciech and Oluwaseun.'): those not opening a
        # sentence are names all the same, and left aside (a capital opening a sentence says nothing of a name)
        opening = [_opens_sentence(text, m.start()) for m in _ANY_WORD.finditer(text) if len(m.group()) >= 3]
        names = [n and not first for n, first in zip(names, opening, strict=True)]
    if 2 * sum(names) < len(judged) or len(judged) < _MIN_JUDGED:
        # names (capitalised, in no list: 'Siobhan', 'Haringey') aside, where they are few or the text is short
        judged, unknown = ([x for x, n in zip(xs, names, strict=True) if not n] for xs in (judged, unknown))
    if len(judged) < _MIN_SHORT_JUDGED:
        return None
    bad = [s for (_, s), u in zip(judged, unknown, strict=True) if u]
    return (len(judged) - len(bad)) / len(judged), len(judged), list(dict.fromkeys(bad))


def _language_said(share: float, n: int, bad: list[str]) -> str:
    """What :func:`_english_share` measured, in words, and what impact does with such a transcript."""
    return (f"only {share:.0%} of its {n:,} words of three letters or more (names aside) are English or Welsh words "
            f"(not words: {_shown(bad)}): impact's coder reads English, so ")


#: A respondent's turn of at least this many words given again word for word is told (a passage pasted twice);
#: a short answer ("Yes, I think so.") may well be said twice.
_REPEATED_TURN_WORDS = 25


def _repeated_turns(text: str, turns: list[tuple] | None = None) -> list[tuple[int, int, int]]:
    r"""Respondent turns of :data:`_REPEATED_TURN_WORDS` words or more that are an earlier respondent turn word for
    word (spaces and line breaks aside): ``(line of the first, line of the repeat, words)``, lines counted from 1.

    >>> said = "we rewrote the whole threshold document after the review, and it helped a lot: the front door " \
    ...        "now sends fewer contacts on to assessment than it did last spring"
    >>> t = "I: Why?\nR: " + said + "\n"
    >>> _repeated_turns(t + "I: And?\nR: Not much.\n" + t.split("\n", 1)[1])
    [(2, 5, 29)]
    """
    seen: dict[str, int] = {}
    out = []
    for _, speaker, _, start, end in (_turns(text) if turns is None else turns):
        words = text[start:end].split()
        if speaker != "respondent" or len(words) < _REPEATED_TURN_WORDS:
            continue
        key = " ".join(words)
        at = text.count("\n", 0, start) + 1
        if key in seen:
            out.append((seen[key], at, len(words)))
        else:
            seen[key] = at
    return out


def _window_dates(w: dict[str, Any], review: dict[str, Any]) -> str:
    """A wave's window for a council's review as dates: ``2011-08-01 to 2012-01-30``."""
    anchor = review.get("start_date") if w.get("anchor", "review_end") == "review_start" else review.get("end_date")
    if anchor is None:
        return "unknown (the review has no date)"
    lo, hi = w["window_days"]
    return f"{anchor + pd.Timedelta(days=lo):%Y-%m-%d} to {anchor + pd.Timedelta(days=hi):%Y-%m-%d}"


def _offset(w: dict[str, Any], *, review: dict[str, Any], date: pd.Timestamp) -> int | None:
    """Days from the wave's anchor (review start or end) to ``date``."""
    anchor = review.get("start_date") if w.get("anchor", "review_end") == "review_start" else review.get("end_date")
    return None if anchor is None else (date - anchor).days


def _item_scale(items: object, item: object) -> tuple[int, int] | None:
    """The scale ``(low, high)`` study.yaml gives a survey item, or None where it gives none that can be read
    (reported with study.yaml)."""
    spec = items.get(item) if isinstance(items, dict) and isinstance(item, str) else None
    scale = (spec if isinstance(spec, dict) else {}).get("scale", [1, 5]) if spec is not None else None
    if not (isinstance(scale, list) and len(scale) == 2 and all(_is_int(x) for x in scale)) or scale[0] >= scale[1]:
        return None
    return scale[0], scale[1]


#: A survey value's complaint that names no scale, or the bounds every survey value has ('1,234' on a 1-5 item was
#: told to be "a whole number from -1,000 to 1,000"), not its item's scale.
_BOUNDS_ONLY = re.compile(r"a whole number(?: from -?[\d,]+ to -?[\d,]+)?")


def _on_the_scale(problems: list[Problem], parsed, meta) -> list[Problem]:
    """Survey answers that are no whole number told with their item's scale: an answer written as words ('Strongly
    agree', as a survey tool exports its labels) or as a fraction is no point of the scale, and the user is told which
    numbers are."""
    f = TABLES["survey_responses"].filename
    survey = meta.get("survey") if isinstance(meta.get("survey"), dict) else {}
    items = {line: v.get("item") for line, v in parsed.get("survey_responses", [])}
    out = []
    for p in problems:  # (a complaint with a hint of its own, 'yes is a yes/no value', is kept as written)
        if (p.file == f and p.column == "value" and _BOUNDS_ONLY.fullmatch(p.expected or "")
                and (scale := _item_scale(survey.get("items"), items.get(p.row))) is not None):
            words = "; an answer written as words: write the number of its point on the scale" if sum(
                c.isalpha() for c in p.value or "") >= 2 else ""
            p = Problem(p.file, p.row, p.column, p.value, f"a whole number from {scale[0]} to {scale[1]} (the scale "
                        f"of {items[p.row]}{words})", p.severity)
        out.append(p)
    return out


#: The key of a survey row's parsed values holding its value cell as written.
_GIVEN = "__value_given__"


def _check_survey(parsed, meta) -> list[Problem]:
    f = TABLES["survey_responses"].filename
    survey = meta.get("survey") if isinstance(meta.get("survey"), dict) else {}
    items = survey.get("items") or {}
    out = []
    # respondent -> the council, row, group and wave of their first answer
    answers_for: dict[str, tuple[str, int, str | None, str | None]] = {}
    for line, v in parsed.get("survey_responses", []):
        rid, cid = v.get("respondent_id"), v.get("council_id")
        if rid is None or cid is None:
            continue
        group, wave = v.get("respondent_group"), v.get("wave")
        first = answers_for.setdefault(rid, (cid, line, group, wave))
        if first[0] == cid and group is not None and first[2] is not None and group != first[2]:
            # one person in two groups: at one wave a contradiction (counted in both groups' means), across waves
            # perhaps a change of role (counted in each group at its wave), told
            same = wave is not None and wave == first[3]
            out.append(Problem(f, line, "respondent_group", group, (
                f"the group respondent {rid} answers in ({first[2]}, on row {first[1]}, at the same wave {wave}): a "
                "respondent is in one group at a wave, or is counted in both groups' answers; correct the group, or "
                "give the other person an id of their own") if same else (
                f"the group respondent {rid} answered in at {first[3]} ({first[2]}, on row {first[1]}): read as "
                f"{group} at {wave}, so counted in each group at its wave; right if the person changed role, else "
                "correct the group"), "error" if same else "warning"))
        if first[0] != cid:
            out.append(Problem(f, line, "council_id", cid, f"the council respondent {rid} answers for ({first[0]}, on "
                               f"row {first[1]}): a respondent answers for one council; give the other council's "
                               "respondent an id of their own"))
    if not isinstance(items, dict):
        return out
    for line, v in parsed.get("survey_responses", []):
        item, value = v.get("item"), v.get("value")
        if item in items and value is not None:
            if (scale := _item_scale(items, item)) is None:
                continue  # reported with study.yaml
            lo, hi = scale
            if not lo <= value <= hi:
                given = v.get(_GIVEN) or str(value)
                read = f"; read as {value}" if given != str(value) else ""
                out.append(Problem(f, line, "value", given, f"a whole number from {lo} to {hi} (the scale of "
                                   f"{item}{read})"))
    return out


#: How an attrition warning's ``expected`` words the waves missed: :func:`is_attrition` knows such a warning by it.
ATTRITION = "(attrition: none at "


def is_attrition(problem: Problem) -> bool:
    """Whether ``problem`` is the warning that a council or participant was not interviewed at every wave: a fact of
    the analysis (the models weight or set aside the interviews missed), which a command that only codes or reviews
    the interviews does not tell (newuser6).

    Examples
    --------
    >>> is_attrition(Problem("interviews.csv", 2, "participant_id", "P1", "an interview at every wave "
    ...                      "(attrition: none at early; its interview is in row 2)", severity="warning"))
    True
    >>> is_attrition(Problem("interviews.csv", 2, "date", "2031-01-01", "a date in the wave's window", severity="warning"))
    False
    """
    return problem.severity == "warning" and ATTRITION in problem.expected


def _check_attrition(parsed, waves, *, refused_rows: set[int] = frozenset(),
                     derived: dict[int, str] | None = None) -> list[Problem]:
    """Councils or participants interviewed at some waves but not all: warnings (``refused_rows``: rows of
    councils.csv whose id is refused, not said to lack interviews; ``derived``: the wave of each row of
    interviews.csv whose wave is blank, read from its date)."""
    out = []
    wave_ids = [str(w["id"]) for w in waves]
    by_council: dict[str, set[str]] = defaultdict(set)
    by_part: dict[str, set[str]] = defaultdict(set)
    rows: dict[tuple[str, str], list[int]] = defaultdict(list)  # the rows of interviews.csv of each council, participant
    for line, v in parsed.get("interviews", []):
        if wave := v.get("wave") or (derived or {}).get(line):  # a blank id (refused already) is no one's interview
            if v.get("council_id") is not None:
                by_council[v["council_id"]].add(wave)
                rows["council_id", v["council_id"]].append(line)
            if v.get("participant_id") is not None:
                by_part[v["participant_id"]].add(wave)
                rows["participant_id", v["participant_id"]].append(line)

    def missing_at(column: str, who: str, lacking: list[str], expected: str) -> Problem:
        # a wave without an interview has no row: the row is the first of the interviews there are, all of them named
        # (the first few and a count), so that `file:row:column` leads to them
        at = rows[column, who]
        return Problem("interviews.csv", at[0], column, who, f"{expected} {ATTRITION}{', '.join(lacking)}; "
                       f"{'its interview is in row' if len(at) == 1 else 'its interviews are in rows'} "
                       f"{_listing([str(r) for r in at], 5)})", severity="warning")
    # No interview whose council and wave were read (interviews.csv's council_id column misnamed, or every cell of it
    # refused): that is an error already said, not each council's lack of interviews.
    if parsed.get("interviews") and by_council:
        # a council interviews.csv names by its name or ONS code ('Brent' for 304) has interviews: its rows are told
        # to write the council_id, and the council is not said to have none
        listed = {v["council_id"] for _, v in parsed.get("councils", []) if v.get("council_id")}
        named = _councils_named(set(by_council) - listed, parsed.get("councils", []))
        for line, v in parsed.get("councils", []):
            if (v.get("council_id") and v["council_id"] not in by_council and v["council_id"] not in named
                    and line not in refused_rows):
                out.append(Problem("councils.csv", line, "council_id", v["council_id"], "interviews at some wave (this "
                                   "council has none, so no finding from interviews includes it, though the report "
                                   "counts it among the study's councils)", severity="warning"))
    # A wave no interview is at: one warning, not one per council and participant (attrition is a council or a
    # participant missing at a wave others are interviewed at).
    held = set().union(*by_council.values()) if by_council else set()
    for i, w in enumerate(wave_ids):
        if held and w not in held:
            out.append(Problem("study.yaml", None, f"waves[{i}].id", w, "interviews at each wave of the study (no "
                               "interview in interviews.csv is at this wave, so every finding at it is missing: take "
                               "the wave out of study.yaml, or check the interviews' wave cells)", severity="warning"))
    wave_ids = [w for w in wave_ids if not held or w in held]
    for council, have in sorted(by_council.items()):
        lacking = [w for w in wave_ids if w not in have]
        if lacking:
            out.append(missing_at("council_id", council, lacking, "interviews at every wave"))
    for pid, have in sorted(by_part.items()):
        lacking = [w for w in wave_ids if w not in have]
        if lacking:
            out.append(missing_at("participant_id", pid, lacking, "an interview at every wave"))
    return out
