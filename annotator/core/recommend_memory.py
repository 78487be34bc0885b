"""The project-memory recommender (issue 11, docs/adr/0053): every text already labelled in the
project suggests its label wherever it occurs, matched as ``core.search.find_words`` matches
(the search key, whole words, across proclitics: الرقة finds والرقة and بالرقة with the
proclitic left out of the span, never مصر in مصرف, علي never for على), longest match first,
never overlapping a span of the same kind already there.

Score (INCEpTION's rule): how often the text carries the label among the spans with that text,
by the search key; PER twice and ORG once → 0.67 and 0.33, both suggested at the place.

Fast enough for 10,000 labelled texts on a 6,000-token article: the memory is a dict from a
text's folded first word to its entries, and an article is read in one pass over its tokens
(one lookup per token, and per proclitic split of it), not one find per labelled text.

One difference from find_words, written down in the ADR: the names joined by find
(عبد الله = عبدالله) are not joined here; each is matched as labelled.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.model import Kind
from annotator.core.search import DROPPED, PROCLITICS, fold, search_key
from annotator.core.suggestions import Suggestion
from annotator.core.tokens import token_offsets

NAME = "memory"

_FINAL_YEH = {"ى": "maqsura", "ي": "yeh"}


@dataclass(frozen=True, slots=True)
class Entry:
    """A labelled text by the search key: its folded tokens, whether white space stands
    between each two of them, its final yeh (ى or ي, told apart as find_words does), and its
    labels with their scores, best first."""

    words: tuple[str, ...]
    gaps: tuple[bool, ...]
    final_yeh: str | None
    labels: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Words:
    """The entries that start with one folded word: their lengths in words, longest first,
    and the entries by their folded words (several when only the gaps or final yeh differ)."""

    lengths: tuple[int, ...]
    entries: Mapping[tuple[str, ...], tuple[Entry, ...]]


@dataclass(frozen=True, slots=True)
class Memory:
    """Entries by their first folded word."""

    by_first: Mapping[str, Words]

    def __len__(self) -> int:
        return sum(len(e) for w in self.by_first.values() for e in w.entries.values())


def final_yeh(word: str) -> str | None:
    for ch in reversed(word):
        if ch not in DROPPED:
            return _FINAL_YEH.get(ch)
    return None


@lru_cache(maxsize=65_536)
def _shape(text: str) -> tuple[tuple[str, ...], tuple[bool, ...], str | None]:
    """A labelled text's folded tokens, gaps and final yeh (cached: texts repeat)."""
    pairs = token_offsets(text)
    words = tuple(fold(text[a:b]) for a, b in pairs)
    gaps = tuple(pairs[k][1] < pairs[k + 1][0] for k in range(len(pairs) - 1))
    return words, gaps, final_yeh(text)


def learn(texts: Iterable[tuple[str, str, int]]) -> Memory:
    """The memory of ``(span text, label, how many spans)``; texts that fold to no word are
    left out."""
    counts: dict[tuple[tuple[str, ...], tuple[bool, ...], str | None], dict[str, int]] = {}
    for text, label, n in texts:
        if n <= 0:
            continue
        shape = _shape(text)
        if not shape[0] or not all(shape[0]):
            continue
        by_label = counts.setdefault(shape, {})
        by_label[label] = by_label.get(label, 0) + n
    grouped: dict[str, dict[tuple[str, ...], list[Entry]]] = defaultdict(dict)
    for (words, gaps, yeh), by_label in counts.items():
        total = sum(by_label.values())
        labels = tuple(
            sorted(((lb, n / total) for lb, n in by_label.items()), key=lambda x: (-x[1], x[0]))
        )
        grouped[words[0]].setdefault(words, []).append(Entry(words, gaps, yeh, labels))
    return Memory(
        {
            first: Words(
                tuple(sorted({len(w) for w in entries}, reverse=True)),
                {w: tuple(e) for w, e in entries.items()},
            )
            for first, entries in grouped.items()
        }
    )


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    entry: Entry


def _matches(memory: Memory, text: str) -> list[_Match]:
    """Every place an entry matches (overlapping ones too), found in one pass over the tokens:
    per token, one lookup of its folded word (and of the word after each proclitic split),
    then one per length of the entries starting with that word."""
    pairs = token_offsets(text)
    cache: dict[str, str] = {}
    folded = []
    for a, b in pairs:
        word = text[a:b]
        f = cache.get(word)
        if f is None:
            f = cache[word] = fold(word)
        folded.append(f)
    stems: dict[str, list[tuple[str, int]]] = {}  # token text -> (stem, where it starts)
    found: list[_Match] = []
    by_first = memory.by_first
    n = len(pairs)
    for i, f in enumerate(folded):
        starts: list[tuple[str, int]] = []
        if f in by_first:
            starts.append((f, 0))
        if len(f) > 1 and (f[:1] in PROCLITICS or f[:2] in PROCLITICS):
            token = text[pairs[i][0] : pairs[i][1]]
            split = stems.get(token)
            if split is None:
                split = stems[token] = _splits(token, f, by_first)
            starts.extend(split)
        for stem, shift in starts:
            words = by_first[stem]
            for size in words.lengths:
                if i + size > n:
                    continue
                key = (stem, *folded[i + 1 : i + size]) if size > 1 else (stem,)
                for entry in words.entries.get(key, ()):
                    if size > 1 and not _gaps_agree(entry, pairs, i):
                        continue
                    start, end = pairs[i][0] + shift, pairs[i + size - 1][1]
                    if entry.final_yeh and final_yeh(text[start:end]) not in (
                        None,
                        entry.final_yeh,
                    ):
                        continue
                    found.append(_Match(start, end, entry))
    return found


def _splits(token: str, f: str, by_first: Mapping[str, Words]) -> list[tuple[str, int]]:
    """(stem, its offset in the token) for each proclitic split whose stem starts an entry."""
    out = []
    offsets: list[int] | None = None
    for p in (1, 2):
        if len(f) > p and f[:p] in PROCLITICS and f[p:] in by_first:
            offsets = offsets or search_key(token)[1]
            out.append((f[p:], offsets[p]))
    return out


def _gaps_agree(entry: Entry, pairs: list[tuple[int, int]], i: int) -> bool:
    return all(
        (pairs[i + j - 1][1] < pairs[i + j][0]) == gap for j, gap in enumerate(entry.gaps, 1)
    )


def suggest(
    memory: Memory,
    document_id: int,
    text: str,
    spans: Sequence[tuple[int, int, str]],
    kinds: Mapping[str, Kind],
) -> list[Suggestion]:
    """The memory's suggestions for a document whose spans are ``(start, end, label)``:
    longest match first, none overlapping a longer one, a label left out where a span of its
    kind overlaps the place; labels the project no longer has (``kinds``) are left out."""
    covered: dict[Kind, bytearray] = {}
    for start, end, label in spans:
        kind = kinds.get(label)
        if kind is not None:
            mask = covered.setdefault(kind, bytearray(len(text)))
            mask[start:end] = b"\x01" * (end - start)
    taken = bytearray(len(text))
    out: list[Suggestion] = []
    for m in sorted(_matches(memory, text), key=lambda m: (m.start - m.end, m.start)):
        if any(taken[m.start : m.end]):
            continue
        labels = [
            (label, score)
            for label, score in m.entry.labels
            if label in kinds
            and not (kinds[label] in covered and any(covered[kinds[label]][m.start : m.end]))
        ]
        if not labels:
            continue
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        out.extend(
            Suggestion(document_id, m.start, m.end, label, NAME, round(score, 4))
            for label, score in labels
        )
    out.sort(key=lambda s: (s.start, -s.end, -s.score, s.label))
    return out
