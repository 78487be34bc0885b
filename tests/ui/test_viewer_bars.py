"""Quote side bars on a long paragraph (issue 10): painted from line geometry cached until the
layout changes, so they must follow the lines after a resize, a zoom and a span edit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS, StoredSpan
from annotator.ui.viewer import ArticleView
from annotator.ui.viewer.overlays import MARGIN
from annotator.ui.viewer.style import PAPER_COLOUR, fmt
from tests.ui.viewer_helpers import span_of

SENTENCE = "وقال وزير الدفاع الأميركي آشتون كارتر إن خطة العمليات تفترض محاصرة الموصل والرقة"
QUOTE = "«لا شك أننا نعتزم تحقيق الانتصار على تنظيم داعش في سوريا والعراق قريبا» " * 12


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def long_paragraph() -> str:
    side = " ".join([SENTENCE] * 40)
    return f"{side} {QUOTE.strip()} {side}"


def bar_rows(view: ArticleView) -> set[int]:
    """The rows of the viewport where a quote bar is painted in the right margin."""
    image = view.viewport().grab().toImage()
    paper = QColor(PAPER_COLOUR)
    rows = set()
    for y in range(image.height()):
        for x in range(image.width() - MARGIN, image.width()):
            colour = QColor(image.pixel(x, y))
            if colour != paper and colour.saturationF() > 0.5 and colour.lightnessF() > 0.2:
                rows.add(y)
                break
    return rows


def line_middles(view: ArticleView, positions: range) -> set[int]:
    """The middle heights of the lines (in view) that hold these characters."""
    height = view.viewport().height()
    middles = set()
    for pos in positions:
        if view.text[pos] == " ":
            continue
        rect = view.char_rect(pos)
        if not rect.isEmpty() and 0 <= rect.center().y() < height:
            middles.add(rect.center().y())
    return middles


def assert_bars_on_lines_of(view: ArticleView, quote: StoredSpan) -> None:
    inside = line_middles(view, range(quote.start, quote.end))
    outside = line_middles(view, range(0, len(view.text))) - inside
    rows = bar_rows(view)
    assert inside, "the quote is not in view"
    assert inside <= rows  # a bar beside every line of the quote in view
    assert not outside & rows  # and beside no other line


def test_bars_follow_the_lines_after_resize_zoom_and_edits(view: ArticleView) -> None:
    text = long_paragraph()
    quote = span_of(1, text, QUOTE.strip(), "QUOTE")
    view.set_document(text, [quote], DEFAULT_LABELS)
    view.set_scroll_value(quote.start)
    assert_bars_on_lines_of(view, quote)

    view.resize(480, 420)  # the paragraph wraps again: every line moves
    view.set_scroll_value(quote.start)
    assert_bars_on_lines_of(view, quote)

    view.zoom_in()
    view.zoom_in()
    view.set_scroll_value(quote.start)
    assert_bars_on_lines_of(view, quote)

    shorter = StoredSpan(1, 1, quote.start, quote.start + len(QUOTE) // 3, "QUOTE")
    view.update_span(shorter)
    assert_bars_on_lines_of(view, shorter)
    view.add_span(span_of(2, text, "تحقيق الانتصار", "EVENT"))
    assert_bars_on_lines_of(view, shorter)
    view.remove_span(1)
    assert bar_rows(view) == set()


def underline_extent(view: ArticleView, pos: int, colour: str) -> tuple[int, int]:
    """Left and right x of the underline of ``colour`` on the line of character ``pos``."""
    rect = view.char_rect(pos)
    image = view.viewport().grab().toImage()
    x = rect.center().x()
    rows = [
        y for y in range(rect.top(), rect.bottom() + 1) if image.pixelColor(x, y).name() == colour
    ]
    assert rows, "no underline"
    y = rows[-1]
    xs = [x for x in range(image.width()) if image.pixelColor(x, y).name() == colour]
    return min(xs), max(xs)


def test_event_lines_follow_the_words_after_a_resize(view: ArticleView) -> None:
    """The x of an underline is cached too: a wider window moves it with its word."""
    text = long_paragraph()
    event = span_of(1, text, "الانتصار", "EVENT", 3)
    view.set_document(text, [event], DEFAULT_LABELS)
    colour = fmt(view.span_palette.style("EVENT").line)
    for width in (640, 650, 660):  # too little to wrap again: the words move sideways
        view.resize(width, 420)
        view.set_scroll_value(event.start)
        left, right = underline_extent(view, event.start + 2, colour)
        first, last = view.char_rect(event.start), view.char_rect(event.end - 1)
        assert abs(right - first.right()) <= 2  # right to left: it starts at the right
        assert abs(left - last.left()) <= 2


def test_line_geometry_is_kept_until_the_layout_changes(view: ArticleView) -> None:
    text = long_paragraph()
    quote = span_of(1, text, QUOTE.strip(), "QUOTE")
    view.set_document(text, [quote], DEFAULT_LABELS)
    view.set_scroll_value(quote.start)
    edit = view.text_edit
    block = edit.document().firstBlock()
    view.viewport().grab()
    table = edit.line_table(block)
    assert table is not None and len(table.starts) > 20  # one block of many lines
    view.viewport().grab()
    assert edit.line_table(block) is table  # a repaint with nothing changed reuses it
    view.resize(500, 420)
    view.viewport().grab()
    again = edit.line_table(block)
    assert again is not table and again != table  # re-laid out narrower: new lines
