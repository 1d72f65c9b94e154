"""Reading a TOML file to check it, and its problems as `FILE:LINE: what is wrong`.

One path for the plan catalog (models.plans.loader) and the drill scenarios
(models.drills.scenarios): the same reading (UTF-8, a byte-order mark allowed, syntax errors
at their line), the same Problem, and the same way to point at the line of a table or field.
"""

from __future__ import annotations

import re
import stat
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from models.plans.toml_lines import LineIndex

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file. `message` says it in English (the CLI, logs); a screen that
    words problems for its user uses `code`, `field`, `index` and `detail` instead."""

    file: str
    line: int | None
    message: str
    code: str = ""  # what is wrong, for a screen to word ("" when only the message says it)
    field: str = ""  # the field at fault, if one
    index: int | None = None  # which entry of a repeated table (0-based), if the fault is in one
    detail: str = ""  # the value or limit the words need
    at: tuple = ()  # where in the file's data, as the loader walks it: ("situation", 3, "step", 1)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" if where else self.message


def unknown_field(name: str, table: str, allowed: Iterable[str]) -> str:
    """The words for a field the table does not have, the same in every kind of file."""
    return f"unknown field '{name}' in {table} (allowed: {', '.join(allowed)})"


class TomlSource:
    """One TOML text under check: its name, its bytes, and the line of any table or field,
    found only when a problem needs it (a good file never pays for the scan)."""

    def __init__(self, name: str, text: str, raw: bytes = b"") -> None:
        self.name = name
        self.text = text
        self.raw = raw
        self._lines: LineIndex | None = None

    def line_of(self, where: tuple, field: str | None = None) -> int | None:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines.line_of(where, field)

    def problem(self, where: tuple, field: str | None, message: str, **codes) -> Problem:
        """A problem at the line of `field` in the table at `where` (or of the table)."""
        return Problem(self.name, self.line_of(where, field), message, **codes)


MAX_BYTES = 2_000_000  # the largest shipped plan file is ~60 KB


class _Refused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _read_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES. Checked before opening: a FIFO or a
    device named as a plan file would otherwise hang or never end."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise _Refused("not_a_file", "not a regular file (a folder, pipe or device)")
    if info.st_size > MAX_BYTES:
        raise _Refused("too_large", f"too large ({info.st_size:,} bytes; at most "
                                    f"{MAX_BYTES:,})")
    with path.open("rb") as f:
        raw = f.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:  # it grew while we read
        raise _Refused("too_large", f"too large (over {MAX_BYTES:,} bytes)")
    return raw


def read_toml(path: Path) -> tuple[TomlSource | None, dict | None, list[Problem]]:
    """(the source, its data, []) or (source or None, None, the problem that stops reading)."""
    name = str(path)
    try:
        raw = _read_limited(Path(path))
    except _Refused as e:
        return None, None, [Problem(name, None, e.message, e.code)]
    except OSError as e:
        detail = e.strerror or str(e)
        return None, None, [Problem(name, None, f"cannot read: {detail}", "unreadable",
                                    detail=detail)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, None, [Problem(name, line, "not UTF-8 text: save the file as UTF-8",
                                    "not_utf8")]
    source = TomlSource(name, text, raw)
    data, problems = parse_toml(source)
    return source, data, problems


def parse_toml(source: TomlSource) -> tuple[dict | None, list[Problem]]:
    """The data of a TOML text, or the syntax error at its line."""
    try:
        return tomllib.loads(source.text), []
    except RecursionError:  # tomllib recurses once per level of nesting
        return None, [Problem(source.name, None, "nested too deeply to be a plan or scenario "
                              "(arrays or tables inside each other hundreds of times)",
                              "too_deep")]
    except tomllib.TOMLDecodeError as e:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        detail = re.sub(r"\s*\(at line.*\)$", "", str(e)) or "invalid TOML"
        line = int(match.group(1)) if match else None
        if match:
            detail += f" (column {match.group(2)})"
        return None, [Problem(source.name, line, f"TOML syntax: {detail}", "syntax",
                              detail=detail)]
