"""A refused database reads in the desk's language (the command line keeps English)."""

import re
import sqlite3

import pytest

from models.store.database import REFUSALS, DatabaseRefused
from models.store.schema import open_database
from ui.window.database_refusal import refusal_text, refusal_texts

CJK = re.compile(r"[\u4e00-\u9fff]")
SAMPLE = {"reason": "database disk image is malformed", "version": 9, "known": 3,
          "saved": "/data/desk.v1.bak", "needed": 2, "holder": "Hall A desk 1",
          "since": "2026-11-20 08:30", "pid": 4242, "host": "desk-pc"}


def test_every_refusal_code_has_a_desk_text():
    assert set(refusal_texts()) == set(REFUSALS)


@pytest.mark.parametrize("code", sorted(REFUSALS))
def test_each_refusal_is_chinese_in_the_chinese_desk(code, tmp_path):
    params = {k: v for k, v in SAMPLE.items() if "{" + k + "}" in REFUSALS[code]}
    refused = DatabaseRefused(code, tmp_path / "desk.db", **params)
    text, details = refusal_text(refused)
    assert CJK.search(text), text
    assert str(tmp_path / "desk.db") in text
    assert "{" not in text and "--db" not in text
    assert details == params.get("reason", "")
    assert not CJK.search(str(refused))  # the command line's message stays English


def test_a_real_refusal_reads_in_chinese(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(DatabaseRefused) as refused:
        open_database(path)
    assert refused.value.code == "foreign"
    assert refusal_text(refused.value)[0] == (
        f"{path} 是其他程序的数据库，该文件未被改动。请换一个数据库文件启动处置台。")
