"""Fifty-third red-team round: a social worker's typed chronology (dated entries, initials, the sector's letters: "LA",
"CP plan", "ICPC", "SGO", "PLO", "IRO", "LADO", "MASH"; schools, surgeries, "Nan's", "Mum's partner"), round 52's open
forms closed as classes, and one list of family words.

Closed, each a class (the forms, not the words): a worker's initials in brackets after her role's letters, a verb after
("SW (AB) visited", "IRO (SL) chaired"), and a relative's after the relation with a chronology's word of being there
("Mum (KL) present"), whatever the letters spell, unless they are a term or a role's own ("Dad (PR) attended", "SW (DV)
visited", "SW (FSW) visited" stay); who sends a message ("voicemail from kayla re contact", "msg from shannon:"); a
home by its owner's name after "at", with or without the apostrophe ("staying at Jayden's", "slept at kaylas last
night": [name]'s, [name]s); a nickname in capitals after a relative clause of naming ("the lad they all call SMUDGE",
"who the kids call Big G"). Over-redactions closed: a description after "call" with no name in it ("the girl we call
when we need help", "the one we call CAMHS"), and a noun after "a right", "such a", "what a" said of a person ("ur a
right muppet lol").

Family words: the possessive, set-off-initials and relative's-job rules read one list, ``_lexicon.FAMILY_WORDS``
(``test_every_rule_reads_the_one_family_list``).

Counts, measured on main (1cf0a88) and now, each text redacted with the stress names listed and with none
(``_rounds``): 45 new hostile texts (40 chronology entries and 5 of round 52's forms in new words: ``_RED_TEAM`` 7 that
main redacted wrongly, ``_HELD_EXACT`` 31 that main already redacted so, 7 open); 45 ordinary texts that must be kept
(40 chronology entries of the sector's letters, 5 descriptions: ``_KEPT_FIXED`` 4 that main over-redacted, ``_KEPT`` 40
kept on main as now, 1 open). The 8 left open then (initials alone as a child's name in an entry, "JT not in school";
"LM", a line manager's letters, set off after a relation; "Nan's" after "stayed at" read as an address; "Co" of a
firm's "& Co" read as a name; "Case" opening an entry with "Grace Case" listed; "DT and VSH" read as two names) were
closed in round 54 (``test_pii_round54.py``) and moved to ``_RED_TEAM``.
The file run on main (its tests beside main's package): 12 failed (the 7 of ``_RED_TEAM``, the 4 of ``_KEPT_FIXED`` and
the family test: no such list), 72 passed, 8 xfailed. Gold corpus (``python -m bench.redaction_gold``): 644/630/563 before and now, 0 sentences redacted
differently in any of the three runs.
"""

from __future__ import annotations

import regex as re

from impact.privacy import _detect, _names

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each), exact now.
_RED_TEAM = [
    ('12/03/24 - HV visit. Mum (KL) present, baby well.', '[date] - HV visit. Mum ([name]) present, baby well.'),  # was '[date] - HV visit. Mum (KL) present, baby well.'
    ("14/03/24: SW (AB) visited home. Mum's partner, Dean Hollis, refused entry.", "[date]: SW ([name]) visited home. Mum's partner, [name], refused entry."),  # was "[date]: SW (AB) visited home. Mum's partner, [name], refused entry."
    ('the lad they all call SMUDGE came round', 'the lad they all call [name] came round'),  # was 'the lad they all call SMUDGE came round'
    ('who the kids call Big G', 'who the kids call [name]'),  # was 'who the kids call Big G'
    ("staying at Jayden's", "staying at [name]'s"),  # was 'staying at [address]'
    ('she slept at kaylas last night', 'she slept at [name]s last night'),  # was 'she slept at kaylas last night'
    ('voicemail from kayla re contact', 'voicemail from [name] re contact'),  # was 'voicemail from [place] re contact'
    ('03/04/24 Case transferred to SW Priya Nandra.', '[date] Case transferred to SW [name].'),  # was '[date] [name] transferred to SW [name].' (closed in round 54)
    ("26/03/24 - JT stayed at Nan's (Mrs Joan Briggs) over weekend.", "[date] - [name] stayed at Nan's (Mrs [name]) over weekend."),  # was '[date] - [name] stayed at [address] (Mrs [name]) over weekend.' (closed in round 54)
    ('21/03/24 T/C from Oakfield Primary (DSL Mrs Patel) - JT not in school.', '[date] T/C from [place] (DSL Mrs [name]) - [name] not in school.'),  # was '[date] T/C from [place] (DSL Mrs [name]) - JT not in school.' (closed in round 54)
    ('04/04/24 Foster carer, LM, reported JT upset after contact.', '[date] Foster carer, [name], reported [name] upset after contact.'),  # was '[date] Foster carer, LM, reported JT upset after contact.' (closed in round 54)
    ('11/04/24 JT seen at Leeds General Infirmary A&E, NHS no 943 476 5919.', '[date] [name] seen at [place] A&E, NHS no [NHS number].'),  # was '[date] JT seen at [place] A&E, NHS no [NHS number].' (closed in round 54)
    ("15/04/24 Visit to Nan's, 3 Beech Walk, JT and sibling KB present.", "[date] Visit to Nan's, [address], [name] and sibling [name] present."),  # was "[date] Visit to Nan's, [address], JT and sibling [name] present." (closed in round 54)
    ("24/04/24 - T/C with Mum's solicitor, Ms Hanna Kowalski of Ridley & Co.", "[date] - T/C with Mum's solicitor, Ms [name] of [place] & Co."),  # was "[date] - T/C with Mum's solicitor, Ms [name] of [place] & [name]." (closed in round 54)
    ('PEP completed with DT and VSH.', 'PEP completed with DT and VSH.'),  # was 'PEP completed with [name] and [name].' (closed in round 54)
]
# Kept now, each over-redacted on main (what main gave beside each)
_KEPT_FIXED = [
    'the girl we call when we need help',  # was 'the girl we call [name] we need help'
    "the woman we call if there's a problem",  # was "the woman we call [name] there's a problem"
    'the one we call CAMHS',  # was 'the one we call [name]'
    'ur a right muppet lol',  # was 'ur a right [name] lol'
]
# Redacted so on main as now: a typed chronology's entries
_HELD_EXACT = [
    ('15.03.24 LA issued PLO letter to Mum, Ms Tanya Briggs.', '[date] LA issued PLO letter to Mum, Ms [name].'),
    ('18/03/24 - CP plan reviewed. Child A (JT, DOB 04/05/2016) remains on plan.', '[date] - CP plan reviewed. Child A ([name], DOB [date of birth]) remains on plan.'),
    ("19/03/24 ICPC request sent re Nan's home in Cardiff.", "[date] ICPC request sent re Nan's home in [place]."),
    ('20/03/24 SGO assessment of maternal aunt, Mrs Shereen Akhtar, started.', '[date] SGO assessment of maternal aunt, Mrs [name], started.'),
    ('22/03/24 GP (Dr Okonkwo, Chapel Allerton Surgery) confirms bruise seen.', '[date] GP (Dr [name], [place]) confirms bruise seen.'),
    ('25/03/24 Home visit to 14 Lidgett Lane - no answer.', '[date] Home visit to [address] - no answer.'),
    ('27/03/24 Strategy meeting. Police (DC Harker) to attend.', '[date] Strategy meeting. Police (DC [name]) to attend.'),
    ("28/03/24 Mum's partner (DH) arrested, bailed to 22 Roundhay Rd.", "[date] Mum's partner ([name]) arrested, bailed to [address]"),
    ('02/04/24 Contact at Kirkstall family centre - Dad (Marcus) did not attend.', '[date] Contact at [place] family centre - Dad ([name]) did not attend.'),
    ('05/04/24 Mum rang from 07700 900321 asking for update.', '[date] Mum rang from [phone] asking for update.'),
    ('08/04/24 LADO referral re teacher at Oakfield Primary.', '[date] LADO referral re teacher at [place].'),
    ("09/04/24 Nan's partner (Keith) has a caution for ABH.", "[date] Nan's partner ([name]) has a caution for ABH."),
    ('10/04/24 IRO (Sandra Lowe) chaired LAC review.', '[date] IRO ([name]) chaired LAC review.'),
    ('12/04/24 Court ref LS24C00123 - PLO meeting listed.', '[date] Court ref [reference] - PLO meeting listed.'),
    ('16/04/24 - Mum\'s new partner, "Shaun", seen at the property.', '[date] - Mum\'s new partner, "[name]", seen at the property.'),
    ('17/04/24 Email from Mr Whitfield (Head, Oakfield Primary) re attendance.', '[date] Email from Mr [name] (Head, [place]) re attendance.'),
    ("18/04/24 SW and FSW (Gemma) visited; mum's friend Leanne present.", "[date] SW and FSW ([name]) visited; mum's friend [name] present."),
    ('19/04/24 Maternal grandfather, Mr Derek Briggs, attended meeting.', '[date] Maternal grandfather, Mr [name], attended meeting.'),
    ('22/04/24 School nurse (Angela Moss) raised concern re weight.', '[date] School nurse ([name]) raised concern re weight.'),
    ("23/04/24: ICPC report from Cardiff received, Nan's home assessed positively.", "[date]: ICPC report from [place] received, Nan's home assessed positively."),
    ('25/04/24 Child B (KB, aged 7) disclosed to teacher Miss Ellis.', '[date] Child B ([name], aged [age]) disclosed to teacher Miss [name].'),
    ('26/04/24 Mum moved to Flat 6, Beckett Court, LS9 7RT.', '[date] Mum moved to [address], [postcode].'),
    ('29/04/24 SGO application by Nan (Joan) filed.', '[date] SGO application by Nan ([name]) filed.'),
    ("30/04/24 Dad's mobile 07911 123456 - no answer.", "[date] Dad's mobile [phone] - no answer."),
    ('01/05/24 MASH referral by PCSO Tom Rigg.', '[date] MASH referral by PCSO [name].'),
    ('02/05/24 - JT told me "Shaun hits mummy".', '[date] - [name] told me "[name] hits mummy".'),
    ("03/05/24 Visit cancelled: Mum at Nan's in Bramley.", "[date] Visit cancelled: Mum at Nan's in [place]."),
    ('07/05/24 CP conference chaired by Ruth Ambler; plan continues.', '[date] CP conference chaired by [name]; plan continues.'),
    ("08/05/24 Mum's partner's sister, Kerry Hollis, offered to help.", "[date] Mum's partner's sister, [name], offered to help."),
    ('09/05/24 Letter sent to Mum at 22 Roundhay Rd, LS8 2DE.', '[date] Letter sent to Mum at [address], [postcode].'),
    ('10/05/24 EHCP meeting at Beckfield Academy with SENCO Mr Dale.', '[date] EHCP meeting at [place] with SENCO Mr [name].'),
]
# Kept on main as now: the sector's acronyms and a chronology's plain entries
_KEPT = [
    'LA to issue PLO letter.',
    'CP plan to continue; review in 3 months.',
    'ICPC request sent.',
    'SGO assessment to start next week.',
    'IRO to chair LAC review.',
    'MASH referral received.',
    'LADO consulted; threshold not met.',
    'Strategy meeting held under S47.',
    'S20 agreement signed by Mum.',
    'CIN plan closed.',
    'EHCP draft received from SEND team.',
    'Care order granted; LA shares PR.',
    'ICO made at first hearing.',
    'CAMHS referral accepted.',
    'GP letter received re medication.',
    'HV to visit weekly.',
    'FGC to be arranged.',
    'YOT worker attended.',
    'DV incident reported to police; MARAC referral made.',
    "Nan's home assessed as suitable.",
    "Mum's partner refused entry.",
    'Dad did not attend contact.',
    'SW visited; child seen alone.',
    'Child seen and spoken to.',
    'No answer at the door.',
    'T/C to school re attendance.',
    'Home visit - home conditions poor.',
    'Chronology updated.',
    'Section 7 report filed with court.',
    'CAFCASS officer to attend hearing.',
    'PLO meeting held at LA offices.',
    'Risk assessment completed.',
    'Legal gateway meeting: threshold met.',
    'NFA by police.',
    'CSE screening tool completed.',
    'DSL informed.',
    'Mum agreed to the safety plan.',
    "Nan's partner has a caution.",
    'SGO support plan agreed with LA.',
    'a call from school re attendance',
]
# Still open (measured when written; what it gives now beside each); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN, counts=(15, 31, 44, 0))


def test_every_rule_reads_the_one_family_list():
    """Each word of the family list, in each rule that reads one: the relative set off before initials, the family
    after a possessive, a relative's job at a school. Each of the three rules lacked words another held before."""
    from impact.privacy._lexicon import (
        FAMILY_WORDS,  # here, so that the file's other tests run on a package without it
    )

    for word in FAMILY_WORDS:
        said = word.replace("_", " ")
        assert _names._KIN_SET_OFF_BEFORE_RE.search(f"her {said}, "), word
        assert _names._FAMILY_OWNED_AFTER_RE.match(f"'s {said} rang", 0), word
        assert _detect._RELATIVES_JOB_RE.search(f"her {said} is a dinner lady at the school"), word
    # and a word of no family in none of them
    assert not _names._KIN_SET_OFF_BEFORE_RE.search("her teacher, ")
    assert not _names._FAMILY_OWNED_AFTER_RE.match("'s car rang", 0)
    assert re.search(r"\bneighbour\b", " ".join(FAMILY_WORDS)) and "half-sister" in FAMILY_WORDS
