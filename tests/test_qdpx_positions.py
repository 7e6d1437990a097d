"""How a REFI-QDA file counted positions, recovered from the selections (impact.qdpx._positions)."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.qdpx import QdpxWarning, read_qdpx

NS = "urn:QDA-XML:project:1.0"
USER, CODE = "00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000c"


def _units(text: str, start: int, end: int, *, utf16: bool, crlf_one: bool, bom: bool) -> tuple[int, int]:
    """Independent computation: a span's positions as a tool counting that way writes them."""

    def count(prefix: str) -> int:
        if crlf_one:
            prefix = prefix.replace("\r\n", "\n")
        n = len(prefix.encode("utf-16-le")) // 2 if utf16 else len(prefix)
        return n + (1 if bom else 0)

    return (0 if start == 0 and bom else count(text[:start])), count(text[:end])


def _project(path: Path, texts: dict[str, str], spans: list[tuple[str, int, int]], *, origin: str = "some tool", bom: set[str] = frozenset()) -> Path:
    sources = []
    for k, name in enumerate(texts):
        sels = "".join(
            f'<PlainTextSelection guid="00000000-0000-4000-8001-{k:04x}{i:08x}" startPosition="{a}" endPosition="{b}" creatingUser="{USER}">'
            f'<Coding guid="00000000-0000-4000-8002-{k:04x}{i:08x}" creatingUser="{USER}"><CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>'
            for i, (src, a, b) in enumerate(spans)
            if src == name
        )
        sources.append(f'<TextSource guid="00000000-0000-4000-8000-{k + 1:012x}" name="{name}" plainTextPath="internal://{name}.txt">{sels}</TextSource>')
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="t" origin="{origin}"><Users><User guid="{USER}" name="ann"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="c" isCodable="true"/></Codes></CodeBook><Sources>{"".join(sources)}</Sources></Project>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde)
        for name, text in texts.items():
            zf.writestr(f"sources/{name}.txt", text.encode("utf-8-sig" if name in bom else "utf-8"))
    return path


def _word_spans(text: str, n: int = 12) -> list[tuple[int, int]]:
    words = [m.span() for m in re.finditer(r"\w+(?: \w+)?", text)]
    return words[:: max(1, len(words) // n)][:n]


TEXT = "Staff morale is up 😀 since the review.\r\nWe changed the referral form 🎉.\r\nPartners now meet every month.\r\nLearning is shared."


@pytest.mark.parametrize(
    ("utf16", "crlf_one", "bom", "expected"),
    [
        (False, True, False, "characters (code points), a CRLF line end counted as one character"),
        (False, False, True, "characters (code points), the byte-order mark counted as a character"),
        (False, True, True, "characters (code points), a CRLF line end counted as one character, the byte-order mark counted as a character"),
        (True, True, False, "UTF-16 code units, a CRLF line end counted as one character"),
    ],
)
def test_drift_is_detected_corrected_and_said(tmp_path, utf16, crlf_one, bom, expected):
    spans = _word_spans(TEXT)
    written = [("s", *_units(TEXT, a, b, utf16=utf16, crlf_one=crlf_one, bom=bom)) for a, b in spans]
    f = _project(tmp_path / "t.qdpx", {"s": TEXT}, written, bom={"s"} if bom else set())
    with pytest.warns(QdpxWarning, match=f"positions read as {re.escape(expected)}: that way 0 of {2 * len(spans)} selection ends"):
        project = read_qdpx(f)
    assert project.codings["text"].tolist() == [TEXT[a:b] for a, b in spans]
    assert project.codings[["start", "end"]].values.tolist() == [list(s) for s in spans]
    assert project.issues["message"].str.contains("positions read as").any()


def test_standard_positions_are_read_without_a_word(tmp_path):
    spans = _word_spans(TEXT)
    f = _project(tmp_path / "t.qdpx", {"s": TEXT}, [("s", a, b) for a, b in spans], bom={"s"})
    with warnings.catch_warnings():
        warnings.simplefilter("error", QdpxWarning)
        project = read_qdpx(f)
    assert project.codings["text"].tolist() == [TEXT[a:b] for a, b in spans]


def test_spans_that_fit_two_countings_are_flagged(tmp_path):
    # "go 😀 a a a": positions 7-8 are "a" counted in code points, and " " (code point 6) counted in
    # UTF-16 units (the emoji counts two).  Neither cuts a word: the file cannot say which it meant.
    text = "go 😀 a a a"
    f = _project(tmp_path / "t.qdpx", {"s": text}, [("s", 7, 8)])
    with pytest.warns(QdpxWarning, match=r"the positions fit characters \(code points\) and UTF-16 code units equally well"):
        project = read_qdpx(f)
    assert project.codings["text"].tolist() == ["a"]
    assert project.codings["start"].tolist() == [7]  # the standard wins a tie


def test_positions_that_fit_no_counting_are_flagged(tmp_path):
    text = "Partnership working improved markedly across agencies."
    f = _project(tmp_path / "t.qdpx", {"s": text}, [("s", 3, 9), ("s", 14, 22), ("s", 30, 37)])
    with pytest.warns(QdpxWarning, match="no way of counting fits the positions: 5 of 6 selection ends"):
        read_qdpx(f)


def test_explicit_positions_fix_the_counting_of_characters(tmp_path):
    spans = _word_spans(TEXT)
    written = [("s", *_units(TEXT, a, b, utf16=True, crlf_one=False, bom=False)) for a, b in spans]
    f = _project(tmp_path / "t.qdpx", {"s": TEXT}, written)
    assert read_qdpx(f, positions="utf16").codings["text"].tolist() == [TEXT[a:b] for a, b in spans]
    with pytest.warns(QdpxWarning, match="no way of counting fits"):
        wrong = read_qdpx(f, positions="code_points")
    assert wrong.codings["text"].tolist() != [TEXT[a:b] for a, b in spans]


def test_nvivo_export_reads_as_utf16_without_a_warning(shared_data):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QdpxWarning)
        project = read_qdpx(shared_data / "qdpx" / "nvivo12_two_coders_hu.qdpx")
    assert not [w for w in caught if "positions" in str(w.message)]
    assert project.issues["message"].str.contains("positions read as UTF-16 code units and converted").any()


_chunk = st.sampled_from(["Morale", "is", "up", "😀", "review", "🎉🎉", "partners", "ő", "meet", "x"])


@st.composite
def _texts_and_spans(draw):
    lines = [" ".join(draw(st.lists(_chunk, min_size=2, max_size=6))) for _ in range(draw(st.integers(2, 5)))]
    text = draw(st.sampled_from(["\r\n", "\n"])).join(lines)
    words = [m.span() for m in re.finditer(r"[^\s]+", text)]
    picks = draw(st.lists(st.integers(0, len(words) - 1), min_size=3, max_size=8, unique=True))
    return text, [words[i] for i in sorted(picks)]


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=_texts_and_spans(), utf16=st.booleans(), crlf_one=st.booleans(), bom=st.booleans())
def test_planted_counting_is_recovered(tmp_path, case, utf16, crlf_one, bom):
    """Spans on word boundaries, written under one way of counting, come back as the same text."""
    text, spans = case
    written = [("s", *_units(text, a, b, utf16=utf16, crlf_one=crlf_one, bom=bom)) for a, b in spans]
    f = _project(tmp_path / "p.qdpx", {"s": text}, written, bom={"s"} if bom else set())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QdpxWarning)
        project = read_qdpx(f)
    got = project.codings["text"].tolist()
    if got != [text[a:b] for a, b in spans]:
        # only where two countings place the spans differently and fit equally, and impact said so
        assert any("equally well" in str(w.message) for w in caught), (text, spans, got)


def test_cli_import_says_a_positions_warning_once(tmp_path, capsys):
    # import-qdpx printed the positions' warning twice (the caught warning and the project's issue), in its output
    # and in report.txt (found by inputs58)
    from impact.cli import main

    text = "Partnership working improved markedly across agencies."
    f = _project(tmp_path / "t.qdpx", {"s": text}, [("s", 3, 9), ("s", 14, 22), ("s", 30, 37)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QdpxWarning)
        assert main(["import-qdpx", str(f), str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    report = (tmp_path / "out" / "report.txt").read_text(encoding="utf-8")
    for said in (out, report):
        assert said.count("no way of counting fits the positions") == 1, said
