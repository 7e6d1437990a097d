"""Write pip constraints pinning every runtime dependency to the lowest version setup.cfg allows.

Usage: python .ci/min_versions.py > constraints.txt

Each ``name>=X`` of ``[options] install_requires`` becomes ``name==X``; the
`make test-min` target installs the package with these constraints into a
second virtualenv and runs the statistics tests there, so that results that
depend on a library's version are caught (issue 16: scipy's Wilcoxon).
"""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path


def floors(setup_cfg: Path) -> list[str]:
    parser = configparser.ConfigParser()
    parser.read(setup_cfg, encoding="utf-8")
    lines = parser["options"]["install_requires"].strip().splitlines()
    pins = []
    for line in lines:
        line = line.split(";")[0].strip()
        match = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([0-9][0-9A-Za-z.]*)(\s*,.*)?", line)
        if not match:
            raise SystemExit(f"setup.cfg: cannot read a floor from {line!r} (expected name>=version)")
        name = re.sub(r"\[.*\]", "", match.group(1))
        pins.append(f"{name}=={match.group(2)}")
    return pins


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    sys.stdout.write("\n".join(floors(root / "setup.cfg")) + "\n")
