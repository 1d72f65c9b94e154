"""Export and print from the desk's screens: the buttons write real PDFs with the right
content through the one background exporter, the window keeps answering during a long export,
progress and the result show in the bar, and failures are messages."""

import threading
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.store.settings import SettingsStore
from tests.helpers import pdf
from tests.helpers.hall import HALL
from ui.common.pdf_export import PreviewUnavailable
from ui.common.print_preview import show_print_preview

DAY = date(2026, 11, 20)
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def desk(qtbot, tmp_path, shipped_catalog, desk_db, async_loop):
    """The whole desk with two real incidents and a drill on DAY; its save dialog answers
    with `desk.save_as`, its viewer and printer are recorded in `desk.opened`/`printed`."""
    from ui.window.desk import build_desk

    plan = desk_db[1]
    for minutes, key, drill in ((0, "fire", False), (30, "power_cut", False), (60, "fire", True)):
        act = Act(Who("城东营业厅", "1号台", "张三"), NOON + timedelta(minutes=minutes),
                  HolidayCalendar())
        incident = response.start_incident(shipped_catalog, plan, key, act, is_drill=drill)
        response.add_note(incident, f"二楼仓库第{minutes}分钟情况", act)
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "李主管")
    store.set("hall_name", "城东营业厅")
    built = build_desk(catalog=shipped_catalog, plan=plan, store=store,
                       clock=FakeClock(NOON + timedelta(hours=6)),
                       confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(built.window)
    built.window.resize(1366, 768)
    built.window.show()
    built.save_as = tmp_path / "out" / "日志.pdf"
    built.save_as.parent.mkdir()
    built.opened, built.printed, built.asked = [], [], []
    tools = built.pdf

    def ask(parent, title, suggested, then):
        built.asked.append((title, suggested))
        if built.save_as is not None:  # None: cancelled
            then(built.save_as)

    tools.ask_path = ask
    tools.open_file = lambda path: built.opened.append(("file", path)) or True
    tools.open_folder = lambda path: built.opened.append(("folder", path)) or True
    tools.print_file = lambda path: built.printed.append(path) or True
    tools.print_dir = lambda: tmp_path / "print"

    def preview(parent, path, viewer):  # the real preview, with a printer installed
        shown = show_print_preview(parent, path, open_in_viewer=viewer,
                                   printers=lambda: ["Front desk printer"])
        built.previews.append(shown)
        return shown

    built.previews = []
    tools.preview = preview
    yield built
    qtbot.waitUntil(lambda: not tools.exporter.busy)


def daily_view(desk):
    desk.window.show_screen("incidents")
    screen = desk.incidents_screen
    screen.tabs.setCurrentWidget(screen.daily)
    screen.daily.show_days(DAY, DAY)
    return screen.daily


def test_daily_log_button_writes_the_log(qtbot, desk):
    view = daily_view(desk)
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        click(qtbot, view.export_button)
    assert desk.asked == [("将值班日志保存为 PDF", "值班日志-2026-11-20.pdf")]
    text = "\n".join(pdf.page_texts(desk.save_as))
    assert "值班日志 2026-11-20" in text and "城东营业厅" in text
    assert "真实事件 2 起；演练 1 次" in text
    assert "生成人 李主管" in text  # the clerk on duty
    bar = view.export_bar
    assert bar.isVisible() and bar.state == "saved"
    assert bar.message.text() == f"已保存 {desk.save_as}"
    click(qtbot, bar.open_button)
    click(qtbot, bar.folder_button)
    assert desk.opened == [("file", desk.save_as), ("folder", desk.save_as)]


def test_the_window_keeps_answering_during_a_long_export(qtbot, desk, monkeypatch):
    """The render blocks after its first page until the test releases it: meanwhile the bar
    shows the page, timers fire, and a click on another control takes effect."""
    from reports import daily_log

    real = daily_log.render_daily_log
    first_page, release = threading.Event(), threading.Event()

    def slow_render(log, path, *, progress, **kwargs):
        def held(page):
            if page == 1:
                first_page.set()  # before the message: the desk may show it at once
            progress(page)
            if page == 1:
                assert release.wait(20), "the test never released the export"
        return real(log, path, progress=held, **kwargs)

    monkeypatch.setattr(daily_log, "render_daily_log", slow_render)
    view = daily_view(desk)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    try:
        click(qtbot, view.export_button)
        qtbot.waitUntil(lambda: view.export_bar.message.text() == "正在生成 PDF… 第 1 页")
        assert first_page.is_set() and desk.pdf.exporter.busy
        before = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= before + 5)  # the event loop is running
        click(qtbot, view.yesterday)  # the screen still answers a press
        assert view.first_day.date().toPython() != DAY
        assert not desk.save_as.exists()  # nothing half-written in place
        with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
            release.set()
    finally:
        release.set()
        timer.stop()
    assert "真实事件 2 起" in pdf.page_texts(desk.save_as)[0]
    assert view.export_bar.state == "saved"


def test_print_from_the_record_dialog(qtbot, desk, tmp_path):
    desk.window.show_screen("incidents")
    history = desk.incidents_screen.history
    history.kind.setCurrentIndex(history.kind.findData(None))
    history.apply()
    history.table.selectRow(0)
    click(qtbot, history.open_button)
    dialog = history.record_dialog
    form = dialog.form
    form.editors["place"].setText("二楼仓库")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        qtbot.keyClick(form.editors["place"], Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    bar = form.export_bar
    preview = bar.preview
    assert desk.previews == [preview] and preview.isVisible() and desk.printed == []
    printed = preview.path
    assert printed.parent == tmp_path / "print" and printed.name.startswith("事件记录-2026112")
    text = "\n".join(pdf.page_texts(printed))
    assert "地点\n二楼仓库" in text  # what was on screen was saved first
    assert "演练" in text  # the newest row is the drill
    with qtbot.waitSignal(preview.pages_ready, timeout=20000) as ready:
        pass
    assert ready.args == [len(pdf.page_texts(printed))] == [preview.view.pageCount()]
    assert bar.isVisible() and bar.state == "printed"
    assert bar.message.text() == f"已打开 {printed.name} 的打印预览：请在预览中选择打印机。"
    assert not desk.incidents_screen.daily.export_bar.isVisible()  # other bars stay quiet


def test_ctrl_p_on_the_daily_view_opens_the_preview_once(qtbot, desk):
    """Ctrl+P twice: the second preview replaces the first, never two side by side."""
    view = daily_view(desk)
    for _ in range(2):
        # back on the desk first: with the preview active, its own Ctrl+P (print) has the key
        desk.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
        with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
            qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    first, second = desk.previews
    assert view.export_bar.preview is second and second.isVisible()
    assert not first.isVisible()
    assert "值班日志 2026-11-20" in pdf.page_texts(second.path)[0]


def test_no_printer_falls_back_to_the_system_viewer_and_says_why(qtbot, desk):
    def no_printer(parent, path, viewer):
        raise PreviewUnavailable("这台电脑没有安装打印机。")

    desk.pdf.preview = no_printer
    view = daily_view(desk)
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        click(qtbot, view.print_button)
    bar = view.export_bar
    assert desk.printed == [bar.path] and bar.state == "printed" and bar.preview is None
    assert bar.message.text().startswith("这台电脑没有安装打印机。 已交给系统的 PDF 阅读器打印")


def test_record_not_exported_while_a_field_is_wrong(qtbot, desk):
    desk.window.show_screen("incidents")
    history = desk.incidents_screen.history
    history.table.selectRow(0)
    history.open_row(history.table.currentIndex())
    form = history.record_dialog.form
    form.editors["loss_amount"].setText("大约五千")
    click(qtbot, form.export_button)
    assert desk.asked == [] and not desk.pdf.exporter.busy
    assert form.message.text().startswith("未导出")
    assert form.editors["loss_amount"].text() == "大约五千"


def test_history_exports_the_selected_record(qtbot, desk):
    desk.window.show_screen("incidents")
    history = desk.incidents_screen.history
    history.table.selectRow(0)
    number = history.model.rows[0].number
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        click(qtbot, history.export_button)
    assert desk.asked[0][1] == f"事件记录-{number}.pdf"
    text = "\n".join(pdf.page_texts(desk.save_as))
    assert f"事件记录 {number}" in text and "时间线完整性校验：通过" in text


def test_a_folder_that_does_not_exist_is_a_message(qtbot, desk, tmp_path):
    desk.save_as = tmp_path / "gone" / "日志.pdf"
    view = daily_view(desk)
    with qtbot.waitSignal(desk.pdf.exporter.failed, timeout=20000):
        click(qtbot, view.export_button)
    bar = view.export_bar
    assert bar.state == "failed"
    assert bar.message.text() == f"文件夹 {tmp_path / 'gone'} 不存在。请选择一个已有的文件夹。"
    assert not bar.open_button.isVisible()


def test_no_viewer_to_print_with_says_where_the_file_is(qtbot, desk):
    desk.pdf.print_file = lambda path: False
    desk.pdf.preview = lambda parent, path, viewer: show_print_preview(
        parent, path, open_in_viewer=viewer, printers=lambda: [])
    view = daily_view(desk)
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        click(qtbot, view.print_button)
    bar = view.export_bar
    assert bar.state == "failed" and "没有可用于打印的 PDF 阅读器" in bar.message.text()
    assert bar.open_button.isVisible()  # the file is there to open by hand


def test_cancelled_save_dialog_does_nothing(qtbot, desk):
    desk.pdf.ask_path = lambda parent, title, suggested, then: None
    view = daily_view(desk)
    click(qtbot, view.export_button)
    assert not desk.pdf.exporter.busy and not view.export_bar.isVisible()


def test_a_wrong_range_cannot_be_printed(qtbot, desk):
    view = daily_view(desk)
    view.last_day.setDate(view.first_day.date().addDays(-1))
    assert not view.export_button.isEnabled() and not view.print_button.isEnabled()
    click(qtbot, view.export_button)
    assert desk.asked == []


def test_export_from_the_record_opened_in_a_running_incident(qtbot, desk):
    desk.emergency.start("hotline_failure")
    guided = desk.emergency.guided
    click(qtbot, guided.record_button)
    form = guided.record_dialog.form
    assert form.export_button.isVisible() and form.print_button.isVisible()
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        click(qtbot, form.export_button)
    text = "\n".join(pdf.page_texts(desk.save_as))
    assert "事件记录 20261120-004" in text and "热线系统故障" in text
    assert "状态\n待处置" in text  # printed while it runs
    assert form.export_bar.state == "saved"


@pytest.mark.parametrize("screen", ["history", "contacts"])
def test_ctrl_p_opens_the_preview_from_every_screen_with_a_print_button(qtbot, desk, screen):
    window = desk.window
    if screen == "history":
        window.show_screen("incidents")
        history = desk.incidents_screen.history
        desk.incidents_screen.tabs.setCurrentWidget(history)
        history.table.selectRow(0)
        bar = history.export_bar
    else:
        window.show_screen("contacts")
        bar = window.findChild(QWidget, "contactsScreen").export_bar
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert desk.previews == [bar.preview] and bar.preview.isVisible()


def test_every_print_button_of_the_desk_answers_ctrl_p(desk):
    daily_view(desk)
    for screen in ("contacts", "drills"):
        desk.window.show_screen(screen)  # screens are built when first shown
    names = ("printDaily", "historyPrint", "printContacts", "printDrillReport")
    for name in names:
        button = desk.window.findChild(QPushButton, name)
        assert button is not None and button.shortcut().toString() == "Ctrl+P", name
