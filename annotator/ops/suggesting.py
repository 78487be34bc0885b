"""Running recommenders over a project, measuring them, accepting their suggestions in bulk
(issue 11, docs/adr/0053). No Qt; the command line (``annotator suggest``, ``accept``) and,
later, the window's worker call these.

A recommender is a name in ``RECOMMENDERS`` and a function ``(context, document, spans) ->
(suggestions, links)``: the document with its text, the spans it has (the memory leaves places
of a span's kind alone; under evaluation the spans are hidden, []), and a ``Context`` that
holds the project and what a recommender learns once per run. Register another with
``@recommender("name")``; the command line offers every registered name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core import recommend_gazetteer, recommend_memory, recommend_quotes
from annotator.core.edits import AcceptSuggestion, Composite
from annotator.core.errors import ValidationError
from annotator.core.model import Document, Kind, LabelSet, Span, Status
from annotator.core.recommend_gazetteer import Gazetteer, GazetteerMatcher
from annotator.core.recommender_settings import RecommenderSettings
from annotator.core.suggestions import SuggestedLink, Suggestion
from annotator.ops import model_suggestions, spacy_suggestions
from annotator.store import Repository
from annotator.store.suggestions import Stored

Found = tuple[list[Suggestion], list[SuggestedLink]]


@dataclass
class Context:
    """What recommenders share during one run: the project, its labels, and a cache for what
    they learn once (the memory of labelled texts). ``evaluating``: each document's own spans
    are left out of what is learned for it (and hidden from the recommender)."""

    repo: Repository
    labels: LabelSet
    evaluating: bool = False
    cache: dict[str, Any] = field(default_factory=dict)
    gazetteers: Sequence[Gazetteer] = ()  # the lists the gazetteer recommender matches

    @property
    def kinds(self) -> dict[str, Kind]:
        return {label.name: label.kind for label in self.labels}


Recommender = Callable[[Context, Document, Sequence[Span]], Found]
RECOMMENDERS: dict[str, Recommender] = {}


def recommender(name: str) -> Callable[[Recommender], Recommender]:
    def register(function: Recommender) -> Recommender:
        RECOMMENDERS[name] = function
        return function

    return register


def recommender_names() -> list[str]:
    return sorted(RECOMMENDERS)


@recommender(recommend_memory.NAME)
def memory(context: Context, document: Document, spans: Sequence[Span]) -> Found:
    """Every text labelled in the project suggests its label where it occurs (core/
    recommend_memory.py). Learned once per run; under evaluation, without the document's own
    spans (their counts taken off the project's)."""
    texts: Counter[tuple[str, str]] = context.cache.get("memory.texts") or Counter()
    if "memory.texts" not in context.cache:
        texts.update({(t, lb): n for t, lb, n in context.repo.labelled_texts()})
        context.cache["memory.texts"] = texts
    if context.evaluating:
        own = Counter((document.text[s.start : s.end], s.label) for s in spans)
        learned = recommend_memory.learn((t, lb, n - own[(t, lb)]) for (t, lb), n in texts.items())
        spans = []
    else:
        if "memory" not in context.cache:
            context.cache["memory"] = recommend_memory.learn(
                (t, lb, n) for (t, lb), n in texts.items()
            )
        learned = context.cache["memory"]
    assert document.id is not None
    places = [(s.start, s.end, s.label) for s in spans]
    return recommend_memory.suggest(learned, document.id, document.text, places, context.kinds), []


@recommender(recommend_gazetteer.RECOMMENDER)
def gazetteer(context: Context, document: Document, spans: Sequence[Span]) -> Found:
    """The names of the lists given (core/recommend_gazetteer.py), by the search key and after
    proclitics, never over a span of their kind."""
    if not context.gazetteers:
        return [], []
    if "gazetteer" not in context.cache:
        context.cache["gazetteer"] = GazetteerMatcher(context.gazetteers, context.labels)
    matcher: GazetteerMatcher = context.cache["gazetteer"]
    assert document.id is not None
    return matcher.suggest(document.id, document.text, spans), []


@recommender(recommend_quotes.RECOMMENDER)
def quotes(context: Context, document: Document, spans: Sequence[Span]) -> Found:
    """Quotes after a speech cue and their speakers (core/recommend_quotes.py): the speaker
    from the spans, or from the entity suggestions stored for the document (the other
    recommenders of the run come first)."""
    assert document.id is not None
    entities = [] if context.evaluating else context.repo.suggestions(document.id)
    found = recommend_quotes.suggest_quotes(
        document.id, document.text, spans, entities, context.labels
    )
    return list(found.quotes), list(found.links)


@recommender(model_suggestions.NAME)
def model(context: Context, document: Document, spans: Sequence[Span]) -> Found:
    """The project's own CRF model (ops/model_suggestions.py): its predictions for entity
    labels, never over a span of their kind; under evaluation, models trained per fold."""
    if context.evaluating:
        spans = []
    found = model_suggestions.suggest(
        context.repo, context.cache, document, spans, context.kinds, evaluating=context.evaluating
    )
    return found, []


@recommender(spacy_suggestions.NAME)
def spacy(context: Context, document: Document, spans: Sequence[Span]) -> Found:
    """A local spaCy pipeline's entities and spans, labels mapped to the project's
    (ops/spacy_suggestions.py, docs/adr/0078), never over a span of their kind."""
    chosen = _settings(context)
    found = spacy_suggestions.suggest(
        context.repo,
        chosen,
        context.cache,
        document,
        [] if context.evaluating else spans,
        context.kinds,
    )
    return found, []


def _settings(context: Context) -> RecommenderSettings:
    if "settings" not in context.cache:
        context.cache["settings"] = context.repo.recommender_settings(recommender_names()).settings
    found: RecommenderSettings = context.cache["settings"]
    return found


def _ordered(names: Sequence[str]) -> list[str]:
    """The quotes come last: their speakers may be what the others just suggested."""
    last = recommend_quotes.RECOMMENDER
    return [n for n in names if n != last] + [n for n in names if n == last]


SWITCHED_OFF = "switched off in the project's settings"
NO_LIST = "no gazetteer in the project (annotator gazetteer PROJECT add FILE)"
NO_TEXT = "no labelled text in the project yet"
NO_QUOTE_LABEL = "the project has no quote label"


def project_recommenders(repo: Repository) -> tuple[str, ...]:
    """The recommenders the project's settings switch on (docs/adr/0059)."""
    return repo.recommender_settings(recommender_names()).settings.enabled


def why_nothing(context: Context, name: str) -> str | None:
    """Why ``name`` can suggest nothing in this project, or None."""
    if name == recommend_gazetteer.RECOMMENDER and not context.gazetteers:
        return NO_LIST
    if name == recommend_memory.NAME and not context.repo.labelled_texts():
        return NO_TEXT
    if name == recommend_quotes.RECOMMENDER and not context.labels.of_kind(Kind.QUOTE):
        return NO_QUOTE_LABEL
    if name == model_suggestions.NAME:
        return model_suggestions.why_nothing(context.repo, context.cache)
    if name == spacy_suggestions.NAME:
        return spacy_suggestions.why_nothing(_settings(context), context.cache)
    return None


def _document_ids(repo: Repository, status: Status | None) -> Iterator[int]:
    for batch in repo.export_batches(status=status):
        yield from batch


@dataclass
class SuggestReport:
    """What ``suggest`` did: per recommender, what the store did with its runs, and the
    suggestions the run left open per (recommender, label) in the documents it covered."""

    documents: int = 0
    stored: dict[str, Stored] = field(default_factory=dict)
    by_label: Counter[tuple[str, str]] = field(default_factory=Counter)
    why_nothing: dict[str, str] = field(default_factory=dict)  # recommender -> why it can't
    notes: dict[str, str] = field(default_factory=dict)  # recommender -> what it left out


def _sum(a: Stored, b: Stored) -> Stored:
    return Stored(*(x + y for x, y in zip(_values(a), _values(b), strict=True)))


def _values(s: Stored) -> tuple[int, ...]:
    return (
        s.added,
        s.kept,
        s.removed,
        s.rejected_before,
        s.spans_already,
        s.decided_before,
        s.links,
        s.links_left_out,
    )


def suggest(
    repo: Repository,
    names: Sequence[str] | None = None,
    *,
    status: Status | None = None,
    progress: Callable[[int, int], None] | None = None,
    gazetteers: Sequence[Gazetteer] = (),
    documents: Sequence[int] | None = None,
) -> SuggestReport:
    """Run ``names`` over the documents (``status``: only those with it, for any annotator;
    ``documents``: only these) and store what they suggest, replacing each one's open
    suggestions of each document: one short transaction per document and recommender. A
    recommender that can suggest nothing here (no list, nothing labelled yet) is not run and
    the report says why. ``names`` None: those the project's settings switch on (the others
    reported as switched off); the gazetteer matches the project's lists and ``gazetteers``."""
    names, off = _chosen(repo, names)
    context = Context(repo, repo.labels(), gazetteers=[*repo.gazetteers(), *gazetteers])
    report = SuggestReport(stored={n: Stored() for n in names})
    report.why_nothing.update(dict.fromkeys(off, SWITCHED_OFF))
    for name in list(names):
        why = why_nothing(context, name)
        if why is not None:
            report.why_nothing[name] = why
    names = _ordered([n for n in names if n not in report.why_nothing])
    ids = list(documents) if documents is not None else list(_document_ids(repo, status))
    try:
        for done, document_id in enumerate(ids, 1):
            _suggest_one(context, report, names, document_id)
            if progress is not None:
                progress(done, len(ids))
    finally:
        model_suggestions.close(context.cache)
    note = spacy_suggestions.dropped_note(context.cache)
    if note is not None:
        report.notes[spacy_suggestions.NAME] = note
    report.documents = len(ids)
    return report


def _suggest_one(
    context: Context, report: SuggestReport, names: Sequence[str], document_id: int
) -> None:
    repo = context.repo
    document = repo.document(document_id)
    spans = repo.spans(document_id)
    for name in names:
        found, links = RECOMMENDERS[name](context, document, spans)
        stored = repo.add_suggestions(found, links, replace=name, documents=[document_id])
        report.stored[name] = _sum(report.stored[name], stored)
        report.by_label.update(  # the run's own: the others were replaced
            (name, s.label) for s in repo.suggestions(document_id, recommenders=[name])
        )


def _chosen(repo: Repository, names: Sequence[str] | None) -> tuple[list[str], list[str]]:
    """(the recommenders to run, those switched off in the settings): ``names`` if given."""
    if names is None:
        enabled = project_recommenders(repo)
        return _ordered(enabled), [n for n in recommender_names() if n not in enabled]
    unknown = [n for n in names if n not in RECOMMENDERS]
    if unknown:
        raise ValidationError(
            f"unknown recommender {unknown[0]!r}: known are {', '.join(recommender_names())}"
        )
    return list(names), []


UNMEASURED = (model_suggestions.NAME, spacy_suggestions.NAME)  # left out when they cannot run


def not_measured(repo: Repository, names: Sequence[str] | None = None) -> dict[str, str]:
    """The recommenders ``evaluate`` leaves out and why: the model, when there is none or it
    cannot be read; the spaCy pipeline, when none is set or it cannot be used."""
    chosen, _ = _chosen(repo, names)
    context = Context(repo, repo.labels())
    try:
        whys = {n: why_nothing(context, n) for n in UNMEASURED if n in chosen}
    finally:
        model_suggestions.close(context.cache)
    return {n: why for n, why in whys.items() if why is not None}


@dataclass(frozen=True, slots=True)
class Quality:
    """One recommender's suggestions for one label against the annotators' spans."""

    recommender: str
    label: str
    right: int
    suggested: int
    gold: int

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    repo: Repository,
    names: Sequence[str] | None = None,
    *,
    gazetteers: Sequence[Gazetteer] = (),
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, list[Quality]]:
    """Precision, recall and F1 per recommender and label over the documents marked done (by
    any annotator): a suggestion is right when a span has its exact offsets and label. Each
    document's own spans are hidden from the recommenders and left out of what they learn.
    Nothing is stored. ``progress(done, total)`` after each document (the window's Job
    cancels there). Returns (documents, qualities sorted by recommender and label);
    ``names`` None: those the project's settings switch on."""
    names, _ = _chosen(repo, names)
    lists = [*repo.gazetteers(), *gazetteers]
    context = Context(repo, repo.labels(), evaluating=True, gazetteers=lists)
    right: Counter[tuple[str, str]] = Counter()
    suggested: Counter[tuple[str, str]] = Counter()
    gold: Counter[str] = Counter()
    ids = list(_document_ids(repo, Status.DONE))
    # without a model (or with one that cannot be read) the model is not measured, nor a
    # pipeline that cannot be used: the command line says why (not_measured)
    names = [n for n in names if n not in UNMEASURED or why_nothing(context, n) is None]
    try:
        for done, document_id in enumerate(ids, 1):
            document = repo.document(document_id)
            spans = repo.spans(document_id)
            places = {(s.start, s.end, s.label) for s in spans}
            gold.update(label for _, _, label in places)
            for name in names:
                found, _ = RECOMMENDERS[name](context, document, spans)
                made = {(s.start, s.end, s.label) for s in found}
                suggested.update((name, label) for _, _, label in made)
                right.update((name, label) for _, _, label in made & places)
            if progress is not None:
                progress(done, len(ids))
    finally:
        model_suggestions.close(context.cache)
    labels = {label for _, label in suggested} | set(gold)
    table = [
        Quality(name, label, right[(name, label)], suggested[(name, label)], gold[label])
        for name in names
        for label in sorted(labels)
    ]
    return len(ids), table


@dataclass
class AcceptReport:
    """What ``accept`` did (or, with ``dry_run``, would do)."""

    accepted: Counter[tuple[str, str]] = field(default_factory=Counter)  # recommender, label
    spans_already: int = 0  # the annotator has that span already
    outscored: int = 0  # another label scored higher at the same place and kind
    dry_run: bool = False

    @property
    def total(self) -> int:
        return sum(self.accepted.values())


def accept(
    repo: Repository,
    *,
    annotator: str,
    recommenders: Collection[str] | None = None,
    min_score: float = 0.0,
    dry_run: bool = False,
) -> AcceptReport:
    """Accept the open suggestions (of ``recommenders``, scoring at least ``min_score``) as
    spans of ``annotator``, in one transaction (one Composite edit). At one place the best
    label of each kind is taken (the others stay open); one already a span of the annotator
    is left open."""
    report, edits = accept_edits(
        repo, annotator=annotator, recommenders=recommenders, min_score=min_score
    )
    report.dry_run = dry_run
    if edits and not dry_run:
        repo.apply(Composite(tuple(edits)))
    return report


def accept_edits(
    repo: Repository,
    *,
    annotator: str,
    recommenders: Collection[str] | None = None,
    min_score: float = 0.0,
    document_id: int | None = None,
) -> tuple[AcceptReport, list[AcceptSuggestion]]:
    """What ``accept`` would apply (``document_id``: only that document's suggestions), and
    its report: the window pushes the edits as one undoable action."""
    kinds: Mapping[str, Kind] = {label.name: label.kind for label in repo.labels()}
    report = AcceptReport()
    places: dict[tuple[int, int, int, Kind], list[Suggestion]] = {}
    for s in repo.suggestions(document_id, recommenders=recommenders, min_score=min_score):
        if s.label in kinds:
            places.setdefault((s.document_id, s.start, s.end, kinds[s.label]), []).append(s)
    chosen: list[Suggestion] = []
    for found in places.values():
        best = max(found, key=lambda s: (s.score, -(s.id or 0)))  # ties: the first stored
        chosen.append(best)  # its twins (the same label) are accepted with it
        report.outscored += len({s.label for s in found} - {best.label})
    edits = []
    mine: dict[int, set[tuple[int, int, str]]] = {}
    for s in chosen:
        if s.document_id not in mine:
            mine[s.document_id] = {
                (x.start, x.end, x.label)
                for x in repo.spans(s.document_id)
                if x.annotator == annotator
            }
        if (s.start, s.end, s.label) in mine[s.document_id]:
            report.spans_already += 1
            continue
        report.accepted[(s.recommender, s.label)] += 1
        edits.append(AcceptSuggestion(s.id or 0, annotator))
    return report, edits
