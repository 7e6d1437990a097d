"""Thirty-third red-team round: sentences written in Welsh, two of round 32's open forms, and 53 new hostile forms.

Welsh as a kind (``_WELSH_GATHERED``, ``_WELSH_NAMES``).  A sentence in Welsh had its capitalised first word and its
Welsh words that English lists hold as first names redacted ("Roedd hi yn sâl ddoe." was "[name] hi yn [name] ddoe.").
The redactor now ships the 2,434 most frequent Welsh word forms, mutated forms among them
(``impact/_data/wordlists/welsh_frequent.txt``: Geiriau Mwyaf Aml, Canolfan Bedwyr, Bangor University, Apache-2.0),
and reads a sentence in which two or more of its words are Welsh and no English word, more than its English words, as Welsh:
:func:`impact.privacy._names.welsh_sentence_words`.  There a Welsh word in lower case or opening the sentence is the
word, a capitalised word inside the sentence stays a name ("Roedd Dafydd yn sâl"), and a word that is a first name too
("sâl", Sal) is the word only after "yn" or "'n".  Measured on 38 sentences taken from Welsh Government, Senedd and
council pages (the address beside each): before, 36 of 38 changed, 53 redactions in 400 words; now 6 changed, 6
redactions (``_WELSH_STILL_REDACTED``, open: a title or the first word of a sentence the list does not hold).  Names
in Welsh sentences are redacted before and after, and no more words with them (``_WELSH_NAMES``).

Round 32's open forms closed (``_FROM_ROUND_32``): a reference's figures after the name it is for ("case ref jayden
2231"); a name whose vowel is a "y" between consonants ("kyla").  Three stay open there.

Red team (``_RED_TEAM``, ``_HELD``, ``_OPEN``, and "tyla", "ref Tyler 88213" beside round 32's): 53 new forms written
for this round, 9 leaked before and are exact now (one or two particles of a European surname in lower case after the
first name: "jean-pierre van der berg"; a house number with its letter before "the" and the street's name: "they're at
7b the parade"; a one-word school's name closed up from an English word and a word of the land: "hillside primary"; a
word after "a mate called" ending the phrase: "a mate called tank"; a reference's figures after a name: "ref Tyler
88213"; "tyla"), 37 were redacted so before, 7 stay open with a line each (5 leaks, 2 Welsh over-redactions).  Words
that look like names in English and Welsh stay (``_KEPT``).
"""

from __future__ import annotations

import pytest

from impact.privacy._names import welsh_sentence_words

from . import _rounds
from ._rounds import assert_kept, xfail_open

# Real Welsh sentences, no person named in them (each was changed before: 36 of these 38 sentences had 53 words
# redacted); the page each is from beside it.
_SENEDD_2019 = "https://cy.matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2019-03-27.11.181811.h"
_SENEDD_2018 = "https://cy.matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2018-09-19.1.115935"
_VALE = ("https://valeofglamorgan.gov.uk/StaffnetPlus/cy/Staff-News-Stories/2021/October/"
         "Calling-all-parents-and-carers-who-use-childcare-in-Wales.aspx")
_CARDIFF = ("https://www.cardiff.gov.uk/CYM/preswylydd/Ysgolion-a-dysgu/Ysgolion/"
            "cwestiynau-cyffredin-i-rieni-a-disgyblion/Pages/default.aspx")
_TORFAEN = "https://torfaenfis.org.uk/cy/test-page-welsh/"
_BRIDGEND = "https://democratic.bridgend.gov.uk/mgAi.aspx?ID=14579&LLL=1"
_FINCH = ("https://janetfinchsaunders.org.uk/news/"
          "covid-19-gweinidog-plant-phobl-ifanc-yr-wrthblaid-yn-canmol-gwaith-athrawon-gwarchodwyr-plant")
_WELSH_GATHERED = [
    ("Mae rôl statudol sylfaenol diogelu lles plant yng Nghymru yn nwylo awdurdodau lleol.", "https://cyfraith.llyw.cymru/diogelu"),
    ("Gall ceisiadau am y cyfryw orchmynion gael eu gwneud gan swyddog awdurdod lleol.", "https://cyfraith.llyw.cymru/diogelu"),
    ("Mae hwn yn gyfraniad cadarnhaol a negyddol i ddadl sydd angen inni ei chael.", _SENEDD_2019),
    ("Felly, credaf fod hwnnw'n fan cychwyn da.", _SENEDD_2019),
    ("Ceir cymaint o fylchau yn y system.", _SENEDD_2019),
    ("Mae angen inni gael gwell polisïau a gweithdrefnau i lenwi'r bylchau hynny.", _SENEDD_2019),
    ("Mae'n ymwneud â'r system.", _SENEDD_2019),
    ("Nid yw gweithwyr cymdeithasol yn cael digon o adnoddau ac maent yn cael gormod o waith.", _SENEDD_2019),
    ("Mae gormod o bwysau arnynt.", _SENEDD_2019),
    ("Gadewch inni edrych ar blant mewn gofal.", _SENEDD_2019),
    ("Iawn. Diolch.", _SENEDD_2019),
    ("Rwy'n credu hefyd bod consensws y dylai plant, os oes modd, gael cymorth i fod gyda'u teuluoedd biolegol.",
     "https://cy.matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2019-07-02.5.209587.h"),
    ("Roedd yn wych gweld y gymuned yn dod at ei gilydd.",
     "https://cy.matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2018-06-27.2.104349"),
    ("Os gall un awdurdod lleol ei wneud, yna gallai llawer o rai eraill ei wneud hefyd.",
     "https://cy.matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2018-06-27.2.104349"),
    ("Rhaid i mi siarad ar ran llawer o weithwyr cymdeithasol.",
     "https://cy.matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2019-03-27.11.181882"),
    ("Rydym ar hyn o bryd yn cynnal amrywiaeth o ymgynghoriadau gydag amrywiaeth o randdeiliaid.", _VALE),
    ("Bydd unrhyw bylchau a nodwyd wedyn yn llywio cynllun gweithredu i gefnogi gofal plant yn y dyfodol.", _VALE),
    ("Rydyn ni eisiau deall mwy am y gofal plant sydd ei angen arnoch.", _VALE),
    ("Byddwch mor agored a gonest â phosibl.", _VALE),
    ("Mae ysgolion yn gwneud trefniadau yn ôl eu hamgylchiadau eu hunain.", _CARDIFF),
    ("Mae hyn oherwydd y sefyllfa ddifrifol yng Nghymru.", _CARDIFF),
    ("Nid oes raid i rieni ddechrau eu hawl i addysg gynnar.", _TORFAEN),
    ("Ni fydd cyllid yn ôl.", _TORFAEN),
    ("Fodd bynnag, bydd eu hawl yn cynnwys yr oriau hyn.", _TORFAEN),
    ("Roedd y penwythnos diwethaf wrth gwrs yn gyfnod o goffa.", _BRIDGEND),
    ("Roedd yn dipyn o olygfa gweld un cerbyd yn llawn torchau pabi.", _BRIDGEND),
    ("Edrychaf ymlaen at y ceisiadau niferus.", _BRIDGEND),
    ("Maen nhw'n rhoi cymorth amhrisiadwy i'n staff rheng flaen.", _FINCH),
    ("Mae'n hollbwysig ein bod ni'n dal i gyfathrebu gyda'n gilydd yn ystod y cyfnod hwn.", _FINCH),
    ("Dyw plant ddim yn derbyn yr addysg y mae eu rhieni'n dymuno.", "https://plaidsirgaerfyrddin.blogspot.com/2008/"),
    ("Mae'r adroddiad yn tanlinellu'r angen i ystyried pob ysgol yn unigol cyn dod i benderfyniad.",
     "https://plaidsirgaerfyrddin.blogspot.com/2008/"),
    ("Wel, rŷm ni yn annog aelodau i ddysgu Cymraeg ac mae llawer o gyfleoedd iddyn nhw.", _SENEDD_2018),
]
# Closed by round 35 (``_WELSH_CLOSED_BY_ROUND_35``): a Welsh plural whose stem the frequent list does not hold, opening
# the sentence ("Egwyddorion", principles, from "egwyddor").  Closed by round 34 (``_WELSH_CLOSED_BY_ROUND_34``): Welsh offices and bodies with their
# mutated forms ("Senedd", "Weinidog", "Dirprwy Lywydd", "Ysgrifennydd Parhaol") and a verb with a regular ending on a
# listed stem opening the sentence ("Dilynwch", from "dilyn").
_WELSH_STILL_REDACTED: list[tuple[str, str]] = []
_WELSH_CLOSED_BY_ROUND_35 = [
    ("Egwyddorion sylfaenol y Ddeddf yw llais a rheolaeth.",
     "https://cyfraith.llyw.cymru/deddf-gwasanaethau-cymdeithasol-llesiant-cymru-2014"),
]
_WELSH_CLOSED_BY_ROUND_34 = [
    ("Mae amddiffyn a lles plant yn fater a ddatganolwyd i Senedd Cymru.", "https://cyfraith.llyw.cymru/diogelu"),
    ("Weinidog, nid yw'r status quo yn gweithio.", _SENEDD_2019),
    ("Diolch yn fawr iawn, Dirprwy Lywydd.",
     "https://cy.matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2019-07-02.5.209587.h"),
    ("Dilynwch ni ar Facebook am ddiweddariadau byw ar y Cynnig.", _TORFAEN),
    ("Fe wnes i gyfarfod â'r Ysgrifennydd Parhaol ddoe i drafod hynny.", _SENEDD_2018),
]

# Names in Welsh sentences: redacted, and the Welsh words beside them kept (each marked as it came out before).
_WELSH_NAMES = [
    ("Roedd Dafydd yn sâl", "Roedd [name] yn sâl"),  # was '[name] yn [name]'
    ("Mae Siân Jones yn gweithio yn yr ysgol.", "Mae [name] yn gweithio yn yr ysgol."),  # was '[name] yn gweithio ...'
    ("Mae Gwen yn sâl.", "Mae [name] yn sâl."),  # was '[name] yn [name].'
    ("roedd gareth yn sâl ddoe", "roedd [name] yn sâl ddoe"),  # was 'roedd [name] ddoe'
    ("Mae Jac yn yr ysgol gyda Ffion.", "Mae [name] yn yr ysgol gyda [name]."),  # was '[name] yn yr [place].'
    ("Dywedodd Sarah fod y plant yn hapus.", "Dywedodd [name] fod y plant yn hapus."),  # was '[name] fod y plant ...'
    ("Aeth Beth i'r ysgol.", "Aeth [name] i'r ysgol."),  # was "[name] i'r ysgol."
    ("Mae Ffion yn ei chael hi'n anodd yn yr ysgol.", "Mae [name] yn ei chael hi'n anodd yn yr ysgol."),
    ("Roedd ei mam, Rhian, yn poeni.", "Roedd ei mam, [name], yn poeni."),  # was '[name] ei mam, [name], yn poeni.'
    ("Dywedodd Mrs Evans fod y plentyn yn hapus.", "Dywedodd Mrs [name] fod y plentyn yn hapus."),
    ("Mae Tomos yn byw gyda'i nain.", "Mae [name] yn byw gyda'i nain."),  # was "[name] yn byw gyda'i nain."
    ("Roedd Jayden Smith yn sâl ddoe.", "Roedd [name] yn sâl ddoe."),  # was '[name] yn [name] ddoe.'
    ("Mae'r gweithiwr cymdeithasol, Bethan Hughes, wedi helpu'r teulu.",
     "Mae'r gweithiwr cymdeithasol, [name], wedi helpu'r teulu."),  # was '[name] gweithiwr cymdeithasol, [name], ...'
    ("Ei rhif ffôn yw 07700 900123.", "Ei rhif ffôn yw [phone]."),  # was '[name] rhif ffôn yw [phone].'
    ("Mae hi'n byw yn 12 Heol y Felin.", "Mae hi'n byw yn [address]."),
]
_WELSH_KEPT = [
    "Roedd hi yn sâl ddoe.",  # was '[name] hi yn [name] ddoe.'
    "Mae'r plant yn hapus iawn.",  # was '[name] plant yn hapus iawn.'
    "Roedd y teulu yn poeni am y plant.", "Mae hi'n sâl heddiw.",
]

# Round 32's open forms closed here, with more of each shape (each marked as it came out before).
_FROM_ROUND_32 = [
    ("the file says case ref jayden 2231", "the file says case ref [name] [reference]"),  # was '... [name] 2231'
    ('the case note says "seen kyla at home"', 'the case note says "seen [name] at home"'),  # was kept
    ("we saw tyla at school", "we saw [name] at school"),  # was kept
    ("ref Tyler 88213 closed", "ref [name] [reference] closed"),  # was 'ref [name] 88213 closed'
]

_RED_TEAM = [
    ("her dad, jean-pierre van der berg, rang", "her dad, [name], rang"),  # was 'her dad, [name] van der berg, rang'
    ("her dad, Jean-Pierre van der Berg, rang", "her dad, [name], rang"),  # was 'her dad, [name] van der Berg, rang'
    ("they're at 7b the parade now", "they're at [address] now"),  # was kept
    ("she's at 12a the crescent", "she's at [address]"),  # was kept
    ("the twins go to hillside primary", "the twins go to [place] primary"),  # was kept
    ("he's got a mate called tank", "he's got a mate called [name]"),  # was kept
    ("a friend called tank, who is 14, was there", "a friend called [name], who is [age], was there"),  # was '... tank, ...'
]

_HELD = [
    ("Ana dos Santos came to the review", "[name] came to the review"),
    ("marco di stefano rang the office", "[name] rang the office"),
    ("she's at parkside nursery", "she's at [place]"),
    ("he goes to brookfield primary", "he goes to [place]"),
    ("the boy's called d'andre", "the boy's called [name]"),
    ("she's called zoë-mae o'keeffe", "she's called [name]"),
    ("his name is 王伟 and he's new", "his name is [name] and he's new"),
    ("her mum, Мария Иванова, came in", "her mum, [name], came in"),
    ("the girl, أمينة, is nine", "the girl, [name], is [age]"),
    ("we called him little man but his name's reuben", "we called him little man but his name's [name]"),
    ("her brother summer-lee came too", "her brother [name] came too"),
    ("Mr De'Ath came to the review", "Mr [name] came to the review"),
    ("her date of birth is 03.07.2012", "her date of birth is [date of birth]"),
    ("dob 3/7/12", "dob [date of birth]"),
    ("born 2012-07-03", "born [date of birth]"),
    ("she lives on flat 2, 14 acacia avenue", "she lives on [address], [address]"),
    ("the postcode is cf10 1aa", "the postcode is [postcode]"),
    ("ring her on +44 7700 900123", "ring her on [phone]"),
    ("his mobile is 07700-900-123", "his mobile is [phone]"),
    # a valid NHS number (check digit 9: stdnum.gb.nhs.is_valid("9434765919")) with spaces and without
    ("his nhs number is 943 476 5919", "his nhs number is [NHS number]"),
    ("nhs no. 9434765919", "nhs no. [NHS number]"),
    ("email jade.smith@gmail.com about it", "email [email] about it"),
    ("her insta is @kayls_x", "her insta is [handle]"),
    ("she's in year 4 at st teilo's with her brother", "she's in year 4 at [place] with her brother"),
    ("he goes to ysgol gymraeg bro morgannwg", "he goes to [place]"),
    ("her son, Will, is doing well", "her son, [name], is doing well"),
    ("the baby, Rain, was born early", "the baby, [name], was born early"),
    ("his ni number is QQ 12 34 56 C", "his ni number is [NI number]"),
    ("the boy is called ilyas al-hashimi", "the boy is called [name]"),
    ("his carer, Siobhán Ní Bhriain, rang", "his carer, [name], rang"),
    ("mum's name is precious", "mum's name is [name]"),
    ("she was born 29th feb 2012", "she was born [date of birth]"),
    ("he's at bryn coch primary", "he's at [place]"),
    ("their number is zero seven seven double oh nine double oh one two three", "their number is [phone]"),
    ("she's on snap as kayleigh.x.22", "she's on snap as [handle]"),
    ("her email is kayla (at) gmail (dot) com", "her email is [email]"),
    ("text her at 07700900123", "text her at [phone]"),
]

# Still leaking or over-redacted (measured when written); strict, so closing one is seen.  Closed by round 35
# (``_OPEN_CLOSED_BY_ROUND_35``): a first name that is a word opening a sentence before a verb, where a second clause
# opens so with a name found that is a word too.
_OPEN: list[tuple[str, str]] = []
_OPEN_CLOSED_BY_ROUND_35 = [
    ("Hope was there but Faith didn't come", "[name] was there but [name] didn't come"),
]
# Closed by round 34: a handle's dots no longer end the clause a platform is named in; a particle before a surname
# found alone; a tenement flat's floor and door before the house number; a Welsh verb's ending on a listed stem; "yr
# ysgol" (the school) before a Welsh word, the common noun and its adjective; a place's name in lower case ending the
# phrase after what a relation or a worker is called.
_OPEN_CLOSED_BY_ROUND_34 = [
    ("he posts as tyler.b.2009 on tiktok", "he posts as [handle] on tiktok"),
    ("her surname's dos santos, first name ana", "her surname's [name], first name [name]"),
    ("the flat is 3/2, 45 kelvin street", "the flat is [address]"),
    ("Siaradais â Gethin ddoe.", "Siaradais â [name] ddoe."),
    ("Mae Kayleigh yn hapus yn yr ysgol newydd.", "Mae [name] yn hapus yn yr ysgol newydd."),
    ("her friend's called london", "her friend's called [name]"),
]

_KEPT = [
    "a friend called round yesterday", "a man called back", "a friend called in.", "the man called back",
    "we were at 7 the next day", "it was 4 the whole time", "he goes to outside school", "she went to boarding school",
    "she goes to the local primary", "he works alongside school staff", "see reference 12 in the notes",
    "the ref was 2019", "we saw cyps at school", "the case note says seen at home", "tom la la land",
    "he's at ysgol all week", "the canolfan in town is shut",
]


@pytest.mark.parametrize(("text", "source"), _WELSH_GATHERED + _WELSH_CLOSED_BY_ROUND_34 + _WELSH_CLOSED_BY_ROUND_35)
def test_welsh_sentences_gathered_are_kept(text, source):
    assert_kept(text)


@pytest.mark.parametrize(("text", "source"), _WELSH_STILL_REDACTED)
def test_welsh_sentences_left_open(text, source):
    xfail_open(text, text, "_WELSH_GATHERED")


def test_the_welsh_measure_is_as_written():
    # 38 sentences of 400 words: 32 kept in round 33, 37 since round 34, all 38 since round 35 (before: 36 of 38
    # changed, 53 words redacted)
    texts = [t for t, _ in _WELSH_GATHERED + _WELSH_STILL_REDACTED + _WELSH_CLOSED_BY_ROUND_34 + _WELSH_CLOSED_BY_ROUND_35]
    assert len(texts) == 38 == len(set(texts)) and sum(len(t.split()) for t in texts) == 400


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(
    _WELSH_NAMES + _FROM_ROUND_32 + _RED_TEAM + _HELD + _OPEN_CLOSED_BY_ROUND_34 + _OPEN_CLOSED_BY_ROUND_35
)


test_words_that_look_like_names_are_kept = _rounds.kept(_WELSH_KEPT + _KEPT)


def test_a_welsh_sentence_keeps_its_words_and_not_a_name_inside_it():
    text = "Roedd Dafydd yn sâl"
    assert [text[a:b] for a, b in welsh_sentence_words(text)] == ["Roedd", "yn", "sâl"]
    # an English sentence with one Welsh word in it is no Welsh sentence
    assert welsh_sentence_words("she goes to the canolfan on fridays") == []
    # nor is one with two Welsh words and more English ones (a name with a Welsh particle and word: "ap gwyn")
    assert welsh_sentence_words("the boy's called rhodri ap gwyn") == []
    # a listed participant's name part stays a name, even as a Welsh word ("Gwyn", white)
    text = "Mae Gwyn yn wyn"
    assert [text[a:b] for a, b in welsh_sentence_words(text, frozenset({"gwyn"}))] == ["Mae", "yn", "wyn"]


def test_the_counts_are_as_written():
    new = _RED_TEAM + _HELD + _OPEN + _OPEN_CLOSED_BY_ROUND_34 + _OPEN_CLOSED_BY_ROUND_35 + _FROM_ROUND_32[2:]  # "tyla", "ref Tyler 88213" too
    assert len(new) == 53 and len({t for t, _ in new}) == 53
    assert (len(_RED_TEAM) + 2, len(_HELD), len(_OPEN + _OPEN_CLOSED_BY_ROUND_34 + _OPEN_CLOSED_BY_ROUND_35)) == (9, 37, 7)


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
