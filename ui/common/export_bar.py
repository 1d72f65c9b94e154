"""ExportBar: the slim bar under a screen that makes a PDF — "Making the PDF… page 3", then
"Saved …" with [Open] [Open folder], or why it failed. The window keeps answering meanwhile:
the PDF is written by the desk's PdfExport in its worker thread.

Printing writes the PDF the same way, then opens Qt's print preview of it over the screen
(print_preview.py); with no printer, or a PDF the preview cannot read, the system's viewer
takes it instead and the bar says why.

Several screens share the one exporter; each bar shows only the jobs it started.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.common.pdf_export import PdfTools, PreviewUnavailable
from ui.common.pdf_jobs import PdfJob

SAVE, PRINT = "save", "print"
PRINT_KEY = "Ctrl+P"  # the print button's key on every screen with an ExportBar


class ExportBar(QFrame):
    shown = Signal(str)  # the state shown: "working", "saved", "printed", "failed"

    def __init__(self, *, tools: PdfTools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportBar")
        self.tools = tools
        self.state = ""
        self.path: Path | None = None  # the last file made
        self.preview: QWidget | None = None  # the print preview this bar opened
        self._jobs: dict[str, str] = {}  # file -> SAVE or PRINT, for the jobs of this bar
        self._current: str | None = None  # the file the exporter is writing for this bar
        self.message = QLabel(objectName="exportMessage")
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the PDF"), objectName="exportOpen")
        self.open_button.clicked.connect(lambda: self.path and self.tools.open_file(self.path))
        self.folder_button = QPushButton(self.tr("Open folder"), objectName="exportOpenFolder")
        self.folder_button.clicked.connect(
            lambda: self.path and self.tools.open_folder(self.path))
        self.close_button = QPushButton(self.tr("Close"), objectName="exportClose")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.message, 1)
        for button in (self.open_button, self.folder_button, self.close_button):
            layout.addWidget(button)
        exporter = tools.exporter
        exporter.started.connect(self._started)
        exporter.progressed.connect(self._progressed)
        exporter.finished.connect(self._finished)
        exporter.failed.connect(self._failed)
        self.hide()

    # -- starting --------------------------------------------------------------------------
    def save(self, job: PdfJob) -> bool:
        """Ask where to save (the dialog blocks nothing), then write the PDF there in the
        background."""
        self.tools.ask_path(self.window(), job.title, job.name,
                            lambda path: self._start(path, job, SAVE))
        return True

    def print(self, job: PdfJob) -> bool:
        """Write the PDF into the print folder, then open the print preview of it (or, when
        it cannot open, hand the file to the system's viewer)."""
        folder = self.tools.print_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self._show("failed", self.tr("Cannot print: the folder {0} cannot be made ({1}).")
                       .format(str(folder), e.strerror or str(e)))
            return False
        self._start(folder / job.name, job, PRINT)
        return True

    def _start(self, path: Path, job: PdfJob, kind: str) -> None:
        self._jobs[str(path)] = kind
        self._show("working", self.tr("Waiting for the PDF being made…")
                   if self.tools.exporter.busy else self.tr("Making the PDF…"))
        self.tools.exporter.start(path, job.render)

    # -- what the exporter tells -----------------------------------------------------------
    def _started(self, path: str) -> None:
        if path in self._jobs:
            self._current = path
            self._show("working", self.tr("Making the PDF…"))

    def _progressed(self, pages: int) -> None:
        if self._current:
            self._show("working", self.tr("Making the PDF… page {0}").format(pages))

    def _finished(self, path: str) -> None:
        kind = self._jobs.pop(path, None)
        if kind is None:
            return
        self._current = None
        self.path = Path(path)
        if kind == SAVE:
            self._show("saved", self.tr("Saved {0}").format(path))
        else:
            self._open_preview(self.path)

    def _open_preview(self, path: Path) -> None:
        if self.preview is not None:  # one preview per bar: the newer replaces the older
            self.preview.close()
            self.preview.deleteLater()
            self.preview = None
        try:
            self.preview = self.tools.preview(self, path, self.tools.open_file)
        except PreviewUnavailable as e:
            self._print_with_viewer(path, str(e))
            return
        self._show("printed", self.tr("Print preview of {0} open: choose the printer there.")
                   .format(path.name))

    def _print_with_viewer(self, path: Path, why: str) -> None:
        if self.tools.print_file(path):
            self._show("printed", why + " " + self.tr(
                "Sent to print through the system's PDF viewer: {0}. If the viewer opens, "
                "print from there.").format(path.name))
        else:
            self._show("failed", why + " " + self.tr(
                "No PDF viewer could take the file to print it. It is saved as {0}: open it "
                "and print from there.").format(str(path)))

    def _failed(self, message: str) -> None:
        if self._current is None:
            return
        self._jobs.pop(self._current, None)
        self._current = None
        self.path = None  # nothing new was written
        self._show("failed", message)

    def _show(self, state: str, text: str) -> None:
        self.state = state
        self.message.setText(text)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
        has_file = state in ("saved", "printed") or (state == "failed" and self.path is not None
                                                    and self.path.is_file())
        self.open_button.setVisible(has_file)
        self.folder_button.setVisible(has_file)
        self.show()
        self.shown.emit(state)
