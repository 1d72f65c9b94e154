"""Screenshots of the statistics screen (F6) at 1366×768 with a 40 px taskbar margin under a
real window manager, in Chinese and English, at 100 % and 130 % text, on a desk holding four
months of demo incidents: the top of the screen and its foot (scrolled to the end).

    uv run python tools/stats_screenshots.py [FOLDER]     (default docs/screenshots)

Needs Xvfb, openbox, xdotool and imagemagick. Look at every picture.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.gui.desk_db import prepare_desk  # noqa: E402
from tests.gui.driver import Desk  # noqa: E402
from tests.gui.x_session import missing_tools, x_session  # noqa: E402

CASES = (("zh_CN", 100), ("zh_CN", 130), ("en", 100), ("en", 130))


def with_demo_incidents(database: Path) -> None:
    from models.clock.hall_time import DEFAULT_ZONE
    from models.demo import generate
    from models.plans.loader import load_catalog
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database
    from models.store.tables import PlanVersion

    db = open_database(database)
    try:
        generate(load_catalog(default_plans_dir()), PlanVersion.select().get(), incidents=500,
                 days=120, end=datetime.now(DEFAULT_ZONE))
    finally:
        db.close()


def shoot(desk: Desk, folder: Path, name: str) -> None:
    desk.key("F6")
    desk.wait_for(lambda _: any(any(c.isdigit() for c in found["text"])
                                for found in desk.find("statsSummary")),
                  "the statistics screen with its numbers")
    desk.screenshot(folder / f"{name}.png")
    x, y, width, height = desk.place("statsScroll")
    desk.xdotool("mousemove", str(x + width // 3), str(y + height // 2),
                 "click", "--repeat", "60", "5")  # the wheel, down to the foot
    desk.screenshot(folder / f"{name}-foot.png")
    print(folder / f"{name}.png")


def main(folder: Path) -> int:
    if missing := missing_tools():
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="stats-shots-") as scratch, \
            x_session(Path(scratch)) as display:
        for language, size in CASES:
            name = f"stats-{language.split('_')[0]}-{size}"
            database = prepare_desk(Path(scratch) / name, language=language, text_size=size)
            with_demo_incidents(database)
            desk = Desk.start(display=display, database=database, python=sys.executable)
            try:
                shoot(desk, folder, name)
            finally:
                desk.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
