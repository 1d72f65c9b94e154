"""PdfExport: writes a PDF in a worker thread while the desk keeps answering.

The caller first reads what it needs from the database on the GUI thread into plain data (a
DailyLog, an IncidentRecord, contact lines...) and hands over a render function from reports/
that turns it into a file; only that rendering runs in the worker. Pages laid out come back
as progress; any failure becomes one plain message (`failed`), never a traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from models.clock import hall_time
from reports.words import Words  # no reportlab: cheap
from ui.common.file_dialogs import Chosen, ask_save_file
from ui.common.preview_errors import PreviewUnavailable

__all__ = ["PdfExport", "PdfTools", "PreviewUnavailable", "Render", "ask_save_path", "open_folder",
           "open_with_viewer", "preview_to_print", "print_folder", "send_to_printer"]

# reports/ (reportlab) is imported when the first PDF is made, not at start-up: it costs
# ~0.4 s to import and the desk must open fast.
Render = Callable[[Path, Callable[[int], None]], object]  # writes the PDF, telling pages done

if TYPE_CHECKING:  # asyncio is loaded with the first export, not while the desk starts
    import asyncio

log = logging.getLogger(__name__)


def ask_save_path(parent: QWidget | None, title: str, suggested: str, then: Chosen) -> object:
    """The standard save dialog, starting in the Documents folder, not modal: `then(path)`
    once a file is chosen, nothing when cancelled."""
    return ask_save_file(parent, title, suggested, ".pdf", then)


def open_with_viewer(path: Path) -> bool:
    """Show the file in the system's PDF viewer (from there it can also be printed)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(path: Path) -> bool:
    """Show the folder holding the file in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def print_folder() -> Path:
    """Where PDFs made only to be printed are written (the user's temporary folder)."""
    temp = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    return Path(temp) / "emergency-desk-print"


def preview_to_print(parent: QWidget | None, path: Path,
                     open_in_viewer: Callable[[Path], object]) -> QWidget:
    """Qt's print preview of `path` over the screen area `parent` is in (print_preview.py,
    imported with the first preview: QtPrintSupport and PDFium are not needed at start-up);
    raises PreviewUnavailable."""
    from ui.common.print_preview import show_print_preview

    return show_print_preview(parent, path, open_in_viewer=open_in_viewer)


def send_to_printer(path: Path) -> bool:
    """Print through the system: Windows hands the file to the PDF viewer's print verb;
    elsewhere the viewer opens and the user prints from it."""
    if sys.platform.startswith("win"):
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
            return True
        except OSError:
            pass  # no viewer registered for printing: open it instead
    return open_with_viewer(path)


class PdfExport(QObject):
    started = Signal(str)  # the file being written
    progressed = Signal(int)  # pages laid out so far
    finished = Signal(str)  # the file written
    failed = Signal(str)  # a message for the user: what is wrong, what to do

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One export at a time, in order; the thread ends with the desk.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self._tasks: set[asyncio.Task] = set()
        self.destroyed.connect(lambda: self._executor.shutdown(wait=False))

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def start(self, path: Path, render: Render) -> asyncio.Task:
        """Write `path` in the background; the returned task resolves to the path or None."""
        import asyncio

        task = asyncio.ensure_future(self.run(Path(path), render))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def run(self, path: Path, render: Render) -> Path | None:
        import asyncio

        loop = asyncio.get_running_loop()

        def progress(pages: int) -> None:  # called in the worker thread
            loop.call_soon_threadsafe(self.progressed.emit, pages)

        from reports.document import ReportError

        self.started.emit(str(path))
        try:
            await loop.run_in_executor(self._executor, render, path, progress)
        except ReportError as e:
            self.failed.emit(self.problem_text(e))
            return None
        except Exception as e:  # a bug: keep the details for support, tell the user plainly
            log.exception("PDF export to %s failed", path)
            self.failed.emit(self.tr("The PDF could not be made: {0}. Nothing was written to "
                                     "{1}.").format(str(e) or type(e).__name__, str(path)))
            return None
        self.finished.emit(str(path))
        return path

    def problem_text(self, error) -> str:
        """A reports.document.ReportError in the desk's language."""
        texts = {
            "no_folder": self.tr("The folder {0} does not exist. Choose an existing folder."),
            "folder_not_writable": self.tr("Cannot write in the folder {0} ({1}). Choose a "
                                           "folder you can write to."),
            "file_not_writable": self.tr("Cannot write {0} ({1}). Check that the file is not "
                                         "open in another program and that the folder is "
                                         "writable."),
            "not_a_pdf": self.tr("{0} exists and is not a PDF (it may be the database, a backup "
                                 "or other data). It was left untouched. Choose another file "
                                 "name for the PDF."),
            "beside_database": self.tr("{0} is a name the database keeps beside it. Nothing "
                                       "was written. Choose another file name for the PDF."),
        }
        text = texts.get(error.problem)
        return text.format(error.where, error.reason) if text else str(error)


@dataclass
class PdfTools:
    """What the export and print buttons share: the one exporter of the desk (one PDF at a
    time, so fonts are never registered by two threads at once), who and when to print as
    "generated", and the system dialogs, replaceable by tests."""

    exporter: PdfExport
    generated_by: Callable[[], str]  # e.g. the clerk on duty
    now: Callable[[], datetime]
    language: Callable[[], str] = lambda: "zh_CN"
    zone: ZoneInfo = hall_time.DEFAULT_ZONE  # the hall's: documents print its times
    ask_path: Callable[[QWidget | None, str, str, Chosen], object] = ask_save_path
    open_file: Callable[[Path], bool] = open_with_viewer
    open_folder: Callable[[Path], bool] = open_folder
    print_file: Callable[[Path], bool] = send_to_printer  # the fallback: the system viewer
    preview: Callable[[QWidget | None, Path, Callable[[Path], object]], QWidget] = \
        preview_to_print
    print_dir: Callable[[], Path] = print_folder

    def stamp(self) -> dict:
        """The generated-at/by, the words and the hall's zone of a document, read on the GUI
        thread."""
        return {"generated_at": self.now(), "generated_by": self.generated_by(),
                "words": Words(self.language()), "zone": self.zone}
