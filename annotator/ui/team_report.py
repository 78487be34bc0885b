"""The reports of Project ▸ Team in the interface's language (docs/adr/0075): what
``assign`` wrote and what ``merge`` brought, a line a package. File and annotator names are
isolated, so an Arabic name sits right in an English line and a file name in an Arabic one; a
refusal's reason is the store's own words (the command line's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.ops.merging import MergeReport, PackageMerge
from annotator.ops.work_packages import AssignReport
from annotator.ui.text import isolate, ltr


def assign_lines(report: AssignReport) -> list[str]:
    head = QCoreApplication.translate(
        "TeamReport",
        "{dealt} document(s) dealt to {annotators} annotator(s), {overlap} of them to everyone",
    ).format(dealt=report.dealt, annotators=len(report.packages), overlap=report.overlap)
    return [head] + [
        QCoreApplication.translate(
            "TeamReport", "{file}: {annotator}, {documents} document(s) ({shared} shared)"
        ).format(
            file=ltr(p.path.name),
            annotator=isolate(p.annotator),
            documents=p.documents,
            shared=p.shared,
        )
        for p in report.packages
    ]


def package_line(p: PackageMerge) -> str:
    if p.refused:
        return QCoreApplication.translate(
            "TeamReport", "Refused, nothing of it merged: {reason}"
        ).format(reason=ltr(p.refused))
    values = {
        "file": ltr(p.path.name),
        "annotator": isolate(p.annotator),
        "documents": p.documents,
    }
    if not p.brought and not p.labels:
        text = QCoreApplication.translate(
            "TeamReport",
            "{file} ({annotator}, {documents} document(s)): nothing new (already merged, or no "
            "work in it yet)",
        ).format(**values)
    else:
        text = QCoreApplication.translate(
            "TeamReport",
            "{file} ({annotator}, {documents} document(s)): {spans} span(s), {relations} "
            "relation(s) and {statuses} status(es) in, on {brought} document(s); {already} "
            "span(s) there already",
        ).format(
            **values,
            spans=p.spans,
            relations=p.relations,
            statuses=p.statuses,
            brought=p.brought,
            already=p.already,
        )
    extra = []
    if p.labels:
        extra.append(
            QCoreApplication.translate("TeamReport", "Labels added: {labels}").format(
                labels=", ".join(isolate(name) for name in p.labels)
            )
        )
    if p.kept:
        extra.append(
            QCoreApplication.translate(
                "TeamReport", "{kept} span(s) of {annotator} that the package does not have, kept"
            ).format(kept=p.kept, annotator=isolate(p.annotator))
        )
    if p.others:
        extra.append(
            QCoreApplication.translate(
                "TeamReport", "{others} span(s) of other annotators in it, left out"
            ).format(others=p.others)
        )
    return "\n".join([text, *extra])


def merge_lines(report: MergeReport) -> list[str]:
    lines = [package_line(p) for p in report.packages]
    merged = len(report.packages) - report.refused
    lines.append(
        QCoreApplication.translate(
            "TeamReport", "{merged} package(s) merged into {project}, {refused} refused"
        ).format(merged=merged, project=ltr(report.project.name), refused=report.refused)
    )
    return lines
