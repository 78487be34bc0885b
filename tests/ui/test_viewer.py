"""The viewer's rendering: right-to-left always, formats per kind, edits that touch only their
blocks, the Qt document equal to our text, zoom, scroll and the shipped font."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS, Kind, Label, LabelSet, StoredSpan
from annotator.ui.fonts import load_fonts
from annotator.ui.viewer import ArticleView
from annotator.ui.viewer.offsets import u16_length
from annotator.ui.viewer.overlays import MARGIN
from annotator.ui.viewer.style import OUTLINE_COLOUR, PAPER_COLOUR, TEXT_COLOUR, fmt
from tests.strategies import mixed_text
from tests.ui.viewer_helpers import Look, colour_runs, look_at, span_of

RTL = Qt.LayoutDirection.RightToLeft
LATIN_FIRST = "CNN: قال وزير الدفاع الأميركي آشتون كارتر\nواشنطن تجدد دعمها لتركيا\n2016 عام"


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(640, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def paragraphs(n: int) -> str:
    return "\n".join(f"الفقرة رقم {i} من النص عن واشنطن والرقة" for i in range(n))


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, RTL])
def test_a_latin_first_paragraph_is_laid_out_right_to_left(
    view: ArticleView, direction: Qt.LayoutDirection
) -> None:
    QApplication.setLayoutDirection(direction)
    view.setLayoutDirection(direction)
    try:
        view.set_document(LATIN_FIRST, [], DEFAULT_LABELS)
        doc = view.text_edit.document()
        assert doc.defaultTextOption().textDirection() == RTL
        block = doc.firstBlock()
        while block.isValid():
            assert block.blockFormat().layoutDirection() == RTL
            block = block.next()
        # "CNN:" starts the paragraph, so it stands at the right end, before the Arabic words
        cnn, arabic = view.char_rect(0), view.char_rect(LATIN_FIRST.index("قال"))
        assert cnn.left() > arabic.right()
        # every paragraph starts at the right edge, and a short line ends far from the left one
        width = view.viewport().width()
        for word in ("CNN", "واشنطن", "2016"):
            assert view.char_rect(LATIN_FIRST.index(word)).right() > width * 0.8
        assert view.char_rect(len(LATIN_FIRST) - 1).left() > width / 2
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_direction_survives_a_layout_direction_change(view: ArticleView) -> None:
    view.set_document(LATIN_FIRST, [], DEFAULT_LABELS)
    view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    view.text_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert view.text_edit.document().defaultTextOption().textDirection() == RTL


@settings(max_examples=60, deadline=None)
@given(text=mixed_text)
def test_qt_document_matches_the_text(qapp: QApplication, text: str) -> None:
    view = ArticleView()
    try:
        view.set_document(
            text, [StoredSpan(1, 1, 0, len(text), "PER")] if text else [], DEFAULT_LABELS
        )
        doc = view.text_edit.document()
        assert doc.characterCount() - 1 == u16_length(text)
        assert doc.blockCount() == text.count("\n") + text.count("\u2029") + 1
    finally:
        view.deleteLater()


def test_each_kind_has_its_channel_and_nesting_stays_visible(view: ArticleView) -> None:
    text = "وقال كارتر «إن داعش في الرقة ينسحب من منبج» أمس"
    quote = span_of(1, text, "«إن داعش في الرقة ينسحب من منبج»", "QUOTE")
    inner_quote = span_of(2, text, "الرقة ينسحب", "QUOTE")
    org = span_of(3, text, "داعش", "ORG")
    loc = span_of(4, text, "الرقة", "LOC")
    misc = span_of(5, text, "الرقة ينسحب", "MISC")  # overlaps the LOC: same kind
    event = span_of(6, text, "ينسحب من منبج", "EVENT")
    event2 = span_of(7, text, "ينسحب", "EVENT")  # inside the other event
    view.set_document(text, [quote, inner_quote, org, loc, misc, event, event2], DEFAULT_LABELS)
    labels = {label.name: label for label in DEFAULT_LABELS}

    assert look_at(view, 1) == Look(PAPER_COLOUR, TEXT_COLOUR)  # outside every span
    f = look_at(view, org.start)
    assert f.background == labels["ORG"].colour  # entity: background by label
    assert f.text != TEXT_COLOUR  # inside a quote: tinted text
    tint = QColor(f.text)
    assert tint.lightnessF() < 0.35  # dark enough to read on white and on the backgrounds

    both = look_at(view, loc.start + 1)  # LOC and MISC overlap there
    assert both.background not in (labels["LOC"].colour, labels["MISC"].colour)
    assert QColor(both.background).lightnessF() < min(
        QColor(look_at(view, misc.end - 2).background).lightnessF(), 0.95
    )
    assert both.text != f.text  # two quotes deep: a deeper tint
    assert look_at(view, misc.end - 2).background == labels["MISC"].colour

    # events: a thick underline painted by the viewer (tests/ui/test_viewer_events), no colour
    assert look_at(view, event.end - 2).text == f.text  # only the quote's tint
    line = fmt(view.span_palette.style("EVENT").line)
    assert len(colour_runs(view, event.end - 1, line)) == 1  # one event
    assert len(colour_runs(view, event2.start + 1, line)) == 2  # an event inside an event


def test_edits_never_lay_the_text_out_again(view: ArticleView) -> None:
    """Spans are painted over the laid-out text: an edit of any kind keeps every line as Qt
    laid it out (on a long paragraph a new layout cost 30-220 ms an edit, docs/adr/0048)."""
    text = paragraphs(30)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    spans = [StoredSpan(100 + b, 1, starts[b] + 2, starts[b] + 8, "PER") for b in range(0, 30, 3)]
    view.set_document(text, spans, DEFAULT_LABELS)
    edit = view.text_edit
    layout = edit.document().documentLayout()
    laid: list[object] = []
    layout.update.connect(lambda *_: laid.append("update"))
    layout.updateBlock.connect(lambda *_: laid.append("updateBlock"))
    block = edit.document().findBlockByNumber(5)
    table = edit.line_table(block)
    loc = DEFAULT_LABELS.get("LOC")
    misc = DEFAULT_LABELS.get("MISC")
    assert table is not None and loc is not None and misc is not None

    view.add_span(StoredSpan(1, 1, starts[5] + 1, starts[5] + 6, "LOC"))
    assert look_at(view, starts[5] + 2).background == loc.colour
    view.add_span(StoredSpan(2, 1, starts[5] + 3, starts[9] + 3, "QUOTE"))
    assert look_at(view, starts[6] + 3).text != TEXT_COLOUR
    view.add_span(StoredSpan(3, 1, starts[5] + 9, starts[5] + 13, "EVENT"))
    view.update_span(StoredSpan(1, 1, starts[5] + 1, starts[5] + 6, "MISC"))  # relabelled
    assert look_at(view, starts[5] + 2).background == misc.colour
    view.update_span(StoredSpan(1, 1, starts[5] + 15, starts[5] + 19, "MISC"))  # moved
    assert look_at(view, starts[5] + 2).background == PAPER_COLOUR
    view.remove_span(2)
    assert look_at(view, starts[6] + 3).text == TEXT_COLOUR
    view.remove_span(999)  # unknown: nothing to do
    assert laid == []
    assert edit.line_table(block) is table  # the cached lines of the paragraph still hold


def test_ten_thousand_spans_load_and_draw(view: ArticleView) -> None:
    text = paragraphs(400)
    rng = random.Random(7)
    names = [label.name for label in DEFAULT_LABELS]
    spans = []
    for i in range(10_000):
        start = rng.randrange(len(text) - 30)
        spans.append(StoredSpan(i + 1, 1, start, start + rng.randrange(1, 30), rng.choice(names)))
    view.set_document(text, spans, DEFAULT_LABELS)
    assert view.grab().width() > 0
    assert len(view.span_at(spans[0].start)) >= 1
    assert view.painted_at(spans[-1].start) != (None, None)
    view.add_span(StoredSpan(20_000, 1, 3, 9, "PER"))
    assert 20_000 in view.span_at(5)


def test_select_span_scrolls_and_frames_it(view: ArticleView, qtbot: QtBot) -> None:
    text = paragraphs(200)
    far = span_of(7, text, "رقم 180", "MISC")
    view.set_document(text, [far], DEFAULT_LABELS)
    assert view.char_rect(far.start).bottom() > view.viewport().height()  # out of view
    with qtbot.waitSignal(view.spanSelected) as selected:
        view.select_span(7)
    assert selected.args == [7] and view.selected_span() == 7
    rect = view.char_rect(far.start)
    assert view.viewport().rect().contains(rect)
    assert view.text_edit.outline_u16 is not None
    view.select_span(None)
    assert view.selected_span() is None and view.text_edit.outline_u16 is None


def test_scroll_value_is_a_code_point_that_round_trips(view: ArticleView) -> None:
    text = paragraphs(200)
    view.set_document(text, [], DEFAULT_LABELS)
    target = text.index("رقم 120")
    view.set_scroll_value(target)
    value = view.scroll_value()
    line_start = text.rfind("\n", 0, target) + 1
    assert line_start <= value <= target
    assert view.char_rect(value).top() >= 0 and view.char_rect(value).top() < 60
    view.set_scroll_value(0)
    assert view.scroll_value() == 0
    view.set_scroll_value(value)
    assert view.scroll_value() == value


def test_next_span_follows_reading_order(view: ArticleView) -> None:
    text = paragraphs(5)
    a, b = span_of(1, text, "واشنطن", "LOC", 2), span_of(2, text, "الفقرة", "PER", 1)
    view.set_document(text, [a, b], DEFAULT_LABELS)
    assert view.next_span() == 2  # from the cursor at 0: the first span after it
    view.select_span(2)
    assert view.next_span() == 1
    assert view.next_span(backwards=True) == 1  # wraps around
    view.set_document(text, [], DEFAULT_LABELS)
    assert view.next_span() is None


def test_zoom_changes_the_point_size(view: ArticleView, qtbot: QtBot) -> None:
    size = view.text_edit.font().pointSize()
    with qtbot.waitSignal(view.zoomChanged) as changed:
        view.zoom_in()
    assert changed.args == [1] and view.zoom() == 1
    assert view.text_edit.font().pointSize() == size + 1
    view.zoom_out()
    view.zoom_out()
    assert view.text_edit.font().pointSize() == size - 1
    view.zoom_reset()
    assert view.zoom() == 0 and view.text_edit.font().pointSize() == size
    view.set_zoom(1000)
    assert view.zoom() == 30


def test_the_shipped_arabic_font_is_used(view: ArticleView) -> None:
    family = load_fonts()
    assert family == "Noto Naskh Arabic"
    assert view.text_edit.font().families()[0] == family


def test_new_label_colours_repaint_every_span(view: ArticleView) -> None:
    text = paragraphs(3)
    view.set_document(text, [span_of(1, text, "واشنطن", "LOC", 1)], DEFAULT_LABELS)
    start = text.index("واشنطن", text.index("\n"))
    relabelled = LabelSet(
        tuple(
            Label(label.name, label.kind, "#ffe0f0", label.key, label.order)
            if label.name == "LOC"
            else label
            for label in DEFAULT_LABELS
        )
    )
    view.set_labels(relabelled)
    assert look_at(view, start + 1).background == "#ffe0f0"
    as_event = LabelSet((Label("LOC", Kind.EVENT, "#336699", 3),))
    view.set_labels(as_event)
    assert look_at(view, start + 1).background == PAPER_COLOUR  # no background any more
    assert colour_runs(view, start + 1, fmt(view.span_palette.style("LOC").line))


def test_dark_label_colours_still_give_a_light_background(view: ArticleView) -> None:
    labels = LabelSet((Label("DARK", Kind.ENTITY, "#101060", 1),))
    view.set_document(
        "واشنطن", [StoredSpan(1, 1, 0, 6, "DARK"), StoredSpan(2, 1, 0, 2, "NOPE")], labels
    )
    assert QColor(look_at(view, 4).background).lightnessF() > 0.6
    assert QColor(look_at(view, 0).background).lightnessF() > 0.45  # with an unknown label


def bar_columns(view: ArticleView) -> set[int]:
    """x positions in the right margin of the viewport where a quote bar is painted."""
    image = view.viewport().grab().toImage()
    paper = QColor(PAPER_COLOUR)
    columns = set()
    for x in range(image.width() - MARGIN, image.width()):
        for y in range(0, min(image.height(), 200)):
            colour = QColor(image.pixel(x, y))
            if colour != paper and colour.saturationF() > 0.5 and colour.lightnessF() > 0.2:
                columns.add(x)
    return columns


def test_nested_quotes_get_side_bars_in_separate_lanes(view: ArticleView) -> None:
    text = "وقال كارتر «إن داعش في الرقة ينسحب من منبج» أمس"
    outer = span_of(1, text, "«إن داعش في الرقة ينسحب من منبج»", "QUOTE")
    inner = span_of(2, text, "الرقة ينسحب", "QUOTE")
    view.set_document(text, [outer], DEFAULT_LABELS)
    one = bar_columns(view)
    assert 0 < len(one) <= 4
    view.add_span(inner)
    two = bar_columns(view)
    assert two > one and max(two) - max(one) >= 4  # a second bar beside the first
    view.update_span(StoredSpan(2, 1, inner.start, inner.end, "LOC"))  # no longer a quote
    assert bar_columns(view) == one
    view.remove_span(1)
    assert bar_columns(view) == set()


def test_the_selected_span_is_framed(view: ArticleView) -> None:
    text = "واشنطن تجدد دعمها لتركيا"
    view.set_document(text, [span_of(1, text, "تجدد", "EVENT")], DEFAULT_LABELS)

    def framed() -> int:
        image = view.viewport().grab().toImage()
        outline = QColor(OUTLINE_COLOUR)
        return sum(
            QColor(image.pixel(x, y)) == outline
            for x in range(0, image.width(), 2)
            for y in range(0, 80)
        )

    assert framed() == 0
    view.select_span(1)
    assert framed() > 10
    view.remove_span(1)
    assert view.selected_span() is None and framed() == 0


def on_screen(view: ArticleView, pos: int) -> str:
    """The colour the window shows (the backing store: only what Qt repainted since) at the
    top of character ``pos``'s box, after the event loop's turn; no ``grab``, which would
    paint everything anew."""
    QApplication.processEvents()
    rect = view.char_rect(pos)
    corner = view.viewport().mapTo(view.window(), rect.topLeft())
    shot = view.screen().grabWindow(view.window().winId()).toImage()
    ratio = shot.devicePixelRatio()
    return shot.pixelColor(int((corner.x() + 2) * ratio), int((corner.y() + 1) * ratio)).name()


class PaintLog(QObject):
    """The rectangles of the paint events a widget gets from now on."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.rect())
        return False


def test_an_edit_repaints_what_it_changed_and_only_that(view: ArticleView) -> None:
    """An entity edit repaints the span's place only (not the whole view), and that is enough:
    the window shows the new background, the old place is clean, the frame moves along."""
    text = paragraphs(12)
    view.set_document(text, [], DEFAULT_LABELS)
    first = text.index("واشنطن")
    second = text.index("واشنطن", first + 1)
    loc, org = DEFAULT_LABELS.get("LOC"), DEFAULT_LABELS.get("ORG")
    assert loc is not None and org is not None
    assert on_screen(view, first + 1) == PAPER_COLOUR
    painted = PaintLog(view.viewport())
    view.add_span(StoredSpan(1, 1, first, first + 6, "LOC"))
    assert on_screen(view, first + 1) == loc.colour
    assert painted.rects and all(r.height() < view.viewport().height() / 4 for r in painted.rects)
    view.select_span(1)
    view.update_span(StoredSpan(1, 1, second, second + 6, "ORG"))  # moved and relabelled
    assert on_screen(view, first + 1) == PAPER_COLOUR
    assert on_screen(view, second + 1) == org.colour
    view.remove_span(1)
    assert on_screen(view, second + 1) == PAPER_COLOUR
