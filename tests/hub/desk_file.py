"""Events as a desk sends them, made the real way: incidents handled through the services on
a real desk file, then its ledger read back exactly as stored and hashed (the wire's fields,
models.sync.protocol.EVENT_FIELDS) — no hand-made hashes."""

from __future__ import annotations

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, response
from models.plans import drafts
from models.plans.running import running_plan
from models.store import plan_links
from models.store.paths import default_plans_dir
from models.store.tables import bound_database

WHO = Who(hall="城东营业厅", desk="1号台", clerk="张三")

LEDGER_SQL = (
    "SELECT l.id, l.hash, l.kind, l.entry, t.incident_id, t.at, t.kind, t.actor, t.desk, "
    "t.text, t.data, t.prev_hash, t.hash FROM ledger l LEFT JOIN timeline_entry t "
    "ON l.kind = 0 AND t.id = l.entry ORDER BY l.id")
HEAD_SQL = ("SELECT id, number, situation_key, situation_name, category_key, level, is_drill, "
            "started_at, hall FROM incident")


def act(clock: FakeClock) -> Act:
    return Act(WHO, clock.now(), HolidayCalendar())


def handle_a_day(catalog, plan, clock: FakeClock) -> list[int]:
    """Two incidents: a fire handled (a step, a call, a deadline missed and acknowledged, a
    note, resolved) and a power cut started and cancelled; a plan draft changed and
    discarded between them."""
    fire = response.start_incident(catalog, plan, "fire", act(clock))
    clock.advance(seconds=20)
    response.set_step(catalog, fire, 0, True, act(clock))
    response.record_call(catalog, fire, "fire", act(clock))
    clock.advance(minutes=30)
    missed = deadlines.check_overdue(catalog, act(clock))
    for deadline_id in missed:
        deadlines.acknowledge(deadline_id, act(clock))
    plan_change_and_discard(clock)  # plan links among the entries: kinds 2 and 1
    response.add_note(fire, "火已扑灭", act(clock))
    response.mark_resolved(catalog, fire, act(clock))
    clock.advance(minutes=1)
    other = response.start_incident(catalog, plan, "power_cut", act(clock))
    response.cancel_incident(other, "按错了", act(clock))
    return [fire, other]


def plan_change_and_discard(clock: FakeClock) -> None:
    draft = drafts.open_draft(running_plan(default_plans_dir()), "李主管", clock.now())
    drafts.change(draft, "catalog.version", "2026.9", "李主管", clock.now())
    drafts.discard(draft, "李主管", clock.now())


def ledger_events(since: int = 0) -> list[dict]:
    """The desk's chain after position `since` as push events, the first event of each
    incident carrying its `incident_head`."""
    db = bound_database()
    heads = {row[0]: dict(zip(("number", "situation_key", "situation_name", "category_key",
                               "level", "is_drill", "started_at", "hall"), row[1:], strict=True))
             for row in db.execute_sql(HEAD_SQL).fetchall()}
    events, seen = [], set()
    for row in db.execute_sql(LEDGER_SQL).fetchall():
        if row[0] <= since:
            continue
        events.append(_event(row, heads, seen))
    return events


def _event(row: tuple, heads: dict, seen: set) -> dict:
    seq, link, link_kind, entry = row[:4]
    if link_kind:
        return {"seq": seq, "link": link, "link_kind": link_kind, "entry": entry,
                "hash": _plan_row_hash(link_kind, entry)}
    incident = row[4]
    event = {"seq": seq, "link": link, "link_kind": 0, "entry": entry, "incident": incident,
             "at": row[5], "kind": row[6], "actor": row[7], "desk": row[8], "text": row[9],
             "data": row[10], "prev": row[11], "hash": row[12]}
    if incident not in seen:
        seen.add(incident)
        head = dict(heads[incident])
        head["is_drill"] = bool(head["is_drill"])
        event["incident_head"] = head
    return event


def _plan_row_hash(kind: int, entry: int) -> str:
    """A plan link's row hash as the desk computed it (the hub checks the link, not the row)."""
    id_column = "r.id" if kind == plan_links.PLAN_ACT else "id"
    values = bound_database().execute_sql(
        f"{plan_links.ROWS_SQL[kind]} WHERE {id_column} = ?", (entry,)).fetchone()
    return plan_links.row_hash(values)
