"""Project-wide label-all and the project search over the texts' index (issue 11, docs/adr/0060).

Usage: python benchmarks/bench_label_all.py [--documents 10000] [--runs 5]

Builds (once, cached under /tmp) a project of ``--documents`` news articles made of ANERcorp
sentences (tests/fixtures/ANERCorp.txt), 400-800 words each, and times, as medians of R runs:

- ``label all``: ``ops.project_search.label_everywhere_now``, what the window's Job runs (the
  index's candidates, find_words on their texts, the spans written in the same transaction
  from the texts read: docs/adr/0080), its inverse applied after each run, untimed; for a
  rare, a middling and a frequent name of ANERcorp; and, as before docs/adr/0080, the find
  alone (``label_everywhere``) and applying its edit apart (the store reading the spans' texts
  again);
- ``baseline``: the brute force of the same run: every document's text read and
  ``core.occurrences`` run over it, no index;
- ``search``: ``ops.project_search.search_project`` (the search panel's query);
- ``undo`` / ``redo``: applying the label-all's inverse (store/spans_bulk_remove.py), then the
  inverse of that (store/spans_bulk_restore.py), each in one transaction.

It prints the texts' index size next to the file's. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.model import AnnotatedDocument, Document  # noqa: E402
from annotator.core.occurrences import occurrences  # noqa: E402
from annotator.ops.project_search import (  # noqa: E402
    label_everywhere,
    label_everywhere_now,
    search_project,
)
from annotator.store import Repository, open_project  # noqa: E402
from annotator.store.schema import MIGRATIONS  # noqa: E402

T = TypeVar("T")
ANERCORP = ROOT / "tests" / "fixtures" / "ANERCorp.txt"


def sentences() -> tuple[list[list[str]], Counter[str]]:
    """ANERcorp's sentences (split at a full stop) and how often each one-word name occurs."""
    out: list[list[str]] = [[]]
    names: Counter[str] = Counter()
    for line in ANERCORP.read_text("utf-8").split("\n"):
        word, _, tag = line.strip().rpartition(" ")
        if not word:
            continue
        out[-1].append(word)
        if tag.startswith("B-"):
            names[word] += 1
        if word == ".":
            out.append([])
    return [s for s in out if s], names


def build(path: Path, documents: int) -> None:
    found, _ = sentences()
    rng = random.Random(11)
    with open_project(path) as repo:
        batch: list[AnnotatedDocument] = []
        for i in range(documents):
            target, words = rng.randint(400, 800), list[str]()
            while len(words) < target:
                words.extend(rng.choice(found))
            batch.append(AnnotatedDocument(Document(None, f"مقال {i + 1}", " ".join(words))))
            if len(batch) == 500:
                repo.add_documents(batch)
                batch = []
        repo.add_documents(batch)


def project(documents: int) -> Path:
    path = Path(f"/tmp/bench-label-all-{documents}-s{len(MIGRATIONS)}.annot.db")
    if not path.exists():
        start = time.perf_counter()
        build(path, documents)
        print(f"built {path} in {time.perf_counter() - start:.0f} s")
    return path


def brute(repo: Repository, query: str) -> int:
    """Occurrences over every text, read in batches (the baseline)."""
    ids = repo.document_ids()
    total = 0
    for at in range(0, len(ids), 200):
        batch = ids[at : at + 200]
        places = repo.places(batch)
        for doc_id, _, text in repo.texts(batch):
            taken = [(a, b) for a, b, lb in places.get(doc_id, []) if lb == "LOC"]
            total += len(occurrences(text, query, taken))
    return total


def median_ms(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """The median time of ``runs`` calls of ``work``, in ms, and its last value."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), value


def measure(repo: Repository, name: str, runs: int) -> str:
    """One row: label-all of ``name`` (find + edit, then apply), the baseline, the search."""
    labels = repo.labels()
    nows = []
    for _ in range(runs):
        start = time.perf_counter()
        done = label_everywhere_now(repo, name, "LOC", "bench", labels)
        nows.append((time.perf_counter() - start) * 1000)
        repo.apply(done.inverse)
    now_ms = statistics.median(nows)
    find_ms, made = median_ms(runs, partial(label_everywhere, repo, name, "LOC", "bench", labels))
    assert made == done.labelling
    applies, undos, redos = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        inverse = repo.apply(made.edit)
        applies.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        redo = repo.apply(inverse)
        undos.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        inverse = repo.apply(redo)
        redos.append((time.perf_counter() - start) * 1000)
        repo.apply(inverse)
    apply_ms = statistics.median(applies)
    undo_ms, redo_ms = statistics.median(undos), statistics.median(redos)
    base_ms, count = median_ms(max(1, runs // 2), partial(brute, repo, name))
    assert count == made.spans, (count, made.spans)
    search_ms, _ = median_ms(runs, partial(search_project, repo, name))
    return (
        f"{name:>12} {made.spans:>6} {made.documents:>5} {now_ms:>7.0f}ms"
        f" {find_ms:>7.0f}ms {apply_ms:>6.0f}ms"
        f" {base_ms:>8.0f}ms {search_ms:>6.0f}ms {undo_ms:>6.0f}ms {redo_ms:>6.0f}ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = project(args.documents)
    _, names = sentences()
    ranked = [n for n, _ in names.most_common() if len(n) >= 4]
    chosen = [ranked[0], ranked[len(ranked) // 20], ranked[len(ranked) // 2]]
    with open_project(path) as repo:
        conn = repo.db.conn
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        index = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'text_search%'"
        ).fetchone()[0]
        text = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM documents").fetchone()[0]
        print(
            f"{args.documents} documents: file {page * pages / 1e6:.0f} MB, texts "
            f"{text / 1e6:.0f} MB (UTF-8), texts' index {index / 1e6:.0f} MB"
        )
        print(f"{'name':>12} {'spans':>6} {'docs':>5} {'label all':>9} {'find':>9} {'apply':>8}"
              f" {'baseline':>10} {'search':>8} {'undo':>8} {'redo':>8}")  # fmt: skip
        for name in chosen:
            print(measure(repo, name, args.runs), flush=True)


if __name__ == "__main__":
    main()
