"""Fifty-seventh red-team round: round 56's open forms, and a fresh sweep of case notes, minutes, e-mails, chat, tables
flattened to text and children's and carers' details (names, initials, ages with dates, addresses, phones, NHS and NI
numbers, schools with a child, handles), every detail invented (NHS numbers with valid check digits, python-stdnum).

Closed, each a class (the forms, not the words).  A word no list knows that is an abstract noun by its ending is a
word, a heading's or a label's, not a name: an ending no surname of the public lists has ("-acy", "-ability",
"-isation", "-ation", "-ism", "-ology": "Quoracy:", "Safeguardability:", "Regionalisation:"), or a commoner one ("-ness",
"-ment", "-ity", "-ion", "-ancy", "-ency") on a word the list holds of five letters or more ("Permanency" of
"permanent", "Trauma-informedness"), or a prefix before such a noun ("Coproduction").  Surnames in the same shapes stay
names (``_HELD_EXACT``: "Wiszniewski:", "Harkness:" - "hark" is too short a stem -, "Clemence:", "Torrance:",
"Blankenship:", "Champollion:"); of SCOWL's proper nouns and the bundled first names (9,522), 48 are so shaped, 46 of
them faiths and -isms, and the two given names ("Chasity", "Hyperion") are listed, so kept as names.  Letters set off
before a phrase whose every word they are the initials of are that post's ("HCH, the head of children's homes,",
"DTM, the deputy team manager,"); letters the phrase does not spell stay a person's ("JB, the head of children's
homes,").  A lone letter after a title in lower case before what a note says of a person is an initial ("mrs t
present", "mr k seen at home").  Sweep: a capital after a name before a chat's colon or a verb of saying is the
surname's initial ("Shaniqua B:", "Tyreese M said"); initials before an age in brackets are a child's ("KM (age 9,
DOB ...)", "TJ (aged 6) seen"; a bare number only with two capitals before a note's state, "RB (14) missing", as "CSC
(3)" counts); an age in days, weeks or months after a name is an age ("Ezekiel (8 wks)", "Nevaeh, 3 months,"); an
attendee's body in lower case in brackets ("Apologies: KS (school)").

Counts, measured on main (82232d19) and now, each text redacted with the stress names listed and with none
(``_rounds``): 97 hostile lines (``_RED_TEAM`` 18 that main redacted wrongly, ``_HELD_EXACT`` 79 that main already
redacted so); 16 lines that must be kept verbatim (``_KEPT_FIXED`` 9 that main over-redacted, ``_KEPT`` 7 kept on
main as now); 6 open (``_OPEN``).  Round 56's 5 open forms and round 55's 1 closed, moved to their ``_RED_TEAM``.
Gold corpus (``python -m bench.redaction_gold``): 644/630/563 before, 643/629/563 now: two over-redactions gone
("Permanency planning in ...", "Coproduction" in a list of Ofsted's areas), no sentence redacted more.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    ("[10:42] Shaniqua B: he's not answered all day", "[10:42] [name]: he's not answered all day"),  # was "[10:42] [name] B: he's not answered all day"
    ('[16:05] Okafor T: on our way now', '[16:05] [name]: on our way now'),  # was '[16:05] [name] T: on our way now'
    ('Tyreese M said he would come to the review.', '[name] said he would come to the review.'),  # was '[name] M said he would come to the review.'
    ('KM (age 9, DOB 05/11/2014) disclosed at school that dad hits her.', '[name] (age [age], DOB [date of birth]) disclosed at school that dad hits her.'),  # was 'KM (age [age], DOB [date of birth]) disclosed at school that dad hits her.'
    ('TJ (aged 6) seen at nursery.', '[name] (aged [age]) seen at nursery.'),  # was 'TJ (aged [age]) seen at nursery.'
    ('RB (14) missing since Friday.', '[name] ([age]) missing since Friday.'),  # was 'RB (14) missing since Friday.'
    ('JW (7yrs) seen at home with Mum.', '[name] ([age]) seen at home with Mum.'),  # was 'JW (7yrs) seen at home with Mum.'
    ('Siblings: Ruby-Leigh (6), Maddox (4) and baby Ezekiel (8 wks).', 'Siblings: [name] ([age]), [name] ([age]) and baby [name] ([age]).'),  # was 'Siblings: [name] ([age]), [name] ([age]) and baby [name] (8 wks).'
    ('Baby Nevaeh (3 months) was seen by the HV.', 'Baby [name] ([age]) was seen by the HV.'),  # was 'Baby [name] (3 months) was seen by the HV.'
    ('Ezekiel, 8 weeks, was weighed at clinic.', '[name], [age], was weighed at clinic.'),  # was '[name], 8 weeks, was weighed at clinic.'
    ('Apologies: KS (school), PN (health visitor).', 'Apologies: [name] (school), [name] (health visitor).'),  # was 'Apologies: KS (school), [name] (health visitor).'
    ('Present: JW (school nurse), MB (nursery), Mum and Dad.', 'Present: [name] (school nurse), [name] (nursery), Mum and Dad.'),  # was 'Present: [name] (school nurse), MB (nursery), Mum and Dad.'
    ('mrs t present', 'mrs [name] present'),  # was 'mrs t present'
    ('mr k seen at home', 'mr [name] seen at home'),  # was 'mr k seen at home'
    ('ms j not in school today', 'ms [name] not in school today'),  # was 'ms j not in school today'
    ("HCH, the head of children's homes, said the plan was agreed.", "HCH, the head of children's homes, said the plan was agreed."),  # was "[name], the head of children's homes, said the plan was agreed."
    ('DTM, the deputy team manager, chaired the review.', 'DTM, the deputy team manager, chaired the review.'),  # was '[name], the deputy team manager, chaired the review.'
    ('Apologies: KS (school), DT (Virtual School)', 'Apologies: [name] (school), DT (Virtual School)'),  # was 'Apologies: KS (school), DT (Virtual School)'
    # closed in round 58
    ('Maddox Fairclough | 4 | brother', '[name] | [age] | brother'),  # was '[name] | 4 | brother'
    ('lol ask kacey-mae shes got his number', 'lol ask [name] shes got his number'),  # was kept
    ('[10:42] shaniqua b: ok', '[10:42] [name]: ok'),  # was kept
    ("dm'd jaxon.w on insta", "dm'd [handle] on insta"),  # was "dm'd [name].w on insta"
    ('mrs a present', 'mrs [name] present'),  # was kept
]
# Redacted so on main as now: the sweep's case notes, e-mails, chats, tables and contact details, and surnames in
# the shapes this round keeps as words (abstract nouns' endings, a post's letters).
_HELD_EXACT = [
    ('Kyrie, ten days old, was discharged home.', '[name], [age], was discharged home.'),
    ('HoS, the head of service, confirmed the budget.', 'HoS, the head of service, confirmed the budget.'),
    ("Child: Kaydon Mbeki-Rowe | DOB 14/02/2017 | NHS 669 548 6867 | School: St Anselm's RC Primary", 'Child: [name] | DOB [date of birth] | NHS [NHS number] | School: [place]'),
    ('Name Kaydon Mbeki-Rowe Age 7 (DOB 14.02.17) Address 22 Tollgate Mews, Ossett WF5 9QR', 'Name [name] [age] (DOB [date of birth]) Address [address] [postcode]'),
    ('Carer details - Mrs Oluwaseun Adeyinka, tel 07700 900 417, NI no. JT 60 42 18 C', 'Carer details - Mrs [name], tel [phone], NI no. [NI number]'),
    ('NHS No: 7389690380. GP: Dr Hafsa Qureshi, Lindley Surgery.', 'NHS No: [NHS number]. GP: Dr [name], [place].'),
    ('nhs number 073 580 6462 on the referral', 'nhs number [NHS number] on the referral'),
    ('Re: Tayla-Rose (Year 4, Crossgates Primary) - attendance 71%', 'Re: [name] (Year 4, [place]) - attendance 71%'),
    ('From: Dionne Whitworth <d.whitworth@kirkleesfamily.org.uk>', 'From: [name] <[email]>'),
    ('Sent: 03 March 2024 09:14 To: Duty Desk', 'Sent: [date] 09:14 To: Duty Desk'),
    ('Hi Kerry-Ann, just to let you know Jaxon was collected by his nan at 3.15.', 'Hi [name], just to let you know [name] was collected by his nan at 3.15.'),
    ('[10:44] SW: ok will try dad on 07911 204 583', '[10:44] SW: ok will try dad on [phone]'),
    ("Mum's new partner (Lennox Achterberg, 34) is not to have unsupervised contact.", "Mum's new partner ([name], [age]) is not to have unsupervised contact."),
    ('Maternal grandmother, Philomena Durkan (DOB 02/09/1961), is the kinship carer.', 'Maternal grandmother, [name] (DOB [date of birth]), is the kinship carer.'),
    ('Address on file: Flat 3b, Harrowden Court, 117 Penistone Road, Huddersfield HD8 0PZ', 'Address on file: [address], [address] [postcode]'),
    ("Child's TikTok is @lil.kaydz_17 and her Insta is kaydz.x.17", "Child's TikTok is [handle] and her Insta is [handle]"),
    ('Snap: jaxon_w2015', 'Snap: [handle]'),
    ('Contact dad on 0113 496 0721 (landline) or mob 07700900832.', 'Contact dad on [phone] (landline) or mob [phone].'),
    ('Mother: Leanne Cawthorne, 29, 07700 900 291', 'Mother: [name], [age], [phone]'),
    ("Father: Reece O'Driscoll, 31, NFA", 'Father: [name], [age], NFA'),
    ("Present: Mrs L Cawthorne (mother), Mr R O'Driscoll (father), JW (SW), Ms P Ncube (HV)", 'Present: Mrs [name] (mother), Mr [name] (father), [name] (SW), Ms [name] (HV)'),
    ('DOB: 11th Sept 2019 (age 4)', 'DOB: [date of birth] (age [age])'),
    ('Ezekiel was born on 3rd January 2024 at Pinderfields.', '[name] was born on [date of birth] at [place].'),
    ('Child seen alone in her bedroom at 14 Kestrel Rise.', 'Child seen alone in her bedroom at [address]'),
    ('Jayden-Lee, aged 11, goes to Beaumont Park Primary.', '[name], aged [age], goes to [place].'),
    # round 58: an age given with a pronoun is redacted before a date of birth in brackets too, as it is alone
    ('He is 14 (born 07/07/2009) and lives with Aunty Bernadette.', 'He is [age] (born [date of birth]) and lives with Aunty [name].'),
    ('Foster carers Gwen and Toby Ashworth, of Brambling Close, Meltham.', 'Foster carers [name] and [name], of [address].'),
    ('Email sent to carer at gwen.ashworth77@gmail.com re respite.', 'Email sent to carer at [email] re respite.'),
    ('Ring Mrs Ashworth back on 01484 496 018 ext 2.', 'Ring Mrs [name] back on [phone].'),
    ("Young person's NI number is NZ813647D.", "Young person's NI number is [NI number]."),
    ('Case ref CS/2024/00417 - Alfie-Jay Pemberton-Quaye.', 'Case ref [reference] - [name].'),
    ('Discussed with Sinead (Early Help) and Mo (school nurse).', 'Discussed with [name] (Early Help) and [name] (school nurse).'),
    ('Minutes taken by Tahmina Chowdhury (business support).', 'Minutes taken by [name] (business support).'),
    ("Mum said Theo's dad Darnell is back in Leeds.", "Mum said [name]'s dad [name] is back in [council]."),
    ('Mia (DOB 23/04/2016) and Maisie (DOB 23/04/2016) are twins.', '[name] (DOB [date of birth]) and [name] (DOB [date of birth]) are twins.'),
    ('Nan lives at 9 Grange View, Batley, with Uncle Jermaine.', 'Nan lives at [address], with Uncle [name].'),
    ('Home visit to 41a Moorbottom Road - Kyrie (7) and Nevaeh (5) seen.', 'Home visit to [address] - [name] ([age]) and [name] ([age]) seen.'),
    ('Youth worker Bilal Hussain said Kobe was at the skatepark with Tyson G.', 'Youth worker [name] said [name] was at the skatepark with [name].'),
    ('RE: CHILD - RUBY-LEIGH FAIRCLOUGH - DOB 30.06.2017', 'RE: CHILD - [name] - DOB [date of birth]'),
    ('Pupil: Ellis Nwachukwu-Hart, UPN A801234567012, Year 5', 'Pupil: [name], UPN [pupil number], Year 5'),
    ('[09:03] Kerry W: on my way', '[09:03] [name]: on my way'),
    ('Kyrie is 18 months old and not yet walking.', '[name] is [age] and not yet walking.'),
    ('Ruby-Leigh Fairclough\t30/06/2017\tCrossgates Primary', '[name]\t[date of birth]\t[place]'),
    ('Ruby-Leigh Fairclough 30/06/2017 Crossgates Primary Yr 2', '[name] [date of birth] [place] Yr 2'),
    ('Child | Age | Relationship', 'Child | Age | Relationship'),
    ('Thanks, Dionne', 'Thanks, [name]'),
    ('Many thanks', 'Many thanks'),
    ('Dionne Whitworth', '[name]'),
    ('Family Support Worker | 07700 900 662', 'Family Support Worker | [phone]'),
    ('Sent from my iPhone', 'Sent from my iPhone'),
    ('Kind regards, Gwen x', 'Kind regards, [name] x'),
    ('omg tia-rose just msgd me', 'omg [name] just msgd me'),
    ('@kaydz_17 replied to the story', '[handle] replied to the story'),
    ('NHS: 2057 186 768', 'NHS: [NHS number]'),
    ('NI: NZ 81 36 47 D', 'NI: [NI number]'),
    ('Mobile 07700-900-413', 'Mobile [phone]'),
    ('Tel. +44 7700 900417', 'Tel. [phone]'),
    ('Address: 5 Coronation Terrace, Dewsbury, WF12 8LQ', 'Address: [address], [postcode]'),
    ('Postcode WF12 8LQ', 'Postcode [postcode]'),
    ('lives on Coronation Terrace with her nan', 'lives on [address] with her nan'),
    ('moved to Ravensthorpe with mum last month', 'moved to [place] with mum last month'),
    ('attends Rastrick High School', 'attends [place]'),
    ('Present: JW (SW), PN (HV), Mum, Dad, maternal GM', 'Present: [name] (SW), [name] (HV), Mum, Dad, maternal GM'),
    ('Action: PN to see Ezekiel at home by 12/03.', 'Action: [name] to see [name] at home by 12/03.'),
    ("Action: JW to update Ruby-Leigh's plan.", "Action: [name] to update [name]'s plan."),
    ('mum (Leanne) present, dad (Reece) did not attend', 'mum ([name]) present, dad ([name]) did not attend'),
    ('Dad Reece was aggressive on the phone.', 'Dad [name] was aggressive on the phone.'),
    ('Foster carer Gwen said the children settled well.', 'Foster carer [name] said the children settled well.'),
    ('Wiszniewski: 3 kids in the house.', '[name]: 3 kids in the house.'),
    ('Harkness: 3 kids in the house.', '[name]: 3 kids in the house.'),
    ('Clemence: two children at home.', '[name]: two children at home.'),
    ('Torrance: 4 referrals since June.', '[name]: 4 referrals since June.'),
    ('Blankenship: three kids on plans.', '[name]: three kids on plans.'),
    ('Champollion: two calls last week.', '[name]: two calls last week.'),
    ('Harkness was not at home.', '[name] was not at home.'),
    ("JB, the head of children's homes, said it was agreed.", "[name], the head of children's homes, said it was agreed."),
    ('KT, the key worker, visited on Tuesday.', '[name], the key worker, visited on Tuesday.'),
    ('AB (virtual school head) attended.', '[name] (virtual school head) attended.'),
    ('Jones, 3 days later, rang back.', '[name], 3 days later, rang back.'),
]
# Kept now, each over-redacted on main with the stress names listed (what main gave beside each).
_KEPT_FIXED = [
    'Quoracy: three statutory partners present.',  # was '[name]: three statutory partners present.'
    'Safeguardability: two partners present.',  # was '[name]: two partners present.'
    'Coproduction: three young people on the panel.',  # was '[name]: three young people on the panel.'
    'Permanency: 12 children matched this quarter.',  # was '[name]: 12 children matched this quarter.'
    'Regionalisation: two hubs open from April.',  # was '[name]: two hubs open from April.'
    'Quoracy was not met, so the item was deferred.',  # was '[name] was not met, so the item was deferred.'
    'Coproduction was discussed at length.',  # was '[name] was discussed at length.'
    'Trauma-informedness: four teams trained.',  # was '[name]: four teams trained.'
    'Safeguardability of the placement was questioned.',  # was '[name] of the placement was questioned.'
    'Name\tDOB\tSchool',  # was '[place]' (closed in round 58)
]
# Kept on main as now: counts in brackets after bodies, a plan's letter, a role spelt out, a citation.
_KEPT = [
    'Deprivation: 3 wards in the top decile.',
    'Plan B: agreed by the panel.',
    'The LA (2) and CSC (3) returns were late.',
    'CIN (12), CP (4) and CLA (9) at month end.',
    'IRO, the independent reviewing officer, chaired it.',
    'Mr seen at home.',
    'Smith (2019) found that attendance improved.',
]

# Still open (what it should give beside each); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = []  # round 58 closed the six (moved to _RED_TEAM, the heading row to _KEPT_FIXED)

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_sector_lines_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(23, 79, 17, 0))
