"""How long the window's thread waits while the model trains (issue 12, ADR 0079).

Usage: python benchmarks/bench_training_apart.py [documents]

Trains the project's CRF model (training and 2-fold cross-validation, as Suggestions ▸ Train
the model… does) on the first N documents of 50 ANERcorp sentences (default 40), once on a
thread of this process (the baseline: what the window did before ADR 0079) and once in a
process of its own (ops/training_apart.py, what it does now). Meanwhile this process's main
thread, standing in for the window's event loop, sleeps 1 ms at a time and records how late
each wake-up is: the longest gap is how long a key pressed during the training could wait
for the lock before Qt even sees it. Prints the longest gap, the 99th percentile and the
median, and the training's wall time, median over the runs (3 by default: BENCH_RUNS).
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.crf_features import Lexicon
from annotator.core.model import DEFAULT_LABELS
from annotator.formats import conll
from annotator.ops.crf_model import Example
from annotator.ops.model_store import learn
from annotator.ops.training_apart import learn_apart

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
Learn = Callable[[list[Example], Lexicon, int], object]


def gaps_while(fn: Learn, data: list[Example]) -> tuple[list[float], float]:
    """The main thread's wake-up gaps (seconds, sorted) while ``fn`` trains on a thread."""
    done = threading.Event()

    def work() -> None:
        try:
            fn(data, Lexicon(), 2)
        finally:
            done.set()

    began = time.perf_counter()
    worker = threading.Thread(target=work)
    worker.start()
    gaps: list[float] = []
    last = time.perf_counter()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    worker.join()
    return sorted(gaps), time.perf_counter() - began


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    text = (FIXTURES / "ANERCorp.txt").read_text("utf-8")
    docs, _ = conll.loads(text, DEFAULT_LABELS, title="ANERcorp")
    data: list[Example] = [
        (d.document.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs[:count]
    ]
    tokens = sum(len(t.split()) for t, _ in data)
    print(f"{len(data)} documents, {tokens:,} tokens; {runs} runs each; gaps in ms")
    print(f"{'where it learns':<26}{'longest':>9}{'p99':>7}{'median':>8}{'training s':>12}")
    for name, fn in (("a thread (baseline)", learn), ("a process of its own", learn_apart)):
        longest, p99, median, walls = [], [], [], []
        for _ in range(runs):
            gaps, wall = gaps_while(fn, data)
            longest.append(gaps[-1] * 1000)
            p99.append(gaps[int(len(gaps) * 0.99)] * 1000)
            median.append(gaps[len(gaps) // 2] * 1000)
            walls.append(wall)
        print(
            f"{name:<26}{statistics.median(longest):>9.0f}{statistics.median(p99):>7.0f}"
            f"{statistics.median(median):>8.1f}{statistics.median(walls):>12.1f}"
        )


if __name__ == "__main__":
    main()
