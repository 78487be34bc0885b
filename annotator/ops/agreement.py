"""The reads behind ``annotator agreement`` and Project → Team → Agreement… (docs/adr/0074).

Which documents count: ``done`` (the default) takes, for each annotator, the documents they
marked done, and a document counts for the annotators who did; so a pair is compared over the
documents both have done and α over those at least two have done. ``all`` (or chosen ``ids``)
counts every document for every annotator named, done or not. Statuses come from the
store's export selection (``export_batches(status=DONE, annotator=…)``), spans from its
``work_reads(annotators=…)`` (docs/adr/0071: whose spans is a parameter of every read), which
reads places, not span values; the figures are computed by core/agreement.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core.agreement import Agreement, Sheet, SpeakerLink, Work, agreement
from annotator.core.agreement_match import Place
from annotator.core.errors import InputError
from annotator.core.model import Status
from annotator.store import Repository
from annotator.store.agreement_reads import WorkRead

DONE, ALL = "done", "all"
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class AgreementReport:
    agreement: Agreement
    sheets: tuple[Sheet, ...]  # what it was computed on (the window lists disagreements)
    documents: str  # "done", "all" or "chosen"
    labels: tuple[str, ...] | None  # None: every label


def _names(repo: Repository, annotators: Sequence[str] | None) -> tuple[str, ...]:
    known = repo.annotators()
    if annotators is None:
        return tuple(n for n in known if n)
    names = tuple(dict.fromkeys(a.strip() for a in annotators if a.strip()))
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(
            f"unknown annotator(s): {', '.join(unknown)} (known: {', '.join(known) or 'none'})"
        )
    return names


def _labels(repo: Repository, labels: Sequence[str] | None) -> tuple[str, ...] | None:
    if labels is None:
        return None
    names = tuple(dict.fromkeys(label.strip() for label in labels if label.strip()))
    known = [label.name for label in repo.labels().labels]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"unknown label(s): {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def _work(found: WorkRead, names: Sequence[str], labels: tuple[str, ...] | None) -> dict[str, Work]:
    places: dict[str, set[Place]] = {name: set() for name in names}
    for start, end, label, who in found.places.values():
        if who in places and (labels is None or label in labels):
            places[who].add((start, end, label))
    links: dict[str, set[SpeakerLink]] = defaultdict(set)
    for source, target in found.speakers:
        (s_start, s_end, s_label, s_who), (t_start, t_end, t_label, t_who) = (
            found.places[source],
            found.places[target],
        )
        if s_who == t_who and (labels is None or (s_label in labels and t_label in labels)):
            links[s_who].add(((s_start, s_end, s_label), (t_start, t_end, t_label)))
    return {name: Work(frozenset(places[name]), frozenset(links.get(name, ()))) for name in names}


def agreement_report(
    repo: Repository,
    *,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    documents: str = DONE,
    ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> AgreementReport:
    """The agreement of ``annotators`` (None: everyone who has spans or a status) over the
    documents ``documents`` selects, or the chosen ``ids``."""
    if documents not in (DONE, ALL):
        raise InputError(f"--documents {documents!r}: done or all")
    names = _names(repo, annotators)
    chosen = _labels(repo, labels)
    who: dict[int, list[str]] = defaultdict(list)
    if ids is not None:
        wanted = sorted(set(ids))
        who.update((i, list(names)) for i in wanted)
        kind = "chosen"
    elif documents == ALL:
        wanted = repo.document_ids()
        who.update((i, list(names)) for i in wanted)
        kind = ALL
    else:
        for name in names:
            for batch in repo.export_batches(status=Status.DONE, annotator=name):
                for doc in batch:
                    who[doc].append(name)
        wanted = sorted(doc for doc, done in who.items() if len(done) >= 2)
        kind = DONE
    sheets: list[Sheet] = []
    if wanted:
        for n, found in enumerate(repo.work_reads(wanted, annotators=names), 1):
            work = _work(found, who[found.document_id], chosen)
            sheets.append(Sheet(found.document_id, found.title, found.text, work))
            if progress is not None and n % 50 == 0:
                progress(n, len(wanted))
    kinds = {label.name: label.kind for label in repo.labels().labels}
    result = agreement(sheets, names, kinds)
    if progress is not None:
        progress(len(wanted), len(wanted))
    return AgreementReport(result, tuple(sheets), kind, chosen)
