"""Files written whole or not at all, readable like any file the user saves."""

import os
import stat

import pytest

from models.store.files import replacing, write_whole


def test_writes_the_whole_file_with_normal_permissions(tmp_path):
    target = write_whole(tmp_path / "日志.csv", "编号,时间\n".encode())
    assert target.read_text(encoding="utf-8") == "编号,时间\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # not owner-only
    assert [p.name for p in tmp_path.iterdir()] == ["日志.csv"]


def test_an_error_midway_keeps_the_old_file_and_leaves_no_partial(tmp_path):
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(target) as temp:
        temp.write_text("half", encoding="utf-8")
        raise RuntimeError("power cut")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_missing_folder_fails_before_anything_is_written(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_whole(tmp_path / "gone" / "x.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []
