"""bench_gazetteer.py runs to its end: 10,000 names, both articles, the quality table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_gazetteer_runs() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_gazetteer.py"), "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("gazetteer: 10,000 names")
    assert done.stdout.count("baseline: one token_offsets") == 2
    assert "(6,000 tokens" in done.stdout
    rows = [line.split()[0] for line in done.stdout.splitlines()[-5:]]
    assert rows == ["LOC", "MISC", "ORG", "PER", "all"]
