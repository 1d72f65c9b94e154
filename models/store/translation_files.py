"""Checks on the translation files before anything reads them: the screens' compiled .qm (read
by Qt's C++ parser) and the PDFs' words (a JSON object of English → translated texts).

A file that fails is refused with the reason; the caller then goes on in English. Qt's .qm
parser crashes the process on a corrupt file (SIGSEGV within a few dozen mutated copies), so
a .qm reaches Qt only when its bytes are exactly those tools/translations.py compiled: their
SHA-256 is written beside it (`….qm.sha256`).
"""

from __future__ import annotations

import hashlib
import json
import stat
import string
from pathlib import Path

MAX_QM_BYTES = 4_000_000  # ours is ~56 KB
MAX_WORDS_BYTES = 1_000_000  # reports.zh_CN.json is ~11 KB


class TranslationRefused(Exception):
    """A translation file not used, in words for a log: `FILE[:LINE]: what`."""


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, checked before opening (a FIFO or a
    device would hang the reader)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise TranslationRefused(f"{path}: not a regular file")
        if info.st_size > max_bytes:
            raise TranslationRefused(f"{path}: too large ({info.st_size:,} bytes; at most "
                                     f"{max_bytes:,})")
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as e:
        raise TranslationRefused(f"{path}: cannot read: {e.strerror or e}") from None
    if len(raw) > max_bytes:  # it grew while we read
        raise TranslationRefused(f"{path}: too large (over {max_bytes:,} bytes)")
    return raw


def digest_path(qm: Path) -> Path:
    return qm.with_name(qm.name + ".sha256")


def check_qm(qm: Path) -> None:
    """Raise TranslationRefused unless `qm` is the file tools/translations.py compiled."""
    raw = read_limited(qm, MAX_QM_BYTES)
    expected = read_limited(digest_path(qm), 200).decode("ascii", "replace").strip()
    if hashlib.sha256(raw).hexdigest() != expected:
        raise TranslationRefused(f"{qm}: damaged (its SHA-256 is not the one in "
                                 f"{digest_path(qm).name}; run tools/translations.py)")


def _fields(text: str) -> set[tuple]:
    """The replacement fields of a format string, e.g. {("0", "", None)} for "Page {0}"."""
    return {(name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(text)
            if name is not None}


def read_words(path: Path) -> dict[str, str]:
    """English → translated text. Refused unless the file is a JSON object of texts whose
    translations use only the placeholders of their English (else `.format` would raise)."""
    raw = read_limited(path, MAX_WORDS_BYTES)
    try:
        table = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TranslationRefused(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise TranslationRefused(f"{path}:{e.lineno}: not JSON: {e.msg}") from None
    except (ValueError, RecursionError):  # an integer of thousands of digits; deep nesting
        raise TranslationRefused(f"{path}: not a JSON object of texts") from None
    if not isinstance(table, dict):
        raise TranslationRefused(f"{path}: not a JSON object of texts")
    for english, text in table.items():
        if not isinstance(text, str):
            raise TranslationRefused(f"{path}: the translation of {english!r} is not a text")
        try:
            wrong = not _fields(text) <= _fields(english)
        except ValueError:  # an unmatched brace
            wrong = True
        if wrong:
            raise TranslationRefused(f"{path}: the translation of {english!r} has placeholders "
                                     f"its English does not have: {text!r}")
    return table
