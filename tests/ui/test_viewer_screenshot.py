"""A picture of the viewer with the sample article, for a person to look at (screenshots/)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS, StoredSpan
from annotator.ui.viewer import ArticleView
from tests.ui.viewer_helpers import span_of

QUOTE = (
    "«خطة عمليتنا العسكرية تفترض محاصرة الموصل والرقة بعد عدة أشهر.. لا شك أننا نعتزم تحقيق "
    "الانتصار على تنظيم داعش، غير أن العنف في سوريا لا يمكن التخلص منه دون انتقال سياسي»"
)


def sample_spans(text: str) -> list[StoredSpan]:
    return [
        span_of(1, text, "واشنطن", "LOC"),
        span_of(2, text, "تركيا", "LOC"),  # لتركيا: the proclitic left out
        span_of(3, text, "داعش", "ORG"),
        span_of(4, text, "تطهير", "EVENT"),
        span_of(5, text, "وزير الدفاع الأميركي آشتون كارتر", "PER"),
        span_of(6, text, "آشتون كارتر", "PER"),  # nested in the PER above: same kind
        span_of(7, text, "للتحالف الدولي", "ORG"),  # ل + ال contracted: stays whole
        span_of(8, text, "محاصرة مدينتي الموصل والرقة", "EVENT"),
        span_of(9, text, "الموصل", "LOC", 1),
        span_of(10, text, "الرقة", "LOC", 1),
        span_of(11, text, "كارتر", "PER", 1),
        span_of(12, text, "بي بي سي", "ORG"),
        span_of(13, text, QUOTE, "QUOTE"),
        span_of(14, text, "محاصرة الموصل والرقة", "EVENT", 0),
        span_of(15, text, "محاصرة الموصل", "EVENT", 0),  # overlaps the EVENT above
        span_of(16, text, "الموصل والرقة", "MISC", 1),  # overlaps the two LOCs
        span_of(17, text, "لا شك أننا نعتزم تحقيق الانتصار", "QUOTE"),  # a quote in a quote
        span_of(18, text, "تنظيم داعش", "ORG"),
        span_of(19, text, "داعش", "ORG", 2),  # nested in the ORG above
        span_of(20, text, "سوريا", "LOC"),
        span_of(21, text, "أنقرة", "LOC"),
        span_of(22, text, "السيطرة", "EVENT"),
        span_of(23, text, "الحدود التركية السورية", "LOC"),
    ]


def test_screenshot_of_the_sample_article(
    qtbot: QtBot, sample_article: str, screenshot_dir: Path
) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(760, 980)
    view.set_document(sample_article, sample_spans(sample_article), DEFAULT_LABELS)
    view.show()
    qtbot.waitExposed(view)
    view.select_span(6)
    view.set_scroll_value(0)
    image = view.grab().toImage()
    path = screenshot_dir / "viewer-sample.png"
    assert image.save(str(path))
    assert_right_aligned(image)
    assert QImage(str(path)).size() == image.size()

    view.zoom_in()
    view.zoom_in()
    view.set_scroll_value(sample_article.index("وقال كارتر"))
    assert view.grab().save(str(screenshot_dir / "viewer-sample-zoomed.png"))


def assert_right_aligned(image: QImage) -> None:
    """The ink of a right-to-left text leans to the right half."""
    paper = QColor(image.pixel(image.width() // 2, 3))
    left = right = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 5):
            if QColor(image.pixel(x, y)) != paper:
                if x < image.width() // 2:
                    left += 1
                else:
                    right += 1
    assert right > left > 0


LATIN_FIRST = (
    "CNN: قال وزير الدفاع الأميركي آشتون كارتر إن «الخطة تفترض محاصرة الموصل والرقة» 👍🏽\n"
    "Reuters (رويترز) - أعلنت وزارة الدفاع في 2016 أن 3.5 مليون شخص نزحوا.\n"
    "واشنطن تجدد دعمها لتركيا"
)


def test_screenshot_of_latin_first_paragraphs(qtbot: QtBot, screenshot_dir: Path) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(640, 300)
    spans = [
        span_of(1, LATIN_FIRST, "CNN", "ORG"),
        span_of(2, LATIN_FIRST, "آشتون كارتر", "PER"),
        span_of(3, LATIN_FIRST, "«الخطة تفترض محاصرة الموصل والرقة»", "QUOTE"),
        span_of(4, LATIN_FIRST, "Reuters", "ORG"),
        span_of(5, LATIN_FIRST, "نزحوا", "EVENT"),
    ]
    view.set_document(LATIN_FIRST, spans, DEFAULT_LABELS)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    assert image.save(str(screenshot_dir / "viewer-latin-first.png"))
    assert_right_aligned(image)
    # "CNN" and "Reuters" begin their paragraphs: drawn at the right end of their lines
    width = view.viewport().width()
    assert view.char_rect(0).right() > width * 0.8
    assert view.char_rect(LATIN_FIRST.index("Reuters")).right() > width * 0.8
