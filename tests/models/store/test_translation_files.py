"""The translation files are checked before Qt or the PDFs read them: a .qm only if it is the
file that was compiled (Qt's parser crashes on a corrupt one), the PDF words only as a JSON
object of texts whose placeholders are the English's."""

import json
import os
import shutil
from pathlib import Path

import pytest

from models.store.translation_files import (
    MAX_QM_BYTES,
    MAX_WORDS_BYTES,
    TranslationRefused,
    check_qm,
    digest_path,
    read_words,
)

I18N = Path(__file__).resolve().parents[3] / "resources" / "i18n"
QM = "emergency_desk_zh_CN.qm"


@pytest.fixture
def qm(tmp_path):
    shutil.copy(I18N / QM, tmp_path)
    shutil.copy(digest_path(I18N / QM), tmp_path)
    return tmp_path / QM


def test_the_shipped_qm_matches_its_digest():
    check_qm(I18N / QM)  # else: run tools/translations.py


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],  # truncated
    lambda b: b"",  # emptied
    lambda b: b"\x00" + b[1:],  # magic changed
    lambda b: b[:16] + b[16:17] + b"\xff\xff\xff\xff" + b[21:],  # first block's length huge
    lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit of the last byte
    lambda b: b + b"\x00",  # one byte more
])
def test_a_damaged_qm_is_refused(qm, damage):
    qm.write_bytes(damage(qm.read_bytes()))
    with pytest.raises(TranslationRefused, match="damaged"):
        check_qm(qm)


def test_a_qm_without_its_digest_is_refused(qm):
    digest_path(qm).unlink()
    with pytest.raises(TranslationRefused, match="cannot read"):
        check_qm(qm)


def test_a_pipe_or_a_huge_file_is_refused_unread(tmp_path):
    os.mkfifo(tmp_path / QM)
    with pytest.raises(TranslationRefused, match="not a regular file"):
        check_qm(tmp_path / QM)
    big = tmp_path / "reports.zh_CN.json"
    with big.open("wb") as f:
        f.truncate(MAX_WORDS_BYTES + 1)
    with pytest.raises(TranslationRefused, match="too large"):
        read_words(big)
    (tmp_path / QM).unlink()
    with (tmp_path / QM).open("wb") as f:
        f.truncate(MAX_QM_BYTES + 1)
    with pytest.raises(TranslationRefused, match="too large"):
        check_qm(tmp_path / QM)


def words_file(tmp_path, text: str) -> Path:
    path = tmp_path / "reports.zh_CN.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_words_are_read():
    table = read_words(I18N / "reports.zh_CN.json")
    assert table["Page {0} of {1}"] == "第 {0} 页 / 共 {1} 页"


@pytest.mark.parametrize("text, words", [
    ('["Page {0} of {1}"]', "not a JSON object"),
    ('{"DRILL": 1}', "not a text"),
    ('{"DRILL": null}', "not a text"),
    ('{"DRILL": ["演练"]}', "not a text"),
    ('{"Page {0} of {1}": "第 {0} 页 / 共 {2} 页"}', "placeholders"),
    ('{"Page {0} of {1}": "第 {0:x} 页"}', "placeholders"),
    ('{"Page {0} of {1}": "第 {0 页"}', "placeholders"),
    ('{"DRILL": "演练 {0}"}', "placeholders"),
    ('{"DRILL": "演练",\n"Open" "待处置"}', r"reports.zh_CN.json:2: not JSON"),
    ('[' * 100_000 + ']' * 100_000, "not a JSON object"),
    ('{"n": ' + '9' * 5000 + '}', "not a JSON object"),
])
def test_words_that_would_break_or_misprint_a_pdf_are_refused(tmp_path, text, words):
    with pytest.raises(TranslationRefused, match=words):
        read_words(words_file(tmp_path, text))


def test_a_translation_may_leave_out_or_reorder_placeholders(tmp_path):
    text = {"Page {0} of {1}": "共 {1} 页之第 {0} 页", "Late by {0} min {1} s": "迟报 {0} 分",
            "DRILL": "演练"}
    assert read_words(words_file(tmp_path, "\ufeff" + json.dumps(text))) == text


def test_words_not_utf8_are_refused(tmp_path):
    path = tmp_path / "reports.zh_CN.json"
    path.write_bytes('{"DRILL": "演练"}'.encode("gbk"))
    with pytest.raises(TranslationRefused, match="not UTF-8"):
        read_words(path)
