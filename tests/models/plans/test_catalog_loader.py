from pathlib import Path

import pytest

from models.plans.loader import CatalogError, check_catalog, load_catalog


def problems_of(folder: Path) -> list[str]:
    return [str(p) for p in check_catalog(folder)]


def rewrite(folder: Path, old: str, new: str) -> Path:
    path = folder / "catalog.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def test_minimal_catalog_loads(catalog_dir):
    catalog = load_catalog(catalog_dir)
    fire = catalog.situation("fire")
    assert fire.steps[0].call == ("fire",)
    assert fire.all_scripts == ("请大家不要慌，跟我从安全出口离开。",)
    assert fire.timers[0].holiday_minutes == 45
    level = catalog.level(1)
    assert [t.key for t in level.timers] == ["level_report", "tell_gm"]
    assert level.timers[0].label == "报告组长"
    assert level.timers[0].minutes == 5
    assert catalog.role("fire").outside


def test_bom_is_accepted(catalog_dir):
    path = catalog_dir / "catalog.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_of(catalog_dir) == []


def test_bad_toml_reports_its_line(catalog_dir):
    path = rewrite(catalog_dir, 'short = "火灾"', 'short = "火灾')
    problems = problems_of(catalog_dir)
    assert len(problems) == 1
    line = line_of(path, 'short = "火灾')
    assert problems[0].startswith(f"{path}:{line}: TOML syntax")


def test_wrong_encoding_reports_line(catalog_dir):
    path = catalog_dir / "catalog.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    problems = problems_of(catalog_dir)
    assert len(problems) == 1
    assert f"{path}:2: not UTF-8" in problems[0]


def test_missing_and_unknown_fields_are_all_reported(catalog_dir):
    path = rewrite(catalog_dir, 'name = "营业场所火灾"\n', 'colour = "red"\n')
    problems = problems_of(catalog_dir)
    assert any(f"{path}:{line_of(path, 'colour')}: unknown field 'colour'" in p for p in problems)
    assert any("situation is missing the field 'name'" in p for p in problems)
    assert len(problems) == 2


def test_wrong_type_and_negative_minutes(catalog_dir):
    rewrite(catalog_dir, "minutes = 15", "minutes = -15")
    path = rewrite(catalog_dir, "urgent = true", 'urgent = "yes"')
    problems = problems_of(catalog_dir)
    assert f"{path}:{line_of(path, 'minutes = -15')}: timer field 'minutes' must not be " \
           "negative (-15)" in problems
    assert any(p.startswith(f"{path}:{line_of(path, 'urgent =')}:") and "true or false" in p
               for p in problems)


@pytest.mark.parametrize("old, new, field", [
    ("minutes = 15", "minutes = 527041", "timer field 'minutes'"),
    ("holiday_minutes = 45", "holiday_minutes = 99999999999", "timer field 'holiday_minutes'"),
    ("report_within_minutes = 5", "report_within_minutes = 9223372036854775807",
     "level field 'report_within_minutes'"),
    ("[general]\n", "[general]\nat_once_minutes = 527041\n", "general field 'at_once_minutes'"),
])
def test_minutes_beyond_a_year_are_refused_at_their_line(catalog_dir, old, new, field):
    """The loader took them and the press then failed (OverflowError: the due time past the
    year 9999, or timedelta's limit); found by the fuzz in test_loaders_fuzzed."""
    path = rewrite(catalog_dir, old, new)
    number = new.rsplit("= ", 1)[1].strip()
    line = line_of(path, f"= {number}")
    assert problems_of(catalog_dir) == [
        f"{path}:{line}: {field} must be at most 527,040 minutes (a year), not {int(number):,}"]


def test_minutes_of_a_year_are_accepted(catalog_dir):
    rewrite(catalog_dir, "minutes = 15", "minutes = 527040")
    assert problems_of(catalog_dir) == []


def add_threshold(folder: Path, value: str) -> Path:
    path = folder / "catalog.toml"
    with path.open("a", encoding="utf-8") as f:  # the file ends with the fire situation
        f.write(f'\n[[situation.threshold]]\nkey = "big_loss"\nlabel = "损失金额"\n'
                f'value = {value}\nunit = "yuan"\nthen = "报警"\n')
    return path


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_a_threshold_that_is_not_a_finite_number_is_refused(catalog_dir, value):
    """nan was taken, and saving a record with a loss then raised InvalidOperation (a loss is
    compared with the thresholds)."""
    path = add_threshold(catalog_dir, value)
    line = line_of(path, f"value = {value}")
    assert problems_of(catalog_dir) == [
        f"{path}:{line}: threshold field 'value' must be a finite number, not "
        f"{float(value)}"]


def test_a_threshold_of_a_huge_number_loads(catalog_dir):
    add_threshold(catalog_dir, "1e308")
    assert problems_of(catalog_dir) == []


def test_duplicate_key_across_files(catalog_dir):
    (catalog_dir / "more.toml").write_text(
        '[[situation]]\nkey = "fire"\ncategory = "fire_safety"\nname = "另一个"\n'
        'short = "火"\ndefault_level = 1\n\n[[situation.step]]\ntext = "x"\n',
        encoding="utf-8")
    problems = problems_of(catalog_dir)
    assert len(problems) == 1
    assert problems[0].startswith(f"{catalog_dir / 'more.toml'}:2: duplicate situation 'fire'")
    assert "catalog.toml:" in problems[0]


def test_duplicate_toml_key_in_one_table(catalog_dir):
    path = rewrite(catalog_dir, 'short = "火灾"\n', 'short = "火灾"\nshort = "火"\n')
    problems = problems_of(catalog_dir)
    line = line_of(path, 'short = "火"')
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{line}: TOML syntax:")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('call = ["fire"]', 'call = ["firemen"]', "unknown role 'firemen'"),
        ('report_to = "leader"', 'report_to = "boss"', "unknown role 'boss'"),
        ('category = "fire_safety"', 'category = "fires"', "unknown category 'fires'"),
        ("default_level = 1", "default_level = 4", "unknown level '4'"),
        ('sources = ["doc:六.3"]', 'sources = ["book:六.3"]', "unknown source 'book'"),
        ('sources = ["doc:六.3"]', 'sources = ["六.3"]', "is not a source reference"),
        ('starts = "met:level_report"', 'starts = "met:nothing"', "names no timer 'nothing'"),
        ('starts = "met:level_report"', 'starts = "met:tell_gm"', "cannot start from itself"),
        ('aftercare_required = ["客户安抚"]', 'aftercare_required = ["赔偿"]',
         "'赔偿' is not one of [general].aftercare"),
        ('action = "arrive"', 'action = "run"', "unknown action 'run'"),
        ('color = "#d32f2f"', 'color = "red"', "is not a colour"),
        ('key = "fire"\ncategory', 'key = "Fire Case"\ncategory', "is not a valid key"),
    ],
)
def test_bad_references_and_values(catalog_dir, old, new, expected):
    path = rewrite(catalog_dir, old, new)
    problems = problems_of(catalog_dir)
    assert len(problems) == 1, problems
    line = line_of(path, new.splitlines()[0])
    assert problems[0].startswith(f"{path}:{line}: "), problems[0]
    assert expected in problems[0]


def test_chain_cycle_is_reported(catalog_dir):
    rewrite(catalog_dir, "holiday_minutes = 45\n",
            'holiday_minutes = 45\nstarts = "met:back"\n\n[[situation.timer]]\nkey = "back"\n'
            'label = "回"\naction = "report"\nminutes = 1\nstarts = "missed:arrive"\n')
    problems = problems_of(catalog_dir)
    assert any("part of a chain that starts itself" in p for p in problems)


def test_manual_timer_needs_trigger(catalog_dir):
    rewrite(catalog_dir, "holiday_minutes = 45\n", 'holiday_minutes = 45\nstarts = ["manual"]\n')
    assert any("needs a 'trigger'" in p for p in problems_of(catalog_dir))


def test_missing_folder_and_empty_folder(tmp_path):
    assert "plan folder not found" in problems_of(tmp_path / "nope")[0]
    assert "no plan files" in problems_of(tmp_path)[0]


def test_several_problems_in_several_files_all_reported(catalog_dir):
    rewrite(catalog_dir, "minutes = 15", "minutes = -1")
    (catalog_dir / "broken.toml").write_text("[[situation]\n", encoding="utf-8")
    problems = problems_of(catalog_dir)
    assert any("broken.toml:1: TOML syntax" in p for p in problems)
    assert any("must not be negative" in p for p in problems)


def test_load_raises_catalog_error_with_problems(catalog_dir):
    rewrite(catalog_dir, "minutes = 15", "minutes = -1")
    with pytest.raises(CatalogError) as info:
        load_catalog(catalog_dir)
    assert len(info.value.problems) == 1


def test_digest_changes_with_content(catalog_dir):
    before = load_catalog(catalog_dir).digest
    rewrite(catalog_dir, "拨打119报警", "立即拨打119报警")
    after = load_catalog(catalog_dir).digest
    assert len(after) == 64 and after != before
