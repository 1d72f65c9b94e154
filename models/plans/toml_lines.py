"""Find the line of a table or field in a TOML text, so problems can say FILE:LINE.

tomllib gives values but no positions. This scanner follows table headers and bare keys
the way plan files are written (one key per line, arrays of tables); it is only used to
point at a line, never to read values.
"""

from __future__ import annotations

import re

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\s]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\s]+?)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")

Path_ = tuple  # e.g. ("situation", 3, "step", 1) or ("catalog",)


class LineIndex:
    def __init__(self, text: str) -> None:
        self._lines: dict[Path_, int] = {}
        self._scan(text)

    def line_of(self, path: Path_, field: str | None = None) -> int | None:
        if field is not None and (path, field) in self._lines:
            return self._lines[(path, field)]
        return self._lines.get(path)

    def _scan(self, text: str) -> None:
        current: Path_ = ()
        counters: dict[Path_, int] = {}
        depth = 0  # open brackets of a multi-line array value
        in_multiline_string = False
        for number, line in enumerate(text.splitlines(), start=1):
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline_string = not in_multiline_string
                if not in_multiline_string:
                    continue
            if in_multiline_string and not _KEY.match(line):
                continue
            if depth == 0:
                header = _ARRAY_HEADER.match(line)
                if header:
                    current = self._array_path(header.group(1), current, counters)
                    self._lines.setdefault(current, number)
                    continue
                header = _TABLE_HEADER.match(line)
                if header:
                    current = tuple(p.strip() for p in header.group(1).split("."))
                    self._lines.setdefault(current, number)
                    continue
                key = _KEY.match(line)
                if key:
                    self._lines.setdefault((current, key.group(1)), number)
            depth = max(0, depth + _bracket_balance(line))

    @staticmethod
    def _array_path(dotted: str, current: Path_, counters: dict[Path_, int]) -> Path_:
        names = [p.strip() for p in dotted.split(".")]
        parent: Path_ = ()
        # An array nested in an array of tables belongs to that table's latest entry.
        for name in names[:-1]:
            index = counters.get((*parent, name), 0) - 1
            parent = (*parent, name, max(index, 0))
        key = (*parent, names[-1])
        counters[key] = counters.get(key, 0) + 1
        return (*parent, names[-1], counters[key] - 1)


def _bracket_balance(line: str) -> int:
    """Open minus closed brackets outside strings and comments, for multi-line arrays."""
    balance = 0
    quote = ""
    escaped = False
    seen_equals = False
    for ch in line:
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
            continue
        if ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch == "=":
            seen_equals = True
        elif ch == "[" and (seen_equals or balance > 0 or not line.lstrip().startswith("[")):
            balance += 1
        elif ch == "]" and (seen_equals or balance > 0 or not line.lstrip().startswith("[")):
            balance -= 1
    return balance
