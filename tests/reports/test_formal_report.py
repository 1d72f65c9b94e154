"""The formal report PDF read back: its title by stage, the unit, every item as filed, both
signers and the time filed, the hash in the footer; a draft and a drill say so; every
printed text has its Chinese."""

import ast
import json
from pathlib import Path

from models.clock.act import Who
from models.clock.clocks import FakeClock
from models.reporting import fields as report_fields
from models.reporting.filing import content_hash
from models.services.incidents import IncidentService
from models.services.reporting import FINAL, FOLLOWUP, INITIAL, ReportingService, Slot
from reports import formal_report
from reports.formal_report import render_formal_report
from reports.words import Words
from tests.helpers import pdf
from tests.reports.conftest import GENERATED

ROOT = Path(__file__).resolve().parents[2]
SIGNERS = {"reporter": "李文", "approver": "王主任"}


def flat(text: str) -> str:
    return "".join(text.split())


def services(desk_db, catalog, *, edition="", drill=False):
    clock = FakeClock()
    incidents = IncidentService(catalog=catalog, plan=desk_db[1], clock=clock,
                                who=lambda: Who("城东营业厅", "1号台", "张三"))
    if drill:
        incidents.drill_run = 1
    return incidents, ReportingService(catalog=catalog, act=incidents.act,
                                       edition=lambda: edition)


def render(document, path, words=None):
    render_formal_report(document, path, generated_at=GENERATED, generated_by="李主管",
                         words=words)
    return "\n".join(pdf.page_texts(path))


def test_an_initial_report_prints_every_item_the_signers_and_the_hash(
        tmp_path, desk_db, shipped_catalog):
    incidents, reporting = services(desk_db, shipped_catalog)
    fire = incidents.start("fire").incident_id
    fields = {"unit": "城东营业厅", "casualties": "1人轻伤，无人下落不明", "loss": "约5200元",
              "measures": "14:05 已拨打119\n14:06 已疏散客户"}
    report = reporting.file(fire, Slot(INITIAL), fields, **SIGNERS).value
    text = render(reporting.document(fire, report), tmp_path / "initial.pdf")
    flat_text = flat(text)
    for expected in ("突发事件信息报告（初报）", "报告单位", "城东营业厅", "1人轻伤，无人下落不明",
                     "约5200元", "已拨打119", "已疏散客户", "报告人", "李文", "签发人", "王主任",
                     "报送时间", report.sha256, "SHA-256" + report.sha256[:16],
                     "事故已经造成或者可能造成的伤亡人数（包括下落不明的人数）",
                     "其他应当报告的情况", "营业场所发生火灾"):
        assert flat(expected) in flat_text, expected
    assert "演练" not in text and "草稿" not in text
    items = [flat_text.index(flat(label)) for label in
             ("事故发生单位概况", "事故发生的时间、地点以及事故现场情况", "事故的简要经过",
              "初步估计的直接经济损失", "已经采取的措施", "其他应当报告的情况")]
    assert items == sorted(items)  # in the order of 第十二条
    assert report.sha256 == content_hash({
        "incident": fire, "stage": "initial", "number": 1, "fields": report.fields,
        "edition": "", "reporter": "李文", "approver": "王主任",
        "filed_at": report.filed_at.isoformat()})
    assert all(pdf.fonts(tmp_path / "initial.pdf").values())  # every font embedded


def test_followups_and_the_final_are_titled_by_their_stage(tmp_path, desk_db, shipped_catalog):
    incidents, reporting = services(desk_db, shipped_catalog)
    fire = incidents.start("fire").incident_id
    titles = {}
    for slot in (Slot(INITIAL), Slot(FOLLOWUP, 1), Slot(FOLLOWUP, 2), Slot(FINAL)):
        report = reporting.file(fire, slot, {}, **SIGNERS).value
        titles[report.name] = render(reporting.document(fire, report),
                                     tmp_path / f"{slot.stage}{slot.number}.pdf")
    for name, text in titles.items():
        assert f"突发事件信息报告（{name}）" in text
    english = render(reporting.document(fire, reporting.filed(fire)[2]), tmp_path / "en.pdf",
                     Words("en"))
    assert "Emergency information report (Follow-up report 2)" in english


def test_the_bank_edition_prints_its_fields(tmp_path, desk_db, shipped_catalog):
    incidents, reporting = services(desk_db, shipped_catalog, edition="bank_outlet")
    robbery = incidents.start("fire").incident_id
    report = reporting.file(robbery, Slot(INITIAL), {"amount_involved": "20000",
                                                     "customer_reaction": "情绪稳定"},
                            **SIGNERS).value
    text = flat(render(reporting.document(robbery, report), tmp_path / "bank.pdf"))
    for expected in ("涉及金额（元）", "20000", "涉及人数", "客户反应", "情绪稳定", "发展趋势"):
        assert expected in text


def test_a_draft_and_a_drill_say_so(tmp_path, desk_db, shipped_catalog):
    incidents, reporting = services(desk_db, shipped_catalog, drill=True)
    fire = incidents.start("fire").incident_id
    draft = reporting.draft_document(fire, Slot(INITIAL), {"unit": "城东营业厅"})
    text = render(draft, tmp_path / "draft.pdf")
    assert "草稿——未签发，不得报送。" in flat(text)
    assert "未签发" in text and "演练" in text


def printed_texts() -> set[str]:
    """Every English text the formal report passes to Words, and every field label."""
    tree = ast.parse(Path(formal_report.__file__).read_text(encoding="utf-8"))
    texts = {node.args[0].value for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "w"
             and node.args and isinstance(node.args[0], ast.Constant)}
    texts |= {f.label for f in report_fields.BASE_FIELDS + report_fields.BANK_FIELDS}
    return texts


def test_every_printed_text_has_its_chinese():
    table = json.loads((ROOT / "resources/i18n/reports.zh_CN.json").read_text(encoding="utf-8"))
    texts = printed_texts()
    assert len(texts) > 25
    assert sorted(t for t in texts if t not in table) == []
