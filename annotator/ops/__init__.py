"""Operations across store and formats: import, export, check, stats. No Qt."""

from __future__ import annotations

from annotator.ops.checking import check_project, project_stats, repair_project
from annotator.ops.exporting import export_project
from annotator.ops.importing import Progress, collect_files, import_paths, seed_project

__all__ = [
    "Progress",
    "check_project",
    "collect_files",
    "export_project",
    "import_paths",
    "project_stats",
    "repair_project",
    "seed_project",
]
