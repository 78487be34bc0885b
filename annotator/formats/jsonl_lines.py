"""One document's JSONL line, written in pieces (docs/adr/0006 for the layout, 0023 for why).

The line is exactly ``json.dumps(record, ensure_ascii=False)`` of the record the layout
describes, but never built whole: the text goes out in slices, tokens, offsets and tags in
batches encoded by the C JSON encoder, the tokens are a TokenList (two arrays of offsets) and
each tag layer 2 bytes a token. A 100 MB article took 5.4 GB as one record dict and one string.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

from annotator.core.model import (
    OFFSET_UNIT,
    AnnotatedDocument,
    Kind,
    LabelSet,
    Span,
    StoredAnnotatedDocument,
    sorted_spans,
)
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.tagging import exported_tokens
from annotator.formats.token_tags import (
    TAG_FIELDS,
    LayerTags,
    describe,
    layer_tags,
    tag_names,
)

TEXT_SLICE = 1 << 20  # characters of the text encoded at a time
BATCH = 10_000  # tokens, offsets, tags or spans encoded at a time
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _dumps(value: object) -> str:
    return _encode(value)


def _items(batches: Iterable[Sequence[Any]]) -> Iterator[str]:
    """A JSON list given in batches: the pieces of ``json.dumps(list)``, the same bytes."""
    yield "["
    first = True
    for batch in batches:
        if batch:
            encoded = _encode(list(batch))
            yield encoded[1:-1] if first else ", " + encoded[1:-1]
            first = False
    yield "]"


def _joined(batches: Iterable[Iterable[str]]) -> Iterator[str]:
    """A JSON list of values already encoded, given in batches: the pieces of ``_items``."""
    yield "["
    first = True
    for batch in batches:
        encoded = ", ".join(batch)
        if encoded:
            yield encoded if first else ", " + encoded
            first = False
    yield "]"


def _batched(items: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _string(text: str) -> Iterator[str]:
    """A JSON string in slices: escaping is per character, so slices encode alike."""
    if len(text) <= TEXT_SLICE:
        yield _encode(text)
        return
    yield '"'
    for i in range(0, len(text), TEXT_SLICE):
        yield _encode(text[i : i + TEXT_SLICE])[1:-1]
    yield '"'


def record_chunks(
    doc: AnnotatedDocument, labels: LabelSet, options: ExportOptions, report: ExportReport
) -> Iterator[str]:
    """The pieces of one document's line (newline included); records losses in ``report``.

    The report is filled before the first piece is given, as when the line was built whole.
    """
    d = doc.document
    text = d.text
    spans = sorted_spans(doc.spans)
    kinds = {s.label: kind_of(s, labels) for s in spans}
    tokens = exported_tokens(doc, spans, options, report)
    where = f"document {d.id}" if d.id is not None else f"document {d.title!r}"
    for span in spans:
        if kinds[span.label] is None:
            report.not_expressed.append(
                f"{where}: {describe(text, span)}: label unknown to the project, in no tag list"
            )
    layers: list[tuple[str, LayerTags, list[int]]] = []
    for kind, field in TAG_FIELDS.items():
        index = _tag_numbers(labels, kind, options.scheme)
        layer = layer_tags(
            text,
            tokens,
            [s for s in spans if kinds[s.label] == kind],
            options.scheme,
            options.tokens,
        )
        layers.append((field, layer, [index[name] for name in layer.tags.names]))
        for span, a, b in layer.widened:
            report.widened.append(f"{where}: {describe(text, span)} -> {text[a:b]!r}")
        for span, why in layer.problems:
            report.not_expressed.append(f"{where}: {describe(text, span)} not in {field}: {why}")
    report.documents += 1
    report.spans_per_label.update(s.label for s in spans)

    yield f'{{"id": {_dumps(d.id)}, "title": {_dumps(d.title)}, "text": '
    yield from _string(text)
    yield (
        f', "offset_unit": {_dumps(OFFSET_UNIT)}, "source": {_dumps(d.source)}, "url": '
        f'{_dumps(d.url)}, "published": {_dumps(d.published)}, "status": '
        f'{_dumps(doc.status.value)}, "meta": {_dumps(dict(d.meta))}, "spans": '
    )
    yield from _items(
        [span_record(s, text, kinds[s.label]) for s in batch] for batch in _batched(spans, 1000)
    )
    relations = [
        {
            "id": r.id,
            "type": r.type,
            "from": r.source_id,
            "to": r.target_id,
            "annotator": r.annotator,
        }
        for r in doc.relations
    ]
    yield f', "relations": {_dumps(relations)}'
    if options.with_suggestions and isinstance(doc, StoredAnnotatedDocument):
        yield from suggestion_chunks(doc, labels)
    yield ', "tokens": '
    starts, ends = tokens.starts, tokens.ends
    yield from _items(
        list(map(text.__getitem__, map(slice, starts[i : i + BATCH], ends[i : i + BATCH])))
        for i in range(0, len(starts), BATCH)
    )
    yield ', "token_offsets": '
    yield from _joined(
        map("[{}, {}]".format, starts[i : i + BATCH], ends[i : i + BATCH])
        for i in range(0, len(starts), BATCH)
    )
    for field, layer, numbers in layers:
        codes = layer.tags.codes
        yield f", {_dumps(field)}: "
        if not layer.kept:  # every tag O, which is 0 in every list
            yield from _joined(
                ["0, " * (min(BATCH, len(codes) - i) - 1) + "0"]
                for i in range(0, len(codes), BATCH)
            )
            continue
        shown = [str(n) for n in numbers]  # an int's JSON is its str
        yield from _joined(
            map(shown.__getitem__, codes[i : i + BATCH]) for i in range(0, len(codes), BATCH)
        )
    yield "}\n"


def suggestion_chunks(doc: StoredAnnotatedDocument, labels: LabelSet) -> Iterator[str]:
    """``, "suggestions": [...], "suggested_relations": [...]`` of a document (every state;
    relation ends by offsets, since either end may be a span or a suggestion)."""
    text = doc.document.text
    records = []
    for s in doc.suggestions:
        label = labels.get(s.label)
        records.append(
            {
                "id": s.id,
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "kind": label.kind.value if label is not None else "",
                "text": text[s.start : s.end],
                "recommender": s.recommender,
                "score": s.score,
                "state": s.state.value,
            }
        )
    yield ', "suggestions": '
    yield from _items(_batched(records, 1000))
    relations = [
        {
            "type": k.type,
            "from": {"start": k.source[0], "end": k.source[1]},
            "to": {"start": k.target[0], "end": k.target[1]},
            "recommender": k.recommender,
            "score": k.score,
        }
        for k in doc.suggested_links
    ]
    yield f', "suggested_relations": {_dumps(relations)}'


@lru_cache(maxsize=16)
def _tag_numbers(labels: LabelSet, kind: Kind, scheme: str) -> dict[str, int]:
    """Tag name -> its number in the layer's list (labels.json), for every document alike."""
    return {name: i for i, name in enumerate(tag_names(labels, kind, scheme))}


def kind_of(span: Span, labels: LabelSet) -> Kind | None:
    label = labels.get(span.label)
    return label.kind if label is not None else None


def span_record(span: Span, text: str, kind: Kind | None) -> dict[str, object]:
    return {
        "id": span.id,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "kind": kind.value if kind is not None else "",
        "text": text[span.start : span.end],
        "annotator": span.annotator,
        "attributes": dict(span.attributes),
    }
