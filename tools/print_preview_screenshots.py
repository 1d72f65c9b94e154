"""Screenshots of the print preview on the real desk, at 1366×768 with the 40 px taskbar
margin under openbox: the busy day's daily log (300 incidents) in the preview, then an alarm
arriving while it is open — in Chinese at 130 % text and in English at 100 %.

    uv run python tools/print_preview_screenshots.py [FOLDER]     (default docs/screenshots)

Needs Xvfb, openbox, xdotool and imagemagick (as tools/stress_screenshots.py). The preview
is given a printer ("Front desk printer"): the test machines have none installed, and with
none the desk hands the PDF to the system viewer instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHOTS = (("zh_CN", 130), ("en", 100))


def main(folder: Path) -> int:
    from tests.gui.x_session import missing_tools, x_session

    if missing := missing_tools():
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="preview-shots-") as scratch, \
            x_session(Path(scratch)) as display:
        for language, size in SHOTS:
            env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            subprocess.run([sys.executable, __file__, "--child", str(folder), language,
                            str(size), scratch], env=env, check=True, timeout=300)
    return 0


def shoot(folder: Path, language: str, size: int, scratch: Path) -> None:
    """In the X session: the desk, its daily log printed to the preview, then an alarm."""
    import asyncio
    from datetime import UTC, date, datetime

    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    import qasync

    from models.clock.clocks import FakeClock
    from models.demo import generate
    from models.plans.loader import load_catalog
    from models.plans.versions import record_plan_version
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database
    from models.store.settings import SettingsStore
    from tests.helpers.hall import HALL
    from ui.common.fonts import apply_cjk_font
    from ui.common.i18n import install_translations
    from ui.common.print_preview import show_print_preview
    from ui.common.style import apply_stylesheet
    from ui.window.desk import build_desk

    install_translations(app, language)
    apply_cjk_font(app, size)
    base = scratch / f"{language}-{size}"
    base.mkdir()
    db = open_database(base / "desk.db")
    catalog = load_catalog(default_plans_dir())
    plan = record_plan_version(catalog, datetime(2026, 11, 20, 1, 0, tzinfo=UTC))
    end = datetime(2026, 11, 20, 17, 0, tzinfo=HALL)
    generate(catalog, plan, incidents=300, days=1, end=end)
    store = SettingsStore(base / "settings.json")
    for key, value in (("clerk_on_duty", "张三"), ("hall_name", "城东营业厅"),
                       ("language", language), ("text_size", size)):
        store.set(key, value)
    clock = FakeClock(end)
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=clock,
                      sound_player=lambda: None)
    desk.pdf.print_dir = lambda: base / "print"
    desk.pdf.preview = lambda parent, path, viewer: show_print_preview(
        parent, path, open_in_viewer=viewer, printers=lambda: ["Front desk printer"])
    apply_stylesheet(app, size)
    window = desk.window
    window.resize(app.primaryScreen().availableGeometry().size())
    window.showMaximized()
    desk.start()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def signal(sig) -> None:
        done = asyncio.Event()
        sig.connect(lambda *args: done.set())
        await done.wait()

    async def drive() -> None:
        await asyncio.sleep(1.5)
        desk.emergency.home.urgent_buttons["fire"].click()
        window.show_screen("incidents")
        daily = desk.incidents_screen.daily
        desk.incidents_screen.tabs.setCurrentWidget(daily)
        daily.show_days(date(2026, 11, 20), date(2026, 11, 20))
        finished = asyncio.ensure_future(signal(desk.pdf.exporter.finished))
        daily.print_button.click()
        await finished
        preview = daily.export_bar.preview
        await signal(preview.pages_ready)
        preview.view.fitToWidth()
        await asyncio.sleep(1.5)
        grab(folder / f"print-preview-{language}-{size}.png")
        clock.advance(minutes=5, seconds=1)  # the fire's first report is missed: the alarm
        desk.deadlines.tick()
        await asyncio.sleep(1.5)
        preview.raise_()
        preview.activateWindow()
        await asyncio.sleep(1)
        grab(folder / f"print-preview-alarm-{language}-{size}.png")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    with loop:
        loop.run_until_complete(drive())
    db.close()


def grab(path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(path)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        folder, language, size, scratch = sys.argv[2:6]
        shoot(Path(folder), language, int(size), Path(scratch))
        sys.exit(0)
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
