"""Head office's actions of the `hub` command: make the office's signing key
(`hub keygen --out office.key`) and publish plans signed with it (`hub publish-plans --key
office.key --from FOLDER`): the hub serves them to every desk, and hall hubs forwarding to it
copy them down."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

ACTIONS = ("keygen", "publish-plans", "admin-token")


def add_office_actions(actions, db_option) -> None:
    """Add head office's actions to the `hub` command's subcommands; `db_option(parser)` adds
    the hub's own --db option."""
    keygen = actions.add_parser("keygen", help="make head office's key for signing plans "
                                "(kept private; desks pin its fingerprint)")
    keygen.add_argument("--out", type=Path, required=True, help="the key file to create")
    publish = actions.add_parser("publish-plans", help="sign a folder of plans with head "
                                 "office's key and publish them to the desks")
    db_option(publish)
    publish.add_argument("--key", type=Path, required=True, help="the key file (hub keygen)")
    publish.add_argument("--from", dest="plans_from", type=Path, required=True,
                         metavar="FOLDER", help="the plan folder to publish")
    publish.add_argument("--signer", default="总部", help="who signs them (签发人), as desks "
                         "print it (default 总部)")
    publish.add_argument("--signed-on", type=date.fromisoformat, metavar="YYYY-MM-DD",
                         help="the date of signing (default: today)")
    admin = actions.add_parser("admin-token", help="trade an admin code (hub code --kind "
                               "admin) for head office's token, kept in a private file "
                               "(export daily --hub reads it)")
    admin.add_argument("--hub", required=True, type=_hub_url, metavar="URL")
    admin.add_argument("--code", required=True, help="the one-time code")
    admin.add_argument("--name", default="总部", help="who holds it (default 总部)")
    admin.add_argument("--out", type=Path, required=True, help="the token file to create")


def add_upstream_options(hub: argparse.ArgumentParser) -> None:
    """The `hub` command's options for a hall hub that forwards to head office."""
    hub.add_argument("--upstream", metavar="URL", type=_hub_url, help="head office's hub "
                     "to forward everything to (a hall hub)")
    hub.add_argument("--upstream-code", metavar="CODE", help="with --upstream, the first "
                     "time: the code head office gave (main.py hub code --kind hub)")
    hub.add_argument("--test-stall-forward", type=int, default=0, help=argparse.SUPPRESS)


def _hub_url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"not a hub's address: {text!r} (write "
                                         "http://HOST:PORT)")
    return text.rstrip("/")


def upstream_of(args: argparse.Namespace):
    """The head office to forward to (hub.office.forwarder.Upstream), or None."""
    if not getattr(args, "upstream", None):
        return None
    from hub.office.forwarder import Upstream

    return Upstream(args.upstream.rstrip("/"), args.upstream_code or "",
                    args.test_stall_forward)


def run_office_action(args: argparse.Namespace, database: str) -> int:
    if args.hub_action == "keygen":
        return _keygen(args.out)
    if args.hub_action == "admin-token":
        return _admin_token(args.hub, args.code, args.name, args.out)
    return _publish(args, database)


def _admin_token(hub: str, code: str, name: str, out: Path) -> int:
    from models.sync.client import HubClient, HubUnreachable
    from models.sync.protocol import HubError

    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as e:
        print(f"hub admin-token: cannot create {out}: {e.strerror}", file=sys.stderr)
        return 2
    try:
        with HubClient(hub) as client:
            answer = client.enrol(code.strip().upper(), kind="admin", name=name)
    except (HubError, HubUnreachable) as e:
        os.close(fd)
        os.unlink(out)
        print(f"hub admin-token: {e}", file=sys.stderr)
        return 2
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(answer["token"] + "\n")
    print(f"wrote the admin token of {name} at {hub} to {out} (keep it private)")
    return 0


def _keygen(out: Path) -> int:
    from models.plans.signing import new_key_file

    try:
        printed = new_key_file(out)
    except FileExistsError:
        print(f"hub keygen: {out} exists; a key is never overwritten", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"hub keygen: cannot write {out}: {e.strerror}", file=sys.stderr)
        return 2
    print(f"wrote head office's key to {out} (keep it private; back it up)")
    print(f"fingerprint {printed}: desks enrol with --office-key {printed}")
    return 0


def _publish(args: argparse.Namespace, database: str) -> int:
    from hub.office.bundles import BundleClash, put_bundle, set_office_key
    from hub.store import HubRefused, open_store
    from models.plans.loader import CatalogError
    from models.plans.running import shipped_texts
    from models.plans.signing import KeyRefused, load_key_file, public_key_text, sign_bundle

    try:
        key = load_key_file(args.key)
        texts = shipped_texts(args.plans_from)
        bundle = sign_bundle(key, texts, args.signer, args.signed_on or date.today())
    except KeyRefused as e:
        print(f"hub publish-plans: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"hub publish-plans: cannot read {args.plans_from}: {e.strerror}",
              file=sys.stderr)
        return 2
    except CatalogError as e:
        print(f"hub publish-plans: the plans in {args.plans_from} have problems; nothing "
              f"published:\n{e}", file=sys.stderr)
        return 2
    try:
        store = open_store(database)
    except HubRefused as e:
        print(f"hub publish-plans: {e}", file=sys.stderr)
        return 2
    try:
        with store.transaction(write=True) as cur:
            stored = put_bundle(cur, bundle, datetime.now(UTC))
            set_office_key(cur, public_key_text(key))
    except BundleClash as e:
        print(f"hub publish-plans: {e}", file=sys.stderr)
        return 2
    finally:
        store.close()
    said = "published" if stored else "already published"
    print(f"{said}: plans {bundle['version']} ({len(texts)} files, digest "
          f"{bundle['digest'][:12]}), signed by {bundle['signed_by']} with key "
          f"{bundle['key_id']}; desks take them at their next sync")
    return 0
