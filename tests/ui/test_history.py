"""History and daily view through the real widgets; the lazy model checked on its own."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from models.clock.act import Act, Who
from models.clock.clocks import SystemClock
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.incidents.history import HistoryFilter, HistoryRow
from models.store.tables import Incident
from tests.helpers.hall import HALL
from tests.helpers.wiring import daily_view, history_screen
from ui.history.history_model import ID_ROLE, PAGE, HistoryModel


def fake_rows(total):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [HistoryRow(i, f"N{i:06d}", start + timedelta(hours=i), "营业场所发生火灾",
                       "fire_safety", 1, "closed", i % 10 == 0, "1号台", "大厅")
            for i in range(total)]


def test_lazy_model_loads_pages_not_everything(qtbot, shipped_catalog):
    rows = fake_rows(1000)
    fetched = []

    def fetch(f, *, sort, descending, offset, limit):
        fetched.append((offset, limit))
        return rows[offset:offset + limit]

    model = HistoryModel(catalog=shipped_catalog, count=lambda f: len(rows), fetch=fetch)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.sort(1, Qt.SortOrder.DescendingOrder)  # a view sorts while it is being set up
    assert fetched == []  # nothing is queried before a filter is set
    model.set_filter(HistoryFilter())
    assert model.rowCount() == PAGE and model.total == 1000
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    assert fetched[-1] == (PAGE, PAGE)
    assert model.data(model.index(0, 0)) == "【演练】N000000"  # a drill is marked
    assert model.data(model.index(1, 0)) == "N000001"
    assert model.data(model.index(3, 0), ID_ROLE) == 3
    assert model.headerData(3, Qt.Orientation.Horizontal) == "级别"


def start(catalog, plan, key, when, note="", drill=False):
    act = Act(Who("城东营业厅", "1号台", "张三"), when, HolidayCalendar())
    incident = response.start_incident(catalog, plan, key, act, is_drill=drill)
    if note:
        response.add_note(incident, note, act)
    return incident


def test_history_filters_search_sort_and_open(qtbot, desk_db, shipped_catalog):
    plan = desk_db[1]
    now = datetime.now(HALL)
    fire = start(shipped_catalog, plan, "fire", now - timedelta(hours=3), "二楼仓库起火")
    start(shipped_catalog, plan, "power_cut", now - timedelta(hours=2), "整栋楼停电")
    start(shipped_catalog, plan, "fire", now - timedelta(hours=1), "消防演练", drill=True)
    screen = history_screen(catalog=shipped_catalog,
                            act=lambda: Act(Who("", "1号台", "李主管"), now, HolidayCalendar()))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.model.total == 2  # real incidents by default: the drill is left out
    assert screen.count_label.text() == "共 2 起"
    with qtbot.waitSignal(screen.applied):
        screen.kind.setCurrentIndex(screen.kind.findData(None))
    assert screen.model.total == 3
    screen.search.insert("仓库")  # an input method commits text
    screen.apply()  # what the search delay would do
    assert [r.id for r in screen.model.rows] == [fire]
    screen.search.clear()
    with qtbot.waitSignal(screen.applied):
        screen.category.setCurrentIndex(screen.category.findData("power_environment"))
    assert screen.model.total == 1
    with qtbot.waitSignal(screen.applied):
        screen.category.setCurrentIndex(0)
    screen.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by situation
    names = [r.situation_name for r in screen.model.rows]
    assert names == sorted(names)
    screen.open_row(screen.model.index(0, 0))
    assert screen.record_dialog.isVisible()
    assert screen.record_dialog.form.incident_id == screen.model.rows[0].id


def test_history_date_range(qtbot, desk_db, shipped_catalog):
    plan = desk_db[1]
    today = datetime.now(HALL).replace(hour=10, minute=0)
    start(shipped_catalog, plan, "fire", today)
    start(shipped_catalog, plan, "fire", today - timedelta(days=3))
    screen = history_screen(catalog=shipped_catalog,
                            act=lambda: Act(Who("", "1号台", "李主管"), datetime.now(HALL),
                                            HolidayCalendar()))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.first_day.property("unused") is True  # greyed: every date counts
    screen.show_last_days(1)
    assert screen.model.total == 1
    assert screen.first_day.property("unused") is False
    screen.show_last_days(7)
    assert screen.model.total == 2


def test_daily_view_counts_and_drills(qtbot, desk_db, shipped_catalog):
    plan = desk_db[1]
    today = datetime.now(HALL).replace(hour=10, minute=0)
    start(shipped_catalog, plan, "fire", today)
    start(shipped_catalog, plan, "power_cut", today + timedelta(minutes=30))
    start(shipped_catalog, plan, "fire", today + timedelta(hours=1), drill=True)
    view = daily_view(catalog=shipped_catalog, hall=lambda: "城东营业厅", clock=SystemClock())
    qtbot.addWidget(view)
    view.show()
    view.show_days(datetime.now(HALL).date(), datetime.now(HALL).date())
    assert view.summary.text().startswith("真实事件 2 起，演练 1 次")
    assert "火灾与安全事故 1" in view.summary.text()
    assert view.rows.rowCount() == 3
    numbers = [view.rows.item(r, 1).text() for r in range(3)]
    assert sum(n.startswith("【演练】") for n in numbers) == 1
    assert {view.rows.item(r, 4).text() for r in range(3)} == {"1号台"}  # the desk column
    assert "※" not in view.summary.text() and not any("※" in n for n in numbers)
    exported = []
    view.export_requested.connect(exported.append)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert exported[0].hall == "城东营业厅" and len(exported[0].real_rows) == 2
    view.last_day.setDate(view.first_day.date().addDays(-1))
    assert view.summary.text() == "结束日期早于开始日期。"


def test_the_daily_view_marks_an_incident_changed_outside_the_program(qtbot, desk_db,
                                                                      shipped_catalog):
    today = datetime.now(HALL).replace(hour=10, minute=0)
    start(shipped_catalog, desk_db[1], "fire", today)
    forged = start(shipped_catalog, desk_db[1], "power_cut", today + timedelta(minutes=30))
    Incident.update(clerk="李四").where(Incident.id == forged).execute()  # not by the program
    view = daily_view(catalog=shipped_catalog, hall=lambda: "城东营业厅", clock=SystemClock())
    qtbot.addWidget(view)
    view.show()
    view.show_days(today.date(), today.date())
    number = Incident.get_by_id(forged).number
    assert f"※ {number} 在本程序之外被改动" in view.summary.text()
    numbers = [view.rows.item(r, 1).text() for r in range(2)]
    assert f"※{number}" in numbers and sum(n.startswith("※") for n in numbers) == 1
