"""A success reads calm, a failure red: on every message line of the desk, with the real
stylesheet (the settings' "已保存" and the record's "已保存" were red)."""

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from models.store.settings import SettingsStore
from ui.common.message_tone import show_message
from ui.common.style import load_stylesheet
from ui.window.settings_page import SettingsPage

RED = "#b71c1c"


def colour(label: QLabel) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


@pytest.mark.parametrize("name", ["settingsMessage", "recordMessage", "drillMessage",
                                  "editorMessage", "trainingMessage", "approvalMessage"])
def test_success_is_not_red_and_failure_is(qtbot, name):
    host = QWidget()
    host.setStyleSheet(load_stylesheet())
    label = QLabel(host, objectName=name)
    qtbot.addWidget(host)
    show_message(label, "已保存。", ok=True)
    assert colour(label) != RED
    show_message(label, "未保存：…", ok=False)
    assert colour(label) == RED


def test_settings_saved_reads_calm(qtbot, tmp_path):
    page = SettingsPage(store=SettingsStore(tmp_path / "settings.json"))
    page.setStyleSheet(load_stylesheet())
    qtbot.addWidget(page)
    page._editors["hall_name"].setText("城东营业厅")
    page.save()
    assert page.message.text().startswith("已保存")
    assert colour(page.message) != RED
