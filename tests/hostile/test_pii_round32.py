"""Thirty-second red-team round: the four forms rounds 29-31 left open, two over-redactions met and not kept as tests,
and names in spoken and written forms of transcripts (e-mail addresses and handles said aloud, initials with dots,
names in files and case references, names spelt out, "o'" and double surnames in lower case, titles with no full stop,
"SW Jane", Welsh and Irish forms, "our Kayleigh", names beside songs and films, house numbers with the street in lower
case, dates of birth in words).

Open forms closed, none by a list of their words (``_FROM_EARLIER_ROUNDS``):

* a verb closed up with a particle is a noun of a thing done or a time, not a place's name ("born in lockdown":
  ``impact.privacy._detect.thing_done_closed_up``, "lock" + "down", as "sleepover", "shutdown"; "andover" is not one);
* a word ending a phrase after a Welsh kind of setting and "in" is the village's name, unless English says it bare
  ("in town") or as an idiom ("in question") ("the canolfan in tumble", "the canolfan in hook");
* an English word after a possessive and a blood relation, before what a person does, is a name ("her nan jubilee came
  round"; not "her nan then came", "her nan upstairs came down", "the iro service chaired it");
* a word after a Welsh word that mutates it ("ei", "fy", "gyda" ...) that changes back to a common Welsh word or a word
  for kin is that word, and so is a common Welsh word just before ("ei thad": "tad", father, not Thad; "mae ei thad yn
  gweithio": "mae" was read as the name Mae): ``impact.privacy._names.welsh_mutated_words``.

Over-redactions met and fixed (``_MET``): a setting named after "to" where "to" follows a verb of asking or telling
and its object ("we asked the school to play music": was "to [place]"); a name after "a" or "an" before a word for an
organisation ("a Russell Group university": was "a [name] Group", and "a [detail] university" in lower case).  The
same words where a person stands stay redacted (``_MET_TRAPS``).

Of the 100 sentences written for this round 7 came out differently before, all leaks, now closed (``_RED_TEAM``):
initials with dots that spell a word with no vowel after a verb of signing ("initialled K.M.") or after "wrote it as";
letters said with "dot" ("j dot s dot"); a surname and a first name joined by a spoken "comma", a date's rest by
"dash"; a first name before "at" just after "his email is" ("tom at tomjones dot com"); a nickname in quotes after
"the boy we called".  88 were redacted so before (``_HELD``); 5 are left open (``_OPEN``, a line on each).  80
sentences whose words look like names but are not (``_KEPT``) are kept, before and after.
"""

from __future__ import annotations

from . import _rounds

# Open forms of rounds 29-31, closed here, with more of each shape (each marked came out so before).
_FROM_EARLIER_ROUNDS = [
    ("he was born in lockdown, april 2020", "he was born in lockdown, [date of birth]"),  # was 'he was born in [place], [date of birth]'
    ("he goes to the youth club at the canolfan in tumble", "he goes to the youth club at the canolfan in [place]"),  # was kept
    ("she goes to the canolfan in hook", "she goes to the canolfan in [place]"),  # was kept
    ("her nan jubilee came round", "her nan [name] came round"),  # was kept
    ("his uncle rocky said no", "his uncle [name] said no"),  # was kept
    ("her auntie blossom rang", "her auntie [name] rang"),  # was kept
    ("dwi'n nabod ei thad, gareth", "dwi'n nabod ei thad, [name]"),  # was "dwi'n nabod ei [name], [name]"
    ("ei thad hi, gareth, sy'n helpu", "ei thad hi, [name], sy'n helpu"),  # was "ei [name] hi, [name], sy'n helpu"
]
_FROM_EARLIER_KEPT = [
    "she was born in lockdown",  # was 'she was born in [place]'
    "mae ei thad yn gweithio",  # was '[name] ei [name] yn gweithio'
    "mae ei phlant yn hapus",  # was '[name] ei phlant yn hapus'
    "dwi'n nabod ei thad",  # was "dwi'n nabod ei [name]"
    "the canolfan in town is shut", "her nan then came round", "her mum support worker came",
]

# Over-redactions met in use (the sentences rebuilt), and more of each kind: kept now, each marked was redacted before.
_MET = [
    "we asked the school to play music",  # was 'we asked the school to [place]'
    "He went to a Russell Group university.",  # was 'He went to a [name] Group university.'
    "he went to a russell group university",  # was 'he went to a [detail] university'
    "she wants a Russell Group place",  # was 'she wants a [name] Group place'
    "she wants an Ellis Trust grant",  # was 'she wants an [name] Trust grant'
    "we asked the school to send the letter", "they told the nursery to ring us", "the head asked the school to play a video",
]
# The same words where a setting or a person stands: redacted, before and after.
_MET_TRAPS = [
    ("we asked the school to move him to little acorns", "we asked the school to move him to [place]"),
    ("we moved her from the school to little acorns", "we moved her from the school to [place]"),
    ("she's in a group with Russell", "she's in a group with [name]"),
    ("Russell's group meets on tuesdays", "[name]'s group meets on tuesdays"),
    ("the Russell group meets on tuesdays", "the [name] group meets on tuesdays"),
    ("there was a Russell in her group", "there was a [name] in her group"),
]

_RED_TEAM = [
    ('the note was initialled K.M.', 'the note was initialled [name]'),  # was 'the note was initialled K.M.'
    ('we wrote it as R.T. in the minutes', 'we wrote it as [name] in the minutes'),  # was 'we wrote it as R.T. in the minutes'
    ('it was j dot s dot on the form', 'it was [name] on the form'),  # was 'it was j dot s dot on the form'
    ("the boy we called 'tinker' was kyle", "the boy we called '[name]' was [name]"),  # was "the boy we called 'tinker' was [name]"
    ('her dob is 12 dash 3 dash 2011', 'her dob is [date of birth]'),  # was 'her dob is [date of birth] dash 3 dash 2011'
    ('the file is under wilkinson comma jade', 'the file is under [name]'),  # was 'the file is under [name] comma jade'
    ('his email is tom at tomjones dot com', 'his email is [email]'),  # was 'his email is tom at [email]'
    # open in round 32, closed in round 33 (tests/hostile/test_pii_round33.py)
    ('the file says case ref jayden 2231', 'the file says case ref [name] [reference]'),
    ('the case note says "seen kyla at home"', 'the case note says "seen [name] at home"'),
]

_HELD = [
    ('her email is jade dot smith at gmail dot com', 'her email is [email]'),
    ('you can email him on kyle underscore jones at hotmail dot co dot uk', 'you can email him on [email]'),
    ("it's danielle dot price at outlook", "it's [email]"),
    ('his snapchat is tyler underscore b 2009', 'his snapchat is [handle]'),
    ('her insta is at kayleigh dot x', 'her insta is at [handle]'),
    ('the form was signed J.S. at the bottom', 'the form was signed [name] at the bottom'),
    ("the folder's called kayla_jones_cp", "the folder's called [name]"),
    ("it's saved as ellis-smith-referral.docx", "it's saved as [name]"),
    ('she spelt it out, t-a-n-i-s-h-a', 'she spelt it out, [name]'),
    ("that's b for bravo, r, o, o, k, e", "that's [name]"),
    ("it's k-y-r-o-n, with a y", "it's [name], with a y"),
    ("we spoke to mrs o'neill about it", 'we spoke to mrs [name] about it'),
    ("the o'connor boys were at the door", 'the [name] boys were at the door'),
    ('mr smith-jones rang the office', 'mr [name] rang the office'),
    ('her surname is smith-jones now', 'her surname is [name] now'),
    ('the mcdonagh family moved out', 'the [name] family moved out'),
    ('i rang mr patel on tuesday', 'i rang mr [name] on tuesday'),
    ('mrs begum came in with the baby', 'mrs [name] came in with the baby'),
    ('ms okonkwo said no', 'ms [name] said no'),
    ('miss howells was her teacher', 'miss [name] was her teacher'),
    ('mr and mrs kowalczyk were both there', 'mr and mrs [name] were both there'),
    ('SW Jane came out on the Monday', 'SW [name] came out on the Monday'),
    ('his sw, dean, is new', 'his sw, [name], is new'),
    ('our SW Bernadette left in March', 'our SW [name] left in March'),
    ('the IRO, Lucinda, chaired it', 'the IRO, [name], chaired it'),
    ("dafydd's mam came to the meeting", "[name]'s mam came to the meeting"),
    ('the boy is called siôn', 'the boy is called [name]'),
    ('his sister is called ffion', 'his sister is called [name]'),
    ('her brother is seán', 'her brother is [name]'),
    ('the girl is called gráinne', 'the girl is called [name]'),
    ('we met with pádraig and his wife', 'we met with [name] and his wife'),
    ('our kayleigh has been in trouble again', 'our [name] has been in trouble again'),
    ("our jayden's started school", "our [name]'s started school"),
    ("she calls him our kid, his name's bradley", "she calls him our kid, his name's [name]"),
    ('everyone calls her kayls', 'everyone calls her [name]'),
    ('they call him jonno at school', 'they call him [name] at school'),
    ('her nickname is bex', 'her nickname is [name]'),
    ('he sang let it go with his sister elsa', 'he sang let it go with his sister [name]'),
    ("she was named after the song, her name's layla", "she was named after the song, her name's [name]"),
    ("the film was frozen and the girl's called anna", "the film was frozen and the girl's called [name]"),
    ('he lives at 14 maple road', 'he lives at [address]'),
    ("she's at number 7 bryn street", "she's at number [address]"),
    ('they moved to 23a heol y parc', 'they moved to [address]'),
    ('the flat is 3 fenwick court', 'the flat is [address]'),
    ('she was born on the third of may two thousand and nine', 'she was born on [date of birth]'),
    ('his birthday is the twenty first of june two thousand and twelve', 'his birthday is [date of birth]'),
    ('date of birth, the fifth of march, two thousand and fifteen', 'date of birth, [date]'),
    ('she was born on the first of april twenty ten', 'she was born on [date of birth]'),
    ("the baby's called nevaeh", "the baby's called [name]"),
    ('her son, kaidyn, is five', 'her son, [name], is [age]'),
    ('his mate rhys-owen was with him', 'his mate [name] was with him'),
    ('i asked her mum, tracey, to come in', 'i asked her mum, [name], to come in'),
    ("the dad, darren o'brien, didn't turn up", "the dad, [name], didn't turn up"),
    ("the lad's name is connor mcguinness", "the lad's name is [name]"),
    ('she signed it with her initials, l.w.', 'she signed it with her initials, [name]'),
    ("the worker, siobhan o'hara, came", 'the worker, [name], came'),
    # the title stays since round 72, as "mrs [name]" elsewhere (main gave 'her teacher [name] rang')
    ('her teacher mrs ní mhaoláin rang', 'her teacher mrs [name] rang'),
    ('the referral was about baby tia', 'the referral was about baby [name]'),
    ('he was with his girlfriend, shanice', 'he was with his girlfriend, [name]'),
    ('her foster carer, auntie pam, came', 'her foster carer, auntie [name], came'),
    ('the school nurse, nurse bev, saw her', 'the school nurse, nurse [name], saw her'),
    ("i told gemma's mum about it", "i told [name]'s mum about it"),
    ('she goes by lexi now, not alexis', 'she goes by [name] now, not [name]'),
    ('he was born on christmas day two thousand and ten', 'he was born on [date of birth]'),
    ('her reference is MW-2231 for megan walsh', 'her reference is [reference] for [name]'),
    ('the kid called ty said he was scared', 'the kid called [name] said he was scared'),
    ('she lives with her nan, nanna jean, in flat 6', 'she lives with her nan, nanna [name], in [address]'),
    ("her stepdad's name is wayne", "her stepdad's name is [name]"),
    ('they live at 42 the crescent', 'they live at [address]'),
    ('we visited 9 station road, where the kids live', 'we visited [address], where the kids live'),
    ('his little sister, our leah, is four', 'his little sister, our [name], is [age]'),
    ("mam's called sharon and dad's called gary", "mam's called [name] and dad's called [name]"),
    ('she said "callum did it"', 'she said "[name] did it"'),
    ("it was the o'sullivans' house", "it was the [name]' house"),
    ('the kids call her mama jo', 'the kids call her mama [name]'),
    ('the handle was @big_mikey_22', 'the handle was [handle]'),
    ('her tiktok name is jess dot mae', 'her tiktok name is [handle]'),
    ("we spoke to dr o'reilly at the hospital", 'we spoke to dr [name] at the hospital'),
    ('she was with a lad called deano', 'she was with a lad called [name]'),
    ("the boy's called rhodri ap gwyn", "the boy's called [name]"),
    ('the social worker was called máire', 'the social worker was called [name]'),
    ('her best friend is called saoirse', 'her best friend is called [name]'),
    ('the childminder is called mrs pugh', 'the childminder is called mrs [name]'),
    ("mrs o'donnell-price is the head", 'mrs [name] is the head'),
    ('he was known as little jay', 'he was known as [name]'),
    ("the girl's called ella-mai", "the girl's called [name]"),
    ("her birthday's the twelfth of august", "her birthday's [date of birth]"),
    ('she was born on the tenth of october two thousand and eight', 'she was born on [date of birth]'),
]

# Still leaking (measured when written); strict, so closing one is seen.  All three closed by round 35
# (``_OPEN_CLOSED_BY_ROUND_35``): initials whose second is of a surname with "O'"; a letter standing for a name and the
# name after "for"; two letters no list knows joined by underscores to figures and words, as a file is named.
_OPEN: list[tuple[str, str]] = []
_OPEN_CLOSED_BY_ROUND_35 = [
    ("he's down as m.o'd in the file", "he's down as [name] in the file"),
    ("i wrote 'k' for kacey in the notes", "i wrote '[name]' for [name] in the notes"),
    ('the file name was tj_2019_assessment', 'the file name was [name]_2019_assessment'),
]

_KEPT = [
    'email the team at the usual address',
    'the email went to the duty inbox',
    'the form was signed at the bottom',
    'the note was initialled by the manager',
    'we wrote it up in the minutes',
    'the file says case closed',
    "the folder's called referrals",
    "it's saved as a word document",
    'she spelt it out for me',
    "that's b for bravo",
    "it's spelt with a y",
    'we spoke to the head about it',
    'the boys were at the door',
    'the family moved out',
    'i rang the office on tuesday',
    'the mum came in with the baby',
    'the sw said no',
    'our SW left in March',
    'the IRO chaired it',
    'the iro rang back',
    "mae'r plant yn yr ysgol",
    "mae hi'n gweithio yn y ganolfan",
    'roedd y teulu yn hapus',
    'our kid has been in trouble again',
    'our house is a mess',
    'everyone calls her names',
    'they call him in for tea at six',
    'her nickname is on the form',
    'he sang let it go at the concert',
    'the film was frozen and she cried',
    'she was named after the song',
    'he lives at the end of the road',
    "she's at number ten",
    'they moved to a new flat',
    'the flat is on the third floor',
    'she was born in the summer',
    'his birthday is in june',
    'the third of may was the review',
    'the fifth of march was the panel',
    'the first of april was a monday',
    'two thousand and nine was a hard year',
    'the baby is due in the new year',
    'his mate was with him',
    'i asked her mum to come in',
    "the dad didn't turn up",
    'it was a dot on the form',
    'the worker came at nine',
    'the case note says seen at home',
    'the referral was about the baby',
    'he was with his girlfriend',
    'her foster carer came',
    'the school nurse saw her',
    'she goes by bus now',
    'the file is under review',
    'her reference is on the letter',
    'the kid called out that he was scared',
    'she lives with her nan in a flat',
    "her stepdad's name is on the tenancy",
    'we visited the station road office',
    'the kids call her mum',
    'the handle of the door was broken',
    'we spoke to the doctor at the hospital',
    'she was with a lad from school',
    'the childminder is called back each day',
    'the head is new this year',
    'the file name was wrong',
    'he was known to services',
    "her birthday's in august",
    'the grace group meets on fridays',
    'the mercy group chat is busy',
    "he's in the will power group",
    'the school choir sang at the fair',
    'her nan then came round',
    'her nan upstairs came down',
    'her mum support worker came',
    'the canolfan in question was shut',
    'the walk was five k.m. from the house',
    'put a comma there',
    'it ends in a dot',
    'the lad we called yesterday was fine',
]


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(
    _FROM_EARLIER_ROUNDS + _MET_TRAPS + _RED_TEAM + _HELD + _OPEN_CLOSED_BY_ROUND_35
)


test_words_that_look_like_names_are_kept = _rounds.kept(_FROM_EARLIER_KEPT + _MET + _KEPT)


def test_the_counts_are_as_written():
    written = _RED_TEAM + _HELD + _OPEN + _OPEN_CLOSED_BY_ROUND_35
    assert len(written) == 100 and len({t for t, _ in written}) == 100
    assert len(_KEPT) == 80 and len(set(_KEPT)) == 80


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
