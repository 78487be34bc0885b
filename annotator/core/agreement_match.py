"""Span matching between two annotators on one document (issue 13, docs/adr/0074).

Exact: the same offsets and label. Overlap: the same label and at least one character in
common, each span matched at most once, as many pairs as possible (a maximum matching, so the
overlap count is never below the exact one); the candidates of a span are tried exact first,
then by the most characters in common, so exact pairs are kept whenever the maximum allows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

Place = tuple[int, int, str]
"""(start, end, label) of one span."""


@dataclass(frozen=True, slots=True)
class Counts:
    """Matched spans of a pair, with A as the reference: precision is the share of B's spans
    matched, recall the share of A's; F1 = 2·matched / (a + b). None where the share is 0/0
    (nothing to compare), never a silent 1.0 or 0."""

    matched: int = 0
    a: int = 0
    b: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.b if self.b else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.a if self.a else None

    @property
    def f1(self) -> float | None:
        total = self.a + self.b
        return 2 * self.matched / total if total else None

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.a + other.a, self.b + other.b)


def _by_label(places: Iterable[Place]) -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        found[place[2]].append(place)
    for spans in found.values():
        spans.sort()
    return found


def _candidates(span: Place, others: list[Place], starts: list[int]) -> list[int]:
    """Indexes of ``others`` (sorted) overlapping ``span``: exact first, then most shared."""
    start, end = span[0], span[1]
    found = [
        j for j in range(bisect_left(starts, end)) if others[j][1] > start
    ]  # starts before span's end, ends after its start
    found.sort(
        key=lambda j: (others[j] != span, -(min(end, others[j][1]) - max(start, others[j][0])), j)
    )
    return found


def _augment(root: int, options: list[list[int]], owner: dict[int, int]) -> None:
    """One augmenting path from ``root`` (Kuhn's), iterative: no recursion limit to meet on a
    long document. ``owner`` maps an index of B to the index of A it is matched with."""
    seen: set[int] = set()
    stack = [[root, 0]]  # (index in A, next option to try)
    chosen: list[int] = []  # the B index that led to each frame after the first
    while stack:
        frame = stack[-1]
        i, k = frame
        tried = options[i]
        while k < len(tried) and tried[k] in seen:
            k += 1
        if k == len(tried):
            stack.pop()
            if chosen:
                chosen.pop()
            continue
        frame[1] = k + 1
        j = tried[k]
        seen.add(j)
        chosen.append(j)
        if j not in owner:
            for (fi, _k), fj in zip(stack, chosen, strict=True):
                owner[fj] = fi
            return
        stack.append([owner[j], 0])


def _maximum_matching(a: list[Place], b: list[Place]) -> list[tuple[int, int]]:
    starts = [p[0] for p in b]
    options = [_candidates(span, b, starts) for span in a]
    owner: dict[int, int] = {}
    for root, tried in enumerate(options):
        if tried:
            _augment(root, options, owner)
    return sorted((i, j) for j, i in owner.items())


@dataclass(frozen=True, slots=True)
class Matched:
    """One document's matching of A's and B's spans."""

    exact: frozenset[Place]
    overlap: tuple[tuple[Place, Place], ...]  # (A's span, B's span)
    a: frozenset[Place]
    b: frozenset[Place]

    def counts(self, labels: Collection[str] | None = None) -> tuple[Counts, Counts]:
        """(exact, overlap) counts, of ``labels`` only (None: all)."""

        if labels is None:
            a, b = len(self.a), len(self.b)
            return Counts(len(self.exact), a, b), Counts(len(self.overlap), a, b)

        def keep(place: Place) -> bool:
            return place[2] in labels

        a = sum(1 for p in self.a if keep(p))
        b = sum(1 for p in self.b if keep(p))
        exact = sum(1 for p in self.exact if keep(p))
        overlap = sum(1 for p, _q in self.overlap if keep(p))
        return Counts(exact, a, b), Counts(overlap, a, b)


def match(a: Iterable[Place], b: Iterable[Place]) -> Matched:
    """Exact and overlap matching of two annotators' spans (duplicates count once)."""
    set_a, set_b = frozenset(a), frozenset(b)
    exact = set_a & set_b
    pairs: list[tuple[Place, Place]] = []
    by_b = _by_label(set_b - exact)
    left_a = _by_label(set_a - exact)
    for label in sorted({p[2] for p in set_a}):
        if not left_a.get(label) or not by_b.get(label):
            # one side has no span left once the exact pairs are taken: every span of that
            # side is matched, so the exact pairs are a maximum matching already
            pairs.extend((p, p) for p in sorted(p for p in exact if p[2] == label))
            continue
        spans_a = sorted(p for p in set_a if p[2] == label)
        spans_b = sorted(p for p in set_b if p[2] == label)
        pairs.extend((spans_a[i], spans_b[j]) for i, j in _maximum_matching(spans_a, spans_b))
    return Matched(exact, tuple(pairs), set_a, set_b)
