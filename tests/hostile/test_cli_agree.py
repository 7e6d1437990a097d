"""Hostile inputs to ``impact agree`` (issue 18): bad layouts, bad options, and a million rows in bounded memory."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from ._util import cli_here, refused, snapshot


@pytest.fixture
def coded(tmp_path):
    a = pd.DataFrame({"unit": ["I1:1", "I1:2", "I2:1"], "code": ["morale", "learning", "morale"]})
    b = pd.DataFrame({"unit": ["I1:1", "I2:1"], "code": ["morale", "learning"]})
    a.to_csv(tmp_path / "ann.csv", index=False)
    b.to_csv(tmp_path / "bot.csv", index=False)
    return tmp_path


# The refusals run `impact agree` in this process (tests/hostile/_util.cli_here): what it says and writes is the check, and
# a child process added 2.7 s of imports to each (testtime16). The memory test below keeps a process of its own.


def test_a_coder_file_without_a_unit_column_is_refused(coded):
    pd.DataFrame({"segment": ["I1:1"], "code": ["morale"]}).to_csv(coded / "nounit.csv", index=False)
    before = snapshot(coded)
    proc = cli_here("agree", "ann.csv", "nounit.csv", "--out", "out.csv", cwd=coded)
    refused(proc, "nounit.csv: lacks the column 'unit'", "expected coded output (unit, code, ...)")
    assert snapshot(coded) == before


def test_files_in_two_layouts_are_refused(coded):
    pd.DataFrame({"unit": ["I1:1"], "coder": ["x"], "value": ["a"]}).to_csv(coded / "long.csv", index=False)
    refused(cli_here("agree", "ann.csv", "long.csv", "--out", "out.csv", cwd=coded),
            "long.csv: is long data but ann.csv is coded data")


def test_blank_units_are_refused_naming_the_row(coded):
    (coded / "blank.csv").write_text("unit,code\nI1:1,morale\n,learning\n")
    refused(cli_here("agree", "ann.csv", "blank.csv", "--out", "out.csv", cwd=coded), "blank.csv:3:unit: '' - expected a unit id")


@pytest.mark.parametrize(("option", "value", "needle"), [
    ("--metrics", "kappa", "'kappa' is not one of percent_agreement, cohen_kappa"),
    ("--metrics", ",", "expected one or more of"),
    ("--unit", "word", "invalid choice: 'word'"),
])
def test_bad_options_exit_2(coded, option, value, needle):
    refused(cli_here("agree", "ann.csv", "bot.csv", "--out", "out.csv", option, value, cwd=coded), needle)
    assert not (coded / "out.csv").exists()


_MEASURE = """
import resource, sys
from impact.cli import main
status = main(sys.argv[1:])
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"PEAK_MB {peak_kb / 1024:.0f} STATUS {status}")
"""


def peak_memory_mb(args, cwd) -> tuple[int, str]:
    """Run the command line in a fresh process and return its peak resident memory (MB) and output."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    proc = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=900, check=False)
    line = [x for x in proc.stdout.splitlines() if x.startswith("PEAK_MB")]
    assert line, proc.stdout + proc.stderr
    peak, status = line[0].split()[1], line[0].split()[3]
    assert status == "0", proc.stdout + proc.stderr
    return int(peak), proc.stdout


#: Coded rows of the scale tests: 200,000 in ``make test``; IMPACT_SCALE_ROWS=1000000 for the issue's million.
SCALE_ROWS = int(os.environ.get("IMPACT_SCALE_ROWS", "200000"))


@pytest.mark.slow
def test_a_million_coded_rows_in_bounded_memory(tmp_path):
    """Two coders' coded segments (a million rows with IMPACT_SCALE_ROWS=1000000) agree in under 2 GB (issue 18.5).

    Measured on the shared 2-core machine: 1,000,000 rows peak 1,458 MB (before the integer grid and the
    pattern bootstrap: a MemoryError at 7.5 GB); 200,000 rows (the default here) about 0.5 GB.
    """
    rng = np.random.default_rng(18)
    n = SCALE_ROWS // 2
    codes = np.array(["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"])
    units = np.char.add("I", (np.arange(n) // 20).astype(str))
    units = np.char.add(np.char.add(units, ":"), (np.arange(n) % 20).astype(str))
    for name in ("a", "b"):
        pd.DataFrame({"unit": units, "code": codes[rng.integers(0, 6, n)]}).to_csv(tmp_path / f"{name}.csv", index=False)
    peak, out = peak_memory_mb(["agree", "a.csv", "b.csv", "--out", "agree.csv", "--metrics",
                                "percent_agreement,cohen_kappa,krippendorff_alpha"], tmp_path)
    print(f"impact agree, {2 * n:,} rows: peak {peak} MB")
    assert peak < 2048
    table = pd.read_csv(tmp_path / "agree.csv")
    assert set(table["n_units"]) == {n} and len(table) == 18
    # Independent check of one value: percent agreement on 'morale' is the share of units where both or neither coded it.
    a, b = (pd.read_csv(tmp_path / f"{x}.csv") for x in "ab")
    same = ((a["code"] == "morale").to_numpy() == (b["code"] == "morale").to_numpy()).mean()
    got = table.query("code == 'morale' and metric == 'percent_agreement'")["value"].iloc[0]
    assert got == pytest.approx(same, abs=1e-12)
