"""The whole desk as main.py shows it: built by build_desk, the real stylesheet and font
applied (the caller uses the `desk_look` fixture), at 1366x768, shown and started."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from models.store.settings import SettingsStore
from ui.window.desk import Desk, build_desk


def styled_desk(qtbot, tmp_path, catalog, plan, clock) -> Desk:
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=clock,
                      own_drills_dir=tmp_path / "drills")
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    desk.start()
    QApplication.processEvents()
    return desk
