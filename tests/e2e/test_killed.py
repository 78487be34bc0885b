"""Nothing is lost: a window process killed with SIGKILL after a few edits leaves every edit it
had drawn in the project file (each edit is committed before it is drawn)."""

from __future__ import annotations

import ast
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.store import open_project
from tests.ui.window_helpers import make_project

CHILD = Path(__file__).with_name("annotate_then_wait.py")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_process_keeps_every_edit_it_showed(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(project), str(tmp_path / "settings.ini")],
        stdout=subprocess.PIPE,
        text=True,
    )
    shown: list[tuple[int, int, str]] = []
    steps = 0
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("SHOWN "):
                shown = ast.literal_eval(line[len("SHOWN ") :])
                steps += 1
            elif line.startswith("READY"):
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert steps == 6 and len(shown) == 2  # 4 labels, one undone, one deleted
    with open_project(project, create=False) as repo:
        document_id = repo.document_ids()[0]
        stored = sorted((s.start, s.end, s.label) for s in repo.spans(document_id))
    assert stored == shown
