"""An existing database upgrades to people/ and registrations/."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_database_from_before_the_split_upgrades(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'old.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("upgrade_database.py"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])

    assert found["old_types"] == {"person": "events", "registration": "events"}
    # The same content types, renamed: permissions, groups and the audit
    # entries that point to them follow.
    assert found["new_types"] == {
        "person": ["people", found["type_pks_before"]["person"]],
        "registration": ["registrations", found["type_pks_before"]["registration"]],
    }
    assert found["registration"] == ["Айгерім Сапарова", "Оқу кеші", "confirmed"]
    assert found["user_perms"] == [
        "registrations.view_all_branches",
        "registrations.view_registration",
    ]
