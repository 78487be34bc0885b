"""Out-of-fold evidence for the CRF entity model: two naive Bayes votes (issue 12, ADR 0066).

Most names the model misses were never seen in training (transliterated: مولدوفا, فيدرر). Two
small classifiers, counted from labelled sentences, say what an unseen word looks like:

- **letters**: the stem's letter 2-4-grams (with the word's edges, ``<مو``, ``فا>``) counted
  once per distinct stem, under its most frequent label (``O`` for none);
- **context**: the stems at -2, -1, +1, +2 (``-1الرئيس``), counted per token under its label.

Each gives its best label and buckets of its probabilities as features (``nb=PERS``,
``nbe=3``, ``cnb=LOC``...). Like the known names (``Lexicon``), a training document's votes come
from the other folds' documents only: counted from the document itself, the votes would be
right in training and trusted too much. Pure: stems in, feature strings out.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

OUTSIDE = "O"
GRAMS = (2, 3, 4)  # letter n-grams of a stem
MIN_STEM_LETTERS = 2
GRAM_SMOOTHING = 0.5
CONTEXT_SMOOTHING = 0.1
GRAM_WEIGHT = 3.0  # the letter vote: prior + mean gram log-probability times this
SURE = 0.2  # a label's probability bucket is a feature above this
EDGE = "<e>"
MEMO_LIMIT = 200_000  # letter votes kept per loaded model (distinct stems; a few tens of MB)

Counts = dict[str, list[int]]
Rows = Mapping[str, Sequence[int]]  # what a model keeps: tuples once read back (gc untracks them)


def stem_grams(stem: str) -> list[str]:
    padded = f"<{stem}>"
    return [padded[i : i + n] for n in GRAMS for i in range(len(padded) - n + 1)]


def has_letters_vote(stem: str) -> bool:
    return len(stem) >= MIN_STEM_LETTERS and stem.isalpha()


def context_items(stems: Sequence[str], i: int) -> tuple[str, str, str, str]:
    n = len(stems)
    return (
        f"-1{stems[i - 1] if i >= 1 else EDGE}",
        f"+1{stems[i + 1] if i + 1 < n else EDGE}",
        f"-2{stems[i - 2] if i >= 2 else EDGE}",
        f"+2{stems[i + 2] if i + 2 < n else EDGE}",
    )


@dataclass(slots=True)
class EvidenceCounts:
    """What a set of labelled sentences says: per stem and per context item its label counts
    (in the order of ``labels``, ``O`` first), and the tokens per label."""

    labels: tuple[str, ...]
    stems: dict[str, list[int]] = field(default_factory=dict)
    contexts: dict[str, list[int]] = field(default_factory=dict)
    tokens: list[int] = field(default_factory=list)

    def add(self, stems: Sequence[str], classes: Sequence[str]) -> None:
        """One sentence: its tokens' stems and labels (``O`` or one of ``labels``)."""
        width = len(self.labels)
        index = {label: k for k, label in enumerate(self.labels)}
        if not self.tokens:
            self.tokens = [0] * width
        for i, (stem, label) in enumerate(zip(stems, classes, strict=True)):
            k = index[label]
            self.tokens[k] += 1
            for item in context_items(stems, i):
                row = self.contexts.get(item)
                if row is None:
                    row = self.contexts[item] = [0] * width
                row[k] += 1
            if has_letters_vote(stem):
                row = self.stems.get(stem)
                if row is None:
                    row = self.stems[stem] = [0] * width
                row[k] += 1

    def update(self, other: EvidenceCounts) -> None:
        if not self.tokens:
            self.tokens = [0] * len(self.labels)
        self.tokens = [a + b for a, b in zip(self.tokens, other.tokens or self.tokens, strict=True)]
        for mine, theirs in ((self.stems, other.stems), (self.contexts, other.contexts)):
            for key, row in theirs.items():
                have = mine.get(key)
                mine[key] = [a + b for a, b in zip(have, row, strict=True)] if have else list(row)

    def table(self, minus: EvidenceCounts | None = None) -> Evidence:
        """The votes of these counts less ``minus`` (a fold's own, counted into these)."""
        width = len(self.labels)
        none: dict[str, list[int]] = {}

        def less(mine: Counts, theirs: Counts) -> Counts:
            out: Counts = {}
            for key, row in mine.items():
                cut = theirs.get(key)
                if cut is not None:
                    row = [a - b for a, b in zip(row, cut, strict=True)]
                    if not any(row):
                        continue
                out[key] = row
            return out

        stems = less(self.stems, minus.stems if minus else none)
        contexts = less(self.contexts, minus.contexts if minus else none)
        tokens = self.tokens or [0] * width
        if minus and minus.tokens:
            tokens = [a - b for a, b in zip(tokens, minus.tokens, strict=True)]
        grams: Counts = {}
        types = [0] * width
        for row in stems.values():
            k = max(range(width), key=row.__getitem__)
            types[k] += 1
        for stem, row in stems.items():
            k = max(range(width), key=row.__getitem__)
            for gram in stem_grams(stem):
                counts = grams.get(gram)
                if counts is None:
                    counts = grams[gram] = [0] * width
                counts[k] += 1
        return Evidence(self.labels, grams, contexts, types, tokens)


def _log_table(counts: Rows, smoothing: float, width: int) -> tuple[dict[str, Row], Row]:
    """Per item its log-probabilities per label (``width`` of them), and those of an unseen
    item (all there is for a table with no items)."""
    totals = [sum(row[k] for row in counts.values()) for k in range(width)]
    norm = [math.log(t + smoothing * max(1, len(counts))) for t in totals]
    table = {
        item: tuple(math.log(c + smoothing) - z for c, z in zip(row, norm, strict=True))
        for item, row in counts.items()
    }
    return table, tuple(math.log(smoothing) - z for z in norm)


def _log_prior(counts: Sequence[int]) -> Row:
    total = sum(counts) + len(counts)
    return tuple(math.log((c + 1) / total) for c in counts)


Row = tuple[float, ...]


class BadEvidence(ValueError):
    """Stored votes that are not what ``Evidence.to_json`` wrote (a damaged project file)."""


def _row(value: object, width: int, where: str) -> tuple[int, ...]:
    if (
        not isinstance(value, list)
        or len(value) != width
        or not all(type(c) is int and c >= 0 for c in value)
    ):
        raise BadEvidence(f"{where}: not {width} counts")
    return tuple(value)


def _rows(table: object, width: int, name: str) -> dict[str, tuple[int, ...]]:
    if not isinstance(table, dict):
        raise BadEvidence(f"its {name} are not an object")
    short = next(
        (item for item, row in table.items() if not isinstance(row, list) or len(row) != width),
        None,
    )
    if short is not None:
        raise BadEvidence(f"{name} {short!r}: not {width} counts")
    counts = list(chain.from_iterable(table.values()))  # checked at C speed: 130,000 rows
    if set(map(type, counts)) - {int} or (counts and min(counts) < 0):
        raise BadEvidence(f"its {name} hold other things than counts")
    return {item: tuple(row) for item, row in table.items()}


OFFSETS = ("-1", "+1", "-2", "+2")  # context_items' order


@dataclass(frozen=True, slots=True)
class _Votes:
    """Evidence's counts as log-probabilities, and the feature strings of each vote."""

    grams: dict[str, Row]
    unseen_gram: Row
    types: Row
    # per offset of OFFSETS: a stem's probabilities per label (times the prior for -1), and
    # those of an unseen stem: the context vote is their product, no exp needed per token
    contexts: tuple[dict[str, Row], ...]
    unseen_context: tuple[Row, ...]
    best: dict[str, tuple[str, ...]]  # per vote name: its best label's string per label
    entity: dict[str, tuple[str, ...]]  # per vote name: per bucket of 1 - P(O)
    label: dict[str, tuple[tuple[str, ...], ...]]  # per vote name, label, bucket of P(label)


def _votes(evidence: Evidence) -> _Votes:
    width = len(evidence.labels)
    grams, unseen_gram = _log_table(evidence.grams, GRAM_SMOOTHING, width)
    contexts, unseen_context = _log_table(evidence.contexts, CONTEXT_SMOOTHING, width)
    prior = _log_prior(evidence.tokens)
    shifts = [prior if offset == OFFSETS[0] else (0.0,) * len(prior) for offset in OFFSETS]
    by_offset: tuple[dict[str, Row], ...] = tuple({} for _ in OFFSETS)
    where = {offset: k for k, offset in enumerate(OFFSETS)}
    for item, row in contexts.items():
        k = where[item[:2]]
        by_offset[k][item[2:]] = tuple(math.exp(a + b) for a, b in zip(row, shifts[k], strict=True))
    unseen = tuple(
        tuple(math.exp(a + b) for a, b in zip(unseen_context, shift, strict=True))
        for shift in shifts
    )
    labels = evidence.labels
    names = ("nb", "cnb")
    return _Votes(
        grams,
        unseen_gram,
        _log_prior(evidence.types),
        by_offset,
        unseen,
        {n: tuple(f"{n}={label}" for label in labels) for n in names},
        {n: tuple(f"{n}e={b}" for b in range(BUCKETS)) for n in names},
        {n: tuple(tuple(f"{n}{lb}={b}" for b in range(BUCKETS)) for lb in labels) for n in names},
    )


BUCKETS = 5


def _vote(votes: _Votes, name: str, scores: Sequence[float]) -> list[str]:
    """The vote's best label, its bucket of 1 - P(O) and the buckets of labels above SURE
    (``scores``: log-probabilities up to a constant)."""
    top = max(scores)
    return _vote_of(votes, name, [math.exp(s - top) for s in scores])


def _vote_of(votes: _Votes, name: str, weights: Sequence[float]) -> list[str]:
    """``_vote`` of probabilities up to a factor."""
    total = sum(weights)
    last = BUCKETS - 1
    out = [
        votes.best[name][weights.index(max(weights))],
        votes.entity[name][min(last, int((1 - weights[0] / total) * BUCKETS))],
    ]
    strings = votes.label[name]
    for k in range(1, len(weights)):
        p = weights[k] / total
        if p > SURE:
            out.append(strings[k][min(last, int(p * BUCKETS))])
    return out


@dataclass(slots=True)
class Evidence:
    """The two votes' counts (what a model keeps: ``to_json``); their log-probabilities and the
    letter votes of the stems seen are made when first asked."""

    labels: tuple[str, ...]
    grams: Rows
    contexts: Rows
    types: list[int]
    tokens: list[int]
    _votes: _Votes | None = None
    # per stem: its letter vote, and the best label as the words before and after it have it
    _stems: dict[str, tuple[tuple[str, ...], str, str]] = field(default_factory=dict)

    def to_json(self) -> str:
        data = [list(self.labels), self.grams, self.contexts, self.types, self.tokens]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def from_json(text: str) -> Evidence:
        """What ``to_json`` wrote; BadEvidence for anything else (a project file travels)."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise BadEvidence(f"not JSON ({exc})") from None
        if not isinstance(data, list) or len(data) != 5:
            raise BadEvidence("not the five parts written")
        labels, grams, contexts, types, tokens = data
        if (
            not isinstance(labels, list)
            or len(labels) < 2
            or labels[0] != OUTSIDE
            or not all(isinstance(label, str) for label in labels)
        ):
            raise BadEvidence("its labels are not O and the entity labels")
        width = len(labels)
        # tuples, not the lists JSON gives: the garbage collector stops following them
        read = [
            _rows(table, width, name) for name, table in (("grams", grams), ("contexts", contexts))
        ]
        unplaced = next((item for item in read[1] if item[:2] not in OFFSETS), None)
        if unplaced is not None:
            raise BadEvidence(f"context {unplaced!r} has no offset")
        return Evidence(
            tuple(labels),
            read[0],
            read[1],
            list(_row(types, width, "types")),
            list(_row(tokens, width, "tokens")),
        )

    def _prepared(self) -> _Votes:
        if self._votes is None:
            self._votes = _votes(self)
        return self._votes

    def letters_vote(self, stem: str) -> tuple[tuple[str, ...], str, str]:
        """The stem's letter vote, and its best label as ``+1nb=`` and ``-1nb=`` (what the
        word gives the words before and after it); empty for no vote."""
        found = self._stems.get(stem)
        if found is not None:
            return found
        if not has_letters_vote(stem):
            found = ((), "", "")
        else:
            votes = self._prepared()
            sums = list(votes.types)
            found_grams = stem_grams(stem)
            scale = GRAM_WEIGHT / len(found_grams)
            rows = [votes.grams.get(gram, votes.unseen_gram) for gram in found_grams]
            sums = [
                p + sum(column) * scale
                for p, column in zip(sums, zip(*rows, strict=True), strict=True)
            ]
            own = _vote(votes, "nb", sums)
            found = (tuple(own), f"+1{own[0]}", f"-1{own[0]}")
        if len(self._stems) >= MEMO_LIMIT:  # a long session over a big project: start again
            self._stems.clear()
        self._stems[stem] = found
        return found

    def features(self, stems: Sequence[str]) -> list[list[str]]:
        """Per token of a sentence (its stems): the letter votes of it and (best label) of its
        neighbours, and the context vote."""
        votes = self._prepared()
        letters = [self.letters_vote(stem) for stem in stems]
        before, after, before2, after2 = (table.get for table in votes.contexts)
        unseen, unseen1, unseen2, unseen3 = votes.unseen_context
        best, entity, label = votes.best["cnb"], votes.entity["cnb"], votes.label["cnb"]
        labels = range(1, len(votes.best["cnb"]))
        last = BUCKETS - 1
        padded = [EDGE, EDGE, *stems, EDGE, EDGE]
        n = len(stems)
        out: list[list[str]] = []
        for i in range(n):
            merged = list(letters[i][0])
            if i >= 1 and letters[i - 1][2]:
                merged.append(letters[i - 1][2])
            if i + 1 < n and letters[i + 1][1]:
                merged.append(letters[i + 1][1])
            j = i + 2
            rows = zip(
                before(padded[j - 1], unseen),
                after(padded[j + 1], unseen1),
                before2(padded[j - 2], unseen2),
                after2(padded[j + 2], unseen3),
                strict=True,
            )
            # the context vote (_vote_of, inlined: it runs once per token)
            weights = [a * b * c * d for a, b, c, d in rows]
            total = sum(weights)
            merged.append(best[weights.index(max(weights))])
            merged.append(entity[min(last, int((1 - weights[0] / total) * BUCKETS))])
            cut = SURE * total
            for k in labels:
                if weights[k] > cut:
                    merged.append(label[k][min(last, int(weights[k] / total * BUCKETS))])
            out.append(merged)
        return out
