"""Token labels for agreement (issue 13, docs/adr/0074): Cohen's κ and Krippendorff's α.

The items are our tokens (core/tokens.py) cut at every span boundary of the annotators
compared, so every annotator's span covers whole items and both sides tag the same items.
Spans of different kinds overlap freely (an entity inside a quote), so each kind is a layer of
its own: an item is (token, kind), tagged IOB2 (``B-PER``, ``I-PER``, ``O``) from the spans of
that kind; where one annotator's spans of one kind overlap, the first (by start, then the
longest) tags the tokens. Counting is by patterns (Counter of tag pairs or tag tuples), so a
thousand documents cost one pass over their tokens.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from annotator.core.agreement_match import Place

Unit = tuple[int, int]
OUTSIDE = "O"


def inner_cuts(
    tokens: Sequence[Unit], starts: Sequence[int], cuts: Iterable[int]
) -> dict[int, set[int]]:
    """The offsets of ``cuts`` that fall inside a token, by the token's index: most span
    boundaries are token boundaries, so this is usually empty."""
    inside: dict[int, set[int]] = {}
    for cut in cuts:
        i = bisect_right(starts, cut) - 1
        if i >= 0 and tokens[i][0] < cut < tokens[i][1]:
            inside.setdefault(i, set()).add(cut)
    return inside


def split(tokens: Sequence[Unit], inside: Mapping[int, Iterable[int]]) -> list[Unit]:
    """``tokens`` with the tokens of ``inside`` cut at its offsets."""
    found: list[Unit] = []
    at = 0
    for i in sorted(inside):
        found.extend(tokens[at:i])
        start, end = tokens[i]
        for cut in sorted(inside[i]):
            found.append((start, cut))
            start = cut
        found.append((start, end))
        at = i + 1
    found.extend(tokens[at:])
    return found


def boundaries(places: Iterable[Place]) -> list[int]:
    return [x for start, end, _label in places for x in (start, end)]


def units(tokens: Sequence[Unit], cuts: Iterable[int]) -> list[Unit]:
    """``tokens`` (in order) cut at each offset of ``cuts`` that falls inside one."""
    return split(tokens, inner_cuts(tokens, [t[0] for t in tokens], cuts))


Layered = Mapping[str, Sequence[Place]]
"""One annotator's spans on one document by layer (kind), in ``layered`` order."""


def layered(places: Iterable[Place], kinds: Mapping[str, str]) -> dict[str, list[Place]]:
    """Spans by the kind of their label, each layer by start, the longest first."""
    found: dict[str, list[Place]] = {}
    for place in sorted(places, key=lambda p: (p[0], -p[1], p[2])):
        kind = kinds.get(place[2])
        if kind is not None:
            found.setdefault(kind, []).append(place)
    return found


def tagged(items: Sequence[Unit], starts: Sequence[int], spans: Sequence[Place]) -> dict[int, str]:
    """The IOB2 tags of the items (``starts``: their starts) that ``spans`` (of one layer, in
    ``layered`` order) cover, by item index; every other item is O (most of a text: not made).
    Where spans overlap, the first tags the items."""
    out: dict[int, str] = {}
    count = len(items)
    for start, end, label in spans:
        i = bisect_left(starts, start)
        if i >= count or items[i][0] >= end or i in out:
            continue
        out[i] = "B-" + label
        i += 1
        inside = "I-" + label
        while i < count and items[i][1] <= end and i not in out:
            out[i] = inside
            i += 1
    return out


def tags(
    items: Sequence[Unit], places: Iterable[Place], kind: str, kinds: Mapping[str, str]
) -> list[str]:
    """IOB2 tags of every item from the spans of ``kind`` among ``places``."""
    spans = layered(places, kinds).get(kind, [])
    found = tagged(items, [u[0] for u in items], spans)
    return [found.get(i, OUTSIDE) for i in range(len(items))]


def kappa(pairs: Mapping[tuple[str, str], int]) -> float | None:
    """Cohen's κ of a confusion count ``{(tag of A, tag of B): n}``; None with no items or
    when chance agreement is already 1 (both gave one tag everywhere: nothing to compare)."""
    n = sum(pairs.values())
    if not n:
        return None
    seen_a: Counter[str] = Counter()
    seen_b: Counter[str] = Counter()
    agreed = 0
    for (a, b), count in pairs.items():
        seen_a[a] += count
        seen_b[b] += count
        if a == b:
            agreed += count
    chance = sum(seen_a[t] * seen_b.get(t, 0) for t in seen_a) / (n * n)
    if chance >= 1.0:
        return None
    return (agreed / n - chance) / (1 - chance)


def alpha(patterns: Mapping[tuple[str, ...], int]) -> float | None:
    """Krippendorff's α (nominal) of ``{(the tags one item got, sorted): how many items}``.

    The coincidence matrix of Krippendorff (2011), "Computing Krippendorff's alpha-reliability":
    an item with m values adds n_c·n_k/(m−1) to o(c,k) (n_c(n_c−1)/(m−1) on the diagonal); items
    with one value are not pairable. α = 1 − (n−1)·Σ_{c≠k} o(c,k) / Σ_{c≠k} n_c·n_k. None with
    fewer than two pairable values or a single value everywhere (nothing to compare)."""
    totals: Counter[str] = Counter()
    disagree = 0.0
    for values, count in patterns.items():
        m = len(values)
        if m < 2:
            continue
        seen = Counter(values)
        for value, k in seen.items():
            totals[value] += k * count
        same = sum(k * (k - 1) for k in seen.values())
        disagree += count * (m * (m - 1) - same) / (m - 1)
    n = sum(totals.values())
    expected = n * n - sum(k * k for k in totals.values())
    if n < 2 or not expected:
        return None
    return 1 - (n - 1) * disagree / expected
