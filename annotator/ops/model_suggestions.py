"""What the ``model`` recommender suggests (issue 12, docs/adr/0069): the stored model's
predictions for the project's entity labels, scored by the model, never over a span of their
kind. ops/suggesting.py registers it; the loaded model is kept in the run's cache.

Under evaluation a model must not have learned from the document it is scored on: a model
trained on the project is replaced by k models trained per fold over the documents marked done
(each document scored by the model of the folds it is not in), trained once per run. A model
trained from a corpus file has seen none of the project's documents and is used as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.model import Document, Kind, Span
from annotator.core.suggestions import Suggestion
from annotator.ops import crf_model, model_store, training
from annotator.ops.crf_model import Suggester
from annotator.store import Repository

NAME = model_store.NAME
NO_MODEL = "no trained model: train it (annotator train or Suggestions ▸ Train the model)"


def why_nothing(repo: Repository, cache: dict[str, Any]) -> str | None:
    """Why the model can suggest nothing here: none stored, or it cannot be read (the model
    loaded is kept in ``cache`` for the run)."""
    try:
        if _load(repo, cache) is None:
            return NO_MODEL
    except model_store.ModelUnreadable as exc:
        return str(exc)
    return None


def _load(repo: Repository, cache: dict[str, Any]) -> model_store.Model | None:
    if "model" not in cache:
        model = model_store.stored_model(repo)
        cache["model.suggester"] = None if model is None else model_store.suggester(model)
        cache["model"] = model
    found: model_store.Model | None = cache["model"]
    return found


def suggest(
    repo: Repository,
    cache: dict[str, Any],
    document: Document,
    spans: Sequence[Span],
    kinds: Mapping[str, Kind],
    *,
    evaluating: bool,
) -> list[Suggestion]:
    assert document.id is not None
    tagger = _tagger(repo, cache, document.id, evaluating=evaluating)
    if tagger is None:
        return []
    covered: dict[Kind, bytearray] = {}
    for span in spans:
        kind = kinds.get(span.label)
        if kind is not None:
            mask = covered.setdefault(kind, bytearray(len(document.text)))
            mask[span.start : span.end] = b"\x01" * (span.end - span.start)
    out = []
    for p in tagger.predict(document.text):
        kind = kinds.get(p.label)
        if kind is not Kind.ENTITY or any(covered.get(kind, b"")[p.start : p.end]):
            continue
        out.append(Suggestion(document.id, p.start, p.end, p.label, NAME, round(p.score, 4)))
    return out


def _tagger(
    repo: Repository, cache: dict[str, Any], document_id: int, *, evaluating: bool
) -> Suggester | None:
    model = _load(repo, cache)
    if model is None:
        return None
    if not evaluating or model.source != model_store.PROJECT:
        suggester: Suggester = cache["model.suggester"]
        return suggester
    if "model.folds" not in cache:
        cache["model.folds"] = _fold_models(repo, model)
    folds: tuple[dict[int, int], list[Suggester | None]] = cache["model.folds"]
    fold_of, models = folds
    return models[fold_of[document_id]] if document_id in fold_of else None


def _fold_models(
    repo: Repository, model: model_store.Model
) -> tuple[dict[int, int], list[Suggester | None]]:
    """The fold of each document marked done and each fold's model, trained on the others
    (and the documents in progress, if the stored model learned from those)."""
    done_ids, done = training.repo_documents(repo)
    extra: list[crf_model.Example] = []
    if model.in_progress:
        ids, examples = training.repo_documents(repo, in_progress=True)
        extra = [ex for i, ex in zip(ids, examples, strict=True) if i not in set(done_ids)]
    folds = max(2, min(model.evaluation.folds, len(done)))
    gazetteer = training.gazetteer_names(repo)
    models: list[Suggester | None] = []
    for k in range(folds):
        rest = [ex for i, ex in enumerate(done) if training.fold_of(i, folds) != k] + extra
        if not any(spans for _t, spans in rest):
            models.append(None)
            continue
        lexicon = training.examples_lexicon(rest, gazetteer)
        models.append(crf_model.Suggester(crf_model.train(rest, lexicon)))
    fold_of = {d: training.fold_of(i, folds) for i, d in enumerate(done_ids)}
    return fold_of, models


def close(cache: dict[str, Any]) -> None:
    """Let the loaded models go (their temporary files)."""
    suggester = cache.pop("model.suggester", None)
    if suggester is not None:
        suggester.close()
    _ids, models = cache.pop("model.folds", ({}, []))
    for m in models:
        if m is not None:
            m.close()
    cache.pop("model", None)
