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
from annotator.formats.decoding import decode_bytes
from annotator.formats.standoff import DocBuilder, count_spans, label_kinds, written_relations
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
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError('no "text" string', path=path, line=line)
    hints = obj.get("label_kinds")
    builder = DocBuilder(text, path, labels, hints=hints if isinstance(hints, dict) else {})
    entities = obj.get("entities")
    places: dict[tuple[Any, Any, Any], list[Any]] = {}  # (start, end, label) -> span keys
    if isinstance(entities, list):
        for n, ent in enumerate(entities):
            if not isinstance(ent, Mapping):
                raise InputError("an entity is not an object", path=path, line=line)
            try:
                key = ent["id"] if ent.get("id") is not None else ("entity", n)
                place = (ent["start_offset"], ent["end_offset"], ent["label"])
                builder.add_span(*place, key, line=line)
                places.setdefault(place, []).append(key)
            except KeyError as exc:
                raise InputError(
                    f"an entity has no {exc.args[0]!r}", path=path, line=line
                ) from None
        for rel in obj.get("relations") or []:
            if not isinstance(rel, Mapping) or not {"from_id", "to_id", "type"} <= rel.keys():
                raise InputError("a relation needs from_id, to_id and type", path=path, line=line)
            builder.add_relation(str(rel["type"]), rel["from_id"], rel["to_id"])
    else:
        for n, item in enumerate(obj.get("label") or obj.get("labels") or []):
            if not isinstance(item, list | tuple) or len(item) != 3:
                raise InputError(
                    f"a label is not [start, end, label]: {item!r}", path=path, line=line
                )
            builder.add_span(item[0], item[1], item[2], ("label", n), line=line)
            places.setdefault(tuple(item), []).append(("label", n))
    gone = _span_attributes(builder, obj.get(SPAN_ATTRIBUTES), places, path, line)
    if gone and notes is not None:
        notes.append(
            f"line {line}: {gone} span_attributes entr{'y' if gone == 1 else 'ies'} left out: "
            "no span at those offsets with that label (changed in doccano?)"
        )
    name = obj.get("title")
    meta: dict[str, Any] = {"format": NAME}
    if obj.get("id") is not None:
        meta["doccano_id"] = obj["id"]
    return builder.build(name if isinstance(name, str) and name else title, meta=meta, line=line)


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
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON: {exc.msg}", path=path, line=number) from None
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
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return False
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
        raw = decode_bytes(path.read_bytes(), str(path)).text
        notes: list[str] = []
        return loads(raw, labels, path=str(path), title=path.stem, notes=notes), notes


WRITER = DoccanoWriter()
READER = DoccanoReader()
