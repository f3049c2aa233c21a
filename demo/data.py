"""Reads the demo's data files: one YAML file per area in demo/fixtures/.

They are not Django `loaddata` fixtures: seed_demo builds the pages, snippets
and records from them through the apps' models and services, so that trees,
revisions, registrations and results come out as staff would make them."""

import functools
from pathlib import Path

import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load(name: str) -> dict:
    """The content of demo/fixtures/<name>.yaml (read once per process)."""
    with (FIXTURES / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=Loader)  # noqa: S506 - a safe loader
