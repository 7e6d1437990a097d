"""A byte-order mark or zero-width character in a text cell given to `Study` is held as a saved and reloaded study
gives it back: taken out, with a TrimmedTextWarning naming the table, row, column and value (load_study takes such
characters out of free text; before, a Study built in Python kept them and a save-reload changed the value)."""

from __future__ import annotations

import warnings

import pytest

from impact.study import Study, TrimmedTextWarning, load_study


def test_invisible_characters_in_free_text_are_held_as_a_reload_gives_them(tiny_study, tmp_path):
    tables = {n: tiny_study.table(n) for n in ("councils", "status_history", "reviews", "participants", "interviews",
                                               "survey_responses")}
    given = {"\ufeffBarnet": "Barnet", "Tor\u200bbay": "Torbay", "Barking\u2060 and Dagenham": "Barking and Dagenham"}
    tables["councils"]["name"] = list(given)
    texts = {t: tiny_study._transcript_text(t) for t in tiny_study.interviews["transcript"]}
    with pytest.warns(TrimmedTextWarning) as caught:
        study = Study(tiny_study.meta, tables, texts)
    said = str(caught[0].message)
    assert "3 text values" in said and "councils.csv:2:name" in said and "U+FEFF" in said
    assert study.councils["name"].tolist() == list(given.values())
    study.save(tmp_path / "saved")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        again = load_study(tmp_path / "saved")
    assert again.councils["name"].tolist() == study.councils["name"].tolist()
