import json
import os
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


@pytest.mark.parametrize("encode", [
    lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),  # Notepad's BOM
    lambda text: text.encode("gbk"),  # an older Chinese editor
    lambda text: text.replace('"1号台"', '"1号台",').encode("utf-8"),  # a trailing comma
])
def test_a_hand_edited_settings_file_is_read(tmp_path, encode):
    (tmp_path / "settings.json").write_bytes(encode('{"hall_name": "城东营业厅", '
                                                    '"desk_name": "1号台"}'))
    store = SettingsStore(tmp_path / "settings.json")
    assert (store.get("hall_name"), store.get("desk_name"), store.problem) == (
        "城东营业厅", "1号台", "")


def test_an_unreadable_settings_file_is_kept_aside_never_overwritten(tmp_path):
    broken = b'{"hall_name": "\xe5\x9f\x8e\xe4\xb8\x9c", oops'
    (tmp_path / "settings.json").write_bytes(broken)
    store = SettingsStore(tmp_path / "settings.json")
    assert store.get("hall_name") == "" and "could not be read" in store.problem
    store.set("desk_name", "2号台")
    (kept,) = tmp_path.glob("settings.json.unreadable-*")
    assert kept.read_bytes() == broken
    assert SettingsStore(tmp_path / "settings.json").get("desk_name") == "2号台"


def test_a_pipe_named_settings_json_does_not_hang_the_desk(tmp_path):
    os.mkfifo(tmp_path / "settings.json")
    store = SettingsStore(tmp_path / "settings.json")
    assert store.get("language") == "zh_CN" and "not a settings file" in store.problem


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
