"""The speaker rule: from a quote-kind span to an entity of a label allowed as a speaker."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.core.model import DEFAULT_LABELS, Kind, Label
from annotator.core.speakers import SpeakerProblem, describe, link_problem, speaker_problem

LABELS = DEFAULT_LABELS


def label(name: str) -> Label:
    found = LABELS.get(name)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("source", "target", "problem"),
    [
        ("QUOTE", "PER", None),
        ("QUOTE", "ORG", None),
        ("QUOTE", "LOC", SpeakerProblem.NOT_ALLOWED),
        ("QUOTE", "MISC", SpeakerProblem.NOT_ALLOWED),
        ("QUOTE", "EVENT", SpeakerProblem.NOT_AN_ENTITY),
        ("QUOTE", "QUOTE", SpeakerProblem.NOT_AN_ENTITY),
        ("ORG", "PER", SpeakerProblem.NOT_FROM_QUOTE),
        ("EVENT", "PER", SpeakerProblem.NOT_FROM_QUOTE),
    ],
)
def test_the_default_rule(source: str, target: str, problem: SpeakerProblem | None) -> None:
    assert speaker_problem(label(source), label(target)) is problem


def test_the_allowed_labels_are_the_project_setting() -> None:
    assert LABELS.speakers == ("PER", "ORG")
    loc = replace(label("LOC"), speaker=True)
    assert speaker_problem(label("QUOTE"), loc) is None
    org = replace(label("ORG"), speaker=False)
    assert speaker_problem(label("QUOTE"), org) is SpeakerProblem.NOT_ALLOWED
    # a speaker flag on a label that is not an entity does not make it a speaker
    event = Label("EV", Kind.EVENT, "#000000", speaker=True)
    assert speaker_problem(label("QUOTE"), event) is SpeakerProblem.NOT_AN_ENTITY
    # any label of the quote kind may have a speaker (an imported corpus's own CITATION)
    citation = Label("CITATION", Kind.QUOTE, "#000000")
    assert speaker_problem(citation, label("PER")) is None


def test_unknown_labels_and_other_relation_types() -> None:
    assert speaker_problem(None, label("PER")) is SpeakerProblem.UNKNOWN_LABEL
    assert link_problem("speaker", label("QUOTE"), label("LOC")) is SpeakerProblem.NOT_ALLOWED
    assert link_problem("located_in", label("QUOTE"), label("LOC")) is None


def test_the_reasons_name_the_labels() -> None:
    text = describe(SpeakerProblem.NOT_ALLOWED, "QUOTE", "LOC", ("PER", "ORG"))
    assert text == "LOC cannot be a speaker (labels allowed as speakers: PER, ORG)"
    assert "ORG span" in describe(SpeakerProblem.NOT_FROM_QUOTE, "ORG", "PER")
    assert "EVENT is not an entity" in describe(SpeakerProblem.NOT_AN_ENTITY, "QUOTE", "EVENT")
