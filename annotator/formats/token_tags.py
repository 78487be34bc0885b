"""Tokens for token-level exports and per-layer tag sequences (IOB1, IOB2, BIOES, BILOU).

Token modes (DESIGN.md §4, docs/adr/0043): the tokens of an export never depend on the labels,
except in the one mode named for it.

- ``whole`` (the default; ANERcorp and CAMeL style): the base tokens as they are; a span is
  tagged on every token it touches (والرقة B-LOC) and each span so *widened* is reported;
- ``segment``: every proclitic the clitic analyser (``core.clitics``) detects is cut off, in
  every word, labelled or not (و | الرقة and و | قال alike); spans are then exact wherever the
  analyser agrees with the annotator, and widened (and reported) where it does not;
- ``span-edges``: the old ``split``: a token is cut wherever a span boundary falls inside it, so
  every span is exact, but a lone و then announces an entity (80.8% of the time on ANERcorp-like
  data): the report warns about it (``SPAN_EDGES_WARNING``).

``split`` was the name of ``span-edges`` and the default: it is refused with a message naming
the modes (``mode_error``), so an old script does not silently change what it writes.

A layer's tags can hold no
overlapping spans: the first in reading order (``sorted_spans``: by start, longer first) wins and
the others are returned as problems, with the reason, for the export report.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, overload

from annotator.core.clitics import CliticSplit
from annotator.core.model import Kind, LabelSet, Span, sorted_spans
from annotator.core.tokens import Token, TokenList, offsets_of

SCHEMES: dict[str, tuple[str, ...]] = {
    "iob2": ("B", "I"),
    "iob1": ("B", "I"),
    "bioes": ("B", "I", "E", "S"),
    "bilou": ("B", "I", "L", "U"),
}
WHOLE, SEGMENT, SPAN_EDGES = "whole", "segment", "span-edges"
TOKEN_MODES = (WHOLE, SEGMENT, SPAN_EDGES)
DEFAULT_TOKEN_MODE = WHOLE
REMOVED_MODES = {"split": SPAN_EDGES}  # old name -> the mode that does what it did
SPAN_EDGES_WARNING = (
    "span-edges tokens: a token is cut only where a span starts or ends (و | الرقة, but وقال "
    "whole), so the tokens tell where the entities are; a model trained on them learns a cue "
    "that never exists at inference. Use --tokens whole or segment for training data."
)
TAG_FIELDS: dict[Kind, str] = {
    Kind.ENTITY: "ner_tags",
    Kind.EVENT: "event_tags",
    Kind.QUOTE: "quote_tags",
}


class ProcliticSplitter(Protocol):
    """What ``segment`` needs of ``core.clitics.CliticAnalyser``."""

    def analyse(self, word: str) -> CliticSplit | None: ...


def mode_error(mode: str) -> str | None:
    """Why ``mode`` is no token mode (None if it is one): an old name says what replaced it."""
    if mode in TOKEN_MODES:
        return None
    known = ", ".join(TOKEN_MODES)
    if mode in REMOVED_MODES:
        return (
            f"token mode {mode!r} was removed: it cut tokens only where a span starts, so the "
            f"tokens told the labels; use {WHOLE} (the default: whole tokens, spans widened), "
            f"{SEGMENT} (every proclitic the clitic analyser finds split off, labelled or not) "
            f"or {REMOVED_MODES[mode]} (the old cut, with a warning in the report)"
        )
    return f"unknown token mode {mode!r}; known: {known}"


def export_tokens(
    text: str,
    spans: Iterable[Span],
    mode: str = DEFAULT_TOKEN_MODE,
    base: Sequence[Token] | None = None,
    clitics: ProcliticSplitter | None = None,
) -> TokenList:
    """The tokens an export writes: ``base`` tokens (default: the tokenizer's) in ``whole``
    mode; cut after every proclitic ``clitics`` finds in ``segment`` mode; cut wherever a
    span boundary falls inside one in ``span-edges`` mode (``spans`` are read only there)."""
    tokens = TokenList.of(text) if base is None else base
    problem = mode_error(mode)
    if problem is not None:
        raise ValueError(problem)
    if mode == WHOLE:
        return split_at(text, tokens, ())
    if mode == SEGMENT:
        if clitics is None:
            raise ValueError("segment tokens need a clitic analyser")
        return split_at(text, tokens, proclitic_cuts(tokens, clitics))
    return split_at(text, tokens, {b for s in spans for b in (s.start, s.end)})


def proclitic_cuts(tokens: Sequence[Token], clitics: ProcliticSplitter) -> list[int]:
    """Where ``segment`` cuts: after the proclitic of every token the analyser splits."""
    # token text -> length of its proclitic (0: none), for this document or the whole export
    seen = clitics.lengths if isinstance(clitics, RememberingSplitter) else {}
    if len(seen) > REMEMBERED_WORDS:
        seen.clear()
    starts, ends = offsets_of(tokens)
    text = tokens.text if isinstance(tokens, TokenList) else None
    words = (
        list(map(text.__getitem__, map(slice, starts, ends)))
        if text is not None
        else [t.text for t in tokens]
    )
    cuts = []
    for start, word, known in zip(starts, words, map(seen.get, words), strict=True):
        n = known
        if n is None:
            split = clitics.analyse(word) if word[:1].isalpha() else None
            n = seen[word] = len(split.proclitic) if split is not None else 0
        if n:
            cuts.append(start + n)
    return cuts


REMEMBERED_WORDS = 1 << 17  # distinct words whose proclitic an export remembers


class RememberingSplitter:
    """A ProcliticSplitter whose answers ``proclitic_cuts`` remembers for the whole export
    (up to ``REMEMBERED_WORDS`` words, then it starts again): the same words come back in
    every document (docs/adr/0050). The analyser must not change while it is used (an
    export's does not)."""

    __slots__ = ("lengths", "splitter")

    def __init__(self, splitter: ProcliticSplitter) -> None:
        self.splitter = splitter
        self.lengths: dict[str, int] = {}

    def analyse(self, word: str) -> CliticSplit | None:
        return self.splitter.analyse(word)


def split_at(text: str, tokens: Sequence[Token], cuts: Iterable[int]) -> TokenList:
    """``tokens`` (ascending, disjoint) cut at every offset of ``cuts`` strictly inside one.

    Only the tokens a cut falls in are looked at one by one; the runs between them are copied
    as whole arrays, so an 11-million-token article with a few cuts costs little."""
    starts, ends = offsets_of(tokens)
    inside: dict[int, list[int]] = {}
    for cut in sorted(set(cuts)):
        k = bisect_right(starts, cut) - 1
        if k >= 0 and starts[k] < cut < ends[k]:
            inside.setdefault(k, []).append(cut)
    if not inside and isinstance(tokens, TokenList):
        return tokens
    new_starts, new_ends = array("i"), array("i")
    done = 0
    for k in sorted(inside):
        new_starts.extend(starts[done:k])
        new_ends.extend(ends[done:k])
        start = starts[k]
        for cut in inside[k]:
            new_starts.append(start)
            new_ends.append(cut)
            start = cut
        new_starts.append(start)
        new_ends.append(ends[k])
        done = k + 1
    new_starts.extend(starts[done:])
    new_ends.extend(ends[done:])
    return TokenList(text, new_starts, new_ends)


def tag_names(labels: LabelSet, kind: Kind, scheme: str = "iob2") -> list[str]:
    """``["O", "B-PER", "I-PER", ...]``: the ClassLabel names of one layer, in label order."""
    prefixes = _prefixes(scheme)
    return ["O"] + [f"{p}-{label.name}" for label in labels.of_kind(kind) for p in prefixes]


class Tags(Sequence[str]):
    """One tag per token, kept as a 2-byte code per token into a short list of tag names
    (a list of 11 million tag strings would take 88 MB of pointers alone)."""

    __slots__ = ("_code_of", "codes", "names")

    def __init__(self, n: int) -> None:
        self.names: list[str] = ["O"]
        self._code_of = {"O": 0}
        self.codes = array("H", bytes(2 * n))

    def code(self, name: str) -> int:
        found = self._code_of.get(name)
        if found is None:
            found = self._code_of[name] = len(self.names)
            self.names.append(name)
        return found

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self.names[c] for c in self.codes[index]]
        return self.names[self.codes[index]]

    def __setitem__(self, index: int, name: str) -> None:
        self.codes[index] = self.code(name)

    def __iter__(self) -> Iterator[str]:
        return map(self.names.__getitem__, self.codes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tags({list(self)!r})"


@dataclass(frozen=True, slots=True)
class LayerTags:
    tags: Tags  # one per token
    kept: list[Span]  # spans expressed by the tags
    widened: list[tuple[Span, int, int]]  # (span, start, end) of the tokens that stand for it
    problems: list[tuple[Span, str]]  # spans the tags cannot hold, and why
    ranges: list[tuple[int, int]] = field(default_factory=list)  # kept: tokens [first, end)


def layer_tags(
    text: str,
    tokens: Sequence[Token],
    spans: Iterable[Span],
    scheme: str = "iob2",
    mode: str = DEFAULT_TOKEN_MODE,
) -> LayerTags:
    """Tags for the spans of ONE layer over ``tokens`` (cut for ``mode`` by ``export_tokens``):
    in ``whole`` and ``segment`` mode a span is tagged on every token it touches."""
    _prefixes(scheme)
    starts, ends = offsets_of(tokens)
    ordered = sorted_spans(spans)
    if not ordered:  # most layers of most documents: all O
        return LayerTags(Tags(len(starts)), [], [], [])
    owner = array("i", [-1]) * len(starts)  # index into kept
    kept: list[Span] = []
    ranges: list[tuple[int, int]] = []
    widened: list[tuple[Span, int, int]] = []
    problems: list[tuple[Span, str]] = []
    for span in ordered:
        first, last = _covered(starts, ends, span, whole=mode != SPAN_EDGES)
        if first > last:
            problems.append((span, "it covers no token (only spaces or direction marks)"))
            continue
        taken = next((owner[i] for i in range(first, last + 1) if owner[i] >= 0), -1)
        if taken >= 0:
            other = kept[taken]
            problems.append(
                (span, f"it overlaps {describe(text, other)} in the same layer, which is kept")
            )
            continue
        for i in range(first, last + 1):
            owner[i] = len(kept)
        kept.append(span)
        ranges.append((first, last))
        a, b = starts[first], ends[last]
        if a < span.start or b > span.end:
            widened.append((span, a, b))
        elif (a, b) != (span.start, span.end):
            problems.append(
                (span, f"the tags cover only {text[a:b]!r} (its edges are not in any token)")
            )
    tags = _encode(len(starts), kept, ranges, scheme)
    return LayerTags(tags, kept, widened, problems, [(a, b + 1) for a, b in ranges])


def token_extent(tokens: Sequence[Token], span: Span) -> tuple[int, int] | None:
    """``(start, end)`` of the tokens ``span`` touches (whole tokens); None if it touches none."""
    starts, ends = offsets_of(tokens)
    first, last = _covered(starts, ends, span, whole=True)
    return None if first > last else (starts[first], ends[last])


def describe(text: str, span: Span) -> str:
    """``span 12 PER [4, 9) 'كارتر'``: how reports name a span."""
    ident = f"span {span.id} " if span.id is not None else "span "
    return f"{ident}{span.label} [{span.start}, {span.end}) {text[span.start : span.end]!r}"


def _prefixes(scheme: str) -> tuple[str, ...]:
    try:
        return SCHEMES[scheme]
    except KeyError:
        raise ValueError(f"unknown tag scheme {scheme!r}; known: {', '.join(SCHEMES)}") from None


def _covered(
    starts: Sequence[int], ends: Sequence[int], span: Span, *, whole: bool
) -> tuple[int, int]:
    """Index of the first and last token the span stands on (first > last when none)."""
    n = len(starts)
    i = bisect_right(starts, span.start) - 1
    if i < 0 or ends[i] <= span.start or (not whole and starts[i] < span.start):
        i += 1
    j = i
    while j < n and starts[j] < span.end:
        if not whole and ends[j] > span.end:
            break
        j += 1
    return i, j - 1


def _encode(n: int, kept: list[Span], ranges: list[tuple[int, int]], scheme: str) -> Tags:
    tags = Tags(n)
    codes = tags.codes
    order = sorted(range(len(kept)), key=lambda k: ranges[k][0])
    prev_end, prev_label = -2, ""
    for k in order:
        first, last = ranges[k]
        label = kept[k].label
        single = first == last
        if scheme == "iob2":
            tags[first] = f"B-{label}"
        elif scheme == "iob1":
            touching = prev_end == first - 1 and prev_label == label
            tags[first] = f"{'B' if touching else 'I'}-{label}"
        else:
            end_p, single_p = ("E", "S") if scheme == "bioes" else ("L", "U")
            tags[first] = f"{single_p if single else 'B'}-{label}"
            if not single:
                tags[last] = f"{end_p}-{label}"
                last -= 1
        if last > first:
            codes[first + 1 : last + 1] = array("H", [tags.code(f"I-{label}")]) * (last - first)
        prev_end, prev_label = ranges[k][1], label
    return tags
