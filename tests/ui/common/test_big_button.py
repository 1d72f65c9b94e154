"""A tile's detail shows whole lines only, the last ending in "…" when text is left over."""

from PySide6.QtGui import QFont, QFontMetrics

from ui.common.big_button import fitting_lines

TEXT = "6 种情形：系统故障、热线故障、自助设备故障、设备故障、网络攻击、网络中断"


def test_everything_shows_when_it_fits():
    font = QFont()
    assert "".join(fitting_lines(TEXT, font, 2000, 500)) == TEXT


def test_only_whole_lines_and_the_last_elided():
    font = QFont()
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(TEXT) // 3 + 1  # about three lines
    two = 2 * metrics.lineSpacing()
    lines = fitting_lines(TEXT, font, width, two + metrics.lineSpacing() - 1)  # 2.99 lines
    assert len(lines) == 2
    assert lines[-1].endswith("…") and TEXT.startswith(lines[0])
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert len(fitting_lines(TEXT, font, width, two)) == 2  # exactly two lines' room


def test_one_line_at_least():
    font = QFont()
    lines = fitting_lines(TEXT, font, 80, 1)
    assert len(lines) == 1 and lines[0].endswith("…")
