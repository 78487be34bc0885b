"""Proclitics: when to leave و ف ب ك ل س out of a span, on evidence and priors (DESIGN.md §4,
ADR 0003, ADR 0042).

The same letters start many words (واشنطن, وزير, بلاده), so a rule alone is wrong. A word is
compared folded (tashkeel, hamza forms, presentation forms ﻭﺍﻟﺮﻗﺔ... ignored) and decided by
the first rule that applies:

1. ``number``: a number after a proclitic (بـ4.3%) is split whatever the evidence;
2. the whole word is the text or the first word of a span: it stays whole (the annotator kept
   it so, or corrected a split: whole-word evidence beats stem evidence);
3. ``span``: the stem (at least 2 letters) is the text or the first word of a span (الولايات
   المتحدة makes والولايات split, كلية الحقوق makes بكلية split);
4. ``article``: و ف ب ل (and وب، ول، فب، فل) before the article ال and at least two letters
   (والرقة, بالعراق), unless the word is a listed name (``clitic_words``); not ك, whose
   ال-words are mostly names (كاليفورنيا);
5. ``frequency``: the stem has at least 3 letters and occurs as a token at least as often as the
   whole word (three times as often after ف or ك, the rare clitics before names: فيصل is no
   ف + يصل, كمال no ك + مال), the word is no listed name, and after a preposition the stem is
   not و/ف + a word ten times as frequent as itself (كوفي is not ك + و + في);
6. ``conjunction``: و before a stem of at least 3 letters (وروتردام, وسعيد), unless the word is
   one of the common و-initial words of news (واشنطن, وزارة, وليد...) or a frequent word of its
   own in the project (seen at least 3 times, more than twice as often as its stem).

Proclitics: an optional conjunction و or ف, then an optional preposition ب ك ل or the future
س (و ف ب ك ل س وب ول وك وس فب فل فك فس); the longest is tried first. ال is the article, part
of the stem (وبالرقة = وب + الرقة). The future س is a candidate only before an imperfect
verb's prefix (ي ت ن أ: فسيقول), never before a name (وسعيد is و + سعيد). ل before ل is a
candidate split after the first ل: ل + لبنان (للبنان) when the stem is attested and the
article reading ال + بنان is not; the contraction ل + ال (للتحالف, the alef dropped) stays
whole, as ANERcorp and NewsFANE write it: no substring of the text is the noun with its
article (``contracted_article`` gives it for evidence).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from annotator.core.clitic_words import WAW_WORDS, WHOLE_NAMES
from annotator.core.search import fold, search_key
from annotator.core.tokens import Token, selection_units, tokenize

CONJUNCTIONS = "وف"
PARTICLES = "بكلس"  # prepositions ب ك ل and the future س
COMBINATIONS = frozenset(
    [*CONJUNCTIONS, *PARTICLES, *(c + p for c in CONJUNCTIONS for p in PARTICLES)]
)
MIN_STEM_LETTERS = 3  # for frequency evidence and the conjunction prior
MIN_SPAN_STEM_LETTERS = 2  # for span evidence (حي، تل، بن)
CONJUNCTION_RATIO = 10  # see CliticAnalyser._conjunction_led
RARE_CLITIC_RATIO = 3  # the stem must be this many times as frequent as a ف- or ك- word
RARE_CLITICS = "فك"
LEXEME_MIN_COUNT = 3  # a و-word seen this often ...
LEXEME_RATIO = 2  # ... and more than twice as often as its stem is a word of its own
NEVER_INITIAL = "ؤئ"  # a word never starts with these hamza seats
IMPERFECT_PREFIXES = "يتنأ"  # the future س comes only before these
QUOTE_MARKS = frozenset("«»\"'“”‘’‹›„(\u0640")  # between a lone proclitic and its word

SPAN = "span"
FREQUENCY = "frequency"
NUMBER = "number"  # the stem is a number: بـ4.3% is بـ + 4.3%, whatever the evidence
ARTICLE = "article"  # a proclitic before the article ال (والرقة)
CONJUNCTION = "conjunction"  # و before a stem of 3+ letters that is no common و-word
QUOTE = "quote"  # a proclitic before a quote mark: لـ«رويترز», و«داعش»
REASONS = (SPAN, FREQUENCY, NUMBER, ARTICLE, CONJUNCTION, QUOTE)


@dataclass(frozen=True, slots=True)
class CliticSplit:
    """``proclitic + stem == word``; the proclitic keeps its own marks (وَ). For ``QUOTE`` the
    proclitic is everything left out before the word (لـ«) and the stem is that word."""

    proclitic: str
    stem: str
    reason: str  # one of REASONS


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """Every grammatical ``(proclitic, stem)`` split of ``word``, longest proclitic first.

    Letters are compared folded (presentation forms ﻭﺍﻟﺮﻗﺔ are their letters), and only letter
    boundaries count: the marks and tatweel after a letter stay with it. Splits leaving an
    empty stem, starting the stem with ؤ or ئ (سؤال is no س + ؤال) or putting the future س
    before anything but ي ت ن أ are left out.
    """
    key, offsets = search_key(word)
    splits: list[tuple[str, str]] = []
    for k in (2, 1):
        if len(key) <= k or key[:k] not in COMBINATIONS:
            continue
        at = offsets[k]
        if at == offsets[k - 1]:  # inside one character (a ligature)
            continue
        first = unicodedata.normalize("NFKC", word[at])[:1]
        if first in NEVER_INITIAL:
            continue
        if key[k - 1] == "س" and first not in IMPERFECT_PREFIXES:
            continue
        splits.append((word[:at], word[at:]))
    return splits


def contracted_article(word: str) -> str | None:
    """The folded noun with its article of a ل + ال contraction (للتحالف → التحالف), or None.

    The word starts with لل (after an optional و/ف) and has at least two letters after it."""
    key = fold(word)
    for lead in ("", *CONJUNCTIONS):
        if key.startswith(lead + "لل") and len(key) >= len(lead) + 4:
            return "ا" + key[len(lead) + 1 :]
    return None


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
        """The proclitic split of one token, or None to keep it whole (rules in the module
        docstring, in order)."""
        splits = proclitic_splits(word)
        if not splits:
            return None
        for proclitic, stem in splits:
            if stem[0].isdigit() and fold(proclitic)[-1] != "س":  # no word is a number
                return CliticSplit(proclitic, stem, NUMBER)
        word_key = fold(word)
        if self._spanned(word_key):
            return None
        for proclitic, stem in splits:
            key = fold(stem)
            if len(key) < MIN_SPAN_STEM_LETTERS or not self._spanned(key):
                continue
            if self._contracted(proclitic, key) and self._spanned("ا" + key):
                continue  # للتحالف with a span التحالف: the contraction stays whole
            return CliticSplit(proclitic, stem, SPAN)
        listed = word_key in WHOLE_NAMES
        for proclitic, stem in splits:
            letters, key = fold(proclitic), fold(stem)
            if (
                not listed
                and "ك" not in letters
                and "س" not in letters
                and key.startswith("ال")
                and len(key) >= 4
            ):
                return CliticSplit(proclitic, stem, ARTICLE)
        whole = self._counts.get(word_key, 0)
        for proclitic, stem in splits:
            letters, key = fold(proclitic), fold(stem)
            if len(key) < MIN_STEM_LETTERS or listed:
                continue
            found = self._counts.get(key, 0)
            ratio = RARE_CLITIC_RATIO if letters[-1] in RARE_CLITICS else 1
            if found < max(1, ratio * whole) or self._conjunction_led(proclitic, key):
                continue
            if self._contracted(proclitic, key) and self._counts.get("ا" + key, 0) >= found:
                continue  # لعمل is rarer than العمل: للعمل is the contraction
            return CliticSplit(proclitic, stem, FREQUENCY)
        for proclitic, stem in splits:
            key = fold(stem)
            if fold(proclitic) != "و" or len(key) < MIN_STEM_LETTERS or word_key in WAW_WORDS:
                continue
            found = self._counts.get(key, 0)
            if whole >= LEXEME_MIN_COUNT and whole > LEXEME_RATIO * found:
                continue  # a frequent word of its own (وحدات)
            return CliticSplit(proclitic, stem, CONJUNCTION)
        return None

    def _spanned(self, key: str) -> bool:
        """Some span's text, or its first word, is ``key``."""
        return any(e.has(key) or e.starts_with(key) for e in self._sources)

    @staticmethod
    def _contracted(proclitic: str, stem_key: str) -> bool:
        """ل + a stem starting with ل: ل + لبنان, or the contraction ل + (ا)لتحالف."""
        return fold(proclitic)[-1] == "ل" and stem_key.startswith("ل")

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
    # No token holds white space, and what the tokenizer looks at around a token is never
    # white space (core/tokens.py): tokenizing from the white space before the selection to
    # the white space after it gives the tokens of the whole text there, whatever the length
    # of the paragraph.
    first, last = _between_spaces(text, start, end)
    words = [
        t
        for t in selection_units(text[first:last])
        if t.is_word and t.end + first > start and t.start + first < end
    ]
    if not words:
        return None
    new_start, new_end = words[0].start + first, words[-1].end + first
    split = None
    if analyser is not None:
        split = _before_quote(text, words, first) or analyser.analyse(words[0].text)
    if split is not None:
        new_start += len(split.proclitic)
    return SnapResult(new_start, new_end, split)


def _between_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """From after the last white space before ``start`` to the first one at or after ``end``."""
    first = start
    while first > 0 and not text[first - 1].isspace():
        first -= 1
    last = end
    while last < len(text) and not text[last].isspace():
        last += 1
    return first, last


def _before_quote(text: str, words: list[Token], offset: int) -> CliticSplit | None:
    """A lone proclitic (with its marks and tatweel) glued to a quote mark and the word after
    it: لـ«رويترز», و«داعش». The proclitic, the tatweel and the marks are left out."""
    if len(words) < 2 or fold(words[0].text) not in COMBINATIONS:
        return None
    between = text[words[0].end + offset : words[1].start + offset]
    if not between or any(ch not in QUOTE_MARKS for ch in between):
        return None
    left_out = text[words[0].start + offset : words[1].start + offset]
    return CliticSplit(left_out, words[1].text, QUOTE)
