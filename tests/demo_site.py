"""The seeded demo site as a template, built once and copied: the page tests'
database, each pytest-xdist worker's copy and the browser tests' live site
all start from the same migrated and seeded SQLite file and media folder,
instead of each running the ~200 migrations and seed_demo again.

The template lives in var/test-demo/<key>/; the key is a hash of everything
that can change what seed_demo makes (the project's code, the demo's
data files in demo/fixtures/, templates, translations, the pinned
requirements) and of today's date (the demo's events are placed relative
to today), so a change to any of them builds a new one. Tests themselves
are not part of the key.
"""

import datetime
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import zoneinfo
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "test-demo"
# The demo superuser's password in every copy (tests log in with it).
ADMIN_PASSWORD = "browser-tests-admin"

SKIPPED_DIRS = {
    ".git",
    ".venv",
    "var",
    "media",
    "static",
    "tests",
    "bench",
    "docs",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
}
SOURCE_SUFFIXES = {
    ".py",
    ".html",
    ".txt",
    ".css",
    ".js",
    ".po",
    ".json",
    ".yaml",
    ".yml",
    ".toml",
    ".svg",
    ".woff2",
    ".lock",
    ".png",
    ".jpg",
}


def template_key() -> str:
    digest = hashlib.sha256()
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Almaty")).date()
    digest.update(f"{today.isoformat()} {sys.version}\n".encode())
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in SOURCE_SUFFIXES:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def demo_template() -> Path:
    """The folder holding db.sqlite3 and media/ of the seeded demo site,
    built now if this key has none yet (one process builds, others wait)."""
    folder = CACHE / template_key()
    if (folder / "complete").exists():
        return folder
    with _locked(CACHE / ".lock"):
        if (folder / "complete").exists():
            return folder
        for old in CACHE.iterdir():
            if old.is_dir():
                shutil.rmtree(old)
        building = folder.with_name(folder.name + ".building")
        building.mkdir(parents=True)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"sqlite:///{building / 'db.sqlite3'}",
            "MEDIA_ROOT": str(building / "media"),
            "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
        }
        for command in (["migrate", "--no-input", "-v0"], ["seed_demo"]):
            done = subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            if done.returncode != 0:
                raise RuntimeError(
                    f"building the demo template: {' '.join(command)} failed\n{done.stderr}"
                )
        building.rename(folder)
        (folder / "complete").touch()
    return folder


def copy_demo(database: Path, media: Path) -> None:
    """Put a copy of the seeded demo site's database and media files in place."""
    template = demo_template()
    database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template / "db.sqlite3", database)
    if (template / "media").exists():
        shutil.copytree(template / "media", media, dirs_exist_ok=True)
