"""Run the built bundle as a user would, with no Python of ours on the way (docs/adr/0077).

    .venv/bin/python scripts/check_bundle.py dist/arabic-news-annotator   # or: make dist-check

In a fresh HOME (so the user's folders are empty): the bundled ``annotator`` command imports
the sample article (seeds/) into a new project, one span is labelled through its command line
(``annotator import --annotator`` of the article with a LOC span on أنقرة: the span is attached
to the text already there), the project is exported to CoNLL with ``--jobs 2`` (worker
processes of the frozen executable) and its agreement and stats are read; then the window is
started with QT_QPA_PLATFORM=offscreen on that project, must still be running after 10 s and
must have logged no error. The project file is checked with sqlite3. Exit code 1 on any
failure, with the command and its output.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORD = "أنقرة"


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(
            f"failed ({done.returncode}): {' '.join(args)}\n{done.stdout}{done.stderr}"
        )
    return done.stdout + done.stderr


def window_up(env: dict[str, str], command: list[str], home: Path) -> None:
    """``command`` opens the window: still running after 10 s, no error in its log."""
    window = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    time.sleep(10)
    alive = window.poll() is None
    window.terminate()
    output = window.communicate(timeout=30)[0]
    log = "".join(p.read_text("utf-8", "replace") for p in home.rglob("annotator.log"))
    if not alive or "Traceback" in log or " ERROR " in log:
        raise SystemExit(
            f"{' '.join(command)}: the window did not stay up (alive: {alive})\n{output}\n{log}"
        )


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "arabic-news-annotator")
    exe = str((folder / "annotator").resolve())
    home = Path(tempfile.mkdtemp(prefix="bundle-home-"))
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",  # no venv, no Python of ours
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home),
    }
    project = home / "sample.annot.db"
    began = time.perf_counter()
    print(run(env, exe, "--version").strip())
    print(run(env, exe, "import", str(project), str(ROOT / "seeds")).strip())
    exported = home / "export"
    run(env, exe, "export", str(project), "--format", "jsonl", "--out", str(exported))
    (line,) = (exported / "documents.jsonl").read_text("utf-8").splitlines()[:1]
    record = json.loads(line)
    start = record["text"].index(WORD)
    record["spans"] = [{"start": start, "end": start + len(WORD), "label": "LOC"}]
    labelled = home / "labelled.jsonl"
    labelled.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    print(run(env, exe, "import", str(project), str(labelled), "--annotator", "checker").strip())
    run(
        env,
        exe,
        "export",
        str(project),
        "--format",
        "conll",
        "--jobs",
        "2",
        "--out",
        str(home / "conll"),
    )
    run(env, exe, "agreement", str(project))
    run(env, exe, "stats", str(project), "--format", "html", "--out", str(home / "stats.html"))
    conn = sqlite3.connect(project)
    spans = conn.execute('SELECT start, "end", label, annotator FROM spans').fetchall()
    conn.close()
    if spans != [(start, start + len(WORD), "LOC", "checker")]:
        raise SystemExit(f"{project}: spans {spans}, expected one LOC span of checker on {WORD}")
    conll = "\n".join(p.read_text("utf-8") for p in (home / "conll").glob("*"))
    if f"{WORD} _ _ B-LOC" not in conll:
        raise SystemExit(f"{home / 'conll'}: no B-LOC on {WORD}")
    config = home / ".config" / "arabic-news-annotator"
    config.mkdir(parents=True)
    (config / "Annotator.conf").write_text("[annotator]\nname=checker\n", "utf-8")
    window_up(env, [exe], home)  # the first run: the sample project made and opened
    made = list((home / ".local" / "share").rglob("*.annot.db"))
    if len(made) != 1:
        raise SystemExit(f"the first run made {made}, not the sample project")
    conn = sqlite3.connect(made[0])
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    if documents != 1:
        raise SystemExit(f"{made[0]}: {documents} documents, not the sample article")
    window_up(env, [exe, "gui", str(project)], home)
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(
        f"bundle OK in {time.perf_counter() - began:.0f} s: {folder} {size / 2**20:.0f} MB; "
        f"the first run opened {made[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
