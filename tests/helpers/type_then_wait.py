"""A real desk process for the crash test of the record form: types into the form, says
"typed" once the autosave has run, then waits on stdin so the test can kill it.

    python type_then_wait.py DB_PATH TEXT
"""

import sys

from desk_process import DeskProcess
from PySide6.QtCore import QEventLoop

from models.incidents import response
from models.services.records import RecordService
from ui.common.operations import Operations
from ui.records.record_form import RecordForm


def main() -> None:
    desk = DeskProcess(sys.argv[1])
    incident = response.start_incident(desk.catalog, desk.plan, "company_property_loss",
                                       desk.act())
    form = RecordForm(service=RecordService(catalog=desk.catalog, act=desk.act),
                      operations=Operations(), incident_id=incident)
    form.show()
    waiting = QEventLoop()
    form.draft_saved.connect(waiting.quit)
    form.editors["description"].insertPlainText(sys.argv[2])  # typing, not yet saved
    waiting.exec()  # until the autosave has written the draft
    print(f"typed {incident}", flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main()
