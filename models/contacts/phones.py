"""Telephone numbers as a Chinese front desk writes them: checked and put in one form.

Accepted: mobiles (1[3-9] and nine digits; +86, spaces and dashes tolerated), landlines with
their area code and an optional extension (010-12345678, 0755-1234567 转 123), short service
numbers (110, 119, 120, 122, 12345, 95598, 96777, 962777...), 400/800 company hotlines and
internal extensions (分机 8021). A refused number gives a code the UI words for the clerk.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 40


@dataclass(frozen=True)
class PhoneCheck:
    number: str = ""  # the stored form, e.g. "13800138000", "0755-1234567 转 123", "95598"
    kind: str = ""  # mobile, landline, service, hotline, extension
    problem: str = ""  # empty when the number is good


_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
_INTERNAL = re.compile(r"^(?:分机|内线)\s*(\d{2,6})$")
_SEPARATORS = re.compile(r"[\s\-–—./()（）]+")
_EXCEL_FLOAT = re.compile(r"^\d+\.0$")
_EXCEL_EXPONENT = re.compile(r"^\d(?:\.\d+)?e\+?\d+$", re.IGNORECASE)


def check_number(text: str) -> PhoneCheck:
    """The number in its stored form, or the problem with it."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return PhoneCheck(problem="empty")
    if len(raw) > MAX_CHARS:
        return PhoneCheck(problem="too_long")
    if _EXCEL_EXPONENT.match(raw):
        return PhoneCheck(problem="excel_exponent")  # 1.38001E+10: the digits are lost
    if _EXCEL_FLOAT.match(raw):
        raw = raw[:-2]
    internal = _INTERNAL.match(raw)
    if internal:
        return PhoneCheck(f"分机 {internal.group(1)}", "extension")
    extension = ""
    found = _EXTENSION.search(raw)
    if found:
        extension, raw = found.group(1), raw[:found.start()].strip()
    else:  # 010-12345678-123: a third group after a landline is its extension
        parts = [p for p in _SEPARATORS.split(raw) if p]
        if len(parts) == 3 and parts[0].startswith("0") and len(parts[2]) <= 5:
            extension, raw = parts[2], f"{parts[0]}-{parts[1]}"
    digits = _SEPARATORS.sub("", raw)
    international = digits.startswith(("+86", "0086"))
    if digits.startswith("+") and not international:
        return PhoneCheck(problem="foreign")
    digits = digits.removeprefix("+86").removeprefix("0086")
    if not digits.isdigit():
        return PhoneCheck(problem="not_digits")
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]
    if international and not (digits.startswith("1") and len(digits) == 11):
        digits = "0" + digits  # +86 10 12345678: a landline's area code without its 0
    checked = _classify(digits)
    if checked.problem or not extension:
        return checked
    if checked.kind != "landline":
        return PhoneCheck(problem="extension_on_mobile")
    return PhoneCheck(f"{checked.number} 转 {extension}", "landline")


def _classify(digits: str) -> PhoneCheck:
    if digits.startswith("1") and len(digits) >= 10:
        if len(digits) != 11:
            return PhoneCheck(problem="mobile_length")
        if digits[1] not in "3456789":
            return PhoneCheck(problem="mobile_prefix")
        return PhoneCheck(digits, "mobile")
    if digits[:3] in ("400", "800") and len(digits) == 10:
        return PhoneCheck(f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", "hotline")
    if digits.startswith("0"):
        return _landline(digits)
    if len(digits) in (3, 5, 6) and _is_service(digits):
        return PhoneCheck(digits, "service")
    if len(digits) in (7, 8):
        return PhoneCheck(problem="no_area_code")
    return PhoneCheck(problem="unknown")


def _is_service(digits: str) -> bool:
    if len(digits) == 3:
        return digits.startswith("1")  # 110, 119, 120, 122, 114
    if len(digits) == 5:
        return digits[0] in "19"  # 12345, 10086, 95598, 96777
    return digits[:2] in ("95", "96")  # 962777 (six-digit local hotlines)


def _landline(digits: str) -> PhoneCheck:
    if len(digits) < 3:  # "0", "01": not even an area code
        return PhoneCheck(problem="landline_length")
    area_length = 3 if digits[1] in "12" else 4  # 010, 02x; every other area code has four
    area, local = digits[:area_length], digits[area_length:]
    if area_length == 4 and digits[1] == "0":
        return PhoneCheck(problem="landline_area")
    if len(local) not in ((8,) if area_length == 3 else (7, 8)) or local[0] == "0":
        return PhoneCheck(problem="landline_length")
    return PhoneCheck(f"{area}-{local}", "landline")


def display_number(number: str) -> str:
    """How a stored number reads: mobiles in groups of 3-4-4, the rest as stored."""
    if len(number) == 11 and number.isdigit() and number.startswith("1"):
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    return number


def default_label(kind: str) -> str:
    return {"mobile": "手机", "landline": "座机", "service": "服务电话", "hotline": "服务热线",
            "extension": "内线"}.get(kind, "")
