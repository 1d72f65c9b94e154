"""`export contacts`: the wall sheet from a database, as a real process."""

from tests.helpers import pdf
from tests.test_cli import run


def test_export_contacts_writes_the_sheet(tmp_path, shipped_catalog):
    from models.contacts import directory
    from models.contacts.directory import ContactData, Phone
    from models.store.schema import open_database

    db_path = tmp_path / "desk.db"
    db = open_database(db_path)
    directory.seed_outside_numbers(shipped_catalog)
    directory.add_contact(shipped_catalog, ContactData(name="李娜", role_key="liaison",
                                                      phones=(Phone("手机", "13802456789"),)))
    db.close()
    (tmp_path / "settings.json").write_text('{"hall_name": "城东营业厅"}', encoding="utf-8")
    out = tmp_path / "sheet.pdf"
    result = run("export", "contacts", "--out", str(out), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote {out} (1 page)\n"
    text = pdf.page_texts(out)[0]
    assert "城东营业厅" in text and "李娜" in text and "138 0245 6789" in text


def test_export_contacts_refuses_a_missing_database_and_an_unwritable_folder(tmp_path):
    result = run("export", "contacts", "--out", str(tmp_path / "x.pdf"), "--db",
                 str(tmp_path / "none.db"))
    assert result.returncode == 2 and "No database" in result.stderr
    from models.store.schema import open_database

    open_database(tmp_path / "desk.db").close()
    result = run("export", "contacts", "--out", str(tmp_path / "no" / "x.pdf"), "--db",
                 str(tmp_path / "desk.db"))
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
