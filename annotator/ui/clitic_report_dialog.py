"""The clitic report of the project in the window (View → Clitic report…, docs/adr/0045).

The same report as ``annotator clitics`` (annotator.ops.clitic_report): the words the spans
split and on what evidence, and the spans the annotators corrected. It reads every document, so
a thread with its own read-only connection makes it; the dialog says "Reading…" until it
arrives (on the GUI thread, through a signal). Not modal; "Read again" makes it anew.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.ops.clitic_report import CliticReport, WordRow, clitic_report
from annotator.store import open_project
from annotator.ui.text import QT_TRANSLATE_NOOP, isolate, ltr

CONTEXT = "CliticReport"
REASONS = {  # the analyser's evidence codes (CliticSplit.reason), in the interface's words
    "span": QT_TRANSLATE_NOOP("CliticReport", "the stem is a span's text"),
    "frequency": QT_TRANSLATE_NOOP("CliticReport", "the stem is as frequent a word"),
    "number": QT_TRANSLATE_NOOP("CliticReport", "the stem is a number"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reason_text(reason: str) -> str:
    """The analyser's evidence in words; a code this window does not know, as it is."""
    return _tr(REASONS[reason]) if reason in REASONS else reason


class _Reader(QObject):
    done = Signal(object)  # CliticReport
    failed = Signal(str)

    def read(self, path: Path) -> None:
        def run() -> None:
            try:
                with open_project(path, create=False, read_only=True) as repo:
                    report = clitic_report(repo)
            except AnnotatorError as exc:
                self._emit(self.failed, str(exc))
                return
            self._emit(self.done, report)

        threading.Thread(target=run, name="clitic-report", daemon=True).start()

    def _emit(self, signal: SignalInstance, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog is gone
            signal.emit(value)


class CliticReportDialog(QDialog):
    def __init__(self, project: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clitic-report")
        self.project = project
        self.report: CliticReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.split_table = self._table()
        self.corrected_table = self._table()
        self.tabs.addTab(self.split_table, "")
        self.tabs.addTab(self.corrected_table, "")
        self.again = QPushButton()
        self.again.clicked.connect(self.read)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self._reader = _Reader(self)
        self._reader.done.connect(self._show)
        self._reader.failed.connect(self._failed)
        self.retranslate()
        self.read()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Clitic report"))
        self.tabs.setTabText(0, self.tr("Split words"))
        self.tabs.setTabText(1, self.tr("Corrected by the annotators"))
        self.again.setText(self.tr("Read again"))
        headers = [
            self.tr("Word"),
            self.tr("The spans leave out"),
            self.tr("The analyser leaves out"),
            self.tr("Evidence"),
            self.tr("Spans"),
            self.tr("Examples"),
        ]
        for table in (self.split_table, self.corrected_table):
            table.setHorizontalHeaderLabels(headers)
        if self.report is not None:
            self._show(self.report)

    def read(self) -> None:
        self.summary.setText(self.tr("Reading the project…"))
        self.again.setEnabled(False)
        self._reader.read(self.project)

    def _failed(self, error: str) -> None:
        self.summary.setText(self.tr("The report could not be read: {error}").format(error=error))
        self.again.setEnabled(True)

    def _show(self, report: CliticReport) -> None:
        self.report = report
        self.again.setEnabled(True)
        split, corrected = report.split, report.corrected
        self.summary.setText(
            self.tr(
                "{spans} spans, {considered} of them at a word that can begin with a proclitic"
                " ({letters}): {split} split, {corrected} corrected against the analyser."
            ).format(
                # an LRM after the letters, not an isolate: Qt drew the parentheses around an
                # isolated Arabic run reversed in an English line
                letters="و ف ب ك ل س\u200e",
                spans=ltr(str(report.spans)),
                considered=ltr(str(report.considered)),
                split=ltr(str(sum(r.spans for r in split))),
                corrected=ltr(str(sum(r.spans for r in corrected))),
            )
        )
        self._fill(self.split_table, split)
        self._fill(self.corrected_table, corrected)

    def _fill(self, table: QTableWidget, rows: list[WordRow]) -> None:
        table.setRowCount(len(rows))
        none = self.tr("nothing (whole)")
        for n, row in enumerate(rows):
            examples = self.tr(", ").join(
                self.tr("document {d} span {s}").format(
                    d=ltr(str(p.document_id)), s=ltr(str(p.span_id))
                )
                for p in row.places
            )
            cells = (
                row.word,
                row.proclitic or none,
                row.analyser or none,
                reason_text(row.reason) if row.analyser else "",
                ltr(str(row.spans)),
                examples,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 1, 2) and text not in (none,):
                    item.setText(isolate(text))
                table.setItem(n, column, item)
