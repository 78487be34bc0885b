"""Suggestions ▸ Suggestion settings…: the project's recommender settings and its gazetteers (issue
11, docs/adr/0059). Everything here is stored in the project file, not in the user's settings:
the recommenders switched on, the minimum score the window shows, whether they run when a
document opens (saved on OK, one transaction), and the lists of names (an import or a removal
is stored at once, one transaction each)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.recommender_settings import MOST_SPANS, RecommenderSettings
from annotator.formats.gazetteer import read_gazetteer
from annotator.ops import suggesting
from annotator.store import Repository
from annotator.ui.file_dialogs import open_file
from annotator.ui.recommender_titles import recommender_title
from annotator.ui.text import isolate, ltr


class SuggestionSettingsDialog(QDialog):
    def __init__(self, repo: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.setObjectName("suggestion-settings")
        self.setWindowTitle(self.tr("Suggestion settings"))
        settings = repo.recommender_settings(suggesting.recommender_names()).settings
        self.checks: dict[str, QCheckBox] = {}
        which = QGroupBox(self.tr("Recommenders that run"), self)
        checks = QVBoxLayout(which)
        for name in suggesting.recommender_names():
            box = self.checks[name] = QCheckBox(recommender_title(name), which)
            box.setObjectName(f"recommender-{name}")
            box.setChecked(name in settings.enabled)
            checks.addWidget(box)
        self.min_score = QDoubleSpinBox(self)
        self.min_score.setObjectName("min-score")
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setValue(settings.min_score)
        self.run_on_open = QCheckBox(self.tr("Suggest when a document opens"), self)
        self.run_on_open.setObjectName("run-on-open")
        self.run_on_open.setChecked(settings.run_on_open)
        self.retrain_every = QSpinBox(self)
        self.retrain_every.setObjectName("retrain-every")
        self.retrain_every.setRange(0, MOST_SPANS)
        self.retrain_every.setSingleStep(10)
        self.retrain_every.setSpecialValueText(self.tr("never"))
        self.retrain_every.setValue(settings.retrain_every)
        form = QFormLayout()
        form.addRow(self.tr("Minimum score shown:"), self.min_score)
        form.addRow(self.run_on_open)
        form.addRow(self.tr("Train the model again after every N new spans:"), self.retrain_every)
        lists = QGroupBox(self.tr("Gazetteers in this project"), self)
        self.table = QTableWidget(0, 3, lists)
        self.table.setObjectName("gazetteers")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Names"), self.tr("Labels")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.import_button = QPushButton(self.tr("Import…"), lists)
        self.import_button.setObjectName("import-gazetteer")
        self.remove_button = QPushButton(self.tr("Remove"), lists)
        self.remove_button.setObjectName("remove-gazetteer")
        self.error = QLabel(lists)
        self.error.setObjectName("gazetteer-error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.import_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        inside = QVBoxLayout(lists)
        inside.addWidget(self.table)
        inside.addLayout(buttons_row)
        inside.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(which)
        layout.addLayout(form)
        layout.addWidget(lists, 1)
        layout.addWidget(buttons)
        self.import_button.clicked.connect(self.import_list)
        self.remove_button.clicked.connect(self.remove_list)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.lists_changed = False
        self.read_lists()
        self.resize(520, 520)

    def values(self) -> RecommenderSettings:
        return RecommenderSettings(
            tuple(name for name, box in self.checks.items() if box.isChecked()),
            round(self.min_score.value(), 2),
            self.run_on_open.isChecked(),
            self.retrain_every.value(),
        )

    def read_lists(self) -> None:
        found = self.repo.gazetteer_lists()
        self.table.setRowCount(len(found))
        for row, g in enumerate(found):
            labels = ltr(", ".join(f"{label} {n}" for label, n in g.by_label))  # Latin names
            for column, text in enumerate((g.name, ltr(str(g.entries)), labels)):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(g.source)
                self.table.setItem(row, column, item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedItems()))

    def import_list(self) -> None:
        """A TSV or JSON file stored as a list of the project (named after the file); an error
        is one line naming the file and the line, and nothing is stored."""
        path = open_file(
            self,
            self.tr("Import a gazetteer"),
            "",
            self.tr("Gazetteers (*.tsv *.tab *.txt *.json);;All files (*)"),
        )
        if not path:
            return
        try:
            found = read_gazetteer(Path(path), self.repo.labels())
            stored = self.repo.add_gazetteer(found, source=path)
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        self.lists_changed = True
        self.error.setText(
            self.tr("{name}: {n} names imported").format(
                name=isolate(found.name), n=ltr(str(stored))
            )
        )
        self.read_lists()

    def remove_list(self) -> None:
        items = self.table.selectedItems()
        first = self.table.item(items[0].row(), 0) if items else None
        if first is None:
            return
        name = first.text()
        try:
            self.repo.remove_gazetteer(name)
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        self.lists_changed = True
        self.error.setText(self.tr("{name} removed").format(name=isolate(name)))
        self.read_lists()

    def accept(self) -> None:
        try:
            self.repo.save_recommender_settings(self.values())
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
