"""The fuzz suite's long run: hostile variants of real files of every format, imported for real.

Usage: python benchmarks/fuzz_import.py [--cases N] [--formats text,jsonl,...] [--seed S]
                                        [--show K]

For each format, N cases (default 2,500) drawn by the strategies of tests/fuzz/mutate.py go
through the real ``import_paths`` into a real project file (tests/fuzz/harness.py judges each).
Printed per format: cases, documents imported, clean errors (one line naming the file),
skipped (a folder import that found nothing to read), and the failures: crashes (an exception,
or the importer's bug net), partial writes (a refused file that changed the project), bad
messages (more than one line, unprintable, not naming the file), projects that ``check``
rejects after an import. The first K failures of each kind are printed with their mutations.
Exit code 1 if any failure. Not a test: ``make test`` runs the same cases, bounded.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from annotator.store import open_project  # noqa: E402
from tests.fuzz.harness import FAILURES, OUTCOMES, run_case  # noqa: E402
from tests.fuzz.mutate import Case, hostile_cases  # noqa: E402
from tests.fuzz.seeds import FORMATS, seeds  # noqa: E402

COLUMNS = ("imported", "refused", "skipped", "crash", "partial", "message", "check")
HEADINGS = ("imported", "clean errors", "skipped", "crashes", "partial writes", "bad messages",
            "check fails")  # fmt: skip


def run_format(fmt: str, cases: int, root: Path, random_seed: int) -> tuple[Counter[str], list]:
    counts: Counter[str] = Counter()
    failures: list[tuple[str, str, tuple[str, ...]]] = []
    folder = root / fmt.replace("-", "_")
    folder.mkdir()
    numbers = iter(range(10**9))
    with open_project(folder / "fuzz.annot.db") as repo:

        @seed(random_seed)
        @settings(
            max_examples=cases,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=hostile_cases(fmt))
        def one(case: Case) -> None:
            result = run_case(repo, case, folder / f"case-{next(numbers)}")
            counts[result.outcome] += 1
            if not result.ok:
                failures.append((result.outcome, result.detail, case.how))

        one()
    return counts, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=2500, help="cases per format")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=3, help="failures shown per kind")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if seeds().get(f)]
    widths = [max(len(h), 7) for h in HEADINGS]
    print(
        f"{'format':<12} {'cases':>7} "
        + " ".join(f"{h:>{w}}" for h, w in zip(HEADINGS, widths, strict=True))
    )
    total: Counter[str] = Counter()
    shown: list[tuple[str, str, str, tuple[str, ...]]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            counts, failures = run_format(fmt, args.cases, Path(tmp), args.seed)
            total += counts
            n = sum(counts.values())
            cells = " ".join(f"{counts[c]:>{w},}" for c, w in zip(COLUMNS, widths, strict=True))
            print(f"{fmt:<12} {n:>7,} {cells}", flush=True)
            per_kind: Counter[str] = Counter()
            for outcome, detail, how in failures:
                per_kind[outcome] += 1
                if per_kind[outcome] <= args.show:
                    shown.append((fmt, outcome, detail, how))
    n = sum(total.values())
    cells = " ".join(f"{total[c]:>{w},}" for c, w in zip(COLUMNS, widths, strict=True))
    print(f"{'all':<12} {n:>7,} {cells}")
    print(f"{time.perf_counter() - started:.0f} s; outcomes: {', '.join(OUTCOMES)}")
    for fmt, outcome, detail, how in shown:
        print(f"\n[{fmt}] {outcome}: {'; '.join(how)}\n{detail.rstrip()[-2000:]}")
    return 1 if any(total[f] for f in FAILURES) else 0


if __name__ == "__main__":
    sys.exit(main())
