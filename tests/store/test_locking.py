"""Two programs on one project file: the second writer waits, then gets a plain message."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.errors import ProjectLockedError
from annotator.core.model import Span, Status
from annotator.store import open_project

from .conftest import annotated_article, dump

ROOT = Path(__file__).resolve().parents[2]

HOLD_WRITE_LOCK = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE documents SET title = 'held by the other program'")
    print("locked", flush=True)
    sys.stdin.readline()          # hold the write lock until told to let go
    conn.execute("ROLLBACK")
    conn.close()
    """
)

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from annotator.core.edits import AddSpan
    from annotator.core.model import Span
    from annotator.store import open_project
    with open_project(sys.argv[1], create=False, timeout=30) as repo:
        for i in map(int, sys.argv[3].split(",")):
            repo.apply(AddSpan(Span(None, 1, i, i + 1, "MISC", "other")))
    """
)

CREATOR = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from annotator.core.model import AnnotatedDocument, Document
    from annotator.store import open_project
    with open_project(sys.argv[1], timeout=30) as repo:
        repo.add_document(AnnotatedDocument(Document(None, "t", "خبر رقم " + sys.argv[3])))
    """
)


def test_second_writer_gets_project_locked(project_path: Path, article: str) -> None:
    with open_project(project_path) as repo:
        doc = repo.add_document(annotated_article(article))
        assert doc is not None and doc.id is not None
    before = dump(project_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(project_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        # opening and reading still work while the other program writes
        with open_project(project_path, timeout=0.2) as repo:
            assert repo.document(doc.id).title != "held by the other program"
            assert len(repo.spans(doc.id)) == 4
            with pytest.raises(ProjectLockedError) as caught:
                repo.apply(AddSpan(Span(None, doc.id, 0, 6, "LOC")))
            message = str(caught.value)
            assert str(project_path) in message
            assert "another program" in message and "try again" in message
            assert not repo.db.conn.in_transaction
            with pytest.raises(ProjectLockedError):
                repo.apply(SetStatus(doc.id, "ali", Status.DONE))
        assert holder.stdin is not None
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert dump(project_path) == before
    with open_project(project_path) as repo:  # the lock is gone: writing works again
        repo.apply(AddSpan(Span(None, doc.id, 0, 6, "LOC")))
        assert repo.check() == []


def test_two_programs_writing_at_once_lose_nothing(project_path: Path, article: str) -> None:
    with open_project(project_path) as repo:
        repo.add_document(annotated_article(article))
    # 40 places where a span of one or two characters has no white space at its edges
    places = [i for i in range(200) if not article[i].isspace() and not article[i + 1].isspace()]
    places = places[:40]
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(project_path), str(ROOT), ",".join(map(str, places))]
    )
    try:
        with open_project(project_path, timeout=30) as repo:
            for i in places:
                repo.apply(AddSpan(Span(None, 1, i, i + 2, "MISC", "me")))
        assert other.wait(timeout=60) == 0
    finally:
        if other.poll() is None:
            other.kill()
            other.wait()
    with open_project(project_path) as repo:
        stats = repo.stats()
        assert stats.spans_by_annotator == {"": 4, "me": 40, "other": 40}
        assert repo.check() == []


def test_programs_creating_one_new_project_at_once(project_path: Path) -> None:
    """Migrations run under the write lock and re-read the version: only one creates tables."""
    procs = [
        subprocess.Popen([sys.executable, "-c", CREATOR, str(project_path), str(ROOT), str(i)])
        for i in range(4)
    ]
    try:
        assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    with open_project(project_path, create=False) as repo:
        assert repo.count_documents() == 4
        assert len(repo.labels()) == 6
        assert repo.check() == []
