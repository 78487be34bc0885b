"""One whole annotation session through the real window, as an annotator would work.

Builds the window with create_main_window on a project file holding the sample article,
annotates with the mouse and the keyboard, undoes, redoes, marks the document done, closes the
window, reopens the project and finds everything: spans, relation, status, document, selection.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.core.model import SPEAKER, Status
from annotator.store import open_project
from annotator.ui.settings import UserSettings
from tests.ui.viewer_helpers import click, drag
from tests.ui.window_helpers import ANNOTATOR, find, key, make_project, open_window, text_of


def test_a_whole_session_survives_closing_and_reopening(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    project = make_project(tmp_path, second=True)
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    window = open_window(qtbot, project, user)
    article = window.controller.document_id
    text = text_of(window)

    # a place, by mouse, with its proclitic left out
    raqqa = find(text, "والرقة")
    drag(window.view, *raqqa)
    key(window, "3")
    assert "proclitic" in window.status.action.text()
    # a person by keyboard selection of the exact characters
    carter = find(text, "كارتر")
    window.view.set_selection(*carter)
    key(window, "Alt+1")
    # a quote and its speaker
    quote_start = text.index("«إنه ينبغي")
    quote = (quote_start, text.index("»", quote_start) + 1)
    window.view.set_selection(*quote)
    key(window, "Alt+6")
    quote_id = window.view.selected_span()
    ishaq = find(text, "إيشق", 1)
    window.view.set_selection(*ishaq)
    key(window, "1")
    ishaq_id = window.view.selected_span()
    window.view.select_span(quote_id)
    key(window, "S")
    click(window.view, ishaq[0] + 1)
    # a wrong event: added, then undone, redone, and deleted
    window.view.set_selection(*find(text, "محاصرة"))
    key(window, "5")
    key(window, "Ctrl+Z")
    key(window, "Ctrl+Y")
    key(window, "Delete")
    key(window, "Ctrl+Z")  # the event is back
    key(window, "Ctrl+Z")  # ...and gone again: undo twice leaves the redo of the event
    key(window, "Ctrl+Shift+Z")  # the event is back
    # the person: one character shorter at the end, then back (wider would end on a space)
    click(window.view, carter[0] + 1)
    key(window, "Ctrl+Alt+Shift+Right")
    key(window, "Ctrl+Z")
    # remember where we were, then finish the document
    click(window.view, raqqa[0] + 3)
    selected = window.view.selected_span()
    key(window, "Alt+PgDown")
    key(window, "Alt+PgUp")
    assert window.controller.document_id == article
    window.view.select_span(selected)
    key(window, "Ctrl+Return")
    other = window.controller.document_id
    assert other != article
    key(window, "Alt+PgUp")  # back to the finished article, to close the window on it
    window.view.select_span(selected)
    window.close()

    expected = {
        (raqqa[0] + 1, raqqa[1], "LOC"),
        (*carter, "PER"),
        (*quote, "QUOTE"),
        (*ishaq, "PER"),
        (*find(text, "محاصرة"), "EVENT"),
    }
    with open_project(project, create=False) as repo:
        assert {(s.start, s.end, s.label) for s in repo.spans(article or 0)} == expected
        assert [(r.type, r.source_id, r.target_id) for r in repo.relations(article or 0)] == [
            (SPEAKER, quote_id, ishaq_id)
        ]
        assert repo.status(article or 0, ANNOTATOR) is Status.DONE
        assert repo.status(other or 0, ANNOTATOR) is Status.NEW
        assert repo.check() == []

    again = open_window(
        qtbot, project, UserSettings(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    )
    assert again.controller.document_id == article
    assert again.view.selected_span() == selected
    assert {(s.start, s.end, s.label) for s in again.controller.span_model.spans()} == expected
    row = again.controller.span_model.row_of(quote_id or 0)
    assert again.controller.span_model.index(row, 3).data() == "إيشق"
    assert again.status.spans.text() == "Spans: 5"
    model = again.controller.document_model
    assert model.index(0, model.STATUS).data() == "done"
    assert again.controller.stack.count() == 0  # a fresh session: the history is not kept
