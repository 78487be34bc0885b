"""``annotator merge``: the annotators' work in their packages back into the project
(docs/adr/0075).

Each package is one transaction: it is checked whole (made from this project; every document
one it was given, with the same text under the same id) and merged whole, or refused with one
line and nothing of it written; the other packages still merge. What comes in is its
annotator's spans, links and status, attributed to them, by the import's attach path: only
what the project lacks is added, so a package merged twice brings nothing the second time
("already merged"). Nothing is removed or overwritten: another annotator's work is never
touched, and the annotator's own spans the package no longer has are kept (and counted).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError, one_line
from annotator.store import Repository, open_project
from annotator.store.package_file import MergedDocument

Step = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class PackageMerge:
    """What one package brought, or why it was refused (``refused``: nothing of it merged)."""

    path: Path
    annotator: str = ""
    documents: int = 0  # in the package
    brought: int = 0  # documents that brought something
    spans: int = 0
    already: int = 0  # the package's spans the project had already
    relations: int = 0
    statuses: int = 0
    kept: int = 0  # the annotator's spans in the project and not in the package
    others: int = 0  # spans of other annotators in the package: left out
    labels: tuple[str, ...] = ()
    refused: str = ""

    def line(self) -> str:
        if self.refused:
            return f"refused: {self.refused}"
        head = f"{self.path.name}: {self.annotator}, {self.documents} document(s): "
        if not self.brought and not self.labels:
            text = head + "nothing new (already merged, or no work in it yet)"
        else:
            text = head + (
                f"{self.spans} span(s), {self.relations} relation(s), {self.statuses} "
                f"status(es) in, on {self.brought} document(s); {self.already} span(s) "
                "there already"
            )
        if self.labels:
            text += f"; labels added: {', '.join(self.labels)}"
        if self.kept:
            text += f"; {self.kept} span(s) of {self.annotator} not in the package kept"
        if self.others:
            text += f"; {self.others} span(s) of other annotators left out"
        return text


@dataclass(frozen=True, slots=True)
class MergeReport:
    project: Path
    packages: tuple[PackageMerge, ...]

    @property
    def refused(self) -> int:
        return sum(1 for p in self.packages if p.refused)

    def lines(self) -> list[str]:
        lines = [p.line() for p in self.packages]
        merged = len(self.packages) - self.refused
        lines.append(f"{merged} package(s) merged into {self.project.name}, {self.refused} refused")
        return lines


def merge(project: Path, packages: Sequence[Path], *, step: Step | None = None) -> MergeReport:
    """Merge each package into ``project``, each in one transaction; a package refused is a
    report line, never an exception (a cancel through ``step`` stops before the next one)."""
    done: list[PackageMerge] = []
    with open_project(project, create=False) as repo:
        for i, path in enumerate(packages):
            if step is not None:
                step(i, len(packages), path.name)
            try:
                done.append(_merge_one(repo, path))
            except AnnotatorError as exc:
                text = one_line(str(exc))
                named = text if path.name in text else f"{path.name}: {text}"
                done.append(PackageMerge(path, refused=named))
        if step is not None:
            step(len(packages), len(packages), "")
    return MergeReport(project, tuple(done))


def _merge_one(repo: Repository, path: Path) -> PackageMerge:
    if path.resolve() == repo.path.resolve():
        return PackageMerge(path, refused=f"{path.name}: this is the project itself")
    with open_project(path, create=False, read_only=True) as package:
        info = package.package_info()
        if info is None:
            return PackageMerge(
                path, refused=f"{path.name}: not a work package (annotator assign makes them)"
            )
        who = info.annotator
        with package.reading():
            docs = list(package.iter_annotated(annotator=who, annotators=[who]))
            everyone = sum(package.counts(d.document.id)[0] for d in docs if d.document.id)
            used = {s.label for d in docs for s in d.spans}
            brought = [(label.name, label.kind) for label in package.labels() if label.name in used]
    merged, labels = repo.merge_package(info, docs, brought, name=path.name)
    return _summary(path, who, merged, labels, everyone - sum(len(d.spans) for d in docs))


def _summary(
    path: Path, who: str, merged: list[MergedDocument], labels: list[str], others: int
) -> PackageMerge:
    return PackageMerge(
        path,
        who,
        len(merged),
        sum(1 for m in merged if m.brought),
        sum(m.spans for m in merged),
        sum(m.already for m in merged),
        sum(m.relations for m in merged),
        sum(1 for m in merged if m.status is not None),
        sum(m.kept for m in merged),
        others,
        tuple(labels),
    )
