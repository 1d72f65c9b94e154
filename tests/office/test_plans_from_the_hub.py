"""Head office publishes signed plans at its hub (`main.py hub keygen`, `hub publish-plans`);
a desk fetches them from the real hub process, checks them against the key it pinned and runs
them from its next start. Signed by another key, the desk keeps its plans."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from models.plans import signing
from models.plans.running import running_plan
from models.plans.signing import BundleRefused
from models.store.paths import default_plans_dir
from models.store.tables import SyncState
from models.sync.office_plans import OfficeClient, pull_office_plans
from tests.helpers.hub_process import ROOT, start_hub
from tests.office.hub_setup import NOW, enrolled


def main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def office_plans(tmp_path):
    folder = tmp_path / "office_plans"
    shutil.copytree(default_plans_dir(), folder, ignore=shutil.ignore_patterns("drills"))
    catalog = folder / "catalog.toml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'version = "2026.1"', 'version = "2026.5"', 1), encoding="utf-8")
    return folder


def pin(key_file) -> None:
    public = signing.public_key_text(signing.load_key_file(key_file))
    SyncState.create(hub_url="http://x", hub_id="h", desk_id="d", token="t", enrolled_at=NOW,
                     office_key=public)


def test_a_desk_takes_the_plans_head_office_signed(desk_db, tmp_path, office_plans):
    hub_db, key = str(tmp_path / "hub.db"), tmp_path / "office.key"
    made = main("hub", "keygen", "--out", str(key))
    assert made.returncode == 0, made.stderr
    assert signing.fingerprint(signing.public_key_text(signing.load_key_file(key))) \
        in made.stdout
    published = main("hub", "publish-plans", "--db", hub_db, "--key", str(key), "--from",
                     str(office_plans), "--signer", "总部 赵总", "--signed-on", "2026-12-01")
    assert published.returncode == 0, published.stderr
    assert "published: plans 2026.5" in published.stdout
    _, token = enrolled(hub_db)
    pin(key)
    hub = start_hub(hub_db)
    try:
        with OfficeClient(hub.url, token) as client:
            taken = pull_office_plans(client, running_plan(default_plans_dir()), NOW)
            again = pull_office_plans(client, running_plan(default_plans_dir()), NOW)
    finally:
        hub.stop()
    assert taken.version == "2026.5" and taken.act.signer == "总部 赵总"
    assert again.act is None
    assert running_plan(default_plans_dir()).catalog.info.version == "2026.5"


def test_plans_signed_by_another_key_leave_the_desks_plans(desk_db, tmp_path, office_plans):
    hub_db, key, other = str(tmp_path / "hub.db"), tmp_path / "office.key", tmp_path / "x.key"
    assert main("hub", "keygen", "--out", str(key)).returncode == 0
    assert main("hub", "keygen", "--out", str(other)).returncode == 0
    assert main("hub", "publish-plans", "--db", hub_db, "--key", str(other), "--from",
                str(office_plans)).returncode == 0
    _, token = enrolled(hub_db)
    pin(key)
    hub = start_hub(hub_db)
    try:
        with OfficeClient(hub.url, token) as client, pytest.raises(BundleRefused) as refused:
            pull_office_plans(client, running_plan(default_plans_dir()), NOW)
    finally:
        hub.stop()
    assert refused.value.code == "other_key"
    assert running_plan(default_plans_dir()).catalog.info.version == "2026.1"


def test_publishing_refuses_what_it_cannot_sign(tmp_path, office_plans):
    hub_db, key = str(tmp_path / "hub.db"), tmp_path / "office.key"
    assert main("hub", "keygen", "--out", str(key)).returncode == 0
    again = main("hub", "keygen", "--out", str(key))
    assert again.returncode == 2 and "never overwritten" in again.stderr
    not_a_key = main("hub", "publish-plans", "--db", hub_db, "--key", str(office_plans /
                     "catalog.toml"), "--from", str(office_plans))
    assert not_a_key.returncode == 2 and "not an office key" in not_a_key.stderr
    (office_plans / "catalog.toml").write_text("[catalog]\n", encoding="utf-8")
    broken = main("hub", "publish-plans", "--db", hub_db, "--key", str(key), "--from",
                  str(office_plans))
    assert broken.returncode == 2 and "nothing published" in broken.stderr
    assert "Traceback" not in broken.stderr + not_a_key.stderr


def desk_file(path):
    from models.store.schema import open_database

    open_database(path).close()
    return path


def test_plans_take_pins_the_key_it_was_told_and_takes_the_plans(tmp_path, office_plans):
    hub_db, key, desk = str(tmp_path / "hub.db"), tmp_path / "office.key", tmp_path / "desk.db"
    fingerprint = main("hub", "keygen", "--out", str(key)).stdout.split("--office-key ")[1]
    assert main("hub", "publish-plans", "--db", hub_db, "--key", str(key), "--from",
                str(office_plans), "--signer", "总部 赵总").returncode == 0
    code = main("hub", "code", "--db", hub_db).stdout.strip()
    hub = start_hub(hub_db)
    try:
        assert main("sync", "enrol", "--db", str(desk_file(desk)), "--hub", hub.url,
                    "--code", code, "--desk-name", "1号台").returncode == 0
        unpinned = main("plans", "take", "--db", str(desk))
        wrong = main("plans", "take", "--db", str(desk), "--office-key", "0000-0000-0000-0000-0000")
        taken = main("plans", "take", "--db", str(desk), "--office-key", fingerprint.strip())
        again = main("plans", "take", "--db", str(desk))
    finally:
        hub.stop()
    assert unpinned.returncode == 2 and "--office-key FINGERPRINT" in unpinned.stderr
    assert wrong.returncode == 2 and "nothing taken" in wrong.stderr
    assert taken.returncode == 0, taken.stderr
    assert "Took the plans 2026.5 from head office (signed by 总部 赵总" in taken.stdout
    assert again.returncode == 0 and "already runs the plans 2026.5" in again.stdout
    status = main("plans", "status", "--db", str(desk))
    assert "2026.5" in status.stdout and "总部 赵总" in status.stdout
    assert "Traceback" not in unpinned.stderr + wrong.stderr + taken.stderr
