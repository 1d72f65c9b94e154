"""Screenshots of the desk under stress, at 1366×768 with a 40 px taskbar margin under a real
window manager: the states tests/gui checks (tests/gui/stress_states.py), one PNG each.

    uv run python tools/stress_screenshots.py [FOLDER]     (default docs/screenshots)

Needs Xvfb, openbox, xdotool and imagemagick (.ci/run installs them). Run it again after a
layout change and look at every picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.gui.desk_db import prepare_desk  # noqa: E402
from tests.gui.driver import Desk  # noqa: E402
from tests.gui.stress_states import STATES  # noqa: E402
from tests.gui.x_session import missing_tools, x_session  # noqa: E402


def main(folder: Path) -> int:
    if missing := missing_tools():
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="stress-shots-") as scratch, \
            x_session(Path(scratch)) as display:
        for state in STATES:
            database = prepare_desk(Path(scratch) / state.name, **state.prepared)
            desk = Desk.start(display=display, database=database, python=sys.executable)
            try:
                state.drive(desk)
                path = folder / f"stress-{state.name.replace('_', '-')}.png"
                desk.screenshot(path)
                frame = desk.state()["frame"]
                print(f"{path}: window frame {frame[2]}×{frame[3]} at ({frame[0]}, {frame[1]})")
            finally:
                desk.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
