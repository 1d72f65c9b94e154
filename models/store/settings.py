"""The desk's settings: each declared once with its default, stored in a small JSON file.

Settings belong to one desk PC (hall and desk name, language, text size, alarm), so they
live in a local file beside the database rather than in a database other desks may share.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.store.files import OWNER_ONLY, write_whole

# Percent. The home screen fits 1366×768 up to 115 and 1920×1080 at every size
# (tests/ui/test_home_layout.py); where it does not fit, the screen scrolls.
TEXT_SIZES = (100, 115, 130, 150)
# The hall's time zone decides "today": incident numbers, workday or holiday, the daily log.
DEFAULT_TIMEZONE = "Asia/Shanghai"
# Names that stand for the machine's own zone: the very thing the setting exists to avoid.
MACHINE_ZONES = ("localtime", "posixrules")


def zone_name(value: str) -> str:
    """`value` if it names a time zone (an IANA name such as Asia/Urumqi), else SettingsError."""
    problem = f"'{value}' is not a time zone name such as {DEFAULT_TIMEZONE} (timezone)"
    if value in MACHINE_ZONES:
        raise SettingsError(problem)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise SettingsError(problem) from None
    return value


EDITION_KEY = re.compile(r"^([a-z][a-z0-9_]*)?$")


def edition_key(value: str) -> str:
    """`value` if it can be an edition's key (plans/editions.toml) or "" (none chosen yet).
    Whether the plans have that edition is the desk's to check: they may change."""
    if not EDITION_KEY.match(value):
        raise SettingsError(f"'{value}' is not an edition key such as bank_outlet (edition)")
    return value


@dataclass(frozen=True)
class Setting:
    key: str
    default: object
    choices: tuple = ()
    max_length: int = 60
    check: Callable[[str], str] | None = None  # a text value's own rule, beyond its length


SETTINGS: tuple[Setting, ...] = (
    Setting("hall_name", ""),
    Setting("desk_name", ""),
    Setting("language", "zh_CN", choices=("zh_CN", "en")),
    Setting("text_size", 100, choices=TEXT_SIZES),
    Setting("alarm_sound", True, choices=(True, False)),
    Setting("alarm_volume", 100, choices=(25, 50, 75, 100)),
    Setting("clerk_on_duty", ""),
    Setting("clerk_names", []),  # names chosen before, offered at the next shift start
    Setting("holiday_date", ""),  # a date the desk declared a holiday (YYYY-MM-DD), or ""
    Setting("backup_folder", "", max_length=400),  # "" = backups/ beside the database
    Setting("timezone", DEFAULT_TIMEZONE, check=zone_name),
    Setting("edition", "", check=edition_key),  # which kind of hall: "" = not chosen yet
)
MAX_NAMES = 100
BY_KEY = {s.key: s for s in SETTINGS}


class SettingsError(Exception):
    pass


def validate(key: str, value: object) -> object:
    """The value to store for `key`, or SettingsError saying what is wrong."""
    spec = BY_KEY.get(key)
    if spec is None:
        raise SettingsError(f"unknown setting '{key}'")
    if spec.choices:
        if value not in spec.choices or type(value) is not type(spec.default):
            raise SettingsError(f"'{value}' is not one of {list(spec.choices)} for {key}")
        return value
    if isinstance(spec.default, list):
        if not isinstance(value, (list, tuple)) or len(value) > MAX_NAMES:
            raise SettingsError(f"{key} must be a list of at most {MAX_NAMES} names")
        names = [_text(key, v, spec.max_length) for v in value]
        return list(dict.fromkeys(n for n in names if n))
    text = _text(key, value, spec.max_length)
    return spec.check(text) if spec.check else text


def _text(key: str, value: object, max_length: int) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{key} must be text")
    value = " ".join(value.split())
    if len(value) > max_length:
        raise SettingsError(f"{key} is longer than {max_length} characters")
    return value


def _fresh(value: object) -> object:
    """A copy of a list value, so callers cannot change the stored one behind our back."""
    return list(value) if isinstance(value, list) else value


MAX_BYTES = 1_000_000
TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def read_json_leniently(path: Path) -> object:
    """A settings file as people leave it after editing by hand: with a BOM (Notepad), in GBK
    (an older Chinese editor), with a comma after the last entry. ValueError if it is still
    not JSON; OSError if it is no regular file or too large."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        raise OSError(f"not a settings file (a folder, a device, or over {MAX_BYTES:,} bytes)")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")  # GBK's superset; raises ValueError if not that either
    try:
        return json.loads(text)
    except ValueError:
        return json.loads(TRAILING_COMMA.sub(r"\1", text))


class SettingsStore:
    """Reads once, writes atomically on every change (a power cut leaves old or new, never half)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.problem = ""  # why the file on disk could not be used, if it could not
        self._unreadable = False  # then it is moved aside, never overwritten, at the next save
        self._values = {s.key: _fresh(s.default) for s in SETTINGS}
        self._load()

    def _load(self) -> None:
        try:
            raw = read_json_leniently(self.path)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as e:
            self._unreadable = True
            self.problem = (f"{self.path} could not be read ({e}); defaults are used. It is "
                            "kept aside when a setting is next saved.")
            return
        if not isinstance(raw, dict):
            self._unreadable = True
            self.problem = f"{self.path} is not a settings file; defaults are used."
            return
        for key, value in raw.items():
            try:
                self._values[key] = validate(key, value)
            except SettingsError:
                continue  # a stale or hand-edited entry: keep the default for that one

    def get(self, key: str) -> object:
        return _fresh(self._values[key])

    def values(self) -> dict:
        return {key: _fresh(value) for key, value in self._values.items()}

    def set(self, key: str, value: object) -> None:
        self._values[key] = validate(key, value)
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._unreadable and self.path.exists():  # someone's hand-edited file: kept
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self.path.replace(self.path.with_name(f"{self.path.name}.unreadable-{stamp}"))
        self._unreadable = False
        text = json.dumps(self._values, ensure_ascii=False, indent=2)
        write_whole(self.path, text.encode("utf-8"), OWNER_ONLY)


def put_on_duty(store: SettingsStore, name: str) -> None:
    """Record the clerk on duty and remember the name for the next shift start."""
    store.set("clerk_on_duty", name)
    names = [name] + [n for n in store.get("clerk_names") if n != name]
    store.set("clerk_names", names[:MAX_NAMES])


def hall_zone(store: SettingsStore) -> ZoneInfo:
    """The hall's time zone, as set (a name refused when set or loaded never gets here)."""
    return ZoneInfo(str(store.get("timezone")))


def holiday_override(store: SettingsStore) -> date | None:
    try:
        return date.fromisoformat(str(store.get("holiday_date")))
    except ValueError:
        return None
