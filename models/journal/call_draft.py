"""The call being typed, kept in a small file beside the desk's settings until it is saved,
so a crash or a power cut loses none of it.

Why a file and not a table (as the record form's draft): a half-typed call belongs to this
desk PC, not to the records other desks may share, and it needs no schema change. The file is
written whole or not at all (models.store.files), readable by its user only; a damaged one
is set aside and the form starts empty.
"""

from __future__ import annotations

import json
from contextlib import suppress
from pathlib import Path

from models.store.files import OWNER_ONLY, write_whole

FILE_NAME = "duty-call-draft.json"
MAX_BYTES = 100_000


def draft_path(settings_file: Path) -> Path:
    return Path(settings_file).with_name(FILE_NAME)


def save(path: Path, fields: dict[str, object]) -> None:
    """Keep `fields` (text by field name; "told": a list of [name, time text]); a form with
    nothing typed leaves no draft."""
    if not any(v for k, v in fields.items() if k not in ("at", "recorder")):
        clear(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, json.dumps(fields, ensure_ascii=False).encode("utf-8"), OWNER_ONLY)


def load(path: Path) -> dict[str, object]:
    """The draft kept ({} for none, or for a file that is no draft)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def clear(path: Path) -> None:
    with suppress(FileNotFoundError):
        path.unlink()
