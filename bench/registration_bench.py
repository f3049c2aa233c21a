"""Registrations per minute on one event, on PostgreSQL, from 16 concurrent
clients over HTTP, with the overbooking check after the run. Target: at least
3,000 registrations per minute.

The real site is measured: production settings under gunicorn, a throwaway
PostgreSQL database (created here and dropped afterwards), the demo content,
and one dedicated event with 1,000 places. Each client does what a browser
does: GET `<event>/register/`, read the form (field names are taken from the
HTML, not assumed), fill in the required fields with unique valid data, POST
with the CSRF token and cookie, expect 303. Afterwards the database is
checked: confirmed places never exceed the capacity, waiting-list numbers are
unique, and nobody waits while a place is free.

Besides registrations per minute and p50/p95 latency, the CPU time that the
gunicorn workers and the PostgreSQL backends spend per registration is
printed: it does not depend on what else the machine runs, and tells how many
cores the target needs. Two workers with four threads each did best on a
2-core machine (sync workers wait idle on the database; more processes only
compete for the same cores).

    .venv/bin/python bench/registration_bench.py                 # 30 s, 16 clients
    .venv/bin/python bench/registration_bench.py --duration 60 --workers 3 --threads 4

Exit status: 0 target met; 1 overbooking or inconsistent data; 2 the site
could not be measured (no form yet, no PostgreSQL...); 3 below the target.
"""

import argparse
import http.client
import itertools
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_PER_MINUTE = 3000
NOT_THERE_YET = "the registration form is not there yet"
# Never filled in: core.forms' honeypot catches bots that fill every field.
HONEYPOT_NAMES = {"website_url"}
TEXT_TYPES = {"text", "email", "tel", "number", "date", "search", "url", ""}
BUTTON_TYPES = {"submit", "button", "reset", "image", "file"}
# Letters for the unique part of a name: the form accepts letters only.
NAME_LETTERS = "АӘБВГҒДЕЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЫІЭЮЯ"


class BenchError(Exception):
    """The site cannot be measured (as opposed to a measured failure)."""


# Reading the form ----------------------------------------------------------


@dataclass
class Control:
    tag: str
    name: str
    type: str = ""
    value: str | None = None
    required: bool = False
    invalid: bool = False
    checked: bool = False
    disabled: bool = False
    autocomplete: str = ""
    minimum: str = ""
    options: list[tuple[str, bool]] = field(default_factory=list)  # (value, selected)
    text: str = ""


@dataclass
class Form:
    action: str
    method: str
    controls: list[Control] = field(default_factory=list)


class FormParser(HTMLParser):
    """Collects every form with its inputs, selects, textareas and buttons."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Control | None = None
        self._option: dict | None = None
        self._textarea: Control | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {key: (value if value is not None else "") for key, value in attrs}
        if tag == "form":
            self._form = Form(
                action=attributes.get("action", ""),
                method=attributes.get("method", "get").lower(),
            )
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        if tag in ("input", "select", "textarea", "button"):
            control = Control(
                tag=tag,
                name=attributes.get("name", ""),
                type=attributes.get("type", "submit" if tag == "button" else "").lower(),
                value=attributes.get("value"),
                required="required" in attributes or attributes.get("aria-required") == "true",
                invalid=attributes.get("aria-invalid") == "true",
                checked="checked" in attributes,
                disabled="disabled" in attributes,
                autocomplete=attributes.get("autocomplete", "").lower(),
                minimum=attributes.get("min", ""),
            )
            self._form.controls.append(control)
            if tag == "select":
                self._select = control
            elif tag == "textarea":
                self._textarea = control
        elif tag == "option" and self._select is not None:
            self._option = {"value": attributes.get("value"), "selected": "selected" in attributes}
            self._option["text"] = ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.text += data
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._close_option()
            self._select = None
        elif tag == "option":
            self._close_option()
        elif tag == "textarea":
            # A newline right after <textarea> is not part of its value (HTML).
            if self._textarea is not None:
                text = self._textarea.text
                self._textarea.text = (
                    text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
                )
            self._textarea = None

    def _close_option(self):
        if self._option is not None and self._select is not None:
            value = self._option["value"]
            if value is None:
                value = self._option["text"].strip()
            self._select.options.append((value, self._option["selected"]))
        self._option = None


def find_form(html: str, form_path: str) -> Form | None:
    """The POST form that submits to `form_path` (or to the page itself).
    Only the page's main content is read: the header and footer hold no such
    form, and parsing them would cost the clients, who share the machine with
    the server, CPU for nothing."""
    main = html.find("<main")
    parser = FormParser()
    parser.feed(html[main:] if main >= 0 else html)
    parser.close()
    for form in parser.forms:
        if form.method != "post":
            continue
        action = urllib.parse.urlsplit(form.action).path
        if action in ("", form_path):
            return form
    return None


def _letters(number: int) -> str:
    base = len(NAME_LETTERS)
    word = ""
    while True:
        number, digit = divmod(number, base)
        word = NAME_LETTERS[digit] + word
        if number == 0:
            return word.capitalize()


def _is_phone(control: Control) -> bool:
    return control.type == "tel" or control.autocomplete == "tel" or "phone" in control.name


def _generated_value(control: Control, number: int) -> str:
    """Valid, unique data for a field, judged by its type, autocomplete and name."""
    name, autocomplete = control.name.lower(), control.autocomplete
    if _is_phone(control):
        return f"+7 700 {number // 10000 % 1000:03d} {number // 100 % 100:02d} {number % 100:02d}"
    if control.type == "email" or autocomplete == "email" or "email" in name:
        return f"reader{number}@example.org"
    if autocomplete == "bday-day":
        return "15"
    if autocomplete == "bday-month":
        return "6"
    if autocomplete == "bday-year":
        return "1990"
    if control.type == "date":
        return "1990-06-15"
    if control.type == "number":
        return control.minimum or "1"
    if autocomplete == "name" or "name" in name:
        return f"Оқырман {_letters(number)}"
    return "Бенчмарк"


def fill_form(
    form: Form, number: int, also_required: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """What a browser sends for the form as rendered, with the required fields,
    the phone and the consent filled in (the honeypot left alone).
    `also_required`: names the server asked for although the HTML does not
    mark them (a required group of checkboxes has no `required` attribute)."""
    pairs: list[tuple[str, str]] = []
    filled_groups: set[str] = set()
    required_groups: dict[str, str] = {}
    submit_sent = False
    for control in form.controls:
        if not control.name or control.disabled:
            continue
        required = control.required or control.name in also_required
        if control.tag == "button" or control.type in BUTTON_TYPES:
            if control.type == "submit" and not submit_sent:
                pairs.append((control.name, control.value or ""))
                submit_sent = True
            continue
        if control.type in ("checkbox", "radio"):
            value = control.value if control.value is not None else "on"
            wanted = control.checked or (
                control.type == "checkbox"
                and (control.required or "consent" in control.name)
                and control.name not in filled_groups
            )
            if wanted and not (control.type == "radio" and control.name in filled_groups):
                pairs.append((control.name, value))
                filled_groups.add(control.name)
            if required:
                required_groups.setdefault(control.name, value)
            continue
        if control.tag == "select":
            chosen = [value for value, selected in control.options if selected]
            if not chosen and control.options:
                chosen = [control.options[0][0]]
            if required and (not chosen or not chosen[0]):
                chosen = [value for value, _selected in control.options if value][:1]
            pairs += [(control.name, value) for value in chosen[:1]]
            continue
        current = control.text if control.tag == "textarea" else (control.value or "")
        if control.tag == "input" and control.type not in TEXT_TYPES and control.type != "hidden":
            pairs.append((control.name, current))
            continue
        needs_value = required or _is_phone(control)
        if (
            control.type != "hidden"
            and not current
            and needs_value
            and control.name not in HONEYPOT_NAMES
        ):
            current = _generated_value(control, number)
        pairs.append((control.name, current))
    for name, value in required_groups.items():
        if name not in filled_groups:
            pairs.append((name, value))
    return pairs


# The HTTP client -------------------------------------------------------------


@dataclass
class Result:
    get_ms: list[float] = field(default_factory=list)
    post_ms: list[float] = field(default_factory=list)
    ok: int = 0
    failures: dict[str, int] = field(default_factory=dict)

    def fail(self, reason: str) -> None:
        self.failures[reason] = self.failures.get(reason, 0) + 1


class Client:
    """One visitor's browser: a keep-alive connection and a cookie jar. The site
    is addressed as production sees it behind its TLS proxy
    (X-Forwarded-Proto: https), so secure cookies and the CSRF origin check
    work as they do for real visitors."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.origin = f"https://{host}:{port}"
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        headers = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "Accept-Language": "kk",
            **(headers or {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (OSError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                for name, morsel in jar.items():
                    self.cookies[name] = morsel.value
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response, content
        raise AssertionError("unreachable")

    def register(
        self,
        path: str,
        number: int,
        result: Result | None = None,
        also_required: frozenset[str] = frozenset(),
    ):
        """One registration: GET the form, fill it in, POST it.
        Returns (status, body, the form as read)."""
        started = time.perf_counter()
        response, content = self.request("GET", path)
        got = time.perf_counter()
        if response.status != 200:
            return response.status, content, None
        form = find_form(content.decode("utf-8", "replace"), path)
        if form is None:
            return 0, content, None
        body = urllib.parse.urlencode(fill_form(form, number, also_required)).encode()
        action = urllib.parse.urlsplit(form.action).path or path
        sent = time.perf_counter()
        response, content = self.request(
            "POST",
            action,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": self.origin + path,
            },
        )
        done = time.perf_counter()
        if result is not None:
            result.get_ms.append((got - started) * 1000)
            result.post_ms.append((done - sent) * 1000)
        return response.status, content, form


def run_clients(
    host: str,
    port: int,
    path: str,
    *,
    clients: int,
    duration: float,
    expect: int,
    also_required: frozenset[str] = frozenset(),
) -> tuple[Result, float]:
    numbers = itertools.count(1_000)
    lock = threading.Lock()
    total = Result()
    start_line = threading.Barrier(clients + 1)
    deadline = [0.0]

    def work():
        client, mine = Client(host, port), Result()
        start_line.wait()
        while time.perf_counter() < deadline[0]:
            number = next(numbers)
            try:
                status, _content, _form = client.register(path, number, mine, also_required)
            except (OSError, http.client.HTTPException) as error:
                mine.fail(type(error).__name__)
                continue
            if status == expect:
                mine.ok += 1
            else:
                mine.fail(f"HTTP {status}" if status else "no form in the page")
        with lock:
            total.get_ms += mine.get_ms
            total.post_ms += mine.post_ms
            total.ok += mine.ok
            for reason, count in mine.failures.items():
                total.failures[reason] = total.failures.get(reason, 0) + count

    threads = [threading.Thread(target=work, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    deadline[0] = started + duration
    start_line.wait()
    for thread in threads:
        thread.join()
    return total, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


# The throwaway site ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres(command: str, args, name: str, *options: str) -> None:
    try:
        subprocess.run(
            [
                command,
                "-h",
                args.pg_host,
                "-p",
                str(args.pg_port),
                "-U",
                args.pg_user,
                *options,
                name,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    except FileNotFoundError as error:
        raise BenchError(f"{command} is needed (the PostgreSQL client tools)") from error
    except subprocess.CalledProcessError as error:
        raise BenchError(f"{command} {name} failed: {error.stderr.strip()}") from error


def site_environment(workdir: Path, database_url: str, redis_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_DIR": str(workdir / "cache"),
        "REDIS_URL": redis_url,
        "DEMO_ADMIN_PASSWORD": secrets.token_urlsafe(16),
        "LOG_LEVEL": "ERROR",
        # Every post counts against the same address: lift the limit.
        "FORM_RATE_LIMIT": "1000000/60",
        # The form page carries a CSRF token: never from a cache.
        "PAGE_CACHE_SECONDS": "0",
    }


def build_site(env: dict[str, str]) -> None:
    """Migrate, seed the demo (search index and documents made at once, as in
    bench/demo_site.py) and collect the static files the templates refer to."""
    seeding = {**env, "TASKS_BACKEND": "immediate"}
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["seed_demo", "--force"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=seeding,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BenchError(f"manage.py {command[0]} failed:\n{result.stderr[-3000:]}")


def setup_django(env: dict[str, str]) -> None:
    """This process talks to the same database through the ORM."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_bench_event(capacity: int) -> tuple[int, str]:
    """A published event in Kazakh, open for registration, with `capacity` places."""
    import datetime

    from django.db import connections
    from django.utils import timezone

    from events.models import EventIndexPage, EventKind, EventPage, Venue

    index = EventIndexPage.objects.filter(locale__language_code="kk").first()
    if index is None:
        raise BenchError("the demo site has no Kazakh event list")
    now = timezone.now().replace(microsecond=0)
    start = now + datetime.timedelta(days=30)
    event = EventPage(
        title="Бенчмарк: тіркелу",
        slug=f"bench-registrations-{secrets.token_hex(3)}",
        start=start,
        end=start + datetime.timedelta(hours=2),
        summary="Тіркелу жылдамдығын өлшеуге арналған іс-шара.",
        venue=Venue.objects.filter(locale=index.locale).first(),
        kind=EventKind.objects.filter(locale=index.locale).first(),
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=start - datetime.timedelta(days=1),
        capacity=capacity,
        requires_approval=False,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    event.refresh_from_db()
    url = event.get_url_parts()[2]
    connections.close_all()
    return event.pk, url


@dataclass
class Check:
    registrations: int
    confirmed_places: int
    capacity: int
    waiting: int
    problems: list[str]


def check_event(pk: int) -> Check:
    """No overbooking, unique waiting numbers, nobody waiting beside a free place."""
    from collections import Counter

    from django.db import connections

    from events.models import EventPage
    from registrations.enums import RegistrationStatus
    from registrations.models import Registration

    event = EventPage.objects.get(pk=pk)
    registrations = Registration.objects.filter(event_id=pk)
    places = registrations.places_taken()
    positions = list(
        registrations.filter(status=RegistrationStatus.WAITLISTED).values_list(
            "waitlist_position", flat=True
        )
    )
    problems = []
    if event.capacity is not None and places > event.capacity:
        problems.append(f"OVERBOOKED: {places} places taken of {event.capacity}")
    duplicates = [n for n, count in Counter(positions).items() if count > 1]
    if duplicates or None in positions:
        problems.append(f"waiting-list numbers not unique: {sorted(d for d in duplicates if d)}")
    if positions and event.capacity is not None and places < event.capacity:
        problems.append(f"{len(positions)} waiting while {event.capacity - places} places are free")
    other = registrations.exclude(
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
    ).count()
    if other:
        problems.append(f"{other} registrations neither confirmed nor waiting")
    result = Check(registrations.count(), places, event.capacity, len(positions), problems)
    connections.close_all()
    return result


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def cpu_sample(server: subprocess.Popen) -> dict[int, float]:
    """CPU seconds used so far by gunicorn (master and workers, by pid) and by
    the PostgreSQL backends serving this database (by negative pid)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        backends = [row[0] for row in cursor.fetchall()]
    connection.close()
    per_pid = {pid: _cpu_seconds(pid) for pid in [server.pid, *_children(server.pid)]}
    per_pid.update({-pid: _cpu_seconds(pid) for pid in backends})
    return per_pid


def cpu_used(before: dict[int, float], after: dict[int, float]) -> tuple[float, float]:
    """(gunicorn, PostgreSQL) CPU seconds between two samples; a backend that
    started during the run counts from zero."""
    gunicorn = sum(v - before.get(pid, 0.0) for pid, v in after.items() if pid > 0)
    postgres = sum(v - before.get(pid, 0.0) for pid, v in after.items() if pid < 0)
    return gunicorn, postgres


def start_server(env, workers: int, threads: int, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [
        gunicorn,
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    with log.open("ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError("gunicorn stopped at start")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/robots.txt", headers={"X-Forwarded-Proto": "https"})
            connection.getresponse().read()
            connection.close()
            return process, port
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise BenchError("gunicorn did not answer")


def preflight(port: int, path: str, expect: int) -> frozenset[str]:
    """Registrations before the clock starts: is the form there, and does it
    work? A form sent back with errors names the fields it wants (aria-invalid)
    although the HTML did not mark them required: those are learned and filled
    in from then on. Returns the names learned."""
    client = Client("127.0.0.1", port)
    learned: frozenset[str] = frozenset()
    for attempt in range(1, 4):
        status, content, form = client.register(path, attempt, also_required=learned)
        if status == 404:
            raise BenchError(f"{NOT_THERE_YET}: GET {path} answers 404")
        if status == 0:
            raise BenchError(f"{NOT_THERE_YET}: {path} has no POST form")
        if status == expect:
            return learned
        again = find_form(content.decode("utf-8", "replace"), path) if status == 200 else None
        wanted = {control.name for control in again.controls if control.invalid} if again else set()
        if not wanted - learned:
            break
        learned |= wanted
    text = content.decode("utf-8", "replace")
    sent = [name for name, _value in fill_form(form, 1, learned)] if form else "?"
    raise BenchError(
        f"a registration was answered {status}, not {expect}; sent: {sent}\n{text[:1500]}"
    )


def summarise_log(log: Path) -> str:
    """The server's errors during the run, in short (the log goes with the
    temporary folder unless --keep)."""
    try:
        text = log.read_text(errors="replace")
    except OSError:
        return ""
    count = text.count("Traceback (most recent call last)")
    if not count:
        return ""
    first = text[text.index("Traceback (most recent call last)") :].splitlines()
    last_line = next((line for line in first[1:] if line and not line.startswith(" ")), "")
    context = text[: text.index("Traceback (most recent call last)")].strip().splitlines()
    before = context[-1] if context else ""
    return f"server log: {count} tracebacks; the first after “{before}”: {last_line}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=30, help="seconds (default 30)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--threads", type=int, default=4, help="threads per worker; 1 = sync workers (4)"
    )
    parser.add_argument("--capacity", type=int, default=1000, help="places of the event (1000)")
    parser.add_argument("--redis", default="", help="REDIS_URL for the cache (default: files)")
    parser.add_argument("--pg-host", default=os.environ.get("PGHOST", "127.0.0.1"))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("PGPORT", "5432")))
    parser.add_argument("--pg-user", default=os.environ.get("PGUSER", "postgres"))
    parser.add_argument("--keep", action="store_true", help="keep the database and files")
    parser.add_argument(
        "--form-path",
        default="",
        help="measure another form instead (checks this harness), e.g. /kk/survey/",
    )
    parser.add_argument(
        "--expect-status", type=int, default=303, help="status of a successful post (303)"
    )
    args = parser.parse_args()

    name = f"bench_registrations_{os.getpid()}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-registrations-"))
    (workdir / "static").mkdir()
    password = os.environ.get("PGPASSWORD", "")
    credentials = args.pg_user + (f":{urllib.parse.quote(password)}" if password else "")
    database_url = f"postgres://{credentials}@{args.pg_host}:{args.pg_port}/{name}"
    env = site_environment(workdir, database_url, args.redis)
    server = None
    created = django_ready = False
    try:
        postgres("createdb", args, name)
        created = True
        print(f"Building the demo site on PostgreSQL ({name}) ...", flush=True)
        build_site(env)
        setup_django(env)
        django_ready = True
        event_pk, event_url = create_bench_event(args.capacity)
        path = args.form_path or f"{event_url}register/"
        server_log = workdir / "gunicorn.log"
        server, port = start_server(env, args.workers, args.threads, server_log)
        learned = preflight(port, path, args.expect_status)
        if learned:
            print(f"Also required (learned from the form's errors): {sorted(learned)}")
        print(
            f"Measuring registrations (GET and POST {path}) for {args.duration:.0f} s "
            f"from {args.clients} clients ...",
            flush=True,
        )
        cpu_before = cpu_sample(server)
        client_before = time.process_time()
        result, elapsed = run_clients(
            "127.0.0.1",
            port,
            path,
            clients=args.clients,
            duration=args.duration,
            expect=args.expect_status,
            also_required=learned,
        )
        client_cpu = time.process_time() - client_before
        cpu_after = cpu_sample(server)
        server_cpu, database_cpu = cpu_used(cpu_before, cpu_after)
        server.terminate()
        server.wait(timeout=30)
        server = None
        check = check_event(event_pk)
        server_errors = summarise_log(server_log)
    except BenchError as error:
        print(f"FAIL: {error}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if django_ready:
            from django.db import connections

            connections.close_all()
        if created and not args.keep:
            try:
                postgres("dropdb", args, name, "--force", "--if-exists")
            except BenchError as error:
                print(f"warning: {error}", file=sys.stderr)
        if args.keep:
            print(f"Kept: database {name}, files {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    per_minute = result.ok / elapsed * 60
    cycle_ms = [g + p for g, p in zip(result.get_ms, result.post_ms, strict=True)]
    kind = f"{args.threads} threads" if args.threads > 1 else "sync"
    print(
        f"\ngunicorn {args.workers} workers ({kind}), {args.clients} clients, "
        f"{elapsed:.1f} s, PostgreSQL, cache: {'redis' if args.redis else 'files'}"
    )
    print(f"registrations accepted ({args.expect_status}): {result.ok}")
    if result.failures:
        print(f"failed requests: {result.failures}")
    if server_errors:
        print(server_errors)
    print(f"{'':<22}{'p50 ms':>9}{'p95 ms':>9}")
    for label, values in (
        ("GET form", result.get_ms),
        ("POST registration", result.post_ms),
        ("whole registration", cycle_ms),
    ):
        print(f"{label:<22}{percentile(values, 0.5):>9.1f}{percentile(values, 0.95):>9.1f}")
    if result.ok:
        per = 1000 / result.ok
        busy = server_cpu + database_cpu
        print(
            f"\nCPU per registration: gunicorn {server_cpu * per:.1f} ms + PostgreSQL "
            f"{database_cpu * per:.1f} ms = {busy * per:.1f} ms (clients {client_cpu * per:.1f} ms)"
        )
        print(
            f"  -> at most {60 * result.ok / busy:,.0f} registrations per minute per CPU core "
            f"for the site; this machine has {os.cpu_count()} cores, shared with the clients"
        )
    print(
        f"\nevent: {check.registrations} registrations, {check.confirmed_places} places "
        f"taken of {check.capacity}, {check.waiting} waiting"
    )
    if not args.form_path and check.registrations != result.ok + 1:
        print(
            f"note: {check.registrations} registrations in the database, "
            f"{result.ok + 1} accepted answers (incl. the preflight)"
        )
    status = 0
    if check.problems:
        for problem in check.problems:
            print(f"FAIL: {problem}")
        status = 1
    else:
        print("no overbooking; waiting-list numbers unique")
    meets = per_minute >= TARGET_PER_MINUTE and not result.failures
    verdict = "PASS" if meets else "FAIL"
    print(
        f"\n{per_minute:,.0f} registrations per minute (target >= {TARGET_PER_MINUTE:,}): {verdict}"
    )
    if status == 0 and not meets:
        status = 3
    return status


if __name__ == "__main__":
    sys.exit(main())
