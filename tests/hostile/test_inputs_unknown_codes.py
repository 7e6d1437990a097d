"""A name a table or codebook does not know, refused one way everywhere (compat2).

Old: four checks refused a code the study, the panel or the codebook lacked, each in its own words ("the study does
not have", "the panel does not hold", "is not in the codebook", "and in no coding"), none suggesting the code meant;
`quotes(codes=[unknown])` and `character_agreement(codes=[unknown])` gave an empty table, read as "nobody said so";
the statistics' input check called every non-numeric column that converts to numbers "numbers written as text", an
object column of True and 2 too.
"""

from __future__ import annotations

import random
import string

import pandas as pd
import pytest

from impact.errors import InputError


def _misspelt(code: str, rng: random.Random) -> str:
    """``code`` with one letter inside it swapped for its neighbour (a typing slip difflib should trace back)."""
    i = rng.randrange(1, len(code) - 2)
    return code[:i] + code[i + 1] + code[i] + code[i + 2:]


# One message for every holder: the argument, the count, the holder, each unknown code, the close match suggested and
# the known codes listed.  The misspelling is drawn from the codes the shared tiny study has, not fixed.
@pytest.mark.parametrize("site", ["framework_matrix", "council_panel", "intervention_effects", "quotes"])
def test_every_refusal_of_an_unknown_code_names_it_suggests_the_close_one_and_lists_the_known(tiny_coded, site):
    import impact

    t = tiny_coded
    coded_codes = sorted(t.coded["code"].unique())
    held = sorted(t.people["code"].unique()) if site == "intervention_effects" else coded_codes
    rng = random.Random(f"compat2-{site}")
    meant = rng.choice([c for c in held if len(c) >= 6])
    typo = _misspelt(meant, rng)
    assert typo not in t.book.code_ids
    calls = {
        "framework_matrix": lambda: impact.framework_matrix(t.study, t.coded, segments=t.segments, codebook=t.book,
                                                            codes=[meant, typo]),
        "council_panel": lambda: impact.council_panel(t.study, t.coded, segments=t.segments, codebook=t.book,
                                                      codes=[meant, typo]),
        "intervention_effects": lambda: impact.intervention_effects(t.people, codes=[meant, typo]),
        "quotes": lambda: impact.quotes(t.coded, t.study, segments=t.segments, codes=[meant, typo]),
    }
    with pytest.raises(InputError) as caught:
        calls[site]()
    message = str(caught.value)
    assert message.startswith("`codes` has 1 code not in "), message
    assert f": {typo!r} (did you mean {meant!r}" in message, message
    listed = message.split(" - expected codes of ")[1]
    assert meant in listed and typo not in listed


# The known names are listed up to a stated limit and the rest counted, never a wall of every code.
def test_the_known_names_are_listed_up_to_the_limit_and_the_rest_counted():
    from impact._joins import UNKNOWN_SHOWN, refuse_unknown

    rng = random.Random("compat2-limit")
    known = sorted({"".join(rng.choices(string.ascii_lowercase, k=8)) for _ in range(UNKNOWN_SHOWN + 17)})
    with pytest.raises(InputError) as caught:
        refuse_unknown("codes", ["0"], known, "the panel")
    message = str(caught.value)
    assert str(known[:UNKNOWN_SHOWN]) in message
    assert known[UNKNOWN_SHOWN] not in message
    assert f"and {len(known) - UNKNOWN_SHOWN} more ({len(known)} in all)" in message
    assert "did you mean" not in message  # '0' is like none of them
    many = [str(i) for i in range(UNKNOWN_SHOWN + 5)]  # as many unknown names are cut off the same way
    with pytest.raises(InputError) as caught:
        refuse_unknown("codes", many, known, "the panel")
    message = str(caught.value)
    assert message.startswith(f"`codes` has {len(many)} codes not in the panel: ")
    assert f"'{UNKNOWN_SHOWN - 1}' and 5 more - expected codes of " in message and f"'{UNKNOWN_SHOWN}'" not in message


# Old: quotes(codes=[unknown]) was an empty table.
def test_quotes_refuse_a_code_in_no_coding_and_not_in_the_codebook(tiny_coded):
    from impact import quotes

    t = tiny_coded
    with pytest.raises(InputError, match=r"`codes` has 1 code not in any coding or in the codebook 'nfer_impacts' "
                                         r"\(pass `codebook` if the codings were made with another\): 'no_such_code'"):
        quotes(t.coded, t.study, segments=t.segments, codes=["no_such_code"])


# guard: a code of the codebook that nobody coded is a legitimate empty answer, with the codebook given or not.
@pytest.mark.parametrize("with_book", [False, True])
def test_guard_quotes_of_a_codebook_code_nobody_coded_are_empty(tiny_coded, with_book):
    from impact import quotes

    t = tiny_coded
    unused = sorted(set(t.book.code_ids) - set(t.coded["code"]))[0]
    out = quotes(t.coded, t.study, segments=t.segments, codes=[unused], **({"codebook": t.book} if with_book else {}))
    assert out.empty and list(out.columns)[:2] == ["code", "council_id"]


def _spans(code: str, n: int, rng: random.Random) -> pd.DataFrame:
    return pd.DataFrame({"unit": [f"I{i}:1" for i in range(n)], "code": code,
                         "start": [rng.randrange(0, 20) for _ in range(n)], "end": [rng.randrange(30, 60) for _ in range(n)]})


# Old: character_agreement with a code no coder used had no row for it, without a word.  Decided: an error naming the
# code (there is no coded text to agree on, so no row could hold a value), with the codes the coders used.
def test_character_agreement_refuses_a_code_no_coder_used_naming_it():
    from impact import character_agreement

    rng = random.Random("compat2-spans")
    a, b = _spans("morale", 6, rng), _spans("morale", 6, rng)
    kept = character_agreement({"ann": a, "bob": b}, codes=["morale"], metrics=["percent_agreement"])
    assert list(kept["code"]) == ["morale"] and kept["n_units"].iloc[0] > 0
    with pytest.raises(InputError, match=r"`codes` has 1 code not in any coder's spans \(agreement on characters .*\): "
                                         r"'learning' - expected codes of \['morale'\]"):
        character_agreement({"ann": a, "bob": b}, codes=["morale", "learning"], metrics=["percent_agreement"])


# Old: an object column holding True and 2 was "numbers written as text"; so were Python ints and an empty column.
@pytest.mark.parametrize("values, said", [
    ([True, 2, 0, 1, True, 0, 1, 2], r"it mixes true/false values \(True \(row 0\)\) and numbers held as Python "
                                     r"objects \(2 \(row 1\)\) in one object column"),
    ([1, 0, 1, 1, 0, 0, 1, 0], r"it holds numbers held as Python objects \(object dtype; 1 \(row 0\)\): convert it "
                               r"first, data\['y'\] = pd.to_numeric\(data\['y'\]\)"),
    ([True, False, None, True, False, True, False, True], r"it holds true/false values \(object dtype; True \(row 0\)\)"
                                                          r": convert it first, data\['y'\] = data\['y'\]"
                                                          r"\.astype\('boolean'\)"),
    ([None] * 8, r"it holds no value \(object dtype, every cell missing\)"),
])
def test_an_object_outcome_that_converts_to_numbers_is_refused_with_its_true_reason(values, said):
    from impact import stats

    data = pd.DataFrame({"council_id": [str(i) for i in range(8)], "status": ["a"] * 4 + ["b"] * 4,
                         "y": pd.Series(values, dtype=object)})
    with pytest.raises(ValueError, match=r"'y' given as `outcome` must be numeric or boolean, but " + said) as caught:
        stats.compare_groups(data, outcome="y", group="status")
    assert "written as text" not in str(caught.value)
