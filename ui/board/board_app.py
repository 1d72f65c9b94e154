"""Assembling the hall board (`main.py --board`): no database, only its enrolment
(board.json in the data folder); the enrol form on the first run, then the board.

`show_board` is what tests and the screenshot runs call too: it builds the window from an
enrolment, a clock and a client.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from models.clock.clocks import Clock
from models.services.board_enrolment import (
    BoardEnrolment,
    BoardFileError,
    board_file,
    enrol,
    load,
    save,
)
from models.services.hall import Hall
from ui.board.board_controller import WAIT_SECONDS, BoardController
from ui.board.board_enrol_form import BoardEnrolForm
from ui.board.board_window import BoardWindow
from ui.window.alarm_sound import AlarmSound


def show_board(*, enrolment: BoardEnrolment, clock: Clock, client: Any,
               sound_player: QObject | None, alarm_sound: bool = True,
               volume: int = 100, wait: float = WAIT_SECONDS) -> BoardWindow:
    """The board's window, its controller started (the worker thread talks to the hub;
    `wait`: its long-poll's seconds)."""
    controller = BoardController(client=client, now=clock.now, hall=Hall(), wait=wait)
    sound = AlarmSound(enabled=alarm_sound, player=sound_player, volume=volume)
    window = BoardWindow(controller=controller, sound=sound, zone=clock.zone,
                         hall=enrolment.hall_name)
    controller.setParent(window)
    sound.setParent(window)
    controller.start()
    return window


def run_board(folder: Path, *, app: QApplication, zone: ZoneInfo,
              sound_player: Callable[[], QObject | None], alarm_sound: bool = True,
              volume: int = 100) -> int:
    """The board until its window closes: the enrol form first when not enrolled (or when
    board.json cannot be read: the form says why)."""
    from models.clock.clocks import SystemClock
    from models.sync.client import HubClient, off_the_main_thread

    clock = SystemClock(zone)
    path = board_file(folder)
    shown: list[QMainWindow | BoardEnrolForm] = []

    def open_board(enrolment: BoardEnrolment) -> None:
        window = show_board(enrolment=enrolment, clock=clock,
                            client=HubClient(enrolment.hub_url, enrolment.token,
                                             guard=off_the_main_thread),
                            sound_player=sound_player(), alarm_sound=alarm_sound,
                            volume=volume)
        window.resize(app.primaryScreen().availableGeometry().size())
        window.showMaximized()
        shown.append(window)

    def enrolled(enrolment: BoardEnrolment) -> None:
        save(path, enrolment)
        open_board(enrolment)  # before the form closes: the last window closed quits
        shown[0].close()

    try:
        enrolment = load(path)
        problem = ""
    except BoardFileError as e:
        enrolment, problem = None, str(e)
    if enrolment is not None:
        open_board(enrolment)
    else:
        form = BoardEnrolForm(enrol=enrol)
        if problem:
            form.message.setText(problem)
        form.enrolled.connect(enrolled)
        form.resize(720, 420)
        form.show()
        shown.append(form)
    return app.exec()
