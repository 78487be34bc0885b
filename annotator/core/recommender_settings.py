"""A project's recommender settings (issue 11, docs/adr/0059): which recommenders run, the
minimum score the window shows, whether they run when a document opens.

The project file keeps them as JSON values under keys (store/project_setup.py); a project file
travels and is untrusted, so ``from_values`` reads whatever is there: a value missing, of the
wrong type or out of range gives the default for that setting and a problem in plain words
(``annotator check`` lists them), never an error.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

DEFAULT_ENABLED = ("memory", "gazetteer", "quotes")
KEYS = (
    "recommenders",
    "min_score",
    "run_on_open",
    "retrain_every",
    "spacy_pipeline",
    "spacy_labels",
    "spacy_spans_key",
)
MOST_SPANS = 100_000  # the largest "retrain after every N new spans" (a typo's guard)
SPANS_KEY = "sc"  # spaCy's default key of spancat's spans
LabelMap = tuple[tuple[str, str], ...]  # (pipeline label, project label), in the order given


def parse_label_map(text: str) -> LabelMap:
    """``PERSON=PER,GPE=LOC`` (commas or white space between pairs) as pairs; ValueError
    naming the first pair that is not ``A=B`` or a label mapped twice."""
    pairs: dict[str, str] = {}
    for item in text.replace(",", " ").split():
        source, sep, target = item.partition("=")
        if not sep or not source or not target or "=" in target:
            raise ValueError(f"label map {item!r}: write PIPELINE_LABEL=LABEL (PERSON=PER)")
        if source in pairs and pairs[source] != target:
            raise ValueError(f"label map: {source!r} is mapped twice")
        pairs[source] = target
    return tuple(pairs.items())


def label_map_text(pairs: LabelMap) -> str:
    """The map as ``parse_label_map`` reads it."""
    return ",".join(f"{a}={b}" for a, b in pairs)


@dataclass(frozen=True, slots=True)
class RecommenderSettings:
    """``enabled``: the recommenders that run (by default and in the window), in this order;
    ``min_score`` in [0, 1]: suggestions scoring less are not shown in the window;
    ``run_on_open``: the enabled ones run on each document the window opens;
    ``retrain_every``: the window trains the project's model again after every so many new
    spans (0: never; docs/adr/0069); ``pipeline``: the directory of the spaCy pipeline the
    ``spacy`` recommender runs ("" none), ``label_map`` its labels' project labels,
    ``spans_key`` the key of its spancat's spans (docs/adr/0078)."""

    enabled: tuple[str, ...] = DEFAULT_ENABLED
    min_score: float = 0.0
    run_on_open: bool = False
    retrain_every: int = 0
    pipeline: str = ""
    label_map: LabelMap = ()
    spans_key: str = SPANS_KEY

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_score <= 1.0:
            raise ValueError(f"the minimum score is in [0, 1], not {self.min_score}")
        if not 0 <= self.retrain_every <= MOST_SPANS:
            raise ValueError(f"retrain every 0 to {MOST_SPANS} spans, not {self.retrain_every}")

    def values(self) -> dict[str, str]:
        """The settings as the store keeps them: key -> JSON text."""
        return {
            "recommenders": json.dumps(list(self.enabled)),
            "min_score": json.dumps(self.min_score),
            "run_on_open": json.dumps(self.run_on_open),
            "retrain_every": json.dumps(self.retrain_every),
            "spacy_pipeline": json.dumps(self.pipeline),
            "spacy_labels": json.dumps(label_map_text(self.label_map)),
            "spacy_spans_key": json.dumps(self.spans_key),
        }


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """The settings read from a project and what was wrong with the stored values."""

    settings: RecommenderSettings
    problems: tuple[str, ...] = field(default=())


def from_values(stored: Mapping[str, str], known: Collection[str]) -> ReadSettings:
    """The settings in ``stored`` (key -> JSON text, as the store has them); ``known`` are the
    registered recommenders (an unknown name is left out and reported)."""
    default = RecommenderSettings()
    problems: list[str] = []
    values: dict[str, object] = {}
    for key, text in stored.items():
        if key not in KEYS:
            problems.append(f"setting {key!r} is not known: left alone")
            continue
        try:
            values[key] = json.loads(text)
        except (ValueError, TypeError, RecursionError):
            problems.append(f"setting {key!r} is not JSON: the default is used")
    enabled = tuple(n for n in default.enabled if n in known)
    raw = values.get("recommenders", list(enabled))
    if isinstance(raw, list) and all(isinstance(n, str) for n in raw):
        unknown = [n for n in raw if n not in known]
        if unknown:
            problems.append(f"setting 'recommenders': unknown recommender {unknown[0]!r} left out")
        enabled = tuple(dict.fromkeys(n for n in raw if n in known))
    else:
        problems.append("setting 'recommenders' is not a list of names: the default is used")
    min_score = default.min_score
    raw = values.get("min_score", min_score)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and 0.0 <= raw <= 1.0:
        min_score = float(raw)
    else:
        problems.append("setting 'min_score' is not a number in [0, 1]: the default is used")
    run_on_open = default.run_on_open
    raw = values.get("run_on_open", run_on_open)
    if isinstance(raw, bool):
        run_on_open = raw
    else:
        problems.append("setting 'run_on_open' is not true or false: the default is used")
    retrain_every = default.retrain_every
    raw = values.get("retrain_every", retrain_every)
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= MOST_SPANS:
        retrain_every = raw
    else:
        problems.append(
            f"setting 'retrain_every' is not a whole number in [0, {MOST_SPANS}]: "
            "the default is used"
        )
    pipeline, label_map, spans_key = _pipeline(values, problems)
    settings = RecommenderSettings(
        enabled, min_score, run_on_open, retrain_every, pipeline, label_map, spans_key
    )
    return ReadSettings(settings, tuple(problems))


def _pipeline(values: Mapping[str, object], problems: list[str]) -> tuple[str, LabelMap, str]:
    """The spaCy recommender's settings (docs/adr/0078), each read on its own."""
    pipeline = values.get("spacy_pipeline", "")
    if not isinstance(pipeline, str):
        problems.append("setting 'spacy_pipeline' is not a directory name: none is used")
        pipeline = ""
    label_map: LabelMap = ()
    raw = values.get("spacy_labels", "")
    try:
        if not isinstance(raw, str):
            raise ValueError(raw)
        label_map = parse_label_map(raw)
    except ValueError:
        problems.append("setting 'spacy_labels' is not a label map (A=B,C=D): none is used")
    spans_key = values.get("spacy_spans_key", SPANS_KEY)
    if not isinstance(spans_key, str) or not spans_key.strip():
        problems.append(f"setting 'spacy_spans_key' is not a name: {SPANS_KEY!r} is used")
        spans_key = SPANS_KEY
    return pipeline, label_map, spans_key
