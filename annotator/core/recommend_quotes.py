"""The quote recommender: reported speech in Arabic news and who said it (issue 11;
docs/adr/0054). Pure: a document's text, its spans and entity suggestions in, Suggestion and
SuggestedLink values out.

A pair of quote marks (core/quote_marks.py) is a quote only with a speech cue:

- **verb before** (``Cue.BEFORE_COLON`` / ``Cue.BEFORE_THAT``): a speech verb (core/speech_cues.py)
  in the same sentence before the opening mark, and right before the mark ``:`` (also after
  قائلاً) or إن / أن: قال الوزير: «…»، وقال كارتر في حديث مع إذاعة «بي بي سي»، إن «…»;
- **verb after** (``Cue.AFTER``): the closing mark, a comma at most, then the verb: «…»، قال X;
- **statement noun** (``Cue.STATEMENT``): في بيان / في تصريح… before the mark, then ``:``
  (وجاء في بيان البنتاغون: «…»), or right after the closing mark («…»، بحسب بيان).

Names in guillemets are not quotes: a mark glued to the word before it (لـ«رويترز», ب«داعش»),
and content of at most ``SHORT`` words unless a colon introduces it («داعش», «بي بي سي»).

The speaker is the subject of the cue, among the speaker entities (``LabelSet.speakers``) of the
document's spans and of the entity suggestions given: verb-first (the first such entity within
``SUBJECT_WORDS`` words after the verb, not glued to ل / ب, never past a preposition: قال
الوزير آشتون كارتر) or subject-first (an entity right before the verb: كارتر قال). A cue
with no subject (وأضاف، وتابع قائلاً، وأضاف البيان) carries the previous quote's speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from annotator.core.model import DEFAULT_LABELS, SPEAKER, Kind, LabelSet, Span
from annotator.core.quote_marks import MarkPair, quote_pairs
from annotator.core.recommend_gazetteer import word_key
from annotator.core.speech_cues import (
    COLONS,
    FILLERS,
    PREPOSITIONS,
    SAYING,
    SENTENCE_ENDS,
    SPEECH_VERBS,
    STATEMENT_BARE,
    STATEMENT_LEADS,
    STATEMENT_NOUNS,
    THAT,
)
from annotator.core.suggestions import SuggestedLink, Suggestion
from annotator.core.tokens import token_offsets

RECOMMENDER = "quotes"
SHORT = 3  # words: content this short is a name in guillemets unless a colon introduces it
WINDOW = 30  # tokens looked at before an opening mark (within its sentence)
SUBJECT_WORDS = 6  # a subject starts within the first six words after its verb
_MARKS = frozenset('«»“”"')


class Cue(Enum):
    """What made a quote, and its score (docs/adr/0054)."""

    BEFORE_COLON = 0.9
    BEFORE_THAT = 0.85
    AFTER = 0.8
    STATEMENT = 0.7
    STATEMENT_AFTER = 0.6


# A speaker link's score: the subject's place (the entity's own score multiplies it when it is
# a suggestion).
VERB_FIRST = 0.9
SUBJECT_FIRST = 0.8
CARRIED = 0.6


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    """One quote: its content, the cue, and its speaker's offsets (None when none was found)."""

    start: int
    end: int
    cue: Cue
    speaker: tuple[int, int] | None
    speaker_score: float


@dataclass(frozen=True, slots=True)
class QuoteSuggestions:
    """What the recommender suggests for one document: quotes (none over an existing span of
    the quote kind) and speaker links (a link's quote may be an existing quote span)."""

    quotes: tuple[Suggestion, ...]
    links: tuple[SuggestedLink, ...]


@dataclass(frozen=True, slots=True)
class _Judged:
    cue: Cue
    subject: tuple[SpeakerCandidate, float] | None  # the entity and the score of its place
    carry: bool  # no subject of its own: the previous quote's speaker goes on


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """An entity that may be a speaker: a span or an entity suggestion, by offsets."""

    start: int
    end: int
    score: float  # 1.0 for a span, the suggestion's score for a suggestion


def suggest_quotes(
    document_id: int,
    text: str,
    spans: Sequence[Span] = (),
    entity_suggestions: Sequence[Suggestion] = (),
    labels: LabelSet = DEFAULT_LABELS,
) -> QuoteSuggestions:
    """The quote and speaker suggestions for one document (see the module doc)."""
    quote_labels = labels.of_kind(Kind.QUOTE)
    if not quote_labels:
        return QuoteSuggestions((), ())
    label = quote_labels[0].name
    quote_names = {q.name for q in quote_labels}
    quote_spans = [(s.start, s.end) for s in spans if s.label in quote_names]
    quotes: list[Suggestion] = []
    links: list[SuggestedLink] = []
    for found in find_quotes(text, speakers_of(spans, entity_suggestions, labels)):
        taken = [(a, b) for a, b in quote_spans if a < found.end and found.start < b]
        if not taken:
            quotes.append(
                Suggestion(document_id, found.start, found.end, label, RECOMMENDER, found.cue.value)
            )
        elif taken != [(found.start, found.end)]:
            continue  # an annotator's quote of other bounds: leave it alone
        if found.speaker is not None:
            links.append(
                SuggestedLink(
                    document_id,
                    SPEAKER,
                    (found.start, found.end),
                    found.speaker,
                    RECOMMENDER,
                    found.speaker_score,
                )
            )
    return QuoteSuggestions(tuple(quotes), tuple(links))


def speakers_of(
    spans: Sequence[Span], suggestions: Sequence[Suggestion], labels: LabelSet
) -> list[SpeakerCandidate]:
    """The entities that may speak, in order: spans of a speaker label, and suggestions of one
    that overlap no such span."""
    allowed = set(labels.speakers)
    entities = [SpeakerCandidate(s.start, s.end, 1.0) for s in spans if s.label in allowed]
    for s in suggestions:
        if s.label in allowed and not any(e.start < s.end and s.start < e.end for e in entities):
            entities.append(SpeakerCandidate(s.start, s.end, s.score))
    return sorted(entities, key=lambda e: (e.start, -e.end))


def find_quotes(text: str, entities: Sequence[SpeakerCandidate] = ()) -> list[QuoteFinding]:
    """Every quote of ``text`` in order, with its speaker among ``entities`` (sorted)."""
    marks = quote_pairs(text)
    if not marks:
        return []
    reader = _Reader(text, token_offsets(text), entities)
    found: list[QuoteFinding] = []
    previous: SpeakerCandidate | None = None  # the previous quote's speaker
    floor = 0  # no cue is looked for before the end of the previous quote
    for pair in marks:
        start, end = pair.content(text)
        if start >= end:
            continue
        judged = reader.judge(pair, floor)
        if judged is None:
            continue
        floor = reader.index_after(pair.closer)
        cue, subject, carry = judged.cue, judged.subject, judged.carry
        if subject is not None:
            previous, score = subject[0], subject[0].score * subject[1]
        elif carry and previous is not None:
            score = previous.score * CARRIED
        else:  # a subject that is no entity (قال مصدر): who speaks next is not known either
            previous = None if not carry else previous
            found.append(QuoteFinding(start, end, cue, None, 0.0))
            continue
        speaker = (previous.start, previous.end)
        found.append(QuoteFinding(start, end, cue, speaker, round(score, 4)))
    return found


class _Reader:
    """The tokens of one text and their keys, read around each pair of marks."""

    def __init__(
        self, text: str, pairs: Sequence[tuple[int, int]], entities: Sequence[SpeakerCandidate]
    ) -> None:
        self.text = text
        self.starts = [a for a, _ in pairs]
        self.ends = [b for _, b in pairs]
        self.size = len(pairs)
        self._keys: dict[str, str] = {}  # token text -> key, for the few tokens read
        self.entities = entities
        self.entity_starts = [e.start for e in entities]

    def key(self, k: int) -> str:
        """The search key of token ``k`` (only tokens around quote marks are ever read)."""
        word = self.text[self.starts[k] : self.ends[k]]
        found = self._keys.get(word)
        if found is None:
            found = self._keys[word] = word_key(word)
        return found

    def index_after(self, offset: int) -> int:
        """The index of the first token starting after ``offset``."""
        return bisect_left(self.starts, offset + 1)

    def is_word(self, k: int) -> bool:
        return any(ch.isalnum() for ch in self.text[self.starts[k] : self.ends[k]])

    def judge(self, pair: MarkPair, floor: int) -> _Judged | None:
        """The cue that makes the pair a quote, its subject, and whether the cue has no subject
        of its own (it carries the previous speaker); None when the pair is no quote."""
        text = self.text
        if pair.opener > 0 and (text[pair.opener - 1].isalnum() or text[pair.opener - 1] == "ـ"):
            return None  # glued: لـ«رويترز», ب«داعش»
        o = bisect_left(self.starts, pair.opener)  # the opening mark's token
        c = bisect_left(self.starts, pair.closer)  # the closing mark's token
        words = sum(1 for k in range(o + 1, c) if self.is_word(k))
        before = self._before(o, floor)
        if before is not None and (
            words > SHORT or before.cue in (Cue.BEFORE_COLON, Cue.STATEMENT)
        ):
            return before
        if words <= SHORT:
            return None
        return self._after(c)

    def _window(self, o: int, floor: int) -> int:
        """The first token index of the sentence before token ``o`` (at most WINDOW tokens). A
        line break right before the mark is inside it (وقال كارتر: then the quote on a line of
        its own); any other ends it."""
        k = o - 1
        lowest = max(floor, o - WINDOW)
        while k >= lowest:
            a, b = self.starts[k], self.ends[k]
            if b - a == 1 and self.text[a] in SENTENCE_ENDS:
                break
            if k < o - 1 and "\n" in self.text[b : self.starts[k + 1]]:
                break
            k -= 1
        return k + 1

    def _before(self, o: int, floor: int) -> _Judged | None:
        first = self._window(o, floor)
        k = o - 1
        if k < first:
            return None
        key = self.key(k)
        if key in COLONS:
            cue = Cue.BEFORE_COLON
            k -= 1
            if k >= first and self.key(k) in SAYING:
                k -= 1
        elif key in SAYING:
            cue, k = Cue.BEFORE_COLON, k - 1
        elif key in THAT:
            cue = Cue.BEFORE_THAT
            k -= 1
            if k >= first and self.key(k) in ("،", ","):
                k -= 1
        else:
            return None
        intro = k + 1  # the introducer's first token
        for v in range(k, first - 1, -1):  # the verb nearest the mark
            if self.key(v) in SPEECH_VERBS:
                subject = self._subject(v, intro) or self._subject_before(v, first)
                return _Judged(cue, subject, subject is None and self._no_subject(v, intro))
        if cue is Cue.BEFORE_COLON:
            for n in range(k, first - 1, -1):
                if self._statement_noun(n, first):
                    subject = self._subject(n, intro, words=2, possessor=True)
                    return _Judged(Cue.STATEMENT, subject, subject is None and self._definite(n))
        return None

    def _after(self, c: int) -> _Judged | None:
        k = c + 1
        n = self.size
        if k < n and self.key(k) in ("،", ","):
            k += 1
        if k >= n or "\n" in self.text[self.ends[c] : self.starts[k]]:
            return None
        if self.key(k) in SPEECH_VERBS:
            end = self._sentence_end(k)
            subject = self._subject(k, end)
            return _Judged(Cue.AFTER, subject, subject is None and self._no_subject(k, end))
        if self._statement_noun(k, k) or (
            k + 1 < n and self.key(k) in STATEMENT_LEADS and self._statement_noun(k + 1, k)
        ):
            noun = k if self._statement_noun(k, k) else k + 1
            subject = self._subject(noun, self._sentence_end(noun), words=2, possessor=True)
            return _Judged(Cue.STATEMENT_AFTER, subject, subject is None and self._definite(noun))
        return None

    def _no_subject(self, v: int, limit: int) -> bool:
        """The verb at ``v`` has no subject of its own before token ``limit`` (وأضاف:، وتابع
        قائلاً، وأكد أن، وأضاف البيان، وأشار أيضاً إلى أن): nothing but fillers and statement
        nouns up to the first preposition or introducer."""
        for k in range(v + 1, limit):
            key = self.key(k)
            if key in PREPOSITIONS or key in THAT or key in COLONS or key in SAYING:
                return True
            if self.is_word(k) and key not in FILLERS and key not in STATEMENT_NOUNS:
                return False
        return True

    def _definite(self, n: int) -> bool:
        """The statement noun at ``n`` is definite (البيان: the one quoted already)."""
        return self.key(n).startswith(("ال", "بال", "وبال"))

    def _sentence_end(self, k: int) -> int:
        n = self.size
        while k + 1 < n:
            k += 1
            a = self.starts[k]
            if self.ends[k] - a == 1 and (self.text[a] in SENTENCE_ENDS or self.text[a] in _MARKS):
                return k
            if "\n" in self.text[self.ends[k - 1] : a]:
                return k
        return n

    def _statement_noun(self, n: int, first: int) -> bool:
        key = self.key(n)
        if key not in STATEMENT_NOUNS:
            return False
        glued = key not in STATEMENT_BARE  # ببيان، بالبيان: the preposition is in the word
        return glued or (n > first and self.key(n - 1) in STATEMENT_LEADS)

    def _subject(
        self, v: int, limit: int, words: int = SUBJECT_WORDS, *, possessor: bool = False
    ) -> tuple[SpeakerCandidate, float] | None:
        """Verb-first: the first speaker entity starting after token ``v`` and before token
        ``limit``, after fewer than ``words`` words and before any preposition. An entity
        glued to ل or ب is whom it was said to (قال لـرويترز), not the subject, unless it is
        the ``possessor`` of a statement noun (بيان للجيش)."""
        after = self.ends[v]
        bound = self.starts[limit] if limit < len(self.starts) else len(self.text)
        i = bisect_left(self.entity_starts, after)
        if i == len(self.entities) or self.entities[i].start >= bound:
            return None
        entity = self.entities[i]
        gap = 0
        for k in range(v + 1, limit):
            if self.ends[k] > entity.start:
                glued = word_key(self.text[self.starts[k] : entity.start]).lstrip("وف")
                if glued and not possessor:
                    return None
                break
            if self.key(k) in PREPOSITIONS or self.key(k) in THAT or self.key(k) in COLONS:
                return None
            gap += self.is_word(k)
        if gap >= words or "\n" in self.text[after : entity.start]:
            return None
        return entity, VERB_FIRST

    def _subject_before(self, v: int, first: int) -> tuple[SpeakerCandidate, float] | None:
        """Subject-first: a speaker entity ending right before the verb (only white space or
        a comma between), inside the sentence."""
        verb_start = self.starts[v]
        i = bisect_left(self.entity_starts, verb_start) - 1
        while i >= 0:
            entity = self.entities[i]
            between = self.text[entity.end : verb_start]
            if entity.end <= verb_start and between.strip(" ،,") == "" and "\n" not in between:
                if entity.start >= self.starts[first]:
                    return entity, SUBJECT_FIRST
                return None
            if entity.end < verb_start - 2:
                return None
            i -= 1
        return None
