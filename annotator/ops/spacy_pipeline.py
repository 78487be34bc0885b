"""A local spaCy pipeline loaded for the ``spacy`` recommender (issue 12, docs/adr/0078).

spaCy is imported here only, and only when a pipeline is loaded: the application starts and
every other recommender runs without it. Every way a directory can be wrong (missing, not a
pipeline, no ``ner`` or ``spancat``, a load error, spaCy not installed) is a ``PipelineError``:
one line naming the directory, which the command line prints and the window's suggestion list
shows, never a traceback.

A loaded pipeline is kept per (directory, modification time of its files), so the window's run
on each opened document does not load it again, and a pipeline trained again in the same
directory is loaded anew. spaCy does not promise that one ``nlp`` object may run on two
threads at once, and two documents opened quickly run side by side (ADR 0059): one lock
orders the loads and the calls.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, one_line

NER, SPANCAT = "ner", "spancat"
NER_SCORE = 1.0  # spaCy's ner gives no probability for an entity: its entities score 1.0
NOT_INSTALLED = "spaCy is not installed: pip install spacy (or the project's spacy extra)"
KEPT = 2  # pipelines kept loaded (the one in use and the one before, while it changes)

_lock = threading.Lock()
_loaded: dict[tuple[str, int], Any] = {}


class PipelineError(AnnotatorError):
    """The pipeline cannot be used; the message is one line naming its directory."""


@dataclass(frozen=True, slots=True)
class Found:
    """One entity or span of the pipeline: ``text[start:end]`` with its label and score."""

    start: int
    end: int
    label: str
    score: float


def installed() -> bool:
    return find_spec("spacy") is not None


def _signature(directory: Path) -> int:
    """The newest modification time of the directory, its files and its components' files:
    ``nlp.to_disk`` into the same directory rewrites them."""
    newest = directory.stat().st_mtime_ns
    for child in directory.iterdir():
        newest = max(newest, child.stat().st_mtime_ns)
        if child.is_dir():
            for inner in child.iterdir():
                newest = max(newest, inner.stat().st_mtime_ns)
    return newest


def check(directory: Path) -> None:
    """That ``directory`` looks like a pipeline (it has a config.cfg): PipelineError."""
    if not directory.is_dir():
        what = "is a file, not a directory" if directory.exists() else "no such directory"
        raise PipelineError(f"spaCy pipeline {_named(directory)}: {what}")
    if not (directory / "config.cfg").is_file():
        raise PipelineError(
            f"spaCy pipeline {_named(directory)}: not a spaCy pipeline (no config.cfg)"
        )


def _named(directory: Path) -> str:
    return one_line(str(directory))


def load(directory: Path, spans_key: str) -> Any:
    """The pipeline in ``directory`` (kept loaded while its files do not change), checked to
    have a ``ner`` or a ``spancat`` writing ``spans_key``; PipelineError otherwise."""
    check(directory)
    if not installed():
        raise PipelineError(NOT_INSTALLED)
    try:
        key = (str(directory.resolve()), _signature(directory))
    except OSError as exc:
        raise PipelineError(f"spaCy pipeline {_named(directory)}: {exc.strerror}") from exc
    with _lock:
        nlp = _loaded.get(key)
        if nlp is None:
            nlp = _load(directory)
            for old in [k for k in _loaded if k[0] == key[0]]:
                del _loaded[old]  # the same directory before it changed
            while len(_loaded) >= KEPT:
                del _loaded[next(iter(_loaded))]
            _loaded[key] = nlp
    _components(directory, nlp, spans_key)
    return nlp


def _load(directory: Path) -> Any:
    import spacy  # here only: docs/adr/0078

    try:
        return spacy.load(directory)
    except Exception as exc:  # spaCy raises many kinds (config, registry, I/O): one line each
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        reason = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        raise PipelineError(
            f"spaCy pipeline {_named(directory)}: cannot be loaded: {one_line(reason)}"
        ) from exc


def _components(directory: Path, nlp: Any, spans_key: str) -> list[str]:
    """The pipeline's ``ner`` and ``spancat`` components (by factory), or PipelineError."""
    names = [n for n in nlp.pipe_names if _factory(nlp, n) in (NER, SPANCAT)]
    if not names:
        has = ", ".join(nlp.pipe_names) or "no component"
        raise PipelineError(
            f"spaCy pipeline {_named(directory)}: no ner or spancat component (it has {has})"
        )
    for name in names:
        if _factory(nlp, name) == SPANCAT:
            key = getattr(nlp.get_pipe(name), "key", spans_key)
            if key != spans_key:
                raise PipelineError(
                    f"spaCy pipeline {_named(directory)}: its {name} writes spans under "
                    f"{key!r}, not {spans_key!r} (set the spans key to {key})"
                )
    return names


def _factory(nlp: Any, name: str) -> str:
    return str(nlp.get_pipe_meta(name).factory)


def run(directory: Path, nlp: Any, text: str, spans_key: str) -> list[Found]:
    """The entities (score ``NER_SCORE``) and the spancat spans (their score) of ``text``, in
    code points of ``text``. spaCy keeps the text it is given; a pipeline whose tokenizer
    changed it (a custom one) is refused, as its offsets would not be ours."""
    with _lock:
        doc = nlp(text)
    if doc.text != text:
        raise PipelineError(
            f"spaCy pipeline {_named(directory)}: its tokenizer changed the text, so its "
            "offsets are not the document's"
        )
    return list(_found(doc, spans_key, len(text)))


def _found(doc: Any, spans_key: str, length: int) -> Iterator[Found]:
    for ent in doc.ents:
        if 0 <= ent.start_char < ent.end_char <= length:
            yield Found(ent.start_char, ent.end_char, str(ent.label_), NER_SCORE)
    if spans_key not in doc.spans:
        return
    group = doc.spans[spans_key]
    scores = group.attrs.get("scores")
    for i, span in enumerate(group):
        score = float(scores[i]) if scores is not None and i < len(scores) else NER_SCORE
        if 0 <= span.start_char < span.end_char <= length:
            yield Found(span.start_char, span.end_char, str(span.label_), min(1.0, max(0.0, score)))


def forget() -> None:
    """Let every loaded pipeline go (tests; a long session never needs it)."""
    with _lock:
        _loaded.clear()
