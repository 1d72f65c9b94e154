"""RecordService: saving, finishing, closing and amending return what changed; a record that
cannot be stored or closed changes nothing but the draft of what was typed."""

import pytest

from models.services.changes import Changes
from models.services.records import RecordNotSaved, RecordRefused
from models.store.tables import RecordDraft
from tests.models.services.conftest import stored

SAVED = Changes(incidents=True, timeline=True, record=True)
LIFECYCLE = Changes(incidents=True, timeline=True, deadlines=True, record=True)


def test_draft_save_resolve_close_amend(incidents, records):
    loss = incidents.start("company_property_loss").incident_id
    assert not records.save_draft(loss, {"description": "现金短"})  # only the form shows it
    assert records.form(loss) == ({"description": "现金短"}, True)
    assert records.save(loss, {"description": "现金短少", "aftercare:客户安抚": "已安抚",
                               "aftercare:损失核算": "已核"}) == SAVED.about(loss)
    assert records.resolve(loss) == LIFECYCLE.about(loss)
    for deadline in incidents.open_deadlines():
        incidents.meet_deadline(deadline.id)
    assert records.close(loss) == LIFECYCLE.about(loss)
    assert records.amend(loss, "place", "一楼大厅", "补记地点") == SAVED.about(loss)
    assert records.integrity(loss) == []


def test_fields_with_problems_store_only_the_draft(incidents, records):
    loss = incidents.start("company_property_loss").incident_id
    before = stored()
    with pytest.raises(RecordNotSaved) as not_saved:
        records.save(loss, {"loss_amount": "约五千"})
    assert not_saved.value.problems == {"loss_amount": "bad_amount"}
    after = stored()
    assert after.pop("RecordDraft") != before.pop("RecordDraft")  # what was typed is kept
    assert after == before
    assert RecordDraft.get(RecordDraft.incident == loss)


def test_closing_before_handling_finished_changes_nothing(incidents, records):
    loss = incidents.start("company_property_loss").incident_id
    before = stored()
    with pytest.raises(RecordRefused) as refused:
        records.close(loss)
    assert refused.value.code == "not_resolved"
    assert stored() == before


def test_loss_advice_and_the_history(incidents, records):
    assert records.loss_advice("约五千") is None  # not an amount: the save says so
    assert records.loss_advice("4999") == []
    assert "110" in records.loss_advice("5200")[0]
    incidents.start("fire")
    assert records.desks() == ["1号台"]
