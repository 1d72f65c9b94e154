"""`plans check` and the desk's start on a plan folder that differs from its manifest."""

from tests.test_cli import run


def truncate(path, lines: int) -> None:
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:lines]) + "\n",
                    encoding="utf-8")


def test_check_says_the_shipped_folder_is_as_its_manifest_lists():
    result = run("plans", "check")
    assert result.returncode == 0, result.stderr
    assert "31 situations" in result.stdout and "as its MANIFEST.json lists" in result.stdout


def test_check_names_what_a_truncated_file_lost_and_what_to_do(real_plans_dir):
    truncate(real_plans_dir / "fire_safety.toml", 116)
    result = run("plans", "check", "--dir", str(real_plans_dir))
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{real_plans_dir} differs from its MANIFEST.json:" in result.stderr
    assert "  file changed: fire_safety.toml" in result.stderr
    assert "  situation missing: electric_shock (fire_safety.toml)" in result.stderr
    assert "reinstall the program, or restore the folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_names_a_file_added(real_plans_dir):
    (real_plans_dir / "notes.toml").write_text("# nothing\n", encoding="utf-8")
    result = run("plans", "check", "--dir", str(real_plans_dir))
    assert result.returncode == 2
    assert "  file added: notes.toml" in result.stderr


def test_the_desk_does_not_start_on_an_emptied_plan_file(tmp_path, real_plans_dir):
    (real_plans_dir / "medical.toml").write_bytes(b"")
    db = tmp_path / "d.db"
    result = run("--self-test", "--db", str(db), "--plans", str(real_plans_dir))
    assert result.returncode == 2
    assert "SELF-TEST FAILED: 预案文件夹与随程序发布的不一致" in result.stderr
    assert "请重新安装程序，或从备份恢复文件夹" in result.stderr
    assert "situation missing: staff_injured (medical.toml)" in result.stderr
    assert not db.exists()  # nothing is created on plans it cannot trust
