"""What a formal report holds: its items, and which set each edition of the plans uses.

The base set is the six items of 国务院令第493号《生产安全事故报告和调查处理条例》第十二条
(item (四) is two fields on the form: casualties, then the loss). The bank edition adds the
fields the issue names from the banking sector's template (中国银行业协会 2009 突发事件信息
报告: amount and people involved, the customers' reaction, the trend): that template's text
could not be read here, so its items are named as the issue names them.

The running edition picks its set from `FIELD_SETS` (a table, not a branch per edition).
"""

from __future__ import annotations

from dataclasses import dataclass

LAW_493 = "国务院令第493号《生产安全事故报告和调查处理条例》"
BANK_TEMPLATE = "中国银行业协会 2009 突发事件信息报告"


@dataclass(frozen=True)
class ReportField:
    key: str
    label: str  # English; the form and the PDF print it in their language
    source: str  # where the item comes from
    multiline: bool = True


BASE_FIELDS = (
    ReportField("unit", "Overview of the unit where it happened", f"{LAW_493} 第十二条(一)"),
    ReportField("time_place", "Time and place, and the scene", f"{LAW_493} 第十二条(二)"),
    ReportField("account", "Brief account of what happened", f"{LAW_493} 第十二条(三)"),
    ReportField("casualties", "Casualties caused or possible (including the missing)",
                f"{LAW_493} 第十二条(四)"),
    ReportField("loss", "First estimate of the direct economic loss",
                f"{LAW_493} 第十二条(四)", multiline=False),
    ReportField("measures", "Measures taken", f"{LAW_493} 第十二条(五)"),
    ReportField("other", "Other matters to report", f"{LAW_493} 第十二条(六)"),
)
BANK_FIELDS = (
    ReportField("amount_involved", "Amount involved (yuan)", BANK_TEMPLATE, multiline=False),
    ReportField("people_involved", "Number of people involved", BANK_TEMPLATE,
                multiline=False),
    ReportField("customer_reaction", "Customers' reaction", BANK_TEMPLATE),
    ReportField("trend", "Trend and next steps", BANK_TEMPLATE),
)
# edition key -> its fields; an edition not named here (and "", every plan) uses the base set
FIELD_SETS: dict[str, tuple[ReportField, ...]] = {
    "bank_outlet": BASE_FIELDS + BANK_FIELDS,
}


def fields_for(edition: str) -> tuple[ReportField, ...]:
    return FIELD_SETS.get(edition, BASE_FIELDS)


def field_keys(edition: str) -> tuple[str, ...]:
    return tuple(f.key for f in fields_for(edition))
