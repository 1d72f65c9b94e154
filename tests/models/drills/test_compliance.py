"""The drill calendar: each rule's periods, met by a drill on their last day and overdue the
day after; a hall the half-year rule does not bind; fire drills counted only when live."""

from datetime import UTC, date, datetime

import pytest

from models.drills import compliance
from models.drills.compliance import DueItem, due_items, overdue, period_of, reminders
from models.drills.drill_forms import FormRefused, mark
from models.store.tables import TrainingRecord

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def held(kind, day, *, form=None, fire=False):
    record = TrainingRecord.create(kind=kind, held_on=day, topic="t", trainer="", attendees="",
                                   notes="")
    if form:
        mark(record.id, form, fire, at=AT)
    return record.id


def by_kind(items, kind):
    return [i for i in items if i.kind == kind]


@pytest.mark.parametrize(("day", "months", "period"), [
    (date(2026, 6, 30), 6, (date(2026, 1, 1), date(2026, 6, 30))),
    (date(2026, 7, 1), 6, (date(2026, 7, 1), date(2026, 12, 31))),
    (date(2026, 3, 31), 3, (date(2026, 1, 1), date(2026, 3, 31))),
    (date(2026, 12, 31), 12, (date(2026, 1, 1), date(2026, 12, 31))),
    (date(2024, 2, 29), 1, (date(2024, 2, 1), date(2024, 2, 29))),
])
def test_periods_are_calendar_periods_from_january(day, months, period):
    assert period_of(day, months) == period


def test_the_shipped_rules_load_with_their_sources():
    rules = compliance.load_rules()
    assert {r.key for r in rules.rules} == {"training", "drill", "onsite_drill",
                                            "crowded_drill", "fire_drill"}
    assert all(r.source for r in rules.rules)
    assert "gov_hall" not in next(r for r in rules.rules if r.key == "onsite_drill").editions


def test_a_drill_on_the_last_day_of_the_half_year_counts(desk_db, shipped_catalog):
    held("drill", date(2026, 6, 30))
    items = by_kind(due_items(shipped_catalog, "mall_desk", *YEAR, today=date(2026, 12, 1)),
                    "onsite_drill")
    assert [(i.due_on, i.done_on) for i in items] == [
        (date(2026, 6, 30), date(2026, 6, 30)), (date(2026, 12, 31), None)]


def test_a_drill_the_day_after_belongs_to_the_next_half_year(desk_db, shipped_catalog):
    held("drill", date(2026, 7, 1))
    first = by_kind(due_items(shipped_catalog, "mall_desk", *YEAR, today=date(2026, 12, 1)),
                    "onsite_drill")[0]
    assert first.done_on is None
    assert first.status(date(2026, 6, 30)) == "due"  # the last day: still in time
    assert first.status(date(2026, 7, 1)) == "overdue"  # the day after
    assert first.status(date(2026, 5, 31)) == "due"  # 30 days before: reminded
    assert first.status(date(2026, 5, 30)) == "upcoming"


def test_overdue_lists_the_half_year_the_day_after_it_ends(desk_db, shipped_catalog):
    held("drill", date(2025, 12, 31), form="live", fire=True)  # 2025 met
    kinds_on = {day: {i.kind for i in overdue(shipped_catalog, "mall_desk", day)}
                for day in (date(2026, 6, 30), date(2026, 7, 1))}
    assert "onsite_drill" not in kinds_on[date(2026, 6, 30)]
    assert {"onsite_drill", "crowded_drill", "training"} <= kinds_on[date(2026, 7, 1)]
    assert "drill" not in kinds_on[date(2026, 7, 1)]  # the yearly drill: due 31 December


def test_an_edition_without_the_half_year_rule_has_no_half_year_item(desk_db, shipped_catalog):
    items = due_items(shipped_catalog, "gov_hall", *YEAR, today=date(2026, 12, 1))
    assert not by_kind(items, "onsite_drill") and not by_kind(items, "crowded_drill")
    assert [i.due_on for i in by_kind(items, "drill")] == [date(2026, 12, 31)]
    # a bank is a business (生产经营单位): the on-site half-year rule, not the crowded-place one
    bank = due_items(shipped_catalog, "bank_outlet", *YEAR, today=date(2026, 12, 1))
    assert len(by_kind(bank, "onsite_drill")) == 2 and not by_kind(bank, "crowded_drill")


def test_quarterly_training_is_due_at_each_quarters_end(desk_db, shipped_catalog):
    held("training", date(2026, 4, 1))
    items = by_kind(due_items(shipped_catalog, "gov_hall", *YEAR, today=date(2026, 12, 1)),
                    "training")
    assert [(i.due_on, i.done_on) for i in items] == [
        (date(2026, 3, 31), None), (date(2026, 6, 30), date(2026, 4, 1)),
        (date(2026, 9, 30), None), (date(2026, 12, 31), None)]


def test_only_items_due_within_the_range_are_given(desk_db, shipped_catalog):
    march = due_items(shipped_catalog, "mall_desk", date(2026, 3, 1), date(2026, 3, 31),
                      today=date(2026, 12, 1))
    assert [(i.kind, i.due_on) for i in march] == [("training", date(2026, 3, 31))]
    assert due_items(shipped_catalog, "mall_desk", date(2026, 2, 1), date(2026, 2, 28),
                     today=date(2026, 12, 1)) == []


def test_a_drill_dated_after_today_is_not_yet_done(desk_db, shipped_catalog):
    held("drill", date(2026, 6, 20))
    item = by_kind(due_items(shipped_catalog, "gov_hall", *YEAR, today=date(2026, 6, 19)),
                   "drill")[0]
    assert item.done_on is None


def test_a_fire_drill_counts_only_live_and_marked_fire(desk_db, shipped_catalog):
    held("drill", date(2026, 2, 1))  # not marked
    held("drill", date(2026, 3, 1), form="tabletop", fire=True)
    held("drill", date(2026, 4, 1), form="live", fire=False)
    fire = by_kind(due_items(shipped_catalog, "mall_desk", *YEAR, today=date(2026, 12, 1)),
                   "fire_drill")
    assert [i.done_on for i in fire] == [None, None]
    held("drill", date(2026, 5, 1), form="live", fire=True)
    fire = by_kind(due_items(shipped_catalog, "mall_desk", *YEAR, today=date(2026, 12, 1)),
                   "fire_drill")
    assert [i.done_on for i in fire] == [date(2026, 5, 1), None]


def test_the_latest_mark_of_a_drill_wins(desk_db, shipped_catalog):
    record = held("drill", date(2026, 5, 1), form="live", fire=True)
    mark(record, "tabletop", True, at=AT)  # the trainer corrects the form
    fire = by_kind(due_items(shipped_catalog, "mall_desk", *YEAR, today=date(2026, 12, 1)),
                   "fire_drill")
    assert fire[0].done_on is None
    with pytest.raises(FormRefused):
        mark(record, "exercise", True, at=AT)


def test_a_hall_not_a_fire_key_unit_drills_fire_once_a_year(desk_db, shipped_catalog):
    bank = by_kind(due_items(shipped_catalog, "bank_outlet", *YEAR, today=date(2026, 12, 1)),
                   "fire_drill")
    assert [(i.period_start, i.due_on) for i in bank] == [(date(2026, 1, 1), date(2026, 12, 31))]


def test_reminders_give_overdue_and_soon_due(desk_db, shipped_catalog):
    held("training", date(2026, 1, 5))
    held("drill", date(2026, 1, 5), form="live", fire=True)
    held("training", date(2025, 12, 31))
    held("drill", date(2025, 12, 31), form="live", fire=True)
    kinds = {(i.kind, i.due_on) for i in reminders(shipped_catalog, "mall_desk",
                                                   date(2026, 6, 1))}
    assert kinds == {("training", date(2026, 6, 30))}  # Q1 met; the half-years met
    kinds = {i.kind for i in reminders(shipped_catalog, "mall_desk", date(2026, 7, 1))}
    assert kinds == {"training"}  # Q2 never met: overdue
    held("training", date(2026, 7, 1))
    assert reminders(shipped_catalog, "mall_desk", date(2026, 7, 1)) == []
    assert {i.due_on for i in overdue(shipped_catalog, "mall_desk", date(2027, 1, 1))} == {
        date(2026, 12, 31)}  # only the last period of each rule, never the backlog
    assert all(isinstance(i, DueItem) for i in overdue(shipped_catalog, "mall_desk",
                                                       date(2027, 1, 1)))


def test_a_rules_file_with_a_bad_rule_is_refused(tmp_path):
    (tmp_path / "compliance").mkdir()
    (tmp_path / compliance.RULES_FILE).write_text(
        '[[rule]]\nkey = "x"\ntitle = "x"\ncounts = "party"\nevery_months = 6\n',
        encoding="utf-8")
    with pytest.raises(compliance.RulesError, match="counts"):
        compliance.load_rules(tmp_path)
    (tmp_path / compliance.RULES_FILE).write_text(
        '[[rule]]\nkey = "x"\ntitle = "x"\ncounts = "drill"\n', encoding="utf-8")
    with pytest.raises(compliance.RulesError, match="every_months"):
        compliance.load_rules(tmp_path)
