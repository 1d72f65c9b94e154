"""The hall the tests' desks stand in: times written in its zone, whatever the machine's."""

from zoneinfo import ZoneInfo

HALL = ZoneInfo("Asia/Shanghai")  # the `timezone` setting's default
