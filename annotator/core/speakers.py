"""The speaker rule, the one every path asks (docs/adr/0029-the-speaker-rule.md).

A ``speaker`` relation goes from a span whose label is of the quote kind to an entity span whose
label the project allows as a speaker (``Label.speaker``: PER and ORG in a new project; the
Labels dialog changes it). The store refuses a new link that breaks the rule and removes, in the
same edit, the links an edit breaks (a relabel, a label's kind or speaker flag changed);
``annotator check`` lists stored links that break it; the brat export writes only links its
``annotation.conf`` allows; the window's speaker picking asks it before linking. Other relation
types (from imported corpora) are free.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from annotator.core.model import SPEAKER, Kind, Label


class SpeakerProblem(StrEnum):
    """Why a speaker link is not allowed (the window translates each; ``describe`` in English)."""

    UNKNOWN_LABEL = "unknown_label"  # a span of a label the project does not have
    NOT_FROM_QUOTE = "not_from_quote"  # the link does not start from a quote-kind span
    NOT_AN_ENTITY = "not_an_entity"  # the speaker is not an entity-kind span
    NOT_ALLOWED = "not_allowed"  # an entity label the project does not allow as a speaker


def speaker_problem(source: Label | None, target: Label | None) -> SpeakerProblem | None:
    """Why a speaker link from a ``source`` span to a ``target`` span (their labels) breaks the
    rule, or None when it is allowed."""
    if source is None or target is None:
        return SpeakerProblem.UNKNOWN_LABEL
    if source.kind is not Kind.QUOTE:
        return SpeakerProblem.NOT_FROM_QUOTE
    if target.kind is not Kind.ENTITY:
        return SpeakerProblem.NOT_AN_ENTITY
    if not target.speaker:
        return SpeakerProblem.NOT_ALLOWED
    return None


def link_problem(
    relation_type: str, source: Label | None, target: Label | None
) -> SpeakerProblem | None:
    """``speaker_problem`` for a speaker relation; None for every other relation type."""
    return speaker_problem(source, target) if relation_type == SPEAKER else None


def describe(problem: SpeakerProblem, source: str, target: str, allowed: Sequence[str] = ()) -> str:
    """The reason in English, naming the labels: ``LOC cannot be a speaker (allowed: PER, ORG)``."""
    if problem is SpeakerProblem.UNKNOWN_LABEL:
        return f"a speaker link between labels {source!r} and {target!r}, one of them unknown"
    if problem is SpeakerProblem.NOT_FROM_QUOTE:
        return f"a speaker link must start from a quote, not from a {source} span"
    if problem is SpeakerProblem.NOT_AN_ENTITY:
        return f"the speaker must be an entity, and {target} is not an entity label"
    names = ", ".join(allowed) if allowed else "none"
    return f"{target} cannot be a speaker (labels allowed as speakers: {names})"
