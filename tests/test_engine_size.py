"""Issue 11: no module of the attribution package over 400 lines and no function over 60,
so that each kind of rule stays small enough to read whole."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "verifier" / "attribution"
MODULES = sorted(PACKAGE.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_a_module_is_at_most_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_a_function_is_at_most_60_lines(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60]
    assert long == []


def test_the_package_has_its_modules():
    # the glob above must see the package (an empty parametrisation would pass vacuously)
    assert {"engine.py", "participles.py", "documents.py", "arbiter.py"} <= {p.name for p in MODULES}
