"""Agreement between annotators (issue 13, docs/adr/0074): pure, recomputable figures.

The input is one ``Sheet`` per document: its text and the work of each annotator who counts
on it (the store's reads decide who: those who marked it done, or everyone on chosen
documents). Per pair (A, B), over the documents both count on: span agreement by exact and by
overlap matching (core/agreement_match.py), per label and overall, with A as the reference;
Cohen's κ over token labels (core/agreement_tokens.py); the speakers of the quotes both
annotated. Over every annotator: Krippendorff's α (nominal) on the same items, each item
valued by the annotators counting on its document. Every figure says what it was computed on
(documents, spans, tokens) and is None where there was nothing to compare.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from annotator.core.agreement_items import DocumentItems
from annotator.core.agreement_match import Counts, Matched, Place, match
from annotator.core.agreement_tokens import alpha, kappa
from annotator.core.model import Kind

SpeakerLink = tuple[Place, Place]
"""(the quote's span, its speaker's span)."""


@dataclass(frozen=True, slots=True)
class Work:
    """One annotator's spans on one document and the speaker links between them."""

    places: frozenset[Place]
    speakers: frozenset[SpeakerLink] = frozenset()


@dataclass(frozen=True, slots=True)
class Sheet:
    """One document as agreement needs it: ``work`` holds the annotators who count on it."""

    document_id: int
    title: str
    text: str
    work: Mapping[str, Work] = field(hash=False)


@dataclass(frozen=True, slots=True)
class LabelScore:
    exact: Counts
    overlap: Counts


@dataclass(frozen=True, slots=True)
class Speakers:
    """Quotes matched (overlap) between A and B where at least one gave a speaker
    (``compared``), and those where both did and the speakers match by overlap (``agreed``)."""

    compared: int = 0
    agreed: int = 0

    @property
    def share(self) -> float | None:
        return self.agreed / self.compared if self.compared else None

    def __add__(self, other: Speakers) -> Speakers:
        return Speakers(self.compared + other.compared, self.agreed + other.agreed)


@dataclass(frozen=True, slots=True)
class DocumentScore:
    document_id: int
    title: str
    exact: Counts
    overlap: Counts
    kappa: float | None
    tokens: int


@dataclass(frozen=True, slots=True)
class PairScore:
    annotators: tuple[str, str]
    exact: Counts
    overlap: Counts
    per_label: Mapping[str, LabelScore]
    kappa: float | None
    documents: int
    tokens: int
    speakers: Speakers
    per_document: tuple[DocumentScore, ...]


@dataclass(frozen=True, slots=True)
class DocumentAlpha:
    document_id: int
    title: str
    alpha: float | None
    annotators: int
    tokens: int


@dataclass(frozen=True, slots=True)
class Agreement:
    """``alpha`` over the documents at least two annotators count on (``alpha_documents``,
    ``alpha_tokens`` items each of ``layers``)."""

    annotators: tuple[str, ...]
    layers: tuple[str, ...]
    pairs: tuple[PairScore, ...]
    alpha: float | None
    alpha_documents: int
    alpha_tokens: int
    per_document_alpha: tuple[DocumentAlpha, ...]


def layers_of(sheets: Iterable[Sheet], kinds: Mapping[str, Kind]) -> tuple[str, ...]:
    """The kinds of the labels anyone used: the layers every item is tagged in."""
    used = {
        str(kinds[p[2]]) for s in sheets for w in s.work.values() for p in w.places if p[2] in kinds
    }
    return tuple(k for k in (str(kind) for kind in Kind) if k in used)


def _speakers(matched: Matched, a: Work, b: Work, kinds: Mapping[str, Kind]) -> Speakers:
    if not a.speakers and not b.speakers:
        return Speakers()
    of_a: dict[Place, list[Place]] = {}
    of_b: dict[Place, list[Place]] = {}
    for quote, speaker in a.speakers:
        of_a.setdefault(quote, []).append(speaker)
    for quote, speaker in b.speakers:
        of_b.setdefault(quote, []).append(speaker)
    compared = agreed = 0
    for qa, qb in matched.overlap:
        if kinds.get(qa[2]) is not Kind.QUOTE:
            continue
        sa, sb = of_a.get(qa, []), of_b.get(qb, [])
        if not sa and not sb:
            continue
        compared += 1
        if match(sa, sb).overlap:
            agreed += 1
    return Speakers(compared, agreed)


def _pair(
    a: str,
    b: str,
    sheets: Sequence[Sheet],
    kinds: Mapping[str, Kind],
    layers: Sequence[str],
    ready: Mapping[int, DocumentItems],
) -> PairScore:
    exact = overlap = Counts()
    labels_a: Counter[str] = Counter()
    labels_b: Counter[str] = Counter()
    labels_exact: Counter[str] = Counter()
    labels_overlap: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    speakers = Speakers()
    documents: list[DocumentScore] = []
    for sheet in sheets:
        work_a, work_b = sheet.work.get(a), sheet.work.get(b)
        if work_a is None or work_b is None:
            continue
        matched = match(work_a.places, work_b.places)
        doc_exact, doc_overlap = matched.counts()
        exact, overlap = exact + doc_exact, overlap + doc_overlap
        items = ready[sheet.document_id]
        labels_a.update(items.labels[a])
        labels_b.update(items.labels[b])
        labels_exact.update(p[2] for p in matched.exact)
        labels_overlap.update(p[2] for p, _q in matched.overlap)
        here = items.pair_counts(a, b, layers)
        count = items.count((a, b))
        confusion.update(here)
        speakers = speakers + _speakers(matched, work_a, work_b, kinds)
        documents.append(
            DocumentScore(
                sheet.document_id, sheet.title, doc_exact, doc_overlap, kappa(here), count
            )
        )
    return PairScore(
        (a, b),
        exact,
        overlap,
        {
            label: LabelScore(
                Counts(labels_exact[label], labels_a[label], labels_b[label]),
                Counts(labels_overlap[label], labels_a[label], labels_b[label]),
            )
            for label in sorted(labels_a | labels_b)
        },
        kappa(confusion),
        len(documents),
        sum(d.tokens for d in documents),
        speakers,
        tuple(documents),
    )


def _alpha(
    annotators: Sequence[str],
    sheets: Sequence[Sheet],
    layers: Sequence[str],
    ready: Mapping[int, DocumentItems],
) -> tuple[float | None, int, int, tuple[DocumentAlpha, ...]]:
    patterns: Counter[tuple[str, ...]] = Counter()
    documents: list[DocumentAlpha] = []
    for sheet in sheets:
        works = [sheet.work[name] for name in annotators if name in sheet.work]
        if len(works) < 2:
            continue
        items = ready[sheet.document_id]
        counted = [n for n in annotators if n in sheet.work]
        here = items.value_patterns(counted, layers)
        patterns.update(here)
        documents.append(
            DocumentAlpha(
                sheet.document_id, sheet.title, alpha(here), len(works), items.count(counted)
            )
        )
    return alpha(patterns), len(documents), sum(d.tokens for d in documents), tuple(documents)


def agreement(
    sheets: Sequence[Sheet], annotators: Sequence[str], kinds: Mapping[str, Kind]
) -> Agreement:
    """Every pair of ``annotators`` (in the order given) and the α of them all."""
    names = tuple(dict.fromkeys(annotators))
    layers = layers_of(sheets, kinds)
    named = {k: str(v) for k, v in kinds.items()}
    ready = {  # once, for every pair: the tokens, each annotator's spans by layer
        s.document_id: DocumentItems(s.text, {n: w.places for n, w in s.work.items()}, named)
        for s in sheets
    }
    pairs = tuple(_pair(a, b, sheets, kinds, layers, ready) for a, b in combinations(names, 2))
    value, documents, count, per_document = _alpha(names, sheets, layers, ready)
    return Agreement(names, layers, pairs, value, documents, count, per_document)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A span of one side without its like on the other: ``kind`` is "label" (same offsets,
    other label), "boundary" (matched by overlap, not exactly), "only_a" or "only_b"."""

    document_id: int
    title: str
    kind: str
    a: Place | None
    b: Place | None


def disagreements(a: str, b: str, sheets: Sequence[Sheet]) -> list[Disagreement]:
    """What A and B did differently, document by document, in reading order."""
    found: list[Disagreement] = []
    for sheet in sheets:
        work_a, work_b = sheet.work.get(a), sheet.work.get(b)
        if work_a is None or work_b is None:
            continue
        matched = match(work_a.places, work_b.places)
        rows: list[Disagreement] = []
        paired_a = {p for p, _q in matched.overlap}
        paired_b = {q for _p, q in matched.overlap}
        for p, q in matched.overlap:
            if p != q:
                rows.append(Disagreement(sheet.document_id, sheet.title, "boundary", p, q))
        left = sorted(matched.a - paired_a)
        right: dict[tuple[int, int], list[Place]] = {}
        for q in sorted(matched.b - paired_b):
            right.setdefault((q[0], q[1]), []).append(q)
        for p in left:
            same = right.get((p[0], p[1]))
            if same:
                rows.append(Disagreement(sheet.document_id, sheet.title, "label", p, same.pop(0)))
            else:
                rows.append(Disagreement(sheet.document_id, sheet.title, "only_a", p, None))
        for rest in right.values():
            rows.extend(
                Disagreement(sheet.document_id, sheet.title, "only_b", None, q) for q in rest
            )
        rows.sort(key=lambda d: min(x[0] for x in (d.a, d.b) if x is not None))
        found.extend(rows)
    return found
