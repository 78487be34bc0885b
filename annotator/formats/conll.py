"""CoNLL-2003 (``token _ _ TAG``), one layer per file; and real-world CoNLL on import.

Export: a ``-DOCSTART- -X- O O`` line and a blank line per document (the only document separator
spaCy's ``spacy convert`` recognises), a blank line after every sentence, IOB2 by default.
Import: ANERcorp style (no blank lines, ``TOKEN TAG``), 2 to 4 columns, tab or space separated,
BOM, CRLF, direction marks on tokens, IOB1/IOB2/BIOES/BILOU. See docs/adr/0008-conll-import.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Document, Kind, LabelSet, Span
from annotator.core.text import canonical_text, text_sha256
from annotator.core.tokens import CLOSERS, INVISIBLE_IN_WORD, token_form, token_offsets
from annotator.formats.base import (
    AtomicFiles,
    ExportOptions,
    ExportReport,
    ReaderWithNotes,
    RenderedWriter,
)
from annotator.formats.decoding import read_text
from annotator.formats.standoff import check_new_label, new_labels
from annotator.formats.tagging import (
    check_options,
    decode,
    doc_name,
    join_tokens,
    parse_tag,
    prepare,
    starts_with_inside,
    token_pieces,
    token_table,
)

NAME = "conll"
DOCSTART = "-DOCSTART- -X- O O"
SENTENCES_PER_DOCUMENT = 50  # a file without -DOCSTART- is cut into documents of this size
SENTENCE_END = frozenset(".·؟!?…")
_FIELDS = re.compile(r"[ \t]+")
_TAG = re.compile(r"(?:O|[BIESLU]-\S+)$")
# Extensions that only CoNLL uses: such a file is read as CoNLL, so a bad line is named.
OWN_EXTENSIONS = (".conll", ".conll03", ".iob", ".iob2", ".bio", ".ner")


# --- export ---------------------------------------------------------------------------------


def _word(token_text: str) -> str:
    return token_form(token_text) or token_text


def iter_chunks(
    docs: Iterable[AnnotatedDocument],
    labels: LabelSet,
    options: ExportOptions,
    report: ExportReport,
) -> Iterator[str]:
    """The file, one sentence at a time (a document's lines are never held together)."""
    docs, options = prepare(docs, options, report)
    other_layers = report.other_layers  # spans of the kinds this file does not hold
    for i, doc in enumerate(docs):
        where = doc_name(doc, i)
        for span in doc.spans:
            label = labels.get(span.label)
            if label is not None and label.kind != options.layer:
                other_layers[label.kind.value] += 1
        table = token_table(doc, labels, [options.layer], options, report, where)
        report.documents += 1
        if doc.relations:
            report.not_expressed.append(
                f"{where}: {len(doc.relations)} relation(s): CoNLL has no place for relations"
            )
        with_attributes = [s for s in table.kept[options.layer] if s.attributes]
        if with_attributes:
            names = sorted({name for s in with_attributes for name in s.attributes})
            report.not_expressed.append(
                f"{where}: the attributes ({', '.join(names)}) of {len(with_attributes)} "
                "span(s): CoNLL has no place for attributes"
            )
        names, codes = table.tags[options.layer].names, table.tags[options.layer].codes
        text, starts, ends = doc.document.text, table.tokens.starts, table.tokens.ends
        # the token column is the word: a soft hyphen, ZWSP or RLM inside it is left out; a
        # token of marks only (span-edges cut after an LRM) is written as it is, never empty
        form = _word if any(ch in text for ch in INVISIBLE_IN_WORD) else str
        columns = [f" _ _ {name}\n" for name in names]  # what follows the token, by tag
        yield f"{DOCSTART}\n\n"
        for first, end in table.sentences:  # a sentence at a time: nothing of the size of a text
            words = map(text.__getitem__, map(slice, starts[first:end], ends[first:end]))
            if form is not str:
                words = map(form, words)
            lines = map(str.__add__, words, map(columns.__getitem__, codes[first:end]))
            yield "".join(lines) + "\n"


def name_other_layers(options: ExportOptions, report: ExportReport) -> None:
    """Once the last document is written: the spans of the layers this file does not hold,
    counted by kind (``report.other_layers``), as lines of what was not expressed."""
    for kind, n in sorted(report.other_layers.items()):
        report.not_expressed.append(
            f"{n} {kind} span(s): this file holds the {options.layer.value} layer only"
            f" (export with --layer {kind} for them)"
        )
    report.other_layers.clear()


def dumps(
    docs: Iterable[AnnotatedDocument],
    labels: LabelSet,
    options: ExportOptions | None = None,
    report: ExportReport | None = None,
) -> str:
    options = options or ExportOptions()
    report = report or ExportReport(format=NAME)
    text = "".join(iter_chunks(docs, labels, options, report))
    name_other_layers(options, report)
    return text


def file_name(options: ExportOptions) -> str:
    return f"{options.layer.value}.conll"


class ConllWriter(RenderedWriter):
    name = NAME
    uses = frozenset({"layer", "scheme", "tokens"})

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
        check_options(options)
        report.format = (
            f"{NAME} ({options.layer.value} layer, {options.scheme}, {options.tokens} tokens)"
        )
        target = out_dir / file_name(options)
        with AtomicFiles() as files:
            files.write_lines(target, chunks)
            name_other_layers(options, report)
            report.files.append(target)
            files.write_report(out_dir, report)


# --- import ---------------------------------------------------------------------------------


@dataclass
class _Row:
    token: str
    tag: str
    line: int
    marks: int = 0  # direction marks removed from the token


@dataclass
class _Parsed:
    docs: list[list[list[_Row]]] = field(default_factory=list)  # documents > sentences > rows
    docstart: bool = False
    blank_breaks: bool = False
    marks: int = 0
    mark_only: list[int] = field(default_factory=list)
    empty_tokens: list[int] = field(default_factory=list)
    odd_columns: list[int] = field(default_factory=list)
    columns: int = 0


def _parse(text: str, path: str) -> _Parsed:
    parsed = _Parsed()
    doc: list[list[_Row]] = []
    sent: list[_Row] = []
    after_blank = False
    valid: set[str] = set()  # tags already checked
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip(" \t")
        if not stripped:
            if sent:
                doc.append(sent)
                sent = []
                after_blank = True
            continue
        if "\t" in stripped:
            fields = [f.strip(" ") for f in stripped.split("\t")]
        else:
            fields = stripped.split(" ")
            if "" in fields:  # several spaces in a row
                fields = [f for f in fields if f]
        if fields[0] == "-DOCSTART-":
            if sent:
                doc.append(sent)
                sent = []
            if doc:
                parsed.docs.append(doc)
                doc = []
            parsed.docstart = True
            after_blank = False
            continue
        if len(fields) == 1 and line[:1] in (" ", "\t") and parse_tag(fields[0]) is not None:
            parsed.empty_tokens.append(number)  # " O": a tag after an empty token
            continue
        if len(fields) < 2 or not fields[-1]:
            raise InputError(
                f"a token with no tag: {stripped!r} (expected TOKEN ... TAG)",
                path=path,
                line=number,
            )
        token, tag = fields[0], fields[-1]
        tag_marks = 0
        if tag not in valid:
            if "\u200e" in tag or "\u200f" in tag:
                tag_marks = len(tag)
                tag = tag.replace("\u200e", "").replace("\u200f", "")
                tag_marks -= len(tag)
                parsed.marks += tag_marks
            if parse_tag(tag) is None:
                raise InputError(
                    f"{tag!r} is not a tag: expected O, or B-, I-, E-, S-, L-, U- and a label",
                    path=path,
                    line=number,
                )
            if not tag_marks:
                valid.add(tag)
        if not parsed.columns:
            parsed.columns = len(fields)
        elif len(fields) != parsed.columns:
            parsed.odd_columns.append(number)
        # marks in the columns between token and tag go with those columns: counted too
        middle = sum(f.count("\u200e") + f.count("\u200f") for f in fields[1:-1])
        parsed.marks += middle
        tag_marks += middle
        clean = token
        if "\u200e" in token or "\u200f" in token:
            clean = token.replace("\u200e", "").replace("\u200f", "")
            parsed.marks += len(token) - len(clean)
            if not clean.strip():
                parsed.mark_only.append(number)
                continue
        sent.append(_Row(clean, tag, number, len(token) - len(clean) + tag_marks))
        parsed.blank_breaks = parsed.blank_breaks or after_blank  # a blank line between rows
        after_blank = False
    if sent:
        doc.append(sent)
    if doc:
        parsed.docs.append(doc)
    return parsed


def _split_sentences(rows: list[_Row]) -> list[list[_Row]]:
    """Sentences of a file without blank lines: each ends at . · ؟ ! ? … tagged O."""
    out: list[list[_Row]] = []
    sent: list[_Row] = []
    for i, row in enumerate(rows):
        sent.append(row)
        nxt = rows[i + 1].token if i + 1 < len(rows) else ""
        if (
            row.token in SENTENCE_END
            and row.tag == "O"
            and nxt
            and nxt not in SENTENCE_END
            and nxt not in CLOSERS
        ):
            out.append(sent)
            sent = []
    if sent:
        out.append(sent)
    return out


def _document(
    sents: list[list[_Row]], labels: LabelSet, title: str, path: str
) -> AnnotatedDocument:
    text, offsets = join_tokens([[r.token for r in s] for s in sents])
    spans: list[Span] = []
    kinds: dict[str, str] = {}
    k = 0
    for sent in sents:
        for first, end, label in decode([r.tag for r in sent]):
            if label not in kinds:
                check_new_label(label, labels, path, sent[first].line)
                known = labels.get(label)
                kinds[label] = (known.kind if known else Kind.ENTITY).value
            start, stop = offsets[k + first][0], offsets[k + end - 1][1]
            spans.append(Span(len(spans) + 1, 0, start, stop, label))
        k += len(sent)
    pieces: list[tuple[int, int]] = []
    for (start, end), row in zip(offsets, (r for s in sents for r in s), strict=True):
        if " " in row.token or not row.token.isprintable():  # white space inside (a tab file)
            pieces.extend((start + a, start + b) for a, b in token_pieces(row.token))
        else:
            pieces.append((start, end))
    meta: dict[str, object] = {"format": NAME, "labels": kinds}
    meta["lines"] = [sents[0][0].line, sents[-1][-1].line]
    if token_offsets(text) != pieces:  # the corpus's tokens are not ours: keep them
        meta["tokens"] = [list(p) for p in pieces]
    marks = sum(r.marks for s in sents for r in s)
    if marks:
        meta["direction_marks_removed"] = marks
    source = Path(path).name
    document = Document(None, title, text, text_sha256(text), source=source, meta=meta)
    return AnnotatedDocument(document, tuple(spans), new_labels=new_labels(kinds, labels))


def loads(
    text: str, labels: LabelSet, *, path: str = "<string>", title: str = "conll"
) -> tuple[list[AnnotatedDocument], list[str]]:
    """Documents from CoNLL text, and notes for the import report. InputError on bad input."""
    parsed = _parse(canonical_text(text), path)
    notes: list[str] = []
    groups: list[list[list[_Row]]] = []
    if not parsed.blank_breaks:
        notes.append("no blank lines between sentences: a sentence ends at . · ؟ ! ? … tagged O")
        parsed.docs = [_split_sentences([r for s in d for r in s]) for d in parsed.docs]
    if parsed.docstart:
        groups = parsed.docs
    else:
        sents = [s for d in parsed.docs for s in d]
        step = SENTENCES_PER_DOCUMENT
        groups = [sents[i : i + step] for i in range(0, len(sents), step)]
        if len(groups) > 1:
            notes.append(
                f"no -DOCSTART- lines: {len(sents)} sentences cut into {len(groups)} documents "
                f"of {step} sentences"
            )
    if not groups:
        raise InputError("no tokens in this file", path=path)
    inside = -1
    for group in groups:
        for sent in group:
            i = starts_with_inside([r.tag for r in sent])
            if i >= 0 and inside < 0:
                inside = sent[i].line
    if inside >= 0:
        notes.append(f"tags read as IOB1 (an I- tag starts an entity at line {inside})")
    if parsed.marks:
        notes.append(
            f"{parsed.marks} direction marks (U+200E, U+200F) removed from tokens and tags"
        )
    if parsed.mark_only:
        notes.append(
            f"{len(parsed.mark_only)} tokens made only of direction marks dropped "
            f"(first at line {parsed.mark_only[0]})"
        )
    if parsed.empty_tokens:
        notes.append(
            f"{len(parsed.empty_tokens)} lines with a tag but an empty token dropped "
            f"(first at line {parsed.empty_tokens[0]})"
        )
    if parsed.odd_columns:
        notes.append(
            f"{len(parsed.odd_columns)} lines do not have {parsed.columns} columns (first at line "
            f"{parsed.odd_columns[0]}): token from the first column, tag from the last"
        )
    docs = []
    for n, group in enumerate(groups, 1):
        name = f"{title} {n}" if len(groups) > 1 else title
        docs.append(_document(group, labels, name, path))
    return docs, notes


def read_with_notes(path: Path, labels: LabelSet) -> tuple[list[AnnotatedDocument], list[str]]:
    """Documents of a CoNLL file and the notes for the import report."""
    return loads(read_text(path).text, labels, path=str(path), title=path.stem)


def looks_like_conll(head: bytes) -> bool:
    """The first lines are ``TOKEN ... TAG`` (or -DOCSTART-), the tag a valid one.

    Direction marks are ignored (ANERcorp has them on tokens and tags), and one line in ten may
    be wrong (at least one), so that a CoNLL file with a bad line is read as CoNLL and refused
    with that line's number, not imported as plain text.
    """
    text = head.decode("utf-8", "ignore").lstrip("\ufeff")
    text = text.replace("\u200e", "").replace("\u200f", "")  # far faster than str.translate
    lines = text.splitlines()[:30]
    lines = [ln.strip(" \t") for ln in lines[:-1] if ln.strip(" \t")]  # the last may be cut
    good = bad = 0
    allowed = max(1, len(lines) // 10)
    for line in lines:
        # only the last field matters: rsplit once (a prose line is long, a full split is not cheap)
        fields = line.rsplit("\t", 1) if "\t" in line else line.rsplit(None, 1)
        if line.startswith("-DOCSTART-") or (len(fields) >= 2 and _TAG.match(fields[-1])):
            good += 1
        elif len(fields) == 1 and _TAG.match(fields[0]):
            continue  # " O": a tag after an empty token (ANERcorp has some)
        else:
            bad += 1
            if bad > allowed:
                return False
    return good >= 1 and good > bad


class ConllReader(ReaderWithNotes):
    name = NAME
    extensions = (*OWN_EXTENSIONS, ".txt")

    def sniff(self, path: Path, head: bytes) -> bool:
        if not path.is_file():
            return False
        return path.suffix.lower() in OWN_EXTENSIONS or looks_like_conll(head)

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        return read_with_notes(path, labels)


WRITER = ConllWriter()
READER = ConllReader()
