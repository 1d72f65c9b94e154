"""A situation's printed plan (应急处置卡), for when the PC does not work:

- the A4 wall board: the situation in large type on its level's colour, 110/119/120, the
  numbered steps (those after the event under their own heading, conditions shown), the
  words to say in a box of their own, whom to call with their numbers in large type and the
  reporting deadlines of the default level and of the plan; one page, in smaller type when
  needed (down to 8 pt), else it runs over numbered pages;
- the A6 pocket card (105 × 148 mm): front: 110/119/120 and the first steps; back: whom to
  call with numbers and the deadlines.

The version, signer and sign date are printed at the foot of every page.

A card is printed from the plans the desk runs: the hall's edition (plans/editions.toml), whose
situations each fit one A4 page and two A6 sides (tests/reports/test_plan_cards.py checks every
situation of every edition). The whole library (`--edition all`) merges the steps of every
source document, each step citing one, so one situation holds what ten halls do (fire: 30
steps); no type a clerk can read puts that on one page, and its board runs over numbered pages
rather than shrink further. Nobody hangs the library's board on a wall: it is for reviewing.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from models.documents import PlanCard
from reports import plan_parts as pp
from reports.document import (
    Page,
    Progress,
    Styles,
    content_height,
    content_width,
    write_pdf,
)
from reports.words import Words

A6 = (105 * mm, 148 * mm)
PAPERS = ("a4", "a6")
# Body type tried, largest first. 8 pt: the government hall's fire (26 steps from its two
# documents), the longest plan of an edition, needs it to keep to one page.
A4_SIZES = (14.0, 13.0, 12.0, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
A6_SIZES = (10.0, 9.0, 8.5, 8.0, 7.5, 7.0)
A6_SMALLEST = 6.5  # the back, with many roles to call
A6_MARGIN = 8 * mm
CALL_COLUMNS = 4  # the wall board's cells of whom to call, per row


def write_plan_card(path: Path, card: PlanCard, *, paper: str = "a4",
                    words: Words | None = None, progress: Progress | None = None) -> Path:
    """`paper`: "a4" (the wall board) or "a6" (the pocket card)."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}, not {paper!r}")
    w = words or Words()
    page = card_page(card, w, paper)
    build = wall_board if paper == "a4" else pocket_card
    return write_pdf(path, page, lambda styles: build(card, styles, w, page), progress=progress)


def card_page(card: PlanCard, w: Words, paper: str) -> Page:
    title = " · ".join(p for p in (w("Emergency response card"), card.name, card.hall) if p)
    footer = pp.stamp_text(card.stamp, w)
    if paper == "a4":
        return Page(title=title, footer=footer, page_words=w("Page {0} of {1}"))
    return Page(title=title, footer=footer, page_words="{0}/{1}", paper=A6, margin=A6_MARGIN)


# ---- the A4 wall board -------------------------------------------------------------------

def wall_board(card: PlanCard, styles: Styles, w: Words, page: Page) -> list[Flowable]:
    width, room = content_width(page), content_height(page)
    story, _ = pp.fitted(lambda size: board_story(card, styles, w, width, size), A4_SIZES,
                         width, room)
    return story


def board_fits(card: PlanCard, styles: Styles, w: Words) -> float | None:
    """The body size the wall board fits one page at, or None when it runs over."""
    page = card_page(card, w, "a4")
    width, room = content_width(page), content_height(page)
    for size in A4_SIZES:
        if pp.story_height(board_story(card, styles, w, width, size), width, room) <= room:
            return size
    return None


def board_story(card: PlanCard, styles: Styles, w: Words, width: float,
                size: float) -> list[Flowable]:
    story: list[Flowable] = [pp.title_band(card.name, card.level_name, card.level_color,
                                           styles, width, size)]
    facts = [card.category, w("Default level: {0}").format(card.level_name)]
    story.append(pp.small_line(escape(" · ".join(facts) + (f"。{card.description}"
                                                             if card.description else "")),
                               styles, size))
    numbers = pp.public_numbers(card.calls, styles, w, width, size)
    if numbers is not None:
        story += [pp.spacer(size), numbers]
    story += situation_body(card, styles, w, width, size, CALL_COLUMNS)
    return story


def situation_body(card: PlanCard, styles: Styles, w: Words, width: float, size: float,
                   columns: int) -> list[Flowable]:
    """Steps, after the event, words to say, whom to call, deadlines, supplies: the wall board
    and the booklet's page of a situation."""
    story: list[Flowable] = []
    if card.steps:
        story += [*pp.heading(w("Steps"), styles, size),
                  pp.step_table(card.steps, 1, styles, w, width, size)]
    if card.after_steps:
        story += [*pp.heading(w("After the event"), styles, size),
                  pp.step_table(card.after_steps, len(card.steps) + 1, styles, w, width, size)]
    if card.say:
        story += [pp.spacer(size), pp.say_box(card.say, styles, w, width, size)]
    others = [c for c in card.calls if not c.public]
    if others:
        story += [*pp.heading(w("Whom to call"), styles, size),
                  pp.call_grid(others, styles, w, width, size, columns)]
    if card.deadlines:
        story += [*pp.heading(w("Reporting deadlines"), styles, size),
                  pp.deadline_table(card.deadlines, styles, w, width, size)]
    if card.supplies:
        story.append(pp.small_line(escape(w("Supplies at hand: {0}").format(
            "、".join(card.supplies))), styles, size * 1.1))
    return story


# ---- the A6 pocket card ------------------------------------------------------------------

def pocket_card(card: PlanCard, styles: Styles, w: Words, page: Page) -> list[Flowable]:
    """Front and back, each fitted to its side."""
    width, room = content_width(page), content_height(page)
    front = _front_fitted(card, styles, w, width, room)
    back, _ = pp.fitted(lambda size: pocket_back(card, styles, w, width, size),
                        (*A6_SIZES, A6_SMALLEST), width, room)
    return [*front, PageBreakIfNotEmpty(), *back]


def _front_fitted(card: PlanCard, styles: Styles, w: Words, width: float,
                  room: float) -> list[Flowable]:
    """Every step of the event if they fit in the smallest type tried; else as many first
    steps as fit (at least three), with a line saying where the rest are."""
    story, fits = pp.fitted(lambda size: pocket_front(card, styles, w, width, size,
                                                      len(card.steps)), A6_SIZES, width, room)
    shown = len(card.steps)
    while not fits and shown > 3:
        shown -= 1
        story = pocket_front(card, styles, w, width, A6_SIZES[-1], shown)
        fits = pp.story_height(story, width, room) <= room
    return story


def pocket_front(card: PlanCard, styles: Styles, w: Words, width: float, size: float,
                 shown: int) -> list[Flowable]:
    story: list[Flowable] = [pp.title_band(card.name, card.level_name, card.level_color,
                                           styles, width, size)]
    numbers = pp.public_numbers(card.calls, styles, w, width, size)
    if numbers is not None:
        story += [pp.spacer(size), numbers]
    if shown:
        story += [*pp.heading(w("First steps"), styles, size),
                  pp.step_table(card.steps[:shown], 1, styles, w, width, size)]
    rest = len(card.steps) - shown + len(card.after_steps)
    if rest:
        story.append(pp.small_line(escape(w("{0} more steps: see the wall board or the plan "
                                            "booklet.").format(rest)), styles, size))
    return story


def pocket_back(card: PlanCard, styles: Styles, w: Words, width: float,
                size: float) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(escape(card.name), pp.style(
        styles, "backTitle", size * 1.3, bold=True))]
    others = [c for c in card.calls if not c.public]
    if others:
        story += [*pp.heading(w("Whom to call"), styles, size),
                  pp.call_grid(others, styles, w, width, size, 2)]
    if card.deadlines:
        story += [*pp.heading(w("Reporting deadlines"), styles, size),
                  pp.deadline_table(card.deadlines, styles, w, width, size, compact=True)]
    return story

