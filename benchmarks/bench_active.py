"""Active learning (issue 12, ADR 0073): scoring the unfinished documents with the stored model,
and the query Ctrl+Enter asks.

Usage: python benchmarks/bench_active.py [--documents N] [--runs R]

A project of ANERcorp (tests/fixtures/ANERCorp.txt read by our CoNLL reader, documents of 50
sentences): the first 20 documents done with their spans, the model trained on them and stored
(2 folds); the other documents, and copies of them cut short, unfinished, N in all (about 1,100
tokens each). Timed, median of R runs: ``score_unfinished`` scoring all N in a fresh copy of
the project (the certainty of each, written a batch per transaction), next to the model's own
suggestions (``Suggester.predict``) on the same texts in the same run; then ``most_useful``
(what Ctrl+Enter asks, on the GUI thread) once all are scored. Wall clock and this process's
CPU time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.edits import SetStatus
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Document, Kind, Status
from annotator.formats import conll
from annotator.ops import active_learning, model_store
from annotator.store import open_project

ANERCORP = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ANERCorp.txt"
ME = "amal"


def build(path: Path, documents: int) -> None:
    docs, _notes = conll.loads(ANERCORP.read_text("utf-8"), DEFAULT_LABELS, title="ANERcorp")
    done, rest = docs[:20], [d.document.text for d in docs[20:]]
    texts = []
    while len(texts) < documents:  # the rest, then its texts cut shorter (other texts)
        cut = len(texts) // len(rest)
        texts += [t[: len(t) - 40 * cut] for t in rest][: documents - len(texts)]
    with open_project(path) as repo:
        for label in sorted({s.label for d in done for s in d.spans}):
            repo.ensure_label(label, Kind.ENTITY)
        for doc in done:
            added = repo.add_document(doc, annotator=ME)
            assert added is not None and added.id is not None
            repo.apply(SetStatus(added.id, ME, Status.DONE))
        repo.add_documents(
            AnnotatedDocument(Document(None, f"unfinished {n}", t), ()) for n, t in enumerate(texts)
        )
        model_store.train_and_store(repo, folds=2)


def timed(work):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    value = work()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    base = folder / "base.annot.db"
    began = time.perf_counter()
    build(base, args.documents)
    print(f"project built and model trained in {time.perf_counter() - began:.0f} s", flush=True)
    with open_project(base, create=False) as repo:
        ids = repo.unscored(active_learning.model_id(repo) or "", ME)
        texts = [repo.document(i).text for i in ids]
        model = model_store.stored_model(repo)
        assert model is not None
    tokens = sum(len(t.split()) for t in texts)
    print(f"{len(ids)} unfinished documents, {tokens:,} tokens (whitespace-separated)")
    scoring, predicting, asking = [], [], []
    for run in range(args.runs):
        copy = folder / f"run{run}.annot.db"
        shutil.copy(base, copy)
        with open_project(copy, create=False) as repo:
            wall, cpu, scored = timed(lambda repo=repo: active_learning.score_unfinished(repo, ME))
            assert scored.documents == len(ids)
            scoring.append((wall, cpu))
            for _ in range(20):
                asked = timed(lambda repo=repo: active_learning.most_useful(repo, ME))
                asking.append(asked[0])
        suggester = model_store.suggester(model)
        try:
            wall, cpu, _ = timed(lambda s=suggester: [s.predict(t) for t in texts])
        finally:
            suggester.close()
        predicting.append((wall, cpu))
    for name, rows in (("score_unfinished", scoring), ("Suggester.predict (baseline)", predicting)):
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        print(
            f"{name}: {wall:.2f} s wall, {cpu:.2f} s CPU for {len(ids)} documents "
            f"({1000 * wall / len(ids):.1f} ms a document); runs: "
            + ", ".join(f"{r[0]:.2f}" for r in rows)
        )
    print(f"most_useful (Ctrl+Enter's query): {1000 * statistics.median(asking):.2f} ms")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
