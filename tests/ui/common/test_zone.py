"""Zone, ElidedLabel and FlowLayout: the parts the fixed zones are made of."""

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.elided_label import ElidedLabel
from ui.common.flow_layout import FlowLayout
from ui.common.zone import Zone


def column(qtbot, *widgets):
    box = QWidget()
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(box)
    box.resize(600, 400)
    box.show()
    qtbot.waitExposed(box)
    return box


def test_a_zone_keeps_its_height_and_shows_calm_while_uncovered(qtbot):
    calm = QLabel("calm")
    cover = QPushButton("a tall banner")
    cover.setMinimumHeight(80)
    cover.hide()
    zone = Zone(calm, cover, object_name="z")
    below = QPushButton("below")
    box = column(qtbot, zone, below)  # noqa: F841 (kept alive)
    top = below.y()
    assert calm.isVisible() and zone.height() >= 80
    cover.show()
    qtbot.waitUntil(lambda: not calm.isVisible())
    assert below.y() == top
    cover.hide()
    qtbot.waitUntil(calm.isVisible)
    assert below.y() == top


def test_elided_label_stays_one_line_and_keeps_the_whole_text(qtbot):
    label = ElidedLabel("短")
    box = column(qtbot, label)  # noqa: F841 (kept alive)
    height = label.height()
    long = "很长的报警文字" * 40
    label.setText(long)
    qtbot.waitUntil(lambda: label.height() == height)
    assert label.text() == long and label.toolTip() == long
    assert QLabel.text(label).endswith("…")  # what is painted is cut short
    assert label.minimumSizeHint().width() < 100


def test_flow_layout_needs_only_its_widest_button_and_wraps(qtbot):
    box = QWidget()
    flow = FlowLayout(box)
    buttons = [QPushButton("Report to read out  B"), QPushButton("Record form  R"),
               QPushButton("Handling finished")]
    for button in buttons:
        flow.addWidget(button)
    qtbot.addWidget(box)
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest
    one_row = flow.sizeHint().height()
    assert flow.heightForWidth(flow.sizeHint().width()) == one_row
    assert flow.heightForWidth(widest) > 2 * one_row  # one a row
