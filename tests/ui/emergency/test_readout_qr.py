"""The leader's 收到 from the desk's side: "手机确认" only at an enrolled desk; it records the
read-out as shown and shows the page's QR code made from the address it shows; the leader's
acknowledgement reads in Chinese on the timeline."""

import json
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from models.incidents.response import capability_hash
from models.store.tables import SyncState, TimelineEntry
from ui.common.people import ReportChoice
from ui.emergency.readout_dialog import ReadoutDialog
from ui.emergency.readout_qr import ReadoutQr, qr_png

URL = "http://192.168.1.10:8770/r/3q2-Xv9kLw0aP4bYcT1rJg"


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def enrol():
    SyncState.create(id=1, hub_url="http://192.168.1.10:8770", hub_id="h", desk_id="d",
                     token="edk1.x", enrolled_at=datetime(2026, 11, 20, tzinfo=UTC))


def image(png: bytes):
    pixmap = QPixmap()
    assert pixmap.loadFromData(png, "PNG")
    return pixmap.toImage()


def test_the_code_is_made_from_the_address_shown(qtbot):
    qr = ReadoutQr(url=URL, person="王经理")
    qtbot.addWidget(qr)
    assert qr.address.text() == qr.url == URL
    assert not qr.pixmap.isNull() and qr.pixmap.width() >= 200
    assert qr.pixmap.toImage() == image(qr_png(URL))
    assert qr.pixmap.toImage() != image(qr_png(URL + "x"))
    assert "王经理" in qr.findChild(type(qr.address), "hintLabel").text()


def test_the_address_is_copied(qtbot, qapp):
    qr = ReadoutQr(url=URL)
    qtbot.addWidget(qr)
    click(qtbot, qr.copy_button)
    assert qapp.clipboard().text() == URL


def test_no_phone_button_at_a_desk_not_enrolled(qtbot):
    dialog = ReadoutDialog(text="t", targets=[ReportChoice("group_leader", "组长")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.phone_button.isVisible()


def test_one_leader_is_shared_at_once(qtbot):
    dialog = ReadoutDialog(text="t", targets=[ReportChoice("group_leader", "组长 王经理",
                                                           "王经理")], can_share=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.phone_button.isVisible() and dialog.phone_button.text() == "手机确认"
    with qtbot.waitSignal(dialog.share_requested) as shared:
        click(qtbot, dialog.phone_button)
    assert shared.args == ["group_leader", "王经理"]


def test_sharing_records_the_readout_and_shows_its_code(qtbot, emergency):
    enrol()
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    click(qtbot, guided.readout_button)
    shown = guided.readout_dialog.text.toPlainText()
    assert guided.readout_dialog.phone_button.isVisible()
    click(qtbot, guided.readout_dialog.phone_button)  # the fire's one leader: the role
    qr = guided.readout_qr
    assert qr is not None and qr.isVisible() and not qr.isModal()
    entry = TimelineEntry.get(TimelineEntry.kind == "readout_shared")
    data = json.loads(entry.data)
    base, cap = qr.url.rsplit("/r/", 1)
    assert base == "http://192.168.1.10:8770" and data["cap_hash"] == capability_hash(cap)
    assert data["text"] == shown and data["role"] == "group_leader"
    assert guided.timeline.item(0).text().endswith("读出稿已发手机确认：应急管理小组组长")


def test_the_leaders_acknowledgement_reads_in_chinese():
    from models.incidents.response import EntryView
    from ui.common.timeline_text import entry_text

    received = EntryView(1, datetime(2026, 11, 20, tzinfo=UTC), "leader_received", "张三",
                         "1号台", "received by 王经理 at 10:05",
                         {"by": "王经理", "local_time": "10:05"})
    assert entry_text(received) == "王经理 已确认收到 (手机) 10:05"
