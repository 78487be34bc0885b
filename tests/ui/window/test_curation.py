"""Curation in the real window, driven by real keys (issue 13, ADR 0076).

The sample project with the spans of two annotators ("amal", "bilal") made through the store as
their own windows would; the window's annotator is "tester" and the curator the default "gold".
amal and bilal agree on كارتر (PER); on الموصل amal says LOC and bilal ORG; واشنطن only amal
marked (LOC).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.cli.main import cli
from annotator.core.curation import Strategy
from annotator.core.edits import AddSpan
from annotator.core.model import Span
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.settings_dialog import SettingsDialog
from annotator.ui.text import ltr
from tests.ui.window.dialog_driver import when_shown
from tests.ui.window_helpers import ANNOTATOR, activate, find, key, make_project, open_window

WORK = {
    "amal": (("كارتر", "PER"), ("الموصل", "LOC"), ("واشنطن", "LOC")),
    "bilal": (("كارتر", "PER"), ("الموصل", "ORG")),
}


def with_two_annotators(project: Path) -> Path:
    with open_project(project) as repo:
        (doc_id,) = repo.document_ids()
        text = repo.document(doc_id).text
        for who, spans in WORK.items():
            for words, label in spans:
                span = Span(None, doc_id, *find(text, words), label, who)
                repo.apply(AddSpan(span), actor=who)
    return project


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, user_settings: UserSettings) -> MainWindow:
    window = open_window(qtbot, with_two_annotators(make_project(tmp_path)), user_settings)
    yield window  # type: ignore[misc]
    i18n.install("en")


def gold(window: MainWindow) -> list[tuple[str, str]]:
    """The curator's spans in the project file (a second connection): (text, label)."""
    with open_project(window.project, create=False, read_only=True) as repo:
        (doc_id,) = repo.document_ids()
        text = repo.document(doc_id).text
        spans = repo.spans(doc_id, annotators=["gold"])
    return [(text[s.start : s.end], s.label) for s in spans]


def first_words(window: MainWindow) -> list[str]:
    text = window.controller.open.text
    return [text[r.disagreement.start : r.disagreement.end] for r in window.curation.session.rows]


def test_curating_by_keys_merge_walk_take_neither_and_undo(window: MainWindow) -> None:
    session = window.curation.session
    key(window, "Ctrl+Shift+G")  # Project ▸ Curation ▸ Curate this document
    assert session.active and window.controller.annotator == "gold"
    assert window.curation.dock.isVisible()
    assert len(window.view.text_edit.others()) == 5  # amal's and bilal's, framed
    assert sorted(first_words(window)) == ["الموصل", "واشنطن"]
    assert session.open_count() == 2 and session.current == 0
    assert window.curation.panel.list.count() == 2

    key(window, "Ctrl+Shift+M")  # merge agreed
    assert gold(window) == [("كارتر", "PER")]

    first = session.rows[0].disagreement
    amal = next(c for c in first.choices if c.annotator == "amal")
    number = first.choices.index(amal) + 1
    key(window, f"Ctrl+{number}")  # take amal's
    taken = [(window.controller.open.text[a:b], label) for a, b, label in amal.spans]
    assert sorted(gold(window)) == sorted([("كارتر", "PER"), *taken])
    assert session.open_count() == 1 and session.current == 1  # on to the next open one

    key(window, "Ctrl+Delete")  # take neither
    assert sorted(gold(window)) == sorted([("كارتر", "PER"), *taken])
    assert session.open_count() == 0
    assert "neither taken" in window.curation.panel.list.item(1).text()
    key(window, "D")
    assert window.status.action.text() == f"No open disagreement: all {ltr('2')} resolved"

    key(window, "Ctrl+Z")  # neither undone: open again
    assert session.open_count() == 1
    key(window, "Ctrl+Z")  # the take undone
    assert gold(window) == [("كارتر", "PER")]
    assert session.open_count() == 2
    key(window, "Ctrl+Z")  # the merge undone
    assert gold(window) == []
    key(window, "Ctrl+Shift+Z")
    assert gold(window) == [("كارتر", "PER")]

    key(window, "Ctrl+Shift+G")  # back to the annotator's own work
    assert not session.active and window.controller.annotator == ANNOTATOR
    assert not window.curation.dock.isVisible()
    assert window.view.text_edit.others() == []


def test_edit_labels_the_disagreement_as_the_curator_and_export(
    window: MainWindow, tmp_path: Path
) -> None:
    session = window.curation.session
    key(window, "Ctrl+Shift+G")
    key(window, "D")  # the second open disagreement
    second = session.current
    assert second == 1
    key(window, "Shift+D")
    assert session.current == 0
    words = first_words(window)[0]
    key(window, "E")  # its range selected: a label key labels it
    key(window, "4")  # MISC, neither annotator's choice
    assert gold(window) == [(words, "MISC")]
    assert session.rows[0].resolved and session.open_count() == 1
    assert "the curator's span" in window.curation.panel.list.item(0).text()

    out = tmp_path / "out"
    args = ["export", str(window.project), "--format", "jsonl", "--annotator", "gold"]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(x) for x in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert [record["text"][s["start"] : s["end"]] for s in record["spans"]] == [words]


def test_one_annotator_is_nothing_to_curate(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window = open_window(qtbot, make_project(tmp_path), user_settings)
    key(window, "Ctrl+Shift+G")
    assert not window.curation.session.active
    assert window.status.action.text() == (
        f"Curation needs the spans of two annotators or more; this document has {ltr('0')}"
    )
    key(window, "Ctrl+1")
    assert (
        window.status.action.text()
        == "Start curating first: Project ▸ Curation ▸ Curate this document"
    )


def test_an_annotator_walks_their_differences_from_the_curated_result(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    project = with_two_annotators(make_project(tmp_path))
    with open_project(project) as repo:
        (doc_id,) = repo.document_ids()
        text = repo.document(doc_id).text
        for words, label in (("كارتر", "PER"), ("الموصل", "ORG")):  # gold took bilal's ORG
            repo.apply(AddSpan(Span(None, doc_id, *find(text, words), label, "gold")), actor="gold")
    user = UserSettings(settings)
    user.set_annotator("amal")
    window = open_window(qtbot, project, user)
    session = window.curation.session
    window.action_set["my_differences"].trigger()  # Project ▸ Curation ▸ Show my differences
    assert session.reviewing and window.controller.annotator == "amal"
    assert window.curation.dock.isVisible()
    assert len(window.view.text_edit.others()) == 2  # gold's, framed beside amal's own
    assert sorted(first_words(window)) == ["الموصل", "واشنطن"]
    choices = {
        text[r.disagreement.start : r.disagreement.end]: [c.spans for c in r.disagreement.choices]
        for r in session.rows
    }
    mosul = find(text, "الموصل")
    assert choices["الموصل"] == [((*mosul, "LOC"),), ((*mosul, "ORG"),)]
    assert choices["واشنطن"][1] == ()  # gold has nothing there
    key(window, "D")
    assert session.current == 1
    key(window, "Ctrl+1")  # read only: nothing taken
    assert window.status.action.text() == (
        "Read only: these are your differences from the curated result"
    )
    window.action_set["my_differences"].trigger()
    assert not session.active and window.view.text_edit.others() == []
    i18n.install("en")


def test_settings_name_the_curator_and_the_strategy_and_end_the_curation(
    window: MainWindow, qtbot: QtBot
) -> None:
    session = window.curation.session
    key(window, "Ctrl+Shift+G")
    assert window.controller.annotator == "gold"
    shown: list[str] = []

    def edit(dialog: SettingsDialog) -> None:
        shown.append(dialog.annotator.text())  # the user's own name, not the curator's
        dialog.curator.setText("مراجع")
        dialog.strategy.setCurrentIndex(dialog.strategy.findData("majority"))

    when_shown(SettingsDialog, lambda d: (edit(d), d.accept()))
    window.action_set["settings"].trigger()
    assert shown == [ANNOTATOR]
    assert not session.active and window.controller.annotator == ANNOTATOR
    assert window.settings.curator() == "مراجع"
    assert window.settings.curation_strategy() is Strategy.MAJORITY
    activate(qtbot, window)
    key(window, "Ctrl+Shift+G")
    assert window.controller.annotator == "مراجع"
    key(window, "Ctrl+Shift+M")  # of two annotators, a majority is both: كارتر alone
    with open_project(window.project, create=False, read_only=True) as repo:
        (doc_id,) = repo.document_ids()
        assert [s.label for s in repo.spans(doc_id, annotators=["مراجع"])] == ["PER"]
