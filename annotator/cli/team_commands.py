"""``annotator assign`` and ``annotator merge``: work packages for a team and their work
brought back (issue 13, docs/adr/0075). Thin: ops/work_packages.py and ops/merging.py work."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.core.model import Status
from annotator.ops.merging import merge as merge_packages
from annotator.ops.work_packages import assign as assign_packages

EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)
STATUSES = [s.value for s in Status]


def _statuses(value: str) -> tuple[Status, ...]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    if names == ["all"]:
        return tuple(Status)
    for n in names:
        if n not in STATUSES:
            raise click.BadParameter(
                f"{n!r} is not a status ({', '.join(STATUSES)}, or all)", param_hint="--status"
            )
    if not names:
        raise click.BadParameter("name at least one status", param_hint="--status")
    return tuple(Status(n) for n in dict.fromkeys(names))


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option("--annotators", required=True, help="The annotators, comma-separated.")
@click.option(
    "--overlap",
    type=click.FloatRange(0.0, 1.0),
    default=0.2,
    show_default=True,
    help="The share of the documents every annotator gets (for agreement).",
)
@click.option(
    "--status",
    "status",
    default="new",
    show_default=True,
    help="Deal the documents whose highest status (anyone's) is one of these, comma-separated "
    "(new, in_progress, done, or all).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="The seed of the overlap's choice."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder the packages are written to (made if missing).",
)
@click.option("--force", is_flag=True, help="Replace packages of the same names in --out.")
def assign(
    project: Path, annotators: str, overlap: float, status: str, seed: int, out: Path, force: bool
) -> None:
    """Write one work package (a project file) per annotator into --out: their documents, the
    label set, gazetteers and settings; a share (--overlap) of the documents goes to everyone."""
    report = assign_packages(
        project,
        annotators.split(","),
        out,
        overlap=overlap,
        statuses=_statuses(status),
        seed=seed,
        force=force,
    )
    for line in report.lines():
        click.echo(line)


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.argument("packages", nargs=-1, required=True, type=EXISTING_PROJECT)
def merge(project: Path, packages: tuple[Path, ...]) -> None:
    """Bring the spans, relations and statuses of each work package in PACKAGES back into
    PROJECT, each with its annotator; a package is merged whole (one transaction) or refused.
    Exit 1 if one was refused."""
    report = merge_packages(project, list(packages))
    for line in report.lines():
        click.echo(line)
    if report.refused:
        sys.exit(1)
