"""The status bar (annotator, document position, spans, last action) and the error banner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QToolButton, QVBoxLayout, QWidget

from annotator.ui.text import isolate, ltr


class StatusPanel:
    """Permanent fields of the window's status bar; the last action on the left."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.action = QLabel(bar)
        self.action.setObjectName("last-action")
        self.action.setTextFormat(Qt.TextFormat.PlainText)
        self.annotator = QLabel(bar)
        self.annotator.setObjectName("annotator")
        self.position = QLabel(bar)
        self.position.setObjectName("document-position")
        self.spans = QLabel(bar)
        self.spans.setObjectName("span-count")
        bar.addWidget(self.action, 1)
        for label in (self.annotator, self.position, self.spans):
            label.setTextFormat(Qt.TextFormat.PlainText)
            bar.addPermanentWidget(label)

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("StatusPanel", text)

    def show_action(self, text: str) -> None:
        self.action.setText(text)

    def show_annotator(self, name: str) -> None:
        self.annotator.setText(self.tr("Annotator: {name}").format(name=isolate(name)))

    def show_position(self, position: int, total: int) -> None:
        """ "Document 1 of 3", "المستند 1 من 3": each number isolated left to right, so that
        neither the words nor the other number reorder it; "No documents yet" for none."""
        if total == 0:
            self.position.setText(self.tr("No documents yet"))
            return
        self.position.setText(
            self.tr("Document {position} of {total}").format(
                position=ltr(str(position)), total=ltr(str(total))
            )
        )

    def show_spans(self, count: int) -> None:
        self.spans.setText(self.tr("Spans: {count}").format(count=count))


class ErrorBanner(QWidget):
    """A failed write, in plain words, above the article until dismissed or the next success."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error-banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # else the sheet draws nothing
        self.setStyleSheet(
            "#error-banner { background: #fde2e1; border: 1px solid #d9534f; }"
            " #error-banner QLabel { color: #7a1f1c; }"
        )
        self.text = QLabel(self)
        self.text.setObjectName("error-text")
        self.detail = QLabel(self)  # the error's own (English) words, smaller, on a second line
        self.detail.setObjectName("error-detail")
        small = self.detail.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.detail.setFont(small)
        for label in (self.text, self.detail):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.hide)
        lines = QVBoxLayout()
        lines.setSpacing(2)
        lines.addWidget(self.text)
        lines.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addLayout(lines, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_error(self, message: str, detail: str = "") -> None:
        """``message`` in the interface language; ``detail``: the error's own words."""
        self.text.setText(message)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.text.setToolTip(detail)
        self.show()

    def message(self) -> str:
        """What the banner says (both lines), or "" when it is hidden."""
        if not self.isVisible():
            return ""
        detail = self.detail.text()
        return f"{self.text.text()}\n{detail}" if detail else self.text.text()
