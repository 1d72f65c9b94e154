"""Where a problem is, said as the hall sees it: for a hall that runs an edition its own
numbering of a situation's steps, deadlines and thresholds, and another kind of hall's
said to be so (the draft holds the whole library)."""

from PySide6.QtCore import QCoreApplication

from ui.plans.plan_editor_words import place_text

NAMES = {"situation.fire": "营业场所发生火灾", "situation.gas_leak": "燃气泄漏"}
BANK = {("fire", "step"): (3, 7, 9), ("fire", "timer"): (1,), ("fire", "threshold"): ()}


def said(text):
    return QCoreApplication.translate("PlanEditor", text)


def test_a_kept_step_has_the_halls_number_not_the_librarys():
    assert said("step {0}").format(2) in place_text("situation.fire.step.7.text", NAMES, BANK)
    assert said("step {0}").format(8) in place_text("situation.fire.step.7.text", NAMES)
    assert said("deadline {0}").format(1) in place_text("situation.fire.timer.1.minutes",
                                                        NAMES, BANK)


def test_a_step_the_hall_does_not_see_is_another_kind_of_halls():
    for position, kind, words in ((8, "step", "a step of another kind of hall"),
                                  (0, "timer", "a deadline of another kind of hall"),
                                  (0, "threshold", "a threshold of another kind of hall")):
        place = place_text(f"situation.fire.{kind}.{position}.text", NAMES, BANK)
        assert said(words) in place
    assert said(" (another kind of hall's)") in place_text("situation.gas_leak.step.0.text",
                                                          NAMES, BANK)
    assert said(" (another kind of hall's)") not in place_text("situation.fire.step.3.text",
                                                              NAMES, BANK)
