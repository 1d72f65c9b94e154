"""Screenshots of the hall board as a person sees it: Xvfb at 1366×768 with openbox keeping
the 40 px taskbar margin, a real hub, real desks (a fire missed at 1号台, a drill at 2号台,
a sick customer at 3号台 whose clock runs an hour fast, 5号台 gone quiet past a due time),
the board in Chinese and in English, its first-run form, and a real desk (4号台) with its
strip of the other desks. Not a test: run it and look at the pictures.

    uv run python -m tests.ui.board.board_screens OUT_FOLDER
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from models.services.board_enrolment import board_file, enrol, save
from tests.gui.x_session import x_session
from tests.helpers.hub_process import ROOT
from tests.ui.board.hall_scene import Desk, enrolment_code, hall_hub

SETTLE_SECONDS = 6  # for the board to start, take the hub's picture and paint


def fill_the_hall(folder: Path):
    hub, hub_db = hall_hub(folder)
    one = Desk(folder / "d1.db", "1号台", minutes_back=6)
    two = Desk(folder / "d2.db", "2号台")
    three = Desk(folder / "d3.db", "3号台", minutes_back=-60)  # its clock an hour fast
    for desk in (one, two, three):
        desk.enrol(hub, hub_db)
    one.ask("start fire")
    one.ask("push")
    one.ask("advance 6")
    print("1号台:", one.ask("overdue"), one.ask("push"))
    two.ask("drill power_cut")
    print("2号台:", two.ask("push"))
    three.ask("start customer_ill_injured")
    print("3号台:", three.ask("push"))
    # 5号台 pushed its fire and then went quiet (its program closed) before its report fell
    # due half a minute ago: the board says it does not respond
    five = Desk(folder / "d5.db", "5号台", minutes_back=5.5)
    five.enrol(hub, hub_db)
    five.ask("start fire")
    five.ask("advance 5.5")
    print("5号台:", five.ask("push"))
    five.close()
    return hub, hub_db, (one, two, three)


def board_folder(folder: Path, hub, hub_db: Path, language: str) -> Path:
    place = folder / f"board-{language}"
    place.mkdir()
    (place / "settings.json").write_text(json.dumps({"language": language}), encoding="utf-8")
    save(board_file(place), enrol(hub.url, enrolment_code(hub_db, "board"), "值班室看板"))
    return place


def a_desk_beside(folder: Path, hub, hub_db: Path) -> Path:
    """4号台: enrolled, nothing running; the real desk program then runs on its file."""
    four = Desk(folder / "d4.db", "4号台")
    four.enrol(hub, hub_db)
    four.close()
    (folder / "settings.json").write_text(json.dumps({
        "hall_name": "城东营业厅", "desk_name": "4号台", "clerk_on_duty": "李四",
        "edition": "all"}, ensure_ascii=False), encoding="utf-8")
    return folder / "d4.db"


def shoot(display: str, place: Path, out: Path, title: str,
          argv: tuple[str, ...] = ()) -> str:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    argv = argv or ("--board", "--db", str(place / "x.db"))
    with (place / f"{out.stem}.log").open("w") as log:
        board = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *argv], cwd=ROOT,
                                 env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        time.sleep(SETTLE_SECONDS)
        geometry = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title,
                                   "getwindowgeometry"], env=env, capture_output=True,
                                  text=True).stdout
        subprocess.run(["import", "-window", "root", str(out)], env=env, check=True)
        return geometry.strip()
    finally:
        board.terminate()
        board.wait(timeout=30)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="board-screens-"))
    hub, hub_db, desks = fill_the_hall(folder)
    try:
        zh = board_folder(folder, hub, hub_db, "zh_CN")
        en = board_folder(folder, hub, hub_db, "en")
        first = folder / "board-first"
        first.mkdir()
        four = a_desk_beside(folder, hub, hub_db)
        with x_session(folder) as display:
            print(shoot(display, zh, out / "board-zh.png", "大厅看板"))
            print(shoot(display, en, out / "board-en.png", "hall board"))
            print(shoot(display, first, out / "board-first-run.png", "大厅看板"))
            print(shoot(display, folder, out / "desk-hall-strip.png", "应急处置台",
                        ("--db", str(four))))
    finally:
        for desk in desks:
            desk.close()
        hub.kill()
    print("screenshots in", out, "scene in", folder)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
