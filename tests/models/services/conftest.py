"""The services built as the desk builds them, on a fresh database; `stored()` is every row
of every table, to show that a refused command changed nothing."""

import pytest

from models.clock.act import Who
from models.clock.clocks import FakeClock
from models.services.incidents import IncidentService
from models.services.records import RecordService
from models.store.schema import ALL_MODELS

WHO = Who(hall="城东营业厅", desk="1号台", clerk="张三")


def stored() -> dict[str, list[tuple]]:
    return {model.__name__: list(model.select().order_by(model._meta.primary_key).tuples())
            for model in ALL_MODELS}


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def incidents(desk_db, shipped_catalog, clock):
    return IncidentService(catalog=shipped_catalog, plan=desk_db[1], clock=clock,
                           who=lambda: WHO)


@pytest.fixture
def records(incidents):
    return RecordService(catalog=incidents.catalog, act=incidents.act)
