from datetime import UTC, datetime

import pytest

from models.clock.act import Who
from models.clock.clocks import FakeClock


@pytest.fixture(autouse=True, scope="session")
def chinese_ui(qapp):
    """UI tests see what a desk sees: the Chinese translation installed."""
    from ui.common.i18n import install_translations

    assert install_translations(qapp, "zh_CN")


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))


@pytest.fixture
def controller(desk_db, shipped_catalog, clock):
    from tests.helpers.wiring import incident_controller

    _, plan = desk_db
    return incident_controller(catalog=shipped_catalog, plan=plan, clock=clock,
                               who=lambda: Who("城东营业厅", "1号台", "张三"))


@pytest.fixture
def emergency(qtbot, controller):
    from ui.emergency.emergency_screen import EmergencyScreen
    from ui.emergency.guided_response import GuidedResponse

    answers = []
    guided = GuidedResponse(controller=controller,
                            confirm=lambda parent, title, text, then: answers.pop(0) and then())
    screen = EmergencyScreen(controller=controller, guided=guided)
    screen.confirm_answers = answers  # tests append True/False before a confirmation
    qtbot.addWidget(screen)
    screen.resize(1234, 724)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def async_loop(qapp):
    """An asyncio loop on Qt's event loop, as in the desk: coroutines advance while a test
    waits with qtbot.waitSignal/waitUntil. (Never stopped: stop() would quit the app.)"""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def desk_look(qapp):
    """The desk's font and stylesheet, as main.py applies them (sizes depend on both)."""
    from ui.common.fonts import apply_cjk_font
    from ui.common.style import apply_stylesheet

    font = qapp.font()
    apply_cjk_font(qapp)
    apply_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")
    qapp.setFont(font)


@pytest.fixture(autouse=True)
def nothing_outlives_its_test(qapp):
    """Every window a test made is deleted when it ends, and with it every timer it owns: a
    timer left running would fire into the next test's database (a quick-note draft saved
    for an incident that database does not have). Then no timer may still be running."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent, QTimer

    yield
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    running = [t for t in gc.get_objects() if isinstance(t, QTimer) and _alive(t) and t.isActive()]
    assert running == [], f"timers still running after the test: {running}"


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


@pytest.fixture(autouse=True)
def silent_desk(monkeypatch):
    """A desk built in a test plays no sound through the machine's player (aplay, paplay):
    the alarm beeps through its fallback; tests of the player inject their own."""
    monkeypatch.setattr("ui.window.desk.find_player", lambda: None)
