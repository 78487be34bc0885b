"""Whose work (docs/adr/0071): reads name whose spans, edits carry their actor.

One real project file, two annotators on the same article: ali's spans came with the import,
badr adds his own. badr's edits never touch ali's spans or status; the statuses that move are
the actor's; undo restores both exactly.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Composite,
    Edit,
    Relabel,
    RemoveRelation,
    RemoveSpan,
    Resize,
    SetStatus,
)
from annotator.core.errors import NotYoursError
from annotator.core.model import Relation, Span, Status
from annotator.store import Repository
from annotator.store.document_list import ListView

from .conftest import annotated_article, dump, find


@pytest.fixture
def doc_id(repo: Repository, article: str) -> int:
    """The article with ali's four spans and link (ali: in progress); badr has one LOC span."""
    item = replace(annotated_article(article), status=Status.IN_PROGRESS)
    doc = repo.add_document(item, annotator="ali")
    assert doc is not None and doc.id is not None
    mosul = find(article, "الموصل")
    repo.apply(AddSpan(Span(None, doc.id, *mosul, "LOC", "badr")), actor="badr")
    return doc.id


def ali_span(repo: Repository, doc_id: int, label: str) -> int:
    return next(s.id for s in repo.spans(doc_id, annotators=["ali"]) if s.label == label)


def test_reads_name_whose_spans(repo: Repository, doc_id: int) -> None:
    assert len(repo.spans(doc_id)) == 5  # None: everyone's
    assert {s.annotator for s in repo.spans(doc_id, annotators=["badr"])} == {"badr"}
    assert len(repo.spans(doc_id, annotators=["ali", "badr"])) == 5
    assert repo.spans(doc_id, annotators=[]) == []
    badr = repo.annotated(doc_id, annotator="badr", annotators=["badr"])
    assert [s.label for s in badr.spans] == ["LOC"] and badr.relations == ()
    assert badr.status is Status.IN_PROGRESS  # his first span moved his status
    ali = repo.annotated(doc_id, annotator="ali", annotators=["ali"])
    assert len(ali.spans) == 4 and len(ali.relations) == 1
    assert repo.counts(doc_id, annotators=["badr"]) == (1, 0)
    assert repo.counts(doc_id, annotators=["ali"]) == (4, 1)
    assert repo.counts(doc_id) == (5, 1)
    assert len(repo.relations(doc_id, annotators=["badr"])) == 0
    assert len(repo.relations(doc_id, annotators=["ali"])) == 1
    exported = list(repo.iter_annotated(annotators=["badr"]))
    assert [len(d.spans) for d in exported] == [1]


def test_the_document_list_counts_the_shown_annotators_spans(repo: Repository, doc_id: int) -> None:
    mine = repo.summary(ListView("badr", counted=("badr",)), doc_id)
    both = repo.summary(ListView("badr", counted=("ali", "badr")), doc_id)
    everyone = repo.summary(ListView("badr"), doc_id)
    assert mine is not None and both is not None and everyone is not None
    assert (mine.shown_spans, mine.span_count) == (1, 5)
    assert both.shown_spans == 5
    assert everyone.shown_spans is None and everyone.span_count == 5


@pytest.mark.parametrize("edit_of", ["relabel", "resize", "remove"])
def test_another_annotators_span_is_refused_naming_them(
    repo: Repository, doc_id: int, edit_of: str
) -> None:
    loc = ali_span(repo, doc_id, "LOC")
    span = repo.span(loc)
    edits: dict[str, Edit] = {
        "relabel": Relabel(loc, "ORG"),
        "resize": Resize(loc, span.start, span.end - 1),
        "remove": RemoveSpan(loc),
    }
    edit = edits[edit_of]
    before = dump(repo.path)
    with pytest.raises(NotYoursError, match=rf"span {loc} is the work of 'ali'") as caught:
        repo.apply(edit, actor="badr")
    assert caught.value.owner == "ali"
    assert dump(repo.path) == before  # nothing written: not ali's span, nor anyone's status


def test_a_composite_touching_another_annotators_span_writes_nothing(
    repo: Repository, doc_id: int, article: str
) -> None:
    before = dump(repo.path)
    raqqa = find(article, "الرقة")
    edit = Composite(
        (
            AddSpan(Span(None, doc_id, *raqqa, "LOC", "badr")),
            RemoveSpan(ali_span(repo, doc_id, "PER")),
        )
    )
    with pytest.raises(NotYoursError):
        repo.apply(edit, actor="badr")
    assert dump(repo.path) == before


def test_many_new_spans_of_another_annotator_are_refused_too(
    repo: Repository, doc_id: int, article: str
) -> None:
    """A Composite of many new spans (project-wide label-all) takes the store's bulk path; it
    refuses another annotator's spans as the usual path does, writing nothing."""
    before = dump(repo.path)
    places = [find(article, word) for word in ("الرقة", "تركيا", "سوريا")]
    edit = Composite(tuple(AddSpan(Span(None, doc_id, *place, "LOC", "ali")) for place in places))
    with pytest.raises(NotYoursError, match="the work of 'ali'"):
        repo.apply(edit, actor="badr")
    assert dump(repo.path) == before
    mine = Composite(tuple(AddSpan(Span(None, doc_id, *p, "LOC", "badr")) for p in places))
    repo.apply(mine, actor="badr")
    assert len(repo.spans(doc_id, annotators=["badr"])) == 4


def test_links_statuses_and_new_spans_are_the_actors(repo: Repository, doc_id: int) -> None:
    quote, per = ali_span(repo, doc_id, "QUOTE"), ali_span(repo, doc_id, "PER")
    link = repo.relations(doc_id, annotators=["ali"])[0]
    badr_loc = repo.spans(doc_id, annotators=["badr"])[0].id
    refused: list[Edit] = [
        AddSpan(Span(None, doc_id, 0, 3, "PER", "ali")),
        AddRelation(Relation(None, "speaker", quote, per, "badr")),
        AddRelation(Relation(None, "speaker", quote, badr_loc, "badr")),
        RemoveRelation(link.id or 0),
        SetStatus(doc_id, "ali", Status.DONE),
    ]
    for edit in refused:
        with pytest.raises(NotYoursError, match="the work of 'ali'"):
            repo.apply(edit, actor="badr")
    assert repo.status(doc_id, "ali") is Status.IN_PROGRESS


def test_the_actors_status_moves_and_undo_restores_both(
    repo: Repository, doc_id: int, article: str
) -> None:
    repo.apply(SetStatus(doc_id, "ali", Status.DONE), actor="ali")
    before = dump(repo.path)
    raqqa = find(article, "الرقة")
    # carim has no status here yet: his first span moves his, never ali's DONE
    inverse = repo.apply(AddSpan(Span(None, doc_id, *raqqa, "LOC", "carim")), actor="carim")
    assert repo.status(doc_id, "carim") is Status.IN_PROGRESS
    assert repo.status(doc_id, "ali") is Status.DONE
    redo = repo.apply(inverse, actor="carim")
    assert dump(repo.path) == before
    assert repo.status(doc_id, "carim") is Status.NEW
    again = repo.apply(redo, actor="carim")
    span_id = repo.spans(doc_id, annotators=["carim"])[0].id
    assert repo.apply(Relabel(span_id, "ORG"), actor="carim")
    with pytest.raises(NotYoursError):  # someone else's undo is refused, too
        repo.apply(again, actor="ali")


def test_without_an_actor_nothing_is_checked(repo: Repository, doc_id: int) -> None:
    """Scripts and the command line (actor None) edit as before: the span's annotator's
    status moves."""
    loc = ali_span(repo, doc_id, "LOC")
    repo.apply(Relabel(loc, "ORG"))
    assert repo.span(loc).label == "ORG"
