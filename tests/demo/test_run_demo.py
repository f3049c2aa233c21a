"""`make run`'s last step (manage.py run_demo): the worker and the server
start, the address and the admin login come last, and Ctrl-C or TERM stops
both with nothing left running."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import _free_port
from tests.demo_site import copy_demo

ROOT = Path(settings.BASE_DIR)


def processes_marked(mark: str) -> list[int]:
    """Processes whose environment carries the mark (children inherit it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if f"RUN_DEMO_TEST={mark}".encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.fixture
def run_demo(tmp_path):
    copy_demo(tmp_path / "db.sqlite3", tmp_path / "media")
    (tmp_path / "admin-password").write_text("wrong-password\n")
    mark = uuid.uuid4().hex
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "RUN_DEMO_TEST": mark,
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "run_demo",
            f"127.0.0.1:{port}",
            "--password-file",
            str(tmp_path / "admin-password"),
            "--worker-log",
            str(tmp_path / "worker.log"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process, port, mark
    if process.poll() is None:
        process.kill()
    for pid in processes_marked(mark):
        os.kill(pid, signal.SIGKILL)


def read_until(process, text: str, timeout: float = 90) -> str:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    pytest.fail(f"{text!r} not printed; got:\n{''.join(seen)}")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_address_comes_last_and_a_signal_stops_everything(run_demo, signum):
    process, port, mark = run_demo

    output = read_until(process, "Press Ctrl-C to stop.")
    assert f"The demo site is ready: http://127.0.0.1:{port}/kk/" in output
    # The password file no longer holds the admin's password: not printed.
    assert "with the password you set" in output
    assert "wrong-password" not in output
    assert len(processes_marked(mark)) >= 3  # run_demo, the worker, the server

    process.send_signal(signum)
    rest, _ = process.communicate(timeout=30)

    assert process.returncode == 0
    assert "Stopped the server and the worker." in rest
    assert "Traceback" not in rest
    assert processes_marked(mark) == []
