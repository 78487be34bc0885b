"""The gazetteer recommender: names from lists the user imports, suggested where they occur
(issue 11; docs/adr/0054). The lists are read by ``annotator/formats/gazetteer.py``.

Matching is that of label-all-occurrences and the memory recommender (``core.search``): by
the search key (tashkeel, tatweel, hamza and alef forms, ة/ه ignored; a final ى and ي told apart,
as ``find_words`` does; عبد الله = عبدالله as find has it), whole tokens only, and through
proclitics (الرقة in والرقة, بالرقة:
the suggestion covers the stem, the و / ب stays out). It is one pass over the document's
tokens with a dict keyed by the folded first word of each name, so a 10,000-name list costs
what the document's length costs (benchmarks/bench_gazetteer.py). At each token the longest
name wins; suggestions never overlap each other nor a span of the same kind already there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from annotator.core.model import Kind, LabelSet, Span
from annotator.core.search import DROPPED, PROCLITICS, search_key
from annotator.core.suggestions import Suggestion
from annotator.core.tokens import token_offsets

RECOMMENDER = "gazetteer"
_PREFIXES = sorted(PROCLITICS, key=len, reverse=True)  # وب before و: the longest stem first


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One name of a list and its label; ``line`` is where the file has it (1-based)."""

    name: str
    label: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """A list of names as imported: ``name`` (the file's stem, say) names the list, ``weight``
    in (0, 1] is the score of its suggestions."""

    name: str
    entries: tuple[GazetteerEntry, ...]
    weight: float = 1.0

    def __post_init__(self) -> None:
        if not 0.0 < self.weight <= 1.0:
            raise ValueError(f"a gazetteer's weight is in (0, 1], not {self.weight}")


def word_key(word: str) -> str:
    """The key a token is compared by: the search key, with a final ى kept apart from ي
    (علي is never على, as in ``find_words``)."""
    key = search_key(word)[0]
    if key.endswith("ي"):
        for ch in reversed(word):
            if ch not in DROPPED:
                if ch == "ى":
                    return key[:-1] + "ى"
                break
    return key


def name_words(name: str) -> tuple[str, ...]:
    """The keys of a name's tokens (empty when it has no token: a name of white space)."""
    return tuple(word_key(name[a:b]) for a, b in token_offsets(name))


NAME_HEADS = ("عبد", "ابو", "ابي", "ابا")
"""Keys of the words find joins to the next one (ADR 0002): عبد الله = عبدالله, أبو ظبي =
أبوظبي. A name listed either way is found written either way."""


def spellings(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """A name's word keys as listed, with every عبد/أبو/أبي/أبا joined to the next word, and
    with every word that starts with one (and two letters more) split after it."""
    joined: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in NAME_HEADS and i + 1 < len(words):
            joined.append(words[i] + words[i + 1])
            i += 2
        else:
            joined.append(words[i])
            i += 1
    split: list[str] = []
    for word in words:
        head = next((h for h in NAME_HEADS if word.startswith(h) and len(word) > len(h) + 1), "")
        split.extend((head, word[len(head) :]) if head else (word,))
    return {words, tuple(joined), tuple(split)}


@dataclass(frozen=True, slots=True)
class _Name:
    words: tuple[str, ...]
    labels: tuple[tuple[str, float], ...]  # (label, score), one per label


class GazetteerMatcher:
    """The names of some lists, indexed once; ``suggest`` runs on any number of documents.

    The same name (by key) in several lists with one label scores the highest weight; with
    different labels it is suggested once per label (the annotator picks). ``labels`` tells the
    kind of each label (an unknown one counts as an entity) for the rule that a suggestion
    never overlaps a span of its own kind.
    """

    def __init__(self, gazetteers: Iterable[Gazetteer], labels: LabelSet | None = None) -> None:
        scores: dict[tuple[str, ...], dict[str, float]] = {}
        for gazetteer in gazetteers:
            for entry in gazetteer.entries:
                words = name_words(entry.name)
                if not words:
                    continue
                by_label = scores.setdefault(words, {})
                by_label[entry.label] = max(by_label.get(entry.label, 0.0), gazetteer.weight)
        written: dict[tuple[str, ...], dict[str, float]] = {}
        for words, by_label in scores.items():
            for spelling in spellings(words):
                merged = written.setdefault(spelling, {})
                for label, score in by_label.items():
                    merged[label] = max(merged.get(label, 0.0), score)
        first: dict[str, list[_Name]] = {}
        for words, by_label in written.items():
            first.setdefault(words[0], []).append(_Name(words, tuple(sorted(by_label.items()))))
        for names in first.values():
            names.sort(key=lambda n: len(n.words), reverse=True)  # longest first
        self._first = first
        self._labels = labels
        self.size = len(scores)

    def _kind(self, label: str) -> Kind:
        found = self._labels.get(label) if self._labels is not None else None
        return Kind.ENTITY if found is None else found.kind

    def suggest(
        self,
        document_id: int,
        text: str,
        spans: Sequence[Span] = (),
        tokens: Sequence[tuple[int, int]] | None = None,
    ) -> list[Suggestion]:
        """The suggestions for one document's ``text``, in reading order; ``spans`` are the
        spans already there, ``tokens`` its ``token_offsets`` when the caller has them."""
        pairs = token_offsets(text) if tokens is None else tokens
        if not self._first or not pairs:
            return []
        # token text -> its key and the heads of names it may start: an article repeats most
        # of its words, and most of them start no name (they are skipped at once)
        seen: dict[str, tuple[str, tuple[tuple[str, int], ...]]] = {}
        words: list[str] = []
        heads: list[tuple[tuple[str, int], ...]] = []
        for a, b in pairs:
            word = text[a:b]
            known = seen.get(word)
            if known is None:
                key = word_key(word)
                known = seen[word] = (key, self._heads(key))
            words.append(known[0])
            heads.append(known[1])
        taken = _Taken(spans, self._kind)
        found: list[Suggestion] = []
        i, n = 0, len(pairs)
        while i < n:
            if not heads[i]:
                i += 1
                continue
            hit = self._longest(text, pairs, words, heads[i], i, taken)
            if hit is None:
                i += 1
                continue
            start, last, labels = hit
            end = pairs[last][1]
            found.extend(
                Suggestion(document_id, start, end, label, RECOMMENDER, score)
                for label, score in labels
            )
            i = last + 1
        return found

    def _heads(self, key: str) -> tuple[tuple[str, int], ...]:
        """The first words of names a token of this key may start, each with the length of
        the proclitic cut off it first (0: the whole token)."""
        found = [(key, 0)] if key in self._first else []
        for prefix in _PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                stem = key[len(prefix) :]
                if stem in self._first:
                    found.append((stem, len(prefix)))
        return tuple(found)

    def _longest(
        self,
        text: str,
        pairs: Sequence[tuple[int, int]],
        words: list[str],
        heads: tuple[tuple[str, int], ...],
        i: int,
        taken: _Taken,
    ) -> tuple[int, int, list[tuple[str, float]]] | None:
        """The longest name starting at token ``i`` (whole, or after a proclitic: ``heads``)
        that some label may take there: (start offset, last token index, labels and scores)."""
        best: tuple[int, int, list[tuple[str, float]]] | None = None
        for head, cut in heads:
            for name in self._first[head]:
                size = len(name.words)
                if best is not None and size <= best[1] - i + 1:
                    break  # names are longest first: nothing longer follows
                last = i + size - 1
                if last >= len(words) or not _follows(text, pairs, words, i, name.words):
                    continue
                start = pairs[i][0] + _cut_offset(text[pairs[i][0] : pairs[i][1]], cut)
                end = pairs[last][1]
                labels = [(lb, s) for lb, s in name.labels if taken.free(start, end, lb)]
                if labels:
                    best = (start, last, labels)
                    break
        return best


def _follows(
    text: str, pairs: Sequence[tuple[int, int]], words: list[str], i: int, name: tuple[str, ...]
) -> bool:
    """Tokens ``i + 1 ...`` are the rest of the name, on one line."""
    for k in range(1, len(name)):
        if words[i + k] != name[k] or "\n" in text[pairs[i + k - 1][1] : pairs[i + k][0]]:
            return False
    return True


def _cut_offset(token: str, cut: int) -> int:
    """Where, in ``token``, its key's first ``cut`` characters (a proclitic) end: past the
    marks on them (وَالرقة: the stem starts at ا)."""
    if cut == 0:
        return 0
    offsets = search_key(token)[1]
    return offsets[cut]


class _Taken:
    """The spans already there, by kind: a suggestion never overlaps one of its kind. Per kind,
    the starts in order and the greatest end so far: one bisect a question."""

    def __init__(self, spans: Sequence[Span], kind_of: Callable[[str], Kind]) -> None:
        by_kind: dict[Kind, list[tuple[int, int]]] = {}
        for span in spans:
            by_kind.setdefault(kind_of(span.label), []).append((span.start, span.end))
        self._kind_of = kind_of
        self._starts: dict[Kind, list[int]] = {}
        self._reach: dict[Kind, list[int]] = {}
        for kind, ranges in by_kind.items():
            ranges.sort()
            self._starts[kind] = [a for a, _ in ranges]
            self._reach[kind] = list(accumulate((b for _, b in ranges), max))

    def free(self, start: int, end: int, label: str) -> bool:
        kind = self._kind_of(label)
        starts = self._starts.get(kind)
        if not starts:
            return True
        k = bisect_left(starts, end)  # the spans starting before ``end``
        return k == 0 or self._reach[kind][k - 1] <= start
