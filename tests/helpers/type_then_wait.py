"""A real desk process for the crash test of the record form: types into the form, says
"typed" once the autosave has run, then waits on stdin so the test can kill it.

    python type_then_wait.py DB_PATH TEXT
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models import response  # noqa: E402
from models.act import Act, Who  # noqa: E402
from models.catalog_loader import load_catalog  # noqa: E402
from models.clock import SystemClock  # noqa: E402
from models.db import open_database  # noqa: E402
from models.paths import default_plans_dir  # noqa: E402
from models.plan_version import record_plan_version  # noqa: E402
from models.workdays import HolidayCalendar  # noqa: E402
from ui.record_form import RecordForm  # noqa: E402


def main() -> None:
    app = QApplication([])
    catalog = load_catalog(default_plans_dir())
    open_database(Path(sys.argv[1]))
    clock = SystemClock()

    def act():
        return Act(Who("城东营业厅", "1号台", "张三"), clock.now(), HolidayCalendar())

    plan = record_plan_version(catalog, clock.now())
    incident = response.start_incident(catalog, plan, "company_property_loss", act())
    form = RecordForm(catalog=catalog, incident_id=incident, act=act)
    form.show()
    waiting = QEventLoop()
    form.draft_saved.connect(waiting.quit)
    form.editors["description"].insertPlainText(sys.argv[2])  # typing, not yet saved
    waiting.exec()  # until the autosave has written the draft
    print(f"typed {incident}", flush=True)
    sys.stdin.readline()
    del app


if __name__ == "__main__":
    main()
