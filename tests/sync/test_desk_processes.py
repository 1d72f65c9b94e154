"""Desks as real processes syncing through one real hub: two desks each see the other's
incident in their pull; a desk whose clock is an hour ahead (faketime) is measured by the hub
as an hour off, while what it records stays in its own order."""

import os
import shutil

import pytest

from models.services.sync import SyncService
from models.store.schema import open_database
from tests.sync.desks import DeskSync
from tests.sync.hubs import desk_row, new_code


def enrolled_file(path, hub, hub_db, name: str) -> str:
    """A new desk file enrolled at the hub (as `main.py sync enrol` does); its desk id."""
    from datetime import UTC, datetime

    db = open_database(path)
    try:
        service = SyncService(database=path, now=lambda: datetime.now(UTC))
        return service.enrol(hub.url, new_code(hub_db), desk_name=name).desk_id
    finally:
        db.close()


def test_two_desks_each_see_the_others_incident(tmp_path, hub, hub_db, shipped_catalog):
    enrolled_file(tmp_path / "one.db", hub, hub_db, "1号台")
    enrolled_file(tmp_path / "two.db", hub, hub_db, "2号台")
    one = DeskSync(tmp_path / "one.db", "1号台")
    try:
        two = DeskSync(tmp_path / "two.db", "2号台")
        try:
            first = one.ask("press fire").split()[1]
            second = two.ask("press power_cut").split()[1]
            assert two.ask(f"wait seen 1号台#{first}").startswith("seen ")
            assert one.ask(f"wait seen 2号台#{second}").startswith("seen ")
            assert one.ask("wait backlog 0") == "backlog 0"
            assert two.ask("wait backlog 0") == "backlog 0"
            assert one.ask("status?").startswith("status Synced · ")  # (no translator)
        finally:
            two.stop()
    finally:
        one.stop()


FAKETIME = shutil.which("faketime")


def test_a_desk_an_hour_ahead_is_measured_an_hour_off(tmp_path, hub, hub_db):
    if FAKETIME is None:
        if os.environ.get("CI") == "true":
            pytest.fail("faketime is not installed (Debian: apt-get install faketime)")
        pytest.skip("faketime is not installed (Debian: apt-get install faketime)")
    desk_id = enrolled_file(tmp_path / "one.db", hub, hub_db, "1号台")
    desk = DeskSync(tmp_path / "one.db", "1号台", prefix=(FAKETIME, "-f", "+1h"),
                    env={"FAKETIME_DONT_FAKE_MONOTONIC": "1"})
    try:
        desk.ask("press fire")
        assert desk.ask("wait backlog 0") == "backlog 0"
        offset_ms = int(desk.ask("wait offset").split()[1])
    finally:
        desk.stop()
    skew = desk_row(hub_db, desk_id)["skew_ms"]
    assert abs(skew + 3_600_000) < 5_000, skew  # the hub's clock minus the desk's
    assert abs(offset_ms + 3_600_000) < 5_000, offset_ms
