"""Bare incident rows for the rule tests: no catalog, no press, just what the rule reads."""

from datetime import datetime
from itertools import count

import pytest

from models.store.tables import Incident

STARTED = datetime(2026, 11, 20, 4, 0)  # UTC, as stored


@pytest.fixture
def new_incident(desk_db):
    """A factory of incident rows (situation "fire", level 1, open) on the desk's plan."""
    plan = desk_db[1]
    numbers = count(1)

    def make(**fields) -> Incident:
        values = {"number": f"20261120-{next(numbers):03d}", "situation_key": "fire",
                  "situation_name": "营业场所火灾", "category_key": "fire_safety", "level": 1,
                  "started_at": STARTED, "updated_at": STARTED, "plan": plan.id, **fields}
        return Incident.create(**values)

    return make

