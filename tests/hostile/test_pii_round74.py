"""Seventy-fourth red-team round: the quote forms privacy73 left, each mended as a class, with sentences written new for
each in the register of case reviews, Ofsted letters and practitioners' speech (UK spelling; every detail invented),
and a hunt of other identifying forms.

* A family role and a lone capital letter, the lead's decision: one rule for every role.  Alone ("Mother F did not
  attend", "Father F said", "Grandmother K", "Stepfather H's van") the letter is the relation's initial and becomes
  "[name]", the role kept ("Grandmother [name]"), as round 45 holds for "Father F"; main read it so only after the
  relations its own list held ("Grandmother K", "Stepdad M", "Great-Grandmother L" were kept) and only before a verb
  or a stop ("we spoke to Grandmother K about contact" was kept).  Beside another review label in the same text
  ("Child E lived with Grandmother K and Uncle T") it is the review's label and kept whole.  Both rules read the one
  list of relations, the lexicon's FAMILY_WORDS.  A table's sex column ("Mother F 31") stays round 45's.
* A hospital by short letters after "the" where a stay, an admission, a transfer or a visit is said ("she was in the
  QE for a month", "he was admitted to the QE overnight", "she spent a fortnight in the JR", "mum stayed with her in
  the RMCH"): main read only letters ending as an infirmary's, a hospital's, a centre's or a clinic's do.  The letters
  of services, orders, bodies and nations stay (the public terms, the roles' letters, and
  ``privacy/service_letters.txt`` from councils' published glossaries: "the PRU", "the MASH", "the SARC", "the UK",
  "the UAE"); "was in the" needs a length, a bound or a cause after it ("she was in the CP plan" stays), and a move
  needs a person moved ("he was taken to the QE"; "the case was taken to the SMT" stays).
* A street in lower case closed by one of the endings privacy73 added ("they moved to gipton approach", "the flat on
  armley nook", "his nan's house on beeston brow"), after a word of place: an address where its first word is no
  English word nor first name, as the capitalised rule holds ("on the hill", "to court", "on my way" stay).
* The hunt, 107 sentences (schools by "Primary" or "Academy", GP surgeries, nicknames in quotes, dates of death, case
  numbers with letters), found one class leaking: a nickname in quotes beside a person's noun ("mum's boyfriend,
  'Smudge', was on licence", "his mate 'Smudge' had the car", "his cousin ('Little [name]')", a nickname's own word
  kept as round 27 holds), or after knowing someone or calling oneself by it ("everyone knew her brother as 'Tiny'",
  "he only ever called himself 'K-Dog'"); a quote of speech ("her mum, 'I'm not having it', said") stays. Schools,
  surgeries, dates of death and case numbers were withheld already; the ones below were held so on main too.

Counts, measured on main (8a7a1a21) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM holds the 47 main gave wrongly, _HELD_EXACT the 53 it gave so already, _KEPT the 36 kept (two
main redacted: above them), _OPEN one.  The file run beside main's package: 49 failed (the 47 and the two kept), 88
passed, 1 xfailed.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave above each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # 1. a family role and a lone capital letter, alone: an initial, for every role
    # main: kept
    ('we spoke to Grandmother K about contact', 'we spoke to Grandmother [name] about contact'),
    # main: kept
    ('Grandmother K', 'Grandmother [name]'),
    # main: kept
    ('Grandmother K was the main carer', 'Grandmother [name] was the main carer'),
    # main: kept
    ("Stepfather H's van was seen outside the school", "Stepfather [name]'s van was seen outside the school"),
    # main: kept
    ('Great-Grandmother L looked after him at weekends', 'Great-Grandmother [name] looked after him at weekends'),
    # main: kept
    ('the plan said Stepdad M must not have contact', 'the plan said Stepdad [name] must not have contact'),
    # main: 'the chronology shows Grandfather P was violent to Mother [name]'
    ('the chronology shows Grandfather P was violent to Mother K',
     'the chronology shows Grandfather [name] was violent to Mother [name]'),
    # 2. a hospital by short letters where a stay, an admission, a transfer or a visit is said
    # main: kept
    ('she was in the QE for a month', 'she was in the [place] for a month'),
    # main: kept
    ('he was admitted to the QE overnight', 'he was admitted to the [place] overnight'),
    # main: kept
    ('she spent a fortnight in the JR', 'she spent a fortnight in the [place]'),
    # main: kept
    ('we visited him in the QEH on the Friday', 'we visited him in the [place] on the Friday'),
    # main: kept
    ('after his admission to the NNUH in March', 'after his admission to the [place] in March'),
    # main: kept
    ('he was taken to the QE', 'he was taken to the [place]'),
    # main: kept
    ('mum stayed with her in the RMCH for three weeks', 'mum stayed with her in the [place] for three weeks'),
    # main: kept
    ('she had a week in the NGH last year', 'she had a week in the [place] last year'),
    # main: kept
    ('he was discharged from the UHCW the next day', 'he was discharged from the [place] the next day'),
    # main: kept
    ('he was pronounced dead at the RVI', 'he was pronounced dead at the [place]'),
    # main: kept
    ('mum was in the QE with sepsis', 'mum was in the [place] with sepsis'),
    # main: kept
    ('the twins were in the JR for six weeks', 'the twins were in the [place] for six weeks'),
    # main: kept
    ('she was transferred to the QMC by ambulance', 'she was transferred to the [place] by ambulance'),
    # main: kept
    ('Child B was transferred to the QMC by ambulance', 'Child B was transferred to the [place] by ambulance'),
    # main: kept
    ('mum took her to the QE', 'mum took her to the [place]'),
    # main: kept
    ('she was at the QE until the end of March', 'she was at the [place] until the end of March'),
    # 3. a street in lower case by an ending privacy73 added, after a word of place
    # main: 'they moved to [place] approach'
    ('they moved to gipton approach', 'they moved to [address]'),
    # main: kept
    ('she was found on armley nook at 2am', 'she was found on [address] at 2am'),
    # main: 'they live at [name] now'
    ('they live at seacroft garth now', 'they live at [address] now'),
    # main: kept
    ("his nan's house on beeston brow", "his nan's house on [address]"),
    # main: kept
    ('they met at moortown corner', 'they met at [address]'),
    # main: 'the police went to [place] wynd twice'
    ('the police went to seacroft wynd twice', 'the police went to [address] twice'),
    # main: 'the house at [place] approach was boarded up'
    ('the house at gipton approach was boarded up', 'the house at [address] was boarded up'),
    # main: kept
    ("he was staying at his nan's on tinshill wynd", "he was staying at his nan's on [address]"),
    # main: kept
    ('she lives up moortown corner', 'she lives up [address]'),
    # main: 'the flat on [place] nook was cold'
    ('the flat on armley nook was cold', 'the flat on [address] was cold'),
    # main: 'they moved to [place] wood top in the spring'
    ('they moved to tinshill wood top in the spring', 'they moved to [address] in the spring'),
    # main: kept
    ('they moved to kirkstall approach last year', 'they moved to [address] last year'),
    # 4. the hunt: a nickname in quotes beside a person's noun, or after knowing or calling oneself by it
    # main: kept
    ("mum's boyfriend, 'Smudge', was on licence", "mum's boyfriend, '[name]', was on licence"),
    # main: kept
    ('mum\'s boyfriend, "Smudge", was on licence', 'mum\'s boyfriend, "[name]", was on licence'),
    # main: kept
    ("the older lad, 'Deuce', was grooming her", "the older lad, '[name]', was grooming her"),
    # main: kept
    ("her uncle, ‘Smudge’, was on licence", "her uncle, ‘[name]’, was on licence"),
    # main: kept
    ("his mate 'Smudge' had the car", "his mate '[name]' had the car"),
    # main: kept
    ("a lad called 'Tiny' had the car", "a lad called '[name]' had the car"),
    # main: kept
    ('his cousin ("Little T") was arrested with him', 'his cousin ("Little [name]") was arrested with him'),
    # main: kept
    ("everyone knew her brother as 'Tiny'", "everyone knew her brother as '[name]'"),
    # main: kept
    ('he only ever called himself "K-Dog"', 'he only ever called himself "[name]"'),
    # main: kept
    ("Child C's mum's boyfriend, 'Smudge', was on licence", "Child C's mum's boyfriend, '[name]', was on licence"),
    # main: kept
    ("her mum's partner — 'Bulldog' — had a history", "her mum's partner — '[name]' — had a history"),
    # main: kept
    ('the lad ("Spider") had the phone', 'the lad ("[name]") had the phone'),
    # 5. closed by round 75: a case system's name before its number
    # main: 'the [name] number is [reference]'
    ('the ChildView number is CV0034512', 'the ChildView number is [reference]'),
]
# Redacted so on main as now.
_HELD_EXACT = [
    # 1. a family role and a lone capital letter, alone: an initial, for every role
    ('Step-mother S refused to engage with the plan', 'Step-mother [name] refused to engage with the plan'),
    ('the review says Great-Uncle R had convictions', 'the review says Great-Uncle [name] had convictions'),
    ('Nan J picked him up from school most days', 'Nan [name] picked him up from school most days'),
    ('Aunty L took the children in for six months', 'Aunty [name] took the children in for six months'),
    ('Mother F said she had not been told', 'Mother [name] said she had not been told'),
    ('we met Uncle T in the park', 'we met Uncle [name] in the park'),
    ('his Foster Carer T said he had settled', 'his Foster Carer [name] said he had settled'),
    ('Father G was not invited to the conference', 'Father [name] was not invited to the conference'),
    # 2. a hospital by short letters where a stay, an admission, a transfer or a visit is said
    ('he was taken to the RSCH with a head injury', 'he was taken to the [place] with a head injury'),
    ('transferred to the RVI', 'transferred to the [place]'),
    ('seen at the LGI', 'seen at the [place]'),
    ("he's been in the RVI since Tuesday", "he's been in the [place] since Tuesday"),
    ('he was in the BRI for a week after the crash', 'he was in the [place] for a week after the crash'),
    # 3. a street in lower case by an ending privacy73 added, after a word of place
    ('lives on harehills lane', 'lives on [address]'),
    ('they lived on holbeck moor road', 'they lived on [address]'),
    ('she was found at the top of harehills avenue', 'she was found at the top of [address]'),
    ('lives at 4 beeston brow', 'lives at [address]'),
    # 4. the hunt: a nickname in quotes beside a person's noun, or after knowing or calling oneself by it
    ("the dealer, 'Scouse Dave', ran the line", "the dealer, '[name]', ran the line"),
    ('her dad, known as "Tank", was the one dealing', 'her dad, known as "[name]", was the one dealing'),
    ("they all called him 'Skinny' on the estate", "they all called him '[name]' on the estate"),
    ('the older lad, who goes by Deuce, was grooming her', 'the older lad, who goes by [name], was grooming her'),
    ('she said a man called "Big Mick" drove them', 'she said a man called "[name]" drove them'),
    ('the boy they call Spider had the phone', 'the boy they call [name] had the phone'),
    ("his street name was 'Ghost' and the police knew it", "his street name was '[name]' and the police knew it"),
    ('her boyfriend, known on the street as Skeng, was 19', 'her boyfriend, known on the street as [name], was [age]'),
    # the hunt: schools, surgeries, dates of death, case numbers with letters
    ('she was on roll at Whinmoor Primary until Year 4', 'she was on roll at [place] until Year 4'),
    ('he started at Fieldhead Academy in the September', 'he started at [place] in the September'),
    ('both boys went to Greenhill Primary Academy', 'both boys went to [place]'),
    ("they had places at St Bartholomew's CE Primary", 'they had places at [place]'),
    ('the school, Rosehill Primary, had concerns about her weight',
     'the school, [place], had concerns about her weight'),
    ('she goes to whinmoor primary now', 'she goes to [place] now'),
    ('he was at fieldhead academy till year 9', 'he was at [place] till year 9'),
    ("Whinmoor Primary's DSL was brilliant", "[place]'s DSL was brilliant"),
    ('he was registered at Moorfield Medical Practice', 'he was registered at [place]'),
    ('Dr Asante at Parkside Health Centre referred him to CAMHS', 'Dr [name] at [place] referred him to CAMHS'),
    ('the family moved GP to Meanwood Group Practice', 'the family moved GP to [place]'),
    ('we rang gledhow surgery about her jabs', 'we rang [place] about her jabs'),
    ("he's with the meanwood group practice", "he's with the [place]"),
    ('her father died on 14 March 2019', 'her father died on [date]'),
    ("Child D's mother died on the 3rd of June 2020 of an overdose", "Child D's mother died on [date] of an overdose"),
    ('dad died suddenly on Christmas Day 2019', 'dad died suddenly on [date]'),
    ('the date of death was 17th April 2021', 'the date of death was [date]'),
    ('Child F died on 3 April 2019, aged 4 months', 'Child F died on [date], aged [age]'),
    ('she died at the LGI on 5 May 2019', 'she died at the [place] on [date]'),
    ('the care proceedings were LS19C01234 at Leeds Family Court',
     'the care proceedings were [reference] at [council] Family Court'),
    ('case no. BD19P01123 was listed for a final hearing', 'case no. [reference] was listed for a final hearing'),
    ('the reference on the CP plan was CP/2021/0456/AB', 'the reference on the CP plan was [reference]'),
    ('the S47 number was S47/21/00345/LS', 'the S47 number was [reference]'),
    ('the EHCP reference was EHC/2019/4412/K', 'the EHCP reference was [reference]'),
    ('the LADO ref was LADO/21/0341/B', 'the LADO ref was [reference]'),
    ('her police ref was WY-2021-009876', 'her police ref was [reference]'),
    ("his NI number was QQ 12 34 56 C", "his NI number was [NI number]"),
    ('her UPN is A123456789012', 'her UPN is [pupil number]'),
]
# Kept on main as now (two main redacted: what main gave above each).
_KEPT = [
    # beside another review label: the review's labels, kept whole
    'Child E lived with Grandmother K and Uncle T',
    'Young Person F and Stepfather H argued constantly',
    'Sibling 2 and Mother K were both interviewed',
    # main: "Child C and Nan [name]'s partner moved in together"
    "Child C and Nan J's partner moved in together",
    # a service's, an order's, a body's or a nation's letters where a stay is said
    'she was in the PRU for a year',
    'he was seen at the MASH the same day',
    'she was in the UK for a month',
    'they stayed in the UAE for a week',
    'he was in the CP plan for a year',
    'she was at the CIN meeting',
    'she was transferred to the ICB',
    'he was in the YOT for a year',
    'he spent a week at the BBC',
    'she was in the RAF for a year',
    # main: 'she was seen at the [place]'
    'she was seen at the SARC',
    'we referred to the SARC',
    'she was in the UK with her mum',
    'he was born in the EEA',
    # a case or a paper moved, not a person
    'the case was taken to the SMT',
    'the report was taken to the AGM',
    # common words after a word of place, in lower case
    'we went to the park',
    'she moved to another place',
    'he went to court',
    "i'm on my way",
    'she came to our side',
    'we sat at the top',
    'she lives on her own',
    'she moved to the approach road',
    'they were at loggerheads',
    # a quote of speech or a term beside a person's noun
    "her mum, 'I'm not having it', said",
    "the boy 'wanted to go home'",
    "her dad said 'no' and left",
    "the girl's 'Safe Plan' was agreed",
    "dad's 'friend' came round",
    "her mum, 'the MASH', rang",
    'we knew him as a good lad',
]
# Still open: none (round 75 closed a case system's name before "number", read as a person's: in _RED_TEAM).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(48, 53, 36, 0))
