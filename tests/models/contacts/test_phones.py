"""Telephone numbers: what a Chinese desk writes, checked and put in one stored form."""

import itertools

import pytest

from models.contacts.phones import check_number, display_number


@pytest.mark.parametrize(("typed", "stored", "kind"), [
    ("13800138000", "13800138000", "mobile"),
    ("138 0013 8000", "13800138000", "mobile"),
    ("+86 138-0013-8000", "13800138000", "mobile"),
    ("008613800138000", "13800138000", "mobile"),
    ("１３８００１３８０００", "13800138000", "mobile"),  # full-width digits from an IME
    ("13800138000.0", "13800138000", "mobile"),  # Excel's number cell
    ("010-12345678", "010-12345678", "landline"),
    ("01012345678", "010-12345678", "landline"),
    ("(0755) 1234567", "0755-1234567", "landline"),
    ("0755-1234567 转 123", "0755-1234567 转 123", "landline"),
    ("0755-12345678 ext. 12", "0755-12345678 转 12", "landline"),
    ("010-12345678-8021", "010-12345678 转 8021", "landline"),
    ("+86 10 1234 5678", "010-12345678", "landline"),
    ("110", "110", "service"),
    ("122", "122", "service"),
    ("12345", "12345", "service"),
    ("95598", "95598", "service"),
    ("96777", "96777", "service"),
    ("962777", "962777", "service"),
    ("400-820-8820", "400-820-8820", "hotline"),
    ("分机 8021", "分机 8021", "extension"),
])
def test_good_numbers_are_stored_in_one_form(typed, stored, kind):
    checked = check_number(typed)
    assert (checked.number, checked.kind, checked.problem) == (stored, kind, "")


@pytest.mark.parametrize(("typed", "problem"), [
    ("", "empty"),
    ("1380013800", "mobile_length"),  # one digit short
    ("138001380001", "mobile_length"),
    ("12800138000", "mobile_prefix"),
    ("12345678", "no_area_code"),
    ("0201234567", "landline_length"),
    ("0", "landline_length"),  # a lone 0 is not even an area code
    ("0-", "landline_length"),
    ("(0) 转 1", "landline_length"),  # Guangzhou numbers have eight digits
    ("0000-1234567", "landline_area"),
    ("1.38001E+10", "excel_exponent"),  # the digits are lost: say so, do not guess
    ("13800138000 转 12", "extension_on_mobile"),
    ("+1 555 123 4567", "foreign"),
    ("请问总机", "not_digits"),
    ("1" * 50, "too_long"),
    ("9999", "unknown"),
])
def test_bad_numbers_name_their_problem(typed, problem):
    assert check_number(typed).problem == problem


def test_no_short_input_raises():
    """Whatever is typed, the answer is a number or a problem, never an exception."""
    alphabet = "01-+ 转.()"
    for length in range(1, 4):
        for chars in itertools.product(alphabet, repeat=length):
            checked = check_number("".join(chars))
            assert checked.number or checked.problem


def test_mobiles_read_in_groups():
    assert display_number("13800138000") == "138 0013 8000"
    assert display_number("010-12345678") == "010-12345678"
    assert display_number("110") == "110"
