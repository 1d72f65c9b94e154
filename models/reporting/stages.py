"""The order of formal reports: one 初报 first, then 续报 numbered 1, 2, … (续报一、续报二),
then one 终报, after which nothing more is filed. A filed report is never changed: a
correction is the next 续报. Plain rules, no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.plans.catalog import REPORT_STAGES

STAGES = REPORT_STAGES  # a plan's "file" timer names the report that meets it
INITIAL, FOLLOWUP, FINAL = STAGES


class ReportRefused(Exception):
    """`code`: initial_first, initial_filed, final_filed, not_next (another window filed
    that report meanwhile), bad_stage, signer_missing, signer_too_long, text_too_long,
    unknown_field, cancelled, no_such_incident."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Slot:
    """A report to file next: its stage and its number (1 for 初报 and 终报; the 续报's
    own count for a 续报)."""

    stage: str
    number: int = 1


def next_slots(filed: Sequence[Slot]) -> list[Slot]:
    """What may be filed next, given the reports filed (in order)."""
    stages = [s.stage for s in filed]
    if FINAL in stages:
        return []
    if INITIAL not in stages:
        return [Slot(INITIAL)]
    return [Slot(FOLLOWUP, stages.count(FOLLOWUP) + 1), Slot(FINAL)]


def check_next(filed: Sequence[Slot], wanted: Slot) -> None:
    """Refuses `wanted` unless it is one of `next_slots(filed)`, saying why."""
    if wanted.stage not in STAGES:
        raise ReportRefused("bad_stage", wanted.stage)
    if wanted in next_slots(filed):
        return
    stages = [s.stage for s in filed]
    if FINAL in stages:
        raise ReportRefused("final_filed")
    if INITIAL not in stages:
        raise ReportRefused("initial_first")
    if wanted.stage == INITIAL:
        raise ReportRefused("initial_filed")
    raise ReportRefused("not_next", f"{wanted.stage} {wanted.number}")


CHINESE_NUMBERS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (续报 are few; past 99 the digits)."""
    if n < 10:
        return CHINESE_NUMBERS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (CHINESE_NUMBERS[tens] if tens > 1 else "") + "十" + \
            (CHINESE_NUMBERS[ones] if ones else "")
    return str(n)


def stage_name(slot: Slot) -> str:
    """The report's name as printed on it: 初报, 续报一, 续报二, …, 终报."""
    if slot.stage == INITIAL:
        return "初报"
    if slot.stage == FINAL:
        return "终报"
    return "续报" + chinese_number(slot.number)
