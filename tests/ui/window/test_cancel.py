"""The window's export and import run on a thread of their own (ui.background): their progress
windows have a Cancel button; an export cancelled writes nothing, an import cancelled keeps the
files read so far (each whole) and says which it did not import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.store import open_project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import choose_file, click, click_button, when_shown
from tests.ui.window.test_export_dialog import export_with, pick, type_folder
from tests.ui.window.test_import_dialog import import_with
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


def test_cancel_stops_an_import_between_files_keeping_those_read(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(600):
        text = f"خبر رقم {n}\n\nقال كارتر في لندن إن العدد {n} كبير.\n"
        (folder / f"{n:03}.txt").write_text(text, encoding="utf-8")
    seen: dict[str, object] = {}

    def press_cancel(progress: QProgressDialog) -> None:
        seen["label"] = progress.labelText()
        click(progress.findChildren(QPushButton)[0])

    def act(dialog: ImportDialog) -> None:
        dialog.progress_after_ms = 0
        chosen = choose_file(str(folder))
        click_button(dialog, "Add a folder…")
        chosen.wait(qtbot)
        when_shown(QProgressDialog, press_cancel)
        click(dialog.import_button)
        seen["summary"] = dialog.summary.toPlainText()
        seen["imported"] = dialog.report.imported if dialog.report else None

    import_with(window, qtbot, act)
    summary = str(seen["summary"])
    assert summary.startswith("Stopped: \u2068the import was cancelled — the import stopped:")
    assert "import again to add the rest" in summary
    with open_project(window.project, create=False, read_only=True) as repo:
        in_project = len(repo.document_ids()) - 1  # the sample article was there
    assert in_project == seen["imported"]
    assert 0 <= in_project < 600
