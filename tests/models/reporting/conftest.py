"""The reporting service as the desk builds it, beside the incident service, on a fresh
database with the shipped plans; `edition` is the running edition (a test may set it)."""

import pytest

from models.services.reporting import ReportingService
from tests.models.services.conftest import WHO, clock, incidents, records  # noqa: F401


@pytest.fixture
def edition():
    return {"key": ""}


@pytest.fixture
def reporting(incidents, edition):  # noqa: F811
    return ReportingService(catalog=incidents.catalog, act=incidents.act,
                            edition=lambda: edition["key"])


SIGNERS = {"reporter": "李文", "approver": "王主任"}
__all__ = ["SIGNERS", "WHO"]
