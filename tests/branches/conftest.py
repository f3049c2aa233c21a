from tests.events.conftest import events_index, make_event  # noqa: F401 - shared fixtures
