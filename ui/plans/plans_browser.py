"""PlansBrowser: read the whole catalog in the app — levels, categories, situations, roles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.documents import PlanStamp
from models.plans.catalog import Catalog, Situation
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
    haystack = [sit.name, sit.short, sit.description, sit.key, *sit.all_scripts]
    haystack += [step.text for step in sit.steps]
    return any(needle in text.lower() for text in haystack)


class PlansBrowser(QWidget):
    def __init__(self, *, catalog: Catalog, stamp: PlanStamp | None = None,
                 edit: Callable[[], object] | None = None,
                 parent: QWidget | None = None) -> None:
        """`edit`: opens the plan editor (the "Edit the plans…" entry; none without it)."""
        super().__init__(parent)
        self.setObjectName("plansBrowser")
        self._catalog = catalog
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
        splitter.addWidget(self.page)
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
            self.page.setHtml(self.page_html(item.data(0, PAGE_ROLE)))

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
