"""The bar shows every number the catalog lists; the first three carry F10 / F11 / F12."""

from dataclasses import replace

from PySide6.QtGui import QKeySequence

from models.plans.catalog import Role
from ui.emergency.emergency_numbers import EmergencyNumbers


def test_a_fourth_number_is_shown_without_a_key(qtbot, shipped_catalog):
    sos = Role(key="sos", name="紧急呼救", number="112", outside=True)
    catalog = replace(shipped_catalog, roles=(*shipped_catalog.roles, sos), _index={},
                      general=replace(shipped_catalog.general, emergency_numbers=(
                          "police", "sos", "fire", "ambulance")))
    bar = EmergencyNumbers(catalog=catalog)
    qtbot.addWidget(bar)
    assert list(bar.buttons) == ["110", "112", "119", "120"]
    assert [b.shortcut().toString() for b in bar.buttons.values()] == ["F10", "F11", "F12", ""]
    assert bar.buttons["120"].text() == "☎ 120  医疗急救"
    with qtbot.waitSignal(bar.called) as called:
        bar.buttons["112"].click()
    assert called.args == ["sos"]
    assert QKeySequence("F10") == bar.buttons["110"].shortcut()
