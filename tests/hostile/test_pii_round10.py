"""Tenth red-team round: ages and names of children in lower case, initials alone, houses by name or number, births
and deaths by their day, and forms a practitioner says of a family.

The leaks the ninth round left, each a class of writing:

* an unlisted first name in lower case before an age set off or given by
  "'s" ("chantelle (14) said", "lily, 2, was", "jayden's 9");
* initials in capitals listed with no other context ("JS, KM", "JS and KM"),
  and two capitals opening a clause before a verb in the past ("GH
  highlighted the progress"); a letter after a relation ("Baby O was born",
  "her son T came"; "Child A" stays, the name a review gives a child);
* a house by its name ("they live in the old rectory", "flat 4a, the
  maltings") or its number said of who lives there ("the family at number
  12");
* the year of a birth after how early it came ("born at 32 weeks in 2009").

And this round's own forms: siblings and carers named in a list in lower case
("kai, jayden and lily", "carers jean and bob"), the day of a death ("she died
on the 3rd", "date of death: 3rd may", "died in March 2019"), a birth on a
holiday ("born on Christmas Day 2009"), a hospital ward by its number ("on ward
12"), a family court's case number spaced ("LS 19 C 00123"), a handle after a
platform's possessive ("her snapchat's kaybee"), an age said in words before
"yo" ("fourteen yo").  Over-redaction closed: a council's body ("Leeds CSC said
no" kept the body's letters), a rank in lower case ("sgt bell came": the rank
stays, as "Sgt Bell" keeps it).  Each leak is checked on the redacted text, with
the stress names listed and with none; the same words in ordinary use must stay.
Counts "before" in the comments were measured on the code before this round.
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _WORDY
from .test_pii_round3 import _left, _redact
from .test_pii_round8 import leaks_in, planted_run


def _gone(red: str, gone: list[str], token: str) -> None:
    assert not _left(red, *gone) and token in red, red


# The leaks the ninth round left, and this round's births and deaths: (text, what must go, the token that stands)
_LEAKS = [
    # an unlisted first name in lower case before an age
    ("chantelle (14) said she was scared", ["chantelle", "14"], "[age]"), ("chantelle, 14, said no", ["chantelle", "14"], "[age]"),
    ("kai (8) and lily (2) were removed", ["kai", "lily", "8", "2"], "[age]"), ("jayden's 9", ["9"], "[age]"),
    ("jayden's 9 now", ["9"], "[age]"), ("kai is nearly ten now", ["ten"], "[age]"),
    ("kai's 14 and lily's 2.", ["lily", "14", "2"], "[age]"),
    # initials alone, listed or before a verb in the past; a letter after a relation
    ("JS, KM", ["JS", "KM"], "[name]"), ("JS and KM", ["JS", "KM"], "[name]"), ("KM/JS", ["KM", "JS"], "[name]"),
    ("we met JS, KM and the others", ["KM"], "[name]"), ("GH highlighted the progress", ["GH"], "[name]"),
    ("GH visited the family", ["GH"], "[name]"), ("then GH made the referral", ["GH"], "[name]"),
    ("Baby O was born early", ["O"], "[name]"), ("Baby T was born early", ["T"], "[name]"),
    ("her son T came", ["T"], "[name]"), ("my sister K said no", ["K"], "[name]"),
    # houses by name or by number
    ("they live in the old rectory", ["rectory"], "[address]"),
    ("she lives in flat 4a, the maltings", ["maltings", "4a"], "[address]"),
    ("she lives at the coach house", ["coach"], "[address]"), ("she lives in flat 2, The Old Mill.", ["mill"], "[address]"),
    ("the family at number 12 were known to us", ["12"], "[address]"), ("the boy at number 7 was known", ["7"], "[address]"),
    ("the family who live at no. 14 came", ["14"], "[address]"),
    # a birth's year after how early it came, or its day by a holiday
    ("born at 32 weeks in 2009", ["2009"], "[date of birth]"), ("born 8 weeks early in 2009", ["2009"], "[date of birth]"),
    ("born prematurely in 2009", ["2009"], "[date of birth]"), ("born at LGI at 32 weeks in 2009", ["2009"], "[date of birth]"),
    ("born on Christmas Day 2009", ["christmas", "2009"], "[date of birth]"),
    ("born on boxing day 2009", ["boxing", "2009"], "[date of birth]"),
    # the day of a death
    ("she died on 3rd may", ["3rd"], "[date]"), ("he passed away on the 3rd of May", ["3rd"], "[date]"),
    ("date of death: 3rd may", ["3rd"], "[date]"), ("she died in may 2019", ["2019"], "[date]"),
    ("she died in 2019", ["2019"], "[date]"), ("she died on the 3rd", ["3rd"], "[date]"),
    ("he died in March 2019 aged 2", ["2019"], "[date]"), ("he died at home in 2019", ["2019"], "[date]"),
    ("he died in hospital on the 3rd", ["3rd"], "[date]"),
]


@pytest.mark.parametrize(("text", "gone", "token"), _LEAKS)
@pytest.mark.parametrize("names", [_WORDY, []], ids=["listed", "unlisted"])
def test_the_leaks_left_and_births_and_deaths_are_redacted(text, gone, token, names):
    # Measured when written: before, 39 of 40 kept part of the detail, with the stress names listed and with none ("the
    # family who live at no. 14 came" was redacted, and "jayden" of "jayden's 9" without its age)
    red = _redact(text, names=names)
    assert not _left(red, *gone) and token in red, red


test_counts_acronyms_houses_and_deaths_in_ordinary_use_are_kept = _rounds.kept([
    "referrals (14) rose", "ehcps (14) rose", "the council's 3 reports", "the camhs (12) team", "CSC, NCT and MASH",
    "CSC and NCT", "HR decided", "CP increased", "KS2, KS3", "Child A said", "Baby P was a case",
    "her son A level results", "DV increased", "they live in the house", "we were at number 3 on the list",
    "our team was at number 1", "we stayed in the same farm", "deaths in 2019 rose", "the death rate in 2019",
    "he died 12 hours later", "the bill passed in 2019", "born in 12 weeks", "born at home in the end",
])


@pytest.mark.parametrize("text", ["We have Will 2 and Hope 3 in the plan", "The Grace 2 report came", "in May 2, 2013"])
def test_first_names_that_are_words_before_a_number_are_kept_unlisted(text):
    red = _redact(text, names=[])
    assert red == text.replace("May 2, 2013", "[date]"), red


@pytest.mark.parametrize(("text", "expected"), [("jayden's 2 children came", "[name]'s 2 children came"),
                                                ("she lives in flat 4, which is damp.", "she lives in [address], which is damp.")])
def test_what_follows_a_name_or_a_flat_is_asked_of_alone(text, expected):
    assert _redact(text, names=[]) == expected


# People listed in lower case; this round's other forms
@pytest.mark.parametrize(("text", "gone"), [
    ("kai, jayden and lily all went into care", ["lily"]), ("the kids - kai, jayden and mason - were at home", ["mason"]),
    ("her sisters are called ruby and skye", ["ruby"]), ("placed with carers jean and bob", ["bob"]),
    ("her foster carers are pat and jim", ["pat"]), ("the sibling group - kai, ruby, mason and lily - were placed",
                                                     ["ruby", "mason", "lily"]),
])
def test_siblings_and_carers_listed_in_lower_case_are_redacted(text, gone):
    # Measured when written: before, all 6 kept a name that is a word
    _gone(_redact(text, names=[]), gone, "[name]")


@pytest.mark.parametrize("text", ["then Kai and will help", "then Kai and mark the papers", "Kai and the bell rang"])
def test_verbs_after_a_name_and_and_are_kept(text):
    assert _redact(text, names=[]) == text.replace("Kai", "[name]")


_FORMS = [
    ("she was in bed 4 on ward 12", ["12"], "[place]"), ("moved to Ward 4b", ["4b"], "[place]"),
    ("in ward L52", ["l52"], "[place]"), ("she's on ward twelve", ["twelve"], "[place]"),
    ("case number LS 19 C 00123", ["00123"], "[reference]"), ("court ref ls 19 c 00123", ["00123"], "[reference]"),
    ("her snapchat's kaybee", ["kaybee"], "[handle]"), ("fourteen yo", ["fourteen"], "[age]"),
    # an e-mail address with its name spaced out
    ("j smith 99 @ hotmail.co.uk", ["smith", "99"], "[email]"), ("kayleigh b at hotmail dot co dot uk", ["b"], "[email]"),
    # a family by its surname where a child lives, or before what it does
    ("she lives with the hendersons", ["hendersons"], "[name]"), ("she lives with the smiths now", ["smiths"], "[name]"),
    ("the smiths said no", ["smiths"], "[name]"), ("placed with the Browns in Leeds", ["browns"], "[name]"),
    ("her carers, the Browns, came", ["browns"], "[name]"), ("fostered by the joneses", ["joneses"], "[name]"),
    # a nickname given in lower case
    ("we call him smudge", ["smudge"], "[name]"), ("everyone calls her princess", ["princess"], "[name]"),
    ("known as lil jay", ["lil", "jay"], "[name]"), ("his nickname's tink", ["tink"], "[name]"),
    # a life's years after a name
    ("RIP Tyler 2009-2019", ["2009", "2019"], "[date]"), ("RIP kai 2010 - 2012", ["2010", "2012"], "[date]"),
    # a nursery, school or surgery set off after its kind; a place no list knows, gone to in lower case
    ("the nursery, little acorns, rang", ["acorns"], "[place]"), ("her school - beechwood - said no", ["beechwood"], "[place]"),
    ("the surgery (Park View) rang", ["park"], "[place]"), ("she goes to beechwood", ["beechwood"], "[place]"),
    ("they moved to gipton", ["gipton"], "[place]"), ("she lives in armley", ["armley"], "[place]"),
    # children listed with their ages; a name given after "her name's"
    ("her kids are Kai 8, Lily 6 and Ruby 2", ["lily", "ruby", "8", "6", "2"], "[age]"),
    ("kai 8, lily 6 and ruby 2", ["lily", "ruby", "8", "6", "2"], "[age]"),
    ("her name's chantelle", ["chantelle"], "[name]"), ("his name is grace", ["grace"], "[name]"),
    # a number plate read aloud after a word of vehicles
    ("the car was yx sixty two abc", ["yx", "sixty", "abc"], "[vehicle registration]"),
    ("number plate Y X six two A B C", ["six", "two"], "[vehicle registration]"),
    ("reg number A one two three B C D", ["one", "two", "three"], "[vehicle registration]"),
    # who a relation or a worker is; a child by her place among her siblings
    ("her eldest is chantelle", ["chantelle"], "[name]"), ("her social worker is chantelle", ["chantelle"], "[name]"),
    ("her key worker's kayleigh", ["kayleigh"], "[name]"), ("her mum is pat", ["pat"], "[name]"),
    ("the eldest, chantelle, is 14", ["chantelle", "14"], "[age]"), ("the youngest, kayden, came", ["kayden"], "[name]"),
]


@pytest.mark.parametrize(("text", "gone", "token"), _FORMS)
def test_this_rounds_forms_are_redacted(text, gone, token):
    # Measured when written: before, 39 of 41 kept the detail ("her key worker's kayleigh" and "the youngest, kayden,
    # came" were redacted)
    _gone(_redact(text, names=[]), gone, token)


test_the_same_words_in_ordinary_use_are_kept = _rounds.kept([
    "See Page 4 and Ward 12 of the hospital.", "the ward councillor came",
    "the browns of autumn", "the smiths of the town", "she lives with the twins", "we visited the schools",
    "called her back yesterday", "he calls him names", "the area is known as deprived.", "call her on her mobile",
    "in 2009-2019 the service grew", "the school, however, rang", "the school, in fairness, was good",
    "the nursery, bless them, rang", "the school, Ofsted said, was good", "she goes to counselling", "he went to sleep",
    "on june 3, we met", "the service's name is Early Help", "her social worker is brilliant", "her mum is ill",
    "the oldest Looked After child", "the youngest children were fine", "the car was in the garage",
    "the van was red and old", "the car was a ford",
])


# Over-redaction closed
@pytest.mark.parametrize(("text", "expected"), [
    ("Leeds CSC said no", "[council] CSC said no"), ("we rang Leeds CSC about it", "we rang [council] CSC about it"),
    ("sgt bell came", "sgt [name] came"), ("sgt smith came", "sgt [name] came"), ("supt okafor said", "supt [name] said"),
    ("with mrs bell reporting", "with mrs [name] reporting"),
])
def test_a_councils_body_and_a_rank_in_lower_case_stay(text, expected):
    # Measured when written: before, 4 of 6 differed: "Leeds CSC" was one [name], "sgt" a second [name] beside the
    # surname
    assert redact_default(text) == expected


def redact_default(text: str) -> str:
    """Redacted as the report does, with the English councils by default and no participants."""
    from impact.privacy import redact

    return redact(text, places=["Leeds", "Kirklees"])[0]


# End to end: the forms above, planted in speech and in what the study's author writes, reach no output of a run
_E2E = [
    ("chantelle (14) said so", ["chantelle14"]), ("jayden's 9", ["jaydens9"]), ("JS, KM", ["jskm"]),
    ("GH highlighted it", ["ghhighlighted"]), ("Baby O was born", ["babyowas"]), ("they live in the old rectory", ["oldrectory"]),
    ("flat 4a, the maltings", ["themaltings"]), ("the family at number 12", ["familyatnumber12"]),
    ("born at 32 weeks in 2009", ["weeksin2009"]), ("she died on the 3rd", ["diedonthe3rd"]),
    ("kai, jayden and lily all went", ["jaydenandlily"]), ("on ward 12", ["onward12"]), ("case LS 19 C 00123", ["00123"]),
]


@pytest.fixture(scope="module")
def round10_run(tmp_path_factory):
    return planted_run(tmp_path_factory.mktemp("round10"), _E2E, seed=1010, name_end=4, early_end=9,
                       title="NFER impacts as GH highlighted them", label_note="JS, KM",
                       human_code="chantelle_14_notes")


@pytest.mark.slow
def test_round10_forms_reach_no_output(round10_run):
    # Measured when written, on the old code: 14 of the 16 forms were published, among them "JS, KM" of the codebook's
    # label in framework_core.csv, reliability.csv and intervention_effects.svg, "GH highlighted it" of its title in
    # quotes.csv, the quoted forms in report.html, report.docx and tables.xlsx, and the second coding's code id
    # "chantelle_14_notes" in the report's text (read only with "_" as a space, where the name is no word of a list)
    needles = [*_E2E, ("chantelle_14_notes", ["chantelle14notes"]), ("codebook title", ["ghhighlighted"]),
               ("codebook label", ["jskm"])]
    assert not (found := leaks_in(round10_run.out_dir, needles)), found
