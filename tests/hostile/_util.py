"""Helpers of the hostile tests: run the real command line, snapshot folders."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a hash of its bytes (folders as 'dir', links as their target)."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def cli(*args: str, cwd: Path, timeout: float = 60, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m impact ARGS`` in a subprocess."""
    full_env = {**os.environ, "MPLBACKEND": "Agg", **(env or {})}
    return subprocess.run([sys.executable, "-m", "impact", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=full_env, check=False)


def cli_here(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``impact ARGS`` through :func:`impact.cli.main` in this process, in ``cwd`` with ``env`` added to the
    environment (both put back after), and return what :func:`cli` returns: the exit status and what the command
    printed on standard output and error.

    For tests of what a command says, writes and refuses; a test of the process itself (its exit on a signal, its
    memory, what it reads from the environment as it starts: ``HOME``, ``MPLCONFIGDIR``) keeps :func:`cli`. A child
    process costs its imports and first-use caches each time: about 6.5 s of CPU for an ``impact run`` of the tiny
    study against 1.8 s here once the package is loaded (testtime16)."""
    import contextlib
    import io

    from impact.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env, here = dict(os.environ), os.getcwd()
    os.environ.update({"MPLBACKEND": "Agg", **(env or {})})
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(list(args))
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["impact", *args], status, out.getvalue(), err.getvalue())


def refused(proc: subprocess.CompletedProcess, *needles: str) -> None:
    """Exit 2, one message naming every needle, no traceback."""
    assert proc.returncode == 2, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    for n in needles:
        assert n in proc.stderr, f"{n!r} not in {proc.stderr!r}"


def labels_holding(texts: list[str], slots: list[tuple[dict, str, int]]) -> None:
    """Write every one of ``texts`` into the labels of ``slots`` (``(mapping, prefix, limit)``: the mapping's
    ``label`` becomes ``"<prefix> (<text>; <text>...)"``, at most ``limit`` characters), in order, as many to a slot
    as fit. Since inputs51 a wave's label is refused past impact.schema.LABEL_MAX characters and a survey question's
    past TITLE_MAX, so the hostile rounds that wrote all their forms into two wave labels spread them over the labels
    a study has; a text that fits no slot left is an error of the test, not a form left out."""
    pending = list(texts)
    for mapping, prefix, limit in slots:
        chunk: list[str] = []
        while pending and len(f"{prefix} ({'; '.join([*chunk, pending[0]])})") <= limit:
            chunk.append(pending.pop(0))
        if chunk:
            mapping["label"] = f"{prefix} ({'; '.join(chunk)})"
    if pending:
        raise AssertionError(f"no label left for {pending!r}: give labels_holding more slots")
