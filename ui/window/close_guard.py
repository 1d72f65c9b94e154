"""CloseGuard: closing the desk while incidents run or deadlines are open asks first.

A closed desk rings no alarm: a deadline missed while it is closed is only noticed when it is
opened again. So the window's close button, while anything runs, asks — minimise (the default:
the desk keeps watching), quit all the same, or keep it open. The question is not modal: the
alarm and 110 / 119 / 120 keep working while it is open. With nothing running the desk quits
at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class CloseGuard(QObject):
    def __init__(self, *, window: QWidget, running: Callable[[], tuple[int, int]]) -> None:
        """`running()`: (incidents running, deadlines open) now."""
        super().__init__(window)
        self._window = window
        self._running = running
        self._quitting = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._window and event.type() == QEvent.Type.Close
                and not self._quitting and self._anything_running()):
            event.ignore()
            self.ask()
            return True
        return False

    def let_close(self) -> None:
        """The next close is not asked about: the desk starts again at once (a new plan
        version applied), the incidents running carry on in the new desk."""
        self._quitting = True

    def _anything_running(self) -> bool:
        """A desk that cannot even count (its database failed) closes without asking."""
        try:
            return any(self._running())
        except Exception:
            return False

    def question(self) -> QMessageBox | None:
        return self._window.findChild(QMessageBox, "closeQuestion")

    def ask(self) -> None:
        if (shown := self.question()) is not None:  # asked already: the same question
            shown.raise_()
            shown.activateWindow()
            return
        incidents, deadlines = self._running()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close the desk?"), self.tr(
            "{0} incident(s) running, {1} deadline(s) open. A closed desk rings no alarm: "
            "nothing is heard until it is opened again. Minimise it instead?").format(
                incidents, deadlines), QMessageBox.StandardButton.NoButton, self._window)
        box.setObjectName("closeQuestion")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.finished.connect(lambda _result: (box.setObjectName(""), box.deleteLater()))
        minimise = box.addButton(self.tr("Minimise (keep watching)"),
                                 QMessageBox.ButtonRole.AcceptRole)
        minimise.setObjectName("minimiseButton")
        quit_anyway = box.addButton(self.tr("Quit all the same"),
                                    QMessageBox.ButtonRole.DestructiveRole)
        quit_anyway.setObjectName("quitButton")
        keep = box.addButton(self.tr("Keep it open"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepOpenButton")
        box.setDefaultButton(minimise)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda button: self._answered(button, minimise, quit_anyway))
        box.show()
        box.raise_()
        box.activateWindow()

    def _answered(self, button, minimise, quit_anyway) -> None:
        if button is minimise:
            self._window.showMinimized()
        elif button is quit_anyway:
            self._quitting = True
            self._window.close()
