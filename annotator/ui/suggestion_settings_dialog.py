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
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.recommender_settings import (
    MOST_SPANS,
    RecommenderSettings,
    label_map_text,
    parse_label_map,
)
from annotator.formats.gazetteer import read_gazetteer
from annotator.ops import spacy_suggestions, suggesting
from annotator.store import Repository
from annotator.ui.file_dialogs import folder, open_file
from annotator.ui.recommender_titles import recommender_title
from annotator.ui.text import isolate, ltr


class SuggestionSettingsDialog(QDialog):
    def __init__(self, repo: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.setObjectName("suggestion-settings")
        self.setWindowTitle(self.tr("Suggestion settings"))
        settings = repo.recommender_settings(suggesting.recommender_names()).settings
        self.stored = settings
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
        pipeline = self._pipeline_group(settings)
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
        layout.addWidget(pipeline)
        layout.addWidget(lists, 1)
        layout.addWidget(buttons)
        self.import_button.clicked.connect(self.import_list)
        self.remove_button.clicked.connect(self.remove_list)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.lists_changed = False
        self.read_lists()
        self.resize(560, 640)

    def _pipeline_group(self, settings: RecommenderSettings) -> QGroupBox:
        """The spaCy recommender's pipeline directory, label map and spans key (ADR 0078)."""
        group = QGroupBox(self.tr("Your own spaCy pipeline"), self)
        self.pipeline = QLineEdit(settings.pipeline, group)
        self.pipeline.setObjectName("spacy-pipeline")
        self.pipeline.setPlaceholderText(self.tr("a directory with ner or spancat"))
        self.pipeline.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path
        self.choose_button = QPushButton(self.tr("Choose…"), group)
        self.choose_button.setObjectName("choose-pipeline")
        self.choose_button.clicked.connect(self.choose_pipeline)
        self.label_map = QLineEdit(label_map_text(settings.label_map), group)
        self.label_map.setObjectName("spacy-labels")
        self.label_map.setPlaceholderText("PERSON=PER, GPE=LOC")
        self.label_map.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.spans_key = QLineEdit(settings.spans_key, group)
        self.spans_key.setObjectName("spacy-spans-key")
        self.spans_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.pipeline_error = QLabel(group)
        self.pipeline_error.setObjectName("pipeline-error")
        self.pipeline_error.setWordWrap(True)
        self.pipeline_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.pipeline, 1)
        row.addWidget(self.choose_button)
        form = QFormLayout(group)
        form.addRow(self.tr("Pipeline:"), row)
        form.addRow(self.tr("Its labels as ours:"), self.label_map)
        form.addRow(self.tr("Spans key (spancat):"), self.spans_key)
        form.addRow(self.pipeline_error)
        return group

    def choose_pipeline(self) -> None:
        """The folder dialog; the first pipeline chosen ticks the recommender (as the command
        line switches it on)."""
        chosen = folder(self, self.tr("Choose a spaCy pipeline"), self.pipeline.text())
        if not chosen:
            return
        if not self.pipeline.text().strip() and spacy_suggestions.NAME in self.checks:
            self.checks[spacy_suggestions.NAME].setChecked(True)
        self.pipeline.setText(chosen)

    def values(self) -> RecommenderSettings:
        """The settings shown; ValueError if the label map is not A=B pairs."""
        return RecommenderSettings(
            tuple(name for name, box in self.checks.items() if box.isChecked()),
            round(self.min_score.value(), 2),
            self.run_on_open.isChecked(),
            self.retrain_every.value(),
            self.pipeline.text().strip(),
            parse_label_map(self.label_map.text()),
            self.spans_key.text().strip() or self.stored.spans_key,
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
        """Stored in one transaction; a bad label map or a directory that is no pipeline is
        one line under the pipeline and nothing is stored (the pipeline is loaded only when it
        runs, on a worker: its load errors are the suggestion list's note)."""
        try:
            values = self.values()
        except ValueError as exc:
            self.pipeline_error.setText(str(exc))
            return
        try:
            values = spacy_suggestions.configured(self.repo, self.stored, values, load=False)
        except AnnotatorError as exc:
            self.pipeline_error.setText(str(exc))
            return
        try:
            self.repo.save_recommender_settings(values)
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
