"""``annotator suggest`` and ``annotator accept``: recommenders from the command line (issue 11,
docs/adr/0053). Thin: the work is in ops/suggesting.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.cli.project_commands import pipeline_changes, pipeline_options, store_changes
from annotator.core.consistency import inconsistencies, render
from annotator.core.model import Status
from annotator.core.recommend_gazetteer import Gazetteer
from annotator.formats.gazetteer import read_gazetteer
from annotator.ops import suggesting
from annotator.store import open_project

F = TypeVar("F", bound=Callable[..., Any])
EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)
EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _recommenders(help_text: str) -> Callable[[F], F]:
    """The --recommender option of suggest and accept: repeatable, the registered names."""
    return click.option(
        "--recommender",
        "names",
        multiple=True,
        type=click.Choice(suggesting.recommender_names()),
        help=help_text,
    )


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@_recommenders(
    "A recommender to run (repeat for several; default: those the project's settings switch "
    "on, `annotator settings`)."
)
@click.option(
    "--status",
    type=click.Choice([s.value for s in Status]),
    help="Only documents with this status (for any annotator).",
)
@click.option(
    "--gazetteer",
    "lists",
    multiple=True,
    type=EXISTING_FILE,
    help="A list of names for the gazetteer recommender, for this run, besides the project's "
    "own (`annotator gazetteer PROJECT add FILE`): TSV (name<TAB>label) or JSON (repeat for "
    "several).",
)
@click.option(
    "--evaluate",
    is_flag=True,
    help="Store nothing: print precision, recall and F1 per recommender and label against the "
    "spans of the documents marked done (each document's own spans left out of what the "
    "recommenders learn).",
)
@pipeline_options
def suggest(
    project: Path,
    names: tuple[str, ...],
    status: str | None,
    lists: tuple[Path, ...],
    evaluate: bool,
    pipeline: str | None,
    pairs: tuple[str, ...],
    spans_key: str | None,
) -> None:
    """Run recommenders over PROJECT's documents and store their suggestions (each run
    replaces the recommender's open suggestions; rejected ones are never offered again).
    --pipeline, --map and --spans-key are kept in the project's settings first, as
    `annotator settings` keeps them."""
    chosen = list(names) or None  # None: those the project's settings switch on
    changes = pipeline_changes(pipeline, pairs, spans_key)
    if changes:
        with open_project(project, create=False) as repo:
            store_changes(repo, changes)
    with open_project(project, create=False, read_only=True) as repo:
        labels = repo.labels()
    gazetteers = [read_gazetteer(path, labels) for path in lists]  # InputError: file and line
    if evaluate:
        if status is not None:
            raise click.UsageError("--evaluate measures on the documents marked done: no --status")
        with open_project(project, create=False, read_only=True) as repo:
            documents, table = suggesting.evaluate(repo, chosen, gazetteers=gazetteers)
            unmeasured = suggesting.not_measured(repo, chosen)
        click.echo(f"over {_n(documents, 'document')} marked done:")
        click.echo("recommender  label      precision  recall     F1  right / suggested / spans")
        for q in table:
            click.echo(
                f"{q.recommender:<12} {q.label:<10} {q.precision:>9.2f} {q.recall:>7.2f} "
                f"{q.f1:>6.2f}  {q.right} / {q.suggested} / {q.gold}"
            )
        for name, reason in unmeasured.items():
            click.echo(f"{name}: not measured: {reason}")
        return
    _suggest(project, chosen, status, gazetteers)


def _suggest(
    project: Path, chosen: list[str] | None, status: str | None, gazetteers: list[Gazetteer]
) -> None:
    with open_project(project, create=False) as repo:
        report = suggesting.suggest(
            repo, chosen, status=Status(status) if status else None, gazetteers=gazetteers
        )
    for name, why in report.why_nothing.items():
        click.echo(f"{name}: nothing suggested: {why}")
    for name in (n for n in report.stored if n not in report.why_nothing):
        s = report.stored[name]
        click.echo(
            f"{name}: {_n(s.added + s.kept, 'suggestion')} over "
            f"{_n(report.documents, 'document')} ({s.added} new, {s.kept} made again, "
            f"{s.removed} removed); left out: {s.rejected_before} rejected before, "
            f"{s.spans_already} already spans"
            + (f"; {_n(s.links, 'speaker link')}" if s.links else "")
        )
        if name in report.notes:
            click.echo(f"{name}: {report.notes[name]}")
    if report.by_label:
        click.echo("open suggestions by recommender and label:")
        for (name, label), count in sorted(report.by_label.items()):
            click.echo(f"  {name:<12} {label:<10} {count:>6}")


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@_recommenders("Only this recommender's suggestions (repeat for several; default: any).")
@click.option(
    "--min-score",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Only suggestions scoring at least this.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be accepted; change nothing.")
@click.option("--annotator", default="", help="Whose spans the accepted suggestions become.")
def accept(
    project: Path, names: tuple[str, ...], min_score: float, dry_run: bool, annotator: str
) -> None:
    """Accept PROJECT's open suggestions in bulk, in one transaction: each becomes a span of
    the annotator (at one place, the best-scoring label of each kind)."""
    with open_project(project, create=False, read_only=dry_run) as repo:
        report = suggesting.accept(
            repo,
            annotator=annotator,
            recommenders=list(names) or None,
            min_score=min_score,
            dry_run=dry_run,
        )
    who = annotator or "no annotator"
    verb = "would accept" if dry_run else "accepted"
    parts = ", ".join(f"{r} {lb} {n}" for (r, lb), n in sorted(report.accepted.items()))
    click.echo(
        f"{verb} {_n(report.total, 'suggestion')} as spans of {who}"
        + (f": {parts}" if parts else "")
    )
    if report.spans_already:
        click.echo(f"{_n(report.spans_already, 'suggestion')} left open: already spans of {who}")
    if report.outscored:
        click.echo(
            f"{_n(report.outscored, 'suggestion')} left open: another label scored higher "
            "at the same place"
        )


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option("--annotator", help="Only this annotator's spans.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Places shown for each label other than the most frequent.",
)
def consistency(project: Path, annotator: str | None, limit: int) -> None:
    """The texts labelled differently across PROJECT (by the search key: الرقة as LOC in nine
    places and ORG in one), with the count of each label and where the others are."""
    with open_project(project, create=False, read_only=True) as repo:
        labels = repo.labels()
        rows = repo.labelled_places(annotator=annotator)
    click.echo(render(inconsistencies(rows, labels), limit=limit), nl=False)
