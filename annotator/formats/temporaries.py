"""The temporary files of an export, and removing those a killed export left (docs/adr/0024).

An export writes every file under a hidden temporary name beside its target and renames them
all at the end (``AtomicFiles``). A process killed in between leaves them: a brat export of a
big project left 11,277. Each name says who wrote it::

    .doc-000012.ann.export-4242-myhost-k2j3h4g5.tmp
     ^target name   ^pid ^host  ^random (mkstemp)

so the next export into the folder can tell a stale file from one a running export is still
writing: on this host, a file whose process is gone is stale; a file of a live process, of
another host (a shared folder) or of a process we cannot check is stale only once it has not
been touched for ``STALE_AFTER`` seconds. Nothing else is ever removed: only names of exactly
this pattern, only files, only in the export folder itself.
"""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path

STALE_AFTER = 24 * 3600.0  # seconds untouched after which any of our temporary files is stale
SUFFIX = ".tmp"
_HOST = re.sub(r"[^A-Za-z0-9-]", "", socket.gethostname())[:32] or "host"
TEMPORARY = re.compile(
    r"^\.(?P<target>.+)\.export-(?P<pid>[0-9]+)-(?P<host>[A-Za-z0-9-]{1,32})-[a-z0-9_]{8}\.tmp$"
)


def prefix(target: Path) -> str:
    """The start of a temporary name for ``target`` (mkstemp adds 8 random characters and
    ``SUFFIX``)."""
    return f".{target.name}.export-{os.getpid()}-{_HOST}-"


def _alive(pid: int) -> bool | None:
    """Whether process ``pid`` of this host runs; None when this system cannot say."""
    if os.name != "posix":
        return None  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return None
    return True


def is_stale(path: Path, *, now: float | None = None) -> bool:
    """True for a temporary file of ours that no running export is writing."""
    found = TEMPORARY.match(path.name)
    if found is None:
        return False
    pid = int(found["pid"])
    if found["host"] == _HOST and pid != os.getpid() and _alive(pid) is False:
        return True
    try:
        touched = path.lstat().st_mtime
    except FileNotFoundError:
        return False
    return (time.time() if now is None else now) - touched > STALE_AFTER


def clean_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the stale temporary files of earlier exports from ``folder``; the ones removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        if not entry.name.startswith(".") or not entry.name.endswith(SUFFIX):
            continue
        path = Path(entry.path)
        if entry.is_file(follow_symlinks=False) and is_stale(path):
            try:
                path.unlink()
            except FileNotFoundError:
                continue  # another export cleaned it first
            removed.append(path)
    return removed
