"""Sharing the read-out for the leader's "收到" on a phone: recorded at once with the page's
capability and the text as shown, the page's address from the desk's enrolment; refused
when the desk is not enrolled (there is no page to show)."""

import json
from datetime import UTC, datetime

import pytest

from models.incidents.response import capability_hash
from models.services.incidents import ActionRefused
from models.store.tables import SyncState, TimelineEntry
from tests.models.services.conftest import stored


def enrol(url="http://192.168.1.10:8770/", state="ok"):
    SyncState.create(id=1, hub_url=url, hub_id="h", desk_id="d", token="edk1.x",
                     enrolled_at=datetime(2026, 11, 20, tzinfo=UTC), state=state)


def test_a_shared_readout_is_on_the_timeline_with_its_cap(incidents):
    enrol()
    fire = incidents.start("fire").incident_id
    outcome = incidents.share_readout(fire, "group_leader", "王经理", "时间：12:00")
    base, cap = outcome.value.rsplit("/r/", 1)
    assert base == "http://192.168.1.10:8770" and len(cap) >= 22
    (entry,) = TimelineEntry.select().where(TimelineEntry.kind == "readout_shared")
    # the record keeps the capability's hash, never the capability (the page's key)
    assert json.loads(entry.data) == {"cap_hash": capability_hash(cap), "role": "group_leader",
                                      "person": "王经理", "text": "时间：12:00"}
    assert cap not in entry.data
    assert outcome.changes.timeline and outcome.changes.incident_id == fire


def test_each_share_has_its_own_cap(incidents):
    enrol()
    fire = incidents.start("fire").incident_id
    first = incidents.share_readout(fire, "group_leader", "王经理", "a").value
    assert incidents.share_readout(fire, "group_leader", "王经理", "a").value != first


def test_sharing_meets_nothing_and_puts_nothing_in_hand(incidents):
    enrol()
    fire = incidents.start("fire").incident_id
    incidents.share_readout(fire, "group_leader", "王经理", "a")
    assert incidents.state(fire).summary.status == "open"
    assert [d.status for d in incidents.open_deadlines(fire)] == ["pending"] * len(
        incidents.open_deadlines(fire))


@pytest.mark.parametrize("state", [None, "revoked"])
def test_not_enrolled_or_revoked_refuses_and_changes_nothing(incidents, state):
    if state:
        enrol(state=state)
    fire = incidents.start("fire").incident_id
    assert not incidents.can_share_readout()
    before = stored()
    with pytest.raises(ActionRefused):
        incidents.share_readout(fire, "group_leader", "王经理", "a")
    assert stored() == before


def test_enrolled_can_share(incidents):
    enrol()
    assert incidents.can_share_readout()
