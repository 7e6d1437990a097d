"""The redactor's lazily compiled patterns under the oldest ``regex`` setup.cfg allows (2023.3.22).

``make test-min`` found that regex 2023 refuses ``'(?-f)'`` (turning off full case folding) where the flag is already
off, VERSION0, so every analysis that redacted failed there ("bad inline flags: cannot turn flags off"). The pattern
then compiles as given: under VERSION0 it folds simply already. Simulated here by a ``regex.compile`` that refuses the
prefix as the old module does."""

from __future__ import annotations

import regex

from impact.privacy._lexicon import lazy_compile


def test_a_pattern_compiles_where_regex_refuses_to_turn_off_full_case_folding(monkeypatch):
    real = regex.compile

    def old_regex(pattern, flags=0, *args, **kwargs):
        if isinstance(pattern, str) and pattern.startswith("(?-f)") and not flags & regex.VERSION1:
            raise regex.error("bad inline flags: cannot turn flags off", pattern, 5)
        return real(pattern, flags, *args, **kwargs)

    monkeypatch.setattr(regex, "compile", old_regex)
    pattern = lazy_compile(r"\bsocial worker\b", regex.IGNORECASE)
    found = [m.group(0) for m in pattern.finditer("The SOCIAL WORKER and a Social Worker rang.")]
    # independently: the same words found by Python's re, which folds simply
    import re

    assert found == re.findall(r"\bsocial worker\b", "The SOCIAL WORKER and a Social Worker rang.", re.IGNORECASE)
    assert found == ["SOCIAL WORKER", "Social Worker"]
