"""benchmarks/bench_agreement.py runs (on 30 documents, one run) and prints its figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "bench_agreement.py"


def test_the_benchmark_runs_small() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--documents", "30", "--words", "150", "--runs", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("30 documents × 3 annotators")
    assert any("agreement_report" in line for line in lines)
    assert lines[-1].startswith("  Krippendorff's alpha 0.")
