from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from models.store.settings import SettingsStore
from ui.window.settings_page import SettingsPage


def test_save_persists_and_signals(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    page = SettingsPage(store=store)
    qtbot.addWidget(page)
    hall = page.findChild(type(page._editors["hall_name"]), "setting_hall_name")
    hall.insert("城东营业厅")  # an input method commits text
    size = page._editors["text_size"]
    size.setCurrentIndex(size.findData(130))
    changed = []
    page.settings_changed.connect(lambda key, value: changed.append((key, value)))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert changed == [("hall_name", "城东营业厅"), ("text_size", 130)]
    again = SettingsStore(tmp_path / "settings.json")
    assert again.get("hall_name") == "城东营业厅"
    assert again.get("text_size") == 130
    assert page.message.text() == "已保存。 新的文字大小已生效。"  # at once, not at the next start


def test_language_change_says_when_it_applies(qtbot, tmp_path):
    page = SettingsPage(store=SettingsStore(tmp_path / "settings.json"))
    qtbot.addWidget(page)
    lang = page._editors["language"]
    lang.setCurrentIndex(lang.findData("en"))
    page.save()
    assert "下次启动" in page.message.text()


def test_unwritable_settings_folder_is_reported_not_raised(qtbot, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    page = SettingsPage(store=SettingsStore(blocker / "settings.json"))
    qtbot.addWidget(page)
    page._editors["desk_name"].insert("2号台")  # an input method commits text
    page.save()
    assert page.message.text().startswith("未保存")


def test_the_halls_time_zone_is_edited_checked_and_applies_at_the_next_start(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    page = SettingsPage(store=store)
    qtbot.addWidget(page)
    zone = page.findChild(QLineEdit, "setting_timezone")
    assert zone.text() == "Asia/Shanghai"
    label = page.layout().itemAt(1).layout().labelForField(zone)
    assert label.text() == "营业厅所在时区"
    zone.setText("Mars/Base")
    page.save()
    assert page.message.text().startswith("未保存：“Mars/Base”不是时区名称")
    assert store.get("timezone") == "Asia/Shanghai"
    zone.setText("Asia/Urumqi")
    page.save()
    assert store.get("timezone") == "Asia/Urumqi"
    assert "时区将在下次启动时生效" in page.message.text()


def test_the_backup_folder_is_set_here_and_applies_at_the_next_start(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    page = SettingsPage(store=store)
    qtbot.addWidget(page)
    page._editors["backup_folder"].setText(str(tmp_path / "usb"))
    page.save()
    assert SettingsStore(tmp_path / "settings.json").get("backup_folder") == str(tmp_path / "usb")
    assert "下次启动起备份将存入新的文件夹" in page.message.text()


def test_the_answer_to_save_or_test_shows_beside_save_and_moves_nothing(qtbot, tmp_path):
    """At 1366×768 the message lay below Save, under the 110 bar: "saved" and the sound
    test's answer were out of sight, and showing them moved Save down."""
    page = SettingsPage(store=SettingsStore(tmp_path / "settings.json"))
    qtbot.addWidget(page)
    page.resize(1234, 500)
    page.show()
    qtbot.waitExposed(page)
    save = page.save_button.geometry()
    page.save()
    QApplication.processEvents()  # the layout settles
    message = page.message.geometry()
    assert page.save_button.geometry() == save
    assert message.top() < save.bottom() and message.bottom() > save.top()  # the same row
