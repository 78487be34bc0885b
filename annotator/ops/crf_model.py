"""Train the project's own CRF entity model and suggest with it (issue 12, ADR 0066).

pycrfsuite is imported here only. A model is bytes (what pycrfsuite writes to its file), so a
later part can keep it in the project file; ``TrainedModel`` says what it learned from.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pycrfsuite  # type: ignore[import-untyped]

from annotator.core.crf_features import Lexicon, sentence_features, sentences_of, spans_of, tags_for

C1 = 0.05
C2 = 0.05
MAX_ITERATIONS = 100
NO_LEXICON = Lexicon()

# (text, spans as (start, end, label))
Example = tuple[str, Sequence[tuple[int, int, str]]]


@dataclass(frozen=True, slots=True)
class TrainedModel:
    model: bytes
    spans: int
    documents: int
    labels: tuple[str, ...]
    seconds: float
    lexicon: Lexicon


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    label: str
    score: float  # the least marginal probability of the entity's tags


def train(
    examples: Sequence[Example], lexicon: Lexicon = NO_LEXICON, *, c1: float = C1, c2: float = C2
) -> TrainedModel:
    """Train on documents with their entity spans; ValueError when there is nothing to learn."""
    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    labels: Counter[str] = Counter()
    for text, spans in examples:
        labels.update(label for _s, _e, label in spans)
        for tokens in sentences_of(text):
            words = [t.text for t in tokens]
            trainer.append(sentence_features(words, lexicon), tags_for(tokens, spans))
    if not labels:
        raise ValueError("no entity spans to learn from")
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS})
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.crfsuite")
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
    )


class Suggester:
    """A loaded model: ``predict(text)`` gives entity spans with scores."""

    def __init__(self, trained: TrainedModel) -> None:
        self._lexicon = trained.lexicon
        self._folder = tempfile.TemporaryDirectory()
        path = os.path.join(self._folder.name, "model.crfsuite")
        with open(path, "wb") as f:
            f.write(trained.model)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(path)

    def predict(self, text: str) -> list[Predicted]:
        found: list[Predicted] = []
        for tokens in sentences_of(text):
            features = sentence_features([t.text for t in tokens], self._lexicon)
            tags = self._tagger.tag(features)
            for start, end, label, first, last in spans_of(tokens, tags):
                score = min(self._tagger.marginal(tags[i], i) for i in range(first, last))
                found.append(Predicted(start, end, label, max(0.0, min(1.0, score))))
        return found

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
