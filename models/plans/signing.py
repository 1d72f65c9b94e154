"""Plans signed at head office: the office's Ed25519 key, a signed bundle of plan texts, and
checking a bundle against the key a desk pinned when it enrolled.

A bundle is plain data (what the hub stores and serves at /v1/plans/latest):
`{version, digest, texts, signed_by, signed_on, key_id, signature}`. The signature covers
every field but itself, as canonical JSON (sorted keys, no spaces, UTF-8) after a fixed
prefix, so a signature made for anything else never verifies as a bundle. `key_id` is the
public key's fingerprint, which IT reads out when a desk enrols (`--office-key`).

A bundle is refused (BundleRefused, with a code) unless it is signed by the pinned key, its
texts load through the loader and give the version and digest it names. Nothing here writes
the database: models.plans.office_release publishes a verified bundle.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from models.plans.catalog import Catalog
from models.plans.loader import CatalogError, load_texts

SIGNED_PREFIX = b"emergency-desk plan bundle 1\n"
SIGNED_FIELDS = ("version", "digest", "texts", "signed_by", "signed_on")
BUNDLE_FIELDS = (*SIGNED_FIELDS, "key_id", "signature")


class BundleRefused(Exception):
    """A bundle the desk does not take. `code`:

    - malformed: not a bundle (a field missing or of the wrong type)
    - unsigned: no signature
    - no_key: the desk pinned no office key when it enrolled
    - other_key: signed with another key than the pinned one
    - bad_signature: the signature does not verify (a byte of the bundle changed)
    - broken: the texts do not load (`detail`: the loader's problems)
    - bad_digest: the texts do not give the version and digest the bundle names
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail = code, detail


class KeyRefused(Exception):
    """An office key file that cannot be read, or a public key that is not one."""


@dataclass(frozen=True)
class VerifiedBundle:
    catalog: Catalog  # the texts as loaded
    texts: dict[str, str]
    signed_by: str
    signed_on: date
    key_id: str
    signature: str


# ---- keys ------------------------------------------------------------------------------------

def new_key_file(path: Path) -> str:
    """A new office private key written to `path` (created 0600, never overwritten); returns
    its fingerprint."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    return fingerprint(public_key_text(key))


def load_key_file(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except OSError as e:
        raise KeyRefused(f"cannot read the key file {path}: {e.strerror}") from None
    except (ValueError, TypeError):
        raise KeyRefused(f"{path} is not an office key (main.py hub keygen makes one)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyRefused(f"{path} is not an Ed25519 key (main.py hub keygen makes one)")
    return key


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The public half, as a desk pins it: base64 of its 32 bytes."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public_key: str) -> str:
    """What people compare: the first 80 bits of the public key's SHA-256, in groups of four
    hex digits (ab12-cd34-ef56-7890-1a2b)."""
    digest = hashlib.sha256(_raw_public(public_key)).hexdigest()[:20]
    return "-".join(digest[i:i + 4] for i in range(0, 20, 4))


def matches(public_key: str, expected_fingerprint: str) -> bool:
    """Whether a public key offered by a hub is the one IT named (case and spaces ignored)."""
    try:
        return fingerprint(public_key) == expected_fingerprint.strip().lower()
    except KeyRefused:
        return False


def _raw_public(public_key: str) -> bytes:
    try:
        raw = base64.b64decode(public_key, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise KeyRefused("not a public key (base64 expected)") from None
    if len(raw) != 32:
        raise KeyRefused("not an Ed25519 public key (32 bytes expected)")
    return raw


# ---- bundles ---------------------------------------------------------------------------------

def signed_message(bundle: dict) -> bytes:
    """The bytes a bundle's signature covers."""
    fields = {name: bundle[name] for name in SIGNED_FIELDS}
    return SIGNED_PREFIX + json.dumps(fields, sort_keys=True, ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8")


def sign_bundle(key: Ed25519PrivateKey, texts: dict[str, str], signed_by: str,
                signed_on: date) -> dict:
    """The plans' texts as a signed bundle. Raises CatalogError when they do not load (the
    office never signs plans a desk could not run)."""
    catalog = load_texts(texts, "plans to sign")
    bundle = {"version": catalog.info.version, "digest": catalog.digest, "texts": dict(texts),
              "signed_by": signed_by, "signed_on": signed_on.isoformat(),
              "key_id": fingerprint(public_key_text(key))}
    bundle["signature"] = base64.b64encode(key.sign(signed_message(bundle))).decode("ascii")
    return bundle


def verify_bundle(bundle: object, pinned_key: str) -> VerifiedBundle:
    """The bundle checked against the office key the desk pinned (base64, as
    public_key_text gives it). Raises BundleRefused."""
    _check_shape(bundle)
    if not bundle.get("signature"):
        raise BundleRefused("unsigned")
    if not pinned_key:
        raise BundleRefused("no_key")
    try:
        public = Ed25519PublicKey.from_public_bytes(_raw_public(pinned_key))
    except KeyRefused as e:
        raise BundleRefused("no_key", str(e)) from None
    if bundle["key_id"] != fingerprint(pinned_key):
        raise BundleRefused("other_key", f"signed by {bundle['key_id']}, the desk trusts "
                                         f"{fingerprint(pinned_key)}")
    try:
        public.verify(base64.b64decode(bundle["signature"], validate=True),
                      signed_message(bundle))
    except (InvalidSignature, binascii.Error, ValueError):
        raise BundleRefused("bad_signature") from None
    return _loaded(bundle)


def _check_shape(bundle: object) -> None:
    if not isinstance(bundle, dict):
        raise BundleRefused("malformed", "not a bundle")
    for name in BUNDLE_FIELDS:
        if name == "signature" and bundle.get(name) in (None, ""):
            continue
        if not isinstance(bundle.get(name), dict if name == "texts" else str):
            raise BundleRefused("malformed", name)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in bundle["texts"].items()):
        raise BundleRefused("malformed", "texts")


def _loaded(bundle: dict) -> VerifiedBundle:
    try:
        signed_on = date.fromisoformat(bundle["signed_on"])
    except ValueError:
        raise BundleRefused("malformed", "signed_on") from None
    try:
        catalog = load_texts(bundle["texts"], f"plans {bundle['version']} from head office")
    except CatalogError as e:
        raise BundleRefused("broken", "; ".join(str(p) for p in e.problems)[:500]) from None
    if (catalog.digest, catalog.info.version) != (bundle["digest"], bundle["version"]):
        raise BundleRefused("bad_digest", f"{catalog.info.version} {catalog.digest}")
    return VerifiedBundle(catalog, dict(bundle["texts"]), bundle["signed_by"], signed_on,
                          bundle["key_id"], bundle["signature"])
