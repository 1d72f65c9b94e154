"""A real desk process for the crash test of the quick note: starts a fire, types a note
without pressing Enter, says "typed" once the draft is saved, then waits on stdin so the test
can kill it.

    python note_then_wait.py DB_PATH TEXT
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.act import Who  # noqa: E402
from models.catalog_loader import load_catalog  # noqa: E402
from models.clock import SystemClock  # noqa: E402
from models.db import open_database  # noqa: E402
from models.paths import default_plans_dir  # noqa: E402
from models.plan_version import record_plan_version  # noqa: E402
from ui.guided_response import GuidedResponse  # noqa: E402
from ui.incident_controller import IncidentController  # noqa: E402


def main() -> None:
    app = QApplication([])
    catalog = load_catalog(default_plans_dir())
    open_database(Path(sys.argv[1]))
    clock = SystemClock()
    plan = record_plan_version(catalog, clock.now())
    controller = IncidentController(catalog=catalog, plan=plan, clock=clock,
                                    who=lambda: Who("城东营业厅", "1号台", "张三"))
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
    del app


if __name__ == "__main__":
    main()
