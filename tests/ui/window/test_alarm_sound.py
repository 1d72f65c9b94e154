import wave
from array import array
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from models.clock.clocks import FakeClock
from models.store.paths import resource_path
from models.store.settings import SettingsStore
from tests.helpers.hall import HALL
from ui.window.alarm_sound import AlarmSound
from ui.window.desk import build_desk
from ui.window.settings_page import SettingsPage
from ui.window.sound_players import CommandPlayer, WinsoundPlayer, find_player, scaled_wav
from ui.window.timer_panel import format_countdown

WAV = Path(resource_path("resources/sounds/alarm.wav"))


class FakePlayer(QObject):
    failed = Signal(str)
    name = "fake"

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, object]] = []

    def start(self, wav: Path) -> None:
        self.calls.append(("start", wav))

    def stop(self) -> None:
        self.calls.append(("stop", None))


def test_sound_repeats_until_stopped_and_respects_the_setting(qtbot):
    sound = AlarmSound(enabled=True, beep=lambda: None)
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


def test_the_wav_loops_through_the_player_until_acknowledged(qtbot, tmp_path):
    player = FakePlayer()
    beeps = []
    sound = AlarmSound(player=player, beep=lambda: beeps.append(1), cache_dir=tmp_path)
    sound.set_playing(True)
    assert player.calls == [("start", WAV)] and not sound._beeper.isActive()
    sound.set_playing(True)  # a second miss while ringing: one loop, not two
    assert player.calls == [("start", WAV)]
    sound.set_playing(False)
    assert player.calls[-1] == ("stop", None) and beeps == []


def test_no_player_beeps_and_says_so_once(qtbot):
    beeps, said = [], []
    sound = AlarmSound(player=None, beep=lambda: beeps.append(1))
    sound.fell_back.connect(said.append)
    for _ in range(3):
        sound.set_playing(True)
        sound.set_playing(False)
    assert beeps == [1, 1, 1]
    assert len(said) == 1 and "蜂鸣" in said[0]


def test_a_player_that_fails_gives_way_to_the_beep_and_says_so_once(qtbot, tmp_path):
    player = FakePlayer()
    beeps, said = [], []
    sound = AlarmSound(player=player, beep=lambda: beeps.append(1), cache_dir=tmp_path)
    sound.fell_back.connect(said.append)
    sound.set_playing(True)
    player.failed.emit("paplay: Connection refused")  # no sound server
    assert beeps == [1] and sound._beeper.isActive()
    assert len(said) == 1 and "Connection refused" in said[0]
    sound.set_playing(False)
    sound.set_playing(True)
    assert len(said) == 1 and sound._beeper.isActive()
    sound.set_playing(False)


def test_a_missed_deadline_starts_the_loop_and_f9_stops_it(qtbot, tmp_path, shipped_catalog,
                                                           desk_db):
    player = FakePlayer()
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    clock = FakeClock(datetime(2026, 11, 20, 12, 0, tzinfo=HALL))
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock,
                      confirm=lambda parent, title, text, then: then(), sound_player=lambda: player)
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.start()
    qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
    clock.advance(minutes=4, seconds=59)
    desk.deadlines.tick()
    assert player.calls == []
    clock.advance(seconds=2)
    desk.deadlines.tick()
    assert [c for c, _ in player.calls] == ["start"]
    desk.alarm_banner.acknowledge.emit()  # what F9 and the banner's button do
    assert [c for c, _ in player.calls] == ["start", "stop"]


def test_the_volume_plays_a_scaled_copy(tmp_path):
    assert scaled_wav(WAV, 100, tmp_path) == WAV
    half = scaled_wav(WAV, 50, tmp_path)
    with wave.open(str(WAV)) as a, wave.open(str(half)) as b:
        loud = array("h", a.readframes(a.getnframes()))
        soft = array("h", b.readframes(b.getnframes()))
        assert b.getparams() == a.getparams()
    assert max(map(abs, soft)) == int(max(map(abs, loud)) * 50 / 100)


def test_each_platform_finds_its_player():
    found = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay", "afplay": "/usr/bin/afplay"}
    assert find_player("linux", found.get).name == "paplay"
    assert find_player("linux", {"aplay": "/usr/bin/aplay"}.get).name == "aplay"
    assert find_player("linux", {}.get) is None
    assert find_player("darwin", found.get).name == "afplay"
    assert isinstance(find_player("win32", {}.get), WinsoundPlayer)


def test_a_command_player_plays_again_until_stopped(qtbot, tmp_path):
    """A real process each round: `true` ends at once and is started again."""
    player = CommandPlayer("true")
    rounds = []
    player._process.started.connect(lambda: rounds.append(1))
    player.start(WAV)
    qtbot.waitUntil(lambda: len(rounds) >= 3)
    player.stop()
    assert player._process.state() == player._process.ProcessState.NotRunning


@pytest.mark.parametrize("program", ["false", "/nonexistent/paplay"])
def test_a_command_player_that_cannot_play_fails(qtbot, program):
    player = CommandPlayer(program)
    with qtbot.waitSignal(player.failed) as failed:
        player.start(WAV)
    assert failed.args[0].startswith(Path(program).name)


def test_settings_tests_the_sound_at_the_chosen_volume(qtbot, tmp_path):
    asked = []
    page = SettingsPage(store=SettingsStore(tmp_path / "settings.json"),
                        test_sound=lambda volume: asked.append(volume) or "paplay")
    qtbot.addWidget(page)
    box = page._editors["alarm_volume"]
    box.setCurrentIndex(box.findData(50))
    qtbot.mouseClick(page.test_sound, Qt.MouseButton.LeftButton)
    assert asked == [50] and "paplay" in page.message.text()


def test_the_test_plays_then_stops_unless_an_alarm_stands(qtbot, tmp_path):
    player = FakePlayer()
    sound = AlarmSound(player=player, cache_dir=tmp_path)
    assert sound.test(50) == "fake"
    assert player.calls[0][0] == "start" and player.calls[0][1] != WAV  # the scaled copy
    with qtbot.waitSignal(sound._test_end.timeout, timeout=5000):
        pass
    assert player.calls[-1] == ("stop", None) and not sound.playing
    sound.set_playing(True)
    sound.test(100)
    sound._test_end.stop()
    sound._test_end.timeout.emit()
    assert sound.playing  # the alarm still stands: it goes on
    sound.set_playing(False)


def test_countdown_format():
    assert format_countdown(timedelta(minutes=5)) == "05:00"
    assert format_countdown(timedelta(seconds=-67)) == "+01:07"
    assert format_countdown(timedelta(hours=24)) == "24:00:00"
    assert format_countdown(timedelta(hours=-1, seconds=-5)) == "+1:00:05"


def test_a_test_that_fails_says_so_in_settings(qtbot, tmp_path, shipped_catalog, desk_db):
    """The test said "playing through aplay" while aplay failed (no sound device) and the
    alarm fell back to the beep: the failure now replaces it, where the test was pressed."""
    player = FakePlayer()
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store,
                      clock=FakeClock(datetime(2026, 11, 20, 12, 0, tzinfo=HALL)),
                      sound_player=lambda: player)
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.window.show_screen("settings")
    page = desk.window.findChild(SettingsPage)
    qtbot.mouseClick(page.test_sound, Qt.MouseButton.LeftButton)
    assert "fake" in page.message.text()
    player.failed.emit("aplay: audio open error")
    assert "aplay: audio open error" in page.message.text()
    desk.sound._test_end.stop()
    desk.sound.set_playing(False)


def test_a_test_at_another_volume_leaves_the_alarm_at_the_saved_one(qtbot, tmp_path):
    player = FakePlayer()
    sound = AlarmSound(player=player, cache_dir=tmp_path, volume=100)
    sound.test(25)  # chosen in Settings, not saved
    sound._test_end.stop()
    sound._test_end.timeout.emit()
    sound.set_playing(True)  # a real miss
    assert player.calls[-1] == ("start", WAV)  # the unscaled file: volume 100
    sound.test(25)  # tried while the alarm rings: heard at 25 at once
    assert player.calls[-2:] == [("stop", None), ("start", scaled_wav(WAV, 25, tmp_path))]
    sound._test_end.stop()
    sound._test_end.timeout.emit()
    assert sound.playing and player.calls[-1] == ("start", WAV)  # back to the saved volume


def test_a_volume_saved_while_a_test_plays_is_the_alarm_s_after_it(qtbot, tmp_path):
    player = FakePlayer()
    sound = AlarmSound(player=player, cache_dir=tmp_path, volume=100)
    sound.test(25)
    sound.set_volume(50)  # Save pressed while the test plays
    sound._test_end.stop()
    sound._test_end.timeout.emit()
    sound.set_playing(True)
    assert player.calls[-1] == ("start", scaled_wav(WAV, 50, tmp_path))
