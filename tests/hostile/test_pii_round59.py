"""Fifty-ninth red-team round: round 58's four open forms, and a sweep of shapes no round had covered: multilingual
families (names in Arabic, Bengali, Urdu, Han, Hebrew, Devanagari and Thai script beside English), surnames with
particles (de, van der, al-, el-, ud-, bin, ibn, Mac, d'), transliterations, initials with dots and spaces, dates of
birth and ages in words, a child's school year and class, carers' workplaces; every detail invented.

Closed, each a class (the forms, not the words).  A word in a script with no case (Arabic, Hebrew, Han, Devanagari,
Thai ...) is read as a capitalised word is, so a name in it is found where a capitalised one would be ("Dad: محمد
علي", "signs her name as فاطمة الزهراء"); a surname's particle in lower case joined to its capitalised word
("al-Farsi", "el-Amin", "ud-Din") is read as capitalised, so the surname is no longer left after the first name.  A
surname named for a saint may be double-barrelled and its "St" dotted ("Dwayne St. Clair-Hughes", not "[address]
[name]"), and its first name one no list holds where both words are found names ("Marcia St. John-Baptiste").  A
hospital's own word after its town's or council's name, capitalised and last, is the hospital's name ("at Calderdale
Royal", "to Bradford Royal", "Wakefield General"; "Royal Mail" after a council stays).  Single letters dotted right
after a platform's name are an abbreviation ("on insta e.g. her stories"; "his insta is j.b." stays a handle).
Initials with dots and spaces ("K. M. (SW)", "signed K . M .") are initials; run together ("K.M.") they are judged as
"KM" is.  A first name that is a word ("Lily", "Rose") opening a clause before an age in brackets, set off by commas
or said with "is", or a school year or a teacher's class, is a child's name.  An age after a name in brackets after a
name ("Anjali Devi (Anju), 34", "(aka Abdi), 44") is the person's; an age before a school year in brackets is
("Child is eleven (Year 6)"); a year in words may be hyphenated ("twenty-fifteen"); a date's closing dot that ends
the sentence is left to it ("She was born on 3 Sept." lost its full stop).

Counts, measured on main (76751ae2) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already (the sweep and the
counter-cases); _KEPT_FIXED over-redacted on main, _KEPT kept on main as now; _OPEN still open.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    ('Dad: محمد علي', 'Dad: [name]'),  # was 'Dad: محمد علي'
    ("Mum's name in Urdu: عائشہ بی بی", "Mum's name in Urdu: [name]"),  # was "Mum's name in Urdu: عائشہ بی بی"
    ('Grandad signs as 李建国 on the forms.', 'Grandad signs as [name] on the forms.'),  # was 'Grandad signs as 李建国 on the forms.'
    ('Mother: Anjali Devi (अंजलि देवी), 34.', 'Mother: [name] ([name]), [age].'),  # was 'Mother: [name] (अंजलि देवी), 34.'
    ('Mum writes her name as ฐิติมา ศรีสุข on the consent form.', 'Mum writes her name as [name] on the consent form.'),  # was 'Mum writes her name as ฐิติมา ศรีสุข on the consent form.'
    ('Chair: Marcia St. John-Baptiste (IRO)', 'Chair: [name] (IRO)'),  # was 'Chair: [address] [name] (IRO)'
    ('Ms Zara St. Aubyn-Clarke attended.', 'Ms [name] attended.'),  # was '[address] [name] attended.'
    ('Then Tom St. George rang.', 'Then [name] rang.'),  # was '[name] rang.'
    ('SW: Dwayne St Clair-Hughes', 'SW: [name]'),  # was 'SW: [address] [name]'
    ('Mum is a cleaner at Calderdale Royal.', 'Mum is a cleaner at [place].'),  # was 'Mum is a cleaner at [council] Royal.'
    ('She was taken to Bradford Royal by ambulance.', 'She was taken to [place] by ambulance.'),  # was 'She was taken to [council] Royal by ambulance.'
    ('Born at Wakefield General, 6lb 2oz.', 'Born at [place], 6lb 2oz.'),  # was 'Born at [council] General, 6lb 2oz.'
    ('Mr Ahmed al-Farsi (dad) attended.', 'Mr [name] (dad) attended.'),  # was 'Mr [name] al-Farsi (dad) attended.'
    ('Dad, Omar al-Rashid, rang.', 'Dad, [name], rang.'),  # was 'Dad, [name] al-Rashid, rang.'
    ('Spoke to Layla el-Amin on the phone.', 'Spoke to [name] on the phone.'),  # was 'Spoke to [name] el-Amin on the phone.'
    ('Nasir ud-Din attended the core group.', '[name] attended the core group.'),  # was '[name] ud-Din attended the core group.'
    ('Present: Mrs Maria de la Cruz (mum) and Mr Ahmed al-Farsi (dad).', 'Present: Mrs [name] (mum) and Mr [name] (dad).'),  # was 'Present: Mrs [name] (mum) and Mr [name] al-Farsi (dad).'
    ('She turned sixteen on 2 May.', 'She turned [age] on [date of birth].'),  # was 'She turned [age] on [date of birth]'
    ('She was born on 3 Sept.', 'She was born on [date of birth].'),  # was 'She was born on [date of birth]'
    ('Rose is seven years old and in Year 2.', '[name] is [age] and in Year 2.'),  # was '[name] is [age] and in Year 2.'
    ('Lily, aged nine, attends Greenhill Primary.', '[name], aged [age], attends [place].'),  # was 'Lily, aged [age], attends [place].'
    ('Lily (aged 9) cried when Mum left.', '[name] (aged [age]) cried when Mum left.'),  # was 'Lily (aged [age]) cried when Mum left.'
    ('Lily, 9, cried.', '[name], [age], cried.'),  # was 'Lily, 9, cried.'
    ('Lily is in Year 2 with her cousin.', '[name] is in Year 2 with her cousin.'),  # was 'Lily is in Year 2 with her cousin.'
    ('Lily (Reception) cried at drop-off.', '[name] (Reception) cried at drop-off.'),  # was 'Lily (Reception) cried at drop-off.'
    ("Lily is in Mrs Shah's class.", "[name] is in Mrs [name]'s class."),  # was "Lily is in Mrs [name]'s class."
    ('Grace is in Year 10 at Rastrick High School.', '[name] is in Year 10 at [place].'),  # was 'Grace is in Year 10 at [place].'
    ('Lily (aged nine) cried.', '[name] (aged [age]) cried.'),  # was 'Lily (aged [age]) cried.'
    ('Present: K. M. (SW), R. T. (mum)', 'Present: [name] (SW), [name] (mum)'),  # was 'Present: K. M. (SW), R. T. (mum)'
    ('Present: K.M. (SW), R.T. (mum)', 'Present: [name] (SW), [name] (mum)'),  # was 'Present: K.M. (SW), R.T. (mum)'
    ('Seen by K. M. on 12/03.', 'Seen by [name] on 12/03.'),  # was 'Seen by K. M. on 12/03.'
    ('The form was signed K . M . by mum.', 'The form was signed [name] by mum.'),  # was 'The form was signed [name] . M . by mum.'
    ('Initials on the form: R. T. H.', 'Initials on the form: [name].'),  # was 'Initials on the form: R. T. H.'
    ("Child is eleven (Year 6, Mr Singh's class).", "Child is [age] (Year 6, Mr [name]'s class)."),  # was "Child is eleven (Year 6, Mr [name]'s class)."
    ('DOB nineteenth of April twenty-fifteen', 'DOB [date of birth]'),  # was 'DOB [date of birth] twenty-fifteen'
    ('Father: Abdullahi Mohamed Farah (aka Abdi), 44', 'Father: [name] (aka [name]), [age]'),  # was 'Father: [name] (aka [name]), 44'
    ('Mum: Jane Smith (née Brown), 39.', 'Mum: [name] (née [name]), [age].'),  # was 'Mum: [name] (née [name]), 39.'
    ('Grandmother Mrs Chen Xiuying (陈秀英) lives with them.', 'Grandmother Mrs [name] ([name]) lives with them.'),  # was 'Grandmother Mrs [name] (陈秀英) lives with them.'
    # left open by this round, closed by round 60
    ("Carer's workplace: Wakefield Trinity club shop.", "Carer's workplace: [place] club shop."),  # was "[council] Trinity club shop."
    ('Amelia (Y5, Class Hazel) was upset at drop-off.', '[name] (Y5, Class Hazel) was upset at drop-off.'),  # was '[name] (Y5, [name]) ...'
]
# Redacted so on main as now: the sweep's lines, and the counter-cases (real-looking names in the shapes read anew,
# streets with "St.", councils as councils, handles after "is") still redacted so.
_HELD_EXACT = [
    ('Her name is হাসিনা বেগম and she speaks Sylheti.', 'Her name is [name] and she speaks Sylheti.'),
    ("The children's father, 王伟, lives in Manchester.", "The children's father, [name], lives in [council]."),
    ('Interpreter: Mr יוסף כהן (Hebrew).', 'Interpreter: Mr [name] (Hebrew).'),
    ('Step-dad Йосип Петренко works nights.', 'Step-dad [name] works nights.'),
    ('She moved to 14 Church St. last year.', 'She moved to [address] last year.'),
    ("He lives at 12 St. Mary's Road.", 'He lives at [address]'),
    ('They live on Victoria St. in Halifax.', 'They live on [address] in [place].'),
    ('Leeds General Infirmary discharged him.', '[place] discharged him.'),
    ('Calderdale Council and Kirklees Council met.', '[council] and [council] met.'),
    ('The Wakefield Royal Mail depot closed.', 'The [council] Royal Mail depot closed.'),
    ('Calderdale, Royal Mail and the police met.', '[council], Royal Mail and the police met.'),
    ('his insta is j.b.', 'his insta is [handle].'),
    ('her insta handle is k.m.', 'her insta handle is [handle].'),
    ('on tiktok as k.m. she posts', 'on tiktok as [handle]. she posts'),
    ('Father is Pieter van der Berg, 41, a lorry driver.', 'Father is [name], [age], a lorry driver.'),
    ('Dad Jan de Vries and mum Saskia van den Broek', 'Dad [name] and mum [name]'),
    ('Uncle Yusuf bin Khalid collects the children on Fridays.', 'Uncle [name] collects the children on Fridays.'),
    ('Paternal uncle: Hamza ibn Tariq', 'Paternal uncle: [name]'),
    ('Child: Oisín Mac Giolla Phádraig (11)', 'Child: [name] ([age])'),
    ("Foster carers Mr & Mrs d'Souza attended.", 'Foster carers Mr & Mrs [name] attended.'),
    ('Dad (Mohammed/Muhammad Iqbal - spelt both ways on file) attended.', 'Dad ([name]/[name] - spelt both ways on file) attended.'),
    ("Mum's name is transliterated as Oksana or Oxana Shevchenko.", "Mum's name is transliterated as [name] or [name]."),
    ('Dad: Nguyễn Văn An, 40', 'Dad: [name], [age]'),
    ('Seen by J. P. Okoro (SW) on 12/03.', 'Seen by [name] (SW) on 12/03.'),
    ('Referral from M.J. Kaur, school nurse.', 'Referral from [name], school nurse.'),
    ('Present: Mr A. B. Mensah (dad)', 'Present: Mr [name] (dad)'),
    ('Kayden was born on the fourteenth of March two thousand and sixteen.', '[name] was born on [date of birth].'),
    ('Date of birth: the ninth of November, two thousand and ten.', 'Date of birth: [date of birth].'),
    ('His half-sister is twelve years old.', 'His half-sister is [age].'),
    ("Tyler is in Year 4, Mrs Patel's class, at Oakwood Primary.", "[name] is in Year 4, Mrs [name]'s class, at [place]."),
    ('Foster carer Sandra works nights at Pinderfields Hospital.', 'Foster carer [name] works nights at [place].'),
    ("Grandad volunteers at St Gemma's Hospice.", 'Grandad volunteers at [place].'),
    ('Aunty Precious is a care assistant at Meadowbank Care Home.', 'Aunty [name] is a care assistant at [place].'),
    ("Abdi's mum, Hodan Warsame, is a cleaner at Leeds Beckett.", "[name]'s mum, [name], is a cleaner at [place]."),
    ('Mum (Ewa Nowak, 29) works at the Morrisons in Morley.', 'Mum ([name], [age]) works at the [place] in [place].'),
    ('Family speak Polish at home; children Zosia (7) and Staś (4).', 'Family speak Polish at home; children [name] ([age]) and [name] ([age]).'),
    ('Siblings: Aarav (10), Diya (6) - both at Beeston Primary.', 'Siblings: [name] ([age]), [name] ([age]) - both at [place].'),
    ('Mum calls him Vanya; his passport says Ivan Petrov.', 'Mum calls him [name]; his passport says [name].'),
    ('Ruby-Mae is four and a half.', '[name] is [age].'),
]
# Kept now, each over-redacted on main (what main gave beside each, with the stress names listed).
_KEPT_FIXED = [
    'posted on snap i.e. the app she uses',  # was 'posted on snap [handle]. the app she uses'
    'on fb n.b. she has two accounts',  # was 'on fb [handle]. she has two accounts'
    'Interpreter said the word شكرا means thanks.',  # left open by this round, closed by round 60 (was 'the word [name]')
]
# Kept on main as now: the words of this round's forms used as words.
_KEPT = [
    'The pre-Christmas review and the non-English speakers.',
    'an all-England final for the ex-Army team',
    'Hope is 9 miles away.',
    'Rose (2019) found that it worked.',
    'Hope is in the class.',
    'Seen on 14 March. Mum present.',
    'Options A. B. and C. were discussed.',
    'He moved from the U.K. to the U.S.A. in 2019.',
    'Mum has a B.A. in English.',
    'There were 14 (Year 9) pupils.',
    'Grace, one of the carers, rang.',
]

# Still open (what it should give beside each); strict, so closing one is seen.  Round 60 closed the three this
# round left (moved above).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_sector_lines_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(40, 39, 14, 0))
