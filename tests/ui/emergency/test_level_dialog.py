"""The level helper: why OK cannot be pressed yet is a quiet hint until the clerk has chosen
anything, and a problem once they have."""

from ui.emergency.level_dialog import LevelDialog


def test_the_hint_is_quiet_until_something_is_chosen(qtbot, shipped_catalog):
    dialog = LevelDialog(catalog=shipped_catalog, current=3)
    qtbot.addWidget(dialog)
    assert dialog.missing.text() and dialog.missing.property("untouched") is True
    dialog.reason.setText("有客户受伤")  # a reason, but still the same level
    assert dialog.missing.property("untouched") is False
    dialog.reason.setText("")
    dialog.levels.button(2).setChecked(True)  # another level, no reason yet
    assert dialog.missing.property("untouched") is False and dialog.missing.text()
    dialog.reason.setText("有客户受伤")
    assert dialog.missing.text() == ""
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
