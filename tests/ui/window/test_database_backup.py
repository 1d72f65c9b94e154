"""The desk backs itself up while it runs: due copies made in the background, a failure told
once to the clerk in the desk's language, nothing made when none is due."""

import asyncio
import contextlib
from datetime import datetime, timedelta
from pathlib import Path

from models.store.backups import backups_in
from models.store.schema import SCHEMA_VERSION
from ui.window.database_backup import back_up_if_due, keep_backups

START = datetime(2026, 11, 20, 8, 0)


def test_the_day_s_first_start_makes_a_backup_and_the_next_round_does_not(desk_db, tmp_path):
    times = iter([START, START, START + timedelta(minutes=10)])
    rounds, checkpoints = [], []

    async def wait():
        rounds.append(1)
        if len(rounds) == 2:
            raise asyncio.CancelledError

    with contextlib.suppress(asyncio.CancelledError):
        asyncio.run(keep_backups(tmp_path / "desk.db", tmp_path / "b", now=lambda: next(times),
                                 warn=lambda *t: None, checkpoint=lambda: checkpoints.append(1),
                                 known_version=SCHEMA_VERSION,
                                 wait=wait))
    assert [b.made for b in backups_in(tmp_path / "b", Path("desk.db"))] == [START]
    assert checkpoints == [1, 1]  # the log copied into the main file every round


def test_a_failed_backup_is_told_in_the_desk_s_language(desk_db, tmp_path):
    (tmp_path / "b").write_text("a file where the folder should be")
    warnings = []
    made = asyncio.run(back_up_if_due(tmp_path / "desk.db", tmp_path / "b",
                                      now=lambda: START, warn=lambda *t: warnings.append(t),
                                      known_version=SCHEMA_VERSION))
    assert made is None
    [(title, text, details)] = warnings
    assert title == "备份失败"
    assert str(tmp_path / "b") in text and details
