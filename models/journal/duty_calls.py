"""The duty phone log (值班电话记录簿): each incoming call one journal entry `duty_call`; who
was told afterwards an entry `duty_call_told` that follows it. Nothing is changed once written.

The fields are those of the usual printed book (来电时间、来电单位、姓名、职务、电话、来电
内容、处理意见、已告知何人何时、记录人), as public guides to office phone records list them:
"接收的电话记录一般包括来电时间，来电单位，来电人的姓名、职务，来电事由，处理意见，接电人
的姓名、职务" (e-book.qq.com/read/1047379134/13, 2.4.1); a record part (来话单位、发话人、来话
时间、电话内容) and a handling part (拟办意见、领导批示、办理结果…) (newhan.cn
article info-705); "五个要素：来电时间，来电单位、姓名和对方的电话号码；来电内容；领导批示和
处理意见；记录人署名" (baiwen13.com/life/124025). No national standard for the book was
found to read here. The call's time is the entry's `at` (the day it belongs to); when it was
written down is in `data["recorded_at"]`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from models.clock.act import Act
from models.documents import CallLine
from models.journal import book

CALL, TOLD = "duty_call", "duty_call_told"
LIMITS = {"unit": 100, "name": 50, "post": 50, "phone": 40, "content": 2000, "handling": 1000,
          "recorder": 50, "told_name": 50}
MAX_TOLD = 20  # people told of one call
MAX_LATE = timedelta(days=7)  # a call written down later than this is no longer the book's


class CallRefused(Exception):
    """The call cannot be stored as typed: `problems` by field ("at", "content", "told", ...),
    each a code: empty, too_long, future, too_old, before_call, too_many."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in sorted(problems.items())))
        self.problems = problems


@dataclass(frozen=True)
class CallInput:
    at: datetime  # aware
    content: str
    unit: str = ""
    name: str = ""
    post: str = ""
    phone: str = ""
    told: tuple[tuple[str, datetime], ...] = ()  # name, when (aware)
    handling: str = ""  # 处理意见: what was done or decided about it (optional)
    recorder: str = ""  # "" = the clerk on duty
    incident: int | None = None
    incident_number: str = ""


@dataclass(frozen=True)
class StoredCall:
    id: int
    line: CallLine
    incident_id: int | None = None
    told_later: tuple[tuple[str, datetime], ...] = field(default=())


def _clean(text: str) -> str:
    return " ".join(text.split())


def _content(text: str) -> str:
    """The content keeps its line breaks; blank lines and trailing spaces go."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines() if line.strip())


def check(call: CallInput, now: datetime) -> tuple[CallInput, dict[str, str]]:
    """The call cleaned, and what is wrong with it (nothing: an empty dict)."""
    cleaned = CallInput(
        at=call.at, content=_content(call.content), unit=_clean(call.unit),
        name=_clean(call.name), post=_clean(call.post), phone=_clean(call.phone),
        told=tuple((_clean(n), at) for n, at in call.told if _clean(n)),
        handling=_content(call.handling), recorder=_clean(call.recorder), incident=call.incident,
        incident_number=call.incident_number)
    problems: dict[str, str] = {}
    if not cleaned.content:
        problems["content"] = "empty"
    for name, limit in LIMITS.items():
        if name != "told_name" and len(getattr(cleaned, name)) > limit:
            problems[name] = "too_long"
    if call.at > now:
        problems["at"] = "future"
    elif call.at < now - MAX_LATE:
        problems["at"] = "too_old"
    problems.update(_told_problems(cleaned.told, call.at, now))
    return cleaned, problems


def _told_problems(told: tuple[tuple[str, datetime], ...], called: datetime,
                   now: datetime) -> dict[str, str]:
    if len(told) > MAX_TOLD:
        return {"told": "too_many"}
    for name, at in told:
        if len(name) > LIMITS["told_name"]:
            return {"told": "too_long"}
        if at > now:
            return {"told": "future"}
        if at < called:
            return {"told": "before_call"}
    return {}


def record(call: CallInput, act: Act) -> book.Entry:
    """Write the call (CallRefused, writing nothing, when a field is wrong)."""
    call, problems = check(call, act.now)
    recorder = call.recorder or act.who.clerk
    if not recorder:  # the book names who wrote each call down
        problems["recorder"] = "empty"
    if problems:
        raise CallRefused(problems)
    data = {"unit": call.unit, "name": call.name, "post": call.post, "phone": call.phone,
            "content": call.content, "handling": call.handling, "recorder": recorder,
            "recorded_at": act.now.isoformat(),
            "told": [{"name": n, "at": at.isoformat()} for n, at in call.told],
            "incident_number": call.incident_number}
    return book.append(CALL, at=call.at, actor=recorder, desk=act.who.desk,
                       text=summary(call), data=data, incident=call.incident)


def tell(call_id: int, name: str, at: datetime, act: Act) -> book.Entry:
    """Someone told of the call afterwards: an entry that follows it."""
    first = book.entry(call_id)
    if first is None or first.kind != CALL:
        raise CallRefused({"call": "no_such_call"})
    told = ((_clean(name), at),)
    problems = ({"told": "empty"} if not told[0][0] else
                _told_problems(told, first.at, act.now))
    if problems:
        raise CallRefused(problems)
    return book.append(TOLD, at=act.now, actor=act.who.clerk, desk=act.who.desk,
                       text=told[0][0], follows=call_id, incident=first.incident,
                       data={"name": told[0][0], "at": at.isoformat()})


def summary(call: CallInput) -> str:
    """The line a reader of the journal (or of an incident's timeline) sees."""
    who = " ".join(p for p in (call.unit, call.name) if p)
    detail = "，".join(p for p in (call.post, call.phone) if p)
    head = f"{who}（{detail}）" if detail else who
    return f"{head}：{call.content}" if head else call.content


def calls(since: datetime, until: datetime, desk: str = "",
          altered: Collection[int] = ()) -> list[StoredCall]:
    """The calls that came in [since, until), by time, each with those told later;
    `altered`: the ids of journal entries changed outside the program (a call, or one told
    of it, among them is marked not intact)."""
    later: dict[int, list[tuple[str, datetime]]] = {}
    tainted = set()
    for e in book.entries((TOLD,), since=since):
        later.setdefault(e.follows, []).append((e.data["name"],
                                               datetime.fromisoformat(e.data["at"])))
        if e.id in altered:
            tainted.add(e.follows)
    found = [e for e in book.entries((CALL,), since=since, until=until)
             if not desk or e.desk == desk]
    stored = [_stored(e, tuple(later.get(e.id, ()))) for e in
              sorted(found, key=lambda e: (e.at, e.id))]
    return [replace(s, line=replace(s.line, intact=False))
            if s.id in altered or s.id in tainted else s for s in stored]


def _stored(e: book.Entry, told_later: tuple[tuple[str, datetime], ...]) -> StoredCall:
    d = e.data
    told = tuple((t["name"], datetime.fromisoformat(t["at"])) for t in d.get("told", ()))
    line = CallLine(e.at, d.get("unit", ""), d.get("name", ""), d.get("post", ""),
                    d.get("phone", ""), d.get("content", ""), told + told_later,
                    d.get("recorder", e.actor), d.get("incident_number", ""), e.desk,
                    d.get("handling", ""))
    return StoredCall(e.id, line, e.incident, told_later)
