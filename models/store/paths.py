"""Where the program's own files and the user's data live.

Works from a source checkout and from a PyInstaller bundle (files under sys._MEIPASS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath

APP_DIR_NAME = "EmergencyDesk"
DATABASE_NAME = "emergency-desk.db"


def program_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]  # models/store/paths.py


def resource_path(relative: str) -> Path:
    """A file shipped with the program, e.g. resource_path("resources/style.qss")."""
    rel = PurePosixPath(relative.replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError(f"not a relative resource path: {relative!r}")
    return program_root().joinpath(*rel.parts)


def default_plans_dir() -> Path:
    return resource_path("plans")


def user_data_dir(env: dict[str, str] | None = None, platform: str | None = None) -> Path:
    """The per-user data folder: never next to the program."""
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA") or env.get("APPDATA")
        root = Path(base) if base else Path.home() / "AppData" / "Local"
        return root / APP_DIR_NAME
    if platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = env.get("XDG_DATA_HOME")
    root = Path(base) if base else Path.home() / ".local" / "share"
    return root / "emergency-desk"


def default_database_path() -> Path:
    return user_data_dir() / DATABASE_NAME
