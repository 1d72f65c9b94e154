"""How soon a miss at a desk rings on the hall board: a real hub process, a desk as its own
process pushing, the board's controller long-polling with a real HubClient. Each round the
desk starts a fire, lets its report fall due, records the miss and pushes; the figure is
from the push's start to the board's alarm, beside its floor: the push round trip alone
(the same rounds). The goal (issue 16): within 2 s on a LAN.

Run: uv run pytest tests/perf/test_board_latency.py -m perf -s
"""

import time

import pytest

from models.clock.clocks import SystemClock
from models.services.board_enrolment import enrol
from models.services.hall import Hall
from models.sync.client import HubClient, off_the_main_thread
from tests.perf.timing import pair_line
from tests.ui.board.hall_scene import Desk, enrolment_code, hall_hub
from ui.board.board_controller import BoardController

ROUNDS = 15
WAIT_MS = 20_000  # a deadline for failing, never a measured time


@pytest.mark.perf
def test_a_miss_rings_on_the_board(qtbot, tmp_path):
    hub, hub_db = hall_hub(tmp_path)
    desk = Desk(tmp_path / "d1.db", "1号台")
    controller = None
    try:
        desk.enrol(hub, hub_db)
        board = enrol(hub.url, enrolment_code(hub_db, "board"), "看板")
        controller = BoardController(client=HubClient(board.hub_url, board.token,
                                                      guard=off_the_main_thread),
                                     now=SystemClock().now, hall=Hall())
        rang: list[float] = []
        controller.alarm_changed.connect(lambda on: on and rang.append(time.time()))
        controller.start()
        to_ring, push = [], []
        for _ in range(ROUNDS):
            desk.ask("start fire")
            desk.ask("push")
            running = len(controller.picture().incidents) + 1
            qtbot.waitUntil(lambda n=running: len(controller.picture().incidents) == n,
                            timeout=WAIT_MS)
            desk.ask("advance 6")
            assert desk.ask("overdue") == "missed 1"
            rang.clear()
            _, _, began, ended, *_ = desk.ask("push").split()
            qtbot.waitUntil(lambda: bool(rang), timeout=WAIT_MS)
            to_ring.append((rang[0] - float(began)) * 1000)
            push.append((float(ended) - float(began)) * 1000)
            desk.ask("acknowledge")
            desk.ask("push")
            qtbot.waitUntil(lambda: not controller.alarming(), timeout=WAIT_MS)
        print("\n" + pair_line("miss at a desk → board rings (push start → alarm)", to_ring,
                               "the push round trip alone", push))
    finally:
        if controller is not None:
            controller.stop()
        desk.close()
        hub.stop()
