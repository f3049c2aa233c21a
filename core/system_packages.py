"""The Debian packages the project needs beyond Python, from one list
(site/deploy/system-packages.toml): `make run`, `make test` and `.ci/run`
install the missing ones when they can, and otherwise print one list of what
to install and why; the tests that need a missing one skip with that reason.

Standard library only: it runs with the machine's python3 before the
virtual environment exists.

    python3 core/system_packages.py ensure test [--strict]
    python3 core/system_packages.py list
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

LIST = Path(__file__).resolve().parent.parent / "site" / "deploy" / "system-packages.toml"
TARGETS = ("run", "test", "bench")


@dataclass(frozen=True)
class Package:
    name: str
    targets: tuple[str, ...]
    check: dict
    purpose: str
    without: str

    def present(self) -> bool:
        check = self.check
        if "env" in check and os.environ.get(check["env"]):
            return Path(os.environ[check["env"]]).exists()
        if "command" in check:
            return shutil.which(check["command"]) is not None
        if "library" in check:
            return ctypes.util.find_library(check["library"]) is not None
        if "file" in check:
            return Path(check["file"]).exists()
        raise ValueError(f"{self.name}: no check in {LIST.name}")


def packages(target: str | None = None) -> list[Package]:
    """Every package of the list, or those a make target needs."""
    with LIST.open("rb") as handle:
        rows = tomllib.load(handle)["package"]
    found = [
        Package(
            name=row["name"],
            targets=tuple(row["for"]),
            check=row["check"],
            purpose=row["purpose"],
            without=row["without"],
        )
        for row in rows
    ]
    return [p for p in found if target is None or target in p.targets]


def package(name: str) -> Package:
    for candidate in packages():
        if candidate.name == name:
            return candidate
    raise KeyError(f"{name} is not in {LIST}")


def missing_reason(name: str) -> str | None:
    """None when the package is there; otherwise why a test that needs it cannot run."""
    wanted = package(name)
    if wanted.present():
        return None
    return (
        f"Debian package {wanted.name} is missing ({wanted.purpose}); "
        f"`make test` installs it when it runs as root, or: sudo apt-get install {wanted.name}"
    )


def _install_command() -> list[str] | None:
    """How to run apt-get as root here, or None when this user cannot."""
    if not shutil.which("apt-get"):
        return None
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    asked = [sudo, "-n", "true"] if sudo else None
    if asked and subprocess.run(asked, capture_output=True).returncode == 0:  # noqa: S603
        return [sudo, "-n"]
    return None


def _apt_get(prefix: list[str], *args: str) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(  # noqa: S603 - our fixed package names
        [*prefix, "apt-get", *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n", file=sys.stderr)
    return done.returncode == 0


def _describe(missing: list[Package]) -> str:
    width = max(len(p.name) for p in missing)
    lines = [f"  {p.name:<{width}}  {p.purpose}; without it: {p.without}" for p in missing]
    names = " ".join(p.name for p in missing)
    return "\n".join([*lines, f"Install them with: sudo apt-get install {names}"])


def ensure(target: str, *, strict: bool = False) -> int:
    """Install what `target` needs and is missing, when this user can."""
    missing = [p for p in packages(target) if not p.present()]
    if not missing:
        return 0
    names = [p.name for p in missing]
    prefix = _install_command()
    if prefix is not None:
        print(f"==> Installing system packages: {' '.join(names)} (a minute or two, once)")
        # The package lists may be stale or absent on a new machine.
        _apt_get(prefix, "update", "-qq")
        _apt_get(prefix, "install", "-y", "-qq", *names)
        missing = [p for p in missing if not p.present()]
        if not missing:
            return 0
        print("These system packages could not be installed:", file=sys.stderr)
    else:
        print(
            "These system packages are missing, and this user cannot install them"
            " (needs root or password-less sudo, and apt-get):",
            file=sys.stderr,
        )
    print(_describe(missing), file=sys.stderr)
    return 1 if strict else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ensure_parser = commands.add_parser("ensure", help="install what a make target needs")
    ensure_parser.add_argument("target", choices=TARGETS)
    ensure_parser.add_argument(
        "--strict", action="store_true", help="exit 1 if anything is still missing (CI)"
    )
    commands.add_parser("list", help="every package, and whether it is here")
    args = parser.parse_args(argv)
    if args.command == "ensure":
        return ensure(args.target, strict=args.strict)
    for item in packages():
        state = "present" if item.present() else "MISSING"
        print(f"{item.name:<22} {state:<8} {', '.join(item.targets):<10} {item.purpose}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
