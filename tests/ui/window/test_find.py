"""The find bar frames every match of its query in the viewer (spans keep their colours under
the frames), counts "3 / 12", and removes the frames when it closes or the query changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document
from annotator.core.text import text_sha256
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.viewer.offsets import OffsetMap
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_spans,
    key,
    make_project,
    open_window,
    text_of,
    type_text,
)


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


def user_in(settings: QSettings, language: str) -> UserSettings:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    return user


def occurrences(text: str, words: str) -> list[tuple[int, int]]:
    found, i = [], text.find(words)
    while i >= 0:
        found.append((i, i + len(words)))
        i = text.find(words, i + len(words))
    return found


def amber(colour: QColor) -> bool:
    """A pixel of the match frame (#e39b00, blended with the paper by antialiasing)."""
    return colour.red() > 200 and colour.green() < colour.red() - 20 and colour.blue() < 150


def framed(window: MainWindow, image: QImage, start: int, end: int) -> bool:
    """Some pixel just outside the start and the end of the match's first line is the frame."""
    rects = window.view.text_edit.range_rects(start, end)
    assert rects, "the match is not on screen"
    rect = rects[0]
    ys = range(int(rect.top()) + 4, int(rect.bottom()) - 4)
    sides = (int(rect.left()) - 1, int(rect.right()) + 1)  # the frame is 1 px outside, 1.5 wide
    return all(
        any(amber(image.pixelColor(x + dx, y)) for y in ys for dx in (-1, 0, 1)) for x in sides
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_match_is_framed_and_the_count_says_which(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    window = open_window(qtbot, make_project(tmp_path, second=True), user_in(settings, language))
    window.resize(1280, 800)
    text = text_of(window)
    bar, edit = window.find_bar, window.view.text_edit
    expected = occurrences(text, "الرقة")
    assert len(expected) >= 3

    key(window, "Ctrl+F")
    type_text(bar.field, "الرقه")  # ة typed as ه: still every الرقة
    assert edit.found_u16() == expected  # all in the BMP: code points are UTF-16 positions
    key(window, "Ctrl+F")  # back in the field
    type_text(bar.field, "الرقه")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # Enter in the field: the first match
    assert window.view.selection() == expected[0]
    assert bar.count.text() == f"\u20661 / {len(expected)}\u2069"
    key(window, "Return")  # the next one, from the viewer
    assert bar.count.text() == f"\u20662 / {len(expected)}\u2069"
    key(window, "3")  # label the second match: it keeps its frame and shows its colour
    assert db_spans(window) == [(*expected[1], "LOC")]
    assert edit.found_u16() == expected
    key(window, "Shift+Return")
    QApplication.processEvents()
    image = edit.viewport().grab().toImage()
    on_screen = [m for m in expected if edit.range_rects(*m)]
    assert len(on_screen) >= 2
    for match in on_screen:
        assert framed(window, image, *match), match
    assert window.grab().save(str(screenshot_dir / f"find-matches-{language}.png"))

    key(window, "Ctrl+F")  # a new query: the frames of the old one go
    type_text(bar.field, "داعش")
    assert edit.found_u16() == occurrences(text, "داعش")
    key(window, "Escape")  # the bar closes, no frame is left
    assert not bar.isVisible() and edit.found_u16() == []

    key(window, "Alt+PgDown")  # another document, then the bar again: its matches there
    other = text_of(window)
    assert other != text
    key(window, "Ctrl+F")
    assert edit.found_u16() == occurrences(other, "داعش") != []


def test_a_match_with_tashkeel_is_framed_whole_after_an_emoji(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """Search ignores tashkeel; the frame covers the word with its marks, in UTF-16 positions
    shifted by the emoji before it."""
    text = "قال 😀 إنّ مُحَمَّدًا وصل إلى الرَّقَّةِ اليوم، ثم غادر الرقة."
    path = tmp_path / "tashkeel.annot.db"
    with open_project(path) as repo:
        repo.add_document(AnnotatedDocument(Document(None, "تشكيل", text, text_sha256(text))))
    window = open_window(qtbot, path, user_in(settings, "en"))
    key(window, "Ctrl+F")
    type_text(window.find_bar.field, "الرقة")
    voweled = text.index("الرَّقَّةِ")
    plain = text.index("الرقة.")
    cp = [(voweled, voweled + len("الرَّقَّةِ")), (plain, plain + len("الرقة"))]
    assert window.find_bar.matches() == cp
    assert window.find_bar.count.text() == "2 matches"
    type_text(window.find_bar.field, "ّدًا")  # now "الرقةّدًا": nothing
    assert window.find_bar.count.text() == "no match"
    window.find_bar.field.setText("محمد")
    assert window.find_bar.count.text() == "1 match"
    window.find_bar.field.setText("الرقة")
    offsets = OffsetMap(text)
    u16 = [offsets.range_to_u16(*m) for m in cp]
    assert u16 == [(voweled + 1, voweled + 1 + len("الرَّقَّةِ")), (plain + 1, plain + 6)]
    assert window.view.text_edit.found_u16() == u16
    type_text(window.find_bar.field, "\r")  # nothing typed with Enter: the first match
    QApplication.processEvents()
    image = window.view.text_edit.viewport().grab().toImage()
    assert framed(window, image, *u16[0]) and framed(window, image, *u16[1])
    type_text(window.find_bar.field, "مُحَمَّدًا")  # now no match: no frame
    assert window.view.text_edit.found_u16() == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_find_ignores_hamza_seats_persian_letters_and_the_space_of_abd_names(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    """Issue 9 §4: مسئول finds مسؤول, فيينا finds ڤيينا, عبد الله finds عبدالله, 30% finds
    30٪; a label key keeps the match found exactly."""
    text = (
        "قال المسؤول إن عبدالله وصل إلى ڤيينا، ثم التقى عبد الله في أبوظبي.\n"
        "وارتفعت الأسعار 30٪ في أبو ظبي، حسب مسئول آخر."
    )
    path = tmp_path / "variants.annot.db"
    with open_project(path) as repo:
        repo.add_document(AnnotatedDocument(Document(None, "صيغ", text, text_sha256(text))))
    window = open_window(qtbot, path, user_in(settings, language))
    window.resize(1000, 500)
    bar = window.find_bar
    for query, words in [
        ("مسئول", ["مسؤول", "مسئول"]),
        ("فيينا", ["ڤيينا"]),
        ("عبد الله", ["عبدالله", "عبد الله"]),
        ("ابو ظبي", ["أبوظبي", "أبو ظبي"]),
        ("30%", ["30٪"]),
    ]:
        key(window, "Ctrl+F")
        bar.field.setText(query)
        assert [text[a:b] for a, b in bar.matches()] == words, query
    key(window, "Ctrl+F")
    bar.field.setText("عبد الله")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    first = text.index("عبدالله")
    assert window.view.selection() == (first, first + len("عبدالله"))
    QApplication.processEvents()
    assert window.grab().save(str(screenshot_dir / f"find-variants-{language}.png"))
    key(window, "1")  # PER: the span is the match
    assert db_spans(window) == [(first, first + len("عبدالله"), "PER")]
