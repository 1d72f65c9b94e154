"""AlarmSound: a sound that repeats until the alarm is acknowledged.

Windows plays the bundled WAV in a loop through the standard library (winsound); elsewhere
the fallback is the system beep, repeated by a timer (QtMultimedia is not in our Qt).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from models.store.paths import resource_path

BEEP_EVERY_MS = 1200


class AlarmSound(QObject):
    def __init__(self, *, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.playing = False
        self._wanted = False
        self._wav = str(resource_path("resources/sounds/alarm.wav"))
        self._beeper = QTimer(self)
        self._beeper.setInterval(BEEP_EVERY_MS)
        self._beeper.timeout.connect(QApplication.beep)

    def set_playing(self, on: bool) -> None:
        """Whether an alarm wants sound; it sounds only while the setting allows."""
        self._wanted = on
        self._apply()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._apply()

    def _apply(self) -> None:
        on = self._wanted and self.enabled
        if on == self.playing:
            return
        self.playing = on
        if sys.platform == "win32":
            import winsound

            if on:
                winsound.PlaySound(self._wav, winsound.SND_FILENAME | winsound.SND_ASYNC
                                   | winsound.SND_LOOP)
            else:
                winsound.PlaySound(None, 0)
        elif on:
            QApplication.beep()
            self._beeper.start()
        else:
            self._beeper.stop()
