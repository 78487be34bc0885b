"""The project's own CRF model kept in the project file (issue 12, docs/adr/0069): trained,
cross-validated and stored in one go (``annotator train``, the window's Train the model), read
back for the ``model`` recommender.

A TrainedModel is written generically (its dataclass fields), so a field a later model adds
is kept in ``extra`` and a stored model without it reads with the field's default. What the
file holds is untrusted: bytes pycrfsuite cannot open or JSON that is not what we wrote give
``ModelUnreadable``, one line that says to train again, never a crash.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.crf_evidence import BadEvidence
from annotator.core.crf_features import FEATURES, Lexicon
from annotator.core.errors import AnnotatorError, ValidationError
from annotator.ops import crf_model, training
from annotator.ops.crf_model import Example, Scores, Suggester, TrainedModel
from annotator.store import Repository
from annotator.store.connection import now
from annotator.store.trained_models import StoredModel

NAME = "model"  # the recommender's name and the stored model's
PROJECT = "project"  # the source of a model trained on the project's own documents
FOLDS = 5
AGAIN = "train it again with annotator train"
COLUMN_FIELDS = ("model", "spans", "documents", "labels", "seconds", "lexicon")


class ModelUnreadable(AnnotatorError):
    """The stored model's bytes or JSON cannot be read."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the stored model cannot be read: {reason}; {AGAIN}")


class NothingToLearn(ValidationError):
    """No entity span in what the model would learn from."""


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The k-fold figures of a training: per label (right, suggested, gold)."""

    folds: int
    counts: Mapping[str, tuple[int, int, int]]

    def scores(self) -> Scores:
        right, made, gold = Counter[str](), Counter[str](), Counter[str]()
        for label, (r, m, g) in self.counts.items():
            right[label], made[label], gold[label] = r, m, g
        return Scores(right, made, gold)

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        return self.scores().prf(label)

    def gold(self, label: str | None = None) -> int:
        return self.counts[label][2] if label else sum(c[2] for c in self.counts.values())


@dataclass(frozen=True, slots=True)
class Model:
    """A model as the project has it: the model, what it learned from, its figures."""

    trained: TrainedModel
    source: str
    in_progress: bool
    when: str
    evaluation: Evaluation

    @property
    def f1(self) -> float:
        return self.evaluation.prf()[2]


def _jsonable(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def lexicon_json(lexicon: Lexicon) -> str:
    return json.dumps(
        {f.name: _jsonable(getattr(lexicon, f.name)) for f in dataclasses.fields(lexicon)},
        ensure_ascii=False,
    )


def _hashable(value: Any) -> Any:
    """A JSON list inside a set (a ``(key, label)`` pair of ``Lexicon.entities``) as a tuple."""
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


SCALARS: dict[str, tuple[type, ...]] = {"int": (int,), "float": (int, float), "str": (str,)}


def _like(field: dataclasses.Field[Any], value: Any) -> Any:
    """``value`` read from JSON as the field's type: a list for a tuple or frozenset field;
    ValueError for a number or text field holding something else (a damaged file)."""
    kind = str(field.type)
    expected = SCALARS.get(kind)
    if expected is not None and (isinstance(value, bool) or not isinstance(value, expected)):
        raise ValueError(f"{field.name} is {value!r}, not of type {kind}")
    if kind.startswith(("frozenset", "tuple")) and not isinstance(value, list):
        raise ValueError(f"{field.name} is {value!r}, not a list")
    if isinstance(value, list):
        if "frozenset" in kind:
            return frozenset(_hashable(v) for v in value)
        if "tuple" in kind:
            return tuple(value)
    return value


def _read_lexicon(text: str) -> Lexicon:
    values = json.loads(text)
    if not isinstance(values, dict):
        raise ValueError("the lexicon is not a JSON object")
    known = {f.name: f for f in dataclasses.fields(Lexicon)}
    return Lexicon(**{k: _like(known[k], v) for k, v in values.items() if k in known})


def to_stored(model: Model) -> StoredModel:
    trained = model.trained
    extra = {
        f.name: _jsonable(getattr(trained, f.name))
        for f in dataclasses.fields(trained)
        if f.name not in COLUMN_FIELDS
    }
    evaluation = {"folds": model.evaluation.folds, "labels": dict(model.evaluation.counts)}
    return StoredModel(
        NAME,
        trained.model,
        trained.spans,
        trained.documents,
        json.dumps(list(trained.labels), ensure_ascii=False),
        model.source,
        model.in_progress,
        model.when,
        trained.seconds,
        lexicon_json(trained.lexicon),
        json.dumps(evaluation, ensure_ascii=False),
        json.dumps(extra, ensure_ascii=False),
    )


def from_stored(stored: StoredModel) -> Model:
    """The stored model's values (ModelUnreadable for JSON that is not what we wrote)."""
    try:
        labels = json.loads(stored.labels)
        extra = json.loads(stored.extra)
        evaluation = json.loads(stored.evaluation)
        if not isinstance(labels, list) or not isinstance(extra, dict):
            raise ValueError("its labels or extra fields are not what was written")
        counts = {
            str(label): (int(r), int(m), int(g))
            for label, (r, m, g) in dict(evaluation["labels"]).items()
        }
        known = {f.name: f for f in dataclasses.fields(TrainedModel)}
        values: dict[str, Any] = {
            k: _like(known[k], v) for k, v in extra.items() if k in known and k not in COLUMN_FIELDS
        }
        trained = TrainedModel(
            **values,
            model=stored.model,
            spans=stored.spans,
            documents=stored.documents,
            labels=tuple(str(x) for x in labels),
            seconds=stored.seconds,
            lexicon=_read_lexicon(stored.lexicon),
        )
        return Model(
            trained,
            stored.source,
            stored.in_progress,
            stored.trained,
            Evaluation(int(evaluation["folds"]), counts),
        )
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise ModelUnreadable(f"bad JSON ({exc})") from exc


def stored_model(repo: Repository) -> Model | None:
    """The project's model, None if it has none (ModelUnreadable if it cannot be read)."""
    stored = repo.trained_model(NAME)
    return None if stored is None else from_stored(stored)


def suggester(model: Model) -> Suggester:
    """The model loaded for predicting (ModelUnreadable for bytes pycrfsuite cannot open, or
    features of a version this program does not know: a newer program's model)."""
    if not 1 <= model.trained.features <= FEATURES:
        raise ModelUnreadable(
            f"it was made with features of version {model.trained.features}, "
            f"this program knows versions 1 to {FEATURES}"
        )
    try:
        return Suggester(model.trained)
    except BadEvidence as exc:
        raise ModelUnreadable(f"its naive Bayes votes are not what was written: {exc}") from exc
    except (ValueError, OSError) as exc:
        raise ModelUnreadable(f"its {len(model.trained.model)} bytes are no CRF model") from exc


def check(repo: Repository) -> list[str]:
    """``annotator check``: the stored model, if any, must load."""
    try:
        model = stored_model(repo)
        if model is not None:
            suggester(model).close()
    except ModelUnreadable as exc:
        return [str(exc)]
    return []


def _examples(
    repo: Repository, source: Path | None, mapping: Mapping[str, str], in_progress: bool
) -> tuple[list[Example], Lexicon]:
    if source is None:
        examples = training.repo_documents(repo, in_progress=in_progress)[1]
        if not any(spans for _text, spans in examples):
            raise NothingToLearn(
                "no document marked done"
                + (" or in progress" if in_progress else "")
                + " with entity spans to learn from"
            )
        return examples, training.project_lexicon(repo)
    examples = training.file_examples(source, mapping, repo.labels())
    if not any(spans for _text, spans in examples):
        raise NothingToLearn(f"{source}: no entity spans to learn from")
    return examples, training.examples_lexicon(examples, training.gazetteer_names(repo))


def learn(
    examples: list[Example], lexicon: Lexicon, folds: int, step: training.Step | None = None
) -> tuple[TrainedModel, Scores, int]:
    """The model trained on ``examples`` and its ``folds``-fold figures (the folds used:
    at least 2, at most one a document); ``step(done, total, what)`` after each part."""
    trained = crf_model.train(examples, lexicon)
    folds = max(2, min(folds, len(examples)))
    total = folds + 2
    if step is not None:
        step(1, total, "trained")

    def fold_step(done: int, _total: int, _what: str) -> None:
        if step is not None:
            step(1 + done, total, "fold")

    scores = training.cross_validate(examples, folds, lexicon.gazetteer, step=fold_step)
    return trained, scores, folds


def train_and_store(
    repo: Repository,
    *,
    source: Path | None = None,
    mapping: Mapping[str, str] | None = None,
    in_progress: bool = False,
    folds: int = FOLDS,
    step: training.Step | None = None,
    apart: bool = False,
) -> tuple[Model, bool]:
    """Train on the project (or the corpus ``source``), cross-validate with ``folds``, and
    store the model in place of the former one, in one transaction; the first model a project
    stores switches the ``model`` recommender on in its settings. ``step(done, total, what)``
    after each part (a Job cancels there: nothing is stored then). ``apart``: learn in a
    process of its own (ops/training_apart.py: the window's keys never wait for crfsuite,
    and a cancel stops it at once). Returns (the model, whether it was the project's first).
    NothingToLearn / InputError when there is nothing to learn."""
    if step is not None:
        step(0, folds + 2, "reading")
    examples, lexicon = _examples(repo, source, mapping or {}, in_progress)
    if apart:
        from annotator.ops.training_apart import learn_apart

        trained, scores, folds = learn_apart(examples, lexicon, folds, step)
    else:
        trained, scores, folds = learn(examples, lexicon, folds, step)
    counts = {
        label: (scores.true_positives[label], scores.predicted[label], scores.gold[label])
        for label in sorted(set(scores.gold) | set(scores.predicted))
    }
    where = PROJECT if source is None else str(source)
    model = Model(trained, where, in_progress, now(), Evaluation(folds, counts))
    with repo.transaction():
        first = repo.save_trained_model(to_stored(model))
        if first:
            _switch_on(repo)
    if step is not None:
        step(folds + 2, folds + 2, "stored")
    return model, first


def _switch_on(repo: Repository) -> None:
    # imported here: ops/suggesting.py imports this module (through model_suggestions)
    from annotator.ops.suggesting import recommender_names

    settings = repo.recommender_settings(recommender_names()).settings
    if NAME not in settings.enabled:
        repo.save_recommender_settings(
            dataclasses.replace(settings, enabled=(*settings.enabled, NAME))
        )
