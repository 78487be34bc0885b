"""What the ``spacy`` recommender suggests (issue 12, docs/adr/0078): the entities and spancat
spans of a local spaCy pipeline the project's settings name, their labels mapped to the
project's, made exact as a person labels them, never over a span of their kind.

- **Labels**: the settings' map renames (``PERSON=PER``); a pipeline label the map does not
  name is kept if the project has a label of that name, else dropped, and counted: the run's
  report says how many and which (``dropped_note``).
- **Offsets**: spaCy's character offsets are code points of the text it was given, which is
  the document's (checked in ops/spacy_pipeline.run). A pipeline's tokens are not ours: each
  entity is snapped as a selection is (core.clitics.snap with the project's evidence): grown to
  our whole words, punctuation left out, and a proclitic its tokenizer kept attached left out
  where the evidence says so (بالعراق -> العراق), as the other recommenders' stem spans.
- **Under evaluation** the pipeline is used as it is: it learned nothing from this project's
  spans (if it did, the user knows, and the figures say so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.core.clitics import CliticAnalyser, snap
from annotator.core.errors import ValidationError
from annotator.core.model import Document, Kind, Span
from annotator.core.recommender_settings import RecommenderSettings
from annotator.core.suggestions import Suggestion
from annotator.ops import exporting, spacy_pipeline
from annotator.ops.spacy_pipeline import PipelineError
from annotator.store import Repository

NAME = "spacy"
NO_PIPELINE = (
    "no spaCy pipeline set: annotator settings PROJECT --pipeline DIR "
    "(or Suggestions ▸ Suggestion settings…)"
)
DROPPED = "spacy.dropped"  # the run's cache: Counter of the pipeline labels dropped


def why_nothing(chosen: RecommenderSettings, cache: dict[str, Any]) -> str | None:
    """Why the pipeline of the settings ``chosen`` can suggest nothing: none set, or it
    cannot be used (one line). The pipeline loaded is kept in ``cache`` for the run."""
    if not chosen.pipeline:
        return NO_PIPELINE
    try:
        cache["spacy.nlp"] = spacy_pipeline.load(Path(chosen.pipeline), chosen.spans_key)
    except PipelineError as exc:
        return str(exc)
    return None


def suggest(
    repo: Repository,
    chosen: RecommenderSettings,
    cache: dict[str, Any],
    document: Document,
    spans: Sequence[Span],
    kinds: Mapping[str, Kind],
) -> list[Suggestion]:
    """The pipeline's suggestions for ``document`` (``spans``: the places of their kinds are
    left alone); PipelineError if its pipeline cannot be used."""
    assert document.id is not None
    if "spacy.nlp" not in cache:
        why = why_nothing(chosen, cache)
        if why is not None:
            raise PipelineError(why)
    found = spacy_pipeline.run(
        Path(chosen.pipeline), cache["spacy.nlp"], document.text, chosen.spans_key
    )
    label_map = dict(chosen.label_map)
    dropped: Counter[str] = cache.setdefault(DROPPED, Counter())
    analyser = _analyser(repo, cache)
    covered = _covered(document.text, spans, kinds)
    out: dict[tuple[int, int, str], Suggestion] = {}
    for f in found:
        label = label_map.get(f.label, f.label)
        kind = kinds.get(label)
        if kind is None:
            dropped[f.label] += 1
            continue
        snapped = snap(document.text, f.start, f.end, analyser)
        if snapped is None:  # no word in it (a punctuation mark)
            continue
        start, end = snapped.start, snapped.end
        if any(covered.get(kind, b"")[start:end]):
            continue
        key = (start, end, label)
        if key not in out or out[key].score < f.score:
            out[key] = Suggestion(document.id, start, end, label, NAME, round(f.score, 4))
    return sorted(out.values(), key=lambda s: (s.start, s.end, s.label))


def _analyser(repo: Repository, cache: dict[str, Any]) -> CliticAnalyser:
    """The project's clitic evidence (token counts, span texts), read once per run."""
    if "spacy.clitics" not in cache:
        cache["spacy.clitics"] = exporting.project_clitics(repo)
    found: CliticAnalyser = cache["spacy.clitics"]
    return found


def _covered(text: str, spans: Sequence[Span], kinds: Mapping[str, Kind]) -> dict[Kind, bytearray]:
    covered: dict[Kind, bytearray] = {}
    for span in spans:
        kind = kinds.get(span.label)
        if kind is not None:
            mask = covered.setdefault(kind, bytearray(len(text)))
            mask[span.start : span.end] = b"\x01" * (span.end - span.start)
    return covered


def dropped_note(cache: dict[str, Any]) -> str | None:
    """ "N entities of labels the project lacks dropped (DATE 3, NORP 2)", or None."""
    dropped: Counter[str] = cache.get(DROPPED) or Counter()
    total = sum(dropped.values())
    if not total:
        return None
    which = ", ".join(f"{label} {n}" for label, n in sorted(dropped.items()))
    noun = "entity" if total == 1 else "entities"
    return (
        f"{total} {noun} of labels neither mapped nor in the project dropped ({which}); "
        "map them with --map LABEL=PROJECT_LABEL"
    )


def configured(
    repo: Repository, old: RecommenderSettings, new: RecommenderSettings, *, load: bool = True
) -> RecommenderSettings:
    """``new`` checked before it is stored: the map's project labels exist (ValidationError
    naming the first that does not), the pipeline can be used (PipelineError; ``load`` False:
    only that the directory is a pipeline, for the window, which loads nothing on its own
    thread). A pipeline set where there was none switches the recommender on (if the same
    change does not also say which recommenders run)."""
    labels = {label.name for label in repo.labels()}
    for source, target in new.label_map:
        if target not in labels:
            raise ValidationError(
                f"label map {source}={target}: {target!r} is no label of the project "
                f"({', '.join(sorted(labels))})"
            )
    if new.pipeline and new.pipeline != old.pipeline:
        directory = Path(new.pipeline)
        if load:
            spacy_pipeline.load(directory, new.spans_key)
        else:
            spacy_pipeline.check(directory)
        if not old.pipeline and new.enabled == old.enabled and NAME not in new.enabled:
            return replace(new, enabled=(*new.enabled, NAME))
    return new
