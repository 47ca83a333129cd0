"""The code's layout: stage packages that say what they own, and no import cycles."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "blogbuild"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imported(name: str, path: Path) -> set[str]:
    """Every blogbuild module `name` imports, at the top, inside functions or for type checks."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        found.update(t for t in targets if t in MODULES and t != name)
    return found


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    edges = {name: _imported(name, path) for name, path in MODULES.items()}
    assert _cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_each_stage_package_says_what_it_owns() -> None:
    packages = [p for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE]
    stages = {p.parent.name for p in packages}
    assert {"content", "markup", "site", "pipeline", "check", "serve"} <= stages
    for init in packages:
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init} has no docstring"
        summary = doc.split("\n\n")[0]  # what it owns, before any usage notes
        assert len(summary.splitlines()) <= 2, init


@pytest.mark.slow  # a fresh interpreter per module
def test_every_module_imports_on_its_own() -> None:
    # One interpreter per module, so an import that works only after another one fails here.
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    failed = [
        name
        for name in MODULES
        if name != "blogbuild.__main__"
        and subprocess.run(
            [sys.executable, "-c", f"import {name}"], env=env, capture_output=True, timeout=60
        ).returncode
    ]
    assert failed == []


# The pipeline's order, lowest first: a stage imports only stages below it and the floor (the
# modules at the package root). The checker reads content and markup only, and sits below
# the pipeline and the commands that run it.
STAGE_ORDER = ("content", "markup", "site", "pipeline", "serve", "cli")
MAY_IMPORT = {
    **{stage: set(STAGE_ORDER[:rank]) for rank, stage in enumerate(STAGE_ORDER)},
    "check": {"content", "markup"},
}
for _stage in ("pipeline", "serve", "cli"):
    MAY_IMPORT[_stage].add("check")


def _stage_of(module: str) -> str | None:
    """The stage package a module belongs to; None for the floor."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in MAY_IMPORT) else None


def _against_the_pipeline(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    wrong = []
    for name, imported in sorted(edges.items()):
        if name == "blogbuild.__main__":  # `python -m blogbuild` is the command line
            continue
        own = _stage_of(name)
        allowed = MAY_IMPORT.get(own, set()) if own else set()
        for other in sorted(imported):
            stage = _stage_of(other)
            if stage and stage != own and stage not in allowed:
                wrong.append((name, other))
    return wrong


def test_every_import_follows_the_pipeline() -> None:
    edges = {name: _imported(name, path) for name, path in MODULES.items()}
    assert set(MAY_IMPORT) == {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert _against_the_pipeline(edges) == []


def test_an_import_against_the_pipeline_is_found() -> None:
    edges = {
        "blogbuild.markup.render": {"blogbuild.site.i18n", "blogbuild.content.text"},
        "blogbuild.check.site": {"blogbuild.pipeline.results", "blogbuild.markup.render"},
        "blogbuild.errors": {"blogbuild.content.config"},  # the floor imports no stage
        "blogbuild.cli.serve": {"blogbuild.serve"},
    }
    assert _against_the_pipeline(edges) == [
        ("blogbuild.check.site", "blogbuild.pipeline.results"),
        ("blogbuild.errors", "blogbuild.content.config"),
        ("blogbuild.markup.render", "blogbuild.site.i18n"),
    ]
