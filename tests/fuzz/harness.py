"""One hostile case through the real ``import_paths`` on a real project file, judged.

A case passes when the import returns (no exception), every error and note is one line that
can be printed (no line break, no lone surrogate), every error names a file of the case, a
refused case leaves every table of the project exactly as it was, and an accepted one leaves a
project that ``annotator check`` finds nothing wrong with.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from annotator.ops import import_paths
from annotator.ops.importing import BUG
from annotator.store import Repository
from tests.fuzz.mutate import Case
from tests.store.conftest import dump

OUTCOMES = ("imported", "refused", "skipped", "crash", "partial", "message", "check")
FAILURES = frozenset({"crash", "partial", "message", "check"})


@dataclass(frozen=True, slots=True)
class Result:
    outcome: str  # one of OUTCOMES
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome not in FAILURES


def write_case(case: Case, folder: Path) -> list[Path]:
    """The case's files in ``folder`` (made empty); what to pass to import_paths."""
    folder.mkdir(parents=True)
    for name, data in case.files:
        (folder / name).write_bytes(data)
    return [folder / case.main] if case.named else [folder]


def _printable(line: str) -> bool:
    if "\n" in line or "\r" in line:
        return False
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run_case(repo: Repository, case: Case, folder: Path) -> Result:
    targets = write_case(case, folder)
    before = dump(repo.path)
    try:
        report = import_paths(repo, targets, fmt=case.fmt if case.given_format else None)
    except Exception:
        return Result("crash", traceback.format_exc())
    for line in report.errors + report.notes:
        if BUG in line:
            return Result("crash", line)
        if not _printable(line):
            return Result("message", f"not one printable line: {line!r}")
    for error in report.errors:
        if str(folder) not in error:
            return Result("message", f"does not name the file: {error!r}")
    if report.errors:
        after = dump(repo.path)
        if after != before:
            changed = sorted(k for k in after if after[k] != before.get(k))
            return Result("partial", f"{report.errors[0]!r}; tables changed: {changed}")
        return Result("refused", report.errors[0])
    if report.imported or report.duplicates:
        problems = repo.check()
        if problems:
            return Result("check", f"imported, then check says: {problems[:3]}")
        return Result("imported")
    return Result("skipped", "; ".join(report.notes))
