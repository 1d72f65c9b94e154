"""Ways to play the bundled alarm WAV in a loop, one per platform, chosen once at start.

- Windows: the standard library's winsound (loops by itself).
- Linux: the sound server's own client as a subprocess — `pw-play` (PipeWire), `paplay`
  (PulseAudio, also served by PipeWire), else `aplay` (ALSA) — restarted each time it ends.
- macOS: `afplay`, which ships with the system.
QtMultimedia (QSoundEffect) is in PySide6-Addons, a second large wheel the desk does not
otherwise need (and its FFmpeg backend for the bundle); the Python audio libraries are either
unmaintained (simpleaudio, playsound) or pull in PortAudio and numpy (sounddevice). Volume is
applied by playing a copy of the WAV scaled to it, so every player honours it alike.
"""

from __future__ import annotations

import os
import shutil
import sys
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

LINUX_PLAYERS = ("pw-play", "paplay", "aplay")


def scaled_wav(source: Path, volume: int, folder: Path) -> Path:
    """A copy of a 16-bit PCM WAV at `volume` percent (100: the file itself)."""
    if volume >= 100:
        return source
    target = folder / f"{source.stem}-{volume}.wav"
    if target.exists():
        return target
    with wave.open(str(source)) as w:
        params, frames = w.getparams(), w.readframes(w.getnframes())
    if params.sampwidth != 2:
        return source  # not 16-bit: played as it is
    samples = array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()  # WAV data is little-endian
    samples = array("h", (int(s * volume / 100) for s in samples))
    if sys.byteorder == "big":
        samples.byteswap()
    folder.mkdir(parents=True, exist_ok=True)
    part = target.with_suffix(".part")
    with wave.open(str(part), "wb") as out:
        out.setparams(params)
        out.writeframes(samples.tobytes())
    os.replace(part, target)  # whole or not there: a kill never leaves half a file to reuse
    return target


class WinsoundPlayer(QObject):
    failed = Signal(str)
    name = "winsound"

    def start(self, wav: Path) -> None:
        import winsound

        winsound.PlaySound(str(wav), winsound.SND_FILENAME | winsound.SND_ASYNC
                           | winsound.SND_LOOP)

    def stop(self) -> None:
        import winsound

        winsound.PlaySound(None, 0)


class CommandPlayer(QObject):
    """Plays the WAV with a command-line player, again each time it ends, until stopped.
    A player that cannot start or ends in error (no sound server, no device) fails once."""

    failed = Signal(str)

    def __init__(self, program: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = Path(program).name
        self._program = program
        self._wav: Path | None = None
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self._process.finished.connect(self._ended)
        self._process.errorOccurred.connect(self._error)

    def start(self, wav: Path) -> None:
        self._wav = wav
        if self._process.state() == QProcess.ProcessState.NotRunning:
            self._process.start(self._program, ["-q", str(wav)] if self.name == "aplay"
                                else [str(wav)])

    def stop(self) -> None:
        self._wav = None
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(500)

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._wav is None:
            return  # stopped
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            said = bytes(self._process.readAll().data()).decode(errors="replace").strip()
            self._wav = None
            last = said.splitlines()[-1] if said else str(code)
            self.failed.emit(last if last.startswith(self.name) else f"{self.name}: {last}")
            return
        self.start(self._wav)  # once more, until acknowledged

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._wav is not None:
            self._wav = None
            self.failed.emit(f"{self.name}: {self._process.errorString()}")


def find_player(platform: str = sys.platform,
                which: Callable[[str], str | None] = shutil.which) -> QObject | None:
    """The platform's player, or None when it has none (the alarm then only beeps)."""
    if platform == "win32":
        return WinsoundPlayer()
    names = ("afplay",) if platform == "darwin" else LINUX_PLAYERS
    for name in names:
        if (path := which(name)) is not None:
            return CommandPlayer(path)
    return None
