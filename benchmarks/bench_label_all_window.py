"""Project-wide label-all (Ctrl+Alt+L) in the real window, what the annotator waits for
(issue 11, docs/adr/0080).

Usage: python benchmarks/bench_label_all_window.py [--documents 10000] [--runs 3]

On a span-free copy of bench_label_all's project (10,000 ANERcorp-made articles, built once and
cached), the real window (create_main_window, 1280 x 800, offscreen) opens the first article
holding the name, where the name is labelled LOC and selected; then, for a rare, a middling
and a frequent name, the median of R runs of: Ctrl+Alt+L from the key to the window painted
and still (the Job finding and writing behind its progress window, the article and the
document list read again), its Ctrl+Z and Ctrl+Shift+Z the same way. Baseline in the same
run: ``label_everywhere_now`` alone on a connection of its own (what the Job does), its
inverse applied after each run. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_label_all import project, sentences  # noqa: E402
from bench_search_panel import copy  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from window_turns import Paints, open_window, turn  # noqa: E402

from annotator.core.edits import AddSpan  # noqa: E402
from annotator.core.model import Span  # noqa: E402
from annotator.core.search import find_words  # noqa: E402
from annotator.ops.project_search import label_everywhere_now  # noqa: E402
from annotator.store import open_project  # noqa: E402

WHO = "bench"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def first_place(path: Path, name: str) -> tuple[int, int, int]:
    """The first document holding ``name`` and the name's place in it."""
    with open_project(path, create=False) as repo:
        for doc_id in repo.text_candidates(name):
            found = find_words(repo.document(doc_id).text, name)
            if found:
                return doc_id, *found[0]
    raise SystemExit(f"{name} is nowhere in {path}")


def job_alone(path: Path, name: str, runs: int) -> tuple[float, int]:
    """Median ms of what the Job runs, and the spans it makes."""
    times, made = [], 0
    with open_project(path, create=False) as repo:
        labels = repo.labels()
        for _ in range(runs):
            start = time.perf_counter()
            done = label_everywhere_now(repo, name, "LOC", WHO, labels)
            times.append((time.perf_counter() - start) * 1000)
            repo.apply(done.inverse)
            made = done.labelling.spans
    return statistics.median(times), made


def window_row(folder: Path, path: Path, name: str, runs: int) -> str:
    doc_id, start, end = first_place(path, name)
    with open_project(path, create=False) as repo:
        added = repo.apply(AddSpan(Span(None, doc_id, start, end, "LOC", WHO)))
        (span_id,) = [s.id for s in repo.spans(doc_id)]
    window = open_window(path, folder / "settings.ini", WHO)
    window.controller.open_document(doc_id)
    QApplication.processEvents()
    paints = Paints(window.view.viewport())
    edit = window.view.text_edit
    labels, undos, redos = [], [], []
    for _ in range(runs):
        window.view.select_span(span_id)
        QApplication.processEvents()
        labels.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_L, CTRL | ALT)) * 1e3)
        made = window.status.action.text()
        undos.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)) * 1e3)
        redos.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_Z, CTRL | SHIFT)) * 1e3)
        QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)  # back to the one span, untimed
        QApplication.processEvents()
    window.close()
    QApplication.processEvents()
    with open_project(path, create=False) as repo:
        repo.apply(added)  # the project as it was: no span
    base, spans = job_alone(path, name, runs)
    assert "Labelled" in made, made
    figures = [statistics.median(x) for x in (labels, undos, redos)]
    cells = " ".join(f"{x:>8.0f}ms" for x in figures)
    return f"{name:>12} {spans:>6} {cells} {base:>8.0f}ms   {made}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cached = project(args.documents)
    _, names = sentences()
    ranked = [n for n, _ in names.most_common() if len(n) >= 4]
    chosen = [ranked[len(ranked) // 2], ranked[len(ranked) // 20], ranked[0]]
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.annot.db"
        copy(cached, path)
        print(f"{args.documents} documents; median of {args.runs} runs, offscreen")
        head = f"{'name':>12} {'spans':>6} {'Ctrl+Alt+L':>10} {'undo':>10} {'redo':>10}"
        print(f"{head} {'Job alone':>10}   (baseline: label_everywhere_now, no window)")
        for name in chosen:
            print(window_row(folder, path, name, args.runs), flush=True)


if __name__ == "__main__":
    main()
