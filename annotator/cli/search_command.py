"""``annotator search``: a text's hits across a project, for pipelines (issue 11, ADR 0060)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.ops.project_search import search_project
from annotator.store import open_project

EXISTING_PROJECT = click.Path(exists=True, dir_okay=False, path_type=Path)


def _flat(text: str) -> str:
    return " ".join(text.split()) if text.strip() else text.strip()


@click.command()
@click.argument("project", type=EXISTING_PROJECT)
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=0), default=0, help="At most N hits (0: all).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def search(project: Path, query: str, limit: int, fmt: str) -> None:
    """Every hit of QUERY in PROJECT's texts, found as label-all finds them (by the search key,
    whole words, through proclitics): document id, offsets and the words around. ``json``: one
    object a line."""
    if not query.strip():
        raise click.UsageError("QUERY is empty: give the words to look for")
    with open_project(project, create=False, read_only=True) as repo:
        found = search_project(repo, query)
    hits = [h for d in found for h in d.hits]
    shown = hits[:limit] if limit else hits
    for h in shown:
        if fmt == "json":
            row = {
                "document": h.document_id,
                "start": h.start,
                "end": h.end,
                "text": h.word,
                "left": h.left,
                "right": h.right,
                "labels": list(h.covered_by),
            }
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            context = f"{_flat(h.left)} [{h.word}] {_flat(h.right)}".strip()
            click.echo(f"{h.document_id}\t{h.start}\t{h.end}\t{context}")
    if fmt == "text":
        more = f" (first {len(shown)} shown)" if len(shown) < len(hits) else ""
        click.echo(f"{len(hits)} hit(s) in {len(found)} document(s){more}", err=True)
