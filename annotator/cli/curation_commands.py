"""``annotator curate`` and ``annotator curation-diff`` (issue 13, docs/adr/0076): the part of
curation that needs no one to decide (the agreed spans made the curator's), and an annotator's
differences from the curated result. The disagreements are walked in the window."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.core.curation import DEFAULT_CURATOR, Disagreement, Strategy
from annotator.ops.curating import curate_documents, curation_differences
from annotator.store import open_project

EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)


def _ids(text: str | None) -> list[int] | None:
    if text is None:
        return None
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: document ids separated by commas (3,7,12)", param_hint="--documents"
        ) from None


DOCUMENTS = click.option(
    "--documents", help="Only these documents (ids, comma-separated: 3,7,12). Default: all."
)
CURATOR = click.option(
    "--curator",
    default=DEFAULT_CURATOR,
    show_default=True,
    help="The curator annotator whose spans are the curated result.",
)


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@CURATOR
@click.option(
    "--strategy",
    type=click.Choice([s.value for s in Strategy]),
    default=Strategy.ALL.value,
    show_default=True,
    help="all: a span every annotator has; majority: a span more than half of them have.",
)
@DOCUMENTS
def curate(project: Path, curator: str, strategy: str, documents: str | None) -> None:
    """Make the spans PROJECT's annotators agree on the curator's, document by document (one
    edit each; where the curator has a span already, theirs stays). Documents with fewer than
    two annotators are left alone. The disagreements stay open for the window's curation."""
    ids = _ids(documents)
    with open_project(project, create=False) as repo:
        done = curate_documents(repo, curator, Strategy(strategy), ids)
    curated = [d for d in done if not d.skipped]
    for d in curated:
        click.echo(
            f"{d.document_id} {d.title!r} ({', '.join(d.annotators)}): "
            f"{d.merged} agreed span(s) merged, {d.open} disagreement(s) open"
        )
    click.echo(
        f"{len(curated)} document(s) curated as {curator!r} ({strategy}): "
        f"{sum(d.merged for d in curated)} span(s) merged, "
        f"{sum(d.open for d in curated)} disagreement(s) open; "
        f"{len(done) - len(curated)} with fewer than two annotators left alone"
    )


def _choice(text: str, d: Disagreement, index: int) -> str:
    spans = d.choices[index].spans
    if not spans:
        return "nothing"
    return ", ".join(f"{label} {a}-{b} «{text[a:b]}»" for a, b, label in spans)


@click.command("curation-diff")
@click.argument("project", type=EXISTING_PROJECT)
@click.option("--annotator", required=True, help="Whose differences from the curated result.")
@CURATOR
@DOCUMENTS
def curation_diff(project: Path, annotator: str, curator: str, documents: str | None) -> None:
    """Where ANNOTATOR's spans differ from the curator's, in the documents the curator has
    spans in: one line each (document, offsets, theirs, the curator's)."""
    ids = _ids(documents)
    with open_project(project, create=False, read_only=True) as repo:
        found = curation_differences(repo, annotator, curator, ids)
    for doc in found:
        for d in doc.differences:
            click.echo(
                f"{doc.document_id} {doc.title!r} {d.start}-{d.end}: "
                f"{annotator}: {_choice(doc.text, d, 0)}; {curator}: {_choice(doc.text, d, 1)}"
            )
    total = sum(len(doc.differences) for doc in found)
    click.echo(
        f"{total} difference(s) of {annotator!r} from {curator!r} in {len(found)} document(s)"
    )
