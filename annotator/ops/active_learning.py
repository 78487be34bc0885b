"""Active learning (issue 12, docs/adr/0073): how sure the project's model is of each document
it has not seen done, and the document it is least sure of, "the next most useful".

A score belongs to the model that gave it, named by the model's training time: after a new
training every score is stale until the document is scored again, and ``score_unfinished``
scores exactly the documents without a score from the stored model, a batch per transaction
(a Job cancelled between two batches keeps what it wrote: each score is right for its model).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum

from annotator.core.certainty import certainty
from annotator.core.errors import NotFoundError, ValidationError
from annotator.ops import model_store, training
from annotator.store import Repository
from annotator.store.certainties import Useful

BATCH = 20  # documents scored per transaction (and per progress step)


class NoModel(ValidationError):
    """The project has no trained model to score with."""


class Why(Enum):
    """Why there is no most useful document: the caller falls back to the usual next one."""

    NO_MODEL = "no-model"  # no model trained yet
    NOT_SCORED = "not-scored"  # no unfinished document has a score from the stored model


@dataclass(frozen=True, slots=True)
class Scored:
    model: str  # the model's id (its training time)
    documents: int  # documents scored by this run
    seconds: float


def model_id(repo: Repository) -> str | None:
    """The stored model's id, None without a model."""
    return repo.trained_when(model_store.NAME)


def score_unfinished(
    repo: Repository, annotator: str, *, step: training.Step | None = None
) -> Scored:
    """Score, with the stored model, the documents ``annotator`` has not done that have no
    score from it; ``step(done, total, "scored")`` after each batch. NoModel without a model,
    ModelUnreadable for one that cannot be loaded."""
    began = time.perf_counter()
    model = model_store.stored_model(repo)
    if model is None:
        raise NoModel("the project has no trained model: train one first (annotator train)")
    ids = repo.unscored(model.when, annotator)
    if step is not None:
        step(0, len(ids), "scored")
    if not ids:
        return Scored(model.when, 0, time.perf_counter() - began)
    suggester = model_store.suggester(model)
    try:
        for first in range(0, len(ids), BATCH):
            scores = []
            for document_id in ids[first : first + BATCH]:
                try:
                    text = repo.document(document_id).text
                except NotFoundError:
                    continue  # removed meanwhile
                scores.append((document_id, certainty(suggester.margins(text))))
            repo.save_certainties(model.when, scores)
            if step is not None:
                step(min(len(ids), first + BATCH), len(ids), "scored")
    finally:
        suggester.close()
    return Scored(model.when, len(ids), time.perf_counter() - began)


def most_useful(
    repo: Repository, annotator: str, *, besides: int | None = None, limit: int = 1
) -> tuple[list[Useful], Why | None]:
    """The unfinished documents the stored model is least sure of (``besides`` left out), or
    none and why. Cheap (the certainty index): the window asks on every Ctrl+Enter."""
    model = model_id(repo)
    if model is None:
        return [], Why.NO_MODEL
    found = repo.most_useful(model, annotator, besides=besides, limit=limit)
    return found, (None if found else Why.NOT_SCORED)
