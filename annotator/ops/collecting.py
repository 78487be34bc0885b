"""The files an import reads: each file named, every file under each folder named.

Folders are walked recursively in sorted order; hidden files and folders (a name starting with
".") are skipped, a brat ``.txt`` whose ``.ann`` is beside it is read through the ``.ann`` (and
the ``annotation.conf`` beside them with them).
A symbolic link inside a folder is followed when it points inside that folder; one that points
outside it (a link to /etc/passwd, to another corpus, to a home folder) is skipped with a note,
unless the import is asked to follow links (``--follow-symlinks``); a broken link is noted too.
A file or link named by the user is always read. See docs/adr/0017-hostile-input.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import one_line
from annotator.formats.brat_conf import CONF


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # paths that do not exist, empty folders
    notes: list[str] = field(default_factory=list)  # links skipped, folders unreadable
    walked: set[Path] = field(default_factory=set)  # files found in a folder (not named)


def collect(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> Collected:
    out = Collected()
    for path in map(Path, paths):
        if path.is_dir():
            found = _walk(path, follow_symlinks, out.notes)
            # a brat pair is read through its .ann: its .txt is not a document of its own, nor
            # is the annotation.conf beside it
            anns = {p.with_suffix("") for p in found if p.suffix.lower() == ".ann"}
            brat = {p.parent for p in anns}
            found = [
                p
                for p in found
                if not (p.suffix.lower() == ".txt" and p.with_suffix("") in anns)
                and not (p.name == CONF and p.parent in brat)
            ]
            if not found:
                out.errors.append(one_line(f"{path}: no files in this folder"))
            out.files.extend(found)
            out.walked.update(found)
        elif path.is_file():
            out.files.append(path)
        else:
            out.errors.append(one_line(f"{path}: no such file or folder"))
    return out


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: Path, follow: bool, notes: list[str]) -> list[Path]:
    real_root = os.path.realpath(root)
    seen = {real_root}  # folders walked (by real path): a link back up is no endless loop
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            notes.append(one_line(f"{folder}: skipped, cannot be listed: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                _link(path, real_root, follow, seen, stack, found, notes)
            elif entry.is_dir(follow_symlinks=False):
                seen.add(os.path.realpath(path))
                stack.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append(path)
    return sorted(found)


def _link(
    path: Path,
    root: str,
    follow: bool,
    seen: set[str],
    stack: list[Path],
    found: list[Path],
    notes: list[str],
) -> None:
    target = os.path.realpath(path)
    if not os.path.exists(target):
        notes.append(one_line(f"{path}: skipped, a symbolic link to nothing"))
        return
    inside = _inside(target, root)
    if not inside and not follow:
        what = "folder" if os.path.isdir(target) else "file"
        notes.append(
            one_line(
                f"{path}: skipped, a symbolic link to the {what} {target} outside the folder "
                "imported (name it, or import with --follow-symlinks)"
            )
        )
        return
    if os.path.isdir(target):
        if target not in seen and not inside:  # a folder inside is walked anyway
            seen.add(target)
            stack.append(path)
    elif os.path.isfile(target):
        found.append(path)
