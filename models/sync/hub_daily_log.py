"""The daily log of every desk that synced to a hub (head office's `export daily --hub`):
the hub's history fetched page by page, each desk's records rebuilt into a temporary
desk-shaped file (models.sync.history_import), the desk's own daily log made from it (so each
row is checked against its timeline as the hub holds it), and the logs merged, each desk
named by its hall and name, with its seal."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from models.documents import DailyLog
from models.incidents.history import daily_log, merge_logs
from models.plans.catalog import Catalog
from models.sync.history_import import build_desk_file, desks_of

MAX_PAGES = 100_000  # a loop guard: 200 incidents a page


def fetch_history(fetch: Callable[[str], dict], first: date, last: date,
                  zone: ZoneInfo) -> list[dict]:
    """Every page of the hub's history of those days (`fetch(query)` is one GET)."""
    pages, after = [], ""
    for _ in range(MAX_PAGES):
        page = fetch(urlencode({"from": first.isoformat(), "to": last.isoformat(),
                                "zone": zone.key, "after": after}))
        pages.append(page)
        if not page.get("more") or not page.get("after"):
            break
        after = page["after"]
    return pages


def merged_daily_log(pages: list[dict], catalog: Catalog, first: date, last: date,
                     zone: ZoneInfo, now: datetime) -> DailyLog:
    """The pages as one daily log, each desk named (an empty log when no desk synced)."""
    logs = []
    with tempfile.TemporaryDirectory(prefix="ed-hub-log-") as folder:
        for n, desk in enumerate(desks_of(pages)):
            db = build_desk_file(Path(folder) / f"desk-{n}.db", desk, catalog, now)
            try:
                log = daily_log(catalog, first, last, hall=desk.hall, zone=zone)
            finally:
                db.close()
            logs.append((f"{desk.hall} {desk.name}".strip(), log))
    if not logs:
        return DailyLog("", "", first, last, (), (), (), ())
    return merge_logs(logs)
