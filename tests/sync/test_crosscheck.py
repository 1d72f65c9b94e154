"""The bisection of `verify --hub` on long chains: the first link that differs is found for
any position, in few requests (63 positions each), with the hub's copy served from a table
of its links (the wire is tested against the real hub in test_verify_hub.py)."""

import sqlite3

import pytest

from models.sync import crosscheck


class HubCopy:
    """What /v1/chain answers for a desk whose links the hub holds in `links`."""

    def __init__(self, links: dict[int, str]) -> None:
        self.links = links
        self.asked: list[list[int]] = []

    def chain(self, desk: str, positions):
        positions = list(positions)
        assert len(positions) <= 64
        self.asked.append(positions)
        head = max(self.links, default=0)
        return {"desk_id": desk, "head": {"seq": head, "link": self.links.get(head, "")},
                "links": {str(p): self.links[p] for p in positions if p in self.links}}


def file_with(links: dict[int, str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, kind INTEGER DEFAULT 0, "
                 "entry INTEGER, hash TEXT)")
    conn.executemany("INSERT INTO ledger (id, entry, hash) VALUES (?, ?, ?)",
                     [(seq, seq, digest) for seq, digest in links.items()])
    return conn


N = 300_000


@pytest.mark.parametrize("changed", [1, 2, 63, 64, 4097, 150_001, N - 1, N])
def test_the_first_changed_link_is_found_in_a_few_requests(changed):
    hub = HubCopy({seq: f"h{seq}" for seq in range(1, N + 1)})
    forged = {seq: f"h{seq}" if seq < changed else f"x{seq}" for seq in range(1, N + 1)}
    found = crosscheck.compare(file_with(forged), hub, "d1")
    assert found.first_changed == changed
    assert found.compared_at == N and found.hub_seal.startswith(f"{N}-")
    assert found.requests <= 5  # 63 positions a request: 300,000 links in 4 rounds + 1


def test_an_equal_link_at_the_last_common_position_proves_the_rest_in_one_request():
    hub = HubCopy({seq: f"h{seq}" for seq in range(1, 1001)})
    found = crosscheck.compare(file_with({seq: f"h{seq}" for seq in range(1, 1201)}), hub,
                               "d1")
    assert (found.first_changed, found.requests) == (None, 2)  # head, then the common link
    assert (found.not_synced, found.file_lacks) == (200, 0)


def test_a_shorter_file_lacks_what_the_hub_holds():
    hub = HubCopy({seq: f"h{seq}" for seq in range(1, 1001)})
    found = crosscheck.compare(file_with({seq: f"h{seq}" for seq in range(1, 801)}), hub,
                               "d1")
    assert (found.first_changed, found.requests) == (None, 1)
    assert (found.file_lacks, found.compared_at) == (200, 800)


def test_nothing_to_compare_when_either_side_is_empty():
    assert crosscheck.compare(file_with({}), HubCopy({1: "a"}), "d1").compared_at == 0
    assert crosscheck.compare(file_with({1: "a"}), HubCopy({}), "d1").not_synced == 1


@pytest.mark.parametrize(("low", "high", "count"), [(1, 10, 63), (1, 1000, 63),
                                                    (5, 70, 63), (7, 7, 63)])
def test_probes_are_spread_and_include_both_ends(low, high, count):
    probes = crosscheck._spread(low, high, count)
    assert probes[0] == low and probes[-1] == high
    assert len(probes) <= count and probes == sorted(set(probes))
