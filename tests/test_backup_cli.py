"""`backup` and `restore` on the command line, against real files and a real second desk."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import main
from models.store.backups import backups_in

ROOT = Path(__file__).resolve().parent.parent


def fill(path: Path, catalog, n: int):
    """A desk database with `n` incidents, left open (its pages still in the -wal)."""
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database

    db = open_database(path)
    t = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    plan = record_plan_version(catalog, t)
    for i in range(n):
        response.start_incident(catalog, plan, "fire", Act(
            Who("城东营业厅", "1号台", "张三"), t + timedelta(minutes=i), HolidayCalendar()))
    return db


def test_backup_while_the_desk_has_the_file_open(tmp_path, shipped_catalog, capsys):
    db = fill(tmp_path / "desk.db", shipped_catalog, 4)
    try:
        assert main.main(["backup", "--db", str(tmp_path / "desk.db")]) == 0
    finally:
        db.close()
    out = capsys.readouterr().out
    (made,) = backups_in(tmp_path / "backups", Path("desk.db"))
    assert f"Wrote {made.path}" in out and "checked" in out
    assert main.main(["verify", "--db", str(made.path)]) == 0
    assert "4 incident" in capsys.readouterr().out


def test_backup_of_a_damaged_file_is_refused(tmp_path, capsys):
    (tmp_path / "desk.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert main.main(["backup", "--db", str(tmp_path / "desk.db")]) == 2
    assert "damaged" in capsys.readouterr().err
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_restore_puts_the_backup_back_and_keeps_what_it_replaced(tmp_path, shipped_catalog,
                                                                 capsys):
    fill(tmp_path / "desk.db", shipped_catalog, 2).close()
    assert main.main(["backup", "--db", str(tmp_path / "desk.db"), "--to",
                      str(tmp_path / "usb")]) == 0
    (made,) = backups_in(tmp_path / "usb", Path("desk.db"))
    fill(tmp_path / "desk.db", shipped_catalog, 1).close()  # a third incident, not backed up
    capsys.readouterr()
    assert main.main(["restore", "--db", str(tmp_path / "desk.db"), "--from",
                      str(made.path)]) == 0
    assert "kept as desk.db.before-restore-" in capsys.readouterr().out
    assert main.main(["verify", "--db", str(tmp_path / "desk.db")]) == 0
    assert "2 incident" in capsys.readouterr().out
    kept = next(tmp_path.glob("desk.db.before-restore-*"))
    assert main.main(["verify", "--db", str(kept)]) == 0
    assert "3 incident" in capsys.readouterr().out


def test_restore_is_refused_while_a_desk_runs_on_the_file(tmp_path, shipped_catalog):
    fill(tmp_path / "desk.db", shipped_catalog, 1).close()
    assert main.main(["backup", "--db", str(tmp_path / "desk.db")]) == 0
    (made,) = backups_in(tmp_path / "backups", Path("desk.db"))
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]);"
         "from datetime import datetime; from pathlib import Path;"
         "from models.store.desk_lock import hold;"
         "lock = hold(Path(sys.argv[2]), holder='1号台', now=datetime.now());"
         "print('holding', flush=True); sys.stdin.readline()",
         str(ROOT), str(tmp_path / "desk.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        before = (tmp_path / "desk.db").read_bytes()
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "restore", "--db",
                                 str(tmp_path / "desk.db"), "--from", str(made.path)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2 and "in use by another copy" in result.stderr
        assert (tmp_path / "desk.db").read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()


def test_a_damaged_database_is_told_with_the_newest_good_backup(tmp_path, shipped_catalog,
                                                                capsys):
    fill(tmp_path / "desk.db", shipped_catalog, 1).close()
    assert main.main(["backup", "--db", str(tmp_path / "desk.db")]) == 0
    (made,) = backups_in(tmp_path / "backups", Path("desk.db"))
    data = bytearray((tmp_path / "desk.db").read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # a page of the schema's tables wrecked
    (tmp_path / "desk.db").write_bytes(bytes(data))
    capsys.readouterr()
    assert main.main(["verify", "--db", str(tmp_path / "desk.db")]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err
    assert f"The newest good backup is {made.path}" in err
    assert f"main.py restore --db {tmp_path / 'desk.db'} --from {made.path}" in err
