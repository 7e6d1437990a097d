"""Round 48 of the command line: every command tried the wrong way, as a new user would.

``--reviewer ""`` was accepted (an export stored no reviewer, an import quietly took the stored one); ``export-qdpx
--coded`` checked its files its own way, one kind of problem at a time, where ``impact run --coded`` lists every
problem of a file on its row; ``--coded =FILE`` named the coder after the file; a header-only coded file made a
review workbook of nothing to review; ``agree --by code,code`` wrote a table with two columns named code; a Word
template that is a workbook was told in python-docx's words (``'<_io.BytesIO object at 0x...>'``).
"""

from __future__ import annotations

import pytest

from impact.cli import main

from ._util import cli_here, refused, snapshot


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """The tiny study, its coded file and a review workbook of it with the reviewer 'ann' stored (made once: the
    tests below only read them)."""
    from conftest import make_tiny_study, once_per_worker

    def build():
        folder = tmp_path_factory.mktemp("round48")
        make_tiny_study().save(folder / "study")
        assert main(["-q", "code", str(folder / "study"), "--out", str(folder / "coded.csv")]) == 0
        assert main(["-q", "review", "export", str(folder / "study"), "--coded", str(folder / "coded.csv"), "--out",
                     str(folder / "review.xlsx"), "--reviewer", "ann"]) == 0
        return folder

    return once_per_worker("round48-reviewed", build)


def _commands(folder, out, reviewer):
    return {"review export": ["review", "export", str(folder / "study"), "--coded", str(folder / "coded.csv"),
                              "--out", str(out / "r.xlsx"), "--reviewer", reviewer],
            "review import": ["review", "import", str(folder / "review.xlsx"), "--out", str(out / "d.csv"),
                              "--reviewer", reviewer]}


@pytest.mark.parametrize("command", ["review export", "review import"])
@pytest.mark.parametrize(("reviewer", "said"), [
    ("", "'' - expected the reviewer's name (it is empty or only spaces)"),
    ("   ", "'   ' - expected the reviewer's name (it is empty or only spaces)"),
    ("a" * 101, "(101 characters) - expected the reviewer's name of at most 100 characters"),
])
def test_a_reviewer_named_by_nothing_or_a_paste_is_refused(reviewed, tmp_path, command, reviewer, said):
    # On the old code `review export --reviewer ""` wrote a workbook naming no reviewer, `review import --reviewer
    # "  "` took the name stored at export without a word, and a name of any length was stored.
    proc = cli_here(*_commands(reviewed, tmp_path, reviewer)[command], cwd=tmp_path)
    refused(proc, f"impact {command}: error: argument --reviewer: ", said)
    assert list(tmp_path.iterdir()) == []


def test_a_reviewer_of_the_longest_name_taken_is_read(reviewed, tmp_path):
    from impact.cli._options import NAME_MAX

    proc = cli_here(*_commands(reviewed, tmp_path, " " + "b" * NAME_MAX + " ")["review import"], cwd=tmp_path)
    # newuser3: the workbook has no decision filled in, which is now refused (it wrote an empty file); the name
    # itself is taken: the refusal is of the workbook, not of --reviewer
    assert proc.returncode == 2, proc.stderr
    assert "nothing decided yet" in proc.stderr and "argument --reviewer" not in proc.stderr


@pytest.mark.parametrize(("coded", "said"), [
    ("={coded}", "'' - expected a coder's name before '=' (--coded CODER=FILE; --coded FILE names the coder after "
                 "the file) (it is empty or only spaces)"),
    (" ={coded}", "' ' - expected a coder's name before '='"),
    ("{long}={coded}", f"{'a' * 40!r}... (5,000 characters) - expected a coder's name of at most 100 characters"),
    ("ann=", "no file after '=' - expected CODER=FILE, the coded file of 'ann'"),
    ("", "- expected [CODER=]FILE: a coded file, named CODER or after the file"),
])
def test_export_qdpx_refuses_a_coder_named_by_nothing(reviewed, tmp_path, coded, said):
    # On the old code `--coded =coded.csv` named the coder 'coded' (the file's), a name of 5,000 characters was
    # told back whole in a file-system error, and `--coded ''` was "--coded : : the coded file must end in ...".
    spec = coded.format(coded=reviewed / "coded.csv", long="a" * 5000)
    proc = cli_here("export-qdpx", str(reviewed / "study"), "p.qdpx", "--coded", spec, cwd=tmp_path)
    shown = spec if len(spec) <= 120 else f"{spec[:40]}...{spec[-60:]}"
    refused(proc, f"impact export-qdpx: error: --coded {shown!r}", said)
    assert len(proc.stderr) < 400, proc.stderr
    assert list(tmp_path.iterdir()) == []


def _spoilt(coded, folder, name: str, cells: dict[tuple[int, str], str]):
    """The coded file with ``cells`` ({(row as a spreadsheet numbers it, column): value}) changed, as ``name``."""
    import csv

    rows = list(csv.reader(coded.open(newline="", encoding="utf-8")))
    for (row, col), value in cells.items():
        rows[row - 1][rows[0].index(col)] = value
    with (folder / name).open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return folder / name


def test_export_qdpx_lists_every_problem_of_every_coded_file_on_its_row(reviewed, tmp_path):
    # On the old code export-qdpx read each --coded file its own way: the first file's unreadable values only
    # ("column score: row 2: 'high' ..."), its unknown code and unit after those were mended, the second file after
    # the first.  Now every problem of every file, each on its row, as `impact run --coded` tells a file.
    from impact import load_study
    from impact.codings import read_codings
    from impact.errors import ValidationError

    one = _spoilt(reviewed / "coded.csv", tmp_path, "one.csv",
                  {(2, "score"): "high", (3, "negated"): "maybe", (5, "code"): "moral", (6, "unit"): "NOPE:1"})
    two = _spoilt(reviewed / "coded.csv", tmp_path, "two.csv", {(4, "start"): "-3", (7, "code"): "Morale"})
    before = snapshot(tmp_path)
    proc = cli_here("export-qdpx", str(reviewed / "study"), "p.qdpx", "--coded", "ann=one.csv", "--coded",
                    "bob=two.csv", cwd=tmp_path)
    refused(proc, "impact export-qdpx: error: --coded ann=one.csv, --coded bob=two.csv: 6 problems found\n")
    lines = [line.strip() for line in proc.stderr.splitlines()[1:]]
    assert sorted(line.split(" - ")[0] for line in lines) == [
        "one.csv:2:score: 'high'", "one.csv:3:negated: 'maybe'", "one.csv:5:code: 'moral'",
        "one.csv:6:unit: 'NOPE:1'", "two.csv:4:start: '-3'", "two.csv:7:code: 'Morale'"]
    # the words of the shared check (impact.codings.read_codings, which `impact run --coded` calls)
    study = load_study(reviewed / "study")
    book = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]  # nfer_impacts
    shared = []
    for path in (one, two):
        with pytest.raises(ValidationError) as info:
            read_codings(path, study, codes=book)
        shared += [str(p) for p in info.value.problems]
    assert sorted(lines) == sorted(shared)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["export-qdpx", "review export"])
def test_a_coded_file_of_a_header_row_alone_is_refused(reviewed, tmp_path, command):
    # On the old code export-qdpx wrote a project with a user of no codings, and review export a workbook of no
    # suggestions to review.
    header = tmp_path / "header.csv"
    header.write_text((reviewed / "coded.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    argv = {"export-qdpx": ["export-qdpx", str(reviewed / "study"), "p.qdpx", "--coded", "header.csv"],
            "review export": ["review", "export", str(reviewed / "study"), "--coded", "header.csv", "--out",
                              "r.xlsx"]}[command]
    proc = cli_here(*argv, cwd=tmp_path)
    refused(proc, f"impact {command}: error: --coded header.csv: ",
            {"export-qdpx": "holds no codings", "review export": "no rows (a header row alone)"}[command])
    assert [p.name for p in tmp_path.iterdir()] == ["header.csv"]


def test_agree_refuses_a_grouping_column_named_twice(reviewed, tmp_path):
    # On the old code `--by code,code` wrote a table of two columns named code (read back as code and code.1).
    proc = cli_here("agree", str(reviewed / "coded.csv"), str(reviewed / "coded.csv"), "--out", "a.csv",
                    "--by", "code, code", cwd=tmp_path)
    refused(proc, "impact agree: error: argument --by: 'code, code': 'code' is named twice - expected each "
                  "grouping column once")
    assert list(tmp_path.iterdir()) == []


def test_a_word_template_that_is_no_word_file_is_named_by_its_path(reviewed, tmp_path):
    # On the old code a workbook given as the template was "file '<_io.BytesIO object at 0x7f...>' is not a Word
    # file", and a folder "Word template not found".
    # Round 51 says what the file is in a reader's words, naming no exception of python-docx.
    from impact.errors import InputError
    from impact.report._docx import _open

    workbook = tmp_path / "template.docx"
    workbook.write_bytes((reviewed / "review.xlsx").read_bytes())
    with pytest.raises(InputError) as info:
        _open(workbook)
    assert str(info.value) == (f"{workbook}: not a Word file - expected a Word document or template (.docx, .dotx: "
                               "a zip archive of Word's parts) but it is an Excel workbook; open it in Word and save "
                               "it as a Word document or template")
    (tmp_path / "folder.docx").mkdir()
    with pytest.raises(InputError, match=r"folder\.docx: is a folder - expected a Word template"):
        _open(tmp_path / "folder.docx")


@pytest.mark.parametrize("command", ["agree", "export-qdpx"])
def test_an_output_under_a_file_is_refused_naming_the_file(reviewed, tmp_path, command):
    # On the old code `--out notes.txt/a.csv` was "notes.txt: already exists - choose another name" (mkdir's words).
    (tmp_path / "notes.txt").write_text("mine\n")
    argv = {"agree": ["agree", str(reviewed / "coded.csv"), str(reviewed / "coded.csv"), "--out", "notes.txt/a.csv"],
            "export-qdpx": ["export-qdpx", str(reviewed / "study"), "notes.txt/p.qdpx"]}[command]
    proc = cli_here(*argv, cwd=tmp_path)
    refused(proc, f"impact {command}: error: notes.txt/", f": {tmp_path / 'notes.txt'} is a file, not a folder - "
                                                         "expected a folder you can write to")
    assert (tmp_path / "notes.txt").read_text() == "mine\n" and len(list(tmp_path.iterdir())) == 1
