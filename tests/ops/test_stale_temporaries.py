"""A killed export leaves temporary files; the next export into the folder removes them, and
nothing else (docs/adr/0024)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.model import AnnotatedDocument, Document
from annotator.formats.temporaries import STALE_AFTER, TEMPORARY, clean_stale_temporaries, prefix
from annotator.ops import export_project
from annotator.store import Repository, open_project

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "washington-turkey-isis.txt"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="process liveness through signals")

# Exports into OUT, and stops for good in the middle: after the third document, with the
# files of the first three written under their temporary names and nothing renamed yet.
KILLED_EXPORT = """
import sys, time
from annotator.ops import export_project
from annotator.store import open_project

def progress(done, total):
    if done == 3:
        print("writing", flush=True)
        time.sleep(120)

with open_project(sys.argv[1], create=False) as repo:
    export_project(repo, sys.argv[3], sys.argv[2], progress=progress)
"""


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    article = SEED.read_text(encoding="utf-8")
    with open_project(tmp_path / "p.annot.db") as r:
        r.add_documents(
            AnnotatedDocument(Document(None, f"خبر {n}", f"{article}\n{n}")) for n in range(6)
        )
        yield r  # type: ignore[misc]


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMPORARY.match(p.name))


def kill_an_export(repo: Repository, out: Path, fmt: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(repo.path), str(out), fmt],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL


@pytest.mark.parametrize("fmt", ["brat", "jsonl"])
def test_the_next_export_removes_what_a_killed_one_left(
    repo: Repository, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    mine = [out / ".keep", out / ".notes.txt.tmp", out / ".doc-000001.ann.k2j3h4g5.tmp"]
    for path in mine:  # hidden files of the user's, and of other programs: never touched
        path.write_text("x", encoding="utf-8")
    kill_an_export(repo, out, fmt)
    left = temporaries(out)
    assert left, "the killed export left its temporary files"
    assert not any(p.suffix in (".ann", ".jsonl") for p in out.iterdir())  # nothing renamed
    export_project(repo, fmt, out)
    assert temporaries(out) == []
    assert all(path.read_text(encoding="utf-8") == "x" for path in mine)
    assert (out / "export-report.txt").is_file()


def test_a_running_export_keeps_its_files(tmp_path: Path) -> None:
    """A temporary file of a live process (another export writing into the same folder, or
    this process) stays; one of a process that ended goes."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    try:
        ours = tmp_path / f"{prefix(tmp_path / 'a.ann')}abcdefgh.tmp"
        live = tmp_path / ours.name.replace(f"-{os.getpid()}-", f"-{sleeper.pid}-")
        dead = tmp_path / ours.name.replace(f"-{os.getpid()}-", f"-{ended.pid}-")
        for path in (ours, live, dead):
            path.write_text("x", encoding="utf-8")
        assert clean_stale_temporaries(tmp_path) == [dead]
        assert ours.exists() and live.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_another_hosts_files_go_only_when_untouched_for_a_day(tmp_path: Path) -> None:
    name = f".a.ann.export-{os.getpid()}-elsewhere-abcdefgh.tmp"
    fresh, old = tmp_path / name, tmp_path / name.replace("abcdefgh", "zyxwvuts")
    other = tmp_path / ".a.ann.abcdefgh.tmp"  # not our pattern: never, however old
    for path in (fresh, old, other):
        path.write_text("x", encoding="utf-8")
    long_ago = time.time() - STALE_AFTER - 60
    for path in (old, other):
        os.utime(path, (long_ago, long_ago))
    assert clean_stale_temporaries(tmp_path) == [old]
    assert fresh.exists() and other.exists()
