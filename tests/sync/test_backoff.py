"""Waits between failed tries: 0.5 s doubling to the cap, with ±20 % jitter never past the
cap, back to the first after a success."""

import pytest

from models.sync.engine import Backoff


def waits(backoff: Backoff, n: int) -> list[float]:
    return [round(backoff.next(), 6) for _ in range(n)]


def test_it_doubles_from_half_a_second_to_the_cap():
    backoff = Backoff(rng=lambda: 0.5)  # no jitter
    assert waits(backoff, 9) == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]


def test_a_success_starts_again_from_the_first_wait():
    backoff = Backoff(rng=lambda: 0.5)
    waits(backoff, 5)
    backoff.reset()
    assert waits(backoff, 2) == [0.5, 1]


@pytest.mark.parametrize(("rng", "first"), [(0.0, 0.4), (1.0, 0.6)])
def test_jitter_spreads_each_wait_by_a_fifth(rng, first):
    assert waits(Backoff(rng=lambda: rng), 1) == [first]


def test_jitter_never_goes_past_the_cap():
    backoff = Backoff(cap=1, rng=lambda: 1.0)
    assert waits(backoff, 4) == [0.6, 1, 1, 1]


def test_a_long_outage_does_not_overflow():
    backoff = Backoff(rng=lambda: 0.5)
    assert waits(backoff, 2000)[-1] == 30
