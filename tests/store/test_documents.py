"""Adding documents, duplicates, validation, the document list and exports' iteration."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.edits import SetStatus
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import (
    AnnotatedDocument,
    Document,
    Kind,
    Relation,
    Span,
    Status,
    reading_order,
    sorted_spans,
)
from annotator.core.text import canonical_text, text_sha256
from annotator.store import Repository, open_project
from tests.strategies import text_with_spans

from .conftest import annotated_article, dump


def plain(title: str, text: str) -> AnnotatedDocument:
    return AnnotatedDocument(Document(None, title, text))


def test_add_document_assigns_ids_and_remaps_relations(repo: Repository, article: str) -> None:
    item = annotated_article(article)
    doc = repo.add_document(item, annotator="ali")
    assert doc is not None and doc.id == 1
    assert doc.text == article and doc.text_sha256 == text_sha256(article)
    assert doc.imported_at.endswith("+00:00") and doc.meta == {"lang": "ar"}
    assert repo.document(1) == doc
    spans = repo.spans(1)
    assert [s.text_in(article) for s in spans] == [
        s.text_in(article) for s in sorted_spans(item.spans)
    ]
    assert {s.annotator for s in spans} == {"ali"}
    assert [s.attributes for s in spans if s.attributes] == [{"note": "مدينة"}]
    quote = next(s for s in spans if s.label == "QUOTE")
    carter = next(s for s in spans if s.label == "PER")
    assert repo.relations(1) == [Relation(1, "speaker", quote.id, carter.id, "ali")]  # type: ignore[arg-type]
    assert repo.annotators() == ["ali"]
    assert repo.has_text_hash(text_sha256(article))
    assert not repo.has_text_hash(text_sha256("غيره"))


def test_duplicate_text_is_skipped(repo: Repository, article: str) -> None:
    assert repo.add_document(annotated_article(article)) is not None
    before = dump(repo.path)
    again = replace(annotated_article(article), document=Document(None, "another title", article))
    assert repo.add_document(again) is None
    assert dump(repo.path) == before
    added, duplicates = repo.add_documents(
        [plain("a", "نص أول"), plain("b", article), plain("c", "نص أول"), plain("d", "نص ثان")]
    )
    assert [d.title for d in added] == ["a", "d"] and duplicates == 2


def test_spans_keep_their_own_annotator_and_timestamps(repo: Repository) -> None:
    span = Span(None, 0, 0, 3, "LOC", "sara", "2020-01-01T00:00:00.000000+00:00")
    doc = repo.add_document(
        AnnotatedDocument(Document(None, "t", "بغداد اليوم"), (span,)), annotator="ali"
    )
    assert doc is not None and doc.id is not None
    [stored] = repo.spans(doc.id)
    assert stored.annotator == "sara"
    assert stored.created == stored.updated == "2020-01-01T00:00:00.000000+00:00"
    assert repo.annotators() == ["ali", "sara"]


BAD = [
    pytest.param(AnnotatedDocument(Document(None, "t", "")), "text is empty", id="empty"),
    pytest.param(AnnotatedDocument(Document(None, "t", "\ufeffنص")), "canonical", id="bom"),
    pytest.param(AnnotatedDocument(Document(None, "t", "سطر\r\nسطر")), "canonical", id="crlf"),
    pytest.param(
        AnnotatedDocument(Document(None, "t", "نص", text_sha256="0" * 64)), "sha256", id="sha"
    ),
    pytest.param(
        AnnotatedDocument(Document(None, "t", "نص", meta={"x": object()})), "JSON", id="meta"
    ),
    pytest.param(
        AnnotatedDocument(Document(None, "t", "بغداد"), (Span(7, 0, 2, 9, "LOC"),)),
        r"span 7 \(LOC at 2-9\): must satisfy 0 <= start < end <= 5",
        id="beyond",
    ),
    pytest.param(
        AnnotatedDocument(Document(None, "t", "بغداد"), (Span(None, 0, 3, 3, "LOC"),)),
        "span 1",
        id="empty-span",
    ),
    pytest.param(
        AnnotatedDocument(Document(None, "t", "بغداد"), (Span(1, 0, 0, 5, "PERS"),)),
        "unknown label 'PERS'",
        id="label",
    ),
    pytest.param(
        AnnotatedDocument(
            Document(None, "t", "بغداد"), (Span(1, 0, 0, 5, "LOC"), Span(2, 0, 0, 5, "LOC"))
        ),
        "appears twice",
        id="duplicate-span",
    ),
    pytest.param(
        AnnotatedDocument(
            Document(None, "t", "بغداد"),
            (Span(1, 0, 0, 5, "LOC"),),
            (Relation(None, "speaker", 1, 2),),
        ),
        "both spans must be spans of this document",
        id="relation",
    ),
]


@pytest.mark.parametrize(("item", "message"), BAD)
def test_invalid_document_writes_nothing(
    repo: Repository, item: AnnotatedDocument, message: str
) -> None:
    before = dump(repo.path)
    with pytest.raises(ValidationError, match=message):
        repo.add_document(item)
    assert dump(repo.path) == before


def test_add_documents_batches_and_on_invalid(repo: Repository) -> None:
    items = [plain(f"خبر {i}", f"نص الخبر رقم {i}") for i in range(12)]
    items[5] = AnnotatedDocument(Document(None, "bad", "قصير"), (Span(None, 0, 0, 99, "LOC"),))
    refused: list[str] = []
    added, duplicates = repo.add_documents(
        items, batch=4, on_invalid=lambda item, exc: refused.append(item.document.title)
    )
    assert [d.id for d in added] == list(range(1, 12)) and duplicates == 0
    assert refused == ["bad"]
    with pytest.raises(ValidationError):  # without on_invalid the batch is refused whole
        repo.add_documents([plain("x", "نص جديد"), items[5]], batch=10)
    assert repo.count_documents() == 11


def test_imported_status(repo: Repository) -> None:
    item = replace(plain("t", "نص"), status=Status.DONE)
    doc = repo.add_document(item, annotator="ali")
    assert doc is not None and doc.id is not None
    assert repo.status(doc.id, "ali") is Status.DONE
    assert repo.status(doc.id, "sara") is Status.NEW
    assert repo.annotated(doc.id).status is Status.DONE
    assert repo.annotated(doc.id, annotator="sara").status is Status.NEW


def test_not_found(repo: Repository) -> None:
    for call in (repo.document, repo.annotated, repo.span):
        with pytest.raises(NotFoundError, match="42 does not exist"):
            call(42)


@pytest.fixture
def listed(repo: Repository) -> Repository:
    titles = ["واشنطن تجدد دعمها", "الموصل والرقة", "100% أكيد", "under_score", "واشنطن ثانية"]
    repo.add_documents(plain(t, f"نص {i} " * (i + 1)) for i, t in enumerate(titles))
    repo.apply(SetStatus(2, "ali", Status.DONE))
    repo.apply(SetStatus(4, "ali", Status.IN_PROGRESS))
    repo.apply(SetStatus(5, "sara", Status.DONE))
    return repo


def test_summaries_and_filters(listed: Repository) -> None:
    rows = listed.summaries(annotator="ali")
    assert [(r.id, r.status) for r in rows] == [
        (1, Status.NEW), (2, Status.DONE), (3, Status.NEW), (4, Status.IN_PROGRESS),
        (5, Status.NEW),
    ]  # fmt: skip
    assert rows[0].length == len("نص 0 ") and rows[0].span_count == 0
    assert [r.id for r in listed.summaries(annotator="ali", status=Status.NEW)] == [1, 3, 5]
    assert [r.id for r in listed.summaries(search="واشنطن")] == [1, 5]
    assert [r.id for r in listed.summaries(search="%")] == [3]  # LIKE wildcards are literal
    assert [r.id for r in listed.summaries(search="_")] == [4]
    assert [r.id for r in listed.summaries(offset=1, limit=2)] == [2, 3]
    assert listed.count_summaries() == 5
    assert listed.count_summaries(annotator="sara", status=Status.DONE) == 1
    assert listed.count_summaries(annotator="ali", status=Status.NEW, search="واشنطن") == 2
    assert listed.position(5, annotator="ali", status=Status.NEW) == 2
    assert listed.position(2, annotator="ali", status=Status.NEW) == -1
    assert listed.position(4) == 3
    assert listed.document_ids() == [1, 2, 3, 4, 5]


def test_iter_annotated_filters(repo: Repository, article: str) -> None:
    doc = repo.add_document(annotated_article(article), annotator="ali")
    other = repo.add_document(plain("other", "نص آخر"))
    assert doc is not None and other is not None and doc.id is not None
    repo.apply(SetStatus(doc.id, "ali", Status.DONE))
    assert [d.document.id for d in repo.iter_annotated()] == [doc.id, other.id]
    [done] = repo.iter_annotated(status=Status.DONE)
    assert done.document.id == doc.id and done.status is Status.DONE
    assert len(done.spans) == 4 and len(done.relations) == 1
    [new] = repo.iter_annotated(status=Status.NEW)
    assert new.document.id == other.id
    assert [d.document.id for d in repo.iter_annotated(status=Status.NEW, annotator="sara")] == [
        doc.id, other.id,
    ]  # fmt: skip
    [locs] = repo.iter_annotated(status=Status.DONE, labels={"LOC"})
    assert {s.label for s in locs.spans} == {"LOC"} and locs.relations == ()
    [nobody] = list(repo.iter_annotated(annotator="sara"))[:1]
    assert nobody.spans == () and nobody.status is Status.NEW


ANNOTATORS = st.sampled_from((("amal",), ("sara",), ("amal", "sara"), ("sara", "amal")))


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_the_store_sorts_spans_in_core_reading_order(data: st.DataObject) -> None:
    """``rows.SPAN_ORDER`` (SQL) is ``core.model.reading_order``: the same places marked by two
    annotators (so that ids break ties), added in any order, non-ASCII labels compared alike."""
    text, raw = data.draw(text_with_spans(labels=("PER", "LOC", "شخص", "Ünï", "😀")))
    text = canonical_text(text) or "x"
    places = sorted({(s, e, lb) for s, e, lb in raw if e <= len(text)})
    spans = [Span(None, 0, s, e, lb, who) for s, e, lb in places for who in data.draw(ANNOTATORS)]
    spans = data.draw(st.permutations(spans))
    with tempfile.TemporaryDirectory() as tmp, open_project(Path(tmp) / "p.annot.db") as repo:
        for name in ("شخص", "Ünï", "😀"):
            repo.ensure_label(name, Kind.ENTITY)
        doc = repo.add_document(AnnotatedDocument(Document(None, "t", text), tuple(spans)))
        assert doc is not None and doc.id is not None
        stored = repo.spans(doc.id)
        assert len(stored) == len(spans)
        assert stored == sorted(data.draw(st.permutations(stored)), key=reading_order)
        assert stored == sorted_spans(stored)
        assert list(repo.annotated(doc.id).spans) == stored


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: replace(d, document=replace(d.document, text="نص \ud800 هنا")), "the text"),
        (lambda d: replace(d, document=replace(d.document, title="\udfff")), "the title"),
        (lambda d: replace(d, document=replace(d.document, meta={"k": "\ud83d"})), "metadata"),
        (
            lambda d: replace(d, spans=(replace(d.spans[0], annotator="\ud800"), *d.spans[1:])),
            "the annotator",
        ),
    ],
)
def test_a_lone_surrogate_is_refused_and_nothing_is_written(
    repo: Repository, article: str, change: object, words: str
) -> None:
    """json.loads turns a broken "\\ud800" escape into a str SQLite cannot encode: a typed
    ValidationError naming the field, not a UnicodeEncodeError, and nothing written."""
    before = dump(repo.path)
    item = change(annotated_article(article))  # type: ignore[operator]
    with pytest.raises(ValidationError, match=f"{words} holds a lone UTF-16 surrogate"):
        repo.add_document(item)
    assert dump(repo.path) == before


def test_a_label_with_a_lone_surrogate_is_a_validation_error(repo: Repository) -> None:
    before = dump(repo.path)
    with pytest.raises(ValidationError, match="lone UTF-16 surrogate U\\+D800"):
        repo.ensure_label("X\ud800", Kind.ENTITY)
    assert dump(repo.path) == before


@settings(max_examples=40, deadline=None)
@given(text_with_spans())
def test_span_texts_are_the_spans_code_point_slices(case: tuple[str, list]) -> None:
    """SQLite's substr must count code points like Python (emoji, tashkeel, ZWNJ)."""
    text, raw = case
    spans = tuple(
        Span(i, 0, start, end, label) for i, (start, end, label) in enumerate(set(raw), 1)
    )
    with tempfile.TemporaryDirectory() as tmp, open_project(Path(tmp) / "p.annot.db") as repo:
        repo.add_document(AnnotatedDocument(Document(None, "t", text), spans))
        assert sorted(repo.span_texts()) == sorted({text[s.start : s.end] for s in spans})
        assert len(repo.span_texts(recent=1)) <= 1
