"""AlarmSound: the bundled WAV, repeating until the alarm is acknowledged (F9).

It plays through the platform's player (ui.window.sound_players: winsound, pw-play / paplay /
aplay, afplay), injected. With no player, or one that fails (no sound server, no device), it
falls back to the system beep every BEEP_EVERY_MS and says so once (`fell_back`). Settings can
play it for a few seconds at a chosen volume (`test`).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from models.store.paths import resource_path
from ui.window.sound_players import scaled_wav

BEEP_EVERY_MS = 1200
TEST_MS = 3000
log = logging.getLogger(__name__)


class AlarmSound(QObject):
    fell_back = Signal(str)  # why the alarm can only beep; said once

    def __init__(self, *, enabled: bool = True, player: QObject | None = None,
                 volume: int = 100, beep: Callable[[], None] = QApplication.beep,
                 cache_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.volume = volume
        self.playing = False
        self.testing = False
        self._saved_volume = volume  # the alarm's, while a test plays at another
        self.fallback_reason = ""
        self._wanted = False
        self._beep = beep
        self._player = player
        if player is not None:
            player.setParent(self)
            player.failed.connect(self._player_failed)
        self._wav = Path(resource_path("resources/sounds/alarm.wav"))
        # the scaled copies: a folder of this desk's own (a shared one in /tmp could hold a
        # half-written or a stranger's file)
        self._cache = cache_dir  # made when a volume below 100 % is first played
        self._beeper = QTimer(self)
        self._beeper.setInterval(BEEP_EVERY_MS)
        self._beeper.timeout.connect(lambda: self._beep())
        self._test_end = QTimer(self)
        self._test_end.setSingleShot(True)
        self._test_end.setInterval(TEST_MS)
        self._test_end.timeout.connect(self._end_test)

    @property
    def player_name(self) -> str:
        return self._player.name if self._player is not None else ""

    def set_playing(self, on: bool) -> None:
        """Whether an alarm wants sound; it sounds only while the setting allows."""
        self._wanted = on
        self._apply()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._apply()

    def set_volume(self, volume: int) -> None:
        """The saved volume (a test playing meanwhile ends, then the alarm has this one)."""
        self._saved_volume = volume
        if self.testing:
            return
        self.volume = volume
        if self.playing:  # heard at once at the new volume
            self._stop()
            self._start()

    def test(self, volume: int) -> str:
        """Play for TEST_MS at `volume` (Settings' button, before it is saved); says what
        plays. The alarm's own volume stays the saved one."""
        self._saved_volume = self.volume if not self.testing else self._saved_volume
        self.volume = volume
        self.testing = True
        if self.playing:
            self._stop()
        self._start()
        self.playing = True
        self._test_end.start()
        return self.player_name or "beep"

    def _end_test(self) -> None:
        self.testing = False
        self.volume = self._saved_volume
        if self.playing:  # an alarm ringing meanwhile goes on at the saved volume
            self._stop()
            self.playing = False
        self._apply()

    def _apply(self) -> None:
        on = (self._wanted and self.enabled) or self.testing
        if on == self.playing:
            return
        self.playing = on
        if on:
            self._start()
        else:
            self._stop()

    def _start(self) -> None:
        if self._player is None:
            self._fall_back(self.tr("No audio player was found (pw-play, paplay, aplay or "
                                    "afplay): the alarm can only beep."))
        else:
            try:
                self._player.start(self._wav if self.volume >= 100 else
                                   scaled_wav(self._wav, self.volume, self._cache_dir()))
                return
            except OSError as e:  # the scaled copy could not be written
                self._player_failed(str(e))
                return
        self._beep()
        self._beeper.start()

    def _cache_dir(self) -> Path:
        if self._cache is None:
            self._cache = Path(tempfile.mkdtemp(prefix="emergency-desk-sounds-"))
        return self._cache

    def _stop(self) -> None:
        self._beeper.stop()
        if self._player is not None:
            self._player.stop()

    def _player_failed(self, why: str) -> None:
        """The player cannot play here: the beep takes over, for the rest of the session."""
        self._player = None
        self._fall_back(self.tr("The alarm sound could not be played ({0}): the alarm "
                                "beeps instead.").format(why))
        if self.playing:
            self._beep()
            self._beeper.start()

    def _fall_back(self, reason: str) -> None:
        if self.fallback_reason:
            return  # said once
        self.fallback_reason = reason
        log.warning("%s", reason)
        self.fell_back.emit(reason)
