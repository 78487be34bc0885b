"""Store errors in the window: a plain sentence in the interface language chosen by the error's
type, the store's own (English) words kept as the detail, and nothing drawn or stacked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_spans,
    find,
    key,
    make_project,
    open_window,
    shown_spans,
    text_of,
)

CANNOT_WRITE = {
    "en": "The project file cannot be written (read-only, disk full or removed). "
    "Nothing was changed.",
    "ar": "تتعذّر الكتابة في ملف المشروع (للقراءة فقط، أو القرص ممتلئ، أو أُزيل الملف). "
    "لم يتغيّر شيء.",
}
NOT_SAVED = {"en": "Not saved: ", "ar": "لم يُحفظ التعديل: "}


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


def window_in(qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str) -> MainWindow:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    return open_window(qtbot, make_project(tmp_path), user)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_file_that_cannot_be_written_is_explained_in_plain_words(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    ankara = find(text_of(window), "أنقرة")
    window.repo.set_read_only(True)
    window.view.set_selection(*ankara)
    key(window, "3")
    banner = window.banner
    assert banner.isVisible()
    assert banner.text.text() == CANNOT_WRITE[language]
    # the store's own words, naming the file, on the second line and in the tooltip
    detail = banner.detail.text()
    assert str(window.project) in detail and "cannot be written" in detail
    assert banner.detail.isVisibleTo(banner) and banner.text.toolTip() == detail
    assert window.status.action.text() == CANNOT_WRITE[language]
    assert window.view.span_at(ankara[0]) == [] and shown_spans(window) == []
    assert window.controller.stack.count() == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_span_the_store_refuses_keeps_the_reason(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    with open_project(window.project, create=False) as other:  # another window removes LOC
        other.delete_label("LOC")
    ankara = find(text_of(window), "أنقرة")
    window.view.set_selection(*ankara)
    key(window, "3")  # still LOC in this window's palette
    text = window.banner.text.text()
    assert text.startswith(NOT_SAVED[language]) and "unknown label 'LOC'" in text
    assert not window.banner.detail.isVisibleTo(window.banner)  # nothing said twice
    assert db_spans(window) == [] and window.view.span_at(ankara[0]) == []
    assert window.controller.stack.count() == 0
    # the next action that works takes the banner away
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")
    assert not window.banner.isVisible()


def test_a_project_that_cannot_be_opened_says_so_in_arabic(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = window_in(qtbot, tmp_path, settings, "ar")
    notes = tmp_path / "notes.annot.db"
    notes.write_text("not sqlite", encoding="utf-8")
    window.projectRequested.emit(str(notes))  # Project → Open project…: refused, window stays
    assert window.isVisible()
    assert window.banner.text.text() == "يتعذّر فتح المشروع."
    assert "not a project file" in window.banner.detail.text()
