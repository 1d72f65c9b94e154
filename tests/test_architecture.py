"""The layers of ARCHITECTURE.md, enforced from the real imports (import-linter and grimp read
the import statements of every module, including those inside functions)."""

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("models", "ui", "reports", "hub")
ENTRY_POINTS = {"main.py": {"cli", "ui", "models"},
                "cli.py": {"models", "reports", "cli_plan_cards", "cli_hub", "cli_sync",
                           "cli_board", "cli_office"},
                "cli_office.py": {"models", "reports"},
                "cli_plan_cards.py": {"cli", "models", "reports"},
                "cli_hub.py": {"models", "hub"},
                "cli_sync.py": {"models"},
                "cli_board.py": {"models"}}


def imported_roots(path: Path) -> set[str]:
    """The top-level names a file imports, wherever the import statement stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_import_contracts_hold():
    """The contracts in pyproject.toml ([tool.importlinter]): layers, and no Qt, reportlab or
    peewee where they do not belong. `uv run lint-imports` prints the broken ones."""
    # In its own process: import-linter reconfigures logging for the rest of a process.
    result = subprocess.run([Path(sys.executable).parent / "lint-imports", "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_circle_between_modules():
    graph = grimp.build_graph(*PACKAGES)
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    assert cycles(edges) == []


def test_no_import_circle_between_packages():
    graph = grimp.build_graph(*PACKAGES)
    edges: dict[str, set[str]] = {}
    for m in graph.modules:
        for d in graph.find_modules_directly_imported_by(m):
            a, b = ".".join(m.split(".")[:2]), ".".join(d.split(".")[:2])
            if a != b:
                edges.setdefault(a, set()).add(b)
    assert cycles(edges) == []


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_entry_points_import_only_what_they_assemble(entry):
    """cli.py runs without a window (no Qt, no screens); main.py assembles everything."""
    ours = imported_roots(ROOT / entry) & {"main", "cli", "cli_plan_cards", "cli_hub", "cli_sync",
                                           "cli_board", "cli_office", *PACKAGES}
    assert ours <= ENTRY_POINTS[entry]
    if entry != "main.py":
        assert not imported_roots(ROOT / entry) & {"PySide6", "qasync"}


def test_ui_runs_no_queries():
    """Widgets call model functions; they never build queries (select/where) themselves."""
    offenders = []
    for path in sorted((ROOT / "ui").glob("**/*.py")):
        text = path.read_text(encoding="utf-8")
        if ".select(" in text or ".where(" in text or "execute_sql" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_import_reader_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\ndef f():\n    import reportlab.pdfgen\n")
    assert imported_roots(sample) == {"PySide6", "reportlab"}
