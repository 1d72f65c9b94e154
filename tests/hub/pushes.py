"""Push bodies as a desk sends them."""

from __future__ import annotations

import copy


def push_body(events: list[dict], after: int | None = None, after_link: str | None = None,
              **extra) -> dict:
    first = events[0]["seq"] if events else (after or 0) + 1
    body = {"proto": 1, "schema": 7, "app": "test", "sent_at": "2026-11-20T09:00:00Z",
            "after": first - 1 if after is None else after, "events": copy.deepcopy(events)}
    if after_link is not None:
        body["after_link"] = after_link
    body.update(extra)
    return body
