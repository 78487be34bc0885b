"""Tokens for token-level exports and per-layer tag sequences (IOB1, IOB2, BIOES, BILOU).

Token modes (DESIGN.md §4): ``split`` cuts a token wherever a span boundary falls inside it
(و | الرقة), so every span is a whole number of tokens; ``whole`` keeps the tokenizer's tokens
and tags every token a span touches (the span is *widened*). A layer's tags can hold no
overlapping spans: the first in reading order (``sorted_spans``: by start, longer first) wins and
the others are returned as problems, with the reason, for the export report.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.model import Kind, LabelSet, Span, sorted_spans
from annotator.core.tokens import Token, tokenize

SCHEMES: dict[str, tuple[str, ...]] = {
    "iob2": ("B", "I"),
    "iob1": ("B", "I"),
    "bioes": ("B", "I", "E", "S"),
    "bilou": ("B", "I", "L", "U"),
}
TOKEN_MODES = ("split", "whole")
TAG_FIELDS: dict[Kind, str] = {
    Kind.ENTITY: "ner_tags",
    Kind.EVENT: "event_tags",
    Kind.QUOTE: "quote_tags",
}


def export_tokens(
    text: str, spans: Iterable[Span], mode: str = "split", base: Sequence[Token] | None = None
) -> list[Token]:
    """``base`` tokens (default: the tokenizer's); in ``split`` mode cut wherever a span
    boundary falls inside one."""
    tokens = list(base) if base is not None else tokenize(text)
    if mode == "whole":
        return tokens
    if mode != "split":
        raise ValueError(f"unknown token mode {mode!r}; known: {', '.join(TOKEN_MODES)}")
    cuts = sorted({b for s in spans for b in (s.start, s.end)})
    if not cuts:
        return tokens
    out: list[Token] = []
    for tok in tokens:
        i = bisect_right(cuts, tok.start)
        start = tok.start
        while i < len(cuts) and cuts[i] < tok.end:
            out.append(Token(start, cuts[i], text[start : cuts[i]]))
            start = cuts[i]
            i += 1
        out.append(tok if start == tok.start else Token(start, tok.end, text[start : tok.end]))
    return out


def tag_names(labels: LabelSet, kind: Kind, scheme: str = "iob2") -> list[str]:
    """``["O", "B-PER", "I-PER", ...]``: the ClassLabel names of one layer, in label order."""
    prefixes = _prefixes(scheme)
    return ["O"] + [f"{p}-{label.name}" for label in labels.of_kind(kind) for p in prefixes]


@dataclass(frozen=True, slots=True)
class LayerTags:
    tags: list[str]  # one per token
    kept: list[Span]  # spans expressed by the tags
    widened: list[tuple[Span, int, int]]  # (span, start, end) of the tokens that stand for it
    problems: list[tuple[Span, str]]  # spans the tags cannot hold, and why


def layer_tags(
    text: str,
    tokens: Sequence[Token],
    spans: Iterable[Span],
    scheme: str = "iob2",
    mode: str = "split",
) -> LayerTags:
    """Tags for the spans of ONE layer over ``tokens``."""
    _prefixes(scheme)
    starts = [t.start for t in tokens]
    owner: list[int] = [-1] * len(tokens)  # index into kept
    kept: list[Span] = []
    ranges: list[tuple[int, int]] = []
    widened: list[tuple[Span, int, int]] = []
    problems: list[tuple[Span, str]] = []
    for span in sorted_spans(spans):
        first, last = _covered(tokens, starts, span, whole=mode == "whole")
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
        a, b = tokens[first].start, tokens[last].end
        if a < span.start or b > span.end:
            widened.append((span, a, b))
        elif (a, b) != (span.start, span.end):
            problems.append(
                (span, f"the tags cover only {text[a:b]!r} (its edges are not in any token)")
            )
    return LayerTags(_encode(len(tokens), kept, ranges, scheme), kept, widened, problems)


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
    tokens: Sequence[Token], starts: list[int], span: Span, *, whole: bool
) -> tuple[int, int]:
    """Index of the first and last token the span stands on (first > last when none)."""
    i = bisect_right(starts, span.start) - 1
    if i < 0 or tokens[i].end <= span.start or (not whole and tokens[i].start < span.start):
        i += 1
    j = i
    while j < len(tokens) and tokens[j].start < span.end:
        if not whole and tokens[j].end > span.end:
            break
        j += 1
    return i, j - 1


def _encode(n: int, kept: list[Span], ranges: list[tuple[int, int]], scheme: str) -> list[str]:
    tags = ["O"] * n
    order = sorted(range(len(kept)), key=lambda k: ranges[k][0])
    prev_end, prev_label = -2, ""
    for k in order:
        first, last = ranges[k]
        label = kept[k].label
        single = first == last
        if scheme == "iob2":
            tags[first] = f"B-{label}"
            inner = "I"
        elif scheme == "iob1":
            touching = prev_end == first - 1 and prev_label == label
            tags[first] = f"{'B' if touching else 'I'}-{label}"
            inner = "I"
        else:
            end_p, single_p = ("E", "S") if scheme == "bioes" else ("L", "U")
            tags[first] = f"{single_p if single else 'B'}-{label}"
            inner = "I"
            if not single:
                tags[last] = f"{end_p}-{label}"
                last -= 1
        for i in range(first + 1, last + 1):
            tags[i] = f"{inner}-{label}"
        prev_end, prev_label = ranges[k][1], label
    return tags
