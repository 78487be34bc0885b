"""Issue 8 item 16 in the real window: a quote holding an event holding an entity, labelled
with real keys, is in the project file and shows all three channels; the events' thick
underline is there in both interface languages (screenshots in tests/ui/screenshots/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui import i18n
from annotator.ui.settings import UserSettings
from annotator.ui.viewer.overlays import MARGIN
from annotator.ui.viewer.style import fmt
from tests.ui.viewer_helpers import colour_runs, drag
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_spans,
    find,
    key,
    make_project,
    open_window,
    text_of,
)


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_quote_event_entity_nested_all_show(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    window = open_window(qtbot, make_project(tmp_path), user)
    window.resize(1280, 800)
    text = text_of(window)
    quote_start = text.index("«خطة عمليتنا")
    quote = (quote_start, text.index("»", quote_start) + 1)
    event = find(text, "محاصرة الموصل والرقة")
    trigger = find(text, "محاصرة", 1)  # the one inside the quote
    place = (event[0] + len("محاصرة "), event[0] + len("محاصرة الموصل"))
    assert trigger[0] == event[0]

    window.view.set_selection(*quote)
    key(window, "Alt+6")  # the quote, with its « »
    drag(window.view, *event)
    key(window, "5")
    drag(window.view, *trigger)
    key(window, "5")  # an event inside the event
    drag(window.view, *place)
    key(window, "3")
    assert sorted(db_spans(window)) == sorted(
        [(*quote, "QUOTE"), (*event, "EVENT"), (*trigger, "EVENT"), (*place, "LOC")]
    )

    window.view.select_span(None)
    window.view.set_selection(quote[1] + 2, quote[1] + 2)  # nothing selected or framed
    QApplication.processEvents()
    view, palette = window.view, window.view.span_palette
    line = fmt(palette.style("EVENT").line)
    loc = fmt(palette.style("LOC").background)
    mosul = place[0] + 2
    assert colour_runs(view, mosul, line) == [3]  # the event's underline
    assert colour_runs(view, mosul, loc)  # the entity's background above it
    assert colour_runs(view, trigger[0] + 2, line) == [3, 3]  # nested events: two lanes
    image = view.viewport().grab().toImage()
    rect = view.char_rect(mosul)
    bar = fmt(palette.style("QUOTE").bar)
    x = view.viewport().width() - MARGIN + 5
    assert any(
        image.pixelColor(x, y).name() == bar for y in range(rect.top(), rect.bottom())
    )  # the quote's bar beside the line
    view.set_scroll_value(quote[0] - 200)
    assert window.grab().save(str(screenshot_dir / f"window-events-{language}.png"))
