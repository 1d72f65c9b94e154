"""A hall board's enrolment at its hub: kind `board` (it only reads the hall), kept in
`board.json` in the data folder, readable by its user only (it holds the board's token).
The board has no database: this file is all it keeps."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from models.store.files import OWNER_ONLY, write_whole

BOARD_FILE = "board.json"


class BoardFileError(Exception):
    """board.json exists but cannot be read as one: the board says so and offers to enrol
    again (the message names the file)."""


@dataclass(frozen=True)
class BoardEnrolment:
    hub_url: str
    token: str
    board_id: str
    name: str
    hall_name: str = ""
    hub_id: str = ""

    @classmethod
    def from_answer(cls, hub_url: str, name: str, answer: dict[str, Any]) -> BoardEnrolment:
        """From the hub's answer to POST /v1/enrol."""
        return cls(hub_url=hub_url.rstrip("/"), token=str(answer["token"]),
                   board_id=str(answer.get("desk_id", "")), name=name,
                   hall_name=str((answer.get("hall") or {}).get("name", "")),
                   hub_id=str(answer.get("hub_id", "")))


def board_file(data_dir: Path) -> Path:
    return Path(data_dir) / BOARD_FILE


def load(path: Path) -> BoardEnrolment | None:
    """The board's enrolment; None when it has none yet."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return BoardEnrolment(**{k: str(raw[k]) for k in ("hub_url", "token", "board_id",
                                                            "name")},
                              hall_name=str(raw.get("hall_name", "")),
                              hub_id=str(raw.get("hub_id", "")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as e:
        raise BoardFileError(f"{path} is not a board's enrolment ({e}): enrol the board "
                             f"again (main.py board enrol --hub URL --code CODE)") from e


def save(path: Path, enrolment: BoardEnrolment) -> Path:
    """Written whole, 0600 (the token is in it)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(enrolment), ensure_ascii=False, indent=2)
    return write_whole(Path(path), text.encode("utf-8"), OWNER_ONLY)


def enrol(hub_url: str, code: str, name: str, *,
          client: Callable[[str], Any] | None = None) -> BoardEnrolment:
    """Trade a one-time code (`main.py hub code --kind board`) for the board's token.
    Raises EnrolRefused with a message a person can act on (English; the form translates
    by `code`)."""
    from models.sync.client import HubClient, HubUnreachable
    from models.sync.protocol import HubError

    try:
        hub = (client or HubClient)(hub_url.strip())
    except ValueError as e:
        raise EnrolRefused("bad_url", str(e)) from e
    try:
        answer = hub.enrol(code.strip().upper(), kind="board", name=name.strip())
    except HubUnreachable as e:
        raise EnrolRefused("unreachable", f"the hub at {hub_url} could not be reached "
                           f"({e}): check the address and that the hub runs") from e
    except HubError as e:
        if e.code == "bad_code":
            raise EnrolRefused("bad_code", "the code is unknown, used or expired: ask for a "
                               "new one (main.py hub code --kind board)") from e
        raise EnrolRefused(e.code, str(e)) from e
    finally:
        close = getattr(hub, "close", None)
        if close is not None:
            close()
    return BoardEnrolment.from_answer(hub_url.strip(), name.strip(), answer)


class EnrolRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
