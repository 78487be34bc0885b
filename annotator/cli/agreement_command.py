"""``annotator agreement``: how far annotators agree, per pair and over all (docs/adr/0074)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import click

from annotator.core.agreement_html import as_html
from annotator.core.agreement_output import as_csv, as_json, as_table
from annotator.ops.agreement import ALL, DONE, agreement_report
from annotator.store import open_project

EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)
OUT = click.Path(dir_okay=False, writable=True, path_type=Path)


def _names(value: str | None) -> list[str] | None:
    return None if value is None else [n for n in (v.strip() for v in value.split(",")) if n]


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary file beside ``target``, then rename it into place:
    a reader never sees half a report, a failed write leaves what was there."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
        os.umask(mask)
        os.chmod(name, 0o666 & ~mask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.option("--annotators", help="A,B,…: whose work to compare (default: everyone's).")
@click.option("--labels", help="L,L,…: only spans of these labels.")
@click.option(
    "--documents",
    type=click.Choice([DONE, ALL]),
    default=DONE,
    show_default=True,
    help="done: a pair over the documents both marked done; all: every document.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "html"]),
    default="table",
    show_default=True,
)
@click.option("--out", type=OUT, help="Write to this file (atomically) instead of printing.")
def agreement(
    project: Path,
    annotators: str | None,
    labels: str | None,
    documents: str,
    fmt: str,
    out: Path | None,
) -> None:
    """Agreement of each pair of annotators in PROJECT: spans matched exactly and by overlap
    (per label and overall, the first of the pair as the reference), Cohen's kappa on token
    labels, the speakers of the quotes both annotated; Krippendorff's alpha over all of them.
    Every figure says what it was computed on; 0/0 is "nothing to compare" (null in JSON)."""
    with open_project(project, create=False, read_only=True) as repo:
        report = agreement_report(
            repo, annotators=_names(annotators), labels=_names(labels), documents=documents
        )
    result, chosen = report.agreement, report.labels
    if fmt == "json":
        text = (
            json.dumps(
                as_json(result, documents=report.documents, labels=chosen),
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    elif fmt == "csv":
        text = as_csv(result)
    elif fmt == "html":
        text = as_html(result, documents=report.documents, labels=chosen)
    else:
        text = as_table(result, documents=report.documents, labels=chosen)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomically(out, text)
        click.echo(f"wrote {out}", err=True)
