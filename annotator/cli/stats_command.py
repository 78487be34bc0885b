"""``annotator stats PROJECT [--format table|json|html] [--out FILE]`` (issue 13, docs/adr/0072)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.project_commands import EXISTING_PROJECT
from annotator.cli.report import format_stats
from annotator.cli.stats_pages import glance_lines, stats_html, stats_json
from annotator.formats.base import AtomicFiles
from annotator.ops.dashboard import dashboard
from annotator.store import open_project


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option(
    "--format",
    "form",
    type=click.Choice(["table", "json", "html"]),
    default="table",
    show_default=True,
    help="table: plain text; json: the figures as data; html: one page with charts.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (whole or not at all) instead of printing.",
)
def stats(project: Path, form: str, out: Path | None) -> None:
    """Documents by status (overall and per annotator), spans by label and by annotator, the
    agreement of each pair of annotators, and (json, html) progress by day."""
    with open_project(project, create=False, read_only=True) as repo:
        board = dashboard(repo)
    if form == "table":
        text = "\n".join([format_stats(board.stats), *glance_lines(board.agreement)]) + "\n"
    elif form == "json":
        text = stats_json(board)
    else:
        text = stats_html(board, project.name.removesuffix(".annot.db"))
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        with AtomicFiles() as files:
            files.write_text(out, text)
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot write: {exc.strerror or exc}") from exc
    click.echo(f"wrote {out}")
