"""Directory benchmarks at 50 and 500 contacts: building the screen, one keystroke of search (rows
shown and hidden, painted), the first letter query (pypinyin loaded), and a press in the
guided response with people on its roles.

Run: uv run pytest tests/perf -m perf -s
"""

import statistics
import time

import pytest
from PySide6.QtWidgets import QApplication

from models.clock.clocks import SystemClock
from models.contacts import directory as contacts
from models.contacts.directory import ContactData, Phone
from tests.ui.conftest import desk_look  # noqa: F401  (the desk's font and stylesheet)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍"


def fill(catalog, count):
    roles = [r.key for r in catalog.roles if not r.outside]
    for i in range(count):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i * 7 % len(GIVEN)] + GIVEN[i % len(GIVEN)]
        contacts.add_contact(catalog, ContactData(
            name=name, role_key=roles[i % len(roles)], organisation=f"第{i % 12}营业部",
            phones=(Phone("手机", f"13{i % 7 + 3}{i:08d}"),), available_24h=i % 3 == 0))


@pytest.mark.perf
@pytest.mark.parametrize("count", [50, 500])
def test_directory_search(qtbot, desk_db, shipped_catalog, repeat, count):
    from tests.helpers.wiring import contacts_controller
    from ui.common.pdf_export import PdfExport, PdfTools
    from ui.contacts.contacts_screen import ContactsScreen

    fill(shipped_catalog, count)
    clock = SystemClock()
    controller = contacts_controller(catalog=shipped_catalog, clock=clock)
    tools = PdfTools(exporter=PdfExport(), generated_by=lambda: "张三", now=clock.now)
    screen = ContactsScreen(controller=controller, pdf=tools)
    qtbot.addWidget(screen)
    screen.resize(1234, 700)
    started = time.perf_counter()
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    built = (time.perf_counter() - started) * 1000
    screen.warm_up.join()  # the pinyin tables were loaded off the GUI thread meanwhile
    started = time.perf_counter()
    screen.search.setText("z")
    QApplication.processEvents()
    first_letter = (time.perf_counter() - started) * 1000
    keystrokes, everyone = [], []
    for _ in range(repeat):
        for text in ("zs", "z", "138", "王", ""):
            started = time.perf_counter()
            screen.search.setText(text)
            screen.repaint()
            (keystrokes if text else everyone).append((time.perf_counter() - started) * 1000)
    print(f"\ndirectory, {count} contacts: screen built and shown {built:.0f} ms; first letter "
          f"query {first_letter:.0f} ms (tables loaded in the background); one "
          f"keystroke filtered and painted: median {statistics.median(keystrokes):.1f} ms, "
          f"max {max(keystrokes):.1f} ms; search cleared (all shown again): median "
          f"{statistics.median(everyone):.0f} ms")


@pytest.mark.perf
@pytest.mark.usefixtures("desk_look")
def test_press_to_guided_view_painted_with_people(qtbot, tmp_path, desk_db, shipped_catalog):
    from tests.perf.paint_clock import PaintDone
    from tests.perf.styled_desk import styled_desk
    from tests.perf.test_press_latency import press_to_painted_ms, repaint_ms
    from tests.perf.timing import pair_line

    contacts.seed_outside_numbers(shipped_catalog)
    fill(shipped_catalog, 90)  # two people on every internal role
    desk = styled_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], SystemClock())
    guided = desk.emergency.guided
    watch = PaintDone(guided)
    presses, floors = [], []
    for situation in shipped_catalog.situations:
        presses.append(press_to_painted_ms(qtbot, desk, watch, situation))
        floors.append(repaint_ms(qtbot, guided, watch))
        desk.incidents.cancel(guided.incident_id)
    print("\n" + pair_line("press → guided view painted with people on the roles, styled desk "
                           "(first press)", presses, "the same view repainted", floors))
