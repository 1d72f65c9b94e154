import json
from zoneinfo import ZoneInfo

import pytest

from models.store.settings import SETTINGS, SettingsError, SettingsStore, hall_zone


def test_defaults_declared_once(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    assert store.values() == {s.key: s.default for s in SETTINGS}
    assert store.problem == ""


def test_set_persists_and_reloads(tmp_path):
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.set("hall_name", "  城东  营业厅 ")
    store.set("text_size", 130)
    again = SettingsStore(path)
    assert again.get("hall_name") == "城东 营业厅"
    assert again.get("text_size") == 130
    assert not (tmp_path / "settings.json.part").exists()


@pytest.mark.parametrize(("key", "value"), [
    ("text_size", 99), ("language", "fr"), ("alarm_sound", "yes"), ("hall_name", "x" * 61),
    ("nope", 1), ("hall_name", 5),
])
def test_bad_values_refused_and_nothing_changed(tmp_path, key, value):
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.set("desk_name", "1号窗口")
    before = path.read_bytes()
    with pytest.raises(SettingsError):
        store.set(key, value)
    assert path.read_bytes() == before


def test_broken_file_falls_back_to_defaults_and_says_why(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    store = SettingsStore(path)
    assert store.get("language") == "zh_CN"
    assert "could not be read" in store.problem
    assert path.read_text(encoding="utf-8") == "{not json"  # left as it was


def test_bad_entry_keeps_only_that_default(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"desk_name": "2号", "text_size": "huge"}), encoding="utf-8")
    store = SettingsStore(path)
    assert store.get("desk_name") == "2号"
    assert store.get("text_size") == 100


def test_clerk_names_are_a_clean_list(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_names", ["张三", " 李四 ", "张三", ""])
    assert store.get("clerk_names") == ["张三", "李四"]
    names = store.get("clerk_names")
    names.append("王五")  # a caller's copy, not the stored list
    assert SettingsStore(tmp_path / "settings.json").get("clerk_names") == ["张三", "李四"]
    with pytest.raises(SettingsError):
        store.set("clerk_names", "张三")


def test_the_halls_time_zone_defaults_to_shanghai_and_takes_real_zone_names(tmp_path):
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    assert store.get("timezone") == "Asia/Shanghai"
    assert hall_zone(store) == ZoneInfo("Asia/Shanghai")
    store.set("timezone", " Asia/Urumqi ")
    assert hall_zone(SettingsStore(path)) == ZoneInfo("Asia/Urumqi")


@pytest.mark.parametrize("name", [
    "Mars/Base", "asia/shanghai", "", "../etc/passwd", "/etc/localtime", "zone.tab",
    "localtime",  # the machine's own zone: what the setting exists to avoid
    8,
])
def test_a_name_that_is_no_time_zone_is_refused_saying_so(tmp_path, name):
    store = SettingsStore(tmp_path / "settings.json")
    with pytest.raises(SettingsError, match=r"time zone|must be text"):
        store.set("timezone", name)
    assert store.get("timezone") == "Asia/Shanghai"


def test_a_hand_edited_bad_zone_falls_back_to_the_default(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"timezone": "Mars/Base", "desk_name": "2号"}), encoding="utf-8")
    assert hall_zone(SettingsStore(path)) == ZoneInfo("Asia/Shanghai")
