"""The token layer of the token formats (conll, conll-multi, spacy): tokens, sentences, tags.

Export (docs/adr/0007-token-modes-and-schemes.md):

- the base tokens of a document are the tokens of the corpus it was imported from when it
  carries them (``meta["tokens"]``, see ``source_tokens``), otherwise ``core.tokens.tokenize``;
- the token mode (docs/adr/0043): ``whole`` keeps them and reports each span it widens;
  ``segment`` cuts off every proclitic the clitic analyser finds, labelled or not; ``span-edges``
  cuts wherever an exported span boundary falls inside a token and warns that the tokens then
  tell the labels (``token_tags.export_tokens`` via ``exported_tokens``, which every token
  format uses; ``prepare`` checks the options and finds the analyser);
- tags per layer come from ``token_tags.layer_tags`` (one tag per token: of overlapping spans the
  first in reading order is kept, the others are reported);
- sentences are ``core.tokens.sentence_token_ranges``, merged wherever a kept span would cross
  a sentence break, so no entity is cut by a blank line.

Import: ``parse_tag`` and ``decode`` read IOB1, IOB2, BIOES and BILOU leniently (an I- tag after
O starts an entity, as in IOB1); ``join_tokens`` rebuilds a text from tokens
(docs/adr/0008-conll-import.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.clitics import CliticAnalyser
from annotator.core.model import AnnotatedDocument, Kind, LabelSet, Span
from annotator.core.tokens import INVISIBLE_IN_WORD, Token, TokenList, sentence_token_ranges
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.token_tags import (
    SCHEMES,
    SEGMENT,
    SPAN_EDGES,
    SPAN_EDGES_WARNING,
    RememberingSplitter,
    Tags,
    describe,
    export_tokens,
    layer_tags,
    mode_error,
)

# Rebuilding text from tokens: no space before these, none after OPENING.
CLOSING = frozenset(".,،؛:؟!?)»]}…;%")
OPENING = frozenset("(«[{")
PREFIXES = frozenset("BIESLU")
_WS = re.compile(r"\S+")


def check_options(options: ExportOptions) -> None:
    if options.scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {options.scheme!r}; known: {', '.join(SCHEMES)}")
    problem = mode_error(options.tokens)
    if problem is not None:
        raise ValueError(problem)


def prepare(
    docs: Iterable[AnnotatedDocument], options: ExportOptions, report: ExportReport
) -> tuple[Iterable[AnnotatedDocument], ExportOptions]:
    """Check ``options`` and ready them for a token format's export of ``docs``.

    ``segment`` without an analyser: one is built from the documents themselves (their texts
    and span texts; the documents are then read into a list first). ``ops.exporting`` gives
    one built from the whole project, so the stream stays a stream. ``span-edges``: the
    report warns that the tokens tell the labels (once, however many files are written)."""
    check_options(options)
    if options.tokens == SEGMENT and options.clitics is None:
        docs = list(docs)
        options = replace(options, clitics=analyser_of(docs))
    if options.tokens == SEGMENT and not isinstance(options.clitics, RememberingSplitter):
        assert options.clitics is not None
        options = replace(options, clitics=RememberingSplitter(options.clitics))
    if options.tokens == SPAN_EDGES and SPAN_EDGES_WARNING not in report.warnings:
        report.warnings.append(SPAN_EDGES_WARNING)
    return docs, options


def analyser_of(docs: Sequence[AnnotatedDocument]) -> CliticAnalyser:
    """The clitic analyser over these documents: their tokens and the texts of their spans."""
    texts = {doc.document.text[s.start : s.end] for doc in docs for s in doc.spans}
    return CliticAnalyser.from_texts((doc.document.text for doc in docs), texts)


def exported_tokens(
    doc: AnnotatedDocument, spans: Iterable[Span], options: ExportOptions, report: ExportReport
) -> TokenList:
    """The tokens of one document in the mode of ``options``; proclitics cut off are counted."""
    base = document_tokens(doc)
    tokens = export_tokens(doc.document.text, spans, options.tokens, base, options.clitics)
    if options.tokens == SEGMENT:
        report.proclitics_split += len(tokens) - len(base)
    return tokens


# --- tokens ---------------------------------------------------------------------------------


def source_tokens(text: str, meta: Mapping[str, Any]) -> TokenList | None:
    """The corpus's own tokens kept at import (``meta["tokens"]``: ``[[start, end], ...]``).

    None when the document has none, or when they do not fit its text (ascending, disjoint,
    non-empty, inside the text, no white space inside a token).
    """
    raw = meta.get("tokens")
    if not isinstance(raw, list | tuple):
        return None
    pairs: list[tuple[int, int]] = []
    prev = 0
    for pair in raw:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            return None
        start, end = pair
        if not (isinstance(start, int) and isinstance(end, int) and prev <= start < end):
            return None
        if end > len(text):
            return None
        if any(c.isspace() for c in text[start:end]):
            return None
        pairs.append((start, end))
        prev = end
    return TokenList.from_pairs(text, pairs)


def document_tokens(doc: AnnotatedDocument) -> TokenList:
    """The base tokens of a document: its corpus tokens if it has them, else ours."""
    text = doc.document.text
    return source_tokens(text, doc.document.meta) or TokenList.of(text)


def token_pieces(token: str) -> list[tuple[int, int]]:
    """The non-space runs of a token read from a file (a tab-separated token may hold spaces)."""
    return [m.span() for m in _WS.finditer(token)]


def sentences(
    text: str, tokens: Sequence[Token], keep_together: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentence token ranges ``[first, last)``, merged so no range of ``keep_together`` is cut."""
    ranges = sentence_token_ranges(text, tokens)
    if not ranges:
        return ranges
    joined = bytearray(len(tokens) + 1)  # joined[i]: no sentence break allowed before token i
    for first, end in keep_together:
        for i in range(first + 1, end):
            joined[i] = 1
    out: list[tuple[int, int]] = []
    for first, end in ranges:
        if out and joined[first]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((first, end))
    return out


# --- tags for export ------------------------------------------------------------------------


@dataclass
class TokenTable:
    """One document cut into tokens and sentences, with one tag column per layer."""

    tokens: TokenList
    sentences: list[tuple[int, int]]
    tags: dict[Kind, Tags] = field(default_factory=dict)
    kept: dict[Kind, list[Span]] = field(default_factory=dict)
    extent: dict[int, tuple[int, int]] = field(default_factory=dict)  # span id -> as written


def doc_name(doc: AnnotatedDocument, index: int) -> str:
    """How reports name a document: its id, or its place in the export."""
    return f"doc {doc.document.id}" if doc.document.id is not None else f"doc #{index + 1}"


def spans_by_kind(
    doc: AnnotatedDocument,
    labels: LabelSet,
    kinds: Sequence[Kind],
    report: ExportReport,
    where: str,
) -> dict[Kind, list[Span]]:
    """The document's spans of each of ``kinds``; a span with an unknown label is reported."""
    out: dict[Kind, list[Span]] = {k: [] for k in kinds}
    text = doc.document.text
    for span in doc.spans:
        label = labels.get(span.label)
        if label is None:
            report.not_expressed.append(
                f"{where} {describe(text, span)}: its label is not in the label set"
            )
        elif label.kind in out:
            out[label.kind].append(span)
    return out


def token_table(
    doc: AnnotatedDocument,
    labels: LabelSet,
    kinds: Sequence[Kind],
    options: ExportOptions,
    report: ExportReport,
    where: str,
    *,
    scheme: str | None = None,
) -> TokenTable:
    """Tokens, sentences and tags of ``kinds`` for one document; losses go to ``report``.

    A span of invisible marks only (a direction mark, ZWSP, a soft hyphen) is left out and
    reported: the token column has no visible word for it, and readers drop such tokens."""
    text = doc.document.text
    by_kind = spans_by_kind(doc, labels, kinds, report, where)
    for kind, spans in by_kind.items():
        invisible = [s for s in spans if not text[s.start : s.end].strip(INVISIBLE_IN_WORD)]
        for span in invisible:
            report.not_expressed.append(
                f"{where} {describe(text, span)}: only invisible marks, no word of a token column"
            )
        if invisible:
            by_kind[kind] = [s for s in spans if s not in invisible]
    every = [s for spans in by_kind.values() for s in spans]
    tokens = exported_tokens(doc, every, options, report)
    table = TokenTable(tokens, [])
    together: list[tuple[int, int]] = []
    for kind in kinds:
        result = layer_tags(text, tokens, by_kind[kind], scheme or options.scheme, options.tokens)
        table.tags[kind] = result.tags
        table.kept[kind] = result.kept
        for span, a, b in result.widened:
            report.widened.append(f"{where} {describe(text, span)} widened to {text[a:b]!r}")
        for span, why in result.problems:
            report.not_expressed.append(f"{where} {describe(text, span)}: {why}")
        for span in result.kept:
            report.spans_per_label[span.label] += 1
        together.extend(result.ranges)  # in reading order, like result.kept
        for span, (a, b) in zip(result.kept, result.ranges, strict=True):
            if span.id is not None:
                table.extent[span.id] = (tokens[a].start, tokens[b - 1].end)
    table.sentences = sentences(text, tokens, together)
    if (scheme or options.scheme) == "iob1":
        _iob1_sentence_starts(table)
    return table


def _iob1_sentence_starts(table: TokenTable) -> None:
    """IOB1 puts B- only after an entity of the same label in the same sentence: one that
    starts a sentence is I- (seqeval in strict IOB1 mode drops a chunk that starts with B-)."""
    for first, _ in table.sentences:
        for tags in table.tags.values():
            if tags[first].startswith("B-"):
                tags[first] = "I-" + tags[first][2:]


# --- tags on import -------------------------------------------------------------------------


def parse_tag(tag: str) -> tuple[str, str] | None:
    """``("B", "PER")`` for ``B-PER``, ``("O", "")`` for ``O``; None for anything else."""
    if tag == "O":
        return "O", ""
    prefix, sep, label = tag.partition("-")
    if not sep or len(prefix) != 1 or prefix not in PREFIXES or not label or label.isspace():
        return None
    return prefix, label


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities ``(first, end, label)`` (token indices, end exclusive) in any of the schemes.

    Lenient like IOB1: an I-/E-/L- tag that does not continue an entity of its label starts
    one. B-/S-/U- always start one; E-/L-/S-/U- end it. Tags must be valid (``parse_tag``).
    """
    out: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate(tags):
        if tag == "O":
            if start >= 0:
                out.append((start, i, label))
                start = -1
            continue
        prefix, name = tag[0], tag[2:]
        if prefix in "BSU" or start < 0 or name != label:
            if start >= 0:
                out.append((start, i, label))
            start, label = i, name
        if prefix in "ESLU":
            out.append((start, i + 1, label))
            start = -1
    if start >= 0:
        out.append((start, len(tags), label))
    return out


def starts_with_inside(tags: Sequence[str]) -> int:
    """Index of the first I- tag that starts an entity (IOB1, or lenient IOB2); -1 if none."""
    prev = "O"
    for i, tag in enumerate(tags):
        if tag[0] == "I" and (prev == "O" or prev[2:] != tag[2:] or prev[0] in "ESLU"):
            return i
        prev = tag
    return -1


def detect_scheme(tags: Iterable[str]) -> str:
    """iob2, iob1 (an I- starts an entity somewhere), bioes or bilou, from the tags used."""
    seen = {t[0] for t in tags}
    if seen & {"L", "U"}:
        return "bilou"
    if seen & {"E", "S"}:
        return "bioes"
    return "iob2"


# --- text from tokens -----------------------------------------------------------------------


def join_tokens(sents: Sequence[Sequence[str]]) -> tuple[str, list[tuple[int, int]]]:
    """Text from sentences of tokens, and each token's ``(start, end)`` in it.

    Single spaces between tokens, none before closing punctuation (. , ، ؛ : ؟ ! ) » ...) and none
    after opening ( «; a line break between sentences.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for n, sent in enumerate(sents):
        if n:
            parts.append("\n")
            pos += 1
        prev = ""
        for k, tok in enumerate(sent):
            if k and tok not in CLOSING and prev not in OPENING:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            offsets.append((pos, pos + len(tok)))
            pos += len(tok)
            prev = tok
    return "".join(parts), offsets
