"""doccano JSONL: one document per line, in the shape doccano imports.

Written: ``{"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}], "title", "label_kinds"}`` and, when spans
have attributes, ``"span_attributes": [{"start_offset", "end_offset", "label", "attributes"}]``
(doccano's "sequence labelling with relations" project; its "JSONL (Relation)" import keeps the
line's other keys as the example's metadata and writes them back on export, but keeps nothing
but id, label and offsets of an entity, and gives entities new ids: so span attributes are on
the line, by offsets and label). Read: that form and the plain sequence-labelling form
``{"text", "label": [[start, end, "LABEL"], ...]}``; a ``span_attributes`` entry whose span is
gone (deleted in doccano) is named in the import report. doccano's offsets are code points (its
server is Python), like ours.
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
SPAN_ATTRIBUTES = "span_attributes"


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
    line: dict[str, Any] = {
        "id": doc.document.id,
        "text": doc.document.text,
        "entities": entities,
        "relations": relations,
        "title": doc.document.title,
        "label_kinds": {k: v for k, v in label_kinds(labels).items() if k in used},
    }
    attributes = [
        {"start_offset": s.start, "end_offset": s.end, "label": s.label, "attributes": s.attributes}
        for s in doc.spans
        if s.attributes
    ]
    if attributes:
        line[SPAN_ATTRIBUTES] = attributes
    return line


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
    uses = frozenset[str]()  # offsets, no tokens

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
    obj: Mapping[str, Any],
    labels: LabelSet,
    *,
    path: str,
    line: int,
    title: str,
    notes: list[str] | None = None,
) -> AnnotatedDocument:
    where = Where(path, line)
    fields = Fields(obj, where)
    text = obj.get("text")
    if not isinstance(text, str):
        raise where.error('no "text" string' if text is None else '"text" must be a string')
    hints = label_hints(fields, "label_kinds")
    builder = DocBuilder(text, path, labels, hints=hints)
    places: dict[tuple[Any, Any, Any], list[Any]] = {}  # (start, end, label) -> span keys
    if "entities" in obj:
        for n, ent in enumerate(fields.objects("entities", "entity")):
            for key in ("start_offset", "end_offset", "label"):
                if key not in ent.obj:
                    ent.fail(f"no {key!r}")
            ident = ent.ident("id")
            span_key = ident if ident is not None else ("entity", n)
            place = (ent.integer("start_offset"), ent.integer("end_offset"), ent.name("label"))
            builder.add_span(*place, span_key, line=line)
            places.setdefault(place, []).append(span_key)
        for rel in fields.objects("relations", "relation"):
            if not {"from_id", "to_id", "type"} <= rel.obj.keys():
                rel.fail("a relation needs from_id, to_id and type")
            builder.add_relation(rel.name("type"), rel.ident("from_id"), rel.ident("to_id"))
    else:
        key = "label" if obj.get("label") is not None else "labels"
        for n, item in enumerate(fields.items(key)):
            if not isinstance(item, list) or len(item) != 3:
                raise where.error(f"a label is not [start, end, label]: {item!r:.60}")
            start, end, name = item
            if not is_int(start) or not is_int(end) or not isinstance(name, str):
                raise where.error(f"a label is not [start, end, label]: {item!r:.60}")
            builder.add_span(start, end, name, ("label", n), line=line)
            places.setdefault((start, end, name), []).append(("label", n))
    gone = _span_attributes(builder, obj.get(SPAN_ATTRIBUTES), places, path, line)
    if gone and notes is not None:
        notes.append(
            f"line {line}: {gone} span_attributes entr{'y' if gone == 1 else 'ies'} left out: "
            "no span at those offsets with that label (changed in doccano?)"
        )
    name = fields.string("title")
    meta: dict[str, Any] = {"format": NAME}
    doccano_id = fields.ident("id")
    if doccano_id is not None:
        meta["doccano_id"] = doccano_id
    return builder.build(name or title, meta=meta, line=line)


def _span_attributes(
    builder: DocBuilder,
    items: object,
    places: dict[tuple[Any, Any, Any], list[Any]],
    path: str,
    line: int,
) -> int:
    """Give the spans their ``span_attributes`` (by offsets and label, in order for spans that
    share them); the number of entries that match no span."""
    if items is None:
        return 0
    if not isinstance(items, list):
        raise InputError(f'"{SPAN_ATTRIBUTES}" must be a list', path=path, line=line)
    gone = 0
    for item in items:
        values = item.get("attributes") if isinstance(item, Mapping) else None
        if not isinstance(item, Mapping) or not isinstance(values, Mapping):
            raise InputError(
                f'a "{SPAN_ATTRIBUTES}" entry is not {{"start_offset", "end_offset", "label", '
                '"attributes": {...}}',
                path=path,
                line=line,
            )
        place = (item.get("start_offset"), item.get("end_offset"), item.get("label"))
        keys = places.get(place) if all(isinstance(x, int | str) for x in place) else None
        if keys:
            builder.add_attributes(keys.pop(0), dict(values))
        else:
            gone += 1
    return gone


def loads(
    text: str,
    labels: LabelSet,
    *,
    path: str = "<string>",
    title: str = NAME,
    notes: list[str] | None = None,
) -> list[AnnotatedDocument]:
    docs = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        obj = load(line, Where(path, number))
        if not isinstance(obj, dict):
            raise InputError("a line is not a JSON object", path=path, line=number)
        docs.append(
            load_record(obj, labels, path=path, line=number, title=f"{title} {number}", notes=notes)
        )
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
        notes = list(decoded.notes)
        return loads(decoded.text, labels, path=str(path), title=path.stem, notes=notes), notes


WRITER = DoccanoWriter()
READER = DoccanoReader()
