"""What the CRF entity model learns from: a project's documents or a corpus file (issue 12,
ADR 0066), and the lexicon it is given (ADR 0069). Entity spans only; a corpus label the
caller does not map is an error naming it.

The lexicon of a model trained on the project: the memory is the entity texts labelled in the
project and the gazetteer the names of its lists, folded as the features fold (span_key). A
fold of the cross-validation learns its memory from its own training documents only, so no
held-out document's labels reach the model that is scored on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from annotator.core.clitics import span_key
from annotator.core.crf_features import Lexicon
from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Kind, LabelSet, Status
from annotator.formats import registry
from annotator.ops import crf_model
from annotator.ops.crf_model import Example, Scores
from annotator.store import Repository, open_project

Step = Callable[[int, int, str], None]  # done, total, what (the window's Job cancels there)


def _examples(
    docs: Iterable[AnnotatedDocument], labels: LabelSet, mapping: Mapping[str, str], where: str
) -> list[Example]:
    entity = {label.name for label in labels.of_kind(Kind.ENTITY)}
    out: list[Example] = []
    for doc in docs:
        spans: list[tuple[int, int, str]] = []
        for span in doc.spans:
            name = mapping.get(span.label, span.label)
            if name in entity:
                spans.append((span.start, span.end, name))
            elif span.label not in labels:
                raise InputError(
                    f"{where}: label {span.label!r} (document {doc.document.title!r}, offset "
                    f"{span.start}) is no entity label: map it with --map {span.label}=LABEL"
                )
        out.append((doc.document.text, spans))
    return out


def repo_documents(
    repo: Repository, *, in_progress: bool = False
) -> tuple[list[int], list[Example]]:
    """(ids, examples) of the documents marked done (then those in progress, if asked)."""
    labels = repo.labels()
    docs = list(repo.iter_annotated(status=Status.DONE))
    if in_progress:
        docs += list(repo.iter_annotated(status=Status.IN_PROGRESS))
    ids = [doc.document.id or 0 for doc in docs]
    return ids, _examples(docs, labels, {}, str(repo.path))


def project_examples(project: Path, *, in_progress: bool = False) -> list[Example]:
    """The project's documents marked done (and in progress, if asked) with their entity spans."""
    with open_project(project, create=False, read_only=True) as repo:
        return repo_documents(repo, in_progress=in_progress)[1]


def file_examples(
    path: Path, mapping: Mapping[str, str], labels: LabelSet = DEFAULT_LABELS
) -> list[Example]:
    """The documents of a corpus file (any importable format), labels mapped by ``mapping``."""
    unknown = sorted({to for to in mapping.values() if to not in labels})
    if unknown:
        raise InputError(f"--map: {', '.join(unknown)} is no label of the project")
    docs = registry.detect(path).read(path, labels)
    return _examples(docs, labels, mapping, str(path))


def gazetteer_names(repo: Repository) -> frozenset[str]:
    """The names of the project's gazetteers, folded (ADR 0059)."""
    return frozenset(span_key(e.name) for g in repo.gazetteers() for e in g.entries) - {""}


def project_lexicon(repo: Repository) -> Lexicon:
    """The project's memory (its entity texts, any annotator, any status) and gazetteer."""
    entity = {label.name for label in repo.labels().of_kind(Kind.ENTITY)}
    memory = frozenset(span_key(t) for t, label, _n in repo.labelled_texts() if label in entity)
    return Lexicon(memory=memory - {""}, gazetteer=gazetteer_names(repo))


def examples_lexicon(examples: Sequence[Example], gazetteer: frozenset[str]) -> Lexicon:
    """A lexicon whose memory is the entity texts of ``examples`` only."""
    memory = frozenset(span_key(text[s:e]) for text, spans in examples for s, e, _ in spans)
    return Lexicon(memory=memory - {""}, gazetteer=gazetteer)


def fold_of(index: int, folds: int) -> int:
    """The fold a document is held out in (the same split as crf_model.cross_validate)."""
    return index % folds


def cross_validate(
    examples: Sequence[Example],
    folds: int,
    gazetteer: frozenset[str],
    *,
    step: Step | None = None,
) -> Scores:
    """k-fold over documents, each fold's model trained on the others with a lexicon of their
    memory (``step(k, folds, "")`` after each fold: a Job cancels there)."""
    total = Scores(Counter(), Counter(), Counter())
    folds = max(2, min(folds, len(examples)))
    for k in range(folds):
        held = [ex for i, ex in enumerate(examples) if fold_of(i, folds) == k]
        rest = [ex for i, ex in enumerate(examples) if fold_of(i, folds) != k]
        if any(spans for _t, spans in rest):
            suggester = crf_model.Suggester(
                crf_model.train(rest, examples_lexicon(rest, gazetteer))
            )
            try:
                part = crf_model.score(suggester, held)
            finally:
                suggester.close()
        else:  # nothing to learn from: every gold span of the fold is missed
            part = Scores(Counter(), Counter(), Counter(lb for _t, sp in held for *_, lb in sp))
        for mine, theirs in zip(
            (total.true_positives, total.predicted, total.gold),
            (part.true_positives, part.predicted, part.gold),
            strict=True,
        ):
            mine.update(theirs)
        if step is not None:
            step(k + 1, folds, "")
    return total
