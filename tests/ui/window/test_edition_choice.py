"""Which hall is this? Asked at first start without blocking the desk, then the desk starts
again with that hall's plans; changeable in Settings, from the next start."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.clock.clocks import FakeClock
from models.plans.editions import edition_catalog, load_editions
from models.store.settings import SettingsError, SettingsStore
from ui.window.clerk_dialog import ClerkDialog
from ui.window.desk import build_desk
from ui.window.edition_dialog import EditionDialog
from ui.window.settings_page import SettingsPage

ROOT = Path(__file__).resolve().parents[3]
MOMENT = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)


@pytest.fixture
def editions(shipped_catalog):
    return load_editions(ROOT / "plans", shipped_catalog)


@pytest.fixture
def first_start(qtbot, tmp_path, shipped_catalog, desk_db, editions):
    """A desk at its first start: no edition, nobody on duty; `restarts` counts restarts."""
    store = SettingsStore(tmp_path / "settings.json")
    restarts = []
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store,
                      clock=FakeClock(MOMENT), confirm=lambda parent, title, text, then: then(),
                      editions=editions, edition="", restart=lambda: restarts.append(1))
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.start()
    return desk, store, restarts


def shown(desk, kind):
    return [w for w in desk.window.findChildren(kind) if w.isVisible()]


def test_first_start_asks_the_hall_first_and_blocks_nothing(qtbot, first_start):
    desk, store, restarts = first_start
    desk.ask_at_start()
    (dialog,) = shown(desk, EditionDialog)
    assert not dialog.isModal() and QApplication.activeModalWidget() is None
    assert shown(desk, ClerkDialog) == []  # one question at a time
    assert list(dialog.buttons) == ["bank_outlet", "gov_hall", "gas_hall", "mall_desk",
                                    "cinema", "conference", "other"]
    assert dialog.buttons["bank_outlet"].text().startswith("银行网点\n")
    qtbot.mouseClick(dialog.buttons["gas_hall"], Qt.MouseButton.LeftButton)
    assert store.get("edition") == "gas_hall"
    assert restarts == [1]  # nothing runs: the desk starts again with the gas hall's plans


def test_not_now_keeps_every_plan_and_asks_who_is_on_duty(qtbot, first_start):
    desk, store, restarts = first_start
    desk.ask_at_start()
    (dialog,) = shown(desk, EditionDialog)
    qtbot.mouseClick(dialog.later, Qt.MouseButton.LeftButton)
    assert store.get("edition") == "" and restarts == []
    assert len(shown(desk, ClerkDialog)) == 1


def test_with_an_incident_running_the_choice_waits_for_the_next_start(qtbot, first_start):
    desk, store, restarts = first_start
    store.set("clerk_on_duty", "张三")
    desk.header.set_clerk("张三")
    qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
    desk.ask_at_start()
    (dialog,) = shown(desk, EditionDialog)
    qtbot.mouseClick(dialog.buttons["bank_outlet"], Qt.MouseButton.LeftButton)
    assert store.get("edition") == "bank_outlet" and restarts == []
    assert "下次启动" in desk.emergency.notice.text()


def test_a_hall_already_chosen_is_not_asked_again(qtbot, tmp_path, shipped_catalog, desk_db,
                                                  editions):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("edition", "bank_outlet")
    catalog = edition_catalog(shipped_catalog, editions.get("bank_outlet"))
    desk = build_desk(catalog=catalog, plan=desk_db[1], store=store, clock=FakeClock(MOMENT),
                      editions=editions, edition="bank_outlet", restart=lambda: None)
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.ask_at_start()
    assert shown(desk, EditionDialog) == []
    assert len(shown(desk, ClerkDialog)) == 1
    assert "hotline_failure" not in {s.key for s in desk.incidents.catalog.situations}


def test_a_bank_reports_its_fire_to_its_leading_group_at_once(qtbot, tmp_path,
                                                               shipped_catalog, desk_db,
                                                               editions):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    catalog = edition_catalog(shipped_catalog, editions.get("bank_outlet"))
    desk = build_desk(catalog=catalog, plan=desk_db[1], store=store, clock=FakeClock(MOMENT),
                      confirm=lambda parent, title, text, then: then(), editions=editions,
                      edition="bank_outlet")
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.start()
    qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
    assert desk.emergency.guided.report_label.text() == "重大事件：立即报告突发事件应急领导小组"


def test_settings_change_the_hall_from_the_next_start(qtbot, tmp_path, editions):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("edition", "gas_hall")
    page = SettingsPage(store=store, editions=editions.editions)
    qtbot.addWidget(page)
    box = page._editors["edition"]
    assert [box.itemData(i) for i in range(box.count())] == ["all", *editions.keys()]
    assert box.currentData() == "gas_hall"
    box.setCurrentIndex(box.findData("mall_desk"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert SettingsStore(tmp_path / "settings.json").get("edition") == "mall_desk"
    assert "下次启动" in page.message.text()


def test_every_plan_chosen_in_settings_is_not_asked_again(qtbot, tmp_path, shipped_catalog,
                                                          desk_db, editions):
    store = SettingsStore(tmp_path / "settings.json")
    page = SettingsPage(store=store, editions=editions.editions)
    qtbot.addWidget(page)
    box = page._editors["edition"]
    assert [box.itemData(i) for i in range(2)] == ["", "all"]  # not chosen yet, every plan
    box.setCurrentIndex(box.findData("all"))
    page.save()
    assert store.get("edition") == "all"
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store,
                      clock=FakeClock(MOMENT), editions=editions, edition="all")
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.ask_at_start()
    assert shown(desk, EditionDialog) == [] and len(shown(desk, ClerkDialog)) == 1


def test_without_editions_the_settings_offer_no_choice(qtbot, tmp_path):
    page = SettingsPage(store=SettingsStore(tmp_path / "settings.json"))
    qtbot.addWidget(page)
    assert "edition" not in page._editors


@pytest.mark.parametrize("value", ["Bank", "bank outlet", "../x", "银行"])
def test_an_edition_setting_is_a_key(tmp_path, value):
    with pytest.raises(SettingsError):
        SettingsStore(tmp_path / "settings.json").set("edition", value)


def test_a_new_choice_waits_for_the_incidents_of_the_old_one(qtbot, tmp_path, shipped_catalog,
                                                            editions):
    """Incidents started under the gas hall's chain keep it: the desk runs the gas edition
    until they are closed, and says so; then the bank's."""
    from models.clock.act import Who
    from models.incidents.running_edition import edition_to_run
    from models.plans.versions import record_plan_version
    from models.services.incidents import IncidentService
    from models.store.schema import open_database
    from models.store.tables import Incident

    db = open_database(tmp_path / "switch.db")
    try:
        gas = edition_catalog(shipped_catalog, editions.get("gas_hall"))
        clock = FakeClock(MOMENT)
        service = IncidentService(catalog=gas, plan=record_plan_version(gas, clock.now()),
                                  clock=clock, who=lambda: Who("城东营业厅", "1号台", "张三"))
        service.start("staff_assaulted")
        assert edition_to_run(shipped_catalog, editions, "bank_outlet") == "gas_hall"
        assert edition_to_run(shipped_catalog, editions, "gas_hall") == "gas_hall"
        store = SettingsStore(tmp_path / "settings.json")
        store.set("edition", "bank_outlet")
        store.set("clerk_on_duty", "张三")
        desk = build_desk(catalog=gas, plan=record_plan_version(gas, clock.now()), store=store,
                          clock=clock, editions=editions, edition="gas_hall")
        qtbot.addWidget(desk.window)
        desk.window.show()
        desk.ask_at_start()
        assert shown(desk, EditionDialog) == []
        assert desk.emergency.notice.text() == ("正在处置的事件结案后，将改用“银行网点”的预案。")
        service.cancel(Incident.get().id, "误按")  # closed: the chosen edition runs
        assert edition_to_run(shipped_catalog, editions, "bank_outlet") == "bank_outlet"
    finally:
        db.close()
