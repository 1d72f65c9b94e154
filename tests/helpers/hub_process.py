"""A real hub process (`main.py hub`) on a free loopback port, for the tests of syncing.

The hub prints `listening on http://HOST:PORT` as its first line once it accepts
connections; the helper waits for that line (no port race, no sleep)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30


@dataclass
class Hub:
    url: str
    proc: subprocess.Popen

    log: Path

    def stop(self) -> int:
        """Stop it as a service manager would (SIGTERM); its exit code."""
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            return self.proc.wait(timeout=20)
        finally:
            self.proc.stdout.close()

    def kill(self) -> None:
        """Stop it as a power cut would: no chance to finish what it was doing."""
        self.proc.kill()
        self.proc.wait(timeout=20)
        self.proc.stdout.close()

    def errors(self) -> str:
        """What it wrote on standard error (its log) so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_hub(db: str | Path, *extra: str, env: dict | None = None,
              log: Path | None = None) -> Hub:
    """Start `main.py hub --db DB` on 127.0.0.1 and return it once it listens; its standard
    error goes to `log` (default: beside a SQLite `db`, else a temporary file)."""
    if log is None:
        log = (Path(db).with_suffix(".log") if "://" not in str(db)
               else Path(tempfile.mkstemp(prefix="ed-hub-", suffix=".log")[1]))
    with open(log, "ab") as err:
        proc = _popen(db, extra, env, err)
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    line = first[0] if first else ""
    hub = Hub(line.split("listening on ", 1)[-1].strip(), proc, log)
    if not line.startswith("listening on "):
        hub.kill()
        raise RuntimeError(f"the hub did not start: {line!r}\n{hub.errors()}")
    return hub


def _popen(db, extra, env, err) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "hub", "--db", str(db), "--host", "127.0.0.1",
         "--port", "0", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True,
        env={**os.environ, **(env or {})})
