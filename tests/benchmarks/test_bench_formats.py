"""bench_formats.py runs to its end without spaCy: the DocBin row is skipped with a message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "ANERCorp.txt"

HIDE_SPACY = (
    "import runpy, sys; sys.modules['spacy'] = None; "
    "sys.argv = ['bench_formats.py', sys.argv[1], '--runs', '1']; "
    "runpy.run_path({script!r}, run_name='__main__')"
)


def test_bench_formats_skips_spacy_when_it_is_not_installed(tmp_path: Path) -> None:
    corpus = tmp_path / "ANERCorp.txt"
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()[:3000]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = str(ROOT / "benchmarks" / "bench_formats.py")
    done = subprocess.run(
        [sys.executable, "-c", HIDE_SPACY.format(script=script), str(corpus)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "spacy export (DocBin): skipped, spaCy is not installed" in done.stdout
    assert "conll export of the project" in done.stdout  # the rows after it still run
