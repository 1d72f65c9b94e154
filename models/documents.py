"""An incident record, a daily log, the contact sheet and the printed plan (cards, booklet,
the stamp of the plans in use) as plain data: what the record form edits and what the PDFs
print. No database, no Qt, no reportlab here: builders in models fill these from the
database, reports/ renders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class RecordFields:
    """What the documents ask a record to hold beyond the timeline (the record form)."""

    happened_at: datetime | None = None
    discovered_at: datetime | None = None
    reported_at: datetime | None = None
    handled_at: datetime | None = None
    place: str = ""
    reporter: str = ""
    handler: str = ""
    description: str = ""
    people: str = ""  # customers and staff involved, with their contacts
    injuries: str = ""
    loss_amount: str = ""  # yuan, as typed (validated as a number)
    loss_items: str = ""
    evidence: str = ""  # e.g. "监控录像已截取"
    evidence_keep_until: date | None = None
    actions: str = ""  # pre-filled from the timeline
    result: str = ""
    aftercare: dict[str, str] = field(default_factory=dict)  # item of [general].aftercare -> text
    follow_up_on: date | None = None


@dataclass(frozen=True)
class TimelineLine:
    at: datetime
    kind: str
    actor: str
    text: str
    late_seconds: int = 0  # a deadline met late: by how much
    levels: tuple[int, int] | None = None  # a level change: from, to (the text is the reason)
    received: tuple[str, str] | None = None  # a leader's 收到 by phone: who, hh:mm (the hub's)


@dataclass(frozen=True)
class DeadlineLine:
    label: str
    by: str  # role name
    to: str  # role name, or ""
    started_at: datetime
    due_at: datetime
    status: str  # pending, met, late, missed, prompted, decided, superseded, cancelled
    met_at: datetime | None = None
    late_seconds: int = 0


@dataclass(frozen=True)
class AmendmentLine:
    at: datetime
    by: str
    reason: str
    text: str  # the new text
    field: str = ""  # the RecordFields name, or "aftercare:<item>"


@dataclass(frozen=True)
class IncidentRecord:
    """One incident as printed: header, every field, timeline, deadlines, integrity."""

    number: str  # e.g. "20261120-003"
    hall: str
    desk: str
    clerk: str
    situation: str
    category: str
    level: str  # e.g. "一级应急事件（重大）"
    status: str  # open, in_hand, resolved, closed, cancelled
    is_drill: bool
    started_at: datetime
    closed_at: datetime | None
    plan_version: str
    fields: RecordFields
    aftercare_items: tuple[str, ...]  # the catalog's aftercare items, in order
    timeline: tuple[TimelineLine, ...]
    deadlines: tuple[DeadlineLine, ...]
    integrity_ok: bool
    amendments: tuple[AmendmentLine, ...] = ()
    integrity_problems: tuple[tuple[int, str], ...] = ()  # (entry position or 0, problem code)


ALTERED_MARK = "※"  # printed and shown before an incident changed outside the program


@dataclass(frozen=True)
class DailyRow:
    number: str
    started_at: datetime
    situation: str
    category: str
    level: str
    place: str
    status: str
    reporting: str  # "in time", "late", "missed", "pending" or "" (no deadline)
    is_drill: bool
    desk: str = ""
    intact: bool = True  # its row, record and deadlines say what its timeline recorded


@dataclass(frozen=True)
class CallLine:
    """One call of the duty phone log (值班电话记录簿), as the daily log prints it."""

    at: datetime  # when the call came (UTC)
    unit: str
    name: str
    post: str
    phone: str
    content: str
    told: tuple[tuple[str, datetime], ...]  # who else was told, and when (UTC)
    recorder: str
    incident: str = ""  # the number of the incident it is about, if one
    desk: str = ""
    handling: str = ""  # 处理意见
    intact: bool = True  # its journal entries are as written (models.store.plan_links)


@dataclass(frozen=True)
class HandoverLine:
    """One shift handover (交接班), as the daily log prints it."""

    at: datetime  # offered (UTC)
    outgoing: str
    incoming: str  # "" while unanswered
    outcome: str  # "accepted", "refused" or "open"
    reason: str  # a refusal's
    open_items: int  # running incidents + open deadlines handed over
    answered_at: datetime | None = None
    desk: str = ""
    intact: bool = True  # its journal entries are as written (models.store.plan_links)


@dataclass(frozen=True)
class DailyLog:
    hall: str
    desk: str  # "" for every desk
    first_day: date
    last_day: date
    rows: tuple[DailyRow, ...]  # real incidents and drills, by time
    by_category: tuple[tuple[str, int], ...]  # real incidents only
    by_level: tuple[tuple[str, int], ...]  # real incidents only
    missed_or_late: tuple[tuple[DailyRow, DeadlineLine], ...]  # real incidents only
    seal: str = ""  # the seal of everything the file held when the log was made (may be "")
    # Merged from a hub (head office): each desk's name and its seal as the hub holds it; the
    # rows then name their desk (models.incidents.history.merge_logs).
    seals: tuple[tuple[str, str], ...] = ()
    # The desk's journal (models.journal): a hub's rebuilt files hold none, so merged: empty.
    calls: tuple[CallLine, ...] = ()
    handovers: tuple[HandoverLine, ...] = ()

    @property
    def counted_rows(self) -> tuple[DailyRow, ...]:
        """The real incidents the totals count: not drills, not presses made by mistake
        (cancelled incidents are listed, never counted)."""
        return tuple(r for r in self.real_rows if r.status != "cancelled")

    @property
    def altered_journal(self) -> tuple[CallLine | HandoverLine, ...]:
        """The calls and handovers whose journal entries were changed outside the program."""
        return tuple(line for line in (*self.calls, *self.handovers) if not line.intact)

    @property
    def altered_rows(self) -> tuple[DailyRow, ...]:
        """Rows whose incident was changed outside the program: not to be trusted."""
        return tuple(r for r in self.rows if not r.intact)

    @property
    def real_rows(self) -> tuple[DailyRow, ...]:
        return tuple(r for r in self.rows if not r.is_drill)

    @property
    def drill_rows(self) -> tuple[DailyRow, ...]:
        return tuple(r for r in self.rows if r.is_drill)


@dataclass(frozen=True)
class ContactLine:
    name: str
    role: str  # role name
    organisation: str
    phones: tuple[tuple[str, str], ...]  # (label, number)
    available_24h: bool
    on_duty: str
    outside: bool


@dataclass(frozen=True)
class ContactSheet:
    """The printed contact sheet: groups by role, outside numbers first."""

    hall: str
    printed_at: datetime
    groups: tuple[tuple[str, bool, tuple[ContactLine, ...]], ...]  # (role name, outside, lines)


# ---- the printed plan: cards per situation and the booklet ---------------------------------

@dataclass(frozen=True)
class PlanStamp:
    """Which text of the plans is in use and who signed it (签发人, date): printed on every
    plan card and PDF, shown in the plans browser. `signer` "" means not signed yet."""

    version: str
    revised: date
    signer: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class CardStep:
    text: str
    role: str = ""  # who does it, when not the clerk at the desk (role name)
    calls: tuple[str, ...] = ()  # role names the step calls
    condition: str = ""  # only when this holds
    switch_to: str = ""  # the name of the plan that takes over
    after: bool = False  # once the event is over


@dataclass(frozen=True)
class CardCall:
    """Whom to call: a role, with its own number (110...) or the people the directory has for
    it; no number on file prints a line to write one on."""

    role: str  # role name
    numbers: tuple[tuple[str, str], ...]  # (person or "", number as read)
    public: bool = False  # one of the emergency numbers always in sight (110, 119, 120)
    condition: str = ""  # called only when this holds (the plan's steps say)
    after: bool = False  # called once the event is over
    report: bool = False  # the level's reporting chain: whom the desk reports to
    in_plan: bool = True  # the plan's steps call it (an emergency number may be shown anyway)


@dataclass(frozen=True)
class CardDeadline:
    """A reporting deadline or a plan's clock, as the desk runs it."""

    label: str
    minutes: int  # 0: at once
    by: str  # role name
    to: str = ""  # role name
    starts: tuple[tuple[str, str], ...] = (("start", ""),)  # (kind, detail): start, resolved,
    # manual (detail: the trigger), met / missed (detail: the other clock's label)
    holiday_minutes: int | None = None
    on_missed: str = ""
    level: bool = False  # the level's chain (not the plan's own clock)


@dataclass(frozen=True)
class PlanCard:
    """One situation as printed on the wall board, the pocket card and in the booklet."""

    key: str
    name: str
    category: str
    category_color: str
    level: int
    level_name: str  # "一级应急事件（重大）"
    level_color: str
    description: str
    steps: tuple[CardStep, ...]  # during the event, in plan order
    after_steps: tuple[CardStep, ...]  # once it is over
    say: tuple[str, ...]  # the words to say, in plan order
    calls: tuple[CardCall, ...]  # emergency numbers first, then whom to report to, then others
    deadlines: tuple[CardDeadline, ...]  # the level's chain first, then the plan's clocks
    supplies: tuple[str, ...]
    stamp: PlanStamp
    hall: str = ""


@dataclass(frozen=True)
class BookletLevel:
    level: int
    name: str  # "一级应急事件（重大）"
    color: str
    criteria: tuple[str, ...]
    handled_by: str
    deadlines: tuple[CardDeadline, ...]


@dataclass(frozen=True)
class PlanBooklet:
    """The whole plan as a booklet: cover, contents, levels, then every category's cards."""

    title: str
    hall: str
    stamp: PlanStamp
    first_steps: tuple[str, ...]
    reporting: tuple[str, ...]  # what a report tells
    levels: tuple[BookletLevel, ...]
    categories: tuple[tuple[str, str, tuple[PlanCard, ...]], ...]  # (name, colour, cards)
    numbers: tuple[CardCall, ...]  # every role with a number on file or to fill in
