"""Between a study (transcripts, coded output, codebook) and a REFI-QDA project."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import warnings
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd

from .._frames import as_text, text_series
from .._keywords import keyword_only
from .._words import _counted
from ..errors import InputError, Problem, ValidationError, user_level
from ..schema import did_you_mean, not_one_of
from ._model import COLUMNS, QdaProject, QdpxWarning, coerce, frame, make_guid, norm_guid
from ._write import _table, codes_table

__all__ = ["project_from_study", "study_codings_from_project", "codebook_from_project"]

_SECTIONS = ("Include", "Exclude", "Examples")
_SCORE_RE = re.compile(
    r"^impact: score=(?P<score>[-+0-9.eE]+|nan) negated=(?P<negated>true|false) hedged=(?P<hedged>true|false) attribution=(?P<attribution>\S*)$"
)
_CODEBOOK_SET = re.compile(r"^codebook: (?P<id>\S+) (?P<version>\S+)$")
# Selections are named "line:<n> <unit>": the zero-based line the span starts on (the name
# qualitative-coding gives its own selections and the only place its REFI-QDA import looks
# for a line; it codes lines, not spans) and the unit the coding was made on.
_LINE_PREFIX = re.compile(r"^line:\d+ ")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SOURCE_VARS = ["interview_id", "council_id", "participant_id", "wave", "date", "mode", "role"]


def _na(v: object) -> bool:
    return v is None or (not isinstance(v, str) and bool(pd.isna(v)))


def _load_codebook(codebook: Any, study: Any) -> Any:
    from ..coding import Codebook

    if codebook is None:
        return Codebook.for_study(study)
    if isinstance(codebook, str):
        return Codebook.load(codebook)
    return codebook


def _load_codebooks(codebook: Any, study: Any) -> list[Any]:
    """One codebook, or several (a list or tuple) whose code ids must not collide."""
    books = [_load_codebook(c, study) for c in codebook] if isinstance(codebook, (list, tuple)) else [_load_codebook(codebook, study)]
    if not books:
        raise InputError("`codebook` is an empty list: pass a codebook, a bundled codebook name, or several.")
    seen: dict[str, str] = {}
    clashes = []
    for cb in books:
        for code in cb.code_ids:
            if code in seen and seen[code] != cb.id:
                clashes.append(f"{code!r} (in {seen[code]!r} and {cb.id!r})")
            seen.setdefault(code, cb.id)
    if clashes:
        raise InputError("Codebooks exported to one project must not share code ids, but these do: " + ", ".join(clashes) + ".")
    return books


def _description(row: Mapping[str, Any]) -> str | None:
    """A code's description for human coders: definition, then include/exclude/examples."""
    parts = [str(row.get("definition") or "").strip()]
    for key in _SECTIONS:
        value = row.get(key.lower())
        if key == "Examples" and value:
            value = "\n".join(f"- {e}" for e in str(value).split(";") if e.strip())
            if value:
                parts.append(f"{key}:\n{value}")
        elif value and str(value).strip():
            parts.append(f"{key}: {str(value).strip()}")
    text = "\n\n".join(p for p in parts if p)
    return text or None


def _parse_description(text: object) -> dict[str, Any]:
    out: dict[str, Any] = {"definition": "", "include": "", "exclude": "", "examples": []}
    if _na(text):
        return out
    chunks = str(text).split("\n\n")
    current = "definition"
    buf: dict[str, list[str]] = {"definition": [], "include": [], "exclude": [], "examples": []}
    for chunk in chunks:
        m = re.match(r"^(Include|Exclude|Examples):[ \n]?", chunk)
        if m:
            current = m.group(1).lower()
            chunk = chunk[m.end() :]
        buf[current].append(chunk)
    for key in ("definition", "include", "exclude"):
        out[key] = "\n\n".join(buf[key]).strip()
    out["examples"] = [line[2:].strip() for line in "\n\n".join(buf["examples"]).splitlines() if line.startswith("- ")]
    return out


@keyword_only("coded_by_coder", "codebook")
def project_from_study(
    study: Any,
    *,
    coded_by_coder: Mapping[str, pd.DataFrame] | None = None,
    codebook: Any = None,
    segments: pd.DataFrame | None = None,
) -> QdaProject:
    """Build a REFI-QDA project from a study and the codings of its coders.

    Sources are the interview transcripts (named by interview id, with the
    source variables ``interview_id, council_id, participant_id, wave, date,
    mode, role``); councils are Cases (variables ``council_id, council_type,
    region`` and, per wave, ``intervention_<wave>`` and ``ofsted_<wave>``)
    holding their interviews; each coder (human or machine) is a User; each
    coded row is a coding of its evidence span.  Participants' names are never
    exported.

    Parameters
    ----------
    study : impact.Study
    coded_by_coder : dict of {str: DataFrame}, optional
        Coded output (``unit, code, start, end`` and optionally ``score,
        negated, hedged, attribution``) per coder name.  Units are segment ids
        (``"<interview_id>:<n>"``) or interview ids.  A row without ``start``
        and ``end`` codes its whole segment (``segments`` needed) or interview.
    codebook : impact.Codebook or str, or a list of them, optional
        Default: the study's codebook (``study.codebook_ref``).  Its codes get
        GUIDs made from their ids, so every export of a code has the same GUID.
        Several codebooks (``["nfer_impacts", "review_process"]``) go into one
        project, each as a set of its codes; their code ids must not collide.
    segments : DataFrame, optional
        Segments (``segment_id, interview_id, start, end``) for rows without
        positions.

    Returns
    -------
    QdaProject
        Write it with :func:`write_qdpx`.

    Raises
    ------
    ValidationError
        Listing every coded row whose unit or code is unknown.

    Examples
    --------
    >>> import pandas as pd, impact
    >>> from impact.study import Study
    >>> study = Study({"name": "x"}, {})
    >>> project = impact.project_from_study(study, codebook="nfer_impacts")
    >>> len(project.codes) > 0, project.sources.empty  # the codebook's codes; no transcripts in an empty study
    (True, True)
    """
    from ..study import refuse_swapped

    refuse_swapped(project_from_study, study=study, codebook=codebook, segments=segments)
    from ..study import require_study

    require_study(study, "interviews", "councils", "participants", "transcripts")
    books = _load_codebooks(codebook, study)
    interviews = study.interviews
    texts = study.transcripts()
    participants = study.participants.set_index("participant_id")
    src_guid = {i: make_guid("interview", i) for i in interviews["interview_id"]}
    sources = pd.DataFrame(
        {
            "source_guid": [src_guid[i] for i in interviews["interview_id"]],
            "name": interviews["interview_id"].tolist(),
            "kind": "TextSource",
            "text": [texts.get(i) for i in interviews["interview_id"]],
            "interview_id": interviews["interview_id"].tolist(),
            "council_id": interviews["council_id"].tolist(),
            "participant_id": interviews["participant_id"].tolist(),
            "wave": interviews["wave"].tolist(),
            "date": [None if _na(d) else pd.Timestamp(d).date().isoformat() for d in interviews["date"]],
            "mode": interviews["mode"].tolist(),
            "role": [participants["role"].get(p) for p in interviews["participant_id"]],
        }
    )
    variables = frame("variables", [{"variable_guid": make_guid("variable", v), "name": v, "type": "Date" if v == "date" else "Text"} for v in _SOURCE_VARS])
    cases, case_vars = _council_cases(study)
    case_sources = pd.DataFrame({"case_guid": [make_guid("council", c) for c in interviews["council_id"]], "source_guid": sources["source_guid"]})
    per_book = [_codebook_codes(cb) for cb in books]
    codes = coerce(pd.concat(per_book, ignore_index=True), "codes") if len(per_book) > 1 else per_book[0]
    coders = list((coded_by_coder or {}).keys())
    users = pd.DataFrame({"user_guid": [make_guid("coder", c) for c in coders], "name": coders})
    codings = _codings(coded_by_coder or {}, books, src_guid, texts, segments)
    # one set per codebook, holding its codes
    sets = [{"set_guid": make_guid("codebook", cb.id, cb.version), "name": f"codebook: {cb.id} {cb.version}", "description": cb.title or None}
            for cb in books]
    members = [{"set_guid": make_guid("codebook", cb.id, cb.version), "member_type": "code", "member_guid": g}
               for cb, table in zip(books, per_book, strict=True) for g in table["code_guid"]]
    project = QdaProject(
        name=f"{study.name} (impact)",
        sources=sources,
        codes=codes,
        users=frame("users", users.to_dict("records")),
        codings=codings,
        variables=variables,
        cases=cases,
        case_variables=case_vars,
        case_sources=coerce(case_sources, "case_sources"),
        sets=frame("sets", sets),
        set_members=frame("set_members", members),
    )
    var_cols = [c for c in _SOURCE_VARS]
    project.sources = project.sources[["source_guid", "name", "kind", "text", *var_cols]]
    return project


def _codebook_codes(cb: Any) -> pd.DataFrame:
    codes = cb.codes
    table = codes_table(codes)
    table["description"] = text_series([_description(r) for r in codes.to_dict("records")], index=table.index)
    return table


def _council_cases(study: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    councils = study.councils
    status = study.wave_status()
    rows, values = [], []
    for c in councils.itertuples(index=False):
        guid = make_guid("council", c.council_id)
        rows.append({"case_guid": guid, "name": c.name})
        for var in ("council_id", "council_type", "region"):
            v = getattr(c, var)
            if not _na(v):
                values.append({"case_guid": guid, "variable": var, "value": str(v)})
        mine = status[status["council_id"] == c.council_id]
        for s in mine.itertuples(index=False):
            values.append({"case_guid": guid, "variable": f"intervention_{s.wave}", "value": s.intervention})
            if not _na(s.ofsted_judgement):
                values.append({"case_guid": guid, "variable": f"ofsted_{s.wave}", "value": s.ofsted_judgement})
    return frame("cases", rows), frame("case_variables", values)


def _line_of(text: str, start: int) -> int:
    """Zero-based line of ``start`` (a CRLF, a CR or an LF ends a line, as universal newlines read them)."""
    return len(_LINE_BREAK.findall(text, 0, start))


def _interview_of(unit: str, known: set[str]) -> str | None:
    if unit in known:
        return unit
    head = unit.rsplit(":", 1)[0]
    return head if head in known else None


def _codings(coded: Mapping[str, pd.DataFrame], books: list[Any], src_guid: dict[str, str], texts: pd.Series, segments: pd.DataFrame | None) -> pd.DataFrame:
    ids = {c for cb in books for c in cb.code_ids}
    names = " or ".join(repr(cb.id) for cb in books)
    known = set(src_guid)
    seg = segments.set_index("segment_id")[["start", "end"]] if segments is not None else None
    problems: list[Problem] = []
    rows: list[dict] = []
    for coder, data in coded.items():
        if "unit" not in data.columns or "code" not in data.columns:
            raise InputError(f"The coded output of {coder!r} must have `unit` and `code` columns, but it has {list(data.columns)}.")
        user = make_guid("coder", coder)
        # each row named by its file and row where the frame says them (attrs "source", "rows": a file of several
        # coders is split by coder, so the place in a coder's part is no row of the file)
        where = str(data.attrs.get("source") or f"coded[{coder!r}]")
        file_rows = list(data.attrs.get("rows") or ())
        if len(file_rows) != len(data):  # rows of another frame (one this was filtered from): not this one's
            file_rows = list(range(2, len(data) + 2))
        for i, r in enumerate(data.to_dict("records")):
            unit, code = str(r["unit"]), r["code"]
            interview = _interview_of(unit, known)
            if interview is None:
                problems.append(Problem(where, file_rows[i], "unit", unit, "a segment id '<interview_id>:<n>' or interview id of the study"))
                continue
            if code not in ids:
                problems.append(Problem(where, file_rows[i], "code", code, f"a code of codebook {names}"
                                        f"{did_you_mean(str(code), sorted(ids))}"))
                continue
            start, end = r.get("start"), r.get("end")
            if _na(start) or _na(end):
                if unit == interview:
                    start, end = None, None
                elif seg is not None and unit in seg.index:
                    start, end = int(seg.at[unit, "start"]), int(seg.at[unit, "end"])
                else:
                    problems.append(Problem(where, file_rows[i], "start", "", "positions, or `segments` holding the unit"))
                    continue
            extra = None
            if "score" in r:
                extra = (
                    f"impact: score={float(r['score'])!r} negated={str(bool(r.get('negated', False))).lower()} "
                    f"hedged={str(bool(r.get('hedged', False))).lower()} attribution={r.get('attribution') or ''}"
                )
            rows.append(
                {
                    "coding_guid": make_guid("coding", coder, unit, code, start, end, i),
                    "selection_guid": None if start is None else make_guid("selection", coder, unit, start, end, extra),
                    "source_guid": src_guid[interview],
                    "code_guid": make_guid("code", code),
                    "user_guid": user,
                    "start": start,
                    "end": end,
                    "text": None if start is None else texts.get(interview, "")[int(start) : int(end)],
                    "selection_user_guid": None if start is None else user,
                    "selection_name": None if start is None else f"line:{_line_of(texts.get(interview, ''), int(start))} {unit}",
                    "selection_description": extra if start is not None else None,
                }
            )
    if problems:
        raise ValidationError(problems, source="coded output to export")
    return frame("codings", rows)


def _complete(project: QdaProject) -> QdaProject:
    """A copy with every table holding all its columns (a hand-built project may lack some)."""
    if not isinstance(project, QdaProject):
        raise InputError(f"`project` must be a QdaProject, but {type(project).__name__} was passed.")
    tables = {name: _table(project, name) for name in COLUMNS if name != "issues"}
    return dataclasses.replace(project, **tables)


def _coder_names(users: pd.DataFrame, coded_by: pd.Series) -> dict[str, str]:
    """The coder each user who made a coding is read as: the name the project's ``<Users>`` give, so that agreement
    counts people, each one coder.  Two users of one name (case and spaces aside: two accounts 'Admin', two people
    'J Smith') are told apart by the start of their GUID, ``'J Smith [2b0f4184]'``; a user of no name, or one the
    project does not list, is read as their GUID.  Each is told in a :class:`QdpxWarning`: their codings would
    otherwise be one coder's, or be counted under a code no one can read."""
    named = {g: " ".join(n.split()) for g, n in zip(users["user_guid"], users["name"], strict=True)
             if not _na(g) and isinstance(n, str) and n.strip()}
    used = [g for g in dict.fromkeys(coded_by.tolist()) if not _na(g)]
    by_name: dict[str, list[str]] = {}
    for g in used:
        if g in named:
            by_name.setdefault(named[g].casefold(), []).append(g)
    out = {}
    for g in used:
        if g not in named:
            listed = g in set(users["user_guid"].tolist())
            n = int((coded_by == g).sum())
            warnings.warn(f"{_counted(n, 'coding')} by user {g!r}, whom the project's <Users> "
                          f"{'list without a name' if listed else 'do not list'}: read as coder {g!r}; name the user "
                          "in the program that made the project to have their name", QdpxWarning, stacklevel=user_level())
            out[g] = str(g)
        elif len(same := by_name[named[g].casefold()]) > 1:
            out[g] = f"{named[g]} [{str(g)[:8]}]"
            if g == same[0]:
                warnings.warn(f"{len(same)} users of the project are named {named[g]!r} (GUIDs "
                              f"{', '.join(str(x)[:8] for x in same)}): their codings are read as {len(same)} coders, "
                              f"{', '.join(repr(f'{named[x]} [{str(x)[:8]}]') for x in same)}, not as one; give each "
                              "person a name of their own in the program that made the project", QdpxWarning,
                              stacklevel=user_level())
        else:
            out[g] = named[g]
    return out


def _interview_names(id_col: pd.Series, coded_in: pd.Series) -> dict[str, str]:
    """The interview each source that holds codings is read as: its interview id, or else its name (a source of
    neither, its GUID).  Two sources of one name (case, spaces and the form of letters aside: two documents
    'Interview 3') are told apart by the start of their GUID, ``'Interview 3 [2b0f4184]'``, in a
    :class:`QdpxWarning`: read as one interview, the codings of two texts would be placed in one, their spans
    measured in another text."""
    from ..schema import same_id

    used = [g for g in dict.fromkeys(coded_in.tolist()) if not _na(g)]
    named = {g: str(g) if _na(id_col.get(g)) else str(id_col.get(g)) for g in used}
    by_name: dict[str, list[str]] = {}
    for g in used:
        by_name.setdefault(same_id(named[g], loose=False), []).append(g)
    out = {}
    for g in used:
        same = by_name[same_id(named[g], loose=False)]
        out[g] = f"{named[g]} [{str(g)[:8]}]" if len(same) > 1 else named[g]
        if len(same) > 1 and g == same[0]:
            warnings.warn(f"{len(same)} sources of the project are named {named[g]!r}"
                          f"{' or written so' if len({named[x] for x in same}) > 1 else ''} (GUIDs "
                          f"{', '.join(str(x)[:8] for x in same)}): their codings are read as {len(same)} "
                          f"interviews, {', '.join(repr(f'{named[x]} [{str(x)[:8]}]') for x in same)}, not as "
                          "one; give each document a name of its own in the program that made the project",
                          QdpxWarning, stacklevel=user_level())
    return out


def _slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_).strip("_")
    return slug if slug and slug[0].isalpha() else f"code_{slug}".rstrip("_")


def _one_line(name: object) -> str:
    """A code's or project's name as a label is shown, on one line: its runs of spaces, tabs and line breaks (which
    an XML attribute may hold) one space; '' for none."""
    return " ".join(name.split()) if isinstance(name, str) else ""


def codebook_from_project(project: QdaProject, *, codebook_id: str | None = None) -> Any:
    """An :class:`impact.Codebook` from a project's code tree.

    Code ids are the ids :mod:`impact` exported (kept in the description), else
    made from the names (ASCII snake_case, made unique); labels are the names;
    definitions, include/exclude notes and examples are read back from the
    description.  Returns the codebook with a ``code_guid -> code_id`` map in
    its ``qdpx_code_ids`` attribute.

    Parameters
    ----------
    project : QdaProject
        A project read by :func:`read_qdpx` or :func:`read_qdc`.
    codebook_id : str, optional
        The codebook's id (default: made from the project's name).

    Returns
    -------
    Codebook
        With ``qdpx_code_ids`` (``code_guid -> code_id``).

    Raises
    ------
    impact.InputError
        If the project has no codes.

    Examples
    --------
    >>> import pandas as pd, impact
    >>> from impact.study import Study
    >>> study = Study({"name": "x"}, {})
    >>> project = impact.project_from_study(study, codebook="nfer_impacts")
    >>> book = impact.codebook_from_project(project)
    >>> "morale" in book.leaf_codes()
    True
    """
    from ..coding import Codebook

    project = _complete(project)
    codes = project.codes
    if not len(codes):
        raise InputError(f"The project {project.name!r} has no codes to make a codebook from.")
    ids: dict[str, str] = {}
    used: set[str] = set()
    for r in codes.itertuples(index=False):
        base = r.code_id if not _na(r.code_id) and re.match(r"^[a-z][a-z0-9_]*$", r.code_id) else _slug(r.name or "code")
        cid, n = base, 2
        while cid in used:
            cid, n = f"{base}_{n}", n + 1
        used.add(cid)
        ids[r.code_guid] = cid
    spec_codes = []
    for r in codes.itertuples(index=False):
        parsed = _parse_description(r.description)
        spec_codes.append(
            {"id": ids[r.code_guid], "parent": ids.get(r.parent_guid, "") if not _na(r.parent_guid) else "", "label": _one_line(r.name) or ids[r.code_guid], **parsed}
        )
    cid = codebook_id or _slug(project.name or "qdpx") or "qdpx"
    title = _one_line(project.name) or cid
    cb = Codebook({"format_version": 1, "id": cid, "version": "1", "title": title, "codes": spec_codes}, source=f"codes of {project.name!r}")
    cb.qdpx_code_ids = ids
    return cb


def _codebook_for(project: QdaProject, codebook: Any) -> tuple[Any, dict[str, str]]:
    """The codebook to code with, and the map from code GUID to its code id.

    Without ``codebook``, every ``codebook: <id> <version>`` set that loads is
    used: the first is returned, and the codes of all of them are mapped (a
    project of impacts and of the review process keeps both).
    """
    from ..coding import Codebook

    if codebook is None:
        found_books = []
        for name in project.sets["name"].dropna():
            m = _CODEBOOK_SET.match(name)
            if m:
                try:
                    found = Codebook.load(m.group("id"))
                except (InputError, ValidationError, FileNotFoundError, OSError):
                    continue
                if found.version == m.group("version"):
                    found_books.append(found)
        if found_books:
            ids: dict[str, str] = {}
            for book in reversed(found_books):
                ids.update(_code_ids(project, book))
            return found_books[0], ids
        cb = codebook_from_project(project)
        return cb, cb.qdpx_code_ids
    cb = Codebook.load(codebook) if isinstance(codebook, str) else codebook
    return cb, _code_ids(project, cb)


def _code_ids(project: QdaProject, cb: Any) -> dict[str, str]:
    """Code GUIDs of ``project`` that are codes of ``cb`` (by GUID, exported id, label or id), to their id."""
    by_guid = {make_guid("code", c): c for c in cb.code_ids}
    labels = dict(zip(cb.codes["label"], cb.codes["code_id"], strict=True))
    ids = {}
    for r in project.codes.itertuples(index=False):
        cid = by_guid.get(str(norm_guid(r.code_guid)))
        if cid is None and not _na(r.code_id) and r.code_id in cb.code_ids:
            cid = r.code_id
        if cid is None:
            cid = labels.get(r.name) or (r.name if r.name in cb.code_ids else None)
        if cid is not None:
            ids[r.code_guid] = cid
    return ids


def study_codings_from_project(
    project: QdaProject,
    *,
    study: Any = None,
    segments: pd.DataFrame | None = None,
    codebook: Any = None,
    unit: Literal["segment", "interview"] = "segment",
) -> tuple[pd.DataFrame, Any]:
    """The codings of a project as long coded output with a ``coder`` column, and its codebook.

    Parameters
    ----------
    project : QdaProject
    study : impact.Study, optional
        Used to segment the transcripts when ``segments`` is not given.
    segments : DataFrame, optional
        Segments (``segment_id, interview_id, start, end``) to map codings to.
    codebook : impact.Codebook or str, optional
        Codebook to map codes to (by GUID, exported id, label or id); codes
        not in it are left out with a :class:`QdpxWarning`.  Default: the
        codebooks named by ``codebook: <id> <version>`` sets (as
        :func:`project_from_study` writes) that can be loaded - the codes of
        all of them are kept and the first is returned - else one built from
        the project's codes (:func:`codebook_from_project`).
    unit : {"segment", "interview"}
        ``"segment"``: a coding's unit is the segment it was exported from
        (kept in the selection's name), else one row per segment its span
        overlaps (codings that overlap none get a missing unit); without
        segments or a study, the interview.  ``"interview"``: the interview.

    Returns
    -------
    coded : DataFrame
        ``unit, code, score, negated, hedged, attribution, start, end`` (the
        coded-output contract) then ``coder`` (user name), ``interview_id``,
        ``text``, ``coding_guid``, ``created`` (the coding's
        ``creationDateTime``, missing where the file gives none).  Machine codings exported by
        :func:`project_from_study` keep their score, negation, hedging and
        attribution; other codings have score 1.0 and no flags.
    codebook : impact.Codebook

    Raises
    ------
    impact.InputError
        If ``unit`` is neither ``"segment"`` nor ``"interview"``.

    Examples
    --------
    >>> import pandas as pd, impact
    >>> from impact.study import Study
    >>> study = Study({"name": "x"}, {})
    >>> project = impact.project_from_study(study, codebook="nfer_impacts")
    >>> coded, book = impact.study_codings_from_project(project, segments=pd.DataFrame(
    ...     {"segment_id": pd.Series(dtype=str), "interview_id": pd.Series(dtype=str), "start": pd.Series(dtype=int),
    ...      "end": pd.Series(dtype=int), "text": pd.Series(dtype=str)}))
    >>> coded.empty, "morale" in book.leaf_codes()
    (True, True)
    """
    from ..study import refuse_swapped

    refuse_swapped(study_codings_from_project, study=study, segments=segments, codebook=codebook)
    if unit not in ("segment", "interview"):
        raise InputError(not_one_of("unit", unit, ["segment", "interview"]))
    project = _complete(project)
    cb, ids = _codebook_for(project, codebook)
    codings = project.codings
    dropped = codings[~codings["code_guid"].isin(ids)]
    if len(dropped):
        names = dict(zip(project.codes["code_guid"], project.codes["name"], strict=True))
        which = sorted({str(names.get(g, g)) for g in dropped["code_guid"]})
        warnings.warn(f"{_counted(len(dropped), 'coding')} of {_counted(len(which), 'code')} not in codebook {cb.id!r} left out: {', '.join(which)}", QdpxWarning, stacklevel=user_level())
        codings = codings[codings["code_guid"].isin(ids)]
    src = project.sources.set_index("source_guid")
    id_col = src["interview_id"] if "interview_id" in src.columns else src["name"]
    interview = codings["source_guid"].map(_interview_names(id_col, codings["source_guid"]))
    text_len = codings["source_guid"].map(lambda g: len(src["text"].get(g)) if isinstance(src["text"].get(g), str) else None)
    users = _coder_names(project.users, codings["user_guid"])
    out = pd.DataFrame(
        {
            "unit": interview.to_numpy(),
            "code": codings["code_guid"].map(ids).to_numpy(),
            "score": 1.0,
            "negated": False,
            "hedged": False,
            "attribution": "",
            "start": codings["start"].fillna(0).to_numpy(),
            "end": codings["end"].fillna(text_len).to_numpy(),
            "coder": [users.get(u, "unknown") if not _na(u) else "unknown" for u in codings["user_guid"]],
            "interview_id": interview.to_numpy(),
            "text": codings["text"].to_numpy(),
            "coding_guid": codings["coding_guid"].to_numpy(),
            "created": codings["created"].to_numpy(),
        }
    )
    for i, d in enumerate(codings["selection_description"].tolist()):
        m = _SCORE_RE.match(d) if isinstance(d, str) else None
        if m:
            out.loc[i, ["score", "negated", "hedged", "attribution"]] = [float(m["score"]), m["negated"] == "true", m["hedged"] == "true", m["attribution"]]
    if unit == "segment":
        if segments is None and study is not None:
            from ..coding import segment

            segments = segment(study)
        names = [_LINE_PREFIX.sub("", n) if isinstance(n, str) else n for n in codings["selection_name"].tolist()]
        out = _to_segments(out, names, segments)
    out = out.astype({"start": "Int64", "end": "Int64", "score": "float64", "negated": "bool", "hedged": "bool"})
    out["attribution"] = as_text(out["attribution"])
    return out.reset_index(drop=True), cb


def _to_segments(out: pd.DataFrame, names: list, segments: pd.DataFrame | None) -> pd.DataFrame:
    known = set(segments["segment_id"]) if segments is not None else set()
    rows = []
    by_interview = {k: g for k, g in segments.groupby("interview_id", observed=True)} if segments is not None else {}
    for r, name in zip(out.to_dict("records"), names, strict=True):
        iid = r["interview_id"]
        if isinstance(name, str) and name.startswith(f"{iid}:") and (segments is None or name in known):
            rows.append({**r, "unit": name})  # the unit it was exported from
            continue
        if segments is None:
            rows.append(r)
            continue
        segs = by_interview.get(iid)
        hit = segs[(segs["start"] < r["end"]) & (segs["end"] > r["start"])] if segs is not None and not _na(r["start"]) else []
        if len(hit) == 0:
            rows.append({**r, "unit": None})
        for sid in getattr(hit, "segment_id", []):
            rows.append({**r, "unit": sid})
    return pd.DataFrame(rows, columns=out.columns)
