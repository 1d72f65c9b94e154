"""`plans cards` and `plans booklet`: the printed plan from the command line, with the desk's
numbers and signer, of the plans the desk runs (its edition, or --edition); bad input is a
clear message, exit 2, and nothing of the user's is replaced."""

import subprocess
from datetime import UTC, date, datetime

import pytest

import main
from models.contacts import directory
from models.contacts.directory import ContactData, Phone
from models.plans.editions import in_edition
from models.plans.revisions import record_approval
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from tests.test_cli import run


def text_of(path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    return ["".join(page.split()) for page in out.split("\f")[:-1]]


@pytest.fixture
def database(tmp_path, shipped_catalog, shipped_editions):
    """A cinema's desk: a group leader in the directory, its plans approved by 王经理 (an
    approval is of one text: the cinema's edition, not the library)."""
    path = tmp_path / "data" / "desk.db"
    path.parent.mkdir()
    db = open_database(path)
    cinema = in_edition(shipped_catalog, shipped_editions, "cinema")
    plan = record_plan_version(cinema, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    directory.add_contact(cinema, ContactData(
        name="王组长", role_key="group_leader", phones=(Phone("手机", "13802456789"),)))
    record_approval(plan, reviewer="张三", approved_by="王经理", approved_on=date(2026, 11, 25),
                    note="", recorded_by="张三", now=datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
                    today=date(2026, 11, 25))
    db.close()
    (path.parent / "settings.json").write_text('{"hall_name": "城东营业厅", "edition": "cinema"}',
                                               encoding="utf-8")
    return path


def cards(capsys, *args: str) -> tuple[int, str, str]:
    code = main.main(["plans", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def test_a_wall_board_and_a_pocket_card_with_the_desks_numbers(database, tmp_path):
    out = tmp_path / "fire.pdf"
    result = run("plans", "cards", "--situation", "fire", "--format", "a4", "--out", str(out),
                 "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"Wrote {out} (1 page; plan version 2026.1, signer: 王经理)\n")
    [page] = text_of(out)
    for expected in ("城东营业厅", "营业场所发生火灾", "王组长", "13802456789", "119",
                     "签发人王经理", "签发日期2026-11-25"):
        assert expected in page, expected
    pocket = tmp_path / "fire-a6.pdf"
    result = run("plans", "cards", "--situation", "fire", "--format", "a6", "--out",
                 str(pocket), "--db", str(database))
    assert result.returncode == 0 and "(2 pages;" in result.stdout
    assert "13802456789" in text_of(pocket)[1]  # the back: whom to call


def test_the_desks_edition_or_the_one_asked_for_is_printed(database, tmp_path, capsys):
    """The cinema's fire fits one page; the whole library's (every document) runs over pages;
    the gas hall's reports to its line head."""
    out = tmp_path / "fire.pdf"
    code, stdout, _ = cards(capsys, "cards", "--situation", "fire", "--out", str(out),
                            "--db", str(database), "--edition", "all")
    pages = text_of(out)
    assert code == 0 and len(pages) > 1 and f"({len(pages)} pages;" in stdout
    assert all(f"第{n}页/共{len(pages)}页" in p for n, p in enumerate(pages, 1))
    code, _, _ = cards(capsys, "cards", "--situation", "fire", "--out", str(out),
                       "--db", str(database), "--edition", "gas_hall")
    [page] = text_of(out)
    assert code == 0 and "报告职能线负责人" in page and "应急管理小组组长" not in page
    before = out.read_bytes()
    code, _, err = cards(capsys, "booklet", "--out", str(out), "--db", str(database),
                         "--edition", "bank")
    assert code == 2 and "no edition 'bank' (one of: bank_outlet" in err
    assert out.read_bytes() == before


def test_a_setting_naming_an_edition_no_longer_shipped_prints_the_library(database,
                                                                          tmp_path, capsys):
    (database.parent / "settings.json").write_text('{"edition": "old_kind"}', encoding="utf-8")
    out = tmp_path / "fire.pdf"
    code, _, _ = cards(capsys, "cards", "--situation", "fire", "--out", str(out),
                       "--db", str(database))
    assert code == 0 and len(text_of(out)) > 1  # the whole library's fire


def test_the_booklet(database, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    code, stdout, _ = cards(capsys, "booklet", "--out", str(out), "--db", str(database))
    assert code == 0 and stdout.startswith(f"Wrote {out} (")
    pages = text_of(out)
    assert len(pages) > 17 and f"({len(pages)} pages;" in stdout  # 17 situations
    assert "签发人王经理" in pages[0] and "目录" in pages[1]
    assert "服务应急处置预案库（私人影院）" in pages[0]


def test_an_unknown_situation_lists_the_keys_and_writes_nothing(database, tmp_path, capsys):
    code, _, err = cards(capsys, "cards", "--situation", "firee", "--out",
                         str(tmp_path / "x.pdf"), "--db", str(database))
    assert code == 2 and "No situation 'firee' in the plans" in err
    assert "  fire: 营业场所发生火灾" in err and "  power_cut: 营业场所突然停电" in err
    assert "robbery" not in err  # the cinema's plans only (the audit named it 营业场所发生抢劫)
    code, _, err = cards(capsys, "cards", "--situation", "robbery", "--out",
                         str(tmp_path / "x.pdf"), "--db", str(database), "--edition", "all")
    assert code == 0 and "营业场所发生抢劫" in text_of(tmp_path / "x.pdf")[0]
    code, _, err = cards(capsys, "cards", "--situation", "robbery", "--out",
                         str(tmp_path / "y.pdf"), "--db", str(database))
    assert code == 2
    assert "No situation 'robbery' in the plans (服务应急处置预案库（私人影院）)" in err
    assert "--edition all" in err
    assert not (tmp_path / "y.pdf").exists()


def test_an_unknown_format_is_refused(tmp_path):
    result = run("plans", "cards", "--situation", "fire", "--format", "a5", "--out",
                 str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "invalid choice: 'a5'" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_database_and_other_files_are_never_replaced(database, tmp_path, capsys):
    before = database.read_bytes()
    for target in (database, tmp_path / "data" / "desk.db-wal"):
        code, _, err = cards(capsys, "cards", "--situation", "fire", "--out", str(target),
                             "--db", str(database))
        assert code == 2
    assert database.read_bytes() == before
    assert not (tmp_path / "data" / "desk.db-wal").exists()
    notes = tmp_path / "notes.pdf"
    notes.write_text("my notes, not a PDF", encoding="utf-8")
    code, _, err = cards(capsys, "booklet", "--out", str(notes), "--db", str(database))
    assert code == 2 and "is not a PDF" in err and "left untouched" in err
    assert notes.read_text(encoding="utf-8") == "my notes, not a PDF"
    assert main.main(["verify", "--db", str(database)]) == 0


def test_an_earlier_card_is_replaced_whole(database, tmp_path, capsys):
    old = tmp_path / "fire.pdf"
    old.write_bytes(b"%PDF-1.4 last year's card")
    code, _, _ = cards(capsys, "cards", "--situation", "fire", "--out", str(old), "--db",
                       str(database))
    assert code == 0 and "营业场所发生火灾" in text_of(old)[0]


def test_a_missing_folder_or_database_is_a_clear_message(database, tmp_path, capsys,
                                                         unwritable_folder):
    code, _, err = cards(capsys, "cards", "--situation", "fire", "--out",
                         str(tmp_path / "no" / "x.pdf"), "--db", str(database))
    assert code == 2 and "does not exist" in err
    code, _, err = cards(capsys, "booklet", "--out", str(unwritable_folder / "x.pdf"),
                         "--db", str(database))
    assert code == 2 and "Cannot write in" in err
    code, _, err = cards(capsys, "cards", "--situation", "fire", "--out",
                         str(tmp_path / "x.pdf"), "--db", str(tmp_path / "none.db"))
    assert code == 2 and "No database at" in err
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "x.pdf").exists()


def test_without_a_desk_the_cards_print_the_plans_own_numbers(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "nobody"))
    out = tmp_path / "fire.pdf"
    code, stdout, err = cards(capsys, "cards", "--situation", "fire", "--out", str(out))
    assert code == 0 and "No desk database at" in err and "signer: not signed yet" in stdout
    pages = text_of(out)  # no desk, no edition set: the whole library, its fire over pages
    assert len(pages) > 1 and all("未签发" in p for p in pages)
    assert "119" in pages[0] and "待填写" in "".join(pages)
    assert not (tmp_path / "nobody").exists()  # no database made on the way
