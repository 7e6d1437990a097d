"""The documentation in docs/ cannot drift: the CLI reference is regenerated
from the parsers and compared, and every relative link must resolve."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(DOCS.glob("*.md"))
# [text](target) and ![alt](target), not inside inline code; the target ends at
# whitespace or ")" (an optional "title" is ignored).
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")


def _generator():
    spec = importlib.util.spec_from_file_location("make_cli_reference", DOCS / "make_cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _links(text: str) -> list[str]:
    text = INLINE_CODE.sub("", FENCE.sub("", text))
    return LINK.findall(text)


@pytest.mark.skipif(sys.version_info[:2] != (3, 11),
                    reason="docs/cli.md is generated with Python 3.11's argparse; other versions lay out help differently")
def test_cli_reference_is_generated_from_the_parsers():
    expected = _generator().render()
    actual = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is out of date: run `.venv/bin/python docs/make_cli_reference.py`"


def test_cli_reference_lists_every_command():
    from impact.cli import build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in sub.choices if f"## impact {name}\n" not in text]
    assert not missing


def test_link_finder():
    text = "See [the guide](user-guide.md#coding), ![fig](img/a.png \"t\"), `[x](not-a-link.md)`, [web](https://x.org).\n```\n[y](fenced.md)\n```\n"
    assert _links(text) == ["user-guide.md#coding", "img/a.png", "https://x.org"]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_relative_links_resolve(page):
    broken = []
    for target in _links(page.read_text(encoding="utf-8")):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # http:, https:, mailto: ... and anchors within the page
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not (page.parent / path).exists():
            broken.append(target)
    assert not broken, f"{page.name}: links to missing files: {broken}"


def test_docs_pages_exist():
    names = {p.name for p in PAGES}
    assert {"index.md", "user-guide.md", "methods.md", "cli.md", "study-format.md", "codebook-format.md"} <= names


def test_readme_states_the_coders_measured_validity():
    # The README's figures for the default coder are those of its one scoring on the frozen test parts
    # (impact/_data/validity/nfer_impacts.json, written by `python -m bench.coder_validity`): they cannot go stale.
    import json

    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    data = json.loads((DOCS.parent / "impact" / "_data" / "validity" / "nfer_impacts.json").read_text(encoding="utf-8"))
    coder = data["coders"][data["default"]]
    micro = next(s for s in coder["scores"] if s["code"] == "micro")
    said = re.search(r"On (\d+) real sentences\s+from (\d+) public documents.*?micro-F1 (\d\.\d\d)\s+\(precision "
                     r"(\d\.\d\d), recall (\d\.\d\d)\) and leaves (\d+)% of impact-free", readme, re.S)
    assert said, "the README no longer states the coder's measured validity"
    assert [int(said.group(1)), int(said.group(2))] == [data["corpus"]["n_sentences"], data["corpus"]["n_documents"]]
    assert micro["n_units"] == data["corpus"]["n_sentences"]
    assert [float(x) for x in said.group(3, 4, 5)] == [round(micro[k], 2) for k in ("f1", "precision", "recall")]
    assert int(said.group(6)) == round(100 * coder["impact_free_uncoded_share"])
