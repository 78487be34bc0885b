"""export_project: filters, report file, progress, bad format or labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.formats.base import ExportOptions
from annotator.ops import check_project, export_project, project_stats
from annotator.ops.exporting import NothingToExport
from annotator.store import Repository, open_project

TEXT = "قال كارتر في لندن إن الرقة محاصرة."


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    with open_project(tmp_path / "p.annot.db") as r:
        docs = [
            AnnotatedDocument(
                Document(None, "أول", TEXT),
                (Span(1, 0, 4, 9, "PER", "amal"), Span(2, 0, 13, 17, "LOC", "amal")),
                status=Status.DONE,
            ),
            AnnotatedDocument(Document(None, "ثان", "نص ثان بلا شيء"), ()),
        ]
        r.add_documents(docs, annotator="amal")
        yield r  # type: ignore[misc]


def lines(out: Path) -> list[dict[str, object]]:
    content = (out / "documents.jsonl").read_text(encoding="utf-8")
    return [json.loads(x) for x in content.splitlines()]


def test_export_all_with_progress(repo: Repository, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    report = export_project(
        repo, "jsonl", tmp_path / "out", progress=lambda d, t: seen.append((d, t))
    )
    assert report.documents == 2
    assert seen == [(1, 2), (2, 2)]
    assert [r["title"] for r in lines(tmp_path / "out")] == ["أول", "ثان"]
    assert (tmp_path / "out" / "export-report.txt").is_file()


def test_filters(repo: Repository, tmp_path: Path) -> None:
    export_project(repo, "jsonl", tmp_path / "done", status=Status.DONE, labels=["LOC"])
    [record] = lines(tmp_path / "done")
    assert [s["label"] for s in record["spans"]] == ["LOC"]  # type: ignore[index]
    with pytest.raises(NothingToExport, match="no span matches the filters"):
        export_project(repo, "jsonl", tmp_path / "nobody", annotator="someone-else")
    assert not (tmp_path / "nobody" / "documents.jsonl").exists()


def test_the_report_names_the_filters_and_counts_what_they_left_out(
    repo: Repository, tmp_path: Path
) -> None:
    report = export_project(repo, "jsonl", tmp_path / "loc", labels=["LOC"])
    text = (tmp_path / "loc" / "export-report.txt").read_text(encoding="utf-8")
    assert "filters: labels: LOC" in text
    assert "left out by the filters: 1 span(s) and 0 relation(s)" in text  # the PER span
    assert report.filtered_out == ["1 span(s) and 0 relation(s)"]
    plain = export_project(repo, "jsonl", tmp_path / "all")
    assert plain.filters == [] and "filters" not in plain.to_text()


def test_unknown_format_and_label(repo: Repository, tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="no exporter"):
        export_project(repo, "xml", tmp_path)
    with pytest.raises(ValidationError, match="PRR"):
        export_project(repo, "jsonl", tmp_path, labels=["PRR"])


def test_check_and_stats(repo: Repository) -> None:
    assert check_project(repo.path) == []
    stats = project_stats(repo)
    assert stats.documents == 2
    assert stats.spans_by_label["PER"] == 1


def test_segment_tokens_use_the_whole_project_as_evidence(tmp_path: Path) -> None:
    """The span الرقة of one document makes والرقة split in another, unlabelled, also when
    the export's label filter leaves that span out: tokens do not change with filters."""
    project = tmp_path / "segment.annot.db"
    first = "سيطرت القوات على الرقة أمس."
    second = "وصل الوفد إلى والرقة وقال إن الوضع هادئ."
    with open_project(project) as repo:
        repo.add_document(
            AnnotatedDocument(Document(None, "أول", first), (Span(None, 0, 17, 22, "LOC"),))
        )
        delegation = Span(None, 0, 4, 9, "ORG")
        repo.add_document(AnnotatedDocument(Document(None, "ثان", second), (delegation,)))
        for labels in (None, ["ORG"]):
            out = tmp_path / f"out-{labels}"
            options = ExportOptions(tokens="segment")
            report = export_project(repo, "conll", out, options=options, labels=labels)
            text = (out / "entity.conll").read_text(encoding="utf-8")
            assert "و _ _ O\nالرقة _ _ O\n" in text  # unlabelled, split on the project's evidence
            assert "الرقة _ _ B-LOC\n" in text or labels == ["ORG"]
            assert report.proclitics_split >= 1 and report.widened == []
        export_project(repo, "conll", tmp_path / "whole")
        assert "والرقة _ _ O\n" in (tmp_path / "whole" / "entity.conll").read_text("utf-8")
