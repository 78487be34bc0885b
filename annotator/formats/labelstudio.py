"""Label Studio: a JSON list of tasks with their annotations, and the labelling config.

Each task: ``{"data": {"text", "title", "document_id", "label_kinds"}, "annotations":
[{"result": [...]}]}``; a span is a ``labels`` result (``from_name`` "label", ``to_name`` "text",
``value`` start/end/text/labels), a relation a ``relation`` result (``from_id`` the quote,
``to_id`` the speaker, ``direction`` "right"). ``labelstudio-config.xml`` is the matching
labelling interface (Labels, Relations, Text).

Offsets: Label Studio stores ``<Text>`` regions in code points (its editor converts from the
browser's UTF-16, after HumanSignal/label-studio#1008 and #1347; its own test "NER - Emoji -
Text" checks it). On import, a result whose ``value.text`` only fits the offsets read as UTF-16
units (older versions) is converted, and the import says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.core.errors import InputError
from annotator.core.model import SPEAKER, AnnotatedDocument, LabelSet
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport, ReaderWithNotes
from annotator.formats.decoding import decode_bytes
from annotator.formats.standoff import (
    DocBuilder,
    check_text,
    count_spans,
    label_kinds,
    utf16_to_codepoints,
    written_relations,
)
from annotator.formats.tagging import doc_name

NAME = "labelstudio"
FILE = "labelstudio.json"
CONFIG = "labelstudio-config.xml"
FROM_NAME, TO_NAME = "label", "text"


def task(
    doc: AnnotatedDocument, labels: LabelSet, report: ExportReport, where: str
) -> dict[str, Any]:
    """The Label Studio task of one document."""
    text = doc.document.text
    results: list[dict[str, Any]] = []
    keys: dict[int, str] = {}
    for n, span in enumerate(doc.spans, 1):
        rid = f"s{span.id if span.id is not None else f'x{n}'}"
        results.append(
            {
                "id": rid,
                "from_name": FROM_NAME,
                "to_name": TO_NAME,
                "type": "labels",
                "origin": "manual",
                "value": {
                    "start": span.start,
                    "end": span.end,
                    "text": text[span.start : span.end],
                    "labels": [span.label],
                },
            }
        )
        if span.id is not None:
            keys[span.id] = rid
    count_spans(report, doc.spans)
    for rel, a, b in written_relations(doc, keys, report, where):
        results.append(
            {
                "from_id": a,
                "to_id": b,
                "type": "relation",
                "direction": "right",
                "labels": [rel.type],
            }
        )
    used = {span.label for span in doc.spans}
    data: dict[str, Any] = {"text": text, "title": doc.document.title}
    if doc.document.id is not None:
        data["document_id"] = doc.document.id
    data["label_kinds"] = {k: v for k, v in label_kinds(labels).items() if k in used}
    return {"data": data, "annotations": [{"result": results}]}


def iter_chunks(
    docs: Iterable[AnnotatedDocument], labels: LabelSet, report: ExportReport
) -> Iterator[str]:
    """``json.dumps(tasks, ensure_ascii=False, indent=1)`` and a newline, one task at a time:
    each task is encoded as the one item of a list, whose brackets are left out."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1)
    count = 0
    for i, doc in enumerate(docs):
        one = task(doc, labels, report, doc_name(doc, i))
        report.documents += 1
        yield "[\n " if count == 0 else ",\n "
        yield from _inner(encoder.iterencode([one]))
        count += 1
    yield "[]\n" if count == 0 else "\n]\n"


def _inner(pieces: Iterator[str], batch: int = 10_000) -> Iterator[str]:
    """The pieces of ``[item]`` without the first ("[\n ") and the last two ("\n", "]"),
    joined a few thousand at a time."""
    next(pieces)
    held: list[str] = []
    for piece in pieces:
        held.append(piece)
        if len(held) > batch:
            yield "".join(held[:-2])
            del held[:-2]
    yield "".join(held[:-2])


def dumps(
    docs: Iterable[AnnotatedDocument], labels: LabelSet, report: ExportReport | None = None
) -> str:
    return "".join(iter_chunks(docs, labels, report or ExportReport(format=NAME)))


def dumps_config(labels: LabelSet, relation_types: Iterable[str] = (SPEAKER,)) -> str:
    """The labelling config: one Label per label (with its colour), the relation types."""
    lines = ["<View>", "  <Relations>"]
    lines += [f"    <Relation value={quoteattr(t)}/>" for t in sorted(set(relation_types))]
    lines += ["  </Relations>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    lines += [
        f"    <Label value={quoteattr(label.name)} background={quoteattr(label.colour)}/>"
        for label in labels
    ]
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="$text"/>', "</View>", ""]
    return "\n".join(lines)


class LabelStudioWriter:
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
        types = {SPEAKER}

        def seen(items: Iterable[AnnotatedDocument]) -> Iterable[AnnotatedDocument]:
            for doc in items:
                types.update(rel.type for rel in doc.relations)
                yield doc

        with AtomicFiles() as files:
            files.write_lines(out_dir / FILE, iter_chunks(seen(docs), labels, report))
            files.write_text(out_dir / CONFIG, dumps_config(labels, types))
            report.files += [out_dir / FILE, out_dir / CONFIG]
            files.write_report(out_dir, report)


# --- import ---------------------------------------------------------------------------------


def load_task(
    obj: Mapping[str, Any],
    labels: LabelSet,
    *,
    path: str,
    index: int,
    title: str,
    notes: list[str],
) -> AnnotatedDocument:
    where = f"task {index + 1}"
    data = obj.get("data")
    text = data.get("text") if isinstance(data, Mapping) else None
    if not isinstance(text, str) or not isinstance(data, Mapping):
        raise InputError(f'{where} has no "data": {{"text": ...}}', path=path)
    hints = data.get("label_kinds")
    builder = DocBuilder(text, path, labels, hints=hints if isinstance(hints, dict) else {})
    to_cp = utf16_to_codepoints(text)
    utf16 = skipped = 0
    annotations = obj.get("annotations") or obj.get("completions") or []
    for k, ann in enumerate(annotations):
        if not isinstance(ann, Mapping) or ann.get("was_cancelled"):
            continue
        who = ann.get("completed_by", "")
        annotator = str(who.get("email", "")) if isinstance(who, Mapping) else str(who or "")
        prefix = f"{k}:"  # result ids are unique only inside one annotation
        for res in ann.get("result") or []:
            kind = res.get("type") if isinstance(res, Mapping) else None
            if kind == "labels":
                utf16 += _read_region(builder, res, prefix, annotator, to_cp, path, where)
            elif kind == "relation":
                rel_labels = res.get("labels") or [SPEAKER]
                for rel_type in rel_labels:
                    builder.add_relation(
                        str(rel_type),
                        prefix + str(res.get("from_id")),
                        prefix + str(res.get("to_id")),
                    )
            else:
                skipped += 1
    if utf16:
        notes.append(f"{where}: {utf16} region(s) had UTF-16 offsets, converted to code points")
    if skipped:
        notes.append(f"{where}: {skipped} result(s) other than labels and relations ignored")
    name = data.get("title")
    meta: dict[str, Any] = {"format": NAME}
    if data.get("document_id") is not None:
        meta["labelstudio_document_id"] = data["document_id"]
    return builder.build(name if isinstance(name, str) and name else title, meta=meta)


def _read_region(
    builder: DocBuilder,
    res: Mapping[str, Any],
    prefix: str,
    annotator: str,
    to_cp: Any,
    path: str,
    where: str,
) -> int:
    value = res.get("value")
    if not isinstance(value, Mapping) or "start" not in value or "end" not in value:
        raise InputError(f"{where}: a labels result has no value start/end", path=path)
    start, end = value["start"], value["end"]
    if not isinstance(start, int) or not isinstance(end, int):
        raise InputError(f"{where}: offsets {start!r}, {end!r} are not integers", path=path)
    checked = check_text(builder.raw_text, start, end, value.get("text"), to_cp)
    if checked is None:
        raise InputError(
            f"{where}: region {res.get('id')!r} says {value.get('text')!r} but the text has "
            f"{builder.raw_text[start:end]!r} at [{start}, {end})",
            path=path,
        )
    start, end, utf16 = checked
    for label in value.get("labels") or []:
        builder.add_span(start, end, str(label), prefix + str(res.get("id")), annotator)
    return int(utf16)


def loads(
    text: str, labels: LabelSet, *, path: str = "<string>", title: str = NAME
) -> tuple[list[AnnotatedDocument], list[str]]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    tasks = obj if isinstance(obj, list) else [obj]
    notes: list[str] = []
    docs = []
    for i, item in enumerate(tasks):
        if not isinstance(item, Mapping):
            raise InputError(f"task {i + 1} is not an object", path=path)
        docs.append(
            load_task(item, labels, path=path, index=i, title=f"{title} {i + 1}", notes=notes)
        )
    if not docs:
        raise InputError("no tasks in this file", path=path)
    return docs, notes


class LabelStudioReader(ReaderWithNotes):
    name = NAME
    extensions = (".json",)

    def sniff(self, path: Path, head: bytes) -> bool:
        start = head.decode("utf-8", "ignore").lstrip("\ufeff \n\r\t")
        return (
            start[:1] in ("[", "{")
            and '"data"' in start
            and ('"annotations"' in start or '"completions"' in start or '"text"' in start)
        )

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        raw = decode_bytes(path.read_bytes(), str(path)).text
        return loads(raw, labels, path=str(path), title=path.stem)


WRITER = LabelStudioWriter()
READER = LabelStudioReader()
