"""Seventy-sixth red-team round: over-redaction of everyday words, numbers said in part, hospitals' letters said in lower
case on the way there, and a hunt in the speech of real transcripts (UK spelling; every name, place and number invented,
each sentence written new for this round).

* Over-redaction of everyday words, each as a class.  A vehicle's make where a vehicle stands is no one's name ("a black
  audi was parked on the drive", "dad sold the peugeot", "he came on his yamaha": main gave "[name]" for each make a
  list of names holds), after an article, an owner or a colour, or before a word for a vehicle ("a peugeot van"); a
  make that is a given name too stays the person's after an owner alone or a verb ("his son harley", "we spoke to
  harley").  An everyday thing of a kind said by its colour after "a" is no one's mark ("he drives a white van", "she
  has a black dog", "he wears a grey hoodie", "she had a black eye": main gave "[detail]"); a make or a model owned, and
  the one known by a belonging ("drives a silver Corsa", "the bloke with the white van") stay details as rounds 15, 27,
  37 and 75 hold.  A word naming a kind of identifier is not the identifier ("his xbox gamertag is ...", "his psn id got
  banned", "his xbox username was changed", "her snap name is different now": main read the kind's word or what is said
  of the account as the handle); words of speech clipped short are no hospital's letters ("she went to the uni", "they
  went to the caff").
* A number's last figures said digit by digit in words, withheld as the written ones are ("it ends in four five six
  seven", "her number ends in double seven eight nine", "the last four digits are four five six seven"), and the written
  tails main kept ("it ends in 4567", "her mobile's last digits are 321", "the last four of her mobile are 4567"); a sum,
  a time, a year or a count stays ("she counted four five six seven of them", "it ends in two weeks", "it ends in 2019",
  "it ended with 200 people there").
* A hospital's letters in lower case where someone is moved there with the one moved after the verb ("they rushed him to
  the rvi", "mum took him up to the qe"), goes a way there ("we went over to the qe", "she had to go to the qe"), comes
  and goes ("she's been in and out of the qe"), is up at it or back in it, or after A&E ("in a&e at the qe").
* The hunt: 64 sentences with a person or a place in them, paraphrased from the spoken register of published transcripts
  (a duty social work call and a home visit debrief in IRISS's and SWAP's child protection case studies, a day in a
  council's children's social work team, oral histories of mining towns, interviews with youth workers; their words
  are not copied, their licences unclear).  Main withheld every person and place in them but one house's number said
  apart from its street ("she lives in Thornbury Crescent, it's number 14, the top flat": mended, class 4); two more are
  left open then (a number before a block's name, a local project's name; round 77 mended both); none was
  over-redacted.

Counts, measured on main (6f085e8d) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM holds the 39 main gave wrongly and the four round 77 mended, _HELD_EXACT the 41 it gave so
already, _KEPT the 31 kept (ten main redacted: above them); none is open.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave above each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # 1. a vehicle's make where a vehicle stands, read as a person's name
    # main: 'a black [name] was parked on the drive'
    ('a black audi was parked on the drive', 'a black audi was parked on the drive'),
    # main: 'the black [name] was seen outside the school again'
    ('the black Audi was seen outside the school again', 'the black Audi was seen outside the school again'),
    # main: 'dad sold the [name] last year'
    ('dad sold the peugeot last year', 'dad sold the peugeot last year'),
    # main: 'the [name] was outside the house'
    ('the tesla was outside the house', 'the tesla was outside the house'),
    # main: 'he came on his [name]'
    ('he came on his yamaha', 'he came on his yamaha'),
    # main: 'an old silver [name] kept driving past'
    ('an old silver toyota kept driving past', 'an old silver toyota kept driving past'),
    # main: 'the [name], [vehicle registration], was his'
    ('the Audi, KX17 PLM, was his', 'the Audi, [vehicle registration], was his'),
    # a belonging's words run on over what is said of it
    # main: 'he had a [detail]'
    ('he had a silver bmw parked outside', 'he had a [detail] parked outside'),
    # a word naming a kind of account after a platform, read as the handle, and what is said of the account
    # main: 'his xbox username was [handle]'
    ('his xbox username was changed', 'his xbox username was changed'),
    # main: 'her tiktok username was [handle]'
    ('her tiktok username was deleted', 'her tiktok username was deleted'),
    # main: 'his insta handle [handle] hacked'
    ('his insta handle got hacked', 'his insta handle got hacked'),
    # main: 'her snap name is [handle] now'
    ('her snap name is different now', 'her snap name is different now'),
    # main: 'his psn id [handle] banned'
    ('his psn id got banned', 'his psn id got banned'),
    # main: 'his discord name [handle]'
    ('his discord name changed', 'his discord name changed'),
    # main: 'his roblox username was [handle] in the chat'
    ('his roblox username was shared in the chat', 'his roblox username was shared in the chat'),
    # main: 'her snapchat id was [handle]'
    ('her snapchat id was hacked', 'her snapchat id was hacked'),
    # 2. a number's last figures said digit by digit in words, and written
    # main: kept
    ('it ends in four five six seven', 'it ends in [phone]'),
    # main: kept
    ('her number ends in four five six seven', 'her number ends in [phone]'),
    # main: kept
    ('the mobile ends with two two nine one', 'the mobile ends with [phone]'),
    # main: kept
    ('his number ends in double seven eight nine', 'his number ends in [phone]'),
    # main: kept
    ('she rang from a number ending four five six', 'she rang from a number ending [phone]'),
    # main: kept
    ('the last four digits are four five six seven', 'the last four digits are [reference]'),
    # main: kept
    ("her mobile's last digits are three two one", "her mobile's last digits are [phone]"),
    # main: kept
    ('it ends in 4567', 'it ends in [phone]'),
    # main: kept
    ("her mobile's last digits are 321", "her mobile's last digits are [phone]"),
    # main: kept
    ('the last four of her mobile are 4567', 'the last four of her mobile are [phone]'),
    # 3. a hospital's letters in lower case where someone is moved, goes a way there, or comes and goes
    # main: kept
    ('they rushed him to the rvi', 'they rushed him to the [place]'),
    # main: kept
    ('he got blue lighted to the qmc', 'he got blue lighted to the [place]'),
    # main: kept
    ('mum took him up to the qe', 'mum took him up to the [place]'),
    # main: kept
    ('she had to go to the qe', 'she had to go to the [place]'),
    # main: kept
    ("she's been in and out of the qe", "she's been in and out of the [place]"),
    # main: kept
    ('we went over to the qe', 'we went over to the [place]'),
    # main: kept
    ("he's up at the lgi with his chest", "he's up at the [place] with his chest"),
    # main: kept
    ('he ended up in a&e at the qe', 'he ended up in a&e at the [place]'),
    # main: kept
    ("she's back in the lgi", "she's back in the [place]"),
    # 4. found by the hunt: a house's number said apart from its street
    # main: "she lives in [address], it's number 14, the top flat"
    ("she lives in Thornbury Crescent, it's number 14, the top flat",
     "she lives in [address], it's [address], the top flat"),
    # main: "they're on [address], number 27"
    ("they're on Ashgrove Road, number 27", "they're on [address], [address]"),
    # main: "he's at number 9 on [address]"
    ("he's at number 9 on Mill Lane", "he's at [address] on [address]"),
    # main: "she's on [address], number 3a"
    ("she's on Cross Street, number 3a", "she's on [address], [address]"),
    # 5. open in round 76, mended in round 77 (see test_pii_round77): a number's start and end said apart, part of one
    # said alone, a house's number before a block's name, a local project's name
    # main: kept
    ("it's oh one one three, something, four nine six", "it's [phone], something, [phone]"),
    # main: kept
    ('the number was seven seven double nine, then I lost it', 'the number was [phone], then I lost it'),
    # main: "it's 14 [name] flats, the top one"
    ("it's 14 Thornbury flats, the top one", "it's [address], the top one"),
    # main: kept
    ('she goes to Bright Futures on a Tuesday', 'she goes to [place] on a Tuesday'),
]
# Redacted so on main as now (the hunt's sentences after the first ten).
_HELD_EXACT = [
    ('Harley said he was fine', '[name] said he was fine'),
    ('we spoke to harley', 'we spoke to [name]'),
    ('his son harley came round', 'his son [name] came round'),
    ('I spoke to Mercedes about it', 'I spoke to [name] about it'),
    ('the bloke with the white van', 'the bloke with the [detail]'),
    ('his psn name is darkwolf', 'his psn name is [handle]'),
    ('his xbox username is KayBee2009', 'his xbox username is [handle]'),
    ('her insta handle is lily_b_09', 'her insta handle is [handle]'),
    ('we went to the jr', 'we went to the [place]'),
    ('she ended up in the qe', 'she ended up in the [place]'),
    ('Bramwell Social Care, Kerry speaking, how can I help you?',
     '[name] Social Care, [name] speaking, how can I help you?'),
    ("her name is Tamsin, she's about twelve, and then there's Kyle and a wee baby, Poppy",
     "her name is [name], she's about [age], and then there's [name] and a wee baby, [name]"),
    ('Denise Harker, duty social worker, how can I help?', '[name], duty social worker, how can I help?'),
    ('just as you and Gemma left to see Shona Kettlewell, Bev rang in sick',
     'just as you and [name] left to see [name], [name] rang in sick'),
    ('Marie has been with the Ashworth team since 2011', '[name] has been with the [name] team since 2011'),
    ('Thank you, Bryony.', 'Thank you, [name].'),
    ("I want my baby back now, Louise, not when she's two", "I want my baby back now, [name], not when she's [age]"),
    ('he was born in Scunthorpe, well, Ashby really, Ashby near Scunthorpe',
     'he was born in [place], well, [name] really, [name] near [place]'),
    ("at, erm, Netherfield, that's where I went to school", "at, erm, [name], that's where I went to school"),
    ('my brothers are Callum and Dwayne', 'my brothers are [name] and [name]'),
    ('Desmond Pike is your dad, then?', '[name] is your dad, then?'),
    ('my nan and grandad were from Skelmanthorpe, just outside Huddersfield',
     'my nan and grandad were from [place], just outside [place]'),
    ("it's Frankie Ostrowski, O-S-T-R-O-W-S-K-I", "it's [name], [name]"),
    ('I was told the Ravensworth estate was a no-go area', 'I was told the [place] estate was a no-go area'),
    ("down at Kirkstall you'd see them using in the bus shelters",
     "down at [place] you'd see them using in the bus shelters"),
    ("he'd have to leave Barnsley to get a job", "he'd have to leave [council] to get a job"),
    ('that was the old Grimethorpe pit, and it just went', 'that was the old [name] pit, and it just went'),
    ('the Lidgett Lane youth club shut in 2015', 'the [place] shut in 2015'),
    ('my phone number was 875 3635 back then', 'my phone number was [phone] back then'),
    ("we went round to Tracey's with the police", "we went round to [name]'s with the police"),
    ("they sent her to Ryecroft, the children's home out near Ilkley",
     "they sent her to [name], the children's home out near [place]"),
    ('the foster carers, Pat and Colin, were brilliant with him',
     'the foster carers, [name] and [name], were brilliant with him'),
    ('she used to be at Holly Bank, the pupil referral unit', 'she used to be at [name], the pupil referral unit'),
    ('it was the Castleford lot, the older lads, that got him into it',
     'it was the [name] lot, the older lads, that got him into it'),
    ('the IRO, Janice, she chaired it', 'the IRO, [name], she chaired it'),
    ("she's in Year 9 at Outwood", "she's in Year 9 at [place]"),
    ("her partner's Polish, he works at the Asda in Pudsey", "her partner's Polish, he works at the Asda in [place]"),
    ("the little lad, Reece, he's nine now", "the little lad, [name], he's [age] now"),
    ('we met at the Costa on Briggate', 'we met at the Costa on [place]'),
    ("he'd gone missing again, we found him in Roundhay Park", "he'd gone missing again, we found him in [address]"),
    ("our Kayleigh's been in care since she was three", "our [name]'s been in care since she was [age]"),
]
# Kept on main as now (the first ten main redacted: what main gave above each).
_KEPT = [
    # main: 'his dad drives a [detail]'
    'his dad drives a black taxi',
    # main: 'she has a [detail]'
    'she has a black dog',
    # main: 'he wears a [detail]'
    'he wears a grey hoodie',
    # main: 'she had a [detail] when she came in'
    'she had a black eye when she came in',
    # main: 'he had a [detail]'
    'he had a blue bike',
    # main: "she's got a [detail]"
    "she's got a silver car",
    # main: "mum's new fella has a [detail] van"
    "mum's new fella has a peugeot van",
    # main: 'she went to the [place]'
    'she went to the uni',
    # main: 'they went to the [place]'
    'they went to the caff',
    # main: 'he went up the [place]'
    'he went up the rec',
    'she counted four five six seven of them',
    'the scores were four five six seven',
    'it ends in two weeks',
    'it ends in 2019',
    'the film ends in three parts',
    'she went over to the SMT',
    'she had to go to the AGM',
    'they rushed him to the front',
    "he's up at the top with his mates",
    'she was number 3 in the queue',
    'he was number one for years',
    'it ends in 100 metres',
    'it ended with 200 people there',
    'which ended with 300 of them',
    "we'd rather talk inside the flat than out on the landing",
    'I said it to the lass on the front desk',
    'one of them whose brother comes here joined in',
    "there's some thick blue lines, that's the M62 or the A58",
    'we built a set of B&Q drawers with the lads',
    'Ofsted came in March and we got requires improvement',
    'we were in intervention after the inspection in 2013',
]
# Still open: none (round 77 mended the four).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(43, 41, 31, 0))
