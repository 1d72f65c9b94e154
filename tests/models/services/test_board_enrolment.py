"""The board's enrolment file: written whole and private (it holds the token), read back,
None before enrolling, a damaged file said in words."""

import stat

import pytest

from models.services.board_enrolment import (
    BoardEnrolment,
    BoardFileError,
    EnrolRefused,
    board_file,
    enrol,
    load,
    save,
)
from models.sync.client import HubUnreachable
from models.sync.protocol import HubError

ANSWER = {"desk_id": "b1", "token": "edk1.secret", "hub_id": "h1",
          "hall": {"id": "x", "name": "城东营业厅"}}


def test_saved_private_and_read_back(tmp_path):
    path = board_file(tmp_path / "data")
    assert load(path) is None
    enrolment = BoardEnrolment.from_answer("http://10.0.0.5:8770/", "值班室看板", ANSWER)
    save(path, enrolment)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load(path) == enrolment
    assert (enrolment.hub_url, enrolment.hall_name, enrolment.board_id) == (
        "http://10.0.0.5:8770", "城东营业厅", "b1")


def test_a_damaged_file_names_itself_and_the_way_out(tmp_path):
    path = board_file(tmp_path)
    path.write_text('{"hub_url": "http://x"}', encoding="utf-8")
    with pytest.raises(BoardFileError, match="board enrol"):
        load(path)


class Hub:
    def __init__(self, url, fail=None):
        self.url, self.fail, self.asked = url, fail, []

    def enrol(self, code, *, kind, name):
        self.asked.append((code, kind, name))
        if self.fail:
            raise self.fail
        return ANSWER


@pytest.mark.parametrize(("fail", "code"), [
    (HubError(403, "bad_code", {}), "bad_code"),
    (HubUnreachable("refused"), "unreachable")])
def test_a_refused_enrolment_says_what_to_do(fail, code):
    with pytest.raises(EnrolRefused) as refused:
        enrol("http://h:1", "k7qf2-9xmab", "看板", client=lambda url: Hub(url, fail))
    assert refused.value.code == code


def test_a_board_enrols_as_kind_board_with_the_code_as_typed_in_capitals():
    hubs = []
    enrolment = enrol(" http://h:1 ", " k7qf2-9xmab ", "看板",
                      client=lambda url: hubs.append(Hub(url)) or hubs[-1])
    assert hubs[0].url == "http://h:1"
    assert hubs[0].asked == [("K7QF2-9XMAB", "board", "看板")]
    assert enrolment.token == "edk1.secret"


def test_a_mistyped_address_is_refused_before_any_call():
    with pytest.raises(EnrolRefused) as refused:
        enrol("192.168.1.10:8770", "X", "看板")
    assert refused.value.code == "bad_url"
