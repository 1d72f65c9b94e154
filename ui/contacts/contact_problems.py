"""What is wrong with a contact, a number or a CSV file, in words for the user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.services.contacts import LIMITS, MAX_BYTES, MAX_PHONES, MAX_ROWS, CsvRefused

translate = QCoreApplication.translate


def phone_problem(code: str) -> str:
    texts = {
        "empty": translate("Contacts", "Enter a number."),
        "too_long": translate("Contacts", "The number is too long."),
        "excel_exponent": translate(
            "Contacts", "Excel turned this number into 1.38E+10 and its digits are lost. Set "
            "the column to Text in Excel and export again."),
        "mobile_length": translate("Contacts", "A mobile number has 11 digits, e.g. "
                                   "138 0013 8000."),
        "mobile_prefix": translate("Contacts", "A mobile number starts with 13 to 19, e.g. "
                                   "138 0013 8000."),
        "no_area_code": translate("Contacts", "Add the area code to a landline, e.g. "
                                  "010-12345678 or 0755-1234567."),
        "landline_length": translate(
            "Contacts", "Wrong number of digits: after the area code come 7 or 8 digits, "
            "e.g. 010-12345678, 0755-1234567 ext 123."),
        "landline_area": translate("Contacts", "The area code is wrong, e.g. 010 for Beijing, "
                                   "0755 for Shenzhen."),
        "extension_on_mobile": translate("Contacts", "A mobile number has no extension."),
        "foreign": translate("Contacts", "Only numbers in mainland China (+86) are accepted."),
        "not_digits": translate("Contacts", "Only digits, spaces and dashes; write an "
                                "extension as “ext 123”."),
        "unknown": translate("Contacts", "Not a number this desk knows: enter a mobile, a "
                             "landline with its area code, or a service number such as 110 or "
                             "95598."),
    }
    return texts.get(code, translate("Contacts", "This number cannot be used."))


def field_problem(field: str, code: str, role_text: str = "") -> str:
    """The message for one field (name, role, phones, phone0, label0, notes...)."""
    if field.startswith("phone"):
        return phone_problem(code)
    if code == "too_long":
        limit = LIMITS.get(field.rstrip("0123456789"), 0)
        return translate("Contacts", "Too long: at most {0} characters.").format(limit)
    texts = {
        ("name", "required"): translate("Contacts", "Enter a name."),
        ("name", "duplicate_in_file"): translate(
            "Contacts", "The file already has a row with this name and role."),
        ("role", "unknown_role"): translate(
            "Contacts", "The role “{0}” is not in the plans. Use a role name from the list, "
            "or “其他”.").format(role_text),
        ("phones", "required"): translate("Contacts", "Enter at least one number."),
        ("phones", "too_many"): translate("Contacts", "At most {0} numbers.").format(MAX_PHONES),
        ("available_24h", "yes_no"): translate("Contacts", "24 hours: write 是 or 否."),
        ("outside", "yes_no"): translate("Contacts", "Outside number: write 是 or 否."),
        ("contact", "gone"): translate("Contacts", "This contact was deleted meanwhile."),
        ("contact", "not_saved"): translate("Contacts", "Not saved: see the message."),
    }
    return texts.get((field, code), translate("Contacts", "Not valid: {0}").format(code))


def csv_problem(refused: CsvRefused) -> str:
    texts = {
        "unreadable": translate("Contacts", "The file cannot be read ({0}).").format(
            refused.detail),
        "too_big": translate("Contacts", "The file is larger than {0} MB; it is not a contact "
                             "list.").format(MAX_BYTES // 1_000_000),
        "workbook": translate("Contacts", "This is an Excel workbook, not a CSV file. In Excel "
                              "choose Save As → CSV, then import that file."),
        "binary": translate("Contacts", "This is not a text file. Save the sheet as CSV and "
                            "import that file."),
        "encoding": translate("Contacts", "The file's encoding is not recognised. Save it as "
                              "CSV in UTF-8 or GBK."),
        "empty": translate("Contacts", "The file is empty."),
        "no_name_column": translate(
            "Contacts", "The first row has no “姓名” column (found: {0}). Use the headers of "
            "an exported file: 姓名, 角色, 单位, 电话1 …").format(refused.detail),
        "too_many_rows": translate("Contacts", "The file has {0} rows; at most {1} can be "
                                   "imported at once.").format(refused.detail,
                                                               MAX_ROWS),
        "not_csv": translate("Contacts", "The file cannot be read as CSV ({0}). Save the "
                             "sheet as CSV and import that file.").format(refused.detail),
        "unwritable": translate("Contacts", "Cannot write {0}. Choose a folder you can write "
                                "to, and close the file if Excel has it open.").format(
                                    refused.detail),
    }
    return texts.get(refused.code, str(refused))
