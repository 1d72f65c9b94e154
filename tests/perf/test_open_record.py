"""Opening a record from the history: the record window shown with its form filled, the
timeline listed and checked. Its floor, measured turn about: the same queries and hash check
alone (the state, the plan used, the form's text, the integrity check).

Once every open built the form's ~100 widgets (~24 ms); now one form is refilled. The figure
for a form built anew is printed beside it, for comparison.

Run: uv run pytest tests/perf/test_open_record.py -m perf -s
"""

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from tests.helpers.hall import HALL
from tests.helpers.wiring import history_screen
from tests.perf.timing import interleaved, pair_line, timed
from ui.records.record_dialog import RecordDialog

RECORDS = 20
ROUNDS = 60


@pytest.mark.perf
@pytest.mark.no_qt_log  # offscreen warns on every raise(); logging it is no part of opening
def test_open_a_record_from_the_history(qtbot, desk_db, shipped_catalog):
    now = datetime.now(HALL)

    def act(when=now):
        return Act(Who("城东营业厅", "1号台", "张三"), when, HolidayCalendar())

    keys = [s.key for s in shipped_catalog.situations]
    for number in range(RECORDS):
        when = now - timedelta(hours=RECORDS - number)
        incident = response.start_incident(shipped_catalog, desk_db[1],
                                           keys[number % len(keys)], act(when))
        for line in range(5):  # a timeline of a few entries, as a real record has
            response.add_note(incident, f"第 {line + 1} 条备注", act(when))
    screen = history_screen(catalog=shipped_catalog, act=act)
    qtbot.addWidget(screen)
    screen.resize(1234, 700)
    screen.show()
    records = screen._records
    indexes = [screen.model.index(row, 0) for row in range(RECORDS)]
    ids = [row.id for row in screen.model.rows]
    turn = {"n": 0}

    def next_row() -> int:
        turn["n"] += 1
        return turn["n"] % RECORDS

    def open_reused() -> None:
        screen.open_row(indexes[next_row()])
        QApplication.processEvents()  # shown and laid out (offscreen: no paint)

    def open_built() -> None:  # what every open did before: a new window and form
        dialog = RecordDialog(service=records, operations=screen._ops,
                              incident_id=ids[next_row()], parent=screen)
        dialog.show_over(screen)
        QApplication.processEvents()
        dialog.close()
        dialog.deleteLater()

    def floor() -> None:
        incident_id = ids[turn["n"] % RECORDS]
        records.state(incident_id)
        records.plan_used(incident_id)
        records.form(incident_id)
        records.integrity(incident_id)

    open_reused()  # the first open builds the window; every later one refills it
    ours, floors = interleaved(timed(open_reused), timed(floor), ROUNDS)
    built, built_floors = interleaved(timed(open_built), timed(floor), ROUNDS // 3)
    print("\n" + pair_line("open a record from the history (one form, refilled)", ours,
                           "its queries and hash check", floors))
    print(pair_line("the same with the form built anew (as before)", built,
                    "its queries and hash check", built_floors))
    # On a shared machine a run is sometimes preempted for ms: the fastest runs show the cost
    # itself (refilled, built anew, the floor).
    print(f"fastest: refilled {min(ours):.1f} ms, built anew {min(built):.1f} ms, "
          f"floor {min(floors):.1f} ms")
    screen.record_dialog.close()
