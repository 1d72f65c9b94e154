"""ReportingService: the fields the running edition asks for, prefilled from the record;
filing at the boundaries of its order, both signers required, once on a double press; a
filed report in the timeline's chain, so `verify` finds one edited afterwards."""

import json

import pytest

from models.incidents.verify import verify_incident
from models.reporting.fields import BANK_FIELDS, BASE_FIELDS
from models.reporting.filing import KIND, content, content_hash
from models.services.changes import Changes
from models.services.reporting import FINAL, FOLLOWUP, INITIAL, ReportRefused, Slot
from models.store.tables import TimelineEntry, bound_database
from tests.models.reporting.conftest import SIGNERS
from tests.models.services.conftest import stored


def _fire(incidents):
    return incidents.start("fire").incident_id


def test_the_base_edition_asks_the_six_items_of_493(reporting):
    keys = [f.key for f in reporting.fields()]
    assert keys == ["unit", "time_place", "account", "casualties", "loss", "measures", "other"]
    assert all("第十二条" in f.source for f in reporting.fields())


def test_the_bank_edition_adds_the_banking_template(reporting, edition):
    edition["key"] = "bank_outlet"
    assert reporting.fields() == BASE_FIELDS + BANK_FIELDS
    edition["key"] = "mall_desk"  # any other edition: the base set
    assert reporting.fields() == BASE_FIELDS


def test_prefilled_from_the_incident_the_record_and_the_timeline(incidents, records,
                                                                 reporting, clock):
    fire = _fire(incidents)
    records.save(fire, {"place": "一楼大厅", "injuries": "1人轻伤", "loss_amount": "5200",
                        "description": "配电箱起火"})
    incidents.set_step(fire, 0, True)
    text = reporting.prefill(fire, Slot(INITIAL))
    assert list(text) == [f.key for f in BASE_FIELDS]
    assert text["unit"] == "城东营业厅 · 1号台"
    assert "一楼大厅" in text["time_place"] and "营业场所发生火灾" in text["time_place"]
    assert text["account"] == "配电箱起火"
    assert text["casualties"] == "1人轻伤"
    assert text["loss"] == "5200 元"
    assert len(text["measures"].splitlines()) == 1


def test_filing_stores_every_field_signers_and_the_hash(incidents, reporting):
    fire = _fire(incidents)
    fields = reporting.prefill(fire, Slot(INITIAL))
    outcome = reporting.file(fire, Slot(INITIAL), fields, **SIGNERS)
    assert outcome.changes == Changes(timeline=True, deadlines=True, incident_id=fire)
    report = outcome.value
    assert (report.name, report.reporter, report.approver) == ("初报", "李文", "王主任")
    assert report.fields == fields and report.intact()
    assert list(report.fields) == [f.key for f in BASE_FIELDS]  # the form's order, kept
    entry = TimelineEntry.get_by_id(report.entry_id)
    data = json.loads(entry.data)
    assert entry.kind == KIND and entry.text == "初报"
    assert data["sha256"] == content_hash(content(fire, Slot(INITIAL), fields, "", "李文",
                                                  "王主任", report.filed_at))
    assert reporting.filed(fire) == [report]
    assert verify_incident(fire) == []


@pytest.mark.parametrize("signers", [{"reporter": "", "approver": "王主任"},
                                     {"reporter": "李文", "approver": "  "},
                                     {"reporter": "李文", "approver": "王" * 101}])
def test_both_signers_required_and_nothing_stored_without(incidents, reporting, signers):
    fire = _fire(incidents)
    before = stored()
    with pytest.raises(ReportRefused) as refused:
        reporting.file(fire, Slot(INITIAL), {}, **signers)
    assert refused.value.code in ("signer_missing", "signer_too_long")
    assert stored() == before


def test_a_signer_of_100_characters_is_taken(incidents, reporting):
    fire = _fire(incidents)
    reporting.file(fire, Slot(INITIAL), {}, reporter="李" * 100, approver="王")


def test_a_field_not_of_the_edition_is_refused(incidents, reporting):
    fire = _fire(incidents)
    with pytest.raises(ReportRefused) as refused:
        reporting.file(fire, Slot(INITIAL), {"amount_involved": "1"}, **SIGNERS)
    assert refused.value.code == "unknown_field"


def test_the_order_from_initial_to_final(incidents, reporting):
    fire = _fire(incidents)
    with pytest.raises(ReportRefused):
        reporting.file(fire, Slot(FOLLOWUP, 1), {}, **SIGNERS)
    for slot in (Slot(INITIAL), Slot(FOLLOWUP, 1), Slot(FOLLOWUP, 2), Slot(FINAL)):
        assert slot in reporting.next_slots(fire)
        reporting.file(fire, slot, {}, **SIGNERS)
    assert [r.name for r in reporting.filed(fire)] == ["初报", "续报一", "续报二", "终报"]
    assert reporting.next_slots(fire) == []
    with pytest.raises(ReportRefused) as refused:
        reporting.file(fire, Slot(FOLLOWUP, 3), {}, **SIGNERS)
    assert refused.value.code == "final_filed"


def test_a_double_press_files_once(incidents, reporting):
    """Two windows offered 续报二 (or one pressed twice): the second is refused."""
    fire = _fire(incidents)
    for slot in (Slot(INITIAL), Slot(FOLLOWUP, 1), Slot(FOLLOWUP, 2)):
        reporting.file(fire, slot, {}, **SIGNERS)
    before = stored()
    with pytest.raises(ReportRefused) as refused:
        reporting.file(fire, Slot(FOLLOWUP, 2), {"other": "second window"}, **SIGNERS)
    assert refused.value.code == "not_next"
    assert stored() == before


def test_a_followup_starts_from_the_report_filed_last(incidents, reporting):
    fire = _fire(incidents)
    reporting.file(fire, Slot(INITIAL), {"casualties": "1人轻伤"}, **SIGNERS)
    incidents.set_step(fire, 0, True)
    text = reporting.prefill(fire, Slot(FOLLOWUP, 1))
    assert text["casualties"] == "1人轻伤"
    assert len(text["measures"].splitlines()) == 1  # read again from the timeline


def test_a_drill_incident_files_reports_marked_as_drill(incidents, reporting):
    incidents.drill_run = 1
    fire = _fire(incidents)
    report = reporting.file(fire, Slot(INITIAL), {}, **SIGNERS).value
    assert reporting.document(fire, report).header.is_drill


def test_a_cancelled_incident_files_nothing(incidents, reporting):
    fire = _fire(incidents)
    incidents.cancel(fire, "按错")
    with pytest.raises(ReportRefused) as refused:
        reporting.file(fire, Slot(INITIAL), {}, **SIGNERS)
    assert refused.value.code == "cancelled"


def test_verify_finds_a_filed_report_edited_afterwards(incidents, reporting):
    fire = _fire(incidents)
    report = reporting.file(fire, Slot(INITIAL), {"casualties": "无"}, **SIGNERS).value
    data = json.loads(TimelineEntry.get_by_id(report.entry_id).data)
    data["fields"]["casualties"] = "无人受伤"  # changed outside the program
    bound_database().execute_sql("DROP TRIGGER timeline_no_update")
    bound_database().execute_sql("UPDATE timeline_entry SET data = ? WHERE id = ?",
                                 (json.dumps(data, ensure_ascii=False, sort_keys=True),
                                  report.entry_id))
    assert verify_incident(fire) != []
    edited = reporting.filed(fire)[0]
    assert not edited.intact()
    assert not reporting.document(fire, edited).intact


def test_a_field_of_10000_characters_is_filed_one_more_is_refused(incidents, reporting):
    fire = _fire(incidents)
    before = stored()
    with pytest.raises(ReportRefused) as refused:
        reporting.file(fire, Slot(INITIAL), {"account": "火" * 10_001}, **SIGNERS)
    assert (refused.value.code, refused.value.detail) == ("text_too_long", "account")
    assert stored() == before
    report = reporting.file(fire, Slot(INITIAL), {"account": "火" * 10_000 + "\x00"},
                            **SIGNERS).value
    assert report.fields["account"] == "火" * 10_000  # a NUL byte is never stored
