"""The day button is restyled only when the day type changes: every deadline change (each
press) sets the day again, and a restyle there cost the press a repaint of the button."""

from ui.window.timer_panel import TimerPanel


class CountedStyle:
    """The button's style, counting the restyles asked of it."""

    def __init__(self, style) -> None:
        self._style = style
        self.polished = 0

    def unpolish(self, widget) -> None:
        self._style.unpolish(widget)

    def polish(self, widget) -> None:
        self.polished += 1
        self._style.polish(widget)


def test_the_same_day_set_again_is_not_restyled_a_new_one_is(qtbot, shipped_catalog):
    panel = TimerPanel(catalog=shipped_catalog)
    qtbot.addWidget(panel)
    panel.set_day(False, True)
    style = CountedStyle(panel.day.style())
    panel.day.style = lambda: style  # what set_day asks for
    panel.set_day(False, True)
    assert style.polished == 0
    panel.set_day(True, True)
    assert style.polished == 1 and panel.day.property("holiday") is True
    panel.set_day(True, False)  # the text changes ("no data for this year"), not the colour
    assert style.polished == 1 and "▾" in panel.day.text()
    panel.set_day(False, True)
    assert style.polished == 2 and panel.day.property("holiday") is False
