"""Curation over the store (ADR 0076): merge what the annotators agree on as the curator's work,
and list an annotator's differences from the curated result. The choices are core.curation's;
this reads each document's spans and writes one edit per document, by the curator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.curation import (
    Disagreement,
    Strategy,
    by_annotator,
    curate,
    differences,
    layer_of,
    merge_edit,
    merge_spans,
    resolved,
)
from annotator.store import Repository


@dataclass(frozen=True, slots=True)
class DocumentCuration:
    """What ``curate PROJECT`` did to one document."""

    document_id: int
    title: str
    annotators: tuple[str, ...]
    merged: int  # agreed spans made the curator's now
    open: int  # disagreements with no curator span in their range
    skipped: bool = False  # fewer than two annotators: nothing to curate


def curate_document(
    repo: Repository, document_id: int, curator: str, strategy: Strategy
) -> DocumentCuration:
    """Merge the agreed spans of one document as ``curator``'s (one edit, acted as the
    curator, so it never touches another's work)."""
    document = repo.document(document_id)
    work, mine = by_annotator(repo.spans(document_id), curator)
    if len(work) < 2:
        return DocumentCuration(document_id, document.title, tuple(work), 0, 0, skipped=True)
    layer = layer_of(repo.labels())
    curation = curate(work, strategy, layer=layer)
    keys = merge_spans(curation, mine, layer=layer)
    if keys:
        repo.ensure_annotator(curator)
        repo.apply(merge_edit(document_id, keys, curator), actor=curator)
        mine = repo.spans(document_id, annotators=[curator])
    still = resolved(curation.disagreements, mine, layer=layer).count(False)
    return DocumentCuration(document_id, document.title, curation.annotators, len(keys), still)


def curate_documents(
    repo: Repository,
    curator: str,
    strategy: Strategy = Strategy.ALL,
    document_ids: Iterable[int] | None = None,
) -> list[DocumentCuration]:
    ids = repo.document_ids() if document_ids is None else list(document_ids)
    return [curate_document(repo, i, curator, strategy) for i in ids]


@dataclass(frozen=True, slots=True)
class DocumentDifferences:
    document_id: int
    title: str
    text: str
    differences: tuple[Disagreement, ...]


def curation_differences(
    repo: Repository, annotator: str, curator: str, document_ids: Iterable[int] | None = None
) -> list[DocumentDifferences]:
    """Per document the curator has curated (has spans in), where ``annotator``'s spans and the
    curator's differ; documents with no difference are left out."""
    layer = layer_of(repo.labels())
    found = []
    for i in repo.document_ids() if document_ids is None else document_ids:
        curated = repo.spans(i, annotators=[curator])
        if not curated:
            continue
        mine = repo.spans(i, annotators=[annotator])
        diff = differences(annotator, mine, curator, curated, layer=layer)
        if diff:
            document = repo.document(i)
            found.append(DocumentDifferences(i, document.title, document.text, diff))
    return found
