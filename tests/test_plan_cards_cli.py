"""`plans cards` and `plans booklet`: the printed plan from the command line, with the desk's
numbers and signer; bad input is a clear message, exit 2, and nothing of the user's is
replaced."""

import subprocess
from datetime import UTC, date, datetime

import pytest

import main
from models.contacts import directory
from models.contacts.directory import ContactData, Phone
from models.plans.revisions import record_approval
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from tests.test_cli import run


def text_of(path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    return ["".join(page.split()) for page in out.split("\f")[:-1]]


@pytest.fixture
def database(tmp_path, shipped_catalog):
    """A desk's database: a group leader in the directory, the plans approved by 王经理."""
    path = tmp_path / "data" / "desk.db"
    path.parent.mkdir()
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    directory.add_contact(shipped_catalog, ContactData(
        name="王组长", role_key="group_leader", phones=(Phone("手机", "13802456789"),)))
    record_approval(plan, reviewer="张三", approved_by="王经理", approved_on=date(2026, 11, 25),
                    note="", recorded_by="张三", now=datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
                    today=date(2026, 11, 25))
    db.close()
    (path.parent / "settings.json").write_text('{"hall_name": "城东营业厅"}', encoding="utf-8")
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


def test_the_booklet(database, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    code, stdout, _ = cards(capsys, "booklet", "--out", str(out), "--db", str(database))
    assert code == 0 and stdout.startswith(f"Wrote {out} (")
    pages = text_of(out)
    assert len(pages) > 30 and f"({len(pages)} pages;" in stdout
    assert "签发人王经理" in pages[0] and "目录" in pages[1]


def test_an_unknown_situation_lists_the_keys_and_writes_nothing(database, tmp_path, capsys):
    code, _, err = cards(capsys, "cards", "--situation", "firee", "--out",
                         str(tmp_path / "x.pdf"), "--db", str(database))
    assert code == 2 and "No situation 'firee' in the plans" in err
    assert "  fire: 营业场所发生火灾" in err and "  robbery: 抢劫或偷窃已发生" in err
    assert not (tmp_path / "x.pdf").exists()


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
    [page] = text_of(out)
    assert "119" in page and "待填写" in page and "未签发" in page
    assert not (tmp_path / "nobody").exists()  # no database made on the way
