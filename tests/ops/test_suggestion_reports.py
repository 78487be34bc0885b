"""The reports of the Suggestions menu without the window: the consistency report's places with
their titles and contexts, the quality table's figures (those of ``suggesting.evaluate``)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.core.text import text_sha256
from annotator.ops import suggesting
from annotator.ops.consistency_report import consistency_report, context
from annotator.ops.recommender_quality import measure
from annotator.store import open_project

ARTICLES = [
    "قال كارتر إن الرقة محاصرة منذ أيام.",
    "وصلت القوات إلى الرقة أمس.",
    "وقال مسؤول إن الرقه سقطت.",
]


def project(tmp_path: Path) -> Path:
    """الرقة LOC in the first two articles, ORG (written الرقه) in the third; a quote around
    كارتر's words in the first, which is no inconsistency with an entity."""
    path = tmp_path / "p.annot.db"
    with open_project(path) as repo:
        for n, text in enumerate(ARTICLES):
            doc = Document(None, f"مقال {n}", text, text_sha256(text))
            added = repo.add_document(AnnotatedDocument(doc), annotator="amal")
            assert added is not None and added.id is not None
            document_id = added.id
            at = text.find("الرقة") if n < 2 else text.find("الرقه")
            label = "ORG" if n == 2 else "LOC"
            repo.apply(AddSpan(Span(None, document_id, at, at + 5, label, "amal")))
            if n == 0:
                repo.apply(AddSpan(Span(None, document_id, at, at + 5, "QUOTE", "amal")))
    return path


def test_the_places_of_the_other_label_have_their_title_and_context(tmp_path: Path) -> None:
    with open_project(project(tmp_path), create=False, read_only=True) as repo:
        steps: list[tuple[int, int]] = []
        report = consistency_report(repo, progress=lambda done, total: steps.append((done, total)))
    assert report.spans == 4
    (item,) = report.items  # the QUOTE is of another kind
    assert (item.text, item.counts) == ("الرقة", (("LOC", 2), ("ORG", 1)))
    (place,) = item.places
    assert (place.title, place.label, place.text) == ("مقال 2", "ORG", "الرقه")
    assert (place.before, place.after) == ("وقال مسؤول إن ", " سقطت.")
    assert steps == [(1, 1)]  # only the document holding a place of the other label is read
    with open_project(tmp_path / "p.annot.db", create=False, read_only=True) as repo:
        assert consistency_report(repo, annotator="omar").items == []


def test_context_is_one_line_and_says_where_it_was_cut() -> None:
    text = "أ" * 50 + "\nالرقة\n\n" + "ب" * 50
    before, after = context(text, 51, 56, width=10)
    assert before == "…" + "أ" * 9 + " "
    assert after == " " + "ب" * 8 + "…"
    assert context("الرقة", 0, 5) == ("", "")


def test_the_quality_table_is_evaluates_with_what_it_was_computed_on(tmp_path: Path) -> None:
    path = project(tmp_path)
    with open_project(path, create=False) as repo:
        for document_id in repo.document_ids()[:2]:
            repo.apply(SetStatus(document_id, "amal", Status.DONE))
    with open_project(path, create=False, read_only=True) as repo:
        report = measure(repo)
        documents, table = suggesting.evaluate(repo, ["memory", "quotes"])
    assert (report.documents, report.table) == (documents, table) == (2, table)
    assert report.spans == 3  # two LOC, one QUOTE: the places gold holds
    assert set(report.left_out) == {"gazetteer", "model", "spacy"}  # no list, model, pipeline
    memory_loc = next(q for q in table if (q.recommender, q.label) == ("memory", "LOC"))
    assert (memory_loc.right, memory_loc.gold) == (2, 2)
