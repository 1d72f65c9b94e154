"""The background export: the GUI thread keeps running while a PDF is written, progress and
the result come back as signals, and failures become messages."""

import threading

import pytest

from reports.document import ReportError


@pytest.fixture
def exporter(qtbot, async_loop):
    from ui.common.pdf_export import PdfExport

    export = PdfExport()
    yield export
    export.deleteLater()


def test_renders_in_a_worker_and_reports_progress(qtbot, exporter, tmp_path):
    release = threading.Event()
    seen = {}

    def render(path, progress):
        seen["thread"] = threading.current_thread().name
        progress(1)
        assert release.wait(10)  # the GUI thread must keep running meanwhile
        progress(2)
        path.write_bytes(b"%PDF-1.4 test")

    pages = []
    exporter.progressed.connect(pages.append)
    with qtbot.waitSignal(exporter.progressed):
        task = exporter.start(tmp_path / "x.pdf", render)
    assert exporter.busy and not task.done()  # waiting on the worker, GUI events still served
    with qtbot.waitSignal(exporter.finished) as finished:
        release.set()
    assert finished.args == [str(tmp_path / "x.pdf")]
    assert seen["thread"].startswith("pdf") and seen["thread"] != threading.main_thread().name
    assert pages == [1, 2]
    qtbot.waitUntil(lambda: not exporter.busy)


def test_a_report_error_becomes_its_message(qtbot, exporter, tmp_path):
    def render(path, progress):
        raise ReportError("Cannot write in /x. Choose a folder you can write to.")

    with qtbot.waitSignal(exporter.failed) as failed:
        exporter.start(tmp_path / "x.pdf", render)
    assert failed.args == ["Cannot write in /x. Choose a folder you can write to."]


def test_an_unexpected_error_becomes_a_plain_message(qtbot, exporter, tmp_path, caplog):
    def render(path, progress):
        raise KeyError("level")

    with qtbot.waitSignal(exporter.failed) as failed:
        exporter.start(tmp_path / "x.pdf", render)
    assert "x.pdf" in failed.args[0] and "Traceback" not in failed.args[0]
    assert "KeyError" in caplog.text  # the details are logged for support
