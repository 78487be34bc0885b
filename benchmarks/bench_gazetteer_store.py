"""Keeping a 10,000-name gazetteer in the project (issue 11, docs/adr/0059).

Usage: python benchmarks/bench_gazetteer_store.py [--runs N]

The names of bench_gazetteer.py (ANERcorp's entity texts, padded to 10,000), written as a TSV
file. Printed: the median of the runs for ``annotator gazetteer PROJECT add FILE``'s work
(read the file, store the list in one transaction; a new project file each run), for reading
the project's lists back as Gazetteers (what each ``suggest`` run does), and, as the baseline
from the same run, reading the TSV file alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gazetteer import anercorp, entity_names, median_ms  # noqa: E402

from annotator.core.model import DEFAULT_LABELS  # noqa: E402
from annotator.formats.gazetteer import read_gazetteer  # noqa: E402
from annotator.store import open_project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    names = entity_names(anercorp())
    with tempfile.TemporaryDirectory() as folder:
        tsv = Path(folder) / "names.tsv"
        tsv.write_text("".join(f"{n}\t{lb}\n" for n, lb in names), encoding="utf-8")
        made = iter(range(10_000))

        def add() -> None:
            with open_project(Path(folder) / f"p{next(made)}.annot.db") as repo:
                repo.add_gazetteer(read_gazetteer(tsv, repo.labels()), source=str(tsv))

        stored = median_ms(add, runs)
        with open_project(Path(folder) / "read.annot.db") as repo:
            repo.add_gazetteer(read_gazetteer(tsv, repo.labels()))
            back = median_ms(repo.gazetteers, runs)
        baseline = median_ms(lambda: read_gazetteer(tsv, DEFAULT_LABELS), runs)
    print(f"gazetteer kept in the project: {len(names):,} names; {runs} runs, medians")
    print(f"  add: read the file and store it     {stored:8.1f} ms (a new project each run)")
    print(f"  read the lists back as Gazetteers   {back:8.1f} ms")
    print(f"  baseline: read the TSV file alone   {baseline:8.1f} ms")


if __name__ == "__main__":
    main()
