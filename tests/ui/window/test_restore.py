"""Nothing lost: the place in the project, window state and user settings come back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.ui.actions import SPECS, resolve_keys
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import ANNOTATOR, find, key, make_project, open_window, text_of


def user(settings: QSettings) -> UserSettings:
    found = UserSettings(settings)
    found.set_annotator(ANNOTATOR)
    found.set_language("en")
    return found


def test_reopening_restores_document_scroll_and_selection(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = make_project(tmp_path, second=True)
    window = open_window(qtbot, path, user(settings))
    key(window, "Alt+PgDown")
    second = window.controller.document_id
    key(window, "Alt+PgUp")
    key(window, "Alt+PgDown")
    text = text_of(window)
    selection = find(text, "أنقرة")
    window.view.set_selection(*selection)
    key(window, "Ctrl+=")
    window.close()

    again = open_window(qtbot, path, user(settings))
    assert again.controller.document_id == second
    assert again.view.selection() == selection
    assert again.view.zoom() == 1
    assert str(path.resolve()) == again.settings.recent_projects()[0]


def test_reopening_restores_the_selected_span_and_scroll(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = make_project(tmp_path)
    window = open_window(qtbot, path, user(settings))
    window.resize(760, 500)
    text = text_of(window)
    start, end = find(text, "الفرات")  # far down the article
    window.view.set_selection(start, end)
    key(window, "3")
    span_id = window.view.selected_span()
    scroll = window.view.scroll_value()
    assert scroll > 0
    window.close()

    again = open_window(qtbot, path, user(settings))
    assert again.size() == window.size()  # the geometry came back too
    assert again.view.selected_span() == span_id
    assert again.view.scroll_value() == scroll
    assert again.controller.span_model.rowCount() == 1


def test_a_killed_window_loses_no_edit_on_screen(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """Every edit is in the file when it is drawn: a second reader sees it at once."""
    path = make_project(tmp_path)
    window = open_window(qtbot, path, user(settings))
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")
    from annotator.store import open_project

    with open_project(path, create=False) as other:  # no close, no save: the file has it
        assert [s.label for s in other.spans(window.controller.document_id or 0)] == ["PER"]


def test_shortcut_overrides_from_settings(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    settings.setValue("shortcuts/done_next", "F9")
    settings.setValue("shortcuts/delete_span", "Ctrl+D; Delete")
    window = open_window(qtbot, make_project(tmp_path), user(settings))
    assert [k.toString() for k in window.action_set["done_next"].shortcuts()] == ["F9"]
    assert window.action_set.key_text("delete_span") == "Ctrl+D"
    resolved = resolve_keys(SPECS, {"undo": ("Ctrl+Y",)})
    assert resolved["undo"] == ("Ctrl+Y",)
    assert resolved["redo"] == ("Ctrl+Shift+Z",)  # Ctrl+Y moved to undo


def test_menus_show_the_keys(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    window = open_window(qtbot, make_project(tmp_path), user(settings))
    annotate = {a.objectName(): a for a in window.menu("annotate").actions()}
    assert annotate["start_left"].shortcut().toString() == "Alt+Shift+Left"
    assert annotate["end_left"].shortcut().toString() == "Ctrl+Alt+Shift+Left"
    labels = [a.text() for a in window.menu("label").actions()]
    assert labels[:3] == [f"Label as \u2068{n}\u2069" for n in ("PER", "ORG", "LOC")]
    assert window.action_set["label_3"].shortcut().toString() == "3"
    assert window.action_set["exact_3"].shortcut().toString() == "Alt+3"
