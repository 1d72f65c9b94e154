"""One TOML path for plan files and drill scenario files: the same mistake gives the same
`FILE:LINE: what` in both."""

import re
from pathlib import Path

import pytest

from models.drills import scenarios
from models.plans.loader import check_catalog
from models.plans.toml_check import Problem, TomlSource, read_toml

SCENARIO = ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\n\n[[drill.inject]]\n'
            'at_minutes = 0\ntext = "a"\n')


def _plan_problems(catalog_dir: Path, old: str, new: str) -> tuple[Path, list[Problem]]:
    path = catalog_dir / "catalog.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, check_catalog(catalog_dir)


def _scenario_problems(folder: Path, catalog, old: str, new: str) -> tuple[Path, list[Problem]]:
    assert old in SCENARIO
    path = folder / "bad.toml"
    path.write_text(SCENARIO.replace(old, new, 1), encoding="utf-8")
    found, problems = scenarios.load_scenarios(folder, catalog)
    assert found == []
    return path, problems


def _line(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if fragment in line)


def _after_where(problem: Problem, path: Path, line: int) -> str:
    text = str(problem)
    assert text.startswith(f"{path}:{line}: "), text
    return text.removeprefix(f"{path}:{line}: ")


@pytest.mark.parametrize(("plan_edit", "scenario_edit", "fragment", "words"), [
    (('short = "火灾"', 'short = "火灾'), ('title = "t"', 'title = "t'), '"',
     r"TOML syntax: .+ \(column \d+\)"),
    (('short = "火灾"', 'short = "火灾"\ncolour = 1'), ('title = "t"', 'title = "t"\ncolour = 1'),
     "colour", r"unknown field 'colour' in (situation|drill) \(allowed: .+\)"),
    (('text = "拨打119报警"', 'text = "拨打119报警"\ncolour = 1'),
     ('text = "a"', 'text = "a"\ncolour = 1'),
     "colour", r"(inject 1: )?unknown field 'colour' in (step|inject) \(allowed: .+\)"),
])
def test_the_same_mistake_reads_the_same_in_a_plan_and_a_scenario(
        tmp_path, catalog_dir, shipped_catalog, plan_edit, scenario_edit, fragment, words):
    plan_path, (plan_problem,) = _plan_problems(catalog_dir, *plan_edit)
    scenario_path, (scenario_problem,) = _scenario_problems(tmp_path, shipped_catalog,
                                                            *scenario_edit)
    edited = (plan_edit[1].splitlines()[-1], scenario_edit[1].splitlines()[-1])
    plan_line = _line(plan_path, edited[0] if fragment == '"' else fragment)
    scenario_line = _line(scenario_path, edited[1] if fragment == '"' else fragment)
    assert type(plan_problem) is type(scenario_problem) is Problem
    assert re.fullmatch(words, _after_where(plan_problem, plan_path, plan_line))
    assert re.fullmatch(words, _after_where(scenario_problem, scenario_path, scenario_line))


def test_not_utf8_is_the_same_problem_at_the_same_line(tmp_path, catalog_dir, shipped_catalog):
    plan = catalog_dir / "catalog.toml"
    plan.write_bytes(plan.read_text(encoding="utf-8").encode("gbk"))
    folder = tmp_path / "drills"
    folder.mkdir()
    scenario = folder / "gbk.toml"
    scenario.write_bytes('[drill]\ntitle = "火灾"\n'.encode("gbk"))
    (plan_problem,) = check_catalog(catalog_dir)
    (scenario_problem,) = scenarios.load_scenarios(folder, shipped_catalog)[1]
    assert str(plan_problem) == f"{plan}:2: not UTF-8 text: save the file as UTF-8"
    assert str(scenario_problem) == f"{scenario}:2: not UTF-8 text: save the file as UTF-8"
    assert plan_problem.code == scenario_problem.code == "not_utf8"


def test_a_syntax_error_names_line_and_column(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('a = 1\nb = "open\n', encoding="utf-8")
    _source, data, (problem,) = read_toml(path)
    assert data is None and problem.line == 2 and problem.code == "syntax"
    assert re.fullmatch(r"TOML syntax: .+ \(column \d+\)", problem.message)
    assert problem.detail == problem.message.removeprefix("TOML syntax: ")


def test_an_unreadable_file_is_a_problem_not_an_exception(tmp_path):
    source, data, (problem,) = read_toml(tmp_path / "missing.toml")
    assert (source, data, problem.code, problem.line) == (None, None, "unreadable", None)
    assert str(problem).startswith(f"{tmp_path / 'missing.toml'}: cannot read: ")


def test_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbfa = 1\n")
    source, data, problems = read_toml(path)
    assert (data, problems, source.raw[:3]) == ({"a": 1}, [], b"\xef\xbb\xbf")


@pytest.mark.parametrize(("file", "line", "expected"), [
    ("f.toml", 3, "f.toml:3: wrong"), ("f.toml", None, "f.toml: wrong"), ("", None, "wrong")])
def test_where_then_what(file, line, expected):
    assert str(Problem(file, line, "wrong")) == expected


def test_a_problem_points_at_the_field_else_its_table():
    source = TomlSource("s.toml", "[drill]\nkey = 1\n\n[[drill.inject]]\ntext = 2\n")
    assert source.problem(("drill",), "key", "x").line == 2
    assert source.problem(("drill",), "nothing", "x").line == 1
    assert source.problem(("drill", 0, "inject", 0), "text", "x").line == 5
