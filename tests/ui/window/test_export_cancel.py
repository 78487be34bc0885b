"""The window's export runs on a thread of its own (ui.background): its progress window has a
Cancel button that stops it with nothing written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.store import open_project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click, when_shown
from tests.ui.window.test_export_dialog import export_with, pick, type_folder
from tests.ui.window_helpers import ANNOTATOR, open_window

WORDS = [
    "قال",
    "وزير",
    "الدفاع",
    "الأميركي",
    "آشتون",
    "كارتر",
    "إن",
    "الهجوم",
    "على",
    "الرقة",
    "سيبدأ",
    "قريبا",
]


def many_documents(path: Path, count: int) -> Path:
    with open_project(path) as repo:
        docs = []
        for n in range(count):
            text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60)) + f" {n}."
            at = text.index("كارتر")
            span = Span(None, 0, at, at + len("كارتر"), "PER", ANNOTATOR)
            docs.append(AnnotatedDocument(Document(None, f"خبر {n}", text), (span,)))
        repo.add_documents(docs, annotator=ANNOTATOR)
    return path


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window: MainWindow = open_window(
        qtbot, many_documents(tmp_path / "p.annot.db", 4000), user_settings
    )
    out = tmp_path / "exports"
    seen: dict[str, object] = {}

    def press_cancel(progress: QProgressDialog) -> None:
        buttons = progress.findChildren(QPushButton)
        assert [b.text() for b in buttons] == ["Cancel"]
        click(buttons[0])

    def act(dialog: ExportDialog) -> None:
        dialog.progress_after_ms = 0
        pick(dialog.format, "jsonl")
        type_folder(dialog.out_dir, out)
        when_shown(QProgressDialog, press_cancel)
        click(dialog.export_button)
        seen["problem"] = dialog.problem.text()
        seen["summary shown"] = dialog.summary.isVisible()

    export_with(window, qtbot, act)
    assert seen["problem"] == "Export cancelled: nothing was written."
    assert seen["summary shown"] is False
    assert not out.exists() or sorted(p.name for p in out.iterdir()) == []
