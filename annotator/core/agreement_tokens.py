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
from annotator.core.tokens import token_offsets

Unit = tuple[int, int]
OUTSIDE = "O"


def units(tokens: Sequence[Unit], cuts: Iterable[int]) -> list[Unit]:
    """``tokens`` cut at each offset of ``cuts`` that falls inside one."""
    points = sorted(set(cuts))
    found: list[Unit] = []
    for start, end in tokens:
        first = bisect_right(points, start)
        last = bisect_left(points, end)
        if first >= last:
            found.append((start, end))
            continue
        at = start
        for cut in points[first:last]:
            found.append((at, cut))
            at = cut
        found.append((at, end))
    return found


def document_units(text: str, places: Iterable[Place]) -> list[Unit]:
    """The items of a document for the annotators whose spans are ``places``."""
    cuts: list[int] = []
    for start, end, _label in places:
        cuts.append(start)
        cuts.append(end)
    return units(token_offsets(text), cuts)


def tags(
    items: Sequence[Unit], places: Iterable[Place], kind: str, kinds: Mapping[str, str]
) -> list[str]:
    """IOB2 tags of ``items`` from the spans of ``kind`` among ``places``."""
    out = [OUTSIDE] * len(items)
    starts = [u[0] for u in items]
    for start, end, label in sorted(places, key=lambda p: (p[0], -p[1], p[2])):
        if kinds.get(label) != kind:
            continue
        i = bisect_left(starts, start)
        if i >= len(items) or items[i][0] >= end or out[i] != OUTSIDE:
            continue
        out[i] = "B-" + label
        i += 1
        while i < len(items) and items[i][1] <= end and out[i] == OUTSIDE:
            out[i] = "I-" + label
            i += 1
    return out


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
