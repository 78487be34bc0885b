"""An import cancelled between files (the window's Cancel: its progress callback raises
Cancelled) keeps the files read so far, each whole, and names the first file it did not import."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import Cancelled
from annotator.ops import import_paths
from annotator.ops.importing import ImportStopped
from annotator.store import open_project


def articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"{n:03}.txt"
        path.write_text(f"خبر رقم {n}\n\nقال كارتر في لندن إن العدد {n} كبير.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_a_cancel_between_files_keeps_those_read_and_names_the_next(tmp_path: Path) -> None:
    paths = articles(tmp_path / "news", 12)

    def reading(done: int, total: int, path: Path) -> None:
        if done == 5:  # before the sixth file is read
            raise Cancelled("the import")

    with open_project(tmp_path / "p.annot.db") as repo:
        with pytest.raises(ImportStopped) as stopped:
            import_paths(repo, [tmp_path / "news"], annotator="amal", reading=reading)
        titles = sorted(repo.document(i).title for i in repo.document_ids())
    assert titles == [f"خبر رقم {n}" for n in range(5)]  # the five read, whole
    message = str(stopped.value)
    assert message.startswith("the import was cancelled — the import stopped: 5 document(s)")
    assert f"not imported: {paths[5]} and 6 file(s) after it" in message
    assert "import again to add the rest" in message and "\n" not in message
    assert stopped.value.report.imported == 5
