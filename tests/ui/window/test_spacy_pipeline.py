"""The spaCy recommender in the real window (docs/adr/0078): the pipeline directory chosen in
Suggestions ▸ Suggestion settings… through the folder dialog and the label map typed, stored
in the project; Ctrl+Shift+S then suggests with it on a worker; a bad map or directory is one
line in the dialog, a pipeline gone since is one line in the suggestion list's note."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from annotator.store import open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.suggestion_settings_dialog import SuggestionSettingsDialog
from tests.ui.window.dialog_driver import choose_file, click, click_button
from tests.ui.window.test_suggestion_settings import note, settings_dialog
from tests.ui.window.test_suggestions import window
from tests.ui.window_helpers import key

__all__ = ["window"]  # the fixture, shared
pytest.importorskip("spacy")
NAMES = ["gazetteer", "memory", "model", "quotes", "spacy"]


def typed(dialog: SuggestionSettingsDialog, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, name)
    assert edit is not None
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClicks(edit, text)


def stored(window: MainWindow):  # type: ignore[no-untyped-def]
    with open_project(window.project, create=False, read_only=True) as repo:
        return repo.recommender_settings(NAMES).settings


def test_choose_a_pipeline_map_its_labels_and_suggest_with_it(
    window: MainWindow, qtbot: QtBot, spacy_pipeline: Path, tmp_path: Path
) -> None:
    not_one = tmp_path / "not-a-pipeline"
    not_one.mkdir()

    def act(dialog: SuggestionSettingsDialog) -> None:
        error = dialog.findChild(QLabel, "pipeline-error")
        choose = dialog.findChild(QPushButton, "choose-pipeline")
        assert error is not None and choose is not None
        for name in ("memory", "quotes"):  # only the pipeline runs
            box = dialog.findChild(QCheckBox, f"recommender-{name}")
            assert box is not None
            QTest.keyClick(box, Qt.Key.Key_Space)
        choose_file(str(not_one))
        click(choose)
        typed(dialog, "spacy-labels", "PERSON=PER, GPE=LOC")
        click_button(dialog, "OK")
        assert (
            error.text() == (f"spaCy pipeline {not_one}: not a spaCy pipeline (no config.cfg)")
            and dialog.isVisible()
        )
        choose_file(str(spacy_pipeline))
        click(choose)
        typed(dialog, "spacy-labels", "PERSON")
        click_button(dialog, "OK")
        assert "write PIPELINE_LABEL=LABEL" in error.text() and dialog.isVisible()
        typed(dialog, "spacy-labels", "PERSON=PER, GPE=LOC")
        click_button(dialog, "OK")

    settings_dialog(window, qtbot, act)
    settings = stored(window)
    assert settings.pipeline == str(spacy_pipeline)
    assert settings.label_map == (("PERSON", "PER"), ("GPE", "LOC"))
    assert settings.enabled == ("gazetteer", "spacy")  # the first pipeline chosen ticks it
    key(window, "Ctrl+Shift+S")  # on a Job: the pipeline loads and runs beside the window
    qtbot.waitUntil(lambda: bool(window.controller.open.suggestions), timeout=60_000)
    found = window.controller.open.suggestions
    text = window.controller.open.text
    assert {s.recommender for s in found} == {"spacy"}
    assert {s.label for s in found} <= {"PER", "LOC", "ORG", "MISC"}
    assert ("واشنطن", "LOC") in {(text[s.start : s.end], s.label) for s in found}
    assert all(text[s.start : s.end][-1].isalpha() for s in found)  # »., left out
    assert "spacy: " in note(window) and "dropped (ORGANIZATION" in note(window)


def test_a_pipeline_gone_since_is_one_line_in_the_note(
    window: MainWindow, qtbot: QtBot, spacy_pipeline: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "moved"
    shutil.copytree(spacy_pipeline, moved)

    def act(dialog: SuggestionSettingsDialog) -> None:
        choose = dialog.findChild(QPushButton, "choose-pipeline")
        choose_file(str(moved))
        click(choose)
        click_button(dialog, "OK")

    settings_dialog(window, qtbot, act)
    assert stored(window).pipeline == str(moved)
    shutil.rmtree(moved)
    key(window, "Ctrl+Shift+S")
    expected = f"spacy: spaCy pipeline {moved}: no such directory"
    qtbot.waitUntil(lambda: expected in note(window), timeout=60_000)
    assert {s.recommender for s in window.controller.open.suggestions} <= {"memory", "quotes"}
