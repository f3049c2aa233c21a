"""`make run`'s last step: the task worker and the development server side by
side, the worker's routine lines in a log file (its errors still on the
console), the address and the admin login printed once the site answers,
and both stopped cleanly on Ctrl-C or TERM."""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

# Lines of the worker's log that a person should see at once.
ALARMING = ("ERROR", "FAILED", "Traceback", "CRITICAL")


class Command(BaseCommand):
    help = "Serve the demo site with a background task worker (make run)."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--password-file",
            default="var/demo-admin-password",
            help="where seed_demo left the admin's first password",
        )
        parser.add_argument(
            "--worker-log", default="var/log/worker.log", help="the worker's routine output"
        )
        parser.add_argument(
            "--show-worker", action="store_true", help="the worker's every line on the console"
        )

    def handle(self, *args, address, password_file, worker_log, show_worker, **options):
        self.children: list[subprocess.Popen] = []
        self.stopping = False
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self.stop)
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        log_path = Path(settings.BASE_DIR) / worker_log
        log_path.parent.mkdir(parents=True, exist_ok=True)

        self.say(f"==> Starting the background task worker (its log: {worker_log})")
        with log_path.open("ab") as log:
            self.children.append(
                self.spawn(
                    [*manage, "db_worker", "--no-startup-delay", "--interval", "1"],
                    output=None if show_worker else log,
                )
            )
        if not show_worker:
            threading.Thread(target=self.echo_alarms, args=(log_path,), daemon=True).start()

        self.say(f"==> Starting the web server on http://{address}/")
        self.children.append(self.spawn([*manage, "runserver", address], output=None))
        base_url = f"http://{address}"
        if self.wait_until_served(base_url):
            self.say(self.banner(base_url, Path(settings.BASE_DIR) / password_file))
        while not self.stopping:
            for child in self.children:
                if child.poll() is not None and not self.stopping:
                    self.stop()
                    raise CommandError(
                        f"{' '.join(child.args[2:4])} stopped (exit {child.returncode}); "
                        "the other process was stopped too."
                    )
            time.sleep(0.5)
        self.say("Stopped the server and the worker.")

    def spawn(self, command, *, output):
        # Each child leads its own process group, so that stopping it also
        # stops what it started (runserver's autoreloader runs the server in
        # a child process of its own).
        return subprocess.Popen(  # noqa: S603 - manage.py commands of our own
            command,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=True,
        )

    def stop(self, *_signal_args):
        if self.stopping:
            return
        self.stopping = True
        for child in self.children:
            if child.poll() is None:
                _signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for child in self.children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(child, signal.SIGKILL)
                child.wait()
            _signal_group(child, signal.SIGKILL)  # anything its children left behind

    def wait_until_served(self, base_url: str) -> bool:
        deadline = time.monotonic() + 120
        while not self.stopping and time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base_url}/robots.txt", timeout=2)  # noqa: S310 - our own server
                return True
            except (OSError, urllib.error.URLError):
                time.sleep(0.3)
        return False

    def banner(self, base_url: str, password_file: Path) -> str:
        username = "admin"
        password = password_file.read_text().strip() if password_file.exists() else ""
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            login = "no 'admin' user: run `.venv/bin/python manage.py seed_demo`"
        elif password and user.check_password(password):
            login = f"user '{username}', password {password}"
        else:
            login = (
                f"user '{username}', with the password you set "
                "(.venv/bin/python manage.py changepassword admin to set another)"
            )
        return "\n".join(
            [
                "",
                f"The demo site is ready: {base_url}/kk/ (also /ru/ and /en/)",
                f"The admin:             {base_url}/admin/ — {login}",
                "Press Ctrl-C to stop.",
                "",
            ]
        )

    def echo_alarms(self, log_path: Path):
        with log_path.open(encoding="utf-8", errors="replace") as log:
            log.seek(0, 2)
            while not self.stopping:
                line = log.readline()
                if not line:
                    time.sleep(0.5)
                elif any(word in line for word in ALARMING):
                    self.stderr.write(f"worker: {line.rstrip()}")

    def say(self, text: str):
        self.stdout.write(text)
        self.stdout.flush()


def _signal_group(child: subprocess.Popen, signum: int):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signum)  # the child leads its own group (start_new_session)
