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
