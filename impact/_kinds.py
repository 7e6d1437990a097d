"""Which of impact's own file kinds a file is, told from its content: a CSV's header row, a workbook's sheets, a zip's
members, a YAML file's top-level keys, a JSON file's keys, an XML file's root element; never from its name.

A file given to an option that reads another kind (a review workbook to ``impact run --coded`` before any decision is
filled in, a coded CSV to ``--codebook``, a study's ``councils.csv`` to ``--key-file``) was refused in the words of
the reader it reached ("holds no codings", "not a coded file; the columns [...] are missing", a YAML error).  With
:func:`file_kind` the refusal says what the file is, what the option expected and which command and option read it
(:func:`wrong_kind`).  Only the file's start is read (at most :data:`HEAD_BYTES`; a zip's directory and its
workbook part), so a huge file costs no memory here; a file that cannot be read is no kind (its reader says why).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Kind", "KINDS", "file_kind", "wrong_kind"]

#: The most read of a file's start to tell its kind.
HEAD_BYTES = 65_536
#: A JSON file is parsed whole only up to this size (impact's own are a few hundred kilobytes).
_JSON_MAX = 4_000_000


@dataclass(frozen=True)
class Kind:
    """One of impact's file kinds: ``key``, what it is (``said``) and which commands and options read it."""

    key: str
    said: str
    read_by: str


_K = [
    Kind("study_folder_file", "a study's study.yaml (the study's description)",
         "give its folder, the study folder, where a command takes a study (`impact validate STUDY`, `impact run "
         "STUDY`, `--study STUDY`)"),
    Kind("study_table", "a study table ({name} of a study folder)",
         "give the study folder it is in, where a command takes a study (`impact validate STUDY`, `impact run STUDY`, "
         "`--study STUDY`)"),
    Kind("codebook", "a codebook (YAML)", "`--codebook` of `impact code`, `run`, `agree`, `review export`, "
                                          "`export-qdpx` and `import-qdpx` reads it"),
    Kind("qdc", "a REFI-QDA codebook (.qdc)", "`impact import-qdpx --codebook` reads it"),
    Kind("codebook_csv", "a codebook written as CSV for Taguette (`impact export-qdpx` writes it beside the project)",
         "Taguette imports it; impact reads the codebook as YAML (`--codebook`) or as a REFI-QDA .qdc "
         "(`impact import-qdpx --codebook`)"),
    Kind("coded", "coded output (`impact code` writes it)",
         "`impact agree`, `impact review export --coded`, `impact export-qdpx --coded` and `impact run --coded` / "
         "`--human` read it"),
    Kind("coded_parquet", "coded output in Parquet (`impact code --out FILE.parquet` writes it)",
         "`impact run --coded` / `--human` and `impact export-qdpx --coded` read it; `impact agree` and `impact review "
         "export --coded` read coded CSV (`impact code --out FILE.csv`)"),
    Kind("decisions", "a reviewer's decisions (`impact review import` writes them)",
         "`impact agree` and `impact run --coded` / `--human` read them"),
    Kind("codings_long", "codings of several coders (unit, coder, value)", "`impact agree` reads it"),
    Kind("qdpx_codings", "codings imported from a QDA project (`impact import-qdpx` writes them)",
         "`impact agree`, `impact export-qdpx --coded` and `impact run --coded` / `--human` read them"),
    Kind("truth_coded", "a synthetic study's planted codings (truth_coded.csv)",
         "`impact run --coded` / `--human` and `impact export-qdpx --coded` read it"),
    Kind("truth_statements", "a synthetic study's planted statements (truth_statements.csv, the truth behind "
                             "truth_coded.csv)", "no command reads it: `impact run --coded` takes truth_coded.csv"),
    Kind("planted_pii", "a synthetic study's planted personal data (planted_pii.csv)",
         "no command reads it (the privacy tests compare the report with it)"),
    Kind("agreement", "agreement results (`impact agree --out` writes them)", "no command reads them: they are "
                                                                              "results, not codings"),
    Kind("reidentification_key", "a re-identification key (the pseudonyms with the real ids they stand for; `impact "
                                 "run` writes it beside the output folder)",
         "no command reads it: `--key-file` takes the pseudonym key, one line such as the 64 hex digits impact "
         "generates"),
    Kind("redaction_log", "a report's redaction log (redaction_log.csv of an output folder)",
         "no command reads it"),
    Kind("review_workbook", "a review workbook (`impact review export` writes it)",
         "`impact review import FILE` reads it; filled in, `impact run --coded` / `--human` take it too"),
    Kind("adjudication", "an adjudication workbook (impact.write_disagreements_xlsx writes it)",
         "impact.read_adjudication reads it, in Python; no command does"),
    Kind("report_tables", "a report's tables workbook (tables.xlsx of an output folder)", "no command reads it"),
    Kind("word", "a Word document", "`impact run --docx-template` and `impact demo --docx-template` read it "
                                   "(a transcript may be one, in a study's transcripts folder)"),
    Kind("qdpx", "a REFI-QDA project (.qdpx)", "`impact import-qdpx FILE` and `impact run --coded` / `--human` "
                                              "read it"),
    Kind("qdpx_cases", "the cases of a QDA project (cases.csv, `impact import-qdpx` writes it)",
         "no command reads it: the study's councils.csv holds the councils"),
    Kind("report_page", "a report's web page (report.html of an output folder)", "a web browser opens it; no command "
                                                                                  "reads it"),
    Kind("report_table", "a report's table (a CSV of an output folder's tables)", "no command reads it"),
    Kind("provenance", "a report's provenance.json (of an output folder)", "no command reads it"),
    Kind("parameters", "a report's parameters.json (of an output folder)", "no command reads it"),
    Kind("output_manifest", "the list of an output folder's files (.impact-output.json)", "no command reads it"),
    Kind("planted_truth", "a synthetic study's planted truth (planted_truth.json)", "no command reads it"),
]
#: impact's file kinds, by key.
KINDS: dict[str, Kind] = {k.key: k for k in _K}


def _header(head: bytes) -> list[str] | None:
    """The first row of a CSV file's start, lower-cased and stripped, or None where it is no text."""
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        text = head.decode("utf-16", "ignore")
    elif b"\x00" in head:
        return None
    else:
        text = head.decode("utf-8", "replace")
    text = text.lstrip("\ufeff")
    if re.match(r"sep=.\s*\n", text, re.IGNORECASE):
        text = text.split("\n", 1)[1]
    line = text.split("\n", 1)[0]
    try:
        row = next(csv.reader(io.StringIO(line)), [])
    except csv.Error:
        return None
    if len(row) < 2:
        return None
    return [c.strip().lstrip("\ufeff").lower() for c in row]


def _csv_kind(cols: set[str]) -> tuple[str, str] | None:
    from .coding._columns import CODED_COLUMNS

    checks = [
        ("reidentification_key", {"kind", "real_id", "pseudonym"}),
        ("qdpx_cases", {"case_guid", "name", "source_guids"}),
        ("report_table", {"table", "column", "label", "unit", "format", "description"}),
        ("redaction_log", {"unit", "kind", "start", "end", "new_start", "new_end"}),
        ("agreement", {"metric", "value", "n_units", "n_coders"}),
        ("decisions", {"unit", "code", "coder", "present", "decision"}),
        ("qdpx_codings", {*CODED_COLUMNS, "coder", "coding_guid"}),
        ("coded", set(CODED_COLUMNS)),
        ("truth_statements", {"interview_id", "start", "end", "code", "polarity", "level", "validation"}),
        ("truth_coded", {"interview_id", "start", "end", "code", "polarity", "coder"}),
        ("planted_pii", {"interview_id", "kind", "value", "start", "end"}),
        ("codebook_csv", {"tag", "description"}),
        ("codings_long", {"unit", "coder", "value"}),
    ]
    for key, needed in checks:
        if needed <= cols:
            return key, ""
    from .schema import TABLES

    best = None
    for table in TABLES.values():
        required = {c.name for c in table.columns if getattr(c, "required", True)}
        if required and required <= cols and (best is None or len(required) > best[0]):
            best = (len(required), table.filename)
    return ("study_table", best[1]) if best else None


def _sheets(z: zipfile.ZipFile) -> list[str]:
    try:
        info = z.getinfo("xl/workbook.xml")
        if info.file_size > 4_000_000:
            return []
        xml = z.read(info).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError):
        return []
    from html import unescape

    return [unescape(n) for n in re.findall(r"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"", xml)]


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist()[:10_000])
            if "project.qde" in names:
                return "qdpx"
            if "word/document.xml" in names:
                return "word"
            if "xl/workbook.xml" in names:
                sheets = set(_sheets(z))
                if {"review", "_meta", "_original"} <= sheets:
                    return "review_workbook"
                if {"adjudicate", "_meta"} <= sheets:
                    return "adjudication"
                if "Notes" in sheets and any(re.fullmatch(r"Table \d+", s) for s in sheets):
                    return "report_tables"
    except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, ValueError):
        return None
    return None


def _parquet_kind(path: Path) -> str | None:
    """A Parquet file's kind from its columns (its schema, read from the footer), as a CSV's from its header."""
    try:
        import pyarrow.parquet as pq

        names = pq.read_schema(path).names
    except Exception:  # noqa: BLE001 - no pyarrow, or a damaged file: its reader says which
        return None
    found = _csv_kind({str(n).strip().lower() for n in names})
    if found and found[0] == "coded":
        return "coded_parquet"
    return found[0] if found and found[0] != "study_table" else None


def _json_kind(path: Path, size: int) -> str | None:
    if size > _JSON_MAX:
        return None
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    keys = set(data)
    if {"provenance", "title"} <= keys:
        return "provenance"
    if {"seed", "n_resamples", "codebook"} <= keys:
        return "parameters"
    if keys == {"files"} or ("files" in keys and isinstance(data.get("files"), dict) and len(keys) <= 3
                             and all(isinstance(v, dict) and "sha256" in v for v in data["files"].values())):
        return "output_manifest"
    if "councils" in keys and isinstance(data.get("councils"), list) and ("effects" in keys or "planted" in keys
                                                                           or "estimands" in keys):
        return "planted_truth"
    return None


def _yaml_kind(text: str) -> str | None:
    keys = set(re.findall(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:", text, re.MULTILINE))
    if "codes" in keys and keys & {"id", "title", "classes", "version"}:
        return "codebook"
    from .schema import META_KEYS

    if keys & {"waves", "name"} and len(keys & set(META_KEYS)) >= 2 and len(keys - set(META_KEYS)) <= len(keys) // 2:
        return "study_folder_file"
    return None


def file_kind(path: str | os.PathLike) -> tuple[Kind, str] | None:
    """Which of impact's file kinds ``path`` is, and how to say it (``"a study table (councils.csv of a study
    folder)"``), told from its content; None for any other file, a folder, or a file that cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "anything.txt"
    >>> _ = f.write_text("kind,real_id,pseudonym\\ncouncil,301,Council C01\\n")
    >>> kind, said = file_kind(f)
    >>> kind.key
    'reidentification_key'
    """
    path = Path(path)
    try:
        if not path.is_file():
            return None
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except (OSError, ValueError):
        return None
    key, detail = None, ""
    if head.startswith(b"PK\x03\x04"):
        key = _zip_kind(path)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        key = _json_kind(path, size)
    elif head.startswith(b"PAR1"):
        key = _parquet_kind(path)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        start = head[:4096].decode("utf-8", "replace")
        root = re.search(r"<(?!\?|!)(?:\w+:)?(\w+)", start)
        if re.search(r"<meta name=\"generator\" content=\"impact\b", start):
            key = "report_page"
        else:
            key = {"CodeBook": "qdc", "Project": "qdpx"}.get(root.group(1)) if root else None
    else:
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
        key = _yaml_kind(text)
        if key is None and (cols := _header(head)) is not None:
            found = _csv_kind(set(cols))
            if found:
                key, detail = found
    if key is None:
        return None
    kind = KINDS[key]
    return kind, kind.said.format(name=detail or "a table")


def wrong_kind(path: str | os.PathLike, accepts: tuple[str, ...] | frozenset[str], *, given: str,
               expected: str) -> str | None:
    """The message refusing ``path`` given as ``given`` (an option, ``"--codebook x.csv"``) where ``expected`` was
    expected, if it is one of impact's own file kinds other than ``accepts``; None otherwise (the file's reader
    judges it)."""
    found = file_kind(path)
    if found is None or found[0].key in accepts:
        return None
    kind, said = found
    return f"{given}: {said} - expected {expected}; {kind.read_by}"
