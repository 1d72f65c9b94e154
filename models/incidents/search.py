"""Text search over incidents that stays instant at 200,000 incidents (SQLite FTS5).

Chinese has no spaces, so the index holds overlapping character pairs ("一楼大厅" → "一楼 楼大
大厅"): a two-character query is one token, a longer one a phrase of pairs. A second column
holds each Chinese character once, for one-character queries. Latin words and numbers are
indexed as words and matched by prefix. On a database without FTS5 (PostgreSQL later) a plain
scan is used.
"""

from __future__ import annotations

import json
import re

import peewee as pw

from models.store.tables import Incident, RecordData, TimelineEntry

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[0-9A-Za-z]+")
SEARCHED_RECORD_FIELDS = ("place", "reporter", "handler", "description", "people", "injuries",
                          "loss_items", "evidence", "result")


def index_form(text: str) -> str:
    """The text as index tokens: words, and each run of Chinese as overlapping pairs."""
    parts = [w.lower() for w in _WORD.findall(text)]
    for run in _CJK.findall(text):
        parts += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
    return " ".join(parts)


def index_chars(text: str) -> str:
    """Each Chinese character of the text once (the one-character column)."""
    return " ".join(dict.fromkeys(ch for run in _CJK.findall(text) for ch in run))


def match_query(text: str) -> str | None:
    """An FTS5 query for what the user typed (all terms must match), or None if nothing in
    it can be searched (only punctuation)."""
    terms = []
    for word in _WORD.findall(text):
        terms.append(f'body : "{word.lower()}"*')
    for run in _CJK.findall(text):
        if len(run) == 1:
            terms.append(f'chars : "{run}"')
            continue
        pairs = " ".join(run[i:i + 2] for i in range(len(run) - 1))
        terms.append(f'body : "{pairs}"')
    return " AND ".join(terms) if terms else None


def uses_fts(db: pw.Database) -> bool:
    return isinstance(db, pw.SqliteDatabase)


def incident_text(incident_id: int) -> str:
    """Everything searchable about an incident, from the database."""
    incident = Incident.get_by_id(incident_id)
    parts = [incident.number, incident.situation_name, incident.place, incident.desk,
             incident.clerk, incident.description]
    record = RecordData.get_or_none(RecordData.incident == incident_id)
    if record:
        data = json.loads(record.data)
        parts += [str(data.get(k, "")) for k in SEARCHED_RECORD_FIELDS]
    parts += [n.text for n in TimelineEntry.select(TimelineEntry.text).where(
        TimelineEntry.incident == incident_id, TimelineEntry.kind == "note")]
    return " ".join(p for p in parts if p)


def reindex(incident_id: int, text: str | None = None) -> None:
    if not uses_fts(Incident._meta.database):
        return
    text = text if text is not None else incident_text(incident_id)
    db = Incident._meta.database
    with db.atomic():
        db.execute_sql("DELETE FROM incident_fts WHERE rowid = ?", (incident_id,))
        db.execute_sql("INSERT INTO incident_fts (rowid, body, chars) VALUES (?, ?, ?)",
                       (incident_id, index_form(text), index_chars(text)))


def index_many(items: list[tuple[int, str]]) -> None:
    """Index new incidents in bulk (demo data): (incident id, text) pairs."""
    if uses_fts(Incident._meta.database):
        Incident._meta.database.connection().executemany(
            "INSERT INTO incident_fts (rowid, body, chars) VALUES (?, ?, ?)",
            [(i, index_form(text), index_chars(text)) for i, text in items])


def matching(query: pw.ModelSelect, text: str) -> pw.ModelSelect:
    """`query` (over Incident) narrowed to incidents matching `text`."""
    text = text.strip()
    if not text:
        return query
    fts = match_query(text)
    if fts is not None and uses_fts(Incident._meta.database):
        ids = pw.SQL("(SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?)", (fts,))
        return query.where(Incident.id.in_(ids))
    like = f"%{text}%"
    return query.where(Incident.number.contains(text) | Incident.situation_name.contains(text)
                       | Incident.place.contains(text) | Incident.description.contains(text)
                       | Incident.id.in_(TimelineEntry.select(TimelineEntry.incident).where(
                           TimelineEntry.kind == "note", TimelineEntry.text ** like)))
