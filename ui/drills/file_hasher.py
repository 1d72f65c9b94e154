"""FileHasher: the SHA-256 of a file to attach, and the check of files attached before, in a
worker thread (a drill's video can be gigabytes: the desk, its alarm and 110 / 119 / 120
keep answering). Results come back as signals on the GUI thread; nothing here touches the
database."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from models.drills.file_hashes import AttachmentRefused, file_state, hash_file
from models.services.drills import Attachment


class FileHasher(QObject):
    hashed = Signal(object)  # Hashed
    refused = Signal(str)  # AttachmentRefused code: not_a_file, unreadable
    progressed = Signal(int, int)  # bytes read, of total
    checked = Signal(object)  # {attachment id: "ok" | "changed" | "missing"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hash")
        self.destroyed.connect(lambda: self._executor.shutdown(wait=False))

    def hash(self, path: Path | str) -> None:
        self._executor.submit(self._hash, Path(path))

    def check(self, attachments: list[Attachment]) -> None:
        self._executor.submit(self._check, list(attachments))

    def _hash(self, path: Path) -> None:  # in the worker: signals are queued to the GUI
        try:
            self.hashed.emit(hash_file(path, progress=self.progressed.emit))
        except AttachmentRefused as e:
            self.refused.emit(e.code)

    def _check(self, attachments: list[Attachment]) -> None:
        self.checked.emit({a.id: file_state(a.path, a.size, a.sha256) for a in attachments})
