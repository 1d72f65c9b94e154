"""plans/MANIFEST.json: the shipped folder as released, and every way a folder can differ
from it refused with the words for what differs."""

import shutil

import pytest

from models.plans.loader import load_catalog
from models.plans.manifest import (
    MANIFEST_NAME,
    PlanFolderRefused,
    build_manifest,
    differences,
    load_verified,
    manifest_text,
)
from models.store.paths import default_plans_dir


def test_the_shipped_manifest_is_up_to_date():
    """Fails after plans/*.toml changed without `uv run python tools/plans_manifest.py`."""
    written = (default_plans_dir() / MANIFEST_NAME).read_text(encoding="utf-8")
    assert written == manifest_text(build_manifest(default_plans_dir())), (
        "plans/MANIFEST.json is stale: run `uv run python tools/plans_manifest.py`")


def test_the_manifest_lists_each_file_with_its_situations_and_the_version():
    manifest = build_manifest(default_plans_dir())
    catalog = load_catalog(default_plans_dir())
    listed = [k for f in manifest["files"].values() for k in f["situations"]]
    assert sorted(listed) == sorted(s.key for s in catalog.situations)
    assert manifest["catalog_version"] == catalog.info.version
    assert "staff_injured" in manifest["files"]["medical.toml"]["situations"]


def test_the_folder_as_shipped_loads(real_plans_dir):
    assert not differences(real_plans_dir)
    assert load_verified(real_plans_dir).situations


def test_line_ends_turned_into_crlf_are_the_same_plans(real_plans_dir):
    path = real_plans_dir / "medical.toml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert not differences(real_plans_dir)


def refused(folder) -> PlanFolderRefused:
    with pytest.raises(PlanFolderRefused) as caught:
        load_verified(folder)
    return caught.value


def test_a_truncated_file_is_refused_naming_the_situations_it_lost(real_plans_dir):
    path = real_plans_dir / "fire_safety.toml"
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:116]) + "\n",
                    encoding="utf-8")
    load_catalog(real_plans_dir)  # the loader alone accepts it: its content is valid
    lines = refused(real_plans_dir).differences.lines()
    assert lines[0] == "file changed: fire_safety.toml"
    assert "situation missing: electric_shock (fire_safety.toml)" in lines
    assert not any(line.startswith("situation added") for line in lines)


def test_an_emptied_file_is_refused_with_all_its_situations_missing(real_plans_dir):
    (real_plans_dir / "medical.toml").write_bytes(b"")
    found = refused(real_plans_dir).differences
    assert found.changed == ("medical.toml",)
    assert found.situations_missing == ("customer_ill_injured (medical.toml)",
                                        "staff_injured (medical.toml)")


def test_one_deleted_situation_is_named_and_only_it(real_plans_dir):
    path = real_plans_dir / "medical.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[situation]]\nkey = "staff_injured"')
    path.write_text(text[:start], encoding="utf-8")
    found = refused(real_plans_dir).differences
    assert found.situations_missing == ("staff_injured (medical.toml)",)
    assert (found.missing, found.added, found.situations_added) == ((), (), ())


def test_one_changed_character_is_a_changed_file(real_plans_dir):
    path = real_plans_dir / "medical.toml"
    path.write_bytes(path.read_bytes().replace("拨打".encode(), "拨通".encode(), 1))
    found = refused(real_plans_dir).differences
    assert found.lines() == ["file changed: medical.toml"]


def test_a_file_added_is_refused_with_its_situations(real_plans_dir):
    shutil.copy(real_plans_dir / "medical.toml", real_plans_dir / "zz_extra.toml")
    path = real_plans_dir / "medical.toml"
    path.write_bytes(b"")  # moved, not copied: the situations are now in the new file
    found = refused(real_plans_dir).differences
    assert found.added == ("zz_extra.toml",)
    assert found.situations_missing == ()  # still there, in another file
    assert found.situations_added == ()


def test_a_new_situation_in_a_new_file_is_named(real_plans_dir):
    (real_plans_dir / "zz_extra.toml").write_text(
        '[[situation]]\nkey = "ufo"\ncategory = "medical"\nname = "x"\nshort = "x"\n'
        'default_level = 3\n[[situation.step]]\ntext = "x"\n', encoding="utf-8")
    found = refused(real_plans_dir).differences
    assert found.lines() == ["file added: zz_extra.toml", "situation added: ufo (zz_extra.toml)"]


def test_a_file_removed_is_refused(real_plans_dir):
    (real_plans_dir / "medical.toml").unlink()
    found = refused(real_plans_dir)
    assert found.differences.missing == ("medical.toml",)
    assert "situation missing: staff_injured (medical.toml)" in found.differences.lines()


@pytest.mark.parametrize("content", [None, b"", b"{not json", b'{"files": 3}',
                                     b'{"files": {"a.toml": {"sha256": "x"}}}'])
def test_a_missing_or_damaged_manifest_is_refused(real_plans_dir, content):
    path = real_plans_dir / MANIFEST_NAME
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    lines = refused(real_plans_dir).differences.lines()
    assert len(lines) == 1 and MANIFEST_NAME in lines[0]
    assert ("no " if content is None else "is damaged") in lines[0]


def test_the_refusal_carries_the_loaders_problems_when_content_is_also_wrong(catalog_dir):
    (catalog_dir / "catalog.toml").write_text("[catalog]\ntitle = 1\n", encoding="utf-8")
    error = refused(catalog_dir)
    assert any("catalog.toml:2:" in str(p) for p in error.problems)
