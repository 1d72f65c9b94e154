from PySide6.QtCore import Qt

from models.store.settings import SettingsStore, put_on_duty
from ui.window.clerk_dialog import ClerkDialog


def test_known_name_in_one_press(qtbot):
    dialog = ClerkDialog(names=["张三", "李四"], current="张三")
    qtbot.addWidget(dialog)
    assert dialog.name_buttons["张三"].isChecked()
    with qtbot.waitSignal(dialog.chosen) as blocker:
        qtbot.mouseClick(dialog.name_buttons["李四"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["李四"]


def test_new_name_is_remembered_first(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    put_on_duty(store, "李四")
    dialog = ClerkDialog(names=store.get("clerk_names"), current="李四")
    qtbot.addWidget(dialog)
    dialog.chosen.connect(lambda name: put_on_duty(store, name))
    dialog.new_name.insert("  王 五 ")  # an input method commits text
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    again = SettingsStore(tmp_path / "settings.json")
    assert again.get("clerk_on_duty") == "王 五"
    assert again.get("clerk_names") == ["王 五", "李四"]


def test_empty_name_is_not_chosen(qtbot):
    dialog = ClerkDialog(names=[], current="")
    qtbot.addWidget(dialog)
    chosen = []
    dialog.chosen.connect(chosen.append)
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    assert chosen == []


def test_nobody_on_duty_the_dialog_cannot_be_put_away(qtbot):
    dialog = ClerkDialog(names=["张三"], current="")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()  # the title bar's close button
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.name_buttons["张三"], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


def test_someone_on_duty_esc_keeps_them(qtbot):
    dialog = ClerkDialog(names=["张三"], current="张三")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
