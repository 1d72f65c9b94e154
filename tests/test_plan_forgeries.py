"""Forgeries of the hall's published plans, made in a real file with the sqlite3 command line
(the append-only triggers dropped first) or a second connection: the texts alone; the texts
and their digest; the texts, digest and stored version together (everything the desk checks
a published plan against); all that with every hash after it recomputed; a plan act or change
removed; one slipped in. `verify` names each, the desk refuses to start on each but the last
(whose hashes all check), and the seal printed before catches that one."""

import json
import shutil
import sqlite3
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import main
from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.incidents.seal import current_seal
from models.plans import drafts, publishing
from models.plans.loader import load_texts
from models.plans.running import RunningRefused, running_plan, snapshot_text
from models.plans.versions import record_plan_version
from models.store.ledger import link_hash
from models.store.paths import default_plans_dir
from models.store.plan_links import KINDS, ROWS_SQL, row_hash
from models.store.schema import open_database
from tests.models.plans.plan_drafting import EDITOR, MANAGER, published_draft, running
from tests.test_forgeries import put_guards_back

pytestmark = pytest.mark.skipif(shutil.which("sqlite3") is None,
                                reason="needs the sqlite3 command line (Debian: sqlite3)")

T0 = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
STEP, FORGED_STEP = "立即拨打119报警。", "不必报警，自行处置。"
GUARDS = ("plan_release", "plan_change", "ledger")


@pytest.fixture
def hall(tmp_path, shipped_catalog):
    """A desk that published its own plans (a draft of two changes, submitted, approved and
    published: plan acts #1-#3) and then recorded an incident; the seal printed on that
    night's daily log; the file closed. Returns (path, seal)."""
    path = tmp_path / "desk.db"
    db = open_database(path)
    published_draft()
    plan = record_plan_version(shipped_catalog, T0)
    response.start_incident(shipped_catalog, plan, "fire",
                            Act(Who("城东营业厅", "1号台", "张三"), T0, HolidayCalendar()))
    sealed = current_seal()
    db.close()
    return path, sealed


def sqlite(db: Path, sql: str) -> None:
    drops = "".join(f"DROP TRIGGER IF EXISTS {table}_no_{op}; " for table in GUARDS
                    for op in ("update", "delete"))
    subprocess.run(["sqlite3", str(db)], input=drops + sql + ";", text=True, check=True,
                   capture_output=True, timeout=60)  # on its input: the texts are long


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def forged(db: Path) -> dict[str, str]:
    """The published texts with one step rewritten, and the digest and stored snapshot they
    give: what a forger who knows the loader computes."""
    conn = sqlite3.connect(db)
    texts = json.loads(conn.execute(
        "SELECT texts FROM plan_release WHERE act = 'published'").fetchone()[0])
    conn.close()
    texts = {name: text.replace(STEP, FORGED_STEP) for name, text in texts.items()}
    catalog = load_texts(texts, "forged")
    return {"texts": json.dumps(texts, ensure_ascii=False), "digest": catalog.digest,
            "snapshot": snapshot_text(catalog)}


def texts_only(f):
    return f"UPDATE plan_release SET texts = {quoted(f['texts'])} WHERE act = 'published'"


def texts_and_digest(f):
    return (f"UPDATE plan_release SET texts = {quoted(f['texts'])}, digest = "
            f"{quoted(f['digest'])} WHERE act = 'published'")


def texts_digest_and_version(f):
    """Everything the desk checks a published plan against, made to agree."""
    return (texts_and_digest(f) + "; UPDATE plan_version SET digest = "
            f"{quoted(f['digest'])}, snapshot = {quoted(f['snapshot'])} WHERE id = "
            "(SELECT plan_id FROM plan_release WHERE act = 'published')")


def verify(capsys, db: Path, *seal: str) -> tuple[int, str]:
    code = main.main(["verify", "--db", str(db), *(("--seal", *seal) if seal else ())])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def desk_start(db: Path):
    """What the desk runs at its start: the hall's published plans, checked."""
    handle = open_database(db)
    try:
        return running_plan(default_plans_dir())
    finally:
        handle.close()


def test_the_intact_hall_verifies_and_starts_on_its_published_plans(hall, capsys):
    path, sealed = hall
    code, out = verify(capsys, path, sealed)
    assert code == 0, out
    assert desk_start(path).catalog.situation("fire").steps[0].text == STEP


@pytest.mark.parametrize("forgery", [texts_only, texts_and_digest, texts_digest_and_version])
def test_a_published_plan_rewritten_is_named_and_refused(hall, capsys, forgery):
    path, _ = hall
    sqlite(path, forgery(forged(path)))
    code, out = verify(capsys, path)
    assert code == 2
    assert "plan act #3 (published): changed outside the program" in out
    with pytest.raises(RunningRefused) as refused:
        desk_start(path)
    assert refused.value.code == "tampered"


def test_the_fully_consistent_forgery_is_refused_by_the_chain_alone(hall):
    """The digest and stored version agree with the forged texts: only the link shows it."""
    path, _ = hall
    sqlite(path, texts_digest_and_version(forged(path)))
    with pytest.raises(RunningRefused) as refused:
        desk_start(path)
    assert refused.value.problems == [
        "plan act #3 (published): changed outside the program (its values, or for a "
        "publishing act the texts, digest or stored version it published), or its link was"]


def recompute_from(db: Path, position: int) -> None:
    """What a forger who knows the algorithms does next: every link from `position` on
    rehashed, so the whole chain checks."""
    conn = sqlite3.connect(db)
    prev = conn.execute("SELECT hash FROM ledger WHERE id = ?", (position - 1,)).fetchone()[0]
    links = conn.execute("SELECT id, kind, entry FROM ledger WHERE id >= ? ORDER BY id",
                         (position,)).fetchall()
    for link, kind, entry in links:
        if kind:
            where = "r.id" if KINDS[kind] == "plan_release" else "id"
            content = row_hash(conn.execute(f"{ROWS_SQL[kind]} WHERE {where} = ?",
                                            (entry,)).fetchone())
        else:
            content = conn.execute("SELECT hash FROM timeline_entry WHERE id = ?",
                                   (entry,)).fetchone()[0]
        prev = link_hash(prev, link, entry, content, kind)
        conn.execute("UPDATE ledger SET hash = ? WHERE id = ?", (prev, link))
    conn.commit()
    conn.close()


def test_a_forger_who_recomputes_every_hash_changes_the_seal_on_paper(hall, capsys):
    path, sealed = hall
    sqlite(path, texts_digest_and_version(forged(path)))
    published = sqlite3.connect(path).execute(
        "SELECT id FROM ledger WHERE kind = 1 AND entry = 3").fetchone()[0]
    recompute_from(path, published)
    put_guards_back(path)  # the triggers it dropped, created again
    code, out = verify(capsys, path)
    assert code == 0, out  # every hash checks: without the paper, nothing shows
    assert desk_start(path).catalog.situation("fire").steps[0].text == FORGED_STEP
    code, out = verify(capsys, path, sealed)
    assert code == 2
    assert "no longer holds what the seal sealed" in out


@pytest.mark.parametrize(("forgery", "words"), [
    ("DELETE FROM plan_change WHERE id = 1", "plan change #1: removed outside the program"),
    ("DELETE FROM plan_release WHERE act = 'approved'",
     "plan act #2: removed outside the program"),
    # the act and its link: the link after it no longer follows, and the acts' ids skip one
    ("DELETE FROM plan_release WHERE act = 'approved'; "
     "DELETE FROM ledger WHERE kind = 1 AND entry = 2", "plan act #2: removed outside the"),
    ("UPDATE plan_release SET signer = '别人' WHERE act = 'approved'",
     "plan act #2 (approved): changed outside the program"),
    ("UPDATE plan_change SET new = '\"不必报警。\"' WHERE id = 1",
     "plan change #1: changed outside the program"),
    ("INSERT INTO plan_release (draft_id, act, at, by, version, digest, signer, signed_on, "
     "note, texts, plan_id) SELECT draft_id, 'published', at, by, version, digest, signer, "
     "signed_on, note, texts, plan_id FROM plan_release WHERE act = 'published'",
     "plan act #4 (published): added outside the program"),
])
def test_a_plan_act_or_change_removed_edited_or_slipped_in_is_named_and_refused(
        hall, capsys, forgery, words):
    path, _ = hall
    sqlite(path, forgery)
    code, out = verify(capsys, path)
    assert code == 2
    assert words in out
    with pytest.raises(RunningRefused) as refused:
        desk_start(path)
    assert any(words in problem for problem in refused.value.problems)


def test_a_link_removed_with_its_act_also_breaks_the_chain_where_it_was(hall, capsys):
    path, _ = hall
    position = sqlite3.connect(path).execute(
        "SELECT id FROM ledger WHERE kind = 1 AND entry = 2").fetchone()[0]
    sqlite(path, "DELETE FROM plan_release WHERE act = 'approved'; "
                 f"DELETE FROM ledger WHERE id = {position}")
    code, out = verify(capsys, path)
    assert code == 2
    assert f"link {position + 1}: the desk-wide chain is broken here" in out


def test_the_desk_refuses_with_the_problems_in_its_details(hall, qapp):
    path, _ = hall
    sqlite(path, "DELETE FROM plan_change WHERE id = 2")
    with pytest.raises(RunningRefused) as refused:
        desk_start(path)
    _, text, details = main.published_refusal(qapp, refused.value)
    # in the language the tests before left installed (the UI tests install Chinese)
    assert "changed in the database outside the program" in text or "在程序之外被改动" in text
    assert details == "plan change #2: removed outside the program"


def test_plans_status_names_the_row_changed_outside_the_program(hall, capsys):
    path, _ = hall
    sqlite(path, "DELETE FROM plan_change WHERE id = 2")
    code = main.main(["plans", "status", "--db", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "changed in the database outside the program" in err
    assert "  plan change #2: removed outside the program" in err.splitlines()


def test_later_acts_and_records_keep_the_chain_whole(hall, shipped_catalog, capsys):
    path, sealed = hall
    db = open_database(path)
    later = T0 + timedelta(days=1)  # a second version, published the next day
    draft = drafts.open_draft(running(), EDITOR, later)
    drafts.change(draft, "catalog.version", "2026.3", EDITOR, later)
    publishing.submit(draft, EDITOR, later, running())
    publishing.approve(draft, MANAGER, date(2026, 12, 3), EDITOR, later)
    publishing.publish(draft, EDITOR, later, running())
    db.close()
    code, out = verify(capsys, path, sealed)
    assert code == 0, out
    assert f"it holds all that seal {sealed} sealed" in out


def test_a_version_5_file_read_where_it_lies_verifies_and_says_its_acts_are_not_linked(
        tmp_path, capsys):
    from tests.helpers.version_5 import version_5_file

    path = tmp_path / "desk.db"
    printed = version_5_file(path)
    code, out = verify(capsys, path, printed)
    assert code == 0, out
    assert "plan acts and changes are not in the desk-wide chain yet" in out
    assert f"it holds all that seal {printed} sealed" in out


EDITOR_PROCESS = """
import sys
sys.path.insert(0, sys.argv[1])
from datetime import UTC, datetime, timedelta
from pathlib import Path
from models.plans import drafts
from models.plans.running import running_plan
from models.store.paths import default_plans_dir
from models.store.schema import open_database
db = open_database(Path(sys.argv[2]))
t = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
draft = drafts.open_draft(running_plan(default_plans_dir()), "李主管", t)
print("editing", flush=True)
for n in range(int(sys.argv[3])):
    drafts.change(draft, "catalog.version", f"2026.{n + 10}", "李主管", t + timedelta(seconds=n))
"""


def test_plan_changes_from_another_process_and_the_desks_entries_share_one_chain(hall):
    """The plan editor in one program, the desk recording in another: each link takes the
    write lock with its row, so the two never claim the same position."""
    import sys

    from models.incidents.seal import check_chain
    from models.store.tables import LedgerEntry

    path, _ = hall
    root = Path(__file__).resolve().parent.parent
    editor = subprocess.Popen([sys.executable, "-c", EDITOR_PROCESS, str(root), str(path),
                               "60"], stdout=subprocess.PIPE, text=True)
    db = open_database(path)
    try:
        assert editor.stdout.readline().strip() == "editing"
        for n in range(60):
            at = Act(Who("城东营业厅", "1号台", "张三"), T0 + timedelta(seconds=n),
                     HolidayCalendar())
            response.add_note(1, f"第{n}条", at)
        assert editor.wait(timeout=120) == 0
        assert list(check_chain()) == []
        assert LedgerEntry.select().where(LedgerEntry.kind == 2).count() == 2 + 60
    finally:
        editor.kill()
        editor.wait()
        editor.stdout.close()
        db.close()
