"""Whose spans the window shows, and that another's cannot be edited (ADR 0071).

The sample project with two spans of another annotator ("amal"), made through the store as
her own window would; the window's annotator is "tester". Real key events throughout.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.core.model import Span, Status
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.span_model import SpanListModel
from tests.store.conftest import dump
from tests.ui.window_helpers import (
    ANNOTATOR,
    cell_keys_agree_with_data,
    find,
    key,
    make_project,
    open_window,
)

OTHER = "amal"


def with_other(project: Path) -> Path:
    with open_project(project) as repo:
        (doc_id,) = repo.document_ids()
        text = repo.document(doc_id).text
        for words, label in (("كارتر", "PER"), ("الموصل", "LOC")):
            span = Span(None, doc_id, *find(text, words), label, OTHER)
            repo.apply(AddSpan(span), actor=OTHER)
    return project


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, user_settings: UserSettings) -> MainWindow:
    window = open_window(qtbot, with_other(make_project(tmp_path)), user_settings)
    yield window  # type: ignore[misc]
    i18n.install("en")


def rows(window: MainWindow) -> list[tuple[str, str]]:
    model = window.controller.span_model
    return [
        (
            model.data(model.index(r, SpanListModel.LABEL)),
            model.data(model.index(r, SpanListModel.ANNOTATOR)),
        )
        for r in range(model.rowCount(QModelIndex()))
    ]  # type: ignore[misc]


def statuses(project: Path) -> dict[str, str]:
    conn = sqlite3.connect(project)
    try:
        return dict(conn.execute("SELECT annotator, status FROM document_status").fetchall())
    finally:
        conn.close()


def test_only_my_spans_until_others_are_asked_for(window: MainWindow) -> None:
    assert rows(window) == []
    assert window.view.text_edit.others() == []
    documents = window.controller.document_model
    assert documents.data(documents.index(0, documents.SPANS)) == 0  # mine, not amal's 2

    key(window, "Ctrl+Shift+O")  # View ▸ Show everyone's spans

    assert rows(window) == [("LOC", OTHER), ("PER", OTHER)]
    assert len(window.view.text_edit.others()) == 2  # framed in amal's colour
    assert documents.data(documents.index(0, documents.SPANS)) == 2
    assert window.status.action.text() == "Showing everyone's spans"
    # the span list's pictures are keyed by the same texts and colours (annotators' too)
    assert cell_keys_agree_with_data(window.controller.span_model) == 2 * len(SpanListModel.HEADERS)

    key(window, "Ctrl+Shift+O")
    assert rows(window) == []


def test_the_annotators_menu_shows_one_or_another(window: MainWindow) -> None:
    menu = window.menus["annotators"]
    window.annotators.fill()
    named = [a for a in menu.actions() if a.data() == OTHER]
    assert len(named) == 1 and named[0].isCheckable() and not named[0].isChecked()
    named[0].trigger()
    assert [a for _, a in rows(window)] == [OTHER, OTHER]
    assert window.status.action.text() == f"Showing the spans of: \u2068{OTHER}\u2069"
    assert window.action_set["show_all_annotators"].isChecked()
    assert window.controller.shown() == (ANNOTATOR, OTHER)
    window.annotators.fill()
    mine = menu.actions()[0]
    assert mine.text() == f"Only mine (\u2068{ANNOTATOR}\u2069)"
    mine.trigger()
    assert rows(window) == []


def test_another_annotators_span_is_refused_naming_them(window: MainWindow) -> None:
    key(window, "Ctrl+Shift+O")
    before = dump(window.project)
    key(window, "Tab")  # the first span: amal's LOC
    selected = window.view.selected_span()
    assert selected is not None
    assert window.controller.span_model.span_by_id(selected).annotator == OTHER  # type: ignore[union-attr]
    for keys in ("2", "Delete", "Alt+Shift+Left"):
        key(window, keys)
        assert "this is \u2068amal\u2069's work" in window.status.action.text(), keys
        assert dump(window.project) == before  # neither her span nor anyone's status moved
    assert rows(window) == [("LOC", OTHER), ("PER", OTHER)]


def test_my_edit_moves_my_status_and_undo_brings_it_back(window: MainWindow) -> None:
    key(window, "Ctrl+Shift+O")
    text = window.controller.open.text
    before = dump(window.project)
    start, end = find(text, "الرقة")
    window.view.set_selection(start, end)
    key(window, "3")
    assert tuple(sorted(statuses(window.project))) == (OTHER, ANNOTATOR)
    assert statuses(window.project)[ANNOTATOR] == Status.IN_PROGRESS.value
    assert sorted(rows(window)) == sorted([("PER", OTHER), ("LOC", OTHER), ("LOC", ANNOTATOR)])
    key(window, "Ctrl+Z")
    assert dump(window.project) == before


def test_the_span_list_names_the_annotator(window: MainWindow) -> None:
    key(window, "Ctrl+Shift+O")
    model = window.controller.span_model
    header = model.headerData(SpanListModel.ANNOTATOR, Qt.Orientation.Horizontal)
    assert header == "Annotator"
    assert model.data(model.index(0, SpanListModel.ANNOTATOR), Qt.ItemDataRole.DecorationRole)


def test_annotators_whose_names_pick_one_colour_are_told_apart(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    """ "tester" and "منى" have the same CRC colour; shown together they must differ, in the
    span list as in the viewer's frames (the same colour_of), and stay so on the next key."""
    from annotator.ui.annotator_colours import COLOURS, _hashed

    assert _hashed(ANNOTATOR) == _hashed("منى")  # the case this test is about
    project = with_other(make_project(tmp_path))
    with open_project(project) as repo:
        (doc_id,) = repo.document_ids()
        text = repo.document(doc_id).text
        repo.apply(AddSpan(Span(None, doc_id, *find(text, "الرقة"), "LOC", "منى")), actor="منى")
        repo.apply(AddSpan(Span(None, doc_id, *find(text, "أنقرة"), "LOC", ANNOTATOR)))
    window = open_window(qtbot, project, user_settings)
    try:
        key(window, "Ctrl+Shift+O")  # everyone's spans
        model = window.controller.span_model
        colours = {
            model.data(model.index(r, SpanListModel.ANNOTATOR)): model.data(
                model.index(r, SpanListModel.ANNOTATOR), Qt.ItemDataRole.DecorationRole
            ).name()
            for r in range(model.rowCount(QModelIndex()))
        }
        assert set(colours) == {ANNOTATOR, OTHER, "منى"}
        assert len(set(colours.values())) == 3
        assert set(colours.values()) <= set(COLOURS)
    finally:
        i18n.install("en")
