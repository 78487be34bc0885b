"""Hostile variants of valid files, as hypothesis strategies.

``hostile_cases(fmt)`` draws a seed of that format (tests/fuzz/seeds.py) and applies one to
three mutations to one of its files:

- bytes: truncation, flipped bytes, hostile byte strings inserted (NUL, invalid UTF-8, an
  encoded surrogate, BOMs, CR), the whole file re-encoded (UTF-16 with and without a mark,
  Windows-1256, UTF-8 with a mark) or half of it (a Windows-1256 file with a UTF-8 part);
- JSON (the JSON formats, conll-multi's ``#doc`` lines, spaCy's user data): a value replaced by
  one of the wrong type, a huge integer (4,301+ digits), deep nesting, NaN, Infinity, 1e999, a
  lone surrogate escape, a string of digits such as ``²``; a member removed or added;
- lines (CoNLL, conll-multi, brat, plain text): a field replaced by a hostile token (``²``,
  ``٣``, a negative or 5,000-digit number, a lone tag), lines deleted, doubled, swapped, joined.

A case may also get a hostile file name (a line break, invalid UTF-8, a direction override),
be imported by naming the file or its folder, and with ``--format`` given or detected.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.seeds import JSON_FORMATS, LINE_FORMATS, Seed, seeds
from tests.strategies import ALPHABET


@dataclass(frozen=True, slots=True)
class Case:
    """One import: files written into an empty folder, then imported."""

    fmt: str
    files: tuple[tuple[str, bytes], ...]
    named: bool  # import the main file by name (else the folder)
    given_format: bool  # --format fmt (else detected)
    how: tuple[str, ...]  # the mutations, for a failure's report

    @property
    def main(self) -> str:
        return self.files[0][0]


@dataclass(frozen=True, slots=True)
class Raw:
    """JSON text put in as it is (what json.dumps will not write)."""

    text: str


DEEP = 3000  # past the parser's recursion limit
RAW_VALUES = (
    Raw("1" * 4301),
    Raw("-" + "9" * 5000),
    Raw("NaN"),
    Raw("Infinity"),
    Raw("-Infinity"),
    Raw("1e999"),
    Raw("[" * DEEP + "]" * DEEP),
    Raw('{"a":' * 150 + "1" + "}" * 150),
    Raw("[" * 120 + "]" * 120),
    Raw('"\\ud83d"'),
    Raw('"x\\udc00y"'),
    Raw('"\\ud83d\\ude00"'),
)
PLAIN_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1,
    7,
    42,
    2**63,
    2**64 + 1,
    -(2**70),
    1.5,
    -0.0,
    "",
    " ",
    "²",
    "٣",
    "12",
    "entity",
    "speaker",
    "PER",
    "O",
    "B-PER",
    "a b",
    "\u200f",
    "\n",
    "\x00",
    "x" * 300,
    [],
    {},
    [1, 2],
    ["PER"],
    [[0, 1, "PER"]],
    [0, 1, "PER"],
    {"start": 0, "end": 1, "label": "PER"},
    {"a": 1},
    "PER" * 2,
)
KEYS = (
    "text", "title", "spans", "relations", "id", "start", "end", "label", "labels", "kind",
    "annotator", "type", "from", "to", "meta", "attributes", "status", "offset_unit", "url",
    "entities", "start_offset", "end_offset", "from_id", "to_id", "label_kinds", "data",
    "annotations", "completions", "result", "value", "completed_by", "was_cancelled", "maintext",
    "date_publish", "source_domain", "document_id",
)  # fmt: skip
HOSTILE_BYTES = (
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",  # a surrogate, UTF-8 encoded
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"\t",
    b"\x1b[2J",
    "ﻻ²٣".encode(),
    "كارتر".encode("cp1256"),
)
TOKENS = (
    "",
    "²",
    "٣",
    "-1",
    "-5",
    "9" * 5000,
    "1" * 30,
    "3_0",
    "+3",
    "B-",
    "I-",
    "X",
    "O",
    "B-PER",
    "I-LOC\u200f",
    "\u200f",
    "-DOCSTART-",
    "#doc\t{",
    "#doc\t[1]",
    '#doc\t{"text": 5}',
    '#doc\t{"relations": 7}',
    '#doc\t{"relations": [[1, 2, 3]]}',
    '#doc\t{"relations": [["speaker", [0, 3], {"a": 1}]]}',
    "T1",
    "R1\tspeaker Arg1:T9 Arg2:T1",
    "T9\tPER 0 3;5 2\tx",
    "T9\tPER 0 ²\tx",
    "\t\t",
    "Arg1:",
    "[entities]",
    "# kind: quote",
    "# kind: ²",
    "كارتر",
    "a b",
)

_names = st.sampled_from(
    ("x\ny", "sp ace", "\u202eevil", os.fsdecode(b"\xff\xfe"), "ملف", "a:b", "-x")
)


def _json_value() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(RAW_VALUES),
        st.sampled_from(PLAIN_VALUES),
        st.text(ALPHABET, max_size=12),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
    )


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for i, child in enumerate(value[:20]):
            out.extend(_paths(child, (*prefix, i)))
    return out


def _set(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = root
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return root


@st.composite
def _mutate_json(draw: st.DrawFn, value: Any) -> tuple[Any, str]:
    paths = _paths(value)
    path = draw(st.sampled_from(paths))
    op = draw(st.sampled_from(("replace", "replace", "drop", "add")))
    node = value
    for step in path:
        node = node[step]
    if op == "drop" and path:
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        del parent[path[-1]]
        return value, f"drop {path}"
    if op == "add" and isinstance(node, dict):
        key = draw(st.sampled_from(KEYS))
        node[key] = draw(_json_value())
        return value, f"add {(*path, key)}"
    new = draw(_json_value())
    return _set(value, path, new), f"set {path} = {str(new)[:40]!r}"


def dumps_raw(value: Any, ensure_ascii: bool, indent: int | None = None) -> str:
    """json.dumps, with every Raw value written as its text."""
    raws: list[str] = []

    def default(obj: object) -> object:
        if isinstance(obj, Raw):
            raws.append(obj.text)
            return f"@@RAW{len(raws) - 1}@@"
        raise TypeError(type(obj).__name__)

    text = json.dumps(value, ensure_ascii=ensure_ascii, default=default, indent=indent)
    for i, raw in enumerate(raws):
        text = text.replace(f'"@@RAW{i}@@"', raw, 1)
    return text


@st.composite
def _json_file(draw: st.DrawFn, fmt: str, data: bytes) -> tuple[bytes, str]:
    text = data.decode("utf-8-sig")
    ascii_ = draw(st.booleans())
    if fmt in ("jsonl", "doccano"):
        lines = [line for line in text.split("\n") if line.strip()]
        n = draw(st.integers(0, len(lines) - 1))
        value, how = draw(_mutate_json(json.loads(lines[n])))
        lines[n] = dumps_raw(value, ascii_)
        return ("\n".join(lines) + "\n").encode(), f"line {n + 1}: {how}"
    value, how = draw(_mutate_json(json.loads(text)))
    return dumps_raw(value, ascii_, indent=draw(st.sampled_from((None, 1)))).encode(), how


@st.composite
def _lines(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    n = draw(st.integers(0, max(0, len(lines) - 1)))
    op = draw(st.sampled_from(("field", "field", "field", "delete", "double", "swap", "join")))
    if op == "field":
        sep = "\t" if "\t" in lines[n] else " "
        fields = lines[n].split(sep)
        k = draw(st.integers(0, len(fields)))
        token = draw(st.one_of(st.sampled_from(TOKENS), st.text(ALPHABET, max_size=6)))
        if k == len(fields):
            fields.append(token)
        else:
            fields[k] = token
        lines[n] = sep.join(fields)
        how = f"line {n + 1} field {k} = {token[:30]!r}"
    elif op == "delete":
        del lines[n]
        how = f"delete line {n + 1}"
    elif op == "double":
        lines.insert(n, lines[n])
        how = f"double line {n + 1}"
    elif op == "swap":
        m = draw(st.integers(0, len(lines) - 1))
        lines[n], lines[m] = lines[m], lines[n]
        how = f"swap lines {n + 1}, {m + 1}"
    else:
        lines[n : n + 2] = [" ".join(lines[n : n + 2])]
        how = f"join lines {n + 1}, {n + 2}"
    return "\n".join(lines).encode("utf-8", "surrogateescape"), how


@st.composite
def _doc_line(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    """conll-multi: a mutation of the JSON of one #doc line."""
    lines = data.decode().split("\n")
    heads = [i for i, line in enumerate(lines) if line.startswith("#doc\t")]
    n = draw(st.sampled_from(heads))
    value, how = draw(_mutate_json(json.loads(lines[n][5:])))
    lines[n] = "#doc\t" + dumps_raw(value, draw(st.booleans()))
    return "\n".join(lines).encode(), f"#doc line {n + 1}: {how}"


@st.composite
def _bytes(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    op = draw(st.sampled_from(("truncate", "flip", "insert", "insert", "encode", "half")))
    if op == "truncate":
        at = draw(st.integers(0, len(data)))
        return data[:at], f"truncate at {at}"
    if op == "flip":
        at = draw(st.integers(0, max(0, len(data) - 1)))
        byte = draw(st.integers(0, 255))
        return data[:at] + bytes([byte]) + data[at + 1 :], f"byte {at} = {byte:#x}"
    if op == "insert":
        at = draw(st.integers(0, len(data)))
        piece = draw(st.sampled_from(HOSTILE_BYTES))
        return data[:at] + piece + data[at:], f"insert {piece!r} at {at}"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data[::-1], "reversed"
    if op == "encode":
        codec = draw(st.sampled_from(("utf-16", "utf-16-le", "utf-16-be", "cp1256", "utf-8-sig")))
        return text.encode(codec, "replace"), f"encoded {codec}"
    cut = draw(st.integers(0, len(text)))
    mixed = text[:cut].encode("cp1256", "replace") + text[cut:].encode()
    return mixed, f"Windows-1256 up to character {cut}, UTF-8 after"


@st.composite
def _spacy(draw: st.DrawFn, seed: Seed) -> tuple[bytes, str]:
    """A DocBin whose user data or span labels are hostile."""
    from spacy.tokens import DocBin, Span

    from annotator.formats.spacy_docbin import USER_KEY, vocab

    docs = list(DocBin().from_bytes(seed.files[0][1]).get_docs(vocab()))
    doc = docs[0]
    if draw(st.booleans()):
        user = json.loads(json.dumps(doc.user_data[USER_KEY]))
        value, how = draw(_mutate_json(user))
        if any(isinstance(v, Raw) for v in _walk(value)):
            value = json.loads(dumps_raw(value, True)) if draw(st.booleans()) else "raw"
        doc.user_data[USER_KEY] = value
    else:
        label = draw(st.sampled_from(("", " ", "a b", "\u200f", "PER", "x" * 200)))
        doc.spans["quote"] = [Span(doc, 0, 1, label=label)]
        how = f"span label {label!r}"
    out = DocBin(store_user_data=True)
    for d in docs:
        out.add(d)
    return bytes(out.to_bytes()), how


def _walk(value: Any) -> list[Any]:
    out = [value]
    if isinstance(value, dict):
        for child in value.values():
            out.extend(_walk(child))
    elif isinstance(value, list):
        for child in value:
            out.extend(_walk(child))
    return out


@st.composite
def _one(draw: st.DrawFn, seed: Seed, files: list[tuple[str, bytes]]) -> str:
    """Mutate one file of ``files`` in place; what was done."""
    k = draw(st.integers(0, len(files) - 1))
    name, data = files[k]
    kinds = ["bytes"]
    if seed.fmt in JSON_FORMATS:
        kinds += ["json", "json", "json"]
    if seed.fmt in LINE_FORMATS or name == "annotation.conf":
        kinds += ["lines", "lines"]
    if seed.fmt == "conll-multi":
        kinds += ["doc"]
    if seed.fmt == "spacy":
        kinds += ["spacy", "spacy"]
    kind = draw(st.sampled_from(kinds))
    try:
        if kind == "json":
            data, how = draw(_json_file(seed.fmt, data))
        elif kind == "lines":
            data, how = draw(_lines(data))
        elif kind == "doc":
            data, how = draw(_doc_line(data))
        elif kind == "spacy":
            data, how = draw(_spacy(seed))
        else:
            data, how = draw(_bytes(data))
    except Exception:  # an earlier mutation left no JSON (or no DocBin) to work on
        data, how = draw(_bytes(data))
    files[k] = (name, data)
    return f"{name}: {how}"


@st.composite
def hostile_cases(draw: st.DrawFn, fmt: str) -> Case:
    seed = draw(st.sampled_from(seeds()[fmt]))
    files = list(seed.files)
    how = [draw(_one(seed, files)) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.integers(0, 9)) == 0:  # a hostile name for the main file (and its pair)
        stem = draw(_names)
        old = os.path.splitext(files[0][0])[0]
        files = [
            (stem + name[len(old) :] if name.startswith(old) else name, data)
            for name, data in files
        ]
        how.append(f"named {stem!r}")
    return Case(fmt, tuple(files), draw(st.booleans()), draw(st.integers(0, 3)) == 0, tuple(how))
