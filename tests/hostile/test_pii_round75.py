"""Seventy-fifth red-team round: what privacy74 left, each mended as a class, and a hunt in practitioners' spoken
register (UK spelling; every detail invented, each sentence written new for this round).

* A hospital's short letters in lower case where a stay, an admission or a discharge is said ("she was in the qe for
  a week", "he spent three nights in the rvi", "discharged from the bri"), and capitals or lower case where someone
  went there or ended up there ("we went to the QE to see him", "he ended up in the JR after the overdose"): [place],
  under the conditions of the capitalised stay (round 74).  Going needs its phrase to end there or a word of why, with
  whom or when after the letters ("the FE college" stays an adjective's), and in lower case only ending up is read
  ("she went to the uni" is main's).  The letters of meetings, teams and tests ("the AGM", "the SMT", "the MOT"), of
  roles in any case ("the cpc") and of services stay.
* A case record system's name before its number ("the ChildView number is CV0034512" gave "the [name] number"): the
  number goes, the product's name stays where it names software ("we put it all on ChildView" gave [place]); and the
  systems main did not know withhold their numbers ("the Frameworki number is 0034512" was kept whole).
* The hunt, 106 sentences as practitioners say them (numbers in words, number plates, social media handles, partial
  postcodes, a child's school year with a small school, names spelt out), found four classes leaking: the name a
  spelling spells, said whole beside it ("that's J-A-D-E, Jade" kept "Jade"); a postcode's sector said after its
  district ("she lives in LS9 7" kept the 7); a school by an ordinary word after a child's school year ("she's in
  reception at Brambles"); a hospital by its nickname or letters after "went up the" or "down the" ("she went up the
  jimmy's with him").  Numbers in words, plates, handles and districts were withheld on main already (below).

Counts, measured on main (a64ae43d) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM holds the 27 main gave wrongly (and the three over-redactions left open here, which round 76
closed), _HELD_EXACT the 51 it gave so already, _KEPT the 25 kept (one main redacted: above it), _OPEN none.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave above each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # 1 lower-case hospital letters, stays
    # main: kept
    ('she was in the qe for a week', 'she was in the [place] for a week'),
    # main: kept
    ('she spent a fortnight in the lgi', 'she spent a fortnight in the [place]'),
    # main: kept
    ('mum stayed with him in the rmch for a fortnight', 'mum stayed with him in the [place] for a fortnight'),
    # main: kept
    ('he spent three nights in the rvi', 'he spent three nights in the [place]'),
    # main: kept
    ('she was discharged from the bri the next morning', 'she was discharged from the [place] the next morning'),
    # went / ended up
    # main: kept
    ('we went to the QE to see him', 'we went to the [place] to see him'),
    # main: kept
    ('he ended up in the JR after the overdose', 'he ended up in the [place] after the overdose'),
    # main: kept
    ('they went to the JR at the weekend', 'they went to the [place] at the weekend'),
    # main: kept
    ('she ended up in the qe after the overdose', 'she ended up in the [place] after the overdose'),
    # main: kept
    ('mum went to the QE with him', 'mum went to the [place] with him'),
    # main: kept
    ('she ended up in the NNUH again', 'she ended up in the [place] again'),
    # main: kept
    ('he wound up in the rvi overnight', 'he wound up in the [place] overnight'),
    # 2 case systems
    # main: kept
    ('the Frameworki number is 0034512', 'the Frameworki number is [reference]'),
    # main: 'his SystmOne number is [phone]'
    ('his SystmOne number is 9988776', 'his SystmOne number is [reference]'),
    # main: 'the [name] ID is [reference]'
    ('the ChildView ID is CV1122334', 'the ChildView ID is [reference]'),
    # main: 'her [name] number was 00451234'
    ('her ChildView number was 00451234', 'her ChildView number was [reference]'),
    # main: 'the eclipse number was [phone]'
    ('the eclipse number was 5543321', 'the eclipse number was [reference]'),
    # main: 'the LCS number was [phone]'
    ('the LCS number was 3345123', 'the LCS number was [reference]'),
    # 3 hunt: spelled names said whole
    # main: "that's [name], Jade"
    ("that's J-A-D-E, Jade", "that's [name], [name]"),
    # postcode sector
    # main: 'she lives in [postcode] 7, by the flats'
    ('she lives in LS9 7, by the flats', 'she lives in [postcode], by the flats'),
    # main: 'he lives just off the [postcode] 4 postcode'
    ('he lives just off the LS8 4 postcode', 'he lives just off the [postcode] postcode'),
    # main: 'they moved to [postcode] 2 and then to [postcode]'
    ('they moved to BD3 2 and then to LS14', 'they moved to [postcode] and then to [postcode]'),
    # main: 'the [postcode] 3 area'
    ('the LS6 3 area', 'the [postcode] area'),
    # school after a school year
    # main: kept
    ("she's in reception at Brambles, there's six of them in the class",
     "she's in reception at [place], there's six of them in the class"),
    # main: kept
    ("he's in year two at Willows now", "he's in year two at [place] now"),
    # 4. found by the hunt: a hospital by its nickname after "went up" or "down the"
    # main: kept
    ("she went up the jimmy's with him", 'she went up the [place] with him'),
    # main: kept
    ('we went down the general yesterday', 'we went down the [place] yesterday'),
    # 5. left open here, closed by round 76: a car's make or kind after its colour read as a name or a detail, "gamertag"
    # read as the handle it names
    # main: "dad's car, a black [name], reg number [vehicle registration]"
    ("dad's car, a black audi, reg number KX 17 PLM", "dad's car, a black audi, reg number [vehicle registration]"),
    # main: 'his xbox [handle] is [handle]'
    ('his xbox gamertag is KillerKay99', 'his xbox gamertag is [handle]'),
    # main: 'he drives a [detail], [vehicle registration]'
    ('he drives a white van, YF68 NZR', 'he drives a white van, [vehicle registration]'),
]
# Redacted so on main as now.
_HELD_EXACT = [
    ("he's been in the jr since friday", "he's been in the [place] since friday"),
    ('she was in the qmc overnight', 'she was in the [place] overnight'),
    ('he was admitted to the nnuh in the night', 'he was admitted to the [place] in the night'),
    ('dad went to the QMC', 'dad went to the [place]'),
    ('her CareDirector ref is 7781234', 'her CareDirector ref is [reference]'),
    ("it's T-Y-R-E-E-C-E, Tyreece, with two Es", "it's [name], [name], with two Es"),
    ("Kayleigh, that's K-A-Y-L-E-I-G-H", "[name], that's [name]"),
    ('we wrote Jayden, J-A-Y-D-E-N, on the form', 'we wrote [name], [name], on the form'),
    ("it's spelt with an I, S-I-A-N, Sian", "it's spelt with an I, [name], [name]"),
    ("his name's Zebrulon, z e b r u l o n", "his name's [name], [name]"),
    ("her name's spelt K-A-Y-L-E-I-G-H", "her name's spelt [name]"),
    ('his surname is spelt O-K-A-F-O-R', 'his surname is spelt [name]'),
    ("that's R-U-B-Y, ruby, like the stone", "that's [name], [name], like the stone"),
    ("she's in LS9 7 days a week", "she's in [postcode] 7 days a week"),
    ("she's the only year 6 girl at Oakfield", "she's the only year 6 girl at [place]"),
    ('she was in nursery at Little Acorns', 'she was in nursery at [place]'),
    ("he was in year 9 at St Aidan's", 'he was in year 9 at [place]'),
    ("he's in year two at Fieldhead, there's only eight in his class",
     "he's in year two at [place], there's only eight in his class"),
    ("her number's oh seven seven double oh nine one two three four five", "her number's [phone]"),
    ('you can get me on oh one one three, four nine six, double oh double oh', 'you can get me on [phone]'),
    ('his mobile is zero seven nine four six one two three eight eight seven', 'his mobile is [phone]'),
    ('ring mum on oh seven eight triple two four five six seven one', 'ring mum on [phone]'),
    ('I rang the dad on oh seven seven one one, two two two, three three three', 'I rang the dad on [phone]'),
    ('his whatsapp is oh seven seven three nine, one four two, eight eight one', 'his whatsapp is [phone]'),
    ('call her on oh double seven, oh nine double eight, one two three', 'call her on [phone]'),
    ('the car was a blue corsa, reg YB19 KXT', 'the car was a blue corsa, reg [vehicle registration]'),
    ('the reg was something like LS14 ABC, we passed it to police',
     'the reg was something like [vehicle registration], we passed it to police'),
    ("mum's new fella drives a red astra, YC20 HGF", "mum's new fella drives a [detail], [vehicle registration]"),
    ('the plate was WU71 TTR, a silver golf', 'the plate was [vehicle registration], a silver golf'),
    ("she's on snapchat as jadey_x_2009", "she's on snapchat as [handle]"),
    ('his insta is @lil.kay.99', 'his insta is [handle]'),
    ('he goes by tyreece_mcr on tiktok', 'he goes by [handle] on tiktok'),
    ('her tiktok is @jadexoxo', 'her tiktok is [handle]'),
    ('she posts as kayleigh.b.xx on insta', 'she posts as [handle] on insta'),
    ('his handle was tyreece_bez on xbox', 'his handle was [handle] on xbox'),
    ('her snap is kayleighxo', 'her snap is [handle]'),
    ("you'd find him on facebook as Tyreece Bez", "you'd find him on facebook as [name]"),
    ('they live up in LS9 somewhere', 'they live up in [postcode] somewhere'),
    ("he's from down BD3 way", "he's from down [postcode] way"),
    ('the family moved out to LS14', 'the family moved out to [postcode]'),
    ("she's back in M8 with her nan", "she's back in [postcode] with her nan"),
    ('they were at the LS28 end of the estate', 'they were at the [postcode] end of the estate'),
    ('down the BD5 side', 'down the [postcode] side'),
    ('the WF1 area, near the station', 'the [postcode] area, near the station'),
    ("she's the only year 6 girl at St Aidan's", "she's the only year 6 girl at [place]"),
    ('he was in year 9 at a small school in Otley, only one class per year',
     'he was in year 9 at a small school in [place], only one class per year'),
    ("her name's Jade, J-A-D-E, Jade Okafor", "her name's [name], [name], [name]"),
    ("it's spelt with a Y, R-Y-A-N, Ryan", "it's spelt with a Y, [name], [name]"),
    ('her date of birth is the third of the ninth twenty sixteen', 'her date of birth is [date of birth]'),
    ('she was born on the twelfth of March twenty fifteen', 'she was born on [date of birth]'),
    ('she was taken to the NNUH last night', 'she was taken to the [place] last night'),
]
# Kept on main as now (one main redacted: what main gave above it).
_KEPT = [
    'she went to the AGM',
    'they went to the SMT',
    'we went to the MOT',
    'she ended up at the CPC',
    'she ended up at the cpc',
    'he ended up in the YOT',
    'she ended up in the CP plan',
    'she was in the loft for a week',
    'he went to the PRU',
    'she went to the uk',
    'the case went to the SMT',
    'she ended up in the nick',
    'he ended up in the yoi',
    'she was in the mash for a year',
    'he went to the JCP',
    # main: 'we put it all on [place]'
    'we put it all on ChildView',
    "it's logged on Liquidlogic under her mum",
    'it is all on SystmOne',
    'the LiquidLogic record said',
    'the CareFirst screen froze again',
    "he's in Year 6 at Christmas",
    "she's in year 10 at the moment",
    "he's in year 4 at a tiny village school",
    'she started year 3 at Easter',
    'the word is I N A D E Q U A T E, inadequate',
]
# Still open: none (round 76 closed the three over-redactions left here: in _RED_TEAM).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(30, 51, 25, 0))
