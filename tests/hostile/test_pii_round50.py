"""Fiftieth red-team round: the forms rounds 48 and 49 left open, a people's word that is a given name as a verb's
subject, and case notes and transcripts of English children's services.

The open forms, closed as classes (moved to their rounds' ``_RED_TEAM``): a family called by a public term that is a
surname too, in the plural ("the Greens moved away"; Green, Hall, Hill, Park ... that no surname list holds because
alone they are no one's), or by a surname that ends in "-s" itself ("the Woods"), where a child is placed with it or
after it what only a household does (moves away or out, separates, fosters, its house or children); a party does
other things ("the Greens won the seat", "the Greens moved an amendment" stay). A noun English makes of a verb for one
who does it, that no list holds ("referrer", "allocator", "transcriber"), after an article or an owner's word ("her
referrer rang", "the referrer's responsibility"), or among a heading's capitalised words that are ordinary and no
surname ("Section B. Referrer Details"), is the role; bare, it may be a surname no list holds and stays a name. A
people's word that is a given name too and is its own plural (Roma, Sami; "Christians" and "Romanies" are other words'
plurals) after what is said to hold of a people ("related to Roma.", "common among Roma") is the people, never a
place; "related to Christian." is a person's name, no place.

A people's word that is a given name too (Roma, Christian, Sami, Romany) as a verb's subject: decided by the verb's
agreement. Before a verb that agrees with one person ("Roma doesn't like school", "Roma hasn't been in school", "Roma
visits weekly"; a past or a verb of saying, "Roma hit him") it is the person, capitalised or in lower case where it
opens a clause ("roma visits weekly", "christian doesn't want to go home", "christian's teacher said"); before one that
agrees with the people ("Roma are often excluded", "Roma don't trust", "Roma were moved on"; a verb's plain form, "Roma
visit the site every summer") it is the people, kept, as after an article ("The Roma community visits weekly"). A
people's plural in lower case is the people ("christians are welcome").

Red team (case notes, strategy minutes and interview transcripts written anew on the shapes of children's services'
records; no real person): a given name that is a word before a relation or a role set off and closed ("Hope (mum) was
tearful", "Faith (SW) visited", "Rob, Mum's partner, was aggressive", "Dean (mum's ex)", "Ruby (half-sister)"), a given
name alone in brackets after a role or a relation ("Grandad (Tony) collects", "HV (Sue)."), a person said to be one of
a family or wed to one ("she's an Okonkwo", "he married a Pilkington", "Kacey is a Hebblethwaite"), families called by
surnames that are words before a harm done to a person ("the Wards hit him") or their home's words, an age in brackets
with its unit shortened ("Liam (7yrs)", "Jo (3y 2m)", "the boy (9 months)"); and what was over-redacted: days in the
plural ("on Saturdays" gave "on [place]"), a job's word closed up after an English word ("Headteacher", "the
Headteacher" gave "[name]"), nouns for one who does something, and the people's words above.

Counts, measured on main (36fbbf4) and now, each text redacted with the stress names listed and with none
(``_rounds``): 79 new hostile texts (``_RED_TEAM`` 45 that main redacted wrongly, 42 of them leaks of a name or an age,
two over-redactions and a name as "[place]"; ``_HELD_EXACT`` 34 that main already redacted so); 97 ordinary texts that
must be kept (``_KEPT_FIXED`` 20 that main over-redacted, ``_KEPT`` 77 kept on main as now); 6 forms left open,
closed by round 51 and moved to ``_RED_TEAM`` (51 there now). The file
run on main: 65 failed, 112 passed, 6 xfailed. Gold corpus (``python -m bench.redaction_gold``):
646/632/563 before and after, 0 sentences redacted differently.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each), exact now.
_RED_TEAM = [
    ('The Greens moved out of the area in June.', 'The [name] moved out of the area in June.'),  # was kept
    ('The Hills have fostered her since 2021.', 'The [name] have fostered her since 2021.'),  # was kept with no names listed
    ('She was placed with the Woods in March.', 'She was placed with the [name] in March.'),  # was kept
    ("Roma doesn't like school and is often late.", "[name] doesn't like school and is often late."),  # was kept
    ('roma visits weekly', '[name] visits weekly'),  # was kept
    ("Roma hasn't been in school this week.", "[name] hasn't been in school this week."),  # was kept
    ('she is related to Christian.', 'she is related to [name].'),  # was 'she is related to [place].'
    ('Liam (7yrs) was seen alone.', '[name] ([age]) was seen alone.'),  # was '[name] (7yrs) was seen alone.'
    ("christian's teacher said he was fine.", "[name]'s teacher said he was fine."),  # was kept
    ("christian doesn't want to go home.", "[name] doesn't want to go home."),  # was kept
    ('Contact with paternal grandparents Mr & Mrs Pilkington on Saturdays.', 'Contact with paternal grandparents Mr & Mrs [name] on Saturdays.'),  # was 'Contact with paternal grandparents Mr & Mrs [name] on [place].'
    ("The Halls' house was cold and damp.", "The [name]' house was cold and damp."),  # was kept with no names listed
    ('Kacper told his teacher that the Wards hit him.', '[name] told his teacher that the [name] hit him.'),  # was '[name] told his teacher that the Wards hit him.'
    ('Grandad (Tony) collects from school.', 'Grandad ([name]) collects from school.'),  # was kept
    ('Faith (SW) visited on Monday.', '[name] (SW) visited on Monday.'),  # was kept
    ("Will (dad) didn't come to the meeting.", "[name] (dad) didn't come to the meeting."),  # was kept
    ('Hope (mum) was tearful throughout.', '[name] (mum) was tearful throughout.'),  # was kept
    ('Grace (foster carer) reported no concerns.', '[name] (foster carer) reported no concerns.'),  # was kept
    ('Mark (stepdad) refused entry.', '[name] (stepdad) refused entry.'),  # was kept
    ("Rob, Mum's partner, was aggressive.", "[name], Mum's partner, was aggressive."),  # was kept
    ('Headteacher Mrs J. Walton confirmed attendance.', 'Headteacher Mrs [name] confirmed attendance.'),  # was '[name] Mrs [name] confirmed attendance.'
    ("Dean (mum's ex) turned up drunk.", "[name] (mum's ex) turned up drunk."),  # was kept
    ('Ruby (half-sister) lives with her dad.', '[name] (half-sister) lives with her dad.'),  # was kept
    ('Hope - the social worker - explained the plan.', '[name] - the social worker - explained the plan.'),  # was kept
    ('Jack (dad) has PR.', '[name] (dad) has PR.'),  # was kept
    ('The Fields moved to Wakefield last year.', 'The [name] moved to [council] last year.'),  # was 'The Fields moved to [council] last year.'
    ('The Brooks separated in 2020.', 'The [name] separated in 2020.'),  # was kept
    ('The Banks have fostered for years.', 'The [name] have fostered for years.'),  # was kept
    ('The Parks moved away after the fire.', 'The [name] moved away after the fire.'),  # was kept
    ('placed with the Halls on an emergency basis', 'placed with the [name] on an emergency basis'),  # was kept with no names listed
    ("the Wells' flat was overcrowded.", "the [name]' flat was overcrowded."),  # was kept
    ("The Woods' children are on CP plans.", "The [name]' children are on CP plans."),  # was kept
    ("Roma hasn't taken her medication.", "[name] hasn't taken her medication."),  # was kept
    ("Christian doesn't live with his dad.", "[name] doesn't live with his dad."),  # was kept
    ("Sami isn't eating properly.", "[name] isn't eating properly."),  # was kept
    ('christian has been missing since Friday.', '[name] has been missing since Friday.'),  # was kept
    ('i think christian is struggling at school.', 'i think [name] is struggling at school.'),  # was kept
    ("she's an Okonkwo through and through.", "she's an [name] through and through."),  # was kept
    ('he married a Pilkington in 2015.', 'he married a [name] in 2015.'),  # was kept
    ("Kacey is a Hebblethwaite on her dad's side.", "[name] is a [name] on her dad's side."),  # was "[name] is a Hebblethwaite on her dad's side."
    ('Liam (7 yrs) was seen at home.', '[name] ([age]) was seen at home.'),  # was '[name] (7 yrs) was seen at home.'
    ('Tia (15yrs) was found in Leeds.', '[name] ([age]) was found in [council].'),  # was '[name] (15yrs) was found in [council].'
    ('the boy (9 months) was admitted.', 'the boy ([age]) was admitted.'),  # was 'the boy ([age] months) was admitted.'
    ('Jo (3y 2m) attends nursery.', '[name] ([age]) attends nursery.'),  # was '[name] (3y 2m) attends nursery.'
    ("Rob (mum's partner) and Will (uncle) were both present.", "[name] (mum's partner) and [name] (uncle) were both present."),  # was "Rob (mum's partner) and [name] (uncle) were both present."
    # round 51 closed these, left open here: a verb after a people's word joined to a noun's head agrees with the head
    # (was 'for [name] is'); a centre named for the people it serves (was 'The [place] runs'); a role's letters from
    # role_initials.txt beside a given name (were kept); a role's letters in brackets after a relation are the relative's
    # initials (was 'Mum (LM)'); a date of birth with its label after it (was '[date] (DOB)')
    ("Support for Roma is patchy across the city.", "Support for Roma is patchy across the city."),
    ("The Roma community centre runs a homework club.", "The Roma community centre runs a homework club."),
    ("Joy (FSW) will visit on Thursday.", "[name] (FSW) will visit on Thursday."),
    ("FSW (Joy) will visit on Thursday.", "FSW ([name]) will visit on Thursday."),
    ("Present: Mum (LM), SW (RP), HV (Sue).", "Present: Mum ([name]), SW ([name]), HV ([name])."),
    ("18.04.2011 (DOB)", "[date of birth] (DOB)"),
]
# Kept now, each over-redacted on main (what main gave beside each)
_KEPT_FIXED = [
    'Contact on Saturdays at the family centre.',  # was 'Contact on [place] at the family centre.'
    "Sundays are spent at nan's.",  # was "[name] are spent at nan's."
    'The Headteacher confirmed her attendance.',  # was 'The [name] confirmed her attendance.'
    'Mum attends the Freedom Programme on Wednesdays.',  # was 'Mum attends the Freedom Programme on [place].'
    'The referrer did not want to be named.',  # was 'The [name] did not want to be named.'
    'Roma are among the most excluded pupils.',  # was '[name] are among the most excluded pupils.'
    'Roma visit the site every summer.',  # was '[name] visit the site every summer.'
    "His referrer's letter was clear.",  # was "His [name]'s letter was clear."
    'Our Referrer Guidance explains the threshold.',  # was 'Our [name] explains the threshold.'
    'Roma were moved on from the site twice.',  # was '[name] were moved on from the site twice.'
    'The Sami have their own parliament.',  # was 'The [name] have their own parliament.'
    "The transcriber's notes were checked.",  # was "The [name]'s notes were checked."
    'Contact is on Tuesdays and Thursdays.',  # was 'Contact is on [place] and [place].'
    'Headteachers were consulted on the policy.',  # was '[name] were consulted on the policy.'
    'Roma visit the library every week.',  # was '[name] visit the library every week.'
    'The Christian Union meets on Fridays.',  # was 'The Christian Union meets on [place].'
    "The referrer's concerns were shared with the school.",  # was "The [name]'s concerns were shared with the school."
    "The allocator's notes were brief.",  # was "The [name]'s notes were brief."
    'Tuesdays are the busiest day for the duty team.',  # was '[name] are the busiest day for the duty team.'
    'The Sami are an Indigenous people.',  # was 'The [name] are an Indigenous people.'
]
# Redacted so on main as now: the same kinds of record beside these rules
_HELD_EXACT = [
    ('Mum, Shannon-Marie, attended the core group.', 'Mum, [name], attended the core group.'),
    ('Paternal grandmother (Mrs Kowalczyk) offered kinship care.', 'Paternal grandmother (Mrs [name]) offered kinship care.'),
    ('Nan (Maureen) has PR under an SGO.', 'Nan ([name]) has PR under an SGO.'),
    ('d.o.b. 3/4/16', 'd.o.b. [date of birth]'),
    ('Kacey-Leigh (DOB: 12/09/2014) was seen at school.', '[name] (DOB: [date of birth]) was seen at school.'),
    ('NHS no. 943 476 5919', 'NHS no. [NHS number]'),
    ('Contact mum via +44 7700 900461 after 3pm.', 'Contact mum via [phone] after 3pm.'),
    ('Case ref: CS/2023/01456', 'Case ref: [reference]'),
    ('Flat 3, Beech Court, LS14 6AB', '[address], [postcode]'),
    ('Agreed with TM (Karen) to step down to Early Help.', 'Agreed with TM ([name]) to step down to Early Help.'),
    ("Dad's new partner, a Ms Olawale, was present.", "Dad's new partner, a Ms [name], was present."),
    ('PC 4471 Harrison attended the address.', 'PC [reference] [name] attended the address.'),
    ('Keeley Okonjo-Bright (mum) did not attend.', '[name] (mum) did not attend.'),
    ('Dad (RP) did not attend the core group.', 'Dad ([name]) did not attend the core group.'),
    ('Liam (03/04/2016) was seen alone.', '[name] ([date of birth]) was seen alone.'),
    ('From: Okonkwo, Bernadette', 'From: [name], [name]'),
    ("Bernadette Okonkwo | Social Worker | Children's Services", "[name] | Social Worker | Children's Services"),
    ('Re: Tyrese Brown (DOB 01/01/2015)', 'Re: [name] (DOB [date of birth])'),
    ('Dad (Wayne, 34) was arrested.', 'Dad ([name], [age]) was arrested.'),
    ("Sergiu's mum is Roma.", "[name]'s mum is Roma."),
    ("roma's mum rang the school.", "[name]'s mum rang the school."),
    ("sami hasn't been eating.", "[name] hasn't been eating."),
    ('Roma, who is nine, has been excluded.', '[name], who is [age], has been excluded.'),
    ("DOB: 3rd of April '16", 'DOB: [date of birth]'),
    ('07700 900461 (Dad) / 07700 900462 (Mum)', '[phone] (Dad) / [phone] (Mum)'),
    ('Mum - Shannon (27), Dad - Jordan (29)', 'Mum - [name] ([age]), Dad - [name] ([age])'),
    ("DP 'Kez' has been staying over.", "DP '[name]' has been staying over."),
    ('The child (E) disclosed that she was hit.', 'The child ([name]) disclosed that she was hit.'),
    ('the Pickersgills have offered respite.', 'the [name] have offered respite.'),
    ('Kai - DOB 12.12.12', '[name] - DOB [date of birth]'),
    ('Christian has been excluded twice.', '[name] has been excluded twice.'),
    ('the Norths hit him with a belt.', 'the [name] hit him with a belt.'),
    ('Roma was excluded on Friday.', '[name] was excluded on Friday.'),
    ('her HV (Pat) weighed the baby.', 'her HV ([name]) weighed the baby.'),
]
# Kept on main as now
_KEPT = [
    'The core group met on Tuesday and agreed the plan.',
    'Mum engaged well with the Family Support Worker.',
    'The IRO recommended the plan continue.',
    'CAMHS have accepted the referral.',
    'The school reported improved attendance this term.',
    'Strategy discussion held; Section 47 enquiries to begin.',
    'The child was seen alone in her bedroom.',
    'Dad has not attended the last three contact sessions.',
    'A Child Protection conference will be held in six weeks.',
    'The EHCP annual review is due in March.',
    'We discussed the Signs of Safety scaling questions.',
    'Early Help closed the case in the summer.',
    'The Youth Offending Team will complete an AssetPlus.',
    'The health visitor raised concerns about weight.',
    'Mum said the boys were fighting again.',
    'He told the referrer he felt unsafe at home.',
    'The assessor recommended a parenting assessment.',
    'Section C. Assessor Comments',
    'The safeguarding lead at the school was informed.',
    'Her keyworker said she was doing well.',
    'The Christian faith is important to the family.',
    'Roma families face barriers to school admission.',
    'Gypsy and Traveller children are often excluded.',
    'The Greens won a seat on the council.',
    'Mum has moved to a new flat.',
    'The police were called at 11pm.',
    'A Family Group Conference was arranged.',
    'We used the Graded Care Profile 2.',
    'The child is on a Child in Need plan.',
    'The MASH received 42 contacts that week.',
    'Dad works nights at the warehouse.',
    'The Virtual School Head attended the PEP meeting.',
    'Attendance rose to 94% by Easter.',
    'She is in Year 9 and doing her options.',
    'Contact is supervised at the family centre.',
    'The baby was born at 34 weeks.',
    'We will review the plan in 12 weeks.',
    'Her brother is in Reception.',
    'Rough sleeping has risen since Christmas.',
    'An Emergency Protection Order was not needed.',
    'The Independent Visitor service has a waiting list.',
    'Each allocator checks the workload weekly.',
    'We spoke to the caller and the referrer.',
    'Grace periods for rent arrears were extended.',
    'The Troubled Families programme ended.',
    'Church groups ran a holiday club.',
    'The fostering panel approved the match.',
    'Mum was tearful but engaged.',
    'Christian charities run the food bank.',
    'Most referrers were teachers.',
    'The Children Act 1989 sets the threshold.',
    'Mum rang the Emergency Duty Team at 2am.',
    "The reviewer's findings were shared with the board.",
    'Roma pupils visit the library weekly.',
    "Traveller families don't trust the school.",
    'The Greens moved an amendment at full council.',
    'Safeguarders are appointed by the court in Scotland.',
    "Roma don't always register with a GP.",
    'It is common among Roma and Traveller families.',
    "The Greens' policy on housing was debated.",
    'The Parks department moved offices.',
    'The Woods behind the estate are unsafe after dark.',
    'May (2018) argued for a relational approach.',
    "Roma children's attendance has improved.",
    'Dad was in prison (2 yrs) when she was born.',
    "She's a Brownie and goes every Tuesday.",
    'He is a Muslim and prays at the mosque.',
    "She was a Barnardo's volunteer for years.",
    'Keyworkers visit twice a week.',
    'The Greens won two seats in the election.',
    "It's a Vauxhall Corsa, silver.",
    'Support for Gypsy, Roma and Traveller pupils was discussed.',
    'Christian Aid ran the appeal.',
    'Romany Gypsies have lived here for generations.',
    'Section D. Assessor Recommendations',
    'The counsellor (school-based) saw him weekly.',
    'The nurse (locum) took bloods.',
]
# Still open (measured when written); strict, so closing one is seen. Round 51 closed the six this round left open
# (moved to _RED_TEAM).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN, counts=(51, 34, 97, 0))
