"""Twenty-ninth red-team round: public names of national scope kept, names given, written or asked after, and the open
forms of rounds 26 to 28.

Over-redactions closed as a capability, not a list of the words met: a shipped list of public names of national scope
(``impact/_data/privacy/public_names.txt``: charities, events, therapies and programmes, medicines, games, toys and
apps, television programmes, clubs, bands, makes of goods, holiday camps, shops, food and drink; 366 written for
impact, and 664 United Kingdom brands and charity shops of the name-suggestion-index, BSD 3-Clause, filtered by
``bench/build_public_names.py`` so that no entry holds a given name, a surname, a family's plural or possible initials).
A capitalised name on it is kept unless the sentence treats it as a person or a home (a title or relation before it, a
name called out, family words after its possessive, a verb only a person has, a home in it): "gave her Tiarnelle back"
stays redacted, as does "her son Lego was crying".  The nurseries, schools and clinics of the index are left out, a
child's setting being a place ("she goes to Busy Bees").

Leaks closed as a class of writing:

* a singular count noun opening a sentence bare before being somewhere or with someone ("blaze was in the car with
  them"); a double name of two lower-case words set off after a relation ("the toddler, sonny-blue, was crying"); a
  word of the land or a hospital's after "born ... in the" ("born at 26 weeks in the heath"); a Welsh-spelt word's
  letters of two ("ch", "ll" ...) counted as one and its "w" as a vowel when weighed as a place ("bwlchgwyn");
* a name written or said to someone after "rip", "happy (5th) birthday", "love from" ("the wall said rip jaydon");
* a name given or taken: after a change of name, a wish to be called, a surname to be, a contact's or a street name,
  being saved in a phone as, the one they call, the lad known as ("she changed her name to river by deed poll", "his
  street name is ghost", "saved in his phone as 'wifey kels'"): any word there is the name, an English word too;
* a word no list knows asked after or set against another in a cleft ("was it tiegan?", "it's not kyron, it's kyran");
* "miss" in lower case set off after a role or opening a sentence is the title ("the teacher, miss o'leary, noticed").

Round 26's two open forms, round 27's one and round 28's one leak are closed (``_FROM_ROUND_26`` ...), and round 28's
eight over-redactions (``_FROM_ROUND_28_KEPT``).

Of the 104 sentences written for this round (tattoos, graffiti, cards, names given and changed, phone contacts, case,
court, hospital, bank, passport and licence numbers, dates of birth by events, homes above shops, refuges and hostels,
relatives' jobs, street names, spelling out, handles, pets, roles set off) 20 came out wrongly before: 13 are closed
(``_RED_TEAM``) and 7 still leak (``_OPEN``, one line each on why); 83 were redacted so before (``_HELD``, some with a
token other than the one first expected and nothing left: "[phone]" for a case, account or passport number, "[date]"
for a sort code (round 46 reads both as "[reference]", bank details), "[place]" for a bus's number and for "bambi", "[name]" for "barry", "[detail]" for a star sign); one
names nothing ("the walkabout in town") and is kept.  80 sentences whose words look like names but are public names
(``_KEPT``) are kept: 41 before and after, 39 now (over-redactions before, marked).  23 ordinary sentences near the new
shapes are kept (``_SHAPES_KEPT``: 19 before and after, 4 now), and 8 with a public name spoken of as a person stay
redacted (``_PUBLIC_NAME_AS_PERSON``, all redacted so before).

Gold corpus (``python -m bench.redaction_gold``): no sentence is redacted differently in any of the three runs (stress
691, none 658, stress_lower 565 sentences redacted before and after).
"""

from __future__ import annotations

from . import _rounds

# Round 26's open forms, closed here.
_FROM_ROUND_26 = [
    ("blaze was in the car with them", "[name] was in the car with them"),
    ("the toddler, sonny-blue, was crying", "the toddler, [name], was crying"),
]

# Round 27's open form, closed here.
_FROM_ROUND_27 = [
    ("she was born at 26 weeks in the heath", "she was born at 26 weeks in the [place]"),
]

# Round 28's open leak, closed here.
_FROM_ROUND_28 = [
    ("they live in a caravan in bwlchgwyn", "they live in a caravan in [place]"),
]

# Round 28's open over-redactions, kept here.
_FROM_ROUND_28_KEPT = [
    "Samaritans were on the phone with her",
    "we tried Multisystemic Therapy",
    "give him Calpol and bring him in",
    "they went to Butlins in the summer",
    "she went to the Eisteddfod",
    "the Ryder Cup was on the telly",
    "she's got a Nokia, not a smartphone",
    "he loves Pokémon and Lego",
]

# Written for this round; each came out differently before the fixes (measured when written).
_RED_TEAM = [
    ('the wall said rip jaydon in big letters', 'the wall said rip [name] in big letters'),  # was 'the wall said rip jaydon in big letters'
    ('the cake said happy 5th birthday kacey-mae', 'the cake said happy 5th birthday [name]'),  # was 'the cake said happy 5th birthday kacey-mae'
    ('she changed her name to river by deed poll', 'she changed her name to [name] by deed poll'),  # was 'she changed her name to river by deed poll'
    ('she wants to be called jay now', 'she wants to be called [name] now'),  # was 'she wants to be called jay now'
    ("the baby's surname will be hartigan", "the baby's surname will be [name]"),  # was "the baby's surname will be hartigan"
    ("she's saved in his phone as 'wifey kels'", "she's saved in his phone as '[name]'"),  # was "she's saved in his phone as 'wifey kels'"
    ('his contact name for her was just mads', 'his contact name for her was just [name]'),  # was 'his contact name for her was just mads'
    ('our kid, the one they call tank, done it', 'our kid, the one they call [name], done it'),  # was 'our kid, the one they call tank, done it'
    ('his street name is ghost', 'his street name is [name]'),  # was 'his street name is ghost'
    ('the lad known as smurf was there', 'the lad known as [name] was there'),  # was 'the lad known as smurf was there'
    ('was it tiegan? yeah, tiegan said that', 'was it [name]? yeah, [name] said that'),  # was 'was it tiegan? yeah, [name] said that'
    ("it's not kyron, it's kyran, with a y", "it's not [name], it's [name], with a y"),  # was "it's not kyron, it's kyran, with a y"
    ("the teacher, miss o'leary, noticed the bruises", "the teacher, miss [name], noticed the bruises"),  # was "the teacher, miss o'leary, noticed the bruises"
]

_HELD = [
    ("she's got tyler tattooed on her wrist", "she's got [name] tattooed on her wrist"),
    ("he's got 'kayden' tattooed across his knuckles", "he's got '[name]' tattooed across his knuckles"),
    ('her tattoo says rip nanna jean', 'her tattoo says rip nanna [name]'),
    ('someone sprayed kyle is a grass on the bus shelter', 'someone sprayed [name] is a grass on the bus shelter'),
    ('the card was signed love from auntie bev', 'the card was signed love from auntie [name]'),
    ("the balloon had 'ava 3' on it", "the balloon had '[name] 3' on it"),
    ('she wants to call the baby nevaeh', 'she wants to call the baby [name]'),
    ("they're naming him after his grandad, alfie", "they're naming him after his grandad, [name]"),
    ('he goes by alex now, not alexandra', 'he goes by [name] now, not [name]'),
    ("her maiden name was o'driscoll", 'her maiden name was [name]'),
    ("his middle name's tiberius", "his middle name's [name]"),
    ('his full name is kai-jordan pryce-williams', 'his full name is [name]'),
    ("she uses her mum's surname, kowalski", "she uses her mum's surname, [name]"),
    ("he signs his texts off 'dee x'", "he signs his texts off '[name] x'"),
    ('her case number is 12 34 567', 'her case number is [reference]'),  # '[phone]' until round 48
    ('the court number is LS22C00451', 'the court number is [reference]'),
    ('the care proceedings number is MA23P01234', 'the care proceedings number is [reference]'),
    ("her hospital number's K1234567", "her hospital number's [reference]"),
    ('his sort code is 20-45-77', 'his sort code is [reference]'),  # '[date]' until round 46 read bank details
    ("the account number's 41234567", "the account number's [reference]"),  # '[phone]' until round 46
    ('his passport number is 533401372', 'his passport number is [reference]'),  # '[phone]' until round 48
    ('her driving licence number is MORGA753116SM9IJ', 'her driving licence number is [reference]'),
    ('the claim reference is ZX 99 88 77 A', 'the claim reference is [NI number]'),
    ('she was born the day the queen died', 'she was born [date of birth]'),
    ('he was born the night of the euro final in 2021', 'he was born [date of birth]'),
    ('she turned eighteen on the 2nd', 'she turned [age] on [date of birth]'),
    ("he's a leo, his birthday's the 3rd of august", "he's a [detail], his birthday's [date of birth]"),
    ('the twins were born on leap day 2016', 'the twins were born on [date of birth]'),
    ("she'll be 16 on friday", "she'll be [age] on [date of birth]"),
    ("the baby came on new year's day 2023", 'the baby came on [date]'),
    ("they're in the flat above the bookies on castle street", "they're in the flat above the bookies on [address]"),
    ('the house with the red door on gelli road', 'the house with the red door on [address]'),
    ("she's in the end terrace by the co-op on heol y nant", "she's in the end terrace by the co-op on [address]"),
    ('the bungalow at the top of penrhos lane', 'the bungalow at the top of [address]'),
    ('he sleeps in a tent behind the aldi in pontcanna', 'he sleeps in a tent behind the aldi in [place]'),
    ("she sofa surfs at her mate's on ty gwyn road", "she sofa surfs at her mate's on [address]"),
    ("they're in the refuge in aberdare", "they're in the refuge in [place]"),
    ("she's at the womens refuge in merthyr", "she's at the womens refuge in [place]"),
    ('the hostel on newport road in cardiff', 'the hostel on [address] in [place]'),
    ("he's in the bail hostel in ely", "he's in the bail hostel in [place]"),
    ("his school's the one by the roundabout in penylan", "his school's the one by the roundabout in [place]"),
    ("she's at the pru in barry, the pupil referral unit", "she's at the pru in [name], the pupil referral unit"),
    ('her dad drives the 27 bus', 'her dad drives the [place] bus'),
    ('her mum works the tills at the morrisons in caerau', 'her mum works the tills at the morrisons in [place]'),
    ('her uncle runs the chippy on clare road', 'her uncle runs the chippy on [address]'),
    ('they call him little g on the estate', 'they call him [name] on the estate'),
    ('she goes by the name of bambi on there', 'she goes by the name of [place] on there'),
    ("i was talking to, like, keeley's mam", "i was talking to, like, [name]'s mam"),
    ("i rang, um, ashton's dad twice", "i rang, um, [name]'s dad twice"),
    ("me and shakira's nan went up", "me and [name]'s nan went up"),
    ('so ella, she, um, ella-grace, rang', 'so [name], she, um, [name], rang'),
    ('the little one, like, the baby, harlow, is fine', 'the little one, like, the baby, [name], is fine'),
    ('you spell it n i a m h', 'you spell it [name]'),
    ("her name's sian with no h", "her name's [name] with no h"),
    ("the dad, he's called, erm, lewys, lewys pugh", "the dad, he's called, erm, [name]"),
    ("her instagram's @kayla.xo", "her instagram's [handle]"),
    ('his tiktok is jaydenboi_07', 'his tiktok is [handle]'),
    ("her snapchat's just kels underscore 04", "her snapchat's just [handle]"),
    ('his discord tag is shadowfox#1234', 'his discord tag is [handle]'),
    ("her xbox name's xX_ripper_Xx", "her xbox name's [handle]"),
    ('she emailed me from jess.morgan2009 at hotmail dot com', 'she emailed me from [email]'),
    ("he's on 07700 900 982, that's his burner", "he's on [phone], that's his burner"),
    ("her landline's 029 2018 0000", "her landline's [phone]"),
    ('his other number ends 456 789', 'his other number ends [phone]'),
    ('ring the nan on oh one six three two, nine six oh, double oh one', 'ring the nan on [phone]'),
    ("the dog's called tyson and the kid's called rocco", "the dog's called [name] and the kid's called [name]"),
    ('their staffie, bella, bit the postman', 'their staffie, [name], bit the postman'),
    ('the baby, ocean, is on the child protection plan', 'the baby, [name], is on the child protection plan'),
    ('the twins, rio and remi, are in foster care', 'the twins, [name] and [name], are in foster care'),
    ('baby jaxon was born addicted', 'baby [name] was born addicted'),
    ('my colleague, heledd, did the section 47', 'my colleague, [name], did the section 47'),
    ('the iro, dafydd, chaired the review', 'the iro, [name], chaired the review'),
    ('the social worker, lowri jenkins, rang back', 'the social worker, [name], rang back'),
    ('the guardian, mrs hughes-parry, filed it', 'the guardian, mrs [name], filed it'),
    ('the judge, her honour judge pryce, made the order', 'the judge, her honour judge [name], made the order'),
    ("the child's dad, jermaine, is on tag", "the child's dad, [name], is on tag"),
    ('his probation officer, bryn, breached him', 'his probation officer, [name], breached him'),
    ('her foster carer is called glenys', 'her foster carer is called [name]'),
    ('the kinship carer, aunty precious, has them', 'the kinship carer, aunty [name], has them'),
    ("she said, 'mummy's friend steve hurt me'", "she said, 'mummy's friend [name] hurt me'"),
    ("he wrote in his diary, 'i hate craig'", "he wrote in his diary, 'i hate [name]'"),
    ("the note said 'sorry mam, love kian'", "the note said 'sorry mam, love [name]'"),
    ("she whispered, 'don't tell tasha'", "she whispered, 'don't tell [name]'"),
]

# Still leaking (measured when written); strict, so closing one is seen.  Round 30 closed five more (its
# ``_FROM_ROUND_29``): the millennium, the same day as mine, the llandaff ladies, ysgol gymraeg treganna, the boxing
# club at splott; round 32 the last two (its ``_FROM_EARLIER_ROUNDS``): born in lockdown, the canolfan in tumble.
_OPEN: list[tuple[str, str]] = []

# Public names of national scope, capitalised as written: kept after the fixes; the ones marked were redacted before.
_KEPT = [
    'we rang Samaritans together that night',  # was 'we rang [name] together that night'
    'Childline gave her a number to text',
    "she's been on Kooth most evenings",  # was "she's been on [place] most evenings"
    'Place2Be see him every tuesday',
    'the Trussell Trust voucher came through',  # was 'the [name] Trust voucher came through'
    'Mencap sorted the respite',  # was '[name] sorted the respite'
    'Shelter helped with the eviction letter',
    "the Prince's Trust course got him out of bed",
    'he did his Duke of Edinburgh last year',
    'the Sea Cadets have been brilliant for him',
    'she goes to Girlguiding on a thursday',
    'Save the Children sent a box of books',
    'Oxfam had a coat for him',  # was '[name] had a coat for him'
    'we did Multisystemic Therapy for six months',  # was 'we did [name] for six months'
    'Functional Family Therapy was offered',
    "she's waiting for Dialectical Behaviour Therapy",  # was "she's waiting for [name]"
    'they did Theraplay with the carers',  # was 'they did [name] with the carers'
    'the Incredible Years course was full',
    'we did Triple P with mum',
    'the Family Nurse Partnership nurse came',
    'Video Interaction Guidance helped dad see it',
    'she uses Makaton with her brother',
    'the Freedom Programme runs on mondays',
    'dad did Caring Dads in the end',
    'we used Lifelong Links to find family',
    'give him Calpol and see how he is',  # was 'give him [name] and see how he is'
    "she's on Ritalin now, the slow release",  # was "she's on [place] now, the slow release"
    'he takes Elvanse in the morning',  # was 'he takes [name] in the morning'
    'the baby needs Gaviscon in every feed',  # was 'the baby needs [name] in every feed'
    'mum gave her Piriton for the rash',  # was 'mum gave her [name] for the rash'
    'he had Nurofen before school',  # was 'he had [name] before school'
    'she uses Ventolin before PE',  # was 'she uses [name] before PE'
    'we got Sudocrem for the nappy rash',  # was 'we got [name] for the nappy rash'
    'he was prescribed Circadin to help him sleep',  # was 'he was prescribed [name] to help him sleep'
    "she's on Microgynon now",  # was "she's on [place] now"
    'she went to the Eisteddfod with school',  # was 'she went to the [place] with school'
    'he won at the Urdd last year',  # was 'he won at the [place] last year'
    'the Ryder Cup was on all weekend',  # was 'the [name] was on all weekend'
    "they watched the World Cup at nan's",
    "the Grand National is dad's one bet a year",
    'we did Red Nose Day at the centre',  # was 'we did [name] at the centre'
    'Children in Need raised loads',
    'she dressed up for Halloween',  # was 'she dressed up for [name]'
    'they celebrate Diwali with the cousins',
    'Ramadan was hard for him this year',
    "he's obsessed with Minecraft",
    'she plays Roblox with her mates',
    'he was up all night on Fortnite',
    'he loves Pokémon and Lego',  # was 'he loves [name] and [name]'
    'she collects Squishmallows',  # was 'she collects [name]'
    'the kids love Bluey',  # was 'the kids love [name]'
    'Peppa Pig was on in the background',  # was '[name] was on in the background'
    "he's saving for Mario Kart",  # was "he's saving for [name]"
    'we played Monopoly at contact',
    'she watches EastEnders with her nan',  # was 'she watches [name] with her nan'
    'Love Island is all she talks about',
    "he's a big fan of Doctor Who",
    'they never miss Strictly Come Dancing',
    'she watched Hollyoaks in the respite home',  # was 'she watched [name] in the respite home'
    'Match of the Day is their thing',
    'he supports Arsenal like his dad',
    "she's mad about Celtic",  # was "she's mad about [name]"
    'he got a Spurs shirt for christmas',
    'they went to see Aston Villa play',  # was 'they went to see [name] play'
    'she loves Little Mix',
    "he's into Arctic Monkeys now",
    'the Spice Girls were on the radio',
    "she's got a Nokia, not a smartphone",  # was "she's got a [detail], not a smartphone"
    'he wants a PlayStation for his birthday',
    'her iPhone got smashed',
    'he lives in his Nike trainers',  # was 'he lives in his [name] trainers'
    'she wants a North Face coat like everyone else',
    'they went to Butlins in the summer',  # was 'they went to [place] in the summer'
    'we took them to Alton Towers',  # was 'we took them to [address]'
    'they had a week at Center Parcs',  # was 'they had a week at Center [name]'
    'she wants to go to Legoland',
    "he only eats McDonald's",  # was "he only eats [name]'s"
    'we stopped at Greggs on the way',  # was 'we stopped at [place] on the way'
    'she drinks Lucozade for breakfast',
    'he was vaping Elf Bar',
]

# Written for this round and naming no one: kept before and after.
_KEPT_LOWER = [
    "the dad's a bouncer at the walkabout in town",
]

# Ordinary sentences near the shapes of this round: kept; the ones marked were redacted before.
_SHAPES_KEPT = [
    "we saved as much as we could",
    "the name will be confirmed later",
    "she wants to be called later",
    'the toddler, half-asleep, was crying',
    'the dad, hard-working as ever, came',
    'the nurse, part-time, said no',
    'water was in the car',
    'mum was in the car with them',
    'everyone was in the car when it happened',
    'she was born in the summer',
    'she was born in the car on the way',
    'he was born in the royal infirmary',
    'we sang happy birthday to him',
    'rip it up and start again',
    "she changed her name to her stepdad's",
    'she wants to be called by her middle name',
    'the boy known as a troublemaker',
    "it's not fine, it's awful",
    'was it today? yeah',
    'we called Samaritans that night',  # was 'we called [name] that night'
    'we bought the kids Lego for christmas',  # was 'we bought the kids [name] for christmas'
    "give the baby Calpol if she's hot",  # was "give the baby [name] if she's hot"
    'the Oxfam manager was lovely',  # was 'the [name] manager was lovely'
]

# A public name spoken of as a person or a home, and a name no list knows given as a thing is given: redacted (so
# before and after; the list must not keep them).
_PUBLIC_NAME_AS_PERSON = [
    ('gave her Tiarnelle back', 'gave her [name] back'),
    ('her son Lego was crying', 'her son [name] was crying'),
    ('a girl called Nokia came in', 'a girl called [name] came in'),
    ("Lego's mum rang me", "[name]'s mum rang me"),
    ('she said, Lego, get in the car', 'she said, [name], get in the car'),
    ('Mrs Nokia said no', 'Mrs [name] said no'),
    ('the baby Pokémon was born early', 'the baby [name] was born early'),
    ('they live in Greggs', 'they live in [place]'),
]


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(
    _FROM_ROUND_26 + _FROM_ROUND_27 + _FROM_ROUND_28 + _RED_TEAM + _HELD + _PUBLIC_NAME_AS_PERSON
)


test_public_names_and_ordinary_words_are_kept = _rounds.kept(_FROM_ROUND_28_KEPT + _KEPT + _KEPT_LOWER + _SHAPES_KEPT)


def test_the_guard_list_is_eighty_public_names():
    assert len(_KEPT) == 80 and len(set(_KEPT)) == 80


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
