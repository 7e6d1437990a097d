"""Every notebook in notebooks/ runs top to bottom and is committed without outputs.

The notebooks run in a kernel of the interpreter running the tests
(``sys.executable``, i.e. the project's .venv), whatever kernels the machine
has registered: a kernelspec is written to a temporary folder with ipykernel
and handed to nbclient through its own KernelSpecManager.  The working
directory is ``notebooks/`` for a notebook that reads files by a relative path
(it says so in its first cell), and a temporary folder for the others, which
find the bundled example with ``impact.example_path()`` and so run from any
folder; matplotlib draws with Agg.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from conftest import SHARED_DATA

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
IDS = [p.name for p in PATHS]
KERNEL_NAME = "impact-test"
CELL_TIMEOUT = 120  # seconds per cell: a guard against hangs, not a speed test
# The notebook on the real public files (../shared/data): executed once, by the test of its printed claims.
OFFICIAL = "05_official_statistics.ipynb"
# Notebooks executed once, on the bundled example, by test_notebook_claims.py, which checks what they print and write
# (run here too, they would run twice).
CLAIMED = ("02_coding_and_reliability.ipynb", "04_programme_report.ipynb")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _relative(path: Path) -> bool:
    """Whether a code cell of the notebook reads a file by a path relative to ``notebooks/``."""
    return any(c.cell_type == "code" and "../" in c.source for c in _read(path).cells)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_committed_without_outputs(path):
    stale = [
        f"cell {k}: execution_count={cell.get('execution_count')!r}, {len(cell.get('outputs', []))} output(s)"
        for k, cell in enumerate(_read(path).cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
    assert not stale, f"{path.name} is committed with outputs; clear them (e.g. `jupyter nbconvert --clear-output`): {stale}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_documents_working_directory(path):
    first = next((c for c in _read(path).cells if c.cell_type == "markdown"), None)
    assert first is not None
    if _relative(path):
        assert "notebooks/" in first.source and "working directory" in first.source.lower(), (
            f"{path.name}: it reads files by relative paths, so its first markdown cell must say it runs with "
            "notebooks/ as the working directory"
        )
    else:
        assert "example_path()" in first.source and "IMPACT_STUDY" in first.source, (
            f"{path.name}: its first markdown cell must say it finds the example with impact.example_path() and "
            "reads IMPACT_STUDY"
        )


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_finds_the_bundled_example_from_anywhere(path):
    """The bundled example is found with ``impact.example_path()``, not ``../data/example`` (which resolves only
    with notebooks/ as the working directory: newuser8 found a notebook opened from elsewhere stopped there)."""
    cells = [k for k, c in enumerate(_read(path).cells) if c.cell_type == "code" and "../data/example" in c.source]
    assert not cells, f"{path.name}: code cells {cells} read ../data/example; use impact.example_path()"


@pytest.fixture(scope="session")
def kernel_spec_manager(tmp_path_factory):
    """A KernelSpecManager that knows only a kernel running ``sys.executable``."""
    from ipykernel.kernelspec import install
    from jupyter_client.kernelspec import KernelSpecManager

    prefix = tmp_path_factory.mktemp("jupyter")
    install(kernel_name=KERNEL_NAME, display_name="impact tests", prefix=str(prefix), env={"MPLBACKEND": "Agg"})
    kernels = prefix / "share" / "jupyter" / "kernels"
    return KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_runs(path, kernel_spec_manager, monkeypatch, tmp_path):
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    if path.name == OFFICIAL and SHARED_DATA.is_dir():
        pytest.skip(f"{OFFICIAL} runs on the real public files in test_notebook_claims.py, which checks what it prints "
                    "(run here only where they are absent, on its fixtures)")
    if path.name in CLAIMED:
        pytest.skip(f"{path.name} runs, on the example study, in test_notebook_claims.py, which checks what it prints")
    monkeypatch.setenv("MPLBACKEND", "Agg")  # inherited by the kernel process
    # The notebooks that write a report or a review folder make it with tempfile.mkdtemp, for the reader to open;
    # under test it goes into pytest's own temporary folder, which pytest prunes, not the machine's /tmp.
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    spec = kernel_spec_manager.get_kernel_spec(KERNEL_NAME)
    assert spec.argv[0] == sys.executable
    nb = _read(path)
    km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=kernel_spec_manager)
    client = NotebookClient(
        nb,
        km=km,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT,
        allow_errors=False,
        # a notebook reading no relative path runs in a folder of its own: it must work from anywhere
        resources={"metadata": {"path": str(NOTEBOOKS if _relative(path) else tmp_path)}},
    )
    client.execute()  # raises CellExecutionError (with the traceback) on the first failing cell
    executed = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in executed)
