"""Check a project file and count what is in it."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ProjectFileError
from annotator.ops import model_store
from annotator.ops.suggesting import recommender_names
from annotator.store import ProjectStats, Repository, open_project


def check_project(path: str | Path) -> list[str]:
    """Every problem in the project file (schema, integrity, text hashes, spans, relations);
    [] if fine. The file is opened read-only, and even when its schema is not ours (that is
    what it reports): checking never changes it.
    """
    with open_project(path, create=False, read_only=True, verify=False) as repo:
        problems = repo.check(recommender_names())
        if any(p.startswith("the data was not checked") for p in problems):
            return problems
        return problems + model_store.check(repo)  # the stored model loads (ADR 0069)


def repair_project(path: str | Path) -> tuple[Path, list[str]]:
    """Remove what is foreign in the project's schema; (the backup copy, what was removed).

    The copy is made with SQLite's backup API (the file itself is never opened besides the
    connection, docs/adr/0016), next to the project, before anything is removed."""
    path = Path(path)
    with open_project(path, create=False, verify=False) as repo:
        if not [line for line in repo.check() if line.startswith("schema: ")]:
            return path, []
        backup = _free_name(path)
        repo.backup(backup)
        return backup, repo.repair()


def _free_name(path: Path) -> Path:
    stem = path.name.removesuffix(".annot.db")
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        candidate = path.with_name(f"{stem}.before-repair{suffix}.annot.db")
        if not candidate.exists():
            return candidate
    raise ProjectFileError(f"{path}: no free name for a backup copy beside it")


def project_stats(repo: Repository) -> ProjectStats:
    """Documents by status (overall and per annotator), spans by label."""
    return repo.stats()
