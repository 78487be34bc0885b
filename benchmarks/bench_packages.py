"""Work packages and merge (issue 13, docs/adr/0075) on 1,000 articles and 3 annotators.

Usage: python benchmarks/bench_packages.py [--documents N] [--runs N]

A project of N articles made of ANERcorp's text (150 words each), dealt to three annotators
with 20% overlap; each annotator labels 5 words of every document of their package and marks it
done, edit by edit through the store (not timed). Printed, medians of the runs: ``assign``
(three packages written), the first ``merge`` of the three packages into a fresh copy of the
project, the same merge again (nothing new), and as baselines from the same run a copy of the
whole project file (SQLite's backup), adding the documents the packages hold to three new
projects (what an import does) and reading the three packages' documents alone.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.edits import AddSpan, SetStatus  # noqa: E402
from annotator.core.model import AnnotatedDocument, Document, Span, Status  # noqa: E402
from annotator.ops.merging import merge  # noqa: E402
from annotator.ops.work_packages import assign  # noqa: E402
from annotator.store import open_project  # noqa: E402
from tests.ops.anercorp_articles import articles  # noqa: E402

NAMES = ("amal", "badr", "carla")


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def label(package: Path, who: str) -> int:
    made = 0
    with open_project(package, create=False) as repo:
        for doc_id in repo.document_ids():
            text = repo.document(doc_id).text
            for word in list(re.finditer(r"[^\W\d_]{3,}", text))[:50:10]:
                span = Span(None, doc_id, word.start(), word.end(), "PER", who)
                repo.apply(AddSpan(span), actor=who)
                made += 1
            repo.apply(SetStatus(doc_id, who, Status.DONE), actor=who)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        project = root / "news.annot.db"
        with open_project(project) as repo:
            texts = articles(args.documents, 150)
            docs = [
                AnnotatedDocument(Document(None, f"article {i}", t)) for i, t in enumerate(texts)
            ]
            repo.add_documents(docs)
        out = root / "packages"
        assigning = [
            timed(lambda: assign(project, NAMES, out, overlap=0.2, force=True))
            for _ in range(args.runs)
        ]
        with open_project(project, create=False) as repo:
            copying = [
                timed(lambda i=i: repo.backup(root / f"copy{i}.db")) for i in range(args.runs)
            ]
        packages = [out / f"news.{n}.annot.db" for n in NAMES]
        held: list[list[AnnotatedDocument]] = []
        for p in packages:
            with open_project(p, create=False, read_only=True) as repo:
                held.append(list(repo.iter_annotated()))
        made = iter(range(1_000))

        def add_all() -> None:
            for part in held:
                with open_project(root / f"added{next(made)}.annot.db") as repo:
                    repo.add_documents(part)

        adding = [timed(add_all) for _ in range(args.runs)]
        dealt = sum(len(part) for part in held)
        spans = sum(label(p, n) for p, n in zip(packages, NAMES, strict=True))

        def read_all() -> None:
            for p, n in zip(packages, NAMES, strict=True):
                with open_project(p, create=False, read_only=True) as repo:
                    list(repo.iter_annotated(annotator=n, annotators=[n]))

        reading = [timed(read_all) for _ in range(args.runs)]
        first: list[float] = []
        again: list[float] = []
        for i in range(args.runs):
            target = root / f"merge{i}.annot.db"
            shutil.copy(project, target)
            first.append(timed(lambda t=target: merge(t, packages)))
            again.append(timed(lambda t=target: merge(t, packages)))
        report = merge(target, packages)
    print(
        f"work packages: {args.documents:,} articles, {len(NAMES)} annotators, 20% overlap, "
        f"{spans:,} spans; {args.runs} runs, medians"
    )
    print(f"  assign (3 packages written)          {statistics.median(assigning):8.0f} ms")
    print(f"  merge, first time                    {statistics.median(first):8.0f} ms")
    print(f"  merge again (nothing new)            {statistics.median(again):8.0f} ms")
    print(f"  baseline: backup of the project      {statistics.median(copying):8.0f} ms")
    print(f"  baseline: add the {dealt:,} documents    {statistics.median(adding):8.0f} ms")
    print(f"  baseline: read the packages' work    {statistics.median(reading):8.0f} ms")
    print("  " + report.lines()[-1])


if __name__ == "__main__":
    main()
