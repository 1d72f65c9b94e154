"""The hall the tests' desks stand in: times written in its zone, whatever the machine's."""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

HALL = ZoneInfo("Asia/Shanghai")  # the `timezone` setting's default


@contextmanager
def machine_zone(name: str) -> Iterator[None]:
    """This process's own zone (what a bare `astimezone()` reads) set to `name`, then put
    back. POSIX only: `time.tzset` does not exist on Windows."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
