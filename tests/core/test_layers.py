"""The apps' dependencies run one way, and no import hides inside a function
without saying why (docs/architecture.md, "The split of events/")."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each app of ours, and the apps of ours it may import. Nothing imports
# against these arrows: events never imports people or registrations, people
# never imports registrations, and so on.
ALLOWED = {
    "core": set(),
    "formats": {"core"},  # braille and audio of any text: below every app that has texts
    "config": {"core"},  # settings and the URLs, which mount every app's views
    "branches": {"core", "formats"},
    "events": {"core", "formats", "branches"},
    "people": {"core", "formats", "branches", "events"},
    "registrations": {"core", "formats", "branches", "events", "people"},
    "certificates": {"core", "formats", "branches", "events", "people", "registrations"},
    "competitions": {
        "core",
        "formats",
        "branches",
        "events",
        "people",
        "registrations",
        "certificates",
    },
    "festivals": {
        "core",
        "formats",
        "branches",
        "events",
        "people",
        "registrations",
        "certificates",
        "competitions",
    },
    "trainings": {
        "core",
        "formats",
        "branches",
        "events",
        "people",
        "registrations",
        "certificates",
    },
    "reports": {
        "core",
        "formats",
        "branches",
        "events",
        "people",
        "registrations",
        "trainings",
        "certificates",
    },
    "home": {"core", "formats"},
    "demo": {
        "core",
        "formats",
        "branches",
        "events",
        "people",
        "registrations",
        "certificates",
        "competitions",
        "festivals",
        "trainings",
        "reports",
        "home",
    },
}
# What the project's URL configuration mounts.
ALLOWED["config"] |= {"events", "certificates", "home", "competitions", "festivals", "formats"}


def sources(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_apps(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & ALLOWED.keys()
    return found


def test_every_app_imports_only_the_apps_below_it():
    wrong = {}
    for app, allowed in ALLOWED.items():
        for path in sources(app):
            tree = ast.parse(path.read_text(), filename=str(path))
            extra = imported_apps(tree) - allowed - {app}
            if extra:
                wrong[str(path.relative_to(ROOT))] = sorted(extra)
    assert wrong == {}


def _imports_inside_functions(tree: ast.AST):
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield function, node


def test_an_import_inside_a_function_says_why():
    """Only a heavy library loaded lazily or an app-loading hook, each with a
    comment on the line before the first import of the function."""
    unexplained, count = [], 0
    for app in ALLOWED:
        for path in sources(app):
            lines = path.read_text().splitlines()
            seen = set()
            for function, node in _imports_inside_functions(ast.parse("\n".join(lines))):
                count += 1
                if function in seen:
                    continue
                seen.add(function)
                before = lines[node.lineno - 2].strip()
                if not before.startswith("#"):
                    unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unexplained == []
    assert count <= 20
