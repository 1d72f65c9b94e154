"""Times as the screens show them."""

from __future__ import annotations


def local_time(moment, fmt: str = "%H:%M:%S") -> str:
    return moment.astimezone().strftime(fmt)
