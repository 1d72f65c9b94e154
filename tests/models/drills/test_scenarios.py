"""Drill scenarios: the shipped six, the one check shared by files and the editor, the
trainer's own files in the data folder (written whole, loaded with the shipped ones, broken
ones reported and never overwritten)."""

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.drills import scenarios
from models.drills.scenarios import Inject, ScenarioRefused
from models.store.paths import default_plans_dir

SHIPPED = default_plans_dir() / "drills"


def data(**changes):
    drill = {"key": "own_1", "title": "午间停电演练", "situation": "power_cut",
             "description": "", "holiday": False,
             "inject": [{"at_minutes": 0, "text": "营业厅突然停电"}]}
    drill.update(changes)
    return {"drill": drill}


def test_the_six_shipped_scenarios_load(shipped_catalog):
    found, problems = scenarios.load_scenarios(SHIPPED, shipped_catalog)
    assert problems == []
    by_key = {s.key: s for s in found}
    assert set(by_key) == {"fire_in_hall", "agitated_to_assault", "hotline_holiday", "robbery",
                           "gas_leak_call", "self_service_down"}
    assert by_key["hotline_holiday"].holiday
    assert by_key["hotline_holiday"].situation == "hotline_failure"
    # escalations the documents describe are scored as a further plan to start
    assert by_key["agitated_to_assault"].injects[-1].situation == "staff_assaulted"
    assert by_key["fire_in_hall"].injects[2].situation == "customer_ill_injured"
    assert all(not s.own for s in found)


@pytest.mark.parametrize(("text", "expected"), [
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "volcano"\n[[drill.inject]]\n'
     'at_minutes = 0\ntext = "a"\n', "bad.toml:4: unknown situation 'volcano'"),
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\n[[drill.inject]]\n'
     'at_minutes = -2\ntext = "a"\n', "bad.toml:6: inject 1: at_minutes must be"),
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\n', "needs at least one"),
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\ncolour = 1\n[[drill.inject]]\n'
     'at_minutes = 0\ntext = "a"\n', "bad.toml:5: unknown field 'colour'"),
    ("[drill\n", "TOML syntax"),
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\n[[drill.inject]]\n'
     'at_minutes = 0\ntext = "  "\n', "bad.toml:7: inject 1: an inject needs its text"),
])
def test_broken_files_are_reported_with_their_line(tmp_path, shipped_catalog, text, expected):
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    found, problems = scenarios.load_scenarios(tmp_path, shipped_catalog)
    assert found == []
    assert len(problems) == 1 and expected in str(problems[0])


def test_a_gbk_file_is_reported_not_read(tmp_path, shipped_catalog):
    (tmp_path / "gbk.toml").write_bytes('[drill]\ntitle = "火灾"\n'.encode("gbk"))
    found, problems = scenarios.load_scenarios(tmp_path, shipped_catalog)
    assert found == [] and problems[0].code == "not_utf8"


def test_the_editor_and_the_files_share_one_check(shipped_catalog):
    """What the editor sends is checked by the same function the loader uses."""
    bad = data(title=" ", situation="", inject=[{"at_minutes": "5分", "text": "x"},
                                                {"at_minutes": 3, "text": ""}])
    scenario, problems = scenarios.check_scenario(bad, shipped_catalog)
    assert scenario is None
    assert {(p.code, p.field, p.index) for p in problems} == {
        ("title", "title", None), ("situation", "situation", None),
        ("minutes", "at_minutes", 0), ("text", "text", 1)}
    scenario, problems = scenarios.check_scenario(data(), shipped_catalog)
    assert problems == [] and scenario.injects == (Inject(0, "营业厅突然停电"),)


def test_limits(shipped_catalog):
    too_long = data(title="长" * 201, inject=[{"at_minutes": 24 * 60 + 1, "text": "x"}])
    _, problems = scenarios.check_scenario(too_long, shipped_catalog)
    assert {p.code for p in problems} == {"too_long", "minutes"}


def test_saved_scenario_round_trips_and_loads_with_the_shipped(tmp_path, shipped_catalog):
    mine = tmp_path / "drills"
    tricky = '客户喊："着火了！"\\ 第二行\n🔥\t结束'
    saved = scenarios.save_own(mine, data(description=tricky, inject=[
        {"at_minutes": 6, "text": "电力公司说要两小时"},
        {"at_minutes": 0, "text": tricky, "situation": "customer_ill_injured"}]),
        shipped_catalog)
    assert Path(saved.file) == mine / "own_1.toml" and saved.own
    assert [i.at_minutes for i in saved.injects] == [0, 6]  # kept in time order
    loaded, problems = scenarios.load_library(SHIPPED, mine, shipped_catalog)
    assert problems == []
    assert len(loaded) == 7
    again = next(s for s in loaded if s.key == "own_1")
    assert again.description == tricky and again.injects[0].text == tricky
    assert again.injects[0].situation == "customer_ill_injured"
    assert [p.name for p in mine.iterdir()] == ["own_1.toml"]  # no temporary file left


def test_an_edited_shipped_scenario_takes_its_place(tmp_path, shipped_catalog):
    mine = tmp_path / "drills"
    shipped = {s.key: s for s in scenarios.load_scenarios(SHIPPED, shipped_catalog)[0]}
    fire = shipped["fire_in_hall"]
    scenarios.save_own(mine, data(key=fire.key, title="火灾演练（本厅版）", situation="fire"),
                       shipped_catalog)
    loaded, _ = scenarios.load_library(SHIPPED, mine, shipped_catalog)
    fires = [s for s in loaded if s.key == "fire_in_hall"]
    assert len(fires) == 1 and fires[0].title == "火灾演练（本厅版）" and fires[0].own
    assert (SHIPPED / "fire_in_hall.toml").read_text(encoding="utf-8").count("营业厅火灾疏散演练")


def test_invalid_data_is_refused_and_nothing_written(tmp_path, shipped_catalog):
    with pytest.raises(ScenarioRefused) as refused:
        scenarios.save_own(tmp_path / "drills", data(situation="volcano"), shipped_catalog)
    assert refused.value.problems[0].code == "situation"
    assert not (tmp_path / "drills").exists()


def test_a_broken_own_file_is_reported_and_never_overwritten(tmp_path, shipped_catalog):
    mine = tmp_path / "drills"
    mine.mkdir()
    broken = mine / "own_1.toml"
    broken.write_text('[drill]\nkey = "own_1"\ntitle = "写了一半', encoding="utf-8")
    before = broken.read_bytes()
    loaded, problems = scenarios.load_library(SHIPPED, mine, shipped_catalog)
    assert len(loaded) == 6 and [p.code for p in problems] == ["syntax"]
    saved = scenarios.save_own(mine, data(), shipped_catalog)  # same key as the broken file
    assert saved.key == "own_1_2" and Path(saved.file).name == "own_1_2.toml"
    assert broken.read_bytes() == before


def test_saving_again_replaces_the_own_file(tmp_path, shipped_catalog):
    mine = tmp_path / "drills"
    scenarios.save_own(mine, data(), shipped_catalog)
    scenarios.save_own(mine, data(title="改过的标题"), shipped_catalog)
    loaded, _ = scenarios.load_scenarios(mine, shipped_catalog, own=True)
    assert [s.title for s in loaded] == ["改过的标题"]


def test_a_hand_placed_file_is_saved_where_it_came_from(tmp_path, shipped_catalog):
    mine = tmp_path / "drills"
    mine.mkdir()
    (mine / "fire_copy.toml").write_bytes((SHIPPED / "fire_in_hall.toml").read_bytes())
    loaded, _ = scenarios.load_library(SHIPPED, mine, shipped_catalog)
    [fire] = [s for s in loaded if s.key == "fire_in_hall"]
    assert fire.own and Path(fire.file).name == "fire_copy.toml"
    saved = scenarios.save_own(mine, data(key=fire.key, title="火灾演练（本厅版）",
                                          situation="fire"), shipped_catalog, file=fire.file)
    assert Path(saved.file) == mine / "fire_copy.toml"
    assert [p.name for p in mine.iterdir()] == ["fire_copy.toml"]
    loaded, problems = scenarios.load_library(SHIPPED, mine, shipped_catalog)
    assert problems == []
    assert [s.title for s in loaded if s.key == "fire_in_hall"] == ["火灾演练（本厅版）"]


def test_a_file_from_elsewhere_is_never_written(tmp_path, shipped_catalog):
    """Only a file in the own folder that still holds the scenario is written back."""
    mine = tmp_path / "drills"
    saved = scenarios.save_own(mine, data(key="fire_in_hall", situation="fire"),
                               shipped_catalog, file=str(SHIPPED / "fire_in_hall.toml"))
    assert Path(saved.file) == mine / "fire_in_hall.toml"
    (mine / "other.toml").write_text(scenarios.to_toml(replace(saved, key="other")),
                                     encoding="utf-8")
    again = scenarios.save_own(mine, data(key="fire_in_hall", situation="fire"),
                               shipped_catalog, file=str(mine / "other.toml"))
    assert Path(again.file) == mine / "fire_in_hall.toml"
    assert '"other"' in (mine / "other.toml").read_text(encoding="utf-8")


def test_an_unwritable_folder_raises_oserror_and_keeps_the_file(tmp_path, shipped_catalog):
    blocker = tmp_path / "drills"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(OSError):
        scenarios.save_own(blocker, data(), shipped_catalog)
    assert blocker.read_text() == "a file where the folder should be"


def test_new_keys_never_collide(tmp_path):
    now = datetime(2026, 11, 20, 1, 2, 3, tzinfo=UTC)
    key = scenarios.new_key(tmp_path, now)
    assert scenarios.KEY_PATTERN.match(key)
    (tmp_path / f"{key}.toml").write_text("broken")
    assert scenarios.new_key(tmp_path, now) == f"{key}_2"


def test_snapshot_round_trip(shipped_catalog):
    found, _ = scenarios.load_scenarios(SHIPPED, shipped_catalog)
    for s in found:
        assert scenarios.Scenario.from_json(s.to_json()) == s


def test_a_halls_edition_leaves_other_halls_drills_out_quietly(shipped_catalog, tmp_path):
    """At a bank outlet the gas hotline's drills are not the hall's: left out, no problem
    reported. A trainer's own drill of such a situation still says what is wrong."""
    from models.plans.editions import edition_catalog, load_editions
    from models.store.paths import default_plans_dir

    bank = edition_catalog(shipped_catalog, load_editions(default_plans_dir(), shipped_catalog)
                           .get("bank_outlet"))
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "hotline.toml").write_text((SHIPPED / "hotline_holiday.toml").read_text(
        encoding="utf-8").replace('key = "', 'key = "own_', 1), encoding="utf-8")
    loaded, problems = scenarios.load_library(SHIPPED, mine, bank)
    assert "fire_in_hall" in {s.key for s in loaded}
    assert {"hotline_holiday", "self_service_down", "gas_leak_call"}.isdisjoint(
        {s.key for s in loaded})
    assert [p.detail for p in problems] == ["hotline_failure"]  # the trainer's own, only
