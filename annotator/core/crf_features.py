"""Features and tags for the project's own CRF entity model (issue 12, ADR 0066).

Pure: tokens in, feature strings and tags out. A token after a proclitic (والرقة) has the
features of its stem and proclitic too, and its tag says whether the entity starts at the token
(``B-LOC``) or at its stem (``B+LOC``): decoding gives the stem span, as a person labels it.

Features are ``name=value`` strings, what crfsuite reads fastest. A word's own features and
those it gives its neighbours do not depend on the context: they are made once per distinct
word (a ``cache`` dict the caller keeps for a text or a training run).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.clitics import proclitic_splits, span_key
from annotator.core.tokens import Token, sentence_token_ranges, tokenize

OUTSIDE = "O"
STEM_MARK = "+"  # B+LOC: the entity starts after the token's proclitic
WINDOW = 2
MAX_ENTITY_WORDS = 6  # the longest known name looked for in a sentence
MEMORY, GAZETTEER = "MEM", "GAZ"  # the labels of the caller's unlabelled names
MIN_REPEATED_LETTERS = 3
WORD_SHAPE = "word"  # the shape of most tokens: no feature says it
# The feature set's version, kept with a model: 1 had letter trigrams and vowel patterns where 2
# has core.crf_evidence's votes (ADR 0066). A model stored with version 1 is fed version 1.
FEATURES = 2


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Names the caller knows, as ``entity_key`` gives them: the project memory and the
    gazetteers (no label), and ``entities``, labelled ``(key, label)`` pairs (a trained model's
    own spans)."""

    memory: frozenset[str] = frozenset()
    gazetteer: frozenset[str] = frozenset()
    entities: frozenset[tuple[str, str]] = frozenset()


def entity_key(text: str) -> str:
    """A name's key: its tokens' folded texts joined by one space (what a sentence is matched
    against, whatever the spaces of the text)."""
    return " ".join(span_key(t.text) for t in tokenize(text))


def stem_of(word: str) -> tuple[str, str]:
    """``(proclitic, stem)`` of the longest proclitic split leaving a stem of 2+ letters."""
    for proclitic, stem in proclitic_splits(word):
        if len(span_key(stem)) >= 2:
            return proclitic, stem
    return "", word


def shape_of(word: str) -> str:
    """``digit``, ``latin``, ``punct`` or ``word`` (Arabic and other letters)."""
    if any(ch.isdigit() for ch in word):
        return "digit"
    if any("a" <= ch.lower() <= "z" for ch in word):
        return "latin"
    if not any(ch.isalnum() for ch in word):
        return "punct"
    return WORD_SHAPE


def length_bucket(key: str) -> str:
    """Letters of a folded stem in a few buckets: short function words apart from names."""
    n = len(key)
    return str(n) if n <= 3 else "4-5" if n <= 5 else "6-7" if n <= 7 else "8+"


def is_nisba(key: str) -> bool:
    """The folded stem ends like a relative adjective (المصري, الأمريكية, السوريين)."""
    return len(key) >= 4 and key.endswith(("ي", "يه", "يون", "يين", "يات"))


PROCLITIC_LETTERS = frozenset("وفبكلس")  # a word starting otherwise has no proclitic split


def subword_features(key: str) -> list[str]:
    """The 1-4-letter prefixes and suffixes of a folded stem (4 from 5 letters): what an unseen
    name shares with known ones. Its letters as a whole are ``core.crf_evidence``'s vote (which
    made the letter trigrams and vowel pattern once here redundant: ADR 0066)."""
    out = [f"pre1={key[:1]}", f"suf1={key[-1:]}", f"pre2={key[:2]}", f"suf2={key[-2:]}"]
    out += [f"pre3={key[:3]}", f"suf3={key[-3:]}"]
    if len(key) >= 5 and key.isalpha():
        out += [f"pre4={key[:4]}", f"suf4={key[-4:]}"]
    return out


VOWEL_LETTERS = frozenset("اويى")


def first_subword_features(key: str) -> list[str]:
    """Version 1's affixes, letter trigrams (with the edges: ``<ال``, ``يه>``) and vowel pattern
    (``CVCVVCVV`` for ليتوانيا, without the article), for models stored with it."""
    out = [f"pre1={key[:1]}", f"suf1={key[-1:]}", f"pre3={key[:3]}", f"suf3={key[-3:]}"]
    if len(key) < 3 or not key.isalpha():
        return [*out, f"pre2={key[:2]}", f"suf2={key[-2:]}"]
    padded = f"<{key}>"
    out += [f"c3={padded[i : i + 3]}" for i in range(len(padded) - 2)]
    bare = key[2:] if key.startswith("ال") and len(key) > 4 else key
    pattern = "".join("V" if ch in VOWEL_LETTERS else "C" for ch in bare)
    out += [f"cv={pattern}", f"vowels={min(pattern.count('V'), 5)}/{min(len(pattern), 9)}"]
    if len(key) >= 5:
        out += [f"pre4={key[:4]}", f"suf4={key[-4:]}"]
    return out


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """A word's own features and, per offset ``d`` in ±WINDOW, those it gives a word ``d``
    places after it (``near[d + WINDOW]``; ``-1s=...`` is the stem of the word before)."""

    key: str
    stem: str
    own: tuple[str, ...]
    near: tuple[tuple[str, ...], ...]


def word_features(word: str, version: int = FEATURES) -> WordFeatures:
    """Features of the word alone. The stem stands for the word when there is no proclitic
    (``s=`` always, ``k=`` and ``p=`` only after a proclitic, ``w=`` only if folding changed
    the word): fewer strings for crfsuite to read, the same information."""
    key = span_key(word)
    proclitic, stem = stem_of(word) if key[:1] in PROCLITIC_LETTERS else ("", word)
    stem_key = span_key(stem) if proclitic else key
    shape = shape_of(word)
    own = [f"s={stem_key}", f"len={length_bucket(stem_key)}"]
    if shape != WORD_SHAPE:  # most words: said by saying nothing (fewer strings to read)
        own.append(f"shape={shape}")
    if proclitic:
        own += [f"k={key}", f"p={span_key(proclitic)}"]
    if word != key:
        own.append(f"w={word}")
    nisba = is_nisba(stem_key)
    if nisba:
        own.append("nisba")
    own += subword_features(stem_key) if version >= FEATURES else first_subword_features(stem_key)
    near: list[tuple[str, ...]] = []
    for d in range(-WINDOW, WINDOW + 1):
        item = [f"{d:+d}s={stem_key}"] if d else []
        if d and proclitic:
            item.append(f"{d:+d}k={key}")
        if abs(d) == 1:
            item.append(f"{d:+d}suf2={stem_key[-2:]}")
            if shape != WORD_SHAPE:
                item.append(f"{d:+d}shape={shape}")
            if nisba:
                item.append(f"{d:+d}nisba")
        near.append(tuple(item))
    return WordFeatures(key, stem_key, tuple(own), tuple(near))


# What the places beyond a sentence's ends give the words near them: -2edge, -1edge, ...
_EDGE = WordFeatures(
    "", "", (), tuple((f"{d:+d}edge",) if d else () for d in range(-WINDOW, WINDOW + 1))
)


@dataclass(frozen=True, slots=True)
class _Names:
    labels: dict[str, tuple[str, ...]]  # a name's key: its labels
    firsts: frozenset[str]  # the names' first words
    longest: int  # words of the longest name (at most MAX_ENTITY_WORDS)


@lru_cache(maxsize=8)
def _names(lexicon: Lexicon) -> _Names:
    """The lexicon's names indexed for ``name_features`` (once per lexicon object)."""
    labels: defaultdict[str, set[str]] = defaultdict(set)
    for key, label in lexicon.entities:
        labels[key].add(label)
    for keys, label in ((lexicon.memory, MEMORY), (lexicon.gazetteer, GAZETTEER)):
        for key in keys:
            labels[key].add(label)
    longest = max((k.count(" ") + 1 for k in labels), default=0)
    return _Names(
        {k: tuple(sorted(v)) for k, v in labels.items()},
        frozenset(k.split(" ", 1)[0] for k in labels),
        min(longest, MAX_ENTITY_WORDS),
    )


def name_features(keys: Sequence[str], stems: Sequence[str], lexicon: Lexicon) -> list[list[str]]:
    """Per word, ``m=B-LABEL`` / ``m=I-LABEL`` where a known name of the lexicon starts or goes
    on (the longest at each word; ``m=B+-LABEL``: the name starts at the stem, والرقة)."""
    out: list[list[str]] = [[] for _ in keys]
    names = _names(lexicon)
    labels, firsts, longest = names.labels, names.firsts, names.longest
    for i, (key, stem) in enumerate(zip(keys, stems, strict=True)):
        if key not in firsts and stem not in firsts:
            continue
        for first, mark in ((key, "B"), (stem, "B+")):
            if first not in firsts or (mark == "B+" and first == key):
                continue
            for n in range(min(longest, len(keys) - i), 0, -1):
                found = labels.get(" ".join((first, *keys[i + 1 : i + n])))
                if found:
                    for label in found:
                        out[i].append(f"m={mark}-{label}")
                        for j in range(i + 1, i + n):
                            out[j].append(f"m=I-{label}")
                    break
    return out


def sentence_features(
    words: Sequence[str],
    lexicon: Lexicon,
    cache: dict[str, WordFeatures] | None = None,
    version: int = FEATURES,
) -> list[list[str]]:
    """One feature list per word: its own, its ±``WINDOW`` neighbours', the word pairs, the
    known names it and its neighbours are in. ``cache`` keeps ``word_features`` between calls
    (of one ``version``)."""
    cache = {} if cache is None else cache
    own: list[WordFeatures] = []
    for word in words:
        found = cache.get(word)
        if found is None:
            found = cache[word] = word_features(word, version)
        own.append(found)
    names = name_features([w.key for w in own], [w.stem for w in own], lexicon)
    pad = [_EDGE] * WINDOW
    p = [*pad, *own, *pad]  # p[i + WINDOW] is word i
    m: list[list[str]] = [[], *names, []]  # m[i + 1] is word i
    out: list[list[str]] = []
    for i, f in enumerate(own):
        before, after = p[i + 1], p[i + 3]
        merged = [*f.own, *names[i], *p[i].near[0], *before.near[1], *after.near[3]]
        merged += p[i + 4].near[4]
        merged += [f"-1k|k={before.key}|{f.key}", f"k|+1k={f.key}|{after.key}"]
        merged += [f"-1{x}" for x in m[i]]
        merged += [f"+1{x}" for x in m[i + 2]]
        out.append(merged)
    return out


def repeated_names(
    sentences: Sequence[Sequence[Token]],
    keys: Sequence[Sequence[str]],
    found: Sequence[Sequence[tuple[int, int, str, int, int]]],
) -> list[list[tuple[int, int, str, int, int]]]:
    """Per sentence, the other places of the names ``found`` in the text, as ``spans_of`` gives
    them: the same words (``keys``: the tokens' folded texts) where nothing was found, with the
    name's most frequent label. News names a person in full once and again later: the model
    misses some of the repeats (ADR 0066). Names of fewer than ``MIN_REPEATED_LETTERS`` letters
    and names starting after a proclitic are no source."""
    labels: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for tokens, words, spans in zip(sentences, keys, found, strict=True):
        for start, _end, label, first, last in spans:
            if start == tokens[first].start:
                labels[" ".join(words[first:last])][label] += 1
    known = {k: c.most_common(1)[0][0] for k, c in labels.items() if len(k) >= MIN_REPEATED_LETTERS}
    longest = min(max((k.count(" ") + 1 for k in known), default=0), MAX_ENTITY_WORDS)
    firsts = {k.split(" ", 1)[0] for k in known}
    out: list[list[tuple[int, int, str, int, int]]] = []
    for tokens, words, spans in zip(sentences, keys, found, strict=True):
        taken = {i for _s, _e, _l, first, last in spans for i in range(first, last)}
        more: list[tuple[int, int, str, int, int]] = []
        for i in range(len(tokens)):
            if i in taken or words[i] not in firsts:
                continue
            for n in range(min(longest, len(tokens) - i), 0, -1):
                again = known.get(" ".join(words[i : i + n]))
                if again and not taken.intersection(range(i, i + n)):
                    more.append((tokens[i].start, tokens[i + n - 1].end, again, i, i + n))
                    taken.update(range(i, i + n))
                    break
        out.append(more)
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
