"""``annotator train``: the project's own CRF entity model, trained and cross-validated
(issue 12, ADR 0066). Thin: the work is in ops/model_store.py (ADR 0069)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from annotator.core.errors import AnnotatorError
from annotator.ops import model_store
from annotator.store import open_project

EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        source, sep, target = pair.partition("=")
        if not sep or not source or not target:
            raise click.UsageError(f"--map {pair!r}: write FILE_LABEL=LABEL (PERS=PER)")
        mapping[source] = target
    return mapping


@click.command()
@click.argument("project", type=EXISTING_FILE)
@click.option("--from", "source", type=EXISTING_FILE, help="Train on this corpus file instead.")
@click.option("--map", "pairs", multiple=True, help="A corpus label's project label: PERS=PER.")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 20))
@click.option("--in-progress", is_flag=True, help="Learn from documents in progress too.")
def train(
    project: Path, source: Path | None, pairs: tuple[str, ...], folds: int, in_progress: bool
) -> None:
    """Train the CRF entity model on PROJECT's documents marked done (or on a corpus file),
    store it in PROJECT in place of the former one, and print its cross-validated precision,
    recall and F1 per label. The first model stored switches the model recommender on."""
    try:
        with open_project(project, create=False) as repo:
            model, first = model_store.train_and_store(
                repo,
                source=source,
                mapping=_mapping(pairs),
                in_progress=in_progress,
                folds=folds,
            )
    except AnnotatorError as error:  # nothing to learn, a bad corpus file, a locked project
        raise click.ClickException(str(error)) from error
    trained, evaluation = model.trained, model.evaluation
    click.echo(
        f"trained on {trained.spans} spans in {trained.documents} documents "
        f"({', '.join(trained.labels)}) in {trained.seconds:.1f} s; stored in the project"
    )
    if first:
        click.echo("the model recommender is switched on in the project's settings")
    click.echo(f"{evaluation.folds}-fold cross-validation, exact offsets and label:")
    for line in evaluation_lines(evaluation, trained.labels):
        click.echo(line)


def evaluation_lines(evaluation: model_store.Evaluation, labels: Sequence[str]) -> list[str]:
    """The per-label table of a stored model's k-fold figures."""
    lines = [f"{'label':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for label in (*labels, None):
        if label is not None and label not in evaluation.counts:
            continue
        p, r, f = evaluation.prf(label)
        lines.append(f"{label or 'micro':<8}{p:>7.3f}{r:>7.3f}{f:>7.3f}{evaluation.gold(label):>7}")
    return lines
