"""The package installs as users install it (issue 18.6).

A wheel is built from a copy of the source tree, installed into a fresh virtual
environment (impact itself only from the wheel; its dependencies seen from the
project's environment, to keep the test fast and offline), and ``impact demo``
and ``impact validate`` run there from a folder outside the checkout.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _setup_cfg() -> configparser.ConfigParser:
    cfg = configparser.ConfigParser()
    cfg.read(REPO / "setup.cfg")
    return cfg


def test_every_subpackage_is_listed_in_setup_cfg():
    listed = {p.strip() for p in _setup_cfg()["options"]["packages"].split() if p.strip()}
    found = {".".join(d.relative_to(REPO).parts) for d in (REPO / "impact").rglob("__init__.py")
             for d in [d.parent]}
    assert found | {"impact._bundle"} == listed


def test_every_imported_package_is_declared():
    """Third-party modules imported by the library are all in install_requires (or an optional extra)."""
    cfg = _setup_cfg()
    declared = {re.split(r"[<>=!~\[ ]", r.strip())[0].lower().replace("-", "_")
                for r in cfg["options"]["install_requires"].splitlines() if r.strip()}
    # the `parquet` and `spreadsheets` extras; imported only where used, with a message when absent
    optional = {"pyarrow", "python_calamine", "olefile"}
    module_of = {"yaml": "pyyaml", "docx": "python_docx", "sklearn": "scikit_learn", "PIL": "pillow", "stdnum": "python_stdnum"}
    stdlib = set(sys.stdlib_module_names)
    imported = set()
    for path in (REPO / "impact").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {module_of.get(m, m).lower() for m in imported if m not in stdlib and m not in {"impact", "__future__"}}
    assert third_party - declared - optional == set()


def _copy_source(dest: Path) -> None:
    for name in ("impact", "data"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("setup.cfg", "pyproject.toml", "README.md", "LICENSE", "MANIFEST.in", "CITATION.cff", "CHANGELOG.md"):
        shutil.copy2(REPO / name, dest / name)


@pytest.mark.slow
def test_built_wheel_installs_and_runs_demo_and_validate(tmp_path):
    src, wheels, venv, work = tmp_path / "src", tmp_path / "wheels", tmp_path / "venv", tmp_path / "work"
    src.mkdir(), work.mkdir()
    _copy_source(src)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(MPLBACKEND="Agg", PYTHONNOUSERSITE="1")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), str(src)],
                           capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    assert build.returncode == 0, build.stdout + build.stderr
    log = build.stdout + build.stderr
    assert "impact._data" not in log and "absent from the `packages`" not in log  # no setuptools warnings
    (wheel,) = wheels.glob("impact-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("impact/_bundle/codebooks/nfer_impacts.yaml", "impact/_bundle/example/study.yaml",
                   "impact/_data/templates/report.html.j2", "impact/py.typed"):
        assert needed in names
    assert any(n.endswith("licenses/LICENSE") or n.endswith("/LICENSE") for n in names)

    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # The project's dependencies, seen from the fresh venv after its own site-packages (a plain path: the
    # project's editable-install hook (.pth) is not run, so `impact` can come only from the wheel).
    (site / "zz_project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index",
                              str(wheel)], capture_output=True, text=True, env=env, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    # one child for what the installed library says (each costs the imports of impact, about 1 s of CPU: testtime20)
    said = subprocess.run([str(py), "-c", "import impact; print(impact.__file__); print(impact.example_path()); "
                           "print(impact.available_codebooks())"],
                          capture_output=True, text=True, env=env, cwd=work, check=True).stdout.splitlines()
    where, codebooks = said[:2], said[2]
    assert all(Path(w).is_relative_to(venv) for w in where), where  # impact and its data from the wheel only
    assert "nfer_impacts" in codebooks and "review_themes" in codebooks

    impact_cmd = str(venv / "bin" / "impact")
    env.update(IMPACT_CACHE_DIR=str(tmp_path / "cache"), IMPACT_CONFIG_DIR=str(tmp_path / "config"))
    demo = subprocess.run([impact_cmd, "demo", "--out", str(work / "demo"), "--resamples", "99"],
                          capture_output=True, text=True, env=env, cwd=work, timeout=600)
    assert demo.returncode == 0, demo.stdout + demo.stderr[-3000:]
    assert (work / "demo" / "report.html").is_file() and (work / "demo" / "tables.xlsx").is_file()
    validate = subprocess.run([impact_cmd, "validate", where[1]], capture_output=True, text=True, env=env, cwd=work,
                              timeout=300)
    assert validate.returncode == 0 and "valid" in validate.stdout, validate.stdout + validate.stderr
