"""One document's items for agreement, made once for every pair (docs/adr/0074).

A pair's items are the tokens cut at both annotators' span boundaries (core/agreement_tokens.py).
Most boundaries fall between tokens, so most pairs' items are the document's tokens themselves;
then an annotator's tags are the same in every pair and α, and are made once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from annotator.core.agreement_match import Place
from annotator.core.agreement_tokens import (
    OUTSIDE,
    boundaries,
    inner_cuts,
    layered,
    split,
    tagged,
)
from annotator.core.tokens import token_offsets

Tags = dict[int, str]


class DocumentItems:
    def __init__(
        self, text: str, work: Mapping[str, Collection[Place]], kinds: Mapping[str, str]
    ) -> None:
        self.tokens = token_offsets(text)
        self.starts = [t[0] for t in self.tokens]
        self.spans = {name: layered(places, kinds) for name, places in work.items()}
        self.labels = {name: Counter(p[2] for p in places) for name, places in work.items()}
        self.inner = {
            name: inner_cuts(self.tokens, self.starts, boundaries(places))
            for name, places in work.items()
        }
        self._tags: dict[tuple[str, str], Tags] = {}

    def _columns(self, names: Sequence[str], layer: str) -> tuple[int, list[Tags]]:
        """(how many items, each annotator's tags) of ``names`` together in one layer."""
        inside: dict[int, set[int]] = {}
        for name in names:
            for i, cuts in self.inner[name].items():
                inside.setdefault(i, set()).update(cuts)
        if not inside:
            columns = []
            for name in names:
                key = (name, layer)
                if key not in self._tags:
                    spans = self.spans[name].get(layer, ())
                    self._tags[key] = tagged(self.tokens, self.starts, spans)
                columns.append(self._tags[key])
            return len(self.tokens), columns
        items = split(self.tokens, inside)
        starts = [u[0] for u in items]
        return len(items), [tagged(items, starts, self.spans[n].get(layer, ())) for n in names]

    def count(self, names: Sequence[str]) -> int:
        """How many items ``names`` together are compared on (per layer)."""
        inside: set[tuple[int, int]] = set()
        for name in names:
            inside.update((i, c) for i, cuts in self.inner[name].items() for c in cuts)
        return len(self.tokens) + len(inside)

    def pair_counts(self, a: str, b: str, layers: Sequence[str]) -> Counter[tuple[str, str]]:
        """``{(A's tag, B's tag): items}`` over the items in every layer."""
        found: Counter[tuple[str, str]] = Counter()
        for layer in layers:
            count, (tags_a, tags_b) = self._columns((a, b), layer)
            covered = tags_a.keys() | tags_b.keys()
            found.update((tags_a.get(i, OUTSIDE), tags_b.get(i, OUTSIDE)) for i in covered)
            if count > len(covered):
                found[(OUTSIDE, OUTSIDE)] += count - len(covered)
        return found

    def value_patterns(
        self, names: Sequence[str], layers: Sequence[str]
    ) -> Counter[tuple[str, ...]]:
        """``{(the tags one item got, sorted): items}`` over the items in every layer."""
        found: Counter[tuple[str, ...]] = Counter()
        for layer in layers:
            count, columns = self._columns(names, layer)
            covered = set().union(*(c.keys() for c in columns))
            found.update(tuple(sorted(c.get(i, OUTSIDE) for c in columns)) for i in covered)
            if count > len(covered):
                found[(OUTSIDE,) * len(columns)] += count - len(covered)
        return found
