"""``annotator next``: the unfinished documents the project's model is least sure of, "the
next most useful" to annotate (issue 12, active learning, ADR 0073). It first scores, with the
stored model, the unfinished documents that have no score from it (after a training, every
one), then prints the first few. Thin: the work is in ops/active_learning.py."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.core.errors import AnnotatorError
from annotator.ops import active_learning
from annotator.store import open_project

EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("next")
@click.argument("project", type=EXISTING_FILE)
@click.option("--annotator", default="", help="Whose unfinished documents (their statuses).")
@click.option("--top", default=1, show_default=True, type=click.IntRange(1, 1000))
def next_(project: Path, annotator: str, top: int) -> None:
    """Print the TOP unfinished documents of PROJECT that its trained model is least sure of,
    one a line: id, certainty (0: the model hesitates, 1: it is sure), title. Scores the
    documents without a score from the stored model first."""
    try:
        with open_project(project, create=False) as repo:
            scored = active_learning.score_unfinished(repo, annotator)
            found, _why = active_learning.most_useful(repo, annotator, limit=top)
    except AnnotatorError as error:  # no model, an unreadable one, a locked project
        raise click.ClickException(str(error)) from error
    if scored.documents:
        click.echo(f"scored {scored.documents} documents in {scored.seconds:.1f} s", err=True)
    if not found:
        click.echo("every document is done", err=True)
        return
    for useful in found:
        click.echo(f"{useful.document_id}\t{useful.certainty:.3f}\t{useful.title}")
