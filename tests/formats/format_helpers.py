"""Documents and label sets shared by the format tests (conll, conll-multi, spacy, brat...)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from annotator.core.model import (
    DEFAULT_LABELS,
    AnnotatedDocument,
    Document,
    Kind,
    Label,
    LabelSet,
    Relation,
    Span,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ANERCORP = FIXTURES / "ANERCorp.txt"

# The sentence of the shared format examples, with a second sentence and an emoji.
TEXT = (
    "قال الرئيس عبد الفتاح السيسي بالقاهرة أمس إن «الإصلاحات ستستمر».\n"
    "وأعلنت وحدات حماية الشعب انسحابها من الرقة 😀 اليوم."
)


def at(text: str, word: str, label: str, ident: int, *, skip: int = 0, nth: int = 0) -> Span:
    """The span of ``word`` (its ``nth`` occurrence) in ``text``, without its first ``skip``
    characters (a proclitic)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(ident, 1, start + skip, start + len(word), label)


def sample_doc(doc_id: int = 1) -> AnnotatedDocument:
    spans = (
        at(TEXT, "قال", "EVENT", 1),
        at(TEXT, "الرئيس عبد الفتاح السيسي", "PER", 2),
        at(TEXT, "بالقاهرة", "LOC", 3, skip=1),
        at(TEXT, "الإصلاحات ستستمر", "QUOTE", 4),
        at(TEXT, "وحدات حماية الشعب", "ORG", 5),
        at(TEXT, "انسحابها", "EVENT", 6),
        at(TEXT, "الرقة", "LOC", 7),
    )
    relations = (Relation(1, "speaker", 4, 2),)
    return AnnotatedDocument(Document(doc_id, f"doc {doc_id}", TEXT), spans, relations)


def doc_with(
    text: str, spans: Iterable[tuple[int, int, str]], doc_id: int = 1
) -> AnnotatedDocument:
    made = tuple(Span(i, doc_id, s, e, label) for i, (s, e, label) in enumerate(spans, 1))
    return AnnotatedDocument(Document(doc_id, f"doc {doc_id}", text), made)


def labels_with(extra: Mapping[str, str], base: LabelSet = DEFAULT_LABELS) -> LabelSet:
    """``base`` plus the labels an import brought (what the importer's ensure_label does)."""
    added = [
        Label(name, Kind(kind), "#cccccc", None, len(base) + i)
        for i, (name, kind) in enumerate(sorted(extra.items()))
        if name not in base
    ]
    return LabelSet((*base.labels, *added))


def labels_of(docs: Iterable[AnnotatedDocument], base: LabelSet = DEFAULT_LABELS) -> LabelSet:
    seen: dict[str, str] = {}
    for doc in docs:
        seen.update(doc.document.meta.get("labels", {}))
    return labels_with(seen, base)


def triples(doc: AnnotatedDocument) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label) for s in doc.spans)


def relation_ends(
    doc: AnnotatedDocument,
) -> list[tuple[str, tuple[int, int, str], tuple[int, int, str]]]:
    by_id = {s.id: (s.start, s.end, s.label) for s in doc.spans}
    return sorted((r.type, by_id[r.source_id], by_id[r.target_id]) for r in doc.relations)
