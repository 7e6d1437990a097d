"""Fictional personal details for synthetic transcripts.

Names are random pairings of common UK given names and surnames.  Telephone
numbers come only from the ranges Ofcom reserves for drama and fiction
(mobiles 07700 900000-900999; geographic 0113/0114/0115/0116/0117/0118/0121/
0131/0141/0151/0161/0191 496 0000-0999, 020 7946 0000-0999, 01632 960000-960999),
so no generated number can reach a real line.  Email addresses use made-up
mailbox names; postcodes follow the real format with random sectors and units.
"""

from __future__ import annotations

__all__ = ["FIRST_NAMES", "SURNAMES", "person_name", "email_for", "phone_number", "postcode", "date_of_birth",
           "initials"]

FIRST_NAMES = (
    "Sarah Helen Claire Rachel Emma Joanne Karen Nicola Julie Lisa Amanda Michelle Louise Kate Fiona Gillian "
    "Alison Jane Catherine Rebecca Victoria Hannah Laura Natalie Zoe Rosie Priya Anita Samina Nasreen Aisha "
    "Fatima Grace Abigail Bridget Siobhan Megan Ruth Carol Denise Janet Yvonne Angela Marcia Chloe Jasmine "
    "Mark Paul David Andrew Richard Simon Stephen Peter Ian Gary Neil Martin Steve Chris Matthew James John "
    "Robert Michael Tom Daniel Ben Adam Jonathan Gareth Rhys Owen Declan Sean Patrick Imran Rajesh Sanjay "
    "Tariq Ahmed Kwame Tunde Femi Marcus Darren Wayne Lee Craig Graham Keith Alan Colin Kevin Hugh Oliver"
).split()

SURNAMES = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White "
    "Roberts Green Hall Wood Jackson Clarke Patel Khan Hughes Edwards Turner Hill Moore Lewis Harris Martin "
    "Cooper Ward Morris King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price "
    "Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller "
    "Cox Richards Khalid Ahmed Begum Hussain Singh Kaur Sharma Okafor Mensah Adeyemi Nowak Kowalski "
    "O'Brien McCarthy Gallagher Doyle Fletcher Lawson Pearce Marsh Holloway Whitfield Ashworth Pennington "
    "Threlfall Haworth Ormerod Brindley Fairclough Catterall Sowerby Blenkinsop Hebden Wainwright"
).split()

_MONTHS = ("January February March April May June July August September October November December").split()

_MOBILE = ("07700 900{n:03d}", "07700900{n:03d}", "+44 7700 900{n:03d}", "07700-900-{n:03d}")
_GEO = (
    "0113 496 0{n:03d}", "0114 496 0{n:03d}", "0115 496 0{n:03d}", "0116 496 0{n:03d}", "0117 496 0{n:03d}",
    "0118 496 0{n:03d}", "0121 496 0{n:03d}", "0131 496 0{n:03d}", "0151 496 0{n:03d}", "0161 496 0{n:03d}",
    "0191 498 0{n:03d}", "020 7946 0{n:03d}", "(020) 7946 0{n:03d}", "01632 960{n:03d}", "(0161) 496 0{n:03d}",
)

_AREAS = ("LS BD HX WF S DN M OL BL WN PR BB L CH B WV DY CV NG DE LE NN PE CB IP NR CO CM SS RM IG E N NW SE SW "
          "W BR CR KT SM TW UB HA EN BN RH GU PO SO BH SP BA BS GL EX PL TQ TA TR NE SR DH TS DL YO HU LN").split()
_UNIT = "ABDEFGHJLNPQRSTUWXYZ"

_EMAIL_DOMAINS = ("nhs.net", "hotmail.co.uk", "btinternet.com", "outlook.com", "yahoo.co.uk", "gmail.com")


def person_name(pick) -> tuple[str, str]:
    """Return a fictional ``(given, surname)`` chosen with ``pick(n) -> index``."""
    return FIRST_NAMES[pick(len(FIRST_NAMES))], SURNAMES[pick(len(SURNAMES))]


def initials(full_name: str) -> str:
    """Initials in capitals: ``"Sarah O'Brien"`` -> ``"SO"``."""
    return "".join(part[0].upper() for part in full_name.replace("-", " ").split() if part[0].isalpha())


def email_for(given: str, surname: str, council_slug: str, pick) -> str:
    """A plausible work or personal email address for a fictional person."""
    g, s = given.lower(), surname.lower().replace("'", "")
    style = pick(6)
    if style == 0:
        return f"{g}.{s}@{council_slug}.gov.uk"
    if style == 1:
        return f"{g[0]}.{s}@{council_slug}.gov.uk"
    if style == 2:
        return f"{g}{s}@{council_slug}.gov.uk"
    if style == 3:
        return f"{g}.{s}{pick(90) + 10}@{_EMAIL_DOMAINS[pick(len(_EMAIL_DOMAINS))]}"
    if style == 4:
        return f"{g[0]}{s}@{_EMAIL_DOMAINS[pick(len(_EMAIL_DOMAINS))]}"
    return f"{s}.{g}@{council_slug}.gov.uk"


def phone_number(pick) -> str:
    """A UK telephone number from the Ofcom drama ranges, in a varied format."""
    if pick(2) == 0:
        return _MOBILE[pick(len(_MOBILE))].format(n=pick(1000))
    return _GEO[pick(len(_GEO))].format(n=pick(1000))


def postcode(pick) -> str:
    """A postcode in the standard format (area, district, sector, unit)."""
    area = _AREAS[pick(len(_AREAS))]
    district = pick(29) + 1
    return f"{area}{district} {pick(10)}{_UNIT[pick(len(_UNIT))]}{_UNIT[pick(len(_UNIT))]}"


def date_of_birth(pick) -> str:
    """A date of birth between 1955 and 1992 written one of several ways."""
    year, month, day = 1955 + pick(38), pick(12) + 1, pick(28) + 1
    style = pick(4)
    if style == 0:
        return f"{day:02d}/{month:02d}/{year}"
    if style == 1:
        return f"{day} {_MONTHS[month - 1]} {year}"
    if style == 2:
        suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return f"the {day}{suffix} of {_MONTHS[month - 1]} {year}"
    return f"{day}.{month}.{str(year)[2:]}"
