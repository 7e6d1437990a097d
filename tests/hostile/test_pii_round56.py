"""Fifty-sixth red-team round: redaction's open forms and seen over-redactions, in the voices of case notes, minutes,
action logs and chronologies.

Closed, each a class (the forms, not the words).  Two capitals that spell a function word ("NO", "AS", "IN", "ON",
"OR", "IF", "MY", "SO", "DO", "UP") are initials where minutes give them an action: opening a line, an entry (after a
bullet, a time, a date or an item's number), a label's value or a list's item, one or more listed, before "to" and a
verb ("NO to circulate", "Actions: IN to update ...; ON to send", "NO and AS to meet"), or listed before a body in
brackets ("Present: NO (Police)"); not where the letters open a phrase ("NO to all three", "UP to date", "NO further
action") nor where they are a public term ("IT to update", "HR to confirm").  A word no list knows alone opening its
line before a colon and a count is left a name: a rule reading it as a heading's label ("Quoracy: three statutory
partners present") was built and taken out, as it kept a surname written so ("Wiszniewski: 3 kids in the house"):
a heading redacted is an over-redaction, a name kept a leak (held in ``_HELD_EXACT``, the headings in ``_OPEN``).  A title with no name after it, before what a note says of a
person, keeps the word after ("Mr seen at home", "MRS present": the title is kept, as it names no one and tells the
reader who was seen).  "@" before a time is "at" ("messaged @1400hrs", "@10am", "@14:30" gave [handle]).  "Comms"
joins the public terms (the communications team given an action).  Who sends a message, a call or a visit: one list,
``_lexicon.MESSAGE_WORDS``, feeds both the sender rule and the initials after one ("a voicemail from JS", "Snapchat
from KM:", "a card from TW" were kept: the initials' rule knew only nine singular nouns, the sender's lacked "visit"
and "word").

Counts, measured on main (6f48bb69) and now, each text redacted with the stress names listed and with none
(``_rounds``): 38 hostile lines (``_RED_TEAM`` 22 that main redacted wrongly, ``_HELD_EXACT`` 16 that main already
redacted so); 51 lines that must be kept verbatim (``_KEPT_FIXED`` 14 that main over-redacted, ``_KEPT`` 37 kept on
main as now); 5 open (``_OPEN``), closed in round 57 and moved to ``_RED_TEAM``.  Round 55's 2 open letters' forms closed, moved to its ``_RED_TEAM``.
Gold corpus (``python -m bench.redaction_gold``): 644/630/563 before and now.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    ('NO to circulate the dashboard.', '[name] to circulate the dashboard.'),  # was 'NO to circulate the dashboard.'
    ('- AS to liaise with the Virtual School Head re PEP quality.', '- [name] to liaise with the Virtual School Head re PEP quality.'),  # was '- AS to liaise with the Virtual School Head re PEP quality.'
    ('Action: NO to chase the GP for the health assessment.', 'Action: [name] to chase the GP for the health assessment.'),  # was 'Action: NO to chase the GP for the health assessment.'
    ('• AS to book the interpreter for the ICPC.', '• [name] to book the interpreter for the ICPC.'),  # was '• AS to book the interpreter for the ICPC.'
    ('Actions: IN to update the chronology; ON to send the core group minutes.', 'Actions: [name] to update the chronology; [name] to send the core group minutes.'),  # was 'Actions: IN to update the chronology; ON to send the core group minutes.'
    ('OR to confirm the placement plan with the fostering team.', '[name] to confirm the placement plan with the fostering team.'),  # was 'OR to confirm the placement plan with the fostering team.'
    ('- AT to complete the return home interview by Friday.', '- [name] to complete the return home interview by Friday.'),  # was '- AT to complete the return home interview by Friday.'
    ('3.1 ME to draft the letter before proceedings.', '3.1 [name] to draft the letter before proceedings.'),  # was '3.1 ME to draft the letter before proceedings.'
    ('Action 5: BE to arrange the strategy discussion with Police.', 'Action 5: [name] to arrange the strategy discussion with Police.'),  # was 'Action 5: BE to arrange the strategy discussion with Police.'
    ('14:30 IF to ring Mum back about contact.', '14:30 [name] to ring Mum back about contact.'),  # was '14:30 IF to ring Mum back about contact.'
    ('* MY to share the LADO referral with the DO.', '* [name] to share the LADO referral with the DO.'),  # was '* MY to share the LADO referral with the DO.'
    ('Action: SO to review the safety plan with the family.', 'Action: [name] to review the safety plan with the family.'),  # was 'Action: SO to review the safety plan with the family.'
    ('Actions: DO to invite the school nurse; UP to chase the EHCP.', 'Actions: [name] to invite the school nurse; [name] to chase the EHCP.'),  # was 'Actions: DO to invite the school nurse; UP to chase the EHCP.'
    ('12/03/24 - AS to visit the family home with the HV.', '[date] - [name] to visit the family home with the HV.'),  # was '[date] - AS to visit the family home with the HV.'
    ('Action log: NO and AS to meet the IRO before the review.', 'Action log: [name] and [name] to meet the IRO before the review.'),  # was 'Action log: NO and AS to meet the IRO before the review.'
    ('Action: NO, AS and JB to agree the escalation route.', 'Action: [name], [name] and [name] to agree the escalation route.'),  # was 'Action: NO, AS and [name] to agree the escalation route.'
    ('Present: AB (Chair), NO (Police), AS (Health).', 'Present: [name] (Chair), [name] (Police), [name] (Health).'),  # was 'Present: [name] (Chair), NO (Police), AS (Health).'
    ('Apologies: IN (ICB) and ON (Education).', 'Apologies: [name] (ICB) and [name] (Education).'),  # was 'Apologies: IN (ICB) and ON (Education).'
    ('Mum had a voicemail from JS about contact.', 'Mum had a voicemail from [name] about contact.'),  # was 'Mum had a voicemail from JS about contact.'
    ('Snapchat from KM: "u ok?"', 'Snapchat from [name]: "u ok?"'),  # was 'Snapchat from KM: "u ok?"'
    ('Comment from JB on the post.', 'Comment from [name] on the post.'),  # was 'Comment from JB on the post.'
    ('A card from TW for his birthday.', 'A card from [name] for his birthday.'),  # was 'A card from TW for his birthday.'
    # open in round 56, closed in round 57 by the form: a word no list knows with an abstract noun's ending is a
    # heading's word (surnames so written stay names: round 57's _HELD_EXACT); a lone letter after a lower-case title
    # before a note's state; letters set off before the post they spell
    ("Quoracy: three statutory partners present.", "Quoracy: three statutory partners present."),
    ("Safeguardability: two partners present.", "Safeguardability: two partners present."),
    ("Coproduction: three young people on the panel.", "Coproduction: three young people on the panel."),
    ("mrs t present", "mrs [name] present"),
    ("HCH, the head of children's homes, said the plan was agreed.",
     "HCH, the head of children's homes, said the plan was agreed."),
]
# Redacted so on main as now: speakers' turns, other action owners, a title with its name, a handle.
_HELD_EXACT = [
    ('JT to attend the core group with Mum.', '[name] to attend the core group with Mum.'),
    ("Kayleigh: I don't want to go back there.", "[name]: I don't want to go back there."),
    ('Okafor: we told the school on the Monday.', '[name]: we told the school on the Monday.'),
    ('Tyrone: he hit me and I told Miss.', '[name]: he hit me and I told Miss.'),
    ('Hebblethwaite: two lads came to the door.', '[name]: two lads came to the door.'),
    ('Brennick: four of us went.', '[name]: four of us went.'),
    ('Okafor: three times she rang.', '[name]: three times she rang.'),
    # a surname no list knows as a speaker's or a minute's label before a count: a heading's word is written alike,
    # and a name kept is a leak where a heading redacted is not (the heading rule tried this round leaked these)
    ('Wiszniewski: 3 kids in the house.', '[name]: 3 kids in the house.'),
    ('Adebayo-Thompson: 4 referrals since June.', '[name]: 4 referrals since June.'),
    ('Nkemelu: three children on plans.', '[name]: three children on plans.'),
    ('Had a visit from Shannon yesterday.', 'Had a visit from [name] yesterday.'),
    ("Got a word from Kayla: she's fine.", "Got a word from [name]: she's fine."),
    ('Mr Okafor seen at home.', 'Mr [name] seen at home.'),
    ('Mrs baker seen at home.', 'Mrs [name] seen at home.'),
    ('follow him @jayden2010', 'follow him [handle]'),
    ("Cllr Okafor asked the director of children's services, DCS, to report back.", "Cllr [name] asked the director of children's services, DCS, to report back."),
]
# Kept now, each over-redacted on main with the stress names listed (what main gave beside each).
_KEPT_FIXED = [
    'Comms to draft the press release for the CSPR.',  # was '[name] to draft the press release for the CSPR.'
    'Comms to share the annual report on social media.',  # was '[name] to share the annual report on social media.'
    'Action: Comms to draft the briefing.',  # was 'Action: [name] to draft the briefing.'
    'Dad messaged @1400hrs.',  # was 'Dad messaged [handle].'
    'Visit @10am with SW.',  # was 'Visit [handle] with SW.'
    'Home visit @14:30, Mum present.',  # was 'Home visit [handle]:30, Mum present.'
    'Dad rang @1400 to cancel.',  # was 'Dad rang [handle] to cancel.'
    '@1400hrs home visit.',  # was '[handle] home visit.'
    'MRS present.',  # was 'MRS [name].'
    'MRS present at the meeting.',  # was 'MRS [name] at the meeting.'
    'Mr seen at home.',  # was 'Mr [name] at home.'
    'Mr seen at home with Mum.',  # was 'Mr [name] at home with Mum.'
    'Mrs present.',  # was 'Mrs [name].'
    'Dr seen at clinic.',  # was 'Dr [name] at clinic.'
]
# Kept on main as now: a function word's capitals opening a phrase, bodies and teams given an action, headings.
_KEPT = [
    'NO further action; case closed to CSC.',
    'NO FURTHER ACTION.',
    'IT to update the case management system access list.',
    'IT to set up the laptop for the new starter.',
    'HR to confirm the DBS checks for the new staff.',
    'Finance to report on the placement overspend.',
    'Legal to advise on the threshold for PLO.',
    'Health to feed back on the ICB audit.',
    'Visit at 1400hrs with the allocated worker.',
    'The MRS meeting was held on Tuesday.',
    "Director of children's services, DCS, presented the Ofsted action plan.",
    "The director of children's services, DCS, chaired the board.",
    'Designated safeguarding lead, DSL, attended the strategy meeting.',
    'Quorum: four members present.',
    'Attendance: eleven members, two apologies.',
    'Outcome: referral stepped down to Early Help.',
    'Rationale: risk is now managed within the family network.',
    'Decision: no further action under section 47.',
    'Timescales: the assessment to be completed within 45 working days.',
    'Threshold: level 3, targeted support.',
    'Escalation: resolved at team manager level.',
    'Contingency: if Dad returns to the home, strategy meeting to be held.',
    'Venue: Council Chamber, Civic Centre.',
    'Recommendation: the board to adopt the neglect strategy.',
    'Say NO to knife crime campaign launched by the VRU.',
    'AS per the previous minutes, no change.',
    'UP to date chronology attached.',
    'SO far no concerns raised by school.',
    'ON hold pending the court outcome.',
    'IN attendance: DSL, SENCO, HV.',
    'NO to all three questions on the self-assessment.',
    'Agreed that CSC to lead the section 47 enquiry.',
    'Police to share the CSE intelligence with the MASH.',
    'Word from school: he was excluded.',
    'a call from school',
    'A visit from the school nurse.',
    'Result: NO (Police) action.',
]

# Still open: none.  Round 57 closed the five (moved to ``_RED_TEAM``).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_sector_lines_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(27, 16, 51, 0))
