"""Document details: where the open article came from (View → Document details…).

Source, URL, publication date, import time, length and sha256, the lines the boilerplate
rules dropped at import (rule, line number, text) and the rest of the document's metadata.
Not modal: it stays open beside the article and follows the document on screen
(docs/adr/0037). Read-only: a document never changes after import.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Document

DROPPED = "boilerplate_dropped"
VALUE_LIMIT = 300
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class DocumentDetails(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document-details")
        self.setModal(False)
        self.resize(620, 520)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        names = (
            ("title", self.tr("Title")),
            ("source", self.tr("Source")),
            ("url", self.tr("URL")),
            ("published", self.tr("Published")),
            ("imported_at", self.tr("Imported")),
            ("length", self.tr("Characters")),
            ("text_sha256", self.tr("SHA-256 of the text")),
        )
        # every value on the side of its caption, whatever the direction of its own text
        side = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignRight
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        for name, caption in names:
            label = QLabel(self)
            label.setObjectName(f"detail-{name}")
            label.setWordWrap(True)
            label.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
            label.setTextInteractionFlags(SELECTABLE)
            form.addRow(caption, label)
            self.fields[name] = label
        self.fields["url"].setOpenExternalLinks(True)
        self.fields["url"].setTextInteractionFlags(
            SELECTABLE | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.dropped_caption = QLabel(self)
        self.dropped = QTableWidget(0, 3, self)
        self.dropped.setObjectName("dropped-lines")
        self.dropped.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Rule"), self.tr("Text")])
        self.dropped.verticalHeader().hide()
        self.dropped.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.dropped.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.other = QPlainTextEdit(self)
        self.other.setObjectName("other-metadata")
        self.other.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.dropped_caption)
        layout.addWidget(self.dropped, 1)
        layout.addWidget(QLabel(self.tr("Other metadata"), self))
        layout.addWidget(self.other, 1)
        layout.addWidget(buttons)

    def show_document(self, document: Document | None) -> None:
        """Fill the dialog from ``document`` (None: no document is open)."""
        if document is None:
            self.setWindowTitle(self.tr("Document details"))
            for label in self.fields.values():
                label.setText("")
            self.dropped_caption.setText(self.tr("No document is open."))
            self.dropped.setRowCount(0)
            self.other.setPlainText("")
            return
        self.setWindowTitle(self.tr("Document details: {title}").format(title=document.title))
        none = self.tr("(not given)")
        values = {
            "title": document.title,
            "source": document.source,
            "published": document.published,
            "imported_at": document.imported_at,
            "length": f"{len(document.text):,}",
            "text_sha256": document.text_sha256,
        }
        for name, value in values.items():
            self.fields[name].setText(value or none)
        url = document.url
        self.fields["url"].setText(
            f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>' if url else none
        )
        self._show_dropped(document.meta.get(DROPPED))
        self.other.setPlainText(other_metadata(document.meta))

    def _show_dropped(self, dropped: object) -> None:
        rows = [r for r in dropped if isinstance(r, Mapping)] if isinstance(dropped, list) else []
        self.dropped_caption.setText(
            self.tr("Lines dropped at import as a news site's boilerplate: {n}").format(n=len(rows))
        )
        self.dropped.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, key in enumerate(("line", "rule", "text")):
                item = QTableWidgetItem(str(row.get(key, "")))
                self.dropped.setItem(i, j, item)
        self.dropped.resizeColumnsToContents()


def other_metadata(meta: Mapping[str, Any]) -> str:
    """The metadata besides the dropped lines, one ``key: value`` a line (JSON values, long
    ones shortened; the corpus tokens as a count)."""
    lines = []
    for key in sorted(meta):
        if key == DROPPED:
            continue
        value = meta[key]
        if key == "tokens" and isinstance(value, list):
            shown = f"[{len(value):,} tokens of the source corpus]"
        else:
            shown = json.dumps(value, ensure_ascii=False, sort_keys=True)
            if len(shown) > VALUE_LIMIT:
                shown = shown[: VALUE_LIMIT - 1] + "…"
        lines.append(f"{key}: {shown}")
    return "\n".join(lines)
