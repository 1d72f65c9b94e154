"""How a timeline entry reads, in the UI's language (guided view, record form, history)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.services.incidents import EntryView
from ui.common.record_fields import field_label

translate = QCoreApplication.translate


def entry_text(entry: EntryView) -> str:
    labels = {
        "started": translate("Timeline", "Started: {0}"),
        "step_checked": translate("Timeline", "✓ {0}"),
        "step_unchecked": translate("Timeline", "✗ undone: {0}"),
        "called": translate("Timeline", "☎ called {0}"),
        "no_number": translate("Timeline", "☎ no number on file: {0} (not called)"),
        "reported": translate("Timeline", "Reported to {0}"),
        "note": translate("Timeline", "Note: {0}"),
        "level_changed": translate("Timeline", "Level changed: {0}"),
        "situation_changed": translate("Timeline", "Plan switched to {0}"),
        "cancelled": translate("Timeline", "Cancelled: {0}"),
        "resolved": translate("Timeline", "Handling finished"),
        "closed": translate("Timeline", "Closed"),
        "record_saved": translate("Timeline", "Record saved: {0}"),
        "amended": translate("Timeline", "Amended: {0}"),
        "deadline_started": translate("Timeline", "Clock started: {0}"),
        "deadline_met": translate("Timeline", "Done in time: {0}"),
        "deadline_missed": translate("Timeline", "⚠ Deadline missed: {0}"),
        "decision_prompted": translate("Timeline", "Decision point reached: {0}"),
        "deadline_superseded": translate("Timeline", "No longer due: {0}"),
        "alarm_acknowledged": translate("Timeline", "Alarm acknowledged: {0}"),
        "readout_shared": translate("Timeline", "Report shared for confirmation by phone: {0}"),
        "duty_call": translate("Timeline", "☎ Incoming call: {0}"),
    }
    if entry.kind == "leader_received":  # the time the hub saw the press, on the hall's clock
        return translate("Timeline", "{0} confirmed receipt (phone) {1}").format(
            entry.data.get("by", ""), entry.data.get("local_time", ""))
    if entry.kind == "deadline_met" and entry.data.get("action") == "decide":
        return translate("Timeline", "Decided: {0}").format(entry.text)  # never late
    late = entry.data.get("late_seconds", 0) if entry.kind == "deadline_met" else 0
    if late:
        minutes, seconds = divmod(late, 60)
        return translate("Timeline", "Done {0}:{1:02d} late: {2}").format(minutes, seconds,
                                                                         entry.text)
    if entry.kind == "level_changed" and "to" in entry.data:
        return translate("Timeline", "Level {0} → {1}: {2}").format(
            entry.data.get("from"), entry.data["to"], entry.text)
    if entry.kind == "amended" and entry.data.get("field"):
        return translate("Timeline", "Amended {0}: “{1}” → “{2}” ({3})").format(
            field_label(entry.data["field"]), entry.data.get("old", ""),
            entry.data.get("new", ""), entry.text)
    if entry.kind == "clock_jumped":
        minutes = round(entry.data.get("seconds", 0) / 60)
        words = (translate("Timeline", "The PC's clock was set {0} min ahead; the desk kept its "
                           "own time") if minutes >= 0 else
                 translate("Timeline", "The PC's clock was set {0} min back; the desk kept its "
                           "own time"))
        return words.format(abs(minutes))
    if entry.kind == "formal_report":  # 初报 / 续报一 / 终报 as filed, with its signers
        return translate("Timeline", "Report filed upward: {0} (reporter {1}, approver {2})"
                         ).format(entry.text, entry.data.get("reporter", ""),
                                  entry.data.get("approver", ""))
    text = entry.text
    if entry.kind == "record_saved" and entry.data.get("fields"):
        text = "、".join(field_label(key) for key in entry.data["fields"])
    return labels.get(entry.kind, "{0}").format(text)
