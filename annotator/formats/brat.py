"""brat standoff: a ``.txt`` and an ``.ann`` per document, and ``annotation.conf``.

brat's offsets are character offsets into the ``.txt`` as its (Python) server reads it: code
points, like ours, so the ``.txt`` is the document's exact text and the offsets are ours. (brat's
web client counts UTF-16 units and misplaces annotations after an emoji, nlplab/brat#1115; on
import, an ``.ann`` whose offsets only fit as UTF-16 units is converted, and the import says so.)

``T`` lines for spans (a span holding a line break becomes fragments ``s e;s e``, as brat
writes them), ``R`` lines for relations (``R1\tspeaker Arg1:T3 Arg2:T1``: the quote, then the
speaker). A span's attributes: a string without white space as an ``A`` line (``A1\tkind T3
nominal``, brat's multi-valued attribute), every other value (numbers, booleans, lists, text
with spaces) in one ``#`` AnnotatorNotes line holding them as a JSON object. On import ``A``
lines come back as attributes (a binary ``A`` line as ``true``), a JSON note is merged in, and
any other note becomes the attribute ``note``. ``annotation.conf`` lists every label as an
entity type, its kind in a comment, the relations and the attributes with their values;
``<OVERLAP>`` allows spans of different kinds to nest. Type names escape brat's reserved
characters (``formats/brat_conf.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Kind, LabelSet, Relation, Span
from annotator.core.speakers import describe, link_problem
from annotator.core.text import canonical_text
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport, ReaderWithNotes
from annotator.formats.brat_conf import CONF, NO_CONF, ConfInfo, dumps_conf, escape, read_conf
from annotator.formats.decoding import decode_bytes, decode_utf8
from annotator.formats.jsonvalues import ascii_int
from annotator.formats.standoff import (
    KINDS,
    DocBuilder,
    count_spans,
    span_note,
    utf16_to_codepoints,
    written_relations,
)
from annotator.formats.tagging import doc_name

NAME = "brat"
NOTE = "note"  # the attribute a brat note that is not our JSON becomes
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def file_stem(doc: AnnotatedDocument, index: int) -> str:
    return f"doc-{doc.document.id if doc.document.id is not None else index + 1:06d}"


def dumps_ann(
    doc: AnnotatedDocument,
    report: ExportReport,
    where: str,
    attribute_values: dict[str, set[str]] | None = None,
    labels: LabelSet | None = None,
) -> str:
    """The ``.ann`` of one document; ``attribute_values`` collects the values of the ``A`` lines
    written (name -> values), for ``annotation.conf``. With ``labels`` (the export's), a speaker
    relation that breaks the speaker rule is not written (the conf written with those labels
    forbids it) and the report says so."""
    text = doc.document.text
    lines: list[str] = []
    extra: list[str] = []  # A and # lines, after the T and R lines
    counts = [0, 0]  # A lines, # lines
    keys: dict[int, str] = {}
    written: list[Span] = []
    for span in sorted(doc.spans, key=lambda s: (s.start, -s.end, s.label)):
        fragments = _fragments(text, span.start, span.end)
        if not fragments:
            report.not_expressed.append(span_note(doc, span, where, "it holds only line breaks"))
            continue
        if (fragments[0][0], fragments[-1][1]) != (span.start, span.end):
            a, b = fragments[0][0], fragments[-1][1]
            report.not_expressed.append(
                span_note(
                    doc,
                    span,
                    where,
                    f"written as [{a}, {b}): a brat span cannot begin or end with a line break",
                )
            )
        tid = f"T{len(written) + 1}"
        where_ = ";".join(f"{a} {b}" for a, b in fragments)
        shown = " ".join(text[a:b] for a, b in fragments)
        lines.append(f"{tid}\t{escape(span.label)} {where_}\t{shown}")
        extra.extend(_attribute_lines(span, tid, counts, attribute_values))
        if span.id is not None:
            keys[span.id] = tid
        written.append(span)
    count_spans(report, written)
    n = 0
    for rel, arg1, arg2 in written_relations(doc, keys, report, where):
        problem = None if labels is None else _forbidden(doc, rel, labels)
        if problem is not None:
            report.not_expressed.append(
                f"{where} relation {rel.id} {rel.type} (span {rel.source_id} -> span "
                f"{rel.target_id}): not written, annotation.conf forbids it: {problem}"
            )
            continue
        n += 1
        lines.append(f"R{n}\t{escape(rel.type)} Arg1:{arg1} Arg2:{arg2}")
    return "".join(line + "\n" for line in lines + extra)


def _forbidden(doc: AnnotatedDocument, rel: Relation, labels: LabelSet) -> str | None:
    """Why ``annotation.conf`` forbids ``rel`` (the speaker rule, in English), or None."""
    by_id = {span.id: span.label for span in doc.spans}
    source, target = by_id.get(rel.source_id, ""), by_id.get(rel.target_id, "")
    problem = link_problem(rel.type, labels.get(source), labels.get(target))
    return None if problem is None else describe(problem, source, target, labels.speakers)


def _attribute_lines(
    span: Span, tid: str, counts: list[int], values: dict[str, set[str]] | None
) -> list[str]:
    """``A`` lines for the string attributes without white space, one ``#`` note with the
    others as JSON. ``counts``: the A and # lines written so far (their numbers follow)."""
    lines: list[str] = []
    rest: dict[str, Any] = {}
    for name, value in span.attributes.items():
        if name and isinstance(value, str) and value and not any(c.isspace() for c in value):
            counts[0] += 1
            lines.append(f"A{counts[0]}\t{escape(name)} {tid} {escape(value)}")
            if values is not None:
                values.setdefault(name, set()).add(value)
        else:
            rest[name] = value
    if rest:
        counts[1] += 1
        note = json.dumps(rest, ensure_ascii=False).translate(_LINE_BREAKS)
        lines.append(f"#{counts[1]}\tAnnotatorNotes {tid}\t{note}")
    return lines


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    a = start
    while a < end:
        b = text.find("\n", a, end)
        b = end if b < 0 else b
        if b > a:
            out.append((a, b))
        a = b + 1
    return out


class BratWriter:
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
        types: set[str] = set()
        values: dict[str, set[str]] = {}
        with AtomicFiles() as files:
            for i, doc in enumerate(docs):
                stem = file_stem(doc, i)
                ann = dumps_ann(doc, report, doc_name(doc, i), values, labels)
                files.write_text(out_dir / f"{stem}.txt", doc.document.text)
                files.write_text(out_dir / f"{stem}.ann", ann)
                report.files += [out_dir / f"{stem}.txt", out_dir / f"{stem}.ann"]
                report.documents += 1
                types.update(rel.type for rel in doc.relations)
            files.write_text(out_dir / CONF, dumps_conf(labels, types, values))
            report.files.append(out_dir / CONF)
            files.write_report(out_dir, report)


# --- import ---------------------------------------------------------------------------------


def loads(
    text: str,
    ann: str,
    labels: LabelSet,
    *,
    title: str,
    path: str = "<string>",
    conf: ConfInfo = NO_CONF,
    notes: list[str] | None = None,
) -> AnnotatedDocument:
    """One document from its text and ``.ann``. InputError names the ``.ann`` line."""
    builder = DocBuilder(text, path, labels, hints=conf.kinds)
    to_cp = utf16_to_codepoints(text)
    ignored = utf16 = 0
    joined: list[str] = []
    attributes: list[tuple[str, dict[str, Any]]] = []  # (T id, values), added at the end
    for number, line in enumerate(ann.split("\n"), 1):
        if not line.strip():
            continue
        if line[0] == "T":
            was_utf16, gap = _read_t(builder, line, number, to_cp, conf)
            utf16 += was_utf16
            if gap:
                joined.append(line.split("\t", 1)[0])
        elif line[0] == "R":
            parts = line.split("\t")
            fields = parts[1].split() if len(parts) > 1 else []
            args = dict(f.split(":", 1) for f in fields[1:] if ":" in f)
            if len(fields) != 3 or "Arg1" not in args or "Arg2" not in args:
                raise InputError(f"bad relation line {line!r}", path=path, line=number)
            builder.add_relation(conf.name(fields[0]), args["Arg1"], args["Arg2"])
        elif line[0] in "AM":
            attributes.append(_read_a(line, number, path, conf))
        elif line[0] == "#" and (note := _read_note(line)) is not None:
            attributes.append(note)
        else:
            ignored += 1
    for tid, values in attributes:
        ignored += not _add_attributes(builder, tid, values)
    if notes is not None:
        if utf16:
            notes.append(
                f"{title}: {utf16} span(s) had UTF-16 offsets (brat's web client), "
                "converted to code points"
            )
        if joined:
            notes.append(
                f"{title}: {len(joined)} discontinuous span(s) ({', '.join(joined[:5])}) "
                "imported as one span from the first fragment to the last, text between included"
            )
        if ignored:
            notes.append(
                f"{title}: {ignored} line(s) ignored: events, normalisations, and attributes "
                "or notes of anything but a span"
            )
    return builder.build(title, source=Path(path).with_suffix(".txt").name, meta={"format": NAME})


def _read_a(line: str, number: int, path: str, conf: ConfInfo) -> tuple[str, dict[str, Any]]:
    """``A1\tName T3 Value`` (or a binary ``A1\tName T3``, read as true)."""
    parts = line.split("\t")
    fields = parts[1].split() if len(parts) > 1 else []
    if len(fields) not in (2, 3):
        raise InputError(f"bad attribute line {line!r}", path=path, line=number)
    value: Any = conf.name(fields[2]) if len(fields) == 3 else True
    return fields[1], {conf.name(fields[0]): value}


def _read_note(line: str) -> tuple[str, dict[str, Any]] | None:
    """``#1\tAnnotatorNotes T3\ttext``: our JSON object, else the text as the ``note``."""
    parts = line.split("\t", 2)
    head = parts[1].split() if len(parts) > 1 else []
    if len(head) != 2 or head[0] != "AnnotatorNotes":
        return None
    text = parts[2] if len(parts) > 2 else ""
    try:
        found = json.loads(text)
    except ValueError:
        found = None
    return head[1], found if isinstance(found, dict) else {NOTE: text}


def _add_attributes(builder: DocBuilder, tid: str, values: dict[str, Any]) -> bool:
    """Merge ``values`` into the span ``tid``; two plain notes on one span are joined."""
    old = builder.attributes.get(tid, {})
    if NOTE in values and isinstance(old.get(NOTE), str) and isinstance(values[NOTE], str):
        values = {**values, NOTE: f"{old[NOTE]}\n{values[NOTE]}"}
    return builder.add_attributes(tid, values)


def _read_t(
    builder: DocBuilder,
    line: str,
    number: int,
    to_cp: Callable[[int], int | None],
    conf: ConfInfo,
) -> tuple[bool, bool]:
    """Add the span of a ``T`` line; whether its offsets were UTF-16 units, and whether its
    fragments had text between them (a discontinuous span, joined into one)."""
    path = builder.path
    parts = line.split("\t", 2)
    head = parts[1].split(" ", 1) if len(parts) > 1 else []
    if len(head) != 2:
        raise InputError(f"bad text-bound line {line!r}", path=path, line=number)
    label, where = head
    frags = []
    for fragment in where.split(";"):
        numbers = [ascii_int(n) for n in fragment.split(" ")]
        if len(numbers) != 2 or numbers[0] is None or numbers[1] is None:
            raise InputError(f"bad offsets {where!r:.60}", path=path, line=number)
        frags.append((numbers[0], numbers[1]))
    text = builder.raw_text
    utf16 = False
    if len(parts) > 2 and " ".join(text[a:b] for a, b in frags) != parts[2]:
        conv = [(to_cp(a), to_cp(b)) for a, b in frags]
        pieces = [text[a:b] for a, b in conv if a is not None and b is not None]
        if len(pieces) != len(frags) or " ".join(pieces) != parts[2]:
            if max(b for _, b in frags) > len(text):
                raise InputError(
                    f"{parts[0]} at {where} is outside the text (length {len(text)})",
                    path=path,
                    line=number,
                )
            got = " ".join(text[a:b] for a, b in frags)
            raise InputError(
                f"{parts[0]} says {parts[2]!r} but the .txt has {got!r} at {where}: offsets "
                "must be character offsets into the .txt",
                path=path,
                line=number,
            )
        frags = [(a or 0, b or 0) for a, b in conv]
        utf16 = True
    builder.add_span(frags[0][0], frags[-1][1], conf.name(label), parts[0], line=number)
    gap = any(text[b:a].strip() for (_, b), (a, _) in pairwise(frags))
    return utf16, gap


def read_with_notes(path: Path, labels: LabelSet) -> tuple[list[AnnotatedDocument], list[str]]:
    """A folder of ``.ann``/``.txt`` pairs, or one pair (given either file)."""
    folder = path if path.is_dir() else path.parent
    anns = sorted(folder.glob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    if not anns:
        raise InputError("no .ann files in this folder", path=str(path))
    conf = _conf(folder / CONF)
    notes: list[str] = []
    docs = []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.is_file() or not ann.is_file():
            missing = txt if not txt.is_file() else ann
            raise InputError(
                f"{missing.name} is missing (brat needs both .txt and .ann)", path=str(missing)
            )
        raw = _raw_text(txt, notes)
        ann_text = canonical_text(decode_utf8(_bytes(ann), str(ann)))
        docs.append(
            loads(raw, ann_text, labels, title=ann.stem, path=str(ann), conf=conf, notes=notes)
        )
    return docs, notes


def _raw_text(txt: Path, notes: list[str]) -> str:
    """The .txt as brat reads it: UTF-8 (offsets count a BOM or CR, so nothing is changed here:
    ``DocBuilder`` carries the offsets over to the canonical text)."""
    data = _bytes(txt)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        decoded = decode_bytes(data, str(txt))
        notes.extend(f"{txt.name}: {note}" for note in decoded.notes)
        return decoded.text


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None


def _conf(conf: Path) -> ConfInfo:
    """What the folder's ``annotation.conf`` says (strict UTF-8); InputError for a kind we lack."""
    if not conf.is_file():
        return NO_CONF
    info = read_conf(decode_utf8(_bytes(conf), str(conf)))
    for label, kind in info.kinds.items():
        if kind not in KINDS:
            raise InputError(
                f"label {label} is of kind {kind!r:.40}, not one of "
                f"{', '.join(k.value for k in Kind)}",
                path=str(conf),
            )
    return info


class BratReader(ReaderWithNotes):
    name = NAME
    extensions = (".ann",)

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return any(path.glob("*.ann"))
        return (
            path.suffix.lower() in (".ann", ".txt")
            and path.with_suffix(".ann").is_file()
            and path.with_suffix(".txt").is_file()
        )

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        return read_with_notes(path, labels)


WRITER = BratWriter()
READER = BratReader()
