"""Twenty-eighth red-team round: names of many origins and names that are words, relations in dialect, homes in towns
no list knows, nations and languages said of a family.

Forms closed as a class of writing (each with variants written for it; none names a word of a test):

* the first-name list held 615 names and lacked many given to children born in the UK since about 2005 and Welsh,
  Scots and Irish names ("mason", "hunter", "harper", "osian", "elin", "dai", "tam", "penny", "pearl"): 120 are
  added (``impact/_data/privacy/more_first_names.txt``); a name that is also a word is still judged by the words
  around it, and a first name that is a surname word too keeps the surname's reading where spoken of ("the head of
  service (Mason) was keen");
* a town no list knows after a home in it, one's own or a relation's ("a flat in larne", "at his nan's in cwmbran",
  "with my nan in rhyl"), after a street and a comma ("on high street, in tonyrefail"), or after a move or a placement
  and an aside ("moved again, to treharris", "placed out of county, in shrewsbury"); a Welsh "w" between consonants
  is a vowel when a word is weighed as a place ("cwmbran");
* a Welsh street whose name starts with a word of the land after a house number ("21 bryn celyn", "twenty one bryn
  celyn", "number 6, bryn hyfryd") or with "cae" anywhere ("on cae'r ffynnon"); "tŷ" and "cartref" as Welsh kinds
  of setting ("tŷ glas"); a house number said with hundreds before a street's one word ("one hundred and four
  kingsway");
* a plate of the old prefix form spaced after its letter ("y 123 abc"), and a make alone as the vehicle it names
  ("the bmw, ab12 cde, was ...": it was read as a postcode's district, "[postcode] cde");
* a gamertag of spaced words and figures after "gamertag", "username" or a platform's name ("big daddy dan 99");
  "gamertag" and "username" are words, not names ("his [name]'s" before);
* a care home by its name after those who work or live there ("the staff at rose cottage said");
* an owned relation's name said with or without the apostrophe ("his brothers name is kacper"); a name after a
  relation's title one is called by ("we call her nanna bee"); lower-case initials after a verb of speaking to
  someone ("i rang k.r. back about it"; "m.r." stays the abbreviation of "mr");
* a possessive's "s" is no initial nor an NI number's letter ("j.b.'s nan" lost "s nan", "her ni's q q ..." lost
  "s");
* a town no list knows with few vowels where an incident happened ("the stabbing in splott"); an estate named as
  places are named ("-well", "-field" ...) after being "on the" ("they're on the meadowell"; "she's on the sertraline"
  stays); a postcode after "the postcode's" or "is" ("the postcode's c f one four, two x y"); letters spelt between
  commas with a word for one ("that's z for zulu, a, r, a", "s as in sugar");
* a baby's age in weeks or months without "old", and "the little one" as a child ("the baby's only eight weeks",
  "her little one is eighteen months"); a date of birth taken up again after a comma ("her date of birth, it's 07 03
  11").

Over-redactions fixed: countries, continents and languages are public terms ("they went back to Poland", "the family
came from Eritrea", "the dad speaks Polish and Romanian"; countries whose names are given names are left out); a
nation's word before ordinary words names no one ("the Irish Sea", "the Scottish Borders team"; "Irish" and "British"
join ``communities.txt``, so "the only Irish family on the street" is a detail as "the only Polish family" was); what
is drunk, eaten or smoked is a product ("he drinks Vimto all day"; not a name owning it: "he ate Zorbina's lunch").

Round 27's open forms closed here (``_FROM_ROUND_27``): nine of ten; one stays open in its ``_OPEN``.  Round 26's: one of
three (``_FROM_ROUND_26``); two stay open in its ``_OPEN``.

Of the 121 sentences written for this round 23 came out differently before the fixes (``_RED_TEAM``: 21 leaked a
detail, 2 lost part of the text); all 23 are closed; 98 were redacted exactly so before (``_HELD``; six of them with
a token other than the one first expected and nothing left: "[pupil number]" for a UPN, "[name]" for a town that is a
first name and for a handle with "_", "[detail]" for a name after a typed "me an", "[date]" for a month a child turns
an age in, one "[date of birth]" for "the day after boxing day, 2014").  15 variants written after the fixes (``_RED_TEAM_AFTER``,
12 leaked before, 3 were redacted so before; one more leaks still and is in ``_OPEN``).  102 ordinary sentences whose
words look like names are kept (``_KEPT``): 88 before and after, 14 now (over-redactions, marked).  Eight
over-redactions found stay open (``_OVER_REDACTED_OPEN``, one line each on why).

Gold corpus (``python -m bench.redaction_gold``), sentences redacted before -> after: stress 692 -> 691, none 659 ->
658, stress_lower 566 -> 565.  Two sentences are redacted differently in each run, both less: "Western Australia",
"North America, Australasia" and "Cornish for Helping Young People" are kept (they were "Western [name]", "North
[name], [name]", "[name] for ..."); the first has nothing left to redact.
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import xfail_open

# Round 27's open forms, closed here: the text and its exact redaction.
_FROM_ROUND_27 = [
    ("he said, i want to live with my nan in rhyl", "he said, i want to live with my nan in [place]"),
    ("he lives at one hundred and four kingsway", "he lives at [address]"),
    ("his nan's is twenty one bryn celyn", "his nan's is [address]"),
    ("the bmw, y 123 abc, was his uncle's", "the bmw, [vehicle registration], was his uncle's"),
    ("the staff at rose cottage said he'd absconded", "the staff at [place] said he'd absconded"),
    ("his gamertag's big daddy dan 99", "his gamertag's [handle]"),
    ("the stabbing in splott in 2022, that was her brother", "the stabbing in [place] in [date], that was her brother"),
    ("the postcode's c f one four, two x y", "the postcode's [postcode]"),
    ("that's z for zulu, a, r, a", "that's [name]"),
]

# Round 26's open form closed here.
_FROM_ROUND_26 = [
    ("they're on the meadowell", "they're on the [place]"),
]

# Written for this round; each came out differently before the fixes (measured when written).
_RED_TEAM = [
    # names of many origins, lower case, in transcript voice
    ('osian and elin are in the same class', '[name] and [name] are in the same class'),
    # names that are also words, lower case
    ('my colleague penny did the assessment', 'my colleague [name] did the assessment'),
    ('her eldest, hunter, got arrested', 'her eldest, [name], got arrested'),
    ('his brother, mason, works on the sites', 'his brother, [name], works on the sites'),
    ('nanny pearl brings them up', 'nanny [name] brings them up'),
    # nicknames
    ('we call her nanna bee', 'we call her nanna [name]'),
    # initials
    ("it was j.b.'s nan who rang", "it was [name]'s nan who rang"),  # was "it was [name]'[name] who rang"
    ('i rang k.r. back about it', 'i rang [name] back about it'),
    # relatives, Welsh and dialect words for them
    ('his bampi, dai, takes him fishing', 'his bampi, [name], takes him fishing'),
    ('her granda tam picks her up', 'her granda [name] picks her up'),
    # identifiers split by spaces or punctuation
    ("her ni's q q one two three four five six c", "her ni's [NI number]"),  # was "her ni'[NI number]"
    # addresses and places, new shapes
    ('she lives above the chip shop on high street, in tonyrefail', 'she lives above the chip shop on high street, in [place]'),
    ("he stays at his nan's in cwmbran", "he stays at his nan's in [place]"),
    ("she's in a flat in larne", "she's in a flat in [place]"),
    # ages
    ("the baby's only eight weeks", "the baby's only [age]"),
    # more: typos, false starts, mixed
    ('his brothers name is kacper', 'his brothers name is [name]'),
    ("they'd moved again, to treharris", "they'd moved again, to [place]"),
    ('she was placed out of county, in shrewsbury', 'she was placed out of county, in [place]'),
    ("the house on cae'r ffynnon was a mess", 'the house on [address] was a mess'),  # was 'the house on [place] ffynnon was a mess'
    ("number 6, bryn hyfryd, that's nan's", "number [address], that's nan's"),  # was "number 6, [name], that's nan's"
    ('flat 12 on the top floor of tŷ glas', '[address] on the top floor of [place]'),  # was '[address] on the top floor of [place] glas'
    ('her little one is eighteen months', 'her little one is [age]'),
    ("her date of birth, it's 07 03 11", "her date of birth, it's [date of birth]"),
]

# Written after the fixes, to check each is general (12 leaked on the code before this round; the aunt's town and "aunty
# jo" were redacted so before, and a name owning what is eaten, a check on a shape of this round).
_RED_TEAM_AFTER = [
    ("she's staying at her aunty's in pwllheli", "she's staying at her aunty's in [place]"),
    ("the carers at acorn lodge were great", "the carers at [place] were great"),
    ("the ford, bd51 smr, was outside", "the ford, [vehicle registration], was outside"),
    ("his username is dark lord 2010", "his username is [handle]"),
    ("they live on the thornfield", "they live on the [place]"),
    ("the crash in splott, on the main road", "the crash in [place], on the main road"),
    ("her sisters name was keeley", "her sisters name was [name]"),
    ("everyone calls her aunty jo", "everyone calls her aunty [name]"),
    ("i told k.l. yesterday", "i told [name] yesterday"),
    ("the baby is 6 weeks", "the baby is [age]"),
    ("she lives at two hundred bramble", "she lives at [address]"),
    ("they're at 3 parc y felin", "they're at [address]"),
    ("her dob, it's 12 04 13", "her dob, it's [date of birth]"),
    ("her name's s as in sugar, i, a, n", "her name's [name]"),
    # a name owning what is eaten or smoked stays a name (the shape kept "drinks Vimto" must not keep it)
    ("he ate Zorbina's lunch", "he ate [name]'s lunch"),
]

# Written for this round and redacted exactly so before and after.
_HELD = [
    # names of many origins, lower case, in transcript voice
    ('me and oluwaseun went out on the tuesday', 'me and [name] went out on the tuesday'),
    ("his dad, wojciech, doesn't speak much english", "his dad, [name], doesn't speak much english"),
    ('aunty nkechi has them at weekends', 'aunty [name] has them at weekends'),
    ('her cousin mihai drives them to school', 'her cousin [name] drives them to school'),
    ("so, um, abdirahman, he's the middle one", "so, um, [name], he's the middle one"),
    ('i rang mrs nowak about the uniform', 'i rang mrs [name] about the uniform'),
    ('the dad, piotr kowalczyk, was at the meeting', 'the dad, [name], was at the meeting'),
    ("she goes, my nan's called parveen", "she goes, my nan's called [name]"),
    ('i spoke with siobhan and her mam', 'i spoke with [name] and her mam'),
    ("caoimhe's mum rang back", "[name]'s mum rang back"),
    ('the lad, oisín, is doing better', 'the lad, [name], is doing better'),
    ('me and eilidh did the visit', 'me and [name] did the visit'),
    ('her brother ruairidh is fourteen', 'her brother [name] is [age]'),
    ('morag, the kinship carer, said yes', '[name], the kinship carer, said yes'),
    ('his grandad, hamish, has dementia', 'his grandad, [name], has dementia'),
    ('i asked gethin if he wanted juice', 'i asked [name] if he wanted juice'),
    ('the mum, thi huong, works nights', 'the mum, [name], works nights'),
    ('her step-dad, tariq mahmood, moved in', 'her step-dad, [name], moved in'),
    ('we met with blessing and her aunty', 'we met with [name] and her aunty'),
    ('the boy, chukwuemeka, likes football', 'the boy, [name], likes football'),
    ('his sister, anastazja, is at college', 'his sister, [name], is at college'),
    # names that are also words, lower case
    ('and then frank, the uncle, turned up', 'and then [name], the uncle, turned up'),
    ('her uncle bob lives next door', 'her uncle [name] lives next door'),
    ('we had a meeting with dawn from school', 'we had a meeting with [name] from school'),
    ('the mum, crystal, was lovely', 'the mum, [name], was lovely'),
    ('the youngest, poppy, has asthma', 'the youngest, [name], has asthma'),
    ('i spoke with her dad, rich', 'i spoke with her dad, [name]'),
    # nicknames
    ('his mate robbo was with him', 'his mate [name] was with him'),
    ('her brother, macca, deals', 'her brother, [name], deals'),
    ('they call the dad big stevie', 'they call the dad big [name]'),
    ('his uncle, known as smiler, was there', 'his uncle, known as [name], was there'),
    # initials
    ('mr and mrs k, the neighbours, saw it', 'mr and mrs [name], the neighbours, saw it'),
    ('the child, k.m., is nine', 'the child, [name], is [age]'),
    # relatives, Welsh and dialect words for them
    ('her mamgu, eirwen, has them on sundays', 'her mamgu, [name], has them on sundays'),
    ('his taid, emyr, died last year', 'his taid, [name], died last year'),
    ('she stays with her nana, maureen', 'she stays with her nana, [name]'),
    ('his auntie, shona, is the carer', 'his auntie, [name], is the carer'),
    ('our kid, jordan, is in prison', 'our kid, [name], is in prison'),
    # names before and after job titles
    ('gemma the social worker came out', '[name] the social worker came out'),
    ('kath from the iro service chaired it', '[name] from the iro service chaired it'),
    ('the iro, kath, chaired it', 'the iro, [name], chaired it'),
    ('we had a call from sergeant okoro', 'we had a call from sergeant [name]'),
    ('the duty manager, lisa p, rang back', 'the duty manager, [name], rang back'),
    ('the camhs nurse bethany saw him', 'the camhs nurse [name] saw him'),
    ('jenny, his personal adviser, came', '[name], his personal adviser, came'),
    ('his pa, ahmed, sorted the flat', 'his pa, [name], sorted the flat'),
    # names in reported speech
    ("she goes, 'shannon did it, not me'", "she goes, '[name] did it, not me'"),
    ("he was like, 'ask connor'", "he was like, 'ask [name]'"),
    ('and mum said, keisha, get in the car', 'and mum said, [name], get in the car'),
    ('she shouted, callum, stop it', 'she shouted, [name], stop it'),
    ("he told me 'my dad is called gavin'", "he told me 'my dad is called [name]'"),
    # details spread over two sentences
    ("she's got a brother. he's called tommy.", "she's got a brother. he's called [name]."),
    ("the carer's name? it was, um, ruth.", "the carer's name? it was, um, [name]."),
    ("his school's in barry. it's called st helen's.", "his school's in [name]. it's called [name]'s."),
    ("his number? it's 07700 900 123.", "his number? it's [phone]."),
    ('the social worker was new. her name was jade.', 'the social worker was new. her name was [name].'),
    # handles
    ('his ps5 name is killa_kid09', 'his ps5 name is [name]'),
    ('her vinted is shopwithsasha', 'her vinted is [handle]'),
    ("on kik he's tommyboi2010", "on kik he's [handle]"),
    ('his telegram is @dealz4u', 'his telegram is [handle]'),
    ('her bebo was like princessxx93', 'her bebo was like [handle]'),
    ("his roblox username's dino dash 2015", "his roblox username's [handle]"),
    # identifiers split by spaces or punctuation
    ('his nhs number is 943.476.5919', 'his nhs number is [NHS number]'),
    ('her ni number is qq-12-34-56-c', 'her ni number is [NI number]'),
    ('ring her on 07700–900–461', 'ring her on [phone]'),
    ('his mobile is 0 7 7 0 0 9 0 0 4 6 1', 'his mobile is [phone]'),
    ('the postcode is cf10-1aa', 'the postcode is [postcode]'),
    ('the postcode is c.f.1.0 1.a.a', 'the postcode is [postcode]'),
    ("her email's jade underscore smith at gmail dot com", "her email's [email]"),
    ('the upn is a 801 2345 67 891', 'the upn is [pupil number]'),
    # addresses and places, new shapes
    ("they're at 12b, the old rectory", "they're at [address]"),
    ("they're in a caravan at the site in pembrey", "they're in a caravan at the site in [place]"),
    ('they moved up to inverness', 'they moved up to [place]'),
    # dates
    ('her dob is the 3rd of the 4th, 2012', 'her dob is [date of birth]'),
    ('he was born on 14/3', 'he was born on [date of birth]'),
    ('she was born, like, march 2015', 'she was born, like, [date of birth]'),
    # more: typos, false starts, mixed
    ('i spoke to, to, er, shaniqua about it', 'i spoke to, to, er, [name] about it'),
    ('me an kirsty went round', 'me an [detail] went round'),
    ('her mum, leanne, sorry, lianne, was there', 'her mum, [name], sorry, [name], was there'),
    ('the boy - declan - was upset', 'the boy - [name] - was upset'),
    ('her fella (dwayne) was there', 'her fella ([name]) was there'),
    ("i rang michelle's mum, no, sister", "i rang [name]'s mum, no, sister"),
    ('so theres this lad called jaiden', 'so theres this lad called [name]'),
    ('she lives wiv her nan in scunthorpe', 'she lives wiv her nan in [place]'),
    ('he went to stay with his dad in glenrothes', 'he went to stay with his dad in [place]'),
    ("her dad's in hmp berwyn", "her dad's in hmp [place]"),
    ("the family's from ballymoney", "the family's from [place]"),
    ("the baby's only 8 weeks old", "the baby's only [age]"),
    ("she's sixteen in june", "she's [age] in [date]"),
    ("his birthday's on bonfire night", "his birthday's on [date of birth]"),
    ('he was born the day after boxing day, 2014', 'he was born [date of birth]'),
    ("she's on 07700900461 and her mum's on 07700900462", "she's on [phone] and her mum's on [phone]"),
    ('her email is k.jones1 at btinternet.com', 'her email is [email]'),
    ('the reg, i think, was ab 12 cde', 'the reg, i think, was [vehicle registration]'),
    ('the crime ref is 14/123456/23', 'the crime ref is [reference]'),
    ("her ni number's ab 123456 c", "her ni number's [NI number]"),
    ("the dad, mr. o'sullivan-burke, refused", 'the dad, mr. [name], refused'),
    ("tyrese's cousin and his mate deshawn", "[name]'s cousin and his mate [name]"),
]

# Ordinary sentences whose words look like names: kept after the fixes; the ones marked were changed before.
_KEPT = [
    'we had a frank conversation with mum',
    "she's a bit of a rich kid, to be fair",
    'the grace period for the rent ran out',
    'i had to mark the register first',
    'the bill came in the post on monday',
    'the penny dropped for her in the end',
    "she's got a lot of faith in the team",
    "he's a real hunter gatherer type",
    'the mason jars were on the table',
    "her dad's a mason, he builds walls",
    'we got a pearl of wisdom from the judge',
    'the bee hive at the school was a project',
    "she's a dawn till dusk worker",
    'the iro service chaired it',
    'the duty manager rang back',
    'the camhs nurse saw him',
    'his personal adviser came to the flat',
    'the team manager signed it off',
    'the family support worker did the visit',
    "the senco said he's behind",
    'the designated safeguarding lead rang',
    'the pa sorted the flat out',
    'we rang Cafcass about the report',
    'the Fostering Network ran the training',
    'Home-Start sent a volunteer',
    "Women's Aid found her a refuge",
    'Citizens Advice helped with the debt',
    'the Salvation Army gave them food',
    'Kinship helped the grandparents',
    'Children in Wales wrote to us',
    'we referred to Flying Start',
    'Families First paid for the course',
    'the Supporting Families money ran out',
    'the Mockingbird hub meets monthly',
    'they had a Family Group Conference',
    'we used Signs of Safety mapping',
    "she's on the Pathway Plan now",
    'it was on Teams, not Zoom',
    'he plays on his iPad all night',
    'he drinks Vimto all day',  # was 'he drinks [name] all day'
    'she wants a Kindle for christmas',
    'we did the Rainbows and Brownies run',
    'we met in april, i think',
    'the review was in may',
    'the panel sits in june',
    'it was august when he moved',
    'we went on a sunday',
    'the first tuesday of the month is panel',
    'she was in Northern Ireland for a bit',
    'the rules in Scotland are different',
    'they went back to Poland for a month',  # was 'they went back to [place] for a month'
    'the family came from Eritrea',  # was 'the family came from [place]'
    'the Midlands teams were the same',
    'the North Wales teams are smaller',
    'she supports Wales in the rugby',
    'she speaks Welsh at home',
    'the dad speaks Polish and Romanian',  # was 'the dad speaks [name] and [name]'
    'the kids speak Urdu with nan',  # was 'the kids speak [name] with nan'
    'the Irish Sea was rough',  # was 'the [name] was rough'
    'the Bank Holiday was quiet',
    'the Highlands are beautiful',
    'he uses Snapchat maps to find them',
    'the Nintendo Switch got broken',
    "he's saving for a PS5",
    'his Xbox got taken off him',
    'we use WhatsApp for the group',
    'i spoke to, er, the manager about it',
    'me and the other sw went round',
    'his mate was with him',
    'the boy - the eldest - was upset',
    'the baby was only small',
    'the day after boxing day was hard',
    "her birthday's in the summer",
    'she got the number off the school',
    'they moved again, to a bigger house',
    'she was placed out of county',
    'the house was a mess',
    "they're from Somalia originally",  # was "they're from [place] originally"
    "her dad's back in Pakistan for the summer",  # was "her dad's back in [place] for the summer"
    'she speaks Tigrinya and a bit of Arabic',  # was 'she speaks [name] and a bit of [place]'
    'the Scottish Borders team were helpful',  # was 'the [name] team were helpful'
    'the family flew to South Africa',  # was 'the family flew to South [name]'
    'the kids were born in Romania',  # was 'the kids were born in [place]'
    'he drinks Vimto and eats crisps',  # was 'he drinks [name] and eats crisps'
    'she smokes Mayfair, ten a day',  # was 'she smokes [name], ten a day'
    'the British Red Cross helped with tracing',
    'we met at 3 p.m. about it',
    'the staff at the meeting said no',
    'the staff at head office said no',
    'the review was eight weeks',
    'he was 6 weeks late',
    'the little one is fine',
    'we call her nanna',
    'his gamertag is new',
    'the house was in a state',
    'the Welsh Government funded it',
    "she's on the sertraline now",
    "he's on the methadone",
    'the stabbing in broad daylight',
    'the fire in the flat',
    'she got a for effort and b for maths',
    "that's a, b, c, d for the options",
]

# Still leaking (measured when written); strict, so closing one is seen.
# Closed in round 29 (tests/hostile/test_pii_round29.py, ``_FROM_ROUND_28``).
_OPEN: list[tuple[str, str]] = []

# Over-redactions found this round and left open (measured when written); strict, so fixing one is seen.
# All eight fixed in round 29 (tests/hostile/test_pii_round29.py, ``_FROM_ROUND_28_KEPT``).
_OVER_REDACTED_OPEN: list[str] = []


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(
    _FROM_ROUND_26 + _FROM_ROUND_27 + _RED_TEAM + _RED_TEAM_AFTER + _HELD
)


test_ordinary_words_that_look_like_names_are_kept = _rounds.kept(_KEPT)


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM_AFTER")


@pytest.mark.parametrize("text", _OVER_REDACTED_OPEN)
def test_over_redactions_left_open(text):
    xfail_open(text, text, "_KEPT")
