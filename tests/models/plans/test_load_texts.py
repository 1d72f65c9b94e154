"""The loader's entry point for plan files given as texts (a draft kept in the database)."""

import pytest

from models.plans.loader import CatalogError, catalog_files, load_catalog, load_texts
from models.store.paths import default_plans_dir


def shipped_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in catalog_files(default_plans_dir())}


def test_the_same_files_as_texts_are_the_same_catalog_with_the_same_digest():
    texts = load_texts(shipped_texts())
    folder = load_catalog(default_plans_dir())
    assert texts == folder and texts.digest == folder.digest


def test_problems_name_the_file_and_line_of_the_text_and_the_field():
    texts = shipped_texts()
    texts["medical.toml"] = texts["medical.toml"].replace("default_level = 2",
                                                          "default_level = 9", 1)
    with pytest.raises(CatalogError) as caught:
        load_texts(texts)
    (problem,) = caught.value.problems
    assert str(problem).startswith("medical.toml:")
    assert (problem.field, problem.at[0]) == ("default_level", "situation")


def test_no_texts_at_all_is_a_problem_of_the_set():
    with pytest.raises(CatalogError) as caught:
        load_texts({}, "draft #3")
    assert str(caught.value.problems[0]) == "draft #3: no plan files"
