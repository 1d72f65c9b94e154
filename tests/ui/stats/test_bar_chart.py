from PySide6.QtGui import QColor, QFont

from ui.stats.bar_chart import BarChart, Series


def chart(qtbot):
    widget = BarChart(object_name="chart")
    qtbot.addWidget(widget)
    widget.resize(400, 200)
    return widget


def test_the_numbers_are_read_out_as_well_as_drawn(qtbot):
    widget = chart(qtbot)
    widget.set_bars(["2026-10", "2026-11"], [Series("超时未报", (3, 0), "#b71c1c"),
                                             Series("迟报", (5, 2), "#ef6c00")])
    assert widget.accessibleDescription() == ("2026-10: 超时未报 3, 迟报 5; "
                                              "2026-11: 超时未报 0, 迟报 2")
    assert widget.toolTip().splitlines()[1] == "2026-11: 超时未报 0, 迟报 2"


def test_the_longest_bar_is_the_biggest_number_and_an_empty_chart_says_so(qtbot):
    widget = chart(qtbot)
    widget.set_bars(["火灾与安全事故", "财物与治安"], [Series("", (4, 2), "#1565c0")])
    image = widget.grab().toImage()
    blue = QColor("#1565c0").rgb()

    def bar_length(row: int) -> int:
        y = int(4 + (row + 0.5) * widget._row_height())
        return sum(1 for x in range(image.width()) if image.pixel(x, y) == blue)

    assert bar_length(0) > 0 and abs(bar_length(0) - 2 * bar_length(1)) <= 2
    widget.set_bars([], [], empty_text="本期无事件。")
    assert widget.accessibleDescription() == "本期无事件。"
    widget.grab()  # paints the text, no bars


def test_rows_grow_with_the_text_size(qtbot):
    widget = chart(qtbot)
    widget.set_bars([f"2026-{m:02d}" for m in range(1, 13)], [Series("", (1,) * 12, "#000")])
    normal = widget.sizeHint().height()
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    widget.setFont(font)
    assert widget.sizeHint().height() > normal * 1.15
