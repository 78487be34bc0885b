"""A pasted article without a title is titled by the rule every imported text file has
(formats.decoding.title_from_text): the first non-empty line, whole up to 200 characters, cut at
a word after that; before, the paste cut it at 80 characters, in the middle of a word."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS
from annotator.formats import plaintext
from annotator.formats.decoding import title_from_text
from annotator.store import open_project
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from tests.ui.window.dialog_driver import click, when_shown
from tests.ui.window_helpers import key, type_text

HEADLINE = (
    "وزير الدفاع الأميركي آشتون كارتر يعلن أن الخطة العسكرية لاستعادة الموصل والرقة "
    "من تنظيم الدولة الإسلامية تمضي وفق الجدول الزمني المحدد"
)
BODY = "وقال كارتر إن تركيا شريك أساسي في التحالف."


def test_a_pasted_article_is_titled_as_an_imported_text_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    pasted = f"\n  {HEADLINE}  \n{BODY}"
    assert 80 < len(HEADLINE) < 200

    def paste(dialog: ImportDialog) -> None:
        dialog.tabs.setCurrentIndex(dialog.PASTE)
        dialog.text.setFocus()
        for n, line in enumerate(pasted.split("\n")):
            if n:
                QTest.keyClick(dialog.text, Qt.Key.Key_Return)
            type_text(dialog.text, line)
        click(dialog.import_button)
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Close))

    seen = when_shown(ImportDialog, paste)
    key(window, "Ctrl+I")
    seen.wait(qtbot)
    with open_project(window.project, create=False) as repo:
        title = repo.summaries()[-1].title
    assert title == HEADLINE == title_from_text(pasted)
    as_file = tmp_path / "article.txt"
    as_file.write_text(pasted, encoding="utf-8")
    [read] = plaintext.READER.read(as_file, DEFAULT_LABELS)
    assert read.document.title == title
