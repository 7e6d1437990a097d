"""Sixty-third red-team round: what a published quote may carry, and round 62's open forms; every detail invented.

1. Characters that change what a reader sees without being seen (direction overrides, embeddings and isolates
U+202A-U+202E and U+2066-U+2069, direction marks, zero-width spaces and joiners, the word joiner, soft hyphens, U+FEFF
inside text).  The redactor reads through them (a name split by one is still a name), and since round 63 nothing
published carries them: the Word document, the workbook, the web page and the CSV files take them out
(``impact.schema.without_unseen``), a zero-width joiner or non-joiner kept only between two characters it shapes
(Persian, an emoji's sequence).  A transcript holding them is told once, with the file and the line of the first: the
characters that are no text taken out as before, the others kept as stored, so that a coded file's spans still count
them.

2. Round 62's four open forms are closed (moved to that round's _RED_TEAM) and, each a class (the forms, not the
words): a season's given name between a title and a surname that is a building's word too ("Hall", "Park") before a
person's verb or a possessive is the person ("Dr. Summer Hall rang"; "Dr May Hospital is closed" stays a place); a given
name that is a council's or a place's word too (impact/_data/privacy/place_given_names.txt), alone after a verb that
takes a person ("spoke to", "texted"), is the person ("went to" keeps the place); a space after dotted letters before a
digit ends the run of spaced letters ("D.O.B 3.4.15" was closed up to one code, [reference]); a month's given name
opening a line or a field's value before "to" and a word that is no word of time is who is to do it ("Action: May to
send minutes"; "May to date", "May to July", "from May to June" stay dates, and so do they with a May listed, which were
[name] on main).  A pupil number's twelve characters grouped anyhow ("UPN A 1234 5678 9012" left the "A"); an age in a
pasted table's row after a cell of the person's sex ("Kayla\\tF\\t9"); a capitalised word that is a given name and a noun
after an article or a possessive, before "to" and a verb or a clause's end, is the noun ("the Will to live" was
"the [name] to live").

Counts, measured on main (84d6cd88) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already; _KEPT_FIXED over-redacted on
main, _KEPT kept on main as now; _OPEN still open.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile

import openpyxl
import pandas as pd
import pytest

from impact.report import (
    Paragraph,
    Quote,
    Report,
    Section,
    Table,
    render_docx,
    render_html,
    render_xlsx,
    table_csv,
)
from impact.study import TranscriptNotesWarning, read_transcript

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed; "(none)": with no names
# listed only), exact now.
_RED_TEAM = [
    # a pupil number's characters grouped anyhow
    ('UPN A 1234 5678 9012', 'UPN [pupil number]'),  # was 'UPN A [reference]'
    ('Pupil no. B 12 34 56 78 90 12', 'Pupil no. [pupil number]'),  # was 'Pupil no. B [phone]'
    ('UPN: A-1234-5678-9012', 'UPN: [pupil number]'),  # was 'UPN: [reference]'
    # an age in a pasted table's row after a cell of the person's sex
    ('Kayla\tF\t9', '[name]\tF\t[age]'),  # was '[name]\tF\t9'
    ('Kai | M | 7 | son', '[name] | M | [age] | son'),  # was '[name] | M | 7 | son'
    ('Jordan\tMale\t14\tYear 9', '[name]\tMale\t[age]\tYear 9'),  # was '[name]\tMale\t14\tYear 9'
    # a given name that is a council's or a place's word, alone after a verb that takes a person
    ('I spoke to Chelsea about it.', 'I spoke to [name] about it.'),  # was kept
    ('texted brent', 'texted [name]'),  # was 'texted [council]'
    # a given name that is a word between a title and a surname that is a building's word too
    ('Dr Summer Hall said no.', 'Dr [name] said no.'),  # was 'Dr Summer [name] said no.' (none)
    ('Mrs Summer Hall attended.', 'Mrs [name] attended.'),  # was kept (none)
    ("Prof. Autumn Park's report", "Prof. [name]'s report"),  # was "Prof. Autumn [name]'s report"
    # a month's given name opening a line or a field's value before "to" and a verb
    ('- June to chase the school', '- [name] to chase the school'),  # was kept
    ('Action: April to book the room.', 'Action: [name] to book the room.'),  # was kept
]
# Redacted so on main as now: the counter-cases, and names split by a character no one sees.
_HELD_EXACT = [
    ('D.O.B. 3.4.15', 'D.O.B. [date of birth]'),
    ('D.o.B 03/04/2015', 'D.o.B [date of birth]'),
    ('UPN: A123456789012', 'UPN: [pupil number]'),
    ('Call 0113 496 0000 now', 'Call [phone] now'),
    ('Zoë\t7\tMum', '[name]\t[age]\tMum'),
    ('Kayla\tF\t09/03/2015', '[name]\tF\t[date]'),
    ('spoke to Kensington and Chelsea', 'spoke to [council]'),
    ('spoke to leeds about it', 'spoke to [council] about it'),
    ('We moved to Preston.', 'We moved to [place].'),
    ('Dr May Hospital is closed.', '[place] is closed.'),
    ('Action: Will to call mum.', 'Action: [name] to call mum.'),
    ('told her Will was ill', 'told her [name] was ill'),
    ('rang preston yesterday', 'rang [name] yesterday'),
    # a name or a number split by a character no one sees
    ('I spoke to Sa\u200brah about it.', 'I spoke to [name] about it.'),
    ('I spoke to Sa\u00adrah Jones.', 'I spoke to [name].'),
    ('Then Fair\u2060weather rang me.', 'Then [name] rang me.'),
    ('Call 07700 9\u202e00123 now', 'Call [phone] now'),
    ('I told kay\u200dden.', 'I told [name].'),
]
# Kept now, each over-redacted on main (what main gave beside each, with the stress names listed).
_KEPT_FIXED = [
    'the Will to live',  # was 'the [name] to live'
    'He had the Will to live.',  # was 'He had the [name] to live.'
    'his Will to live',  # was 'his [name] to live'
    'She lost the Will.',  # was 'She lost the [name].'
    'The Will to live is strong.',  # was 'The [name] to live is strong.'
    'the Hope to live',  # was 'the [name] to live'
    'May to date: 40 referrals.',  # was '[name] to date: 40 referrals.'
    'Figures: May to present.',  # was 'Figures: [name] to present.'
    'May to september',  # was '[name] to september'
    'In May to save money we cut it.',  # was 'In [name] to save money we cut it.'
    'A Will was found.',  # was 'A [name] was found.' (with a Will listed); open until round 64
]
# Kept on main as now: the words of this round's forms used as words.
_KEPT = [
    'from May to June',
    'May to July was busy.',
    'April to end of June',
    'went to chelsea for the day',
    'Section B. Referrer Details',
    'the will to live',
    'Will you call mum?',
    'Flat\tF\t9',
]
# Still open (what it should give beside each); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = [
    # 'A Will was found.' closed in round 64 (a word after an article before a word in lower case is the noun): moved
    # to _KEPT_FIXED
]

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(13, 18, 19, 0))


# --------------------------------------------------------------------------- 1. what a published quote may carry
#: A quote as a transcript may hold it: a name split by a zero-width space and by a soft hyphen, a phrase shown
#: backwards by a right-to-left override closed by a pop, an isolate, a word joiner and a byte-order mark inside.
_HOSTILE = ("Sa\u200brah said \u202ethe review helped\u202c, and Jo\u00adhn agreed \u2066fully\u2069 "
            "in the\u2060 end\ufeff.")
_SHOWN = "Sarah said the review helped, and John agreed fully in the end."
#: Persian's non-joiner between two letters, and a family emoji's joiners: the text's own, kept.
_JOINED = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f467"


#: The characters the brief names, written out here (not taken from the code under test): direction embeddings,
#: overrides and isolates, direction marks, zero-width spaces and joiners, the word joiner, the soft hyphen, U+FEFF.
UNSEEN = ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060"
          "\u00ad\ufeff")


def _unseen(text: str) -> list[str]:
    """The characters of :data:`UNSEEN` in ``text`` but a joiner (kept where it shapes), named by code point."""
    return [f"U+{ord(c):04X}" for c in text if c in UNSEEN and c not in "\u200c\u200d"]


@pytest.fixture(scope="module")
def report() -> Report:
    quotes = pd.DataFrame({"quote": [_HOSTILE, _JOINED], "councils": [5, 6]})
    return Report(title="Round 63", sections=[Section("What people said", [
        Quote(_HOSTILE, "Officer, \u202ecouncil A"),
        Paragraph(_JOINED),
        Table("quotes", quotes, "Quotes"),
    ])])


def test_the_word_document_carries_no_unseen_character(report):
    xml = zipfile.ZipFile(io.BytesIO(render_docx(report))).read("word/document.xml").decode("utf-8")
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert _unseen(xml) == [], _unseen(xml)
    assert _SHOWN in text and "Officer, council A" in text and _JOINED in text


def test_the_workbook_carries_no_unseen_character(report):
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if _unseen(c)]
    assert _SHOWN in cells and _JOINED in cells


def test_the_web_page_carries_no_unseen_character(report):
    page = render_html(report)
    assert _unseen(page) == [], _unseen(page)
    assert _SHOWN in page and _JOINED in page


def test_the_csv_carries_no_unseen_character(report):
    table = report.sections[0].blocks[2]
    rows = table_csv(table).decode("utf-8-sig").splitlines()
    assert rows[1:] == [f'"{_SHOWN}",5', f"{_JOINED},6"]


@pytest.mark.parametrize("char", list(UNSEEN), ids=[f"U+{ord(c):04X}" for c in UNSEEN])
def test_each_unseen_character_is_taken_out_between_latin_letters(char):
    from impact.schema import unseen_characters, without_unseen

    # every character of the set, between two Latin letters (where no joiner shapes anything), is taken out
    assert without_unseen(f"Sa{char}rah") == "Sarah"
    assert unseen_characters(f"Sa{char}rah") == [(2, char)]


def test_a_joiner_between_characters_it_shapes_is_kept():
    from impact.schema import without_unseen

    assert without_unseen(_JOINED) == _JOINED
    # at the text's ends or beside a space it shapes nothing
    assert without_unseen("\u200d\u0645 \u200c\u062e\u200c") == "\u0645 \u062e"


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_transcript_holding_them_says_where_once(tmp_path, kind):
    # the characters that are no text (U+200B, U+2060, U+FEFF) are taken out as before; the others are kept as stored
    # (a coded file's spans count them) and told, in the same one warning, with the line of the first
    lines = ["Interviewer: How was it?", "Respondent: Fine.", f"Respondent: {_HOSTILE}"]
    path = tmp_path / f"t.{kind}"
    if kind == "txt":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        import docx

        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = read_transcript(path)
    told = [str(w.message) for w in caught if issubclass(w.category, TranscriptNotesWarning)]
    assert len(told) == 1, told
    assert told[0].startswith(f"{path}: 3 characters that are no text (U+200B, U+2060, U+FEFF")
    assert re.search(r"; and 5 characters that change what a reader sees unseen \(U\+202E, U\+202C, U\+00AD, U\+2066, "
                     r"U\+2069: a direction control.*the first on line 3\) kept as stored", told[0]), told[0]
    assert text.splitlines()[2] == "Respondent: " + "".join(c for c in _HOSTILE if c not in "\u200b\u2060\ufeff")


def test_a_transcript_in_a_joining_script_is_read_as_written(tmp_path):
    path = tmp_path / "fa.txt"
    path.write_text(f"Respondent: {_JOINED}\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", TranscriptNotesWarning)
        assert read_transcript(path) == f"Respondent: {_JOINED}\n"
