"""An event as a push carries it (models.sync.protocol.EVENT_FIELDS), checked for shape:
a malformed one is a 400 naming the field, before any storage work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.store.plan_links import KINDS as PLAN_LINK_KINDS

TIMELINE = 0
MAX_ID = 2**63 - 1  # a bigint on PostgreSQL


class Malformed(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    link: str
    link_kind: int
    entry: int
    hash: str
    incident: int | None = None
    at: str = ""
    kind: str = ""
    actor: str = ""
    desk: str = ""
    text: str = ""
    data: str = ""
    prev: str = ""
    head: dict | None = None  # incident_head: for display, not hashed

    @property
    def stored_kind(self) -> str:
        """The event's kind as stored: the entry's, or the plan link's name."""
        return self.kind if self.link_kind == TIMELINE else PLAN_LINK_KINDS[self.link_kind]


_INT = ("seq", "entry")
_TEXT = ("at", "kind", "actor", "desk", "text", "data", "prev")


def parse_events(raw: Any) -> list[Event]:
    if not isinstance(raw, list):
        raise Malformed("events", "\"events\" is a list")
    return [parse_event(item, i) for i, item in enumerate(raw)]


def parse_event(item: Any, index: int) -> Event:
    if not isinstance(item, dict):
        raise Malformed(f"events[{index}]", "each event is an object")
    for name in _INT:
        _need(item, name, int, index)
    link, digest = _need(item, "link", str, index), _need(item, "hash", str, index)
    link_kind = item.get("link_kind", TIMELINE)
    if link_kind != TIMELINE and link_kind not in PLAN_LINK_KINDS:
        raise Malformed(f"events[{index}].link_kind", f"unknown link_kind {link_kind!r}")
    if link_kind != TIMELINE:
        return Event(item["seq"], link, link_kind, item["entry"], digest)
    if item.get("incident") is None and item.get("hash") == "":
        # the desk's entry is gone from under its link (removed outside the program): the
        # desk sends what it has, and the hub refuses it as a hash that does not check
        return Event(item["seq"], link, TIMELINE, item["entry"], "")
    _need(item, "incident", int, index)
    for name in _TEXT:
        _need(item, name, str, index)
    head = item.get("incident_head")
    return Event(item["seq"], link, TIMELINE, item["entry"], digest, item["incident"],
                 item["at"], item["kind"], item["actor"], item["desk"], item["text"],
                 item["data"], item["prev"], head if isinstance(head, dict) else None)


def _need(item: dict, name: str, kind: type, index: int) -> Any:
    value = item.get(name)
    if not isinstance(value, kind) or isinstance(value, bool) \
            or (kind is int and not 0 <= value <= MAX_ID) \
            or (kind is str and "\x00" in value):  # PostgreSQL's text holds no NUL
        raise Malformed(f"events[{index}].{name}", f"event {index}: missing or malformed "
                        f"{name!r}")
    return value
