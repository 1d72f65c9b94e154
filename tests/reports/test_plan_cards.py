"""The printed plan read back by a real reader (poppler's pdftotext): the Chinese of the steps,
the numbers, the version and the signer; one A4 page and two A6 sides for every situation of
every hall's edition (what a desk prints); a plan too long for one page (the whole library's
fire, every document's steps merged) runs over numbered pages."""

import ast
import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import Spacer

from models import plan_cards
from models.documents import CardStep, PlanStamp
from models.plans.editions import WHOLE_LIBRARY, in_edition
from reports import plan_booklet, plan_parts
from reports import plan_cards as cards
from reports.words import Words
from tests.helpers import pdf

ROOT = Path(__file__).resolve().parents[2]
STAMP = PlanStamp("2026.1", date(2026, 11, 22), "王经理", date(2026, 11, 25))
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")


def read(path: Path) -> list[str]:
    """Each page's text as poppler reads it (pages split at form feeds)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, encoding="utf-8", check=True).stdout
    return out.split("\f")[:-1]


def flat(text: str) -> str:
    return "".join(text.split())  # wrapped lines and layout spaces joined


@pytest.fixture
def cinema(shipped_catalog, shipped_editions):
    """A cinema's plans: its fire reports to 应急管理小组组长 within 5 minutes (第十条). Its
    fire steps are borrowed (the regulation's text stops before the measures): not the
    government hall's "向中心各楼层人员发出报警疏散信号" (火势较大), which names that hall;
    the gas document's "火势很大,无法进入" is its condition now."""
    return in_edition(shipped_catalog, shipped_editions, "cinema")


def fire_card(catalog, **changes):
    card = plan_cards.plan_card(catalog, "fire", STAMP, hall="城东营业厅")
    leader = next(c for c in card.calls if c.role == "应急管理小组组长")
    calls = tuple(replace(c, numbers=(("王组长", "138 0245 6789"),)) if c is leader else c
                  for c in card.calls)
    return replace(card, calls=calls, **changes)


@needs_poppler
def test_the_wall_board_reads_back_in_chinese_on_one_page(tmp_path, cinema):
    card = fire_card(cinema)
    out = cards.write_plan_card(tmp_path / "fire.pdf", card, paper="a4")
    [page] = read(out)
    text = flat(page)
    for expected in ("应急处置卡", "营业场所发生火灾", "一级应急事件（重大）", "110", "119", "120",
                     "公安报警", "处置步骤", "事后处理", "联系电话", "报告时限",
                     "5分钟内", "报告应急管理小组组长", "王组长", "13802456789",
                     "仅当：火势很大", "预案版本2026.1（2026-11-22）", "签发人王经理",
                     "签发日期2026-11-25", "第1页/共1页"):
        assert expected in text, expected
    for step in card.steps + card.after_steps:  # every step, whole
        assert flat(step.text) in text, step.text
    assert text.index("处置步骤") < text.index("事后处理") < text.index("报告时限")
    assert text.index(flat(card.steps[-1].text)) < text.index("事后处理")
    used = pdf.fonts(out)
    assert used and all(used.values()), used  # the Chinese font travels with the file
    # The audit removed the fire's invented scripts; a power cut has the documents' own.
    power = plan_cards.plan_card(cinema, "power_cut", STAMP)
    assert len(power.say) == 2
    [page] = read(cards.write_plan_card(tmp_path / "power.pdf", power, paper="a4"))
    text = flat(page)
    assert "沟通话术" in text and all(flat(say) in text for say in power.say)
    assert "应急管理小组联络员报告对象＿＿＿＿＿待填写" in text  # nobody on file: a line
    assert "待填写" not in flat(read(out)[0])  # the fire's only other call has its number
    assert "沟通话术" not in flat(read(out)[0])  # no box for a plan with nothing to say


@needs_poppler
def test_an_unsigned_plan_says_so(tmp_path, cinema):
    card = fire_card(cinema, stamp=PlanStamp("2026.1", date(2026, 11, 22)))
    for paper in cards.PAPERS:
        pages = read(cards.write_plan_card(tmp_path / f"{paper}.pdf", card, paper=paper))
        assert all("未签发" in flat(p) and "签发人" not in flat(p) for p in pages)


@needs_poppler
def test_the_pocket_card_has_a_front_and_a_back(tmp_path, cinema):
    card = fire_card(cinema)
    front, back = read(cards.write_plan_card(tmp_path / "fire-a6.pdf", card, paper="a6"))
    front, back = flat(front), flat(back)
    for expected in ("营业场所发生火灾", "110", "119", "120", "首要步骤",
                     flat(card.steps[0].text), "1/2", "签发人王经理"):
        assert expected in front, expected
    for expected in ("联系电话", "王组长", "13802456789", "报告时限", "5分钟内",
                     "报告应急管理小组组长", "2/2", "预案版本2026.1"):
        assert expected in back, expected
    assert "首要步骤" not in back and "联系电话" not in front


@needs_poppler
@pytest.mark.parametrize("edition", ["bank_outlet", "gov_hall", "gas_hall", "mall_desk",
                                     "cinema", "conference", "other"])
def test_every_situation_fits_one_a4_page_and_two_a6_sides(tmp_path, shipped_catalog,
                                                           shipped_editions, edition):
    """Every situation of every hall's edition, as the desk prints it, within its pages."""
    catalog = in_edition(shipped_catalog, shipped_editions, edition)
    for sit in catalog.situations:
        card = plan_cards.plan_card(catalog, sit.key, STAMP)
        board = read(cards.write_plan_card(tmp_path / f"{sit.key}.pdf", card, paper="a4"))
        pocket = read(cards.write_plan_card(tmp_path / f"{sit.key}-a6.pdf", card, paper="a6"))
        assert (len(board), len(pocket)) == (1, 2), sit.key
        assert flat(sit.name) in flat(board[0]) and flat(sit.name) in flat(pocket[0])


def test_every_kind_of_hall_is_checked_above(shipped_editions):
    assert shipped_editions.keys() == ("bank_outlet", "gov_hall", "gas_hall", "mall_desk",
                                       "cinema", "conference", "other")


def test_the_fire_board_fits_only_in_smaller_type(shipped_catalog, shipped_editions):
    """A hall's longest plan: the board shrinks its type rather than spill over; a short plan
    keeps the largest type. The government hall's fire (its two documents' steps) needs a
    smaller type than its water outage; the whole library's (every document's, 30 steps)
    does not fit at all."""
    from reports.document import make_styles
    from reports.fonts import register_fonts

    styles, w = make_styles(register_fonts()), Words()
    gov = in_edition(shipped_catalog, shipped_editions, "gov_hall")
    fire = plan_cards.plan_card(gov, "fire", STAMP)
    water = plan_cards.plan_card(gov, "water_outage", STAMP)
    assert cards.board_fits(water, styles, w) == cards.A4_SIZES[0]
    assert cards.A4_SIZES[-1] <= cards.board_fits(fire, styles, w) < cards.A4_SIZES[0]
    library_fire = plan_cards.plan_card(shipped_catalog, "fire", STAMP)
    assert cards.board_fits(library_fire, styles, w) is None
    many = replace(fire, steps=fire.steps * 4)
    assert cards.board_fits(many, styles, w) is None


@needs_poppler
def test_the_whole_librarys_fire_runs_over_numbered_pages(tmp_path, shipped_catalog,
                                                          shipped_editions):
    """'all' (every document merged) is for reviewing the library: its fire runs over pages,
    each numbered and stamped, every step printed once, in order."""
    library = in_edition(shipped_catalog, shipped_editions, WHOLE_LIBRARY)
    card = fire_card(library)
    board = read(cards.write_plan_card(tmp_path / "fire-all.pdf", card, paper="a4"))
    assert len(board) >= 2
    assert all(f"第{n}页/共{len(board)}页" in flat(p) for n, p in enumerate(board, 1))
    assert all("签发人王经理" in flat(p) and "营业场所发生火灾" in flat(p) for p in board)
    text = flat("".join(board))
    places = [text.index(flat(step.text)) for step in card.steps + card.after_steps]
    assert places == sorted(places) and len(card.steps + card.after_steps) == 30
    pocket = read(cards.write_plan_card(tmp_path / "fire-all-a6.pdf", card, paper="a6"))
    assert len(pocket) == 2 and "步见A4处置卡或预案手册" in flat(pocket[0])


@needs_poppler
def test_a_plan_with_many_steps_runs_over_numbered_pages(tmp_path, cinema):
    fire = fire_card(cinema)
    steps = tuple(CardStep(f"第{i}步：核对现场情况并记录，必要时报告值班主管。")
                  for i in range(1, 61))
    card = replace(fire, steps=steps)
    board = read(cards.write_plan_card(tmp_path / "many.pdf", card, paper="a4"))
    assert len(board) >= 2
    assert all(f"第{n}页/共{len(board)}页" in flat(p) for n, p in enumerate(board, 1))
    assert all("签发人王经理" in flat(p) for p in board)
    text = flat("".join(board))
    assert all(f"第{i}步" in text for i in (1, 30, 60))
    front = flat(read(cards.write_plan_card(tmp_path / "many-a6.pdf", card, paper="a6"))[0])
    assert "第1步" in front and "第60步" not in front
    assert "步见A4处置卡或预案手册" in front  # where the rest are


def test_fitting_takes_the_largest_size_that_fits_and_says_when_none_does():
    def build(size):
        return [Spacer(1, size * 40)]

    story, fits = plan_parts.fitted(build, (3, 2.5, 2, 1), 100, 100)
    assert fits and story[0].height == 100  # exactly the room: fits
    story, fits = plan_parts.fitted(build, (3, 2.6), 100, 100)
    assert not fits and story[0].height == 104  # the smallest, to run over pages
    assert plan_parts.story_height([Spacer(1, 10), Spacer(1, 20)], 100, 100) == 30


def test_an_unknown_paper_is_refused(tmp_path, cinema):
    with pytest.raises(ValueError, match="a4"):
        cards.write_plan_card(tmp_path / "x.pdf", fire_card(cinema), paper="a5")
    assert not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_the_booklet_has_a_cover_contents_and_every_situation(tmp_path, shipped_catalog):
    booklet = plan_cards.plan_booklet(shipped_catalog, STAMP, hall="城东营业厅")
    raw = read(plan_booklet.write_plan_booklet(tmp_path / "b.pdf", booklet))
    pages = [flat(p) for p in raw]
    assert 30 < len(pages) < 80
    for expected in ("应急预案手册", shipped_catalog.info.title, "城东营业厅",
                     "2026.1（2026-11-22）", "签发人王经理", "2026-11-25"):
        assert expected in pages[0], expected
    assert all(f"第{n}页/共{len(pages)}页" in p for n, p in enumerate(pages, 1))
    assert "目录" in pages[1]
    used = pdf.fonts(tmp_path / "b.pdf")
    assert used and all(used.values()), used  # no stray Helvetica (a bullet's, once)
    contents = "\n".join(raw[1:4])
    for _, _, situation_cards in booklet.categories:
        for card in situation_cards:  # listed with the page it begins on
            found = re.search(re.escape(card.name) + r"[\s.]+(\d+)\s*$", contents, re.M)
            assert found, card.name
            page = pages[int(found.group(1)) - 1]
            assert 0 <= page.find(flat(card.name)) < 40, (card.name, found.group(1))
            assert flat(card.steps[0].text)[:20] in page


def test_every_printed_word_has_its_chinese():
    table = json.loads((ROOT / "resources/i18n/reports.zh_CN.json").read_text(encoding="utf-8"))
    texts = set(plan_parts.START_WORDS.values())
    for module in (plan_parts, cards, plan_booklet):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        texts |= {node.args[0].value for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id == "w" and node.args
                  and isinstance(node.args[0], ast.Constant)}
    assert len(texts) > 30
    assert sorted(t for t in texts if t not in table) == []


@needs_poppler
def test_markup_prints_literally_and_a_step_longer_than_a_page_runs_over(tmp_path, cinema):
    """Adversarial plan text: markup characters, a step taller than an A6 side, no steps
    during the event."""
    fire = fire_card(cinema)
    long = "核对现场情况<b>并</b>记录&报告。" * 150
    card = replace(fire, name="火灾<i>&", steps=(CardStep(long, condition="x<y"),),
                   say=("<br/>请离开",))
    for paper in cards.PAPERS:
        pages = read(cards.write_plan_card(tmp_path / f"{paper}.pdf", card, paper=paper))
        text = flat("".join(pages))
        assert "火灾<i>&" in text and "<b>并</b>记录&报告" in text and "仅当：x<y" in text
        assert len(pages) >= 2
    only_after = replace(fire, steps=())
    pages = read(cards.write_plan_card(tmp_path / "after.pdf", only_after, paper="a6"))
    assert "首要步骤" not in flat(pages[0]) and len(pages) == 2
