"""Fifty-first red-team round: round 50's open forms closed as classes, two over-redactions of ordinary prose, and case
notes and transcripts typed as practitioners type them.

Round 50's open forms (moved to its ``_RED_TEAM``), each a class: a people's word that is its own plural ("Roma",
"Sami") joined by a preposition to a noun phrase's head that opens a sentence or follows a determiner ("Support for Roma
is patchy", "the attainment of Roma is low") is the people, the verb after it agreeing with the head; a premises' name
made of a people's or a faith's word and words for whom it serves ("the Roma community centre", "the Irish Community
Centre") is no place; the letters children's services write for a person's role come from a shipped list
(``impact/_data/privacy/role_initials.txt``: SW, FSW, SSW, IRO, HV, DSL, PA, LADO, EHW, YW, SENDCO ...), so a given name
beside them in brackets is the holder ("Joy (FSW)", "FSW (Joy)", "Faith (LADO)"), and after a relation, who has a role
already, they are the relative's initials ("Mum (LM)", "Dad (TM)"), while a term that names no person stays ("Dad
(PR)", parental responsibility, and "(NRP)", "(DV)"); a date with its label after it is a date of birth ("18.04.2011
(DOB)", "4/5/1992 - DOB").

Over-redactions on main: an author-year citation names the authors of a work cited, no one in a case ("Rose (2019)
found", "Hill and Bell (2021) argue", "Rose et al. (2019) showed", "(Rose, 2019)", "(see Bell and Hill 2020; Grace,
2017)"), while a given name that is a word before an age in brackets is a child ("Rose (7) found the key" was kept); a
council's name alone as the team a person follows ("he is a Leeds fan", "her Bradford shirt"; a club's word after it,
"a Leeds United fan", goes whole as round 25 decided).

Red team (case notes, visit records and interview transcripts written anew on the shapes of children's services'
records; no real person): text-speak ("me n kayden went", "nan (pat) n grandad (mick)", "u n tyrese need to stop";
"dad woz kicking off", "r u ok hun?" and apostrophe-less "wont" gave "[name]" or were eaten into a name), twins' age
in brackets ("(twins, 8)"), languages no list held ("speaks Wolof"); held beside them, names of Welsh, Irish, South
Asian and West African families, double-barrelled surnames, initials with dots, nicknames, names split over a line
break, flats and postcodes with no space.

Counts, measured on main (ef1ca0b) and now, each text redacted with the stress names listed and with none
(``_rounds``): 67 new hostile texts (``_RED_TEAM`` 21 that main redacted wrongly, 16 of them leaks of a name, an age
or a date of birth's kind, five over-redactions; ``_HELD_EXACT`` 46 that main already redacted so); 66 ordinary texts
that must be kept (``_KEPT_FIXED`` 22 that main over-redacted, ``_KEPT`` 44 kept on main as now); no form left open.
The file run on main (its tests beside main's package): 43 failed, 91 passed, 1 skipped (no open form). Gold corpus
(``python -m bench.redaction_gold``): 646/632/563 before, 644/630/563 now, the two sentences fewer being the gold's
two author-year citations ("(Easton et al. 2012)", "(Martin and Jeffes, 2011)"), now kept; one more set of three
differs in lower case only in its token ("havering’s" gave "[name]’s", now "[council]’s", the council it is).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each), exact now.
_RED_TEAM = [
    ('Faith (LADO) was informed the same day.', '[name] (LADO) was informed the same day.'),  # was 'Faith (LADO) was informed the same day.'
    ('LADO (Faith) was informed the same day.', 'LADO ([name]) was informed the same day.'),  # was 'LADO (Faith) was informed the same day.' with no names listed
    ('Joy (YW) runs the Tuesday group.', '[name] (YW) runs the Tuesday group.'),  # was 'Joy (YW) runs the Tuesday group.'
    ('Joy (SSW) covered the visit.', '[name] (SSW) covered the visit.'),  # was 'Joy (SSW) covered the visit.'
    ('Hope (EHW) did the home visit.', '[name] (EHW) did the home visit.'),  # was 'Hope (EHW) did the home visit.'
    ('EHW (Hope) did the home visit.', 'EHW ([name]) did the home visit.'),  # was 'EHW (Hope) did the home visit.' with no names listed
    ('Grace (SENDCO) chased the EHCP.', '[name] (SENDCO) chased the EHCP.'),  # was 'Grace ([name]) chased the EHCP.'
    ('Dad (TM) was arrested on Friday.', 'Dad ([name]) was arrested on Friday.'),  # was 'Dad (TM) was arrested on Friday.'
    ('Nan (PA) has the children on Sundays.', 'Nan ([name]) has the children on Sundays.'),  # was 'Nan (PA) has the children on Sundays.'
    ('Attendees: Mum (SW), Dad (HV), FSW (Amy).', 'Attendees: Mum ([name]), Dad ([name]), FSW ([name]).'),  # was 'Attendees: Mum (SW), Dad (HV), FSW ([name]).'
    ('mum 4/5/1992 - DOB', 'mum [date of birth] - DOB'),  # was 'mum [date] - DOB'
    ('Rose (7) found the key under the mat.', '[name] ([age]) found the key under the mat.'),  # was 'Rose (7) found the key under the mat.'
    ('Hope (15) was found at the bus station.', '[name] ([age]) was found at the bus station.'),  # was 'Hope (15) was found at the bus station.'
    ('Then Grace (4 yrs) started crying.', 'Then [name] ([age]) started crying.'),  # was 'Then Grace ([age]) started crying.' with no names listed
    ('Sahil & Arjun (twins, 8) were seen together.', '[name] & [name] (twins, [age]) were seen together.'),  # was '[name] & [name] (twins, 8) were seen together.'
    ("me n kayden went round to jordan's nans", "me n [name] went round to [name]'s nans"),  # was "me [name] went round to [name]'s nans"
    ('nan (pat) n grandad (mick) r havin the kids', 'nan ([name]) n grandad ([name]) r havin the kids'),  # was 'nan (pat) n grandad ([name]) r havin the kids'
    ('mum (ngozi) sed the kids r fine but aaliyah wont go skool', 'mum ([name]) sed the kids r fine but [name] wont go skool'),  # was 'mum ([name]) sed the kids r fine but [name] go skool'
    ('spoke 2 siobhan on the fone she sed dad woz kicking off agen', 'spoke 2 [name] on the fone she sed dad woz kicking off agen'),  # was 'spoke 2 [name] on the fone she sed dad [name] kicking off agen'
    ('u n tyrese need to stop', 'u n [name] need to stop'),  # was 'u n tyrese need to stop'
    ('Fatou Diallo (mum) speaks Wolof and some French.', '[name] (mum) speaks Wolof and some French.'),  # was '[name] (mum) speaks [name] and some French.'
]
# Kept now, each over-redacted on main (what main gave beside each)
_KEPT_FIXED = [
    'Rose (2019) found that most families valued the visits.',  # was '[name] (2019) found that most families valued the visits.'
    'Hill and Bell (2021) argue that relationships matter most.',  # was '[name] and [name] (2021) argue that relationships matter most.'; 'Hill and [name] (2021) argue that relationships matter most.' with none
    'Rose et al. (2019) showed a fall in repeat referrals.',  # was '[name] et al. (2019) showed a fall in repeat referrals.'
    'This is well documented (Rose, 2019).',  # was 'This is well documented ([name], 2019).'
    'As Hope (2018, p. 12) notes, trust takes time.',  # was 'As [name] (2018, p. 12) notes, trust takes time.'
    'The evidence is mixed (see Bell and Hill 2020; Grace, 2017).',  # was 'The evidence is mixed (see [name] and [name] 2020; [name], 2017).'; 'The evidence is mixed (see Bell and Hill 2020; [name], 2017).' with none
    'Featherstone, Morris and White (2014) call for a humane approach.',  # was '[name], [name] and [name] (2014) call for a humane approach.'
    'He is a Leeds fan.',  # was 'He is a [council] fan.'
    'She wears her Bradford shirt to school.',  # was 'She wears her [council] shirt to school.'
    'Dad is a lifelong Wigan supporter.',  # was 'Dad is a lifelong [council] supporter.'
    'Support for Roma is patchy across the city.',  # was 'Support for [name] is patchy across the city.'
    'The attainment of Roma is well below average.',  # was 'The attainment of [name] is well below average.'
    'Provision for Roma is improving.',  # was 'Provision for [name] is improving.'
    'The Irish Community Centre runs a youth club.',  # was 'The [place] runs a youth club.'
    'Mum goes to the Somali community centre on Fridays.',  # was 'Mum goes to the [place] on Fridays.'
    'Dad (PR) did not attend.',  # was 'Dad ([name]) did not attend.'
    'Dad (NRP) has contact every other weekend.',  # was 'Dad ([name]) has contact every other weekend.'
    'She speaks Wolof and some French.',  # was 'She speaks [name] and some French.'
    'Dad speaks Krio at home.',  # was 'Dad speaks [name] at home.'
    'r u ok hun?',  # was 'r u ok [name]?'
    'dad woz kicking off agen',  # was 'dad [name] kicking off agen'
    'mum sed she wont go',  # was 'mum [name] she wont go'
]
# Redacted so on main as now: case notes and transcripts of the same kinds beside these rules
_HELD_EXACT = [
    ('PA (Joy) met him at college.', 'PA ([name]) met him at college.'),
    ('Tyler 12.03.2015 (D.O.B.)', '[name] [date of birth] (D.O.B.)'),
    ('Kacey-Leigh - 03/04/2016 (dob)', '[name] - [date of birth] (dob)'),
    ('her and jayden are always fighting', 'her and [name] are always fighting'),
    ('Visited flat 4b, 27 Ashgrove Rd, LS96EH - no answer.', 'Visited [address], [address], [postcode] - no answer.'),
    ('Home visit to Flat 12 Beechwood Court LS14 6AB, mum present.', 'Home visit to [address] [postcode], mum present.'),
    ('Dad is Oluwaseun Adeyemi-Bright, d.o.b 4/5/88.', 'Dad is [name], d.o.b [date of birth].'),
    ('Mum Siobhán Ní Bhriain attended with her sister Aoife.', 'Mum [name] attended with her sister [name].'),
    ('Grandmother Mrs Gurpreet Kaur Sandhu offered respite.', 'Grandmother Mrs [name] offered respite.'),
    ('Dad Mohammed Iqbal Chaudhry did not attend.', 'Dad [name] did not attend.'),
    ('Referral from Ms A. B. Okonkwo, HV, on 3.2.23.', 'Referral from Ms [name], HV, on [date].'),
    ('Seen by Dr. K. J. Patel at the walk-in.', 'Seen by Dr. [name] at the walk-in.'),
    ('Cerys Llewellyn-Jones (9) and her brother Rhodri were seen together.', '[name] ([age]) and her brother [name] were seen together.'),
    ('Older sibling Dafydd ap Gwilym was not at home.', 'Older sibling [name] was not at home.'),
    ("Mum's new partner goes by 'Tank' - real name thought to be Darren.", "Mum's new partner goes by '[name]' - real name thought to be [name]."),
    ('i asked if she had spoke to chidi or emeka about it and she said no', 'i asked if she had spoke to [name] or [name] about it and she said no'),
    ("Kwame's dad Kofi rang back at 3pm.", "[name]'s dad [name] rang back at 3pm."),
    ("Adaeze Okonkwo-Eze (DOB 14/02/2012) attends St Anne's.", '[name] (DOB [date of birth]) attends [place].'),
    ("the baby's dad is a lad called Padraig from over the road", "the baby's dad is a lad called [name] from over the road"),
    ("Mum said Niamh O'Sullivan-Byrne was babysitting.", 'Mum said [name] was babysitting.'),
    ('Spoke with Ms Rahman (Shazia) at the school gate.', 'Spoke with Ms [name] ([name]) at the school gate.'),
    ("Contact: 07700900461 (mum's mobile).", "Contact: [phone] (mum's mobile)."),
    ('Lives at 14a Heathfield Terrace, BD7 1PQ with nan.', 'Lives at [address], [postcode] with nan.'),
    ('New address: Flat 2/1, 33 Dunmore St, G51 2NA.', 'New address: [address], [postcode].'),
    ('Postcode given as ls145ab by dad.', 'Postcode given as [postcode] by dad.'),
    ('Present: Mrs R. Begum (mum), Mr S. Ali (dad), J. Smith (SW).', 'Present: Mrs [name] (mum), Mr [name] (dad), [name] (SW).'),
    ("ok so like her mum's fella, jamal, he's always round there innit", "ok so like her mum's fella, [name], he's always round there innit"),
    ('Respondent: me, my mam, our Kayleigh and the baby, Ellis-Rae.', 'Respondent: me, my mam, our [name] and the baby, [name].'),
    ('She said "Bilal hit me" and then said it was a joke.', 'She said "[name] hit me" and then said it was a joke.'),
    ('Amara said her step-mum Funmilayo shouts at her.', '[name] said her step-mum [name] shouts at her.'),
    ("Child's name: Oisín Mac Giolla Phádraig", "Child's name: [name]"),
    ('Mum, Gemma Louise Harrop-Wright, was spoken to alone.', 'Mum, [name], was spoken to alone.'),
    ('Discussed with T.M. (Sarah) and agreed NFA.', 'Discussed with T.M. ([name]) and agreed NFA.'),
    ("Tyler-James's dad, Callum, has been texting her.", "[name]'s dad, [name], has been texting her."),
    ('Spoke to mum (Kacey-Jo\nOkafor) on the phone.', 'Spoke to mum ([name]) on the phone.'),
    ("Mum's name is Chantelle\nHebblethwaite, she is 24.", "Mum's name is [name], she is [age]."),
    ('HV visit: baby Oluwadamilare weighed, mum Folake present.', 'HV visit: baby [name] weighed, mum [name] present.'),
    ("Mum reports that Mr. J. P. O'Neill is the father.", 'Mum reports that Mr. [name] is the father.'),
    ('Stepdad Rajinder (Raj) Sidhu was present.', 'Stepdad [name] ([name]) [name] was present.'),
    ('Ms Ní Dhomhnaill (SENCO) attended the TAF.', 'Ms [name] (SENCO) attended the TAF.'),
    ('Sister is Grace-Olivia Mensah-Bonsu, 17.', 'Sister is [name], [age].'),
    ('i spoke with both kids, tilly and ezra, on their own', 'i spoke with both kids, [name] and [name], on their own'),
    ('he said gramps (derek) drinks a lot', 'he said gramps ([name]) drinks a lot'),
    ('Dad - Tomasz Wiśniewski - did not engage.', 'Dad - [name] - did not engage.'),
    ('Maternal grandfather Mr Hywel ap Rhys lives in Bangor.', 'Maternal grandfather Mr [name] lives in [place].'),
    ('Children: Ayesha 7, Yusuf 5 and Maryam 2.', 'Children: [name] [age], [name] [age] and [name] [age].'),
]
# Kept on main as now
_KEPT = [
    "Munro's (2011) review changed practice.",
    'The Polish Community Centre is open late on Fridays.',
    'Mum (DV) was discussed at MARAC.',
    'Mum was tearful but engaged well with the plan.',
    'The core group agreed to step down to CIN.',
    'The FSW will visit weekly for six weeks.',
    'The LADO threshold was not met.',
    'IRO recommended the plan continue unchanged.',
    'School attendance is 87% this term.',
    'The child was seen alone and said she felt safe.',
    'A referral was made to CAMHS on Monday.',
    'Dad has PR and is named on the birth certificate.',
    'Home conditions were good; the fridge was well stocked.',
    'Mum has a new partner who has not been checked.',
    'Contact is supervised at the family centre on Saturdays.',
    'The EHCP names a specialist placement.',
    'The YW took him to football training.',
    'Strategy meeting held with police and health.',
    'The baby is feeding well and gaining weight.',
    'He is in Year 10 and wants to be a mechanic.',
    'Mum is worried about the older boy staying out late.',
    'The SSW covered the visit while the allocated worker was off.',
    'Her PA helps her with budgeting and college.',
    'The children were clean and appropriately dressed.',
    'Dad was in custody overnight and released on bail.',
    'The housing officer confirmed rent arrears.',
    'The family have been on the waiting list for two years.',
    'Grandparents are willing to be assessed as kinship carers.',
    'The Section 47 enquiry concluded with no further action.',
    'The EHW closed the case after six months.',
    'She has been missing from home twice this month.',
    'The FGC coordinator will contact the wider family.',
    'He said school was boring and the teachers shout.',
    'The twins are in different classes this year.',
    'Nan picks them up from school most days.',
    'Mum said things were better since the boys started football.',
    'The SENCO attended the review with the class teacher.',
    'Dad refused to let us in and shouted from the window.',
    'The social worker and the HV did a joint visit.',
    'Mum has been attending the Freedom Programme.',
    'Interviewer: how long have you been a foster carer?',
    'Respondent: about nine years now, on and off.',
    'We had a lot of agency staff last year.',
    'The baby was born at 36 weeks and is doing well.',
]
# Still open (measured when written); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN, counts=(21, 46, 66, 0))
