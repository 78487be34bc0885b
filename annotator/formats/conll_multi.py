"""conll-multi: token, start, end and one IOB2 column per kind (entity, event, quote).

Tab-separated, a header line ``# token	start	end	entity	event	quote``, then per document a
``#doc`` line holding a JSON object (id, title, the exact text, relations as
``[type, [start, end, label], [start, end, label]]``, and the attributes of the spans that
have some as ``[start, end, label, {...}]``; a span is named by its extent as written: a span
widened to whole tokens by its tokens' extent), one row per token and a blank line after
each sentence. Offsets are code points. Lossless for spans that do not overlap within a kind:
it imports back to the exact text, spans and relations. A file without ``#doc`` lines imports
too: the text is rebuilt from the tokens at their offsets (spaces between, a line break
between sentences).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Kind, LabelSet
from annotator.core.text import canonical_text
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport, ReaderWithNotes
from annotator.formats.decoding import read_text
from annotator.formats.jsonvalues import Fields, Where, ascii_int, load
from annotator.formats.standoff import (
    DocBuilder,
    attribute_rows,
    read_span_attributes,
    relation_ends,
    span_note,
    written_relations,
)
from annotator.formats.tagging import (
    check_options,
    decode,
    doc_name,
    parse_tag,
    prepare,
    token_table,
)

NAME = "conll-multi"
FILE = "conll-multi.tsv"
LAYERS = (Kind.ENTITY, Kind.EVENT, Kind.QUOTE)
HEADER = "# token\tstart\tend\t" + "\t".join(k.value for k in LAYERS) + "\n"
DOC_PREFIX = "#doc\t"
_ROW = "\t".join(["{}"] * (3 + len(LAYERS))) + "\n"  # token, start, end, a tag per layer
MAX_GAP = 10_000  # characters of white space rebuilt between two tokens (no #doc text)


def iter_chunks(
    docs: Iterable[AnnotatedDocument],
    labels: LabelSet,
    options: ExportOptions,
    report: ExportReport,
) -> Iterator[str]:
    docs, options = prepare(docs, options, report)
    yield HEADER
    for i, doc in enumerate(docs):
        where = doc_name(doc, i)
        table = token_table(doc, labels, LAYERS, options, report, where, scheme="iob2")
        report.documents += 1
        keys: dict[int, tuple[int, int, str]] = {}
        for kind in LAYERS:
            for span in table.kept[kind]:
                if span.id is not None:
                    keys[span.id] = (*table.extent[span.id], span.label)
        relations = [
            [rel.type, list(a), list(b)]
            for rel, a, b in written_relations(doc, keys, report, where)
        ]
        head: dict[str, Any] = {
            "id": doc.document.id,
            "title": doc.document.title,
            "text": doc.document.text,
            "relations": relations,
        }
        written = [
            (span, table.extent[span.id])
            for kind in LAYERS
            for span in table.kept[kind]
            if span.id is not None
        ]
        attributes = attribute_rows(written)
        report.not_expressed.extend(
            span_note(doc, span, where, "its attributes: a span without an id has no key")
            for kind in LAYERS
            for span in table.kept[kind]
            if span.id is None and span.attributes
        )
        if attributes:
            head["attributes"] = attributes
        yield f"{DOC_PREFIX}{json.dumps(head, ensure_ascii=False)}\n"
        text, starts, ends = doc.document.text, table.tokens.starts, table.tokens.ends
        columns = [table.tags[k] for k in LAYERS]
        for first, end in table.sentences:  # a sentence at a time, never a whole document
            a, b = starts[first:end], ends[first:end]
            words = map(text.__getitem__, map(slice, a, b))
            tags = [map(col.names.__getitem__, col.codes[first:end]) for col in columns]
            yield "".join(map(_ROW.format, words, a, b, *tags)) + "\n"


def dumps(
    docs: Iterable[AnnotatedDocument],
    labels: LabelSet,
    options: ExportOptions | None = None,
    report: ExportReport | None = None,
) -> str:
    options = options or ExportOptions()
    return "".join(iter_chunks(docs, labels, options, report or ExportReport(format=NAME)))


class ConllMultiWriter:
    name = NAME
    uses = frozenset({"tokens"})  # every layer, always IOB2

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        check_options(options)
        report.format = f"{NAME} (iob2, {options.tokens} tokens)"
        target = out_dir / FILE
        with AtomicFiles() as files:
            files.write_lines(target, iter_chunks(docs, labels, options, report))
            report.files.append(target)
            files.write_report(out_dir, report)


# --- import ---------------------------------------------------------------------------------


@dataclass
class _Row:
    token: str
    start: int
    end: int
    tags: list[str]
    line: int


@dataclass
class _Doc:
    head: dict[str, Any]
    line: int
    sentences: list[list[_Row]] = field(default_factory=list)


def _header(line: str, path: str, number: int) -> list[Kind]:
    fields = [f.strip() for f in line.lstrip("#").strip().split("\t")]
    if fields[:3] != ["token", "start", "end"] or len(fields) < 4:
        raise InputError(
            "the first line must be the header: # token, start, end and one column per layer "
            "(tab-separated)",
            path=path,
            line=number,
        )
    layers = []
    for name in fields[3:]:
        try:
            layers.append(Kind(name))
        except ValueError:
            known = ", ".join(k.value for k in Kind)
            raise InputError(
                f"unknown layer {name!r} (known: {known})", path=path, line=number
            ) from None
    return layers


def _parse(text: str, path: str) -> tuple[list[Kind], list[_Doc]]:
    layers: list[Kind] | None = None
    docs: list[_Doc] = []
    sent: list[_Row] = []

    def close_sentence() -> None:
        nonlocal sent
        if sent:
            if not docs:
                docs.append(_Doc({}, sent[0].line))
            docs[-1].sentences.append(sent)
            sent = []

    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            close_sentence()
            continue
        if layers is None:
            layers = _header(line, path, number)
            continue
        if line.startswith(DOC_PREFIX):
            close_sentence()
            head = load(line[len(DOC_PREFIX) :], Where(path, number))
            if not isinstance(head, dict):
                raise InputError("a #doc line must hold a JSON object", path=path, line=number)
            docs.append(_Doc(head, number))
            continue
        fields = line.split("\t")
        start, end = (ascii_int(f) for f in fields[1:3]) if len(fields) > 2 else (None, None)
        if len(fields) != 3 + len(layers) or start is None or end is None:
            if line.startswith("#"):
                continue  # a comment
            raise InputError(
                f"expected {3 + len(layers)} tab-separated columns: token, start, end, "
                f"{', '.join(k.value for k in layers)}",
                path=path,
                line=number,
            )
        for tag in fields[3:]:
            if parse_tag(tag) is None:
                raise InputError(f"{tag!r} is not a tag", path=path, line=number)
        row = _Row(fields[0], start, end, fields[3:], number)
        prev = sent[-1] if sent else _last_row(docs)
        if prev is not None and row.start < prev.end:
            if sent or (docs and docs[-1].head):
                raise InputError(
                    f"offsets go backwards ({row.start} after {prev.end})", path=path, line=number
                )
            docs.append(_Doc({}, number))  # offsets start again: a new document
        sent.append(row)
    close_sentence()
    if layers is None:
        raise InputError("empty file", path=path)
    return layers, docs


def _last_row(docs: list[_Doc]) -> _Row | None:
    if docs and docs[-1].sentences:
        return docs[-1].sentences[-1][-1]
    return None


def _rebuild(sentences: list[list[_Row]], path: str) -> str:
    parts: list[str] = []
    pos = 0
    for k, sent in enumerate(sentences):
        for n, row in enumerate(sent):
            if row.end - row.start != len(row.token):
                raise InputError(
                    f"token {row.token!r:.60} is not {row.end - row.start} characters long",
                    path=path,
                    line=row.line,
                )
            gap = row.start - pos
            if gap > MAX_GAP:
                raise InputError(
                    f"{gap:,} characters between two tokens (offset {pos} to {row.start}): "
                    f"more than {MAX_GAP:,} cannot be rebuilt as white space; give the text "
                    "in a #doc line",
                    path=path,
                    line=row.line,
                )
            if gap:
                parts.append("\n" + " " * (gap - 1) if k and not n else " " * gap)
            parts.append(row.token)
            pos = row.end
    return "".join(parts)


def _document(
    doc: _Doc, layers: list[Kind], labels: LabelSet, path: str, title: str
) -> AnnotatedDocument:
    head = Fields(doc.head, Where(path, doc.line), "#doc: ")
    text = head.string("text") if head.has("text") else _rebuild(doc.sentences, path)
    hints: dict[str, str] = {}  # label -> the kind of its column
    builder = DocBuilder(text, path, labels, hints=hints)
    for sent in doc.sentences:
        for row in sent:
            if text[row.start : row.end] != row.token:
                raise InputError(
                    f"token {row.token!r} is not the text at [{row.start}, {row.end})",
                    path=path,
                    line=row.line,
                )
        for col, kind in enumerate(layers):
            for first, end, label in decode([r.tags[col] for r in sent]):
                hints.setdefault(label, kind.value)
                a, b = sent[first].start, sent[end - 1].end
                builder.add_span(a, b, label, (a, b, label), line=sent[first].line)
    for rel in head.items("relations"):
        type_, source, target = relation_ends(rel, head)
        builder.add_relation(type_, source, target)
    read_span_attributes(builder, doc.head.get("attributes"), line=doc.line)
    return builder.build(head.string("title") or title, meta={"format": NAME}, line=doc.line)


def loads(
    text: str, labels: LabelSet, *, path: str = "<string>", title: str = NAME
) -> list[AnnotatedDocument]:
    """Documents of a conll-multi file. InputError (file, line) on bad input, nothing read."""
    layers, docs = _parse(canonical_text(text), path)
    if not docs:
        raise InputError("no tokens in this file", path=path)
    many = len(docs) > 1
    return [
        _document(d, layers, labels, path, f"{title} {n}" if many else title)
        for n, d in enumerate(docs, 1)
    ]


class ConllMultiReader(ReaderWithNotes):
    name = NAME
    extensions = (".tsv",)

    def sniff(self, path: Path, head: bytes) -> bool:
        first = head.decode("utf-8", "ignore").lstrip("\ufeff").split("\n", 1)[0]
        return first.lstrip("#").strip().split("\t")[:3] == ["token", "start", "end"]

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        decoded = read_text(path)
        docs = loads(decoded.text, labels, path=str(path), title=path.stem)
        return docs, list(decoded.notes)


WRITER = ConllMultiWriter()
READER = ConllMultiReader()
