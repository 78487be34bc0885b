"""JSONL: one document per line, spans as code-point offsets, plus tokens and integer tags.

Layout (docs/adr/0006-jsonl-layout.md). Each line written::

    {"id", "title", "text", "offset_unit": "codepoint", "source", "url", "published",
     "status", "meta",
     "spans": [{"id", "start", "end", "label", "kind", "text", "annotator"[, "attributes"]}],
     "relations": [{"id", "type", "from", "to", "annotator"}],   # from/to: span ids
     "tokens": [...], "token_offsets": [[start, end], ...],
     "ner_tags": [...], "event_tags": [...], "quote_tags": [...]}  # integer IOB tags per layer

and a sidecar ``labels.json`` with the tag names of each tag list (``{"ner_tags": ["O", "B-PER",
"I-PER", ...], ...}``) for a Hugging Face ``ClassLabel``. The spans list is lossless; the tag
lists cannot hold overlaps within a layer (the export report lists what they leave out).

Read: ``{"text", "title"?, "spans"?: [{"start", "end", "label", "kind"?, "id"?, ...}],
"relations"?: [{"type"?, "from", "to"}], "meta"?, ...}``; relation ends are span ids when the
spans carry ids, else indexes into the spans list. A label the project does not know is an error
unless the span says its ``kind``; then the import adds the label. Any error names file and line,
and the file imports nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import (
    OFFSET_UNIT,
    AnnotatedDocument,
    Document,
    Kind,
    LabelSet,
    Relation,
    Span,
    Status,
)
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport
from annotator.formats.decoding import (
    canonical_with_map,
    lone_surrogate_error,
    read_text,
    title_from_text,
)
from annotator.formats.jsonl_lines import record_chunks
from annotator.formats.token_tags import TAG_FIELDS, tag_names

DOCUMENTS = "documents.jsonl"
LABELS = "labels.json"
KIND_ATTRIBUTE = "kind"  # on an imported span: the kind of a label the project does not know yet
_KINDS = {kind.value: kind for kind in Kind}


class JsonlReader:
    name = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def sniff(self, path: Path, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not start.startswith(b"{"):
            return False
        first = start.split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:  # a first line longer than the head: look at the keys we can see
            return b'"text"' in first and (b'"spans"' in first or b'"entities"' not in first)
        if not isinstance(obj, dict) or "text" not in obj:
            return False
        return "spans" in obj or not ({"label", "entities", "labels"} & obj.keys())

    def read(self, path: Path, labels: LabelSet) -> list[AnnotatedDocument]:
        content = read_text(path).text
        docs = []
        for number, line in enumerate(content.split("\n"), start=1):
            if line.strip():
                docs.append(parse_line(line, labels, path=str(path), line=number))
        if not docs:
            raise InputError("no document in this file", path=str(path))
        return docs


def loads(content: str, labels: LabelSet, *, path: str = "<string>") -> list[AnnotatedDocument]:
    """The documents of a JSONL string (blank lines skipped)."""
    return [
        parse_line(line, labels, path=path, line=n)
        for n, line in enumerate(content.split("\n"), start=1)
        if line.strip()
    ]


@dataclass(frozen=True, slots=True)
class _Where:
    path: str
    line: int

    def __call__(self, message: str) -> InputError:
        return InputError(message, path=self.path, line=self.line)


def parse_line(text_line: str, labels: LabelSet, *, path: str, line: int) -> AnnotatedDocument:
    """One JSONL line to a document; InputError naming ``path`` and ``line`` if it is wrong."""
    fail = _Where(path, line)
    try:
        obj = json.loads(text_line)
    except json.JSONDecodeError as exc:
        raise fail(f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(obj, dict):
        raise fail("each line must be a JSON object")
    broken = lone_surrogate_error(text_line, obj)
    if broken is not None:
        raise fail(broken[0])
    raw = obj.get("text")
    if not isinstance(raw, str):
        raise fail('no "text" string' if raw is None else '"text" must be a string')
    unit = obj.get("offset_unit", OFFSET_UNIT)
    if unit != OFFSET_UNIT:
        raise fail(f'offsets in {unit!r}: only "{OFFSET_UNIT}" (Python str indices) are read')
    text, mapping = canonical_with_map(raw)
    if not text.strip():
        raise fail("empty text")
    strings = {k: _string(obj, k, fail) for k in ("title", "source", "url", "published")}
    meta = obj.get("meta", {})
    if not isinstance(meta, dict):
        raise fail('"meta" must be an object')
    status_value = obj.get("status", Status.NEW.value)
    try:
        status = Status(status_value)
    except ValueError:
        raise fail(f"unknown status {status_value!r}") from None
    spans, ids = _spans(obj.get("spans", []), raw, mapping, labels, fail)
    relations = _relations(obj.get("relations", []), ids, len(spans), fail)
    document = Document(
        id=None,
        title=strings["title"] or title_from_text(text),
        text=text,
        source=strings["source"] or os.path.basename(path),
        url=strings["url"],
        published=strings["published"],
        meta=meta,
    )
    return AnnotatedDocument(document, tuple(spans), tuple(relations), status)


def _string(obj: dict[str, object], key: str, fail: _Where) -> str:
    value = obj.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise fail(f'"{key}" must be a string')
    return value


def _spans(
    items: object, raw: str, mapping: list[int] | None, labels: LabelSet, fail: _Where
) -> tuple[list[Span], dict[object, int]]:
    err = fail
    if not isinstance(items, list):
        raise err('"spans" must be a list')
    spans: list[Span] = []
    ids: dict[object, int] = {}
    places: set[tuple[int, int, str, str]] = set()
    order = list(enumerate(items))
    if order and all(isinstance(x, dict) and _is_int(x.get("id")) for x in items):
        order.sort(key=lambda pair: pair[1]["id"])  # creation order: ids come back the same
    for local, (i, item) in enumerate(order, start=1):
        where = f"span {i}"
        if not isinstance(item, dict):
            raise err(f"{where} must be an object")
        start, end, label = item.get("start"), item.get("end"), item.get("label")
        if not _is_int(start) or not _is_int(end):
            raise err(f'{where}: "start" and "end" must be integers')
        assert isinstance(start, int) and isinstance(end, int)
        if not 0 <= start < end <= len(raw):
            raise err(f"{where}: offsets [{start}, {end}) out of range (text length {len(raw)})")
        if not isinstance(label, str) or not label:
            raise err(f'{where}: "label" must be a non-empty string')
        attributes = item.get("attributes", {})
        if not isinstance(attributes, dict):
            raise err(f'{where}: "attributes" must be an object')
        attributes = {**attributes, **_kind(item, label, labels, where, err)}
        quoted = item.get("text")
        if isinstance(quoted, str) and quoted != raw[start:end]:
            raise err(
                f"{where}: its text {quoted!r} is not the text at [{start}, {end}) "
                f"{raw[start:end]!r}; are the offsets code points?"
            )
        if "id" in item:
            if item["id"] in ids:
                raise err(f"{where}: duplicate span id {item['id']!r}")
            ids[item["id"]] = local
        annotator = item.get("annotator", "")
        annotator = annotator if isinstance(annotator, str) else ""
        if mapping is not None:
            start, end = mapping[start], mapping[end]
            if start >= end:
                raise err(f"{where}: covers only a line break's CR")
        place = (start, end, label, annotator)
        if place in places:
            raise err(f"{where}: the same span ({label} at {start}-{end}) appears twice")
        places.add(place)
        spans.append(
            Span(
                id=local,
                document_id=0,
                start=start,
                end=end,
                label=label,
                annotator=annotator,
                attributes=attributes,
            )
        )
    return spans, ids


def _kind(
    item: dict[str, object], label: str, labels: LabelSet, where: str, err: _Where
) -> dict[str, str]:
    kind_value = item.get("kind")
    known = labels.get(label)
    if kind_value is None:
        if known is None:
            raise err(
                f"{where}: unknown label {label!r} (the project has {', '.join(labels.names)}); "
                'give the span a "kind" (entity, event, quote) to add the label'
            )
        return {}
    kind = _KINDS.get(kind_value) if isinstance(kind_value, str) else None
    if kind is None:
        raise err(f"{where}: unknown kind {kind_value!r} (known: {', '.join(_KINDS)})")
    if known is not None and known.kind != kind:
        raise err(f"{where}: label {label!r} is {known.kind} in the project, not {kind}")
    return {} if known is not None else {KIND_ATTRIBUTE: kind.value}


def _relations(items: object, ids: dict[object, int], n: int, fail: _Where) -> list[Relation]:
    err = fail
    if not isinstance(items, list):
        raise err('"relations" must be a list')
    out = []
    for i, item in enumerate(items):
        where = f"relation {i}"
        if not isinstance(item, dict):
            raise err(f"{where} must be an object")
        ends = []
        for key in ("from", "to"):
            ref = item.get(key)
            local: int | None
            if ids:
                local = ids.get(ref)
            elif isinstance(ref, int) and not isinstance(ref, bool) and 0 <= ref < n:
                local = ref + 1
            else:
                local = None
            if local is None:
                what = "span id" if ids else "span index"
                raise err(f'{where}: "{key}" {ref!r} is no {what} of this line')
            ends.append(local)
        rtype = item.get("type", "speaker")
        annotator = item.get("annotator", "")
        out.append(
            Relation(
                id=i + 1,
                type=rtype if isinstance(rtype, str) and rtype else "speaker",
                source_id=ends[0],
                target_id=ends[1],
                annotator=annotator if isinstance(annotator, str) else "",
            )
        )
    return out


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class JsonlWriter:
    name = "jsonl"

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        report.format = self.name
        names = label_lists(labels, options.scheme)
        with AtomicFiles() as files:
            files.write_lines(out_dir / DOCUMENTS, iter_chunks(docs, labels, options, report))
            files.write_text(
                out_dir / LABELS, json.dumps(names, ensure_ascii=False, indent=1) + "\n"
            )
            report.files += [out_dir / DOCUMENTS, out_dir / LABELS]
            files.write_report(out_dir, report)


def label_lists(labels: LabelSet, scheme: str = "iob2") -> dict[str, list[str]]:
    """The content of labels.json: the tag names of every tag list, index = integer tag."""
    return {field: tag_names(labels, kind, scheme) for kind, field in TAG_FIELDS.items()}


def iter_chunks(
    docs: Iterable[AnnotatedDocument],
    labels: LabelSet,
    options: ExportOptions,
    report: ExportReport,
) -> Iterator[str]:
    """The documents.jsonl content in pieces, one document at a time (jsonl_lines)."""
    for doc in docs:
        yield from record_chunks(doc, labels, options, report)


def dumps(
    docs: Iterable[AnnotatedDocument],
    labels: LabelSet,
    options: ExportOptions | None = None,
    report: ExportReport | None = None,
) -> str:
    """The documents.jsonl content for ``docs`` (the pure half of the writer)."""
    opts, rep = options or ExportOptions(), report or ExportReport(format="jsonl")
    return "".join(iter_chunks(docs, labels, opts, rep))


def to_record(
    doc: AnnotatedDocument, labels: LabelSet, options: ExportOptions, report: ExportReport
) -> dict[str, object]:
    """One document as the JSON object of its line; records losses in ``report``."""
    record: dict[str, object] = json.loads("".join(record_chunks(doc, labels, options, report)))
    return record


READER = JsonlReader()
WRITER = JsonlWriter()
