"""The package's shape: layers import downwards only, and the core needs no Sphinx.

The import graph is read from the source (every ``import``, at module level or
inside a function, except under ``if TYPE_CHECKING:``), so a cycle hidden in a
function-level import fails here as well.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sphinx_crawl"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    found: list[ast.AST] = []

    def walk(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for orelse in node.orelse:
                walk(orelse)
            return
        found.append(node)
        for child in ast.iter_child_nodes(node):
            walk(child)

    walk(tree)
    return found


def imports_of(name: str) -> set[str]:
    """The package's modules that ``name`` imports (``from pkg import mod`` names mod)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            submodules = [f"{base}.{alias.name}" for alias in node.names]
            named = [s for s in submodules if s in MODULES]
            targets.update(named or [base])
    return {t for t in targets if t in MODULES and t != name}


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    graph = {name: sorted(imports_of(name)) for name in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def test_no_import_cycles() -> None:
    assert cycles() == []


def test_the_cycle_check_sees_function_level_imports(tmp_path: Path) -> None:
    """The check itself: a cycle through an import inside a function is found."""
    assert "sphinx_crawl.types" in MODULES
    tree = ast.parse("def f():\n    from sphinx_crawl.domain import x\n")
    assert any(isinstance(node, ast.ImportFrom) for node in _runtime_nodes(tree))
    guarded = ast.parse("if TYPE_CHECKING:\n    from sphinx_crawl.domain import x\n")
    assert not any(isinstance(node, ast.ImportFrom) for node in _runtime_nodes(guarded))


def test_the_core_imports_neither_sphinx_nor_docutils() -> None:
    for name, path in MODULES.items():
        if not name.startswith("sphinx_crawl.core"):
            continue
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                )
                for module in modules:
                    assert not (module or "").startswith(("sphinx.", "docutils")), (name, module)
                    assert module != "sphinx", name
                    if (module or "").startswith("sphinx_crawl"):
                        assert (module or "").startswith("sphinx_crawl.core"), (name, module)


def test_reading_crawl_json_loads_no_documentation_engine() -> None:
    code = (
        "import sys, sphinx_crawl.api, sphinx_crawl\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout


def test_every_module_is_on_a_layer() -> None:
    from sphinx_crawl.core.layers import layer_of

    assert [name for name in MODULES if layer_of(name) is None] == []


def upward_imports() -> list[tuple[str, str, str, str]]:
    """(module, its layer, the module it imports, that module's higher layer)."""
    from sphinx_crawl.core.layers import LAYERS, layer_of

    found = []
    for name in sorted(MODULES):
        here = layer_of(name)
        assert here is not None
        for target in sorted(imports_of(name)):
            there = layer_of(target)
            assert there is not None
            if there > here:
                found.append((name, LAYERS[here].name, target, LAYERS[there].name))
    return found


def test_no_module_imports_a_higher_layer() -> None:
    assert upward_imports() == []


def test_the_layer_check_fails_on_an_upward_import(monkeypatch: object) -> None:
    """The check itself: a registry module importing the domain is found."""
    import pytest

    patch = pytest.MonkeyPatch()
    try:
        patch.setitem(
            sys.modules[__name__].__dict__,
            "imports_of",
            lambda name: {"sphinx_crawl.domain"} if name == "sphinx_crawl.types" else set(),
        )
        assert upward_imports() == [
            ("sphinx_crawl.types", "Registry", "sphinx_crawl.domain", "Domain")
        ]
    finally:
        patch.undo()
