"""End to end: details typed to slip past word patterns reach no output of ``impact run``.

A synthetic study has the odd forms of :mod:`tests.hostile.test_pii_spacing`
planted into every sentence a participant speaks (each ends ", as <detail>
said.", so whichever is quoted carries one) and into the free text its author
writes (the study's name, wave and survey labels, an action's description).
Every output - HTML, Word, Excel, CSV, JSON, SVG - is searched for each
planted value after normalising both (NFKC, look-alike letters folded, case
folded, everything but letters and digits dropped).
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
import zipfile

import pandas as pd
import pytest
import yaml

import impact
from impact.pipeline import run
from impact.schema import LABEL_MAX, TITLE_MAX

from ._util import labels_holding
from .test_pii_spacing import _BACK, _spaced, _spoof

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pipeline")]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_BACK.get(c, c) for c in text if unicodedata.category(c) != "Cf")
    return re.sub(r"[\W_]+", "", text.casefold())


def _outputs(out) -> dict[str, str]:
    texts = {}
    for f in out.rglob("*"):
        if not f.is_file():
            continue
        texts[f"name:{f.name}"] = f.name
        if f.suffix in (".xlsx", ".docx"):
            with zipfile.ZipFile(f) as z:
                raw = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
            texts[str(f)] = html.unescape(re.sub(r"<[^>]+>", "", raw))
        elif f.suffix in (".html", ".csv", ".json", ".svg", ".txt"):
            t = re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+", " ", f.read_text(encoding="utf-8-sig"))
            texts[str(f)] = t + "\n" + html.unescape(re.sub(r"<[^>]+>", "", t))
    return texts


# Round 7: a listed name said of a person, mid-phrase or in apposition; a house number after "number"; an NI number
# with its prefix spaced; a postcode and an NI number with letters said as words; the day of a birth.
_ROUND7 = [
    ("Grace was great.", ["gracewasgreat"]),
    ("we did it with marsh and the team", ["marshandtheteam"]),
    ("the nurse, bishop, came", ["nursebishop"]),
    ("the man who lives at number fourteen Bramble", ["fourteenbramble"]),
    ("the woman with a b 73 19 46", ["731946"]),
    ("someone at ess double-you one a two a a", ["essdoubleyouoneatwoaa"]),
    ("ay bee one two three four five six see (her NI)", ["onetwothreefourfivesix"]),
    ("the girl born on the third", ["bornonthethird"]),
]


def _forms(people: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(as written, needles) for each odd form; listed names are the study's participants."""
    (f1, l1), (f2, l2), (f3, l3), (f4, l4), (f5, l5), (f6, l6), (f7, l7) = people[:7]
    return [
        (f"{_spaced(f1)} {l1}", [f1, l1]),
        (f"{_spaced(f2)}  {_spaced(l2)}", [f2, l2]),
        (_spaced(f3.upper(), ".") + ". " + l3.upper(), [f3, l3]),
        (f"{l4} , {f4}", [f4, l4]),
        (f"{f5}\n\n{l5}", [f5, l5]),
        (_spoof(f"{f6} {l6}"), [f6, l6]),
        (f"{f7}{l7}", [f7, l7]),
        ("Dr Bishop", ["bishop"]),
        ("mrs hopper", ["hopper"]),
        ("the woman who lives on station road", ["stationroad"]),
        ("0 7 7 0 0  9 0 1 0  1 2 4 (her mobile)", ["07700901124", "9010124"]),
        ("ab 97 31 64 c (his NI number)", ["973164"]),
        ("someone at l s 6 3 a b", ["ls63ab"]),
        # Round 5: dates of birth in words or closed up, an ordinal birthday, a letter code set off from its number,
        # a handle in a clause with a platform, a house number in words, "double-oh", surnames in capitals or after a
        # lower-case "councillor", a listed name joined by a hyphen.
        ("the girl born on the third of May 2009", ["thirdofmay2009"]),
        ("the boy with DOB 03MAY2009", ["03may2009"]),
        ("her mum on her 14th birthday", ["14thbirthday"]),
        ("the LAC 583716 worker", ["583716"]),
        ("kaybee2009 on snapchat", ["kaybee2009"]),
        ("the man who lives at fourteen bramble way", ["bramble"]),
        ("07700 nine double-oh 421 (her mobile)", ["ninedoubleoh421"]),
        ("MRS BISHOP", ["mrsbishop"]),
        ("MCDONALD", ["mcdonald"]),
        ("councillor smith", ["councillorsmith"]),
        ("rob-marsh", ["robmarsh"]),
        # Round 6: a postcode with its digits in words, an age with the day it is reached, a house number and the
        # start of a street's name, an NI number in lower case without its suffix letter.
        ("someone at S W one A, two A A", ["swoneatwoaa"]),
        ("the girl who turned 14 on 3 May", ["14on3may"]),
        ("the man who lives at 14 Bramble", ["14bramble"]),
        ("wr 58 21 07 (his NI number)", ["582107"]),
        *_ROUND7,
        # Round 3: listed names made of ordinary words (the study's "Rob Marsh" and "Grace Bishop"), an NI number
        # said in words, a name spelled out in lower case.
        ("rob marsh", ["robmarsh"]),
        ("we heard. Bishop told me so, and", ["bishop"]),
        ("J K four seven one nine two six D (his NI number)", ["foursevenoneninetwosix"]),
        ("we saw z e b r u l o n", ["zebrulon"]),
    ]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, monkeypatch_module):
    root = tmp_path_factory.mktemp("odd-forms")
    study = root / "study"
    impact.synth.generate(8, seed=11, interviews_per_wave=3, words_per_interview=350, out=study)
    names = pd.read_csv(study / "participants.csv", dtype=str)["name"].dropna()
    people = [tuple(n.split()) for n in names if len(n.split()) == 2 and "'" not in n]
    # Distinct first names and surnames, none an ordinary word that might appear in the report's own text.
    from impact.privacy._lexicon import english_words

    words = english_words()
    chosen, seen = [], set()
    for f, s in people:
        if f.lower() in words or s.lower() in words or {f, s} & seen:
            continue
        chosen.append((f, s))
        seen |= {f, s}
    forms = _forms(chosen)
    # Two participants get names made of ordinary words (round 3 of the red team).
    parts = pd.read_csv(study / "participants.csv", dtype=str)
    spare = parts.index[~parts["name"].isin([" ".join(p) for p in chosen[:7]])][:2]
    parts.loc[spare, "name"] = ["Rob Marsh", "Grace Bishop"]
    parts.to_csv(study / "participants.csv", index=False)
    cycle = itertools.cycle(forms)
    for path in sorted((study / "transcripts").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        # Every sentence a participant speaks ends ", as <detail> said.": whichever is quoted carries one.
        text = re.sub(r"(?m)^(A:.*)$", lambda line: re.sub(r"(?<=[a-z])\.(?=\s|$)",
                                                            lambda m: f", as {next(cycle)[0]} said.", line.group()), text)
        path.write_text(text, encoding="utf-8")
    spec = yaml.safe_load((study / "study.yaml").read_text(encoding="utf-8"))
    spec["name"] = f"Interviews with {forms[0][0]} and {forms[3][0]} ({forms[-4][0]}; {forms[-2][0]})"
    spec["waves"][0]["label"] = f"Expectations ({forms[5][0]}'s wave)"
    spec["waves"][1]["label"] = f"Early impact ({forms[2][0]})"
    # Round 7: its forms in the study's name and labels too, which every document carries (few quotes carry one).
    spec["name"] += ". " + ". ".join(w for w, _ in _ROUND7[:3])
    # the rest of round 7's forms in the later wave's label and the survey's other questions, each within impact's
    # limits (inputs51: they filled two wave labels past 100 characters, now refused)
    items = list(spec["survey"]["items"].values())
    items[0]["label"] = f"Do you know {forms[1][0]} or {forms[7][0]}?"
    labels_holding([w for w, _ in _ROUND7[3:]], [(spec["waves"][2], "Longer term", LABEL_MAX)]
                   + [(q, q["label"], TITLE_MAX) for q in items[1:]])
    (study / "study.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    # Round 6: transcripts named after the people interviewed, with a phone number: read, never published.
    interviews = pd.read_csv(study / "interviews.csv", dtype=str)
    files = []
    for n, row in enumerate(interviews.itertuples()):
        first, last = chosen[n % 7]
        new = f"{row.council_id}/{first}_{last} 07700 900{n:03d}.txt"
        (study / "transcripts" / row.transcript).rename(study / "transcripts" / new)
        interviews.loc[row.Index, "transcript"] = new
        files.append(f"07700900{n:03d}")
    interviews.to_csv(study / "interviews.csv", index=False)
    actions = pd.read_csv(study / "actions.csv", dtype=str)
    actions.loc[0, "description"] = f"{forms[4][0]} to chair; ask {forms[8][0]} on {forms[10][0]}"
    actions.to_csv(study / "actions.csv", index=False)
    monkeypatch_module.setenv("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
    # The package's coder reads the planted text, and its codings are supplied as a person's: under machine coding
    # the report quotes only the impacts the coder reads well (one here), while supplied codings are quoted for every
    # impact, so more of the planted clauses are offered for publication.
    from impact.coding.codebook import Codebook
    from impact.coding.rules import RuleCoder
    from impact.coding.segment import segment

    coded = RuleCoder(Codebook.load("nfer_impacts")).fit().code(segment(impact.load_study(study)))
    result = run(study, out_dir=root / "out", coded=coded.assign(coder="coder A"), n_resamples=99, seed=1)
    return result, [*forms, ("transcript file names", files)]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as m:
        yield m


def test_odd_forms_reach_no_output(hostile_run):
    # Measured when written, on the old redactor: the letter-spaced, dotted and look-alike names, "Dr Bishop"
    # and the spaced phone number, NI number and postcode were in the quotes of report.html, report.docx,
    # tables.xlsx and quotes.csv, and the study's letter-spaced name in every document.  Round 3: before, "rob
    # marsh" was in the quotes (report.html, report.docx, tables.xlsx, quotes.csv, framework_core.csv), and it and
    # the NI number in words were in the study's name in every document.
    result, forms = hostile_run
    texts = {f: (_norm(t), [_norm(line) for line in t.splitlines()]) for f, t in _outputs(result.out_dir).items()}
    leaks = []
    for written, needles in forms:
        for needle in needles:
            n = _norm(needle)
            for f, (whole, lines) in texts.items():
                if (len(n) >= 8 and n in whole) or any(n in line for line in lines):
                    leaks.append((written, needle, f))
    assert not leaks, sorted({(w, n, f.rsplit("/", 1)[-1]) for w, n, f in leaks})


def test_planted_sentences_were_published(hostile_run):
    # The check above means something only if quotes carrying the planted clauses were published.  Two are: a third,
    # "as [handle] on snapchat said", is withheld since round 25 as naming a platform beside a detail (identifier
    # context); it was published while "snapchat" was itself wrongly redacted as a name ("[handle] on [name]").
    result, _ = hostile_run
    quotes = pd.read_csv(result.out_dir / "tables" / "quotes.csv", encoding="utf-8-sig", dtype=str)["quote"]
    assert quotes.str.contains(r"as .*\] said", regex=True).sum() >= 2
