"""A desk database prepared for the GUI tests: incidents started minutes ago, so deadlines
are already missed and the alarm rings the moment the real desk opens (its clock cannot be
injected from outside the process)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

HALL, DESK, CLERK = "城东营业厅", "1号台", "张三"


def prepare_desk(folder: Path, *, started_minutes_ago: tuple[tuple[str, int], ...] = (),
                 language: str = "zh_CN", text_size: int = 100) -> Path:
    """Write desk.db and settings.json (a clerk on duty) in `folder`; return the database
    path. `started_minutes_ago`: (situation key, minutes) for each incident to start."""
    from models.clock.act import Act, Who
    from models.clock.hall_time import DEFAULT_ZONE
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.loader import load_catalog
    from models.plans.versions import record_plan_version
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database
    from models.store.settings import SettingsStore

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "desk.db"
    settings = SettingsStore(folder / "settings.json")
    for key, value in (("hall_name", HALL), ("desk_name", DESK), ("clerk_on_duty", CLERK),
                       ("language", language), ("text_size", text_size),
                       ("edition", "all")):  # every plan, as the incidents below use
        settings.set(key, value)
    db = open_database(path)
    try:
        catalog = load_catalog(default_plans_dir())
        now = datetime.now(DEFAULT_ZONE)
        plan = record_plan_version(catalog, now - timedelta(hours=1))
        who = Who(HALL, DESK, CLERK)
        for key, ago in started_minutes_ago:
            act = Act(who, now - timedelta(minutes=ago), HolidayCalendar(), DEFAULT_ZONE)
            incident = response.start_incident(catalog, plan, key, act)
            response.set_step(catalog, incident, 0, True, act)
    finally:
        db.close()
    return path


def calls_recorded(path: Path) -> list[str]:
    """The text of every "called" entry in the database's timelines, oldest first (read
    while the desk runs: SQLite in WAL mode lets a reader in)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT text FROM timeline_entry WHERE kind = 'called' ORDER BY id").fetchall()
    finally:
        connection.close()
    return [text for (text,) in rows]
