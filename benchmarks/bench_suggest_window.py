"""Suggestions at the sizes of issue 11: the three recommenders on a 6,000-token article, and
the window's label and accept keys with 1,000 spans and 1,000 open suggestions drawn.

Usage: python benchmarks/bench_suggest_window.py [--runs R] [--quick]

1. Recommenders (medians of R runs, ms): the memory with 10,000 labelled texts and a
   10,000-name gazetteer on a 6,000-token article (ANERcorp's text, as bench_suggest.py makes
   it), the quotes on the sample article repeated to 6,000 tokens (ANERcorp has no quote
   marks), and their sum; baseline in the same run: one tokenization of
   the article. Learning (the memory's texts, the gazetteer's names) is once a run, printed
   apart.
2. The window (create_main_window, 1280 x 800, offscreen; the method of bench_paragraphs.py:
   the key, the event loop's turns until the window is painted and still): the sample article
   repeated to 6,000 tokens with 1,000 spans, then the same with 1,000 open suggestions stored
   and drawn. Label key "3" on a free word and its undo; "A" accepting a selected suggestion
   and its undo. The window without suggestions is the baseline of the same run.

Not a test: nothing here asserts a time. Figures go into the README.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gazetteer import anercorp, entity_names
from bench_suggest import ANERCORP, KINDS, labelled_texts
from bench_suggest import article as anercorp_article
from bench_suggest import median_ms as median_of
from bench_window import WHO, article, free_words, make_project, median_ms
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_turns import Paints, open_window, turn

from annotator.core.model import DEFAULT_LABELS
from annotator.core.recommend_gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GazetteerMatcher,
)
from annotator.core.recommend_memory import learn, suggest
from annotator.core.recommend_quotes import suggest_quotes
from annotator.core.suggestions import Suggestion
from annotator.core.tokens import token_offsets
from annotator.formats import conll
from annotator.store import open_project

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def recommenders(runs: int) -> None:
    docs, _ = conll.read_with_notes(ANERCORP, DEFAULT_LABELS)
    text = anercorp_article(docs, 6_000)
    quoted = article(tokens=6_000)
    texts = labelled_texts(docs, 10_000)
    names = entity_names(anercorp())
    entries = tuple(GazetteerEntry(n, lb, i + 1) for i, (n, lb) in enumerate(names))
    start = time.perf_counter()
    memory = learn(texts)
    learned = time.perf_counter() - start
    start = time.perf_counter()
    matcher = GazetteerMatcher([Gazetteer("names", entries)], DEFAULT_LABELS)
    built = time.perf_counter() - start
    rows = {
        "memory (10,000 labelled texts)": median_of(
            runs, lambda: suggest(memory, 1, text, [], KINDS)
        ),
        "gazetteer (10,000 names)": median_of(runs, lambda: matcher.suggest(1, text)),
        # ANERcorp's text has no quote marks: the quotes on the sample article (its five
        # quotes, names in guillemets) repeated to as many tokens
        "quotes and speakers (sample article)": median_of(runs, lambda: suggest_quotes(1, quoted)),
    }
    base = median_of(runs, lambda: token_offsets(text))
    print(f"1. recommenders on {len(token_offsets(text)):,} tokens, median of {runs} runs, ms")
    for name, ms in rows.items():
        print(f"  {name:34} {ms:8.1f}")
    print(f"  {'all three':34} {sum(rows.values()):8.1f}   (goal: <= 100 ms)")
    print(f"  baseline: one tokenization        {base:8.1f}")
    once = f"learning the memory {learned * 1000:.0f} ms, the gazetteer {built * 1000:.0f} ms"
    print(f"  once a run: {once}")


def with_suggestions(path: Path, count: int) -> None:
    """``count`` open suggestions on free words of the first document, of every label."""
    with open_project(path, create=False) as repo:
        text = repo.document(1).text
        taken = {(s.start, s.end) for s in repo.spans(1)}
        words = [(a, b) for a, b in token_offsets(text) if b - a > 3 and (a, b) not in taken]
        rng = random.Random(11)
        rng.shuffle(words)
        labels = ["PER", "ORG", "LOC", "MISC"]
        found = [
            Suggestion(1, a, b, labels[i % 4], "memory", 0.5 + (i % 5) / 10)
            for i, (a, b) in enumerate(sorted(words[:count]))
        ]
        repo.add_suggestions(found, replace="memory", documents=[1])


def window_keys(folder: Path, name: str, suggestions: int, runs: int) -> dict[str, float]:
    text = article(tokens=6_000)
    path = make_project(folder, name, text, 1_000)
    if suggestions:
        with_suggestions(path, suggestions)
    window = open_window(path, folder / f"{name}.ini", WHO)
    while not window.controller.snapper.ready:
        QApplication.processEvents()
        time.sleep(0.005)
    paints = Paints(window.view.viewport())
    view, edit = window.view, window.view.text_edit
    shown = len(window.controller.open.suggestions)
    assert shown == suggestions, (shown, suggestions)
    labels, undos, accepts, accept_undos = [], [], [], []
    for start, end in free_words(window, runs + 3):
        view.select_span(None)
        view.set_selection(start, end)
        QApplication.processEvents()
        labels.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_3, NONE)))
        QApplication.processEvents()
        undos.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)))
    keys = window.controller.suggestion_keys
    for chosen in window.controller.open.suggestions[: (runs + 3) if suggestions else 0]:
        assert chosen.id is not None
        keys.select(chosen.id)
        QApplication.processEvents()
        accepts.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_A, NONE)))
        QApplication.processEvents()
        accept_undos.append(turn(paints, lambda: QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)))
    figures = {"label key": median_ms(labels[3:]), "undo": median_ms(undos[3:])}
    if accepts:
        figures["accept key (A)"] = median_ms(accepts[3:])
        figures["undo of the accept"] = median_ms(accept_undos[3:])
    window.close()
    QApplication.processEvents()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="3 runs")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    recommenders(max(3, runs // 4))
    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-suggest-window-"))
    window_keys(folder, "warm-up", 0, 3)
    bare = window_keys(folder, "spans", 0, runs)
    drawn = window_keys(folder, "suggestions", 1_000, runs)
    print(f"\n2. the window, 6,000 tokens, 1,000 spans; median of {runs} runs, ms (the key, the")
    print("   event loop's turns until the window is painted and still; offscreen)")
    print(f"  {'':28} {'no suggestions':>15} {'1,000 drawn':>12}")
    for key, ms in drawn.items():
        base = bare.get(key)
        print(f"  {key:28} {base if base is not None else float('nan'):15.2f} {ms:12.2f}")


if __name__ == "__main__":
    main()
