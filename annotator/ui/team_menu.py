"""Project → Team (issue 13): the agreement dialog, made when first asked for and read anew
when asked again; a disagreement chosen in it opens its document at that span."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from annotator.store import Repository
from annotator.ui.actions import ActionCollection
from annotator.ui.agreement_dialog import AgreementDialog


class Places(Protocol):
    def open_place(self, document_id: int, start: int, end: int, label: str) -> None: ...


class TeamReports:
    def __init__(
        self, repo: Repository, actions: ActionCollection, places: Places, parent: QWidget
    ) -> None:
        self.repo, self.places, self.parent = repo, places, parent
        self.agreement: AgreementDialog | None = None
        actions["agreement"].triggered.connect(self.show_agreement)

    def show_agreement(self) -> None:
        if self.agreement is None:
            dialog = self.agreement = AgreementDialog(
                self.repo.path, self.repo.timeout, self.parent
            )
            dialog.placeChosen.connect(self.places.open_place)
        else:
            self.agreement.refresh()
        self.agreement.show()
        self.agreement.raise_()

    def retranslate(self) -> None:
        if self.agreement is not None:
            self.agreement.retranslate()
