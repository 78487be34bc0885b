"""``annotator gazetteer`` and ``annotator settings``: what a project keeps for its recommenders
(issue 11, docs/adr/0059). Thin: the store does the work (store/project_setup.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.core.errors import AnnotatorError
from annotator.core.recommender_settings import (
    MOST_SPANS,
    LabelMap,
    RecommenderSettings,
    label_map_text,
    parse_label_map,
)
from annotator.formats.gazetteer import read_gazetteer
from annotator.ops import spacy_suggestions, suggesting
from annotator.store import Repository, open_project

EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)
EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
F = TypeVar("F", bound=Callable[..., Any])


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
        f"spacy-pipeline: {settings.pipeline or '(none)'}",
        f"spacy-labels: {label_map_text(settings.label_map) or '(as they are)'}",
        f"spacy-spans-key: {settings.spans_key}",
    ]


def pipeline_options(function: F) -> F:
    """--pipeline, --map and --spans-key: the spaCy recommender's settings (ADR 0078), given
    to ``annotator settings`` and ``annotator suggest``."""
    for option in reversed(
        (
            click.option(
                "--pipeline",
                help="The directory of a spaCy pipeline with ner or spancat for the spacy "
                "recommender (kept in the project; '' for none).",
            ),
            click.option(
                "--map",
                "pairs",
                multiple=True,
                help="A pipeline label's project label: PERSON=PER (repeat, or A=B,C=D); "
                "replaces the map kept. A label neither mapped nor the project's is dropped.",
            ),
            click.option("--spans-key", help="The key of the pipeline's spancat spans (sc)."),
        )
    ):
        function = option(function)
    return function


def pipeline_changes(
    pipeline: str | None, pairs: tuple[str, ...], spans_key: str | None
) -> dict[str, object]:
    """The settings' fields these options change (a bad --map: a usage error)."""
    changes: dict[str, object] = {}
    if pipeline is not None:
        changes["pipeline"] = str(Path(pipeline).absolute()) if pipeline else ""
    if pairs:
        try:
            label_map: LabelMap = parse_label_map(" ".join(pairs))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--map") from exc
        changes["label_map"] = label_map
    if spans_key is not None:
        if not spans_key.strip():
            raise click.BadParameter("a spans key is a name (sc)", param_hint="--spans-key")
        changes["spans_key"] = spans_key.strip()
    return changes


def store_changes(repo: Repository, changes: dict[str, object]) -> RecommenderSettings:
    """The project's settings with ``changes``, checked (a bad pipeline or map: a one-line
    error, nothing stored) and stored in one transaction; returns the settings before."""
    read = repo.recommender_settings(suggesting.recommender_names())
    old = read.settings
    new = replace(old, **changes)  # type: ignore[arg-type]
    try:
        new = spacy_suggestions.configured(repo, old, new)
    except AnnotatorError as exc:
        raise click.ClickException(str(exc)) from exc
    repo.save_recommender_settings(new)
    return old


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
@pipeline_options
def settings(
    project: Path,
    recommenders: str | None,
    min_score: float | None,
    run_on_open: bool | None,
    retrain_every: int | None,
    pipeline: str | None,
    pairs: tuple[str, ...],
    spans_key: str | None,
) -> None:
    """Print PROJECT's recommender settings, changing those given (in one transaction). A
    spaCy pipeline set where there was none switches the spacy recommender on."""
    names = _names(recommenders)
    changes: dict[str, object] = {
        k: v
        for k, v in (
            ("enabled", names),
            ("min_score", min_score),
            ("run_on_open", run_on_open),
            ("retrain_every", retrain_every),
        )
        if v is not None
    }
    changes.update(pipeline_changes(pipeline, pairs, spans_key))
    with open_project(project, create=False, read_only=not changes) as repo:
        read = repo.recommender_settings(suggesting.recommender_names())
        for problem in read.problems:
            click.echo(f"{project}: {problem}", err=True)
        old = read.settings
        if changes:
            store_changes(repo, changes)
        new = repo.recommender_settings(suggesting.recommender_names()).settings
    before, after = describe(old), describe(new)
    changed = [
        f"{a} (was {b.split(': ', 1)[1]})" for a, b in zip(after, before, strict=True) if a != b
    ]
    if changes:
        click.echo("changed: " + ("; ".join(changed) if changed else "nothing (as they were)"))
    for line in after:
        click.echo(line)
