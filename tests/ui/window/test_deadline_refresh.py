"""The open deadlines after a command: a command about one incident reads that incident's
deadlines again and keeps the others' (a busy desk does not reload every deadline per press);
an account naming no incident reads them all. Either way the list is what the store holds,
most urgent first."""

from models.services.changes import EVERYTHING
from tests.helpers.wiring import deadline_controller


def watched(deadlines):
    """The incident asked for by each read of the open deadlines (None: all of them)."""
    service, asked = deadlines._service, []
    read = service.open_deadlines

    def spy(incident_id=None):
        asked.append(incident_id)
        return read(incident_id)

    service.open_deadlines = spy
    return asked


def ids(views):
    return [v.id for v in views]


def test_a_start_reads_only_the_new_incident_s_deadlines(controller, clock):
    deadlines = deadline_controller(controller)
    deadlines.start()
    fire = controller.start("fire")
    clock.advance(minutes=3)  # the second's clocks run later: the lists interleave
    asked = watched(deadlines)
    robbery = controller.start("robbery")
    assert asked == [robbery]
    assert {v.incident_id for v in deadlines.views} == {fire, robbery}
    assert ids(deadlines.views) == ids(controller.service.open_deadlines())  # as stored


def test_a_cancel_drops_that_incident_s_and_keeps_the_others(controller):
    deadlines = deadline_controller(controller)
    deadlines.start()
    fire = controller.start("fire")
    robbery = controller.start("robbery")
    kept = [v for v in deadlines.views if v.incident_id == fire]
    controller.cancel(robbery)
    assert deadlines.views == kept and kept


def test_an_account_naming_no_incident_reads_them_all(controller):
    deadlines = deadline_controller(controller)
    deadlines.start()
    controller.start("fire")
    asked = watched(deadlines)
    controller.operations.changed.emit(EVERYTHING)
    assert asked == [None]
