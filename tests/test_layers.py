"""The architecture as a rule: the core returns values, writers return text, the command
layer does the rest (docs in README "Layout")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "src" / "cchc_cli"
# What the core may never import, at module level or inside a function.
NOT_IN_CORE = ("typer", "click", "rich", "docx", "openpyxl", "cchc_cli.cli", "cchc_cli.output")
EDGES = ("cli", "output", "templates")
# The input edge: the one module that reads the .xlsx format (with openpyxl), as
# load/yaml.py reads YAML with PyYAML; everything after it sees plain values.
READERS = {"load/spreadsheet.py": ("openpyxl",)}
ENTRY = ("launch.py", "__main__.py")


def _modules(where: Path) -> list[Path]:
    return sorted(p for p in where.rglob("*.py") if "__pycache__" not in p.parts)


def _core() -> list[Path]:
    return [
        p
        for p in _modules(PACKAGE)
        if p.relative_to(PACKAGE).parts[0] not in EDGES and p.name not in ENTRY
    ]


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


@pytest.mark.parametrize("path", _core(), ids=_name)
def test_the_core_imports_no_command_line_no_terminal_and_no_writer(path: Path) -> None:
    allowed = READERS.get(path.relative_to(PACKAGE).as_posix(), ())
    bad = [
        f"{_name(path)}:{line} imports {module}"
        for line, module in _imports(path)
        if any(_within(module, banned) for banned in NOT_IN_CORE)
        and not any(_within(module, reader) for reader in allowed)
    ]
    assert bad == []


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize("path", _modules(PACKAGE / "output"), ids=_name)
def test_writers_return_values_and_never_print(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [
        f"{_name(path)}:{line} imports {module}"
        for line, module in _imports(path)
        if module == "cchc_cli.cli" or module.startswith("cchc_cli.cli.")
    ]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "print"
        ):
            bad.append(f"{_name(path)}:{node.lineno} calls print()")
        if (
            isinstance(node, ast.Attribute)
            and node.attr in ("stdout", "stderr")
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            bad.append(f"{_name(path)}:{node.lineno} uses sys.{node.attr}")
    assert bad == []


def test_the_rule_sees_a_violation(tmp_path: Path) -> None:
    # The check above is only worth something if it can fail.
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from rich.console import Console\n", encoding="utf-8")
    assert _imports(module) == [(2, "rich.console")]


def test_every_package_under_src_is_installed() -> None:
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")
    }
    assert found | {"cchc_cli.templates"} == listed
