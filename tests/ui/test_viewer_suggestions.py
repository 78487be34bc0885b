"""Suggestions in the viewer (issue 11): a dashed frame in the label's colour round each one, no
fill, so a span under a suggestion still shows its own colour; the selected one thicker; on a long
paragraph only the lines on screen are painted."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS
from annotator.ui.viewer import ArticleView
from annotator.ui.viewer.view import GHOST_DARKER
from tests.ui.viewer_helpers import look_at, span_of

TEXT = "وقال وزير الدفاع الأميركي آشتون كارتر إن خطة العمليات تفترض محاصرة الموصل والرقة."


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(640, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def ghost_colour(label: str) -> QColor:
    colour = DEFAULT_LABELS.get(label)
    assert colour is not None
    return QColor(colour.colour).darker(GHOST_DARKER)


def pixels_of(image: QImage, colour: QColor, box: tuple[int, int, int, int]) -> int:
    left, top, right, bottom = box
    return sum(
        1
        for y in range(max(0, top), min(image.height(), bottom))
        for x in range(max(0, left), min(image.width(), right))
        if near(QColor(image.pixel(x, y)), colour)
    )


def near(a: QColor, b: QColor) -> bool:
    """The same colour but for antialiasing of a thin line over the paper."""
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 24


def box_of(view: ArticleView, start: int, end: int) -> tuple[int, int, int, int]:
    rects = [view.char_rect(p) for p in range(start, end)]
    return (
        min(r.left() for r in rects) - 4,
        min(r.top() for r in rects) - 3,
        max(r.right() for r in rects) + 5,
        max(r.bottom() for r in rects) + 4,
    )


def test_a_suggestion_is_a_dashed_frame_that_never_hides_a_span(view: ArticleView) -> None:
    carter = TEXT.index("كارتر")
    mosul = TEXT.index("الموصل")
    spans = [span_of(1, TEXT, "الموصل", "LOC")]
    view.set_document(TEXT, spans, DEFAULT_LABELS)
    under = look_at(view, mosul + 1)
    before = view.viewport().grab().toImage()
    view.set_suggestions([(carter, carter + 5, "PER"), (mosul, mosul + 6, "ORG")])
    after = view.viewport().grab().toImage()
    assert look_at(view, mosul + 1) == under  # the LOC span keeps its colour and its text
    per, org = ghost_colour("PER"), ghost_colour("ORG")
    assert pixels_of(after, per, box_of(view, carter, carter + 5)) > 20
    assert pixels_of(after, org, box_of(view, mosul, mosul + 6)) > 20
    assert pixels_of(before, per, box_of(view, carter, carter + 5)) == 0
    dashed = [
        near(QColor(after.pixel(x, box_of(view, carter, carter + 5)[1] + 3)), per)
        for x in range(*box_of(view, carter, carter + 5)[::2])
    ]
    assert True in dashed and dashed.count(True) < len(dashed) - 4  # dashes, not a solid line
    view.set_suggestions([])
    assert view.viewport().grab().toImage() == before


def test_the_selected_suggestion_is_drawn_thicker(view: ArticleView) -> None:
    carter = TEXT.index("كارتر")
    view.set_document(TEXT, [], DEFAULT_LABELS)
    box = box_of(view, carter, carter + 5)
    view.set_suggestions([(carter, carter + 5, "PER")])
    thin = pixels_of(view.viewport().grab().toImage(), ghost_colour("PER"), box)
    view.set_suggestions([(carter, carter + 5, "PER")], selected=0)
    thick = pixels_of(view.viewport().grab().toImage(), ghost_colour("PER"), box)
    assert thick > thin * 1.3


def test_overlapping_suggestions_are_all_drawn(view: ArticleView) -> None:
    text = "قال جيمي كارتر في لندن"
    view.set_document(text, [], DEFAULT_LABELS)
    whole = (text.index("جيمي"), text.index("كارتر") + 5)
    view.set_suggestions([(*whole, "PER"), (text.index("كارتر"), whole[1], "ORG")])
    image = view.viewport().grab().toImage()
    assert pixels_of(image, ghost_colour("PER"), box_of(view, *whole)) > 20
    assert pixels_of(image, ghost_colour("ORG"), box_of(view, *whole)) > 20


def looks_of(view: ArticleView) -> list[tuple[int, int, int, bool]]:
    return [(g.start_u16, g.end_u16, g.colour.rgba(), g.selected) for g in view.text_edit.ghosts()]


def test_moving_frames_leaves_what_drawing_the_rest_draws(view: ArticleView, qtbot: QtBot) -> None:
    """An accept or reject takes only its frames away (bisection, no redraw of the others),
    its undo puts them back: what is drawn is what drawing those suggestions anew draws,
    twins (the same place and label from two recommenders) included."""
    view.set_document(TEXT, [], DEFAULT_LABELS)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)]
    shown = [(a, b, ("PER", "LOC", "ORG")[i % 3]) for i, (a, b) in enumerate(words)]
    shown.insert(3, shown[3])  # a twin
    view.set_suggestions(shown, selected=5)
    fresh = ArticleView()
    qtbot.addWidget(fresh)
    fresh.set_document(TEXT, [], DEFAULT_LABELS)

    def drawn_anew(suggestions: list[tuple[int, int, str]]) -> list[tuple[int, int, int, bool]]:
        fresh.set_suggestions(suggestions)
        return looks_of(fresh)

    assert view.move_suggestions([shown[3], shown[5], shown[8]], [])
    left = [s for i, s in enumerate(shown) if i not in (3, 5, 8)]
    assert looks_of(view) == drawn_anew(left)
    assert view.move_suggestions([shown[4]], [])  # the twin's other frame
    assert not view.move_suggestions([shown[4]], [])  # not drawn now: nothing changed
    assert looks_of(view) == drawn_anew([s for s in left if s != shown[4]])
    assert view.move_suggestions([], [shown[4], shown[8]])  # undone: drawn again
    assert sorted(looks_of(view)) == sorted(drawn_anew([*left, shown[8]]))
