"""What the crash tests' desk processes share: a real Qt application (offscreen), the shipped
plans, the database at DB_PATH and the plan version in use.

A helper script runs as `python tests/helpers/NAME.py DB_PATH ...`; it imports this first.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from models.clock.act import Act, Who  # noqa: E402
from models.clock.clocks import SystemClock  # noqa: E402
from models.clock.workdays import HolidayCalendar  # noqa: E402
from models.plans.loader import load_catalog  # noqa: E402
from models.plans.versions import record_plan_version  # noqa: E402
from models.store.paths import default_plans_dir  # noqa: E402
from models.store.schema import open_database  # noqa: E402

WHO = Who("城东营业厅", "1号台", "张三")


class DeskProcess:
    def __init__(self, db_path: str) -> None:
        self.app = QApplication([])
        self.catalog = load_catalog(default_plans_dir())
        open_database(Path(db_path))
        self.clock = SystemClock()
        self.plan = record_plan_version(self.catalog, self.clock.now())

    def act(self) -> Act:
        return Act(WHO, self.clock.now(), HolidayCalendar())

    def controller(self):
        from models.services.incidents import IncidentService
        from ui.common.operations import Operations
        from ui.emergency.incident_controller import IncidentController

        service = IncidentService(catalog=self.catalog, plan=self.plan, clock=self.clock,
                                  who=lambda: WHO)
        return IncidentController(service=service, operations=Operations())
