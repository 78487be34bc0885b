"""The ``annotator`` command: open the window, import, export, stats, check, suggest, accept.

Exit codes: 0 ok, 1 problems found (a refused file, a failed check, any AnnotatorError),
2 bad usage. Every command is documented in README.md (a test keeps them in step).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from annotator.cli.agreement_command import agreement
from annotator.cli.curation_commands import curate, curation_diff
from annotator.cli.next_command import next_
from annotator.cli.project_commands import gazetteer, settings
from annotator.cli.report import format_export, format_import
from annotator.cli.search_command import search
from annotator.cli.stats_command import stats
from annotator.cli.suggest_commands import accept, consistency, suggest
from annotator.cli.team_commands import assign, merge
from annotator.cli.train_command import train
from annotator.core.boilerplate import BoilerplateRule, rules_from_json
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Kind, Status
from annotator.formats import registry
from annotator.formats.base import ExportOptions
from annotator.formats.token_tags import (
    DEFAULT_TOKEN_MODE,
    REMOVED_MODES,
    SCHEMES,
    TOKEN_MODES,
    mode_error,
)
from annotator.ops import (
    check_project,
    export_project,
    import_paths,
    repair_project,
    seed_project,
)
from annotator.ops.clitic_report import clitic_report, report_text
from annotator.ops.exporting import DEFAULT_OUT, LabelFilterError, check_label_filter
from annotator.ops.importing import ImportStopped
from annotator.store import open_project

PROJECT = click.Path(dir_okay=False, path_type=Path)
EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)


class FormatChoice(click.Choice[str]):
    """Format names, asked from the registry only when an option needs them: listing the
    formats imports every format module (spaCy's too), which ``stats`` and ``check`` need not."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        super().__init__(())
        self._names = names
        self._loaded: tuple[str, ...] | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        if self._loaded is None:
            self._loaded = tuple(self._names())
        return self._loaded

    @choices.setter
    def choices(self, value: tuple[str, ...]) -> None:
        self._loaded = tuple(value) or None


class TokenModeChoice(click.Choice[str]):
    """The token modes; a removed name (``split``) is refused with what replaced it."""

    def __init__(self) -> None:
        super().__init__(TOKEN_MODES)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if value in REMOVED_MODES:
            self.fail(mode_error(str(value)) or "", param, ctx)
        return str(super().convert(value, param, ctx))


class AnnotatorGroup(click.Group):
    """Turns every expected error (and a file system error) into one line on stderr, exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:  # a folder that cannot be written, a full disk...
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


@click.group(cls=AnnotatorGroup, invoke_without_command=True)
@click.version_option(package_name="arabic-news-annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Annotate Arabic news: spans labelled entity, event or quote, in one project file.

    With no command, opens the window.
    """
    if ctx.invoked_subcommand is None:
        ctx.exit(_open_window(None, None))


@cli.command()
@click.argument("project", type=PROJECT, required=False)
@click.option(
    "--seed",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="If PROJECT does not exist yet, create it and import this folder into it first.",
)
def gui(project: Path | None, seed: Path | None) -> None:
    """Open the window, on PROJECT if given."""
    if project is not None and seed is not None:
        report = seed_project(project, seed)
        if report is not None:
            click.echo(format_import(report), err=True)
    sys.exit(_open_window(project, seed))


def _open_window(project: Path | None, seed: Path | None) -> int:
    # Imported here, and by name: the command line never imports Qt unless it opens the window.
    app = importlib.import_module("annotator.ui.app")
    return int(app.main(project, seed) or 0)


@cli.command("import")
@click.argument("project", type=PROJECT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--annotator",
    default="",
    help="Whose spans and statuses these are; a text already in the project gets this "
    "annotator's spans, links and status (those it lacks) instead of being skipped.",
)
@click.option(
    "--format",
    "fmt",
    type=FormatChoice(registry.reader_names),
    help="The format of every file (default: detected from extension and content).",
)
@click.option(
    "--keep-boilerplate", is_flag=True, help="Keep scraped-page chrome (font-size widget...)."
)
@click.option(
    "--boilerplate-rules",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSON file of boilerplate rules to use instead of the built-in list.",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Inside a folder, also read symbolic links that point outside it (skipped otherwise).",
)
def import_(
    project: Path,
    paths: tuple[Path, ...],
    annotator: str,
    fmt: str | None,
    keep_boilerplate: bool,
    boilerplate_rules: Path | None,
    follow_symlinks: bool,
) -> None:
    """Import files and folders (recursively) into PROJECT, creating it if needed.

    Documents whose text is already in the project are skipped; with --annotator NAME, NAME's
    spans, links and status are attached to them (what is not there yet). A file with an error
    adds nothing; the others still import. Exit code 1 if any file was refused.
    """
    rules = _load_rules(boilerplate_rules) if boilerplate_rules else None
    stopped: ImportStopped | None = None
    with open_project(project) as repo, _progress("Importing") as progress:
        try:
            report = import_paths(
                repo,
                paths,
                annotator=annotator,
                fmt=fmt,
                keep_boilerplate=keep_boilerplate,
                rules=rules,
                progress=progress,
                follow_symlinks=follow_symlinks,
                attach=bool(annotator),
            )
        except ImportStopped as exc:  # what was imported before the project refused writes
            stopped, report = exc, exc.report
    click.echo(format_import(report))
    if report.duplicates and not annotator:
        click.echo(
            "  the skipped documents' texts are here already: import again with "
            "--annotator NAME to attach NAME's spans, links and status to them"
        )
    for error in report.errors:
        click.echo(f"refused: {error}", err=True)
    if stopped is not None:
        raise click.ClickException(str(stopped))
    if report.errors:
        sys.exit(1)


def _load_rules(path: Path) -> tuple[BoilerplateRule, ...]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=str(path), line=exc.lineno) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the rules: {exc}", path=str(path)) from exc
    return rules_from_json(data, path=str(path))


@cli.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option(
    "--format",
    "fmt",
    type=FormatChoice(registry.writer_names),
    default="jsonl",
    show_default=True,
    help="The export format.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="The folder to write into.",
)
@click.option(
    "--status",
    type=click.Choice([s.value for s in Status]),
    help="Only documents with this status.",
)
@click.option("--annotator", help="Only this annotator's spans (and statuses).")
@click.option("--labels", help="Only spans with these labels, comma-separated: PER,LOC.")
@click.option(
    "--layer",
    type=click.Choice([k.value for k in Kind]),
    default=Kind.ENTITY.value,
    show_default=True,
    help="The layer of single-layer formats (conll).",
)
@click.option(
    "--scheme",
    type=click.Choice(list(SCHEMES)),
    default="iob2",
    show_default=True,
    help="The tag scheme of token formats.",
)
@click.option(
    "--tokens",
    type=TokenModeChoice(),
    default=DEFAULT_TOKEN_MODE,
    show_default=True,
    help="Tokens of token formats, never cut by the labels: whole (ANERcorp style: a span is "
    "tagged on the whole tokens it touches, widened spans reported); segment (every proclitic "
    "the clitic analyser finds is split off, labelled or not); span-edges (cut where spans "
    "start and end: exact spans, but the tokens tell the labels; the report warns).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that render the documents (jsonl, conll). Default: one a core (at most 4) "
    "from about 12,000 documents on, else 1. The files are the same whatever the number.",
)
@click.option(
    "--with-suggestions",
    is_flag=True,
    help="jsonl only: each line also lists the document's suggestions (open, accepted, "
    "rejected) and suggested relations.",
)
def export(
    project: Path,
    fmt: str,
    out: Path,
    status: str | None,
    annotator: str | None,
    labels: str | None,
    layer: str,
    scheme: str,
    tokens: str,
    jobs: int | None,
    with_suggestions: bool,
) -> None:
    """Export PROJECT's documents and spans to a folder, with an export report."""
    wanted = [x.strip() for x in labels.split(",") if x.strip()] if labels is not None else None
    options = ExportOptions(
        layer=Kind(layer), scheme=scheme, tokens=tokens, with_suggestions=with_suggestions
    )
    with open_project(project, create=False, read_only=True) as repo:  # export only reads
        try:
            check_label_filter(wanted, repo.labels())
        except LabelFilterError as exc:
            raise click.BadParameter(str(exc), param_hint="--labels") from None
        with _progress("Exporting") as progress:
            report = export_project(
                repo,
                fmt,
                out,
                options=options,
                status=Status(status) if status else None,
                annotator=annotator,
                labels=wanted,
                progress=progress,
                jobs=jobs,
            )
    click.echo(format_export(report, out))


@cli.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option(
    "--repair",
    is_flag=True,
    help="Remove triggers, views, indexes and tables this program did not make (after a backup).",
)
def check(project: Path, repair: bool) -> None:
    """Check PROJECT: its schema (anything this program did not make), database integrity, text
    hashes, every span inside its text with a known label, every relation's spans. Exit code 1
    on any problem. --repair removes what is foreign in the schema, keeping a copy of the file
    as it was beside it."""
    if repair:
        backup, done = repair_project(project)
        for line in done:
            click.echo(line)
        if done:
            click.echo(f"the file as it was is kept in {backup}")
    problems = check_project(project)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} problem(s) found in {project}", err=True)
        sys.exit(1)
    click.echo(f"{project}: no problems found")


@cli.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option(
    "--format",
    "form",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Plain lines, or one JSON object.",
)
def clitics(project: Path, form: str) -> None:
    """The clitic report of PROJECT: which words the spans split (a proclitic left out) and
    on what evidence, and which spans the annotators corrected against the clitic analyser
    (kept whole a word it splits, or split a word it keeps whole)."""
    with open_project(project, create=False, read_only=True) as repo:
        report = clitic_report(repo)
    if form == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(report_text(report, str(project)), nl=False)


cli.add_command(suggest)
cli.add_command(accept)
cli.add_command(consistency)
cli.add_command(gazetteer)
cli.add_command(settings)
cli.add_command(search)
cli.add_command(train)
cli.add_command(stats)
cli.add_command(agreement)
cli.add_command(assign)
cli.add_command(merge)
cli.add_command(curate)
cli.add_command(curation_diff)
cli.add_command(next_)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback drawing a click progress bar on stderr.

    The bar appears when stderr is a terminal or when there is more than one item.
    """
    bars: list[Any] = []

    def update(done: int, total: int) -> None:
        if not bars:
            if total <= 1 and not sys.stderr.isatty():
                return
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bars.append(bar.__enter__())
        bars[0].update(done - bars[0].pos)

    try:
        yield update
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)
