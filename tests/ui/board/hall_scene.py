"""A hall of real parts for the board: a real hub process, desks as their own processes on
their own files (desk_script.py), codes from `main.py hub code`. Used by the board's tests
and by the screenshot run (tools/board_screens.sh)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.hub_process import ROOT, Hub, start_hub

SCRIPT = Path(__file__).with_name("desk_script.py")
ANSWER_TIMEOUT = 60


def enrolment_code(hub_db: Path, kind: str = "desk") -> str:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "code", "--db",
                          str(hub_db), "--kind", kind], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    return out.split()[0]


class Desk:
    """One desk process; `ask` sends a command and returns its one-line answer."""

    def __init__(self, db: Path, name: str, minutes_back: float = 0) -> None:
        self.name = name
        self.log = Path(db).with_suffix(".log")
        with open(self.log, "ab") as log:  # a pipe nobody reads could fill and stop it
            self.proc = subprocess.Popen([sys.executable, str(SCRIPT), str(db), name,
                                          str(minutes_back)], cwd=ROOT, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=log, text=True)

    def ask(self, line: str) -> str:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        if not answer:
            raise RuntimeError(f"desk {self.name} said nothing to {line!r}: "
                               f"{self.log.read_text(errors='replace')[-2000:]}")
        return answer

    def enrol(self, hub: Hub, hub_db: Path) -> str:
        return self.ask(f"enrol {hub.url} {enrolment_code(hub_db)}").split()[1]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=ANSWER_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()


def hall_hub(folder: Path) -> tuple[Hub, Path]:
    db = folder / "hub.db"
    return start_hub(db), db
