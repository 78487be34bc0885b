"""A small spaCy ``ner`` pipeline trained from a project's own spans (issue 12, ADR 0078): what
the tests of the ``spacy`` recommender point at. spacy.blank("ar") with a ner, trained a few
passes on the entity spans of a project imported from ANERcorp's first 3,000 lines, saved to a
directory: seconds, nothing downloaded.

The pipeline's labels are not the project's, as a pipeline of someone else's would have them:
PERS becomes PERSON, LOC becomes GPE, ORG becomes ORGANIZATION, MISC stays MISC.
"""

from __future__ import annotations

import random
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.store import open_project

FIXTURES = Path(__file__).parent / "fixtures"
RENAMED = {"PERS": "PERSON", "LOC": "GPE", "ORG": "ORGANIZATION", "MISC": "MISC"}
PASSES = 8
LEARN_RATE = 0.005  # ten times spaCy's default: a few passes over one document


def anercorp_project(directory: Path) -> Path:
    """A project of ANERcorp's first 3,000 lines (two documents, their labels PERS, LOC, ORG,
    MISC), imported through the command line."""
    lines = (FIXTURES / "ANERCorp.txt").read_text("utf-8").splitlines(keepends=True)
    corpus = directory / "anercorp.txt"
    corpus.write_text("".join(lines[:3000]), encoding="utf-8")
    path = directory / "anercorp.annot.db"
    result = CliRunner().invoke(cli, ["import", str(path), str(corpus)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


def sentences(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, list]]:
    """The text's lines (ANERcorp's sentences) with the spans inside each, shifted."""
    pieces = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        inside = [(s - start, e - start, lb) for s, e, lb in spans if start <= s and e <= end]
        if line.strip():
            pieces.append((line, inside))
        start = end + 1
    return pieces


def train_pipeline(project: Path, out: Path) -> Path:
    """A ner pipeline trained on the entity spans of ``project``'s first document, saved in
    ``out``."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)  # thinc's initial weights: the same pipeline every session
    nlp = spacy.blank("ar")
    ner = nlp.add_pipe("ner")
    for label in RENAMED.values():
        ner.add_label(label)
    examples = []
    with open_project(project, create=False, read_only=True) as repo:
        for annotated in list(repo.iter_annotated())[:1]:  # the first document: seconds
            spans = [(s.start, s.end, RENAMED[s.label]) for s in annotated.spans]
            for text, inside in sentences(annotated.document.text, spans):
                doc = nlp.make_doc(text)
                ents = [doc.char_span(s, e, lb, alignment_mode="expand") for s, e, lb in inside]
                doc.ents = spacy.util.filter_spans([e for e in ents if e is not None])
                examples.append(Example(nlp.make_doc(text), doc))
    optimizer = nlp.initialize(lambda: examples)
    optimizer.learn_rate = LEARN_RATE
    rng = random.Random(0)
    for _ in range(PASSES):
        rng.shuffle(examples)
        for batch in spacy.util.minibatch(examples, 16):
            nlp.update(batch, sgd=optimizer)
    nlp.to_disk(out)
    return out
