"""The desk's engine against a real hub process: enrolment, every link pushed exactly once,
the hub away and back, a retry after a lost answer, a file older than the hub's copy
(`behind`), a file changed after the hub received it (`diverged`), a token withdrawn."""

import subprocess
import sys

from models.services.sync import SyncService
from models.store import ledger
from models.sync.client import HubClient
from models.sync.engine import Backoff
from tests.helpers.hub_process import ROOT, start_hub
from tests.sync.conftest import press
from tests.sync.hubs import desk_row, held, new_code

FAST = {"backoff": Backoff(cap=1, rng=lambda: 0.5)}


def enrolled(desk_path, clock, hub, hub_db, name="1号台") -> SyncService:
    service = SyncService(database=desk_path, now=clock.now)
    service.enrol(hub.url, new_code(hub_db), desk_name=name)
    return service


def all_links() -> list[tuple[int, str]]:
    from models.store.tables import LedgerEntry

    return list(LedgerEntry.select(LedgerEntry.id, LedgerEntry.hash)
                .order_by(LedgerEntry.id).tuples())


def test_a_round_pushes_every_link_once_and_the_backlog_reaches_0(desk_path, incidents, clock,
                                                                  hub, hub_db):
    press(incidents, clock, 3)
    service = enrolled(desk_path, clock, hub, hub_db)
    engine = service.engine(**FAST)
    try:
        report = engine.round()
        press(incidents, clock, 1)
        second = engine.round()
    finally:
        engine.close()
    assert report.error == "" and report.state == "ok"
    assert report.pushed == report.local_head and report.first_pushed == 1
    assert second.first_pushed == report.local_head + 1 and second.backlog == 0
    assert held(hub_db, service.enrolment().desk_id) == all_links()
    assert service.standing(second.progress).backlog == 0


def test_batches_of_a_few_links_push_the_whole_chain(desk_path, incidents, clock, hub, hub_db):
    press(incidents, clock, 4)
    service = enrolled(desk_path, clock, hub, hub_db)
    engine = service.engine(**FAST)
    engine._batch = 3
    try:
        report = engine.round()
    finally:
        engine.close()
    assert report.backlog == 0 and report.pushed == ledger.head()[0]
    assert held(hub_db, service.enrolment().desk_id) == all_links()


def test_the_hub_away_then_back_every_press_arrives_once(desk_path, incidents, clock, hub,
                                                         hub_db):
    service = enrolled(desk_path, clock, hub, hub_db)
    engine = service.engine(**FAST)
    try:
        hub.stop()
        press(incidents, clock, 50)
        away = engine.round()
        assert away.error and away.backlog == ledger.head()[0] and away.retry_in <= 1
        service.keep(away.progress, now=True)
        assert service.standing().backlog == ledger.head()[0]
        back = start_hub(hub_db)
        engine.client = engine.listener = HubClient(back.url, engine.client.token,
                                                    now=clock.now)
        try:
            report = engine.round()
        finally:
            back.stop()
    finally:
        engine.close()
    assert report.error == "" and report.backlog == 0
    assert held(hub_db, service.enrolment().desk_id) == all_links()


def test_a_retry_after_a_lost_answer_stores_nothing_twice(desk_path, incidents, clock, hub,
                                                          hub_db):
    """The push arrived and was kept, but its answer was lost: the desk still thinks the hub
    holds nothing and sends the same batch again."""
    press(incidents, clock, 2)
    service = enrolled(desk_path, clock, hub, hub_db)
    engine = service.engine(**FAST)
    try:
        first = engine.round()
        engine.progress = service.progress()  # what the desk knew before the answer
        engine._greeted = True  # no hello between: the retry goes straight out
        again = engine.round()
    finally:
        engine.close()
    assert first.pushed == ledger.head()[0]
    assert again.pushed == 0 and again.backlog == 0 and again.error == ""
    assert held(hub_db, service.enrolment().desk_id) == all_links()


def test_a_file_restored_from_an_older_backup_is_behind(desk_db, desk_path, incidents, clock,
                                                        hub, hub_db, tmp_path):
    service = enrolled(desk_path, clock, hub, hub_db)
    press(incidents, clock, 1)
    older = tmp_path / "older.db"
    desk_db[0].execute_sql("VACUUM INTO ?", (str(older),))  # last night's backup
    engine = service.engine(**FAST)
    try:
        engine.round()
    finally:
        engine.close()
    press(incidents, clock, 1)
    engine = service.engine(**FAST)
    try:
        assert engine.round().backlog == 0
    finally:
        engine.close()
    held_before = held(hub_db, service.enrolment().desk_id)
    restored = SyncService(database=older, now=clock.now)
    desk_db[0].close()
    from models.store.schema import open_database

    db = open_database(older)
    try:
        engine = restored.engine(**FAST)
        try:
            report = engine.round()
        finally:
            engine.close()
    finally:
        db.close()
    assert report.state == "behind" and report.pushed == 0
    assert report.hub_head == held_before[-1][0] > report.local_head
    assert held(hub_db, service.enrolment().desk_id) == held_before


def test_a_file_changed_after_the_hub_received_it_is_diverged(desk_db, desk_path, incidents,
                                                              clock, hub, hub_db):
    from tests.helpers.forgery import recompute_everything

    press(incidents, clock, 3)
    service = enrolled(desk_path, clock, hub, hub_db)
    engine = service.engine(**FAST)
    try:
        engine.round()
    finally:
        engine.close()
    desk_db[0].close()
    recompute_everything(desk_path, incident=2)
    from models.store.schema import open_database

    db = open_database(desk_path)
    try:
        engine = service.engine(**FAST)
        try:
            report = engine.round()
        finally:
            engine.close()
    finally:
        db.close()
    assert report.state == "diverged" and report.pushed == 0


def test_a_withdrawn_token_stops_pushing_and_waits_an_hour(desk_path, incidents, clock, hub,
                                                           hub_db):
    service = enrolled(desk_path, clock, hub, hub_db, name="3号台")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "revoke", "--db",
                             str(hub_db), "--desk", "3号台"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    press(incidents, clock, 1)
    engine = service.engine(**FAST)
    try:
        report = engine.round()
        again = engine.round()  # a press nudges it: no request before the hour is out
    finally:
        engine.close()
    assert report.state == "revoked" and report.retry_in == 3600
    assert again.state == "revoked" and 3500 < again.retry_in <= 3600
    assert held(hub_db, service.enrolment().desk_id) == []


def test_the_hub_measures_the_desks_clock(desk_path, incidents, clock, hub, hub_db):
    """The fake clock reads 2026-11-20 09:00: far behind the hub's real time."""
    from datetime import UTC, datetime

    service = enrolled(desk_path, clock, hub, hub_db)
    press(incidents, clock, 1)
    engine = service.engine(**FAST)
    try:
        report = engine.round()
    finally:
        engine.close()
    truth = (datetime.now(UTC) - clock.now()).total_seconds()
    row = desk_row(hub_db, service.enrolment().desk_id)
    assert abs(row["skew_ms"] / 1000 - truth) < 60
    assert abs(report.offset.total_seconds() - truth) < 60


class NewerDesk(HubClient):
    """The client of a later program, speaking protocol 2 (the hub knows 1)."""

    def _body(self, **fields):
        return {**super()._body(**fields), "proto": 2}


def test_a_hub_older_than_the_desk_stops_pushing_and_waits_an_hour(desk_path, incidents,
                                                                   clock, hub, hub_db):
    service = enrolled(desk_path, clock, hub, hub_db)
    press(incidents, clock, 1)
    engine = service.engine(**FAST)
    engine.client = NewerDesk(hub.url, engine.client.token, now=clock.now)
    try:
        report = engine.round()
    finally:
        engine.close()
    assert report.state == "hub_older" and report.retry_in == 3600
    assert "update the hub" in report.error
    assert held(hub_db, service.enrolment().desk_id) == []
    assert report.backlog == ledger.head()[0]
