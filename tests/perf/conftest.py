import os

import pytest

REPEAT = int(os.environ.get("PERF_REPEAT", "7"))


@pytest.fixture
def repeat() -> int:
    return REPEAT
