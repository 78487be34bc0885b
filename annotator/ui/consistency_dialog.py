"""Suggestions → Consistency report… (issue 11, docs/adr/0061): the texts labelled differently
in the project, the most spans first, each with its labels and counts ("الرقة  LOC 9 · ORG 1");
expanded (or selected), the places of the labels other than the most frequent one, with their
document's title and the words around them, right to left. A click on a place (or Enter) opens
its document with that span selected, so a label key relabels it; Refresh reads again.

The same report as ``annotator consistency`` (core/consistency.py: by the search key, within
a kind), over every annotator's spans, read on a Job (ops/consistency_report.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.ops.consistency_report import ConsistencyReport, PlaceInContext, consistency_report
from annotator.ui.cells import RightToLeftCells
from annotator.ui.job_dialog import ReportDialog
from annotator.ui.kwic import Index, KwicCells, Parts, kwic_text
from annotator.ui.text import ltr

TEXT, LABELS, DOCUMENT, CONTEXT = range(4)
PLACE = int(Qt.ItemDataRole.UserRole.value)  # a place row's PlaceInContext
KEY = PLACE + 1  # a text row's search key (kept expanded across a Refresh)


def _parts(index: Index) -> Parts | None:
    place = index.data(PLACE)
    if not isinstance(place, PlaceInContext) or index.column() != CONTEXT:
        return None
    return place.before, place.text, place.after


class ConsistencyDialog(ReportDialog[ConsistencyReport]):
    """Emits ``placeChosen(document id, start, end, label)``."""

    placeChosen = Signal(int, int, int, str)

    def __init__(self, project: Path, timeout: float, parent: QWidget | None = None) -> None:
        super().__init__("consistency-report", consistency_report, project, timeout, parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("consistency-tree")
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegateForColumn(TEXT, RightToLeftCells((TEXT,), self.tree))
        self.tree.setItemDelegateForColumn(DOCUMENT, RightToLeftCells((DOCUMENT,), self.tree))
        self.tree.setItemDelegateForColumn(CONTEXT, KwicCells(_parts, self.tree))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.tree.fontMetrics().horizontalAdvance("M")
        for column, chars in ((TEXT, 14), (LABELS, 12), (DOCUMENT, 16)):
            header.resizeSection(column, chars * em)
        self.tree.itemClicked.connect(lambda item, _column: self._chosen(item, clicked=True))
        self.tree.itemActivated.connect(lambda item, _column: self._chosen(item, clicked=False))
        self.tree.currentItemChanged.connect(self._current_changed)
        self.finish_layout(self.tree)
        self.resize(900, 520)
        self.retranslate()
        self.refresh()

    def retranslate_texts(self) -> None:
        self.setWindowTitle(self.tr("Consistency report"))
        self.tree.setHeaderLabels(
            [self.tr("Text"), self.tr("Labels"), self.tr("Document"), self.tr("In context")]
        )

    def reading_text(self) -> str:
        return self.tr("Looking for texts labelled differently…")

    # -- showing ----------------------------------------------------------------------------
    def show_result(self, value: ConsistencyReport) -> None:
        self.report = value
        expanded = self._expanded_keys()
        if not value.items:
            self.summary.setText(
                self.tr("No text is labelled differently ({spans} spans compared).").format(
                    spans=ltr(str(value.spans))
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "{n} text(s) labelled differently (by the search key, within a kind), the "
                    "most spans first, of {spans} spans. Expand one for the places of its other "
                    "labels; a click opens the place, a label key relabels it, then Refresh."
                ).format(n=ltr(str(len(value.items))), spans=ltr(str(value.spans)))
            )
        self.tree.clear()
        for item in value.items:
            counts = " · ".join(f"{label} {n}" for label, n in item.counts)
            row = QTreeWidgetItem([item.text, counts, "", ""])
            row.setData(TEXT, KEY, item.inconsistency.key)
            row.setToolTip(TEXT, item.text)
            for place in item.places:
                child = QTreeWidgetItem([place.text, place.label, place.title, ""])
                child.setData(CONTEXT, PLACE, place)
                child.setToolTip(CONTEXT, kwic_text((place.before, place.text, place.after)))
                child.setToolTip(DOCUMENT, place.title)
                row.addChild(child)
            self.tree.addTopLevelItem(row)
            row.setExpanded(item.inconsistency.key in expanded)

    def _expanded_keys(self) -> set[str]:
        found = set()
        for n in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(n)
            if row is not None and row.isExpanded():
                found.add(str(row.data(TEXT, KEY)))
        return found

    def _current_changed(self, item: QTreeWidgetItem | None, _old: object) -> None:
        if item is not None and item.parent() is None:
            item.setExpanded(True)  # selecting a text lists its places

    def _chosen(self, item: QTreeWidgetItem, *, clicked: bool) -> None:
        place = item.data(CONTEXT, PLACE)
        if isinstance(place, PlaceInContext):
            self.placeChosen.emit(place.document_id, place.start, place.end, place.label)
        elif not clicked:  # Enter on a text: open or close its places
            item.setExpanded(not item.isExpanded())

    def places(self) -> list[QTreeWidgetItem]:
        """Every place row, text by text (for the tests and the keyboard)."""
        rows: list[QTreeWidgetItem] = []
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            if top is not None:
                rows.extend(c for i in range(top.childCount()) if (c := top.child(i)) is not None)
        return rows
