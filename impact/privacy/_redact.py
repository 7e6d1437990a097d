"""Redaction of identifying details from quotes before they are published.

:func:`redact` replaces, in one pass over the text, every detail of these
kinds by its token (:data:`REDACTION_TOKENS`):

``[name]``
    People's names however they are written: the study's participant names
    (full names in any case or accent, and each part), listed first names,
    words that are not ordinary English in a name-like run ("Okafor",
    "Siobhán Ní Bhriain", "JOHN SMITH", "J. Smith", "Smith-Jones" whole),
    initials after a title ("Mrs T", "Mr K.", "mrs t"), a letter alone set off
    after a role, after "spoke to", "told" ... or opening a clause before a
    verb ("the boy, T, said", "I spoke to T about it", "T. said so"; not
    "Plan B came", "Child A said"), and dotted initials where a
    person stands ("J.S. was the social worker", "I told J. S."; not "U.K."),
    two or three capitals where a person stands ("JS who rang me", "I spoke
    to JS about it", "KM, the team manager,", "KM and JS came", "JS's
    daughter"), listed together ("JS, KM") or opening a clause before a
    verb in the past ("GH highlighted the progress") or said to be initials ("initials AB and JS"), unless an acronym of the shipped lexicons (LGA, MASH, IRO, and
    people said by their role's initials, YP, HV, TM), one the text spells out
    ("Corporate peer challenge (CPC)"), a body's after an article, a place or
    "of" ("the LGA said", "Chairman of NCT said"; "Leeds CSC said no" keeps
    the body's letters beside "[council]"), or spelled out by the role
    beside it ("IRO, the independent reviewing officer"); a name in a file
    name or in words joined by "_" ("Jane_Smith_interview.docx",
    "interview_okafor_w1.txt", "notes_from_tyler"), whole; a surname
    written first in capitals ("SMITH, JANE said"); a name wrapped onto the
    next line after a title or a first name ("Mrs\nSmith", "jane\nsmith"),
    another name of the same person ("née Brown", "aka Smudge", "his surname
    is Bishop", "we call her Princess"),
    and any word after a title, an introduction ("my name is", "called") or a
    kinship or role word ("her son Tyler", "social worker Becky"); an
    ordinary word after "Mrs", "Dr" ... or a first name in lower case ("mrs
    hopper", "jane hopper"), and a title word after a first name or a title
    ("Tom Bishop", "Dr Bishop", "MRS BISHOP"; "councillor smith" with a
    common surname; a title in lower case stays, "sgt [name] came"); a known
    surname in capitals where a person is spoken of ("MCDONALD said"); a
    letter after a relation, in lower case too ("Baby O was born", "her son T
    came", "her daughter b and c"; not "Child A", "Part B and C said", "mum n
    dad"); a first name no list knows, in lower case, opening a clause before
    a verb or after a verb of seeing or visiting ("zorbina was there", "we saw
    jaydon yesterday"; not an acronym, "yjsip is", nor a word with an English
    ending, "and iteratively developed"); a first name in lower case before a
    surname that is no word ("pat o'brien"); a first name in lower case
    after "called", "named", "known as", with a surname after it though a
    word ("she's called grace hill", "her sister's called grace-may"); a
    letter in lower case after a name set off or after a title at a phrase's
    end ("sandra p - signed it", "her form tutor is mr k"); a second surname after any
    title before a verb in the past ("miss rhodes white coded them"); a word
    set off after "little one" or before a past such as "hit" ("her little
    one, zorbina, started", "his stepdad, dean, hit him"); a car's make and
    model, and a word no list knows after "a", are kept ("a Vauxhall Corsa",
    "a Qashqai"); initials in lower case with their dots where a person
    stands ("j.b. (14) was moved"; not "e.g.", "3 p.m."); a first name and
    surname in lower case after a platform and "as" ("on facebook as pat
    smith"), and whatever a relation's or a child's name is said to be ("the
    lad's name was jordan-lee"); a word before an age set off ("chantelle (14) said", "lily's 2",
    "Kai 8, Lily 6 and Ruby 2"); first names and surnames that are words
    listed in lower case with a person ("kai, jayden and lily", "carers jean
    and bob"); a family by its plural surname where a child lives or before
    what it does ("placed with the smiths", "we placed her with the
    Smiths") or where it lives ("the Khans at number 9"), by a plural whose
    singular is a word no surname list holds where only a household is ("the
    Shahs at number 4", "the Shahs moved to Bradford"; not "the Governors
    moved to a new venue", nor an adjective's plural for people of a
    standing, "the Seniors moved to Bradford"), or by a capitalised surname
    before "family" or "household" ("the Smith family", "the Goldsmith
    family"; not "the Royal Family", "the Polish family"); a nickname or who a relation is
    in lower case ("we call him smudge", "her eldest is chantelle"); a word
    no list knows, shaped as a given name, after a preposition that takes a
    person where a phrase ends ("i did it for kacey", "a Plan B for kacey");
    a surname with its particles ("Mr van der Berg", "the Van der Berg
    children"); a first name's initial before a surname ("Apologies: J.
    Williams"); a name or initials alone on the line after a sign-off, a
    letter's too, "A" and "I" as initials there ("Kind regards,\nDJ", "Yours
    sincerely,\n\nA Patel"; a kiss after it kept: "Thanks, [name] x"), and a
    capitalised English word alone there ("Regards\n\nGoldsmith"; not
    "Cheers\nAll", "Regards\nAdmin", "Love\nAlways"); a
    surname wrapped at its hyphen ("Brown-\nSmith"); initials or a given name
    right before a date of birth or an age said to be one ("JD (dob ...)",
    "JB, aged 14, was", "Mason born ..."; not "Mum, aged 32"), a month's
    given name before a birth in brackets ("May (born 2013)"; not "In May
    (aged 6)"), a capitalised word no given-name list holds there, before
    a verb of one person or one of hers, or after a verb done to a child
    ("Summer (born 2013) was the youngest", "Sky, aged 9, was excluded",
    "we placed Willow (born 2013) with her aunt"; not "Reception (born
    2019) was the biggest class", "the Autumn (born 2013) cohort"), and
    initials after what names a case or a record before a bare date ("the
    case of T.R., 12/11/2010", "re: LW 09.10.2018"; not "re: LSCB
    09.10.2018"); a first name that is a word, in lower case, where only
    a person stands ("me and blessing went", "i was with memory at the
    contact centre", "i went with patience and her mum", "hiya memory,"; not
    "the problem was with memory", nor a word English says bare before a
    state, "me and hope were never far apart"); a given name
    said to whom one speaks ("Well, John, I think so", "Sorry, Tom."; not
    "Yes, May."); a surname that is a word written first in a register's
    field ("Present: Smith, John; Baker, Tom"); minutes' initials and
    surnames after a plural title or listed with names ("Cllrs K Okafor, A
    Brennan and M Goldsmith"); a title's word after a first name ("Tania
    Lord"); the speaker after the press's "says" ("says Freeman.").  A job or
    a role after a name and "the" is kept ("Dr Jones the Dentist"; "Jones the
    Milk" is a nickname, redacted), and so are a post's capitalised words
    after a name ("Jane Okafor  Senior Democratic Services Manager"), a
    thing's letter before a surname ("Plan B. [name] rang") and a car's model
    after its colour ("a silver Corsa").  See
    :mod:`impact.privacy._names`.

    A participant's name made of ordinary words ("Tom Bishop", "Grace Bell",
    "Will Brook") is read this way.  The full name, first name then surname,
    is the person in any case ("tom bishop said", "met with grace Bell"),
    except in lower case after a subject or an auxiliary, where its first
    name reads as a verb ("they will brook no delay", "we want to mark young
    people's progress"; "spoke to will brook" is the person).  A part alone
    ("Bishop", "Will") is the person where written capitalised inside a
    sentence, or opening one in a possessive ("Bishop's view") or before a
    verb of saying ("Bishop said", "Will thought").  A first name or surname
    alone in lower case ("tom", "bishop") is the person only where a person
    stands: after "asked", "told", "met with", "spoke to", "according to",
    "an email from" ... before the end of a phrase ("i asked marsh about
    it"), after "with" or "from" before a time ("with bishop last week"), or
    opening a sentence or clause before a verb of saying or a possessive
    ("bishop said", "tom said"); "the bishop said", "a bell", "the marsh",
    "with care.", "want to work for" and "it will help" are kept.  A part that
    is a singular count noun, bare where only a person stands without "the"
    or "a", is the person: after a preposition at the end of a phrase ("we did
    it with marsh.", "signed off by bishop,"), after a role that also
    qualifies nouns ("officer marsh took the call"; not "officer time"), and a
    first name opening a sentence before "is" or "was" ("Tom was great.");
    a word English uses without an article stays ("with care.", "made from
    wood.", "back to work.", "Hope is not a strategy", "Wood had been used":
    :func:`~impact.privacy._lexicon.bare_word`), unless the text names the
    person by it elsewhere, or says of it what is said of a person: a first
    name that is a word, listed or not, or a listed count noun, opening a
    sentence or clause before "is" or "was" and words said of people ("Grace
    was great.", "Hope was really supportive", "Rose was our family worker",
    "Bishop was lovely with him", and after a past "was" a short word of
    judgement, "Grace was good."; with where the person is from between,
    "Grace from the team was great"; in lower case too, listed or not; "May
    was great", "Hope is good" and "Hope was high" are
    kept: :func:`~impact.privacy._names.said_of_person`).  After a
    preposition the phrase may go on past such a part ("with marsh and the
    team", "by bishop in the office", "with marsh who knows them"; not "a
    room with king size beds").  Any listed part, and a title word, set off
    after a role by commas, dashes or brackets before a verb or the end of
    the sentence is the person ("the nurse, bishop, came in", "my manager -
    bell - said no", "the nurse, Bishop, came in"; not "a manager, time, and
    money"), and so is one set off on one side only before a verb of saying
    or doing ("the nurse, bishop came in"; not "a manager, time and money"),
    and a first name that is a word or a title word so set off, unlisted (so
    is such a first name in lower case opening a clause before a verb of
    saying, "pat said it was fine", or after "met", "told", "rang" ... at the
    end of a phrase, "I met pat"; not "we paid the bill"), and
    an unlisted singular count noun so set off before a verb of saying or
    doing ("the nurse, marsh came in"; not "the manager, budget cuts came").  A part in
    capitals ("BISHOP said") is read as in lower case, and any part after a
    title ("councillor bishop"); after an article it is the word ("RANG THE
    BELL"); a full name may be joined by a hyphen ("tom-bishop").
``[NHS number]``, ``[NI number]``, ``[pupil number]``, ``[reference]``
    UK identifiers, named by their check digit (NHS modulus 11, the UPN check
    letter, via python-stdnum) or their context; an NI number also with its
    digits said in words or mixed ("Q Q one two three four five six C", "AB
    twelve 34 fifty-six C", "AB 123 456 C") or its groups set off by dots
    ("QQ.12.34.56.C"; with its suffix or a word of NI numbers in lower case,
    not a version "ab.12.34.56"); an identifier that fails its
    check is still redacted (as ``[reference]`` when nothing says what it is),
    and so is every other run of seven or more digits (slashed groups too,
    "2014/0456", and groups joined by "slash" said aloud, "2019 slash 04417"), every code of letters and digits with three or more digits,
    what follows "case no", "ref", "file" ..., and a letter code in capitals set
    off from five or more digits ("LAC 123456"; "ab 123456" after "ref").  An
    NI number in lower case needs its suffix letter, or digits in pairs after
    a prefix that is no word ("ab 12 34 56"; not "in 10 20 30 days"), or its
    prefix spelled out, a letter at a time ("a b 12 34 56", "a-b-12-34-56"),
    or said as words ("ay bee one two three four five six see", "alpha bravo
    123456 charlie"); a letter standing alone after an NI number goes with it,
    its suffix mistyped or misheard ("a b 12 34 56 x"); a code of up to four
    letters and five digits or more in any case ("ab123456x", "cin004417").
``[phone]``
    Phone numbers in every written form: spaces, dots, dashes, brackets,
    ``+44``/``0044`` with or without ``(0)``, without the leading 0, with an
    extension, or spoken ("oh seven seven double oh ...", "07700 nine oh oh
    one two three", "... double oh nine hundred one two three"), and a short
    number someone is rung or called on ("ring jo on 4471").
``[email]``, ``[handle]``, ``[web address]``
    E-mail addresses, obfuscated ones too ("jo dot smith at leeds dot gov dot
    uk", "jo [at] nhs [dot] net", "jsmith99 at hotmail"); social-media handles ("@jo_s", "on
    Instagram as jo.smith99", "@ jo_s"), and words that read as one in a clause
    naming a platform ("she posts as kaybee2009 on tiktok", "dm her at
    kaybee2009"), with what follows when said aloud ("kaybee dot 2009", "kay
    bee two thousand and nine"), and pieces joined by "dot" or "underscore" in
    such a clause ("it's kayleigh dot b dot 09"), a channel or group called
    by words on a platform ("her youtube is called lily makes stuff"), and
    profile links; other web addresses.
``[postcode]``, ``[address]``, ``[place]``, ``[council]``
    Full postcodes in any case (and "LS 6 2AB", or with digits said, "S W one
    A, two A A", in capitals or after "postcode", "in", "lives" ...; or with
    letters said as words or in the phonetic alphabet, "ess double-you one a
    two a a", "sierra whiskey one alpha ..."), outward codes ("LS6") where written in
    capitals with a two-letter area or in an address context, and an inward part said apart from one later in the
    sentence ("LS6 and then 2AB", "starts BD7 and ends 3QT"; not "from BD7 on the 3rd"); house numbers
    with a street, flats and named buildings, named streets, and the town
    after an address's comma ("12 Ffordd yr Orsaf, Aberystwyth"); schools,
    hospitals, surgeries, centres and estates by name ("St Mary's Primary
    School", "the Gipton estate"; in lower case too, "oakwood high school",
    "at oakwood high"; a saint's name gone to, "she goes to st marys"); a
    street in lower case without a number
    where someone is placed on it ("lives on station road"), a capitalised
    name lived on, at or off without a street type ("she lives on Bramble",
    "they live at the Bramble"), and a house
    number in words or before "the" there ("lives at fourteen bramble way",
    "her address is 14 the crescent"), and a house number with the start of a
    street's name right after "lives at", "moved to", "address is" ...
    ("lives at 14 Bramble"; not "moved to 14 different placements"), "number"
    or "no." before it ("lives at number fourteen Bramble", "is staying at
    number fourteen."; not "moved to number two in the league table"), or
    said of who lives there ("the family at number 12"); a house by its name
    where someone lives or after a flat's number ("lives in the old rectory",
    "flat 4a, the maltings": :func:`~impact.privacy._lexicon.house_names`); a
    hospital ward by its number where someone is placed ("on ward 12"), and
    a ward, bay or bed by their numbers in a row ("ward 12 bay 3 bed 4"); a
    nursery or school set off after its kind ("the nursery, little acorns,
    rang"), named in lower case before it (with a word in -ing first or one
    plural word, "learning tree nursery", "the willows primary"), in
    capitals before it in lower case ("Little Acorns nursery said"), or by
    two words alone ending in a plural, a word of premises or no word of a
    list, or by one plural word, where a child goes or is ("she's at little
    acorns", "he goes to busy bees", "she's at rainbow corner", "she's at
    rainbows"; not "at team meetings", "at different stages", "went to nan's
    house"); a pub or shop after a word of keeping or running it ("landlord of
    the red lion", "behind the bar at the kings arms"; not "runs the youth
    club"); a place's name found once is
    redacted wherever the text names it again; a word no list knows gone to,
    lived, worked or been at, in lower case ("she goes to beechwood", "in the
    flats on kirkgate", "she's at roundhay", "a cop in chapeltown"), or after
    a landmark ("near the big tesco in armley"); one word a child goes to or is at, ending the phrase ("she's at
    sunshine"; not "at lunch", "to mosque", "to meetings", "to reunions"); a road an incident happened on ("the
    crash on the a64"), a local newspaper that printed someone ("on the front of the evening post"), a form's
    code ("he's in 10R"); a house number with its letter where someone lives ("she
    lives at 14b", "they're at 14b, the grove"); a district whose name is an English word where someone moves, lives,
    comes from or goes ("they moved to sale", "she went to hull for the weekend"; not "the house went to sale"), the next
    of a list of them ("moved to sale, then to bury"), and a town named by a word said mostly as an idiom, capitalised
    inside a sentence there ("they moved to Hope"; not "they live in hope"); the places passed; council names, and a
    name before a council's own words as a council, one the bundled list does not hold too ("Winchester City
    Council", "Breckland Council", "East Suffolk Council").
``[date of birth]``, ``[date]``, ``[age]``
    Dates after "born", "DOB", "date of birth", the day or year in words too
    ("the third of May two thousand and nine", "3rd May 09", "3/5/9", "the May
    of 2009", the month said as a number in order, "the 3rd of the 5th 2009",
    figures set off by spaces, "dob 3 5 09", where before when, "born at LGI
    in 2009"), or part of one ("born in 09", "the summer of 2009", "the 3/5",
    "a 2009 baby"); every other full date (day, month and year, "03MAY2009"); ages ("aged 4", "a four-year-old", "my 7 year old",
    "she is 12", "the child was 14", "who was 15", "Tyler, 14," and "Tyler (14)"
    after a name, "her 14th birthday", "she'll be 15", "the girl at number 7 was 14"; with a modal or a perfect, "he'd be 12 by now",
    "she would have been 14", "he'll turn 13", "she's almost 15"; as a range or near, "14-15 years old",
    "about 13 or 14", "aged between 10 and 12", "11-ish"; an English number before Welsh "oed"), and the day an age is
    reached or held ("she turned 14 on 3 May": a date of birth; "he was 9 on 14
    June": a date), without its month too ("she turned 14 on the third"); the
    day of a birth without its month ("born on the third.", "her birthday is
    on the 21st"; not "born the third of five children"), after how early it
    came ("born at 32 weeks in 2009") or by a holiday ("born on Christmas
    Day 2009", "born at christmas 2015", "the week before christmas 2015"),
    or in words after "DOB" ("dob oh three, oh five, oh nine"); an age's day
    or month to come ("she's 14 on friday", "he turns 9 next tuesday",
    "she'll be 16 in june"); the day or year of a death ("died on the 3rd",
    "date of death: 3rd may", "died in March 2019"; not a thing's, "the
    review died a death in 2019", "the policy died in 2019"), the year or
    month and year of a violent or distinctive event ("stabbed outside the
    shop in 2021", "went missing in march 2020", "jailed for the arson in
    2018", "the fire at the flats in 2019", "the crash on the a64 in 2020"), and years from and to after a name ("RIP Tyler
    2009-2019").  An event's day and month, or its day alone, are kept ("the
    review was on 3 May", "he went missing on the third").
``[detail]``
    What makes a child the only one of a community, said with it ("the only girl in the school with a prosthetic
    leg", "the only traveller family on the estate", "the only sikh family on the estate"): the words that single the
    child out; a job of which a small place or a town has one ("the only pharmacist in the village", "the only rabbi in
    town", "the mayor of the town"); a make or brand owned, driven or worn ("drives a Maserati", "wears a Tag Heuer",
    "drives a Range Rover"; a common make and its model are kept, "drives a Vauxhall Corsa").
``[vehicle registration]``
    Current, prefix and suffix number plates, spaced too ("AB 12 CDE"); any plate-shaped code after
    "reg", "car", "van" ..., read aloud too ("number plate Y X six two A B C").

The text is read as the detectors need it first: odd spaces, invisible
characters (zero-width, soft hyphen) and full-width forms made plain, and a
word spelled with look-alike letters of another script ("Аnita" with a
Cyrillic "А") read in Latin letters (Unicode confusables, UTS #39; a word
wholly in another script is left alone).  It is read a second time with
letter-spaced words closed up ("J a n e Smith", "J.A.N.E. SMITH",
"0 7 7 0 0  9 0 0  1 2 3", "l s 6 2 a b"), and a third time without a
speaker's fillers and words said twice ("um, so like, kaycee, kaycee, she she
rang me" is read as "so kaycee, she rang me"); a name said twice is redacted
both times ("his brother Rocky, rocky").  A participant's full name is also
found surname first ("Smith , Jane"), across a line break or a blank line,
closed up ("JaneSmith") or joined by "_" or "." ("jane_smith"); a first name
and surname spelled out with no wider gap ("J O H N S M I T H") is a name, and
so is any spelled-out word that reads as a word and is no English word or
public term ("we saw s t u s o l there").

Public terms are kept (``KEEP_PHRASES`` and the bundled field vocabulary:
Ofsted, LSCB, "Working Together", regions ...).  Detections that overlap are
merged into one redaction, so no part of a detail is left beside a token.

The log
-------
Each redaction is logged with its ``kind``, its ``start``/``end`` code-point
offsets in the original text, its ``length``, and ``new_start``/``new_end`` in
the redacted text - never the original value, so the log can be shared with
the redacted quotes.  With ``hash_key`` a ``value_hash`` column holds a keyed
hash (HMAC-SHA256, 16 hex digits) of the original, which lets a reviewer see
that two redactions hid the same value; a name or phone number is easy to
guess from such a hash by anyone holding the key, so keep the key private.

Redaction lowers the risk; it is not certain.  :func:`assess_quote` judges
whether a redacted quote still shows signs of personal data, and the report
publishes only quotes judged clean.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from functools import cache
from typing import Literal

import numpy as np
import pandas as pd
import regex as re

from .._frames import text_series
from ._detect import (
    _AFTER_AGE,
    _AGE_ADVERB,
    _AGE_VERB,
    _NUMBER_WORDS,
    _TITLE_WORD_RE,
    Span,
    detector_spans,
    find_identifiers,
    saint_surname,
)
from ._detect import _PHRASE_END as _END
from ._lexicon import (
    FAMILY_WORDS,
    age_groups,
    bare_word,
    communities,
    despaced,
    english_words,
    first_names,
    fold,
    folded_first_names,
    generations,
    lazy_compile,
    place_given_names,
    plain_text,
    proper_nouns,
    public_names,
    public_phrases,
    spaced_runs,
    surname_words,
    unfilled,
    welsh_words,
)
from ._names import (
    _ADJECTIVE_ENDINGS,
    _CLAUSE_OPEN_RE,
    _DAY_NAMES,
    _IRREGULAR_PAST,
    _LABELLED_WORDS,
    _LOWER_TITLES,
    _MONTH_NAMES,
    _MONTH_TIME_BEFORE_RE,
    _NOT_CHILDREN,
    _NOT_NAMES,
    _NOT_SUBJECTS,
    _PERSON_OBJECT_BEFORE_RE,
    _SEEN_BEFORE_RE,
    FAMILY_ROLE,
    KINSHIP_ROLE_WORDS,
    SPELT_OUT_RE,
    NameFinder,
    _entry_opens,
    _job_word,
    ends_title_case,
    is_public_word,
    listed_word_in_a_term,
    month_range_after,
    named_after_preposition,
    named_by_shape,
    noun_after_determiner,
    passive_said,
    persons_by_form,
    public_name_as_person,
    said_of_person,
    set_off_after_role,
    things_named,
    welsh_field_labels,
    welsh_mutated_words,
    welsh_sentence_words,
)
from ._pseudonym import keyed_hash, resolve_key

__all__ = ["REDACTION_TOKENS", "KEEP_PHRASES", "first_names", "personal_detail", "redact", "redact_series"]

Kind = Literal[
    "email", "url", "handle", "nhs_number", "ni_number", "pupil_number", "phone", "postcode", "vehicle",
    "date_of_birth", "date", "age", "address", "reference", "name", "council", "place", "detail",
]

#: Replacement token of each kind of detail (in order of precedence when two kinds cover one span).
REDACTION_TOKENS: dict[str, str] = {
    "email": "[email]",
    "url": "[web address]",
    "handle": "[handle]",
    "nhs_number": "[NHS number]",
    "ni_number": "[NI number]",
    "pupil_number": "[pupil number]",
    "phone": "[phone]",
    "postcode": "[postcode]",
    "vehicle": "[vehicle registration]",
    "date_of_birth": "[date of birth]",
    "date": "[date]",
    "age": "[age]",
    "address": "[address]",
    "reference": "[reference]",
    "name": "[name]",
    "council": "[council]",
    "place": "[place]",
    "detail": "[detail]",
}
_PRIORITY = {kind: n for n, kind in enumerate(REDACTION_TOKENS)}

#: Public phrases never redacted (field vocabulary; names of public inquiries).
KEEP_PHRASES: tuple[str, ...] = (
    "Working Together",
    "Working Together to Safeguard Children",
    "Victoria Climbié",
    "Peter Connelly",
    "Baby P",
    "Baby Peter",
    "Munro Review",
    "Laming Report",
    "Laming Inquiry",
)

_COUNCIL_PREFIX = r"(?:(?:London[ \t]+Borough|Royal[ \t]+Borough|Metropolitan[ \t]+Borough|Borough|City|County)[ \t]+of[ \t]+)?"
_COUNCIL_SUFFIX = (
    r"(?:[ \t]+(?:(?:Metropolitan[ \t]+Borough|County[ \t]+Borough|Borough|City|County|District)[ \t]+)?Council)?"
)
_SENTENCE_END = ".!?:;\n\r…"
_JOIN = "-\u2010\u2011'’"
# A date right after a name ("Tyler, 03/04/2016", "Tyler (3 April 2016)") is a date of birth.
_AFTER_NAME_RE = lazy_compile(r"^[ \t]*(?:[,(\-–][ \t]*)?(?:(?:born|dob|b\.)[ \t]*:?[ \t]*)?$", re.IGNORECASE)
# Unless the name is a writer's, after a byline's or a signature's word ("By Jane Okafor, 14 March 2023", "Posted by ...",
# "Signed: ..."): the date is the writing's, not the writer's birth (a date said to be of birth stays one).
_BYLINE_BEFORE_RE = lazy_compile(
    r"(?:^|[\n\r(|]|[.!?:;][ \t])[ \t]*(?:(?:written|posted|published|reported|compiled|prepared|authored|updated|"
    r"signed|words|photos?|interview)[ \t]+)?by[ \t]*:?[ \t]*\Z"
    r"|\b(?:author|authors|writer|reporter|byline|signed|signature|posted[ \t]+by|written[ \t]+by)[ \t]*:[ \t]*\Z",
    re.IGNORECASE)
# A number set off right after a name ("Tyler, 14, moved", "Tyler (14)", "Kai, fourteen, and ...") is an age.
# So is one given by "'s", "is", "turned" ... right after a name found in lower case ("jayden's 9", "kai is nearly
# ten now"), as after a capitalised one (see _detect._AGE_RES).
# A baby's or a toddler's is given in days, weeks or months ("Ezekiel (8 wks)", "Nevaeh, 3 months, was seen").
_AGE_UNIT = r"(?:[ \t]*(?:days?|wks?|weeks?|mths?|months?|yrs?|years?)(?:[ \t]+old)?)?"
# A table's cell of a person's sex (_AGE_AFTER_NAME_RE).
_SEX_CELL = r"m|f|male|female|boy|girl"
_AGE_AFTER_NAME_RE = lazy_compile(
    rf"[ \t]*(?:,[ \t]*(?P<a>(?:\d{{1,3}}|{_NUMBER_WORDS}){_AGE_UNIT})[ \t]*(?=[,;.)]|\Z|[ \t]+(?:and|&)\b)"
    rf"|\([ \t]*(?P<b>\d{{1,3}}{_AGE_UNIT})[ \t]*\))"
    rf"|(?:[ \t]*,)?(?:{_AGE_VERB})(?:[ \t]+(?:{_AGE_ADVERB}))*[ \t]+(?P<c>\d{{1,2}}|{_NUMBER_WORDS})(?:[ \t]+(?:years?|months?)(?:[ \t]+old)?)?"
    rf"(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:{_AFTER_AGE})\b)"
    # a number to 19 right after a name in a list of children ("Kai 8, Lily 6 and Ruby 2")
    # ... or before "today", a birthday's ("my boy riley 9 today!!")
    rf"|[ \t]+(?P<d>1\d|\d)(?=[ \t]*(?:[,;)]|\.?\Z|\.[ \t]|[ \t]+(?:and|&)\b)|[ \t]+today\b)"
    # a number alone in the cell after a name's in a table flattened to text, by bars or tabs ("Maddox Fairclough | 4
    # | brother", "Kai\t7\tson"): the row is the person's, the figure their age, its heading on another line; a cell of
    # the person's sex between ("Kayla\tF\t9", "Kai | M | 7"), as such rows are often laid out
    rf"|(?:[ \t]*(?:\||\t)[ \t]*(?:{_SEX_CELL})[ \t]*(?=\||\t))?"
    rf"[ \t]*(?:\||\t)[ \t]*(?P<e>\d{{1,3}}{_AGE_UNIT})[ \t]*(?=\||\t|\r?\n|\Z)",
    re.IGNORECASE,
)


# A date of birth or an age said to be one after a person's initials or name: the words between (_Redactor._initials_born).
_BORN_SAID = r"[ \t]*(?:[,(:\-–][ \t]*)?(?:dob|d\.[ \t]?o\.[ \t]?b\.?|date[ \t]+of[ \t]+birth|born(?:[ \t]+(?:on|in))?|aged?)[ \t]*:?[ \t]*"
_BORN_SAID_RE = lazy_compile(rf"{_BORN_SAID}\Z", re.IGNORECASE)
_PERSON_BORN_RE = lazy_compile(
    rf"(?<![\p{{L}}\p{{N}}.'’\-])(?P<i>(?-i:\p{{Lu}}\.[ \t]?\p{{Lu}}\.(?:[ \t]?\p{{Lu}}\.)?|\p{{Lu}}{{2,3}}|\p{{Lu}}\p{{Ll}}+|\p{{Ll}}{{3,}}))"
    rf"(?![\p{{L}}\p{{N}}'’\-]){_BORN_SAID}\Z", re.IGNORECASE | re.VERSION1)
# A comma or a bracket right after a word, setting off what follows ("summer (born 2013)", "wren, aged 6,").
_SET_OFF_AFTER_RE = lazy_compile(r"[ \t]*[,(]")
# A case or a record named by whom it is of, before a person's initials and a bare date (_Redactor._initials_born): "the
# case of T.R., 12/11/2010", "re: LW 09.10.2018", "Subject: KM 03/04/2015".
_CASE_OF_BEFORE_RE = lazy_compile(
    r"(?:\b(?:case|file|review|referral|chronology|assessment|records?|notes?|minutes|discussion|meeting|conference|"
    r"plan|visit)[ \t]+(?:of|for|on|re|about|regarding|concerning)|\bin[ \t]+respect[ \t]+of|\bregarding|\bconcerning|"
    r"\bre(?:[ \t]*:|(?=[ \t]))|\bsubject[ \t]*:|\bchild[ \t]*:)[ \t]*\Z", re.IGNORECASE)
_CASE_INITIALS_RE = lazy_compile(
    r"(?<![\p{L}\p{N}.'’\-])(?P<i>\p{Lu}\.[ \t]?\p{Lu}\.(?:[ \t]?\p{Lu}\.)?|\p{Lu}{2,3})(?![\p{L}\p{N}'’\-])"
    r"[ \t]*(?:[,(\-–][ \t]*)?\Z", re.VERSION1)
# A birth said in brackets right after a word ("May (born 2013)", "June (dob 4/5/2014)"): not an age, which a school's
# stage is given too ("Reception (aged 4)").
_BORN_BRACKET_RE = lazy_compile(r"[ \t]*\([ \t]*(?:dob|d\.[ \t]?o\.[ \t]?b\.?|date[ \t]+of[ \t]+birth|born(?:[ \t]+(?:on|in))?)[ \t]*:?[ \t]*\Z",
                                re.IGNORECASE)
# A capitalised word no given-name list holds ("Summer", "Sky", "August") right before a birth or an age said to be one
# (_Redactor._word_born) is a person's where the words around say one: a verb of one person after the birth or the age
# ("Summer (born 2013) was the youngest", "Sky, DOB 4/5/2014, came into care"), one of hers or his joined to it
# ("August (born 2012) and his sister were seen"), its place among brothers and sisters set off ("Star (born 2016), the
# youngest, stayed"), another child listed with a birth or an age of its own ("Storm (born 2012) and River (born 2014)
# were placed"), or a verb done to a child before the word ("we placed Willow (born 2013) with her nan").  A school's
# stage, a cohort or a group is given a birth too ("Reception (born 2019) was the biggest class", "Juniors (born 2012)
# did better"), after "the" or a word of time ("the Summer (born 2013) cohort"); a range of births is a cohort's, no
# one's date of birth ("Summer (born April to August) children").
_BORN_PERSON_VERB = (r"is|was|has|had|does|did|goes|went|comes|came|lives|lived|says|said|needs|needed|wants|wanted|"
                     r"likes|liked|loves|loved|hates|hated|gets|got|\p{Ll}{2,}ed|" + _IRREGULAR_PAST)
_BIRTH_SAID_WORD = r"(?i:born|dob|d\.[ \t]?o\.[ \t]?b|date[ \t]+of[ \t]+birth|aged?)\b"
_PERSON_AFTER_BIRTH_RE = lazy_compile(
    r"[ \t]*[),]?(?:[ \t]+(?:(?:also|then|now|still|just|later|first|only|never|always|soon|eventually|recently)[ \t]+)*"
    rf"(?:{_BORN_PERSON_VERB})(?![\p{{L}}'’])"
    rf"|[ \t]*,?[ \t]+(?:and|&)[ \t]+(?:(?:his|her|their)[ \t]+\p{{L}}|\p{{Lu}}\p{{Ll}}+[ \t]*[,(][ \t]*{_BIRTH_SAID_WORD})"
    r"|[ \t]+(?:with|to)[ \t]+(?:his|her|their)[ \t]+\p{L}"
    # or set off as a child among brothers and sisters ("Star (born 2016), the youngest, stayed with mum")
    r"|[ \t]*,[ \t]*the[ \t]+(?:youngest|eldest|oldest|middle|baby)(?![\p{L}'’]))", re.VERSION1)
# ... the child listed before it with a birth or an age of its own ("Storm (born 2012) and River (born 2014)").
_BIRTH_LISTED_BEFORE_RE = lazy_compile(
    rf"{_BIRTH_SAID_WORD}[^()\n]{{1,30}}\)[ \t]*,?[ \t]*(?:and|&)[ \t]+\Z", re.VERSION1)
# ... not after a determiner ("the Summer (born 2013) cohort") or a word of time ("In August (born 2012)").
_BORN_GROUP_BEFORE_RE = lazy_compile(r"\b(?:the|a|an|each|every|our|their|its|this|that|these|those)[ \t]+\Z",
                                     re.IGNORECASE | re.VERSION1)
# A school's stage, a cohort, a group, one a case or a study names by a role, a sex or an age, and a pronoun, each given
# a birth or an age as a person is ("Reception (born 2019)", "Cohort (born 2013)", "Subject (DOB ...)", "Male, aged 16,
# was arrested", "Anyone aged 16"), no one's name.
_BORN_GROUPS = frozenset("""reception nursery foundation preschool pre-school cohort class group intake sample generation
    year form stage team population household family subject respondent claimant applicant patient victim suspect
    offender witness deceased referrer person individual adult infant newborn unborn eldest youngest oldest middle
    overall male female youth juvenile minor elder foetus neonate casualty passenger case""".split()) | (
    _NOT_SUBJECTS | _NOT_CHILDREN)
# ... nor a word for people of a kind by its ending, an adjective's or one who is or does ("Defendant", "Resident",
# "Cyclist", "Pedestrian", "Survivor", "Interviewee"); one who does in "-er" is left (a given name may be one: "Hunter").
_PERSON_KIND_ENDINGS = (*_ADJECTIVE_ENDINGS, "or", "ian", "ee")
# A range of births or ages said of a group before it, in brackets or set off ("(born 1981-1996)", ", born 1946 to
# 1964,", "(born between 1981 and 1996)", "(born in the 1980s)", "(born 1946 onwards)", "(aged 25-40)"): a cohort's
# (_Redactor._cohort_plural).
_COHORT_RANGE_AFTER_RE = lazy_compile(
    r"[ \t]*[,(][ \t]*(?:born|aged?)[ \t]+(?:(?:in|from)[ \t]+)?(?:(?:19|20)\d\d[ \t]*(?:[\-–—]|to|until|till|through)[ \t]*"
    r"(?:19|20)?\d\d(?!\d)|between[ \t]+(?:19|20)\d\d[ \t]+and[ \t]+(?:19|20)\d\d|the[ \t]+(?:19|20)\d0['’]?s"
    r"|(?:19|20)\d\d[ \t]+(?:onwards|(?:or|and)[ \t]+(?:later|after|earlier|before))"
    r"|\d{1,2}[ \t]*(?:[\-–—]|to)[ \t]*\d{1,2}(?!\d)|between[ \t]+\d{1,2}[ \t]+and[ \t]+\d{1,2}(?!\d))",
    re.IGNORECASE)
_YEARS_AFTER_NAME_RE = lazy_compile(r"[ \t]*[,(]?[ \t]*(?P<d>(?:19|20)\d\d[ \t]*[\-–—][ \t]*(?:19|20)\d\d)(?!\d)")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or _entry_opens(text, start)  # or a dated entry ("03/04/24 Case closed")


def _alternation(phrases: Iterable[str], gap: str = r"[ \t]+") -> str:
    parts = sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(gap.join(re.escape(w) for w in p.split()) for p in parts)


# Between the words of a participant's name: spaces, a line break or a blank line ("Jane\n\nSmith"), a comma
# ("Smith , Jane", written surname first), or a dot or underscore as in a file name or handle ("jane_smith").
_NAME_GAP = r"(?:[ \t]*,[ \t]*|\s{1,4}|[._])"


def _name_variants(full: str) -> list[str]:
    """A participant's full name as written, surname first ("Smith Jane"), and closed up ("JaneSmith")."""
    words = [w.strip(",.") for w in full.split() if w.strip(",.")]
    if len(words) < 2:
        return [full]
    return [" ".join(words), " ".join([words[-1], *words[:-1]]), "".join(words)]


# What an id or a file name may hold that identifies someone, and how a message names it.
_ID_DETAILS = {"email": "an e-mail address", "phone": "a phone number", "nhs_number": "an NHS number",
               "ni_number": "a National Insurance number", "pupil_number": "a pupil number"}
_ID_KINDS = frozenset(_ID_DETAILS)


def personal_detail(label: str, names: Iterable[str] = ()) -> str | None:
    """What in ``label`` (an id, a file name) identifies a person, said in words; None if nothing does.

    An e-mail address, a phone number, an NHS, National Insurance or pupil
    number (read with "_" as a space: "jane.smith@leeds.gov.uk_w1"), or a
    person of ``names``: a part of their name standing as a piece of the id
    between "_", "-", "." or "/" ("interview_marsh_w1"), a part that is no
    ordinary English word anywhere ("AngelaOBrien"), or their whole name
    closed up ("willwork_w1" for a Will Work).  Ids are meant to be
    pseudonymous codes: they are copied into coded output, review workbooks
    and QDPX projects.

    Examples
    --------
    >>> personal_detail("interview_jane.smith@leeds.gov.uk_w1")
    'an e-mail address'
    >>> personal_detail("Angela_OBrien_early", names=["Angela O'Brien"])
    "a participant's name"
    >>> personal_detail("P0351-02", names=["Angela O'Brien"]) is None
    True
    """
    return id_checker(names)(label)


# The id checker's patterns, compiled once: a study's ids are checked one by one, and the regex module's cache lookup
# for a pattern given as a string cost about a third of each check.
_NOT_A_TO_Z = lazy_compile(r"[^a-z]")
_ID_GAPS = lazy_compile(r"[_\s]+")
_ID_SEPARATORS = lazy_compile(r"[_\-./\s]+")
_ID_WORDS = lazy_compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})")


def id_checker(names: Iterable[str] = ()):
    """:func:`personal_detail` with ``names`` prepared once: a function of one label (a study's thousands of ids are
    checked against its hundreds of participants' names in one pass each, not name by name).

    Examples
    --------
    >>> check = id_checker(["Angela O'Brien", "Will Work"])
    >>> [check(x) for x in ("P0351-02", "obrien_w1", "willwork_w1", "a.b@c.org")]
    [None, "a participant's name", "a participant's name", 'an e-mail address']
    """
    words = english_words()
    pieces_of: set[str] = set()  # a name part standing as a piece of the id
    tokens_of: set[str] = set()  # a name part that is no ordinary word, anywhere in the id
    closed: list[str] = []  # whole names closed up
    for full in names:
        parts = [p for p in (re.sub(r"[^a-z]", "", fold(w)) for w in str(full).split()) if len(p) > 2]
        pieces_of.update(parts)
        tokens_of.update(p for p in parts if p not in words)
        if len(parts) > 1:
            closed.append("".join(parts))
    closed_re = lazy_compile("|".join(re.escape(c) for c in sorted(set(closed), key=len, reverse=True))) if closed else None

    def said(label: str, found: set[str]) -> str | None:
        for kind, detail in _ID_DETAILS.items():
            if kind in found:
                return detail
        pieces = {_NOT_A_TO_Z.sub("", fold(p)) for p in _ID_SEPARATORS.split(label)}
        tokens = {fold(t) for t in _ID_WORDS.findall(label)}
        if pieces & pieces_of or tokens & tokens_of or (
                closed_re is not None and closed_re.search(_NOT_A_TO_Z.sub("", fold(label)))):
            return "a participant's name"
        return None

    def check(label: str) -> str | None:
        return said(label, {s.kind for piece in _id_pieces(label) for s in find_identifiers(piece, _ID_KINDS)})

    def check_many(labels: Iterable[str]) -> dict[str, str | None]:
        """``check`` of each of ``labels`` (``label -> what it holds``), the same answers, with the detectors run
        once over all the labels' pieces instead of once per piece (see :func:`_id_kinds`)."""
        labels = list(dict.fromkeys(labels))
        pieces = {piece: None for label in labels for piece in _id_pieces(label)}
        kinds = _id_kinds(list(pieces))
        return {label: said(label, set().union(*(kinds[p] for p in _id_pieces(label)))) for label in labels}

    check.many = check_many
    return check


def _id_pieces(label: str) -> tuple[str, ...]:
    """What of an id the detectors read: the whole ("_" as a space) and each piece between "_" or spaces
    ("P01-02_07700900123": not one run of digits)."""
    return tuple(dict.fromkeys((label.replace("_", " "), *_ID_GAPS.split(label))))


# Between two ids' pieces read as one text: a blank line.  No pattern of the id detectors reads a phone number, an
# e-mail address or an NI number across a line break into the next piece, and each looks back for context words
# ("tel", "NHS no") only on its own line; a line break reads as the start or end of the text does (a space, no
# letter, digit or sign).
_PIECE_GAP = "\n\n"


def _id_kinds(pieces: list[str]) -> dict[str, set[str]]:
    """The kinds of :data:`_ID_KINDS` that :func:`find_identifiers` finds in each of ``pieces``, with the detectors run
    once over all of them joined by :data:`_PIECE_GAP` (a table of a million ids: 0.2 ms per piece otherwise, most of
    it calling the detectors).  A piece that a match reaches out of, or that holds a line break or a letter beyond
    ASCII (which can change how the patterns fold case for the whole text), is read alone, as before."""
    import bisect

    alone = [p for p in pieces if not p.isascii() or "\n" in p or "\r" in p]
    joined = [p for p in pieces if p.isascii() and "\n" not in p and "\r" not in p]
    starts, at = [], 0
    for p in joined:
        starts.append(at)
        at += len(p) + len(_PIECE_GAP)
    kinds: dict[str, set[str]] = {p: set() for p in pieces}
    crossed: set[int] = set()
    for span in detector_spans(_PIECE_GAP.join(joined), _ID_KINDS):
        first = bisect.bisect_right(starts, span.start) - 1
        last = bisect.bisect_right(starts, max(span.start, span.end - 1)) - 1
        if first != last or span.end > starts[first] + len(joined[first]):
            crossed.update(range(first, last + 1))
        elif span.kind in _ID_KINDS:
            kinds[joined[first]].add(span.kind)
    for p in [*alone, *(joined[k] for k in crossed)]:
        kinds[p] = {s.kind for s in find_identifiers(p, _ID_KINDS)}
    return kinds


# "to" before a person ("spoke to", "according to"), not before a verb ("want to work", "to mark young people's").
# After a verb of going or handing over, "to" takes a place or a thing as well ("back to work", "went to church"): a
# listed part there is the person only where it is no word used without an article (see _Redactor._lower_name_part).
_GOING_TO = r"went|go|going|referred|passed|handed|gave|give|turned|due|back|related"
_PERSON_TO = (
    r"(?:according|thanks|spoke|speak|speaking|talk|talked|talking|wrote|write|said|say|sent|send|introduced|listen|"
    rf"listened|report|reported|explained|mentioned|married|{_GOING_TO})[ \t]+to"
)
_GOING_TO_RE = lazy_compile(rf"\b(?:{_GOING_TO})[ \t]+to[ \t]+\Z", re.IGNORECASE)
_PERSON_TO_RE = lazy_compile(rf"\b{_PERSON_TO}[ \t]+\Z", re.IGNORECASE)
# A word that reads as the subject or an auxiliary of a verb: after one, a listed full name written in lower case
# whose first name is an ordinary word is read as the words ("they will brook no delay", "we will hope", "to mark
# young people's progress"), unless "to" follows a verb that takes a person ("spoke to will brook").
_VERB_BEFORE_RE = lazy_compile(
    r"(?:\b(?:i|we|you|they|he|she|it|who|which|that|this|there|people|staff|will|would|could|should|can|may|might|"
    r"must|shall|do|does|did|not|never|also|always|often|just|to)|n['’]t|['’]ll|['’]d)[ \t]+\Z",
    re.IGNORECASE,
)
# Verbs of saying and thinking: a listed name part opening a sentence before one is the person ("Bishop said").
_REPORTING = (
    r"said|says|told|tells|asked|asks|thinks|thought|felt|feels|reckons|reckoned|agreed|explained|mentioned|"
    r"suggested|replied|wrote|emailed|rang|phoned|texted|added|argued|noted|believes|believed|was[ \t]+saying"
)
_REPORTED_RE = lazy_compile(rf"[ \t]+(?:{_REPORTING})\b")
# A month's name in a date, with a year or a day beside it ("14 in May 2019", "on 3rd May"): no listed person's name.
_YEAR_OR_DAY_AFTER_RE = lazy_compile(r"[ \t]+(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?)(?![\p{L}\p{N}])")
_DAY_BEFORE_RE = lazy_compile(r"(?<![\p{L}\p{N}])\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+\Z")
# A verb that wants a person as its subject after a listed first name opening a sentence makes it the person ("Will
# has left", "Tom came to every meeting", "Grace chaired it"), never the modal or the word ("Will it help?", "Mark the
# date"); so it does after a listed surname that is a count noun ("Bishop had been asked": the word would need "the"),
# not one used without an article ("Work had started" with a Will Work listed is the word).  "is" and "was" make a
# listed first name the person only where it is a count noun ("Tom was great"): "Hope is not a strategy", "Faith
# was lost" are the words.
_PERSON_VERB_RE = lazy_compile(
    r"[ \t]+(?:has|had|did|does|came|went|joined|left|led|chaired|ran|took|got|wanted|helped|seemed|looked|"
    r"started|moved|became|knows|knew|spoke|sat|stood)\b")
_IS_WAS_RE = lazy_compile(r"[ \t]+(?:is|was)\b")
# A weekday's or a month's short form before the figures of a date ("Tue 11/06/24", "Thurs 13th June", "Sept 2024").
_DAY_SHORT_RE = lazy_compile(
    r"(?<![\p{L}\d'’])(?P<d>(?-i:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|MON|TUE|TUES|WED|THU|THUR|THURS|FRI|SAT|SUN))\.?,?[ \t]+\d{1,4}(?:st|nd|rd|th)?(?![\p{L}\d])", re.VERSION1)
# What a dated entry says its subject did or was, in the past ("attended", "stayed", "seen", "not in school").
_ENTRY_DONE_RE = lazy_compile(
    r"[ \t]+(?:(?:also|then|again)[ \t]+)?(?:\p{Ll}{2,}ed|seen|slept|ran|went|came|left|told|said|not[ \t]+(?:seen|in|at)|"
    r"absent|present|upset)(?![\p{L}'’])", re.VERSION1)
_SAYS_OR_OWNS_RE = lazy_compile(rf"(?:['’]s\b|[ \t]+(?:{_REPORTING})\b)")
# Where a listed name part that is an ordinary word, written in lower case, is the person ("bishop said", "i asked
# marsh about it", "according to bell,", "with bishop last week", "bishop's view"), not the word ("the bishop said",
# "a bell", "the marsh", "want to work for", "from time to time"): see _Redactor._lower_name_part.
_ASKED_RE = lazy_compile(
    rf"(?:\b(?:asked|ask|told|tell|met|meet|emailed|email|rang|ring|phoned|phone|texted|text)|{_PERSON_TO})[ \t]+\Z",
    re.IGNORECASE,
)
# "with" and "from" after a meeting or a message take a person ("met with", "an email from"); bare, they take
# things too ("with care.", "made from wood.").
_MET_WITH_RE = lazy_compile(
    r"\b(?:(?:met|meet|meeting|meetings|spoke|speak|talked|talk|talking|worked|working|along)[ \t]+with|"
    r"(?:email|e-mail|call|message|letter|text|note|visit|heard|hear|word)[ \t]+from)[ \t]+\Z",
    re.IGNORECASE,
)
# A title (the ones that are titles in lower case too) or a role said as one right before a listed name part makes
# it the person in any case ("councillor bishop", "MRS BELL", "miss bell", "sister marsh", "we will miss bishop").
# Not "officer", "inspector" or "nurse", which qualify nouns ("officer time", with a Mark Time listed, in real LGA
# text): see _QUALIFYING_ROLE_BEFORE_RE.
_ROLES_BEFORE_LISTED = frozenset("miss doctor sister matron father judge detective constable pc dc ds di auntie aunt "
                                 "uncle".split())
_TITLE_BEFORE_RE = lazy_compile(
    rf"\b(?:{'|'.join(sorted(_LOWER_TITLES | _ROLES_BEFORE_LISTED))}|head[ \t]?teacher)\.?[ \t]+\Z", re.IGNORECASE)
# "officer", "inspector", "nurse" ... also qualify nouns ("officer time", "nurse care"): a listed part after one is the
# person where it is a count noun (bare, it is no compound) and a verb, a function word or the end of a phrase follows
# ("officer marsh took the call", "nurse bishop came", "we asked nurse fox."; not "an inspector king size bed").
_QUALIFYING_ROLE_BEFORE_RE = lazy_compile(r"\b(?:officer|inspector|nurse|captain|coach|warden)[ \t]+\Z", re.IGNORECASE)
_AFTER_ROLE_RE = lazy_compile(rf"{_END}|['’]s\b|[ \t]+(?P<word>\p{{L}}+)")
# A preposition that takes a person or a thing ("with", "by", "for", "than" ..., "to" after an object: "sent it to").
_WITH_RE = lazy_compile(r"\b(?:with|from|by|for|than|like|against|without|about|"
                      r"(?:it|this|that|them|him|her|these|those|one|on|over|across|round)[ \t]+to)[ \t]+\Z", re.IGNORECASE)
_TIME = r"yesterday|today|again|last|this|earlier|before"
_PHRASE_END_AFTER_ASKED_RE = lazy_compile(
    rf"(?:{_END}|[ \t]+(?:and|about|that|if|when|after|because|but|or|so|then|{_TIME})\b)", re.IGNORECASE
)
_PHRASE_END_AFTER_WITH_RE = lazy_compile(rf"{_END}|[ \t]+(?:about|{_TIME})\b", re.IGNORECASE)
# After a person named bare, the phrase may go on with another person, a relative "who", or a place or time ("with
# marsh and the team", "by bishop and her manager", "with marsh who knows them", "from bell in the office", "with fox
# on monday", "along with bell to the meeting"); a noun would not stand bare there, and after a compound ("king size", "fox hunting") nothing of this
# follows.
_PHRASE_GOES_ON_RE = lazy_compile(
    r"[ \t]+(?:(?:and|or|&)[ \t]+(?:the|his|her|their|my|our|your|me|him|us|them|i|you|he|she|they|we)|who|"
    r"(?:in|at|on|to|for|into|from|with|during|after|before|over)[ \t]+(?:the|a|an|his|her|their|my|our|this|that|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.IGNORECASE)


_WORD_START_RE = lazy_compile(r"\w+", re.VERSION1)


def _phrase_re(phrases: Iterable[str], prefix: str = "", suffix: str = "", flags: int = 0,
               gap: str = r"[ \t]+") -> re.Pattern | None:
    return _shared_phrase_re(_alternation(phrases, gap), prefix, suffix, flags)


@cache
def _shared_phrase_re(alt: str, prefix: str, suffix: str, flags: int) -> re.Pattern | None:
    """One compiled pattern for each list of phrases, shared by every redactor that needs it (the councils' and the
    public phrases' are the same for every set of names)."""
    if not alt:
        return None
    return lazy_compile(rf"(?<![\w]){prefix}(?P<core>{alt}){suffix}(?![\w])", flags | re.VERSION1)


@cache
def _default_councils() -> tuple[str, ...]:
    from ..councils import council_list  # lazy: a reference table read on first use

    table = council_list(include_former=True)
    names = set(table["name"].dropna())
    for variants in table["name_variants"].dropna():
        names.update(v for v in str(variants).split(";") if v != v.lower())
    return tuple(sorted(names))


def _ordinary(phrase: str) -> bool:
    """Whether every word of ``phrase`` is an ordinary English word ("Reading", "Bury", "Will Hope")."""
    words = english_words()
    return all(fold(w) in words for w in phrase.split())


#: The redactor's memo of the details found in a text: this many texts at most, each at most this long (some 100 MB
#: of text at worst).
_MEMO_TEXTS, _MEMO_CHARS = 20_000, 5_000
_ENGINES: weakref.WeakSet = weakref.WeakSet()


def forget_found() -> None:
    """Empty every redactor's memo of what it found (benchmarks time a fresh reading of each text)."""
    for engine in list(_ENGINES):
        engine._memo.clear()


class _Redactor:
    """Compiled patterns for one set of names, places and councils."""

    def __init__(self, names: tuple[str, ...], places: tuple[str, ...], councils: tuple[str, ...], keep: tuple[str, ...]):
        self._memo: dict[str, tuple[Span, ...]] = {}
        _ENGINES.add(self)
        parts: set[str] = set()
        for full in names:
            parts.update(w.strip(",.") for w in full.split() if len(w.strip(",.")) > 1)
        fulls = [v for full in names for v in _name_variants(full)]
        self.name_parts = frozenset(fold(p) for p in parts)
        self.first_names = frozenset(fold(full.split()[0]) for full in names if len(full.split()) > 1)
        # What a listed name spelled out letter by letter closes up to: a part ("rose") or the whole ("tombishop").
        self.spelled_names = self.name_parts | frozenset(fold("".join(full.split())) for full in names)
        # Names, places and councils that are not ordinary words are matched in any case and accent
        # (on the folded text); the ordinary-word ones ("Will", "Hope", "Reading") only as written.
        self.participants_any = _phrase_re([fold(p) for p in (*fulls, *parts) if not _ordinary(p)], gap=_NAME_GAP)
        self.participants_exact = _phrase_re([p for p in (*fulls, *parts) if _ordinary(p)], gap=_NAME_GAP)
        # A listed full name with an ordinary word in it, in any case ("tom bishop", "grace Bell").
        wordy = [full for full in names if len(full.split()) > 1 and any(_ordinary(w) for w in full.split())]
        self.participants_full = _phrase_re([fold(full) for full in wordy], gap=r"(?:\s{1,4}|[._\-])")
        # Parts of listed names that are ordinary words, in lower case ("bishop", "tom"), a name only where one
        # stands.
        self.parts_lower = _phrase_re(sorted(fold(w) for w in parts if len(w) > 2 and _ordinary(w)))
        # The same in capitals ("BISHOP said", "I asked BELL about it"), read as the lower-case form is.
        self.parts_caps = _phrase_re(sorted(fold(w).upper() for w in parts if len(w) > 2 and _ordinary(w)))
        self.councils_exact = _phrase_re(councils, _COUNCIL_PREFIX, _COUNCIL_SUFFIX)
        self.councils_any = _phrase_re([fold(c) for c in councils if not _ordinary(c)])
        self.places_exact = _phrase_re(places)
        self.places_any = _phrase_re([fold(p) for p in places if not _ordinary(p)])
        self.keep = _phrase_re([*keep, *public_phrases()])
        # Public names of national scope (charities, medicines, games, events), matched in any case on the folded
        # text and kept where written with their capitals and not spoken of as a person; a listed participant's
        # name or part of one stays a name ("Lego" with a "Lego Smith" listed; "Red Nose Day" with a "Jane Day" is kept).
        forms: dict[str, list[str]] = {}
        listed = self.name_parts | frozenset(" ".join(fold(full).split()) for full in names)
        for public in public_names():
            if " ".join(fold(public).split()) not in listed:
                forms.setdefault(" ".join(fold(public).split()), []).append(public)
        self.public_forms = forms
        self.public_names = _phrase_re(forms)
        # where a public name may start: its first word, and whether it is written in lower case ("iPhone", "eBay")
        self.public_starts = {m.group(): False for key in forms if (m := _WORD_START_RE.match(key))}
        for key, written in forms.items():
            if any(form[:1].islower() for form in written) and (m := _WORD_START_RE.match(key)):
                self.public_starts[m.group()] = True
        self.word_councils = frozenset(c for c in councils if _ordinary(c))
        place_words = frozenset(fold(w) for p in (*councils, *places) for w in p.split())
        self.names = NameFinder(tuple(names), place_words)

    def find(self, text: str) -> list[Span]:
        """The details in ``text``, found in its plain form (:func:`plain_text`) and placed back on ``text``.

        The plain form is read twice: as it is, and with its letter-spaced words closed up
        (:func:`despaced`: "J a n e Smith", "J.A.N.E. SMITH", "0 7 7 0 0 9 0 0 1 2 3").

        What a text holds depends on the text and these patterns only, so it is kept for the next time the same text
        is redacted (a report redacts a quote for each place it shows it; a notebook builds the report again):
        at most :data:`_MEMO_TEXTS` texts of up to :data:`_MEMO_CHARS` characters each.
        """
        memo = self._memo
        found = memo.get(text)
        if found is None:
            found = tuple(self._find_placed(text))
            if len(text) <= _MEMO_CHARS and len(memo) < _MEMO_TEXTS:
                memo[text] = found
        return list(found)

    def _find_placed(self, text: str) -> list[Span]:
        plain, origin = plain_text(text)
        spans = self._find(plain)
        closed = despaced(plain)
        if closed is not None:
            view, back = closed
            found = [Span(back[s.start], back[s.end - 1] + 1, s.kind) for s in self._find(view)]
            spans = _merge([*spans, *found, *_spelled_out(plain, self.spelled_names)])
            spans = _merge([*spans, *_spelled_said(plain, spans)])
        elif "," in plain and _COMMA_SPELLED_RE.search(plain):
            spans = _merge([*spans, *_spelled_out(plain, self.spelled_names)])
            spans = _merge([*spans, *_spelled_said(plain, spans)])
        quiet = unfilled(plain)
        if quiet is not None:
            spans = _merge([*spans, *self._found_unfilled(plain, spans, *quiet)])
        if origin is None:
            return spans
        # An invisible character inside a detail is redacted with it: a span covers its first to last character.
        return [Span(origin[s.start], origin[s.end - 1] + 1, s.kind) for s in spans]

    def _found_unfilled(self, text: str, spans: list[Span], view: str, back: list[int],
                        repeats: list[tuple[int, int, int, int]]) -> list[Span]:
        """The details read in ``text`` without its fillers and repeated words (:func:`unfilled`), placed back on it; a
        name or place said again at once is redacted where it is said again ("his brother Rocky, rocky, he's 14"),
        unless the word is a function word ("the boy called Will, will he be ok?")."""
        found = [Span(back[s.start], back[s.end - 1] + 1, s.kind) for s in self._find(view)]
        seen = _merge([*spans, *found])
        for start, end, kept_start, kept_end in repeats:
            word = fold(text[start:end])
            if word in _NOT_NAMES:
                continue
            for s in seen:
                if s.kind in ("name", "place") and s.start <= kept_start and kept_end <= s.end:
                    found.append(Span(start, end, s.kind))
                    break
        return found

    def _find(self, text: str) -> list[Span]:
        folded = fold(text)
        spans = find_identifiers(text)
        add = spans.append
        said = [s for s in spans if s.kind in ("detail", "place")]
        # a name found inside what is said of a person, or inside a place's name, is that ("the girl with spina bifida":
        # a condition, [detail]; "the Gipton Mums Facebook group": a place's)
        spans += [s for s in self.names.find(text) if not any(_within_said(text, s, d) for d in said)]
        spans += self._dotted_initials(text, said) if "." in text else []
        if " St" in text:
            spans[:] = _saint_surnames_off_streets(text, spans)  # in place: ``add`` appends to this list
        # the town after a setting the identifiers found ("[st. columba's high] in greenock"), as after one of the names'
        spans += self.names.town_after(text, [s for s in said if s.kind == "place"])
        spans += named_by_shape(text)
        if self.participants_any is not None:
            for m in self.participants_any.finditer(folded):
                add(Span(m.start(), m.end(), "name"))
        opening: list[tuple[int, int, str]] = []  # listed words opening a sentence, not judged the person
        if self.participants_exact is not None:
            for m in self.participants_exact.finditer(text):
                core = fold(m.group("core"))
                first, count_noun = core in self.first_names, not bare_word(core)
                if core in _MONTH_NAMES and (_YEAR_OR_DAY_AFTER_RE.match(text, m.end())
                                             or _DAY_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())):
                    continue  # "she was 14 in May 2019" with May Day listed: a date
                if core in _MONTH_NAMES and _MONTH_TIME_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "his GCSEs are in May" with May Day listed: the month
                if core in _MONTH_NAMES and month_range_after(text, m.end()):
                    continue  # "May to date", "May to July" with May Day listed: a range of dates
                if not first and ends_title_case(text, m.start(), m.end(), self.name_parts):
                    continue  # "Match of the Day", "Christmas Day" with May Day listed: a title's or a holiday's word
                if not first and listed_word_in_a_term(text, m.start(), m.end(), self.name_parts):
                    continue  # "Social Care", "Children's Social Care said" with Will Care listed: the service's word
                if noun_after_determiner(text, m.start(), m.end()):
                    continue  # "the Will to live", "lost the Will." with a Will listed: the article's noun
                if (not _sentence_initial(text, m.start()) or self._followed_by_name(text, m.end())
                        or text[m.end() : m.end() + 2] in ("'s", "’s")  # "Price's view": the person's
                        # "Bishop said the plan worked"; not "Time agreed for the visit" (a passive, the word's)
                        or _REPORTED_RE.match(text, m.end()) and not (not first and passive_said(text, m.end(), count_noun))
                        # "Tom came in", "Bishop had been asked"; not "Work had started"
                        or ((first or count_noun) and _PERSON_VERB_RE.match(text, m.end()))
                        # a first name opening a dated entry before what it did ("26/07/24 Will attended"); a noun
                        # there needs no article ("03/04/24 Case transferred", "Visit cancelled")
                        or (first and _ENTRY_DONE_RE.match(text, m.end()) and _entry_opens(text, m.start()))
                        or (first and count_noun and _IS_WAS_RE.match(text, m.end()))  # "Tom was great"
                        # "Grace was great", "Bishop was lovely with him"; not "May was great", "Work was great"
                        or ((first or count_noun) and said_of_person(core, text, m.end()))):
                    add(Span(m.start(), m.end(), "name"))
                else:
                    opening.append((m.start(), m.end(), core))
        if self.participants_full is not None:
            words = english_words()
            for m in self.participants_full.finditer(folded):
                first = folded[m.start() : m.end()].split()[0]
                before = text[max(0, m.start() - 30) : m.start()]
                if (text[m.start()].islower() and first in words and _VERB_BEFORE_RE.search(before)
                        and not _PERSON_TO_RE.search(before) and not _SAYS_OR_OWNS_RE.match(text, m.end())):
                    continue  # "they will brook no delay", "to mark young people's": verbs, not Will Brook, Mark Young
                    # (but "i think that will brook said": a verb of saying or a possessive after it makes it the person)
                add(Span(m.start(), m.end(), "name"))
        pending: list[tuple[int, int]] = []
        # a part in capitals is judged on the folded text, as if written in lower case ("BISHOP'S view")
        for pattern, view in ((self.parts_lower, text), (self.parts_caps, folded)):
            for m in pattern.finditer(text) if pattern is not None else ():
                if self._lower_name_part(view, m.start(), m.end()):
                    add(Span(m.start(), m.end(), "name"))
                else:
                    pending.append((m.start(), m.end()))
        if self.councils_exact is not None:
            for m in self.councils_exact.finditer(text):
                core = m.group("core")
                if core in self.word_councils and m.end() == m.end("core") and _sentence_initial(text, m.start()):
                    continue
                add(Span(m.start(), m.end(), "council"))
        if self.councils_any is not None:
            for m in self.councils_any.finditer(folded):
                add(Span(m.start(), m.end(), "council"))
        for s in [s for s in spans if s.kind == "council"]:
            if (club := _CLUB_AFTER_PLACE_RE.match(text, s.end)) is not None:
                add(Span(s.start, club.end(), "place"))  # "the Manchester United game": the club goes whole, as "Hyde United"
        for pattern in (self.places_exact, self.places_any):
            if pattern is not None:
                for m in pattern.finditer(folded if pattern is self.places_any else text):
                    add(Span(m.start(), m.end(), "place"))
        for s in [s for s in spans if s.kind in ("council", "place")]:
            if (hospital := _HOSPITAL_AFTER_PLACE_RE.match(text, s.end)) is not None:
                add(Span(s.start, hospital.end(), "place"))  # "born at Calderdale Royal": the hospital, as "... Royal Hospital"
        # a given name that is a council's or a place's word too, alone after a verb that takes a person ("spoke to
        # chelsea", "texted Preston"): the person, over the place the word alone would be
        if spoken := _spoken_to_place_names(text):
            spans[:] = [s for s in spans if (s.start, s.end) not in spoken] + [Span(a, b, "name") for a, b in spoken]
            add = spans.append
        # a word shaped as a given name after a preposition ("for kacey"), unless a council or a place ("for sefton")
        places = [s for s in spans if s.kind in ("council", "place")]
        spans += [s for s in named_after_preposition(text) if not any(p.start <= s.start and s.end <= p.end for p in places)]
        # a message's sender, a home's owner: the person, over a place or an address read on the word alone (unless a
        # list of places or councils holds the word: "a call from Leeds")
        for person in persons_by_form(text):
            if fold(text[person.start : person.end]) not in self.names.places and not any(
                    c.kind == "council" and c.start <= person.start and person.end <= c.end for c in spans):
                spans = [s for s in spans if s.kind not in ("place", "address") or s.end <= person.start or s.start >= person.end]
                spans.append(person)
        add = spans.append
        if any(s.kind == "name" for s in spans):
            # first names and surnames that are words, unlisted, in lower case: named together with a person ("kai,
            # jayden and lily all went", "placed with carers jean and bob"), judged as listed parts are
            taken = set(pending)
            pending += [(m.start(), m.end()) for m in _LOWER_WORD_RE.finditer(text)
                        if (m.start(), m.end()) not in taken and _name_word(m.group())
                        and (_JOINED_RE.match(text, m.end()) or _JOINED_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()))]
        spans += _coordinated(text, pending, spans)
        spans += _opening_paired(text, spans)
        spans += _named_elsewhere(text, opening, spans)
        spans += _places_named_again(text, spans)
        kept = self._public_names_kept(text, folded) + things_named(text, self.name_parts)
        # a Welsh verb before a pronoun joined to "'n" ("mae hi'n byw", "roedd e'n poeni"), which a first name may be
        kept += [m.span() for m in _WELSH_VERB_RE.finditer(text) if fold(m.group()) not in self.name_parts]
        kept += welsh_mutated_words(text, self.name_parts)  # "ei thad" (her father), not the name Thad
        kept += welsh_field_labels(text, self.name_parts)  # "Cyfeiriad:" (address), a form's field
        kept += _review_labels(text)  # "Child B", "Mother F" beside "Child B": a review's labels
        kept += [m.span("w") for m in _MENTIONED_RE.finditer(text)]  # "the word شكرا means thanks": a word, not a name
        kept += [m.span("w") for m in _LANGUAGE_FOR_RE.finditer(text) if _language_word(m.group("lang"))]
        kept += [m.span("c") for m in _CLASS_NAMED_RE.finditer(text) if _class_word(m.group("w"), self.name_parts)]
        kept += [m.span("w") for m in SPELT_OUT_RE.finditer(text)] if " for " in folded else []  # "'c' for charlie"
        kept += _cited_authors(text) if "(" in text else []  # "Rose (2019) found", "(Rose, 2019)": authors cited
        kept += _generations_named(text)  # "Millennials were more likely", "Gen Xers (1965-1980)": a cohort
        kept += [(c.start, c.end) for c in spans if c.kind == "council" and _supporters_team(text, c)]  # "a Leeds fan"
        # the words of a sentence in Welsh ("Roedd hi yn sâl"), not names; off the start of a name found with them
        # ("Mae Siân Jones yn gweithio": Siân Jones)
        welsh = welsh_sentence_words(text, self.name_parts)
        if self.keep is not None:
            kept += [(m.start(), m.end()) for m in self.keep.finditer(text)]
        if kept or welsh:
            spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in kept + welsh)
                     and not self._spills_from_kept(text, s, kept)]
            # a name run on from a kept label into a name's words, off the label ("Child L Saffron Okafor": the name)
            spans = [self._off_kept_label(text, s, kept) for s in spans] if kept else spans
        if welsh:
            spans = [s for s in (_kept_words_off(text, s, welsh) for s in spans)
                     if not any(a <= s.start and s.end <= b for a, b in welsh)]
        days = [m.span() for m in _SAINTS_DAY_RE.finditer(text)] if "day" in folded or "eve" in folded or "night" in folded else []
        if days:  # a saint's day is a day of the year: no name in it ("St Patrick's Day" with a May Day listed)
            spans = [s for s in spans if s.kind != "name" or not any(a <= s.start and s.end <= b for a, b in days)]
        spans = [_welsh_word_off(text, s) for s in spans]
        spans = _by_trade(text, spans) if "the" in text else spans
        spans = _firms(text, spans) if "&" in text or "+" in text or " and " in folded else spans
        spans = [_initial_before(text, _widen(text, s)) for s in spans if s.end > s.start]
        spans = _town_after_address(text, spans) if "," in text else spans
        spans = _numbers_by_address(text, spans) if "umber" in text or "o." in text else spans
        spans = _councils_named(text, spans) if "Council" in text else spans
        spans += _misspelt_again(text, spans)
        spans += _vocatives(text, spans) if "," in text else []
        if any(s.kind == "name" for s in spans) and _DAY_SHORT_RE.search(text):
            # a weekday's or a month's short form before a date ("Tue 11/06/24", "Thurs 13th"): the date's, no name
            days = {m.span("d") for m in _DAY_SHORT_RE.finditer(text)}
            spans = [s for s in spans if s.kind != "name" or (s.start, s.end) not in days]
        spans = _said_punctuation(text, _dates_of_birth(text, spans))
        spans += _ages_after_names(text, spans)
        spans += self._initials_born(text, spans)
        if "born" in text or "age" in text:
            spans = [s for s in spans if not self._cohort_plural(text, s)]
        if any(s.kind == "name" for s in spans) and (months := _month_ranges(text)):
            # a month's name that is a given name too, in a range of months ("born april to august", "born
            # September-December", "born between may and july"): when, no one
            spans = [s for s in spans if s.kind != "name" or not any(a <= s.start and s.end <= b for a, b in months)]
        if "between" in text and any(s.kind == "name" for s in spans):
            spans += _between_two_named(text, spans)
        return [_sentence_stop_off(text, s) for s in _of_their_kind(text, _merge(spans))]

    def _initials_born(self, text: str, spans: list[Span]) -> list[Span]:
        """A person's initials or given name right before a date of birth or an age said to be one ("JD (dob
        14/03/2012)", "KM born 3.4.15", "JB, aged 14, was arrested", "T.R. born ...", "Jack, DOB 4/5/2016", "Mason born
        ..."): a person's, as a body is born or aged never.  Two or three capitals, dotted or not, that no lexicon
        holds as an acronym ("the LGA (born 1997)" is kept), or a capitalised given name the lists know, no public
        word, no relation's or role's word ("Mum, aged 32" is kept) and nothing found already ("Leeds")."""
        out = []
        for s in spans:
            if s.kind == "date" and (m := _CASE_INITIALS_RE.search(text, max(0, s.start - 16), s.start)) is not None:
                # initials as a case's reference, before a bare date ("the case of T.R., 12/11/2010", "re: LW
                # 09.10.2018"): whom the case is of, as a body has no case opened on a date; an acronym the lexicons
                # hold stays ("re: the LGA 09.10.2018 letter", "the MASH 12/11/2010 audit")
                who = m.group("i")
                if (_CASE_OF_BEFORE_RE.search(text, max(0, m.start("i") - 40), m.start("i")) is not None
                        and self.names._initials_shape(who.replace(".", "").replace(" ", ""), words=True)
                        and not any(f.start < m.end("i") and m.start("i") < f.end for f in spans)):
                    out.append(Span(m.start("i"), m.end("i"), "name"))
                continue
            if s.kind not in ("date_of_birth", "age") or any(n.kind == "name" and n.end <= s.start and
                                                               _BORN_SAID_RE.match(text[n.end : s.start]) for n in spans):
                continue
            m = _PERSON_BORN_RE.search(text, max(0, s.start - 40), s.start)
            if m is None or any(f.start < m.end("i") and m.start("i") < f.end for f in spans):
                continue
            who = m.group("i")
            key = fold(who)
            if who.islower():
                # in lower case, as transcripts are typed, a word set off before a birth or an age is a person's on
                # the words around it alone ("summer (born 2013) was the youngest", "june (dob 4/5/2014) was placed";
                # not "pensioner, aged 80, was found": one who does by a verb of five letters or more)
                doer = key.endswith("er") and any(len(b) >= 5 and b in english_words() for b in (key[:-2], key[:-1]))
                if _SET_OFF_AFTER_RE.match(text, m.end("i")) is not None and (
                        self._month_born(text, m, key) or not doer and self._word_born(text, m, s)):
                    out.append(Span(m.start("i"), m.end("i"), "name"))
                continue
            if (self.names._initials_shape(who.replace(".", "").replace(" ", ""), words=True) if who.isupper() or "." in who
                    else key in folded_first_names() and key not in KINSHIP_ROLE_WORDS
                    and (not is_public_word(who) or self._month_born(text, m, key))
                    or self._word_born(text, m, s)):
                out.append(Span(m.start("i"), m.end("i"), "name"))
        return out

    @staticmethod
    def _word_born(text: str, m: re.Match, s: Span) -> bool:
        """Whether a capitalised word no given-name list holds ("Summer", "Sky", "August"), right before a birth or an
        age said to be one (``s``), is the person's: a verb of one person after the birth, one of hers or his or another
        child born so joined to it, or a verb done to a child before it (:data:`_PERSON_AFTER_BIRTH_RE`); not a relation,
        a role, a school's stage, a cohort or a group, a pronoun or an adverb, a word for people of a kind
        (:data:`_BORN_GROUPS`, a plural, a word in "-ly", :data:`_PERSON_KIND_ENDINGS`: "Reception (born 2019) was the
        biggest class", "Juniors (born 2012) did better", "Anyone aged 16 was asked", "Defendant (aged 16) was
        arrested"), a public word but a month, nor after a determiner or a word of time ("the Summer (born 2013)
        cohort", "In August (born 2012) she moved")."""
        who, start = m.group("i"), m.start("i")
        key = fold(who)
        if (key in KINSHIP_ROLE_WORDS or key in _NOT_NAMES or key in _BORN_GROUPS or _job_word(key) or key.endswith("ly")
                or key.endswith(_PERSON_KIND_ENDINGS) and len(key) >= 5 and key in english_words()
                or is_public_word(who) and key not in _MONTH_NAMES
                or key.endswith("s") and key[:-1] in english_words()
                or _BORN_GROUP_BEFORE_RE.search(text, max(0, start - 8), start) is not None
                or _MONTH_TIME_BEFORE_RE.search(text, max(0, start - 12), start) is not None):
            return False
        return (_PERSON_AFTER_BIRTH_RE.match(text, s.end) is not None
                or _SEEN_BEFORE_RE.search(text, max(0, start - 24), start) is not None
                or _BIRTH_LISTED_BEFORE_RE.search(text, max(0, start - 48), start) is not None)

    def _cohort_plural(self, text: str, s: Span) -> bool:
        """Whether ``s``, a name found, is one capitalised plural of an English word or of one who does, right before a
        range of births or ages said of it ("Millennials (born 1981-1996)", "Boomers, born 1946 to 1964,", "Xers (aged
        40-55)"): a cohort's word, as one person is born once and has one age; no listed participant's, given name or
        surname that is a word."""
        if s.kind != "name" or _COHORT_RANGE_AFTER_RE.match(text, s.end) is None:
            return False
        word = text[s.start : s.end]
        key, names = fold(word), self.names
        one = key[:-1]
        # after "the", only a noun of a kind of people by its ending: a family's surname may be a word too ("the Shahs")
        family = _BORN_GROUP_BEFORE_RE.search(text, max(0, s.start - 8), s.start) is not None and not (
            one.endswith(_PERSON_KIND_ENDINGS) or names._one_who_does(one))
        return (word[:1].isupper() and key.isalpha() and key.endswith("s") and len(key) >= 5 and not family
                and (one in names.words or names._one_who_does(one))
                and not any(k in names.participant_parts or k in names.firsts or k in names.surnames for k in (key, one)))

    @staticmethod
    def _month_born(text: str, m: re.Match, key: str) -> bool:
        """Whether a month's name that is a given name too ("May", "June", "April") is the person's before a birth
        said in brackets ("May (born 2013) was the youngest"): a month is born never; not after a word of time ("in
        May (born ...)")."""
        return (key in _MONTH_NAMES and _BORN_BRACKET_RE.match(text[m.end("i") : m.end()]) is not None
                and _MONTH_TIME_BEFORE_RE.search(text, max(0, m.start("i") - 12), m.start("i")) is None)

    def _dotted_initials(self, text: str, said: list[Span]) -> list[Span]:
        """Initials written with dots and spaces ("K. M. (SW) visited", "Present: K.M. (SW), R.T. (mum)", "signed K .
        M ."), found as the same letters written together are ("KM (SW) visited"): the names found in ``text`` with each
        such run of initials written as its letters, padded with spaces to its length (every offset kept), that hold
        one, widened over the run."""
        runs = list(_DOTTED_INITIALS_RE.finditer(text))
        if not runs:
            return []
        chars = list(text)
        for m in runs:
            letters = [c for c in m.group() if c.isupper()]
            chars[m.start() : m.end()] = list("".join(letters).ljust(m.end() - m.start()))
        # spaced out ("K. M.", "K . M ."), two or three letters are a person's initials as written, whatever the words
        # around them, unless a public term ("U. K."); run together ("K.M.") they are judged as "KM" is
        found = [Span(m.start(), m.end(), "name") for m in runs
                 if _SPACED_INITIALS_RE.fullmatch(m.group()) and not is_public_word("".join(c for c in m.group() if c.isupper()))
                 and not _LETTER_LABEL_AFTER_RE.match(text, m.end())  # "Options A. B. and C.": labels, listed
                 and not any(d.start <= m.start() and m.end() <= d.end for d in said)]
        for s in self.names.find("".join(chars)):
            if s.kind != "name" or any(_within_said(text, s, d) for d in said):
                continue
            for m in runs:
                if s.start < m.end() and m.start() < s.end:
                    found.append(Span(min(s.start, m.start()), max(s.end, m.end()), "name"))
        return found

    def _public_names_kept(self, text: str, folded: str) -> list[tuple[int, int]]:
        """Where ``text`` names a charity, a medicine, a game or an event of national scope
        (:func:`~impact.privacy._lexicon.public_names`) written as the list writes it (each word's first letter in its
        case, or in capitals) and not spoken of as a person (:func:`~impact.privacy._names.public_name_as_person`)."""
        if self.public_names is None:
            return []
        kept: list[tuple[int, int]] = []
        # the long alternation is tried only where a listed name's first word starts, capitalised or written so
        for w in _WORD_START_RE.finditer(folded):
            lower = self.public_starts.get(w.group())
            if lower is None or (not lower and not text[w.start()].isupper()) or (kept and w.start() < kept[-1][1]):
                continue
            m = self.public_names.match(folded, w.start())
            if m is None:
                continue
            said = text[m.start() : m.end()].split()
            written = said == [x.upper() for x in said] or any(
                all(a[:1] == b[:1] for a, b in zip(said, form.split(), strict=True)) for form in self.public_forms[" ".join(m.group("core").split())])
            if written and not public_name_as_person(text, m.start(), m.end()):
                kept.append((m.start(), m.end()))
        return kept

    def _spills_from_kept(self, text: str, span: Span, kept: list[tuple[int, int]]) -> bool:
        """Whether a name ``span`` only runs on from a kept public phrase into words that name nobody listed.

        "Children and Young People Task Group" with a "Jack Young" listed: the
        capitalised run "Young People Task" starts inside the kept "Young
        People", and "Task" is no part of a listed name, so it is the service.
        "Jack Young People's lead" still names Jack Young.
        """
        if span.kind != "name" or not any(a < span.end and span.start < b for a, b in kept):
            return False
        outside = list(text[span.start : span.end])
        for a, b in kept:
            for i in range(max(a, span.start), min(b, span.end)):
                outside[i - span.start] = " "
        # a word joined to the phrase by a hyphen is judged without it ("the Labour-Lib Dem group": "Labour")
        return not any(fold(w) in self.name_parts or _name_word_outside(w)
                       for w in (w.strip("-") for w in re.findall(r"[\w'’-]+", "".join(outside))) if w)

    def _off_kept_label(self, text: str, span: Span, kept: list[tuple[int, int]]) -> Span:
        """A name's span without the kept words it overlaps at its start or end, where those hold no listed name's part
        ("Child L Saffron Okafor": "Saffron Okafor"; "Jack Young People" with Jack Young listed stays whole)."""
        if span.kind != "name":
            return span
        ours = [(a, b) for a, b in kept if a < span.end and span.start < b
                and not any(fold(w) in self.name_parts for w in re.findall(r"[\w'’-]+", text[max(a, span.start) : min(b, span.end)]))]
        return _kept_words_off(text, span, ours) if ours else span

    @staticmethod
    def _lower_name_part(text: str, start: int, end: int) -> bool:
        """Whether a listed first name or surname that is an ordinary word, in lower case, stands for the person.

        It does after a verb that takes a person ("asked", "told", "met",
        "spoke to", "according to" ...) before the end of a phrase ("i asked
        marsh about it", "according to bell,", "met with bishop.", "an email
        from marsh"), but after a verb of going ("back to", "went to") only
        where it is no word used without an article ("back to work."); after a
        bare preposition ("with", "from", "by", "for", "than", "sent it to")
        before a time ("with bishop last week") or the end of a phrase ("we
        did it with marsh.", "signed off by bishop, then"), where it is no word
        used without an article (:func:`~impact.privacy._lexicon.bare_word`:
        "with care.", "made from wood.": a singular count noun needs "the" or
        "a" there, so bare it is the person); after a role that also qualifies
        nouns ("officer marsh took the call", not "officer time"); and opening
        a sentence or clause before a verb of saying or a possessive ("bishop
        said", "and bishop's view").  After an article or an adjective it is
        the word ("the bishop said", "a bell", "the marsh"), and after a bare
        "to" a verb ("want to work for").
        """
        before, after = text[max(0, start - 30) : start], text[end : end + 40]
        if _TITLE_BEFORE_RE.search(before) or set_off_after_role(text, start, end):
            return True  # "councillor bishop", "mrs bell", "the nurse, bishop, came in"
        says = _SAYS_OR_OWNS_RE.match(after) is not None
        bare = bare_word(text[start:end])
        if _QUALIFYING_ROLE_BEFORE_RE.search(before) and not bare:
            m = _AFTER_ROLE_RE.match(after)
            if m is not None and (m.group("word") is None or fold(m.group("word")) in _NOT_NAMES
                                  or m.group("word").endswith("ed")):
                return True  # "officer marsh took the call", "nurse bishop came"
        if _ASKED_RE.search(before) or _MET_WITH_RE.search(before):
            if bare and not says and _GOING_TO_RE.search(before):
                return False  # "back to work.", "went to church."
            return says or _PHRASE_END_AFTER_ASKED_RE.match(after) is not None or _PHRASE_GOES_ON_RE.match(after) is not None
        if _WITH_RE.search(before):
            if says:
                return True
            # "with marsh.", "with bishop last week", "with marsh and the team", "by bishop in the office"
            return not bare and (_PHRASE_END_AFTER_WITH_RE.match(after) is not None
                                 or _PHRASE_GOES_ON_RE.match(after) is not None)
        # "bishop said", "and grace was great" (a first name or a count noun: "and work was great" is the word)
        person = says or ((not bare or fold(text[start:end]) in folded_first_names())
                          and said_of_person(text[start:end], text, end))
        return person and _CLAUSE_OPEN_RE.search(before) is not None

    @staticmethod
    def _followed_by_name(text: str, end: int) -> bool:
        m = re.match(r"[ \t]+(\p{Lu}[\p{L}'’\-]*)", text[end:])
        return m is not None and not is_public_word(m.group(1))


# Between two people named together: "and", "or", "&", "n'", a comma or a slash ("marsh and bell", "tom, grace").
_JOINED_RE = lazy_compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|/[ \t]*)|[ \t]+(?:and|or|&|n['’]?)[ \t]+",
                        re.IGNORECASE)
# What follows a person named in a pair ("marsh and bell.", "bishop and marsh said", "grace and tom on it",
# "tom and bell were there"); anything else may be a verb ("Tom and will help", "Tom and mark the papers").
_AFTER_PAIRED_RE = lazy_compile(
    rf"(?:{_END}|['’]s\b|[ \t]+-[ \t]|[ \t]+(?:{_REPORTING}|and|or|&|about|on|in|at|with|to|from|for|by|were|are|was|had|"
    rf"have|who|both|all|together|too|as|also|then|{_TIME})\b)", re.IGNORECASE)
_JOINED_BEFORE_RE = lazy_compile(r"(?:,|/|\band|&|\bor|\bn['’]?)[ \t]*\Z", re.IGNORECASE)
_LOWER_WORD_RE = lazy_compile(r"(?<![\p{L}'’\-])\p{Ll}{3,}(?![\p{L}\-])")


# A nickname by trade after a name, as Welsh towns name people ("Jones the Milk", "Dai the Post"): "the" and a
# capitalised English word set off after it, or before a verb of a person; not a day, a month or a public name, nor a
# job or a role, which says what the person does and is kept as roles are ("Dr Jones the Dentist", "Mrs Price the
# Teacher said"; "the dentist said" is kept).
_BY_TRADE_RE = lazy_compile(
    r"[ \t]+the[ \t]+(?P<w>(?-i:\p{Lu}\p{Ll}+))(?=[ \t]*(?:[,;:)!?]|\.(?:\s|\Z)|\Z)|[ \t]+(?:said|says|told|took|came|went|was|is|had|has|rang)\b)",
    re.VERSION1)


# The town or village that closes an address, after its comma ("12 Ffordd yr Orsaf, Aberystwyth.", "3 Lôn Glas,
# Bangor LL57 1AA", "12 station road, aberystwyth."): capitalised words (with the small words of places between,
# "Newcastle upon Tyne", "Pont-y-pŵl") or one word in lower case, where the phrase ends or a postcode follows.
_TOWN_AFTER_ADDRESS_RE = lazy_compile(
    r"[ \t]*,[ \t]*(?P<t>(?P<caps>\p{Lu}[\p{L}\p{M}'’]*(?:(?:-|[ \t]+)(?:(?:y|yr|upon|on|under|in|by|le|la|de|the|ar|dan)"
    r"(?:-|[ \t]+))?\p{Lu}[\p{L}\p{M}'’]*){0,2}|\p{Lu}[\p{L}\p{M}]*(?:-\p{Ll}+)+-\p{L}+)"
    r"|\p{Ll}[\p{L}\p{M}]{3,}(?:-\p{Ll}[\p{L}\p{M}]*)*)"
    r"(?=[ \t]*(?:[.,;:!?)]|\n|\Z)|[ \t]+(?i:[a-z]{1,2}\d[a-z\d]?[ \t]*\d[a-z]{2})(?![\p{L}\d]))", re.VERSION1)


# A house's number said apart from its street, set off after it ("they're on Ashgrove Road, number 27", "she lives in
# Thornbury Crescent, it's number 14, the top flat", "on Mill Lane, at number 9") or just before it ("he's at number 9
# on Mill Lane"): the address's number, as "14 Thornbury Crescent" is.
_HOUSE_NUMBER = rf"(?P<n>(?:number|no\.?)[ \t]*(?:\d{{1,4}}[a-z]?|{_NUMBER_WORDS}))"
_NUMBER_AFTER_ADDRESS_RE = lazy_compile(
    rf"[ \t]*,[ \t]*(?:(?:it['’]s|it[ \t]+is|that['’]s|at|they['’]re[ \t]+at|s?he['’]s[ \t]+at)[ \t]+)?{_HOUSE_NUMBER}"
    r"(?![\p{L}\d])", re.IGNORECASE | re.VERSION1)
_NUMBER_BEFORE_ADDRESS_RE = lazy_compile(
    rf"(?<![\p{{L}}\d]){_HOUSE_NUMBER}[ \t]+(?:on|in|off|along|up|down)[ \t]+\Z", re.IGNORECASE | re.VERSION1)


def _numbers_by_address(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with a house's number said apart from an address found, before or after it (see
    :data:`_NUMBER_AFTER_ADDRESS_RE`), as the address's."""
    found = []
    for s in [s for s in spans if s.kind == "address"]:
        if (m := _NUMBER_AFTER_ADDRESS_RE.match(text, s.end)) is not None:
            found.append(Span(m.start("n"), m.end("n"), "address"))
        if (m := _NUMBER_BEFORE_ADDRESS_RE.search(text, max(0, s.start - 24), s.start)) is not None:
            found.append(Span(m.start("n"), m.end("n"), "address"))
    return spans + found


def _town_after_address(text: str, spans: list[Span]) -> list[Span]:
    """The addresses in ``spans`` widened over the town after them (:data:`_TOWN_AFTER_ADDRESS_RE`): a capitalised town
    that a name or a place was found in, taken into the address (it was "[name]"), and in lower case a word no English
    list holds; a council's name is left to be said as the council, a city no detector finds is kept as before ("Smith
    Square, London"), and a day or a month after the comma is no town ("12 Station Road, Monday she went")."""
    for s in [s for s in spans if s.kind == "address"]:
        m = _TOWN_AFTER_ADDRESS_RE.match(text, s.end)
        if m is None:
            continue
        a, b = m.span("t")
        words = [fold(w) for w in re.findall(r"[\p{L}\p{M}'’]+", m.group("t"))]
        if any(w in _DAY_NAMES or w in _MONTH_NAMES for w in words) or any(
                x.kind == "council" and x.start < b and a < x.end for x in spans):
            continue
        inside = [x for x in spans if x.kind in ("name", "place") and a <= x.start and x.end <= b]
        if m.group("caps") is None and (words[0] in english_words() or words[0] in folded_first_names()):
            continue
        if m.group("caps") is not None and not inside:
            continue  # a city no detector finds, as a public body's address names it ("Smith Square, London"), is kept
        spans = [x for x in spans if not (x.kind in ("name", "place") and a <= x.start and x.end <= b) and x is not s]
        spans.append(Span(s.start, b, "address"))
    return spans


# A first name's initial before a surname found: with its dot anywhere but after a word that ends a sentence ("Apologies:
# J. Williams, HV"), without it where a list or a line opens ("Apologies: J Williams"); not "I", nor "A" as the article,
# nor a thing's label ("we went with Plan B. Smith said it worked").
_INITIAL_BEFORE_RE = lazy_compile(
    rf"(?:(?<![\p{{L}}\p{{N}}.'’\-])(?<!\b(?i:{_LABELLED_WORDS})[ \t]+)\p{{Lu}}\.|"
    r"(?:(?<=[:,;(\n][ \t]*)|\A[ \t]*)(?![IA][ \t])\p{Lu})[ \t]+\Z", re.VERSION1)


def _saint_surnames_off_streets(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` without each street's name ending in "St" whose "St" a name found holds, the surname named for a saint
    after a first name (:func:`~impact.privacy._detect.saint_surname`: "Then Tom St George rang" is no street "Then Tom
    St"); found nowhere as a name ("John St John"), the street's stays."""
    names = [s for s in spans if s.kind == "name"]
    return [s for s in spans if not (
        s.kind == "address" and (space := _street_st(text, s)) is not None and saint_surname(text, space) is not None
        and any(n.start <= space + 1 < n.end for n in names))]


def _street_st(text: str, s: Span) -> int | None:
    """Where the space before a street's closing "St" or "St." is in ``text`` ("Dwayne St." read as a street), if
    ``s`` ends so."""
    for ending in (" St", " St."):
        if text.endswith(ending, 0, s.end):
            return s.end - len(ending)
    return None


# Initials with their dots closed up before a name that opens with an initial ("J.P. Okonkwo", "R.M. Bhatti"): the
# name's first initials.
_CLOSED_INITIALS_BEFORE_RE = lazy_compile(r"(?<![\p{L}\p{N}'’\-.])(?:\p{Lu}\.){1,3}\Z", re.VERSION1)


def _initial_before(text: str, s: Span) -> Span:
    """A name ``s`` widened over its first name's initial before it (see :data:`_INITIAL_BEFORE_RE`), and over the
    initials closed up before its own ("J.P. Okonkwo": :data:`_CLOSED_INITIALS_BEFORE_RE`)."""
    if s.kind != "name" or not text[s.start : s.start + 1].isupper():
        return s
    if text[s.start + 1 : s.start + 2] == "." and (
            m := _CLOSED_INITIALS_BEFORE_RE.search(text, max(0, s.start - 6), s.start)) is not None:
        s = Span(m.start(), s.end, s.kind)
    m = _INITIAL_BEFORE_RE.search(text, max(0, s.start - 40), s.start)
    return s if m is None else Span(m.start(), s.end, s.kind)


# A firm by its founders' names and "& Co", "& Sons", "and Partners" ("Ms Kowalski of Ridley & Co", "Hollis & Sons
# Ltd"): an organisation, its names one place's, its company word kept; "and co" after people is their company
# ("Jayden and co came round"), the word "co" no one's name.
_FIRM_RE = lazy_compile(
    r"(?<![\p{L}\d'’\-])(?P<firm>\p{Lu}[\p{L}'’\-]+(?:(?:[ \t]*,[ \t]*|[ \t]+)\p{Lu}[\p{L}'’\-]+){0,2})"
    r"(?:[ \t]*[&+][ \t]*(?P<co>Co\b\.?|Sons?|Daughters|Partners|Associates|Company)"
    r"|[ \t]+and[ \t]+(?P<co2>Sons?|Daughters|Partners|Associates))(?![\p{L}\d\-])", re.VERSION1)
_AND_CO_RE = lazy_compile(r"(?:&|\+|\band)[ \t]*(?P<co>co)\b\.?(?![\p{L}\d\-])", re.IGNORECASE | re.VERSION1)


def _firms(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each firm of :data:`_FIRM_RE` one place, its company word kept ("of [place] & Co"), where the
    detectors found a name or a place on its words, and no "co" after "and" or "&" a name."""
    for m in _AND_CO_RE.finditer(text):
        spans = [s for s in spans if not (s.kind == "name" and (s.start, s.end) == m.span("co"))]
    for m in _FIRM_RE.finditer(text):
        start, end = m.start("firm"), m.end()
        words = [fold(w) for w in re.findall(r"[\p{L}'’\-]+", m.group("firm"))]
        if any(is_public_word(w) or w in FAMILY_WORDS or w in _NOT_NAMES for w in words) or not any(
                s.kind in ("name", "place") and start <= s.start < m.end("firm") for s in spans):
            continue
        spans = [s for s in spans if s.end <= start or s.start >= end or s.kind not in ("name", "place")]
        spans.append(Span(start, m.end("firm"), "place"))
    return spans


def _by_trade(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with what follows each name and "the" (:data:`_BY_TRADE_RE`) read once for it: an English word no job
    is a nickname by trade, and the name is widened over it ("Jones the Milk came"); a job or a role is what the person
    does, kept, and a name found in its word is dropped ("Jones the Butcher came", though a surname spells it); a
    month, a day, a public word or a word no English list holds leaves both as they are ("Tom the Monday after")."""
    roles: set[tuple[int, int]] = set()
    widened = []
    for s in spans:
        m = _BY_TRADE_RE.match(text, s.end) if s.kind == "name" else None
        if m is not None:
            w = fold(m.group("w"))
            if _job_word(w):
                roles.add(m.span("w"))
            elif not (w not in english_words() or w in _MONTH_NAMES or w in _DAY_NAMES or is_public_word(m.group("w"))):
                s = Span(s.start, m.end("w"), s.kind)
        widened.append(s)
    return [s for s in widened if s.kind != "name" or (s.start, s.end) not in roles]


# An author-year citation, as a report or a practitioner's note cites research: authors' surnames before a year in
# brackets and a verb of reporting or a page ("Rose (2019) found", "Rose and Smith (2019) argue", "Rose et al. (2019)
# showed", "as Rose (2019, p. 4) notes", "Rose's (2019) study"), or in brackets with the year ("(Rose, 2019)", "(see
# Rose and Smith 2019; Hill, 2020)"): authors of what is cited, no one in a case ("Rose (7) found the key" is a child
# and her age).
_AUTHOR = r"\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?"
_AUTHORS = (rf"{_AUTHOR}(?:(?:[ \t]*,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+){_AUTHOR}){{0,3}}"
            r"(?:[ \t]+et[ \t]+al\.?)?")
_CITED_YEAR = r"(?:19|20)\d\d[a-z]?(?:[ \t]*,[ \t]*(?:p|pp)\.?[ \t]*\d+(?:[\-–]\d+)?)?"
_REPORTING = (r"found|finds|find|argued|argues|argue|suggested|suggests|suggest|showed|shows|show|shown|noted|notes|"
              r"note|reported|reports|report|described|describes|describe|identified|identifies|identify|concluded|"
              r"concludes|conclude|observed|observes|observe|proposed|proposes|propose|highlighted|highlights|highlight|"
              r"defined|defines|define|stated|states|state|wrote|writes|write|explained|explains|explain|emphasised|"
              r"emphasises|emphasise|emphasized|emphasizes|claimed|claims|claim|demonstrated|demonstrates|demonstrate|"
              r"recommended|recommends|recommend|points[ \t]+out|pointed[ \t]+out|point[ \t]+out|refers|referred|calls|call|"
              r"called|discusses|discussed|reviewed|reviews|study|studies|review|research|report|model|framework|work|"
              r"paper|book|findings|analysis|evaluation")
_CITATION_RE = lazy_compile(
    rf"(?<![\p{{L}}'’])(?P<names>{_AUTHORS})(?:['’]s?)?[ \t]*\([ \t]*{_CITED_YEAR}[ \t]*\)"
    rf"(?=[ \t]*,|[ \t]+(?:also[ \t]+|has[ \t]+|have[ \t]+|had[ \t]+)?(?:{_REPORTING})\b)"
    rf"|[(;][ \t]*(?:(?:see|e\.g\.|cf\.)[ \t,]+)?(?P<bracketed>{_AUTHORS})[ \t]*,?[ \t]+{_CITED_YEAR}"
    rf"(?=[ \t]*[;)])", re.VERSION1)
# A council's name as a team one follows, alone between "a" or an owner's word and a supporter's noun ("he is a Leeds
# fan", "his Bradford shirt", "a lifelong Wigan supporter"): a team's following reaches far past the place, so it says
# nowhere a person lives; a club's word after it ("a Leeds United fan") goes whole as round 25 has it.
_FAN_BEFORE_RE = lazy_compile(
    r"\b(?:a|an|his|her|their|my|our|your|big|massive|huge|mad|proper|die-hard|diehard|lifelong|keen|loyal)[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
_FAN_AFTER_RE = lazy_compile(
    r"[ \t]+(?:fans?|supporters?|shirts?|kit|scarf|season[ \t]+ticket(?:[ \t]+holder)?)(?![\p{L}\-])", re.IGNORECASE | re.VERSION1)


def _supporters_team(text: str, span: Span) -> bool:
    """Whether ``span``, a council's name, is a team a person follows (:data:`_FAN_BEFORE_RE`, :data:`_FAN_AFTER_RE`)."""
    return (_FAN_AFTER_RE.match(text, span.end) is not None
            and _FAN_BEFORE_RE.search(text, max(0, span.start - 16), span.start) is not None)


_WORD_BEFORE_RE = lazy_compile(r"(?P<w>\p{L}[\p{L}'’\-]*)[ \t]+\Z", re.VERSION1)


# Two months' names joined as a range ("april to august", "born September-December", "born between May and July"): a
# span of the year, never two people (_month_ranges: a month that is a given name too, "April", "May", "June").
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH_RANGE_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?:(?P<between>between[ \t]+)(?:{_MONTHS})\.?[ \t]+and[ \t]+(?:{_MONTHS})"
    rf"|(?:{_MONTHS})\.?(?:[ \t]+(?:to|until|till|through|thru)[ \t]+|[ \t]*(?P<dash>[\-–—/])[ \t]*)(?:{_MONTHS}))"
    rf"(?![\p{{L}}'’\-])", re.IGNORECASE | re.VERSION1)
# ... where two names joined by a hyphen may be one child's double name ("April-May"), a range only after "born" or
# before a year ("(born September-December)", "April-June 2019"); "between" and two joined by "and" are a range of time
# ("we saw her between april and june") but where what stands between two people is said before "between": a fight, a
# relationship, contact, messages, a choice, a seat or a thing shared ("the fight between april and june", "contact
# between april and june", "she sat between april and june": two children).
_BORN_JUST_BEFORE_RE = lazy_compile(r"\bborn[ \t]+(?:in[ \t]+)?\Z", re.IGNORECASE | re.VERSION1)
_BETWEEN_PEOPLE_BEFORE_RE = lazy_compile(
    r"(?<![\p{L}'’])(?:fights?|fighting|fought|rows?|rowing|arguments?|arguing|argued|falling[ \t]+out|fallout|relationships?|"
    r"friendships?|rivalry|conflicts?|tensions?|bond|bonds|attachment|contact|contacts|differences?|jealousy|bullying|"
    r"messages?|texts?|texting|calls?|conversations?|chats?|exchanges?|letters?|sessions?|visits?|meetings?|split|shared|"
    r"divided|sat|sits|sitting|stood|stands|standing|sleeps|slept|sleeping|squashed|squeezed|chose|choose|chooses|choosing|"
    r"choice|decide|decided|deciding|torn|pick|picked|picking|stuck|caught|came|come|comes|coming|went|gone|go|got|get|"
    r"love|hate|issues?|problems?|trouble|things|stuff|incidents?|altercations?|assaults?|violence)"
    r"(?:[ \t]+(?:that|which|who|was|were|is|are|has|had|have|been|going[ \t]+on|on|up|out|off|in|all|just|still|then|now|"
    r"there|here|always|ever|really|recently)){0,3}[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_YEAR_JUST_AFTER_RE = lazy_compile(r"[ \t]*,?[ \t]*(?:19|20)\d\d(?!\d)", re.VERSION1)


def _month_ranges(text: str) -> list[tuple[int, int]]:
    """Where two months' names stand as a range of months (:data:`_MONTH_RANGE_RE`): joined by "to", "until" or
    "through" anywhere ("may to june was the worst time"), by "and" after "between" unless a fight, contact or a seat
    between two people is said before it (:data:`_BETWEEN_PEOPLE_BEFORE_RE`: "the fight between april and june"), by
    a hyphen only after "born" or before a year; "April-May (born 2014)" is a child's double name."""
    out = []
    for m in _MONTH_RANGE_RE.finditer(text):
        if (m.group("between") is None and m.group("dash") is None or _YEAR_JUST_AFTER_RE.match(text, m.end())
                or _BORN_JUST_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
                or m.group("between") is not None
                and _BETWEEN_PEOPLE_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()) is None):
            out.append(m.span())
    return out


_BETWEEN_TWO_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])between[ \t]+(?P<a>{_MONTHS})[ \t]+and[ \t]+(?P<b>{_MONTHS})(?![\p{{L}}'’\-])", re.IGNORECASE | re.VERSION1)


def _between_two_named(text: str, spans: list[Span]) -> list[Span]:
    """Two months' names after "between" that are no range (:func:`_month_ranges`: "the row between april and june"),
    one of them found a name: both are the two people's names, the other too."""
    out = []
    for m in _BETWEEN_TWO_RE.finditer(text):
        words = [(m.start(g), m.end(g)) for g in ("a", "b")]
        named = [any(s.kind == "name" and s.start <= a and b <= s.end for s in spans) for a, b in words]
        if any(named) and (m.start(), m.end()) not in _month_ranges(text):
            out += [Span(a, b, "name") for (a, b), found in zip(words, named) if not found]
    return out


# A single year of birth said right after a word ("Boomer (born 2012)", "Zoomer, b. 2015,"), no range after it.
_ONE_BIRTH_YEAR_AFTER_RE = lazy_compile(
    r"[ \t]*[,(][ \t]*(?:born|dob|b\.)[ \t]*(?:in[ \t]+|on[ \t]+)?(?:[^()\n\d]{0,16}|[\d./\-]{0,6})"
    r"(?P<y>(?:19|20)\d\d)(?!\d)(?![ \t]*(?:[\-–—]|to|until|till|through|onwards|and)\b)", re.IGNORECASE | re.VERSION1)
# Years in brackets or set off after a word, a range or one year ("(1981-1996)", ", born 1977 to 1983,", "(born 1990)").
_YEARS_SAID_AFTER_RE = lazy_compile(
    r"[ \t]*[,(][ \t]*(?:(?:born|aged?)[ \t]+(?:(?:in|from|between)[ \t]+)?)?(?P<a>(?:19|20)\d\d)"
    r"(?:[ \t]*(?:[\-–—]|to|until|till|through|and)[ \t]*(?P<b>(?:19|20)?\d\d))?(?!\d)[ \t]*[),]?", re.IGNORECASE | re.VERSION1)


@cache
def _generation_re() -> re.Pattern:
    """The generations' names (:func:`~impact.privacy._lexicon.generations`), in the singular or the plural, as words."""
    names = sorted(generations(), key=len, reverse=True)
    alternation = "|".join(r"[ \t\-]+".join(re.escape(w) for w in re.split(r"[ \-]+", n)) for n in names)
    return re.compile(rf"(?<![\p{{L}}\p{{N}}'’.])(?P<g>{alternation})(?:s|['’]s|s['’])?(?![\p{{L}}\p{{N}}'’])",
                      re.IGNORECASE | re.VERSION1)


# A determiner, a quantifier or a possessive right before a word ("a Millennial", "one Boomer", "every Zoomer", "as a
# Millennial"): before a generation's name in the singular, the generation's word (_generations_named).
_GENERATION_DETERMINER_BEFORE_RE = lazy_compile(
    r"(?<![\p{L}'’])(?:a|an|the|one|every|each|this|that|another|any|no|some|fellow|typical|average|older|younger|young|"
    r"old|my|our|your|his|her|their|its)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# The word after a generation's name in the singular, a noun for people it is said of ("Millennial parents", "a Boomer
# councillor", "Zoomer voters").
_WORD_AFTER_RE = lazy_compile(r"[ \t]+(?P<w>\p{Ll}[\p{L}\-]*)", re.VERSION1)
_PEOPLE_NOUNS = frozenset("""generation generations cohort cohorts people voters voter parents parent staff colleagues
    colleague friends friend households household homeowners renters tenants employees workers users respondents
    participants families family men women mums dads adults""".split())


def _people_noun_after(text: str, end: int) -> bool:
    """Whether a noun for people follows ``end`` ("Millennial parents", "Boomer councillor", "Zoomer pupils")."""
    m = _WORD_AFTER_RE.match(text, end)
    if m is None:
        return False
    w = fold(m.group("w"))
    one = w[:-1] if w.endswith("s") else w
    return (w in _PEOPLE_NOUNS or _job_word(w) or _job_word(one) or w in _BORN_GROUPS or one in _BORN_GROUPS
            or one in age_groups() or w in KINSHIP_ROLE_WORDS)


@cache
def _generation_starts() -> frozenset[str]:
    """The first three letters of each generation's name (:func:`_generation_re`'s quick test: "mil", "boo", "gen")."""
    return frozenset(_generation_key(n)[:3] for n in generations())


def _generation_key(name: str) -> str:
    return " ".join(re.split(r"[ \t\-]+", fold(name)))


@cache
def _generation_years() -> dict[str, tuple[int, int]]:
    """:func:`~impact.privacy._lexicon.generations` by their words joined by one space ("gen-xer" as "gen xer")."""
    return {_generation_key(n): years for n, years in generations().items()}


def _generations_named(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a generation by when its members were born ("Millennials", "Gen Xers", "the Silent
    Generation", :func:`~impact.privacy._lexicon.generations`), with the years said right after it where they fall in
    the generation's own ("Millennials (1981-1996)", "Xennials, born 1977 to 1983,"): a cohort's, never a person's.  Not
    where it is said of a person ("a boy called Boomer", "Zoomer's mum": :func:`public_name_as_person`), nor before
    one year of birth outside the generation's ("Boomer (born 2012) lives with his gran": a child so called).  A
    name of one word in the singular is the generation's only after a determiner or before a noun for people ("a
    Millennial", "Millennial parents"); standing bare it is a person's ("Boomer hit his sister", "I asked Boomer")."""
    lower = text.lower()
    if not any(w in lower for w in _generation_starts()):
        return []
    out = []
    for m in _generation_re().finditer(text):
        first, last = _generation_years()[_generation_key(m.group("g"))]
        if public_name_as_person(text, m.start(), m.end()):
            continue
        suffix = text[m.end("g") : m.end()]
        if (suffix.lower() in ("", "'s", "’s") and " " not in _generation_key(m.group("g"))
                and _GENERATION_DETERMINER_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) is None
                and (suffix or not _people_noun_after(text, m.end()))):
            continue  # "Boomer hit his sister", "Boomer's mum rang": a name of one word in the singular, standing bare
        one = _ONE_BIRTH_YEAR_AFTER_RE.match(text, m.end())
        if one is not None and not first - 2 <= int(one.group("y")) <= last + 2:
            continue
        end = m.end()
        said = _YEARS_SAID_AFTER_RE.match(text, end)
        if said is not None:
            a = int(said.group("a"))
            b = said.group("b")
            b = a if b is None else int(b) if len(b) == 4 else a // 100 * 100 + int(b)
            if a <= last + 2 and b >= first - 2 and said.group("b") is not None:
                end = said.end()  # the cohort's own range of births
        out.append((m.start(), end))
    return out


def _cited_authors(text: str) -> list[tuple[int, int]]:
    """Where the authors of an author-year citation stand (:data:`_CITATION_RE`); not a surname after a capitalised word
    that is no English word ("Kacey Okafor (2019) found" is a person named whole)."""
    out = []
    for m in _CITATION_RE.finditer(text):
        if m.group("names") is None:
            out.append(m.span("bracketed"))
            continue
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and before.group("w")[:1].isupper() and fold(before.group("w")) not in english_words():
            continue
        out.append(m.span("names"))
    return out


# The label a review or a study gives a person in place of a name, a word and one or two letters or a figure ("Child B",
# "Young Person C", "Sibling 2", "Child RT's mother"): no one's name, after "call him" too ("I'll call him Child B");
# "Baby O", "Baby RT" are a newborn's initials.
_REVIEW_LABEL_RE = lazy_compile(
    r"\b(?-i:Child|Young[ \t]+Person|YP|Sibling|Adult|Person|Parent|Participant|Interviewee|Respondent|Practitioner)"
    r"[ \t]+(?-i:\p{Lu}{1,2}|\d{1,2})(?:['’]s\b|(?![\p{L}\d'’.]))", re.VERSION1)
# A family role (the names module's FAMILY_ROLE, capitalised) and a letter in capitals ("Mother F", "Father G",
# "Stepfather H's", "Grandmother K"): a review's label where the text labels someone else so (a label of
# _REVIEW_LABEL_RE beside it: "Child B lived with Mother F"); alone, the letter is the relation's initial ("Father F",
# round 45; "Mother F did not attend", "Grandmother K": "Mother [name]", "Grandmother [name]"), the same for every role.
_RELATION_LABEL_RE = lazy_compile(
    rf"\b(?=\p{{Lu}})(?i:{FAMILY_ROLE})[ \t]+(?-i:\p{{Lu}})(?:['’]s\b|(?![\p{{L}}\d'’.]))", re.VERSION1)


def _review_labels(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives a person a review's label in place of a name ("Child B", "Young Person C's", "Sibling D",
    "Adult E"), and a relation's label beside one of those ("Mother F", "Father G" where "Child B" is named too)."""
    labels = [m.span() for m in _REVIEW_LABEL_RE.finditer(text)]
    if labels:
        labels += [m.span() for m in _RELATION_LABEL_RE.finditer(text)]
    return labels


#: What a review's label is said to own, in lower case after its possessive ("Young Person C's college", "Child B's
#: school"): a common noun or two.
_LABELS_SETTING_RE = lazy_compile(r"[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?", re.VERSION1)
# A saint's day ("St Patrick's Day", "St Andrew's Night", "Saint David's day"): a day of the year, no one's name.
_SAINTS_DAY_RE = lazy_compile(r"\b(?:st\.?|saint)[ \t]+\p{L}+['’]?s[ \t]+(?:day|eve|night)\b", re.IGNORECASE | re.VERSION1)


# A word mentioned as a word, not used: after "the word", "the term", "the phrase" (or "the Arabic for thanks is"), in
# quotes or not, one to three words closing the phrase or before what is said of a word ("Interpreter said the word شكرا
# means thanks", 'she said the word "Inshallah" a lot'); "the word Tom used" (a verb after it: the person) is no mention,
# nor a message's word before who sent it ("got a word from Kayla:").
_MENTIONED_RE = lazy_compile(
    r"\b(?i:the|a|that|this)[ \t]+(?:(?:\p{Lu}\p{Ll}+|[\p{Ll}]+)[ \t]+)?(?:word|term|phrase|expression|greeting)s?"
    r"(?:[ \t]+for[ \t]+[\p{L}'’]+(?:[ \t]+you)?)?(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]+[\"“‘']?"
    r"(?!(?i:from|with|to|of|about|by|in|on|at|and|or|back|out|is|was)\b)(?P<w>[^\s\p{P}\d]+(?:[ \t]+[^\s\p{P}\d]+){0,2}?)[\"”’']?"
    r"(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:means?|meant|meaning|translates?|translated|stands?[ \t]+for|for[ \t]+\p{Ll}+|"
    r"a[ \t]+lot|again|instead|too|in[ \t]+\p{Lu}\p{Ll}+)\b)", re.VERSION1)
# A language's word for something given ("The Arabic for thank you is شكرا", "the Polish for grandma is babcia"): the
# word after "is", closing the phrase, is a word of the language, no name; the language is a people's word
# (:func:`communities`) or has a language's ending, the gloss after "for" in lower case ("the Manager for Leeds is Tom"
# names a person).
_LANGUAGE_FOR_RE = lazy_compile(
    r"\b(?i:the)[ \t]+(?P<lang>\p{Lu}\p{Ll}+)[ \t]+(?:word[ \t]+)?for[ \t]+(?:\p{Ll}[\p{Ll}'’\-]*[ \t]+){1,3}(?:is|was)"
    r"[ \t]+[\"“‘']?(?P<w>[^\s\p{P}\d]+(?:[ \t]+[^\s\p{P}\d]+)?)[\"”’']?(?=[ \t]*(?:[.,;:!?)]|\Z))", re.VERSION1)
_LANGUAGE_ENDING_RE = lazy_compile(r"\p{L}+(?:ic|ish|ese|ian|i|ali|inya|u)", re.VERSION1)


def _language_word(word: str) -> bool:
    """Whether ``word`` names a language: a people's word the lexicon ships, or a word with a language's ending."""
    return fold(word) in communities() or _LANGUAGE_ENDING_RE.fullmatch(word) is not None


# A school's class named by a word, a tree's, an animal's, a colour's ("Class Hazel", "in Owls Class", "Robin class"):
# the class, no person; a word no English list holds there is a teacher's name ("Class Okonkwo").
_CLASS_NAMED_RE = lazy_compile(
    r"(?P<c>(?<![\p{L}'’\-])(?:Class[ \t]+(?P<w>\p{Lu}\p{Ll}+)|(?P<w>\p{Lu}\p{Ll}+)[ \t]+[Cc]lass)(?![\p{L}'’\-]))", re.VERSION1)


def _class_word(word: str, listed: frozenset[str]) -> bool:
    """Whether ``word`` naming a class is an English word (its plural's too), none of a listed participant's name."""
    key = fold(word)
    return key not in listed and (key in english_words() or key.endswith("s") and key[:-1] in english_words())


def _within_said(text: str, name: Span, said: Span) -> bool:
    """Whether a ``name`` found by the name finder is part of a detail or place ``said`` that a detector found.

    It is when inside it, and when it only runs on past its end into ordinary words that are no one's name: a kind of
    group, team or thing after the place that names it ("the 12th Brackwell Cubs": "12th Brackwell" is the place,
    "Brackwell Cubs" no person; "Smith and Jones Under-11s").
    """
    if said.start <= name.start and name.end <= said.end:
        return True
    if not (said.start <= name.start < said.end < name.end) or said.kind != "place":
        return False
    words, proper = english_words(), proper_nouns()
    tail = re.findall(r"[\p{L}'’]+", text[said.end : name.end])
    return bool(tail) and all((k := fold(w)) in words and k not in proper and k not in surname_words()
                              and k not in folded_first_names() for w in tail)


def _name_word(word: str) -> bool:
    """A first name or a surname that is an ordinary word ("lily", "bob", "mason"), no function word, month or
    relation ("will", "may", "nan")."""
    key = fold(word)
    return ((key in folded_first_names() or key in surname_words()) and key not in _NOT_NAMES
            and key not in KINSHIP_ROLE_WORDS and key not in _MONTH_NAMES)
# Before a word that is the thing, not the person ("rang the bell and Tom answered").
_DETERMINER_BEFORE_RE = lazy_compile(
    r"\b(?:the|a|an|this|that|these|those|my|our|your|their|his|her|its|some|any|no|each|every|of)[ \t]+\Z",
    re.IGNORECASE)


def _coordinated(text: str, pending: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """Listed name parts in lower case named together with a person already found ("i met marsh and bell",
    "bishop and marsh said", "with grace and tom on it").

    A part of a listed name that is an ordinary word, in lower case, is the
    person where it is joined by "and", "or", "&" or a comma to a name found
    by another rule, with no article before it and the end of a phrase, a
    verb of saying or another person after it ("rang the bell and Tom
    answered", "Tom and will help" stay words).  Repeated
    until nothing more joins, so a list of three is read whole.
    """
    found = [(s.start, s.end) for s in spans if s.kind == "name"]
    out: list[Span] = []
    left = list(pending)
    changed = True
    while changed and left:
        changed = False
        for a, b in list(left):
            if any(x < b and a < y for x, y in found):
                left.remove((a, b))
                continue
            joined = any((y <= a and _JOINED_RE.fullmatch(text, y, a)) or (b <= x and _JOINED_RE.fullmatch(text, b, x))
                         for x, y in found)
            if (joined and _AFTER_PAIRED_RE.match(text, b)
                    and not _DETERMINER_BEFORE_RE.search(text, max(0, a - 20), a)):
                out.append(Span(a, b, "name"))
                found.append((a, b))
                left.remove((a, b))
                changed = True
    return out


# A capitalised word opening a sentence or a line, joined by "and", "&" or a comma to what follows it.
_OPENING_WORD_RE = lazy_compile(r"(?<![\p{L}'’\-])(?P<w>\p{Lu}\p{Ll}+)(?P<j>[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")


def _opening_paired(text: str, spans: list[Span]) -> list[Span]:
    """A given name that is a word, capitalised opening a sentence, joined to a person found right after it ("Grace
    and Hope came", "Bill and Mark from the DfE came"): a person too, as the one named with it.  A function word, a
    month or a relation is no such name ("May and June were busy", "Will and Tom"), and a word the partner is no person
    beside stays ("Grace and [place]")."""
    starts = {s.start for s in spans if s.kind == "name"}
    if not starts:
        return []
    out = []
    for m in _OPENING_WORD_RE.finditer(text):
        if (m.end() in starts and _sentence_initial(text, m.start()) and _name_word(m.group("w"))
                and not any(s.start < m.end("w") and m.start() < s.end for s in spans)):
            out.append(Span(m.start(), m.end("w"), "name"))
    return out


def _named_elsewhere(text: str, opening: list[tuple[int, int, str]], spans: list[Span]) -> list[Span]:
    """Listed words opening a sentence ("Hope was great.") where the same text names the person by them elsewhere.

    A listed first name or surname that is an ordinary word is read as the
    word opening a sentence before most verbs ("Hope is not a strategy");
    where the text has named someone by that word ("I met Faith Hope. Hope
    was great."), it is the person there too.
    """
    if not opening:
        return []
    named = {w for s in spans if s.kind == "name" for w in fold(text[s.start : s.end]).split()}
    return [Span(a, b, "name") for a, b, core in opening if all(w in named for w in core.split())]


# The kinds of a place that end its name ("Little Acorns Nursery", "Oakwood High School"): the name is what is before.
_PLACE_KIND_WORDS = frozenset(
    """nursery nurseries pre-school preschool playgroup creche school academy college primary juniors junior infants
    infant high grammar secondary hospital infirmary surgery centre center clinic practice home hospice unit estate
    church mosque temple library hostel refuge""".split())


def _places_named_again(text: str, spans: list[Span]) -> list[Span]:
    """Every other mention, in any case, of a place's name found once in ``text``, its kind left off ("she's at
    little acorns three days a week ... We rang Little Acorns Nursery"): a name of two words or more, or one word
    that is no English word."""
    words = english_words()
    cores: set[str] = set()
    for s in spans:
        if s.kind != "place":
            continue
        parts = [p for p in re.findall(r"[\p{L}'’\-]+", fold(text[s.start : s.end]))]
        while parts and parts[-1] in _PLACE_KIND_WORDS:
            parts.pop()
        while parts and parts[0] in ("the", "a", "an"):
            parts.pop(0)
        if len(parts) >= 2 or (len(parts) == 1 and parts[0] not in words and len(parts[0]) >= 4):
            cores.add(" ".join(parts))
    if not cores:
        return []
    pattern = lazy_compile(rf"(?<![\p{{L}}\p{{N}}'’\-])(?:{_alternation(cores)})(?![\p{{L}}\p{{N}}'’\-])", re.VERSION1)
    return [Span(m.start(), m.end(), "place") for m in pattern.finditer(fold(text))]


# Letters of a name said one at a time between commas after a word of spelling or naming ("that's c, e, r, y, s",
# "it's spelt r, h, y, s"): four or more, no digit; not grades or options listed ("grades a, a, b, c").
# A letter said alone or with a word for it ("z for zulu", "s as in sugar").
_FOR_WORD = r"[ \t]+(?:for|as[ \t]+in)[ \t]+\p{L}+"
_FOR_WORD_RE = lazy_compile(_FOR_WORD, re.IGNORECASE | re.VERSION1)
_SAID_LETTER = rf"\p{{L}}(?:{_FOR_WORD})?(?![\p{{L}}\p{{N}}'’])"
_COMMA_SPELLED_RE = lazy_compile(
    r"(?:\b(?:spelt|spelled|spells?|spelling|that['’]s|it['’]s|name['’]s|name[ \t]+is|called)[ \t]*,?[ \t]*)"
    rf"(?P<run>{_SAID_LETTER}(?:[ \t]*,[ \t]*{_SAID_LETTER}){{3,}})(?![ \t]*,?[ \t]*\p{{L}}(?![\p{{L}}\p{{N}}'’]))",
    re.IGNORECASE | re.VERSION1)


def _spelled_out(text: str, listed: frozenset[str] = frozenset()) -> list[Span]:
    """Names spelled out letter by letter that no pattern for names reads once closed up.

    A listed name or part of one (``listed``: folded, closed up) wherever it
    stands ("r o s e", "b-i-s-h-o-p"): nobody spells out an ordinary word, so
    a listed part that is one is the person here even in lower case and with
    nothing around it that marks a name.

    A first name and more with no gap between the words ("J O H N S M I T H",
    closed up "JOHNSMITH"): a run that starts with a first name of three
    letters or more, goes on for three letters or more and is no English word
    or public term.  And any spelled-out word of four letters or more that
    reads as a word (a third of its letters vowels, or a quarter of six or
    more) and is no English word, public term or run of the alphabet ("s t u
    s o l", "z e b r u l o n", in lower case and in no name position):
    nobody spells out an ordinary word, and an acronym is a public term or
    has too few vowels.  "I N A D E Q U A T E", "Plan A B C D E F" and "N S
    P C C" are kept.
    """
    words = english_words()
    firsts = folded_first_names()
    out = []
    runs = [(m.start(), m.end(), m.group(), False) for m in spaced_runs(text)]
    # said after a word of spelling, any word no English word or public term is the name ("it's spelt r, h, y, s")
    runs += [(m.start("run"), m.end("run"), m.group("run"), True) for m in _COMMA_SPELLED_RE.finditer(text)]
    for start, end, run, cued in runs:
        if end - start > 2 and text[end - 1] == "." and (end == len(text) or text[end].isspace()):
            end -= 1  # "spelt H-O-P-E.": the last letter's dot closes the sentence too, kept as the sentence's
        letters = "".join(c for c in _FOR_WORD_RE.sub("", run) if c.isalnum())  # "z for zulu, a, r, a": "zara"
        word = fold(letters)
        if not letters.isalpha():
            continue
        if word in listed:
            out.append(Span(start, end, "name"))
            continue
        if word in words or is_public_word(letters):
            continue
        vowels = sum(c in "aeiouy" for c in word)
        alphabet = all(ord(b) - ord(a) == 1 for a, b in zip(word, word[1:], strict=False))
        named = cued and not alphabet or len(word) >= 6 and any(word[:k] in firsts for k in range(3, len(word) - 2))
        if named or (not alphabet and (len(word) >= 4 and vowels * 3 >= len(word) or len(word) >= 6 and vowels * 4 >= len(word))):
            out.append(Span(start, end, "name"))
    return out


#: A name spelled out: three letters or more, each set off from the next by a space, a hyphen, a comma or a dot.
_SPELLED_RUN_RE = lazy_compile(r"\p{L}(?:[ \t]*[\-,.][ \t]*|[ \t]+)\p{L}(?:(?:[ \t]*[\-,.][ \t]*|[ \t]+)\p{L})+\.?", re.VERSION1)


def _spelled_said(text: str, spelled: list[Span]) -> list[Span]:
    """The word a spelled-out name spells, said whole anywhere in ``text`` ("that's J-A-D-E, Jade", "Kayleigh, that's
    K-A-Y-L-E-I-G-H"): the same name, whatever its case.  A spelled-out run is judged a name only where it is no
    English word or public term (:func:`_spelled_out`), so its word said whole is no ordinary word either."""
    out = []
    for s in spelled:
        run = text[s.start : s.end]
        if s.kind != "name" or not _SPELLED_RUN_RE.fullmatch(run):
            continue
        word = "".join(c for c in _FOR_WORD_RE.sub("", run) if c.isalnum())
        for m in re.finditer(rf"(?i)(?<![\w'’\-]){re.escape(word)}(?![\w\-])", text):
            if not (s.start <= m.start() < s.end):
                out.append(Span(m.start(), m.end(), "name"))
    return out


_NAME_WRAPPED_BEFORE_RE = lazy_compile(r"(?<![\p{L}\p{M}'’\-])\p{Lu}[\p{L}\p{M}'’]+-[ \t]*\r?\n[ \t]*\Z", re.VERSION1)
_NAME_WRAPPED_RE = lazy_compile(r"-[ \t]*\r?\n[ \t]*\p{Lu}[\p{L}\p{M}'’]+", re.VERSION1)


def _widen(text: str, s: Span) -> Span:
    """Widen a name or place to whole hyphenated/apostrophised words ("Smith" in "Smith-Jones")."""
    if s.kind not in ("name", "place", "council"):
        return s
    start, end = s.start, s.end
    if s.kind == "name" and (wrap := _NAME_WRAPPED_RE.match(text, end)) is not None:
        end = wrap.end()  # "Kacey Brown-\nSmith": a double-barrelled surname wrapped at its hyphen
    if s.kind == "name" and (wrap := _NAME_WRAPPED_BEFORE_RE.search(text, max(0, start - 40), start)) is not None:
        start = wrap.start()  # "mum (Joy-\nAnne)": a double-barrelled first name wrapped at its hyphen, read from its end
    while end + 1 < len(text) and text[end] in _JOIN and text[end + 1].isalpha() and not (
        text[end] in "'’" and text[end + 1] in "sS" and (end + 2 >= len(text) or not text[end + 2].isalpha())
    ):
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    while start >= 2 and text[start - 1] in _JOIN and text[start - 2].isalpha():
        start -= 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    return s if (start, end) == (s.start, s.end) else Span(start, end, s.kind)


#: Each opening quote and the quote that closes it.
_OPEN_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’"}
# A bracket opened right after a name, a name inside it, perhaps said to be another of hers ("Anjali Devi (Anju)",
# "Abdullahi Farah (aka Abdi)", "Jane Smith (née Brown)"): where the first name ends.
_NAME_OPENS_BRACKET_RE = lazy_compile(
    r"[ \t]*\([ \t]*(?:(?:aka|a\.k\.a\.?|known[ \t]+as|n[ée]e|formerly|also)[ \t]+)?\Z", re.IGNORECASE)


def _read_on_from(text: str, s: Span, spans: list[Span]) -> int:
    """Where what is said after a name ``s`` starts: after its closing quote, for a name in quotes ('known as "Smudge",
    is 12'), or its closing bracket, for a name in brackets right after a name, the same person's other name ("Anjali
    Devi (Anju), 34", "Mother: Anjali Devi (अंजलि देवी), 34"); else at its end."""
    if s.start > 0 and text[s.start - 1] in _OPEN_QUOTES and text[s.end : s.end + 1] == _OPEN_QUOTES[text[s.start - 1]]:
        return s.end + 1
    if text[s.end : s.end + 1] == ")" and (opens := _NAME_OPENS_BRACKET_RE.search(text, max(0, s.start - 16), s.start)):
        if any(n.kind == "name" and n.end == opens.start() for n in spans):
            return s.end + 1
    return s.end


def _ages_after_names(text: str, spans: list[Span]) -> list[Span]:
    """Numbers of 120 or less set off right after a name ("Tyler, 14, moved", "Tyler (14)"): ages; and years from and
    to ("RIP Tyler 2009-2019", "Kai (2010 - 2012)"): a life's dates."""
    out = []
    for s in spans:
        end = _read_on_from(text, s, spans)
        life = _YEARS_AFTER_NAME_RE.match(text, end) if s.kind == "name" else None
        if life is not None:
            out.append(Span(life.start("d"), life.end("d"), "date"))
        m = _AGE_AFTER_NAME_RE.match(text, end) if s.kind == "name" else None
        if m is not None:
            group = next(g for g in "abcde" if m.group(g) is not None)
            if not m.group(group).isdigit() or int(m.group(group)) <= 120:  # "(8 wks)": the age with its unit
                out.append(Span(m.start(group), m.end(group), "age"))
    return out


_WELSH_VERB_RE = lazy_compile(
    r"(?<![\p{L}\p{M}'’\-])\p{L}+(?=[ \t]+(?:hi|e|o|fe|fo|nhw|ni|chi)['’]n(?![\p{L}]))", re.IGNORECASE | re.VERSION1)
_LAST_WORD_RE = lazy_compile(r"[ \t]+(?P<w>\p{Ll}+)\Z", re.VERSION1)


_ALNUM_RE = lazy_compile(r"[\p{L}\p{N}]", re.VERSION1)
_LAST_ALNUM_RE = lazy_compile(r"[\p{L}\p{N}][^\p{L}\p{N}]*\Z", re.VERSION1)


def _name_word_outside(word: str) -> bool:
    """Whether a capitalised word a name's span runs on into, past a kept phrase, is a name's: a first name the lists
    know or no English word, and no public term ("Saffron", "Okafor"; not "Task", "Group")."""
    key = fold(word)
    return (word[:1].isupper() and (key in folded_first_names() or key not in english_words())
            and not is_public_word(word) and len(key) > 1)


def _kept_words_off(text: str, s: Span, kept: list[tuple[int, int]]) -> Span:
    """A name's span without the kept words it starts or ends with ("Mae Siân Jones": "Siân Jones"; "gareth yn sâl":
    "gareth"), where a word not kept stays in it; a place's is left whole ("ysgol bro dinefwr")."""
    if s.kind != "name":
        return s
    start, end = s.start, s.end
    # the next word's first letter after a kept word at the start, the last word's last letter before one at the end
    while ((b := next((b for a, b in kept if a <= start < b < end), None)) is not None
           and (m := _ALNUM_RE.search(text, b, end)) is not None):
        start = m.start()
    while ((a := next((a for a, b in kept if start < a < end <= b), None)) is not None
           and (m := _LAST_ALNUM_RE.search(text, start, a)) is not None):
        end = m.start() + 1
    return s if (start, end) == (s.start, s.end) else Span(start, end, s.kind)


def _welsh_word_off(text: str, s: Span) -> Span:
    """A name's span without a common Welsh word in lower case at its end, which no surname is ("roedd mam rhodri yn
    poeni": "rhodri", not "rhodri yn")."""
    if s.kind != "name":
        return s
    m = _LAST_WORD_RE.search(text, s.start, s.end)
    if m is not None and m.start() > s.start and (w := m.group("w")) in welsh_words() and w not in english_words() \
            and w not in folded_first_names():
        return Span(s.start, m.start(), s.kind)
    return s


_WORD_TOKEN_RE = lazy_compile(r"(?<![\p{L}\p{M}'’\-])\p{L}[\p{L}\p{M}]{3,}(?![\p{L}\p{M}\-])", re.VERSION1)


def _edits(a: str, b: str, most: int) -> int:
    """The edits (a letter put in, taken out, changed, or two next to each other swapped) that turn ``a`` into ``b``,
    counted up to ``most + 1``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def _misspelt_again(text: str, spans: list[Span]) -> list[Span]:
    """A name said again with a slip or another spelling, close to a name found ("it was jasmin, or jazmin", "kieran,
    keiran on the form", "siobhan, siobahn"): a word no English list knows, of four letters or more, at most one edit
    from a one-word name found (two if both are six letters or more), is that name too."""
    names = {fold(text[s.start : s.end]) for s in spans if s.kind == "name"}
    names = {n for n in names if " " not in n and len(n) >= 4}
    if not names:
        return []
    out = []
    for m in _WORD_TOKEN_RE.finditer(text):
        w = fold(m.group())
        if w in names or w in english_words() or any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        for n in names:
            most = 2 if min(len(n), len(w)) >= 6 else 1
            if w[0] in (n[0], "c", "s", "k") and _edits(w, n, most) <= most:
                out.append(Span(m.start(), m.end(), "name"))
                break
    return out


# A given name said to whom one speaks, set off by commas after what opens a reply ("Well, John, I think so", "Sorry,
# Tom.", "To be honest, Dawn, it changed things").
_VOCATIVE_RE = lazy_compile(
    r"(?:\A|(?<=[.!?;:\n\r\"“‘(][ \t]*))(?:well|yes|yeah|yep|no|nope|nah|sorry|okay|ok|so|right|look|listen|honestly|"
    r"basically|anyway|seriously|oh|ah|erm?|um|see|now|alright|exactly|absolutely|definitely|sure|true|fair[ \t]+enough|"
    r"of[ \t]+course|to[ \t]+be[ \t]+(?:honest|fair)|i[ \t]+(?:know|mean|think|agree)|you[ \t]+(?:know|see))[ \t]*,[ \t]*"
    r"(?P<w>\p{Lu}\p{Ll}+)(?=[ \t]*(?:,|[.!?]|\Z))",
    re.IGNORECASE | re.VERSION1)


def _vocatives(text: str, spans: list[Span]) -> list[Span]:
    """Given names said to whom one speaks (see :data:`_VOCATIVE_RE`), first names the lists know, a word too ("John",
    "Jack", "Dawn"), no public word, month or day ("Yes, May." is kept), nothing found already."""
    out = []
    for m in _VOCATIVE_RE.finditer(text):
        key = fold(m.group("w"))
        if (key in folded_first_names() and key not in _MONTH_NAMES and key not in _DAY_NAMES
                and not is_public_word(m.group("w")) and not any(s.start < m.end("w") and m.start("w") < s.end for s in spans)):
            out.append(Span(m.start("w"), m.end("w"), "name"))
    return out


def _dates_of_birth(text: str, spans: list[Span]) -> list[Span]:
    names = [s for s in spans if s.kind == "name"]
    out = []
    for s in spans:
        if s.kind == "date" and any(n.end <= s.start and _AFTER_NAME_RE.match(text[n.end : s.start])
                                    and not _BYLINE_BEFORE_RE.search(text, max(0, n.start - 40), n.start) for n in names):
            s = Span(s.start, s.end, "date_of_birth")
        out.append(s)
    return out


# Punctuation said aloud in a transcript: a first name after a surname and "comma" ("under wilkinson comma jade"), the
# rest of a date after "dash" or "slash" ("12 dash 3 dash 2011"), and letters each said with "dot" ("j dot s dot").
_COMMA_NAME_AFTER_RE = lazy_compile(r"[ \t]+comma[ \t]+(?P<w>\p{L}+)(?![\p{L}'’\-])", re.IGNORECASE | re.VERSION1)
_SAID_DATE_REST_RE = lazy_compile(r"(?:[ \t]+(?:dash|slash|stroke)[ \t]+\d{1,4}(?!\d)){1,2}", re.IGNORECASE)
_LETTERS_DOTTED_RE = lazy_compile(r"(?<![\p{L}\p{N}])\p{L}(?:[ \t]+dot[ \t]+\p{L}){1,2}(?:[ \t]+dot)?(?![\p{L}\p{N}])(?![ \t]+(?:com|co|org|net|uk|gov)\b)",
                                re.IGNORECASE | re.VERSION1)


def _said_punctuation(text: str, spans: list[Span]) -> list[Span]:
    """Details whose punctuation is said as words (see :data:`_COMMA_NAME_AFTER_RE`): a name or a date widened over
    it, and letters said with "dot" after each, initials."""
    low = text.lower()
    if "comma" not in low and "dash" not in low and "slash" not in low and "stroke" not in low and " dot" not in low:
        return spans
    out = []
    for s in spans:
        if s.kind == "name" and (m := _COMMA_NAME_AFTER_RE.match(text, s.end)) and fold(m.group("w")) in folded_first_names():
            s = Span(s.start, m.end(), s.kind)
        elif s.kind in ("date", "date_of_birth") and (m := _SAID_DATE_REST_RE.match(text, s.end)):
            s = Span(s.start, m.end(), s.kind)
        out.append(s)
    if " dot" in low:
        out += [Span(m.start(), m.end(), "name") for m in _LETTERS_DOTTED_RE.finditer(text)
                if not any(s.start <= m.start() < s.end for s in spans)]
    return out


# A council's own words after its place's name ("Winchester City Council", "Breckland Council", "Huntingdonshire District
# Council"), not a council's estate, house or tax; and a compass word opening its name ("East Suffolk Council").
_COUNCIL_AFTER_RE = lazy_compile(
    r"[ \t]+(?:(?:Metropolitan[ \t]+Borough|County[ \t]+Borough|Royal[ \t]+Borough|Borough|City|County|District|Town|"
    r"Parish|Community)[ \t]+)?Council(?![\p{L}'’\-])(?![ \t]+(?i:estates?|houses?|homes?|flats?|tax|housing|propert(?:y|ies))\b)",
    re.VERSION1)
_COUNCIL_PLACES_JOINED_RE = lazy_compile(r"[ \t]+(?:and|&|with)[ \t]+", re.VERSION1)
_ONE_PLACE_WORD_RE = lazy_compile(r"\p{Lu}[\p{L}'’\-]+", re.VERSION1)
_COMPASS_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’\-])(?:North|South|East|West|Mid|Central)[ \t]+\Z", re.VERSION1)


def _councils_named(text: str, spans: list[Span]) -> list[Span]:
    """A name or a place found before a council's own words is the council's name, said as a council with them: a
    district's or a town's council the bundled list of councils with children's services does not hold ("Laura Okafor,
    Chief Executive, Winchester City Council" was "[name] City Council", "Breckland Council" "[place] Council"); a
    compass word opening a council's name goes with it ("East Suffolk Council" was "East [council]")."""
    out = []
    for s in spans:
        if s.kind in ("name", "place", "council") and text[s.start : s.start + 1].isupper():
            m = _COUNCIL_AFTER_RE.match(text, s.end)
            end = m.end() if m is not None else s.end
            if m is not None or s.kind == "council" and text[s.start : s.end].endswith("Council"):
                c = _COMPASS_BEFORE_RE.search(text, max(0, s.start - 10), s.start)
                s = Span(c.start() if c is not None else s.start, end, "council")
                # the first of two places a council is named by, one word as such a name's first is, goes with it
                # ("Newark and Sherwood Council" was "[name] and [council]"; "Blackburn with Darwen Borough Council";
                # "Jane Okafor and Breckland Council" stays a name and a council)
                first = next((p for p in [*out, *spans] if p.kind in ("name", "place", "council") and p.end < s.start
                              and _ONE_PLACE_WORD_RE.fullmatch(text, p.start, p.end)
                              and _COUNCIL_PLACES_JOINED_RE.fullmatch(text, p.end, s.start)), None)
                if first is not None:
                    s = Span(first.start, s.end, "council")
        out.append(s)
    return out


# A hospital called by its town's or council's name and the word its own name has after that ("born at Calderdale
# Royal", "admitted to Dewsbury General", "in Airedale General"): the hospital goes whole, as "Calderdale Royal
# Hospital" does; capitalised, and not before another capitalised word, a longer name's ("Leeds Royal Armouries").
_HOSPITAL_AFTER_PLACE_RE = lazy_compile(
    r"[ \t]+(?:Royal|General|Memorial|Cottage|Infirmary)(?![\p{L}\d'’\-])(?![ \t]+\p{Lu})", re.VERSION1)
# A football club's word after a council's name ("the Manchester United game", "a Leeds Rovers shirt"): the club is
# named by the place, and goes whole as the place, as a club named by a town does; "City", "Town" and "County" are
# left, as they follow a council's name in its own ("Leeds City Council", "the city centre").
_CLUB_AFTER_PLACE_RE = lazy_compile(
    r"[ \t]+(?:(?:United|Utd|Rovers|Wanderers|Athletic|Albion|Rangers|(?i:a?fc|rlfc|rufc|arlfc))(?![\p{L}\d])"
    # a rugby league's or another sport's club word, capitalised, before a word of the club's ("Wakefield Trinity club
    # shop", "a Leeds Rhinos shirt", "the Castleford Tigers academy"); not a council's own word ("Leeds City Council")
    r"|(?!(?:City|Town|County|Council|Borough|District|Metropolitan|Royal|General)\b)\p{Lu}\p{Ll}+"
    r"(?=[ \t]+(?i:club|clubhouse|fans?|supporters?|shirts?|kit|games?|match|ground|stadium|academy|squad|players?|season)\b)"
    # in lower case, only before a word of football ("the leeds united fans"; not "leeds united behind the plan", "bolton
    # and wigan united.")
    r"|(?:united|utd|rovers|wanderers|athletic|albion|rangers)(?=[ \t]+(?:fans?|supporters?|shirts?|kit|top|scarf|game|"
    r"match|ground|academy|squad|team|players?|women|ladies|under|u\d|season|v|vs)\b))",
    re.VERSION1)


# An initial's dot that ends the sentence too: the text's end, a line's, or a new sentence's capital after it.
# Two or more capitals, each with its dot, a space perhaps before or after it ("K.M.", "K. M.", "K . M ."): initials.
_DOTTED_INITIALS_RE = lazy_compile(r"(?<![\p{L}\p{N}.'’\-])\p{Lu}[ \t]?\.(?:[ \t]?\p{Lu}[ \t]?\.)+(?![\p{L}\p{N}])", re.VERSION1)
# Two or three capitals with their dots, spaced ("K. M.", "R . T . H ."), none of the outline's lone letter ("A.").
_SPACED_INITIALS_RE = lazy_compile(r"(?=[^ \t]*[ \t])\p{Lu}[ \t]?\.(?:[ \t]?\p{Lu}[ \t]?\.){1,2}", re.VERSION1)
# A lone letter with its dot listed after letters: the letters are labels ("Options A. B. and C. were discussed").
_LETTER_LABEL_AFTER_RE = lazy_compile(r"[ \t]*(?:,|and|or|&)[ \t]*\p{Lu}\.(?![ \t]?\p{Lu}\.)", re.VERSION1)
_INITIAL_STOP_RE = lazy_compile(r"(?<![\p{L}\p{N}.])\p{Lu}\.(?=[ \t]*(?:\r?\n|\Z)|[ \t]+[\p{Lu}\"“‘'])", re.VERSION1)


#: A title opening a name's span, before the name ("Mr Ahmed" found whole).
_TITLE_OPENING_RE = lazy_compile(rf"{_TITLE_WORD_RE.pattern}[ \t]+(?=\p{{L}})", re.VERSION1)
#: A possessive closing a name's span ("K's" found whole).
_POSSESSIVE_END_RE = lazy_compile(r"(?<=\p{L})['’]s\Z", re.VERSION1)
#: A place's span that is a person's setting, said by the person's possessive before a common noun ("M's school",
#: "Kai's nursery", "Baby K's nursery"): the person's initial or given name (``who``), after an infant's word perhaps.
_PERSONS_SETTING_RE = lazy_compile(
    r"(?:(?i:baby|infant|newborn|child)(?:[ \t]+(?i:boy|girl))?[ \t]+)?(?P<who>\p{Lu}{1,3}|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"['’]s[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?", re.VERSION1)
#: A word before a span that makes a possessive a place's own ("St Mary's school", "Queen Elizabeth's").
_PLACE_WORD_BEFORE_RE = lazy_compile(r"\p{Lu}\p{L}*\.?[ \t]+\Z", re.VERSION1)


def _of_their_kind(text: str, spans: list[Span]) -> list[Span]:
    """Each span under the token of what it is, and no more than the detail: a title before a name stays ("Mr [name]",
    not "[name] [name]"), a name's possessive stays ("Baby Girl [name]'s mum"), and a person's setting said by the
    person's possessive is the person's name ("child [name]'s school", not "child [place]").

    A title names no one, and a possessive or a common noun ("school") adds nothing a reader could trace; the kind of a
    token is what the reader is told the span was."""
    out: list[Span] = []
    for i, s in enumerate(spans):
        if s.kind == "name":
            after = spans[i + 1] if i + 1 < len(spans) else None
            if (_TITLE_WORD_RE.fullmatch(text, s.start, s.end) and after is not None and after.kind == "name"
                    and text[s.end : after.start].strip(" \t") == ""):
                continue  # "Mr" found apart before "Ahmed": the title stays
            if (m := _TITLE_OPENING_RE.match(text, s.start, s.end)) is not None:
                s = Span(m.end(), s.end, s.kind)  # "Mr Ahmed" found whole: "Mr [name]"
            if (m := _POSSESSIVE_END_RE.search(text, s.start, s.end)) is not None and m.start() > s.start:
                s = Span(s.start, m.start(), s.kind)  # "K's" found whole: "[name]'s"
        elif s.kind == "place" and any(start <= s.start < end and _LABELS_SETTING_RE.fullmatch(text, end, s.end)
                                       for start, end in _review_labels(text) if text[end - 1 : end] in "sS"):
            continue  # "Child B's school", "Young Person C's college": a review's label, kept, and a common noun
        elif (s.kind == "place" and (m := _PERSONS_SETTING_RE.fullmatch(text, s.start, s.end)) is not None
              and _PLACE_WORD_BEFORE_RE.search(text, max(0, s.start - 12), s.start) is None
              and (len(m.group("who")) <= 3 and m.group("who").isupper() or fold(m.group("who")) in folded_first_names()
                   and not is_public_word(m.group("who")))):
            s = Span(m.start("who"), m.end("who"), "name")  # "child M's school": the child's, "child [name]'s school"
        out.append(s)
    return out


def _sentence_stop_off(text: str, s: Span) -> Span:
    """A name ending in an initial whose dot ends the sentence too, without the dot: the full stop is the sentence's
    ("she lived with her partner, Mr E." gives "Mr [name].", not "Mr [name]"); so too a date ending in its month, the
    dot after it the sentence's ("She was born on 2 May." gives "born on [date of birth].", the stop kept)."""
    if s.kind == "name" and s.end - s.start >= 2 and _INITIAL_STOP_RE.match(text, s.end - 2) is not None:
        return Span(s.start, s.end - 1, s.kind)
    if (s.kind in ("date", "date_of_birth") and s.end - s.start >= 2 and text[s.end - 1] == "."
            and text[s.end - 2].isalpha() and (s.end == len(text) or text[s.end].isspace())):
        return Span(s.start, s.end - 1, s.kind)
    return s


def _spoken_to_place_names(text: str) -> set[tuple[int, int]]:
    """Where a given name that is a council's or a place's word too (:func:`place_given_names`) stands alone right
    after a verb that takes a person as its object ("spoke to", "talked with", "rang", "texted"): the person spoken to
    ("spoke to chelsea on the phone", "I rang Preston"); not the word inside a longer name ("spoke to Kensington and
    Chelsea": "and" before it), nor after a verb of going ("went to chelsea")."""
    names = place_given_names()
    found = set()
    for m in _LETTERS_RE.finditer(text):
        if (fold(m.group()) in names and m.group()[1:].islower()
                and _PERSON_OBJECT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) is not None):
            found.add(m.span())
    return found


_LETTERS_RE = lazy_compile(r"(?<![\p{L}\p{M}'’\-])\p{L}+(?![\p{L}\p{M}'’\-])", re.VERSION1)


def _merge(spans: list[Span]) -> list[Span]:
    """Merge overlapping detections into one; the kind of the longest (then by precedence) names it."""
    out: list[Span] = []
    group: list[Span] = []
    end = -1
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if group and s.start < end:
            group.append(s)
            end = max(end, s.end)
            continue
        if group:
            out.append(_one(group, end))
        group, end = [s], s.end
    if group:
        out.append(_one(group, end))
    return out


def _one(group: list[Span], end: int) -> Span:
    best = min(group, key=lambda s: (-(s.end - s.start), _PRIORITY[s.kind]))
    return Span(group[0].start, end, best.kind)


@cache
def _redactor(names: tuple[str, ...], places: tuple[str, ...], councils: tuple[str, ...] | None, keep: tuple[str, ...]) -> _Redactor:
    return _Redactor(names, places, _default_councils() if councils is None else councils, keep)


def _clean(values: Iterable[object] | None, argument: str) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        raise TypeError(f"`{argument}` must be a list of strings, not a single string {values!r}.")
    return tuple(sorted({str(v).strip() for v in values if not pd.isna(v) and str(v).strip()}))


_LOG_COLUMNS = ["kind", "start", "end", "length", "new_start", "new_end"]


def _apply(text: str, spans: list[Span], hash_key: bytes | None) -> tuple[str, list[dict]]:
    out: list[str] = []
    rows: list[dict] = []
    pos = 0
    new_pos = 0
    for s in spans:
        out.append(text[pos : s.start])
        new_pos += s.start - pos
        token = REDACTION_TOKENS[s.kind]
        row = {"kind": s.kind, "start": s.start, "end": s.end, "length": s.end - s.start,
               "new_start": new_pos, "new_end": new_pos + len(token)}
        if hash_key is not None:
            row["value_hash"] = keyed_hash(text[s.start : s.end], key=hash_key, kind="redaction")[:16]
        rows.append(row)
        out.append(token)
        new_pos += len(token)
        pos = s.end
    out.append(text[pos:])
    return "".join(out), rows


def _log_frame(rows: list[dict], hashed: bool, unit: bool) -> pd.DataFrame:
    columns = (["unit"] if unit else []) + _LOG_COLUMNS + (["value_hash"] if hashed else [])
    data: dict[str, object] = {}
    for c in columns:
        values = [r[c] for r in rows]
        if c in ("start", "end", "length", "new_start", "new_end"):
            data[c] = np.asarray(values, dtype="int64")
        elif c == "unit":
            data[c] = pd.Series(values, dtype=object)
        else:
            data[c] = text_series(values)
    return pd.DataFrame(data, columns=columns)


def redact_series(
    texts: pd.Series,
    *,
    names: Iterable[str] = (),
    places: Iterable[str] = (),
    councils: Iterable[str] | None = None,
    keep: Iterable[str] = KEEP_PHRASES,
    hash_key: bytes | str | None = None,
) -> tuple[pd.Series, pd.DataFrame]:
    """Redact every text of a Series (patterns compiled once).

    Parameters
    ----------
    texts : Series of str
        Missing values stay missing.
    names, places, councils, keep, hash_key
        As for :func:`redact`.

    Returns
    -------
    redacted : Series
        Same index as ``texts``.
    log : DataFrame
        As for :func:`redact`, with a first column ``unit`` holding the index
        label of the text.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.Series(["Call 07700 900123.", "Fine."], index=["q1", "q2"])
    >>> red, log = redact_series(s, councils=())
    >>> red.tolist()
    ['Call [phone].', 'Fine.']
    >>> log[["unit", "kind", "start", "end"]].values.tolist()
    [['q1', 'phone', 5, 17]]
    """
    if not isinstance(texts, pd.Series):
        raise TypeError(f"`texts` must be a pandas Series, not {type(texts).__name__}.")
    engine = _redactor(_clean(names, "names"), _clean(places, "places"),
                       None if councils is None else _clean(councils, "councils"), _clean(keep, "keep"))
    secret = None if hash_key is None else resolve_key(hash_key)
    out: list[object] = []
    rows: list[dict] = []
    for unit, text in texts.items():
        if pd.isna(text):
            out.append(text)
            continue
        if not isinstance(text, str):
            raise TypeError(f"`texts` must hold strings; the value at {unit!r} is {type(text).__name__}.")
        new, found = _apply(text, engine.find(text), secret)
        out.append(new)
        rows += [{"unit": unit, **r} for r in found]
    redacted = text_series(out, index=texts.index, name=texts.name)
    return redacted, _log_frame(rows, secret is not None, unit=True)


def redact(
    text: str,
    *,
    names: Iterable[str] = (),
    places: Iterable[str] = (),
    councils: Iterable[str] | None = None,
    keep: Iterable[str] = KEEP_PHRASES,
    hash_key: bytes | str | None = None,
) -> tuple[str, pd.DataFrame]:
    """Replace names, contact details, postcodes, places and dates of birth.

    Parameters
    ----------
    text : str
    names : iterable of str
        Real names of the study's participants (``participants.name``); the
        full names and each capitalised part are redacted.
    places : iterable of str
        Place names to redact as ``[place]`` (estates, schools, towns ...).
    councils : iterable of str, optional
        Council names to redact as ``[council]``.  Default (``None``): every
        English council in :func:`impact.councils.council_list` with its name
        variants; ``()`` redacts none.
    keep : iterable of str
        Phrases never redacted; default :data:`KEEP_PHRASES`.
    hash_key : bytes or str, optional
        Add a ``value_hash`` column (keyed hash of each redacted value).

    Returns
    -------
    redacted : str
    log : DataFrame
        One row per redaction: ``kind``, ``start``, ``end`` (offsets in
        ``text``), ``length``, ``new_start``, ``new_end`` (offsets of the
        token in ``redacted``) and, with ``hash_key``, ``value_hash``.  The
        original values are never in the log.

    Raises
    ------
    TypeError
        If ``names``, ``places`` or ``councils`` is a single string.

    Examples
    --------
    >>> red, log = redact("Email Sarah Jones at s.jones@hr.leeds.gov.uk or call 0113 496 0000.")
    >>> red
    'Email [name] at [email] or call [phone].'
    >>> log["kind"].tolist()
    ['name', 'email', 'phone']
    >>> redact("We hope Will can come to North Yorkshire, not York.", councils=["North Yorkshire", "York"])[0]
    'We hope [name] can come to [council], not [council].'
    """
    if not isinstance(text, str):
        raise TypeError(f"`text` must be a str, not {type(text).__name__}.")
    engine = _redactor(_clean(names, "names"), _clean(places, "places"),
                       None if councils is None else _clean(councils, "councils"), _clean(keep, "keep"))
    secret = None if hash_key is None else resolve_key(hash_key)
    new, rows = _apply(text, engine.find(text), secret)
    return new, _log_frame(rows, secret is not None, unit=False)
