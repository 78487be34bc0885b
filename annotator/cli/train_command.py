"""``annotator train``: the project's own CRF entity model, trained and cross-validated
(issue 12, ADR 0066). Thin: the work is in ops/crf_model.py and ops/training.py."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.core.errors import InputError
from annotator.ops import crf_model, training
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
    """Train the CRF entity model on PROJECT's documents marked done (or on a corpus file)
    and print its cross-validated precision, recall and F1 per label."""
    try:
        if source is None:
            examples = training.project_examples(project, in_progress=in_progress)
        else:
            with open_project(project, create=False, read_only=True) as repo:
                labels = repo.labels()
            examples = training.file_examples(source, _mapping(pairs), labels)
    except InputError as error:
        raise click.ClickException(str(error)) from error
    if not any(spans for _text, spans in examples):
        raise click.ClickException(
            "no document marked done with entity spans to learn from"
            if source is None
            else f"{source}: no entity spans to learn from"
        )
    trained = crf_model.train(examples)
    folds = min(folds, len(examples))
    scores = crf_model.cross_validate(examples, folds)
    click.echo(
        f"trained on {trained.spans} spans in {trained.documents} documents "
        f"({', '.join(trained.labels)}) in {trained.seconds:.1f} s"
    )
    click.echo(f"{folds}-fold cross-validation, exact offsets and label:")
    click.echo(f"{'label':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for label in (*trained.labels, None):
        p, r, f = scores.prf(label)
        gold = scores.gold[label] if label else sum(scores.gold.values())
        click.echo(f"{label or 'micro':<8}{p:>7.3f}{r:>7.3f}{f:>7.3f}{gold:>7}")
