"""Layouts that hold in English and at 115 / 130 % text, at 1366×709 (a maximised window on a
1366×768 screen with a 40 px taskbar): the guided view's title whole and three steps in
sight, the rail's titles and the level button whole, the timer cards' labels whole, a long
notice readable in full — as the desk applies a text size (font and sheet, main.py)."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QLabel

from models.clock.clocks import FakeClock
from tests.ui.window.test_zones import make_desk, place, settle
from ui.common.style import apply_text_size

LOOKS = [("zh", 100), ("zh", 115), ("zh", 130), ("en", 100), ("en", 115), ("en", 130)]
STARTED = ("fire", "power_cut", "agitated_customer")  # as tests/gui/stress_states.py


@pytest.fixture
def fake_clock():
    return FakeClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))


@pytest.fixture
def desk_in(qtbot, qapp, tmp_path, shipped_catalog, desk_db, fake_clock, desk_look):
    """A desk in a language and at a text size, three incidents running, the alarm ringing,
    the agitated customer's guided view shown (the stress screenshots' state)."""
    removed: list[QTranslator] = []

    def make(language: str, size: int):
        if language == "en":
            removed.extend(qapp.findChildren(QTranslator))
            for translator in removed:
                qapp.removeTranslator(translator)
        apply_text_size(qapp, size)
        desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock, size)
        desk.start()
        for key in STARTED:
            desk.emergency.start(key)
        fake_clock.advance(minutes=6)
        desk.deadlines.tick()
        settle()
        return desk

    yield make
    for translator in removed:
        qapp.installTranslator(translator)


def shown_text(label) -> str:
    return QLabel.text(label)  # what an ElidedLabel paints, not its whole text


@pytest.mark.parametrize(("language", "size"), LOOKS)
def test_the_title_is_whole_and_three_steps_are_in_sight(desk_in, language, size):
    desk = desk_in(language, size)
    guided = desk.emergency.guided
    assert shown_text(guided.title) == guided.title.text() == "客户情绪激动"
    viewport = guided.steps.currentWidget().viewport()
    bottom = place(viewport).bottom()
    for row in guided.step_rows[:3]:  # each one's first line, at least
        first_line = place(row.text).top() + row.text.fontMetrics().lineSpacing()
        assert first_line <= bottom, (row.text.text()[:12], first_line, bottom)


@pytest.mark.parametrize(("language", "size"), LOOKS)
def test_the_header_buttons_show_their_whole_labels(desk_in, language, size):
    guided = desk_in(language, size).emergency.guided
    for button in (guided.back_button, guided.level_button, guided.readout_button,
                   guided.record_button, guided.resolve_button):
        assert button.width() >= button.sizeHint().width(), (button.objectName(), button.text())


@pytest.mark.parametrize(("language", "size"), LOOKS)
def test_the_rail_titles_are_whole(desk_in, language, size):
    window = desk_in(language, size).window
    assert window.nav.width() == 132  # the steps beside it keep their room
    for button in window.nav_group.buttons():
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.height() >= button.sizeHint().height(), button.text()  # 7 screens
    due = window.findChild(type(window.nav_group.button(0)), "nav_drills")
    assert due.text().count("\n") == 2  # "(due)" on a line of its own (a drill is due)


@pytest.mark.parametrize(("language", "size", "two_rows"),
                         [("zh", 100, False), ("zh", 115, False), ("en", 130, True)])
def test_the_actions_go_under_the_title_only_when_one_row_is_too_short(desk_in, language,
                                                                        size, two_rows):
    """Chinese at 100 / 115 %: one row, as before (the steps keep the second row's height)."""
    guided = desk_in(language, size).emergency.guided
    assert guided.header.two_rows() == two_rows
    title, action = place(guided.title), place(guided.readout_button)
    assert (action.top() > title.bottom()) == two_rows


@pytest.mark.parametrize(("language", "size"), LOOKS)
def test_the_timer_cards_labels_are_whole(desk_in, language, size):
    """The card's width grows with the text: "报告应急管理小组联络员" whole at 130 % too; at
    least three cards in sight at any size (the others a wheel-turn away, counted)."""
    panel = desk_in(language, size).timer_panel
    shown = [panel.cards[panel._views[i].id] for i in panel.in_sight()]
    assert len(shown) >= 3  # the others a wheel-turn away, and counted on the edge
    assert panel.hidden_count() >= len(panel.cards) - len(shown)
    for card in shown:
        assert card.label.width() >= card.label.sizeHint().width(), card.label.text()


LONG_INJECT = "顾客在大厅里大喊大叫，情绪激动，要求立即见经理，并拍打柜台" * 4


@pytest.mark.parametrize(("language", "size"), [("zh", 100), ("zh", 130), ("en", 115)])
def test_a_cut_notice_opens_whole_on_a_click_and_nothing_moves(qtbot, desk_in, language,
                                                                size):
    from PySide6.QtCore import Qt

    desk = desk_in(language, size)
    screen = desk.emergency
    under_the_finger = (screen.numbers.buttons["110"], screen.guided.resolve_button,
                        screen.guided.step_rows[0].check, screen.strip_zone)

    def places():
        settle()
        return [place(w) for w in under_the_finger]

    before = places()
    screen.show_notice("演练情况：一位客户拍柜台大喊")  # whole on the line: nothing to open
    assert places() == before
    assert screen.notice.isVisible() and not screen.notice.more.isVisible()
    desk.drills.inject.emit(LONG_INJECT)
    assert places() == before
    assert screen.notice.more.isVisible()  # the line cuts it: the way to the whole text
    qtbot.mouseClick(screen.notice.more, Qt.MouseButton.LeftButton)
    whole = screen.notice.whole
    assert whole.isVisible() and LONG_INJECT in whole.text.text()
    assert places() == before  # laid over, nothing pushed
    assert whole.text.height() >= whole.text.heightForWidth(whole.text.width())  # all of it
    assert place(whole).bottom() < place(screen.numbers).top()  # the bar stays free
    qtbot.mouseClick(whole, Qt.MouseButton.LeftButton)  # read: a tap puts it away
    assert not whole.isVisible()
    qtbot.mouseClick(screen.notice.more, Qt.MouseButton.LeftButton)
    screen.show_notice("")  # the notice goes: so does its whole text
    assert not whole.isVisible() and places() == before


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_new_text_size_applies_to_them_at_once(qapp, desk_in, language):
    """Settings → 130 % on the running desk: header rows, rail, cards follow."""
    desk = desk_in(language, 100)
    guided, panel = desk.emergency.guided, desk.timer_panel
    card = next(iter(panel.cards.values()))
    width = card.width()
    assert guided.header.two_rows() == (language == "en")
    apply_text_size(qapp, 130)
    settle()
    settle()
    assert guided.header.two_rows()  # Chinese too, now
    assert card.width() == pytest.approx(width * 1.3, abs=2)
    assert card.label.width() >= card.label.sizeHint().width()
    for button in desk.window.nav_group.buttons():
        assert button.width() >= button.sizeHint().width(), button.text()
    assert shown_text(guided.title) == guided.title.text()
