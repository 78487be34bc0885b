"""spaCy DocBin (``.spacy``), for ``spacy train``. Needs spaCy (the ``spacy`` extra).

Each document becomes a Doc whose text is exactly ours (``doc.text == text``, so character
offsets are the same): words are the export's tokens in the chosen token mode (docs/adr/0043:
``whole`` by default, ``segment``, or ``span-edges``), white space between them is the token's
trailing space or a white-space token. In ``whole`` and ``segment`` mode a span is written as
the tokens it touches (the report lists the spans so widened); in ``span-edges`` mode every span
boundary cuts a word, in white space too, so ``Doc.char_span(start, end)`` finds every span
exactly (and the report warns that the tokens then tell the labels). The entity layer goes to
``doc.ents`` (which cannot overlap: a span overlapping an earlier, longer one goes to
``doc.spans["entity_overlaps"]`` and the report says so), quotes to ``doc.spans["quote"]``,
events to ``doc.spans["event"]``. ``doc.user_data["annotator"]`` keeps the document id, title,
relations (``[type, [start, end, label], [start, end, label]]``) and the attributes of the
spans that have some (``[start, end, label, {...}]``). The vocabulary is
``spacy.blank("xx")``'s. Without spaCy installed, WRITER and READER are None (the registry then
lists no spacy format).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.util import find_spec
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Kind, LabelSet, Span, sorted_spans
from annotator.core.tokens import Token
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport
from annotator.formats.jsonvalues import Fields, Where, json_type
from annotator.formats.standoff import (
    DocBuilder,
    attribute_rows,
    count_spans,
    read_span_attributes,
    relation_ends,
    span_note,
    written_relations,
)
from annotator.formats.tagging import (
    check_options,
    doc_name,
    exported_tokens,
    prepare,
    spans_by_kind,
)
from annotator.formats.token_tags import SPAN_EDGES, describe, token_extent

NAME = "spacy"
FILE = "corpus.spacy"
OVERLAPS = "entity_overlaps"
USER_KEY = "annotator"
GROUPS = {Kind.EVENT: "event", Kind.QUOTE: "quote"}


AVAILABLE = find_spec("spacy") is not None  # spaCy is imported only when a DocBin is made
NEEDS = "spacy"  # the Python package (and the extra of this one) the format needs


@cache
def vocab() -> Any:
    import spacy

    return spacy.blank("xx").vocab


def words_and_spaces(
    text: str, tokens: Sequence[Token], cut_spans: Sequence[Span] = ()
) -> tuple[list[str], list[bool]]:
    """Words and trailing spaces that spell ``text`` exactly: ``tokens``, and the white space
    between them as trailing spaces or words of their own, cut at every edge of ``cut_spans``
    that falls in it (span-edges: a span that begins with a space is exact too)."""
    starts = {s.start for s in cut_spans}
    ends = {s.end for s in cut_spans}
    cuts = sorted(starts | ends)
    words: list[str] = []
    spaces: list[bool] = []
    after_token = False

    def gap(a: int, b: int) -> None:
        nonlocal after_token
        i = bisect_left(cuts, a + 1)
        points = [a]
        while i < len(cuts) and cuts[i] < b:
            points.append(cuts[i])
            i += 1
        points.append(b)
        for x, y in pairwise(points):
            if after_token and text[x] == " " and x not in starts and x + 1 not in ends:
                spaces[-1] = True
                x += 1
            after_token = False
            if x < y:
                words.append(text[x:y])
                spaces.append(False)

    pos = 0
    for tok in tokens:
        if tok.start > pos:
            gap(pos, tok.start)
        words.append(tok.text)
        spaces.append(False)
        after_token = True
        pos = tok.end
    if pos < len(text):
        gap(pos, len(text))
    return words, spaces


def written_extents(
    doc: AnnotatedDocument,
    spans: Sequence[Span],
    tokens: Sequence[Token],
    options: ExportOptions,
    report: ExportReport,
    where: str,
) -> list[tuple[Span, tuple[int, int]]]:
    """Each span with the extent it is written at: itself (span-edges: every edge is a word
    edge), or the tokens it touches (whole, segment: widened spans are reported). A span on
    no token is reported and left out."""
    if options.tokens == SPAN_EDGES:
        return [(s, (s.start, s.end)) for s in spans]
    text = doc.document.text
    out = []
    for span in spans:
        found = token_extent(tokens, span)
        if found is None:
            report.not_expressed.append(
                f"{where} {describe(text, span)}: it covers no token (only spaces or marks)"
            )
            continue
        a, b = found
        if a < span.start or b > span.end:
            report.widened.append(f"{where} {describe(text, span)} widened to {text[a:b]!r}")
        elif (a, b) != (span.start, span.end):
            report.not_expressed.append(
                f"{where} {describe(text, span)}: written as {text[a:b]!r} "
                "(its edges are not in any token)"
            )
        out.append((span, found))
    return out


def to_doc(
    doc: AnnotatedDocument,
    labels: LabelSet,
    report: ExportReport,
    where: str,
    options: ExportOptions | None = None,
) -> Any:
    """The spaCy Doc of one document; losses (entity overlaps, widened spans) go to
    ``report``. ``options.tokens``: the token mode (``segment`` needs ``options.clitics``)."""
    from spacy.tokens import Doc

    options = options or ExportOptions()
    text = doc.document.text
    by_kind = spans_by_kind(doc, labels, list(Kind), report, where)
    every = [s for spans in by_kind.values() for s in spans]
    tokens = exported_tokens(doc, every, options, report)
    words, spaces = words_and_spaces(text, tokens, every if options.tokens == SPAN_EDGES else ())
    sdoc = Doc(vocab(), words=words, spaces=spaces)
    if sdoc.text != text:  # never: the words spell the text
        raise AssertionError(f"{where}: spaCy text differs from the document text")
    written = {
        kind: written_extents(doc, sorted_spans(spans), tokens, options, report, where)
        for kind, spans in by_kind.items()
    }

    def char_span(span: Span, a: int, b: int) -> Any:
        found = sdoc.char_span(a, b, label=span.label)
        if found is None:  # never: every extent written is made of words
            raise AssertionError(f"{where}: no spaCy span for {span}")
        return found

    ents, overlaps = [], []
    end = -1
    for span, (a, b) in sorted(written[Kind.ENTITY], key=lambda w: (w[1][0], -w[1][1])):
        if a >= end:
            ents.append(char_span(span, a, b))
            end = b
        else:
            overlaps.append(char_span(span, a, b))
            report.not_expressed.append(
                span_note(
                    doc,
                    span,
                    where,
                    f"it overlaps an earlier entity: in doc.spans[{OVERLAPS!r}], not in doc.ents",
                )
            )
    sdoc.ents = ents
    if overlaps:
        sdoc.spans[OVERLAPS] = overlaps
    for kind, key in GROUPS.items():
        sdoc.spans[key] = [char_span(s, a, b) for s, (a, b) in written[kind]]
    every_written = [w for kind in by_kind for w in written[kind]]
    count_spans(report, (s for s, _ in every_written))
    keys = {s.id: (a, b, s.label) for s, (a, b) in every_written if s.id is not None}
    relations = [
        [r.type, list(a), list(b)] for r, a, b in written_relations(doc, keys, report, where)
    ]
    sdoc.user_data[USER_KEY] = {
        "id": doc.document.id,
        "title": doc.document.title,
        "offset_unit": "codepoint",
        "relations": relations,
    }
    attributes = attribute_rows(every_written)
    if attributes:
        sdoc.user_data[USER_KEY]["attributes"] = attributes
    return sdoc


def dumps(
    docs: Iterable[AnnotatedDocument],
    labels: LabelSet,
    report: ExportReport | None = None,
    options: ExportOptions | None = None,
) -> bytes:
    from spacy.tokens import DocBin

    report = report or ExportReport(format=NAME)
    docs, options = prepare(docs, options or ExportOptions(), report)
    docbin = DocBin(store_user_data=True)
    for i, doc in enumerate(docs):
        docbin.add(to_doc(doc, labels, report, doc_name(doc, i), options))
        report.documents += 1
    return bytes(docbin.to_bytes())


class SpacyWriter:
    name = NAME
    uses = frozenset({"tokens"})

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        check_options(options)
        report.format = f"{NAME} (DocBin, {options.tokens} tokens)"
        target = out_dir / FILE
        with AtomicFiles() as files:
            files.write_bytes(target, dumps(docs, labels, report, options))
            report.files.append(target)
            files.write_report(out_dir, report)


# --- import ---------------------------------------------------------------------------------


def loads(
    data: bytes, labels: LabelSet, *, path: str = "<bytes>", title: str = NAME
) -> list[AnnotatedDocument]:
    from spacy.tokens import DocBin

    try:
        sdocs = list(DocBin().from_bytes(data).get_docs(vocab()))
    except Exception as exc:  # spaCy raises ValueError, msgpack/zlib errors...
        raise InputError(f"not a spaCy DocBin: {exc}", path=path) from exc
    out = []
    for n, sdoc in enumerate(sdocs, 1):
        user = sdoc.user_data.get(USER_KEY) if isinstance(sdoc.user_data, dict) else None
        if user is not None and not isinstance(user, dict):
            raise InputError(
                f"document {n}: user_data[{USER_KEY!r}] must be an object, not {json_type(user)}",
                path=path,
            )
        info = Fields(_lists(user or {}), Where(path), f"document {n}: user_data[{USER_KEY!r}]: ")
        hints: dict[str, str] = {}
        builder = DocBuilder(sdoc.text, path, labels, hints=hints)
        groups: list[tuple[str, Iterable[Any]]] = [(Kind.ENTITY.value, sdoc.ents)]
        for key in sdoc.spans:
            groups.append((Kind.ENTITY.value if key == OVERLAPS else key, sdoc.spans[key]))
        for kind, spans in groups:
            for s in spans:
                hints.setdefault(s.label_, kind)
                builder.add_span(
                    s.start_char, s.end_char, s.label_, (s.start_char, s.end_char, s.label_)
                )
        for rel in info.items("relations"):
            builder.add_relation(*relation_ends(rel, info))
        read_span_attributes(builder, info.obj.get("attributes"), where=f"document {n}")
        meta: dict[str, Any] = {"format": NAME}
        out.append(builder.build(info.string("title") or f"{title} {n}", meta=meta))
    return out


def _lists(value: Any) -> Any:
    """``value`` with msgpack's tuples turned back into the JSON lists they were."""
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


class SpacyReader:
    name = NAME
    extensions = (".spacy",)

    def sniff(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() == ".spacy"

    def read(self, path: Path, labels: LabelSet) -> list[AnnotatedDocument]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(
                f"cannot read the file: {exc.strerror or exc}", path=str(path)
            ) from None
        return loads(data, labels, path=str(path), title=path.stem)


WRITER = SpacyWriter() if AVAILABLE else None  # no spaCy: the registry knows no "spacy" format
READER = SpacyReader() if AVAILABLE else None
