"""Import articles: files, a folder, or one article pasted with its title.

Files and folders go through ``annotator.ops.importing.import_paths`` (the same code as the
command line) with a progress dialog; a pasted article is added directly as one document.
The summary says what was imported, skipped as a duplicate, and refused and why.
"""

from __future__ import annotations

import logging
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
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError, one_line
from annotator.core.model import AnnotatedDocument, Document
from annotator.core.text import canonical_text, text_sha256
from annotator.formats import registry
from annotator.formats.base import ImportReport
from annotator.formats.decoding import title_from_text
from annotator.ops.importing import ImportStopped, import_paths
from annotator.store import Repository, open_project
from annotator.ui import file_dialogs, i18n
from annotator.ui.background import Job, Step
from annotator.ui.text import isolate

log = logging.getLogger(__name__)


NO_NAME = "imported"  # the annotator of imported spans, relations and statuses naming none


class ImportDialog(QDialog):
    FILES, PASTE = range(2)
    progress_after_ms = 300  # the progress window shows once an import has run this long

    def __init__(self, repo: Repository, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-dialog")
        self.setWindowTitle(self.tr("Import articles"))
        self.repo = repo
        self.annotator = annotator
        self.imported = 0
        self.report: ImportReport | None = None
        self.tabs = QTabWidget(self)
        # files and folders
        files_page = QWidget(self)
        self.paths = QListWidget(files_page)
        self.paths.setObjectName("import-paths")
        add_files = QPushButton(self.tr("Add files…"), files_page)
        add_folder = QPushButton(self.tr("Add a folder…"), files_page)
        clear = QPushButton(self.tr("Clear"), files_page)
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        clear.clicked.connect(self.paths.clear)
        row = QHBoxLayout()
        for button in (add_files, add_folder, clear):
            row.addWidget(button)
        row.addStretch(1)
        files_layout = QVBoxLayout(files_page)
        files_layout.addWidget(
            QLabel(
                self.tr(
                    "Plain text, news-please JSON, JSONL, CoNLL, brat, doccano or Label Studio "
                    "files; a folder is read with everything inside it."
                ),
                files_page,
            )
        )
        files_layout.addWidget(self.paths)
        files_layout.addLayout(row)
        options = QFormLayout()
        self.format_choice = QComboBox(files_page)
        self.format_choice.setObjectName("import-format")
        self.format_choice.addItem(self.tr("found from each file (extension and content)"), None)
        for name in registry.reader_names():
            self.format_choice.addItem(name, name)
        options.addRow(self.tr("Format:"), self.format_choice)
        options.addRow(self.tr("The spans are:"), self._owner_choice(files_page))
        files_layout.addLayout(options)
        # pasted article
        paste_page = QWidget(self)
        self.title = QLineEdit(paste_page)
        self.title.setObjectName("paste-title")
        self.text = QPlainTextEdit(paste_page)
        self.text.setObjectName("paste-text")
        self.text.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.title.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        paste_layout = QFormLayout(paste_page)
        paste_layout.addRow(self.tr("Title:"), self.title)
        paste_layout.addRow(self.tr("Text:"), self.text)
        self.tabs.addTab(files_page, self.tr("Files or a folder"))
        self.tabs.addTab(paste_page, self.tr("Paste an article"))
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("import-summary")
        self.summary.setReadOnly(True)
        i18n.lines_follow_interface(self.summary)
        self.summary.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(600, 420)

    def _owner_choice(self, parent: QWidget) -> QWidget:
        """Whose the imported spans, relations and statuses are (docs/adr/0032)."""
        box = QWidget(parent)
        self.owner_file = QRadioButton(
            self.tr("of the annotators the file names (those naming none: {name})").format(
                name=isolate(NO_NAME)
            ),
            box,
        )
        self.owner_file.setObjectName("owner-file")
        self.owner_me = QRadioButton(
            self.tr("mine, all of them ({name})").format(name=isolate(self.annotator)), box
        )
        self.owner_me.setObjectName("owner-me")
        self.owner_other = QRadioButton(self.tr("all of another annotator:"), box)
        self.owner_other.setObjectName("owner-other")
        self.owner_name = QLineEdit(box)
        self.owner_name.setObjectName("owner-name")
        self.owner_name.setPlaceholderText(self.tr("name, e.g. ANERcorp"))
        self.owner_name.setEnabled(False)
        self.owner_other.toggled.connect(self.owner_name.setEnabled)
        self.owner_file.setChecked(True)
        other = QHBoxLayout()
        other.setContentsMargins(0, 0, 0, 0)
        other.addWidget(self.owner_other)
        other.addWidget(self.owner_name, 1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.owner_file)
        layout.addWidget(self.owner_me)
        layout.addLayout(other)
        return box

    def owner(self) -> tuple[str, bool] | None:
        """(annotator, credit_all) for import_paths; None if the other name is still empty."""
        if self.owner_me.isChecked():
            return self.annotator, True
        if self.owner_other.isChecked():
            name = self.owner_name.text().strip()
            return (name, True) if name else None
        return NO_NAME, False

    def _add_files(self) -> None:
        files = file_dialogs.open_files(self, self.tr("Files to import"), self._start_dir())
        self.add_paths(files)

    def _start_dir(self) -> str:
        return str(Path(self.repo.path).absolute().parent)

    def _add_folder(self) -> None:
        folder = file_dialogs.folder(self, self.tr("Folder to import"), self._start_dir())
        if folder:
            self.add_paths([folder])

    def add_paths(self, paths: list[str]) -> None:
        known = {self.paths.item(i).text() for i in range(self.paths.count())}
        for path in paths:
            if path not in known:
                self.paths.addItem(path)

    # -- importing --------------------------------------------------------------------------
    def run(self) -> None:
        """Import; whatever fails is one line in the summary, never a traceback: a project that
        stopped taking writes part-way (with what was imported before), any other expected
        error, a file system error, and a bug (logged with its traceback)."""
        stopped = ""
        try:
            if self.tabs.currentIndex() == self.PASTE:
                report = self.import_pasted()
            else:
                report = self.import_files()
        except ImportStopped as exc:
            report, stopped = exc.report, str(exc)
        except AnnotatorError as exc:
            report, stopped = ImportReport(), str(exc)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            report, stopped = ImportReport(), f"{where}{exc.strerror or exc}"
        except Exception as exc:  # a bug of ours: the log has the traceback
            log.exception("the import failed")
            report = ImportReport()
            stopped = self.tr("{error} (a bug in this program; the details are in its log)").format(
                error=f"{type(exc).__name__}: {exc}"
            )
        if report is None:
            return
        self.report = report
        self.imported += report.imported
        self.show_summary(report, one_line(stopped))

    def import_files(self) -> ImportReport | None:
        """Import on a worker thread (import_worker.py); the window paints and the progress
        window names the file being read until it is done; closed on every path."""
        paths = [Path(self.paths.item(i).text()) for i in range(self.paths.count())]
        if not paths:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Add files or a folder first.")
            )
            return None
        owner = self.owner()
        if owner is None:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Type the name of the annotator first.")
            )
            self.owner_name.setFocus()
            return None
        annotator, credit_all = owner
        options = {
            "annotator": annotator,
            "credit_all": credit_all,
            "fmt": self.format_choice.currentData(),
            "format_hint": self.tr("choose its format in the Format list and import it again"),
        }
        project, timeout = Path(self.repo.path), self.repo.timeout

        def work(step: Step) -> ImportReport:
            # a connection of its own, on the job's thread (SQLite shares the process's locks)
            with open_project(project, create=False, timeout=timeout) as repo:
                return import_paths(
                    repo, paths, reading=lambda d, t, p: step(d, t, str(p)), **options
                )

        job = Job("import", work, self)
        return job.run_modal(
            self, self.tr("Importing…"), after_ms=self.progress_after_ms, describe=self._reading
        )

    def _reading(self, done: int, total: int, path: str) -> str:
        """A file is being read: its name, and how many are done."""
        return self.tr("Reading {name} (file {n} of {total})…").format(
            name=isolate(Path(path).name), n=done + 1, total=total
        )

    def import_pasted(self) -> ImportReport | None:
        # toPlainText() turns NBSP into a space (DESIGN.md §2); the raw text keeps it and marks
        # paragraph breaks with U+2029, which become the LF they were typed as
        text = canonical_text(self.text.document().toRawText().replace("\u2029", "\n"))
        title = self.title.text().strip()
        if not text.strip():
            QMessageBox.information(self, self.windowTitle(), self.tr("Paste the article first."))
            return None
        document = Document(
            None,
            title or title_from_text(text),  # the rule of every imported text file
            text,
            text_sha256(text),
            source="pasted",
        )
        added = self.repo.add_document(AnnotatedDocument(document), annotator=self.annotator)
        return ImportReport(imported=1 if added else 0, duplicates=0 if added else 1)

    def summary_text(self, report: ImportReport, stopped: str = "") -> str:
        lines = [self.tr("Stopped: {reason}").format(reason=isolate(stopped))] if stopped else []
        lines += [
            self.tr("Imported: {n}").format(n=report.imported),
            self.tr("Skipped as duplicates: {n}").format(n=report.duplicates),
            self.tr("Refused: {n}").format(n=len(report.errors)),
        ]
        lines += [f"  • {isolate(error)}" for error in report.errors]
        if report.notes:
            lines.append(self.tr("Notes:"))
            lines += [f"  • {isolate(note)}" for note in report.notes]
        return "\n".join(lines)

    def show_summary(self, report: ImportReport, stopped: str = "") -> None:
        """Replace the form with the summary; Close (or Esc) leaves the dialog."""
        self.tabs.hide()
        self.import_button.hide()
        self.summary.setPlainText(self.summary_text(report, stopped))
        self.summary.show()
        self.setWindowTitle(self.tr("Import finished"))
