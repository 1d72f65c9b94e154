"""A press paints its guided view first; the new incident's timer cards and its button on the
running strip are drawn just after that paint and painted in the next frame
(ui/common/after_paint.py)."""

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from models.clock.clocks import FakeClock
from models.store.settings import SettingsStore
from tests.helpers.hall import HALL
from ui.emergency.guided_response import StepRow
from ui.window.desk import build_desk
from ui.window.timer_panel import DeadlineCard

WORKDAY = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


class FrameLog(QObject):
    """Numbers the window's repaints (UpdateRequest) and notes the first frame in which a
    step of the guided view, a timer card and a running-strip button were painted."""

    def __init__(self, window) -> None:
        super().__init__()
        self._window = window
        self.frame = 0
        self.first: dict[str, int] = {}
        QApplication.instance().installEventFilter(self)

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and watched is self._window:
            self.frame += 1
        elif event.type() == QEvent.Type.Paint:
            kind = ("steps" if isinstance(watched, StepRow) else
                    "card" if isinstance(watched, DeadlineCard) else
                    "strip" if watched.objectName() == "openIncidentButton" else "")
            if kind:
                self.first.setdefault(kind, self.frame)
        return False


def test_a_press_paints_the_guided_view_then_the_cards_in_the_next_frames(
        qtbot, tmp_path, shipped_catalog, desk_db):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store,
                      clock=FakeClock(WORKDAY), sound_player=lambda: None)
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    desk.start()
    QApplication.processEvents()
    assert desk.timer_panel.cards == {} and desk.emergency.strip.buttons == {}
    log = FrameLog(desk.window)
    ran_in: dict[str, int] = {}
    desk.cards_redraw.ran.connect(lambda: ran_in.setdefault("cards", log.frame))
    desk.emergency.strip_redraw.ran.connect(lambda: ran_in.setdefault("strip", log.frame))
    try:
        with qtbot.waitSignals([desk.cards_redraw.ran, desk.emergency.strip_redraw.ran],
                               timeout=2000):
            qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"],
                             Qt.MouseButton.LeftButton)
            # the press has been handled: its guided view is filled, the rest waits
            assert desk.emergency.page() == "guided" and desk.emergency.guided.step_rows
            assert desk.timer_panel.cards == {} and desk.emergency.strip.buttons == {}
        incident = desk.emergency.guided.incident_id
        owed = {v.id for v in desk.deadlines.views if v.incident_id == incident}
        assert owed and set(desk.timer_panel.cards) == owed  # every card of the new incident
        assert list(desk.emergency.strip.buttons) == [incident]
        qtbot.waitUntil(lambda: {"card", "strip"} <= set(log.first), timeout=2000)
    finally:
        log.close()
    steps = log.first["steps"]
    for kind, ran in (("card", ran_in["cards"]), ("strip", ran_in["strip"])):
        # drawn once the frame that painted the steps is done (or the one after it, which
        # Qt may spend on the guided view's layout settling), and painted in the next frame
        assert steps <= ran <= steps + 1
        assert log.first[kind] == ran + 1
