"""The emergency-number bar comes from `[general] emergency_numbers`, in its order, whole."""

from dataclasses import replace

import pytest

from models.plans.catalog import Role
from models.plans.emergency_numbers import emergency_numbers
from models.plans.loader import check_catalog, load_catalog


def _numbers(catalog):
    return [r.number for r in emergency_numbers(catalog)]


def test_the_shipped_bar_is_110_119_120(shipped_catalog):
    assert [(r.key, r.number) for r in emergency_numbers(shipped_catalog)] == [
        ("police", "110"), ("fire", "119"), ("ambulance", "120")]


def test_a_fourth_number_drops_none(shipped_catalog):
    sos = Role(key="sos", name="紧急呼救", number="112", outside=True)
    catalog = replace(shipped_catalog, roles=(*shipped_catalog.roles, sos), _index={},
                      general=replace(shipped_catalog.general, emergency_numbers=(
                          "police", "fire", "ambulance", "sos")))
    assert _numbers(catalog) == ["110", "119", "120", "112"]


def test_the_catalogs_order_not_the_numbers(shipped_catalog):
    catalog = replace(shipped_catalog, general=replace(
        shipped_catalog.general, emergency_numbers=("ambulance", "police")))
    assert _numbers(catalog) == ["120", "110"]


def test_a_catalog_naming_none_has_an_empty_bar(catalog_dir):
    catalog = load_catalog(catalog_dir)  # its 119 role is not on the bar unless listed
    assert catalog.role("fire").number == "119" and emergency_numbers(catalog) == ()


def _general(catalog_dir, value):
    path = catalog_dir / "catalog.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[general]\n", f"[general]\nemergency_numbers = {value}\n"),
                    encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    return path, lines.index(f"emergency_numbers = {value}") + 1


def test_listed_in_the_plan_file_it_loads(catalog_dir):
    _general(catalog_dir, '["fire"]')
    assert _numbers(load_catalog(catalog_dir)) == ["119"]


@pytest.mark.parametrize(("value", "message"), [
    ('["nobody"]', "unknown role 'nobody'"),
    ('["leader"]', "emergency_numbers: the role 'leader' has no number"),
    ('["fire", "fire"]', "emergency_numbers names 'fire' more than once"),
    ('"fire"', "general field 'emergency_numbers' must be a list of keys, not text"),
])
def test_a_wrong_bar_is_reported_at_its_line(catalog_dir, value, message):
    path, line = _general(catalog_dir, value)
    assert [str(p) for p in check_catalog(catalog_dir)] == [f"{path}:{line}: {message}"]


def test_two_roles_of_the_bar_with_one_number_are_refused(catalog_dir):
    """Accepted before (a 119 mistyped as 110): the bar labelled 消防 on F11 with 110 and, as
    it finds its buttons by number, lost one of them; found by test_loaders_fuzzed's press."""
    path = catalog_dir / "catalog.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'name = "组长"\n', 'name = "组长"\nnumber = "119"\n'), encoding="utf-8")
    path, line = _general(catalog_dir, '["fire", "leader"]')
    assert [str(p) for p in check_catalog(catalog_dir)] == [
        f"{path}:{line}: emergency_numbers: the roles 'fire' and 'leader' have the same "
        "number 119"]
