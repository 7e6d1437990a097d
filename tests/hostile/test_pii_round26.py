"""Twenty-sixth red-team round: word-names of children, Welsh and other UK places and people in transcripts.

Forms closed as a class of writing (each with variants written for it; none names a word of a test):

* a word capitalised inside a cleft sentence ("it was Sky who told me", "it's Blaze who got excluded"): ``[name]``; a
  public body, a place, a day or a month there stays ("it was Ofsted who picked it up", "it was Monday when i rang");
* capitalised words named together after a verb of looking after children ("we placed Summer and River with the same
  carer", "we fostered Star, Rain and Blaze"): each ``[name]``; public bodies and teams stay ("we placed Children and
  Families under one director");
* words in any case set off by commas after a word for the children ("the kids, ocean and storm, are twins"): each
  ``[name]``; words said of children stay ("the kids, boys and girls, all came", "the twins, big and small, were");
* any word bare before a blood relation owned ("crystal's nan's house", "i rang storm's dad"): ``[name]``; after an
  article or a possessive, or a pronoun, as before ("the girl's mum", "everyone's nan", "nobody's mum");
* a double name of a word and a first name in a name's place ("the baby, river-jay, was born", "his brother ocean-jay
  hit him"): ``[name]``; hyphenated words elsewhere stay ("well-being", "a one-to-one");
* a town no list knows after "moved them to", "rehoused to", "is from", "a placement in", "a visit to", "looks after
  her in": ``[place]``; English words there stay ("she's from a big family", "a placement in a foster home");
* a first name no English word said between commas, before a role set off, or last after a comma ("she was like,
  chantelle, get down here", "me and meg, the other sw, went"); a relation before a first name that is a word at the
  end of a phrase or before a modal ("i spoke to grandad ken", "nanny pat would have them"); a word before ", the
  eldest," opening a sentence; a nickname after "our little" or ended by "round here"; a first name after a
  nickname's word set off after a role ("his support worker, big mike, took him out"); initials in lower case before
  a verb of saying; a letter after a title before "about"; an age "turned" with its subject left out; "cwrt", "clos"
  as Welsh streets' kinds; "ladies", "girls", "youth" as a team's word (not after a nation's name); a hospital's
  initials that start "uh" ("the uhw"); who it was, said last after a pause, a word no list knows read
  as a name ("i think it was, er, lowri?"; slang stays: "it was summat.", "it was, er, crackin.").

Over-redactions fixed (round 25 found the first four and left them): "call me, oh, one sec" (an interjection read as
a nickname), "she goes to air cadets" and "he's in the ATC" (a national youth organisation read as a setting or a
hospital's initials; they are public terms now), "he's at ysgol all week" (a Welsh kind of setting with no name after it
is the common noun; round 25's test of it now expects the word kept), and "her uncle rhys lives with them" (the verb
was read as the surname, as in "jane lives in leeds", "her son jake visits monthly").

The 5 forms round 24 left open (its ``_OPEN``) are closed here (``_FROM_ROUND_24``).  Of the 153 sentences written for
this round 53 came out differently before the fixes (``_RED_TEAM``, 48 closed: 47 leaked a name or a place, one lost
the verb after a name; 5 still leak, ``_OPEN``); 100 were redacted exactly so before (``_HELD``).  28 variants written
after the fixes (``_RED_TEAM_AFTER``, 23 leaked before, 5 held before; one more leaks still and is in ``_OPEN``).  88
ordinary sentences whose words look like names are kept (``_KEPT``, ``_SLANG_KEPT``): 83 before and after, 5 now
(over-redactions).

Gold corpus (``python -m bench.redaction_gold``), sentences redacted before -> after: stress 733 -> 733, none 659 ->
659, stress_lower 566 -> 566; no sentence redacted differently.
"""

from __future__ import annotations

from . import _rounds

# Round 24's open forms, closed here: the text and its exact redaction.
_FROM_ROUND_24 = [
    ("it was Sky who told me, sky's the eldest", "it was [name] who told me, [name]'s the eldest"),
    ("we placed Summer and River with the same carer", "we placed [name] and [name] with the same carer"),
    ("we went to crystal's nan's house", "we went to [name]'s nan's house"),
    ("the baby, river-jay, was born in the summer", "the baby, [name], was born in the summer"),
    ("the kids, ocean and storm, are twins", "the kids, [name] and [name], are twins"),
]

# Written for this round; each came out differently before the fixes (measured when written).
_RED_TEAM = [
    # a word-name capitalised in a cleft sentence ("it was Sky who")
    ('so um, it was Willow who rang me first', 'so um, it was [name] who rang me first'),
    ('it was Sky who kicked off at contact', 'it was [name] who kicked off at contact'),
    ('to be fair it was Rain that started it', 'to be fair it was [name] that started it'),
    ('it was Ocean who said she wanted to go home', 'it was [name] who said she wanted to go home'),
    ("and it's Blaze who got excluded, not his brother", "and it's [name] who got excluded, not his brother"),
    # capitalised word-names named together after a verb of looking after children
    ('we placed Summer and Storm with the same carer', 'we placed [name] and [name] with the same carer'),
    ('they adopted Blue and River in the end', 'they adopted [name] and [name] in the end'),
    ('we fostered Star, Rain and Blaze for a year', 'we fostered [name], [name] and [name] for a year'),
    ('nan picked up Ocean and Sky from school', 'nan picked up [name] and [name] from school'),
    # word-names in lower case set off after a word for the children
    ('the kids, summer and river, are in year 4', 'the kids, [name] and [name], are in year 4'),
    ('the twins, storm and blaze, were placed together', 'the twins, [name] and [name], were placed together'),
    ('her two boys, ocean and blue, came in with her', 'her two boys, [name] and [name], came in with her'),
    ('the girls, crystal and star, both go to the same school', 'the girls, [name] and [name], both go to the same school'),
    ('his kids, rain, sky and river, were all at contact', 'his kids, [name], [name] and [name], were all at contact'),
    # a word before a blood relation owned ("crystal's nan's")
    ("we went to crystal's nan's on the friday", "we went to [name]'s nan's on the friday"),
    ("i rang storm's dad about it", "i rang [name]'s dad about it"),
    ("so, er, ocean's gran picked her up", "so, er, [name]'s gran picked her up"),
    ("summer's mum was in bits", "[name]'s mum was in bits"),
    ("we met blaze's uncle at the door", "we met [name]'s uncle at the door"),
    # a double name of a word and a first name, in a name's place
    ('the baby, river-jay, is only six weeks', 'the baby, [name], is only six weeks'),
    ('the youngest, storm-lee, was asleep', 'the youngest, [name], was asleep'),
    ('her sister, sky-rose, said nothing', 'her sister, [name], said nothing'),
    ('his brother ocean-jay hit him', 'his brother [name] hit him'),
    ('the little one, blue-jay, came in crying', 'the little one, [name], came in crying'),
    # a town no list knows, after a word of moving, coming from, a placement or a visit
    ('we moved them to llanelli in march', 'we moved them to [place] in march'),
    ("she's from pontypridd originally", "she's from [place] originally"),
    ('nain looks after her in caernarfon', 'nain looks after her in [place]'),
    ('they were rehoused to dumfries', 'they were rehoused to [place]'),
    ("he's in a placement in fraserburgh", "he's in a placement in [place]"),
    ('we did a visit to whitehaven', 'we did a visit to [place]'),
    # a first name no English word between commas, before a role set off, or last after a comma; a nickname
    ('she was like, chantelle, get down here', 'she was like, [name], get down here'),
    ('known as little t round here', 'known as [name] round here'),
    # initials and a letter in lower case
    ('j.p. rang me back', '[name] rang me back'),
    ('k.l. and her mum came in', '[name] and her mum came in'),
    ('i spoke to mrs d about it', 'i spoke to mrs [name] about it'),
    # an age turned with its subject left out
    ("she's 14, turned 14 in may", "she's [age], turned [age] in [date of birth]"),
    # a Welsh street's kind, a team's word, a hospital's initials
    ('he lives on cwrt y felin', 'he lives on [address]'),
    ('she plays for penarth ladies', 'she plays for [place]'),
    ('he was taken to the uhw', 'he was taken to the [place]'),
    # a name before a role set off, after a relation, or before its place among the children
    ('me and meg, the other sw, went', 'me and [name], the other sw, went'),
    ('his best mate, reece, was with him', 'his best mate, [name], was with him'),
    ('her uncle rhys lives with them', 'her uncle [name] lives with them'),
    ('i spoke to grandad ken', 'i spoke to grandad [name]'),
    ('she said nanny pat would have them', 'she said nanny [name] would have them'),
    ('we call her our little smudge', 'we call her our little [name]'),
    ("sky, the eldest, she's the one who rang", "[name], the eldest, she's the one who rang"),
    # open when written, closed after the first fixes: a Welsh first name no list holds, said last after a filler; a
    # nickname's word before a first name set off after a role
    ("i think it was, er, lowri?", "i think it was, er, [name]?"),
    ("his support worker, big mike, took him out", "his support worker, big [name], took him out"),
]

# Written after the fixes, to check each is general (23 leaked before; the last five were redacted so before too).
_RED_TEAM_AFTER = [
    ("i reckon it was, er, tegwen.", "i reckon it was, er, [name]."),
    ("it was er tegwen", "it was er [name]"),
    ("the boy, little jack, was crying", "the boy, little [name], was crying"),
    ("her nan, little pat, was there", "her nan, little [name], was there"),
    ('i spoke to miss k about it', 'i spoke to miss [name] about it'),
    ("she's with mr j at the moment, he's lovely", "she's with mr [name] at the moment, he's lovely"),
    ("he's 9, and turns 10 on friday", "he's [age], and turns [age] on [date of birth]"),
    ("she's 15, just turned 15 last week", "she's [age], just turned [age] last week"),
    ("they're at 7 cwrt y coed", "they're at [address]"),
    ('she lives on clos y wern', 'she lives on [address]'),
    ('he plays for treorchy youth', 'he plays for [place]'),
    ('she was rushed to the uhl', 'she was rushed to the [place]'),
    ('i spoke to nain glenys', 'i spoke to nain [name]'),
    ('his brother bill would know', 'his brother [name] would know'),
    ('they call him their little tank', 'they call him their little [name]'),
    ('ocean, the youngest, was asleep upstairs', '[name], the youngest, was asleep upstairs'),
    ("t.j. said he'd be there", "[name] said he'd be there"),
    ('it was Storm who hit him', 'it was [name] who hit him'),
    ('we placed Rain and Ocean together', 'we placed [name] and [name] together'),
    ('the boys, blaze and storm, were fighting', 'the boys, [name] and [name], were fighting'),
    ("i rang sky's nan after", "i rang [name]'s nan after"),
    ('we moved him to aberdare last year', 'we moved him to [place] last year'),
    ("she's from treherbert originally", "she's from [place] originally"),
    ('she plays for canton girls under 14s', 'she plays for [place] under 14s'),
    ('me and dave, the other manager, went out', 'me and [name], the other manager, went out'),
    ('her mum and zoe, her support worker, came', 'her mum and [name], her support worker, came'),
    ('his mate, kieran, was with him', 'his mate, [name], was with him'),
    ('so she goes, kayden, come here', 'so she goes, [name], come here'),
]

# Written for this round and redacted exactly so before and after.
_HELD = [
    ('we placed Storm and Skye in kinship care', 'we placed [name] and [name] in kinship care'),
    ('i spoke to rhiannon about it', 'i spoke to [name] about it'),
    ('me and siân went out to the house', 'me and [name] went out to the house'),
    ('dafydd said the boy was fine', '[name] said the boy was fine'),
    ('her mam, gwenllian, rang the office', 'her mam, [name], rang the office'),
    ("i asked ffion's dad to come in", "i asked [name]'s dad to come in"),
    ('cerys and her brother iolo were there', '[name] and her brother [name] were there'),
    ('they live up in blaenau now', 'they live up in [place] now'),
    ('he goes to ysgol gyfun ystalyfera', 'he goes to [place]'),
    ("she's at coleg cambria in wrexham", "she's at [place] in [place]"),
    ('they moved over to tonypandy', 'they moved over to [place]'),
    ("the family's in merthyr, the gurnos", "the family's in [place], the [name]"),
    ("he's at ysgol penrhyn in bangor", "he's at [place] in [place]"),
    ('her mum lives in kirkcaldy', 'her mum lives in [place]'),
    ('she grew up in stornoway', 'she grew up in [place]'),
    ('they moved down to penzance', 'they moved down to [place]'),
    ('he lives with his nan in skegness', 'he lives with his nan in [place]'),
    ("the dad's in enniskillen now", "the dad's in [place] now"),
    ('she went to live in ballymena', 'she went to live in [place]'),
    ("his nan's in morecambe, by the front", "his nan's in [place], by the front"),
    ('me and kayleigh went out to see him', 'me and [name] went out to see him'),
    ("i said to jordan, look, it's fine", "i said to [name], look, it's fine"),
    ("and then bradley goes, i'm not going", "and then [name] goes, i'm not going"),
    ("tyler's mum said he'd been in bed", "[name]'s mum said he'd been in bed"),
    ('lacey-mae was on the stairs', '[name] was on the stairs'),
    ('we placed tiegan with her aunty', 'we placed [name] with her aunty'),
    ('jayden and kacey were both there', '[name] and [name] were both there'),
    ('i had a chat with deano after', 'i had a chat with [name] after'),
    ('his mates call him tank', 'his mates call him [name]'),
    ('she goes by bubbles at school', 'she goes by [name] at school'),
    ('everyone calls her princess', 'everyone calls her [name]'),
    ("her nickname's moo", "her nickname's [name]"),
    ('his sw, gareth, came out', 'his sw, [name], came out'),
    ('the iro, bronwen, chaired it', 'the iro, [name], chaired it'),
    ('the health visitor, eirlys, was lovely', 'the health visitor, [name], was lovely'),
    ('pc hughes came round', 'pc [name] came round'),
    ('dr okonkwo signed it off', 'dr [name] signed it off'),
    ('mrs mcallister, the head, rang me', 'mrs [name], the head, rang me'),
    ('nurse blessing said it was fine', 'nurse [name] said it was fine'),
    ('councillor pritchard was there', 'councillor [name] was there'),
    ('the judge, her honour judge kaur, agreed', 'the judge, her honour judge [name], agreed'),
    ('i emailed jo from the edge of care team', 'i emailed [name] from the edge of care team'),
    ('our manager kerry-ann signed it', 'our manager [name] signed it'),
    ('the social worker tasha came', 'the social worker [name] came'),
    ('mr b, the step-dad, was there', 'mr [name], the step-dad, was there'),
    ("her insta's @kaycee.x.o", "her insta's [handle]"),
    ('his snap is jaydenb_2011', 'his snap is [handle]'),
    ('her tiktok is lil.miss.lola', 'her tiktok is [handle]'),
    ('his xbox name is deathstalker99', 'his xbox name is [handle]'),
    ("find her on insta, it's @ruby_rose_x", "find her on insta, it's [handle]"),
    # "chantelle" a listed first name since round 62: the name she is under, whole
    ("her facebook's under chantelle marie smith", "her facebook's under [name]"),
    ("his email's jaydenb2011@gmail.com", "his email's [email]"),
    ('her email is kaycee dot smith at hotmail dot co dot uk', 'her email is [email]'),
    ('ring mum on 07700 900 461', 'ring mum on [phone]'),
    ("her number's oh seven seven double oh, nine double oh, four six one", "her number's [phone]"),
    ("the landline's 0161 496 0123", "the landline's [phone]"),
    ('call nan on 01632-960-111', 'call nan on [phone]'),
    ('text dad on 07700.900.123', 'text dad on [phone]'),
    ("his nhs number's 943 476 5919", "his nhs number's [NHS number]"),
    ('nhs no: 943-476-5919', 'nhs no: [NHS number]'),
    ('her ni number is qq 12 34 56 c', 'her ni number is [NI number]'),
    ('she was born on 14/03/2011', 'she was born on [date of birth]'),
    ('born 3rd of march 2011', 'born [date of birth]'),
    ('dob: 03.03.2011', 'dob: [date of birth]'),
    ('he was born on the fourteenth of march twenty eleven', 'he was born on [date of birth]'),
    ("jordan, who's 15, was there", "[name], who's [age], was there"),
    ('they live at 14 heol y felin', 'they live at [address]'),
    ("she's at 22 maes y coed now", "she's at [address] now"),
    ('the address is 3 acacia avenue, leeds ls6 2ab', 'the address is [address], [council] [postcode]'),
    ("they're at flat 4, 19 station road", "they're at [address], [address]"),
    ("his postcode's ls6 2ab", "his postcode's [postcode]"),
    ('she lives on the gurnos estate', 'she lives on the [place] estate'),
    ('her nan lives on jubilee terrace', 'her nan lives on [address]'),
    ('the car was a red corsa, reg yh17 abc', 'the car was a red corsa, reg [vehicle registration]'),
    ("she's at st. teilo's in cardiff", "she's at [place] in [place]"),
    ("he goes to st. illtyd's", 'he goes to [place]'),
    ("she's at holy trinity primary in wrexham", "she's at [place] primary in [place]"),
    ('they go to ysgol y wern', 'they go to [place]'),
    ("she's in the 2nd rhyl brownies", "she's in the [place] brownies"),
    ('he plays for llandaff north under 12s', 'he plays for [place] under 12s'),
    ("her dad's in hmp parc", "her dad's in hmp [place]"),
    ("nan said, oh, bethan's been in hospital", "nan said, oh, [name]'s been in hospital"),
    ('so, um, kian, kian was there', 'so, um, [name], [name] was there'),
    ('she was with, um, the boyfriend, dean', 'she was with, um, the boyfriend, [name]'),
    ("his dad, like, darren, he's not safe", "his dad, like, [name], he's not safe"),
    ("tiffany-jade's mum is pregnant again", "[name]'s mum is pregnant again"),
    ('the eldest, caitlyn, is 16', 'the eldest, [name], is [age]'),
    ('our youngest, alfie, is 3', 'our youngest, [name], is [age]'),
    ('her eldest is chardonnay', 'her eldest is [name]'),
    ("the middle one's called paris", "the middle one's called [name]"),
    ("there's a girl called india in her class", "there's a girl called [name] in her class"),
    ('a lad named brooklyn', 'a lad named [name]'),
    ("her boyfriend kyle, he's 19", "her boyfriend [name], he's [age]"),
    ('her fella, gaz, is on tag', 'her fella, [name], is on tag'),
    ("her ex, liam o'neill, turned up", 'her ex, [name], turned up'),
    ('the step-dad, craig mcdonald, was arrested', 'the step-dad, [name], was arrested'),
    ('aunty sian took the kids', 'aunty [name] took the kids'),
    ('her cousin, tia-louise, was there too', 'her cousin, [name], was there too'),
    ('it was jade, jade williams, the mum', 'it was [name], the mum'),
    ("she's known as tink to everyone", "she's known as [name] to everyone"),
]

# Over-redactions: before -> now.
_OVER_REDACTED = [
    ("call me, oh, one sec", "call me, oh, one sec"),  # was "call me, [name], one sec"
    ("call him, ah, after lunch", "call him, ah, after lunch"),  # was "call him, [name], after lunch"
    ("she goes to air cadets", "she goes to air cadets"),  # was "she goes to [place]"
    ("she goes to sea cadets on a tuesday", "she goes to sea cadets on a tuesday"),  # was "[place] on a tuesday"
    ("she goes to army cadets", "she goes to army cadets"),  # was "she goes to [place]"
    ("he's in the ATC", "he's in the ATC"),  # was "he's in the [place]"
    ("he's been in the ATC for two years", "he's been in the ATC for two years"),  # was "the [place] for"
    ("he's at ysgol all week", "he's at ysgol all week"),  # was "he's at [place] all week"
    ("he's at coleg most days", "he's at coleg most days"),  # was "he's at [place] most days"
    ("her uncle rhys lives with them", "her uncle [name] lives with them"),  # was "her uncle [name] with them"
    ("jane lives in leeds", "[name] lives in [council]"),  # was "[name] in [council]"
    ("her son jake visits monthly", "her son [name] visits monthly"),  # was "her son [name] monthly"
]

# Ordinary sentences whose words look like names, near each new form: kept before and after, but for the five marked
# (the over-redactions above, in other sentences).
_KEPT = [
    'it was Ofsted who picked it up',
    "it was Barnardo's that ran the group",
    'it was Christmas that did it for her',
    'it was Monday when i rang',
    "it's Sure Start that helped most",
    'it was CAMHS who said no',
    'we placed Children and Families under one director',
    'we moved Early Help into the hub in April',
    'they adopted Signs of Safety last year',
    'the kids, bless them, were fine',
    'the kids, boys and girls, all came',
    'the twins, big and small, were lovely',
    'the children, all of them, are safe',
    'the kids, young and old, came to the party',
    "the girl's mum was there",
    "everyone's nan came to the show",
    "the lad's dad rang me",
    "her son's gran picked him up",
    "nobody's mum came",
    "it's a well-known thing",
    'the long-term plan was agreed',
    'we had a one-to-one with the manager',
    'the follow-up was on the friday',
    'call me, oh, one sec',  # over-redacted before
    'oh, ring me back later',
    'she said, um, yeah, fine',
    'ah, the social worker came',
    'she goes to air cadets on a thursday',  # over-redacted before
    "he's in the sea cadets",
    'she goes to army cadets with her mate',
    "he's been in the ATC for two years",  # over-redacted before
    'she goes to brownies and guides',
    'he does the Duke of Edinburgh',
    "she's doing NCS in the summer",
    "she's at ysgol all week",  # over-redacted before
    'ysgol is welsh for school',
    "he's at coleg most days",  # over-redacted before
    'the ysgol was shut for snow',
    'she goes to the capel on sundays',
    'the case turned a corner',
    'the meeting turned 2 hours long',
    'things turned nasty after that',
    'her life turned round',
    'the plan was signed off at the panel',
    'we met with the Youth Justice Board',
    'the NSPCC helpline was busy',
    'she rang Childline twice',
    'we use Signs of Safety',
    'the Virtual School head came',
    "she moved to the Children's Home in the summer",
    "they're from the council",
    "she's from a big family",
    "he's from care originally",
    'we did a visit to the school',
    "she's in a placement in a foster home",
    'nan looks after her in the holidays',
    'they were rehoused to a bigger flat',
    'we moved them to a new school',
    'i spoke to the nan about it',
    'her nan will have them on friday',
    'his brother was there',
    'her mum may come',
    'her dad will ring',
    "the boy's grandad was great",
    'in Wales the rules are different',
    'she went to Scotland on holiday',
    'the London team were great',
    'she plays for england ladies',
    'he plays for the school team',
    'he loves Minecraft and Roblox',
    'he supports the Red Cross',
    "she's on Universal Credit",
    'the Pupil Premium paid for it',
    'we used the Holiday Activities and Food money',
    'it was half term in February',
    'summer was hard for everyone',
    'the storm knocked the fence down',
    'the river was high that week',
    'the sky was grey all day',
    'the crystal vase got smashed',
    "her tiktok's full of dances",
    'the e.g. in the plan was wrong',
    'at 3 p.m. the meeting started',
    'we did it a.s.a.p.',
]

# Slang said last after "it was", with no pause before it or a dropped "g": kept before and after.
_SLANG_KEPT = ["it was summat.", "it was mega.", "it was, er, crackin.", "it was kinda."]

# Still leaking (measured when written); strict, so closing one is seen.  Round 27 closed three more (its
# ``_FROM_ROUND_26``), round 28 one (its ``_FROM_ROUND_26``).
# Both closed in round 29 (tests/hostile/test_pii_round29.py, ``_FROM_ROUND_26``).
_OPEN: list[tuple[str, str]] = []


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(
    _FROM_ROUND_24 + _RED_TEAM + _RED_TEAM_AFTER + _HELD + _OVER_REDACTED
)


test_ordinary_words_that_look_like_names_are_kept = _rounds.kept(_KEPT + _SLANG_KEPT)


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
