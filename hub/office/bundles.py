"""The signed plan bundles a hub serves (`GET /v1/plans/latest`): published at head office
by `main.py hub publish-plans`, copied down to a hall hub by its forwarder. The hub keeps them
as signed and never needs the key: each desk checks the signature against the office key it
pinned (models.plans.signing). A version is published once; the same bundle again is no
change, another text under a version already published is refused."""

from __future__ import annotations

import json
from datetime import datetime

from hub.store.base import Cursor, iso_z

COLUMNS = ("version", "digest", "texts", "signed_by", "signed_on", "key_id", "signature")


class BundleClash(Exception):
    """Another text was already published under this version label."""


def put_bundle(cur: Cursor, bundle: dict, now: datetime) -> bool:
    """Store a bundle (as the office signed it); False when that very bundle is stored
    already. Raises BundleClash for another digest under a stored version."""
    cur.execute("SELECT digest, signature FROM plan_bundle WHERE version = %s",
                (bundle["version"],))
    stored = cur.fetchone()
    if stored is not None:
        if stored[0] != bundle["digest"]:
            raise BundleClash(f"plans {bundle['version']} were already published with other "
                              "texts: give the new plans a version of their own")
        if stored[1] == bundle["signature"]:
            return False
    cur.execute("DELETE FROM plan_bundle WHERE version = %s", (bundle["version"],))
    cur.execute(
        "INSERT INTO plan_bundle (version, digest, texts, signed_by, signed_on, key_id, "
        "signature, published_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        (bundle["version"], bundle["digest"], json.dumps(bundle["texts"], ensure_ascii=False),
         bundle["signed_by"], bundle["signed_on"], bundle["key_id"], bundle["signature"],
         iso_z(now)))
    return True


def latest_bundle(cur: Cursor) -> dict | None:
    """The bundle published last (None before any)."""
    cur.execute(f"SELECT {', '.join(COLUMNS)} FROM plan_bundle "
                "ORDER BY published_at DESC, version DESC LIMIT 1")
    row = cur.fetchone()
    if row is None:
        return None
    bundle = dict(zip(COLUMNS, row, strict=True))
    bundle["texts"] = json.loads(bundle["texts"])
    return bundle


def set_office_key(cur: Cursor, public_key: str) -> None:
    """The office's public key as this hub offers it at enrolment and hello (a desk keeps it
    only if its fingerprint is the one IT gave: `sync enrol --office-key`)."""
    cur.execute("INSERT INTO hub_meta (key, value) VALUES ('office_key', %s) ON CONFLICT (key) "
                "DO UPDATE SET value = EXCLUDED.value", (public_key,))


def office_key(cur: Cursor) -> str:
    row = cur.execute("SELECT value FROM hub_meta WHERE key = 'office_key'").fetchone()
    return row[0] if row else ""
