"""Every loader over thousands of mutated real files: the plans, the drill scenarios, a contact
CSV, the settings and the PDF words (the screens' .qm: tests/ui/common/test_i18n_fuzzed.py).
What a loader may do with a broken file is refuse it in its own words (CatalogError, a
scenario problem, CsvRefused, settings defaults with a problem, TranslationRefused) — never
raise anything else, never hang, never take the desk down."""

import contextlib
import itertools
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.clock.act import Who
from models.clock.clocks import FakeClock
from models.contacts.csv_import import CsvRefused, preview_import
from models.drills.scenarios import read_scenario
from models.incidents.readout import readout
from models.incidents.records import loss_warnings
from models.plans.calls import dial_order, plan_calls
from models.plans.catalog import Catalog, Situation
from models.plans.emergency_numbers import emergency_numbers
from models.plans.levels import propose_level, questions
from models.plans.loader import CatalogError, load_catalog
from models.plans.report_targets import report_targets
from models.plans.versions import record_plan_version
from models.services.incidents import IncidentService
from models.services.refusals import REFUSALS
from models.store.schema import open_database
from models.store.settings import SettingsStore
from models.store.translation_files import TranslationRefused, read_words

ROOT = Path(__file__).resolve().parents[2]
FUZZ = settings(max_examples=400, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
CSV = ("姓名,角色,单位,电话1说明,电话1,电话2说明,电话2\n"
       "张三,group_leader,本厅,手机,13800138000,办公,010-12345678\n"
       "李四,liaison,本厅,手机,13900139000,,\n").encode("gbk")
SETTINGS = '{"hall_name": "城东营业厅", "desk_name": "1号台", "text_size": 115}'.encode()


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """The file after 1–6 of what damages files: cut short, a slice lost or doubled, bytes
    flipped, junk inserted (often TOML/CSV/JSON punctuation, so the parsers go deep)."""
    data = bytearray(original)
    junk = st.one_of(st.binary(max_size=40),
                     st.text(alphabet='[]{}"\',=\n\t#.:- 0123456789电话²\\', max_size=60)
                     .map(lambda s: s.encode("utf-8")))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        end = draw(st.integers(at, min(len(data), at + 200)))
        op = draw(st.sampled_from(("cut", "lose", "double", "flip", "insert")))
        if op == "cut":
            del data[at:]
        elif op == "lose":
            del data[at:end]
        elif op == "double":
            data[at:at] = data[at:end]
        elif op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        else:
            data[at:at] = draw(junk)
    return bytes(data)


EDGE_VALUES = {  # by the kind of value they replace, so most keep the loader's types
    "number": ("0", "-1", "1", "2147483648", "99999999999", "9223372036854775807",
               "-9223372036854775808", "1e308", "inf", "nan", "-0.0", "0.5"),
    "text": ('""', '" "', '"' + "长" * 5000 + '"', '"\\u0000"', '"110"', '"clerk"', '"x"',
             '"start"', '"met:report"', '"missed:x"', '"manual"', '"#000000"', '"police"'),
    "list": ("[]", '["police"]', '["police", "police"]', '["clerk"]', '[""]',
             '["clerk", "police", "fire", "ambulance"]', '["met:report", "missed:report"]'),
    "other": ("true", "false", "1979-05-27", "{}"),
}


def _kind_of_value(value: str) -> str:
    first = value.lstrip()[:1]
    return {"\"": "text", "'": "text", "[": "list"}.get(
        first, "number" if first.isdigit() or first in "+-" else "other")


@st.composite
def revalued(draw, original: bytes) -> bytes:
    """The file with 1–3 of its `name = value` lines given an edge value, mostly of the same
    kind: numbers huge, negative, infinite; texts empty, blank, long, or naming another key;
    lists empty or repeating. Random bytes rarely make those, and they are what a loader
    accepts and a press then breaks on."""
    lines = original.decode("utf-8").splitlines(keepends=True)
    assigned = [i for i, line in enumerate(lines) if re.match(r"^\s*\w+\s*=", line)]
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.sampled_from(assigned))
        name, value = lines[i].split("=", 1)
        kind = draw(st.sampled_from((_kind_of_value(value),) * 3 + tuple(EDGE_VALUES)))
        lines[i] = f"{name}= {draw(st.sampled_from(EDGE_VALUES[kind]))}\n"
    return "".join(lines).encode("utf-8")


@pytest.fixture(scope="module")
def plans_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    for path in (ROOT / "plans").glob("*.toml"):
        shutil.copy(path, folder)
    return folder


FUNCTION_KEYS = 3  # F10, F11, F12: ui.emergency.emergency_numbers


def _uses(situation: Situation) -> set[tuple]:
    """What of the catalog a press of `situation` reads besides the situation itself."""
    steps, timers = situation.steps, situation.timers
    return ({("level", situation.default_level)}
            | {("role", r) for s in steps for r in (s.role, *s.call)}
            | {("role", r) for t in timers for r in (t.by, t.to) if r}
            | {("timer", t.action, s) for t in timers for s in t.starts}
            | {("switch",) for s in steps if s.switch_to})


def situations_to_press(catalog: Catalog, shipped: Catalog) -> list[str]:
    """The situations changed from the shipped plans, plus — when what every press reads
    changed (the levels, the roles, [general]) — a few that together use every level, role
    and kind of timer (each press goes through every level): 12 of 31, for speed."""
    known = set(shipped.situations)
    keys = [s.key for s in catalog.situations if s not in known]
    if (catalog.levels, catalog.roles, catalog.general) != \
            (shipped.levels, shipped.roles, shipped.general):
        covered: set[tuple] = set()
        for situation in sorted(catalog.situations, key=lambda s: -len(_uses(s))):
            if not _uses(situation) <= covered:
                covered |= _uses(situation)
                keys.append(situation.key)
    return list(dict.fromkeys(keys))


def refused_or_done(command, *args) -> None:
    with contextlib.suppress(*REFUSALS):
        command(*args)


def press(service: IncidentService, catalog: Catalog, key: str) -> None:
    """One press and what the guided view builds and does with it: read-out, call buttons,
    deadlines; every step ticked, every call made, every trigger, level and plan it may switch
    to, then resolved."""
    incident = service.start(key).incident_id
    situation = catalog.situation(key)
    state = service.state(incident)
    readout(catalog, state)
    calls = dial_order(catalog, plan_calls(situation))
    assert all(catalog.role(role).name for role in calls)
    report_targets(catalog, state.summary.level)
    service.open_deadlines()
    for index in range(len(situation.steps)):
        refused_or_done(service.set_step, incident, index, True)
    for role in calls:
        refused_or_done(service.call, incident, role)
    for trigger in service.manual_triggers(incident):
        refused_or_done(service.trigger, incident, trigger)
    for level in catalog.levels:
        refused_or_done(service.change_level, incident, level.level, "fuzz")
    for target in {step.switch_to for step in situation.steps if step.switch_to}:
        refused_or_done(service.switch_situation, incident, target)
    refused_or_done(service.resolve, incident)
    service.open_deadlines()


def press_every_situation(catalog: Catalog, keys: list[str], db_path: Path) -> None:
    """What the emergency screen does with an accepted catalog: the bar of numbers, the level
    questions, then each situation of `keys` pressed on a fresh database."""
    bar = emergency_numbers(catalog)
    assert all(role.number for role in bar)
    assert len({role.number for role in bar}) == len(bar)  # the bar keys its buttons by number
    assert [r.key for r in bar[:FUNCTION_KEYS]] == list(catalog.general.emergency_numbers[:3])
    propose_level(catalog.levels, [c for _, c in questions(catalog.levels)])
    loss_warnings(catalog, "5000.01")  # saving a record compares its loss with thresholds
    db = open_database(db_path)
    db.execute_sql("PRAGMA synchronous = OFF")  # no power cut to survive here: 2× faster
    try:
        clock = FakeClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
        plan = record_plan_version(catalog, clock.now())
        service = IncidentService(catalog=catalog, plan=plan, clock=clock,
                                  who=lambda: Who("城东营业厅", "1号台", "张三"))
        for key in keys:
            press(service, catalog, key)
            clock.advance(minutes=1)
        clock.advance(days=30)
        service.check_overdue()  # every deadline missed
        service.open_deadlines()
    finally:
        db.close()


@pytest.mark.parametrize("name", ["catalog.toml", "fire_safety.toml", "systems.toml",
                                  "property.toml"])
def test_a_mutated_plan_file_is_refused_or_every_press_works(plans_copy, name,
                                                             shipped_catalog, tmp_path):
    """What the loader accepts, the desk can use: a value that passed the loader and then
    crashed a press (or moved the numbers on F10–F12) is refused by the loader instead."""
    original = (ROOT / "plans" / name).read_bytes()
    databases = (tmp_path / f"{n}.db" for n in itertools.count())

    @FUZZ
    @given(data=st.one_of(mutated(original), revalued(original)))
    def check(data):
        (plans_copy / name).write_bytes(data)
        try:
            catalog = load_catalog(plans_copy)
        except CatalogError as e:
            assert e.problems and all(str(p) for p in e.problems)
            return
        keys = situations_to_press(catalog, shipped_catalog)
        if keys or catalog.general != shipped_catalog.general:
            press_every_situation(catalog, keys, next(databases))

    try:
        check()
    finally:
        (plans_copy / name).write_bytes(original)


def test_a_mutated_scenario_is_a_listed_problem(tmp_path, shipped_catalog):
    original = (ROOT / "plans" / "drills" / "fire_in_hall.toml").read_bytes()
    path = tmp_path / "fire_in_hall.toml"

    @FUZZ
    @given(data=mutated(original))
    def check(data):
        path.write_bytes(data)
        scenario, problems = read_scenario(path, shipped_catalog)
        assert (scenario is None) == bool(problems)

    check()


def test_a_mutated_contact_csv_is_previewed_or_refused(tmp_path, shipped_catalog):
    path = tmp_path / "contacts.csv"

    @FUZZ
    @given(data=mutated(CSV))
    def check(data):
        path.write_bytes(data)
        with contextlib.suppress(CsvRefused):
            preview_import(shipped_catalog, path, [])

    check()


def test_a_mutated_settings_file_gives_defaults_and_a_problem(tmp_path):
    path = tmp_path / "settings.json"

    @FUZZ
    @given(data=mutated(SETTINGS))
    def check(data):
        path.write_bytes(data)
        store = SettingsStore(path)
        assert isinstance(store.get("hall_name"), str)
        assert store.get("text_size") in (100, 115, 130, 150)

    check()


def test_mutated_pdf_words_are_refused_or_print_every_text(tmp_path):
    """Accepted words must format every text the PDFs print, with the arguments they pass."""
    real = ROOT / "resources" / "i18n" / "reports.zh_CN.json"
    english = list(read_words(real))
    path = tmp_path / "reports.zh_CN.json"

    @FUZZ
    @given(data=mutated(real.read_bytes()))
    def check(data):
        path.write_bytes(data)
        try:
            table = read_words(path)
        except TranslationRefused as e:
            assert str(e).startswith(str(path))
            return
        for text in english:
            assert isinstance(table.get(text, text).format(*range(10)), str)

    check()


@pytest.mark.parametrize("header", ["电话9999999999", "电话²", "电话0", "电话" + "9" * 400])
def test_phone_column_headers_that_are_not_numbers_are_ignored(tmp_path, shipped_catalog,
                                                              header):
    """A 75-byte CSV whose header was 电话9999999999 raised MemoryError; 电话² ValueError."""
    (tmp_path / "c.csv").write_text(f"姓名,角色,{header}\n张三,group_leader,13800138000\n",
                                    encoding="utf-8")
    preview = preview_import(shipped_catalog, tmp_path / "c.csv", [])
    assert header in preview.ignored_columns


def test_a_cell_over_128_kb_is_refused_as_not_csv(tmp_path, shipped_catalog):
    (tmp_path / "c.csv").write_text('姓名,角色\n"' + "张" * 140_000 + '",group_leader\n',
                                    encoding="utf-8")
    with pytest.raises(CsvRefused) as refused:
        preview_import(shipped_catalog, tmp_path / "c.csv", [])
    assert refused.value.code == "not_csv"


def test_deep_nesting_and_a_pipe_are_plan_problems_not_a_crash_or_a_hang(plans_copy, tmp_path):
    import os

    folder = tmp_path / "plans"
    shutil.copytree(plans_copy, folder)
    (folder / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    os.mkfifo(folder / "pipe.toml")
    with pytest.raises(CatalogError) as refused:
        load_catalog(folder)
    found = {(Path(p.file).name, p.message.split(" (")[0]) for p in refused.value.problems}
    assert ("deep.toml", "nested too deeply to be a plan or scenario") in found
    assert ("pipe.toml", "not a regular file") in found
