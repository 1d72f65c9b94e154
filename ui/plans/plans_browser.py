"""PlansBrowser: read the whole catalog in the app — levels, categories, situations, roles —
and print it: the response card of the situation shown (A4 wall board, A6 pocket card) and
the whole plan as a booklet, saved as PDF through the desk's export bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.documents import PlanBooklet, PlanCard, PlanStamp
from models.plans.catalog import Catalog, Situation
from ui.common.export_bar import ExportBar
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import plan_booklet_job, plan_card_job
from ui.plans import plan_html

PAGE_ROLE = Qt.ItemDataRole.UserRole


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def situation_matches(sit: Situation, needle: str) -> bool:
    needle = needle.strip().lower()
    if not needle:
        return True
    haystack = [sit.name, sit.short, sit.described, sit.key, *sit.all_scripts]
    haystack += [step.text for step in sit.steps]
    return any(needle in text.lower() for text in haystack)


@dataclass(frozen=True)
class PlanPrinting:
    """What printing the plans needs: the desk's PDF tools, and the card of a situation and
    the booklet as plain data (read when asked: the directory and the signer may change)."""

    pdf: PdfTools
    card: Callable[[str], PlanCard]
    booklet: Callable[[], PlanBooklet]


class PlansBrowser(QWidget):
    def __init__(self, *, catalog: Catalog, stamp: PlanStamp | None = None,
                 printing: PlanPrinting | None = None,
                 edit: Callable[[], object] | None = None,
                 parent: QWidget | None = None) -> None:
        """`edit`: opens the plan editor (the "Edit the plans…" entry; none without it)."""
        super().__init__(parent)
        self.setObjectName("plansBrowser")
        self._catalog = catalog
        self._printing = printing
        self._situation: str | None = None  # the situation shown

        self.stamp = QLabel(self._stamp_text(stamp), objectName="plansStamp")
        self.stamp.setWordWrap(True)  # never widens the list beside it
        self.stamp.setVisible(stamp is not None)
        self.search = QLineEdit(objectName="plansSearch")
        self.search.setPlaceholderText(self.tr("Search the plans (name, step, script)"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(objectName="plansTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.page = QTextBrowser(objectName="plansPage")
        self.page.setOpenLinks(False)
        self.page.document().setDefaultStyleSheet(plan_html.PAGE_STYLE)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        if printing is not None:
            right_layout.addLayout(self._print_row(printing))
        right_layout.addWidget(self.page, 1)
        if printing is not None:
            right_layout.addWidget(self.export_bar)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.stamp)
        if edit is not None:
            self.edit_button = QPushButton(self.tr("Edit the plans…"), objectName="editPlans")
            self.edit_button.clicked.connect(edit)
            left_layout.addWidget(self.edit_button)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 800])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

        self._fill_tree()
        self.tree.currentItemChanged.connect(self._show_item)
        self.search.textChanged.connect(self._filter)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _print_row(self, printing: PlanPrinting) -> QHBoxLayout:
        self.export_bar = ExportBar(tools=printing.pdf)
        self.card_button = QToolButton(objectName="printPlanCard")
        self.card_button.setText(self.tr("Print response card…"))
        self.card_button.setToolTip(self.tr("The response card of the situation shown, as a "
                                            "PDF to print"))
        self.card_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.card_button)
        self.a4_action = menu.addAction(self.tr("A4 wall board…"))
        self.a4_action.triggered.connect(lambda: self.save_card("a4"))
        self.a6_action = menu.addAction(self.tr("A6 pocket card (front and back)…"))
        self.a6_action.triggered.connect(lambda: self.save_card("a6"))
        self.card_button.setMenu(menu)
        self.card_button.setEnabled(False)  # until a situation is shown
        self.booklet_button = QPushButton(self.tr("Print plan booklet…"),
                                          objectName="printPlanBooklet")
        self.booklet_button.clicked.connect(self.save_booklet)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card_button)
        row.addWidget(self.booklet_button)
        return row

    def save_card(self, paper: str) -> bool:
        """Ask where, then write the situation's card (`paper`: "a4" or "a6")."""
        if self._printing is None or self._situation is None:
            return False
        card = self._printing.card(self._situation)
        return self.export_bar.save(plan_card_job(card, paper, self._printing.pdf))

    def save_booklet(self) -> bool:
        if self._printing is None:
            return False
        return self.export_bar.save(plan_booklet_job(self._printing.booklet(),
                                                     self._printing.pdf))

    def _stamp_text(self, stamp: PlanStamp | None) -> str:
        """Version, revision date and signature of the plans shown (签发人 or 未签发)."""
        if stamp is None:
            return ""
        version = self.tr("Version {0} (revised {1})").format(stamp.version,
                                                              stamp.revised.isoformat())
        if not stamp.signer:
            return self.tr("{0} · not signed").format(version)
        if stamp.signed_on is None:
            return self.tr("{0} · signed by {1}").format(version, stamp.signer)
        return self.tr("{0} · signed by {1} on {2}").format(version, stamp.signer,
                                                             stamp.signed_on.isoformat())

    def _fill_tree(self) -> None:
        catalog = self._catalog
        self._add_page(self.tr("Levels and reporting deadlines"), ("levels",))
        self._add_page(self.tr("General requirements"), ("general",))
        for category in catalog.ordered_categories():
            count = len(catalog.situations_in(category.key))
            parent = self._add_page(f"{category.name}（{count}）", ("category", category.key))
            parent.setIcon(0, _swatch(category.color))
            for sit in catalog.situations_in(category.key):
                item = QTreeWidgetItem(parent, [sit.name])
                item.setData(0, PAGE_ROLE, ("situation", sit.key))
            parent.setExpanded(True)
        self._add_page(self.tr("Roles and outside numbers"), ("roles",))
        self._add_page(self.tr("Source documents"), ("sources",))

    def _add_page(self, title: str, page: tuple) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title])
        item.setData(0, PAGE_ROLE, page)
        return item

    def page_html(self, page: tuple) -> str:
        catalog = self._catalog
        kind = page[0]
        if kind == "situation":
            return plan_html.situation_html(catalog, catalog.situation(page[1]))
        if kind == "category":
            return plan_html.category_html(catalog, catalog.category(page[1]))
        builders = {"levels": plan_html.levels_html, "general": plan_html.general_html,
                    "roles": plan_html.roles_html, "sources": plan_html.sources_html}
        return builders[kind](catalog)

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            page = item.data(0, PAGE_ROLE)
            self.page.setHtml(self.page_html(page))
            self._situation = page[1] if page[0] == "situation" else None
            if self._printing is not None:
                self.card_button.setEnabled(self._situation is not None)

    def show_situation(self, key: str) -> None:
        for item in self._situation_items():
            if item.data(0, PAGE_ROLE) == ("situation", key):
                self.tree.setCurrentItem(item)
                return

    def _situation_items(self):
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                yield top.child(j)

    def _filter(self, text: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            visible_children = 0
            for j in range(top.childCount()):
                child = top.child(j)
                sit = self._catalog.situation(child.data(0, PAGE_ROLE)[1])
                hidden = not situation_matches(sit, text)
                child.setHidden(hidden)
                visible_children += not hidden
            is_category = top.data(0, PAGE_ROLE)[0] == "category"
            top.setHidden(bool(text.strip()) and (not is_category or visible_children == 0))
        first = next((c for c in self._situation_items() if not c.isHidden()), None)
        if text.strip() and first is not None:
            self.tree.setCurrentItem(first)
