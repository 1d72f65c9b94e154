"""The directory: validation, soft delete, grouping, seeding, people by role, search."""

from datetime import UTC, datetime

import pytest

from models.contacts import directory as contacts
from models.contacts import search as contact_search
from models.contacts.directory import ContactData, ContactRefused, Phone
from models.store.tables import Contact

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def person(name="李四", role="liaison", *numbers, **kwargs):
    phones = tuple(Phone("", n) for n in (numbers or ("13800138000",)))
    return ContactData(name=name, role_key=role, phones=phones, **kwargs)


def test_a_contact_is_stored_in_its_clean_form(desk_db, shipped_catalog):
    cid = contacts.add_contact(shipped_catalog, ContactData(
        name="  李四 ", role_key="liaison", organisation="客户服务部",
        phones=(Phone("", "+86 139-0013-9000"), Phone("办公", "0755 1234567 转 8")),
        available_24h=True, on_duty="工作日 8:30-17:30"))
    [c] = contacts.list_contacts(shipped_catalog)
    assert c.id == cid and c.name == "李四" and c.role_name == "应急管理小组联络员"
    assert c.phones == (Phone("手机", "13900139000"), Phone("办公", "0755-1234567 转 8"))
    assert c.available_24h and c.on_duty == "工作日 8:30-17:30"


def test_every_problem_is_named_by_field(desk_db, shipped_catalog):
    bad = ContactData(name=" ", role_key="no_such_role", notes="长" * 2001,
                      phones=(Phone("", "1380013800"), Phone("", ""), Phone("", "12345678")))
    with pytest.raises(ContactRefused) as refused:
        contacts.add_contact(shipped_catalog, bad)
    assert refused.value.problems == {"name": "required", "role": "unknown_role",
                                      "notes": "too_long", "phone0": "mobile_length",
                                      "phone2": "no_area_code"}
    assert Contact.select().count() == 0


def test_a_contact_needs_a_number(desk_db, shipped_catalog):
    with pytest.raises(ContactRefused) as refused:
        contacts.add_contact(shipped_catalog, ContactData(name="王五", role_key="legal"))
    assert refused.value.problems == {"phones": "required"}


def test_edit_replaces_the_numbers(desk_db, shipped_catalog):
    cid = contacts.add_contact(shipped_catalog, person("李四", "liaison", "13800138000",
                                                       "010-12345678"))
    contacts.edit_contact(shipped_catalog, cid, person("李四", "legal", "13900139000"))
    [c] = contacts.list_contacts(shipped_catalog)
    assert (c.role_key, [p.number for p in c.phones]) == ("legal", ["13900139000"])


def test_deleted_contacts_stay_readable_for_what_named_them(desk_db, shipped_catalog):
    cid = contacts.add_contact(shipped_catalog, person())
    contacts.delete_contact(cid, NOW)
    assert contacts.list_contacts(shipped_catalog) == []
    [kept] = contacts.list_contacts(shipped_catalog, include_deleted=True)
    assert kept.deleted and kept.name == "李四" and kept.phones
    with pytest.raises(ContactRefused):
        contacts.edit_contact(shipped_catalog, cid, person())
    contacts.restore_contact(cid)
    assert [c.name for c in contacts.list_contacts(shipped_catalog)] == ["李四"]


def test_groups_put_outside_numbers_first_and_unknown_roles_under_other(desk_db,
                                                                        shipped_catalog):
    contacts.add_contact(shipped_catalog, person("张三", "group_leader"))
    contacts.seed_outside_numbers(shipped_catalog)
    old = contacts.add_contact(shipped_catalog, person("赵六", "legal"))
    Contact.update(role_key="retired_role").where(Contact.id == old).execute()  # plan revised
    groups = contacts.group_by_role(shipped_catalog, contacts.list_contacts(shipped_catalog))
    keys = [g.role_key for g in groups]
    assert keys[:3] == ["police", "fire", "ambulance"]
    assert keys.index("power_bureau") < keys.index("group_leader")
    assert keys[-1] == contacts.OTHER_ROLE and groups[-1].contacts[0].name == "赵六"


def test_seeding_happens_once_and_marks_what_the_hall_must_fill(desk_db, shipped_catalog):
    assert contacts.seed_outside_numbers(shipped_catalog) == 5
    assert contacts.seed_outside_numbers(shipped_catalog) == 0
    seeded = {c.role_key: c for c in contacts.list_contacts(shipped_catalog)}
    assert seeded["police"].phones[0].number == "110" and seeded["police"].outside
    assert seeded["power_bureau"].phones[0].number == "95598"
    assert seeded["property"].needs_number
    contacts.delete_contact(seeded["police"].id, NOW)
    assert contacts.seed_outside_numbers(shipped_catalog) == 0  # a deletion is respected


def test_people_by_role_skip_the_role_s_own_public_number(desk_db, shipped_catalog):
    contacts.seed_outside_numbers(shipped_catalog)
    contacts.add_contact(shipped_catalog, person("李四", "liaison", "13800138000", "010-12345678"))
    contacts.add_contact(shipped_catalog, person("派出所", "police", "0755-12345678"))
    people = contacts.people_by_role(shipped_catalog, contacts.list_contacts(shipped_catalog))
    assert [(p.name, p.number) for p in people["liaison"]] == [("李四", "13800138000")]
    assert [p.name for p in people["police"]] == ["派出所"]  # not the seeded 110 again
    assert "property" not in people  # no number yet


@pytest.fixture
def directory(desk_db, shipped_catalog):
    contacts.add_contact(shipped_catalog, person("张三", "group_leader", "13800138000"))
    contacts.add_contact(shipped_catalog, person("李四", "liaison", "0755-87654321"))
    contacts.add_contact(shipped_catalog, ContactData(
        name="王五", role_key="property", organisation="万科物业", outside=True,
        phones=(Phone("值班", "13912345678"),)))
    contacts.add_contact(shipped_catalog, person("重庆分行", "superior", "02312345678"))
    views = contacts.list_contacts(shipped_catalog)
    aliases = {r.key: r.aliases for r in shipped_catalog.roles}
    return contact_search.index(views, aliases)


@pytest.mark.parametrize(("query", "found"), [
    ("张", ["张三"]),
    ("zs", ["张三"]),
    ("ZS", ["张三"]),
    ("yjxz", ["张三", "李四"]),  # 应急(管理)小组: both roles, initials with some skipped
    ("yjzz", ["张三"]),  # 应急…组长
    ("lly", ["李四"]),  # 联络员 (role initials in a row)
    ("联络员", ["李四"]),
    ("wy", ["王五"]),  # 物业 (role) and 万科物业 (organisation)
    ("物管", ["王五"]),  # an alias of the role
    ("1380", ["张三"]),
    ("0755-8765", ["李四"]),
    ("cq", ["重庆分行"]),  # 重 read chong
    ("zq", ["重庆分行"]),  # ... or zhong: either finds it
    ("张 138", ["张三"]),  # every word must match
    ("张 139", []),
    ("xyz", []),
])
def test_search(directory, query, found):
    assert [c.name for c in contact_search.search(directory, query)] == found
