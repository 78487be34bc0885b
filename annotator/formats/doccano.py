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
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport
from annotator.formats.decoding import decode_bytes
from annotator.formats.standoff import DocBuilder, count_spans, label_kinds, written_relations
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
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError('no "text" string', path=path, line=line)
    hints = obj.get("label_kinds")
    builder = DocBuilder(text, path, labels, hints=hints if isinstance(hints, dict) else {})
    entities = obj.get("entities")
    if isinstance(entities, list):
        for ent in entities:
            if not isinstance(ent, Mapping):
                raise InputError("an entity is not an object", path=path, line=line)
            try:
                builder.add_span(
                    ent["start_offset"],
                    ent["end_offset"],
                    ent["label"],
                    ent.get("id"),
                    line=line,
                )
            except KeyError as exc:
                raise InputError(
                    f"an entity has no {exc.args[0]!r}", path=path, line=line
                ) from None
        for rel in obj.get("relations") or []:
            if not isinstance(rel, Mapping) or not {"from_id", "to_id", "type"} <= rel.keys():
                raise InputError("a relation needs from_id, to_id and type", path=path, line=line)
            builder.add_relation(str(rel["type"]), rel["from_id"], rel["to_id"])
    else:
        for item in obj.get("label") or obj.get("labels") or []:
            if not isinstance(item, list | tuple) or len(item) != 3:
                raise InputError(
                    f"a label is not [start, end, label]: {item!r}", path=path, line=line
                )
            builder.add_span(item[0], item[1], item[2], line=line)
    name = obj.get("title")
    meta: dict[str, Any] = {"format": NAME}
    if obj.get("id") is not None:
        meta["doccano_id"] = obj["id"]
    return builder.build(name if isinstance(name, str) and name else title, meta=meta, line=line)


def loads(
    text: str, labels: LabelSet, *, path: str = "<string>", title: str = NAME
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
        docs.append(load_record(obj, labels, path=path, line=number, title=f"{title} {number}"))
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


class DoccanoReader:
    name = NAME
    extensions = (".jsonl",)

    def sniff(self, path: Path, head: bytes) -> bool:
        return looks_like_doccano(head)

    def read(self, path: Path, labels: LabelSet) -> list[AnnotatedDocument]:
        # Line breaks inside JSON strings are escapes: decoding the file changes no text.
        raw = decode_bytes(path.read_bytes(), str(path)).text
        return loads(raw, labels, path=str(path), title=path.stem)


WRITER = DoccanoWriter()
READER = DoccanoReader()
