"""StatsLoader: reads a period's statistics in a worker thread — a quarter of a ten-year
file takes 100-200 ms, and the desk's timers and alarm must never wait on it. Only the
newest request is delivered: a period clicked past while its numbers were being read is
dropped."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from models.stats.figures import Statistics
from models.stats.period import Period

log = logging.getLogger(__name__)

Read = Callable[[Period, str], Statistics]  # runs in the worker: its own connection


class StatsLoader(QObject):
    loaded = Signal(object)  # Statistics
    failed = Signal(str)  # what went wrong, for the screen to say
    _done = Signal(int, object, str)  # from the worker: request number, figures, error

    def __init__(self, *, read: Read, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self._asked = 0
        self._delivered = 0
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stats")
        self._done.connect(self._deliver)  # queued: delivered on the GUI thread
        self.destroyed.connect(lambda: self._executor.shutdown(wait=True,
                                                               cancel_futures=True))

    @property
    def busy(self) -> bool:
        """A request not yet answered."""
        return self._asked != self._delivered

    def load(self, period: Period, hall: str) -> None:
        self._asked += 1
        self._executor.submit(self._run, self._asked, period, hall)

    def _run(self, number: int, period: Period, hall: str) -> None:  # the worker thread
        try:
            figures = self._read(period, hall)
        except Exception as e:  # a damaged file, a bug: said on the screen, kept in the log
            log.exception("statistics of %s failed", period.label)
            self._done.emit(number, None, str(e) or type(e).__name__)
            return
        self._done.emit(number, figures, "")

    def _deliver(self, number: int, figures: Statistics | None, error: str) -> None:
        self._delivered = number
        if number != self._asked:
            return  # another period was asked for meanwhile
        if figures is None:
            self.failed.emit(error)
        else:
            self.loaded.emit(figures)
