"""A real desk process for the crash test: presses buttons one by one, saying after each
"pressed N", then waits on stdin so the test can kill it at exactly that moment.

    python press_then_wait.py DB_PATH
"""

import sys

from desk_process import DeskProcess
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ui.emergency.emergency_screen import EmergencyScreen


def main() -> None:
    desk = DeskProcess(sys.argv[1])
    screen = EmergencyScreen(controller=desk.controller())
    screen.show()
    guided = screen.guided
    presses = [
        lambda: QTest.mouseClick(screen.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton),
        lambda: QTest.mouseClick(guided.step_rows[0], Qt.MouseButton.LeftButton),
        lambda: QTest.mouseClick(screen.numbers.buttons["119"], Qt.MouseButton.LeftButton),
        lambda: (guided.note.insert("二楼仓库冒烟"),
                 QTest.keyClick(guided.note, Qt.Key.Key_Return)),
        lambda: QTest.mouseClick(guided.step_rows[0], Qt.MouseButton.LeftButton),
    ]
    for number, press in enumerate(presses, start=1):
        press()
        desk.app.processEvents()
        print(f"pressed {number}", flush=True)
        sys.stdin.readline()  # the test kills us here, or lets us go on


if __name__ == "__main__":
    main()
