"""Help: the keyboard map (made from the window's actions, so it shows the user's own keys),
the user guide (the README shipped with the program), and the hint an empty project shows.

The map is a non-modal dialog (Help → Keyboard map, F1) that stays beside the article; its
rows follow the action table in actions.py in menu order, each with every key of the action as
the user has it (overrides included), isolated left to right. docs/adr/0039.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui import paths
from annotator.ui.actions import SPECS, ActionCollection, shown_keys
from annotator.ui.text import ltr

GUIDE = paths.shipped("README.md")


def guide_url() -> QUrl:
    """The user guide: the README next to the program (the wheel carries a copy)."""
    return QUrl.fromLocalFile(str(GUIDE))


def keys_text(action: QAction) -> str:
    """Every key of an action as the user sees it, isolated left to right ("Ctrl+Y, F5")."""
    keys = [shown_keys(k) for k in action.shortcuts()]
    return ltr(", ".join(keys)) if keys else ""


def keyboard_map(actions: ActionCollection) -> list[tuple[str, str]]:
    """(keys, what they do) for every action that has a key, in the order of the action table.
    Label keys appear with the label they have now ("Label as PER"); keys with no label are
    left out."""
    rows = []
    for spec in SPECS:
        action = actions[spec.id]
        keys = keys_text(action)
        no_label = spec.id.startswith(("label_", "exact_")) and not action.data()
        if not keys or no_label:
            continue
        rows.append((keys, action.text().replace("&", "")))
    return rows


class KeyboardMap(QDialog):
    def __init__(self, actions: ActionCollection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard-map")
        self.setModal(False)
        self.resize(560, 640)
        self._actions = actions
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("keyboard-map-table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.refresh()

    @staticmethod
    def tr(text: str) -> str:  # type: ignore[override]
        return QCoreApplication.translate("KeyboardMap", text)

    def refresh(self) -> None:
        """Fill the map from the actions as they are now (keys, labels, language)."""
        self.setWindowTitle(self.tr("Keyboard map"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        rows = keyboard_map(self._actions)
        self.table.setRowCount(len(rows))
        for row, (keys, text) in enumerate(rows):
            keys_item = QTableWidgetItem(keys)
            keys_item.setTextAlignment(
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading
            )
            self.table.setItem(row, 0, keys_item)
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.note.setText(
            self.tr(
                "Change a key in the settings file, under [shortcuts]: the action's id and its "
                "keys, e.g. {example} (the README says where the file is)."
            ).format(example=ltr("undo=Ctrl+Z; Alt+Backspace"))
        )

    def rows(self) -> list[tuple[str, str]]:
        return [(self._cell(r, 0), self._cell(r, 1)) for r in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text()


class EmptyProjectHint(QWidget):
    """Shown in place of the article while the project holds no document: how to add some."""

    importRequested = Signal()
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty-project-hint")
        self.text = QLabel(self)
        self.text.setObjectName("empty-project-text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("empty-project-import")
        self.import_button.clicked.connect(self.importRequested)
        self.sample_button = QPushButton(self)
        self.sample_button.setObjectName("empty-project-sample")
        self.sample_button.clicked.connect(self.sampleRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.hide()

    @staticmethod
    def tr(text: str) -> str:  # type: ignore[override]
        return QCoreApplication.translate("EmptyProjectHint", text)

    def retranslate(self, import_keys: str) -> None:
        self.text.setText(
            self.tr(
                "This project has no articles yet.\n\nAdd some with Project → Import articles… "
                "({keys}): text files, a folder, or one article pasted with its title. Or open "
                "the sample project, a news article to try the keys on."
            ).format(keys=ltr(import_keys))
        )
        self.import_button.setText(self.tr("Import articles…"))
        self.sample_button.setText(self.tr("Open the sample project"))
