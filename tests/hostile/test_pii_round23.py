"""Twenty-third red-team round: the leaks round 22 left, and forms of our own from children's social care interviews.

Left by round 22, each closed as a class of writing:

* a bus route as the subject carrying a child where a journey is said ("the 192 takes her to school", "the x7 drops him
  at college"): ``[detail]``; a count of people ("the 10 go to school together") stays;
* a numbered youth group written capitalised ("the 12th Brackwell Cubs"): the number and the place are one ``[place]``
  and the organisation's word stays, as round 22 does in lower case; a name the name finder reads running on past a
  place into ordinary words that are no one's name is part of that place;
* a first name that is also a word a thing is named by ("hope", "joy", "will"), in lower case, before a service and what
  help or hope does too ("hope from the council came too late"): kept; only what a person alone does (speaks, rings,
  visits, comes round) makes it the person;
* a pet's name made like a word in -s, -ed or -ing ("our dog Biscuits", "the cat, Frayed", "their dog Sparkling bit
  him"): ``[name]`` where capitalised; in lower case it is what the pet does ("the dog, barking, ran off");
* a team's name joining two words with "on" or "and" ("Brackwell on Sea Rovers", "Smith and Jones Under-11s"): one
  ``[place]``, the age group kept.

Each leak is checked on the redacted text with the stress names listed and with none; the same words in ordinary use
must stay.  Counts "before" in the comments were measured on main at a5a9cd9.
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _gone


# ----------------------------------------------------------------------------------------- left by round 22
@pytest.mark.parametrize(("text", "gone"), [
    ("the 192 takes her to school", ["192"]), ("the 38a gets him to college", ["38a"]),
    ("the x7 drops him at college every morning", ["x7"]),
    ("the 42 picks him up by the shop and drops him at school", ["42"]),
    ("the 310 took her to her nan's on saturdays", ["310"]),
])
def test_a_bus_route_carrying_a_child_is_a_detail(text, gone):
    # Measured when written: before, all 5 kept the route
    _gone(text, gone, "[detail]")


# Measured when written: before, all 3 gave one "[name]" for the number, the place and the organisation
test_a_capitalised_numbered_youth_group_keeps_its_kind = _rounds.exact([
    ("he joined the 12th Brackwell Cubs", "he joined the [place] Cubs"),
    ("she's in the 3rd Zorbly Brownies now", "she's in the [place] Brownies now"),
    ("the 1st Threlby Scouts went camping", "the [place] Scouts went camping"),
])


# Measured when written: before, the first four gave "[name]" (over-redaction), the last two were kept (guards)
test_a_word_that_is_a_first_name_before_what_help_does_is_kept = _rounds.kept([
    "hope from the council came too late for him", "that hope from the yot came to nothing",
    "and joy from the school came of it in the end", "but will from the council came through in the end",
    "no hope from the council came", "real joy from the council came after the review",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("grace from the council came round", ["grace"]), ("and will from the school rang", ["will"]),
    ("faith from social services came out to see us", ["faith"]), ("hope from the yot said he was fine", ["hope"]),
])
def test_a_word_that_is_a_first_name_before_what_a_person_does_is_the_person(text, gone):
    # Guards: redacted before and after
    _gone(text, gone, "[name]")


@pytest.mark.parametrize(("text", "gone"), [
    ("our dog Biscuits loves him", ["biscuits"]), ("the cat, Frayed, sleeps on her bed", ["frayed"]),
    ("the cat, Frayed", ["frayed"]), ("their dog Sparkling bit him", ["sparkling"]),
    ("the hamster, Crumbed, died", ["crumbed"]), ("their cat Whiskers died", ["whiskers"]),
    ("the dog, rolo, sleeps on her bed", ["rolo"]),
])
def test_a_pets_name_made_like_a_word_is_a_name(text, gone):
    # Measured when written: before, 6 of these 7 kept the name ("our dog Biscuits" was redacted: a guard)
    _gone(text, gone, "[name]")


# Guards: kept before and after
test_what_a_pet_does_is_kept = _rounds.kept([
    "the dog, barking, ran off", "the cat, frightened, hid", "their dog never bites", "the dog barked at him",
    "her dog is lovely", "their dog died last year",
])


# Measured when written: before, "[place] on Sea Rovers", "[place] on sea rovers", "[name] and [name]-11s" and
# "[name] and District Juniors"
test_a_team_name_joined_by_on_or_and_is_one_place = _rounds.exact([
    ("he plays for Brackwell on Sea Rovers", "he plays for [place]"),
    ("he plays for brackwell on sea rovers", "he plays for [place]"),
    ("she plays for Smith and Jones Under-11s", "she plays for [place] Under-11s"),
    ("he's in goal for Thrushby and District Juniors", "he's in goal for [place]"),
])


# Guards: kept before and after
test_forms_near_the_left_leaks_are_kept = _rounds.kept([
    "he plays with friends and family united", "we support families and children in town",
    "he plays for fun and friends", "she plays for the school team on saturdays", "the 10 go to school together",
    "he scored a goal for the team",
])


# -------------------------------------------------------------------------- this round's own red team
# Forms written for this round in the voice of social workers, parents, young people and managers, with invented values
# (syllable names, places and handles no list holds): nicknames and diminutives, names in possessives and quotes, Irish,
# Welsh, South Asian, African and Eastern European names, initials with titles, relations by place, handles said aloud,
# year groups of small schools, foster carers by surname, house names, partial postcodes, dates of birth and references
# in words, ward and bed numbers, flats by the shop below.  Of 309 tried (seven batches; the fifth, sixth and seventh
# written after the fixes of those before them, to measure how far they reach: 27 of 40, 6 of 25 and 12 of 30 leaked on
# a5a9cd9, then 3, 5 and 8 before each was fixed in turn), 103 leaked on a5a9cd9; the 101 below are closed, 2 are open
# ("staying at her boyfriend's in thrennick", "known round here as little miss marvella": closed after the round, see
# test_the_two_forms_left_open_are_closed), the other 206 are in _RED_HELD.  A token of None: the sentence holds two details of different kinds.
_RED_TEAM = [
    ('his insta is zorbly dot boy oh nine', ['zorbly', 'nine'], '[handle]'),
    ("look up lil drenz on youtube, that's him", ['drenz'], '[handle]'),
    ('DOB fourteen ten two thousand and eight', ['fourteen', 'thousand', 'eight'], '[date of birth]'),
    ('I took tiarnelle to the dentist on tuesday', ['tiarnelle'], '[name]'),
    ('mum dropped kaycee-leigh off late again', ['kaycee', 'leigh'], '[name]'),
    ('she calls herself princess zaya on there', ['zaya'], '[name]'),
    ('his dad lives out at drensford with the new partner', ['drensford'], '[place]'),
    ("he's on there as xx drenzo xx", ['drenzo'], '[handle]'),
    ('the case ref is one two three four five', ['three', 'four'], '[reference]'),
    ('the top flat at 27b, above the vape shop', ['27b'], '[address]'),
    ("the only boy in year 2 at st brannoc's, tiernagh", ['brannoc', 'tiernagh'], None),
    ("she's with the dronfields now", ['dronfields'], '[name]'),
    ('the pellowes have had her since easter', ['pellowes'], '[name]'),
    ('her carers are the okafor-brights', ['okafor', 'brights'], '[name]'),
    ('somewhere round wf3, near the tip', ['wf3'], '[postcode]'),
    ("she signs her texts 'love, kaydee x'", ['kaydee'], '[name]'),
    ("le'marnie and her brother were both on plans", ['marnie'], '[name]'),
    ('his gran up at tollerby had him for a bit', ['tollerby'], '[place]'),
    ('lil zaydon was crying the whole time', ['zaydon'], '[name]'),
    ('the dronfield kids were all on plans', ['dronfield'], '[name]'),
    ("we met at the pellowes' house", ['pellowes'], '[name]'),
    ('the family court at thrushby made an ico', ['thrushby'], '[place]'),
    ('the little school at drensford only has 40 kids', ['drensford'], '[place]'),
    ("she's in the bd seven area", ['seven'], '[postcode]'),
    ('pani wrzosniakowa from the school rang', ['wrzosniakowa'], '[name]'),
    ('her masi in brackmoor has offered', ['brackmoor'], '[place]'),
    ('chacha imranul drives him to the mosque', ['imranul'], '[name]'),
    ('taylah-mae and her brother were removed', ['taylah'], '[name]'),
    ('we moved kerrisha to a new placement', ['kerrisha'], '[name]'),
    ('they took brannagh into care in 2019', ['brannagh'], '[name]'),
    ('the wrzosniaks have four kids', ['wrzosniaks'], '[name]'),
    ("she's staying with the hesketh-barrs", ['hesketh'], '[name]'),
    ('his gran out at tollerby', ['tollerby'], '[place]'),
    ('his grandad lives up at drensford', ['drensford'], '[place]'),
    ('her nan over at kelbury', ['kelbury'], '[place]'),
    ("she signed it 'lots of love, tamzia'", ['tamzia'], '[name]'),
    ("the card said 'to nanna from zekiah'", ['zekiah'], '[name]'),
    ('her court ref is one two three four', ['three', 'four'], '[reference]'),
    ("the case number's four four eight eight one three", ['eight'], '[reference]'),
    ("in year 2 at st brannoc's there's only tiernagh and one other boy", ['tiernagh'], None),
    ('siobhra ní bhraolain rang about the contact', ['siobhra', 'bhraolain'], '[name]'),
    ('dr k j vraznick signed the report', ['vraznick'], '[name]'),
    ('cllr t. pemberwick wanted an update', ['pemberwick'], '[name]'),
    ('his mates call him the drezmeister', ['drezmeister'], '[name]'),
    ("the note said 'ring nanna bellwyn'", ['bellwyn'], '[name]'),
    ("he'd written 'zorbin woz ere' on the wall", ['zorbin'], '[name]'),
    ('his cousin down in kelsbury has a spare room', ['kelsbury'], '[place]'),
    ('the carers, the blenkinsops, were brilliant', ['blenkinsops'], '[name]'),
    ("he's at the trevelyan-dukes' now", ['trevelyan'], '[name]'),
    ("he's on the children's ward, bed 14, at the royal", ['14'], '[place]'),
    ('number 43, the one with the caravan out front', ['43'], '[address]'),
    ('the older one, brennagh, looks after the others', ['brennagh'], '[name]'),
    ('i took zekiah and his sister to the park', ['zekiah'], '[name]'),
    ("dropped tiarnelle at her nan's", ['tiarnelle'], '[name]'),
    ('their dog Dazzling and the cat Spotted', ['dazzling', 'spotted'], '[name]'),
    ('the 204 drops her right outside school', ['204'], '[detail]'),
    ('we drove kaelynn to the contact centre', ['kaelynn'], '[name]'),
    ("she's with the marrowbys now, they're lovely", ['marrowbys'], '[name]'),
    ('the tregonning kids were known to us', ['tregonning'], '[name]'),
    ("we went round to the ashcrofts' place", ['ashcrofts'], '[name]'),
    ('his nan up in pendlebrook has offered to have him', ['pendlebrook'], '[place]'),
    ("her dad's over at carnweth now", ['carnweth'], '[place]'),
    ('little kezia-rae was in the room', ['kezia'], '[name]'),
    ('brinley and his sister were on a cp plan', ['brinley'], '[name]'),
    ('the girl in year 9, the tall one, marnika', ['marnika'], '[name]'),
    ('dr m. p. okorodu saw him at the clinic', ['okorodu'], '[name]'),
    ("babcia looks after them after school, she's in thornwick", ['thornwick'], '[place]'),
    ('his dadi in pellerby sends money', ['pellerby'], '[place]'),
    ("look him up on tiktok, he's jorvz official", ['jorvz'], '[handle]'),
    ('she posts as xx marnz xx', ['marnz'], '[handle]'),
    ('the care proceedings reference is nine eight seven six five', ['nine', 'eight'], '[reference]'),
    ('the crime ref is four four two one nine', ['four', 'two'], '[reference]'),
    ('the top flat at 112a', ['112a'], '[address]'), ("she's in the ls eleven area", ['eleven'], '[postcode]'),
    ('number 18, the house with the boarded windows', ['18'], '[address]'),
    ("the farm's called penhallow, out past thornwick", ['thornwick'], None),
    ('the 73 takes them to school', ['73'], '[detail]'), ('our cat Ruffled sleeps on his bed', ['ruffled'], '[name]'),
    ('the only boy in reception at carrow bank school, jorvan', ['jorvan', 'carrow'], None),
    ("she signed the card 'love from marnika x'", ['marnika'], '[name]'),
    ("it said 'kaelynn was here' in felt tip", ['kaelynn'], '[name]'),
    ('we moved tiernan-jay to a new carer', ['tiernan'], '[name]'),
    ('the court at pellerby made the order', ['pellerby'], '[place]'),
    ("they're at hawthorn rise, the bungalow at the end", ["hawthorn", "rise"], "[address]"),
    ("young kwesi was the one who disclosed", ["kwesi"], "[name]"),
    ("she's staying at her grandparents' in little marrowby", ["little", "marrowby"], "[place]"),
    ("she's in room 12 on ward 9 at the infirmary", ["12", "9"], "[place]"),
    ("they live at 7 the paddocks, behind the church", ["7", "paddocks"], "[address]"),
    ("she's out at the brambles, the cottage by the canal", ["brambles"], "[address]"),
    ("rhiannon-mai from the family hub came", ["rhiannon", "mai"], "[name]"),
    ("i've been working with the kowalskas for about a year", ['kowalskas'], '[name]'),
    ('we ended up driving zamirah home ourselves', ['zamirah'], '[name]'),
    ('her grandma down in pollockby has the baby', ['pollockby'], '[place]'),
    ("tj, that's what we call tremaine-jay, kicked off", ['tremaine'], '[name]'),
    ('the little one goes to tiny tots at rosewick', ['rosewick'], '[place]'),
    ("they're in a place called bryn teg, on the way to llanfarrow", ['teg', 'llanfarrow'], None),
    ('the reference on the c and a was twelve forty-four thirty', ['forty'], '[reference]'),
    ('we placed zuri and kemi with the same carer', ['zuri', 'kemi'], '[name]'),
    ('mam took kayden-lee to the walk-in', ['kayden'], '[name]'),
    ('her dog Trotting and her cat Buttons', ['trotting', 'buttons'], '[name]'),
    ('the 88 goes right past his school', ['88'], '[detail]'),
]


# Measured when written: before, all 101 kept what is listed
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# Forms of this round's red team that were already redacted (kept as a guard).
_RED_HELD = [
    ('we all call him little tezzo', ['tezzo']),
    ('everyone calls her Brindy, short for Brindella', ['brindy', 'brindella']),
    ('our kid jonzo was in the car', ['jonzo']), ("Zekky's been a nightmare since the move", ['zekky']),
    ('she goes by Kaz now, not Karzelia', ['kaz', 'karzelia']), ('his mates call him big Drav', ['drav']),
    ("I went to Tiarnelle's nan's house", ['tiarnelle']), ("it was Morwick's mum who rang us", ['morwick']),
    ("she shouted 'Zubrin, get in here' at him", ['zubrin']),
    ('he said "my name\'s Okendo, not the other one"', ['okendo']),
    ("the Dravinskis' house was a mess", ['dravinskis']),
    ('Lowenna Treharrow-Pask was the allocated worker', ['lowenna', 'treharrow', 'pask']),
    ('Siobhra Ní Bhraolain chaired the conference', ['siobhra', 'bhraolain']),
    ('Dafrydd ap Gwenllys came out to the house', ['dafrydd', 'gwenllys']),
    ('Harpavneet Kaur Dhaliwarn is her key worker', ['harpavneet', 'dhaliwarn']),
    ('Chukwudara Okonkweze, the dad, was at the meeting', ['chukwudara', 'okonkweze']),
    ('Przemko Wrzosniak had moved out by then', ['przemko', 'wrzosniak']),
    ("the mum, Oluwatamilore, didn't want the interpreter", ['oluwatamilore']),
    ('I spoke to Mrs Adebanwo-Fasheke on the phone', ['adebanwo', 'fasheke']),
    ('Tadeusko Brzęczykowski was the stepdad', ['tadeusko', 'brzęczykowski']),
    ('Aoibhrin Mac Con Ghearra was his teacher', ['aoibhrin', 'ghearra']),
    ('Dr K. J. Vraznick saw her at the clinic', ['vraznick']),
    ('Cllr T Pemberwick raised it at scrutiny', ['pemberwick']),
    ('the letter was signed by Mrs R Okorafe', ['okorafe']), ('PC Drennaway took the statement', ['drennaway']),
    ('judge H.H.J. Calloran made the order', ['calloran']), ('her nan in Kelbury has him at weekends', ['kelbury']),
    ('his uncle over in Drensford wants to take him', ['drensford']),
    ('she stays with her auntie up in Thrushby most weekends', ['thrushby']),
    ("his dad's back in Brackmoor with the new girlfriend", ['brackmoor']),
    ('the grandparents down Tollerby way were approached as kinship carers', ['tollerby']),
    ("she's tiarna underscore xx on snap", ['tiarna']), ('he goes by kwazzy2k on tiktok', ['kwazzy2k']),
    ('her snap is brindz_x', ['brindz_x']), ("she's the only year 6 girl at Pennick Church School", ['pennick']),
    ('Tamzia in year 4 at Holbrackle Primary', ['tamzia', 'holbrackle']),
    ("there are only nine in his year at St Brannoc's", ['brannoc']),
    ("he's in reception at Little Tregwin Academy", ['tregwin']),
    ("she's with the Dronfields now, they're her carers", ['dronfields']),
    ('the Hesketh-Barrs have fostered him since March', ['hesketh', 'barrs']),
    ('he calls his carers nanna and grandad Pellowe', ['pellowe']),
    ('her foster carers, Mr and Mrs Trevannick, were brilliant', ['trevannick']),
    ("he's been placed with the Ashbrinks in the village", ['ashbrinks']),
    ('they live at Penwithick Cottage out past the farm', ['penwithick']),
    ('the family moved into Tregarrow House last year', ['tregarrow']),
    ('the address was just Brynmawr Lodge, no number', ['brynmawr']),
    ('she lives at Ty Gwyndraeth on the hill', ['gwyndraeth']), ("they're somewhere in BD7 now", ['bd7']),
    ('she moved to the LS9 area', ['ls9']), ('round M40 way, near the park', ['m40']),
    ('the family are in ne6, I think', ['ne6']),
    ('she was born on the third of March two thousand and nine', ['third', 'march']),
    ("his birthday is the twelfth of May, he'll be eleven", ['twelfth']),
    ('born twenty second of June 2011', ['twenty', 'june', '2011']),
    ('the case number is ZC19P04412', ['zc19p04412']),
    ('care proceedings under LS21C00123 were issued', ['ls21c00123']), ('the court ref was 1234 of 2019', ['1234']),
    ("it's on the system as case 448813", ['448813']), ('the police crime number was 13/47721/22', ['47721']),
    ('the LADO referral, ref L-2291, came in', ['2291']), ("she's on ward 32 at the General", ['32']),
    ('he was on ward 4b for a week', ['4b']), ('flat 3 above the chip shop on Drennick Road', ['drennick']),
    ("they're in the flat above the bookies on Harrowgale Street", ['harrowgale']),
    ('the house next to the Spar on Collingbrook Avenue', ['collingbrook']),
    ('number 14, the one with the blue door on Penhallow Close', ['penhallow']),
    ('the maisonette over the launderette on kettleby road', ['kettleby']),
    ('his little brother zaydon is in foster care too', ['zaydon']),
    ('me and shakirra went to the meeting', ['shakirra']), ('our manager, Bronagh, signed it off', ['bronagh']),
    ('it was nkechinyere who picked it up', ['nkechinyere']), ('the lads call him smiley, he hates it', ['smiley']),
    ("she's at her aunt's in thrushby for half term", ['thrushby']), ("her tiktok's brindz dot xo", ['brindz']),
    ("add him on snap, it's kwazzy underscore oh nine", ['kwazzy']),
    ('she was born on the first of april oh nine', ['april']), ("his birthday's new year's eve, 2012", ['2012']),
    ('the proceedings number was MA22C00417', ['ma22c00417']), ('she was on ward twelve at the royal', ['twelve']),
    ("he's in bed 7 on the children's ward at Tremorrow General", ['tremorrow']),
    ('third house on the left after the co-op on plover street', ['plover']),
    ("they're at number 9, drennick road", ['drennick']),
    ('year 5 at holbrackle, the little village school', ['holbrackle']),
    ("they're at penwithick cottage now", ['penwithick']),
    ('they moved to the old vicarage in thrushby', ['thrushby']), ("she's out in the OL10 area now", ['ol10']),
    ('mr b. k. adeyemo-ross wrote to us', ['adeyemo', 'ross']),
    ('the social worker, j.t., said it was fine', ['j.t']), ("'nana tessaly' they call her", ['tessaly']),
    ("D'Arcelle was the one who got excluded", ['arcelle']),
    ("we placed him with nana bev and grandad o'driscane", ['driscane']),
    ("the mum's new fella, a lad called drezza", ['drezza']),
    ('her older sister kerensa has the baby now', ['kerensa']),
    ('it was mr okoruwa-james from the school who rang', ['okoruwa', 'james']),
    ("mrs n'diakhate, the senco, came to the meeting", ['diakhate']),
    ('her nan in kelbury has him at weekends', ['kelbury']),
    ("our tiarnelle's been much better since", ['tiarnelle']), ('me and our jayzen went up to see her', ['jayzen']),
    ("he's with nanna pellowe most weekends", ['pellowe']), ("she's at her dad's in brackmoor", ['brackmoor']),
    ('case no. LS 21 C 00123 was listed', ['00123']), ('he was on ward c3 for two weeks', ['c3']),
    ('she spent a month on ward eleven', ['eleven']),
    ('27b kettleby road, the one with the bins out', ['27b', 'kettleby']), ('flat 4, 12 plover street', ['plover']),
    ("she's at brackenfold, the children's home", ['brackenfold']),
    ('the only year 11 at penwithick community school', ['penwithick']), ('born the 3rd of the 4th 2009', ['2009']),
    ("her dob's 03.04.2009", ['2009']), ('born on boxing day 2010', ['2010']),
    ('aunty ngozika has been amazing', ['ngozika']), ('uncle kwabenaro picks them up', ['kwabenaro']),
    ('dafrydd rang me on the friday', ['dafrydd']), ('i picked up zekiah from nursery', ['zekiah']),
    ('i visited the okonkwezes on monday', ['okonkwezes']), ("her insta's @ tiarnz underscore x", ['tiarnz']),
    ("he's lil_drenz on insta", ['drenz']), ('she posts as brindz x o on tiktok', ['brindz']),
    ('the house is called Tregarrow, up the lane', ['tregarrow']),
    ('the ICPC was on the twelfth of march 2021 for baby dronfield', ['dronfield']),
    ('the only polish family in year 3 at holbrackle', ['holbrackle']), ('it was kwame-lee who found her', ['kwame']),
    ("mr and mrs o'driscane are her carers", ['driscane']),
    ('i spoke to dafrydd ap gwenllys on monday', ['dafrydd', 'gwenllys']),
    ('mrs adebanwo-fasheke was the chair', ['adebanwo', 'fasheke']),
    ('we call her tammy-z, everyone does', ['tammy-z']), ('the boy, kezzo, was always hungry', ['kezzo']),
    ("jaylan's mum refused the assessment", ['jaylan']), ("it was 'trezzy did it, not me'", ['trezzy']),
    ('her auntie in pendrigg took her for the summer', ['pendrigg']),
    ('the only girl in year 6 at carrowby primary', ['carrowby']),
    ("he's one of three in reception at the small school in pellingham", ['pellingham']),
    ("the year 3 class at st morwenna's only has eight children", ['morwenna']),
    ('we placed her with mr and mrs fairweather-okoye', ['fairweather', 'okoye']),
    ('they live in a house called Glanrhyd, out on the lane', ['glanrhyd']),
    ('the farmhouse is called tregellas', ['tregellas']), ("they're in the SK14 4 area", ['sk14']),
    ('his postcode starts LS12', ['ls12']),
    ('she was born on the 3rd of the 4th, two thousand and nine', ['2009', 'thousand', 'nine']),
    ("his birthday's the day after boxing day, 2011", ['2011']),
    ('the court number is MA22C00417 and the hearing is in may', ['ma22c00417']),
    ('the police log was 1122 of the 14th', ['1122']), ('the CP ref on liquidlogic is 7741230', ['7741230']),
    ("she's on ward 32 at Tremorrow General", ['32', 'tremorrow']),
    ('flat 2b above the bookies on drennick lane', ['2b', 'drennick']),
    ('the flat over the chippy on kettleby road', ['kettleby']), ('her tiktok is @tamz.x.o', ['tamz']),
    ('his xbox name is shadowzorb 99', ['shadowzorb']), ("on snap she's called lil tamzy", ['tamzy']),
    ("she's got a burner insta called tiarnz_priv", ['tiarnz_priv']),
    ('her key worker pritpal said she was doing better', ['pritpal']),
    ("oluwadamilare's teacher was worried", ['oluwadamilare']),
    ("ngozika's kids are all at the same school", ['ngozika']), ('me and przemko went to the review', ['przemko']),
    ("we rang aoibhrin's mum", ['aoibhrin']),
    ('he plays for Pellingham and Thrushby Colts', ['pellingham', 'thrushby']),
    ('i collected jorvan from school on the friday', ['jorvan']), ("our jolen's doing better at school", ['jolen']),
    ('the social worker, mrs adeyolu, came out', ['adeyolu']),
    ("her cousin nkemdi, she's the one who rang", ['nkemdi']), ('her insta is kaelz dot x dot oh eight', ['kaelz']),
    ('born the second of august two thousand and eleven', ['august', 'eleven']),
    ('her date of birth is oh three oh nine oh nine', ['three', 'nine']),
    ('he was on ward seventeen at the general', ['seventeen']), ("she's in bay 4 on ward 21", ['21']),
    ('flat 9 over the bookies on morrick street', ['morrick']), ("they're round the wf9 way", ['wf9']),
    ("she's in the 5th Pellerby Guides", ['5th', 'pellerby']),
    ('he plays for Carnweth and Dale Rangers', ['carnweth', 'dale']),
    ("mrs o'halloran-byrne, the foster carer, rang me", ["halloran", "byrne"]),
    ("we went to see aunty yewande in the flat above the launderette", ["yewande"]),
    ("her sister tiggy-lou is only four", ["tiggy"]), ("i told shazia's mum the outcome", ["shazia"]),
    ("the headteacher at brockhurst infants, mrs pennock", ["brockhurst", "pennock"]),
    ("he's the only one in year 10 at st aldric's with a plan", ["aldric"]),
    ("she's on facebook as tanya marie zelnick", ["zelnick"]), ("his gamertag is k1ll3r_jorvo", ["k1ll3r_jorvo"]),
    ("the youth worker, jonty, picked him up from the station", ["jonty"]),
    ("he was born at home on the fifth of november two thousand and ten", ["november", "fifth"]),
    ("his DOB is the 5th of the 11th", ["5th", "11th"]), ("the LA case number was 2019 slash 04417", ["04417"]),
    ("the IRO ref was CIN 004417", ["004417"]), ("the flat above the nail bar on wenlock parade", ["wenlock"]),
    ("they're in the NG7 bit of town", ["ng7"]), ("his dad, dariusz kowalczewski, left in 2018", ["dariusz", "kowalczewski"]),
    ("the grandmother, mrs olanrewaju, wants contact", ["olanrewaju"]),
    ("we met tomasz and his partner agnieszka-marie", ["tomasz", "agnieszka"]),
    ("the senco at pellerby primary, mr drayle", ["pellerby", "drayle"]),
    ("his step-mum, ngozi-ann, didn't engage", ['ngozi']),
    ('mr j. r. okwuosa-hill chaired the strategy meeting', ['okwuosa']),
    ('our team manager, siân pryddarch, signed it off', ['pryddarch']),
    ("his snap's literally just jaydenz_ten", ['jaydenz_ten']),
    ('her youtube is called marvz makes', ['marvz']),
    ("he's the only year 5 lad at dunmarrow c of e", ['dunmarrow']),
    ('the fosterers, the ashwell-kanes, have two of their own', ['ashwell', 'kanes']),
    ('the house is the end one on carrick close, by the garages', ['carrick']),
    ("they're somewhere in the s6 area now", ['s6']),
    ('she was born on christmas eve two thousand and twelve', ['twelve']),
    ("he's on ward 4c, the adolescent unit at st bartolin's", ['4c', 'bartolin']),
    ('the flat over the takeaway on broadmere way', ['broadmere']),
    ('the youngest, amarachi, is still at home', ['amarachi']),
    ("she's stopping at her aunty's in wellmoor", ['wellmoor']),
    ('they go to the mosque in farnleigh every friday', ['farnleigh']),
    ("he's in the 1st Dunmarrow Beavers", ['1st', 'dunmarrow']),
    ('she plays for Wellmoor and Farnleigh Girls', ['wellmoor', 'farnleigh']),
    ('dr przybylski-nowak at the clinic said so', ['przybylski', 'nowak']),
]


test_this_rounds_forms_already_redacted_stay_so = _rounds.stay_gone(_RED_HELD)


# Measured when written: before, both gave "[reference]" for "in 2019" (over-redaction)
test_a_word_and_a_year_after_a_case_is_no_reference = _rounds.kept([
    'the case in 2019 was hard', 'the case was in 2019',
])


# Guards: ordinary English next to the shapes this round reads (a child taken somewhere, a family by surname, a place
# out past, a handle after "he's", a bed on a ward, a house by its number); kept before and after
test_forms_near_this_rounds_rules_are_kept = _rounds.kept([
    'they call him the boss', 'the neet kids were the hardest to reach', "on tiktok she's hilarious",
    "on snap she's always posting", 'she lives just past the shops', 'the nurse, however, came in',
    'the worker, camhs, said', 'the flat at 3 in the morning was cold', 'we went round to see her',
    'the number 3, the one with the best scores', 'number 2, the one that matters, is funding', 'the ward had 14 beds',
    'love you xx miss you xx', 'follow the rules on tiktok', 'she added him on snap', 'the case was one of two we saw',
    'the court had three or four cases', 'in case one or two of them came', 'the boy was at school, apparently.',
    "she's with the police now", 'the details have changed', 'the schools have closed', 'the ehcps have been done',
    'he lives out at the moment', 'her nan over at ours', 'the school at the moment is good',
    "she's with the camhs team now", 'the roblox kids were noisy', 'we took them to the park',
    'she moved them to a new school', 'i picked it up from school', 'they took ages to reply',
    'we dropped it off at the office', 'the older one, however, was fine', 'the girl, apparently, was fine',
    'love, it was hard', 'from what I saw it worked', 'the little school at the end of the road',
    'the court at the time said no', 'his gran out at the shops', 'the referral in 2021 came from school',
    'she calls herself a survivor now', 'he calls himself the man of the house', 'she was at home, on her own',
    'the family court in the city', 'little by little it improved', 'our team was stretched',
    'the 2 of them took her to school', "she's in the year 7 area at school", "they lived at 3 the whole time",
    "we met at the meeting, the farm was discussed", "at the time, the cottage was empty",
    "they're at the end, the bungalow on the left", "room 12 is on the second floor", "they moved to the new estate",
])


# The two forms the round left open, and forms of the same shapes written after (all leaked before the fix): a place
# spelt with doubled consonants, two vowels in seven letters or more ("thrennick": too few vowels for the shapes places
# were read by), and a nickname's own words before the name after "known as" or "calls her".
test_the_two_forms_left_open_are_closed = _rounds.stay_gone([
    ("staying at her boyfriend's in thrennick", ["thrennick"]),
    ("known round here as little miss marvella", ["marvella"]),
    ("she moved to skellmott with her nan", ["skellmott"]),
    ("his dad's in crannbeck now", ["crannbeck"]),
    ("everyone calls her little miss zorabelle", ["zorabelle"]),
    ("he's known as big kwezzy on the estate", ["kwezzy"]),
    ("known round here as young tarquella", ["tarquella"]),
], bracket=True)


test_ordinary_words_near_those_forms_are_kept = _rounds.kept([
    "she's known as little miss trouble at school",
    "it was known as little change in the end",
    "the scheme is known as big society",
    "the group is known as young carers",
    "they went to the strengths group",
    "he was referred to camhs in march",
])
