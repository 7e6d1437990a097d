"""Rebuild the name-suggestion-index part of ``impact/_data/privacy/public_names.txt``.

Reads a checkout of the name-suggestion-index (https://github.com/osmlab/name-suggestion-index, BSD 3-Clause) and
a file of given names and surnames (one a line; the lists of Faker's ``en_*`` person providers were used, MIT), and
prints the brands and charities (not the nurseries, schools, clinics and hospitals a child or patient attends) the index sets in the United Kingdom (``gb``, its four nations)
that are safe to keep as public names: no word of one is a given name or a surname (impact's lists, the names file,
impact's surnames that are words), nor two or three capitals that could be initials ("JD Sports"), and no one-word
name SCOWL writes capitalised (a surname as often as a brand: "Dunlop", "Graff"; those of national scope are written
into the list by hand).

    python -m bench.build_public_names NSI_DIR NAMES_FILE > names.txt
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

from impact.privacy._lexicon import (
    english_words,
    fold,
    folded_first_names,
    proper_nouns,
    surname_words,
)

_UK = {"gb", "gb-eng", "gb-wls", "gb-sct", "gb-nir"}
# Settings a child or a patient attends by its branch ("she goes to Busy Bees" is her nursery, a place): left out.
_ATTENDED = ("amenity/childcare", "amenity/kindergarten", "amenity/school", "amenity/prep_school", "amenity/college",
             "amenity/university", "amenity/clinic", "amenity/hospital", "amenity/doctors", "amenity/dentist",
             "amenity/social_facility", "amenity/social_centre", "healthcare/")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def brands(nsi: pathlib.Path) -> set[str]:
    """The brand names the index sets in the United Kingdom or worldwide."""
    found = set()
    for path in sorted((nsi / "data" / "brands").rglob("*.json")):
        if path.relative_to(nsi / "data" / "brands").as_posix().startswith(_ATTENDED):
            continue
        for item in json.loads(path.read_text(encoding="utf-8")).get("items", []):
            include = {str(x).lower() for x in item.get("locationSet", {}).get("include", []) if isinstance(x, str)}
            name = item.get("tags", {}).get("brand") or item.get("tags", {}).get("name")
            if name and include & _UK:
                found.add(name)
    return found


def safe(name: str, people: frozenset[str]) -> bool:
    """Whether ``name`` is capitalised and holds no word that names people or could be initials."""
    words = _WORD_RE.findall(name)
    if not words or len(name) < 4 or not name[0].isupper():
        return False
    for w in words:
        key = re.sub(r"['’]s\Z", "", fold(w))
        if key in people or (w.isupper() and len(w) <= 3):
            return False
    if len(words) > 1:
        return True
    key = fold(words[0])
    # a one-word plural or possessive of a word no dictionary holds in lower case is how a family is named ("the
    # Taylors", "Bayne's"): left out, as a surname's
    stem = re.sub(r"(?:['’]s|s)\Z", "", key)
    return key not in proper_nouns() and (stem == key or stem in english_words() and stem not in people)


def main(argv: list[str]) -> int:
    nsi, names_file = pathlib.Path(argv[0]), pathlib.Path(argv[1])
    people = frozenset({fold(n) for n in names_file.read_text(encoding="utf-8").split()}
                       | folded_first_names() | surname_words())
    for name in sorted(n for n in brands(nsi) if safe(n, people)):
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
