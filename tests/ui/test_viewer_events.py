"""Issue 8 item 16: events have a channel as clear as the others, and nesting stays visible.

The viewer paints an event's underline itself: 3 px at the normal size (a char format's
underline is 1 px), at the foot of each line, with a tick up at the event's start and end;
an event inside (or overlapping) another gets the next lane up. Checked on the pixels that
the real paint event draws (``grab``).
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS
from annotator.ui.viewer import ArticleView
from annotator.ui.viewer.overlays import MARGIN
from annotator.ui.viewer.style import fmt
from tests.ui.viewer_helpers import Look, colour_runs, look_at, span_of

# from the sample article (seeds/washington-turkey-isis.txt)
TEXT = (
    "وقال كارتر في حديث مع إذاعة «بي بي سي»، إن «خطة عمليتنا العسكرية تفترض محاصرة الموصل "
    "والرقة بعد عدة أشهر»\nوأكد أن بلاده تعمل بالتعاون مع أنقرة بغية تحقيق السيطرة التامة"
)


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def event_colour(view: ArticleView) -> str:
    return fmt(view.span_palette.style("EVENT").line)


def column_runs(view: ArticleView, x: int, pos: int, colour: str) -> list[int]:
    """``colour_runs`` in the pixel column ``x`` across the line of character ``pos``."""
    return colour_runs(view, pos, colour, x)


def test_an_event_is_underlined_three_pixels_thick(view: ArticleView) -> None:
    event = span_of(1, TEXT, "السيطرة", "EVENT")
    view.set_document(TEXT, [event], DEFAULT_LABELS)
    assert colour_runs(view, event.start + 3, event_colour(view)) == [3]  # at the line's foot
    assert colour_runs(view, event.start - 3, event_colour(view)) == []  # and only under it
    for _ in range(6):
        view.zoom_in()
    assert colour_runs(view, event.start + 3, event_colour(view))[0] > 3  # it grows with zoom


def test_two_events_side_by_side_show_where_each_starts_and_ends(view: ArticleView) -> None:
    first = span_of(1, TEXT, "تحقيق", "EVENT")
    second = span_of(2, TEXT, "السيطرة", "EVENT")
    view.set_document(TEXT, [first, second], DEFAULT_LABELS)
    colour = event_colour(view)
    space = view.char_rect(first.end)  # the space between them
    assert column_runs(view, space.center().x(), first.end, colour) == []
    for event in (first, second):
        start = view.char_rect(event.start).right() - 1  # right to left: the start is right
        end = view.char_rect(event.end - 1).left() + 1
        middle = view.char_rect(event.start + 2).center().x()
        assert column_runs(view, middle, event.start, colour) == [3]
        assert column_runs(view, start, event.start, colour) == [6]  # a tick up at the start
        assert column_runs(view, end, event.start, colour) == [6]  # and at the end


def test_a_quote_holding_an_event_holding_an_entity_shows_all_three(view: ArticleView) -> None:
    quote = span_of(
        1, TEXT, "«خطة عمليتنا العسكرية تفترض محاصرة الموصل والرقة بعد عدة أشهر»", "QUOTE"
    )
    outer = span_of(2, TEXT, "محاصرة الموصل والرقة", "EVENT")
    inner = span_of(3, TEXT, "محاصرة", "EVENT")  # an event inside the event
    place = span_of(4, TEXT, "الموصل", "LOC")
    view.set_document(TEXT, [quote, outer, inner, place], DEFAULT_LABELS)
    colour = event_colour(view)
    loc = next(label for label in DEFAULT_LABELS if label.name == "LOC")
    mosul = place.start + 2
    palette = view.span_palette
    tint = palette.quote_tint(palette.style("QUOTE"), 1)
    assert look_at(view, mosul) == Look(loc.colour, tint)  # the entity, in the quote
    assert colour_runs(view, mosul, colour) == [3]  # the outer event
    assert colour_runs(view, mosul, loc.colour)  # the background still shows above it
    assert colour_runs(view, inner.start + 2, colour) == [3, 3]  # two lanes: nested events
    bar = fmt(view.span_palette.style("QUOTE").bar)
    margin = view.viewport().width() - MARGIN + 5  # the quote's bar, in the right margin
    assert column_runs(view, margin, mosul, bar)
