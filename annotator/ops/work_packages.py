"""``annotator assign``: one work package (a project file) per annotator (docs/adr/0075).

The dealing is deterministic: the overlap documents (a share of those dealt, chosen by a
seeded random sample of their ids) go to every annotator, for agreement; the rest are dealt
longest first, each to the annotator with the fewest characters so far (ties: the earlier
annotator), so the packages are balanced by text length. Each package holds its documents with
its annotator's own spans, links and status (none, for documents nobody started), the label
set, gazetteers, recommender settings and trained models of the project, and its identity
(store/packages.py). Every package is written under a temporary name in the output folder and
renamed only when all are written: an error or a cancel leaves no package behind.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.model import AnnotatedDocument, Status
from annotator.store import Repository, open_project
from annotator.store.packages import Candidate, PackageInfo, new_package_id, stamp

Step = Callable[[int, int, str], None]
"""``step(done, total, what)``: progress; the window's raises Cancelled once cancel is asked."""

SUFFIX = ".annot.db"
_BAD = set('/\\:*?"<>|')


@dataclass(frozen=True, slots=True)
class Package:
    """One package as written: its annotator, file, documents (of which shared) and length."""

    annotator: str
    path: Path
    documents: int
    shared: int
    characters: int


@dataclass(frozen=True, slots=True)
class AssignReport:
    project: Path
    dealt: int  # documents with the statuses asked for
    overlap: int  # of which every annotator has
    packages: tuple[Package, ...] = field(default=())

    def lines(self) -> list[str]:
        head = (
            f"{self.dealt} document(s) dealt to {len(self.packages)} annotator(s), "
            f"{self.overlap} of them to everyone (overlap)"
        )
        return [head] + [
            f"{p.path.name}: {p.annotator}, {p.documents} document(s) ({p.shared} shared), "
            f"{p.characters} characters"
            for p in self.packages
        ]


def check_names(annotators: Sequence[str]) -> tuple[str, ...]:
    """The annotators' names, stripped; ValidationError for none, a repeat, or a name that
    cannot be part of a file name."""
    names = tuple(n.strip() for n in annotators if n.strip())
    if not names:
        raise ValidationError("name at least one annotator (--annotators ann1,ann2)")
    for name in names:
        if names.count(name) > 1:
            raise ValidationError(f"annotator {name!r} is named twice")
        if name.startswith(".") or any(c in _BAD or not c.isprintable() for c in name):
            raise ValidationError(
                f"annotator {name!r}: a name for a file cannot start with '.' or hold "
                '/ \\ : * ? " < > | or control characters'
            )
    return names


def deal(
    found: Sequence[Candidate], annotators: Sequence[str], overlap: float, seed: int = 0
) -> dict[str, list[int]]:
    """Annotator -> document ids (ascending): ``round(overlap * n)`` documents to everyone,
    chosen by ``random.Random(seed)``; the rest longest first to the least loaded."""
    if not 0.0 <= overlap <= 1.0:
        raise ValidationError(f"the overlap is a share in [0, 1], not {overlap}")
    ids = sorted(c.id for c in found)
    shared = set(random.Random(seed).sample(ids, round(overlap * len(ids))))
    length = {c.id: c.length for c in found}
    given: dict[str, list[int]] = {a: sorted(shared) for a in annotators}
    load = dict.fromkeys(annotators, sum(length[i] for i in shared))
    rest = sorted((c for c in found if c.id not in shared), key=lambda c: (-c.length, c.id))
    for c in rest:
        least = min(annotators, key=lambda a: load[a])  # min keeps the first of equals
        given[least].append(c.id)
        load[least] += c.length
    return {a: sorted(ids) for a, ids in given.items()}


def package_path(out: Path, project: Path, annotator: str) -> Path:
    stem = project.name.removesuffix(SUFFIX).removesuffix(".db")
    return out / f"{stem}.{annotator}{SUFFIX}"


def assign(
    project: Path,
    annotators: Sequence[str],
    out: Path,
    *,
    overlap: float = 0.2,
    statuses: Collection[Status] = (Status.NEW,),
    seed: int = 0,
    force: bool = False,
    step: Step | None = None,
) -> AssignReport:
    """Write one package per annotator into ``out``; ValidationError (nothing written) for a
    bad name, an existing package without ``force``, or no document to deal."""
    names = check_names(annotators)
    if not 0.0 <= overlap <= 1.0:
        raise ValidationError(f"the overlap is a share in [0, 1], not {overlap}")
    targets = {n: package_path(out, project, n) for n in names}
    if out.exists() and not out.is_dir():
        raise ValidationError(f"{out} is a file, not a folder")
    existing = [p for p in targets.values() if p.exists()]
    if existing and not force:
        raise ValidationError(f"{existing[0]} exists already: nothing written (--force replaces)")
    with open_project(project, create=False) as repo:
        found = repo.dealable(statuses)
        if not found:
            wanted = ", ".join(sorted(Status(s).value for s in statuses))
            raise ValidationError(f"{project}: no document with status {wanted} to deal")
        given = deal(found, names, overlap, seed)
        shared = round(overlap * len(found))
        project_id = repo.team_project_id()
        out.mkdir(parents=True, exist_ok=True)
        by_id = {c.id: c for c in found}
        total = sum(len(ids) for ids in given.values())
        written: list[tuple[Path, Path]] = []
        made: list[Package] = []
        try:
            done = 0
            for name in names:
                ids = given[name]
                temporary = targets[name].with_name(f".{targets[name].name}.part")
                written.append((temporary, targets[name]))
                documents = {by_id[i].sha256: i for i in ids}
                info = PackageInfo(new_package_id(), project_id, name, stamp(), documents)
                done = _write_package(repo, temporary, info, ids, step, done, total)
                chars = sum(by_id[i].length for i in ids)
                made.append(Package(name, targets[name], len(ids), shared, chars))
            for temporary, target in written:
                _remove(target)
                os.replace(temporary, target)
        except BaseException:
            for temporary, _ in written:
                _remove(temporary)
            raise
    return AssignReport(project, len(found), shared, tuple(made))


def _write_package(
    repo: Repository,
    path: Path,
    info: PackageInfo,
    ids: list[int],
    step: Step | None,
    done: int,
    total: int,
) -> int:
    _remove(path)
    with open_project(path, create=True) as package:
        package.start_package(repo, info)
        who = info.annotator

        def each() -> Iterator[AnnotatedDocument]:
            nonlocal done
            for doc in repo.iter_annotated(ids=ids, annotator=who, annotators=[who]):
                yield doc
                done += 1
                if step is not None:
                    step(done, total, f"{path.name.removeprefix('.')}: {doc.document.title}")

        with package.transaction():  # one package, one transaction
            package.add_documents(each(), annotator=who)
    return done


def _remove(path: Path) -> None:
    """Remove a package file and its journal files (a missing one is fine)."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise AnnotatorError(f"{p} cannot be removed: {exc}") from exc
