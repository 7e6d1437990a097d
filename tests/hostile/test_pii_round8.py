"""Eighth red-team round: names said of people in more ways, initials, ages said indirectly, stray letters and marks.

The forms the seventh round left leaking, each a class of writing:

* a first name that is an ordinary word before "was" and a short word of
  judgement ("Grace was good.", "Will was fine with us"), and with a phrase
  placing the person between the name and the verb ("Grace from the team was
  great.", "Hope from school was really supportive"), listed or not, in
  capitals or in lower case;
* a name part or a first name set off after a role on one side only ("the
  nurse, bishop came in", "my manager - bell said no"), listed or not;
* an age said with a modal or a perfect ("he'd be 12 by now", "she would have
  been 14", "he'll turn 13", "she's almost 15");
* a stray letter closing a spoken NI number ("a b 12 34 56 x");
* initials: after a title ("Mrs T said", "I spoke to Mr K"), or dotted where
  a person stands ("J.S. was the social worker", "I told J. S. about it");
* a title word that is a surname after a first name in capitals, unlisted
  ("TOM BISHOP said no");
* invisible marks that are no format characters (the combining grapheme
  joiner, variation selectors, Hangul fillers) inside a name;
* a school in lower case with its year group ("she's at oakwood high in year
  10"), and a number plate with its letters spaced ("AB 12 CDE");
* a code of letters and five digits typed in lower case ("cin004417");
* a mailbox said with its provider and no domain ending ("jsmith99 at
  hotmail"), a phone number said with hundreds ("... double oh nine hundred
  one two three"), a date of birth said in part ("born in 09", "born in the
  summer of 2009", "a 2009 baby", "born on the 3/5");
* and, end to end, a codebook's title, published as written.

Each leak is checked on the redacted text normalised independently, and the
same words in ordinary use must stay.  Measured when written: every test below
that checks a leak failed on the code before (counts in the comments); on the
2,740 real gold sentences, see the commits.
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _WORDY
from ._util import labels_holding
from .test_pii_round3 import _left, _redact
from .test_pii_round5 import _alnum, _digits_said
from .test_pii_round7 import assert_gone


# A first name said of a person: a short word of judgement after "was", or a phrase placing the person before the verb
@pytest.mark.parametrize(("text", "word"), [
    ("Grace was good.", "grace"), ("Grace was good with the kids.", "grace"), ("Will was fine with us.", "will"),
    ("Hope was ok, to be fair.", "hope"), ("Joy was decent.", "joy"), ("Faith was really good.", "faith"),
    ("Grace from the team was great.", "grace"), ("Hope from school was really supportive.", "hope"),
    ("Rose from the council was lovely.", "rose"), ("Will from early help was good.", "will"),
    ("grace was good.", "grace"), ("grace from the team was great.", "grace"), ("GRACE WAS GOOD.", "grace"),
])
@pytest.mark.parametrize("names", [_WORDY, []], ids=["listed", "unlisted"])
def test_a_first_name_judged_or_placed_before_was_is_the_person(text, word, names):
    # Measured when written: before, 22 of 26 kept the name
    red = _redact(text, names=names)
    assert not _left(red, word) and "[name]" in red, red


test_things_judged_are_kept = _rounds.kept([
    "Hope is good.", "Hope is not a strategy.", "Work was good for her.", "Time was fine.", "Care was good.",
    "May was good, June less so.", "Summer was fine.", "Faith in the system was great.",
    "Hope for the future was high.", "Support from the team was great.", "Art was good this year.",
    "Work from home was fine.", "Time from referral to plan was good.",
])


# Set off on one side only
@pytest.mark.parametrize(("text", "word"), [
    ("the nurse, bishop came in", "bishop"), ("the nurse, bishop said no.", "bishop"),
    ("my manager - bell said no.", "bell"), ("our social worker, marsh rang me", "marsh"),
    ("the health visitor, grace came out", "grace"), ("her teacher, will told us", "will"),
])
@pytest.mark.parametrize("names", [_WORDY, []], ids=["listed", "unlisted"])
def test_a_name_set_off_after_a_role_on_one_side_is_the_person(text, word, names):
    # Measured when written: before, 7 of the 10 run kept the name (unlisted, "marsh" and "bell" are surnames that are
    # words, read as the words; round 9 closed these: an unlisted count noun set off after a role before a verb)
    red = _redact(text, names=names)
    assert not _left(red, word) and "[name]" in red, red


test_lists_and_asides_after_a_role_are_kept = _rounds.kept([
    "we need a manager, time and money.", "the nurse, however came in.",
    "a social worker, care and support were there.", "the manager, work and family came first.",
    "her son, too came along.", "the nurse, then the doctor came in", "my manager, so i rang her",
    "the nurse, sister and doctor came",
])


# Ages said indirectly
@pytest.mark.parametrize(("text", "age"), [
    ("he'd be 12 by now", "12"), ("she would have been 14 this year", "14"), ("he'll turn 13 next month", "13"),
    ("she's almost 15", "15"), ("she'd have been 14", "14"), ("he would be twelve by now", "twelve"),
    ("she will turn fifteen in May", "fifteen"), ("he'd have turned 16", "16"), ("Tyler would've been 9", "9"),
    ("she's nearly 15 now", "15"), ("he'll be 12 soon", "12"), ("she must be 14 by now", "14"),
])
def test_an_age_said_indirectly_is_redacted(text, age):
    # Measured when written: before, 12 of 12 kept the age
    red = _redact(text)
    assert not _left(red, age) and "[age]" in red, red


@pytest.mark.parametrize("text", ["he'd be 12 minutes late", "she would have been 14th in the queue",
                                  "it'll turn 13 pages", "they would be 12 in total, the councils",
                                  "there would have been 14 of them", "It will be 10 years since the review"])
def test_numbers_that_are_no_age_are_kept(text):
    assert _redact(text) == text


# A stray letter closing an NI number
@pytest.mark.parametrize("text", ["a b 12 34 56 x", "A B 12 34 56 X was on the form", "a-b-12-34-56-x",
                                  "ay bee one two three four five six ex", "AB 12 34 56 X", "ab123456x"])
def test_a_stray_final_letter_of_an_ni_number_goes_with_it(text):
    # Measured when written: before, 6 of 6 left the letter
    red = _redact(text)
    assert "123456" not in _digits_said(red) and not _left(red, "x", "ex"), red


@pytest.mark.parametrize("text", ["AB 12 34 56 or so", "a b 12 34 56 i think", "a b 12 34 56 see you"])
def test_a_word_after_an_ni_number_is_kept(text):
    red = _redact(text)
    assert red.endswith(text.split("56")[1]), red


# Initials
@pytest.mark.parametrize(("text", "gone"), [
    ("Mrs T said she'd call.", ["t"]), ("I spoke to Mr K about it.", ["k"]), ("Dr P. rang back", ["p"]),
    ("J.S. was the social worker.", ["j", "s"]), ("I told J. S. about it", ["j", "s"]),
    ("her son T.J. was moved", ["t", "j"]), ("we met with K.L.M. twice", ["k", "l", "m"]),
    ("J.S. said she would ring.", ["j", "s"]), ("T.J. has been moved again", ["t", "j"]),
])
def test_initials_where_a_person_stands_are_a_name(text, gone):
    # Measured when written: before, 9 of 9 kept the initials (initials in capitals without dots, "JS said", are not
    # read: "YP said", "HV said" are roles)
    red = _redact(text, names=[])
    assert not _left(red, *gone) and "[name]" in red, red


@pytest.mark.parametrize("text", ["the U.K. said no.", "the GP said no.", "the LA said it would.", "Plan A was good.",
                                  "the U.S. came in later", "the SW said she would come", "Mr and Mrs Smith's house",
                                  "P.S. I will ring.", "it was 9 a.m. when she rang", "the IRO said no.",
                                  "we asked the DfE about it", "it was Ofsted who rang.", "YP said she was scared",
                                  "HV said she would come", "with U.K. law", "P.S. she rang", "the D.S.L. said no"])
def test_acronyms_and_letters_are_kept(text):
    red = _redact(text, names=[])
    assert red.replace("[name]", "") == text.replace("Smith", "") or red == text, red


# A title word after a first name in capitals
@pytest.mark.parametrize("text", ["TOM BISHOP said no", "I asked GRACE MARSHALL and TOM BISHOP", "JANE NURSE rang"])
def test_a_title_word_after_a_first_name_in_capitals_is_the_surname(text):
    # Measured when written: before, 3 of 3 kept the surname
    red = _redact(text, names=[])
    assert not _left(red, "bishop", "nurse") and "[name]" in red, red


# Invisible marks inside a name
@pytest.mark.parametrize("mark", ["\u034f", "\ufe0f", "\ufe00", "\u180b", "\u3164", "\uffa0", "\u115f"])
def test_a_default_ignorable_mark_inside_a_name_hides_nothing(mark):
    # Measured when written: before, 7 of 7 left "Bishop" (read as "Tom" alone)
    text = f"Tom{mark} Bishop said no, and Tom Bi{mark}shop agreed."
    red = _redact(text, names=[])
    plain = red.replace(mark, "")
    assert not _left(plain, "bishop", "tom"), red


# A school in lower case with its year group, a number plate spaced
@pytest.mark.parametrize(("text", "gone"), [
    ("she's at oakwood high in year 10", ["oakwood"]), ("he goes to bramley primary, year 6", ["bramley"]),
    ("he's in year 9 at oakwood high school", ["oakwood"]), ("she went to st mary's primary", ["mary"]),
])
def test_a_school_named_in_lower_case_is_a_place(text, gone):
    # Measured when written: before, 2 of 4 kept the school's name
    red = _redact(text, names=[])
    assert not _left(red, *gone), red


@pytest.mark.parametrize("text", ["she's at high risk in year 10", "he goes to primary school in year 6",
                                  "she's at secondary now", "they went to the high school"])
def test_schools_without_a_name_are_kept(text):
    assert _redact(text, names=[]) == text


@pytest.mark.parametrize("text", ["the car's plate was AB 12 CDE", "a van, reg AB 12 CDE, outside",
                                  "the number plate was ab 12 cde", "it was AB12 C DE"])
def test_a_number_plate_spaced_is_redacted_whole(text):
    # Measured when written: before, 4 of 4 left part of the plate
    red = _redact(text, names=[])
    assert "cde" not in _alnum(red) and "[vehicle registration]" in red, red


# A code of letters and digits typed in lower case
@pytest.mark.parametrize(("text", "digits"), [("abc12345", "12345"), ("it was ab123456x on the form", "123456"),
                                              ("her id was cin004417 i think", "004417"), ("lac123456", "123456")])
def test_a_code_of_letters_and_five_digits_in_lower_case_is_a_reference(text, digits):
    # Measured when written: before, 3 of 4 kept the code (the same in capitals was redacted)
    red = _redact(text, names=[])
    assert digits not in red and "[" in red, red


@pytest.mark.parametrize("text", ["covid19 cases rose", "the h264 file", "mp3 players", "year 2019 was hard"])
def test_short_codes_in_lower_case_are_kept(text):
    assert _redact(text, names=[]) == text



# A mailbox said with its provider, a phone number said with hundreds, a date of birth said in part
@pytest.mark.parametrize(("text", "gone"), [
    ("her email is jsmith99 at hotmail", ["jsmith99"]), ("it's jane dot smith at gmail", ["janedotsmith"]),
    ("mail me at jane_smith at yahoo", ["janesmith"]), ("kay.bee.2009 at outlook", ["kaybee2009"]),
])
def test_a_mailbox_said_with_its_provider_is_an_email(text, gone):
    # Measured when written: before, 4 of 4 kept the mailbox
    red = _redact(text, names=[])
    assert_gone(red, gone, "[email]")


@pytest.mark.parametrize("text", ["we looked at outlook", "she works at sky", "he is at aol now"])
def test_words_at_a_provider_are_kept(text):
    assert _redact(text, names=[]) == text


@pytest.mark.parametrize("text", ["ring oh seven seven double oh nine hundred one two three",
                                  "seven seven double oh, nine hundred, one two three",
                                  "her mobile is oh seven seven oh oh, nine hundred, one two three"])
def test_a_phone_number_said_with_hundreds_is_redacted(text):
    # Measured when written: before, 3 of 3 kept it
    red = _redact(text, names=[])
    assert "nine" not in red and "[phone]" in red, red


@pytest.mark.parametrize("text", ["we had nine hundred cases", "nine hundred and twenty referrals",
                                  "about two hundred families, one or two a week"])
def test_counts_in_hundreds_are_kept(text):
    assert _redact(text, names=[]) == text


@pytest.mark.parametrize(("text", "gone"), [
    ("she was born on the 3/5", ["35"]), ("born in 09", ["09"]), ("he was born in '09", ["09"]),
    ("she's a 2009 baby", ["2009"]), ("born in the summer of 2009", ["summerof2009"]), ("born in early 2009", ["2009"]),
])
def test_a_date_of_birth_said_in_part_is_redacted(text, gone):
    # Measured when written: before, 6 of 6 kept it
    red = _redact(text, names=[])
    assert_gone(red, gone, "[date of birth]")


@pytest.mark.parametrize("text", ["the baby was born in 12 weeks", "she was born in 32 weeks gestation",
                                  "born in the spring"])
def test_births_without_a_date_are_kept(text):
    assert _redact(text, names=[]) == text



# Another name of the same person, and a clause opened by a dash
@pytest.mark.parametrize(("text", "gone"), [
    ("Jane Smith (née Brown) came", ["brown"]), ("Jane Smith, nee Hill, came", ["hill"]),
    ("her maiden name was Hill", ["hill"]), ("his surname is Bishop", ["bishop"]), ("her nickname is Bear", ["bear"]),
    ("his first name is Will", ["will"]), ("the boy, formerly Tyler, came", ["tyler"]), ("aka Smudge", ["smudge"]),
    ("it beds in - grace was good", ["grace"]), ("it beds in \u2013 hope was lovely", ["hope"]),
])
def test_another_name_of_the_same_person_is_a_name(text, gone):
    # Measured when written: before, 8 of 10 kept the name ("formerly Tyler", "first name is Will" were redacted)
    red = _redact(text, names=[])
    assert not _left(red, *gone) and "[name]" in red, red


@pytest.mark.parametrize("text", ["the fee was high", "we formerly ran it", "the surname field was empty",
                                  "she is known as Early Help", "it was named The Hub", "it beds in - hope is good"])
def test_words_near_a_name_word_are_kept(text):
    assert _redact(text, names=[]) == text



# A line broken inside a number or a hyphenated word; an initial without its dot after a first name
@pytest.mark.parametrize(("text", "gone"), [
    ("I spoke to Jane Smi-\nthson about it", ["thson", "smi"]), ("the worker, Kay-\nleigh, came", ["leigh"]),
    ("her number is 07700 900\n123", ["123"]), ("her number is 07700\n900 123", ["900"]),
    ("Jane S said so", ["s"]), ("JANE S said so", ["s"]), ("I met Tom B yesterday", ["b"]),
])
def test_a_wrapped_detail_and_a_bare_initial_after_a_first_name_are_redacted(text, gone):
    # Measured when written: before, 5 of 7 left part of the detail (the broken "Kay-leigh" and "07700 | 900 123" were
    # redacted)
    red = _redact(text, names=[])
    assert not _left(red, *gone), red


@pytest.mark.parametrize("text", ["we had 12\n34 cases", "it was well-\nknown to us", "the 2019\n2020 figures",
                                  "Tom I think said so", "We used Plan B"])
def test_line_breaks_and_letters_that_hide_nothing_are_kept(text):
    assert _redact(text, names=[]) == text



# A nickname given by "call her", a place lived on without a street type
@pytest.mark.parametrize(("text", "gone"), [
    ("we call her Princess", ["princess"]), ("they called him Smudge at school", ["smudge"]),
    ("she lives on Bramble", ["bramble"]), ("they live at the Bramble", ["bramble"]),
    ("they moved round Acacia last year", ["acacia"]),
])
def test_a_nickname_and_a_place_lived_on_are_redacted(text, gone):
    # Measured when written: before, 5 of 5 kept it
    red = _redact(text, names=[])
    assert not _left(red, *gone), red


@pytest.mark.parametrize("text", ["they call him the boss", "we called them Early Help", "she lives in England",
                                  "they moved in May", "the family lives with Gran", "she lives at the moment"])
def test_what_is_called_or_lived_at_that_names_nobody_is_kept(text):
    assert _redact(text, names=[]) == text



# A handle said aloud
@pytest.mark.parametrize(("text", "gone"), [
    ("she's on snap as kay bee two thousand and nine", ["bee", "thousand", "nine"]),
    ("her tiktok is kaybee dot 2009", ["2009"]), ("her tiktok is kaybee underscore x", ["x"]),
    ("her insta is jane_smith 99", ["99"]),
])
def test_a_handle_said_aloud_is_redacted_whole(text, gone):
    # Measured when written: before, 4 of 4 left its tail
    red = _redact(text, names=[])
    assert not _left(red, *gone) and "[handle]" in red, red


@pytest.mark.parametrize("text", ["she's on snapchat as kaybee. Then she left.",
                                  "she's on snapchat as kaybee and she posts a lot",
                                  "she posts as kaybee2009 on tiktok two days a week"])
def test_what_follows_a_handle_is_kept(text):
    red = _redact(text, names=[])
    assert red.split("[handle]")[1] == text.split("kaybee2009" if "2009" in text else "kaybee")[1], red



@pytest.mark.parametrize(("text", "age"), [
    ("the girl at number 7 was 14", "14"), ("the boy in the photo is 12", "12"),
    ("the girl from the estate was only 13", "13"), ("the girl in year 9 was 14 when it started", "14"),
])
def test_an_age_after_a_phrase_placing_the_child_is_redacted(text, age):
    # Measured when written: before, 4 of 4 kept the age
    red = _redact(text, names=[])
    assert not _left(red, age) and "[age]" in red, red


@pytest.mark.parametrize("text", ["the children in the group were 12 in total", "a girl in the group was 3 minutes late",
                                  "the boy in year 9 was there"])
def test_counts_after_a_phrase_are_kept(text):
    assert _redact(text, names=[]) == text


# End to end: the forms above, planted in speech and in everything the study's author writes (the study's name, wave
# and survey labels, a codebook's title and labels, the codes of a second coding), reach no output of ``impact run``.
_E2E = [
    ("Grace was good", ["gracewasgood"]), ("Grace from the team was great", ["gracefromtheteam"]),
    ("the nurse, bishop came in", ["nursebishopcame"]), ("he'd be 12 by now", ["be12bynow"]),
    ("a b 12 34 56 x", ["123456x", "b123456"]), ("Mrs T said so", ["mrstsaid"]), ("J.S. was the social worker", ["jswas"]),
    ("TOM BISHOP said no", ["tombishop"]), ("Tom Bi\u034fshop agreed", ["tombishop"]),
    ("she's at oakwood high in year 10", ["oakwood"]), ("the car's plate was AB 12 CDE", ["ab12cde"]),
    ("his ref was cin004417", ["cin004417", "004417"]), ("Jane Smith", ["janesmith"]),
]


def planted_run(root, forms, *, seed: int, name_end: int, early_end: int, title: str, label_note: str, human_code: str,
                argv: list[str] | None = None):
    """``impact run`` of a generated study with ``forms`` (text, needles) planted in speech and in everything the
    study's author writes: the study's name (forms up to ``name_end``), the wave labels and then the survey's questions
    (the rest, as many to a label as its limit holds: :func:`._util.labels_holding`), a codebook's ``title`` and first label (``label_note``), and ``human_code`` in a second coding:
    its coder's name (a code outside the codebook is refused since round 24 of the inputs, with the file's row).

    With ``argv`` (the options of ``impact run`` naming the codebook, the codings and ``--out``, relative to ``root``),
    the run is the command line's, in ``root``, given its own argv; ``argv`` names the files ``root / "codebook.yaml"``
    is copied to and the codings written to, in this order: codebook, coding, second coding. It returns the
    output folder's ``RunResult``-like ``out_dir`` only."""
    import pathlib
    import re

    import yaml

    import impact
    from impact.coding.codebook import Codebook
    from impact.coding.rules import RuleCoder
    from impact.coding.segment import segment
    from impact.pipeline import run

    study = root / "study"
    impact.synth.generate(6, seed=seed, interviews_per_wave=2, words_per_interview=250, out=study)
    planted = iter(forms * 400)
    for path in sorted((study / "transcripts").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        # every sentence of a respondent's answer ends " - <form>.": whichever is quoted carries one (a form with a
        # line break keeps it, as a transcript wrapped there would)
        text = re.sub(r"(?m)^(Respondent:.*)$", lambda line: re.sub(
            r"(?<=[a-z])\.(?=\s|$)", lambda m: f" - {next(planted)[0]}.", line.group()), text)
        path.write_text(text, encoding="utf-8")
    spec = yaml.safe_load((study / "study.yaml").read_text(encoding="utf-8"))
    label = [w.replace("\n", " ") for w, _ in forms]
    spec["name"] = "Interviews. " + ". ".join(label[:name_end])
    # the wave labels, then the survey's questions, each within impact's limits (early_end: where the early wave's
    # forms ended when two labels held them all, before inputs51's limits; the order is kept)
    from impact.schema import LABEL_MAX, TITLE_MAX

    waves, items = spec["waves"], list(spec["survey"]["items"].values())
    labels_holding(label[name_end:], [(waves[1], "Early", LABEL_MAX), (waves[2], "Later", LABEL_MAX),
                                      (waves[0], "First", LABEL_MAX)] + [(q, q["label"], TITLE_MAX) for q in items])
    (study / "study.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    book = yaml.safe_load((pathlib.Path(__file__).resolve().parents[2] / "data" / "codebooks" / "nfer_impacts.yaml")
                          .read_text(encoding="utf-8"))
    book["title"] = title
    book["codes"][0]["label"] += f" ({label_note})"
    (root / "codebook.yaml").write_text(yaml.safe_dump(book, sort_keys=False, allow_unicode=True), encoding="utf-8")
    codebook = Codebook.load(root / "codebook.yaml")
    coded = RuleCoder(codebook).fit().code(segment(impact.load_study(study)))
    human = coded.copy()
    wrong = human.copy()
    wrong.loc[wrong.index[: max(1, len(wrong) // 10)], "code"] = human_code
    with pytest.raises(impact.errors.ValidationError, match=r"human coding:2:code: .* expected one of the codebook"):
        run(study, out_dir=root / "refused", codebook=codebook, coded=coded.assign(coder="coder A"),
            human=wrong.assign(coder="coder B"), n_resamples=99, seed=1, cache=False)
    assert not (root / "refused").exists()
    with pytest.MonkeyPatch.context() as m:
        m.setenv("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
        if argv is None:
            return run(study, out_dir=root / "out", codebook=codebook, coded=coded.assign(coder="coder A"),
                       human=human.assign(coder=human_code), n_resamples=99, seed=1, cache=False)
        import shutil
        import sys
        from types import SimpleNamespace

        from impact.cli import main

        named = [a.split("=", 1)[1] if "=" in a else argv[k + 1] for k, a in enumerate(argv)
                 if a.split("=", 1)[0] in ("--codebook", "--coded", "--human")]
        (root / named[0]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / "codebook.yaml", root / named[0])
        coded.assign(coder="coder A").to_csv(root / named[1], index=False)
        human.assign(coder=human_code).to_csv(root / named[2], index=False)
        m.chdir(root)
        m.setattr(sys, "argv", ["impact", "run", *argv])
        assert main(["run", *argv]) == 0
        out = argv[argv.index("--out") + 1]
        return SimpleNamespace(out_dir=root / out)


def leaks_in(out_dir, forms) -> list[tuple[str, str, str]]:
    """(form, needle, file) for every needle of ``forms`` (text, needles) found in an output of ``out_dir``, compared
    with letters and digits only, in the whole file and line by line."""
    from .test_pii_spacing_outputs import _norm, _outputs

    texts = {f: (_norm(t), [_norm(line) for line in t.splitlines()]) for f, t in _outputs(out_dir).items()}
    wanted = [(written, needle, _norm(needle)) for written, needles in forms for needle in needles]  # each once
    return sorted({(written, needle, f.rsplit("/", 1)[-1]) for written, needle, n in wanted
                   for f, (whole, lines) in texts.items() if n in whole or any(n in ln for ln in lines)})


#: The command line of round 8's run: file names holding people's names, given relative to the folder it runs in.
ROUND8_ARGV = ["study", "--codebook", "Jane Smith/tom_bishop_codebook.yaml", "--coded=grace_bell_coded.csv",
               "--human", "jane_smith_second_coding.csv", "--out", "out", "--resamples", "99", "--no-cache", "-q"]


@pytest.fixture(scope="module")
def round8_run(tmp_path_factory):
    """Round 8's planted run, made by the command line (:data:`ROUND8_ARGV`): one run serves both tests below (the
    file-name test made a second run of the same study until testtime20)."""
    return planted_run(tmp_path_factory.mktemp("round8"), _E2E, seed=808, name_end=5, early_end=9,
                       title="NFER impacts as Jane Smith coded them", label_note="ask Grace from the team was great",
                       human_code="jane_smith_notes", argv=ROUND8_ARGV)


@pytest.mark.slow
def test_round8_forms_reach_no_output(round8_run):
    # Measured when written, on the old code: the codebook's title ("Jane Smith") was published as written in
    # report.html and report.docx, and the forms of this round in the quotes (quotes.csv, report.html, tables.xlsx)
    # and in the study's name and wave labels in every document, provenance.json too.
    assert not (found := leaks_in(round8_run.out_dir, _E2E)), found


@pytest.mark.slow
def test_file_names_given_on_the_command_line_reach_no_output(round8_run):
    # Measured when written, on the old code: provenance.json and report.html recorded the command as typed,
    # "--codebook Jane Smith/tom_bishop_codebook.yaml --coded grace_bell_coded.csv": relative paths were not scrubbed,
    # and the codebook's path was not among the paths scrubbed at all. The run is round 8's (ROUND8_ARGV), whose
    # --human file's name holds a name too.
    from .test_pii_spacing_outputs import _norm, _outputs

    assert "Jane Smith/tom_bishop_codebook.yaml" in ROUND8_ARGV and "--coded=grace_bell_coded.csv" in ROUND8_ARGV
    leaks = [(needle, f.rsplit("/", 1)[-1]) for f, t in _outputs(round8_run.out_dir).items()
             for needle in ("janesmith", "tombishop", "gracebell") if needle in _norm(t)]
    assert not leaks, sorted(set(leaks))


# Names the report's tables print as written: an indicator's measure, a wave's id, a survey item's id
def _study_renamed(tmp_path, column_map):
    import pandas as pd
    import yaml

    import impact

    study = tmp_path / "study"
    impact.synth.generate(2, seed=3, interviews_per_wave=2, words_per_interview=120, out=study)
    name = pd.read_csv(study / "participants.csv", dtype=str)["name"].iloc[0]
    new = column_map(name)
    spec = yaml.safe_load((study / "study.yaml").read_text(encoding="utf-8"))
    for f in study.glob("*.csv"):
        frame = pd.read_csv(f, dtype=str)
        for column, (old, value) in new.items():
            if column in frame:
                frame[column] = frame[column].replace(old, value)
        frame.to_csv(f, index=False)
    if "wave" in new:
        old, value = new["wave"]
        for w in spec["waves"]:
            w["id"] = value if w["id"] == old else w["id"]
    if "item" in new:
        old, value = new["item"]
        spec["survey"]["items"][value] = spec["survey"]["items"].pop(old)
    (study / "study.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return study


@pytest.mark.parametrize(("column_map", "where"), [
    (lambda name: {"measure": ("referral_rate", name.split()[-1].lower() + "_rate")}, "indicators.csv:"),
    (lambda name: {"wave": ("early", "after_" + name.split()[-1].lower())}, "study.yaml"),
    (lambda name: {"item": ("morale_good", name.split()[0].lower() + "_" + name.split()[-1].lower() + "_morale")},
     "study.yaml"),
])
def test_published_names_holding_a_participants_name_are_refused(tmp_path, column_map, where):
    # Measured when written: before, all 3 studies were accepted, and the measure, wave or item id holding a
    # participant's surname was printed as written in the CSV tables (indicator_trends.csv, prevalence.csv ...)
    from ._util import cli_here, refused

    study = _study_renamed(tmp_path, column_map)
    proc = cli_here("validate", str(study), cwd=tmp_path)
    refused(proc, where, "the report's tables print it as written")
