"""The window's label key while the model trains (issue 12, ADR 0079).

Usage: python benchmarks/bench_training_keys.py [--keys 40] [--documents 30]

The real window (offscreen, 1280 x 800) on the 6,000-token article with 1,000 spans
(bench_window.py's project). A label key ("3" on a selected word, then Ctrl+Z), each timed as
bench_window.py times it: the key event, the event loop's turns until the window is painted
and still (window_turns.py). Three runs of ``--keys`` keys each, started one after the other:

- no training (the baseline);
- a training on a thread of the window's process (what the window did before ADR 0079);
- a training in a process of its own (ops/training_apart.py, what Train the model… does now).

The training is the project model's (``model_store.learn``: training and 2-fold
cross-validation) on the first ``--documents`` ANERcorp documents of 50 sentences; the keys
start once it is under way. Prints the median, the 90th percentile and the longest key, in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_turns import Paints, open_window, settle, turn

from annotator.core.crf_features import Lexicon
from annotator.core.model import DEFAULT_LABELS
from annotator.formats import conll
from annotator.ops.crf_model import Example
from annotator.ops.model_store import learn
from annotator.ops.training_apart import learn_apart
from annotator.ui.main_window import MainWindow

FIXTURES = bench_window.ROOT / "tests" / "fixtures"
Learn = Callable[[list[Example], Lexicon, int], object]


def keys_while(
    window: MainWindow, words: list[tuple[int, int]], fn: Learn | None, data: list[Example]
) -> tuple[list[float], bool]:
    """Each label key + undo's time (seconds), while ``fn`` trains on a thread (None: no
    training); whether the training was still running after the last key."""
    done = threading.Event()
    worker = None
    if fn is not None:

        def work() -> None:
            try:
                fn(data, Lexicon(), 2)
            finally:
                done.set()

        worker = threading.Thread(target=work)
        worker.start()
        time.sleep(1.5)  # under way: the spawned process has its imports behind it
    watch = Paints(window.view.viewport())
    none, ctrl = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier
    times: list[float] = []
    for start, end in words:
        window.view.select_span(None)
        window.view.set_selection(start, end)
        settle(watch)
        times.append(turn(watch, lambda: bench_window.press(window, Qt.Key.Key_3, none)))
        times.append(turn(watch, lambda: bench_window.press(window, Qt.Key.Key_Z, ctrl)))
    running = fn is not None and not done.is_set()
    if worker is not None:
        while worker.is_alive():
            QApplication.processEvents()
            worker.join(0.05)
    return times, running


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--documents", type=int, default=30)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    docs, _ = conll.loads(
        (FIXTURES / "ANERCorp.txt").read_text("utf-8"), DEFAULT_LABELS, title="ANERcorp"
    )
    data: list[Example] = [
        (d.document.text, [(s.start, s.end, s.label) for s in d.spans])
        for d in docs[: args.documents]
    ]
    folder = Path(tempfile.mkdtemp(prefix="bench-training-keys-"))
    path = bench_window.make_project(folder, "article", bench_window.article(tokens=6000), 1000)
    window = open_window(path, folder / "user.ini", bench_window.WHO)
    watch = Paints(window.view.viewport())
    for _ in range(3):  # warm up: fonts, caches, the clitic evidence
        window.controller.open_document(window.controller.document_model.document_id(1) or 0)
        window.controller.open_document(window.controller.document_model.document_id(0) or 0)
        settle(watch)
    words = bench_window.free_words(window, args.keys)
    print(
        f"{len(words)} label keys + undos each, offscreen window 1280x800, 6,000-token article; "
        f"training on {len(data)} ANERcorp documents; ms"
    )
    print(f"{'while':<34}{'median':>8}{'p90':>8}{'longest':>9}  training still running")
    for name, fn in (
        ("no training (baseline)", None),
        ("training on a thread", learn),
        ("training in a process of its own", learn_apart),
    ):
        times, running = keys_while(window, words, fn, data)
        ms = sorted(t * 1000 for t in times)
        print(
            f"{name:<34}{statistics.median(ms):>8.1f}{ms[int(len(ms) * 0.9)]:>8.1f}"
            f"{ms[-1]:>9.1f}  {'yes' if running else ('no' if fn else '-')}"
        )
    window.close()


if __name__ == "__main__":
    main()
