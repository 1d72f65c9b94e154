"""The floor for the start-up benchmark: a bare PySide6 main window, shown as main.py shows
the desk (maximised), printing the time of its first paint."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class QuitOnPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted at: {time.time():.3f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("应急处置台"))
watcher = QuitOnPaint()
window.installEventFilter(watcher)
window.resize(app.primaryScreen().availableGeometry().size())
window.showMaximized()
sys.exit(app.exec())
