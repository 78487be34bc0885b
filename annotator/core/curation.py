"""Curation of one document: what several annotators agree on, and where they differ (ADR 0076).

Pure: given each annotator's spans of one document, ``curate`` returns the spans they agree on
(strategy ``all``: every annotator has the same offsets and label; ``majority``: more than half
of them) and the disagreements: groups of overlapping spans (in one layer, so a quote does not
swallow the entities inside it) where the annotators differ, each with every annotator's
choice, possibly nothing. Under ``majority`` the outvoted spans that overlap an agreed one are
decided by the vote and are no disagreement. Everything is in reading order (start, end,
label), the annotators in the order given, so the same work gives the same list every time.

The curator's own spans decide what is still open: ``merge_spans`` leaves out an agreed span
where the curator already has something, and a disagreement whose range holds a curator span is
resolved (``resolved``). ``differences`` is an annotator's view of the curated result: the
places where their spans and the curator's differ.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from annotator.core.edits import AddSpan, Composite, RemoveSpan
from annotator.core.model import Kind, LabelSet, S, Span, StoredSpan


class Strategy(Enum):
    ALL = "all"
    MAJORITY = "majority"


Key = tuple[int, int, str]  # start, end, label
Layer = Callable[[str], object]  # a label's layer (its kind); spans of two layers never clash


def _same_layer(_label: str) -> object:
    return None


def key_of(span: Span) -> Key:
    return (span.start, span.end, span.label)


@dataclass(frozen=True, slots=True)
class Choice:
    """One annotator's spans in a disagreement (none: they marked nothing there)."""

    annotator: str
    spans: tuple[Key, ...]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Overlapping spans on ``[start, end)`` where the annotators differ."""

    start: int
    end: int
    choices: tuple[Choice, ...]  # one per annotator, in the annotators' order

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


@dataclass(frozen=True, slots=True)
class Curation:
    annotators: tuple[str, ...]
    agreed: tuple[Key, ...]
    disagreements: tuple[Disagreement, ...]


def _agreed(votes: Mapping[Key, set[str]], count: int, strategy: Strategy) -> set[Key]:
    if strategy is Strategy.ALL:
        return {k for k, who in votes.items() if len(who) == count}
    return {k for k, who in votes.items() if 2 * len(who) > count}


class _Places:
    """Keys by layer and start: whether one overlaps a range, by bisection rather than a scan
    (three annotators' 5,000 spans took seconds by pairs; ADR 0076)."""

    def __init__(self, keys: Iterable[Key], layer: Layer) -> None:
        found: dict[object, list[Key]] = {}
        for k in keys:
            found.setdefault(layer(k[2]), []).append(k)
        self._layers: dict[object, tuple[list[int], list[Key], int]] = {}
        for name, ks in found.items():
            ks.sort()
            self._layers[name] = ([k[0] for k in ks], ks, max(k[1] - k[0] for k in ks))

    def overlaps(self, start: int, end: int, layer: object) -> bool:
        entry = self._layers.get(layer)
        if entry is None:
            return False
        starts, keys, longest = entry
        # a key overlapping [start, end) starts before ``end`` and ends after ``start``, so it
        # starts after ``start - longest``
        first, last = bisect_right(starts, start - longest), bisect_left(starts, end)
        return any(keys[i][1] > start for i in range(first, last))


def _groups(keys: Sequence[Key], layer: Layer) -> list[list[Key]]:
    """Keys of one layer chained by overlap; ``keys`` sorted, so the groups are in reading
    order of their first span."""
    groups: list[list[Key]] = []
    open_group: dict[object, tuple[list[Key], int]] = {}  # layer -> (its last group, its end)
    for k in keys:
        name = layer(k[2])
        last = open_group.get(name)
        if last is not None and k[0] < last[1]:
            last[0].append(k)
            open_group[name] = (last[0], max(last[1], k[1]))
            continue
        group = [k]
        groups.append(group)
        open_group[name] = (group, k[1])
    return groups


def curate(
    spans: Mapping[str, Iterable[Span]],
    strategy: Strategy = Strategy.ALL,
    *,
    layer: Layer | None = None,
) -> Curation:
    """What the annotators of ``spans`` (name -> their spans of one document) agree on and
    where they differ. Duplicate spans of one annotator count once."""
    layer = layer or _same_layer
    annotators = tuple(spans)
    votes: dict[Key, set[str]] = {}
    for name, theirs in spans.items():
        for span in theirs:
            votes.setdefault(key_of(span), set()).add(name)
    agreed = _agreed(votes, len(annotators), strategy)
    decided = _Places(agreed if strategy is Strategy.MAJORITY else (), layer)
    rest = [k for k in votes if k not in agreed and not decided.overlaps(k[0], k[1], layer(k[2]))]
    disagreements = []
    for group in _groups(sorted(rest), layer):
        choices = tuple(
            Choice(name, tuple(k for k in group if name in votes[k])) for name in annotators
        )
        disagreements.append(
            Disagreement(min(k[0] for k in group), max(k[1] for k in group), choices)
        )
    return Curation(annotators, tuple(sorted(agreed)), tuple(disagreements))


def merge_spans(
    curation: Curation, curator: Iterable[Span], *, layer: Layer | None = None
) -> list[Key]:
    """The agreed spans to make the curator's: all but those where the curator already has a
    span of the same layer overlapping (the curator decided there already)."""
    layer = layer or _same_layer
    mine = _Places((key_of(s) for s in curator), layer)
    return [k for k in curation.agreed if not mine.overlaps(k[0], k[1], layer(k[2]))]


def resolved(
    disagreements: Iterable[Disagreement], curator: Iterable[Span], *, layer: Layer | None = None
) -> list[bool]:
    """For each disagreement: whether the curator has a span in its range (in one of its
    layers)."""
    layer = layer or _same_layer
    mine = _Places((key_of(s) for s in curator), layer)
    return [
        any(
            mine.overlaps(d.start, d.end, name)
            for name in {layer(k[2]) for c in d.choices for k in c.spans}
        )
        for d in disagreements
    ]


def differences(
    annotator: str,
    mine: Iterable[Span],
    curator: str,
    curated: Iterable[Span],
    *,
    layer: Layer | None = None,
) -> tuple[Disagreement, ...]:
    """Where ``annotator``'s spans and the curated result differ (the annotator's choice
    first, the curator's second), in reading order."""
    return curate({annotator: mine, curator: curated}, Strategy.ALL, layer=layer).disagreements


DEFAULT_CURATOR = "gold"


def layer_of(labels: LabelSet) -> Layer:
    """Labels' layers: their kind (a label the set lacks is an entity)."""

    def layer(name: str) -> object:
        label = labels.get(name)
        return Kind.ENTITY if label is None else label.kind

    return layer


def by_annotator(spans: Iterable[S], curator: str) -> tuple[dict[str, list[S]], list[S]]:
    """A document's spans split into each annotator's (sorted names, the curator left out)
    and the curator's."""
    work: dict[str, list[S]] = {}
    mine: list[S] = []
    for span in spans:
        if span.annotator == curator:
            mine.append(span)
        else:
            work.setdefault(span.annotator, []).append(span)
    return dict(sorted(work.items())), mine


def merge_edit(document_id: int, keys: Iterable[Key], curator: str) -> Composite:
    """The agreed spans made the curator's: one edit (undone as one)."""
    return Composite(
        tuple(AddSpan(Span(None, document_id, a, b, label, curator)) for a, b, label in keys)
    )


def take_edit(
    disagreement: Disagreement,
    choice: Choice | None,
    curator_spans: Iterable[StoredSpan],
    curator: str,
    document_id: int,
    *,
    layer: Layer | None = None,
) -> Composite:
    """The curator's spans in the disagreement's range (in its layers) replaced by ``choice``'s
    (None: by nothing): one edit."""
    layer = layer or _same_layer
    layers = {layer(k[2]) for c in disagreement.choices for k in c.spans}
    gone = [
        s
        for s in curator_spans
        if disagreement.overlaps(s.start, s.end) and layer(s.label) in layers
    ]
    kept = {key_of(s) for s in gone}
    wanted = set(choice.spans) if choice is not None else set()
    removes = [RemoveSpan(s.id) for s in gone if key_of(s) not in wanted]
    adds = [
        AddSpan(Span(None, document_id, a, b, label, curator))
        for a, b, label in sorted(wanted - kept)
    ]
    return Composite((*removes, *adds))
