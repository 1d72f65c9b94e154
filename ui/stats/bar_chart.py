"""BarChart: horizontal bars painted with QPainter — a name per row, one bar per series, the
number written after each bar. Rows grow with the text size (130 % stays legible), long
Chinese names are never crowded under a bar, and the numbers are also in the widget's
accessible description (the screen shows them in a table beside it as well).

Why painted here and not a chart library: Qt Charts is deprecated since Qt 6.10 and lives in
PySide6-Addons (a second 40 MB wheel) on the Graphics View framework; Qt Graphs needs Qt
Quick, which the bundle leaves out; pyqtgraph brings numpy and draws in a GraphicsView that a
screen reader cannot read. QPainter is in PySide6-Essentials, the best kept part of Qt, draws
the same on Windows with or without a GPU (remote desktops), and takes the desk's font.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

PADDING = 4  # px around the chart and between a bar and its number


@dataclass(frozen=True)
class Series:
    name: str  # shown in the legend when there are several
    values: tuple[int, ...]  # one a row
    color: str


class BarChart(QWidget):
    def __init__(self, *, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.names: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.marked: frozenset[int] = frozenset()  # rows in bold (the period's months)
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, names: list[str], series: list[Series], *, marked=(),
                 empty_text: str = "") -> None:
        self.names, self.series = tuple(names), tuple(series)
        self.marked, self.empty_text = frozenset(marked), empty_text
        lines = [f"{name}: " + ", ".join(
            (f"{s.name} {s.values[i]}" if len(series) > 1 else str(s.values[i])) for s in series)
            for i, name in enumerate(names)]
        self.setAccessibleDescription("; ".join(lines) or empty_text)
        self.setToolTip("\n".join(lines))
        self.updateGeometry()
        self.update()

    # -- size ------------------------------------------------------------------------------
    def _row_height(self) -> int:
        return self.fontMetrics().height() + PADDING * (1 + len(self.series))

    def _legend_height(self) -> int:
        return self.fontMetrics().height() + PADDING if len(self.series) > 1 else 0

    def sizeHint(self) -> QSize:
        rows = max(1, len(self.names))
        return QSize(360, self._legend_height() + rows * self._row_height() + 2 * PADDING)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        if not self.names or not any(any(s.values) for s in self.series):
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        top = PADDING + self._legend(painter)
        label_width = min(max(fm.horizontalAdvance(n) for n in self.names) + 2 * PADDING,
                          int(self.width() * 0.4))
        biggest = max(max(s.values, default=0) for s in self.series) or 1
        number_width = fm.horizontalAdvance(str(biggest)) + 2 * PADDING
        room = max(1, self.width() - label_width - number_width - 2 * PADDING)
        row = self._row_height()
        bar = (row - 2 * PADDING) / len(self.series)
        bold = QFont(self.font())
        bold.setBold(True)
        for index, name in enumerate(self.names):
            y = top + index * row
            painter.setFont(bold if index in self.marked else self.font())
            painter.setPen(self.palette().windowText().color())
            label = QRectF(PADDING, y, label_width - 2 * PADDING, row)
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(name, Qt.TextElideMode.ElideRight,
                                           label_width - 2 * PADDING))
            for n, series in enumerate(self.series):
                value = series.values[index]
                length = room * value / biggest
                rect = QRectF(label_width, y + PADDING + n * bar, length, bar - 1)
                painter.fillRect(rect, QColor(series.color))
                text = QRectF(label_width + length + PADDING, rect.y(), number_width,
                              rect.height())
                painter.drawText(text, Qt.AlignmentFlag.AlignLeft
                                 | Qt.AlignmentFlag.AlignVCenter, str(value))

    def _legend(self, painter: QPainter) -> int:
        """The series' names with their colours, across the top; its height."""
        height = self._legend_height()
        if not height:
            return 0
        fm, x = self.fontMetrics(), PADDING
        for series in self.series:
            swatch = fm.height() - 2 * PADDING
            painter.fillRect(QRectF(x, PADDING + PADDING, swatch, swatch), QColor(series.color))
            x += swatch + PADDING
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(x, PADDING, fm.horizontalAdvance(series.name) + PADDING,
                                    fm.height()), Qt.AlignmentFlag.AlignVCenter, series.name)
            x += fm.horizontalAdvance(series.name) + 4 * PADDING
        return height
