"""Tests of the quote verdict: is a redacted quote clean enough to publish?"""

import pandas as pd
import pytest

from impact.privacy import RISK_SIGNS, assess_quote, assess_quotes

CLEAN = [
    "The review gave us a real lift; [name] chaired the feedback session.",
    "The LSCB and Ofsted both noticed; Working Together 2013 shaped the plan for 2013/14.",
    "Demand has gone up since the Baby Peter case, like everywhere.",
    "We had 45,000 contacts and a [phone] helpline; call [phone].",
    "Her son [name], aged [age], lives at [address], [postcode].",
]
LEFT_OVER = {
    "digits": "Ring 7700 90012 if you need me.",
    "at_sign": "Email jo@ if you like.",
    "web": "It is on www.example-council.gov.uk now.",
    "address": "They moved to 14 Kestrel Road last year.",
    "name_position": "Her son Zorvan was at home.",
    "capitals": "OKONKWO was there.",
    "unknown_word": "I rang zebediah about it.",
    "identifier_context": "His NHS number is on the form somewhere.",
    "age": "She has a 7 year old at home.",
}


@pytest.mark.parametrize("text", CLEAN)
def test_clean_quotes_are_publishable(text):
    assert assess_quote(text) == (True, ())


@pytest.mark.parametrize("sign", RISK_SIGNS)
def test_each_sign_is_found(sign):
    ok, signs = assess_quote(LEFT_OVER[sign])
    assert not ok and sign in signs, signs


def test_example_study_quotes_are_rarely_dropped():
    # Respondent sentences of the example study after redaction: measured when
    # written, 0 of 8,489 candidate quotes (60-400 characters) dropped; here
    # the first 400 segments of length 60-400, budget 2%.
    from impact.coding.segment import segment
    from impact.study import load_study

    study = load_study("data/example")
    seg = segment(study)
    seg = seg[seg["text"].str.len().between(60, 400)].head(400)
    red, _ = redact_series_for(study, seg["text"])
    verdict = assess_quotes(red)
    assert (~verdict["publishable"]).mean() <= 0.02, verdict[~verdict["publishable"]]


def redact_series_for(study, texts):
    from impact.privacy import redact_series

    return redact_series(texts.reset_index(drop=True), names=study.participants["name"].dropna().tolist(),
                         places=study.councils["name"].tolist())


def test_assess_quotes_frame_and_errors():
    out = assess_quotes(pd.Series(["Fine.", None, "Ring 0113 496 0000."], index=["a", "b", "c"]))
    assert out["publishable"].tolist() == [True, False, False]
    assert out["risk_signs"].tolist() == ["", "missing", "digits"]
    with pytest.raises(TypeError, match="`redacted` must be a str"):
        assess_quote(3)
    with pytest.raises(TypeError, match="must be a pandas Series"):
        assess_quotes(["x"])
