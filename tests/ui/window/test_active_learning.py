"""Active learning in the real window (issue 12, docs/adr/0073): with Go → Open the most useful
document next switched on by its key, Ctrl+Enter marks the open document done and opens the
unfinished document the stored model is least sure of; the documents are scored on a Job when
the window opens; without a model, Ctrl+Enter opens the usual next and the status bar says
why; the list sorted by its Certainty column is the least sure first, the unscored last."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.ops import active_learning, model_store
from annotator.store import open_project
from annotator.ui.document_model import DocumentListModel
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ops.anercorp_articles import learning_project
from tests.ui.window_helpers import ANNOTATOR, key, open_window


def plain(text: str) -> str:
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


@pytest.fixture
def user(settings: QSettings) -> UserSettings:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    return user


def project(tmp_path: Path, *, train: bool) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "learn.annot.db"
    ids = learning_project(path, ANNOTATOR)
    if train:
        with open_project(path, create=False) as repo:
            model_store.train_and_store(repo, folds=2)
    return path, ids


def scored(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.scoring.running, timeout=60_000)


def test_ctrl_enter_opens_the_least_sure_document(
    qtbot: QtBot, tmp_path: Path, user: UserSettings
) -> None:
    path, ids = project(tmp_path, train=True)
    window = open_window(qtbot, path, user)
    scored(window, qtbot)  # the window scored the three unfinished documents on opening
    model = active_learning.model_id(window.repo)
    assert model is not None and window.repo.scored(model) == 3
    expected = [u.document_id for u in window.repo.most_useful(model, ANNOTATOR, limit=3)]
    assert expected[-1] == ids["familiar"]
    window.navigator.go(ids["familiar"])
    toggle = window.action_set["most_useful_next"]
    assert not toggle.isChecked()
    key(window, "Ctrl+Shift+U")
    assert toggle.isChecked() and user.most_useful_next()
    key(window, "Ctrl+Return")
    assert window.repo.status(ids["familiar"], ANNOTATOR) is Status.DONE
    assert window.controller.document_id == expected[0]
    assert "least sure of (certainty 0." in plain(window.status.action.text())
    key(window, "Ctrl+Return")
    assert window.controller.document_id == expected[1]
    key(window, "Ctrl+Return")  # the last unfinished one done: nothing scored is left
    assert window.repo.status(expected[1], ANNOTATOR) is Status.DONE
    assert "Every document is done" in window.status.action.text()
    key(window, "Ctrl+Shift+U")  # off again, remembered
    assert not toggle.isChecked() and not user.most_useful_next()


def test_without_a_model_ctrl_enter_opens_the_next_and_says_why(
    qtbot: QtBot, tmp_path: Path, user: UserSettings
) -> None:
    path, ids = project(tmp_path, train=False)
    user.set_most_useful_next(True)
    window = open_window(qtbot, path, user)
    assert window.action_set["most_useful_next"].isChecked() and not window.scoring.running
    assert window.documents.table.isColumnHidden(DocumentListModel.CERTAINTY)
    window.navigator.go(ids["familiar"])
    key(window, "Ctrl+Return")
    assert window.controller.document_id == ids["later"]  # the next in list order
    assert "no model is trained yet" in window.status.action.text()


def test_the_list_sorted_by_certainty_is_the_least_sure_first(
    qtbot: QtBot, tmp_path: Path, user: UserSettings
) -> None:
    path, ids = project(tmp_path, train=True)
    window = open_window(qtbot, path, user)
    scored(window, qtbot)
    header = window.documents.table.horizontalHeader()
    column = DocumentListModel.CERTAINTY
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert user.document_order().text() == "certainty asc"
    model = window.controller.document_model
    rows = [model.document_id(r) for r in range(model.rowCount())]
    model_key = active_learning.model_id(window.repo) or ""
    least = [u.document_id for u in window.repo.most_useful(model_key, ANNOTATOR, limit=3)]
    assert rows == [*least, ids["train 1"], ids["train 2"]]  # the done ones: not scored
    cell = model.index(0, DocumentListModel.CERTAINTY)
    assert 0 < float(model.data(cell)) < 1
    assert model.data(model.index(4, DocumentListModel.CERTAINTY)) is None


def test_each_training_in_the_window_scores_the_documents_again(
    qtbot: QtBot, tmp_path: Path, user: UserSettings
) -> None:
    path, ids = project(tmp_path, train=False)
    window = open_window(qtbot, path, user)
    assert window.documents.table.isColumnHidden(DocumentListModel.CERTAINTY)
    models = []
    for _ in range(2):
        window.action_set["train_model"].trigger()
        qtbot.waitUntil(lambda: not window.training.running, timeout=60_000)
        scored(window, qtbot)
        model = active_learning.model_id(window.repo)
        assert model is not None and window.repo.scored(model) == 3
        assert not window.documents.table.isColumnHidden(DocumentListModel.CERTAINTY)
        models.append(model)
        certainty = window.repo.certainty(ids["unfamiliar"])
        assert certainty is not None and certainty[0] == model  # the older score replaced
    assert models[0] != models[1]
