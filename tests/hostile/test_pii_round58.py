"""Fifty-eighth red-team round: round 57's six open forms, and a fresh sweep of minutes, case notes, e-mails, chat, tables
flattened to text and children's and carers' details (names with diacritics, in other scripts, hyphenated and with
apostrophes; ages with dates, addresses, phones, NHS and NI numbers, schools with a child, handles), every detail
invented (NHS numbers with valid check digits, python-stdnum).

Closed, each a class (the forms, not the words).  A number alone in the cell after a name's, in a table flattened by
bars or tabs, is the person's age ("Maddox Fairclough | 4 | brother").  "ask" takes a person as "asked" and "tell" do,
so a word no list knows after it is a name ("lol ask kacey-mae", "ask okafor about it"; "ask around", "ask mum" stay).
A word no list knows after a chat's time stamp, before the colon, perhaps with an initial, is the speaker ("[10:42]
shaniqua b: ok"; "[10:42] mum: ok" stays).  A name and a letter or more joined by a dot in a clause naming a platform
is a handle ("dm'd jaxon.w on insta").  "a", "i" and "o" after a lower-case title are initials where the title opens
the line, an entry or a clause ("mrs a present", "Present: mrs o (mum)"; "bought the mrs a present" stays).  A tab
parts a table's cells, so a setting's name is read in its kind's own cell ("Name\\tDOB\\tSchool" is kept,
"Kai Smith\\tOakwood Primary School" keeps its name's cell a name).  An age given of a person with a pronoun ("He is
14") is redacted on main; a date of birth in brackets after it no longer stops it ("He is [age] (born [date of
birth])"): the two are the same person's, and an age beside a redacted birth date gives back its year.  Case notes'
shorthand in lower case ("tc to nan", "vm left", "abt") and great-relations ("great-gran") are words, no names.
NI numbers: HMRC's NIM39110 prefix rules (no D, F, I, Q, U or V; no O second; never BG, GB, KN, NK, NT, TN, ZZ) were
implemented already (``_detect._ni_prefix_valid``); an invalid prefix gives [reference], held here.

Counts, measured on main (b0a62dcf) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already (the sweep and the
counter-cases); _KEPT_FIXED over-redacted on main, _KEPT kept on main as now; _OPEN still open.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    ('Maddox Fairclough | 4 | brother', '[name] | [age] | brother'),  # was '[name] | 4 | brother'
    ('lol ask kacey-mae shes got his number', 'lol ask [name] shes got his number'),  # was 'lol ask kacey-mae shes got his number'
    ('[10:42] shaniqua b: ok', '[10:42] [name]: ok'),  # was '[10:42] shaniqua b: ok'
    ("dm'd jaxon.w on insta", "dm'd [handle] on insta"),  # was "dm'd [name].w on insta"
    ('mrs a present', 'mrs [name] present'),  # was 'mrs a present'
    ('He is 14 (born 07/07/2009) and lives with Aunty Bernadette.', 'He is [age] (born [date of birth]) and lives with Aunty [name].'),  # was 'He is 14 (born [date of birth]) and lives with Aunty [name].'
    ("Kian O'Rourke\t12\tRastrick High School", '[name]\t[age]\t[place]'),  # was '[name]\t12\t[place]'
    ('Tayla-Rose Fairclough | 9 | Crossgates Primary', '[name] | [age] | [place]'),  # was '[name] | 9 | [place]'
    ('| Kai Mbeki | 14 months | half-brother |', '| [name] | [age] | half-brother |'),  # was '| [name] | 14 months | half-brother |'
    ('lol ask tia-mai she knows', 'lol ask [name] she knows'),  # was 'lol ask tia-mai she knows'
    ('just ask kacey', 'just ask [name]'),  # was 'just ask kacey'
    ('[21:14] kaydz: ur mums here', '[21:14] [name]: ur mums here'),  # was '[21:14] kaydz: ur mums here'
    ('10:42 - shaniqua: wer r u', '10:42 - [name]: wer r u'),  # was '10:42 - shaniqua: wer r u'
    ("dm'd riley.b on snap", "dm'd [handle] on snap"),  # was "dm'd [name].b on snap"
    ('mr o not seen', 'mr [name] not seen'),  # was 'mr o not seen'
    ('Present: mrs o (mum), Ms R Begum (SW)', 'Present: mrs [name] (mum), Ms [name] (SW)'),  # was 'Present: mrs o (mum), Ms [name] (SW)'
    ('mr i seen at home with the children.', 'mr [name] seen at home with the children.'),  # was 'mr i seen at home with the children.'
    ('11/03 - mr a seen at home', '11/03 - mr [name] seen at home'),  # was '11/03 - mr a seen at home'
    ('He is 15 (DOB 12/12/2008).', 'He is [age] (DOB [date of birth]).'),  # was 'He is 15 (DOB [date of birth]).'
    ("She's 11 (born 02/03/2013) and in Year 6.", "She's [age] (born [date of birth]) and in Year 6."),  # was "She's 11 (born [date of birth]) and in Year 6."
    ('Case note 02/04/24 - tc to nan (Brenda) on 07700 900 118, no answer, vm left.', 'Case note [date] - tc to nan ([name]) on [phone], no answer, vm left.'),  # was 'Case note [date] - [name] to nan ([name]) on [phone], no answer, [name] left.'
    ('tc from Ms Kwiatkowska re Jakub, Y4.', 'tc from Ms [name] re [name], Y4.'),  # was '[name] from Ms [name] re [name], Y4.'
    ('Kai Smith\tOakwood Primary School', '[name]\t[place]'),  # was '[place]'
    ('ask okafor about it', 'ask [name] about it'),  # was 'ask okafor about it'
    ('Fairclough\tDOB\tSchool', '[name]\tDOB\tSchool'),  # was '[place]'
    ('Mrs Vickers | 41 | mother', 'Mrs [name] | [age] | mother'),  # was 'Mrs [name] | 41 | mother'
    ('Child lives with great-gran at Flat 12, Ings Court, Ings Road, Wakefield WF1 1RE.', 'Child lives with great-gran at [address], [council] [postcode].'),  # was 'Child lives with [name] at [address], [council] [postcode].'
    ('lives with great-nan Pat', 'lives with great-nan [name]'),  # was 'lives with [name] [name]'
    # round 59 closed these three of _OPEN (what main gave beside each)
    ('Mum signs her name as فاطمة الزهراء on forms.', 'Mum signs her name as [name] on forms.'),  # was 'Mum signs her name as فاطمة الزهراء on forms.'
    ('SW: Dwayne St. Clair-Hughes', 'SW: [name]'),  # was 'SW: [address] [name]'
    ('Baby Amara born 04/01/2024 at Calderdale Royal.', 'Baby [name] born [date of birth] at [place].'),  # was 'Baby [name] born [date of birth] at [council] Royal.'
]
# Redacted so on main as now: the sweep's minutes, case notes, e-mails, chats, tables and contact details, names with
# diacritics, in other scripts, hyphenated and with apostrophes; and the counter-cases, surnames and names in the shapes
# this round reads anew (after "ask", a chat's time stamp, a lower-case title, a table's cell), still redacted.
_HELD_EXACT = [
    ('ask jones', 'ask [name]'),
    ('[10:42] Whitworth: ok', '[10:42] [name]: ok'),
    ('Mrs Abbott present', 'Mrs [name] present'),
    ('Mrs Oakes present', 'Mrs [name] present'),
    ('Leeds | 4 | 12', '[council] | 4 | 12'),
    ('Sibling: Łucja Wójcik-Szymańska, 13', 'Sibling: [name], [age]'),
    ("Father's name (as on passport): Олена Коваленко", "Father's name (as on passport): [name]"),
    ('Interpreter booked for Mrs Nguyễn Thị Hương.', 'Interpreter booked for Mrs [name].'),
    ('[09:10] jodie w: hes kicking off again', '[09:10] [name]: hes kicking off again'),
    ('Present: Mr T Adeyemi-Cole (father), Ms K Ó Briain (CAFCASS)', 'Present: Mr [name] (father), Ms [name] (CAFCASS)'),
    ("Dr O'Shea-Murphy (paediatrician) examined Lily-Grace on 12/06.", 'Dr [name] (paediatrician) examined [name] on 12/06.'),
    ('ICPC held 14/05/2024. Chair: Rosalind Okonkwo-Baptiste (IRO). Conference quorate.', 'ICPC held [date]. Chair: [name] (IRO). Conference quorate.'),
    ('Core group members: Mrs Zofia Wróblewska (maternal aunt), Ms Aoife Ní Bhriain (school nurse).', 'Core group members: Mrs [name] (maternal aunt), Ms [name] (school nurse).'),
    ('Strategy discussion: DS Kieran McAllister (CAIT) and Priya Raghunathan (EDT).', 'Strategy discussion: DS [name] (CAIT) and [name] (EDT).'),
    ('Child: Oluwatobi Adébáyọ̀ (DOB 09/10/2015), Year 3 at Thornhill Lees C of E Infant School.', 'Child: [name] (DOB [date of birth]), Year 3 at [place].'),
    ("Child's name: Ayşe Yılmaz-Doğan", "Child's name: [name]"),
    ('Younger sibling Zuzanna (22 months) remains at home with Mum.', 'Younger sibling [name] ([age]) remains at home with Mum.'),
    ("Dad - Jean-Baptiste N'Diaye, 38, lives at 17 Saltaire Grove, Shipley BD18 4LP.", 'Dad - [name], [age], lives at [address] [postcode].'),
    ("Carer's NI number AB 12 34 56 C and NHS 933 303 7659.", "Carer's NI number [NI number] and NHS [NHS number]."),
    ('NHS no. 4479649107 (Tamsin).', 'NHS no. [NHS number] ([name]).'),
    ('Her GP is Dr Ishaan Venkataraman at Fieldhead Surgery.', 'Her GP is Dr [name] at [place].'),
    ('Home visit 21/03: Maisie-Jo (6) and Bradley (4) seen together; Bradley had a bruise to his left cheek.', 'Home visit 21/03: [name] ([age]) and [name] ([age]) seen together; [name] had a bruise to his left cheek.'),
    ("SW spoke with Keeley's class teacher Mr Hargreaves-Lomax.", "SW spoke with [name]'s class teacher Mr [name]."),
    ("Kinship carer: Auntie Saoirse O'Callaghan, 52 Sandbed Lane, Rawdon LS19 6DL.", 'Kinship carer: Auntie [name], [address] [postcode].'),
    ('Email from Martyna Kowalczyk (martyna.k@leedsfostering.co.uk) re contact.', 'Email from [name] ([email]) re contact.'),
    ('Sent: 11 April 2024 16:02\nTo: Deborah Ekwueme', 'Sent: [date] 16:02\nTo: [name]'),
    ('[21:15] Jodie-Leigh: wer r u', '[21:15] [name]: wer r u'),
    ('his snap is deano.x', 'his snap is [handle]'),
    ('Mother: Precious Mhlanga (DOB 17/08/1991), 07700 900 552', 'Mother: [name] (DOB [date of birth]), [phone]'),
    ('Noah-James (aged 2) attends Little Acorns Nursery.', '[name] (aged [age]) attends [place].'),
    ('Apologies: Sgt Fionnuala Doherty, Cllr Ravinder Dhaliwal.', 'Apologies: Sgt [name], Cllr [name].'),
    ('Action: KB to refer Lexi-Mae to CAMHS by 30/04.', 'Action: [name] to refer [name] to CAMHS by 30/04.'),
    ('Minutes: Hollie (business support).', 'Minutes: [name] (business support).'),
    ('Mum (Shannon Pickersgill) said Kai-Jordan is not sleeping.', 'Mum ([name]) said [name] is not sleeping.'),
    ('The child (Oskar, 8) disclosed that Mr Nowicki hit him.', 'The child ([name], [age]) disclosed that Mr [name] hit him.'),
    ("Foster carers Mr & Mrs D'Souza have two other placements.", 'Foster carers Mr & Mrs [name] have two other placements.'),
    ('Grandad Mehmet lives with them at 3 Nab Lane.', 'Grandad [name] lives with them at [address]'),
    ("Referral received from Batley Girls' High School re Leila Haddad (Yr 9).", 'Referral received from [place] re [name] (Yr 9).'),
    ("YP's NI no: NZ 81 36 47 D; tel 07700900633", "YP's NI no: [NI number]; tel [phone]"),
    ('School contact: Mrs Szabó, DSL, 01924 496 372.', 'School contact: Mrs [name], DSL, [phone].'),
    ('Zainab-Fatima attends Savile Town Nursery.', '[name] attends [place].'),
    ('Discussed at MASH with PC Tomasz Wiśniewski.', 'Discussed at MASH with PC [name].'),
    ("Jordan's half-brother Callum McGinley-Rhodes (17) is on remand at Wetherby YOI.", "[name]'s half-brother [name] ([age]) is on remand at [place]."),
    ('Her number is QQ 12 34 56 A.', 'Her number is [reference].'),
    ('Her number is JT 60 42 18 C.', 'Her number is [NI number].'),
    ('Her number is TN 60 42 18 C.', 'Her number is [reference].'),
]
# Kept now, each over-redacted on main with the stress names listed (what main gave beside each).
_KEPT_FIXED = [
    'Name\tDOB\tSchool',  # was '[place]'
    'Child\tDOB\tSchool',  # was 'Child\t[place]'
    'Name\tSchool',  # was '[place]'
    'on insta e.g. her stories',  # was 'on insta [handle]. her stories' (round 59 closed it, of _OPEN)
]
# Kept on main as now: the words of this round's forms used as words.
_KEPT = [
    'bought the mrs a present',
    'ask around, someone will know',
    'ask mum',
    'He is 14 (bored) today.',
    'Child | Age | Relationship',
    '[10:42] mum: ok',
    'Name | Age | School',
]

# Still open: none (round 59 closed the four: three moved to _RED_TEAM, "e.g." after "insta" to _KEPT_FIXED).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_sector_lines_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(31, 46, 11, 0))
