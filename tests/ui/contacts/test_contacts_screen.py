"""The directory screen through its real widgets: search, copy, edit with validation, delete,
import with a preview, export, and the printed sheet. The database is checked after."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from models.contacts import directory as contacts
from models.contacts.directory import ContactData, Phone
from models.store.tables import Contact, ContactPhone, TimelineEntry
from tests.helpers import pdf


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def snapshot():
    """Everything the directory holds, to compare before and after."""
    return ([tuple(r.values()) for r in Contact.select().dicts()],
            [tuple(r.values()) for r in ContactPhone.select().dicts()])


class Files:
    """What the file dialogs answer (None = the user cancelled)."""

    def __init__(self):
        self.open = self.save_csv = self.save_pdf = None
        self.shown = []
        self.printed = []

    @staticmethod
    def answer(path, then):
        """As the dialog answers: `then(path)` once a file is chosen, nothing on cancel."""
        if path is not None:
            then(path)


@pytest.fixture
def directory(desk_db, shipped_catalog, clock):
    from tests.helpers.wiring import contacts_controller

    contacts.seed_outside_numbers(shipped_catalog)
    for name, role, number in (("张三", "group_leader", "13800138000"),
                               ("李四", "liaison", "0755-87654321"),
                               ("王五", "liaison", "13912345678"),
                               ("赵六", "legal", "13512340000")):
        contacts.add_contact(shipped_catalog, ContactData(name=name, role_key=role,
                                                          phones=(Phone("", number),)))
    return contacts_controller(catalog=shipped_catalog, clock=clock)


@pytest.fixture
def files():
    return Files()


@pytest.fixture
def screen(qtbot, directory, files, clock, tmp_path):
    from ui.common.pdf_export import PdfExport, PdfTools, PreviewUnavailable
    from ui.contacts.contacts_screen import ContactsScreen

    def no_printer(parent, path, viewer):  # the viewer fallback, as with no printer
        raise PreviewUnavailable("no printer")

    answers = []
    tools = PdfTools(exporter=PdfExport(), generated_by=lambda: "张三", now=clock.now,
                     ask_path=lambda parent, title, name, then: files.answer(files.save_pdf, then),
                     open_file=lambda path: files.shown.append(path) or True,
                     print_file=lambda path: files.printed.append(path) or True,
                     print_dir=lambda: tmp_path / "print", preview=no_printer)
    view = ContactsScreen(controller=directory, hall=lambda: "城东营业厅", pdf=tools,
                          confirm=lambda parent, title, text, then: answers.pop(0) and then(),
                          open_csv=lambda parent, title, then: files.answer(files.open, then),
                          save_csv=lambda parent, title, name, then: files.answer(files.save_csv,
                                                                                 then))
    view.answers = answers
    qtbot.addWidget(view)
    view.resize(1234, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def row_of(screen, name):
    return next(r for r in screen.rows if r.contact.name == name)


def type_search(qtbot, screen, text):
    """Letters and digits are keys; Chinese arrives committed by the input method."""
    screen.search.clear()
    if text.isascii():
        qtbot.keyClicks(screen.search, text)
    else:
        screen.search.insert(text)


@pytest.mark.parametrize(("query", "names"), [
    ("李", ["李四"]),
    ("zs", ["张三"]),
    ("yjzz", ["张三"]),  # 应急管理小组组长, by its initials
    ("lly", ["李四", "王五"]),  # 联络员
    ("0755", ["李四"]),
    ("1391", ["王五"]),
    ("119", ["消防报警"]),
])
def test_search_as_you_type(qtbot, screen, query, names):
    type_search(qtbot, screen, query)
    assert screen.visible_names() == names
    assert not screen.empty.isVisible()


def test_the_role_shows_on_the_first_row_in_sight(qtbot, screen):
    assert row_of(screen, "李四").role.text() == "应急管理小组联络员"
    assert row_of(screen, "王五").role.text() == ""
    type_search(qtbot, screen, "王")
    assert row_of(screen, "王五").role.text() == "应急管理小组联络员"


def test_nothing_found_says_how_to_search(qtbot, screen):
    type_search(qtbot, screen, "不存在的人")
    assert screen.visible_names() == []
    assert screen.empty.isVisible() and "拼音首字母" in screen.empty.text()


def test_one_press_copies_a_number(qtbot, screen):
    button = row_of(screen, "王五").copy_buttons[0]
    assert button.text().startswith("139 1234 5678")
    click(qtbot, button)
    assert QGuiApplication.clipboard().text() == "13912345678"
    assert "已复制 王五：139 1234 5678" in screen.message.text()
    assert button.property("copied") is True
    type_search(qtbot, screen, "zs")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)  # Enter copies the first one shown
    assert QGuiApplication.clipboard().text() == "13800138000"


def test_placeholders_say_the_number_is_to_be_filled(screen):
    building = row_of(screen, "大楼物业管理处")
    assert building.copy_buttons == [] and building.findChild(type(building.role),
                                                              "badgeMissing")


def test_a_new_contact_with_mistakes_keeps_what_was_typed(qtbot, screen, shipped_catalog):
    before = snapshot()
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    assert dialog.isVisible()
    dialog.role.setCurrentIndex(dialog.role.findData("it_center"))
    dialog.organisation.insert("信息中心")  # as the input method commits it
    qtbot.keyClicks(dialog.numbers[0], "1380013800")  # one digit short
    qtbot.keyClicks(dialog.numbers[1], "83210099")  # no area code
    dialog.notes.insertPlainText("7×24 值班 🚨")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and snapshot() == before
    assert dialog.errors["name"].text() == "请填写姓名或名称。"
    assert "11 位" in dialog.errors["phone0"].text()
    assert "区号" in dialog.errors["phone1"].text()
    assert dialog.numbers[0].text() == "1380013800"  # nothing typed is lost
    assert dialog.organisation.text() == "信息中心"
    assert dialog.notes.toPlainText() == "7×24 值班 🚨"
    dialog.name.insert("蒋涛")
    dialog.numbers[0].setText("138 0013 8001")
    dialog.numbers[1].setText("0755-83210099")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    [added] = [c for c in contacts.list_contacts(shipped_catalog) if c.name == "蒋涛"]
    assert (added.role_key, [p.number for p in added.phones]) == (
        "it_center", ["13800138001", "0755-83210099"])
    assert added.notes == "7×24 值班 🚨"
    assert "蒋涛" in screen.visible_names()


def test_a_number_is_checked_as_soon_as_it_is_left(qtbot, screen):
    click(qtbot, row_of(screen, "张三").edit_button)
    dialog = screen.dialog
    dialog.numbers[0].setFocus()
    dialog.numbers[0].setText("12800138000")
    dialog.numbers[0].editingFinished.emit()
    assert "13～19" in dialog.errors["phone0"].text() and dialog.errors["phone0"].isVisible()


@pytest.mark.parametrize("typed", ["0", "0-"])
def test_a_lone_zero_gets_a_message_not_an_error(qtbot, screen, typed):
    before = snapshot()
    click(qtbot, row_of(screen, "张三").edit_button)
    dialog = screen.dialog
    dialog.numbers[0].setFocus()
    dialog.numbers[0].setText(typed)
    dialog.numbers[0].editingFinished.emit()
    assert "区号后" in dialog.errors["phone0"].text() and dialog.errors["phone0"].isVisible()
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.numbers[0].text() == typed
    assert "区号后" in dialog.errors["phone0"].text() and snapshot() == before


def test_edit_saves_and_the_list_shows_it(qtbot, screen, shipped_catalog):
    click(qtbot, row_of(screen, "李四").edit_button)
    dialog = screen.dialog
    assert dialog.name.text() == "李四" and dialog.numbers[0].text() == "0755-87654321"
    dialog.numbers[0].setText("0755 8765 4322 转 12")
    dialog.available_24h.setChecked(True)
    click(qtbot, dialog.save_button)
    [li] = [c for c in contacts.list_contacts(shipped_catalog) if c.name == "李四"]
    assert li.phones[0].number == "0755-87654322 转 12" and li.available_24h
    assert row_of(screen, "李四").copy_buttons[0].text().startswith("0755-87654322 转 12")


def test_deleting_keeps_past_incidents_readable(qtbot, screen, controller, directory):
    incident_id = controller.start("power_cut")
    [wang] = [p for p in directory.people("liaison") if p.name == "王五"]
    controller.call(incident_id, "liaison", person=wang.name, number=wang.number)
    click(qtbot, row_of(screen, "王五").edit_button)
    screen.answers.append(False)
    click(qtbot, screen.dialog.delete_button)
    assert "王五" in screen.visible_names()  # "no" keeps the contact
    screen.answers.append(True)
    click(qtbot, screen.dialog.delete_button)
    assert not screen.dialog.isVisible()
    assert "王五" not in screen.visible_names()
    assert screen.message.text() == "已删除：王五。"
    assert Contact.get(Contact.name == "王五").deleted_at is not None  # kept, marked
    [call] = TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                          TimelineEntry.kind == "called")
    assert call.text == "应急管理小组联络员 王五 13912345678"
    state = controller.state(incident_id)
    assert any(e.data.get("person") == "王五" for e in state.entries)


GBK_SHEET = ("姓名,角色,单位,手机,24小时\r\n"
             "钱伟,售后服务部,售后服务部,186 5678 9014,是\r\n"
             "孙丽,法务部,法务部,1353456789,否\r\n"  # a bad number
             ",客户服务部,,15845678903,否\r\n"  # no name
             "吴敏,电工班,工程部,13367890125,是\r\n")  # an unknown role


def test_import_shows_bad_rows_and_cancel_changes_nothing(qtbot, screen, files, tmp_path):
    files.open = tmp_path / "通讯录.csv"
    files.open.write_bytes(GBK_SHEET.encode("gbk"))
    before = snapshot()
    click(qtbot, screen.import_button)
    dialog = screen.preview_dialog
    assert dialog.isVisible()
    table = dialog.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount())]
    assert [row[:3] for row in cells] == [["3", "有错误，不导入", "孙丽"],
                                          ["4", "有错误，不导入", ""],
                                          ["5", "有错误，不导入", "吴敏"],
                                          ["2", "新增", "钱伟"]]
    assert cells[0][5].startswith("1353456789：") and "11 位" in cells[0][5]
    assert "请填写姓名" in cells[1][5]
    assert "“电工班”不在预案中" in cells[2][5]
    assert "GBK" in dialog.findChild(type(screen.message), "importSummary").text()
    assert dialog.import_button.text() == "导入 1 位联系人"
    click(qtbot, dialog.findChild(type(dialog.import_button), "cancelImport"))
    assert snapshot() == before
    assert screen.message.text() == "已取消导入：通讯录没有任何改动。"
    click(qtbot, screen.import_button)
    click(qtbot, screen.preview_dialog.import_button)
    assert "钱伟" in screen.visible_names() and "孙丽" not in screen.visible_names()
    assert screen.message.text() == "已导入：新增 1 人，更新 0 人。"


def test_an_update_keeps_what_the_file_has_no_column_for(qtbot, screen, files, tmp_path,
                                                         shipped_catalog):
    [zhang] = [c for c in contacts.list_contacts(shipped_catalog) if c.name == "张三"]
    had = ContactData(name="张三", role_key="group_leader", organisation="客户服务部",
                      phones=(Phone("手机", "13800138000"), Phone("办公电话", "0755-83210001")),
                      available_24h=True, on_duty="工作日值班", notes="备用钥匙在前台")
    contacts.edit_contact(shipped_catalog, zhang.id, had)
    screen._controller.reload()
    files.open = tmp_path / "组长.csv"
    files.open.write_text("姓名,角色,手机\n张三,应急管理小组组长,13800138001\n",
                          encoding="utf-8")
    click(qtbot, screen.import_button)
    table = screen.preview_dialog.table
    assert [table.item(0, c).text() for c in (1, 2, 4, 5)] == [
        "更新已有联系人", "张三", "138 0013 8001  0755-83210001", "改动：号码"]
    click(qtbot, screen.preview_dialog.import_button)
    [zhang] = [c for c in contacts.list_contacts(shipped_catalog) if c.name == "张三"]
    assert zhang.as_data() == ContactData(**{**had.__dict__, "phones": (
        Phone("手机", "13800138001"), Phone("办公电话", "0755-83210001"))})


def test_a_workbook_is_refused_with_what_to_do(qtbot, screen, files, tmp_path):
    files.open = tmp_path / "通讯录.csv"
    files.open.write_bytes(b"PK\x03\x04 xlsx")
    click(qtbot, screen.import_button)
    assert screen.preview_dialog is None
    assert "另存为" in screen.message.text()


def test_export_then_import_through_the_screen(qtbot, screen, files, tmp_path,
                                               shipped_catalog):
    files.save_csv = tmp_path / "导出.csv"
    click(qtbot, screen.export_button)
    assert files.save_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    before = [c.as_data() for c in contacts.list_contacts(shipped_catalog)]
    Contact.update(deleted_at=Contact.id).execute()
    screen._controller.reload()
    assert screen.visible_names() == []
    files.open = files.save_csv
    click(qtbot, screen.import_button)
    click(qtbot, screen.preview_dialog.import_button)
    assert [c.as_data() for c in contacts.list_contacts(shipped_catalog)] == before


def test_export_cancelled_writes_nothing(qtbot, screen, files, tmp_path):
    click(qtbot, screen.export_button)  # the save dialog answered None
    assert not list(tmp_path.glob("*.csv")) and not screen.message.isVisible()


def test_sheet_saved_in_the_background(qtbot, screen, files, tmp_path, async_loop):
    files.save_pdf = tmp_path / "通讯录.pdf"
    with qtbot.waitSignal(screen.export_bar.tools.exporter.finished, timeout=20000):
        click(qtbot, screen.sheet_button)
    assert screen.export_bar.state == "saved"
    text = "".join(pdf.page_texts(files.save_pdf))
    for expected in ("城东营业厅", "应急联络通讯录", "张三", "138 0013 8000", "0755-87654321",
                     "110", "95598", "待填写", "第 1 页 / 共 1 页"):
        assert expected in text, expected
    click(qtbot, screen.export_bar.open_button)
    assert files.shown == [files.save_pdf]


def test_print_hands_the_sheet_to_the_system(qtbot, screen, files, tmp_path, async_loop):
    with qtbot.waitSignal(screen.export_bar.tools.exporter.finished, timeout=20000):
        click(qtbot, screen.print_button)
    assert files.printed == [tmp_path / "print" / "应急通讯录.pdf"]
    assert "张三" in "".join(pdf.page_texts(files.printed[0]))


def test_a_contact_whose_save_fails_keeps_the_dialog_and_the_text(qtbot, screen,
                                                                  shipped_catalog):
    from models.store.tables import bound_database

    click(qtbot, screen.add_button)
    dialog = screen.dialog
    dialog.name.insert("蒋涛")
    dialog.role.setCurrentIndex(dialog.role.findData("it_center"))
    dialog.numbers[0].setText("138 0013 8001")
    operations = screen._controller._ops
    bound_database().execute_sql("PRAGMA query_only = ON")  # the file turned read-only
    try:
        with qtbot.waitSignal(operations.failed):
            click(qtbot, dialog.save_button)
    finally:
        bound_database().execute_sql("PRAGMA query_only = OFF")
    assert dialog.isVisible() and dialog.name.text() == "蒋涛"  # nothing typed is lost
    assert operations.message.isVisible()
    assert "蒋涛" not in [c.name for c in contacts.list_contacts(shipped_catalog)]
    assert "蒋涛" not in screen.visible_names()
    click(qtbot, dialog.save_button)  # writable again
    assert not dialog.isVisible() and "蒋涛" in screen.visible_names()
