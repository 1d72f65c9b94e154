"""CSV import (preview, then commit) and export, as spreadsheets really write them."""

import pytest

from models.contacts import csv_import, directory
from models.contacts.csv_import import CsvRefused
from models.contacts.directory import ContactData, Phone
from models.store.tables import Contact, ContactPhone

GBK_SHEET = (
    "姓名,角色,单位,手机,办公电话,24小时,备注\r\n"
    "王建国,应急管理小组组长,客户服务部,139 0234 5678,0755-83210001,是,\r\n"
    "李娜,应急管理小组联络员,客户服务部,1380245678,,否,少一位\r\n"  # a bad mobile
    ",法务部,,13534567892,,否,没有姓名\r\n"  # the name is missing
    "赵磊,消防控制室,物业,13845678903,,否,\r\n"  # a role the plans do not have
    "钱伟,售后服务部,,18656789014,,是,\r\n"
    ",,,,,,\r\n"  # Excel's empty trailing rows
)


def preview(shipped_catalog, path):
    return csv_import.preview_import(shipped_catalog, path,
                                       directory.list_contacts(shipped_catalog))


def test_a_gbk_file_with_bad_rows_is_previewed_row_by_row(desk_db, shipped_catalog, tmp_path):
    path = tmp_path / "通讯录.csv"
    path.write_bytes(GBK_SHEET.encode("gbk"))
    result = preview(shipped_catalog, path)
    assert result.encoding == "gb18030"
    by_line = {r.line: r for r in result.rows}
    assert [r.line for r in result.rows] == [2, 3, 4, 5, 6]
    assert by_line[2].action == "add" and by_line[2].data.phones == (
        Phone("手机", "13902345678"), Phone("办公电话", "0755-83210001"))
    assert by_line[2].data.available_24h and by_line[2].data.role_key == "group_leader"
    assert by_line[3].problems == {"phone0": "mobile_length"}
    assert by_line[4].problems == {"name": "required"}
    assert by_line[5].problems == {"role": "unknown_role"}
    assert by_line[5].role_text == "消防控制室"
    assert [r.data.name for r in result.importable] == ["王建国", "钱伟"]
    assert Contact.select().count() == 0  # a preview writes nothing


def test_a_lone_zero_in_a_phone_cell_is_a_row_problem(desk_db, shipped_catalog, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("姓名,角色,手机\n王建国,应急管理小组组长,0\n钱伟,售后服务部,0-\n"
                    "李娜,应急管理小组联络员,13800138001\n", encoding="utf-8")
    result = preview(shipped_catalog, path)
    assert [(r.line, r.action, r.problems) for r in result.rows] == [
        (2, "error", {"phone0": "landline_length"}),
        (3, "error", {"phone0": "landline_length"}),
        (4, "add", {})]


def test_commit_writes_only_the_good_rows(desk_db, shipped_catalog, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(GBK_SHEET.encode("gbk"))
    assert csv_import.commit_import(shipped_catalog, preview(shipped_catalog, path)) == (2, 0)
    assert sorted(c.name for c in directory.list_contacts(shipped_catalog)) == ["王建国", "钱伟"]


def test_export_then_import_gives_the_same_directory(desk_db, shipped_catalog, tmp_path):
    directory.seed_outside_numbers(shipped_catalog)
    directory.add_contact(shipped_catalog, ContactData(
        name="=HYPERLINK(\"x\")", role_key="liaison", organisation="客户服务部, 二楼",
        phones=(Phone("手机", "13800138000"), Phone("办公", "0755-1234567 转 8"),
                Phone("内线", "分机 8021"), Phone("热线", "400-820-8820")),
        available_24h=True, on_duty="工作日 8:30-17:30", notes="第一行\n第二行“引号”"))
    before = [c.as_data() for c in directory.list_contacts(shipped_catalog)]
    out = csv_import.export_csv(tmp_path / "out.csv", directory.list_contacts(shipped_catalog))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with its BOM
    assert "'=HYPERLINK" in raw.decode("utf-8-sig")  # not run as a formula when opened
    assert "138 0013 8000" in raw.decode("utf-8-sig")  # grouped: Excel keeps it as text
    Contact.update(deleted_at=Contact.id).execute()  # an empty directory to import into
    result = preview(shipped_catalog, out)
    assert result.encoding == "utf-8-sig" and result.count("error") == 0
    csv_import.commit_import(shipped_catalog, result)
    assert [c.as_data() for c in directory.list_contacts(shipped_catalog)] == before


def test_importing_the_same_file_again_changes_nothing(desk_db, shipped_catalog, tmp_path):
    directory.add_contact(shipped_catalog, ContactData(name="李娜", role_key="liaison",
                                                      phones=(Phone("", "13800138000"),)))
    out = csv_import.export_csv(tmp_path / "o.csv", directory.list_contacts(shipped_catalog))
    assert [r.action for r in preview(shipped_catalog, out).rows] == ["same"]
    out.write_text(out.read_text(encoding="utf-8-sig").replace("138 0013 8000", "139 0013 9000"),
                   encoding="utf-8-sig")
    changed = preview(shipped_catalog, out)
    assert [r.action for r in changed.rows] == ["update"]
    assert csv_import.commit_import(shipped_catalog, changed) == (0, 1)
    [c] = directory.list_contacts(shipped_catalog)
    assert c.phones[0].number == "13900139000"


ZHANG = ContactData(name="张三", role_key="group_leader", organisation="客户服务部",
                    phones=(Phone("手机", "13800138000"), Phone("办公电话", "0755-83210001")),
                    available_24h=True, on_duty="工作日 8:30-17:30", notes="组长")


def test_an_update_leaves_the_columns_the_file_lacks(desk_db, shipped_catalog, tmp_path):
    directory.add_contact(shipped_catalog, ZHANG)
    path = tmp_path / "u.csv"
    path.write_text("姓名,角色,手机\n张三,应急管理小组组长,13800138001\n", encoding="utf-8")
    [row] = preview(shipped_catalog, path).rows
    assert (row.action, row.changes) == ("update", ("phones",))
    assert csv_import.commit_import(shipped_catalog, preview(shipped_catalog, path)) == (0, 1)
    [zhang] = directory.list_contacts(shipped_catalog)
    assert zhang.as_data() == ContactData(
        name="张三", role_key="group_leader", organisation="客户服务部",
        phones=(Phone("手机", "13800138001"), Phone("办公电话", "0755-83210001")),
        available_24h=True, on_duty="工作日 8:30-17:30", notes="组长")


@pytest.mark.parametrize(("sheet", "changes", "phones"), [
    # the same number, under a plain 电话 column: nothing to do
    ("姓名,角色,电话\n张三,应急管理小组组长,138 0013 8000\n", (), ["13800138000", "0755-83210001"]),
    # a new number in a plain column replaces the one of its kind (a mobile)
    ("姓名,角色,电话\n张三,应急管理小组组长,13900139000\n", ("phones",),
     ["13900139000", "0755-83210001"]),
    # 电话2 is the second number; an empty 备注 cell clears the notes
    ("姓名,角色,电话2,备注\n张三,应急管理小组组长,0755-83210002,\n", ("phones", "notes"),
     ["13800138000", "0755-83210002"]),
    # a named column for a label the contact lacks adds the number
    ("姓名,角色,值班电话\n张三,应急管理小组组长,0755-83210009\n", ("phones",),
     ["13800138000", "0755-83210001", "0755-83210009"]),
])
def test_phone_columns_update_their_own_number(desk_db, shipped_catalog, tmp_path, sheet,
                                               changes, phones):
    directory.add_contact(shipped_catalog, ZHANG)
    path = tmp_path / "u.csv"
    path.write_text(sheet, encoding="utf-8")
    [row] = preview(shipped_catalog, path).rows
    assert row.changes == changes and row.action == ("update" if changes else "same")
    assert [p.number for p in row.data.phones] == phones
    assert row.data.organisation == "客户服务部" and row.data.available_24h


def test_excel_habits_are_undone(desk_db, shipped_catalog, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("姓名;角色;电话1;电话2;电话3\n"
                    "李娜;联络员;13800138000.0;=\"0755-1234567\";'95598\n"
                    "周强;应急管理小组联络员;1.38001E+10;;\n"
                    "王五;其他;13912345678;;\n", encoding="utf-8")
    rows = preview(shipped_catalog, path).rows
    assert rows[0].problems == {"role": "unknown_role"}  # "联络员" alone is no role name
    assert rows[1].problems == {"phone0": "excel_exponent"}
    assert rows[2].action == "add" and rows[2].data.role_key == directory.OTHER_ROLE
    path.write_text(path.read_text(encoding="utf-8").replace("李娜;联络员", "李娜;liaison"),
                    encoding="utf-8")
    first = preview(shipped_catalog, path).rows[0]
    assert [p.number for p in first.data.phones] == ["13800138000", "0755-1234567", "95598"]


def test_a_duplicate_row_in_the_file_is_an_error(desk_db, shipped_catalog, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("姓名,角色,电话\n李娜,法务部,13800138000\n李娜,法务部,13900139000\n",
                    encoding="utf-8")
    rows = preview(shipped_catalog, path).rows
    assert [r.action for r in rows] == ["add", "error"]
    assert rows[1].problems == {"name": "duplicate_in_file"}


@pytest.mark.parametrize(("content", "code"), [
    (b"PK\x03\x04 an xlsx workbook", "workbook"),
    (b"", "empty"),
    ("单位,电话\n客服部,110\n".encode(), "no_name_column"),
    (b"\x81\x30\xff\xfe\x00\x01 junk", "encoding"),
])
def test_files_that_are_no_contact_list_are_refused(desk_db, shipped_catalog, tmp_path,
                                                    content, code):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(CsvRefused) as refused:
        preview(shipped_catalog, path)
    assert refused.value.code == code


def test_utf16_with_tabs_as_excel_s_unicode_text(desk_db, shipped_catalog, tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes("姓名\t角色\t手机\r\n李娜\t法务部\t13800138000\r\n".encode("utf-16"))
    [row] = preview(shipped_catalog, path).rows
    assert row.action == "add" and row.data.phones[0].number == "13800138000"


def test_export_to_a_missing_folder_is_refused_and_writes_nothing(desk_db, shipped_catalog,
                                                                  tmp_path):
    with pytest.raises(CsvRefused) as refused:
        csv_import.export_csv(tmp_path / "no" / "such" / "x.csv", [])
    assert refused.value.code == "unwritable"
    assert ContactPhone.select().count() == 0
