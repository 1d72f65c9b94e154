"""The reports window through its real widgets: prefilled from the record, both signers
required, filed once however often pressed, a second window's typing carried over, the
PDF of a filed report and of a draft, opened from the guided view with U."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.services.records import RecordService
from models.services.reporting import FINAL, FOLLOWUP, INITIAL, ReportingService, Slot
from tests.helpers import pdf
from tests.helpers.hall import HALL
from ui.common.operations import Operations
from ui.common.preview_errors import PreviewUnavailable
from ui.reporting.report_dialog import ReportDialog

START = datetime(2026, 11, 20, 10, 0, tzinfo=HALL)


@pytest.fixture
def make_dialog(qtbot, desk_db, shipped_catalog):
    clock = FakeClock(START)
    operations = Operations()

    def act():
        return Act(Who("城东营业厅", "1号台", "李主管"), clock.now(), HolidayCalendar())

    service = ReportingService(catalog=shipped_catalog, act=act)
    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", act())
    RecordService(catalog=shipped_catalog, act=act).save(incident, {"injuries": "1人轻伤"})
    questions = []  # each question's answer, given by the test: (title, then)

    def make(*, confirm=None, pdf_tools=None):
        dialog = ReportDialog(service=service, operations=operations, incident_id=incident,
                              pdf=pdf_tools, clerk=lambda: "李主管",
                              confirm=confirm or (lambda parent, title, text, then: then()))
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    make.service, make.incident, make.questions = service, incident, questions
    return make


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_next_report_is_prefilled_and_signed_by_the_clerk(make_dialog):
    dialog = make_dialog()
    assert not dialog.isModal()  # the alarm and 110/119/120 stay usable
    assert dialog.stage.count() == 1 and dialog.stage.currentText() == "初报"
    assert dialog.editors["casualties"].toPlainText() == "1人轻伤"
    assert "城东营业厅" in dialog.editors["unit"].toPlainText()
    assert dialog.reporter.text() == "李主管" and dialog.approver.text() == ""
    assert dialog.reports.item(dialog.reports.count() - 1).text() == "＋ 下一份：初报"


def test_filing_needs_both_names_and_then_offers_what_follows(qtbot, make_dialog):
    dialog = make_dialog()
    click(qtbot, dialog.file_button)
    assert "报告人和签发人" in dialog.message.text()
    assert make_dialog.service.filed(make_dialog.incident) == []
    dialog.approver.setText("王主任")
    dialog.editors["other"].setPlainText("无")
    click(qtbot, dialog.file_button)
    [filed] = make_dialog.service.filed(make_dialog.incident)
    assert (filed.slot, filed.reporter, filed.approver) == (Slot(INITIAL), "李主管", "王主任")
    assert filed.fields["other"] == "无"
    assert dialog.viewing == filed  # the filed report shown, read-only
    assert dialog.editors["other"].isReadOnly() and not dialog.file_button.isVisible()
    assert "初报已于" in dialog.message.text()
    dialog.reports.setCurrentRow(dialog.reports.count() - 1)  # the next one
    assert [dialog.stage.itemText(i) for i in range(dialog.stage.count())] == ["续报一", "终报"]
    assert not dialog.editors["other"].isReadOnly()
    assert dialog.approver.text() == ""  # each report is signed anew


def test_two_presses_answered_file_once(qtbot, make_dialog):
    pending = []
    dialog = make_dialog(confirm=lambda parent, title, text, then: pending.append(then))
    dialog.approver.setText("王主任")
    click(qtbot, dialog.file_button)
    click(qtbot, dialog.file_button)
    assert len(pending) == 2  # two questions open: both answered yes
    for then in pending:
        then()
    assert len(make_dialog.service.filed(make_dialog.incident)) == 1
    assert "没有重复报送" in dialog.message.text()


def test_a_second_window_keeps_what_was_typed_when_the_first_files(qtbot, make_dialog):
    first, second = make_dialog(), make_dialog()
    for dialog in (first, second):
        dialog.approver.setText("王主任")
    second.editors["account"].setPlainText("第二个窗口写的经过")
    click(qtbot, first.file_button)  # 初报 filed from the first window
    assert [s for s in (second.stage.itemData(i) for i in range(second.stage.count()))] == \
        [Slot(FOLLOWUP, 1), Slot(FINAL)]
    second.reports.setCurrentRow(second.reports.count() - 1)
    assert second.editors["account"].toPlainText() == "第二个窗口写的经过"
    click(qtbot, second.file_button)  # files 续报一, not a second 初报
    assert [r.name for r in make_dialog.service.filed(make_dialog.incident)] == ["初报",
                                                                                 "续报一"]


def test_after_the_final_report_nothing_is_offered(qtbot, make_dialog):
    dialog = make_dialog()
    service, incident = make_dialog.service, make_dialog.incident
    for slot in (Slot(INITIAL), Slot(FINAL)):
        service.file(incident, slot, {}, reporter="李", approver="王")
    dialog.show_incident(incident)
    assert dialog.stage.count() == 0
    assert dialog.reports.count() == 2 and dialog.viewing.name == "终报"
    assert not dialog.file_button.isVisible()


@pytest.fixture
def tools(tmp_path, async_loop):
    from ui.common.pdf_export import PdfExport, PdfTools

    made = PdfTools(exporter=PdfExport(), generated_by=lambda: "李主管",
                    now=lambda: START, zone=HALL)
    made.printed = []
    made.print_file = lambda path: made.printed.append(path) or True
    made.print_dir = lambda: tmp_path / "print"

    def no_printer(parent, path, viewer):  # the viewer fallback, as with no printer
        raise PreviewUnavailable("no printer")

    made.preview = no_printer
    return made


def test_print_a_filed_report_and_a_draft(qtbot, make_dialog, tools):
    dialog = make_dialog(pdf_tools=tools)
    dialog.approver.setText("王主任")
    dialog.editors["account"].setPlainText("配电箱起火")
    with qtbot.waitSignal(tools.exporter.finished, timeout=20000):
        click(qtbot, dialog.print_button)  # the draft as typed
    draft = "".join("".join(pdf.page_texts(tools.printed[-1])).split())
    assert "突发事件信息报告（初报）" in draft and "草稿" in draft and "配电箱起火" in draft
    click(qtbot, dialog.file_button)
    with qtbot.waitSignal(tools.exporter.finished, timeout=20000):
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    filed = "".join("".join(pdf.page_texts(tools.printed[-1])).split())
    assert "草稿" not in filed and dialog.viewing.sha256[:16] in filed
    assert tools.printed[-1].name == "信息报告-20261120-001-初报.pdf"


def test_the_timeline_says_a_report_was_filed_and_by_whom(make_dialog):
    from ui.common.timeline_text import entry_text

    service, incident = make_dialog.service, make_dialog.incident
    service.file(incident, Slot(INITIAL), {}, reporter="李文", approver="王主任")
    [entry] = [e for e in response.incident_state(incident).entries
               if e.kind == "formal_report"]
    assert entry_text(entry) == "已报送信息报告：初报（报告人 李文，签发人 王主任）"


def test_another_entry_of_the_incident_leaves_the_typing_alone(qtbot, make_dialog):
    """A note or a deadline missed meanwhile redraws nothing: the cursor stays put."""
    from models.services.changes import Changes

    dialog = make_dialog()
    editor = dialog.editors["account"]
    editor.setPlainText("配电箱")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("起火")
    dialog._ops.changed.emit(Changes(timeline=True, incident_id=make_dialog.incident))
    assert editor.toPlainText() == "配电箱起火"
    assert editor.textCursor().position() == len("配电箱起火")


def test_a_report_half_typed_survives_a_look_at_another_incidents_reports(
        qtbot, make_dialog, desk_db, shipped_catalog):
    """One reports window serves every incident (ReportOpener): opening another incident's
    reports and coming back finds the 初报 as it was typed, with its approver."""
    dialog = make_dialog()
    dialog.editors["account"].setPlainText("配电箱起火，已疏散客户")
    dialog.approver.setText("王主任")
    other = response.start_incident(shipped_catalog, desk_db[1], "robbery", Act(
        Who("城东营业厅", "1号台", "李主管"), START, HolidayCalendar()))
    dialog.show_incident(other)
    assert dialog.editors["account"].toPlainText() != "配电箱起火，已疏散客户"
    dialog.show_incident(make_dialog.incident)
    assert dialog.editors["account"].toPlainText() == "配电箱起火，已疏散客户"
    assert dialog.approver.text() == "王主任"


def test_a_filed_report_forged_with_its_hash_recomputed_is_said_changed(qtbot, make_dialog):
    """An adversary who edits a filed report and recomputes the hash it carries passes the
    report's own check but not the timeline's: the window says so, as the PDF does."""
    import json

    from models.reporting.filing import content_hash
    from models.store.tables import TimelineEntry, bound_database

    dialog = make_dialog()
    service, incident = make_dialog.service, make_dialog.incident
    report = service.file(incident, Slot(INITIAL), {"casualties": "无"}, reporter="李",
                          approver="王").value
    data = json.loads(TimelineEntry.get_by_id(report.entry_id).data)
    data["fields"]["casualties"] = "无人受伤"
    data["sha256"] = content_hash({k: v for k, v in data.items() if k != "sha256"})
    bound_database().execute_sql("DROP TRIGGER timeline_no_update")
    bound_database().execute_sql("UPDATE timeline_entry SET data = ? WHERE id = ?",
                                 (json.dumps(data, ensure_ascii=False, sort_keys=True),
                                  report.entry_id))
    forged = service.filed(incident)[0]
    assert forged.intact() and not service.document(incident, forged).intact
    dialog.load(select=forged.entry_id)
    assert dialog.viewing == forged
    assert "程序之外被改动" in dialog.state.text()
