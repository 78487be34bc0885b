"""Both interface languages: Arabic mirrors the whole window, the article stays right-to-left in
both; screenshots of an annotated window in each language go to tests/ui/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.viewer_helpers import click
from tests.ui.window_helpers import ANNOTATOR, find, key, make_project, open_window, text_of


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


def annotate(window: MainWindow) -> None:
    """A quote holding entities, its speaker, an event, and overlapping entities."""
    text = text_of(window)
    quote_start = text.index("«إنه ينبغي")
    quote = (quote_start, text.index("»", quote_start) + 1)
    window.view.set_selection(*quote)
    key(window, "Alt+6")
    quote_id = window.view.selected_span()
    for words, label in (
        ("وحدات حماية الشعب", "2"),
        ("الرقة", "3"),
        ("إيشق", "1"),
        ("كارتر", "1"),
        ("الموصل", "3"),
        ("محاصرة", "5"),
        ("وزير الدفاع الأميركي", "1"),
        ("الأميركي", "3"),
    ):
        nth = 1 if words in ("وحدات حماية الشعب", "إيشق") else 0
        start, end = find(text, words, nth)
        if words == "الرقة":
            start, end = find(text[quote[0] :], "الرقة")
            start, end = start + quote[0], end + quote[0]
        window.view.set_selection(start, end)
        key(window, label)
    window.view.select_span(quote_id)
    key(window, "S")
    click(window.view, find(text, "إيشق", 1)[0] + 1)
    window.view.select_span(quote_id)
    window.view.set_scroll_value(text.index("وتابع") - 400)


def shoot(window: MainWindow, folder: Path, name: str) -> Path:
    QApplication.processEvents()
    path = folder / name
    assert window.grab().save(str(path))
    return path


def open_in(qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str) -> MainWindow:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    window = open_window(qtbot, make_project(tmp_path), user)
    window.resize(1280, 800)
    return window


def test_english_interface(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path
) -> None:
    window = open_in(qtbot, tmp_path, settings, "en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.menu("project").title() == "&Project"
    annotate(window)
    assert window.status.spans.text() == "Spans: 9"
    option = window.view.text_edit.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert shoot(window, screenshot_dir, "window-en.png").stat().st_size > 0


def test_arabic_interface_mirrors_everything_but_the_article(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path
) -> None:
    window = open_in(qtbot, tmp_path, settings, "ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menu("project").title() == "&مشروع"
    assert window.action_set["undo"].text() == "&تراجع"
    assert window.documents_dock.windowTitle() == "المستندات"
    # the document list is on the right in Arabic: mirrored
    assert window.documents_dock.geometry().x() > window.side_dock.geometry().x()
    annotate(window)
    assert window.status.spans.text() == "المقاطع: 9"
    assert window.controller.span_model.headerData(0, Qt.Orientation.Horizontal) == "الوسم"
    option = window.view.text_edit.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    # the undo text is Arabic too
    key(window, "Ctrl+Z")
    assert window.status.action.text().startswith("تم التراجع: ربط المتحدث")
    key(window, "Ctrl+Y")
    assert shoot(window, screenshot_dir, "window-ar.png").stat().st_size > 0


def test_create_main_window_takes_the_language_from_its_settings(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """No caller needs to install a translator first: the settings say Arabic, the window is."""
    from annotator.ui.app import create_main_window

    i18n.install("en")
    user = UserSettings(settings)
    user.set_language("ar")
    window = create_main_window(make_project(tmp_path), settings)
    qtbot.addWidget(window)
    assert window.menu("project").title() == "&مشروع"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_language_follows_the_system_on_first_run(qapp: QApplication) -> None:
    assert i18n.effective_language("") in ("en", "ar")
    assert i18n.direction("ar") == Qt.LayoutDirection.RightToLeft
    assert i18n.direction("en") == Qt.LayoutDirection.LeftToRight


def test_arabic_cells_are_laid_out_right_to_left_in_the_english_interface(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """An elided title keeps its "…" at the end of the Arabic (on the left), and a quote's «
    stays on the right; the label and offset cells keep the interface's direction."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = open_in(qtbot, tmp_path, settings, "en")
    text = text_of(window)
    quote_start = text.index("«إنه ينبغي")
    window.view.set_selection(quote_start, text.index("»", quote_start) + 1)
    key(window, "Alt+6")

    def direction(table: object, row: int, column: int) -> Qt.LayoutDirection:
        option = QStyleOptionViewItem()
        option.initFrom(table)  # type: ignore[arg-type]
        index = table.model().index(row, column)  # type: ignore[attr-defined]
        table.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
        return option.direction  # type: ignore[attr-defined,no-any-return]

    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    documents, spans = window.documents.table, window.side.table
    assert direction(documents, 0, 0) == rtl  # title
    assert direction(documents, 0, 1) == ltr  # status
    assert spans.model().index(0, 1).data().startswith("«إنه")
    assert direction(spans, 0, 1) == rtl  # span text
    assert direction(spans, 0, 3) == rtl  # speaker
    assert direction(spans, 0, 0) == ltr and direction(spans, 0, 2) == ltr
