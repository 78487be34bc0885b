"""Which character is under a point: the glyph drawn there, in right-to-left text too (issue 10:
``char_at(char_rect(p).center())`` gave the next character for more than half of the seed's
letters, so a click on the left half of a span's last letter missed the span)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS
from annotator.ui.viewer import ArticleView
from tests.ui.viewer_helpers import span_of


def seed_view(qtbot: QtBot, text: str) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 2000)  # the first paragraphs drawn at once
    view.show()
    qtbot.waitExposed(view)
    view.set_document(text, [], DEFAULT_LABELS)
    return view


def test_the_character_under_each_glyph_is_that_glyph(qtbot: QtBot, sample_article: str) -> None:
    view = seed_view(qtbot, sample_article)
    checked = 0
    for p, ch in enumerate(sample_article[:600]):
        rect = view.char_rect(p)
        if ch.isspace() or rect.width() < 2 or "\u064b" <= ch <= "\u0652":  # marks: their letter
            continue
        got = view.char_at(rect.center())
        # a lam-alef ligature is one glyph for two letters: either of them
        assert got == p or (
            got is not None and sample_article[got : p + 1] in ("لا", "لأ", "لإ", "لآ")
        ), (
            p,
            ch,
            got,
        )
        checked += 1
    assert checked > 400


def test_a_click_on_the_left_half_of_a_spans_last_letter_selects_it(
    qtbot: QtBot, sample_article: str
) -> None:
    view = seed_view(qtbot, sample_article)
    span = span_of(1, sample_article, "كارتر", "PER")
    view.set_document(sample_article, [span], DEFAULT_LABELS)
    last = view.char_rect(span.end - 1)  # ر, the leftmost letter of the word on the screen
    point = QPoint(last.left() + 1, last.center().y())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.selected_span() == 1
