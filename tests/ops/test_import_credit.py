"""Whose imported spans are: the names in the file, or one annotator for all (docs/adr/0032)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import AnnotatedDocument, Document, Relation, Span, Status
from annotator.ops import export_project, import_paths
from annotator.store import open_project

TEXT = "قال كارتر: «الخطة تمضي». وقالت سارة إن الرقة محاصرة."


def exported(tmp_path: Path) -> Path:
    """A JSONL export of two annotators' work, the same PER span by both, a relation."""
    quote = TEXT.index("الخطة")
    with open_project(tmp_path / "theirs.annot.db") as repo:
        spans = (
            Span(1, 0, 4, 9, "PER", "amal"),
            Span(2, 0, 4, 9, "PER", "sara"),  # the same span, by sara
            Span(3, 0, quote, quote + 10, "QUOTE", "sara"),
            Span(4, 0, TEXT.index("الرقة"), TEXT.index("الرقة") + 5, "LOC", "amal"),
        )
        relations = (Relation(None, "speaker", 3, 2, "sara"),)
        doc = AnnotatedDocument(Document(None, "خبر", TEXT), spans, relations, Status.DONE)
        repo.add_documents([doc], annotator="amal")
        export_project(repo, "jsonl", tmp_path / "out")
    return tmp_path / "out" / "documents.jsonl"


def owners(path: Path) -> tuple[list[tuple[str, str]], list[str], dict[str, Status]]:
    with open_project(path, create=False) as repo:
        [doc_id] = repo.document_ids()
        spans = sorted((s.label, s.annotator) for s in repo.spans(doc_id))
        relations = [r.annotator for r in repo.relations(doc_id)]
        statuses = {a: repo.status(doc_id, a) for a in repo.annotators()}
    return spans, relations, statuses


def test_the_names_in_the_file_are_kept(tmp_path: Path) -> None:
    with open_project(tmp_path / "p.annot.db") as repo:
        report = import_paths(repo, [exported(tmp_path)], annotator="imported")
    assert report.imported == 1 and not report.errors
    spans, relations, _ = owners(tmp_path / "p.annot.db")
    assert spans == [("LOC", "amal"), ("PER", "amal"), ("PER", "sara"), ("QUOTE", "sara")]
    assert relations == ["sara"]


def test_one_annotator_for_all_merges_the_same_span(tmp_path: Path) -> None:
    with open_project(tmp_path / "p.annot.db") as repo:
        report = import_paths(repo, [exported(tmp_path)], annotator="tester", credit_all=True)
    assert report.imported == 1 and not report.errors and report.spans == 3
    spans, relations, statuses = owners(tmp_path / "p.annot.db")
    assert spans == [("LOC", "tester"), ("PER", "tester"), ("QUOTE", "tester")]
    assert relations == ["tester"]  # the quote's speaker is the one PER span left
    assert statuses == {"tester": Status.DONE}
