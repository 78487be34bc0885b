"""Features and tags for the project's own CRF entity model (issue 12, ADR 0066).

Pure: tokens in, feature dicts and tags out. A token after a proclitic (والرقة) has the
features of its stem and proclitic too, and its tag says whether the entity starts at the token
(``B-LOC``) or at its stem (``B+LOC``): decoding gives the stem span, as a person labels it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from annotator.core.clitics import proclitic_splits, span_key
from annotator.core.tokens import Token, sentence_token_ranges, tokenize

OUTSIDE = "O"
STEM_MARK = "+"  # B+LOC: the entity starts after the token's proclitic
WINDOW = 2


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded texts the caller knows: project memory and gazetteer names (span_key)."""

    memory: frozenset[str] = frozenset()
    gazetteer: frozenset[str] = frozenset()


def stem_of(word: str) -> tuple[str, str]:
    """``(proclitic, stem)`` of the longest proclitic split leaving a stem of 2+ letters."""
    for proclitic, stem in proclitic_splits(word):
        if len(span_key(stem)) >= 2:
            return proclitic, stem
    return "", word


def _shape(word: str) -> str:
    if any(ch.isdigit() for ch in word):
        return "digit"
    if any("a" <= ch.lower() <= "z" for ch in word):
        return "latin"
    if not any(ch.isalnum() for ch in word):
        return "punct"
    return "word"


def _token_features(word: str, lexicon: Lexicon) -> dict[str, str | float]:
    proclitic, stem = stem_of(word)
    key, stem_key = span_key(word), span_key(stem)
    features: dict[str, str | float] = {
        "w": word,
        "k": key,
        "s": stem_key,
        "p": span_key(proclitic),
        "shape": _shape(word),
        "len": float(min(len(stem_key), 10)) / 10,
    }
    for n in (1, 2, 3):
        features[f"pre{n}"] = stem_key[:n]
        features[f"suf{n}"] = stem_key[-n:]
    for name, known in (("mem", lexicon.memory), ("gaz", lexicon.gazetteer)):
        if key in known or stem_key in known:
            features[name] = 1.0
    return features


def sentence_features(words: Sequence[str], lexicon: Lexicon) -> list[dict[str, str | float]]:
    """One feature dict per word, with the words and stems of ±``WINDOW`` neighbours."""
    own = [_token_features(w, lexicon) for w in words]
    out: list[dict[str, str | float]] = []
    for i, features in enumerate(own):
        merged = dict(features)
        for d in range(-WINDOW, WINDOW + 1):
            if d == 0:
                continue
            j = i + d
            if 0 <= j < len(own):
                merged[f"{d}:k"] = own[j]["k"]
                merged[f"{d}:s"] = own[j]["s"]
                if "gaz" in own[j] or "mem" in own[j]:
                    merged[f"{d}:known"] = 1.0
            else:
                merged[f"{d}:edge"] = 1.0
        if i > 0:
            merged["-1k|k"] = f"{own[i - 1]['k']}|{features['k']}"
        out.append(merged)
    return out


def sentences_of(text: str) -> list[list[Token]]:
    """The text's word tokens per sentence (punctuation kept: it is context)."""
    tokens = tokenize(text)
    return [tokens[a:b] for a, b in sentence_token_ranges(text, tokens) if b > a]


def tags_for(tokens: Sequence[Token], spans: Collection[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags of ``tokens`` for ``(start, end, label)`` spans; a span starting inside a
    token after its proclitic tags that token ``B+LABEL``. Spans not on token boundaries
    otherwise (cutting a word) are left out."""
    tags = [OUTSIDE] * len(tokens)
    for start, end, label in spans:
        inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
        if not inside or tokens[inside[-1]].end != end:
            continue
        first = tokens[inside[0]]
        if first.start == start:
            mark = "-"
        elif first.start + len(stem_of(first.text)[0]) == start and start > first.start:
            mark = STEM_MARK
        else:
            continue
        if any(tags[i] != OUTSIDE for i in inside):
            continue
        tags[inside[0]] = f"B{mark}{label}"
        for i in inside[1:]:
            tags[i] = f"I-{label}"
    return tags


def spans_of(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int, str, int, int]]:
    """Decode tags: ``(start, end, label, first, last)`` with token indexes ``[first, last)``.
    An ``I-`` without its ``B`` starts an entity (as seqeval's lenient reading does not: the
    CRF rarely gives one)."""
    found: list[tuple[int, int, str, int, int]] = []
    current: list[object] | None = None
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        label = tag[2:] if tag != OUTSIDE else ""
        if tag.startswith("I-") and current is not None and current[2] == label:
            current[1], current[4] = token.end, i + 1
            continue
        if current is not None:
            found.append((*current,))  # type: ignore[arg-type]
            current = None
        if tag == OUTSIDE:
            continue
        start = token.start
        if tag[1] == STEM_MARK:
            start += len(stem_of(token.text)[0])
        current = [start, token.end, label, i, i + 1]
    if current is not None:
        found.append((*current,))  # type: ignore[arg-type]
    return found
