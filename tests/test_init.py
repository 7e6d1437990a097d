"""Every public name of the package resolves."""

import impact


def test_every_public_name_resolves():
    missing = [name for name in impact.__all__ if getattr(impact, name, None) is None]
    assert missing == []


def test_subpackages_resolve():
    for name in ("coding", "stats", "report", "privacy", "official", "synth", "qdpx", "pipeline"):
        assert getattr(impact, name).__name__ == f"impact.{name}"
