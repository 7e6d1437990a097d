"""Sixteenth red-team round (partial): a date of birth with its month in Roman numerals between spaces.

Round 15 closed "born 3.iv.2011" (separators); "born 3 iv 2011" still leaked its digits. A Roman-numeral month (other
than January's lone "i", which between two numbers reads as the pronoun) between a day and a full year is a date;
numbered parts of a text ("section 3 ii 2019") stay.
"""

from __future__ import annotations

from . import _rounds

test_a_roman_numeral_month_between_spaces_is_a_date = _rounds.gone([
    ("she was born 3 iv 2011 at the general", ["3", "iv", "2011"], "[date of birth]"),  # before: "3 iv 2011" kept
    ("his dob is 14 XI 2009", ["14", "XI", "2009"], "[date of birth]"),
    ("born on 2 vii 2012, she was tiny", ["vii", "2012"], "[date of birth]"),
    ("d.o.b. 30 ix 2008", ["30", "2008"], "[date of birth]"),
    ("we first met him on 21 x 2019 at the door", ["21", "2019"], "[date]"),
])


test_numbered_parts_and_pronouns_stay = _rounds.kept([
    "at 5 I 2015 had already gone",  # the pronoun, not January
    "section 3 ii 2019 of the act applies",
    "see paragraph 4 iv 2018 for the guidance",
    "born 3 ivy 2011",  # no month
    "we met 3 times in 2011",
])
