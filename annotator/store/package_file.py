"""The team side of a project file (docs/adr/0075): its id, the identity of a package, the
documents an assignment deals, a package's setup copied in, and a merge as one transaction.

The merge checks every document of the package against the project before it writes
anything; what it writes goes through the import's attach path (store/attaching.py): only
what is missing is added, so a second merge of the same package adds nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatedDocument, Kind, Status
from annotator.store import packages
from annotator.store.connection import now
from annotator.store.document_writes import DocumentWrites
from annotator.store.packages import Candidate, PackageInfo
from annotator.store.project_file import ProjectFile


@dataclass(frozen=True, slots=True)
class MergedDocument:
    """What one document of a package brought: spans and relations added, spans there
    already, the annotator's status if it moved on, and the annotator's spans the project has
    and the package not (kept)."""

    document_id: int
    title: str
    spans: int
    already: int
    relations: int
    status: Status | None
    kept: int

    @property
    def brought(self) -> bool:
        return bool(self.spans or self.relations or self.status is not None)


class PackageFile(DocumentWrites):
    def team_project_id(self) -> str:
        """The project's id (made and written the first time: one transaction)."""
        with self._write():
            return packages.ensure_project_id(self.db.conn)

    def package_info(self) -> PackageInfo | None:
        """The identity this file carries as a work package; None if it is not one."""
        with self._read():
            return packages.package_info(self.db.conn)

    def dealable(self, statuses: Collection[Status]) -> list[Candidate]:
        """The documents whose highest status (anyone's) is one of ``statuses``, by id."""
        with self._read():
            return packages.candidates(self.db.conn, statuses)

    def start_package(self, source: ProjectFile, info: PackageInfo) -> None:
        """Make this new file the package ``info``: ``source``'s labels, gazetteers, trained
        models and recommender settings, and the identity (one transaction)."""
        with source.reading(), self._write():
            packages.copy_setup(source.db.conn, self.db.conn)
            packages.write_package_info(self.db.conn, info)

    def merge_package(
        self,
        info: PackageInfo,
        docs: Sequence[AnnotatedDocument],
        brought_labels: Sequence[tuple[str, Kind]],
        *,
        name: str,
    ) -> tuple[list[MergedDocument], list[str]]:
        """Bring ``info.annotator``'s work in ``docs`` (read from the package ``name``) into
        the project, in one transaction: every document is checked first (ValidationError
        naming the package and the document, nothing written); returns what each document
        brought and the labels added."""
        with self._write():
            conn = self.db.conn
            if packages.project_id(conn) != info.project:
                raise ValidationError(
                    f"{name}: this work package was made from another project: nothing merged"
                )
            unknown = [d for d in docs if d.document.text_sha256 not in info.documents]
            if unknown:
                raise ValidationError(
                    f"{name}: document {unknown[0].document.title!r} was not handed out in this "
                    "package: package refused, nothing merged"
                )
            ids = {d.document.text_sha256: info.documents[d.document.text_sha256] for d in docs}
            stored = packages.texts_by_id(conn, ids.values())
            for doc in docs:
                sha = doc.document.text_sha256
                doc_id = ids[sha]
                there = stored.get(doc_id)
                if there is None:
                    raise ValidationError(
                        f"{name}: document {doc_id} ({doc.document.title!r}) is not in the "
                        "project any more: package refused, nothing merged"
                    )
                if there[0] != sha:
                    raise ValidationError(
                        f"{name}: document {doc_id} ({doc.document.title!r}) has other text in "
                        "the project than in the package: package refused, nothing merged"
                    )
            added_labels = packages.ensure_labels(conn, brought_labels)
            who = info.annotator
            _, _, attached = self.add_or_attach(docs, annotator=who, attach=True)
            when = now()
            merged: list[MergedDocument] = []
            for doc, a in zip(docs, attached, strict=True):
                moved = packages.move_status_forward(
                    conn, a.document_id, who, Status(doc.status), when
                )
                status = Status(doc.status) if moved or a.status is not None else None
                places = [(s.start, s.end, s.label) for s in doc.spans]
                kept = packages.spans_not_in(conn, a.document_id, who, places)
                merged.append(
                    MergedDocument(
                        a.document_id,
                        a.title,
                        a.spans,
                        a.already,
                        a.relations,
                        status,
                        kept,
                    )
                )
            return merged, added_labels


__all__ = ["MergedDocument", "PackageFile", "ProjectFile"]
