"""Finding people's names however they are written.

A name is found when a run of name-like words (capitalised, in capitals, or a
lower-case word that is a known name and not an ordinary word, joined by
spaces, name particles - Ní, Nic, Ó, Mac, ap, van, de, al- ... - and initials)
either

* holds a participant's name or a listed first name,
* holds a word that is not ordinary English and not a public term ("Okafor",
  "Siobhán", "Zebedee": names not in any list),
* stands in a name position: after a title ("Mrs", "Dr", "Cllr"), an
  introduction ("my name is", "called", "named") or a kinship or role word
  ("her son", "social worker", "foster carer"), or
* is a common surname that reads as an English word ("Mason", "Baker":
  :func:`~impact.privacy._lexicon.surname_words`) where a person is spoken
  of: before "said", "told" ..., with a possessive, after "I told", "spoke
  to" ... at the end of a phrase, listed beside a name ("Cook and Taylor"),
  after a first name in lower case ("jane baker") or a title ("mrs baker").

A name may wrap onto the next line of a transcript ("Jane\nSmith") when the
word after the line break would be taken for a name by itself.

Hyphenated and apostrophised names are one word (Smith-Jones, O'Brien), so a
name is never half redacted.  Names in capitals are judged on their
title-cased form ("JOHN SMITH" as "John Smith"), but an all-capitals word is
only taken for a name by a list, a name position or a lower-case neighbour of
the same name: capitals are mostly acronyms (CAMHS, LSCB).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain
from typing import Literal

import regex as re

from ._detect import (
    _COLOUR,
    _INCIDENT,
    _JOBS,
    _PLATFORMS,
    _SCHOOL_JOBS,
    _THING_NOUNS,
    _VEHICLE_BRANDS,
    _VEHICLE_MAKES,
    Span,
    plural_of_a_thing_done,
    saint_surname,
    thing_done_closed_up,
    thing_goes,
)
from ._lexicon import (
    FAMILY_ALTERNATION,
    FAMILY_WORDS,
    MESSAGE_ALTERNATION,
    age_groups,
    bare_word,
    communities,
    english_words,
    fold,
    folded_first_names,
    idiom_places,
    lazy_compile,
    proper_nouns,
    public_names,
    public_terms,
    role_initials,
    role_meanings,
    spoken_words,
    surname_words,
    thing_names,
    welsh_frequent_words,
    welsh_proper_words,
    welsh_words,
    word_places,
)

__all__ = ["FAMILY_ROLE", "NameFinder", "KINSHIP_ROLE_WORDS", "SPELT_OUT_RE", "ends_title_case", "is_public_word", "named_after_preposition", "month_range_after", "named_by_shape", "noun_after_determiner", "public_name_as_person", "said_of_person",
           "set_off_after_role", "things_named", "welsh_mutated_words",
           "welsh_field_labels", "welsh_sentence_words"]

_WORD_RE = lazy_compile(r"(?<![\p{N}_\p{L}\p{M}])(?>\p{L}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*)(?![\p{N}_])\.?", re.VERSION1)
_PARTICLES = frozenset(
    "ni nic o ua ui mac mc mhic ap ab van von der den de da di du le la al el bin ibn bint dos das del della "
    "y ter ten".split()
)
# Particles that may start a name in lower case ("al-Hassan" is one word already).
_SENTENCE_END = ".!?:;\n\r…"
_TITLES = frozenset(
    "mr mrs ms miss mx dr doctor prof professor cllr councillor sir dame lord lady rev revd reverend father sister "
    "inspector sergeant sgt detective judge justice pc dc ds di dci supt superintendent constable nurse matron "
    "imam rabbi pastor canon bishop aunty auntie uncle nan nana nanna nannan gran granny grandma grandad grandpa grampa "
    "granda pani "
    # a circuit judge's title in court papers and listings ("before HHJ Okafor")
    "hhj "
    # a councillor's title as the local press shortens it ("Coun Terry Okafor"), and a member's honorific ("the Hon.
    # Jane Okafor", "the hon. Member for ...")
    "coun couns hon "
    # police ranks as minutes' attendance lists shorten them ("Det Insp Carla Munroe", "Det Supt R. Hanley")
    "det insp "
    # the plural titles of minutes' lists ("Cllrs K Okafor, A Brennan and M Goldsmith", "Messrs Okafor and Patel")
    "cllrs drs messrs mmes profs".split()
)
#: Kinship and role words after which a word is taken for a name ("her son Tyler", "social worker Becky").
KINSHIP_ROLE_WORDS: frozenset[str] = frozenset(
    """son sons daughter daughters child children kid kids baby babies boy girl toddler teenager twin twins brother
    brothers sister sisters sibling siblings mum mom mam mummy mother dad daddy father stepdad stepfather stepmum
    stepmother step-dad step-mum parent parents nan nana gran granny grandma grandmother grandad grandpa grandfather
    nanna nannan grampa grandpop granda great-gran great-nan great-nana great-granny great-grandma great-grandad
    great-grandmother great-grandfather great-aunt great-aunty great-uncle aunt aunty auntie uncle cousin niece nephew partner husband wife boyfriend girlfriend fiance fiancee ex carer carers
    foster guardian friend friends neighbour neighbours colleague colleagues worker workers manager managers boss
    supervisor teacher teachers headteacher head headmaster headmistress deputy nurse visitor gp doctor officer
    practitioner keyworker key-worker sw iro chair lead director advisor adviser mentor therapist counsellor
    psychologist psychiatrist paediatrician consultant midwife solicitor lawyer barrister judge cllr councillor mp
    member client pupil student lad lass fella bloke woman man lady gentleman chap named called hv senco dsl pa tm cpn
    pcso vicar priest pastor nanny grandmama nain taid mamgu tadcu mate mates bestie host childminder babysitter tutor
    landlord landlady""".split()
    # relations named in the family's own language in English speech (Wiktionary's Hindi, Urdu, Punjabi, Polish,
    # Romanian, Yoruba and Igbo kinship terms, https://en.wiktionary.org/wiki/Category:hi:Family ...): "her masi in
    # brackmoor", "chacha imranul drives him", "babcia looks after them"
    + """nani nanni dadi dada chacha chachi chachu khala khalu phupho phuppo mamu mamoo masi mausi bhabhi bhaiya
    didi baji apa ammi abbu ammu babcia dziadek ciocia wujek bunica bunicu mamaie iya baba mama nne """
    # and Welsh, Spanish, Italian, German, Greek and Arabic grandparents' (Wiktionary's kinship terms of each): "bampi
    # collected him", "Nonna said", "Oma lives with them", "Yiayia and Pappou came", "Teta cooks"
    """bampi bamps mamo nonna nonno abuela abuelo abuelita abuelito oma opa yiayia yaya pappou papou teta jiddo
    sitto""".split()
)
_INTRO_RE = lazy_compile(
    r"(?:\bmy[ \t]+name[ \t]+is|\bmy[ \t]+name['’]s|\bi['’]m[ \t]+called|\bi[ \t]+am[ \t]+called|\bcall[ \t]+me|"
    r"\b(?:s?he|they|who)(?:[ \t]+(?:is|was|are|were)|['’](?:s|re))[ \t]+called|\b(?:nick)?named(?:[ \t]+(?:her|him|them))?|\bchristened|\bname[ \t]+of|\bknown[ \t]+as|"
    r"\bgoes[ \t]+by|\bsigned|\binitial(?:l)?ed|\b(?:wrote|written|put)[ \t]+(?:it|him|her|them)[ \t]+(?:down[ \t]+)?as|\bregards|\bthanks|\bcheers|\bspoke[ \t]+to|\bspeak[ \t]+to|\btalk(?:ed)?[ \t]+to|"
    r"\basked|\bask|\basks|\btold|\btell|\btells|\bemailed|\brang|\bphoned|\bmet|\bwith|"
    # a person missed, or told or asked about ("i miss zorbina", "she told us about gwion")
    r"\b(?:i|we|s?he|they|you|really|still|so|just)[ \t]+miss(?:es|ed)?|"
    r"\b(?:told|tell|tells|asked|talked|talks|spoke|heard)(?:[ \t]+(?:us|me|him|her|them|you))?[ \t]+about|"
    # a sign-off, the name on the line after it ("Thanks\nkacey x", "Kind regards,\nDJ")
    r"\b(?:regards|thanks|cheers|wishes|love(?:[ \t]+from)?)[ \t]*[,!.]?[ \t]*\r?\n|"
    # a message's closing words before who wrote it, after a comma or on the line after ("Ta, Hope", "Speak soon, Will",
    # "Take care,\nJoy")
    r"\b(?:ta|speak[ \t]+soon|talk[ \t]+soon|see[ \t]+you[ \t]+soon|take[ \t]+care|all[ \t]+the[ \t]+best|best[ \t]+wishes|"
    r"many[ \t]+thanks|thanks[ \t]+again|warm[ \t]+regards|with[ \t]+thanks)[ \t]*[,!](?:[ \t]*\r?\n)?)[ \t,:]*\Z",
    re.IGNORECASE | re.VERSION1,
)
# "Named" capitalised, or after a determiner, right before a word for a worker is a safeguarding post's title ("the
# Named Nurse", "Named Doctor", "our named GP"), not an introduction ("a nurse named Okafor", "a boy named Mason").
_NAMED_BEFORE_RE = lazy_compile(
    r"(?:(?<![\p{L}])(?i:the|a|an|our|their|your|her|his|my|its|each|every|as)[ \t]+(?i:named)|(?<![\p{L}])Named)[ \t]+\Z",
    re.VERSION1)
_WORD_AT_RE = lazy_compile(r"\p{L}+", re.VERSION1)
#: A nickname's own words before the name it holds ("little miss <name>", "big <name>", "young <name>").
_NICKNAME_WORDS = frozenset("little lil big young wee miss mister master baby".split())
# People whose name a form's label asks for ("Child's name:", "Name of mother:").
_NAME_OWNERS = (r"child|young[ \t]+person|person|baby|pupil|student|patient|client|victim|suspect|offender|"
                r"mother|father|parent|carer|guardian|sibling|brother|sister|son|daughter|partner|referrer|worker|"
                r"step-?(?:mother|father)|grand(?:mother|father)|"
                r"social[ \t]+worker|applicant|witness|deceased")
# A form's, a register's or a minute's label for a person's name, with its colon ("Name: John", "Forename(s): Tom",
# "Child's name: Grace", "Name of mother: Mary"), or a person's alone opening a line, a cell or a field ("Father:
# Peter", as a review's family composition lists them); "Name" bare there only, and a name's owner a person ("Name of
# school:" labels a body's).  What follows is a name where a first name or no English word opens it ("Father: Deceased",
# "Name: Unknown" are the form's words).
_NAME_LABEL_BEFORE_RE = lazy_compile(
    r"(?:(?:\A|[\n\r\t;|])[ \t]*(?:(?:full[ \t]+)?name(?:\(s\))?|(?P<owner>" + _NAME_OWNERS + r"))|\bfore[ \t]?names?(?:\(s\))?|"
    r"\b(?:given|christian|full|preferred)[ \t]+names?(?:\(s\))?|"
    rf"\b(?:{_NAME_OWNERS})(?:['’]s)?[ \t]+name(?:\(s\))?|\bname[ \t]+of[ \t]+(?:the[ \t]+)?(?:{_NAME_OWNERS}))[ \t]*:[ \t]*\Z",
    re.IGNORECASE | re.VERSION1)
# A role's words opening a line, a cell or a field before a colon ("Class teacher:", "Chair:", "SW:", "Mum:"); see
# NameFinder._position: the role's last word is a job's, a post's or a relation's.
_ROLE_LABEL_BEFORE_RE = lazy_compile(
    r"(?:\A|[\n\r\t;|,])[ \t]*(?:[-*•][ \t]*)?(?:\p{L}[\p{L}\-]*[ \t]+){0,2}(?P<role>\p{L}[\p{L}\-]*)"
    r"(?:[ \t]*:|[ \t]+[\-–—]|[ \t]*[–—])[ \t]*\Z",
    re.VERSION1)
_STRONG_INTRO_RE = lazy_compile(
    r"(?:\bmy[ \t]+name[ \t]+is|\bmy[ \t]+name['’]s|\bi['’]m[ \t]+called|\bi[ \t]+am[ \t]+called|\bcall[ \t]+me|"
    r"\b(?:s?he|they|who)(?:[ \t]+(?:is|was|are|were)|['’](?:s|re))[ \t]+called|\b(?:nick)?named(?:[ \t]+(?:her|him|them))?|\bchristened|\bname[ \t]+of|\bknown[ \t]+as|\bgoes[ \t]+by|"
    # another name of the same person: a maiden name, an alias, a nickname ("Jane Smith (née Brown)", "aka Smudge")
    r"\bn[ée]e|\ba\.?k\.?a\.?|\bformerly|\bcall(?:s|ed|ing)?[ \t]+(?:her|him|them)|\binitials(?:[ \t]+(?:are|were|is|was))?|\b(?:maiden|sur|first|last|middle|family|nick|pet)[ \t]?name(?:[ \t]+(?:is|was|of)|['’]s)?|"
    r"\bsurname(?:[ \t]+(?:is|was))?|"
    # the name of someone owned, the possessive written with or without its apostrophe ("his brothers name is")
    r"\b(?:my|his|her|their|our|your)[ \t]+\p{L}+(?:['’]s|s['’]?)[ \t]+name(?:[ \t]+(?:is|was)|['’]s))"
    # a nickname's own words before the name it holds ("known as little miss <name>", "calls him big <name>")
    rf"(?:[ \t,:]+(?:{'|'.join(sorted(_NICKNAME_WORDS))}))*"
    # the name perhaps in quotes ("we call her 'shaz'", "his nickname's 'jj'")
    r"[ \t,:]*['‘\"“]?\Z",
    re.IGNORECASE | re.VERSION1,
)
_ACTIONS = (
    r"said|says|told|tells|asked|asks|rang|rings|phoned|emailed|texted|wrote|replied|explained|thinks|thought|felt|feels|"
    r"agreed|reckons|reckoned|mentioned|suggested|chaired|chairs|led|leads|joined|came|went|left|took|sent|gave|"
    r"presented|organised|arranged|set[ \t]+up|did|does|was[ \t]+saying|has[ \t]+been|had[ \t]+been|and[ \t]+I|and[ \t]+me|"
    # what a review says of a child's life ("When Poppy died, aged 8 months", "Poppy lived with her mother")
    r"died|lived[ \t]+(?:with|in|at)|was[ \t]+born"
)
_SPEECH_AFTER_RE = lazy_compile(rf"^(?:['’]s\b|[ \t]+(?:{_ACTIONS}|who)\b)", re.IGNORECASE | re.VERSION1)
# What is said of a person after "is" or "was" (see said_of_person): words said of people alone, and praise or blame
# said of people and of times alike ("Grace was great", "May was great").
_ROLE_NOUNS = "|".join(sorted(w for w in KINSHIP_ROLE_WORDS if not w.endswith("s") and w not in ("named", "called", "ex")))
_SAID_OF_PEOPLE = (
    r"helpful|unhelpful|supportive|kind|unkind|friendly|unfriendly|approachable|patient|caring|understanding|honest|"
    r"reliable|responsive|committed|dedicated|passionate|knowledgeable|experienced|funny|chatty|polite|rude|sweet|"
    r"gentle|good[ \t]+(?:with|to)|on[ \t]+(?:leave|holiday|maternity|annual[ \t]+leave|sick[ \t]+leave|the[ \t]+phone)|"
    r"off[ \t]+(?:sick|work|ill)|there[ \t]+for|in[ \t]+touch|the[ \t]+(?:one|person|only[ \t]+one)[ \t]+who|"
    rf"(?:my|our|his|her|their|your|the|a|an)[ \t]+(?:\p{{L}}+[ \t]+){{0,2}}(?:{_ROLE_NOUNS})(?!['’\p{{L}}])|"
    r"(?:a|an|such[ \t]+a)[ \t]+(?:\p{L}+[ \t]+)?(?:woman|man|lady|person|girl|boy|bloke|star|legend|gem|diamond)|"
    # what children's services and schools do only to a child ("Will was adopted in 2019", "Hope was placed with her
    # aunt", "Mark was excluded from the PRU", "Joy was suspended for three days", "Grace was exploited by older boys")
    r"(?:adopted|fostered|exploited|trafficked|accommodated)(?![ \t]+(?:as|by[ \t]+the[ \t]+(?:council|board|committee|"
    r"panel|cabinet|partnership|government)|in[ \t]+(?:full|principle)|unanimously)\b)|placed[ \t]+(?:with|in[ \t]+"
    r"(?:foster|care|kinship|residential|(?:a|an)[ \t]+(?:\p{L}+[ \t]+)?(?:home|placement|unit))|on[ \t]+(?:a|the)[ \t]+"
    r"(?:child[ \t]+protection[ \t]+|cp[ \t]+|child[ \t]+in[ \t]+need[ \t]+)?plan|out[ \t]+of[ \t]+(?:area|county|borough))|"
    r"(?:excluded|suspended)[ \t]+(?:from[ \t]+(?:school|college|nursery|class|lessons|the[ \t]+(?:school|academy|pru|"
    r"unit|class|bus))|for[ \t]+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|the[ \t]+rest[ \t]+of)"
    r"[ \t]+(?:\p{L}+[ \t]+)?(?:days?|weeks?|term|the[ \t]+term)|permanently|again|twice)|taken[ \t]+into[ \t]+care"
)
_PRAISE = (r"great|brilliant|brill|amazing|fantastic|fab|fabulous|wonderful|marvellous|awesome|lovely|nice|awful|"
           r"horrible|terrible|excellent|superb|(?:a|an|such[ \t]+a)[ \t]+(?:\p{L}+[ \t]+)?(?:help|support|godsend|lifesaver)")
# "is" or "was" after the name, or "'s" ("Jack's great": a possessive where a noun follows, "Jack's great idea"), or
# a pronoun taking the name up ("Grace, she was great", "Grace? She was great").
# A short word of judgement ("good", "fine", "ok") is said of a person after a past "was" ("Grace was good.", "Will
# was fine with us"), where it ends the phrase; in the present it is said of ideas too ("Hope is good.").
_JUDGEMENT = r"good|fine|ok|okay|alright|all[ \t]+right|decent|bad|rubbish|poor|useless|ace|solid|spot[ \t]+on|top[ \t]+notch"
# A phrase placing the person between the name and the verb: where they are from or work ("Grace from the team was
# great", "Hope from school was really supportive", "Grace at the school was really helpful": after "at" only what is
# said of people alone, as "Joy at the news was great" is a feeling); "Faith in the system", "Hope for the future" are
# the words.
_PLACED = r"[ \t]+(?:from|(?P<at>at))(?:[ \t]+[\p{L}'’]+){1,4}?"
_SAID_OF_RE = lazy_compile(
    rf"(?:(?:{_PLACED})?[ \t]+(?:is|(?P<past>was|has[ \t]+been|had[ \t]+been))|(?P<s>['’]s)|"
    r"[ \t]*[,?\-–—][ \t]*s?he(?:[ \t]+(?:is|(?P<past>was))|['’]s))"
    r"(?:[ \t]+(?:really|so|very|always|just|absolutely|quite|genuinely|honestly|incredibly|extremely|ever[ \t]+so|"
    r"pretty|actually))*"
    rf"[ \t]+(?:(?P<people>{_SAID_OF_PEOPLE})|{_PRAISE}|(?P<judged>{_JUDGEMENT}))(?![\p{{L}}])"
    r"(?(s)(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:with|to|at|about|and|but|too|though|really)\b))"
    r"(?(judged)(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:with|to|at|about|and|but|too|though|really|as)\b))",
    re.IGNORECASE | re.VERSION1,
)
# Names that are also times or school subjects, which are great or lovely too ("May was great", "Art was brilliant").
_NOT_ONLY_PEOPLE = frozenset(
    "january february march april may june july august september october november december spring summer autumn "
    "winter dawn dusk morning evening night noon art music drama sport".split()
)


def said_of_person(word: str, text: str, end: int) -> bool:
    """Whether ``text`` after ``word`` (which ends at ``end``) says of it, with "is" or "was", what is said of a person.

    A first name that is an ordinary word is the person where what follows
    is said of people alone ("Hope was really supportive", "Grace is on
    leave", "Rose was our family worker", "Tom was the one who listened"), or
    is praise or blame ("Grace was great", "Jack is lovely with the kids",
    "Jack's great.", "Grace, she was brilliant", "Hope was a massive help")
    and the word is no time or school subject ("May was great", "Summer was
    lovely" are kept).  "Hope is not a strategy", "Faith was lost", "Hope was
    high", "Hope is good", "Hope was the best thing" say nothing of a person.

    Examples
    --------
    >>> [said_of_person(w, t, len(w)) for w, t in [("Grace", "Grace was great."), ("May", "May was great."),
    ...                                            ("May", "May was really helpful."), ("Hope", "Hope was high.")]]
    [True, False, True, False]
    """
    m = _SAID_OF_RE.match(text, end)
    if m is None or (m.group("judged") is not None and m.group("past") is None):
        return False
    if m.group("at") is not None:
        return m.group("people") is not None  # "Grace at the school was really helpful"; "Joy at the news was great"
    return m.group("people") is not None or fold(word) not in _NOT_ONLY_PEOPLE
# Where a clause opens: a sentence's start, a comma or bracket, a conjunction, a verb of thinking or saying before it.
# Where a field of a register, a form or a list opens: the text's or a line's start, a label's colon, a dash, a tab, a
# bracket, or the ";" or "and" between the people listed ("Name: ", "Father - ", "Present: SMITH, Jane; BROWN, Tom").
_FIELD_OPEN_BEFORE_RE = lazy_compile(r"(?:\A|[\n\r\t:;(]|[ \t][\-–—]|\b(?:and|&))[ \t]*\Z", re.IGNORECASE)
# A capitalised word next, in the same field.
_CAPITAL_NEXT_RE = lazy_compile(r"[ \t]+\p{Lu}\p{Ll}", re.VERSION1)
# Where such a field ends: a stop, a bracket, the text's or a line's end, or "and" before the next.
_FIELD_END_AFTER_RE = lazy_compile(r"[ \t]*(?:[.,;:)(\n\r\t|]|\Z|(?:and|&)[ \t])", re.IGNORECASE)
# A dash set off after a register's field, before what the person is ("Smith, John - team manager").
_DASH_AFTER_RE = lazy_compile(r"[ \t]+[\-–—][ \t]")
_CLAUSE_OPEN_RE = lazy_compile(
    r"(?:\A|[.!?;:…\n\r,(\"“‘–—]|[ \t]-|[ \t]'|\b(?:and|but|then|so|because|cos|when|that|as|if|or|while|though|although|once|"
    r"since|think|thought|reckon|know|knew|said|says))[ \t\"“‘]*\Z",
    re.IGNORECASE,
)
# What may follow a surname ("jane rivers said", "jane rivers, the manager"), not a verb's object ("lives with them").
_SURNAME_ENDS_RE = lazy_compile(rf"[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:{_ACTIONS}|is|was|who)(?![\p{{L}}'’])",
                                re.IGNORECASE | re.VERSION1)
# Where a nickname is used, after it ("known as little t round here", "we call him tank by now").
_NICKNAME_ENDS_RE = lazy_compile(r"[ \t]+(?:round|around|by|among|with|at)[ \t]+(?:here|everyone|school|home|all|the)\b",
                                 re.IGNORECASE | re.VERSION1)
# A child's place among brothers and sisters set off after a word opening a sentence ("sky, the eldest, she's the one
# who rang"), and the words that open what a speaker says there, no one's name ("well, the eldest, she rang").
_BIRTH_ORDER_SET_OFF_RE = lazy_compile(
    r"[ \t]*,[ \t]*(?:the|our|her|his|my|their)[ \t]+(?:eldest|youngest|oldest|middle[ \t]+one|baby[ \t]+of[ \t]+the[ \t]+family)"
    r"[ \t]*,", re.IGNORECASE | re.VERSION1)
_DISCOURSE_WORDS = frozenset("well right anyway basically honestly literally seriously look listen see like yes".split())
# Who it was, said last after a pause or a filler ("i think it was, er, lowri?"; not "it was summat."), and the end of
# what is said after a name said last.
_IT_WAS_BEFORE_RE = lazy_compile(
    r"\bit(?:[ \t]+(?:was|is)|['’]s)(?:[ \t]*,[ \t]*(?:(?:um|umm|er|erm|uh|like)[ \t]*,?[ \t]*)?|[ \t]+(?:um|umm|er|erm|uh)"
    r"[ \t]*,?[ \t]*)\Z", re.IGNORECASE | re.VERSION1)
_SAID_LAST_RE = lazy_compile(r"[ \t]*(?:[.?!]|\Z)", re.VERSION1)
# A verb of saying before the one who says it, in the press's order ("'It matters,' says Freeman.", "..., said Baker,
# director of ..."): the word after it, capitalised where the phrase ends, is the speaker.
_SAYS_BEFORE_RE = lazy_compile(
    r"(?<![\p{L}'’])(?i:says|said|adds|added|explains|explained|continues|continued|recalls|recalled|admits|admitted|"
    r"argues|argued|insists|insisted|notes|noted|warns|warned|reckons|reckoned|concludes|concluded)[ \t]+\Z", re.VERSION1)
# An adverb of time or addition may stand between ("John also said no", "John first called Ofsted").
_ACTION_AFTER_RE = lazy_compile(
    rf"^[ \t]+(?:(?:also|then|first|later|still|never|always|just|only|often|again|once|now|soon|finally|already|"
    rf"subsequently|initially|previously|recently|immediately)[ \t]+)?(?:{_ACTIONS}|called|contacted|visited)\b",
    re.VERSION1)
# After a relation and a first name that is a word, the end of the phrase, a modal or a verb of what a person does to
# another ("i spoke to grandad ken", "nanny pat would have them", "his brother jade hit him"): the name.
_KIN_NAME_ENDS_RE = lazy_compile(
    r"[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:would|will|could|can|might|should|hit|hits|kicked|punched|slapped|lives|lived|"
    r"looks|looked|picks|picked|has|had|is|was|who(?:['’]s|['’]d)?|who|whose)(?![\p{L}'’])"
    # or a verb of the present ("daddy mark sleeps on the sofa", "her boyfriend lee shouts"): a word in "-s", not "-ss",
    # "-us", "-is" or "-'s", before the phrase ends or goes on
    r"|[ \t]+\p{Ll}{2,}(?<![su]s|is)s(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:on|in|at|with|to|him|her|them|me|us|it|a|the|all|every|"
    r"when|if|and|but|out|up|off|over|round|loads|lots))", re.IGNORECASE | re.VERSION1)
# A first name placed in a service before what a person does ("Jade from the youth offending team came round", "Dean
# from the YOT rang"): the person; "Hope from the community" without a doer's verb stays a word.
_FROM_A_SERVICE = (
    r"[ \t]+from[ \t]+(?:(?:the|her|his|their|our|my|your)[ \t]+)?(?:[\p{L}'’\-]+[ \t]+){0,3}?(?:team|yot|yos|service|services|"
    r"school|council|nursery|office|police|charity|project|hub|centre|unit|agency|trust|hospital|clinic|mash|camhs|college|"
    r"housing|probation|help|cafcass|surgery|practice|court)[ \t]+")
_FROM_A_SERVICE_RE = lazy_compile(
    rf"{_FROM_A_SERVICE}(?:{_ACTIONS}|come|comes|rang|rings|visited|visits|popped|pops|turned|turns|helped|helps)\b",
    re.IGNORECASE | re.VERSION1)
# ... where the first name is also a word a thing is named by ("hope", "joy", "grace", "will"), only what a person alone
# does: speaks, rings, visits, or comes to someone ("grace from the council came round", "hope from the school rang");
# what help or hope does too ("hope from the council came too late", "that joy from the yot came to nothing") is no
# person.
_PERSON_ONLY = (
    r"said|says|told|tells|asked|asks|rang|rings|phoned|emailed|texted|wrote|replied|explained|thinks|thought|felt|"
    r"agreed|reckons|reckoned|mentioned|suggested|chaired|chairs|joined|presented|organised|arranged|set[ \t]+up|"
    r"was[ \t]+saying|and[ \t]+I|and[ \t]+me|visited|visits|popped|pops|turned[ \t]+up|who")
_FROM_A_SERVICE_PERSON_RE = lazy_compile(
    rf"{_FROM_A_SERVICE}(?:{_PERSON_ONLY}|(?:came|comes|come|went|goes)[ \t]+(?:round|over|out|by|along|up|"
    r"(?:in|back)[ \t]+(?:to[ \t]+see|and)|to[ \t]+(?:see|visit|meet|talk|speak|ours|our|my|his|her|their|the[ \t]+"
    r"(?:house|flat|home|door|meeting|review|conference))|and[ \t]+(?:said|told|saw|spoke|talked|sat|asked)))\b",
    re.IGNORECASE | re.VERSION1)
# What follows initials that stand for a person: a verb a person does ("J.S. was moved", "T.J. has left").
_PERSON_AFTER_INITIALS_RE = lazy_compile(
    r"[ \t]+(?:(?:was|is|had|has|were|got)[ \t]+(?:been[ \t]+)?\p{L}+ed|has|had|was[ \t]+(?:the|my|our|her|his|a)|"
    r"who|came|went|left|moved|lives|lived|stays|stayed|rang|rings|said|says|told|asked|phoned|texted|emailed|"
    # a meeting's minutes: who came, chaired or sent apologies, one or two people's initials ("K.B. and J.B. attended")
    r"attended|attends|chaired|joined|declined|(?:and|&)[ \t]+\p{Lu}\.(?:[ \t]?\p{Lu}\.)+[ \t]+(?:attended|came|were|joined)|"
    r"and[ \t]+(?:her|his|their)[ \t]+(?:mum|mam|dad|nan|gran|brother|sister|sisters|brothers|carer|carers|boyfriend|girlfriend))\b",
    re.IGNORECASE | re.VERSION1)
_PERFECT_AFTER_RE = lazy_compile(r"[ \t]+(?:has|had)[ \t]+been\b", re.VERSION1)
# What may follow a person's name at the end of a phrase ("I told Baker about it", "spoke to Mason, then").
# What ends a form's label after its first word: a few words in lower case, then a colon ("Date of publication:",
# "Status:"), not a ratio's or a time's ("4:1").
_LABEL_COLON_RE = lazy_compile(r"(?:[ \t]+\p{Ll}+){0,3}[ \t]*:(?!\d)")
# Between two places of a list ("in Woodley and Earley", "Woodley, Earley or Twyford").
_LISTED_AFTER_RE = lazy_compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)")
# A children's home's word after its place ("the Hellesdon home", "Sprowston children's home").
_HOME_AFTER_RE = lazy_compile(r"[ \t]+(?:children['’]s[ \t]+)?home\b", re.IGNORECASE)
# A text holding only capitalised words listed, then at most a full stop: a cell, a field, where nothing is said of a
# person ("Woodley", "Woodley, Earley and Twyford.").
_PLACES_ONLY_RE = lazy_compile(
    r"(?:\p{Lu}[\p{L}'’\-]*(?:[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?=\p{Lu}))?)+[ \t]*[.;]?[ \t]*",
    re.VERSION1)
# A form's label on the line before a name ("Author: ", "Prepared by: "): a speaker's turn ("Jane Hope: I agree") has none.
_LABEL_BEFORE_RE = lazy_compile(r"(?:^|(?<=\n))[ \t]*\p{Lu}[\p{L} \t]{0,30}:[ \t]*\Z")
_PHRASE_END_RE = lazy_compile(
    r"^(?:[ \t]*(?:[.,;:!?)\]\"”’…–—]|\Z)|[ \t]+(?:and|about|that|if|from|at|in|on|to|for|yesterday|today|again|last|"
    r"this|when|before|after|because|but|or|so|then)\b)",
    re.IGNORECASE | re.VERSION1,
)
# Words joining names in a list ("Cook and [Taylor]", "[Patel], Mason and ...").
_LIST_JOIN_RE = lazy_compile(r"^[ \t]*(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|and|&|or)[ \t]*\Z", re.IGNORECASE | re.VERSION1)
# A stop or the text's end right after a word.
_STOP_AFTER_RE = lazy_compile(r"[ \t]*(?:[.,;:!?)]|\Z)", re.VERSION1)
# One line break inside a name: a transcript wrapped at a fixed width ("Jane\nSmith").
_WRAP_RE = lazy_compile(r"[ \t]*\r?\n[ \t]*\Z", re.VERSION1)
# A tab right before a word: a table's cell opens with it.
_CELL_BEFORE_RE = lazy_compile(r"\t[ \t]*\Z")
# Being "into" something is liking it ("she's into Taylor Swift", "he's really into grime"): a singer, a band, a show or
# a game, never the place the preposition would make of it.
_LIKES_INTO_BEFORE_RE = lazy_compile(
    r"(?:\b(?:is|was|are|were|am|be|been|being|get|gets|got|getting)|['’](?:s|re|m))[ \t]+(?:(?:really|so|well|proper|"
    r"totally|very|dead|mad|massively|super|just|all|also|still|always|big|heavily|seriously|obsessively|not|now)[ \t]+)*"
    r"into[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE | re.VERSION1)
# The letters of a country, or a union of countries, written with dots ("U.S.", "U.S.A.", "U.K.", "E.U.", "U.N."),
# joined: an abbreviation before a name, never its initials ("U.S. Smith said so").
_DOTTED_COUNTRIES = frozenset("us usa uk gb eu un uae ussr nz roi".split())
# A capitalised word right before a word, written close ("Social Care").
_CAPITALISED_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’\-])(?P<w>\p{Lu}\p{Ll}+)[ \t]+\Z", re.VERSION1)
_NOUN_PHRASE_OPENERS = r"\b(?i:the|a|an|our|their|its|this|that|your|my|his|her|of|for|in|on|to|from|with|by|at|under|into|as|and|or)"
_NOUN_PHRASE_OPENS_RE = lazy_compile(rf"(?:{_NOUN_PHRASE_OPENERS}|[,&])[ \t]+\Z", re.VERSION1)
# A title's small joining word, then its capitalised word ("Time to Change", "Hope for Families", "Care of the Young").
_JOINED_TERM_AFTER_RE = lazy_compile(
    r"[ \t]+(?:to|for|of|of[ \t]+the|in|into|on)[ \t]+(?P<w>\p{Lu}\p{Ll}+)(?![\p{L}'’\-])", re.VERSION1)
# A capitalised word and a title's small joining word right before a word ("Children in Care", "Hope for Families").
_JOINED_TERM_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’\-])(?P<w>\p{Lu}\p{Ll}+)[ \t]+(?:in|for|of|of[ \t]+the|on)[ \t]+\Z",
                                      re.VERSION1)
# Groups of people named by their plural, which a title's words follow ("Children in Care", "Parents in Need").
_GROUP_PLURALS = frozenset("children families parents carers people adults babies mothers fathers siblings".split())
_CAPITALISED_AFTER_RE = lazy_compile(r"[ \t]+(?P<w>\p{Lu}\p{Ll}+)(?![\p{L}'’\-])", re.VERSION1)
# Words that greet or thank the one named after them ("Dear Care", "Hi Care,", "Thanks Care").
_GREETINGS = frozenset("dear hi hello hey hiya morning afternoon evening thanks thank cheers congratulations welcome".split())


def listed_word_in_a_term(text: str, start: int, end: int, listed: frozenset[str]) -> bool:
    """Whether a listed surname that is a word, at ``start:end``, is a word of a term with the capitalised word before
    or after it ("Social Care", "Primary Care", "Action Plan", "Youth Work", "the Care Crisis Review", "the Work
    Programme" with Will Care, Carol Plan or Will Work listed): that word an English word written close, no first name,
    surname or listed name's part (``listed``, folded), no title, job or relation, no function word or adverb; before,
    no greeting nor verb that takes a person ("Dear Care", "Ask Care", "Dr Care", "Social Worker Care", "Then Care
    said" stay the person); after, only where an article, an owner, a preposition, "as" or a list's joining word or
    comma opens the phrase, never at a clause's start ("Bishop Quits After Review", a headline, stays the person); a
    title's small joining word may stand between ("the Time to Change campaign", "the Hope for Families fund" with Mark
    Time or Faith Hope listed)."""
    before = _CAPITALISED_BEFORE_RE.search(text, max(0, start - 30), start)
    after = _CAPITALISED_AFTER_RE.match(text, end) or _JOINED_TERM_AFTER_RE.match(text, end)
    joined = _JOINED_TERM_BEFORE_RE.search(text, max(0, start - 40), start)
    return (before is not None and _term_word(fold(before.group("w")), listed) and fold(before.group("w")) not in _GREETINGS
            and _PERSON_OBJECT_BEFORE_RE.search(text, before.start(), before.end()) is None
            # a title's word and its small joining word before it ("Children in Care", "Families in Need" with Will
            # Care listed): a group named by its plural is a term's word, as another is
            or joined is not None and _PERSON_OBJECT_BEFORE_RE.search(text, joined.start(), joined.end()) is None
            and fold(joined.group("w")) not in _GREETINGS
            and (fold(joined.group("w")) in _GROUP_PLURALS or _term_word(fold(joined.group("w")), listed) and (
                _NOUN_PHRASE_OPENS_RE.search(text, max(0, joined.start() - 12), joined.start()) is not None
                or _CAPITALISED_BEFORE_RE.search(text, max(0, joined.start() - 30), joined.start()) is not None))
            or after is not None and _term_word(fold(after.group("w")), listed) and fold(after.group("w")) not in surname_words()
            and _NOUN_PHRASE_OPENS_RE.search(text, max(0, start - 12), start) is not None
            # a grade's word before a post's noun ("the Lead Member", "our Lead Inspector", "(Lead Member)" with Honor
            # Lead listed): the post, as "Lead Inspector" is with no one listed
            or fold(text[start:end]) in GRADE_WORDS and after is not None and _CAPITALISED_AFTER_RE.match(text, end)
            and _post_noun(fold(after.group("w")), listed)
            and _GRADE_OPENS_RE.search(text, max(0, start - 12), start) is not None)


#: Words that set a post's grade before its noun ("Lead Inspector", "Principal Social Worker", "Senior Practitioner",
#: "Chief Officer"): with a post's noun after them, a post's words, never a name's.
GRADE_WORDS = frozenset("""lead chief senior principal deputy assistant head acting interim joint vice associate
    executive specialist consultant advanced""".split())
# What opens a noun phrase before a grade's word: an article, an owner, a preposition, a list's joining word, a comma,
# an ampersand, a bracket ("(Lead Member)") or the sentence's start ("Lead Inspector said"); then, it may be, another
# grade's word or "co" joined to it by a hyphen ("a lead-Lead Member", "the co-Lead Member", "a joint-Lead Officer").
_GRADE_OPENS_RE = lazy_compile(rf"(?:{_NOUN_PHRASE_OPENERS}[ \t]+|[,&][ \t]+|\([ \t]*|(?:^|[.!?:;][ \t]+)[\"'“‘]?)"
                               rf"(?:(?i:{'|'.join(sorted(GRADE_WORDS))}|co)[\-‐–])?\Z", re.VERSION1)


def _post_noun(w: str, listed: frozenset[str]) -> bool:
    """Whether ``w`` (folded) is a post's noun a grade's word may stand before ("Member", "Inspector", "Officer",
    "Reviewer", "Nurse", "Professional", "Clinician"): a job's or a title's word of English, or an English word with a
    person noun's ending that is no surname; no first name, no listed name's part."""
    return (w in english_words() and (_job_word(w) or w in _TITLES or w.endswith(_PERSON_NOUN_ENDINGS)
                                      and w not in surname_words())
            and w not in folded_first_names() and w not in listed)


_PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ional")


def _term_word(w: str, listed: frozenset[str]) -> bool:
    return (w in english_words() and w not in folded_first_names() and w not in listed and w not in _TITLES
            and (w in _OFFICE_POSTS or not _job_word(w)) and w not in _NOT_NAMES and w not in _NOT_SUBJECTS
            and not w.endswith("ly"))  # a post of office may be a term's word ("Lead Reviewer" with Honor Lead listed)


# Posts of public office, courts, tribunals and boards, which a capitalised run ends before a name ("Deputy Chamber
# President Okafor") or after one ("N. Toms Counsel for the local authority"): the post's words, no name's.
_OFFICE_POSTS = frozenset("""president chairman chairwoman chairperson clerk commissioner counsel coroner magistrate
    ombudsman treasurer trustee chancellor convenor convener rapporteur auditor advocate author reviewer bailie
    provost""".split())


#: Prefixes English joins to a word with a hyphen, no words of their own ("Co-opted", "Sub-Committee", "Pre-Birth"); no
#: surname opens so.
_BOUND_PREFIXES = frozenset("co sub pre semi multi inter mid anti de un".split())


def _job_word(word: str) -> bool:
    """Whether a word is a job's, a post's or a relation's ("worker", "teacher", "caretaker", "president", "mum"), or one
    joined by a hyphen after a word or a prefix ("Vice-Chair", "Co-Chair")."""
    w = fold(word)
    if w in _SCHOOL_JOBS or w in KINSHIP_ROLE_WORDS or w in _OFFICE_POSTS:
        return True
    head, _, last = w.rpartition("-")
    return bool(head) and _job_word(last) and all(p in _BOUND_PREFIXES or p in english_words() for p in head.split("-"))


@cache
def _job_compound(word: str) -> bool:
    """Whether a word (folded) no list holds is an English word closed up before a job's ("headteacher",
    "keyworker"): a head of three letters or more, a job's word of five or more (:func:`_job_word`; "Whitehead" is
    a surname, and a proper noun the caller leaves out)."""
    return word.isalpha() and any(len(word) - k >= 5 and word[:k] in english_words() and _job_word(word[k:])
                                  for k in range(3, len(word) - 4))


# A figure right before a word ("6:20 pm").
_FIGURE_BEFORE_RE = lazy_compile(r"\d[ \t]*\Z", re.VERSION1)
# "of" right before a word ("the death of Kacey Okafor").
_OF_BEFORE_RE = lazy_compile(r"\bof[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_PLACE_BEFORE_RE = lazy_compile(
    r"\b(?:in|at|from|near|to|around|across|outside|into|towards|toward|via|through|of|over|on)[ \t]+(?:the[ \t]+)?\Z",
    re.IGNORECASE | re.VERSION1,
)
# Platforms, apps, games and consoles that children are on or play ("her TikTok", "he's on Roblox", "his Xbox"): the
# thing, never a person or a place.
_PLATFORM_NAMES = frozenset("""twitter insta instagram tiktok snap snapchat facebook fb threads youtube discord twitch
    reddit linkedin telegram whatsapp kik bebo myspace pinterest tumblr omegle yubo wattpad tinder grindr hinge netflix
    spotify depop vinted ebay etsy roblox fortnite minecraft xbox playstation ps4 ps5 nintendo wii fifa steam messenger imessage facetime
    skype zoom""".split())
# Capitalised words that begin sentences or Title Case phrases and are never names by themselves.
_NEVER = frozenset(
    fold(w)
    for w in """
    Ofsted Council Councils County Borough City District Metropolitan Board Boards Partnership Partnerships
    Trust Centre Centres Center School Schools Academy College University Hospital Hospitals Road Street
    Lane Avenue Close Drive Way House Hall Park Square Team Teams Service Services Children Childrens Children's
    Social Care Safeguarding Review Reviews Peer Peers Notice Improvement Together Working Early Help
    Director Directors Lead Leader Member Members Chief Executive Manager Managers Officer Officers Police
    Health Education Government Department Secretary Minister Act Plan Plans Framework Inspection Inspections
    Commissioner Agency Association Authority Authorities Local Group Groups Panel Forum Network Unit
    Family Families Court Courts Office Church Green Hill Bridge Cross Market Station Airport
    The A An And Of In On At To For With From By But Or So If Then Yes No Not OK Okay Well Also We I You
    He She They It This That These Those There Here What When Where Why How Who Which Our Their His Her My Your
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Christmas Easter Day Week Month Year Morning Evening
    England English British Britain UK Kingdom United Scotland Wales Ireland Northern Southern Eastern
    Western North South East West Central Greater Upper Lower New Old Great Little Saint St
    Interviewer Respondent Speaker Participant Question Answer Outcomes Vision Strategy Leadership
    Delivery Practice Effective Managing Resources Participation Performance Productivity Innovation
    Commissioning Good Outstanding Adequate Inadequate Requires Serious Case Cases Protection Mr Mrs Ms Dr
    """.split()
) | _PLATFORM_NAMES


def is_public_word(word: str) -> bool:
    """Whether a capitalised ``word`` is vocabulary that never names a person ("Ofsted", "Board", "The")."""
    key = fold(word).rstrip(".")
    return key in _NEVER or key in public_terms() or key in _TITLES


# A month after a word of time ("his GCSEs are in May", "since May", "by early May") with a May listed: the month.
_MONTH_TIME_BEFORE_RE = lazy_compile(
    r"\b(?:in|since|until|till|by|before|after|during|from|last|next|this|early|mid|late|end[ \t]+of|start[ \t]+of)"
    r"[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# A capitalised word, "'s" or "of the" before a listed part that is a word: a title or a holiday in Title Case ("Match
# of the Day", "Christmas Day", "Mother's Day"), the word of it, unless the word before is a title or a name.
_TITLE_CASE_BEFORE_RE = lazy_compile(
    r"(?<![\p{L}'’])(?P<w>\p{Lu}\p{Ll}+)(?:['’]s|[ \t]+of[ \t]+the|[ \t]+of)?[ \t]+\Z", re.VERSION1)


def ends_title_case(text: str, start: int, end: int, names: frozenset[str] = frozenset()) -> bool:
    """Whether the word at ``text[start:end]`` ends a Title Case phrase: a capitalised word inside the sentence, no
    title, role, first name or one of ``names``, before it, perhaps with "'s" or "of the" between ("Match of the Day",
    "Mother's Day", "Improvement Plan"), as a title, a holiday or a document is written; not before a verb of saying or
    a possessive, where a person is spoken of ("Social Worker Day said", "Officer Day's view")."""
    m = _TITLE_CASE_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is None or _sentence_initial(text, m.start("w")) and not re.search(r"of|['’]s", text[m.end("w") : start]):
        return False
    if _SPEECH_AFTER_RE.search(text[end : end + 40]) or _ACTION_AFTER_RE.search(text[end : end + 40]):
        return False
    w = fold(m.group("w"))
    joined = bool(re.search(r"of|['’]s", text[m.end("w") : start]))  # "Mother's Day": an owner, no title or role
    return (joined or w not in _TITLES and w not in KINSHIP_ROLE_WORDS and w.removesuffix("s") not in KINSHIP_ROLE_WORDS) and (
        w not in folded_first_names() and w not in names)


# Public terms that are also common surnames: a name only where a person is spoken of ("Green said", "I told
# Hall about it", "Little's plan"), never after an article ("the Green Paper", "the Hall").
_PUBLIC_SURNAMES = frozenset("hall green hill cross park lane day".split())
# The indefinite article: no one's name follows it, a thing's does ("drives a porsche", "has a rolex").
_A_BEFORE_RE = lazy_compile(r"\ban?[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# What a person is called as one calls names, before the noun ("he's such a", "what a", "ur a right", "a total"): the
# noun is said of the person ("he's a leo", "she's a Sikh" stay details of who they are).
_DESCRIBED_AS_A_RE = lazy_compile(
    r"(?:\b(?:such|what|quite)[ \t]+an?|\ban?[ \t]+(?:right|proper|total|complete|absolute|bit[ \t]+of[ \t]+an?))[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
_ARTICLE_BEFORE_RE = lazy_compile(r"\b(?:the|a|an|this|that|our|their|its)[ \t]+\Z", re.IGNORECASE | re.VERSION1)

# A month in lower case that is also a first name ("april", "june") is the month where a word of time or a number is
# beside it ("in april 2013", "since june", "the 30th june", "on june 25"), and a name elsewhere ("i asked june").
_MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTH_SHORT = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# What a chronology's, a log's or minutes' entry opens its line with before its first word, and its stop: a bullet, a
# date and time ("12/03/24 -", "03.04.2024:", "Mon 4th March 2024, 14:30 -", "2024-03-04"), a time alone ("14:30",
# "9.15am", "1430hrs") or an item's number ("3.", "4.2", "(5)"): what follows opens the entry as a sentence would.
_MONTHS_ALTERNATION = "|".join(sorted(_MONTH_NAMES | _MONTH_SHORT, key=len, reverse=True))
_ENTRY_TIME = r"(?:at[ \t]+)?(?:\d{1,2}[:.]\d{2}(?:[ \t]?(?:[ap]\.?m\.?|hrs?))?|\d{1,2}[ \t]?[ap]\.?m\.?|\d{4}[ \t]?hrs?)"
_ENTRY_DATE = (
    r"[ \t*\-–—•·▪◦]*(?:(?:date|entry|time)[ \t]*:[ \t]*)?(?:(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\p{L}*\.?,?[ \t]+)?"
    r"(?:\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|\d{4}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTHS_ALTERNATION})\.?(?:[ \t]+\d{{4}})?"
    rf"|(?:{_MONTHS_ALTERNATION})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?)"
    rf"(?:[ \t]*,?[ \t]*{_ENTRY_TIME})?|{_ENTRY_TIME}|\(?\d{{1,2}}[.)]|\d{{1,2}}(?:\.\d{{1,2}})+)?"
    r"[ \t]*(?:[:\-–—.,|)][ \t]*)*")
_ENTRY_DATE_RE = lazy_compile(_ENTRY_DATE, re.IGNORECASE | re.VERSION1)

_DAY_NUMBER_BEFORE_RE = lazy_compile(r"(?<![\p{L}\p{N}])\d{1,2}(?:st|nd|rd|th)?[ \t]+\Z", re.VERSION1)
_TIME_BEFORE_RE = lazy_compile(
    r"(?:\b(?:in|since|from|until|till|during|between|early|late|mid|last|next|this|of)|\d(?:st|nd|rd|th)?)[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)

# Vocabulary words that are also surnames, joined to a first name before them.
# Words of a people or a faith (:func:`~impact.privacy._lexicon.communities`) that are given names in the UK too,
# which the first-name lists leave out so that "the roma community", "a christian charity" stay words: before a
# surname that is a word in title case they are the given name ("Roma Baker said", "Christian Smith attended").
_COMMUNITY_GIVEN_NAMES = frozenset("christian roma romany sami".split())
# Where a line or a table's cell opens, before a form's label; and the label's colon and its value, one to four words
# to the end of the line or the field (see NameFinder._field_label).
_LINE_OPENS_BEFORE_RE = lazy_compile(r"(?:\A|[\n\r\t|;])[ \t]*\Z")
_FIELD_VALUE_AFTER_RE = lazy_compile(
    r"[ \t]*:[ \t]*(?P<v>[\p{L}\p{N}'’&\-]+(?:[ \t]+[\p{L}\p{N}'’&\-]+){0,3})[ \t]*[.;]?[ \t]*(?=[\n\r\t|]|\Z)",
    re.VERSION1)
# A surname in lower case after a name, where the phrase ends (see NameFinder._lower_surname_after).
_LOWER_SURNAME_AFTER_RE = lazy_compile(r"[ \t](?P<s>\p{Ll}+)(?=[ \t]*(?:[.,;:!?)]|\Z))", re.VERSION1)
# Other peoples' words listed after one, the last before its people ("Gypsy, Roma and Traveller families", "Roma or
# Sikh children"; :data:`_PERSON_AFTER_RE`).
_PEOPLES_LISTED_AFTER_RE = lazy_compile(
    r"(?:(?:[ \t]*[,/][ \t]*|[ \t]+(?:and|or|&)[ \t]+|[ \t]*,[ \t]*(?:and|or)[ \t]+)\p{Lu}[\p{L}\-]*)+"
    r"(?=[ \t]+(?:girl|boy|child|children|pupil|student|family|families|man|men|woman|women|people|person|community|"
    r"communities|household|parent|young[ \t]+(?:person|people))s?(?![\p{L}\-]))", re.VERSION1)
# A verb of being, with a word of degree or a time, before what is said of the subject ("The family are Roma.", "he is
# now Christian"); not a demonstrative's, which introduces someone ("This is Christian.", "Here is Roma").
_BEING_BEFORE_RE = lazy_compile(
    r"(?<!\b(?:this|that|it|here|there|name)[ \t]+)(?<!\b(?:this|that|it|here|there)['’])"
    r"\b(?:is|are|was|were|be|been|being|became|become|becomes|seems?|seemed|'s|’s|'re|’re)"
    r"(?:[ \t]+(?:both|all|also|not|now|still|then|originally|ethnically|mainly|mostly|nominally))?[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
# The word after a people's word that makes it a verb's subject, not an adjective: a verb of a person, a word no noun is
# (a function word), or a word with an object after it ("Christian values his family", "Roma visits the school").
_OBJECT_AFTER_RE = lazy_compile(
    r"[ \t]+\p{Ll}+[ \t]+(?:his|her|their|my|our|your|its|the|a|an|him|them|me|us|it|this|that|these|those|to|at|"
    r"every|weekly|daily|often|regularly|sometimes|home|alone|again)\b",
    re.VERSION1)
# What is said to hold of a people, before one of its words where the phrase ends ("related to Roma.", "common among
# Sami"); a verb's "to" ("I spoke to Roma.", "we sent it to Roma.") is a person's (see NameFinder._peoples_word).
_PEOPLE_OBJECT_BEFORE_RE = lazy_compile(
    r"(?:\b(?:related|relating|relevant|specific|particular|peculiar|unique|similar|common|native|indigenous|endemic|"
    r"prevalent|widespread|rare|higher|lower|tailored|targeted|aimed|available|accessible)[ \t]+(?:to|for|among|amongst)"
    r"|\b(?:among|amongst))[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# A noun phrase's head and the preposition that joins a people's word to it, opening a sentence or after a determiner
# ("Support for Roma is patchy", "the attainment of Roma is low"): a verb after the people's word agrees with the head,
# so says nothing of whom the word names; a verb's past before the preposition ("he spoke to Roma") is a person's object.
_HEAD_PREPOSITION_BEFORE_RE = lazy_compile(
    r"(?:(?:\A|[.!?;:\n\r(\"“‘])[ \t\"“‘]*|\b(?:the|a|an|our|their|his|her|its|this|that|more|less|much|little|no|any|"
    r"some|better|poor|good|local|specialist|extra|targeted)[ \t]+)(?:\p{L}+[ \t]+){0,2}?(?P<head>\p{L}+)[ \t]+"
    r"(?:for|of|to|towards|toward|among|amongst|with|within|against|about|from|by|between)[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
# A verb that agrees with a plural subject, or with a singular one, right after a people's word that is a given name too:
# the people ("Roma are often excluded", "Roma don't trust the school") or one person ("Roma doesn't like school",
# "Roma has been excluded"); see NameFinder._peoples_word.
_AGREES_AFTER = r"[ \t]+(?:(?:also|often|still|now|all|both|never|always|usually|just|really|not)[ \t]+)?"
_PLURAL_AGREES_AFTER_RE = lazy_compile(
    _AGREES_AFTER + r"(?:are|were|have|do|aren['’]t|weren['’]t|haven['’]t|don['’]t)(?![\p{L}'’])", re.VERSION1)
_SINGULAR_AGREES_AFTER_RE = lazy_compile(
    _AGREES_AFTER + r"(?:is|was|has|does|isn['’]t|wasn['’]t|hasn['’]t|doesn['’]t)(?![\p{L}'’])", re.VERSION1)
# Where a sentence or a line opens: the text's start, or a stop, a line break or a bullet before (spaces between).
_OPENS_SENTENCE_RE = lazy_compile(r"(?:\A|[.!?\n\r•*\-][ \t]*|\A[ \t]+)\Z", re.VERSION1)
# "to" and a verb in lower case after a word (see NameFinder._modal_before_to).
_MODAL_TO_AFTER_RE = lazy_compile(r"[ \t]+to[ \t]+\p{Ll}+(?![\p{L}'’\-])", re.VERSION1)
# Determiners and possessives before a noun ("the Will to live").
_DETERMINERS_BEFORE_NOUN = frozenset("the a an his her their my your our its this that own".split())
# Where a line, a sentence or a field's value opens: the text's start, a stop, a line break, a bullet, a colon or a dash
# (spaces between).
_FIELD_OPENS_RE = lazy_compile(r"(?:\A|[.!?\n\r•*:\-–—][ \t]*|\A[ \t]+)\Z", re.VERSION1)
# Words of time after "to" that end a range opened by a month ("May to date", "April to end of June", "May to now").
_RANGE_END_WORDS = frozenset("""date present now today tonight tomorrow yesterday end mid early late the next last this
    that then half year years month months week weeks term day days date""".split())
# "to" and the word after it (month_range_after).
_TO_WORD_AFTER_RE = lazy_compile(r"[ \t]+to[ \t]+(?P<w>[\p{L}\d]+)", re.VERSION1)
# A capitalised word right before another, its dot at most between (NameFinder._role_noun: a title's).
_TITLE_WORD_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’])(?P<t>\p{Lu}\p{Ll}*)\.?[ \t]+\Z", re.VERSION1)
# An article or a possessive right before a word, in lower case or opening a sentence (noun_after_determiner).
_NOUN_DETERMINER_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’])((?i:t)he|(?i:a)n?|(?i:h)is|(?i:h)er|(?i:t)heir|(?i:m)y|(?i:y)our|(?i:o)ur|(?i:i)ts)[ \t]+\Z", re.VERSION1)
# A word in lower case right after another (noun_after_determiner).
# A child counted by an indefinite article, or by an age, then "with" (see NameFinder._lower_in_position).
_CHILD_WITH_BEFORE_RE = lazy_compile(
    r"(?<![\p{L}'’])(?:an?|one)[ \t]+(?:(?:\[age\]|\d{1,2}[ \t\-]?(?:yo|y/o|year[ \t\-]old|yr[ \t\-]old))|"
    r"(?:\p{Ll}+[ \t]+)?(?:child|boy|girl|baby|toddler|teenager|teen|kid|lad|lass|infant|pupil|young[ \t]+person))"
    r"[ \t]+with[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_QUANTIFIER_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’])(?:little|much|no|more|less|some|any|enough)[ \t]+\Z", re.VERSION1)
_OF_THAT_AFTER_RE = lazy_compile(r"[ \t]+(?:of|that|for)(?![\p{L}'’])", re.VERSION1)
_PLURAL_NOUN_AFTER_RE = lazy_compile(r"[ \t]+\p{Ll}{3,}s(?![\p{L}'’])", re.VERSION1)
_LOWER_WORD_AFTER_RE = lazy_compile(r"[ \t]+(?P<w>\p{Ll}[\p{Ll}'’\-]*)(?![\p{L}])", re.VERSION1)
# A household's words and a relative clause's, after which a word after an article is a family's name or a person's.
_HOUSEHOLD_OR_WHO = frozenset("""family families household households home house kids children twins brothers sisters
    boys girls lot clan who whom whose""".split())
# A clause's end after a word: a stop, a comma, a colon or a semicolon, a closing bracket or quote, the text's end.
_CLAUSE_END_AFTER_RE = lazy_compile(r"[ \t]*(?:[.!?,;:)\]\"”’]|\Z)", re.VERSION1)
_SURNAME_WORDS = frozenset(
    "may june april august march hall green hill cross park bridge street lane north south east west church market "
    "little young new good well".split()
)


# Words that never stand for a surname after a title or a first name written in lower case: function words,
# pronouns, common verbs and adverbs ("jane said", "mrs and mr", "jane also came").
_NOT_NAMES = frozenset(
    """the a an of in on at to for from by with and or but nor so if then than as that this these those there here
    who whom whose which what when where why how not no yes all any some each every both either neither our your his
    her its their my me him them us we you they he she it i is are was were be been being am has have had having do
    does did done can could will would shall should may might must ought said says say told tells tell asked asks
    came comes come went goes go got get gets gave give gives took take takes made make makes left leave leaves felt
    feel feels kept keep keeps knew know knows thought think thinks brought bring sent send spoke speak speaks wrote
    write writes met meet meets ran run runs saw see sees rang ring rings led lead leads read put set let wants want
    wanted needs need needed also never always just now too really often later soon again already even only still
    actually definitely probably maybe perhaps very quite rather about after before over under into onto out off up
    down across through around between because while though although until unless since whether once yet else
    himself herself themselves myself yourself one two three first last next new old other another same such own
    mr mrs ms dr miss mx prof""".split()
    # the same verbs' short forms as texts and quick notes type them, the apostrophe left out ("aaliyah wont go")
    + """wont dont cant didnt isnt wasnt hasnt doesnt aint wouldnt couldnt shouldnt havent werent arent""".split()
) | frozenset(
    # a speaker's interjections and sounds of agreement ("call me, oh, one sec", "she said, yeah, fine"): no one's name
    "oh ah eh ooh aw ow um er erm uh hmm yeah yep nah okay ok innit blimey crikey jeez gosh bless cheers ta aye och ach "
    "wey lush bruv blud lol omg tbh ffs".split()
)


# A word set off by commas, dashes or brackets right after a role or a title, before a verb or the end of the
# sentence, stands in apposition to it ("the nurse, bishop, came in", "my manager - bell - said no", "the nurse (bishop)
# came", "i spoke to the nurse, bishop."), not in a list ("a manager, time, and money", "the worker, care, support").
_VERBS_AFTER = "|".join(sorted(_NOT_NAMES - frozenset(
    """the a an of in on at to for from by with and or but nor so if then than as that this these those there here all
    any some each every both either neither our your his her its their my me him them us we you they he she it i no
    yes not about after before over under into onto out off up down across through around between because while
    though although until unless since whether once yet else one two three first last next new old other another
    same such own mr mrs ms dr miss mx prof""".split())))
# A child by its place among siblings, as a relation is ("the eldest, chantelle, is 14", "her eldest is chantelle").
_BIRTH_ORDER = frozenset("eldest youngest oldest".split())
# A child by "one" after its size or place among siblings ("her little one, zorbina, started", "the eldest one").
_ONE = r"(?:little|eldest|youngest|oldest|middle|younger|older|baby|other)[ \t]+one"
# Workers named by their standing in a team, not their job ("the new starter, zeinab, took the case").
_STANDING_WORDS = frozenset("starter trainee apprentice locum temp volunteer receptionist caretaker cleaner driver".split())
# Nouns a case review or a police record calls a person by, before a letter or a name set off ("a 17 year old male (J)",
# "the victim (K)", "the adult, T, said"); "male (M)", "female (F)" are a sex's code, no initial (NameFinder._lone_initial).
_PERSON_NOUNS_SET_OFF = frozenset("""male female adult youth youngster juvenile suspect perpetrator offender victim
    individual person infant""".split())
_SET_OFF_BEFORE_RE = lazy_compile(
    rf"\b(?:{'|'.join(sorted(KINSHIP_ROLE_WORDS | _TITLES | _BIRTH_ORDER | _STANDING_WORDS | _PERSON_NOUNS_SET_OFF))}|{_ONE})"
    r"[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*\Z",
    re.IGNORECASE | re.VERSION1)
_SEX_CODE_SET_OFF_RE = lazy_compile(r"\b(?:(?P<m>male)|female)[ \t]*[(,][ \t]*\Z", re.IGNORECASE | re.VERSION1)
# Pasts that end in no "-ed", of what a person does to another ("his stepdad, dean, hit him").
_IRREGULAR_PAST = (r"hit|hurt|beat|bit|cut|threw|broke|shook|struck|swore|fought|stole|drank|drove|ran|sat|stood|"
                   r"slept|woke|kept|left|took|made|got|put|sent|brought|bought|caught|taught|told|said|came|went|gave|saw|met")
_PAST_WORDS = frozenset(_IRREGULAR_PAST.split("|"))

def _space_before(text: str, at: int) -> int:
    """Where the spaces and tabs before ``at`` start."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at


def _line_end(text: str, at: int) -> int:
    """Where the line holding ``at`` ends."""
    return min((i for i in (text.find("\n", at), text.find("\r", at)) if i >= 0), default=len(text))
_SET_OFF_AFTER_RE = lazy_compile(
    rf"(?:[ \t]*(?:,|\)|[ \t][\-–—])[ \t]*(?:(?:{_VERBS_AFTER}|who|\p{{L}}+ed|{_IRREGULAR_PAST})(?![\p{{L}}'’])|[.!?]|\Z)"
    r"|\)?[ \t]*[.!?](?:\s|\Z)|\)?\Z"
    # a bracket closed before more people ("her dad (snow) and her mum (amber) came", "his nan (pearl), his grandad")
    r"|\)[ \t]*(?:,|&|\+|(?:and|or|n|an['’]?)(?![\p{L}'’])))",
    re.IGNORECASE | re.VERSION1)
# Set off on one side only, the closing comma left out as speech is often typed ("the nurse, bishop came in", "my
# manager - bell said no"): the word is the subject of a verb of saying or doing right after it, not a list ("a
# manager, time and money") nor a clause about things ("a manager, time was short").
_SET_OFF_OPEN_AFTER_RE = lazy_compile(
    rf"[ \t]+(?:(?:{_ACTIONS}|who|(?!need|seem|use|feel)\p{{L}}+ed)(?![\p{{L}}'’])"
    # from a team or a service ("our sw, jade from the east team, signed it")
    r"|from[ \t]+(?:the|our|their|his|her|my)[ \t]+(?:[\p{L}\-]+[ \t]+){0,2}"
    r"(?:team|office|ward|school|service|unit|hub|council|nursery|practice|surgery|hospital|clinic|police|trust|charity|"
    r"project|court|agency|college|academy)\b)",
    re.IGNORECASE | re.VERSION1)


# What a public name (a charity, a medicine, a game: impact.privacy._lexicon.public_names) is not where a sentence treats
# it as a person.  Family words after a possessive ("Lego's mum"); before it, a title or a relation that names it
# ("Mrs Lego", "her son, Nokia,", "a girl called Lego"), unless a thing is given to that relation ("give the baby
# Calpol"); a home in it ("they live in Howden"): a place; a name called out ("she said, Lego, get in the car",
# "Lego, come here"); and a verb or state only a person has after it ("Lego cried", "Lego was born in 2015").
_PERSONS_OWN = rf"{FAMILY_ALTERNATION}|baby|birthday|bedroom|dob|date[ \t]+of[ \t]+birth"
_PUBLIC_AS_OWNER_RE = lazy_compile(rf"['’]s[ \t]+(?:{_PERSONS_OWN})s?\b", re.IGNORECASE | re.VERSION1)
_PUBLIC_AFTER_PERSON_WORD_RE = lazy_compile(
    r"(?<![\p{L}'’])(?P<word>[\p{L}'’\-]+)[ \t]*,?[ \t]*\Z|\b(?:known[ \t]+as|name[ \t]+is|name['’]s|names|nickname|"
    r"call(?:s|ed)?[ \t]+(?:him|her|them))[ \t]*,?[ \t]*\Z", re.IGNORECASE | re.VERSION1)
_PUBLIC_GIVEN_TO_RE = lazy_compile(
    r"\b(?:give|gives|gave|giving|given|get|gets|got|getting|buy|buys|bought|brought|bring|brings|make|makes|made|"
    r"let|lets|show|showed|shown|read|reads)[ \t]+(?:(?:the|her|his|my|our|their|your|a|an)[ \t]+)?[\p{L}'’\-]+[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
_PUBLIC_HOME_BEFORE_RE = lazy_compile(
    r"\b(?:lives?|lived|living|moved|moving|move|grew[ \t]+up|born|stays?|stayed|staying|house|flat|home|placed|"
    r"placement)[ \t]+(?:in|at|to|near|out[ \t]+in|up[ \t]+to|down[ \t]+to|over[ \t]+to|back[ \t]+to)[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
_PUBLIC_CALLED_OUT_BEFORE_RE = lazy_compile(
    r"(?:\b(?:said|says|shouted|shouts|screamed|yelled|goes|went|told[ \t]+(?:him|her|them))[ \t]*,?[ \t]*['\"‘“]?|"
    r"(?:\A|[.!?;:\n\"“‘])[ \t'\"‘“]*)\Z", re.IGNORECASE | re.VERSION1)
_PUBLIC_CALLED_OUT_AFTER_RE = lazy_compile(
    r"[ \t]*,[ \t]*(?:come|get|stop|go|don['’]t|do|put|leave|sit|wait|listen|look|please|give|tell|be|you|we|are)\b",
    re.IGNORECASE | re.VERSION1)
# Where a household lives beside the speaker's, said after a family called by its surname in the plural ("the Smiths
# next door", "the Okafors across the road", "the Brewers two doors down"): homes' places, which a team, a party, a
# body's officers or a shop are not said by.  _NEIGHBOUR adds the places of a flat or a room beside ("the Masons
# upstairs", "the Bakers across the landing", "the Turners opposite"), which a body's people, a party or a class are
# said by too ("the Members opposite", "the Conservatives opposite", "the Juniors upstairs"): read so only after a
# surname the lists hold (_FAMILY_HAS_RE).
_NEIGHBOUR_HOME = (r"next[ \t]+door|(?:across|over)[ \t]+the[ \t]+(?:road|street|way|green|close)|(?:up|down)[ \t]+the[ \t]+"
                   r"(?:road|street|lane)|(?:two|three|four|five|a[ \t]+few|a[ \t]+couple[ \t]+of)[ \t]+doors[ \t]+"
                   r"(?:down|up|along|away)|round[ \t]+the[ \t]+corner")
_NEIGHBOUR_FLAT = (r"upstairs|downstairs|opposite|across[ \t]+the[ \t]+landing|(?:in[ \t]+)?the[ \t]+flat[ \t]+"
                   r"(?:above|below|upstairs|downstairs)")
_NEIGHBOUR = _NEIGHBOUR_HOME + "|" + _NEIGHBOUR_FLAT
# What neighbours do for a child or see and hear of a home, said after a flat's or a room's place beside ("the Wardens
# upstairs heard the shouting", "the Clerks downstairs looked after him", "the Judges in the flat above rang the
# police"): a household's care or witness, which a job's people at work upstairs do not do (they sign off, rang us
# about it, are given the rota).
_NEIGHBOUR_CARE_AFTER_RE = lazy_compile(
    rf"[ \t]+(?:{_NEIGHBOUR_FLAT})[ \t]+(?:(?:also|then|just|always|often|even|both|all|had|have|has|would|used[ \t]+to)[ \t]+)?"
    r"(?:(?:looked|look|looks|looking)[ \t]+after|(?:kept|keep|keeps|keeping)[ \t]+an[ \t]+eye[ \t]+on|"
    r"(?:took|take|takes|taking)[ \t]+(?:him|her|them|the[ \t]+(?:kids|children|baby|boys|girls|twins))[ \t]+in|"
    r"(?:had|have|has)[ \t]+(?:him|her|them|the[ \t]+(?:kids|children|baby|boys|girls|twins))[ \t]+(?:for|over|overnight|to[ \t]+stay)|"
    r"(?:heard|hear|hears|saw|see|sees|noticed)[ \t]+(?:him|her|them|it(?:[ \t]+all)?|everything|the[ \t]+(?:baby|kids|"
    r"children|shouting|screaming|rows?|fights?|fighting|arguing|banging|crying)|shouting|screaming|crying|banging|arguing|"
    r"fighting)|(?:called|rang|phoned|call|calls|ring|rings)[ \t]+(?:the[ \t]+police|999|an[ \t]+ambulance|social[ \t]+services))"
    r"(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)
# A public name that ends in "-s" after "the", then a home's place beside the speaker's and what a person does there
# (public_name_as_person: "the Brewers next door kept an eye on her", "the Goldsmiths across the road took him in"), or
# a child placed or living with it ("she stays with the Joules"): a family called by its surname, as no shop or pub
# keeps an eye on a child; "the Greggs next door sells them" stays ("them" is as often things as people).
_PUBLIC_THE_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’])the[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_NEIGHBOUR_DOES_AFTER_RE = lazy_compile(
    rf"[ \t]+(?:{_NEIGHBOUR_HOME})[ \t]+(?:(?:also|then|just|always|often|even|both|all|had|have|has)[ \t]+)?"
    rf"(?:(?:{_ACTIONS}|heard|saw|noticed|called|contacted|visited)(?![\p{{L}}'’])"
    r"|\p{Ll}{2,}[ \t]+(?:[\p{L}'’]+[ \t]+){0,3}?(?:him|her|us|me)(?![\p{L}'’]))", re.IGNORECASE | re.VERSION1)
_PUBLIC_PERSON_VERB_RE = lazy_compile(
    r"[ \t]+(?:(?:is|was|['’]s)[ \t]+(?:(?:crying|born|asleep|sleeping|pregnant|aged|excluded|adopted|fostered|"
    r"arrested|poorly|teething|\d+|(?:only|just|nearly|almost)[ \t]+\d+)\b|(?:my|her|his|our|their)[ \t]+(?:"
    rf"{_PERSONS_OWN})\b)|cried|cries|smiled|smiles|laughed|giggled|hugged|kissed|whispered|screamed|sobbed|slept|woke|"
    r"disclosed|turned[ \t]+\d+|told[ \t]+(?:me|us|him|her|them))\b", re.IGNORECASE | re.VERSION1)

# What is done only to a person, in the passive after the name ("Tom was arrested", "Jane had been cautioned", "Amy was
# reported missing"): no product, plan or body is arrested, bailed or groomed ("NEW Ruby was launched" is a thing).
_DONE_TO_PERSON_RE = lazy_compile(
    r"[ \t]+(?:is|was|were|has[ \t]+been|had[ \t]+been|have[ \t]+been|['’]s[ \t]+been|got|gets)[ \t]+"
    r"(?:(?:later|then|subsequently|also|again|first|finally|since|just|never|not|previously|recently)[ \t]+)?"
    r"(?:arrested|re-?arrested|cautioned|remanded|bailed|sectioned|stabbed|raped|groomed|murdered|kidnapped|abducted|"
    r"assaulted|sentenced|hospitali[sz]ed|reported[ \t]+missing|taken[ \t]+into[ \t]+(?:care|custody|police[ \t]+protection)|"
    r"interviewed[ \t]+under[ \t]+caution|released[ \t]+(?:on[ \t]+bail|under[ \t]+investigation|without[ \t]+charge))"
    r"(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)

_CALLER_WORDS = frozenset("i we he she they you who then and had have has just also never finally eventually mum dad".split())
# Relation and role words that stand before a body as often as before a person ("our partner Barnardo's", "the head
# Greggs"), and plurals ("the kids Lego"): no person named.
_ROLE_OF_BODIES = frozenset("head lead chair member host partner".split()) | frozenset(
    w for w in KINSHIP_ROLE_WORDS if w.endswith("s") and w[:-1] in KINSHIP_ROLE_WORDS)


# A police rank, and the words that open a rank of two ("Detective Inspector", "Detective Sergeant").
_POLICE_RANKS = frozenset("inspector sergeant sgt constable superintendent supt".split())
_RANK_OPENERS = frozenset("detective det".split())
# Titles that are ranks or posts a grade's word may stand before ("Lead Inspector", "Chief Superintendent"): the rank.
_RANKS = _POLICE_RANKS | frozenset("detective insp det matron".split())
# A capitalised word written close before a word ("John Greggs"): a given name, if the lists know it as one.
_LOWER_WORD_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’\-])\p{Ll}+[ \t]+\Z", re.VERSION1)
_GIVEN_NAME_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’\-])(?P<w>\p{Lu}\p{Ll}+)[ \t]\Z", re.VERSION1)


def _given_name_before_public(text: str, given: re.Match) -> bool:
    """Whether the capitalised word ``given`` before a public name is a given name: one the lists know, no title,
    relation or public term, and no English word unless inside a sentence after a word in lower case ("the very
    experienced John Greggs"; "Will Tesco open?", "Mum Tesco" are no one's names)."""
    w = fold(given.group("w"))
    if w not in folded_first_names() or w in public_terms() or w in _TITLES or w in KINSHIP_ROLE_WORDS or w in _NOT_NAMES:
        return False
    return w not in english_words() or _LOWER_WORD_BEFORE_RE.search(text, max(0, given.start() - 30), given.start()) is not None


def public_name_as_person(text: str, start: int, end: int) -> bool:
    """Whether the public name at ``text[start:end]`` (:func:`~impact.privacy._lexicon.public_names`) stands for a
    person or a home: it is then redacted as any name or place is.

    Examples
    --------
    >>> [public_name_as_person(t, t.index("Lego"), t.index("Lego") + 4) for t in [
    ...     "he loves Lego", "her son Lego was crying", "a girl called Lego", "Lego's mum rang", "Lego, come here",
    ...     "we bought the kids Lego"]]
    [False, True, True, True, True, False]
    """
    before = text[max(0, start - 40) : start]
    if _PUBLIC_AS_OWNER_RE.match(text, end) or _PUBLIC_PERSON_VERB_RE.match(text, end):
        return True
    if (given := _GIVEN_NAME_BEFORE_RE.search(before)) is not None and _given_name_before_public(text, given):
        return True  # "the very experienced John Greggs", "I met Sarah Tesco": a given name, then the surname
    if _PUBLIC_HOME_BEFORE_RE.search(before):
        return True
    if text[end - 1 : end] in "sS" and (the := _PUBLIC_THE_BEFORE_RE.search(before)) is not None and (
            _NEIGHBOUR_DOES_AFTER_RE.match(text, end) is not None
            or _HOUSEHOLD_PLACED_RE.search(before, 0, the.start()) is not None):
        # "the Brewers next door kept an eye on her", "she stays with the Joules": a family called by its surname
        return True
    if _PUBLIC_CALLED_OUT_AFTER_RE.match(text, end) and _PUBLIC_CALLED_OUT_BEFORE_RE.search(before):
        return True
    m = _PUBLIC_AFTER_PERSON_WORD_RE.search(before)
    if m is None:
        return False
    word = m.group("word")
    if word is None:
        return True  # "known as Lego", "her name's Nokia"
    key = fold(word).rstrip("'’")
    if key in ("called", "named"):
        # "a girl called Lego", not a call made ("we called Samaritans", "she called Childline")
        prior = re.findall(r"[\p{L}'’]+", before[: m.start()])
        return bool(prior) and fold(prior[-1]) not in _CALLER_WORDS
    return (key in _TITLES or key in KINSHIP_ROLE_WORDS and key not in _ROLE_OF_BODIES) \
        and not _PUBLIC_GIVEN_TO_RE.search(before)


# Three shapes in which a word of English names a person or a place with no list behind it:
# * a double name of two lower-case words set off after a relation or a role ("the toddler, sonny-blue, was crying");
#   not a compound of a degree, a number or a state ("half-asleep", "red-faced", "full-time", "no-nonsense");
# * a singular count noun opening a sentence bare, where English needs "the" or "a", before being somewhere or with
#   someone as a person is ("blaze was in the car with them"; "water was in the car" is a mass noun, "mum" a relation);
# * a word of the land or a hospital's after being born in "the" ("born at 26 weeks in the heath", "born in the
#   royal"): the hospital or the district.
_SET_OFF_DOUBLE_RE = lazy_compile(
    r"(?<![\p{L}'’])(?P<role>\p{L}+)[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*(?P<a>\p{Ll}{2,})-(?P<b>\p{Ll}{2,})"
    r"(?=[ \t]*(?:,|\)|[ \t][\-–—]))", re.VERSION1)
_COMPOUND_FIRST = frozenset("""half well wide ill self semi all over under non no ever never much long short full part ex
    co pre post anti step great mid sub super ultra left right so one two three four five six seven eight nine ten eleven
    twelve twenty thirty forty fifty first second third old new high low hard soft""".split())
_COMPOUND_LAST = ("ed", "ing", "ly", "ful", "less", "ish", "like", "time", "year", "old", "aged", "minded", "faced", "free",
                  "wise", "ward", "wards", "proof", "style")
_BARE_SUBJECT_RE = lazy_compile(
    r"(?:\A|(?<=[.!?;][ \t\"“'‘]*)|(?<=\n))[ \t]*(?P<w>\p{Ll}{3,})[ \t]+(?:was|is)[ \t]+(?:in[ \t]+the[ \t]+(?:car|back|front|"
    r"van|bath|buggy|pram|cot|bed|house|flat)\b[ \t]*(?:with|when|at|,|\.|\Z)|with[ \t]+(?:them|him|her|us|me)\b|"
    r"(?:crying|screaming|sobbing|asleep|hiding)\b)", re.VERSION1)
_NOT_BARE_SUBJECTS = frozenset("""family staff team everyone everybody someone somebody nobody anybody anyone noone each
    either neither both all none this that who which what there here social police dog cat puppy kitten pet money stuff
    food shopping washing she you they one""".split())
_BORN_IN_THE_RE = lazy_compile(
    r"\bborn[ \t]+(?:(?:at|after|on|early|premature|prem)[ \t]+(?:[\p{L}\d]+[ \t]+){0,3})?(?:in|at)[ \t]+the[ \t]+"
    r"(?P<w>heath|royal|general|infirmary|grange|vale|moor|moors|dale|glen|meadows)(?![\p{L}'’])"
    r"(?![ \t]+(?:hospital|infirmary|of|and)\b)", re.IGNORECASE | re.VERSION1)


# A name written or said to someone: after "rip", "happy (5th) birthday" or "love from" ("the wall said rip jaydon", "the
# cake said happy 5th birthday kacey-mae"), where the word is no English word or is a given name.
_DEDICATED_TO_RE = lazy_compile(
    r"\b(?:rip|r\.i\.p\.?|happy[ \t]+(?:\d{1,2}(?:st|nd|rd|th)[ \t]+|[\p{L}]+(?:st|nd|rd|th)[ \t]+)?birthday|love[ \t]+from|"
    r"lots[ \t]+of[ \t]+love)[ \t]+(?P<w>\p{Ll}{2,}(?:-\p{Ll}{2,})?)(?![\p{L}'’\-])", re.IGNORECASE | re.VERSION1)
# A name given, taken or called by: after a change of name, a wish to be called, a surname to be, a contact's, a
# street's or a stage name, being saved in a phone as, or being the one they call ("she changed her name to river by deed
# poll", "she wants to be called jay now", "the baby's surname will be hartigan", "his street name is ghost", "saved in
# his phone as 'wifey kels'", "the one they call tank", "the boy we called 'tinker'", "the lad known as smurf"): any word there is the name, an English word too; quoted, all of it.
_NAME_GIVEN_RE = lazy_compile(
    r"\b(?:change[sd]?[ \t]+(?:his|her|their|my|your|its)[ \t]+(?:sur|first[ \t]+|last[ \t]+)?name[ \t]+to|changing[ \t]+"
    r"(?:his|her|their|my|your)[ \t]+name[ \t]+to|(?:wants?|wanted|likes?|liked|asks?|asked|prefers?|preferred|chooses?|chose)"
    r"[ \t]+to[ \t]+be[ \t]+(?:called|known[ \t]+as)|(?:sur|first[ \t]+|last[ \t]+|middle[ \t]+)?name[ \t]+(?:will|would|should|"
    r"is[ \t]+going[ \t]+to|was[ \t]+going[ \t]+to)[ \t]+be|(?:contact|street|gang|stage|road|pet)[ \t]+name(?:[ \t]+for[ \t]+"
    r"(?:him|her|them|me))?(?:[ \t]+(?:is|was)|['’]s)|saved[ \t]+in[ \t]+(?:his|her|their|my|your)[ \t]+phone[ \t]+as|"
    # who a relative clause of naming says people call someone ("the lad they all call SMUDGE", "who the kids call Big G")
    r"(?:one|lad|lass|girl|boy|kid|man|woman|guy|bloke|fella|who|whom)[ \t]+(?:(?:they|we|everyone|everybody|people|"
    r"the[ \t]+\p{L}+)[ \t]+(?:all[ \t]+)?(?:call|called(?=[ \t]+['‘\"“]))|(?:who(?:['’]s|[ \t]+is|[ \t]+was)[ \t]+)?"
    r"known[ \t]+as))"
    r"(?:[ \t]+(?:just|simply|only))?[ \t]+(?:['‘\"“](?P<q>[^'’\"”\n]{2,30})['’\"”]|(?P<w>(?:(?:big|little|lil|wee|young)"
    r"[ \t]+\p{L}[\p{L}\-]*|\p{Ll}{2,}(?:-\p{Ll}{2,})?))"
    r"(?![\p{L}'’\-]))", re.IGNORECASE | re.VERSION1)
# Two or three capitals, dotted or not, standing for a person after a word of naming ("known to us as KJ", "she goes by
# T.J.", "he calls himself DJ"), or in brackets before a date of birth or an age as a review writes a child ("Child A (AB,
# DOB 01/02/2015)", "(KL, aged 15)").
_INITIALS = r"(?P<w>(?-i:\p{Lu}\.?\p{Lu}\.?(?:\p{Lu}\.?)?))(?![\p{L}\d])"
_INITIALS_AS_NAME_RE = lazy_compile(
    r"\b(?:known(?:[ \t]+to[ \t]+(?:us|them|everyone|staff|school|services))?[ \t]+as|go(?:es|ing)?[ \t]+by|went[ \t]+by|"
    r"call(?:s|ed)?[ \t]+(?:himself|herself|themselves)|(?:we|they|everyone|staff)[ \t]+call(?:ed)?[ \t]+(?:him|her|them)|"
    rf"referred[ \t]+to[ \t]+as)[ \t]+['‘\"“]?{_INITIALS}", re.IGNORECASE | re.VERSION1)
_INITIALS_BESIDE_AGE_RE = lazy_compile(
    rf"\([ \t]*{_INITIALS}[ \t]*,[ \t]*(?=(?:d\.?[ \t]?o\.?[ \t]?b|date[ \t]+of[ \t]+birth|born|aged?)\b)",
    re.IGNORECASE | re.VERSION1)
# A newborn registered before a first name is given ("Baby Boy Smith", "baby girl o'neill", "Baby of Jones"): the surname.
_BABY_SURNAME_RE = lazy_compile(
    r"\bbaby[ \t]+(?:boy|girl|of)[ \t]+(?P<w>(?-i:\p{Lu})[\p{L}'’\-]+|(?-i:\p{Ll})[\p{Ll}'’\-]+(?=[ \t]*(?:[.,;:!?)]|\Z)))",
    re.IGNORECASE | re.VERSION1)
# A nickname in quotes after being called or going by it ("everyone calls her 'moll'", "he goes by 'smiley'"): the
# quotes make any word the name, an English word too ("they call him 'lazy'"); unquoted, "they call her names" is kept.
_QUOTED_NICKNAME_RE = lazy_compile(
    r"\b(?:call(?:s|ed|ing)?[ \t]+(?:him|her|them|me|us|you|himself|herself|themselves)|"
    # who everyone knew by it ("everyone knew her brother as 'Tiny'", "we know him as 'Dibs'")
    r"kn(?:ew|ows?)[ \t]+(?:him|her|them|(?:his|her|their|my|our)[ \t]+\p{L}+)[ \t]+as|(?<!\b(?:it|this|that)[ \t]+)(?:go(?:es|ing)?|went)[ \t]+by|nick[ \t]?name(?:['’]s|[ \t]+(?:is|was))|"
    r"known(?:[ \t]+(?:to[ \t]+\p{L}+|locally|round[ \t]+here))?[ \t]+as|a\.?k\.?a\.?)"
    r"(?:[ \t]+(?:just|simply|only))?[ \t]*,?[ \t]+['‘\"“](?P<q>[^'’\"”\n]{2,30})['’\"”]", re.IGNORECASE | re.VERSION1)
# Initials whose second is of a surname with "O'" ("m.o'd", "J. O'N"): no word is so written.
_INITIALS_WITH_O_RE = lazy_compile(r"(?<![\p{L}\p{N}.'’])\p{L}\.[ \t]?[oO]['’]\p{L}(?![\p{L}\p{N}'’])", re.VERSION1)
# A letter standing for a name, in quotes or after a verb of writing it, and the name after "for" ("i wrote 'k' for
# kacey", "put J for jayden"; not "Plan B for kacey"); the letters of a spelling alphabet ("'c' for charlie") and a word
# after "for" that is English are no one's.
_LETTER_FOR_NAME_RE = lazy_compile(
    r"(?<![\p{L}\p{N}'’])(?:['‘\"“](?P<l>\p{L})['’\"”]|(?<=\b(?:wrote|put|write|writes|used|use|uses)[ \t]+)(?P<l>\p{L}))"
    r"[ \t]+(?:for|=|stands[ \t]+for|is[ \t]+for)[ \t]+(?P<w>\p{L}[\p{L}'’\-]+)(?![\p{L}'’\-])", re.IGNORECASE | re.VERSION1)
_SPELLING_ALPHABET = frozenset("""alfa alpha bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike
    november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray x-ray yankee zulu""".split())
#: A name spelt out by the spelling alphabet ("that's 'c' for charlie, k for kilo"): the alphabet's words, no one's name.
SPELT_OUT_RE = lazy_compile(
    r"(?<![\p{L}\p{N}'’])['‘\"“]?\p{L}['’\"”]?[ \t]+for[ \t]+(?P<w>" + "|".join(sorted(_SPELLING_ALPHABET, key=len, reverse=True))
    + r")(?![\p{L}'’\-])", re.IGNORECASE | re.VERSION1)
# A name joined by underscores to figures or words, as a file or a record is named ("tj_2019_assessment",
# "kacey_smith_plan"): two letters no list knows are initials, a first name no English word is a name.
_UNDERSCORED_RE = lazy_compile(r"(?<![\p{L}\p{N}_@.#/\\])[\p{L}\p{N}]+(?:_+[\p{L}\p{N}]+)+(?![\p{L}\p{N}_@])", re.VERSION1)
# A name at the end of a campaign's or a memorial's hashtag ("#justiceforkacey", "#RIPJayden", "#findmaddie"): after
# "for" or "4" ("#prayforjayden"), or after a word of remembering, finding or backing.
_HASHTAG_NAME_RE = lazy_compile(
    r"(?<![\p{L}\p{N}&])#(?:\p{L}{0,12}?(?:for|4)|rip|team|find|free|missing|remember(?:ing)?|forever|love|bring)"
    r"(?P<w>\p{L}{3,}?)(?:home|back|now)?(?![\p{L}\p{N}_])", re.IGNORECASE | re.VERSION1)
# A word no list knows asked after or set against another in a cleft ("was it tiegan?", "it's not kyron, it's kyran").
_CLEFT_NAME_RE = lazy_compile(
    r"\b(?:was[ \t]+it|is[ \t]+it|it['’]s[ \t]+not|it[ \t]+wasn['’]t|it[ \t]+isn['’]t|it['’]s|it[ \t]+was|not)[ \t]+"
    r"(?P<w>\p{Ll}{3,})(?=[ \t]*(?:\?|,[ \t]*(?:it['’]s|it[ \t]+was|yeah|no|with|not)\b))", re.VERSION1)
# Verbs of a purpose a change of name serves, said after its "to" ("changed her name to match", "to fit in", "to avoid
# him", "to get away"): the reason, which no one is called.
_PURPOSE_VERBS = frozenset("""match suit fit blend avoid hide escape protect distance reflect honour mirror please spite
    disappear start stop keep get make sound feel look stay""".split())
# The verbs of purpose that end a clause alone ("to match", "to fit in", "to hide"); the others want an object ("to
# honour her nan", "to spite him"), so one with nothing after it is the name ("she changed her name to honour").
_PURPOSE_ALONE = frozenset("match suit fit blend hide escape disappear stay".split())
# Words that open a clause after a verb, which no name given is ("the girl we call whenever we need help").
_CLAUSE_JOINERS = frozenset("when whenever where wherever while whilst unless until till because cos coz once if".split())
_NOT_GIVEN_NAMES = frozenset("""the a an my his her their our your me him them us it that this what something anything
    nothing by to now then for from and or but so in on at with after before again back too yet still also just all
    everyone you later soon today tomorrow tonight first instead out up off much more less""".split())


# A first name that is a word too after a relation ("her nanna pat", "they stay at auntie carol's", "i call him uncle
# tony", "his dad mark's", "her brother noël"): the person, unless a verb's object or a modal follows it as a verb
# ("her son will help", "his dad rob the shop").
_RELATION_FIRST_RE = lazy_compile(
    r"\b(?:auntie|aunty|aunt|uncle|nanna|nana|nan|nain|nanny|grandad|grandpa|grandma|granny|gran|taid|mamgu|bampi|mam|mum|"
    r"dad|brother|sister|son|daughter|cousin|stepdad|stepmum)[ \t]+(?P<w>\p{Ll}[\p{Ll}\p{M}]{1,})(?=['’]s\b|[ \t]*[,.;:!?\"”'’)]|"
    r"[ \t]+(?:and|but|or|who|with|at|from|on|in|every|too|is|was|came|comes|rang|rings|said|says|picks|picked|drove|does|"
    r"did|has|had|xx?)\b|[ \t]*\Z)", re.VERSION1)
_NOT_RELATION_NAMES = frozenset("""will may can might must shall would could should did does do had has have says said
    rang came went got gets told asked also too then now again always never still just only""".split())
# One word in quotes after a name of any kind or after a text or a card "from" ("her screen name is 'bratzbecca'", "we
# used the name 'kez'", "the text was from 'dazza'"; "a new name 'Slough Children First'" is a service's), or before being
# tattooed ("she has 'kenzie' tattooed on her wrist"): a name, an English word after "name" too; before "tattooed" only
# a word no English list knows ('the word "hope" is tattooed' is a word).
_QUOTED_AFTER_NAME_RE = lazy_compile(
    r"\b(?:name(?:[ \t]+(?:is|was)|['’]s)?[ \t]*[,:]?|(?:text|message|card|note|letter|call|snap|dm)(?:[ \t]+(?:was|is|came))?"
    r"[ \t]+from)[ \t]+['‘\"“](?P<q>[^'’\"”\s]{2,30})['’\"”]", re.IGNORECASE | re.VERSION1)
# A word set off by commas after "name" ("his daughter's name, lacey-mae, tattooed on his neck").
_SET_OFF_AFTER_NAME_RE = lazy_compile(
    r"\bname[ \t]*,[ \t]*(?P<w>\p{Ll}[\p{Ll}\p{M}]+(?:-\p{Ll}[\p{Ll}\p{M}]+)?)[ \t]*,", re.VERSION1)
_QUOTED_TATTOO_RE = lazy_compile(
    r"['‘\"“](?P<q>\p{L}[\p{L}\p{M}\-]{1,20})['’\"”][ \t]+(?:tattooed|inked|done)\b", re.IGNORECASE | re.VERSION1)
# A word no list knows after a verb of sending or showing and "to", where a phrase ends ("she texted 'otw x' to kyron",
# "he sent the pics to jaylen last night"): the one it went to; a place would be redacted as well.
_SENT_TO_RE = lazy_compile(
    r"\b(?:texted|text|texts|sent|sends|send|messaged|message|forwarded|showed|shown|gave|passed|snapchatted|dm['’]?d)\b"
    r"[^.!?\n]{0,40}?\bto[ \t]+(?P<w>\p{Ll}[\p{Ll}\p{M}]{2,})(?=[ \t]*(?:[.,;:!?)\"”'’]|\Z)|[ \t]+(?:and|but|on|at|last|"
    r"yesterday|today|tonight|again|instead)\b)", re.IGNORECASE | re.VERSION1)
# ... and after a preposition that takes a person, where a phrase ends ("i did it for kacey", "we were worried about
# tyreese", "she sat next to kacey", "it was signed by jaylen."): whom it is for, about or by; a verb after a bare "to"
# is a verb, so "to" counts only after a word of nearness or kin ("next to", "close to", "married to").
_PERSON_PREPOSITION_RE = lazy_compile(
    r"\b(?i:for|about|by|from|without|beside|alongside|towards|toward|than|(?:next|close|married|engaged|related)[ \t]+to)"
    r"[ \t]+(?P<w>\p{Ll}[\p{Ll}\p{M}]{2,}(?:-\p{Ll}[\p{Ll}\p{M}]+)?)(?=[ \t]*(?:[.,;:!?)\"”'’]|\Z)|[ \t]+(?i:and|but|"
    r"on|at|in|with|during|when|because|last|yesterday|today|tonight|again|instead|too|as[ \t]+well)\b)", re.VERSION1)
#: The last letters of nine in ten given names no English word spells (a vowel, "y", "n", "l", "r", "h": "kacey",
#: "jaxon", "tyreese"); a programme's or a product's name in lower case after "for" ends otherwise more often ("seslip").
_GIVEN_NAME_LAST = frozenset("aeiouynlrh")


def _given_name_shaped(word: str) -> bool:
    """Whether a word no list knows (folded) is shaped as a given name (:data:`_GIVEN_NAME_LAST`), and is no English
    word's plural ("stakeholders") nor two English words run together ("youchoose")."""
    words = english_words()
    parts = word.split("-")
    return (all(p[-1:] in _GIVEN_NAME_LAST for p in parts) and not (word.endswith("s") and word[:-1] in words)
            and not any(p[:i] in words and p[i:] in words for p in parts for i in range(3, len(p) - 2)))
# ... and after what the service makes or finds for someone and "for" ("we made a safety plan for kacey", "the
# assessment for jaylen was late"): whom it is for.
_MADE_FOR_RE = lazy_compile(
    r"\b(?:plan|assessment|referral|review|meeting|placement|place|bed|room|support|package|funding|application|order|"
    r"statement|ehcp|visit|visits|contact|appointment|appointments|report|file|case|bid|request|space)"
    # the thing's label, a letter or a figure ("Plan B for kacey", "plan 2 for jaylen")
    r"(?:[ \t]+(?:\p{L}|\d{1,2})(?![\p{L}\p{N}'’]))?[ \t]+for[ \t]+"
    r"(?P<w>\p{Ll}[\p{Ll}\p{M}]{2,}(?:-\p{Ll}[\p{Ll}\p{M}]+)?)(?=[ \t]*(?:[.,;:!?)\"”'’]|\Z)|[ \t]+(?:and|but|on|at|last|yesterday|today|again|was|is|"
    r"were|had|has|came|went|got|from|in|to)\b)", re.IGNORECASE | re.VERSION1)


@cache
def _one_word_public_names() -> frozenset[str]:
    """The public names of one word (:func:`~impact.privacy._lexicon.public_names`), folded ("tesco", "greggs")."""
    return frozenset(fold(n) for n in public_names() if " " not in n.strip())


# "miss" in lower case before a word no English list knows, as a title or as missing someone ("with miss tegan").
_MISS_UNKNOWN_RE = lazy_compile(r"\bmiss[ \t]+(?P<w>\p{Ll}[\p{Ll}\p{M}]{2,})(?![\p{L}\p{M}\-])", re.VERSION1)


# A Welsh first name after a mutation ("ei brawd o, ddafydd", "i fethan", "a gareth" -> "a ngareth"): the word's first
# letters changed back as the soft, nasal and aspirate mutations change them, a first name no English word.
_DEMUTATE = (("ngh", "c"), ("ng", "g"), ("mh", "p"), ("nh", "t"), ("ph", "p"), ("th", "t"), ("ch", "c"), ("dd", "d"),
             ("f", "b"), ("f", "m"), ("l", "ll"), ("r", "rh"), ("m", "b"), ("b", "p"), ("g", "c"), ("d", "t"), ("", "g"))
_LOWER_WORD_ONLY_RE = lazy_compile(r"(?<![\p{L}\p{M}'’\-])\p{Ll}[\p{Ll}\p{M}]{3,}(?![\p{L}\p{M}\-]|['’]n\b)", re.VERSION1)


#: Welsh words for a family and its members, beside the common words of ``wordlists/welsh_common.txt``: what a Welsh
#: possessive most often mutates ("ei thad", "fy nhad", "ei chwaer", "ei frawd").
_WELSH_KIN = frozenset("""tad mam brawd chwaer mab merch taid nain mamgu tadcu plant plentyn teulu ffrind modryb ewythr
    cefnder cyfnither nith nai babi gwr gwraig cariad partner llystad llysfam""".split())
# A Welsh word that mutates the word after it: a possessive ("ei", "eu", "fy", "dy", "ein", "eich") or "gyda", "efo",
# "tua", "â" ("her", "their", "my", "your", "our"; "with", "about").
_WELSH_MUTATOR_RE = lazy_compile(
    r"(?:(?<![\p{L}\p{M}'’\-])(?P<v>\p{L}+)[ \t]+)?(?<![\p{L}\p{M}'’\-])(?:ei|eu|fy|dy|ein|eich|gyda|efo|tua|â)[ \t]+"
    r"(?P<w>\p{Ll}+)(?![\p{L}\p{M}])", re.IGNORECASE | re.VERSION1)


@cache
def _welsh_vocabulary() -> frozenset[str]:
    return welsh_words() | _WELSH_KIN


_WELSH_MUTATOR_WORD_RE = lazy_compile(r"\b(?:ei|eu|fy|dy|ein|eich|gyda|efo|tua|â)[ \t]", re.IGNORECASE | re.VERSION1)


def welsh_mutated_words(text: str, listed: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Where ``text`` has a Welsh word after a word that mutates it, changed back by the soft, nasal or aspirate
    mutation to a common Welsh word or a word for kin ("ei thad": "tad", father; "fy nhad", "ei phlant"), which a
    first name it also spells is not ("Thad"), nor is a common Welsh word just before ("mae ei thad": "mae", is); a
    listed participant's name part stays one.

    Examples
    --------
    >>> text = "dwi'n nabod ei thad, gareth"
    >>> [text[a:b] for a, b in welsh_mutated_words(text)]
    ['thad']
    """
    kept: list[tuple[int, int]] = []
    if _WELSH_MUTATOR_WORD_RE.search(text) is None:
        return kept
    vocab = _welsh_vocabulary()
    for m in _WELSH_MUTATOR_RE.finditer(text):
        word = fold(m.group("w"))
        if word in listed:
            continue
        if any(word.startswith(now) and was + word[len(now):] in vocab for now, was in _DEMUTATE if now):
            kept.append(m.span("w"))
            # the Welsh verb before it, which a first name may spell ("mae ei thad yn gweithio": not the name Mae)
            if m.group("v") is not None and fold(m.group("v")) in vocab and fold(m.group("v")) not in listed:
                kept.append(m.span("v"))
    return kept


# A Welsh sentence's stretch (to a full stop, colon or line end) and a word in it with what is joined to it by an
# apostrophe ("mae'r", "rhieni'n", "i'r").
_CLAUSE_RE = lazy_compile(r"[^.!?:;\n\r…]+", re.VERSION1)
_WELSH_TOKEN_RE = lazy_compile(
    r"(?<![\p{L}\p{M}'’\-])(?P<w>\p{L}[\p{L}\p{M}]*)(?P<c>(?:['’]\p{L}{1,3})*)(?![\p{L}\p{M}\-])", re.VERSION1)
# "yn" or "'n" before an adjective or a noun said of someone ("roedd hi yn sâl", "mae hi'n gwen"... ): what follows is
# the word, never a first name it also spells ("Sal")
_PREDICATIVE_BEFORE_RE = lazy_compile(r"(?:(?<![\p{L}\p{M}])yn|['’]n)[ \t]+\Z", re.IGNORECASE | re.VERSION1)


# The Welsh article ("y", "yr", "'r"), before a capitalised word that is then a title or a document's, never a person's
# name, which takes no article in Welsh ("y Ddeddf", "y Cynnig", "â'r Gweinidog").
_WELSH_ARTICLE_BEFORE_RE = lazy_compile(r"(?:(?<![\p{L}\p{M}'’])(?:y|yr)|\p{L}['’]r)[ \t]+\Z", re.IGNORECASE | re.VERSION1)


# Endings of Welsh verbs (past, imperative, present-future, impersonal: "siaradais", I spoke; "dilynwch", follow;
# "gwelodd", she saw) and of Welsh plurals ("teuluoedd", "swyddogion"), the longest first; and the endings a
# verb-noun adds to its stem ("siarad", "gwel-ed", "dysg-u"), which the frequent list holds in place of the stem.
_WELSH_ENDINGS = ("asoch", "asant", "asom", "aist", "iaid", "oedd", "ais", "odd", "wyd", "wch", "ant", "och", "ith",
                  "iau", "ion", "af", "ir", "au")
_WELSH_VERBNOUN_ENDINGS = ("", "u", "i", "o", "io", "ed", "an", "yd", "eg", "ad")
#: The fewest letters of a stem read under an ending: a shorter one is as often a name's ("Ffion", "Sion", "Dion").
_WELSH_STEM_MIN = 4


# The irregular verbs' forms (bod, to be; mynd, to go; dod, to come; gwneud, to do; cael, to get; geni, to be born;
# gwybod, to know), past, present-future, conditional and imperative, literary and spoken, which no regular ending on a
# stem gives ("aethon", we went; "ganwyd", was born; "cawson", we had), less those English has or a first name is ("down",
# "bum", "dont", "des", "cai"); their mutated forms are read back as any.
_WELSH_IRREGULAR = frozenset("""
    buost buodd buom buon buoch buont buasai buasen buaswn byddaf byddi byddwn byddwch byddan byddant byddech
    oeddet oeddem oeddech oeddent rydw rydych rydyn rydym ydw ydych ydynt ydyw oeddwn roeddet roeddem roeddech
    af awn ewch aeth aethon aethom aethoch aethant aethai elai elwn euthum ewch cer cerwch
    dof doi daw dewch dest daeth daethon daethom daethoch daethant daethai deuai deuthum dois dere
    gwnaf gwnei gwnawn gwnewch gwnan gwnes gwnest gwnaeth gwnaethon gwnaethom gwnaethoch gwnaethant gwnaethai gwnai
    caf cei caiff cawn cewch ces cest cafodd cawson cawsom cawsoch cawsant cafwyd ceir cefais cefaist cafas
    ganwyd ganed genir genid anwyd aned
    gwn gwyddost gwyr gwyddom gwyddoch gwyddant gwyddwn gwyddai gwyddech
""".split())

_WELSH_MONTH_NAMES = frozenset("ionawr chwefror mawrth ebrill mai mehefin gorffennaf awst medi hydref tachwedd rhagfyr".split())
_MIS_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’])[mf]is[ \t]+\Z", re.IGNORECASE | re.VERSION1)


def _welsh_form(word: str) -> bool:
    """Whether ``word`` (folded), or it changed back from a mutation, is a frequent Welsh word form."""
    vocab = welsh_frequent_words()
    return word in vocab or word in _WELSH_IRREGULAR or any(
        word.startswith(now) and ((back := was + word[len(now):]) in vocab or back in _WELSH_IRREGULAR)
        for now, was in _DEMUTATE if now)


def _welsh_inflected(word: str) -> bool:
    """Whether ``word`` (folded) is a frequent Welsh word with a regular ending of a verb or a plural on its stem
    ("siaradais" from "siarad", "dilynwch" from "dilyn"); a stem of fewer than :data:`_WELSH_STEM_MIN` letters is not
    read so, nor a word that is a first name (:func:`welsh_sentence_words` checks that)."""
    for ending in _WELSH_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _WELSH_STEM_MIN and any(
                _welsh_form(stem + tail) for tail in _WELSH_VERBNOUN_ENDINGS):
            return True
    return False


# Endings of Welsh plurals of nouns ("egwyddorion", principles; "gwasanaethau", services; "ardaloedd", areas), and the
# fewest letters of a stem read under one where the frequent list holds no form of the stem: no first name or surname is
# so long before one ("Ffion", "Gwion" and "Dafydd" are not plurals).
_WELSH_PLURAL_ENDINGS = ("iaid", "oedd", "ion", "iau", "au")
_WELSH_UNLISTED_STEM_MIN = 5


def _welsh_plural_shape(word: str) -> bool:
    """Whether ``word`` (folded) has the shape of a Welsh noun's plural on a stem no list need hold ("egwyddorion"),
    and no list of names or English words knows it: read so only inside a sentence already written in Welsh."""
    return (any(word.endswith(e) and len(word) - len(e) >= _WELSH_UNLISTED_STEM_MIN for e in _WELSH_PLURAL_ENDINGS)
            and word not in english_words() and word not in folded_first_names() and word not in surname_words())


def _welsh_lexical(word: str, whole: str) -> bool:
    """Whether ``word`` (folded), or it with what an apostrophe joins to it (``whole``), or it changed back from a
    mutation, is a frequent Welsh word form, or one with a regular ending of a verb or a plural
    (:func:`_welsh_inflected`)."""
    return _welsh_form(word) or whole in welsh_frequent_words() or _welsh_inflected(word)


def welsh_sentence_words(text: str, listed: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Where ``text`` has a frequent Welsh word inside a sentence written in Welsh: the word, not a name.

    A sentence is Welsh where two or more of its words are frequent Welsh word forms
    (:func:`~impact.privacy._lexicon.welsh_frequent_words`) that are no English word and no first name, more of them
    than its English words that are no Welsh word.  There a Welsh
    word in lower case, or capitalised as the sentence's first word ("Roedd hi yn sâl ddoe", "Mae'r plant yn hapus"),
    is the word, and so is a Welsh name of a nation, a language, a month or a day in any case ("yng Nghymru", "ym mis
    Mawrth").  A Welsh word that is a first name too ("sâl", Sal; "gwen") is the word only in lower case after "yn"
    or "'n" ("roedd hi yn sâl"); a capitalised word inside the sentence stays a name ("Roedd Dafydd yn sâl", "Mae
    Gwen yn sâl"), unless the Welsh article stands before it ("y Ddeddf", the Act), and so does a listed participant's
    name part.

    Examples
    --------
    >>> text = "Roedd hi yn sâl ddoe."
    >>> [text[a:b] for a, b in welsh_sentence_words(text)]
    ['Roedd', 'hi', 'yn', 'sâl', 'ddoe']
    >>> text = "Roedd Dafydd yn sâl"
    >>> [text[a:b] for a, b in welsh_sentence_words(text)]
    ['Roedd', 'yn', 'sâl']
    """
    kept: list[tuple[int, int]] = []
    english, firsts = english_words(), folded_first_names()

    def tokens(a: int, b: int) -> list | None:
        toks = [(m, fold(m.group("w")), fold(m.group())) for m in _WELSH_TOKEN_RE.finditer(text, a, b)]
        welsh = {w for m, w, whole in toks if w not in english and w not in firsts and w not in listed
                 and _welsh_lexical(w, whole)}
        # more Welsh words than English ones: an English sentence with a Welsh setting or name in it is not one ("he's
        # at ysgol penrhyn in bangor", "the boy's called rhodri ap gwyn")
        if len(welsh) < 2 or len(welsh) <= len({w for m, w, whole in toks if w in english and not _welsh_lexical(w, whole)}):
            return None
        return toks

    for clause in _CLAUSE_RE.finditer(text):
        toks = tokens(clause.start(), clause.end())
        if toks is not None:
            kept += _welsh_clause_words(text, toks, listed)
            continue
        # a sentence that changes language at a comma or an English conjunction ("Aeth Jayden i'r ysgol but he didn't
        # stay"): each part judged alone
        at = clause.start()
        for cut in chain(_CODE_SWITCH_RE.finditer(text, clause.start(), clause.end()), [None]):
            end = clause.end() if cut is None else cut.start()
            if at < end and (part := tokens(at, end)) is not None:
                kept += _welsh_clause_words(text, part, listed)
            at = clause.end() if cut is None else cut.end()
    return kept


# Where a sentence may change from Welsh to English: a comma, or an English conjunction no Welsh word spells.
_CODE_SWITCH_RE = lazy_compile(r",|\b(?:but|and|so|then|because|when|while|though|with)\b", re.IGNORECASE | re.VERSION1)


def _welsh_clause_words(text: str, toks: list, listed: frozenset[str]) -> list[tuple[int, int]]:
    """The words of a clause written in Welsh (``toks``, see :func:`welsh_sentence_words`) that are Welsh words."""
    kept: list[tuple[int, int]] = []
    firsts, proper, public = folded_first_names(), welsh_proper_words(), public_terms()
    for k, (m, w, whole) in enumerate(toks):
        if w in listed:
            continue
        # a Welsh name of a nation, a month ..., or a public office or body ("y Gweinidog", "Dirprwy Lywydd"); a month
        # that is a first name too after "mis" (month: "ym mis Mai", "fis Medi")
        if w in proper or w in public or w in _WELSH_MONTH_NAMES and _MIS_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
            kept.append(m.span())
            continue
        word = m.group("w")
        # a plural's shape on a stem no list holds is a word in a Welsh sentence ("Egwyddorion sylfaenol y Ddeddf")
        if not (_welsh_lexical(w, whole) or _welsh_plural_shape(w)) or word.isupper() and len(word) > 1:
            continue
        if (word[:1].isupper() and not _sentence_initial(text, m.start())
                and not (w not in firsts and _WELSH_ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()))):
            continue  # "Roedd Dafydd yn sâl", "Mae Gwen yn sâl": a capital inside the sentence is a name's
        if w in firsts and (word[:1].isupper() or not (
                _PREDICATIVE_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())
                # after the article ("mae'r tîm", the team): a name takes none
                or _WELSH_ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 4), m.start())
                # a preposition before its object ("dan oed", under age; "dan ofal", in care; "dan 18")
                or w in _WELSH_PREPOSITIONS and _welsh_object_after(text, m.end(), toks[k + 1 :]))):
            continue
        kept.append(m.span())
    return kept


# A form's field opening a line before a colon, in one to three words ("Cyfeiriad:", address; "Sylwadau:", comments).
_FIELD_LABEL_RE = lazy_compile(r"(?m)^[ \t]*(?P<l>\p{L}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{L}[\p{L}\p{M}'’\-]*){0,2})[ \t]*:", re.VERSION1)


def welsh_field_labels(text: str, listed: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Where a form's field is named in Welsh before a colon at a line's start ("Cyfeiriad: 12 Ffordd yr Orsaf"): words,
    every one a frequent Welsh word form and no first name nor a listed participant's name part.

    Examples
    --------
    >>> text = "Cyfeiriad: 12 Ffordd yr Orsaf"
    >>> [text[a:b] for a, b in welsh_field_labels(text)]
    ['Cyfeiriad']
    >>> welsh_field_labels("Osian: he said no")
    []
    """
    found = []
    for m in _FIELD_LABEL_RE.finditer(text) if ":" in text else ():
        words = [(w, fold(w.group("w")), fold(w.group())) for w in _WELSH_TOKEN_RE.finditer(text, m.start("l"), m.end("l"))]
        if words and all(w not in folded_first_names() and w not in listed and _welsh_lexical(w, whole)
                         for _m, w, whole in words):
            found.append(m.span("l"))
    return found


#: Welsh prepositions, some of them first names too ("dan", under; "tan", until).
_WELSH_PREPOSITIONS = frozenset("dan tan gan heb wrth hyd rhwng trwy drwy dros tros ger efo gyda".split())
#: Welsh words after a name as often as after a preposition: a verb's particles, a pronoun, a time ("siaradais â dan
#: ddoe": with Dan yesterday).
_WELSH_NOT_OBJECTS = frozenset("""yn wedi ddim a ac ond hefyd ddoe heddiw yfory nawr rwan eto yma yno neithiwr hi e o fe fo
    nhw ni chi fi i ti sy sydd oedd yw""".split())


def _welsh_object_after(text: str, end: int, after: list) -> bool:
    """Whether a preposition's object follows at ``end``: a figure, or the next Welsh word, which is no particle,
    pronoun or time (:data:`_WELSH_NOT_OBJECTS`)."""
    if re.match(r"[ \t]+\d", text[end:]):
        return True
    if not after or text[end : after[0][0].start()].strip():
        return False
    _m, w, whole = after[0]
    return w not in _WELSH_NOT_OBJECTS and _welsh_lexical(w, whole)


def _mutated_name(word: str) -> bool:
    """Whether ``word`` (folded) is a Welsh first name after a mutation and no word of any list itself."""
    if word in english_words() or word in folded_first_names() or word in spoken_words() or word in public_terms():
        return False
    for now, was in _DEMUTATE:
        if word.startswith(now) and (name := was + word[len(now):]) in folded_first_names() and name not in english_words():
            return True
    return False


def _underscored_names(text: str) -> list[Span]:
    """The names in words joined by underscores (see :data:`_UNDERSCORED_RE`): two letters no list knows as a word, a
    term or an abbreviation ("tj"), a first name that is no English word ("kacey"), and a word after one of these that is
    no English word or is a surname ("kacey_smith")."""
    found = []
    for m in _UNDERSCORED_RE.finditer(text):
        after_name = False
        for part in re.finditer(r"[\p{L}\p{N}]+", m.group()):
            w = fold(part.group())
            known = w in english_words() or w in public_terms() or w in spoken_words() or w in _ABBREVIATIONS
            name = w.isalpha() and (
                len(w) == 2 and not known
                or w in folded_first_names() and w not in english_words() and w not in KINSHIP_ROLE_WORDS
                or after_name and len(w) > 2 and (w in surname_words() or not known and _pronounceable(w)))
            if name:
                found.append(Span(m.start() + part.start(), m.start() + part.end(), "name"))
            after_name = name
    return found


# A surname with its particles: after a title, the particles in lower case ("Mr van der Berg", "mrs de la cruz"), or
# two particles, the first capitalised, before a capitalised word, as a surname opens a phrase ("the Van der Berg
# children", "Mac an tSaoir"): the particles and the word are the surname, whatever the word spells.
_PARTICLE_SURNAME_RE = lazy_compile(
    r"\b(?i:mr|mrs|ms|mx|miss|dr|prof|cllr|rev|revd)\.?[ \t]+(?P<w>(?:(?:van|von|der|den|de|du|da|di|del|della|dos|das|ter|ten|"
    r"la|le|las|los|ap|ab|mac|mc|ni|nic|bin|ibn|bint)[ \t]+){1,3}\p{L}[\p{L}\p{M}'’\-]*)"
    r"|(?<![\p{L}\p{M}'’\-])(?P<w>(?:Van|Von|De|Da|Du|Mac|Ap|Ter|Ten)[ \t]+(?:der|den|de|la|le|las|los|an|ten|ter|te)[ \t]+"
    r"\p{Ll}{0,2}\p{Lu}[\p{L}\p{M}'’\-]*)", re.VERSION1)


def _unknown_person_word(w: str) -> bool:
    """Whether a word (folded) after a verb of sending or a preposition may be a person's name: no word, term or public
    name any list holds, said as a word is ("kacey"; not "nspcc", "follow-up")."""
    return (w not in english_words() and w not in public_terms() and w not in spoken_words() and w not in KINSHIP_ROLE_WORDS
            and w not in _one_word_public_names() and _pronounceable(w)
            and not all(p in english_words() for p in w.split("-")))  # "a review for follow-up"


@cache
def member_noun(key: str) -> bool:
    """Whether a people's or a faith's word (folded) names one member, as its plural in "-s" or "-ies" that a list holds
    shows ("Christian", "Christians"; "Romany", "Romanies"); "Roma" and "Sami" are their own plural."""
    plurals = (key + "s", key[:-1] + "ies") if key.endswith("y") else (key + "s",)
    return any(p in proper_nouns() or p in english_words() or p in communities() for p in plurals)


def _own_plural_people(word: str) -> bool:
    """Whether ``word``, as written, is a people's word capitalised that is its own plural ("Roma", "Sami"): after a
    thing made for someone ("Support for Roma is patchy") it is the people, as a child's name in lower case is not."""
    key = fold(word)
    return word[:1].isupper() and key in communities() and not member_noun(key)


# Who sends a message is a person: the word after a message's noun and "from", where the phrase ends or what it says
# follows ("msg from shannon: 'ok ta x'", "Snap msg from Lacey: ...", "a voicemail from kayla re contact"); a place or a
# body sends no text ("a call from Leeds", "email from school", "letter from CAMHS" stay what they are).
_SENDER_RE = lazy_compile(
    rf"\b(?:{MESSAGE_ALTERNATION})[ \t]+from[ \t]+"
    r"(?P<w>\p{L}[\p{L}\-]*)(?=[ \t]*(?:[:;,.!?\-–—\"“'‘(]|\Z)|[ \t]+(?:re|saying|asking|says|said|about|to|at|on|last|this|"
    r"today|yesterday|tonight)\b)", re.IGNORECASE | re.VERSION1)
# A home by its owner's name after "at", the possessive written or not ("staying at jaydens", "she slept at Kayla's",
# "he's been at tylers all weekend"): a verb of staying or being before it, a first name or a word no list knows shaped
# as a given name before the "s"; the name goes, the "s" stays ("staying at [name]s").
_AT_SOMEONES_RE = lazy_compile(
    r"\b(?:stay(?:s|ed|ing)?|stop(?:s|ped|ping)?|sleep(?:s|ing)?|slept|sleepin|stayin|stoppin|liv(?:e|es|ed|ing)|been|"
    r"is|was|were|be|being|round|over|back|spent[ \t]+(?:the[ \t]+)?(?:night|weekend|day))[ \t]+at[ \t]+"
    r"(?P<w>\p{L}[\p{L}\-]*?)(?:['’]s|s)(?![\p{L}\d'’\-])", re.IGNORECASE | re.VERSION1)


_HOME_END_RE = lazy_compile(r"[ \t]+(?:all|tonight|til|till|overnight|now|n|x|lol|most|every|some|over)\b", re.IGNORECASE | re.VERSION1)


def persons_by_form(text: str) -> list[Span]:
    """Persons the form of the sentence names, whatever a word list says of the word (the caller lets these stand over
    a place or an address found on the same word, unless a list of places knows the word): the sender of a message
    (:data:`_SENDER_RE`) and the owner of a home (:data:`_AT_SOMEONES_RE`).

    Examples
    --------
    >>> [text[s.start : s.end] for text in ('msg from shannon: "ok ta"', "staying at jaydens", "staying at Kayla's",
    ...     "a call from school", "staying at hers", "staying at her nans") for s in persons_by_form(text)]
    ['shannon', 'jayden', 'Kayla']
    """
    found = [Span(m.start("w"), m.end("w"), "name") for m in _SENDER_RE.finditer(text) if _person_shaped(fold(m.group("w")))]
    for m in _AT_SOMEONES_RE.finditer(text):
        whole = fold(text[m.start("w") : m.end()])
        w = fold(m.group("w"))
        # a capitalised word no list knows with its "s" closed up is as often a shop's ("at Sainsburys", "Morrisons")
        if (_person_shaped(w) and (w in folded_first_names() or m.group("w").islower() or text[m.end("w")] in "'’")
                and whole not in english_words() and whole not in public_terms()
                and whole not in _one_word_public_names()
                # a home ends the phrase ("staying at jaydens tonight"); "at Morrisons car park" is a shop's
                and (_PHRASE_END_RE.match(text[m.end() : m.end() + 40]) or _HOME_END_RE.match(text, m.end()))):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    return found


def _person_shaped(w: str) -> bool:
    """Whether a word (folded) where a form puts a person is a name: a first name no English word spells, or a word no
    list knows shaped as a given name (:func:`_given_name_shaped`); no month, day, function word nor relation."""
    return (len(w) > 2 and w not in _NOT_NAMES and w not in _MONTH_NAMES and w not in _DAY_NAMES and w not in english_words()
            and w not in public_terms() and w not in spoken_words() and w not in KINSHIP_ROLE_WORDS
            and w not in _one_word_public_names() and (w in folded_first_names() or _given_name_shaped(w)))


def named_after_preposition(text: str) -> list[Span]:
    """A word no list knows, in lower case and shaped as a given name, after a preposition that takes a person where a
    phrase ends (:data:`_PERSON_PREPOSITION_RE`: "i did it for kacey", "we were worried about tyreese"); not a month or
    a day.  The caller leaves a word a list of places or councils knows to be that ("for sefton")."""
    return [Span(m.start("w"), m.end("w"), "name") for m in _PERSON_PREPOSITION_RE.finditer(text)
            if _unknown_person_word(w := fold(m.group("w"))) and w not in _MONTH_NAMES and w not in _DAY_NAMES
            and (w in folded_first_names() or _given_name_shaped(w))]


def named_by_shape(text: str) -> list[Span]:
    """Names and places no list knows found by the shape of the sentence alone (see the comment above).

    Examples
    --------
    >>> [text[s.start : s.end] for text in ("the toddler, sonny-blue, was crying", "blaze was in the car with them",
    ...     "she was born at 26 weeks in the heath", "the toddler, half-asleep, was crying") for s in named_by_shape(text)]
    ['sonny-blue', 'blaze', 'heath']
    """
    found = []
    found += [Span(m.start("w"), m.end("w"), "name") for m in _PARTICLE_SURNAME_RE.finditer(text)]
    for m in _SET_OFF_DOUBLE_RE.finditer(text):
        a, b, role = m.group("a"), m.group("b"), fold(m.group("role"))
        if ((role in KINSHIP_ROLE_WORDS or role in _TITLES) and a not in _COMPOUND_FIRST and not b.endswith(_COMPOUND_LAST)
                and f"{a}-{b}" not in english_words() and f"{a}{b}" not in english_words()):
            found.append(Span(m.start("a"), m.end("b"), "name"))
    for m in _BARE_SUBJECT_RE.finditer(text):
        w = m.group("w")
        if (w in english_words() and not bare_word(w) and w not in KINSHIP_ROLE_WORDS and w not in _TITLES
                and w not in _NOT_BARE_SUBJECTS and w not in _DISCOURSE_WORDS and w not in public_terms()):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    found += [Span(m.start("w"), m.end("w"), "place") for m in _BORN_IN_THE_RE.finditer(text)]
    for m in _DEDICATED_TO_RE.finditer(text):
        # folded: the pattern reads any case ("Love from Grandma Joy": the relation, then her name)
        parts = fold(m.group("w")).split("-")
        if (any(p not in english_words() or p in folded_first_names() for p in parts) and fold(m.group("w")) not in _NOT_GIVEN_NAMES
                and not any(p in KINSHIP_ROLE_WORDS or p in _TITLES for p in parts)):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    for m in _NAME_GIVEN_RE.finditer(text):
        quoted = m.group("q")
        w = quoted if quoted is not None else m.group("w")
        if quoted is None and w in _PURPOSE_VERBS and m.group(0).lower().rstrip().endswith(" " + w) and re.search(
                r"\bto[ \t]+\S+\Z", m.group(0), re.IGNORECASE) and (
                w in _PURPOSE_ALONE or re.match(r"[ \t]+[\p{L}\d]", text[m.end("w"):]) is not None):
            continue  # "she changed her name to match", "to fit in", "to suit her new life": why, not the name
        if quoted is None and fold(w) not in folded_first_names() and (
                fold(w) in _NOT_NAMES or fold(w) in _NOT_NICKNAMES or fold(w) in _CLAUSE_JOINERS or is_public_word(w)
                or fold(w) in KINSHIP_ROLE_WORDS or fold(w) in _TITLES):
            continue  # "the girl we call when we need help", "the lad they call names", "who we call CAMHS": no name
        if quoted is not None or (w not in _NOT_GIVEN_NAMES and w not in KINSHIP_ROLE_WORDS and w not in _TITLES
                                  and not (w in english_words() and w not in folded_first_names()
                                           and w.endswith(("ly", "ed", "ing")))):
            at = m.start("q") if quoted is not None else m.start("w")
            found.append(Span(at, at + len(w), "name"))
    found += [Span(m.start("q"), m.end("q"), "name") for m in _QUOTED_NICKNAME_RE.finditer(text)]
    for m in _QUOTED_APPOSED_RE.finditer(text):  # "mum's boyfriend, 'Smudge', was on licence", "his cousin ('Little T')"
        named = [w for w in m.group("q").split() if fold(w) not in _NICKNAME_WORDS]
        if named and not any(is_public_word(w) or fold(w) in _DETERMINERS_BEFORE_NOUN for w in named):
            # a nickname's own words before the name stay, as round 27 holds ("'big [name]'")
            found.append(Span(m.start("q") + m.group("q").index(named[0]), m.end("q"), "name"))
    # a person's initials where a name stands ("she's known to us as KJ", "(AB, DOB 01/02/2015)"), not a term of the
    # field in capitals ("known as CSE", "(YP, aged 15)"); a surname after a newborn's registered "Baby Boy"
    for pattern in (_INITIALS_AS_NAME_RE, _INITIALS_BESIDE_AGE_RE, _BABY_SURNAME_RE):
        for m in pattern.finditer(text):
            if not is_public_word(m.group("w")) and fold(m.group("w")) not in KINSHIP_ROLE_WORDS:
                found.append(Span(m.start("w"), m.end("w"), "name"))
    found += [Span(m.start("q"), m.end("q"), "name") for m in _QUOTED_AFTER_NAME_RE.finditer(text)
              if fold(m.group("q")) not in KINSHIP_ROLE_WORDS]
    for m in _SET_OFF_AFTER_NAME_RE.finditer(text):
        parts = fold(m.group("w")).split("-")
        if all(p in folded_first_names() or p not in english_words() for p in parts) and _pronounceable(parts[0]):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    found += [Span(m.start("q"), m.end("q"), "name") for m in _QUOTED_TATTOO_RE.finditer(text)
              if fold(m.group("q")) not in english_words() and fold(m.group("q")) not in KINSHIP_ROLE_WORDS]
    for m in _RELATION_FIRST_RE.finditer(text):
        w = fold(m.group("w"))
        # a first name, or a word written with a letter no English word has ("her brother noël")
        if ((w in folded_first_names() or not m.group("w").isascii()) and w not in _NOT_RELATION_NAMES
                and w not in KINSHIP_ROLE_WORDS and w not in _TITLES):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    found += [Span(m.start(), m.end(), "name") for m in _LOWER_WORD_ONLY_RE.finditer(text) if _mutated_name(fold(m.group()))]
    for m in chain(_SENT_TO_RE.finditer(text), _MADE_FOR_RE.finditer(text) if " for " in text else ()):
        if _unknown_person_word(fold(m.group("w"))) and not _own_plural_people(m.group("w")):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    for m in _MISS_UNKNOWN_RE.finditer(text):
        w = fold(m.group("w"))
        if w not in english_words() and w not in public_terms() and w not in spoken_words() and _pronounceable(w):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    found += [Span(m.start(), m.end(), "name") for m in _INITIALS_WITH_O_RE.finditer(text) if "'" in text or "’" in text]
    for m in _LETTER_FOR_NAME_RE.finditer(text):
        w = fold(m.group("w"))
        if (w not in _SPELLING_ALPHABET and w not in english_words() and w not in public_terms() and w not in spoken_words()
                and w not in KINSHIP_ROLE_WORDS and (w in folded_first_names() or _pronounceable(w))):
            found += [Span(m.start("l"), m.end("l"), "name"), Span(m.start("w"), m.end("w"), "name")]
    found += _underscored_names(text) if "_" in text else []
    for m in _HASHTAG_NAME_RE.finditer(text) if "#" in text else ():
        w = fold(m.group("w"))
        # a word no list knows only if no two English words make it ("#loveislove")
        if (w not in english_words() and w not in public_terms() and w not in spoken_words() and w not in KINSHIP_ROLE_WORDS
                and (w in folded_first_names() or _pronounceable(w) and not any(
                    w[:i] in english_words() and w[i:] in english_words() for i in range(2, len(w) - 1)))):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    for m in _CLEFT_NAME_RE.finditer(text):
        w = m.group("w")
        if (w not in english_words() and w not in public_terms() and w not in spoken_words() and len(w) >= 3
                and _pronounceable(w)):
            found.append(Span(m.start("w"), m.end("w"), "name"))
    return found


# Where a thing whose name is a given name too (:func:`~impact.privacy._lexicon.thing_names`) is the thing. A voice
# assistant asked or told to do a device's job, its object no person ("asked Alexa to play music", "told Siri to set a
# timer"; "asked Alexa to play with her" is a girl); a game's hero played, the game not set against someone ("he plays
# Mario all day"; "he plays Mario at chess" is a boy), or before a word for a game ("Mario Kart", "the Zelda game"); a
# breed after an article, a possessive or a number ("a jack russell bit him", "our two king charles").
_ASKED_BEFORE_RE = lazy_compile(
    r"\b(?:ask(?:s|ed|ing)?|tell(?:s|ing)?|told|get(?:s|ting)?|got|said[ \t]+to|shout(?:s|ed|ing)?[ \t]+at)[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
_DEVICE_JOB_AFTER_RE = lazy_compile(
    r"[ \t]+to[ \t]+(?:(?:play|put[ \t]+on)[ \t]+(?:some[ \t]+|her[ \t]+|his[ \t]+|their[ \t]+|my[ \t]+|the[ \t]+|a[ \t]+)?"
    r"(?:music|songs?|tunes?|radio|playlist|story|stories|podcast|nursery[ \t]+rhymes?|\p{L}+[ \t]+by\b)|"
    r"set[ \t]+(?:a|an|the|her|his)[ \t]+(?:timer|alarm|reminder)|turn[ \t]+(?:on|off|up|down)[ \t]+the\b|"
    r"switch[ \t]+(?:on|off)[ \t]+the\b|call[ \t]+(?:mum|dad|nan|999|the[ \t]+police)\b)", re.IGNORECASE | re.VERSION1)
_PLAYED_BEFORE_RE = lazy_compile(r"\b(?:play(?:s|ed|ing)?|gam(?:e|es|ed|ing)[ \t]+on)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_PLAYED_AGAINST_AFTER_RE = lazy_compile(
    r"[ \t]+(?:at|in|for|with|and|back|up|off|out)\b|['’]s\b|[ \t]*,[ \t]+(?:his|her|their)\b", re.IGNORECASE | re.VERSION1)
_GAME_AFTER_RE = lazy_compile(r"[ \t]+(?:kart|bros|party|odyssey|games?|level|world)\b", re.IGNORECASE | re.VERSION1)
_BREED_BEFORE_RE = lazy_compile(
    r"\b(?:a|an|the|our|their|his|her|my|your|two|three|four|old|little|big|pet)[ \t]+\Z", re.IGNORECASE | re.VERSION1)


def things_named(text: str, listed: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Where ``text`` names a thing whose name is a given name too, in a sentence that treats it as the thing (see
    the comment above); an assistant or a hero whose name is in ``listed`` (a participant's name's words) is never
    kept; a breed is (no one is "a jack russell").

    Examples
    --------
    >>> [text[a:b] for text in ("she asked Alexa to play music", "he plays Mario all day", "a jack russell bit him",
    ...     "she asked Alexa to play with her", "he plays Mario at chess") for a, b in things_named(text)]
    ['Alexa', 'Mario', 'jack russell']
    """
    names = thing_names()
    found: list[tuple[int, int]] = []
    for i in range(3, 0, -1):
        for m in re.finditer(rf"(?<![\p{{L}}\p{{M}}'’\-])\p{{L}}+(?:[ \t]+\p{{L}}+){{{i - 1}}}(?![\p{{L}}\p{{M}}'’\-])", text, overlapped=True):
            a, b = m.span()
            key = " ".join(fold(m.group()).split())
            kind = names.get(key)
            if kind is None or (kind != "breed" and key in listed) or any(x <= a < y for x, y in found):
                continue
            before = text[max(0, a - 24) : a]
            if kind == "assistant":
                thing = _ASKED_BEFORE_RE.search(before) is not None and _DEVICE_JOB_AFTER_RE.match(text, b) is not None
            elif kind == "character":
                thing = (_GAME_AFTER_RE.match(text, b) is not None
                         or (_PLAYED_BEFORE_RE.search(before) is not None and _PLAYED_AGAINST_AFTER_RE.match(text, b) is None))
            else:
                thing = _BREED_BEFORE_RE.search(before) is not None
            if thing:
                found.append((a, b))
    return sorted(found)


def set_off_after_role(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is set off after a role or a title, in apposition to it.

    Examples
    --------
    >>> [set_off_after_role(t, t.index(w), t.index(w) + len(w)) for t, w in [
    ...     ("the nurse, bishop, came in", "bishop"), ("my manager - bell - said no", "bell"),
    ...     ("the nurse, bishop came in", "bishop"), ("we need a manager, time, and money", "time")]]
    [True, True, True, False]
    """
    return (text[max(0, start - 3) : start].rstrip(" \t")[-1:] in (",", "(", "-", "–", "—")
            and _SET_OFF_BEFORE_RE.search(text, max(0, start - 30), start) is not None
            and (_SET_OFF_AFTER_RE.match(text, end) is not None or _SET_OFF_OPEN_AFTER_RE.match(text, end) is not None))


# A verb of saying or doing right after a word set off after a role, on one side or both ("the nurse, marsh came in",
# "our social worker, marsh, rang me"): with it, an unlisted word that is a singular count noun is the person's
# surname; a list or an aside has none ("a manager, budget and time", "the nurse, however came in").
_VERB_AFTER_SET_OFF_RE = lazy_compile(
    rf"(?:[ \t]*(?:,|\)|[ \t][\-–—]))?[ \t]+(?:{_ACTIONS}|who|(?!need|seem|use|feel)\p{{L}}+ed)(?![\p{{L}}'’])",
    re.IGNORECASE | re.VERSION1)
# Set off on both sides, "is" or "was" after the word, or a bracket closed before more people, will do as well ("her
# sw, ash, is great", "our iro (ash) is new", "his nan (pearl) and his grandad (flint) came").
_ENCLOSED_AFTER_RE = lazy_compile(
    r"[ \t]*(?:(?:,|\)|[ \t][\-–—])[ \t]*(?:is|was|has|had)(?![\p{L}'’])|\)[ \t]*(?:,|&|(?:and|or)(?![\p{L}'’])))",
    re.IGNORECASE | re.VERSION1)
# Words set off after a role that say how the person works or is, not who ("the nurse (locum) came", "the worker
# (agency) rang", "her dad (sober) came", "the gp (retired) said").
_HOW_WORDS = frozenset("""locum agency bank temp interim relief acting sessional casual contract contractor permanent
    freelance supply cover volunteer voluntary student trainee retired qualified unqualified seconded private independent
    statutory deputy senior junior principal specialist duty lead sober drunk pregnant ill sick poorly unwell absent
    present late away asleep awake upset angry stoned hungover disabled deaf blind autistic deceased dead once twice
    part-time full-time""".split())
def _between_commas(text: str, tok: _Tok) -> bool:
    """Whether a word stands alone between commas (", chantelle,"), as a name said to someone or of someone is; not
    between brackets, where an acronym is spelled out in lower case ("independent reviewing officers (iros)")."""
    return (text[max(0, tok.start - 2) : tok.start].strip(" \t")[-1:] == ","
            and text[tok.end : tok.end + 2].strip(" \t")[:1] == ",")


def _enclosed(text: str, tok: _Tok) -> bool:
    """Whether a word stands alone between brackets, commas or dashes ("(frost)", ", ash,", "- sage -")."""
    before, after = text[max(0, tok.start - 2) : tok.start].strip(" \t")[-1:], text[tok.end : tok.end + 2].strip(" \t")[:1]
    return (before, after) in (("(", ")"), (",", ","), ("-", "-"), ("–", "–"), ("—", "—"))


# The services a worker in brackets may be of ("the worker (housing) said", "the workers (support) came"): no names.
_SERVICE_WORDS = frozenset("""support care health housing education finance welfare safeguarding help youth family law
    police probation admin business data quality practice policy legal social justice transport""".split())
# Words that open a clause without naming anyone, set off after a role ("the nurse, everyone came", "my manager,
# meanwhile rang").
_NOT_SUBJECTS = frozenset("""everyone everybody someone somebody anyone anybody nobody noone something nothing anything
    everything however meanwhile otherwise therefore instead anyway besides luckily sadly thankfully apparently
    obviously eventually finally later earlier today tonight tomorrow yesterday then""".split())

# Words that end a clause after a name, in capitals as in any case: times, days and verbs of contact ("I MET JANE TODAY",
# "MRS OKAFOR CALLED ON TUESDAY").
_CLOSED_TAIL = _NOT_SUBJECTS | _DAY_NAMES | frozenset("""now tomorrow tonight yesterday morning afternoon evening week
    weekend called phoned rang emailed texted visited replied explained agreed arrived attended""".split())

# Titles that are titles in lower case too ("mrs baker", "councillor smith", "sgt bishop"); "nurse", "judge", "father"
# ... in lower case are the words.
_LOWER_TITLES = frozenset("mr mrs ms mx dr cllr prof professor councillor sgt sergeant supt rev revd reverend pani".split())

# The short titles, in any case, that stand only before a surname ("mrs hopper"); "Judge", "Nurse" ... do not.
# "miss" in lower case is the verb ("we miss lunch").
_SHORT_TITLE_BEFORE_RE = lazy_compile(
    r"\b(?:(?i:mr|mrs|ms|mx|dr|cllr|prof|rev|revd|reverend)|Miss|MISS|(?<=\b(?i:with|to|from|by|for|and|asked|told|saw|ask|tell|see)[ \t]+)"
    r"miss)\.?[ \t]+\Z", re.VERSION1)


# Where "miss" in lower case is the title: set off after a role ("the teacher, miss o'leary,") or opening a sentence.
_MISS_AS_TITLE_BEFORE_RE = lazy_compile(
    rf"(?:\b(?:{'|'.join(sorted(KINSHIP_ROLE_WORDS))})[ \t]*[,(\-–—]|\A|[.!?][ \t\"“'‘]*)[ \t]*\Z", re.IGNORECASE | re.VERSION1)
# The short titles and "miss" in any case: before a word already found a name, "miss" is the title ("miss rhodes white").
_ANY_TITLE_BEFORE_RE = lazy_compile(r"\b(?:mr|mrs|ms|mx|dr|cllr|prof|miss)\.?[ \t]+\Z", re.IGNORECASE | re.VERSION1)


# A subject or an auxiliary right before a word: a first name after one reads as a verb ("we hope", "will mark").
_SUBJECT_BEFORE_RE = lazy_compile(
    r"(?:\b(?:i|we|you|they|he|she|it|who|will|would|could|should|can|may|might|must|shall|do|does|did|not|to)|"
    r"n['’]t|['’]ll|['’]d)[ \t]+\Z", re.IGNORECASE | re.VERSION1)


# A verb of drinking, eating or smoking right before a word: what is had so is a product, never a person.
_CONSUMED_BEFORE_RE = lazy_compile(
    r"\b(?:drinks?|drank|drinking|eats?|ate|eating|smokes?|smoked|smoking|vapes?|vaped|vaping|swigs?|swigging|"
    r"scoffs?|scoffed|scoffing|munch(?:es|ed|ing)?)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_INDEFINITE_BEFORE_RE = lazy_compile(r"\b(?:a|an)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# "A" in capitals after a word in lower case or a comma, right before a name: no article, which is written "a" there, but
# a first name's initial ("Councillors J Okafor, T Brown and A Patel", "Cllrs K Okafor, A Brennan and ..."); in
# words all capitalised ("Life As A Child") and where a sentence opens it is the article.
_CAPITAL_A_BEFORE_RE = lazy_compile(r"(?:(?<![\p{L}'’])\p{Ll}[\p{L}'’]*|,)[ \t]+(?P<a>A)[ \t]+\Z", re.VERSION1)
# No capitalised word right after a word, which would go on a title's name ("A Stone Age Story").
_NO_CAPITAL_AFTER_RE = lazy_compile(r"(?![ \t]+\p{Lu})(?!['’]s\b)", re.VERSION1)
# A colour in lower case, perhaps after a word or two more, said of what follows "a" ("a silver ", "a battered old red "):
# a thing's, as "a" before a make or a model is.
_COLOURED_BEFORE_RE = lazy_compile(
    rf"(?<![\p{{L}}\-])(?:(?!(?:a|an)[ \t])\p{{Ll}}[\p{{Ll}}\-]*[ \t]+){{0,2}}(?-i:{_COLOUR})[ \t]+\Z", re.VERSION1)
# What stands before a vehicle's make where the vehicle is spoken of: an article, an owner or a colour after one ("a
# black audi", "the Peugeot", "his yamaha", "dad's tesla"); an owner alone makes no vehicle of a make that is a given
# name too ("his harley" may be his son; "the harley" is the motorbike).
_VEHICLE_ARTICLE_BEFORE_RE = lazy_compile(r"\b(?:a|an|the|this|that|same|other|new|old)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_LEADING_WORD_RE = lazy_compile(r"[\p{L}'’]+[ \t]+", re.VERSION1)
_VEHICLE_OWNER_BEFORE_RE = lazy_compile(r"(?:\b(?:his|her|their|my|your|our|its)|\p{L}['’]s)[ \t]+\Z",
                                        re.IGNORECASE | re.VERSION1)
# A word for a vehicle's kind after the make ("a peugeot van", "the audi estate"): the make is the vehicle's.
_VEHICLE_KIND_AFTER_RE = lazy_compile(
    r"[ \t]+(?:car|van|pickup|pick-up|estate|hatchback|saloon|convertible|jeep|4x4|suv|bike|motorbike|scooter|moped|"
    r"lorry|truck|minibus|people[ \t]+carrier)s?(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)
# Words for an organisation, which a name before them may be the organisation's ("a Russell Group university").
# A possessive and a blood relation in lower case, just before a word ("her nan ", "my uncle "; not "the iro ", "her
# social worker ").
_OWNERS = frozenset("my his her their our your".split())
_OWN_KIN = frozenset("""mum mam mom dad nan nana nanna nannan nain gran granny grandma grandad grandpa taid auntie aunty aunt
    uncle brother sister cousin stepdad stepmum son daughter niece nephew""".split())
# A friend or partner after a possessive, named as a relation is ("her mate becks came round", "his pal tiggy"): a word
# after it is the friend's name, said last too ("she was with her mate becks.").
_OWN_FRIENDS = frozenset("mate mates pal bestie bezzie bff friend boyfriend girlfriend bf gf fella ex".split())
# Adverbs of time and place said after a relation, which end the phrase as a name would ("with her mate again.").
_AFTER_RELATION_ADVERBS = frozenset("""again too also here there now then today tonight yesterday instead anyway though
    first last once twice still already either lol""".split())
# "re" (regarding) before what a note or a message is about ("mum rang re tiggy", "RE: jayden"): a word no list knows
# after it, shaped as a name, is someone's.
_REGARDING_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’.\-])re[ \t]*:?[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# Who a message says it is from, opening it ("its shaz x", "it's me cherelle", "hiya its only me, kaz"): a word no list
# knows shaped as a name, or a first name, after it, before a kiss, the end or a line's.
_ITS_ME_BEFORE_RE = lazy_compile(
    r"(?:\A|[\n\r\"“'‘:(]|[.!?,][ \t])[ \t]*(?:(?:hi|hiya|hey|hello|oi|ok|okay)[ \t]*[,!]?[ \t]+)?"
    r"it['’]?s[ \t]+(?:(?:only|just)[ \t]+)?(?:me[ \t]*,?[ \t]+)?\Z", re.IGNORECASE | re.VERSION1)
_ITS_ME_AFTER_RE = lazy_compile(r"[ \t]*(?:x+(?![\p{L}'’])|[.,!?)\"”'’]|\r?\n|\Z|[ \t]+(?:here|from|again)\b)",
                                re.IGNORECASE | re.VERSION1)
_ORGANISATION_WORDS = frozenset("""group trust foundation partnership institute society association network alliance
    federation consortium collective""".split())
# Where a public meeting is held, before its building's name: the venue's label, or a room of the building named for
# its use, with its numbers, and a comma ("Venue: Westfields", "Committee Suite 1,2 & 3, Westfields", "Council
# Chamber, Westfields").
_VENUE_BEFORE_RE = lazy_compile(
    r"(?:(?<![\p{L}])(?i:venue|location|meeting[ \t]+place|place[ \t]+of[ \t]+meeting)[ \t]*:[ \t]*"
    r"|(?<![\p{L}'’\-])\p{Lu}\p{Ll}+[ \t]+(?:Room|Rooms|Suite|Chamber)(?:[ \t]*\d{1,2}(?:[ \t]*(?:,|&|and|to|-)[ \t]*\d{1,2})*)?"
    r"[ \t]*,[ \t]*)\Z", re.VERSION1)
# The unit of an age before "olds" ("year olds", "month-olds").
_AGE_UNIT_BEFORE_RE = lazy_compile(r"\b(?:years?|yrs?|months?|weeks?)[ \t\-]*\Z", re.IGNORECASE | re.VERSION1)
# The words for a cause raised for or a body set up for one, after its name ("the Poppy Appeal", "the Daisy Fund").
_CAUSE_WORDS = _ORGANISATION_WORDS | frozenset("appeal fund campaign charity".split())
_THE_BEFORE_RE = lazy_compile(r"\bthe[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# A company's legal suffix, after its name ("Irwin Okafor LLP", "Okafor & Co Ltd").
_FIRM_SUFFIXES = frozenset("llp ltd plc llc".split())
# Letters after a name for an honour, an office or a degree ("Jane Okafor CBE", "C.B.E.", "QC", "JP DL", "PhD",
# "Ph.D."), dotted or not: kept whole after the name, never read as its initials nor eaten into it. Case as written;
# each capital opens a part the dots may close ("Ph.D.", "C. B. E.").
_POST_NOMINALS = ("GBE KBE DBE CBE OBE MBE BEM KCB KCMG CMG CB CH OM CVO LVO MVO RVM QPM KPM QFSM QC KC JP DL MP MSP MLA MS "
                  "MEP MYP MSYP PhD DPhil MPhil MD MA MSc BSc BA LLB LLM MBA MEd BEd PGCE MBBS MB ChB BM FRCP FRCS FRCPsych FRCPCH "
                  "MRCPsych MRCGP MRCP RGN RMN RSCN RN CQSW DipSW FRS FBA FRSA FAcSS").split()
_POST_NOMINAL_RE = lazy_compile(
    "(?:" + "|".join(r"(?:\.[ \t]?)?".join(re.findall(r"[A-Z][a-z]*", form)) + r"\.?"
                     for form in sorted(_POST_NOMINALS, key=len, reverse=True)) + r")(?![\p{L}\d])", re.VERSION1)
# Between a name and the letters after it, or between two sets of letters ("Jane Okafor CBE, DL").
_POST_NOMINAL_GAP_RE = lazy_compile(r"\.?(?:[ \t]+|[ \t]*,[ \t]*)")
_FIRM_AFTER_RE = lazy_compile(r"(?:[ \t]+(?:&|and)[ \t]+Co\.?)?[ \t]+(?:LLP|Ltd\.?|PLC|plc|LLC)(?![\p{L}])", re.VERSION1)
_ORGANISATION_AFTER_RE = lazy_compile(rf"[ \t]+(?:{'|'.join(sorted(_ORGANISATION_WORDS))})(?![\p{{L}}'’])",
                                      re.IGNORECASE | re.VERSION1)
# A word for goods after a brand ("a Chloe handbag", "her Jordan trainers"), perhaps in the plural.
_GOODS_AFTER_RE = lazy_compile(
    r"[ \t]+(?:handbag|bag|purse|trainer|shoe|boot|sandal|coat|jacket|puffer|hoodie|jumper|top|tracksuit|dress|jeans|"
    r"shirt|cap|hat|watch|perfume|doll|toy|figure|game|console|phone|tablet|laptop|speaker|headphone|earphone|bike|scooter|"
    r"pram|buggy|car|van|lunchbox|backpack|rucksack|pencil[ \t]+case|bottle)s?(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)
# A word of owning, driving or wearing and "a" before a make or a brand ("drives a Maserati", "wears a Cartier", "he's
# got a Bugatti"): a belonging that singles the owner out, a detail; "they came in a Corsa" names no one's.
_OWNED_BEFORE_RE = lazy_compile(
    r"\b(?:drives?|drove|driving|rides?|rode|riding|owns?|owned|owning|wears?|wore|wearing|has|had|having|got|gets)"
    r"[ \t]+(?:a|an)[ \t]+\Z", re.IGNORECASE | re.VERSION1)


# Initials in capitals without dots ("JS", "KM", "JAS"): a person where a person stands, unless they are an acronym of
# the shipped lexicons or one the text spells out ("Corporate Peer Challenge (CPC)").
_ROLE_HEADS = "|".join(sorted(w for w in KINSHIP_ROLE_WORDS if not w.endswith("s") and w not in ("named", "called", "ex")))
# A role in apposition after the initials ("KM, the team manager", "JS - our social worker", "KM (deputy head)").
_ROLE_APPOSITION_RE = lazy_compile(
    r"[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*(?P<role>(?:(?:the|our|my|his|her|their|your|a|an)[ \t]+)?(?:[\p{L}\-]+[ \t]+){0,3}?"
    rf"(?:{_ROLE_HEADS}))(?![\p{{L}}'’])", re.IGNORECASE | re.VERSION1)
# A body, a service or a setting in brackets after an attendee in a list, the item closed after it ("Attendees: AR (LA),
# BN (ICB), CJ (Police)", "KT (Health) and PW (Education) sent apologies"): whose the attendee is, so two letters
# before it are a person's initials, as a name is there.
_BODY_CLOSED_AFTER_RE = lazy_compile(
    r"[ \t]*\((?:\p{Lu}[\p{L}&'’\-]+|\p{Lu}{2,6}|\p{Ll}{3,}(?:[ \t]+\p{Ll}{3,})?)(?:[ \t]+(?:&[ \t]+|and[ \t]+)?\p{Lu}[\p{L}'’\-]*){0,3}\)"
    r"[ \t]*(?:[,;.]|\Z|\r?\n|(?:and|&)[ \t]|(?:\p{Ll}+ed|sent|gave|left|said|was|were)(?![\p{L}'’\-]))", re.VERSION1)
# Where a list's item opens: the line or a label's colon, a list's comma or semicolon, "and" ("Present: AR (LA), BN").
_LIST_ITEM_BEFORE_RE = lazy_compile(r"(?:\A|[:;,\n\r(]|\band|&)[ \t]*\Z", re.IGNORECASE)
# A role or a relation set off after a word and closed, with its article or owner ("Hope (mum) was tearful", "Faith
# (SW) visited", "Rob, Mum's partner, was aggressive", "Dean (mum's ex)", "Ruby (half-sister)"): the word is who holds
# it (see NameFinder._judge).
_ROLE_CLOSED_AFTER_RE = lazy_compile(
    r"[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*(?:(?:the|our|my|his|her|their|your|a|an)[ \t]+|\p{L}+['’]s[ \t]+)?"
    rf"(?:[\p{{L}}\-]+[ \t]+){{0,3}}?(?:\p{{L}}+-)?(?:{_ROLE_HEADS}|ex)(?![\p{{L}}'’])[ \t]*(?:\)|,|[ \t][\-–—])",
    re.IGNORECASE | re.VERSION1)
# A role's letters in capitals closed in brackets after a word, or open in brackets before it ("Joy (FSW) will visit",
# "FSW (Joy) will visit"): the word is who holds the role when the letters are a role's (role_initials.txt).
_CAPS_CLOSED_AFTER_RE = lazy_compile(r"[ \t]*\([ \t]*(?P<r>\p{Lu}{2,6})[ \t]*\)", re.VERSION1)
_CAPS_OPEN_BEFORE_RE = lazy_compile(r"(?<![\p{L}\d'’.\-])(?P<r>\p{Lu}{2,6})[ \t]*\([ \t]*\Z", re.VERSION1)


# The words of a role's meaning that make its letters a relation's or a child's ("MGM", maternal grandmother; "YP",
# young person): after a relation they restate it ("her maternal grandmother (MGM)"), no initials.
_RELATION_MEANINGS = frozenset("""mother father grandmother grandfather parent partner child person carer son daughter
    brother sister aunt uncle""".split())


def _relation_letters(letters: str) -> bool:
    """Whether a role's letters stand for a relation or a child (:data:`_RELATION_MEANINGS`)."""
    return any(w in _RELATION_MEANINGS for w in role_meanings().get(letters, "").split())


def _role_letters_after(text: str, end: int) -> bool:
    """Whether a role's letters closed in brackets follow ``end`` ("Joy (FSW) will visit")."""
    return (m := _CAPS_CLOSED_AFTER_RE.match(text, end)) is not None and m.group("r") in role_initials()


def _role_letters_before(text: str, start: int) -> bool:
    """Whether a role's letters and an open bracket come right before ``start`` ("FSW (Joy) will visit")."""
    return (m := _CAPS_OPEN_BEFORE_RE.search(text, max(0, start - 12), start)) is not None and m.group("r") in role_initials()


# A role set off after a name with its article or owner ("Kacey Okafor, a social worker", ", our foster carer").
_ROLE_SET_OFF_RE = lazy_compile(
    r"[ \t]*,[ \t]*(?:the|our|my|his|her|their|your|a|an)[ \t]+(?:[\p{L}\-]+[ \t]+){0,3}?"
    rf"(?:{_ROLE_HEADS})(?![\p{{L}}'’])", re.IGNORECASE | re.VERSION1)
# Words that say a person met or wrote to the initials ("spoke to JS about it", "I told KM", "thanks, JS").
_PERSON_OBJECT_BEFORE_RE = lazy_compile(
    r"(?:\b(?:spoke|speak|speaking|talk|talked|talking|according|listen|listened|explained|mentioned|wrote|write|"
    r"reported)[ \t]+to|\b(?:met|meet|meeting|spoke|speak|talked|talking)[ \t]+with|\b(?:asked|ask|told|tell|emailed|"
    rf"email|rang|ring|phoned|phone|texted|text|met|thanks|thank|cheers|regards|signed)|\b(?:{MESSAGE_ALTERNATION})[ \t]+from)"
    r"[ \t,:]*\Z", re.IGNORECASE | re.VERSION1)
# A person said to be one of a family, or wed to one, before "a" or "an" and the family's name ("she's a Hebblethwaite",
# "he was an Okafor before", "she married a Kowalczyk"); a thing "a" names is no one's ("she drives a Corsa").
_ONE_OF_FAMILY_BEFORE_RE = lazy_compile(
    r"(?:(?:\b(?:she|he|i|you|we|they)(?:['’](?:s|m|re)|[ \t]+(?:is|was|are|were|am))"
    # or a name said to be one ("Kacey is a Hebblethwaite"): a first name or no word ("It is a Corsa", "Mine is a Corsa")
    r"|\b(?P<subject>(?-i:\p{Lu}\p{Ll}+))(?:['’]s|[ \t]+(?:is|was)))(?:[ \t]+(?:still|also|really|proper))?"
    r"|\b(?:married|marry|marrying|dating|dated|engaged[ \t]+to|born))[ \t]+an?[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# What before initials makes them a body's ("the LGA said", "our MASH rang", "Leeds CSC said", "Chairman of NCT said").
_DETERMINER_BEFORE_RE = lazy_compile(
    r"(?:\b(?:the|a|an|our|their|its|this|that|these|those|your|my|his|her|each|every|local|national|regional|whole|"
    r"new|old|same|other|of|at|in|by|for|within|across)|\p{Lu}[\p{L}'’\-]*)[ \t]+\Z", re.VERSION1)


# A verb of saying right after a word: a first name that is a word, opening a clause before one, is the person ("pat
# said it was fine", "and rob told me"); "hope said" is no use of the word.
_SAYING_AFTER_RE = lazy_compile(
    r"[ \t]+(?:said|says|told|tells|asked|asks|rang|rings|phoned|emailed|texted|thinks|thought|reckons|reckoned|"
    r"explained|mentioned|agreed|replied|wrote)\b", re.IGNORECASE | re.VERSION1)
# Initials listed before the verb they share ("KM and JS came"), and a relative after initials in a possessive.
_INITIALS_LISTED_RE = lazy_compile(r"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)\p{Lu}{2,3}(?![\p{L}'’]))+",
                                   re.VERSION1)
# A baby's or a child's initials after "Baby", "infant" or "newborn" (perhaps "boy" or "girl" between), or after "child"
# in lower case: one to three capitals, dotted or not, possessive or not, wherever the phrase stands ("Baby K was born",
# "we saw Baby K at home", "Baby ES's father", "Baby R.T.", "infant S was seen", "child J's mum rang"): the child's,
# whatever else the letters stand for, but "I" (the pronoun: "the baby I saw") and a public term's or a role's letters
# ("the child CP plan"). "Child A", "Child RT's", capitalised, are a review's labels, chosen to hide the child; "Baby P"
# is a public case (KEEP_PHRASES). In lower case a letter after "baby", "infant" or "newborn" that no text-speak writes
# for a word is the initial too ("we saw baby t at home"), and after "infant" or "newborn", which no text-speak writes,
# "n", "r" and "y" too ("to see infant r on the unit"; "baby r u ok" stays).
_NEWBORN_INITIALS_RE = lazy_compile(
    r"\b(?:(?i:baby|infant|newborn)(?:[ \t]+(?i:boy|girl))?|(?-i:child))[ \t]+"
    r"(?P<n>(?-i:\p{Lu}{1,3}|\p{Lu}\.(?:[ \t]?\p{Lu}\.){1,2}|(?<=(?i:baby|infant|newborn)[ \t]+)[b-hj-mp-qs-tvwz]"
    r"|(?<=(?i:infant|newborn)[ \t]+)[nry]))"
    r"(?=['’]s\b|[^\p{L}\d'’.\-&]|\.(?!\p{L})|\Z)(?<!A(?=[ \t]+(?i:levels?|stars?)\b))",
    re.VERSION1)
# A capital letter opening a sentence, set off before an age set off and a clause in lower case, as a charity's report
# signs a young person's quote ("C, 16, now lives in supported accommodation.", "A, 14, lives with a foster family."):
# the person's initial (the age after it is read as an age after a name).
# So too in brackets, opening a sentence or after another so ("J (7) said he was hungry", "J (7) and K (9) were removed").
_LETTER_AGED_RE = lazy_compile(
    r"(?:^|(?<=[.!?…\n\r\"”’)][ \t]*))(?P<l>\p{Lu}),[ \t]*(?:\d{1,2}|(?i:aged)[ \t]+\d{1,2}),[ \t]+(?=\p{Ll})"
    r"|(?:^|(?<=[.!?…\n\r\"”’][ \t]*)|(?<=\p{Lu}[ \t]*\([ \t]*\d{1,2}[ \t]*\)(?:[ \t]*,|[ \t]+and)?[ \t]+))"
    r"(?P<l>\p{Lu})[ \t]*\([ \t]*(?:\d{1,2}|(?i:aged)[ \t]+\d{1,2})[ \t]*\)(?=[ \t]*[,;.]|[ \t]+\p{Ll})",
    re.VERSION1)
# A letter with its dot opening a line before a capitalised word: an outline's, when another line opens so too.
_OUTLINE_LETTER_RE = lazy_compile(r"(?m)^[ \t]*\p{Lu}\.[ \t]+\p{Lu}", re.VERSION1)
# A family role, as a review or a practitioner writes one before a letter ("Mother F", "Grandmother K", "Stepfather
# H", "Great-Grandmother L", "her foster mum T", "Nan J"): the lexicon's FAMILY_WORDS, the one list of relations, but
# for a child's own words ("Child B" is a review's label, never a relation's initial), read by both rules that take a
# role before a letter (a person's initial here; a review's label beside another in _redact).
FAMILY_ROLE = "|".join(re.escape(w).replace("_", r"[ \t]+") for w in sorted(
    set(FAMILY_WORDS) - {"child", "children", "kid", "kids"}, key=lambda w: (-len(w), w)))
# A relation right before a letter makes it a person's initial ("Baby O was born", "her son T came", "my sister K,"); not
# "Child A", the name a review gives a child to hide one.
_KIN_BEFORE_INITIAL_RE = lazy_compile(
    rf"\b(?i:{FAMILY_ROLE}|baby|boy|girl|twin|sibling|friend|toddler|teenager)(?i:s)?"
    r"(?:[ \t]+|[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*)"
    # and the letters listed after it before this one ("her daughter B and C", "his sons J, K and L", "her son b and c")
    r"(?:(?<![\p{L}])\p{L}\.?(?:[ \t]*[,&/][ \t]*(?i:and[ \t]+)?|[ \t]+(?i:and|or|&)[ \t]+)){0,4}\Z",
    re.VERSION1)
# A family role capitalised as a review writes a label ("Mother F", "Grandmother K", "Stepfather H"): the letter after it
# is the relation's initial wherever the phrase stands ("we spoke to Grandmother K about contact"), as after a title.
_FAMILY_ROLE_BEFORE_RE = lazy_compile(rf"\b(?=\p{{Lu}})(?i:{FAMILY_ROLE})[ \t]+\Z", re.VERSION1)
_KIN_INITIAL_AFTER_RE = lazy_compile(
    rf"\.?(?:['’]s\b|[ \t]*(?:[.,;:!?)&]|\Z)|[ \t]+[\-–—]|[ \t]+(?:{_VERBS_AFTER}|{_ACTIONS}|who|and|or|\p{{L}}+ed)(?![\p{{L}}'’]))",
    re.IGNORECASE | re.VERSION1)
# A relation naming a row of a table, at its line's start (after a bar or a row's number) or a cell's (after a tab:
# "Jane Okafor\tMother\tF"), and the cell after it, on its line or under it ("Father\tM\t34", "Mother F", "| Father |
# M |", "Father\nM"): a relation's sex, "M" or "F", where it agrees with the relation's (any for "child", "sibling" ...),
# ends its cell (the line's or the text's end, a tab, a bar, two spaces, or the next cell's age).
_SEX_CODE_ROW_BEFORE_RE = lazy_compile(
    r"(?:^|\n|\t)[ \t|]*(?:\d{1,3}[.)]?[ \t]+)?"
    r"(?:(?P<m>(?:step|half|grand|great[ \t\-]?grand)?[ \t\-]?(?:father|dad|son|brother|uncle|nephew|husband|boyfriend|boy))"
    r"|(?P<f>(?:step|half|grand|great[ \t\-]?grand)?[ \t\-]?(?:mother|mum|mam|mom|daughter|sister|aunt|aunty|auntie|niece|wife|"
    r"girlfriend|girl|nan|gran))"
    r"|(?:child|baby|infant|sibling|twin|parent|grandparent|partner|carer|cousin|subject|young[ \t]+person))"
    r"(?:[ \t]*[|:\t][ \t|]*|[ \t]+|[ \t|]*\r?\n[ \t|]*)\Z", re.IGNORECASE | re.VERSION1)
_SEX_CODE_AFTER_RE = lazy_compile(r"[ \t]*(?:\r?\n|\Z|\t|\|)|[ \t]{2,}|[ \t]+\d{1,3}(?![\w.,/:])")
# Letters in lower case that stand for words in typed speech, not a person's initial ("mum n dad", "love her x", "r u").
_LOWER_LETTER_WORDS = frozenset("a i o n u r x y".split())
# A chat's line: its time stamp opening the line ("[10:42] ", "10:42 - ", "[06/03/2024, 10:42:05] "), then the speaker,
# perhaps with a surname's initial, before a colon ("[10:42] shaniqua b: ok"); a word no list knows there is the
# speaker's name, in lower case as typed.
_CHAT_TIME_BEFORE_RE = lazy_compile(
    r"(?:^|[\n\r])[ \t]*\[?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?m\.?)?\]?"
    r"[ \t]*(?:[\-–—][ \t]*)?\Z", re.IGNORECASE)
_CHAT_SPEAKER_END_RE = lazy_compile(r"(?P<n>(?:[ \t]+(?P<l>\p{Ll}))?)\.?[ \t]*:(?![\d/])", re.VERSION1)
# A lower-case title opening a line, an entry or a clause ("mrs a present", "Present: mr i, ..."): a letter after it is a
# person's initial even where the letter is a word, for no article, pronoun or verb comes before the title ("the mrs
# a present", "got mrs a present" is "the wife").
_TITLE_OPENING_BEFORE_RE = lazy_compile(r"(?:^|[\n\r:;,(\[]|[.!?][ \t]|[ \t][\-–—])[ \t]*(?:mr|mrs|ms|mx|miss|dr)\.?[ \t]+\Z",
                                        re.IGNORECASE)
# A letter listed after a capitalised word that is no relation ("Part B and C said", "Plan B, C and D"): a part's.
_LETTERED_PARTS_RE = lazy_compile(
    r"\b\p{Lu}\p{Ll}+[ \t]+\p{Lu}(?:[ \t]*,[ \t]*\p{Lu})*[ \t]*,?[ \t]*(?:and|or|&)[ \t]+\Z", re.VERSION1)
# An age set off right after a word, or given by "'s" ("chantelle (14) said", "lily, 2, was", "lily's 2 now"): the word
# is a child's name.
_AGE_SET_OFF_RE = lazy_compile(
    r"[ \t]*(?:\([ \t]*\d{1,2}[ \t]*\)|,[ \t]*\d{1,2}[ \t]*,)"
    r"|['’]s[ \t]+(?:(?:only|just|nearly|almost|now)[ \t]+)?\d{1,2}(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:now|and)\b)",
    re.VERSION1)
# An age right after a name in a list of children ("Kai 8, Lily 6 and Ruby 2"): a number to 19 before a comma, "and"
# or the end.
# A child's age closed in brackets after a word, with its unit or none ("Rose (7) found the key", "Hope (15 yrs)"), or
# a child's school year, or an age set off by commas or said after "is" (below): the word is the child's name (a year
# there is a work cited, "Rose (2019) found"; see _redact._CITATION_RE).
# An age opening a bracket after a word, "age" or "aged" before it perhaps, and more said after a comma ("KM (age 9, DOB
# ...)", "TJ (aged 6)", "RB (14)"): who has an age is a person, as no body has one.
_AGE_OPENS_BRACKET_AFTER_RE = lazy_compile(
    r"[ \t]*\([ \t]*(?P<said>aged?[ \t]*:?[ \t]*)?(?:1\d|\d)(?P<unit>[ \t]*(?:y|yrs?|years?(?:[ \t]+old)?|yo|mths?|months?|wks?|weeks?))?"
    r"[ \t]*[),;]", re.IGNORECASE | re.VERSION1)
# Ages in words, one to nineteen (what a child's age after "is" says).
_AGE_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_AGE_CLOSED_AFTER_RE = lazy_compile(
    rf"[ \t]*\([ \t]*(?:(?:aged?[ \t]+)?(?:1\d|\d|{_AGE_WORDS})(?:[ \t]*(?:y|yrs?|years?(?:[ \t]+old)?|yo|m|mths?|months?|wks?|weeks?))?[ \t]*[),;]"
    # a school year, first in the brackets ("Lily (Y5, Class Hazel)", "Mason (Year 9) was excluded", "(Reception)")
    r"|(?:y|yr|year)[ \t]*(?:1[0-3]|[1-9]|r)(?![\p{L}\d])|reception(?![\p{L}]))"
    # or set off by commas, the age alone or aged ("Lily, 9, cried", "Grace, aged 6, was seen")
    rf"|[ \t]*,[ \t]*(?:aged?[ \t]+)?(?:1\d|\d|{_AGE_WORDS})(?:[ \t]*(?:yrs?|years?(?:[ \t]+old)?|months?|weeks?))?[ \t]*,"
    # or what is said of a child's age, year or class ("Lily is 9.", "Lily is in Year 2", "Lily is seven years old")
    rf"|[ \t]+(?:is|was)[ \t]+(?:(?:now|only|just|aged?)[ \t]+)*(?:(?:1\d|\d|{_AGE_WORDS})(?:[ \t]+(?:years?|months?)[ \t]+old)?"
    r"(?=[ \t]*[.,;]|[ \t]+(?:and|but|years?|months?)\b)|in[ \t]+(?:(?:y|yr|year)[ \t]*(?:1[0-3]|[1-9])(?![\p{L}\d])|reception\b|nursery\b"
    # or in a teacher's class ("Lily is in Mrs Shah's class")
    r"|(?:mrs?|miss|ms|mx)\.?[ \t]+[\p{L}'’\-]+['’]s[ \t]+class\b))",
    re.IGNORECASE | re.VERSION1)
# A month's or a season's name, capitalised ("May", "Summer", "Autumn"): before a child's age, school year or class
# (_AGE_CLOSED_AFTER_RE: "May is in Year 2", "Summer (aged 7) cried", "June, 9, was seen") a child's name, as no
# month is in a school year; "In May she is in Year 2" (no clause opens before it) stays.
_TIME_WORD_RE = lazy_compile(
    r"(?<![\p{L}'’\-])(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|"
    r"Summer|Autumn|Winter)(?![\p{L}'’\-])", re.VERSION1)
# Letters text-speak writes for words ("n" and, "u" you, "r" are, "b" be, "c" see, "y" why): after a word, no initial.
_TEXT_SPEAK_LETTERS = frozenset("nurbcy")
_AGE_IN_LIST_RE = lazy_compile(r"[ \t]+(?:1\d|\d)(?=[ \t]*(?:[,;)]|\.?\Z|\.[ \t]|[ \t]+(?:and|&)\b))", re.VERSION1)
# What a nickname follows: a name given ("we call him smudge", "everyone calls her princess", "his nickname's tink",
# "she goes by kaz"), whatever its words; after "known as", or who a relation or worker is, only a word no list knows or
# a first name ("known as lil jay", "her eldest is chantelle", "her mum is pat"; not "known as outstanding", "her
# social worker is brilliant").
_NICKNAME_BEFORE_RE = lazy_compile(
    r"(?:\bcall(?:s|ed|ing)?[ \t]+(?:herself|himself|themselves|myself|her|him|them|me)\b|\b(?:nick|pet)[ \t]?name(?:['’]s|[ \t]+(?:is|was))?|"
    r"\bgoes[ \t]+by|"
    # who a relative clause says people call someone, in the present of a habit ("who the kids call big g", "the lad
    # they all call smudge"); "the number that i called" is a call made, no name
    r"\b(?:who|whom|that|one|lad|lass|girl|boy|man|woman|fella|bloke)[ \t]+"
    r"(?:we|they|i|you|s?he|everyone|everybody|people|folk|the[ \t]+\p{L}+)[ \t]+(?:all[ \t]+)?calls?(?=[ \t]+\p{Ll})|"
    rf"\b(?:her|his|their|my|(?:{_ROLE_NOUNS})['’]s)[ \t]+(?:(?:real|full|first|middle|proper|birth|actual)[ \t]+)?"
    r"name(?:['’]s|[ \t]+(?:is|was))|"
    # what a pet is called, whatever its word ("a dog called biscuit", "the cat, tigger", "her rabbit's called snowy")
    r"\b(?:a|an|the|her|his|their|my|our|your)[ \t]+(?:[\p{L}\-]+[ \t]+)?(?:dog|puppy|pup|cat|kitten|rabbit|bunny|hamster|"
    r"guinea[ \t]+pig|budgie|parrot|horse|pony|snake|lizard|tortoise|ferret|rat|gerbil|staffy|staffie|pet)s?"
    r"(?:[ \t]+(?:is|was)|['’]s)?[ \t]+(?:called|named)|"
    r"\ba\.?k\.?a\.?|\bn[ée]e|"
    # what a relation or a worker is called, whatever its words ("my sw is called clay", "her tm is named honey")
    rf"\b(?:my|her|his|their|our|the)[ \t]+(?:[\p{{L}}\-]+[ \t]+)?(?:{_ROLE_NOUNS})(?:['’]s|[ \t]+(?:is|was))[ \t]+(?:called|named)|"
    # ... or one of them introduced by "a" ("he's got a mate called tank", "a lad named bear"), the phrase ending or a
    # verb a person does after the name ("a friend called london rang")
    rf"\b(?:a|an)[ \t]+(?:[\p{{L}}\-]+[ \t]+)?(?:{_ROLE_NOUNS})[ \t]+(?:called|named)(?=[ \t]+\p{{L}}+[ \t]*(?:[.,;:!?)]|\Z|[ \t]+(?:and|who|but|from|at|in)\b"
    rf"|[ \t]+(?:{_ACTIONS}|{_IRREGULAR_PAST})(?![\p{{L}}'’])))|"
    r"(?P<known>\bknown(?:[ \t]+(?:round|around|about)[ \t]+here)?[ \t]+as|\bwhat[ \t]+(?:we|they|i|everyone|people)[ \t]+calls?|"
    # who a relation or a worker is ("her eldest is chantelle", "her social worker's kayleigh", "her mum is pat")
    rf"\b(?:my|her|his|their|our|the)[ \t]+(?:[\p{{L}}\-]+[ \t]+)?(?:{_ROLE_NOUNS}|{'|'.join(_BIRTH_ORDER)})"
    r"(?:['’]s|[ \t]+(?:is|was))))[ \t,:]*",
    re.IGNORECASE | re.VERSION1)
# Who anyone or anything is called ("her sister's called grace-may", "her nan is called grace hill"): a first name after
# it is a person's.
# A relative, set off by a comma, a bracket or a dash before capitals ("her second cousin, OF, pleaded", "the father
# (OR) was arrested"): the capitals are the relative's initials whatever they spell, a verb after them.
_KIN_SET_OFF_BEFORE_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?i:{FAMILY_ALTERNATION})[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*\Z", re.VERSION1)
# ... then a verb, or a word of being there that a chronology writes for one ("Mum (KL) present", "Dad (MR) absent").
_KIN_INITIALS_AFTER_RE = lazy_compile(
    rf"[ \t]*(?:,|\)|[ \t][\-–—])[ \t]+(?:{_ACTIONS}|was|is|had|has|who|present|absent|not[ \t]+present|in[ \t]+attendance|"
    r"(?!need|seem|use|feel)\p{L}+ed)(?![\p{L}'’])",
    re.IGNORECASE | re.VERSION1)
_CAPS_RE = lazy_compile(r"(?<![\p{L}\d'’.\-])\p{Lu}{2,3}(?![\p{L}\d'’\-])", re.VERSION1)
# A relation or a role's noun set off by a comma before a person's initials, opening a clause or a dated entry or after
# its owner ("Foster carer, LM, reported", "Mum's partner, DH, arrested", "her social worker, DT, visited"): the initials
# are in apposition to it, whatever else they spell; a noun after a list's comma has none ("Mum, Dad, GP, agreed").
_APPOSED_NOUNS = "|".join(sorted({*FAMILY_ALTERNATION.split("|"), *_ROLE_HEADS.split("|")}, key=lambda w: (-len(w), w)))
_APPOSED_HEAD_RE = lazy_compile(
    rf"(?:(?<=(?:^|[.!?;:(\[\n\r])[ \t\"“‘]*|[ \t][\-–—][ \t]*|^{_ENTRY_DATE})|(?<![\p{{L}}'’])(?:the|her|his|their|my|our|your)"
    rf"[ \t]+|(?<![\p{{L}}'’])\p{{L}}+['’]s[ \t]+)(?P<head>(?:[\p{{L}}\-]+[ \t]+){{0,2}}?(?i:{_APPOSED_NOUNS}))[ \t]*,[ \t]*\Z",
    re.IGNORECASE | re.MULTILINE | re.VERSION1)
# A nickname in quotes beside a person's noun, a relation, a role or a word for a person ("mum's boyfriend, 'Smudge', was
# on licence", "the older lad, 'Deuce', was grooming her", "his mate 'Smudge' had the car", "a lad called 'Tiny'"):
# set off by commas, brackets or dashes, one to three words of any case; right after the noun or "called" or "named",
# capitalised.  The quotes make any word the name, as _QUOTED_NICKNAME_RE holds after "calls her"; a quote of what is
# said ("her mum, 'I'm not having it', said") holds an apostrophe or more words, and stays.
_QUOTED_APPOSED_RE = lazy_compile(
    rf"(?<![\p{{L}}'’])(?:the|her|his|their|my|our|your|a|an|this|that|\p{{L}}+['’]s)[ \t]+(?:[\p{{L}}\-]+[ \t]+){{0,2}}?"
    rf"(?i:{_APPOSED_NOUNS}|lad|lass|bloke|guy|man|woman|mate|boy|girl|kid|dealer|lodger)s?"
    r"(?:[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*['‘\"“](?P<q>\p{L}[\p{L}\-]*(?:[ \t]+\p{L}[\p{L}\-]*){0,2})['’\"”]"
    r"(?=[ \t]*(?:,|\)|[ \t][\-–—]))"
    r"|(?:[ \t]+(?:called|named|nicknamed))?[ \t]+['‘\"“](?P<q>(?-i:\p{Lu})[\p{L}\-]*(?:[ \t]+(?-i:\p{Lu})[\p{L}\-]*){0,2})"
    r"['’\"”](?![\p{L}]))", re.IGNORECASE | re.VERSION1)
# What a case note says of a person after her initials as its subject: a verb of being seen or being there, or a state
# ("JT seen at A&E", "JT not in school", "KB present", "JT upset after contact"), or, as minutes give an action, what
# she is to do ("JB to circulate the minutes").  Only a person is seen at a place,
# upset or missing from school, so three capitals there are a person's too ("JAS seen at home"); a body is present,
# absent or reported too ("CSC present"), so only two capitals are read as a person's before those.
_CASE_NOTE_STATE = (
    r"seen(?![ \t]+as\b)|not[ \t]+seen|(?:not|absent)[ \t]+(?:in|at|from)[ \t]+(?:school|nursery|college|class)|"
    r"upset|distressed|tearful|unwell|asleep|missing|went[ \t]+missing|disclosed|stayed|slept|spoken[ \t]+to|"
    r"presented[ \t]+as|settled|excluded[ \t]+from|refused[ \t]+to|declined[ \t]+to|did[ \t]+not|didn['’]t|has[ \t]+not|"
    r"hasn['’]t|was[ \t]+not|wasn['’]t|appeared|looked|seemed|happy[ \t]+(?:and|to|in|at|with)|safe[ \t]+and|well[ \t]+and")
_CASE_NOTE_SUBJECT_RE = lazy_compile(
    rf"[ \t]+(?:(?:was|were|is|has[ \t]+been|had[ \t]+been)[ \t]+)?(?:(?:also|again|still|then)[ \t]+)?"
    rf"(?:(?P<person>{_CASE_NOTE_STATE})|present|absent|not[ \t]+present|in[ \t]+attendance|DNA|attended|reported|"
    r"visited|contacted|agreed|refused|declined|(?-i:to[ \t]+\p{Ll}{2,}))(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)
# Minutes' action owners: two capitals listed before the one judged ("NO and AS to meet": where the list opens), a
# label's colon or an item's semicolon before the list ("Action: NO to chase", "...; ON to send"), and "to" and the
# action after it, more owners listed first ("NO and AS to meet the IRO").  What follows "to" in a phrase the letters
# open as words ("NO to all three", "UP to date", "AS to the second point") is no action.
_ACTION_OWNERS_BEFORE_RE = lazy_compile(r"(?:\p{Lu}{2}(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+))+\Z", re.VERSION1)
_LABEL_OR_ITEM_BEFORE_RE = lazy_compile(r"[:;][ \t]*\Z")
_ACTION_GIVEN_AFTER_RE = lazy_compile(
    r"(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)\p{Lu}{2}(?![\p{L}'’]))*[ \t]+(?P<to>to)[ \t]+(?P<v>\p{Ll}{2,})(?![\p{L}'’\-])",
    re.VERSION1)
_NOT_AN_ACTION = frozenset(
    """the a an this that these those all any some each every both either neither no his her their my our your its me him
    them us you it date now here there which what whom whether and or but one two three four five six seven eight nine
    ten such whatever""".split())
# More initials, with a relation before them perhaps, sharing the subject's verb ("JT and sibling KB present").
_CASE_NOTE_ALSO_RE = lazy_compile(
    rf"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?:(?:his|her|their)[ \t]+)?(?:(?i:{FAMILY_ALTERNATION})[ \t]+)?"
    r"\p{Lu}{2,3}(?![\p{L}'’]))+", re.VERSION1)
_CASE_NOTE_ALSO_ITEM_RE = lazy_compile(
    rf"(?:(?:his|her|their)[ \t]+)?(?P<kin>(?i:{FAMILY_ALTERNATION})[ \t]+)?(?P<i>\p{{Lu}}{{2,3}})(?![\p{{L}}'’])", re.VERSION1)
# A case note's verb of what is done to a child before the initials as its object, and what ends the phrase or says
# how the child was after them ("SW saw JT alone", "Mum reported JT missing", "visited KB at school").
_CASE_NOTE_OBJECT_BEFORE_RE = lazy_compile(
    r"\b(?:saw|seen|see|visited|visit|collected|collect|picked[ \t]+up|dropped[ \t]+off|observed|supervised|"
    r"accompanied|reported|found|returned|confirm(?:s|ed)?|checked[ \t]+on|transported)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_CASE_NOTE_OBJECT_AFTER_RE = lazy_compile(
    r"[ \t]+(?P<person>upset|distressed|tearful|unwell|asleep|missing|alone|safe|well|happy|settled|to[ \t]+be|"
    r"(?:not[ \t]+)?in[ \t]+(?:school|attendance))(?![\p{L}'’])",
    re.IGNORECASE | re.VERSION1)
# A word for family (_lexicon.FAMILY_WORDS) after a possessive ("jade's mum", "amber's new boyfriend"), and the words
# that make the word before it no one's name ("the girl's mum", "her son's dad", "everyone's mum").
_FAMILY_OWNED_AFTER_RE = lazy_compile(
    rf"['’]s[ \t]+(?:(?:new|real|birth|little|big|older|younger|old|ex|other)[ \t]+)?(?:{FAMILY_ALTERNATION})s?(?:['’]s)?(?![\p{{L}}'’\-])",
    re.IGNORECASE | re.VERSION1)
# The blood relations, a partner, and the carers and workers one child or adult has alone ("crystal's nan's house",
# "summer's dad", "May's mum rang", "Dawn's boyfriend", "Ellie's foster carer", "Amber's social worker", "Pearl's
# keyworker"): a thing, a time or a body has no nan, boyfriend or foster carer of its own, so any word bare before them
# is a person ("the council's foster carers", "society's children" own no blood relation, and an owner before the word
# is checked by the callers); a partner's word before what partners of a council are is no person's ("May's partner
# meeting").
_KIN_OWNED_AFTER_RE = lazy_compile(
    r"['’]s[ \t]+(?:(?:real|birth|little|big|older|younger|old|other|new|ex|current)[ \t\-]+)?"
    r"(?:mum|mam|mom|mummy|dad|daddy|nan|nana|nanna|nannan|gran|granny|grandma|grandad|grandpa|auntie|aunty|aunt|uncle|"
    r"brother|sister|cousin|step-?dad|step-?mum|boyfriend|girlfriend|fianc[eé]e?|husband|"
    r"partner(?![ \t]+(?:agenc|organi[sz]ation|meeting|bod|event|forum|school|council|service|network|board)\p{L}*)|"
    r"foster[ \t\-]+(?:carers?|mum|mam|dad|parents?|family)|key[ \t\-]?worker|social[ \t]+worker|family[ \t]+worker|"
    r"support[ \t]+worker|childminder|"
    r"carers?)(?:['’]s)?(?![\p{L}'’\-])"
    # a relation's or a carer's word before what a service does of them all is a compound's ("Spring's foster carer
    # recruitment drive", "June's carers week")
    r"(?![ \t]+(?:recruitment|training|scheme|panel|review|assessment|allowance|payment|fee|handbook|policy|network|"
    r"forum|week|event|strategy|team|meeting|caseload|vacanc(?:y|ie)|role|post|drive|campaign|group|centre|service|"
    r"conference|award|survey|support)s?\b)", re.IGNORECASE | re.VERSION1)
# Nouns for a person by what befell or what is done of them, before a relation's possessive ("the victim's mum",
# "Victim's mum rang"): no name.
_PERSON_NOUNS = frozenset("""victim patient suspect offender perpetrator survivor witness resident tenant applicant claimant
    casualty deceased user adoptee defendant complainant""".split())
_OWNER_BEFORE_RE = lazy_compile(
    r"\b(?:the|a|an|this|that|these|those|our|their|its|my|his|her|your|every|each|no|some|any|one|other)[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
# Where a child stands among brothers and sisters, said of a word opening a clause ("sky's the eldest", "brook is the
# middle one", "river's the youngest of the four"): the word is the child.
_BIRTH_ORDER_AFTER_RE = lazy_compile(
    r"(?:['’]s|[ \t]+(?:is|was))[ \t]+(?:the|our|my|their|her|his)[ \t]+(?:eldest|youngest|oldest|baby(?=[ \t]+of\b)|"
    r"(?:middle|baby|little|older|younger)[ \t]+(?:one|child|girl|boy|sister|brother))(?=[ \t]*(?:[,.;:!?)]|\Z)|[ \t]+(?:of|in|and|but|now|so|"
    r"she|he|at)\b)", re.IGNORECASE | re.VERSION1)
_NOT_CHILDREN = frozenset("mine yours hers ours theirs which whichever who whoever what".split())
# A word said to be a name ("Smith's his surname", "Baker is her surname", "Rose was her middle name"): the name.
_IS_A_NAME_AFTER_RE = lazy_compile(
    r"(?:['’]s|[ \t]+(?:is|was))[ \t]+(?:his|her|their|my|our|your|the[ \t]+\p{L}+['’]s)[ \t]+(?:(?:sur|last|family|"
    r"maiden|middle|first|real|birth|full|christian|given|proper|married)[ \t\-]*)?name\b", re.IGNORECASE | re.VERSION1)
# "she", "he" or "they" taking up a word set off before it ("and then tiarnelle, she kicked off").
_TAKEN_UP_AFTER_RE = lazy_compile(r"[ \t]*,[ \t]*(?:she|he|they)(?:['’](?:s|d|ll|re))?[ \t]+\p{L}", re.VERSION1)
# "and", "&" or "or" joining two names ("[Ocean] and Storm", "Tyler, Kai, Mason and [Rio]"); a comma alone joins a role
# ("[Jo], Cabinet member") as often as a name.
_AND_JOIN_RE = lazy_compile(r"^[ \t]*,?[ \t]*(?:and|&|or)[ \t]*\Z", re.IGNORECASE | re.VERSION1)
# What a child is taken or placed with after a list of names ("we took [Marley] and Blue to the contact centre").
_NAMED_OBJECT_AFTER_RE = lazy_compile(r"[ \t]+(?:to|with|into|from|at|home|back|out|in)\b", re.VERSION1)
# Welsh kinds of setting, which come before the setting's own name ("ysgol bro dinefwr", "coleg sir gar", "ysbyty glan
# clwyd"); and the word after a place found, one space on.
_WELSH_SETTINGS = frozenset("ysgol coleg ysbyty canolfan meithrinfa cylch capel eglwys neuadd tŷ ty cartref".split())
_WELSH_SETTING_NAMED_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?P<kind>{'|'.join(sorted(_WELSH_SETTINGS))})[ \t]+(?P<w>\p{{L}}[\p{{L}}'’\-]+)", re.IGNORECASE | re.VERSION1)
_WELSH_SETTING_IN_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?:{'|'.join(sorted(_WELSH_SETTINGS))})[ \t]+in[ \t]+(?P<w>\p{{Ll}}{{3,}})(?=[ \t]*(?:[.,;:!?)]|\Z))",
    re.IGNORECASE | re.VERSION1)
# Nouns English says bare after "in" as an idiom, not a place ("in question", "in trouble", "in person").
_IN_IDIOMS = frozenset("""question trouble future person public private total fact full general particular turn charge
    need debt tears touch place use vain advance principle theory practice reality return common short brief secret
    detail depth earnest fairness truth love pain bits pieces time""".split())
# Words of Welsh names that English has too ("coleg sir gar", "ysgol pen y bryn", "ysgol coed y gof").
_WELSH_ELEMENTS = frozenset("sir pen coed tre bach fach fawr mawr".split())
# Endings that make abstract nouns and end no British surname of the public lists (checked against SCOWL's proper nouns
# and the bundled first names: only -ism names such as "Buddhism" end so, and those are listed): a word no list knows so
# ending is a noun, a heading's or a label's ("Quoracy: three partners present", "Safeguardability:").
_NOUN_ENDINGS = ("acy", "ability", "ibility", "isation", "ization", "ation", "ition", "ution", "ism", "ology")
# Commoner endings, which some surnames have ("Harkness", "Clement", "Champollion"): an abstract noun only where the
# word list holds the word it is made of, of five letters or more ("informedness", "commissionment"), its "y" made "i"
# before "-ness" and "-ity" ("happiness").
_ABSTRACT_OF_WORD = (("ness", ("", "y")), ("ment", ("", "e")), ("ity", ("", "e", "y")), ("ion", ("", "e")),
                     ("ancy", ("ant",)), ("ency", ("ent",)))
_ABSTRACT_SHAPES = _NOUN_ENDINGS + tuple(e for e, _ in _ABSTRACT_OF_WORD)
# Prefixes that make a word the word list lacks of one it holds ("recommissioned", "unsafeguarded"; see
# NameFinder._prefixed_word).
_WORD_PREFIXES = ("re", "un", "pre", "de", "dis", "mis", "co", "non", "over", "under", "out", "sub", "inter", "multi",
                  "counter", "anti", "post", "self")
# Welsh particles, prepositions and conjunctions, which begin no setting's name: after the kind they go on with the
# sentence ("ystyried pob ysgol yn unigol cyn dod", "mae'r ysgol wedi cau").
_WELSH_CLAUSE_WORDS = frozenset("""yn ym yng wedi a ac ag i o ar am at gan gyda gydag efo mewn neu ond os sy sydd yw
    oedd mae roedd bydd ei eu fy dy ein eich hefyd heb dan dros drwy trwy wrth cyn ers tan fel ble pan""".split())
_NEXT_WORD_RE = lazy_compile(r"[ \t](?P<w>\p{L}[\p{L}'’\-]*)(?![\p{L}\d])", re.VERSION1)
# The Welsh "y", "yr" or "'r" ("of the") and the word after it, inside a place's name ("ysgol y graig", "Bryn yr Eos").
_WELSH_OF_THE_RE = lazy_compile(r"(?:[ \t]+(?:y|yr)[ \t]+|['’]r[ \t]+)\p{L}[\p{L}'’\-]*", re.IGNORECASE | re.VERSION1)
# "in", "at" or "near" and a word in lower case after a place found, perhaps with its kind ("[st anne's] school in
# thrennick", "[ysgol y graig] in llangefni").
_IN_PLACE_AFTER_RE = lazy_compile(
    r"(?:['’]s)?(?:[ \t]+(?:high|primary|academy|school|college|infants|juniors|nursery|church|club|squadron|troop|pack|"
    r"unit|detachment|company|platoon|brigade))?"
    # an aside of a few words set off between them ("1234 squadron, air cadets, in kelbury")
    r"(?:[ \t]*,[ \t]*(?:\p{L}+[ \t]+){0,2}\p{L}+[ \t]*,)?[ \t]+(?:in|at|near)"
    r"[ \t]+(?P<w>\p{Ll}[\p{Ll}'’\-]*)(?![\p{L}])", re.VERSION1)
_SEASONS = frozenset("spring summer autumn winter".split())


_IS_CALLED_BEFORE_RE = lazy_compile(r"(?:\b(?:is|was|are|were)[ \t]+|['’](?:s|re)[ \t]+)(?:called|named)[ \t,:]*\Z",
                                    re.IGNORECASE | re.VERSION1)
# A word no list knows, in lower case, is a person's name where it opens a clause before a verb a person is the subject
# of ("zorbina was there", "i think jaydon is struggling", "and then zorbina had a tantrum"), or follows a verb of seeing
# or visiting before the end of a phrase or a place or time ("we saw jaydon yesterday", "we visited kaydee on monday").
_SUBJECT_VERB_AFTER_RE = lazy_compile(
    r"[ \t]+(?:is|was|has|had|will|would|can|could|did|does|gets|got|goes|went|came|comes|cried|cries|loves|likes|"
    r"wants|wanted|needs|needed|hates|lives|woz|wuz|isn['’]t|wasn['’]t|hasn['’]t|didn['’]t|doesn['’]t|won['’]t|can['’]t|"
    r"\p{Ll}+ed)(?![\p{L}'’])", re.VERSION1)
# A second clause's opening ("..., but", "and"), and a sentence's end.
_CLAUSE_JOIN_BEFORE_RE = lazy_compile(r"(?:,[ \t]*|[ \t]+)(?:and|but|while|whereas|though|although)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_SENTENCE_END_RE = lazy_compile(r"[.!?:;\n\r…]", re.VERSION1)
_ME_AND_BEFORE_RE = lazy_compile(r"\b(?:me|u|you|him|her|us)[ \t]+(?:and|&|n['’]?)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# Where a first name in lower case that is a word too stands only for a person (NameFinder._companion_slot): with the
# speaker before a verb ("me and blessing went"), the speaker after it ("blessing and i did the visit"), or whom one is
# with somewhere ("i was with memory at the contact centre", "we were with precious when she said it").
_AND_ME_AFTER_RE = lazy_compile(r"[ \t]+(?:and|&)[ \t]+(?:me|i|myself)(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)
_BE_WITH_BEFORE_RE = lazy_compile(
    r"\b(?:i|we|she|he|they|you)(?:['’](?:m|s|re)|[ \t]+(?:was|were|am|is|are|(?:had|have|has)[ \t]+been))"
    r"(?:[ \t]+(?:out|there|round|back|over|still|always|just|already))?[ \t]+with[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_WITH_WHERE_AFTER_RE = lazy_compile(
    r"[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:(?:at|on|when|while|during|yesterday|today|all[ \t]+day|the[ \t]+whole)(?![\p{L}'’])|"
    # in a place, not in a state of mind ("she was with grace in the car"; not "i was with hope in my heart")
    r"in[ \t]+(?:the|a|an)[ \t]+\p{Ll}|in[ \t]+(?-i:\p{Lu}))",
    re.IGNORECASE | re.VERSION1)
# A greeting or a letter's opening before whom it greets ("hiya memory, can you ring me", "morning patience!").
_GREETING_BEFORE_RE = lazy_compile(r"(?:\A|(?<=[.!?;:\n\r\"“‘(][ \t]*))(?:hi|hiya|hey|hello|morning|evening|afternoon|dear)[ \t]+\Z",
                                   re.IGNORECASE | re.VERSION1)
_GREETED_AFTER_RE = lazy_compile(r"[ \t]*(?:[,!.?]|\Z|x(?![\p{L}'’]))", re.IGNORECASE | re.VERSION1)
_WITH_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’])with[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_PLURAL_VERB_AFTER_RE = lazy_compile(
    r"[ \t]+(?:are|were|share|shared|live|go|play|sleep|stay|walk|fight|argue|talk|get|do|have|like|love|hate|want|need|"
    r"used[ \t]+to)(?![\p{L}'’])", re.VERSION1)
_SEEN_BEFORE_RE = lazy_compile(
    r"\b(?:saw|see|sees|seen|seeing|visit|visits|visited|visiting|collected|collect|picked[ \t]+up|fetched|"
    r"dropped[ \t]+off|looked[ \t]+after|babysat|babysit|"
    # a verb of taking a child somewhere ("i took tiarnelle to the dentist", "mum dropped kaycee-leigh off", "we moved
    # kerrisha to a new placement", "they took brannagh into care")
    r"took|take|takes|taking|dropped|drop|drops|picked|pick|picks|fetch|moved|move|moves|placed|place|brought|bring|"
    r"brings|drove|drive|drives|removed|remove|accommodated|driving|dropping|picking|fetching|moving|placing|bringing|"
    r"collecting)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_SEEN_WHERE_AFTER_RE = lazy_compile(
    r"[ \t]+(?:at|on|in|every|last|this|with|from|to|into|off|up|out|home|back|round)[ \t]", re.IGNORECASE | re.VERSION1)
# ... or is joined to a relation of its own ("taylah-mae and her brother were removed", "there's only tiernagh and one
# other boy"), called so by one who loves it ("lil zaydon was crying"), or signs a message or card ("'lots of love,
# tamzia'", "'to nanna from zekiah'").
_AND_KIN_AFTER_RE = lazy_compile(
    rf"[ \t]+(?:and|&)[ \t]+(?:(?:her|his|their|my|our)[ \t]+(?:(?:little|big|older|younger|baby|twin|half|step)[ \t\-]+)?"
    rf"(?:{'|'.join(sorted(w for w in KINSHIP_ROLE_WORDS if len(w) > 2))})|one[ \t]+other[ \t]+(?:boy|girl|child|kid|lad|pupil))\b",
    re.IGNORECASE | re.VERSION1)
# "and" and a relation of his or hers after a given name that is a word too: the name is his or hers ("Sunny and his
# sister", "Hope and her mum came"), as no thing has a sister or a mum.
_AND_OWN_KIN_AFTER_RE = lazy_compile(
    rf"[ \t]+(?:and|&)[ \t]+(?:her|his)[ \t]+(?:(?:little|big|older|younger|baby|twin|half|step)[ \t\-]+)?"
    rf"(?:{'|'.join(sorted(w for w in KINSHIP_ROLE_WORDS if len(w) > 2))}|family|kids|children)\b",
    re.IGNORECASE | re.VERSION1)
# A child described, then named after a comma at the end ("the only boy in year 2 at st brannoc's, tiernagh").
_CHILD_THEN_NAMED_RE = lazy_compile(
    r"\b(?:boy|girl|child|kid|lad|lass|baby|son|daughter|brother|sister|pupil|toddler|teenager)\b[^.!?;\n]{0,60},[ \t]*\Z",
    re.IGNORECASE | re.VERSION1)
_INITIALS_AFTER_TITLE_RE = lazy_compile(
    rf"(?<=\b(?:{'|'.join(sorted(_LOWER_TITLES))})\.?[ \t]+)(?:\p{{L}}\.?[ \t]+){{1,3}}\Z", re.IGNORECASE | re.VERSION1)
# A name's first word before a particle of Irish, Welsh, Dutch or Arabic names ("siobhra ní bhraolain", "dafrydd ap
# gwenllys"): one name with what follows.
_BEFORE_PARTICLE_RE = lazy_compile(
    rf"(?P<w>\p{{Ll}}[\p{{Ll}}'’\-]+)[ \t]+(?:{'|'.join(sorted(_PARTICLES))}|ní|ó)[ \t]+\Z", re.VERSION1)
# A particle of a surname in lower case after a name, and the surname's word ("aoife ní bhriain", "rhodri ap iorwerth"):
# only the particles that are no English word ("van", "de", "la", "y" are left out).
_SURNAME_PARTICLES = frozenset("ni nic o ui mhic mac ap ab ferch verch bin ibn bint binti al".split())
_PARTICLE_AFTER_RE = lazy_compile(
    r"[ \t]+(?:(?:ní|nic|ó|ui|uí|mhic|mac|ap|ab|ferch|verch|bin|ibn|bint|binti|al)[ \t]+(?P<w>\p{Ll}[\p{Ll}'’\-]{2,})"
    # one or two particles of a Dutch, German, French, Italian or Portuguese surname in lower case, its last word in
    # either case ("jean-pierre van der berg", "Ana dos Santos", "marco di stefano")
    r"|(?P<p>(?:(?:van|von|der|den|de|du|da|di|del|della|dos|das|la|le|ter|ten)[ \t]+){1,2})(?P<w2>\p{L}[\p{Ll}'’\-]{2,}))"
    r"(?![\p{L}\p{N}'’\-])", re.VERSION1)
# One or two particles of a European surname in lower case right before a name found ("dos [santos]", "van der [berg]").
_PARTICLES_BEFORE_RE = lazy_compile(
    r"(?<![\p{L}\p{N}'’\-])(?:(?:van|von|der|den|de|du|da|di|del|della|dos|das|ter|ten|la|le|las|los)[ \t]+){1,2}\Z",
    re.VERSION1)
# Two parts of a word with a line break between ("dy\nlan").
_WRAPPED_WORD_RE = lazy_compile(r"(?<![\p{L}'’\-])(?P<a>\p{L}{2,})[ \t]*\r?\n[ \t]*(?P<b>\p{L}{2,})(?![\p{L}'’\-])", re.VERSION1)
# The end of a nickname said last or quoted ("scared of big dale.", "'big al', runs it").
_OWNER_OR_ARTICLE_BEFORE_RE = lazy_compile(r"\b(?:the|a|an|our|their|its|this|that|your|my|his|her|some|any|no)[ \t]+\Z",
                                           re.IGNORECASE | re.VERSION1)
_NICKNAME_END_RE = lazy_compile(r"[ \t]*(?:[.,;:!?)'’\"”]|\Z)", re.VERSION1)
# A pet word before a child's given name, no article or degree word before it ("Little Jay", "our Jay", "baby rose";
# not "a little rose", "the big will", "so little hope").
_PET_WORD_BEFORE_RE = lazy_compile(
    r"(?<!\b(?:a|an|the|this|that|very|so|too|how|as|such)[ \t]+)(?<![\p{L}'’\-])(?:lil|little|wee|baby|big|young|our)[ \t]+\Z",
    re.IGNORECASE | re.VERSION1)
# Given names that are words of what is hoped, meant or had, which a possessive or a pet word may stand before as the
# word ("Our Hope was that ...", "our will was done", "little joy was left").
_ABSTRACT_GIVEN_NAMES = frozenset("""hope faith joy grace will patience charity mercy honor honour chance trust love
    destiny harmony unity liberty verity prudence constance felicity bliss glory justice peace serenity sunny
    summer autumn winter spring""".split())
_FONDLY_BEFORE_RE = lazy_compile(r"\b(?:lil|little|our|young|big)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_SIGNED_BEFORE_RE = lazy_compile(r"\b(?:love|from|regards|cheers|thanks|wishes)[ \t]*[,!.]?[ \t]*(?:\r?\n[ \t]*)?\Z",
                                  re.IGNORECASE | re.VERSION1)
# The words that take a letter as a thing's label ("Plan B", "Part C", "Appendix D"), not a person's initial, right
# before it.
_LABELLED_WORDS = ("plan|part|child|section|appendix|annex|grade|year|class|group|vitamin|option|stage|level|phase|step|"
                  "page|form|tier|room|block|ward|wing|unit|person|sibling|parent|adult|baby")
_LABELLED_BEFORE_RE = lazy_compile(rf"\b(?i:{_LABELLED_WORDS})[ \t]+\Z", re.VERSION1)
# A team, a service or a place of work that signs a message as a person would ("Regards\nReception", "Thanks\nOffice").
_SIGNING_BODIES = frozenset("""office reception team staff management secretariat helpdesk desk administration hq
    headquarters governors board committee panel service services department unit practice surgery school nursery
    college academy clinic centre center hub duty front frontdoor triage partnership council trust""".split())
# Words said after a sign-off on its own line, of no one ("Thanks\nSorry", "Regards\nPlease").
_AFTER_SIGN_OFF = frozenset("sorry please welcome apologies again also".split())
# Endings of abstract nouns and adverbs, which no surname alone after a sign-off has ("Management", "Forever").
_ABSTRACT_ENDINGS = ("ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship", "hood", "ism", "ics", "ing", "ly",
                     "ever", "wards", "where", "ful", "less", "ous", "ive", "able", "ible", "al", "ic", "ish")
#: The words of a sign-off that end its line ("Thanks", "Kind regards", "Yours sincerely").
_SIGN_OFF_WORDS = frozenset("thanks regards cheers wishes love sincerely faithfully truly best yours".split())
# A sign-off (a letter's too, "Yours sincerely"; "Best" and "Yours" alone on their line), and the line after it, blank
# lines between, up to a kiss ("x", "xx") where the line or the text ends: who signed, when the line is a name's shape
# (:meth:`NameFinder._signed_line`).
_SIGNED_LINE_RE = lazy_compile(
    r"(?:\b(?:love(?:[ \t]+from)?|regards|cheers|thanks|wishes|sincerely|faithfully|truly|take[ \t]+care|speak[ \t]+soon|"
    r"talk[ \t]+soon|see[ \t]+you[ \t]+soon|all[ \t]+the[ \t]+best)"
    r"|(?:^|(?<=\n))[ \t]*(?:best|yours|ta))[ \t]*[,!.]?[ \t]*(?:\r?\n[ \t]*)+"
    r"(?P<n>(?!x+\b)[\p{L}][\p{L}'’.\-]*(?:[ \t]+(?!x+[ \t]*(?:\r?\n|\Z))[\p{L}][\p{L}'’.\-]*){0,2})"
    r"[ \t]*[,.]?(?:[ \t]+x+)?[ \t]*(?=\r?\n|\Z)", re.IGNORECASE | re.VERSION1)
# Authors as a reference list or a citation names them, before the year after a comma or a bracket: surnames, each
# perhaps with its initials, joined by commas, "and" or "&" ("Easton, C., Martin, K. and Walker, F. (2012)", "Rees, G.
# Gorin, S. (2010)", "Martin and Jeffes, 2011", "(Munro, 2011)", "Easton et al. (2012)"); each surname is judged a name
# by :meth:`NameFinder._cited_authors`.
_AUTHOR = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:,[ \t]*\p{Lu}\.(?:[ \t]*\p{Lu}\.){0,2})?"
_CITED_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?P<list>{_AUTHOR}(?:(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+|(?<=\.)[ \t]*)"
    rf"{_AUTHOR}){{0,7}})(?:[ \t]+et[ \t]+al\.?)?[ \t]*(?:,[ \t]*|\([ \t]*)(?:19|20)\d\d[a-z]?(?![\p{{L}}\d])", re.VERSION1)
_CITED_AUTHOR_RE = lazy_compile(r"(?P<s>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)(?P<i>,[ \t]*\p{Lu}\.(?:[ \t]*\p{Lu}\.){0,2})?",
                                re.VERSION1)
_SIGNED_AFTER_RE = lazy_compile(r"(?:[ \t]+x+)?[ \t]*[!.]?[ \t]*[\"”'’]", re.IGNORECASE | re.VERSION1)
# A verb a person does right after a word: of saying or doing, or any past ("mrs rhodes white coded them", "his stepdad
# hit him").
_PERSON_VERB_AFTER_RE = lazy_compile(
    rf"[ \t]+(?:{_ACTIONS}|{_IRREGULAR_PAST}|(?!need|seem|use|feel)\p{{Ll}}+ed)(?![\p{{L}}'’])", re.VERSION1)
# A platform and "as" or "under" before what someone is on it ("her nan's on facebook as pat smith").
_PLATFORM_AS_RE = lazy_compile(rf"\b(?:{_PLATFORMS})\b[^\n.]{{0,25}}\b(?:as|under|called|named)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# Initials in lower case with their dots ("j.b.", "k. m."), and the abbreviations written so that are no one's.
_LOWER_INITIALS_RE = lazy_compile(r"(?<![\p{L}\p{N}.])\p{Ll}\.[ \t]?\p{Ll}\.(?:[ \t]?\p{Ll}\.)?(?![\p{L}\p{N}])", re.VERSION1)
_LOWER_INITIAL_SURNAME_RE = lazy_compile(
    r"(?<![\p{L}\p{N}.'’])\p{Ll}\.[ \t]?(?P<w>\p{Ll}{2,}(?:['’\-]\p{Ll}+)*)(?![\p{L}\p{N}'’\-.])", re.VERSION1)
_LOWER_SPACED_LETTERS_RE = lazy_compile(r"(?<![\p{L}\p{N}.'’])\p{Ll}(?:[ \t]\p{Ll}){1,2}(?![\p{L}\p{N}'’.])", re.VERSION1)
_AFTER_SPOKEN_TO_RE = lazy_compile(
    r"[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:back|about|again|yesterday|today|later|earlier|first|last|this|on|at)\b",
    re.IGNORECASE | re.VERSION1)
# Abbreviations set off as asides or of the time, never a person's even set off after a role ("the team, e.g., said").
_ASIDE_ABBREVIATIONS = frozenset("eg ie nb ps aka vs cf etc am pm pto pp rip".split())
_ABBREVIATIONS = frozenset("eg ie ps am pm nb cv vs na ad bc aka rip pto etc uk us eu un dr st co mr ms op cf pp ed".split())
# Words after "call her" that are no name ("called her back", "calls him names", "call me later").
_NOT_NICKNAMES = frozenset("""back names up out over round later again now today tonight tomorrow yesterday straight
    immediately first everything anything something nothing sometimes often home""".split())
# Where a word that no list knows, in lower case, names a place: a school or a street a child goes to or lives at
# ("she goes to beechwood", "they moved to gipton", "he attends ruskin", "she lives in armley").
_PLACE_OWN_WORDS = ("little", "great", "upper", "lower", "nether", "north", "south", "east", "west", "long", "much", "old",
                    "new", "high", "low")
# How far off somewhere is said to be ("his gran out at tollerby", "lives up at drensford", "her nan over at kelbury").
_OUT_THERE = r"(?:(?:out|up|over|down|round|back|across)[ \t]+)?"
# Relations whose home a child lives or stays at, and homes of one's own.
_HOME_KIN = ("(?:nan|nana|nanna|nain|gran|granny|grandma|grandad|grandparents|mum|mam|dad|aunty|auntie|aunt|uncle|cousin|"
             "sister|brother|father|mother)")
# A home there, one's own or a relation's ("a flat in larne", "at his nan's in cwmbran", "with my nan in rhyl").
_HOME_IN = (rf"\b(?:flat|house|home|bedsit|caravan|hostel|refuge|maisonette|bungalow|{_HOME_KIN}['’]s)[ \t]+(?:in|at|near)|"
            rf"\b(?:with|by|near)[ \t]+(?:my|his|her|their|our|your)[ \t]+{_HOME_KIN}[ \t]+(?:in|at)")
_HOME_IN_BEFORE_RE = lazy_compile(rf"(?:{_HOME_IN})[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# An incident where it happened ("the stabbing in splott in 2022"): a word no list knows there is the district, though
# it has few vowels.
# A setting, a court or a club ("the little school at drensford", "the boxing club at splott").
_SETTING_WORDS = (r"school|nursery|college|academy|court|surgery|clinic|hospital|prison|practice|playgroup|creche|tots|club|"
                  r"class|mosque|church|temple|gurdwara|chapel|library")
_SETTING_AT_BEFORE_RE = lazy_compile(rf"\b(?:{_SETTING_WORDS})[ \t]+(?:in|at|near)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_INCIDENT_IN_BEFORE_RE = lazy_compile(rf"\b{_INCIDENT}[ \t]+(?:in|at|on|near|outside|off)[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_GONE_TO_BEFORE_RE = lazy_compile(
    r"\b(?:(?:goes|go|going|went|gone|moved|moving|move|transferred|walks?|walked|drives?|drove|rehoused|relocated|sent|taken)"
    r"[ \t]+(?:(?:them|him|her|us|me)[ \t]+)?(?:(?:up|down|back|over|out|across|round)[ \t]+){0,2}to|"
    # someone from a place, a placement or a visit there, someone looked after there ("she's from pontypridd originally",
    # "a placement in fraserburgh", "we did a visit to whitehaven", "nain looks after her in caernarfon")
    r"(?:\b(?:is|was|are|were)|['’](?:s|re))[ \t]+(?:(?:originally|actually|also)[ \t]+)?from|"
    r"\b(?:placement|visit|trip|stay|respite)s?[ \t]+(?:in|to|at|near)|\b(?:them|him|her|us)[ \t]+(?:in|at)|"
    r"attends?|attended|attending|(?:live[sd]?|living|stay(?:s|ed|ing)?|based|placed|born|grew[ \t]+up|work(?:s|ed|ing)?)"
    rf"[ \t]+{_OUT_THERE}(?:in|at|on|near)|"
    # where someone is, a year group or a worker ("she's at roundhay", "in year 9 at roundhay", "a cop in chapeltown")
    r"(?:\b(?:is|was|are|were)|['’](?:s|re)|\byear[ \t]+\d{1,2})[ \t]+at|"
    # where someone is kept or held ("she's in styal", "he's been in belmarsh", "doing time in strangeways")
    r"(?:\b(?:is|was|are|were|been)|['’](?:s|re)|\b(?:doing|did|done|serving|served|serve)[ \t]+(?:time|(?:a|his|her|their)[ \t]+"
    r"sentence|life|[\p{L}\d]+[ \t]+(?:years?|months?|weeks?))|locked[ \t]+up|banged[ \t]+up|remanded)[ \t]+in|"
    rf"\b(?:{_ROLE_NOUNS}|grandparent|cop|copper|policeman|policewoman|pc|pcso)(?:['’]s|s['’]?)?[ \t]+{_OUT_THERE}"
    r"(?:in|at|outside|opposite|near|behind)|"
    # how far out it is ("out past thornwick", "the other side of pellerby")
    r"\b(?:(?:out|just|up|down|over)[ \t]+past|beyond|(?:the[ \t]+)?other[ \t]+side[ \t]+of)|"
    # a setting or a court by where it is ("the little school at drensford", "the family court at thrushby")
    rf"\b(?:{_SETTING_WORDS})[ \t]+(?:in|at|near)|"
    # a home of one's own or a relation's there ("she's in a flat in larne", "at his nan's in cwmbran", "with my nan in
    # kelbury"), a street's town after it ("on high street, in tonyrefail"), and a move or a placement said with an aside
    # before the town ("they'd moved again, to treharris", "placed out of county, in kelbury")
    rf"{_HOME_IN}|"
    r"\b(?:street|road|lane|avenue|drive|close|crescent|terrace|grove|way|place|gardens|court|row|walk|estate)[ \t]*,[ \t]*"
    r"(?:in|at)|"
    r"\b(?:moved|moving|placed|rehoused|relocated|housed|sent)(?:[ \t]+[\p{L}'’]+){0,3}[ \t]*,[ \t]*(?:to|in)|"
    # on an estate, its name ending as places' names do ("they're on the meadowell"; the ending is checked where used)
    r"(?P<estate>(?:\b(?:is|was|are|were|live[sd]?|living|grew[ \t]+up)|['’](?:s|re))[ \t]+on[ \t]+the)|"
    # on the way there ("on the way to llanfarrow")
    r"\bway[ \t]+(?:to|from|out[ \t]+of)|"
    # the homes on it ("they're in the flats on kirkgate", "the houses off gipton", "the caravan site off holbeck"), a
    # street's corner ("the chippy on the corner of kirkgate"), or an incident there ("the house fire in harehills")
    r"(?:flats|houses|maisonettes|bungalows|terraces|estate|tower[ \t]+blocks?|site|camp)[ \t]+(?:on|off|in|at|near|behind|by)|"
    rf"\bcorner[ \t]+of|\b{_INCIDENT}[ \t]+(?:in|at|on|near|outside|off)|"
    # the district of a landmark or a shop ("near the big tesco in armley", "by the park in gipton", "the chippy in
    # harehills", "the bakery in chapeltown")
    r"\bthe[ \t]+(?:[\p{L}'’\-]+[ \t]+){0,2}[\p{L}'’\-]+[ \t]+(?:in|on|off|near)|"
    # a shop by its name alone ("on the tills at morrisons in gipton")
    r"\b(?:at|near|outside|opposite|behind)[ \t]+[\p{L}'’\-]+[ \t]+in)"
    # and a word of a place's own before it ("in little marrowby", "at upper pellerby"): the place's
    rf"[ \t]+(?P<pre>(?:{'|'.join(_PLACE_OWN_WORDS)})[ \t]+)?\Z",
    re.IGNORECASE | re.VERSION1)
# Where someone lives or grew up, before a district of three or four letters that no list knows, perhaps few of them
# vowels ("she lives in lsk", "he grew up in ely"); the phrase ends after it or goes on with who, when or how long.
# A word of moving there ("to": in group ``to``; going back, "went back to", in ``go``), of living or being brought up there, or of
# coming from it, is read before a district that is also a word too ("they moved to sale", "she grew up in wells", "he's
# from bury originally", "they were rehoused in barking": see NameFinder._word_places).
_LIVED_IN_BEFORE_RE = lazy_compile(
    r"\b(?:(?:live[sd]?|living|stay(?:s|ed|ing)?|grew[ \t]+up|brought[ \t]+up|raised|born|based|placed|care|(?:re)?housed|"
    r"settled)[ \t]+(?:in|at|near)|(?P<to>(?:moved|moving|move|relocated)[ \t]+(?:(?:back|up|down|over|away)[ \t]+)?to|"
    r"(?P<go>went|gone|goes|going|go|came|come|headed)[ \t]+back[ \t]+to|"
    # a trip there ("she went to hull for the weekend", "we drove to bury"): by a person, not a thing (see thing_goes)
    r"(?P<trip>went|gone|goes|going|go|drove|drives?|driving|flew|fly|flies|flying|travell?ed|travell?ing|travels?|"
    r"headed|heading|walked|cycled|(?:got|get|gets|getting|took|take|takes|taking)[ \t]+(?:the|a)[ \t]+(?:train|bus|coach))"
    r"[ \t]+to)"
    r"|(?:(?:s?he|they|who|i|we)(?:[ \t]+(?:is|was|are|were|comes?|came|originally)|['’](?:s|re|m))+|comes|came|moved)[ \t]+from)"
    r"[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# What happens once, at a time, before "in" ("came into care in", "was placed in", "born in", "rehoused in"): a month's
# name after it says when (NameFinder._word_places: "came into care in March"; "she lives in March" is the town).
_ONCE_IN_BEFORE_RE = lazy_compile(r"(?:care|placed|born|(?:re)?housed)[ \t]+in[ \t]+\Z", re.IGNORECASE | re.VERSION1)
_PLACE_ENDS_RE = lazy_compile(
    r"[ \t]*(?:[.,;:!?)\]\"”’…–—]|\Z|(?P<w>with|and|now|then|last|this|next|every|in|since|for|until|till|when|after|before|"
    r"but|originally|on|near|to)\b)",
    re.IGNORECASE | re.VERSION1)
# After a district and "to": a purpose ("went to sale to see her nan", "moved to bury to be near his dad"), or the next
# place after where someone came from ("moved from hull to rugby"; the word in group ``next``).
_TO_AFTER_PLACE_RE = lazy_compile(
    r"to[ \t]+(?:(?P<purpose>(?!(?:be[ \t]+(?:honest|fair|frank|sure|clear)|say|put[ \t]+it|start[ \t]+with|begin[ \t]+with)\b)"
    r"(?!(?:the|a|an|his|her|their|my|our|your|this|that|these|those|him|them|me|us|it|school|"
    r"work|bed|church|court|town|hospital|prison|university|college|uni)\b)\p{Ll}+[ \t]+\p{L})|(?P<next>[\p{L}\-]+))",
    re.VERSION1)
# A purpose of seeing or staying with someone after a district and "to" ("went to barking to see her nan", "went to
# reading to stay with her gran"): a trip to a place, where an activity in "-ing" is not gone to so ("went back to
# reading to catch up" stays).
_VISIT_RE = lazy_compile(
    r"(?:see|visit|stay[ \t]+(?:with|at)|live[ \t]+with|be[ \t]+(?:near|with|closer[ \t]+to)|meet|pick[ \t]+up|collect)[ \t]+"
    r"(?:his|her|their|my|our|your|the|a|an|him|them|me|us|\p{Lu})", re.IGNORECASE | re.VERSION1)
# What may follow a district that is also a verb after "to" ("he went back to deal.", "goes back to stoke every
# weekend"; not "moved to deal with it", "went back to bath the baby").
_STRICT_PLACE_ENDS = frozenset("now then last this next every since until till originally".split())
# Between two places of a list of where someone has lived or been ("moved to sale, then to bury", "lived in leek and
# later wigan"): a comma or a word of order, then perhaps "to", "in" or "back to"; or "to" alone after where someone
# moved from ("moved from hull to sale").
_THEN = r"and|or|then|later|after(?:wards)?|finally|eventually"  # the words of order both patterns share
_NEXT_PLACE_RE = lazy_compile(
    r"\A[ \t]+to[ \t]+\Z|"  # from one to the other ("they moved from hull to sale")
    r"\A(?:[ \t]*,|[ \t]+(?:" + _THEN + r"|now|before|that))"
    r"(?:[ \t]*,|[ \t]+(?:" + _THEN + r"|now|before|that))*"
    r"(?:[ \t]+(?:back[ \t]+)?(?:to|in|at|near))?[ \t]+\Z", re.IGNORECASE | re.VERSION1)
# The same after a place, with the next place ("moved to wells and then to stoke"; see NameFinder._list_goes_on).
_LIST_GOES_ON_RE = lazy_compile(
    r"(?:[ \t]*,|[ \t]+(?:" + _THEN + r"))+(?:[ \t]+(?:back[ \t]+)?(?:to|in|at|near))?"
    r"[ \t]+(?P<next>[\p{L}\-]+)", re.IGNORECASE | re.VERSION1)
# Words of the land that end the names of villages and districts ("Hope Valley", "Grace Dale", "Kirkby Moor").
_LAND_WORDS = frozenset("""valley vale dale dales moor moors heath green hill hills bridge ford field fields wood woods
    park common cross end side gate marsh bank banks brook wells lea ley combe coombe cliff cliffs bay head mount
    forest fell fells edge hollow glen water waters mill mills""".split())
# A word of what is on a place or serves it, after a place's name ("the Hope Valley line", "the Faith Moor road", "Grace
# Dale school"): a person's name is not said so.
_PLACE_HEAD_AFTER_RE = lazy_compile(
    r"[ \t]+(?:line|railway|station|road|street|lane|avenue|way|estate|school|primary|academy|nursery|surgery|"
    r"library|church|park|bus|buses|train|trains|bypass|roundabout|junction|shops|precinct|village|area|ward|"
    r"community|centre|clinic|practice|flats)\b", re.IGNORECASE | re.VERSION1)
# A stay of some time or a trip's day after a district that is also a verb ("she went to hull for the weekend", "they
# travelled to wells on friday", "i drove to barking and back"; not "went to deal with it").
_TIME_AFTER_RE = lazy_compile(
    r"(?:for[ \t]+(?:(?:the|a|an|two|three|four|few|couple|of|christmas|easter|half|whole|long)[ \t]+)*(?:weekend|week|"
    r"day|night|holiday|summer|month|year|christmas|easter|half[ \t\-]term|term|while|fortnight)s?"
    r"|on[ \t]+(?:a[ \t]+|the[ \t]+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|holiday)|and[ \t]+back)\b",
    re.IGNORECASE | re.VERSION1)
# A person after a faith, people or nation ("the only sikh family", "a Somali girl", "the only muslim young person").
_PERSON_AFTER_RE = lazy_compile(
    r"[ \t]+(?:[\p{L}\-]+[ \t]+)?(?:girl|boy|child|children|kid|pupil|student|family|families|lad|lass|man|men|woman|"
    r"women|baby|teenager|teen|household|couple|community|mum|dad|parent|young[ \t]+(?:person|people|man|woman)|"
    r"foster[ \t]+carer|carer|nurse|teacher|worker|doctor|officer|councillor|lady|bloke|guy|grandmother|grandfather|"
    r"grandparent|neighbour|youngster|person|people)s?(?![\p{L}\-])", re.IGNORECASE | re.VERSION1)
# A make or brand of two or three capitalised words owned, driven or worn ("drives a Range Rover", "wears a Tag Heuer",
# "he's got an Aston Martin"); see NameFinder._owned_brands.
_OWNED_BRAND_RE = lazy_compile(
    r"\b(?:drives?|drove|driving|rides?|rode|riding|owns?|owned|owning|wears?|wore|wearing|has|had|having|got|gets)"
    r"[ \t]+(?:a|an)[ \t]+(?P<b>(?-i:\p{Lu}[\p{L}'’\-]*)(?:[ \t]+(?-i:\p{Lu}[\p{L}'’\-]*)){1,2})(?![\p{L}\d])",
    re.IGNORECASE | re.VERSION1)
# Where a family called by its surname takes a child in ("placed with the smiths", "lives with the Hendersons", "her
# carers, the Browns", "fostered by the joneses", "she went to the Smiths'").
_PLACED_VERBS = r"placed|placement|live[sd]?|living|stay(?:s|ed|ing)?|moved[ \t]+in"
# the child placed said between ("we placed her with the Smiths", "placed the twins with")
_CHILD_PLACED = r"(?:(?:him|her|them|the[ \t]+(?:baby|boy|girl|kids|children|twins|siblings))[ \t]+)?(?:back[ \t]+)?"
_RAISED_BY = r"\b(?:fostered|adopted|looked[ \t]+after|cared[ \t]+for|raised)[ \t]+by"
_FAMILY_PLACED_RE = lazy_compile(
    rf"(?:\b(?:{_PLACED_VERBS}|back|went|go(?:es|ing)?|home|work(?:s|ed|ing)?)[ \t]+{_CHILD_PLACED}(?:with|to)|{_RAISED_BY}|"
    r"\b(?:carers?|family|visit(?:s|ed|ing)?|round[ \t]+(?:at|to))|,|"
    # who a child is with or whose her carers are ("she's with the dronfields now", "her carers are the okafor-brights")
    r"(?:\b(?:is|was|are|were|been)|['’](?:s|re))[ \t]+(?:(?:still|now|back)[ \t]+)?(?:with|at)|\bcarers[ \t]+(?:are|were)|"
    # a child moved from one household to another ("we moved him from the Cooks to ...", "he went from the Masons")
    rf"\b(?:moved|move[sd]?|moving|took|taken|went|came|removed|ran[ \t]+away)[ \t]+{_CHILD_PLACED}(?:away[ \t]+)?from)[ \t]*\Z",
    re.IGNORECASE | re.VERSION1)
# What a household owns or keeps, said after a family's plural possessive ("the Browns' car", "the Okafors' front door").
_HOUSEHOLD_OWNS = (r"(?:(?:new|old|front|back|little|big)[ \t]+)?(?:car|cars|van|garden|dog|dogs|cat|cats|door|drive|"
                   r"driveway|garage|kitchen|caravan|address|landlord|flat|bungalow|sofa|settee|hallway|yard|"
                   r"gate|doorstep|mum|dad|nan|gran|son|daughter|baby|eldest|youngest|neighbours?)")
# A family's home or children after its surname ("at the pellowes' house", "the dronfield kids").
_HOME_AND_CHILDREN = r"house|home|flat|kids|children|family|boys|girls|twins"
# What a family called by its surname has or does, or its home or children ("the pellowes have had her", "at the
# pellowes' house", "the dronfield kids").
_FAMILY_HAS_RE = lazy_compile(
    r"['’]?[ \t]+(?:have|had|has|are|were|['’]ve|foster|fostered|adopted|live|lived|place|lot|"
    # what a family does as a household: moves, parts, takes up help or not ("the Smiths moved away", "the Walkers
    # separated", "the Whites declined the offer")
    r"moved|move|moves|relocated|separated|refused|declined|engaged|disengaged|attended|"
    # where a household lives, by its door's number or beside the speaker's ("the Khans at number 9", "the Smiths next
    # door")
    rf"at[ \t]+(?:number|no\.?)[ \t]*\d+|{_NEIGHBOUR}|"
    rf"{_HOME_AND_CHILDREN})\b", re.IGNORECASE | re.VERSION1)
# Where only a household is, around a capitalised plural after "the" whose singular is a word no surname list holds
# (NameFinder._household_plural): a child placed or living with it ("we placed him with the Shahs"), its door's number
# or beside the speaker's ("the Shahs at number 4", "the Shahs next door"), or its moving to a place named ("the Shahs
# moved to Bradford").
_HOUSEHOLD_PLACED_RE = lazy_compile(
    rf"(?:\b(?:{_PLACED_VERBS})[ \t]+{_CHILD_PLACED}with|{_RAISED_BY}|\bcarers?(?:[ \t]+(?:are|were)|[ \t]*,))[ \t]*\Z",
    re.IGNORECASE | re.VERSION1)
_HOUSEHOLD_WHERE_AFTER_RE = lazy_compile(
    rf"[ \t]+(?:at[ \t]+(?:number|no\.?)[ \t]*\d+|{_NEIGHBOUR_HOME}|(?:have[ \t]+|had[ \t]+)?(?:moved|move|moving)[ \t]+"
    r"(?:(?:up|down|over|back)[ \t]+)?to[ \t]+(?-i:\p{Lu}))", re.IGNORECASE | re.VERSION1)
# Where only a household is after the plural of a job's, a post's or one who does's word, a surname too ("Constable",
# "Warden", "Judge", "Clerk"): its door's number, next door, its moving to a place named or moving house, its divorce,
# a child it fostered or adopted, or one relation of its own after the possessive ("the Constables at number 4", "the
# Wardens next door", "the Clerks moved to Leeds", "the Judges have adopted a girl", "the Keepers' eldest"); not what a
# job's people have or do too ("the Constables' car", "the Porters' lodge", "the Constables moved back", "the Governors
# adopted it"), nor a body meeting at its address ("the Trustees at number 10 met").
# A child's relations and carers, and those a child is placed with by what they do ("placed with the Carers", "the
# Adopters"): no household's surname (NameFinder._household_plural).
_CARERS_OF_A_CHILD = frozenset(w.replace("_", " ") for w in FAMILY_WORDS) | frozenset("adopter fosterer".split())
_JOB_HOUSEHOLD_AFTER_RE = lazy_compile(
    r"['’]?[ \t]+(?:at[ \t]+(?:number|no\.?)[ \t]*\d+(?!\d)(?![ \t]+(?:met|meets?|sat|sits?|voted|votes?|convened|"
    r"reconvened|resolved)\b(?![ \t]+(?:with|him|her|them|me|us|you)\b))"
    r"|(?:(?:have|had)[ \t]+)?(?:moved|move|moves|moving)[ \t]+(?:(?:up|down|over|back)[ \t]+)?to[ \t]+(?-i:\p{Lu})"
    rf"|(?:{_NEIGHBOUR_HOME}|(?:(?:have|had)[ \t]+)?(?:(?:moved|move|moves|moving)[ \t]+(?:house|home|abroad|in[ \t]+with)"
    r"|divorced|split[ \t]+up|(?:(?:now|since|also|just)[ \t]+)?(?:fostered|adopted)[ \t]+(?:him|her|(?:a|the|two|three)[ \t]+"
    r"(?:boy|girl|baby|child|twins|siblings|brothers|sisters)))|(?<=['’][ \t]+)(?:mum|dad|nan|gran|son|daughter|baby|eldest|"
    r"youngest))(?![\p{L}'’\-]))",
    re.IGNORECASE | re.VERSION1)
# The endings of English adjectives that English makes nouns of for people of a standing, an age, a place or a side
# ("senior", "junior", "local", "regular", "native", "independent", "infant", "nationalist"). Used only before a birth
# or an age (_redact._PERSON_KIND_ENDINGS: "Resident (aged 80)"); a family's plural of that shape stays a family ("the
# Priors", "the Merchants", "the Constables moved to Leeds": surnames too, so "the Seniors moved to ..." is redacted).
_ADJECTIVE_ENDINGS = ("ior", "al", "ar", "ive", "ic", "ous", "ible", "able", "ent", "ant", "ile", "ist")
# What only a household does or has, after a family called by a plural that a party or a team may be called too ("the
# Greens moved away", "the Halls' house"; not "the Greens moved an amendment", "the Greens have won"); see
# NameFinder._public_family.
_HOUSEHOLD_AFTER_RE = lazy_compile(
    r"['’]?[ \t]+(?:(?:have|had|has)[ \t]+(?:(?:now|since|just|also)[ \t]+)?(?:fostered|adopted|separated|split|divorced|moved)"
    r"|(?:moved|move|moves|moving)[ \t]+(?:away|out|house|home|abroad|back|in[ \t]+with|to[ \t]+(?:a|another|the)[ \t]+"
    r"(?:new[ \t]+)?(?:house|flat|area|town|estate|address))"
    rf"|relocated|separated|split[ \t]+up|divorced|fostered|adopted|foster|{_HOME_AND_CHILDREN}|{_NEIGHBOUR_HOME}"
    # what a household owns, after the plural possessive ("the Browns' car", "the Halls' dog"; not "the Greens' policy")
    rf"|(?<=['’][ \t]+){_HOUSEHOLD_OWNS})\b", re.IGNORECASE | re.VERSION1)
# What a person does to another, after a family called by its surname ("the Wards hit him", "the Smiths threatened
# her"): a harm done to a person, which no bank, field or ward does ("the wards hit capacity").
_HARM_AFTER_RE = lazy_compile(
    r"[ \t]+(?:(?:had|have|also|then|both|all)[ \t]+)?(?:hit|hits|hurt|hurts|beat|beats|kicked|kicks|punched|slapped|"
    r"smacked|shouted[ \t]+at|threatened|threaten|grabbed|pushed|bullied|abused|assaulted|attacked|harassed)[ \t]+"
    r"(?:him|her|them|me|us|his|their|my|our)(?![\p{L}'’])",
    re.IGNORECASE | re.VERSION1)
# A family's or a household's noun, or its home's, in lower case after its surname ("the Goldsmith family", "the Bishop
# home").
_HOUSEHOLD_RE = lazy_compile(r"[ \t]+(?:family|household|home|house)\b", re.VERSION1)
# A family's home in lower case after its surname ("the Smith home", "the Smith house"; "the White House" is a name).
_FAMILY_HOME_RE = lazy_compile(r"[ \t]+(?:home|house)\b", re.VERSION1)
# "family" or "household" after a nation's name as a family is named, not as a service of a place is ("the Holland
# family were known"; "the England family support network" is the service's).
_NATION_FAMILY_RE = lazy_compile(
    r"[ \t]+(?:family|household)(?![\p{L}\-])(?![ \t]+(?:support|services?|hubs?|courts?|centres?|groups?|teams?|"
    r"networks?|approach|work|workers?|law|therapy|nurses?|partnerships?|polic(?:y|ies)|programmes?|model|help)\b)",
    re.VERSION1)
# Surnames that are words (:func:`~impact.privacy._lexicon.surname_words`) read first as what a family or children are
# like, what care they have, or whom they are by, before "family", "kids" or "boys" in lower case ("the young family",
# "the white boys", "the black kids", "the small children", "the foster family", "the page boys", "the ward kids",
# "the kitchen lot"): the words.
_SURNAME_ADJECTIVES = frozenset("""black white brown grey young long short small strong sharp savage noble hardy gold
    silver page ward kitchen parish gentry free fuller frost snow winter summers foster""".split())
_FAMILY_NOUN_RE = lazy_compile(r"[ \t]+(?:kids|children|family|boys|girls|twins|household|lot)\b", re.IGNORECASE | re.VERSION1)
# The word "initials" before letters in capitals, a few words or a list of them between ("initials AB and JS", "the
# initials on the form were KT, DR"): the letters are said to be someone's initials (NameFinder._caps_initials).
_INITIALS_SAID_BEFORE_RE = lazy_compile(
    r"\binitials\b(?:[ \t]+(?:on|of|in|for|from)[ \t]+(?:the|a|an|her|his|their|its)[ \t]+[\p{L}\-]+)?"
    r"(?:[ \t]+(?:are|were|is|was|read|reads|said|says|given[ \t]+as))?[ \t:]*"
    r"(?:(?-i:\p{Lu}{2,3})[ \t]*(?:,|&|/|\band\b|\bor\b)[ \t]*)*\Z", re.IGNORECASE | re.VERSION1)
# Two or more words of capitals listed together ("JS, KM", "JS, KM and TB", "KM & JS", "KM/JS").
_INITIALS_LIST_RE = lazy_compile(
    r"(?<![\p{L}\p{N}'’])\p{Lu}{2,3}(?:(?:[ \t]*,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+|[ \t]*[&/][ \t]*)"
    r"\p{Lu}{2,3})+(?![\p{L}\p{N}])", re.VERSION1)
# A verb in the past after initials opening a clause ("GH highlighted the progress", "KM made the referral").
_PAST_AFTER_RE = lazy_compile(
    r"[ \t]+(?:(?:also|then|just|never|always|really|quickly)[ \t]+)?(?:\p{Ll}{3,}ed|made|wrote|found|brought|saw|met|kept|"
    r"got|put|sat|spoke|bought|built|taught|held|heard|knew|gave|took|began|became|drove|paid|sold|won|lost|"
    r"showed|shown)(?![\p{L}'’])", re.VERSION1)
# Where a child named by an initial is, between the initial and what it did ("J at Greenhill Primary said"): "at" or
# "from" and one to four capitalised words, perhaps after "the".
_SETTING_AFTER_INITIAL_RE = lazy_compile(
    r"\.?[ \t]+(?:at|from)[ \t]+(?:the[ \t]+)?\p{Lu}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,3}", re.VERSION1)
_FAMILY_AFTER_RE = lazy_compile(
    r"['’]s[ \t]+(?:(?:little|older|younger|eldest|youngest|new|ex|step)[ \t\-]?)?(?:son|daughter|baby|boy|girl|brother|"
    r"sister|sibling|mum|mom|mam|mother|dad|father|stepdad|stepmum|nan|nana|gran|granny|grandma|grandad|grandmother|"
    r"grandfather|aunt|aunty|auntie|uncle|cousin|niece|nephew|partner|husband|wife|boyfriend|girlfriend|twins?)"
    r"(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)


# A file name ("Jane_Smith_interview.docx", "okafor notes.txt" is two words) or words joined by "_" ("jane_smith_w1").
_FILE_EXTENSIONS = (r"docx?|txt|pdf|rtf|odt|csv|tsv|xlsx?|ods|json|ya?ml|xml|html?|md|wav|mp3|m4a|mp4|ogg|flac|"
                    r"jpe?g|png|gif|heic|zip|eml|msg|pptx?|qdpx|vtt|srt")
_EXTENSION_RE = lazy_compile(rf"\.(?i:{_FILE_EXTENSIONS})(?![\p{{L}}\p{{N}}_])", re.VERSION1)
_JOINED_RE = lazy_compile(
    rf"(?<![\p{{L}}\p{{N}}_@./\\\-])(?P<stem>[\p{{L}}\p{{N}}](?:[\p{{L}}\p{{N}}_\-.]*[\p{{L}}\p{{N}}])?)"
    rf"(?:\.(?i:{_FILE_EXTENSIONS})(?![\p{{L}}\p{{N}}_])|(?<=_[\p{{L}}\p{{N}}]*)(?![\p{{L}}\p{{N}}_@]))",
    re.VERSION1)


def _expands(letters: str, phrase: str, ending: bool = False, whole: bool = False) -> bool:
    """Whether ``letters`` are the initials of ``phrase``'s words, small words skipped or not ("IRO", "the
    independent reviewing officer"; "CPC", "Corporate peer challenge"; "SEND", "special educational needs and
    disabilities"); with ``ending``, of its last words only; with ``whole``, of all its words and no more.  A possessive is one word with its noun ("DCS", "director of
    children's services": no "s" of its own).

    >>> [_expands("DCS", p, ending=True) for p in ("director of children's services", "the designated teacher")]
    [True, False]
    """
    words = [w for w in re.findall(r"\p{L}+(?:['’]\p{L}+)?", phrase) if fold(w) not in ("the", "a", "an", "our", "my", "his", "her",
                                                                          "their", "your")]
    heads = "".join(w[0] for w in words).upper()
    big = "".join(w[0] for w in words if fold(w) not in ("of", "and", "for", "in", "on", "to", "with")).upper()
    return any(h == letters if whole else h.endswith(letters) or not ending and letters in h for h in (heads, big) if h)


# The noun phrase a word is set off after, by a comma, a bracket or a dash ("Designated teacher, DT", "the independent
# reviewing officer (IRO)").
_SET_OFF_PHRASE_BEFORE_RE = lazy_compile(
    r"(?P<phrase>(?:[\p{L}'’\-]+[ \t]+){0,5}[\p{L}'’\-]+)[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*\Z", re.VERSION1)


def abbreviates_noun_before(text: str, start: int, letters: str) -> bool:
    """Whether ``letters`` at ``start``, set off after a noun phrase, are that phrase's own initials, read back from the
    noun ("Designated teacher, DT, said", "the independent reviewing officer (IRO)", "Virtual school head, VSH,"): the
    noun, in apposition, and no person; not "Mum told the teacher, MT," (the letters start before it).

    >>> [abbreviates_noun_before(t, t.rindex(w), w) for t, w in [("Designated teacher, DT", "DT"),
    ...     ("Mum told the teacher, MT", "MT"), ("the independent reviewing officer (IRO)", "IRO")]]
    [True, False, True]
    """
    m = _SET_OFF_PHRASE_BEFORE_RE.search(text, max(0, start - 80), start)
    return m is not None and _expands(letters, m.group("phrase"), ending=True)


# The noun phrase set off after a word, closed by a comma, a bracket or a dash ("HCH, the head of children's homes,").
_SET_OFF_PHRASE_AFTER_RE = lazy_compile(
    r"[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*(?P<phrase>(?:[\p{L}'’\-]+[ \t]+){1,7}[\p{L}'’\-]+)[ \t]*(?:,|\)|[ \t][\-–—])",
    re.VERSION1)


def abbreviates_noun_after(text: str, end: int, letters: str) -> bool:
    """Whether ``letters`` ending at ``end``, a noun phrase set off after them, are that phrase's initials, every word
    of it counted but an article's or an owner's, with or without its "of" and "and" ("HCH, the head of children's
    homes, said", "VSH (virtual school head)"): the post glossed in apposition, no person; initials no such phrase
    spells ("JB, the head of children's homes,") are hers.

    >>> [abbreviates_noun_after(t, 3, "HCH") for t in ("HCH, the head of children's homes, said",
    ...                                                 "HCH, the head of year, said")]
    [True, False]
    """
    m = _SET_OFF_PHRASE_AFTER_RE.match(text, end)
    return m is not None and _expands(letters, m.group("phrase"), whole=True)


def _defined_acronym(text: str, letters: str) -> bool:
    """Whether ``text`` spells ``letters`` out as an acronym: in brackets after words whose initials they are
    ("Corporate peer challenge (CPC)"), or before such words in brackets ("CPC (corporate peer challenge)")."""
    for m in re.finditer(rf"\((?:{re.escape(letters)})s?\)", text):
        if _expands(letters, " ".join(text[max(0, m.start() - 120) : m.start()].split()[-(len(letters) + 4) :])):
            return True
    for m in re.finditer(rf"(?<![\p{{L}}]){re.escape(letters)}s?[ \t]*\((?P<x>[^()]{{3,120}})\)", text):
        if _expands(letters, m.group("x")):
            return True
    return False


# Adverbs of time and place, and prepositions of place, that say when or where after a person's name, never a surname
# after a first name in lower case ("spoke to tyler yesterday", "saw kayden outside school").
_WHEN_OR_WHERE_WORDS = frozenset("""yesterday today tonight tomorrow earlier afterwards meanwhile lately recently
    outside inside upstairs downstairs indoors outdoors home abroad nearby somewhere everywhere anywhere nowhere behind
    beside below above beneath across along among amongst around past beyond underneath opposite""".split())


def _surname_like(key: str) -> bool:
    """An ordinary word that may be a surname after a first name in lower case ("jane hopper", not "jane said", nor
    "tyler yesterday": an adverb of time or place)."""
    return (len(key) > 2 and key not in _NOT_NAMES and key not in _WHEN_OR_WHERE_WORDS
            and not key.endswith(("ed", "ing", "ly", "'s", "’s")))


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    fold: str
    shape: str  # "cap", "caps", "lower", "initial"

    @cached_property
    def key(self) -> str:
        """Folded word without a possessive ending (read for every rule a word meets: worked out once)."""
        f = self.fold.rstrip(".")
        for suffix in ("'s", "’s"):
            if f.endswith(suffix):
                return f[: -len(suffix)]
        return f

    def parts(self) -> list[str]:
        """The key's parts between hyphens and apostrophes, a contraction's ending dropped (worked out once: a word
        meets many rules, and most words have one part)."""
        found = self.__dict__.get("_parts")
        if found is None:
            key = self.key
            if "-" in key or "'" in key or "’" in key:
                key = _CONTRACTION_RE.sub("", key)
                found = [p for p in re.split(r"[-'’]", key) if p]
            else:
                found = [key] if key else []
            self.__dict__["_parts"] = found
        return found


def _tokens(text: str) -> list[_Tok]:
    toks = []
    for m in _WORD_RE.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith("."):
            bare = word[:-1]
            # keep the dot only on initials ("J.") and titles ("Dr.")
            if len(bare) > 1 and fold(bare) not in _TITLES:
                word, end = bare, end - 1
        for suffix in ("'s", "’s"):
            # a possessive off a word, and off a capital letter alone ("Baby D's father": the initial's)
            if word.endswith(suffix) and (len(word) > 3 or len(word) == 3 and word[0].isupper()):
                word, end = word[:-2], end - 2
        letters = word.rstrip(".")
        if len(letters) == 1 and letters.isupper():
            shape = "initial"
        elif letters.isupper() and len(letters) > 1 or _ACRONYM_PLURAL_RE.fullmatch(letters):
            shape = "caps"  # an acronym's plural is read as the acronym is ("EHCPs", "IROs"), never a capitalised name
        elif letters[:1].isupper() or _caseless(letters) or (
                ("-" in letters or "'" in letters or "’" in letters) and _JOINED_PARTICLE_RE.match(letters)):
            # a capitalised word; one in a script with no case (Arabic, Hebrew, Han ...); or a surname's particle in
            # lower case joined to its capitalised word ("al-Farsi", "el-Amin", "d'Souza"): each read as capitalised
            shape = "cap"
        else:
            shape = "lower"
        toks.append(_Tok(start, end, word, fold(word), shape))
    return toks


# A particle of an Arabic, Italian or French surname in lower case joined by a hyphen or an apostrophe to the surname's
# capitalised word ("Ahmed al-Farsi", "Layla el-Amin", "Nasir ud-Din", "Maria d'Souza", "Paolo dell'Acqua"): the
# surname is capitalised, as a word no prefix of English ("pre-", "non-", "ex-", "mid-") is before a capital.
_JOINED_PARTICLE_RE = lazy_compile(
    r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ur|abu|abd|bin|ibn|bint|d|dell|dall|l)[\-'’]\p{Lu}\p{Ll}", re.VERSION1)


def _caseless(word: str) -> bool:
    """A word in a script with no capitals (Arabic, Hebrew, Han, Devanagari, Thai ...): none of its letters has a case,
    so nothing tells a name from a word by its first letter; in English text such a word is read as a capitalised one
    ("Dad: محمد علي", "signs her name as فاطمة الزهراء"), a word no English list holds."""
    return bool(word) and not any(c.isupper() or c.islower() for c in word)


# Two or more capitals and a plural's "s" ("EHCPs", "GPs", "IROs"): an acronym's plural.
_ACRONYM_PLURAL_RE = lazy_compile(r"\p{Lu}{2,}s", re.VERSION1)
_CONTRACTION_RE = lazy_compile(r"(?:n['’]t|['’](?:ve|ll|re|d|m|t|s))$", re.IGNORECASE)


def _pronounceable(word: str) -> bool:
    """A word, not an acronym: four letters or more, a third of them vowels ("ZHITEAVUR", not "NSPCC")."""
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in "aeiouy" for c in letters)
    return len(letters) >= 4 and vowels >= len(letters) / 3


def _short_name(word: str) -> bool:
    """Three letters as a short first name is said, a consonant, a vowel and a consonant ("roz", "kev", "gaz"; not
    "sgo", "dsl"): set off after a role, a word no list knows so shaped is a person's name."""
    return (len(word) == 3 and word.isalpha() and word[0] not in "aeiou" and word[1] in "aeiou"
            and word[2] not in "aeiou")


# Endings of English place names from Old English and Old Norse words for a ford, farm, hill, field, clearing ... (the
# "List of generic forms in place names in the United Kingdom and Ireland", Wikipedia): a word no list knows so ending,
# few vowels though it has, is read as a place ("drensford", "thrushby").
_PLACE_NAME_ENDINGS = ("ford", "by", "ton", "ham", "bury", "borough", "field", "ley", "worth", "wick", "thorpe", "mouth",
                       "caster", "chester", "bridge", "stead", "burgh", "dale", "moor", "well", "combe", "hurst", "stow",
                       "minster", "holme", "thwaite", "cott", "wich", "den", "don")


#: A run of four consonants or more: an acronym or a code ("nspcc", "yjsip"), which English and Cornish place names
#: spelt with doubled consonants ("thrennick", "pendrissick") do not have.
_CONSONANT_RUN_RE = lazy_compile(r"[b-df-hj-np-tv-xz]{4}")


#: "w" between consonants, a vowel in Welsh spelling ("cwmbran", "bwlch", "twyn"): counted so by :func:`_place_like`.
_WELSH_W_RE = lazy_compile(r"(?<=[b-df-hj-np-tv-xz])w(?=[b-df-hj-np-tv-xz])")


def _place_like(word: str) -> bool:
    """Pronounceable (a Welsh "w" between consonants a vowel), or a longer word a quarter of whose letters are vowels, as compound place names are
    ("chapeltown", "killingbeck", "holbeck"; not "camhs"), or a longer word ending as English place names do
    ("drensford"), or one of seven letters or more with two vowels and no four consonants together, as names with
    doubled consonants are ("thrennick": 2 vowels in 9 letters; "skellmott")."""
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in "aeiouy" for c in letters) + len(_WELSH_W_RE.findall(word.lower()))
    return (_pronounceable(word) or len(letters) >= 6 and vowels >= len(letters) / 4
            or len(letters) >= 7 and word.endswith(_PLACE_NAME_ENDINGS) or _reads_as_name(word) and len(letters) >= 6
            or len(letters) >= 7 and vowels >= 2 and word.isalpha() and not _CONSONANT_RUN_RE.search(_welsh_sounds(word)))


#: Welsh letters written with two ("ch", "dd", "ff", "ll", "ng", "ph", "rh", "th").
_WELSH_DIGRAPH_RE = lazy_compile(r"ch|dd|ff|ll|ng|ph|rh|th")


def _welsh_sounds(word: str) -> str:
    """``word`` in lower case, and where it is spelt as Welsh (a "w" between consonants) with each Welsh letter of two
    written as one and "w" as the vowel it is ("bwlchgwyn": "b.l.g.yn", three consonants together, not four)."""
    low = word.lower()
    if not _WELSH_W_RE.search(low):
        return low
    return _WELSH_DIGRAPH_RE.sub("c", low).replace("w", "o")


# A letter after a name, set off or before a verb of saying ("sandra p - signed it", "jo k, the manager"), or a chat's
# speaker's colon ("[10:42] Shaniqua B: he's not answered"): the surname's initial.
_TRAILING_LETTER_RE = lazy_compile(
    r"[ \t]+(?!x[ \t]*(?:\r?\n|\Z))(?P<l>[b-hj-np-zB-HJ-NP-WYZ])\.?(?=[ \t]*(?:[,;:)–—]|\Z)|[ \t]+-[ \t]|[ \t]+(?:said|says|rang|came|told|asked)\b)",
    re.VERSION1)


def _coloured_from(text: str, start: int) -> int:
    """Where the words before ``start`` that colour a thing begin ("a silver Corsa", "a battered old red Astra": the
    thing's words, after its article), else ``start``."""
    m = _COLOURED_BEFORE_RE.search(text, max(0, start - 40), start)
    return start if m is None else m.start()


def _with_trailing_letter(text: str, s: Span) -> Span:
    """A name widened over an initial after it (see :data:`_TRAILING_LETTER_RE`)."""
    m = _TRAILING_LETTER_RE.match(text, s.end) if s.kind == "name" else None
    if m is None or m.group("l").isupper() and s.end - s.start < 3:
        return s  # a capital after a name's word is its initial; after initials, one more person's ("the child, A B,")
    return Span(s.start, m.end(), s.kind)


# Endings of English words that no list may hold ("iteratively", "wellbeing", "safeguardings"), which names rarely have.
_WORD_ENDINGS = ("ly", "ing", "ings", "ment", "ments", "ness", "tion", "tions", "sion", "ity", "ism", "ist", "ists", "ive",
                 "able", "ible", "ful", "less", "ous", "ise", "ize", "ised", "ized", "ed", "er", "ers", "ance", "ence")


# "y" between consonants, a vowel there ("kyla", "tyler"; not "yasmin"'s first letter)
_Y_AS_VOWEL_RE = lazy_compile(r"(?<=[b-df-hj-np-tv-xz])y(?=[b-df-hj-np-tv-xz])")


def _reads_as_name(word: str) -> bool:
    """A word in lower case that reads as a name, not an acronym or an English word no list holds: four letters or
    more, a third of them vowels other than "y", or "y" between consonants, where it is one ("zorbina", "jaydon",
    "kyla"; not "yjsip", "camhs", "iteratively"), or six or more, a quarter of them vowels, as Irish and Welsh spellings
    write vowels with consonants ("brannagh", "dafrydd")."""
    vowels = sum(c in "aeiou" for c in word) + len(_Y_AS_VOWEL_RE.findall(word))
    return (len(word) >= 4 and word.isalpha() and not word.endswith(_WORD_ENDINGS)
            and (vowels >= len(word) / 3 or len(word) >= 6 and vowels >= 2 and vowels >= len(word) / 4))


def _title_initials(before: str) -> re.Match | None:
    """The initials after a title at the end of ``before`` ("dr k j ", "cllr t. "), if it ends so."""
    last = before.rstrip(" \t")
    if len(last) == len(before) or not last or len(last.rsplit(None, 1)[-1].rstrip(".")) != 1:
        return None  # no initial just before (most words, or only spaces): the pattern is not searched
    return _INITIALS_AFTER_TITLE_RE.search(before)


def _gone_to_width(text: str, start: int) -> int:
    """How far before ``start`` _GONE_TO_BEFORE_RE is searched: 45 characters, and a place's own word more ("in little
    marrowby")."""
    prev = text[max(0, start - 8) : start].rstrip(" \t").rsplit(None, 1)[-1:]
    return 52 if prev and prev[0].lower() in _PLACE_OWN_WORDS else 45


def _wordlike(word: str) -> bool:
    """Letters that can be said as a word, not an acronym: four or more, two of them vowels and a quarter at least
    ("drezmeister"; not "camhs", "yjsip")."""
    vowels = sum(c in "aeiouy" for c in word)
    return len(word) >= 4 and word.isalpha() and vowels >= 2 and vowels >= len(word) / 4


# The shapes English gives a shortened first name, which no list holds: a syllable and "z" ("shaz", "gaz", "kez"), or
# "-zza" ("shazza", "bazza"); a syllable and "-o" or "-s" ("jonno", "robbo", "debs", "mags").
_PET_FORM_RE = lazy_compile(r"[b-df-hj-np-tv-z]{1,2}[aeiou](?:z|zz[ae]|zzer|[b-df-hj-np-tv-z]{1,2}[os])")


def _pet_form(word: str) -> bool:
    """Whether ``word`` has a shortened first name's shape (:data:`_PET_FORM_RE`)."""
    return _PET_FORM_RE.fullmatch(word) is not None


# A short name's syllables: consonants, then vowels, then at most two consonants, twice at most ("tia", "mae", "lani").
_SYLLABLE_RE = lazy_compile(r"(?:[b-df-hj-np-tv-z]{1,2}[aeiouy]{1,2}){1,2}[b-df-hj-np-tv-z]{0,2}")


def _name_shaped(tok: _Tok, firsts: frozenset[str]) -> bool:
    """A word no list knows shaped as a name is (see :func:`_reads_as_name`); joined by a hyphen or an apostrophe, one part
    so shaped and the rest names or short particles ("kaycee-leigh", "le'marnie", "okafor-brights")."""
    parts = tok.parts()
    if len(parts) < 2:
        return _reads_as_name(tok.key)
    if "-" in tok.key and all(_SYLLABLE_RE.fullmatch(p) for p in parts) and not any(p in _NOT_NAMES for p in parts):
        return True  # "tia-mae", "lei-lani": short names joined, each a syllable or two ("co-op" is an English word)
    return (any(_reads_as_name(p) for p in parts) and all(p.isalpha() for p in parts)
            and not any(p in _NOT_NAMES and p not in firsts and len(p) > 2 for p in parts))


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(*-–—":
        i -= 1
    if i < 0 or text[i] in _SENTENCE_END:
        return True
    return _entry_opens(text, start)


def _entry_opens(text: str, start: int) -> bool:
    """Whether ``start`` opens an entry: only its line's bullet, date, time or number and stop before it ("03/04/24 Case
    transferred", "12 March 2024 - JT seen", "14:30 JT seen", "• JT to circulate", "4.2 Time agreed")."""
    line = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    return 0 < start - line <= 48 and text[start - 1 : start].isspace() and _ENTRY_DATE_RE.fullmatch(text, line, start) is not None


# A verb of saying that is its passive participle too, a preposition after it ("Time agreed for the next visit", "Work
# noted by the panel", "Plan agreed by the board"): the minute's "was" left out, what was agreed the subject.
_PASSIVE_SAID_RE = lazy_compile(
    r"[ \t]+(?:agreed|noted|mentioned|suggested|added|explained|emailed)[ \t]+"
    r"(?P<p>for|by|at|on|in|as|with|between|until|within|via|from|under)\b(?![ \t]+(?:him|her|me|us|them|everyone)\b)")


def passive_said(text: str, end: int, count_noun: bool) -> bool:
    """Whether a verb of saying after a common word opening a sentence at ``end`` is a passive participle with the
    minute's "was" left out ("Time agreed for the next visit", "Work noted at the meeting", "Plan agreed by the
    board"): the word is what was agreed, no person.  A noun that needs an article (``count_noun``) only so before
    "by" ("Bishop agreed with Mum", "Bishop agreed for the visit to go ahead" are the person).

    >>> [passive_said(t, t.index(" "), c) for t, c in [("Time agreed for the visit", False),
    ...     ("Bishop agreed with Mum", True), ("Plan agreed by the board", True), ("Time agreed to come", False)]]
    [True, False, True, False]
    """
    m = _PASSIVE_SAID_RE.match(text, end)
    return m is not None and (not count_noun or m.group("p") == "by")


# Who a cleft sentence picks out, capitalised inside it ("it was Sky who told me", "it's Storm that hits out"): a person,
# as the capital says, not the word ("it was Leeds that won" is a place, a public term is kept).
_CLEFT_RE = lazy_compile(
    r"\bit(?:[ \t]+(?:was|is|were)|['’]s)[ \t]+(?P<a>(?-i:\p{Lu}\p{Ll}+))[ \t]+(?:who|that)[ \t]+(?:\p{L}+ed|told|said|"
    r"hit|kicked|started|rang|came|went|took|got|was|is|had|has|did|does|made|kept|ran|saw|found|let|put|threw|broke)"
    r"(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)
# Children named together after a verb of looking after them, capitalised ("we placed Summer and River with the same
# carer", "they adopted Blue, Storm and Sky"): the capitals inside the sentence make the words the children's names.
_CARED_FOR_RE = lazy_compile(
    r"\b(?:placed|fostered|adopted|removed|reunited|separated|moved|rehoused|took[ \t]+in|looked[ \t]+after|"
    r"cared[ \t]+for|collected|picked[ \t]+up|dropped[ \t]+off)[ \t]+"
    r"(?P<a>(?-i:\p{Lu}\p{Ll}+))(?:[ \t]*,[ \t]*(?P<m>(?-i:\p{Lu}\p{Ll}+)))?[ \t]*,?[ \t]+(?:and|&)[ \t]+"
    r"(?P<b>(?-i:\p{Lu}\p{Ll}+))(?![\p{L}'’\-])", re.IGNORECASE | re.VERSION1)
# Children named together in apposition to a word for them, in any case ("the kids, ocean and storm, are twins", "her
# two boys, blue and sonny, came"): set off by commas before a verb.
_CHILDREN_SET_OFF_RE = lazy_compile(
    r"\b(?:the|her|his|their|my|our|both|two|three)[ \t]+(?:(?:two|three|four|little|older|younger|eldest|youngest)[ \t]+)?"
    r"(?:kids|children|twins|triplets|boys|girls|lads|siblings|babies|little[ \t]+ones|grandkids|grandchildren|sisters|"
    r"brothers|sons|daughters|cousins|"
    # the children by their count or place ("the younger two, olly and fin, went", "the little ones, ...")
    r"(?<=\b(?:older|younger|little|big|eldest|youngest|middle|other)[ \t]+)(?:two|three|four|ones))"
    r"[ \t]*,[ \t]*(?P<a>\p{L}+)(?:[ \t]*,[ \t]*(?P<m>\p{L}+))?[ \t]*,?[ \t]+(?:and|&)[ \t]+(?P<b>\p{L}+)[ \t]*,[ \t]*"
    r"(?:are|were|is|was|have|had|has|came|went|got|both|all|share|live|stay|sleep|go|love|hate|want|need|do|don['’]t|"
    r"can|could|will|would|\p{L}+ed|\p{L}+s)(?![\p{L}'’])", re.IGNORECASE | re.VERSION1)
# Words said of children in such a list that are no names ("the kids, boys and girls, came", "the twins, big and small,
# were").
_NOT_CHILD_NAMES = frozenset("""boys girls lads lasses kids children babies toddlers teens teenagers young old older
    younger big small little tall short both all twins""".split())


# A member's seat and party in brackets after the name, as Hansard and committee minutes attribute a member ("Jane
# Okafor (Macclesfield, Ind)", "(Westmorland and Lonsdale, LD)", "Edward Okafor (Eddisbury) (Con)"): the seat is a
# place.
_PARTY = (r"(?:Con|Lab|LD|Lib[ \t]+Dem|SNP|Ind|Independent|Green|Reform(?:[ \t]+UK)?|PC|Plaid[ \t]+Cymru|DUP|SDLP|UUP|SF|Alba|"
          r"Alliance|TUV|UKIP|Speaker|Lab[ \t]*/[ \t]*Co-op|Lab[ \t]+Co-op|Ind[ \t]+(?:Lab|Con|LD))")
_CONSTITUENCY_RE = lazy_compile(
    r"\((?P<seat>\p{Lu}[\p{L}'’.\-]*(?:[ \t]+(?:and|&|upon|on|under|in|with|the|of|\p{Lu}[\p{L}'’.\-]*))*?)"
    rf"(?:[ \t]*,[ \t]*|\)[ \t]*\()(?-i:{_PARTY})[ \t]*\)", re.VERSION1)


def _constituencies(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each member's seat in brackets before a party's label (:data:`_CONSTITUENCY_RE`) as a place, not
    the names its words were read as."""
    seats = [Span(m.start("seat"), m.end("seat"), "place") for m in _CONSTITUENCY_RE.finditer(text)]
    if not seats:
        return spans
    return [s for s in spans if not any(s.start < t.end and t.start < s.end for t in seats)] + seats


def month_range_after(text: str, end: int) -> bool:
    """Whether "to" and a word of time follow a month's name ending at ``end``: a range of dates ("May to July", "May
    to date", "April to end of June", "May to september"), so the month is no person.

    Examples
    --------
    >>> month_range_after("May to date", 3), month_range_after("May to send minutes", 3)
    (True, False)
    """
    m = _TO_WORD_AFTER_RE.match(text, end)
    if m is None:
        return False
    word = fold(m.group("w"))
    return word in _RANGE_END_WORDS or word in _MONTH_NAMES or word.removesuffix("s") in _DAY_NAMES or (
        m.group("w")[:1].isdigit())


def noun_after_determiner(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word at ``start:end``, an English word that is a given name or a listed participant's
    too ("Will", "Hope", "Grace"), right after an article or a possessive in lower case, is the word: a noun after its
    determiner, then "to" and a verb, or (after an article) a stop or a clause's end ("the Will to live", "his Will to
    win", "she lost the Will."); not before a capitalised word or a household's ("the Will Smith film", "the Hope
    family"), nor a possessive's before anything else ("told her Will was ill": "her" the object, "Will" the one said
    of).

    Examples
    --------
    >>> noun_after_determiner("the Will to live", 4, 8), noun_after_determiner("told her Will was ill", 9, 13)
    (True, False)
    """
    word = text[start:end]
    if not word[:1].isupper() or word[1:] != word[1:].lower() or fold(word) not in english_words():
        return False
    prev = _NOUN_DETERMINER_BEFORE_RE.search(text, max(0, start - 8), start)
    if prev is None:
        # after a quantifier, before "of", "that" or "for": the noun it counts ("there was little Hope of change", "no
        # Hope that it would"); not before what a person does ("little Grace was crying")
        return (_QUANTIFIER_BEFORE_RE.search(text, max(0, start - 10), start) is not None
                and _OF_THAT_AFTER_RE.match(text, end) is not None)
    if _MODAL_TO_AFTER_RE.match(text, end) is not None:
        return True
    if prev.group(1).lower() not in ("the", "a", "an"):
        # after a possessive, before a plural noun and its plural verb: a noun's word before the noun ("Our May figures
        # were better"); not "our Grace said", "our Hope thinks it's fine"
        return (_PLURAL_NOUN_AFTER_RE.match(text, end) is not None
                and _PLURAL_AGREES_AFTER_RE.match(text, _PLURAL_NOUN_AFTER_RE.match(text, end).end()) is not None)
    if _CLAUSE_END_AFTER_RE.match(text, end) is not None:
        return True
    # after "the", before the noun of an organisation's work, capitalised: the thing's name ("the Mark Scheme", "the
    # Will Project"); not a surname's ("the Will Smith film")
    if prev.group(1).lower() == "the" and (cap := _CAPITALISED_AFTER_RE.match(text, end)) is not None:
        return fold(cap.group("w")) in _THING_NOUNS
    # after an article, before a word in lower case: the noun, or a noun's word before another ("a May review", "a
    # Grace period", "the Bill was passed", "A Will was found."); not a household's ("the Hope family") nor whom a
    # clause says of ("the Grace who ...")
    nxt = _LOWER_WORD_AFTER_RE.match(text, end)
    return nxt is not None and fold(nxt.group("w")) not in _HOUSEHOLD_OR_WHO


class NameFinder:
    """Name detection for one set of participant names and place words."""

    def __init__(self, participants: tuple[str, ...] = (), places: frozenset[str] = frozenset()):
        self.words = english_words()
        self.proper = proper_nouns()
        self.public = public_terms()
        self.firsts = folded_first_names()
        self.word_names = frozenset(n for n in self.firsts if n in self.words)
        self.surnames = surname_words()
        self.spoken = spoken_words()
        parts: set[str] = set()
        for full in participants:
            for w in _tokens(full):
                if len(w.key) > 1:
                    parts.add(w.key)
        self.participant_parts = frozenset(parts)
        self.participant_word_parts = frozenset(p for p in parts if p in self.words or p in _NEVER)
        self.places = places

    # ---------------------------------------------------------------- helpers
    def _known(self, tok: _Tok) -> bool:
        return tok.key in self.firsts or tok.key in self.participant_parts or any(
            p in self.firsts or p in self.participant_parts for p in tok.parts() if len(p) > 1
        )

    def _ordinary(self, tok: _Tok) -> bool:
        """An ordinary English word (all parts of a hyphenated word are), or a field word."""
        if tok.key in self.words or (tok.key in self.public and tok.shape == "lower"):
            return True
        parts = tok.parts()
        if "-" in tok.key and tok.key.split("-")[0] in _BOUND_PREFIXES:  # "Co-opted", "Sub-Committee"
            parts = parts[1:]
        return bool(parts) and all(p in self.words or p in self.public or self._one_who(p) or self._abstract_noun(p)
                                   or (_job_compound(p) and p not in self.proper and p not in self.firsts
                                       and p not in self.surnames and p not in self.participant_parts) for p in parts)

    def _one_who(self, word: str) -> bool:
        """Whether a word (folded) no list holds is a noun English makes of a verb it holds with "-ee", for one who is
        so done by ("attendees", "adoptee", "invitees"): a stem of four letters or more, no first name or surname."""
        stem = word[:-3] if word.endswith("ees") else word[:-2] if word.endswith("ee") else ""
        return (len(stem) >= 4 and (stem in self.words or stem + "e" in self.words) and word not in self.firsts
                and word not in self.surnames and word not in self.participant_parts)

    def _abstract_noun(self, word: str) -> bool:
        """Whether a word (folded) no list holds is an abstract noun English makes with an ending no surname has
        (:data:`_NOUN_ENDINGS`: "quoracy", "safeguardability", "regionalisation"), or with a commoner
        ending of a word it holds of five letters or more (:data:`_ABSTRACT_OF_WORD`: "trauma-informedness" of
        "informed"), or a prefix before such a noun or one the list holds ("coproduction", "co-regulation"); no first
        name, surname, proper noun or listed participant's word.  Headings and minutes' labels are such nouns
        ("Quoracy: three partners present"), where a surname no list knows ("Wiszniewski:", "Harkness:") is not."""
        if (len(word) < 7 or word in self.firsts or word in self.surnames or word in self.proper
                or word in self.participant_parts):
            return False
        if word.endswith(_NOUN_ENDINGS):
            return True
        for ending, bases in _ABSTRACT_OF_WORD:
            stem = word[: -len(ending)]
            if word.endswith(ending) and any(
                    len(b := stem[:-1] + "y" if base == "y" else stem + base) >= 5 and (base != "y" or stem.endswith("i"))
                    and b in self.words and b not in self.firsts and b not in self.proper for base in bases):
                return True
        for prefix in _WORD_PREFIXES:
            rest = word.removeprefix(prefix).lstrip("-")
            if rest != word and len(rest) >= 5 and (
                    rest in self.words and rest.endswith(_ABSTRACT_SHAPES) or self._abstract_noun(rest)):
                return True
        return False

    def _one_who_does(self, word: str) -> bool:
        """Whether a word (folded) no list holds is a noun English makes of a verb it holds with "-er" or "-or", for one
        who does it ("referrer", "safeguarder", "allocator"): a stem of four letters or more, its last consonant
        doubled or its "e" dropped before the ending; no first name, surname or proper noun ("Decker", "Webber")."""
        if not word.endswith(("er", "or")) or word.endswith(("eer", "oor")):
            return False
        stem = word[:-2]
        stems = (stem, stem + "e") + ((stem[:-1],) if stem[-1:] == stem[-2:-1] else ())
        return (len(stem) >= 4 and any(s in self.words for s in stems) and word not in self.firsts
                and word not in self.surnames and word not in self.proper and word not in self.participant_parts)

    def _field_label(self, text: str, tok: _Tok) -> bool:
        """Whether ``tok``, a word that names one who does something (:meth:`_one_who_does`), opens a line or a cell
        before a colon and a field's value, a few words with no function word but an article: a form's label for a
        role ("Referrer: Ofsted", "Referrer: the police", "Safeguarder: Leeds City Council"), where a transcript's
        speaker says a sentence ("Okafor: the police came")."""
        if tok.shape != "cap" or not self._one_who_does(tok.key) or not _LINE_OPENS_BEFORE_RE.search(text, 0, tok.start):
            return False
        m = _FIELD_VALUE_AFTER_RE.match(text, tok.end)
        return m is not None and all(fold(w) not in _NOT_NAMES or fold(w) in ("the", "a", "an")
                                     for w in m.group("v").split())

    def _public(self, tok: _Tok) -> bool:
        return tok.key in self.public or tok.key in _NEVER or tok.key in self.places

    def _function_word(self, tok: _Tok) -> bool:
        """A function word or common verb that is no surname ("SAID", "WAS"; not "MAY", "YOUNG", a listed part)."""
        return (tok.key in _NOT_NAMES and tok.key not in _SURNAME_WORDS and tok.key not in self.surnames
                and tok.key not in self.participant_parts)

    def _closed_word(self, tok: _Tok) -> bool:
        """A function word, a word of time or a day, or a verb of contact, that is no surname nor a listed name's part
        ("TODAY", "TUESDAY", "CALLED"; not "MAY", "YOUNG")."""
        return self._function_word(tok) or (tok.key in _CLOSED_TAIL and tok.key not in _SURNAME_WORDS
                                            and tok.key not in self.surnames and tok.key not in self.participant_parts)

    def _unknown(self, tok: _Tok) -> bool:
        """Not ordinary English, not a public term, not a word of UK speech ("iawn"), not a post's word no English list
        holds ("Convener", "Rapporteur"): a proper noun we have no list for."""
        return (not self._ordinary(tok) and not self._public(tok) and len(tok.key) > 1 and tok.key not in _OFFICE_POSTS
                and not (tok.key in self.spoken and tok.key not in self.participant_parts)
                # a relation named in the family's own language ("Nani said", "Babcia looks after them"), as "Nan said"
                and not (tok.key in KINSHIP_ROLE_WORDS and tok.key not in self.participant_parts))

    # ------------------------------------------------------------------- find
    def find(self, text: str) -> list[Span]:
        toks = _tokens(text)
        # where a nickname or who a relation is may start: its offset, and whether only a word no list knows or a first
        # name is one there ("known as", "her mum is")
        nicknamed = {m.end(): m.group("known") is not None for m in _NICKNAME_BEFORE_RE.finditer(text, overlapped=True)}
        spans: list[Span] = []
        firms: list[Span] = []
        # surnames that read as words, and a word after an initial, not judged names by their own context
        lone: list[_Tok | Span] = []
        i, n = 0, len(toks)
        while i < n:
            if self._month_given_said_of(text, toks[i]) or self._word_owning_kin(text, toks, i):
                # "May was placed with her nan", "Storm's dad was in prison": the child
                spans.append(Span(toks[i].start, toks[i].end, "name"))
                i += 1
                continue
            run = self._run(text, toks, i)
            if not run and self._given_public_after_title(text, toks, i):
                # "Dr. April Jones": the given name, and the surname after it, one person's name
                j = i + 1 + (i + 1 < n and self._surname_after_given(text, toks[i], toks[i + 1]))
                spans.append(Span(toks[i].start, toks[j - 1].end, "name"))
                i = j
                continue
            if not run and self._month_given_before_to(text, toks, i):
                spans.append(Span(toks[i].start, toks[i].end, "name"))  # "Action: May to send minutes": the person
                i += 1
                continue
            if not run and self._word_given_after_title(text, toks, i):
                spans.append(Span(toks[i].start, toks[i + 1].end, "name"))  # "Prof. August Brown": the person's
                i += 2
                continue
            if not run and (self._title_as_surname(text, toks, i) or self._lone_initial(text, toks, i)
                            or self._title_letters_as_initials(text, toks, i) or toks[i].key in _NOT_NAMES and self._function_letters_as_owner(toks[i], text)):
                spans.append(Span(toks[i].start, toks[i].end, "name"))  # "Dr Bishop", "Mrs Major"; "Mrs T", "Mr K."
                i += 1
                continue
            if not run:
                i = self._lower_in_position(text, toks, i, spans, nicknamed)
                continue
            if len(run) > 1 and run[0].shape == "caps" and run[0].key in _DOTTED_COUNTRIES:
                i += 1  # "the USA Smith said", "US Smith said": a country's letters, then the name read alone
                continue
            j = i + len(run)
            span = self._judge(text, toks, i, run)
            if span is not None and span.kind == "name" and self._firm(text, run):
                firms.append(span)  # "instructed by Irwin Okafor LLP": a firm's name, unless a person here bears it
                span = None
            if span is not None and self._organisation(text, run):
                span = None  # "a Russell Group university", "an Ellis Trust grant": an organisation, named after no one here
            if (span is not None and span.kind == "name" and all(t.shape == "lower" and t.key not in self.participant_parts for t in run)
                    and not any(t.key in self.firsts for t in run)
                    and _DESCRIBED_AS_A_RE.search(text, max(0, span.start - 30), span.start)):
                span = None  # what a person is called as names are ("he's such a muppet", "ur a right plonker"): no name
            if (span is not None and span.kind == "name" and _A_BEFORE_RE.search(text, max(0, span.start - 4), span.start)
                    and all(t.shape == "lower" and t.key not in self.participant_parts for t in run)):
                span = Span(span.start, span.end, "detail")  # "he drives a porsche", "she has a rolex": a belonging
            elif span is None and self._owned_make(text, run):
                span = Span(run[0].start, run[0].end, "detail")  # "he drives a Maserati", "she wears a Cartier"
            elif span is None and len(run) == 1 and self._modal_before_to(text, toks, i):
                span = Span(run[0].start, run[0].end, "name")  # "Action: Will to call mum": no modal before "to"
            elif span is None and len(run) == 1 and self._set_off_word(text, run[0]):
                span = Span(run[0].start, run[0].end, "name")  # "Her SW (Clay) came", "HER SW, ASH, IS GREAT"
            if (len(run) == 1 and run[0].shape == "lower" and run[0].key in self.places and nicknamed.get(run[0].start) is False
                    and (span is None or span.kind == "place") and (_PHRASE_END_RE.search(text[run[0].end : run[0].end + 40])
                                                                    or _PERSON_VERB_AFTER_RE.match(text, run[0].end))):
                # "her friend's called london", "a friend called london rang": a place's name is hers
                span = Span(run[0].start, run[0].end, "name")
            at = next((k for k, t in enumerate(run) if t.start == span.start), None) if span is not None else None
            if at is not None and (skip := self._no_initials(text, toks, i + at)):
                # "Plan B. Smith said", "from the U.S. Smith said": a thing's label, an abbreviation, before the name
                span = Span(run[at + skip].start, span.end, span.kind) if at + skip < len(run) else None
            if span is not None and span.kind == "name" and at is not None and (skip := self._post_before(run[at:])):
                # "Social Worker Okafor rang", "Family Support Worker Jane Okafor": the post, capitalised, then the name
                span = Span(run[at + skip].start, span.end, span.kind)
            if span is not None and span.kind == "name" and (
                    a := _CAPITAL_A_BEFORE_RE.search(text, max(0, span.start - 40), span.start)) is not None:
                span = Span(a.start("a"), span.end, span.kind)  # "[name] and A Patel": the initial, no article
            if span is not None and span.kind == "name" and span.end == run[-1].end and (label := self._label_after(text, run)):
                span = Span(span.start, run[-1 - label].end, span.kind) if run[-1 - label].end > span.start else None
            if span is not None and span.kind == "name" and span.end == run[-1].end:
                # the post after the name, which the run left off (:meth:`_run`), is no name's ("Jane Okafor
                # Headteacher said"); nor are the letters of honours and degrees after it, read no further ("Jane
                # Okafor C.B.E., D.L.")
                while j < n and self._post_word_after(text, toks[j - 1], toks[j]):
                    j += 1
                while j < n and (letters := self._post_nominals(text, toks, j, run)):
                    j += letters
            if span is not None and span.kind == "name" and self._named_place(text, run, span, spans):
                span = Span(span.start, span.end, "place")  # "in Woodley and Earley", "the Hellesdon home"
            if span is not None:
                spans.append(span)
            elif (len(run) == 1 and run[0].shape == "cap" and not self._public(run[0]) and not self._function_word(run[0])
                  and (a := _CAPITAL_A_BEFORE_RE.search(text, max(0, run[0].start - 40), run[0].start)) is not None):
                initialled = Span(a.start("a"), run[0].end, "name")  # "[name] and A Smith": an initial, a surname
                if run[0].key in self.surnames and _NO_CAPITAL_AFTER_RE.match(text, run[0].end):
                    spans.append(initialled)  # "I spoke to A Smith yesterday": a surname, nothing after that is a title's
                else:
                    lone.append(initialled)
            elif len(run) == 1 and run[0].shape == "cap" and run[0].key in self.surnames:
                lone.append(run[0])
            elif (len(run) == 2 and run[0].shape == "initial" and run[1].shape == "cap" and not self._public(run[1])
                  and not self._function_word(run[1])):
                lone.append(Span(run[0].start, run[1].end, "name"))  # "[name] and M Goldsmith": an initial, a surname
            i = j
        spans = self._month_given_opening(text, toks, spans)
        spans = self._double_surnames(text, toks, spans)
        spans = self._first_name_before(text, toks, spans)
        spans = [self._lower_surname_after(text, s) for s in spans]
        spans = self._particle_after(text, spans)
        spans = [_with_trailing_letter(text, s) for s in spans]
        spans += self._surname_first_in_capitals(text, toks, spans)
        spans += self._families(text, toks, spans)
        spans += self._public_surnames(text, toks, spans, lone)
        spans += self._lower_initials(text)
        spans += [Span(m.start(), m.end(), "name") for m in _TIME_WORD_RE.finditer(text)
                  if _CLAUSE_OPEN_RE.search(text, max(0, m.start() - 12), m.start()) and _AGE_CLOSED_AFTER_RE.match(text, m.end())]
        spans += [Span(m.start("l"), m.end("l"), "name") for m in _LETTER_AGED_RE.finditer(text)] if "," in text or "(" in text else []
        # a relative's initials set off after the relation, whatever they spell ("her second cousin, OF, pleaded guilty")
        # (or a role's letters closed in brackets after a relation, who has a role already: "Mum (LM), SW (RP)"), and a
        # worker's after her role's letters ("SW (AB) visited", "IRO (SL) chaired")
        spans += [Span(m.start(), m.end(), "name") for m in _CAPS_RE.finditer(text)
                  if ((kin := _KIN_SET_OFF_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())) is not None
                      # or a worker's initials in brackets after her role's letters, a verb after ("SW (AB) visited")
                      or (role := _CAPS_OPEN_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())) is not None
                      and role.group("r") in role_initials() and m.group() not in role_initials()
                      and text[m.end() : m.end() + 1] == ")" and (kin := role) is not None)
                  and (fold(m.group()) not in self.public and _KIN_INITIALS_AFTER_RE.match(text, m.end())
                       or m.group() in role_initials() and kin.group().rstrip(" \t").endswith("(")
                       and text[m.end() : m.end() + 1] == ")" and not _relation_letters(m.group()))
                  ] if "," in text or "(" in text else []
        # initials set off by commas after a relation or a role's noun, a verb after, whatever else they spell
        # ("Foster carer, LM, reported": not a line manager; not "designated teacher, DT, said", the noun spelt out)
        spans += [Span(m.start(), m.end(), "name") for m in _CAPS_RE.finditer(text)
                  if text[m.end() : m.end() + 1] == "," and _KIN_INITIALS_AFTER_RE.match(text, m.end())
                  and (head := _APPOSED_HEAD_RE.search(text, max(0, m.start() - 60), m.start())) is not None
                  and not head.group("head").isupper() and not _expands(m.group(), head.group("head"))
                  ] if "," in text else []
        for m in _NEWBORN_INITIALS_RE.finditer(text):
            if m.group("n") == "I" or (m.group().startswith("child") and len(m.group("n")) > 1 and (
                    fold(m.group("n")) in self.public or m.group("n") in role_initials())):
                continue  # "the baby I saw": the pronoun; "the child CP plan", "the child SW": a plan's, a role's letters
            # the newborn's initials, "Baby" kept, and never the two words read as a place ("the death of Baby RT")
            spans = [s for s in spans if not (s.start == m.start() and s.end == m.end("n"))]
            spans.append(Span(m.start("n"), m.end("n"), "name"))
        places = self._word_places(text, toks, spans)
        if places:  # a first name that is a place's where someone moved ("they moved to Hope"): the place
            at = {(p.start, p.end) for p in places}
            spans = [s for s in spans if (s.start, s.end) not in at] + places
        spans += self._welsh_settings_named(text, spans)
        spans = [self._welsh_of_the(text, self._welsh_setting(text, self._land_place(text, s))) for s in spans]
        # a Welsh kind of setting with no name after it is the common noun ("he's at ysgol all week": at school)
        spans = [s for s in spans if s.kind != "place" or fold(text[s.start : s.end]) not in _WELSH_SETTINGS]
        spans += self._place_in_place(text, spans)
        spans = spans + self._listed_with_names(text, lone, spans) + self._joined(text)
        spans += self._named_alongside(text, toks, spans)
        spans += self._parallel_subject(text, toks, spans)
        spans += self._children_named(text)
        spans += self._wrapped_names(text) + self._signed_line(text) if "\n" in text else []
        spans += self._cited_authors(text) if "19" in text or "20" in text else []
        spans = [s for s in spans if not self._community_before_person(text, s) and not self._role_noun(text, s)]
        spans += self._firms_named_by_people(text, firms, spans) if firms else []
        if "(" in text:
            spans = _constituencies(text, spans)
        return self._owned_brands(text, toks, spans)

    @staticmethod
    def _firms_named_by_people(text: str, firms: list[Span], spans: list[Span]) -> list[Span]:
        """The firms' names (:meth:`_firm`) that hold a word of a person's name found elsewhere in ``text``: a name that
        names the person too ("Jane Okafor, director of Okafor Care Ltd")."""
        named = {fold(w) for s in spans if s.kind == "name" for w in re.findall(r"\p{L}+", text[s.start : s.end])}
        return [f for f in firms if any(fold(w) in named for w in re.findall(r"\p{L}+", text[f.start : f.end]))]

    def _named_place(self, text: str, run: list[_Tok], span: Span, found: list[Span]) -> bool:
        """Whether one capitalised word no list knows, judged a name, is a place's: listed after a place with "and",
        "or" or a comma ("schools in Woodley and Earley"), or shaped as English place names end before a home's word
        ("the Hellesdon home", "Sprowston children's home") and alone on its line or opening a line of capitalised words
        listed, where nothing is said of a person ("Woodley", "Woodley, Earley and Twyford"); a listed name, a first
        name or a surname stays a person's ("the Okafor home")."""
        tok = run[0]
        if len(run) != 1 or tok.shape != "cap" or (span.start, span.end) != (tok.start, tok.end) or not self._unknown(tok):
            return False
        if self._known(tok) or tok.key in self.surnames or text[tok.end : tok.end + 2] in ("'s", "’s"):
            return False
        if found and found[-1].kind == "place" and _LISTED_AFTER_RE.fullmatch(text, found[-1].end, tok.start):
            return True
        if len(tok.key) < 7 or not tok.key.endswith(_PLACE_NAME_ENDINGS):
            return False
        if _HOME_AFTER_RE.match(text, tok.end) is not None:
            return True
        # the text's first word, the text only words shaped as places' names listed: nothing said of a person, as in a
        # cell or a field ("Woodley", "Woodley, Earley and Twyford"; not "Ashworth, Okafor and Smith")
        words = _PLACES_ONLY_RE.fullmatch(text.strip())
        return (words is not None and text[: tok.start].strip() == ""
                and all(self._place_shaped(w) for w in re.findall(r"\p{L}[\p{L}'’\-]*", words.group())
                        if w not in ("and", "or")))

    def _place_shaped(self, word: str) -> bool:
        """Whether a capitalised word is shaped as an English place's name and no person's: a known place, or no first
        name, surname or listed name's part ending as places' names do ("Earley", "Twyford")."""
        key = fold(word)
        if key in self.places:
            return True
        return (len(key) >= 5 and key.endswith(_PLACE_NAME_ENDINGS) and key not in self.surnames
                and key not in self.firsts and key not in self.participant_parts)

    def _label_after(self, text: str, run: list[_Tok]) -> int:
        """1 if the last word of ``run`` opens a form's label, else 0: an ordinary capitalised word, no first name,
        surname or listed name's part, after a name's words given under a label of its own, then at most three words in
        lower case and a colon ("Author: Jane Okafor Date of publication: May 2020", "Signed: Jane Okafor Date: 3 May", "Chair: Jane Okafor
        Status: final")."""
        tok = run[-1]
        return int(len(run) > 1 and tok.shape == "cap" and self._ordinary(tok) and not self._known(tok)
                   and tok.key not in self.surnames and tok.key not in self.participant_parts
                   and _LABEL_COLON_RE.match(text, tok.end) is not None
                   and _LABEL_BEFORE_RE.search(text, max(0, run[0].start - 40), run[0].start) is not None)

    def _post_before(self, run: list[_Tok]) -> int:
        """How many capitalised words open ``run`` as a post's name before a name, 0 if none: ordinary words that are no
        first name nor a listed name's part, ending in a word for a worker or a relation ("Social Worker Okafor", "Head
        Teacher Okafor", "Family Support Worker Jane Okafor"; not "Grace Carer", "Will Work")."""
        for k, tok in enumerate(run[:-1]):
            # a post of office the word list may lack is a post's word too ("Convenor Jackie Okafor")
            if (tok.shape != "cap" or not (self._ordinary(tok) or tok.key in _OFFICE_POSTS) or self._known(tok)
                    or tok.key in self.surnames):
                return 0
            if _job_word(tok.key) and not any(_job_word(t.key) for t in run[k + 1 :]):
                rest = run[k + 1 :]
                return k + 1 if any(self._known(t) or self._unknown(t) or t.key in self.surnames for t in rest) else 0
        return 0

    def _person_after_of(self, text: str, run: list[_Tok], words: list[_Tok]) -> bool:
        """Whether capitalised words after a preposition, which would make them a place, are a person's: an initial
        before a surname ("a question from R Smithson"), set off before a role ("the death of Kacey Okafor, a social
        worker"), or after "of" a given name and a surname no list knows ("the death of Kacey Okafor", "the family of
        Tyreese Mbeki"); no place's words ("the Vale of Glamorgan", "the Mayor of Greater Manchester", "the City of
        Stoke-on-Trent")."""
        if not words or any(self._public(t) for t in words):
            return False
        if run[0].shape == "initial" and run[0].text.rstrip(".") not in ("A", "I") and words[0].shape == "cap":
            return True
        if _ROLE_SET_OFF_RE.match(text, words[-1].end):
            return True
        first, last = words[0], words[-1]
        return (2 <= len(words) <= 3 and _OF_BEFORE_RE.search(text, max(0, first.start - 8), first.start) is not None
                and all(t.shape == "cap" for t in words) and self._unknown(last) and len(last.key) > 2
                and (first.key in self.firsts or self._unknown(first) and _given_name_shaped(first.key)))

    def _no_initials(self, text: str, toks: list[_Tok], i: int) -> int:
        """How many tokens from ``i`` are letters that are no one's initials, 0 if none: a thing's letter after the
        word it labels (:data:`_LABELLED_BEFORE_RE`: "Plan B. Smith rang": the plan's letter, then a surname), or two or
        more letters with dots, written close, that spell an acronym the lexicons ship, or a word after an article
        ("the U.S. Smith said", "a U.K. Smith"), or a country's or a union of countries' (:data:`_DOTTED_COUNTRIES`:
        "U.S. Smith said"; "J.S. Smith", "A.N. Smith" with no article stay initials)."""
        tok = toks[i]
        if tok.shape != "initial":
            return 0
        if _LABELLED_BEFORE_RE.search(text, max(0, tok.start - 12), tok.start):
            return 1
        k = h = i
        while k < len(toks) and toks[k].shape == "initial" and toks[k].text.endswith(".") and (
                k == i or toks[k].start == toks[k - 1].end):
            k += 1
        while h > 0 and toks[h - 1].shape == "initial" and toks[h - 1].text.endswith(".") and toks[h - 1].end == toks[h].start:
            h -= 1  # the letters before, written close, are the same abbreviation's ("U.K. Okafor": from "K.")
        key = "".join(t.key for t in toks[h:k])
        if k - h >= 2 and (key in self.public or key in _DOTTED_COUNTRIES or key in self.words
                           and _ARTICLE_BEFORE_RE.search(text, max(0, toks[h].start - 8), toks[h].start)):
            return k - i
        return 0

    def _cited_authors(self, text: str) -> list[Span]:
        """The authors a citation or a reference names before its year (:data:`_CITED_RE`): each surname with its
        initials, where it has them or is a first name, a surname that is a word or a word no list knows ("Martin and
        Jeffes, 2011"; not "the Care Act, 2014", "Ofsted, 2019", "In Leeds, 2019")."""
        found = []
        for m in _CITED_RE.finditer(text):
            for a in _CITED_AUTHOR_RE.finditer(text, m.start("list"), m.end("list")):
                tok = _tokens(a.group("s"))[0]
                if a.group("i") is not None and not self._function_word(tok) or (
                        (tok.key in self.firsts or tok.key in self.surnames or self._unknown(tok) or self._known(tok))
                        and not self._public(tok) and tok.key not in _NOT_NAMES):
                    found.append(Span(a.start(), a.end("i") if a.group("i") else a.end("s"), "name"))
        return found

    def _signed_line(self, text: str) -> list[Span]:
        """The line after a sign-off when all of it is a name's shape: the one who signed (:data:`_SIGNED_LINE_RE`).

        Each word an initial ("A" and "I" too: alone with a name, or alone on the line, they are no article and no
        pronoun), a first name or a surname, in capitals as initials are, or a word no list knows ("Kind
        regards,\nA Okafor", "Thanks\nI", "Best wishes,\nSmith"); not a line of ordinary words that are no one's
        name ("Thanks\nAll", "Love\nMum", "Regards\nThe Team"), nor one in lower case that English has ("thanks\nwill
        do"), nor a line that goes on to say more."""
        found = []
        for m in _SIGNED_LINE_RE.finditer(text):
            words = _tokens(m.group("n"))
            if words and (all(self._signer_word(w) for w in words) or len(words) == 1 and (
                    self._signer_alone(words[0]) or self._modal_signer(words[0]))):
                found.append(Span(m.start("n"), m.end("n"), "name"))
        return found

    def _signer_alone(self, tok: _Tok) -> bool:
        """Whether a capitalised English word alone on the line after a sign-off is who signed: a surname no list holds
        that reads as a word ("Regards\n\nGoldsmith"), where a word that is no one's name stands there only as a
        function word or an adverb ("Cheers\nAll", "Love\nAlways"), a word for the ones written to or for a relation
        ("Thanks\nEveryone", "Love\nMum"), a team, a service or a place of work signing ("Regards\nAdmin",
        "Thanks\nReception"), a public term, a plural ("Cheers\nGuys") or an abstract noun ("Regards\nManagement")."""
        key = tok.key
        return (tok.shape == "cap" and tok.text.isalpha() and key in self.words and not self._public(tok)
                and key not in _NOT_NAMES and key not in _NOT_SUBJECTS and key not in _NOT_BARE_SUBJECTS
                and key not in KINSHIP_ROLE_WORDS and key not in _SERVICE_WORDS and key not in _SIGNING_BODIES
                and key not in _AFTER_SIGN_OFF and key not in _SIGN_OFF_WORDS
                and key not in _SCHOOL_JOBS and key not in _STANDING_WORDS
                and not (key.endswith("s") and (key[:-1] in self.words or key[:-2] in self.words))
                and not key.endswith(_ABSTRACT_ENDINGS))

    def _modal_signer(self, tok: _Tok) -> bool:
        """Whether a given name that is a function word too ("Will", "May"), capitalised and alone on the line after a
        sign-off, a kiss at most after it, is who signed: a modal verb or a function word says nothing alone on a line
        ("Thanks\nWill x"; not "Thanks\nWill do", a line that goes on, nor "thanks\nwill" in lower case)."""
        return tok.shape == "cap" and tok.text.isalpha() and tok.key in self.firsts and tok.key in _NOT_NAMES

    def _signer_word(self, tok: _Tok) -> bool:
        """Whether a word on the line after a sign-off is a name's: initials, or a first name, a surname or a word no
        list knows, no function word nor relation, and in lower case no English word (see :meth:`_signed_line`)."""
        if tok.shape == "initial" or tok.shape == "caps" and self._initials_shape(tok.text):
            return True
        name = tok.key in self.firsts or tok.key in self.surnames or self._known(tok) or self._unknown(tok)
        return name and tok.key not in _NOT_NAMES and tok.key not in KINSHIP_ROLE_WORDS and (
            tok.shape != "lower" or not self._ordinary(tok))

    def _wrapped_names(self, text: str) -> list[Span]:
        """A first name broken across a line with no hyphen ("his name is dy\nlan", "we met with tom\nos"): the two
        parts joined are a first name no English word, and one part at least is no English word either."""
        found = []
        for m in _WRAPPED_WORD_RE.finditer(text):
            a, b = fold(m.group("a")), fold(m.group("b"))
            if (a + b in self.firsts and a + b not in self.words and (a not in self.words or b not in self.words)
                    and a not in _NOT_NAMES and b not in _NOT_NAMES):
                found.append(Span(m.start("a"), m.end("b"), "name"))
        return found

    def _children_named(self, text: str) -> list[Span]:
        """Names that are words, picked out by a cleft sentence (:data:`_CLEFT_RE`), named together after a verb of
        looking after children (:data:`_CARED_FOR_RE`), or set off after a word for children
        (:data:`_CHILDREN_SET_OFF_RE`); none a function word, a relation, a public term, a place, a month or a day."""
        low = text.lower()
        found: list[Span] = []
        for pattern, anchor in ((_CLEFT_RE, "it"), (_CARED_FOR_RE, "and"), (_CHILDREN_SET_OFF_RE, ",")):
            if anchor not in low and "&" not in low:
                continue
            for m in pattern.finditer(text):
                groups = [g for g in ("a", "m", "b") if g in m.re.groupindex and m.group(g) is not None]
                keys = [fold(m.group(g)) for g in groups]
                # a place's or a proper noun's word is a child's name among words that are ("the three girls, skye,
                # river and willow, were there"), not alone among them
                placed = [k in self.places or k in self.proper and k not in self.firsts for k in keys]
                if all(placed) if pattern is _CHILDREN_SET_OFF_RE and len(keys) > 1 else any(placed):
                    continue
                if any(k in _NOT_NAMES or k in _NOT_SUBJECTS or k in KINSHIP_ROLE_WORDS or k in _NOT_CHILD_NAMES
                       or k in self.public or k in _NEVER
                       or k in _DAY_NAMES or (k in _MONTH_NAMES and k not in self.firsts) or len(k) < 3
                       or (k.endswith("s") and k[:-1] in self.words and k not in self.firsts) for k in keys):
                    continue
                if len(keys) > 1 and all(k in _SEASONS or k in _MONTH_NAMES for k in keys):
                    continue  # "we moved Summer and Autumn terms"
                found += [Span(m.start(g), m.end(g), "name") for g in groups]
        return found

    def _land_place(self, text: str, span: Span) -> Span:
        """A name found of two or three capitalised words ending in a word of the land (:data:`_LAND_WORDS`) where
        someone moves to, lives in or comes from it ("moved to Hope Valley", "she lives in Grace Dale now"), or before a
        word of what is on a place (:data:`_PLACE_HEAD_AFTER_RE`: "the Hope Valley line", "down the Faith Moor road"):
        a place, unless every word is part of a listed participant's name."""
        if span.kind != "name":
            return span
        words = text[span.start : span.end].split()
        if (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and fold(words[-1]) in _LAND_WORDS
                and not all(fold(w) in self.participant_parts for w in words)
                and (_LIVED_IN_BEFORE_RE.search(text, max(0, span.start - 30), span.start) is not None
                     or _PLACE_HEAD_AFTER_RE.match(text, span.end) is not None)):
            return Span(span.start, span.end, "place")
        return span

    def _welsh_setting(self, text: str, span: Span) -> Span:
        """A place found ending in a Welsh kind of setting (:data:`_WELSH_SETTINGS`: "ysgol", "coleg", "ysbyty" ...),
        widened over the words after it that no English list knows, at most three: the setting's name, which in Welsh
        follows its kind ("ysgol bro dinefwr", "coleg sir gar"); an English word ends it ("at ysgol all week")."""
        if span.kind != "place" or fold(text[span.start : span.end].split()[-1]) not in _WELSH_SETTINGS:
            return span
        end = span.end
        for _ in range(3):
            m = _NEXT_WORD_RE.match(text, end)
            w = fold(m.group("w")) if m is not None else ""
            if m is None or (w in self.words or w in _NOT_NAMES) and w not in _WELSH_ELEMENTS or w in _WELSH_CLAUSE_WORDS:
                break
            end = m.end()
        return span if end == span.end else Span(span.start, end, span.kind)

    def _welsh_settings_named(self, text: str, spans: list[Span]) -> list[Span]:
        """A Welsh kind of setting before a word no English list knows, wherever it stands ("the caretaker at ysgol
        gymraeg treganna", "she works in ysbyty gwynedd"): the setting, its name read on by :meth:`_welsh_setting`; not
        one found already nor before an English word ("at ysgol all week")."""
        found = []
        kinds = False  # whether any Welsh kind of setting is written, for the village after one and "in" below
        for m in _WELSH_SETTING_NAMED_RE.finditer(text):
            kinds = True
            w = fold(m.group("w"))
            if ((w in self.words or w in _NOT_NAMES) and w not in _WELSH_ELEMENTS
                    or any(s.start <= m.start() < s.end for s in spans)):
                continue
            # the Welsh article before the kind and a Welsh word after it: the common noun and its adjective ("yn yr
            # ysgol newydd", in the new school), as a setting's own name takes no article ("yn Ysgol y Graig")
            if _WELSH_ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()) and _welsh_form(w):
                continue
            found.append(Span(m.start("kind"), m.end("kind"), "place"))
        # the village or town after a Welsh kind of setting and "in", a word that is English too where it ends a phrase
        # ("the canolfan in tumble", "the ysgol in hook"): a word said bare after "in" is a place's name there, unless
        # it is one English says so ("in town", "in school") or an idiom's ("in question", "in trouble")
        for m in _WELSH_SETTING_IN_RE.finditer(text) if kinds else ():
            w = fold(m.group("w"))
            if not (bare_word(w) or w in _IN_IDIOMS or w in _NOT_NAMES or w in KINSHIP_ROLE_WORDS or w in welsh_words()):
                found.append(Span(m.start("w"), m.end("w"), "place"))
        return found

    @staticmethod
    def _welsh_of_the(text: str, span: Span) -> Span:
        """A place found, widened over the Welsh "y", "yr" or "'r" ("of the") and the word after it: one name ("ysgol y
        graig", "Bryn yr Eos", "Pen'r Heol")."""
        m = _WELSH_OF_THE_RE.match(text, span.end) if span.kind == "place" else None
        return span if m is None else Span(span.start, m.end(), span.kind)

    def town_after(self, text: str, spans: list[Span]) -> list[Span]:
        """The town after a place found by another detector and "in", "at" or "near" (see :meth:`_place_in_place`)."""
        return self._place_in_place(text, spans)

    def _place_in_place(self, text: str, spans: list[Span]) -> list[Span]:
        """A word no list knows, shaped as places are, in lower case after a place found and "in", "at" or "near": the
        town the place is in ("[ysgol y graig] in llangefni", "[st columba's] in greenock"); not a word of English ("the
        school in question")."""
        found = []
        for s in spans:
            m = _IN_PLACE_AFTER_RE.match(text, s.end) if s.kind == "place" else None
            if m is None:
                continue
            tok = _Tok(m.start("w"), m.end("w"), m.group("w"), fold(m.group("w")), "lower")
            if self._unknown(tok) and len(tok.key) >= 5 and _place_like(tok.key) and tok.key not in self.firsts:
                found.append(Span(tok.start, tok.end, "place"))
        return found

    def _community_before_person(self, text: str, span: Span) -> bool:
        """Whether a name found is one word of a faith, people or nation before a person ("the only sikh family", "a
        Somali girl"): what is said of the person, not a name (:func:`~impact.privacy._lexicon.communities`)."""
        word = text[span.start : span.end]
        return (span.kind == "name" and fold(word) in communities() and fold(word) not in self.participant_parts
                and _PERSON_AFTER_RE.match(text, span.end) is not None)

    def _role_noun(self, text: str, span: Span) -> bool:
        """Whether a name found is a noun for one who does something that no list holds (:meth:`_one_who_does`), after
        an article or an owner's word ("her referrer rang", "it is the referrer's responsibility"), or in a heading
        among capitalised words that are ordinary and no surname ("Section B. Referrer Details"): a role, no one's name.
        Bare, it may be a surname no list holds ("I spoke to Lander") and stays a name."""
        if span.kind != "name":
            return False
        words = _tokens(text[span.start : span.end])
        if not words or not all(t.shape in ("cap", "lower") for t in words):
            return False
        roles = [t for t in words if self._one_who_does(t.key)]
        if len(words) == 1:
            return bool(roles) and _OWNER_BEFORE_RE.search(text, max(0, span.start - 8), span.start) is not None
        if (title := _TITLE_WORD_BEFORE_RE.search(text, max(0, span.start - 12), span.start)) is not None and (
                fold(title.group("t")) in _TITLES):
            return False  # "Dr. Summer Hall rang": words after a title name its holder, whatever else they spell
        return bool(roles) and all(t.shape == "cap" for t in words) and all(
            t in roles or (self._ordinary(t) and not self._known(t) and t.key not in self.surnames) for t in words)

    def _given_name_and_surname(self, words: list[_Tok]) -> bool:
        """Whether ``words``, capitalised, open with a people's or a faith's word that is a given name too
        (:data:`_COMMUNITY_GIVEN_NAMES`), before
        surnames that are words and nothing else ("Roma Baker said", "Christian Smith attended"): the person, as "the
        Roma community", "Christian Aid" and "Scottish Power" (no given name) are not."""
        return (words[0].shape == "cap" and words[0].key in _COMMUNITY_GIVEN_NAMES
                and all(t.shape == "cap" and t.key in self.surnames for t in words[1:]))

    def _peoples_word(self, text: str, tok: _Tok) -> bool:
        """Whether ``tok``, a capitalised word of a faith, people or nation alone in its run
        (:func:`~impact.privacy._lexicon.communities`), no listed participant's, is what is said of people or things:
        always where it is no given name ("Irish dancing", "the family is Muslim"); where it is one too
        (:data:`_COMMUNITY_GIVEN_NAMES`), before a noun in lower case ("Christian values", "Roma families") or after a
        verb of being where the clause ends ("The family are Roma.", "he is Christian"), after what is said to hold of a
        people where it is its own plural ("related to Roma."), or before a verb that agrees with the people ("Roma are
        often excluded"; :meth:`_agrees_with`). A name stands before a verb that agrees with one person ("Christian
        said", "Roma visits the school", "Roma doesn't like school") and after a demonstrative ("This is Christian.")."""
        if tok.shape != "cap" or self._known(tok) or tok.key in self.surnames:
            return False
        if self._peoples_plural(tok):
            return True  # "For Christians, our role is", "Sikhs and Hindus": a faith's or a people's plural
        if tok.key not in communities():
            return False
        if tok.key not in _COMMUNITY_GIVEN_NAMES or _PEOPLES_LISTED_AFTER_RE.match(text, tok.end) is not None:
            return True  # "Irish dancing"; "Gypsy, Roma and Traveller families": peoples listed before their people
        if (_BEING_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start) is not None
                and _FIELD_END_AFTER_RE.match(text, tok.end) is not None):
            return True
        if (_PEOPLE_OBJECT_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start) is not None
                and _FIELD_END_AFTER_RE.match(text, tok.end) is not None and not self._member_noun(tok.key)):
            return True  # "related to Roma.", "common among Sami": the people, a noun that is its own plural
        if not self._member_noun(tok.key) and self._after_noun_head(text, tok):
            return True  # "Support for Roma is patchy": the verb agrees with "Support", the people are its object
        if (agrees := self._agrees_with(text, tok.end)) is not None:
            return agrees == "people"
        nxt = _WORD_RE.match(text, tok.end + 1) if text[tok.end : tok.end + 1] == " " else None
        return (nxt is not None and nxt.group()[:1].islower() and (key := fold(nxt.group().rstrip("."))) in self.words
                and key not in _NOT_NAMES and not key.endswith("ed") and not key.endswith("ing"))

    def _after_noun_head(self, text: str, tok: _Tok) -> bool:
        """Whether ``tok`` is joined by a preposition to a noun phrase's head that opens a sentence or follows a
        determiner (:data:`_HEAD_PREPOSITION_BEFORE_RE`: "Support for Roma is patchy", "the needs of Sami are"), the
        head an ordinary word, no verb's past or "-ing" form, first name nor listed participant's."""
        m = _HEAD_PREPOSITION_BEFORE_RE.search(text, max(0, tok.start - 60), tok.start)
        if m is None:
            return False
        head = fold(m.group("head"))
        return (head in self.words and head not in _NOT_NAMES and head not in self.firsts and head not in self.participant_parts
                and not head.endswith(("ed", "ing")) and head not in _PAST_WORDS)

    def _peoples_plural(self, tok: _Tok) -> bool:
        """Whether ``tok`` is a faith's or a people's word in the plural ("Christians", "sikhs"), no listed name's part."""
        return tok.key.endswith("s") and tok.key[:-1] in communities() and tok.key not in self.participant_parts

    def _agrees_with(self, text: str, end: int) -> Literal["person", "people"] | None:
        """Whom the verb after a people's word that is a given name too, ending at ``end``, agrees with: one person
        ("Roma doesn't like school", "Roma has been excluded", "Christian said", "Roma hit him"; a word in "-s" with an
        object, "Roma visits the school", "Christian values his family"), the people ("Roma are often excluded", "Roma
        don't trust the school"; a verb's plain form, "Roma visit the school weekly", is left to the noun's reading),
        or none said."""
        if _SINGULAR_AGREES_AFTER_RE.match(text, end) is not None:
            return "person"
        if _PLURAL_AGREES_AFTER_RE.match(text, end) is not None:
            return "people"
        if _PERSON_VERB_AFTER_RE.match(text, end) is not None or _ACTION_AFTER_RE.match(text, end) is not None:
            return "person"
        nxt = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if (nxt is not None and nxt.group().endswith("s") and fold(nxt.group()) in self.words
                and _OBJECT_AFTER_RE.match(text, end) is not None):
            return "person"
        return None

    def _lower_given_peoples_word(self, text: str, tok: _Tok) -> bool:
        """Whether ``tok``, a people's word that is a given name too in lower case (:data:`_COMMUNITY_GIVEN_NAMES`),
        opening a clause with no article or owner's word, is the person: before a verb that agrees with one person
        (:meth:`_agrees_with`: "christian doesn't want to go home", "roma visits weekly"), or owning a person ("christian's
        teacher said"); "the roma community", "roma families", "roma are often excluded" stay."""
        if tok.shape != "lower" or tok.key not in _COMMUNITY_GIVEN_NAMES or tok.key in self.participant_parts:
            return False
        if not _CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start):
            return False
        if text[tok.end : tok.end + 2] in ("'s", "’s"):
            return _PERSON_AFTER_RE.match(text, tok.end + 2) is not None or _KIN_OWNED_AFTER_RE.match(text, tok.end) is not None
        return self._agrees_with(text, tok.end) == "person"

    def _member_noun(self, key: str) -> bool:
        """Whether a people's or a faith's word (folded) names one member (:func:`member_noun`)."""
        return member_noun(key)

    def _community_before_body(self, text: str, toks: list[_Tok], k: int, tok: _Tok) -> bool:
        """Whether ``tok``, a word of a faith, people or nation alone in its run, comes right before a capitalised
        public term or ordinary word that no list knows as a name, ``toks[k]``: a body's or a thing's name opens with it
        ("the Scottish Government", "the Irish Office", "Scottish Police Authority"), no one is named."""
        if tok.shape != "cap" or tok.key not in communities() or tok.key in self.participant_parts or k >= len(toks):
            return False
        nxt = toks[k]
        return (nxt.shape in ("cap", "caps") and text[tok.end : nxt.start] == " " and not self._known(nxt)
                and (self._public(nxt) or self._ordinary(nxt)))

    def _owned_brands(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """A make or brand of two or three capitalised words owned, driven or worn (:data:`_OWNED_BRAND_RE`): one of them a
        make of vehicles, a proper noun or no word, none a listed participant's ("drives a Range Rover", "wears a Tag
        Heuer"; not "has a Child Protection Plan"), is a belonging, ``[detail]``, over any name found in it.  A common
        make and its model stay, as round 12 keeps them ("drives a Vauxhall Corsa", "had a Ford Fiesta")."""
        for m in _OWNED_BRAND_RE.finditer(text) if " a" in text.lower() else ():
            words = [t for t in toks if m.start("b") <= t.start < m.end("b")]
            if words[0].key in _VEHICLE_MAKES or any(t.key in self.participant_parts or self._public(t) for t in words):
                continue  # a make and its model are kept ("drives a Vauxhall Corsa", "had a Ford Fiesta")
            if not any(t.key in _VEHICLE_MAKES or t.key in self.proper or self._unknown(t) for t in words):
                continue
            spans = [s for s in spans if not (s.kind == "name" and m.start("b") <= s.start and s.end <= m.end("b"))]
            spans.append(Span(m.start("b"), m.end("b"), "detail"))
        return spans

    def _word_places(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """Districts whose names are English words (:func:`~impact.privacy._lexicon.word_places`) in any case, where
        someone moves to, lives in or comes from them and the phrase ends ("they moved to sale", "she grew up in
        wells", "he's from bury originally"); other words after those verbs stay ("moved to tears", "lives in hope").

        A district that is also a verb after "to" needs the phrase to end or a time to follow ("he went back to deal.";
        not "moved to deal with it", "went back to bath the baby"), and one in "-ing" a word of living or moving house
        before it ("they moved to reading"; not "went back to reading").  Gone, driven or flown to without "back", the
        district needs a person going ("she went to hull for the weekend", "we drove to bury"; not "the house went to
        sale": :func:`~impact.privacy._detect.thing_goes`), and one in "-ing" after "went" a stay said after it ("went to
        barking for the weekend").  A district after another place found so, in a list ("moved to sale, then to bury",
        "lived in leek and later wigan"), is one too.  A place said mostly as an idiom
        (:func:`~impact.privacy._lexicon.idiom_places`) is one only capitalised inside a sentence ("they moved to Hope",
        "she lives in Battle now"; not "they live in hope", "the review moved to March").
        """
        places, idioms = word_places(), idiom_places()
        found = []
        placed: set[int] = set()  # ends of places found where someone lives or has been, a list may go on from
        for tok in toks:
            before = _LIVED_IN_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start)
            if tok.key in self.places and before is not None:
                placed.add(tok.end)  # "moved to leeds, then to bury": a council or a place passed heads the list
            # a place said mostly as an idiom only capitalised inside a sentence ("they moved to Hope"; not "live in hope")
            idiom = tok.key in idioms and tok.shape == "cap" and not _sentence_initial(text, tok.start)
            if idiom and tok.key in _MONTH_NAMES and before is not None and _ONCE_IN_BEFORE_RE.match(before.group()):
                continue  # "she came into care in March", "placed in March": when it happened, a month
            if (tok.key not in places and not idiom) or any(
                    s.start <= tok.start < s.end and not (idiom and s.kind == "name" and (s.start, s.end) == (tok.start, tok.end)
                                                          and tok.key not in self.participant_parts) for s in spans):
                continue
            end = _PLACE_ENDS_RE.match(text, tok.end)
            listed = next((e for e in placed if e < tok.start and _NEXT_PLACE_RE.match(text[e : tok.start])), None)
            if (before is None and listed is None) or end is None:
                continue
            purpose = visit = False
            if end.group("w") is not None and fold(end.group("w")) == "to":
                after = _TO_AFTER_PLACE_RE.match(text, end.start("w"))
                purpose = after is not None and after.group("purpose") is not None
                visit = purpose and _VISIT_RE.match(text, after.start("purpose")) is not None
                nxt = fold(after.group("next")) if after is not None and after.group("next") is not None else None
                if not (purpose and before is not None or nxt is not None and (nxt in places or nxt in self.places)):
                    continue  # "the idea came from reading to children": no place after, no purpose
            trip = before is not None and before.group("trip") is not None
            if (trip or idiom) and before is not None and thing_goes(text, before.start()):
                continue  # "the house went to sale in may", "the review moved to March": a thing goes
            inside = tok.shape == "cap" and not _sentence_initial(text, tok.start)  # "moved to March in 2019": no verb
            if (before is None or before.group("to") is not None or trip) and not inside:
                key = tok.key
                # a stay or a trip said after it, or another place ("she went to hull for the weekend", "moved to wells
                # and then to stoke")
                stay = end.group("w") is not None and (_TIME_AFTER_RE.match(text, end.start("w")) is not None
                                                       or self._list_goes_on(text, tok.end) or purpose)
                going = before is not None and (before.group("go") is not None or fold(before.group("trip") or "").startswith(("go", "went")))
                if key.endswith("ing") and going and not (stay and not purpose) and not visit:
                    continue  # "went back to reading.", "went to reading group", "went back to reading to catch up"
                verb = any(v in self.words for v in (key + "ing", key[:-1] + "ing", key + "ed"))
                if verb and end.group("w") is not None and fold(end.group("w")) not in _STRICT_PLACE_ENDS and not stay:
                    continue
            found.append(Span(tok.start, tok.end, "place"))
            placed.add(tok.end)
        return found

    def _list_goes_on(self, text: str, end: int) -> bool:
        """Whether another place of a list follows a place ending at ``end`` ("moved to wells and then to stoke")."""
        m = _LIST_GOES_ON_RE.match(text, end)
        return m is not None and (fold(m.group("next")) in word_places() or fold(m.group("next")) in self.places)

    def _double_surnames(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """Each name after a title widened over one more word that may be a surname, where a verb of a person follows
        it ("mrs rhodes white said", "mr okafor green came", "miss rhodes white coded them"; not "mrs bell then said",
        "mrs bell's mum came")."""
        ending = {t.end: k for k, t in enumerate(toks)}
        out = []
        for s in spans:
            k = ending.get(s.end) if s.kind == "name" else None
            nxt = toks[k + 1] if k is not None and k + 1 < len(toks) else None
            if (nxt is not None and nxt.shape == "lower" and self._joinable(text, toks[k], nxt)
                    and _ANY_TITLE_BEFORE_RE.search(text[max(0, s.start - 8) : s.start])
                    and _surname_like(nxt.key) and nxt.key not in KINSHIP_ROLE_WORDS and nxt.key not in _NOT_SUBJECTS
                    and not self._function_word(nxt) and _PERSON_VERB_AFTER_RE.match(text, nxt.end) is not None):
                s = Span(s.start, nxt.end, s.kind)
            out.append(s)
        return out

    def _lower_initials(self, text: str) -> list[Span]:
        """Initials in lower case with their dots where a person stands: before an age set off or a verb of a person,
        or after a relation or a title ("j.b. (14) was moved", "her son j.b. came"); not an abbreviation ("e.g.",
        "p.m.", "u.k.") nor after a figure ("at 3 p.m. was")."""
        found = []
        for m in _LOWER_INITIALS_RE.finditer(text) if "." in text else ():
            letters = re.sub(r"[^a-z]", "", m.group())
            # an abbreviation or a term's letters are a person's only where one plainly stands: set off after a role
            # and before a verb, or before "who" ("the carer, d.r., rang us", "it was k.w. who made the referral")
            plainly = letters not in _ASIDE_ABBREVIATIONS and (
                re.match(r"[ \t]+who\b", text[m.end() :], re.IGNORECASE) is not None
                or set_off_after_role(text, m.start(), m.end()) and _VERB_AFTER_SET_OFF_RE.match(text, m.end()) is not None)
            if ((letters in _ABBREVIATIONS or letters in self.public or len(letters) > 2 and letters in self.words)
                    and not plainly or re.search(r"\d[ \t]*\Z", text[max(0, m.start() - 3) : m.start()])):
                continue
            if plainly:
                found.append(Span(m.start(), m.end(), "name"))
                continue
            if (_AGE_SET_OFF_RE.match(text, m.end()) or _PERSON_AFTER_INITIALS_RE.match(text, m.end())
                    or _FAMILY_OWNED_AFTER_RE.match(text, m.end())  # "r.j.'s mum rang"
                    or self._position(text, m.start()) in ("title", "kin", "intro")
                    # after a verb of speaking to someone, where the phrase ends or goes on with when or what about
                    # ("i rang m.r. back about it", "i told k.l. yesterday")
                    or (self._position(text, m.start()) == "weak" and _AFTER_SPOKEN_TO_RE.match(text, m.end()))):
                found.append(Span(m.start(), m.end(), "name"))
        # an initial with its dot before a word in lower case: a surname of the list anywhere ("see p. smith about it"),
        # another word set off after a role before a verb, or after a title, a relation or a verb of speaking to ("the
        # mum, j. okoro, signed the plan", "i rang k. jones back")
        for m in _LOWER_INITIAL_SURNAME_RE.finditer(text) if "." in text else ():
            w = m.group("w")
            if w in _NOT_NAMES or w in _NOT_SUBJECTS or w in KINSHIP_ROLE_WORDS or w in _TITLES:
                continue
            position = self._position(text, m.start())
            if (set_off_after_role(text, m.start(), m.end()) and _VERB_AFTER_SET_OFF_RE.match(text, m.end()) is not None
                    or position in ("title", "kin", "intro") or w in self.surnames
                    or position == "weak" and _AFTER_SPOKEN_TO_RE.match(text, m.end())):
                found.append(Span(m.start(), m.end(), "name"))
        # letters spaced without dots after a verb of speaking to someone ("i phoned j w on monday"); not "a", "i", "u"
        for m in _LOWER_SPACED_LETTERS_RE.finditer(text):
            if (not set(m.group().replace(" ", "")) & set("aiu") and self._position(text, m.start()) == "weak"
                    and _AFTER_SPOKEN_TO_RE.match(text, m.end())):
                found.append(Span(m.start(), m.end(), "name"))
        return found

    def _particle_after(self, text: str, spans: list[Span]) -> list[Span]:
        """Each name widened over a particle of an Irish, Welsh, Scots or Arabic surname and the word after it, all in
        lower case ("aoife ní bhriain", "rhodri ap iorwerth", "yusuf bin khalid"), where the word is no English word,
        and over a title's initials before it ("mr j p davies")."""
        out = []
        for s in spans:
            last = text[s.start : s.end].rsplit(None, 1)[-1] if s.kind == "name" else ""
            # the particle may end the name found already ("aoife ní" of "aoife ní bhriain")
            at = s.end - len(last) - 1 if fold(last) in _SURNAME_PARTICLES and s.end - len(last) > s.start else s.end
            m = _PARTICLE_AFTER_RE.match(text, at) if s.kind == "name" else None
            w = "w" if m is not None and m.group("w") is not None else "w2"
            # after two particles the word is the surname, whatever else it spells ("van der berg")
            if m is not None and (fold(m.group(w)) not in self.words and fold(m.group(w)) not in self.public
                                  or w == "w2" and len(m.group("p").split()) == 2):
                s = Span(s.start, m.end(w), s.kind)
            elif s.kind == "name" and (saint := self._saint_surname(text, s, spans)) is not None:
                s = saint  # "Ian St John said": a surname named for a saint
            before = text[max(0, s.start - 30) : s.start]
            # one or two particles of a European surname in lower case before a surname found with no first name ("her
            # surname's dos santos", "it's da silva", "ask van der berg"); a particle that is an English word is one
            # only with no article or owner before it ("the van tom drove", "the den sam built" stay)
            lead = _PARTICLES_BEFORE_RE.search(before) if s.kind == "name" and text[s.start : s.start + 1].isalpha() else None
            if lead is not None and (len(lead.group().split()) == 2 or fold(lead.group().strip()) not in self.words
                                     or _OWNER_OR_ARTICLE_BEFORE_RE.search(before, 0, lead.start()) is None):
                s = Span(s.start - len(before) + lead.start(), s.end, s.kind)
                before = text[max(0, s.start - 30) : s.start]
            if s.kind == "name" and (initials := _title_initials(before)) is not None:
                s = Span(s.start - len(before) + initials.start(), s.end, s.kind)  # "mr j p davies": the initials too
            out.append(s)
        return out

    def _saint_surname(self, text: str, s: Span, spans: list[Span]) -> Span | None:
        """A name found widened over a surname named for a saint after a first name (:func:`saint_surname`), the name
        found the first name ("Ian St John said") or the saint's ("Then Tom St George rang": "Tom" opening a sentence is
        found by its surname); the saint's word no place given ("Victoria St Leeds").  A first name no list holds will
        do where the words before and after "St" are both found names ("Chair: Marcia St. John-Baptiste")."""
        for at in (s.end, s.start):
            found = saint_surname(text, at)
            if found is None and (loose := saint_surname(text, at, named=True)) is not None and all(
                    any(n.kind == "name" and n.start <= w < n.end for n in spans) for w in (loose[0], loose[2])):
                found = loose
            if found is not None and (found[0] == s.start or found[2] == s.start) and fold(
                    text[found[2] : found[1]]) not in self.places:
                return Span(min(found[0], s.start), max(found[1], s.end), s.kind)
        return None

    def _first_name_before(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """Each name starting with a word no English word widened over a first name in lower case right before it
        ("her nan, pat o'brien, has him", "grace okafor"); not after a subject or an auxiliary, where the first name
        reads as a verb ("we hope okafor comes")."""
        starting = {t.start: k for k, t in enumerate(toks)}
        out = []
        for s in spans:
            k = starting.get(s.start) if s.kind == "name" else None
            prev = toks[k - 1] if k else None
            if (prev is not None and prev.shape == "lower" and prev.key in self.firsts and prev.key not in _NOT_NAMES
                    and prev.key not in KINSHIP_ROLE_WORDS and prev.key not in _TITLES and prev.key not in _MONTH_NAMES
                    and text[prev.end : s.start] == " " and self._unknown(toks[k])
                    and not _SUBJECT_BEFORE_RE.search(text, max(0, prev.start - 12), prev.start)):
                s = Span(prev.start, s.end, s.kind)
            elif prev is not None and self._unlisted_first_name(text, toks, k, s):
                s = Span(prev.start, s.end, s.kind)
            out.append(s)
        return out

    def _lower_surname_after(self, text: str, s: Span) -> Span:
        """``s`` widened over a surname that is a word in lower case right after it where the phrase ends, when ``s`` is
        one word in lower case found a name that no list holds as a first name ("we spoke to roma baker", "we spoke to
        zorbina baker"): the given name no list knows, then its surname; a listed first name joins it already ("jane
        baker")."""
        word = text[s.start : s.end]
        if s.kind != "name" or not word.isalpha() or not word.islower() or fold(word) in self.firsts:
            return s
        m = _LOWER_SURNAME_AFTER_RE.match(text, s.end)
        if m is None or fold(m.group("s")) not in self.surnames or fold(m.group("s")) in self.participant_word_parts:
            return s
        return Span(s.start, m.end("s"), s.kind)

    def _prefixed_word(self, key: str) -> bool:
        """Whether a word the list lacks is a word it holds, or a form of one, after a prefix ("recommissioned",
        "unsafeguarded", "co-produced")."""
        for prefix in _WORD_PREFIXES:
            rest = key.removeprefix(prefix).lstrip("-")
            if rest != key and len(rest) > 2 and (rest in self.words or self._inflected(_Tok(0, 0, rest, rest, "lower"))):
                return True
        return False

    def _unlisted_first_name(self, text: str, toks: list[_Tok], k: int, s: Span) -> bool:
        """Whether the word in lower case right before a surname found alone (``toks[k]`` opening ``s``) is a first
        name no list holds ("cabinet member fionuala foley", "fionuala okafor said"): a word no list knows, shaped as a
        word is said (:func:`_unknown_person_word`), before a surname found as a name by itself (by a role before it,
        a verb of speech after it ...) that is a listed surname or a word no list knows; not after a subject, where it
        reads as a verb, nor a word with figures."""
        prev = toks[k - 1]
        return (s.end == toks[k].end and (toks[k].key in self.surnames or self._unknown(toks[k])) and prev.shape == "lower"
                and prev.text.isalpha()
                and text[prev.end : s.start] == " " and prev.key not in self.firsts and prev.key not in _NOT_NAMES
                and prev.key not in _TITLES and prev.key not in self.places and _unknown_person_word(prev.key)
                and not self._inflected(prev) and not self._prefixed_word(prev.key)
                and not _SUBJECT_BEFORE_RE.search(text, max(0, prev.start - 12), prev.start))

    @staticmethod
    def _initials_pair_set_off(text: str, toks: list[_Tok], i: int) -> bool:
        """Whether the letter ``toks[i]`` is one of two with a space between set off after a role ("the child, K B, was
        seen", "the child, A B, was seen"): initials."""
        for a, b in ((i, i + 1), (i - 1, i)):
            if (0 <= a and b < len(toks) and toks[a].shape == toks[b].shape == "initial" and len(toks[a].text) == 1
                    and len(toks[b].text) == 1 and text[toks[a].end : toks[b].start] == " "
                    and set_off_after_role(text, toks[a].start, toks[b].end)):
                return True
        return False

    def _title_letters_as_initials(self, text: str, toks: list[_Tok], i: int) -> bool:
        """A title's letters in capitals with no name after them, a case note's subject or object: a person's initials
        ("MR presented as withdrawn", "HV saw DR at home"), as a title needs a name to follow (not "MR SMITH", "DR K
        JONES")."""
        tok = toks[i]
        if tok.shape != "caps" or tok.key not in _TITLES or not 2 <= len(tok.text) <= 3 or text[tok.end : tok.end + 1] == ".":
            return False
        if i + 1 < len(toks) and toks[i + 1].shape != "lower" and not text[tok.end : toks[i + 1].start].strip(" \t"):
            return False  # a name (or its initial) after it: the title's
        return self._caps_initials(text, toks, i, None, _sentence_initial(text, tok.start))

    def _lone_initial(self, text: str, toks: list[_Tok], i: int) -> bool:
        """A letter alone standing for a person: after a title ("Mrs T", "Mr K.", "mrs t", "ms k"), set off after a
        role ("the boy, T, said"), after a verb that takes a person at the end of a phrase ("I spoke to T about it"),
        or opening a clause before a verb of saying or doing ("T. said so", "then T rang"); not "A", "I" or "O", nor
        after a capitalised word ("Plan B came", "Part C said")."""
        tok = toks[i]
        letter = tok.text.rstrip(".")
        if tok.text in ("M", "F") and (row := _SEX_CODE_ROW_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start)) and (
                row.group("m" if tok.text == "F" else "f") is None and _SEX_CODE_AFTER_RE.match(text, tok.end)):
            return False  # "Father\nM", "Mother F": a table's sex column, what the relation says already, no initial
        if tok.text in ("M", "F") and (sex := _SEX_CODE_SET_OFF_RE.search(text, max(0, tok.start - 10), tok.start)) and (
                (sex.group("m") is not None) == (tok.text == "M")):
            return False  # "male (M)", "female (F)": the sex's code
        if ((tok.shape == "initial" and letter != "I" or tok.shape == "lower" and len(letter) == 1
             and letter.isalpha() and letter not in _LOWER_LETTER_WORDS)
                and _KIN_BEFORE_INITIAL_RE.search(text, max(0, tok.start - 40), tok.start)
                and _KIN_INITIAL_AFTER_RE.match(text, tok.end)):
            return True  # "Baby O was born", "her son T came", "her daughter B and C", "her sister k was there"
        if (tok.shape == "initial" and len(letter) == 1 and letter not in "AIO"
                and _FAMILY_ROLE_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start)):
            return True  # "we spoke to Grandmother K about contact": a capitalised role's letter, an initial anywhere
        if tok.shape == "initial" and letter in "AO" and self._initials_pair_set_off(text, toks, i):
            return True  # "the child, A B, was seen": "A" beside another letter so set off is an initial, no article
        if (tok.shape == "lower" and letter in ("a", "i", "o")
                and _TITLE_OPENING_BEFORE_RE.search(text[max(0, tok.start - 20) : tok.start]) is not None
                and (_CASE_NOTE_SUBJECT_RE.match(text, tok.end) is not None
                     or _SPEECH_AFTER_RE.search(text[tok.end : tok.end + 40]) is not None
                     or re.match(r"\.?[ \t]*(?:[,;()]|\Z)", text[tok.end : tok.end + 4]) is not None)):
            return True  # "mrs a present", "mr o said", "Present: mrs a, ...": the title opens the note (not "the mrs a present")
        if len(letter) != 1 or letter.upper() in "AIO" or not letter.isalpha():
            return False
        if tok.shape == "lower":  # "mrs t said so": a title in lower case and a letter
            return _SHORT_TITLE_BEFORE_RE.search(text[max(0, tok.start - 16) : tok.start]) is not None and (
                _SPEECH_AFTER_RE.search(text[tok.end : tok.end + 40]) is not None
                or _CASE_NOTE_SUBJECT_RE.match(text, tok.end) is not None  # "mrs t present", "mr k seen at home"
                or re.match(r"\.?(?:[ \t]*(?:[,;:!?)–—]|\Z)|[ \t]+-[ \t])", text[tok.end : tok.end + 4]) is not None
                # "she's with mrs j now", "miss p this year"
                or re.match(r"\.?[ \t]+(?:now|then|today|yesterday|again|too|instead|this|last|next|every|about|and|with|from|at|"
                            r"in|on|for|after|before|when|because)\b", text[tok.end : tok.end + 12])
                is not None)
        if tok.shape != "initial":
            return False
        if self._position(text, tok.start) == "title" or set_off_after_role(text, tok.start, tok.end):
            return True
        if (text[tok.start - 1 : tok.start] == "(" and text[tok.end : tok.end + 1] == ")"
                and _SET_OFF_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start) is not None):
            return True  # "the male (J) with whom he lived": a letter in brackets after a person is his initial
        if self._initials_pair_set_off(text, toks, i):
            return True
        before, after = text[max(0, tok.start - 40) : tok.start], text[tok.end : tok.end + 40]
        if _PERSON_OBJECT_BEFORE_RE.search(before) and _PHRASE_END_RE.search(after):
            return True
        if _SIGNED_BEFORE_RE.search(before) and re.match(r"[ \t]*(?:x+[ \t]*)?(?:\r?\n|\Z)", after, re.IGNORECASE):
            return True  # "Many thanks\nK": a sign-off's initial, alone on its line
        prev = toks[i - 1] if i > 0 else None
        if _LETTERED_PARTS_RE.search(before):
            return False  # "Part B and C said no": the parts of a thing, lettered
        opens = _sentence_initial(text, tok.start) or _CLAUSE_OPEN_RE.search(before) is not None
        if opens and (at := _SETTING_AFTER_INITIAL_RE.match(text, tok.end)) is not None and (
                _ACTION_AFTER_RE.search(text[at.end() : at.end() + 40]) is not None):
            return True  # "J at Greenhill Primary said she was scared": the child by its initial, then its setting
        return (opens and _ACTION_AFTER_RE.search(after) is not None
                and not (prev is not None and prev.shape in ("cap", "caps") and not _sentence_initial(text, tok.start)))

    def _families(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """A family called by its surname in the plural after "the", where a child is placed or lives with it, or
        before what it says or does ("placed with the smiths", "she lives with the Hendersons", "the joneses said
        no"; not "the browns of autumn", "the smiths of the town" - a trade).  A surname that is a word
        (:func:`~impact.privacy._lexicon.surname_words`), a participant's or no English word."""
        found = []
        for k in range(1, len(toks)):
            tok, the = toks[k], toks[k - 1]
            if the.fold not in ("the", "both") or text[the.end : tok.start] != " ":
                continue
            if the.fold == "both":
                # a surname that is a public term too ("Both Greens voted") only where a household is spoken of
                if tok.shape == "cap" and self._family_plural(tok) and (
                        not any(st in _SURNAME_WORDS for st in (tok.key[:-1], tok.key[:-2]))
                        or _HOUSEHOLD_AFTER_RE.match(text, tok.end) is not None):
                    found.append(Span(tok.start, tok.end, "name"))  # "Both Smiths attended": two of the family
                continue
            key = tok.key
            if len(key) < 4 or tok.shape == "caps" or any(s.start <= tok.start < s.end for s in spans):
                continue
            if tok.shape == "cap" and key.endswith("s") and self._public_family(text, the, tok):
                found.append(Span(tok.start, tok.end, "name"))  # "the Greens moved away", "the Woods separated"
                continue
            if (tok.shape == "lower" and key in self.surnames and key not in _SURNAME_ADJECTIVES and not self._public(tok)
                    and _FAMILY_NOUN_RE.match(text, tok.end)):
                found.append(Span(tok.start, tok.end, "name"))  # "the baker kids", "the turner family", "the mills lot"
                continue
            if not key.endswith("s") or tok.shape == "cap" and key in self.surnames:
                # the surname before its children or household ("the dronfield kids"); capitalised, a surname that is a
                # word, or a word that is no public term, nation, job or relation, before "family" or "household"
                # ("the Smith family", "the Goldsmith family were known"; not "the Royal Family", "the Reception
                # children", "the Polish family")
                if ((tok.shape == "lower" and self._unknown(tok) and key not in _PLATFORM_NAMES
                        and _wordlike(key) and _FAMILY_NOUN_RE.match(text, tok.end))
                        or tok.shape == "cap" and self._family_surname(text, tok)):
                    found.append(Span(tok.start, tok.end, "name"))
                continue
            stems = [key[:-1], key[:-2]] if key.endswith("es") else [key[:-1]]
            if not any(st in self.surnames or st in self.participant_parts or (
                    st not in self.words and key not in self.words and not self._public(tok)
                    and any(_pronounceable(p) or _reads_as_name(p) for p in re.split(r"[-'’]", st)))
                    for st in stems):
                if self._household_plural(text, the, tok, stems):
                    found.append(Span(tok.start, tok.end, "name"))  # "the Shahs at number 4", "placed with the Shahs"
                continue
            if (_FAMILY_PLACED_RE.search(text, max(0, the.start - 40), the.start)
                    or _ACTION_AFTER_RE.search(text[tok.end : tok.end + 40]) or _FAMILY_HAS_RE.match(text, tok.end)
                    or _HARM_AFTER_RE.match(text, tok.end)):
                found.append(Span(tok.start, tok.end, "name"))
        return found

    def _household_plural(self, text: str, the: _Tok, tok: _Tok, stems: list[str]) -> bool:
        """Whether ``tok``, a capitalised plural after "the" whose singular is a word no surname list holds ("Shahs"), is
        a family where only a household is said (:data:`_HOUSEHOLD_PLACED_RE` before, :data:`_HOUSEHOLD_AFTER_RE` or
        :data:`_HOUSEHOLD_WHERE_AFTER_RE` after: "we placed him with the Shahs", "the Shahs at number 4", "the Shahs
        moved to Bradford", and beside the speaker's home: "the Chandlers next door", "the Shahs across the road"); not a
        public term, a people's, a child's relation's or carer's plural ("placed with the Carers"), a group's of an age
        or a standing that no surname spells (:func:`~impact.privacy._lexicon.age_groups`: "the Veterans moved to
        Bradford"), nor a month's or a day's.  A job's, a post's or one who does's plural is a surname too ("the
        Constables", "the Wardens"): a family only where no job's people fit (:data:`_JOB_HOUSEHOLD_AFTER_RE`: "the
        Constables moved to Leeds"; not "the Constables' car", "the Trustees at number 10 met"), or where in the flat or
        the room beside it does what neighbours do for a child (:data:`_NEIGHBOUR_CARE_AFTER_RE`: "the Wardens upstairs
        heard the shouting"; not "the Clerks downstairs said it was filed")."""
        if tok.shape != "cap" or self._public(tok) or tok.key in communities():
            return False
        if any(st in _MONTH_NAMES or st in _DAY_NAMES or st in self.public or st in communities() or st in _CARERS_OF_A_CHILD
               or st in age_groups() for st in stems):
            # "placed with the Carers", "the Partners moved to Leeds", "the Veterans moved to Bradford": a child's
            # carers, a firm's partners, people of an age or a standing that no surname spells
            return False
        placed = _HOUSEHOLD_PLACED_RE.search(text, max(0, the.start - 40), the.start) is not None
        if any(_job_word(st) or self._one_who_does(st) or st in _OFFICE_POSTS for st in stems):
            # a job's or a post's word is a surname too ("the Constables", "the Wardens", "the Judges"): a family only
            # where no job's people fit
            return (placed or _JOB_HOUSEHOLD_AFTER_RE.match(text, tok.end) is not None
                    or _NEIGHBOUR_CARE_AFTER_RE.match(text, tok.end) is not None)
        return (placed or _HOUSEHOLD_AFTER_RE.match(text, tok.end) is not None
                or _HOUSEHOLD_WHERE_AFTER_RE.match(text, tok.end) is not None)

    def _family_plural(self, tok: _Tok) -> bool:
        """Whether ``tok``, a capitalised word in "-s" or "-es", is a family called by its surname in the plural: its
        singular a surname that is a word ("Smiths", "Browns"), a listed participant's, or a word no list holds, no
        public term nor people's word, with a name's shape ("Okafors", "O'Briens"); not a day's, a month's or a
        people's plural ("Mondays", "Christians")."""
        key = tok.key
        if len(key) < 4 or not key.endswith("s") or self._public(tok) or key in communities():
            return False
        stems = [key[:-1], key[:-2]] if key.endswith("es") else [key[:-1]]
        return any(st in self.participant_parts or st in self.surnames or st in _SURNAME_WORDS and st not in _MONTH_NAMES
                   or (key not in self.words and st not in self.words and st not in self.public and st not in self.places and st not in communities()
                       and st not in _DAY_NAMES and st not in KINSHIP_ROLE_WORDS
                       and any(_pronounceable(p) or _reads_as_name(p) for p in re.split(r"[-'’]", st) if p))
                   for st in stems)

    def _public_family(self, text: str, the: _Tok, tok: _Tok) -> bool:
        """Whether ``tok``, a capitalised plural after "the", is a family called by a surname that is a public term or
        word too ("Green", "Hall", "Hill": :data:`_SURNAME_WORDS`), or by a surname that ends in "-s" itself ("Woods",
        "Banks"), where a household is spoken of: a child placed or living with it, or what only a household does after
        it ("the Greens moved away", "the Halls separated", "the Woods have fostered her"; a party or a team does other
        things, "the Greens won the seat", "the Greens moved an amendment"), or after a surname that is no public term
        what a family has or does (``_FAMILY_HAS_RE``: "the Banks declined help")."""
        key = tok.key
        stems = (key[:-1], key[:-2]) if key.endswith("es") else (key[:-1],)
        public = any(st in _SURNAME_WORDS and st not in _MONTH_NAMES for st in stems)
        # a surname that is a word, in the plural ("the Browns' car", "the Smiths moved away")
        if not (key in self.surnames or public or any(st in self.surnames for st in stems)):
            return False
        return (_FAMILY_PLACED_RE.search(text, max(0, the.start - 40), the.start) is not None
                or _HOUSEHOLD_AFTER_RE.match(text, tok.end) is not None
                or not public and (_FAMILY_HAS_RE.match(text, tok.end) is not None
                                   or _HARM_AFTER_RE.match(text, tok.end) is not None))

    def _family_after_the(self, text: str, run: list[_Tok]) -> bool:
        """Whether ``run``, one capitalised word after "the" that a preposition would make a place, is a family called
        by its surname in the plural (:meth:`_family_plural`) before its possessive or what a family has or does ("to the
        Okafors' house", "both of the O'Briens attended"); not "to the Midlands", "in the Pennines" (no such verb)."""
        if len(run) != 1 or run[0].shape != "cap" or not re.search(r"\bthe[ \t]+\Z", text[max(0, run[0].start - 5) : run[0].start], re.IGNORECASE):
            return False
        tok = run[0]
        return self._family_plural(tok) and (text[tok.end : tok.end + 1] in ("'", "’") or _FAMILY_HAS_RE.match(text, tok.end) is not None
                                             or _ACTION_AFTER_RE.search(text[tok.end : tok.end + 40]) is not None)

    def _family_surname(self, text: str, tok: _Tok) -> bool:
        """Whether a capitalised word after "the" is the surname of the family named after it (see :meth:`_families`)."""
        key = tok.key
        if key in self.surnames or key in self.participant_parts:
            return _FAMILY_NOUN_RE.match(text, tok.end) is not None or _FAMILY_HOME_RE.match(text, tok.end) is not None
        if (tok.shape == "cap" and key in self.public and key in self.proper and key not in communities()
                and key not in self.places and _NATION_FAMILY_RE.match(text, tok.end) is not None):
            return True  # "the Holland family were known", "the England household": a nation's name as a surname
        return (self._ordinary(tok) and not self._public(tok) and key not in communities() and key not in _NOT_NAMES
                and not _job_word(key) and key not in _SIGNING_BODIES and _HOUSEHOLD_RE.match(text, tok.end) is not None)

    def _surname_first_in_capitals(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """A word in capitals before a first name found in capitals, or in title case opening a field, after a comma: the
        surname written first, as on a list, a form or a police record ("SMITH, JANE said", "Name: SMITH, Jane"); not a
        function word or public term ("NOTE, JANE said" is kept)."""
        found = []
        for k in range(len(toks) - 1):
            tok, nxt = toks[k], toks[k + 1]
            # the given name in title case is written so only where a register's field opens with the surname, a
            # word (not an acronym, "LGA, Jane said") after a line's, a label's or a list's start ("Name: SMITH, Jane",
            # "Present: SMITH, Jane; BROWN, Tom", "Father - SMITH, John")
            opens = _FIELD_OPEN_BEFORE_RE.search(text, max(0, tok.start - 12), tok.start) is not None
            # a surname that is a word, in title case, opening a field before a comma and a given name in title case
            # that ends it ("Smith, John - team manager", "Present: Smith, John; Baker, Tom", "Social worker: Smith,
            # John"), as a register writes it; a word that only opens a sentence is no surname the lists know
            titled_surname = (tok.shape == "cap" and opens and tok.key in self.surnames and nxt.shape == "cap"
                              and not (self._public(tok) or tok.key in _NOT_NAMES or tok.key in _TITLES
                                       or tok.key in KINSHIP_ROLE_WORDS or tok.key in _DISCOURSE_WORDS))
            if not (titled_surname or tok.shape == "caps" and len(tok.key) > 2
                    and not (self._public(tok) or tok.key in _NOT_NAMES or tok.key in _TITLES
                             or tok.key in KINSHIP_ROLE_WORDS)
                    and (tok.key in self.surnames or not self._ordinary(tok) or tok.key in self.participant_parts)):
                continue
            field = (all(p in self.surnames or _pronounceable(p) for p in tok.key.split("-")) and opens)
            if field and nxt.shape == "initial" and re.fullmatch(r"[ \t]*,?[ \t]*", text[tok.end : nxt.start]):
                last = k + 1
                while (last + 1 < len(toks) and toks[last + 1].shape == "initial"
                       and text[toks[last].end : toks[last + 1].start] in ("", " ")):
                    last += 1
                if _FIELD_END_AFTER_RE.match(text, toks[last].end):
                    found.append(Span(tok.start, toks[last].end, "name"))  # "Present: SMITH, J.; BROWN, T.K."
                continue
            if any(s.start <= tok.start < s.end for s in spans):
                continue  # found already ("OKAFOR, JANE")
            titled = field and nxt.shape == "cap"
            if not ((nxt.shape == "caps" or titled) and nxt.key in self.firsts
                    and re.fullmatch(r"[ \t]*,[ \t]*", text[tok.end : nxt.start])):
                continue
            if any(s.start <= nxt.start < s.end for s in spans):
                found.append(Span(tok.start, tok.end, "name"))
            elif titled and (_FIELD_END_AFTER_RE.match(text, nxt.end) or _DASH_AFTER_RE.match(text, nxt.end)):
                # a given name that is a word ends the field ("Subject: JONES, Tom", "BROWN, Tom; ..."): both
                found += [Span(tok.start, tok.end, "name"), Span(nxt.start, nxt.end, "name")]
        return found

    def _joined(self, text: str) -> list[Span]:
        """File names and words joined by "_" that hold a name ("Jane_Smith_interview.docx", "interview_okafor_w1.txt",
        "notes_from_tyler"), whole: a piece that is a listed first name or a participant's name part, or no ordinary
        English word nor public term that reads as a word ("okafor"; not "w1", "nfer", "qdpx"), after a first name a
        surname that is a word ("jane_smith"). "referral_rate", "transcript_w1.docx" are kept."""
        found = []
        for m in _JOINED_RE.finditer(text) if ("_" in text or _EXTENSION_RE.search(text)) else ():
            stem = m.group("stem")
            pieces = [fold(p) for p in re.findall(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})", stem)]
            for k, piece in enumerate(pieces):
                if len(piece) < 3:
                    continue
                first = piece in self.firsts and (piece not in self.words or piece in self.participant_parts)
                strange = (piece not in self.words and piece not in self.public and piece not in _NEVER
                           and piece not in self.places and _pronounceable(piece))
                after_first = k > 0 and pieces[k - 1] in self.firsts and (piece in self.surnames or _surname_like(piece))
                if first or strange or piece in self.participant_parts or (after_first and pieces[k - 1] not in self.words):
                    found.append(Span(m.start(), m.end(), "name"))
                    break
        return found

    def _public_surnames(self, text: str, toks: list[_Tok], spans: list[Span], lone: list[_Tok | Span]) -> list[Span]:
        """Public terms that are common surnames, where a person is spoken of (see :data:`_PUBLIC_SURNAMES`).

        The others standing alone are added to ``lone``: a name if listed beside one ("Green and [Hill]").
        """
        found = []
        for k, tok in enumerate(toks):
            if tok.shape != "cap" or tok.key not in _PUBLIC_SURNAMES or any(s.start <= tok.start < s.end for s in spans):
                continue
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt.shape in ("cap", "caps") and self._joinable(text, tok, nxt):
                continue  # part of a longer name ("Green Paper", "Hall Lane")
            if _ARTICLE_BEFORE_RE.search(text[max(0, tok.start - 10) : tok.start]):
                continue
            position = self._position(text, tok.start)
            if position == "intro" or self._spoken_of(text, tok.start, tok.end, position, _sentence_initial(text, tok.start)):
                found.append(Span(tok.start, tok.end, "name"))
            else:
                lone.append(tok)
        return found

    @staticmethod
    def _listed_with_names(text: str, lone: list[_Tok | Span], spans: list[Span]) -> list[Span]:
        """Surnames that read as words, alone or after an initial, listed beside a name ("Cook and [Taylor]", "[Patel],
        Mason and ...", "[K Burton] and M Goldsmith")."""
        found: list[Span] = []
        names = sorted(spans, key=lambda s: s.start)
        changed = True
        while changed:  # "Cook, Mason and [Taylor]": each newly found name may join the next
            changed = False
            for tok in lone:
                if any(f.start == tok.start for f in found):
                    continue
                if any(_LIST_JOIN_RE.match(text[s.end : tok.start]) for s in (*names, *found) if s.end <= tok.start) or any(
                    _LIST_JOIN_RE.match(text[tok.end : s.start]) for s in (*names, *found) if s.start >= tok.end
                ):
                    found.append(Span(tok.start, tok.end, "name"))
                    changed = True
        return found

    def _title_as_surname(self, text: str, toks: list[_Tok], i: int) -> bool:
        """A capitalised title word right after a title and not before another name word, or set off after a role: a
        surname ("Dr Bishop", "the nurse, Bishop, came in").

        "Detective Inspector Smith" keeps its "Inspector": a capitalised word follows it.
        """
        tok = toks[i]
        if tok.shape not in ("cap", "caps") or tok.key not in _TITLES:
            return False
        if set_off_after_role(text, tok.start, tok.end):
            return True  # "the nurse, Bishop, came in"
        if self._after_post(text, toks, i):
            return True  # "Social Worker Bishop rang": a capitalised post, then a title's word as the surname
        position = self._position(text, tok.start)
        if position == "intro":
            return True  # "his surname is Bishop", "her name is Nurse"
        if position != "title":
            return False
        if i > 0 and toks[i - 1].key in _RANK_OPENERS and tok.key in _POLICE_RANKS:
            return False  # "Detective Inspector said": a rank of two words, no surname
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return not (nxt is not None and nxt.shape in ("cap", "caps") and self._joinable(text, tok, nxt)
                    and not (nxt.shape == "caps" and self._function_word(nxt)))  # "MRS BISHOP SAID SO"

    def _given_public_after_title(self, text: str, toks: list[_Tok], i: int) -> bool:
        """A capitalised given name that is a public term too (a month's: "May", "June") right after a title or a
        relation's word used as one ("Auntie May is poorly", "Nanna June came", "Dr May said no"), no figure after it
        ("Auntie May 2019" is none), no place the study names."""
        tok = toks[i]
        if i == 0 or tok.shape != "cap" or tok.key not in self.firsts or not self._public(tok) or tok.key in self.places:
            return False
        prev = toks[i - 1]
        return (prev.shape == "cap" and prev.key.rstrip(".") in _TITLES
                and self._joinable(text, prev, tok) and re.match(r"[ \t]*,?[ \t]*\d", text[tok.end : tok.end + 4]) is None)

    def _word_given_after_title(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether the word at ``i`` and the next, two capitalised words right after a title ("Prof.", "Dr", "Mrs"), is a given name that is an
        English word and a surname ("Prof. August Brown spoke", "Dr. Summer Hall rang"): the first no function word, no
        public term and no post's ("Nurse Practitioner Hall"), the second a surname or a word no English list holds;
        nothing capitalised after them ("Dr Foster Road Surgery")."""
        if i == 0 or i + 1 >= len(toks) or toks[i].shape != "cap" or toks[i + 1].shape != "cap":
            return False
        title, given, surname = toks[i - 1], toks[i], toks[i + 1]
        if title.shape != "cap" or title.key.rstrip(".") not in _TITLES or not self._joinable(text, title, given):
            return False
        if text[given.end : surname.start] != " " or i + 2 < len(toks) and self._joinable(text, surname, toks[i + 2]) and (
                toks[i + 2].shape == "cap"):
            return False
        return (given.key in self.words and (not self._public(given) or given.key in _MONTH_NAMES or given.key in _SEASONS)
                and given.key not in _NOT_NAMES
                and not _job_word(given.key) and given.key not in self.places
                and (surname.key in self.surnames or surname.key in _SURNAME_WORDS and surname.key not in _MONTH_NAMES
                     or surname.key not in self.words)
                # a surname that is a building's word too ("Hall", "Park") is the person's before what a person does
                # or says, or a possessive ("Dr. Summer Hall rang"; "Dr May Hospital is closed" stays a place)
                and (not self._public(surname) or surname.key in _SURNAME_WORDS and (
                    _PERSON_VERB_AFTER_RE.match(text, surname.end) is not None
                    or _SPEECH_AFTER_RE.match(text, surname.end) is not None
                    or text[surname.end : surname.end + 2] in ("'s", "’s")))
                and surname.key not in self.places)

    def _month_given_opening(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """``spans``, a name widened over a month's name that is a given name too ("April", "June"), capitalised and
        opening a sentence right before it, where a verb a person does or a possessive follows the name: her first
        name ("April Jones attended.", "June Okafor's son"); not after a preposition ("In April Jones said"), which
        does not open the sentence, nor a modal's question ("May Jones come in?")."""
        before = {t.end + 1: t for t in toks if t.shape == "cap" and t.key in _MONTH_NAMES and t.key in self.firsts
                  and t.key not in _NOT_NAMES and text[t.end : t.end + 1] == " "}
        if not before:
            return spans
        out = []
        for s in spans:
            tok = before.get(s.start)
            if (tok is not None and s.kind == "name" and _OPENS_SENTENCE_RE.search(text, 0, tok.start) is not None
                    and (_SUBJECT_VERB_AFTER_RE.match(text, s.end) is not None
                         or _PERSON_VERB_AFTER_RE.match(text, s.end) is not None or text[s.end : s.end + 2] in ("'s", "’s"))):
                s = Span(tok.start, s.end, s.kind)
            out.append(s)
        return out

    def _modal_before_to(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether a capitalised given name that is a modal verb too ("Will", "May") is a name before "to" and a verb:
        a modal takes a bare verb, never "to" ("Action: Will to call mum", "May to send the minutes"); not the noun
        after a determiner ("the Will to live", "her Will to")."""
        tok = toks[i]
        if tok.shape != "cap" or tok.key not in self.firsts or tok.key not in _NOT_NAMES:
            return False
        if _MODAL_TO_AFTER_RE.match(text, tok.end) is None or month_range_after(text, tok.end) or (
                tok.key in _MONTH_NAMES and _MONTH_TIME_BEFORE_RE.search(text, max(0, tok.start - 12), tok.start)):
            return False  # "May to date": a range of dates; "In May to save money": the month
        return i == 0 or toks[i - 1].key not in _DETERMINERS_BEFORE_NOUN or bool(text[toks[i - 1].end : tok.start].strip())

    def _month_given_said_of(self, text: str, tok: _Tok) -> bool:
        """Whether a month's name that is a given name too ("May", "April", "June"), capitalised and opening a clause, is
        a person before what is said of people alone (:func:`said_of_person`'s words: "May was placed with her nan",
        "June was really supportive", "April was our family worker"); a month is busy or great, never placed or
        supportive ("May was busy", "May was great" stay)."""
        if tok.shape != "cap" or tok.key not in _MONTH_NAMES or tok.key not in self.firsts:
            return False
        if _KIN_OWNED_AFTER_RE.match(text, tok.end) is not None:
            return True  # "May's mum rang", "I rang June's dad": a month has no mum
        m = _SAID_OF_RE.match(text, tok.end)
        return (m is not None and m.group("people") is not None
                and _CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start) is not None)

    def _word_owning_kin(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether a capitalised word that is an English word, a season's or no list's, owns a relation, a partner or a
        carer one person has (:data:`_KIN_OWNED_AFTER_RE`: "Storm's dad was in prison", "River's mum rang", "Autumn's
        foster carer"), as :meth:`_family_named` reads it in lower case: a thing has no dad; not after an owner or an
        article ("the Hope's dad"), nor a function word's, a day's, a relation's or a role's word ("Everyone's mum",
        "Mum's boyfriend", "Client's mum"), a public term ("Barnardo's foster carers", "Children's social worker"), a
        place or a noun's plural ("Kids's mum")."""
        tok = toks[i]
        key = tok.key
        if (tok.shape != "cap" or text[tok.end : tok.end + 2] not in ("'s", "’s") or not key.isalpha() or len(key) < 3
                or key in _NOT_NAMES or key in _NOT_SUBJECTS or key in _DAY_NAMES or key in _MONTH_NAMES
                or key in KINSHIP_ROLE_WORDS or key in _NOT_CHILDREN or key in _NEVER or key in _PERSON_NOUNS
                or self._public(tok) or key in self.places or self._role_word(key) or key.endswith("s") and key[:-1] in self.words):
            return False
        return (_KIN_OWNED_AFTER_RE.match(text, tok.end) is not None
                and _OWNER_BEFORE_RE.search(text, max(0, tok.start - 8), tok.start) is None)

    def _month_given_before_to(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether a month's name that is a given name too ("May", "April"), capitalised and opening a line, a sentence
        or a field's value after a colon or a dash, is a person before "to" and a word that is no word of time: who is
        to do it ("Action: May to send minutes", "- April to book the room"); a month before "to" names a range only
        with a time after it ("May to July", "May to date", "April to end of June"), and not opening a field after
        "from" or "since" ("from May to send" is no line's opening)."""
        tok = toks[i]
        if tok.shape != "cap" or tok.key not in _MONTH_NAMES or tok.key not in self.firsts:
            return False
        if _FIELD_OPENS_RE.search(text, 0, tok.start) is None:
            return False
        return _MODAL_TO_AFTER_RE.match(text, tok.end) is not None and not month_range_after(text, tok.end)

    def _surname_after_given(self, text: str, given: _Tok, tok: _Tok) -> bool:
        """Whether ``tok``, capitalised right after a given name, is its surname: a surname, or a word no English list
        holds, no public term, function word nor place the study names ("Dr. April Jones", "Auntie May Okafor"; not
        "Dr May Hospital")."""
        return (tok.shape == "cap" and self._joinable(text, given, tok) and text[given.end : tok.start] == " "
                and (tok.key in self.surnames or tok.key not in self.words) and not self._public(tok)
                and not self._function_word(tok) and tok.key not in self.places)

    def _post_word_after(self, text: str, prev: _Tok, tok: _Tok) -> bool:
        """Whether ``tok``, written close after ``prev``, is a capitalised post's word that is no title, no surname and
        no name's ("Counsel", "Headteacher", "President")."""
        return (tok.shape == "cap" and _job_word(tok.key) and tok.key not in _TITLES and not self._known(tok)
                and tok.key not in self.surnames and self._joinable(text, prev, tok))

    def _after_post(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether a capitalised title's word at ``i`` that is no role of its own (not "Nurse", "Judge", "Sister") comes
        right after a capitalised post ending in a job's word, before no other capitalised word: the post holder's
        surname ("Social Worker Bishop rang", "the Youth Worker Lord came"; "Head Nurse said", "Detective Inspector
        Smith" are posts)."""
        tok = toks[i]
        if i == 0 or tok.shape not in ("cap", "caps") or tok.key in KINSHIP_ROLE_WORDS or tok.key in _JOBS:
            return False
        post = toks[i - 1]
        if (post.shape != tok.shape or not self._joinable(text, post, tok) or post.key in _TITLES
                or not _job_word(post.key) or self._known(post)):
            return False
        if post.key in GRADE_WORDS and tok.key in _RANKS:
            return False  # "The Lead Inspector said", "our Head Constable": a grade's word before a rank, one post
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return (nxt is None or nxt.shape not in ("cap", "caps", "initial") or not self._joinable(text, tok, nxt)
                or nxt.shape == "caps" and self._function_word(nxt))  # "SOCIAL WORKER BISHOP RANG"

    def _lower_in_position(self, text: str, toks: list[_Tok], i: int, spans: list[Span],
                           nicknamed: dict[int, bool] | None = None) -> int:
        """A lower-case word that is no English word, in a name position ("her son tyler"); next index."""
        tok = toks[i]
        if (tok.shape == "lower" and len(tok.key) == 1 and tok.key not in "aio" and i + 1 < len(toks)
                and text[tok.start - 1 : tok.start] not in ("'", "’")
                # a letter that text-speak writes for a word after another word ("me n kayden went", "u r", "did u")
                and not (tok.key in _TEXT_SPEAK_LETTERS and i > 0 and toks[i - 1].shape == "lower"
                         and text[toks[i - 1].end : tok.start] == " ")
                and text[tok.end : toks[i + 1].start] == " " and toks[i + 1].shape == "lower"
                and (toks[i + 1].key in self.surnames or self._unknown(toks[i + 1]))
                and _SPEECH_AFTER_RE.search(text[toks[i + 1].end : toks[i + 1].end + 40])):
            spans.append(Span(tok.start, toks[i + 1].end, "name"))  # "j smith rang", "k okafor said"
            return i + 2
        if tok.shape != "lower" or len(tok.key) < 2 or tok.key in _PARTICLES:
            return i + 1
        if (self._unknown(tok) and _pronounceable(tok.key)
                and _CHAT_TIME_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start) is not None
                and (speaker := _CHAT_SPEAKER_END_RE.match(text, tok.end)) is not None):
            spans.append(Span(tok.start, speaker.end("n"), "name"))  # "[10:42] shaniqua b: ok": a chat's speaker
            return i + 1 + (speaker.group("l") is not None)
        if ((_AGE_SET_OFF_RE.match(text, tok.end) is not None
             and (tok.key in self.firsts or (self._unknown(tok) and _pronounceable(tok.key))))
                or self._listed_child(text, tok)):
            spans.append(Span(tok.start, tok.end, "name"))  # "chantelle (14) said", "lily (2)": a child and her age
            return i + 1
        if tok.key in _TITLES and not self._ordinary(tok):
            if (nicknamed is not None and tok.start in nicknamed and i + 1 < len(toks) and toks[i + 1].shape == "lower"
                    and self._joinable(text, tok, toks[i + 1])):
                nicknamed[toks[i + 1].start] = nicknamed[tok.start]  # "we call her nanna bee": the name after the title
            return i + 1  # "with mrs bell reporting", "sgt bell came": the title stays, the name after it goes
        if (i > 0 and toks[i - 1].key == "the" and (nicknamed or {}).get(toks[i - 1].start) is not None
                and self._unknown(tok) and _wordlike(tok.key)):
            spans.append(Span(tok.start, tok.end, "name"))  # "his mates call him the drezmeister"
            return i + 1
        known = (nicknamed or {}).get(tok.start)  # after "call her" (False), "known as" or "her mum is" (True)
        if known is not None:
            # a nickname's own words before the name it holds go with it ("known as little miss <name>")
            first = i
            # a possessive before a nickname's own words stays ("we call her our little [smudge]")
            owned = (tok.key in ("our", "my", "her", "his", "their") and first + 1 < len(toks)
                     and toks[first + 1].key in _NICKNAME_WORDS and self._joinable(text, tok, toks[first + 1]))
            first += owned
            while ((known or owned) and first + 1 < len(toks) and first - i < 3 and toks[first].key in _NICKNAME_WORDS
                   and self._joinable(text, toks[first], toks[first + 1])):
                first += 1
            name = toks[first]
            j = first
            while (j < len(toks) and j - first < 2 and toks[j].shape == "lower" and toks[j].key not in _NOT_NAMES
                   # a word of speech or text-speak is none ("can u call me asap x")
                   and (toks[j].key not in self.spoken or toks[j].key in self.participant_parts)
                   and toks[j].key not in _NOT_NICKNAMES and toks[j].key not in KINSHIP_ROLE_WORDS
                   and (j == first or self._joinable(text, toks[j - 1], toks[j]))):
                j += 1
            if j > first and (_PHRASE_END_RE.search(text[toks[j - 1].end : toks[j - 1].end + 40])
                              or _NICKNAME_ENDS_RE.match(text, toks[j - 1].end)) and (
                    not known or not self._ordinary(name) or (len(name.key) == 1 and first > i)  # "little t"
                    or (name.key in self.firsts and name.key not in _MONTH_NAMES and j == first + 1)):
                # "we call him smudge", "known as lil jay", "known as little t round here"
                spans.append(Span(name.start if owned else tok.start, toks[j - 1].end, "name"))
                return j
            if (not known and name.shape == "lower" and name.key not in _NOT_NAMES and name.key not in _NOT_NICKNAMES
                    and name.key not in KINSHIP_ROLE_WORDS
                    and (_SUBJECT_VERB_AFTER_RE.match(text, name.end) or _PERSON_VERB_AFTER_RE.match(text, name.end))):
                # "the lad they all call smudge came round": the nickname, then what its bearer does
                spans.append(Span(name.start if owned else tok.start, name.end, "name"))
                return first + 1
        # a nickname's word and a first name set off after a role ("his support worker, big mike, took him out"): the
        # name goes, the nickname's word stays
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (tok.key in _NICKNAME_WORDS and nxt is not None and nxt.shape == "lower" and self._joinable(text, tok, nxt)
                and (self._word_name(nxt) or nxt.key in self.firsts) and nxt.key not in _NOT_NAMES
                and set_off_after_role(text, tok.start, nxt.end)):
            spans.append(Span(nxt.start, nxt.end, "name"))
            return i + 2
        # a nickname's word and a first name that is a count noun or no word, with no article or possessive before, at
        # the end of a phrase or quoted ("i'm scared of big dale", "the youth worker, 'big al', runs it"; not "with
        # little hope.", "the big mark")
        if (tok.key in _NICKNAME_WORDS and tok.key not in ("miss", "baby") and nxt is not None and nxt.shape == "lower"
                and self._joinable(text, tok, nxt) and nxt.key not in _NOT_NAMES and nxt.key not in KINSHIP_ROLE_WORDS
                and (nxt.key in self.firsts or nxt.key in self.proper and nxt.key not in self.words
                     and nxt.key not in self.places and nxt.key not in self.public)
                and not bare_word(nxt.key)
                and not _OWNER_OR_ARTICLE_BEFORE_RE.search(text, max(0, tok.start - 12), tok.start)
                and _NICKNAME_END_RE.match(text, nxt.end)):
            spans.append(Span(nxt.start, nxt.end, "name"))
            return i + 2
        # a first name that is a word, said of a person opening a clause ("grace was good.", "and hope from school was
        # lovely"), or it or a title word set off after a role ("the nurse, grace came in", "the nurse, bishop, came")
        if ((self._word_name(tok) and self._fondly_named(text, tok))  # "little jay was only six"
                or (self._word_name(tok) and _CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start)
             and (said_of_person(tok.key, text, tok.end) or _FROM_A_SERVICE_PERSON_RE.match(text, tok.end)))
                or (set_off_after_role(text, tok.start, tok.end)
                    and (self._word_name(tok) or tok.key in _TITLES
                         or (self._unknown(tok) and tok.key not in _HOW_WORDS
                             and (_pronounceable(tok.key) or _short_name(tok.key) or _reads_as_name(tok.key)
                                  # two letters without a vowel, a child called by initials ("her brother, tj, is")
                                  or len(tok.key) == 2 and tok.key.isalpha() and not set(tok.key) & set("aeiouy")))))
                or self._set_off_word(text, tok)
                # a word no list knows shaped as a name, set off on both sides after a role ("the older one, brennagh,
                # looks after the others")
                or (self._unknown(tok) and (_reads_as_name(tok.key) or _pronounceable(tok.key)) and _enclosed(text, tok)
                    and tok.key not in _HOW_WORDS
                    and _SET_OFF_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start))):
            spans.append(Span(tok.start, tok.end, "name"))
            return i + 1
        if (self._word_name(tok) and self._position(text, tok.start) in ("kin", "title")
                and (_ACTION_AFTER_RE.search(text[tok.end : tok.end + 40]) or _KIN_NAME_ENDS_RE.match(text, tok.end))):
            spans.append(Span(tok.start, tok.end, "name"))  # "aunty jade came", "her mum grace said"
            return i + 1
        if (tok.key in self.firsts and tok.key not in _NOT_NAMES and _ITS_ME_AFTER_RE.match(text, tok.end)
                and _ITS_ME_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start)):
            spans.append(Span(tok.start, tok.end, "name"))  # "its jade x", "its me jade": a first name that is a word
            return i + 1
        if i > 1 and (toks[i - 1].key in _OWN_KIN or toks[i - 1].key in _OWN_FRIENDS) and self._word_after_kin(text, tok):
            spans.append(Span(tok.start, tok.end, "name"))  # "her nan jubilee came round": a name no list has
            return i + 1
        if tok.key in self.word_names and tok.key not in _MONTH_NAMES and (
                (_CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start)
                 and _SAYING_AFTER_RE.match(text, tok.end) is not None)
                or (_PERSON_OBJECT_BEFORE_RE.search(text[max(0, tok.start - 30) : tok.start])
                    and _PHRASE_END_RE.search(text[tok.end : tok.end + 40]))):
            spans.append(Span(tok.start, tok.end, "name"))  # "pat said it was fine", "I met pat", "I told rob about it"
            return i + 1
        if self._companion_slot(text, tok):
            spans.append(Span(tok.start, tok.end, "name"))  # "me and blessing went", "i was with precious at the centre"
            return i + 1
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        two = (nxt is not None and nxt.shape == "lower" and self._joinable(text, tok, nxt) and _surname_like(nxt.key)
               and nxt.key not in _NOT_NICKNAMES and nxt.key not in KINSHIP_ROLE_WORDS)
        first = tok.key in self.firsts or bool(tok.parts()) and all(p in self.firsts for p in tok.parts())
        if (first and tok.key not in _MONTH_NAMES and (two or tok.key not in _NOT_NAMES)
                and (_STRONG_INTRO_RE.search(text, max(0, tok.start - 40), tok.start)
                     or _IS_CALLED_BEFORE_RE.search(text, max(0, tok.start - 20), tok.start))):
            # a first name after "called", "named", "known as" ("a girl named grace"), and a surname after it though a
            # word ("she's called grace hill"); a first name that is a function word only before one ("named will turner")
            spans.append(Span(tok.start, (nxt if two else tok).end, "name"))
            return i + 1 + two
        if (tok.key in self.firsts and nxt is not None and nxt.shape == "lower" and self._joinable(text, tok, nxt)
                and (nxt.key in self.surnames or self._unknown(nxt)) and nxt.key not in _NOT_NAMES
                and (self._position(text, tok.start) == "intro" or _PLATFORM_AS_RE.search(text, max(0, tok.start - 40), tok.start))):
            spans.append(Span(tok.start, nxt.end, "name"))  # "on facebook as pat smith", "she's called grace hill"
            return i + 2
        if self._lower_given_peoples_word(text, tok):
            spans.append(Span(tok.start, tok.end, "name"))  # "christian doesn't want to go home", "roma visits weekly"
            return i + 1
        if self._peoples_plural(tok):
            return i + 1  # "sikhs are welcome", "christians came": a faith's or a people's plural is the people
        if tok.key in KINSHIP_ROLE_WORDS:
            return i + 1  # a kinship or role word in lower case is the relation, not a name ("her nan", "my mam")
        role_after = _ROLE_APPOSITION_RE.match(text, tok.end) is not None  # "meg, the other sw, went"
        if len(tok.key) > 2 and tok.key not in _NOT_NAMES and (
                ((tok.key in self.firsts and not self._ordinary(tok))
                 or (self._unknown(tok) and _reads_as_name(tok.key) and tok.key not in _HOW_WORDS
                     and not (tok.key.endswith("in") and tok.key + "g" in self.words)))  # "crackin", "mingin"
                and (_between_commas(text, tok) or role_after
                     or (tok.key in self.firsts and text[max(0, tok.start - 3) : tok.start].rstrip(" \t").endswith(",")
                         and _SAID_LAST_RE.match(text, tok.end) is not None)
                     # who it was, said last ("i think it was, er, lowri?")
                     or (_IT_WAS_BEFORE_RE.search(text, max(0, tok.start - 24), tok.start) is not None
                         and _SAID_LAST_RE.match(text, tok.end) is not None))
                or tok.key in self.word_names and role_after
                # any word but a function word opening a sentence or clause, set off before its place among brothers and
                # sisters ("sky, the eldest, she's the one who rang")
                or (_BIRTH_ORDER_SET_OFF_RE.match(text, tok.end) is not None and tok.key not in _NOT_SUBJECTS
                    and tok.key not in _DISCOURSE_WORDS
                    and _CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start) is not None)):
            # a first name no word, said alone between commas, before a role set off, or last after a comma ("she was
            # like, chantelle, get down here", "me and meg, the other sw, went", "i think it was, er, lowri?")
            spans.append(Span(tok.start, tok.end, "name"))
            return i + 1
        if self._family_named(text, tok) or self._double_first_name(tok):
            # "jade's mum", "sky's the eldest", "ruby-rose"; a surname no list knows after a double first name goes with
            # it ("ann-marie matson")
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            two = (nxt is not None and nxt.shape == "lower" and self._joinable(text, tok, nxt) and self._unknown(nxt)
                   and "-" in tok.key and (_reads_as_name(nxt.key) or _place_like(nxt.key)))
            spans.append(Span(tok.start, (nxt if two else tok).end, "name"))
            return i + 1 + two
        if self._ordinary(tok) and (not (
            (tok.key in self.surnames and self._position(text, tok.start) == "title")
            or (_surname_like(tok.key) and _SHORT_TITLE_BEFORE_RE.search(text[max(0, tok.start - 12) : tok.start]))
        ) or _CASE_NOTE_SUBJECT_RE.match(text, _space_before(text, tok.start)) is not None):
            # an ordinary word, unless a surname after a title ("mrs baker", "mrs hopper"; not "Judge ruled"); what a note
            # says of the one a title stands for, with no name, is the note's ("Mr seen at home", "MRS present")
            return i + 1
        if (self._unknown(tok) and len(tok.key) >= 5 and _place_like(tok.key) and tok.key not in self.firsts
                and not plural_of_a_thing_done(tok.key) and not thing_done_closed_up(tok.key)
                and (gone := _GONE_TO_BEFORE_RE.search(text, max(0, tok.start - _gone_to_width(text, tok.start)), tok.start))
                and (gone.group("estate") is None or tok.key.endswith(_PLACE_NAME_ENDINGS))):
            # "she goes to beechwood", "they moved to gipton", "in little marrowby"
            spans.append(Span(gone.start("pre") if gone.group("pre") else tok.start, tok.end, "place"))
            return i + 1
        if (self._unknown(tok) and tok.key.isalpha() and tok.key not in self.firsts
                and (3 <= len(tok.key) <= 4
                     and ((lived := _LIVED_IN_BEFORE_RE.search(text, max(0, tok.start - 25), tok.start)) is not None
                          and lived.group("trip") is None or _HOME_IN_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start))
                     or len(tok.key) >= 4 and set(tok.key) & set("aeiouy")
                     and (_INCIDENT_IN_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start)
                          or _SETTING_AT_BEFORE_RE.search(text, max(0, tok.start - 20), tok.start)))
                and _PLACE_ENDS_RE.match(text, tok.end)):
            # "she lives in wem", "my nan in rhyl", "the stabbing in splott", "the boxing club at splott"
            spans.append(Span(tok.start, tok.end, "place"))
            return i + 1
        if (self._unknown(tok) and tok.key.isalpha() and tok.key not in self.places
                and (_name_shaped(tok, self.firsts) or _pronounceable(tok.key) or _pet_form(tok.key))
                and (_REGARDING_BEFORE_RE.search(text, max(0, tok.start - 6), tok.start)
                     or (_ITS_ME_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start)
                         and _ITS_ME_AFTER_RE.match(text, tok.end)))):
            spans.append(Span(tok.start, tok.end, "name"))  # "mum rang re tiggy", "its shaz x", "its me cherelle"
            return i + 1
        if self._unknown(tok) and _name_shaped(tok, self.firsts) and tok.key not in self.places and (
                # joined to a name just found ("we placed zuri and kemi with the same carer")
                (i > 1 and spans and spans[-1].end == toks[i - 2].end and toks[i - 1].key in ("and", "&")
                 and spans[-1].kind == "name")
                or ((_CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start)
                  or _FONDLY_BEFORE_RE.search(text, max(0, tok.start - 8), tok.start))
                 and (_SUBJECT_VERB_AFTER_RE.match(text, tok.end) or _FROM_A_SERVICE_RE.match(text, tok.end)))
                or (_SEEN_BEFORE_RE.search(text, max(0, tok.start - 20), tok.start)
                    and (_PHRASE_END_RE.match(text[tok.end : tok.end + 40]) or _SEEN_WHERE_AFTER_RE.match(text, tok.end)))
                # the child and a friend before a verb of the plural ("me and tayla share a room")
                or (_ME_AND_BEFORE_RE.search(text, max(0, tok.start - 10), tok.start)
                    and (_SUBJECT_VERB_AFTER_RE.match(text, tok.end) or _PLURAL_VERB_AFTER_RE.match(text, tok.end)))
                or _AND_KIN_AFTER_RE.match(text, tok.end)
                # set off before "she", "he" or "they" that takes it up again ("and then tiarnelle, she kicked off")
                or (_CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start)
                    and _TAKEN_UP_AFTER_RE.match(text, tok.end))
                or (text[max(0, tok.start - 3) : tok.start].rstrip(" \t").endswith(",")
                    and re.match(r"[ \t]*(?:[.!?;]|\Z)", text[tok.end : tok.end + 3])
                    and _CHILD_THEN_NAMED_RE.search(text, max(0, tok.start - 90), tok.start))
                or (_SIGNED_AFTER_RE.match(text, tok.end) and _SIGNED_BEFORE_RE.search(text, max(0, tok.start - 12), tok.start))
):
            spans.append(Span(self._name_start(text, tok), tok.end, "name"))  # "zorbina was there", "we saw jaydon yesterday"
            return i + 1
        if self._position(text, tok.start) is None and not _SPEECH_AFTER_RE.match(text[tok.end : tok.end + 40]):
            return i + 1
        if tok.key in self.spoken and tok.key not in self.participant_parts and tok.key not in self.firsts:
            return i + 1  # "dad woz kicking off", "her mum sed": speech's word after a relation, no name ("bonny" may be)
        if tok.key == "olds" and _AGE_UNIT_BEFORE_RE.search(text, max(0, tok.start - 8), tok.start):
            return i + 1  # "16-17 year olds who present as homeless": a group by its ages, no one's name
        if tok.key in _PLATFORM_NAMES:
            return i + 1  # a platform after a possessive is the child's account, not a name ("her tiktok's full of it")
        if (tok.key not in self.firsts and tok.key not in self.surnames and tok.key not in self.participant_parts
                and _CHILD_WITH_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start)):
            # what a child is said to have, after "a child with", "a 6yo with" ("a 6yo with progeria"): a condition no
            # list holds, no first name; the quote's gate still withholds a word no list knows
            return i + 1
        j = i + 1
        while (j < len(toks) and toks[j].shape == "lower" and not self._ordinary(toks[j]) and not self._inflected(toks[j])
               and self._joinable(text, toks[j - 1], toks[j])):
            j += 1
        spans.append(Span(self._name_start(text, tok), toks[j - 1].end, "name"))
        return j

    def _companion_slot(self, text: str, tok: _Tok) -> bool:
        """Whether ``tok``, a first name in lower case that is a word too ("blessing", "precious", "hope"), stands where
        only a person does: with the speaker before a verb ("me and blessing went to the house", "blessing and i did
        the visit"), with a relation of hers or his after it ("i went with blessing and her mum"), or as whom the
        speaker was with somewhere or at a time ("i was with precious at the contact centre"), or greeted ("hiya memory,
        can you ring me"); not a month or a day, nor a function word ("me and may go"), nor a noun's place ("the
        problem was with hope", "with hope and her support", "i was with hope in my heart")."""
        key = tok.key
        if (key not in self.word_names or key in _NOT_NAMES or key in _MONTH_NAMES or key in _DAY_NAMES
                or key in KINSHIP_ROLE_WORDS):
            return False
        before = max(0, tok.start - 40)
        if _GREETING_BEFORE_RE.search(text, max(0, tok.start - 12), tok.start) is not None:
            return _GREETED_AFTER_RE.match(text, tok.end) is not None
        if _ME_AND_BEFORE_RE.search(text, before, tok.start):
            return bool(_SUBJECT_VERB_AFTER_RE.match(text, tok.end) or _PLURAL_VERB_AFTER_RE.match(text, tok.end))
        if (me := _AND_ME_AFTER_RE.match(text, tok.end)) is not None:
            return (_CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start) is not None
                    and bool(_SUBJECT_VERB_AFTER_RE.match(text, me.end()) or _PLURAL_VERB_AFTER_RE.match(text, me.end())))
        if _AND_KIN_AFTER_RE.match(text, tok.end):
            return (_WITH_BEFORE_RE.search(text, max(0, tok.start - 6), tok.start) is not None
                    or _CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start) is not None)
        return (_BE_WITH_BEFORE_RE.search(text, before, tok.start) is not None
                and _WITH_WHERE_AFTER_RE.match(text, tok.end) is not None)

    def _word_after_kin(self, text: str, tok: _Tok) -> bool:
        """Whether a word in lower case that is no first name names the relation (a blood relation after a possessive)
        before it, before what a person does
        ("her nan jubilee came round", "his uncle rocky said"): any English word but a function word, an adverb ("her
        nan then came", "her nan sometimes came", "her nan upstairs came down") or a word English says bare ("her nan home
        came")."""
        key = tok.key
        before = text[max(0, tok.start - 24) : tok.start].split()
        friend = len(before) >= 2 and before[-1].lower() in _OWN_FRIENDS
        return (len(before) >= 2 and (before[-1] in _OWN_KIN or friend) and before[-2].lower() in _OWNERS
                and text[tok.start - 1] in " \t"
                and key in self.words and len(key) >= 3
                and not (key.endswith(("ly", "times", "wards", "where", "self", "selves", "stairs", "doors", "side"))
                         or key in ("abroad", "nearby", "overseas", "instead", "though") or key in _NOT_NAMES
                         or key in _NOT_SUBJECTS or key in _DISCOURSE_WORDS or key in _HOW_WORDS or key in KINSHIP_ROLE_WORDS
                         or key in _DAY_NAMES or bare_word(key) and not (friend and _pet_form(key)))
                and (_ACTION_AFTER_RE.search(text[tok.end : tok.end + 40]) is not None
                     or friend and key not in _AFTER_RELATION_ADVERBS and key not in _CLOSED_TAIL
                     and _STOP_AFTER_RE.match(text, tok.end) is not None))

    def _family_named(self, text: str, tok: _Tok) -> bool:
        """A word in lower case that is a first name, owning a relation ("jade's mum", "i rang amber's dad"), or any
        word but a function word opening a clause where a child stands among brothers and sisters ("sky's the eldest",
        "brook is the middle one"); not "the girl's mum", "her son's dad", "everyone's mum", "mine's the eldest"."""
        after = text[tok.end : tok.end + 5]
        if not ((after[:1] in ("'", "’") and after[1:2] in ("s", "S")) or after.startswith((" is ", " was ", " is\t"))):
            return False  # neither rule can hold: checked first, as most words are read here
        key = tok.key
        if (tok.shape == "lower" and (key in _MONTH_NAMES or key in _NOT_NAMES) and key in self.firsts
                and _KIN_OWNED_AFTER_RE.match(text, tok.end) is not None
                and _OWNER_BEFORE_RE.search(text, max(0, tok.start - 8), tok.start) is None):
            # "may's mum rang", "june's foster carer", "will's stepdad": a month has no mum, a modal no possessive
            return True
        if (tok.shape != "lower" or not key.isalpha() or len(key) < 3 or key in _NOT_NAMES or key in _NOT_SUBJECTS
                or key in _MONTH_NAMES or key in _DAY_NAMES or key in KINSHIP_ROLE_WORDS or key in _NOT_CHILDREN
                or key in _PERSON_NOUNS or self._public(tok)):
            return False
        if _OWNER_BEFORE_RE.search(text, max(0, tok.start - 8), tok.start):
            return False
        if key in self.word_names and _FAMILY_OWNED_AFTER_RE.match(text, tok.end):
            return True
        if _KIN_OWNED_AFTER_RE.match(text, tok.end) and not (key.endswith("s") and key[:-1] in self.words):
            return True  # "crystal's nan's house", "we rang summer's dad"; not a plural noun's ("the kids's mum")
        return (_CLAUSE_OPEN_RE.search(text, max(0, tok.start - 12), tok.start) is not None
                and _BIRTH_ORDER_AFTER_RE.match(text, tok.end) is not None)

    def _double_first_name(self, tok: _Tok) -> bool:
        """A double-barrelled first name in lower case: parts joined by hyphens, one a first name and each either a
        first name or no English word ("ruby-rose", "lily-mae", "daisy-may"); not "well-being", nor parts that are all
        months or seasons ("april-may", "summer-autumn"), nor a day's name."""
        parts = tok.parts()
        if tok.shape != "lower" or "-" not in tok.key or len(parts) < 2:
            return False
        if (all(p in _MONTH_NAMES or p in _SEASONS for p in parts)
                or any(p in _DAY_NAMES or (p in _NOT_NAMES and p not in self.firsts) or not p.isalpha() for p in parts)):
            return False  # "april-may", "summer-autumn"; a month among names is one ("daisy-may")
        return any(p in self.firsts for p in parts) and all(p in self.firsts or p not in self.words for p in parts)

    def _named_alongside(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """Capitalised words inside a sentence listed beside a name found ("the twins, [Ocean] and Storm", "we took
        [Marley] and Blue"), and a word said to be a name ("Smith's his surname", "Baker is her surname"); not a public
        body, a service, a place, a month or a day, nor the first word of a longer capitalised name ("[Sarah] and Social
        Care")."""
        found: list[Span] = []
        for k, tok in enumerate(toks):
            key = tok.key
            if (tok.shape != "cap" or any(s.start <= tok.start < s.end for s in spans) or self._public(tok)
                    or key in _NOT_NAMES or key in _MONTH_NAMES or key in _DAY_NAMES or key in _SERVICE_WORDS):
                continue
            if _IS_A_NAME_AFTER_RE.match(text, tok.end):
                found.append(Span(tok.start, tok.end, "name"))
                continue
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if _sentence_initial(text, tok.start) or (
                    nxt is not None and nxt.shape in ("cap", "caps") and self._joinable(text, tok, nxt)):
                continue
            if (key in KINSHIP_ROLE_WORDS or key in _TITLES or key.endswith(_WORD_ENDINGS)
                    or (key in self.words and key not in self.firsts and not _PHRASE_END_RE.search(text[tok.end : tok.end + 40])
                        and not _SUBJECT_VERB_AFTER_RE.match(text, tok.end) and not _NAMED_OBJECT_AFTER_RE.match(text, tok.end))):
                continue  # "Children, Young People & Learning", "[Jo], Chairman of", "[Jo] and Health colleagues"
            names = [s for s in (*spans, *found) if s.kind == "name"]
            if any(s.end <= tok.start and _AND_JOIN_RE.match(text[s.end : tok.start]) for s in names) or any(
                    s.start >= tok.end and _AND_JOIN_RE.match(text[tok.end : s.start]) for s in names):
                found.append(Span(tok.start, tok.end, "name"))
        return found

    def _parallel_subject(self, text: str, toks: list[_Tok], spans: list[Span]) -> list[Span]:
        """A first name that is a word opening a sentence before a verb, where a second clause of it opens so with a
        name found that is a word too ("Hope was there but [Faith] didn't come", "Joy was at the meeting and [Grace] was
        too"): the two subjects are of a kind, both people."""
        if not toks or toks[0].shape != "cap":
            return []
        found: list[Span] = []
        for tok in toks:
            if (tok.shape != "cap" or tok.key not in self.firsts or tok.key not in self.words or not _sentence_initial(text, tok.start)
                    or any(s.start <= tok.start < s.end for s in spans) or self._public(tok)
                    or not _SUBJECT_VERB_AFTER_RE.match(text, tok.end)):
                continue
            stop = _SENTENCE_END_RE.search(text, tok.end)
            end = stop.start() if stop is not None else len(text)
            for s in spans:
                word = fold(text[s.start : s.end])
                if (s.kind == "name" and tok.end < s.start < end and word in self.firsts and word in self.words
                        and _CLAUSE_JOIN_BEFORE_RE.search(text, max(0, s.start - 12), s.start)
                        and _SUBJECT_VERB_AFTER_RE.match(text, s.end)):
                    found.append(Span(tok.start, tok.end, "name"))
                    break
        return found

    def _name_start(self, text: str, tok: _Tok) -> int:
        """Where a name found in lower case at ``tok`` starts: earlier, over a title's initials ("dr k j vraznick") or a
        first word before a particle ("siobhra ní bhraolain")."""
        before = text[max(0, tok.start - 30) : tok.start]
        if (m := _title_initials(before)) is not None:
            return tok.start - len(before) + m.start()
        m = _BEFORE_PARTICLE_RE.search(before)
        if m is not None and fold(m.group("w")) not in self.words:
            return tok.start - len(before) + m.start("w")
        return tok.start

    def _listed_child(self, text: str, tok: _Tok) -> bool:
        """Whether a first name that is a word, no month, stands before an age in a list ("Kai 8, Lily 6 and Ruby 2",
        "kai 8, lily 6"), not before a year or a day ("May 2013", "June 3")."""
        return (text[tok.end : tok.end + 2][-1:].isdigit() and tok.key in self.firsts and tok.key not in _MONTH_NAMES and tok.key not in _NOT_NAMES
                and _AGE_IN_LIST_RE.match(text, tok.end) is not None)

    def _set_off_word(self, text: str, tok: _Tok) -> bool:
        """Whether an ordinary word that may be a surname (:meth:`_count_noun`) is set off after a role before a verb of
        saying or doing, or set off on both sides before "is" or "was" or more people ("the nurse, marsh came in", "her
        sw, ash, is great", "her dad (snow) and her mum"), in any case ("Her SW (Clay) came")."""
        enclosed = _enclosed(text, tok)
        if (tok.shape == "cap" and tok.key in self.firsts and tok.key not in _HOW_WORDS
                and text[: tok.start].rstrip(" \t").endswith("(") and text[tok.end :].lstrip(" \t").startswith(")")
                and (_SET_OFF_BEFORE_RE.search(text, max(0, tok.start - 30), tok.start) is not None
                     or _role_letters_before(text, tok.start))):
            return True  # "HV (Sue).", "her SW (Joy) will visit": a given name alone in brackets after a role is hers
        return (self._count_noun(tok, enclosed=enclosed) and set_off_after_role(text, tok.start, tok.end)
                and (_VERB_AFTER_SET_OFF_RE.match(text, tok.end) is not None
                     or enclosed and _ENCLOSED_AFTER_RE.match(text, tok.end) is not None))

    def _word_double(self, tok: _Tok) -> bool:
        """A double first name in lower case made of a word and a first name ("river-jay", "storm-lee"): two parts, each a
        word or a first name, one a first name, the whole no word of English and no part a function word, a month or a
        day ("well-being", "blue-jay" the bird's and "may-day" stay)."""
        parts = tok.parts()
        if tok.shape != "lower" or len(parts) != 2 or tok.key in self.words:
            return False
        if any(not p.isalpha() or len(p) < 2 or (p in _NOT_NAMES and p not in self.firsts) or p in _MONTH_NAMES
               or p in _DAY_NAMES or p in KINSHIP_ROLE_WORDS or p in _HOW_WORDS for p in parts):
            return False
        return any(p in self.firsts for p in parts) and all(p in self.firsts or p in self.words for p in parts)

    def _inflected(self, tok: _Tok) -> bool:
        """A word's inflected form the word list leaves out ("lives", "visits", "moved", "staying"): a verb or a plural
        after a name ("her uncle rhys lives with them"), not the name's second part."""
        key = tok.key
        stems = [key[:-1], key[:-2]] if key.endswith("s") else [key[:-2], key[:-1]] if key.endswith("ed") else (
            [key[:-3], key[:-3] + "e"] if key.endswith("ing") else [])
        return any(len(st) > 2 and st in self.words and st not in self.firsts for st in stems)

    def _fondly_named(self, text: str, tok: _Tok) -> bool:
        """Whether a given name ``tok`` that is an English word comes after a pet word ("little", "lil", "wee", "baby",
        "big", "young", "our") and before the verb it is the subject of: a child called so ("Little Jay was only six",
        "Our Jay was the eldest", "little mo cried"); not after an article, where the pet word describes ("a little
        rose grew"), nor a month, nor, after "our" or in lower case, a word of what is hoped or meant ("Our Hope was
        that ...", "little hope was offered"; "Little Grace was only four" is the child).  In lower case only after a
        word of smallness ("little jay was"; "our bill was paid", "big mark was left" are the words)."""
        pet = _PET_WORD_BEFORE_RE.search(text, max(0, tok.start - 24), tok.start)
        word = fold(pet.group()).strip() if pet is not None else ""
        return (pet is not None and (tok.shape == "cap" or word in ("lil", "little", "wee", "baby"))
                and _SUBJECT_VERB_AFTER_RE.match(text, tok.end) is not None and tok.key not in _MONTH_NAMES
                # "Little Grace was only four" is the child; "Our Hope was", "little hope was offered" the words
                and not (tok.key in _ABSTRACT_GIVEN_NAMES and (tok.shape != "cap" or word == "our")))

    def _word_name(self, tok: _Tok) -> bool:
        """A first name that is a word ("grace", "jade"), alone or doubled with a word ("river-jay")."""
        return tok.key in self.word_names or self._word_double(tok)

    def _count_noun(self, tok: _Tok, *, enclosed: bool = False) -> bool:
        """An ordinary word that may be a surname: a singular count noun of the word list, no function word, adverb or
        role ("marsh", "brook"; not "care", "however", "too", "everyone", "sister"); set off on both sides, where an
        aside names a person, a singular mass noun too ("the nurse (frost) came in", "her sw, ash, is great"), but not a
        service's ("(housing)", "(support)")."""
        key = tok.key
        return (key in self.words and len(key) > 2 and _surname_like(key) and key not in _SERVICE_WORDS
                and key not in _HOW_WORDS
                and (not bare_word(key) or enclosed and (not key.endswith("s") or key.endswith("ss")))
                and key not in KINSHIP_ROLE_WORDS and key not in _TITLES and key not in _NOT_SUBJECTS)

    def _joinable(self, text: str, a: _Tok, b: _Tok) -> bool:
        gap = text[a.end : b.start]
        return gap in (" ", "\t", "  ") or (a.shape == "initial" and gap in ("", " "))

    @staticmethod
    def _cell_boundary(text: str, a: _Tok, b: _Tok) -> bool:
        """Whether a table's cell ends between ``a`` and ``b``: a tab between them, or the end of a line that holds a
        tab, a table's row ("Name\tRelationship\nJane Okafor\tMother")."""
        gap = text[a.end : b.start]
        if "\t" in gap:
            return True
        if "\n" not in gap:
            return False
        line_start = text.rfind("\n", 0, a.start) + 1
        return "\t" in text[line_start : a.start]

    def _name_in_two_cells(self, run: list[_Tok], tok: _Tok) -> bool:
        """Whether a one-word ``run`` and ``tok`` in the next cell are a name's given name and surname, in either order,
        as a register's columns part them ("Jane\tBaker", "OKAFOR\tJane"): one a first name, the other a surname that
        reads as a word or a word no list knows that is no post, and neither a relation nor a title (not "Jane\tMother",
        "Jane\tDr")."""
        if len(run) != 1 or run[0].shape == "initial" or tok.shape not in ("cap", "caps"):
            return False

        def given(t: _Tok) -> bool:
            return t.key in self.firsts or t.key in self.participant_parts

        def surname(t: _Tok) -> bool:
            if t.key in KINSHIP_ROLE_WORDS or t.key in _TITLES:
                return False
            return (t.key in self.surnames or t.key in self.participant_parts
                    or self._unknown(t) and not _job_word(t.key))

        return given(run[0]) and surname(tok) or given(tok) and surname(run[0])

    def _candidate(self, tok: _Tok, first: bool) -> bool:
        if tok.shape == "caps" and _ACRONYM_PLURAL_RE.fullmatch(tok.text) and tok.key not in self.participant_parts:
            # an acronym's plural ("IROs", "VSHs", "QSWs") is never a name's word, even after a capitalised word
            # opening the sentence ("Two IROs left.", "Many VSHs said so." read as a given name and a surname)
            return False
        if tok.shape in ("cap", "caps"):
            if tok.key in _TITLES or tok.key.endswith("s") and tok.key[:-1] in _TITLES and tok.key not in self.surnames:
                return False  # "Dr", "Inspector"; a title's plural, "His Majesty's Inspectors Jane Okafor"
            return not (tok.key in self.public or tok.key in _NEVER) or tok.key in self.participant_parts
        if tok.shape == "initial":
            return tok.text.rstrip(".") not in ("A", "I") or tok.text.endswith(".")
        # lower case: a known name that is not an ordinary word; a kinship word ("her nan", "my mam") is the relation
        # unless a participant is called by it
        known = (tok.key in self.firsts or tok.key in self.proper) and tok.key not in KINSHIP_ROLE_WORDS
        if tok.key in _TITLES and tok.key not in self.participant_parts:
            return False  # "sgt bell came", "supt okafor said": the rank or title, then the name
        if not first and not known and self._inflected(tok):
            return False  # "her uncle rhys lives with them": a verb after the name
        return (known or tok.key in self.participant_parts) and not self._ordinary(tok)

    def _surname_word(self, text: str, run: list[_Tok], tok: _Tok) -> bool:
        """A vocabulary word used as a surname after a first name ("Anthony May", not "in May 2013")."""
        if tok.shape == "lower" and run[-1].shape == "lower" and run[-1].key in self.firsts:
            # "jane baker", "jane okafor": after a first name in lower case, a surname that reads as a word, or no word
            if (tok.key not in self.surnames and (self._inflected(tok) or tok.key in _PAST_WORDS)
                    and _SURNAME_ENDS_RE.match(text, tok.end) is None):
                return False  # "her uncle rhys lives with them", "my brother kai hit me": a verb after the name
            return tok.key in self.surnames or self._unknown(tok) or _surname_like(tok.key)
        if tok.shape == "caps" and run[-1].shape == "caps" and (tok.key in _TITLES or tok.key in _SURNAME_WORDS) and (
                run[-1].key in self.firsts or tok.key in _SURNAME_WORDS and self._unknown(run[-1]) and _pronounceable(run[-1].key)):
            return True  # "TOM BISHOP", "JANE NURSE", "JORDAN HILL": a title or place word after a first name in capitals
        if tok.shape != "cap" or not (self._known(run[-1]) or run[-1].key in self.proper) or re.match(r"[ \t]*,?[ \t]*\d", text[tok.end : tok.end + 4]):
            return False
        # a place or body as a surname ("Sophie Wales") only after a first name that is no ordinary word
        return tok.key in _SURNAME_WORDS or (tok.key in _TITLES and run[-1].key in self.firsts) or (
            tok.key in self.public and run[-1].key not in self.word_names and run[-1].key not in self.participant_word_parts)

    def _run(self, text: str, toks: list[_Tok], i: int) -> list[_Tok]:
        """The longest run of name-like words starting at token ``i`` (particles inside only)."""
        if (not self._candidate(toks[i], True) and not self._given_term(text, toks, i)
                and not self._public_surname_first(text, toks, i)
                or toks[i].key in _PARTICLES and toks[i].shape == "lower"):
            return []
        run = [toks[i]]
        k = i + 1
        while k < len(toks) and len(run) < 6:
            prev, tok = toks[k - 1], toks[k]
            if not self._joinable(text, prev, tok) and not (
                # a sign-off ends at its line's end: the next line is read whole (:meth:`_signed_line`), not as a name
                # wrapped ("Thanks\nHope this helps")
                _WRAP_RE.match(text[prev.end : tok.start]) and prev.key not in _SIGN_OFF_WORDS and (
                    tok.shape == "cap" and (self._known(tok) or self._unknown(tok) or tok.key in self.surnames)
                    # "jane\nsmith": after a first name in lower case, a surname in lower case on the next line
                    or tok.shape == "lower" and prev.shape == "lower" and prev.key in self.firsts
                    and not self._ordinary(prev) and (self._unknown(tok) or tok.key in self.surnames))
            ):
                break
            if self._cell_boundary(text, prev, tok) and not self._name_in_two_cells(run, tok):
                break  # "Jane Okafor\tMother\tF": a table's cell ends the name; the next cell is another field
            if tok.key in _PARTICLES and k + 1 < len(toks) and self._joinable(text, tok, toks[k + 1]) and toks[k + 1].shape in ("cap", "caps"):
                run += [tok, toks[k + 1]]
                k += 2
                continue
            if self._post_nominals(text, toks, k, run):
                break  # "Jane Okafor C.B.E.", "Jane Okafor QC": the honour's or the degree's letters, no name's
            if not self._candidate(tok, False) and not self._surname_word(text, run, tok) and not self._title_surname(
                    text, toks, run, k):
                break
            if tok.shape == "lower" and run[-1].shape != "lower" or tok.shape == "caps" and self._function_word(tok):
                break  # "JOHN WAS HERE": a name ends before a function word or common verb in capitals
            run.append(tok)
            k += 1
        # capitalised words no name's after a name, that open a body's or a post's name in capitals ("Jane Okafor
        # Senior Democratic Services Manager", "Tania Brennick Overview & Scrutiny Support Officer"): the post's
        # (never the word after a first name or an initial, a surname's place: "Rose Hill Children's Services")
        if k < len(toks) and self._post_after(text, toks, k):
            self._pop_post_words(run)
        # a post's word, capitalised, after a surname or a word no list knows is the post the person holds, not their
        # name's ("N. Toms Counsel for the local authority", "Jane Okafor Solicitor for the mother"); never a surname
        # that is a word ("Tom Baker", "Jane Cook") nor a title, which a first name alone may carry as its surname
        posts = len(run)
        while (len(run) >= 2 and self._post_word_after(text, run[-2], run[-1])
               and run[-2].key not in self.firsts and run[-2].shape in ("cap", "caps")
               and any(t.shape == "initial" or self._known(t) or self._unknown(t) or t.key in self.surnames
                       for t in run[:-1])):
            run.pop()
        if len(run) < posts:
            self._pop_post_words(run)  # the words that open the post ("Jane Okafor Vice Chair", "... Sub-Committee Chair")
        # a trailing initial belongs to the name only with its dot ("John S."), or right after a known first name
        # ("Tom B said", "JANE S"; not "A", "I": "Tom I think")
        while run and run[-1].shape == "initial" and (len(run) == 1 or not run[-1].text.endswith(".")) and not (
                len(run) >= 2 and run[-2].key in self.firsts and run[-2].shape in ("cap", "caps")
                and run[-1].text not in ("A", "I")):
            run.pop()
        return run

    def _post_nominals(self, text: str, toks: list[_Tok], k: int, run: list[_Tok]) -> int:
        """How many tokens from ``k`` are the letters of an honour, an office or a degree after the name ``run`` (or
        after such letters after it), 0 if none (:data:`_POST_NOMINALS`: "Jane Okafor C.B.E.", "Dr Jane Okafor Ph.D.",
        "Jane Okafor JP DL"). Two letters follow a name of two words or one after a title only, as a surname alone is
        followed by its initials in a citation ("Okafor JP, Smith K"); letters before a name's word are its initials
        ("Tom Wood, J.P. Smith")."""
        if k == 0 or k >= len(toks) or not any(t.shape != "initial" for t in run):
            return 0
        m = _POST_NOMINAL_RE.match(text, toks[k].start)
        if m is None or not _POST_NOMINAL_GAP_RE.fullmatch(text, toks[k - 1].end, toks[k].start):
            return 0
        if (len(re.sub(r"[^A-Za-z]", "", m.group())) == 2 and sum(t.shape != "initial" for t in run) < 2
                and self._position(text, run[0].start) != "title"):
            return 0
        count = sum(1 for t in toks[k:] if t.start < m.end())
        nxt = toks[k + count] if k + count < len(toks) else None
        if (nxt is not None and text[m.end() : nxt.start] == " " and nxt.shape in ("cap", "initial")
                and _POST_NOMINAL_RE.match(text, nxt.start) is None
                and (self._known(nxt) or self._unknown(nxt) or nxt.key in self.surnames)):
            return 0
        return count

    def _given_term(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether a capitalised public term that is a given name too opens a name, before a capitalised surname or a
        word no list knows ("Reg Hookway said"; "the Reg number", "Reg Plate" stay the term's)."""
        tok, nxt = toks[i], toks[i + 1] if i + 1 < len(toks) else None
        return (tok.shape == "cap" and tok.key in self.public and tok.key in self.firsts and nxt is not None
                and nxt.shape == "cap" and self._joinable(text, tok, nxt)
                and (nxt.key in self.surnames or self._unknown(nxt)))

    def _public_surname_first(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether a public term that is a surname too (:data:`_SURNAME_WORDS`, no month), in capitals opening a
        sentence, is a surname written first before a given name in title case, as registers, minutes and police
        records write it ("GREEN Tom attended.", "HALL Jane was arrested"): the given name no ordinary word, or the
        name ending there, before a stop, a person's verb or what is done only to a person ("GREEN Tom was arrested";
        "NEW Ruby was launched", "NEW Hope for families", "NEW Hope was founded", "GREEN
        Paper" stay the words; "new", "may" are no surname opening a sentence)."""
        tok, nxt = toks[i], toks[i + 1] if i + 1 < len(toks) else None
        return (tok.shape == "caps" and tok.key in _SURNAME_WORDS and tok.key not in _MONTH_NAMES
                and not self._closed_word(tok) and nxt is not None
                and nxt.shape == "cap" and nxt.key in self.firsts and text[tok.end : nxt.start] == " "
                and _sentence_initial(text, tok.start)
                and (not self._ordinary(nxt) or _STOP_AFTER_RE.match(text, nxt.end) is not None
                     or _PERSON_VERB_AFTER_RE.match(text, nxt.end) is not None
                     or _DONE_TO_PERSON_RE.match(text, nxt.end) is not None))

    def _pop_post_words(self, run: list[_Tok]) -> None:
        """Take off the end of ``run`` the ordinary capitalised words, no first name, surname or listed name's part,
        that open a post or a body's name after it, keeping a name's words: two after a first name or an initial, one
        after a surname or a word no list knows ("Rose Hill Children's Services" keeps "Rose Hill")."""
        head = run[0]
        keep = (2 if self._known(head) or head.shape == "initial" else 1 if self._unknown(head) or head.key in self.surnames
                else 0)
        while len(run) > keep and run[-1].shape == "cap" and self._ordinary(run[-1]) and not self._known(run[-1]) and (
                run[-1].key not in self.surnames):
            run.pop()

    def _title_surname(self, text: str, toks: list[_Tok], run: list[_Tok], k: int) -> bool:
        """Whether a title's word, capitalised, right after a first name (or a word no list knows) alone and before no
        other name's word, is the surname: no title follows the name it goes with ("Tania Lord said", "Grace Bishop,
        Tom Judge and ..."; not a relation's or a role's word, "Aunty", "Nurse", which may follow a name as the role)."""
        tok = toks[k]
        if len(run) != 1 or tok.shape != "cap" or tok.key not in _TITLES or tok.key in KINSHIP_ROLE_WORDS:
            return False
        if run[0].shape != "cap" or not (run[0].key in self.firsts or self._known(run[0]) or self._unknown(run[0])) or (
                run[0].key in _NOT_NAMES and run[0].key not in self.participant_parts):
            return False
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        return nxt is None or nxt.shape not in ("cap", "caps", "initial") or not self._joinable(text, tok, nxt)

    def _post_after(self, text: str, toks: list[_Tok], k: int) -> bool:
        """Whether the word at ``k``, capitalised, goes on a run of capitalised words as a public term of a body or a
        post ("... Services Manager", "... Agency"), or after "&" or "and" as a capitalised ordinary word that is no
        name ("... & Scrutiny Support Officer")."""
        tok = toks[k]
        if tok.shape != "cap" or not self._joinable(text, toks[k - 1], tok) and not re.fullmatch(
                r"[ \t]+(?:&|and)[ \t]+", text[toks[k - 1].end : tok.start]):
            return False
        return self._public(tok) and tok.key not in self.firsts and tok.key not in self.surnames or (
            text[toks[k - 1].end : tok.start].strip() in ("&", "and") and self._ordinary(tok) and not self._known(tok)
            and tok.key not in self.surnames)

    def _position(self, text: str, start: int) -> str | None:
        """'title', 'intro', 'kin' or None: what stands right before ``start``."""
        before = text[max(0, start - 40) : start]
        # a title's initials before the surname are the person's too ("dr k j vraznick", "cllr t. pemberwick")
        if (initials := _title_initials(before)) is not None:
            before = before[: initials.start()]
        m = re.search(r"(\p{L}[\p{L}\-]*)(\.?)[ \t]*(,?)[ \t]*(?:\r?\n[ \t]*)?\Z", before)  # a line may wrap after it
        if m and "\t" in before[m.end(1) :] and self._field_cell(text, start):
            m = None  # "Jane Okafor\tSister\tLeeds": a title's cell before a place's, another field ("Dr\tBaker" a name)
        if m:
            w = fold(m.group(1))
            if w in _TITLES and (m.group(1)[:1].isupper() or w in _LOWER_TITLES):
                return "title"
            if w == "miss" and _MISS_AS_TITLE_BEFORE_RE.search(before, 0, m.start()):
                return "title"  # "the teacher, miss o'leary, noticed", "miss o'leary noticed": not the verb
            if w in KINSHIP_ROLE_WORDS and not m.group(2) and m.group(1)[:1].islower():
                return "kin"
        if _NAMED_BEFORE_RE.search(before) and (word := _WORD_AT_RE.match(text, start)) is not None and (
                _job_word(fold(word.group()))):
            return None  # "the Named Nurse said", "Named Doctor for Safeguarding": a safeguarding post, no one named
        if _STRONG_INTRO_RE.search(before):
            return "intro"
        if ((label := _NAME_LABEL_BEFORE_RE.search(before)) and (word := _WORD_AT_RE.match(text, start)) is not None
                and ((w := fold(word.group())) in self.firsts or w not in self.words)
                and w not in self.places and w not in self.public
                # a person's label is a speaker's too ("Parent: Will they be told?"): a word there is a name where
                # the field ends after it or a surname follows ("Father: Peter", "Mother: Grace (32)")
                and (label.group("owner") is None or w not in self.words
                     or _FIELD_END_AFTER_RE.match(text, word.end()) or _CAPITAL_NEXT_RE.match(text, word.end()))):
            return "intro"  # "Name: John", "Father: Peter"; not "Father: Deceased"
        if ((role := _ROLE_LABEL_BEFORE_RE.search(before)) is not None and self._role_word(role.group("role"))
                and (word := _WORD_AT_RE.match(text, start)) is not None and fold(word.group()) in self.firsts
                and fold(word.group()) not in self.places
                and (_FIELD_END_AFTER_RE.match(text, word.end()) or _CAPITAL_NEXT_RE.match(text, word.end()))):
            # a role opening a line of minutes or a list, its colon, and a given name closing the field ("Class
            # teacher: Hazel.", "Chair: Joy", "SW: Will (duty)"): the one who holds it; not "Mum: Will be late"
            return "intro"
        if _INTRO_RE.search(before):
            return "weak"
        return None

    def _role_word(self, word: str) -> bool:
        """Whether ``word`` names a role a person holds: a job's, a post's or a relation's (:func:`_job_word`), or one
        who does a thing that English makes with "-er" of a verb it holds ("taker", "keeper", "writer": "Minute
        taker:"); no public term ("Order"), nor an "-er" word that is a verb itself, its "-ed" or "-ing" English, a
        word of its own and no agent's ("Number", "Matter", "Corner": "numbered"; "Engineer" is one, its "-eer" an
        agent's)."""
        w = fold(word)
        return _job_word(w) or (len(w) >= 5 and w.endswith("er") and w in self.words and w not in self.public
                                and (w[:-1] in self.words or w[:-2] in self.words) and w not in _NOT_NAMES
                                and (w.endswith("eer") or f"{w}ed" not in self.words and f"{w}ing" not in self.words))

    def _field_cell(self, text: str, start: int) -> bool:
        """Whether the cell at ``start`` holds a place the study names or a public term, a field of its own after a
        title's cell ("Sister\tLeeds"), no surname the title's cell would go with ("Dr\tBaker")."""
        cell = fold(re.match(r"[^\t\n]*", text[start:]).group().strip())
        return cell not in self.participant_parts and (cell in self.places or cell in self.public)

    def _heading_words(self, run: list[_Tok]) -> int:
        """How many words in capitals open ``run`` as a heading's before a name in title case, 0 if none: ordinary
        English words, no first name nor listed name's part ("OVERVIEW REPORT Jane Okafor", "EXECUTIVE SUMMARY Jane
        Okafor said": the heading, then the name); one alone that is a surname is the name's, written first in capitals
        as police records write it ("BAKER Jane was arrested", "OKAFOR Jane": no English word), as is an acronym ("NHS
        Jane Okafor" is judged whole, as before)."""
        k = 0
        while k < len(run) and run[k].shape == "caps":
            k += 1
        if k == 0 or k == len(run) or run[k].shape not in ("cap", "initial"):
            return 0
        if any(not self._ordinary(t) or self._known(t) or t.key in self.participant_parts for t in run[:k]):
            return 0
        return 0 if k == 1 and self._written_surname(run[0]) else k

    def _opening_word(self, run: list[_Tok]) -> bool:
        """Whether the first word of ``run``, opening a sentence, is the sentence's, an ordinary word no list knows as a
        name ("Yesterday Jane Okafor said"), and not a surname written first in capitals before a name in title case,
        as registers, minutes and police records write it ("BAKER Jane was arrested", "SMITH Tom")."""
        head = run[0]
        if not self._ordinary(head) or self._known(head):
            return False
        return not (head.shape == "caps" and self._written_surname(head) and len(run) > 1 and run[1].shape == "cap")

    def _written_surname(self, tok: _Tok) -> bool:
        """Whether ``tok`` is a surname that reads as a word, or a public term that is one too (no month: "GREEN Tom",
        "HALL Jane" open a run only as :meth:`_public_surname_first` allows)."""
        return tok.key in self.surnames or tok.key in _SURNAME_WORDS and tok.key not in _MONTH_NAMES

    def _judge(self, text: str, toks: list[_Tok], i: int, run: list[_Tok]) -> Span | None:
        if head := self._heading_words(run):
            i, run = i + head, run[head:]  # a heading's words in capitals before the name are the heading's
        words = [t for n, t in enumerate(run) if t.shape != "initial" and (n == 0 or t.key not in _PARTICLES)]
        start, end = run[0].start, run[-1].end
        if not words:
            return self._initials(text, run)
        if len(run) == 1 and self._lower_given_peoples_word(text, run[0]):
            return Span(start, end, "name")  # "christian doesn't want to go home", "christian's teacher said"
        if self._vehicle_make(text, run) and (_VEHICLE_KIND_AFTER_RE.match(text, end) is not None
                                              or _OWNED_BEFORE_RE.search(text, max(0, start - 40), start) is None):
            # "a black audi was parked outside", "the Peugeot", "he has a peugeot van": the vehicle (a make alone owned
            # is a belonging, "he drives a porsche")
            return None
        if len(run) == 1 and run[0].shape == "lower" and self._peoples_plural(run[0]):
            return None  # "christians are welcome": the people
        if (len(run) == 1 and words[0].key.rstrip(".") in _MONTH_SHORT
                and (re.match(r"\.?[ \t]*,?[ \t]*\d", text[end:]) or _DAY_NUMBER_BEFORE_RE.search(text, max(0, start - 8), start))):
            return None  # "in Jun 2019", "3 Sept": a month
        position = self._position(text, start)
        if (position == "intro" and _CELL_BEFORE_RE.search(text, max(0, start - 4), start)
                and all(self._ordinary(t) and not self._known(t) and t.key not in self.surnames for t in words)):
            return None  # "Surname\tForename\tDOB": a table's heading after a label's cell, no name given
        initial_sentence = _sentence_initial(text, start)
        caps = all(t.shape == "caps" for t in words)
        lower = all(t.shape == "lower" for t in words)
        known = [t for t in words if self._known(t)]
        unknown = [t for t in words if self._unknown(t)]
        liked = _LIKES_INTO_BEFORE_RE.search(text, max(0, start - 40), start) is not None
        if liked and all(self._ordinary(t) and not self._known(t) for t in words):
            return None  # "he's into Little Mix", "she's into Match of the Day": a thing liked, in ordinary words
        # a person liked is a name, never the place "into" would make of it ("she's into Jayden Okafor", "into Taylor
        # Swift": a singer and a child's crush are written alike)
        if (position == "title" and len(words) >= 2 and _job_word(words[-1].key) and not known
                and all(self._ordinary(t) and t.key not in self.surnames for t in words)):
            return None  # "Tom Bishop Vice Chair": a post in ordinary words after a title's word that is a surname
        kind = "place" if (not liked and _PLACE_BEFORE_RE.search(text[max(0, start - 20) : start]) and not known
                           and not (len(words) == 1 and words[0].key in _COMMUNITY_GIVEN_NAMES)
                           and not _PERSON_OBJECT_BEFORE_RE.search(text[max(0, start - 30) : start])
                           and not self._person_after_of(text, run, words)
                           and not self._family_after_the(text, run)) else "name"

        if caps:
            if position == "title" and all(self._closed_word(t) for t in words):
                return None  # "THE BISHOP SAID", "I MET BISHOP TODAY": a common word after a title used as a noun
            if (tail := next(k for k in range(len(run), 0, -1) if k == 1 or not self._closed_word(run[k - 1]))) < len(run):
                # words of the sentence after the name: "I MET JANE TODAY", "MRS OKAFOR CALLED ON TUESDAY"
                run, end = run[:tail], run[tail - 1].end
                words = [t for t in words if t.end <= end]
                if not words:
                    return None
            if ((words[0].key in self.word_names or words[0].key in self.participant_word_parts)
                    and not any(self._known(t) for t in words[1:]) and _ARTICLE_BEFORE_RE.search(text[max(0, start - 10) : start])):
                return None  # "RANG THE BELL TODAY", "A WILL WAS FOUND": a listed word after an article is the word
            listed = [t for t in words if t.key in self.participant_word_parts]
            if (position is None and listed and all(t.key not in self.firsts for t in listed)
                    and all(self._ordinary(t) and not self._known(t) and t.key not in self.surnames
                            for t in words if t.key not in self.participant_word_parts)
                    and (titled := text.title()) and len(titled) == len(text)
                    and all(listed_word_in_a_term(titled, t.start, t.end, self.participant_parts) for t in listed)):
                return None  # "CHILDRENS SOCIAL CARE SERVICES", "THE YOUTH WORK TEAM" with Will Care, Will Work listed
            # Capitals are mostly acronyms: a name needs a list, a name position or a proper-noun pair.
            strong = [t for t in words if (t.key in self.firsts and (len(t.key) > 2 or len(words) > 1))
                      or t.key in self.participant_parts]
            proper = [t for t in words if t.key in self.proper and t.key not in self.public]
            if position == "kin" and len(run) == 1 and abbreviates_noun_before(text, start, run[0].text):
                return None  # "Designated teacher, DT, said": the role's own letters set off after it, no person
            if strong or position in ("title", "kin", "intro") or (len(words) >= 2 and proper):
                # ordinary words in capitals before the name are the sentence's ("IS CALLED JORDAN HILL", "SAW JANE")
                lead = next((t for t in run if not self._ordinary(t) or self._known(t) or t.key in self.surnames
                             or t.key in self.participant_parts), run[0])
                return Span(lead.start, end, "name")
            # Words in capitals that are no English word and do not read as an acronym (long, with vowels).
            spoken = [t for t in words if self._unknown(t) and _pronounceable(t.key)]
            # one of five letters only shaped as a given name is ("RE: KACEY"; not "CAMHS")
            if spoken and (len(words) >= 2 or len(spoken[0].key) >= 6
                           or len(spoken[0].key) == 5 and _given_name_shaped(spoken[0].key)
                           and not _defined_acronym(text, spoken[0].text)):
                return Span(start, end, "name")
            if len(run) == 1 and self._caps_initials(text, toks, i, position, initial_sentence):
                return Span(start, end, "name")  # "JS who rang me", "I spoke to JS about it", "KM, the team manager"
            if (len(words) == 1 and len(run) == 1 and (proper or words[0].key in self.surnames) and len(words[0].key) >= 4
                    and any(c in "aeiouy" for c in words[0].key) and self._spoken_of(text, start, end, position, initial_sentence)):
                return Span(start, end, "name")  # "MCDONALD said", "I told MASON about it"
            return None
        if lower:
            if len(run) == 1 and words[0].key in _MONTH_NAMES and (
                    _TIME_BEFORE_RE.search(text, max(0, start - 12), start) or re.match(r"[ \t]*,?[ \t]*\d", text[end:])
                    or (_ARTICLE_BEFORE_RE.search(text, max(0, start - 8), start)
                        and re.match(r"[ \t]+\p{Ll}{3,}", text[end:]))):
                return None  # "in april 2013", "since june", "the 30th june", "the april meeting": the month
            if (len(run) > 1 and words[0].key in _MONTH_NAMES and _ARTICLE_BEFORE_RE.search(text, max(0, start - 8), start)
                    and all(self._ordinary(t) and not self._known(t) and t.key not in self.surnames for t in run[1:])):
                return None  # "the june review", "the april figures": the month before what is of it
            if len(run) == 1 and words[0].key.removesuffix("s") in _DAY_NAMES:
                return None  # "on tuesdays", "see you monday": the day
            if len(run) == 1 and words[0].key in ("am", "pm") and _FIGURE_BEFORE_RE.search(text, max(0, start - 4), start):
                return None  # "at 6:20 pm", "2-4 pm": the time of day
            if len(run) == 1 and words[0].key in communities() and position not in ("title", "kin", "intro"):
                return None  # "it's irish", "the family is irish": a nation's word that is a given name too
            return Span(start, end, kind) if (known or unknown) else None

        if position in ("title", "intro") or (position == "kin" and not words[0].shape == "lower"):
            return Span(start, end, "name")
        if len(run) == 1 and words[0].key.endswith("s") and words[0].key[:-1] in _DAY_NAMES:
            return None  # "on Saturdays", "Tuesdays are busy": the day, every week
        if (len(run) == 1 and words[0].shape == "cap" and self._known(words[0])
                and (initial_sentence or _CLAUSE_OPEN_RE.search(text, max(0, start - 12), start))
                and (_ROLE_CLOSED_AFTER_RE.match(text, end) is not None or _role_letters_after(text, end)
                     or _AGE_CLOSED_AFTER_RE.match(text, end) is not None)):
            return Span(start, end, "name")  # "Hope (mum) was tearful", "Faith (SW) visited", "Rose (7) found": hers
        if self._place_and_acronym(words):
            return None  # "Leeds CSC said no": a place's body, the place found as one
        if (len(run) == 1 and not self._known(words[0]) and words[0].key not in self.participant_parts
                and text[end : end + 1] not in ("'", "’")  # "he ate Zorbina's lunch": the owner is a person
                and _CONSUMED_BEFORE_RE.search(text, max(0, start - 16), start)):
            return None  # "he drinks Vimto all day", "she smokes Mayfair": what is drunk, eaten or smoked, no person
        if (len(words) > 1 and words[0].key in communities()
                and all(self._ordinary(t) and not self._known(t) for t in words[1:])
                and not self._given_name_and_surname(words)):
            return None  # "the Irish Sea", "the Welsh Government": a nation's word before ordinary words names no one
        if len(run) == 1 and self._field_label(text, run[0]):
            return None  # "Referrer: Ofsted", "Referrer: Jane Smith": a form's label for a role, no speaker's name
        if len(run) == 1 and self._peoples_word(text, run[0]):
            return None  # "Irish dancing", "Christian values", "The family are Roma.": said of people, no name
        if len(run) == 1 and self._community_before_body(text, toks, i + 1, words[0]):
            return None  # "the Scottish Government said", "the Irish Office": the run stopped before the public term
        if self._branded_goods(text, run):
            return None  # "we got a Chloe handbag", "his Jordan trainers": a brand that is a first name, on goods
        if self._made_thing(text, run):
            return None  # "they came in a Corsa", "a Vauxhall Corsa": a make or a model, no person
        if (len(run) == 1 and unknown and not known and run[0].key not in self.surnames
                and not _given_name_shaped(run[0].key) and text[end : end + 2] not in ("'s", "’s")
                and _VENUE_BEFORE_RE.search(text, max(0, start - 80), start)):
            return None  # "Venue: Westfields", "Committee Suite 1,2 & 3, Westfields, ...": a meeting's building
        if unknown:
            # A single sentence-initial capitalised word that is ordinary English is trimmed off.
            if initial_sentence and len(run) > 1 and self._opening_word(run):
                return Span(run[1].start, end, kind)
            return Span(start, end, kind)
        if known and all(t.key in self.participant_word_parts and t.key not in self.firsts
                         and listed_word_in_a_term(text, t.start, t.end, self.participant_parts) for t in known):
            return None  # "Social Care said", "Youth Work matters" with Will Care, Will Work listed: a thing's name
        if known:
            if self._named_cause(text, run):
                return None  # "the Poppy Appeal", "the Daisy Fund": a cause named by a word that is a given name too
            if (len(words) > 1 and all(self._ordinary(t) and t.key not in self.firsts for t in words)
                    and re.search(r"\bthe[ \t]+\Z", text[max(0, start - 5) : start], re.IGNORECASE)):
                return None  # "the Lion King", "the Green Mile": a title of ordinary words after "the", no first name
            if (len(words) == 2 and words[0].key in self.word_names and words[1].key in _THING_NOUNS
                    and words[1].key not in self.participant_parts
                    and re.search(r"\bthe[ \t]+\Z", text[max(0, start - 5) : start], re.IGNORECASE)):
                return None  # "the Mark Scheme", "the Hope Project": a given name that is a word before the noun of
                # an organisation's work, after "the": a thing's name (not "the Mark Brown", "the Tom Bishop case")
            if len(words) > 1:
                if initial_sentence and self._opening_word(run):
                    rest = run[1:]
                    return Span(rest[0].start, end, "name") if rest else None
                return Span(start, end, "name")
            tok = words[0]
            word_like = tok.key in self.word_names or tok.key in self.participant_word_parts
            if not word_like:
                return Span(start, end, "name")
            if tok.key in self.firsts and len(run) == 2 and run[0] is tok and run[1].shape == "initial" and run[1].text[:1].isupper():
                return Span(start, end, "name")  # "Tom B.", "Will K": a given name and a surname's initial
            if ((re.match(r"^[ \t]*,?[ \t]*\d", text[end:]) and not self._listed_child(text, tok))
                    or re.search(r"\d(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?\Z", text[:start])):
                return None  # "May 2013", "3 June"; not "Kai 8, Lily 6 and Ruby 2"
            if self._listed_child(text, tok):
                return Span(start, end, "name")
            if tok.key in _MONTH_NAMES and _MONTH_TIME_BEFORE_RE.search(text, max(0, start - 12), start):
                return None  # "his exams are in May", "since May": the month
            if tok.key not in self.firsts and ends_title_case(text, start, end, self.participant_parts):
                return None  # "Match of the Day", "Mother's Day": a title's or a holiday's word
            after = text[end : end + 40]
            if initial_sentence and _PERFECT_AFTER_RE.match(after) and tok.key not in self.firsts and bare_word(tok.key):
                return None  # "Wood had been used", "Work has been done": a word used without an article, no person
            if initial_sentence and tok.key not in self.firsts and passive_said(text, end, not bare_word(tok.key)):
                return None  # "Time agreed for the next visit": a passive, the minute's "was" left out, the word's
            if (_SPEECH_AFTER_RE.search(after) and not initial_sentence or _ACTION_AFTER_RE.search(after)
                    or tok.key in self.firsts and (_FROM_A_SERVICE_PERSON_RE if initial_sentence and self._ordinary(tok)
                                                   else _FROM_A_SERVICE_RE).match(text, end)):
                return Span(start, end, "name")
            if tok.key in self.firsts and self._fondly_named(text, tok):
                return Span(start, end, "name")  # "Little Jay was only six", "Our Jay was the eldest"
            if tok.key in self.firsts and said_of_person(tok.key, text, end):
                return Span(start, end, "name")  # "Grace was great.", "And Hope was lovely", "Jack's great"
            if tok.key in self.firsts and (_AND_OWN_KIN_AFTER_RE.match(text, end) and tok.key not in _MONTH_NAMES
                                           or _KIN_OWNED_AFTER_RE.match(text, end)):
                # "Sunny and his sister Noor were on plans", "Rose's brother Mark": a blood relation's, a person's
                return Span(start, end, "name")
            if position in ("weak",) and not initial_sentence:
                return Span(start, end, "name")
            prev = re.search(r"([\p{L}]+)[ \t]+\Z", text[max(0, start - 30) : start])
            nxt = _WORD_RE.match(text, end + 1) if end < len(text) and text[end] == " " else None
            if noun_after_determiner(text, start, end):
                return None  # "the Will to live", "lost the Will.": an article's or a possessive's noun, capitalised
            if (not initial_sentence and prev is not None and prev.group(1)[0].islower()
                    and not (nxt and nxt.group()[:1].isupper() and fold(nxt.group()) in _NEVER)):
                return Span(start, end, "name")
            if (len(run) == 1 and tok.key in self.surnames
                    and self._spoken_of(text, start, end, position, initial_sentence)):
                return Span(start, end, "name")  # a first name that is a surname too, so spoken of ("the head (Mason) was")
            return None
        if position == "kin" and len(words) == 1 and not initial_sentence and words[0].key not in _NEVER:
            return Span(start, end, "name")
        if self._word_surname_after_post(text, run):
            return Span(run[-1].start, end, "name")  # "Social Worker Smith visited": the surname, not the post
        if len(words) == 1 and words[0].key in self.surnames and (
            run[0].shape == "initial" or len(run) == 1 and self._spoken_of(text, start, end, position, initial_sentence)
        ):
            return Span(start, end, "name")  # "J. Smith", "J Smith"; "Mason said"
        if len(run) == 2 and self._initial_and_word(text, run):
            return Span(start, end, "name")  # "N. Toms said": an initial with its dot before a word is a name's form
        return None

    def _word_surname_after_post(self, text: str, run: list[_Tok]) -> bool:
        """Whether ``run`` is a capitalised post ending in a worker's word and one capitalised English word after it
        that is the holder's surname: a surname that reads as a word ("Social Worker Smith visited", "Youth Worker
        Baker was brilliant", "I rang Social Worker Turner"), or another word before what a person does ("Youth Worker
        Hedge rang me"); never a word of what follows it ("Key Worker Young people") nor a word of the post's own
        ("Social Worker Training", "the Social Worker Health Check")."""
        *post, tok = run
        if (not post or tok.shape != "cap" or self._public(tok) or self._known(tok) or not _job_word(post[-1].key)
                or any(t.shape != "cap" or not self._ordinary(t) or self._known(t) or t.key in self.surnames for t in post)):
            return False
        does = (_ACTION_AFTER_RE.match(text, tok.end) or _SPEECH_AFTER_RE.match(text[tok.end :])
                or _PERSON_VERB_AFTER_RE.match(text, tok.end)) is not None
        if tok.key not in self.surnames:
            return does and not _job_word(tok.key)
        nxt = _NEXT_WORD_RE.match(text, tok.end)
        return does or nxt is None or fold(nxt.group("w")) in _NOT_NAMES or fold(nxt.group("w")) in _CLOSED_TAIL

    def _initial_and_word(self, text: str, run: list[_Tok]) -> bool:
        """Whether an initial with its dot before a capitalised word (no public term, place or month) is a name's form
        whatever the word's other senses ("N. Toms said", "the report by N. Toms"), unless the context makes the
        letter a label that ends a sentence: after a word that is no function word, verb, role or title ("Plan B.
        Toms were sold", "vitamin D. Books", "an A. Books"), the pronoun "I" after a word ("so did I. Books"), a transcript's
        "A." or "Q." opening a line ("A. Staff were supported"), or a letter of an outline whose other lines open with
        letters so ("A. Background\nB. Findings")."""
        initial, word = run
        letter = initial.text[:-1]
        if (initial.shape != "initial" or not initial.text.endswith(".") or len(letter) != 1 or word.shape != "cap"
                or self._public(word) or word.key in _MONTH_NAMES or word.key in _DAY_NAMES
                or text[initial.end : word.start] != " "):
            return False
        prev = re.search(r"(\p{L}+)[ \t]+\Z", text[max(0, initial.start - 40) : initial.start])
        if prev is not None:
            w = fold(prev.group(1))
            if letter == "I" or w in ("a", "an", "the") or not (w in _NOT_NAMES or w in _TITLES or _job_word(w) or w in KINSHIP_ROLE_WORDS
                                     or _PERSON_OBJECT_BEFORE_RE.search(prev.group(1))
                                     or _INTRO_RE.search(prev.group(1))):
                return False
        line_start = text.rfind("\n", 0, initial.start) + 1
        if not text[line_start : initial.start].strip() and (letter in "AQ" or any(
                m.start() != initial.start for m in _OUTLINE_LETTER_RE.finditer(text))):
            return False  # a transcript's answer or question ("A. Staff were supported"), an outline's letter
        return True

    def _named_cause(self, text: str, run: list[_Tok]) -> bool:
        """Whether a run after "the" is an appeal's, a fund's, a campaign's or a charity's name: words that are given
        names and English words both, none a listed participant's nor a surname, then the word for the cause ("the
        Poppy Appeal", "the Daisy Fund"); a given name that is no word ("the Jayden Fund") or a surname in it ("the
        Poppy Okafor Appeal", "the Mason Fund") names a person, as a listed name does."""
        *named, cause = run
        return (bool(named) and cause.shape == "cap" and cause.key in _CAUSE_WORDS
                and all(t.shape == "cap" and t.key in self.word_names and t.key not in self.participant_parts
                        and t.key not in self.surnames for t in named)
                and _THE_BEFORE_RE.search(text, max(0, run[0].start - 5), run[0].start) is not None)

    def _made_thing(self, text: str, run: list[_Tok]) -> bool:
        """Whether a run is a thing made and sold: a make and its model ("Vauxhall Corsa", "Nissan Qashqai"), or one
        capitalised word no list knows after "a" or "an" ("a Corsa", "an Astra"), which a person's name never follows."""
        if run[0].key in _VEHICLE_MAKES and 2 <= len(run) <= 3 and not any(self._known(t) for t in run[1:]):
            return True
        start = _coloured_from(text, run[0].start)  # "a silver Corsa", as "a Corsa"
        if (run[0].key not in self.proper and run[0].key not in communities()
                and (one := _ONE_OF_FAMILY_BEFORE_RE.search(text, max(0, start - 30), start)) is not None
                and (one.group("subject") is None or (subject := fold(one.group("subject"))) not in _NOT_NAMES
                     and (subject not in self.words or subject in self.firsts or subject in self.participant_parts))):
            return False  # "she's a Hebblethwaite", "he married an Okafor": one of a family (not "a Capricorn", "a Geordie")
        return (len(run) == 1 and run[0].shape == "cap" and not self._known(run[0])
                and _INDEFINITE_BEFORE_RE.search(text, max(0, start - 4), start) is not None
                and _CAPITAL_A_BEFORE_RE.search(text, max(0, start - 40), start) is None)

    def _branded_goods(self, text: str, run: list[_Tok]) -> bool:
        """Whether a run is one capitalised word, no listed participant's, after an article or a possessive and before
        a word for goods ("a Chloe handbag", "her Jordan trainers", "a Barbie doll"): a brand, which a first name may
        be; a person's name stands before no such word ("the Smith case" and "the Jones family" are no goods)."""
        tok = run[0]
        return (len(run) == 1 and tok.shape == "cap" and tok.key not in self.participant_parts
                and (owner := _OWNER_OR_ARTICLE_BEFORE_RE.search(text, max(0, tok.start - 8), tok.start)) is not None
                and owner.group().split()[0].lower() != "our"  # "our Jordan bike": a family's Jordan, in the north
                and _GOODS_AFTER_RE.match(text, tok.end) is not None)

    def _organisation(self, text: str, run: list[_Tok]) -> bool:
        """Whether a run of one or two words after "a" or "an", no listed participant's, names an organisation by the
        word for one after it ("a Russell Group university", "an Ellis Trust grant", "a russell group uni"): "a" stands
        before no person's name, and "group" or "trust" there makes the name the organisation's ("a group with Russell",
        "Russell's group" and "the Russell group" are not so read)."""
        words = run[:-1] if len(run) > 1 and run[-1].key in _ORGANISATION_WORDS else run
        return (len(words) <= 2 and not any(t.key in self.participant_parts for t in words)
                and _INDEFINITE_BEFORE_RE.search(text, max(0, run[0].start - 4), run[0].start) is not None
                and (words is not run or _ORGANISATION_AFTER_RE.match(text, run[-1].end) is not None))

    @staticmethod
    def _firm(text: str, run: list[_Tok]) -> bool:
        """Whether a run of capitalised words ends in, or stands before, a company's legal suffix: a firm's name, though
        named after its founders ("instructed by Irwin Okafor LLP", "Okafor Brennick Ltd")."""
        return run[-1].key in _FIRM_SUFFIXES or _FIRM_AFTER_RE.match(text, run[-1].end) is not None

    def _vehicle_make(self, text: str, run: list[_Tok]) -> bool:
        """Whether a run is a vehicle's make, perhaps with its model, where a vehicle stands (:data:`_VEHICLE_BRANDS`):
        after an article, an owner or a colour ("a black audi was parked on the drive", "dad sold the Peugeot", "he
        came on his yamaha"), or before a word for a vehicle ("a peugeot van"); a make is no person's name there,
        though a list of names holds it.  An owner alone makes no vehicle of a make that is a given name ("his harley";
        "the harley" is the motorbike), nor anything of a listed participant's name."""
        tok = run[0]
        if (len(run) > 3 or tok.key not in _VEHICLE_BRANDS or any(t.key in self.participant_parts for t in run)
                or any(self._known(t) and t.key not in _VEHICLE_BRANDS for t in run[1:])):
            return False
        if _VEHICLE_KIND_AFTER_RE.match(text, run[-1].end) is not None:
            return True
        start = _coloured_from(text, tok.start)
        # the colour's words may open with the article or the owner ("the black Audi", "his red yamaha")
        opening = _LEADING_WORD_RE.match(text, start)
        cuts = (start, opening.end()) if opening is not None and opening.end() < tok.start else (start,)
        if any(_VEHICLE_ARTICLE_BEFORE_RE.search(text, max(0, cut - 8), cut) is not None for cut in cuts):
            return True
        return tok.key not in self.firsts and any(
            _VEHICLE_OWNER_BEFORE_RE.search(text, max(0, cut - 30), cut) is not None for cut in cuts)

    def _owned_make(self, text: str, run: list[_Tok]) -> bool:
        """Whether a run is one capitalised make or brand no first name (a make of vehicles, a proper noun or no word)
        after a word of owning, driving or wearing and "a" (see :data:`_OWNED_BEFORE_RE`)."""
        tok = run[0]
        start = _coloured_from(text, tok.start)
        return (len(run) == 1 and tok.shape == "cap" and not self._known(tok)
                and (tok.key in _VEHICLE_MAKES or tok.key in self.proper or self._unknown(tok))
                and _OWNED_BEFORE_RE.search(text, max(0, start - 16), start) is not None
                and _VEHICLE_KIND_AFTER_RE.match(text, tok.end) is None)  # "has a Peugeot van": a van of a make

    def _place_and_acronym(self, words: list[_Tok]) -> bool:
        """Whether a run is a place's name and short capitals no list knows ("Leeds CSC", "Kirklees EDT"): the body of
        that place, not a person; a name word beside them ("Okafor CSC", "Jane KM") makes it a name."""
        acronyms = [t for t in words if t.shape == "caps" and len(t.key) <= 4 and not self._known(t)]
        rest = [t for t in words if t not in acronyms]
        return bool(acronyms and rest) and all(t.key in self.places for t in rest)

    def _caps_initials(self, text: str, toks: list[_Tok], i: int, position: str | None, initial_sentence: bool) -> bool:
        """Whether a word of two or three capitals is a person's initials ("JS", "KM"): no acronym of the shipped
        lexicons (LGA, MASH, IRO), no word (IT, US), none the text spells out, and standing where a person does:
        set off beside a role ("KM, the team manager,", "the team manager, KM, said", "JAS, our social worker"),
        before "who" ("JS who rang me") or a relative ("JS's daughter"), and two capitals before a verb of saying
        or doing ("KM said") or after a verb that takes a person at the end of a phrase ("spoke to JS about it", "I
        told KM.") - three there are mostly a body's ("CSC said", "I rang NCT about it") - not after an article or a place ("the LGA said", "Leeds CSC said"), nor among
        other words in capitals, nor where the role spells the letters out ("IRO, the independent reviewing
        officer")."""
        tok = toks[i]
        letters = tok.text
        # letters that spell a short word ("AB", "AL") are initials only as a case note's subject or object
        worded = not self._initials_shape(letters)
        if worded and not self._initials_shape(letters, words=True):
            # a function word's letters ("NO", "AS") only as an action's owner opening a minute's line or item
            return self._function_letters_as_owner(tok, text)
        if any(0 <= k < len(toks) and toks[k].shape == "caps"
               and not text[min(toks[k].end, tok.end) : max(toks[k].start, tok.start)].strip() for k in (i - 1, i + 1)):
            return False  # "REASON FOR DECISION": a heading in capitals
        if _defined_acronym(text, letters):
            return False  # an acronym the text spells out
        after = text[tok.end : tok.end + 60]
        if after[:1] in ("'", "’"):
            return _FAMILY_AFTER_RE.match(after) is not None  # "JS's daughter"; not "KCC's services"
        before = text[max(0, tok.start - 40) : tok.start]
        if _SIGNED_BEFORE_RE.search(before) and re.match(r"[ \t]*(?:x+[ \t]*)?(?:\r?\n|\Z)", after, re.IGNORECASE):
            return True  # "Kind regards,\nDJ": a sign-off's initials, alone on their line
        if _INITIALS_SAID_BEFORE_RE.search(before):
            return True  # "initials AB and JS", "the initials on the form were KT, DR": said to be initials
        body = _DETERMINER_BEFORE_RE.search(before) is not None and not initial_sentence
        role = _ROLE_APPOSITION_RE.match(after)
        if role is not None:  # "KM, the team manager,"; not "IRO, the independent reviewing officer," nor the letters
            # of a longer post set off ("HCH, the head of children's homes,")
            return not (_expands(letters, role.group("role")) or abbreviates_noun_after(text, tok.end, letters)) and not body
        if (len(letters) == 2 and not worded and not body and _BODY_CLOSED_AFTER_RE.match(after)
                and _LIST_ITEM_BEFORE_RE.search(before)):
            return True  # "Attendees: AR (LA), BN (ICB)": an attendee's initials and her body, listed ("CSC (Leeds)" a body)
        if set_off_after_role(text, tok.start, tok.end):
            head = re.search(r"((?:[\p{L}\-]+[ \t]+){0,3}[\p{L}\-]+)[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*\Z", before)
            return head is None or not _expands(letters, head.group(1))
        if not body and (aged := _AGE_OPENS_BRACKET_AFTER_RE.match(after)) is not None and (
                aged.group("said") or aged.group("unit")
                or len(letters) == 2 and _CASE_NOTE_SUBJECT_RE.match(text, tok.end + aged.end()) is not None):
            # "KM (age 9, DOB ...) disclosed", "TJ (aged 6) seen", "RB (14) missing": an age is a person's, never a
            # body's; a bare number may be a count ("CSC (3)"), an age only before what a note says of a child
            return True
        if re.match(r"[ \t]+who\b", after):
            return not body  # "JS who rang me": a body is "which" or "that"
        if not body and self._initials_list(text, tok):
            return True  # "JS, KM": initials listed together, with no word of a body's, are people's
        if not body and self._case_note_person(text, tok, before, initial_sentence):
            return True  # "JT seen at A&E", "- JT not in school", "JT and sibling KB present", "Mum reported JT missing"
        if worded:
            return False
        if body or len(letters) == 3:
            return False  # three capitals before a verb or after "told" are mostly a body's ("CSC said", "I rang NCT")
        listed = _INITIALS_LISTED_RE.match(after)  # "KM and JS came", "JS, KM and TB said"
        if listed is not None and all(self._initials_shape(m) for m in re.findall(r"\p{Lu}+", listed.group())):
            after = after[listed.end() :]
        if _ACTION_AFTER_RE.search(after):
            return True
        if (initial_sentence or _CLAUSE_OPEN_RE.search(before)) and _PAST_AFTER_RE.match(after):
            return True  # "GH highlighted the progress", "then KM made the referral"
        return _PERSON_OBJECT_BEFORE_RE.search(before) is not None and _PHRASE_END_RE.search(after) is not None

    def _function_letters_as_owner(self, tok: _Tok, text: str) -> bool:
        """A function word's two capitals as a minute's action owner ("NO to circulate the dashboard"), or as an
        attendee listed before her body in brackets ("Present: AB (Chair), NO (Police)"): initials, which no name's run
        takes (:meth:`_action_owner`)."""
        if not (tok.shape == "caps" and len(tok.text) == 2 and self._initials_shape(tok.text, words=True, function=True)):
            return False
        return self._action_owner(text, tok) or (_BODY_CLOSED_AFTER_RE.match(text, tok.end) is not None
                                                 and _LIST_ITEM_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start) is not None)

    def _action_owner(self, text: str, tok: _Tok) -> bool:
        """Whether two capitals, one or more listed, open a minute's line, entry, label's value or list item before
        "to" and a verb, the action given to them, whatever word the letters spell ("NO to circulate the dashboard",
        "- AS to liaise", "Actions: IN to update ...; ON to send", "NO and AS to meet"): initials, as minutes give an
        action to a person; no letters that open a phrase ("NO to all three", "UP to date") nor any public term's."""
        if len(tok.text) != 2:
            return False
        owners = _ACTION_OWNERS_BEFORE_RE.search(text, max(0, tok.start - 60), tok.start)
        first = owners.start() if owners is not None else tok.start
        if not (_sentence_initial(text, first) or _LABEL_OR_ITEM_BEFORE_RE.search(text, max(0, first - 40), first)):
            return False
        m = _ACTION_GIVEN_AFTER_RE.match(text, tok.end)
        return (m is not None and fold(m.group("v")) not in _NOT_AN_ACTION
                and all(self._initials_shape(x, words=True, function=True)
                        for x in re.findall(r"\p{Lu}+", text[first : m.start("to")])))

    def _case_note_person(self, text: str, tok: _Tok, before: str, initial_sentence: bool) -> bool:
        """Whether initials are a case note's subject or object, a child's or a relative's: opening a clause or a dated
        entry before what a note says of a person ("JT seen at A&E", "- JT not in school", "JT and sibling KB
        present"), or after a verb of what is done to a child, the phrase ending or the child's state after them ("SW
        saw JT alone", "Mum reported JT missing").  Three capitals only before or after what a body cannot be (seen at
        a place, upset, missing from school; "CSC present", "visited CSC at" are a body's)."""
        two = len(tok.text) == 2
        after = tok.end
        # more initials after it, each no acronym unless a relation's ("JT and KB", "TW and sibling AB")
        if (also := _CASE_NOTE_ALSO_RE.match(text, after)) is not None and all(
                self._initials_shape(x.group("i")) or x.group("kin") for x in _CASE_NOTE_ALSO_ITEM_RE.finditer(also.group())):
            after = also.end()
        if initial_sentence or _CLAUSE_OPEN_RE.search(before):
            state = _CASE_NOTE_SUBJECT_RE.match(text, after)
            if state is not None and (two or state.group("person")):
                return True
        if _CASE_NOTE_OBJECT_BEFORE_RE.search(before):
            state = _CASE_NOTE_OBJECT_AFTER_RE.match(text, tok.end)
            if state is None:
                return two and _PHRASE_END_RE.search(text[tok.end : tok.end + 40]) is not None  # "visited JT at school"
            return two or state.group("person") not in ("alone", "safe", "well", "happy")
        return False

    def _initials_list(self, text: str, tok: _Tok) -> bool:
        """Whether ``tok`` is one of two or more initials listed together ("JS, KM", "JS and KM", "KM/JS"), each of
        two or three capitals that no list knows, and one of them two: bodies are listed by known acronyms or by
        three letters ("CSC, NCT")."""
        for m in _INITIALS_LIST_RE.finditer(text, max(0, tok.start - 40), min(len(text), tok.end + 40)):
            if m.start() <= tok.start and tok.end <= m.end():
                items = re.findall(r"\p{Lu}+", m.group())
                return all(self._initials_shape(x) for x in items) and any(len(x) == 2 for x in items)
        return False

    def _initials_shape(self, letters: str, words: bool = False, function: bool = False) -> bool:
        """Two or three capitals that are no acronym of the shipped lexicons, no role's letters and no word, unless
        ``words`` ("JS", "KM"; not "LGA", "IRO", "DT", designated teacher, "IT", "US"; "AB" with ``words``).  With
        ``words`` a title's or a name particle's letters will do too ("MR", "AB", "AL"): a title or a particle needs a
        name after it, and the caller has judged them a case note's subject or object, a verb or a state after.  With
        ``function`` too, a function word's ("NO", "AS"): the caller has judged them an action's owner (see
        :meth:`_action_owner`); a public term or a role's letters never ("IT to update", "HR to confirm")."""
        key = fold(letters)
        return (2 <= len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()
                and key not in self.public and letters not in role_initials() and key not in KINSHIP_ROLE_WORDS
                and (words and key in _TITLES or function or key not in _NEVER and key not in _NOT_NAMES)
                and key not in _DOTTED_COUNTRIES
                and (words or not (key in _TITLES or key in _PARTICLES or key in self.words and any(c in "aeiouy" for c in key))))

    def _initials(self, text: str, run: list[_Tok]) -> Span | None:
        """Initials with their dots ("J.S.", "J. S.", "K.L.M.") where a person stands: after a title, a kinship or
        role word or a verb that takes a person ("I told J.S. about it"), or before a verb of saying or doing or what
        is said of a person ("J.S. was the social worker"); not an abbreviation ("U.K.", "P.S. I will ring")."""
        letters = "".join(t.text.rstrip(".") for t in run)
        if len(run) < 2 or not all(t.text.endswith(".") for t in run) or is_public_word(letters) or (
                fold(letters) in KINSHIP_ROLE_WORDS):
            return None
        start, end = run[0].start, run[-1].end
        position = self._position(text, start)
        # letters that spell a word are the word's abbreviation ("a.m.", "k.m."), but letters with no vowel after a
        # verb of signing or writing a person down are initials ("initialled K.M.")
        if fold(letters) in self.words and (set(fold(letters)) & set("aeiouy") or position not in ("title", "intro", "weak")):
            return None
        initial_sentence = _sentence_initial(text, start)
        if (position in ("title", "kin", "intro", "weak") or self._spoken_of(text, start, end, position, initial_sentence)
                or said_of_person(letters, text, end) or _PERSON_AFTER_INITIALS_RE.match(text, end)):
            return Span(start, end, "name")
        return None

    @staticmethod
    def _spoken_of(text: str, start: int, end: int, position: str | None, initial_sentence: bool) -> bool:
        """Whether a lone surname that reads as a word stands where a person is spoken of.

        "Mason said", "Baker's plan", "I told Mason about it", "the chair (Brown)"
        - not "Page 4", nor a capitalised word before a noun ("with Young
        People's services").
        """
        after = text[end : end + 40]
        if text[start - 1 : start] == "(" and after[:1] == ")":
            return True
        if re.match(r"[ \t]*,?[ \t]*\d", after):
            return False
        if _ACTION_AFTER_RE.search(after) or (_SPEECH_AFTER_RE.search(after) and not initial_sentence):
            return True
        if (_SAYS_BEFORE_RE.search(text, max(0, start - 12), start) and re.match(r"[ \t]*(?:[.,;:!?)]|\Z)", after)
                and fold(text[start:end]) not in _DAY_NAMES and fold(text[start:end]) not in _MONTH_NAMES):
            return True  # "'It matters,' says Freeman.", "said Baker, the director"
        return position == "weak" and not initial_sentence and _PHRASE_END_RE.search(after) is not None
