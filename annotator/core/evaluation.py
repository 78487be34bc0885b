"""Suggestions measured against an annotator's own spans (issue 11; docs/adr/0054): precision,
recall and F1 per label and micro-averaged over all labels, by exact match of (document,
start, end, label). Pure: the store gives both sides (suggestions of one recommender, the spans
of documents marked done), the CLI and the panel print the table.

A suggested span that is in gold is a true positive; one that is not, a false positive (also
when only its label is wrong: a wrong label is one false positive and one false negative); a
gold span not suggested, a false negative. Duplicates on either side count once. A label with
nothing suggested has precision 0 (as seqeval and scikit-learn's ``zero_division=0``); with
nothing in gold, recall 0; F1 is 0 when precision and recall are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Item = tuple[int, int, int, str]
"""(document id, start, end, label)."""


@dataclass(frozen=True, slots=True)
class Score:
    """One row of the quality table."""

    label: str  # "" for the micro average over all labels
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def suggested(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def gold(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float:
        return self.true_positives / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores per label (by name) and the micro average."""

    labels: tuple[Score, ...]
    micro: Score


def evaluate(suggested: Iterable[Item], gold: Iterable[Item]) -> Evaluation:
    """Precision, recall and F1 of ``suggested`` against ``gold``, exact match."""
    predicted, truth = set(suggested), set(gold)
    names = sorted({item[3] for item in predicted | truth})
    scores = []
    for name in names:
        p = {item for item in predicted if item[3] == name}
        g = {item for item in truth if item[3] == name}
        scores.append(Score(name, len(p & g), len(p - g), len(g - p)))
    micro = Score(
        "",
        sum(s.true_positives for s in scores),
        sum(s.false_positives for s in scores),
        sum(s.false_negatives for s in scores),
    )
    return Evaluation(tuple(scores), micro)


def render(evaluation: Evaluation, title: str = "") -> str:
    """The table as plain text: one line a label, then the micro average."""
    lines = [title] if title else []
    lines.append(f"{'label':<12}{'suggested':>10}{'gold':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for score in (*evaluation.labels, evaluation.micro):
        name = score.label or "all (micro)"
        lines.append(
            f"{name:<12}{score.suggested:>10}{score.gold:>7}"
            f"{score.precision:>8.3f}{score.recall:>8.3f}{score.f1:>8.3f}"
        )
    return "\n".join(lines) + "\n"
