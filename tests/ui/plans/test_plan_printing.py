"""Printing the plans from the plans screen of the whole desk: the response card of the
situation shown (A4 or A6) and the booklet, saved through the export bar with the desk's
directory and hall, from the plans the desk runs (its hall's edition, here a cinema's)."""

import subprocess
from datetime import UTC, datetime

import pytest

from models.clock.clocks import FakeClock
from models.contacts.directory import ContactData, Phone
from models.plans.editions import in_edition
from models.plans.versions import record_plan_version
from models.store.settings import SettingsStore

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def text_of(path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    return ["".join(page.split()) for page in out.split("\f")[:-1]]


@pytest.fixture
def plans(qtbot, tmp_path, shipped_catalog, shipped_editions, desk_db, async_loop):
    """The plans screen of a built desk; its save dialog (non-modal: it answers through a
    callback) answers `browser.save_as` (None: cancelled, no answer) and records what it was
    asked in `browser.asked`."""
    from ui.window.desk import build_desk

    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "李主管")
    store.set("hall_name", "城东营业厅")
    store.set("edition", "cinema")
    cinema = in_edition(shipped_catalog, shipped_editions, "cinema")
    desk = build_desk(catalog=cinema, plan=record_plan_version(cinema, NOW), store=store,
                      clock=FakeClock(NOW), confirm=lambda parent, title, text, then: then(),
                      editions=shipped_editions, edition="cinema")
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.window.show_screen("plans")
    browser = desk.window.screen("plans").browser
    browser.save_as, browser.asked, browser.desk = tmp_path / "卡.pdf", [], desk

    def ask(parent, title, suggested, then):
        browser.asked.append((title, suggested))
        if browser.save_as is not None:
            then(browser.save_as)

    desk.pdf.ask_path = ask
    yield browser
    qtbot.waitUntil(lambda: not desk.pdf.exporter.busy)


def test_the_card_button_is_for_a_situation_only(plans):
    assert not plans.card_button.isEnabled()  # the levels page is shown first
    plans.show_situation("fire")
    assert plans.card_button.isEnabled()
    plans.tree.setCurrentItem(plans.tree.topLevelItem(plans.tree.topLevelItemCount() - 1))
    assert not plans.card_button.isEnabled()
    assert not plans.save_card("a4") and plans.asked == []


def test_the_wall_board_of_the_situation_shown(qtbot, plans):
    plans.show_situation("fire")
    # added after the screen was built: the card reads the directory when asked
    assert plans.desk.contacts.add(ContactData(
        name="王组长", role_key="group_leader", phones=(Phone("手机", "13802456789"),))) == {}
    with qtbot.waitSignal(plans.export_bar.tools.exporter.finished, timeout=20000):
        plans.a4_action.trigger()
    assert plans.asked == [("将应急处置卡保存为 PDF", "应急处置卡-营业场所发生火灾-A4.pdf")]
    assert plans.export_bar.state == "saved"
    [page] = text_of(plans.save_as)
    for expected in ("城东营业厅", "营业场所发生火灾", "处置步骤", "119", "王组长",
                     "13802456789", "预案版本2026.1", "未签发"):
        assert expected in page, expected
    # the cinema's fire, not the whole library's (one page; the hotel's reception is in
    # the library's only)
    assert "接待部" not in page


def test_the_pocket_card_has_two_sides(qtbot, plans):
    plans.show_situation("power_cut")
    with qtbot.waitSignal(plans.export_bar.tools.exporter.finished, timeout=20000):
        plans.a6_action.trigger()
    assert plans.asked[0][1] == "应急处置卡-营业场所突然停电-A6.pdf"
    front, back = text_of(plans.save_as)
    assert "首要步骤" in front and "联系电话" in back


def test_the_booklet(qtbot, plans):
    with qtbot.waitSignal(plans.export_bar.tools.exporter.finished, timeout=30000):
        assert plans.save_booklet()
    assert plans.asked == [("将应急预案手册保存为 PDF", "应急预案手册-2026.1.pdf")]
    pages = text_of(plans.save_as)
    assert "目录" in pages[1] and "城东营业厅" in pages[0]
    assert "服务应急处置预案库（私人影院）" in pages[0]  # the cinema's plans, not the library
    text = "".join(pages)
    assert all(s.name in text for s in plans.desk.incidents.catalog.situations)
    assert "热线系统故障" not in text  # the gas hall's hotline: not a cinema's


def test_a_cancelled_dialog_writes_nothing(qtbot, plans):
    plans.save_as = None
    plans.show_situation("fire")
    plans.a4_action.trigger()
    assert plans.asked and not plans.export_bar.isVisible()
    assert not plans.export_bar.tools.exporter.busy
