"""Project → Team → Agreement… (issue 13, docs/adr/0074): ``annotator agreement`` in the window.

The pairwise matrix (exact / overlap F1, κ beneath; a cell opens that pair's disagreements),
the chosen pair's per-label table and chart, its per-document table with each document's α,
and the disagreements: a click (or Enter) on one opens its document at A's span (or B's).
Read on a Job with a connection of its own (ui/job_dialog.ReportDialog), over the documents
both annotators of a pair have done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement import Disagreement, PairScore, disagreements
from annotator.core.agreement_output import number
from annotator.ops.agreement import AgreementReport, agreement_report
from annotator.ui.agreement_chart import AgreementChart
from annotator.ui.cells import RightToLeftCells
from annotator.ui.job_dialog import ReportDialog
from annotator.ui.text import isolate, ltr

NUMBERS = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
PLACE = int(Qt.ItemDataRole.UserRole.value)


def _table(
    name: str, columns: int, rtl: tuple[int, ...] = (), stretch: bool = False
) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(stretch)
    if rtl:  # Arabic titles and words keep their order in the English interface
        table.setItemDelegate(RightToLeftCells(rtl, table))
    return table


def _fill(table: QTableWidget, rows: list[list[str]], first_text: int = 1) -> None:
    """Rows of cells; the first ``first_text`` columns are text, the others numbers."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if c >= first_text:
                item.setTextAlignment(NUMBERS)
            table.setItem(r, c, item)


class AgreementDialog(ReportDialog[AgreementReport]):
    """Emits ``placeChosen(document id, start, end, label)`` for a disagreement chosen."""

    placeChosen = Signal(int, int, int, str)

    def __init__(self, project: Path, timeout: float, parent: QWidget | None = None) -> None:
        super().__init__("agreement", agreement_report, project, timeout, parent)
        self.pair: PairScore | None = None
        self.matrix = _table("agreement-matrix", 0)
        self.matrix.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.matrix.verticalHeader().show()
        self.matrix.cellClicked.connect(self._cell_chosen)
        self.matrix.cellActivated.connect(self._cell_chosen)
        self.labels = _table("agreement-labels", 9)
        self.documents = _table("agreement-documents", 8, rtl=(0,))
        self.differences = _table("agreement-disagreements", 5, rtl=(0, 4), stretch=True)
        self.differences.cellClicked.connect(self._difference_chosen)
        self.differences.cellActivated.connect(self._difference_chosen)
        self.chart = AgreementChart()
        self.pair_line = QLabel()
        self.pair_line.setObjectName("agreement-pair")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreement-tabs")
        per_label = QSplitter(Qt.Orientation.Vertical)
        per_label.addWidget(self.labels)
        per_label.addWidget(self.chart)
        for widget in (self.differences, per_label, self.documents):
            self.tabs.addTab(widget, "")
        self.labels.setMinimumHeight(6 * self.labels.fontMetrics().height())
        lower = QWidget()
        lines = QVBoxLayout(lower)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.addWidget(self.pair_line)
        lines.addWidget(self.tabs, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.matrix)
        body.addWidget(lower)
        body.setStretchFactor(1, 3)
        self.finish_layout(body)
        self.resize(900, 640)
        self.retranslate()
        self.refresh()

    def retranslate_texts(self) -> None:
        self.setWindowTitle(self.tr("Agreement"))
        self.tabs.setTabText(0, self.tr("Disagreements"))
        self.tabs.setTabText(1, self.tr("Per label"))
        self.tabs.setTabText(2, self.tr("Per document"))
        self.labels.setHorizontalHeaderLabels(
            [
                self.tr("Label"),
                "A",
                "B",
                self.tr("Exact P"),
                "R",
                "F1",
                self.tr("Overlap P"),
                "R",
                "F1",
            ]
        )
        self.documents.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Tokens"),
                "A",
                "B",
                self.tr("Exact F1"),
                self.tr("Overlap F1"),
                self.tr("Kappa"),
                self.tr("Alpha"),
            ]
        )
        self.differences.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Difference"), "A", "B", self.tr("Text")]
        )

    def reading_text(self) -> str:
        return self.tr("Comparing the annotators' work…")

    # -- showing ----------------------------------------------------------------------------
    def show_result(self, value: AgreementReport) -> None:
        self.report = value
        result = value.agreement
        alpha = (
            self.tr("nothing to compare")
            if result.alpha is None
            else self.tr("{alpha} over {documents} documents, {tokens} tokens").format(
                alpha=ltr(number(result.alpha)),
                documents=ltr(str(result.alpha_documents)),
                tokens=ltr(str(result.alpha_tokens)),
            )
        )
        self.summary.setText(
            self.tr(
                "Each pair over the documents both have done; A (the row) is the reference. "
                "A cell: F1 exact / overlap, then Cohen's kappa and the documents compared; a "
                "click lists that pair's disagreements. Krippendorff's alpha: {alpha}."
            ).format(alpha=alpha)
            if len(result.annotators) >= 2
            else self.tr("Nothing to compare: fewer than two annotators in this project.")
        )
        names = list(result.annotators)
        self.matrix.setRowCount(len(names))
        self.matrix.setColumnCount(len(names))
        self.matrix.setHorizontalHeaderLabels([isolate(n) for n in names])
        self.matrix.setVerticalHeaderLabels([isolate(n) for n in names])
        self.matrix.clearContents()
        for pair in result.pairs:
            a, b = (names.index(n) for n in pair.annotators)
            for row, column in ((a, b), (b, a)):
                item = QTableWidgetItem(self._cell_text(pair))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.matrix.setItem(row, column, item)
        self.matrix.resizeRowsToContents()
        self.matrix.resizeColumnsToContents()
        kept = self.pair.annotators if self.pair is not None else None
        again = [p for p in result.pairs if p.annotators == kept] or list(result.pairs[:1])
        self.show_pair(again[0] if again else None)

    def _cell_text(self, pair: PairScore) -> str:
        return self.tr("{f1}\nκ {kappa} · {documents} doc.").format(
            f1=ltr(f"{number(pair.exact.f1, 2)} / {number(pair.overlap.f1, 2)}"),
            kappa=ltr(number(pair.kappa, 2)),
            documents=ltr(str(pair.documents)),
        )

    def _cell_chosen(self, row: int, column: int) -> None:
        if self.report is None or row == column:
            return
        names = self.report.agreement.annotators
        a, b = names[min(row, column)], names[max(row, column)]
        found = [p for p in self.report.agreement.pairs if p.annotators == (a, b)]
        if found:
            self.show_pair(found[0])
            self.tabs.setCurrentIndex(0)

    def show_pair(self, pair: PairScore | None) -> None:
        """The pair's labels, chart, documents and disagreements."""
        self.pair = pair
        self.chart.show_pair(pair)
        self.pair_line.setText(
            ""
            if pair is None
            else self.tr("{a} (A, the reference) and {b} (B)").format(
                a=isolate(pair.annotators[0]), b=isolate(pair.annotators[1])
            )
        )
        if pair is None or self.report is None:
            for table in (self.labels, self.documents, self.differences):
                table.setRowCount(0)
            return
        _fill(
            self.labels,
            [
                [label, str(s.exact.a), str(s.exact.b)]
                + [number(v) for v in (s.exact.precision, s.exact.recall, s.exact.f1)]
                + [number(v) for v in (s.overlap.precision, s.overlap.recall, s.overlap.f1)]
                for label, s in pair.per_label.items()
            ],
        )
        alphas = {d.document_id: d.alpha for d in self.report.agreement.per_document_alpha}
        _fill(
            self.documents,
            [
                [
                    d.title,
                    str(d.tokens),
                    str(d.exact.a),
                    str(d.exact.b),
                    number(d.exact.f1),
                    number(d.overlap.f1),
                    number(d.kappa),
                    number(alphas.get(d.document_id)),
                ]
                for d in pair.per_document
            ],
        )
        self._show_differences(disagreements(*pair.annotators, self.report.sheets))

    def _show_differences(self, found: list[Disagreement]) -> None:
        texts = {s.document_id: s.text for s in self.report.sheets} if self.report else {}
        kinds = {
            "label": self.tr("other label"),
            "boundary": self.tr("other boundaries"),
            "only_a": self.tr("only A"),
            "only_b": self.tr("only B"),
        }
        rows = []
        for d in found:
            place = d.a or d.b
            assert place is not None
            words = texts.get(d.document_id, "")[place[0] : place[1]]
            rows.append([d.title, kinds[d.kind], _place(d.a), _place(d.b), words])
        _fill(self.differences, rows, first_text=5)
        for r, d in enumerate(found):
            cell = self.differences.item(r, 0)
            if cell is not None:
                cell.setData(PLACE, d)

    def _difference_chosen(self, row: int, _column: int) -> None:
        cell = self.differences.item(row, 0)
        found = None if cell is None else cell.data(PLACE)
        if isinstance(found, Disagreement):
            place = found.a or found.b
            assert place is not None
            self.placeChosen.emit(found.document_id, *place)


def _place(place: tuple[int, int, str] | None) -> str:
    return "" if place is None else f"{place[2]} {ltr(f'{place[0]}–{place[1]}')}"
