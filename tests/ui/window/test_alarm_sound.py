from datetime import timedelta

from ui.window.alarm_sound import AlarmSound
from ui.window.timer_panel import format_countdown


def test_sound_repeats_until_stopped_and_respects_the_setting(qtbot):
    sound = AlarmSound(enabled=True)
    sound.set_playing(True)
    assert sound.playing and sound._beeper.isActive()
    sound.set_enabled(False)  # turned off in the settings while alarming: silent at once
    assert not sound.playing and not sound._beeper.isActive()
    sound.set_enabled(True)  # turned on again while the alarm still stands: sounds again
    assert sound.playing and sound._beeper.isActive()
    sound.set_playing(False)  # acknowledged
    assert not sound.playing and not sound._beeper.isActive()
    sound.set_enabled(False)
    sound.set_playing(True)
    assert not sound.playing


def test_countdown_format():
    assert format_countdown(timedelta(minutes=5)) == "05:00"
    assert format_countdown(timedelta(seconds=-67)) == "+01:07"
    assert format_countdown(timedelta(hours=24)) == "24:00:00"
    assert format_countdown(timedelta(hours=-1, seconds=-5)) == "+1:00:05"
