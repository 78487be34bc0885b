"""The export dialog, opened with Ctrl+E and driven with keys and the mouse (issue 8 §8, §9):
an export that matches nothing says so and writes nothing, options a format does not use are
greyed, a folder that cannot be written is explained in plain words, and the progress window
is gone on every path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QProgressDialog
from pytestqt.qtbot import QtBot

from annotator.formats import registry
from annotator.ui import i18n
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.store.test_open import read_only_folder
from tests.ui.window.dialog_driver import click, when_shown
from tests.ui.window_helpers import (
    ANNOTATOR,
    REPO,
    find,
    key,
    make_project,
    open_window,
    text_of,
    type_text,
)


def pick(combo: QComboBox, data: object) -> None:
    """Choose the item holding ``data`` with the arrow keys, as a user tabbing through does."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data, [combo.itemData(i) for i in range(combo.count())]


def type_folder(edit: QLineEdit, folder: Path) -> None:
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, str(folder))


def progress_windows(dialog: ExportDialog) -> list[QProgressDialog]:
    """The progress windows still shown (inside the dialog's event loop: nothing is deleted
    here, see progress_left)."""
    return [p for p in dialog.findChildren(QProgressDialog) if p.isVisible()]


def progress_left(window: MainWindow) -> list[QProgressDialog]:
    """The progress windows not deleted, once the deletions asked for have run. Called after
    the dialog's event loop ended, with no Qt code on the stack: forcing deferred deletions
    inside the nested loops (a dialog's exec inside a timer's slot) left a dangling timer
    now and then, and a later test segfaulted in QTimerInfoList::activateTimers."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return window.findChildren(QProgressDialog)


def export_with(window: MainWindow, qtbot: QtBot, act: Callable[[ExportDialog], None]) -> None:
    """Ctrl+E, ``act`` in the dialog, then its Close button."""

    def run(dialog: ExportDialog) -> None:
        act(dialog)
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Close))

    seen = when_shown(ExportDialog, run)
    key(window, "Ctrl+E")
    seen.wait(qtbot)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_an_export_matching_nothing_says_so_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")
    out = tmp_path / "exports"
    seen: dict[str, object] = {}

    def act(dialog: ExportDialog) -> None:
        pick(dialog.format, "conll")
        type_folder(dialog.out_dir, out)
        click(dialog.export_button)
        seen["first"] = dialog.summary.toPlainText()
        seen["files"] = snapshot(out)
        pick(dialog.status, "done")  # nothing is done yet
        click(dialog.export_button)
        seen["problem"] = dialog.problem.text()
        seen["summary shown"] = dialog.summary.isVisible()
        seen["progress"] = progress_windows(dialog)
        pick(dialog.status, None)
        for i in range(dialog.labels.count()):  # only ORG, which no span has: click, Space
            item = dialog.labels.item(i)
            if (item.checkState() == Qt.CheckState.Checked) != (item.text() == "ORG"):
                centre = dialog.labels.visualItemRect(item).center()
                QTest.mouseClick(dialog.labels.viewport(), Qt.MouseButton.LeftButton, pos=centre)
                QTest.keyClick(dialog.labels, Qt.Key.Key_Space)
        assert dialog.chosen_labels() == ["ORG"]
        click(dialog.export_button)
        seen["labels problem"] = dialog.problem.text()

    export_with(window, qtbot, act)
    assert progress_left(window) == []
    assert "\u2068PER\u2069: 1" in str(seen["first"])
    assert seen["problem"] == (
        "Nothing to export: no document matches the filters (\u2068status: done\u2069). "
        "Nothing was written; the files already in the folder are as they were.\n"
        f"nothing to export: no document matches the filters (status: done); nothing was "
        f"written into {out}"
    )
    assert seen["summary shown"] is False and seen["progress"] == []
    assert str(seen["labels problem"]).startswith(
        "Nothing to export: no span matches the filters (\u2068labels: ORG\u2069)."
    )
    assert snapshot(out) == seen["files"]  # entity.conll and the report as they were
    assert sorted(seen["files"]) == ["entity.conll", "export-report.txt"]  # type: ignore[arg-type]


def test_options_a_format_does_not_use_are_greyed(window: MainWindow, qtbot: QtBot) -> None:
    found: dict[str, tuple[bool, bool, bool]] = {}

    def act(dialog: ExportDialog) -> None:
        for name in registry.writer_names():
            pick(dialog.format, name)
            found[name] = (
                dialog.layer.isEnabled(),
                dialog.scheme.isEnabled(),
                dialog.tokens.isEnabled(),
            )
        assert "does not use this option" in dialog.layer.toolTip()  # the last, labelstudio
        assert not dialog.missing.isVisible()  # spaCy is installed here

    export_with(window, qtbot, act)
    assert found["conll"] == (True, True, True)
    assert found["jsonl"] == (False, True, True)
    assert found["conll-multi"] == (False, False, True)
    assert found["spacy"] == (False, False, True)  # spaCy's words follow the token mode
    for name in ("brat", "doccano", "labelstudio"):
        assert found[name] == (False, False, False), name


def test_tokens_start_whole_and_span_edges_warns_in_the_report(
    window: MainWindow, qtbot: QtBot
) -> None:
    shown: dict[str, str] = {}

    def act(dialog: ExportDialog) -> None:
        shown["default"] = str(dialog.tokens.currentData())
        pick(dialog.format, "conll")
        pick(dialog.tokens, "span-edges")
        click(dialog.export_button)
        shown["report"] = dialog.summary.toPlainText()

    export_with(window, qtbot, act)
    assert shown["default"] == "whole"
    assert "Warning: the tokens were cut only where a span starts or ends" in shown["report"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_folder_that_cannot_be_written_is_explained_and_the_progress_closes(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    shared = tmp_path / "shared"
    shared.mkdir()
    seen: dict[str, object] = {}

    def act(dialog: ExportDialog) -> None:
        pick(dialog.format, "brat")
        type_folder(dialog.out_dir, shared / "exports")
        with read_only_folder(shared):
            click(dialog.export_button)
        seen["problem"] = dialog.problem.text()
        seen["progress"] = progress_windows(dialog)
        dialog.grab().save(str(screenshot_dir / f"export-failed-{language}.png"))

    try:
        window = open_window(qtbot, make_project(tmp_path), user)
        export_with(window, qtbot, act)
        assert progress_left(window) == []
    finally:
        i18n.install("en")
    first, detail = str(seen["problem"]).split("\n")
    assert (
        first
        == {
            "en": f"The export cannot be written into \u2068{shared / 'exports'}\u2069: the folder "
            "is read-only, or you may not write there. Nothing was written; choose another folder.",
            "ar": f"يتعذّر كتابة التصدير في \u2068{shared / 'exports'}\u2069: المجلد للقراءة فقط، "
            "أو لا يحق لك الكتابة فيه. لم يُكتب شيء؛ اختر مجلدًا آخر.",
        }[language]
    )
    assert detail.startswith(f"{shared / 'exports'}: ") and "[Errno" not in detail
    assert seen["progress"] == []
    assert list(shared.iterdir()) == []


WITHOUT_SPACY = """
import sys
sys.modules["spacy"] = None  # as if spaCy were not installed
from PySide6.QtWidgets import QApplication
from annotator.store import open_project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.i18n import install

app = QApplication([])
install(sys.argv[2])
with open_project(sys.argv[1], create=False) as repo:
    dialog = ExportDialog(repo, "tester")
    dialog.show()
    print([dialog.format.itemData(i) for i in range(dialog.format.count())])
    print(dialog.missing.isVisible(), dialog.missing.text())
    dialog.grab().save(sys.argv[3])
    dialog.close()
"""


@pytest.mark.parametrize("language", ["en", "ar"])
def test_without_spacy_the_dialog_says_why_the_format_is_missing(
    tmp_path: Path, screenshot_dir: Path, language: str
) -> None:
    project = make_project(tmp_path)
    shot = screenshot_dir / f"export-without-spacy-{language}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_SPACY, str(project), language, str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    formats, note, command = done.stdout.splitlines()
    assert "spacy" not in formats and "conll" in formats
    assert (
        note
        == {
            "en": "True The \u2068spacy\u2069 format is not offered: it needs the Python package "
            "\u2068spacy\u2069, which is not installed here. To install it:",
            "ar": "True لا تُعرض صيغة \u2068spacy\u2069: تحتاج إلى حزمة بايثون \u2068spacy\u2069، "
            "وهي غير مثبّتة هنا. لتثبيتها:",
        }[language]
    )
    assert command == "    \u2068pip install .[spacy]\u2069"
