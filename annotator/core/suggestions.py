"""Suggestions: spans (and speaker links) a recommender proposes, which an annotator accepts or
rejects (issue 11; ../shared/DESIGN.md §8). They are not spans: the store keeps them in their
own table, and exports, stats, evidence and statuses never count them until one is accepted,
which makes an ordinary span of the annotator who accepted it.

Offsets are those of spans: code points of ``Document.text``, end excluded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SuggestionState(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # remembered: never offered again for the same document, offsets, label


@dataclass(frozen=True, slots=True)
class Suggestion:
    """``text[start:end]`` of document ``document_id`` suggested as ``label`` by ``recommender``
    (its name: ``memory``, ``gazetteer``, ``quotes``, ``model``...) with ``score`` in [0, 1].
    ``id`` is None until the store has it."""

    document_id: int
    start: int
    end: int
    label: str
    recommender: str
    score: float
    state: SuggestionState = SuggestionState.OPEN
    id: int | None = None
    created: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"a suggestion needs 0 <= start < end, not {self.start}, {self.end}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"a suggestion's score is in [0, 1], not {self.score}")

    @property
    def key(self) -> tuple[int, int, int, str]:
        """What a rejection remembers: the same document, offsets and label are never offered
        again, by any recommender."""
        return (self.document_id, self.start, self.end, self.label)


@dataclass(frozen=True, slots=True)
class SuggestedLink:
    """A suggested relation (a quote to its speaker), its ends by offsets: either end may be a
    span or a suggestion. Accepted with the quote it belongs to."""

    document_id: int
    type: str  # "speaker"
    source: tuple[int, int]  # the quote's (start, end)
    target: tuple[int, int]  # the speaker's (start, end)
    recommender: str
    score: float
