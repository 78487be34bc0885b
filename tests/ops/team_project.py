"""A real project file with several annotators' work on the same texts (issue 13): each
annotator's spans, speaker links and status attached to the same documents, as an import
with ``--annotator`` (or a merge) leaves them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from annotator.core.model import AnnotatedDocument, Document, Relation, Span, Status
from annotator.store import Repository, open_project

Places = Sequence[tuple[int, int, str]]


def team_project(
    path: Path,
    texts: Sequence[str],
    work: Mapping[str, Sequence[Places]],
    *,
    done: Mapping[str, Sequence[int]] | None = None,
    speakers: Mapping[str, Sequence[Sequence[tuple[int, int]]]] | None = None,
) -> Repository:
    """``work[name][n]``: name's spans on text n; ``done[name]``: the texts name marked done
    (default: all); ``speakers[name][n]``: (quote, speaker) indexes into ``work[name][n]``."""
    repo = open_project(path)
    for name, per_text in work.items():
        finished = set(range(len(texts)) if done is None else done.get(name, ()))
        items = []
        for n, (text, places) in enumerate(zip(texts, per_text, strict=True)):
            spans = tuple(
                Span(i + 1, 0, s, e, label, name) for i, (s, e, label) in enumerate(places)
            )
            links = tuple(
                Relation(None, "speaker", q + 1, t + 1, name)
                for q, t in (speakers or {}).get(name, [()] * len(texts))[n]
            )
            status = Status.DONE if n in finished else Status.IN_PROGRESS
            items.append(AnnotatedDocument(Document(None, f"text {n}", text), spans, links, status))
        repo.add_or_attach(items, annotator=name, attach=True)
    return repo
