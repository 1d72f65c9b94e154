"""Shared fixtures. Qt runs offscreen; every test gets its own files."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The machine's printers stay out of the tests: a CUPS queue (a real printer, cups-pdf) would
# take the print dialog's job from the file a test prints to. Tests name their own printers
# (tests/ui/common/test_print_preview.py); nothing listens on port 9, so CUPS answers at once.
os.environ["CUPS_SERVER"] = "127.0.0.1:9"

import shutil
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MINIMAL_CATALOG = """\
[catalog]
title = "测试预案"
version = "t1"
revised = 2026-01-31

[general]
aftercare = ["客户安抚", "损失核算"]

[[source]]
key = "doc"
title = "测试文件"
file = "doc.txt"
org = "测试单位"

[[role]]
key = "clerk"
name = "现场服务人员"

[[role]]
key = "leader"
name = "组长"

[[role]]
key = "fire"
name = "火警"
number = "119"
outside = true

[[level]]
level = 1
name = "一级应急事件"
short = "重大"
color = "#c62828"
criteria = ["人员伤亡"]
handled_by = "组长统一指挥"
report_to = "leader"
report_within_minutes = 5
aftercare_required = ["客户安抚"]
source = ["doc:第十条"]

[[level.timer]]
key = "tell_gm"
label = "组长上报总经理"
action = "report"
by = "leader"
minutes = 0
starts = "met:level_report"

[[category]]
key = "fire_safety"
name = "火灾与安全"
color = "#d32f2f"
order = 1

[[situation]]
key = "fire"
category = "fire_safety"
name = "营业场所火灾"
short = "火灾"
default_level = 1
urgent = true
sources = ["doc:六.3"]

[[situation.step]]
text = "拨打119报警"
call = ["fire"]
say = ["请大家不要慌，跟我从安全出口离开。"]

[[situation.timer]]
key = "arrive"
label = "到场"
action = "arrive"
minutes = 15
holiday_minutes = 45
"""


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    """A folder holding a small valid catalog, to be broken by tests."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "catalog.toml").write_text(MINIMAL_CATALOG, encoding="utf-8")
    return folder


@pytest.fixture
def real_plans_dir(tmp_path: Path) -> Path:
    """A copy of the shipped plans/ folder."""
    target = tmp_path / "real_plans"
    shutil.copytree(ROOT / "plans", target, ignore=shutil.ignore_patterns("drills"))
    return target



@pytest.fixture
def shipped_catalog():
    from models.plans.loader import load_catalog
    from models.store.paths import default_plans_dir

    return load_catalog(default_plans_dir())


@pytest.fixture
def shipped_editions(shipped_catalog):
    """The kinds of hall of the shipped plans (plans/editions.toml); a hall's plans:
    `in_edition(shipped_catalog, shipped_editions, key)`."""
    from models.plans.editions import load_editions
    from models.store.paths import default_plans_dir

    return load_editions(default_plans_dir(), shipped_catalog)


@pytest.fixture
def desk_db(tmp_path, shipped_catalog):
    """A fresh database file with the shipped plans recorded; yields (db, plan version)."""
    from datetime import UTC, datetime

    from models.plans.versions import record_plan_version
    from models.store.schema import open_database

    db = open_database(tmp_path / "desk.db")
    plan = record_plan_version(shipped_catalog, datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    yield db, plan
    db.close()


@pytest.fixture
def unwritable_folder(tmp_path):
    """A folder this process cannot create files in (root ignores permissions: /sys)."""
    if os.geteuid() == 0:
        yield Path("/sys")
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield folder
    folder.chmod(stat.S_IRWXU)


def pytest_sessionfinish(session, exitstatus):
    """On CI (CI=true), which installs everything the tests need, a skipped test is a failure:
    it means a real part (a tool, a privilege) was missing and its promise went untested."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {len(skipped)} test(s) skipped; every test must run here",
                            red=True)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL server for the session (tests/helpers/postgres.py); skipped,
    naming the package, where the server is not installed (a failure on CI)."""
    from tests.helpers import postgres

    if postgres.server_bin() is None:
        pytest.skip(postgres.MISSING)
    cluster = postgres.start_cluster()
    yield cluster
    postgres.remove(cluster)


@pytest.fixture
def pg_url(pg_cluster, request):
    """The URL of an empty database of its own on the session's PostgreSQL server."""
    import re as _re

    name = "t_" + _re.sub(r"\W", "_", request.node.name.lower())[:40] + f"_{id(request) % 10**6}"
    pg_cluster.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield pg_cluster.url(name)
    pg_cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
