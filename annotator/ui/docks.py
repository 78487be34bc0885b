"""Where the docks go in each interface direction, and their saved layouts.

Qt keeps a dock area where it was put: in a right-to-left interface LeftDockWidgetArea is still
on the left. So the window puts the document list where reading starts (left in English, right
in Arabic) and the annotations on the other side, and switching the language moves them across.
A layout saved with ``QMainWindow.saveState`` is kept per direction and stamped with a version
of its direction: a layout saved in one direction (or before the stamp) is never restored in
the other, where it would pin the docks on the wrong side (docs/adr/0039).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
# saveState versions; states saved before these (version 0) are not restored
STATE_VERSION = {False: 2, True: 3}


def state_version(rtl: bool) -> int:
    return STATE_VERSION[rtl]


def reading_sides(rtl: bool) -> tuple[Qt.DockWidgetArea, Qt.DockWidgetArea]:
    """(where reading starts, where it ends): the document list's side, the annotations'."""
    return (RIGHT, LEFT) if rtl else (LEFT, RIGHT)


def place(window: QMainWindow, start: QDockWidget, end: QDockWidget, rtl: bool) -> None:
    """The default layout: ``start`` where reading starts, ``end`` on the other side."""
    start_area, end_area = reading_sides(rtl)
    window.addDockWidget(start_area, start)
    window.addDockWidget(end_area, end)
    window.resizeDocks([start, end], [260, 400], Qt.Orientation.Horizontal)


def restore(window: QMainWindow, state: QByteArray | None, rtl: bool) -> bool:
    """Restore a layout saved in this direction; False (nothing changed) for none, or one
    saved in the other direction or before layouts had a direction."""
    return state is not None and window.restoreState(state, state_version(rtl))


def save(window: QMainWindow, rtl: bool) -> QByteArray:
    return window.saveState(state_version(rtl))


def mirror(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """Move every docked dock to the other side (left ↔ right), keeping its size; floating
    docks and docks at the top or bottom stay where they are."""
    widths = [dock.width() for dock in docks]
    for dock in docks:
        if dock.isFloating():
            continue
        area = window.dockWidgetArea(dock)
        if area == LEFT:
            window.addDockWidget(RIGHT, dock)
        elif area == RIGHT:
            window.addDockWidget(LEFT, dock)
    window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
