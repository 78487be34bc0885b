"""JSONL: one document per line, spans as code-point offsets, plus tokens and integer tags.

Layout (docs/adr/0006-jsonl-layout.md). Each line written::

    {"id", "title", "text", "offset_unit": "codepoint", "source", "url", "published",
     "status", "meta",
     "spans": [{"id", "start", "end", "label", "kind", "text", "annotator"[, "attributes"]}],
     "relations": [{"id", "type", "from", "to", "annotator"}],   # from/to: span ids
     # with --with-suggestions only (docs/adr/0053): suggestions in every state, and their
     # speaker links by offsets, {"start", "end"} ends (a span's or a suggestion's)
     "suggestions": [{"id", "start", "end", "label", "kind", "text", "recommender", "score",
                      "state"}],
     "suggested_relations": [{"type", "from", "to", "recommender", "score"}],
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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.labels import name_error
from annotator.core.model import (
    OFFSET_UNIT,
    SPEAKER,
    AnnotatedDocument,
    Document,
    Kind,
    LabelSet,
    Relation,
    Span,
    Status,
)
from annotator.formats.base import (
    AtomicFiles,
    ExportOptions,
    ExportReport,
    ReaderWithNotes,
    RenderedWriter,
)
from annotator.formats.decoding import (
    canonical_with_map,
    read_text,
    title_from_text,
    utf8_lines,
)
from annotator.formats.jsonl_lines import record_chunks
from annotator.formats.jsonvalues import Fields, Where, is_int, load, peek
from annotator.formats.tagging import prepare
from annotator.formats.token_tags import TAG_FIELDS, tag_names

DOCUMENTS = "documents.jsonl"
LABELS = "labels.json"
_KINDS = {kind.value: kind for kind in Kind}
_STATUSES = frozenset(status.value for status in Status)


class JsonlReader(ReaderWithNotes):
    name = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def sniff(self, path: Path, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not start.startswith(b"{"):
            return False
        first = start.split(b"\n", 1)[0]
        obj = peek(first)
        if obj is None:  # a first line longer than the head: look at the keys we can see
            return b'"text"' in first and (b'"spans"' in first or b'"entities"' not in first)
        if not isinstance(obj, dict) or "text" not in obj:
            return False
        return "spans" in obj or not ({"label", "entities", "labels"} & obj.keys())

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        decoded = read_text(path)
        docs = loads(decoded.text, labels, path=str(path))
        if not docs:
            raise InputError("no document in this file", path=str(path))
        return docs, list(decoded.notes)

    def stream(self, path: Path, labels: LabelSet) -> Iterator[AnnotatedDocument] | None:
        """The documents one line at a time (the import writes them in batches); None when the
        file is not plain UTF-8, which ``read_with_notes`` then reads whole."""
        lines = utf8_lines(path)
        return None if lines is None else _parsed(lines, labels, str(path))


def _parsed(
    lines: Iterable[tuple[int, str]], labels: LabelSet, path: str
) -> Iterator[AnnotatedDocument]:
    empty = True
    for n, line in lines:
        if line.strip():
            empty = False
            yield parse_line(line, labels, path=path, line=n)
    if empty:
        raise InputError("no document in this file", path=path)


def loads(content: str, labels: LabelSet, *, path: str = "<string>") -> list[AnnotatedDocument]:
    """The documents of a JSONL string (blank lines skipped)."""
    return [
        parse_line(line, labels, path=path, line=n)
        for n, line in enumerate(content.split("\n"), start=1)
        if line.strip()
    ]


def parse_line(text_line: str, labels: LabelSet, *, path: str, line: int) -> AnnotatedDocument:
    """One JSONL line to a document; InputError naming ``path`` and ``line`` if it is wrong."""
    where = Where(path, line)
    obj = load(text_line, where)
    if not isinstance(obj, dict):
        raise where.error("each line must be a JSON object")
    fields = Fields(obj, where)
    raw = obj.get("text")
    if not isinstance(raw, str):
        raise where.error('no "text" string' if raw is None else '"text" must be a string')
    unit = obj.get("offset_unit", OFFSET_UNIT)
    if unit != OFFSET_UNIT:
        raise where.error(
            f'offsets in {unit!r}: only "{OFFSET_UNIT}" (Python str indices) are read'
        )
    text, mapping = canonical_with_map(raw)
    if not text.strip():
        raise where.error("empty text")
    strings = {k: fields.string(k) for k in ("title", "source", "url", "published")}
    meta = fields.mapping("meta")
    status_value = fields.string("status", Status.NEW.value)
    if status_value not in _STATUSES:
        raise where.error(f"unknown status {status_value!r}")
    spans, ids, new_labels = _spans(fields, raw, mapping, labels)
    relations = _relations(fields, ids, len(spans))
    document = Document(
        id=None,
        title=strings["title"] or title_from_text(text),
        text=text,
        source=strings["source"] or os.path.basename(path),
        url=strings["url"],
        published=strings["published"],
        meta=meta,
    )
    return AnnotatedDocument(
        document, tuple(spans), tuple(relations), Status(status_value), new_labels
    )


def _spans(
    fields: Fields, raw: str, mapping: list[int] | None, labels: LabelSet
) -> tuple[list[Span], dict[object, int], dict[str, Kind]]:
    """The spans, span id -> local number, and the labels new to the project with their kind."""
    err = fields.where.error
    items = fields.items("spans")
    spans: list[Span] = []
    ids: dict[object, int] = {}
    new_labels: dict[str, Kind] = {}
    places: set[tuple[int, int, str, str]] = set()
    order = list(enumerate(items))
    if order and all(isinstance(x, dict) and is_int(x.get("id")) for x in items):
        order.sort(key=lambda pair: pair[1]["id"])  # creation order: ids come back the same
    for local, (i, item) in enumerate(order, start=1):
        where = f"span {i}"
        if not isinstance(item, dict):
            raise err(f"{where} must be an object")
        span = Fields(item, fields.where, f"{where}: ")
        start, end = item.get("start"), item.get("end")
        if not is_int(start) or not is_int(end):
            raise err(f'{where}: "start" and "end" must be integers')
        if not 0 <= start < end <= len(raw):
            raise err(f"{where}: offsets [{start}, {end}) out of range (text length {len(raw)})")
        label = item.get("label")
        if not isinstance(label, str) or not label:
            raise err(f'{where}: "label" must be a non-empty string')
        attributes = span.mapping("attributes")
        kind = _new_label_kind(item, label, labels, where, err)
        if kind is not None and new_labels.setdefault(label, kind) != kind:
            raise err(f"{where}: label {label!r} is {new_labels[label]} in an earlier span")
        quoted = span.string("text", raw[start:end])
        if quoted != raw[start:end]:
            raise err(
                f"{where}: its text {quoted!r} is not the text at [{start}, {end}) "
                f"{raw[start:end]!r}; are the offsets code points?"
            )
        key = span.ident("id")
        if key is not None:
            if key in ids:
                raise err(f"{where}: duplicate span id {key!r}")
            ids[key] = local
        annotator = span.string("annotator")
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
    return spans, ids, new_labels


def _new_label_kind(
    item: dict[str, object],
    label: str,
    labels: LabelSet,
    where: str,
    err: Callable[[str], InputError],
) -> Kind | None:
    """The kind the span gives its label when the project lacks it; None for a known label."""
    kind_value = item.get("kind")
    known = labels.get(label)
    if kind_value is None:
        if known is None:
            raise err(
                f"{where}: unknown label {label!r} (the project has {', '.join(labels.names)}); "
                'give the span a "kind" (entity, event, quote) to add the label'
            )
        return None
    kind = _KINDS.get(kind_value) if isinstance(kind_value, str) else None
    if kind is None:
        raise err(f"{where}: unknown kind {kind_value!r} (known: {', '.join(_KINDS)})")
    if known is not None and known.kind != kind:
        raise err(f"{where}: label {label!r} is {known.kind} in the project, not {kind}")
    if known is not None:
        return None
    problem = name_error(label)
    if problem is not None:
        raise err(f"{where}: {problem}")
    return kind


def _relations(fields: Fields, ids: dict[object, int], n: int) -> list[Relation]:
    out = []
    for i, item in enumerate(fields.items("relations")):
        if not isinstance(item, dict):
            raise fields.where.error(f"relation {i} must be an object")
        rel = Fields(item, fields.where, f"relation {i}: ")
        ends = []
        for key in ("from", "to"):
            ref = rel.ident(key)
            local: int | None
            if ids:
                local = ids.get(ref)
            elif is_int(ref) and 0 <= ref < n:
                local = ref + 1
            else:
                local = None
            if local is None:
                what = "span id" if ids else "span index"
                rel.fail(f'"{key}" {ref!r} is no {what} of this line')
            ends.append(local)
        out.append(
            Relation(
                id=i + 1,
                type=rel.name("type") if rel.has("type") else SPEAKER,
                source_id=ends[0],
                target_id=ends[1],
                annotator=rel.string("annotator"),
            )
        )
    return out


class JsonlWriter(RenderedWriter):
    name = "jsonl"
    uses = frozenset({"scheme", "tokens"})  # the tokens and tags beside the spans

    def render(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        options: ExportOptions,
        report: ExportReport,
    ) -> Iterator[str]:
        return iter_chunks(docs, labels, options, report)

    def write_rendered(
        self,
        chunks: Iterable[str | bytes],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        report.format = self.name
        names = label_lists(labels, options.scheme)
        with AtomicFiles() as files:
            files.write_lines(out_dir / DOCUMENTS, chunks)
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
    docs, options = prepare(docs, options, report)
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
