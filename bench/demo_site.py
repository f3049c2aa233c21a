"""The throw-away demo site every benchmark measures: production settings, a
fresh SQLite database in a temporary folder, migrated and seeded."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_demo_site(
    workdir: Path,
    *,
    allowed_hosts: str = "127.0.0.1",
    redis_url: str = "",
    collectstatic: bool = False,
) -> dict[str, str]:
    """Migrate and seed a database in `workdir`; return the environment to use it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": allowed_hosts,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_DIR": str(workdir / "cache"),
        "REDIS_URL": redis_url,
        "DEMO_ADMIN_PASSWORD": secrets.token_urlsafe(16),
        "LOG_LEVEL": "ERROR",
        # Seeded pages are indexed for search and their documents made at once.
        "TASKS_BACKEND": "immediate",
    }
    (workdir / "static").mkdir(exist_ok=True)
    commands = [["migrate", "--no-input", "-v0"], ["seed_demo", "--force"]]
    if collectstatic:
        commands.append(["collectstatic", "--no-input", "-v0"])
    for command in commands:
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    return env
