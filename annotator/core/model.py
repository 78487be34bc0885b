"""The domain values: Kind, Label, LabelSet, Document, Span, Relation, Status.

Offsets are Python ``str`` indices (code points), end-exclusive, into ``Document.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from annotator.core.suggestions import SuggestedLink, Suggestion

OFFSET_UNIT = "codepoint"
SPEAKER = "speaker"  # the first relation type: a quote -> the entity who said it (core/speakers.py)


class Kind(StrEnum):
    """A layer of annotation. Spans of different kinds overlap freely."""

    ENTITY = "entity"
    EVENT = "event"
    QUOTE = "quote"


class Status(StrEnum):
    """Per-annotator progress on a document."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    kind: Kind
    colour: str  # "#rrggbb"
    key: int | None = None  # 1-9, the keyboard key; None for no key
    order: int = 0
    speaker: bool = False  # an entity label whose spans may be the speaker of a quote


@dataclass(frozen=True, slots=True)
class LabelSet:
    """An ordered set of labels with unique names and unique keys."""

    labels: tuple[Label, ...]

    def __post_init__(self) -> None:
        names = [label.name for label in self.labels]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate label names in {names}")
        keys = [label.key for label in self.labels if label.key is not None]
        if len(set(keys)) != len(keys):
            raise ValueError(f"duplicate label keys in {keys}")

    def __iter__(self) -> Iterator[Label]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def __contains__(self, name: object) -> bool:
        return any(label.name == name for label in self.labels)

    def get(self, name: str) -> Label | None:
        for label in self.labels:
            if label.name == name:
                return label
        return None

    def by_key(self, key: int) -> Label | None:
        for label in self.labels:
            if label.key == key:
                return label
        return None

    def kind_of(self, name: str) -> Kind:
        label = self.get(name)
        if label is None:
            raise KeyError(name)
        return label.kind

    def of_kind(self, kind: Kind) -> tuple[Label, ...]:
        return tuple(label for label in self.labels if label.kind == kind)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self.labels)

    @property
    def speakers(self) -> tuple[str, ...]:
        """The entity labels allowed as the speaker of a quote, in order."""
        return tuple(lb.name for lb in self.labels if lb.speaker and lb.kind is Kind.ENTITY)


DEFAULT_LABELS = LabelSet(
    (
        Label("PER", Kind.ENTITY, "#f4a3a3", 1, 0, speaker=True),
        Label("ORG", Kind.ENTITY, "#9fc5f8", 2, 1, speaker=True),
        Label("LOC", Kind.ENTITY, "#a8e0a0", 3, 2),
        Label("MISC", Kind.ENTITY, "#f9d98c", 4, 3),
        Label("EVENT", Kind.EVENT, "#b45fd6", 5, 4),
        Label("QUOTE", Kind.QUOTE, "#e07b00", 6, 5),
    )
)

# Colours given to labels that arrive with imported corpora (ANERcorp's PERS...), in turn.
EXTRA_COLOURS = ("#c9b3f5", "#8fd9d2", "#f5b3d9", "#d9d98f", "#b3c7d9", "#e6b89c")


@dataclass(frozen=True, slots=True)
class Document:
    id: int | None
    title: str
    text: str
    text_sha256: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)
    imported_at: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """``document.text[start:end]`` labelled ``label``.

    ``id`` is None for a span the store has not seen (a new one the window adds, most read from
    files); the store returns StoredSpan, whose id is never None.
    """

    id: int | None
    document_id: int
    start: int
    end: int
    label: str
    annotator: str = ""
    created: str = ""
    updated: str = ""
    attributes: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class StoredSpan(Span):
    """A span as the store holds it: it has its id (docs/adr/0040)."""

    id: int


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two spans of one document (``speaker``: a quote -> its speaker)."""

    id: int | None
    type: str
    source_id: int  # the span the relation starts from (the QUOTE)
    target_id: int  # the span it points to (the speaker)
    annotator: str = ""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the document list."""

    id: int
    title: str
    status: Status
    span_count: int  # everyone's: the key the list sorts by spans on
    length: int
    shown_spans: int | None = None  # the spans of the annotators shown; None: span_count
    certainty: float | None = None  # how sure the model is of it (ADR 0073); None: not scored


S = TypeVar("S", bound=Span)


def reading_order(span: Span) -> tuple[int, int, str, int]:
    """The sort key of reading order: by start, longer first, then label, then id.

    The one definition: the span list, the viewer's Tab order and the exports sort with it, and
    the store's SQL (``store.rows.SPAN_ORDER``) is proved to agree (tests/store). The id only
    breaks ties; a span not yet stored sorts as id 0, before every stored one (ids start at 1).
    """
    return (span.start, -span.end, span.label, 0 if span.id is None else span.id)


def sorted_spans(spans: Iterable[S]) -> list[S]:
    """Spans in reading order (``reading_order``)."""
    return sorted(spans, key=reading_order)


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A document with its spans and relations: what importers yield and exporters read.

    Before the store has seen it, ``document.id`` is None and span ids are local numbers that
    the relations refer to; the store assigns real ids when it adds the document.

    ``new_labels``: what a reader found about the labels the project did not have when the file
    was read (ANERcorp's PERS), each with the kind the file gives it; the importer adds them.
    Kinds travel here, never in a span's ``attributes``, which are the annotator's own.
    Empty for documents from the store.
    """

    document: Document
    spans: tuple[Span, ...] = ()
    relations: tuple[Relation, ...] = ()
    status: Status = Status.NEW
    new_labels: Mapping[str, Kind] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class StoredAnnotatedDocument(AnnotatedDocument):
    """An AnnotatedDocument as the store returns it: every span has its id. ``suggestions``
    and ``suggested_links``: only when an export asks for them (JSONL --with-suggestions);
    they are never spans, and nothing counts them."""

    spans: tuple[StoredSpan, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    suggested_links: tuple[SuggestedLink, ...] = ()
