"""Plans signed at head office: a real Ed25519 signature is taken in through the publishing
records; a byte changed, another key, no signature, no pinned key, or texts that do not give
the named digest are refused and the desk keeps its plans."""

import base64
import json
import os
import stat
from datetime import date, timedelta

import pytest

from models.plans import publishing, signing
from models.plans.office_release import take_bundle
from models.plans.running import running_plan, shipped_texts
from models.plans.signing import BundleRefused
from models.store.paths import default_plans_dir
from models.store.plan_links import plan_link_findings
from models.store.tables import PlanDraft, PlanRelease, PlanVersion, bound_database
from tests.models.plans.plan_drafting import T0

SIGNED_ON = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _db(desk_db):
    return desk_db


@pytest.fixture
def key(tmp_path):
    path = tmp_path / "office.key"
    signing.new_key_file(path)
    return signing.load_key_file(path)


def office_texts(version="2026.2"):
    texts = shipped_texts(default_plans_dir())
    texts["catalog.toml"] = texts["catalog.toml"].replace('version = "2026.1"',
                                                          f'version = "{version}"', 1)
    return texts


def running():
    return running_plan(default_plans_dir())


def refused(bundle, pinned) -> str:
    before = (PlanRelease.select().count(), PlanDraft.select().count(),
              PlanVersion.select().count())
    with pytest.raises(BundleRefused) as caught:
        take_bundle(bundle, pinned, running(), T0)
    assert (PlanRelease.select().count(), PlanDraft.select().count(),
            PlanVersion.select().count()) == before
    assert running().catalog.info.version == "2026.1"  # the desk keeps its plans
    return caught.value.code


def test_a_key_file_is_private_and_never_overwritten(tmp_path):
    path = tmp_path / "office.key"
    printed = signing.new_key_file(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    key = signing.load_key_file(path)
    assert printed == signing.fingerprint(signing.public_key_text(key))
    assert len(printed) == 24 and printed.count("-") == 4
    with pytest.raises(FileExistsError):
        signing.new_key_file(path)
    assert signing.load_key_file(path).private_bytes_raw() == key.private_bytes_raw()


def test_a_file_that_is_no_key_is_said_so(tmp_path):
    path = tmp_path / "office.key"
    path.write_text("not a key")
    with pytest.raises(signing.KeyRefused, match="not an office key"):
        signing.load_key_file(path)
    with pytest.raises(signing.KeyRefused, match="cannot read"):
        signing.load_key_file(tmp_path / "none.key")


def test_a_fingerprint_matches_only_its_key(key):
    public = signing.public_key_text(key)
    assert signing.matches(public, signing.fingerprint(public).upper() + " ")
    other = signing.public_key_text(signing.Ed25519PrivateKey.generate())
    assert not signing.matches(other, signing.fingerprint(public))
    assert not signing.matches("not base64!", signing.fingerprint(public))


def test_a_signed_bundle_is_published_with_the_offices_signature(key):
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    act = take_bundle(json.loads(json.dumps(bundle)), signing.public_key_text(key), running(),
                      T0)
    plan = running()
    assert plan.published and plan.catalog.info.version == "2026.2"
    assert (act.act, act.by, act.signer, act.signed_on) == ("published", "总部", "总部 赵总",
                                                           SIGNED_ON)
    stamp = publishing.stamp_of(plan.catalog)
    assert (stamp.signer, stamp.signed_on) == ("总部 赵总", SIGNED_ON)
    note = json.loads(PlanRelease.get_by_id(act.id).note)
    assert (note["key_id"], note["signature"]) == (bundle["key_id"], bundle["signature"])
    assert plan_link_findings(bound_database()) == []  # linked into the desk-wide chain


def test_the_same_bundle_again_changes_nothing(key):
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    pinned = signing.public_key_text(key)
    take_bundle(bundle, pinned, running(), T0)
    assert take_bundle(bundle, pinned, running(), T0 + timedelta(hours=1)) is None
    assert PlanRelease.select().count() == 1


def test_one_byte_changed_in_the_texts_is_refused(key):
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    text = bundle["texts"]["fire_safety.toml"]
    at = text.index("119")
    bundle["texts"]["fire_safety.toml"] = text[:at] + "110" + text[at + 3:]
    assert refused(bundle, signing.public_key_text(key)) == "bad_signature"


def test_a_changed_signer_is_refused(key):
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    bundle["signed_by"] = "总部 钱总"
    assert refused(bundle, signing.public_key_text(key)) == "bad_signature"


def test_another_key_is_refused(key):
    other = signing.Ed25519PrivateKey.generate()
    bundle = signing.sign_bundle(other, office_texts(), "总部 赵总", SIGNED_ON)
    assert refused(bundle, signing.public_key_text(key)) == "other_key"
    bundle["key_id"] = signing.fingerprint(signing.public_key_text(key))  # names ours
    assert refused(bundle, signing.public_key_text(key)) == "bad_signature"


def test_an_unsigned_bundle_is_refused(key):
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    for missing in ("", None):
        bundle["signature"] = missing
        assert refused(bundle, signing.public_key_text(key)) == "unsigned"
    del bundle["signature"]
    assert refused(bundle, signing.public_key_text(key)) == "unsigned"


def test_a_desk_that_pinned_no_key_takes_nothing(key):
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    assert refused(bundle, "") == "no_key"


def test_a_signed_digest_the_texts_do_not_give_is_refused(key):
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    bundle["digest"] = "0" * 64
    bundle["signature"] = base64.b64encode(key.sign(signing.signed_message(bundle))).decode()
    assert refused(bundle, signing.public_key_text(key)) == "bad_digest"


def test_not_a_bundle_is_refused(key):
    pinned = signing.public_key_text(key)
    assert refused(["texts"], pinned) == "malformed"
    bundle = signing.sign_bundle(key, office_texts(), "总部 赵总", SIGNED_ON)
    bundle["texts"] = {"catalog.toml": 3}
    assert refused(bundle, pinned) == "malformed"


def test_the_office_never_signs_plans_that_do_not_load(key):
    from models.plans.loader import CatalogError

    with pytest.raises(CatalogError):
        signing.sign_bundle(key, {"catalog.toml": "[catalog]\n"}, "总部 赵总", SIGNED_ON)
