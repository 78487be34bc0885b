"""Check a project file and count what is in it."""

from __future__ import annotations

from pathlib import Path

from annotator.store import ProjectStats, Repository, open_project


def check_project(path: str | Path) -> list[str]:
    """Every problem in the project file (integrity, text hashes, spans, relations); [] if fine.

    The file is opened read-only: checking never changes it.
    """
    with open_project(path, create=False, read_only=True) as repo:
        return repo.check()


def project_stats(repo: Repository) -> ProjectStats:
    """Documents by status (overall and per annotator), spans by label."""
    return repo.stats()
