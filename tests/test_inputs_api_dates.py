"""A date given to the Python API as Excel set for another country writes it (lead, stop 74).

inputs72 told such dates in a study's files ("write it as YYYY-MM-DD: 2024-03-05"); the API's date arguments
(``Study.status_at``'s ``date``, ``first_event``'s ``after``) refused them saying only that a date was expected. They
are told the ISO date meant now, the same words as in a file; an order is never guessed.
"""
import pytest

import impact
from impact.errors import InputError
from impact.official import first_event

# (written, what the message must say): year first with the characters for year, month and day (Chinese and
# Japanese Excel), with Korean ones, and in full-width digits; a day the month has not; day and month either way round
FORMS = [("2024年3月5日", "write it as YYYY-MM-DD: 2024-03-05"),
         ("2024년 3월 5일", "write it as YYYY-MM-DD: 2024-03-05"),
         ("２０２４／０３／０５", "write it as YYYY-MM-DD: 2024-03-05"),
         ("2024年2月30日", "2024-02 has no day 30"),
         ("03-05-2024", "it is 2024-05-03, but month first, as US settings write it, 2024-03-05")]


@pytest.fixture(scope="module")
def study():
    return impact.load_study(impact.example_path())


@pytest.mark.parametrize(("written", "told"), FORMS)
def test_status_at_tells_the_iso_date_meant(study, written, told):
    council = study.councils["council_id"].iloc[0]
    with pytest.raises(InputError, match="must be a date") as caught:
        study.status_at(council, written)
    assert told in str(caught.value)


@pytest.mark.parametrize(("written", "told"), FORMS)
def test_first_event_after_tells_the_iso_date_meant(study, written, told):
    with pytest.raises(InputError, match="`after` must be a date") as caught:
        first_event(study.status_history, status="improvement_notice", kind="improvement_notice", after=written)
    assert told in str(caught.value)
