"""The command line's help as a new user meets it (newuser2): each command's ``--help`` ends with examples that
run as written, every option taking a value says what happens without it, ``impact run`` groups its fourteen
options, and ``impact --help`` states the exit statuses ``impact.cli.main`` returns."""

from __future__ import annotations

import argparse
import re
import shlex

import pytest

from impact.cli import _commands, build_parser, main


def _parsers():
    root = build_parser()
    return [root, *_commands(root)]


def _ids():
    return [p.prog for p in _parsers()]


def _examples(help_text: str) -> list[str]:
    """The commands listed under ``examples:`` of a help text, as the reader sees them."""
    if "\nexamples:\n" not in help_text:
        return []
    block = help_text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in block.splitlines() if line.startswith("  impact ")]


def _structural(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` reading values as given: files named in an example need not exist here, only the options do."""
    for p in [parser, *_commands(parser)]:
        for action in p._actions:
            action.type = None
    return parser


@pytest.mark.parametrize("index", range(len(_ids())), ids=_ids())
def test_each_help_ends_with_examples_that_parse_as_written(index):
    shown = _parsers()[index]
    examples = _examples(shown.format_help())
    assert examples, f"{shown.prog} --help gives no examples"
    for line in examples:
        argv = shlex.split(line, comments=True)
        assert argv[0] == "impact"
        try:
            args = _structural(build_parser()).parse_args(argv[1:])
        except SystemExit as exc:  # the parser printed why
            if "--help" in line and exc.code == 0:
                continue
            pytest.fail(f"{shown.prog} --help example {line!r} does not parse (exit {exc.code})")
        typed = " ".join(["impact", args.command, *([args.review_command] if getattr(args, "review_command", None)
                                                    else [])])
        if shown.prog != "impact":  # a command's own examples run that command (or one of its sub-commands)
            assert f"{typed} ".startswith(f"{shown.prog} "), line


def test_every_option_taking_a_value_says_its_default():
    """An option a user may leave out says what happens then (``--jobs``, ``--unit``, ``--limit``, ``--key-file``...
    said nothing)."""
    silent = []
    for parser in _parsers():
        for action in parser._actions:
            if (not action.option_strings or action.nargs == 0 or action.required
                    or isinstance(action, (argparse._HelpAction, argparse._VersionAction))):
                continue
            if "default" not in (action.help or ""):
                silent.append(f"{parser.prog} {action.option_strings[0]}")
    assert not silent, f"options that do not say their default: {silent}"


@pytest.mark.parametrize("command", ["run", "demo"])
def test_run_options_are_grouped_by_what_they_change(command):
    parser = next(p for p in _parsers() if p.prog == f"impact {command}")
    group_of = {o: g.title for g in parser._action_groups for a in g._group_actions for o in a.option_strings}
    privacy = {o for o, title in group_of.items() if title.startswith("privacy")}
    assert {"--identify", "--min-count", "--quote-k", "--council-matrix", "--key-file"} <= privacy
    assert group_of["--seed"] == group_of["--resamples"] != group_of["--identify"]
    assert group_of["--coded"] == group_of["--human"] == group_of["--codebook"] not in ("options", group_of["--seed"])
    text = parser.format_help()
    for title in {group_of[o] for o in ("--identify", "--seed", "--coded", "--docx-template")}:
        assert f"\n{title}:\n" in text


def test_top_level_help_states_each_exit_status(capsys, tmp_path):
    text = build_parser().format_help()
    said = {int(n) for n in re.findall(r"\b(\d{1,3})\s+[a-z]", text.split("Exit status:", 1)[1])} if "Exit status:" in text else set()
    assert {0, 1, 2, 130, 141, 143} <= said
    # and the ones said are the ones given: a help is 0, a bad option 2, an invalid study 2
    assert main(["--version"]) == 0
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out"), "--seeds", "1"]) == 2
    assert main(["validate", str(tmp_path)]) == 2
    capsys.readouterr()


def test_an_output_given_as_the_study_folder_is_told_so(tmp_path, capsys):
    """``impact code S --out S`` said "S is inside the study folder S"; it is the study folder itself."""
    study = tmp_path / "my study"
    study.mkdir()
    (study / "study.yaml").write_text("name: x\n", encoding="utf-8")
    assert main(["code", str(study), "--out", str(study)]) == 2
    said = capsys.readouterr().err
    assert f"{study} is the study folder itself" in said and "inside" not in said
    assert main(["code", str(study), "--out", str(study / "coded.csv")]) == 2
    assert f"{study / 'coded.csv'} is inside the study folder {study}" in capsys.readouterr().err
