"""Drill evaluations: the sheet of the drill's form scored within each item's maximum, a
total, a revision that follows the first (never a change), corrective actions done once,
attachments checked again, and an evaluation edited with sqlite3 found by verify."""

import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from models.drills import actions, attachments, compliance
from models.drills.evaluation import (
    Draft,
    EvaluationRefused,
    evaluate,
    evaluation,
    evaluations,
    load_sheets,
)
from models.journal import book
from models.store.tables import TrainingRecord

T0 = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def sheets():
    return load_sheets()


def a_drill():
    return TrainingRecord.create(kind="drill", held_on=date(2026, 11, 30), topic="消防疏散",
                                 trainer="李", attendees="张三、李四", notes="").id


def draft(record, **kw):
    base = dict(drill=f"record:{record}", form="live", name="营业厅火灾疏散演练",
                held_at="2026-11-30 15:00", place="一楼大厅", evaluators=("王评估",),
                scores={"alert": 15, "onsite": 18})
    return Draft(**{**base, **kw})


def test_the_two_sheets_each_total_100(sheets):
    assert set(sheets) == {"tabletop", "live"}
    assert sheets["live"].max_total == sheets["tabletop"].max_total == 100
    assert {i.key for i in sheets["live"].items} != {i.key for i in sheets["tabletop"].items}


def test_the_total_is_the_sum_of_the_items_scored(desk_db, sheets):
    full = {i.key: i.max for i in sheets["live"].items}
    e = evaluate(draft(a_drill(), scores=full), sheets, at=T0, actor="王")
    assert (e.total, e.sheet.max_total, e.unscored) == (100, 100, ())
    e = evaluate(draft(a_drill()), sheets, at=T0)
    assert e.total == 33 and "preparation" in e.unscored


@pytest.mark.parametrize(("scores", "detail"), [
    ({"onsite": 21}, "onsite"),  # one above the item's maximum (20)
    ({"onsite": -1}, "onsite"),
    ({"briefing": 5}, "briefing"),  # an item of the tabletop sheet, not of the live one
    ({"onsite": True}, "onsite"),
    ({"onsite": 7.5}, "onsite"),
])
def test_a_score_outside_its_item_is_refused_and_writes_nothing(desk_db, sheets, scores,
                                                                detail):
    with pytest.raises(EvaluationRefused) as refused:
        evaluate(draft(a_drill(), scores=scores), sheets, at=T0)
    assert (refused.value.code, refused.value.detail) == ("score", detail)
    assert book.entries() == []


def test_the_limits_themselves_are_taken(desk_db, sheets):
    e = evaluate(draft(a_drill(), scores={"onsite": 20, "alert": 0}), sheets, at=T0)
    assert e.total == 20


@pytest.mark.parametrize(("change", "code"), [
    ({"evaluators": ()}, "evaluator_required"),
    ({"evaluators": ("  ",)}, "evaluator_required"),
    ({"name": " "}, "name_required"),
    ({"form": "exercise"}, "form"),
    ({"drill": "run:x"}, "drill"),
    ({"problems": "问" * 4001}, "too_long"),
])
def test_an_incomplete_evaluation_is_refused(desk_db, sheets, change, code):
    with pytest.raises(EvaluationRefused) as refused:
        evaluate(draft(a_drill(), **change), sheets, at=T0)
    assert refused.value.code == code


def test_a_revision_follows_the_first_and_changes_nothing_written(desk_db, sheets):
    record = a_drill()
    first = evaluate(draft(record), sheets, at=T0)
    revised = evaluate(draft(record, problems="疏散引导不足"), sheets,
                       at=T0 + timedelta(hours=1), revises=first.id)
    assert (revised.id, revised.revision, revised.draft.problems) == (first.id, 1, "疏散引导不足")
    assert book.entry(first.entry).data["draft"]["problems"] == ""  # the first, as written
    assert book.entry(revised.entry).follows == first.id
    assert [e.id for e in evaluations()] == [first.id]
    with pytest.raises(EvaluationRefused, match="unknown"):
        evaluate(draft(record), sheets, at=T0, revises=revised.entry)  # not an evaluation


def test_a_drill_is_evaluated_once_then_revised(desk_db, sheets):
    record = a_drill()
    first = evaluate(draft(record), sheets, at=T0)
    with pytest.raises(EvaluationRefused) as refused:
        evaluate(draft(record, name="又一份"), sheets, at=T0)  # a second desk, a stale list
    assert (refused.value.code, refused.value.detail) == ("evaluated", str(first.id))
    assert len(book.entries(("drill_eval",))) == 1


def test_a_drill_run_at_the_desk_is_evaluated_and_its_log_row_marked(desk_db, sheets):
    from models.drills.drill_forms import drill_forms
    from models.drills.evaluation import drills_to_evaluate

    row = TrainingRecord.create(kind="drill", held_on=date(2026, 11, 30), topic="抢劫演练",
                                trainer="", attendees="", notes="", drill_run=7)
    assert [c.drill for c in drills_to_evaluate()] == ["run:7"]
    e = evaluate(draft(0, drill="run:7", form="tabletop", scores={"briefing": 12}), sheets,
                 at=T0)
    assert e.total == 12 and e.sheet.title == "桌面演练评估表"
    assert drill_forms()[row.id].form == "tabletop"
    assert drills_to_evaluate()[0].evaluated == e.id


def test_a_live_fire_evaluation_marks_the_drill_for_the_fire_rule(desk_db, sheets,
                                                                  shipped_catalog):
    record = a_drill()
    year = (date(2026, 1, 1), date(2026, 12, 31))
    def fire_done():
        return [i.done_on for i in compliance.due_items(
            shipped_catalog, "mall_desk", *year, today=date(2026, 12, 1))
            if i.kind == "fire_drill"]
    assert fire_done() == [None, None]
    evaluate(draft(record, fire=True), sheets, at=T0)
    assert fire_done() == [None, date(2026, 11, 30)]


def test_an_action_is_done_once(desk_db, sheets):
    e = evaluate(draft(a_drill()), sheets, at=T0)
    act = actions.add_action(e.id, "增设疏散指示牌", "后勤 赵", date(2026, 12, 15), at=T0)
    assert act.status(date(2026, 12, 15)) == "open"
    assert act.status(date(2026, 12, 16)) == "overdue"
    assert actions.overdue_actions(date(2026, 12, 16)) == [act]
    done = actions.complete(act.id, "赵", date(2026, 12, 10), "照片 IMG_1.jpg", at=T0,
                            today=date(2026, 12, 10))
    assert done.status(date(2027, 1, 1)) == "done"
    with pytest.raises(actions.CorrectiveRefused, match="done_twice"):
        actions.complete(act.id, "钱", date(2026, 12, 11), "", at=T0, today=date(2026, 12, 11))
    assert len(book.entries((actions.DONE_KIND,))) == 1
    assert actions.actions(e.id)[0].done.by == "赵"
    assert actions.overdue_actions(date(2027, 1, 1)) == []


@pytest.mark.parametrize(("args", "code"), [
    (("", "赵", date(2026, 12, 15)), "what_required"),
    (("整改", " ", date(2026, 12, 15)), "owner_required"),
    (("整改", "赵", None), "bad_date"),
])
def test_an_action_without_what_owner_or_date_is_refused(desk_db, sheets, args, code):
    e = evaluate(draft(a_drill()), sheets, at=T0)
    with pytest.raises(actions.CorrectiveRefused, match=code):
        actions.add_action(e.id, *args, at=T0)
    with pytest.raises(actions.CorrectiveRefused, match="evaluation"):
        actions.add_action(e.id + 100, "整改", "赵", date(2026, 12, 15), at=T0)


def test_an_action_done_in_the_future_is_refused(desk_db, sheets):
    e = evaluate(draft(a_drill()), sheets, at=T0)
    act = actions.add_action(e.id, "整改", "赵", date(2026, 12, 15), at=T0)
    with pytest.raises(actions.CorrectiveRefused, match="future_date"):
        actions.complete(act.id, "赵", date(2026, 12, 2), "", at=T0, today=date(2026, 12, 1))


def test_an_attachment_changed_or_removed_after_hashing_is_shown_as_such(desk_db, sheets,
                                                                         tmp_path):
    e = evaluate(draft(a_drill()), sheets, at=T0)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    seen = []
    hashed = attachments.hash_file(photo, progress=lambda done, total: seen.append(done))
    kept = attachments.attach(e.id, hashed, "疏散", at=T0)
    assert (kept.kind, kept.size, seen[-1]) == ("photo", 8, 8)
    assert attachments.file_state(kept) == "ok"
    photo.write_bytes(b"\xff\xd8 phot0")  # same size, other content
    assert attachments.file_state(kept) == "changed"
    photo.write_bytes(b"\xff\xd8 photo!")
    assert attachments.file_state(kept) == "changed"
    photo.unlink()
    assert attachments.file_state(kept) == "missing"
    assert attachments.attachments(e.id) == [kept]
    with pytest.raises(attachments.AttachmentRefused, match="not_a_file"):
        attachments.hash_file(tmp_path)


def _verify(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "verify", "--db", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_an_evaluation_edited_with_sqlite3_is_found_by_verify(desk_db, sheets):
    db, _ = desk_db
    e = evaluate(draft(a_drill(), scores={"onsite": 8}), sheets, at=T0)
    path = Path(db.database)
    db.close()
    assert _verify(path).returncode == 0
    conn = sqlite3.connect(path)
    conn.executescript("DROP TRIGGER journal_no_update;")
    conn.execute("UPDATE journal_entry SET data = replace(data, '\"onsite\": 8', "
                 "'\"onsite\": 18') WHERE id = ?", (e.entry,))
    assert conn.total_changes == 1
    conn.commit()
    conn.close()
    result = _verify(path)
    assert result.returncode != 0
    assert f"journal entry #{e.entry}" in result.stdout + result.stderr


def test_an_evaluation_of_a_drill_reads_back_as_written(desk_db, sheets):
    e = evaluate(draft(a_drill(), participants=" 张三 ", evaluators=(" 王 ", "", "李")),
                 sheets, at=T0)
    again = evaluation(e.id)
    assert again == e
    assert again.draft.participants == "张三" and again.draft.evaluators == ("王", "李")


def test_a_drill_to_evaluate_carries_the_form_and_fire_mark_the_log_gave_it(desk_db):
    """A new evaluation starts from what the training log said of the drill, so saving it
    unchanged does not turn a live fire drill into a plain one (the fire rule then unmet)."""
    from models.drills.drill_forms import mark
    from models.drills.evaluation import drills_to_evaluate

    fire = TrainingRecord.create(kind="drill", held_on=date(2026, 12, 2), topic="火灾疏散演练",
                                 trainer="", attendees="", notes="")
    plain = TrainingRecord.create(kind="drill", held_on=date(2026, 12, 1), topic="停电桌面推演",
                                  trainer="", attendees="", notes="")
    mark(fire.id, "live", True, at=T0)
    mark(plain.id, "tabletop", False, at=T0)
    unmarked = TrainingRecord.create(kind="drill", held_on=date(2026, 11, 30), topic="旧演练",
                                     trainer="", attendees="", notes="")
    choices = {c.name: (c.form, c.fire) for c in drills_to_evaluate()}
    assert choices == {"火灾疏散演练": ("live", True), "停电桌面推演": ("tabletop", False),
                       unmarked.topic: ("live", False)}
