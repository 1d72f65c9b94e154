import pytest

from models.stats.figures import NEVER, bucket, distribution


@pytest.mark.parametrize(("seconds", "key"), [
    (0, "le1"), (60, "le1"), (60.001, "le5"), (300, "le5"), (301, "le10"), (600, "le10"),
    (601, "le60"), (3600, "le60"), (3600.5, "gt60"), (86400, "gt60"), (None, NEVER)])
def test_each_bucket_holds_its_upper_bound(seconds, key):
    assert bucket(seconds) == key


def test_a_distribution_counts_every_bucket_and_the_median_of_those_done():
    figures = distribution([30, 90, 90, 4000, None])
    assert figures.counts == (("le1", 1), ("le5", 2), ("le10", 0), ("le60", 0), ("gt60", 1),
                              ("never", 1))
    assert (figures.total, figures.median_seconds) == (5, 90)
    assert distribution([10, 20]).median_seconds == 15
    assert distribution([None]).median_seconds is None
