from models.plans.loader import load_catalog
from ui.plans.plans_browser import PAGE_ROLE, PlansBrowser


def pages_in_tree(browser):
    tree = browser.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        yield top
        for j in range(top.childCount()):
            yield top.child(j)


def test_every_situation_is_listed_and_readable(qtbot, catalog_dir):
    catalog = load_catalog(catalog_dir)
    browser = PlansBrowser(catalog=catalog)
    qtbot.addWidget(browser)
    listed = {item.data(0, PAGE_ROLE)[1] for item in pages_in_tree(browser)
              if item.data(0, PAGE_ROLE)[0] == "situation"}
    assert listed == {s.key for s in catalog.situations}
    browser.show_situation("fire")
    text = browser.page.toPlainText()
    assert "营业场所火灾" in text
    assert "拨打119报警" in text
    assert "请大家不要慌，跟我从安全出口离开。" in text
    assert "火警 119" in text  # the call names the role and its number


def test_timer_variants_and_chains_are_shown(qtbot, catalog_dir):
    browser = PlansBrowser(catalog=load_catalog(catalog_dir))
    qtbot.addWidget(browser)
    browser.show_situation("fire")
    text = browser.page.toPlainText()
    assert "工作日 15 分钟，节假日 45 分钟" in text
    assert "报告组长" in text and "5 分钟" in text
    assert "“报告组长”完成后起计" in text  # the leader → general manager chain


def test_search_filters_situations(qtbot, catalog_dir):
    browser = PlansBrowser(catalog=load_catalog(catalog_dir))
    qtbot.addWidget(browser)
    fire_item = next(i for i in pages_in_tree(browser) if i.data(0, PAGE_ROLE) == ("situation",
                                                                                   "fire"))
    browser.search.insert("安全出口")  # an input method commits text
    assert not fire_item.isHidden()
    assert browser.tree.currentItem() is fire_item
    browser.search.clear()
    browser.search.insert("没有这个词")  # an input method commits text
    assert fire_item.isHidden()
    browser.search.clear()
    assert not fire_item.isHidden()


def test_level_and_general_pages(qtbot, catalog_dir):
    browser = PlansBrowser(catalog=load_catalog(catalog_dir))
    qtbot.addWidget(browser)
    levels = browser.page_html(("levels",))
    assert "一级应急事件" in levels and "人员伤亡" in levels
    assert "客户安抚" in levels
    assert "测试预案" in browser.page_html(("general",))
    assert "119" in browser.page_html(("roles",))


def test_the_browser_says_when_a_level_s_clock_runs_as_the_desk_runs_it(shipped_catalog):
    """A level change starts the new level's clocks at the change (models.incidents.deadlines
    .supersede); the browser said "自事件发生起计"."""
    from ui.plans.plan_html import levels_html, situation_html

    levels = levels_html(shipped_catalog)
    assert "自事件按本级启动或改为本级时起计" in levels
    assert "自事件发生起计" not in levels
    page = situation_html(shipped_catalog, shipped_catalog.situation("hotline_failure"))
    assert "自事件按本级启动或改为本级时起计" in page  # its level's report
    assert "自按本预案启动或改用本预案时起计" in page  # its own clocks


def test_two_digit_step_numbers_stay_on_one_line(qtbot, shipped_catalog):
    """The revised plans have up to 30 steps: "10" in a 32-pixel cell broke into "1" over
    "0" at the browser's 14 pt."""
    browser = PlansBrowser(catalog=shipped_catalog)
    qtbot.addWidget(browser)
    browser.resize(1366, 728)
    browser.show_situation("fire")
    document = browser.page.document()
    document.setTextWidth(900)
    document.size()  # lays it out
    block = document.begin()
    numbers = []
    while block.isValid():
        if block.text() in {"10", "30"}:
            numbers.append(block.layout().lineCount())
        block = block.next()
    assert numbers == [1, 1]


def test_the_header_names_the_version_and_who_signed_it(qtbot, catalog_dir):
    from datetime import date

    from models.documents import PlanStamp

    catalog = load_catalog(catalog_dir)
    signed = PlansBrowser(catalog=catalog, stamp=PlanStamp("2026.2", date(2026, 12, 2), "王经理",
                                                           date(2026, 12, 3)))
    unsigned = PlansBrowser(catalog=catalog, stamp=PlanStamp("2026.1", date(2026, 11, 22), "",
                                                             None))
    for browser in (signed, unsigned):
        qtbot.addWidget(browser)
    assert signed.stamp.text() == "版本 2026.2（2026-12-02 修订） · 签发人 王经理（2026-12-03）"
    assert unsigned.stamp.text() == "版本 2026.1（2026-11-22 修订） · 未签发"
    assert PlansBrowser(catalog=catalog).stamp.isHidden()
