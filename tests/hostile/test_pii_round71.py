"""Seventy-first red-team round: the four classes of personal detail round 70 left published, closed as classes, and a
sweep of 124 sentences written new in the register of social-work interviews and of published case reviews ("Baby C",
"Social Worker 1", "the maternal grandmother", a hospital by its letters, a mailbox said aloud; UK spelling and
speech); every detail invented.

* A baby or a child named by an initial: after "Baby", "infant" or "newborn" (perhaps "boy" or "girl" between) one to
  three capitals are the child's wherever the phrase stands ("we saw Baby K at home", "mum brought baby M to contact",
  "Infant S was seen": main took the letter only before a verb or a possessive), and a letter in lower case after
  them too ("to see baby t on the thursday"); after "child" in lower case the same ("child J's mum rang", "the
  allocated worker for child T"). "Child A" capitalised stays, a review's label chosen to hide the child, as "Baby P"
  (a public case), "the baby I saw" (the pronoun) and "the child CP plan" (a plan's letters) do.
* A given name before a relation, a partner or a carer one person has, after the possessive ("May's mum rang",
  "June's dad", "Storm's girlfriend", "Dawn's partner", "Ellie's foster carer", "Amber's social worker", "Pearl's
  keyworker"), where the name is a month's, a season's or an English word: a month, a thing or a body owns no mum,
  boyfriend or foster carer; main read such words as names only before a blood relation, and never a month's.  A
  public term's, a day's, a relation's or a role's word stays ("Barnardo's foster carers", "Monday's meeting",
  "Mum's boyfriend", "Client's mum"), as does a service's compound ("Spring's foster carer recruitment drive").
* A hospital by its letters (docs/user-guide.md, "Privacy"): withheld as ``[place]`` after a ward's, a unit's, a
  department's or its staff's word ("the NICU at the LGI was full", "A&E at the RVI", "SCBU at the JR", "the paeds
  consultant at the QMC", "gave birth at the RVI"), owning its team ("the LGI's safeguarding team"), doing what a
  hospital does to a patient ("the BRI discharged him") or rung, chased or called from ("chase the RVI", "a call from
  the lgi"). A hospital names the area a family lives in, and the area names the council that the report's pseudonyms
  hide; its full name was withheld already ("Leeds General Infirmary").  A body's letters stay ("the MASH", "the
  ICB", "the LGA", "the YOT", "the PRU", "the DWP").  Round 70 kept "the NICU at the LGI was full"; it is withheld now.
* A mailbox's name said aloud, in pieces spaced before its figures said ("j smith nineteen at yahoo dot co dot uk",
  "dazza ninety nine at", "tyler b two thousand and nine at"), after an initial ("t smith at gmail dot com"), or
  after "at" said before it ("email me at j dot bloggs at bradford dot gov dot uk": main read the mailbox from "me at"
  and left "j dot bloggs").

Counts, measured on main (5445170d) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM holds the 93 main gave wrongly, _HELD_EXACT the 76 it gave so already, _KEPT the 38 kept
(one, "victim's mum rang", redacted on main), _OPEN one; _GONE six whose details go, under a token of another kind.
The file run beside main's package: 95 failed (the 93, "victim's mum rang" and the RMCH), 119 passed, 1 xfailed.
Round 74 closed the open form ("she was in the QE for a month").
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    ('we saw Baby K at home', 'we saw Baby [name] at home'),  # was kept
    ('I visited Baby R on the ward', 'I visited Baby [name] on the ward'),  # was kept
    ('the health visitor saw Baby N twice', 'the health visitor saw Baby [name] twice'),  # was kept
    ('mum brought baby M to contact', 'mum brought baby [name] to contact'),  # was kept
    ("child J's mum rang", "child [name]'s mum rang"),  # was kept
    ('child B was removed from the home', 'child [name] was removed from the home'),  # was kept
    ('I was the allocated worker for child T and her two brothers',
     'I was the allocated worker for child [name] and her two brothers'),  # was kept
    ('Infant S was seen by the GP', 'Infant [name] was seen by the GP'),  # was kept
    ('newborn K was jaundiced', 'newborn [name] was jaundiced'),  # was kept
    ('we had a strategy discussion about baby H the day after he came home',
     'we had a strategy discussion about baby [name] the day after he came home'),  # was kept
    ('me and the hv went out to see baby t on the thursday',
     'me and the hv went out to see baby [name] on the thursday'),  # was kept
    ("I think newborn T was the fourth child she'd had removed",
     "I think newborn [name] was the fourth child she'd had removed"),  # was kept
    ('we went to see child R at the secure unit', 'we went to see child [name] at the secure unit'),  # was kept
    ("May's mum rang the duty line", "[name]'s mum rang the duty line"),  # was kept with none listed
    ("June's dad was arrested", "[name]'s dad was arrested"),  # was kept
    ("April's foster carer was brilliant", "[name]'s foster carer was brilliant"),  # was kept
    ("so may's nan was doing all the school runs",
     "so [name]'s nan was doing all the school runs"),  # was kept with none listed
    ("Summer's social worker changed four times",
     "[name]'s social worker changed four times"),  # was kept with none listed
    ("Autumn's keyworker at the hostel flagged it", "[name]'s keyworker at the hostel flagged it"),  # was kept
    ("Storm's girlfriend was only 15", "[name]'s girlfriend was only 15"),  # was kept
    ("Dawn's partner came out of prison", "[name]'s partner came out of prison"),  # was kept
    ("Ocean's dad kept turning up drunk", "[name]'s dad kept turning up drunk"),  # was kept
    ("River's mum was on drugs", "[name]'s mum was on drugs"),  # was kept
    ("Sky's mum rang me in tears", "[name]'s mum rang me in tears"),  # was kept
    ("Pearl's keyworker said she was fine", "[name]'s keyworker said she was fine"),  # was kept
    ("Amber's social worker left", "[name]'s social worker left"),  # was kept
    ("Sunny's foster mum rang", "[name]'s foster mum rang"),  # was kept
    ("Faith's carer was brilliant", "[name]'s carer was brilliant"),  # was kept with none listed
    ("will's stepdad was violent", "[name]'s stepdad was violent"),  # was kept with none listed
    ("autumn's foster carer was great", "[name]'s foster carer was great"),  # was kept
    ("Raven's mum rang me in tears", "[name]'s mum rang me in tears"),  # was kept
    ("Liberty's mum had been in care herself", "[name]'s mum had been in care herself"),  # was kept
    ('the NICU at the LGI was full', 'the NICU at the [place] was full'),  # was kept
    ('A&E at the RVI was heaving', 'A&E at the [place] was heaving'),  # was kept
    ('she was in SCBU at the JR for a week', 'she was in SCBU at the [place] for a week'),  # was kept
    ('she gave birth at the LGI', 'she gave birth at the [place]'),  # was kept
    ("the LGI's safeguarding team were really on it", "the [place]'s safeguarding team were really on it"),  # was kept
    ('the BRI discharged him without telling anyone', 'the [place] discharged him without telling anyone'),  # was kept
    ('the paeds consultant at the QMC did the skeletal survey',
     'the paeds consultant at the [place] did the skeletal survey'),  # was kept
    ('she was seen in ED at the HRI with a burn to her hand',
     'she was seen in ED at the [place] with a burn to her hand'),  # was kept
    ('mum delivered at the JR and we did the pre-birth there',
     'mum delivered at the [place] and we did the pre-birth there'),  # was kept
    ('I had to chase the RVI for the discharge summary for weeks',
     'I had to chase the [place] for the discharge summary for weeks'),  # was kept
    ('the nicu at the lgi was rammed that winter', 'the nicu at the [place] was rammed that winter'),  # was kept
    ("we got a call from the lgi saying she'd self-discharged",
     "we got a call from the [place] saying she'd self-discharged"),  # was kept
    ('the A&E staff at the BRI did a body map', 'the A&E staff at the [place] did a body map'),  # was kept
    ('she had her scan at the BRI', 'she had her scan at the [place]'),  # was kept
    ('j smith nineteen at yahoo dot co dot uk', '[email]'),  # was 'j smith nineteen at [email]'
    ('her email is r jones twenty three at hotmail dot co dot uk',
     'her email is [email]'),  # was 'her email is r [name] [email]'
    ('he gave me his email, gaz seventy seven at yahoo dot com',
     'he gave me his email, [email]'),  # was 'he gave me his email, gaz [email]'
    ('his email was dazza ninety nine at yahoo dot com', 'his email was [email]'),  # was 'his email was dazza [email]'
    ('email me at j dot bloggs at bradford dot gov dot uk',
     'email me at [email]'),  # was 'email me at j dot bloggs at [council] dot gov dot uk'
    ('her address is t smith at gmail dot com', 'her address is [email]'),  # was 'her address is t smith at [email]'
    ("he's tyler b two thousand and nine at gmail dot com",
     "he's [email]"),  # was "he's [name] b two thousand and nine at [email]"
    ("mum's email is kerry jones eighty at hotmail dot com",
     "mum's email is [email]"),  # was "mum's email is [name] eighty at [email]"
    ('her email was leanne b eighty eight at gmail dot com',
     'her email was [email]'),  # was 'her email was [name] [email]'
    ('we had a strategy discussion about baby H the day after he came home.',
     'we had a strategy discussion about baby [name] the day after he came home.'),  # was kept
    ('the health visitor saw Infant D twice before the injuries.',
     'the health visitor saw Infant [name] twice before the injuries.'),  # was kept
    ('mum took newborn R to the walk-in centre on the Tuesday.',
     'mum took newborn [name] to the walk-in centre on the Tuesday.'),  # was kept
    ('I was the allocated worker for child T and her two brothers.',
     'I was the allocated worker for child [name] and her two brothers.'),  # was kept
    ("so May's mum rang the duty line and said she couldn't cope.",
     "so [name]'s mum rang the duty line and said she couldn't cope."),  # was kept with none listed
    ("June's stepdad had a history of DV, we knew that from the MARAC.",
     "[name]'s stepdad had a history of DV, we knew that from the MARAC."),  # was kept
    ("April's foster carer was brilliant, she really stuck with her.",
     "[name]'s foster carer was brilliant, she really stuck with her."),  # was kept
    ("Autumn's keyworker at the hostel flagged it first.",
     "[name]'s keyworker at the hostel flagged it first."),  # was kept
    ("Storm's girlfriend was only 15 at the time.", "[name]'s girlfriend was only 15 at the time."),  # was kept
    ("Dawn's partner came out of prison in the March.",
     "[name]'s partner came out of prison in the March."),  # was kept
    ("Summer's social worker changed four times in a year.",
     "[name]'s social worker changed four times in a year."),  # was kept with none listed
    ("Ocean's dad kept turning up at contact drunk.", "[name]'s dad kept turning up at contact drunk."),  # was kept
    ("Raven's mum rang me in tears.", "[name]'s mum rang me in tears."),  # was kept
    ("Liberty's mum had been in care herself.", "[name]'s mum had been in care herself."),  # was kept
    ('the NICU at the LGI referred her to us the same week.',
     'the NICU at the [place] referred her to us the same week.'),  # was kept
    ('she gave birth at the RVI and the midwives there raised it.',
     'she gave birth at the [place] and the midwives there raised it.'),  # was kept
    ('the paeds consultant at the QMC did the skeletal survey.',
     'the paeds consultant at the [place] did the skeletal survey.'),  # was kept
    ("the LGI's safeguarding team were really on it.",
     "the [place]'s safeguarding team were really on it."),  # was kept
    ('the BRI discharged him without telling anyone.',
     'the [place] discharged him without telling anyone.'),  # was kept
    ('she was seen in ED at the HRI with a burn to her hand.',
     'she was seen in ED at the [place] with a burn to her hand.'),  # was kept
    ('mum delivered at the JR and we did the pre-birth there.',
     'mum delivered at the [place] and we did the pre-birth there.'),  # was kept
    ('her email is r jones twenty three at hotmail dot co dot uk.',
     'her email is [email].'),  # was 'her email is r [name] [email].'
    ('he gave me his email, gaz seventy seven at yahoo dot com.',
     'he gave me his email, [email].'),  # was 'he gave me his email, gaz [email].'
    ('child K was the youngest, only 18 months.', 'child [name] was the youngest, only 18 months.'),  # was kept
    ("Grace's keyworker at the PRU said she'd been self-harming.",
     "[name]'s keyworker at the PRU said she'd been self-harming."),  # was kept with none listed
    ("April's mum and her partner were both using.", "[name]'s mum and her partner were both using."),  # was kept
    ("I think newborn T was the fourth child she'd had removed.",
     "I think newborn [name] was the fourth child she'd had removed."),  # was kept
    ('we went to see child R at the secure unit in Wetherby.',
     'we went to see child [name] at the secure unit in [place].'),  # was 'we went to see child R at the secure unit in [place].'
    ("Jasmine's foster dad rang the out of hours team.", "[name]'s foster dad rang the out of hours team."),  # was kept
    ('I had to chase the RVI for the discharge summary for weeks.',
     'I had to chase the [place] for the discharge summary for weeks.'),  # was kept
    ("so i rang baby k's mum and she just put the phone down",
     "so i rang baby [name]'s mum and she just put the phone down"),  # was kept
    ("may's nan was doing all the school runs",
     "[name]'s nan was doing all the school runs"),  # was kept with none listed
    ("Summer's birth mum had her at 15", "[name]'s birth mum had her at 15"),  # was kept with none listed
    ('i went to see infant r on the neonatal unit', 'i went to see infant [name] on the neonatal unit'),  # was kept
    ('the LGI rang us about baby F',
     'the [place] rang us about baby [name]'),  # was 'the LGI rang us about baby [name]'
    ("so i phoned the rvi and they said she'd been discharged",
     "so i phoned the [place] and they said she'd been discharged"),  # was kept
    ("we asked Autumn's nan to come to the core group", "we asked [name]'s nan to come to the core group"),  # was kept
    ('email the team at childrens dot services at leeds dot gov dot uk',
     'email the team at [email]'),  # was 'email the team at childrens dot services at [council] dot gov dot uk'
]
# Redacted so on main as now: names, initials, ages, dates of birth, addresses, schools, numbers and relations in the
# same speech.
_HELD_EXACT = [
    ('Baby K', 'Baby [name]'),
    ("Baby C's dad was never seen by anyone", "Baby [name]'s dad was never seen by anyone"),
    ("I'd worked with Baby S's mum when she was in care herself",
     "I'd worked with Baby [name]'s mum when she was in care herself"),
    ("you can email her, it's kelly dot marsh at bradford dot gov dot uk", "you can email her, it's [email]"),
    ("it's amy dot b at outlook dot com", "it's [email]"),
    ('I remember Baby N, she was born at 29 weeks and went straight to SCBU at the RVI.',
     'I remember Baby [name], she was born at 29 weeks and went straight to SCBU at the [place].'),
    ("Baby C's dad was never seen by anyone, that was the learning.",
     "Baby [name]'s dad was never seen by anyone, that was the learning."),
    ('Baby boy W was discharged to his nan on the 3rd of June.',
     'Baby boy [name] was discharged to his nan on the 3rd of June.'),
    ("Skye's nan was the one who kept things together.", "[name]'s nan was the one who kept things together."),
    ("Hope's grandad was the protective factor really.", "[name]'s grandad was the protective factor really."),
    ("we took Jade's mam to the hospital ourselves.", "we took [name]'s mam to the hospital ourselves."),
    ("Maddox's nan applied for an SGO in the end.", "[name]'s nan applied for an SGO in the end."),
    ('he ended up in PICU at the BCH for ten days.', 'he ended up in PICU at the [place] for ten days.'),
    ("you can email her, it's kelly dot marsh at bradford dot gov dot uk.", "you can email her, it's [email]."),
    ('send it to dee dot okafor at nhs dot net and copy me in.', 'send it to [email] and copy me in.'),
    ('the family support worker, jo underscore p at outlook dot com, never got it.',
     'the family support worker, [email], never got it.'),
    ("his NHS number was 943 476 5919, it's on the form.", "his NHS number was [NHS number], it's on the form."),
    ('the case number was CS/2019/04417, if you want to check.',
     'the case number was [reference], if you want to check.'),
    ('she lives at 14 Beck Lane, Harehills, with her nan.', 'she lives at [address], with her nan.'),
    ('they moved to 27a Cardigan Road in the summer.', 'they moved to [address] in the summer.'),
    ("he goes to Oakwood Primary, he's in Year 4.", "he goes to [place], he's in Year 4."),
    ("she was at St Mary's Catholic High before the exclusion.", 'she was at [place] before the exclusion.'),
    ('Kai (7) and Lily-Mae (4) were both on plans by then.',
     '[name] ([age]) and [name] ([age]) were both on plans by then.'),
    ('the eldest, Tyler, was 14 and already known to the YOT.',
     'the eldest, [name], was [age] and already known to the YOT.'),
    ('Mrs Okonkwo, the DSL at Greenhill Academy, made the referral.',
     'Mrs [name], the DSL at [place], made the referral.'),
    ('her mobile was 07700 900123 but it was always off.', 'her mobile was [phone] but it was always off.'),
    ('I spoke to her uncle Tariq on the phone.', 'I spoke to her uncle [name] on the phone.'),
    ('her dob is 12/03/2011.', 'her dob is [date of birth].'),
    ("born on the 4th of March 2014, so she'd be ten now.", "born on [date of birth], so she'd be [age] now."),
    ('dad, Craig Whitaker, was on licence at the time.', 'dad, [name], was on licence at the time.'),
    ('Nana Pat had the kids every weekend.', 'Nana [name] had the kids every weekend.'),
    ('Aunty Bev took her in when mum went into rehab.', 'Aunty [name] took her in when mum went into rehab.'),
    ('Mr and Mrs Featherstone were the foster carers for six years.',
     'Mr and Mrs [name] were the foster carers for six years.'),
    ('the Kowalskis next door heard the shouting and rang us.', 'the [name] next door heard the shouting and rang us.'),
    ("Reece's brother Callum was exploited by a county lines gang.",
     "[name]'s brother [name] was exploited by a county lines gang."),
    ('she was placed with her maternal aunt in Wakefield.', 'she was placed with her maternal aunt in [council].'),
    ('Ellie-Rose was seen by the GP at Chapeltown Health Centre.', '[name] was seen by the GP at [place].'),
    ("I'd worked with Baby S's mum when she was a looked-after child herself.",
     "I'd worked with Baby [name]'s mum when she was a looked-after child herself."),
    ("Faith's dad had parental responsibility but no contact.",
     "[name]'s dad had parental responsibility but no contact."),
    ("so Will's mum said she'd had enough and put him out.", "so [name]'s mum said she'd had enough and put him out."),
    ('the postcode was LS9 7QT, on the Lincoln Green estate.', 'the postcode was [postcode], on the [place] estate.'),
    ('her social worker, Shona, left in the middle of the proceedings.',
     'her social worker, [name], left in the middle of the proceedings.'),
    ('we met at the Shakespeare Centre on Lincoln Green Road.', 'we met at the [place] on [address].'),
    ('by the time Baby J was six weeks old there had been three referrals.',
     'by the time Baby [name] was [age] there had been three referrals.'),
    ('Paige, who was 15, was found at a hotel in Bradford.',
     '[name], who was [age], was found at a hotel in [council].'),
    ("Sunny's auntie was the kinship carer.", "[name]'s auntie was the kinship carer."),
    ('she was in SCBU at the LGI and we were allowed to visit.',
     'she was in SCBU at the [place] and we were allowed to visit.'),
    ("tia-mai's dad was in prison in hull", "[name]'s dad was in prison in hull"),
    ('he was born on the twelfth of june two thousand and eighteen', 'he was born on [date of birth]'),
    ('the family lived at flat 6, 22 Roundhay Road', 'the family lived at [address], [address]'),
    ("she's at Park View Primary in year 2 with Miss Hussain", "she's at [place] in year 2 with Miss [name]"),
    ('the ref on the file is 2019-04417-CP', 'the ref on the file is [reference]'),
    ('her NI number is QQ 12 34 56 C', 'her NI number is [NI number]'),
    ("mum's new fella, a lad called Dean Fox, moved in at Christmas",
     "mum's new fella, a lad called [name], moved in at Christmas"),
    ("our Kayleigh's little one was on a plan", "our [name]'s little one was on a plan"),
    ("Shannon's mum's partner hit her with a belt", "[name]'s mum's partner hit her with a belt"),
    ('the twins, Asha and Amir, were 3', 'the twins, [name] and [name], were [age]'),
    ("he's a Year 9 at Cardinal Heenan", "he's a Year 9 at [place]"),
    ('they were in temporary accommodation on Compton Road', 'they were in temporary accommodation on [address]'),
    ('she turned 16 on the 2nd of May', 'she turned [age] on [date of birth]'),
    ('I saw Lacey (14) at school on 5 April', 'I saw [name] ([age]) at school on 5 April'),
    ("Jaxon's keyworker at the children's home rang at 2am", "[name]'s keyworker at the children's home rang at 2am"),
    ("baby G's dad denied everything", "baby [name]'s dad denied everything"),
    ('the baby, M, was only five weeks old', 'the baby, [name], was only [age]'),
    ("his mum's boyfriend, Lee, was the perpetrator", "his mum's boyfriend, [name], was the perpetrator"),
    ('she was sectioned and taken to the Becklin', 'she was sectioned and taken to the [place]'),
    ("jade's foster mum said she'd been missing overnight", "[name]'s foster mum said she'd been missing overnight"),
    ("her nan's address is 3 Acre Close LS10", "her nan's address is [address] [postcode]"),
    ('the school, Hillside, rang on the 4th', 'the school, [place], rang on the 4th'),
    ("tyler's social worker was off sick for months", "[name]'s social worker was off sick for months"),
    ('her mum, Stacey, was 17 when she had her', 'her mum, [name], was [age] when she had her'),
    ('i spoke to the named nurse at the BRI', 'i spoke to the named nurse at the [place]'),
    ("her number's oh seven nine double one, two three four, five six seven", "her number's [phone]"),
    ('he was in HMYOI Wetherby for 6 months', 'he was in [place] for 6 months'),
    ('the case was CP-2021-0312 on Liquidlogic', 'the case was [reference] on Liquidlogic'),
    ('Sgt Harris from the CSE team came to the strategy', 'Sgt [name] from the CSE team came to the strategy'),
]
# Kept on main as now: a review's label, a public case, a pronoun, a plan's or a body's letters, a month's or a body's
# possessive before what no person owns, a compound of a service, a noun for a person.
_KEPT = [
    "victim's mum rang",  # main gave "[name]'s mum rang": a noun for a person, no name
    "the will's executor rang",
    'Child B was removed',
    "Child J's mum rang",
    "Baby P's case changed everything",
    'the baby I saw was fine',
    'the child I worked with was nine',
    'the child CP plan was reviewed',
    'every child CIN plan is reviewed',
    'a child A level student',
    "March's report was late",
    "Monday's meeting was cancelled",
    "Barnardo's foster carers were great",
    "Children's social workers are stretched",
    "The Council's foster carers are valued",
    "Spring's foster carer recruitment drive",
    "Christmas's carers week",
    "Everyone's mum came",
    "Client's mum rang",
    "Mum's boyfriend hit her",
    "Nobody's dad turned up",
    'the midwife from the MASH rang',
    'the paediatrician at the ICB said',
    'we had a meeting at the LGA',
    'the unit at the YOT was good',
    'the MASH referred her to us',
    'the NSPCC referred them',
    'I rang the DWP about her benefits',
    'the staff at the PRU were great',
    'we were nineteen at the meeting',
    'the review of Child Q was published in 2021',
    'baby x was removed at birth',
    'the review of Child Q was published in 2021, which was fine.',
    'Child X and Child Y were half-siblings',
    'the child, referred to here as J, was 11',
    'the baby was born at home in the bath',
    'baby r u ok',
    'the MASH rang us',
]
# Redacted now, every detail gone, but not exactly as a careful hand would write it (a school's or a service's words
# taken with the detail): their details are tested, not their text.
_GONE = [
    ("child M's school rang us on the Friday, she had a bruise on her cheek.", ["M"]),
    ("Kian was taken to Jimmy's with a head injury", ["Kian", "Jimmy"]),
    ("the CAMHS clinic at the RMCH saw him", ["RMCH"]),
    ("the midwife at the LGI's antenatal clinic spotted the bruising.", ["LGI"]),
    ("the boys' dad, Mr Ahmed, was very hostile", ["Ahmed"]),
    ("Baby Girl K's mum had no antenatal care", ["K"]),
]
# Closed in round 74 and moved to its _RED_TEAM: letters that are no infirmary's or hospital's (they end so in I or H)
# where a stay is said ("she was in the QE for a month"); "the YOT", "the PRU" stay, a service's letters.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_details_redacted_under_another_token_are_gone = _rounds.stay_gone(_GONE, bracket=True)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(93, 76, 38, 0))
