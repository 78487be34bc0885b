"""Undo and redo through the window's keys, each step checked against the project file; a
failed write leaves the undo stack and the view as they were."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.store import open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.viewer_helpers import click
from tests.ui.window_helpers import (
    db_relations,
    db_spans,
    find,
    key,
    make_project,
    open_window,
    shown_spans,
    text_of,
)


def status_in_file(window: MainWindow) -> Status:
    with open_project(window.project, create=False) as repo:
        return repo.status(window.controller.document_id or 0, "tester")


def test_undo_redo_sequence_checked_against_the_file(window: MainWindow) -> None:
    text = text_of(window)
    ankara, carter = find(text, "أنقرة"), find(text, "كارتر")
    states = [db_spans(window)]
    assert status_in_file(window) is Status.NEW

    window.view.set_selection(*ankara)
    key(window, "3")  # label
    states.append(db_spans(window))
    assert status_in_file(window) is Status.IN_PROGRESS
    window.view.set_selection(*carter)
    key(window, "1")  # label
    states.append(db_spans(window))
    key(window, "4")  # relabel the new (selected) span
    states.append(db_spans(window))
    key(window, "Ctrl+Shift+Alt+Right")  # resize
    states.append(db_spans(window))
    click(window.view, ankara[0] + 1)
    key(window, "Delete")  # delete
    states.append(db_spans(window))
    assert states[-1] == [(carter[0], carter[1] - 1, "MISC")]
    assert window.controller.stack.count() == 5

    for expected in reversed(states[:-1]):
        key(window, "Ctrl+Z")
        assert db_spans(window) == expected
        assert shown_spans(window) == sorted(expected)
    assert status_in_file(window) is Status.NEW  # the first edit's status change is undone too
    assert window.controller.stack.index() == 0

    for expected in states[1:3]:
        key(window, "Ctrl+Shift+Z")
        assert db_spans(window) == expected
        assert shown_spans(window) == sorted(expected)
    for expected in states[3:]:
        key(window, "Ctrl+Y")
        assert db_spans(window) == expected
        assert shown_spans(window) == sorted(expected)
    assert window.status.action.text().startswith("Redone: Delete")


def test_redo_gives_back_the_same_span_ids(window: MainWindow) -> None:
    text = text_of(window)
    window.view.set_selection(*find(text, "أنقرة"))
    key(window, "3")
    first = window.controller.span_model.spans()[0].id
    key(window, "Ctrl+Z")
    key(window, "Ctrl+Y")
    assert [s.id for s in window.controller.span_model.spans()] == [first]


def test_a_new_edit_drops_the_redo_branch(window: MainWindow) -> None:
    text = text_of(window)
    window.view.set_selection(*find(text, "أنقرة"))
    key(window, "3")
    key(window, "Ctrl+Z")
    window.view.set_selection(*find(text, "كارتر"))
    key(window, "1")
    key(window, "Ctrl+Y")  # nothing to redo
    assert window.controller.stack.count() == 1
    assert [label for *_, label in db_spans(window)] == ["PER"]


def test_failed_write_leaves_stack_and_view_unchanged(window: MainWindow) -> None:
    text = text_of(window)
    carter = find(text, "كارتر")
    window.view.set_selection(*carter)
    key(window, "1")
    before_file = db_spans(window)
    before_view = shown_spans(window)
    stack = window.controller.stack
    count, index = stack.count(), stack.index()

    window.repo.set_read_only(True)  # the project file can no longer be written
    ankara = find(text, "أنقرة")
    window.view.set_selection(*ankara)
    key(window, "3")  # a new span: refused
    assert window.banner.isVisible()
    assert "cannot be written" in window.banner.message()
    assert "Error calling Python override" not in window.banner.message()
    assert (stack.count(), stack.index()) == (count, index)
    assert shown_spans(window) == before_view
    assert window.view.span_at(ankara[0]) == []
    assert db_spans(window) == before_file

    key(window, "Ctrl+Z")  # undo: refused too, and nothing moves
    assert (stack.count(), stack.index()) == (count, index)
    assert shown_spans(window) == before_view
    click(window.view, carter[0] + 1)
    key(window, "2")  # relabel refused
    key(window, "Delete")  # delete refused
    assert shown_spans(window) == before_view == [(*carter, "PER")]
    assert (stack.count(), stack.index()) == (count, index)

    window.repo.set_read_only(False)
    key(window, "Delete")
    assert db_spans(window) == []
    assert not window.banner.isVisible()
    key(window, "Ctrl+Z")
    assert db_spans(window) == before_file


def test_relabel_delete_and_relation_undo(window: MainWindow) -> None:
    text = text_of(window)
    quote = find(text, "«إنه ينبغي ألا تكون وحدات حماية الشعب محور أي جهود لاستعادة الرقة»")
    speaker = find(text, "إيشق", 1)
    window.view.set_selection(*quote)
    key(window, "Alt+6")
    quote_id = window.view.selected_span()
    window.view.set_selection(*speaker)
    key(window, "1")
    speaker_id = window.view.selected_span()
    window.view.select_span(quote_id)
    key(window, "S")
    click(window.view, speaker[0] + 1)
    assert db_relations(window) == [("speaker", quote_id, speaker_id)]
    # deleting the speaker takes the link with it; undo brings both back
    click(window.view, speaker[0] + 1)
    key(window, "Delete")
    assert db_relations(window) == []
    key(window, "Ctrl+Z")
    assert db_relations(window) == [("speaker", quote_id, speaker_id)]
    assert window.controller.span_model.speaker_relation(quote_id or 0) is not None
    key(window, "Ctrl+Z")  # the link
    assert db_relations(window) == []
    key(window, "Ctrl+Y")
    assert db_relations(window) == [("speaker", quote_id, speaker_id)]


def test_undo_goes_back_to_the_document_of_the_edit(
    tmp_path: Path, qtbot: QtBot, settings: QSettings
) -> None:

    path = make_project(tmp_path, second=True)
    user = UserSettings(settings)
    user.set_annotator("tester")
    window = open_window(qtbot, path, user)
    first = window.controller.document_id
    window.view.set_selection(*find(text_of(window), "أنقرة"))
    key(window, "3")
    key(window, "Alt+PgDown")
    assert window.controller.document_id != first
    key(window, "Ctrl+Z")
    assert window.controller.document_id == first
    assert db_spans(window) == []


def test_a_long_error_message_is_shown_whole_on_a_coloured_banner(window: MainWindow) -> None:
    """The banner grows to hold every line of a long message (a locked project names the
    file and what to do), and its background is the warning colour, not the window's."""
    folder = "/".join(["a-rather-long-folder-name"] * 4)
    message = (
        f"Not saved: {folder}/sample.annot.db is being written by another program; try again "
        "in a moment, or close the other window that has this project open"
    )
    window.banner.show_error(message)
    QApplication.processEvents()
    label = window.banner.text
    assert label.height() >= label.heightForWidth(label.width())
    # as the window draws it (a grab of the banner alone fills its own background)
    corner = window.banner.mapTo(window, window.banner.rect().topLeft())
    image = window.grab().toImage()
    assert image.pixelColor(corner.x() + 3, corner.y() + 3).name() == "#fde2e1"
