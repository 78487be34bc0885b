"""The two reports of the Suggestions menu on a project of more than 10,000 spans (issue 11,
docs/adr/0061): does the consistency report need a Job (more than 50 ms), and how long does the
quality table take?

Usage: python benchmarks/bench_reports.py [--runs N] [--documents N] [--done N]

The project: ANERcorp (tests/fixtures/ANERCorp.txt) cut into documents of 15 sentences, read
through the real import (every entity a span: about 11,000 spans in 260 documents), in a
temporary folder; ``--done`` of them marked done. Printed, medians of the runs, each on a
connection of its own as the window's Job has: reading the spans' rows (the baseline: what the
report cannot do without), ``core.consistency.inconsistencies`` over them, the whole report with
each place's title and context (``ops.consistency_report``), and ``ops.recommender_quality
.measure`` over the documents done.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.consistency import inconsistencies  # noqa: E402
from annotator.core.edits import SetStatus  # noqa: E402
from annotator.core.model import Status  # noqa: E402
from annotator.ops.consistency_report import consistency_report  # noqa: E402
from annotator.ops.importing import import_paths  # noqa: E402
from annotator.ops.recommender_quality import measure  # noqa: E402
from annotator.store import Repository, open_project  # noqa: E402

ANERCORP = ROOT / "tests" / "fixtures" / "ANERCorp.txt"
SENTENCES = 15


def build(folder: Path, documents: int, done: int) -> Path:
    sentences: list[list[str]] = [[]]
    for line in ANERCORP.read_text(encoding="utf-8").splitlines():
        sentences[-1].append(line)
        if line == ". O":
            sentences.append([])
    files = []
    for n in range(min(documents, len(sentences) // SENTENCES)):
        part = sentences[n * SENTENCES : (n + 1) * SENTENCES]
        path = folder / f"anercorp-{n:04}.txt"
        path.write_text("\n".join(line for s in part for line in s) + "\n", encoding="utf-8")
        files.append(path)
    project = folder / "anercorp.annot.db"
    with open_project(project) as repo:
        import_paths(repo, files, annotator="bench")
        for document_id in repo.document_ids()[:done]:
            repo.apply(SetStatus(document_id, "bench", Status.DONE))
    return project


def median_ms(project: Path, runs: int, work: Callable[[Repository], object]) -> float:
    times = []
    for _ in range(runs):
        with open_project(project, create=False, read_only=True) as repo:
            started = time.perf_counter()
            work(repo)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--documents", type=int, default=10_000, help="at most (ANERcorp's)")
    parser.add_argument("--done", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = build(Path(folder), args.documents, args.done)
        with open_project(project, create=False, read_only=True) as repo:
            rows = repo.labelled_places()
            labels = repo.labels()
            report = consistency_report(repo)
            documents = len(repo.document_ids())
        places = sum(len(item.places) for item in report.items)
        print(
            f"project: {documents} documents, {len(rows)} spans, {len(report.items)} texts "
            f"labelled differently, {places} places of their other labels; {args.done} done"
        )
        read = median_ms(project, args.runs, lambda r: r.labelled_places())
        compare = median_ms(
            project, args.runs, lambda r: inconsistencies(r.labelled_places(), labels)
        )
        whole = median_ms(project, args.runs, consistency_report)
        quality = median_ms(project, max(1, args.runs // 3), measure)
        print(f"baseline: the spans' rows read          {read:8.1f} ms")
        print(f"rows + inconsistencies                  {compare:8.1f} ms")
        print(f"the whole report (titles, contexts)     {whole:8.1f} ms  (> 50 ms: on a Job)")
        print(f"quality table over {args.done} done documents  {quality:8.1f} ms")


if __name__ == "__main__":
    main()
