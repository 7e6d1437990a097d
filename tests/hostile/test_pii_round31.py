"""Thirty-first red-team round: names in what is said, sent, written on the body and worn by pets; class labels and
foster carers' "auntie" and "uncle"; Welsh mutations and sentences; names typed without their accents or misspelt again;
the open forms of rounds 29 and 30; and a check of round 30's short lists.

Over-redactions closed (round 30's three, none by a list of the words met): a thing whose name is a given name too,
from a shipped list of such things (``impact/_data/privacy/thing_names.txt``: voice assistants, games' heroes, dogs'
breeds), is kept only where the sentence treats it as the thing (``impact.privacy._names.things_named``): an assistant
asked or told to do a device's job whose object is no person ("she asked Alexa to play music"; "asked Alexa to play
with her" and "asked Tiarnelle to play" stay redacted); a hero played with nothing setting a person against him ("he
plays Mario all day"; "plays Mario at chess", "plays with Mario" stay redacted) or before a word for a game ("Mario
Kart"); a breed after an article, a possessive or a number ("a jack russell bit him").  A pronoun opening a sentence
before "was crying" or "was in the car with them" is no longer read as a name ("[name] was crying for her mam"); a
word before a Welsh pronoun joined to "'n" is the Welsh verb ("mae hi'n byw": was "[name] hi'n byw"); a common Welsh
word (``wordlists/welsh_common.txt``) is no surname's end ("roedd mam rhodri yn poeni": was "mam [name] poeni").

Leaks closed as a class of writing: a first name that is a word, or a word with a letter English has not, after a
relation ("auntie carol's", "uncle tony", "his dad mark's", "nanna pat", "her brother noël"); a word in quotes after any
kind of name or after a text or card "from" ("her screen name is 'bratzbecca'", "the text was from 'dazza'"), or before
being tattooed if no English word ("'kenzie' tattooed"); a word set off by commas after "name" ("his daughter's name,
lacey-mae, tattooed"); "miss" before a word no English list knows ("with miss tegan"); a Welsh first name after a
mutation ("ddafydd"); a name said again with a slip or another spelling, one edit from a name found (two for long
names; "jasmin, or jazmin", "kieran, keiran on the form", "chantelle, shantelle"); a word no list knows sent or shown
"to" where a phrase ends ("she texted 'otw x' to kyron"); a date of birth after a comma that follows where ("born in
cardiff, april 2020": the date was left).  Round 29's "born in lockdown, april 2020" now gives "born in [place], [date
of birth]": "lockdown" is still read as a place, so it stays open there.

Round 30's short lists, each tried beside real names (``_LISTS_CHECKED``): a verb of purpose that wants an object, with
none after it, is the name ("she changed her name to honour": was kept); "our" before a first name is a family's way of
naming one of its own, no brand ("our Jordan trainers were nicked": was kept); "jubilee day" goes whole into the date
of birth.  One leak was left open there ("her nan jubilee came round", closed by round 32).

Of the 100 sentences written for this round 21 came out differently before: 17 leaked a name and 3 over-redacted, now
closed (``_RED_TEAM``); 1 over-redaction was left open ("ei thad", closed by round 32).  79 were redacted so before (``_HELD``).  80
sentences whose words look like names but are not (``_KEPT``) are kept, before and after.  Two over-redactions met and
left as they were: "we asked the school to play music" ("[place]") and "a russell group university" ("[detail]").
"""

from __future__ import annotations

from . import _rounds

# Round 30's open over-redactions, closed here, with more of each kind; each was redacted before.
_THINGS_KEPT = [
    "a jack russell bit him",  # was 'a [name] bit him'
    "she asked Alexa to play music",  # was 'she asked [name] to play music'
    "he plays Mario all day",  # was 'he plays [name] all day'
    "she asked alexa to play music",  # was 'she asked [name] to play music'
    "she told Siri to set a timer",  # was 'she told [name] to set a timer'
    "he plays Zelda every night",  # was 'he plays [name] every night'
    "the king charles was asleep",  # was 'the king [name] was asleep' with the stress names
    "we played Mario Kart",
]

# The same names where a person stands: redacted, before and after.
_THINGS_AS_PERSON = [
    ("she asked Tiarnelle to play", "she asked [name] to play"),
    ("he plays with Tiarnelle all day", "he plays with [name] all day"),
    ("she asked Alexa to play with her", "she asked [name] to play with her"),
    ("her daughter Alexa was crying", "her daughter [name] was crying"),
    ("Alexa said she was scared", "[name] said she was scared"),
    ("he plays Mario at chess", "he plays [name] at chess"),
    ("he plays with Mario all day", "he plays with [name] all day"),
    ("she asked Tom to play music", "she asked [name] to play music"),
    ("he asked Siri for the time", "he asked [name] for the time"),
    ("we had a jack russell called Bob", "we had a jack russell called [name]"),  # was 'we had a [name] called [name]'
]

# A date of birth after where, set off by a comma.
_BORN_WHERE_THEN_WHEN = [
    ("he was born in cardiff, april 2020", "he was born in [place], [date of birth]"),  # was '... [place], april 2020'
    ("born at the heath, 3rd may 2009", "born at the [place], [date of birth]"),  # was '... [place], 3rd may 2009'
    # round 32 reads "lockdown" as a time, not a place (its _FROM_EARLIER_ROUNDS); the date of birth is still found
    ("he was born in lockdown, april 2020", "he was born in lockdown, [date of birth]"),  # was '... [place], april 2020'
]

# A word no list knows sent or shown "to", where a phrase ends.
_SENT_TO = [
    ("he sent the pics to jaylen last night", "he sent the pics to [name] last night"),  # was kept
]

# Round 30's short lists beside real names.
_LISTS_CHECKED = [
    ("she changed her name to Match", "she changed her name to [name]"),
    ("she changed her name to honour", "she changed her name to [name]"),  # was kept
    ("he changed his name to mirror", "he changed his name to [name]"),  # was kept
    ("she changed her name to spite", "she changed her name to [name]"),  # was kept
    ("she changed her name to please, her mum said", "she changed her name to [name], her mum said"),  # was kept
    ("he changed his name to Stone to avoid his dad", "he changed his name to [name] to avoid his dad"),
    ("she changed her name to Sky to fit in", "she changed her name to [name] to fit in"),
    ("he gave Jordan trainers", "he gave [name] trainers"),
    ("she bought Chloe handbags", "she bought [name] handbags"),
    ("she gave Ruby a doll", "she gave [name] a doll"),
    ("our Jordan trainers were nicked", "our [name] trainers were nicked"),  # was kept
    ("our Jordan bike is in the shed", "our [name] bike is in the shed"),  # was kept
    ("she was born on jubilee day", "she was born on [date of birth]"),  # was 'she was born on [date of birth] day'
    ("the twins, Millennium and Jubilee, came", "the twins, [name] and [name], came"),
    ("the baby's called millennium", "the baby's called [name]"),
]
_LISTS_KEPT = [
    "she changed her name to match", "she changed her name to honour her nan", "she changed her name to hide",
    "her Chloe handbag was stolen", "she has a Jordan top",
]
_LISTS_OPEN: list[tuple[str, str]] = []
# Left open here, closed by round 32 (its _FROM_EARLIER_ROUNDS): a relation before a word that is no first name, then a
# verb; "thad" (father) after the Welsh "ei" that mutates it, read as the name Thad.
_CLOSED_BY_ROUND_32 = [("her nan jubilee came round", "her nan [name] came round")]

_RED_TEAM = [
    ('the message said "miss u nanna pat xx"', 'the message said "miss u nanna [name] xx"'),  # was 'the message said "miss u nanna pat xx"'
    ('the text was from "dazza" and said he was outside', 'the text was from "[name]" and said he was outside'),  # was 'the text was from "dazza" and said he was outside'
    ("he's got his daughter's name, lacey-mae, tattooed on his neck", "he's got his daughter's name, [name], tattooed on his neck"),  # was "he's got his daughter's name, lacey-mae, tattooed on his neck"
    ('she has "kenzie" tattooed on her wrist', 'she has "[name]" tattooed on her wrist'),  # was 'she has "kenzie" tattooed on her wrist'
    ("she's in the rainbow group with miss tegan", "she's in the rainbow group with miss [name]"),  # was "she's in the rainbow group with miss tegan"
    ('they call the foster carers auntie sue and uncle mike', 'they call the foster carers auntie [name] and uncle [name]'),  # was 'they call the foster carers auntie [name] and uncle [name]' ('they call the foster carers auntie sue and uncle [name]' with no names listed)
    ("mae hi'n byw gyda nain, glenys", "mae hi'n byw gyda nain, [name]"),  # was "[name] hi'n byw gyda nain, [name]"
    ("ei brawd o, ddafydd, sy'n helpu", "ei brawd o, [name], sy'n helpu"),  # was "ei brawd o, ddafydd, sy'n helpu"
    ('roedd mam rhodri yn poeni', 'roedd mam [name] yn poeni'),  # was 'roedd mam [name] poeni'
    ('we saw zoë and her brother noël', 'we saw [name] and her brother [name]'),  # was 'we saw [name] and her brother noël'
    ('it was jasmin, or jazmin, i never know', 'it was [name], or [name], i never know'),  # was 'it was [name], or jazmin, i never know'
    ("her dad's called kieran, keiran on the form", "her dad's called [name], [name] on the form"),  # was "her dad's called [name], keiran on the form"
    ('his girlfriend is called chantelle, shantelle on the letter', 'his girlfriend is called [name], [name] on the letter'),  # was 'his girlfriend is called [name], shantelle on the letter'
    ('her screen name is "bratzbecca"', 'her screen name is "[name]"'),  # was 'her screen name is "bratzbecca"'
    ('we used the name "kez" in the plan', 'we used the name "[name]" in the plan'),  # was 'we used the name "kez" in the plan'
    ("i call him uncle tony but he's not my uncle", "i call him uncle [name] but he's not my uncle"),  # was "i call him uncle tony but he's not my uncle"
    ("they stay at auntie carol's", "they stay at auntie [name]'s"),  # was "they stay at auntie carol's"
    ("he goes to his dad mark's every other weekend", "he goes to his dad [name]'s every other weekend"),  # was "he goes to his dad mark's every other weekend"
    ('she was crying for her nana val', 'she was crying for her nana [name]'),  # was '[name] was crying for her nana [name]'
    ('she texted "otw x" to kyron', 'she texted "otw x" to [name]'),  # was 'she texted "otw x" to kyron'
]

_HELD = [
    ('she said "kayden, get in the car" and he ran', 'she said "[name], get in the car" and he ran'),
    ('he texted her "where r u jodie"', 'he texted her "where r u [name]"'),
    ('his mum shouted "tyler, come here now"', 'his mum shouted "[name], come here now"'),
    ('she wrote "love you shannon" on the card', 'she wrote "love you [name]" on the card'),
    ('"leave me alone, brandon," she told him', '"leave me alone, [name]," she told him'),
    ("he said 'it was kyle's idea' to the police", "he said 'it was [name]'s idea' to the police"),
    ('her text said "ring me liam"', 'her text said "ring me [name]"'),
    ('the group chat was called "team jordan"', 'the group chat was called "team [name]"'),
    ('the wall says rip tyreece', 'the wall says rip [name]'),
    ('he had rip nan maureen tattooed on his arm', 'he had rip nan [name] tattooed on his arm'),
    ('she posted rip jayden on facebook', 'she posted rip [name] on facebook'),
    ('the shrine said rip kaden 2006-2023', 'the shrine said rip [name] [date]'),
    ('he had "mum and dad, rest in peace, brian and sue" on his back', 'he had "mum and dad, rest in peace, [name] and [name]" on his back'),
    ('the tattoo says "forever ellie-rose"', 'the tattoo says "forever [name]"'),
    ("her dog's called dave and her son's called dave too", "her dog's called [name] and her son's called [name] too"),
    ("they've got a cat called kevin and the boy is called kyle", "they've got a cat called [name] and the boy is called [name]"),
    ('the dog, alfie, was there with her son archie', 'the dog, [name], was there with her son [name]'),
    ('their puppy is named after her nan, doris', 'their puppy is named after her nan, [name]'),
    ("the rabbit's called peter and the baby's called poppy", "the rabbit's called [name] and the baby's called [name]"),
    ("she's in year 7 with mr hughes's class", "she's in year 7 with mr [name]'s class"),
    ("he's in class 3j, mrs pritchard's class", "he's in class [place], mrs [name]'s class"),
    ("she's in miss okafor's year 5 class", "she's in miss [name]'s year 5 class"),
    ('the class is called "oak class" and his teacher is mrs bevan', 'the class is called "oak class" and his teacher is mrs [name]'),
    ("he's in 10B with ms kowalski", "he's in [place] with ms [name]"),
    ('auntie bev is the foster carer', 'auntie [name] is the foster carer'),
    ('uncle dai picks them up on fridays', 'uncle [name] picks them up on fridays'),
    ('she lives with aunty jacqui now', 'she lives with aunty [name] now'),
    ('he calls her auntie shaz', 'he calls her auntie [name]'),
    ('the carers, auntie lorraine and uncle pete, are lovely', 'the carers, auntie [name] and uncle [name], are lovely'),
    ('yr athro, mr evans, said he was fine', 'yr athro, mr [name], said he was fine'),
    ("her name's chloé but she writes chloe", "her name's [name] but she writes [name]"),
    ('the boy is called zoe with no accent, zoe with an e', 'the boy is called [name] with no accent, [name] with an e'),
    ('his mum is renee, well renée really', 'his mum is [name], well [name] really'),
    ('the worker, jose, speaks spanish', 'the worker, [name], speaks spanish'),
    ('the social worker was sinead, sinéad', 'the social worker was [name], [name]'),
    ('ask siobhan, siobahn, whatever her name is', 'ask [name], [name], whatever her name is'),
    ("the boy's name is mohammad, mohammed in the letter", "the boy's name is [name], [name] in the letter"),
    ('she gave him the number of her friend, kiera', 'she gave him the number of her friend, [name]'),
    ("mia's mum, becky, called the duty line", "[name]'s mum, [name], called the duty line"),
    ('i told her "you\'re not safe with jamie"', 'i told her "you\'re not safe with [name]"'),
    ('the note said "from nana jean with love"', 'the note said "from nana [name] with love"'),
    ('the card said "to mummy, love from harley"', 'the card said "to mummy, love from [name]"'),
    ('he signed it "love macey xx"', 'he signed it "love [name] xx"'),
    ('the kid we call "little t" is jordan\'s brother', 'the kid we call "[name]" is [name]\'s brother'),
    ('his sister rhiannon who lives in cardiff', 'his sister [name] who lives in [place]'),
    ("my key worker gemma says it's fine", "my key worker [name] says it's fine"),
    ("it's my nan june and my grandad alan", "it's my nan [name] and my grandad [name]"),
    ('the foster dad, uncle raj, drove us', 'the foster dad, uncle [name], drove us'),
    ('me and stacey-leigh walked home', 'me and [name] walked home'),
    ('the girl jade-louise said it was her', 'the girl [name] said it was her'),
    ("she's called ffion-haf", "she's called [name]"),
    ('his cousin dewi-lloyd came too', 'his cousin [name] came too'),
    ('her brother, cai, is in year 11', 'her brother, [name], is in year 11'),
    ('the twins, macie and maddison, are in year 3', 'the twins, [name] and [name], are in year 3'),
    ('the year 11s, like ryan and josh, were kicking off', 'the year 11s, like [name] and [name], were kicking off'),
    ('i was in 9W with kayla and demi', 'i was in [place] with [name] and [name]'),
    ('my form tutor mr bailey knows', 'my form tutor mr [name] knows'),
    ("he's in set 3 for maths with ms chaudhry", "he's in set 3 for maths with ms [name]"),
    ("she went to tianna's party", "she went to [place]'s party"),
    # "kacey" a listed first name since round 62: the person, no place
    ("we went round to kacey's house", "we went round to [name]'s house"),
    ("it was at gemma's mum's house", "it was at [name]'s mum's house"),
    ("at jordan's nan's, that's where he stays", "at [name]'s nan's, that's where he stays"),
    ("she stays at uncle stevie's on weekends", "she stays at uncle [name]'s on weekends"),
    ('he messaged tanisha on snapchat', 'he messaged [name] on snapchat'),
    ('she rang her mate leah at midnight', 'she rang her mate [name] at midnight'),
    ('her best mate, kelsey, told the teacher', 'her best mate, [name], told the teacher'),
    ('his ex, danielle, has the kids', 'his ex, [name], has the kids'),
    ('the boyfriend, tyler, is 19', 'the boyfriend, [name], is [age]'),
    ('the baby is called nevaeh', 'the baby is called [name]'),
    ("the baby's name is oakley", "the baby's name is [name]"),
    ('they named the baby river-jay', 'they named the baby [name]'),
    ('his son is called bear', 'his son is called [name]'),
    ('the lads called him "big dan"', 'the lads called him "[name]"'),
    ('"is that you, sophie?" she shouted', '"is that you, [name]?" she shouted'),
    ('"where\'s kai?" mum said', '"where\'s [name]?" mum said'),
    ('he screamed "get off me, ashley"', 'he screamed "get off me, [name]"'),
    ('the text from "mum" said ring nathan', 'the text from "mum" said ring [name]'),
    ('she kept asking for her mam, debbie', 'she kept asking for her mam, [name]'),
    ("her mam's called gaynor", "her mam's called [name]"),
]

_OPEN: list[tuple[str, str]] = []
_OPEN_CLOSED_BY_ROUND_32 = [("dwi'n nabod ei thad, gareth", "dwi'n nabod ei thad, [name]")]

_KEPT = [
    'she was in a mood all day',
    'the rip current took the boat',
    'he wrote rest in peace on the card',
    'the tattoo parlour on the high street',
    'she has a plaster on her wrist',
    'the dog was called names by the kids',
    'the cat sat on the mat',
    'we got a puppy for christmas',
    'the rabbit hutch needs cleaning',
    "she's in year 7 now",
    "he's in class with his mates",
    'the class teacher rang',
    'his form tutor knows',
    "he's in set 3 for maths",
    'the foster carer is lovely',
    'she calls her foster carer mum',
    'the carers are lovely',
    'auntie and uncle came round',
    'my uncle drove us',
    'her nan picks them up',
    "mae'r plant yn hapus",
    "mae hi'n byw gyda'i nain",  # was "[name] hi'n byw gyda'i nain"
    "roedd e'n poeni am yr ysgol",
    'dw i ddim yn gwybod',
    'diolch am y croeso',
    'the café on the corner',
    'we had crème brûlée',
    'it was a real cliché',
    'she applied for the rôle',
    'the naïve approach failed',
    'the text said ring me',
    'the message said see you soon',
    'he texted back ok',
    '"get in the car" she said',
    '"leave me alone" she told him',
    'she wrote love on the card',
    'the note said with love',
    'the card said happy birthday',
    'he signed the form',
    'her screen name is on the list',
    'the group chat was called the squad',
    'we used a code name in the plan',
    'he went to a party',
    'we went round to the house',
    'it was at the youth centre',
    'they stay at the hostel',
    "she stays at her dad's on weekends",
    'he messaged the school',
    'she rang her mate at midnight',
    'her best mate told the teacher',
    'the lad punched him',
    'his ex has the kids',
    'the boyfriend is nineteen',
    'the baby is due in may',
    "the baby's name is on the list",
    'they named the baby after nobody',
    'his son is called names at school',
    '"is that you?" she shouted',
    '"where\'s the car?" mum said',
    'he screamed at the top of his lungs',
    'the text from mum said ring back',
    'she was crying for her mam',  # was '[name] was crying for her mam'
    'she kept asking for her mam',
    'we did a bear hunt at nursery',
    'she was in the robin class',
    "he's in willow class",
    "they're in the oak class this year",
    'the year 11s were kicking off',
    'the year 6 leavers assembly',
    'she was the rose queen at the carnival',
    "he's a real joker",
    "she's a proper grafter",
    'he wrote "mum" on his arm',
    'the word "hope" is tattooed on her wrist',
    'it said "live laugh love"',
    'she got "faith" on her wrist',
    'he got a gold star at school',
    'the patrol car came',
    'it was a frank chat',
    'they played bingo at the centre',
]

# Ordinary sentences near the new shapes: kept before and after, but the two marked.
_SHAPES_KEPT = [
    "her son will help", "her nan may come round", "his dad said no", "her mum rose early", "auntie and uncle were there",
    "she changed her name to hide from him", "the text from mum said ring back", "she'll miss out on the trip",
    "i miss home", "he plays football all day", "he plays with his brother", "the jack in the box", "the king and queen",
    "her screen name is on the list", 'the word "faith" is tattooed on her wrist', "he gave them the trainers",
    "our Lego set is in the loft", "mae'r plant yn hapus", "the tea, or coffee, was cold",
    "she was crying for her mam",  # was '[name] was crying for her mam'
    "she was in the car with them",  # was '[name] was in the car with them'
    "she sent it to school", "he texted it to his mum", "she gave it to camhs", "we sent the referral to mash",
    "she showed it to ofsted", "he gave it to tesco", "she messaged to say sorry", "they passed it to edt",
]


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(
    _THINGS_AS_PERSON + _BORN_WHERE_THEN_WHEN + _SENT_TO + _LISTS_CHECKED + _RED_TEAM + _HELD + _CLOSED_BY_ROUND_32
    + _OPEN_CLOSED_BY_ROUND_32
)


test_words_that_look_like_names_are_kept = _rounds.kept(_THINGS_KEPT + _LISTS_KEPT + _KEPT + _SHAPES_KEPT)


def test_the_counts_are_as_written():
    written = _RED_TEAM + _HELD + _OPEN + _OPEN_CLOSED_BY_ROUND_32
    assert len(written) == 100 and len({t for t, _ in written}) == 100
    assert len(_KEPT) == 80 and len(set(_KEPT)) == 80


test_forms_left_open = _rounds.left_open(_OPEN + _LISTS_OPEN, move_to="_RED_TEAM")
