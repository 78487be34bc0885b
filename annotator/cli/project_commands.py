"""``annotator gazetteer`` and ``annotator settings``: what a project keeps for its recommenders
(issue 11, docs/adr/0059). Thin: the store does the work (store/project_setup.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from annotator.core.recommender_settings import MOST_SPANS, RecommenderSettings
from annotator.formats.gazetteer import read_gazetteer
from annotator.ops import suggesting
from annotator.store import open_project

EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)
EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group()
@click.argument("project", type=EXISTING_PROJECT)
@click.pass_context
def gazetteer(ctx: click.Context, project: Path) -> None:
    """The lists of names PROJECT keeps for the gazetteer recommender: add, list, remove."""
    ctx.obj = project


@gazetteer.command("add")
@click.argument("file", type=EXISTING_FILE)
@click.option(
    "--name", default="", help="The list's name in the project (default: the file's stem)."
)
@click.option("--replace", is_flag=True, help="Replace the project's list of that name.")
@click.pass_obj
def add(project: Path, file: Path, name: str, replace: bool) -> None:
    """Store the list in FILE (TSV name<TAB>label, or JSON) in the project, in one transaction.
    Its labels must be the project's."""
    with open_project(project, create=False) as repo:
        found = read_gazetteer(file, repo.labels(), name=name)  # InputError: file and line
        stored = repo.add_gazetteer(found, source=str(file), replace=replace)
    click.echo(f"gazetteer {found.name!r} {'replaced' if replace else 'added'}: {stored} names")


@gazetteer.command("list")
@click.pass_obj
def list_(project: Path) -> None:
    """The project's lists: name, entries, entries per label, where from."""
    with open_project(project, create=False, read_only=True) as repo:
        lists = repo.gazetteer_lists()
    if not lists:
        click.echo("no gazetteer in the project (annotator gazetteer PROJECT add FILE)")
    for g in lists:
        labels = ", ".join(f"{label} {n}" for label, n in g.by_label)
        click.echo(f"{g.name}: {g.entries} names ({labels}) from {g.source or '?'}, {g.imported}")


@gazetteer.command("remove")
@click.argument("name")
@click.pass_obj
def remove(project: Path, name: str) -> None:
    """Remove the list NAME from the project (its open suggestions stay until the next run)."""
    with open_project(project, create=False) as repo:
        removed = repo.remove_gazetteer(name)
    click.echo(f"gazetteer {name!r} removed: {removed} names")


def _names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    names = tuple(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    known = suggesting.recommender_names()
    for n in names:
        if n not in known:
            raise click.BadParameter(
                f"unknown recommender {n!r}: known are {', '.join(known)}",
                param_hint="--recommenders",
            )
    return names


def describe(settings: RecommenderSettings) -> list[str]:
    return [
        f"recommenders: {', '.join(settings.enabled) or '(none)'}",
        f"min-score: {settings.min_score:.2f}",
        f"run-on-open: {'yes' if settings.run_on_open else 'no'}",
        f"retrain-every: {settings.retrain_every or 'never'}",
    ]


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option(
    "--recommenders",
    help="The recommenders that run, comma-separated (memory,gazetteer,quotes; empty: none).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0.0, 1.0),
    help="The window shows no suggestion scoring less.",
)
@click.option(
    "--run-on-open/--no-run-on-open",
    default=None,
    help="Run the recommenders on each document the window opens.",
)
@click.option(
    "--retrain-every",
    type=click.IntRange(0, MOST_SPANS),
    help="The window trains the model again after every N new spans (0: never).",
)
def settings(
    project: Path,
    recommenders: str | None,
    min_score: float | None,
    run_on_open: bool | None,
    retrain_every: int | None,
) -> None:
    """Print PROJECT's recommender settings, changing those given (in one transaction)."""
    names = _names(recommenders)
    changes = {
        k: v
        for k, v in (
            ("enabled", names),
            ("min_score", min_score),
            ("run_on_open", run_on_open),
            ("retrain_every", retrain_every),
        )
        if v is not None
    }
    with open_project(project, create=False, read_only=not changes) as repo:
        read = repo.recommender_settings(suggesting.recommender_names())
        for problem in read.problems:
            click.echo(f"{project}: {problem}", err=True)
        old = read.settings
        new = replace(old, **changes)  # type: ignore[arg-type]
        if changes:
            repo.save_recommender_settings(new)
    before, after = describe(old), describe(new)
    changed = [
        f"{a} (was {b.split(': ', 1)[1]})" for a, b in zip(after, before, strict=True) if a != b
    ]
    if changes:
        click.echo("changed: " + ("; ".join(changed) if changed else "nothing (as they were)"))
    for line in after:
        click.echo(line)
