"""Suggestions ▸ Suggestion settings… in the real window (docs/adr/0059), with real clicks and keys,
checked against the project file: a recommender switched off, the minimum score (hidden
suggestions neither drawn, listed nor stepped to; the list says how many), a gazetteer imported
and then suggesting on Ctrl+Shift+S, and the recommenders running when a document opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.core.recommender_settings import RecommenderSettings
from annotator.core.suggestions import SuggestionState
from annotator.store import open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.suggestion_settings_dialog import SuggestionSettingsDialog
from tests.ui.window.dialog_driver import choose_file, click, click_button, when_shown
from tests.ui.window.test_suggestions import states, suggested, window
from tests.ui.window_helpers import activate, key

__all__ = ["window"]  # the fixture, shared


def note(window: MainWindow) -> str:
    label = window.side.findChild(QLabel, "suggestion-note")
    assert label is not None
    text = label.text() if label.isVisible() else ""
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")  # no isolates


def settings_dialog(window: MainWindow, qtbot: QtBot, act) -> None:  # type: ignore[no-untyped-def]
    seen = when_shown(SuggestionSettingsDialog, act)
    window.action_set["suggestion_settings"].trigger()  # Suggestions ▸ Suggestion settings…
    seen.wait(qtbot)
    activate(qtbot, window)  # the window's keys again


def test_a_minimum_score_hides_suggestions_and_the_list_says_how_many(
    window: MainWindow, qtbot: QtBot
) -> None:
    key(window, "Ctrl+Shift+S")
    qtbot.waitUntil(lambda: bool(suggested(window)), timeout=10_000)
    shown = window.controller.open.suggestions
    quotes = [s for s in shown if s.recommender == "quotes"]
    assert quotes and all(s.score < 0.95 for s in quotes)
    assert note(window) == (
        "gazetteer: no gazetteer in the project (Suggestions ▸ Suggestion settings…)\n"
        "model: switched off in the project's settings\n"  # until a model is trained
        "spacy: switched off in the project's settings"  # until a pipeline is set
    )

    def act(dialog: SuggestionSettingsDialog) -> None:
        spin = dialog.findChild(QDoubleSpinBox, "min-score")
        assert spin is not None
        spin.setFocus()
        spin.lineEdit().selectAll()
        QTest.keyClicks(spin, "0.95")
        click_button(dialog, "OK")

    settings_dialog(window, qtbot, act)
    with open_project(window.project, create=False, read_only=True) as repo:
        assert (
            repo.recommender_settings(["memory", "gazetteer", "quotes"]).settings.min_score == 0.95
        )
    left = window.controller.open.suggestions
    assert left and all(s.score >= 0.95 for s in left)
    assert len(left) == len(shown) - len(quotes)
    assert len(window.view._edit.ghosts()) == len(left)  # the hidden ones are not drawn
    assert window.side.suggestions.rowCount() == len(left)
    assert f"{len(quotes)} below the minimum score 0.95" in note(window)
    assert "quotes: all below the minimum score 0.95" in note(window)
    for _ in range(len(left) + 1):  # N steps round the shown ones only
        key(window, "N")
        assert window.controller.open.selected_suggestion in {s.id for s in left}
    key(window, "Ctrl+Shift+A")  # accept all: those shown, the hidden ones stay open
    assert states(window) == {"open": len(quotes), "accepted": len(left)}


def test_import_a_gazetteer_switch_the_others_off_then_suggest(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    names = tmp_path / "places.tsv"
    names.write_text("الرقة\tLOC\nالموصل\tLOC\nآشتون كارتر\tPER\n", encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_text("الرقة\tLOC\nداعش\tGROUP\n", encoding="utf-8")

    def act(dialog: SuggestionSettingsDialog) -> None:
        for name in ("memory", "quotes"):
            box = dialog.findChild(QCheckBox, f"recommender-{name}")
            assert box is not None and box.isChecked()
            QTest.keyClick(box, Qt.Key.Key_Space)  # a click beside its text does nothing
            assert not box.isChecked()
        button = dialog.findChild(QPushButton, "import-gazetteer")
        error = dialog.findChild(QLabel, "gazetteer-error")
        table = dialog.findChild(QTableWidget, "gazetteers")
        assert button is not None and error is not None and table is not None
        choose_file(str(bad))
        click(button)
        assert f"{bad}, line 2" in error.text() and "\n" not in error.text()
        assert table.rowCount() == 0
        choose_file(str(names))
        click(button)
        assert table.rowCount() == 1
        assert [table.item(0, c).text() for c in range(2)] == ["places", "\u20663\u2069"]  # type: ignore[union-attr]
        click_button(dialog, "OK")

    settings_dialog(window, qtbot, act)
    with open_project(window.project, create=False, read_only=True) as repo:
        assert [g.name for g in repo.gazetteer_lists()] == ["places"]
    assert "memory: switched off in the project's settings" in note(window)
    key(window, "Ctrl+Shift+S")
    qtbot.waitUntil(lambda: bool(suggested(window)), timeout=10_000)
    found = window.controller.open.suggestions
    text = window.controller.open.text
    assert {s.recommender for s in found} == {"gazetteer"}
    assert [text[s.start : s.end] for s in found].count("الرقة") == 7


def test_run_on_open_suggests_beside_the_window_and_rejected_stay_rejected(
    window: MainWindow, qtbot: QtBot
) -> None:
    with open_project(window.project, create=False) as repo:
        repo.save_recommender_settings(RecommenderSettings(("memory",), 0.0, True))
    key(window, "Alt+PgDown")  # another document: the recommenders run on it, on a Job
    second = window.controller.document_id
    key(window, "N")  # keys answer while they run (or after)
    assert window.status.action.text() != ""
    qtbot.waitUntil(lambda: not window.controller.on_open.running, timeout=10_000)
    key(window, "Alt+PgUp")  # back to the article
    assert window.controller.document_id == 1 and second != 1
    qtbot.waitUntil(
        lambda: not window.controller.on_open.running and bool(suggested(window)), timeout=10_000
    )
    assert "Suggested on opening" in window.status.action.text()
    assert {s.recommender for s in window.controller.open.suggestions} == {"memory"}
    key(window, "N")
    gone = window.controller.open.suggestions[0]
    key(window, "X")
    key(window, "Alt+PgDown")
    qtbot.waitUntil(lambda: not window.controller.on_open.running, timeout=10_000)
    key(window, "Alt+PgUp")
    qtbot.waitUntil(lambda: not window.controller.on_open.running, timeout=10_000)
    assert (gone.start, gone.end, gone.label) not in suggested(window)
    with open_project(window.project, create=False, read_only=True) as repo:
        rejected = repo.suggestions(1, state=SuggestionState.REJECTED)
    assert [(s.start, s.end, s.label) for s in rejected] == [(gone.start, gone.end, gone.label)]


def test_a_run_for_a_document_left_does_not_disturb_the_one_open(
    window: MainWindow, qtbot: QtBot
) -> None:
    with open_project(window.project, create=False) as repo:
        repo.save_recommender_settings(RecommenderSettings(("memory", "quotes"), 0.0, True))
    key(window, "Alt+PgDown")
    key(window, "Alt+PgUp")  # a run starts for the article...
    assert window.controller.document_id == 1
    key(window, "Alt+PgDown")  # ...and the user goes on before it ends
    here = window.controller.document_id
    assert here != 1
    qtbot.waitUntil(lambda: not window.controller.on_open.running, timeout=10_000)
    assert window.controller.document_id == here
    assert all(s.document_id == here for s in window.controller.open.suggestions)
    with open_project(window.project, create=False, read_only=True) as repo:
        assert repo.suggestions(1)  # the run for the article was stored


def test_closing_the_window_while_a_run_goes_on_waits_for_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    with open_project(window.project, create=False) as repo:
        repo.save_recommender_settings(RecommenderSettings(("memory", "quotes"), 0.0, True))
    key(window, "Alt+PgDown")
    key(window, "Alt+PgUp")  # a run starts for the article
    window.close()
    assert not window.controller.on_open.running
    with open_project(window.project, create=False, read_only=True) as repo:
        assert repo.suggestions(1)  # it ended and was stored before the project closed
