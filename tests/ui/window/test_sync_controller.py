"""The desk's SyncController with a real hub process, on the desk's event loop (qasync), with
the guard on (a call to the hub on the GUI thread raises): presses are pushed as they commit,
the header says where the desk stands, the hub away is a count that grows and then drains,
and a desk never enrolled starts nothing and shows nothing."""

import socket
from pathlib import Path

import pytest

from models.services.sync import Backoff, SyncService
from models.store import ledger
from tests.helpers.hub_process import start_hub
from tests.sync.hubs import held, new_code
from tests.sync.test_engine_hub import all_links
from ui.common.operations import Operations
from ui.window.header_bar import HeaderBar
from ui.window.sync_controller import SyncController

WAIT_MS = 20_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def hub_db(tmp_path) -> Path:
    return tmp_path / "hub.db"


@pytest.fixture
def hub(hub_db):
    running = start_hub(hub_db)
    yield running
    running.stop()


@pytest.fixture
def incidents(desk_db, shipped_catalog, clock):
    from models.clock.act import Who
    from models.services.incidents import IncidentService

    return IncidentService(catalog=shipped_catalog, plan=desk_db[1], clock=clock,
                           who=lambda: Who("城东营业厅", "1号台", "张三"))


@pytest.fixture
def desk(qtbot, async_loop, desk_db, incidents, clock):
    """The controller as the desk builds it, its header, and the Operations door."""
    operations = Operations()
    service = SyncService(database=Path(desk_db[0].database), now=clock.now,
                          incidents=incidents)
    header = HeaderBar(clock=clock, hall="城东营业厅", desk="1号台")
    qtbot.addWidget(header)
    sync = SyncController(service=service, operations=operations, clock=clock,
                          backoff=Backoff(cap=1), long_poll=1)
    sync.status_changed.connect(header.set_sync)
    yield sync, header, operations
    sync.stop()


def press(operations, incidents, clock, times=1):
    for _ in range(times):
        clock.advance(seconds=1)
        assert operations.run(incidents.start, "fire") is not None


def test_a_desk_never_enrolled_starts_nothing_and_shows_nothing(desk):
    sync, header, _ = desk
    assert sync.start() is False
    assert sync.engine is None and sync.status == ""
    assert header.sync.isHidden()


def test_each_press_is_pushed_as_it_commits(desk, qtbot, incidents, clock, hub, hub_db):
    sync, header, operations = desk
    sync.service.enrol(hub.url, new_code(hub_db), desk_name="1号台")
    desk_id = sync.service.enrolment().desk_id
    assert sync.start()
    press(operations, incidents, clock)
    qtbot.waitUntil(lambda: len(held(hub_db, desk_id)) == ledger.head()[0], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: header.sync.text() == "已同步 · 17:00", timeout=WAIT_MS)
    assert header.sync.isVisibleTo(header)
    press(operations, incidents, clock)  # the next one too, at once
    qtbot.waitUntil(lambda: len(held(hub_db, desk_id)) == ledger.head()[0], timeout=WAIT_MS)


def test_the_hub_away_the_count_grows_then_drains(desk, qtbot, incidents, clock, hub_db):
    sync, header, operations = desk
    port = free_port()
    hub = start_hub(hub_db, "--port", str(port))
    try:
        sync.service.enrol(hub.url, new_code(hub_db), desk_name="1号台")
        desk_id = sync.service.enrolment().desk_id
        assert sync.start()
        qtbot.waitUntil(lambda: header.sync.text().startswith("已同步"), timeout=WAIT_MS)
        hub.stop()
        press(operations, incidents, clock, 50)
        links = ledger.head()[0]
        assert links >= 100  # every press committed with the hub away
        qtbot.waitUntil(lambda: header.sync.text().startswith(f"未同步 {links} 条 · "),
                        timeout=WAIT_MS)
        hub = start_hub(hub_db, "--port", str(port))
        qtbot.waitUntil(lambda: header.sync.text().startswith("已同步"), timeout=WAIT_MS)
        assert held(hub_db, desk_id) == all_links()  # each exactly once
    finally:
        hub.stop()



def test_head_offices_signed_plans_reach_the_desk_and_a_forgery_does_not(
        qtbot, async_loop, desk_db, incidents, clock, tmp_path, caplog):
    """Head office publishes plans 2026.5 signed at the hub; a desk enrolled with the key's
    fingerprint takes them by itself and offers to start again with them. The same bundle
    with one step changed on the way is refused, and the desk keeps its plans."""
    import shutil
    import subprocess
    import sys

    from models.plans.running import running_plan
    from models.store.paths import default_plans_dir
    from tests.helpers.hub_process import ROOT

    def main(*args):
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    folder, key, hub_db = tmp_path / "office_plans", tmp_path / "office.key", tmp_path / "h.db"
    shutil.copytree(default_plans_dir(), folder, ignore=shutil.ignore_patterns("drills"))
    catalog = folder / "catalog.toml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'version = "2026.1"', 'version = "2026.5"', 1), encoding="utf-8")
    fingerprint = main("hub", "keygen", "--out", str(key)).split("--office-key ")[1].split()[0]
    main("hub", "publish-plans", "--db", str(hub_db), "--key", str(key), "--from",
         str(folder), "--signer", "总部 赵总", "--signed-on", "2026-12-01")
    hub = start_hub(hub_db)
    service = SyncService(database=Path(desk_db[0].database), now=clock.now,
                          incidents=incidents)
    sync = SyncController(service=service, operations=Operations(), clock=clock,
                          backoff=Backoff(cap=1), long_poll=1, plans_every=3600,
                          running=lambda: running_plan(default_plans_dir()))
    try:
        service.enrol(hub.url, new_code(hub_db), desk_name="1号台", office_key=fingerprint)
        assert service.trusts_office_key(fingerprint)
        forged = service.office_bundle()
        taken: list[str] = []
        sync.plans_taken.connect(taken.append)
        assert sync.start()
        qtbot.waitUntil(lambda: taken == ["2026.5"], timeout=WAIT_MS)
        assert running_plan(default_plans_dir()).catalog.info.version == "2026.5"

        forged["version"] = "2026.6"
        forged["texts"]["catalog.toml"] = forged["texts"]["catalog.toml"].replace(
            'version = "2026.5"', 'version = "2026.6"', 1)
        sync.take_plans(forged)
        assert taken == ["2026.5"]  # nothing more offered
        assert running_plan(default_plans_dir()).catalog.info.version == "2026.5"
        assert "plans 2026.6 from head office refused" in caplog.text
    finally:
        sync.stop()
        hub.stop()


def test_a_desk_trusting_no_office_key_asks_for_no_plans(desk_db, incidents, clock, hub,
                                                         hub_db):
    service = SyncService(database=Path(desk_db[0].database), now=clock.now,
                          incidents=incidents)
    service.enrol(hub.url, new_code(hub_db), desk_name="1号台", office_key="")
    assert service.office_bundle() is None and not service.trusts_office_key("abc")
