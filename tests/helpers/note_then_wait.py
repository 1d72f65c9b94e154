"""A real desk process for the crash test of the quick note: starts a fire, types a note
without pressing Enter, says "typed" once the draft is saved, then waits on stdin so the test
can kill it.

    python note_then_wait.py DB_PATH TEXT
"""

import sys

from desk_process import DeskProcess
from PySide6.QtCore import QEventLoop

from ui.emergency.guided_response import GuidedResponse


def main() -> None:
    desk = DeskProcess(sys.argv[1])
    controller = desk.controller()
    guided = GuidedResponse(controller=controller)
    incident = controller.start("fire")
    guided.show_incident(incident)
    guided.show()
    waiting = QEventLoop()
    guided._note_save.timeout.connect(waiting.quit)  # after the draft is written
    guided.note.insert(sys.argv[2])  # as an input method commits it; Enter not pressed
    waiting.exec()
    print(f"typed {incident}", flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main()
