"""The label palette: one button per label, showing its colour, kind and key."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from annotator.core.model import Kind, Label, LabelSet
from annotator.ui.span_model import kind_text
from annotator.ui.text import ltr

COLUMNS = 2


def swatch(colour: str, kind: Kind, size: int = 16) -> QIcon:
    """A small icon in the label's colour, drawn the way the viewer marks that kind."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour_q = QColor(colour)
    if kind == Kind.ENTITY:
        painter.fillRect(1, 1, size - 2, size - 2, colour_q)
    elif kind == Kind.EVENT:  # the viewer's thick underline with a tick up at each end
        painter.fillRect(2, size - 6, size - 4, 3, colour_q)
        painter.fillRect(2, size - 10, 2, 5, colour_q)
        painter.fillRect(size - 4, size - 10, 2, 5, colour_q)
    else:
        painter.fillRect(size - 5, 1, 3, size - 2, colour_q)
        painter.fillRect(1, size - 3, size - 2, 1, colour_q)
    painter.setPen(QColor("#555555"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class LabelPalette(QWidget):
    """Emits ``labelClicked(name)``; buttons never take the keyboard focus from the viewer."""

    labelClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._buttons: dict[str, QToolButton] = {}
        self._labels = LabelSet(())

    def set_labels(self, labels: LabelSet) -> None:
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        self._labels = labels
        for i, label in enumerate(labels):
            button = QToolButton(self)
            button.setObjectName(f"label-{label.name}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIconSize(QSize(16, 16))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, name=label.name: self.labelClicked.emit(name))
            self._apply(button, label)
            self._buttons[label.name] = button
            self._layout.addWidget(button, i // COLUMNS, i % COLUMNS)

    def _apply(self, button: QToolButton, label: Label) -> None:
        key = "" if label.key is None else f"  [{label.key}]"
        button.setText(f"{label.name}{key}")
        button.setIcon(swatch(label.colour, label.kind))
        tip = self.tr("{name}: {kind}").format(name=label.name, kind=kind_text(label.kind))
        if label.key is not None:
            tip += "\n" + self.tr("Key {key} labels the selection; {exact} keeps it exact").format(
                key=ltr(str(label.key)), exact=ltr(f"Alt+{label.key}")
            )
        button.setToolTip(tip)

    def button(self, name: str) -> QToolButton | None:
        return self._buttons.get(name)

    def retranslate(self) -> None:
        for label in self._labels:
            button = self._buttons.get(label.name)
            if button is not None:
                self._apply(button, label)
