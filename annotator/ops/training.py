"""What the CRF entity model learns from: a project's documents or a corpus file (issue 12,
ADR 0066). Entity spans only; a corpus label the caller does not map is an error naming it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Kind, LabelSet, Status
from annotator.formats import registry
from annotator.ops.crf_model import Example
from annotator.store import open_project


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


def project_examples(project: Path, *, in_progress: bool = False) -> list[Example]:
    """The project's documents marked done (and in progress, if asked) with their entity spans."""
    with open_project(project, create=False, read_only=True) as repo:
        labels = repo.labels()
        docs = list(repo.iter_annotated(status=Status.DONE))
        if in_progress:
            docs += list(repo.iter_annotated(status=Status.IN_PROGRESS))
    return _examples(docs, labels, {}, str(project))


def file_examples(
    path: Path, mapping: Mapping[str, str], labels: LabelSet = DEFAULT_LABELS
) -> list[Example]:
    """The documents of a corpus file (any importable format), labels mapped by ``mapping``."""
    unknown = sorted({to for to in mapping.values() if to not in labels})
    if unknown:
        raise InputError(f"--map: {', '.join(unknown)} is no label of the project")
    docs = registry.detect(path).read(path, labels)
    return _examples(docs, labels, mapping, str(path))
