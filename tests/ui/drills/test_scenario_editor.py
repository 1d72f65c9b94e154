"""The scenario editor: a trainer writes a scenario with the widgets, the shared check marks
what is wrong beside it, the file lands in the data folder and the scenario can be run;
shipped files and broken files are never overwritten."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.services.plans import PlanService
from models.store.paths import default_plans_dir
from tests.helpers.hall import HALL
from tests.helpers.wiring import drill_controller
from ui.common.pdf_export import PdfExport, PdfTools
from ui.drills.drill_screen import DrillScreen

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def screen(qtbot, tmp_path, shipped_catalog, desk_db, controller):
    drills = drill_controller(controller)
    exporter = PdfExport()
    pdf = PdfTools(exporter=exporter, generated_by=lambda: "张三", now=lambda: NOW)
    screen = DrillScreen(drills_controller=drills,
                         plans=PlanService(catalog=shipped_catalog, plan=desk_db[1],
                                           now=lambda: NOW),
                         shipped_dir=default_plans_dir() / "drills",
                         own_dir=tmp_path / "drills", now=lambda: NOW, clerk=lambda: "张三",
                         pdf=pdf)
    qtbot.addWidget(screen)
    screen.resize(1236, 620)
    screen.show()
    screen.tabs.setCurrentWidget(screen.editor)
    yield screen
    exporter.deleteLater()
    drills.deleteLater()


def set_cell(table, row, column, text):
    table.item(row, column).setText(text)


def test_write_a_new_scenario_and_run_it(qtbot, screen, tmp_path):
    editor = screen.editor
    click(qtbot, editor.new_button)
    click(qtbot, editor.save_button)  # nothing typed yet
    assert editor.errors["title"].isVisible() and editor.errors["title"].text() == "请填写标题"
    assert editor.errors["inject"].text() == "第 1 条情况：请填写发生的情况"
    assert not (tmp_path / "drills").exists()

    editor.title.insert("午间停电演练")
    editor.situation.setCurrentIndex(editor.situation.findData("power_cut"))
    editor.description.setPlainText("午间营业高峰突然停电。")
    set_cell(editor.injects, 0, 0, "0")
    set_cell(editor.injects, 0, 1, "营业厅突然停电，电脑黑屏。")
    click(qtbot, editor.add_inject_button)
    set_cell(editor.injects, 1, 0, "五")
    set_cell(editor.injects, 1, 1, "客户摔倒在楼梯上。")
    further = editor.injects.cellWidget(1, 2)
    further.setCurrentIndex(further.findData("customer_ill_injured"))
    click(qtbot, editor.save_button)
    assert not editor.errors["title"].isVisible()
    assert editor.errors["inject"].text() == "第 2 条情况：分钟须为 0 到 1440 之间的整数"
    set_cell(editor.injects, 1, 0, "5")
    click(qtbot, editor.save_button)
    assert editor.message.text() == "已保存，可在演练场景列表中选用。"
    assert editor.message.property("tone") == "ok"
    files = list((tmp_path / "drills").glob("*.toml"))
    assert [f.name for f in files] == [f"own_{NOW.astimezone(HALL):%Y%m%d_%H%M%S}.toml"]
    assert "客户摔倒在楼梯上" in files[0].read_text(encoding="utf-8")

    run = screen.run
    titles = [run.list.item(i).text() for i in range(run.list.count())]
    assert "午间停电演练（本厅编写）" in titles and len(titles) == 7
    run.list.setCurrentRow(titles.index("午间停电演练（本厅编写）"))
    assert "+5 分钟：客户摔倒在楼梯上。" in run.description.text()
    assert run.selected().injects[1].situation == "customer_ill_injured"


def test_editing_a_shipped_scenario_keeps_the_shipped_file(qtbot, screen, tmp_path):
    editor = screen.editor
    shipped = default_plans_dir() / "drills" / "robbery.toml"
    before = shipped.read_bytes()
    row = next(i for i in range(editor.list.count())
               if editor.list.item(i).data(Qt.ItemDataRole.UserRole) == "robbery")
    editor.list.setCurrentRow(row)
    assert editor.title.text() == "营业厅抢劫应对"
    assert editor.injects.rowCount() == 3
    assert "原文件保持不变" in editor.heading.text()
    editor.title.setText("营业厅抢劫应对（夜间）")
    click(qtbot, editor.save_button)
    assert shipped.read_bytes() == before
    assert (tmp_path / "drills" / "robbery.toml").exists()
    robbery = [s for s in screen.scenarios if s.key == "robbery"]
    assert len(robbery) == 1 and robbery[0].own and robbery[0].title.endswith("（夜间）")


def test_editing_a_hand_placed_file_saves_it_in_place(qtbot, screen, tmp_path):
    folder = tmp_path / "drills"
    folder.mkdir()
    copy = folder / "fire_copy.toml"
    copy.write_bytes((default_plans_dir() / "drills" / "fire_in_hall.toml").read_bytes())
    screen.load_scenarios()
    editor = screen.editor
    row = next(i for i in range(editor.list.count())
               if editor.list.item(i).data(Qt.ItemDataRole.UserRole) == "fire_in_hall")
    editor.list.setCurrentRow(row)
    assert str(copy) in editor.heading.text()
    editor.title.setText("营业厅火灾疏散演练（本厅版）")
    click(qtbot, editor.save_button)
    assert editor.message.text() == "已保存，可在演练场景列表中选用。"
    assert [p.name for p in folder.iterdir()] == ["fire_copy.toml"]
    assert "（本厅版）" in copy.read_text(encoding="utf-8")
    fires = [s for s in screen.scenarios if s.key == "fire_in_hall"]
    assert [(f.title, f.own) for f in fires] == [("营业厅火灾疏散演练（本厅版）", True)]
    assert screen.problems == []


def test_a_broken_file_is_shown_and_left_alone(qtbot, tmp_path, shipped_catalog, desk_db,
                                               controller):
    folder = tmp_path / "drills"
    folder.mkdir()
    broken = folder / "half.toml"
    broken.write_bytes('[drill]\nkey = "half"\ntitle = "写了一半'.encode())
    gbk = folder / "gbk.toml"
    gbk.write_bytes('[drill]\ntitle = "火灾"\n'.encode("gbk"))

    drills = drill_controller(controller)
    screen = DrillScreen(drills_controller=drills,
                         plans=PlanService(catalog=shipped_catalog, plan=desk_db[1],
                                           now=lambda: NOW),
                         shipped_dir=default_plans_dir() / "drills", own_dir=folder,
                         now=lambda: NOW, clerk=lambda: "张三",
                         pdf=PdfTools(exporter=PdfExport(), generated_by=lambda: "张三",
                                      now=lambda: NOW))
    qtbot.addWidget(screen)
    assert len(screen.scenarios) == 6
    problems = screen.editor.problems.text()
    assert "half.toml: 文件无法读取" in problems
    assert "gbk.toml:2: 文件不是 UTF-8 编码" in problems  # the line, as for plan files
    assert screen.run.message.text().startswith("部分演练场景文件有错误")
    screen.editor.title.insert("新场景")
    screen.editor.injects.item(0, 0).setText("0")
    screen.editor.injects.item(0, 1).setText("开始")
    assert screen.editor.save() is not None
    assert broken.read_bytes() == '[drill]\nkey = "half"\ntitle = "写了一半'.encode()


def test_an_unwritable_folder_keeps_what_was_typed(qtbot, screen, tmp_path):
    (tmp_path / "drills").write_text("not a folder")
    editor = screen.editor
    editor.title.insert("停电演练")
    editor.injects.item(0, 0).setText("0")
    editor.injects.item(0, 1).setText("停电")
    click(qtbot, editor.save_button)
    assert editor.message.text().startswith("未保存：无法写入文件夹")
    assert editor.title.text() == "停电演练" and editor.injects.item(0, 1).text() == "停电"
    assert Path(tmp_path / "drills").read_text() == "not a folder"


def test_remove_an_inject(qtbot, screen):
    editor = screen.editor
    click(qtbot, editor.add_inject_button)
    click(qtbot, editor.add_inject_button)
    assert editor.injects.rowCount() == 3
    editor.injects.setCurrentCell(0, 1)
    click(qtbot, editor.remove_inject_button)
    assert editor.injects.rowCount() == 2
