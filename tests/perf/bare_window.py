"""The baseline for the start-up benchmark: a bare PySide6 window, shown until painted."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class QuitOnPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted at: {time.time():.3f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QLabel("应急处置台")
watcher = QuitOnPaint()
window.installEventFilter(watcher)
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
