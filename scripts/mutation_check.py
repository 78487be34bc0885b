"""A small mutation check: one-line breaks of behaviour that the test suite must notice.

    .venv/bin/python scripts/mutation_check.py            # every mutation (make test runs it)
    .venv/bin/python scripts/mutation_check.py --list     # what each one breaks

Each mutation replaces one exact piece of a source file (it must occur exactly once, so a
mutation that no longer applies fails loudly instead of passing silently) in a copy of the
repository, runs the tests that should catch it, and counts it as killed when they fail. The
run fails if any mutation survives. The first five are the single-line changes the whole
suite once let through (issue 7 §9); the rest guard the core and the store. Add one whenever a
bug gets past the tests: write the mutation, see it survive, write the test, see it killed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("annotator", "tests", "resources", "seeds", "pyproject.toml", "setup.py", "MANIFEST.in")


@dataclass(frozen=True)
class Mutation:
    what: str
    path: str
    original: str
    mutated: str
    tests: tuple[str, ...]


W = "tests/ui/window/test_list_and_evidence_follow_edits.py"
MUTATIONS = (
    Mutation(
        "a training document's naive Bayes votes counted with its own spans (in fold; ADR 0066)",
        "annotator/ops/crf_model.py",
        "    return ([every.table(part) for part in parts] if folds > 1 else [full]), full\n",
        "    return [full] * len(parts), full\n",
        ("tests/ops/test_crf_model.py",),
    ),
    Mutation(
        "an export's worker reports lose what they could not express",
        "annotator/formats/base.py",
        "        self.not_expressed += part.not_expressed\n",
        "        pass\n",
        ("tests/ops/test_export_jobs.py",),
    ),
    Mutation(
        "the document list's span count hard-wired to 0",
        "annotator/ui/document_model.py",
        "            return summary.span_count if summary.shown_spans is None"
        " else summary.shown_spans\n",
        "            return 0\n",
        (W,),
    ),
    Mutation(
        "the document list row never refreshed after an edit",
        "annotator/ui/edit_drawing.py",
        "        c.document_model.refresh_document(\n"
        "            target, membership=found.status, counts=bool(found.added) or gone\n"
        "        )\n",
        "        pass\n",
        (W,),
    ),
    Mutation(
        "Ctrl+Enter does not wrap around to the first unfinished document",
        "annotator/ui/navigation.py",
        "                key, wrapped = None, True  # on from the first row, up to ``after``\n",
        "                return None\n",
        (W,),
    ),
    Mutation(
        "a new span's text never becomes clitic evidence while the window is open",
        "annotator/ui/document_views.py",
        "        self.snapper.add_span(span)\n",
        "        pass\n",
        (W,),
    ),
    Mutation(
        "the 'that span is already there' path skipped",
        "annotator/ui/labelling.py",
        "    if existing is not None:\n",
        "    if False:\n",
        (W,),
    ),
    Mutation(
        "a duplicate span accepted by the store",
        "annotator/store/edits_apply.py",
        '    if row is not None:\n        raise ValidationError(f"{describe(span)}: the same span',
        '    if False:\n        raise ValidationError(f"{describe(span)}: the same span',
        ("tests/store/test_edits.py",),
    ),
    Mutation(
        "an undo applied to a span another window changed",
        "annotator/store/edits_apply.py",
        "    if expect is not None and span.updated != expect:\n",
        "    if False:\n",
        ("tests/store/test_conflicts.py",),
    ),
    Mutation(
        "a journal deleted under the connection not noticed",
        "annotator/store/guard.py",
        "                elif now != before:\n",
        "                elif False:\n",
        ("tests/store/test_detached.py",),
    ),
    Mutation(
        "a foreign trigger in a project file accepted",
        "annotator/store/verify.py",
        "    problems = foreign_objects(conn, version)\n    if not problems:\n        return\n",
        "    problems = foreign_objects(conn, version)\n    return\n",
        ("tests/store/test_untrusted.py",),
    ),
    Mutation(
        "a table rebuild run with foreign keys on (it deleted every relation)",
        "annotator/store/schema.py",
        '            db.execute("PRAGMA foreign_keys = OFF")  # outside the transaction',
        "            pass  # outside the transaction",
        ("tests/store/test_upgrade.py",),
    ),
    Mutation(
        "span ids reused after a delete (schema 2 lost)",
        "annotator/store/schema.py",
        "    Rebuild(_m002_ids_never_reused),\n",
        "",
        ("tests/store/test_conflicts.py",),
    ),
    Mutation(
        "the importer reads the project's own file",
        "annotator/ops/importing.py",
        "        if file_id(path) not in own:\n",
        "        if True:\n",
        ("tests/ops/test_importing.py",),
    ),
    Mutation(
        "the ل + ال contraction split as ل + a rarer stem (للعمل)",
        "annotator/core/clitics.py",
        'if self._contracted(proclitic, key) and self._counts.get("ا" + key, 0) >= found:',
        "if False:",
        ("tests/core/test_clitics.py",),
    ),
    Mutation(
        "a relabelled quote keeps its speaker link (issue 8 §1)",
        "annotator/store/edits_apply.py",
        "    dropped = drop_broken(conn, span_id=edit.span_id)  # after the label is back, in the"
        " inverse\n",
        "    dropped: list[Edit] = []\n",
        ("tests/store/test_speaker_rule.py",),
    ),
    Mutation(
        "a new speaker link to a place accepted by the store",
        "annotator/store/speakers.py",
        "    if problem is not None:\n        reason = describe(problem, names[0][0]",
        "    if False:\n        reason = describe(problem, names[0][0]",
        ("tests/store/test_speaker_rule.py",),
    ),
    Mutation(
        "the Labels dialog's changes applied one at a time (issue 8 §5)",
        "annotator/ui/label_dialog.py",
        "            error = self.edits.push_labels(edit, self.action_text(edit))\n",
        "            error = next((e for p in edit.edits"
        " if (e := self.edits.push_labels(p, '')) is not None), None)\n",
        ("tests/ui/window/test_labelset.py",),
    ),
    Mutation(
        "the name set in Settings never reaches the project (issue 8 §7)",
        "annotator/ui/controller.py",
        "            self.repo.ensure_annotator(self.annotator)\n",
        "            pass\n",
        ("tests/ui/window/test_labelset.py",),
    ),
    Mutation(
        "a BLOB text read as a document",
        "annotator/store/rows.py",
        "    if type(value) is not str:\n        raise ProjectFileError(",
        "    if False:\n        raise ProjectFileError(",
        ("tests/store/test_untrusted.py",),
    ),
    Mutation(
        "an exact label keeps the line break selected after the word (issue 8 item 2)",
        "annotator/ui/labelling.py",
        "        start, end = trim(text, start, end)\n",
        "        pass\n",
        ("tests/ui/window/test_span_edges.py",),
    ),
    Mutation(
        "a gazetteer name suggested over a span of its own kind (issue 11)",
        "annotator/core/recommend_gazetteer.py",
        "        return k == 0 or self._reach[kind][k - 1] <= start\n",
        "        return True\n",
        ("tests/core/test_recommend_gazetteer.py",),
    ),
    Mutation(
        "a gazetteer file with bad lines yields the good ones (issue 11)",
        "annotator/formats/gazetteer.py",
        "    if problems:\n",
        "    if problems and False:\n",
        ("tests/formats/test_gazetteer.py",),
    ),
    Mutation(
        "an unclosed « hides the quotes inside it (issue 11)",
        "annotator/core/quote_marks.py",
        "        found.extend(frame.inner)\n",
        "        pass\n",
        ("tests/core/test_quote_marks.py",),
    ),
    Mutation(
        "names in guillemets glued to a preposition taken for quotes (issue 11)",
        "annotator/core/recommend_quotes.py",
        "text[pair.opener - 1].isalnum() or ",
        "",
        ("tests/core/test_recommend_quotes.py",),
    ),
    Mutation(
        "the speaker looked for past a preposition (issue 11)",
        "annotator/core/recommend_quotes.py",
        "            if self.key(k) in PREPOSITIONS or",
        "            if False or",
        ("tests/core/test_recommend_quotes.py",),
    ),
    Mutation(
        "a stored minimum score out of range taken as it is (issue 11, ADR 0059)",
        "annotator/core/recommender_settings.py",
        " and 0.0 <= raw <= 1.0:",
        ":",
        ("tests/store/test_project_setup.py",),
    ),
    Mutation(
        "suggestions below the minimum score shown in the window (issue 11, ADR 0059)",
        "annotator/ui/suggestion_keys.py",
        "        shown = [s for s in found if s.score >= self.settings.min_score]\n",
        "        shown = list(found)\n",
        ("tests/ui/window/test_suggestion_settings.py",),
    ),
    Mutation(
        "the search list's labels not read again after labelling from it (issue 11, ADR 0067)",
        "annotator/ui/search_labels.py",
        "    refresh_covered(host, panel)\n",
        "    pass\n",
        ("tests/ui/window/test_project_search.py",),
    ),
    Mutation(
        "the search list's labels not read again after an undo (issue 11, ADR 0067)",
        "annotator/ui/search_dock.py",
        "        controller.stack.indexChanged.connect(lambda _index: self._covered.start())\n",
        "",
        ("tests/ui/window/test_project_search.py",),
    ),
    Mutation(
        "another annotator's span relabelled, moved or removed silently (issue 13, ADR 0071)",
        "annotator/store/actor.py",
        '    if owner != actor:\n        raise _refuse(f"span {span_id}", owner, actor)\n',
        "    pass\n",
        ("tests/store/test_whose_work.py",),
    ),
    Mutation(
        "two annotators whose names hash to one colour drawn alike (issue 13, ADR 0071)",
        "annotator/ui/annotator_colours.py",
        "    return _assigned.get(name) or COLOURS[_hashed(name)]\n",
        "    return COLOURS[_hashed(name)]\n",
        ("tests/ui/window/test_whose_spans.py",),
    ),
    Mutation(
        "the window edits with no actor: nothing of another's is refused (ADR 0071)",
        "annotator/ui/controller.py",
        "        inverse = self.repo.apply(edit, actor=self.annotator)\n",
        "        inverse = self.repo.apply(edit)\n",
        ("tests/ui/window/test_whose_spans.py",),
    ),
    Mutation(
        "the model evaluated by the stored model, which learned from the scored documents "
        "(issue 12, ADR 0069)",
        "annotator/ops/model_suggestions.py",
        "    if not evaluating or model.source != model_store.PROJECT:\n",
        "    if True:\n",
        ("tests/cli/test_train_store.py",),
    ),
    Mutation(
        "the spaCy pipeline's entities stored as its tokens have them, proclitic and "
        "punctuation kept (issue 12, ADR 0078)",
        "annotator/ops/spacy_suggestions.py",
        "        start, end = snapped.start, snapped.end\n",
        "        start, end = f.start, f.end\n",
        ("tests/cli/test_suggest_spacy.py",),
    ),
    Mutation(
        "a merge moves an annotator's status back (done to in progress; ADR 0075)",
        "annotator/store/packages.py",
        "    if RANK[status] <= RANK[there]:\n",
        "    if status is Status.NEW:\n",
        ("tests/ops/test_work_packages.py",),
    ),
    Mutation(
        "a package holding other text for a project's document is merged (ADR 0075)",
        "annotator/store/package_file.py",
        "                if there[0] != sha:\n",
        "                if False:\n",
        ("tests/ops/test_work_packages.py",),
    ),
    Mutation(
        "curation: half of the annotators counted as a majority",
        "annotator/core/curation.py",
        "if 2 * len(who) > count}",
        "if 2 * len(who) >= count}",
        ("tests/core/test_curation.py",),
    ),
    Mutation(
        "curation: undoing a take of neither leaves the disagreement resolved",
        "annotator/ui/curation.py",
        "        self.session.decided.pop(self.key, None)\n",
        "        pass\n",
        ("tests/ui/window/test_curation.py",),
    ),
    Mutation(
        "label-all: a text handed to the store that is not its span's is taken",
        "annotator/store/spans_bulk.py",
        "        if span.document_id not in read.lengths or len(text) != span.end - span.start:\n",
        "        if span.document_id not in read.lengths:\n",
        ("tests/store/test_spans_bulk.py",),
    ),
    Mutation(
        "an accept that made a speaker link does not draw it",
        "annotator/ui/effects.py",
        "            case RemoveRelation():\n                relations = True\n"
        "            case SetStatus():",
        "            case RemoveRelation():\n                pass\n            case SetStatus():",
        ("tests/ui/window/test_suggestions.py",),
    ),
)


def copy_repo(into: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, into / name, ignore=shutil.ignore_patterns("__pycache__", "screenshots")
            )
        elif source.exists():
            shutil.copy2(source, into / name)


def run(mutation: Mutation, tree: Path) -> tuple[bool, float]:
    """(killed, seconds) for one mutation applied to ``tree`` and undone afterwards."""
    target = tree / mutation.path
    source = target.read_text(encoding="utf-8")
    count = source.count(mutation.original)
    if count != 1:
        raise SystemExit(
            f"{mutation.path}: the mutation {mutation.what!r} matches {count} times; "
            "update it to the code as it is now"
        )
    target.write_text(source.replace(mutation.original, mutation.mutated), encoding="utf-8")
    started = time.monotonic()
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *mutation.tests],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        target.write_text(source, encoding="utf-8")
    return result.returncode != 0, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the mutations and stop")
    args = parser.parse_args()
    if args.list:
        for m in MUTATIONS:
            print(f"{m.path}: {m.what}  [{', '.join(m.tests)}]")
        return 0
    survived = []
    with tempfile.TemporaryDirectory(prefix="mutation-check-") as tmp:
        tree = Path(tmp)
        copy_repo(tree)
        for m in MUTATIONS:
            killed, seconds = run(m, tree)
            print(f"{'killed  ' if killed else 'SURVIVED'} {seconds:5.1f} s  {m.path}: {m.what}")
            if not killed:
                survived.append(m)
    print(f"{len(MUTATIONS) - len(survived)} of {len(MUTATIONS)} mutations killed")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
