"""Fifty-second red-team round: round 51's leaks in text-speak and the informal voice of case notes closed as classes,
and messages, posts and voicemails as case notes quote them.

Closed, each a class (the forms, not the words): a word no list knows shaped as a name after "re" (regarding, "mum rang
re tiggy", "re: kenzie"); who a message says it is from, opening it ("its shaz x", "its me cherelle", "hiya its me,
kaz x", "its jade x": a word no list knows shaped as a name or as a shortened name - a syllable and "z", "-zza", "-o" or
"-s": "shaz", "gazza", "jonno", "debs" - or a first name, before a kiss, a stop or the line's end); a nickname after a
relative clause of naming in the present ("who the kids call big g", "the lad they all call smudge came round"), a
quoted one after "known as" or "aka", and an age after the closing quote ('known as "Smudge", is 12'); a word after a
friend or partner after a possessive ("her mate becks", "his pal robbo", "her bestie tilly"), as after a blood relation,
said last too; a double first name of short syllables no list holds ("tia-mae"); a birthday's age ("riley 9 today").
Streets and estates: a street's kind abbreviated in lower case after its name ("Harehills rd", "Bellbrooke ave",
"Nowell tce", "harehills rd"), and a name closed by a street's or an estate's word whose first word is no English word
nor first name ("Seacroft Gate", "Gipton Croft": [address], as "Lucy Croft", "Emma Green" stay names).

Over-redactions closed: text-speak and message words are speech's (``spoken_words.txt``: asap, lol, msg, txt, ur, rd
...), never a nickname ("can u call me asap x" gave "call me [name]") nor a handle after a platform ("Snap msg"); "@"
typed for "at" before a word is no handle ("me n my girls @ the beach").

Counts, measured on main (66233b5) and now, each text redacted with the stress names listed and with none
(``_rounds``): 51 new hostile texts (``_RED_TEAM`` 32 that main redacted wrongly, ``_HELD_EXACT`` 16 that main
already redacted so, 3 open); 52 ordinary informal texts that must be kept (``_KEPT_FIXED`` 4 that main over-redacted,
``_KEPT`` 47 kept on main as now, 1 open). Open (labels, no leak, and one over-redaction): a message's sender whose
first name is also a place's ("msg from shannon", "from Lacey" give [place]), a friend's home typed without its
apostrophe ("staying at jaydens" gives [place]), and "such a muppet" ([detail], as a belonging): all four closed in
round 53 (moved to ``_RED_TEAM`` and ``_KEPT_FIXED``, counts now 35, 16, 52, 0).
The file run on main (its tests beside main's package): 36 failed, 64 passed, 4 xfailed. Gold corpus (``python -m
bench.redaction_gold``): 644/630/563 before and now, 0 sentences redacted differently in any of the three runs.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each), exact now.
_RED_TEAM = [
    ('mum rang re tiggy', 'mum rang re [name]'),  # was 'mum rang re tiggy'
    ('mum rang re tiggy, wants a call back', 'mum rang re [name], wants a call back'),  # was 'mum rang re tiggy, wants a call back'
    ('Voicemail from nan re kenzie - pls ring back', 'Voicemail from nan re [name] - pls ring back'),  # was 'Voicemail from nan re kenzie - pls ring back'
    ('its shaz x', 'its [name] x'),  # was 'its shaz x'
    ('its me cherelle', 'its me [name]'),  # was 'its me cherelle'
    ('hiya its me, kaz x', 'hiya its me, [name] x'),  # was 'hiya its me, kaz x'
    ('Mum texted: "hi its tamsin, can u ring me" x', 'Mum texted: "hi its [name], can u ring me" x'),  # was 'Mum texted: "hi its tamsin, can u ring me" x'
    ('its jade x', 'its [name] x'),  # was 'its jade x'
    ('who the kids call big g', 'who the kids call [name]'),  # was 'who the kids call big g'
    ('the lad they all call smudge came round again', 'the lad they all call [name] came round again'),  # was 'the lad they all call smudge came round again'
    ('The boy, known as "Smudge", is 12.', 'The boy, known as "[name]", is [age].'),  # was 'The boy, known as "[name]", is 12.'
    ("The girl, known as 'Tink', is 14.", "The girl, known as '[name]', is [age]."),  # was "The girl, known as '[name]', is 14."
    ('her mate becks', 'her mate [name]'),  # was 'her mate becks'
    ('her mate becks came round', 'her mate [name] came round'),  # was 'her mate becks came round'
    ('she was out with her mate becks.', 'she was out with her mate [name].'),  # was 'she was out with her mate becks.'
    ('Harehills rd', '[address]'),  # was '[name] [name]'
    ('he lives off Harehills rd', 'he lives off [address]'),  # was 'he lives off [address] [name]'
    ('found him on Bellbrooke ave at 2am', 'found him on [address] at 2am'),  # was 'found him on [place] [name] at 2am'
    ('she stays at her nans on Nowell tce', 'she stays at her nans on [address]'),  # was 'she stays at her nans on [place] tce'
    ('Seacroft Gate is rough at night.', '[address] is rough at night.'),  # was '[name] is rough at night.'
    ('they moved to Seacroft Gate last year', 'they moved to [address] last year'),  # was 'they moved to [place] last year'
    ('the lads hang about on Gipton Croft', 'the lads hang about on [address]'),  # was 'the lads hang about on [place]'
    ('she lives on harehills rd now', 'she lives on [address] now'),  # was 'she lives on [name] now'
    ('fb post by mum: "so proud of my boy riley 9 today!!"', 'fb post by mum: "so proud of my boy [name] [age] today!!"'),  # was 'fb post by mum: "so proud of my boy [name] 9 today!!"'
    ('t/c to mum, she said tia-mae is at her dads til sun', 't/c to mum, she said [name] is at her dads til sun'),  # was 't/c to mum, she said tia-mae is at her dads til sun'
    ('Mum\'s insta post: "me n my girls @ the beach" tagged @kayleigh_b', 'Mum\'s insta post: "me n my girls @ the beach" tagged [handle]'),  # was 'Mum\'s insta post: "me n my girls [handle] beach" tagged [handle]'
    ('hiya its me again, jodie, can u call me asap x', 'hiya its me again, [name], can u call me asap x'),  # was 'hiya its me again, [name], can u call me [name]'
    ('"its deano, ring me" - text rcvd 10.15', '"its [name], ring me" - text rcvd 10.15'),  # was '"its deano, ring me" - text rcvd 10.15'
    ('they hang round Harehills rd n the back of the co-op', 'they hang round [address] n the back of the co-op'),  # was 'they hang round [name] [name] n the back of the co-op'
    ('typed: spk to mum re mikey, sed hes been sleepin at his mate dezzas', 'typed: spk to mum re [name], sed hes been sleepin at his mate [name]'),  # was 'typed: spk to mum re mikey, sed hes been sleepin at his mate [name]'
    ('nan\'s text: "tell ur sw kez is back n shes not stayin here"', 'nan\'s text: "tell ur sw [name] is back n shes not stayin here"'),  # was 'nan\'s text: "tell [name] sw [name] is back n shes not stayin here"'
    ('msg to YP: "where r u? ur mum\'s worried, ring me on 07700 900456"', 'msg to YP: "where r u? ur mum\'s worried, ring me on [phone]"'),  # was 'msg to YP: "where r u? [name] mum\'s worried, ring me on [phone]"'
    # open at round 52, closed in round 53 (what main gave then beside each)
    ('Text from YP: "cant come 2moro, staying at jaydens"', 'Text from YP: "cant come 2moro, staying at [name]s"'),  # was '... staying at [place]"'
    ('Snap msg from Lacey: "he said he\'d batter me"', 'Snap msg from [name]: "he said he\'d batter me"'),  # was 'Snap msg from [place]: ...'
    ('msg from shannon: "ok ta x"', 'msg from [name]: "ok ta x"'),  # was 'msg from [place]: "ok ta x"'
]
# Kept now, each over-redacted on main (what main gave beside each)
_KEPT_FIXED = [
    'call me asap x',  # was 'call me [name]'
    'lives on the main rd',  # was 'lives on the main [name]'
    'left at the end of the rd',  # was 'left at the end of the [place]'
    'soz i missed ur call',  # was 'soz i missed [name] call'
    "lol he's such a muppet",  # open at round 52, kept since round 53; was "lol he's such a [detail]"
]
# Redacted so on main as now: messages and notes of the same kinds beside these rules
_HELD_EXACT = [
    ('text from school re: jaxon', 'text from school re: [name]'),
    ('"its only me, gazza, ring me back"', '"its only me, [name], ring me back"'),
    ('Dad\'s mate (known as "Tank") was there.', 'Dad\'s mate (known as "[name]") was there.'),
    ('his pal robbo rang', 'his pal [name] rang'),
    ('her bestie tilly slept over', 'her bestie [name] slept over'),
    ('her boyfriend jonno hit her', 'her boyfriend [name] hit her'),
    ('WhatsApp from mum 22:14: "hes not back yet, last seen with kenzie n ty at the park"', 'WhatsApp from mum 22:14: "hes not back yet, last seen with [name] n [name] at the park"'),
    ('VM from dad 0113 496 0872 - wants update re court', 'VM from dad [phone] - wants update re court'),
    ('voicemail: "yeah hi it\'s Donna, Kayden\'s nan, ring me on 07700 900123"', 'voicemail: "yeah hi it\'s [name], [name]\'s nan, ring me on [phone]"'),
    ('HV rang re baby kobe, wt gain ok', 'HV rang re baby [name], wt gain ok'),
    ("Tiggy's nan rang re respite", "[name]'s nan rang re respite"),
    ('her mate shaz has been letting him stay', 'her mate [name] has been letting him stay'),
    ('her ex kez is back on the scene', 'her ex [name] is back on the scene'),
    ('txt from mum: new addy is 14 Cranmore rd LS10 4RW', 'txt from mum: new addy is [address] [postcode]'),
    ('"hi its leanne from the school, can u ring me back x"', '"hi its [name] from the school, can u ring me back x"'),
    ('FB comment: "RIP Kyle 2009-2024 gone 2 soon"', 'FB comment: "RIP [name] [date] gone 2 soon"'),
]
# Kept on main as now: text-speak, kisses, abbreviations
_KEPT = [
    'gonna be late, sorry',
    'ta x',
    'ok ta, see u tmrw x',
    'can u ring me asap pls',
    'its fine x',
    'its me again lol',
    'its ok hun x',
    'hiya its me x',
    'its here somewhere',
    'its been a long week',
    'ok ta lol',
    'omg the state of that x',
    'tbh i dunno what to do anymore',
    'idk if shes coming',
    'ngl it was a rough night',
    'brb x',
    'btw the bus was late again',
    'fyi mum has a new phone',
    'msg from mum, all ok',
    'txt from school, he was late',
    'she sent a msg at 10pm',
    'mum rang re the meeting on tuesday',
    'dad rang re contact',
    're appt - moved to weds',
    're: the ehcp review',
    'school rang re attendance again',
    'her mate came round again',
    'she was out with her mate again.',
    'she went with her friend too.',
    'her mates all went to the park',
    'his pal was there too',
    'her boyfriend hit her',
    'her bestie is moving away',
    'the lads hang round the shops',
    "who they call when there's trouble",
    'who she calls every day',
    'the number that i called back',
    'the people we call for advice',
    'Golden Gate Park was busy.',
    'the gate was broken again',
    'we met at the park gate',
    "nah he's not coming",
    'cos she said so',
    'dunno where he is tbh',
    'luv u x',
    'wot time is it',
    'happy bday hun x',
]
# Still open (measured when written); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN, counts=(35, 16, 52, 0))
