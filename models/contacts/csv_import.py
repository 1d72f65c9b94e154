"""CSV import and export of the directory, as spreadsheets (Excel, WPS) write and read it.

Import is two steps: `preview_import` reads and checks every row and writes nothing;
`commit_import` writes the rows the user confirmed, in one transaction. Files in UTF-8 (with
or without BOM), UTF-16 and GBK/GB18030 are recognised, separated by commas, semicolons or
tabs; Excel's habits (13800138000.0, ="0755...", a leading apostrophe, empty trailing rows
and columns) are undone. Export writes UTF-8 with a BOM, so Excel shows the Chinese, and
mobiles in groups (138 0013 8000), so Excel keeps them as text.

A row naming a contact the directory has (same name and role) updates it column by column: a
column in the file sets its field (an empty cell clears it), a column the file lacks leaves the
field as it is. Numbers go by column too: 电话N is the contact's Nth number, a named column
(手机, 办公电话) the number with that label, a plain 电话 column a number of its kind.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from models.contacts.directory import (
    MAX_PHONES,
    OTHER_ROLE,
    ContactData,
    ContactRefused,
    ContactView,
    Phone,
    add_contact,
    clean_text,
    edit_contact,
    validate,
)
from models.contacts.phones import check_number, default_label, display_number
from models.plans.catalog import Catalog
from models.store.files import write_whole
from models.store.tables import transaction

MAX_BYTES = 5_000_000
MAX_ROWS = 5_000
OTHER_NAMES = ("其他", "其它", "other")

# The export's columns; import also knows the other names a hand-made sheet may use.
HEADERS = ("姓名", "角色", "单位", *(h for i in range(1, MAX_PHONES + 1)
                                  for h in (f"电话{i}说明", f"电话{i}")),
           "24小时可联络", "值班说明", "外部号码", "备注")
COLUMN_NAMES = {
    "name": ("姓名", "名称", "联系人", "name"),
    "role": ("角色", "预案角色", "职务", "岗位", "role"),
    "organisation": ("单位", "部门", "公司", "组织", "organisation", "organization"),
    "available_24h": ("24小时可联络", "24小时", "24h", "available_24h"),
    "on_duty": ("值班说明", "值班", "值班时间", "on_duty"),
    "outside": ("外部号码", "外部", "outside"),
    "notes": ("备注", "说明", "notes"),
}
PHONE_COLUMNS = ("手机", "移动电话", "办公电话", "座机", "固话", "电话", "联系电话", "值班电话",
                 "phone", "mobile")
GENERIC_PHONE = ("电话", "联系电话", "phone")
YES = ("是", "y", "yes", "true", "1", "√", "✓", "✔", "有")
NO = ("否", "n", "no", "false", "0", "×", "✗", "无", "")


class CsvRefused(Exception):
    """The file cannot be read or written; `code` names why, `detail` gives the specifics."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class PhoneColumn:
    number: int  # the column of the number
    label: int | None = None  # the column of its label (电话1说明), if any
    fixed_label: str = ""  # else the label the header gives (手机, 办公电话)
    slot: int | None = None  # 电话N: the contact's Nth number (N - 1)


@dataclass(frozen=True)
class ImportRow:
    line: int  # the line in the file (the header is line 1)
    data: ContactData
    role_text: str  # the role as written in the file
    problems: dict[str, str] = field(default_factory=dict)
    action: str = "add"  # add, update (same name and role), same (nothing new), error
    existing_id: int | None = None
    changes: tuple[str, ...] = ()  # for an update: the ContactData fields it changes


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    encoding: str  # utf-8, utf-8-sig, utf-16, gb18030
    rows: tuple[ImportRow, ...]
    ignored_columns: tuple[str, ...] = ()

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def importable(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if r.action in ("add", "update"))


# ---- reading -----------------------------------------------------------------------------

def read_table(path: Path) -> tuple[str, list[list[str]]]:
    """(encoding, rows of cells) of a CSV file; CsvRefused if it cannot be one."""
    try:
        raw = Path(path).read_bytes()[:MAX_BYTES + 1]
    except OSError as e:
        raise CsvRefused("unreadable", e.strerror or str(e)) from e
    if len(raw) > MAX_BYTES:
        raise CsvRefused("too_big")
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise CsvRefused("workbook")  # .xlsx / .xls saved under a .csv name
    encoding, text = _decode(raw)
    if "\x00" in text:
        raise CsvRefused("binary")
    lines = text.splitlines()
    sample = "\n".join(lines[:5])
    delimiter = max(",;\t", key=sample.count) if sample else ","
    try:
        rows = [[cell.strip() for cell in row]
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as e:  # a cell over the csv module's limit (128 KB), a stray quote...
        raise CsvRefused("not_csv", str(e)) from e
    rows = [row for row in rows if any(row)]
    if not rows:
        raise CsvRefused("empty")
    return encoding, rows


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", raw.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig":
            encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
        return encoding, text
    raise CsvRefused("encoding")


def preview_import(catalog: Catalog, path: Path, existing: list[ContactView]) -> ImportPreview:
    """Every row parsed and checked, with what importing it would do. Writes nothing."""
    encoding, table = read_table(path)
    header, body = table[0], table[1:]
    columns, phones, ignored = _columns(header)
    if "name" not in columns:
        raise CsvRefused("no_name_column", "、".join(header[:8]))
    if len(body) > MAX_ROWS:
        raise CsvRefused("too_many_rows", str(len(body)))
    current = {(c.name, c.role_key): c for c in existing if not c.deleted}
    seen: set[tuple[str, str]] = set()
    rows = []
    for offset, cells in enumerate(body):
        row = _check_row(catalog, offset + 2, cells, columns, phones, current, seen)
        rows.append(row)
    return ImportPreview(Path(path), encoding, tuple(rows), tuple(ignored))


def _phone_slot(title: str) -> int | None:
    """电话N (N from 1 to MAX_PHONES, written in ASCII digits): the contact's Nth number, as
    an index. Anything else (电话0, 电话9999999999, 电话²) is not a number column."""
    digits = title[2:] if title.startswith("电话") else ""
    if digits.isascii() and digits.isdigit() and 1 <= int(digits) <= MAX_PHONES:
        return int(digits) - 1
    return None


def _columns(header: list[str]) -> tuple[dict[str, int], list[PhoneColumn], list[str]]:
    """Which column holds what: fields, phone columns, and the columns not understood."""
    names = {alias.lower(): key for key, aliases in COLUMN_NAMES.items() for alias in aliases}
    titles = [_cell(h).lower().replace(" ", "") for h in header]
    labels = {t.removesuffix("说明"): i for i, t in enumerate(titles)
              if t.startswith("电话") and t.endswith("说明")}
    columns: dict[str, int] = {}
    phones: list[PhoneColumn] = []
    ignored = []
    for index, title in enumerate(titles):
        if title in names and names[title] not in columns:
            columns[names[title]] = index
        elif _phone_slot(title) is not None:
            phones.append(PhoneColumn(index, labels.get(title), slot=_phone_slot(title)))
        elif title in PHONE_COLUMNS:  # the header is the label: 手机, 办公电话
            phones.append(PhoneColumn(index, None, "" if title in GENERIC_PHONE else title))
        elif title and index not in labels.values():
            ignored.append(_cell(header[index]))
    return columns, phones, ignored


def _check_row(catalog: Catalog, line: int, cells: list[str], columns: dict[str, int],
               phones: list[PhoneColumn], current: dict, seen: set) -> ImportRow:
    def cell(index: int | None) -> str:
        return _cell(cells[index]) if index is not None and index < len(cells) else ""

    def get(key: str) -> str:
        return cell(columns.get(key))

    problems: dict[str, str] = {}
    role_text = get("role")
    role_key = role_for(catalog, role_text)
    if role_key is None:
        problems["role"] = "unknown_role"
        role_key = OTHER_ROLE
    flags = {}
    for key in ("available_24h", "outside"):
        value = yes_no(get(key))
        if value is None:
            problems[key] = "yes_no"
        flags[key] = bool(value)
    numbers = []
    for column in phones:
        label = cell(column.label) if column.label is not None else column.fixed_label
        numbers.append(Phone(label, cell(column.number)))
    data = ContactData(get("name"), role_key, get("organisation"), tuple(numbers),
                       flags["available_24h"], get("on_duty"), get("notes"), flags["outside"])
    existing = current.get((clean_text(data.name), role_key))
    if existing is not None and not problems:
        data = merge_row(existing.as_data(), data, set(columns), phones)
    try:
        data = validate(catalog, data)
    except ContactRefused as refused:
        problems.update(refused.problems)
    if problems:
        return ImportRow(line, data, role_text, problems, "error")
    key = (data.name, data.role_key)
    if key in seen:
        return ImportRow(line, data, role_text, {"name": "duplicate_in_file"}, "error")
    seen.add(key)
    if existing is None:
        return ImportRow(line, data, role_text)
    changes = changed_fields(existing.as_data(), data)
    return ImportRow(line, data, role_text, {}, "update" if changes else "same", existing.id,
                     changes)


MERGED_FIELDS = ("organisation", "available_24h", "on_duty", "notes", "outside")


def merge_row(had: ContactData, given: ContactData, columns: set[str],
              phone_columns: list[PhoneColumn]) -> ContactData:
    """A file's row over a contact: the fields of columns the file lacks stay as they were."""
    kept = {key: getattr(had, key) for key in MERGED_FIELDS if key not in columns}
    return replace(given, **kept,
                   phones=merge_phones(had.phones, given.phones, phone_columns))


def merge_phones(had: tuple[Phone, ...], given: tuple[Phone, ...],
                 columns: list[PhoneColumn]) -> tuple[Phone, ...]:
    """The contact's numbers with the file's phone columns put over them, column by column."""
    slots: list[Phone | None] = list(had)
    for column, phone in zip(columns, given, strict=True):
        if column.slot is not None:
            slots.extend([None] * (column.slot + 1 - len(slots)))
            slots[column.slot] = phone if phone.number else None
        else:
            _put_named(slots, phone)
    return tuple(p for p in slots if p is not None)


def _put_named(slots: list[Phone | None], phone: Phone) -> None:
    """A 手机 / 办公电话 / 电话 cell: replaces the number with its label, or is added."""
    checked = check_number(phone.number)
    if checked.number and any(p and p.number == checked.number for p in slots):
        return  # a number the contact already has, under whatever label
    label = phone.label or default_label(checked.kind)
    same_label = next((i for i, p in enumerate(slots) if p and label and p.label == label),
                      None)
    if same_label is not None:
        slots[same_label] = phone if phone.number else None
    elif phone.number:
        slots.append(phone)


def changed_fields(had: ContactData, data: ContactData) -> tuple[str, ...]:
    return tuple(f.name for f in fields(ContactData)
                 if getattr(had, f.name) != getattr(data, f.name))


def role_for(catalog: Catalog, text: str) -> str | None:
    """The role a cell names (by name, key or alias); OTHER_ROLE for none; None if unknown."""
    text = text.strip()
    if not text or text.lower() in OTHER_NAMES:
        return OTHER_ROLE
    for role in catalog.roles:
        if text in (role.name, role.key, *role.aliases):
            return role.key
    return None


def yes_no(text: str) -> bool | None:
    folded = text.strip().lower()
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None


def _cell(text: str) -> str:
    """A cell as the user meant it, without what a spreadsheet adds."""
    text = text.strip().replace("\u00a0", " ")
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    if text.startswith("'"):
        text = text[1:]
    return text.strip()


def commit_import(catalog: Catalog, preview: ImportPreview) -> tuple[int, int]:
    """Write the importable rows, all or none; (added, updated)."""
    added = updated = 0
    with transaction():
        for row in preview.importable:
            if row.action == "update" and row.existing_id is not None:
                edit_contact(catalog, row.existing_id, row.data)
                updated += 1
            else:
                add_contact(catalog, row.data)
                added += 1
    return added, updated


# ---- writing -----------------------------------------------------------------------------

def export_csv(path: Path, contacts: list[ContactView]) -> Path:
    """The directory as CSV (UTF-8 with BOM, CRLF), written atomically."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for c in contacts:
        phones = [item for p in c.phones for item in (p.label, display_number(p.number))]
        phones += [""] * (2 * MAX_PHONES - len(phones))
        writer.writerow([_safe(v) for v in (
            c.name, c.role_name or "其他", c.organisation, *phones,
            "是" if c.available_24h else "否", c.on_duty, "是" if c.outside else "否",
            c.notes)])
    return _write_atomically(Path(path), buffer.getvalue().encode("utf-8-sig"))


def _safe(text: str) -> str:
    """A cell Excel will not run as a formula (=, +, -, @ first); import undoes the mark."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _write_atomically(path: Path, data: bytes) -> Path:
    try:
        return write_whole(path, data)
    except OSError as e:
        raise CsvRefused("unwritable", str(path.parent if str(path.parent) else ".")) from e
