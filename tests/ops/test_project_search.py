"""Project-wide search and label-all (issue 11, docs/adr/0060): the texts' index finds exactly
what find_words / occurrences find running over every document's text, on articles made of
ANERcorp's sentences, in a real project file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan
from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.occurrences import occurrences
from annotator.core.search import SearchIndex, find_words
from annotator.ops.project_search import label_everywhere, label_hits, search_project
from annotator.store import Repository, open_project

from .anercorp_articles import articles, names

TEXTS = articles(60, 250)
NAMES = names(60 * 250)
INDEXES = [SearchIndex(t) for t in TEXTS]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Repository]:
    path = Path(tmp_path_factory.mktemp("search")) / "p.annot.db"
    with open_project(path) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, f"مقال {i}", text)) for i, text in enumerate(TEXTS)
        )
        # a few LOC spans already there: label-all leaves them (and what they cover) alone
        first = TEXTS[0]
        for name in NAMES[:5]:
            for a, b in find_words(first, name)[:1]:
                repo.apply(AddSpan(Span(None, 1, a, b, "LOC", "amal")))
        yield repo


def _queries() -> list[str]:
    # names as tagged, the same without tashkeel / with other hamza forms, short keys (scanned,
    # not indexed), words of two letters, a word inside others (مصر in مصرف)
    varied = [n.replace("أ", "ا").replace("ة", "ه") for n in NAMES[:40]]
    return [*NAMES[:50], *varied[:20], "في", "من", "مصر", "ال", "الرئيس", "قال", "عبد الله", "x"]


def test_search_finds_what_find_words_finds_in_every_text(project: Repository) -> None:
    for query in _queries():
        found = {
            (d.document_id, h.start, h.end) for d in search_project(project, query) for h in d.hits
        }
        brute = {
            (i + 1, a, b)
            for i, text in enumerate(TEXTS)
            for a, b in find_words(text, query, INDEXES[i])
        }
        assert found == brute, query


def test_label_everywhere_is_occurrences_over_every_text(project: Repository) -> None:
    labels = project.labels()
    spans = {d: [(s.start, s.end) for s in project.spans(d)] for d in project.document_ids()}
    for query in _queries()[:60]:
        made = label_everywhere(project, query, "LOC", "amal", labels)
        got = sorted((e.span.document_id, e.span.start, e.span.end) for e in made.edit.edits)  # type: ignore[attr-defined]
        brute = sorted(
            (i + 1, a, b)
            for i, text in enumerate(TEXTS)
            for a, b in occurrences(text, query, spans.get(i + 1, []), INDEXES[i])
        )
        assert got == brute, query
        assert made.spans == len(brute)
        assert made.documents == len({d for d, _, _ in brute})


def test_hits_under_a_span_of_the_kind_are_left_alone(project: Repository) -> None:
    labelled = project.spans(1)[0]
    query = TEXTS[0][labelled.start : labelled.end]
    hits = [h for d in search_project(project, query) for h in d.hits]
    under = [h for h in hits if h.document_id == 1 and h.start == labelled.start]
    assert under and under[0].covered_by == ("LOC",)
    edit = label_hits(hits, "PER", "amal", project.labels())
    assert len(edit.edits) == len(hits) - 1  # LOC and PER are both entities
    assert len(label_hits(hits, "QUOTE", "amal", project.labels()).edits) == len(hits)


def test_one_apply_labels_every_document_and_its_inverse_removes_them(
    project: Repository,
) -> None:
    query = next(n for n in NAMES if sum(bool(find_words(t, n)) for t in TEXTS[1:]) >= 3)
    made = label_everywhere(project, query, "PER", "amal", project.labels())
    assert made.documents >= 2
    before = {d: len(project.spans(d)) for d in project.document_ids()}
    inverse = project.apply(made.edit)
    assert sum(len(project.spans(d)) for d in before) == sum(before.values()) + made.spans
    project.apply(inverse)
    assert {d: len(project.spans(d)) for d in before} == before
