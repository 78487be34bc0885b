"""Active learning (issue 12, docs/adr/0073): the stored CRF model, trained on a slice of
ANERcorp, is less sure of documents it never saw than of one made of its training sentences;
scores belong to their model and are stale after a retraining."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.certainty import certainty, margin
from annotator.core.edits import SetStatus
from annotator.core.model import Status
from annotator.ops import active_learning, model_store
from annotator.store import Repository, open_project

from .anercorp_articles import learning_project

ME = "amal"


@pytest.fixture(scope="module")
def learned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, int]]]:
    path = Path(tmp_path_factory.mktemp("active")) / "p.annot.db"
    ids = learning_project(path, ME)
    with open_project(path, create=False) as repo:
        model_store.train_and_store(repo, folds=2)
    yield path, ids


@pytest.fixture
def repo(learned: tuple[Path, dict[str, int]], tmp_path: Path) -> Iterator[Repository]:
    """A copy of the trained project, for a test that writes."""
    copy = tmp_path / "copy.annot.db"
    with open_project(learned[0], create=False) as original:
        original.db.execute(f"VACUUM INTO '{copy}'")
    with open_project(copy, create=False) as opened:
        yield opened


def test_the_unfamiliar_documents_come_before_the_one_of_training_sentences(
    repo: Repository, learned: tuple[Path, dict[str, int]]
) -> None:
    ids = learned[1]
    scored = active_learning.score_unfinished(repo, ME)
    assert scored.documents == 3  # the three unfinished ones; the done ones are not scored
    assert repo.certainty(ids["train 1"]) is None
    found, why = active_learning.most_useful(repo, ME, limit=3)
    assert why is None
    assert [u.document_id for u in found][-1] == ids["familiar"]
    assert {u.document_id for u in found[:2]} == {ids["later"], ids["unfamiliar"]}
    by_id = {u.document_id: u.certainty for u in found}
    assert by_id[ids["familiar"]] - max(by_id[ids["later"]], by_id[ids["unfamiliar"]]) > 0.03
    # the open document is left out; a document done is no longer proposed
    first = found[0].document_id
    assert active_learning.most_useful(repo, ME, besides=first)[0][0] == found[1]
    repo.apply(SetStatus(first, ME, Status.DONE))
    assert active_learning.most_useful(repo, ME)[0][0] == found[1]
    # another annotator has done nothing: every scored document is theirs to do
    assert len(active_learning.most_useful(repo, "omar", limit=9)[0]) == 3


def test_scores_of_an_older_model_are_stale_after_retraining(repo: Repository) -> None:
    first = active_learning.score_unfinished(repo, ME)
    assert active_learning.score_unfinished(repo, ME).documents == 0  # all current
    model_store.train_and_store(repo, folds=2)
    second = active_learning.model_id(repo)
    assert second is not None and second != first.model
    found, why = active_learning.most_useful(repo, ME)
    assert (found, why) == ([], active_learning.Why.NOT_SCORED)
    # the list still sorts by the stale score, and knows whose it is
    assert all(repo.certainty(i) is not None for i in repo.unscored(second, ME))
    assert {repo.certainty(i)[0] for i in repo.unscored(second, ME)} == {first.model}  # type: ignore[index]
    again = active_learning.score_unfinished(repo, ME)
    assert (again.model, again.documents) == (second, 3)
    assert active_learning.most_useful(repo, ME)[1] is None


def test_without_a_model_there_is_nothing_to_score(tmp_path: Path) -> None:
    path = tmp_path / "empty.annot.db"
    learning_project(path, ME)
    with open_project(path, create=False) as repo:
        assert active_learning.most_useful(repo, ME) == ([], active_learning.Why.NO_MODEL)
        with pytest.raises(active_learning.NoModel, match="train one first"):
            active_learning.score_unfinished(repo, ME)


def test_progress_is_told_per_batch(repo: Repository) -> None:
    steps: list[tuple[int, int]] = []
    active_learning.score_unfinished(repo, ME, step=lambda d, t, _w: steps.append((d, t)))
    assert steps == [(0, 3), (3, 3)]


def test_certainty_is_the_mean_margin_whatever_the_length() -> None:
    assert margin([0.7, 0.2, 0.1]) == pytest.approx(0.5)
    assert margin([1.0]) == 1.0 and margin([]) == 1.0
    margins = [0.9, 0.1, 0.5, 0.3]
    assert certainty(margins) == pytest.approx(0.45)
    assert certainty(margins * 50) == pytest.approx(certainty(margins))  # length-neutral
    assert certainty([]) == 1.0
