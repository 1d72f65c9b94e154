"""A real desk process for the crash test: presses buttons one by one, saying after each
"pressed N", then waits on stdin so the test can kill it at exactly that moment.

    python press_then_wait.py DB_PATH
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.act import Who  # noqa: E402
from models.catalog_loader import load_catalog  # noqa: E402
from models.clock import SystemClock  # noqa: E402
from models.db import open_database  # noqa: E402
from models.paths import default_plans_dir  # noqa: E402
from models.plan_version import record_plan_version  # noqa: E402
from ui.emergency_screen import EmergencyScreen  # noqa: E402
from ui.incident_controller import IncidentController  # noqa: E402


def main() -> None:
    app = QApplication([])
    catalog = load_catalog(default_plans_dir())
    open_database(Path(sys.argv[1]))
    clock = SystemClock()
    plan = record_plan_version(catalog, clock.now())
    controller = IncidentController(catalog=catalog, plan=plan, clock=clock,
                                    who=lambda: Who("城东营业厅", "1号台", "张三"))
    screen = EmergencyScreen(controller=controller)
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
        app.processEvents()
        print(f"pressed {number}", flush=True)
        sys.stdin.readline()  # the test kills us here, or lets us go on


if __name__ == "__main__":
    main()
