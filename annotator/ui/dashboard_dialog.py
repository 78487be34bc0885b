"""Project → Dashboard (issue 13, docs/adr/0072): documents by status per annotator, spans per
label and per annotator, progress by day, each a chart with its numbers in a table beside it.
The same figures as ``annotator stats --format html`` (ops/dashboard.py), read on a Job with a
project connection of its own, so a big project never holds up the window's keys.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from annotator.core.agreement_output import number
from annotator.core.dashboard import label_table, running_totals
from annotator.core.model import Status
from annotator.ops.dashboard import Dashboard, dashboard
from annotator.ui import dashboard_charts as charts
from annotator.ui.document_model import status_text
from annotator.ui.job_dialog import ReportDialog
from annotator.ui.text import isolate, ltr

NUMBERS = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
TABS = ("documents", "spans", "done", "made", "agreement")


def _table(name: str) -> QTableWidget:
    table = QTableWidget(0, 0)
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, header: list[str], rows: list[tuple[str, list[int]]]) -> None:
    """Rows of a name and numbers (right-aligned in the reading direction's end)."""
    table.clear()
    table.setColumnCount(len(header))
    table.setHorizontalHeaderLabels(header)
    table.setRowCount(len(rows))
    table.setVerticalHeaderLabels([name for name, _ in rows])
    for r, (_, numbers) in enumerate(rows):
        for c, n in enumerate(numbers):
            item = QTableWidgetItem(str(n))
            item.setTextAlignment(NUMBERS)
            table.setItem(r, c, item)


class DashboardDialog(ReportDialog[Dashboard]):
    def __init__(self, project: Path, timeout: float, parent: QWidget | None = None) -> None:
        super().__init__("dashboard", dashboard, project, timeout, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboard-tabs")
        self.views: dict[str, QChartView] = {}
        self.tables: dict[str, QTableWidget] = {}
        for name in TABS:
            splitter = QSplitter(Qt.Orientation.Horizontal)
            self.views[name] = charts.view(f"dashboard-{name}-chart", splitter)
            self.tables[name] = _table(f"dashboard-{name}-table")
            splitter.addWidget(self.views[name])
            splitter.addWidget(self.tables[name])
            splitter.setStretchFactor(0, 1 if name == "agreement" else 3)  # 4 columns
            splitter.setStretchFactor(1, 2)
            self.tabs.addTab(splitter, "")
        self.note = QLabel()  # under the tabs, shown with the progress by day
        self.note.setObjectName("dashboard-note")
        self.note.setWordWrap(True)
        self.glance = QLabel()  # under the tabs, shown with the agreement
        self.glance.setObjectName("dashboard-agreement-note")
        self.glance.setWordWrap(True)
        self.tabs.currentChanged.connect(self._notes)
        self.note.hide()
        self.glance.hide()
        self.box.addWidget(self.tabs, 1)
        self.box.addWidget(self.note)
        self.box.addWidget(self.glance)
        self.box.addWidget(self.buttons)
        self.resize(900, 520)
        self.retranslate()
        self.refresh()

    def retranslate_texts(self) -> None:
        self.setWindowTitle(self.tr("Dashboard"))
        titles = (
            self.tr("Documents"),
            self.tr("Spans"),
            self.tr("Documents done by day"),
            self.tr("Spans made by day"),
            self.tr("Agreement"),
        )
        for n, title in enumerate(titles):
            self.tabs.setTabText(n, title)
        note = self.tr(
            "Counted as the project stands: a document done and reopened since, or a span "
            "removed since, is not counted on its day."
        )
        for tab in ("done", "made"):
            self.tables[tab].setToolTip(note)
            self.views[tab].setToolTip(note)
        self.note.setText(note)

    def _notes(self, tab: int) -> None:
        self.note.setVisible(TABS[tab] in ("done", "made"))
        self.glance.setVisible(TABS[tab] == "agreement")

    def show_result(self, value: Dashboard) -> None:
        self.report = value
        stats = value.stats
        self.summary.setText(
            self.tr(
                "{documents} document(s), {spans} span(s), {relations} relation(s), "
                "{annotators} annotator(s)."
            ).format(
                documents=ltr(str(stats.documents)),
                spans=ltr(str(stats.spans)),
                relations=ltr(str(stats.relations)),
                annotators=ltr(str(len(stats.by_annotator))),
            )
        )
        direction = self.layoutDirection()
        everyone = self.tr("everyone")
        rows = [(everyone, dict(stats.by_status))]
        rows += [(name or self.tr("(no name)"), dict(c)) for name, c in stats.by_annotator.items()]
        self._show("documents", charts.statuses(rows, direction))
        _fill(
            self.tables["documents"],
            [status_text(s) for s in Status],
            [(name, [counts.get(s, 0) for s in Status]) for name, counts in rows],
        )
        labels = value.labels()
        table = label_table(value.activity.spans, labels)
        self._show("spans", charts.spans(labels, table, direction))
        _fill(
            self.tables["spans"],
            [*labels, self.tr("total")],
            [(name or self.tr("(no name)"), [*counts, total]) for name, counts, total in table],
        )
        for tab, what, title in (
            ("done", "done", self.tr("Documents done, running total")),
            ("made", "spans", self.tr("Spans made, running total")),
        ):
            lines = running_totals(value.activity.days, what)
            self._show(tab, charts.progress(title, lines, direction))
            days = list(lines[0].days) if lines else []
            _fill(
                self.tables[tab],
                days,
                [(line.annotator or self.tr("(no name)"), list(line.totals)) for line in lines],
            )

        self._show_agreement(value)

    def _show_agreement(self, value: Dashboard) -> None:
        """Each pair over the documents both marked done (docs/adr/0074), and α."""
        pairs = [p for p in value.agreement.pairs if p.documents]
        self._show("agreement", charts.agreement(pairs, self.layoutDirection()))
        table = self.tables["agreement"]
        header = [self.tr("Documents"), self.tr("Exact F1"), self.tr("Overlap F1"), "κ"]
        table.clear()
        table.setColumnCount(len(header))
        table.setHorizontalHeaderLabels(header)
        table.setRowCount(len(pairs))
        table.setVerticalHeaderLabels([" – ".join(map(isolate, p.annotators)) for p in pairs])
        for r, p in enumerate(pairs):
            cells = [str(p.documents), number(p.exact.f1), number(p.overlap.f1), number(p.kappa)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(ltr(text))
                item.setTextAlignment(NUMBERS)
                table.setItem(r, c, item)
        if not pairs:
            self.glance.setText(
                self.tr(
                    "No document is marked done by two annotators yet: agreement compares "
                    "the documents both of a pair have done."
                )
            )
            return
        self.glance.setText(
            self.tr(
                "Each pair over the documents both marked done. Krippendorff's α {alpha} on "
                "{documents} document(s). Every figure: Project → Team → Agreement…"
            ).format(
                alpha=ltr(number(value.agreement.alpha)),
                documents=ltr(str(value.agreement.alpha_documents)),
            )
        )

    def _show(self, name: str, chart: QChart) -> None:
        old = self.views[name].chart()
        self.views[name].setChart(chart)
        if old is not None:
            old.deleteLater()
