"""End to end: personal details planted in a study's asserted statements reach no output.

Issue 17, Deliver 7 (part): a small generated study whose asserted statements
each carry one hostile detail (fresh values, cycling through every kind:
NHS, NI and pupil numbers, phones, e-mails, postcodes, addresses, dates of
birth, ages, vehicle plates, references, handles, names, places) is run through
:func:`impact.run`; every file of the bundle - HTML, the text of the Word
report, the cells of the workbook, CSV, JSON, SVG text - is searched for each
value, also in lower case and as digits only.  The study folder is given a
name that publishes a council and a person ("Lambeth-interviews-Jane-Smith"),
which must not appear either.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from impact.privacy._lexicon import english_words

from ._pii import KINDS, Planted, plant, rng_for

pytestmark = [pytest.mark.xdist_group("pipeline"), pytest.mark.slow]

FOLDER_NAME = "Lambeth-interviews-Jane-Smith"


def _texts(out: Path) -> dict[str, str]:
    """The text of every output file, the cells of workbooks and paragraphs of Word files included."""
    texts: dict[str, str] = {}
    for f in sorted(out.rglob("*")):
        if not f.is_file():
            continue
        if f.suffix == ".docx":
            from docx import Document

            doc = Document(f)
            parts = [p.text for p in doc.paragraphs]
            parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
            with zipfile.ZipFile(f) as z:
                parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
            texts[str(f)] = "\n".join(parts)
        elif f.suffix == ".xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(f)
            texts[str(f)] = "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                                      if c.value is not None)
        elif f.suffix in (".html", ".csv", ".json", ".svg", ".txt", ".md", ".yaml"):
            texts[str(f)] = f.read_text(encoding="utf-8-sig")
    return texts


_LETTER_OR_DIGIT = re.compile(r"[A-Za-z0-9]", re.IGNORECASE)


def _whole(pattern: re.Pattern, text: str) -> bool:
    """Whether ``pattern`` occurs in ``text`` with no letter or digit either side.

    The same as searching ``(?<![A-Za-z0-9])pattern(?![A-Za-z0-9])`` (case-insensitive), whose leading
    look-behind makes the search try every position of the outputs' megabytes: a plain search finds the
    occurrences and each is then checked.
    """
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start, end = m.span()
        if not (start and _LETTER_OR_DIGIT.match(text, start - 1)) and not _LETTER_OR_DIGIT.match(text, end):
            return True
        pos = start + 1
    return False


def _line_digits(texts: dict[str, str]) -> dict[str, list[str]]:
    """The digits of each line of each text (a number split by spaces or punctuation is found whole in them)."""
    return {name: ["".join(c for c in line if c.isdigit()) for line in text.splitlines()] for name, text in texts.items()}


def _hits(planted: Planted, texts: dict[str, str], line_digits: dict[str, list[str]]) -> list[tuple[str, str]]:
    words = english_words()
    found = []
    for needle in planted.needles:
        if needle.isalpha() and needle.lower() in words:
            continue  # an invented name part that happens to be an English word
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        digits = "".join(c for c in needle if c.isdigit())
        for name, text in texts.items():
            if _whole(pattern, text):
                found.append((name, needle))
            elif len(digits) >= 9 and digits == needle.replace(" ", ""):
                if any(digits in line for line in line_digits[name]):
                    found.append((name, needle))
    return found


def _plant_study(folder: Path, statements, rng) -> list[Planted]:
    planted: list[Planted] = []
    asserted = statements[statements["polarity"] == "asserted"].sort_values(["interview_id", "start"])
    files = {p.stem: p for p in folder.rglob("*.txt")}
    n = 0
    for iid, rows in asserted.groupby("interview_id", sort=True):
        path = files[iid]
        text = path.read_text(encoding="utf-8")
        for r in rows.sort_values("start", ascending=False).itertuples():
            kind = KINDS[n % len(KINDS)]
            n += 1
            p = plant(kind, rng)
            statement = text[r.start : r.end]
            body = statement[:-1] if statement.endswith(".") else statement
            text = text[: r.start] + body + "; " + p.sentence + text[r.end :]
            planted.append(p)
        path.write_text(text, encoding="utf-8")
    return planted


def test_planted_personal_details_reach_no_output(tmp_path, monkeypatch, request):
    import impact
    from impact.synth import generate_with_truth, save_synthetic

    rng = rng_for(request.node.nodeid)
    study, truth = generate_with_truth(6, seed=int(rng.integers(1, 10_000)), interviews_per_wave=3,
                                       words_per_interview=300)
    folder = save_synthetic(study, truth, tmp_path / "home" / "jsmith" / FOLDER_NAME)
    planted = _plant_study(folder, truth.statements, rng)
    assert {p.kind for p in planted} == set(KINDS) and len(planted) >= 2 * len(KINDS)

    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
    # A machine coding is quoted only where a hand check coded the same segment the same way: the check here agrees
    # with the coder everywhere, so the statements the coder reads are quoted (and their details must be redacted).
    from impact.coding import RuleCoder, segment

    coded = RuleCoder().fit().code(segment(impact.load_study(folder)))
    result = impact.run(folder, out_dir=tmp_path / "out" / "findings", n_resamples=99, seed=1,
                        coded=coded.assign(coder="coder A"), human=coded.assign(coder="coder B"))
    texts = _texts(result.out_dir)
    assert any(name.endswith("report.html") for name in texts) and any(name.endswith(".xlsx") for name in texts)

    # Not vacuous: planted statements were quoted (their redaction tokens are in the report).
    html = next(t for n, t in texts.items() if n.endswith("report.html"))
    assert re.search(r"\[(?:NHS number|NI number|pupil number|phone|email|postcode|address|date of birth|date|age|"
                     r"vehicle registration|reference|handle|name|place|web address)\]", html)

    quotes = next((t for n, t in texts.items() if n.endswith("quotes.csv")), "")
    # When written, 9 of the 12 published quotes held a planted detail (each redacted).
    assert len(re.findall(r"\[[a-zA-Z ]+\]", quotes)) >= 3, quotes
    line_digits = _line_digits(texts)
    leaks = {p.value: _hits(p, texts, line_digits) for p in planted}
    leaks = {k: v for k, v in leaks.items() if v}
    assert not leaks, leaks
    for name, text in texts.items():
        assert FOLDER_NAME.lower() not in text.lower() and "jsmith" not in text.lower(), name
