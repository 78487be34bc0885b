"""Export: a format from the registry, its options, filters, a folder; then the report.

The work is ``annotator.ops.exporting.export_project`` (the same code as the command line);
the report (files written, spans widened, spans a format cannot hold) is shown in the dialog.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.model import Kind, Status
from annotator.formats import registry
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.token_tags import (
    DEFAULT_TOKEN_MODE,
    SCHEMES,
    SEGMENT,
    SPAN_EDGES,
    SPAN_EDGES_WARNING,
    TOKEN_MODES,
    WHOLE,
)
from annotator.ops.exporting import export_project
from annotator.store import Repository, open_project
from annotator.ui import file_dialogs, i18n
from annotator.ui.background import Job, Step
from annotator.ui.document_model import status_text
from annotator.ui.error_text import Explained, export_failed
from annotator.ui.span_model import kind_text
from annotator.ui.text import isolate, joined, ltr


def default_out_dir(project: Path) -> Path:
    """``exports/`` next to the project file."""
    return project.resolve().parent / "exports"


class ExportDialog(QDialog):
    progress_after_ms = 300  # the progress window shows once an export has run this long

    def __init__(self, repo: Repository, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.setWindowTitle(self.tr("Export"))
        self.repo = repo
        self.report: ExportReport | None = None
        self.format = QComboBox(self)
        self.format.setObjectName("export-format")
        for name in registry.writer_names():
            self.format.addItem(name, name)
        self.missing = QLabel(self.missing_text(registry.missing_writers()), self)
        self.missing.setObjectName("export-missing-formats")
        self.missing.setWordWrap(True)
        self.missing.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.missing.setVisible(bool(self.missing.text()))
        self.layer = QComboBox(self)
        for kind in Kind:
            self.layer.addItem(kind_text(kind), kind.value)
        self.scheme = QComboBox(self)
        for scheme in SCHEMES:
            self.scheme.addItem(scheme.upper(), scheme)
        self.tokens = QComboBox(self)
        for mode in TOKEN_MODES:
            self.tokens.addItem(self.token_mode_text(mode), mode)
        self.tokens.setObjectName("export-tokens")
        self.tokens.setCurrentIndex(self.tokens.findData(DEFAULT_TOKEN_MODE))
        self.tokens.setToolTip(self.tokens_tip())
        self.status = QComboBox(self)
        self.status.addItem(self.tr("any status"), None)
        for status in Status:
            self.status.addItem(status_text(status), status.value)
        self.annotator = QComboBox(self)
        self.annotator.addItem(self.tr("every annotator"), None)
        for name in repo.annotators():
            self.annotator.addItem(name, name)
        self.labels = QListWidget(self)
        self.labels.setObjectName("export-labels")
        for label in repo.labels():
            item = QListWidgetItem(label.name, self.labels)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.labels.setMaximumHeight(110)
        self.out_dir = QLineEdit(str(default_out_dir(Path(repo.path))), self)
        self.out_dir.setObjectName("export-folder")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.out_dir, 1)
        folder.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.missing)  # the whole width: a wrapped label in a field grows tall
        form.addRow(self.tr("Layer (one-layer formats):"), self.layer)
        form.addRow(self.tr("Tag scheme:"), self.scheme)
        form.addRow(self.tr("Tokens:"), self.tokens)
        form.addRow(self.tr("Documents with status:"), self.status)
        form.addRow(self.tr("Spans of:"), self.annotator)
        form.addRow(self.tr("Labels:"), self.labels)
        form.addRow(self.tr("Into folder:"), folder)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("export-report")
        self.summary.setReadOnly(True)
        i18n.lines_follow_interface(self.summary)
        self.summary.hide()
        self.problem = QLabel(self)  # why the last export wrote nothing
        self.problem.setObjectName("export-problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("#export-problem { color: #7a1f1c; }")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_chosen)
        self._format_chosen()
        self.resize(560, 520)

    def token_mode_text(self, mode: str) -> str:
        """The words for a token mode (formats.token_tags.TOKEN_MODES); the mode itself if new."""
        return {
            WHOLE: self.tr("whole tokens (ANERcorp style, widens spans)"),
            SEGMENT: self.tr("split off every proclitic the analyser finds"),
            SPAN_EDGES: self.tr("cut at span edges (exact, but the tokens tell the labels)"),
        }.get(mode, mode)

    def tokens_tip(self) -> str:
        return self.tr(
            "How token formats (CoNLL, spaCy) cut the text. Whole tokens: a span is tagged on "
            "every token it touches, as in ANERcorp. Split off proclitics: و ب ل ك ف are cut "
            "from every word the clitic analyser splits, labelled or not, so most spans stay "
            "exact. Cut at span edges: every span exact, but a lone و then tells a model that an "
            "entity follows; use it only to check spans, not to train."
        )

    def warning_text(self, warning: str) -> str:
        """A warning of the report in the interface's words (the report's own are English)."""
        if warning == SPAN_EDGES_WARNING:
            return self.tr(
                "the tokens were cut only where a span starts or ends (و | الرقة, but وقال "
                "whole), so they tell where the entities are: a model trained on them learns a "
                "cue that never exists when it is used. Export whole tokens or split off "
                "proclitics for training data."
            )
        return warning

    def missing_text(self, missing: dict[str, str]) -> str:
        """Why a format is not in the list (spaCy not installed), or ""."""
        return "\n".join(
            self.tr(
                "The {format} format is not offered: it needs the Python package {package}, "
                "which is not installed here. To install it:"
            ).format(format=isolate(name), package=isolate(package))
            + f"\n    {isolate(f'pip install .[{package}]')}"
            for name, package in missing.items()
        )

    def _format_chosen(self) -> None:
        """Grey out the options the chosen format does not use (Writer.uses)."""
        fmt = self.format.currentData()
        uses = registry.writer(str(fmt)).uses if fmt else frozenset()
        for option, combo in (
            ("layer", self.layer),
            ("scheme", self.scheme),
            ("tokens", self.tokens),
        ):
            combo.setEnabled(option in uses)
            combo.setToolTip(
                (self.tokens_tip() if combo is self.tokens else "")
                if option in uses
                else self.tr("The {format} format does not use this option.").format(
                    format=isolate(str(fmt))
                )
            )

    def _browse(self) -> None:
        folder = file_dialogs.folder(self, self.tr("Export into"), self.out_dir.text())
        if folder:
            self.out_dir.setText(folder)

    def options(self) -> ExportOptions:
        return ExportOptions(
            layer=Kind(self.layer.currentData()),
            scheme=str(self.scheme.currentData()),
            tokens=str(self.tokens.currentData()),
        )

    def chosen_labels(self) -> list[str] | None:
        """The checked labels, or None when all are checked (no filter)."""
        items = [self.labels.item(i) for i in range(self.labels.count())]
        checked = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
        return None if len(checked) == len(items) else checked

    def report_text(self, report: ExportReport, folder: str) -> str:
        """The report in the interface language (ExportReport.to_text is the CLI's English);
        paths and the spans' own words are isolated so they keep their order in Arabic."""
        lines = [
            self.tr("Written into {folder}").format(folder=isolate(folder)),
            "",
            self.tr("Format: {name}").format(name=report.format),
            self.tr("Documents: {n}").format(n=report.documents),
        ]
        lines += [
            self.tr("Warning: {text}").format(text=self.warning_text(w)) for w in report.warnings
        ]
        filters = self._filter_words()
        if filters:  # as ExportReport.to_text: the filters, and what they left out
            lines.append(
                self.tr("Filters: {filters}").format(filters=functools.reduce(joined, filters))
            )
            if report.left_out is not None:
                spans, relations = report.left_out
                lines.append(
                    "  "
                    + self.tr(
                        "Left out by the filters: {spans} span(s) and {relations} relation(s)"
                    ).format(spans=ltr(str(spans)), relations=ltr(str(relations)))
                )
        lines.append(self.tr("Spans: {n}").format(n=sum(report.spans_per_label.values())))
        lines += [f"  {isolate(label)}: {n}" for label, n in sorted(report.spans_per_label.items())]
        if report.proclitics_split:
            lines.append(
                self.tr("Proclitics split off words: {n}").format(n=report.proclitics_split)
            )
        lines.append(self.tr("Spans widened to whole tokens: {n}").format(n=len(report.widened)))
        lines += [f"  • {isolate(w)}" for w in report.widened]
        lines.append(
            self.tr("Spans this format cannot hold: {n}").format(n=len(report.not_expressed))
        )
        lines += [f"  • {isolate(w)}" for w in report.not_expressed]
        lines.append(self.tr("Files:"))
        lines += [f"  • {isolate(p.name)}" for p in report.files]
        return "\n".join(lines)

    def _filter_words(self) -> list[str]:
        """The filters chosen, in the interface's words (the report's own are the CLI's)."""
        words = []
        status = self.status.currentData()
        if status is not None:
            words.append(self.tr("status: {status}").format(status=status_text(Status(status))))
        annotator = self.annotator.currentData()
        if annotator is not None:
            words.append(self.tr("annotator: {name}").format(name=isolate(annotator)))
        labels = self.chosen_labels()
        if labels is not None:
            names = ", ".join(isolate(name) for name in sorted(labels))
            words.append(self.tr("labels: {names}").format(names=names))
        return words

    def run(self) -> None:
        """Export. The progress window closes on every path, before anything else is shown;
        an export that wrote nothing says why under the form, which stays to be changed."""
        fmt = self.format.currentData()
        if not fmt:
            return
        status = self.status.currentData()
        folder = self.out_dir.text()
        project, timeout = self.repo.path, self.repo.timeout
        options, annotator, labels = (
            self.options(),
            self.annotator.currentData(),
            self.chosen_labels(),
        )

        def work(step: Step) -> ExportReport:
            # a connection of its own, on the job's thread: the window's stays free
            with open_project(project, create=False, read_only=True, timeout=timeout) as repo:
                return export_project(
                    repo,
                    str(fmt),
                    Path(folder).expanduser(),
                    options=options,
                    status=None if status is None else Status(status),
                    annotator=annotator,
                    labels=labels,
                    progress=lambda done, total: step(done, total, ""),
                )

        job = Job("export", work, self)
        try:
            report = job.run_modal(self, self.tr("Exporting…"), after_ms=self.progress_after_ms)
        except Cancelled:
            self.show_problem(Explained(self.tr("Export cancelled: nothing was written."), ""))
            return
        except (AnnotatorError, OSError) as exc:
            self.show_problem(export_failed(exc, folder))
            return
        self.problem.hide()
        self.report = report
        self.summary.setPlainText(self.report_text(report, folder))
        self.summary.show()
        self.export_button.setText(self.tr("Export again"))
        # Qt's push button measures joined Arabic letters a little short: keep room for the text
        room = self.export_button.fontMetrics().horizontalAdvance(self.export_button.text())
        self.export_button.setMinimumWidth(
            room + 3 * self.export_button.fontMetrics().averageCharWidth()
        )

    def show_problem(self, shown: Explained) -> None:
        self.problem.setText(f"{shown.text}\n{shown.detail}" if shown.detail else shown.text)
        self.problem.setToolTip(shown.detail)
        self.problem.show()
        self.summary.hide()  # the report of an earlier export would read as this one's
