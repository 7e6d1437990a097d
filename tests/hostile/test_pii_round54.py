"""Fifty-fourth red-team round: initials in a typed chronology's entries, and the sector's letters kept.

Closed, each a class (the forms, not the words): two or three capitals as a case note's subject, opening a clause or a
dated entry, before what a note says of a person ("JT seen at A&E", "- JT not in school", "KB present", "JT upset after
contact", "DK absent from nursery"), with more initials or a relative's sharing it ("JT and sibling KB present"), or
as its object after a verb of what is done to a child, the phrase ending or the child's state after them ("Mum reported
JT missing", "SW visited RB at her dad's", "Police found TW at 2am"); three capitals only where a body cannot stand
(seen, upset, missing from school: "CSC present" stays). Initials set off by commas after a relation or a role's noun
that opens the entry or has an owner, a verb after, whatever else they spell ("Foster carer, LM, reported": LM, line
manager; "Kinship carer, PC, attended"; "Half-sister, CP, attended"). A dated entry opens as a sentence does, so a
listed surname that is a common word opening one is the word unless used as a name ("03/04/24 Case transferred" with
Grace Case listed), and a listed first name there before what it did is the person ("26/07/24 Will attended"). A
relative's home by its owner ("stayed at Nan's", "slept at Grandma's") is no address; a firm of names and "& Co", "&
Sons", "& Partners" is one place, the company's word kept ("of [place] & Co"), and "and co" after people is no name. A
weekday's short form before a date is the date's ("Tue 11/06/24" gave "[name] [date of birth]").

The sector's letters: a role's letters (``role_initials.txt``, now with DT, designated teacher, EWO, DSO, AHT) are no
one's initials, as the public terms' are ("PEP completed with DT and VSH" gave two names), and ``public_terms.txt``
holds the acronyms a chronology writes bare (PEP, EHCNA, SEMH, ICPC, EPO, DLA, UC, DoLS, MCA, FSM, NRPF ...).

Counts, measured on main (ed7a753) and now, each text redacted with the stress names listed and with none
(``_rounds``): 43 new hostile entries (``_RED_TEAM`` 34 that main redacted wrongly, ``_HELD_EXACT`` 9 that main already
redacted so); 40 sector sentences that must be kept verbatim (``_KEPT_FIXED`` 4 that main over-redacted, ``_KEPT`` 36
kept on main as now); 10 entries opening with a listed word (``_ENTRY_OPENING``, 6 wrong on main); 2 open, closed in
round 55 and moved to ``_RED_TEAM`` ("MR" as a child's initials, the title's letters, was kept; a role spelt out before
its own letters set off, "Designated teacher, DT, said", gave [name]); and round 53's 8 open forms, closed, moved to its
``_RED_TEAM``.
The file run beside main's package (ed7a753): 39 failed (34 + 4 + the entry test), 46 passed, 2 xfailed.
Gold corpus (``python -m bench.redaction_gold``): 644/630/563 before and now, 0 sentences redacted differently.
"""

from __future__ import annotations

from . import _rounds
from .test_pii_round3 import _redact

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    ('5 June 2024 - RB seen alone in her bedroom, room clean.', '[date] - [name] seen alone in her bedroom, room clean.'),  # was '[date] - RB seen alone in her bedroom, room clean.'
    ('06.06.24: TW not at school, Mum says poorly.', '[date]: [name] not at school, Mum says poorly.'),  # was '[date]: TW not at school, Mum says poorly.'
    ('Tue 11/06/24 DK absent from nursery again.', 'Tue [date] [name] absent from nursery again.'),  # was '[name] [date of birth] DK absent from nursery again.'
    ('12/06/2024 14:20 - SJ upset on arrival at contact.', '[date] 14:20 - [name] upset on arrival at contact.'),  # was '[date] 14:20 - SJ upset on arrival at contact.'
    ('2024-06-13 FH disclosed to the DSL that Dad hits her.', '[date] [name] disclosed to the DSL that Dad hits her.'),  # was '[date] FH disclosed to the DSL that Dad hits her.'
    ('14/06/24 Aunt, EP, reported SJ missing overnight.', '[date] Aunt, [name], reported [name] missing overnight.'),  # was '[date] Aunt, EP, reported SJ missing overnight.'
    ("19/06/24 Duty SW visited RB at her dad's.", "[date] Duty SW visited [name] at her dad's."),  # was "[date] Duty SW visited RB at her dad's."
    ("20/06/24 Mum's boyfriend, TA, present throughout visit.", "[date] Mum's boyfriend, [name], present throughout visit."),  # was "[date] Mum's boyfriend, TA, present throughout visit."
    ('21/06/24 Grandad, SN, refused to let SW in.', '[date] Grandad, [name], refused to let SW in.'),  # was '[date] Grandad, SN, refused to let SW in.'
    ("24/06/24 FH stayed at Auntie's over the weekend.", "[date] [name] stayed at Auntie's over the weekend."),  # was '[date] FH stayed at [address] over the weekend.'
    ("25/06/24 TW slept at Grandma's on Friday.", "[date] [name] slept at Grandma's on Friday."),  # was "[date] TW slept at Grandma's on Friday."
    ('26/06/24 - Letter received from Pryce & Co solicitors.', '[date] - Letter received from [place] & Co solicitors.'),  # was '[date] - Letter received from [place] & [name] solicitors.'
    ('28/06/24 RB and brother LJ seen together at school.', '[date] [name] and brother [name] seen together at school.'),  # was '[date] RB and brother [name] seen together at school.'
    ('01/07/24 Uncle, OT, arrested for assault on Mum.', '[date] Uncle, [name], arrested for assault on Mum.'),  # was '[date] Uncle, OT, arrested for assault on Mum.'
    ('03/07/24 Care plan reviewed; MK settled in placement.', '[date] Care plan reviewed; [name] settled in placement.'),  # was '[date] [name] plan reviewed; [name] settled in placement.'
    ('04/07/24 Police found TW at 2am in the park.', '[date] Police found [name] at 2am in the park.'),  # was '[date] Police found TW at 2am in the park.'
    ('05/07/24 Stepdad, AD, declined to engage.', '[date] Stepdad, [name], declined to engage.'),  # was '[date] Stepdad, AD, declined to engage.'
    ('08/07/24 - School reported DK tearful in class.', '[date] - School reported [name] tearful in class.'),  # was '[date] - School reported DK tearful in class.'
    ('09/07/24 Foster carer collected RB from contact.', '[date] Foster carer collected [name] from contact.'),  # was '[date] Foster carer collected RB from contact.'
    ('10/07/24 FH excluded from school for 3 days.', '[date] [name] excluded from school for 3 days.'),  # was '[date] FH excluded from school for 3 days.'
    ('11/07/24 Nursery staff observed DK distressed at pick-up.', '[date] Nursery staff observed [name] distressed at pick-up.'),  # was '[date] Nursery staff observed DK distressed at pick-up.'
    ('12/07/24: PW not seen; visit to be rebooked.', '[date]: [name] not seen; visit to be rebooked.'),  # was '[date]: PW not seen; visit to be rebooked.'
    ('16/07/24 Mum, SM, attended with her advocate.', '[date] Mum, [name], attended with her advocate.'),  # was '[date] Mum, SM, attended with her advocate.'
    ('17/07/24 - Cousin, HT, has been babysitting.', '[date] - Cousin, [name], has been babysitting.'),  # was '[date] - Cousin, HT, has been babysitting.'
    ('18/07/24 School confirm SJ in attendance.', '[date] School confirm [name] in attendance.'),  # was '[date] School confirm SJ in attendance.'
    ('19/07/24 Boyfriend, DD, present at the home.', '[date] Boyfriend, [name], present at the home.'),  # was '[date] Boyfriend, DD, present at the home.'
    ('23/07/24 Nan, TM, agreed to supervise contact.', '[date] Nan, [name], agreed to supervise contact.'),  # was '[date] Nan, TM, agreed to supervise contact.'
    ('24/07/24 TW and sibling AB absent from school.', '[date] [name] and sibling [name] absent from school.'),  # was '[date] TW and sibling [name] absent from school.'
    ('30/07/24 SW supervised MK at contact with Dad.', '[date] SW supervised [name] at contact with Dad.'),  # was '[date] SW supervised MK at contact with Dad.'
    ('01/08/24 GH seen by GP re rash.', '[date] [name] seen by GP re rash.'),  # was '[date] GH seen by GP re rash.'
    ('05/08/24 Respite carer returned EM to Mum at 6pm.', '[date] Respite carer returned [name] to Mum at 6pm.'),  # was '[date] Respite carer returned EM to Mum at 6pm.'
    ('Thurs 8 Aug 2024 - Half-sister, CP, attended the review.', 'Thurs [date] - Half-sister, [name], attended the review.'),  # was '[name] [date of birth] - Half-sister, CP, attended the review.'
    ('12/08/24 Police returned DW to placement at 3am.', '[date] Police returned [name] to placement at 3am.'),  # was '[date] Police returned DW to placement at 3am.'
    ("13/08/24 Mum's solicitors, Hartley & Partners, emailed re the PLO.", "[date] Mum's solicitors, [place] & Partners, emailed re the PLO."),  # was "[date] Mum's solicitors, [name] & Partners, emailed re the PLO."
    # round 54's open forms, closed in round 55 (what round 54 gave beside each)
    ("15 Jul 2024, 10:00 - MR presented as withdrawn.", "[date], 10:00 - [name] presented as withdrawn."),  # was '... - MR presented ...'
    ("11/04/24 Designated teacher, DT, said the PEP is up to date.", "[date] Designated teacher, DT, said the PEP is up to date."),  # was '... teacher, [name], said ...'
]
# Kept now, each over-redacted on main (what main gave beside each)
_KEPT_FIXED = [
    'PEP review held with DT and VSH; targets set.',  # was 'PEP review held with [name] and [name]; targets set.'
    'EHCNA requested; SENCO and EP to contribute.',  # was '[name] requested; SENCO and EP to contribute.'
    'SGO support plan includes DLA and UC advice.',  # was 'SGO support plan includes [name] and [name] advice.'
    'DoLS application considered under MCA.',  # was '[name] application considered under MCA.'
]
# Redacted so on main as now: dated entries
_HELD_EXACT = [
    ('17/06/24 Kinship carer, PC, attended the LAC review.', '[date] Kinship carer, [name], attended the LAC review.'),
    ('18/06/24 - HV saw baby MR at home; weight gain good.', '[date] - HV saw baby [name] at home; weight gain good.'),
    ("27/06/24 Email from Dad's solicitor, Mr Adeyemi of Fenwick & Sons.", "[date] Email from Dad's solicitor, Mr [name] of [place] & Sons."),
    ('02/07/24 - JW refused to speak to SW.', '[date] - [name] refused to speak to SW.'),
    ('22/07/24 RB went missing from placement overnight.', '[date] [name] went missing from placement overnight.'),
    ("31/07/24 - Mum's ex, RM, was arrested at Nan's.", "[date] - Mum's ex, [name], was arrested at Nan's."),
    ('02/08/24 Older brother, CJ, refused to leave the bedroom.', '[date] Older brother, [name], refused to leave the bedroom.'),
    ('09/08/24 Paternal uncle, LA, rang to ask about contact.', '[date] Paternal uncle, [name], rang to ask about contact.'),
    ('14/08/24 NB and KT not in school; Mum not answering.', '[date] [name] and [name] not in school; Mum not answering.'),
]
# Kept on main as now: the sector's letters
_KEPT = [
    'DT to update the PEP before the LAC review.',
    'VSH agreed PP+ funding for tutoring.',
    'SEMH needs noted in the EHCP.',
    'ICPC held; CP plan agreed under category of neglect.',
    'RCPC to be held in 3 months.',
    'EPO granted; child placed with FC.',
    'ICO renewed at the IRH.',
    'CIN plan stepped down to EHA.',
    'TAF meeting: DSL, HV and SW present.',
    'DSL to complete a CP referral via MASH.',
    'LADO advised a strategy discussion.',
    'CAMHS assessment identified ASD traits.',
    'GP referred to CYPMHS for ADHD assessment.',
    'FASD diagnosis confirmed by paediatrician.',
    'CSE and CCE screening completed; NRM referral made.',
    'DA incident; MARAC referral and IDVA support offered.',
    'FGM risk assessment completed with HV.',
    'DBS checks completed for the kinship carers.',
    'NRPF family; LA funding accommodation under S17.',
    'EHE notification received; CME officer informed.',
    'EOTAS package agreed by SEND panel.',
    'YOT worker and PPO attended the planning meeting.',
    'STC placement ended; YOI transfer planned.',
    'IFA carers identified for the sibling group.',
    'PSHE and RSE sessions delivered by school nurse.',
    'EAL support in place; ESOL classes for Mum.',
    'SDQ scores reviewed at the LAC health assessment.',
    "SAR received from Dad's solicitor.",
    'IRO chaired the CLA review; PA present.',
    'AHT and EWO met re attendance.',
    'DSO at college informed of the CP plan.',
    'S47 enquiry concluded; CIN plan to follow.',
    'PLO pre-proceedings letter issued by LA.',
    'CP conference: SW, IRO, DSL, HV, GP report received.',
    'FGC coordinator to arrange the meeting.',
    'NFA by police; CSC to continue under CIN.',
]
# Dated entries opening with a listed word (the stress names: Grace Case, Will Work, Mark Time ...): the word unless
# used as a name, the person before what a first name did. (what main gave beside each, where it differs)
_ENTRY_OPENING = [
    ("03/04/24 Case closed to CSC.", "[date] Case closed to CSC."),  # was '[date] [name] closed to CSC.'
    ("04/04/24 Case transferred to the CIN team.", "[date] Case transferred to the CIN team."),  # was '[date] [name] transferred ...'
    ("09/04/24 Will ring Mum tomorrow re contact.", "[date] Will ring Mum tomorrow re contact."),  # was '[date] [name] ring ...'
    ("10/04/24 Mark as closed on the system.", "[date] Mark as closed on the system."),  # was '[date] [name] as closed ...'
    ("14/04/24 Work started on the kinship assessment.", "[date] Work started on the kinship assessment."),  # was '[date] [name] started ...'
    ("07/04/24 Jayden and co came round after school.", "[date] [name] and co came round after school."),  # was '[date] [name] and [name] came ...'
    ("05/04/24 Visit cancelled; Mum unwell.", "[date] Visit cancelled; Mum unwell."),
    ("25/07/24 Mark transferred to new school.", "[date] [name] transferred to new school."),
    ("26/07/24 Will attended the CIN meeting with Mum.", "[date] [name] attended the CIN meeting with Mum."),
    ("12/04/24 Grace stayed behind after the meeting to talk.", "[date] [name] stayed behind after the meeting to talk."),
]

# Still open (what it gives now beside each); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_the_sectors_letters_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN, counts=(36, 9, 40, 0))


def test_a_listed_word_opening_a_dated_entry():
    """With the stress names listed, a listed word opening a dated entry is the word unless used as a name; with none
    listed a first name there is no one the text names (the verbs alone do not make "Will" a name)."""
    for text, expected in _ENTRY_OPENING:
        assert _redact(text, names=_rounds._WORDY) == expected, text
    assert _redact("03/04/24 Case closed to CSC.", names=[]) == "[date] Case closed to CSC."
