"""The record: validation, drafts, saving, closing with the required aftercare, amendments."""

from datetime import date, datetime

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, records, response
from models.incidents.records import RecordRefused
from models.incidents.verify import verify_incident
from models.store.tables import Incident, RecordDraft, TimelineEntry
from tests.helpers.hall import HALL

WHO = Who("城东营业厅", "1号台", "李主管")
START = datetime(2026, 11, 20, 10, 0, tzinfo=HALL)


@pytest.fixture
def desk(desk_db, shipped_catalog):
    clock = FakeClock(START)

    def act():
        return Act(WHO, clock.now(), HolidayCalendar())

    return shipped_catalog, desk_db[1], clock, act


def test_parse_valid_and_invalid_fields():
    raw = {"happened_at": "2026-11-20 09:58", "discovered_at": "2026/11/20 10:00",
           "loss_amount": "5,200元", "evidence_keep_until": "2026-12-20", "place": " 一楼大厅 ",
           "aftercare:客户安抚": "已安抚"}
    record, errors = records.parse_raw(raw, HALL)
    assert errors == {}
    assert record.happened_at == datetime(2026, 11, 20, 9, 58, tzinfo=HALL)  # hall time
    assert (record.loss_amount, record.place) == ("5200", "一楼大厅")
    assert record.evidence_keep_until == date(2026, 12, 20)
    assert record.aftercare == {"客户安抚": "已安抚"}
    bad = {"happened_at": "2026-13-01 10:00", "discovered_at": "2026-11-20 09:00",
           "loss_amount": "-3", "follow_up_on": "明天", "description": "长" * 10_001}
    _, errors = records.parse_raw({**bad, "reported_at": "2026-11-20 10:00"}, HALL)
    assert errors == {"happened_at": "bad_datetime", "loss_amount": "bad_amount",
                      "follow_up_on": "bad_date", "description": "too_long"}
    _, errors = records.parse_raw({"happened_at": "2026-11-20 10:00",
                                   "discovered_at": "2026-11-20 09:00"}, HALL)
    assert errors == {"discovered_at": "before_happened"}


def test_loss_over_threshold_advises_police(shipped_catalog):
    assert records.loss_warnings(shipped_catalog, "4999") == []
    (warning,) = records.loss_warnings(shipped_catalog, "5200")
    assert "110" in warning


def test_invalid_save_keeps_what_was_typed(desk):
    catalog, plan, _clock, act = desk
    incident = response.start_incident(catalog, plan, "company_property_loss", act())
    raw = {"description": "保险柜旁现金短少😟", "loss_amount": "约五千"}
    errors = records.save_record(incident, raw, act())
    assert errors == {"loss_amount": "bad_amount"}
    assert records.load_form(incident, HALL) == (raw, True)  # the draft holds it
    raw["loss_amount"] = "5000"
    assert records.save_record(incident, raw, act()) == {}
    form, from_draft = records.load_form(incident, HALL)
    assert (form["description"], form["loss_amount"], from_draft) == (
        "保险柜旁现金短少😟", "5000", False)
    assert not RecordDraft.select().exists()
    saved = TimelineEntry.get(TimelineEntry.kind == "record_saved")
    assert "description" in saved.text and "loss_amount" in saved.text


def test_a_newer_draft_wins_over_the_saved_record(desk):
    catalog, plan, clock, act = desk
    incident = response.start_incident(catalog, plan, "fire", act())
    records.save_record(incident, {"place": "二楼"}, act())
    clock.advance(seconds=5)
    records.save_draft(incident, {"place": "二楼仓库"}, clock.now())
    assert records.load_form(incident, HALL) == ({"place": "二楼仓库"}, True)


def close_ready(catalog, plan, clock, act, key="third_party_harassment"):
    incident = response.start_incident(catalog, plan, key, act())
    response.mark_resolved(catalog, incident, act())
    return incident


def test_close_requires_resolution_aftercare_and_no_pending_deadline(desk):
    catalog, plan, clock, act = desk
    open_one = response.start_incident(catalog, plan, "fire", act())
    with pytest.raises(RecordRefused, match="not_resolved"):
        records.close_incident(catalog, open_one, act())
    incident = close_ready(catalog, plan, clock, act)  # level 3: 客户安抚 required
    with pytest.raises(RecordRefused) as refused:
        records.close_incident(catalog, incident, act())
    assert (refused.value.code, refused.value.items) == ("aftercare_missing", ("客户安抚",))
    records.save_record(incident, {"aftercare:客户安抚": "已向客户致歉并解释"}, act())
    with pytest.raises(RecordRefused, match="deadlines_pending"):  # filing within 24 h
        records.close_incident(catalog, incident, act())
    (filing,) = [d.id for d in deadlines.open_deadlines() if d.incident_id == incident]
    deadlines.meet(catalog, filing, act())
    records.close_incident(catalog, incident, act())
    assert Incident.get_by_id(incident).status == "closed"
    with pytest.raises(RecordRefused, match="closed"):
        records.save_record(incident, {"place": "改过"}, act())


def test_amendment_appends_with_who_when_why(desk):
    catalog, plan, clock, act = desk
    incident = close_ready(catalog, plan, clock, act)
    records.save_record(incident, {"aftercare:客户安抚": "已致歉", "place": "一楼"}, act())
    deadlines.meet(catalog, deadlines.open_deadlines()[0].id, act())
    records.close_incident(catalog, incident, act())
    with pytest.raises(RecordRefused, match="reason_required"):
        records.amend(incident, "place", "二楼", " ", act())
    with pytest.raises(RecordRefused, match="bad_value: bad_datetime"):  # the form's checks
        records.amend(incident, "happened_at", "not a date", "typo fix", act())
    with pytest.raises(RecordRefused, match="bad_value: bad_amount"):
        records.amend(incident, "loss_amount", "六千", "typo fix", act())
    assert records.amendments_of(incident) == []
    clock.advance(days=1)
    records.amend(incident, "place", "二楼", "监控显示在二楼", act())
    (amendment,) = records.amendments_of(incident)
    assert (amendment.by, amendment.field, amendment.old, amendment.new) == (
        "李主管", "place", "一楼", "二楼")
    assert records.load_form(incident, HALL)[0]["place"] == "一楼"  # the closed record stays
    assert verify_incident(incident) == []


def test_first_action_puts_the_incident_in_hand(desk):
    catalog, plan, _clock, act = desk
    incident = response.start_incident(catalog, plan, "fire", act())
    assert Incident.get_by_id(incident).status == "open"
    response.set_step(catalog, incident, 0, True, act())
    assert Incident.get_by_id(incident).status == "in_hand"


def test_incident_numbers_count_per_day(desk):
    catalog, plan, clock, act = desk
    first = response.start_incident(catalog, plan, "fire", act())
    second = response.start_incident(catalog, plan, "power_cut", act())
    clock.advance(days=1)
    third = response.start_incident(catalog, plan, "power_cut", act())
    numbers = [Incident.get_by_id(i).number for i in (first, second, third)]
    assert numbers == ["20261120-001", "20261120-002", "20261121-001"]


def test_only_real_changes_are_named_aftercare_item_by_item():
    from models.documents import RecordFields
    from models.incidents.records import changed_fields

    before = RecordFields(place="大厅", aftercare={})
    same = RecordFields(place="大厅", aftercare={"客户安抚": "  ", "损失核算": ""})
    assert changed_fields(before, same) == []  # blank aftercare is no change
    after = RecordFields(place="二楼", aftercare={"客户安抚": "已致歉"})
    assert changed_fields(before, after) == ["place", "aftercare:客户安抚"]


def test_a_save_that_touched_no_time_names_none_and_keeps_their_seconds(desk):
    """The demo's records (and a time typed "10:02:30") hold seconds; the form shows minutes.
    "处置完成" saved the form and recorded "记录已保存：发生时间、发现时间、报告时间"."""
    catalog, plan, _clock, act = desk
    incident = response.start_incident(catalog, plan, "agitated_customer", act())
    typed = {"happened_at": "2026-11-20 09:58:30", "discovered_at": "2026-11-20 09:59:10",
             "reported_at": "2026-11-20 10:00:05", "place": "大厅"}
    assert records.save_record(incident, typed, act()) == {}
    shown, _ = records.load_form(incident, act().zone)
    assert shown["happened_at"] == "2026-11-20 09:58"  # to the minute on screen
    saves = TimelineEntry.select().where(TimelineEntry.kind == "record_saved")
    assert saves.count() == 1
    assert records.save_record(incident, {**shown, "place": "二楼"}, act()) == {}
    assert saves.count() == 2
    assert json_fields(saves.order_by(TimelineEntry.id.desc()).get()) == ["place"]
    kept = records.stored_fields(incident)
    assert kept.happened_at.second == 30 and kept.reported_at.second == 5
    shown, _ = records.load_form(incident, act().zone)
    assert records.save_record(incident, {**shown, "happened_at": "2026-11-20 09:57"},
                               act()) == {}
    assert json_fields(saves.order_by(TimelineEntry.id.desc()).get()) == ["happened_at"]
    assert records.stored_fields(incident).happened_at.second == 0  # typed anew: as typed


def json_fields(entry) -> list[str]:
    import json

    return json.loads(entry.data)["fields"]
