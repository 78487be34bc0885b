"""Another program on the same project (a second window, `annotator import`), as real second
processes: its work appears without a restart, and an undo of ours whose span it changed since is
refused with a message and taken out of the history, never applied to its work."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from tests.ui.window_helpers import find, key, shown_spans, text_of

ROOT = Path(__file__).resolve().parents[3]

OTHER_WINDOW = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from annotator.core.edits import AddSpan, RemoveSpan
    from annotator.core.model import Span
    from annotator.store import open_project
    with open_project(sys.argv[1], create=False) as repo:
        for span in repo.spans(1):
            if span.label == "PER":
                repo.apply(RemoveSpan(span.id))
        text = repo.document(1).text
        start = text.index("الموصل")
        repo.apply(AddSpan(Span(None, 1, start, start + 6, "LOC", "omar")))
    """
)


def run_other(project: Path) -> None:
    subprocess.run(
        [sys.executable, "-c", OTHER_WINDOW, str(project), str(ROOT)],
        check=True,
        capture_output=True,
    )


def test_undo_after_another_window_deleted_our_span_is_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    text = text_of(window)
    key(window, "Ctrl+Shift+O")  # everyone's spans, omar's too once they come (ADR 0071)
    window.view.set_selection(*find(text, "كارتر"))
    key(window, "1")
    assert window.controller.stack.canUndo()
    run_other(window.project)
    mosul = (text.index("الموصل"), text.index("الموصل") + 6, "LOC")
    qtbot.waitUntil(lambda: mosul in shown_spans(window), timeout=5000)  # no restart needed
    assert not any(label == "PER" for _, _, label in shown_spans(window))
    key(window, "Ctrl+Z")
    assert window.banner.message().startswith("Not undone: Label")
    assert not window.controller.stack.canUndo()  # the step left the history
    assert mosul in shown_spans(window)
    key(window, "Ctrl+Z")  # nothing more to undo: the other window's span stays
    assert mosul in shown_spans(window)


def test_documents_another_program_imports_appear_in_the_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    model = window.controller.document_model
    assert model.rowCount() == 1
    article = tmp_path / "other.txt"
    article.write_text("خبر آخر عن الموصل\n\nنص الخبر.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(window.project), str(article)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert window.status.position.text().endswith(" of \u20662\u2069")
