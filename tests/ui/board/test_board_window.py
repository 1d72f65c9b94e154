"""The hall board offscreen, fed the hub's recorded answers: cards of every desk, the
drill marked and silent, a remote miss ringing with its desk's name, silencing local, a
desk silent past a due time ringing as 无响应, a fast clock named."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from models.clock.clocks import FakeClock
from tests.ui.board.recorded_hub import RecordedHub
from ui.board.board_controller import BoardController
from ui.board.board_window import BoardWindow
from ui.window.alarm_sound import AlarmSound

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def board(qtbot):
    clock = FakeClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    hub = RecordedHub()
    controller = BoardController(client=hub, now=clock.now)
    window = BoardWindow(controller=controller, sound=AlarmSound(player=None, beep=lambda: None),
                         zone=ZONE, hall="城东营业厅")
    qtbot.addWidget(window)
    window.resize(1366, 709)
    window.show()
    controller.start()
    qtbot.waitUntil(lambda: controller.hall.cursor == 41, timeout=5000)  # both folded
    window.clock, window.hub = clock, hub
    yield window
    controller.stop()


def test_every_desks_running_incident_has_a_card_with_its_desk(board):
    cards = board.cards.cards
    assert {(c.desk.text(), c.title.text()) for c in cards.values()} == {
        ("1号台", "火灾"), ("2号台", "停电"), ("3号台", "客户突发疾病")}
    drill = cards[("d2", 2)]
    assert not drill.drill.isHidden()
    assert cards[("d1", 4)].drill.isHidden()
    assert board.hub.pulls[0] == 40  # the stream from the snapshot's cursor


def test_a_miss_at_a_desk_rings_with_the_desks_name_and_the_drill_does_not(board):
    assert board.sound.playing
    assert not board.banner.isHidden()
    text = board.banner.text.text()
    assert "1号台" in text and "报告站长" in text
    assert "2号台" not in text  # its drill's miss never rings
    line = board.cards.cards[("d1", 4)].lines[0].countdown.text()
    assert line.startswith("已超时")


def test_silencing_is_local_and_a_silent_desk_rings_again_later(board, qtbot):
    board.banner.button.click()
    assert not board.sound.playing and board.banner.isHidden()
    # 3号台's 拨打120 was due 02:00:30 and it was last heard at 01:50: at +15 s it rings
    board.clock.advance(seconds=44)  # the hub's time is a second ahead: 02:00:45
    board.controller.tick()
    assert not board.sound.playing
    board.clock.advance(seconds=1)
    board.controller.tick()
    assert board.sound.playing
    assert "3号台 无响应" in board.banner.text.text()
    (line,) = [d for d in board.desks.lines if d.name.text() == "3号台"]
    assert "无响应" in line.state.text()


def test_a_desk_an_hour_fast_is_named_and_its_times_read_in_the_hubs_time(board):
    assert "2号台 时钟比服务器快 60 分钟" in board.warnings.text()
    drill = board.cards.cards[("d2", 2)]
    assert "09:58" in drill.lines[0].label.text()  # due 02:58 on its clock = 01:58 UTC
    assert "09:50" in drill.facts.text()


def test_countdowns_tick_on_the_injected_clock_in_the_hubs_time(board):
    line = board.cards.cards[("d3", 1)].lines[0].countdown
    assert line.text() == "00:29"  # due 02:00:30 (+40 ms skew), hub time 02:00:01
    board.clock.advance(seconds=10)
    board.controller.tick()
    assert line.text() == "00:19"
