"""Finding a text across the project, and labelling what is found (issue 11, docs/adr/0060).

The texts' index (store/text_index.py) names the documents that may hold the query; each of
those texts is searched with ``core.search.find_words`` (through ``core.search_near``, which
folds only windows of the text) and ``core.occurrences``, so the hits are exactly those of
running them over every document (whole words, through proclitics, by the
search key). No Qt: the window's search panel and project-wide label-all call these on a Job.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from annotator.core.edits import AddSpan, Composite, Edit
from annotator.core.model import LabelSet, Span
from annotator.core.occurrences import occurrences
from annotator.core.search_near import find_words_in
from annotator.store import Repository
from annotator.store.spans_bulk import ReadTexts

Step = Callable[[int, int, str], None]  # done, total, what
BATCH = 200
"""Documents read at a time."""
CONTEXT = 40
"""Characters of context either side of a hit."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One match in one document, with its context and the labels of the spans over it."""

    document_id: int
    start: int
    end: int
    left: str
    word: str
    right: str
    covered_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentHits:
    document_id: int
    title: str
    hits: tuple[Hit, ...]


def _texts(
    repo: Repository, query: str, step: Step | None
) -> Iterator[tuple[int, str, str, list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """``(id, title, text, spans as (start, end, label), find_words' matches)`` of each
    candidate document; a batch's texts searched at once (``find_words_in``)."""
    ids = repo.text_candidates(query) if query.strip() else []
    for at in range(0, len(ids), BATCH):
        if step is not None:
            step(at, len(ids), "")
        batch = ids[at : at + BATCH]
        places = repo.places(batch)
        read = repo.texts(batch)
        found = find_words_in([text for _, _, text in read], query)
        for (doc_id, title, text), words in zip(read, found, strict=True):
            yield doc_id, title, text, places.get(doc_id, []), words


def search_project(repo: Repository, query: str, step: Step | None = None) -> list[DocumentHits]:
    """Every document where ``query`` is found as find_words finds it, by id, with its hits."""
    out: list[DocumentHits] = []
    for doc_id, title, text, spans, found in _texts(repo, query, step):
        if not found:
            continue
        hits = tuple(
            Hit(
                doc_id,
                s,
                e,
                text[max(0, s - CONTEXT) : s],
                text[s:e],
                text[e : e + CONTEXT],
                tuple(sorted({lb for a, b, lb in spans if a < e and s < b})),
            )
            for s, e in found
        )
        out.append(DocumentHits(doc_id, title, hits))
    return out


def same_kind(labels: LabelSet, label: str) -> frozenset[str]:
    """The labels of the kind of ``label`` (a hit under one of them is left alone)."""
    known = labels.get(label)
    kind = known.kind if known is not None else None
    return frozenset(lb.name for lb in labels if lb.kind == kind)


@dataclass(frozen=True, slots=True)
class Labelling:
    """What project-wide label-all makes: one Composite of AddSpan, and its counts."""

    edit: Composite
    spans: int
    documents: int


def label_everywhere(
    repo: Repository,
    query: str,
    label: str,
    annotator: str,
    labels: LabelSet,
    step: Step | None = None,
) -> Labelling:
    """A span labelled ``label`` on every occurrence of ``query`` in every document that no
    span of the label's kind overlaps (``core.occurrences``): one edit for the whole project."""
    return _found(repo, query, label, annotator, labels, step)[0]


@dataclass(frozen=True, slots=True)
class Labelled:
    """``label_everywhere``'s edit, applied: its inverse is the undo."""

    labelling: Labelling
    inverse: Edit


def label_everywhere_now(
    repo: Repository,
    query: str,
    label: str,
    annotator: str,
    labels: LabelSet,
    step: Step | None = None,
) -> Labelled:
    """``label_everywhere`` and its edit applied (the annotator's, ``actor``), in one write
    transaction: the spans' texts come from the texts the find read (the store does not read
    them again, docs/adr/0080), and a window running this on a Job does not wait for the
    write. A cancel (``step`` raising) before the end writes nothing."""
    with repo.transaction():
        made, read = _found(repo, query, label, annotator, labels, step)
        inverse = repo.apply(made.edit, actor=annotator, read=read) if made.spans else made.edit
    return Labelled(made, inverse)


def _found(
    repo: Repository,
    query: str,
    label: str,
    annotator: str,
    labels: LabelSet,
    step: Step | None,
) -> tuple[Labelling, ReadTexts]:
    kinds = same_kind(labels, label)
    adds: list[AddSpan] = []
    texts: list[str] = []
    lengths: dict[int, int] = {}
    documents = 0
    for doc_id, _, text, spans, words in _texts(repo, query, step):
        taken = [(a, b) for a, b, lb in spans if lb in kinds]
        found = occurrences(text, query, taken, words=words)
        if found:
            documents += 1
            lengths[doc_id] = len(text)
            adds.extend(AddSpan(Span(None, doc_id, a, b, label, annotator)) for a, b in found)
            texts.extend(text[a:b] for a, b in found)
    made = Labelling(Composite(tuple(adds)), len(adds), documents)
    return made, ReadTexts(tuple(texts), lengths)


def label_hits(hits: Collection[Hit], label: str, annotator: str, labels: LabelSet) -> Composite:
    """Spans for the ``hits`` no span of the label's kind covers, as one edit."""
    kinds = same_kind(labels, label)
    return Composite(
        tuple(
            AddSpan(Span(None, h.document_id, h.start, h.end, label, annotator))
            for h in sorted(hits, key=lambda h: (h.document_id, h.start))
            if not kinds.intersection(h.covered_by)
        )
    )
