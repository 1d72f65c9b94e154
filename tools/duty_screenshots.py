"""Screenshots of the duty phone log and the shift handover under a real window manager at
1366×768 (40 px taskbar margin), at 130 % text, in Chinese and English: the desk with the
header's 来电登记 F8 button, the call form (F8; a draft kept from before, shown again), the
handover dialog (from the clerk button) and its answer page.

    uv run python tools/duty_screenshots.py [FOLDER]     (default docs/screenshots)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.gui.desk_db import prepare_desk  # noqa: E402
from tests.gui.driver import Desk  # noqa: E402
from tests.gui.x_session import missing_tools, x_session  # noqa: E402

DRAFT = {"unit": "区应急管理局", "name": "李明", "post": "值班科员", "phone": "010-62345678",
         "content": "询问营业厅二楼火情及人员疏散情况，要求 30 分钟内书面报告。",
         "told": [], "recorder": "张三"}


def shots(folder: Path, display: str, scratch: Path, language: str) -> None:
    place = scratch / language
    database = prepare_desk(place, started_minutes_ago=(("fire", 2),), language=language,
                            text_size=130)
    (place / "duty-call-draft.json").write_text(json.dumps(DRAFT, ensure_ascii=False),
                                                encoding="utf-8")
    desk = Desk.start(display=display, database=database, python=sys.executable)
    tag = "zh" if language == "zh_CN" else "en"
    try:
        desk.screenshot(folder / f"duty-header-{tag}.png")
        desk.key("F8")
        desk.wait_for(lambda s: desk.find("callForm"), "the call form shown")
        time.sleep(0.5)
        desk.screenshot(folder / f"duty-call-form-{tag}.png")
        desk.key("Escape")
        desk.click_widget("clerkButton")
        desk.click_widget("handoverButton")
        desk.wait_for(lambda s: desk.find("handoverDialog"), "the handover dialog shown")
        time.sleep(0.5)
        desk.screenshot(folder / f"duty-handover-{tag}.png")
        desk.click_widget("offerHandover")
        time.sleep(0.5)
        desk.screenshot(folder / f"duty-handover-answer-{tag}.png")
    finally:
        desk.stop()


def main(folder: Path) -> int:
    if missing := missing_tools():
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="duty-shots-") as scratch, \
            x_session(Path(scratch)) as display:
        for language in ("zh_CN", "en"):
            shots(folder, display, Path(scratch), language)
    print(f"screenshots in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
