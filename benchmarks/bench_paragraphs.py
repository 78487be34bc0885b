"""Does an edit cost the same on an article written as one paragraph? (issue 10)

Usage: python benchmarks/bench_paragraphs.py [--runs R] [--sizes 6000,12000,...] [--quick]

The sample article repeated to N tokens, once in its own short paragraphs and once with every
line break turned into a space (one paragraph, as many scraped or converted texts are), one span
per 30 characters at random tokens (entities, events, quotes; x11_documents.random_spans). The
real window (create_main_window, 1280 x 800, offscreen) opens each, scrolled to the middle;
every figure is the median of R runs, in milliseconds, and times what the user waits for: the
key event sent to the viewer, the event loop's turns (``processEvents``: Qt paints every widget
that the edit made dirty) until one paints nothing more (a table lays its rows out a turn after
a row goes), and nothing else. A key after which the viewer did not paint is an error.

- label key "3" on a word (snapped, committed to the file, listed, painted);
- undo (Ctrl+Z) of it;
- baselines in the same run: the viewer asked to repaint all of itself with nothing changed
  (``update`` + the turn), and a bare ``repo.apply(AddSpan)`` + its inverse (no window).

The last column is one paragraph over short paragraphs (goal: within 1.3x), and the growth
table prints time against size, so a cost that grows with the paragraph shows as one. Not a
test: nothing here asserts a time. Figures go into docs/benchmarks-window.md and the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_window import (
    WHO,
    article,
    bench_bare_apply,
    free_words,
    make_project,
    median_ms,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_turns import Paints, open_window, turn

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def one_paragraph(text: str) -> str:
    return text.replace("\n\n", " ").replace("\n", " ")


def measure(folder: Path, name: str, text: str, runs: int) -> dict[str, float]:
    path = make_project(folder, name, text, max(1, len(text) // 30))
    window = open_window(path, folder / f"{name}.ini", WHO)
    while not window.controller.snapper.ready:  # the clitic evidence, read by a worker
        QApplication.processEvents()
        time.sleep(0.005)
    paints = Paints(window.view.viewport())
    view, edit = window.view, window.view.text_edit
    middle = len(text) // 2
    words = sorted(free_words(window, runs * 8), key=lambda w: abs(w[0] - middle))[: runs + 3]
    labels, undos, repaints = [], [], []
    for start, end in words:
        view.select_span(None)
        view.set_selection(start, end)
        QApplication.processEvents()
        labels.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_3, NONE)))
        QApplication.processEvents()  # the clitic evidence takes the new span text
        undos.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)))
        repaints.append(turn(paints, view.viewport().update))
    figures = {
        "label key": median_ms(labels[3:]),
        "undo": median_ms(undos[3:]),
        "baseline: viewer repaint, nothing changed": median_ms(repaints[3:]),
        "baseline: bare repo.apply + inverse": bench_bare_apply(
            window.repo, window.controller.document_id or 0, runs
        ),
    }
    window.close()
    QApplication.processEvents()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sizes", default="6000,12000,24000,48000", help="tokens, comma-separated")
    parser.add_argument("--quick", action="store_true", help="3 runs, 6,000 tokens only")
    args = parser.parse_args()
    runs, sizes = args.runs, [int(n) for n in args.sizes.split(",")]
    if args.quick:
        runs, sizes = 3, [6000]
    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-paragraphs-"))
    print(f"median of {runs} runs, milliseconds: the key, the event loop's turn, the repaint")
    growth: list[tuple[int, float, float]] = []
    measure(folder, "warm-up", article(tokens=2000), 3)  # fonts, caches, the first window
    for tokens in sizes:
        short = article(tokens=tokens)
        one = one_paragraph(short)
        rows = {
            "short paragraphs": measure(folder, f"short{tokens}", short, runs),
            "one paragraph": measure(folder, f"one{tokens}", one, runs),
        }
        print(f"\n{tokens:,} tokens ({len(one):,} characters, {len(one) // 30:,} spans)")
        print(f"  {'':44} {'short':>8} {'one':>8} {'one/short':>10}")
        for key in rows["one paragraph"]:
            a, b = rows["short paragraphs"][key], rows["one paragraph"][key]
            print(f"  {key:44} {a:8.2f} {b:8.2f} {b / a:10.2f}")
        figures = rows["one paragraph"]
        growth.append((len(one), figures["label key"], figures["undo"]))
    print("\ngrowth, one paragraph: characters -> label key / undo (ms), and per 100k characters")
    for chars, label, undo in growth:
        print(f"  {chars:>9,} {label:8.2f} {undo:8.2f}   {label / chars * 1e5:8.2f}")


if __name__ == "__main__":
    main()
