"""Every reader, from every hostile variant of real files: one line naming the file, or documents,
and a refused file leaves the project exactly as it was (tests/fuzz/harness.py).

Bounded here (EXAMPLES per format, a few seconds in all); ``benchmarks/fuzz_import.py`` runs the
same cases for as long as you like and prints the figures quoted in the README.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.store import Repository, open_project
from tests.fuzz.harness import run_case
from tests.fuzz.mutate import Case, hostile_cases
from tests.fuzz.seeds import FORMATS, seeds

EXAMPLES = 50
_numbers = itertools.count()


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def project(fuzz_root: Path) -> Iterator[Repository]:
    with open_project(fuzz_root / "fuzz.annot.db") as repo:
        yield repo


@pytest.mark.parametrize("fmt", [f for f in FORMATS if seeds()[f]])
def test_hostile_files_give_one_line_and_leave_nothing(
    fmt: str, project: Repository, fuzz_root: Path
) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same cases on every run; the long run draws new ones
        suppress_health_check=list(HealthCheck),
    )
    @given(case=hostile_cases(fmt))
    def check(case: Case) -> None:
        result = run_case(project, case, fuzz_root / f"case-{next(_numbers)}")
        assert result.ok, f"{result.outcome}: {result.detail}\ncase: {case.how}"

    check()
