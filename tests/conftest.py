"""Fixtures every test folder may use."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.spacy_pipelines import anercorp_project, train_pipeline


@pytest.fixture(scope="session")
def spacy_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spaCy ner pipeline trained from a project's spans once per test session (seconds;
    tests/spacy_pipelines.py); tests only read it."""
    pytest.importorskip("spacy")
    directory = tmp_path_factory.mktemp("spacy")
    return train_pipeline(anercorp_project(directory), directory / "pipeline")
