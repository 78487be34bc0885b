"""doccano JSONL: one document per line, in the shape doccano imports.

Written: ``{"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}], "title", "label_kinds"}`` (doccano's
"sequence labelling with relations" project; it keeps unknown keys as metadata). Read: that
form and the plain sequence-labelling form ``{"text", "label": [[start, end, "LABEL"], ...]}``.
doccano's offsets are code points (its server is Python), like ours.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, LabelSet
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport, ReaderWithNotes
from annotator.formats.decoding import read_text
from annotator.formats.jsonvalues import Fields, Where, is_int, load, peek
from annotator.formats.standoff import (
    DocBuilder,
    count_spans,
    label_hints,
    label_kinds,
    written_relations,
)
from annotator.formats.tagging import doc_name

NAME = "doccano"
FILE = "doccano.jsonl"


def record(
    doc: AnnotatedDocument, labels: LabelSet, report: ExportReport, where: str
) -> dict[str, Any]:
    """The doccano object of one document."""
    entities = []
    keys: dict[int, int] = {}
    for n, span in enumerate(doc.spans, 1):
        entities.append(
            {"id": n, "label": span.label, "start_offset": span.start, "end_offset": span.end}
        )
        if span.id is not None:
            keys[span.id] = n
    count_spans(report, doc.spans)
    relations = [
        {"id": n, "from_id": a, "to_id": b, "type": rel.type}
        for n, (rel, a, b) in enumerate(written_relations(doc, keys, report, where), 1)
    ]
    used = {span.label for span in doc.spans}
    return {
        "id": doc.document.id,
        "text": doc.document.text,
        "entities": entities,
        "relations": relations,
        "title": doc.document.title,
        "label_kinds": {k: v for k, v in label_kinds(labels).items() if k in used},
    }


def iter_lines(
    docs: Iterable[AnnotatedDocument], labels: LabelSet, report: ExportReport
) -> Iterator[str]:
    for i, doc in enumerate(docs):
        report.documents += 1
        yield json.dumps(record(doc, labels, report, doc_name(doc, i)), ensure_ascii=False) + "\n"


def dumps(
    docs: Iterable[AnnotatedDocument], labels: LabelSet, report: ExportReport | None = None
) -> str:
    return "".join(iter_lines(docs, labels, report or ExportReport(format=NAME)))


class DoccanoWriter:
    name = NAME

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        report.format = NAME
        target = out_dir / FILE
        with AtomicFiles() as files:
            files.write_lines(target, iter_lines(docs, labels, report))
            report.files.append(target)
            files.write_report(out_dir, report)


# --- import ---------------------------------------------------------------------------------


def load_record(
    obj: Mapping[str, Any], labels: LabelSet, *, path: str, line: int, title: str
) -> AnnotatedDocument:
    where = Where(path, line)
    fields = Fields(obj, where)
    text = obj.get("text")
    if not isinstance(text, str):
        raise where.error('no "text" string' if text is None else '"text" must be a string')
    hints = label_hints(fields, "label_kinds")
    builder = DocBuilder(text, path, labels, hints=hints)
    if "entities" in obj:
        for ent in fields.objects("entities", "entity"):
            for key in ("start_offset", "end_offset", "label"):
                if key not in ent.obj:
                    ent.fail(f"no {key!r}")
            builder.add_span(
                ent.integer("start_offset"),
                ent.integer("end_offset"),
                ent.name("label"),
                ent.ident("id"),
                line=line,
            )
        for rel in fields.objects("relations", "relation"):
            if not {"from_id", "to_id", "type"} <= rel.obj.keys():
                rel.fail("a relation needs from_id, to_id and type")
            builder.add_relation(rel.name("type"), rel.ident("from_id"), rel.ident("to_id"))
    else:
        key = "label" if obj.get("label") is not None else "labels"
        for item in fields.items(key):
            if not isinstance(item, list) or len(item) != 3:
                raise where.error(f"a label is not [start, end, label]: {item!r:.60}")
            start, end, name = item
            if not is_int(start) or not is_int(end) or not isinstance(name, str):
                raise where.error(f"a label is not [start, end, label]: {item!r:.60}")
            builder.add_span(start, end, name, line=line)
    name = fields.string("title")
    meta: dict[str, Any] = {"format": NAME}
    doccano_id = fields.ident("id")
    if doccano_id is not None:
        meta["doccano_id"] = doccano_id
    return builder.build(name or title, meta=meta, line=line)


def loads(
    text: str, labels: LabelSet, *, path: str = "<string>", title: str = NAME
) -> list[AnnotatedDocument]:
    docs = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        obj = load(line, Where(path, number))
        if not isinstance(obj, dict):
            raise InputError("a line is not a JSON object", path=path, line=number)
        docs.append(load_record(obj, labels, path=path, line=number, title=f"{title} {number}"))
    if not docs:
        raise InputError("no documents in this file", path=path)
    return docs


def looks_like_doccano(head: bytes) -> bool:
    first = head.decode("utf-8", "ignore").lstrip("\ufeff").split("\n", 1)[0]
    obj = peek(first)
    return isinstance(obj, dict) and "text" in obj and ("entities" in obj or "label" in obj)


class DoccanoReader(ReaderWithNotes):
    name = NAME
    extensions = (".jsonl",)

    def sniff(self, path: Path, head: bytes) -> bool:
        return looks_like_doccano(head)

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        # Line breaks inside JSON strings are escapes: decoding the file changes no text.
        decoded = read_text(path)
        return loads(decoded.text, labels, path=str(path), title=path.stem), list(decoded.notes)


WRITER = DoccanoWriter()
READER = DoccanoReader()
