"""Menu shortcuts laid out left to right in both interfaces.

A menu item is drawn from one text, "Settings…<Tab>Ctrl+,"; in the Arabic interface its shortcut
part is laid out right to left with the rest, and "Ctrl+," comes out ",+Ctrl" (any key sequence
that ends in punctuation or holds several keys is scrambled so). This proxy style wraps that
part in LRI … PDI before the real style draws it; sizes are unchanged (isolates have no width).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionMenuItem,
    QWidget,
)

from annotator.ui.actions import shown_keys
from annotator.ui.text import ltr


def menu_item_text(text: str) -> str:
    """ "Settings…\\tCtrl+," -> "Settings…\\t" + LRI "Ctrl+," PDI, the keys named as on the
    keyboard (actions.shown_keys: Qt's Arabic "اليسار" for Left is drawn out of order even
    isolated); a text without a shortcut (or already isolated) as it is."""
    label, tab, keys = text.partition("\t")
    if not tab or not keys or keys.startswith("\u2066"):
        return text
    native = QKeySequence.fromString(keys, QKeySequence.SequenceFormat.NativeText)
    shown = shown_keys(native) if not native.isEmpty() else keys
    return f"{label}\t{ltr(shown)}"


class IsolatingStyle(QProxyStyle):
    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(
            option, QStyleOptionMenuItem
        ):
            isolated = menu_item_text(option.text)
            if isolated != option.text:
                option = QStyleOptionMenuItem(option)
                option.text = isolated
        super().drawControl(element, option, painter, widget)


def install(app: QApplication) -> None:
    """Put the style in front of the application's style (once)."""
    if not isinstance(app.style(), IsolatingStyle):
        app.setStyle(IsolatingStyle())
