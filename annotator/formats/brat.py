"""brat standoff: a ``.txt`` and an ``.ann`` per document, and ``annotation.conf``.

brat's offsets are character offsets into the ``.txt`` as its (Python) server reads it: code
points, like ours, so the ``.txt`` is the document's exact text and the offsets are ours. (brat's
web client counts UTF-16 units and misplaces annotations after an emoji, nlplab/brat#1115; on
import, an ``.ann`` whose offsets only fit as UTF-16 units is converted, and the import says so.)

``T`` lines for spans (a span holding a line break becomes fragments ``s e;s e``, as brat
writes them), ``R`` lines for relations (``R1\tspeaker Arg1:T3 Arg2:T1``: the quote, then the
speaker). ``annotation.conf`` lists every label as an entity type, its kind in a comment, and
the relations; ``<OVERLAP>`` allows spans of different kinds to nest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import SPEAKER, AnnotatedDocument, Kind, LabelSet
from annotator.core.text import canonical_text
from annotator.formats.base import AtomicFiles, ExportOptions, ExportReport, ReaderWithNotes
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
CONF = "annotation.conf"
_TYPE = re.compile(r"^[^\s:;|,]+$")
_KIND_COMMENT = re.compile(r"^#\s*kind:\s*(\w+)")


def file_stem(doc: AnnotatedDocument, index: int) -> str:
    return f"doc-{doc.document.id if doc.document.id is not None else index + 1:06d}"


def dumps_ann(doc: AnnotatedDocument, report: ExportReport, where: str) -> str:
    """The ``.ann`` of one document."""
    text = doc.document.text
    lines: list[str] = []
    keys: dict[int, str] = {}
    written = []
    for span in sorted(doc.spans, key=lambda s: (s.start, -s.end, s.label)):
        if not _TYPE.match(span.label):
            report.not_expressed.append(
                span_note(doc, span, where, "brat type names cannot hold spaces or : ; | ,")
            )
            continue
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
        tid = f"T{len(lines) + 1}"
        where_ = ";".join(f"{a} {b}" for a, b in fragments)
        shown = " ".join(text[a:b] for a, b in fragments)
        lines.append(f"{tid}\t{span.label} {where_}\t{shown}")
        if span.id is not None:
            keys[span.id] = tid
        written.append(span)
    count_spans(report, written)
    for n, (rel, arg1, arg2) in enumerate(written_relations(doc, keys, report, where), 1):
        lines.append(f"R{n}\t{rel.type} Arg1:{arg1} Arg2:{arg2}")
    return "".join(line + "\n" for line in lines)


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


def dumps_conf(labels: LabelSet, relation_types: Iterable[str]) -> str:
    """``annotation.conf``: every label an entity type, grouped under its kind."""
    lines = [
        "# Written by the Arabic news annotator. Kinds are layers: spans of different kinds",
        "# overlap freely (a quote holds entities).",
        "[entities]",
    ]
    for kind in Kind:
        names = [label.name for label in labels.of_kind(kind) if _TYPE.match(label.name)]
        if names:
            lines.append(f"# kind: {kind.value}")
            lines.extend(names)
    quotes = "|".join(label.name for label in labels.of_kind(Kind.QUOTE)) or "<ENTITY>"
    speakers = "|".join(n for n in ("PER", "ORG") if n in labels) or "<ENTITY>"
    lines += ["", "[relations]", f"{SPEAKER}\tArg1:{quotes}, Arg2:{speakers}"]
    lines.extend(
        f"{t}\tArg1:<ENTITY>, Arg2:<ENTITY>"
        for t in sorted(set(relation_types))
        if t != SPEAKER and _TYPE.match(t)
    )
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    lines += ["", "[events]", "", "[attributes]", ""]
    return "\n".join(lines)


class BratWriter:
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
        types: set[str] = set()
        with AtomicFiles() as files:
            for i, doc in enumerate(docs):
                stem = file_stem(doc, i)
                ann = dumps_ann(doc, report, doc_name(doc, i))
                files.write_text(out_dir / f"{stem}.txt", doc.document.text)
                files.write_text(out_dir / f"{stem}.ann", ann)
                report.files += [out_dir / f"{stem}.txt", out_dir / f"{stem}.ann"]
                report.documents += 1
                types.update(rel.type for rel in doc.relations)
            files.write_text(out_dir / CONF, dumps_conf(labels, types))
            report.files.append(out_dir / CONF)
            files.write_report(out_dir, report)


# --- import ---------------------------------------------------------------------------------


def conf_kinds(conf: str) -> dict[str, str]:
    """Label -> kind from the ``# kind:`` comments of an ``annotation.conf``."""
    kinds: dict[str, str] = {}
    section = ""
    kind = ""
    for raw in conf.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section, kind = line[1:-1], ""
        elif section == "entities" and (m := _KIND_COMMENT.match(line)):
            kind = m.group(1)
        elif section == "entities" and line and not line.startswith("#") and kind:
            kinds[line.split()[0].lstrip("!")] = kind
    return kinds


def loads(
    text: str,
    ann: str,
    labels: LabelSet,
    *,
    title: str,
    path: str = "<string>",
    hints: dict[str, str] | None = None,
    notes: list[str] | None = None,
) -> AnnotatedDocument:
    """One document from its text and ``.ann``. InputError names the ``.ann`` line."""
    builder = DocBuilder(text, path, labels, hints=hints or {})
    to_cp = utf16_to_codepoints(text)
    ignored = utf16 = 0
    joined: list[str] = []
    for number, line in enumerate(ann.split("\n"), 1):
        if not line.strip():
            continue
        if line[0] == "T":
            was_utf16, gap = _read_t(builder, line, number, to_cp)
            utf16 += was_utf16
            if gap:
                joined.append(line.split("\t", 1)[0])
        elif line[0] == "R":
            parts = line.split("\t")
            fields = parts[1].split() if len(parts) > 1 else []
            args = dict(f.split(":", 1) for f in fields[1:] if ":" in f)
            if len(fields) != 3 or "Arg1" not in args or "Arg2" not in args:
                raise InputError(f"bad relation line {line!r}", path=path, line=number)
            builder.add_relation(fields[0], args["Arg1"], args["Arg2"])
        else:
            ignored += 1
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
                f"{title}: {ignored} line(s) other than T and R ignored (events, attributes, notes)"
            )
    return builder.build(title, source=Path(path).with_suffix(".txt").name, meta={"format": NAME})


def _read_t(
    builder: DocBuilder, line: str, number: int, to_cp: Callable[[int], int | None]
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
    builder.add_span(frags[0][0], frags[-1][1], label, parts[0], line=number)
    gap = any(text[b:a].strip() for (_, b), (a, _) in pairwise(frags))
    return utf16, gap


def read_with_notes(path: Path, labels: LabelSet) -> tuple[list[AnnotatedDocument], list[str]]:
    """A folder of ``.ann``/``.txt`` pairs, or one pair (given either file)."""
    folder = path if path.is_dir() else path.parent
    anns = sorted(folder.glob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    if not anns:
        raise InputError("no .ann files in this folder", path=str(path))
    conf = folder / CONF
    hints = _conf_kinds(conf) if conf.is_file() else {}
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
            loads(raw, ann_text, labels, title=ann.stem, path=str(ann), hints=hints, notes=notes)
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


def _conf_kinds(conf: Path) -> dict[str, str]:
    """The kinds an ``annotation.conf`` gives its labels; InputError for a kind we lack."""
    kinds = conf_kinds(decode_utf8(_bytes(conf), str(conf)))
    for label, kind in kinds.items():
        if kind not in KINDS:
            raise InputError(
                f"label {label} is of kind {kind!r:.40}, not one of "
                f"{', '.join(k.value for k in Kind)}",
                path=str(conf),
            )
    return kinds


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
