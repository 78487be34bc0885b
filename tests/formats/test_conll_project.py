"""The ANERcorp round trip through a real project file: import, then export --tokens whole."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Kind
from annotator.formats.base import ExportOptions
from annotator.ops import export_project, import_paths
from annotator.store import open_project
from tests.formats.format_helpers import ANERCORP


def test_anercorp_through_a_project_file(tmp_path: Path) -> None:
    with open_project(tmp_path / "anercorp.annot.db") as repo:
        report = import_paths(repo, [ANERCORP], fmt="conll")
        assert report.errors == [] and report.imported == 98
        assert repo.labels().kind_of("PERS") is Kind.ENTITY
        export_project(repo, "conll", tmp_path / "out", options=ExportOptions(tokens="whole"))
    expected = []
    for line in ANERCORP.read_text(encoding="utf-8").split("\n"):
        fields = line.split()
        if not fields or (line[:1] == " " and len(fields) == 1):
            continue  # a line with an empty token
        token = fields[0].replace("\u200e", "").replace("\u200f", "")
        if token:  # not a token made only of direction marks
            expected.append((token, fields[-1]))
    out = (tmp_path / "out" / "entity.conll").read_text(encoding="utf-8")
    got = [
        (fields[0], fields[3])
        for fields in (line.split(" ") for line in out.split("\n"))
        if len(fields) == 4 and fields[0] != "-DOCSTART-"
    ]
    assert got == expected
    report_text = (tmp_path / "out" / "export-report.txt").read_text(encoding="utf-8")
    assert "spans widened to whole tokens: 0" in report_text
    assert "spans not expressed: 0" in report_text
