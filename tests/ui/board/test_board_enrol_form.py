"""The board's first run: the form enrols on a worker thread and says a refusal."""

from models.services.board_enrolment import BoardEnrolment, EnrolRefused
from ui.board.board_enrol_form import BoardEnrolForm

DONE = BoardEnrolment("http://h:1", "edk1.t", "b1", "看板", "城东营业厅")


def fill(form, hub="http://h:1", code="K7QF2-9XMAB"):
    form.hub.setText(hub)
    form.code.setText(code)


def test_enrolled_hands_on_the_enrolment(qtbot):
    asked = []
    form = BoardEnrolForm(enrol=lambda *a: asked.append(a) or DONE)
    qtbot.addWidget(form)
    fill(form)
    with qtbot.waitSignal(form.enrolled) as got:
        form.button.click()
    assert got.args == [DONE]
    assert asked == [("http://h:1", "K7QF2-9XMAB", "值班室看板")]


def test_a_used_code_is_said_in_words_and_the_form_stays(qtbot):
    def refuse(*_):
        raise EnrolRefused("bad_code", "the code is unknown, used or expired")

    form = BoardEnrolForm(enrol=refuse)
    qtbot.addWidget(form)
    fill(form)
    form.button.click()
    qtbot.waitUntil(lambda: form.button.isEnabled())
    assert "登记码无效" in form.message.text()


def test_nothing_is_asked_with_a_field_empty(qtbot):
    asked = []
    form = BoardEnrolForm(enrol=lambda *a: asked.append(a) or DONE)
    qtbot.addWidget(form)
    fill(form, code="")
    form.button.click()
    assert asked == [] and form.button.isEnabled()
    assert form.message.text()
