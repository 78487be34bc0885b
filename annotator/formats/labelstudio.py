"""Label Studio: a JSON list of tasks with their annotations, and the labelling config.

Each task: ``{"data": {"text", "title", "document_id", "label_kinds"}, "annotations":
[{"result": [...]}]}``; a span is a ``labels`` result (``from_name`` "label", ``to_name`` "text",
``value`` start/end/text/labels), a relation a ``relation`` result (``from_id`` the quote,
``to_id`` the speaker, ``direction`` "right"). A span's attributes go to the region's
``meta`` as ``{"attributes": {...}}`` (Label Studio keeps a region's ``meta`` object whole and
only edits its ``text``, the region note of its interface); on import they come back, and a
region note (``meta.text``) becomes the attribute ``note``. ``labelstudio-config.xml`` is the
matching labelling interface (Labels, Relations, Text); a name XML cannot hold (a control
character, U+FFFE) refuses the export, naming it.

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

from annotator.core.errors import InputError, ValidationError
from annotator.core.labels import char_name, shown
from annotator.core.model import SPEAKER, AnnotatedDocument, LabelSet
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport, ReaderWithNotes
from annotator.formats.decoding import read_text
from annotator.formats.jsonvalues import Fields, Where, is_int, load
from annotator.formats.standoff import (
    DocBuilder,
    check_text,
    count_spans,
    label_hints,
    label_kinds,
    utf16_to_codepoints,
    written_relations,
)
from annotator.formats.tagging import doc_name

NAME = "labelstudio"
FILE = "labelstudio.json"
CONFIG = "labelstudio-config.xml"
FROM_NAME, TO_NAME = "label", "text"
META_ATTRIBUTES = "attributes"  # our key in a region's meta
NOTE = "note"  # the attribute a Label Studio region note (meta.text) becomes


def task(
    doc: AnnotatedDocument, labels: LabelSet, report: ExportReport, where: str
) -> dict[str, Any]:
    """The Label Studio task of one document."""
    text = doc.document.text
    results: list[dict[str, Any]] = []
    keys: dict[int, str] = {}
    for n, span in enumerate(doc.spans, 1):
        rid = f"s{span.id if span.id is not None else f'x{n}'}"
        region: dict[str, Any] = {
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
        if span.attributes:
            region["meta"] = {META_ATTRIBUTES: dict(span.attributes)}
        results.append(region)
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
    """The labelling config: one Label per label (with its colour), the relation types.

    ValidationError for a name XML 1.0 cannot hold even escaped (a control character,
    U+FFFE): the config would not be XML."""
    types = sorted(set(relation_types))
    for what, name in [
        *(("relation type", t) for t in types),
        *(("label", label.name) for label in labels),
    ]:
        bad = next((c for c in name if not _xml_char(c)), None)
        if bad is not None:
            raise ValidationError(
                f"{what} {shown(name)} cannot be written in a Label Studio config: XML cannot hold "
                f"{char_name(bad)}; rename it"
            )
    lines = ["<View>", "  <Relations>"]
    lines += [f"    <Relation value={quoteattr(t)}/>" for t in types]
    lines += ["  </Relations>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    lines += [
        f"    <Label value={quoteattr(label.name)} background={quoteattr(label.colour)}/>"
        for label in labels
    ]
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="$text"/>', "</View>", ""]
    return "\n".join(lines)


class LabelStudioWriter:
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
    task = Fields(obj, Where(path), f"{where}: ")
    info = Fields(data, task.where, f"{where}: data: ")
    builder = DocBuilder(text, path, labels, hints=label_hints(info, "label_kinds"))
    to_cp = utf16_to_codepoints(text)
    utf16 = skipped = 0
    key = "annotations" if task.has("annotations") else "completions"
    for k, ann in enumerate(task.objects(key, "annotation")):
        if ann.obj.get("was_cancelled"):
            continue
        annotator = _annotator(ann)
        prefix = f"{k}:"  # result ids are unique only inside one annotation
        for res in ann.objects("result", "result"):
            kind = res.string("type")
            if kind == "labels":
                utf16 += _read_region(builder, res, prefix, annotator, to_cp)
            elif kind == "relation":
                for rel_type in res.strings("labels") or [SPEAKER]:
                    builder.add_relation(
                        rel_type,
                        prefix + str(res.ident("from_id")),
                        prefix + str(res.ident("to_id")),
                    )
            else:
                skipped += 1
    if utf16:
        notes.append(f"{where}: {utf16} region(s) had UTF-16 offsets, converted to code points")
    if skipped:
        notes.append(f"{where}: {skipped} result(s) other than labels and relations ignored")
    meta: dict[str, Any] = {"format": NAME}
    document_id = info.ident("document_id")
    if document_id is not None:
        meta["labelstudio_document_id"] = document_id
    return builder.build(info.string("title") or title, meta=meta)


def _annotator(ann: Fields) -> str:
    """``completed_by``: a user id (a number), a name, or ``{"email": ...}``."""
    who = ann.obj.get("completed_by")
    if isinstance(who, Mapping):
        return Fields(who, ann.where, f"{ann.what}completed_by: ").string("email")
    if is_int(who):
        return str(who)
    return ann.string("completed_by")


def _read_region(
    builder: DocBuilder,
    res: Fields,
    prefix: str,
    annotator: str,
    to_cp: Any,
) -> int:
    if not isinstance(res.obj.get("value"), Mapping):
        res.fail("a labels result has no value start/end")
    value = Fields(res.obj["value"], res.where, res.what + "value: ")
    if "start" not in value.obj or "end" not in value.obj:
        res.fail("a labels result has no value start/end")
    start, end = value.obj["start"], value.obj["end"]
    if not is_int(start) or not is_int(end):
        res.fail(f"offsets {start!r:.30}, {end!r:.30} are not integers")
    said = value.string("text") if value.has("text") else None
    checked = check_text(builder.raw_text, start, end, said, to_cp)
    if checked is None:
        res.fail(
            f"region {res.obj.get('id')!r:.40} says {said!r:.80} but the text has "
            f"{builder.raw_text[start:end]!r:.80} at [{start}, {end})"
        )
    start, end, utf16 = checked
    key = prefix + str(res.ident("id"))
    for label in value.strings("labels"):
        builder.add_span(start, end, label, key, annotator)
    attributes = _region_attributes(res.obj.get("meta"))
    if attributes:
        builder.add_attributes(key, attributes)
    return int(utf16)


def _region_attributes(meta: object) -> dict[str, Any]:
    """Our attributes from a region's ``meta``, with Label Studio's region note as ``note``."""
    if not isinstance(meta, Mapping):
        return {}
    ours = meta.get(META_ATTRIBUTES)
    attributes = dict(ours) if isinstance(ours, Mapping) else {}
    note = meta.get("text")
    lines = [note] if isinstance(note, str) else note if isinstance(note, list) else []
    if lines and NOTE not in attributes:
        attributes[NOTE] = "\n".join(str(line) for line in lines)
    return attributes


def _xml_char(c: str) -> bool:
    """A character XML 1.0 documents may hold (escaped or not)."""
    code = ord(c)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def loads(
    text: str, labels: LabelSet, *, path: str = "<string>", title: str = NAME
) -> tuple[list[AnnotatedDocument], list[str]]:
    obj = load(text, Where(path))
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
        decoded = read_text(path)
        docs, notes = loads(decoded.text, labels, path=str(path), title=path.stem)
        return docs, [*decoded.notes, *notes]


WRITER = LabelStudioWriter()
READER = LabelStudioReader()
