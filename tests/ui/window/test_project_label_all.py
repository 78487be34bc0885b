"""Label all occurrences in the project (Ctrl+Alt+L) in the real window, with real key events,
checked against the project file: every document, one undo for all, redo brings them back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document
from annotator.core.occurrences import occurrences
from annotator.store import open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.viewer_helpers import drag
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_spans,
    find,
    key,
    make_project,
    open_window,
    shown_spans,
    text_of,
)


def _project(folder: Path) -> tuple[Path, list[str]]:
    """The sample article and three of its paragraphs that name الرقة, as documents."""
    path = make_project(folder)
    with open_project(path) as repo:
        text = repo.document(1).text
        paragraphs = [p for p in text.split("\n\n") if "الرقة" in p][:3]
        assert len(paragraphs) == 3
        repo.add_documents(
            AnnotatedDocument(Document(None, f"فقرة {i}", p)) for i, p in enumerate(paragraphs)
        )
        texts = [repo.document(d).text for d in repo.document_ids()]
    return path, texts


def _all_spans(window: MainWindow) -> dict[int, list[tuple[int, int, str]]]:
    with open_project(window.project, create=False) as repo:
        return {d: [(s.start, s.end, s.label) for s in repo.spans(d)] for d in repo.document_ids()}


def test_ctrl_alt_l_labels_every_document_and_one_undo_removes_all(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path, texts = _project(tmp_path)
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    window = open_window(qtbot, path, user)
    text = text_of(window)
    start, end = find(text, "الرقة")
    drag(window.view, start, end)
    key(window, "3")  # LOC
    first = (start, end, "LOC")
    key(window, "Ctrl+Alt+L")
    everywhere = _all_spans(window)
    expected = {
        i + 1: sorted((a, b, "LOC") for a, b in occurrences(t, "الرقة", []))
        for i, t in enumerate(texts)
    }
    assert everywhere == expected
    assert all(len(spans) >= 1 for spans in everywhere.values())
    assert shown_spans(window) == expected[1]  # the open document shows them
    made = sum(map(len, expected.values())) - 1
    message = window.status.action.text().replace("\u2066", "").replace("\u2069", "")
    assert message == f"Labelled {made} occurrences in 4 documents"
    assert window.controller.document_id == 1  # still on the open document
    key(window, "Ctrl+Z")  # one undo takes every one away, the first span stays
    assert _all_spans(window) == {1: [first], 2: [], 3: [], 4: []}
    assert shown_spans(window) == [first]
    key(window, "Ctrl+Shift+Z")
    assert _all_spans(window) == expected
    assert shown_spans(window) == expected[1]
    assert db_spans(window) == expected[1]


def test_a_read_only_project_labels_nothing(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """The Job writes as the window would: the window's project read-only, it is refused,
    nothing is written nor recorded (a cancel: tests/ops/test_project_search.py)."""
    path, _ = _project(tmp_path)
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    window = open_window(qtbot, path, user)
    start, end = find(text_of(window), "الرقة")
    drag(window.view, start, end)
    key(window, "3")
    first = {1: [(start, end, "LOC")], 2: [], 3: [], 4: []}
    window.controller.repo.set_read_only()
    key(window, "Ctrl+Alt+L")
    assert _all_spans(window) == first
    assert "read-only" in window.status.action.text()
    assert window.controller.stack.count() == 1  # the label key only
