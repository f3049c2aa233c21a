"""people/ sits below registrations/ and the apps built on it: it never
imports them, not even inside a function; they reach it through hooks."""

import ast
from pathlib import Path

import people

ABOVE = {"registrations", "certificates", "competitions", "festivals", "demo"}


def test_people_never_imports_the_apps_above_it():
    root = Path(people.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            found += [
                f"{path.relative_to(root)}: {name}" for name in names if name.split(".")[0] in ABOVE
            ]
    assert found == []
