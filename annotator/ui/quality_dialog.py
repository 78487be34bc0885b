"""Suggestions → Recommender quality… (issue 11, docs/adr/0061): precision, recall and F1 of
each recommender and label against the spans of the documents marked done, with the right,
suggested and annotated counts, and a line saying what it was computed on. The figures are
``annotator suggest --evaluate``'s (ops/recommender_quality.py), measured on a Job with a
project connection of its own; Cancel stops it between two documents.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from annotator.ops.recommender_quality import QualityReport, measure
from annotator.ui.job_dialog import ReportDialog
from annotator.ui.text import isolate, ltr

RECOMMENDER, LABEL, PRECISION, RECALL, F1, RIGHT, SUGGESTED, ANNOTATED = range(8)
NUMBERS = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter


def figures(report: QualityReport) -> list[tuple[str, str, str, str, str, int, int, int]]:
    """The table's rows as shown: precision, recall and F1 with two decimals, as the command
    line prints them."""
    return [
        (
            q.recommender,
            q.label,
            f"{q.precision:.2f}",
            f"{q.recall:.2f}",
            f"{q.f1:.2f}",
            q.right,
            q.suggested,
            q.gold,
        )
        for q in report.table
    ]


class QualityDialog(ReportDialog[QualityReport]):
    measured = Signal(object)  # each report shown: the Suggestions panel's line shows it too

    def __init__(self, project: Path, timeout: float, parent: QWidget | None = None) -> None:
        super().__init__("recommender-quality", measure, project, timeout, parent)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("quality-table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.finish_layout(self.table)
        self.resize(760, 420)
        self.retranslate()
        self.refresh()

    def retranslate_texts(self) -> None:
        self.setWindowTitle(self.tr("Recommender quality"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Recommender"),
                self.tr("Label"),
                self.tr("Precision"),
                self.tr("Recall"),
                self.tr("F1"),
                self.tr("Right"),
                self.tr("Suggested"),
                self.tr("Annotated"),
            ]
        )

    def reading_text(self) -> str:
        return self.tr("Measuring the recommenders on the documents marked done…")

    def show_result(self, value: QualityReport) -> None:
        if value is not self.report:
            self.measured.emit(value)
        self.report = value
        if value.documents == 0:
            line = self.tr(
                "No document is marked done yet: the recommenders are measured against the "
                "spans of the documents marked done (Ctrl+Enter marks one done)."
            )
        else:
            line = self.tr(
                "Over {documents} document(s) marked done, {spans} span(s): a suggestion is "
                "right when a span has its offsets and label; each document's own spans are "
                "left out of what the recommenders learn."
            ).format(documents=ltr(str(value.documents)), spans=ltr(str(value.spans)))
        if value.left_out:
            why = "; ".join(f"{name}: {reason}" for name, reason in value.left_out.items())
            line += " " + self.tr("Not measured: {why}.").format(why=isolate(why))
        self.summary.setText(line)
        rows = figures(value) if value.documents else []
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for column, cell in enumerate(row):
                item = QTableWidgetItem(str(cell))
                if column >= PRECISION:
                    item.setTextAlignment(NUMBERS)
                self.table.setItem(n, column, item)
