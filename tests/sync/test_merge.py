"""The forward-only merge: any order or duplication of one desk's events folds to the state
the events in order give."""

from hypothesis import given
from hypothesis import strategies as st

from models.sync.merge import DEADLINE_RANK, INCIDENT_RANK, forward, latest


def fold(statuses, rank):
    state = None
    for status in statuses:
        state = forward(state, status, rank)
    return state


def test_a_status_never_goes_back():
    assert forward("resolved", "in_hand", INCIDENT_RANK) == "resolved"
    assert forward("in_hand", "resolved", INCIDENT_RANK) == "resolved"
    assert forward(None, "open", INCIDENT_RANK) == "open"


def test_at_an_equal_rank_the_first_seen_stays():
    assert forward("closed", "cancelled", INCIDENT_RANK) == "closed"
    assert forward("met", "late", DEADLINE_RANK) == "met"


def test_a_missed_deadline_met_late_is_late_in_either_order():
    assert fold(["pending", "missed", "late"], DEADLINE_RANK) == "late"
    assert fold(["late", "missed", "pending"], DEADLINE_RANK) == "late"


def test_the_level_is_the_one_written_last_by_the_desk_not_the_one_arriving_last():
    assert latest(latest(None, 7, 2), 5, 1) == (7, 2)
    assert latest(latest(None, 5, 1), 7, 2) == (7, 2)
    assert latest((7, 2), 7, 3) == (7, 2)  # the same link again: no change


in_order = st.lists(st.sampled_from(list(INCIDENT_RANK)), min_size=1, max_size=8).map(
    lambda xs: sorted(xs, key=INCIDENT_RANK.__getitem__))


@given(in_order, st.randoms())
def test_any_permutation_with_duplicates_folds_like_the_order_written(statuses, rnd):
    # a desk's chain moves forward: the in-order fold ends at the highest rank written
    expected = fold(statuses, INCIDENT_RANK)
    shuffled = statuses + rnd.sample(statuses, k=len(statuses) // 2)
    rnd.shuffle(shuffled)
    assert INCIDENT_RANK[fold(shuffled, INCIDENT_RANK)] == INCIDENT_RANK[expected]


@given(st.lists(st.tuples(st.integers(1, 50), st.integers(1, 4)), min_size=1, max_size=10,
                unique_by=lambda t: t[0]), st.randoms())
def test_latest_is_order_free(writes, rnd):
    expected = max(writes)
    rnd.shuffle(writes)
    state = None
    for seq, value in writes:
        state = latest(state, seq, value)
    assert state == expected
