"""Proclitics: when to leave و ف ب ك ل س out of a span, on evidence (DESIGN.md §4, ADR 0003).

The same letters start many words (واشنطن, وزير, بلاده), so a rule alone is wrong. A split
proclitic + stem is accepted only when the stem is attested:

1. ``span``: the stem (folded: tashkeel, hamza forms... ignored) is the text of an existing span;
2. otherwise the word is kept whole if it begins an existing span (the annotators kept it so);
3. ``frequency``: the stem has at least 3 letters and occurs as a token at least as often as
   the whole word (and at least once) in the evidence texts; and after a preposition, the stem
   is not و/ف + a word ten times as frequent as itself (كوفي is not ك + و + في).

Proclitics: an optional conjunction و or ف, then an optional preposition ب ك ل or the future
س (و ف ب ك ل س وب ول وك وس فب فل فك فس); the longest is tried first. ال is the article, part
of the stem (وبالرقة = وب + الرقة). ل before ل is never split: ل + ال contracts (للتحالف is
ل + التحالف without its alef), so the stem is not in the word and the token stays whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from annotator.core.search import DROPPED, fold
from annotator.core.tokens import selection_units, tokenize

CONJUNCTIONS = "وف"
PARTICLES = "بكلس"  # prepositions ب ك ل and the future س
COMBINATIONS = frozenset(
    [*CONJUNCTIONS, *PARTICLES, *(c + p for c in CONJUNCTIONS for p in PARTICLES)]
)
MIN_STEM_LETTERS = 3  # for frequency evidence
MIN_SPAN_STEM_LETTERS = 2  # for span evidence
CONJUNCTION_RATIO = 10  # see CliticAnalyser._conjunction_led
NEVER_INITIAL = "ؤئ"  # a word never starts with these hamza seats

SPAN = "span"
FREQUENCY = "frequency"
NUMBER = "number"  # the stem is a number: بـ4.3% is بـ + 4.3%, whatever the evidence


@dataclass(frozen=True, slots=True)
class CliticSplit:
    """``proclitic + stem == word``; the proclitic keeps its own marks (وَ)."""

    proclitic: str
    stem: str
    reason: str  # SPAN, FREQUENCY or NUMBER


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """Every grammatical ``(proclitic, stem)`` split of ``word``, longest proclitic first.

    Only letter boundaries count: the marks and tatweel after a letter stay with it. Splits
    leaving an empty stem, putting ل before ل (the ل + ال contraction) or starting the stem
    with ؤ or ئ (سؤال is no س + ؤال) are left out.
    """
    letters: list[str] = []  # base letters of the first clusters
    ends: list[int] = []  # where each cluster (letter + its marks) ends
    i, n = 0, len(word)
    while i < n and len(letters) < 3:
        j = i + 1
        while j < n and word[j] in DROPPED:
            j += 1
        letters.append(word[i])
        ends.append(j)
        i = j
    splits: list[tuple[str, str]] = []
    for k in (2, 1):
        if len(letters) <= k:  # the stem needs at least one letter
            continue
        if "".join(letters[:k]) not in COMBINATIONS:
            continue
        if (letters[k - 1] == "ل" and letters[k] == "ل") or letters[k] in NEVER_INITIAL:
            continue
        splits.append((word[: ends[k - 1]], word[ends[k - 1] :]))
    return splits


class SpanEvidence:
    """A multiset of span texts, folded (the search key of ADR 0002), for ``CliticAnalyser``.

    Mutable on purpose: the window adds and removes one text per edit instead of folding every
    span text again, and an analyser sees the change at once."""

    __slots__ = ("_keys", "_starts")

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._keys: Counter[str] = Counter()
        self._starts: Counter[str] = Counter()
        self.add_keys(span_key(text) for text in texts)

    def add_keys(self, keys: Iterable[str]) -> None:
        for key in keys:
            if key:
                self._keys[key] += 1
                self._starts[key.split(" ", 1)[0]] += 1

    def remove_key(self, key: str) -> None:
        if not key or self._keys[key] <= 0:
            return
        for counter, item in ((self._keys, key), (self._starts, key.split(" ", 1)[0])):
            counter[item] -= 1
            if counter[item] <= 0:
                del counter[item]

    def has(self, key: str) -> bool:
        """Some span's text is ``key`` (folded)."""
        return self._keys.get(key, 0) > 0

    def starts_with(self, word_key: str) -> bool:
        """Some span's text begins with the (folded) word ``word_key``."""
        return self._starts.get(word_key, 0) > 0

    def __len__(self) -> int:
        return len(self._keys)


def span_key(text: str) -> str:
    """What span evidence compares: the folded text, without surrounding spaces."""
    return fold(text).strip()


class CliticAnalyser:
    """Decides proclitic splits from token counts and existing span texts."""

    __slots__ = ("_counts", "_sources")

    def __init__(self, token_counts: Mapping[str, int], span_texts: Collection[str] = ()) -> None:
        counts: Counter[str] = Counter()
        for token, count in token_counts.items():
            counts[fold(token)] += count
        self._counts: Mapping[str, int] = counts
        self._sources: tuple[SpanEvidence, ...] = (SpanEvidence(span_texts),)

    @classmethod
    def live(cls, folded_counts: Mapping[str, int], *sources: SpanEvidence) -> CliticAnalyser:
        """An analyser over token counts already folded and span evidence, both read as they
        are at each call (the window updates them in place)."""
        analyser = cls.__new__(cls)
        analyser._counts = folded_counts
        analyser._sources = sources
        return analyser

    @classmethod
    def from_texts(cls, texts: Iterable[str], span_texts: Collection[str] = ()) -> CliticAnalyser:
        """Evidence from documents: every word token of ``texts`` counted once per occurrence."""
        counts = Counter(t.text for text in texts for t in tokenize(text) if t.is_word)
        return cls(counts, span_texts)

    def with_spans(self, span_texts: Collection[str]) -> CliticAnalyser:
        """The same token counts with another set of span texts (spans change often)."""
        return CliticAnalyser.live(self._counts, SpanEvidence(span_texts))

    def count(self, word: str) -> int:
        """How often ``word`` occurs as a token, ignoring tashkeel and letter variants."""
        return self._counts.get(fold(word), 0)

    def analyse(self, word: str) -> CliticSplit | None:
        """The proclitic split of one token, or None to keep it whole."""
        splits = proclitic_splits(word)
        if not splits:
            return None
        for proclitic, stem in splits:
            if stem[0].isdigit() and fold(proclitic)[-1] != "س":  # no word is a number
                return CliticSplit(proclitic, stem, NUMBER)
        sources = self._sources
        for proclitic, stem in splits:
            key = fold(stem)
            if len(key) >= MIN_SPAN_STEM_LETTERS and any(e.has(key) for e in sources):
                return CliticSplit(proclitic, stem, SPAN)
        word_key = fold(word)
        if any(e.starts_with(word_key) for e in sources):
            return None
        whole = self.count(word)
        for proclitic, stem in splits:
            key = fold(stem)
            if len(key) < MIN_STEM_LETTERS:
                continue
            found = self._counts.get(key, 0)
            if found >= 1 and found >= whole and not self._conjunction_led(proclitic, key):
                return CliticSplit(proclitic, stem, FREQUENCY)
        return None

    def _conjunction_led(self, proclitic: str, stem_key: str) -> bool:
        """True if the stem after a preposition looks like و/ف + a common word (كوفي, ك + وفي).

        A conjunction never follows a preposition; when the stem minus its و/ف is a word ten
        times more frequent than the stem (في, ما, ولا...), the stem is itself a clitic form and
        its frequency says nothing about this word.
        """
        if fold(proclitic)[-1] not in PARTICLES or stem_key[0] not in CONJUNCTIONS:
            return False
        rest = self._counts.get(stem_key[1:], 0)
        return rest >= CONJUNCTION_RATIO * max(1, self._counts.get(stem_key, 0))


@dataclass(frozen=True, slots=True)
class SnapResult:
    """A snapped selection ``[start, end)`` and the proclitic left out of it, if any."""

    start: int
    end: int
    clitic: CliticSplit | None = None


def snap(
    text: str, start: int, end: int, analyser: CliticAnalyser | None = None
) -> SnapResult | None:
    """Grow ``[start, end)`` to whole words, then leave out a proclitic the analyser strips.

    Words are ``selection_units``: tokens, with a number whole with its decimal point and its
    percent sign (25%). Punctuation and emoji at either edge are left out; None if the
    selection holds no word. Without an analyser only the snapping to words is done.
    """
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return None
    # Tokens never cross a line break, so tokenizing the selected lines is enough.
    first_line = text.rfind("\n", 0, start) + 1
    last_line = text.find("\n", end)
    if last_line < 0:
        last_line = len(text)
    words = [
        t
        for t in selection_units(text[first_line:last_line])
        if t.is_word and t.end + first_line > start and t.start + first_line < end
    ]
    if not words:
        return None
    new_start, new_end = words[0].start + first_line, words[-1].end + first_line
    split = analyser.analyse(words[0].text) if analyser is not None else None
    if split is not None:
        new_start += len(split.proclitic)
    return SnapResult(new_start, new_end, split)
