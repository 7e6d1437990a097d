"""Seventy-second red-team round: tokens of the right kind where round 71 left details gone under the wrong one (its
three forms, exact now), and a sweep of 117 sentences written new in the register of case reviews, Ofsted letters and
practitioners' speech (schools, GP surgeries, streets, foster carers, workers named with their posts, dates of birth
said aloud, ages with dates, case references of other shapes; UK spelling); every detail invented.

* A title before a surname stays and only the surname goes ("the boys' dad, Mr Ahmed," gave "[name] [name]"; "Miss
  Ward refused" gave "[place] [name]", "Ward" read as an electoral ward's word and "Miss" as its name): "Mr [name]",
  "Dr [name]", "Nurse [name]", "Miss [name]".  A title names no one.
* A name's possessive stays outside its token ("Baby Girl K's mum" gave "Baby Girl [name] mum"): "[name]'s mum".
* A child's setting said by the child's possessive ("child M's school", "Kai's school", "Baby K's nursery") was one
  [place]: it is the child's name before a common noun, "child [name]'s school".  A place's own possessive ("St Mary's
  school", "the Bishop's school") stays [place]; a review's label ("Child B's school") is kept whole.
* A hospital by its letters after "born" or "delivered" with the date or the day between ("born 14th February 2017 at
  the LGI", "born on the second of June 2018 at the RVI") was kept: withheld as round 71 withheld "born at the LGI".

Counts, measured on main (40be39d2) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM holds the 22 main gave wrongly, _HELD_EXACT the 87 it gave so already, _KEPT the 8 kept,
_GONE two whose details go under a token of another kind, _OPEN one.  The file run beside main's package: 23 failed
(the 22 and "Child B's school", which main gave "Child [place]"), 97 passed, 1 xfailed.  Round 73 closed the
open form.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave above each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # main: 'she was born [date of birth] at the LGI'
    ('she was born 14th February 2017 at the LGI', 'she was born [date of birth] at the [place]'),
    # main: "the boys' dad, [name] [name], was very hostile"
    ("the boys' dad, Mr Ahmed, was very hostile", "the boys' dad, Mr [name], was very hostile"),
    # main: 'child [place] rang us on the Friday'
    ("child M's school rang us on the Friday", "child [name]'s school rang us on the Friday"),
    # main: 'Baby Girl [name] mum had no antenatal care'
    ("Baby Girl K's mum had no antenatal care", "Baby Girl [name]'s mum had no antenatal care"),
    # main: 'Baby Boy [name] dad was known to probation'
    ("Baby Boy T's dad was known to probation", "Baby Boy [name]'s dad was known to probation"),
    # main: 'child [place] raised it first'
    ("child A's nursery raised it first", "child [name]'s nursery raised it first"),
    # main: 'mum, [name], did not attend the conference'
    ('mum, Miss Kelly Ward, did not attend the conference', 'mum, Miss [name], did not attend the conference'),
    # main: '[place] [name] refused to let us in'
    ('Miss Ward refused to let us in', 'Miss [name] refused to let us in'),
    # main: 'the twins were born on [date of birth] at the RVI'
    ('the twins were born on the second of June 2018 at the RVI',
     'the twins were born on [date of birth] at the [place]'),
    # main: 'Baby Boy [name] grandmother asked for contact'
    ("Baby Boy R's grandmother asked for contact", "Baby Boy [name]'s grandmother asked for contact"),
    # main: 'child [place] rang us on the Friday, she had a bruise on her cheek.'
    ("child M's school rang us on the Friday, she had a bruise on her cheek.",
     "child [name]'s school rang us on the Friday, she had a bruise on her cheek."),
    # main: 'her dad, [name] [name], said he would not engage'
    ('her dad, Dr Ahmed, said he would not engage', 'her dad, Dr [name], said he would not engage'),
    # main: "the boys' dad, [name] [name], was on nights"
    ("the boys' dad, Nurse Ahmed, was on nights", "the boys' dad, Nurse [name], was on nights"),
    # main: '[place] rang us about the bruise'
    ("Kai's school rang us about the bruise", "[name]'s school rang us about the bruise"),
    # main: 'child [place] rang the MASH'
    ("child MJ's school rang the MASH", "child [name]'s school rang the MASH"),
    # main: '[place] rang the duty line'
    ("Baby K's nursery rang the duty line", "Baby [name]'s nursery rang the duty line"),
    # main: 'we went to see child [place] key person'
    ("we went to see child R's nursery key person", "we went to see child [name]'s nursery key person"),
    # main: '[place] [name] was the DSL at the time'
    ('Miss Ward was the DSL at the time', 'Miss [name] was the DSL at the time'),
    # main: '[place] [name] rang me back'
    ('Mrs Side rang me back', 'Mrs [name] rang me back'),
    # main: 'Baby Girl [name] dad denied it all'
    ("Baby Girl S's dad denied it all", "Baby Girl [name]'s dad denied it all"),
    # main: 'she was born on [date of birth] at the HRI'
    ('she was born on 2 May 2019 at the HRI', 'she was born on [date of birth] at the [place]'),
    # main: kept
    ('he was delivered by section on the Monday at the JR', 'he was delivered by section on the Monday at the [place]'),
]
# Redacted so on main as now: schools, surgeries, streets, carers and workers by name and post, dates of birth
# said aloud, ages, references.
_HELD_EXACT = [
    ('she was registered at Harehills Medical Practice but never seen', 'she was registered at [place] but never seen'),
    ('the GP at Beeston Village Surgery made the referral', 'the GP at [place] made the referral'),
    ('he was at Brownhill Primary until the move', 'he was at [place] until the move'),
    ('the DSL at Ralph Thoresby High rang the MASH', 'the DSL at [place] rang the MASH'),
    ('she attended Little Acorns Nursery three mornings a week', 'she attended [place] three mornings a week'),
    ('the foster carers, Mr and Mrs Oduya, had her for two years',
     'the foster carers, Mr and Mrs [name], had her for two years'),
    ('her foster carer, Denise Hartley, was brilliant with her', 'her foster carer, [name], was brilliant with her'),
    ('the social worker, Ms Patel, did the visit on her own', 'the social worker, Ms [name], did the visit on her own'),
    ('Senior Social Worker Joanne Briggs chaired the strategy meeting',
     'Senior Social Worker [name] chaired the strategy meeting'),
    ('Team Manager Paul Devlin signed off the assessment', 'Team Manager [name] signed off the assessment'),
    ('the IRO, Sandra Mellor, raised it at the review', 'the IRO, [name], raised it at the review'),
    ('Dr Nwosu, the community paediatrician, saw him on the Tuesday',
     'Dr [name], the community paediatrician, saw him on the Tuesday'),
    ('Nurse Okafor from the school nursing team saw her weekly',
     'Nurse [name] from the school nursing team saw her weekly'),
    ('Cllr Hargreaves asked about the review at scrutiny', 'Cllr [name] asked about the review at scrutiny'),
    ('she was born on the third of May 2019', 'she was born on [date of birth]'),
    ('he was born on the twenty first of January twenty sixteen', 'he was born on [date of birth]'),
    ('born on the 3rd of May 2019, she was only four at the time',
     'born on [date of birth], she was only [age] at the time'),
    ('her date of birth is the 9th of November 2012', 'her date of birth is [date of birth]'),
    ('the children, aged 4 and 7 in March 2022, were placed together',
     'the children, aged [age] in March 2022, were placed together'),
    ('Ellie, then aged 3, was found alone in the flat', '[name], then aged [age], was found alone in the flat'),
    ('at the time of the incident in June 2021 he was 14 years old',
     'at the time of the incident in June 2021 he was [age]'),
    ('the family lived on Stoney Rock Lane for about a year', 'the family lived on [address] for about a year'),
    ('the house on Nowell Mount had no heating', 'the house on [address] had no heating'),
    ('the case reference is LA/CSC/21/0457', 'the case reference is [reference]'),
    ('the referral number was REF-88213-C', 'the referral number was [reference]'),
    ('the police log number was 13/45712/21', 'the police log number was [reference]'),
    ('the CP plan ref was CPP 2020 1187', 'the CP plan ref was [reference]'),
    ('Mosaic number 1048873 if you need to look her up', 'Mosaic number [reference] if you need to look her up'),
    ('she was known to Liquidlogic as case 552190', 'she was known to Liquidlogic as case [reference]'),
    ('our Tyler goes to Shakespeare Primary now', 'our [name] goes to [place] now'),
    ('she was excluded from Co-op Academy Leeds in Year 10', 'she was excluded from [place] [council] in Year 10'),
    ('he moved to Springwell Leeds Academy after the exclusion', 'he moved to [place] after the exclusion'),
    ("the health visitor from Chapeltown Children's Centre went out", 'the health visitor from [place] went out'),
    ('the school nurse, Mrs Begum, picked it up', 'the school nurse, Mrs [name], picked it up'),
    ('Mr Ahmed, the headteacher, rang me directly', 'Mr [name], the headteacher, rang me directly'),
    ("child J's GP had not seen him for a year", "child [name]'s GP had not seen him for a year"),
    ("her mum's partner, Mr Lee Carter, had convictions for violence",
     "her mum's partner, Mr [name], had convictions for violence"),
    ('Mrs Khan, the childminder, noticed the bruise', 'Mrs [name], the childminder, noticed the bruise'),
    ('the foster carer, Mrs Dolan, took her to A&E', 'the foster carer, Mrs [name], took her to A&E'),
    ('Dr Patel at the Leeds Road surgery was the GP', 'Dr [name] at the [place] was the GP'),
    ('the named nurse, Nurse Whitaker, attended the strategy', 'the named nurse, Nurse [name], attended the strategy'),
    ('Sgt Cole and PC Riley attended the home', 'Sgt [name] and PC [name] attended the home'),
    ('I spoke to Dr. Hussain on the phone', 'I spoke to Dr. [name] on the phone'),
    ('Mrs. Okafor was the DSL at the time', 'Mrs. [name] was the DSL at the time'),
    ('she was placed with Mr & Mrs Sharma in Bradford', 'she was placed with Mr & Mrs [name] in [council]'),
    ('our practice manager, Julie, rang the health visitor', 'our practice manager, [name], rang the health visitor'),
    ('Jayden was 9 on the 12th of August 2020 when it happened', '[name] was [age] on [date] when it happened'),
    ('she turned 13 on 4 April 2021', 'she turned [age] on [date of birth]'),
    ('the ref on the letter was SCR/2019/003', 'the ref on the letter was [reference]'),
    ('the LADO reference was LADO-2022-0417', 'the LADO reference was [reference]'),
    ('the CSPR for Child Q was published in 2022', 'the CSPR for Child Q was published in 2022'),
    ("Ofsted's letter to the director was published in May", "Ofsted's letter to the director was published in May"),
    ('social worker Emma Sykes visited on the 4th', 'social worker [name] visited on the 4th'),
    ('his social worker, Nadia Rahman, left in the September', 'his social worker, [name], left in the September'),
    ('the family support worker, Kerry Booth, did the groups', 'the family support worker, [name], did the groups'),
    ('the health visitor, Alison Pickles, flagged the weight loss',
     'the health visitor, [name], flagged the weight loss'),
    ('I was the allocated worker, Sam Okoro, from 2019', 'I was the allocated worker, [name], from 2019'),
    ('he lived with his nan on Back Nowell Terrace', 'he lived with his nan on [address]'),
    ('she was registered with the Oakwood Surgery in Roundhay', 'she was registered with the [place] in [place]'),
    ('he was seen at Shadwell Medical Centre in the March', 'he was seen at [place] in the March'),
    ('the practice nurse at Church View Surgery did the jabs', 'the practice nurse at [place] did the jabs'),
    ("she went to Bankside Primary then St Kevin's", 'she went to [place] then [place]'),
    ("Mr O'Brien, the foster carer, said she'd settled", "Mr [name], the foster carer, said she'd settled"),
    ("the foster carer, Mrs O'Neill, rang the out of hours team",
     'the foster carer, Mrs [name], rang the out of hours team'),
    ('Dr. Mensah at the Leeds Road practice referred him', 'Dr. [name] at the [address] practice referred him'),
    ('the SENCo, Mrs Adeyemi, wrote the EHCP request', 'the SENCo, Mrs [name], wrote the EHCP request'),
    ('Ms Clarke, the IRO, chaired the LAC review', 'Ms [name], the IRO, chaired the LAC review'),
    ('Miss Patel said the child had been hungry every morning',
     'Miss [name] said the child had been hungry every morning'),
    ('Nurse Lambert saw Baby F on the ward', 'Nurse [name] saw Baby [name] on the ward'),
    ("child K's foster carer rang the duty line", "child [name]'s foster carer rang the duty line"),
    ("child T's social worker was on leave", "child [name]'s social worker was on leave"),
    ('I rang Miss Hussain at the school', 'I rang Miss [name] at the school'),
    ('he was born on the first of April two thousand and fifteen', 'he was born on [date of birth]'),
    ('born on the 29th of February 2016, she has a birthday every four years',
     'born on [date of birth], she has a birthday every four years'),
    ('she was 15 on the 1st of March 2023 and went missing the next day',
     'she was [age] on [date] and went missing the next day'),
    ('the ECHR log number was 2021/0088/CS', 'the ECHR log number was [reference]'),
    ('her Mosaic ID is 7723419', 'her Mosaic ID is [reference]'),
    ('Social Worker Grace Okafor visited on 3 March', 'Social Worker [name] visited on 3 March'),
    ('Practice Manager Linda Shaw signed it off', 'Practice Manager [name] signed it off'),
    ('our assistant team manager, Rob Heaton, took it to legal',
     'our assistant team manager, [name], took it to legal'),
    ('his YOS worker, Darren Pyke, saw him weekly', 'his YOS worker, [name], saw him weekly'),
    ('the PCSO, Amy Fairbairn, knew the family well', 'the PCSO, [name], knew the family well'),
    ("her mum's partner, Cllr Bentley, sat on the board", "her mum's partner, Cllr [name], sat on the board"),
    ("his dad, Mr. Nowak, didn't speak much English", "his dad, Mr. [name], didn't speak much English"),
    ("so I rang child D's nan", "so I rang child [name]'s nan"),
    ("the St Mary's school nurse rang", 'the [place] nurse rang'),
    ("the Bishop's school had a good Ofsted", 'the [place] had a good Ofsted'),
]
# Kept on main as now: letters no hospital's after "born at the" (a time, a country, a crisis), an institute's
# possessive, a review's label before a common noun (main gave "Child [place]" for that one).
_KEPT = [
    "Child B's school was in special measures",  # main gave "Child [place] was in special measures"
    "Child B's mum rang",
    'she was born at the weekend in the USA',
    'she was born at the time of the NHS reforms',
    'born at the height of the BSE crisis, she was',
    "the Queen's nursing institute ran it",
    'she was born in the NHS era',
    'born in the UK',
]
# Redacted now, every detail gone, under a token of another kind: a surgery's common words taken as a place, a street
# whose last word ("Approach") no street list holds read as a place.
_GONE = [
    ('the GP surgery was on Roundhay Road, near the park', ['Roundhay']),
    ('they moved to a flat on Gipton Approach after the fire', ['Gipton']),
]
# Closed in round 73 and moved to its _RED_TEAM: an age said after a date of birth, its subject the one born ("he was
# born in March 2015 and was 6 at the time"); a subject between is another's figure ("the score was 6 at the time").
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_details_redacted_under_another_token_are_gone = _rounds.stay_gone(_GONE, bracket=True)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(22, 87, 8, 0))
