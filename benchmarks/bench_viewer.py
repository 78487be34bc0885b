"""Article viewer speed, offscreen: open, edit and repaint, next to ExtraSelections and bare Qt.

Usage: python benchmarks/bench_viewer.py [--runs R]

Articles are the sample article (seeds/) repeated, with spans at random tokens (fixed seed):
entities of 1-3 tokens, events of 1-2 tokens and quotes of 8-40 tokens, so they nest and
overlap as real annotations do. Printed, as the median of R runs:

- a 6,000-token article with 1,000 spans: open (set_document + first paint through grab()),
  a repaint with nothing changed (a whole frame through grab(): the overlays of quotes and
  events included), add_span + repaint, the same for an EVENT (painted by the viewer, no
  char format) and for a 12-token QUOTE (side bars are re-laid), remove_span + repaint,
  select_span + repaint;
- a 150,000-character article with 10,000 spans: open, add_span + repaint, remove_span + repaint;
- baselines in the same run: a bare QPlainTextEdit.setPlainText + first paint (no spans), and the
  same spans drawn as ExtraSelections (open, and one more selection + repaint);
- one paragraph (the sample article with its line breaks made spaces, repeated) of 33,000 and
  261,000 characters, a span per 30 characters (quotes among them), scrolled to its middle: a
  repaint with nothing changed, next to a bare QPlainTextEdit repaint of the same text and
  scroll (issue 10: the quote side bars walked every line of the paragraph on every paint).

Targets (issue 4): edit + repaint <= 16 ms, open <= 100 ms, edits on the 10k-span text < 50 ms.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit  # noqa: E402

from annotator.core.model import DEFAULT_LABELS, Kind, Span  # noqa: E402
from annotator.core.tokens import tokenize  # noqa: E402
from annotator.ui.viewer import ArticleView  # noqa: E402

SAMPLE = ROOT / "seeds" / "washington-turkey-isis.txt"
SIZE = (900, 1000)


def article(*, tokens: int | None = None, chars: int | None = None) -> str:
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    parts: list[str] = []
    while True:
        text = "\n\n".join(parts)
        if tokens is not None and len(tokenize(text)) >= tokens:
            return text
        if chars is not None and len(text) >= chars:
            return text[:chars]
        parts.append(sample)


def random_spans(text: str, count: int, seed: int = 1) -> list[Span]:
    rng = random.Random(seed)
    tokens = tokenize(text)
    by_kind = {kind: [label.name for label in DEFAULT_LABELS.of_kind(kind)] for kind in Kind}
    spans = []
    for i in range(count):
        kind = rng.choices([Kind.ENTITY, Kind.EVENT, Kind.QUOTE], weights=[75, 20, 5])[0]
        width = {Kind.ENTITY: (1, 3), Kind.EVENT: (1, 2), Kind.QUOTE: (8, 40)}[kind]
        first = rng.randrange(len(tokens) - width[1])
        last = first + rng.randint(*width) - 1
        label = rng.choice(by_kind[kind])
        spans.append(Span(i + 1, 1, tokens[first].start, tokens[last].end, label))
    return spans


def median_ms(action: Callable[[], object], runs: int, setup: Callable[[], object] = lambda: 0):
    times = []
    for _ in range(runs):
        setup()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def new_view() -> ArticleView:
    view = ArticleView()
    view.resize(*SIZE)
    view.show()
    return view


def bench_view(text: str, spans: list[Span], runs: int) -> dict[str, float]:
    views: list[ArticleView] = []

    def open_once() -> None:
        view = views[-1]
        view.set_document(text, spans, DEFAULT_LABELS)
        view.grab()

    results = {
        "open (set_document + first paint)": median_ms(
            open_once, runs, setup=lambda: views.append(new_view())
        )
    }
    for view in views[:-1]:
        view.close()
        view.deleteLater()
    view = views[-1]
    tokens = tokenize(text)
    visible = [t for t in tokens[:80] if t.end - t.start > 2]  # words on the first screen
    counter = iter(range(10**6, 10**7))
    added: list[int] = []

    def add() -> None:
        token = visible[len(added) % len(visible)]
        span = Span(next(counter), 1, token.start, token.end, "LOC")
        added.append(span.id or 0)
        view.add_span(span)
        view.grab()

    def add_quote() -> None:
        first, last = visible[len(added) % 20], visible[len(added) % 20 + 12]
        span = Span(next(counter), 1, first.start, last.end, "QUOTE")
        added.append(span.id or 0)
        view.add_span(span)
        view.grab()

    def add_event() -> None:
        token = visible[len(added) % len(visible)]
        span = Span(next(counter), 1, token.start, token.end, "EVENT")
        added.append(span.id or 0)
        view.add_span(span)
        view.grab()

    def remove() -> None:
        view.remove_span(added.pop())
        view.grab()

    def select() -> None:
        view.select_span(spans[len(added) % 50].id)
        view.grab()

    view.set_scroll_value(0)
    results["repaint, nothing changed"] = median_ms(view.grab, runs * 4)
    results["add_span + repaint"] = median_ms(add, runs * 4)
    results["add_span (an EVENT) + repaint"] = median_ms(add_event, runs * 4)
    results["add_span (a QUOTE) + repaint"] = median_ms(add_quote, runs * 4)
    results["remove_span + repaint"] = median_ms(remove, runs * 8)
    results["select_span + repaint"] = median_ms(select, runs * 4)
    view.close()
    view.deleteLater()
    return results


def extra_selections(edit: QTextEdit | QPlainTextEdit, spans: list[Span]) -> list:
    colours = {label.name: QColor(label.colour) for label in DEFAULT_LABELS}
    doc = edit.document()
    out = []
    for span in spans:  # all spans here are in the BMP: code points == UTF-16 units
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(doc)
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(colours[span.label]))
        selection.format = fmt
        out.append(selection)
    return out


def bench_baselines(text: str, spans: list[Span], runs: int) -> dict[str, float]:
    edits: list[QPlainTextEdit] = []

    def new_edit() -> None:
        edit = QPlainTextEdit()
        edit.resize(*SIZE)
        edit.show()
        edits.append(edit)

    def bare_open() -> None:
        edits[-1].setPlainText(text)
        edits[-1].grab()

    def extra_open() -> None:
        edits[-1].setPlainText(text)
        edits[-1].setExtraSelections(extra_selections(edits[-1], spans))
        edits[-1].grab()

    results = {"bare setPlainText + first paint": median_ms(bare_open, runs, setup=new_edit)}
    results["ExtraSelections: open"] = median_ms(extra_open, runs, setup=new_edit)
    edit = edits[-1]
    selections = extra_selections(edit, spans)

    def extra_add() -> None:
        more = extra_selections(edit, [Span(0, 1, 0, 6, "LOC")])
        edit.setExtraSelections(selections + more)
        edit.grab()

    results["ExtraSelections: add one + repaint"] = median_ms(extra_add, runs * 4)
    for e in edits:
        e.close()
        e.deleteLater()
    return results


def paragraph(chars: int) -> str:
    sample = " ".join(SAMPLE.read_text(encoding="utf-8").split())
    return " ".join([sample] * (chars // len(sample) + 1))[:chars]


def bench_paragraph(text: str, runs: int) -> dict[str, float]:
    spans = random_spans(text, len(text) // 30)
    view = new_view()
    view.set_document(text, spans, DEFAULT_LABELS)
    view.grab()
    view.set_scroll_value(len(text) // 2)
    view.grab()
    results = {"repaint, nothing changed": median_ms(view.grab, runs * 4)}
    view.close()
    view.deleteLater()
    edit = QPlainTextEdit()
    edit.resize(*SIZE)
    edit.show()
    edit.setPlainText(text)
    edit.grab()
    bar = edit.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    edit.grab()
    results["bare QPlainTextEdit repaint"] = median_ms(edit.grab, runs * 4)
    edit.close()
    edit.deleteLater()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--only-paragraph", action="store_true", help="only the one-paragraph repaint rows"
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert app is not None
    cases = [
        ("6,000 tokens, 1,000 spans", article(tokens=6000), 1000),
        ("150,000 chars, 10,000 spans", article(chars=150_000), 10_000),
    ]
    print(f"median of {args.runs} runs (edits: {args.runs * 4}), milliseconds, offscreen\n")
    for name, text, count in [] if args.only_paragraph else cases:
        spans = random_spans(text, count)
        print(f"{name}: {len(text):,} chars, {text.count(chr(10)) + 1:,} blocks")
        for label, ms in bench_view(text, spans, args.runs).items():
            print(f"  viewer    {label:38} {ms:8.2f}")
        for label, ms in bench_baselines(text, spans, args.runs).items():
            print(f"  baseline  {label:38} {ms:8.2f}")
        app.processEvents()
        print()
    for chars in (33_000, 261_000):
        text = paragraph(chars)
        print(f"one paragraph of {len(text):,} chars, {len(text) // 30:,} spans, middle in view")
        for label, ms in bench_paragraph(text, args.runs).items():
            side = "baseline" if label.startswith("bare") else "viewer"
            print(f"  {side:9} {label:38} {ms:8.2f}")
        app.processEvents()
        print()


if __name__ == "__main__":
    main()
