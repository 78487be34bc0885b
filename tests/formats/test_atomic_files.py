"""AtomicFiles: an export is all there or not there, and readable like any file the user makes."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from annotator.core.model import DEFAULT_LABELS
from annotator.formats import brat, conll
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport
from tests.formats.format_helpers import sample_doc


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_exported_files_get_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        conll.WRITER.write(
            [sample_doc()], DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport()
        )
    finally:
        os.umask(old)
    for path in tmp_path.iterdir():  # not mkstemp's 0600: a brat server or a colleague reads them
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name


def test_a_folder_in_the_way_renames_nothing_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "doc-000002.ann").mkdir()  # the second document's .ann cannot be written
    with pytest.raises(IsADirectoryError) as err:
        brat.WRITER.write(
            [sample_doc(1), sample_doc(2)],
            DEFAULT_LABELS,
            tmp_path,
            ExportOptions(),
            ExportReport(),
        )
    assert "doc-000002.ann" in str(err.value)
    assert [p.name for p in tmp_path.iterdir()] == ["doc-000002.ann"]  # no half export


def test_a_failed_rename_removes_the_temporary_files_left(tmp_path: Path) -> None:
    files = AtomicFiles()
    files.write_text(tmp_path / "a.txt", "a")
    files.write_text(tmp_path / "b.txt", "b")
    tmp_b, _ = files._pending[1]
    files._pending[1] = (tmp_b, tmp_path / "no such folder" / "b.txt")  # this rename fails
    with pytest.raises(FileNotFoundError):
        files.commit()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind
