"""The layers of DESIGN.md, enforced: main.py → ui/ → reports/ → models/, one direction."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "models": {"PySide6", "qasync", "reportlab", "ui", "reports", "cli", "main"},
    "reports": {"PySide6", "qasync", "ui", "cli", "main", "peewee"},
    "ui": {"reportlab", "peewee", "cli", "main"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downwards(layer):
    files = sorted((ROOT / layer).glob("**/*.py"))
    bad = {f"{f.relative_to(ROOT)} imports {sorted(imported_roots(f) & FORBIDDEN[layer])}"
           for f in files if imported_roots(f) & FORBIDDEN[layer]}
    assert not bad


def test_ui_runs_no_queries():
    """Widgets call model functions; they never build queries (select/where) themselves."""
    offenders = []
    for path in sorted((ROOT / "ui").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if ".select(" in text or ".where(" in text or "execute_sql" in text:
            offenders.append(path.name)
    assert offenders == []


def test_layer_rule_detects_a_violation(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport reportlab.pdfgen\n")
    assert imported_roots(sample) == {"PySide6", "reportlab"}
