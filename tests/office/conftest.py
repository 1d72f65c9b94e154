"""The hub's fixtures (tests/hub/conftest.py) for head office's handler tests: a store on
SQLite and on PostgreSQL, the application served in this process, enrolment, a real desk
file's chain as push events."""

from tests.hub.conftest import desk_events, enrol, served, store, store_url  # noqa: F401
