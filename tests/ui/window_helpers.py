"""Helpers for the tests of the whole window (the fixtures are in tests/ui/window/conftest.py).

A real project file in tmp_path with the sample article imported through annotator.ops, the
real window from create_main_window, real key and mouse events. Shortcuts only fire in an
active window (DESIGN.md §7), hence activateWindow() + waitActive().
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.text import text_sha256
from annotator.ops.importing import import_paths
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.app import create_main_window
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "washington-turkey-isis.txt"
ANNOTATOR = "tester"


def make_project(folder: Path, *, second: bool = False) -> Path:
    """A project file holding the sample article (and, with ``second``, a second document:
    one paragraph of it, as a different text)."""
    path = folder / "sample.annot.db"
    with open_project(path) as repo:
        report = import_paths(repo, [SEED], annotator=ANNOTATOR)
        assert report.imported == 1, report
        if second:
            text = repo.document(repo.document_ids()[0]).text
            paragraph = next(p for p in text.split("\n\n") if "أنقرة" in p)
            doc = Document(None, "أنقرة", paragraph, text_sha256(paragraph))
            assert repo.add_document(AnnotatedDocument(doc), annotator=ANNOTATOR) is not None
    return path


def open_window(
    qtbot: QtBot, project: Path, user: UserSettings, *, evidence: bool = True
) -> MainWindow:
    """The real window, shown and active; with ``evidence``, once the clitic evidence the
    worker thread reads for the open document has arrived (test_big_project opens without)."""
    i18n.install(user.language())
    window = create_main_window(project, user)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    if evidence:
        wait_for_evidence(qtbot, window)
    return window


def wait_for_evidence(qtbot: QtBot, window: MainWindow) -> None:
    """Until the evidence asked for the open document has arrived (docs/adr/0025)."""
    qtbot.waitUntil(lambda: window.controller.snapper.ready, timeout=30_000)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Make the window active (again, after a dialog) so that its shortcuts fire."""
    window.activateWindow()
    qtbot.waitActive(window)
    # the window system hands over the keyboard a moment later; until then keys go nowhere
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    window.view.setFocus()


def key(window: MainWindow, sequence: str) -> None:
    """Press a key sequence ("3", "Alt+3", "Ctrl+Z") in the viewer, as a user would."""
    combo = QKeySequence(sequence)[0]
    QTest.keyClick(window.view.text_edit, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into a widget as key events carrying each character (QTest.keyClicks only
    knows ASCII and aborts on Arabic letters)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def find(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def db_spans(window: MainWindow) -> list[tuple[int, int, str]]:
    """The open document's spans as the project file holds them (a second connection)."""
    document_id = window.controller.document_id
    with open_project(window.project, create=False) as repo:
        return [(s.start, s.end, s.label) for s in repo.spans(document_id or 0)]


def db_relations(window: MainWindow) -> list[tuple[str, int, int]]:
    document_id = window.controller.document_id
    with open_project(window.project, create=False) as repo:
        return [(r.type, r.source_id, r.target_id) for r in repo.relations(document_id or 0)]


def shown_spans(window: MainWindow) -> list[tuple[int, int, str]]:
    """The spans the window shows: the span list, checked against the viewer's index."""
    spans: list[Span] = window.controller.span_model.spans()
    for span in spans:
        assert span.id in window.view.span_at(span.start), span
    return sorted((s.start, s.end, s.label) for s in spans)


def text_of(window: MainWindow) -> str:
    document = window.controller.document
    assert document is not None
    return document.text


def right_to_left(key_name: str) -> Qt.Key:
    return {"left": Qt.Key.Key_Left, "right": Qt.Key.Key_Right}[key_name]


def window_in(qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str) -> MainWindow:
    """The window on the sample project, its interface in ``language`` (the caller puts the
    catalogs back to English)."""
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    return open_window(qtbot, make_project(tmp_path), user)


def cell_keys_agree_with_data(model: QAbstractTableModel) -> int:
    """Every cell's ``cell_key`` (what ui/cells.py keys its pictures by) is its text and colour
    as ``data`` gives them through Qt; returns the cells compared."""
    compared = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            colour = model.data(index, Qt.ItemDataRole.DecorationRole)
            text, name = model.cell_key(row, column)  # type: ignore[attr-defined]
            assert text == model.data(index, Qt.ItemDataRole.DisplayRole), (row, column)
            assert (None if name is None else QColor(name).name()) == (
                None if colour is None else colour.name()
            ), (row, column)
            compared += 1
    return compared
