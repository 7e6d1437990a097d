"""The documentation in docs/ cannot drift: the CLI reference is regenerated
from the parsers and compared, and every relative link must resolve."""

from __future__ import annotations

import importlib.util
import re
import shlex
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


# --- The docs' examples run as written (docs round 26) ------------------------------------------------------------
# Each ```python block of README.md and docs/user-guide.md is executed, in order and in one namespace, on the example
# study. What the docs leave to the reader is brought here as a reader would: a person's coding file ("ann.csv"), a
# reviewer who fills in the workbook, a project from QDA software ("project.qdpx"). The calls that run the whole main
# job (impact.run, impact.analyse, impact.build_report) are covered by tests/test_pipeline.py; here they are checked
# against their signatures only (the call as written must bind), which keeps this file cheap.

FENCED_PYTHON = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _python_blocks(path: Path) -> list[str]:
    return FENCED_PYTHON.findall(path.read_text(encoding="utf-8"))


def _binding_stub(real, calls: list, result):
    import inspect

    def stub(*args, **kwargs):
        inspect.signature(real).bind(*args, **kwargs)  # TypeError where the docs call it in a way it does not take
        calls.append(real.__name__)
        return result
    return stub


def _stub_main_job(monkeypatch) -> list:
    import impact

    calls: list = []
    for name, result in (("run", None), ("analyse", None), ("build_report", (None, None)), ("build_summary", None)):
        monkeypatch.setattr(impact, name, _binding_stub(getattr(impact, name), calls, result))
    return calls


def test_readme_tour_runs(ten_council_study, monkeypatch, tmp_path):
    import impact

    (block,) = _python_blocks(DOCS.parent / "README.md")
    monkeypatch.setattr(impact, "example_path", lambda: ten_council_study)  # a smaller study than the example
    calls = _stub_main_job(monkeypatch)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert calls == ["run"]
    panel, study = namespace["panel"], namespace["study"]
    # "one row per code x wave": the comparison the tour prints, recomputed as it says
    compared = namespace["compare_groups"](panel[panel.interviewed], outcome="share_reported", group="status_group",
                                           by=["code", "wave"], unit="council_id")
    seen = panel[panel.interviewed].groupby(["code", "wave"]).ngroups
    assert len(compared) == seen == len(impact.Codebook.nfer().code_ids) * len(study.wave_ids)
    assert {"p_value", "p_adjusted"} <= set(compared.columns)


def _fill_in_review(path) -> None:
    """A reviewer's decisions: accept every suggestion at an even row, reject the rest."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["review"]
    column = [c.value for c in sheet[1]].index("decision") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value:
            sheet.cell(row, column).value = "accept" if row % 2 == 0 else "reject"
    book.save(path)


def test_user_guide_python_blocks_run(monkeypatch, tmp_path):
    import impact
    import impact.qdpx

    blocks = _python_blocks(DOCS / "user-guide.md")
    assert len(blocks) >= 6
    calls = _stub_main_job(monkeypatch)
    real_import = impact.import_review

    def reviewed(path, **kwargs):
        _fill_in_review(path)  # "... the reviewer fills in accept / reject / other in Excel or LibreOffice ..."
        return real_import(path, **kwargs)

    monkeypatch.setattr(impact, "import_review", reviewed)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for n, block in enumerate(blocks):
        if '"ann.csv"' in block:  # a person's coding of the same segments: most of the machine's, and one more
            coded = namespace["coded"]
            impact.write_coded(coded.iloc[::3], tmp_path / "ann.csv")
        if '"project.qdpx"' in block:  # a project from QDA software, holding the person's coding
            book = namespace["codebook"]
            project = impact.qdpx.project_from_study(namespace["study"], coded_by_coder={"ann": namespace["ann_coded"]}, codebook=book)
            impact.write_qdpx(project, tmp_path / "project.qdpx")
        exec(compile(block, f"user-guide.md, block {n + 1}", "exec"), namespace)
    assert calls == ["run", "analyse", "build_report", "build_summary"]
    # what the comments say the first block gives
    study = namespace["study"]
    assert study.wave_ids == ["expectations", "early", "longer_term"]
    assert study.status_at("303", "2011-06-30")["intervention"] == "notice"
    assert set(impact.describe_study(study)) == {"councils_by_type", "status_by_wave", "interviews_by_wave", "attrition"}
    # the review loop's agreement is measured on the units the reviewer decided, as the guide says
    decisions, checked = namespace["decisions"], namespace["checked"]
    decided = set(decisions.loc[decisions["decision"].isin(["accept", "reject"]), "unit"])
    assert set(checked.dropna(subset=["value"]).query("coder == 'ann'")["unit"]) == decided


def test_user_guide_names_every_bundled_codebook():
    import impact

    text = " ".join((DOCS / "user-guide.md").read_text(encoding="utf-8").split())
    said = re.search(r"(\w+) are bundled: (.*?) \(`impact\.available_codebooks\(\)`\)", text)
    assert said, "the user guide no longer lists the bundled codebooks"
    names = re.findall(r"`(\w+)`", said.group(2))
    assert sorted(names) == impact.available_codebooks()
    words = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    assert said.group(1) == words.get(len(names), str(len(names)))
    table = (DOCS / "codebook-format.md").read_text(encoding="utf-8").split("## Bundled codebooks", 1)[1]
    assert sorted(re.findall(r"^\| `(\w+)`", table, re.MULTILINE)) == impact.available_codebooks()


def _yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```", path.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def test_yaml_examples_load(tiny_study, tmp_path):
    """The codebook and the study.yaml the format pages show load as written (every class a rule names defined)."""
    import pandas as pd

    import impact

    (block,) = _yaml_blocks(DOCS / "codebook-format.md")
    (tmp_path / "book.yaml").write_text(block, encoding="utf-8")
    book = impact.Codebook.load(tmp_path / "book.yaml")
    texts = ["There is a real buzz in the office.", "The team feel much better about it.",
             "Nothing changed for the staff.", "It put a spring in our step."]
    coded = impact.RuleCoder(book).code(pd.DataFrame({"segment_id": [f"d:{i}" for i in range(4)], "text": texts}))
    # the phrases and the near rule as the page explains them (weights 0.8 and 0.6)
    assert coded.set_index("unit")["score"].to_dict() == pytest.approx({"d:0": 0.8, "d:1": 0.6, "d:3": 0.8})

    (block,) = _yaml_blocks(DOCS / "study-format.md")
    tiny_study.save(tmp_path / "study")
    (tmp_path / "study" / "study.yaml").write_text(block, encoding="utf-8")
    study = impact.load_study(tmp_path / "study")
    assert study.name == "Longer-term impact study"
    assert study.wave_ids == ["expectations", "early", "longer_term"]


def test_run_signature_takes_the_cache_the_user_guide_gives():
    # docs/user-guide.md: "`--no-cache` or `cache=False` skips it; `cache="path"` chooses another folder"
    import typing
    from pathlib import PurePath

    import impact

    guide = " ".join((DOCS / "user-guide.md").read_text(encoding="utf-8").split())
    assert '`cache=False` skips it; `cache="path"` chooses another folder' in guide
    allowed = typing.get_args(typing.get_type_hints(impact.run)["cache"])
    assert bool in allowed and str in allowed and any(issubclass(a, PurePath) for a in allowed if isinstance(a, type))


def test_readme_and_methods_state_the_labellers_agreement():
    # The blind second labelling's Cohen's kappa per code, in the dev, test and all columns of the tables in
    # tests/data/gold/README.md and tests/data/gold2/README.md (the labellings compared are kept outside the
    # repository, so those tables are the source); the README stated "about 0.90", which no table gives.
    kappas = []
    for corpus in ("gold", "gold2"):
        text = (DOCS.parent / "tests" / "data" / corpus / "README.md").read_text(encoding="utf-8")
        rows = re.findall(r"^\| (commitment|plans_actions|learning|policies_systems|morale|partnership) \|(.*)$",
                          text, re.MULTILINE)
        assert len(rows) == 6, corpus
        for _, cells in rows:
            kappas += [float(c.split()[0]) for c in cells.strip(" |").split("|")[:3]]
    low, high = f"{min(kappas):.2f}", f"{max(kappas):.2f}"
    readme = " ".join((DOCS.parent / "README.md").read_text(encoding="utf-8").split())
    methods = " ".join((DOCS / "methods.md").read_text(encoding="utf-8").split())
    assert f"two people labelling the same sentences blind agree with Cohen's kappa {low} to {high} per impact" in readme
    assert f"Cohen's kappa {low}-{high} per code" in methods


def test_every_impact_name_the_docs_give_exists():
    # `impact.x.y` in backticks in README.md, docs/*.md or notebooks/README.md must import (methods.md named
    # impact.indicator_effects, impact.process_factors and impact.privacy.DisclosureLedger, none of which does)
    import importlib

    pages = [DOCS.parent / "README.md", *PAGES, DOCS.parent / "notebooks" / "README.md"]
    missing = []
    for page in pages:
        for name in sorted(set(re.findall(r"`(impact(?:\.[A-Za-z_]\w*)+)(?:\([^`]*\))?`", page.read_text(encoding="utf-8")))):
            parts = name.split(".")
            for i in range(len(parts), 0, -1):  # the longest importable module, then attributes
                try:
                    obj = importlib.import_module(".".join(parts[:i]))
                except ImportError:
                    continue
                rest = parts[i:]
                break
            for part in rest:
                obj = getattr(obj, part, None)
            if obj is None:
                missing.append(f"{page.name}: {name}")
    assert not missing


# --- Every other page's ```python blocks run as written too (cli50) -------------------------------------------------
# docs/index.md, docs/qdpx.md and docs/report-format.md had blocks no test ran: two of them named variables
# (`human`, `frame`, `title`, ...) and a class (`Report`) they never defined, and read a file ("from-nvivo.qdpx")
# nothing before had written. Each page's blocks now run in one namespace of their own, in a fresh folder; what a
# reader brings is brought as in the tests above (their study for "path/to/study", a person's coding as "ann.csv").
OTHER_PYTHON_PAGES = [p for p in PAGES if p.name != "user-guide.md" and _python_blocks(p)]


@pytest.fixture(scope="module")
def persons_coding(ten_council_study, tmp_path_factory) -> Path:
    """A person's coding of some of ten_council_study's segments (every third), as `impact code` writes one."""
    import impact

    segments = impact.segment(impact.load_study(ten_council_study)).iloc[::3]
    path = tmp_path_factory.mktemp("docs_pages") / "ann.csv"
    impact.write_coded(impact.RuleCoder(impact.Codebook.nfer()).code(segments), path)
    return path


@pytest.mark.parametrize("page", OTHER_PYTHON_PAGES, ids=lambda p: p.name)
def test_other_pages_python_blocks_run(page, ten_council_study, persons_coding, monkeypatch, tmp_path):
    import shutil

    import impact

    monkeypatch.setattr(impact, "example_path", lambda: ten_council_study)
    calls = _stub_main_job(monkeypatch)
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(persons_coding, tmp_path / "ann.csv")
    namespace: dict = {}
    for n, block in enumerate(_python_blocks(page)):
        block = block.replace('"path/to/study"', repr(str(ten_council_study)))
        exec(compile(block, f"{page.name}, block {n + 1}", "exec"), namespace)
    if page.name == "index.md":
        assert calls == ["run"]
    if page.name == "qdpx.md":  # the project read back holds both coders' codings
        back = namespace["back"]
        assert set(back.users["name"]) == {"rule_coder", "ann"}
        assert len(back.codings) == len(namespace["project"].codings) > 0
    if page.name == "report-format.md":  # "codebook order, then study order"
        order = impact.Codebook.nfer().code_ids
        assert namespace["table"].data["code"].tolist() == sorted(["morale", "learning"], key=order.index)


# --- Every `impact` command the user-facing pages give parses as written (user53) ---------------------------------
# The user guide's command-line review loop stopped at its second command (a workbook exported without --reviewer
# names nobody, and `impact review import` refused it): no test read the commands the pages give. Each complete
# command (its first argument not an option) must parse, each option a page names must be one of its command, and
# the command-line review loop (tests/test_user_round53.py) and the REFI-QDA exchange run as the user guide writes them.
# The pages a user follows; docs/performance.md is a log of measurements (its commands name the runs measured, with
# the output folder left out), and docs/cli.md is generated from the parsers themselves.
USER_PAGES = [DOCS.parent / "README.md", DOCS.parent / "notebooks" / "README.md",
              *sorted(p for p in DOCS.glob("*.md") if p.name not in {"performance.md", "cli.md"})]
COMMANDS = ("agree", "code", "import-qdpx", "export-qdpx", "review", "run", "demo", "synth", "validate")
COMMAND = r"impact (?:" + "|".join(COMMANDS) + r")\b"
# `impact CMD ...` in inline code (which may run over a line break) or on a line of a ```sh block
INLINE = re.compile(r"`(?:\.venv/bin/)?(" + COMMAND + r"[^`]*)`")
SH_BLOCK = re.compile(r"^```(?:sh|bash|console)\n(.*?)^```", re.MULTILINE | re.DOTALL)
PLACEHOLDER = {"STUDY": "study", "PATH": "study", "DIR": "out", "OUTDIR": "imported", "FILE": "file.csv",
               "CODED": "coded.csv", "NAME": "nfer_impacts", "N": "8", "S": "1"}


def _documented(page: Path) -> list[str]:
    """Every ``impact`` command ``page`` gives, in order, on one line each, comments taken off."""
    text = page.read_text(encoding="utf-8")
    found = [" ".join(m.split()) for m in INLINE.findall(SH_BLOCK.sub("", text))]
    for block in SH_BLOCK.findall(text):
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip().removeprefix(".venv/bin/")
            if re.match(COMMAND, line):
                found.append(line)
    return found


def _words(command: str) -> list[str]:
    """The command's words with its placeholders filled in as a reader would: ``[optional parts]`` left out, the
    first of ``a|b`` alternatives taken, ``STUDY``, ``DIR``, ``N``... given values."""
    command = re.sub(r"\[[^\[\]]*\]", "", command)
    words = []
    for word in shlex.split(command)[1:]:
        word = word.split("|", 1)[0] if not word.startswith("-") else word
        words.append(PLACEHOLDER.get(word, word))
    return words


def _subparser(parser, name):
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sub.choices[name]


def _options(parser, words: list[str]) -> tuple[object, set[str]]:
    """The parser of the command ``words`` name (``review export`` included) and the options it takes."""
    command = _subparser(parser, words[0])
    if words[0] == "review" and len(words) > 1 and words[1] in ("export", "import"):
        command = _subparser(command, words[1])
    return command, {s for a in command._actions for s in a.option_strings}


def _complete(words: list[str]) -> bool:
    """A whole command, not a mention of one of its options: its first argument is not an option, nor an elision."""
    rest = words[2:] if words[0] == "review" else words[1:]
    if words[0] == "review" and (len(words) < 2 or words[1] not in ("export", "import")):
        return False
    return bool(rest) and not rest[0].startswith("-") and "..." not in words and "/" not in words[0]


COMMANDS_GIVEN = [(page.relative_to(DOCS.parent).as_posix(), command) for page in USER_PAGES
                  for command in _documented(page)]


def test_the_pages_give_commands():
    # the finder finds what the pages hold: the user guide's commands run over line breaks in its prose
    assert len(COMMANDS_GIVEN) >= 40
    guide = [c for p, c in COMMANDS_GIVEN if p == "docs/user-guide.md"]
    assert any(c.startswith("impact review export STUDY") for c in guide)
    assert "impact validate path/to/study" in [c for p, c in COMMANDS_GIVEN if p == "docs/index.md"]


def test_every_option_a_page_names_exists():
    from impact.cli import build_parser

    parser = build_parser()
    wrong = []
    for page, command in COMMANDS_GIVEN:
        words = _words(command)
        if words[0] == "review" and (len(words) < 2 or words[1] not in ("export", "import")):
            continue  # `impact review export/import` names the two commands
        sub, options = _options(parser, words)
        named = [w.split("=", 1)[0] for w in words if w.startswith("-") and w != "-"]
        wrong += [f"{page}: `{command}`: {w}" for w in named if w not in options]
    assert not wrong


def test_every_complete_command_a_page_gives_parses(capsys):
    from impact.cli import build_parser

    parser = build_parser()
    refused = []
    for page, command in COMMANDS_GIVEN:
        words = _words(command)
        if not _complete(words):
            continue
        try:
            parser.parse_args(words)
        except SystemExit:
            refused.append(f"{page}: `{command}`: {capsys.readouterr().err.strip().splitlines()[-1]}")
    assert not refused


def guide_commands(*names: str) -> list[list[str]]:
    """The user guide's complete commands among ``names``, in the guide's order, as words."""
    chosen = []
    for page, command in COMMANDS_GIVEN:
        words = _words(command)
        if page == "docs/user-guide.md" and words[0] in names and _complete(words):
            chosen.append(words)
    return chosen


def test_the_guides_qdpx_exchange_runs_as_written(study_dir, monkeypatch, capsys):
    import pandas as pd

    from impact.cli import main

    # "impact export-qdpx STUDY FILE --coded [CODER=]coded.csv" then "impact import-qdpx FILE OUTDIR [--study STUDY]":
    # the project written is the one read back (a reader's project from QDA software)
    guide_folder = study_dir.parent
    monkeypatch.chdir(guide_folder)
    assert main(["code", "study", "--out", "coded-qdpx.csv", "-q"]) == 0
    steps = guide_commands("export-qdpx", "import-qdpx")
    assert [w[0] for w in steps] == ["import-qdpx", "export-qdpx"]
    export, imported = steps[1], steps[0]
    export = [w if w != "coded.csv" else "coded-qdpx.csv" for w in export]
    project = export[2]
    assert main([*export[:2], project.replace(".csv", ".qdpx"), *export[3:]]) == 0, capsys.readouterr().err
    imported = [imported[0], project.replace(".csv", ".qdpx"), *imported[2:]]
    assert main(imported) == 0, capsys.readouterr().err
    codings = pd.read_csv(guide_folder / imported[2] / "codings.csv", dtype=str)
    assert len(codings) == len(pd.read_csv(guide_folder / "coded-qdpx.csv", dtype=str))
