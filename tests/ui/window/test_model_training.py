"""Suggestions ▸ Train the model… in the real window (issue 12, docs/adr/0069), with spans made
by real keys: it trains on a Job beside the window (a label key pressed meanwhile is handled),
the status bar shows the state, the model is stored in the project, and the window's
suggestions then come from it; a corrupt stored model is shown and trained again; Cancel
training stores nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.model import Span, Status
from annotator.core.recommender_settings import RecommenderSettings
from annotator.ops import model_store
from annotator.store import open_project
from annotator.ui.document_model import DocumentListModel
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import ANNOTATOR, db_spans, key, make_project, open_window

NAMES = {"الرقة": "3", "الموصل": "3", "داعش": "2", "كارتر": "1", "أنقرة": "3"}


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    return open_window(qtbot, make_project(tmp_path, second=True), user)


def state(window: MainWindow) -> str:
    text = window.training.state.text()
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


def label_names(window: MainWindow) -> None:
    """Select each whole word holding a name (والرقة too) and press its label key: the
    window keeps the name without its proclitic, as the model should learn."""
    text = window.controller.open.text
    for name, label_key in NAMES.items():
        start = text.find(name)
        while start >= 0:
            word = start - 1 if start and text[start - 1] == "و" else start
            if word == 0 or not text[word - 1].isalpha():
                window.view.set_selection(word, start + len(name))
                key(window, label_key)
            start = text.find(name, start + 1)


def trained(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.training.running, timeout=60_000)


def test_train_in_the_window_while_the_keys_keep_working(window: MainWindow, qtbot: QtBot) -> None:
    assert state(window) == "Model: none trained yet"
    label_names(window)
    text = window.controller.open.text
    stem = text.index("والرقة") + 1
    assert (stem, stem + 5, "LOC") in db_spans(window)  # the key kept the stem
    key(window, "Ctrl+Return")  # done: the next document opens
    qtbot.waitUntil(lambda: window.controller.document_id == 2)
    window.action_set["train_model"].trigger()  # Suggestions ▸ Train the model…
    assert window.training.running and state(window).startswith("Model: training…")
    assert window.action_set["cancel_training"].isEnabled()
    other = window.controller.open.text
    start = other.index("أنقرة")
    window.view.set_selection(start, start + 5)
    key(window, "3")  # a label key while the model trains: handled at once
    assert (start, start + 5, "LOC") in db_spans(window)
    trained(window, qtbot)
    assert state(window).startswith("Model: trained on ")
    assert " spans in 1 documents at " in state(window) and "(F1 " in state(window)
    # the documents scored after the training fill the list's Certainty column and leave the
    # training's message in the status bar (it said nothing else a moment later)
    qtbot.waitUntil(lambda: not window.scoring.running, timeout=30_000)
    assert not window.documents.table.isColumnHidden(DocumentListModel.CERTAINTY)
    assert "the model recommender is switched on" in window.status.action.text()
    assert not window.action_set["cancel_training"].isEnabled()
    with open_project(window.project, create=False, read_only=True) as repo:
        model = model_store.stored_model(repo)
    assert model is not None and model.trained.documents == 1
    key(window, "Ctrl+Shift+S")  # the window's suggestions: the model is one of them now
    qtbot.waitUntil(lambda: bool(window.controller.open.suggestions), timeout=10_000)
    from_model = [s for s in window.controller.open.suggestions if s.recommender == "model"]
    assert from_model and all(s.label in ("PER", "ORG", "LOC") for s in from_model)


def test_a_corrupt_model_is_shown_and_trained_again(window: MainWindow, qtbot: QtBot) -> None:
    label_names(window)
    key(window, "Ctrl+Return")
    window.action_set["train_model"].trigger()
    trained(window, qtbot)
    with sqlite3.connect(window.project) as conn:
        conn.execute("UPDATE trained_models SET model = x'00'")
    conn.close()
    window.training.refresh()
    assert state(window) == "Model: the stored model cannot be read: train it again"
    key(window, "Ctrl+Shift+S")  # the suggestions run: the model says why it gave nothing
    qtbot.waitUntil(lambda: "the stored model cannot be read" in window.status.action.text())
    window.action_set["train_model"].trigger()
    trained(window, qtbot)
    assert state(window).startswith("Model: trained on ")


def test_cancel_training_stores_nothing(window: MainWindow, qtbot: QtBot) -> None:
    label_names(window)
    key(window, "Ctrl+Return")
    window.action_set["train_model"].trigger()
    window.action_set["cancel_training"].trigger()  # Suggestions ▸ Cancel training
    trained(window, qtbot)
    assert window.status.action.text() == "Training cancelled: the stored model is as it was"
    assert state(window) == "Model: none trained yet"
    with open_project(window.project, create=False, read_only=True) as repo:
        assert repo.trained_model("model") is None


def test_training_with_nothing_done_says_so(window: MainWindow, qtbot: QtBot) -> None:
    window.action_set["train_model"].trigger()
    trained(window, qtbot)
    assert state(window) == (
        "Model: failed: no document marked done with entity spans to learn from"
    )


def test_the_model_is_trained_again_after_every_n_new_spans(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """The project says: retrain after every 3 new spans. The first document is labelled and
    done; three spans labelled with keys in the second start a training by themselves."""
    path = make_project(tmp_path, second=True)
    with open_project(path, create=False) as repo:
        text = repo.document(1).text
        for name, label in (("الرقة", "LOC"), ("داعش", "ORG"), ("كارتر", "PER")):
            start = text.find(name)
            while start >= 0:
                repo.apply(AddSpan(Span(None, 1, start, start + len(name), label, ANNOTATOR)))
                start = text.find(name, start + 1)
        repo.apply(SetStatus(1, ANNOTATOR, Status.DONE))
        repo.save_recommender_settings(RecommenderSettings(retrain_every=3))
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    window = open_window(qtbot, path, user)
    window.navigator.go(2)
    qtbot.waitUntil(lambda: window.controller.document_id == 2)
    other = window.controller.open.text
    for n, (name, label_key) in enumerate((("أنقرة", "3"), ("داعش", "2"), ("السورية", "4"))):
        assert not window.training.running  # two new spans are not three
        start = other.index(name)
        window.view.set_selection(start, start + len(name))
        key(window, label_key)
        assert len(db_spans(window)) == n + 1
    assert window.training.running  # the third started it
    assert state(window).startswith("Model: training…")
    trained(window, qtbot)
    assert state(window).startswith("Model: trained on ")
    with open_project(path, create=False, read_only=True) as repo:
        model = model_store.stored_model(repo)
    assert model is not None and model.trained.documents == 1
