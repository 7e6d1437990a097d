"""Twenty-seventh red-team round: children's words reported, pets and siblings, addresses in words, homes, handles.

Forms closed as a class of writing (each with variants written for it; none names a word of a test):

* being "into" something is liking it: what follows is no place; ordinary words there are kept ("he's into Little
  Mix", "into Match of the Day"), a name is a name ("she's into Taylor Swift" was "[place]" and is "[name]" now: a
  singer and a child's crush are written alike, "she's into Jayden Okafor", so the singer stays redacted);
* a listed name part that ends a Title Case phrase after a capitalised word, "'s" or "of the" is the title's or the
  holiday's word ("Match of the Day", "Christmas Day", "Mother's Day", "the Lion King" with a May Day and a King
  listed), and a listed May after a word of time is the month ("his GCSEs are in May");
* everyday words of Welsh and Scots speech said inside English are words, not names no list knows ("it was, er,
  iawn"; ``impact/_data/privacy/spoken_words.txt``); exams, an inspectorate, case-recording systems and a national
  attraction are public terms (GCSEs, Estyn, Liquidlogic, WCCIS, Legoland);
* a house number said in words, with hundreds or a letter, before a street or a Welsh street ("forty two heol y
  parc", "seventeen b, oak road", "flat three, twenty nine brook street"), and two streets where they meet ("the
  corner of mill lane and church street");
* a relation and a first name that is a word before a verb of the present ("daddy mark sleeps on the sofa",
  "mummy's boyfriend lee shouts"), and a past without "-ed" after a first name is the verb, not a surname ("my
  brother kai hit me" lost "hit");
* a pet called by any word ("a dog called biscuit", "a staffy called tyson"), someone's "real name"; children named
  together by their count or place ("the younger two, olly and fin, went"), or after "sisters", "brothers";
* two letters without a vowel set off after a relation ("her half-brother, tj, is"), a word no list knows set off
  after a place among the children ("the eldest, kyron, and ..."), a host, a childminder, a tutor as roles;
* lower-case dotted initials before a relation owned ("r.j.'s mum rang"); a first name after "tell"; a nickname's
  word and a first name said last or quoted ("i'm scared of big dale", "'big al'");
* a child saying their own age ("my name's callum and i'm seven", "i'm 5"; not "i'm 5 minutes away"), a friend named
  with the child before a verb of the plural ("me and tayla share a room"); a birthday said as two numbers in words
  ("his birthday is nine eleven"), the day of a birth said after its month and year ("born in june 2016, the 3rd");
* a name spelt letter by letter after "it's" or "name's" (the "s" was taken as a letter: "it'[name]"), and letters
  said between commas after a word of spelling ("that's c, e, r, y, s"; not "grades a, a, b, c");
* a care home or a children's home named before its kind ("the hawthorns children's home", "meadow view care
  home"; not "the council's children's home"); a class's school after "class at"; a reference with the system it
  is on between ("the child's id on liquidlogic is 883412"); a plate after "r/n".

Round 26's open forms closed here (``_FROM_ROUND_26``): a Welsh school's name with "y" inside and its kind last ("pen y
dre high"), the town after a cadet unit and an aside ("1234 squadron, air cadets, in kelbury"), a hospital by its own
word after a ward's number ("ward 7 at the heath").  Three stay open in round 26's ``_OPEN``.

Of the 153 sentences written for this round 42 came out differently before the fixes: 32 are closed (``_RED_TEAM``:
28 leaked a detail, 4 lost a word of the text), 10 still leak (``_OPEN``, one line each on why); 111 were redacted
exactly so before (``_HELD``).  106 ordinary sentences whose words look like names are kept (``_KEPT``): 95 before and
after, 11 now (over-redactions, marked).

Gold corpus (``python -m bench.redaction_gold``), sentences redacted before -> after: stress 733 -> 692, none 659 ->
659, stress_lower 566 -> 566.  The 58 stress sentences redacted differently all keep now a listed stress name's word
in a Title Case phrase of a council's papers ("Improvement Plan", "Children's Social Care", "Social Work", "Serious
Case Reviews", "in May" with Carol Plan, Will Care, Will Work, Grace Case and May Day listed); none redacts more.
"""

from __future__ import annotations

from . import _rounds

# Round 26's open forms, closed here: the text and its exact redaction.
_FROM_ROUND_26 = [
    ("he's at pen y dre high", "he's at [place]"),
    ("he's at 1234 squadron, air cadets, in kelbury", "he's at [place] squadron, air cadets, in [place]"),
    ("she's on ward 7 at the heath", "she's on [place] at the [place]"),
]

# Written for this round; each came out differently before the fixes (measured when written).
_RED_TEAM = [
    ('and he goes, my brother kai hit me', 'and he goes, my brother [name] hit me'),
    ('she said me and tayla share a room', 'she said me and [name] share a room'),
    ("and she goes, mummy's boyfriend lee shouts", "and she goes, mummy's boyfriend [name] shouts"),
    ("he said, my name's callum and i'm seven", "he said, my name's [name] and i'm [age]"),
    ("she said, i'm lily-mae and i'm 5", "she said, i'm [name] and i'm [age]"),
    ('the little one said, daddy mark sleeps on the sofa', 'the little one said, daddy [name] sleeps on the sofa'),
    ("she was like, don't tell keeley", "she was like, don't tell [name]"),
    ("he told us, i'm scared of big dale", "he told us, i'm scared of big [name]"),
    ('he was born in june 2016, the 3rd', 'he was born in [date of birth], the [date of birth]'),
    ('his birthday is nine eleven, like the twin towers', 'his birthday is [date of birth], like the twin towers'),
    ("he's in miss patel's class at oakfield", "he's in miss [name]'s class at [place]"),
    ("she's got a dog called biscuit and a brother called reuben", "she's got a dog called [name] and a brother called [name]"),
    ('his sisters, nevaeh and harmony, share a bed', 'his sisters, [name] and [name], share a bed'),
    ('her half-brother, tj, is in care too', 'her half-brother, [name], is in care too'),
    ('the eldest, kyron, and the middle one, deja', 'the eldest, [name], and the middle one, [name]'),
    ('the younger two, olly and fin, went to the carers', 'the younger two, [name] and [name], went to the carers'),
    ("she's at forty two heol y parc", "she's at [address]"),
    ("it's flat three, twenty nine brook street", "it's flat three, [address]"),
    ('the house on the corner of mill lane and church street', 'the house on the corner of [address] and [address]'),
    ("they're at seventeen b, oak road", "they're at [address]"),
    ('she got in a silver astra, r/n ma19 xyz', 'she got in a silver astra, r/n [vehicle registration]'),
    ("the child's id on liquidlogic is 883412", "the child's id on liquidlogic is [reference]"),
    ("she went to the hawthorns children's home", "she went to the [place] children's home"),
    ('she was moved to meadow view care home', 'she was moved to [place] care home'),
    ('his supported lodgings host, dev, is great', 'his supported lodgings host, [name], is great'),
    ("it's t y l e r, tyler", "it's [name], [name]"),
    ("that's c, e, r, y, s", "that's [name]"),
    ("his surname's j o n e s", "his surname's [name]"),
    ("double-n, it's h a n n a h", "double-n, it's [name]"),
    ("we call him little man, his real name's tobias", "we call him little man, his real name's [name]"),
    ("the youth worker, 'big al', runs the club", "the youth worker, 'big [name]', runs the club"),
    ("and then r.j.'s mum rang", "and then [name]'s mum rang"),
]

# Written for this round and redacted exactly so before and after.
_HELD = [
    ('she said, nanny bev lets me stay up', 'she said, nanny [name] lets me stay up'),
    ("he told me, miss, my dad's called wayne", "he told me, miss, my dad's called [name]"),
    ('she was like, i live with aunty mel now', 'she was like, i live with aunty [name] now'),
    ("he said, i go to st mary's and my teacher's mrs price", "he said, i go to [place] and my teacher's mrs [name]"),
    ('she told the teacher, uncle gaz hurt me', 'she told the teacher, uncle [name] hurt me'),
    ("he goes, ask my mate, his name's brandon", "he goes, ask my mate, his name's [name]"),
    ('she said, we moved from swansea cos of dad', 'she said, we moved from [place] cos of dad'),
    ('he said, um, the man, steve, gave me sweets', 'he said, um, the man, [name], gave me sweets'),
    ('and he said his step-mum, donna, locks the fridge', 'and he said his step-mum, [name], locks the fridge'),
    ('she says her best friend is amelia from class', 'she says her best friend is [name] from class'),
    ("she said i sleep at grandma joan's on fridays", "she said i sleep at grandma [name]'s on fridays"),
    ('he went missing on the 14th of february 2023', 'he went missing on [date]'),
    ('the fire at their house on elm grove was in the paper', 'the fire at their house on [address] was in the paper'),
    ("her birthday's the 2nd of june", "her birthday's [date of birth]"),
    ('he was born 12.06.15', 'he was born [date of birth]'),
    ('his dob is 1/9/2014', 'his dob is [date of birth]'),
    ('she was born on boxing day 2012', 'she was born on [date of birth]'),
    ('d.o.b. 21 - 04 - 2010', 'd.o.b. [date of birth]'),
    ('her mum died on 5th may 2021', 'her mum died on [date]'),
    ('she turns sixteen on the 9th', 'she turns [age] on [date of birth]'),
    ("he'll be 11 in august", "he'll be [age] in [date of birth]"),
    ('born twenty third of april two thousand and twelve', 'born [date of birth]'),
    ("she's in year 5, mrs khan's class", "she's in year 5, mrs [name]'s class"),
    ("she's in class 3b with mr lloyd", "she's in class [place] with mr [name]"),
    ("he's in hedgehog class, mrs evans is his teacher", "he's in hedgehog class, mrs [name] is his teacher"),
    ("her form tutor mr o'brien rang", 'her form tutor mr [name] rang'),
    ("she's in 9R at cardinal newman", "she's in [place] at cardinal [name]"),
    ("he's in year 7 at ysgol bro edern", "he's in year 7 at [place]"),
    ("the senco, mrs ahmed, said he's behind", "the senco, mrs [name], said he's behind"),
    ('his head of year, mr dobbs, excluded him', 'his head of year, mr [name], excluded him'),
    ("she's in year 10 at fitzalan high", "she's in year 10 at [place]"),
    ("he's in the nurture group with miss jenkins", "he's in the nurture group with miss [name]"),
    ('she goes to llanishen high, year 8', 'she goes to [place], year 8'),
    ("he's in reception at millbrook primary", "he's in reception at [place]"),
    ('the ta, sharon, sits with him', 'the ta, [name], sits with him'),
    ("his teacher's mr. haworth", "his teacher's mr. [name]"),
    ('her brother jaxon and the cat, tigger, live with nan', 'her brother [name] and the cat, [name], live with nan'),
    ('him and his sister esmae walk the dog', 'him and his sister [name] walk the dog'),
    ('the dog, a staffy called tyson, bit his brother', 'the dog, a staffy called [name], bit his brother'),
    ('she misses her rabbit, and her brother alfie', 'she misses her rabbit, and her brother [name]'),
    ('the twins are called ruby and rose', 'the twins are called [name] and [name]'),
    ('his older brother, liam, is 19', 'his older brother, [name], is [age]'),
    ('their baby sister, ivy, was removed at birth', 'their baby sister, [name], was removed at birth'),
    ('him, his brother and their dog bruno', 'him, his brother and their dog [name]'),
    ("she's got three siblings, archie, mia and leo", "she's got three siblings, [name], [name] and [name]"),
    ("his sister's called precious", "his sister's called [name]"),
    ('they live at number twelve, ash grove', 'they live at [address]'),
    ("she's staying at 9a the parade", "she's staying at [address]"),
    ('they moved to sixty eight victoria avenue', 'they moved to [address]'),
    ('flat 2, beech court, the address was', '[address], the address was'),
    ('she lives at 5 gower view, port talbot', 'she lives at [address], port [name]'),
    ('her nan lives on maple drive, number 3', 'her nan lives on [address], [address]'),
    ("we went out to 44 rhodfa'r gwendraeth", 'we went out to [address]'),
    ('he drives a black golf, ab12 cde', 'he drives a [detail], [vehicle registration]'),
    ('the reg was w-x-one-seven-y-z-a', 'the reg was [vehicle registration]'),
    ('the car, reg number ky 19 ppo, was outside', 'the car, reg number [vehicle registration], was outside'),
    ('a white van, ll67 rfh, picks her up', 'a white van, [vehicle registration], picks her up'),
    ("his reg's bd51 smr", "his reg's [vehicle registration]"),
    ('the plate was yb14 kdh', 'the plate was [vehicle registration]'),
    ('the taxi was reg fg 70 tnn', 'the taxi was reg [vehicle registration]'),
    ('the number plate, like, cn 62 lpd', 'the number plate, like, [vehicle registration]'),
    ('reg: vk-21-jhu', 'reg: [vehicle registration]'),
    ('police stopped the car, reg sa68 owl', 'police stopped the car, reg [vehicle registration]'),
    ('the case number is cs 2023 0456', 'the case number is [reference]'),  # 'cs [phone]' until round 48
    ('court ref cf22c00123', 'court ref [reference]'),
    ("her crime number's 55210034567", "her crime number's [reference]"),  # '[phone]' until round 48
    ('the mosaic id is 4471203', 'the mosaic id is [reference]'),
    ('the police log was 0412 of the 3rd', 'the police log was [reference] of the 3rd'),
    ('her wcccis number is 1029384', 'her wcccis number is [reference]'),  # '[phone]' until round 48
    ("it's case ref fam/22/1034", "it's case ref [reference]"),
    ('the lado ref is l-2291', 'the lado ref is [reference]'),
    ('incident number 1190 of 12 march', 'incident number [reference] of 12 march'),
    ('the pnc id was 19/123456a', 'the pnc id was [reference]'),
    # round 75: the system's letter before the figures goes with them, a reference's (it gave 'e [phone]')
    ('his eclipse number is e 3345 12', 'his eclipse number is [reference]'),
    ("he's at willow house, the children's home in barry", "he's at [place], the children's home in [name]"),
    ("she's placed with carers, pam and keith", "she's placed with carers, [name] and [name]"),
    ('the foster carer, auntie bernie, is brilliant', 'the foster carer, auntie [name], is brilliant'),
    ("he's in ty gwyn, the residential unit", "he's in [place], the residential unit"),
    ('the carers, the hendersons, have had him two years', 'the carers, the [name], have had him two years'),
    ('his foster mum sandra takes him to school', 'his foster mum [name] takes him to school'),
    ('the kinship carer is his great-aunt, margaret', 'the kinship carer is his great-aunt, [name]'),
    ("she's with foster carers in abergavenny", "she's with foster carers in [place]"),
    ('mr and mrs okafor are the carers', 'mr and mrs [name] are the carers'),
    ('he lives at brookfield lodge now', 'he lives at [place] lodge now'),
    ('the respite carer, jan, has her one weekend a month', 'the respite carer, [name], has her one weekend a month'),
    ('his fortnite name is xX_shadow_Xx', 'his fortnite name is [handle]'),
    ("her snap's kayla dot b 09", "her snap's [handle]"),
    ("on roblox he's called dino_king2014", "on roblox he's called [handle]"),
    ('his psn is reeceyboi07', 'his psn is [handle]'),
    ("her tiktok, it's at sophie underscore x", "her tiktok, it's at [handle]"),
    ('she added him on snap, his is tommo_22', 'she added him on snap, his is [handle]'),
    ("on discord he's ghostrider#4432", "on discord he's [handle]"),
    ('her insta is like, @x.jazzy.x', 'her insta is like, [handle]'),
    ('the account was called lewis_gets_lit', 'the account was called [name]'),
    ('his youtube channel is jackplays123', 'his youtube channel is [handle]'),
    ('she messages him on whatsapp as bubbles_xo', 'she messages him on whatsapp as [handle]'),
    ('his steam name is n00bslayer', 'his steam name is [handle]'),
    ('her facebook is jodie-leigh roberts', 'her facebook is [name]'),
    ('on twitch he streams as cardiffkid_yt', 'on twitch he streams as [handle]'),
    ("her name's spelt k-a-y-l-e-e", "her name's [name]"),
    ('she spelt it out, b-r-o-o-k-l-y-n', 'she spelt it out, [name]'),
    ('surname is m-c-c-a-r-t-h-y', 'surname is [name]'),
    ("it's spelt with a y, r-h-y-s", "it's spelt with a y, [name]"),
    ('first name a-l-f-i-e, surname d-a-v-i-e-s', 'first name [name], surname [name]'),
    ('her name is s.k.y.e', 'her name is [name]'),
    ('he spells it d-e-k-l-a-n, with a k', 'he spells it [name], with a k'),
    ("she's really into jayden from year 9", "she's really into [name] from year 9"),
    ("she's into Jayden Okafor, he's in her class", "she's into [name], he's in her class"),
    ('the sgt, sgt. rowlands, came with us', 'the sgt, sgt. [name], came with us'),
    ('the paediatrician dr. nwosu saw her', 'the paediatrician dr. [name] saw her'),
    ('her key worker, chloe b, is off', 'her key worker, [name], is off'),
]

# Over-redactions round 26 left, and those found this round: before -> now.
_OVER_REDACTED = [
    ("she's into Taylor Swift", "she's into [name]"),  # was "she's into [place]"
    ('we watched Match of the Day', 'we watched Match of the Day'),  # was 'we watched Match of the [name]'
    ('it was, er, iawn', 'it was, er, iawn'),  # was 'it was, er, [name]'
]

# Ordinary sentences whose words look like names, near each new form: kept after the fixes; the ones marked were
# changed before (over-redactions, with the stress names listed or with none).
_KEPT = [
    "he's into Little Mix",
    'we watched Match of the Day',  # was 'we watched Match of the [name]'
    "he's into Match of the Day",  # was "he's into Match of the [name]"
    'it was, er, iawn',  # was 'it was, er, [name]'
    'it was, um, fine',
    'she said it was, er, grand',
    "she's in year 5",
    "he's in year 10 now",
    "she's in reception",
    "he's in the nurture group",
    "she's in class 3",
    "he's in Year 7 at secondary",
    'she moved up to high school in September',
    'he sits his GCSEs in May',  # was 'he sits his [name] in [name]'
    'the dog bit him',
    'the cat had kittens',
    "she's got a rabbit and a guinea pig",
    'his brother and sister came',
    'the twins are in the same class',
    'the eldest and the youngest were there',
    'they live in a council flat',
    'she lives on a new estate',
    "he's in a flat on the ground floor",
    'the house was on the corner',
    'we went to the house at ten',
    'they live at the top of the hill',
    'the car was a silver astra',
    'he drives a van for work',
    "the reg wasn't visible",
    'the police stopped the car',
    'the case was closed in March',
    'we opened a case on the Monday',
    'the case number was on the letter',
    'the crime number was given to mum',
    "it's on Liquidlogic",  # was "it's on [place]"
    'we record it on Mosaic',
    "it's all on WCCIS now",
    "he's at a children's home",
    "she's in residential care",
    'the foster carers were brilliant',
    'the care home was miles away',
    'the kinship carer is his aunt',
    "she's with foster carers out of county",
    "he's on TikTok all night",
    "she's always on Snapchat",
    'he plays Fortnite with his mates',
    'they chat on Discord',
    "he's on the Xbox till two",
    'his PlayStation got taken off him',
    'she watches YouTube',
    'he streams on Twitch',
    'she spelt it wrong on the form',
    "it's spelt the Welsh way",
    'the spelling was different on the letter',
    'she said she was fine',
    'he said his dad was at work',
    'she told the teacher she was hungry',
    'he said, i want to go home',
    'she said me and my mum share a room',
    'he told us he was scared',
    'the little one said she was tired',
    'he was born in Wales',
    'she was born in the summer',
    'the Heath is a big hospital',
    'Operation Encompass rang the school',
    'the Early Help Hub took it',
    'we used the Team Around the Family',
    'the Youth Offending Service were involved',
    "Barnardo's ran the group",
    'the NSPCC did the training',
    'Action for Children ran the project',
    'it was half term',
    'we did Bonfire Night at the centre',
    'on Christmas Day she rang',  # was 'on Christmas [name] she rang'
    "it was Mother's Day",  # was "it was Mother's [name]"
    'the Easter holidays were hard',
    'the Welsh Government funded it',
    'Estyn came in',  # was '[name] came in'
    'Care Inspectorate Wales inspected us',
    "the Children's Commissioner for Wales wrote",
    'the Premier League kicks off in August',
    'she loves Strictly',
    'he watches Love Island',
    'they went to Legoland',  # was 'they went to [place]'
    'the Lion King was on at school',  # was 'the [name] was on at school'
    'we watched Frozen',
    "she's into her dancing",
    "he's really into football",
    'we got into the car',
    'she went into care',
    'he moved into the flat in May',  # was 'he moved into the flat in [name]'
    'grades a, a, b, c',
    'options a, b, c, d',
    "she went to the council's children's home",
    'he moved to the residential unit',
    'she was on the ward at the moment',
    'there was little hope.',
    'tell social services',
    "i'll tell them",
    'the younger two, boys and girls, went',
    'his sisters, older and younger, came',
    'the Green Mile was on',
    'it was a dog called a lurcher',
    "that's a, b, c, d",
    'the bed 4 in the garden centre',
    'ysgol y wern is a welsh school name',
]

# Still leaking (measured when written); strict, so closing one is seen.  Round 28 closed nine more (its
# ``_FROM_ROUND_27``).
# Closed in round 29 (tests/hostile/test_pii_round29.py, ``_FROM_ROUND_27``).
_OPEN: list[tuple[str, str]] = []


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_FROM_ROUND_26 + _RED_TEAM + _HELD + _OVER_REDACTED)


test_ordinary_words_that_look_like_names_are_kept = _rounds.kept(_KEPT)


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
