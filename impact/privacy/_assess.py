"""Whether a redacted quote is clean enough to publish.

Redaction finds most personal details, not all.  :func:`assess_quote` reads a
quote *after* :func:`impact.privacy.redact` and lists the signs that a detail
may have been missed; a quote with any sign is not publishable.  A quote that
is dropped costs little; a name that is published cannot be taken back, so
the signs are deliberately broad:

``digits``
    a run of five or more digits (spaces, dots and dashes between them
    allowed; slashes in a run of seven digits or more, "2014/0456"), other
    than years ("2013", "2013/14") and grouped amounts ("45,000").
``at_sign``, ``web``
    an "@", or a web or mail domain ("www.", "http", ".com", "dot uk",
    "gmail") outside a redaction token.
``address``
    a house number before a street word ("12 ... Road"), or a capitalised word
    before a street word ("Oak Road").
``name_position``
    a word after a title, kinship or role word ("Mrs", "her son", "social
    worker") that is not a redaction token and is capitalised or no English
    word; a post's noun after a grade's word ("the Lead Inspector", "our
    Lead Member") is one post, no sign.
``capitals``
    a word in capitals of four letters or more that is neither English nor a
    known acronym ("OKONKWO"); an acronym's plural ("JTAIs") is none.
``unknown_word``
    a lower-case word that is neither English nor field vocabulary (a name
    written in lower case, "kyyem").
``identifier_context``
    a phrase that introduces a personal detail ("NHS number", "date of
    birth", "my mobile", "lives at", "Instagram", "reg") with no redaction
    token in the 40 characters after it.
``age``
    "year old", "years old" or "y/o" left beside a number.
``unique_role``
    the speaker names a post that one person holds in a council or its
    safeguarding partnership ("I'm the DCS", "as the lead member, I ...", "in
    my role as independent chair", "I'm now the interim DCS", "I was appointed
    chief exec", "I chair the safeguarding partnership", "Being the DCS, I
    ...", "as leader, I asked", "I became leader in 2019", "my job is head of
    the virtual school", "I took on the LADO role", "I hold the children's
    portfolio", "I chair the corporate parenting panel", "I manage the MASH",
    "I'm the only principal educational psychologist here", "I'm responsible
    for all of children's services"), or such a post stands beside a redacted
    name ("the DCS, Ms [name], came"), or a post is said of anyone to be the
    only one where the quote is set ("the only team manager in the borough",
    "the Assistant Director, the only one we have,"): with the council, or its
    pseudonym and the wave, such a quote points to one person. Posts that many hold ("I'm a
    social worker", "as a team manager", "as team leader", "as a leader"), a
    post spoken of alone ("our DCS was off sick") and "as" reporting another's
    words ("as the DCS said") are no sign.
``post_holder_private``
    a post one person holds (the bundled ``privacy/single_posts.txt``: the
    chief executive, the DCS, the lead member, the principal social worker,
    the LADO, a head of service, the performance manager ...) said with the,
    our or their council's article, in the same sentence as a private matter
    of that person: their past ("used to be a social worker here", "started
    out as"), their health ("off sick", "signed off", "pregnant"), their
    leaving ("is retiring", "handed in her notice", "was suspended"), their
    hours ("is part-time", "works three days") or their family ("her husband",
    "going through a divorce"), or in the next sentence of "she", "he" or
    "they" with no one else named between ("Our DCS left in March. She had
    been off sick for months."); the posts' shortenings in real use count
    ("our AD", in capitals only; "the CEO", "our VSH").  Anyone in the council
    knows who holds the post, so the detail is theirs, and the quote is
    withheld.  A post spoken
    of with its work ("the DCS came to the review"), a post many hold ("a
    social worker was off sick"), and a post "a" or "every" holder of
    elsewhere ("a lead member from another authority retired") are no sign,
    nor is a post before a noun of its work ("the LADO process", "the DCS
    report", "the principal social worker role"): its work, not its holder.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import regex as re

from ._lexicon import _lines, english_words, lazy_compile, plain_text, public_phrases, public_terms
from ._names import (
    _ACRONYM_PLURAL_RE,
    _TITLES,
    GRADE_WORDS,
    KINSHIP_ROLE_WORDS,
    _post_noun,
    _tokens,
)
from ._redact import KEEP_PHRASES

__all__ = ["RISK_SIGNS", "assess_quote", "assess_quotes"]

#: The signs :func:`assess_quote` looks for, in the order they are reported.
RISK_SIGNS: tuple[str, ...] = (
    "digits", "at_sign", "web", "address", "name_position", "capitals", "unknown_word", "identifier_context", "age",
    "unique_role", "post_holder_private",
)

_TOKEN_RE = lazy_compile(r"\[(?:[A-Za-z]+(?: [A-Za-z]+)*)\]")
_DIGITS_RE = lazy_compile(r"(?<![\d,.])\d(?:[ \t.\-\u2010-\u2014/]?\d){4,}(?![\d])")
_YEARS_RE = lazy_compile(r"^(?:(?:19|20)\d\d(?:[ \t]*[/\-\u2013][ \t]*(?:(?:19|20)?\d\d))?[ \t,]*)+$")
_WEB_RE = lazy_compile(
    r"www\.|https?:|\.(?:com|org|net|co\.uk|gov\.uk|ac\.uk|nhs\.uk|sch\.uk|uk)\b|\bdot[ \t]+(?:com|uk|org|net|gov)\b|"
    r"\b(?:gmail|hotmail|outlook|yahoo|btinternet|icloud|googlemail|live\.co)\b",
    re.IGNORECASE,
)
_STREET = (
    r"(?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews|Walk|Rise|Square|Way|Place|Court)"
)
_ADDRESS_RE = lazy_compile(
    rf"\b\d{{1,4}}[a-zA-Z]?,?[ \t]+(?:[\p{{L}}'’\-]+[ \t]+){{1,3}}(?i:{_STREET})\b|"
    rf"(?<![.!?][ \t])\b\p{{Lu}}[\p{{L}}'’\-]+[ \t]+{_STREET}\b",
    re.VERSION1,
)
_CONTEXT_RE = lazy_compile(
    r"\b(?:nhs[ \t]+(?:no|number)|national[ \t]+insurance|\bni[ \t]+(?:no|number)|upn|pupil[ \t]+number|date[ \t]+of[ \t]+birth|"
    r"d\.?o\.?b\b|born[ \t]+(?:on|in)|birthday|post[ \t]?code|lives?[ \t]+(?:at|on)|living[ \t]+(?:at|on)|address[ \t]+is|"
    r"my[ \t]+(?:mobile|number|phone|email|e-mail)|phone[ \t]+number|mobile[ \t]+number|e-?mail[ \t]+(?:is|address)|"
    r"instagram|insta|tiktok|snapchat|facebook|twitter|username|handle|reg(?:istration)?[ \t]+(?:no|number|plate)?|"
    r"number[ \t]?plate|case[ \t]+(?:no|number|ref)|ref(?:erence)?[ \t]+(?:no|number)|my[ \t]+name[ \t]+is|called)\b",
    re.IGNORECASE,
)
_AGE_RE = lazy_compile(r"\d[ \t\-]*(?:years?|yrs?|months?)[ \t\-]*old|\byears?[ \t\-]old\b|\b\d+[ \t]?(?:yo|y/o)\b", re.IGNORECASE)
# Posts one person holds in a council or its safeguarding partnership, as a speaker names their own.
_UNIQUE_POSTS = (
    r"dcs|director[ \t]+(?:of|for)[ \t]+children'?s[ \t]+services|"
    r"(?:(?:corporate|strategic|executive|assistant|deputy)[ \t]+)?director[ \t]+(?:of|for)[ \t]+"
    r"(?:children|education|people|safeguarding|social[ \t]+care|early[ \t]+help|adults?|learning|families)|"
    r"(?:(?:assistant|deputy)[ \t]+)?chief[ \t]+exec(?:utive)?|(?:deputy[ \t]+)?(?:council[ \t]+leader|leader[ \t]+of[ \t]+the[ \t]+council)|"
    r"deputy[ \t]+leader|lead[ \t]+member|opposition[ \t]+leader|"
    # the posts the field names otherwise, each held by one person in a council, its health body or its police
    r"head[ \t]+of[ \t]+(?:children'?s[ \t]+)?(?:social[ \t]+care|children'?s[ \t]+services)|statutory[ \t]+director|"
    r"chief[ \t]+officer[ \t]+(?:for|of)[ \t]+children|director[ \t]+of[ \t]+public[ \t]+health|dph|"
    r"chair[ \t]+of[ \t]+(?:the[ \t]+)?(?:children'?s[ \t]+)?(?:overview[ \t]+and[ \t]+)?scrutiny|scrutiny[ \t]+chair|"
    r"chief[ \t]+constable|police[ \t]+and[ \t]+crime[ \t]+commissioner|"
    r"head[ \t]+of[ \t]+(?:the[ \t]+)?youth[ \t]+(?:offending|justice)[ \t]+(?:service|team)|"
    r"(?:yot|yos|yjs|youth[ \t]+(?:offending|justice)(?:[ \t]+(?:service|team))?)[ \t]+manager|"
    r"named[ \t]+(?:gp|doctor|nurse)|"
    r"(?:elected|cabinet|executive|lead)[ \t]+member[ \t]+(?:responsible[ \t]+for|who[ \t]+(?:covers|holds|leads[ \t]+on|"
    r"is[ \t]+responsible[ \t]+for))[ \t]+children|"
    r"(?:cabinet[ \t]+)?portfolio[ \t]+holder|cabinet[ \t]+member[ \t]+for|independent[ \t]+chair|"
    r"independent[ \t]+scrutineer|"
    r"(?:lscb|lscp|board|partnership)[ \t]+chair|chair[ \t]+of[ \t]+the[ \t]+(?:lscb|lscp|board|partnership|"
    r"(?:local[ \t]+)?safeguarding[ \t]+(?:children[ \t]+)?(?:board|partnership))|principal[ \t]+social[ \t]+worker|"
    r"monitoring[ \t]+officer|(?:elected[ \t]+)?mayor|lado|local[ \t]+authority[ \t]+designated[ \t]+officer|"
    r"virtual[ \t]+school[ \t]+head(?:teacher)?|head[ \t]+of[ \t]+(?:the[ \t]+)?virtual[ \t]+school|"
    r"designated[ \t]+(?:doctor|nurse)"
)
# What a post said or did, after "as": another's words reported ("as the chief executive said"), not the speaker's post.
_SAYS = (r"said|says|put[ \t]+it|wanted|wants|asked|asks|suggested|told|did|does|had|has|was|is|would|will|promised|"
         r"explained|noted|argued|pointed|mentioned|hoped|expected|requested|agreed|thought|thinks|knows|knew|felt")
# The speaker taking a post as their own: "I'm (now) the ...", "as ...", "I took over as ...", "I was appointed ...",
# "I've been the council's ...", "being the ..." of themselves ("Being the DCS, I ...", "me being the lead member"; not
# "her being the DCS"), "my job is ...", "I took on the LADO role"; not "such as the DCS", "as the DCS said".  A chair the
# speaker holds of any board, panel or committee ("I chair the safeguarding partnership", "I chair the corporate
# parenting panel"), a portfolio the speaker holds ("I hold the children's portfolio"), a service one per council the
# speaker runs ("I manage the MASH", "I head up the youth justice service"), any post the speaker says is theirs alone
# ("I'm the only principal educational psychologist here", "as the only black manager in the department"), and a post
# said to be the speaker's ("the person who chairs our MASH board is me") or the whole of children's services said to be
# the speaker's charge ("I'm responsible for all of children's services") point to one person too.
_ROLE_NOUN = (r"(?:worker|manager|officer|carer|lead|head|headteacher|director|member|chair|psychologist|nurse|doctor|gp|"
              r"teacher|councillor|practitioner|advis[eo]r|co-?ordinator|therapist|consultant|analyst|mentor|supervisor|"
              r"commissioner|paediatrician|psychiatrist|solicitor|lawyer|governor|iro|lado|senco|dsl|midwife|visitor|"
              r"clinician|counsellor|inspector|specialist|caseworker)")
_ROLE_RE = lazy_compile(
    r"\b(?:(?:i'?m|i[ \t]+am|i[ \t]+was|i'?ve[ \t]+been|i[ \t]+have[ \t]+been|i[ \t]+became|i[ \t]+was[ \t]+"
    r"(?:appointed|made)(?:[ \t]+as)?|(?<!\b(?:such|well|much|same|soon|long|just|far)[ \t]+)(?P<as>as)|(?:in[ \t]+)?my[ \t]+(?:role|job|time)[ \t]+as"
    r"|(?:(?<=\b(?:me|my)[ \t]+)|(?<![\p{L}'’,][ \t]*))being|my[ \t]+(?:job|role|post|position)(?:[ \t]+title)?[ \t]+(?:is|was)(?:[ \t]+as)?"
    r"|i[ \t]+(?:took|take|have[ \t]+taken|'ve[ \t]+taken)[ \t]+(?:on|over)(?:[ \t]+the[ \t]+role[ \t]+of)?)"
    r"(?:[ \t]+(?:now|currently|still|also|just))?"
    r"[ \t]+(?:(?:the|their|our|your|this[ \t]+council'?s|the[ \t]+council'?s|new|interim|acting|then|former)[ \t]+)*"
    r"(?:" + _UNIQUE_POSTS + r")(?(as)(?![ \t]+(?:" + _SAYS + r")\b))"
    r"|i[ \t]+(?:now[ \t]+|also[ \t]+)?(?:co-?)?chair(?:ed)?[ \t]+(?:the|our)[ \t]+(?:[\p{L}'’\-]+[ \t]+){0,4}?"
    r"(?:board|partnership|panel|committee|forum)(?![\p{L}'’])"
    r"|i(?:'ve|[ \t]+have)?[ \t]+(?:now[ \t]+|also[ \t]+)?(?:hold|held|have|had|got)[ \t]+the[ \t]+(?:[\p{L}'’\-]+[ \t]+){0,3}?portfolio"
    r"|i[ \t]+(?:now[ \t]+|also[ \t]+)?(?:manage|managed|run|ran|head|headed|lead|led)(?:[ \t]+up)?[ \t]+(?:the|our)[ \t]+"
    r"(?:[\p{L}'’\-]+[ \t]+){0,3}?(?:service|mash|front[ \t]+door|yot|yos|yjs|virtual[ \t]+school)(?![\p{L}'’])"
    r"|(?:i'?m|i[ \t]+am|i[ \t]+was|(?<!\b(?:such|well|much|same|soon|long|just|far)[ \t]+)as)[ \t]+(?:the[ \t]+)?"
    r"(?:[\p{L}'’]+['’]s[ \t]+)?(?:only|sole|one[ \t]+and[ \t]+only)[ \t]+(?:(?:[\p{L}'’\-]+|\[[\p{L} ]+\])[ \t]+){0,3}?"
    + _ROLE_NOUN + r"(?![\p{L}'’])"
    r"|(?:i'?m|i[ \t]+am|i[ \t]+was)[ \t]+(?:(?:overall|ultimately|statutorily)[ \t]+responsible[ \t]+for[ \t]+(?:all[ \t]+(?:of[ \t]+)?)?"
    r"|responsible[ \t]+for[ \t]+all[ \t]+(?:of[ \t]+)?)(?:the[ \t]+(?:council'?s[ \t]+)?)?children'?s[ \t]+(?:social[ \t]+care|services)"
    # "leader" alone as the speaker's own post, no team, group or article of many before it ("as leader, I asked", "I
    # became leader in 2019", "I'm the leader"): as councils say it, the council's leader, one person ("as team
    # leader", "as a leader", "the leader of a small team" are many)
    r"|(?:i'?m|i[ \t]+am|i[ \t]+was|i[ \t]+became|i[ \t]+was[ \t]+(?:elected|made|appointed)(?:[ \t]+as)?"
    r"|(?<!\b(?:such|well|much|same|soon|long|just|far)[ \t]+)as)"
    r"(?:[ \t]+(?:now|currently|still|also|just))?[ \t]+(?:(?:the|new|interim|acting|then|former)[ \t]+)*leader"
    r"(?=[ \t]*(?:[,.;:!?)\-\u2013\u2014]|\Z)|[ \t]+(?:i|we|and|so|but|because|when|of[ \t]+the[ \t]+(?:[\p{L}'’]+[ \t]+)?"
    r"opposition|(?:in|since|until|from)[ \t]+(?:19|20)\d\d|for[ \t]+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|many|several|some)[ \t]+(?:years?|months?))(?![\p{L}'’]))"
    r"|the[ \t]+(?:person|one)[ \t]+who[ \t]+(?:chairs|runs|manages|leads|heads)(?![\p{L}])[^.!?;\n]{1,60}?"
    r"[ \t]+(?:is|was)[ \t]+me)\b",
    re.IGNORECASE | re.VERSION1,
)
# A post one person holds named beside a person whose name was redacted ("the Director of Children's Services, Ms
# [name], came", "[name], our lead member, said", "Lead Member Cllr [name]"): the post names whom the redaction hid.
_TITLE = r"(?:(?:mrs|mr|ms|miss|mx|dr|prof|cllr|councillor|sir|dame|lord|lady)\.?[ \t]+)"
_POST_BESIDE_NAME_RE = lazy_compile(
    r"\b(?:" + _UNIQUE_POSTS + r")(?:[ \t]*[,(:\-\u2013\u2014][ \t]*|[ \t]+(?:is|was|called|named)[ \t]+|[ \t]+)" + _TITLE + r"?\[name\]"
    r"|\[name\][ \t]*(?:[,(\-\u2013\u2014][ \t]*|[ \t]+is[ \t]+|[ \t]+was[ \t]+)"
    r"(?:(?:the|our|their|your|my|new|interim|acting|then|former)[ \t]+)*(?:" + _UNIQUE_POSTS + r")\b",
    re.IGNORECASE,
)
# A post said of anyone to be held by one person alone where the quote is set: "the only" or "the sole" post-holder in
# the borough, the council, the team, or "we have" ("Mr [name] was the only team manager in the borough", "the only IRO
# we have"), the speaker's body's only one ("our only educational psychologist"), or a post set off as the only one
# there is ("the Assistant Director, the only one we have,"): with the
# council named or its pseudonym and the wave, one person.  "the only social worker who listened" says nothing of how
# many there are.
_PLACE_OF_ONE = (r"(?:[ \t]+(?:in|at|for|across|on|within)[ \t]+(?:(?:the|this|our|their|a|my|your)[ \t]+)?(?:[\p{L}'’\-]+[ \t]+){0,3}?"
                 r"(?:borough|council|county|authority|area|trust|city|district|service|department|directorate|team|"
                 r"partnership|region|town|patch|division|unit|la)(?![\p{L}'’])"
                 r"|[ \t]+(?:we|they|the[ \t]+council|the[ \t]+borough)[ \t]+(?:have|has|had|['’]ve|['’]d|employ|employs|employed)"
                 r"(?![\p{L}'’])|[ \t]+(?:here|there)(?![\p{L}'’]))")
_ONLY_POST_RE = lazy_compile(
    r"\b(?:(?P<our>our)|the|their|its|your)[ \t]+(?:only|sole|one[ \t]+and[ \t]+only)[ \t]+(?:(?:[\p{L}'’\-]+|\[[\p{L} ]+\])[ \t]+){0,3}?"
    + _ROLE_NOUN + r"s?(?![\p{L}'’])(?(our)|" + _PLACE_OF_ONE + r")"
    + r"|\b(?:" + _UNIQUE_POSTS + r"|" + _ROLE_NOUN + r")[ \t]*,[ \t]*(?:the|our)[ \t]+only[ \t]+one" + _PLACE_OF_ONE,
    re.IGNORECASE | re.VERSION1)
# A private matter of a person, said in the sentence that names their post: their past, their health, their leaving,
# their hours, their family.  Each is a clause of its own kind, not a word that work talk uses too ("the DCS left us a
# plan", "the DCS took notice" are not leaving; "in hospital", not "the hospital trust").
_PRIVATE_MATTER = (
    # past
    r"used[ \t]+to[ \t]+(?:be|work|run|live|teach)|was[ \t]+once|(?:started|began)(?:[ \t]+(?:out|off))?[ \t]+as|"
    r"trained[ \t]+as|came[ \t]+up[ \t]+through|before[ \t]+(?:he|she|they)[ \t]+(?:became|was|were|joined|came)|"
    r"grew[ \t]+up|was[ \t]+in[ \t]+care|a[ \t]+care[ \t]+leaver|"
    # health
    r"off[ \t]+(?:sick|ill|with[ \t]+stress|work[ \t]+ill)|sick[ \t]+leave|signed[ \t]+off|(?:is|was|been|fell|falls)"
    r"[ \t]+(?:seriously[ \t]+|very[ \t]+|really[ \t]+)?(?:ill|unwell|poorly)|illness|cancer|chemo(?:therapy)?|"
    r"in[ \t]+hospital|had[ \t]+(?:a|an|her|his|their)[ \t]+(?:operation|stroke|heart[ \t]+attack|breakdown|baby)|"
    r"breakdown|pregnan(?:t|cy)|maternity|paternity|diagnos(?:ed|is)|bereave(?:d|ment)|mental[ \t]+health[ \t]+"
    r"(?:problems?|issues?|struggles?)|depression|"
    # leaving
    r"retir(?:e|es|ed|ing|ement)|resign(?:s|ed|ing|ation)?|stepp(?:ing|ed)[ \t]+down|steps[ \t]+down|"
    r"(?:handed|handing|hand|hands)[ \t]+in[ \t]+(?:her|his|their)[ \t]+notice|on[ \t]+(?:her|his|their)[ \t]+notice|"
    r"(?:was|been|got|is|being)[ \t]+(?:sacked|dismissed|suspended|let[ \t]+go|made[ \t]+redundant|pushed[ \t]+out)|"
    r"(?:is|was|are|were)[ \t]+leaving|(?:has|had|'s)[ \t]+left|left[ \t]+(?:in|last|after|under)|"
    r"(?:is|was)[ \t]+moving[ \t]+on|moved[ \t]+on|last[ \t]+day|"
    # hours
    r"part[ \t\-]?time|job[ \t\-]share|term[ \t\-]time[ \t]+only|(?:reduced|compressed)[ \t]+hours|"
    r"(?:works?|working|does|doing|only[ \t]+in)[ \t]+(?:one|two|three|four|[1-4])[ \t]+days|"
    # family and private life
    r"(?:her|his|their)[ \t]+(?:husband|wife|partner|kids|son|daughter|baby|mum|dad|mother|father|divorce|marriage|"
    r"wedding|religion|faith)|divorced?|separated|got[ \t]+married|getting[ \t]+married|"
    r"(?:is|was|turned|turns)[ \t]+(?:\d{2}|sixty|seventy|fifty|forty)(?![\p{L}\d])"
)
# A post one person holds said as that person: after the, our, their or the council's ("our performance manager", "the
# council's chief executive", "our new interim DCS"), not after "a", "every", "another" or a plural.
_POST_MODIFIER = r"(?:(?:new|old|interim|acting|former|previous|current|then|last|assistant|deputy|joint)[ \t]+)*"


def _post_form(post: str) -> str:
    """A post of ``privacy/single_posts.txt`` as a pattern: its words apart by spaces or tabs; a shortening written
    there in capitals ("AD") is matched in capitals only, as in lower case it is mostly an ordinary word ("an ad")."""
    form = r"[ \t]+".join(w.replace("'", "['’]?") for w in post.split())
    return f"(?-i:{form})" if post.isupper() else form


# Nouns a post stands before as their modifier, the post's work and not its holder ("the LADO process", "the DCS
# report"; "the chief executive's office" is the holder's): the nouns of a post's work, its documents and its systems.
# No noun of the holder's own time ("the DCS visit", "the DCS appraisal", "the DCS retirement", "the DCS absence": the
# holder's), and no plural that is a verb too ("the DCS reports to the chief executive", "the LADO processes
# referrals": the holder).
_POST_OF_NOUNS = frozenset("""process procedure procedures report role roles post job jobs office offices service team
    teams function duty duties meeting meetings panel panels board forum forums budget portfolio vacancy vacancies
    position remit route referral referrals threshold thresholds form guidance protocol protocols system systems network
    conference conferences session sessions training briefing briefings update bulletin newsletter letter email inbox
    mailbox line helpline number list review audit plan strategy strategies policy policies scheme programme project
    group model framework pathway pathways hub unit contract handbook toolkit template templates website page advice
    decision decisions oversight rota agenda minutes caseload caseloads allegation allegations investigation
    investigations enquiry enquiries arrangements responsibilities responsibility standards regulations timescales data
    dashboard survey statement record consultation consultations assessment assessments""".split())
# A noun right after a post (see :data:`_POST_OF_NOUNS`); the post then stands for its work, not its holder.
_NOUN_AFTER_POST = (r"(?![ \t]+(?:" + "|".join(sorted(_POST_OF_NOUNS, key=len, reverse=True)) + r")(?![\p{L}'’\-]))")


@cache
def _post_re_text() -> str:
    """A post one person holds said as that person (see :data:`_POST_MODIFIER`), as a pattern; not a post before a
    noun of its work (:data:`_NOUN_AFTER_POST`: "the LADO process", "the DCS report")."""
    posts = sorted(set(_lines("privacy/single_posts.txt")), key=len, reverse=True)
    return (r"(?:(?:the|our|their|your|my)[ \t]+(?:(?:council|borough|authority|county|city)['’]s[ \t]+)?|"
            r"(?:the[ \t]+)?(?:council|borough|authority|county|city)['’]s[ \t]+)" + _POST_MODIFIER
            + r"(?>" + "|".join(map(_post_form, posts)) + r")(?![\p{L}'’])" + _NOUN_AFTER_POST)


# A verb reporting a post's words: what follows is what they said, not a matter of theirs ("the chief executive said
# the plan used to be a mess").
_REPORTING = (r"(?<![\p{L}])(?:said|says|told|tells|thinks|thought|felt|feels|argued|explained|wrote|announced|reported)"
              r"(?![\p{L}])")


@cache
def _post_holder_private_re() -> re.Pattern:
    post = _post_re_text()
    # the post and the private matter in one sentence, either first ("our DCS is retiring", "the retirement of our DCS"),
    # not past a verb reporting the post's words
    return re.compile(r"(?<![\p{L}])(?:" + post + r"(?:(?!" + _REPORTING + r")[^.!?;\n]){0,80}?(?<![\p{L}])(?:"
                      + _PRIVATE_MATTER + r")(?![\p{L}])"
                      r"|(?:" + _PRIVATE_MATTER + r")(?![\p{L}])[^.!?;\n]{0,40}?\b(?:of|for|from)[ \t]+" + post + r")",
                      re.IGNORECASE | re.VERSION1)


@cache
def _post_re() -> re.Pattern:
    return re.compile(r"(?<![\p{L}])" + _post_re_text(), re.IGNORECASE | re.VERSION1)


# The sentence after a post's: it opens (after a word or two that joins it on, "Sadly", "And then") with "she", "he" or
# "they", or "her", "his" or "their", and says a private matter of that person before any verb reporting words ("Our
# DCS left in March. She had been off sick for months.", "The lead member came. Her husband was ill.").
_NEXT_PRIVATE_RE = lazy_compile(
    r"[^.!?;\n]*?(?:[.!?]+|;)[\"'”’)]*[ \t]+(?:(?:and|but|so|then|sadly|unfortunately|apparently|actually|well|now|"
    r"obviously|of[ \t]+course|to[ \t]+be[ \t]+fair|in[ \t]+fact)[ \t,]+)*"
    r"(?=(?P<pro>she|he|they|her|his|their)(?![\p{L}]))(?P<gap>(?:(?!" + _REPORTING + r")[^.!?;\n]){0,80}?)"
    r"(?<![\p{L}])(?P<matter>" + _PRIVATE_MATTER + r")(?![\p{L}])",
    re.IGNORECASE | re.VERSION1)
# Who else "she", "he" or "they" could be: a person by their relation, role or a redacted name, or people ("the team",
# "staff"), said between the post and the private matter.
_OTHER_PEOPLE = frozenset("""team teams staff people inspectors councillors members leaders officers partners others both
    everyone everybody someone somebody anyone person woman man women men lady ladies gentleman colleague directors heads
    chair chairs mp minister inspector councillor officer member leader head director""".split())


@cache
def _other_people() -> frozenset[str]:
    """Whom else "she", "he" or "they" could be (relations, roles, person nouns, :data:`_OTHER_PEOPLE`): made once."""
    from ._detect import _PERSON_NOUNS

    return KINSHIP_ROLE_WORDS | _PERSON_NOUNS | _OTHER_PEOPLE


def _post_then_private(said: str) -> bool:
    """Whether a post one person holds is named and the next sentence says a private matter of "she", "he" or "they"
    with no one else between for the pronoun to be (see :data:`_NEXT_PRIVATE_RE`)."""
    others = _other_people()
    for post in _post_re().finditer(said):
        m = _NEXT_PRIVATE_RE.match(said, post.end())
        if m is None:
            continue
        between = _post_re().sub(" ", said[post.end() : m.start("pro")] + " " + m.group("gap"))
        if "[name]" in between or _TITLE_WORD_RE.search(between):
            continue
        if not any(w.casefold() in others for w in re.findall(r"[\p{L}'’\-]+", between)):
            return True
    return False


_TITLE_WORD_RE = lazy_compile(r"(?<![\p{L}])" + _TITLE + r"\S", re.IGNORECASE | re.VERSION1)


_NEVER_CAPS = frozenset("THE AND BUT FOR NOT YES WHAT WHEN THAT THIS THEY THEM HAVE WITH FROM WERE WILL SAID VERY REALLY".split())


@cache
def _keep_re() -> re.Pattern:
    phrases = sorted({*KEEP_PHRASES, *public_phrases()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")(?!\w)")


def _mask(text: str) -> str:
    """The text with redaction tokens (marked) and public phrases (blanked) masked, lengths kept."""
    text = _keep_re().sub(lambda m: " " * len(m.group()), text)
    return _TOKEN_RE.sub(lambda m: "\ue000" * len(m.group()), text)


def assess_quote(redacted: str) -> tuple[bool, tuple[str, ...]]:
    """Judge whether a redacted quote shows no sign of a missed personal detail.

    Parameters
    ----------
    redacted : str
        A quote after :func:`impact.privacy.redact`.

    Returns
    -------
    publishable : bool
        True when no risk sign was found.
    signs : tuple of str
        The signs found (names from :data:`RISK_SIGNS`, each once, in that order).

    Raises
    ------
    TypeError
        If ``redacted`` is not a str.

    Examples
    --------
    >>> assess_quote("The review gave us a real lift; [name] chaired the feedback.")
    (True, ())
    >>> assess_quote("Her son kyyem rang on 7700 90012.")
    (False, ('digits', 'name_position', 'unknown_word'))
    """
    if not isinstance(redacted, str):
        raise TypeError(f"`redacted` must be a str, not {type(redacted).__name__}.")
    plain = plain_text(redacted)[0]
    text = _mask(plain)
    signs: set[str] = set()
    for m in _DIGITS_RE.finditer(text):
        if not _YEARS_RE.match(m.group()) and ("/" not in m.group() or sum(c.isdigit() for c in m.group()) >= 7):
            signs.add("digits")  # with a slash, a case number (2014/0456), not a share (45/100)
    if "@" in text:
        signs.add("at_sign")
    if _WEB_RE.search(text):
        signs.add("web")
    if _ADDRESS_RE.search(text):
        signs.add("address")
    words, public = english_words(), public_terms()
    toks = _tokens(text)
    for i, tok in enumerate(toks):
        key = tok.key
        parts = tok.parts()
        ordinary = key in words or key in public or (parts and all(p in words or p in public for p in parts))
        if tok.shape == "lower" and not ordinary and len(key) >= 3:
            signs.add("unknown_word")
        if (tok.shape == "caps" and len(key) >= 4 and not ordinary and tok.text not in _NEVER_CAPS and key not in public
                and not _ACRONYM_PLURAL_RE.fullmatch(tok.text)):  # "JTAIs", "EHCPs": an acronym's plural, no surname
            signs.add("capitals")
        if i and (toks[i - 1].key in KINSHIP_ROLE_WORDS or toks[i - 1].key.rstrip(".") in _TITLES) and not (
                toks[i - 1].key in GRADE_WORDS and _post_noun(key, frozenset())):  # "The Lead Inspector": one post
            gap = text[toks[i - 1].end : tok.start]
            if gap.strip(" \t,:.") == "" and "\n" not in gap and (tok.shape in ("cap", "caps") and key not in public
                                                                   and not _sentence_start(text, tok.start)
                                                                   or tok.shape == "lower" and not ordinary):
                signs.add("name_position")
    for m in _CONTEXT_RE.finditer(text):
        if "\ue000" not in text[m.end() : m.end() + 40]:
            signs.add("identifier_context")
    if _AGE_RE.search(text):
        signs.add("age")
    said = plain.replace("\u2019", "'")  # unmasked: the post names are public phrases
    if (_ROLE_RE.search(said) or "[name]" in said and _POST_BESIDE_NAME_RE.search(said)
            or "only" in said and _ONLY_POST_RE.search(said)):
        signs.add("unique_role")
    if _post_holder_private_re().search(said) or _post_then_private(said):
        signs.add("post_holder_private")
    ordered = tuple(s for s in RISK_SIGNS if s in signs)
    return not ordered, ordered


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"


def assess_quotes(redacted: pd.Series) -> pd.DataFrame:
    """:func:`assess_quote` for every quote of a Series.

    Parameters
    ----------
    redacted : Series of str
        Redacted quotes (from :func:`impact.privacy.redact_series`); a missing
        quote is not publishable.

    Returns
    -------
    DataFrame
        Indexed like ``redacted``, with ``publishable`` (bool) and ``risk_signs``
        (the signs joined by ``";"``, ``""`` when none).

    Examples
    --------
    >>> import pandas as pd
    >>> assess_quotes(pd.Series(["Morale is up.", "Ring 0113 496 0000."], index=["q1", "q2"])).to_dict("index")
    {'q1': {'publishable': True, 'risk_signs': ''}, 'q2': {'publishable': False, 'risk_signs': 'digits'}}
    """
    if not isinstance(redacted, pd.Series):
        raise TypeError(f"`redacted` must be a pandas Series, not {type(redacted).__name__}.")
    rows = []
    for unit, text in redacted.items():
        if not isinstance(text, str):
            if pd.isna(text):
                rows.append((False, "missing"))
                continue
            raise TypeError(f"`redacted` must hold strings; the value at {unit!r} is {type(text).__name__}.")
        ok, signs = assess_quote(text)
        rows.append((ok, ";".join(signs)))
    out = pd.DataFrame(rows, index=redacted.index, columns=["publishable", "risk_signs"])
    out["publishable"] = out["publishable"].astype(bool)
    out["risk_signs"] = out["risk_signs"].astype(str)
    return out
