"""One desk per database file, proved with real second processes."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from models.store.database import DatabaseRefused
from models.store.desk_lock import hold

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 11, 20, 9, 0)
HOLDER = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from datetime import datetime
from pathlib import Path
from models.store.desk_lock import hold
lock = hold(Path(sys.argv[1]), holder="城东营业厅 1号台", now=datetime(2026, 11, 20, 8, 30))
print("holding", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def other_desk(tmp_path):
    """Another desk process holding the lock on tmp_path/desk.db until killed."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "desk.db")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    yield proc
    proc.kill()
    proc.wait()
    proc.stdin.close()
    proc.stdout.close()


def test_a_second_desk_is_told_who_holds_the_file(tmp_path, other_desk):
    with pytest.raises(DatabaseRefused) as refused:
        hold(tmp_path / "desk.db", holder="城东营业厅 2号台", now=NOW)
    assert refused.value.code == "in_use"
    assert refused.value.params["holder"] == "城东营业厅 1号台"
    assert refused.value.params["since"] == "2026-11-20 08:30"
    assert refused.value.params["pid"] == str(other_desk.pid)
    assert "1号台" in str(refused.value) and "close it first" in str(refused.value)


def test_a_killed_desk_leaves_no_lock_behind(tmp_path, other_desk):
    other_desk.kill()  # kill -9: no chance to clean up
    other_desk.wait()
    lock = hold(tmp_path / "desk.db", holder="城东营业厅 2号台", now=NOW)
    lock.release()


def test_a_released_lock_lets_the_next_desk_in_and_leaves_the_folder_as_it_was(tmp_path):
    first = hold(tmp_path / "desk.db", holder="A", now=NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db.lock", "desk.db.lock.json"]
    first.release()
    second = hold(tmp_path / "desk.db", holder="B", now=NOW)
    second.release()
    assert list(tmp_path.iterdir()) == []


def test_the_desk_itself_refuses_to_start_twice(tmp_path, other_desk):
    """The real program, started a second time on the same file (a double-click)."""
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test",
                             "--db", str(tmp_path / "desk.db")],
                            capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "1号台" in result.stderr
    assert not (tmp_path / "desk.db").exists()  # nothing was created or written


def test_demo_does_not_write_into_a_desk_s_file(tmp_path, other_desk):
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--incidents", "5",
                             "--days", "1", "--db", str(tmp_path / "desk.db")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "in use by another copy" in result.stderr
    assert not (tmp_path / "desk.db").exists()
