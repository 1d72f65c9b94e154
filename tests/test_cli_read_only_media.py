"""A database on read-only media (a CD, a write-protected stick, a read-only share) is read
where it lies and said to be there — never called damaged. The media is real: a read-only
bind mount (needs root, as CI runs)."""

import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def read_only_media(tmp_path, *, log_beside: bool = False):
    """tmp_path/media: a read-only mount of tmp_path/source, which holds a closed desk
    database with three incidents (WAL mode; with an empty log file beside it if asked)."""
    if shutil.which("mount") is None:
        pytest.skip("needs the mount command (util-linux)")
    source, media = tmp_path / "source", tmp_path / "media"
    source.mkdir()
    media.mkdir()
    run("demo", "--incidents", "3", "--days", "1", "--db", str(source / "desk.db"))
    if log_beside:
        (source / "desk.db-wal").write_bytes(b"")
    bound = subprocess.run(["mount", "--bind", str(source), str(media)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip(f"needs root to mount read-only media: {bound.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(media)], check=True)
        yield media
    finally:
        subprocess.run(["umount", str(media)], check=True)


@pytest.fixture
def read_only_copy(tmp_path):
    with read_only_media(tmp_path) as media:
        yield media


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, timeout=120)


def test_verify_reads_a_database_on_read_only_media_and_says_so(read_only_copy):
    assert not (read_only_copy / "probe").exists()
    result = run("verify", "--db", str(read_only_copy / "desk.db"))
    assert result.returncode == 0, result.stderr
    assert "3 incidents" in result.stdout and "read-only media" in result.stdout
    assert "damaged" not in result.stdout + result.stderr


def test_export_reads_a_database_on_read_only_media(read_only_copy, tmp_path):
    result = run("export", "daily", "--date", "2026-01-01", "--db",
                 str(read_only_copy / "desk.db"), "--out", str(tmp_path / "log.pdf"))
    assert result.returncode == 0, result.stderr
    assert "read-only media" in result.stdout and (tmp_path / "log.pdf").exists()


def test_a_log_left_beside_it_on_read_only_media_is_not_called_damage(tmp_path):
    """A copy taken while the desk ran carries its -wal; on read-only media SQLite cannot
    read that log (no shared-memory file can be made). Said as it is, with what to do."""
    with read_only_media(tmp_path, log_beside=True) as media:
        result = run("verify", "--db", str(media / "desk.db"))
    assert result.returncode == 2
    assert "read-only media" in result.stderr and "Copy the folder" in result.stderr
    assert "damaged" not in result.stderr
