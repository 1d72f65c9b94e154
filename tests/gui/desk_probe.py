"""The real desk (main.py) with a probe the GUI tests talk to.

Run as `python tests/gui/desk_probe.py SOCKET main.py-arguments...` on an X display. It runs
main.main() unchanged but for two things, put in where main.py builds the desk:
- the desk's clock runs `shift` ahead of the system clock ("advance" moves it on), so a
  test makes a deadline pass without waiting for it;
- a local socket answers one JSON request per line with one JSON line: where the window and
  the widgets a clerk aims at are on the screen, which windows are open, which is modal.
It never presses anything: keys and clicks come from xdotool, through the window manager.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.clock.clocks import Clock, HallClock  # noqa: E402


class ShiftedClock(HallClock):
    """The system clock, `shift` ahead; the PC's own clock is not seen to jump."""

    def __init__(self, base: Clock) -> None:
        self._base = base
        self.zone = base.zone
        self.shift = timedelta()

    def now(self) -> datetime:
        return self._base.now() + self.shift

    def wall_jump(self) -> float:
        return self._base.wall_jump()


def rect(widget) -> list[int] | None:
    """The widget's place on the screen, [x, y, width, height]; None when not shown."""
    from PySide6.QtCore import QPoint

    if widget is None or not widget.isVisible():
        return None
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def box(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


class Probe:
    def __init__(self, desk, clock: ShiftedClock, socket_path: str) -> None:
        from PySide6.QtNetwork import QLocalServer

        self.desk, self.clock = desk, clock
        self.server = QLocalServer(desk.window)
        if not self.server.listen(socket_path):
            raise SystemExit(f"probe: cannot listen on {socket_path}")
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection) -> None:
        while connection.canReadLine():
            request = json.loads(bytes(connection.readLine()).decode())
            try:
                answer = getattr(self, "do_" + request.pop("cmd"))(**request)
            except Exception as e:  # the test sees what went wrong, the desk runs on
                answer = {"error": f"{type(e).__name__}: {e}"}
            connection.write(json.dumps(answer).encode() + b"\n")
            connection.flush()

    def do_state(self) -> dict:
        from PySide6.QtWidgets import QApplication

        window = self.desk.window
        modal = QApplication.activeModalWidget()
        active = QApplication.activeWindow()
        focus = QApplication.focusWidget()
        return {
            "available": box(window.windowHandle().screen().availableGeometry()),
            "frame": box(window.frameGeometry()),
            "client": box(window.geometry()),
            "exposed": bool(window.windowHandle() and window.windowHandle().isExposed()),
            "screen": window.current_screen(),
            "banner": rect(self.desk.alarm_banner),
            "alarming": len(self.desk.deadlines.alarming()),
            "windows": [{"class": type(w).__name__, "name": w.objectName(),
                         "title": w.windowTitle(), "modal": w.isModal(),
                         "frame": box(w.frameGeometry())}
                        for w in QApplication.topLevelWidgets() if w.isVisible()],
            "modal": type(modal).__name__ if modal else None,
            "active": type(active).__name__ if active else None,
            "focus": type(focus).__name__ if focus else None,
        }

    def do_find(self, name: str, text: str = "") -> list[dict]:
        """Every shown widget of that object name (whose text holds `text`), in any window."""
        from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

        found = []
        for top in QApplication.topLevelWidgets():
            for widget in [top, *top.findChildren(QWidget, name)]:
                shown = rect(widget) if widget.objectName() == name else None
                label = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
                if shown is not None and text in label:
                    found.append({"rect": shown, "text": label,
                                  "class": type(widget).__name__})
        return found

    def do_at(self, x: int, y: int) -> list[str]:
        """The object names from the widget at that screen point up to its window: what a
        click there would land on."""
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QApplication

        names, widget = [], QApplication.widgetAt(QPoint(x, y))
        while widget is not None:
            names.append(widget.objectName())
            widget = widget.parentWidget()
        return names

    def do_press(self, name: str) -> dict:
        """Click the first shown button of that name in-process: only for a button the
        clerk cannot reach on this screen (a fault the tests report elsewhere)."""
        from PySide6.QtWidgets import QAbstractButton, QApplication

        for top in QApplication.topLevelWidgets():
            for button in top.findChildren(QAbstractButton, name):
                if button.isVisible():
                    button.click()
                    return {"pressed": button.text()}
        return {"error": f"no shown button {name}"}

    def do_paint(self) -> dict:
        """Every shown window painted now (a screenshot taken at once shows what is there,
        not a frame the window manager drew before the window's first paint)."""
        from PySide6.QtWidgets import QApplication

        shown = [top for top in QApplication.topLevelWidgets() if top.isVisible()]
        exposed = all(top.windowHandle() is not None and top.windowHandle().isExposed()
                      for top in shown)
        for top in shown:
            top.repaint()
        QApplication.sync()
        return {"exposed": exposed}

    def do_advance(self, seconds: float) -> dict:
        self.clock.shift += timedelta(seconds=seconds)
        return {"now": self.clock.now().isoformat()}


def run(socket_path: str, argv: list[str]) -> int:
    import main
    import ui.window.desk as desk_module

    build_desk = desk_module.build_desk

    def build_probed_desk(*, clock, **kwargs):
        shifted = ShiftedClock(clock)
        desk = build_desk(clock=shifted, **kwargs)
        desk.probe = Probe(desk, shifted, socket_path)
        return desk

    desk_module.build_desk = build_probed_desk
    return main.main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2:]))
