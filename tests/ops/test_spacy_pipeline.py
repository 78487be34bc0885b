"""The spaCy pipeline behind the ``spacy`` recommender (docs/adr/0078): loaded once per
directory and files, spaCy imported only when a pipeline runs, and one line when spaCy is not
installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.ops import spacy_pipeline as pipelines

ROOT = Path(__file__).parents[2]


def test_the_loaded_pipeline_is_kept_until_its_files_change(
    spacy_pipeline: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(spacy_pipeline, copy)
    first = pipelines.load(copy, "sc")
    assert pipelines.load(copy, "sc") is first
    first.to_disk(copy)  # trained again into the same directory
    assert pipelines.load(copy, "sc") is not first


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_application_starts_without_importing_spacy() -> None:
    done = python(
        "import sys\n"
        "import annotator.cli.main, annotator.ops.suggesting, annotator.ui.main_window\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    assert done.returncode == 0, done.stderr


def test_without_spacy_the_recommender_says_so_in_one_line(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    project = tmp_path / "p.annot.db"
    pipeline = tmp_path / "pipeline"
    pipeline.mkdir()
    (pipeline / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    done = python(
        "import sys\n"
        "sys.modules['spacy'] = None  # as if it were not installed\n"
        "from annotator.cli.main import cli\n"
        "from annotator.store import open_project\n"
        f"with open_project({str(project)!r}): pass\n"
        f"cli(['suggest', {str(project)!r}, '--pipeline', {str(pipeline)!r}])\n"
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        "Error: spaCy is not installed: pip install spacy (or the project's spacy extra)"
    ]
