"""The contact directory: people and outside numbers by the plan role they hold.

Plain functions over the Contact tables and the catalog. A contact belongs to a catalog role
(`role_key`); one whose role left the catalog, or that holds none, is shown under "other".
Deleting only marks a contact deleted, so whatever refers to it stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from models.clock.clocks import to_db
from models.contacts.phones import check_number, default_label, display_number
from models.documents import ContactLine, ContactSheet
from models.plans.catalog import Catalog
from models.store.database import MetaEntry
from models.store.tables import Contact, ContactPhone, transaction

OTHER_ROLE = ""  # no plan role, or a role the catalog no longer has
MAX_PHONES = 4
LIMITS = {"name": 100, "organisation": 200, "on_duty": 200, "notes": 2000, "label": 20}
SEEDED_KEY = "contacts_seeded"


class ContactRefused(Exception):
    """The contact cannot be saved; `problems` maps a field to a code the UI words."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


@dataclass(frozen=True)
class Phone:
    label: str
    number: str


@dataclass(frozen=True)
class ContactData:
    """What is edited: the dialog's fields, one row of a CSV file."""

    name: str = ""
    role_key: str = OTHER_ROLE
    organisation: str = ""
    phones: tuple[Phone, ...] = ()
    available_24h: bool = False
    on_duty: str = ""
    notes: str = ""
    outside: bool = False


@dataclass(frozen=True)
class ContactView(ContactData):
    id: int = 0
    role_name: str = ""  # "" for OTHER_ROLE and for a role the catalog no longer has
    deleted: bool = False

    @property
    def role_known(self) -> bool:
        return bool(self.role_name)

    @property
    def needs_number(self) -> bool:
        """A placeholder (e.g. the seeded gas emergency line) the hall has still to fill."""
        return not self.phones

    def as_data(self) -> ContactData:
        return ContactData(**{f.name: getattr(self, f.name) for f in fields(ContactData)})


@dataclass(frozen=True)
class RoleGroup:
    role_key: str  # OTHER_ROLE for the "other" group
    role_name: str
    outside: bool
    contacts: tuple[ContactView, ...]


@dataclass(frozen=True)
class Person:
    """Someone holding a role, as the guided response offers them to call or report to."""

    contact_id: int
    name: str
    role_key: str
    label: str
    number: str  # stored form; display_number() for reading
    available_24h: bool


# ---- checking ----------------------------------------------------------------------------

def clean_text(text: str) -> str:
    """Trim, and drop what a database or a PDF cannot hold (NUL, lone surrogates)."""
    text = (text or "").replace("\x00", "").strip()
    return text.encode("utf-8", "replace").decode("utf-8")


def validate(catalog: Catalog, data: ContactData) -> ContactData:
    """The data in its stored form, or ContactRefused naming every problem by field.

    Problem fields: name, role, organisation, on_duty, notes, phones (none given),
    phone0..phone3 and label0..label3 (the rows as given, empty rows included).
    """
    problems: dict[str, str] = {}
    texts = {key: clean_text(getattr(data, key)) for key in
             ("name", "organisation", "on_duty", "notes")}
    for key, text in texts.items():
        if len(text) > LIMITS[key]:
            problems[key] = "too_long"
    if not texts["name"]:
        problems["name"] = "required"
    role_key = (data.role_key or "").strip()
    if role_key != OTHER_ROLE and role_key not in {r.key for r in catalog.roles}:
        problems["role"] = "unknown_role"
    phones = []
    for index, phone in enumerate(data.phones):
        label = clean_text(phone.label)
        if not clean_text(phone.number):
            continue  # an empty row of the form
        checked = check_number(phone.number)
        if checked.problem:
            problems[f"phone{index}"] = checked.problem
        elif len(label) > LIMITS["label"]:
            problems[f"label{index}"] = "too_long"
        else:
            phones.append(Phone(label or default_label(checked.kind), checked.number))
    if len(phones) > MAX_PHONES:
        problems["phones"] = "too_many"
    elif not phones and not data.outside and not any(k.startswith("phone") for k in problems):
        problems["phones"] = "required"  # an outside service may wait for its local number
    if problems:
        raise ContactRefused(problems)
    return ContactData(texts["name"], role_key, texts["organisation"], tuple(phones),
                       bool(data.available_24h), texts["on_duty"], texts["notes"],
                       bool(data.outside))


# ---- writing -----------------------------------------------------------------------------

def add_contact(catalog: Catalog, data: ContactData) -> int:
    data = validate(catalog, data)
    with transaction():
        row = Contact.create(**_columns(data))
        _write_phones(row.id, data.phones)
    return row.id


def edit_contact(catalog: Catalog, contact_id: int, data: ContactData) -> None:
    data = validate(catalog, data)
    with transaction():
        _live(contact_id)
        Contact.update(**_columns(data)).where(Contact.id == contact_id).execute()
        ContactPhone.delete().where(ContactPhone.contact == contact_id).execute()
        _write_phones(contact_id, data.phones)


def delete_contact(contact_id: int, now: datetime) -> None:
    """Marked deleted, never removed: an incident that named this person stays readable."""
    _live(contact_id)
    Contact.update(deleted_at=to_db(now)).where(Contact.id == contact_id).execute()


def restore_contact(contact_id: int) -> None:
    Contact.update(deleted_at=None).where(Contact.id == contact_id).execute()


def _live(contact_id: int) -> Contact:
    row = Contact.get_or_none(Contact.id == contact_id, Contact.deleted_at.is_null())
    if row is None:
        raise ContactRefused({"contact": "gone"})
    return row


def _columns(data: ContactData) -> dict:
    return {"name": data.name, "role_key": data.role_key, "organisation": data.organisation,
            "available_24h": data.available_24h, "on_duty": data.on_duty, "notes": data.notes,
            "outside": data.outside}


def _write_phones(contact_id: int, phones: tuple[Phone, ...]) -> None:
    for position, phone in enumerate(phones):
        ContactPhone.create(contact=contact_id, label=phone.label, number=phone.number,
                            position=position)


# ---- reading -----------------------------------------------------------------------------

def list_contacts(catalog: Catalog, *, include_deleted: bool = False) -> list[ContactView]:
    """Every contact in the order entered (two queries, however many contacts)."""
    query = Contact.select().order_by(Contact.id)
    if not include_deleted:
        query = query.where(Contact.deleted_at.is_null())
    rows = list(query)
    if not rows:
        return []
    phones: dict[int, list[Phone]] = {}
    for p in (ContactPhone.select().where(ContactPhone.contact.in_([r.id for r in rows]))
              .order_by(ContactPhone.contact, ContactPhone.position)):
        phones.setdefault(p.contact_id, []).append(Phone(p.label, p.number))
    names = {r.key: r.name for r in catalog.roles}
    return [ContactView(name=r.name, role_key=r.role_key, organisation=r.organisation,
                        phones=tuple(phones.get(r.id, ())), available_24h=r.available_24h,
                        on_duty=r.on_duty, notes=r.notes, outside=r.outside, id=r.id,
                        role_name=names.get(r.role_key, ""), deleted=r.deleted_at is not None)
            for r in rows]


def group_by_role(catalog: Catalog, contacts: list[ContactView], *,
                  outside_first: bool = True) -> list[RoleGroup]:
    """Outside numbers (110, 119, 120 ... first) before or after the plan's roles (those the
    levels report to first, then catalog order), then "other": contacts with no role or a
    role the catalog no longer has."""
    by_role: dict[str, list[ContactView]] = {}
    for contact in contacts:
        by_role.setdefault(contact.role_key if contact.role_known else OTHER_ROLE,
                           []).append(contact)
    order = {role.key: index for index, role in enumerate(catalog.roles)}
    levels = sorted(catalog.levels, key=lambda lv: lv.level)
    chain = list(dict.fromkeys([lv.report_to for lv in levels]
                               + [t.to for lv in levels for t in lv.timers if t.to]))

    def rank(role) -> tuple:  # whom the levels report to lead our own people
        reported = chain.index(role.key) if role.key in chain else len(chain)
        return (role.outside != outside_first, not role.number, role.number, reported,
                order[role.key])

    groups = [RoleGroup(role.key, role.name, role.outside, tuple(by_role[role.key]))
              for role in sorted(catalog.roles, key=rank) if role.key in by_role]
    if OTHER_ROLE in by_role:
        groups.append(RoleGroup(OTHER_ROLE, "", False, tuple(by_role[OTHER_ROLE])))
    return groups


def people_by_role(catalog: Catalog, contacts: list[ContactView]) -> dict[str, list[Person]]:
    """Who holds each role, with the first number to call. A contact that only repeats the
    role's own public number (the seeded 110) is left out: the role's button is that call."""
    people: dict[str, list[Person]] = {}
    own = {r.key: r.number for r in catalog.roles}
    for c in contacts:
        if c.deleted or not c.role_known or not c.phones:
            continue
        if all(p.number == own[c.role_key] for p in c.phones):
            continue
        first = c.phones[0]
        people.setdefault(c.role_key, []).append(
            Person(c.id, c.name, c.role_key, first.label, first.number, c.available_24h))
    return people


def contact_sheet(catalog: Catalog, contacts: list[ContactView], *, hall: str,
                  printed_at: datetime) -> ContactSheet:
    """The wall sheet as plain data: groups in directory order, numbers as they read."""
    groups = []
    for group in group_by_role(catalog, contacts):
        lines = tuple(ContactLine(c.name, c.role_name, c.organisation,
                                  tuple((p.label, display_number(p.number)) for p in c.phones),
                                  c.available_24h, c.on_duty, c.outside)
                      for c in group.contacts)
        groups.append((group.role_name, group.outside, lines))
    return ContactSheet(hall=hall, printed_at=printed_at, groups=tuple(groups))


# ---- the outside numbers of a new directory ----------------------------------------------

# (role, name, organisation, number or "" for the hall to fill in, note)
OUTSIDE_SEEDS = (
    ("police", "公安报警", "公安机关", "110", ""),
    ("fire", "消防报警", "消防救援", "119", ""),
    ("ambulance", "医疗急救", "急救中心", "120", ""),
    ("power_bureau", "供电服务热线", "国家电网 / 南方电网", "95598", "停电报修、供电故障"),
    ("property", "大楼物业管理处", "", "", "请填写本楼物业的值班电话和电工电话"),
)


def seed_outside_numbers(catalog: Catalog) -> int:
    """Once per database: the outside numbers every hall needs. Those that differ by place
    (the building's property management) come without a number, marked to be filled in,
    rather than with a guess that could be wrong in an emergency."""
    if MetaEntry.get_or_none(MetaEntry.key == SEEDED_KEY) is not None:
        return 0
    roles = {r.key for r in catalog.roles}
    seeds = [s for s in OUTSIDE_SEEDS if s[0] in roles]
    with transaction():
        for role_key, name, organisation, number, note in seeds:
            row = Contact.create(name=name, role_key=role_key, organisation=organisation,
                                 available_24h=True, notes=note, outside=True)
            if number:
                _write_phones(row.id, (Phone("服务电话", number),))
        MetaEntry.replace(key=SEEDED_KEY, value="1").execute()
    return len(seeds)
