"""The project search panel's widgets (Ctrl+Shift+F, issue 11, docs/adr/0067): a query field,
a line saying what was found (or what went wrong), a progress bar while the search runs, the
hits grouped by document, a label chooser and the three labelling buttons.

Only the view: ``ui/search_dock.py`` runs the search and labels. The tree holds one row per
document (its title and how many hits) and, under it, one row per hit: the hit in its words,
right to left whatever the interface language (ui/kwic.py), and the labels of the spans already
over it. A document's hit rows are made when it is first expanded, so a query found in 10,000
documents lists them at once.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelSet
from annotator.ops.project_search import CONTEXT as CONTEXT_CHARS
from annotator.ops.project_search import DocumentHits, Hit
from annotator.ui.cells import RightToLeftCells
from annotator.ui.kwic import Index, KwicCells, Parts, kwic_text
from annotator.ui.text import isolate, ltr

CONTEXT, LABELS = range(2)
DOCUMENT = int(Qt.ItemDataRole.UserRole.value)  # a row's document: its place in the results
HIT = DOCUMENT + 1  # a hit row's place among its document's hits
VALUE = HIT + 1  # a hit row's Hit
EXPAND_UP_TO = 200
"""Hits listed expanded at once (more: each document opens when asked)."""


def _parts(index: Index) -> Parts | None:
    hit = index.data(VALUE)
    if not isinstance(hit, Hit) or index.column() != CONTEXT:
        return None
    return whole_words(hit)


def whole_words(hit: Hit) -> Parts:
    """The hit in its context without the word cut at either end of it (the context is so
    many characters either side: a left context shorter than the hit's offset was cut)."""
    left, right = hit.left, hit.right
    if hit.start > len(left) and " " in left:
        left = left[left.index(" ") :]
    if len(right) == CONTEXT_CHARS and " " in right:
        right = right[: right.rindex(" ") + 1]
    return left, hit.word, right


def covered_text(hit: Hit) -> str:
    return " · ".join(hit.covered_by)


class SearchPanel(QWidget):
    """Emits ``hitActivated(Hit)`` for a double click or Enter on a hit."""

    hitActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("project-search")
        self.results: list[DocumentHits] = []
        self.running = False
        self.field = QLineEdit(self)
        self.field.setObjectName("project-search-field")
        self.field.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("project-search-button")
        self.summary = QLabel(self)
        self.summary.setObjectName("project-search-summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setMaximumHeight(self.fontMetrics().height())
        self.progress.hide()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("project-search-tree")
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)  # a double click opens a hit
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setItemDelegateForColumn(CONTEXT, KwicCells(_parts, self.tree, centred=True))
        self.tree.setItemDelegateForColumn(LABELS, RightToLeftCells((), self.tree))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(LABELS, 12 * self.fontMetrics().horizontalAdvance("M"))
        self.tree.itemExpanded.connect(self._fill)
        self.tree.itemActivated.connect(lambda item, _column: self._activated(item))
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("project-search-label")
        self.label_this = QPushButton(self)
        self.label_this.setObjectName("project-search-label-this")
        self.label_selected = QPushButton(self)
        self.label_selected.setObjectName("project-search-label-selected")
        self.label_all = QPushButton(self)
        self.label_all.setObjectName("project-search-label-all")
        self.chooser_title = QLabel(self)
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.search_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.chooser_title)
        bottom.addWidget(self.chooser)
        for button in (self.label_this, self.label_selected, self.label_all):
            bottom.addWidget(button)
        bottom.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.summary)
        box.addWidget(self.progress)
        box.addWidget(self.tree, 1)
        box.addLayout(bottom)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("A word or name to find in every document (Enter)"))
        self.search_button.setText(self.tr("Cancel") if self.running else self.tr("Search"))
        self.tree.setHeaderLabels([self.tr("In context"), self.tr("Labels there")])
        self.chooser_title.setText(self.tr("Label:"))
        self.label_this.setText(self.tr("Label &this"))
        self.label_selected.setText(self.tr("Label selecte&d"))
        self.label_all.setText(self.tr("Label a&ll"))
        self.label_this.setToolTip(self.tr("Label the current hit with the chosen label"))
        self.label_selected.setToolTip(
            self.tr("Label the selected hits (a selected document: all its hits)")
        )
        self.label_all.setToolTip(self.tr("Label every hit in the list"))
        if self.results and not self.running:
            self.summary.setText(self.found_text())

    # -- the label chooser ------------------------------------------------------------------
    def set_labels(self, labels: LabelSet, chosen: str | None = None) -> None:
        """The project's labels with their keys; keeps the chosen one if it is still there."""
        keep = chosen or self.chosen_label()
        self.chooser.clear()
        for label in labels:
            text = f"{label.key}  {label.name}" if label.key else label.name
            self.chooser.addItem(text, label.name)
        at = self.chooser.findData(keep) if keep else -1
        self.chooser.setCurrentIndex(max(at, 0))

    def chosen_label(self) -> str | None:
        name = self.chooser.currentData()
        return name if isinstance(name, str) else None

    # -- running and results ----------------------------------------------------------------
    def set_running(self, running: bool, text: str = "") -> None:
        self.running = running
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        if text:
            self.summary.setText(text)
        self.retranslate()

    def moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)

    def found_text(self) -> str:
        hits = sum(len(d.hits) for d in self.results)
        if not hits:
            return self.tr("No hit in the project")
        return self.tr("{n} hit(s) in {m} document(s)").format(
            n=ltr(str(hits)), m=ltr(str(len(self.results)))
        )

    def show_results(self, results: list[DocumentHits]) -> None:
        self.results = list(results)
        self.tree.clear()
        rows = []
        for at, document in enumerate(self.results):
            row = QTreeWidgetItem([self._title(document), ""])
            row.setData(CONTEXT, DOCUMENT, at)
            row.setToolTip(CONTEXT, document.title)
            row.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            rows.append(row)
        self.tree.addTopLevelItems(rows)  # no spanned rows: spanning each as added is quadratic
        if sum(len(d.hits) for d in self.results) <= EXPAND_UP_TO:
            self.tree.expandAll()
        self.summary.setText(self.found_text())
        first = self.tree.topLevelItem(0)
        current = first.child(0) if first is not None and first.childCount() else first
        if current is not None:
            self.tree.setCurrentItem(current)

    def _title(self, document: DocumentHits) -> str:
        return self.tr("{n} hit(s) in {title}").format(
            title=isolate(document.title), n=ltr(str(len(document.hits)))
        )

    def _fill(self, row: QTreeWidgetItem) -> None:
        """A document's hit rows, made when it is first expanded."""
        if row.childCount() or row.parent() is not None:
            return
        document = self.results[int(row.data(CONTEXT, DOCUMENT))]
        for n, hit in enumerate(document.hits):
            child = QTreeWidgetItem(["", covered_text(hit)])
            child.setData(CONTEXT, DOCUMENT, row.data(CONTEXT, DOCUMENT))
            child.setData(CONTEXT, HIT, n)
            child.setData(CONTEXT, VALUE, hit)
            child.setToolTip(CONTEXT, kwic_text(whole_words(hit)))
            row.addChild(child)

    def set_hits(self, at: int, hits: tuple[Hit, ...]) -> None:
        """New values (their labels) for the hits of the ``at``-th document, shown in place."""
        self.results[at] = replace(self.results[at], hits=hits)
        row = self.tree.topLevelItem(at)
        if row is None:
            return
        for n in range(row.childCount()):
            child = row.child(n)
            if child is not None:
                child.setData(CONTEXT, VALUE, hits[n])
                child.setText(LABELS, covered_text(hits[n]))

    def _activated(self, item: QTreeWidgetItem) -> None:
        hit = self.hit_of(item)
        if hit is not None:
            self.hitActivated.emit(hit)
        else:  # Enter or a double click on a document: open or close its hits
            item.setExpanded(not item.isExpanded())

    # -- what the buttons label -------------------------------------------------------------
    def hit_of(self, item: QTreeWidgetItem | None) -> Hit | None:
        hit = None if item is None else item.data(CONTEXT, VALUE)
        return hit if isinstance(hit, Hit) else None

    def current_hit(self) -> Hit | None:
        return self.hit_of(self.tree.currentItem())

    def selected_hits(self) -> list[Hit]:
        """The selected hits; a selected document row stands for all its hits."""
        found: dict[tuple[int, int, int], Hit] = {}
        for item in self.tree.selectedItems():
            hit = self.hit_of(item)
            at = int(item.data(CONTEXT, DOCUMENT))
            hits = (hit,) if hit is not None else self.results[at].hits
            found.update(((h.document_id, h.start, h.end), h) for h in hits)
        return list(found.values())

    def all_hits(self) -> list[Hit]:
        return [hit for document in self.results for hit in document.hits]

    def hit_rows(self) -> list[QTreeWidgetItem]:
        """Every hit row made so far, document by document (for the tests and the keyboard)."""
        rows: list[QTreeWidgetItem] = []
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            if top is not None:
                rows.extend(c for i in range(top.childCount()) if (c := top.child(i)) is not None)
        return rows
