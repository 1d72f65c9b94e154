"""A formal report's words in the desk's language: its items, its stages, its refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.services.reporting import (
    FINAL,
    INITIAL,
    ReportField,
    ReportRefused,
    Slot,
    chinese_number,
)

translate = QCoreApplication.translate


def field_label(field: ReportField) -> str:
    labels = {
        "unit": translate("ReportFields", "Overview of the unit where it happened"),
        "time_place": translate("ReportFields", "Time and place, and the scene"),
        "account": translate("ReportFields", "Brief account of what happened"),
        "casualties": translate("ReportFields",
                                "Casualties caused or possible (including the missing)"),
        "loss": translate("ReportFields", "First estimate of the direct economic loss"),
        "measures": translate("ReportFields", "Measures taken"),
        "other": translate("ReportFields", "Other matters to report"),
        "amount_involved": translate("ReportFields", "Amount involved (yuan)"),
        "people_involved": translate("ReportFields", "Number of people involved"),
        "customer_reaction": translate("ReportFields", "Customers' reaction"),
        "trend": translate("ReportFields", "Trend and next steps"),
    }
    return labels.get(field.key, field.label)


def slot_name(slot: Slot) -> str:
    """初报 / 续报一 / 终报 in Chinese; Initial report / Follow-up report 1 / Final report."""
    if slot.stage == INITIAL:
        return translate("ReportStages", "Initial report")
    if slot.stage == FINAL:
        return translate("ReportStages", "Final report")
    template = "Follow-up report {0}"
    translated = translate("ReportStages", "Follow-up report {0}")
    # The desk's one translation is Chinese, which numbers them 续报一、续报二 (never 续报1).
    number = str(slot.number) if translated == template else chinese_number(slot.number)
    return translated.format(number)


def refusal_text(refused: ReportRefused) -> str:
    texts = {
        "initial_first": translate("ReportRefusals", "File the initial report first."),
        "initial_filed": translate("ReportRefusals", "The initial report is already filed "
                                                     "(another window or a second press): "
                                                     "nothing was filed twice. File a "
                                                     "follow-up report."),
        "final_filed": translate("ReportRefusals", "The final report is filed: no report can "
                                                   "follow it."),
        "not_next": translate("ReportRefusals", "This report was filed meanwhile (another "
                                                "window or a second press). Nothing was filed "
                                                "twice: the list shows what is filed now."),
        "signer_missing": translate("ReportRefusals", "Both the reporter and the approver "
                                                      "must be named."),
        "signer_too_long": translate("ReportRefusals", "A name is longer than 100 characters."),
        "text_too_long": translate("ReportRefusals", "A field is longer than 10,000 "
                                                     "characters: shorten it."),
        "cancelled": translate("ReportRefusals", "The incident was cancelled (pressed by "
                                                 "mistake): nothing to report."),
    }
    return texts.get(refused.code, str(refused))
