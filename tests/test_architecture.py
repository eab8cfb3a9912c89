"""The layering holds: no import cycle, rules import only from the layers below them."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "draftlint"
# What a rule module may import from the package: the data model, the context, the rule base,
# resources, and the analysis layers.
RULE_MAY_IMPORT = (
    "draftlint.model",
    "draftlint.context",
    "draftlint.rule",
    "draftlint.resources",
    "draftlint.patterns",
    "draftlint.records",
    "draftlint.numerals",
    "draftlint.analysis",
    "draftlint.numbering",
    "draftlint.profiles",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """Package modules imported at run time (TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("draftlint"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("draftlint"))
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    edges = {}
    for name, path in modules.items():
        edges[name] = {target for target in imports(path) if target in modules and target != name}
    return edges


def test_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_graph_sees_imports() -> None:
    """Guard for the test above: the walker finds real edges."""
    edges = graph()
    assert "draftlint.model" in edges["draftlint.engine"]
    assert "draftlint.numbering.outline" in edges["draftlint.context"]


def test_nothing_outside_rules_imports_rules() -> None:
    offenders = {
        (source, target)
        for source, targets in graph().items()
        if not source.startswith("draftlint.rules")
        for target in targets
        if target.startswith("draftlint.rules")
    }
    # The registry discovers rule modules by walking the package, not by importing them.
    assert offenders <= {("draftlint.registry", "draftlint.rules")}


def test_rules_import_only_lower_layers() -> None:
    offenders = {
        (source, target)
        for source, targets in graph().items()
        if source.startswith("draftlint.rules.")
        for target in targets
        if not target.startswith(RULE_MAY_IMPORT)
    }
    assert offenders == set()
