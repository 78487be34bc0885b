"""The annotator's name, asked once on the first start (from ``main()`` only).

Spans and progress are recorded per annotator, so the name matters; the system user name
("root" on many a shared machine) is no name for a person. While no name is stored a small
dialog asks for it at start, empty; Cancel starts anyway under a neutral placeholder and asks
again next time (docs/adr/0039). Edit → Settings… changes it later.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.settings import UserSettings

PLACEHOLDER = "annotator"  # the name used while none is set (Cancel in the dialog)


class NameDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotator-name-dialog")
        self.setWindowTitle(self.tr("Your name"))
        text = QLabel(
            self.tr(
                "Spans and progress are recorded under the annotator's name, so that several "
                "people can annotate one project. What is your name?"
            ),
            self,
        )
        text.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("annotator-name")
        self.name.setPlaceholderText(self.tr("e.g. Maryam Haddad"))
        later = QLabel(self.tr("You can change it in Edit → Settings…"), self)
        later.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.name.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.name)
        layout.addWidget(later)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    @staticmethod
    def tr(text: str) -> str:  # type: ignore[override]
        return QCoreApplication.translate("NameDialog", text)


def ask_name(settings: UserSettings) -> str | None:
    """Ask for the annotator's name if none is stored; store it. None: cancelled (or there
    was a name already)."""
    if settings.annotator():
        return None
    dialog = NameDialog()
    if not dialog.exec():
        return None
    name = dialog.name.text().strip()
    settings.set_annotator(name)
    settings.sync()
    return name
