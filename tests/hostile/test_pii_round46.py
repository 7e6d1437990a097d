"""Forty-sixth red-team round: round 45's open forms closed, three forms of registers and minutes, and bank details.

Round 45's open forms: a tab (a table's cell boundary) ends a name, so the cell after it is read alone ("Jane
Okafor\\tMother\\tF\\t01/02/1990" gave "[name]\\tF\\t[date]", the relation eaten into the name); so does the end of a line
that holds a tab, a table's row ("Name\\tRelationship\\nJane Baker" gave "Name\\t[name]"). A given name and a surname
in two cells, either order, are still one name ("Jane\\tBaker", "OKAFOR\\tJane"), as registers part them; a relation,
a title or a post in the next cell never joins. A relation opening a cell after a tab names the row as one opening a
line does, so its sex code after it is kept ("Kacey\\tMbeki\\tSon\\tM"). A word no list names as a person in a cell
after a name's label is a table's heading, no name ("Surname\\tForename\\tDOB"). A bound said as near is an age with no
unit too ("she was just under 13 at the time" was kept; "just under 13-years-old" was an age already).

The forms seen after it: a post's word no English list holds ("Convener", "Rapporteur", "Bailie") is no proper noun no
list knows ("Jane Okafor MSP, Convener of the Education Committee" gave "[name] MSP, [name] of the Education
Committee"; "the Convener said" gave "the [name] said"); the letters of a member of the European Parliament, the UK
Youth Parliament or the Scottish Youth Parliament follow a name as an MP's do ("Jane Okafor MYP said" gave "[name]
said"). A surname in capitals before a given name in title case, as registers, minutes and police records write it,
is the name's at a sentence's opening too ("BAKER Jane was arrested" gave "BAKER [name] was arrested"; "OKAFOR Jane",
no English word, was whole already).

The class red-teamed: bank details, as financial abuse is written up in reviews and judgments. A number after a bank's
or a card's label is an account's, never a phone's or a date ("sort code 12-34-56" gave "[date]", "account number
12345678" "[phone]"), and one the other detectors passed over is found ("sort code 123456", "sort code 12 34 56",
"building society roll number 123/456.789-0" were kept); an international bank account number that passes its check
(ISO 13616, python-stdnum) is found anywhere ("paid into GB82WEST12345698765432" was kept; "IBAN: GB33 BUKB 2020 1555
5555 55" gave "GB33 BUKB [reference]").

Real text checked for new false redactions (the pages corpus): the Scottish Parliament's Official Report and committee
letters (conveners, MSPs), council minutes with registers of attendance, a family court judgment, public SCR
summaries with ages, and banks' guidance on financial abuse naming sort codes.

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with no names listed), exact now.
_RED_TEAM = [
    # round 45's open forms
    ("Jane Okafor\tMother\tF\t01/02/1990", "[name]\tMother\tF\t[date]"),  # was '[name]\tF\t[date]'
    ("she was just under 13 at the time", "she was just under [age] at the time"),  # was kept
    # a table's cell ends a name; a given name and a surname in two cells are one
    ("Okafor\tJane\tMother", "[name]\tMother"),  # was '[name]'
    ("Name\tRelationship\nJane Baker\tMother", "Name\tRelationship\n[name]\tMother"),  # was 'Name\t[name]\tMother'
    ("Name\tRole\tOrganisation\nKacey Mbeki\tChair\tLSCB", "Name\tRole\tOrganisation\n[name]\tChair\tLSCB"),
    ("Kacey Mbeki\tSon\tM", "[name]\tSon\tM"),  # was '[name]\t[name]'
    # "Kacey" a listed first name since round 62: a given name and a surname in two cells, one name as "Jane\tBaker"
    ("Kacey\tMbeki\tSon\tM", "[name]\tSon\tM"),  # was '[name]\t[name]'
    ("Surname\tBaker", "Surname\t[name]"),  # was kept: 'Surname\tBaker' read whole as words
    # a bound said as near, with no unit
    ("he was only just over 16 when he left", "he was only just over [age] when he left"),  # was kept
    ("aged just under 13", "aged just under [age]"),  # was kept
    ("the child was just under 14, so", "the child was just under [age], so"),  # was kept
    # re-decided from round 39's kept: "aged about a year", "aged almost a year" were ages on main
    ("Baby A, aged just over a year, was admitted", "Baby [name], aged just over [age], was admitted"),  # was kept
    ("aged just over a year", "aged just over [age]"),  # was kept
    # a post's word no English list holds; the letters of the European and youth parliaments' members
    ("Jane Okafor MSP, Convener of the Education Committee",
     "[name] MSP, Convener of the Education Committee"),  # was '[name] MSP, [name] of the Education Committee'
    ("the Convener said", "the Convener said"),  # was 'the [name] said'
    ("The Convener (Jane Okafor) opened the meeting", "The Convener ([name]) opened the meeting"),  # was 'The [name] (...'
    ("Deputy Convener\n\nOur next task is to choose a deputy convener.",
     "Deputy Convener\n\nOur next task is to choose a deputy [name]."),  # was 'Deputy [name]\n\n...'
    ("CONVENER * (Central Scotland) (Con)", "CONVENER * ([place]) (Con)"),  # was '[name] * ([place]) (Con)'
    ("Jane Okafor MEP, Rapporteur", "[name] MEP, Rapporteur"),  # was '[name], [name]'
    ("Jane Okafor MYP said", "[name] MYP said"),  # was '[name] said'
    ("Kacey Mbeki MSYP, Member of the Youth Parliament",
     "[name] MSYP, Member of the Youth Parliament"),  # was '[name], Member of ...'
    ("Bailie Okafor said", "Bailie [name] said"),  # was '[name] said'
    ("the Bailie said", "the Bailie said"),  # was 'the [name] said'
    # a surname in capitals before a given name, opening a sentence
    ("BAKER Jane", "[name]"),  # was 'BAKER [name]'
    ("BAKER Jane was arrested", "[name] was arrested"),  # was 'BAKER [name] was arrested'
    ("Present: BAKER Jane, SMITH Tom", "Present: [name], [name]"),  # was 'Present: BAKER [name], [name]'
    ("COOK Jane said", "[name] said"),  # was 'COOK [name] said'
    ("YOUNG Jane said", "[name] said"),  # was 'YOUNG [name] said' with no names listed
    # bank details
    ("sort code 12-34-56, account number 12345678",
     "sort code [reference], account number [reference]"),  # was 'sort code [date], account number [phone]'
    ("Sort code: 40-47-84 Account no: 70872490", "Sort code: [reference] Account no: [reference]"),
    ("sort code 123456", "sort code [reference]"),  # was kept
    ("sort code 12 34 56", "sort code [reference]"),  # was kept
    ("s/c 12-34-56 a/c 12345678", "s/c [reference] a/c [reference]"),  # was 's/c [date] a/c [reference]'
    ("a/c no. 87654321", "a/c no. [reference]"),  # was 'a/c no. [phone]'
    ("card no 4929-1234-5678-9012", "card no [reference]"),  # was 'card no [phone]'
    ("building society roll number 123/456.789-0", "building society roll number [reference]"),  # was kept
    ("paid into GB82WEST12345698765432", "paid into [reference]"),  # was kept
    ("IBAN: GB33 BUKB 2020 1555 5555 55", "IBAN: [reference]"),  # was 'IBAN: GB33 BUKB [reference]'
]

# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("Jane\tOkafor\tMother", "[name]\tMother"),
    ("Jane\tBaker\tMother", "[name]\tMother"),  # a surname that is a word, in its own cell after a given name
    ("Jane\tBaker", "[name]"),
    ("OKAFOR\tJane", "[name]"),
    ("Surname\tForename\tDOB\nOKAFOR\tJane\t01/02/1990", "Surname\tForename\tDOB\n[name]\t[date of birth]"),
    ("Jane Okafor\tStepfather\t40", "[name]\tStepfather\t40"),
    ("Jane Okafor\tSocial Worker", "[name]\tSocial Worker"),
    ("Surname\tOkafor", "Surname\t[name]"),
    ("Forename\tJane", "Forename\t[name]"),
    ("Jane Okafor MSP said", "[name] MSP said"),
    ("OKAFOR Jane was arrested", "[name] was arrested"),
    ("OVERVIEW REPORT Jane Okafor", "OVERVIEW REPORT [name]"),
    ("MASON Kacey, aged 15", "[name], aged [age]"),
    ("she was just under 13-years-old", "she was just under [age]"),
    ("Phone us on 0345 6005 925", "Phone us on [phone]"),
]

# Kept on main as now
_KEPT = [
    "Surname\tForename\tDOB",
    "she was under 13 at the time",
    "children just under 13 cannot consent",
    "She was just over 12 minutes late",
    "Mother was also convicted of cruelty against a child under 16.",
    "the account number was not known",
    "the bank account was opened in 2019",
    "sort code and account number were given to the police",
    "her bank details for 2019-2020 were checked",
    "opening an account with a national sort code",
]

# Closed in round 47 and moved to its _RED_TEAM: a public term that is a surname in capitals before a given name ("GREEN
# Tom attended."), a title's cell before a place's ("Jane Okafor\tSister\tLeeds"), a nation's adjective before a public
# body ("the Scottish Government said").
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(38, 15, 10, 0))
