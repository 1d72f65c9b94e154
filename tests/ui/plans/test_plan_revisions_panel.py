"""Plan revisions on the trainer's screen, and the plan an incident followed shown from its
stored version on the record form — after the plan files changed."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.plans.loader import load_catalog
from models.plans.versions import record_plan_version
from tests.helpers.wiring import plan_revisions_panel, record_form

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_record_an_approval(qtbot, desk_db, shipped_catalog):
    panel = plan_revisions_panel(catalog=shipped_catalog, plan=desk_db[1],
                                 clerk=lambda: "张三", now=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 3).text() == "尚未审批" and panel.table.item(0, 5).text() == "现行"
    assert "每 12 个月修订一次" in panel.current.text()
    assert panel.approved_on.text() == "2026-11-25"
    click(qtbot, panel.approve_button)
    assert panel.message.text() == "请填写审核人。"
    panel.reviewer.insert("李主管")
    panel.approver.insert("王经理")
    panel.approved_on.setText("2026-11-20")
    click(qtbot, panel.approve_button)
    assert panel.message.text() == "审批日期早于所审批的修订日期（2026-11-22）。"
    panel.approved_on.setText("2026-11-25")
    panel.note.insert("经理办公会纪要第12号")
    with qtbot.waitSignal(panel.approved):
        click(qtbot, panel.approve_button)
    assert panel.table.item(0, 2).text() == "李主管"
    assert panel.table.item(0, 3).text() == "王经理（2026-11-25）（经理办公会纪要第12号）"
    click(qtbot, panel.show_button)
    assert panel.dialog.isVisible()
    assert panel.dialog.windowTitle() == "预案 版本 2026.1（2026-11-22）"


def colour(label):
    return label.palette().color(label.foregroundRole()).name()


def test_success_looks_like_success(qtbot, desk_db, shipped_catalog, desk_look):
    panel = plan_revisions_panel(catalog=shipped_catalog, plan=desk_db[1],
                                 clerk=lambda: "张三", now=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    click(qtbot, panel.approve_button)
    assert panel.message.text() == "请填写审核人。" and colour(panel.message) == "#b71c1c"
    panel.reviewer.insert("李主管")
    panel.approver.insert("王经理")
    click(qtbot, panel.approve_button)
    assert panel.message.text() == "已登记版本 2026.1 的审批。"
    assert colour(panel.message) == "#1b5e20"  # green, as the directory's messages


def test_the_record_shows_the_plan_it_used_after_a_revision(qtbot, desk_db, shipped_catalog,
                                                            real_plans_dir):
    old_plan = desk_db[1]
    act = Act(Who("城东营业厅", "1号台", "张三"), NOW, HolidayCalendar())
    incident = response.start_incident(shipped_catalog, old_plan, "fire", act)
    catalog_file = real_plans_dir / "catalog.toml"
    catalog_file.write_text(catalog_file.read_text(encoding="utf-8").replace(
        'version = "2026.1"', 'version = "2027.1"'), encoding="utf-8")
    fire_file = real_plans_dir / "fire_safety.toml"
    fire_file.write_text(fire_file.read_text(encoding="utf-8").replace(
        "对初期火灾进行扑救", "对初期火灾进行扑救(新版)"), encoding="utf-8")
    revised = load_catalog(real_plans_dir)
    record_plan_version(revised, NOW)

    form = record_form(catalog=revised, incident_id=incident, act=lambda: act)
    qtbot.addWidget(form)
    form.show()
    assert form.plan_label.text() == "预案版本 2026.1（2026-11-22）"
    click(qtbot, form.plan_button)
    dialog = form.plan_dialog
    assert dialog.isVisible() and "2026.1（2026-11-22）" in dialog.windowTitle()
    page = dialog.browser.page.toPlainText()
    assert "营业场所发生火灾" in page and "对初期火灾进行扑救" in page
    assert "(新版)" not in page
