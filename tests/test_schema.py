"""The format reference in docs/ is generated from impact.schema and must stay equal to it."""

from pathlib import Path

from impact import schema, vocab

DOC = Path(__file__).resolve().parents[1] / "docs" / "study-format.md"


def test_docs_study_format_is_current():
    # Regenerate with: python -c "import impact.schema as s; open('docs/study-format.md','w').write(s.format_reference())"
    assert DOC.read_text() == schema.format_reference()


def test_every_vocabulary_named_by_a_column_exists():
    names = set(schema.BASE_VOCABULARIES) | {"statuses", "waves", "survey_items"}
    for t in schema.TABLES.values():
        for c in t.columns:
            assert c.vocabulary is None or c.vocabulary in names, (t.name, c.name)
            assert c.type in {"id", "text", "date", "int", "float", "list"}
    assert set(vocab.STATUSES) == set(vocab.STATUS_KINDS)


def test_id_problem_fast_path_agrees_with_the_three_checks():
    # id_problem returns None at once for printable ASCII; the three checks it stands for must agree on every such
    # character, alone and in ids, and still name what is not ASCII or not printable.
    import random

    ascii_ = [chr(i) for i in range(32, 127)]
    rng = random.Random(7)
    samples = ascii_ + ["".join(rng.choices(ascii_, k=rng.randint(1, 12))) for _ in range(2_000)]
    for text in samples:
        assert schema.id_problem(text) is None
        assert (schema.hidden_characters(text), schema.compatibility_forms(text), schema.mixed_scripts(text)) == (
            None, None, None), repr(text)
    for odd in ("P1\t", "P\u04301", "\uff302", "P\u200b1", "P1\x7f"):  # a tab, Cyrillic a, full-width P, ZWSP, DEL
        assert schema.id_problem(odd) is not None, repr(odd)
