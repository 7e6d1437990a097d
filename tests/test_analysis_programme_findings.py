"""analysis/programme_findings.py runs the programme analysis through the library only."""

import ast
import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "analysis" / "programme_findings.py"


def test_only_uses_the_library():
    tree = ast.parse(SCRIPT.read_text())
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported <= {"impact", "argparse", "sys", "pathlib", "__future__"}


def test_runs_on_a_tiny_study(tiny_study, tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("programme_findings", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tiny_study.save(tmp_path / "study")
    result = module.main(tmp_path / "study", tmp_path / "out", n_resamples=99)
    assert (tmp_path / "out" / "report.html").is_file()
    assert result.findings.provenance["parameters"]["n_resamples"] == 99
    assert "Strongest differences" in capsys.readouterr().out
