"""Twenty-fourth red-team round: transcription noise, word-names said of a family, names joined by "and", Welsh streets.

Forms written for this round in the voice of social workers, parents and young people (invented values), each closed as
a class of writing:

* a speaker's fillers and a word said twice ("um, so like, kaycee, kaycee, she she rang me", "so i i spoke to, er,
  brannoc-lee", "his brother Rocky, rocky, he's 14"): the text is read a second time without them
  (:func:`impact.privacy._lexicon.unfilled`), and a name said again is redacted where it is said again; numbers said
  twice ("seven seven") stay a number's digits;
* a word no list knows, opening a clause and taken up again by "she", "he" or "they" ("and then, erm, tiarnelle, she
  kicked off"): ``[name]``;
* a first name that is also a word, in lower case, owning a relation ("jade's mum", "i rang amber's dad"), and any word
  opening a clause where a child stands among brothers and sisters ("sky's the eldest", "brook is the middle one",
  "willow's the baby of the family"): ``[name]``; "the girl's mum", "everyone's mum", "mine's the eldest" stay;
* a double-barrelled first name in lower case ("ruby-rose", "lily-mae", "daisy-may"), with a surname no list knows
  after it ("ann-marie matson"): ``[name]``; "well-being", "april-may", "summer-autumn" stay;
* a capitalised word joined by "and", "&" or "or" to a name found ("the twins, Ocean and Storm", "we took Marley and
  Blue to the contact centre"): ``[name]``; a service, a title, a word in -ing and the first word of a longer name stay
  ("Children, Young People & Learning", "[name], Cabinet member");
* a word said to be a name ("Smith's his surname", "Baker is her surname"): ``[name]``;
* a Welsh street named kind first, after a house number or a word placing someone on it ("14 maes y coed", "the house on
  heol las", "she moved onto ffordd y parc"): ``[address]``; a Welsh place's "y"/"yr" and the word after it ("ysgol y
  graig") and a town no list knows after a setting found and "in" ("[ysgol y graig] in llangefni"): ``[place]``;
* a handle after a platform and "it's" set off by a comma ("his snap, it's, um, jayzo twenty twenty"): ``[handle]``;
* moving with two words of direction ("moved over to dungannon", "went back over to enniskillen"): ``[place]``;
* national schemes and a charity before "'s" ("the Duke of Edinburgh award", "his DofE", "the Prince's Trust", "the
  NSPCC and Barnardo's"): kept (they were redacted as a place or a name).

The forms an earlier note recorded as doubtful ("he supports Hyde United", "she's a Brownie at the 3rd Hyde pack", "the
Scouts in Marple", "plays for Marple") were already redacted as a place with the organisation's word kept on 454e13c: they are
guards here (``test_the_forms_an_earlier_note_doubted_stay_redacted``).

Of 200 sentences tried (five batches, the fifth written after the fixes of the first four, to measure how far they
reach), 62 leaked on 454e13c; 50 are closed below, 12 were open (7 closed in round 25, 5 in round 26); 126 were already redacted
(``_RED_HELD``).  Of the fifth batch, 19 of 25 leaked on 454e13c, 15 were closed by the fixes of the first four as they
were, 3 after three small widenings ("the baby of", a month among first names, two words of direction), 1 is open.

Gold corpus (``python -m bench.redaction_gold``), sentences redacted before -> after: stress 733 -> 733, none 659 -> 659,
stress_lower 564 -> 566.  Every sentence redacted differently holds a real name newly found: a co-author in a citation
("(Martin and [name], 2011)" -> "([name] and [name], 2011)") and, twice (the sentence is in the corpus twice), a
director of children's services in lower case ("ann-marie matson").
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both

# Sentences that leaked on 454e13c and are closed: the text, the words that must go, the token that must stand (None:
# the sentence holds details of more than one kind).
_RED_TEAM = [
    ('um, um, so like, kaycee, kaycee, she she rang me', ['kaycee'], '[name]'),
    ('so i i spoke to, er, brannoc-lee about it', ['brannoc'], '[name]'),
    ("his brother Rocky, rocky, he's 14", ['rocky'], '[name]'),
    ("the twins, Ocean and Storm, went to nan's", ['ocean', 'storm'], '[name]'),
    ("we've got Jayden. Smith's his surname by the way", ['smith'], '[name]'),
    ("mum's got MS, she's in a wheelchair, jade's mum I mean", ['jade'], '[name]'),
    ('the little one, ruby-rose, has cerebral palsy', ['ruby'], '[name]'),
    ("sky's the eldest, she's 15", ['sky'], '[name]'),
    ("river's the youngest of the four", ['river'], '[name]'),
    ('brook is the middle one', ['brook'], '[name]'),
    ("jade's mum never turned up", ['jade'], '[name]'),
    ("i rang amber's dad after", ['amber'], '[name]'),
    ('lily-mae was in the car', ['lily'], '[name]'),
    ('we moved poppy-grace to her aunt', ['poppy'], '[name]'),
    ('Baker is her surname', ['baker'], '[name]'),
    ('we took Marley and Blue to the contact centre', ['blue'], '[name]'),
    ('and then, erm, tiarnelle, she she kicked off', ['tiarnelle'], '[name]'),
    ("we moved lily-mae brackwell to her nan's", ['lily', 'brackwell'], '[name]'),
    ("jade's mum never turned up to the cp conference", ['jade'], '[name]'),
    ("i rang amber's dad after the strategy meeting", ['amber'], '[name]'),
    ("honestly, summer's the eldest, she looks after them", ['summer'], '[name]'),
    ('and, er, jaxon, he, he was excluded', ['jaxon'], '[name]'),
    ("she she said that, erm, that kyrie, kyrie was at her dad's", ['kyrie'], '[name]'),
    ('we placed Koa and Blaze with the same carer', ['blaze'], '[name]'),
    ("she's moved over to dungannon with her dad", ['dungannon'], '[place]'),
    ('uh, so, like, zaydee-rae, she, she disclosed to the teacher', ['zaydee'], '[name]'),
    ('dob, er, the fourth of the ninth, oh eight', ['fourth', 'ninth'], '[date of birth]'),
    ("she's at ysgol y graig in llangefni", ['llangefni', 'graig'], '[place]'),
    ("they're in flat 2, 14 maes y coed", ['maes', 'coed'], '[address]'),
    ('the house on heol las, number 9', ['heol', 'las'], '[address]'),
    ('the little lad with the cleft palate, dylan-jay', ['dylan'], '[name]'),
    ("his snap, it's, um, jayzo twenty twenty", ['jayzo'], '[handle]'),  # closed last: "it's" after a platform
]

_RED_TEAM_AFTER = [
    ("and, um, kezzia, she she wouldn't open the door", ['kezzia'], '[name]'),
    ("so, er, zaylan, he was back at his mum's", ['zaylan'], '[name]'),
    ("the youngest, well, um, tamsin-rae, she's three", ['tamsin'], '[name]'),
    ('i think, erm, i spoke to, um, drezden about it', ['drezden'], '[name]'),
    ("hazel's mum was the one who rang it in", ['hazel'], '[name]'),
    ("we spoke to ivy's nan about contact", ['ivy'], '[name]'),
    ("i saw holly's dad at the school gate", ['holly'], '[name]'),
    ("autumn's the eldest, she's fifteen", ['autumn'], '[name]'),
    ('and ember is the youngest of the three', ['ember'], '[name]'),
    ("willow's the baby of the family", ['willow'], '[name]'),
    ('the eldest, daisy-may, is at college', ['daisy'], '[name]'),
    ('the brothers, Jace and Phoenix, went to respite', ['phoenix'], '[name]'),
    ('we took Maddox and Ace to the contact centre', ['ace'], '[name]'),
    ('the girls, Nevaeh and Harmony, share a room', ['harmony'], '[name]'),
    ('they live at 3 heol y bryn', ['heol', 'bryn'], '[address]'),
    ('she moved onto ffordd y parc last year', ['ffordd', 'parc'], '[address]'),
    ('they moved out to carrickfergus in the summer', ['carrickfergus'], '[place]'),
    ('her nan went back over to enniskillen', ['enniskillen'], '[place]'),
]

_RED_HELD = [
    ('he supports Hyde United', ['hyde']),
    ("she's a Brownie at the 3rd Hyde pack", ['hyde']),
    ('he goes to the Scouts in Marple on a tuesday', ['marple']),
    ('he plays for Marple on sundays', ['marple']),
    ('he supports Thrumley Athletic, mad about them', ['thrumley']),
    ("she's a cub at the 2nd Drensford pack", ['drensford']),
    ('he plays for Kelbury, the under twelves', ['kelbury']),
    ('me mam took our Dean to A and E', ['dean']),
    ('her nan in Ystradgynlais has her weekends', ['ystradgynlais']),
    ('they moved up to Auchtermuchty last year', ['auchtermuchty']),
    ("her dad's over in Ballymena now", ['ballymena']),
    ('his gran lives in Cwmbran, near the shops', ['cwmbran']),
    ("they're staying with family in Coatbridge", ['coatbridge']),
    ("the kids are with the o'neills in Portadown", ['portadown', 'neills']),
    ("it was Kayla. Kayla Brennan. she's in year 8", ['brennan', 'kayla']),
    ('Tyler, Kai, Mason and Rio were all on the list', ['tyler', 'kai', 'mason', 'rio']),
    ('tyler kai mason and rio all went to the same school', ['tyler', 'mason', 'rio']),
    ("she's at Ysgol Bryn Derw, the welsh school", ['derw']),
    ("she's at Drumcree College, year 10", ['drumcree']),
    ('born 14/3/09 in the royal', ['14/3/09']),
    ('dob is fourteenth march oh nine', ['fourteenth', 'march']),
    ('his chi number is 120309 1234', ['120309']),
    ('her h and c number is 123 456 7890', ['7890']),
    ("her mobile's 07700 900 four five six", ['900']),
    ("they're at 12 Heol y Felin", ['felin']),
    ('the address is 4 Wynd Close, Kirkcaldy', ['wynd', 'kirkcaldy']),
    ("she's @kayz.xo_ on insta", ['kayz']),
    ('his snap is just his name and 07, jordo07', ['jordo07']),
    ("he's at Polmont, the young offenders place", ['polmont']),
    ('she was in Hydebank Wood for a bit', ['hydebank']),
    ("he's been at Aycliffe, the secure unit", ['aycliffe']),
    ('her worker Ms Ní Dhomhnaill rang', ['dhomhnaill']),
    ("the dad, Dafydd ap Rhys, wasn't there", ['dafydd', 'rhys']),
    ('mr mcgillivray-shaw from the school rang', ['mcgillivray']),
    ("her carer is mrs d'souza-patel", ['souza']),
    ('WE TOOK BRANDON TO THE CONTACT CENTRE', ['brandon']),
    ("our Joy's been great with him", ['joy']),
    ('his uncle Frank was the one', ['frank']),
    ("his surname's Smith, Jayden Smith", ['smith']),
    ('her surname is Baker', ['baker']),
    ("the dad's surname's different, it's Carter", ['carter']),
    ('Tyler and Brook were removed in may', ['brook']),
    ("her number's oh seven nine double three four five six seven eight nine", ['eight']),
    ('his nan lives in greenock now', ['greenock']),
    ("they're in newry with the dad", ['newry']),
    ("she's moved to merthyr with her mam", ['merthyr']),
    ('it was Marley, marley who rang', ['marley']),
    ("she's in the girls' brigade at st finbar's", ['finbar']),
    ('he goes to the boys brigade in larne', ['larne']),
    ('he boxes at the Drensford ABC on fridays', ['drensford']),
    ('she swims for Kelbury ASC', ['kelbury']),
    ("he's on the books at Thrumley Town academy", ['thrumley']),
    ('he plays rugby for Pontypridd youth', ['pontypridd']),
    ("she dances at Miss Kayleigh's school of dance", ['kayleigh']),
    ('he was at the cadets in Omagh', ['omagh']),
    ("he's in the 2nd Bangor BB", ['bangor']),
    ("she's a Rainbow at 5th Kelbury", ['kelbury']),
    ("he's a sea scout at 1st Tollerby", ['tollerby']),
    ("her dob's 3rd march 2010", ['2010']),
    ('born march twenty ten', ['twenty', 'ten']),
    ("he's ten, born in the summer of twenty fourteen", ['fourteen']),
    ("her handle's kayz underscore xo on tik tok", ['kayz']),
    ("he's at Barnhill Academy in year 9", ['barnhill']),
    ('the kids go to Scoil Mhuire', ['mhuire']),
    ('the eldest, Seren, goes to Ysgol Gymraeg Llanfarrow', ['seren', 'llanfarrow']),
    ("Jack-Henry and his sister were at nan's", ['jack', 'henry']),
    ('Ffion and Cerys moved to Aberdare', ['ffion', 'cerys', 'aberdare']),
    ('Caoimhe and Niamh are on a plan', ['caoimhe', 'niamh']),
    ("the worker, Mr O'Shaughnessy-Kerr, came", ['shaughnessy']),
    ('his gran, nanna Pat, has him', ['pat']),
    ("the dog's called Precious", ['precious']),
    ("she's got type 1 diabetes, little Kiera", ['kiera']),
    ("the mum, she's bipolar, mrs hollinrake", ['hollinrake']),
    ('the director, ann-marie matson, signed it', ['ann', 'marie', 'matson']),
    ("and skye's the youngest, she's only two", ['skye']),
    ("so, um, rocco, he's the one who ran off", ['rocco']),
    ('TIARNELLE, SHE KICKED OFF AGAIN', ['tiarnelle']),
    ("the girls, Poppy-Mai and Aurora, went to nan's", ['poppy', 'aurora']),
    ('the brothers, Zane and Hunter, went to respite', ['zane', 'hunter']),
    ("we've got Jayden. Kowalczyk's his surname", ['kowalczyk']),
    ('Okafor is her surname, she took it from her dad', ['okafor']),
    ('he did his duke of edinburgh at Thrushby', ['thrushby']),
    ("the mum, mrs mcallister-o'hare, came in", ['mcallister', 'hare']),
    ('his nan in llanelli has him at weekends', ['llanelli']),
    ("our jordan, jordan, he's doing better now", ['jordan']),
    ('it was Harley, harley who rang the police', ['harley']),
    ('the lads, Kian and Tyler-James, were arrested', ['kian', 'tyler']),
    ('he supports Thrushby Rovers and goes every week', ['thrushby']),
    ("she's a Rainbow at the 1st Kelbury unit", ['kelbury']),
    ('her mobile is seven seven double oh nine double oh one two three, with the oh in front', ['double']),
    ("it's oh one six three two nine six oh, nine eight three", ['nine', 'eight']),
    ("her whatsapp's the same, +44 7700 900 982", ['7700', '982']),
    ("the school's st oggy's, in year five", ['oggy']),
    ("he's at the pru in thrushby, the pupil referral unit", ['thrushby']),
    ("she's in the unit at st ninian's", ['ninian']),
    ("he's at 4 carrick gardens, off the main road", ['carrick']),
    ("her tiktok's kaydz dot official underscore", ['kaydz']),
    ("the nhs number's four eight five, seven seven three, four five six one", ['485', 'seven', 'six']),
    ('the upn is a eight one two three four five six seven eight nine one two', ['eight']),
    ("he's got adhd and autism, our kai", ['kai']),
    ("mum's the one with the cancer, mrs o'bryne-kelly", ['bryne', 'kelly']),
    ("the girl in the wheelchair at st anne's, macy", ['macy']),
    ('shannon, shannon, she was the one who went missing', ['shannon']),
    ("we've got a girl, Leah. Leah Drummond-Kerr", ['leah', 'drummond', 'kerr']),
    ("the dad's name is, er, Tomasz. Tomasz Wiśniewski", ['tomasz', 'wiśniewski']),
    ('the mum, Kerry-Ann, and the nan, Doreen, both came', ['kerry', 'doreen']),
    ('his carers in Stranraer have him now', ['stranraer']),
    ("she's been at Rossie, the secure unit, since march", ['rossie']),
    ("he's up at Kibble now", ['kibble']),
    ('she was placed at Vaughan Gardens in Cardiff', ['vaughan']),
    ("the children's home on Brynteg Road", ['brynteg']),
    ('he supports Cliftonville and goes to every game', ['cliftonville']),
    ("she's in the Girls' Brigade at Ballyclare", ['ballyclare']),
    ("he's a Beaver at 4th Newtownards", ['newtownards']),
    ('the scouts in Dunoon took him camping', ['dunoon']),
    ('she dances with Kelbury Stars on saturdays', ['kelbury']),
    ('she goes to the Kelbury Stars on saturdays', ['kelbury']),
    ('he trains with Drensford Harriers', ['drensford']),
    ("he's on the books at Hyde", ['hyde']),
    ("she's a cadet with the Marple detachment", ['marple']),
    ("his sister Paris, paris, she's the carer really", ['paris']),
    ('we placed rosie-lee with her aunt', ['rosie']),
    ('evie-grace and her brother were on a plan', ['evie']),
    ("we've got a lad, Kieron. Nowakowski's his surname", ['nowakowski']),
    ('Dunmore was her maiden name', ['dunmore']),
    ("she's at st mungo's academy in glenrothes", ['mungo', 'glenrothes']),
]

_KEPT = [
    'the Scouts and Guides were involved',
    'he goes to the Scouts on tuesdays',
    'he plays for the school',
    'he plays for fun',
    'the Brownies were brilliant',
    'he supports United',
    'the NSPCC came in',
    'he plays for the under twelves',
    "the sky's the limit for her",
    "the baby's dad turned up",
    "everyone's mum was there",
    "the girl's mum never turned up",
    "someone's dad rang",
    "the council's social worker",
    "her son's dad wasn't there",
    'summer and autumn were the hardest',
    "the Boys' Brigade was good for him",
    "we placed Children's Services and Health in one room",
    'well-being is the key',
    'a long-term plan',
    'Ofsted and the DfE came',
    'the surname is on the form',
    'her surname is different from his',
    "the river's the boundary",
    'the youngest is the one',
    'so, er, the review, the review was good',
    'the plan, plan, it helped',
    'he plays rugby for the school',
    'he boxes on fridays',
    'the Air Cadets were great',
    'the Healthy Child Programme',
    'the Troubled Families programme',
    'Sure Start centres closed',
    'the Youth Justice Board',
    'the Family Nurse Partnership',
    'Signs of Safety was adopted',
    "her son's dad rang",
    "everyone's mum was at the meeting",
    "mine's the eldest, she's at college",
    "which one's the youngest?",
    "the river's the boundary between the two",
    'housing is the oldest problem we have',
    "the council's foster carers are brilliant",
    "the family's social worker left",
    'well-being is the key thing',
    'a long-term plan was agreed',
    'the summer-autumn term was hard',
    'Children, Young People & Learning',
    'the Director of Children, Young People and Learning agreed',
    'Ofsted and the DfE came in',
    'we took Health and Education with us',
    "the Prince's Trust funded it",
    'so, um, the review, the review was helpful',
    'um, i think, er, it helped',
    'she had had enough by then',
    'that that was the problem',
    'the plan, like, it worked',
    'I would like to thank the team',
    'Surname is one of the fields on the form',
    "that's her name on the form",
    'it was Ofsted who told us',
    'Signs of Safety and Restorative Practice',
    'the eldest is at college now',
    'that one is the youngest',
    'Learning and Development ran it',
    'Training and Health colleagues came',
    'the Scouts were brilliant with him',
    'he goes to Scouts on a tuesday',
    'she joined the Brownies last year',
    'she dances on saturdays',
    'he trains with the team',
    "the Girls' Brigade helped her",
    'the cadets gave him structure',
    "he's on the books at the club",
    'the secure unit was far away',
    "the children's home was good",
    'the pupil referral unit took him',
    "the school's in special measures",
    'his snap is private',
    "he's got adhd and autism",
    'she was in a wheelchair',
    'the nhs number was missing from the form',
    "her snap, it's fine", "her insta, it's private now", "his snap, it was all over it",
]

_KEPT_NOW = [
    'the Duke of Edinburgh award helped him',
    'he did his Duke of Edinburgh',
    'he did his DofE bronze',
    "the NSPCC and Barnardo's came",
]

# The five sentences that leaked still when this round was written (12 were open, 7 closed in round 25) are closed in
# round 26 and tested there (tests/hostile/test_pii_round26.py, ``_FROM_ROUND_24``).


# Measured when written: before, all 32 kept what is listed
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# Measured when written: before, all 18 kept what is listed
test_forms_written_after_the_fixes_are_redacted = _rounds.gone(_RED_TEAM_AFTER)


# Guards: redacted before and after
test_this_rounds_forms_already_redacted_stay_so = _rounds.stay_gone(_RED_HELD, bracket=True)


# Guards: kept before and after (the possessives, birth orders, hyphens, lists, fillers and surnames of the fixes in
# ordinary use, public bodies and national schemes)
test_ordinary_words_near_the_new_forms_are_kept = _rounds.kept(_KEPT)


# Measured when written: before, "the Duke of [place] award", "his Duke of [place]", "his [name] bronze" and "the
# NSPCC and [name]'s came"
test_national_schemes_and_a_charity_are_kept = _rounds.kept(_KEPT_NOW)


@pytest.mark.parametrize(("text", "expected"), [
    ("um, um, so like, kaycee, kaycee, she she rang me", "um, um, so like, [name], [name], she she rang me"),
    ("his brother Rocky, rocky, he's 14", "his brother [name], [name], he's [age]"),
    ("the boy called Will, will he be ok?", "the boy called [name], will he be ok?"),
    ("she had had enough of it", "she had had enough of it"),
])
def test_a_word_said_twice_is_redacted_both_times_only_if_a_name(text, expected):
    # The first two leaked the second saying before (measured when written); a function word said again stays
    assert _both(text)[1] == expected


# Guards: so before and after; the club's place goes whole, "Scouts" and "Brownie" stay
test_the_forms_an_earlier_note_doubted_stay_redacted = _rounds.exact([
    ("he supports Hyde United", "he supports [place]"),
    ("she's a Brownie at the 3rd Hyde pack", "she's a Brownie at the [place] pack"),
    ("he goes to the Scouts in Marple on a tuesday", "he goes to the Scouts in [place] on a tuesday"),
    ("he plays for Marple on sundays", "he plays for [place] on sundays"),
])
