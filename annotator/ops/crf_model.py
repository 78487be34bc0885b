"""Train the project's own CRF entity model and suggest with it (issue 12, ADR 0066).

pycrfsuite is imported here only. A model is bytes (what pycrfsuite writes to its file), so a
later part can keep it in the project file; ``TrainedModel`` says what it learned from.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pycrfsuite  # type: ignore[import-untyped]

from annotator.core.certainty import margin
from annotator.core.crf_evidence import OUTSIDE, BadEvidence, Evidence, EvidenceCounts
from annotator.core.crf_features import (
    FEATURES,
    Lexicon,
    WordFeatures,
    entity_key,
    repeated_names,
    sentence_features,
    sentences_of,
    spans_of,
    tags_for,
    word_features,
)

PASSIVE_AGGRESSIVE, LBFGS = "pa", "lbfgs"
ALGORITHM = PASSIVE_AGGRESSIVE  # as good as L-BFGS here and five times faster (ADR 0066)
ITERATIONS = {PASSIVE_AGGRESSIVE: 15, LBFGS: 100}
# Passive aggressive weights are small: its marginals are flat (0.15-0.3 for every tag of ANERcorp).
# A tag's score is its marginal sharpened, p**T / sum(q**T) over the tags at that token; T = 5
# ranks and roughly calibrates on ANERcorp (precision 0.57 at scores below 0.2, 0.94 above 0.8).
TEMPERATURE = {PASSIVE_AGGRESSIVE: 5.0, LBFGS: 1.0}
C1 = 0.05  # L-BFGS only
C2 = 0.05
MEMORY_FOLDS = 5  # a training document's known names come from the other folds' spans
NO_LEXICON = Lexicon()

# (text, spans as (start, end, label))
Example = tuple[str, Sequence[tuple[int, int, str]]]


SEED = 12


def _same_shuffle() -> None:
    """crfsuite's passive aggressive training shuffles the sentences with the C library's
    ``rand()``, which nobody seeds: two trainings on the same data in one process gave two
    models (and k-fold figures that differ from a recomputation). Seeding it first makes a
    training a function of its data. Where the C library cannot be found, nothing is done."""
    name = ctypes.util.find_library("c") or ctypes.util.find_library("msvcrt")
    try:
        libc = ctypes.CDLL(name) if name else ctypes.CDLL(None)
        libc.srand(SEED)
    except (OSError, AttributeError, TypeError):
        return


@dataclass(frozen=True, slots=True)
class TrainedModel:
    model: bytes
    spans: int
    documents: int
    labels: tuple[str, ...]
    seconds: float
    lexicon: Lexicon
    algorithm: str = ALGORITHM  # how the weights were learned: how to read the marginals
    evidence: str = ""  # the naive Bayes votes' counts (Evidence.to_json); "" for none
    features: int = 1  # FEATURES when trained (stored models without it: the first features)


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    label: str
    score: float  # the least marginal probability of the entity's tags (sharpened: TEMPERATURE)


def entities_of(example: Example) -> frozenset[tuple[str, str]]:
    """The example's spans as ``Lexicon.entities`` pairs ``(entity_key, label)``."""
    text, spans = example
    return frozenset((entity_key(text[s:e]), label) for s, e, label in spans if text[s:e].strip())


def out_of_fold(
    examples: Sequence[Example], lexicon: Lexicon, folds: int
) -> tuple[list[Lexicon], Lexicon]:
    """Per training document, ``lexicon`` with the names of the other folds' documents (their
    spans; document ``i`` is in fold ``i % folds``), and ``lexicon`` with all of them, for
    prediction. A document's own names are left out: in the memory, every training name is
    known, and the model would trust the memory more than it deserves (ADR 0066)."""
    own = [entities_of(ex) for ex in examples]
    folds = max(1, min(folds, len(examples)))
    by_fold = [frozenset().union(*own[k::folds]) for k in range(folds)]
    others = [
        frozenset().union(*(names for j, names in enumerate(by_fold) if j != k))
        for k in range(folds)
    ]
    every = lexicon.entities.union(*by_fold)
    per_fold = [replace(lexicon, entities=lexicon.entities | names) for names in others]
    # One object per fold: the features index a lexicon's names once per object (_names).
    return [per_fold[i % folds] for i in range(len(examples))], replace(lexicon, entities=every)


def train(
    examples: Sequence[Example],
    lexicon: Lexicon = NO_LEXICON,
    *,
    c1: float = C1,
    c2: float = C2,
    memory_folds: int = MEMORY_FOLDS,
    algorithm: str = ALGORITHM,
) -> TrainedModel:
    """Train on documents with their entity spans; ValueError when there is nothing to learn.

    The model keeps ``lexicon`` with the training spans' names added (``entities``): a name
    learned is known at prediction. ``memory_folds`` 0 leaves the training names out.
    ``algorithm`` is ``pa`` (passive aggressive) or ``lbfgs`` (with ``c1``, ``c2``)."""
    if algorithm not in ITERATIONS:
        raise ValueError(f"unknown training algorithm {algorithm!r}: pa or lbfgs")
    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm, verbose=False)
    labels: Counter[str] = Counter()
    if memory_folds > 0:
        per_doc, lexicon = out_of_fold(examples, lexicon, memory_folds)
    else:
        per_doc = [lexicon] * len(examples)
    cache: dict[str, WordFeatures] = {}
    documents: list[list[tuple[list[str], list[str]]]] = []
    for text, spans in examples:
        labels.update(label for _s, _e, label in spans)
        documents.append([])
        for tokens in sentences_of(text):
            documents[-1].append(([t.text for t in tokens], tags_for(tokens, spans)))
    if not labels:  # before the votes are counted: nothing to count them for
        raise ValueError("no entity spans to learn from")
    classes = (OUTSIDE, *sorted(labels))
    votes, full = _evidence(documents, classes, MEMORY_FOLDS, cache)
    for i, (sentences, known) in enumerate(zip(documents, per_doc, strict=True)):
        for words, tags in sentences:
            trainer.append(_features(words, known, cache, votes[i % len(votes)]), tags)
    params: dict[str, float] = {"max_iterations": ITERATIONS[algorithm]}
    if algorithm == LBFGS:
        params |= {"c1": c1, "c2": c2}
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.crfsuite")
        _same_shuffle()
        trainer.train(path)
        with open(path, "rb") as f:
            data = f.read()
    return TrainedModel(
        data,
        sum(labels.values()),
        len(examples),
        tuple(sorted(labels)),
        time.perf_counter() - began,
        lexicon,
        algorithm,
        full.to_json(),
        FEATURES,
    )


def _features(
    words: Sequence[str],
    lexicon: Lexicon,
    cache: dict[str, WordFeatures],
    evidence: Evidence | None,
    version: int = FEATURES,
) -> list[list[str]]:
    features = sentence_features(words, lexicon, cache, version)
    if evidence is not None:
        for mine, more in zip(
            features, evidence.features([cache[w].stem for w in words]), strict=True
        ):
            mine += more
    return features


def _evidence(
    documents: Sequence[Sequence[tuple[list[str], list[str]]]],
    classes: tuple[str, ...],
    folds: int,
    cache: dict[str, WordFeatures],
) -> tuple[list[Evidence], Evidence]:
    """Per fold (document ``i`` in fold ``i % folds``) the votes of the other folds' documents,
    and the votes of all (for prediction). One document: its own votes (nothing else to use)."""
    folds = max(1, min(folds, len(documents)))
    parts = [EvidenceCounts(classes) for _ in range(folds)]
    for i, sentences in enumerate(documents):
        for words, tags in sentences:
            stems = [(cache.get(w) or cache.setdefault(w, word_features(w))).stem for w in words]
            parts[i % folds].add(stems, [OUTSIDE if t == OUTSIDE else t[2:] for t in tags])
    every = EvidenceCounts(classes)
    for part in parts:
        every.update(part)
    full = every.table()
    return ([every.table(part) for part in parts] if folds > 1 else [full]), full


class Suggester:
    """A loaded model: ``predict(text)`` gives entity spans with scores."""

    def __init__(self, trained: TrainedModel, *, repeats: bool = True) -> None:
        if trained.features >= FEATURES and not trained.evidence:
            raise BadEvidence(f"features of version {trained.features} without their votes")
        # read first: BadEvidence for votes that are not what was written
        self._evidence = Evidence.from_json(trained.evidence) if trained.evidence else None
        self._version = trained.features  # a model stored with version 1 is fed version 1
        self._lexicon = trained.lexicon
        self._repeats = repeats
        self._folder = tempfile.TemporaryDirectory()
        path = os.path.join(self._folder.name, "model.crfsuite")
        with open(path, "wb") as f:
            f.write(trained.model)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(path)
        self._labels: list[str] = self._tagger.labels()
        self._temperature = TEMPERATURE.get(trained.algorithm, 1.0)

    def predict(self, text: str) -> list[Predicted]:
        """Entity spans of ``text`` with scores; with ``repeats``, also the other places of
        the names found (``repeated_names``), scored as the best place of their name."""
        sentences = sentences_of(text)
        keys: list[list[str]] = []
        found: list[list[tuple[int, int, str, int, int]]] = []
        out: list[Predicted] = []
        best: dict[tuple[str, str], float] = {}
        cache: dict[str, WordFeatures] = {}
        for tokens in sentences:
            words = [t.text for t in tokens]
            tags = self._tagger.tag(
                _features(words, self._lexicon, cache, self._evidence, self._version)
            )
            keys.append([cache[w].key for w in words])
            found.append(spans_of(tokens, tags))
            for start, end, label, first, last in found[-1]:
                least = min(self._confidence(tags[i], i) for i in range(first, last))
                out.append(Predicted(start, end, label, max(0.0, min(1.0, least))))
                name = (" ".join(keys[-1][first:last]), label)
                best[name] = max(best.get(name, 0.0), out[-1].score)
        if self._repeats:
            again = repeated_names(sentences, keys, found)
            for words, spans in zip(keys, again, strict=True):
                for start, end, label, first, last in spans:
                    score = best.get((" ".join(words[first:last]), label), 0.0)
                    out.append(Predicted(start, end, label, score))
            out.sort(key=lambda p: (p.start, p.end))
        return out

    def margins(self, text: str) -> list[float]:
        """Per token of ``text``, the sharpened marginal of its best tag less its second's
        (``core.certainty.margin``): how sure the model is there (docs/adr/0073)."""
        out: list[float] = []
        cache: dict[str, WordFeatures] = {}
        t = self._temperature
        for tokens in sentences_of(text):
            words = [tok.text for tok in tokens]
            self._tagger.set(_features(words, self._lexicon, cache, self._evidence, self._version))
            for i in range(len(tokens)):
                sharp = [self._tagger.marginal(y, i) ** t for y in self._labels]
                total = sum(sharp)
                out.append(margin([p / total for p in sharp]) if total else 0.0)
        return out

    def _confidence(self, tag: str, i: int) -> float:
        """The marginal of ``tag`` at token ``i`` of the last sentence tagged, sharpened."""
        marginal = self._tagger.marginal
        if self._temperature == 1.0:
            return float(marginal(tag, i))
        t = self._temperature
        total = sum(marginal(y, i) ** t for y in self._labels)
        return float(marginal(tag, i) ** t / total) if total else 0.0

    def close(self) -> None:
        self._tagger.close()
        self._folder.cleanup()


@dataclass(frozen=True, slots=True)
class Scores:
    """Exact-match counts per label (offsets and label)."""

    true_positives: Counter[str]
    predicted: Counter[str]
    gold: Counter[str]

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of ``label`` (None: micro over all labels)."""
        tp, p, g = (
            counter[label] if label else sum(counter.values())
            for counter in (self.true_positives, self.predicted, self.gold)
        )
        precision = tp / p if p else 0.0
        recall = tp / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score(suggester: Suggester, examples: Sequence[Example]) -> Scores:
    tp: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for text, spans in examples:
        wanted = {(s, e, label) for s, e, label in spans}
        got = {(p.start, p.end, p.label) for p in suggester.predict(text)}
        gold.update(label for _s, _e, label in wanted)
        predicted.update(label for _s, _e, label in got)
        tp.update(label for _s, _e, label in wanted & got)
    return Scores(tp, predicted, gold)


def cross_validate(
    examples: Sequence[Example], folds: int = 5, lexicon: Lexicon = NO_LEXICON
) -> Scores:
    """k-fold over documents: each fold is scored by a model trained on the others."""
    total = Scores(Counter(), Counter(), Counter())
    folds = max(2, min(folds, len(examples)))
    for k in range(folds):
        held = [ex for i, ex in enumerate(examples) if i % folds == k]
        rest = [ex for i, ex in enumerate(examples) if i % folds != k]
        if not any(spans for _t, spans in rest):
            continue
        suggester = Suggester(train(rest, lexicon))
        try:
            part = score(suggester, held)
        finally:
            suggester.close()
        for mine, theirs in zip(
            (total.true_positives, total.predicted, total.gold),
            (part.true_positives, part.predicted, part.gold),
            strict=True,
        ):
            mine.update(theirs)
    return total
