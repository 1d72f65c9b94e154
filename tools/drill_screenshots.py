"""Screenshots of the drills screen's calendar, evaluations and corrective actions, and of the
evaluation window, at 1366×768 under openbox with its 40 px taskbar margin, 130 % text, in
Chinese and in English. The desk is built as main.py builds it (translations, the CJK font,
the stylesheet at the text size) on a demo database: a mall service desk with a live fire
drill logged and evaluated, two corrective actions (one overdue) and two attached files, one
changed after it was attached.

    uv run python tools/drill_screenshots.py [FOLDER]     (default docs/screenshots)

Needs Xvfb, openbox and imagemagick (`import`)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHOTS = (("calendar", "calendar"), ("evaluations", "evaluations"),
         ("actions", "actions"), ("dialog", "evaluations"))


def prepare(folder: Path, language: str) -> Path:
    """A demo desk in `folder`: settings.json and desk.db."""
    from datetime import UTC, date, datetime

    from models.drills import actions, attachments, drill_forms
    from models.drills.evaluation import Draft, evaluate, load_sheets
    from models.plans.loader import load_catalog
    from models.plans.versions import record_plan_version
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database
    from models.store.settings import SettingsStore
    from models.store.tables import TrainingRecord

    store = SettingsStore(folder / "settings.json")
    for key, value in (("language", language), ("text_size", 130), ("edition", "mall_desk"),
                       ("hall_name", "城东商场服务台"), ("desk_name", "1号台"),
                       ("clerk_on_duty", "张三")):
        store.set(key, value)
    db = open_database(folder / "desk.db")
    at = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    record_plan_version(load_catalog(default_plans_dir()), at)
    TrainingRecord.create(kind="training", held_on=date(2026, 10, 12),
                          topic="应急预案与沟通话术培训", trainer="王教员",
                          attendees="全体窗口人员", notes="")
    drill = TrainingRecord.create(kind="drill", held_on=date(2026, 11, 28),
                                  topic="营业厅火灾疏散演练", trainer="王教员",
                                  attendees="张三、李四、王五、保安2人", notes="")
    drill_forms.mark(drill.id, "live", True, at=at)
    TrainingRecord.create(kind="drill", held_on=date(2026, 11, 30), topic="停电桌面推演",
                          trainer="李主管", attendees="值班组", notes="")
    sheets = load_sheets()
    scores = {"preparation": 9, "alert": 13, "response": 14, "command": 8, "onsite": 15,
              "resources": 9, "protection": 8, "recovery": 8}
    e = evaluate(Draft(f"record:{drill.id}", "live", "营业厅火灾疏散演练", "2026-11-28 15:00",
                       "一楼营业大厅", "城东商场服务台", "张三、李四、王五、保安2人",
                       "二楼配电间冒烟，营业厅需疏散顾客", "报警及时；疏散用时4分钟。",
                       "东侧出口疏散指示不清；广播未覆盖卫生间。", "出口增设指示牌；补充广播点位。",
                       True, scores, ("王评估", "赵评估")), sheets, at=at, actor="张三")
    actions.add_action(e.id, "东侧出口增设疏散指示牌", "后勤 赵六", date(2026, 11, 30), at=at)
    done = actions.add_action(e.id, "补充卫生间广播点位", "工程 钱七", date(2026, 12, 20), at=at)
    actions.complete(done.id, "钱七", date(2026, 12, 1), "验收单 2026-118", at=at,
                     today=date(2026, 12, 1))
    for name, content in (("现场照片.jpg", b"jpeg"), ("疏散录像.mp4", b"video")):
        path = folder / name
        path.write_bytes(content)
        attachments.attach(e.id, attachments.hash_file(path), at=at)
    (folder / "现场照片.jpg").write_bytes(b"jpeg, retouched")  # changed after it was attached
    db.close()
    return folder


def shoot(folder: Path, out: Path, language: str) -> None:
    """In a child process on the X display: the desk as main.py builds it."""
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QApplication

    from models.clock.clocks import FakeClock
    from models.plans.editions import load_editions
    from models.plans.loader import load_catalog
    from models.plans.versions import record_plan_version
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database
    from models.store.settings import SettingsStore
    from ui.common.fonts import apply_cjk_font
    from ui.common.i18n import install_translations
    from ui.common.style import apply_stylesheet
    from ui.window.desk import build_desk

    app = QApplication([])
    store = SettingsStore(folder / "settings.json")
    install_translations(app, language)
    font_family = apply_cjk_font(app, 130)
    db = open_database(folder / "desk.db")
    catalog = load_catalog(default_plans_dir())
    clock = FakeClock(datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    plan = record_plan_version(catalog, clock.now())
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=clock,
                      font_family=font_family, own_drills_dir=folder / "drills",
                      editions=load_editions(default_plans_dir(), catalog), edition="mall_desk")
    apply_stylesheet(app, 130)
    window = desk.window
    window.resize(app.primaryScreen().availableGeometry().size())
    window.showMaximized()
    desk.start()
    window.show_screen("drills")
    screen = desk.drill_screen

    def settle() -> None:
        for _ in range(30):
            app.processEvents()

    for name, tab in SHOTS:
        screen.tabs.setCurrentWidget(getattr(screen, tab))
        settle()
        if name == "dialog":
            screen.evaluations.table.selectRow(1)
            dialog = screen.evaluations.open_selected()
            dialog.tabs.setCurrentIndex(2)
            settle()
            subprocess.run(["import", "-window", "root", str(out / f"drills-{name}-scores-"
                                                              f"{language}.png")], check=True)
            dialog.tabs.setCurrentIndex(3)
            app.processEvents()
            import time

            deadline = time.monotonic() + 10  # the files are checked in the worker
            while dialog.files.rowCount() and "…" in dialog.files.item(0, 0).text():
                app.processEvents()
                if time.monotonic() > deadline:
                    break
        settle()
        subprocess.run(["import", "-window", "root", str(out / f"drills-{name}-{language}.png")],
                       check=True)
    db.close()


def main(out: Path) -> int:
    from tests.gui.x_session import x_session

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drill-shots-") as scratch, \
            x_session(Path(scratch)) as display:
        for language in ("zh_CN", "en"):
            folder = Path(scratch) / language
            folder.mkdir()
            subprocess.run([sys.executable, __file__, "--prepare", str(folder), language],
                           check=True)
            subprocess.run([sys.executable, __file__, "--shoot", str(folder), str(out),
                            language], check=True,
                           env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
    for png in sorted(out.glob("drills-*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--prepare"]:
        prepare(Path(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["--shoot"]:
        shoot(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
