"""Validation of a study: every problem found, each naming file, row and column.

The checks (all run; nothing stops at the first problem):

* ``study.yaml``: known keys, a name, well-formed waves (unique ids, anchor
  ``review_start`` or ``review_end``, a window ``[lo, hi]`` with lo <= hi),
  survey items with a scale, vocabulary extensions.
* every table: missing or unknown columns, required values, types (dates,
  numbers), vocabularies (statuses checked against their ``kind``), patterns
  (three-digit council numbers), duplicate keys, references to unknown
  councils, participants or actions.
* status history: end before start, overlapping periods of the same kind,
  ``adequate`` after November 2013 or ``requires_improvement`` before it.
* reviews: end before start, a core theme missing.
* interviews: the participant's council, undefined waves, dates outside the
  wave's window (or outside every window when the wave is derived), councils
  with no review, transcripts missing, outside ``transcripts/``, of the wrong
  type, unreadable, or not UTF-8 (a warning: read as Windows-1252).
* survey answers outside the item's scale.
* attrition (a council or participant missing from a wave): a *warning*.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema, vocab
from .errors import InputError, Problem
from .schema import LIST_SEP, TABLES

__all__ = ["check_folder", "check_study", "format_report"]

Records = dict[str, tuple[list[str], list[tuple[int, dict[str, str]]]]]


def check_folder(path: str | Path, meta: dict[str, Any], raw: Records, *, texts: dict[str, str] | None = None) -> list[Problem]:
    """Check a study folder already read into text records (see :func:`impact.load_study`).

    Transcripts read while checking are kept in ``texts`` (path -> text) when
    a dict is given, so the caller need not read them again.
    """
    path = Path(path)
    from .study import read_transcript

    def reader(rel: str) -> str:
        text = read_transcript(path / "transcripts" / rel, label=f"transcripts/{rel}")
        if texts is not None:
            texts[rel] = text
        return text

    root = (path / "transcripts").resolve()

    def exists(rel: str) -> bool:
        f = path / "transcripts" / rel
        if f.is_symlink() or not f.resolve().is_relative_to(root):
            raise InputError(f"transcripts/{rel}: a link pointing outside transcripts/ - expected a plain file")
        return f.is_file()

    return _check(meta, raw, reader, exists)


def check_study(study) -> list[Problem]:
    """Check an in-memory :class:`impact.Study`."""
    raw = {name: study.records(name) for name in TABLES}

    def exists(rel: str) -> bool:
        if rel in study._transcripts:
            return True
        return study.root is not None and (study.root / "transcripts" / rel).is_file()

    return _check(study.meta, raw, study._transcript_text, exists)


def format_report(problems: list[Problem]) -> str:
    """Human-readable report: errors first, then warnings, one per line."""
    errors = [p for p in problems if p.severity == "error"]
    warns = [p for p in problems if p.severity != "error"]
    lines = [str(p) for p in errors] + [str(p) for p in warns]
    lines.append(f"{len(errors)} error(s), {len(warns)} warning(s)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- meta
def _check_meta(meta: dict[str, Any]) -> tuple[list[Problem], list[dict[str, Any]]]:
    from .study import DEFAULT_WAVES, META_KEYS

    f = "study.yaml"
    out: list[Problem] = []
    for key in meta:
        if key not in META_KEYS:
            out.append(Problem(f, None, str(key), str(key), f"one of the keys {list(META_KEYS)}"))
    if not str(meta.get("name") or "").strip():
        out.append(Problem(f, None, "name", None, "a study name"))
    waves = meta.get("waves", DEFAULT_WAVES)
    good: list[dict[str, Any]] = []
    if not isinstance(waves, list) or not waves:
        out.append(Problem(f, None, "waves", str(waves), "a list of waves, each with id, anchor and window_days"))
        return out, list(DEFAULT_WAVES)
    seen = set()
    for i, w in enumerate(waves):
        col = f"waves[{i}]"
        if not isinstance(w, dict) or "id" not in w:
            out.append(Problem(f, None, col, str(w), "a mapping with id, label, anchor and window_days"))
            continue
        wid = str(w["id"])
        if wid in seen:
            out.append(Problem(f, None, f"{col}.id", wid, "each wave id once"))
        seen.add(wid)
        if w.get("anchor", "review_end") not in ("review_start", "review_end"):
            out.append(Problem(f, None, f"{col}.anchor", str(w.get("anchor")), "review_start or review_end"))
        wd = w.get("window_days")
        if not (isinstance(wd, list) and len(wd) == 2 and all(isinstance(x, int) for x in wd) and wd[0] <= wd[1]):
            out.append(Problem(f, None, f"{col}.window_days", str(wd), "[lo, hi]: two whole numbers of days, lo <= hi"))
            continue
        good.append(w)
    survey = meta.get("survey") or {}
    items = survey.get("items") if isinstance(survey, dict) else None
    if items is not None and not isinstance(items, dict):
        out.append(Problem(f, None, "survey.items", str(items), "a mapping of item id to {label, scale: [min, max]}"))
    for item, spec in (items or {}).items() if isinstance(items, dict) else []:
        scale = (spec or {}).get("scale", [1, 5])
        if not (isinstance(scale, list) and len(scale) == 2 and all(isinstance(x, int) for x in scale) and scale[0] < scale[1]):
            out.append(Problem(f, None, f"survey.items.{item}.scale", str(scale), "[min, max], whole numbers, min < max"))
    for name in meta.get("vocabularies") or {}:
        if name not in schema.EXTENSIBLE:
            out.append(Problem(f, None, f"vocabularies.{name}", str(name), f"one of {list(schema.EXTENSIBLE)}"))
    return out, good


# --------------------------------------------------------------------------- tables
def _vocabularies(meta: dict[str, Any], waves: list[dict[str, Any]]) -> dict[str, set[str]]:
    vocabs = {k: set(v) for k, v in schema.BASE_VOCABULARIES.items()}
    for name, extra in (meta.get("vocabularies") or {}).items():
        if name in schema.EXTENSIBLE and isinstance(extra, (dict, list)):
            vocabs[name] |= {str(k) for k in extra}
    vocabs["waves"] = {str(w["id"]) for w in waves}
    items = ((meta.get("survey") or {}).get("items")) or {}
    vocabs["survey_items"] = {str(k) for k in items} if isinstance(items, dict) else set()
    return vocabs


def _check(meta: dict[str, Any], raw: Records, read: Callable[[str], str], exists: Callable[[str], bool]) -> list[Problem]:
    from .study import TRANSCRIPT_SUFFIXES, parse_cell

    problems, waves = _check_meta(meta)
    vocabs = _vocabularies(meta, waves)
    parsed: dict[str, list[tuple[int, dict[str, Any]]]] = {}

    for name, spec in TABLES.items():
        f = spec.filename
        header, records = raw.get(name, ([], []))
        if not header and not records and spec.optional:
            parsed[name] = []
            continue
        missing = [c for c in spec.column_names if c not in header]
        for c in missing:
            col = spec.column(c)
            if col.required or True:
                problems.append(Problem(f, 1, c, None, f"a column `{c}` ({col.description})"))
        for c in header:
            if c and c not in spec.column_names:
                problems.append(Problem(f, 1, c, c, f"only the columns {spec.column_names}"))
        rows: list[tuple[int, dict[str, Any]]] = []
        keys: dict[tuple, int] = {}
        for line, rec in records:
            values: dict[str, Any] = {}
            for col in spec.columns:
                if col.name not in header:
                    values[col.name] = None
                    continue
                text = rec.get(col.name, "")
                if text == "":
                    if col.required:
                        problems.append(Problem(f, line, col.name, "", f"a value ({col.description})"))
                    values[col.name] = None
                    continue
                value, err = parse_cell(text, col.type)
                if err:
                    problems.append(Problem(f, line, col.name, text, err))
                values[col.name] = value
                if err is None and col.pattern and not re.fullmatch(col.pattern, text):
                    problems.append(Problem(f, line, col.name, text, _pattern_text(col)))
                if err is None and col.vocabulary and col.vocabulary != "statuses":
                    allowed = vocabs.get(col.vocabulary, set())
                    items = [t.strip() for t in text.split(LIST_SEP)] if col.type == "list" else [text]
                    for item in items:
                        if item not in allowed:
                            problems.append(Problem(f, line, col.name, item, f"one of {sorted(allowed)}"))
            if spec.key and all(values.get(k) is not None for k in spec.key):
                k = tuple(str(values[c]) for c in spec.key)
                if k in keys:
                    what = ", ".join(f"{c}={values[c]}" for c in spec.key)
                    problems.append(
                        Problem(f, line, spec.key[0], what, f"a unique {'/'.join(spec.key)} (already on row {keys[k]})")
                    )
                else:
                    keys[k] = line
            rows.append((line, values))
        parsed[name] = rows

    problems += _check_references(parsed)
    problems += _check_status(parsed)
    problems += _check_reviews(parsed)
    problems += _check_interviews(parsed, waves, read, exists, TRANSCRIPT_SUFFIXES)
    problems += _check_survey(parsed, meta)
    problems += _check_attrition(parsed, waves)
    return problems


def _pattern_text(col: schema.Column) -> str:
    if col.name == "council_id":
        return "a DfE three-digit local authority number, as text (e.g. 301)"
    if col.name == "ons_code":
        return "an ONS code such as E09000002"
    return f"text matching {col.pattern}"


def _check_references(parsed) -> list[Problem]:
    out = []
    for name, spec in TABLES.items():
        for col in spec.columns:
            if not col.references:
                continue
            table, column = col.references
            known = {v[column] for _, v in parsed.get(table, []) if v.get(column) is not None}
            for line, v in parsed.get(name, []):
                val = v.get(col.name)
                if val is not None and val not in known:
                    out.append(Problem(spec.filename, line, col.name, val, f"a {column} listed in {TABLES[table].filename}"))
    return out


def _check_status(parsed) -> list[Problem]:
    f = TABLES["status_history"].filename
    out = []
    by_key: dict[tuple[str, str], list[tuple[int, pd.Timestamp, pd.Timestamp | None]]] = defaultdict(list)
    sif = pd.Timestamp(vocab.SIF_START)
    for line, v in parsed.get("status_history", []):
        kind, status, start, end = v.get("kind"), v.get("status"), v.get("start_date"), v.get("end_date")
        if kind in vocab.STATUSES and status is not None:
            allowed = vocab.STATUSES[kind]
            if status not in allowed:
                out.append(Problem(f, line, "status", status, f"for kind {kind}, one of {sorted(allowed)}"))
            elif kind == "ofsted_judgement" and start is not None:
                if status == "adequate" and start >= sif:
                    out.append(Problem(f, line, "status", status, "requires_improvement: 'adequate' was replaced for judgements from 4 November 2013"))
                if status == "requires_improvement" and start < sif:
                    out.append(Problem(f, line, "status", status, "adequate: 'requires improvement' was only used for judgements from 4 November 2013"))
        if start is not None and end is not None and end < start:
            out.append(Problem(f, line, "end_date", end.strftime("%Y-%m-%d"), f"a date on or after start_date {start:%Y-%m-%d}"))
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


def _check_reviews(parsed) -> list[Problem]:
    f = TABLES["reviews"].filename
    out = []
    for line, v in parsed.get("reviews", []):
        if v.get("start_date") is not None and v.get("end_date") is not None and v["end_date"] < v["start_date"]:
            out.append(Problem(f, line, "end_date", f"{v['end_date']:%Y-%m-%d}", f"a date on or after start_date {v['start_date']:%Y-%m-%d}"))
        if v.get("themes"):
            have = {t.strip() for t in v["themes"].split(LIST_SEP)}
            lacking = [t for t in vocab.CORE_THEMES if t not in have]
            if lacking:
                out.append(Problem(f, line, "themes", v["themes"], f"all five core themes (missing {lacking})"))
    return out


def _check_interviews(parsed, waves, read, exists, suffixes) -> list[Problem]:
    f = TABLES["interviews"].filename
    out = []
    council_of = {v["participant_id"]: v["council_id"] for _, v in parsed.get("participants", []) if v.get("participant_id")}
    reviews = {v["council_id"]: v for _, v in parsed.get("reviews", []) if v.get("council_id")}
    windows = {str(w["id"]): w for w in waves}
    no_review_reported = set()
    for line, v in parsed.get("interviews", []):
        pid, cid = v.get("participant_id"), v.get("council_id")
        if pid in council_of and cid and council_of[pid] != cid:
            out.append(Problem(f, line, "council_id", cid, f"the council of participant {pid} ({council_of[pid]})"))
        date, wave = v.get("date"), v.get("wave")
        review = reviews.get(cid)
        if date is not None and cid and review is None:
            if cid not in no_review_reported:
                out.append(Problem(f, line, "council_id", cid, "a council with a row in reviews.csv (waves are timed from the review)"))
                no_review_reported.add(cid)
        elif date is not None and review is not None:
            offset = functools.partial(_offset, review=review, date=date)
            if wave is not None and wave in windows:
                w = windows[wave]
                off = offset(w)
                lo, hi = w["window_days"]
                if off is not None and not lo <= off <= hi:
                    out.append(Problem(f, line, "date", f"{date:%Y-%m-%d}",
                                       f"a date in the {wave} window ({lo} to {hi} days from the {w.get('anchor', 'review_end').replace('_', ' ')}; this is {off})"))
            elif wave is None:
                hits = [wid for wid, w in windows.items() if (o := offset(w)) is not None and w["window_days"][0] <= o <= w["window_days"][1]]
                if not hits:
                    out.append(Problem(f, line, "date", f"{date:%Y-%m-%d}", "a date inside some wave's window, or a wave given"))
        rel = v.get("transcript")
        if rel is None:
            continue
        col = "transcript"
        parts = rel.replace("\\", "/").split("/")
        if rel.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", rel):
            out.append(Problem(f, line, col, rel, "a path inside transcripts/ (no '..', no absolute path)"))
            continue
        if not rel.lower().endswith(suffixes):
            out.append(Problem(f, line, col, rel, "a .txt or .docx file"))
            continue
        try:
            found = exists(rel)
        except InputError as exc:
            out.append(Problem(f, line, col, rel, f"a plain file inside transcripts/ ({exc})"))
            continue
        if not found:
            out.append(Problem(f, line, col, rel, f"an existing file transcripts/{rel}"))
            continue
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                text = read(rel)
            for w in caught:
                out.append(Problem(f, line, col, rel, f"UTF-8 text ({w.message})", severity="warning"))
            if not text.strip():
                out.append(Problem(f, line, col, rel, "a transcript with some text (the file is empty)"))
        except InputError as exc:
            out.append(Problem(f, line, col, rel, f"a readable transcript ({exc})"))
    return out


def _offset(w: dict[str, Any], *, review: dict[str, Any], date: pd.Timestamp) -> int | None:
    """Days from the wave's anchor (review start or end) to ``date``."""
    anchor = review.get("start_date") if w.get("anchor", "review_end") == "review_start" else review.get("end_date")
    return None if anchor is None else (date - anchor).days


def _check_survey(parsed, meta) -> list[Problem]:
    f = TABLES["survey_responses"].filename
    items = ((meta.get("survey") or {}).get("items")) or {}
    out = []
    if not isinstance(items, dict):
        return out
    for line, v in parsed.get("survey_responses", []):
        item, value = v.get("item"), v.get("value")
        if item in items and value is not None:
            lo, hi = (items[item] or {}).get("scale", [1, 5])
            if not lo <= value <= hi:
                out.append(Problem(f, line, "value", str(value), f"a whole number from {lo} to {hi} (the scale of {item})"))
    return out


def _check_attrition(parsed, waves) -> list[Problem]:
    """Councils or participants interviewed at some waves but not all: warnings."""
    out = []
    wave_ids = [str(w["id"]) for w in waves]
    by_council: dict[str, set[str]] = defaultdict(set)
    by_part: dict[str, set[str]] = defaultdict(set)
    for _, v in parsed.get("interviews", []):
        if v.get("wave"):
            by_council[v["council_id"]].add(v["wave"])
            by_part[v["participant_id"]].add(v["wave"])
    for council, have in sorted(by_council.items()):
        lacking = [w for w in wave_ids if w not in have]
        if lacking:
            out.append(Problem("interviews.csv", None, "council_id", council, f"interviews at every wave (attrition: none at {', '.join(lacking)})", severity="warning"))
    for pid, have in sorted(by_part.items()):
        lacking = [w for w in wave_ids if w not in have]
        if lacking:
            out.append(Problem("interviews.csv", None, "participant_id", pid, f"an interview at every wave (attrition: none at {', '.join(lacking)})", severity="warning"))
    return out
